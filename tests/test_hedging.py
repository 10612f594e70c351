"""Hedging cues (consistency.flags.cues) and the hedging detector, table-driven in seven languages."""
from __future__ import annotations

import pytest

import consistency
from consistency.flags.cues import cues, profile

# (lang, text, expected (kind, text) cues)
HEDGE_CASES = [
    ("it", "Alibaba collabora probabilmente con SMIC.", [("hedge", "probabilmente")]),
    ("it", "Lo stabilimento potrebbe chiudere nel 2026.", [("weak", "potrebbe")]),
    ("it", "I treni potranno trasportare 250 passeggeri.", [("modal", "potranno")]),
    ("it", "Il piano funzionerà senza dubbio.", [("booster", "senza dubbio")]),
    ("it", "Brunner con ogni probabilità impugnerà l’esito.", [("hedge", "con ogni probabilità")]),
    # an expectation: "is expected to", whatever words each desk uses for it
    ("de", "Die Arbeiten dauern voraussichtlich bis Mai.", [("expect", "voraussichtlich")]),
    ("it", "Il Consiglio di Stato dovrebbe pronunciarsi entro l’autunno.", [("expect", "dovrebbe")]),
    # "dürfte" is "probably": epistemic, never the deontic "should" that "dovrebbe", "devrait" also are
    ("de", "Der Staatsrat dürfte bis zum Herbst entscheiden.", [("hedge", "dürfte")]),
    ("de", "Der Pegel wird aller Voraussicht nach weiter sinken.", [("hedge", "aller Voraussicht nach")]),
    ("fr", "Le calendrier devrait être publié à la mi-juin.", [("expect", "devrait")]),
    ("de", "Er wird am Sonntag wahrscheinlich wieder starten.", [("hedge", "wahrscheinlich")]),
    ("de", "Der Pegel werde bis zum Winter wohl unter 30 Prozent bleiben.", [("hedge", "wohl")]),
    ("it", "Il ponte non rischia di crollare.", []),  # a risk denied is no possibility
    ("fr", "Le pont ne risque pas de s'effondrer.", []),
    ("de", "Die Kinder fühlen sich dort sehr wohl.", []),  # "feel well", not "probably"
    ("pt", "A defesa tinha alegado que o vento atingiu 110 km/h.", []),  # "argued", not "alleged"
    ("de", "Berichten zufolge arbeitet Alibaba mit SMIC.", [("hedge", "Berichten zufolge")]),
    ("de", "Das Werk könnte schließen.", [("weak", "könnte")]),
    # ruling nothing out is a possibility too, also as a short quotation of direct speech
    ("de", "„Ich schließe nichts aus“, betonte er.", [("weak", "schließe nichts aus")]),
    ("de", "Der Chef schloss damals nichts aus.", [("weak", "nichts aus")]),
    ("fr", "« Je n'exclus rien », a-t-il ajouté.", [("weak", "n'exclus rien")]),
    ("pt", "Sobczak afirmou não excluir nenhuma hipótese.", [("weak", "não excluir nenhuma")]),
    ("fr", "De nouveaux dépassements ne sont pas exclus.", [("weak", "pas exclus")]),
    ("de", "Neue Überschreitungen seien möglich.", [("weak", "seien möglich")]),  # said to be possible
    ("fr", "Les travaux pourraient commencer au printemps.", [("weak", "pourraient")]),
    ("fr", "Aux étages élevés, l’eau risque de couler au compte-gouttes.", [("weak", "risque de")]),
    ("fr", "Le risque de pénurie reste élevé.", []),  # the noun "risk" is no hedge
    ("fr", "Il viendra sans doute demain.", [("hedge", "sans doute")]),
    ("fr", "Il viendra peut-être demain.", [("hedge", "peut-être")]),
    ("pt", "Brenna deverá provavelmente voltar no domingo.", [("expect", "deverá"), ("hedge", "provavelmente")]),
    ("es", "Al parecer, el proyecto se retrasa.", [("hedge", "Al parecer")]),
    ("pl", "Być może fabryka zostanie zamknięta.", [("hedge", "Być może")]),
    ("pl", "Według doniesień Alibaba buduje chip.", [("hedge", "Według doniesień")]),
    ("en", "The chip is reportedly made by SMIC.", [("hedge", "reportedly")]),
    ("en", "The plant might close.", [("weak", "might")]),
    ("en", "The plant will close.", []),
    # "risks to" + a verb is a possibility; "risks a fine" (faces a fine) is no hedge
    ("it", "Lo stabilimento rischia di chiudere.", [("weak", "rischia di")]),
    ("it", "Chi trasgredisce rischia una multa fino a 500 euro.", []),
    ("de", "Dem Unternehmen droht eine empfindliche Strafe.", []),
    ("de", "Das Projekt droht zu scheitern.", [("weak", "droht zu")]),
    ("pl", "Za ich łamanie grożą kary do 500 euro.", []),
    # not ruling something out says it may happen: a weak hedge, and no negation
    ("it", "Il governatore non ha escluso un nuovo rialzo.", [("weak", "non ha escluso")]),
    ("fr", "Le gouverneur n’a pas exclu un nouveau tour de vis.", [("weak", "n’a pas exclu")]),
    ("pt", "Varga não excluiu uma nova subida.", [("weak", "não excluiu")]),
    ("pl", "Prezes nie wykluczył kolejnej podwyżki.", [("weak", "nie wykluczył")]),
    ("de", "Eine weitere Erhöhung sei nicht ausgeschlossen.", [("weak", "nicht ausgeschlossen")]),
    ("de", "Eine Erhöhung schloss Thaler für diese Saison nicht aus.", [("weak", "nicht aus")]),  # split verb
    # "chyba że" is "unless"
    ("pl", "Chyba że jest bez pracy od dawna.", []),
    ("pl", "Fabryka chyba zostanie zamknięta.", [("hedge", "chyba")]),
    # a "could" after a fear word says what was feared ("temevano che le fiamme si propagassero")
    ("de", "Die Feuerwehr fürchtete, die Flammen könnten auf die Nachbarhäuser übergreifen.", []),
    ("pt", "Os bombeiros receavam que as chamas pudessem alastrar.", []),
    ("en", "Firefighters feared the flames could spread to the houses next door.", []),
    ("de", "Die Feuerwehr war vor Ort. Die Flammen könnten übergreifen.", [("weak", "könnten")]),  # another sentence
    # the reporting conditional in a main clause: reportedly
    ("fr", "Les deux satellites auraient déjà transmis leurs premiers signaux.", [("hedge", "auraient")]),
    ("it", "L'uomo avrebbe colpito il vicino con un bastone.", [("hedge", "avrebbe")]),
    ("pt", "O suspeito teria fugido para Espanha.", [("hedge", "teria")]),
    # German "soll" with a perfect infinitive reports a claim; with a plain infinitive it is a plan
    ("de", "Ein Riss soll die Arbeiten sieben Monate lang blockiert haben.", [("hedge", "soll")]),
    ("de", "Er soll gestern angekommen sein.", [("hedge", "soll")]),
    ("de", "Die Halle soll 2027 fertig sein.", []),
    # a "could" in a relative clause on "nobody" is a capacity nobody has, not doubt
    ("pl", "Często nie ma nikogo, kto mógłby przejąć interes.", []),
    ("it", "Non c’è nessuno che potrebbe rilevare il forno.", []),
    ("it", "Il comune non potrebbe pagare.", [("weak", "potrebbe")]),
    ("de", "Ohne Gegenmaßnahmen könnten die Krebse den See erreichen.", [("weak", "könnten")]),  # "without" is no "nobody"
    ("de", "Die Stadt soll bis 2030 neue Bäume pflanzen, sagt sie, und das haben alle begrüßt.", []),
    # ... but not a future in the past, a source already named, a condition, a counterfactual, "should have"
    ("fr", "Le maire a annoncé qu'une tribune provisoire serait montée.", [("conditional", "serait")]),
    ("fr", "Selon les premières estimations, il serait âgé d'environ 8 000 ans.", [("conditional", "serait")]),
    ("it", "Se la scossa superasse 2,0, il pompaggio sarebbe sospeso.", [("conditional", "sarebbe")]),
    ("fr", "Sans ces travaux, le pont ne serait plus sûr dans quelques années.", [("conditional", "serait")]),
    ("fr", "Deux prototypes auraient circulé pendant trois mois sans connaître la moindre panne.",
     [("hedge", "auraient")]),  # a "without" after the conditional is no condition
    ("it", "Secondo lui la Provincia avrebbe dovuto prima costruire gli asili.", [("conditional", "avrebbe")]),
    ("it", "In origine i lavori sarebbero dovuti durare dieci mesi.", [("conditional", "sarebbero")]),  # "were to last"
    ("it", "La fontana sarebbe dovuta tornare in funzione a maggio.", [("conditional", "sarebbe")]),
    ("fr", "Les deux autres auraient préféré le statu quo.", [("conditional", "auraient")]),
    ("it", "Diversi residenti hanno protestato: molti avrebbero saputo dell’incidente solo dalle sirene.",
     [("conditional", "avrebbero")]),  # the source before the colon
    ("pt", "Os vizinhos queixaram-se: muitos teriam sabido do acidente só pelas sirenes.", [("conditional", "teriam")]),
    ("it", "Alle 10:30 l’uomo avrebbe colpito il vicino.", [("hedge", "avrebbe")]),  # a time is no colon
    # "stronger than it seems" compares with appearances: no hedge
    ("pt", "A corrente é mais forte do que parece.", []),
    ("de", "Die Strömung ist stärker, als sie aussieht.", []),
    ("pt", "Parece que a corrente é forte.", [("hedge", "Parece")]),
    # "looks like" a thing is a likeness, no hedge
    ("pt", "Usa um tecido que parece a antiga lona de algodão.", []),
    ("it", "Usa un tessuto che sembra l’antica tela di cotone.", []),
    ("it", "Il tessuto sembra resistere bene.", [("hedge", "sembra")]),
]


