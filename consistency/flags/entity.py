"""``entity`` flags: counterparts that name different people, companies, places or products.

Names come from ``names.py`` and compare across languages by stems, fuzzy
spelling and an exonym table (Huawei = Huaweia, Pechino = Pekin). Within an
alignment group, a name that most other versions carry is looked for in the
version's own text, word by word, not only among the names its extractor found
(German capitalises every noun, so "im Valdimonte" may not be extracted as a
name; a name is present when one of its distinctive words is: "Arvani" in
"Fondation Arvani", not "Fondation"). A name absent from the group and from the
whole version (moved, not dropped) and, in a group some versions are not part of, named by most of
the article's other versions somewhere (else it is the carrier's own word: a German plural noun after a
preposition, "an Scherern", reads as a name), is a candidate: a *swap* when the version has
a name of its own there that the others lack, or a full name that all of them give only
elsewhere (the claim given to another person; then also when the version names the missing
one elsewhere, outside standfirsts and against all the others; the full name is looked for in the
whole sentence, where a quote's attribution may be a clause of its own), a *drop* otherwise; a title
drops nothing (each desk's title names what it picks), and a desk leaves its own country unnamed
(``[names] home``: "na Podkarpaciu" where the others write "in south-east Poland"). A swap whose
two names the model embeds as close as translations (their distinctive words:
"Niemiec" / "Germania"), or whose whole names with no word in common are (a name of common
words translated: "Trzustka Północ" / "Pancreas Nord"), is an exonym the table lacks, not a flag,
unless the table knows them as two places ("Koblencji" / "Tréveris": the model puts cities close). The calibrator
turns the candidate's features (swap or drop, how many versions carry the name,
whether it is a short acronym) into a probability. Two versions that swap in the same
other name (3 against 2) are compared with the majority without each other.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..datafiles import read_data
from ..types import Group
from .base import QUIET_ROLES, Candidate, FlagContext, join_names
from .calibration import Finding, finder
from .names import (
    Name,
    _is_common,
    _exonym,
    _named_abroad,
    _same_token,
    _stems,
    exonym_forms,
    is_name_word,
    load_language,
    name_key,
    names_of,
    same_name,
    says_exonym_phrase,
)
from .votes import best_counterpart, clauses_of, group_text, in_standfirst, standfirst, unit_containing


def _names(ctx: FlagContext, group: Group, version: str) -> list[tuple[int, Name]]:
    """(absolute start, name) for the group's members in ``version``, with the surnames the article
    introduced with a given name ("sagte Kommandant Feldbauer" after "Kommandant Markus Feldbauer")."""
    out = []
    lang = ctx.documents[version].lang
    surnames = _introduced_surnames(ctx.documents[version].text, lang)
    for seg in ctx.members(group, version):
        if seg.role not in QUIET_ROLES:
            found = [n for n in names_of(seg.text, lang) if _usable(n)]
            out.extend((seg.start + n.start, n) for n in found)
            for m in re.finditer(r"[^\W\d_]+", seg.text):
                if m.group() in surnames and not any(n.start <= m.start() < n.end for n in found):
                    out.append((seg.start + m.start(), Name(m.start(), m.end(), m.group(), name_key(m.group()))))
    return sorted(out, key=lambda p: p[0])


_GIVEN_AND_SURNAME = re.compile(r"\b([^\W\d_]+) (?=([^\W\d_]+)\b)")  # overlapping pairs


@lru_cache(maxsize=256)
def _introduced_surnames(text: str, lang: str) -> frozenset[str]:
    """German only: the capitalised words the article gives right after a given name and again on their own
    ("Kommandant Markus Feldbauer" ... "sagte Kommandant Feldbauer"). A German text capitalises nouns, so a
    surname that reads as a noun ("Feldbauer") is not extracted as a name alone; introduced, it is one."""
    data = load_language(lang)
    if not data.names.get("capitalised_nouns"):
        return frozenset()
    alone = {n.text for n in names_of(text, lang) if " " not in n.text}  # "Markus", extracted as a name
    out = set()
    for m in _GIVEN_AND_SURNAME.finditer(text):
        given, word = m.group(1), m.group(2)
        if (given in alone and word[:1].isupper() and not word.isupper() and _named_abroad(given.casefold(), data)
                and len(re.findall(rf"\b{re.escape(word)}\b", text)) > text.count(f"{given} {word}")):
            out.add(word)
    return frozenset(out)


def _has(names: list[tuple[int, Name]], target: Name) -> bool:
    return any(same_name(n, target) for _, n in names)


def _weak(name: Name) -> bool:
    """Short all-capital acronyms (AI, KI, LLM) are often spelled out in another language."""
    letters = name.text.replace(".", "")
    return letters.isupper() and len(letters) <= 4 and " " not in name.text


@lru_cache(maxsize=65536)
def _token_key(token: str) -> str:
    return name_key(token)


_WORDS = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)


@lru_cache(maxsize=512)
def _word_keys(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words of a text and their name keys (cached: whole versions are searched again and again)."""
    words = tuple(m.group() for m in _WORDS.finditer(text))
    return words, tuple(_token_key(w) for w in words)


