"""The align stage: segments of all versions in, groups that say the same thing out.

Every pair of versions is aligned by ``beads.align_pair``: anchors (mutual best
matches by ratio margin) found globally, so moved paragraphs are read back in
order, then a banded dynamic programme over n-m beads with explicit gaps, scored
by similarities calibrated per document and model (see ``consistency/beads.py``).
The beads of all pairs are then merged, strongest first, into groups whose
members stay local in each version: an it~de bead and a de~pl bead that share
the German sentence put it, de and pl in one group, so N versions give one
answer, not N*(N-1)/2 unrelated ones.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable, Mapping, Sequence

import numpy as np

from .beads import PROFILES, Bead, BeadOptions, Prior, View, Windows, align_pair
from .calibrate import Calibration
from .types import Group, Segment

EmbedFn = Callable[[Sequence[str]], np.ndarray]


@dataclass(frozen=True)
class AlignOptions:
    """Knobs of the aligner, in calibrated similarity units (see calibrate.py)."""

    link: float | None  # a bead counts as a link from here (None: every bead the search made)
    k: int = 4  # neighbours in the margin's denominator
    max_align: int = 3  # most sentences in one bead, both sides together
    max_spread: int = 4  # members of one version in a group may span at most this many segments
    rescue: bool = True  # link left-over mutual best matches (a sentence moved on its own)
    # a 1-1 bead below ``link`` between two linked beads is a rewritten sentence, not an addition and an
    # omission: a lone sentence joins the group it replaces from this calibrated similarity (None: never)
    substitute: float | None = None
    profile: str = "check"  # the pairwise search's defaults: beads.PROFILES["check"] or ["align"]
    beads: BeadOptions | None = None  # the pairwise search's knobs (defaults from max_align and k)

    @property
    def merge_gain(self) -> float:  # reported in signatures of older reports; beads decide merges now
        return 0.0

    def bead_options(self) -> BeadOptions:
        if self.beads is not None:
            return self.beads
        return replace(PROFILES[self.profile], max_align=self.max_align, max_side=max(1, self.max_align - 1),
                       k=self.k)


@dataclass
class Alignment:
    """Groups plus the pairwise evidence the compare and flag stages read."""

    groups: list[Group]
    group_of: dict[str, int]  # segment id -> group id
    link_sim: dict[tuple[str, str], float]  # (seg a, seg b), both orders -> calibrated similarity
    # segment id -> other version -> (best segment id there, calibrated similarity)
    best: dict[str, dict[str, tuple[str, float]]] = field(default_factory=dict)
    # (version a, version b) -> calibrated similarity matrix of their segments (rows: a)
    matrices: dict[tuple[str, str], np.ndarray] = field(default_factory=dict)
    positions: dict[str, tuple[str, int]] = field(default_factory=dict)  # segment id -> (version, row)
    # (version a, version b) -> the pair's beads, segment indices of a and b (a before b in input order)
    beads: dict[tuple[str, str], list[Bead]] = field(default_factory=dict)
    reordered: dict[tuple[str, str], bool] = field(default_factory=dict)  # moved blocks found in the pair
    _link_index: dict[str, dict[str, float]] = field(default_factory=dict, repr=False)

    def sim(self, a: str, b: str) -> float:
        """Calibrated similarity of two segments of different versions."""
        va, ia = self.positions[a]
        vb, ib = self.positions[b]
        if (va, vb) in self.matrices:
            return float(self.matrices[(va, vb)][ia, ib])
        return float(self.matrices[(vb, va)][ib, ia])

    def linked(self, seg_id: str, version: str) -> float:
        """Similarity of the segment's strongest link into ``version`` (0 when it has none)."""
        if not self._link_index:
            for (a, b), sim in self.link_sim.items():
                row = self._link_index.setdefault(a, {})
                vb = self.positions[b][0]
                row[vb] = max(row.get(vb, 0.0), sim)
        return self._link_index.get(seg_id, {}).get(version, 0.0)

    def support(self, seg_id: str, version: str) -> float:
        """How well ``version`` covers the segment: calibrated similarity of its best counterpart there."""
        return self.best.get(seg_id, {}).get(version, ("", 0.0))[1]


def prior_of(calibration: Calibration) -> Prior:
    """The stored calibration as the pairwise aligner's fallback for short documents."""
    q = calibration.quantiles.get("random", {})
    spread = (q["p95"] - q["p50"]) / 1.645 if "p95" in q and "p50" in q else 0.15 * (
        calibration.positive - calibration.negative)
    return Prior(positive=calibration.positive, negative=calibration.negative, spread=spread)


def _margin(sims: np.ndarray, k: int) -> np.ndarray:
    """Ratio margin: cos(x, y) / mean(knn(x), knn(y))."""
    ka = min(k, sims.shape[1])
    kb = min(k, sims.shape[0])
    knn_a = -np.sort(-sims, axis=1)[:, :ka].mean(axis=1)
    knn_b = -np.sort(-sims, axis=0)[:kb, :].mean(axis=0)
    denom = (knn_a[:, None] + knn_b[None, :]) / 2.0
    return sims / np.maximum(denom, 1e-6)


