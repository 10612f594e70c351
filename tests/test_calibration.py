"""The flag calibrator: stored heads, severity rules, the sentence-pair divergence score, no sklearn in a check."""
from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from consistency.flags import divergence_score, divergence_scores
from consistency.flags.calibration import HIGH, MEDIUM, REPORT, Head, load_flag_calibrator, severity_for

ROOT = Path(__file__).resolve().parents[1]
HEADS = ("pair", "clause", "addition", "omission", "number", "entity", "polarity", "hedging")


def test_head_is_a_standardised_logistic_model():
    h = Head(features=("a", "b"), mean=(1.0, 0.0), scale=(2.0, 1.0), coef=(1.5, -0.5), intercept=0.25)
    z = 0.25 + 1.5 * (3.0 - 1.0) / 2.0 - 0.5 * 4.0
    assert h.probability({"a": 3.0, "b": 4.0}) == pytest.approx(1 / (1 + math.exp(-z)))
    assert h.probability({}) == pytest.approx(1 / (1 + math.exp(-0.25)))  # a missing feature sits at its mean


@pytest.mark.parametrize("kind,p,whole,expected", [
    ("addition", 0.95, True, "high"),
    ("addition", 0.95, False, "medium"),  # a clause is never high
    ("number", HIGH, True, "high"),
    ("polarity", 0.9, True, "high"),
    ("hedging", 0.99, True, "medium"),  # certainty differences are at most medium
    ("entity", 0.99, True, "medium"),
    ("drift", 0.99, True, "medium"),
    ("drift", 0.6, True, None),  # drift is reported from MEDIUM on
    ("omission", MEDIUM, True, "medium"),
    ("number", 0.6, True, "low"),
    ("number", REPORT - 0.01, True, None),  # below REPORT: not reported
])
def test_severity_follows_probability_and_kind(kind, p, whole, expected):
    assert severity_for(kind, p, whole_claim=whole) == expected


@pytest.mark.parametrize("model", ["use-m", "e5-small", "generic"])
def test_stored_calibrator_is_small_and_complete(model):
    path = ROOT / "consistency" / "data" / "calibration" / f"flags-{model}.json"
    if not path.is_file():
        pytest.skip(f"{path.name} not trained yet (models/train_flags.py)")
    assert path.stat().st_size < 60_000
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (ROOT / "models" / "calibration" / path.name).read_text(encoding="utf-8") == path.read_text(encoding="utf-8")
    cal = load_flag_calibrator(model)
    assert cal is not None
    for head in HEADS:
        assert head in cal.heads, f"{model}: head {head} missing"
        h = cal.heads[head]
        assert len(h.features) == len(h.mean) == len(h.scale) == len(h.coef)
        assert all(s > 0 for s in h.scale)
    assert set(data["length_factors"]) >= {"it", "de", "pt", "fr", "pl", "en"}


# (a, a_lang, b, b_lang): each divergent pair scores above its faithful counterpart. The pair score sees
# content added or changed; negation, hedging and numbers are the detectors' (they vote across versions).
PAIRS = [
    (("The pilot started in March in Varessa, where 12,500 lamps were fitted.", "en"),
     ("El piloto arrancó en marzo en Varessa, donde se equiparon 12.500 farolas.", "es"),
     ("El piloto arrancó en marzo en Varessa, donde se equiparon 12.500 farolas, aunque los vecinos se quejaron "
      "de calles demasiado oscuras.", "es")),
    (("La società impiega 280 persone a Varessa.", "it"),
     ("Firma zatrudnia 280 osób w Varessie.", "pl"),
     ("Firma otworzy w przyszłym roku drugą fabrykę pod Krakowem.", "pl")),
    (("Il museo riapre sabato dopo tre anni di lavori di restauro.", "it"),
     ("Das Museum öffnet am Samstag nach drei Jahren Restaurierung wieder.", "de"),
     ("Das Museum bleibt wegen eines Wasserschadens bis auf Weiteres geschlossen.", "de")),
]


@pytest.mark.parametrize("a,faithful,divergent", PAIRS, ids=["clause-es", "drift-pl", "drift-de"])
def test_divergence_score_ranks_divergent_above_faithful(a, faithful, divergent):
    same = divergence_score(a[0], a[1], faithful[0], faithful[1])
    other = divergence_score(a[0], a[1], divergent[0], divergent[1])
    assert 0.0 <= same <= 1.0 and 0.0 <= other <= 1.0
    assert other > same
    assert same < 0.5 < other


def test_pair_features_see_cues_numbers_and_names():
    from consistency.calibrate import load_calibration
    from consistency.embed import embed, get_embedder, get_spec
    from consistency.flags.divergence import pair_features

    embedder = get_embedder(get_spec("use-m"))
    vec = lambda texts: embed(list(texts), embedder)  # noqa: E731
    cal = load_calibration("use-m")
    f = pair_features("Firma zatrudnia 280 osób w Varessie.", "pl",
                      "L'azienda non impiega 180 persone a Bologna.", "it", vec, cal)
    assert f["negation"] == 1 and f["numbers"] == 1 and f["names"] >= 1


def test_divergence_scores_batch_equals_single():
    a, f, d = PAIRS[1]
    batch = divergence_scores([(a[0], a[1], f[0], f[1]), (a[0], a[1], d[0], d[1])])
    # float32 vectors embedded in a batch and one by one round differently (seen with numpy 2.4: 1.6e-6
    # relative); a wrong pairing in the batch would differ by far more
    single = [divergence_score(a[0], a[1], f[0], f[1]), divergence_score(a[0], a[1], d[0], d[1])]
    assert batch == pytest.approx(single, rel=1e-4)
    assert divergence_scores([]) == []


