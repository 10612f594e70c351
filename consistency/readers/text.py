"""Plain text and Markdown: the file's characters exactly as decoded (UTF-8, BOM removed)."""
from __future__ import annotations

from ..errors import InputError
from . import READERS, Reading


def decode(data: bytes, source: str) -> str:
    """UTF-8 text of a file's bytes, BOM removed; clear errors for binary or non-UTF-8 data."""
    if b"\x00" in data[:8192]:
        raise InputError(
            f"{source}: looks like a binary file, not text; give the article as a UTF-8 .txt or .md file"
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            f"{source}: is not valid UTF-8 (byte 0x{data[exc.start]:02x} on line {line}); "
            "re-save the file as UTF-8"
        ) from None


@READERS.register("text")
class TextReader:
    suffixes = (".txt", ".text", ".md", ".markdown")

    def read(self, data: bytes, source: str) -> list[Reading]:
        return [Reading(text=decode(data, source))]
