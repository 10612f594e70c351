"""The read stage: files or strings in, ``Document`` objects out.

The format's reader (``consistency/readers/``, by file suffix) gives the text;
plain text is kept exactly as decoded (UTF-8, BOM removed, nothing else touched)
so that every offset in a report points at the file's own characters. The
language comes from the caller, from the file name (``pl.txt``,
``story.pl.md``) or, failing both, from offline detection.
"""
from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Iterable, Sequence

from .errors import InputError, LanguageError, UsageError
from .types import Document

_LANG_TAG = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?$")

# ISO 639 codes accepted in file names: what the language identifier knows,
# plus common regional tags. Loaded lazily with the identifier's label list.
_EXTRA_TAGS = {"pt-br", "pt-pt", "zh-tw", "zh-cn", "en-us", "en-gb", "es-mx", "fr-ca", "nb"}


@functools.lru_cache(maxsize=1)
def _identifier():  # pragma: no cover - trivial loader
    from py3langid.langid import _load_identifier

    return _load_identifier(norm_probs=True)


@functools.lru_cache(maxsize=1)
def known_languages() -> frozenset[str]:
    """Language codes the offline identifier knows (plus regional tags)."""
    return frozenset(_identifier().labels) | _EXTRA_TAGS


def normalise_lang(tag: str) -> str:
    """``pt_BR`` -> ``pt-br``; the tag's base language is what models key on."""
    return tag.strip().replace("_", "-").lower()


def base_lang(tag: str) -> str:
    """``pt-br`` -> ``pt``."""
    return normalise_lang(tag).split("-")[0]


def lang_from_name(path: str | Path) -> str | None:
    """The language code in a file name (``de.txt``, ``story.de.md``), or None."""
    name = Path(path).name
    parts = name.split(".")
    if len(parts) < 2:
        return None
    candidates = [parts[-2]] if len(parts) >= 2 else []
    for cand in candidates:
        tag = normalise_lang(cand)
        if _LANG_TAG.match(cand) and (tag in _COMMON or base_lang(tag) in _COMMON or tag in known_languages()):
            return tag
    return None


# Codes recognised without loading the identifier (keeps start-up fast).
_COMMON = frozenset(
    "ar bg ca cs da de el en es et eu fa fi fr ga gl he hi hr hu id is it ja ko lt lv mk ms mt nl no pl pt ro ru "
    "sk sl sq sr sv th tr uk ur vi zh".split()
)


def detect_language(text: str, candidates: Iterable[str] | None = None) -> tuple[str, float]:
    """Best language for ``text`` among ``candidates`` (all known if None), with its probability."""
    ident = _identifier()
    langs = sorted({base_lang(c) for c in candidates} & set(ident.labels)) if candidates else None
    ident.set_languages(langs or None)
    try:
        lang, prob = ident.classify(text)
    finally:
        ident.set_languages(None)
    return str(lang), float(prob)


def make_document(
    text: str,
    *,
    id: str | None = None,
    lang: str | None = None,
    source: str = "<string>",
    candidates: Iterable[str] | None = None,
) -> Document:
    """A Document from text already in memory; detects the language if none is given."""
    if not text.strip():
        raise InputError(f"{source}: is empty; give a file that holds the article's text")
    if lang is None:
        lang, prob = detect_language(text, candidates)
        if prob < 0.8:
            raise LanguageError(
                f"{source}: cannot tell its language (best guess {lang!r}, p={prob:.2f}); "
                f"name the file like de.txt or story.de.md, or pass --lang ID=CODE"
            )
    lang = normalise_lang(lang)
    return Document(id=id or lang, lang=lang, text=text, source=source)


