"""The evaluation set, its gold builder, the scorer and the REFreSD metrics (fast: no model is loaded)."""
from __future__ import annotations

import collections
import importlib.util
import json
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


build_gold = _load("eval_build_gold", ROOT / "eval" / "build_gold.py")
score = _load("eval_score", ROOT / "eval" / "score.py")
refresd = _load("bench_refresd", ROOT / "benchmarks" / "refresd.py")

DEV = ROOT / "eval" / "sets"
ALL_SETS = build_gold.set_folders([DEV])
TRAINING = build_gold.set_folders([ROOT / "models" / "data" / "articles"])  # models/train_flags.py reads these


# -- the set itself ---------------------------------------------------------------------------------


@pytest.mark.parametrize("folder", ALL_SETS, ids=lambda p: p.name)
def test_gold_is_built_from_spec_and_reproduces_the_texts(folder: Path):
    built = build_gold.build(folder)
    on_disk = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    assert built == on_disk, f"{folder}/gold.json is stale: run python eval/build_gold.py {folder}"
    gs = score.load_set(folder)  # raises unless every span reproduces its file
    assert set(gs.texts) == {"it", "de", "pt", "fr", "pl"}


@pytest.mark.parametrize("folder", TRAINING, ids=lambda p: p.name)
def test_training_articles_gold_is_built_from_spec(folder: Path):
    assert build_gold.build(folder) == json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    assert set(score.load_set(folder).texts) == {"it", "de", "pt", "fr", "pl"}


@pytest.mark.parametrize("folder", ALL_SETS, ids=lambda p: p.name)
def test_versions_are_article_length(folder: Path):
    for path in folder.glob("*.txt"):
        words = len(path.read_text(encoding="utf-8").split())
        assert 350 <= words <= 600, f"{path}: {words} words"


def test_composition_matches_the_issue():
    gold = {p: json.loads((p / "gold.json").read_text(encoding="utf-8")) for p in ALL_SETS}
    divergent = [p for p, g in gold.items() if g["divergences"]]
    clean = [p for p, g in gold.items() if not g["divergences"]]
    assert len(divergent) >= 10 and len(clean) >= 3
    kinds = collections.Counter(d["kind"] for g in gold.values() for d in g["divergences"])
    langs = collections.defaultdict(set)
    for g in gold.values():
        for d in g["divergences"]:
            langs[d["kind"]].add(d["version"])
    for kind in score.KINDS:
        assert kinds[kind] >= 4, kind
        assert len(langs[kind]) >= 3, (kind, langs[kind])
    for p in divergent:
        # a divergence two versions share has one gold entry per version, with the same kind
        distinct = {(d["kind"], d["note"].split(";")[-1]) for d in gold[p]["divergences"]}
        assert 1 <= len(gold[p]["divergences"]) <= 4 and len(distinct) <= 4, p
        for d in gold[p]["divergences"]:
            if d["kind"] in ("number", "entity"):
                assert d["sources"], (p, d["text"])
    assert any(not d["required"] for g in gold.values() for d in g["divergences"])
    assert {d["severity"] for g in gold.values() for d in g["divergences"]} == {"low", "medium", "high"}


def test_build_gold_refuses_ambiguous_specs(tmp_path: Path):
    (tmp_path / "it.txt").write_text("Uno. due due. Tre.\n", encoding="utf-8")
    (tmp_path / "de.txt").write_text("Eins. Zwei. Drei.\n", encoding="utf-8")

    def spec(d):
        (tmp_path / "spec.json").write_text(json.dumps({"divergences": [d]}), encoding="utf-8")

    spec({"version": "it", "kind": "addition", "find": "due", "note": "n", "severity": "low", "required": False})
    with pytest.raises(build_gold.SpecError, match="occurs 2 times"):
        build_gold.build(tmp_path)
    spec({"version": "it", "kind": "omission", "gap_after": "Tre.", "note": "n", "severity": "low", "required": False})
    gold = build_gold.build(tmp_path)
    assert gold["divergences"][0]["text"] == "\n"
    spec({"version": "it", "kind": "number", "find": "Uno.", "note": "n", "severity": "low", "required": False})
    with pytest.raises(build_gold.SpecError, match="sources"):
        build_gold.build(tmp_path)
    spec({"version": "es", "kind": "drift", "find": "Uno.", "note": "n", "severity": "low", "required": False})
    with pytest.raises(build_gold.SpecError, match="es.txt"):
        build_gold.build(tmp_path)


# -- the scorer -------------------------------------------------------------------------------------

TEXT = "Alpha one. Beta two\u00a0here. Gamma three.\n\nDelta four. Caption: photo credit.\n"


def _gold_set(divergences, noise=()):
    return score.GoldSet("t", Path("."), {"pl": TEXT, "de": TEXT}, list(divergences), list(noise))


