"""Locale-aware quantities: find numbers, amounts, percentages, measures and dates in
text and decide whether two of them (from two language versions) say the same thing.

Comparing digit strings raises false alarms ("24,3 tys." against "24.300"); this module
reads each surface form into a value with the scale applied, a canonical unit and the
rounding tolerance its precision implies, so "1,5 mld zł" and "1.5 billion" compare equal.

Conventions (documented, relied on by the number flag detector):
- ``value`` has the scale applied: "1,5 mld" -> 1.5e9; "zehn Prozent" -> 10.
- ``tolerance`` is half a unit of the last written digit, times the scale:
  "1,5 mld" -> 0.05e9, "280" -> 0.5; years, dates and ordinals have 0.
- dates (kind ``"date"``): ``value`` is the proleptic Gregorian ordinal of the day
  (``datetime.date.toordinal``) and ``unit`` says how much is known: ``"day"`` (full
  date), ``"day-no-year"`` (day and month; the ordinal is taken in year 4, a leap year),
  ``"month"`` (month and year; the ordinal of its first day). ``Quantity.iso`` gives
  "2024-03-12", "--03-12" or "2024-03". Numeric dates follow the language's day-month
  order (``date_order`` in its data file), swapped only when that order is impossible.
- years (kind ``"year"``): bare integers 1900-2100 read as calendar years, unit ``"year"``.
- centuries (kind ``"century"``): "19. Jahrhundert", "XIXe siècle", "século XIX", "XIX-wieczny",
  "ottocentesco" all have value 19 and compare only with centuries (not with the ordinals around them).
- school grades (kind ``"grade"``): a year of schooling counted from the first, whatever the school system's own
  numbering: "terza media" = "achte Schulstufe" = "élèves de quatrième" = "alunos do 8.º ano" = "ósmych klas" = 8.
- ranges ("10-20 %", "tra 10 e 20 miliardi") give one quantity per end; the first end
  takes the unit and scale of the second when it has none.
- digits inside product and model names (H100, RTX 4090, 910C, COVID-19) are not
  quantities.
- an unknown language gets digits, symbols (%, €, $, nm, ...) and numeric dates; a lone
  separator followed by exactly three digits ("1,500", "1.500") is read as a thousands
  separator, otherwise as a decimal mark.

Language data lives in ``consistency/data/lang/<code>.toml`` over ``_common.toml``;
``load_language`` reads it lazily and caches it (the names module uses it too).
"""
from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Sequence

from ..datafiles import read_data

__all__ = [
    "LanguageData",
    "Quantity",
    "extract_quantities",
    "quantities_of",
    "load_language",
    "match_quantities",
    "same_quantity",
    "same_dimension",
]

KINDS = ("count", "percent", "money", "measure", "year", "date", "ordinal", "multiplier", "century", "grade")

_SPACES = " \u00a0\u202f\u2009"  # space, no-break space, narrow no-break space, thin space
_NB_SPACES = "\u00a0\u202f\u2009"
_APOSTROPHES = "'’ʼ"
_YEAR_MIN, _YEAR_MAX = 1900, 2100
# the vulgar fractions a number may carry glued ("23¾ Karat" = "23,75 carati"); Unicode gives their values
_FRACTIONS = {c: unicodedata.numeric(c) for c in "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"}
_DATE_UNITS = ("day", "day-no-year", "month")


@dataclass(frozen=True)
class Quantity:
    """One quantity found in a text, with its span and normalised value."""

    start: int
    end: int
    text: str  # text[start:end] of the input
    value: float  # scale applied; for dates a day ordinal (see module docstring)
    unit: str | None  # canonical: "%", "pp", "nm", "km", "EUR", "USD", "PLN", "year", "day", ...
    tolerance: float  # absolute rounding tolerance implied by the surface form
    kind: str  # one of KINDS

    @property
    def iso(self) -> str | None:
        """ISO 8601 form of a date ("2024-03-12", "--03-12", "2024-03") or year ("2024")."""
        if self.kind == "year":
            return f"{int(self.value):04d}"
        if self.kind != "date":
            return None
        day = _dt.date.fromordinal(int(self.value))
        if self.unit == "day":
            return day.isoformat()
        if self.unit == "day-no-year":
            return f"--{day.month:02d}-{day.day:02d}"
        return f"{day.year:04d}-{day.month:02d}"


# --------------------------------------------------------------------------- language data


@dataclass(frozen=True)
class Grades:
    """How a language names school grades (``[numbers.grades]``): the year of schooling is an ordinal plus the
    offset of the word beside it ("terza" + "media" 5 = 8), or a name of its own (fr "quatrième" = 8)."""

    after: dict[str, int]  # words after the ordinal: "media" = 5, "Klasse" = 0, "klas" = 0
    before: dict[str, int]  # words before it: "klasy ósmej", "Year 8"
    ordinals: dict[str, int]  # ordinal words grades use beyond the language's ordinals ("prima", "ósmych")
    names: dict[str, int]  # grades with names of their own ("quatrième" = 8, "CM2" = 5)
    cues: tuple[str, ...]  # phrases one of which must come right before a name, or an ordinal of a ``needs_cue``
    needs_cue: frozenset[str]  # ``after`` words too common alone (pt "ano": "o 3.º ano consecutivo")
    not_before: frozenset[str]  # words after which a name is an ordinal again ("classes de quatrième année")


def _grades(raw: dict[str, Any] | None) -> Grades | None:
    if not raw:
        return None
    low = lambda d: {k.casefold(): int(v) for k, v in (d or {}).items()}  # noqa: E731
    return Grades(after=low(raw.get("after")), before=low(raw.get("before")), ordinals=low(raw.get("ordinals")),
                  names={k: int(v) for k, v in (raw.get("names") or {}).items()},
                  cues=tuple(c.casefold() for c in raw.get("cues", [])),
                  needs_cue=frozenset(w.casefold() for w in raw.get("needs_cue", [])),
                  not_before=frozenset(w.casefold() for w in raw.get("not_before", [])))


@dataclass(frozen=True)
class LanguageData:
    """Everything the number and name extractors know about one language."""

    code: str
    known: bool  # a data file exists for the language
    decimal: str | None  # None: infer per number
    thousands: tuple[str, ...]
    date_order: str
    months: dict[str, int]  # surface form (casefolded unless months_case_sensitive) -> 1..12
    full_months: tuple[str, ...]  # unabbreviated forms, for "March 2024" / "March 12"
    months_case_sensitive: bool
    weak: frozenset[str]
    vague: frozenset[str]  # "mehrere", "several": a bare "Hundert" after one is "hundreds", no number
    connectors: tuple[str, ...]
    in_word_connectors: tuple[str, ...]
    words: dict[str, int]
    multipliers: dict[str, int]
    scales: tuple[tuple[str, float], ...]
    prefix_scales: tuple[tuple[str, float], ...]
    percent: tuple[str, ...]
    points: tuple[str, ...]
    currencies: tuple[tuple[str, str], ...]
    currency_prefixes: tuple[tuple[str, str], ...]
    units: tuple[tuple[str, str], ...]
    currency_linkers: tuple[str, ...]
    date_linkers: tuple[str, ...]
    range_connectors: tuple[str, ...]
    date_range_connectors: tuple[str, ...]
    year_cues: frozenset[str]
    year_post: tuple[str, ...]
    ordinals: dict[str, int]
    ordinal_suffixes: tuple[str, ...]
    ordinal_dot: bool
    ordinal_cues: frozenset[str]
    compound_suffixes: tuple[tuple[str, str], ...]
    punkt_model: str | None
    half: tuple[str, ...] = ()  # "e mezzo", "et demie": add a half to the number before
    decade_cues: frozenset[str] = frozenset()  # "anni", "années": the number after is a decade
    century: tuple[str, ...] = ()  # "Jahrhundert", "wieczn*": a Roman numeral or ordinal beside one is a century
    century_names: tuple[tuple[str, int], ...] = ()  # "Ottocento", "ottocentesc*": words that name a century
    grades: Grades | None = None  # school grades ("terza media" = 8)
    relative_year: tuple[str, ...] = ()  # "l'anno prima", "im Vorjahr": a year named from another one
    clock_cues: frozenset[str] = frozenset()  # "alle", "um": "18:40" after them is a time of day
    times: tuple[str, ...] = ()  # "fois", "volte": the count before is a multiplier
    glued: tuple[str, ...] = ()  # "enne": letters glued to a number that leave it a count ("27enne" = 27)
    names: dict[str, Any] = field(default_factory=dict)  # the [names] section, raw
    bounds: tuple[tuple[str, str], ...] = ()  # ("bis zu", "at_most"), ("unter", "under"), ... longest first
    every: frozenset[str] = frozenset()  # "jedem", "co": "jedem fünften Fall" is "one case in five", a count
    repeat: frozenset[str] = frozenset()  # "em", "en": "de 40 em 40 minutos" is one figure, "every 40 minutes"
    and_words: frozenset[str] = frozenset()  # "e", "und": "31 ore, 12 minuti e 5 secondi" is one duration
    duration_cues: frozenset[str] = frozenset()  # "en", "nach": "en 2 h 41" is a duration, "à 2 h 41" a time
    minus: frozenset[str] = frozenset()  # "minus", "meno": "minus 31 Grad" is "-31 °C" (with ``degrees`` after)
    degrees: tuple[str, ...] = ()  # "°", "Grad", "gradi": "meno 31 gradi" is a temperature ("menos seis" is "six fewer")
    below_zero: tuple[str, ...] = ()  # "graus negativos", "sotto zero": "31 gradi sotto zero" is "-31 °C"


