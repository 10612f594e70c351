"""Locale-aware quantities: extraction per language, cross-language equality, one-to-one matching."""
from __future__ import annotations

from pathlib import Path

import pytest

from consistency.flags.numbers import (
    Quantity,
    bound_before,
    extract_quantities,
    match_quantities,
    off_by_bound,
    same_quantity,
)


def one(text: str, lang: str) -> Quantity:
    found = extract_quantities(text, lang)
    assert len(found) == 1, f"{lang} {text!r}: expected one quantity, got {found}"
    return found[0]


# (lang, text, value, unit, kind): the text holds exactly one quantity
SINGLE = [
    ("it", "1,5 mld zł", 1.5e9, "PLN", "money"),
    ("pl", "1,5 mld zł", 1.5e9, "PLN", "money"),
    ("pl", "24,3 tys.", 24300, None, "count"),
    ("pl", "w 23-tysięcznym mieście", 23000, None, "count"),  # a town of 23,000: the scale after a hyphen
    ("de", "die 2-Millionen-Stadt", 2e6, None, "count"),
    ("pl", "24 300", 24300, None, "count"),
    ("fr", "24\u202f300", 24300, None, "count"),
    ("de", "24.300", 24300, None, "count"),
    ("en", "1,500", 1500, None, "count"),
    ("de", "1.500", 1500, None, "count"),
    ("de", "11'200", 11200, None, "count"),  # Swiss grouping, plain apostrophe
    ("de", "11’200", 11200, None, "count"),  # and typographic apostrophe
    ("de", "7.5", 7.5, None, "count"),
    ("it", "24,3", 24.3, None, "count"),
    ("en", "1,500.25", 1500.25, None, "count"),
    ("de", "1.500.000,5", 1500000.5, None, "count"),
    ("de", "1,5 Mrd.", 1.5e9, None, "count"),
    ("de", "2 Mio. Euro", 2e6, "EUR", "money"),
    ("it", "3 milioni di dollari", 3e6, "USD", "money"),
    ("it", "2 miliardi", 2e9, None, "count"),
    ("fr", "1,5 milliard d'euros", 1.5e9, "EUR", "money"),
    ("fr", "1,5 billion", 1.5e12, None, "count"),
    ("pt", "1,5 bilhão de dólares", 1.5e9, "USD", "money"),
    ("pt", "3 bilhões", 3e9, None, "count"),
    ("pt", "1,5 bilião", 1.5e12, None, "count"),
    ("pt", "2 mil milhões", 2e9, None, "count"),
    ("es", "1,5 mil millones de euros", 1.5e9, "EUR", "money"),
    ("en", "$1.5 billion", 1.5e9, "USD", "money"),
    ("en", "£5m", 5e6, "GBP", "money"),
    ("en", "€ 3", 3, "EUR", "money"),
    ("pt", "R$ 10", 10, "BRL", "money"),
    ("de", "zehn Prozent", 10, "%", "percent"),
    ("de", "Hundert Makrelen", 100, None, "count"),  # without "several": a hundred
    ("de", "mehrere zweihundert Makrelen", 200, None, "count"),  # a numeral before the multiplier
    ("pl", "tysiąc osób", 1000, None, "count"),
    ("it", "dieci per cento", 10, "%", "percent"),
    ("fr", "dix pour cent", 10, "%", "percent"),
    ("pt", "dez por cento", 10, "%", "percent"),
    ("pl", "dziesięć procent", 10, "%", "percent"),
    ("es", "diez por ciento", 10, "%", "percent"),
    ("en", "ten percent", 10, "%", "percent"),
    ("en", "10%", 10, "%", "percent"),
    ("fr", "10 %", 10, "%", "percent"),
    ("it", "-5%", -5, "%", "percent"),
    ("it", "3 punti percentuali", 3, "pp", "percent"),
    ("it", "7 nm", 7, "nm", "measure"),
    ("de", "7-nm-Prozess", 7, "nm", "measure"),
    ("en", "a 7nm chip", 7, "nm", "measure"),
    ("pl", "7 nanometrów", 7, "nm", "measure"),
    ("de", "30 °C", 30, "°C", "measure"),
    # a temperature below zero in words: a "minus" word with degrees after, or a "below zero" phrase
    ("de", "bei minus 31 Grad", -31, None, "count"),
    ("it", "a meno 31 gradi", -31, None, "count"),
    ("pt", "aos 31 graus negativos", -31, None, "count"),
    ("it", "a 12 gradi sotto zero", -12, None, "count"),  # "zero" belongs to the phrase, no second quantity
    ("pl", "w minus 12 stopniach", -12, None, "count"),
    ("pl", "w nocy było 15 stopni mrozu", -15, None, "count"),
    ("fr", "par moins 8 °C", -8, "°C", "measure"),
    ("pt", "menos seis lugares", 6, None, "count"),  # "six fewer": no degrees, no sign
    ("fr", "moins 6 000 habitants", 6000, None, "count"),
    # volumes: cubic metres and litres in one unit
    ("de", "49.000 Kubikmeter Grundwasser", 49000, "m3", "measure"),
    ("pl", "94 tys. m sześc. wód", 94000, "m3", "measure"),
    ("fr", "94 000 mètres cubes d'eau", 94000, "m3", "measure"),
    ("it", "3000 litri d’acqua", 3000, "l", "measure"),
    ("it", "sei mesi", 6, "mo", "measure"),
    ("de", "seine fünfjährige Amtszeit", 5, "y", "measure"),
    ("de", "dreimal beleidigt", 3, None, "multiplier"),  # a glued numeral other than "ein" is a count of times
    ("de", "rückten 36-mal aus", 36, None, "multiplier"),  # = "63 volte", "63 fois"
    ("de", "rückten die Freiwilligen aus Quarneto 36-mal aus", 36, None, "multiplier"),  # no "Quarneto 36" name
    ("it", "sono usciti 63 volte", 63, None, "multiplier"),
    ("de", "eine einjährige Pause", 1, "y", "measure"),
    ("en", "a five-year term", 5, "y", "measure"),
    ("it", "la 27enne polacca", 27, None, "count"),  # a number with "-enne" glued on is an age
    ("it", "dieci", 10, None, "count"),
    ("de", "zehn", 10, None, "count"),
    ("pt", "dez", 10, None, "count"),
    ("fr", "dix", 10, None, "count"),
    ("pl", "dziesięć", 10, None, "count"),
    ("pl", "dziesięciu pracowników", 10, None, "count"),
    ("pl", "trójka dzieci", 3, None, "count"),
    ("en", "ten", 10, None, "count"),
    ("es", "diez", 10, None, "count"),
    ("de", "fünfundzwanzig", 25, None, "count"),
    ("it", "ventitré", 23, None, "count"),
    ("it", "duemilaventiquattro", 2024, None, "count"),
    ("it", "millecento", 1100, None, "count"),
    ("fr", "quatre-vingt-dix-sept", 97, None, "count"),
    ("fr", "soixante-dix", 70, None, "count"),
    ("fr", "dix-sept", 17, None, "count"),
    ("fr", "vingt et un", 21, None, "count"),
    ("pt", "vinte e cinco", 25, None, "count"),
    ("pt", "dois mil e quinhentos", 2500, None, "count"),
    ("es", "treinta y cinco", 35, None, "count"),
    ("es", "veinticinco", 25, None, "count"),
    ("pl", "dwadzieścia pięć", 25, None, "count"),
    ("pl", "dwa tysiące dwadzieścia cztery", 2024, None, "count"),
    ("en", "two hundred and fifty", 250, None, "count"),
    ("en", "twenty-five", 25, None, "count"),
    ("it", "un milione", 1e6, None, "count"),
    ("de", "eine Million", 1e6, None, "count"),
    ("it", "dieci milioni di euro", 1e7, "EUR", "money"),
    ("en", "3rd", 3, None, "ordinal"),
    ("fr", "2e", 2, None, "ordinal"),
    ("it", "il 3° posto", 3, None, "ordinal"),
    ("de", "der 3. größte", 3, None, "ordinal"),
    ("de", "im 3. Quartal", 3, None, "ordinal"),
    ("it", "il terzo", 3, None, "ordinal"),
    ("pl", "w piątym dniu", 5, None, "ordinal"),
    # an ordinal after "every" is the N of "one in N": "jedem fünften Fall" = "un caso su cinque"
    ("de", "in jedem fünften Fall", 5, None, "count"),
    ("pl", "w co piątym przypadku", 5, None, "count"),
    ("en", "every third applicant", 3, None, "count"),
    ("it", "nel 2024", 2024, "year", "year"),
    ("pl", "w 2024 r.", 2024, "year", "year"),
    ("de", "im Jahr 2024 kamen", 2024, "year", "year"),
    ("fr", "environ 250 hectares", 250, "ha", "measure"),
    ("it", "250 chilometri quadrati", 250, "km2", "measure"),
    ("pl", "ok. 250 km kw., głównie", 250, "km2", "measure"),
    ("de", "rund 250 Quadratkilometern", 250, "km2", "measure"),
    ("en", "40 square metres", 40, "m2", "measure"),
    ("es", "12 hectáreas", 12, "ha", "measure"),
    ("it", "Nel 2023 ha vinto", 2023, "year", "year"),  # the verb "ha" is no hectare
]


