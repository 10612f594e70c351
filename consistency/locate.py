"""Line and column of a passage in its source file, for editors and CI (SARIF, GitHub annotations, hook lines).

Lines and columns are 1-based; columns count Unicode code points; the end column is
exclusive (the column just after the passage), as SARIF's ``endColumn``. For plain
text and Markdown the offsets are the file's own characters, so the position is
exact. For formats whose text was extracted from markup (HTML, XLIFF), the passage's
first words are searched in the raw file through tags and entities (``exact`` False);
when they cannot be found (or the file is binary, e.g. DOCX) the position is line 1.
"""
from __future__ import annotations

import bisect
import re

from .types import Location

_WORD = re.compile(r"\w+", re.UNICODE)
# what may stand between two words of extracted text in the markup it came from
_GLUE = r"(?:\s|<[^>]*>|&#?\w+;|[^\w<&])*?"


def line_starts(text: str) -> list[int]:
    """Offsets where each line of ``text`` starts (``\\n``, ``\\r\\n`` and ``\\r`` end lines)."""
    starts = [0]
    for m in re.finditer(r"\r\n|\r|\n", text):
        starts.append(m.end())
    return starts


def position(starts: list[int], offset: int) -> tuple[int, int]:
    """(line, column), both 1-based, of a character offset."""
    i = bisect.bisect_right(starts, offset) - 1
    return i + 1, offset - starts[i] + 1


def locate(text: str, start: int, end: int, starts: list[int] | None = None) -> Location:
    """The exact Location of ``text[start:end]``."""
    starts = starts if starts is not None else line_starts(text)
    line, col = position(starts, start)
    end_line, end_col = position(starts, max(end, start))
    return Location(line=line, column=col, end_line=end_line, end_column=end_col)


UNKNOWN = Location(line=1, column=1, end_line=1, end_column=1, exact=False)


def find_in_markup(raw: str, text: str, start: int, end: int, max_words: int = 8) -> tuple[int, int] | None:
    """Offsets in ``raw`` (the markup) of the words of ``text[start:end]``, or None.

    The first words of the passage are searched with any tags, entities, spaces or
    punctuation between them; if the same phrase occurs several times in ``text``, the
    same occurrence in ``raw`` is taken. Fewer words are tried when more do not match.
    """
    words = _WORD.findall(text[start:max(end, start + 1)] if end > start else text[start:start + 200])
    if not words:
        return None
    for n in range(min(max_words, len(words)), 0, -1):
        phrase = words[:n]
        pattern = re.compile(_GLUE.join(re.escape(w) for w in phrase), re.UNICODE)
        before = len(list(re.finditer(r"\b" + r"\W+".join(re.escape(w) for w in phrase) + r"\b",
                                      text[:start], re.UNICODE)))
        hits = list(pattern.finditer(raw))
        if hits:
            m = hits[min(before, len(hits) - 1)]
            return m.start(), _end_in_markup(raw, words, m.start(), m.end(), max_words)
    return None


def _end_in_markup(raw: str, words: list[str], start: int, fallback: int, max_words: int) -> int:
    """Where the passage's last words end in ``raw``, searching from ``start``; ``fallback`` if not found."""
    for n in range(min(max_words, len(words)), 0, -1):
        pattern = re.compile(_GLUE.join(re.escape(w) for w in words[-n:]), re.UNICODE)
        m = pattern.search(raw, start)
        if m is not None and m.end() >= fallback:
            return m.end()
    return fallback


def locate_in_markup(raw: str | None, text: str, start: int, end: int) -> Location:
    """The approximate Location in the markup ``raw`` of the extracted passage ``text[start:end]``."""
    if not raw:
        return UNKNOWN
    found = find_in_markup(raw, text, start, end)
    if found is None:
        return UNKNOWN
    loc = locate(raw, found[0], found[1] if end > start else found[0])
    return Location(line=loc.line, column=loc.column, end_line=loc.end_line, end_column=loc.end_column, exact=False)