def normalise_lang(lang: str) -> str:
    """'pt-BR' -> 'pt', 'EN_us' -> 'en'."""
    return re.split(r"[-_]", lang.strip().lower(), maxsplit=1)[0]


def _by_length(pairs: Any) -> tuple[Any, ...]:
    return tuple(sorted(pairs, key=lambda p: -len(p[0] if isinstance(p, tuple) else p)))


@lru_cache(maxsize=64)
def load_language(lang: str) -> LanguageData:
    """The merged data (common + language file) for a language code; generic for unknown codes."""
    code = normalise_lang(lang)
    common = read_data("lang/_common.toml") or {}
    own = read_data(f"lang/{code}.toml") if re.fullmatch(r"[a-z]{2,3}", code) else None
    cn: dict[str, Any] = common.get("numbers", {})
    on: dict[str, Any] = (own or {}).get("numbers", {})

    def lst(key: str) -> list[Any]:
        return list(cn.get(key, [])) + list(on.get(key, []))

    def dct(key: str) -> dict[str, Any]:
        return {**cn.get(key, {}), **on.get(key, {})}

    case_sensitive = bool(on.get("months_case_sensitive", False))
    months: dict[str, int] = {}
    full: list[str] = []
    for i, forms in enumerate(on.get("months", []), 1):
        for j, form in enumerate(forms):
            months[form if case_sensitive else form.casefold()] = i
            if j == 0 or not form.endswith("."):
                full.append(form)
    return LanguageData(
        code=code,
        known=own is not None,
        decimal=on.get("decimal"),
        thousands=tuple(on.get("thousands", [])),
        date_order=on.get("date_order", "DMY"),
        months=months,
        full_months=_by_length(full),
        months_case_sensitive=case_sensitive,
        weak=frozenset(w.casefold() for w in on.get("weak", [])),
        vague=frozenset(w.casefold() for w in on.get("vague", [])),
        connectors=tuple(on.get("connectors", [])),
        in_word_connectors=tuple(on.get("in_word_connectors", [])),
        words={k.casefold(): int(v) for k, v in on.get("words", {}).items()},
        multipliers={k.casefold(): int(v) for k, v in on.get("multipliers", {}).items()},
        scales=_by_length((k, float(v)) for k, v in dct("scales").items()),
        prefix_scales=_by_length((k, float(v)) for k, v in dct("prefix_scales").items()),
        percent=_by_length(lst("percent")),
        points=_by_length(lst("points")),
        currencies=_by_length(dct("currencies").items()),
        currency_prefixes=_by_length(dct("currency_prefixes").items()),
        units=_by_length(dct("units").items()),
        currency_linkers=tuple(on.get("currency_linkers", [])),
        date_linkers=tuple(on.get("date_linkers", [])),
        range_connectors=tuple(on.get("range_connectors", ["-", "–", "—"])),
        date_range_connectors=tuple(on.get("date_range_connectors", [])),
        year_cues=frozenset(c.casefold() for c in on.get("year_cues", [])),
        year_post=tuple(on.get("year_post", [])),
        ordinals={k.casefold(): int(v) for k, v in on.get("ordinals", {}).items()},
        ordinal_suffixes=_by_length(on.get("ordinal_suffixes", [])),
        ordinal_dot=bool(on.get("ordinal_dot", False)),
        ordinal_cues=frozenset(c.casefold() for c in on.get("ordinal_cues", [])),
        compound_suffixes=_by_length((k.casefold(), v) for k, v in on.get("compound_suffixes", {}).items()),
        punkt_model=common.get("punkt", {}).get(code),
        half=_by_length(on.get("half", [])),
        decade_cues=frozenset(c.casefold() for c in on.get("decade_cues", [])),
        century=tuple(on.get("century", [])),
        century_names=tuple((k, int(v)) for k, v in on.get("centuries", {}).items()),
        grades=_grades(on.get("grades")),
        relative_year=tuple(c.casefold() for c in on.get("relative_year", [])),
        clock_cues=frozenset(c.casefold() for c in on.get("clock_cues", [])),
        times=tuple(on.get("times", [])),
        glued=tuple(s.casefold() for s in on.get("glued", [])),
        names=_merged_names(common.get("names", {}), (own or {}).get("names", {})),
        bounds=_by_length((phrase.casefold(), bound) for bound, phrases in on.get("bounds", {}).items()
                          for phrase in phrases),
        every=frozenset(w.casefold() for w in on.get("every", [])),
        repeat=frozenset(w.casefold() for w in on.get("repeat", [])),
        and_words=frozenset(w.casefold() for w in on.get("and_words", [])),
        duration_cues=frozenset(c.casefold() for c in on.get("duration_cues", [])),
        minus=frozenset(w.casefold() for w in on.get("minus", [])),
        degrees=_by_length(["°", *on.get("degrees", [])]),
        below_zero=_by_length(on.get("below_zero", [])),
    )


def _merged_names(common: dict[str, Any], own: dict[str, Any]) -> dict[str, Any]:
    """A language's ``[names]`` with the lists of ``_common.toml``'s added (acronyms every language uses)."""
    out = dict(own)
    for key, words in common.items():
        out[key] = list(own.get(key, [])) + list(words)
    return out


# --------------------------------------------------------------------------- small matchers


def _case_insensitive(surface: str) -> bool:
    """Long lowercase words match any case ("euro", "Euro"); symbols and abbreviations match exactly."""
    return surface.islower() and len(surface) > 3 and surface.replace(" ", "").isalpha()


def _surface_at(text: str, pos: int, surface: str) -> int | None:
    """End of ``surface`` if it occurs at ``pos`` and ends on a word boundary, else None."""
    end = pos + len(surface)
    piece = text[pos:end]
    if len(piece) != len(surface):
        return None
    if _case_insensitive(surface):
        if piece.casefold() != surface.casefold():
            return None
    elif piece != surface:
        return None
    if surface[-1].isalnum() and end < len(text) and text[end].isalnum():
        return None
    return end


def _first_match(text: str, pos: int, entries: Sequence[Any]) -> tuple[int, Any] | None:
    """Longest entry of ``entries`` (str or (surface, payload), longest first) found at ``pos``."""
    for entry in entries:
        surface, payload = entry if isinstance(entry, tuple) else (entry, entry)
        end = _surface_at(text, pos, surface)
        if end is not None:
            return end, payload
    return None


def _skip_gap(text: str, pos: int, hyphen: bool = False) -> list[int]:
    """Candidate positions after an optional single space (or hyphen) at ``pos``."""
    out = [pos]
    if pos < len(text) and (text[pos] in _SPACES or (hyphen and text[pos] in "-‐")):
        out.append(pos + 1)
    return out


@dataclass
class _Suffix:
    end: int
    scale: float = 1.0
    unit: str | None = None
    kind: str | None = None  # percent, money, measure, ordinal


def match_suffix(text: str, pos: int, data: LanguageData, *, scale: bool = True,
                 prefix_currency: bool = False) -> _Suffix:
    """Read what follows a number at ``pos``: a scale word, then a percent sign, currency or unit.

    Public to the package: the names module uses it to tell "Ascend 910" from "910 nm".
    """
    out = _Suffix(end=pos)
    cur = pos
    if scale:
        scales = data.scales + (data.prefix_scales if prefix_currency else ())
        for p in _skip_gap(text, cur, hyphen=True):  # "1,5 mld", "23-tysięcznym"
            hit = _first_match(text, p, _by_length(scales))
            if hit:
                cur, out.scale = hit
                out.end = cur
                break
    if out.scale != 1.0:  # "1,5 miliardi di dollari", "1,5 milliard d'euros"
        for p in _skip_gap(text, cur):
            for linker in data.currency_linkers:
                end = _surface_at(text, p, linker)
                if end is None:
                    continue
                if linker[-1] in _APOSTROPHES:
                    after = end  # "d'euros"
                elif end < len(text) and text[end] in _SPACES:
                    after = end + 1
                else:
                    continue
                hit = _first_match(text, after, data.currencies)
                if hit:
                    out.end, out.unit, out.kind = hit[0], hit[1], "money"
                    return out
    best: tuple[int, str, str] | None = None
    for p in _skip_gap(text, cur, hyphen=True):
        hyphenated = p > cur and text[cur] in "-‐"
        groups: list[tuple[Sequence[Any], str, str | None]] = [
            (data.points, "percent", "pp"),
            (data.percent, "percent", "%"),
            (data.units, "measure", None),
        ]
        if not hyphenated:
            groups.insert(2, (data.currencies, "money", None))
            if out.scale == 1.0 and p == cur:
                groups.append((data.ordinal_suffixes, "ordinal", "ordinal"))
        for entries, kind, unit in groups:
            hit = _first_match(text, p, entries)
            if hit and (best is None or hit[0] > best[0]):
                best = (hit[0], kind, unit if unit is not None else hit[1])
        if best:
            break
    if best:
        out.end, out.kind = best[0], best[1]
        out.unit = None if best[1] == "ordinal" else best[2]
    return out


