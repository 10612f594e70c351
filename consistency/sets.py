"""Article sets: which files are language versions of the same article, by how the files are named.

Two namings (``NAMINGS``), usable together (``auto``):
- ``folder``: one folder per article, one file per language named by its code:
  ``articles/chips/de.md``, ``articles/chips/it.md`` -> set ``articles/chips``;
- ``suffix``: ``slug.lang.ext`` side by side: ``posts/chips.de.md``, ``posts/chips.it.md``
  -> set ``posts/chips``.
Whatever the naming, a bilingual or multilingual file (XLIFF, TMX) without a language
code in its name is a set by itself (naming ``file``): ``l10n/chips.xlf`` -> set ``l10n/chips``.

The API, shared by ``consistency hook``, ``consistency baseline`` and ``consistency batch``:
- ``version_of(path, naming, languages)``: the (set key, language) one file belongs to, or None;
- ``group_files(paths, root=..., ...)``: the sets the given (changed) files touch, each with all of
  its versions on disk, the unchanged siblings included;
- ``find_sets(root, ...)``: every set under a folder;
- ``multilingual_file(path)``: the set name of an XLIFF/TMX file named without a language;
- ``ArticleSet.checkable`` (two or more versions, or one multilingual file), ``ArticleSet.inputs()``.
Only listing folders, never reading files. Keys are ``/``-separated paths relative to ``root``.
"""
from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from .errors import UsageError

NAMINGS: tuple[str, ...] = ("auto", "folder", "suffix")
# formats whose one file holds several language versions (source and target)
MULTI_VERSION_SUFFIXES: tuple[str, ...] = (".xlf", ".xliff", ".sdlxliff", ".tmx")

# folders never searched by find_sets (tooling, not content)
SKIP_DIRS = frozenset({".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox",
                       ".pytest_cache", ".mypy_cache", "site-packages"})


@dataclass(frozen=True)
class ArticleSet:
    """The language versions of one article: ``versions`` are (language, path) in language order."""

    key: str  # e.g. "articles/chips" (folder naming) or "posts/chips" (suffix naming: folder/slug)
    naming: str  # "folder", "suffix", or "file" (one multilingual file; its language is "")
    versions: tuple[tuple[str, Path], ...]

    @property
    def checkable(self) -> bool:
        """Two or more versions (a multilingual file counts as a set of its own)."""
        return len(self.versions) >= 2 or (self.naming == "file" and len(self.versions) == 1)

    @property
    def paths(self) -> list[Path]:
        return [p for _, p in self.versions]

    @property
    def langs(self) -> list[str]:
        return [lang for lang, _ in self.versions]

    def inputs(self) -> list[str]:
        """``lang=path`` arguments for ``consistency.check``: ids are the language codes."""
        return [f"{lang}={path}" if lang else str(path) for lang, path in self.versions]


def _suffixes() -> tuple[str, ...]:
    from .readers import READERS, load_all

    load_all()
    return tuple(sorted({s.lower() for name in READERS for s in READERS.get(name)().suffixes}))


def _lang_ok(lang: str, languages: Sequence[str] | None) -> bool:
    if not languages:
        return True
    from .read import base_lang

    return lang in languages or base_lang(lang) in languages


def version_of(path: str | Path, naming: str = "auto", languages: Sequence[str] | None = None,
               suffixes: Sequence[str] | None = None) -> tuple[str, str, str] | None:
    """(naming, slug, language) when ``path`` is named as a language version, else None.

    ``slug`` is empty for folder naming (the folder is the set). ``languages``, when given,
    limits which language codes count.
    """
    from .read import lang_from_name, normalise_lang

    if naming not in NAMINGS:
        raise UsageError(f"set naming {naming!r} is unknown; choose one of: {', '.join(NAMINGS)}")
    name = Path(path).name
    lower = name.lower()
    if not any(lower.endswith(s) for s in (suffixes if suffixes is not None else _suffixes())):
        return None
    parts = name.split(".")
    if len(parts) < 2 or lang_from_name(name) is None:
        return None
    lang = normalise_lang(parts[-2])
    if not _lang_ok(lang, languages):
        return None
    if len(parts) == 2:
        return ("folder", "", lang) if naming in ("auto", "folder") else None
    slug = ".".join(parts[:-2])
    if not slug:
        return None
    return ("suffix", slug, lang) if naming in ("auto", "suffix") else None


def multilingual_file(path: str | Path) -> str | None:
    """The set name (file name without extension) of an XLIFF/TMX file with no language code in its name."""
    from .read import lang_from_name

    name = Path(path).name
    if not name.lower().endswith(MULTI_VERSION_SUFFIXES) or lang_from_name(name) is not None:
        return None
    stem = name.rsplit(".", 1)[0]
    return stem or None