@pytest.mark.parametrize("lang,text,expected", HEDGE_CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(HEDGE_CASES)])
def test_hedging_cues(lang, text, expected):
    found = [(c.kind, c.text) for c in cues(text, lang) if c.kind != "negation"]
    assert found == expected


@pytest.mark.parametrize("text,lang,certainty", [
    ("Il progetto partirà a marzo.", "it", 3),
    ("Il progetto può partire a marzo.", "it", 2),
    ("Il progetto potrebbe partire a marzo.", "it", 1),
    ("Il progetto partirà forse a marzo.", "it", 0),
])
def test_certainty_levels(text, lang, certainty):
    assert profile(text, lang).certainty == certainty


BASE = {
    "it": ("A Varessa chiude la vecchia fabbrica di biscotti.\n\n"
           "Lo stabilimento chiuderà alla fine del 2026, ha annunciato l'azienda. "
           "I 120 dipendenti saranno trasferiti nella nuova sede di Monteforte."),
    "de": ("In Varessa schließt die alte Keksfabrik.\n\n"
           "Das Werk wird Ende 2026 geschlossen, teilte das Unternehmen mit. "
           "Die 120 Beschäftigten werden an den neuen Standort in Monteforte versetzt."),
    "pt": ("Em Varessa fecha a antiga fábrica de bolachas.\n\n"
           "A fábrica vai fechar no final de 2026, anunciou a empresa. "
           "Os 120 trabalhadores serão transferidos para a nova sede de Monteforte."),
    "fr": ("À Varessa, la vieille biscuiterie ferme ses portes.\n\n"
           "L'usine fermera à la fin de 2026, a annoncé l'entreprise. "
           "Les 120 salariés seront transférés sur le nouveau site de Monteforte."),
    "pl": ("W Varessie zostanie zamknięta stara fabryka herbatników.\n\n"
           "Zakład zostanie zamknięty pod koniec 2026 r., poinformowała firma. "
           "120 pracowników zostanie przeniesionych do nowej siedziby w Monteforte."),
}