def _prefix_currency(text: str, start: int, data: LanguageData) -> tuple[int, str] | None:
    """A currency sign or code right before a number ("$1.5", "€ 3", "EUR 5"): (its start, unit)."""
    for gap in (0, 1):
        end = start - gap
        if gap and (end < 1 or text[end] not in _SPACES):
            continue
        for surface, unit in data.currency_prefixes:
            s = end - len(surface)
            if s < 0 or text[s:end] != surface:
                continue
            if surface[0].isalpha() and (gap == 0 or (s > 0 and text[s - 1].isalnum())):
                continue  # codes need a space before the amount and a boundary before themselves
            if s > 0 and text[s - 1].isalpha() and surface[0] in "$€£¥":
                continue  # "US$" / "R$" are listed themselves; "X$" is something else
            return s, unit
    return None


# --------------------------------------------------------------------------- digits


@lru_cache(maxsize=64)
def _number_re(lang: str) -> re.Pattern[str]:
    data = load_language(lang)
    seps = set(data.thousands) | set(_NB_SPACES)
    if not data.known:
        seps |= {".", ",", " "}
    sep = "[" + re.escape("".join(sorted(seps))) + "]"
    return re.compile(
        r"(?<![\w])(?:"
        rf"(?P<grouped>\d{{1,3}}(?:{sep}\d{{3}})+(?:[.,]\d+)?)(?![\d])"
        r"|(?P<chain>\d+(?:[.,]\d+){2,}|\d{1,2}:\d{2}(?::\d{2})?(?!\d)|\d+/\d+(?![\d/]))"
        r"|(?P<plain>\d+(?:[.,]\d+)?)"
        r")"
    )


def _interpret(raw: str, data: LanguageData) -> tuple[float, int] | None:
    """Value and number of decimals of a digit string, by the language's separators."""
    compact = re.sub(f"[{_SPACES}'\u2019]", "", raw)
    marks = [c for c in compact if c in ".,"]
    if not marks:
        return float(compact), 0
    if len(set(marks)) == 2:  # both: the last one is the decimal mark
        dec = compact[max(compact.rfind("."), compact.rfind(","))]
        thou = "," if dec == "." else "."
        intpart, frac = compact.rsplit(dec, 1)
        groups = intpart.split(thou)
        if any(len(g) != 3 for g in groups[1:]):
            return None
        return float("".join(groups) + "." + frac), len(frac)
    mark = marks[0]
    parts = compact.split(mark)
    if len(marks) > 1:  # repeated: thousands separator
        if any(len(g) != 3 for g in parts[1:]):
            return None
        return float("".join(parts)), 0
    head, tail = parts
    if data.decimal and mark == data.decimal:
        thousands = False
    elif data.decimal:
        thousands = mark in data.thousands and len(tail) == 3
    else:
        thousands = len(tail) == 3 and 1 <= len(head) <= 3 and not head.startswith("0")
    if thousands:
        return float(head + tail), 0
    return float(head + "." + tail), len(tail)


def _times_after(text: str, end: int, data: LanguageData) -> bool:
    """Whether a ``times`` word follows the number ending at ``end``, spaced or hyphenated: "63 volte", "36-mal"."""
    if not data.times:
        return False
    nxt = text[end:].lstrip(_SPACES)
    nxt = nxt[1:] if nxt[:1] in "-‐" else nxt
    return any(nxt.startswith(t) and not nxt[len(t):len(t) + 1].isalpha() for t in data.times)


def _looks_like_name(word: str, data: LanguageData, initial: bool) -> bool:
    """Whether the word just before a bare number makes it part of a name ("RTX 4090", "Ascend 910").

    Capitalised common nouns do not ("Category 1", "Kategorie 1"), so that languages that
    capitalise them and languages that do not read the number alike.
    """
    if len(word) > 2 and word[-2] in _APOSTROPHES:
        return False  # "NYSE's 27-member board"
    letters = [c for c in word if c.isalpha()]
    if not letters or not word[-1].isalnum():
        return False
    if any(c.isdigit() for c in word):
        return True
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return word not in {s for s, _ in data.currency_prefixes}
    if any(c.isupper() for c in word[1:]):
        return True  # iPhone, MetaX
    if not word[0].isupper() or initial or word.casefold() in data.year_cues or _is_month(word, data):
        return False
    from .names import _exonym, is_name_word  # lazy: names imports this module

    if _exonym(word):
        return False  # a place: "Singapur 70 Personen"
    return is_name_word(word, data.code, initial=True)  # a capitalised common noun is no name here


def _is_month(word: str, data: LanguageData) -> bool:
    return (word if data.months_case_sensitive else word.casefold()) in data.months


# --------------------------------------------------------------------------- dates


@lru_cache(maxsize=64)
def _date_res(lang: str) -> tuple[re.Pattern[str], ...]:
    data = load_language(lang)
    flags = 0 if data.months_case_sensitive else re.IGNORECASE
    out: list[re.Pattern[str]] = [
        re.compile(r"(?<![\w.,/-])(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\w-])"),
        re.compile(r"(?<![\w.,/-])(?P<a>\d{1,2})(?P<s>[./-])(?P<b>\d{1,2})(?P=s)(?P<y>\d{4})(?![\w])"),
    ]
    if data.months:
        all_m = "|".join(re.escape(m) for m in sorted(data.months, key=len, reverse=True))
        full_m = "|".join(re.escape(m) for m in data.full_months)
        link = "".join(rf"(?:{re.escape(w)}\s+)?" for w in data.date_linkers[:1])
        day_suf = r"(?:\.|°|º|er|st|nd|rd|th)?"
        sp = f"[{_SPACES}]"
        out.append(re.compile(  # 12 marzo 2024, 12. März 2024, 12 de março de 2024, 1er mars
            rf"(?<![\w.,])(?P<d>\d{{1,2}}){day_suf}{sp}+{link}(?P<m>{all_m})(?![^\W\d_])"
            rf"(?:,?{sp}+{link}(?P<y>\d{{4}})(?!\d))?", flags))
        out.append(re.compile(  # March 12, 2024; Aug. 15
            rf"(?<![\w])(?P<m>{all_m}){sp}+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:,?{sp}+(?P<y>\d{{4}})(?!\d))?",
            flags))
        out.append(re.compile(  # März 2024, marzo de 2024
            rf"(?<![\w])(?P<m>{full_m}){sp}+{link}(?P<y>\d{{4}})(?!\d)", flags))
    return tuple(out)


def _month_number(surface: str, data: LanguageData) -> int | None:
    return data.months.get(surface if data.months_case_sensitive else surface.casefold())


_ROMAN_CENTURY = re.compile(r"(?=[IVX])X{0,2}(?:IX|IV|V?I{0,3})")


def _roman(numeral: str) -> int | None:
    """The value of a Roman numeral of a century (I to XXIX), None for anything else."""
    if not _ROMAN_CENTURY.fullmatch(numeral):
        return None
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for i, c in enumerate(numeral):
        v = values[c]
        total += -v if i + 1 < len(numeral) and values[numeral[i + 1]] > v else v
    return total


def _words_alt(words: Sequence[str]) -> str:
    """A regex alternative of words, longest first; a trailing "*" makes a word a prefix."""
    parts = [re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w)
             for w in sorted(words, key=len, reverse=True)]
    return "|".join(parts)


@lru_cache(maxsize=64)
def _century_res(lang: str) -> tuple[re.Pattern[str], ...]:
    data = load_language(lang)
    if not data.century:
        return ()
    word = _words_alt(data.century)
    sp = f"[{_SPACES}]+"
    # the other end of a range of centuries: a numeral and one of the language's range connectors (with an
    # article after it) before the century read ("zwischen dem 1. und dem 4. Jahrhundert", "entre le Ier et le
    # IVe siècle", "od I do IV wieku", "XVI–XVIII w.") or after it ("séculos I e IV")
    dashes = "".join(re.escape(c) for c in data.range_connectors if not c[0].isalpha())
    words = "|".join(re.escape(c) for c in data.range_connectors if c[0].isalpha())
    link = (rf"(?:[{_SPACES}]*[{dashes or '-'}][{_SPACES}]*"
            + (rf"|{sp}(?:{words}){sp}(?:[^\W\d_]{{1,4}}{sp})?" if words else "") + ")")
    return (
        # "XIXe siècle", "XIX wieku", "XIX w.", "XIX-wieczny", "19. Jahrhundert", "19e siècle", "19th century"
        re.compile(rf"(?<![\w.,])(?:(?P<r>[IVX]{{1,5}})(?:e|er|ème|º|°|\.)?|(?P<d>\d{{1,2}})"
                   rf"(?:\.|e|er|ème|º|°|th|st|nd|rd))(?:{sp}|-)(?:{word})(?!\w)", re.IGNORECASE),
        # "século XIX", "secolo XIX", "siglo XIX"
        re.compile(rf"(?<!\w)(?:{word}){sp}(?P<r>[IVX]{{1,5}})(?!\w)", re.IGNORECASE),
        re.compile(rf"(?<![\w.,])(?P<num>{_CENTURY_NUMERAL}){link}$"),  # the first end, before
        re.compile(rf"{link}(?P<r>[IVX]{{1,5}})(?!\w)"),  # the second end, after
    )


_CENTURY_NUMERAL = r"(?:(?P<r>[IVX]{1,5})(?:e|er|ème|º|°|\.)?|(?P<d>\d{1,2})(?:\.|e|er|ème|º|°|th|st|nd|rd))"


