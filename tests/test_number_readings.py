"""Number readings the flags need beyond single numbers: race gaps, halves, decades, fractions, km/h,
multipliers, articles; and that counterparts written in different locales compare equal."""
from __future__ import annotations

import pytest

import datetime

from consistency.flags.numbers import extract_quantities, same_quantity


def _day(year: int, month: int, day: int) -> float:
    """A date's value: its day ordinal (year 4 when the text names no year)."""
    return float(datetime.date(year, month, day).toordinal())


# (lang, text, [(value, unit, kind)])
READINGS = [
    ("it", "Ha 2’03” di vantaggio su Hendriks.", [(123.0, "s", "measure")]),
    ("fr", "avec 2’03’’ d’avance sur Hendriks", [(123.0, "s", "measure")]),
    ("de", "mit 2:03 Minuten Vorsprung auf Hendriks", [(123.0, "s", "measure")]),
    ("pl", "Ma 3:03 przewagi nad Hendriksem.", [(183.0, "s", "measure")]),
    ("it", "La riunione inizia alle 18:30 in municipio.", []),  # a time of day, after a clock cue
    # race times with tenths, hours and minutes written out, in each desk's notation
    ("it", "con il tempo di 20’41”8", [(1241.8, "s", "measure")]),
    ("pt", "com o tempo de 20min41s8", [(1241.8, "s", "measure")]),
    ("fr", "en 20 min 41 s 8", [(1241.8, "s", "measure")]),
    ("de", "in 20:41,8 Minuten", [(1241.8, "s", "measure")]),
    ("fr", "complète le podium à 19 s 7.", [(19.7, "s", "measure")]),
    ("fr", "a couru en 2 h 26 min 50 s", [(8810.0, "s", "measure")]),
    ("it", "ha chiuso in 2:26:50", [(8810.0, "s", "measure")]),
    # hours, minutes and seconds spelled out one after the other are one duration
    ("it", "in 31 ore, 12 minuti e 5 secondi", [(112325.0, "s", "measure")]),
    ("de", "in 31 Stunden, 12 Minuten und 5 Sekunden", [(112325.0, "s", "measure")]),
    ("fr", "en 12 minutes et 5 secondes", [(725.0, "s", "measure")]),
    # a match's length in each desk's notation: hours and minutes are one duration too
    ("it", "dopo 2 ore e 41 minuti", [(9660.0, "s", "measure")]),
    ("de", "nach 2:41 Stunden", [(9660.0, "s", "measure")]),
    ("fr", "en 2 h 41.", [(9660.0, "s", "measure")]),
    ("pl", "Mecz trwał 2 godz. 41 min.", [(9660.0, "s", "measure")]),
    ("pl", "po 14 godzinach i 32 minutach lotu", [(52320.0, "s", "measure")]),
    ("fr", "arrivé à 20 h 47", []),  # a time of day, no duration: left out, as "20h47" is
    ("fr", "fermée de 6 h 45 à 9 h 30. Une file de 60 voitures", [(60.0, None, "count")]),  # not 6 h, 45 h and 30
    ("pt", "das 6 h 30 às 9 h 45", []),
    ("it", "per 8 ore e 5 giorni", [(8.0, "h", "measure"), (5.0, "d", "measure")]),  # not hours, minutes, seconds
    ("de", "nach 30 Minuten und 2 Stunden", [(30.0, "min", "measure"), (2.0, "h", "measure")]),  # not in order
    ("fr", "à 19 s 7,5 de la tête", [(19.0, "s", "measure"), (7.5, None, "count")]),  # no tenths then
    # hundredths, and a gap in seconds with its fraction after the mark; seconds written out
    ("it", "hanno chiuso in 5'38\"71, con 1\"9 di vantaggio", [(338.71, "s", "measure"), (1.9, "s", "measure")]),
    ("de", "In 5:38,71 Minuten lagen sie 1,9 Sekunden vor", [(338.71, "s", "measure"), (1.9, "s", "measure")]),
    ("pt", "em 5min38s71", [(338.71, "s", "measure")]),
    ("pl", "o 1,9 s przed osadą", [(1.9, "s", "measure")]),
    ("fr", "avec 1,9 seconde d'avance", [(1.9, "s", "measure")]),
    ("it", 'ha detto "3" volte', [(3.0, None, "count")]),  # a quoted number, no seconds mark
    ("it", "passerà ogni sette minuti e mezzo", [(7.5, "min", "measure")]),
    ("fr", "toutes les sept minutes et demie", [(7.5, "min", "measure")]),
    ("pt", "de sete minutos e meio", [(7.5, "min", "measure")]),
    ("it", "interviste registrate negli anni Ottanta", [(1980.0, "year", "year")]),
    ("fr", "des entretiens enregistrés dans les années 1980", [(1980.0, "year", "year")]),
    ("pl", "wywiady nagrane w latach 80.", [(1980.0, "year", "year")]),
    ("pt", "entrevistas gravadas nos anos 80", [(1980.0, "year", "year")]),
    ("pl", "z baraku z lat 50. do spichlerza", [(1950.0, "year", "year")]),  # the dot before a word: still a decade
    # a century: a Roman numeral or an ordinal beside the word for it, or the Italian name of its hundreds
    ("de", "ein Speicher aus dem 19. Jahrhundert", [(19.0, None, "century")]),
    ("fr", "une dorure du XIXe siècle", [(19.0, None, "century")]),
    ("pt", "uma dourada do século XIX", [(19.0, None, "century")]),
    ("pl", "XIX-wiecznego spichlerza, w XVIII w.", [(19.0, None, "century"), (18.0, None, "century")]),
    ("it", "una doratura ottocentesca dell'Ottocento per ottocento euro",
     [(19.0, None, "century"), (19.0, None, "century"), (800.0, "EUR", "money")]),
    ("en", "a 19th-century granary", [(19.0, None, "century")]),
    # ... and the first end of a range of them, before or after the century word
    ("de", "zwischen dem 1. und dem 4. Jahrhundert", [(1.0, None, "century"), (4.0, None, "century")]),
    ("pt", "entre os séculos I e IV depois de Cristo", [(1.0, None, "century"), (4.0, None, "century")]),
    ("pl", "od I do IV wieku n.e.", [(1.0, None, "century"), (4.0, None, "century")]),
    ("de", "am 3. Tag im 19. Jahrhundert", [(3.0, None, "ordinal"), (19.0, None, "century")]),  # no range word
    # a school grade: the year of schooling, whatever the school system calls it ("terza media" = 8)
    ("it", "alunni di terza media", [(8.0, None, "grade")]),
    ("de", "Schüler der achten Schulstufe", [(8.0, None, "grade")]),
    ("fr", "312 élèves de quatrième", [(312.0, None, "count"), (8.0, None, "grade")]),
    ("fr", "Il a fini quatrième", [(4.0, None, "ordinal")]),  # no pupils before it: a place
    ("fr", "les classes de quatrième année du lycée", [(4.0, None, "ordinal")]),  # a lycée's fourth year
    ("pt", "alunos do 8.º ano", [(8.0, None, "grade")]),
    ("pt", "pelo 3.º ano consecutivo", [(3.0, None, "ordinal")]),  # "ano" alone is no grade
    ("pl", "uczniów ósmych klas", [(8.0, None, "grade")]),
    ("pl", "uczniowie klasy ósmej", [(8.0, None, "grade")]),
    ("en", "Year 8 pupils", [(8.0, None, "grade")]),
    # a vulgar fraction glued to its number
    ("de", "Blattgold mit 23¾ Karat", [(23.75, None, "count")]),
    ("de", "nach 2½ Stunden", [(2.5, "h", "measure")]),
    ("pl", "zajmuje dwie trzecie winnic", []),  # a fraction, not 2 and 3rd
    # the first day of a range of days is a date of the month that ends the range
    ("pl", "w nocy z 9 na 10 listopada 1938 r.", [(_day(1938, 11, 9), "day", "date"), (_day(1938, 11, 10), "day", "date")]),
    ("de", "vom 9. auf den 10. November 1938", [(_day(1938, 11, 9), "day", "date"), (_day(1938, 11, 10), "day", "date")]),
    ("it", "tra il 12 e il 26 novembre", [(_day(4, 11, 12), "day-no-year", "date"), (_day(4, 11, 26), "day-no-year", "date")]),
    ("fr", "entre le 12 et le 26 novembre", [(_day(4, 11, 12), "day-no-year", "date"), (_day(4, 11, 26), "day-no-year", "date")]),
    ("pl", "5 na 10 osób", [(5.0, None, "count"), (10.0, None, "count")]),  # "na" without a month: no dates
    # a bare number right after a weekday is a day of the month the nearest date names
    ("fr", "du vendredi 25 au dimanche 27 avril", [(_day(4, 4, 25), "day-no-year", "date"), (_day(4, 4, 27), "day-no-year", "date")]),
    ("pt", "entre sexta-feira, 25 de abril, e domingo, 27, passaram", [(_day(4, 4, 25), "day-no-year", "date"), (_day(4, 4, 27), "day-no-year", "date")]),
    ("pl", "od piątku 25 do niedzieli 27 kwietnia 2025", [(_day(2025, 4, 25), "day", "date"), (_day(2025, 4, 27), "day", "date")]),
    ("it", "domenica 12 atleti, il 3 maggio", [(12.0, None, "count"), (_day(4, 5, 3), "day-no-year", "date")]),  # a count
    ("de", "am Sonntag 12 Sportler", [(12.0, None, "count")]),  # no date anywhere near: a count
    ("pt", "perdeu quase um quinto da produção", []),
    ("it", "contro i 2.900 di un anno fa", [(2900.0, None, "count")]),  # "un anno": an article
    ("it", "raffiche fino a 130 chilometri orari", [(130.0, "km/h", "measure")]),
    ("de", "Böen bis 130 Kilometer pro Stunde", [(130.0, "km/h", "measure")]),
    ("pt", "rajadas até 130 quilómetros por hora", [(130.0, "km/h", "measure")]),
    ("fr", "presque deux fois plus qu'avant", [(2.0, None, "multiplier")]),
    ("pl", "24,3 tys. mieszkańców", [(24300.0, None, "count")]),
    ("de", "zehn Prozent", [(10.0, "%", "percent")]),
    ("pl", "1,5 mld zł", [(1.5e9, "PLN", "money")]),
]


