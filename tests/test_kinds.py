"""Each flag kind on small articles we wrote (tests/data/cases.json), in several languages."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import consistency

CASES = json.loads((Path(__file__).parent / "data" / "cases.json").read_text(encoding="utf-8"))


def _run(case):
    return consistency.check(dict(case["versions"]))


@pytest.mark.parametrize("case", [c for c in CASES if c["kind"] != "clean"], ids=lambda c: c["name"])
def test_planted_divergence_found(case):
    report = _run(case)
    exp = case["expect"]
    hits = [f for f in report.flags if f.version == exp["version"] and f.kind == exp["kind"]]
    assert hits, f"expected a {exp['kind']} flag on {exp['version']}; got " + "; ".join(
        f"{f.kind}/{f.version}: {f.message}" for f in report.flags)
    if "contains" in exp:
        assert any(exp["contains"] in f.text for f in hits), [f.text for f in hits]
    if "counterpart_contains" in exp:
        assert any(exp["counterpart_contains"] in c.text for f in hits for c in f.counterparts)


@pytest.mark.parametrize("case", [c for c in CASES if c["kind"] == "clean"], ids=lambda c: c["name"])
def test_clean_set_raises_no_high_flag(case):
    report = _run(case)
    high = [f"{f.kind}/{f.version}: {f.message}" for f in report.flags if f.severity == "high"]
    assert not high


SHARED_DRIFT = {  # it and fr give the new reservoir another purpose than de, pt and pl
    "it": ("Il comune di Valtorre costruirà un nuovo bacino sopra il paese. I lavori inizieranno in primavera. "
           "Il bacino servirà a produrre neve artificiale per le piste da sci durante l'inverno. "
           "Il progetto costerà quattro milioni di euro."),
    "de": ("Die Gemeinde Valtorre baut ein neues Wasserbecken oberhalb des Dorfes. Die Arbeiten beginnen im Frühjahr. "
           "Das Becken soll den Bauern im Sommer Wasser für die Bewässerung ihrer Wiesen liefern. "
           "Das Projekt kostet vier Millionen Euro."),
    "pt": ("O município de Valtorre vai construir um novo reservatório acima da aldeia. As obras começam na primavera. "
           "O reservatório vai fornecer aos agricultores água para regar os prados no verão. "
           "O projeto custará quatro milhões de euros."),
    "fr": ("La commune de Valtorre construira un nouveau bassin au-dessus du village. Les travaux commenceront au "
           "printemps. Le bassin servira à produire de la neige artificielle pour les pistes de ski en hiver. "
           "Le projet coûtera quatre millions d'euros."),
    "pl": ("Gmina Valtorre zbuduje nowy zbiornik nad wsią. Prace rozpoczną się wiosną. "
           "Zbiornik ma latem dostarczać rolnikom wodę do nawadniania łąk. "
           "Projekt będzie kosztował cztery miliony euro."),
}


def test_drift_two_versions_share_is_raised_for_both(candidates):
    """3 against 2: the two versions that agree with each other, not with the majority, are both drift candidates."""
    consistency.check(SHARED_DRIFT, detectors=["drift"])
    drifted = {c.version for c in candidates if c.kind == "drift"}
    assert drifted == {"it", "fr"}, [(c.version, c.message) for c in candidates]


_SAID = {"it": ("«", "», ha detto il sindaco."), "de": ("„", "“, sagte der Bürgermeister."),
         "pt": ("«", "», disse o presidente da câmara."), "fr": ("« ", " », a dit le maire."),
         "pl": ("– ", " – powiedział burmistrz.")}


def _quoted_purpose(lang: str, text: str) -> str:
    """SHARED_DRIFT with its third sentence (the reservoir's purpose) as the mayor's direct speech."""
    first, second, purpose, rest = re.split(r"(?<=\.) ", text, maxsplit=3)
    opening, closing = _SAID[lang]
    return " ".join([first, second, opening + purpose.rstrip(".") + closing, rest])


def test_direct_speech_is_not_judged_for_drift(candidates):
    """Quotes are rendered freely (idioms, jokes), so drift does not judge a sentence that is direct speech in
    every version: the shifted purpose above, said by the mayor, raises no drift candidate (a changed figure,
    name or negation in it would still be flagged by their own detectors)."""
    quoted = {lang: _quoted_purpose(lang, text) for lang, text in SHARED_DRIFT.items()}
    assert all(_SAID[lang][0] in quoted[lang] for lang in quoted)
    consistency.check(quoted, detectors=["drift"])
    assert not [c for c in candidates if c.kind == "drift"], [(c.version, c.message) for c in candidates]


EXTRA = {"it": ("Il progetto costerà", "Il sindaco teme però le proteste degli ambientalisti. Il progetto costerà"),
         "fr": ("Le projet coûtera", "Le maire craint toutefois les protestations des écologistes. Le projet coûtera"),
         "de": ("Das Projekt kostet", "Der Bürgermeister fürchtet allerdings Proteste von Umweltschützern. Das Projekt kostet")}


@pytest.mark.parametrize("carriers,raised", [(["it"], {"it"}), (["it", "fr"], set()), (["it", "fr", "de"], set())],
                         ids=["one", "two", "three"])
def test_an_addition_two_of_five_versions_share_is_not_raised(candidates, carriers, raised):
    """One version's extra sentence is an addition; two of five with the same sentence are a bridge the
    others fold elsewhere (``gaps.SHARED_ADDITION_MIN_VERSIONS``); three of five are the majority."""
    texts = dict(SHARED_DRIFT)
    for v in carriers:
        texts[v] = texts[v].replace(*EXTRA[v])
    consistency.check(texts, detectors=["gaps"])
    assert {c.version for c in candidates if c.kind == "addition"} == raised, [c.message for c in candidates]


def _layout(reader_groups: list[str], version_groups: list[tuple[str, int, int]]):
    """A stand-in FlagContext for ``gaps._insertion_point``: the reader's sentences in groups A, B, ...,
    and the other version's sentences as (group, start, end)."""
    from types import SimpleNamespace as NS

    segs = {"it": [NS(id=f"it{k}", index=k, version="it", start=10 * k, end=10 * k + 9, group=g)
                   for k, g in enumerate(reader_groups)],
            "fr": [NS(id=f"fr{k}", index=k, version="fr", start=s, end=e, group=g)
                   for k, (g, s, e) in enumerate(version_groups)]}
    every = [s for v in segs.values() for s in v]
    groups = {g: NS(id=g) for g in {s.group for s in every}}
    return NS(segments=segs, alignment=NS(groups=groups, group_of={s.id: s.group for s in every}),
              members=lambda group, v: [s for s in segs[v] if s.group == group.id]), groups


@pytest.mark.parametrize("version_groups,point", [
    ([("A", 0, 40), ("B", 41, 80), ("D", 81, 120)], 80),  # fr lacks C: after B's counterpart
    ([("A", 0, 40), ("D", 41, 120)], 41),  # fr merged B into D's sentence and lacks C: at that sentence
], ids=["between", "merged"])
def test_where_an_omission_sits(version_groups, point):
    from consistency.flags import gaps

    ctx, groups = _layout(["A", "B", "C", "D"], version_groups)
    assert gaps._insertion_point(ctx, groups["C"], "fr", "it") == point


def test_an_omission_between_two_sentences_one_version_joined_sits_inside_it():
    """fr renders the reader's sentences before and after the gap as one segment (a stop its segmenter did not
    cut at): the omission sits at the stop that parts the two renderings, not at the segment's end."""
    import re
    import zlib
    from types import SimpleNamespace as NS

    import numpy as np

    from consistency.flags import gaps

    def embed(texts):  # words shared across languages (figures, cognates) make texts close
        out = np.zeros((len(texts), 64))
        for i, text in enumerate(texts):
            for w in re.findall(r"\w+", text.lower()):
                out[i, zlib.crc32(w[:4].encode()) % 64] += 1.0
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)

    it = ["Il coro è nato nel 1894.", "La sala parrocchiale è stata venduta dalla diocesi nel 2024.",
          "Senza una nuova sede il coro chiuderebbe.", "Oggi cantano 48 coristi con età media di 61 anni."]
    fr = ("Le chœur est né en 1894. La salle paroissiale, vieille de cent ans, a été vendue par le diocèse en 2024. "
          "Aujourd’hui, 48 choristes chantent, avec une moyenne d’âge de 61 ans.")
    cut = fr.index(" Aujourd")
    segs = {"it": [NS(id=f"it{k}", index=k, version="it", start=100 * k, end=100 * k + len(s), text=s, group=g)
                   for k, (s, g) in enumerate(zip(it, "ABCB"))],
            "fr": [NS(id="fr0", index=0, version="fr", start=0, end=24, text=fr[:24], group="A"),
                   NS(id="fr1", index=1, version="fr", start=25, end=len(fr), text=fr[25:], group="B")]}
    every = [s for v in segs.values() for s in v]
    groups = {g: NS(id=g) for g in {s.group for s in every}}
    ctx = NS(segments=segs, alignment=NS(groups=groups, group_of={s.id: s.group for s in every}), embed_fn=embed,
             members=lambda group, v: [s for s in segs[v] if s.group == group.id])
    assert gaps._insertion_point(ctx, groups["C"], "fr", "it") == cut


def _moved_ctx(vectors: dict[str, list[float]], holder: list[str], target: list[str]):
    """A stand-in FlagContext for ``votes._moved``: one-clause sentences, embedded by the table."""
    from types import SimpleNamespace as NS

    import numpy as np

    def seg(v, k, text):
        return NS(id=f"{v}{k}", version=v, index=k, start=100 * k, end=100 * k + len(text), text=text, role="body")

    segs = {"it": [seg("it", k, x) for k, x in enumerate(holder)], "fr": [seg("fr", k, x) for k, x in enumerate(target)]}
    unit = {x: np.array(v, dtype=float) / np.linalg.norm(v) for x, v in vectors.items()}
    return NS(segments=segs, documents={"it": NS(lang="xx"), "fr": NS(lang="xx")}, thresholds={"faithful": 0.8, "link": 0.5},
              embed_fn=lambda texts: np.stack([unit[x] for x in texts]), calibration=NS(similarity=lambda s: s))


@pytest.mark.parametrize("fr_price,moved", [
    ("Le prix baisse de moitié la première semaine", True),  # fr says it elsewhere, and it is it's best match
    ("Le prix reste plein", False),  # nothing in fr is close enough
], ids=["said-elsewhere", "not-said"])
def test_a_moved_sentence_said_elsewhere_is_no_gap(fr_price, moved):
    from types import SimpleNamespace as NS

    from consistency.flags import votes

    vectors = {"Prezzo a metà la prima settimana": [1, 0, 0], "Le stazioni sono 40": [0, 1, 0],
               "Les stations sont 40": [0, 1, 0.1], "Le prix baisse de moitié la première semaine": [1, 0, 0.2],
               "Le prix reste plein": [0.3, 0, 1]}
    ctx = _moved_ctx(vectors, ["Le stazioni sono 40", "Prezzo a metà la prima settimana"], ["Les stations sont 40", fr_price])
    group = NS(members=("it1",))
    assert votes._moved(ctx, group, "it", "Prezzo a metà la prima settimana", "fr") is moved


@pytest.mark.parametrize("lead,closeness,moved", [
    ("Chiuso dal 2021 per le crepe, il faro riapre sabato", 0.6, True),  # a participle phrase with the figure
    ("Chiuso da anni per le crepe, il faro riapre sabato", 0.6, False),  # no figure: a link is not enough
    ("Chiuso dal 2021 per le crepe, il faro riapre sabato", 0.3, False),  # not even a link
], ids=["figure-and-link", "no-figure", "too-far"])
def test_a_sentence_a_lead_opens_with_is_said_elsewhere(lead, closeness, moved):
    from types import SimpleNamespace as NS

    import numpy as np

    from consistency.flags import votes

    text = "Era chiuso dal 2021 per le crepe"
    piece = lead.split(",")[0]
    vectors = {text: [1, 0, 0], piece: [closeness, (1 - closeness ** 2) ** 0.5, 0]}
    ctx = _moved_ctx(vectors, ["Il faro riapre sabato", text], [lead])
    known = ctx.embed_fn
    ctx.embed_fn = lambda texts: np.stack([known([x])[0] if x in vectors else np.array([0.0, 0.0, 1.0]) for x in texts])
    assert votes._moved(ctx, NS(members=("it1",)), "it", text, "fr") is moved