def _century_value(m: re.Match[str]) -> int | None:
    """The century a numeral match names: a Roman numeral in capitals or a number, 1 to 29."""
    if m.group("r"):
        value = _roman(m.group("r")) if m.group("r").isupper() else None  # "vi", "xi" are words
    else:
        value = int(m.group("d"))
    return value if value and 1 <= value <= 29 else None


def _find_centuries(text: str, data: LanguageData) -> list[Quantity]:
    """Centuries in the language's words for them, by a Roman numeral, an ordinal or a name ("Ottocento"), with
    the first end of a range of them."""
    found: list[Quantity] = []

    def add(start: int, end: int, value: int | None) -> None:
        if value and not any(start < q.end and q.start < end for q in found):
            found.append(Quantity(start, end, text[start:end], float(value), None, 0.0, "century"))

    patterns = _century_res(data.code)
    if not patterns:
        return []
    *readings, first_end, second_end = patterns
    for n, pattern in enumerate(readings):
        for m in pattern.finditer(text):
            value = _century_value(m)
            if value is None:
                continue
            add(m.start(), m.end(), value)
            if n == 0:
                base = max(0, m.start() - 30)
                other = first_end.search(text, base, m.start())
                if other:
                    add(other.start("num"), other.end("num"), _century_value(other))
            else:
                other = second_end.match(text, m.end())
                if other:
                    add(other.start("r"), other.end("r"), _century_value(other))
    for name, value in data.century_names:
        flags = re.IGNORECASE if name.endswith("*") else 0  # "Ottocento" capitalised; "ottocento" is 800
        for m in re.finditer(rf"(?<!\w)(?:{_words_alt([name])})(?!\w)", text, flags):
            if not any(m.start() < q.end and q.start < m.end() for q in found):
                found.append(Quantity(m.start(), m.end(), m.group(), float(value), None, 0.0, "century"))
    return sorted(found, key=lambda q: q.start)


_GRADE_NUMERAL = re.compile(r"(\d{1,2})(?:\.|º|ª|°|e|th|st|nd|rd|\.º|\.ª)?")
_GRADE_TOKEN = re.compile(r"[^\W_][\w.ºª°]*")


def _grade_ordinal(token: str, data: LanguageData, grades: Grades) -> int | None:
    """The number of an ordinal beside a grade word: digits ("8.º", "8."), Roman numerals ("VIII") or a word."""
    m = _GRADE_NUMERAL.fullmatch(token)
    if m:
        return int(m.group(1))
    word = token.rstrip(".")
    if word.isupper() and _roman(word):
        return _roman(word)
    return grades.ordinals.get(word.casefold()) or data.ordinals.get(word.casefold())


def _cued(text: str, start: int, grades: Grades) -> bool:
    """Whether one of the grade cues ("élèves de", "alunos do") stands right before ``start``."""
    before = " ".join(text[max(0, start - 40):start].casefold().split())
    return any(before == c or before.endswith(" " + c) for c in grades.cues)


def _find_grades(text: str, data: LanguageData) -> list[Quantity]:
    """School grades, as the year of schooling they name ("terza media" = "quatrième" = 8)."""
    grades = data.grades
    if grades is None:
        return []
    found: list[Quantity] = []

    def add(start: int, end: int, value: int) -> None:
        if not any(start < q.end and q.start < end for q in found):
            found.append(Quantity(start, end, text[start:end], float(value), None, 0.0, "grade"))

    def end(tok: re.Match[str]) -> int:
        """A token's end without a sentence's full stop (kept after digits: "8." is an ordinal)."""
        return tok.end() if tok.group()[0].isdigit() else tok.start() + len(tok.group().rstrip("."))

    toks = list(_GRADE_TOKEN.finditer(text))
    for a, b in zip(toks, toks[1:]):
        if text[a.end():b.start()].strip(_SPACES):
            continue  # only words with nothing but spaces between
        word = b.group().rstrip(".").casefold()
        offset = grades.after.get(word)
        if offset is not None:
            n = _grade_ordinal(a.group(), data, grades)
            if n and (word not in grades.needs_cue or _cued(text, a.start(), grades)):
                add(a.start(), end(b), n + offset)
                continue
        offset = grades.before.get(a.group().casefold())
        n = _grade_ordinal(b.group(), data, grades) if offset is not None else None
        if offset is not None and n:
            add(a.start(), end(b), n + offset)
    for name, value in grades.names.items():
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            following = text[m.end():m.end() + 20].split(None, 1)
            if following and following[0].strip(",.;:!?»)").casefold() in grades.not_before:
                continue  # "les classes de quatrième année": an ordinal
            if _cued(text, m.start(), grades):
                add(m.start(), m.end(), value)
    return sorted(found, key=lambda q: q.start)


def _find_dates(text: str, data: LanguageData) -> list[Quantity]:
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for n, pattern in enumerate(_date_res(data.code)):
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            gd = m.groupdict()
            year = int(gd["y"]) if gd.get("y") else None
            if n == 1:  # numeric dd/mm/yyyy in the language's order
                a, b = int(gd["a"]), int(gd["b"])
                month_first = data.date_order.startswith("M")
                mon, day = (a, b) if month_first else (b, a)
                if mon > 12 and day <= 12:
                    mon, day = day, mon
            else:
                mon = int(gd["m"]) if n == 0 else _month_number(gd["m"], data)
                day = int(gd["d"]) if gd.get("d") else None
            if mon is None:
                continue
            try:
                if day is None:
                    unit, value = "month", _dt.date(year or 4, mon, 1).toordinal()
                elif year is None:
                    unit, value = "day-no-year", _dt.date(4, mon, day).toordinal()
                else:
                    unit, value = "day", _dt.date(year, mon, day).toordinal()
            except ValueError:
                continue
            taken.append((m.start(), m.end()))
            found.append(Quantity(m.start(), m.end(), m.group(), float(value), unit, 0.0, "date"))
    return found


# --------------------------------------------------------------------------- number words


@lru_cache(maxsize=4096)
def _morphemes(lang: str, word: str) -> tuple[tuple[str, int], ...] | None:
    """Split a lowercase word ("fünfundzwanzig", "quatre-vingt-dix", "duemila") into number morphemes.

    Returns (kind, value) pairs, kind in add / mul; None when the word is not a numeral.
    """
    data = load_language(lang)
    pieces: dict[str, tuple[str, int]] = {w: ("add", v) for w, v in data.words.items()}
    pieces.update({w: ("mul", v) for w, v in data.multipliers.items()})
    for c in data.in_word_connectors:
        pieces[c] = ("conn", 0)
    pieces["-"] = ("sep", 0)
    pieces["‐"] = ("sep", 0)
    n = len(word)
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for i in range(n):
        if best[i] is None:
            continue
        for j in range(n, i, -1):
            piece = word[i:j]
            if piece in pieces and (best[j] is None or len(best[j]) > len(best[i]) + 1):  # type: ignore[arg-type]
                best[j] = best[i] + [piece]  # type: ignore[operator]
    split = best[n]
    if not split:
        return None
    kinds = [pieces[p] for p in split]
    if kinds[0][0] in ("conn", "sep") or kinds[-1][0] in ("conn", "sep"):
        return None
    out: list[tuple[str, int]] = []
    i = 0
    while i < len(kinds):
        kind, value = kinds[i]
        if kind == "conn":  # "fünf" "und" "zwanzig": a unit before the tens
            prev = out[-1] if out else None
            nxt = kinds[i + 1] if i + 1 < len(kinds) else None
            if not (prev and nxt and prev[0] == "add" and prev[1] < 10 and nxt[0] == "add"
                    and nxt[1] % 10 == 0 and 20 <= nxt[1] < 100):
                return None
            out[-1] = ("add", prev[1] + nxt[1])
            i += 2
            continue
        if kind != "sep":
            out.append((kind, value))
        i += 1
    if len(_combine(out)) != 1:
        return None
    return tuple(out)


def _compound_numeral(word: str, data: LanguageData) -> tuple[tuple[tuple[str, int], ...] | None, str]:
    """A numeral glued to an adjective ("fünfjährigen", "dreimal"): its morphemes and the suffix's unit."""
    for suffix, unit in data.compound_suffixes:
        idx = word.find(suffix, 1)
        if idx > 0 and word[idx + len(suffix):] in ("", "e", "en", "er", "es", "em", "s"):
            morphs = _morphemes(data.code, word[:idx])
            if morphs and not unit and [v for _a, _b, v in _combine(morphs)] == [1]:
                return None, ""  # "einmal" (once, one day, not even), "einfach" (simply): no count
            if morphs:
                return morphs, unit
    return None, ""


