"""Pairwise sentence alignment: two versions' sentences in, n-m beads with explicit gaps out.

Three steps, each close to linear in the documents' length:

1. Candidates (``candidates``): every sentence's k nearest neighbours on the other
   side, computed in chunks (memory O((n+m)k)). Ratio margin over them picks
   anchors: mutual best matches. From the same pass each model's cosines are
   calibrated *for this document*: 0 is the mean cosine of unrelated pairs, 1 the
   median cosine of anchors (blended with the model's stored calibration when the
   document is short), and each window size's chance level is removed, so scores of
   different models, documents and bead sizes share one scale.
2. Blocks (``blocks``): anchors are chained into collinear runs; when the runs
   put the target in another order than the source (moved paragraphs), the target
   is cut into pieces and read in the source's order, so step 3 stays monotone.
   Moving is a hypothesis: ``align_pair`` keeps the reading order (none, runs, runs
   and single strong anchors) whose best alignment scores highest, less a cost per cut.
3. Beads (``_Pair.search``): a dynamic programme over beads of up to ``max_align``
   sentences (both sides together) and explicit 1-0 / 0-1 gaps, in a band around the
   anchor path. A bead's score is ``weights . features`` (``FEATURES``): the calibrated
   similarity of its two windows (runs of consecutive sentences embedded together),
   scaled by its size, each member's own match to the other window, the Gale-Church
   length term, shared rare words, and shape terms. A skipped sentence costs a number
   of standard deviations of unrelated pairs' similarity in this document: the skip
   cost is calibrated per document and model, not a constant.

Nothing here reads files or prints; vectors of windows come from ``Windows``,
which embeds them on demand through a caller's function.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Callable, Sequence

import numpy as np

EmbedFn = Callable[[Sequence[str]], np.ndarray]

NEG_INF = -1e18


# What a bead's score is made of: score = weights . features (see ``_Pair.features``). Similarities
# are calibrated per document and model (1 = a typical match, 0 = unrelated).
FEATURES: tuple[str, ...] = (
    "sim",         # similarity of the two windows (runs of the bead's sentences embedded together)
    "sim_extra",   # sim * (sentences - 2): how much a merged bead's similarity counts for its size
    "extra",       # sentences - 2 (0 for 1-1)
    "many_many",   # 1 when both sides hold two or more sentences
    "cover",       # min(weakest member's own similarity to the other window - sim, 0), merged beads
    "hinge_low",   # sum over merged members of min(own similarity - 0.2, 0)
    "hinge_high",  # sum over merged members of min(own similarity - 0.5, 0)
    "length",      # Gale-Church log-probability of the two sides' lengths in characters, / 10
    "junk_in",     # lines that are mostly not letters inside a side of two or more
    "neighbours",  # mean similarity of each window to the sentences just outside the other (Bertalign's margin)
    "gap",         # a skipped sentence: the spread of unrelated pairs' similarity in this document
    "gap_junk",    # a skipped line that is mostly not letters
    "bead",        # 1 for every bead with both sides
    "lex",         # rare words shared by the two sides (names, numbers, cognates), idf-weighted
    "mass",        # sum over the bead's sentence pairs of max(sim - 0.3, 0): similarity the bead keeps together
    "mutual",      # mutual best pairs inside a merged bead beyond the first (each could be its own 1-1 bead)
    "members",     # sum over the members of a side of two or more of each one's own similarity to the other window
)
F = len(FEATURES)


def weights_of(**named: float) -> tuple[float, ...]:
    """A weight vector from feature names (the rest 0)."""
    unknown = set(named) - set(FEATURES)
    if unknown:
        raise ValueError(f"unknown bead features: {sorted(unknown)}")
    return tuple(float(named.get(f, 0.0)) for f in FEATURES)


@dataclass(frozen=True)
class BeadOptions:
    """Knobs of the pairwise aligner: the search's shape and the bead score's weights."""

    max_align: int = 5  # most sentences in one bead, both sides together (1-4, 2-3, ... with 5)
    max_side: int = 4  # most sentences on one side of a bead
    k: int = 4  # neighbours in the ratio margin's denominator
    band: int = 8  # search radius around the anchor path, in sentences
    anchor_min: float = 0.5  # calibrated similarity an anchor needs
    chain_gap: int = 6  # anchors further apart than this (on either side) start a new run
    min_chain: int = 2  # a run needs this many anchors to count as a block
    single_min: float = 0.9  # ... unless all its anchors are at least this similar (calibrated)
    move_cost: float = 0.5  # a reading order with moved blocks must score this much better per cut
    prior_weight: float = 8.0  # pseudo-count of the stored calibration against the document's own
    length_variance: float = 6.8  # Gale-Church variance of the target length per source character
    # tuned on Text+Berg dev only (coordinate search, benchmarks/textberg.py)
    weights: tuple[float, ...] = weights_of(sim=1.0, sim_extra=0.5, extra=-0.05, many_many=0.05, cover=0.5,
                                             length=0.5, junk_in=-0.3, gap=-1.0, bead=0.05, lex=0.3, mutual=-0.2)


PROFILES: dict[str, BeadOptions] = {
    # tuned on Text+Berg dev (benchmarks/textberg.py): splits and merges are common
    "align": BeadOptions(),
    # the checker's: a merged bead must match about as well as its best single sentence once the
    # chance-level rise of joined windows is removed (a gain test), and a gap is free, so an added
    # or dropped sentence next to a translated one stays a gap the flags see
    "check": BeadOptions(weights=weights_of(sim=1.0, extra=-0.02)),
}


@dataclass(frozen=True)
class Bead:
    """Sentences of the source and of the target that say the same thing; one side empty is a gap."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    score: float  # calibrated similarity of the two sides (1 = typical match); 0.0 for a gap
    cosine: float = 0.0  # raw cosine of the two sides' windows by the first model (0.0 for a gap)

    def as_list(self) -> list[list[int]]:
        return [list(self.src), list(self.tgt)]