def _subheaded(heading: str) -> dict[str, str]:
    it = ("Vendemmia scarsa in Valdimonte\n\nLa vendemmia è iniziata lunedì in tutta la valle.\n\n"
          "Quest’anno lavorano nei vigneti duecento raccoglitori. Molti arrivano dalla pianura.\n\n"
          "La cooperativa ha aperto una nuova cantina. Può lavorare mille quintali al giorno.\n\n"
          "La grandine di luglio ha colpito i vigneti più alti. La siccità di agosto ha ridotto le rese.\n\n"
          "I produttori sperano in un buon vino nonostante tutto. La festa dell’uva si terrà a ottobre.\n\n"
          "Il sindaco ha promesso aiuti. Le domande si presentano in comune.")
    de = ("Magere Weinlese im Valdimonte\n\nDie Weinlese hat am Montag im ganzen Tal begonnen.\n\n"
          "Dieses Jahr arbeiten zweihundert Erntehelfer in den Weinbergen. Viele kommen aus der Ebene.\n\n"
          "Die Genossenschaft hat eine neue Kellerei eröffnet. Sie kann tausend Doppelzentner am Tag verarbeiten.\n\n"
          f"{heading}\n\n"
          "Der Hagel im Juli traf die höchsten Weinberge. Die Dürre im August senkte die Erträge.\n\n"
          "Die Winzer hoffen trotz allem auf einen guten Wein. Das Traubenfest findet im Oktober statt.\n\n"
          "Der Bürgermeister versprach Hilfe. Anträge stellt man in der Gemeinde.")
    fr = ("Maigres vendanges dans le Valdimonte\n\nLes vendanges ont commencé lundi dans toute la vallée.\n\n"
          "Cette année, deux cents vendangeurs travaillent dans les vignes. Beaucoup viennent de la plaine.\n\n"
          "La coopérative a ouvert une nouvelle cave. Elle peut traiter mille quintaux par jour.\n\n"
          "La grêle de juillet a frappé les vignes les plus hautes. La sécheresse d’août a réduit les rendements.\n\n"
          "Les vignerons espèrent malgré tout un bon vin. La fête du raisin aura lieu en octobre.\n\n"
          "Le maire a promis des aides. Les demandes se font à la mairie.")
    return {"it": it, "de": de, "fr": fr}


@pytest.mark.parametrize("heading,raised", [
    ("Hagel und Dürre", False),  # names what the paragraph below says: no claim of its own
    ("Die Preise für Trauben fallen weiter", False),  # a desk's own navigation: the claims are in the body
    ("Traubenpreise fallen um 20 Prozent", True),  # a number nobody else states is a claim
    ("Tausend Doppelzentner am Tag", False),  # a number every version states in its body is navigation
    ("Leider ist nicht jeder Jahrgang ein guter", True),  # so is a negation
])
def test_subheading_only_one_version_has(candidates, heading, raised):
    consistency.check(_subheaded(heading), detectors=["gaps"])
    added = [c for c in candidates if c.kind == "addition" and c.version == "de"]
    assert bool(added) is raised, [c.message for c in candidates]


def _led(lead_it: str, lead_de: str) -> dict[str, str]:
    """A story whose it and de versions open with a lead sentence the fr version has not."""
    # the lead opens the first paragraph (a standfirst of its own would never be compared: votes.standfirst)
    it = ("Festival di Lindavo, vince una regista portoghese\n\n"
          f"{lead_it} "
          "Il festival si è chiuso domenica sera con la cerimonia in piazza. Il pubblico ha superato ogni record.\n\n"
          "Il premio per il miglior attore è andato al polacco Marek Zielonka per il film «La neve di marzo». "
          "Quello per la miglior regia è andato al tedesco Jonas Albrecht.\n\n"
          "La prossima edizione si terrà a settembre. Il direttore ha annunciato una nuova sezione per i documentari.")
    de = ("Festival von Lindavo: Portugiesische Regisseurin gewinnt\n\n"
          + (f"{lead_de} " if lead_de else "") +
          "Das Festival endete am Sonntagabend mit der Zeremonie auf dem Platz. Das Publikum brach alle Rekorde.\n\n"
          "Der Preis für den besten Darsteller ging an den Polen Marek Zielonka für den Film «Märzschnee». "
          "Der Regiepreis ging an den Deutschen Jonas Albrecht.\n\n"
          "Die nächste Ausgabe findet im September statt. Der Direktor kündigte eine neue Sektion für Dokumentarfilme an.")
    fr = ("Festival de Lindavo : une réalisatrice portugaise l’emporte\n\n"
          "Le festival s’est terminé dimanche soir par la cérémonie sur la place. Le public a battu tous les records.\n\n"
          "Le prix du meilleur acteur est revenu au Polonais Marek Zielonka pour le film « La neige de mars ». "
          "Celui de la meilleure réalisation est allé à l’Allemand Jonas Albrecht.\n\n"
          "La prochaine édition aura lieu en septembre. Le directeur a annoncé une nouvelle section pour les documentaires.")
    return {"it": it, "de": de, "fr": fr}


@pytest.mark.parametrize("lead_it,lead_de,raised", [
    # the lead sums up a later sentence fr has: fr lacks nothing
    ("Premi anche per il polacco Marek Zielonka e il tedesco Jonas Albrecht.",
     "Preise gingen auch an den Polen Marek Zielonka und den Deutschen Jonas Albrecht.", False),
    # the lead says something fr says nowhere
    ("Il sindaco ha promesso un nuovo cinema all'aperto per l'estate prossima.",
     "Der Bürgermeister versprach für den nächsten Sommer ein neues Freiluftkino.", True),
    # it shares words with a later sentence by chance (premiato/premio, film, polacco), de does not:
    # one carrier out of two is no restatement
    ("Il pubblico ha premiato il film polacco con una lunga ovazione.",
     "Das Publikum feierte den polnischen Film mit langem Applaus.", True),
])
def test_omission_of_a_restated_lead(candidates, lead_it, lead_de, raised):
    consistency.check(_led(lead_it, lead_de), detectors=["gaps"])
    lacks = [c for c in candidates if c.kind == "omission" and c.version == "fr"]
    assert bool(lacks) is raised, [c.message for c in candidates]


@pytest.mark.parametrize("lead_it,raised", [
    ("Premi anche per il polacco Marek Zielonka e il tedesco Jonas Albrecht.", False),  # sums up its body
    ("Il sindaco ha promesso un nuovo cinema all'aperto per l'estate prossima.", True),
])
def test_addition_of_a_restating_lead(candidates, lead_it, raised):
    consistency.check(_led(lead_it, ""), detectors=["gaps"])
    added = [c for c in candidates if c.kind == "addition" and c.version == "it"]
    assert bool(added) is raised, [c.message for c in candidates]


SHARED_SWAP = {  # pt and fr name another chair of the jury than it, de and pl
    "it": ("Il premio Valdora è andato alla scrittrice Marta Lenzi. La giuria, presieduta da Carla Moretti, "
           "ha scelto il romanzo all'unanimità. La cerimonia si è svolta sabato a Valdora."),
    "de": ("Der Valdora-Preis ging an die Schriftstellerin Marta Lenzi. Die Jury unter dem Vorsitz von "
           "Carla Moretti wählte den Roman einstimmig. Die Feier fand am Samstag in Valdora statt."),
    "pt": ("O prémio Valdora foi para a escritora Marta Lenzi. O júri, presidido por Paolo Ferrante, "
           "escolheu o romance por unanimidade. A cerimónia decorreu no sábado em Valdora."),
    "fr": ("Le prix Valdora est revenu à l'écrivaine Marta Lenzi. Le jury, présidé par Paolo Ferrante, "
           "a choisi le roman à l'unanimité. La cérémonie a eu lieu samedi à Valdora."),
    "pl": ("Nagroda Valdora trafiła do pisarki Marty Lenzi. Jury pod przewodnictwem Carli Moretti "
           "wybrało powieść jednogłośnie. Uroczystość odbyła się w sobotę w Valdorze."),
}


def test_a_name_two_versions_swapped_alike_is_flagged_in_both():
    """3 against 2: the two versions that name the same other person are both entity flags."""
    report = consistency.check(SHARED_SWAP, detectors=["entity"])
    swapped = {f.version for f in report.flags if f.kind == "entity"}
    assert swapped == {"pt", "fr"}, [(f.version, f.message) for f in report.flags]


def _split(threat: bool) -> dict[str, str]:
    """de says in a sentence of its own what the others say inside the sentence before it (or do not say)."""
    it_tail = " minacciato da un grande progetto turistico" if threat else ""
    fr_tail = " menacé par un grand projet touristique" if threat else ""
    pt_tail = " ameaçada por um grande projeto turístico" if threat else ""
    return {
        "it": ("Il premio principale è andato a «Le case di sale». "
               f"Il film racconta tre generazioni di donne che lavorano nelle saline di un villaggio dell'Algarve{it_tail}. "
               "La giuria ha lodato la sobrietà della regia. La cerimonia si è chiusa con un concerto."),
        "fr": ("Le prix principal est revenu aux « Maisons de sel ». "
               f"Le film suit trois générations de femmes qui travaillent dans les salines d’un village de l’Algarve{fr_tail}. "
               "Le jury a salué la sobriété de la mise en scène. La cérémonie s’est terminée par un concert."),
        "pt": ("O prémio principal foi para “Casas de Sal”. "
               f"O filme conta a história de três gerações de mulheres que trabalham nas salinas de uma aldeia do Algarve{pt_tail}. "
               "O júri elogiou a sobriedade da realização. A cerimónia terminou com um concerto."),
        "de": ("Der Hauptpreis ging an «Die Salzhäuser». "
               "Der Film erzählt von drei Generationen von Frauen, die in den Salinen eines Dorfes an der Algarve arbeiten. "
               "Das Dorf ist durch ein grosses Tourismusprojekt bedroht. "
               "Die Jury lobte die nüchterne Regie. Die Feier endete mit einem Konzert."),
    }


@pytest.mark.parametrize("threat,raised", [(True, False), (False, True)])
def test_a_sentence_the_others_say_inside_the_one_before_is_no_addition(candidates, threat, raised):
    consistency.check(_split(threat), detectors=["gaps"])
    added = [c for c in candidates if c.kind == "addition" and c.version == "de"]
    assert bool(added) is raised, [c.message for c in candidates]


@pytest.mark.parametrize("threat", [True, False])
def test_merge_gain_says_whether_the_counterpart_holds_the_sentence(monkeypatch, threat):
    """Joining de's extra sentence to the sentence before it brings that one closer to its fr counterpart
    only when the counterpart says both (``votes._merge_gain``)."""
    from consistency.flags import calibration, votes

    contexts = []
    real = calibration.finalize
    monkeypatch.setattr(calibration, "finalize", lambda ctx, fs: contexts.append(ctx) or real(ctx, fs))
    consistency.check(_split(threat), detectors=["gaps"])
    from consistency.types import Group

    ctx = contexts[0]
    extra = next(s for s in ctx.segments["de"] if s.text.startswith("Das Dorf"))
    alone = Group(id=-1, members=(extra.id,), score=0.0)  # as if the aligner had left it on its own
    gain = votes._merge_gain(ctx, alone, "de", extra.text, "fr")
    assert (gain > 0) is threat, gain