@pytest.mark.parametrize("lang,text,value,unit,kind", SINGLE)
def test_single_quantity(lang: str, text: str, value: float, unit: str | None, kind: str) -> None:
    q = one(text, lang)
    assert q.value == pytest.approx(value)
    assert (q.unit, q.kind) == (unit, kind)
    assert text[q.start:q.end] == q.text


@pytest.mark.parametrize("lang,text", [
    ("it", "Ascend 910C per competere con l'H100 di NVIDIA"),
    ("en", "the RTX 4090 and the RTX4090"),
    ("en", "COVID-19"),
    ("en", "an Airbus A320"),
    ("it", "i chip Ascend 910 di Huawei"),
    ("en", "at 10:30"),
    ("it", "uno studente e una studentessa"),  # articles are not the number one
    ("it", "tu sei qui"),  # "sei" is also "you are"
    ("en", "one of them"),
    ("de", "eine Frau"),
    ("it", "la 4090Ti e la 27anne"),  # other glued letters stay no number
    ("de", "Aber einmal ist mir ein Vater bis zum Auto gefolgt."),  # "once", not a count of one
    ("de", "Das ist einfach zu teuer."),  # "simply"
    ("de", "Er hat nicht einmal angerufen."),  # "not even"
    # a bare "hundred" or "thousand" after "several" is "hundreds", not 100
    ("de", "ein Schwarm aus mehreren Hundert Makrelen"),
    ("de", "einige Tausend Besucher"),
    ("en", "several hundred fish"),
    ("pl", "kilka tysięcy osób"),
])
def test_not_quantities(lang: str, text: str) -> None:
    assert extract_quantities(text, lang) == []