@lru_cache(maxsize=8192)
def _distinctive(text: str, lang: str) -> tuple[str, ...]:
    """The words of a name that identify it (not common words of its language): "Arvani" of "Fondazione Arvani"."""
    data = load_language(lang)
    words = [m.group() for m in _WORDS.finditer(text)]
    rare = [w for w in words if len(w) >= 3 and (w.isupper() or not _is_common(w, data))]
    return tuple(_token_key(w) for w in (rare or words))


@lru_cache(maxsize=1024)
def _index(text: str, capitalised: bool) -> tuple[tuple[str, ...], dict[str, set[str]]]:
    """The name keys of a text's words (only capitalised ones with ``capitalised``) and a map from each
    stem to the keys having it, so that a name is looked up without comparing it to every word."""
    words, keys = _word_keys(text)
    kept = tuple(k for w, k in zip(words, keys) if not capitalised or w[:1].isupper())
    stems: dict[str, set[str]] = {}
    for k in set(kept):
        for st in _stems(k):
            stems.setdefault(st, set()).add(k)
    return kept, stems


def _present(token: str, keys: tuple[str, ...], stems: dict[str, set[str]]) -> bool:
    """Whether a name key token is among ``keys`` up to a case ending, a near spelling or x/ks."""
    candidates = set().union(*(stems.get(st, set()) for st in _stems(token))) if token else set()
    if any(_same_token(token, k) for k in candidates):
        return True
    distinct = set(keys)
    if len(token) >= 7 or "x" in token:  # near spellings: compare with words of a similar length
        if any(_same_token(token, k) for k in distinct if abs(len(k) - len(token)) <= 3):
            return True
    # the name opening a compound ("Brennerstrecke" for "Brennero", "Mittelmeerrouten" for "Mediterraneo"):
    # German writes them as one word
    heads = [st for st in {*_stems(token), token[:-1] if token[-1:] in "aeiou" else token, *exonym_forms(token)}
             if len(st) >= 5]
    if heads and any(k.startswith(h) and len(k) >= len(h) + 4 for k in distinct for h in heads):
        return True
    # a place name made an adjective ("lyonnais", "lyoński" for "Lione"; "torinese" for "Torino", without
    # its final vowel): French doubles a final "n"
    ends = _demonym_suffixes()
    forms = {token, *exonym_forms(token)}
    forms |= {f[:-1] for f in forms if f[-1:] in "aeiou"}
    if any(k[len(h):] in ends or (k[len(h):len(h) + 1] == h[-1] and k[len(h) + 1:] in ends)
           for k in distinct for h in forms if len(h) >= 4 and k.startswith(h)):
        return True
    # the name closing a compound after a point of the compass or upper / lower ("Norditalien" for "Italia
    # settentrionale", "Niederösterreich" for "Bassa Austria")
    return any(_same_token(token, _token_key(k[len(p):])) for k in distinct for p in _COMPASS
               if k.startswith(p) and len(k) >= len(p) + 4)


