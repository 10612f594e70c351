"""Synthetic divergences planted into STS-B multi-MT sentences: training data for the flag calibrator.

STS-B multi-MT gives the same 1,379 sentences in en it de pt fr pl, row-aligned;
each row also carries a second sentence and a 0-5 similarity score. From these:

- ``perturb``: one sentence changed by rule: a negation inserted or removed, a
  strong hedge adverb inserted, "is" rewritten to "could be", a digit or number
  word changed, a name swapped for another name of the corpus;
- ``join``: two sentences made one ("..., while ..."), for clause plants: an
  appended clause (only one version joins) or a dropped one (only one does not);
- ``build_article``: a multi-paragraph "article" in several languages from a few
  rows, with 0-3 divergences planted in one or two versions (a third of the
  hedge, number and name plants on the row's paraphrase, so the changed sentence
  is also worded differently from its counterparts) and a gold list in
  the shape of ``eval/sets/*/gold.json`` (version, kind, start, end, text).

Everything is deterministic given the random generator. Used only by
``models/train_flags.py``; never imported by a check.
"""
from __future__ import annotations

import csv
import random
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
LANGS = ("en", "it", "de", "pt", "fr", "pl")
_DATA = tomllib.loads((Path(__file__).with_name("synth_lang.toml")).read_text(encoding="utf-8"))
_WORD = re.compile(r"\w+(?:['’]\w+)?|[^\w\s]", re.UNICODE)


@dataclass(frozen=True)
class Row:
    """One STS-B row in every language: sentence1, sentence2 and their similarity score (0-5)."""

    index: int
    s1: dict[str, str]
    s2: dict[str, str]
    score: float


def load_stsb(folder: Path) -> list[Row]:
    texts: dict[str, list[list[str]]] = {}
    for lang in LANGS:
        with open(folder / f"stsb-{lang}-test.tsv", encoding="utf-8", newline="") as fh:
            reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
            next(reader)
            texts[lang] = [r for r in reader if r]
    n = min(len(v) for v in texts.values())
    return [Row(i, {l: texts[l][i][1].strip() for l in LANGS}, {l: texts[l][i][2].strip() for l in LANGS},
                float(texts["en"][i][3])) for i in range(n)]


def sentence_like(row: Row) -> bool:
    """Rows usable as article sentences: every language ends with . ! ? and has 5+ words."""
    return all(re.search(r"[.!?]$", row.s1[l]) and len(row.s1[l].split()) >= 5 for l in LANGS)


# --------------------------------------------------------------------------- single-sentence plants


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def _finite_verb(text: str, lang: str) -> tuple[int, int, str] | None:
    verbs = set(_DATA[lang]["verbs"])
    for k, (a, b, w) in enumerate(_tokens(text)):
        if w.lower() in verbs and k > 0:
            return a, b, w
    return None


def _before_clitics(text: str, lang: str, pos: int) -> int:
    """Move an insertion point before the clitic pronouns glued to the verb."""
    clitics = set(_DATA[lang].get("clitics", []))
    toks = [t for t in _tokens(text[:pos])]
    while toks and toks[-1][2].lower().rstrip("'’") in {c.rstrip("'") for c in clitics}:
        pos = toks[-1][0]
        toks.pop()
    return pos


def negate(text: str, lang: str) -> str | None:
    """The sentence with a negation inserted at its first known finite verb, or None."""
    verb = _finite_verb(text, lang)
    if verb is None:
        return None
    a, b, w = verb
    neg = _DATA[lang]["negation"]
    if lang == "fr":
        start = _before_clitics(text, lang, a)
        head = text[start:]
        ne = "n'" if re.match(r"[aeiouyéèêh]", head, re.I) else "ne "
        return text[:start] + ne + text[start:b] + " pas" + text[b:]
    if lang == "en" and w.lower() == "can":
        return text[:a] + w + "not" + text[b:]
    if _DATA[lang]["after"]:
        return text[:b] + f" {neg}" + text[b:]
    start = _before_clitics(text, lang, a)
    word = neg.capitalize() if start == 0 else neg
    return text[:start] + word + " " + text[start:]


_REMOVE = {"en": [r"\s+not\b", r"n't\b"], "it": [r"\bnon\s+"], "de": [r"\s+nicht\b"], "pt": [r"\bnão\s+"],
           "pl": [r"\bnie\s+"], "fr": [r"\bne\s+|\bn['’]", r"\s+pas\b"]}