DETECTOR_CASES = [
    ("it", {"it": BASE["it"].replace("Lo stabilimento chiuderà", "Lo stabilimento potrebbe chiudere")}, "potrebbe"),
    ("fr", {"fr": BASE["fr"].replace("L'usine fermera", "L'usine fermera probablement")}, "probablement"),
    ("de", {"de": BASE["de"].replace("Das Werk wird Ende 2026", "Das Werk wird wahrscheinlich Ende 2026")},
     "wahrscheinlich"),
    ("pl", {"pl": BASE["pl"].replace("Zakład zostanie zamknięty", "Zakład prawdopodobnie zostanie zamknięty")},
     "prawdopodobnie"),
]


@pytest.mark.parametrize("version,change,cue", DETECTOR_CASES, ids=[c[0] for c in DETECTOR_CASES])
def test_hedging_flag_on_the_hedged_version(version, change, cue):
    report = consistency.check({**BASE, **change}, detectors=["hedging"])
    flags = [f for f in report.flags if f.kind == "hedging"]
    assert [f.version for f in flags] == [version], [(f.version, f.message) for f in flags]
    assert cue in flags[0].text and cue in flags[0].message


def test_modal_alone_is_not_flagged():
    """ "can transport" against "transports": ability, not a hedge."""
    report = consistency.check({**BASE, "it": BASE["it"].replace("saranno trasferiti", "potranno essere trasferiti")},
                               detectors=["hedging"])
    assert not report.flags, [f.message for f in report.flags]