@lru_cache(maxsize=1)
def _demonym_suffixes() -> frozenset[str]:
    """Endings that make a place name an adjective (``[names] demonym_suffixes`` of ``_common.toml``)."""
    return frozenset((read_data("lang/_common.toml") or {}).get("names", {}).get("demonym_suffixes", []))


# German compounds of a region: the compass ("Norditalien") and upper / lower ("Niederösterreich" for
# "Bassa Austria", "Oberbayern" for "Alta Baviera")
_COMPASS = ("nordost", "nordwest", "sudost", "sudwest", "nord", "sud", "ost", "west", "mittel", "zentral",
            "nieder", "ober", "unter")


@lru_cache(maxsize=8192)
def _plain_words(text: str, lang: str) -> bool:
    """Whether a name is made of common words of its language only, capitalised ("Ministero della Cultura",
    "Land", "Unione Regionale", "Concerto di Sibelius" cut to "Concerto"): other languages translate such a
    name ("Kulturministerium", "kraj związkowy"), so its spelling cannot show whether they dropped it."""
    data = load_language(lang)
    words = [m.group() for m in _WORDS.finditer(text) if len(m.group()) >= 3]
    return bool(words) and not any(w.isupper() or not _is_common(w, data) for w in words)


def _common_share(text: str, langs: set[str]) -> float:
    """The share of a name's words (three letters or more) that are common words in one of ``langs``."""
    words = [m.group() for m in _WORDS.finditer(text) if len(m.group()) >= 3]
    data = [load_language(x) for x in sorted(langs)]
    return sum(any(_is_common(w, d) for d in data) for w in words) / len(words) if words else 1.0


@lru_cache(maxsize=64)
def _homes(lang: str) -> tuple[str, ...]:
    """The countries whose papers write in ``lang`` (``[names] home``)."""
    return tuple(load_language(lang).names.get("home", []))


def _home(name: Name, lang: str) -> bool:
    """Whether ``name`` is a country whose papers write in ``lang``: a desk there leaves its own country
    unnamed ("in the south-east" where foreign desks write "in south-east Poland")."""
    return any(same_name(name, h, partial=False) for h in _homes(lang))


@lru_cache(maxsize=64)
def _saints(lang: str) -> frozenset[str]:
    """The words that make a name a saint's in ``lang`` (``[names] saints``), without apostrophes and dots."""
    return frozenset(w.casefold().strip("'’.") for w in load_language(lang).names.get("saints", []))


def _saint(text: str, lang: str) -> bool:
    """Whether ``text`` (a name or a word) opens with a saint word: "Santa Giustina", "Sant'Antonio", "św."."""
    first = re.split(r"[\s\-'’.]", text.strip(), maxsplit=1)[0].casefold()
    return bool(first) and first in _saints(lang)


def _saint_named(name: Name, start: int, text: str, langs: dict[str, str]) -> bool:
    """Whether ``name`` (at ``start`` in ``text``) is a saint's: it opens with a saint word of one of the
    versions' languages ("Santa Giustina" in a German text too), or one stands right before it ("św. Barbary")."""
    before = text[:start].split()
    return any(_saint(name.text, x) or (bool(before) and _saint(before[-1], x)) for x in set(langs.values()))


def _translated(name: Name, versions: list[str], names: dict[str, list[tuple[int, Name]]],
                langs: dict[str, str]) -> bool:
    """Whether the versions naming ``name`` mostly write it in plain words (``_plain_words``): their own
    mentions of it are plain in their language, or its words are plain in half of their languages."""
    held = [x for x in versions if _has(names[x], name)]
    own = [m for x in held for _, m in names[x] if same_name(m, name) and _plain_words(m.text, langs[x])]
    return len(own) * 2 > len(held) or sum(_plain_words(name.text, langs[x]) for x in held) * 2 >= len(held)