@pytest.mark.parametrize("lang,text,expected", READINGS, ids=[f"{c[0]}-{i}" for i, c in enumerate(READINGS)])
def test_reading(lang, text, expected):
    got = [(q.value, q.unit, q.kind) for q in extract_quantities(text, lang)]
    assert got == expected
    for q in extract_quantities(text, lang):
        assert text[q.start : q.end] == q.text


@pytest.mark.parametrize("a,la,b,lb,same", [
    ("2’03”", "it", "2:03 Minuten", "de", True),
    ("2’03”", "it", "3:03", "pl", False),
    ("1\"9", "it", "1,9 Sekunden", "de", True),
    ("1\"9", "it", "1,9 s", "pl", True),
    ("sette minuti e mezzo", "it", "sept minutes et demie", "fr", True),
    ("negli anni Ottanta", "it", "dans les années 1980", "fr", True),
    ("130 chilometri orari", "it", "130 km/h", "fr", True),
    ("110 chilometri orari", "it", "130 Kilometer pro Stunde", "de", False),
    ("1,5 mld zł", "pl", "1.5 billion zloty", "en", True),
    ("24,3 tys.", "pl", "24.300", "de", True),
    ("23¾", "de", "23,75", "it", True),
    ("XIXe siècle", "fr", "19. Jahrhundert", "de", True),
    ("XIX w.", "pl", "Settecento", "it", False),
    ("19. Jahrhundert", "de", "19.", "de", False),  # a century is no ordinal
    ("terza media", "it", "élèves de quatrième", "fr", True),  # both the eighth year of schooling
    ("terza media", "it", "8.", "de", False),  # a grade is no ordinal
    ("23¾", "de", "23", "fr", False),
])
def test_counterparts_compare_as_values(a, la, b, lb, same):
    qa, qb = extract_quantities(a, la), extract_quantities(b, lb)
    assert len(qa) == 1 and len(qb) == 1, (qa, qb)
    assert same_quantity(qa[0], qb[0]) is same