def _with_standfirst(extra_in_standfirst: bool, split_lead: bool = False) -> dict[str, str]:
    """Three versions of a story with a standfirst; de has one sentence more, in its standfirst or in its body
    (``split_lead``: de also splits its standfirst's first sentence in two)."""
    extra = "Der Bürgermeister spricht von einem historischen Tag."
    body_it = ["La nuova biblioteca di Kessling ha aperto sabato nell'ex filanda sul canale.",
               "L'edificio ha quattro piani e ospita 140 mila libri.",
               "I lavori sono durati quattro anni e sono costati 18 milioni di euro.",
               "La biblioteca resterà aperta tutti i giorni fino alle 22."]
    body_de = ["Die neue Bibliothek von Kessling hat am Samstag in der ehemaligen Spinnerei am Kanal eröffnet.",
               "Das Gebäude hat vier Stockwerke und beherbergt 140 000 Bücher.",
               "Die Arbeiten dauerten vier Jahre und kosteten 18 Millionen Euro.",
               "Die Bibliothek ist jeden Tag bis 22 Uhr geöffnet."]
    body_fr = ["La nouvelle bibliothèque de Kessling a ouvert samedi dans l'ancienne filature au bord du canal.",
               "Le bâtiment compte quatre étages et abrite 140 000 livres.",
               "Les travaux ont duré quatre ans et coûté 18 millions d'euros.",
               "La bibliothèque sera ouverte tous les jours jusqu'à 22 heures."]
    de_lead = "Kessling hat eine neue Stadtbibliothek."
    if split_lead:
        de_lead = "Kessling hat eine neue Stadtbibliothek. Sie ist die größte der Region."
    if extra_in_standfirst:
        de_lead = f"{de_lead} {extra}"
    else:
        body_de[2] = f"{body_de[2]} {extra}"
    return {
        "it": "Kessling apre la sua nuova biblioteca\n\nKessling ha una nuova biblioteca civica.\n\n" + "\n\n".join(body_it),
        "de": "Kessling eröffnet seine neue Bibliothek\n\n" + de_lead + "\n\n" + "\n\n".join(body_de),
        "fr": "Kessling inaugure sa nouvelle bibliothèque\n\nKessling a une nouvelle bibliothèque municipale.\n\n"
              + "\n\n".join(body_fr),
    }


@pytest.mark.parametrize("in_standfirst,split_lead,raised", [
    (True, False, False), (False, False, True),
    (True, True, False),  # three short sentences where the others write one: still a standfirst
])
def test_a_sentence_only_one_standfirst_has_is_no_addition(candidates, in_standfirst, split_lead, raised):
    texts = _with_standfirst(in_standfirst, split_lead)
    consistency.check(texts, detectors=["gaps", "clauses"])
    added = [c for c in candidates if c.kind == "addition" and c.version == "de"
             and "Bürgermeister" in texts["de"][c.start:c.end]]
    assert bool(added) is raised, [c.message for c in candidates]


def _entity_flags(texts: dict[str, str]) -> tuple[list[tuple[str, str]], list[str]]:
    """(version, flagged text) of the entity flags a check of ``texts`` raises, and every flag's message."""
    report = consistency.check(texts, detectors=["entity"])
    return [(f.version, f.text) for f in report.flags if f.kind == "entity"], [f.message for f in report.flags]


MISATTRIBUTED = {  # fr gives the warning to the vet, whom every version names in another sentence
    "it": ("Il veterinario distrettuale Jonas Terhorst ha ordinato l'abbattimento di tutte le galline. "
           "Wilma Rosendahl, presidente dell'unione agricoltori, ha avvertito che prima di Pasqua potrebbero "
           "mancare le uova locali."),
    "de": ("Der Kreistierarzt Jonas Terhorst ordnete die Tötung aller Hennen an. "
           "Wilma Rosendahl, Vorsitzende des Bauernverbands, warnte, vor Ostern könnten regionale Eier knapp werden."),
    "pt": ("O veterinário distrital Jonas Terhorst ordenou o abate de todas as galinhas. "
           "Wilma Rosendahl, presidente da união de agricultores, alertou que antes da Páscoa poderão faltar "
           "ovos locais."),
    "fr": ("Le vétérinaire du district Jonas Terhorst a ordonné l'abattage de toutes les poules. "
           "Jonas Terhorst, président de l'union paysanne, a averti que les œufs locaux pourraient manquer "
           "avant Pâques."),
    "pl": ("Powiatowy lekarz weterynarii Jonas Terhorst zarządził ubój wszystkich kur. "
           "Wilma Rosendahl, przewodnicząca związku rolników, ostrzegła, że przed Wielkanocą może zabraknąć "
           "lokalnych jaj."),
}


def test_a_claim_given_to_someone_named_elsewhere_is_a_swap():
    """fr names, where the others quote Wilma Rosendahl, a person every version names in another sentence:
    the flag is on that name (not on Pâques, the same feast as Pasqua, Ostern, Páscoa and Wielkanoc)."""
    report = consistency.check(MISATTRIBUTED, detectors=["entity"])
    flags = [f for f in report.flags if f.kind == "entity"]
    assert [(f.version, f.text) for f in flags] == [("fr", "Jonas Terhorst")], [f.message for f in flags]
    assert "Wilma Rosendahl" in flags[0].message


QUOTED = {  # pl gives the mayor's quote to his deputy; its attribution is a clause of its own after the dash
    "it": ("La vicesindaca Renate Sommer ha presentato il piano per il nuovo campus. "
           "«Nessuno chiude a cuor leggero una scuola di paese», ha detto il sindaco Harald Venn. "
           "I lavori inizieranno in primavera."),
    "de": ("Vizebürgermeisterin Renate Sommer stellte den Plan für den neuen Campus vor. "
           "„Niemand schließt leichten Herzens eine Dorfschule“, sagte Bürgermeister Harald Venn. "
           "Die Bauarbeiten beginnen im Frühjahr."),
    "pt": ("A vice-presidente da câmara Renate Sommer apresentou o plano do novo campus. "
           "“Ninguém fecha de ânimo leve uma escola de aldeia”, afirmou o presidente da câmara Harald Venn. "
           "As obras começam na primavera."),
    "fr": ("L'adjointe au maire Renate Sommer a présenté le projet du nouveau campus. "
           "« Personne ne ferme de gaieté de cœur une école de village », a déclaré le maire Harald Venn. "
           "Les travaux commenceront au printemps."),
    "pl": ("Wiceburmistrz Renate Sommer przedstawiła plan nowego kampusu.\n"
           "– Nikt nie zamyka wiejskiej szkoły z lekkim sercem – powiedziała wiceburmistrz Renate Sommer. "
           "Prace ruszą wiosną."),
}


def test_a_quote_given_to_someone_named_elsewhere_is_a_swap():
    """The others' naming clause (quote and attribution in one) points at pl's quote clause; the swapped
    name sits in the attribution after the dash, in the same sentence."""
    flags, messages = _entity_flags(QUOTED)
    assert flags == [("pl", "Renate Sommer")], messages


BY_SURNAME = {  # de gives the mayor's quote to the commander, by the surname it introduced him with
    "it": ("Il comandante Markus Feldbauer guida i vigili del fuoco del paese da dodici anni. "
           "Il nuovo edificio costa 4,6 milioni di euro. «Qui ogni euro è speso bene», ha detto la sindaca Karin Löhr."),
    "de": ("Kommandant Markus Feldbauer führt die Feuerwehr des Dorfes seit zwölf Jahren. "
           "Der Neubau kostet 4,6 Millionen Euro. „Hier ist jeder Euro gut angelegt“, sagte Kommandant Feldbauer."),
    "pt": ("O comandante Markus Feldbauer dirige os bombeiros da aldeia há doze anos. "
           "O novo edifício custa 4,6 milhões de euros. “Aqui cada euro é bem gasto”, disse a presidente da câmara Karin Löhr."),
    "fr": ("Le commandant Markus Feldbauer dirige les pompiers du village depuis douze ans. "
           "Le nouveau bâtiment coûte 4,6 millions d'euros. « Ici, chaque euro est bien dépensé », a déclaré la maire Karin Löhr."),
    "pl": ("Komendant Markus Feldbauer kieruje strażą pożarną we wsi od dwunastu lat. "
           "Nowy budynek kosztuje 4,6 mln euro. – Tu każde euro jest dobrze wydane – powiedziała burmistrz Karin Löhr."),
}


def test_a_quote_given_by_surname_to_someone_the_article_introduced_is_a_swap():
    """German capitalises nouns, so "Feldbauer" alone reads as one; after "Markus Feldbauer" it is his name."""
    flags, messages = _entity_flags(BY_SURNAME)
    assert ("de", "Feldbauer") in flags, messages


def test_the_other_word_of_a_name_the_others_use_here_is_no_swap(check_dev_set):
    """A development set whose de version calls the clubs "Lindmark" and "Castrovaldo" where the others say
    "Vesta" and "Olimpia" ("Vesta Lindmark", "Olimpia Castrovaldo"): a word after a first word is a surname
    only when the others do not name that first word there."""
    report = check_dev_set("basketball-korvalla", ["entity"])
    assert not [f.text for f in report.flags if f.version == "de" and f.kind == "entity"], \
        [f.message for f in report.flags]


SIBLINGS = {  # de gives the sister's quote to her brother, who shares her surname
    "it": ("Riapre il forno del paese\n\nIl forno è stato riaperto da Lena Harrach e da suo fratello Tobias Harrach.\n\n"
           "Ogni mattina escono duecento pagnotte. «Il pane resta il cuore del paese», ha detto Lena Harrach."),
    "de": ("Die Dorfbäckerei ist wieder offen\n\nDie Bäckerei haben Lena Harrach und ihr Bruder Tobias Harrach "
           "wiedereröffnet.\n\nJeden Morgen gibt es zweihundert Brote. „Das Brot bleibt das Herz des Dorfes“, "
           "sagte Tobias Harrach."),
    "pt": ("Reabre a padaria da aldeia\n\nA padaria foi reaberta por Lena Harrach e pelo irmão, Tobias Harrach.\n\n"
           "Todas as manhãs saem duzentos pães. “O pão continua a ser o coração da aldeia”, disse Lena Harrach."),
    "fr": ("La boulangerie du village rouvre\n\nLa boulangerie a été rouverte par Lena Harrach et son frère "
           "Tobias Harrach.\n\nChaque matin sortent deux cents pains. « Le pain reste le cœur du village », "
           "a déclaré Lena Harrach."),
    "pl": ("Wiejska piekarnia znów otwarta\n\nPiekarnię otworzyli ponownie Lena Harrach i jej brat Tobias Harrach.\n\n"
           "Co rano wypieka się dwieście bochenków. – Chleb pozostaje sercem wsi – powiedziała Lena Harrach."),
}


def test_a_claim_given_to_a_namesake_is_a_swap():
    """The surname alone does not make the sister named: de's quote has the brother's given name."""
    flags, messages = _entity_flags(SIBLINGS)
    assert flags == [("de", "Tobias Harrach")], messages


ALPINE = {  # it says "along the Alpine arc" where the others name the Alps
    "it": ("Record per il club di volo\n\nIl socio Lukas Imboden ha percorso 1108 chilometri in undici ore "
           "lungo l'arco alpino: un record per il club."),
    "de": ("Rekord für den Segelflugklub\n\nVereinsmitglied Lukas Imboden legte in elf Stunden 1108 Kilometer "
           "entlang der Alpen zurück, ein Klubrekord."),
    "pt": ("Recorde para o clube de voo\n\nO sócio Lukas Imboden percorreu 1108 quilómetros em onze horas "
           "ao longo dos Alpes, um recorde do clube."),
    "fr": ("Record pour le club de vol à voile\n\nLe membre Lukas Imboden a parcouru 1108 kilomètres en onze "
           "heures le long des Alpes, un record pour le club."),
    "pl": ("Rekord klubu szybowcowego\n\nCzłonek klubu Lukas Imboden w ciągu jedenastu godzin pokonał 1108 km "
           "wzdłuż Alp, to rekord klubu."),
}


def test_a_name_rendered_as_an_adjective_is_not_dropped():
    """"l'arco alpino" names the Alps as an adjective: no entity flag (the model reads the word as the name)."""
    report = consistency.check(ALPINE, detectors=["entity"])
    assert not [f for f in report.flags if f.kind == "entity"], [f.message for f in report.flags]


