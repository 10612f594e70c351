"""The align stage: segments of all versions in, groups that say the same thing out.

Every version pair is scored with ratio-margin similarity (a cosine over the mean
of each side's k nearest neighbours), which picks counterparts fairly whatever
band a model's cosines live in. Two segments link when each is the other's best
match by margin and their calibrated similarity clears ``link``; a segment
left over next to a linked neighbour joins that bead when the two embedded
together match better (1-2 and 2-1 beads). Only mutual best matches link
directly: a sentence's best match is not evidence by itself, since related
sentences of the same story often clear any absolute threshold. Links are then merged across all
versions, strongest first, into groups whose members stay local in each version,
so an it~de and de~pl link put it, de and pl in one group. Matching is global,
so reordered paragraphs align as well as ordered ones.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Mapping, Sequence

import numpy as np

from .calibrate import Calibration
from .types import Group, Segment

EmbedFn = Callable[[Sequence[str]], np.ndarray]


@dataclass(frozen=True)
class AlignOptions:
    """Knobs of the aligner, in calibrated similarity units (see calibrate.py)."""

    link: float  # a counterpart at all (a translation that lost half its words still clears it)
    k: int = 4  # neighbours in the margin's denominator
    merge_gain: float = 0.05  # how much better (raw cosine) a merged bead must match to be taken
    max_spread: int = 3  # members of one version in a group may span at most this many segments


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
) -> Alignment:
    """Align every version with every other and merge the links into N-way groups.

    ``segments`` and ``vectors`` are keyed by version id (rows of a version's
    vectors follow its segments). ``embed_fn`` embeds merged candidate beads;
    without it only 1-1 links are made.
    """
    versions = list(segments)
    index = {s.id: s for segs in segments.values() for s in segs}
    link_sim: dict[tuple[str, str], float] = {}
    best: dict[str, dict[str, tuple[str, float]]] = {sid: {} for sid in index}
    merge_candidates: list[tuple[str, str, str, str]] = []  # (new seg, neighbour, target, pair key)
    matrices: dict[tuple[str, str], np.ndarray] = {}
    positions = {s.id: (v, i) for v, segs in segments.items() for i, s in enumerate(segs)}

    def add_link(a: str, b: str, sim: float) -> None:
        if sim > link_sim.get((a, b), -1.0):
            link_sim[(a, b)] = link_sim[(b, a)] = sim

    for vi, v in enumerate(versions):
        for w in versions[vi + 1 :]:
            sv, sw = segments[v], segments[w]
            if not sv or not sw:
                continue
            raw = vectors[v] @ vectors[w].T
            cal = calibration.similarity(raw)
            matrices[(v, w)] = cal
            marg = _margin(raw, options.k)
            fwd = marg.argmax(axis=1)
            bwd = marg.argmax(axis=0)
            best_raw_w = raw.argmax(axis=1)
            best_raw_v = raw.argmax(axis=0)
            for i, s in enumerate(sv):
                j = int(best_raw_w[i])
                best[s.id][w] = (sw[j].id, float(cal[i, j]))
            for j, s in enumerate(sw):
                i = int(best_raw_v[j])
                best[s.id][v] = (sv[i].id, float(cal[i, j]))
            # 1-1 links: mutual best by margin, above `link`
            linked_v, linked_w = set(), set()
            partner_v: dict[int, int] = {}
            partner_w: dict[int, int] = {}
            for i in range(len(sv)):
                j = int(fwd[i])
                if int(bwd[j]) == i and cal[i, j] >= options.link:
                    add_link(sv[i].id, sw[j].id, float(cal[i, j]))
                    linked_v.add(i)
                    linked_w.add(j)
                    partner_v[i], partner_w[j] = j, i
            # a left-over segment beside a linked neighbour may complete that bead (1-2 / 2-1)
            for segs, linked, partner, other in ((sv, linked_v, partner_v, sw), (sw, linked_w, partner_w, sv)):
                for i, s in enumerate(segs):
                    if i in linked:
                        continue
                    for n in (i - 1, i + 1):
                        if n in linked and segs[n].paragraph == s.paragraph:
                            merge_candidates.append((s.id, segs[n].id, other[partner[n]].id, s.version))

    if embed_fn is not None and merge_candidates:
        merge_candidates = list(dict.fromkeys(merge_candidates))
        texts: list[str] = []
        for new, neigh, _target, _side in merge_candidates:
            first, second = sorted((index[new], index[neigh]), key=lambda s: s.index)
            texts.append(first.text + " " + second.text)
        merged = embed_fn(texts)
        for (new, neigh, target, _side), vec in zip(merge_candidates, merged):
            vtarget = vectors[index[target].version][index[target].index]
            vneigh = vectors[index[neigh].version][index[neigh].index]
            gain = float(vec @ vtarget) - float(vneigh @ vtarget)
            if gain >= options.merge_gain:
                sim = float(calibration.similarity(np.array(float(vec @ vtarget))))
                add_link(new, target, sim)

    groups, group_of = _group(versions, segments, index, link_sim, options)
    return Alignment(groups=groups, group_of=group_of, link_sim=link_sim, best=best,
                     matrices=matrices, positions=positions)


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