class Windows:
    """Vectors of one version's runs of consecutive sentences, embedded on demand and kept.

    ``get(length)`` is an (n - length + 1, d) array, row i the run starting at sentence i.
    Without ``embed_fn`` a run's vector is the normalised sum of its sentences' vectors.
    """

    def __init__(self, texts: Sequence[str], vectors: np.ndarray, embed_fn: EmbedFn | None = None) -> None:
        self.texts = list(texts)
        self.vectors = np.asarray(vectors, dtype=np.float32)
        self.embed_fn = embed_fn
        self._runs: dict[int, np.ndarray] = {1: self.vectors}
        self.embedded = 0  # how many runs were sent to the embedder
        self._junk: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.texts)

    def junk(self) -> np.ndarray:
        """1.0 for lines that are mostly not letters (see ``_junk``), else 0.0."""
        if self._junk is None:
            self._junk = np.array([_junk(t) for t in self.texts], dtype=np.float64)
        return self._junk

    def get(self, length: int) -> np.ndarray:
        if length not in self._runs:
            n = len(self.texts) - length + 1
            if n <= 0:
                self._runs[length] = np.zeros((0, self.vectors.shape[1]), dtype=np.float32)
            elif self.embed_fn is None:
                csum = np.concatenate([np.zeros((1, self.vectors.shape[1]), np.float32),
                                       np.cumsum(self.vectors, axis=0)])
                runs = csum[length:] - csum[:-length]
                self._runs[length] = runs / np.maximum(np.linalg.norm(runs, axis=1, keepdims=True), 1e-12)
            else:
                texts = [" ".join(self.texts[i : i + length]) for i in range(n)]
                self.embedded += len(texts)
                self._runs[length] = np.asarray(self.embed_fn(texts), dtype=np.float32)
        return self._runs[length]


@dataclass(frozen=True)
class View:
    """One model's view of a version pair: both sides' windows, a weight, and the model's stored calibration."""

    src: Windows
    tgt: Windows
    weight: float = 1.0
    prior: Prior | None = None  # the model's stored calibration


@dataclass(frozen=True)
class Prior:
    """A model's stored calibration (cosines measured on STS-B): what a short document falls back on."""

    positive: float  # median cosine of translations
    negative: float  # median cosine of unrelated pairs
    spread: float  # standard deviation of unrelated pairs' cosines


@dataclass
class Candidates:
    """Per model and document: calibration, neighbours, and the anchors (mutual best by margin)."""

    positive: float  # cosine of a typical match in this document (median of the anchors)
    negative: float  # cosine of a typical unrelated pair (mean over pairs that are nobody's candidates)
    spread: float  # standard deviation of unrelated pairs' cosines, calibrated (per unit of positive - negative)
    knn_src: np.ndarray  # mean cosine of each source sentence's k nearest targets
    knn_tgt: np.ndarray
    anchors: list[tuple[int, int, float]] = field(default_factory=list)  # (src, tgt, calibrated similarity)
    mutual: list[tuple[int, int]] = field(default_factory=list)  # every mutual best pair by margin
    shift: dict[tuple[int, int], float] = field(default_factory=dict)  # chance level of (a, b) windows - (1, 1)

    def calibrate(self, cos: np.ndarray, a: int = 1, b: int = 1) -> np.ndarray:
        """Calibrated similarity of an a-sentence and a b-sentence window (longer windows match more by chance)."""
        return (cos - self.negative - self.shift.get((a, b), 0.0)) / max(self.positive - self.negative, 1e-6)