MUSHER = {  # de says "Lappland"; the others' spellings are "Laponie", "Lapponia", "Laponii", "Lapónia"
    "de": ("Rennen von Tornby\n\nDie 29-jährige Musherin aus dem finnischen Lappland gewann das 300 Kilometer "
           "lange Rennen mit zehn Hunden."),
    "fr": ("Course de Tornby\n\nÀ 29 ans, la musheuse de Laponie finlandaise a remporté la course de 300 kilomètres "
           "avec dix chiens."),
    "it": ("Corsa di Tornby\n\nLa musher ventinovenne della Lapponia finlandese ha vinto la corsa di 300 chilometri "
           "con dieci cani."),
    "pl": ("Wyścig w Tornby\n\n29-letnia maszerka z fińskiej Laponii wygrała wyścig na 300 km z zaprzęgiem "
           "dziesięciu psów."),
    "pt": ("Corrida de Tornby\n\nA musher de 29 anos, natural da Lapónia finlandesa, venceu a corrida de 300 "
           "quilómetros com dez cães."),
}


@pytest.mark.parametrize("order", [["de", "fr", "it", "pl", "pt"], ["it", "de", "pt", "fr", "pl"]],
                         ids=["de-first", "it-first"])
def test_a_name_rendered_by_a_word_does_not_depend_on_the_order(order):
    """Every carrier's spelling is compared with the version's words ("Lapponia" is the closest to
    "Lappland"): which version comes first in the input must not decide."""
    flags, messages = _entity_flags({v: MUSHER[v] for v in order})
    assert not flags, messages


def _chamber(pt_quote: str) -> dict[str, str]:
    """A notaries' chamber: its president, Halina Brzostek, is named, then quoted; the mayor, Ryszard Kołodziej,
    is quoted earlier. pt names nobody in the first sentence and gives the quote to ``pt_quote``."""
    return {
        "it": ("Un notaio per Grzmielewo\n\nIl sindaco Ryszard Kołodziej è soddisfatto: «Ora la banca resterà», "
               "ha detto.\n\nSecondo Halina Brzostek, presidente della Camera notarile, nella regione ci sono ancora "
               "undici città senza notaio. «I giovani notai preferiscono le grandi città», sostiene."),
        "de": ("Ein Notar für Grzmielewo\n\nBürgermeister Ryszard Kołodziej ist zufrieden: „Jetzt bleibt die Bank“, "
               "sagte er.\n\nLaut Halina Brzostek, Präsidentin der Notarkammer, gibt es in der Region noch elf Städte "
               "ohne Notar. „Junge Notare ziehen die Großstädte vor“, sagt sie."),
        "fr": ("Un notaire pour Grzmielewo\n\nLe maire, Ryszard Kołodziej, est satisfait : « Maintenant, la banque "
               "restera », a-t-il dit.\n\nSelon Halina Brzostek, présidente de la chambre des notaires, onze villes "
               "de la région n'ont toujours aucun notaire. « Les jeunes notaires préfèrent les grandes villes », "
               "explique-t-elle."),
        "pl": ("Notariusz dla Grzmielewa\n\nBurmistrz Ryszard Kołodziej jest zadowolony: – Teraz bank zostanie – "
               "powiedział.\n\nJak mówi prezes Izby Notarialnej Halina Brzostek, w regionie jest jeszcze jedenaście "
               "miast bez notariusza. – Młodzi notariusze wybierają duże miasta – przekonuje."),
        "pt": ("Um notário para Grzmielewo\n\nO presidente da câmara, Ryszard Kołodziej, está satisfeito: “Agora o "
               "banco vai ficar”, disse.\n\nNa região há ainda onze cidades sem notário. “Os jovens notários "
               f"preferem as grandes cidades”, afirma {pt_quote}, presidente da Câmara Notarial."),
    }


@pytest.mark.parametrize("pt_quote,expected", [
    ("Ryszard Kołodziej", [("pt", "Ryszard Kołodziej")]),  # the mayor, named by all, but not here
    ("Halina Brzostek", []),                               # the same person, a sentence later
], ids=["quote-given-to-another", "name-moved"])
def test_a_quote_given_to_another_in_the_next_sentence_is_a_swap(pt_quote, expected):
    """pt drops the president's name from the sentence that introduces her and names another person the
    others name elsewhere in the next sentence, the quote's attribution: a swap on that name."""
    flags, messages = _entity_flags(_chamber(pt_quote))
    assert flags == expected, messages


def _prosecutor(pl_sentence: str) -> dict[str, str]:
    """A verdict: the prosecutor, Claudia Brenner, had asked for four years; pl's sentence varies."""
    return {
        "it": "Processo Maurer\n\nLa pm Claudia Brenner aveva chiesto quattro anni e sei mesi di reclusione.",
        "de": "Prozess gegen Maurer\n\nStaatsanwältin Claudia Brenner hatte vier Jahre und sechs Monate Haft gefordert.",
        "pt": "Julgamento de Maurer\n\nA procuradora Claudia Brenner tinha pedido quatro anos e seis meses de prisão.",
        "fr": "Procès Maurer\n\nLa procureure Claudia Brenner avait requis quatre ans et six mois de prison.",
        "pl": f"Proces Maurera\n\n{pl_sentence}",
    }


@pytest.mark.parametrize("pl_sentence,expected", [
    ("Prokurator Claudia Brenner domagała się kary czterech lat i sześciu miesięcy więzienia.", []),
    # the same person, her given name inflected
    ("Według prokurator Claudii Brenner kara powinna wynosić cztery lata i sześć miesięcy więzienia.", []),
    # another given name before the same surname: another person (the model puts "Monika" near "Claudia")
    ("Prokurator Monika Brenner domagała się kary czterech lat i sześciu miesięcy więzienia.",
     [("pl", "Monika Brenner")]),
], ids=["same", "inflected", "other-given-name"])
def test_another_given_name_before_the_surname_is_a_swap(pl_sentence, expected):
    flags, messages = _entity_flags(_prosecutor(pl_sentence))
    assert flags == expected, messages


def _prize(pt_title: str, pt_body: str) -> dict[str, str]:
    """A film prize: the title and the body name the winner, Marek Zielonka; pt's title and body vary."""
    return {
        "it": "Marek Zielonka vince il premio di Lindavo\n\nIl premio per il miglior attore è andato a Marek "
              "Zielonka per il film «La neve di marzo». La cerimonia si è svolta domenica in piazza.",
        "de": "Marek Zielonka gewinnt den Preis von Lindavo\n\nDer Preis für den besten Darsteller ging an Marek "
              "Zielonka für den Film «Märzschnee». Die Zeremonie fand am Sonntag auf dem Platz statt.",
        "fr": "Marek Zielonka remporte le prix de Lindavo\n\nLe prix du meilleur acteur est revenu à Marek Zielonka "
              "pour le film « La neige de mars ». La cérémonie a eu lieu dimanche sur la place.",
        "pt": f"{pt_title}\n\n{pt_body} A cerimónia decorreu no domingo na praça.",
    }


def test_a_name_left_out_of_a_title_is_not_dropped():
    """pt names the winner nowhere: its body drops him (a flag), its title only picks other words (none)."""
    texts = _prize("Ator polaco vence o prémio de Lindavo",
                   "O prémio de melhor ator foi para um ator polaco pelo filme «A neve de março».")
    report = consistency.check(texts, detectors=["entity"])
    flags = [f for f in report.flags if f.kind == "entity" and f.version == "pt"]
    title_end = texts["pt"].index("\n")
    assert flags and all(f.start > title_end for f in flags), [(f.start, f.message) for f in report.flags]


TRADED = {  # every version names both; fr gives the warning to the vet instead of the union's head
    "it": ("Il veterinario Jonas Terhorst e la presidente dell'unione agricoltori Wilma Rosendahl hanno visitato "
           "l'allevamento lunedì. Wilma Rosendahl ha avvertito che prima di Pasqua potrebbero mancare le uova "
           "locali. Le galline sono state abbattute martedì."),
    "de": ("Der Tierarzt Jonas Terhorst und die Vorsitzende des Bauernverbands Wilma Rosendahl besuchten den "
           "Betrieb am Montag. Wilma Rosendahl warnte, vor Ostern könnten regionale Eier knapp werden. "
           "Die Hennen wurden am Dienstag getötet."),
    "pt": ("O veterinário Jonas Terhorst e a presidente da união de agricultores Wilma Rosendahl visitaram a "
           "exploração na segunda-feira. Wilma Rosendahl alertou que antes da Páscoa poderão faltar ovos locais. "
           "As galinhas foram abatidas na terça-feira."),
    "fr": ("Le vétérinaire Jonas Terhorst et la présidente de l'union paysanne Wilma Rosendahl ont visité "
           "l'élevage lundi. Jonas Terhorst a averti que les œufs locaux pourraient manquer avant Pâques. "
           "Les poules ont été abattues mardi."),
    "pl": ("Weterynarz Jonas Terhorst i przewodnicząca związku rolników Wilma Rosendahl odwiedzili fermę "
           "w poniedziałek. Wilma Rosendahl ostrzegła, że przed Wielkanocą może zabraknąć lokalnych jaj. "
           "Kury ubito we wtorek."),
}


def test_two_names_of_the_story_trading_places_is_a_swap():
    """fr names Wilma Rosendahl too, in another sentence, so her name is not dropped from fr; but where all
    four others quote her, fr quotes Jonas Terhorst, whom they name only elsewhere."""
    report = consistency.check(TRADED, detectors=["entity"])
    flags = [f for f in report.flags if f.kind == "entity"]
    assert [(f.version, f.text) for f in flags] == [("fr", "Jonas Terhorst")], [f.message for f in flags]
    assert flags[0].start > TRADED["fr"].index("lundi")


REPLACED = {  # fr gives another cause: the winter storm, where the others blame the heat and the dry summer
    "it": ("Il bostrico ha colpito i boschi di Hollensteg. La forestale ha contato 40.000 abeti malati. "
           "Secondo l'ispettrice, decisivi sono stati il caldo e la mancanza di pioggia a giugno e luglio. "
           "Il legno sarà venduto alle segherie della valle."),
    "de": ("Der Borkenkäfer hat die Wälder von Hollensteg befallen. Der Forstdienst zählte 40.000 kranke Fichten. "
           "Laut der Inspektorin waren die Hitze und der fehlende Regen im Juni und Juli entscheidend. "
           "Das Holz geht an die Sägewerke des Tals."),
    "pt": ("O escolitídeo atacou as florestas de Hollensteg. Os serviços florestais contaram 40.000 abetos doentes. "
           "Segundo a inspetora, foram decisivos o calor e a falta de chuva em junho e julho. "
           "A madeira será vendida às serrações do vale."),
    "fr": ("Le scolyte a frappé les forêts de Hollensteg. Le service forestier a compté 40 000 épicéas malades. "
           "La tempête de l'hiver dernier avait déjà couché des milliers d'arbres, un terrain idéal pour les "
           "insectes. Le bois sera vendu aux scieries de la vallée."),
    "pl": ("Kornik zaatakował lasy w Hollensteg. Służba leśna naliczyła 40 tys. chorych świerków. "
           "Według inspektorki decydujące były upały i brak deszczu w czerwcu i lipcu. "
           "Drewno trafi do tartaków w dolinie."),
}


def test_a_sentence_replaced_by_another_claim_is_one_drift():
    """fr has a sentence nobody has where it lacks the one everybody has: one drift flag on fr's sentence
    that quotes the others' (not an addition and an omission)."""
    report = consistency.check(REPLACED, detectors=["gaps"])
    on_fr = [(f.kind, f.text) for f in report.flags if f.version == "fr"]
    assert [k for k, _ in on_fr] == ["drift"], [(f.kind, f.version, f.message) for f in report.flags]
    assert on_fr[0][1].startswith("La tempête de l'hiver dernier")
    drift = next(f for f in report.flags if f.version == "fr")
    assert {c.version for c in drift.counterparts} == {"it", "de", "pt", "pl"}
    assert "where it, de, pt and pl say" in drift.message


