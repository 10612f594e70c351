"""Web pages: the article's main text, without the page furniture around it.

Navigation, headers and footers, forms (comment forms), cookie banners, sharing,
"related" and newsletter boxes are removed first (by tag, ARIA role, and
class/id words); figure captions and text-only ``<div>``s become paragraphs.
``trafilatura`` then decides which of the page's blocks are the main content;
the blocks themselves (text and role) come from the page's own markup, in
reading order: the first ``<h1>`` (or the page title) is the title, other
headings are headings, ``<figcaption>`` and image alt texts are captions,
paragraphs, list items, quotes and table rows are body. The blocks, one
paragraph each, are the version's extracted text; offsets refer to it.
"""
from __future__ import annotations

import copy
import re
import unicodedata
from typing import Any, Iterator

from ..errors import InputError
from . import READERS, Reading
from ._blocks import CELL_SEPARATOR as _CELL_SEPARATOR
from ._blocks import assemble, collapse, optional
from ._blocks import row_pieces as _row_pieces
from .text import decode_bytes

# Elements that are never article text.
_DROP_TAGS = ("script", "style", "noscript", "template", "nav", "aside", "form", "button", "input", "select",
              "textarea", "iframe", "dialog", "svg", "canvas", "object", "embed", "menu", "footer")
# ARIA landmarks of page furniture.
_DROP_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "dialog",
                         "alertdialog", "menu", "menubar", "alert"})
# Words of class and id names (split at "-", "_" and spaces) that mark page furniture.
_DROP_WORDS = frozenset({"nav", "ad", "ads", "tags", "respond", "reply", "comments", "comment", "share",
                         "sharing", "social", "related", "breadcrumb", "breadcrumbs", "sidebar", "widget",
                         "navbar", "navigation", "menu", "footer", "masthead", "advert", "advertisement",
                         "sponsor", "sponsored", "promo", "popup", "modal", "paywall", "signup", "login",
                         "banner", "cookie", "cookies", "consent", "gdpr", "newsletter", "subscribe",
                         "subscription", "recommended", "tagcloud"})
_DROP_PREFIXES = ("cookie", "consent", "gdpr", "newsletter", "subscri", "comment", "sharedaddy", "relatedpost",
                  "breadcrumb", "socialshare", "advert")
_INVISIBLE = frozenset({"script", "style", "noscript", "template", "svg", "canvas", "object", "embed"})
_WRAPPER_MIN_BLOCKS = 3  # an element with most of the text is the article's wrapper when it has this many blocks
_KEEP_TAGS = frozenset({"html", "body", "main", "article"})
# Block-level elements: a <div> with none of these inside is a paragraph.
_BLOCK_TAGS = frozenset({"p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "ul", "ol",
                         "li", "dl", "dt", "dd", "table", "tr", "td", "th", "thead", "tbody", "blockquote", "pre",
                         "figure", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "form", "hr"})
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_MIN_SUBSTRING = 30  # shorter blocks are kept only when they are a whole paragraph or line of the extractor's
_MARKUP_RE = re.compile(r"<\s*(?:html|body|head|p|div|article|main|section|h[1-6]|span|table|title)\b", re.I)
_XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>")
_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING_RE = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
_LANG_RE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_FILE_NAME_RE = re.compile(r"^\S+\.(?:jpe?g|png|gif|webp|svg|avif)$", re.I)


@READERS.register("html")
class HtmlReader:
    """.html and .htm: the main text of a web page, with roles from its markup."""

    suffixes = (".html", ".htm", ".xhtml", ".shtml")
    declared_lang_unreliable = True  # site templates often keep lang="en": read.py checks it against the text

    def read(self, data: bytes, source: str) -> list[Reading]:
        decoded = decode_bytes(data, source, declared=declared_charset(data))
        text, blocks, lang = extract(decoded.text, source)
        return [Reading(text=text, lang=lang, extracted=True, blocks=blocks, encoding=decoded.encoding)]


def declared_charset(data: bytes) -> str | None:
    """The encoding a page declares in its first bytes (``<meta charset>``, an XML declaration)."""
    head = data[:4096]
    m = _XML_ENCODING_RE.search(head) or _CHARSET_RE.search(head)
    return m.group(1).decode("ascii") if m else None