def _topk_rows(sims: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Indices and values of each row's k largest entries (unsorted)."""
    k = min(k, sims.shape[1])
    idx = np.argpartition(-sims, k - 1, axis=1)[:, :k]
    return idx, np.take_along_axis(sims, idx, axis=1)


def candidates(src: np.ndarray, tgt: np.ndarray, options: BeadOptions, prior: Prior | None = None,
               chunk: int = 512, seed: int = 0) -> Candidates:
    """Neighbours, per-document calibration and anchors of one model, in chunks (memory O((n+m)k)).

    Unrelated pairs are those outside every source sentence's ``kk`` nearest targets;
    with few sentences the stored calibration (``prior``) weighs in, as ``prior_weight``
    pseudo-sentences against the document's own.
    """
    n, m = src.shape[0], tgt.shape[0]
    k = max(1, min(options.k, n, m))
    kk = min(max(k, 8), m)  # candidates kept per source row for the margin test
    row_idx = np.zeros((n, kk), dtype=np.int64)
    row_val = np.zeros((n, kk), dtype=np.float32)
    col_val = np.full((min(k, n), m), -np.inf, dtype=np.float32)  # running top-k per target column
    total = total_sq = 0.0
    for lo in range(0, n, chunk):
        sims = src[lo : lo + chunk] @ tgt.T
        idx, val = _topk_rows(sims, kk)
        total += float(sims.sum(dtype=np.float64)) - float(val.sum(dtype=np.float64))
        total_sq += float(np.square(sims, dtype=np.float64).sum()) - float(np.square(val, dtype=np.float64).sum())
        row_idx[lo : lo + chunk], row_val[lo : lo + chunk] = idx, val
        both = np.concatenate([col_val, sims], axis=0)
        col_val = -np.sort(-both, axis=0)[: col_val.shape[0]]
    knn_src = -np.sort(-row_val, axis=1)[:, :k].mean(axis=1)
    knn_tgt = col_val.mean(axis=0)
    null_count = n * (m - kk)
    # anchors: mutual best by ratio margin among each row's kept candidates
    marg = row_val / ((knn_src[:, None] + knn_tgt[row_idx]) / 2.0)
    best_j = row_idx[np.arange(n), marg.argmax(axis=1)]
    col_best_i = np.full(m, -1, dtype=np.int64)
    col_best_m = np.full(m, -np.inf, dtype=np.float32)
    for i in range(n):  # a target's best source by margin, among rows that kept it as a candidate
        js, ms = row_idx[i], marg[i]
        upd = ms > col_best_m[js]
        col_best_m[js[upd]] = ms[upd]
        col_best_i[js[upd]] = i
    mutual = [(i, int(best_j[i])) for i in range(n) if col_best_i[best_j[i]] == i]
    mutual_cos = np.array([float(src[i] @ tgt[j]) for i, j in mutual], dtype=np.float32)
    # the document's own levels, weighted by how much evidence there is for each
    n_pos, n_neg = len(mutual_cos), (min(n, m - kk) if null_count > 0 else 0)
    pos_doc = float(np.median(mutual_cos)) if n_pos else 0.0
    neg_doc = total / null_count if null_count > 0 else 0.0
    std_doc = math.sqrt(max(total_sq / null_count - neg_doc**2, 0.0)) if null_count > 0 else 0.0
    w = options.prior_weight if prior is not None else 0.0
    p = prior or Prior(positive=pos_doc if n_pos else 1.0, negative=neg_doc, spread=std_doc or 0.1)

    def blend(doc: float, count: int, stored: float) -> float:
        return (count * doc + w * stored) / (count + w) if count + w > 0 else stored

    pos = blend(pos_doc, n_pos, p.positive)
    neg = blend(neg_doc, n_neg, p.negative)
    std = blend(std_doc, n_neg, p.spread)
    if pos - neg < 1e-3:
        pos = neg + 1e-3
    cand = Candidates(positive=pos, negative=neg, spread=std / (pos - neg), knn_src=knn_src, knn_tgt=knn_tgt)
    cal = cand.calibrate(mutual_cos) if n_pos else np.zeros(0)
    cand.anchors = [(i, j, float(s)) for (i, j), s in zip(mutual, cal) if s >= options.anchor_min]
    cand.mutual = mutual
    return cand


@dataclass(frozen=True)
class Blocks:
    """The target read in the source's order: ``order`` lists original target indices, ``piece`` their run.

    """

    order: np.ndarray  # permuted position -> original target index
    piece: np.ndarray  # permuted position -> piece number (a bead never spans two pieces)
    anchors: list[tuple[int, int]]  # accepted anchors, (source, permuted target position), monotone
    reordered: bool


def _chains(anchors: Sequence[tuple[int, int, float]], gap: int) -> list[list[tuple[int, int, float]]]:
    """Collinear runs of anchors: each anchor extends the closest run it continues forwards on both sides.

    A run never jumps over another anchor on either side: the anchors it would skip sit
    somewhere else on the other side, i.e. a moved block starts there.
    """
    src_at = sorted(i for i, _, _ in anchors)
    tgt_at = sorted(j for _, j, _ in anchors)

    def skips(lo: int, hi: int, at: list[int]) -> bool:  # an anchor strictly between lo and hi
        return bisect_right(at, lo) < bisect_left(at, hi)

    chains: list[list[tuple[int, int, float]]] = []
    for a in sorted(anchors):
        best, best_cost = None, None
        for c in chains:
            i0, j0, _ = c[-1]
            di, dj = a[0] - i0, a[1] - j0
            if 0 < di <= gap and 0 < dj <= gap and not skips(i0, a[0], src_at) and not skips(j0, a[1], tgt_at):
                cost = abs(di - dj) + 0.1 * (di + dj)
                if best_cost is None or cost < best_cost:
                    best, best_cost = c, cost
        if best is None:
            chains.append([a])
        else:
            best.append(a)
    return chains


def blocks(n: int, m: int, anchors: Sequence[tuple[int, int, float]], options: BeadOptions,
           affinity: Callable[[int, Sequence[int]], float] | None = None,
           edge: Callable[[tuple[int, int], tuple[int, int], int, int], float] | None = None,
           moves: str = "runs") -> Blocks:
    """Find the target's blocks and read them in the source's order (identity when nothing moved).

    ``moves``: "none" keeps only runs in the source's order (the anchors then just guide the
    band), "runs" lets runs of ``min_chain`` anchors move, "singles" also single anchors of
    ``single_min`` or more. ``affinity(t, src_indices)`` (best similarity of target t to those
    sources) places the target sentences between two blocks' anchors at the end of one block
    or the start of the next.
    """
    runs = [c for c in _chains(anchors, options.chain_gap)
            if len(c) >= options.min_chain or (moves == "singles" and min(x[2] for x in c) >= options.single_min)]
    runs.sort(key=lambda c: (-len(c), -sum(s for _, _, s in c)))
    taken: list[list[tuple[int, int, float]]] = []
    for c in runs:  # strongest first; a run overlapping a stronger one on either side is noise
        si, sj = (c[0][0], c[-1][0]), (c[0][1], c[-1][1])
        if all(si[1] < t[0][0] or si[0] > t[-1][0] for t in taken) and \
           all(sj[1] < t[0][1] or sj[0] > t[-1][1] for t in taken):
            if moves == "none" and not all((si[0] < t[0][0]) == (sj[0] < t[0][1]) for t in taken):
                continue  # out of order: no moves allowed
            taken.append(c)
    taken.sort(key=lambda c: c[0][0])
    by_tgt = sorted(range(len(taken)), key=lambda x: taken[x][0][1])
    reordered = by_tgt != list(range(len(taken)))
    if not reordered:
        return Blocks(order=np.arange(m), piece=np.zeros(m, dtype=np.int64),
                      anchors=[(i, j) for c in taken for i, j, _ in c], reordered=False)
    # merge runs that follow each other on both sides: only moves need cuts
    merged: list[list[tuple[int, int, float]]] = []
    for x in range(len(taken)):
        c = taken[x]
        if merged and by_tgt.index(x) == by_tgt.index(x - 1) + 1:
            merged[-1] = merged[-1] + c
        else:
            merged.append(list(c))
    taken = merged
    by_tgt = sorted(range(len(taken)), key=lambda x: taken[x][0][1])
    # cut the target between consecutive blocks (in target order): each free sentence between
    # them goes with the block whose edge (its last or first anchor's source and the sentences
    # beyond) it matches better
    cuts = [0]
    for pos in range(1, len(by_tgt)):
        prev, nxt = taken[by_tgt[pos - 1]], taken[by_tgt[pos]]
        lo, hi = prev[-1][1] + 1, nxt[0][1]  # free targets: lo .. hi-1
        best_cut = hi
        if affinity is not None and hi > lo:
            after_prev = list(range(prev[-1][0], min(n, prev[-1][0] + 3)))
            before_next = list(range(max(0, nxt[0][0] - 2), nxt[0][0] + 1))
            a_prev = [affinity(t, after_prev) for t in range(lo, hi)]
            a_next = [affinity(t, before_next) for t in range(lo, hi)]
            scores = [sum(a_prev[: c - lo]) + sum(a_next[c - lo :]) for c in range(lo, hi + 1)]
            if edge is not None:  # how well each edge's anchor bead absorbs the free sentences given it
                scores = [x + edge(prev[-1][:2], nxt[0][:2], c - lo, hi - lo) for x, c in zip(scores, range(lo, hi + 1))]
            best_cut = lo + int(np.argmax(scores))
        cuts.append(best_cut)
    cuts.append(m)
    pieces = [(cuts[p], cuts[p + 1]) for p in range(len(by_tgt))]  # piece p holds block by_tgt[p]
    piece_of_block = {b: p for p, b in enumerate(by_tgt)}
    order: list[int] = []
    piece: list[int] = []
    for b in range(len(taken)):
        p = piece_of_block[b]
        lo, hi = pieces[p]
        order.extend(range(lo, hi))
        piece.extend([p] * (hi - lo))
    order_arr = np.array(order, dtype=np.int64)
    position = np.empty(m, dtype=np.int64)
    position[order_arr] = np.arange(m)
    acc = [(i, int(position[j])) for c in taken for i, j, _ in c]
    return Blocks(order=order_arr, piece=np.array(piece, dtype=np.int64), anchors=acc, reordered=True)


def _band(n: int, m: int, anchors: Sequence[tuple[int, int]], width: int) -> tuple[np.ndarray, np.ndarray]:
    """Per DP row 0..n, the lowest and highest column searched: rectangles between anchors, widened."""
    pts = [(0, 0)]
    for i, j in sorted(anchors):
        if i >= pts[-1][0] and j >= pts[-1][1]:
            pts.append((i, j))
            pts.append((i + 1, j + 1))
    pts.append((n, m))
    lo = np.full(n + 1, m, dtype=np.int64)
    hi = np.zeros(n + 1, dtype=np.int64)
    for (i1, j1), (i2, j2) in zip(pts, pts[1:]):
        if i2 < i1 or j2 < j1:
            continue
        r0, r1 = max(0, i1 - width), min(n, i2 + width)
        lo[r0 : r1 + 1] = np.minimum(lo[r0 : r1 + 1], max(0, j1 - width))
        hi[r0 : r1 + 1] = np.maximum(hi[r0 : r1 + 1], min(m, j2 + width))
    lo = np.minimum.accumulate(lo[::-1])[::-1]
    hi = np.maximum.accumulate(hi)
    lo[0] = 0
    hi[n] = m
    return lo, hi


def _log_erfc(x: np.ndarray) -> np.ndarray:
    """log(erfc(x)) for x >= 0 (Abramowitz-Stegun 7.1.26 for small x, the asymptote beyond)."""
    x = np.asarray(x, dtype=np.float64)
    t = 1.0 / (1.0 + 0.3275911 * x)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return np.log(np.maximum(poly, 1e-300)) - x * x


_LETTER = re.compile(r"[^\W\d_]")
_VISIBLE = re.compile(r"\S")


def _junk(text: str) -> bool:
    """A line that is mostly not letters (OCR debris, rules, lone numbers): skipping it costs nothing."""
    letters = len(_LETTER.findall(text))
    return letters < 4 or letters < 0.5 * len(_VISIBLE.findall(text))


def _keys(text: str) -> set[str]:
    """A sentence's words as keys that survive translation: accents and case dropped, 5-letter prefixes
    of longer words (Nepal, nepalischen, népalais), numbers of two digits or more."""
    import unicodedata

    plain = "".join(ch for ch in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(ch))
    out = set()
    for tok in re.findall(r"\w+", plain):
        if tok.isdigit():
            if len(tok) >= 2:
                out.add(tok)
        elif len(tok) >= 5 and tok.isalpha():
            out.add(tok[:5])
    return out


def _bead_types(options: BeadOptions) -> list[tuple[int, int]]:
    out = [(a, b) for a in range(1, options.max_side + 1) for b in range(1, options.max_side + 1)
           if a + b <= options.max_align]
    return out + [(1, 0), (0, 1)]



@dataclass
class PairResult:
    """The beads of one version pair, plus what the search saw."""

    beads: list[Bead]
    reordered: bool
    anchors: int
    cells: int  # DP cells searched (band size)


Step = tuple[int, int, int, int]  # (source end i, source count a, permuted target end j, target count b)


def _split(rows: list[np.ndarray], cols: list[np.ndarray], starts: list[int], n: int) -> list[np.ndarray]:
    """Per row 0..n, the columns of its cells (empty where the row has none)."""
    out: list[np.ndarray] = []
    it = iter(cols)
    for i in range(n + 1):
        out.append(next(it) if starts[i + 1] > starts[i] else np.zeros(0, dtype=np.int64))
    return out


class _PairTable:
    """Values for a sparse set of (source, target) sentence pairs, looked up many at a time."""

    def __init__(self, m: int, pairs: dict[tuple[int, int], float]) -> None:
        self.m = m
        keys = np.array(sorted(i * m + j for i, j in pairs), dtype=np.int64)
        self.keys = keys
        self.values = np.array([pairs[(int(k) // m, int(k) % m)] for k in keys], dtype=np.float64)

    def lookup(self, src: np.ndarray, tgt: np.ndarray) -> np.ndarray:
        if not len(self.keys):
            return np.zeros(src.shape)
        key = src.astype(np.int64) * self.m + tgt
        pos = np.minimum(np.searchsorted(self.keys, key), len(self.keys) - 1)
        return np.where(self.keys[pos] == key, self.values[pos], 0.0)


class _Pair:
    """One version pair prepared for the search: calibration, blocks, band, lengths, and bead features.

    The search visits every cell of the band once per bead type; the features of all those
    beads are computed type by type in a few array operations (``_table``) and kept, so a
    search (and each step of training) costs a pass of additions and maxima.
    """

    CHUNK = 2048  # cells whose window vectors are gathered at once (bounds memory)

    def __init__(self, views: Sequence[View], src_lengths: Sequence[int], tgt_lengths: Sequence[int],
                 options: BeadOptions, moves: str = "runs", cands: list[Candidates] | None = None) -> None:
        self.views = list(views)
        self.options = options
        n, m = self.n, self.m = len(src_lengths), len(tgt_lengths)
        total = sum(v.weight for v in views)
        self.mix = [v.weight / total for v in views]
        self.cands = cands or [candidates(v.src.vectors, v.tgt.vectors, options, v.prior) for v in views]
        main = int(np.argmax(self.mix))
        anchors = self.cands[main].anchors
        if len(views) > 1:  # an anchor no other model contradicts
            seen: dict[int, int] = {}
            for c in self.cands:
                for i, j, _ in c.anchors:
                    seen[i] = j if seen.get(i, j) == j else -1
            anchors = [(i, j, s) for i, j, s in anchors if seen.get(i) == j]
        self.blocks = blocks(n, m, anchors, options, self._affinity, self._edge, moves)
        self.lo, self.hi = _band(n, m, self.blocks.anchors, options.band)
        self.types = _bead_types(options)
        order = self.blocks.order
        self.src_len = np.asarray(src_lengths, dtype=np.float64)
        self.tgt_len = np.asarray(tgt_lengths, dtype=np.float64)[order]
        self.src_cum = np.concatenate([[0.0], np.cumsum(self.src_len)])
        self.tgt_cum = np.concatenate([[0.0], np.cumsum(self.tgt_len)])
        self.ratio = max(self.tgt_cum[-1], 1.0) / max(self.src_cum[-1], 1.0)
        src_junk = views[0].src.junk()
        tgt_junk = views[0].tgt.junk()[order]
        self.src_junk, self.tgt_junk = src_junk, tgt_junk
        self.src_junk_cum = np.concatenate([[0.0], np.cumsum(src_junk)])
        self.tgt_junk_cum = np.concatenate([[0.0], np.cumsum(tgt_junk)])
        self.spread = sum(w * c.spread for w, c in zip(self.mix, self.cands))
        self._shift_levels()
        self._lex: _PairTable | None = None
        self._mutual: _PairTable | None = None
        # the band's cells per bead type: row i, column j (permuted target), and where each row starts
        self.cells: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        self.spans: dict[int, list[tuple[int, int, int] | None]] = {}  # per type, per row: (j0, j1, first cell)
        for t, (a, b) in enumerate(self.types):
            if a == 0:
                continue
            rows, cols, starts = [], [], [0]
            for i in range(n + 1):
                j0 = max(int(self.lo[i]), int(self.lo[i - a]) + b) if i >= a else 1
                j1 = min(int(self.hi[i]), int(self.hi[i - a]) + b) if i >= a else 0
                if j1 >= j0:
                    rows.append(np.full(j1 - j0 + 1, i))
                    cols.append(np.arange(j0, j1 + 1))
                starts.append(starts[-1] + max(0, j1 - j0 + 1))
            self.spans[t] = [(int(c[0]), int(c[-1]), k) if len(c) else None
                             for c, k in zip(_split(rows, cols, starts, n), starts[:-1])]
            self.cells[t] = (np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64),
                             np.concatenate(cols) if cols else np.zeros(0, dtype=np.int64),
                             np.array(starts, dtype=np.int64))
        self._tables: dict[int, np.ndarray] = {}
        self._table_need: np.ndarray | None = None

    def lex_table(self) -> _PairTable:
        """Shared rare words between source and (original) target sentences, idf-weighted."""
        if self._lex is None:
            src = [_keys(t) for t in self.views[0].src.texts]
            tgt = [_keys(t) for t in self.views[0].tgt.texts]
            df_s: dict[str, int] = {}
            df_t: dict[str, int] = {}
            for ks in src:
                for k in ks:
                    df_s[k] = df_s.get(k, 0) + 1
            for ks in tgt:
                for k in ks:
                    df_t[k] = df_t.get(k, 0) + 1
            where: dict[str, list[int]] = {}
            for j, ks in enumerate(tgt):
                for k in ks:
                    if k in df_s:
                        where.setdefault(k, []).append(j)
            pairs: dict[tuple[int, int], float] = {}
            for i, ks in enumerate(src):
                for k in ks:
                    for j in where.get(k, ()):
                        pairs[(i, j)] = pairs.get((i, j), 0.0) + 1.0 / math.sqrt(df_s[k] * df_t[k])
            self._lex = _PairTable(self.m, pairs)
        return self._lex

    def mutual_table(self) -> _PairTable:
        if self._mutual is None:
            c = self.cands[int(np.argmax(self.mix))]
            self._mutual = _PairTable(self.m, {pair: 1.0 for pair in c.mutual})
        return self._mutual

    def _shift_levels(self) -> None:
        """The chance level of each window size, measured on this document (longer windows match more).

        The mean cosine over all pairs of a-windows and b-windows is the dot product of the two
        sides' mean window vectors: exact, and linear in the documents' length.
        """
        for c, v in zip(self.cands, self.views):
            base = None
            for a, b in [(1, 1)] + [t for t in self.types if t != (1, 1) and min(t) > 0]:
                sw, tw = v.src.get(a), v.tgt.get(b)
                if len(sw) == 0 or len(tw) == 0:
                    c.shift[(a, b)] = c.shift.get((a - 1, b), c.shift.get((a, b - 1), 0.0))
                    continue
                level = float(sw.mean(axis=0) @ tw.mean(axis=0))
                base = level if base is None else base
                c.shift[(a, b)] = level - base

    def _edge(self, prev: tuple[int, int], nxt: tuple[int, int], c: int, u: int) -> float:
        """Similarity gained when the previous block's last anchor bead takes the first ``c`` of ``u``
        free target sentences after it and the next block's first anchor bead the rest before it."""
        max_b = self.options.max_side
        total = 0.0
        for w, cand, v in zip(self.mix, self.cands, self.views):
            (ip, jp), (i_n, jn) = prev, nxt
            if c and c + 1 <= max_b:
                total += w * float(cand.calibrate(v.src.vectors[ip] @ v.tgt.get(c + 1)[jp], 1, c + 1)
                                   - cand.calibrate(v.src.vectors[ip] @ v.tgt.vectors[jp]))
            k = u - c
            if k and k + 1 <= max_b:
                total += w * float(cand.calibrate(v.src.vectors[i_n] @ v.tgt.get(k + 1)[jn - k], 1, k + 1)
                                   - cand.calibrate(v.src.vectors[i_n] @ v.tgt.vectors[jn]))
        return total

    def _affinity(self, t: int, srcs: Sequence[int]) -> float:
        return sum(w * float(c.calibrate(v.src.vectors[list(srcs)] @ v.tgt.vectors[t]).max())
                   for w, c, v in zip(self.mix, self.cands, self.views))

    def gap_features(self, side: str, pos: np.ndarray) -> np.ndarray:
        """Features of skipping source sentence(s) ``pos`` (side "src") or permuted target positions."""
        junk = (self.src_junk if side == "src" else self.tgt_junk)[pos]
        phi = np.zeros((len(pos), F))
        phi[:, FEATURES.index("gap")] = np.where(junk > 0, 0.0, self.spread)
        phi[:, FEATURES.index("gap_junk")] = junk
        return phi

    def features(self, I: np.ndarray, a: int, J: np.ndarray, b: int, need: np.ndarray | None = None) -> np.ndarray:
        """Features of the beads (source I-a .. I-1, permuted target J-b .. J-1), one row per (I, J).

        ``need`` masks the features whose weight is non-zero (the others stay 0).
        """
        I = np.asarray(I, dtype=np.int64)
        J = np.asarray(J, dtype=np.int64)
        if len(I) > self.CHUNK:
            return np.concatenate([self.features(I[k : k + self.CHUNK], a, J[k : k + self.CHUNK], b, need)
                                   for k in range(0, len(I), self.CHUNK)])
        L = len(I)
        phi = np.zeros((L, F))
        if a == 0 or b == 0 or L == 0:
            return phi

        def want(name: str) -> bool:
            return need is None or bool(need[FEATURES.index(name)])

        P = I - a
        orig = self.blocks.order[J - b]
        extra = a + b - 2
        col = FEATURES.index
        members = extra > 0 and (want("cover") or want("hinge_low") or want("hinge_high") or want("members"))
        sim = np.zeros(L)
        cover = np.zeros(L)
        hinge_low = np.zeros(L)
        hinge_high = np.zeros(L)
        member_sum = np.zeros(L)
        nbr = np.zeros(L)
        mass = np.zeros(L)
        for w, c, v in zip(self.mix, self.cands, self.views):
            sw = v.src.get(a)[P]
            tw = v.tgt.get(b)
            tws = tw[np.minimum(orig, tw.shape[0] - 1)]
            own = c.calibrate(np.einsum("ij,ij->i", sw, tws), a, b)
            sim += w * own
            sv, tv = v.src.vectors, v.tgt.vectors
            if members:
                part = np.full(L, np.inf)
                mems = []
                if a > 1:
                    mems.extend(c.calibrate(np.einsum("ij,ij->i", sv[P + k], tws), 1, b) for k in range(a))
                if b > 1:
                    mems.extend(c.calibrate(np.einsum("ij,ij->i", tv[np.minimum(orig + o, len(tv) - 1)], sw), a, 1)
                                for o in range(b))
                for mem in mems:
                    member_sum += w * mem
                    part = np.minimum(part, mem)
                    hinge_low += w * np.minimum(mem - 0.2, 0.0)
                    hinge_high += w * np.minimum(mem - 0.5, 0.0)
                cover += w * (part - own)
            if want("neighbours"):
                tot, cnt = np.zeros(L), np.zeros(L)
                for idx in (orig - 1, orig + b):
                    ok = (idx >= 0) & (idx < len(tv))
                    val = c.calibrate(np.einsum("ij,ij->i", tv[np.clip(idx, 0, len(tv) - 1)], sw), a, 1)
                    tot += np.where(ok, val, 0.0)
                    cnt += ok
                for q in (P - 1, P + a):
                    ok = (q >= 0) & (q < len(sv))
                    val = c.calibrate(np.einsum("ij,ij->i", sv[np.clip(q, 0, len(sv) - 1)], tws), 1, b)
                    tot += np.where(ok, val, 0.0)
                    cnt += ok
                nbr += w * tot / np.maximum(cnt, 1)
            if want("mass"):
                for k in range(a):
                    for o in range(b):
                        cos = np.einsum("ij,ij->i", sv[P + k], tv[np.minimum(orig + o, len(tv) - 1)])
                        mass += w * np.maximum(c.calibrate(cos) - 0.3, 0.0)
        phi[:, col("sim")] = sim
        phi[:, col("sim_extra")] = sim * extra
        phi[:, col("extra")] = extra
        phi[:, col("many_many")] = float(a > 1 and b > 1)
        phi[:, col("bead")] = 1.0
        phi[:, col("neighbours")] = nbr
        phi[:, col("mass")] = mass
        if members:
            phi[:, col("cover")] = np.minimum(cover, 0.0)
            phi[:, col("hinge_low")] = hinge_low
            phi[:, col("hinge_high")] = hinge_high
            phi[:, col("members")] = member_sum
        if want("length"):
            ls = self.src_cum[I] - self.src_cum[P]
            lt = self.tgt_cum[J] - self.tgt_cum[J - b]
            r = self.ratio
            delta = np.abs(lt - r * ls) / np.sqrt(self.options.length_variance * np.maximum((r * ls + lt) / 2, 1.0))
            phi[:, col("length")] = _log_erfc(delta / math.sqrt(2.0)) / 10.0
        if extra and want("junk_in"):
            junk = np.zeros(L)
            if a > 1:
                junk += self.src_junk_cum[I] - self.src_junk_cum[P]
            if b > 1:
                junk += self.tgt_junk_cum[J] - self.tgt_junk_cum[J - b]
            phi[:, col("junk_in")] = junk
        for name, table in (("lex", self.lex_table), ("mutual", self.mutual_table)):
            if want(name):
                tab = table()
                tot = np.zeros(L)
                for k in range(a):
                    for o in range(b):
                        tot += tab.lookup(P + k, np.minimum(orig + o, self.m - 1))
                phi[:, col(name)] = np.maximum(tot - 1.0, 0.0) if name == "mutual" and extra else (
                    0.0 if name == "mutual" else tot)
        return phi

    def valid(self, J: np.ndarray, b: int) -> np.ndarray:
        """Target windows that lie inside one piece (a bead never joins two moved blocks)."""
        piece = self.blocks.piece
        return piece[J - b] == piece[J - 1]

    def _scores(self, weights: np.ndarray) -> dict[int, np.ndarray]:
        """Every band cell's bead score, per type (the features with a weight are computed once and
        kept as float32 columns, so a search, and each step of training, is a product and a pass)."""
        need = np.asarray(weights) != 0
        if self._table_need is None or (need & ~self._table_need).any():
            self._table_need = need if self._table_need is None else (self._table_need | need)
            self._tables = {}
            for t, (I, J, _starts) in self.cells.items():
                a, b = self.types[t]
                if b == 0:
                    phi = self.gap_features("src", I - 1)
                else:
                    phi = self.features(I, a, J, b, self._table_need)
                    phi[~self.valid(J, b)] = np.nan
                self._tables[t] = phi[:, self._table_need].astype(np.float32)
        w = weights[self._table_need]
        out = {}
        for t, phi in self._tables.items():
            sc = phi.astype(np.float64) @ w
            out[t] = np.where(np.isnan(sc), NEG_INF, sc)
        return out

    def search(self, weights: np.ndarray, bonus: Callable[[int, int, np.ndarray, int], np.ndarray] | None = None,
               start: tuple[int, int] = (0, 0), end: tuple[int, int] | None = None) -> tuple[list[Step], int]:
        """The best monotone path of beads through the band from ``start`` to ``end`` (default: corner
        to corner); ``bonus`` replaces the score (oracle paths)."""
        n, m, lo, hi, types = self.n, self.m, self.lo, self.hi, self.types
        end = end or (n, m)
        weights = np.asarray(weights, dtype=np.float64)
        scores = self._scores(weights) if bonus is None else None
        tgt_gap = self.gap_features("tgt", np.arange(m)) @ weights if bonus is None else None
        S: dict[int, np.ndarray] = {}
        back: dict[int, np.ndarray] = {}
        cells = 0
        t01 = types.index((0, 1))
        lo_l, hi_l = self.lo.tolist(), self.hi.tolist()
        for i in range(start[0], end[0] + 1):
            lo_i = lo_l[i]
            width = hi_l[i] - lo_i + 1
            cells += width
            row = np.full(width, NEG_INF)
            bk = np.full(width, -1, dtype=np.int8)
            if i == start[0]:
                row[start[1] - lo_i] = 0.0
            for t, (a, b) in enumerate(types):
                if a == 0 or i - a < start[0]:
                    continue
                span = self.spans[t][i]
                if span is None:
                    continue
                j0, j1, k0 = span
                pl = lo_l[i - a]
                prev = S[i - a][j0 - b - pl : j1 - b - pl + 1]
                if bonus is not None:
                    js = np.arange(j0, j1 + 1)
                    score = bonus(i, a, js, b)
                    if b > 0:
                        score = np.where(self.valid(js, b), score, NEG_INF)
                else:
                    score = scores[t][k0 : k0 + j1 - j0 + 1]
                cand = prev + score
                seg = row[j0 - lo_i : j1 - lo_i + 1]
                upd = cand > seg
                np.copyto(seg, cand, where=upd)
                np.copyto(bk[j0 - lo_i : j1 - lo_i + 1], t, where=upd)
            # target-only gaps (0-1) along the row: a running maximum over cumulative skip scores
            cols = np.arange(lo[i] + 1, hi[i] + 1)
            if bonus is not None:
                step = bonus(i, 0, cols, 1) if width > 1 else np.zeros(0)
            else:
                step = tgt_gap[cols - 1]
            offs = np.concatenate([[0.0], np.cumsum(step)])
            run = np.maximum.accumulate(row - offs) + offs
            upd = run > row + 1e-12
            row = np.where(upd, run, row)
            bk = np.where(upd, t01, bk).astype(np.int8)
            S[i] = row
            back[i] = bk
        self.last_score = float(S[end[0]][end[1] - lo_l[end[0]]])
        path: list[Step] = []
        i, j = end
        while (i, j) != start:
            t = int(back[i][j - lo[i]])
            if t < 0:  # pragma: no cover - the band always connects (0, 0) to (n, m)
                raise RuntimeError("alignment search lost its path")
            a, b = types[t]
            path.append((i, a, j, b))
            i, j = i - a, j - b
        path.reverse()
        return path, cells

    def path_features(self, path: Sequence[Step]) -> np.ndarray:
        """Sum of the features of a path's beads (for training the weights)."""
        total = np.zeros(F)
        for i, a, j, b in path:
            if b == 0:
                total += self.gap_features("src", np.array([i - 1]))[0]
            elif a == 0:
                total += self.gap_features("tgt", np.array([j - 1]))[0]
            else:
                total += self.features(np.array([i]), a, np.array([j]), b)[0]
        return total

    def beads(self, path: Sequence[Step]) -> list[Bead]:
        order = self.blocks.order
        out: list[Bead] = []
        for i, a, j, b in path:
            src = tuple(range(i - a, i))
            tgt = tuple(sorted(int(x) for x in order[j - b : j]))
            if not a or not b:
                out.append(Bead(src, tgt, 0.0))
                continue
            sim, cosines = 0.0, []
            for w, c, v in zip(self.mix, self.cands, self.views):
                cos = float(v.src.get(a)[i - a] @ v.tgt.get(b)[tgt[0]])
                cosines.append(cos)
                sim += w * float(c.calibrate(cos, a, b))
            out.append(Bead(src, tgt, sim, cosines[0]))
        return out


def align_pair(views: Sequence[View], src_lengths: Sequence[int], tgt_lengths: Sequence[int],
               options: BeadOptions = BeadOptions()) -> PairResult:
    """Align a source and a target version: beads in source order covering every sentence of both once."""
    n, m = len(src_lengths), len(tgt_lengths)
    if n == 0 or m == 0:
        beads = [Bead((i,), (), 0.0) for i in range(n)] + [Bead((), (j,), 0.0) for j in range(m)]
        return PairResult(beads=beads, reordered=False, anchors=0, cells=0)
    # moved blocks are a hypothesis: the reading order whose best alignment scores highest wins
    weights = np.asarray(options.weights, dtype=np.float64)
    best: tuple[float, _Pair, list[Step], int] | None = None
    seen: list[np.ndarray] = []
    cands = None
    for moves in ("none", "runs", "singles"):
        pair = _Pair(views, src_lengths, tgt_lengths, options, moves, cands)
        cands = pair.cands
        if any(len(o) == len(pair.blocks.order) and (o == pair.blocks.order).all() for o in seen):
            continue
        seen.append(pair.blocks.order)
        path, cells = pair.search(weights)
        score = pair.last_score - options.move_cost * int(pair.blocks.piece.max(initial=0))
        if best is None or score > best[0] + 1e-9:
            best = (score, pair, path, cells)
    assert best is not None
    _score, pair, path, cells = best
    return PairResult(beads=pair.beads(path), reordered=pair.blocks.reordered,
                      anchors=len(pair.blocks.anchors), cells=cells)


def oracle_path(pair: "_Pair", gold: Sequence[tuple[Sequence[int], Sequence[int]]]) -> list[Step]:
    """The path through ``pair``'s band with the most beads of ``gold`` (original target indices)."""
    wanted = {(tuple(sorted(s)), tuple(sorted(t))) for s, t in gold}
    order = pair.blocks.order

    def bonus(i: int, a: int, js: np.ndarray, b: int) -> np.ndarray:
        src = tuple(range(i - a, i))
        out = np.empty(len(js))
        for k, j in enumerate(js):
            tgt = tuple(sorted(int(x) for x in order[j - b : j]))
            out[k] = 1.0 if (src, tgt) in wanted else -1.0
        return out

    path, _ = pair.search(np.zeros(F), bonus)
    return path


def train(pairs: Sequence[tuple["_Pair", Sequence[tuple[Sequence[int], Sequence[int]]]]], start: Sequence[float],
          epochs: int = 10, rate: float = 0.05, chunk: int = 8, seed: int = 0) -> np.ndarray:
    """Averaged structured perceptron over stretches of ``chunk`` beads of each pair's oracle path.

    Each stretch is searched on its own (from the oracle's point before it to the one after);
    where the best path differs from the oracle's, the weights move towards the oracle's features.
    """
    w = np.asarray(start, dtype=np.float64).copy()
    total = np.zeros(F)
    count = 0
    pieces = []
    for p, g in pairs:
        path = oracle_path(p, g)
        for k in range(0, len(path), chunk):
            part = path[k : k + chunk]
            first = part[0]
            pieces.append((p, (first[0] - first[1], first[2] - first[3]), (part[-1][0], part[-1][2]),
                           p.path_features(part)))
    rng = np.random.default_rng(seed)
    for _ in range(epochs):
        for x in rng.permutation(len(pieces)):
            p, a, b, gold_phi = pieces[x]
            pred, _ = p.search(w, start=a, end=b)
            w = w + rate * (gold_phi - p.path_features(pred))
            total += w
            count += 1
    return total / max(count, 1)