def test_a_sentence_whose_apposition_moved_out_is_no_drift(check_dev_set):
    """eval/sets/candles-lichtenhorst (clean): it, pt and fr say "…, explains candle maker Holger Timm, 61, at
    Brämer since 1983" in one sentence; de ends its sentence at the name and says "Der 61-Jährige arbeitet seit
    1983 bei Brämer." after the quote that follows. The aligner leaves that sentence out of the group, so de's
    sentence scores 0.53 to it's (a drift candidate at p 0.66); but all the others say here and de lacks, de
    says in a neighbouring sentence (``gaps._moved_out``): no drift."""
    report = check_dev_set("candles-lichtenhorst", ["drift"])
    assert not [f for f in report.flags if f.version == "de"], [(f.version, f.message) for f in report.flags]



def _patients(pl_name: str) -> dict[str, str]:
    return {
        "it": ("L’associazione di pazienti Pancreas Nord ha accolto con favore i risultati dello studio. "
               "Il test sarà provato in nove ospedali."),
        "de": ("Die Patientenorganisation Pankreas Nord begrüsste die Ergebnisse der Studie. "
               "Der Test wird in neun Spitälern erprobt."),
        "pt": ("A associação de doentes Pâncreas Norte saudou os resultados do estudo. "
               "O teste será experimentado em nove hospitais."),
        "fr": ("L’association de patients Pancréas Nord a salué les résultats de l’étude. "
               "Le test sera essayé dans neuf hôpitaux."),
        "pl": (f"Wyniki badania z zadowoleniem przyjęło stowarzyszenie pacjentów {pl_name}. "
               "Test zostanie wypróbowany w dziewięciu szpitalach."),
    }


@pytest.mark.parametrize("pl_name,flagged", [
    ("Trzustka Północ", False),  # the name of common words translated word by word
    ("Wątroba Południe", True),  # another organisation ("Liver South")
])
@pytest.mark.parametrize("order", [["it", "de", "pt", "fr", "pl"], ["de", "fr", "it", "pl", "pt"]],
                         ids=["it-first", "de-first"])
def test_a_name_of_common_words_translated_is_no_swap(pl_name, flagged, order):
    """Every carrier's spelling is read: German's "Pankreas" alone (the extractor leaves "Nord") is not
    Polish's "Trzustka Północ", the Italian "Pancreas Nord" is."""
    texts = _patients(pl_name)
    report = consistency.check({v: texts[v] for v in order}, detectors=["entity"])
    flags = [f for f in report.flags if f.kind == "entity" and f.version == "pl"]
    assert bool(flags) is flagged, [f.message for f in report.flags]


QUOTE_NEXT_DOOR = {  # de gives the chairman's quote to the head of private clients, whom all name in the next sentence
    "it": ("«Non ci ritiriamo dai villaggi», ha detto il presidente Jonas Pfeilmann. "
           "La responsabile della clientela privata, Carla Wendt, ha annunciato corsi gratuiti di home banking."),
    "de": ("«Wir ziehen uns nicht aus den Dörfern zurück», sagte Carla Wendt, die das Privatkundengeschäft leitet. "
           "Sie kündigte zudem kostenlose Onlinebanking-Kurse an."),
    "pt": ("“Não estamos a abandonar as aldeias”, afirmou o presidente Jonas Pfeilmann. "
           "Carla Wendt, responsável pelos clientes particulares, anunciou cursos gratuitos de homebanking."),
    "fr": ("« Nous ne nous retirons pas des villages », a affirmé le président Jonas Pfeilmann. "
           "Carla Wendt, responsable de la clientèle des particuliers, a annoncé des cours gratuits de banque en ligne."),
    "pl": ("– Nie wycofujemy się ze wsi – powiedział prezes Jonas Pfeilmann. "
           "Carla Wendt, która odpowiada za klientów indywidualnych, zapowiedziała bezpłatne kursy bankowości internetowej."),
}


def test_a_quote_given_in_german_to_someone_named_elsewhere_is_a_swap():
    """German versions name people by first and last name too ("sagte Carla Wendt"), so the swap is seen."""
    flags, messages = _entity_flags(QUOTE_NEXT_DOOR)
    assert flags == [("de", "Carla Wendt")], messages


def _spire(fr_first: str) -> dict[str, str]:
    """A quake: the others open the damage sentence with "the worst damage is in the centre:"; fr makes that a
    sentence of its own, in free words (or says something else there)."""
    return {
        "it": ("La scossa è stata avvertita fino alla costa. Il danno più visibile è nel centro del paese: la guglia "
               "del campanile è caduta sulla piazza, che a quell'ora era vuota. I pompieri hanno controllato 200 case."),
        "de": ("Das Beben war bis an die Küste zu spüren. Am deutlichsten sind die Schäden im Ortskern: Die Spitze des "
               "Kirchturms stürzte auf den Platz, der um diese Zeit leer war. Die Feuerwehr prüfte 200 Häuser."),
        "pt": ("O abalo foi sentido até à costa. O estrago mais visível está no centro da vila: a agulha do campanário "
               "caiu sobre a praça, que àquela hora estava vazia. Os bombeiros vistoriaram 200 casas."),
        "pl": ("Wstrząs był odczuwalny aż na wybrzeżu. Najbardziej widoczne zniszczenia są w centrum miejscowości: "
               "iglica dzwonnicy spadła na plac, który o tej porze był pusty. Strażacy sprawdzili 200 domów."),
        "fr": ("La secousse a été ressentie jusqu’à la côte. " + fr_first + " La flèche du clocher s’est effondrée sur "
               "la place, déserte à cette heure-là. Les pompiers ont contrôlé 200 maisons."),
    }


@pytest.mark.parametrize("fr_first,moved", [
    ("C’est au cœur du village que les dégâts sont les plus spectaculaires.", True),  # the others' first clause
    ("Les secours ont mis plus de deux heures à atteindre le village.", False),  # a claim nobody else makes
], ids=["split-in-free-words", "new-claim"])
def test_a_clause_the_others_open_a_sentence_with_is_said_next_door(monkeypatch, fr_first, moved):
    """fr's sentence, as if the aligner had left it on its own, is the others' first clause of the next
    sentence when that clause is clearly the closest (``votes.restructured``), even in free words the model
    scores low."""
    # the closest-clause test alone (the sentence-join tests off): pt's and pl's clause scores below "absent"
    # (0.36 and 0.33 with use-m) but far above the next clause around
    assert _restructured_alone(monkeypatch, _spire(fr_first), fr_first, ["pt", "pl"]) is moved


def _restructured_alone(monkeypatch, texts: dict[str, str], fr_text: str, lacking: list[str]) -> bool:
    """``votes.restructured`` for fr's sentence ``fr_text`` as if the aligner had left it on its own, with the
    sentence-join tests (``_merge_gain``, ``_moved``) off."""
    from consistency.flags import calibration, votes
    from consistency.types import Group

    contexts = []
    real = calibration.finalize
    monkeypatch.setattr(calibration, "finalize", lambda ctx, fs: contexts.append(ctx) or real(ctx, fs))
    consistency.check(texts, detectors=["gaps"])
    ctx = contexts[0]
    extra = next(s for s in ctx.segments["fr"] if s.text == fr_text)
    alone = Group(id=-1, members=(extra.id,), score=0.0)
    monkeypatch.setattr(votes, "_merge_gain", lambda *a: -1.0)
    monkeypatch.setattr(votes, "_moved", lambda *a: False)
    return votes.restructured(ctx, alone, "fr", extra.text, lacking)


def _bookseller(fr_last: str) -> dict[str, str]:
    """A retired bookseller stays honorary president and will come every Tuesday to value rare books; the others
    say both in one relative clause, fr in a clause and a sentence of its own (or says something else there)."""
    return {
        "it": ("La libreria ha riaperto sabato. «Ora i libri appartengono a chi li legge», dice l’ex libraio, che resta "
               "presidente onorario della cooperativa e ogni martedì passerà a stimare i volumi rari. "
               "La cooperativa conta 212 soci."),
        "pt": ("A livraria reabriu no sábado. «Agora os livros pertencem a quem os lê», diz o antigo livreiro, que "
               "continua presidente honorário da cooperativa e vai passar todas as terças-feiras para avaliar as obras "
               "raras. A cooperativa tem 212 sócios."),
        "pl": ("Antykwariat otwarto ponownie w sobotę. – Teraz książki należą do tych, którzy je czytają – mówi były "
               "księgarz, który pozostaje honorowym prezesem spółdzielni i w każdy wtorek będzie przychodził wyceniać "
               "rzadkie egzemplarze. Spółdzielnia liczy 212 członków."),
        "fr": ("La librairie a rouvert samedi. « Maintenant, les livres appartiennent à ceux qui les lisent », dit "
               "l’ancien libraire, qui reste président d’honneur de la coopérative. " + fr_last + " "
               "La coopérative compte 212 membres."),
    }


@pytest.mark.parametrize("fr_last,said", [
    ("Il viendra chaque mardi estimer les ouvrages rares.", True),  # the second half of the others' clause
    ("Il a longtemps enseigné le latin au lycée de la ville.", False),  # a claim nobody else makes
], ids=["second-half-of-a-clause", "new-claim"])
def test_a_sentence_the_others_join_to_a_neighbouring_clause_is_said_there(monkeypatch, fr_last, said):
    """fr's sentence, as if the aligner had left it on its own, is said in the others' clause that also renders
    fr's clause before it: joined to that clause, it brings it closer to theirs (``votes._joined_gain``)."""
    assert _restructured_alone(monkeypatch, _bookseller(fr_last), fr_last, ["it", "pt", "pl"]) is said


CAPTION_WITHOUT_CUE = {  # pt's caption has no cue the segmenter knows; fr has no caption
    "it": ("La nuova barca di salvataggio è arrivata ieri nel porto di Sarvena. "
           "La stazione l'ha pagata con le donazioni di tremila famiglie.\n\n"
           "Foto: La nuova barca all'arrivo nel porto di Sarvena | Crediti: Società di salvataggio\n\n"
           "Il vecchio battello andrà a un'altra stazione della costa."),
    "de": ("Das neue Rettungsboot ist gestern im Hafen von Sarvena angekommen. "
           "Die Station hat es mit den Spenden von dreitausend Familien bezahlt.\n\n"
           "Bild: Das neue Boot bei der Ankunft im Hafen von Sarvena | Foto: Rettungsgesellschaft\n\n"
           "Das alte Boot geht an eine andere Station an der Küste."),
    "pt": ("O novo barco salva-vidas chegou ontem ao porto de Sarvena. "
           "A estação pagou-o com os donativos de três mil famílias.\n\n"
           "Na imagem: o novo barco à chegada ao porto de Sarvena. Foto: Sociedade de Salvamento Marítimo/R. Costa\n\n"
           "O barco antigo vai para outra estação da costa."),
    "fr": ("Le nouveau canot de sauvetage est arrivé hier au port de Sarvena. "
           "La station l'a payé grâce aux dons de trois mille familles.\n\n"
           "L'ancien canot ira à une autre station de la côte."),
    "pl": ("Nowa łódź ratownicza przypłynęła wczoraj do portu w Sarvenie. "
           "Stacja zapłaciła za nią z datków trzech tysięcy rodzin.\n\n"
           "Fot. Nowa łódź podczas wejścia do portu w Sarvenie / Towarzystwo Ratownicze\n\n"
           "Stara łódź trafi do innej stacji na wybrzeżu."),
}


def test_a_caption_the_others_mark_is_no_claim_a_version_lacks():
    """Three versions carry the photo line as a caption and pt as text: fr, without the photo, lacks nothing."""
    report = consistency.check(CAPTION_WITHOUT_CUE)
    assert not [f"{f.kind}/{f.version}: {f.message}" for f in report.flags]