def unnegate(text: str, lang: str) -> str | None:
    """The sentence with its negation removed, or None when it has none this can remove."""
    out = text
    for pat in _REMOVE[lang]:
        out = re.sub(pat, " " if pat.startswith(r"\s") and lang != "fr" else "", out, count=1)
    if out == text:
        return None
    out = re.sub(r"\s{2,}", " ", out)
    return out[0].upper() + out[1:] if out and text[0].isupper() else out


def hedge(text: str, lang: str, rng: random.Random) -> str | None:
    """The sentence with a strong hedge adverb at its first known finite verb."""
    verb = _finite_verb(text, lang)
    if verb is None:
        return None
    a, b, _w = verb
    adv = rng.choice(_DATA[lang]["hedges"])
    if _DATA[lang]["after"]:
        return text[:b] + f" {adv}" + text[b:]
    start = _before_clitics(text, lang, a)
    return text[:start] + adv + " " + text[start:]


def weaken(text: str, lang: str) -> str | None:
    """The sentence with its copula rewritten to "could be" (the conditional of can), or None."""
    table: dict[str, str] = _DATA[lang].get("weak", {})
    for a, b, w in _tokens(text):
        rep = table.get(w.lower())
        if rep is None or a == 0:
            continue
        if "$" in rep:  # German: the modal in second place, "sein" at the end of the clause
            modal, tail = rep.split("$")
            end = re.search(r"[.!?,;]|$", text[b:])
            cut = b + (end.start() if end else len(text) - b)
            return text[:a] + modal + text[b:cut] + " " + tail + text[cut:]
        return text[:a] + rep + text[b:]
    return None


def change_number(text: str, lang: str, rng: random.Random) -> str | None:
    """The sentence with one number changed (a digit, or a number word for another), or None."""
    digits = list(re.finditer(r"\d+", text))
    if digits:
        m = rng.choice(digits)
        old = m.group()
        first = int(old[0])
        new_first = rng.choice([d for d in range(1, 10) if d != first])
        new = str(new_first) + old[1:]
        return text[: m.start()] + new + text[m.end() :]
    from consistency.flags.numbers import load_language

    words = load_language(lang).words
    for a, b, w in _tokens(text):
        value = words.get(w.lower())
        if value is None or value < 2 or value > 12:
            continue
        choices = [k for k, v in words.items() if v != value and 2 <= v <= 12 and len(k) > 2]
        if not choices:
            return None
        new = rng.choice(choices)
        if w[0].isupper():
            new = new.capitalize()
        return text[:a] + new + text[b:]
    return None


def swap_name(text: str, lang: str, rng: random.Random, pool: list[str]) -> str | None:
    """The sentence with one of its names replaced by another name of the corpus, or None."""
    from consistency.flags.names import extract_names, same_name

    names = [n for n in extract_names(text, lang) if not n.text.isupper() and len(n.text) > 3]
    if not names or not pool:
        return None
    n = rng.choice(names)
    for _ in range(20):
        other = rng.choice(pool)
        if not same_name(other, n.text) and len(other.split()) == len(n.text.split()):
            return text[: n.start] + other + text[n.end :]
    return None


def drop_span(text: str, lang: str, rng: random.Random, lo: int = 2, hi: int = 6) -> str | None:
    """The sentence with a run of ``lo``-``hi`` consecutive words left out (never its first word, never
    all but two), as when one version drops a phrase; None when the sentence is too short."""
    words = [(a, b) for a, b, w in _tokens(text) if re.match(r"\w", w)]
    if len(words) < lo + 3:
        return None
    n = rng.randint(lo, min(hi, len(words) - 3))
    i = rng.randrange(1, len(words) - n + 1)
    start, end = words[i][0], words[i + n - 1][1]
    out = (text[:start].rstrip() + " " + text[end:].lstrip()).strip()
    out = re.sub(r"\s+([,.;:!?])", r"\1", out)
    out = re.sub(r"([,;:])\s*([,.;:!?])", r"\2", out)
    return out if out != text else None


def join(first: str, second: str, lang: str, conj: str) -> tuple[str, int]:
    """``first`` and ``second`` as one sentence ("A, and b."); also where the second clause starts."""
    head = re.sub(r"[.!?…]+[\"'»”]*\s*$", "", first.rstrip())
    tail = second.strip()
    w = tail.split()[0] if tail.split() else ""
    if w.lower() in _DATA[lang]["lower"]:
        tail = tail[0].lower() + tail[1:]
    joined = f"{head}, {conj} {tail}"
    if not re.search(r"[.!?…]$", joined):
        joined += "."
    return joined, len(head) + 2