def extract(html: str, source: str) -> tuple[str, tuple, str | None]:
    """The article text of a page, its blocks with roles, and the language the page declares."""
    lxml_html = optional("lxml.html", source, "web pages")
    trafilatura = optional("trafilatura", source, "web pages")
    from lxml import etree

    if not _MARKUP_RE.search(html):
        raise InputError(
            f"{source}: does not look like an HTML page (no <html>, <body>, <p> or <div> element); "
            "save the page from the browser as HTML, or name a plain-text file .txt"
        )
    try:
        tree = lxml_html.document_fromstring(_XML_DECL_RE.sub("", html, count=1))
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"{source}: is not a readable HTML page ({exc}); save the page again from the browser") \
            from None
    lang = page_language(tree)
    drop_furniture(tree)
    captions = prepare(tree)
    doc = trafilatura.bare_extraction(
        copy.deepcopy(tree), output_format="python", include_images=True, include_tables=True,
        include_comments=False, include_links=False, include_formatting=False, with_metadata=True,
        deduplicate=False,
    )
    pieces = [(t, r) for t, r in _page_blocks(tree, captions) if t.strip()]
    body = getattr(doc, "body", None)
    if body is not None:
        chosen = _select(pieces, body)
        if any(role in ("body", "heading") for _, role in chosen):
            pieces = chosen
    if not any(role in ("body", "heading") for _, role in pieces):
        raise InputError(
            f"{source}: no article text found in this HTML page (the markup may be cut off or hold only "
            "navigation); save the complete page, or give the article as .txt"
        )
    title = collapse(getattr(doc, "title", None) or "") if doc is not None else ""
    if title and not any(role == "title" for _, role in pieces):
        if collapse(pieces[0][0]).casefold() == title.casefold():
            pieces[0] = (pieces[0][0], "title")
        elif not any(collapse(t).casefold() == title.casefold() for t, _ in pieces):
            pieces.insert(0, (title, "title"))
    text, blocks = assemble(pieces)
    return text, blocks, lang


def page_language(tree: Any) -> str | None:
    """The language the page declares (``<html lang>``, ``xml:lang``, Content-Language, og:locale)."""
    candidates = [tree.get("lang"), tree.get(_XML_LANG)]
    for meta in tree.iter("meta"):
        if (meta.get("http-equiv") or "").lower() == "content-language" or \
                (meta.get("property") or "").lower() == "og:locale":
            candidates.append(meta.get("content"))
    for cand in candidates:
        cand = (cand or "").strip().split(",")[0].strip()
        if _LANG_RE.match(cand):
            return cand.replace("_", "-").lower()
    return None


def _is_furniture(el: Any) -> bool:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in _KEEP_TAGS:
        return False
    if tag in _DROP_TAGS:
        return True
    if tag == "header" and not any(a.tag in ("article", "main") for a in el.iterancestors()):
        return True
    if (el.get("role") or "").lower() in _DROP_ROLES:
        return True
    if el.get("hidden") is not None or (el.get("aria-hidden") or "").lower() == "true":
        return True
    if re.search(r"display\s*:\s*none", el.get("style") or "", re.I):
        return True
    words = re.split(r"[-_\s]+", f"{el.get('class') or ''} {el.get('id') or ''}".lower())
    return any(w in _DROP_WORDS or w.startswith(_DROP_PREFIXES) for w in words if w)


def drop_furniture(tree: Any) -> None:
    """Remove page furniture, but never an element that wraps the article: one holding an <article>
    or <main>, or most of the page's text in several paragraphs (some sites wrap the whole page in a
    <form> or a "content-with-sidebar" box)."""
    body = tree.find("body")
    total = len(collapse(body.text_content())) if body is not None else 0
    for el in [el for el in tree.iter() if isinstance(el.tag, str) and _is_furniture(el)]:
        if el.getparent() is None:
            continue
        if el.tag in _INVISIBLE or not _wraps_article(el, total):
            el.drop_tree()