class _UnionFind:
    def __init__(self, items: Sequence[str]) -> None:
        self.parent = {x: x for x in items}
        self.members = {x: [x] for x in items}

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra].extend(self.members.pop(rb))


def align(
    segments: Mapping[str, Sequence[Segment]],
    vectors: Mapping[str, np.ndarray],
    calibration: Calibration,
    options: AlignOptions,
    embed_fn: EmbedFn | None = None,
    extra_views: Sequence[tuple[Mapping[str, np.ndarray], EmbedFn | None, Calibration, float]] = (),
    pairs: Sequence[tuple[str, str]] | None = None,
    with_matrices: bool = True,
) -> Alignment:
    """Align every version with every other and merge the beads into N-way groups.

    ``segments`` and ``vectors`` are keyed by version id (rows of a version's
    vectors follow its segments). ``embed_fn`` embeds windows of consecutive
    segments (runs of 2 and more); without it a run's vector is the normalised
    sum of its segments' vectors. ``extra_views`` adds other models, each as
    (vectors by version, embed_fn, calibration, weight); their calibrated scores
    are averaged with the main model's. ``pairs`` restricts the pairs aligned
    (default: all); ``with_matrices=False`` skips the full similarity matrices the
    flag detectors read (the ``align`` command does not need them).
    """
    versions = list(segments)
    index = {s.id: s for segs in segments.values() for s in segs}
    positions = {s.id: (v, i) for v, segs in segments.items() for i, s in enumerate(segs)}
    bead_opts = options.bead_options()
    texts = {v: [s.text for s in segs] for v, segs in segments.items()}
    lengths = {v: [len(t.strip()) for t in texts[v]] for v in versions}
    models = [(vectors, embed_fn, calibration, 1.0), *extra_views]
    wins = [{v: Windows(texts[v], vecs[v], fn) for v in versions} for vecs, fn, _c, _w in models]

    link_sim: dict[tuple[str, str], float] = {}
    weak: dict[tuple[str, str], float] = {}  # sandwiched 1-1 beads below link: candidate substitutions
    best: dict[str, dict[str, tuple[str, float]]] = {sid: {} for sid in index}
    matrices: dict[tuple[str, str], np.ndarray] = {}
    beads: dict[tuple[str, str], list[Bead]] = {}
    reordered: dict[tuple[str, str], bool] = {}

    def add_link(a: str, b: str, sim: float) -> None:
        if sim > link_sim.get((a, b), -np.inf):
            link_sim[(a, b)] = link_sim[(b, a)] = sim

    todo = list(pairs) if pairs is not None else [(v, w) for i, v in enumerate(versions) for w in versions[i + 1 :]]
    for v, w in todo:
        sv, sw = segments[v], segments[w]
        if not sv or not sw:
            continue
        views = [View(win[v], win[w], weight, prior_of(cal))
                 for win, (_vecs, _fn, cal, weight) in zip(wins, models)]
        result = align_pair(views, lengths[v], lengths[w], bead_opts)
        beads[(v, w)] = result.beads
        reordered[(v, w)] = result.reordered
        linked_v: set[int] = set()
        linked_w: set[int] = set()
        bead_sims = [float(calibration.similarity(b.cosine)) if b.src and b.tgt else None for b in result.beads]
        for n, bead in enumerate(result.beads):
            if not bead.src or not bead.tgt:
                continue
            sim = bead_sims[n]
            assert sim is not None
            src, tgt = list(bead.src), list(bead.tgt)
            if options.link is not None and sim < options.link:
                if (options.substitute is not None and sim >= options.substitute and len(src) == len(tgt) == 1
                        and _sandwiched(bead_sims, n, options.link)):
                    weak[(sv[src[0]].id, sw[tgt[0]].id)] = sim
                continue
            for i in src:
                for j in tgt:
                    add_link(sv[i].id, sw[j].id, sim)
            linked_v.update(src)
            linked_w.update(tgt)
        if with_matrices or (options.rescue and options.link is not None):
            raw = vectors[v] @ vectors[w].T
            cal = calibration.similarity(raw)
            if with_matrices:
                matrices[(v, w)] = cal
                best_w, best_v = raw.argmax(axis=1), raw.argmax(axis=0)
                for i, s in enumerate(sv):
                    j = int(best_w[i])
                    best[s.id][w] = (sw[j].id, float(cal[i, j]))
                for j, s in enumerate(sw):
                    i = int(best_v[j])
                    best[s.id][v] = (sv[i].id, float(cal[i, j]))
            if options.rescue and options.link is not None:
                # a sentence moved on its own is no block: link left-over mutual best matches
                marg = _margin(raw, options.k)
                fwd, bwd = marg.argmax(axis=1), marg.argmax(axis=0)
                for i in range(len(sv)):
                    j = int(fwd[i])
                    if i in linked_v or j in linked_w or int(bwd[j]) != i or cal[i, j] < options.link:
                        continue
                    add_link(sv[i].id, sw[j].id, float(cal[i, j]))

    if weak:
        _substitute(versions, index, link_sim, weak, options)
    groups, group_of = _group(versions, segments, index, link_sim, options)
    return Alignment(groups=groups, group_of=group_of, link_sim=link_sim, best=best,
                     matrices=matrices, positions=positions, beads=beads, reordered=reordered)