@pytest.mark.parametrize("others,raised", [
    # "probably" against "is expected to" in each desk's words: the same certainty
    ({"it": BASE["it"].replace("Lo stabilimento chiuderà", "Lo stabilimento dovrebbe chiudere"),
      "de": BASE["de"].replace("Das Werk wird Ende 2026", "Das Werk wird voraussichtlich Ende 2026"),
      "pt": BASE["pt"].replace("A fábrica vai fechar", "A fábrica deverá fechar"),
      "fr": BASE["fr"].replace("L'usine fermera", "L'usine devrait fermer")}, []),
    # against a plain future it is a hedge
    ({}, ["pl"]),
], ids=["expected", "plain"])
def test_probably_against_is_expected_to_is_no_hedge(others, raised):
    pl = BASE["pl"].replace("Zakład zostanie zamknięty", "Zakład prawdopodobnie zostanie zamknięty")
    report = consistency.check({**BASE, **others, "pl": pl}, detectors=["hedging"])
    assert [f.version for f in report.flags if f.kind == "hedging"] == raised, [f.message for f in report.flags]


def test_is_expected_to_alone_is_not_flagged():
    """ "dovrebbe chiudere" against "will close": a faithful choice, as "should" is."""
    report = consistency.check({**BASE, "it": BASE["it"].replace("Lo stabilimento chiuderà",
                                                                 "Lo stabilimento dovrebbe chiudere")},
                               detectors=["hedging"])
    assert not report.flags, [f.message for f in report.flags]


def test_no_hedging_flag_on_faithful_versions():
    report = consistency.check(dict(BASE), detectors=["hedging"])
    assert not report.flags, [f.message for f in report.flags]


PHONES = {  # the others say what the phones "can" no longer do; one version says they "probably" cannot
    "it": "Dopo lo spegnimento questi apparecchi non potranno più effettuare chiamate, nemmeno verso il 112.",
    "de": "Nach der Abschaltung können diese Geräte keine Anrufe mehr tätigen, auch nicht zur Notrufnummer 112.",
    "pt": "Depois do encerramento, estes aparelhos deixam de conseguir fazer chamadas, incluindo para o 112.",
    "fr": "Après l’extinction, ces appareils ne pourront plus passer d’appels, pas même vers le 112.",
    "pl": "Po wyłączeniu sieci takie aparaty nie będą mogły wykonywać połączeń, nawet pod numer 112.",
}


@pytest.mark.parametrize("pt,raised", [
    ("Depois do encerramento, é provável que estes aparelhos deixem de conseguir fazer chamadas, incluindo para o 112.",
     ["pt"]),  # "probably" against "can": a hedge the modals do not hide
    (PHONES["pt"], []),
    ("Depois do encerramento, estes aparelhos poderão deixar de fazer chamadas, incluindo para o 112.", []),  # a modal
])
def test_a_strong_hedge_against_counterparts_that_only_say_can(pt, raised):
    report = consistency.check({**PHONES, "pt": pt}, detectors=["hedging"])
    assert [f.version for f in report.flags if f.kind == "hedging"] == raised, [f.message for f in report.flags]


GRANT = {  # the Land "could" pay half the cost: two say "could", two say "may"
    "it": "Il Land potrebbe coprire la metà della spesa.",
    "fr": "Le Land pourrait prendre en charge la moitié de la facture.",
    "pt": "O governo do Land poderá suportar metade do custo.",
    "pl": "Połowę wydatków może pokryć kraj związkowy.",
}


@pytest.mark.parametrize("others,raised", [
    (GRANT, ["de"]),  # half the others say "could", the rest "may": all hedge, de states a fact
    ({**GRANT, "fr": "Le Land peut prendre en charge la moitié de la facture."}, []),  # mostly "may": ability
], ids=["half-could", "mostly-may"])
def test_a_fact_against_counterparts_that_half_say_could(others, raised):
    texts = {**others, "de": "Die Hälfte der Kosten übernimmt das Land."}
    report = consistency.check(texts, detectors=["hedging"])
    assert [f.version for f in report.flags if f.kind == "hedging"] == raised, [f.message for f in report.flags]