# (lang a, text a, lang b, text b, same?): each text holds exactly one quantity
SAME = [
    ("pl", "1,5 mld zł", "en", "1.5 billion", True),  # PLN against no unit: still the same value
    ("pl", "1,5 mld zł", "en", "1.5 billion zlotys", True),
    ("de", "1,5 Mrd.", "en", "1.5 billion", True),
    ("de", "1,5 Mrd.", "en", "1.52 billion", True),  # within the rounding of "1,5"
    ("de", "1,5 Mrd.", "en", "1.6 billion", False),
    ("de", "zehn Prozent", "fr", "10 %", True),
    ("pl", "24,3 tys.", "pl", "24 300", True),
    ("pl", "24,3 tys.", "de", "24.300", True),
    ("pl", "w 14-tysięcznym mieście", "it", "14.000 abitanti", True),
    ("pl", "24 300", "de", "24.300", True),
    ("en", "1,500", "de", "1.500", True),
    ("fr", "1 500", "en", "1,500", True),
    ("it", "280 dipendenti", "de", "180 Mitarbeiter", False),
    ("de", "minus 31 Grad", "pl", "-31 st. C", True),
    ("de", "minus 29,4 Grad", "it", "i –29,4 gradi", True),  # typesetters write the minus as an en dash
    ("fr", "–29,4 °C", "pt", "−29,4 °C", True),
    ("pt", "31 graus negativos", "fr", "-31", True),
    ("it", "meno 31 gradi", "de", "31 Grad", False),
    ("de", "49.000 Kubikmeter", "it", "94.000 metri cubi", False),
    ("pt", "94 mil metros cúbicos", "pl", "94 tys. m sześc.", True),
    ("fr", "94 000 mètres cubes", "it", "94.000 metri", False),  # a volume is no length
    ("fr", "3 hectolitres", "de", "300 Liter", True),
    ("pl", "6,3 punktu procentowego", "fr", "6,3 points de pourcentage", True),
    ("de", "7-nm-Prozess", "it", "7 nm", True),
    ("en", "7 nm", "en", "7 km", False),
    ("it", "5 per cento", "en", "5 percentage points", False),
    ("it", "dieci", "pl", "dziesięciu", True),
    ("pt", "dez", "es", "diez", True),
    ("de", "zehn", "en", "eleven", False),
    ("pt", "1,5 bilhão", "en", "1.5 billion", True),
    ("pt", "1,5 bilião", "en", "1.5 billion", False),
    ("fr", "1,5 milliard", "en", "1.5 billion", True),
    ("fr", "1,5 billion", "en", "1.5 billion", False),
    ("es", "1,5 mil millones", "en", "1.5 billion", True),
    ("en", "$1.5 billion", "de", "1,5 Milliarden Dollar", True),
    ("en", "$1.5 billion", "de", "1,5 Milliarden Euro", False),
    ("en", "March 12, 2024", "it", "12 marzo 2024", True),
    ("fr", "12 mars 2024", "de", "12. März 2024", True),
    ("pl", "12 marca 2024", "pt", "12 de março de 2024", True),
    ("it", "12/03/2024", "en", "3/12/2024", True),  # day-month order per language
    ("it", "12/03/2024", "en", "12/03/2024", False),
    ("pl", "12 marca", "en", "March 12, 2024", True),  # no year on one side: compare day and month
    ("pl", "13 marca", "en", "March 12, 2024", False),
    ("en", "in 2024", "de", "12. März 2024", True),
    ("en", "third", "fr", "troisième", True),
    # units of one dimension convert; other units never meet
    ("fr", "250 hectares", "it", "250 chilometri quadrati", False),
    ("fr", "250 hectares", "de", "2,5 Quadratkilometer", True),
    ("pl", "250 km kw.", "pt", "250 quilómetros quadrados", True),
    ("en", "1,200 metres", "de", "1,2 Kilometer", True),
    ("es", "3 toneladas", "en", "3 kg", False),
    ("en", "5 kg", "en", "5 km", False),
    # a year is twelve months
    ("de", "zwei Jahre", "fr", "vingt-quatre mois", True),
    ("it", "due anni", "pl", "po 24 miesiącach", True),
    ("it", "due anni", "pt", "dois meses", False),
]