SPLIT_LEAD_IN = {  # pt says the lead-in as a sentence of its own; pl lacks the whole claim
    "it": "Una fuga di ammoniaca ha intossicato sei operai in un magazzino frigorifero di Ostravel. La perdita è stata scoperta verso mezzanotte. "
           "I vigili del fuoco hanno chiuso la valvola in un'ora. Non è il primo incidente: già nel 2019 dallo stesso magazzino erano usciti circa 20 chili di ammoniaca, senza feriti. "
           "La procura ha aperto un'indagine.",
    "de": "Ein Ammoniakleck hat in einem Kühlhaus in Ostravel sechs Arbeiter verletzt. Das Leck wurde gegen Mitternacht entdeckt. "
           "Die Feuerwehr schloss das Ventil innerhalb einer Stunde. Es ist nicht der erste Zwischenfall: Bereits 2019 waren aus demselben Kühlhaus rund 20 Kilogramm Ammoniak entwichen, verletzt wurde damals niemand. "
           "Die Staatsanwaltschaft hat Ermittlungen eingeleitet.",
    "pt": "Uma fuga de amoníaco intoxicou seis operários num armazém frigorífico de Ostravel. A fuga foi descoberta por volta da meia-noite. "
           "Os bombeiros fecharam a válvula numa hora. Não é o primeiro incidente. Em 2019 já tinham saído do mesmo armazém cerca de 20 quilos de amoníaco, sem causar feridos. "
           "O Ministério Público abriu um inquérito.",
    "fr": "Une fuite d'ammoniac a intoxiqué six ouvriers dans un entrepôt frigorifique d'Ostravel. La fuite a été découverte vers minuit. "
           "Les pompiers ont fermé la vanne en une heure. Ce n'est pas une première : en 2019 déjà, environ 20 kilos d'ammoniac s'étaient échappés du même entrepôt, sans faire de blessés. "
           "Le parquet a ouvert une enquête.",
    "pl": "Wyciek amoniaku z chłodni w Ostravelu zatruł sześciu pracowników. Wyciek wykryto około północy. "
           "Strażacy zamknęli zawór w ciągu godziny. "
           "Prokuratura wszczęła śledztwo. Mieszkańcy nie kryli oburzenia.",
}


def test_a_short_split_off_sentence_does_not_hide_an_omission():
    """pt's "Não é o primeiro incidente." alone is close to pl's "Mieszkańcy nie kryli oburzenia." (0.41); the
    group's content is pt's long sentence, which pl has nowhere: pl lacks it."""
    report = consistency.check(SPLIT_LEAD_IN)
    assert [f for f in report.flags if f.kind == "omission" and f.version == "pl"]


SPLIT_SURPRISE = {  # de says the others' opening clause as a sentence of its own, in other words
    "it": "L'archivio comunale di Velmora ha messo online i registri dei passaporti. "
          "L'interesse ha sorpreso lo stesso archivio: nella prima settimana il portale ha contato 41.300 visite da 27 Paesi. "
          "Il progetto è durato tre anni ed è costato 1,35 milioni.",
    "de": "Das Stadtarchiv Velmora hat die Passregister online gestellt. "
          "Mit einem solchen Andrang hatte man im Archiv nicht gerechnet. In der ersten Woche wurden 41.300 Besuche aus 27 Ländern gezählt. "
          "Das Projekt dauerte drei Jahre und kostete 1,35 Millionen.",
    "pt": "O arquivo municipal de Velmora colocou online os registos de passaportes. "
          "O interesse surpreendeu o próprio arquivo. Na primeira semana, o portal recebeu 41 300 visitas de 27 países. "
          "O projeto durou três anos e custou 1,35 milhões.",
    "fr": "Les archives municipales de Velmora ont mis en ligne les registres de passeports. "
          "L'engouement a surpris les archivistes eux-mêmes : en une semaine, 41 300 visites ont été enregistrées depuis 27 pays. "
          "Le projet a duré trois ans et coûté 1,35 million.",
    "pl": "Archiwum miejskie w Velmorze udostępniło w sieci rejestry paszportów. "
          "Zainteresowanie zaskoczyło samych archiwistów. W pierwszym tygodniu portal odwiedzono 41,3 tys. razy z 27 krajów. "
          "Projekt trwał trzy lata i kosztował 1,35 mln.",
}


def test_a_sentence_the_others_say_as_a_clause_in_free_words_is_no_addition():
    """de's "Mit einem solchen Andrang hatte man im Archiv nicht gerechnet." is the others' "the interest
    surprised the archive": the model scores the pair low, and lower still when only one side ends in a
    full stop, as a clause never does (``votes.restructured`` compares both without it)."""
    report = consistency.check(SPLIT_SURPRISE)
    assert not [f"{f.kind}/{f.version}: {f.message}" for f in report.flags if f.version == "de"]


LEAD_IN = {  # de sets the lead-in line as a subheading, it and fr as a sentence; pt and pl leave it out
    "it": "Il nuovo abbonamento vale per treni e autobus.\n\nAnche i datori di lavoro si adeguano. L'ospedale "
          "sposterà l'inizio del turno del mattino alle 6.30.\n\nIl sindacato accoglie la novità.",
    "de": "Das neue Abo gilt für Züge und Busse.\n\nArbeitgeber ziehen mit\n\nDas Klinikum verlegt den Beginn der "
          "Frühschicht auf 6.30 Uhr.\n\nDie Gewerkschaft begrüßt die Neuerung.",
    "pt": "O novo passe vale para comboios e autocarros.\n\nO hospital vai adiar o início do turno da manhã para "
          "as 6h30.\n\nO sindicato saúda a novidade.",
    "fr": "Le nouvel abonnement vaut pour les trains et les bus.\n\nLes employeurs suivent le mouvement. L'hôpital "
          "décalera le début de l'équipe du matin à 6 h 30.\n\nLe syndicat salue la nouveauté.",
    "pl": "Nowy bilet obejmuje pociągi i autobusy.\n\nSzpital przesunie początek porannej zmiany na 6.30.\n\n"
          "Związek zawodowy wita zmianę z zadowoleniem.",
}


def test_a_lead_in_line_one_version_sets_as_a_subheading_is_no_omission():
    """"Arbeitgeber ziehen mit" is a subheading in de; it and fr say it as a short sentence before the
    details. pt and pl, which go straight to the details, lack no claim."""
    report = consistency.check(LEAD_IN)
    assert not [f"{f.kind}/{f.version}: {f.message}" for f in report.flags if f.kind == "omission"]


SPLIT_FIGURE = {  # pl says the others' subject as a short sentence of its own
    "it": "Lunedì il comune di Bravessa ha aperto, al pianterreno del vecchio municipio, un centro di consulenza per le piccole imprese. "
          "Quattro esperti, che insieme parlano nove lingue, aiutano gli artigiani a compilare le domande di contributo, a raccogliere i documenti e a trovare l'ufficio competente. "
          "Finora molti rinunciavano a metà strada. Il servizio è gratuito ed è aperto tre giorni alla settimana.",
    "de": "Am Montag hat die Gemeinde Bravessa im Erdgeschoss des alten Rathauses eine Beratungsstelle für Kleinbetriebe eröffnet. "
          "Vier Fachleute, die zusammen neun Sprachen sprechen, helfen den Handwerkern beim Ausfüllen der Förderanträge, beim Sammeln der Unterlagen und bei der Suche nach dem zuständigen Amt. "
          "Bisher gaben viele auf halbem Weg auf. Der Dienst ist kostenlos und an drei Tagen pro Woche geöffnet.",
    "pt": "Na segunda-feira, o município de Bravessa abriu, no rés-do-chão da antiga câmara, um centro de aconselhamento para pequenas empresas. "
          "Quatro especialistas, que falam entre todos nove línguas, ajudam os artesãos a preencher os pedidos de apoio, a reunir os documentos e a encontrar o serviço competente. "
          "Até agora, muitos desistiam a meio do caminho. O serviço é gratuito e funciona três dias por semana.",
    "fr": "Lundi, la commune de Bravessa a ouvert au rez-de-chaussée de l'ancienne mairie un centre de conseil pour les petites entreprises. "
          "Quatre experts, qui parlent à eux tous neuf langues, aident les artisans à remplir les demandes de subvention, à réunir les documents et à trouver le service compétent. "
          "Jusqu'ici, beaucoup abandonnaient en cours de route. Le service est gratuit et ouvert trois jours par semaine.",
    "pl": "W poniedziałek gmina Bravessa otworzyła na parterze starego ratusza punkt doradczy dla małych firm. "
          "Pracuje w nim czworo ekspertów. Razem mówią dziewięcioma językami. Pomagają rzemieślnikom wypełniać wnioski o dotacje, zbierać dokumenty i znaleźć właściwy urząd. "
          "Dotąd wielu rezygnowało w połowie drogi. Usługa jest bezpłatna i dostępna trzy dni w tygodniu.",
}


@pytest.mark.parametrize("extra,flagged", [
    (None, False),  # "Pracuje w nim czworo ekspertów." only splits off the others' "four experts"
    ("Kosztował 80 tys. zł.", True),  # a figure nobody else states is a claim
], ids=["split-off", "new-figure"])
def test_a_short_sentence_of_figures_the_others_state_is_no_addition(extra, flagged):
    """``votes.figures_only`` on whole sentences: six words or fewer, every figure stated by most lacking
    versions."""
    versions = dict(SPLIT_FIGURE)
    if extra:
        versions["pl"] = versions["pl"].replace("firm. ", f"firm. {extra} ")
    report = consistency.check(versions)
    added = [f.text for f in report.flags if f.kind == "addition" and f.version == "pl"]
    assert bool([t for t in added if (extra or "czworo") in t]) is flagged, added


LANDFILL = {  # the foreign desks place the town "in south-east Poland"; the Polish desk does not name Poland
    "it": "Il tribunale ha annullato l'ampliamento della discarica di Kalnowiec, nel sud-est della Polonia.",
    "de": "Das Gericht hat die Erweiterung der Deponie von Kalnowiec im Südosten Polens aufgehoben.",
    "pt": "O tribunal anulou a ampliação do aterro de Kalnowiec, no sudeste da Polónia.",
    "fr": "Le tribunal a annulé l'agrandissement de la décharge de Kalnowiec, dans le sud-est de la Pologne.",
    "pl": "Sąd uchylił zgodę na rozbudowę składowiska w Kalnowcu na Podkarpaciu.",
}


@pytest.mark.parametrize("lacking,flagged", [
    ("pl", False),  # a Polish desk leaves its own country unnamed
    ("de", True),  # a German desk drops a foreign country
], ids=["home-country", "foreign-country"])
def test_a_desk_leaves_its_own_country_unnamed(lacking, flagged):
    texts = dict(LANDFILL)
    if lacking == "de":
        texts["de"] = "Das Gericht hat die Erweiterung der Deponie von Kalnowiec in den Karpaten aufgehoben."
        texts["pl"] = "Sąd uchylił zgodę na rozbudowę składowiska w Kalnowcu w południowo-wschodniej Polsce."
    report = consistency.check(texts, detectors=["entity"])
    hits = [f for f in report.flags if f.kind == "entity" and f.version == lacking]
    assert bool(hits) is flagged, [f.message for f in report.flags]


ORGAN = {  # the organ of Santa Giustina cathedral (the name kept in it, de, pt, fr)
    "it": "Il grande organo della cattedrale di Santa Giustina a Nerbaldo è stato rimontato.",
    "de": "Die große Orgel des Doms Santa Giustina in Nerbaldo ist wieder aufgebaut.",
    "pt": "O grande órgão da catedral de Santa Giustina, em Nerbaldo, foi remontado.",
    "fr": "Le grand orgue de la cathédrale Santa Giustina de Nerbaldo a été remonté.",
}


@pytest.mark.parametrize("pl,flagged", [
    ("Wielkie organy katedry św. Justyny w Nerbaldo zostały ponownie zmontowane.", False),  # translated
    ("Wielkie organy katedry w Nerbaldo zostały ponownie zmontowane.", True),  # no saint at all: dropped
], ids=["saint-translated", "saint-dropped"])
def test_a_saints_name_is_translated(pl, flagged):
    report = consistency.check({**ORGAN, "pl": pl}, detectors=["entity"])
    hits = [f for f in report.flags if f.kind == "entity" and f.version == "pl"]
    assert bool(hits) is flagged, [f.message for f in report.flags]