def conjunction(lang: str, rng: random.Random) -> str:
    return rng.choice(_DATA[lang]["conj"])


# --------------------------------------------------------------------------- articles


@dataclass
class Plant:
    version: str
    kind: str
    start: int
    end: int
    text: str


@dataclass
class Article:
    """Versions (id = language) of one synthetic article, with the divergences planted in it."""

    texts: dict[str, str]
    gold: list[Plant] = field(default_factory=list)

    def gold_json(self) -> dict[str, Any]:
        return {"divergences": [{"version": g.version, "kind": g.kind, "start": g.start, "end": g.end,
                                 "text": g.text, "required": True} for g in self.gold], "noise": []}


KINDS = ("addition", "omission", "clause_addition", "clause_omission", "negation", "unnegation", "hedge", "weak",
         "hedge_removed", "number", "entity", "drift")


def build_article(rows: list[Row], all_rows: list[Row], langs: list[str], n_plants: int, rng: random.Random,
                  name_pool: dict[str, list[str]]) -> Article:
    """An article of ``rows`` (one sentence each, some joined into two-clause sentences) in ``langs``."""
    # sentence units: each a dict lang -> text; some are compounds of two rows (faithful in every version)
    units: list[dict[str, str]] = []
    unit_rows: list[Row] = []
    i = 0
    while i < len(rows):
        unit_rows.append(rows[i])
        if i + 1 < len(rows) and rng.random() < 0.25:
            conj_i = rng.randrange(3)
            units.append({l: join(rows[i].s1[l], rows[i + 1].s1[l], l, _DATA[l]["conj"][conj_i % len(_DATA[l]["conj"])])[0]
                          for l in LANGS})
            i += 2
        else:
            units.append(dict(rows[i].s1))
            i += 1
    per_version: dict[str, list[str | None]] = {l: [u[l] for u in units] for l in langs}
    marks: list[tuple[str, int, str, tuple[int, int] | None]] = []  # (version, unit index, kind, span in the unit)
    used: set[int] = set()
    for _ in range(n_plants):
        for _attempt in range(30):
            kind = rng.choice(KINDS)
            k = rng.randrange(len(units))
            if k in used:
                continue
            two = rng.random() < 0.2 and len(langs) >= 5 and kind in ("negation", "hedge", "weak", "number", "entity", "drift")
            targets = rng.sample(langs, 2 if two else 1)
            others = [l for l in langs if l not in targets]
            ok = _plant(kind, k, targets, others, per_version, units, unit_rows, all_rows, rng, name_pool, marks)
            if ok:
                used.add(k)
                break
    # assemble: paragraphs of 2-4 units
    breaks, j = set(), 0
    while j < len(units):
        j += rng.randint(2, 4)
        breaks.add(j)
    texts: dict[str, str] = {}
    gold: list[Plant] = []
    for l in langs:
        parts: list[str] = []
        pos = 0
        starts: dict[int, int] = {}
        for u, sent in enumerate(per_version[l]):
            if u in breaks and parts:
                parts.append("\n\n")
                pos += 2
            if sent is None:
                starts[u] = pos
                continue
            if parts and not parts[-1].endswith("\n"):
                parts.append(" ")
                pos += 1
            starts[u] = pos
            parts.append(sent)
            pos += len(sent)
        text = "".join(parts)
        texts[l] = text
        for version, u, kind, span in marks:
            if version != l:
                continue
            base = starts[u]
            if span is None:  # a gap: the place after the previous sentence
                g0 = base
                gold.append(Plant(l, kind, g0, g0, ""))
            else:
                a, b = base + span[0], base + span[1]
                gold.append(Plant(l, kind, a, b, text[a:b]))
    return Article(texts, gold)


REWORDED = ("hedge", "weak", "number", "entity")  # plants that may come on the row's paraphrase

_GOLD_KIND = {"addition": "addition", "omission": "omission", "clause_addition": "addition",
              "clause_omission": "omission", "negation": "polarity", "unnegation": "polarity", "hedge": "hedging",
              "weak": "hedging", "hedge_removed": "hedging", "number": "number", "entity": "entity", "drift": "drift"}