@pytest.mark.parametrize("la,ta,lb,tb,expected", SAME)
def test_same_quantity(la: str, ta: str, lb: str, tb: str, expected: bool) -> None:
    a, b = one(ta, la), one(tb, lb)
    assert same_quantity(a, b) is expected
    assert same_quantity(b, a) is expected


@pytest.mark.parametrize("lang,text,values", [
    ("it", "i –29,4 gradi", [-29.4]),  # an en dash glued to a number is its minus
    ("it", "dal 10–12 per cento", [10, 12]),  # between two numbers it is a range
    ("pl", "– 12 osób", [12]),  # a dash and a space open direct speech
    ("pl", "z lat 60.–80.", [1960, 80]),  # after an ordinal's dot glued to it too ("the 60s to 80s")
])
def test_an_en_dash_is_a_minus_only_before_a_lone_number(lang: str, text: str, values: list[float]) -> None:
    assert [q.value for q in extract_quantities(text, lang)] == values


def test_tolerance_follows_the_written_precision() -> None:
    assert one("1,5 mld", "pl").tolerance == pytest.approx(0.05e9)
    assert one("24,3 tys.", "pl").tolerance == pytest.approx(50)
    assert one("280", "it").tolerance == pytest.approx(0.5)
    assert one("12 marzo 2024", "it").tolerance == 0