def _combine(morphs: Sequence[tuple[str, int]]) -> list[tuple[int, int, int]]:
    """Group morphemes into numbers: (first index, last index, value) per number."""
    segments: list[tuple[int, int, int]] = []
    first = 0
    total = cur = 0
    last: tuple[str, int] | None = None

    def can_add(v: int) -> bool:
        """Whether v fills a free lower place of the number so far ("venti"+"tre", "soixante"+"dix"+"sept")."""
        if last is None:
            return True
        if last[0] == "mul":
            return v < last[1]
        rest = cur % 100
        if rest == 0:
            return cur > 0 and v < 100
        if rest % 10 == 0:
            return v < 10 or (rest in (60, 80) and v < 20)  # French 70 = 60+10, 90 = 80+10
        return False

    for i, (kind, v) in enumerate(morphs):
        ok = True
        if kind == "add":
            ok = can_add(v)
            if ok:
                cur += v
        elif v == 100:
            if last is not None and last[0] == "mul" and last[1] <= 100:
                ok = False
            elif cur == 0 and (last is None or (last[0] == "mul" and last[1] > 100)):
                cur = 100  # "cento", "millecento"
            elif 0 < cur < 100 and last is not None and last[0] == "add":
                cur *= 100
            else:
                ok = False
        else:  # thousand
            if last is not None and last[0] == "mul" and last[1] >= v:
                ok = False
            elif cur >= v:
                ok = False
            else:
                total += (cur or 1) * v
                cur = 0
        if not ok:
            segments.append((first, i - 1, total + cur))
            first, total, cur, last = i, 0, 0, None
            if kind == "add":
                cur = v
            elif v == 100:
                cur = 100
            else:
                total = v
        last = (kind, v)
    if morphs:
        segments.append((first, len(morphs) - 1, total + cur))
    return segments


_WORD_RE = re.compile(r"[^\W\d_]+(?:[-‐][^\W\d_]+)*")


def _find_number_words(text: str, data: LanguageData, taken: list[tuple[int, int]]) -> list[Quantity]:
    if not data.words:
        return []
    tokens: list[tuple[int, int, str, tuple[tuple[str, int], ...]]] = []
    glued_units: dict[int, str] = {}  # token start -> unit of a numeral compound ("fünfjährigen")
    glued_times: set[int] = set()  # token starts of a numeral glued to a ``times`` word ("dreimal")
    for m in _WORD_RE.finditer(text):
        word = m.group()
        if len(word) > 1 and word.isupper():
            continue  # acronyms: "UNO" is the United Nations in German
        morphs = _morphemes(data.code, word.casefold())
        while not morphs and re.search(r"[-‐]", word):  # "five-year", "three-judge": keep the numeral
            word = re.split(r"[-‐](?=[^-‐]*$)", word)[0]
            morphs = _morphemes(data.code, word.casefold())
        if not morphs and data.compound_suffixes:
            morphs, unit = _compound_numeral(word.casefold(), data)
            if morphs and unit:
                glued_units[m.start()] = unit
            elif morphs and any(word.casefold().endswith(x.casefold()) for x in data.times):
                glued_times.add(m.start())  # "dreimal" = "tre volte": a multiplier
        if morphs:
            tokens.append((m.start(), m.start() + len(word), word, morphs))
    connector_re = re.compile(
        rf"[{_SPACES}]+(?:(?:{'|'.join(re.escape(c) for c in data.connectors)})[{_SPACES}]+)?$"
        if data.connectors else rf"[{_SPACES}]+$", re.IGNORECASE)
    # group adjacent numeral tokens into runs
    runs: list[list[int]] = []
    for i, tok in enumerate(tokens):
        if runs and connector_re.match(text[tokens[runs[-1][-1]][1]:tok[0]]):
            runs[-1].append(i)
        else:
            runs.append([i])
    out: list[Quantity] = []
    for run in runs:
        flat: list[tuple[str, int]] = []
        owner: list[int] = []
        for k, ti in enumerate(run):
            flat.extend(tokens[ti][3])
            owner.extend([k] * len(tokens[ti][3]))
        segments = _combine(flat)
        # a segment boundary must fall between tokens, never inside one
        good: list[tuple[int, int, int]] = []
        for a, b, value in segments:
            ka, kb = owner[a], owner[b]
            if (a > 0 and owner[a - 1] == ka) or (b + 1 < len(owner) and owner[b + 1] == kb):
                continue
            good.append((ka, kb, value))
        for ka, kb, value in good:
            start, end = tokens[run[ka]][0], tokens[run[kb]][1]
            if any(start < e and s < end for s, e in taken):
                continue
            suffix = match_suffix(text, end, data)
            glued = glued_units.get(tokens[run[kb]][0])
            if glued is not None:
                suffix = _Suffix(end=end, unit=glued, kind="percent" if glued == "%" else "measure")
            single_weak = ka == kb and tokens[run[ka]][2].casefold() in data.weak
            if single_weak and suffix.end == end:
                continue
            if (ka == kb and all(kind == "mul" for kind, _ in tokens[run[ka]][3])
                    and _word_before(text, start) in data.vague):
                continue  # "mehrere Hundert Makrelen" = "diverse centinaia": hundreds, not 100
            kind = suffix.kind or ("multiplier" if tokens[run[kb]][0] in glued_times else "count")
            if kind == "ordinal":
                continue
            out.append(Quantity(start, suffix.end, text[start:suffix.end], value * suffix.scale,
                                suffix.unit, 0.5 * suffix.scale, kind))
            taken.append((start, suffix.end))
    return out


# --------------------------------------------------------------------------- extraction


@dataclass
class _Raw:
    q: Quantity
    mantissa: float
    scale: float
    bare: bool  # no scale, unit, currency or separators: may take a range partner's unit


