"""The aligner: beads on small cases (synthetic vectors and a real model), N-way groups, output formats, errors."""
from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree as ET

import numpy as np
import pytest

from consistency.beads import BeadOptions, View, Windows, align_pair, blocks
from consistency.cli import main

# -- synthetic vectors: each sentence is the normalised sum of its "meanings" ------------------------

DIM = 256


def _meanings(count: int, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    m = rng.normal(size=(count, DIM))
    return m / np.linalg.norm(m, axis=1, keepdims=True)


def _sentences(parts: list[list[int]], meanings: np.ndarray, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    out = []
    for p in parts:
        v = meanings[p].sum(axis=0) + rng.normal(scale=0.25 / np.sqrt(DIM), size=DIM) * len(p)
        out.append(v / np.linalg.norm(v))
    return np.array(out, dtype=np.float32)


def _texts(n: int) -> list[str]:
    """Texts of four-letter words: no shared words, no numbers, so only the vectors speak."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    return [f"line {letters[i % 26]}{letters[i // 26 % 26]}qx" for i in range(n)]


def _align(src_parts: list[list[int]], tgt_parts: list[list[int]], **opts) -> list[list[list[int]]]:
    meanings = _meanings(1 + max(max(p) for p in src_parts + tgt_parts if p))
    src, tgt = _sentences(src_parts, meanings, 1), _sentences(tgt_parts, meanings, 2)
    view = View(Windows(_texts(len(src)), src), Windows(_texts(len(tgt)), tgt))
    result = align_pair([view], [40 * len(p) for p in src_parts], [40 * len(p) for p in tgt_parts],
                        BeadOptions(**opts))
    return [b.as_list() for b in result.beads]


def _one_each(n: int) -> list[list[int]]:
    return [[i] for i in range(n)]


SYNTHETIC = [
    # (name, source sentences as meaning lists, target sentences, beads that must be found)
    ("1-1", _one_each(20), _one_each(20), [[[i], [i]] for i in range(20)]),
    ("1-2", _one_each(8) + [[8, 9]] + [[i] for i in range(10, 20)], _one_each(20), [[[8], [8, 9]]]),
    ("2-1", _one_each(20), _one_each(8) + [[8, 9]] + [[i] for i in range(10, 20)], [[[8, 9], [8]]]),
    ("0-1", _one_each(20), _one_each(10) + [[50]] + [[i] for i in range(10, 20)], [[[], [10]], [[10], [11]]]),
    ("1-0", _one_each(10) + [[50]] + [[i] for i in range(10, 20)], _one_each(20), [[[10], []], [[11], [10]]]),
]


@pytest.mark.parametrize("name,src,tgt,expected", SYNTHETIC, ids=[c[0] for c in SYNTHETIC])
def test_synthetic_beads(name, src, tgt, expected):
    beads = _align(src, tgt)
    for bead in expected:
        assert bead in beads, f"{name}: {bead} not in {beads}"
    # every sentence of both sides appears exactly once, in order
    assert [i for b in beads for i in b[0]] == list(range(len(src)))
    assert sorted(j for b in beads for j in b[1]) == list(range(len(tgt)))


def test_synthetic_reordered_blocks_are_found():
    src = _one_each(30)
    order = list(range(10, 20)) + list(range(0, 10)) + list(range(20, 30))  # the target moved a paragraph
    beads = _align(src, [[i] for i in order])
    expected = [[[i], [order.index(i)]] for i in range(30)]
    assert beads == expected


def test_blocks_keep_a_monotone_document_whole():
    anchors = [(i, i + (i > 10), 1.0) for i in range(30) if i % 4]  # a gap, no move
    b = blocks(30, 31, anchors, BeadOptions())
    assert not b.reordered and list(b.order) == list(range(31))


def test_search_is_banded():
    n = 400
    src = _one_each(n)
    meanings = _meanings(n)
    vec = _sentences(src, meanings, 1)
    view = View(Windows(_texts(n), vec), Windows(_texts(n), _sentences(src, meanings, 2)))
    result = align_pair([view], [40] * n, [40] * n, BeadOptions())
    assert result.cells < n * 60  # far below the n*n of a full search
    assert all(b.src == b.tgt for b in result.beads)


# -- a real model on sentences we wrote ------------------------------------------------------------

EN = [
    "The town of Velden opened its new public library on a rainy Saturday morning.",
    "More than four hundred residents waited outside before the doors opened at nine.",
    "The building was designed by a local architect who grew up two streets away.",
    "Its roof is covered with solar panels that supply most of the electricity it needs.",
    "The children's section has a reading cave, a puppet theatre and two thousand picture books.",
    "Volunteers will offer free computer lessons for older people every Tuesday afternoon.",
    "The project cost 3.2 million euros, of which the regional government paid half.",
    "Critics had argued that the money should have gone to repairing the old swimming pool.",
    "The mayor replied that the pool will be renovated next year with funds from a separate programme.",
    "The library will be open every day except Sunday until eight in the evening.",
    "Membership is free for everyone who lives or works in the district.",
    "In its first week, the staff registered more than one thousand new readers.",
]
DE = [
    "Die Stadt Velden hat ihre neue öffentliche Bibliothek an einem verregneten Samstagmorgen eröffnet.",
    "Mehr als vierhundert Einwohner warteten draußen, bevor sich die Türen um neun Uhr öffneten.",
    "Das Gebäude wurde von einem einheimischen Architekten entworfen, der zwei Straßen weiter aufgewachsen ist.",
    "Sein Dach ist mit Solarmodulen bedeckt, die den größten Teil des benötigten Stroms liefern.",
    "Die Kinderabteilung hat eine Lesehöhle, ein Puppentheater und zweitausend Bilderbücher.",
    "Freiwillige bieten jeden Dienstagnachmittag kostenlose Computerkurse für ältere Menschen an.",
    "Das Projekt kostete 3,2 Millionen Euro, von denen die Landesregierung die Hälfte bezahlte.",
    "Kritiker hatten argumentiert, das Geld hätte in die Reparatur des alten Schwimmbads fließen sollen.",
    "Der Bürgermeister antwortete, das Bad werde im nächsten Jahr mit Mitteln aus einem anderen Programm renoviert.",
    "Die Bibliothek ist täglich außer sonntags bis acht Uhr abends geöffnet.",
    "Die Mitgliedschaft ist für alle kostenlos, die im Bezirk wohnen oder arbeiten.",
    "In der ersten Woche registrierte das Personal mehr als tausend neue Leser.",
]
SPLIT_4 = ["Die Kinderabteilung hat eine Lesehöhle und ein kleines Puppentheater.",
           "Außerdem stehen dort zweitausend Bilderbücher für die Kleinen bereit."]
MERGED_7_8 = ("Kritiker meinten, das Geld hätte in die Reparatur des alten Schwimmbads fließen sollen, doch der "
              "Bürgermeister antwortete, das Bad werde nächstes Jahr aus einem anderen Programm renoviert.")
EXTRA = "Im Erdgeschoss gibt es außerdem ein kleines Café mit Blick auf den Fluss."


def _ones(pairs):
    return [[[i], [j]] for i, j in pairs]


REAL = [
    ("1-1", DE, _ones((i, i) for i in range(12))),
    ("1-2", DE[:4] + SPLIT_4 + DE[5:], [[[4], [4, 5]]] + _ones((i, i + 1) for i in range(5, 12))),
    ("2-1", DE[:7] + [MERGED_7_8] + DE[9:], [[[7, 8], [7]]] + _ones((i, i - 1) for i in range(9, 12))),
    ("0-1", DE[:3] + [EXTRA] + DE[3:], [[[], [3]]] + _ones((i, i + 1) for i in range(3, 12))),
    ("1-0", DE[:5] + DE[6:], [[[5], []]] + _ones((i, i - 1) for i in range(6, 12))),
    ("reordered", DE[:3] + DE[9:] + DE[3:9], _ones([(0, 0), (1, 1), (2, 2), (9, 3), (10, 4), (11, 5)]
                                                   + [(i, i + 3) for i in range(3, 9)])),
]


def _write(tmp_path: Path, name: str, lines: list[str]) -> str:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("name,de,expected", REAL, ids=[c[0] for c in REAL])
def test_real_model_beads(tmp_path, capsys, name, de, expected):
    en_path, de_path = _write(tmp_path, "en.txt", EN), _write(tmp_path, "de.txt", de)
    assert main(["align", "--pre-split", "--format", "beads", en_path, de_path]) == 0
    beads = json.loads(capsys.readouterr().out)
    for bead in expected:
        assert bead in beads, f"{name}: {bead} missing from {beads}"


def test_three_versions_make_agreeing_groups(tmp_path, capsys):
    fr = ["La ville de Velden a inauguré sa nouvelle bibliothèque publique un samedi matin pluvieux.",
          "Plus de quatre cents habitants attendaient dehors avant l'ouverture des portes à neuf heures.",
          "Le bâtiment a été conçu par un architecte local qui a grandi à deux rues de là.",
          "Son toit est couvert de panneaux solaires qui fournissent l'essentiel de l'électricité nécessaire."]
    paths = [_write(tmp_path, "en.txt", EN[:4]), _write(tmp_path, "de.txt", DE[:4]), _write(tmp_path, "fr.txt", fr)]
    assert main(["align", "--pre-split", *paths]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [v["id"] for v in data["versions"]] == ["en", "de", "fr"]
    assert len(data["groups"]) == 4
    for g, group in enumerate(data["groups"]):
        assert {v: [m["index"] for m in ms] for v, ms in group["members"].items()} == {"en": [g], "de": [g], "fr": [g]}
    assert len(data["pairs"]) == 3


def test_tmx_parses_with_the_versions_languages(tmp_path, capsys):
    paths = [_write(tmp_path, "en.txt", EN[:6]), _write(tmp_path, "de.txt", DE[:6])]
    out = tmp_path / "memory.tmx"
    assert main(["align", "--pre-split", "--format", "tmx", "-o", str(out), *paths]) == 0
    root = ET.parse(out).getroot()
    assert root.tag == "tmx" and root.get("version") == "1.4"
    assert root.find("header").get("srclang") == "en"
    tus = root.findall("body/tu")
    assert len(tus) == 6
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    for tu, en, de in zip(tus, EN, DE):
        tuvs = {tuv.get(lang): tuv.find("seg").text for tuv in tu.findall("tuv")}
        assert tuvs == {"en": en, "de": de}


def test_tsv_has_one_row_per_group(tmp_path, capsys):
    paths = [_write(tmp_path, "en.txt", EN[:5]), _write(tmp_path, "de.txt", DE[:4] + SPLIT_4)]
    assert main(["align", "--pre-split", "--format", "tsv", *paths]) == 0
    rows = [r.split("\t") for r in capsys.readouterr().out.splitlines()]
    assert rows[0] == ["group", "score", "en.ids", "en", "de.ids", "de"]
    assert len(rows) == 6
    assert rows[-1][4] == "4,5" and rows[-1][5] == " ".join(SPLIT_4)


@pytest.mark.parametrize("case", ["empty", "one file", "beads with three"])
def test_bad_input_exits_2_with_a_clear_message(tmp_path, capsys, case):
    en = _write(tmp_path, "en.txt", EN[:3])
    de = _write(tmp_path, "de.txt", DE[:3])
    if case == "empty":
        empty = tmp_path / "fr.txt"
        empty.write_text("", encoding="utf-8")
        argv, needle = ["align", en, str(empty)], "fr.txt"
    elif case == "one file":
        argv, needle = ["align", en], "two or more"
    else:
        argv, needle = ["align", "--format", "beads", en, de, _write(tmp_path, "fr.txt", ["Bonjour."])], "exactly two"
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert needle in err and err.count("\n") == 1, err


def _three_versions(replacement: float | None, substitute: bool):
    """Groups of three 12-sentence versions; version c renders sentence 6 at cosine ``replacement`` (None: faithfully)."""
    from consistency.align import AlignOptions, align
    from consistency.calibrate import load_calibration
    from consistency.types import Segment

    meanings = _meanings(14, seed=3)
    segments, vectors = {}, {}
    for k, v in enumerate("abc"):
        vecs = _sentences(_one_each(12), meanings, seed=10 + k)
        if v == "c" and replacement is not None:  # mostly another claim, a little of the original one
            mixed = replacement * meanings[6] + np.sqrt(1 - replacement ** 2) * meanings[13]
            vecs[6] = mixed / np.linalg.norm(mixed)
        vectors[v] = vecs
        segments[v] = [Segment(id=f"{v}:{i}", version=v, index=i, paragraph=i // 3, start=40 * i, end=40 * i + 39, text=t, role="body")
                       for i, t in enumerate(_texts(12))]
    cal = load_calibration("use-m")
    options = AlignOptions(link=cal.thresholds["link"], substitute=cal.cal("random", "p75") if substitute else None)
    al = align(segments, vectors, cal, options)
    return al.groups[al.group_of["c:6"]].members


@pytest.mark.parametrize("replacement,substitute,joined", [
    (0.3, True, True),     # a rewritten sentence between two links stands in for the others' sentence
    (0.3, False, False),   # the same without substitution: a lone sentence (an addition and an omission)
    (0.0, True, False),    # an unrelated sentence in the same place is no rewriting of it
    (None, True, True),    # a faithful one is linked anyway
])
def test_rewritten_sentence_joins_the_group_it_replaces(replacement, substitute, joined):
    members = _three_versions(replacement, substitute)
    assert (set(members) == {"a:6", "b:6", "c:6"}) is joined, members
    if not joined:
        assert members == ("c:6",)


def test_substitution_floor_from_stored_and_estimated_calibrations():
    """The floor exists for a stored calibration (p75 measured) and one estimated from the input (p50, p95 only)."""
    from consistency.api import substitute_floor
    from consistency.calibrate import estimate_calibration, load_calibration

    stored = load_calibration("use-m")
    assert substitute_floor(stored) == pytest.approx(stored.cal("random", "p75"))
    rng = np.random.default_rng(0)
    sims = [rng.normal(0.1, 0.1, size=(12, 12)) + np.eye(12) * 0.6]
    estimated = estimate_calibration("st:somewhere", sims)
    assert "p75" not in estimated.quantiles["random"]
    floor = substitute_floor(estimated)
    assert floor is not None and estimated.cal("random", "p50") < floor < estimated.cal("random", "p95")
