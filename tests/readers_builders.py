"""Builders for the reader tests: the same article as a web page, a Word document, XLIFF and TMX.

An article is a list of (text, role) paragraphs. The builders wrap it the way real
files arrive: a page with a cookie banner, navigation, related links, a comment
form and a footer around the article; a Word document with Title/Heading/Caption
styles, a table and a footnote; bilingual XLIFF 1.2/2.0 and TMX files, one unit
per paragraph.
"""
from __future__ import annotations

import html
import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

Article = list[tuple[str, str]]  # (text, role)

# Three versions of one short story, written for these tests. de changes the cost
# (4.2 -> 5.6 million) and adds a closing sentence no other version has.
ARTICLES: dict[str, Article] = {
    "en": [
        ("New footbridge will link the old harbour with the station", "title"),
        ("The town council approved the construction of a footbridge across the old harbour on Tuesday. "
         "The bridge will cost 4.2 million euros and is due to open in the autumn of 2027.", "body"),
        ("A drawing of the planned bridge seen from the lake", "caption"),
        ("Two years of building work", "heading"),
        ("Work will start in March and will take about two years. During that time the harbour promenade "
         "will stay open to walkers, the mayor said.", "body"),
        ("The bridge will be 120 metres long and four metres wide. It is designed for pedestrians only.", "body"),
        ("Local shop owners welcomed the decision. They expect more visitors to walk from the station "
         "to the old town.", "body"),
    ],
    "de": [
        ("Neue Fußgängerbrücke soll den alten Hafen mit dem Bahnhof verbinden", "title"),
        ("Der Gemeinderat hat am Dienstag den Bau einer Fußgängerbrücke über den alten Hafen beschlossen. "
         "Die Brücke wird 5,6 Millionen Euro kosten und soll im Herbst 2027 eröffnet werden.", "body"),
        ("Eine Zeichnung der geplanten Brücke vom See aus gesehen", "caption"),
        ("Zwei Jahre Bauzeit", "heading"),
        ("Die Arbeiten beginnen im März und dauern etwa zwei Jahre. In dieser Zeit bleibt die "
         "Hafenpromenade für Spaziergänger geöffnet, sagte die Bürgermeisterin.", "body"),
        ("Die Brücke wird 120 Meter lang und vier Meter breit. Sie ist nur für Fußgänger gedacht.", "body"),
        ("Die Geschäftsleute der Stadt begrüßten die Entscheidung. Sie erwarten, dass mehr Besucher vom "
         "Bahnhof in die Altstadt laufen.", "body"),
        ("Die Opposition kündigte an, gegen den Beschluss vor Gericht zu ziehen.", "body"),
    ],
    "fr": [
        ("Une nouvelle passerelle reliera le vieux port à la gare", "title"),
        ("Le conseil municipal a approuvé mardi la construction d'une passerelle au-dessus du vieux port. "
         "Le pont coûtera 4,2 millions d'euros et doit ouvrir à l'automne 2027.", "body"),
        ("Un dessin du pont prévu, vu depuis le lac", "caption"),
        ("Deux ans de travaux", "heading"),
        ("Les travaux commenceront en mars et dureront environ deux ans. Pendant ce temps, la promenade du "
         "port restera ouverte aux promeneurs, a déclaré la maire.", "body"),
        ("Le pont mesurera 120 mètres de long et quatre mètres de large. Il est réservé aux piétons.", "body"),
        ("Les commerçants de la ville ont salué la décision. Ils s'attendent à ce que davantage de visiteurs "
         "marchent de la gare à la vieille ville.", "body"),
    ],
}

COOKIE = {"en": "We use cookies to give you the best experience on our website.",
          "de": "Wir verwenden Cookies, um Ihnen das beste Erlebnis auf unserer Website zu bieten.",
          "fr": "Nous utilisons des cookies pour vous offrir la meilleure expérience sur notre site."}
COMMENT = {"en": "Leave a comment", "de": "Schreibe einen Kommentar", "fr": "Laisser un commentaire"}
# Words of the page furniture that must not reach the extracted text.
FURNITURE = ["Home", "Politics", "Sports", "cookies", "Cookies", "Related", "Hafenfest", "harbour festival",
             "fête du port", "Impressum", "All rights reserved", "Post comment"]