LANDFILL = {  # the annulled project would have extended the landfill's life by nine years
    "it": "Il progetto prevedeva un nuovo settore da 450.000 metri cubi, che avrebbe prolungato l'attività della "
          "discarica di altri nove anni.",
    "pt": "O projeto previa uma nova célula de 450 mil metros cúbicos, que teria prolongado o funcionamento do aterro "
          "por mais nove anos.",
    "fr": "Le projet prévoyait un nouveau casier de 450 000 mètres cubes, qui aurait prolongé l'exploitation de la "
          "décharge de neuf ans.",
    "de": "Geplant war ein neuer Deponieabschnitt mit 450 000 Kubikmetern, der den Betrieb um neun Jahre verlängert "
          "hätte.",
}


@pytest.mark.parametrize("others,raised", [
    (LANDFILL, []),  # "mogłoby działać" where most others say "avrebbe prolungato": a mood, not doubt
    ({**LANDFILL,
      "it": "Il progetto prevedeva un nuovo settore da 450.000 metri cubi, che prolunga l'attività di nove anni.",
      "pt": "O projeto previa uma nova célula de 450 mil metros cúbicos, que prolonga o funcionamento por nove anos.",
      "fr": "Le projet prévoyait un nouveau casier de 450 000 mètres cubes, qui prolonge l'exploitation de neuf ans."},
     ["pl"]),  # the others state it: pl's "could" is a hedge
], ids=["others-conditional", "others-indicative"])
def test_could_against_counterparts_in_the_conditional_is_a_mood(others, raised):
    pl = ("Projekt zakładał budowę nowej kwatery o pojemności 450 tys. m sześc., dzięki której wysypisko mogłoby "
          "działać o dziewięć lat dłużej.")
    report = consistency.check({**others, "pl": pl}, detectors=["hedging"])
    assert [f.version for f in report.flags if f.kind == "hedging"] == raised, [f.message for f in report.flags]


FRONT = {  # the heatwave probably ends on Sunday, when a cold front could bring storms (it, pt, fr, pl)
    "it": ("L'ondata di calore terminerà probabilmente domenica, quando un fronte freddo potrebbe portare temporali. "
           "Le massime scenderanno allora a 29 gradi."),
    "pt": ("A onda de calor vai provavelmente terminar no domingo, quando uma frente fria poderá trazer trovoadas. "
           "As máximas descem então para 29 graus."),
    "fr": ("La vague de chaleur prendra probablement fin dimanche, lorsqu'un front froid pourrait apporter des orages. "
           "Les maximales redescendront alors à 29 °C."),
    "pl": ("Fala upałów prawdopodobnie skończy się w niedzielę, gdy chłodny front może przynieść burze. "
           "Temperatury maksymalne spadną wtedy do 29 st. C."),
}


@pytest.mark.parametrize("others,raised", [
    (FRONT, []),  # de says the "could" clause in a sentence of its own, the others in the sentence before
    ({v: t.replace("potrebbe portare", "porterà").replace("poderá trazer", "vai trazer")
         .replace("pourrait apporter", "apportera").replace("może przynieść", "przyniesie")
      for v, t in FRONT.items()}, ["de"]),  # the others state it: de's "could" is a hedge
], ids=["said-next-door", "stated"])
def test_a_hedged_clause_said_in_a_neighbouring_sentence(others, raised):
    de = ("Die Hitzewelle geht wahrscheinlich am Sonntag zu Ende. Eine Kaltfront könnte dann Gewitter bringen; "
          "die Höchstwerte sinken auf 29 Grad.")
    report = consistency.check({**others, "de": de}, detectors=["hedging"])
    assert [f.version for f in report.flags if f.kind == "hedging"] == raised, [f.message for f in report.flags]


DOUBT = {  # the works council doubts the ward will still exist in 2028 (it, pt, fr, pl); written for this test
    "it": "Il sindacalista dubita che nel 2028 il reparto esista ancora.",
    "pt": "O sindicalista duvida que o serviço ainda exista em 2028.",
    "fr": "Le syndicaliste doute que le service existe encore en 2028.",
    "pl": "Związkowiec wątpi, by oddział istniał jeszcze w 2028 r.",
}