@pytest.mark.parametrize("lang,text,iso,unit", [
    ("it", "12 marzo 2024", "2024-03-12", "day"),
    ("en", "Aug. 15, 2003", "2003-08-15", "day"),
    ("en", "March 12", "--03-12", "day-no-year"),
    ("fr", "le 1er mars", "--03-01", "day-no-year"),
    ("de", "März 2024", "2024-03", "month"),
    ("pl", "12.03.2024", "2024-03-12", "day"),
    ("en", "2024-03-12", "2024-03-12", "day"),
])
def test_dates(lang: str, text: str, iso: str, unit: str) -> None:
    q = one(text, lang)
    assert (q.kind, q.unit, q.iso) == ("date", unit, iso)


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "10-20%", [(10, "%"), (20, "%")]),
    ("de", "10 bis 20 Prozent", [(10, "%"), (20, "%")]),
    ("it", "tra 10 e 20 miliardi", [(10e9, None), (20e9, None)]),
    ("pl", "od 10 do 20 mln zł", [(10e6, "PLN"), (20e6, "PLN")]),
    ("en", "from 2002 to 6%", [(2002, "year"), (6, "%")]),  # ranges ascend: 2002 takes no "%"
    # a change from one amount to another, falling too, with a decimal first end
    ("it", "scesi da 9,1 a 7,4 milioni di euro", [(9.1e6, "EUR"), (7.4e6, "EUR")]),
    ("de", "sanken von 9,1 auf 7,4 Mio. Euro", [(9.1e6, "EUR"), (7.4e6, "EUR")]),
    ("pt", "caíram de 9,1 para 7,4 milhões de euros", [(9.1e6, "EUR"), (7.4e6, "EUR")]),
    ("de", "stieg von 12 auf 15 Prozent", [(12, "%"), (15, "%")]),
])
def test_ranges_share_unit_and_scale(lang: str, text: str, expected: list[tuple[float, str | None]]) -> None:
    found = extract_quantities(text, lang)
    assert [(q.value, q.unit) for q in found] == expected


@pytest.mark.parametrize("text,value", [("1,500", 1500), ("1.500", 1500), ("1,5", 1.5), ("1 500", 1500),
                                        ("0,500", 0.5)])
def test_unknown_language_infers_separators(text: str, value: float) -> None:
    assert one(text, "xx").value == pytest.approx(value)


def test_unknown_language_keeps_symbols_and_dates_but_no_words() -> None:
    assert [(q.value, q.unit) for q in extract_quantities("7 nm, 50%, 3 €", "xx")] == [
        (7, "nm"), (50, "%"), (3, "EUR")]
    assert one("12/03/2024", "xx").iso == "2024-03-12"
    assert extract_quantities("zehn", "xx") == []
    assert one("zehn", "de-AT").value == 10  # region subtags fall back to the language


def test_match_is_one_to_one() -> None:
    a = extract_quantities("24,3 tys. osób, 280 pracowników, 7 nm", "pl")
    b = extract_quantities("7-nm-Prozess, 24.300 Menschen, 180 Mitarbeiter", "de")
    pairs, only_a, only_b = match_quantities(a, b)
    assert pairs == [(0, 1), (2, 0)]
    assert (only_a, only_b) == ([1], [2])
    twice = extract_quantities("7 nm e 7 nm", "it")
    pairs, only_a, only_b = match_quantities(twice, b[:1])
    assert len(pairs) == 1 and len(only_a) == 1 and only_b == []


def test_match_maximises_pairs() -> None:
    """Greedy closest-first would pair 10±5 with 12 and strand 12±0.5; the matching must not."""
    def q(value: float, tol: float) -> Quantity:
        return Quantity(0, 1, "x", value, None, tol, "count")

    pairs, only_a, only_b = match_quantities([q(10, 5), q(12, 0.5)], [q(12, 0.5), q(7, 0.5)])
    assert sorted(pairs) == [(0, 1), (1, 0)]
    assert only_a == only_b == []


def test_spans_are_exact_in_the_seeds(seed_paths: list[Path]) -> None:
    for path in seed_paths:
        text = path.read_text(encoding="utf-8")
        for q in extract_quantities(text, path.stem):
            assert text[q.start:q.end] == q.text