def paragraphs_of(text: str, lang: str) -> Article:
    """A plain-text article's paragraphs with the roles the segmenter gives them."""
    from consistency.read import make_document
    from consistency.segment import segment

    segs = segment(make_document(text, lang=lang, source=f"{lang}.txt"))
    spans: dict[int, list] = {}
    for s in segs:
        spans.setdefault(s.paragraph, [s.start, s.end, s.role])
        spans[s.paragraph][1] = s.end
    return [(text[a:b], role) for a, b, role in (spans[k] for k in sorted(spans))]


def plain_text(article: Article) -> str:
    return "\n\n".join(t for t, _ in article) + "\n"


def html_page(article: Article, lang: str, *, declare_lang: bool = True) -> str:
    """A full news page: banner, navigation, the article (figures for captions), related links,
    a comment form (the article's boilerplate lines go there) and a footer."""
    e = html.escape
    title = next((t for t, r in article if r == "title"), "Story")
    body: list[str] = []
    trailing: list[str] = []
    for text, role in article:
        if role == "title":
            body.append(f"<h1 class=\"entry-title\">{e(text)}</h1>")
        elif role == "heading":
            body.append(f"<h2>{e(text)}</h2>")
        elif role == "caption":
            body.append(f"<figure class=\"wp-block-image\"><img src=\"photo.jpg\" alt=\"\">"
                        f"<figcaption>{e(text)}</figcaption></figure>")
        elif role == "boilerplate":
            trailing.append(e(text))
        else:
            body.append(f"<p>{e(text)}</p>")
    comments = "".join(f"<p class=\"comment-notes\">{t}</p>" for t in trailing)
    lang_attr = f' lang="{lang}"' if declare_lang else ""
    return f"""<!DOCTYPE html>
<html{lang_attr}>
<head><meta charset="utf-8"><title>{e(title)} | Harbour Times</title>
<meta name="viewport" content="width=device-width"><script>var x = "<p>not text</p>";</script>
<style>p {{ color: black; }}</style></head>
<body>
<div id="cookie-notice" class="cookie-banner"><p>{e(COOKIE.get(lang, COOKIE['en']))}</p><button>OK</button></div>
<header class="site-header"><a class="logo" href="/">Harbour Times</a>
<nav class="main-navigation"><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li>
<li><a href="/sports">Sports</a></li></ul></nav></header>
<main id="main">
<article class="post">
{chr(10).join(body)}
</article>
<aside class="related-posts"><h3>Related</h3><ul><li><a href="/a">The harbour festival is cancelled (Hafenfest, fête du port)</a></li>
<li><a href="/b">New timetable for the ferries</a></li></ul></aside>
<div id="comments" class="comments-area"><h3 class="comment-reply-title">{e(COMMENT.get(lang, COMMENT['en']))}</h3>
{comments}
<form id="commentform"><textarea name="comment"></textarea><input type="submit" value="Post comment"></form></div>
</main>
<footer class="site-footer"><p>© 2025 Harbour Times. All rights reserved. <a href="/imprint">Impressum</a></p></footer>
</body>
</html>
"""


def docx_bytes(article: Article, *, footnote: str | None = None, table: list[list[str]] | None = None) -> bytes:
    """A Word document: Title, Heading 1, Caption and Normal styles; boilerplate lines at the end
    as pasted from the site; optionally a table after the first body paragraph and a footnote."""
    import docx

    doc = docx.Document()
    body_seen = False
    trailing = []
    for text, role in article:
        if role == "title":
            doc.add_paragraph(text, style="Title")
        elif role == "heading":
            doc.add_heading(text, level=1)
        elif role == "caption":
            doc.add_paragraph(text, style="Caption")
        elif role == "boilerplate":
            trailing.append(text)
        else:
            doc.add_paragraph(text)
            if table and not body_seen:
                t = doc.add_table(rows=len(table), cols=len(table[0]))
                for i, row in enumerate(table):
                    for j, cell in enumerate(row):
                        t.cell(i, j).text = cell
            body_seen = True
    for text in trailing:
        doc.add_paragraph(text)
    buf = io.BytesIO()
    doc.save(buf)
    data = buf.getvalue()
    return _add_footnote(data, footnote) if footnote else data


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _add_footnote(data: bytes, note: str) -> bytes:
    """python-docx cannot write footnotes: add a footnotes part to the package by hand."""
    footnotes = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{_W}">'
                 '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                 '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
                 '</w:r></w:p></w:footnote>'
                 f'<w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve">{escape(note)}</w:t></w:r></w:p>'
                 '</w:footnote></w:footnotes>')
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content = content.replace(b"</Types>", b'<Override PartName="/word/footnotes.xml" ContentType='
                                          b'"application/vnd.openxmlformats-officedocument.wordprocessingml.'
                                          b'footnotes+xml"/></Types>')
            elif item.filename == "word/_rels/document.xml.rels":
                content = content.replace(b"</Relationships>", b'<Relationship Id="rIdFn1" Type="http://schemas.'
                                          b'openxmlformats.org/officeDocument/2006/relationships/footnotes" '
                                          b'Target="footnotes.xml"/></Relationships>')
            elif item.filename == "word/document.xml":  # a reference to the note in the first paragraph
                content = content.replace(b"</w:t></w:r></w:p>", b'</w:t></w:r><w:r><w:footnoteReference w:id="1"/>'
                                          b"</w:r></w:p>", 1)
            dst.writestr(item, content)
        dst.writestr("word/footnotes.xml", footnotes)
    return out.getvalue()