def _wraps_article(el: Any, total: int) -> bool:
    if el.find(".//article") is not None or el.find(".//main") is not None:
        return True
    if not total or len(collapse(el.text_content())) / total < 0.5:
        return False
    return sum(1 for d in el.iter("p", "h2", "h3", "li", "blockquote")) >= _WRAPPER_MIN_BLOCKS


def prepare(tree: Any) -> set[str]:
    """Make captions and text-only <div>s paragraphs the extractor keeps; return the captions' texts."""
    captions: set[str] = set()
    for fig in list(tree.iter("figure")):
        fig.tag = "div"
    for cap in list(tree.iter("figcaption")):
        text = collapse(cap.text_content())
        if text:
            captions.add(text.casefold())
        for inner in list(cap.iter()):
            if inner is not cap and inner.tag in _BLOCK_TAGS:
                inner.drop_tag()
        cap.tag = "p"
    for div in list(tree.iter("div")):
        if not any(d.tag in _BLOCK_TAGS for d in div.iterdescendants() if isinstance(d.tag, str)) \
                and collapse(div.text_content()):
            div.tag = "p"
    for img in tree.iter("img"):
        alt = collapse(img.get("alt") or "")
        if alt and alt.casefold() in captions:
            img.set("alt", "")  # the same words as the caption: read once
    return captions


def _inline_text(el: Any, skip: tuple[str, ...] = ()) -> str:
    """An element's text with line breaks kept, markup white space collapsed per line."""
    parts: list[str] = [el.text or ""]
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in ("lb", "br"):
            parts.append("\n")
        elif tag not in skip:
            parts.append(_inline_text(child, skip))
        parts.append(child.tail or "")
    lines = (collapse(line) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _caption_or_body(text: str, captions: set[str]) -> str:
    return "caption" if collapse(text).casefold() in captions else "body"


def _alt(el: Any) -> str:
    alt = collapse(el.get("alt") or el.get("title") or "")
    return "" if _FILE_NAME_RE.match(alt) else alt


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def _select(pieces: list[tuple[str, str]], body: Any) -> list[tuple[str, str]]:
    """The page's blocks that the main-content extractor kept: a block is kept when its text is one
    of the extractor's paragraphs or lines, or (when it is long enough not to match by chance)
    part of one; an image's alt text when the extractor kept the image."""
    lines: set[str] = set()
    alts: set[str] = set()
    for el in body.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "graphic":
            alts.add(_norm(_alt(el)))
        elif tag in ("p", "head", "item", "cell", "quote", "code"):
            for line in _inline_text(el, skip=("list", "graphic")).split("\n"):
                lines.add(_norm(line))
    joined = "\n".join(sorted(lines))
    kept = []
    for text, role in pieces:
        lines_of = text.split("\n")
        if role == "body":
            lines_of = [cell for line in lines_of for cell in line.split(_CELL_SEPARATOR)]
        parts = [_norm(p) for p in lines_of]
        if all(p in lines or p in alts or (len(p) >= _MIN_SUBSTRING and p in joined) for p in parts if p):
            kept.append((text, role))
    return kept


def _page_blocks(tree: Any, captions: set[str]) -> Iterator[tuple[str, str]]:
    """Every text block of the cleaned page in reading order, with its role from its tag."""
    body = tree.find("body")
    if body is None:
        body = tree
    seen_title = False
    for el in body.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "img":
            yield _alt(el), "caption"
            continue
        if tag == "tr":
            yield from _row_pieces([collapse(c.text_content()) for c in el if c.tag in ("td", "th")])
            continue
        if tag not in _BLOCK_TAGS or tag in ("tr", "td", "th", "table", "thead", "tbody", "hr"):
            continue
        if any(isinstance(d.tag, str) and d.tag in _BLOCK_TAGS for d in el.iterdescendants()):
            continue
        text = _inline_text(el)
        if tag in _HEADINGS:
            role = "title" if tag == "h1" and not seen_title else "heading"
            seen_title = seen_title or role == "title"
            yield text, role
        elif el.getparent() is not None and el.getparent().tag in ("td", "th"):
            continue
        else:
            yield text, _caption_or_body(text, captions)
