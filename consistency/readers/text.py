"""Plain text and Markdown: the file's characters exactly as decoded.

Decoding, shared by every reader of text-based formats: a byte-order mark
(UTF-8, UTF-16, UTF-32) decides and is removed; otherwise UTF-8 when the bytes
are valid UTF-8; otherwise a legacy encoding is detected (candidates from
``charset-normalizer`` and a short list of common code pages, ranked by how
plausible the decoded letters are). Nothing else is touched: CRLF stays CRLF,
so offsets count every character of the decoded file.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..errors import InputError
from . import READERS, Reading

# Byte-order marks, longest first (the UTF-32-LE mark starts with the UTF-16-LE one).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Code pages tried besides charset-normalizer's guesses, most common first (ties go to the earlier one).
LEGACY_ENCODINGS = (
    "cp1252", "cp1250", "iso8859_2", "cp1251", "koi8_r", "cp1253", "cp1254", "cp1257", "iso8859_15",
    "iso8859_5", "iso8859_7", "iso8859_9", "mac_roman",
)
# What HTML declarations mean in practice (the WHATWG encoding standard's labels).
_ALIASES = {"iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
            "us-ascii": "cp1252", "ascii": "cp1252", "iso-8859-9": "cp1254", "tis-620": "cp874"}
MAX_MESS = 0.2  # charset-normalizer's own default: more "mess" than this is not text
_SAMPLE = 65536  # characters scored when ranking candidate decodings

# Letters (beyond ASCII) of the alphabets of European languages, by language. A right decoding
# gives letters of one alphabet; a wrong one mixes alphabets or gives symbols.
_ALPHABETS: dict[str, str] = {
    "de": "äöüß", "fr": "àâæçéèêëîïôœùûüÿ", "it": "àèéìíîòóù", "es": "áéíóúñü¿¡",
    "pt": "áâãàçéêíóôõú", "pl": "ąćęłńóśźż", "cs": "áčďéěíňóřšťúůýž", "sk": "áäčďéíĺľňóôŕšťúýž",
    "hu": "áéíóöőúüű", "ro": "ăâîșțşţ", "hr": "čćđšž", "sv": "åäöé", "da": "æøåé", "nl": "éëïèöü",
    "tr": "çğıiöşü", "lv": "āčēģīķļņšūž", "lt": "ąčęėįšųūž", "et": "õäöüšž", "is": "áðéíóúýþæö",
    "el": "αβγδεζηθικλμνξοπρστυφχψωάέήίόύώςϊϋΐΰ",
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя", "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
    "bg": "абвгдежзийклмнопрстуфхцчшщъьюя", "sr": "абвгдђежзијклљмнњопрћстуфхцчџш",
}
# Typography that legacy code pages are used for (quotes, dashes, ellipsis, currency, degrees).
_TYPOGRAPHY = frozenset("\u00a0«»“”„‘’‚–—…€£°§©®™·•×÷±²³½¼¾µ¶")
_SIGNS = frozenset("±²³¹×÷§¶·•¼½¾°©¤¦¨¬¯´¸")  # signs that are never glued to a word's letters
_WORD_RE = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Decoded:
    """A file's text and the encoding it was decoded from (``utf-8`` for most)."""

    text: str
    encoding: str

    @property
    def utf8(self) -> bool:
        return self.encoding == "utf-8"


def decode(data: bytes, source: str) -> str:
    """The text of a file's bytes (see ``decode_bytes``)."""
    return decode_bytes(data, source).text