def _sentence_initial(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(_SPACES + "\"'“”„«»‘’([")
    return not before or before[-1] in ".!?…:\n|"


@lru_cache(maxsize=4096)
def quantities_of(text: str, lang: str) -> tuple[Quantity, ...]:
    """``extract_quantities``, cached: detectors read the same sentences and whole articles again and again."""
    return tuple(extract_quantities(text, lang))


def extract_quantities(text: str, lang: str) -> list[Quantity]:
    """Every quantity in ``text`` (numbers, amounts, percentages, measures, years, dates, ordinals).

    ``lang`` is an ISO 639-1 code ("it", "pt-BR"); unknown codes get generic rules.
    Results are ordered by position and never overlap.
    """
    data = load_language(lang)
    dates = _find_dates(text, data)
    for q in _find_centuries(text, data) + _find_grades(text, data):
        if not any(q.start < d.end and d.start < q.end for d in dates):
            dates.append(q)
    taken = [(q.start, q.end) for q in dates]
    raws: list[_Raw] = [_Raw(q, q.value, 1.0, False) for q in dates]
    for q in _find_durations(text, data, taken):
        raws.append(_Raw(q, q.value, 1.0, False))
        taken.append((q.start, q.end))
    # "9 h 30" that no duration cue made hours and minutes is a time of day, left out as "9h30" is (not 9 hours
    # and a count of 30)
    taken.extend((m.start(), m.end()) for m in _H_MM.finditer(text)
                 if int(m.group(2)) < 60 and not any(m.start() < e and s < m.end() for s, e in taken))
    pattern = _number_re(data.code)
    for m in pattern.finditer(text):
        start, end = m.start(), m.end()
        if m.group("chain") or any(start < e and s < end for s, e in taken):
            continue
        prev = text[start - 1] if start else ""
        if prev in "-‐" and start >= 2 and text[start - 2].isalpha():
            j = start - 2
            while j >= 0 and text[j].isalpha():
                j -= 1
            if any(c.isupper() for c in text[j + 1:start - 1]):
                continue  # COVID-19, F-35
        raw = m.group()
        parsed = _interpret(raw, data)
        if prev and prev in "$£" and data.decimal == ",":  # "$5,995" keeps English separators in any language
            parsed = _interpret(raw, load_language("en"))
        if parsed is None:
            continue
        mantissa, decimals = parsed
        if decimals == 0 and text[end:end + 1] in _FRACTIONS:
            mantissa, decimals, end = mantissa + _FRACTIONS[text[end]], 2, end + 1
            raw = text[start:end]
        # a sign (a hyphen, a minus or the en dash typesetters use for one) belongs to the number only when
        # nothing numeric precedes it ("10-20", "10–20" are ranges; so is Polish "z lat 60.–80.", the dot of an
        # ordinal glued to the dash)
        if prev and prev in "-−–" and (start < 2 or not text[start - 2].isalnum()):
            before = text[:start - 1].rstrip(_SPACES)
            ordinal = start >= 3 and text[start - 2] == "." and text[start - 3].isdigit()
            if not before or not (before[-1].isdigit() or before[-1] == "%" or ordinal):
                mantissa, start = -mantissa, start - 1
        currency = _prefix_currency(text, start, data)
        suffix = match_suffix(text, end, data, prefix_currency=currency is not None)
        if suffix.end == end and end < len(text) and text[end].isalpha():
            word = re.match(r"[^\W\d_]+", text[end:])
            if not (word and word.group().casefold() in data.glued):
                continue  # glued letters that are no unit: 910C, 5G, 4090Ti (but "27enne" is 27)
        ordinal = suffix.kind == "ordinal"
        if (not suffix.kind and data.ordinal_dot and decimals == 0 and len(raw) <= 3
                and text[end:end + 1] == "." and text[end + 1:end + 2] in tuple(_SPACES)
                and text[end + 2:end + 3].isalpha()):
            cue = text[:start].rstrip(_SPACES).rsplit(None, 1)
            if text[end + 2].islower() or (cue and cue[-1].casefold() in data.ordinal_cues):
                ordinal, suffix = True, _Suffix(end=end + 1)  # "der 3. größte", "im 3. Quartal"
        unit, kind = suffix.unit, suffix.kind
        if currency:
            unit, kind = currency[1], "money"
        plain_int = decimals == 0 and re.fullmatch(r"\d+", raw) is not None
        bare = plain_int and suffix.scale == 1.0 and unit is None and not ordinal and currency is None
        if bare and len(raw) <= 4 and not _YEAR_MIN <= mantissa <= _YEAR_MAX:
            words = text[:start].rsplit(None, 1)
            if words and text[start - 1:start] in _SPACES and words[-1][-1].isalnum():
                word = words[-1]
                wstart = start - 1 - len(word)
                if _looks_like_name(word, data, _sentence_initial(text, wstart)) and not _times_after(text, end, data):
                    continue  # "RTX 4090", "Ascend 910" (not "Quarneto 36-mal": a number of times)
        q_start = currency[0] if currency else start
        if ordinal:
            kind, unit, tol = "ordinal", None, 0.0
        elif bare and _YEAR_MIN <= mantissa <= _YEAR_MAX and len(raw) == 4 and _is_year(text, start, end, data):
            kind, unit, tol = "year", "year", 0.0
        else:
            kind = kind or "count"
            tol = 0.5 * 10.0 ** (-decimals) * suffix.scale
        value = mantissa * suffix.scale
        q = Quantity(q_start, suffix.end, text[q_start:suffix.end], value, unit, tol, kind)
        raws.append(_Raw(q, mantissa, suffix.scale, bare))
        taken.append((q_start, suffix.end))
    for q in _find_number_words(text, data, taken):  # extends ``taken``
        raws.append(_Raw(q, q.value, 1.0, False))
    for m in _WORD_RE.finditer(text):
        value = data.ordinals.get(m.group().casefold())
        if value and not any(m.start() < e and s < m.end() for s, e in taken):
            # "jedem fünften Fall", "co piąty" = "un caso su cinque": the N of "one in N", a count
            kind = "count" if _word_before(text, m.start()) in data.every else "ordinal"
            raws.append(_Raw(Quantity(m.start(), m.end(), m.group(), float(value), None, 0.0, kind),
                             float(value), 1.0, False))
    raws.sort(key=lambda r: r.q.start)
    _propagate_ranges(text, raws, data)
    _weekday_days(text, raws, data)
    qs = _signed_by_words(text, _spelled_durations(text, _refine(text, [r.q for r in raws], data), data), data)
    return _once_for_every(text, qs, data)


def _once_for_every(text: str, qs: list[Quantity], data: LanguageData) -> list[Quantity]:
    """``qs`` with the first of a figure said twice for "every" dropped ("de 40 em 40 minutos", "de quinze em
    quinze dias", "de 15 en 15 minutes" = "every 40 minutes"): one figure, as the others write it once."""
    if not data.repeat:
        return qs
    out: list[Quantity] = []
    for i, q in enumerate(qs):
        nxt = qs[i + 1] if i + 1 < len(qs) else None
        if (nxt is not None and nxt.value == q.value and q.unit is None
                and text[q.end:nxt.start].strip().casefold() in data.repeat):
            continue
        out.append(q)
    return out


def _signed_by_words(text: str, qs: list[Quantity], data: LanguageData) -> list[Quantity]:
    """A temperature a "minus" word stands right before, or a "below zero" phrase right after, is negative:
    "minus 31 Grad", "meno 31 gradi", "31 graus negativos" and "31 gradi sotto zero" say "-31 °C". Only
    with a word for degrees after the number: "menos seis", "moins 6 000" are "six fewer", "6,000 fewer"."""
    out: list[Quantity] = []
    for q in qs:
        if out and q.start < out[-1].end:
            continue  # inside the phrase just read ("zero" of "sotto zero")
        if q.kind in ("year", "date", "ordinal", "century", "grade") or q.value <= 0:
            out.append(q)
            continue
        start, end = q.start, q.end
        before = text[:start].rstrip(_SPACES)
        word = re.search(r"[^\W\d_]+$", before)
        if (word and len(before) < start and word.group().casefold() in data.minus
                and not _glued_before(text, word.start())
                and (q.unit in ("°C", "°F") or _first_match(text, _after_spaces(text, q.end), data.degrees))):
            start = word.start()
        else:
            at = _after_spaces(text, end)
            phrase = _first_match(text, at, data.below_zero) if at > end else None
            if phrase is None:
                out.append(q)
                continue
            end = phrase[0]
        out.append(replace(q, start=start, end=end, text=text[start:end], value=-q.value))
    return out


def _after_spaces(text: str, pos: int) -> int:
    """The position of the first character at or after ``pos`` that is no space."""
    return pos + len(text[pos:]) - len(text[pos:].lstrip(_SPACES))


def _glued_before(text: str, pos: int) -> bool:
    """A word glued to what precedes it (a hyphenated compound: "Plus-minus 3")."""
    return pos > 0 and text[pos - 1] in "-‐"


_SECONDS_IN = {"h": 3600.0, "min": 60.0, "s": 1.0}


def _spelled_durations(text: str, qs: list[Quantity], data: LanguageData) -> list[Quantity]:
    """Hours, minutes and seconds written out one after the other, joined by a comma or an "and" word ("31
    ore, 12 minuti e 5 secondi", "2 ore e 41 minuti", "2 godz. 41 min"), are one duration in seconds, as
    "31:12:05", "31h12min05s", "nach 2:41 Stunden" and "en 2 h 41" are read: the parts alone would each miss
    their counterpart."""
    out: list[Quantity] = []
    i = 0
    while i < len(qs):
        j = i
        while (j + 1 < len(qs) and qs[j].unit in _SECONDS_IN and qs[j + 1].unit in _SECONDS_IN
               and _SECONDS_IN[qs[j + 1].unit] < _SECONDS_IN[qs[j].unit]
               and _joined_by_and(text[qs[j].end:qs[j + 1].start], data)):
            j += 1
        if j > i and qs[i].unit in _SECONDS_IN:
            parts = qs[i:j + 1]
            seconds = sum(q.value * _SECONDS_IN[str(q.unit)] for q in parts)
            tol = 0.5 * _SECONDS_IN[str(parts[-1].unit)]
            out.append(Quantity(parts[0].start, parts[-1].end, text[parts[0].start:parts[-1].end], seconds, "s",
                                tol, "measure"))
            i = j + 1
        else:
            out.append(qs[i])
            i += 1
    return out


def _joined_by_and(between: str, data: LanguageData) -> bool:
    """Only spaces, a comma or one "and" word between two parts of a duration."""
    words = re.findall(r"[^\W\d_]+", between)
    rest = re.sub(r"[^\W\d_]+", "", between).strip(_SPACES + ",")
    return not rest and (not words or (len(words) == 1 and words[0].casefold() in data.and_words))


_DURATION_MARKS = re.compile(r"(?<![\w'’′])(\d{1,3})\s?['’′]\s?(\d{2})\s?(?:''|’’|\"|”|″)(\d{1,2}(?!\d))?")
# a gap in seconds with its fraction after the seconds mark: "1\"9" (1.9 s), "0”45"; without the fraction
# the mark may close a quotation
_SECOND_MARKS = re.compile(r"(?<![\w'’′\"”″.,])(\d{1,2})(?:''|’’|\"|”|″)(\d{1,2})(?![\d'’′\"”″])")
_MIN_SEC = re.compile(r"(?<![\w:.,])(\d{1,2}):(\d{2})(?:[,.](\d{1,2})(?![\d:]))?(?![\d:])")
# written-out race times: "2 h 26 min 50 s", "20 min 41 s 8", "20min41s8", "19 s 7" (French tenths after
# the "s"), "1:02:33"; the hours, minutes or seconds part may be missing, not all of them
_SP = r"[ \u00a0\u202f]?"
_HMS = re.compile(
    rf"(?<![\w:.,])(?:(?P<h>\d{{1,2}}){_SP}h{_SP}(?=\d))?(?:(?P<m>\d{{1,3}}){_SP}(?:min|mn){_SP}(?=\d))?"
    rf"(?P<s>\d{{1,2}}){_SP}s(?:{_SP}(?P<t>\d{{1,2}})(?!\d|[,.]\d))?(?!\w)"
    rf"|(?<![\w:.,])(?P<h2>\d{{1,2}}){_SP}h{_SP}(?P<m2>\d{{2}}){_SP}(?:min|mn)(?!\w)"
    rf"|(?<![\w:.,])(?P<h3>\d{{1,2}}):(?P<m3>\d{{2}}):(?P<s3>\d{{2}})(?:[,.](?P<t3>\d{{1,2}}))?(?![\d:])")
_TIME_UNITS = ("y", "mo", "wk", "d", "h", "min", "s")


def _hms_seconds(m: re.Match[str]) -> float | None:
    """Seconds of an ``_HMS`` match, None for a bare "<n> s" (a plain measure the unit table reads)."""
    if m.group("s") is not None:
        if m.group("h") is None and m.group("m") is None and m.group("t") is None:
            return None
        h, mi, sec = (int(m.group(k) or 0) for k in ("h", "m", "s"))
        t = _fraction(m.group("t"))
    elif m.group("h2") is not None:
        h, mi, sec, t = int(m.group("h2")), int(m.group("m2")), 0, 0.0
    else:
        h, mi, sec, t = int(m.group("h3")), int(m.group("m3")), int(m.group("s3")), _fraction(m.group("t3"))
    if mi >= 60 and h or sec >= 60:
        return None
    return h * 3600 + mi * 60 + sec + t


def _fraction(digits: str | None) -> float:
    """The fraction of a second that tenths or hundredths digits say: "8" -> 0.8, "71" -> 0.71."""
    return int(digits) / 10 ** len(digits) if digits else 0.0


def _find_durations(text: str, data: LanguageData, taken: list[tuple[int, int]]) -> list[Quantity]:
    """Race times and gaps in seconds: "2'03\"", "2’03”8", "5'38\"71", "1\"9", "2 h 26 min 50 s", "20min41s8",
    "19 s 7", "1:02:33", and "3:03" or "20:41,8" unless a clock cue says a time of day."""
    out = []
    for m in _HMS.finditer(text):
        seconds = _hms_seconds(m)
        if seconds is not None and not any(m.start() < e and s < m.end() for s, e in taken):
            out.append(Quantity(m.start(), m.end(), m.group(), float(seconds), "s", 0.5, "measure"))
    for m in _DURATION_MARKS.finditer(text):
        if any(m.start() < q.end and q.start < m.end() for q in out):
            continue
        seconds = int(m.group(1)) * 60 + int(m.group(2)) + _fraction(m.group(3))
        out.append(Quantity(m.start(), m.end(), m.group(), float(seconds), "s", 0.5, "measure"))
    for m in _SECOND_MARKS.finditer(text):
        if any(m.start() < e and s < m.end() for s, e in taken) or any(
                m.start() < q.end and q.start < m.end() for q in out):
            continue
        seconds = int(m.group(1)) + _fraction(m.group(2))
        out.append(Quantity(m.start(), m.end(), m.group(), seconds, "s", 0.05, "measure"))
    for m in _MIN_SEC.finditer(text):
        if any(m.start() < e and s < m.end() for s, e in taken) or any(
                m.start() < q.end and q.start < m.end() for q in out):
            continue
        before = text[: m.start()].rstrip(_SPACES).rsplit(None, 2)
        cue = [w.casefold() for w in before[-2:]]
        if (cue and cue[-1] in data.clock_cues) or (len(cue) == 2 and " ".join(cue) in data.clock_cues):
            continue
        after = text[m.end():].lstrip(_SPACES)
        if _hours_word(after, data) and not m.group(3) and int(m.group(2)) < 60:
            # "nach 2:41 Stunden": hours and minutes
            out.append(_hours_minutes(m))
            continue
        if re.match(r"(?:Uhr|h\b|godz|heures?\b|hours?\b)", after) or int(m.group(2)) >= 60:
            continue
        seconds = int(m.group(1)) * 60 + int(m.group(2)) + _fraction(m.group(3))
        out.append(Quantity(m.start(), m.end(), m.group(), float(seconds), "s", 0.5, "measure"))
    for m in _H_MM.finditer(text):
        if any(m.start() < e and s < m.end() for s, e in taken) or any(
                m.start() < q.end and q.start < m.end() for q in out) or int(m.group(2)) >= 60:
            continue
        before = text[: m.start()].rstrip(_SPACES).rsplit(None, 3)
        cue = [w.casefold() for w in before[-3:]]
        if any(" ".join(cue[k:]) in data.duration_cues for k in range(len(cue))):
            # "en 2 h 41": hours and minutes ("à 2 h 41" is a time of day)
            out.append(_hours_minutes(m))
    return out


def _hours_minutes(m: re.Match[str]) -> Quantity:
    """Hours (group 1) and minutes (group 2) as one duration in seconds, to the half minute."""
    seconds = int(m.group(1)) * _SECONDS_IN["h"] + int(m.group(2)) * _SECONDS_IN["min"]
    return Quantity(m.start(), m.end(), m.group(), seconds, "s", 0.5 * _SECONDS_IN["min"], "measure")


_H_MM = re.compile(r"(?<![\w:.,])(\d{1,2})[ \u00a0\u202f]?h[ \u00a0\u202f]?(\d{2})(?![\d\w])")


def _hours_word(after: str, data: LanguageData) -> bool:
    """Whether ``after`` opens with a word for hours ("Stunden", "ore", "godz."), not "h" or "Uhr"."""
    low = after.casefold()
    return any(unit == "h" and len(surface) > 1 and low.startswith(surface.casefold())
               and not low[len(surface):len(surface) + 1].isalpha() for surface, unit in data.units)


def _word_before(text: str, pos: int) -> str:
    before = text[:pos].rstrip(_SPACES).rsplit(None, 1)
    return before[-1].casefold().strip("(«„“\"") if before else ""


def bound_before(text: str, pos: int, lang: str) -> str | None:
    """The bound a phrase just before ``pos`` puts on the number there: "bis" -> ``at_most``, "sotto i" -> ``under``.

    The phrase may stand up to two words before the number ("do lat pięciu", "les moins de 6 ans").
    """
    data = load_language(lang)
    if not data.bounds:
        return None
    words = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", text[max(0, pos - 60):pos].casefold())[-5:]
    for drop in range(3):
        tail = words[:len(words) - drop] if drop else words
        joined = " ".join(tail)
        for phrase, bound in data.bounds:
            if joined == phrase or joined.endswith(" " + phrase):
                return bound
    return None


def off_by_bound(a: Quantity, a_bound: str | None, b: Quantity, b_bound: str | None) -> bool:
    """Whether two whole numbers one apart say the same limit: "bis fünf Jahre" = "sotto i sei anni"."""
    if a_bound is None or b_bound is None or {a.kind, b.kind} - {"count", "measure"}:
        return False
    if a.unit is not None and b.unit is not None and a.unit != b.unit:
        return False
    if a.value != int(a.value) or b.value != int(b.value) or abs(a.value - b.value) != 1:
        return False
    lower, upper = (a_bound, b_bound) if a.value < b.value else (b_bound, a_bound)
    return (lower, upper) in (("at_most", "under"), ("over", "at_least"))


def _refine(text: str, qs: list[Quantity], data: LanguageData) -> list[Quantity]:
    """Readings a single number cannot give: halves, decades, fractions, "a year" as an article."""
    out: list[Quantity] = []
    for q in qs:
        digits = any(c.isdigit() for c in q.text)
        prev = _word_before(text, q.start)
        # a fraction: an ordinal word after a number word or an article ("dwie trzecie", "um quinto")
        if q.kind == "ordinal" and not digits and (prev in data.words or prev in data.weak):
            if out and out[-1].end <= q.start and not text[out[-1].end:q.start].strip(_SPACES):
                out.pop()
            continue
        # "un anno fa", "ein Jahr": an article before a time unit, not a count of one
        if (not digits and q.unit in _TIME_UNITS and q.value == 1 and len(q.text.split()) == 2
                and q.text.split()[0].casefold() in data.weak):
            continue
        # a decade: "anni Ottanta", "années 1980", "lata 80." (the dot of "z lat 50." makes no ordinal there)
        if prev in data.decade_cues and q.kind in ("count", "year", "ordinal") and q.value == int(q.value):
            v = int(q.value)
            if 10 <= v <= 90 and v % 10 == 0:
                v += 1900
            if _YEAR_MIN <= v <= _YEAR_MAX and v % 10 == 0:
                q = replace(q, value=float(v), unit="year", kind="year", tolerance=0.0)
        # "deux fois plus", "63 volte", "36-mal": a multiplier
        if q.kind == "count" and _times_after(text, q.end, data):
            q = replace(q, kind="multiplier")
        # "sette minuti e mezzo", "sept minutes et demie"
        if data.half and q.kind in ("count", "measure", "money"):
            tail = text[q.end:]
            gap = len(tail) - len(tail.lstrip(_SPACES))
            for h in data.half:
                seg = tail[gap:gap + len(h)]
                if gap and seg.casefold() == h.casefold() and not tail[gap + len(h):gap + len(h) + 1].isalpha():
                    end = q.end + gap + len(h)
                    q = replace(q, end=end, text=text[q.start:end], value=q.value + 0.5 * max(1.0, q.tolerance * 2))
                    break
        out.append(q)
    return out


def _is_year(text: str, start: int, end: int, data: LanguageData) -> bool:
    """A bare 1900-2100 integer is a year after a cue ("nel", "im Jahr"), before "r.", or before no word."""
    before = text[:start].rstrip(_SPACES).rsplit(None, 1)
    if before and before[-1].casefold().strip("(") in data.year_cues:
        return True
    after = text[end:].lstrip(_SPACES)
    if any(after.startswith(p) for p in data.year_post):
        return True
    return not after or not after[0].isalpha()


@lru_cache(maxsize=64)
def _connector_re(connectors: tuple[str, ...], lead: str = "") -> re.Pattern[str] | None:
    """What may stand between the two ends of a range: one of ``connectors``, a dash or slash with or without
    spaces, a word between spaces (None without connectors); ``lead`` may come first (an ordinal dot)."""
    words = [c for c in connectors if c[0].isalpha()]
    dashes = [c for c in connectors if not c[0].isalpha()]
    alt = [rf"[{_SPACES}]*(?:{'|'.join(re.escape(d) for d in dashes)})[{_SPACES}]*"] if dashes else []
    if words:
        alt.append(rf"[{_SPACES}]+(?:{'|'.join(re.escape(w) for w in words)})[{_SPACES}]+")
    return re.compile(rf"{lead}(?:{'|'.join(alt)})", re.IGNORECASE) if alt else None


_CHANGE = 10  # how many times the second end of "from … to …" the first may be and still take its scale


def _propagate_ranges(text: str, raws: list[_Raw], data: LanguageData) -> None:
    """In "10-20 %", "1,5-2 mld zł", "tra 10 e 20 miliardi" the first end takes the second's unit and scale;
    in "z 9 na 10 listopada", "tra il 12 e il 26 novembre" the first day is a date of the month named."""
    between_re = _connector_re(data.range_connectors)
    dashes = tuple(c for c in data.range_connectors if not c[0].isalpha())
    days_re = _connector_re(dashes + data.date_range_connectors, r"\.?")
    for i in range(len(raws) - 1):
        a, b = raws[i], raws[i + 1]
        between = text[a.q.end:b.q.start]
        last_day = _date_parts(b.q)[2] if b.q.kind == "date" and b.q.unit in ("day", "day-no-year") else None
        if (last_day is not None and a.q.kind in ("count", "ordinal") and a.mantissa == int(a.mantissa)
                and 1 <= a.mantissa < last_day and days_re is not None and days_re.fullmatch(between)):
            # "z 9 na 10 listopada", "dal 9 al 10 novembre", "9-10 November": the first day, not a count
            a.q = replace(a.q, value=b.q.value - (last_day - a.mantissa), unit=b.q.unit, kind="date", tolerance=0.0)
            continue
        if between_re is None or not between_re.fullmatch(between):
            continue
        if a.q.kind == "year" or b.q.kind == "year":
            if {a.q.kind, b.q.kind} <= {"year", "count"} and all(
                    _YEAR_MIN <= r.q.value <= _YEAR_MAX and r.q.value == int(r.q.value) for r in (a, b)):
                for r in (a, b):
                    r.q = replace(r.q, kind="year", unit="year", tolerance=0.0)
            continue
        plain = a.bare or (a.scale == 1.0 and a.q.unit is None)  # "9,1" in "da 9,1 a 7,4 milioni" too
        if not plain or a.q.kind != "count" or b.q.kind in ("date", "ordinal") or a.mantissa > _CHANGE * b.mantissa:
            continue  # ranges ascend and changes stay within a scale ("da 9,1 a 7,4 milioni"): in "from 2002 to
            # 6%" the 2002 takes nothing
        scale = b.scale
        a.q = replace(a.q, value=a.mantissa * scale, unit=b.q.unit, kind=b.q.kind,
                      tolerance=a.q.tolerance * scale)


@lru_cache(maxsize=64)
def _weekday_stems(lang: str) -> tuple[str, ...]:
    """Stems of the language's weekday names (``[names] weekdays``) that its inflected and short forms share:
    "domingo" -> "domin", "niedziela" -> "niedzie" (niedzieli), "sexta-feira" -> "sexta"."""
    out = []
    for w in load_language(lang).names.get("weekdays", []):
        stem = w.split("-")[0].casefold()
        out.append(stem[:-2] if len(stem) >= 6 else stem)
    return tuple(out)


_DAY_WINDOW = 60  # characters around a weekday's bare day number where the date that names its month is looked for


def _apart(a: Quantity, b: Quantity) -> int:
    """Characters between two quantities' spans."""
    return min(abs(a.start - b.end), abs(b.start - a.end))


def _weekday_days(text: str, raws: list[_Raw], data: LanguageData) -> None:
    """A bare number right after a weekday is a day of the month the nearest date names: "du vendredi 25 au
    dimanche 27 avril", "sexta-feira, 25 de abril, e domingo, 27" (not "domenica 12 atleti": a word after it
    that is no date-range connector leaves a count)."""
    stems = _weekday_stems(data.code)
    if not stems:
        return
    connectors = tuple(c.casefold() for c in data.date_range_connectors if c[0].isalpha())
    dates = [r.q for r in raws if r.q.kind == "date" and r.q.unit in ("day", "day-no-year")]
    if not dates:
        return
    for r in raws:
        q = r.q
        if not r.bare or q.kind != "count" or not 1 <= r.mantissa <= 31:
            continue
        before = re.search(r"([^\W\d_][\w-]*)[,\s]*$", text[max(0, q.start - 30):q.start])
        if before is None or not before.group(1).casefold().startswith(stems):
            continue
        after = text[q.end:].lstrip(_SPACES).casefold()
        word = re.match(r"[^\W\d_]+(?:\s+[^\W\d_]+)?", after)
        if word and not any(after.startswith(c + " ") for c in connectors):
            continue
        near = min(dates, key=lambda d: _apart(d, q))
        if _apart(near, q) > _DAY_WINDOW:
            continue
        year, month, _day = _date_parts(near)
        try:
            value = _dt.date(year or 4, month, int(r.mantissa)).toordinal()
        except ValueError:
            continue
        r.q = replace(q, value=float(value), unit=near.unit, kind="date", tolerance=0.0)


# --------------------------------------------------------------------------- comparison


def _date_parts(q: Quantity) -> tuple[int | None, int, int | None]:
    day = _dt.date.fromordinal(int(q.value))
    if q.unit == "day":
        return day.year, day.month, day.day
    if q.unit == "day-no-year":
        return None, day.month, day.day
    return day.year, day.month, None


@lru_cache(maxsize=1)
def _conversions() -> dict[str, tuple[str, float]]:
    data = ((read_data("lang/_common.toml") or {}).get("numbers", {})).get("conversions", {})
    return {unit: (str(base), float(factor)) for unit, (base, factor) in data.items()}


def in_base_unit(q: Quantity) -> Quantity:
    """``q`` in the base unit of its dimension ("250 ha" -> 2 500 000 m2, ``[numbers.conversions]``);
    ``q`` itself when its unit converts to nothing."""
    conv = _conversions().get(q.unit or "")
    if conv is None or conv == (q.unit, 1.0):
        return q
    base, factor = conv
    return replace(q, value=q.value * factor, tolerance=q.tolerance * factor, unit=base)


def same_dimension(a: Quantity, b: Quantity) -> bool:
    """Whether two quantities have units of one dimension ("ha" and "km2"), so that they can be compared."""
    if a.unit is None or b.unit is None or a.unit == b.unit:
        return True
    return in_base_unit(a).unit == in_base_unit(b).unit


def same_quantity(a: Quantity, b: Quantity) -> bool:
    """Whether two quantities say the same: values equal within the larger tolerance, units compatible.

    A missing unit is compatible with any unit ("1,5 mld zł" = "1.5 billion"); two different
    units are not ("7 nm" != "7 km", "5 %" != "5 pp"), unless they convert into each other ("2,5 km²" =
    "250 ha", "250 ha" != "250 km²"). Dates compare on the parts both know
    (day and month of "12 marzo" against "12 March 2024"); a year matches a date in that year.
    """
    kinds = {a.kind, b.kind}
    if "date" in kinds:
        if kinds == {"date"}:
            pa, pb = _date_parts(a), _date_parts(b)
            return all(x == y for x, y in zip(pa, pb) if x is not None and y is not None)
        if kinds == {"date", "year"}:
            date, year = (a, b) if a.kind == "date" else (b, a)
            y = _date_parts(date)[0]
            return y is not None and y == int(year.value)
        return False
    if "ordinal" in kinds and not kinds <= {"ordinal", "count"}:
        return False
    for own in ("century", "grade"):
        if own in kinds and kinds != {own}:
            return False
    if a.unit is not None and b.unit is not None and a.unit != b.unit:
        a, b = in_base_unit(a), in_base_unit(b)
        if a.unit != b.unit:
            return False
    tol = max(a.tolerance, b.tolerance)
    return abs(a.value - b.value) <= tol + 1e-9 * max(abs(a.value), abs(b.value), 1.0)


def match_quantities(
    a: Sequence[Quantity], b: Sequence[Quantity]
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """One-to-one matching of two quantity lists: (matched (i, j) pairs, unmatched in a, unmatched in b).

    Maximises the number of pairs; among equal choices prefers same unit, same kind,
    closer values and similar positions.
    """
    def cost(i: int, j: int) -> tuple[int, int, float, float]:
        x, y = a[i], b[j]
        rel = abs(x.value - y.value) / max(abs(x.value), abs(y.value), 1e-9)
        pos = abs(i / max(len(a), 1) - j / max(len(b), 1))
        return (x.unit != y.unit, x.kind != y.kind, rel, pos)

    options: dict[int, list[int]] = {}
    for i in range(len(a)):
        js = [j for j in range(len(b)) if same_quantity(a[i], b[j])]
        options[i] = sorted(js, key=lambda j: cost(i, j))
    match_b: dict[int, int] = {}
    match_a: dict[int, int] = {}
    for c, i, j in sorted((cost(i, j), i, j) for i in options for j in options[i]):
        if i not in match_a and j not in match_b:
            match_a[i], match_b[j] = j, i

    def augment(i: int, seen: set[int]) -> bool:
        for j in options[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in match_b or augment(match_b[j], seen):
                match_a[i], match_b[j] = j, i
                return True
        return False

    for i in range(len(a)):
        if i not in match_a and options[i]:
            augment(i, set())
    pairs = sorted(match_a.items())
    return (pairs, [i for i in range(len(a)) if i not in match_a],
            [j for j in range(len(b)) if j not in match_b])