def read_path(
    path: str | Path,
    *,
    id: str | None = None,
    lang: str | None = None,
    candidates: Iterable[str] | None = None,
) -> list[Document]:
    """Read the version(s) a file holds (one for most formats); the id defaults to the language."""
    from .readers import reader_for

    source = str(path)
    p = Path(path)
    if not p.exists():
        raise InputError(f"{source}: no such file; check the path")
    if p.is_dir():
        raise InputError(f"{source}: is a folder, not a file; give one file per language version")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{source}: cannot be read ({exc.strerror}); check its permissions") from None
    reader = reader_for(source)
    readings = reader.read(data, source)
    if id and len(readings) > 1:
        held = ", ".join(r.id or r.lang or "?" for r in readings)
        raise UsageError(f"{id}={source}: this file holds {len(readings)} versions ({held}), so it cannot take "
                         "one id; give it without ID=")
    docs = []
    for r in readings:
        r_lang = lang if len(readings) == 1 and lang else (r.lang or (lang_from_name(p) if len(readings) == 1 else None))
        r_id = id if len(readings) == 1 else r.id
        if r_lang and r_lang == r.lang and getattr(reader, "declared_lang_unreliable", False):
            r_lang = _checked_lang(r_lang, r.text, candidates)
        doc = make_document(r.text, id=r_id or r.id, lang=r_lang, source=source, candidates=candidates)
        if r.extracted or r.blocks is not None or r.encoding is not None:
            doc = Document(id=doc.id, lang=doc.lang, text=doc.text, source=doc.source,
                           extracted=r.extracted, blocks=r.blocks, encoding=r.encoding)
        docs.append(doc)
    return docs


DECLARED_LANG_MIN_PROB = 0.95  # detection overrules a page's declared language only when this sure


def _checked_lang(declared: str, text: str, candidates: Iterable[str] | None) -> str:
    """The language a page declares, unless its text is clearly in another (templates keep lang="en")."""
    detected, prob = detect_language(text, candidates)
    if base_lang(detected) != base_lang(declared) and prob >= DECLARED_LANG_MIN_PROB:
        return detected
    return declared


def parse_version_arg(arg: str) -> tuple[str | None, str]:
    """``de=path/to/file.txt`` -> ("de", path); a plain path -> (None, path)."""
    if "=" in arg:
        ident, _, path = arg.partition("=")
        if ident and not ("/" in ident or "\\" in ident) and path:
            return ident, path
    return None, arg


def read_versions(
    inputs: Sequence[str | Path | Document],
    *,
    langs: dict[str, str] | None = None,
    candidates: Iterable[str] | None = None,
) -> list[Document]:
    """Read every version (paths, ``id=path`` strings or Documents) and check the set is usable.

    ``langs`` maps a version id or a path to a language code (``--lang``).
    """
    langs = {k: v for k, v in (langs or {}).items()}
    docs: list[Document] = []
    for item in inputs:
        if isinstance(item, Document):
            docs.append(item)
            continue
        ident, path = parse_version_arg(str(item))
        name_lang = lang_from_name(path)
        lang = (
            langs.get(ident or "")
            or langs.get(path)
            or langs.get(name_lang or "")
            or name_lang
            or (ident if ident and lang_from_name(f"x.{ident}.txt") else None)
        )
        docs.extend(read_path(path, id=ident, lang=lang, candidates=candidates))
    docs = shared_sources(docs)
    check_version_set(docs)
    return docs


def shared_sources(docs: Sequence[Document]) -> list[Document]:
    """One version for the source text that several bilingual files share.

    ``consistency check src-de.xlf src-fr.xlf`` reads the source twice; a later
    version with the same id, language and extracted text as an earlier one from
    another file is the same version and is dropped. The same id with a different
    text from a bilingual file means the files do not share a source: an error.
    """
    per_source: dict[str, int] = {}
    for d in docs:
        per_source[d.source] = per_source.get(d.source, 0) + 1
    kept: list[Document] = []
    first: dict[str, Document] = {}
    for d in docs:
        seen = first.get(d.id)
        multi = per_source[d.source] > 1
        if seen is not None and seen.source != d.source and (multi or per_source[seen.source] > 1):
            if seen.text == d.text and seen.lang == d.lang and d.extracted and seen.extracted:
                continue
            if multi and per_source[seen.source] > 1:
                raise UsageError(
                    f"{d.source}: its {d.id!r} version differs from the one in {seen.source}; files checked "
                    "together must translate the same source text (export them again from one project)"
                )
        first.setdefault(d.id, d)
        kept.append(d)
    return kept


def check_version_set(docs: Sequence[Document]) -> None:
    """At least two versions, with unique ids."""
    if len(docs) < 2:
        what = docs[0].source if docs else "nothing"
        raise UsageError(
            f"only one version given ({what}); give two or more language versions of the same article"
        )
    seen: dict[str, str] = {}
    for d in docs:
        if d.id in seen:
            raise UsageError(
                f"{d.source}: version id {d.id!r} is also used by {seen[d.id]}; "
                f"give each version a unique id, e.g. {d.id}2={d.source}"
            )
        seen[d.id] = d.source