def _g(kind, start, end, severity="high", required=True, version="pl", **kw):
    return {"version": version, "kind": kind, "start": start, "end": end, "text": TEXT[start:end],
            "severity": severity, "required": required, "note": "n", **kw}


def _f(kind, start, end, severity="high", version="pl", score_=0.9):
    return score.FlagView(version=version, kind=kind, start=start, end=end, severity=severity, score=score_,
                          text=TEXT[start:end])


BETA = (TEXT.index("Beta"), TEXT.index("here.") + 5)
GAMMA = (TEXT.index("Gamma"), TEXT.index("three.") + 6)
GAP = (GAMMA[1], TEXT.index("Delta"))  # "\n\n" between paragraphs
NOISE = {"version": "pl", "kind": "caption", "start": TEXT.index("Caption"), "end": TEXT.index("credit.") + 7}

CASES = [
    # (name, gold, flags, expected (found, correct flags, kind_ok, in_sentence))
    ("exact hit", [_g("number", *BETA)], [_f("number", *BETA)], (1, 1, 1, 1)),
    ("wrong kind still found", [_g("polarity", *BETA)], [_f("drift", *BETA)], (1, 1, 0, 1)),
    ("other version misses", [_g("number", *BETA)], [_f("number", *BETA, version="de")], (0, 0, 0, 0)),
    ("neighbour sentence misses", [_g("number", *BETA)], [_f("number", *GAMMA)], (0, 0, 0, 0)),
    ("flag wider than the sentence: found, not inside", [_g("entity", BETA[0] + 5, BETA[0] + 8)],
     [_f("entity", 0, GAMMA[1])], (1, 1, 1, 0)),
    ("omission touched by an empty flag at the end of the previous sentence", [_g("omission", *GAP)],
     [_f("omission", GAMMA[1], GAMMA[1])], (1, 1, 1, 1)),
    ("omission touched at the start of the next sentence", [_g("omission", *GAP)],
     [_f("omission", GAP[1], GAP[1])], (1, 1, 1, 1)),
    ("empty flag elsewhere misses", [_g("omission", *GAP)], [_f("omission", 3, 3)], (0, 0, 0, 0)),
    ("a replaced sentence touched across a paragraph break by an empty flag",
     [_g("drift", TEXT.index("Delta"), TEXT.index("four.") + 5)], [_f("omission", GAMMA[1], GAMMA[1])], (1, 1, 0, 0)),
    ("an empty flag a sentence away misses", [_g("drift", *GAMMA)], [_f("omission", BETA[0], BETA[0])],
     (0, 0, 0, 0)),
    ("accepted alternative kind", [_g("entity", *BETA, accept=["omission"])], [_f("omission", *BETA)], (1, 1, 1, 1)),
]


@pytest.mark.parametrize("name,gold,flags,expected", CASES, ids=[c[0] for c in CASES])
def test_matching(name, gold, flags, expected):
    r = score.score_set(_gold_set(gold), flags)
    g = r.gold[0]
    correct = sum(1 for _, lab in r.flags if lab == "correct")
    assert (int(g.found), correct, int(g.kind_ok), int(g.in_sentence)) == expected


def test_omission_inside_a_merged_sentence_counts_the_whole_sentence():
    text = "One thing: the other thing came late. Next one.\n"
    gap = (text.index(":") + 1, text.index(":") + 2)
    gs = score.GoldSet("t", Path("."), {"pl": text},
                       [{"version": "pl", "kind": "omission", "start": gap[0], "end": gap[1], "text": " ",
                         "severity": "high", "required": True, "note": "n"}], [])
    end_of_sentence = text.index("late.") + 5
    flag = score.FlagView("pl", "omission", end_of_sentence, end_of_sentence, "high")
    assert score.score_set(gs, [flag]).gold[0].found
    far = score.FlagView("pl", "omission", len(text) - 1, len(text) - 1, "high")
    assert not score.score_set(gs, [far]).gold[0].found


def test_noise_clean_sets_and_severity_threshold():
    gold = [_g("hedging", *BETA, severity="medium"), _g("addition", *GAMMA, severity="low", required=False)]
    flags = [_f("hedging", *BETA, severity="medium"), _f("addition", *GAMMA, severity="low"),
             _f("addition", NOISE["start"], NOISE["end"], severity="low"), _f("drift", 0, 10, severity="high")]
    low = score.summarize([score.score_set(_gold_set(gold, [NOISE]), flags, "low")], "low")
    assert low["overall"]["recall"] == 1.0 and low["overall"]["flags"] == 4 and low["overall"]["correct"] == 2
    assert low["noise_flagged"] == 1 and low["per_kind"]["addition"]["precision"] == 0.5
    medium = score.summarize([score.score_set(_gold_set(gold, [NOISE]), flags, "medium")], "medium")
    # the low gold entry leaves the denominator; the low flags are dropped
    assert medium["overall"]["gold"] == 1 and medium["overall"]["recall"] == 1.0
    assert medium["overall"]["flags"] == 2 and medium["overall"]["precision"] == 0.5
    clean = score.summarize([score.score_set(_gold_set([]), flags, "low")], "low")
    assert clean["clean_false_flags"] == {"t": 4} and clean["overall"]["precision"] == 0.0