def test_seeds_agree_on_7_nm_and_skip_model_numbers(seed_paths: list[Path]) -> None:
    by_lang = {p.stem: extract_quantities(p.read_text(encoding="utf-8"), p.stem) for p in seed_paths}
    for lang, found in by_lang.items():
        assert any(q.unit == "nm" and q.value == 7 for q in found), lang
    # the it caption's "910C" and "H100" are product names, not numbers
    assert not any(q.value in (100, 910) for q in by_lang["it"])
    nm = {lang: next(q for q in found if q.unit == "nm") for lang, found in by_lang.items()}
    assert all(same_quantity(nm["it"], q) for q in nm.values())


@pytest.mark.parametrize("lang,text,number,bound", [
    ("de", "Kinder bis fünf Jahre fahren gratis", "fünf", "at_most"),
    ("it", "i bambini sotto i sei anni salgono gratis", "sei", "under"),
    ("pl", "dzieci do lat pięciu jeżdżą za darmo", "pięciu", "at_most"),
    ("fr", "c’est gratuit pour les moins de 6 ans", "6", "under"),
    ("pt", "as crianças com menos de seis anos não pagam", "seis", "under"),
    ("en", "children aged up to five ride free", "five", "at_most"),
    ("es", "los mayores de 65 años pagan la mitad", "65", "over"),
    ("de", "ab 18 Jahren", "18", "at_least"),
    ("it", "il biglietto costa sei euro", "sei", None),
    ("xx", "bis 5", "5", None),  # no data for an unknown language: no bound
])
def test_bound_before(lang: str, text: str, number: str, bound: str | None) -> None:
    assert bound_before(text, text.index(number), lang) == bound


@pytest.mark.parametrize("la,ta,lb,tb,expected", [
    ("de", "bis fünf Jahre", "it", "sotto i sei anni", True),      # at most 5 = under 6
    ("pl", "do lat pięciu", "fr", "les moins de 6 ans", True),
    ("it", "oltre i 64 anni", "de", "ab 65 Jahren", True),          # over 64 = at least 65
    ("de", "bis fünf Jahre", "it", "sotto i cinque anni", False),   # at most 5 != under 5: same value, other limit
    ("de", "bis sechs Jahre", "it", "sotto i cinque anni", False),  # the wrong direction
    ("de", "fünf Jahre", "it", "sotto i sei anni", False),          # one side sets no limit
    ("de", "bis 5,5 Prozent", "it", "sotto il 6,5 per cento", False),  # not whole numbers
])
def test_off_by_bound(la: str, ta: str, lb: str, tb: str, expected: bool) -> None:
    qa, qb = extract_quantities(ta, la)[-1], extract_quantities(tb, lb)[-1]
    assert off_by_bound(qa, bound_before(ta, qa.start, la), qb, bound_before(tb, qb.start, lb)) is expected


@pytest.mark.parametrize("lang,text", [
    ("de", "112 Lichtjahre"), ("it", "112 anni luce"), ("fr", "112 années-lumière"),
    ("pt", "112 anos-luz"), ("pl", "112 lat świetlnych"), ("en", "112 light-years"), ("es", "112 años luz"),
])
def test_light_years_are_a_unit(lang: str, text: str) -> None:
    (q,) = extract_quantities(text, lang)
    assert (q.value, q.unit, q.text) == (112, "ly", text)


@pytest.mark.parametrize("lang,text,expected", [
    # a figure said twice for "every" is one figure, as the others write it once ("every 40 minutes")
    ("pt", "O autocarro passa de 40 em 40 minutos.", [(40, "min")]),
    ("pt", "Cada aldeia terá uma paragem de quinze em quinze dias.", [(15, "d")]),
    ("fr", "Un bus part de 15 en 15 minutes.", [(15, "min")]),
    ("it", "Il bus passa di 10 in 10 minuti.", [(10, "min")]),
    ("es", "Sale un autobús de 20 en 20 minutos.", [(20, "min")]),
    # two figures that only look alike are both kept
    ("it", "In 10 anni in 10 città.", [(10, "y"), (10, None)]),
    ("pt", "Entre 40 e 40 lugares.", [(40, None), (40, None)]),
])
def test_a_figure_said_twice_for_every_is_one(lang: str, text: str, expected: list[tuple[float, str | None]]) -> None:
    assert [(q.value, q.unit) for q in extract_quantities(text, lang)] == expected
