"""The segment stage: exact offsets, paragraphs, sentences and roles."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from consistency.read import make_document
from consistency.segment import segment, sentence_spans
from consistency.types import ROLES, Document, Segment

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
SEED_LANGS = ("it", "de", "pt", "fr", "pl")


def _doc(text: str, lang: str, source: str = "<string>", id: str = "v") -> Document:
    return Document(id=id, lang=lang, text=text, source=source)


def _check_invariants(doc: Document, segs: list[Segment]) -> None:
    """Offsets reproduce the text, ids and indices run in order, nothing overlaps."""
    prev_end = -1
    prev_par = 0
    for i, s in enumerate(segs):
        assert doc.text[s.start:s.end] == s.text
        assert s.text and s.text == s.text.strip() and not s.text.startswith("\ufeff")
        assert s.id == f"{doc.id}:{i}" and s.index == i and s.version == doc.id
        assert s.role in ROLES
        assert s.start >= prev_end, "segments overlap or are out of order"
        assert s.paragraph in (prev_par, prev_par + 1) or (i == 0 and s.paragraph == 0)
        prev_end, prev_par = s.end, s.paragraph


def _uncovered(doc: Document, segs: list[Segment]) -> str:
    """The non-whitespace characters of the text that no segment covers."""
    covered = [False] * len(doc.text)
    for s in segs:
        for k in range(s.start, s.end):
            covered[k] = True
    return "".join(c for c, cov in zip(doc.text, covered) if not cov and not c.isspace() and c != "\ufeff")


# -- small texts: (case, lang, source, text, expected [(role, text), ...]) ---------------

CASES = [
    (
        "it-title-glued-boilerplate",
        "it",
        "it.txt",
        "Un titolo breve senza punto finale\n\n"
        "Il primo paragrafo parla di modelli (LLM).Il secondo periodo segue senza spazio.\n\n"
        "Un sottotitolo tra i paragrafi\n\n"
        "Un altro paragrafo chiude il testo.\n\n"
        "Lascia un commento\n\n"
        "Il tuo indirizzo email non sarà pubblicato. I campi obbligatori sono contrassegnati *",
        [
            ("title", "Un titolo breve senza punto finale"),
            ("body", "Il primo paragrafo parla di modelli (LLM)."),
            ("body", "Il secondo periodo segue senza spazio."),
            ("heading", "Un sottotitolo tra i paragrafi"),
            ("body", "Un altro paragrafo chiude il testo."),
            ("boilerplate", "Lascia un commento"),
            ("boilerplate", "Il tuo indirizzo email non sarà pubblicato."),
            ("boilerplate", "I campi obbligatori sono contrassegnati *"),
        ],
    ),
    (
        "de-crlf-single-newlines",
        "de",
        "de.txt",
        "\r\nDer erste Absatz nennt z.B. eine Zahl. Er endet hier.\r\n"
        "Eine Zwischenzeile ohne Punkt\r\n"
        "Der zweite Absatz folgt direkt. Ca. drei Sätze sind es nicht.\r\n"
        "Schreibe einen Kommentar",
        [
            ("body", "Der erste Absatz nennt z.B. eine Zahl."),
            ("body", "Er endet hier."),
            ("heading", "Eine Zwischenzeile ohne Punkt"),
            ("body", "Der zweite Absatz folgt direkt."),
            ("body", "Ca. drei Sätze sind es nicht."),
            ("boilerplate", "Schreibe einen Kommentar"),
        ],
    ),
    (
        "pt-footer",
        "pt",
        "pt.txt",
        "\nO Sr. Silva chegou ontem. A empresa confirmou a visita.\nDeixe um comentário",
        [
            ("body", "O Sr. Silva chegou ontem."),
            ("body", "A empresa confirmou a visita."),
            ("boilerplate", "Deixe um comentário"),
        ],
    ),
    (
        "fr-heading-with-spaced-colon",
        "fr",
        "fr.txt",
        "\nLe premier paragraphe présente le sujet.\n"
        "Nouvelle puce : une technologie locale\n"
        "Le second paragraphe conclut.Le dernier mot suit.\n"
        "Laisser un commentaire",
        [
            ("body", "Le premier paragraphe présente le sujet."),
            ("heading", "Nouvelle puce : une technologie locale"),
            ("body", "Le second paragraphe conclut."),
            ("body", "Le dernier mot suit."),
            ("boilerplate", "Laisser un commentaire"),
        ],
    ),
    (
        "pl-title-inner-stop-credit",
        "pl",
        "pl.txt",
        "Kraj przechodzi do ofensywy. Firma szykuje własne układy\n"
        "Pierwszy akapit ma dwa zdania. To jest drugie.\n\n"
        "Podpis pod zdjęciem bez kropki\n"
        "Fot. Agencja\n\n"
        "Ostatni akapit.\n\n"
        "Zostaw komentarz",
        [
            ("title", "Kraj przechodzi do ofensywy. Firma szykuje własne układy"),
            ("body", "Pierwszy akapit ma dwa zdania."),
            ("body", "To jest drugie."),
            ("caption", "Podpis pod zdjęciem bez kropki"),
            ("caption", "Fot. Agencja"),
            ("body", "Ostatni akapit."),
            ("boilerplate", "Zostaw komentarz"),
        ],
    ),
    (
        "en-hard-wrap",
        "en",
        "en.txt",
        "A Short Title\n\n"
        "This paragraph was wrapped by an editor at a fixed width, so that each\n"
        "line stops where the next word would no longer fit, and the sentence\n"
        "goes on across the break. A second sentence starts mid-line and runs\n"
        "to the end.\n\n"
        "Another wrapped paragraph follows after a blank line and it is about\n"
        "as wide as the first one.\n",
        [
            ("title", "A Short Title"),
            (
                "body",
                "This paragraph was wrapped by an editor at a fixed width, so that each\n"
                "line stops where the next word would no longer fit, and the sentence\n"
                "goes on across the break.",
            ),
            ("body", "A second sentence starts mid-line and runs\nto the end."),
            (
                "body",
                "Another wrapped paragraph follows after a blank line and it is about\n"
                "as wide as the first one.",
            ),
        ],
    ),
    (
        "en-list-of-short-lines-is-not-wrapped",
        "en",
        "en.txt",
        "Opening sentence of the piece.\n\nOne line here.\nAnother line there.\nA third line too.\n",
        [
            ("body", "Opening sentence of the piece."),
            ("body", "One line here."),
            ("body", "Another line there."),
            ("body", "A third line too."),
        ],
    ),
    (
        "es-footer-and-email-notice",
        "es",
        "es.txt",
        "El texto empieza aquí. Sigue después.\n\nDeja un comentario\n\n"
        "Tu dirección de correo electrónico no será publicada.",
        [
            ("body", "El texto empieza aquí."),
            ("body", "Sigue después."),
            ("boilerplate", "Deja un comentario"),
            ("boilerplate", "Tu dirección de correo electrónico no será publicada."),
        ],
    ),
    (
        "repeated-title-and-credit-after-pipe",
        "en",
        "en.txt",
        "Chips and more chips\n\nChips and more chips\n\nThe story begins.\n\n"
        "A related story about chips 1\nThe chip | Credit: Maker\n\nThe story ends.\n\nShare this",
        [
            ("title", "Chips and more chips"),
            ("boilerplate", "Chips and more chips"),
            ("body", "The story begins."),
            ("caption", "A related story about chips 1"),
            ("caption", "The chip | Credit: Maker"),
            ("body", "The story ends."),
            ("boilerplate", "Share this"),
        ],
    ),
    (
        "bom-and-last-line-not-heading",
        "en",
        "en.txt",
        "\ufeffFirst paragraph is a sentence.\nSecond paragraph too.\nMario Rossi",
        [
            ("body", "First paragraph is a sentence."),
            ("body", "Second paragraph too."),
            ("body", "Mario Rossi"),
        ],
    ),
    (
        "single-line-is-not-a-title",
        "en",
        "en.txt",
        "Just one line without a stop",
        [("body", "Just one line without a stop")],
    ),
    (
        "markdown",
        "en",
        "story.md",
        "---\n"
        'title: "Front matter title"\n'
        "description: A one-line summary of the story.\n"
        "tags: [x]\n"
        "---\n\n"
        "# Front matter title\n\n"
        "The intro has a [link](https://example.com/a). It goes on\n"
        "over a second line.\n\n"
        "## A section ##\n\n"
        "![A chip on a desk](https://example.com/chip.png)\n"
        "*Photo: Maker*\n\n"
        "> A quoted sentence.\n> Another one.\n\n"
        "- first item\n"
        "- second item\n\n"
        "Setext heading\n"
        "--------------\n\n"
        "**Bold lead-in line**\n\n"
        "Last paragraph.\n\n"
        "Leave a comment\n",
        [
            ("title", "Front matter title"),
            ("heading", "A one-line summary of the story."),
            ("boilerplate", "Front matter title"),
            ("body", "The intro has a [link](https://example.com/a)."),
            ("body", "It goes on\nover a second line."),
            ("heading", "A section"),
            ("caption", "A chip on a desk"),
            ("caption", "Photo: Maker"),
            ("body", "A quoted sentence."),
            ("body", "Another one."),
            ("body", "first item"),
            ("body", "second item"),
            ("heading", "Setext heading"),
            ("heading", "Bold lead-in line"),
            ("body", "Last paragraph."),
            ("boilerplate", "Leave a comment"),
        ],
    ),
    (
        "markdown-crlf-image-caption-paragraph",
        "it",
        "pezzo.markdown",
        "# Titolo\r\n\r\nPrimo paragrafo.\r\n\r\n![](foto.jpg)\r\n\r\n_La didascalia_\r\n\r\n"
        "_Una nota in corsivo._\r\n\r\nFine.\r\n",
        [
            ("title", "Titolo"),
            ("body", "Primo paragrafo."),
            ("caption", "La didascalia"),
            ("body", "Una nota in corsivo."),
            ("body", "Fine."),
        ],
    ),
    (
        "regex-fallback-language",
        "uk",
        "uk.txt",
        "Перше речення тут. Т. Шевченко написав друге! А це третє?",
        [
            ("body", "Перше речення тут."),
            ("body", "Т. Шевченко написав друге!"),
            ("body", "А це третє?"),
        ],
    ),
]


@pytest.mark.parametrize("case,lang,source,text,expected", CASES, ids=[c[0] for c in CASES])
def test_small_texts(case: str, lang: str, source: str, text: str, expected: list[tuple[str, str]]) -> None:
    doc = _doc(text, lang, source)
    segs = segment(doc)
    _check_invariants(doc, segs)
    assert [(s.role, s.text) for s in segs] == expected


TXT_CASES = [c for c in CASES if not c[2].endswith((".md", ".markdown"))]  # markdown syntax may be left out


@pytest.mark.parametrize("case,lang,source,text", [c[:4] for c in TXT_CASES], ids=[c[0] for c in TXT_CASES])
def test_small_texts_cover_all_content(case: str, lang: str, source: str, text: str) -> None:
    doc = _doc(text, lang, source)
    assert _uncovered(doc, segment(doc)) == ""


def test_markdown_flag_overrides_source() -> None:
    text = "# Heading text\n\nBody sentence."
    as_md = segment(_doc(text, "en", "notes.txt"), markdown=True)
    as_txt = segment(_doc(text, "en", "notes.md"), markdown=False)
    assert as_md[0].text == "Heading text" and as_md[0].role == "title"
    assert as_txt[0].text == "# Heading text"


def test_paragraph_numbers_follow_paragraphs() -> None:
    doc = _doc("Uno. Due.\n\nTre.\nQuattro. Cinque.", "it")
    assert [(s.paragraph, s.text) for s in segment(doc)] == [
        (0, "Uno."), (0, "Due."), (1, "Tre."), (2, "Quattro."), (2, "Cinque."),
    ]


# -- sentences: (lang, text, expected sentences) ---------------------------------------

SENTENCES = [
    # a German ordinal after a determiner or preposition is no sentence end; a year is
    ("de", "Er opferte im 20. Zug einen Bauern. Im 61. Zug gab er auf. Das gilt bis 2020. Danach nicht.",
     ["Er opferte im 20. Zug einen Bauern.", "Im 61. Zug gab er auf.", "Das gilt bis 2020.", "Danach nicht."]),
    ("pl", "Połowy trwają od lat 80. XX wieku. W 54. minucie padł gol. Tak było w 2020. Potem nie.",
     ["Połowy trwają od lat 80. XX wieku.", "W 54. minucie padł gol.", "Tak było w 2020.", "Potem nie."]),
    ("it", "Un modello linguistico (LLM).Il secondo periodo.", ["Un modello linguistico (LLM).", "Il secondo periodo."]),
    ("en", "It was a big word.The next one starts.", ["It was a big word.", "The next one starts."]),
    ("en", "Use e.g. this one. The U.S. Army said so.", ["Use e.g. this one.", "The U.S. Army said so."]),
    # Polish abbreviations Punkt's model lacks ([segment] no_break_after)
    ("pl", "Urząd ds. Produktów Leczniczych wydał komunikat. Mieszka przy ul. Długiej 5. Koniec.",
     ["Urząd ds. Produktów Leczniczych wydał komunikat.", "Mieszka przy ul. Długiej 5.", "Koniec."]),
    ("en", "Version 3.5 is out. See www.Example.com or https://x.org/A.B today.",
     ["Version 3.5 is out.", "See www.Example.com or https://x.org/A.B today."]),
    ("de", "Das ist z.B. ein Satz. Die Kosten liegen bei 3,5 Mrd. Euro.Danach kommt mehr.",
     ["Das ist z.B. ein Satz.", "Die Kosten liegen bei 3,5 Mrd. Euro.", "Danach kommt mehr."]),
    ("pt", "Chegou em 3 de jan. de 2024. Depois saiu.", ["Chegou em 3 de jan. de 2024.", "Depois saiu."]),
    ("pl", "To jest np. test. Prof. Nowak mówi dalej.", ["To jest np. test.", "Prof. Nowak mówi dalej."]),
    ("fr", "Il a parlé (IA).Le texte suit. Fin.", ["Il a parlé (IA).", "Le texte suit.", "Fin."]),
    ("zh", "这是一支笔。那是一本书！", ["这是一支笔。", "那是一本书！"]),
    ("pt-BR", "Primeira frase. Segunda frase.", ["Primeira frase.", "Segunda frase."]),
    # a unit symbol takes no period: "<number> <unit>." before a capital ends the sentence
    ("fr", "Elle a gagné en 2 h 31 min 12 s. Aucune autre n’a fait mieux.",
     ["Elle a gagné en 2 h 31 min 12 s.", "Aucune autre n’a fait mieux."]),
    ("de", "Die Runde misst 12 km. Sie führt am See entlang. Er lief 10 km. auf der Bahn.",
     ["Die Runde misst 12 km.", "Sie führt am See entlang.", "Er lief 10 km. auf der Bahn."]),
    # "<number>." before an opening quote ends the sentence (an ordinal is followed by its noun)
    ("de", "Die Zahl stieg von 19 auf 38. «Es haben sich nicht mehr Kinder verletzt», sagt sie. Am 3. Mai kam er.",
     ["Die Zahl stieg von 19 auf 38.", "«Es haben sich nicht mehr Kinder verletzt», sagt sie.", "Am 3. Mai kam er."]),
    # a capital letter labelling the lowercase word before it ends the sentence before a common word;
    # an initial before a surname or a title letter does not
    ("it", "Per ora esamina soltanto per la patente B. Sono stati assunti sei esaminatori.",
     ["Per ora esamina soltanto per la patente B.", "Sono stati assunti sei esaminatori."]),
    ("pl", "Oddział egzaminuje wyłącznie na kategorię B. Egzaminy na motocykl są gdzie indziej.",
     ["Oddział egzaminuje wyłącznie na kategorię B.", "Egzaminy na motocykl są gdzie indziej."]),
    ("pl", "Wyniki ogłosił dr J. Kowalski w piątek.", ["Wyniki ogłosił dr J. Kowalski w piątek."]),
    ("fr", "Le conseil a entendu M. Le Bris hier.", ["Le conseil a entendu M. Le Bris hier."]),
    # a spaced French opening guillemet opens the next sentence, it does not end this one
    ("fr", "Le nombre a doublé. « Ça va mieux », dit-elle.", ["Le nombre a doublé.", "« Ça va mieux », dit-elle."]),
]


@pytest.mark.parametrize("lang,text,expected", SENTENCES)
def test_sentences(lang: str, text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in sentence_spans(text, 0, len(text), lang)] == expected


def test_long_sentence_is_cut_at_semicolons() -> None:
    clause = "questa parte della frase è abbastanza lunga da contare qualcosa"
    text = "; ".join([clause] * 8) + "."
    spans = sentence_spans(text, 0, len(text), "it")
    assert len(spans) == 8
    assert all(text[a:b].startswith("questa") for a, b in spans)
    assert all(text[a:b].endswith((";", ".")) for a, b in spans)
    short = "; ".join([clause] * 2) + "."
    assert len(sentence_spans(short, 0, len(short), "it")) == 1


def test_sentence_spans_are_absolute_and_stripped() -> None:
    text = "xx  Prima frase. Seconda.  yy"
    assert [text[a:b] for a, b in sentence_spans(text, 2, len(text) - 2, "it")] == [
        "Prima frase.", "Seconda.",
    ]


# -- the five seed files -----------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds() -> dict[str, tuple[Document, list[Segment]]]:
    out = {}
    for lang in SEED_LANGS:
        path = SEEDS / f"{lang}.txt"
        doc = Document(id=lang, lang=lang, text=path.read_text(encoding="utf-8"), source=str(path))
        out[lang] = (doc, segment(doc))
    return out


@pytest.fixture(scope="module")
def gold() -> dict:
    return json.loads((SEEDS / "gold.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", SEED_LANGS)
def test_seed_offsets_and_coverage(seeds, lang: str) -> None:
    doc, segs = seeds[lang]
    _check_invariants(doc, segs)
    assert _uncovered(doc, segs) == ""
    assert sum(s.role == "body" for s in segs) >= 10


def test_seed_noise_spans_get_noise_roles(seeds, gold) -> None:
    assert gold["noise"], "gold.json lists noise spans"
    for noise in gold["noise"]:
        _, segs = seeds[noise["version"]]
        covering = [s for s in segs if s.start < noise["end"] and s.end > noise["start"]]
        assert covering, noise
        assert {s.role for s in covering} == {noise["kind"]}, (noise["text"], [(s.role, s.text) for s in covering])
        assert covering[0].start <= noise["start"] and covering[-1].end >= noise["end"]


def test_seed_required_divergences_stay_in_body(seeds, gold) -> None:
    for div in gold["divergences"]:
        if not div["required"]:
            continue
        _, segs = seeds[div["version"]]
        covering = [s for s in segs if s.start < div["end"] and s.end > div["start"]]
        assert covering and all(s.role == "body" for s in covering), div["text"]


def test_seed_italian_repeated_title(seeds) -> None:
    doc, segs = seeds["it"]
    first_line = doc.text.split("\n", 1)[0]
    same = [s for s in segs if s.text == first_line]
    assert [s.role for s in same] == ["title", "boilerplate"]
    assert segs[0].role == "title"


def test_seed_polish_title_and_body_starts(seeds) -> None:
    doc, segs = seeds["pl"]
    assert segs[0].role == "title"
    assert segs[0].text == doc.text.split("\n", 1)[0]
    assert segs[1].role == "body"


@pytest.mark.parametrize("lang", ("de", "pt", "fr"))
def test_seed_translations_have_no_title_but_one_heading(seeds, lang: str) -> None:
    _, segs = seeds[lang]
    roles = [s.role for s in segs]
    assert "title" not in roles
    assert roles.count("heading") == 1
    assert roles[-1] == "boilerplate"


def test_closing_quote_stays_with_its_sentence():
    text = "Titel der Meldung\n\nSie sagte: „Wir sind bereit.“ Danach ging sie.\n"
    segs = segment(Document(id="de", lang="de", text=text, source="de.txt"))
    assert all(any(ch.isalnum() for ch in s.text) for s in segs), [s.text for s in segs]
    assert any(s.text.endswith("bereit.“") for s in segs), [s.text for s in segs]


@pytest.mark.parametrize("lang,footer", [
    ("it", "Lascia un commento\n\nAccedi per commentare.\n\nUna riga di servizio qualsiasi."),
    ("en", "Leave a comment\nSome other short service line.\nAnother one."),
])
def test_short_lines_after_a_comment_form_are_footer(lang, footer):
    body = ("A first paragraph with enough words to be body text, ending with a full stop.\n\n"
            "A second paragraph that also carries a claim of the article.\n\n")
    doc = Document(id=lang, lang=lang, text=body + footer + "\n", source=f"{lang}.txt")
    roles = [(s.role, s.text) for s in segment(doc)]
    tail = [r for r, t in roles if body.find(t) < 0]
    assert tail and set(tail) == {"boilerplate"}, roles


@pytest.mark.parametrize("lang,above,furniture", [
    ("de", "Mehr aus Polen: Wie Warschau die Fahrausbildung umbauen will", True),
    ("de", "Weitere Artikel aus Frankreich", True),
    ("de", "Live-Ticker zum Nachlesen: So lief das Finale Punkt für Punkt", True),
    ("de", "Eintritt: 5 Euro, Kinder frei", False),  # an info line with figures stays text
    ("de", "Der Verein zählt heute mehr Mitglieder als je zuvor.", False),  # a sentence
    # a French quote hides its final stop behind a spaced closing guillemet: still a sentence
    ("fr", "Le maire demande de la patience : « Nous ne réparerons pas tout en une semaine. »", False),
])
def test_short_lines_just_above_the_footer_are_furniture(lang, above, furniture):
    text = ("Titel der Meldung\n\nEin erster Absatz mit genug Wörtern, um Fließtext zu sein, mit Punkt am Ende.\n\n"
            f"{above}\n\nFacebook | X | WhatsApp\n\nTags: Verein, Sport\n")
    segs = segment(make_document(text, id=lang, lang=lang))
    roles = {s.role for s in segs if text.index(above) <= s.start < text.index(above) + len(above)}
    assert (roles == {"boilerplate"}) is furniture, roles


def test_a_caption_just_above_the_footer_stays_a_caption():
    text = ("Titel der Meldung\n\nEin erster Absatz mit genug Wörtern, um Fließtext zu sein, mit Punkt am Ende.\n\n"
            "Die neue Halle von Westen\nFoto: Gemeinde Borgo\n\nArtikel teilen\n\nKommentare (3)\n")
    segs = segment(make_document(text, id="de", lang="de"))
    roles = {s.text: s.role for s in segs}
    assert roles["Foto: Gemeinde Borgo"] == "caption" and roles["Die neue Halle von Westen"] == "caption", roles


def test_reader_blocks_fix_paragraphs_and_roles():
    from consistency.types import Block

    text = "Headline here\nFirst claim. Second claim.\nPhoto: someone\nLeave a comment"
    blocks = (Block(0, 13, "title"), Block(14, 40, "body"), Block(41, 55, "caption"), Block(56, 71, "body"))
    doc = Document(id="en", lang="en", text=text, source="page.html", extracted=True, blocks=blocks)
    segs = segment(doc)
    assert [(s.role, s.text) for s in segs] == [
        ("title", "Headline here"), ("body", "First claim."), ("body", "Second claim."),
        ("caption", "Photo: someone"), ("boilerplate", "Leave a comment")]
    assert [s.paragraph for s in segs] == [0, 1, 1, 2, 3]


@pytest.mark.parametrize("lang,line,byline", [
    ("it", "di Davide Rota | 31 agosto 2025", True),
    ("fr", "Par Hugo Lefèvre – 31 août 2025 à 21 h 30", True),
    ("de", "Von Lena Brandt, Bozen", True),
    ("it", "di Anna de Luca", True),
    ("fr", "Par ailleurs, le maire a dit.", False),
    ("de", "Von Montag an gilt der neue Fahrplan", False),
    ("pt", "Por isso o governo decidiu", False),
    ("it", "Di Maio ha detto che", False),
    # no cue word: names, a separator, a date
    ("pl", "Ewa Nowicka, 4 grudnia 2025", True),
    ("pl", "Tomasz Lis | 13.11.2025, 07:10", True),
    # "oprac." (compiled by): a Polish desk's author line
    ("pl", "Oprac. Marta Zielińska", True),
    ("pl", "Opracowanie: Jan Kowal", True),
    ("it", "Marco Neri, 45 anni, pensionato", False),
    ("de", "Anna Berg, Sprecherin der Stadt", False),
    # publication and update times
    ("fr", "Mis à jour le 7 novembre 2025 à 10 h 05", True),
    ("fr", "Publié le 2 mars 2025 à 6 h 00 – Mis à jour à 8 h 45", True),
    ("de", "Erstellt: 12.03.2025, 18:40 Uhr", True),
    ("it", "Articolo aggiornato alle 18:40", True),
    # times written "17h12", as French and Portuguese desks do
    ("fr", "Publié le 09/06/2025 à 17h12 – Mis à jour le 10/06/2025 à 08h03", True),
    ("pt", "Publicado a 3 de junho de 2025, 10h30", True),
    ("de", "Aktualisiert am 4. Dezember 2025, 11:20 Uhr", True),
    ("pt", "Atualizado a 12 de maio de 2025, às 18:40", True),
    ("it", "Aggiornato alle 18:05", True),
    # a date and time alone: the publication time (each desk's own)
    ("pl", "14.10.2025, 18:20", True),
    ("pt", "14 de outubro de 2025, 18:10", True),
    ("de", "Am 14. Oktober 2025 stürzte das Gerüst ein.", False),
    ("it", "Pubblicato il bando per 12 posti", False),
    ("de", "Stand der Bauarbeiten im Mai 2025", False),
    # an update time and an editor's note on what was added or corrected
    ("de", "Aktualisiert um 11:15 Uhr: Ergänzt um Angaben des Sägewerks.", True),
    ("it", "Aggiornamento ore 16.40: aggiunte le dichiarazioni del sindaco.", True),
    ("fr", "Mis à jour à 10 h 05 : ajout de la réaction du maire", True),
    ("pl", "Aktualizacja, godz. 14.20: dodano komentarz rzecznika", True),
    ("pt", "Atualizado às 18:40: corrigido o nome da ministra.", True),
    # news given as an update is content
    ("it", "Aggiornamento delle 17.30: il traghetto delle 19 partirà regolarmente.", False),
    ("de", "Aktualisiert um 9 Uhr: Die Polizei hat die Straße wieder freigegeben.", False),
])
def test_author_lines_are_boilerplate(lang, line, byline):
    text = f"Un titolo\n\n{line}\n\nIl primo paragrafo del testo, abbastanza lungo da essere un paragrafo.\n"
    segs = segment(make_document(text, id=lang, lang=lang))
    start = text.index(line)
    roles = {s.role for s in segs if start <= s.start and s.end <= start + len(line)}  # "Oprac." splits the line
    assert roles and (roles == {"boilerplate"}) is byline, roles


@pytest.mark.parametrize("lang,line", [("de", "Kommentare (5)"), ("pl", "Komentarze (42)"), ("it", "12 commenti")])
def test_comment_counters_are_boilerplate(lang, line):
    text = f"Un titolo\n\nIl primo paragrafo del testo, abbastanza lungo da essere un paragrafo.\n\n{line}\n"
    segs = segment(make_document(text, id=lang, lang=lang))
    assert next(s.role for s in segs if s.text == line) == "boilerplate"


@pytest.mark.parametrize("lang,line,caption", [
    ("pt", "Legenda: O novo barco à chegada ao porto. Foto: Sociedade de Salvamento", True),
    ("fr", "Légende : le nouveau bateau à son arrivée au port", True),
    ("it", "Didascalia: la nuova barca all’arrivo in porto", True),
    ("de", "Bildunterschrift: Das neue Boot bei der Ankunft im Hafen", True),
    ("pt", "A legenda da fotografia foi corrigida pelo jornal no dia seguinte.", False),
    # a photo credit after the caption's sentence, or a copyright sign anywhere in the line
    ("fr", "Le président de la société sur le ponton du club. Photo : Chiara Bellomi ©", True),
    ("de", "Ein Traktor mit Schneeschild bei einer Probefahrt. Foto: Stadt Zadrożyn", True),
    ("pl", "Nowa hala od strony rzeki. Fot. Urząd Miasta", True),
    ("pt", "Os voluntários a montar o telhado, no verão de 2024 © Agrupamento Orlavento", True),
    # an agency credit, and what the photo shows
    ("it", "Foto ANSA", True),
    ("fr", "Photo AFP", True),
    ("pl", "Na zdjęciu: burmistrz z wolontariuszami", True),
    ("de", "Im Bild: Die neue Halle von Westen", True),
    ("fr", "Sur la photo : le maire avec les bénévoles", True),
    ("pt", "Na imagem: o presidente da câmara com os voluntários", True),
    ("it", "Foto e video del concerto sono disponibili sul sito del comune.", False),
    # a source after a sentence ends a line of figures, not a caption
    ("de", "Die Zahl der Gäste stieg um fünf Prozent. Quelle: Statistik Austria", False),
])
def test_caption_cue_lines_are_captions(lang, line, caption):
    roles = _roles_of_line(line, lang)
    assert (roles == {"caption"}) is caption, roles


def _roles_of_line(line: str, lang: str) -> set[str]:
    """The roles of the segments of ``line`` put between two paragraphs of a short article."""
    text = f"Un titolo\n\nIl primo paragrafo del testo, abbastanza lungo da essere un paragrafo.\n\n{line}\n\nUn altro paragrafo.\n"
    segs = segment(make_document(text, id=lang, lang=lang))
    return {s.role for s in segs if s.start >= text.index(line) and s.end <= text.index(line) + len(line)}


@pytest.mark.parametrize("lang,line,furniture", [
    ("fr", "Vous avez aimé cet article ? Partagez-le", True),
    ("fr", "Votre commentaire sera publié après modération.", True),  # a comment form's notice
    ("pl", "Komentarz zostanie opublikowany po moderacji.", True),
    ("it", "Ti è piaciuto questo articolo? Condividilo con i tuoi amici", True),
    ("de", "Hat Ihnen dieser Artikel gefallen? Teilen Sie ihn!", True),
    ("pt", "Gostou deste artigo? Partilhe-o", True),
    ("pl", "Podobał ci się ten artykuł? Udostępnij go znajomym", True),
    ("es", "¿Te ha gustado este artículo? Compártelo", True),
    ("en", "Enjoyed this article? Share it with a friend", True),
    ("fr", "Le maire a aimé cet article du règlement et l’a partagé.", False),  # a claim about an article
    ("fr", "Cet article vous a-t-il été utile ? Oui / Non", True),  # a helpfulness poll
    ("de", "War dieser Artikel hilfreich? Jetzt teilen", True),
    ("pl", "Czy ten artykuł był dla Ciebie przydatny?", True),
    ("en", "Was this article helpful? Yes | No", True),
    ("fr", "Le rapport a été utile aux élus, selon le maire.", False),
    # reading times and photo galleries
    ("pl", "Zdrowie | 5 min czytania", True),
    ("it", "SALUTE | Tempo di lettura: 3 minuti", True),
    ("de", "Gesundheit · Lesezeit: 3 Min.", True),
    ("fr", "Santé | Temps de lecture : 4 min", True),
    ("pl", "Zobacz galerię zdjęć (12)", True),
    ("de", "Weitere Artikel aus der Region:", True),
    ("it", "Il tempo di lettura dei ragazzi è sceso a 12 minuti al giorno.", False),
])
def test_share_prompts_are_boilerplate(lang, line, furniture):
    roles = _roles_of_line(line, lang)
    assert (roles == {"boilerplate"}) is furniture, roles


@pytest.mark.parametrize("lang,line,furniture", [
    ("it", "Condividi: Facebook | X | WhatsApp", True),
    ("fr", "Partager sur Facebook – Partager sur X", True),
    ("pl", "Udostępnij: Facebook / Wykop / E-mail", True),
    ("it", "Facebook e X hanno sospeso gli account del comune.", False),  # a sentence about them
    ("de", "Die Stadt ist jetzt auf Instagram", False),  # one network
    ("fr", "Recevez chaque matin l’essentiel de l’actualité : inscrivez-vous à notre newsletter", True),
    ("fr", "Recevez chaque vendredi notre lettre Vins & Terroirs", True),
    ("pt", "Partilhar no WhatsApp", True),  # a sharing word and one network
    ("de", "Teilen auf Facebook", True),
    ("it", "Facebook ha chiuso la pagina del comune", False),
    ("de", "Kommentare (12) | Jetzt kommentieren", True),  # a row of furniture pieces
    ("fr", "Réagir | Partager", True),
    ("de", "Teilen · Drucken", True),
    ("fr", "Voir les 14 commentaires", True),  # a counter inside the phrase
    ("fr", "Le maire | un élu contesté", False),  # pieces that are no furniture
    ("de", "Teilen | Drucken | Merken", True),
    ("pl", "Udostępnij na Facebooku Udostępnij na X", True),  # networks inflected
    ("fr", "Suivez-nous sur Instagram", True),  # a prompt to follow the site
    ("de", "Folgen Sie uns auf Instagram", True),
    ("pt", "Siga-nos no Instagram", True),
    ("de", "7. März 2025 | Von Jonas Pfleiderer", True),  # a date and an author line
    ("it", "Cronaca | 22 marzo 2025", False),  # a section name is no furniture phrase
    ("de", "2024 | 2025", False),  # dates alone: a row of figures
])
def test_share_buttons_are_boilerplate(lang, line, furniture):
    text = f"Un titolo\n\nIl primo paragrafo del testo, abbastanza lungo da essere un paragrafo.\n\n{line}\n\nUn altro paragrafo del testo.\n"
    segs = segment(make_document(text, id=lang, lang=lang))
    assert (next(s.role for s in segs if s.text == line) == "boilerplate") is furniture


@pytest.mark.parametrize("lang,line,furniture", [
    ("pt", "Artigos relacionados: Polónia aperta regras para condutores", True),
    ("fr", "À lire également : Vélos volés, la ruée vers les enchères municipales", True),
    ("pl", "Czytaj więcej: Upały w Niemczech. Miasta sadzą drzewa", True),
    ("de", "Zum Thema: Ski-OL-Weltcup erstmals im Trentino", True),
    ("fr", "Réactions : « C'est une bonne nouvelle pour le quartier », a dit le maire.", False),  # a sentence
])
def test_a_link_line_is_boilerplate(lang, line, furniture):
    """A furniture phrase, a colon, a headline: a link to another article."""
    roles = _roles_of_line(line, lang)
    assert (roles == {"boilerplate"}) is furniture, roles


@pytest.mark.parametrize("lang,line,furniture", [
    ("pl", "Rozmowa z mistrzem szklarskim o tajnikach zawodu – w sobotnim wydaniu.", True),
    ("de", "Das ganze Gespräch lesen Sie in der Samstagsausgabe.", True),
    ("it", "L'intervista completa nell'edizione di domani.", True),
    ("fr", "Retrouvez l'entretien complet dans notre édition de samedi.", True),
    ("pt", "A entrevista completa na edição de sábado.", True),
    ("es", "La entrevista completa en la edición del sábado.", True),
    ("en", "The full interview in Saturday's edition.", True),
    # a festival's edition: no preposition, no day ("which issue")
    ("fr", "Le concours a lieu tous les deux ans. Prochaine édition : 2027.", False),
    ("it", "Il festival si è chiuso nella sua quinta edizione.", False),
    ("pt", "O festival encerrou na sua quinta edição.", False),
    ("de", "Die Stadt senkt die Ausgaben für Straßen um zehn Prozent.", False),
])
def test_a_trailer_for_a_coming_issue_is_boilerplate(lang, line, furniture):
    roles = _roles_of_line(line, lang)
    assert (roles == {"boilerplate"}) is furniture, roles


@pytest.mark.parametrize("line,role", [
    ("Widownia znów pełna?", "heading"),  # a short question on its own line between paragraphs
    ("Und jetzt?", "heading"),
    ("Wer zahlt das alles am Ende, fragen sich viele Eltern in der Stadt seit Wochen?", "body"),  # too long
    ("Wer zahlt? Die Stadt.", "body"),  # two sentences
])
def test_a_short_question_between_paragraphs_is_a_subheading(line, role):
    text = f"Titel\n\nDer erste Absatz des Textes, lang genug für einen Absatz.\n\n{line}\n\nEin weiterer Absatz des Textes.\n"
    segs = segment(make_document(text, id="de", lang="de"))
    start = text.index(line)
    assert {s.role for s in segs if start <= s.start < start + len(line)} == {role}



def test_a_footer_under_single_breaks_is_not_joined_as_wrapped_text():
    """A hard-wrapped export whose footer lines (a credit, a "read also" link, share buttons) sit under
    single line breaks: each footer line keeps its own block and role, it is not joined as prose."""
    import textwrap

    paragraphs = [
        "Il comune ha aperto ieri il nuovo orto condiviso dietro la stazione, con sessanta parcelle per le "
        "famiglie del quartiere nord e una casetta per gli attrezzi comuni.",
        "Le parcelle sono state assegnate con un sorteggio pubblico in municipio, davanti a un notaio e a "
        "duecento persone che aspettavano da mesi di sapere se avrebbero avuto un orto.",
    ]
    prose = "".join(textwrap.fill(p, 60) + "\n\n" for p in paragraphs)
    footer = ("Foto: Le parcelle dietro la stazione / Comune di Belvarone\n"  # as long as the prose lines
              "Leggi anche: Il giardino di quartiere cerca volontari\n"
              "Condividi: Facebook | X\n")
    text = "Nuovi orti in città\n\n" + prose + footer
    segs = segment(make_document(text, id="it", lang="it"))
    start = text.index(footer)
    assert {s.role for s in segs if s.start >= start} <= {"caption", "boilerplate"}, \
        [(s.role, s.text) for s in segs if s.start >= start]
    assert [s.role for s in segs if "sorteggio" in s.text] == ["body"]  # the prose is still joined