def related(row: Row, all_rows: list[Row], rng: random.Random) -> dict[str, str]:
    """Something else to say on the same topic: the row's second sentence when STS-B scores it 0.5-3.5
    (related, not a paraphrase) and it reads as a sentence, otherwise another row's sentence."""
    if 0.5 <= row.score <= 3.5 and all(re.search(r"[.!?]$", row.s2[l]) and len(row.s2[l].split()) >= 4
                                       for l in LANGS):
        return row.s2
    return rng.choice([r for r in all_rows if sentence_like(r)]).s1


def _plant(kind: str, k: int, targets: list[str], others: list[str], per: dict[str, list[str | None]],
           units: list[dict[str, str]], unit_rows: list[Row], all_rows: list[Row], rng: random.Random,
           name_pool: dict[str, list[str]], marks: list[tuple[str, int, str, tuple[int, int] | None]]) -> bool:
    gk = _GOLD_KIND[kind]
    if not others:
        return False
    if kind == "addition":  # a sentence only the targets have, inserted before unit k
        extra = related(unit_rows[k], all_rows, rng)
        if any(extra[l] in (per[l][k] or "") for l in targets):
            return False
        for l in targets:
            per[l][k] = extra[l] + " " + per[l][k]  # type: ignore[operator]
            marks.append((l, k, gk, (0, len(extra[l]))))
        return True
    if kind == "omission":
        for l in targets:
            per[l][k] = None
            marks.append((l, k, gk, None))
        return True
    if kind in ("clause_addition", "clause_omission"):
        extra = related(unit_rows[k], all_rows, rng)
        ci = rng.randrange(3)
        joined = {l: join(per[l][k], extra[l], l, _DATA[l]["conj"][ci % len(_DATA[l]["conj"])])  # type: ignore[arg-type]
                  for l in per}
        if kind == "clause_addition":
            for l in targets:
                text, cut = joined[l]
                per[l][k] = text
                marks.append((l, k, gk, (cut, len(text.rstrip(".!?")))))
        else:
            for l in others:
                per[l][k] = joined[l][0]
            for l in targets:
                marks.append((l, k, gk, (0, len(per[l][k]))))  # type: ignore[arg-type]
        return True
    if kind in ("negation", "hedge", "weak", "number", "entity", "unnegation"):
        new = {}
        # a third of the time the targets also word it differently (the row's paraphrase, where STS-B
        # has one): a real divergence seldom changes one word of an otherwise literal translation.
        # Not for negations: a reworded one taught the polarity head that a plain "not" inserted
        # into a literal translation (similarity ~1) is unlikely
        row = unit_rows[k]
        reworded = (kind in REWORDED and units[k]["en"] == row.s1["en"] and row.score >= 3.6
                    and rng.random() < 0.35 and all(re.search(r"[.!?]$", row.s2[l]) for l in targets))
        for l in targets:
            s = row.s2[l] if reworded else per[l][k]
            assert s is not None
            if kind == "negation":
                out = negate(s, l)
            elif kind == "unnegation":
                out = unnegate(s, l)
            elif kind == "hedge":
                out = hedge(s, l, rng)
            elif kind == "weak":
                out = weaken(s, l)
            elif kind == "number":
                out = change_number(s, l, rng)
            else:
                out = swap_name(s, l, rng, name_pool.get(l, []))
            if out is None or out == s:
                return False
            new[l] = out
        for l, out in new.items():
            per[l][k] = out
            marks.append((l, k, gk, (0, len(out))))
        return True
    if kind == "hedge_removed":  # everyone else hedges: the targets state it as fact
        new = {}
        for l in others:
            out = hedge(per[l][k], l, rng)  # type: ignore[arg-type]
            if out is None:
                return False
            new[l] = out
        for l, out in new.items():
            per[l][k] = out
        for l in targets:
            marks.append((l, k, gk, (0, len(per[l][k]))))  # type: ignore[arg-type]
        return True
    if kind == "drift":  # the targets say the row's second sentence: related, but something else
        row = unit_rows[k]
        if units[k]["en"] != row.s1["en"] or not (1.0 <= row.score <= 3.4) or not all(
                re.search(r"[.!?]$", row.s2[l]) for l in targets):
            return False
        for l in targets:
            per[l][k] = row.s2[l]
            marks.append((l, k, gk, (0, len(row.s2[l]))))
        return True
    return False


