"""The replaced-cause detector (``flags/causes.py``): cause clauses read per language, and a version that gives
another reason than the others flagged as ``drift`` on its cause."""
from __future__ import annotations

import pytest

import consistency
from consistency.flags.causes import causes_in

CAUSE_CASES = [
    ("it", "La pista resterà aperta fino alle 22 perché i kart elettrici sono più silenziosi.",
     ["perché i kart elettrici sono più silenziosi"]),
    ("it", "Il cantiere è fermo a causa della pioggia caduta per tre settimane.",
     ["a causa della pioggia caduta per tre settimane"]),
    ("de", "Die Bahn hat bis 22 Uhr geöffnet, weil die Elektrokarts viel leiser sind.",
     ["weil die Elektrokarts viel leiser sind"]),
    ("de", "Die Baustelle ruht, da es seit drei Wochen regnet.", ["da es seit drei Wochen regnet"]),
    ("de", "Da wohnen heute viele junge Familien.", []),  # "da" is "there" when no comma comes before it
    ("de", "Der Laden schließt, weil die Miete stieg, sagte die Inhaberin.", ["weil die Miete stieg"]),  # to the comma
    ("pt", "A pista fica aberta até às 22h porque os karts elétricos são mais silenciosos.",
     ["porque os karts elétricos são mais silenciosos"]),
    ("pt", "A obra parou devido à chuva das últimas semanas.", ["devido à chuva das últimas semanas"]),
    ("fr", "Le circuit restera ouvert jusqu'à 22 heures parce que les karts électriques sont silencieux.",
     ["parce que les karts électriques sont silencieux"]),
    ("fr", "L'atelier a dû refuser des commandes faute de personnel qualifié disponible.",
     ["faute de personnel qualifié disponible"]),
    ("fr", "Il a dû fermer l'atelier en mars dernier.", []),  # "dû" alone is "had to", no cause
    ("pl", "Tor będzie czynny do 22, bo elektryczne gokarty są znacznie cichsze.",
     ["bo elektryczne gokarty są znacznie cichsze"]),
    ("pl", "Budowa stanęła z powodu deszczu padającego od trzech tygodni.",
     ["z powodu deszczu padającego od trzech tygodni"]),
    ("en", "The track stays open until 10 pm because the electric karts are much quieter.",
     ["because the electric karts are much quieter"]),
    ("es", "La pista abrirá hasta las 22 porque los karts eléctricos son más silenciosos.",
     ["porque los karts eléctricos son más silenciosos"]),
    ("it", "Chiude perché piove.", []),  # too short a cause to compare
]


@pytest.mark.parametrize("lang,text,expected", CAUSE_CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CAUSE_CASES)])
def test_causes_in(lang, text, expected):
    assert [text[c:b] for c, _a, b in causes_in(text, lang)] == expected


KARTS = {  # written for this test: the track stays open later because the electric karts are quieter
    "it": ("La pista di go-kart di Valmora riapre sabato con ventiquattro kart elettrici. "
           "D'ora in poi resterà aperta fino alle 22 anziché fino alle 20, perché i kart elettrici sono molto più "
           "silenziosi di quelli a benzina. I vecchi kart sono stati venduti a un club di Kaunas."),
    "de": ("Die Kartbahn von Valmora öffnet am Samstag wieder, mit vierundzwanzig Elektrokarts. "
           "Sie hat künftig bis 22 Uhr statt bis 20 Uhr geöffnet, weil die Elektrokarts viel leiser sind als die "
           "Benziner. Die alten Karts wurden an einen Klub in Kaunas verkauft."),
    "pt": ("A pista de karting de Valmora reabre no sábado com vinte e quatro karts elétricos. "
           "Passa a estar aberta até às 22h, em vez das 20h, porque os karts elétricos são muito mais silenciosos "
           "do que os de gasolina. Os karts antigos foram vendidos a um clube de Kaunas."),
    "fr": ("Le circuit de karting de Valmora rouvre samedi avec vingt-quatre karts électriques. "
           "Il restera désormais ouvert jusqu'à 22 heures au lieu de 20 heures, parce que les karts électriques "
           "sont bien plus silencieux que ceux à essence. Les anciens karts ont été vendus à un club de Kaunas."),
    "pl": ("Tor gokartowy w Valmorze zostanie ponownie otwarty w sobotę z dwudziestoma czterema elektrycznymi "
           "gokartami. Będzie czynny do godz. 22, a nie do 20, bo elektryczne gokarty są znacznie cichsze od "
           "spalinowych. Stare gokarty sprzedano klubowi z Kowna."),
}
REASONS = {  # another reason: companies book group rides in the evening
    "de": ("weil die Elektrokarts viel leiser sind als die Benziner",
           "weil vor allem Firmen abends Gruppenfahrten buchen"),
    "fr": ("parce que les karts électriques sont bien plus silencieux que ceux à essence",
           "parce que ce sont surtout des entreprises qui réservent des courses de groupe le soir"),
    "pl": ("bo elektryczne gokarty są znacznie cichsze od spalinowych",
           "bo wieczorami tor rezerwują głównie firmy na wyjazdy integracyjne"),
}


@pytest.mark.parametrize("version", sorted(REASONS))
def test_a_replaced_cause_is_a_drift_flag_on_the_cause(version):
    texts = dict(KARTS)
    texts[version] = texts[version].replace(*REASONS[version])
    report = consistency.check(texts, detectors=["causes"])
    assert [(f.kind, f.version) for f in report.flags] == [("drift", version)], [f.message for f in report.flags]
    assert report.flags[0].text == REASONS[version][1]
    assert "another cause" in report.flags[0].message


def test_the_same_cause_in_other_words_is_no_drift():
    report = consistency.check(KARTS, detectors=["causes"])
    assert not report.flags, [f.message for f in report.flags]


def test_one_drift_flag_per_sentence_the_cause():
    """de's sentence drifts as a whole too (a sentence-level drift flag); the replaced cause is the narrower
    flag and the one reported (``flags._explained``)."""
    texts = {**KARTS, "de": KARTS["de"].replace(*REASONS["de"])}
    report = consistency.check(texts, detectors=["drift", "causes"])
    assert [(f.kind, f.version, f.text) for f in report.flags] == [("drift", "de", REASONS["de"][1])], [
        f.message for f in report.flags]