def _distinctive_words(text: str, lang: str) -> str:
    """The distinctive words of a name as written (for the model to compare)."""
    data = load_language(lang)
    words = [m.group() for m in _WORDS.finditer(text)]
    rare = [w for w in words if len(w) >= 3 and (w.isupper() or not _is_common(w, data))]
    return " ".join(rare or words)


def _rendered_by_a_word(ctx: FlagContext, name_words: str, text: str) -> bool:
    """Whether the model reads a word of ``text`` as a translation of a name's distinctive words: a name
    made an adjective or inflected past the stem rules ("lungo l'arco alpino" for "entlang der Alpen",
    "do Jeziora Białego" for "al lago Białe"). Judged like ``_read_as_translations``."""
    words = sorted({w for w in _WORDS.findall(text) if len(w) >= 4})
    if ctx.embed_fn is None or ctx.calibration is None or not words or not name_words:
        return False
    vectors = ctx.embed_fn([name_words, *words])
    faithful = ctx.thresholds["faithful"]
    return any(ctx.calibration.similarity(float(vectors[0] @ w)) >= faithful for w in vectors[1:])


def _forms(name: Name, carriers: list[str], names: dict[str, list[tuple[int, Name]]], langs: dict[str, str],
           source_lang: str) -> list[tuple[str, str]]:
    """Each carrier's spelling of a name, with its language: "Lapponia", "Laponie", "Lapónia" (one of them may be
    closer to the version's own word, "Lappland", or name, "Trzustka Północ" for "Pancreas Nord", than the
    others; which carrier comes first must not decide)."""
    forms = {(m.text, langs[w]) for w in carriers for _, m in names.get(w, []) if same_name(m, name)}
    return sorted(forms) or [(name.text, source_lang)]


def _unshared(a: str, b: str) -> tuple[str, str]:
    """Two names' words without those they share up to a case ending, when each keeps one: the given
    names of "Lena Harrach" / "Tobias Harrach" (namesakes), whom the shared surname would make close."""
    wa, wb = a.split(), b.split()
    ka, kb = [_token_key(w) for w in wa], [_token_key(w) for w in wb]
    ra = [w for w, k in zip(wa, ka) if not any(_same_token(k, o) for o in kb)]
    rb = [w for w, k in zip(wb, kb) if not any(_same_token(k, o) for o in ka)]
    return (" ".join(ra), " ".join(rb)) if ra and rb else (a, b)


def _other_given_name(a: str, b: str) -> bool:
    """Whether two person names share the surname (the last word, up to a case ending) and no other word:
    another person of the family, or the same surname given to someone else ("Monika Brenner" for "Claudia
    Brenner"). Desks do not translate a living person's given name (the exonym table has the popes and
    saints who are); they inflect it ("Pawła", "Leę", "Sandrowi"), which keeps its consonants."""
    wa, wb = a.split(), b.split()
    if len(wa) < 2 or len(wb) < 2 or not same_name(wa[-1], wb[-1]):
        return False
    return not any(_same_given(x, y) for x in wa[:-1] for y in wb[:-1])


def _same_given(x: str, y: str) -> bool:
    """Whether two given names are one up to an inflection: the consonants of the shorter open the other's
    ("Paweł" / "Pawła", "Sandro" / "Sandrowi", "Lea" / "Leę"; not "Marta" / "Marco")."""
    short, long = sorted((_consonants(x), _consonants(y)), key=len)
    return bool(short) and long.startswith(short)


def _consonants(word: str) -> str:
    return "".join(c for c in _token_key(word) if c.isalpha() and c not in "aeiouy")


