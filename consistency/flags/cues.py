"""Negation and hedging cues: small per-language lexicons matched on words.

What a sentence embedding barely sees ("nicht", "probabilmente") a word list sees
exactly. The lexicons live in ``consistency/data/lang/<code>.toml`` (sections
``[negation]`` and ``[hedging]``); this module only matches them:

- words are runs of letters and digits, hyphenated words and English negative
  contractions kept whole ("peut-être", "isn't"), elided articles and particles
  split off ("n'" + "existe", "d'" + "aucune"), casefolded, ’ read as ';
- a cue is a listed word or phrase, an elided ``prefix`` ("n'") or a ``suffix``
  ("n't"; for hedging, conditional endings such as "-rebbe" count as weak);
- phrases listed as ``not_negation`` / ``not_hedging`` ("not only", "nicht nur",
  "sans doute") hide the cues inside them, and a negation followed within three
  words by an ``only`` word is "not only" ("non riguardano solo");
- negative concord ("ne ... pas", "non ... mai", "nikt nie") counts once: cues
  closer than four words with no punctuation between are one negation;
- correlatives ("weder ... noch", "né", "ani", "nem") join the negation before them in the same
  sentence even across a comma: "Verletzt wurde niemand, weder unter den Passagieren noch ..." is
  one negation, as "Nikt z pasażerów ani członków załóg nie ..." is;
- a negation word after one of its ``nouns`` words is a noun ("au pas de tir");
- a negation, one word and a ``than`` word ("nie dłuższych niż 200 m", "nicht länger als") is a
  bound (= at most), not a negation;
- a "without" word and the negating particle in one negation are a double negation ("Ganz ohne
  Verzögerungen ging es nicht"), which affirms: no negation;
- a negation within four words of a ``since`` word with a year after it is a record ("nie było
  tak nisko od 2008 r." = "the lowest since 2008", "Nunca, desde 1987" = "for the first time since
  1987"), not a negation;
- a lone ``never`` word right after a ``than_ever`` word with a ``comparatives`` word at most four
  words before ("più affollata che mai", "mais visitantes do que nunca") is "than ever", a record;
- a lone ``never`` word with one or two words between it and a ``comparatives`` word before it ("la più alta
  mai rilevata", "la plus élevée jamais enregistrée") is "ever" after a superlative, not a negation;
- a negation within three words of a ``bound_words`` word (exceed, reach, before) with a number near it
  ("não ultrapassava os 16", "nie przekraczała 16 węzłów", "non prima di 14 giorni") is a bound (at most,
  below, at the earliest), which the others say with the number alone, "below" or "only after": not a
  negation;
- a negation right after an ``almost`` word ("prawie już nie ma", "quase ninguém", "fast keine"), or
  just before an ``almost_after`` word ("ne s'accorde presque plus"), is an approximate quantity, which
  the others say as "few", "hardly" or "almost gone": not a negation;
- French restrictive "ne ... que" (= only) is not a negation;
- cues inside a quotation of at most four words are part of a name or a title
  («Tram no»).

A language without a data file has no cues: its versions are never compared on
negation or hedging (never a guess).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable

from ..datafiles import WordList, read_data, word_list
from .numbers import load_language, normalise_lang

__all__ = ["Cue", "CueProfile", "Lexicon", "Token", "cues", "lexicon", "negations", "profile", "profile_of", "says_first",
           "says_most", "says_never", "says_not_in_years", "says_stopped", "says_forecast", "says_threatened", "is_risk", "tokens"]

# an English negative contraction ("isn't") is one word; an elided article or particle ("l'", "d'",
# "n'", "dell'") is a word of its own; hyphenated words stay whole ("peut-être")
_WORD = re.compile(r"\w+n['’]t\b|\w+['’](?=\w)|\w+(?:-\w+)*", re.UNICODE)
# a listed phrase may end in an elided word ("rien qu'"), which the text writes joined to the next one
_ENTRY_WORD = re.compile(r"\w+n['’]t\b|\w+['’](?=\w|$)|\w+(?:-\w+)*", re.UNICODE)
_CONCORD_WINDOW = 4  # negation cues this close (in words), with no punctuation between, are one negation


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    norm: str  # casefolded, ’ -> '


@dataclass(frozen=True)
class Cue:
    """One negation or hedging cue in a text."""

    start: int
    end: int
    text: str
    kind: str  # "negation", "hedge" (strong), "weak" (could, might), "modal" (can, may), "expect" (is expected to,
    # dovrebbe, devrait), "booster" or "conditional"
    soft: bool = False  # a negation of "without" words or of a purpose ("per non"), which translators render freely


@dataclass(frozen=True)
class CueProfile:
    """How many cues of each kind a text has."""

    negations: int
    hedges: int
    weak: int
    boosters: int
    modal: int = 0
    conditional: int = 0  # conditionals that report nothing ("che avrebbe prolungato"): mood, not doubt
    expect: int = 0  # expectations ("dovrebbe essere pubblicato", "devrait", "voraussichtlich")

    @property
    def hedged(self) -> bool:
        """Any hedging cue, modals and expectations included."""
        return bool(self.hedges or self.weak or self.modal or self.expect)

    @property
    def certainty(self) -> int:
        """0: a strong hedge; 1: a weak one (could, might); 2: only a modal (can, may) or an expectation; 3: none."""
        if self.hedges:
            return 0
        if self.weak:
            return 1
        return 2 if self.modal or self.expect else 3

    @property
    def likely(self) -> bool:
        """A strong hedge or an expectation: "probabilmente" = "dovrebbe" = "devrait" = "voraussichtlich"."""
        return bool(self.hedges or self.expect)


@dataclass(frozen=True)
class Lexicon:
    """The cue lists of one language, as token tuples."""

    lang: str
    negation: frozenset[tuple[str, ...]]
    neg_prefixes: tuple[str, ...]
    neg_suffixes: tuple[str, ...]
    not_negation: frozenset[tuple[str, ...]]
    soft: frozenset[str]  # "senza", "ohne": a negation that is often a wording ("senza codice" = "chi non ha il codice")
    purpose: frozenset[str]  # "per", "by": "per non disturbare" is often "to protect" elsewhere, a soft negation too
    only: frozenset[str]  # "not ... only" is not a negation ("non riguardano solo")
    correlatives: frozenset[str]  # "weder", "noch", "né", "ani": part of the negation before them
    concord: frozenset[str]  # "aucun", "nikt": a negative word that takes the particle later in its clause
    than: frozenset[str]  # "niż", "als": "nie dłuższych niż 200 m" is a bound, not a negation
    since: frozenset[str]  # "seit", "desde", "od": "nie było od 2008 r." is a record, not a negation
    particles: frozenset[str]  # "non", "nicht", "nie": with a "without" in one negation, a double negation
    almost: frozenset[str]  # "quasi", "fast", "prawie": "almost no" is a quantity, not a negation
    almost_after: frozenset[str]  # "presque": "ne s'accorde presque plus" is "hardly", not a negation
    first: frozenset[str]  # "prima", "erstmals", "pierwszy": "never before" says "the first" (``says_first``)
    never: frozenset[str]  # "mai", "jamais", "nigdy": with a ``most`` word in the others, a record
    yet: frozenset[str]  # "noch", "jeszcze": "noch niemand" is "nobody ever", a ``never``
    than_ever: frozenset[str]  # "che", "que": "più che mai" is "more than ever", a record
    comparatives: frozenset[str]  # "più", "meno", "plus": the comparison that "than ever" closes
    most: WordList  # "più", "größte", "naj*": superlatives and records
    stopped: WordList  # "smess*", "cessé", "przestał*": "stopped arriving" is what "kamen keine mehr an" says
    absent: WordList  # "deserto", "unbesetzt", "esgotados": "empty" is what "nobody was there" says
    unexpected: WordList  # "sorpresa", "überraschend", "zaskoczyła": "a surprise" is what "we did not expect it" says
    other: WordList  # "altro", "anders", "autre": "another place than" is what "a place that is not" says
    few: WordList  # "pochi", "wenige", "rzadko": "few" is what "not many" says
    many: WordList  # "molti", "viele", "często": the word a "not many" negation turns into "few"
    bound_words: WordList  # "superava", "erreich*", "prima": with a number near it, the negation is a bound
    bound_number_first: bool  # the bound's number may stand before the negation (verb last: "16 Knoten nicht überstieg")
    more_than: frozenset[tuple[str, ...]]  # "mais de", "mehr als": with a number after it, the negation is a cap
    instead: frozenset[tuple[str, ...]]  # "anziché", "au lieu": "X instead of Y" says "X, not Y" (``says_instead``)
    rather: frozenset[tuple[str, ...]]  # "sondern", "bensì": "not X but Y" corrects, ``corrected_after``
    too_early: frozenset[tuple[str, ...]]  # "troppo presto", "zu früh": "too early to say" says "cannot say yet"
    number_words: frozenset[str]  # "fünf", "cinque": numbers written as words
    ones: frozenset[str]  # "un", "eine", "uma": "one" or an article
    round_numbers: frozenset[str]  # "vingtaine", "Dutzend": about a number
    years: frozenset[str]  # "Jahren", "anni", "lat": the number before them is a span of years
    nouns: dict[str, frozenset[str]]  # a negation word that is a noun after these words ("au pas de tir")
    # "não perecíveis", "non riciclabili": this word right before an adjective with one of these endings
    # makes a new adjective, as "un-" does ("unverderblich"); no negation of the clause
    privative: frozenset[str]
    privative_suffixes: tuple[str, ...]
    privative_words: frozenset[str]
    privative_after: frozenset[str]  # articles: "la non autosufficienza" is a noun
    restrictive: tuple[tuple[str, str], ...]
    rule_out_verbs: frozenset[str]  # "schloss": "rule out" split around its object, closed by
    rule_out_particle: str  # "aus"
    unchanged_verbs: frozenset[str]  # "ändert": a "nicht"/"nichts" after one in its clause says "unchanged"
    restrictive_window: int
    # French expletive "ne" ("avant qu'ils ne partent"): after one of these and "que", with no
    # "pas" after it, "ne" negates nothing
    expletive_after: frozenset[str]
    # Italian "finché ... non" (until): the particle after one of these in its clause negates nothing
    expletive_until: frozenset[str]
    strong: frozenset[tuple[str, ...]]
    weak: frozenset[tuple[str, ...]]
    modal: frozenset[tuple[str, ...]]
    expect: frozenset[tuple[str, ...]]
    weak_suffixes: tuple[str, ...]
    not_hedging: frozenset[tuple[str, ...]]
    fear: frozenset[str]  # "fürchtete", "craignaient": a "could" after them is what was feared, not a hedge
    risk: WordList  # "rischia", "risque", "droht": a weak cue with one is a "risks to" cue
    threatened: WordList  # "minacciat*", "menacé*", "zagrożon*": what "rischia di scomparire" says without a hedge
    forecast: WordList  # "previsioni", "Prognose", "prognoz*": a forecast's figures are hedged by what they are
    # the reporting conditional ("auraient déjà transmis": reportedly) and what makes it another conditional
    reportative: frozenset[str]
    reportative_not_after: frozenset[str]  # "que", "si", "selon" before it: a future in the past, a condition, a source
    reportative_not_with: frozenset[str]  # "si", "se" anywhere in the sentence: a condition
    # German "soll ... blockiert haben": a modal with a perfect infinitive after it reports a claim
    said_modal: frozenset[str]
    reporting: WordList  # ``[clauses] reporting``: "sagte", "ha detto" (a short quotation before one is direct speech)
    perfect: frozenset[str]
    reportative_not_before: frozenset[str]  # "dû", "potuto" after it: "should have", "could have"
    boosters: frozenset[tuple[str, ...]]
    longest: int  # the longest phrase, in tokens

    @property
    def empty(self) -> bool:
        return not (self.negation or self.strong or self.weak)


def _norm(word: str) -> str:
    return word.casefold().replace("’", "'")


def _phrases(items: Any) -> frozenset[tuple[str, ...]]:
    out = set()
    for item in items or []:
        toks = tuple(_norm(m.group()) for m in _ENTRY_WORD.finditer(str(item)))
        if toks:
            out.add(toks)
    return frozenset(out)


@lru_cache(maxsize=64)
def lexicon(lang: str) -> Lexicon:
    """The cue lexicon of a language (empty for a language without a data file)."""
    code = normalise_lang(lang)
    data = (read_data(f"lang/{code}.toml") if re.fullmatch(r"[a-z]{2,3}", code) else None) or {}
    neg: dict[str, Any] = data.get("negation", {})
    hed: dict[str, Any] = data.get("hedging", {})
    sets = [_phrases(neg.get("words")), _phrases(neg.get("not_negation")), _phrases(hed.get("strong")),
            _phrases(hed.get("weak")), _phrases(hed.get("not_hedging")), _phrases(hed.get("boosters")),
            _phrases(hed.get("modal")), _phrases(hed.get("expect"))]
    longest = max((len(p) for s in sets for p in s), default=1)
    return Lexicon(
        lang=code,
        negation=sets[0],
        neg_prefixes=tuple(_norm(p) for p in neg.get("prefixes", [])),
        neg_suffixes=tuple(_norm(p) for p in neg.get("suffixes", [])),
        not_negation=sets[1],
        soft=frozenset(_norm(w) for w in neg.get("soft", [])),
        purpose=frozenset(_norm(w) for w in neg.get("purpose", [])),
        only=frozenset(_norm(w) for w in neg.get("only", [])),
        correlatives=frozenset(_norm(w) for w in neg.get("correlatives", [])),
        concord=frozenset(_norm(w) for w in neg.get("concord", [])),
        than=frozenset(_norm(w) for w in neg.get("than", [])),
        since=frozenset(_norm(w) for w in neg.get("since", [])),
        particles=frozenset(_norm(w) for w in neg.get("particles", [])),
        almost=frozenset(_norm(w) for w in neg.get("almost", [])),
        almost_after=frozenset(_norm(w) for w in neg.get("almost_after", [])),
        first=frozenset(_norm(w) for w in neg.get("first", [])),
        never=frozenset(_norm(w) for w in neg.get("never", [])),
        yet=frozenset(_norm(w) for w in neg.get("yet", [])),
        than_ever=frozenset(_norm(w) for w in neg.get("than_ever", [])),
        comparatives=frozenset(_norm(w) for w in neg.get("comparatives", [])),
        most=word_list(_norm(w) for w in neg.get("most", [])),
        stopped=word_list(_norm(w) for w in neg.get("stopped", [])),
        absent=word_list(_norm(w) for w in neg.get("absent", [])),
        unexpected=word_list(_norm(w) for w in neg.get("unexpected", [])),
        other=word_list(_norm(w) for w in neg.get("other", [])),
        few=word_list(_norm(w) for w in neg.get("few", [])),
        many=word_list(_norm(w) for w in neg.get("many", [])),
        bound_words=word_list(_norm(w) for w in neg.get("bound_words", [])),
        bound_number_first=bool(neg.get("bound_number_first", False)),
        more_than=_phrases(neg.get("more_than")),
        instead=_phrases(neg.get("instead")),
        rather=_phrases(neg.get("rather")),
        too_early=_phrases(neg.get("too_early")),
        # not "one": "un", "eine", "um" are articles too ("non supera una soglia" is a negation)
        number_words=frozenset(w for w, v in load_language(code).words.items() if v != 1) if data else frozenset(),
        ones=frozenset(w for w, v in load_language(code).words.items() if v == 1) if data else frozenset(),
        round_numbers=frozenset(_norm(w) for w in neg.get("round_numbers", [])),
        years=frozenset(_norm(s) for s, unit in load_language(code).units if unit == "y") if data else frozenset(),
        nouns={_norm(w): frozenset(_norm(x) for x in before) for w, before in neg.get("nouns", {}).items()},
        privative=frozenset(_norm(w) for w in neg.get("privative", [])),
        privative_suffixes=tuple(_norm(s) for s in neg.get("privative_suffixes", [])),
        privative_words=frozenset(_norm(w) for w in neg.get("privative_words", [])),
        privative_after=frozenset(_norm(w) for w in neg.get("privative_after", [])),
        restrictive=tuple((_norm(a), _norm(b)) for a, b in neg.get("restrictive", [])),
        rule_out_verbs=frozenset(_norm(w) for w in neg.get("rule_out_split", {}).get("verbs", [])),
        rule_out_particle=_norm(neg.get("rule_out_split", {}).get("particle", "")),
        unchanged_verbs=frozenset(_norm(w) for w in neg.get("unchanged_verbs", [])),
        restrictive_window=int(neg.get("restrictive_window", 6)),
        expletive_after=frozenset(_norm(w) for w in neg.get("expletive_after", [])),
        expletive_until=frozenset(_norm(w) for w in neg.get("expletive_until", [])),
        strong=sets[2],
        weak=sets[3],
        modal=sets[6],
        expect=sets[7],
        weak_suffixes=tuple(_norm(p) for p in hed.get("weak_suffixes", [])),
        not_hedging=sets[4],
        fear=frozenset(_norm(w) for w in hed.get("fear", [])),
        risk=word_list(_norm(w) for w in hed.get("risk", [])),
        threatened=word_list(_norm(w) for w in hed.get("threatened", [])),
        forecast=word_list(_norm(w) for w in hed.get("forecast", [])),
        reportative=frozenset(_norm(w) for w in hed.get("reportative", [])),
        reportative_not_after=frozenset(_norm(w) for w in hed.get("reportative_not_after", [])),
        reportative_not_with=frozenset(_norm(w) for w in hed.get("reportative_not_with", [])),
        reportative_not_before=frozenset(_norm(w) for w in hed.get("reportative_not_before", [])),
        said_modal=frozenset(_norm(w) for w in hed.get("said_modal", [])),
        reporting=word_list(_norm(w) for w in data.get("clauses", {}).get("reporting", [])),
        perfect=frozenset(_norm(w) for w in hed.get("perfect", [])),
        boosters=sets[5],
        longest=longest,
    )


def tokens(text: str) -> list[Token]:
    """The words of a text with their offsets (hyphenated and elided forms whole)."""
    return list(_tokens(text))


@lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[Token, ...]:
    return tuple(Token(m.start(), m.end(), _norm(m.group())) for m in _WORD.finditer(text))


@lru_cache(maxsize=256)
def _lengths(phrases: frozenset[tuple[str, ...]]) -> dict[str, tuple[int, ...]]:
    """First word -> lengths of the phrases starting with it, longest first."""
    out: dict[str, set[int]] = {}
    for p in phrases:
        out.setdefault(p[0], set()).add(len(p))
    return {k: tuple(sorted(v, reverse=True)) for k, v in out.items()}


def _phrase_at(toks: list[Token], i: int, phrases: frozenset[tuple[str, ...]], longest: int) -> int:
    """Length (in tokens) of the longest phrase of ``phrases`` starting at token i, or 0."""
    for n in _lengths(phrases).get(toks[i].norm, ()):
        if n <= len(toks) - i and (n == 1 or tuple(t.norm for t in toks[i : i + n]) in phrases):
            return n
    return 0


def _elided(norm: str, prefixes: tuple[str, ...]) -> bool:
    return any(norm.startswith(p) and len(norm) > len(p) or norm == p for p in prefixes)


def _punct_between(text: str, a: Token, b: Token) -> bool:
    return bool(re.search(r"[,;:.!?()\[\]–—]", text[a.end : b.start]))


def cues(text: str, lang: str) -> list[Cue]:
    """Every negation and hedging cue of ``text`` in reading order (negative concord merged)."""
    return list(_cues(text, lang))


@lru_cache(maxsize=2048)
def _cues(text: str, lang: str) -> tuple[Cue, ...]:
    lex = lexicon(lang)
    if lex.empty:
        return ()
    toks = tokens(text)
    hidden_neg: set[int] = set()  # tokens inside a not-negation phrase
    hidden_hedge: set[int] = set()
    out: list[Cue] = []
    neg_tokens: list[int] = []
    for verb, particle, negated in _rule_out_split(toks, lex, text):
        if negated is None:  # "schloss ... aus": ruled out
            out.append(Cue(toks[verb].start, toks[particle].end, text[toks[verb].start:toks[particle].end], "negation"))
        else:  # "schloss ... nicht aus": not ruled out, a possibility
            hidden_neg.add(negated)
            out.append(Cue(toks[negated].start, toks[particle].end, text[toks[negated].start:toks[particle].end], "weak"))
    hidden_neg.update(_unchanged_split(toks, lex, text))
    i = 0
    while i < len(toks):
        n = _phrase_at(toks, i, lex.not_negation, lex.longest)
        if n:
            hidden_neg.update(range(i, i + n))
        m = _phrase_at(toks, i, lex.not_hedging, lex.longest)
        if m:
            hidden_hedge.update(range(i, i + m))
        i += 1
    # hedges and boosters: longest phrase first, left to right
    i = 0
    while i < len(toks):
        if i in hidden_hedge:
            i += 1
            continue
        for kind, phrases in (("booster", lex.boosters), ("hedge", lex.strong), ("weak", lex.weak),
                              ("modal", lex.modal), ("expect", lex.expect)):
            n = _phrase_at(toks, i, phrases, lex.longest)
            if n:
                out.append(Cue(toks[i].start, toks[i + n - 1].end, text[toks[i].start : toks[i + n - 1].end], kind))
                i += n
                break
        else:
            t = toks[i]
            if lex.weak_suffixes and len(t.norm) > 5 and t.norm.endswith(lex.weak_suffixes):
                out.append(Cue(t.start, t.end, text[t.start : t.end], "weak"))
            elif t.norm in lex.reportative:
                kind = "hedge" if _reported(toks, i, lex, text) else "conditional"
                out.append(Cue(t.start, t.end, text[t.start : t.end], kind))
            elif t.norm in lex.said_modal and _perfect_after(toks, i, lex, text):
                out.append(Cue(t.start, t.end, text[t.start : t.end], "hedge"))
            i += 1
    index = {tok.start: n for n, tok in enumerate(toks)}
    if lex.fear:
        out = [c for c in out if not (c.kind in ("weak", "modal") and _feared(toks, index[c.start], lex, text))]
    # "nie ma nikogo, kto mógłby przejąć": a "could" in a relative clause on "nobody" is what nobody can do
    out = [c for c in out if not (c.kind == "weak" and _after_nobody(toks, index[c.start], lex, text))]
    # negation tokens; a negation stretch that touches a not-negation phrase is dropped whole
    # ("ne touchent pas seulement": "pas seulement" hides "ne ... pas")
    for i, t in enumerate(toks):
        if neg_tokens and neg_tokens[-1] >= i:
            continue  # inside a negation phrase already taken
        n = _phrase_at(toks, i, lex.negation, lex.longest)
        if n > 1:  # a phrase: "ruled out", "ha escluso"
            neg_tokens.extend(range(i, i + n))
        elif (n or _elided(t.norm, lex.neg_prefixes)
                or (lex.neg_suffixes and t.norm.endswith(lex.neg_suffixes))):
            if i and toks[i - 1].norm in lex.nouns.get(t.norm, ()):
                continue  # a noun: "au pas de tir"
            if (n == 1 and t.norm in lex.privative and i + 1 < len(toks)
                    and (toks[i + 1].norm.endswith(lex.privative_suffixes)
                         or toks[i + 1].norm in lex.privative_words)
                    and text[t.end:toks[i + 1].start].strip() in ("", "-")):
                continue  # an adjective: "produtos não perecíveis" = "haltbare Produkte", "eau non comprise"
            if (n == 1 and t.norm in lex.privative and i and toks[i - 1].norm in lex.privative_after
                    and not text[toks[i - 1].end:t.start].strip()):
                continue  # a noun after an article: "la non autosufficienza" = "Pflegeversicherung"
            neg_tokens.append(i)
    neg_tokens = _drop_restrictive(toks, neg_tokens, lex, text)
    neg_tokens = _drop_expletive(toks, neg_tokens, lex, text)
    # negative concord: nearby cues in one stretch without punctuation are one negation; a correlative
    # joins the negation before it anywhere in the sentence
    groups: list[list[int]] = []
    for i in neg_tokens:
        if groups and ((i - groups[-1][-1] <= _CONCORD_WINDOW
                        and not _punct_between(text, toks[groups[-1][-1]], toks[i]))
                       or (toks[i].norm in lex.correlatives
                           and not _sentence_between(text, toks[groups[-1][-1]], toks[i]))
                       or _concord(toks, groups[-1], i, lex, text)):
            groups[-1].append(i)
        else:
            groups.append([i])
    doubled = _doubled(toks, groups, lex, text)
    for n, g in enumerate(groups):
        if (any(i in hidden_neg for i in g) or _not_only(toks, g[-1], lex, text) or _bound(toks, g, lex)
                or _bounded(toks, g, lex, text) or _capped(toks, g, lex, text) or _record(toks, g, lex, text)
                or _than_ever(toks, g, lex, text) or _ever_after_superlative(toks, g, lex, text)
                or _approximate(toks, g, lex, text) or _only_complement(toks, g, lex, text) or n in doubled):
            continue
        a, b = toks[g[0]], toks[g[-1]]
        out.append(Cue(a.start, b.end, text[a.start : b.end], "negation", _soft(toks, g, lex, text)))
    # cues inside a short quotation are part of a name or a title («Tram no», "No al tram")
    quoted = _short_quotes(text, lang)
    out = [c for c in out if not any(a <= c.start and c.end <= b for a, b in quoted)]
    out.sort(key=lambda c: (c.start, c.end))
    return tuple(out)


def _soft(toks: list[Token], group: list[int], lex: Lexicon, text: str) -> bool:
    """Whether the negation ``group`` is one translators render freely: "without" words, or one with the negative
    word right after it that it governs ("senza nessuno che se ne occupi" = "abandoned", "bez nikogo"; not "senza
    soldi nessuno può", not a particle), or a negation right after a purpose word ("per non disturbare" = "pour
    protéger")."""
    first = group[0]
    if all(toks[i].norm in lex.soft for i in group):
        return True
    if (toks[first].norm in lex.soft and group == list(range(first, first + len(group)))
            and not any(_listed(toks[i].norm, lex.particles) for i in group[1:])):
        return True
    return first > 0 and toks[first - 1].norm in lex.purpose and not text[toks[first - 1].end:toks[first].start].strip()


def _listed(norm: str, words: frozenset[str]) -> bool:
    """Whether a token is one of ``words``, or an elided form of one that ends in an apostrophe ("qu'une", "n'est")."""
    return norm in words or any(w.endswith("'") and norm.startswith(w) for w in words)


_SUBJECT_WINDOW = 10  # words between a negative subject ("aucun membre de la communauté") and its particle


def _concord(toks: list[Token], group: list[int], i: int, lex: Lexicon, text: str) -> bool:
    """Whether the particle at ``i`` completes the negative word that opens ``group`` ("aucun membre de la
    communauté n'est revenu", "nikt z członków gminy nie wrócił"): one negation, however long the subject."""
    head, t = toks[group[0]], toks[i]
    return (len(group) == 1 and head.norm in lex.concord and _listed(t.norm, lex.particles)
            and i - group[-1] <= _SUBJECT_WINDOW
            and not _punct_between(text, head, t))


def _reported(toks: list[Token], i: int, lex: Lexicon, text: str) -> bool:
    """Whether the conditional at ``i`` reports a claim ("Les deux satellites auraient déjà transmis leurs premiers
    signaux", "l'uomo avrebbe colpito"): a main clause without a source, a condition or a "without" in its
    sentence, no colon before it in the sentence (the source is named there), and no "dû" / "potuto" after
    it ("aurait dû" is "should have")."""
    lo = i
    while lo > 0 and not _sentence_between(text, toks[lo - 1], toks[i]):
        lo -= 1
    hi = i
    while hi + 1 < len(toks) and not _sentence_between(text, toks[i], toks[hi + 1]):
        hi += 1
    if any(_listed(toks[j].norm, lex.reportative_not_after) for j in range(lo, i)):
        return False
    if re.search(r":(?!\d)", text[toks[lo].start : toks[i].start]):
        return False  # the source before a colon ("Diversi residenti hanno protestato: molti avrebbero saputo …")
    if any(_listed(toks[j].norm, lex.reportative_not_with) for j in range(lo, hi + 1)):
        return False
    return not any(toks[j].norm in lex.reportative_not_before for j in range(i + 1, min(hi, i + 3) + 1))


_PERFECT_WINDOW = 12  # the most words from "soll" to the "haben" of its perfect infinitive


def _perfect_after(toks: list[Token], i: int, lex: Lexicon, text: str) -> bool:
    """Whether the ``said_modal`` at ``i`` takes a perfect infinitive: a participle and ``perfect`` ("haben",
    "sein") close after it with no punctuation between ("Ein Riss soll die Arbeiten sieben Monate lang
    blockiert haben" = reportedly blocked), which reports a claim; "soll 2027 fertig sein" is a plan."""
    for j in range(i + 2, min(len(toks), i + 1 + _PERFECT_WINDOW)):
        if _punct_between(text, toks[j - 1], toks[j]):
            return False
        if toks[j].norm in lex.perfect:
            word = toks[j - 1].norm  # a participle: "geschlagen", "angekommen", "blockiert", "worden"
            return (word.endswith(("t", "en")) and "ge" in word[:8]) or word.endswith("iert") or word == "worden"
    return False


def _after_nobody(toks: list[Token], i: int, lex: Lexicon, text: str) -> bool:
    """Whether the "could" at ``i`` opens a relative clause on a negative pronoun, two words before it
    ("nie ma nikogo, kto mógłby przejąć interes", "non c'è nessuno che potrebbe"): a capacity nobody has,
    which the others say as "nobody is ready to take over", not doubt about a claim."""
    word = toks[i - 2].norm if i >= 2 else ""
    nobody = (word,) in lex.negation and word not in lex.soft and not _listed(word, lex.particles)  # not "ohne", "non"
    return (nobody and not _sentence_between(text, toks[i - 2], toks[i])
            and not _punct_between(text, toks[i - 1], toks[i]))


def _feared(toks: list[Token], i: int, lex: Lexicon, text: str) -> bool:
    """Whether a fear word stands before token ``i`` in its sentence ("fürchtete, die Flammen könnten
    übergreifen"): the "could" then says what was feared, which the others word with a subjunctive."""
    for j in range(i - 1, max(-1, i - 8), -1):
        if _sentence_between(text, toks[j], toks[i]):
            return False
        if toks[j].norm in lex.fear:
            return True
    return False


def _sentence_between(text: str, a: Token, b: Token) -> bool:
    """Whether a sentence ends between ``a`` and ``b``: a "!" or "?", or a "." not followed by a lower-case
    word or a digit (the point of an abbreviation: "od 2023 r. mleczarnia nie używa", "ca. 40")."""
    for m in re.finditer(r"[.!?]", text[a.end : b.start]):
        after = text[a.end + m.end():].lstrip()
        if m.group() != "." or not after or not (after[0].islower() or after[0].isdigit()):
            return True
    return False


def _bound(toks: list[Token], group: list[int], lex: Lexicon) -> bool:
    """Whether a one-word negation is followed by one word and a ``than`` word: "nie dłuższych niż 200 m",
    "nicht länger als zwei Wochen", "no longer than" set a bound (at most), they negate nothing."""
    last = group[-1]
    return (len(group) == 1 and last + 2 < len(toks) and toks[last + 2].norm in lex.than
            and toks[last + 1].norm not in lex.than)


_BOUND_WINDOW = 3  # the most words between the negation and its ``bound_words`` word
_BOUND_NUMBER = 4  # the most words between the ``bound_words`` word and the number


def _bounded(toks: list[Token], group: list[int], lex: Lexicon, text: str) -> bool:
    """Whether the negation turns a ``bound_words`` word with a number near it, all in one stretch without
    punctuation: "a anterior não ultrapassava os 16", "nie przekraczała 16 węzłów", "überstieg 16 Knoten
    nicht", "não chega aos 16", "non prima di 14 giorni", "nicht vor fünf Uhr" set a bound on the number
    (at most 16, below 16, 14 days at the earliest), which the others say as "16", "only 16", "slower than
    16" or "only after 14 days"; the number check compares the values. A number before the negation counts
    only where the verb comes last (``bound_number_first``: "die 16 Knoten nicht überstieg")."""
    if not lex.bound_words:
        return False
    first, last = group[0], group[-1]
    for j in range(max(0, first - _BOUND_WINDOW), min(len(toks), last + _BOUND_WINDOW + 1)):
        if toks[j].norm not in lex.bound_words or (j < first and _punct_between(text, toks[j], toks[first])) \
                or (j > last and _punct_between(text, toks[last], toks[j])):
            continue
        for k in range(max(0, j - _BOUND_NUMBER), min(len(toks), j + _BOUND_NUMBER + 1)):
            if k < first and not lex.bound_number_first:
                continue  # a number before the negation is its subject ("Due attrazioni non hanno superato i controlli")
            a, b = (toks[k], toks[j]) if k < j else (toks[j], toks[k])
            number = any(ch.isdigit() for ch in toks[k].norm) or toks[k].norm in lex.number_words
            if number and (k == j or not _punct_between(text, a, b)):
                return True
    return False


_CAP_WINDOW = 10  # the most words between the negation and its ``more_than`` phrase


def _capped(toks: list[Token], group: list[int], lex: Lexicon, text: str) -> bool:
    """Whether a ``more_than`` phrase with a number right after it follows the negation in its stretch
    without punctuation: "nenhum membro pode subscrever mais de vinte" (no member may take more than
    twenty) caps the number, as the others' "at most twenty" does; the number check compares the values.
    A round numeral counts, after "one" or not ("ne dérive pas de plus d'une vingtaine de secondes")."""
    last = group[-1]
    for j in range(last + 1, min(len(toks), last + _CAP_WINDOW + 2)):
        if _punct_between(text, toks[last], toks[j]):
            return False
        n = _phrase_at(toks, j, lex.more_than, 0)
        if n and j + n < len(toks) and not _punct_between(text, toks[j], toks[j + n]):
            k = j + n
            if toks[k].norm in lex.ones and k + 1 < len(toks) and not _punct_between(text, toks[k], toks[k + 1]):
                k += 1
            after = toks[k].norm
            return any(ch.isdigit() for ch in after) or after in lex.number_words or after in lex.round_numbers
    return False


_DOUBLE_WINDOW = 6  # the most words from a "without" to the particle that doubles it


def _doubled(toks: list[Token], groups: list[list[int]], lex: Lexicon, text: str) -> set[int]:
    """The negations that make a double negation: a "without" word and the negating particle in one
    negation or in two next to each other in the same clause ("Ganz ohne Verzögerungen ging es
    allerdings nicht" = with some delays; "ça ne s'est pas fait sans mal"). Double negations affirm.
    A "without" with an n-word ("bez żadnych problemów", "senza nessun costo") stays one negation."""
    norms = [{toks[i].norm for i in g} for g in groups]
    out = {n for n, words in enumerate(norms) if words & lex.soft and words & lex.particles}
    for n in range(len(groups) - 1):
        a, b = groups[n], groups[n + 1]
        soft_then = norms[n] <= lex.soft and norms[n + 1] & lex.particles
        then_soft = norms[n] & lex.particles and norms[n + 1] <= lex.soft
        if ((soft_then or then_soft) and b[0] - a[-1] <= _DOUBLE_WINDOW
                and not _punct_between(text, toks[a[-1]], toks[b[0]])):
            out.update((n, n + 1))
    return out


_YEAR = re.compile(r"(1[89]|20)\d\d")
_RECORD_WINDOW = 4  # the most tokens from the negation to "since"
_RECORD_AFTER = 6  # ... when "since" follows it: the verb of a French "ne … plus" sits between ("n'était plus
# descendu aussi bas depuis 1985")
_RECORD_YEAR = 5  # the most tokens from "since" to its year


def _record(toks: list[Token], group: list[int], lex: Lexicon, text: str) -> bool:
    """Whether the negation is a record: a ``since`` word with a year after it, within four words of the
    negation on either side, in the same sentence. "Nunca, desde a sua criação em 1987, o prémio tinha
    distinguido", "nie było tak nisko od 2008 r.", "so niedrig wie seit 2008 nicht mehr" say what the
    others say as "for the first time since 1987", "the lowest since 2008"."""
    return _since(toks, group, lex, text, lambda k: bool(_YEAR.fullmatch(toks[k].norm)))


def _than_ever(toks: list[Token], group: list[int], lex: Lexicon, text: str) -> bool:
    """Whether a lone ``never`` word closes a comparison: "più affollata che mai", "mais visitantes do que
    nunca", "plus que jamais" say "more than ever", a record. A ``than_ever`` word right before it and a
    ``comparatives`` word at most four words before that, in one sentence ("la pista que nunca cerró" negates)."""
    i = group[0]
    if len(group) > 1 or toks[i].norm not in lex.never or not i or not _listed(toks[i - 1].norm, lex.than_ever):
        return False
    return any(toks[k].norm in lex.comparatives and not _sentence_between(text, toks[k], toks[i])
               for k in range(max(0, i - 1 - _RECORD_WINDOW), i - 1))


_SUPERLATIVE_GAP = 2  # "la plus haute température jamais": the most words between the comparative and "jamais"


def _ever_after_superlative(toks: list[Token], group: list[int], lex: Lexicon, text: str) -> bool:
    """Whether a lone ``never`` word follows a superlative closely: "la minima più alta mai rilevata", "la
    plus élevée jamais enregistrée" say "the highest ever", as "je gemessen" and "alguma vez" do: a
    ``comparatives`` word with one or two words (the adjective) between it and the ``never`` word, and no
    punctuation. Right before it, "plus jamais" is "never again", a negation."""
    i = group[0]
    if len(group) > 1 or toks[i].norm not in lex.never:
        return False
    return any(toks[k].norm in lex.comparatives and not _punct_between(text, toks[k], toks[i])
               for k in range(max(0, i - 1 - _SUPERLATIVE_GAP), i - 1))


def _since(toks: list[Token], group: list[int], lex: Lexicon, text: str, point: Callable[[int], bool]) -> bool:
    """Whether a ``since`` word lies within four words before the negation ``group`` or after it, in its sentence
    (or five and six words after it, in its clause), with a token that ``point`` accepts at most five words after
    it."""
    if not lex.since:
        return False
    first, last = group[0], group[-1]
    for j in range(max(0, first - _RECORD_WINDOW), min(len(toks), last + _RECORD_AFTER + 1)):
        if toks[j].norm not in lex.since or first <= j <= last:
            continue
        a, b = (toks[j], toks[first]) if j < first else (toks[last], toks[j])
        if _sentence_between(text, a, b) or (j > last + _RECORD_WINDOW and _punct_between(text, a, b)):
            continue  # further than four words, only within the clause ("nicht die erste, die das seit 1998 …")
        if any(point(k) for k in range(j + 1, min(len(toks), j + 1 + _RECORD_YEAR))):
            return True
    return False


def says_not_in_years(text: str, lang: str, start: int, end: int) -> bool:
    """Whether the negation at ``text[start:end]`` is "not in N years": a ``since`` word with a number of
    years after it near it ("so viele wie seit fünfzehn Jahren nicht mehr", "od piętnastu lat nie"). With a
    superlative in the others ("il numero più alto degli ultimi quindici anni") it is a record, as "never"
    is; on its own it may be a plain negation ("seit fünfzehn Jahren nicht renoviert")."""
    lex = lexicon(lang)
    toks = tokens(text)
    group = [i for i, t in enumerate(toks) if start <= t.start < end]
    if not group or not lex.years:
        return False

    def years(k: int) -> bool:
        return (k + 1 < len(toks) and toks[k + 1].norm in lex.years
                and (toks[k].norm.isdigit() or toks[k].norm in lex.number_words))

    return _since(toks, group, lex, text, years)


_ALMOST_GAP = 1  # the most words between an "almost" word and the negation ("prawie już nie")


def _approximate(toks: list[Token], group: list[int], lex: Lexicon, text: str) -> bool:
    """Whether the negation follows an ``almost`` word closely, with no punctuation between: "a skarg
    prawie już nie ma", "quase ninguém acreditava", "fast keine Beschwerden" say an amount ("almost
    gone", "few"), which the others write without a negation; so does an ``almost_after`` word just after it
    ("une cloche ne s'accorde presque plus")."""
    first = group[0]
    for j in range(max(0, first - 1 - _ALMOST_GAP), first):
        if toks[j].norm in lex.almost and not _punct_between(text, toks[j], toks[first]):
            return True
    # ... or, in a language that puts its particle before the verb, an ``almost_after`` word within three words
    # after it: "une cloche ne s'accorde presque plus" = "can hardly be tuned", "no queda casi nada"
    return any(toks[j].norm in lex.almost_after and not _punct_between(text, toks[first], toks[j])
               for j in range(first + 1, min(len(toks), first + 4)))


def says_first(text: str, lang: str) -> bool:
    """Whether ``text`` has a ``first`` word ("la prima qualificata", "erstmals", "po raz pierwszy"):
    what a negated record ("Noch nie hatte eine Qualifikantin gewonnen") says without a negation."""
    words = lexicon(lang).first
    return bool(words) and any(t.norm in words for t in tokens(text))


def _has_phrase(text: str, phrases: frozenset[tuple[str, ...]]) -> bool:
    toks = tokens(text)
    return bool(phrases) and any(_phrase_at(toks, i, phrases, 0) for i in range(len(toks)))


def says_instead(text: str, lang: str) -> bool:
    """Whether ``text`` has an ``instead`` phrase ("10,50 euro anziché 9", "au lieu de 9"): what "10,50 euro, a
    nie 9 euro" says with a negation."""
    return _has_phrase(text, lexicon(lang).instead)


def corrected_after(text: str, lang: str, start: int) -> bool:
    """Whether a ``rather`` word follows ``start`` (the end of a negation) in its sentence: "nicht wie geplant um
    9 Uhr, sondern erst um 9.40 Uhr" states the correction, which the others say plainly ("a retardé de 40
    minutes le début, prévu à 9 h")."""
    lex = lexicon(lang)
    if not lex.rather:
        return False
    toks = tokens(text)
    for i, t in enumerate(toks):
        if t.start < start:
            continue
        if i and _sentence_between(text, toks[i - 1], t):
            return False
        if _phrase_at(toks, i, lex.rather, lex.longest):
            return True
    return False


def says_too_early(text: str, lang: str) -> bool:
    """Whether ``text`` has a ``too_early`` phrase ("è troppo presto per dire", "il est trop tôt pour"): what "lässt
    sich noch nicht sagen" says with a negation."""
    return _has_phrase(text, lexicon(lang).too_early)


def says_most(text: str, lang: str) -> bool:
    """Whether ``text`` has a ``most`` word ("la commessa più importante", "der größte", "największy"): what
    "never such a big one" says without a negation."""
    most = lexicon(lang).most
    return bool(most) and any(t.norm in most for t in tokens(text))


def _has_word(text: str, words: WordList) -> bool:
    """Whether ``text`` has one of ``words``, as a token or a pair of tokens ("sold out", "por preencher")."""
    if not words:
        return False
    toks = tokens(text)
    return any(t.norm in words or (i + 1 < len(toks) and f"{t.norm} {toks[i + 1].norm}" in words)
               for i, t in enumerate(toks))


def says_stopped(text: str, lang: str) -> bool:
    """Whether ``text`` has a ``stopped`` word ("i dati hanno smesso di arrivare", "ont cessé d'arriver",
    "przestały spływać"): what "kamen keine Daten mehr an" says without a negation."""
    return _has_word(text, lexicon(lang).stopped)


def says_absent(text: str, lang: str) -> bool:
    """Whether ``text`` has an ``absent`` word or pair of words ("il sagrato era deserto", "Stellen sind
    unbesetzt", "ofertas por preencher", "brakuje chętnych"): what "nikogo nie było", "ne trouvent pas preneur"
    say with a negation."""
    return _has_word(text, lexicon(lang).absent)


def says_unexpected(text: str, lang: str) -> bool:
    """Whether ``text`` has an ``unexpected`` word ("la decisione è stata una sorpresa", "kam überraschend",
    "decyzja nas zaskoczyła"): what "non ce l'aspettavamo" says with a negation."""
    return _has_word(text, lexicon(lang).unexpected)


def is_risk(cue: Cue, lang: str) -> bool:
    """Whether a hedging cue is a "risks to" one ("rischia di", "risque de", "droht zu", "ryzykuje")."""
    return cue.kind == "weak" and _has_word(cue.text, lexicon(lang).risk)


def says_threatened(text: str, lang: str) -> bool:
    """Whether ``text`` calls something threatened or dying ("un métier menacé de disparition", "ginące
    rzemiosło", "gegen das Aussterben"): what "un mestiere che rischia di scomparire" says with a hedge."""
    return _has_word(text, lexicon(lang).threatened)


def says_forecast(text: str, lang: str) -> bool:
    """Whether ``text`` gives a forecast or an estimate ("secondo le previsioni della banca", "selon les
    projections", "nach der Prognose"): what "l'inflation devrait atteindre", "dürfte … betragen" say with a hedge."""
    return _has_word(text, lexicon(lang).forecast)


def says_other(text: str, lang: str) -> bool:
    """Whether ``text`` has an ``other`` word ("einen anderen Ort als die Tankstelle", "tutt'altro avviso"):
    what "un posto che non fosse il distributore", "nie podziela oceny" say with a negation."""
    return _has_word(text, lexicon(lang).other)


def says_few(text: str, lang: str) -> bool:
    """Whether ``text`` has a ``few`` word ("nur wenige Kunden", "peu de clients", "łamano rzadko"): what "the
    customers who complained were not many" says without a negation."""
    return _has_word(text, lexicon(lang).few)


def says_only(text: str, lang: str) -> bool:
    """Whether ``text`` has an ``only`` word ("solo 7 oggetti", "nur sechs Wochen", "tylko przez sześć
    tygodni"): with a figure, what "not many", "not for long" say with a negation."""
    return _has_word(text, lexicon(lang).only)


def says_many(text: str, lang: str) -> bool:
    """Whether ``text`` has a ``many`` word ("molti", "viele", "wielu"): in a negated clause, "not many"."""
    return _has_word(text, lexicon(lang).many)


def says_never(text: str, lang: str, before: str = "") -> bool:
    """Whether ``text`` (a negation cue) has a ``never`` word ("jamais", "noch nie", "nigdy"), or is a
    negative word right after a ``yet`` word that ends ``before`` (the text before the cue): "so schnell
    war noch niemand" = "nobody was ever so fast". Not the particle: "noch nicht" is "not yet"."""
    lex = lexicon(lang)
    toks = tokens(text)
    if lex.never and any(t.norm in lex.never for t in toks):
        return True
    prev = tokens(before)[-1:] if lex.yet else []
    return (bool(prev) and prev[0].norm in lex.yet and not before[prev[0].end:].strip()
            and bool(toks) and not _listed(toks[0].norm, lex.particles))


def _not_only(toks: list[Token], last: int, lex: Lexicon, text: str) -> bool:
    """Is the negation ending at token ``last`` followed closely by "only" (so it means "not only")?"""
    for j in range(last + 1, min(len(toks), last + 4)):
        if _punct_between(text, toks[j - 1], toks[j]):
            return False
        if toks[j].norm in lex.only:
            return True
    return False


_COMPLEMENT_WORDS = 6  # the longest "not Y" piece that only restates an "only X" ("nicht in den Kabinen")


def _only_complement(toks: list[Token], group: list[int], lex: Lexicon, text: str) -> bool:
    """Does the negation open a short comma piece right after a piece that says "only" ("nur außen an den
    Eingängen, nicht in den Kabinen" = "solo all'esterno")? Then it names what "only" leaves out."""
    a = group[0]
    start = a if a and re.search(r"[,;–—]", text[toks[a - 1].end : toks[a].start]) else a - 1
    if start < 1 or not re.search(r"[,;–—]", text[toks[start - 1].end : toks[start].start]):
        return False
    end = start
    while end + 1 < len(toks) and not _punct_between(text, toks[end], toks[end + 1]):
        end += 1
    if end - start + 1 > _COMPLEMENT_WORDS:
        return False
    j = start - 1
    while j >= 0:
        if toks[j].norm in lex.only:
            return True
        if j == 0 or _punct_between(text, toks[j - 1], toks[j]):
            return False
        j -= 1
    return False


_QUOTE = re.compile(r"«([^«»]*)»|„([^„“”]*)[“”]|“([^“”]*)”|\"([^\"]*)\"")
_SHORT_QUOTE_WORDS = 4


def _short_quotes(text: str, lang: str) -> list[tuple[int, int]]:
    """Spans of quotations of at most four words (names, titles, slogans), not direct speech: a quotation a
    reporting word follows ("„Ich schließe nichts aus“, betonte er", "« Je n'exclus rien », a-t-il ajouté")."""
    return [(m.start(), m.end()) for m in _QUOTE.finditer(text)
            if len(re.findall(r"\w+", m.group())) <= _SHORT_QUOTE_WORDS and not _reported_after(text, m.end(), lang)]


_SPEECH_AFTER = re.compile(r"\s*[,–—-]\s*((?:[\w'’-]+\s+){0,2}[\w'’-]+)")


def _reported_after(text: str, end: int, lang: str) -> bool:
    """Whether a comma or a dash and a reporting word within three words follow ``end``."""
    m = _SPEECH_AFTER.match(text, end)
    if not m:
        return False
    words = lexicon(lang).reporting
    return bool(words) and any(w in words for w in re.findall(r"\w+", m.group(1).casefold()))


_SPLIT_REACH = 15  # the most words between a split verb and its particle


def _rest_of_clause(toks: list[Token], i: int, text: str) -> range:
    """The tokens after ``toks[i]`` up to the next punctuation, at most ``_SPLIT_REACH`` + 1 of them: where the
    particle or the negation of a verb split around its object may stand."""
    end = min(len(toks), i + 2 + _SPLIT_REACH)
    for j in range(i + 1, end):
        if _punct_between(text, toks[j - 1], toks[j]):
            return range(i + 1, j)
    return range(i + 1, end)


def _rule_out_split(toks: list[Token], lex: Lexicon, text: str) -> list[tuple[int, int, int | None]]:
    """Finite "rule out" split around its object ("schloss Thaler eine Erhöhung [nicht] aus"): the verb, the
    particle closing the clause, and the "nicht" or "nichts" right before the particle (None without it)."""
    out: list[tuple[int, int, int | None]] = []
    if not lex.rule_out_verbs:
        return out
    for i, t in enumerate(toks):
        if t.norm not in lex.rule_out_verbs:
            continue
        for j in _rest_of_clause(toks, i, text):
            if toks[j].norm == lex.rule_out_particle and (j + 1 == len(toks) or _punct_between(text, toks[j], toks[j + 1])):
                # "nicht" or "nichts" right before the particle: "schloss nichts aus" rules nothing out
                before = toks[j - 1].norm
                negated = j - 1 if _listed(before, lex.particles) or (before,) in lex.negation else None
                if j - i > (2 if negated is not None else 1):  # "schließt nicht aus" is a listed phrase
                    out.append((i, j, negated))
                break
    return out


def _unchanged_split(toks: list[Token], lex: Lexicon, text: str) -> set[int]:
    """The "nicht" or "nichts" after a "change" verb in its clause, with words between ("Am Brotpreis ändert der
    Umbau nichts" = "il prezzo del pane non cambierà"): "unchanged", as the listed phrases without a gap say."""
    out: set[int] = set()
    for i, t in enumerate(toks):
        if t.norm not in lex.unchanged_verbs:
            continue
        for j in _rest_of_clause(toks, i, text):
            if _listed(toks[j].norm, lex.particles) or (toks[j].norm,) in lex.negation:
                out.add(j)
                break
    return out


def _drop_restrictive(toks: list[Token], neg: list[int], lex: Lexicon, text: str) -> list[int]:
    """Remove French-style restrictive "ne ... que" openers (it means "only", not "not")."""
    if not lex.restrictive or not neg:
        return neg
    negset = set(neg)
    drop: set[int] = set()
    for i in neg:
        opener = toks[i].norm
        for a, b in lex.restrictive:
            if not (opener == a or (a.endswith("'") and opener.startswith(a))):
                continue
            for j in range(i + 1, min(len(toks), i + 1 + lex.restrictive_window)):
                if j in negset or _punct_between(text, toks[j - 1], toks[j]):
                    break
                if toks[j].norm == b or (b.endswith("'") and toks[j].norm.startswith(b)):
                    drop.add(i)
                    break
    return [i for i in neg if i not in drop]


_EXPLETIVE_REACH = 30  # how far back (in words, within the sentence) the "que" of an expletive "ne" may be
_TRIGGER_REACH = 6  # how far before that "que" the trigger may be ("plus d'électricité qu'il n'en faut", "davantage
# besoin de nouveaux collègues que nous n'en avons peur")


def _drop_expletive(toks: list[Token], neg: list[int], lex: Lexicon, text: str) -> list[int]:
    """Remove the French expletive "ne" ("avant qu'ils ne soient", "à moins qu'il ne pleuve", "plus
    d'électricité qu'il n'en faut", "craint que les visiteurs, qui ..., ne se rabattent") and the
    Italian "non" of an "until" clause ("finché non")."""
    if lex.expletive_until and neg:
        neg = _drop_until(toks, neg, lex, text)
    if not lex.expletive_after or not neg:
        return neg
    negset = set(neg)
    drop: set[int] = set()
    for i in neg:
        if toks[i].norm not in ("ne", "n'") and not toks[i].norm.startswith("n'"):
            continue
        if any(j in negset for j in range(i + 1, min(len(toks), i + 4))):
            continue  # "avant qu'il ne soit pas": "pas" follows, a real negation
        que = None
        for j in range(i - 1, max(-1, i - _EXPLETIVE_REACH), -1):
            if re.search(r"[.!?;]", text[toks[j].end:toks[j + 1].start]):
                break  # the sentence ends before this word
            if toks[j].norm in ("que", "qu'") or toks[j].norm.startswith("qu'"):
                que = j
                break
        if que is None:
            continue
        before = (toks[k].norm for k in range(max(0, que - _TRIGGER_REACH), que))
        if any(w in lex.expletive_after or w.split("'")[-1] in lex.expletive_after for w in before):
            drop.add(i)
    return [i for i in neg if i not in drop]


_UNTIL_REACH = 10  # the most words from "finché" to its expletive "non"


def _drop_until(toks: list[Token], neg: list[int], lex: Lexicon, text: str) -> list[int]:
    """Remove the expletive negation of an "until" clause: "finché il nipote non li ha ritrovati" = "until
    his grandson found them", "dopóki poziom nie spadnie", "tant que l'agence n'aura pas inspecté", with no
    punctuation between the "until" word and the particle."""
    drop = set()
    for i in neg:
        if not _listed(toks[i].norm, lex.particles):
            continue
        for j in range(i - 1, max(-1, i - 1 - _UNTIL_REACH), -1):
            if _punct_between(text, toks[j], toks[j + 1]):
                break
            if toks[j].norm in lex.expletive_until:
                # the particle and what completes it ("tant que l'agence n'aura pas inspecté")
                drop.update(k for k in neg
                            if i <= k <= i + _CONCORD_WINDOW and not _punct_between(text, toks[i], toks[k]))
                break
    return [i for i in neg if i not in drop]


def negations(text: str, lang: str) -> list[Cue]:
    """The negations of ``text`` (one per negated stretch)."""
    return [c for c in cues(text, lang) if c.kind == "negation"]


def profile(text: str, lang: str) -> CueProfile:
    """Counts of negations, strong, weak and modal hedges and boosters in ``text``."""
    return profile_of(cues(text, lang))


def profile_of(found: list[Cue]) -> CueProfile:
    count = {k: sum(1 for c in found if c.kind == k)
             for k in ("negation", "hedge", "weak", "booster", "modal", "conditional", "expect")}
    return CueProfile(count["negation"], count["hedge"], count["weak"], count["booster"], count["modal"],
                      count["conditional"], count["expect"])