def relative_key(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` with ``/`` separators; absolute when it lies outside."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(Path(os.path.abspath(root))).as_posix()
    except ValueError:
        return absolute.as_posix()


def is_ignored(path: str | Path, patterns: Sequence[str], root: Path) -> bool:
    """True when the path (relative to ``root``) matches one of the glob ``patterns``.

    fnmatch rules on the whole ``/``-separated path: ``*`` also crosses folders, so
    ``drafts/*`` ignores everything under ``drafts/``; a pattern without ``/`` also matches
    the file name alone (``*.draft.md``).
    """
    if not patterns:
        return False
    rel = relative_key(Path(path), root)
    name = rel.rsplit("/", 1)[-1]
    for pat in patterns:
        pat = pat.replace("**/", "*").replace("/**", "/*")
        if fnmatch.fnmatchcase(rel, pat) or ("/" not in pat and fnmatch.fnmatchcase(name, pat)):
            return True
    return False


def _order(versions: Iterable[tuple[str, Path]], languages: Sequence[str] | None) -> tuple[tuple[str, Path], ...]:
    from .read import base_lang

    rank = {lang: i for i, lang in enumerate(languages or ())}

    def key(item: tuple[str, Path]) -> tuple[int, str]:
        lang = item[0]
        return (rank.get(lang, rank.get(base_lang(lang), len(rank))), lang)

    return tuple(sorted(versions, key=key))


def _siblings(folder: Path, kind: str, slug: str, naming: str, languages: Sequence[str] | None,
              suffixes: Sequence[str], ignore: Sequence[str], root: Path) -> list[tuple[str, Path]]:
    found: dict[str, Path] = {}
    try:
        names = sorted(os.listdir(folder if str(folder) else "."))
    except OSError:
        return []
    for name in names:
        path = folder / name
        v = version_of(name, naming, languages, suffixes)
        if v is None or v[0] != kind or v[1] != slug or not path.is_file() or is_ignored(path, ignore, root):
            continue
        lang = v[2]
        if lang in found:
            raise UsageError(
                f"{path}: is a second {lang} version of {found[lang]} in the same article set; "
                "rename one, or list one in the `ignore` setting"
            )
        found[lang] = path
    return list(found.items())


def _make_set(folder: Path, kind: str, slug: str, naming: str, languages: Sequence[str] | None,
              suffixes: Sequence[str], ignore: Sequence[str], root: Path) -> ArticleSet:
    versions = _siblings(folder, kind, slug, naming, languages, suffixes, ignore, root)
    key = relative_key(folder, root)
    if kind == "suffix":
        key = slug if key in ("", ".") else f"{key}/{slug}"
    return ArticleSet(key=key or ".", naming=kind, versions=_order(versions, languages))


def group_files(paths: Sequence[str | Path], *, root: str | Path = ".", naming: str = "auto",
                languages: Sequence[str] | None = None, ignore: Sequence[str] = ()) -> list[ArticleSet]:
    """The article sets touched by ``paths``, each with every version found beside them.

    Paths that are not named as a version (or are ignored) are skipped; a path that no
    longer exists still touches its set (its siblings are checked). Sets come in the
    order their first path was given; a set may hold fewer than two versions (the caller
    decides what to do with it).
    """
    root = Path(root)
    suffixes = _suffixes()
    seen: dict[tuple[str, str, str], ArticleSet] = {}
    for raw in paths:
        path = Path(raw)
        if is_ignored(path, ignore, root):
            continue
        v = version_of(path, naming, languages, suffixes)
        if v is None:
            stem = multilingual_file(path)
            if stem is None:
                continue
            v = ("file", stem, "")
        kind, slug, _ = v
        folder = path.parent
        ident = (os.path.abspath(folder), kind, slug)
        if ident in seen:
            continue
        if kind == "file":
            key = relative_key(folder / slug, root)
            seen[ident] = ArticleSet(key=key, naming="file", versions=(("", path),) if path.is_file() else ())
        else:
            seen[ident] = _make_set(folder, kind, slug, naming, languages, suffixes, ignore, root)
    return list(seen.values())


def find_sets(root: str | Path, *, naming: str = "auto", languages: Sequence[str] | None = None,
              ignore: Sequence[str] = (), min_versions: int = 2) -> list[ArticleSet]:
    """Every article set under ``root`` with at least ``min_versions`` versions, sorted by key.

    A multilingual file counts as ``min_versions`` (its versions are known only once read).

    Hidden folders and tool folders (``.git``, ``.venv``, ``node_modules``...) are not searched.
    """
    root = Path(root)
    suffixes = _suffixes()
    candidates: list[Path] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
        for name in sorted(files):
            if version_of(name, naming, languages, suffixes) is not None or multilingual_file(name):
                candidates.append(Path(folder) / name)
    sets = [s for s in group_files(candidates, root=root, naming=naming, languages=languages, ignore=ignore)
            if len(s.versions) >= min_versions or (s.naming == "file" and s.versions)]
    return sorted(sets, key=lambda s: s.key)