def _sandwiched(sims: Sequence[float | None], n: int, link: float) -> bool:
    """Is bead ``n`` of a path between two links? Gap beads (a sentence only one side has) are looked
    past; the path's ends count as links."""
    before = next((x for x in reversed(sims[:n]) if x is not None), link)
    after = next((x for x in sims[n + 1 :] if x is not None), link)
    return before >= link and after >= link


def _substitute(
    versions: Sequence[str],
    index: Mapping[str, Segment],
    link_sim: dict[tuple[str, str], float],
    weak: Mapping[tuple[str, str], float],
    options: AlignOptions,
) -> None:
    """Join groups that stand in for each other, by adding the weak links between them.

    Two groups of disjoint versions (a lone sentence of v and a group lacking v; or it+fr
    against de+pt+pl), whose sentences the pairwise searches put in 1-1 beads between two
    links for at least half of their version pairs, say the same claim differently (a hedge
    added, a purpose changed): reporting an addition on one side and an omission on the other
    would name the wrong problem twice. The smaller group joins the larger one.
    """
    groups, group_of = _group(versions, {}, index, link_sim, options)
    pairs: dict[tuple[int, int], set[tuple[str, str]]] = {}  # (group, group) -> version pairs weakly linked
    for (a, b) in weak:
        ga, gb = group_of.get(a), group_of.get(b)
        if ga is None or gb is None or ga == gb:
            continue
        key = (min(ga, gb), max(ga, gb))
        pairs.setdefault(key, set()).add(tuple(sorted((index[a].version, index[b].version))))
    quiet = ("caption", "boilerplate")
    done: set[int] = set()
    for (ga, gb), linked in sorted(pairs.items(), key=lambda kv: -len(kv[1])):
        if ga in done or gb in done:
            continue
        va = {index[m].version for m in groups[ga].members}
        vb = {index[m].version for m in groups[gb].members}
        if va & vb or len(va | vb) < 2:
            continue
        if len(versions) > 2 and max(len(va), len(vb)) < 2:
            continue  # two lone sentences of a longer article: two additions, not one rewritten claim
        if any(index[m].role in quiet for m in groups[ga].members + groups[gb].members):
            continue
        if len(linked) * 2 < len(va) * len(vb):
            continue
        for a in groups[ga].members:
            for b in groups[gb].members:
                sim = weak.get((a, b), weak.get((b, a)))
                if sim is not None:
                    link_sim[(a, b)] = link_sim[(b, a)] = sim
        done.update((ga, gb))


def _group(
    versions: Sequence[str],
    segments: Mapping[str, Sequence[Segment]],
    index: Mapping[str, Segment],
    link_sim: Mapping[tuple[str, str], float],
    options: AlignOptions,
) -> tuple[list[Group], dict[str, int]]:
    """Merge links into groups, strongest first, refusing merges that would scatter a version's members."""
    uf = _UnionFind(list(index))
    edges = sorted(((s, a, b) for (a, b), s in link_sim.items() if a < b), reverse=True)
    for _sim, a, b in edges:
        ra, rb = uf.find(a), uf.find(b)
        if ra == rb:
            continue
        joined = uf.members[ra] + uf.members[rb]
        ok = True
        for v in versions:
            idx = [index[m].index for m in joined if index[m].version == v]
            if idx and max(idx) - min(idx) >= options.max_spread:
                ok = False
                break
        if ok:
            uf.union(a, b)

    order = {v: i for i, v in enumerate(versions)}
    comps: dict[str, list[str]] = {}
    for sid in index:
        comps.setdefault(uf.find(sid), []).append(sid)

    # groups in reading order of the first version that takes part in each
    def sort_key(members: list[str]) -> tuple[int, int]:
        first = min(members, key=lambda m: (order[index[m].version], index[m].index))
        return (order[index[first].version], index[first].index)

    groups: list[Group] = []
    group_of: dict[str, int] = {}
    for gid, members in enumerate(sorted(comps.values(), key=sort_key)):
        members.sort(key=lambda m: (order[index[m].version], index[m].index))
        sims = [link_sim[(a, b)] for a in members for b in members if a < b and (a, b) in link_sim]
        score = float(np.clip(np.mean(sims), 0.0, 1.0)) if sims else 0.0
        groups.append(Group(id=gid, members=tuple(members), score=score))
        for m in members:
            group_of[m] = gid
    return groups, group_of