@pytest.mark.parametrize("others,raised", [
    # "doubts that it will exist" is "thinks it unlikely": hedged and negated alike
    (DOUBT, []),
    # against "is sure it will exist" both the hedge and the negation stand out
    ({"it": "Il sindacalista è sicuro che nel 2028 il reparto esisterà ancora.",
      "pt": "O sindicalista tem a certeza de que o serviço ainda existirá em 2028.",
      "fr": "Le syndicaliste est sûr que le service existera encore en 2028.",
      "pl": "Związkowiec jest pewien, że oddział będzie istniał jeszcze w 2028 r."}, ["de", "de"]),
], ids=["doubts", "is-sure"])
def test_doubting_is_thinking_it_unlikely(others, raised):
    de = "Der Gewerkschafter hält es für unwahrscheinlich, dass es die Station 2028 noch gibt."
    report = consistency.check({**others, "de": de}, detectors=["hedging", "polarity"])
    assert [f.version for f in report.flags] == raised, [f.message for f in report.flags]


CRAFT = {  # the cooperative trains six apprentices to save a craft that is dying out; written for this test
    "de": "Die Genossenschaft bildet sechs Lehrlinge aus, um ein vom Aussterben bedrohtes Handwerk zu retten.",
    "pt": "A cooperativa forma seis aprendizes para salvar um ofício ameaçado de extinção.",
    "fr": "La coopérative forme six apprentis pour sauver un métier menacé de disparition.",
    "pl": "Spółdzielnia szkoli sześciu uczniów, by ocalić ginące rzemiosło.",
}


@pytest.mark.parametrize("others,raised", [
    # "a craft that risks disappearing" is "a threatened craft": the same claim with a hedge or without
    (CRAFT, []),
    # against "a craft that will disappear" the hedge stands out
    ({"de": "Die Genossenschaft bildet sechs Lehrlinge aus, weil das Handwerk sonst verschwinden wird.",
      "pt": "A cooperativa forma seis aprendizes porque, de outro modo, o ofício vai desaparecer.",
      "fr": "La coopérative forme six apprentis parce que, sinon, le métier va disparaître.",
      "pl": "Spółdzielnia szkoli sześciu uczniów, bo inaczej rzemiosło zniknie."}, ["it"]),
], ids=["threatened", "will-disappear"])
def test_risks_to_against_counterparts_that_call_it_threatened(others, raised):
    it = "La cooperativa forma sei apprendisti per salvare un mestiere che rischia di scomparire."
    report = consistency.check({"it": it, **others}, detectors=["hedging"])
    assert [f.version for f in report.flags] == raised, [f.message for f in report.flags]
    fr = "La coopérative forme six apprentis pour sauver un métier qui risque de disparaître."
    report = consistency.check({"it": it.replace("che rischia di scomparire", "minacciato di estinzione"),
                                **others, "fr": fr}, detectors=["hedging"])
    assert [f.version for f in report.flags] == [v.replace("it", "fr") for v in raised], [f.message for f in report.flags]


INFLATION = {  # the central bank's forecast; de says the inflation "dürfte" (probably will) reach the figures
    "it": "Secondo le nuove previsioni della banca centrale, l'inflazione sarà del 5,9% quest'anno e del 3,8% nel 2026.",
    "pt": "Segundo as novas projeções do banco central, a inflação vai ficar em 5,9% este ano e em 3,8% em 2026.",
    "fr": "Selon les nouvelles projections de la banque centrale, l'inflation atteindra 5,9 % cette année et 3,8 % en 2026.",
    "pl": "Według nowych prognoz banku centralnego inflacja wyniesie 5,9 proc. w tym roku i 3,8 proc. w 2026 r.",
}


@pytest.mark.parametrize("others,raised", [
    # a forecast's figures are hedged by what they are: "selon les projections, … atteindra" = "dürfte … betragen"
    (INFLATION, []),
    # the same figures as a plain fact: "dürfte" stands out
    ({"it": "L'inflazione sarà del 5,9% quest'anno e del 3,8% nel 2026.",
      "pt": "A inflação vai ficar em 5,9% este ano e em 3,8% em 2026.",
      "fr": "L'inflation atteindra 5,9 % cette année et 3,8 % en 2026.",
      "pl": "Inflacja wyniesie 5,9 proc. w tym roku i 3,8 proc. w 2026 r."}, ["de"]),
], ids=["forecast", "plain"])
def test_probably_against_a_forecast_is_no_hedge(others, raised):
    de = "Die Inflation dürfte in diesem Jahr 5,9 Prozent und im Jahr 2026 3,8 Prozent betragen."
    report = consistency.check({"de": de, **others}, detectors=["hedging"])
    assert [f.version for f in report.flags] == raised, [f.message for f in report.flags]