def name_pool(rows: list[Row]) -> dict[str, list[str]]:
    """Names found in the rows, per language (for name swaps)."""
    from consistency.flags.names import extract_names

    out: dict[str, list[str]] = {}
    for lang in LANGS:
        seen: dict[str, None] = {}
        for r in rows:
            for n in extract_names(r.s1[lang], lang):
                if not n.text.isupper() and len(n.text) > 3 and n.start > 0:
                    seen[n.text] = None
        out[lang] = list(seen)
    return out


# --------------------------------------------------------------------------- plants in our own articles


def _body_sentences(text: str, lang: str) -> list[tuple[int, int]]:
    from consistency.read import make_document
    from consistency.segment import segment

    return [(s.start, s.end) for s in segment(make_document(text, id=lang, lang=lang))
            if s.role == "body" and len(s.text.split()) >= 5]


def plant_in_article(texts: dict[str, str], gold: list[dict[str, Any]], rng: random.Random,
                     extra_sentences: dict[str, list[str]], pool: dict[str, list[str]]) -> tuple[dict[str, str], list[dict[str, Any]]] | None:
    """One divergence planted by rule into one version of a real article (ours); the gold shifted to match.

    Only the target version changes: a sentence added (from another of our articles) or
    deleted, a clause appended or its last clause dropped, a negation, a hedge, a number
    or a name changed. Returns None when the drawn plant does not apply.
    """
    from consistency.flags.clausesplit import split_clauses

    v = rng.choice([l for l in texts if l in _DATA])
    text = texts[v]
    sentences = [s for s in _body_sentences(text, v)
                 if not any(g["version"] == v and g["start"] < s[1] and s[0] < g["end"] for g in gold)]
    if not sentences:
        return None
    a, b = rng.choice(sentences)
    sent = text[a:b]
    kind = rng.choice(["addition", "omission", "clause_addition", "clause_omission", "negation", "unnegation",
                       "hedge", "weak", "number", "entity"])
    new_sent: str | None = None
    span: tuple[int, int] | None = None  # in the new text
    if kind == "addition":
        extra = rng.choice(extra_sentences.get(v) or [""])
        if not extra:
            return None
        new_sent = sent + " " + extra
        span = (a + len(sent) + 1, a + len(new_sent))
    elif kind == "omission":
        tail = b
        while tail < len(text) and text[tail] == " ":
            tail += 1
        new_text = text[:a] + text[tail:]
        shifted = _shift(gold, v, a, -(tail - a))
        gap = a - (len(new_text[:a]) - len(new_text[:a].rstrip()))  # the gold gap is the whitespace before
        return {**texts, v: new_text}, shifted + [{"version": v, "kind": "omission", "start": gap, "end": a}]
    elif kind == "clause_addition":
        extra = rng.choice(extra_sentences.get(v) or [""])
        if not extra:
            return None
        new_sent, cut = join(sent, extra, v, conjunction(v, rng))
        span = (a + cut, a + len(new_sent.rstrip(".!?")))
    elif kind == "clause_omission":
        cl = split_clauses(sent, v)
        if len(cl) < 2:
            return None
        new_sent = sent[: cl[-2][1]] + "."
        span = (a, a + len(new_sent))
    else:
        fn = {"negation": lambda s: negate(s, v), "unnegation": lambda s: unnegate(s, v),
              "hedge": lambda s: hedge(s, v, rng), "weak": lambda s: weaken(s, v),
              "number": lambda s: change_number(s, v, rng), "entity": lambda s: swap_name(s, v, rng, pool.get(v, []))}
        new_sent = fn[kind](sent)
        if new_sent is not None:
            span = (a, a + len(new_sent))
    if new_sent is None or new_sent == sent or span is None:
        return None
    new_text = text[:a] + new_sent + text[b:]
    shifted = _shift(gold, v, b, len(new_sent) - len(sent))
    return {**texts, v: new_text}, shifted + [{"version": v, "kind": _GOLD_KIND[kind], "start": span[0], "end": span[1]}]


def _shift(gold: list[dict[str, Any]], v: str, at: int, delta: int) -> list[dict[str, Any]]:
    """Gold entries of version ``v`` at or after ``at`` moved by ``delta`` characters (the edit's length change)."""
    out = []
    for g in gold:
        g = dict(g)
        if g["version"] == v and g["start"] >= at:
            g["start"] += delta
            g["end"] += delta
        out.append(g)
    return out
