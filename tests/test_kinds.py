"""Each flag kind on small articles we wrote (tests/data/cases.json), in several languages."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import consistency

CASES = json.loads((Path(__file__).parent / "data" / "cases.json").read_text(encoding="utf-8"))


def _run(case):
    return consistency.check(dict(case["versions"]))


@pytest.mark.parametrize("case", [c for c in CASES if c["kind"] != "clean"], ids=lambda c: c["name"])
def test_planted_divergence_found(case):
    report = _run(case)
    exp = case["expect"]
    hits = [f for f in report.flags if f.version == exp["version"] and f.kind == exp["kind"]]
    assert hits, f"expected a {exp['kind']} flag on {exp['version']}; got " + "; ".join(
        f"{f.kind}/{f.version}: {f.message}" for f in report.flags)
    if "contains" in exp:
        assert any(exp["contains"] in f.text for f in hits), [f.text for f in hits]
    if "counterpart_contains" in exp:
        assert any(exp["counterpart_contains"] in c.text for f in hits for c in f.counterparts)


@pytest.mark.parametrize("case", [c for c in CASES if c["kind"] == "clean"], ids=lambda c: c["name"])
def test_clean_set_raises_no_high_flag(case):
    report = _run(case)
    high = [f"{f.kind}/{f.version}: {f.message}" for f in report.flags if f.severity == "high"]
    assert not high


SHARED_DRIFT = {  # it and fr give the new reservoir another purpose than de, pt and pl
    "it": ("Il comune di Valtorre costruirà un nuovo bacino sopra il paese. I lavori inizieranno in primavera. "
           "Il bacino servirà a produrre neve artificiale per le piste da sci durante l'inverno. "
           "Il progetto costerà quattro milioni di euro."),
    "de": ("Die Gemeinde Valtorre baut ein neues Wasserbecken oberhalb des Dorfes. Die Arbeiten beginnen im Frühjahr. "
           "Das Becken soll den Bauern im Sommer Wasser für die Bewässerung ihrer Wiesen liefern. "
           "Das Projekt kostet vier Millionen Euro."),
    "pt": ("O município de Valtorre vai construir um novo reservatório acima da aldeia. As obras começam na primavera. "
           "O reservatório vai fornecer aos agricultores água para regar os prados no verão. "
           "O projeto custará quatro milhões de euros."),
    "fr": ("La commune de Valtorre construira un nouveau bassin au-dessus du village. Les travaux commenceront au "
           "printemps. Le bassin servira à produire de la neige artificielle pour les pistes de ski en hiver. "
           "Le projet coûtera quatre millions d'euros."),
    "pl": ("Gmina Valtorre zbuduje nowy zbiornik nad wsią. Prace rozpoczną się wiosną. "
           "Zbiornik ma latem dostarczać rolnikom wodę do nawadniania łąk. "
           "Projekt będzie kosztował cztery miliony euro."),
}


def test_drift_two_versions_share_is_raised_for_both(monkeypatch):
    """3 against 2: the two versions that agree with each other, not with the majority, are both drift candidates."""
    from consistency.flags import calibration

    raised = []
    real = calibration.finalize

    def spy(ctx, findings):
        raised.extend(f.candidate for f in findings)
        return real(ctx, findings)

    monkeypatch.setattr(calibration, "finalize", spy)
    consistency.check(SHARED_DRIFT, detectors=["drift"])
    drifted = {c.version for c in raised if c.kind == "drift" and "bacino" in SHARED_DRIFT["it"]}
    assert drifted == {"it", "fr"}, [(c.version, c.message) for c in raised]