def test_kind_accuracy_any_and_top():
    gold = [_g("number", *BETA)]
    flags = [_f("drift", *BETA, severity="high"), _f("number", *BETA, severity="medium")]
    s = score.summarize([score.score_set(_gold_set(gold), flags)], "low")
    assert s["overall"]["kind_accuracy"] == 1.0 and s["overall"]["top_kind_accuracy"] == 0.0


@pytest.mark.parametrize("text,target,expected", [
    ("Er kam am 14. Juni an. Dann ging er.", "Juni", "Er kam am 14. Juni an."),
    ("Koszt to ok. 9 tys. zł rocznie. Potem nic.", "zł", "Koszt to ok. 9 tys. zł rocznie."),
    ("Il pleut. Les travaux commencent en 2026. Fin.", "travaux", "Les travaux commencent en 2026."),
    ("Erste Zeile ohne Punkt\nZweite Zeile hier. Rest.", "Zweite", "Zweite Zeile hier."),
    ("Es kostet 1,5 Mrd. Euro im Jahr. Und mehr.", "Euro", "Es kostet 1,5 Mrd. Euro im Jahr."),
])
def test_sentence_of(text, target, expected):
    i = text.index(target)
    lo, hi = score.sentence_of(text, i, i + len(target))
    assert text[lo:hi] == expected


def test_reports_are_read_from_json_like_from_objects():
    data = {"flags": [{"version": "pl", "kind": "number", "start": 1, "end": 4, "severity": "low", "score": 0.5,
                       "text": "lph"}]}
    (flag,) = score.flags_from_report(data)
    assert (flag.kind, flag.start, flag.end, flag.severity) == ("number", 1, 4, "low")


# -- REFreSD metrics --------------------------------------------------------------------------------


def test_roc_auc_matches_sklearn():
    from sklearn.metrics import roc_auc_score

    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, 300)
    s = np.round(rng.normal(size=300) + y * 0.7, 1)  # rounded: ties
    assert refresd.roc_auc(y, s) == pytest.approx(roc_auc_score(y, s))


def test_threshold_is_tuned_on_training_folds_only():
    y = np.array([0] * 50 + [1] * 50)
    s = np.concatenate([np.linspace(0, 0.4, 50), np.linspace(0.6, 1.0, 50)])
    splits = refresd.folds(y)
    pred, thresholds = refresd.cross_validated(y, s, splits, refresd.f1_div)
    assert refresd.f1_div(y, pred) == 1.0
    assert all(0.4 < t < 0.6 for t in thresholds)
    # a scorer that is pure noise cannot look good out of fold
    noise = np.random.default_rng(1).normal(size=100)
    pred, _ = refresd.cross_validated(y, noise, splits, refresd.f1_macro)
    assert refresd.f1_macro(y, pred) < 0.75


# -- development pairs (benchmarks/devpairs.py) -----------------------------------------------------

devpairs = _load("bench_devpairs", ROOT / "benchmarks" / "devpairs.py")


def test_development_pairs_are_labelled_by_gold_spans():
    from consistency.types import Group, Segment

    def seg(v: str, i: int, start: int, text: str, role: str = "body") -> Segment:
        return Segment(id=f"{v}:{i}", version=v, index=i, paragraph=0, start=start, end=start + len(text),
                       text=text, role=role)

    segments = [seg("it", 0, 0, "Uno."), seg("de", 0, 0, "Eins."), seg("fr", 0, 0, "Un."),
                seg("it", 1, 5, "Due."), seg("de", 1, 6, "Zwei."), seg("de", 2, 12, "Drei."),
                seg("it", 2, 10, "Foto: X", role="caption"), seg("de", 3, 18, "Bild: X", role="caption")]
    groups = [Group(id=0, members=("it:0", "de:0", "fr:0"), score=1.0),
              Group(id=1, members=("it:1", "de:1", "de:2"), score=1.0),  # de splits: no pair
              Group(id=2, members=("it:2", "de:3"), score=1.0)]  # captions: no pair
    gold = [{"version": "de", "kind": "number", "start": 0, "end": 4},
            {"version": "fr", "kind": "omission", "start": 1, "end": 1}]  # a point: labels nothing
    rows = devpairs.pairs_of(segments, groups, {"it": "it", "de": "de", "fr": "fr"}, gold)
    labels = {(p[1], p[3]): (y, k) for p, y, k in rows}
    assert labels == {("de", "fr"): (1, "number"), ("de", "it"): (1, "number"), ("fr", "it"): (0, "")}


def test_development_pairs_refuse_the_blind_sets(capsys):
    assert devpairs.main([str(ROOT / "eval" / "sets-blind")]) == 2
    assert "once per release" in capsys.readouterr().err