def _read_as_translations(ctx: FlagContext, a: str, a_lang: str, b: str, b_lang: str) -> tuple[bool, float | None]:
    """Whether the model reads two names as translations of each other, and how close it puts their
    distinctive words (a calibrator feature; None without an embedder). The distinctive words decide
    for names that share a word ("Veltro" and "Orvane" of "Veltro Systems" / "Orvane Systems"; "Niemiec"
    and "Germania" are close); names with no word in common are also compared whole, which a name of
    common words rendered word by word needs ("Trzustka Północ" / "Pancreas Nord")."""
    faithful = ctx.thresholds["faithful"]
    close = ctx.similarity(*_unshared(_distinctive_words(a, a_lang), _distinctive_words(b, b_lang)))
    if _other_given_name(a, b):
        return False, close  # "Monika Brenner" for "Claudia Brenner": the model puts two given names close
    if _other_places(a, b):
        return False, close  # "Koblencji" for "Câmara de Ofícios de Tréveris": the model puts two cities close
    if close is not None and close >= faithful:
        return True, close
    if {w.casefold() for w in _WORDS.findall(a)} & {w.casefold() for w in _WORDS.findall(b)}:
        return False, close
    whole = ctx.similarity(a, b)
    return whole is not None and whole >= faithful, close


def _other_places(a: str, b: str) -> bool:
    """Whether two names each hold a place of the exonym table and share none: "Koblencji" and "Câmara de
    Ofícios de Tréveris" name different cities, however close the model puts them."""
    places_a = {k for w in [a, *_WORDS.findall(a)] if (k := _exonym(w)) is not None}  # "Monaco di Baviera" whole too
    places_b = {k for w in [b, *_WORDS.findall(b)] if (k := _exonym(w)) is not None}
    return bool(places_a) and bool(places_b) and places_a.isdisjoint(places_b)


def mentioned(name: Name, name_lang: str, text: str, *, capitalised: bool = False, every: bool = False) -> bool:
    """Whether ``text`` (any language) mentions ``name``: one of its distinctive words (with ``every``,
    each of them), inflected or spelled another way (exonyms too), appears in it (with
    ``capitalised``, written with a capital)."""
    if says_exonym_phrase(name.key, text):
        return True  # "Monaco di Baviera" for "München": the extractor splits the phrase at "di"
    keys, stems = _index(text, capitalised)
    whole = name.key.split()
    if whole and all(_present(t, keys, stems) for t in whole) and any(
            all(_same_token(a, b) for a, b in zip(keys[k:k + len(whole)], whole))
            for k in range(len(keys) - len(whole) + 1)):
        return True
    found = [_present(d, keys, stems) or says_exonym_phrase(d, text) for d in _distinctive(name.text, name_lang)]
    return all(found) if every else any(found)


def _namesake(name: Name, text: str, lang: str) -> bool:
    """Whether ``text`` has a name's surname only after other given names: "Paweł Kędzierski" where the
    others have "Marta Kędzierska" (siblings, spouses: another person), not the name itself."""
    words = name.key.split()
    if len(words) < 2:
        return False
    given, surname = words[:-1], words[-1]
    keys, stems = _index(text, False)
    if any(_present(g, keys, stems) for g in given):
        return False
    raw, tkeys = _word_keys(text)
    hits = [i for i, k in enumerate(tkeys) if _same_token(surname, k)]
    return bool(hits) and all(
        i > 0 and raw[i - 1][:1].isupper() and is_name_word(raw[i - 1], lang)
        and not any(_same_token(g, tkeys[i - 1]) for g in given) for i in hits)


def _names_here(name: Name, name_lang: str, text: str, lang: str) -> bool:
    """Whether ``text`` (in ``lang``) mentions ``name`` itself, not only a namesake of it."""
    return mentioned(name, name_lang, text) and not _namesake(name, text, lang)


def _head_mentioned(name: Name, lang: str, text: str, missing: Name) -> bool:
    """Whether ``text`` mentions the last distinctive word of a name of several words, a word the
    ``missing`` name does not share: the surname of "Giuseppe Verdiego" (a version that gives a first
    name the others leave out names no one new), not the "Systems" of "Veltro Systems" against
    "Orvane Systems"."""
    words = _distinctive(name.text, lang)
    if len(name.text.split()) < 2 or not words or any(_same_token(words[-1], k) for k in missing.key.split()):
        return False
    keys, stems = _index(text, False)
    return _present(words[-1], keys, stems)