def decode_bytes(data: bytes, source: str, *, declared: str | None = None) -> Decoded:
    """Decode a text file: byte-order mark, then ``declared`` (an HTML charset), then UTF-8, then detection.

    Raises InputError for binary data and for bytes no encoding makes into text.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom):].decode(encoding), "utf-8" if encoding == "utf-8" else encoding)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{source}: starts with a {encoding.upper()} byte-order mark but is not valid "
                    f"{encoding.upper()} (byte {exc.start + len(bom)}); re-save the file as UTF-8"
                ) from None
    if b"\x00" in data[:8192]:
        raise InputError(
            f"{source}: looks like a binary file, not text; give the article as text (.txt, .md), "
            "a web page (.html), a Word document (.docx) or a translation file (.xlf, .tmx)"
        )
    if declared:
        encoding = _codec(declared)
        if encoding and encoding != "utf-8":
            try:
                return Decoded(data.decode(encoding), encoding)
            except UnicodeDecodeError:
                pass  # a wrong declaration is common: fall back to UTF-8 and detection
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    guess = detect_legacy(data)
    if guess is None:
        line = data[: utf8_error.start].count(b"\n") + 1
        raise InputError(
            f"{source}: is not valid UTF-8 (byte 0x{data[utf8_error.start]:02x} on line {line}) and no other "
            "encoding makes it readable text; re-save the file as UTF-8"
        )
    return guess


def _codec(label: str) -> str | None:
    """Python's codec name for an encoding label, or None when Python does not know it."""
    label = label.strip().strip("\"'").lower()
    label = _ALIASES.get(label, label)
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return "utf-8" if name in ("utf-8", "utf-8-sig") else name


def detect_legacy(data: bytes) -> Decoded | None:
    """The most plausible decoding of bytes that are not UTF-8, or None when none reads as text."""
    from charset_normalizer import from_bytes
    from charset_normalizer.md import mess_ratio

    candidates: dict[str, str] = {}
    for match in from_bytes(data):
        candidates.setdefault(str(match), match.encoding)
    for encoding in LEGACY_ENCODINGS:
        try:
            candidates.setdefault(data.decode(encoding), encoding)
        except UnicodeDecodeError:
            continue
    order = {enc: i for i, enc in enumerate(LEGACY_ENCODINGS)}
    best: tuple[float, int, str, str] | None = None
    for text, encoding in candidates.items():
        if mess_ratio(text[:_SAMPLE], MAX_MESS) >= MAX_MESS:
            continue
        key = (plausibility(text[:_SAMPLE]), -order.get(encoding, len(order)), encoding, text)
        if best is None or key[:2] > best[:2]:
            best = key
    if best is None or best[0] < 0:
        return None
    return Decoded(best[3], best[2])


def plausibility(text: str) -> float:
    """How much a decoding looks like prose, per non-ASCII character: letters of the one best-fitting
    alphabet and typography count for it; symbols (also signs glued to letters), control characters
    and words that mix scripts or have a capital after a small letter count against it."""
    counts: dict[str, int] = {}
    n = typography = symbols = 0
    for i, ch in enumerate(text):
        if ch < "\x80":
            continue
        n += 1
        if ch in _TYPOGRAPHY:
            glued = ch in _SIGNS and (text[i - 1:i].isalpha() or text[i + 1:i + 2].isalpha())
            typography += -1 if glued else 1  # "zatwierdzi³a", "rozpoczn±": a letter read as a sign
        elif unicodedata.category(ch).startswith("L"):
            counts[ch.lower()] = counts.get(ch.lower(), 0) + 1
        else:
            symbols += 1
    if not n:
        return 0.0
    fit = max((sum(c for ch, c in counts.items() if ch in letters) for letters in _alphabet_sets()), default=0)
    score = fit + typography - symbols
    for m in _WORD_RE.finditer(text):
        word = m.group(0)
        if word.isascii():
            continue
        if len({_script(ch) for ch in word}) > 1:
            score -= 3.0
        elif any(a.islower() and b.isupper() for a, b in zip(word, word[1:])):
            score -= 2.0
    return score / n


@lru_cache(maxsize=1)
def _alphabet_sets() -> tuple[frozenset[str], ...]:
    return tuple(frozenset(letters) for letters in _ALPHABETS.values())


def _script(ch: str) -> str:
    """The script of a letter: the first word of its Unicode name (LATIN, CYRILLIC, GREEK, CJK...)."""
    if ch.isascii():
        return "LATIN"
    try:
        return unicodedata.name(ch).split()[0]
    except ValueError:
        return "?"


@READERS.register("text")
class TextReader:
    """.txt and .md: the text exactly as decoded; offsets count its characters."""

    suffixes = (".txt", ".text", ".md", ".markdown")

    def read(self, data: bytes, source: str) -> list[Reading]:
        decoded = decode_bytes(data, source)
        return [Reading(text=decoded.text, encoding=decoded.encoding)]