def test_a_saints_name_in_another_spelling_is_no_swap():
    """fr "Sainte-Barbe" translates "Santa Barbara"; pl's "św. Barbary" is the same saint, not another name."""
    texts = {
        "it": "La campana della chiesa di Santa Barbara ha suonato 63 volte.",
        "de": "Die Glocke der Kirche Santa Barbara läutete 63-mal.",
        "pt": "O sino da igreja de Santa Bárbara tocou 63 vezes.",
        "fr": "La cloche de l'église Sainte-Barbe a sonné 63 fois.",
        "pl": "Dzwon kościoła św. Barbary zabił 63 razy.",
    }
    report = consistency.check(texts, detectors=["entity"])
    assert not [f for f in report.flags if f.kind == "entity"], [f.message for f in report.flags]


@pytest.mark.parametrize("text,lang,saint", [
    ("Santa Giustina", "it", True), ("Sant'Antonio", "it", True), ("São Bento", "pt", True),
    ("Saint-Pierre", "fr", True), ("St. Gallen", "de", True), ("św", "pl", True),
    ("Santander", "es", False), ("Santos", "it", False), ("Justyny", "pl", False),
])
def test_saint_words(text, lang, saint):
    from consistency.flags.entity import _saint

    assert _saint(text, lang) is saint


QUOTE = {  # the librarian Giulia Marchetti is quoted (it, de, fr, pl)
    "it": "«C'è chi viene solo per fare due chiacchiere», racconta Giulia Marchetti.",
    "de": "«Manche kommen nur zum Plaudern», erzählt Giulia Marchetti.",
    "fr": "« Certains viennent juste pour bavarder », raconte Giulia Marchetti.",
    "pl": "– Niektórzy przychodzą tylko porozmawiać – opowiada Giulia Marchetti.",
}


def test_a_swapped_speaker_is_named_not_the_office_before_it():
    """pt gives the quote to a councillor: the flag names him, not the office ("Cultura da Unione") before him."""
    pt = "«Há quem venha só para conversar», diz o vereador da Cultura da Unione montana, Sergio Pellandini."
    report = consistency.check({**QUOTE, "pt": pt}, detectors=["entity"])
    assert [f.text for f in report.flags if f.kind == "entity" and f.version == "pt"] == ["Sergio Pellandini"]



FARRIERS = {  # only de and pl add why farriers are scarce; de's plural noun reads as a name
    "it": "La fiera dei cavalli di Moranzo ha attirato 40 allevatori.\n\nIl comune vuole ripeterla ogni anno. "
          "Le iscrizioni chiudono a marzo.",
    "de": "Die Pferdemesse von Moranzo zog 40 Züchter an.\n\nEs fehlt allerdings an Hufschmieden, denn in der "
          "ganzen Region arbeiten nur noch drei.\n\nDie Gemeinde will die Messe jedes Jahr wiederholen. "
          "Anmeldungen sind bis März möglich.",
    "pt": "A feira de cavalos de Moranzo atraiu 40 criadores.\n\nO município quer repeti-la todos os anos. "
          "As inscrições fecham em março.",
    "fr": "La foire aux chevaux de Moranzo a attiré 40 éleveurs.\n\nLa commune veut la répéter chaque année. "
          "Les inscriptions ferment en mars.",
    "pl": "Targi koni w Moranzo przyciągnęły 40 hodowców.\n\nBrakuje jednak kowali, bo w całym regionie pracuje "
          "ich już tylko trzech.\n\nGmina chce powtarzać targi co roku. Zapisy trwają do marca.",
}


def test_a_name_only_one_version_of_a_partial_group_gives_is_no_drop():
    """de and pl share a sentence the others lack; pl does not drop "Hufschmieden", which no other version names."""
    report = consistency.check(FARRIERS, detectors=["entity"])
    assert not [f for f in report.flags if f.kind == "entity"], [f.message for f in report.flags]


@pytest.mark.parametrize("text,others,split", [
    # the de sentence repeats the others' dates: the rest of their sentence, split off
    ("Vom 1. Mai bis zum 29. Juni, wenn der Seehecht laicht, ist sie dort verboten.",
     {"it": "La delibera introduce un fermo di sessanta giorni, dal 1° maggio al 29 giugno, quando il nasello si riproduce.",
      "fr": "La délibération instaure un arrêt de soixante jours, du 1er mai au 29 juin, période de reproduction du merlu.",
      "pl": "Uchwała wprowadza 60-dniowy zakaz połowów – od 1 maja do 29 czerwca, kiedy morszczuk odbywa tarło."}, True),
    # the others give another end date: a claim of its own
    ("Vom 1. Mai bis zum 29. Juli, wenn der Seehecht laicht, ist sie dort verboten.",
     {"it": "La delibera introduce un fermo di sessanta giorni, dal 1° maggio al 29 giugno, quando il nasello si riproduce.",
      "fr": "La délibération instaure un arrêt de soixante jours, du 1er mai au 29 juin, période de reproduction du merlu.",
      "pl": "Uchwała wprowadza 60-dniowy zakaz połowów – od 1 maja do 29 czerwca, kiedy morszczuk odbywa tarło."}, False),
    # one figure is too common a coincidence
    ("Ab dem 1. Mai ist sie verboten, sagen die Fischer.",
     {"it": "Il fermo parte dal 1° maggio.", "fr": "L'arrêt commence le 1er mai.", "pl": "Zakaz obowiązuje od 1 maja."},
     False),
], ids=["dates-said-nearby", "another-date", "one-figure"])
def test_a_sentence_whose_figures_the_others_state_nearby_was_split_off(monkeypatch, text, others, split):
    from types import SimpleNamespace as NS

    from consistency.flags import votes

    ctx = NS(documents={v: NS(lang=v) for v in ["de", *others]})
    monkeypatch.setattr(votes, "neighbour_units",
                        lambda _ctx, _group, _reader, w: [votes.Unit(w, 0, len(others[w]), others[w])])
    assert votes.split_off(ctx, None, "de", text, list(others)) is split


RACE = {  # a faithful race report: times, gaps, temperatures, placings, ages and counts in each desk's notation
    "it": (
        'Corsa in slitta: vince la finlandese Aino Lehtola\n\n'
        'La 29enne ha chiuso i 300 chilometri in 31 ore, 12 minuti e 5 secondi, nuovo record del '
        'percorso.\n\n'
        'Al via si sono presentate 71 squadre, un numero mai visto prima. Lehtola ha tagliato il '
        'traguardo con 47 minuti di vantaggio sul norvegese Petter Haugen, secondo. Terza la svedese Ida'
        " Berg, a un'ora e 3 minuti.\n\n"
        'Nella notte tra sabato e domenica il termometro è sceso a meno 31 gradi. I veterinari hanno '
        'controllato i cani a ogni tappa: 14 animali sono stati ritirati per precauzione, nessuno in '
        'modo grave.\n\n'
        'Per la mancanza di neve la partenza è stata spostata di 4,5 chilometri più in alto, a 1.150 '
        'metri di quota. Il montepremi era di 25.000 corone.'
    ),
    "de": (
        'Schlittenhunderennen: Finnin Aino Lehtola gewinnt\n\n'
        'Die 29-Jährige bewältigte die 300 Kilometer in 31:12:05 Stunden, Streckenrekord.\n\n'
        'Am Start standen 71 Gespanne, so viele wie nie zuvor. Lehtola kam mit 47 Minuten Vorsprung vor '
        'dem Norweger Petter Haugen ins Ziel, der Zweiter wurde. Dritte wurde die Schwedin Ida Berg mit '
        '1:03 Stunden Rückstand.\n\n'
        'In der Nacht auf Sonntag fiel das Thermometer auf minus 31 Grad. Tierärzte untersuchten die '
        'Hunde an jedem Checkpoint; 14 Tiere wurden vorsorglich aus dem Rennen genommen, keines davon '
        'schwer.\n\n'
        'Wegen Schneemangels wurde der Start um 4,5 Kilometer nach oben verlegt, auf 1150 Meter über '
        'Meer. Das Preisgeld betrug 25 000 Kronen.'
    ),
    "pt": (
        'Corrida de trenós: vitória da finlandesa Aino Lehtola\n\n'
        'A atleta de 29 anos completou os 300 quilómetros em 31h12min05s, novo recorde do percurso.\n\n'
        'À partida estiveram 71 equipas, um número nunca visto. Lehtola cortou a meta com 47 minutos de '
        'vantagem sobre o norueguês Petter Haugen, segundo classificado. Em terceiro ficou a sueca Ida '
        'Berg, a uma hora e três minutos.\n\n'
        'Na noite de sábado para domingo, o termómetro desceu aos 31 graus negativos. Os veterinários '
        'examinaram os cães em cada posto de controlo: 14 animais foram retirados por precaução, nenhum '
        'em estado grave.\n\n'
        'Por falta de neve, a partida foi deslocada 4,5 quilómetros mais acima, para 1150 metros de '
        'altitude. O prémio total era de 25 mil coroas.'
    ),
    "fr": (
        "Course de chiens de traîneau : la Finlandaise Aino Lehtola s'impose\n\n"
        "Âgée de 29 ans, elle a bouclé les 300 kilomètres en 31 h 12 min 05 s, un record de l'épreuve.\n\n"
        "Au départ, 71 attelages, du jamais-vu. Lehtola a franchi la ligne avec 47 minutes d'avance sur "
        'le Norvégien Petter Haugen, deuxième. La Suédoise Ida Berg termine troisième, à 1 h 03.\n\n'
        'Dans la nuit de samedi à dimanche, le thermomètre est descendu à -31 °C. Les vétérinaires ont '
        'examiné les chiens à chaque point de contrôle : 14 animaux ont été retirés par précaution, '
        'aucun dans un état grave.\n\n'
        'Faute de neige, le départ a été déplacé de 4,5 kilomètres vers le haut, à 1150 mètres '
        "d'altitude. La dotation s'élevait à 25 000 couronnes."
    ),
    "pl": (
        'Wyścig psich zaprzęgów: wygrywa Finka Aino Lehtola\n\n'
        '29-letnia zawodniczka pokonała 300 km w czasie 31:12:05, co jest rekordem trasy.\n\n'
        'Na starcie stanęło 71 zaprzęgów – tylu jeszcze nigdy nie było. Lehtola minęła metę z '
        '47-minutową przewagą nad Norwegiem Petterem Haugenem, który był drugi. Trzecie miejsce zajęła '
        'Szwedka Ida Berg ze stratą godziny i trzech minut.\n\n'
        'W nocy z soboty na niedzielę termometr pokazał minus 31 stopni. Weterynarze badali psy na '
        'każdym punkcie kontrolnym: 14 zwierząt wycofano profilaktycznie, żadne nie było w poważnym '
        'stanie.\n\n'
        'Z powodu braku śniegu start przeniesiono o 4,5 km wyżej, na wysokość 1150 m n.p.m. Pula nagród '
        'wynosiła 25 tys. koron.'
    ),
}


def test_a_faithful_race_report_has_no_number_flag():
    """"31 ore, 12 minuti e 5 secondi" = "31:12:05" = "31h12min05s", "meno 31 gradi" = "-31 °C", "29enne" =
    "29-letnia", "1.150 metri" = "1150 m", "25.000 corone" = "25 tys. koron"."""
    report = consistency.check(RACE, detectors=["number"])
    assert not [f for f in report.flags if f.kind == "number"], [f.message for f in report.flags]