_ROMAN = re.compile(r"^[IVXLC]+(?:e|er|ème|º|°|\.)?$")


def _usable(name: Name) -> bool:
    """Names worth comparing: not a Roman numeral (a century: "XVIe" against "16.")."""
    return not _ROMAN.match(name.text)


def _initial(text: str, pos: int) -> bool:
    """Whether ``pos`` starts a sentence (a capitalised first word may be any word)."""
    before = text[:pos].rstrip()
    return not before or before[-1] in ".!?:«»\"„“”\n"


@finder("entity")
def find_entities(ctx: FlagContext) -> list[Finding]:
    """``entity`` candidates: a name most versions carry that one version drops or replaces."""
    out: list[Finding] = []
    whole: dict[str, str] = {v: ctx.documents[v].text for v in ctx.versions}
    lead = standfirst(ctx)
    for group in ctx.alignment.groups:
        present = [v for v in ctx.versions_in(group) if group_text(ctx, group, v)[0].strip()]
        if len(present) < 2:
            continue
        names = {v: _names(ctx, group, v) for v in present}
        lead_group = in_standfirst(ctx, group, lead)  # each desk's own summary: its names move freely
        titled = any(ctx.index[m].role == "title" for m in group.members)
        texts = {v: group_text(ctx, group, v)[0] for v in present}
        langs = {v: ctx.documents[v].lang for v in present}
        for v in present:
            others = [w for w in present if w != v]
            missing: dict[str, tuple[Name, list[str]]] = {}
            for w in others:
                for s, n in names[w]:
                    if any(same_name(n, m) for m, _ in missing.values()):
                        continue
                    if _has(names[v], n) or _names_here(n, langs[w], texts[v], langs[v]):
                        continue
                    if _translated(n, others, names, langs):
                        continue  # "Cultura", "Regione", "Unione Regionale": translated, not spelled alike
                    if _home(n, langs[v]):
                        continue  # "nel sud-est della Polonia" where the Polish desk says "na Podkarpaciu"
                    if (_saint_named(n, s, whole[w], langs)
                            and any(_saint(word, langs[v]) for word in _WORDS.findall(texts[v]))):
                        continue  # "Santa Giustina" (in any version's language) where pl says "św. Justyny"
                    carriers = [x for x in others
                                if _has(names[x], n) or mentioned(n, langs[w], texts[x], capitalised=True)]
                    if len(others) == 1:
                        if v == ctx.reference:
                            continue  # two versions: the reference's side counts as right
                    elif len(carriers) * 2 <= len(others):
                        continue  # not the majority's name
                    absent = [x for x in ctx.versions if x not in present]
                    if absent and (len(carriers) + sum(mentioned(n, langs[w], whole[x], capitalised=True)
                                                       for x in absent)) * 2 <= len(ctx.versions) - 1:
                        continue  # a group without some versions: most of the article's others never name it
                    missing[n.key] = (n, carriers)
            if not missing:
                continue
            for _key, (name, carriers) in missing.items():
                # the version's own names there that the carriers do not have: a swap
                mine_only = [(s, n) for s, n in names[v]
                             if not (len(n.text.split()) == 1 and _initial(whole[v], s))
                             and not any(mentioned(n, langs[v], whole[w], every=True)
                                         or _head_mentioned(n, langs[v], whole[w], name) for w in carriers)]
                source_lang = next(langs[w] for w in carriers if _has(names[w], name)) if any(
                    _has(names[w], name) for w in carriers) else langs[carriers[0]]
                moved = mentioned(name, source_lang, whole[v])  # named elsewhere in this version
                counterparts = tuple(ctx.span(ctx.members(group, w)) for w in carriers)
                features = {
                    "carriers": len(carriers) / max(1, len(others)),
                    "n_versions": float(len(present)),
                    "weak": float(_weak(name)),
                    "words": float(len(name.text.split())),
                    "swap": 0.0,
                    "close": 0.0,
                }
                forms = _forms(name, carriers, names, langs, source_lang)
                place = _place(ctx, group, v, carriers, name)
                # the version's own names in the clause where the carriers name it: a name the carriers
                # never use; else a full name they give elsewhere, not here (the claim is given to
                # another person: "Jonas Terhorst, head of the union, warned" where the others quote
                # Wilma Rosendahl). When the version names the missing one elsewhere too, only the
                # latter, and only against all the others: otherwise it reordered the story's names
                mine_only = [(s0, n) for s0, n in mine_only if place[0] <= s0 < place[1] and not moved]
                if not mine_only and (not moved or (len(carriers) == len(others) and not lead_group)):
                    mine_only = _given_elsewhere(names[v], _sentence_of(ctx, group, v, place), carriers, langs[v],
                                                 texts, whole, langs, own=whole[v])
                if not mine_only and not moved:
                    mine_only = _named_next(ctx, group, v, place, carriers, texts, whole, langs)
                if moved and not mine_only:
                    continue  # named elsewhere in this version: moved, not dropped
                if titled and not mine_only:
                    continue  # each desk's title names what it picks: a name left out of it is no divergence
                if not mine_only and any(_rendered_by_a_word(ctx, _distinctive_words(form, lang), texts[v])
                                         for form, lang in forms):
                    continue  # "lungo l'arco alpino" for "entlang der Alpen": the name as an adjective
                if mine_only:
                    # the name with the fewest common words: "Sergio Pellandini" rather than "Cultura da Unione"
                    # (an office) before it
                    start, own = min(mine_only, key=lambda p: _common_share(p[1].text, set(langs.values())))
                    end = start + len(own.text)
                    readings = [_read_as_translations(ctx, own.text, langs[v], form, lang) for form, lang in forms]
                    translated = any(r[0] for r in readings)
                    close = max((r[1] for r in readings if r[1] is not None), default=None)
                    if translated:
                        continue  # an exonym the table lacks, or a name of common words translated
                    features.update(swap=1.0, close=float(close) if close is not None else 0.0)
                    # a version that names the same other one here is a partner, not a dissenter (3 against
                    # 2: two versions swapped the name alike); the share is then of the others without it
                    partners = [w for w in others if w not in carriers and mentioned(own, langs[v], texts[w])]
                    if partners and len(others) - len(partners) >= 2:
                        features["carriers"] = len(carriers) / (len(others) - len(partners))
                    message = f"The {v} version names {own.text} where {join_names(carriers)} name {name.text}."
                else:
                    shared = [(s, n) for s, n in names[v] if any(_has(names[w], n) for w in carriers)]
                    if shared:
                        start = min(s for s, _ in shared)
                        end = max(s + len(n.text) for s, n in shared)
                    else:
                        start, end = place
                    message = (f"The {v} version does not name {name.text}, which {join_names(carriers)} "
                               f"name here.")
                cand = Candidate(kind="entity", version=v, start=start, end=end, counterparts=counterparts,
                                 severity="medium", score=0.7 if features["swap"] else 0.6, message=message,
                                 group=group.id)
                out.append(Finding(cand, "entity", features))
    return out