def test_a_check_does_not_import_sklearn(tmp_path):
    code = ("import sys, consistency\n"
            "consistency.check({'it': 'Il museo riapre sabato. Costa dieci euro.', "
            "'de': 'Das Museum öffnet am Samstag wieder. Es kostet zehn Euro.'})\n"
            "print('sklearn' in sys.modules)\n")
    env = {"CONSISTENCY_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


def test_a_head_missing_from_a_model_file_comes_from_the_generic_one(tmp_path, monkeypatch):
    """A model fitted on too few candidates of one family keeps its own heads and borrows the rest."""
    import consistency.flags.calibration as calibration

    def head(intercept: float) -> dict:
        return {"features": ["x"], "mean": [0.0], "scale": [1.0], "coef": [1.0], "intercept": intercept}

    (tmp_path / "flags-tiny.json").write_text(json.dumps({"model": "tiny", "heads": {"number": head(2.0)}}))
    (tmp_path / "flags-generic.json").write_text(json.dumps(
        {"model": "generic", "heads": {"number": head(-2.0), "entity": head(1.0)}}))
    monkeypatch.setattr(calibration, "_DIR", tmp_path)
    cal = load_flag_calibrator("tiny")
    assert cal.probability("number", {"x": 0.0}) == pytest.approx(1 / (1 + math.exp(-2.0)))  # its own
    assert cal.probability("entity", {"x": 0.0}) == pytest.approx(1 / (1 + math.exp(-1.0)))  # borrowed
    assert load_flag_calibrator("unknown").model == "generic"
    (tmp_path / "flags-generic.json").unlink()
    assert load_flag_calibrator("unknown") is None


def _finding(kind: str, corroborated: bool, *, version: str = "pl", group: int = 1):
    from consistency.flags.base import Candidate
    from consistency.flags.calibration import Finding

    cand = Candidate(kind=kind, version=version, start=0, end=5, counterparts=(), severity="medium", score=0.6,
                     message="m", group=group)
    return Finding(cand, kind, {}, corroborated=corroborated)


@pytest.mark.parametrize("kind,p,corroborated,expected", [
    ("addition", 0.60, False, "unreported"),  # low and nothing new named: kept only to explain a drift
    ("addition", 0.60, True, "low"),  # low, but it brings a name no other version has
    ("addition", MEDIUM, False, "medium"),  # from MEDIUM on the probability alone is enough
    ("addition", 0.95, False, "high"),
    ("addition", REPORT - 0.01, False, None),  # below REPORT: gone either way
    ("number", 0.60, False, "low"),  # the rule is for additions only
])
def test_a_weak_addition_needs_corroboration(monkeypatch, kind, p, corroborated, expected):
    from consistency.flags import calibration

    finding = _finding(kind, corroborated)
    monkeypatch.setattr(calibration, "decide", lambda ctx, head, feats, *, kind=None, whole_claim=True, default=0.6: (
        severity_for(kind or head, p, whole_claim=whole_claim) is not None,
        severity_for(kind or head, p, whole_claim=whole_claim) or "low", p))
    out = calibration.finalize(None, [finding])
    if expected is None:
        assert out == []
    elif expected == "unreported":
        assert len(out) == 1 and out[0].reported is False
    else:
        assert len(out) == 1 and out[0].reported and out[0].severity == expected


def test_an_unreported_addition_still_explains_a_drift_in_its_group():
    from dataclasses import replace

    from consistency.flags import _explained

    weak = replace(_finding("addition", False).candidate, reported=False)
    drift = _finding("drift", True).candidate
    elsewhere = _finding("drift", True, group=2).candidate
    kept = [c for c in _explained([weak, drift, elsewhere]) if c.reported]
    assert kept == [elsewhere]


def _ctx(docs: dict[str, str]):
    from types import SimpleNamespace

    return SimpleNamespace(documents={v: SimpleNamespace(text=t, lang=v) for v, t in docs.items()})


@pytest.mark.parametrize("version,text,docs,new", [
    ("pl", "zamiast DUV jak Japonia czy Holandia",
     {"it": "Il chip è prodotto a 7 nanometri da una fonderia cinese.",
      "de": "Der Chip wird von einer chinesischen Foundry in 7 Nanometern gefertigt."}, True),
    ("de", "sagte Bürgermeisterin Anna Roth",
     {"it": "Lo ha detto la sindaca Anna Roth ai giornalisti.", "fr": "La maire Anna Roth l'a annoncé."}, False),
    ("pl", "tak uważa zespół Vargi",  # an inflected name the others have is not new
     {"it": "Il governatore Varga ha alzato i tassi.", "pt": "O governador Varga subiu os juros."}, False),
    ("fr", "Les adhérents ont encore leur mot à dire",
     {"it": "Gli iscritti voteranno l'accordo.", "de": "Die Mitglieder stimmen ab."}, False),
    ("pt", "disse o autarca Rui Falcão, que critica o projeto",
     {"it": "Il progetto costerà 12 milioni di euro.", "fr": "Le projet coûtera 12 millions d'euros."}, True),
])
def test_brings_new_name(version, text, docs, new):
    from consistency.flags.votes import brings_new_name

    ctx = _ctx({version: text, **docs})
    assert brings_new_name(ctx, version, text, list(docs)) is new