EXHIBITION = {  # a faithful culture piece: exonyms (Monaco di Baviera / München / Monachium), inflected Polish names
    "it": (
        'Morandi a Colonia: la mostra arriva da Venezia\n\n'
        'Il Museo Ludwig di Colonia apre sabato una mostra dedicata a Giorgio Morandi, con 64 dipinti e '
        '20 incisioni prestati soprattutto da collezioni di Venezia e Monaco di Baviera.\n\n'
        "La curatrice Anna Weber ha lavorato tre anni al progetto insieme allo storico dell'arte "
        'francese Jean-Luc Martin. «Morandi dipingeva sempre le stesse bottiglie, eppure ogni quadro è '
        'diverso», ha detto Weber.\n\n'
        "Tra le opere esposte c'è «Natura morta con conchiglie» del 1943, mai vista prima in Germania. "
        'La mostra resterà aperta fino al 12 gennaio e poi si sposterà a Vienna.'
    ),
    "de": (
        'Morandi in Köln: Ausstellung kommt aus Venedig\n\n'
        'Das Museum Ludwig in Köln eröffnet am Samstag eine Ausstellung über Giorgio Morandi mit 64 '
        'Gemälden und 20 Radierungen, die vor allem aus Sammlungen in Venedig und München stammen.\n\n'
        'Die Kuratorin Anna Weber hat drei Jahre lang mit dem französischen Kunsthistoriker Jean-Luc '
        'Martin an dem Projekt gearbeitet. „Morandi malte immer dieselben Flaschen, und doch ist jedes '
        'Bild anders“, sagte Weber.\n\n'
        'Zu sehen ist unter anderem das „Stillleben mit Muscheln“ von 1943, das noch nie in Deutschland '
        'gezeigt wurde. Die Ausstellung läuft bis zum 12. Januar und zieht dann nach Wien weiter.'
    ),
    "pt": (
        'Morandi em Colónia: a exposição chega de Veneza\n\n'
        'O Museu Ludwig de Colónia inaugura no sábado uma exposição dedicada a Giorgio Morandi, com 64 '
        'pinturas e 20 gravuras emprestadas sobretudo por coleções de Veneza e Munique.\n\n'
        'A curadora Anna Weber trabalhou três anos no projeto com o historiador de arte francês Jean-Luc'
        ' Martin. "Morandi pintava sempre as mesmas garrafas e, no entanto, cada quadro é diferente", '
        'disse Weber.\n\n'
        'Entre as obras expostas está "Natureza-morta com conchas", de 1943, nunca antes vista na '
        'Alemanha. A exposição fica patente até 12 de janeiro e segue depois para Viena.'
    ),
    "fr": (
        "Morandi à Cologne : l'exposition arrive de Venise\n\n"
        'Le musée Ludwig de Cologne inaugure samedi une exposition consacrée à Giorgio Morandi, avec 64 '
        'tableaux et 20 gravures prêtés surtout par des collections de Venise et de Munich.\n\n'
        "La commissaire Anna Weber a travaillé trois ans sur le projet avec l'historien de l'art "
        'français Jean-Luc Martin. « Morandi peignait toujours les mêmes bouteilles, et pourtant chaque '
        'tableau est différent », a déclaré Anna Weber.\n\n'
        'Parmi les œuvres exposées figure « Nature morte aux coquillages », de 1943, jamais montrée en '
        "Allemagne. L'exposition est visible jusqu'au 12 janvier, puis partira pour Vienne."
    ),
    "pl": (
        'Morandi w Kolonii: wystawa przyjeżdża z Wenecji\n\n'
        'Muzeum Ludwiga w Kolonii otwiera w sobotę wystawę poświęconą Giorgiowi Morandiemu – 64 obrazy i'
        ' 20 grafik wypożyczono głównie z kolekcji w Wenecji i Monachium.\n\n'
        'Kuratorka Anna Weber pracowała nad projektem przez trzy lata wraz z francuskim historykiem '
        'sztuki Jean-Lukiem Martinem. – Morandi malował wciąż te same butelki, a jednak każdy obraz jest'
        ' inny – powiedziała Weber.\n\n'
        'Wśród prezentowanych dzieł jest „Martwa natura z muszlami” z 1943 r., nigdy wcześniej '
        'niepokazywana w Niemczech. Wystawę można oglądać do 12 stycznia, potem pojedzie do Wiednia.'
    ),
}


@pytest.mark.parametrize("fr,raised", [
    (None, []),
    ("de Venise et de Milan", [("fr", "Milan")]),  # the others name Munich, it as "Monaco di Baviera"
])
def test_an_exonym_of_several_words_names_the_place(fr, raised):
    """"Monaco di Baviera" is München (the extractor splits it at "di"): it counts as a carrier of the name,
    so fr's Milan is a swap against all four others."""
    texts = dict(EXHIBITION)
    if fr:
        texts["fr"] = texts["fr"].replace("de Venise et de Munich", fr)
        assert texts["fr"] != EXHIBITION["fr"]
    flags, messages = _entity_flags(texts)
    assert flags == raised, messages


STUDY = {  # a faithful health piece: a hedged finding, percentages, a range of ages, counts, a negated finding
    "it": (
        'Camminare ogni giorno potrebbe ridurre il rischio di ictus\n\n'
        "Secondo uno studio dell'Università di Lavenna, camminare mezz'ora al giorno potrebbe ridurre "
        'del 23% il rischio di ictus nelle persone tra i 50 e i 70 anni.\n\n'
        'I ricercatori hanno seguito 4.812 partecipanti per otto anni. Chi camminava almeno cinque '
        'giorni alla settimana ha avuto 61 ictus ogni 10.000 persone, contro 79 nel gruppo più '
        'sedentario.\n\n'
        'Lo studio non ha trovato effetti collaterali gravi. «Non è una cura miracolosa, ma è gratis», '
        'ha detto la coordinatrice Lucia Ferrante. I risultati sono stati pubblicati il 14 ottobre sulla'
        ' rivista «Neurologia Europea».'
    ),
    "de": (
        'Tägliches Gehen könnte das Schlaganfallrisiko senken\n\n'
        'Laut einer Studie der Universität Lavenna könnte eine halbe Stunde Gehen pro Tag das '
        'Schlaganfallrisiko bei Menschen zwischen 50 und 70 Jahren um 23 Prozent senken.\n\n'
        'Die Forschenden begleiteten 4812 Teilnehmende acht Jahre lang. Wer an mindestens fünf Tagen pro'
        ' Woche ging, hatte 61 Schlaganfälle je 10 000 Personen, in der bewegungsärmsten Gruppe waren es'
        ' 79.\n\n'
        'Schwere Nebenwirkungen fand die Studie keine. „Ein Wundermittel ist das nicht, aber es ist '
        'gratis“, sagte Studienleiterin Lucia Ferrante. Die Ergebnisse erschienen am 14. Oktober in der '
        'Fachzeitschrift „Neurologia Europea“.'
    ),
    "pt": (
        'Caminhar todos os dias pode reduzir o risco de AVC\n\n'
        'Segundo um estudo da Universidade de Lavenna, caminhar meia hora por dia pode reduzir em 23% o '
        'risco de AVC nas pessoas entre os 50 e os 70 anos.\n\n'
        'Os investigadores acompanharam 4812 participantes durante oito anos. Quem caminhava pelo menos '
        'cinco dias por semana teve 61 AVC por cada 10 mil pessoas, contra 79 no grupo mais sedentário.'
        '\n\n'
        'O estudo não encontrou efeitos secundários graves. "Não é uma cura milagrosa, mas é gratuita", '
        'disse a coordenadora, Lucia Ferrante. Os resultados foram publicados a 14 de outubro na revista'
        ' "Neurologia Europea".'
    ),
    "fr": (
        "Marcher chaque jour pourrait réduire le risque d'AVC\n\n"
        "Selon une étude de l'université de Lavenna, marcher une demi-heure par jour pourrait réduire de"
        " 23 % le risque d'AVC chez les personnes âgées de 50 à 70 ans.\n\n"
        'Les chercheurs ont suivi 4 812 participants pendant huit ans. Ceux qui marchaient au moins cinq'
        ' jours par semaine ont eu 61 AVC pour 10 000 personnes, contre 79 dans le groupe le plus '
        'sédentaire.\n\n'
        "L'étude n'a pas constaté d'effets secondaires graves. « Ce n'est pas un remède miracle, mais "
        "c'est gratuit », a déclaré la coordinatrice Lucia Ferrante. Les résultats ont été publiés le 14"
        ' octobre dans la revue « Neurologia Europea ».'
    ),
    "pl": (
        'Codzienny spacer może zmniejszyć ryzyko udaru\n\n'
        'Według badania Uniwersytetu w Lavennie półgodzinny spacer dziennie może zmniejszyć o 23 proc. '
        'ryzyko udaru u osób w wieku 50–70 lat.\n\n'
        'Naukowcy obserwowali 4812 uczestników przez osiem lat. U osób, które chodziły co najmniej pięć '
        'dni w tygodniu, odnotowano 61 udarów na 10 tys. osób, w najmniej aktywnej grupie – 79.\n\n'
        'Nie stwierdzono poważnych skutków ubocznych. – To nie jest cudowny lek, ale jest za darmo – '
        'powiedziała koordynatorka badania Lucia Ferrante. Wyniki opublikowano 14 października w '
        'czasopiśmie „Neurologia Europea”.'
    ),
}


def test_a_faithful_study_report_raises_nothing_and_three_planted_changes_are_found():
    """The faithful versions raise no flag; a changed count (de), a dropped "pode" (pt) and a dropped
    negation (fr), planted at once, are each found with their kind."""
    assert not consistency.check(STUDY).flags
    changed = dict(STUDY)
    changed["de"] = STUDY["de"].replace("begleiteten 4812 Teilnehmende", "begleiteten 4218 Teilnehmende")
    changed["pt"] = STUDY["pt"].replace("pode reduzir em 23%", "reduz em 23%")
    changed["fr"] = STUDY["fr"].replace("L'étude n'a pas constaté d'effets", "L'étude a constaté des effets")
    assert all(changed[v] != STUDY[v] for v in ("de", "pt", "fr"))
    report = consistency.check(changed)
    assert sorted((f.version, f.kind) for f in report.flags) == [
        ("de", "number"), ("fr", "polarity"), ("pt", "hedging")], [f.message for f in report.flags]


TRAINING_SITE = {  # a craft chamber's training site in a vineyard (it, de, pt, fr); written for this test
    "it": "Da aprile sul vigneto lavora un cantiere-scuola della Camera dell'artigianato di Treviri. Dodici apprendisti "
          "imparano a costruire muri a secco.",
    "de": "Seit April arbeitet im Weinberg eine Lehrbaustelle der Handwerkskammer Trier. Zwölf Lehrlinge lernen, "
          "Trockenmauern zu bauen.",
    "pt": "Desde abril funciona na vinha um estaleiro-escola da Câmara de Ofícios de Tréveris. Doze aprendizes aprendem "
          "a construir muros de pedra seca.",
    "fr": "Depuis avril, un chantier-école de la chambre des métiers de Trèves est installé dans la vigne. Douze "
          "apprentis apprennent à bâtir des murs en pierre sèche.",
}


@pytest.mark.parametrize("city,flagged", [
    # the model puts "Koblencji" as close to "Câmara de Ofícios de Tréveris" as a translation; the exonym table
    # knows two cities
    ("w Koblencji", [("pl", "Koblencji")]),
    ("w Trewirze", []),
])
def test_two_cities_of_the_exonym_table_are_no_translation(city, flagged):
    pl = (f"Od kwietnia w winnicy działa budowa szkoleniowa Izby Rzemieślniczej {city}. Dwunastu uczniów uczy się "
          "budować suche mury.")
    flags, messages = _entity_flags({**TRAINING_SITE, "pl": pl})
    assert flags == flagged, messages


FIRE = {  # firefighters helped by two water bombers and a helicopter (it, pt, fr, pl); written for this test
    "it": "Sul posto hanno lavorato 90 vigili del fuoco, con l'aiuto di due Canadair e di un elicottero.",
    "pt": "No local estiveram 90 bombeiros, apoiados por dois aviões Canadair e um helicóptero.",
    "fr": "Au total, 90 pompiers ont été mobilisés, avec l’aide de deux Canadair et d’un hélicoptère.",
    "pl": "Na miejscu pracowało 90 strażaków, wspieranych przez dwa samoloty Canadair i śmigłowiec.",
}


@pytest.mark.parametrize("de,flagged", [
    # "Canadair" is any water bomber in Italian, French, Portuguese and Polish news; German says "Löschflugzeug"
    ("Im Einsatz standen 90 Feuerwehrleute, unterstützt von zwei Löschflugzeugen und einem Helikopter.", False),
    ("Im Einsatz standen 90 Feuerwehrleute, unterstützt von zwei Flugzeugen und einem Helikopter.", True),
], ids=["loeschflugzeugen", "flugzeugen"])
def test_a_brand_used_as_a_common_noun_has_its_translation(de, flagged):
    flags, messages = _entity_flags({**FIRE, "de": de})
    assert bool(flags) is flagged, messages