def _place(ctx: FlagContext, group: Group, v: str, carriers: list[str], name: Name) -> tuple[int, int]:
    """Where a dropped name belongs in ``v``: the clause rendering the carriers' clauses that name it.

    Every carrier votes for its naming clause's best counterpart in ``v`` (summed similarity):
    one carrier's word order can point at the wrong clause ("..., sono andati all'ingegnera X"),
    most carriers' clauses do not.
    """
    units = clauses_of(ctx, group, v)
    votes: dict[tuple[int, int], float] = {}
    for w in carriers:
        for s, n in _names(ctx, group, w):
            if same_name(n, name):
                target = unit_containing(clauses_of(ctx, group, w), s, s + len(n.text))
                match, sim = best_counterpart(ctx, target, units) if target is not None else (None, 0.0)
                if match is not None:
                    votes[(match.start, match.end)] = votes.get((match.start, match.end), 0.0) + max(sim, 1e-3)
                break
    if votes:
        return max(votes, key=lambda k: votes[k])
    span = ctx.span([s for s in ctx.members(group, v) if s.role not in QUIET_ROLES])
    return span.start, span.end


def _sentence_of(ctx: FlagContext, group: Group, v: str, place: tuple[int, int]) -> tuple[int, int]:
    """The span of ``v``'s sentence in ``group`` that holds ``place``: a quote's attribution is a clause
    of its own ("– Nikt nie zamyka … – powiedziała wiceburmistrz Renate Sommer") that the carriers'
    single clause («…», ha detto il sindaco Harald Venn) does not point at."""
    for seg in ctx.members(group, v):
        if seg.start <= place[0] < seg.end:
            return seg.start, seg.end
    return place