def _restype(role: str) -> str:
    return {"title": ' restype="x-h1"', "heading": ' restype="x-h2"', "caption": ' restype="x-caption"'}.get(role, "")


def xliff12(source: Article, target: Article, src_lang: str, tgt_lang: str, *, hints: bool = True) -> str:
    """XLIFF 1.2, one <trans-unit> per paragraph (paragraphs matched by position), inline <g> and <x/>."""
    units = []
    for i, ((s, role), (t, _)) in enumerate(zip(source, target), 1):
        units.append(f'<trans-unit id="{i}"{_restype(role) if hints else ""}><source>{_inline12(s)}</source>'
                     f'<target state="translated">{_inline12(t)}</target></trans-unit>')
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
            f'xmlns="urn:oasis:names:tc:xliff:document:1.2">\n<file original="story.html" datatype="html" '
            f'source-language="{src_lang}" target-language="{tgt_lang}"><body>\n'
            + "\n".join(units) + "\n</body></file></xliff>\n")


def _inline12(text: str) -> str:
    """The first word wrapped in <g>, and an empty <x/> placeholder after the first sentence end."""
    head, _, rest = text.partition(" ")
    out = f'<g id="g1">{escape(head)}</g> {escape(rest)}' if rest else escape(text)
    return out.replace(". ", '.<x id="x1"/> ', 1)


def xliff20(source: Article, target: Article, src_lang: str, tgt_lang: str) -> str:
    """XLIFF 2.0, one <unit> per paragraph, one <segment> per sentence with <ignorable> spaces between."""
    import re

    units = []
    for i, ((s, role), (t, _)) in enumerate(zip(source, target), 1):
        ss = re.split(r"(?<=[.!?]) ", s)
        ts = re.split(r"(?<=[.!?]) ", t)
        if len(ss) != len(ts):
            ss, ts = [s], [t]
        parts = []
        for k, (a, b) in enumerate(zip(ss, ts)):
            if k:
                parts.append("<ignorable><source> </source></ignorable>")
            parts.append(f'<segment id="s{i}-{k}"><source>{escape(a)}</source><target>{escape(b)}</target>'
                         f'</segment>')
        kind = {"title": ' type="x:h1"', "heading": ' type="x:h2"', "caption": ' type="x:caption"'}.get(role, "")
        units.append(f'<unit id="u{i}"{kind}>{"".join(parts)}</unit>')
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="2.0" '
            f'xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="{src_lang}" trgLang="{tgt_lang}">\n'
            f'<file id="f1">\n' + "\n".join(units) + "\n</file></xliff>\n")


def tmx(versions: dict[str, Article], srclang: str) -> str:
    """TMX 1.4 with one <tu> per paragraph and a <tuv> for every language that has it."""
    n = max(len(a) for a in versions.values())
    tus = []
    for i in range(n):
        tuvs = "".join(f'<tuv xml:lang={quoteattr(lang)}><seg>{escape(a[i][0])}</seg></tuv>'
                       for lang, a in versions.items() if i < len(a))
        tus.append(f"<tu>{tuvs}</tu>")
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="tests" '
            f'creationtoolversion="1" segtype="paragraph" o-tmf="none" adminlang="en" srclang="{srclang}" '
            f'datatype="plaintext"/>\n<body>\n' + "\n".join(tus) + "\n</body></tmx>\n")


def write(folder: Path, name: str, data: str | bytes) -> str:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return str(path)