def _named_next(ctx: FlagContext, group: Group, v: str, place: tuple[int, int], carriers: list[str],
                texts: dict[str, str], whole: dict[str, str], langs: dict[str, str]) -> list[tuple[int, Name]]:
    """``_given_elsewhere`` on ``v``'s next sentence in the same paragraph, when it stands in another group:
    the quote that follows is given to another person ("«…», afirma Ryszard Kołodziej" where the others
    quote Halina Brzostek, whom they name a sentence earlier). The carriers must name that person in
    neither group."""
    start = _sentence_of(ctx, group, v, place)[0]
    segs = ctx.segments[v]
    here = next((s for s in ctx.members(group, v) if s.start <= start < s.end), None)
    if here is None or here.index + 1 >= len(segs):
        return []
    nxt = segs[here.index + 1]
    gid = ctx.alignment.group_of.get(nxt.id)
    if nxt.paragraph != here.paragraph or nxt.role in QUIET_ROLES or gid is None or gid == group.id:
        return []
    after = ctx.alignment.groups[gid]
    there = {w: group_text(ctx, after, w)[0] for w in carriers}
    lang = langs[v]
    return [(nxt.start + n.start, n) for n in names_of(nxt.text, lang)
            if _usable(n) and len(n.text.split()) >= 2
            and not any(_names_here(n, lang, texts[w], langs[w]) or _names_here(n, lang, there[w], langs[w])
                        for w in carriers)
            and all(mentioned(n, lang, whole[w]) for w in carriers)]


def _given_elsewhere(mine: list[tuple[int, Name]], place: tuple[int, int], carriers: list[str], lang: str,
                     texts: dict[str, str], whole: dict[str, str], langs: dict[str, str],
                     own: str = "") -> list[tuple[int, Name]]:
    """A version's full names (two words or more) inside ``place`` that every carrier gives elsewhere in
    its text, not in the group (where a namesake may stand: "Marta Kędzierska" for "Paweł Kędzierski").
    Single words are left out ("Filarmônica" is a common noun the others translate), except a surname its
    ``own`` text introduced with a given name ("sagte Kommandant Feldbauer" where the others quote the mayor),
    unless the carriers name that full name's first word here ("Lindmark" and "Castrovaldo" where the others
    say "Vesta" and "Olimpia": the clubs "Vesta Lindmark" and "Olimpia Castrovaldo")."""
    surnames = _introduced_surnames(own, lang) if own else frozenset()
    if surnames:
        here = {t.casefold() for w in carriers for t in _WORDS.findall(texts[w])}
        surnames = frozenset(w for w in surnames if not any(
            m.group(1).casefold() in here for m in _GIVEN_AND_SURNAME.finditer(own) if m.group(2) == w))
    return [(s, n) for s, n in mine if place[0] <= s < place[1]
            and (len(n.text.split()) >= 2 or n.text in surnames)
            and not any(_names_here(n, lang, texts[w], langs[w]) for w in carriers)
            and all(mentioned(n, lang, whole[w]) for w in carriers)]
