"""Negation cues (consistency.flags.cues) and the polarity detector, table-driven in seven languages."""
from __future__ import annotations

import pytest

import consistency
from consistency.flags.cues import cues, negations, profile

# (lang, text, negations expected, the cue texts)
NEGATION_CASES = [
    # ruling out is saying it will not happen, in phrases and with an auxiliary too
    ("en", "The court ruled out any link to the party.", 1, ["ruled out"]),
    ("it", "Il tribunale ha escluso che il denaro servisse al partito.", 1, ["ha escluso"]),
    ("de", "Ausgeschlossen hat das Gericht, dass das Geld der Partei diente.", 1, ["Ausgeschlossen hat"]),
    ("fr", "Le tribunal a exclu tout lien avec le parti.", 1, ["a exclu"]),
    ("it", "Il tribunale non ha escluso che il denaro servisse al partito.", 0, []),  # not ruled out: may be
    ("it", "Il museo non è più gratuito.", 1, ["non"]),
    ("it", "Non solo Huawei, ma anche Cambricon investe.", 0, []),
    ("it", "Le conseguenze non riguardano solo il paesaggio.", 0, []),
    ("it", "Non ha mai detto nulla.", 1, ["Non ha mai detto nulla"]),
    ("de", "Der Eintritt ist nicht mehr kostenlos.", 1, ["nicht"]),
    ("de", "Die Folgen betreffen nicht nur die Landschaft.", 0, []),
    ("de", "Es gibt keine Alternative.", 1, ["keine"]),
    ("fr", "Il n’existe actuellement aucune alternative viable.", 1, ["n’existe actuellement aucune"]),
    ("fr", "Elle ne coûte que dix euros.", 0, []),  # restrictive "ne ... que" = only
    ("fr", "Le coureur souffre d’une contusion, mais d’aucune fracture.", 1, ["aucune"]),
    ("fr", "Il viendra sans doute demain.", 0, []),  # "sans doute" = probably
    ("pt", "Em 2023, o degelo não abrandou.", 1, ["não"]),
    ("pt", "As consequências não se limitam à paisagem.", 0, []),
    ("es", "La oposición no acepta el plan.", 1, ["no"]),
    ("es", "No obstante, el plan sigue adelante.", 0, []),
    ("pl", "Nikt nie wycofał się z wyścigu.", 1, ["Nikt nie"]),
    ("pl", "Nie tylko Huawei, ale też Cambricon.", 0, []),
    ("en", "The chip isn't cheap.", 1, ["isn't"]),
    ("en", "Not only Huawei but also Cambricon.", 0, []),
    ("en", "A committee called «No tram» was formed.", 0, []),  # inside a short quotation: a name
    # "without that" opening a conditional is "otherwise"
    ("fr", "Sans cela, a-t-il expliqué, des milliers de personnes perdraient le complément.", 0, []),
    ("it", "Senza di che migliaia di persone perderebbero il sussidio.", 0, []),
    ("pt", "Sem isso, milhares de pessoas perderiam o complemento.", 0, []),
    ("es", "Sin eso, miles de personas perderían el complemento.", 0, []),
    ("fr", "Il est parti sans son passeport.", 1, ["sans"]),
    ("fr", "Les patients font leurs premiers pas dès l’après-midi.", 0, []),  # "pas" is a step
    ("fr", "Il ne fait pas ses exercices.", 1, ["ne fait pas"]),
    # "cannot cope" is "overwhelmed"
    ("pl", "Przerzuci to pracę na działy, które już nie dają sobie rady.", 0, []),
    ("pl", "Działy nie dostały nowych pracowników.", 1, ["nie"]),
    ("pl", "Pozostałe lodziarnie niekoniecznie są gorsze.", 1, ["niekoniecznie"]),  # not necessarily
    # litotes and idioms say the positive thing; a chess or football draw is no negation
    ("pl", "Prezes klubu nie krył zadowolenia.", 0, []),
    ("it", "Il sindaco non ha nascosto la sua soddisfazione.", 0, []),
    ("de", "Der Trainer machte keinen Hehl aus seiner Freude.", 0, []),
    ("fr", "Il n’avait besoin que d’une nulle pour rester en tête.", 0, []),
    ("fr", "Nul ne sait quand la ligne rouvrira.", 1, ["Nul ne"]),
    ("fr", "Ils ont récupéré les poissons avant qu’ils ne soient mangés.", 0, []),  # expletive "ne"
    ("fr", "Il faut agir avant qu’il ne soit pas trop tard.", 1, ["ne soit pas"]),
    ("en", "The mayor made no secret of his delight.", 0, []),
    # "does not stop growing" is "keeps growing"; "did not stop there" is still a negation
    ("fr", "La demande ne cesse de croître.", 0, []),
    ("it", "La domanda non smette di crescere.", 0, []),
    ("pt", "A procura não para de crescer.", 0, []),
    ("pl", "Popyt nie przestaje rosnąć.", 0, []),
    ("de", "Die Nachfrage hört nicht auf zu wachsen.", 0, []),
    ("es", "La demanda no deja de crecer.", 0, []),
    ("it", "Il treno non si ferma a Borgo.", 1, ["non"]),
    # "not a free seat" is "sold out"; "no room for" is still a negation
    ("it", "In sala non c’era un posto libero.", 0, []),
    ("de", "Im Saal war kein Platz mehr frei.", 0, []),
    ("fr", "Il n’y avait plus une place de libre dans la salle.", 0, []),
    ("pl", "Na sali nie było wolnych miejsc.", 0, []),
    ("pt", "Não havia um lugar livre na sala.", 0, []),
    ("it", "Nel nuovo asilo non c’è posto per i bambini sotto i tre anni.", 1, ["non"]),
    # "mai" / "jamais" after a superlative is "ever"; "plus jamais" right after "plus" is "never again"
    ("it", "È la minima più alta mai rilevata in città.", 0, []),
    ("fr", "C'est la température la plus élevée jamais enregistrée.", 0, []),
    ("fr", "Le stade le plus grand jamais construit ici.", 0, []),
    ("fr", "Plus jamais de coupures.", 1, ["jamais"]),
    ("it", "Non è mai stato così pieno.", 1, ["Non è mai"]),
    # "not lacking" is "plenty"; "will not run out" is a prediction, still a negation
    ("it", "La domanda non manca.", 0, []),
    ("fr", "Les candidats ne manquent pas.", 0, []),
    ("pt", "Não faltam candidatos.", 0, []),
    ("pl", "Chętnych nie brakuje.", 0, []),
    ("de", "An Bewerbern fehlt es nicht.", 0, []),
    ("es", "No faltan candidatos.", 0, []),
    ("pl", "Leku nie zabraknie.", 1, ["nie"]),
    # "without" + a noun as an adverb, the Polish pronoun "nie", "nie do" adjectives, restrictive "ne ... que"
    ("it", "La protesta si è svolta senza incidenti.", 0, []),
    ("pl", "Protest przebiegł bez incydentów.", 0, []),
    ("pl", "Protest przebiegł bez policji.", 1, ["bez"]),
    ("pl", "Obecnie trafia na nie 120 tys. ton odpadów.", 0, []),
    ("pl", "Taka kwota byłaby nie do pomyślenia.", 0, []),
    ("pl", "To nie do końca jasne.", 1, ["nie"]),
    ("fr", "Il a reconnu n’avoir appris l’existence des négociations qu’à la mi-juin.", 0, []),
    # to rule out is a negation, not to rule it out is none; "without fear" is "safely"
    ("it", "La coalizione esclude un aumento delle tasse.", 1, ["esclude"]),
    ("it", "La coalizione non esclude un aumento delle tasse.", 0, []),
    ("pl", "Koalicja nie wyklucza podwyżki podatków.", 0, []),
    ("pl", "Opakowania można stosować bez obaw.", 0, []),
    # one word that negates an injury counts like "did not suffer injuries"
    ("it", "La sua compagna è rimasta illesa.", 1, ["illesa"]),
    ("de", "Seine Seilpartnerin blieb unverletzt.", 1, ["unverletzt"]),
    # a participle of "to exclude" is no ruling out ("sent off", "except"); plain speaking and records are positive
    ("pt", "Osei tinha sido excluído por cinco faltas.", 0, []),
    ("it", "Tutti i giorni, esclusi i festivi.", 0, []),
    ("pl", "Liderka nie przebierała w słowach.", 0, []),
    ("fr", "La ministre n’a pas mâché ses mots.", 0, []),
    ("de", "Der Klub verkaufte so viele Saisonkarten wie nie zuvor.", 0, []),
    ("en", "The club sold more season tickets than ever.", 0, []),
    ("pt", "Este inverno a pista recebeu mais patinadores do que nunca.", 0, []),  # "more than ever"
    ("es", "Este invierno la pista recibió más patinadores que nunca.", 0, []),
    ("it", "Quest’anno la pista è più affollata che mai.", 0, []),
    ("pt", "A pista que nunca fechou recebeu patinadores.", 1, ["nunca"]),
    ("fr", "Cet hiver, la patinoire attire plus de monde que jamais.", 0, []),
    ("es", "Es la pista que nunca cerró, más antigua que la ciudad.", 1, ["nunca"]),
    # a bound is no negation: "non più di 25" is "at most 25"
    ("it", "Accessibile a gruppi di non più di 25 persone.", 0, []),
    ("en", "Open to groups of no more than 25 people.", 0, []),
    ("pt", "Grupos de não mais de 25 pessoas.", 0, []),
    # the French expletive "ne" after a comparative or a fear, however far its "que"; "not much" is "little"
    ("fr", "Les parcs produisent plus d’électricité qu’il n’en faut.", 0, []),
    ("fr", "« Nous avons davantage besoin de nouveaux collègues que nous n’en avons peur », dit-il.", 0, []),
    ("fr", "Elle craint que les visiteurs, qui dépensent peu, ne se rabattent sur les villages voisins.", 0, []),
    ("fr", "Je crains qu’il ne vienne pas.", 1, ["ne vienne pas"]),
    ("fr", "Le maire dit que le projet ne verra pas le jour.", 1, ["ne verra pas"]),
    ("fr", "Des taux élevés ne peuvent pas grand-chose contre l’inflation.", 0, []),
    ("de", "Es ging nicht ohne Verzögerungen.", 0, []),
    # a short quotation is a title or a slogan ("Tram no"), but not when a reporting word follows: direct speech
    ("it", "La campagna «Tram no» ha raccolto mille firme.", 0, []),
    ("it", "«Non ho paura», ha detto.", 1, ["Non"]),
    # "whether or not" negates neither outcome
    ("fr", "Le parquet décidera de faire appel ou non de la relaxe.", 0, []),
    ("de", "Die Staatsanwaltschaft prüft, ob sie Berufung einlegt oder nicht.", 0, []),
    ("it", "Non molte famiglie hanno lasciato il quartiere.", 0, []),
    ("pt", "Não são muitos os agricultores que beneficiam da subida.", 0, []),
    ("pt", "O milho não sofreu alterações.", 0, []),  # "unchanged"  # "not many" is "few" ("peu de familles")
    ("fr", "Les familles qui ont déménagé ne sont pas très nombreuses.", 0, []),
    # "nothing changes" is "unchanged" ("bez zmian", "invariato"); "não passou de" is "only got"
    ("de", "Für Altpapier ändert sich nichts.", 0, []),
    ("it", "Per il vetro non cambia nulla.", 0, []),
    ("fr", "Rien ne change pour les bacs jaunes.", 0, []),
    ("pt", "O plástico continua na taxa fixa, sem qualquer alteração.", 0, []),
    ("pt", "O capacete mais caro não passou de um «suficiente».", 0, []),
    ("fr", "Rien qu’en juillet et en août, 188 bêtes sont arrivées.", 0, []),  # "in July and August alone"
    ("fr", "Les boulangers ne sont pas seuls concernés.", 0, []),  # "not only the bakers"
    ("fr", "Rien n’a changé en juillet.", 1, ["Rien n’"]),
    ("de", "Der Klub hat nicht genug Geld.", 1, ["nicht"]),
    # a correlative joins the negation before it in the sentence, across a comma; not across a full stop
    ("de", "Verletzt wurde niemand, weder unter den Passagieren noch in der Besatzung.", 1, ["niemand, weder"]),
    ("it", "Nessuno è rimasto ferito, né tra i passeggeri né tra l’equipaggio.", 1,
     ["Nessuno è rimasto ferito, né tra i passeggeri né"]),
    ("pt", "Ninguém ficou ferido, nem os passageiros nem a tripulação.", 1,
     ["Ninguém ficou ferido, nem os passageiros nem"]),
    ("de", "Er kam nicht. Weder die Polizei noch die Feuerwehr wusste davon.", 2, ["nicht", "Weder"]),
    # a negation, one word and "than" is a bound (at most), not a negation
    ("pl", "Ulice będą zamykane na odcinkach nie dłuższych niż 200 m.", 0, []),
    ("de", "Die Sperrungen dauern nicht länger als zwei Wochen.", 0, []),
    ("en", "Closures will be no longer than 200 metres.", 0, []),
    ("de", "Er sieht sich nicht als Verlierer.", 1, ["nicht"]),  # no word between: no bound
    # a negated "exceed" with a number near it is a bound too (at most 16)
    ("pt", "O barco chega aos 25 nós (o anterior não passava dos 16).", 0, []),
    ("pl", "Poprzednia łódź nie przekraczała 16 węzłów.", 0, []),
    ("de", "Das alte Boot überstieg 16 Knoten nicht.", 0, []),
    ("fr", "L’ancien canot ne dépassait pas 16 nœuds.", 0, []),
    ("en", "The old boat did not exceed 16 knots.", 0, []),
    ("pt", "Em 31 aldeias a internet muitas vezes não chega aos 16 megabits por segundo.", 0, []),  # below 16
    ("it", "La nuova linea non raggiunge ancora i 100 megabit.", 0, []),
    # ... and "not before" a time is "at the earliest"
    ("it", "Si potrà tornare in campo non prima di 14 giorni dal colpo.", 0, []),
    ("de", "Minderjährige dürfen nicht vor fünf Uhr morgens anfangen.", 0, []),
    ("de", "Der Fall kommt nicht vor Gericht.", 1, ["nicht"]),  # no number
    ("it", "Il prezzo non supera una soglia fissata dalla legge.", 1, ["non"]),  # "una" is no number here
    ("it", "All’ombra dei tigli non si andava oltre i 31 gradi.", 0, []),  # "beyond" a number
    ("it", "Non è andato oltre la porta.", 1, ["Non"]),
    # Italian "finché ... non" (until) takes an expletive "non"
    ("it", "I negativi sono rimasti in cantina, finché il nipote non li ha ritrovati.", 0, []),
    ("it", "Finché piove, non usciamo.", 1, ["non"]),  # a comma: the main clause's own negation
    ("pl", "Elektrownia będzie zrzucać wodę, dopóki poziom w jeziorze nie spadnie.", 0, []),
    ("fr", "L’entrepôt restera fermé tant que l’agence n’aura pas inspecté l’installation.", 0, []),
    ("fr", "Tant que je vis, je ne partirai pas.", 1, ["ne partirai pas"]),
    ("en", "The costs did not exceed the budget.", 1, ["not"]),  # no number: a negation
    ("it", "Il vecchio non superava i controlli, ma 16 barche sì.", 1, ["non"]),  # a comma before the number
    # a number before the negation is its subject, except where the verb comes last (de, above)
    ("it", "Due attrazioni non hanno superato i controlli di sicurezza.", 1, ["non"]),
    ("pl", "Dwa urządzenia nie przekroczyły progu hałasu.", 1, ["nie"]),
    ("de", "Weil der Wind die 16 Knoten nicht überstieg, blieb das Boot im Hafen.", 0, []),
    # "non" right before an adjective in -bile makes a new adjective ("non-perishable"), as "un-" does
    ("pt", "Pedem-se sobretudo produtos não perecíveis: massa e azeite.", 0, []),
    ("it", "Si raccolgono prodotti non deperibili e rifiuti non riciclabili.", 0, []),
    ("fr", "Sont demandés des produits non périssables.", 0, []),
    ("es", "Se piden productos no perecibles.", 0, []),
    ("it", "Evitate gli spostamenti non necessari.", 0, []),
    ("fr", "Évitez les déplacements non nécessaires.", 0, []),
    ("pt", "O produto não é reciclável.", 1, ["não"]),  # a verb between: the clause is negated
    # "nada" after a subject is "swims", not "nothing"
    ("pt", "Fora desse horário, cada um nada por sua conta e risco.", 0, []),
    ("pt", "Não há nada a fazer.", 1, ["Não há nada"]),
    # "n'importe quel" is "any": the elided "n'" negates nothing
    ("fr", "Le premier véhicule doit atteindre n’importe quelle adresse en dix minutes.", 0, []),
    # to deprive is to leave without: "not deprive" is a double negation like "non lasciare senza"
    ("fr", "Ils ont arrêté le match pour ne pas priver d’images les spectateurs.", 0, []),
    ("it", "Hanno fermato la partita per non lasciare senza immagini gli spettatori.", 0, []),
    ("it", "La riforma priva migliaia di famiglie del sussidio.", 1, ["priva"]),  # alone: a "without"
    # "not included" right after a noun is "excluded", an adjective: "eau non comprise" = "plus water"
    ("fr", "Le loyer s'élève à 95 euros par an, eau non comprise.", 0, []),
    ("it", "Il canone è di 95 euro all'anno, acqua non compresa.", 0, []),
    ("pt", "A renda é de 95 euros por ano, água não incluída.", 0, []),
    ("es", "El alquiler es de 95 euros al año, agua no incluida.", 0, []),
    ("it", "Il pranzo non è compreso.", 1, ["non"]),  # a verb between: the clause is negated
    # "not" right after an article makes a noun: "long-term care insurance", "non-residents"
    ("it", "L'assicurazione per la non autosufficienza copre il 95 per cento.", 0, []),
    ("it", "I non residenti pagano dieci euro.", 0, []),
    ("fr", "Les non-résidents paient dix euros.", 0, []),
    ("pt", "Os não residentes pagam dez euros.", 0, []),
    ("es", "Los no residentes pagan diez euros.", 0, []),
    ("pt", "O sistema começou a não funcionar.", 1, ["não"]),  # "a" is a preposition here
    ("it", "I residenti non pagano.", 1, ["non"]),  # after a noun: the clause is negated
    # a short "not Y" after "only X" names what "only" leaves out
    ("de", "Kameras kommen hin – allerdings nur außen an den Eingängen, nicht in den Kabinen.", 0, []),
    ("it", "Le telecamere saranno solo all'esterno, e non nelle cabine.", 0, []),
    ("pl", "Kamery będą tylko na zewnątrz, nie w kabinach.", 0, []),
    ("it", "Le telecamere saranno all'esterno, non nelle cabine.", 1, ["non"]),  # no "only"
    ("de", "Es gibt nur drei Plätze, nicht alle Kinder bekommen einen Platz in der neuen Kita.", 1, ["nicht"]),  # a clause
    # a negation with "more than" a number later in its stretch caps the number ("at most twenty")
    ("pt", "Cada unidade custa 250 euros e nenhum membro pode subscrever mais de vinte.", 0, []),
    # ... and so does "above" a number ("none of them above 6 zlotys" = "none costs more than 6")
    ("pt", "Haverá produtos aprovados, nenhum deles acima de 6 zlótis.", 0, []),
    ("de", "Keines der Produkte kostet über sechs Złoty.", 0, []),
    ("de", "Er sprach nicht über das Thema.", 1, ["nicht"]),  # no number after it: a negation
    ("de", "Kein Mitglied darf mehr als 20 Anteile zeichnen.", 0, []),
    ("it", "Si sono accordati per non far pagare un bicchiere di vin brûlé più di 4,50 euro.", 0, []),
    ("pl", "Nikt nie może objąć więcej niż dwudziestu udziałów.", 0, []),
    ("it", "Non ci sono più medici.", 1, ["Non"]),  # no number: "no longer"
    # ... and so does a round numeral, after "one" or not ("at most about twenty seconds")
    ("fr", "L’horloge ne dérive pas de plus d’une vingtaine de secondes par semaine.", 0, []),
    ("it", "L'orologio non sbaglia di più di una ventina di secondi.", 0, []),
    ("de", "Kein Mitglied darf mehr als ein Dutzend Anteile zeichnen.", 0, []),
    ("pl", "Nikt nie może objąć ponad kilkanaście udziałów.", 0, []),
    ("fr", "Il ne reste plus d’argent.", 1, ["ne"]),  # "plus d'" without a number: "no more"
    ("it", "Non è più di una semplice idea.", 1, ["Non"]),  # "one" and no numeral: a negation
    ("en", "Nobody knows it, but more than 20 came.", 1, ["Nobody"]),  # a comma between
    ("it", "Il vetro non si ricicla.", 1, ["non"]),
    # German "ausschließen" split around its object: ruled out is a negation, "nicht ... aus" is not
    ("de", "Eine Erhöhung der Preise schloss Thaler aus.", 1, ["schloss Thaler aus"]),
    ("de", "Thaler schloss eine Erhöhung der Preise für diese Saison nicht aus.", 0, []),
    ("de", "Er schloss die Tür nicht auf.", 1, ["nicht"]),  # another particle
    ("de", "Sie schließen das Fenster nicht, aus Angst vor Einbrechern.", 1, ["nicht"]),  # "aus" opens a phrase
    # not ruling out is a possibility (a weak hedge), not a negation
    ("it", "Il governatore non ha escluso un nuovo rialzo.", 0, []),
    ("pt", "Varga não excluiu uma nova subida.", 0, []),
    # "pas" the noun
    ("fr", "Tout s’est joué au pas de tir.", 0, []),
    ("fr", "Le club n’a pas franchi le pas.", 1, ["n’a pas"]),
    ("fr", "Pas de changement pour les abonnés.", 1, ["Pas"]),
    # a negation next to "since" + a year is a record ("the lowest since 2008", "for the first time since 1987")
    ("pl", "Tak nisko nie było od 2008 r.", 0, []),
    ("de", "Die Arbeitslosigkeit ist so niedrig wie seit 2008 nicht mehr.", 0, []),
    ("pt", "Nunca, desde a sua criação em 1987, o prémio tinha distinguido um primeiro romance.", 0, []),
    ("it", "La disoccupazione non era così bassa dal 2008.", 0, []),
    ("fr", "Le chômage n’avait jamais été aussi bas depuis 2008.", 0, []),
    ("fr", "Il n'était plus descendu aussi bas depuis 1985.", 0, []),  # "plus" and the verb between: six words
    # "change" with its "nichts" further on in the clause is "unchanged", as "ändert sich nichts" is
    ("de", "Am Brotpreis ändert der Umbau nichts, versicherte Kowalczyk.", 0, []),
    ("de", "Er ändert den Plan, aber nicht die Kosten.", 1, ["nicht"]),  # past a comma: a negation
    # "nothing unusual" is "normal", said without a negation by the others
    ("pl", "Mróz w lutym to tu nic nadzwyczajnego.", 0, []),
    ("fr", "Le gel n'a rien d'exceptionnel ici en février.", 0, []),
    ("de", "Frost ist hier im Februar nichts Ungewöhnliches.", 0, []),
    ("it", "A febbraio qui il gelo non ha niente di strano.", 0, []),
    ("de", "Sie ist nicht die erste Spielerin, die das seit 1998 ausgetragene Turnier gewinnt.", 1, ["nicht"]),
    ("de", "Seit Montag fährt kein Zug.", 1, ["kein"]),  # "since" without a year: a negation
    ("de", "Der Zug fährt nicht. Seit 2008 gibt es die Linie.", 1, ["nicht"]),  # another sentence
    ("pl", "Od 2023 r. mleczarnia nie używa plastikowych kubeczków.", 0, []),  # "r." ends no sentence
    ("pl", "Mleczarnia nie używa kubeczków. Od 2023 r. sprzedaje jogurty w słoikach.", 1, ["nie"]),
    # "does not change" is "unchanged"
    ("pt", "A comissão de 4,90 euros por mês não muda.", 0, []),
    ("de", "Die Gebühr ändert sich nicht.", 0, []),
    ("de", "Die Gebühren werden sich 2025 nicht ändern.", 0, []),  # a year between
    ("de", "Die Preise wurden seit dem Frühjahr nicht verändert.", 0, []),
    ("it", "Il prezzo di un pasto non è cambiato.", 0, []),
    ("pl", "Pozostałe sklepy nie zmieniają godzin otwarcia.", 0, []),  # keep as they were
    ("it", "Con un'associazione di non vedenti il club offre corsi.", 0, []),  # "non vedenti" = "the blind"
    ("pt", "Os não residentes pagam mais.", 0, []),
    ("it", "Il sindaco non vedeva problemi.", 1, ["non"]),
    ("it", "Alla cera buona non importa se ha già bruciato.", 0, []),  # "doesn't matter" = "egal"
    ("pt", "As vacas não se importam se eu sair cedo.", 0, []),
    ("de", "Das Alter spielt keine Rolle.", 0, []),
    ("pl", "Wiek nie ma znaczenia.", 0, []),
    ("fr", "L'âge n'a aucune importance.", 0, []),
    ("it", "L'azienda non importa più ricambi dalla Cina.", 1, ["non"]),  # "import": a negation
    # "that's not all" says there is more
    ("de", "Damit ist es nicht getan: Jedes Jahr nähen die Mitglieder Decken.", 0, []),
    ("it", "Ma il club non si ferma qui.", 0, []),
    ("fr", "Ce n'est pas tout : le club ouvre un atelier.", 0, []),
    ("pl", "Na tym nie koniec.", 0, []),
    ("it", "Il club non chiude qui.", 1, ["non"]),  # another verb: a negation
    # "just in case" said as "you never know"
    ("pt", "Lubrificavam-nas todos os anos, não fosse o diabo tecê-las.", 0, []),
    ("it", "Ogni anno tornavano a ingrassarle, non si sa mai.", 0, []),
    ("fr", "Ils venaient les graisser, on ne sait jamais.", 0, []),
    ("de", "Sie fetteten sie jedes Jahr ein, man weiß ja nie.", 0, []),
    ("pl", "Co roku je smarowali, bo nigdy nie wiadomo.", 0, []),
    ("pl", "Nie wiadomo, kto je smarował.", 1, ["Nie"]),  # "it is not known": a negation
    ("pl", "Opłata się nie zmienia.", 0, []),
    ("it", "Il canone non cambia né per i nuovi clienti.", 0, []),
    ("it", "Il prezzo non cambia per i residenti.", 0, []),
    ("fr", "Le tarif ne change pas, mais le service ne sera plus assuré le dimanche.", 1, ["ne"]),
    ("fr", "L'adjointe a assuré que les horaires ne changeraient pas.", 0, []),  # in the conditional too
    # a negation right after "almost" is an amount ("almost gone", "few"), not a negation
    ("pl", "Dziś skarg prawie już nie ma.", 0, []),
    ("pt", "Quase ninguém acreditava na vitória.", 0, []),
    ("de", "Es gibt fast keine Beschwerden mehr.", 0, []),
    ("it", "Le lamentele non sono quasi sparite.", 1, ["non"]),  # "almost" after the negation: a negation
    ("fr", "Une fois coulée, une cloche ne s’accorde presque plus.", 0, []),  # "ne ... presque plus" is "hardly"
    ("es", "No queda casi nada del edificio.", 0, []),
    ("fr", "La cloche ne s’accorde plus, presque toutes les autres oui.", 1, ["ne"]),  # a comma between
    ("fr", "Presque tout est prêt, mais le pont n’est pas fini.", 1, ["n’est pas"]),
    # "without" and the negating particle together are a double negation, which affirms
    ("de", "Ganz ohne Verzögerungen ging es allerdings nicht.", 0, []),
    ("fr", "Ça ne s’est pas fait sans mal.", 0, []),
    ("it", "Non è partito senza salutare.", 0, []),
    ("de", "Ohne Code, sagt er, geht es nicht.", 2, ["Ohne", "nicht"]),  # another clause: two negations
    ("pl", "Bez żadnych problemów.", 1, ["Bez żadnych"]),  # with an n-word: "without any"
    # having no doubt is being sure
    ("it", "La giuria non ha avuto dubbi: la decisione è stata unanime.", 0, []),
    ("fr", "Le jury n’a eu aucun doute.", 0, []),
    ("pl", "Jury nie miało wątpliwości.", 0, []),
    ("de", "Die Jury hatte keine Zweifel.", 0, []),
    # ... in the first person and in reported speech too
    ("pt", "“Não tivemos dúvidas”, afirmou Kowalczyk, elogiando a afinação.", 0, []),
    ("it", "«Non abbiamo avuto dubbi», ha detto durante la premiazione.", 0, []),
    ("pl", "– Nie mieliśmy wątpliwości – powiedział.", 0, []),
    ("fr", "Il a assuré que le jury n’avait pas eu de doutes.", 0, []),
    ("es", "«No tuvimos dudas», dijo el presidente del jurado.", 0, []),
    # a negative subject and its particle, however far apart in the clause, are one negation
    ("fr", "Après la guerre, aucun membre de la communauté n’est revenu en ville.", 1,
     ["aucun membre de la communauté n’"]),
    ("pl", "Żaden z mieszkańców tej części miasta nie został ranny.", 1,
     ["Żaden z mieszkańców tej części miasta nie"]),
    ("fr", "Aucun blessé, mais la route n’est pas rouverte.", 2, ["Aucun", "n’est pas"]),  # another clause
    # unfit is a property: "nie nadają się do zamieszkania" = "inagibili", "unbewohnbar"
    ("pl", "Dziesiątki domów nie nadają się do zamieszkania.", 0, []),
    # "more were not allowed" is a maximum; "no longer allowed" is a negation
    ("de", "11 500 Zuschauer verfolgten das Springen, mehr waren nicht zugelassen.", 0, []),
    ("de", "Zuschauer waren nicht mehr zugelassen.", 1, ["nicht"]),
    # "nothing less than 140" stresses a quantity; "nada" alone still negates
    ("pt", "Nada menos do que 140 praticantes de 14 países vieram.", 0, []),
    ("es", "Nada menos que 140 participantes.", 0, []),
    ("it", "Niente meno che 140 aquilonisti.", 0, []),
    ("pt", "Nada mudou para os 140 praticantes.", 1, ["Nada"]),
    ("pt", "Catorze pontos não são muito quando faltam vinte minutos.", 0, []),  # "not much" with the invariable "muito"
    ("xx", "Non non nicht nie.", 0, []),  # a language without data has no cues
]


@pytest.mark.parametrize("lang,text,soft", [
    ("de", "Ohne Code drohen Bußgelder.", True),
    ("pl", "Za to bez podwyżki opłat.", True),
    ("de", "Es gibt keinen Code.", False),
    # the negative word a "without" governs right after it is part of it: "without anyone" is "without"
    ("pt", "Sem nenhum código.", True),
    ("it", "Molti alveari rischiano di restare senza nessuno che se ne occupi.", True),
    ("it", "Senza fondi nessuno può aprire un laboratorio.", False),  # "nobody" is a claim of its own
    # a negated purpose is often a positive one elsewhere ("per non disturbare" = "pour protéger"): soft too
    ("it", "Si pota in inverno, per non disturbare gli uccelli.", True),
    ("pl", "Prace trwają zimą, by nie przeszkadzać ptakom.", True),
    ("pt", "Cortam no inverno, para não perturbar as aves.", True),
    ("fr", "On taille en hiver pour ne pas déranger les oiseaux.", True),
    ("it", "Il parco non apre in inverno.", False),
])
def test_without_negations_are_soft(lang, text, soft):
    [cue] = negations(text, lang)
    assert cue.soft is soft


@pytest.mark.parametrize("lang,text,count,texts", NEGATION_CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(NEGATION_CASES)])
def test_negation_cues(lang, text, count, texts):
    found = negations(text, lang)
    assert len(found) == count, [c.text for c in found]
    assert [c.text for c in found] == texts
    for c in found:
        assert text[c.start : c.end] == c.text


def test_profile_counts_each_kind():
    p = profile("Er kommt wahrscheinlich nicht, und sie könnte auch nicht kommen.", "de")
    assert (p.negations, p.hedges, p.weak) == (2, 1, 1)


def _five(base: dict[str, str], **changed: str) -> dict[str, str]:
    return {**base, **changed}


# A short article in five languages; each case changes one version.
BASE = {
    "it": ("Il museo di Corvella riapre sabato dopo due anni di lavori.\n\n"
           "L'ingresso alla collezione permanente resta gratuito per tutti i visitatori. "
           "Le nuove sale ospitano la collezione di arazzi del Seicento."),
    "de": ("Das Museum von Corvella öffnet am Samstag nach zwei Jahren Umbau wieder.\n\n"
           "Der Eintritt in die Dauerausstellung bleibt für alle Besucher kostenlos. "
           "Die neuen Säle zeigen die Sammlung von Wandteppichen aus dem 17. Jahrhundert."),
    "pt": ("O museu de Corvella reabre no sábado depois de dois anos de obras.\n\n"
           "A entrada na coleção permanente continua gratuita para todos os visitantes. "
           "As novas salas acolhem a coleção de tapeçarias do século XVII."),
    "fr": ("Le musée de Corvella rouvre samedi après deux ans de travaux.\n\n"
           "L'entrée de la collection permanente reste gratuite pour tous les visiteurs. "
           "Les nouvelles salles accueillent la collection de tapisseries du XVIIe siècle."),
    "pl": ("Muzeum w Corvelli zostanie ponownie otwarte w sobotę po dwóch latach prac.\n\n"
           "Wstęp na wystawę stałą pozostaje bezpłatny dla wszystkich zwiedzających. "
           "W nowych salach prezentowana jest kolekcja siedemnastowiecznych gobelinów."),
}

DETECTOR_CASES = [
    ("de", {"de": BASE["de"].replace("bleibt für alle Besucher kostenlos", "ist nicht mehr für alle Besucher kostenlos")},
     "nicht"),
    ("pl", {"pl": BASE["pl"].replace("pozostaje bezpłatny", "nie pozostaje bezpłatny")}, "nie"),
    ("pt", {"pt": BASE["pt"].replace("continua gratuita", "não continua gratuita")}, "não"),
    ("fr", {"fr": BASE["fr"].replace("reste gratuite", "ne reste pas gratuite")}, "ne reste pas"),
]


@pytest.mark.parametrize("version,change,cue", DETECTOR_CASES, ids=[c[0] for c in DETECTOR_CASES])
def test_polarity_flag_on_the_negated_version(version, change, cue):
    report = consistency.check(_five(BASE, **change), detectors=["polarity"])
    flags = [f for f in report.flags if f.kind == "polarity"]
    assert [f.version for f in flags] == [version], [(f.version, f.message) for f in flags]
    f = flags[0]
    assert cue in f.text and version in f.message
    assert f.text == report.to_dict()["flags"][0]["text"]


@pytest.mark.parametrize("change,raised", [
    ({"de": BASE["de"].replace("bleibt für alle Besucher kostenlos", "kostet für keinen Besucher etwas"),
      "fr": BASE["fr"].replace("reste gratuite pour tous les visiteurs", "ne coûte rien aux visiteurs")}, []),
    ({"de": BASE["de"].replace("bleibt für alle Besucher kostenlos", "kostet für keinen Besucher etwas")}, ["de"]),
], ids=["two-alike", "one"])
def test_two_versions_that_negate_alike_chose_a_wording(candidates, change, raised):
    """Two of five translators say "not charged for" where three say "free": a wording, not a flip."""
    consistency.check(_five(BASE, **change), detectors=["polarity"])
    assert [c.version for c in candidates if c.kind == "polarity"] == raised


FREE = {"it": ("resta gratuito per tutti i visitatori", "è aperto a tutti i visitatori senza biglietto"),
        "pt": ("continua gratuita para todos os visitantes", "está aberta a todos os visitantes sem bilhete"),
        "fr": ("reste gratuite pour tous les visiteurs", "est ouverte à tous les visiteurs sans billet"),
        "pl": ("pozostaje bezpłatny dla wszystkich zwiedzających", "jest możliwy dla wszystkich zwiedzających bez biletu"),
        "de": ("bleibt für alle Besucher kostenlos", "ist für alle Besucher ohne Ticket möglich")}


@pytest.mark.parametrize("says_without,dropped,raised", [
    (["de"], None, []),  # one translator's "ohne Ticket" for "kostenlos"
    (["it", "pt", "fr", "pl"], ("de", "erfordert für alle Besucher ein Ticket"), ["de"]),  # the claim the others negate
], ids=["extra-without", "dropped-without"])
def test_a_lone_without_is_a_wording(candidates, says_without, dropped, raised):
    """A version with an extra "without" is not a flip; a version without the negation the others state is."""
    change = {v: BASE[v].replace(*FREE[v]) for v in says_without}
    if dropped:
        v, text = dropped
        change[v] = BASE[v].replace(FREE[v][0], text)
    consistency.check(_five(BASE, **change), detectors=["polarity"])
    assert [c.version for c in candidates if c.kind == "polarity"] == raised


def test_titles_are_not_read_for_negations():
    titled = {v: f"{BASE[v].split(chr(10))[0]}\n\n{BASE[v]}" for v in BASE}  # the first line becomes a title
    titled["it"] = "Corvella, il museo non resta chiuso\n\n" + BASE["it"]
    report = consistency.check(titled, detectors=["polarity"])
    assert not report.flags, [f.message for f in report.flags]


def test_no_polarity_flag_on_faithful_versions():
    report = consistency.check(dict(BASE), detectors=["polarity"])
    assert not report.flags, [f.message for f in report.flags]


def test_cue_offsets_reproduce_text():
    text = "Il n’y a pas de doute: ce n’est probablement pas fini."
    for c in cues(text, "fr"):
        assert text[c.start : c.end] == c.text


REJECTED = {
    "it": "Il consiglio regionale ha respinto il progetto della discarica. I lavori non partiranno.",
    "fr": "Le conseil régional a rejeté le projet de décharge. Les travaux ne commenceront pas.",
    "pl": "Sejmik województwa odrzucił projekt składowiska. Prace się nie rozpoczną.",
    "pt": "O conselho regional rejeitou o projeto do aterro. As obras não vão começar.",
}


@pytest.mark.parametrize("de_sentence,flagged", [
    # "not approved" is how de says "rejected": the same side of the approve axis
    ("Der Regionalrat hat das Deponieprojekt nicht genehmigt.", False),
    # "not rejected" says the opposite
    ("Der Regionalrat hat das Deponieprojekt nicht abgelehnt.", True),
])
def test_a_negation_that_words_the_others_opposite_word_is_no_flip(de_sentence, flagged):
    texts = {**REJECTED, "de": de_sentence + " Die Arbeiten beginnen nicht."}
    report = consistency.check(texts, detectors=["polarity", "opposites"])
    hits = [f for f in report.flags if f.kind == "polarity" and f.version == "de"]
    assert bool(hits) is flagged, [f.message for f in report.flags]



def _tournament(changed: dict[str, str]) -> dict[str, str]:
    base = {
        "it": "Zofia Kędzierska ha vinto il torneo di Marivolta. È la prima qualificata a vincere il torneo, che si gioca dal 1998.",
        "de": "Zofia Kędzierska hat das Turnier von Marivolta gewonnen. Sie ist die erste Qualifikantin, die das seit 1998 ausgetragene Turnier gewinnt.",
        "pt": "Zofia Kędzierska venceu o torneio de Marivolta. É a primeira jogadora vinda do qualifying a conquistar o torneio, disputado desde 1998.",
        "fr": "Zofia Kędzierska a remporté le tournoi de Marivolta. C’est la première qualifiée à gagner ce tournoi, disputé depuis 1998.",
        "pl": "Zofia Kędzierska wygrała turniej w Marivolcie. Jest pierwszą kwalifikantką, która wygrała ten turniej, rozgrywany od 1998 r.",
    }
    return {**base, **changed}


@pytest.mark.parametrize("changed,raised", [
    # "never before had a qualifier won" is "the first qualifier to win"
    ({"de": "Zofia Kędzierska hat das Turnier von Marivolta gewonnen. Noch nie hatte eine Qualifikantin das Turnier "
            "gewonnen, das seit 1998 ausgetragen wird."}, []),
    ({"fr": "Zofia Kędzierska a remporté le tournoi de Marivolta. Jamais une joueuse issue des qualifications n’avait "
            "gagné ce tournoi, disputé depuis 1998."}, []),
    # "was not the first" against "the first" keeps the word: a flip
    ({"de": "Zofia Kędzierska hat das Turnier von Marivolta gewonnen. Sie ist nicht die erste Qualifikantin, die das "
            "seit 1998 ausgetragene Turnier gewinnt."}, ["de"]),
], ids=["noch-nie", "jamais", "not-the-first"])
def test_never_before_is_the_first(candidates, changed, raised):
    consistency.check(_tournament(changed), detectors=["polarity"])
    assert [c.version for c in candidates if c.kind == "polarity"] == raised


SALES = {  # a market permit that does not allow sales by post (it, pt, fr, pl)
    "it": "I vasetti di miele si vendono soltanto al banco. Il permesso non consente la vendita per corrispondenza.",
    "pt": "Os frascos de mel vendem-se apenas na banca. A licença não permite a venda por correspondência.",
    "fr": "Les pots de miel ne sont vendus qu’au stand. Le permis n’autorise pas la vente par correspondance.",
    "pl": "Słoiki miodu są sprzedawane tylko na stoisku. Zezwolenie nie pozwala na sprzedaż wysyłkową.",
}


@pytest.mark.parametrize("de,raised", [
    # a "first" word where the others negate, but not with "never": a flip with "first" added
    ("Die Honiggläser werden nur am Stand verkauft. Die Genehmigung erlaubt erstmals auch den Versandhandel.", ["de"]),
    # the faithful rendering
    ("Die Honiggläser werden nur am Stand verkauft. Die Genehmigung erlaubt keinen Versandhandel.", []),
], ids=["first-time-allowed", "not-allowed"])
def test_first_is_no_record_against_a_plain_negation(candidates, de, raised):
    consistency.check({**SALES, "de": de}, detectors=["polarity"])
    assert [c.version for c in candidates if c.kind == "polarity"] == raised


def test_first_against_never_is_a_record(candidates):
    # "the first qualifier to win" where the others say "never before had a qualifier won"
    texts = _tournament({
        "it": "Zofia Kędzierska ha vinto il torneo di Marivolta. Nessuna qualificata aveva mai vinto il torneo, che si gioca dal 1998.",
        "pt": "Zofia Kędzierska venceu o torneio de Marivolta. Nunca uma jogadora vinda do qualifying tinha conquistado o torneio, disputado desde 1998.",
        "fr": "Zofia Kędzierska a remporté le tournoi de Marivolta. Jamais une joueuse issue des qualifications n’avait gagné ce tournoi, disputé depuis 1998.",
        "pl": "Zofia Kędzierska wygrała turniej w Marivolcie. Nigdy wcześniej kwalifikantka nie wygrała tego turnieju, rozgrywanego od 1998 r.",
    })
    consistency.check(texts, detectors=["polarity"])
    assert [c.version for c in candidates if c.kind == "polarity"] == []


ORDER = {  # the biggest order in a shipyard's 112 years (it, de, pt, pl)
    "it": "Il contratto vale 620 milioni di euro: è la commessa più importante nei 112 anni di storia del cantiere.",
    "de": "Der Vertrag über 620 Millionen Euro ist der größte Auftrag in der 112-jährigen Geschichte der Werft.",
    "pt": "O contrato de 620 milhões de euros é a maior encomenda nos 112 anos de história do estaleiro.",
    "pl": "Kontrakt wart 620 mln euro to największe zamówienie w 112-letniej historii stoczni.",
}


@pytest.mark.parametrize("fr,raised", [
    # "never such a big order" is "the biggest order"
    ("Le contrat s’élève à 620 millions d’euros. Jamais le chantier, fondé il y a 112 ans, n’avait obtenu une "
     "commande aussi importante.", []),
    # a plain negation against the others' superlative is still a flip
    ("Le contrat de 620 millions d’euros n’est pas la plus importante commande des 112 ans d’histoire du chantier.",
     ["fr"]),
], ids=["never-such", "not-the-biggest"])
def test_never_such_is_the_most(candidates, fr, raised):
    consistency.check({**ORDER, "fr": fr}, detectors=["polarity"])
    assert [c.version for c in candidates if c.kind == "polarity"] == raised


RACE_RECORD = {  # a course record (it, pt, fr, pl): no negation
    "it": "Aino Rautio ha vinto la corsa di Tornby in 38 ore, il miglior tempo di sempre sul percorso.",
    "pt": "Aino Rautio venceu a corrida de Tornby em 38 horas, um novo recorde do percurso.",
    "fr": "Aino Rautio a remporté la course de Tornby en 38 heures, un record pour le parcours.",
    "pl": "Aino Rautio wygrała wyścig w Tornby w 38 godzin, najszybciej w historii trasy.",
}


@pytest.mark.parametrize("de,raised", [
    # "nobody yet was so fast" is a record: "noch niemand" is a "never"
    ("Aino Rautio hat das Rennen von Tornby in 38 Stunden gewonnen – so schnell war auf der Strecke noch niemand.", []),
    # "no record" against the others' record is a flip
    ("Aino Rautio hat das Rennen von Tornby in 38 Stunden gewonnen, einen Rekord auf der Strecke stellte sie aber "
     "nicht auf.", ["de"]),
], ids=["noch-niemand", "no-record"])
def test_nobody_yet_is_a_record(candidates, de, raised):
    consistency.check({**RACE_RECORD, "de": de}, detectors=["polarity"])
    assert [c.version for c in candidates if c.kind == "polarity"] == raised


BIRTHS = {  # births at a historic low (it, de, fr, pl): "historic" is a record word too
    "it": "Le nascite sono scese al minimo storico.",
    "de": "Die Geburten sanken auf einen historischen Tiefstand.",
    "fr": "La natalité atteint un plancher historique.",
    "pl": "Urodzeń było najmniej w historii.",
}


@pytest.mark.parametrize("pt,raised", [
    ("Nunca nasceram tão poucas crianças.", []),   # "never so few" is the record
    ("As nascimentos não diminuíram.", ["pt"]),     # a plain negation is a flip
], ids=["never-so-few", "did-not-fall"])
def test_never_against_a_historic_low_is_a_record(candidates, pt, raised):
    consistency.check({**BIRTHS, "pt": pt}, detectors=["polarity"])
    assert [c.version for c in candidates if c.kind == "polarity"] == raised


DROWNINGS = {  # seven drownings last summer, the most in fifteen years (it, pt, pl, fr)
    "it": "La scorsa estate nel lago sono annegate sette persone, il numero più alto degli ultimi quindici anni.",
    "pt": "No verão passado, sete pessoas morreram afogadas no lago — o número mais elevado dos últimos quinze anos.",
    "pl": "Zeszłego lata w jeziorze utonęło siedem osób – najwięcej od piętnastu lat.",
    "fr": "L'été dernier, sept personnes se sont noyées dans le lac, un record depuis quinze ans.",
}
WATCHED = {  # the lake has been watched for fifteen years (it, pt, pl, fr): no superlative
    "it": "Il lago è sorvegliato da quindici anni.",
    "pt": "O lago é vigiado há quinze anos.",
    "pl": "Jezioro jest monitorowane od piętnastu lat.",
    "fr": "Le lac est surveillé depuis quinze ans.",
}


@pytest.mark.parametrize("others,de,raised", [
    # "as many as not in fifteen years" is "the most in fifteen years"
    (DROWNINGS, "Im vergangenen Sommer sind im See sieben Menschen ertrunken, so viele wie seit fünfzehn Jahren "
                "nicht mehr.", []),
    # "not in fifteen years" against no superlative is a negation
    (WATCHED, "Der See wird seit fünfzehn Jahren nicht mehr überwacht.", ["de"]),
], ids=["as-many-as-not-since", "plain-negation"])
def test_not_in_n_years_is_the_most_in_n_years(candidates, others, de, raised):
    consistency.check({**others, "de": de}, detectors=["polarity"])
    assert [c.version for c in candidates if c.kind == "polarity"] == raised


def test_a_superlative_in_another_clause_is_no_record(candidates):
    """"Never built such ships" faces "has built such ships before"; the superlative the others give in the next
    clause does not make it a record."""
    texts = {
        "it": "Il cantiere ha già costruito navi simili, e questo contratto è il più importante della sua storia.",
        "de": "Die Werft hat schon ähnliche Schiffe gebaut, und dieser Vertrag ist der größte ihrer Geschichte.",
        "pt": "O estaleiro já construiu navios semelhantes, e este contrato é o maior da sua história.",
        "pl": "Stocznia budowała już podobne statki, a ten kontrakt jest największy w jej historii.",
        "fr": "Le chantier n’a jamais construit de navires semblables, et ce contrat est le plus important de son "
              "histoire.",
    }
    consistency.check(texts, detectors=["polarity"])
    assert [c.version for c in candidates if c.kind == "polarity"] == ["fr"]


# A rally stage called off: pl moves "the marshals could not move them" into the next sentence.
STAGE = {
    "it": ("Rally di Valdoro, annullata la settima prova\n\n"
           "Alcune centinaia di spettatori si erano sistemati in una zona vietata sopra il tornante, e i commissari "
           "non sono riusciti a farli spostare. Dopo quaranta minuti di attesa il direttore di gara ha annullato la "
           "prova. Il rally si è concluso domenica con la vittoria di Ferri."),
    "de": ("Rallye Valdoro: siebte Prüfung gestrichen\n\n"
           "Mehrere hundert Zuschauer standen in einer Sperrzone oberhalb der Kehre, und die Streckenposten konnten "
           "sie nicht vertreiben. Nach vierzig Minuten Wartezeit strich der Rennleiter die Prüfung. Die Rallye endete "
           "am Sonntag mit einem Sieg von Ferri."),
    "pt": ("Rali de Valdoro: sétima especial anulada\n\n"
           "Algumas centenas de espectadores tinham-se instalado numa zona proibida acima do gancho, e os comissários "
           "não conseguiram retirá-los. Ao fim de quarenta minutos de espera, o diretor de prova anulou a especial. "
           "O rali terminou no domingo com a vitória de Ferri."),
    "fr": ("Rallye de Valdoro : la septième spéciale annulée\n\n"
           "Quelques centaines de spectateurs s’étaient installés dans une zone interdite au-dessus de l’épingle, et "
           "les commissaires n’ont pas réussi à les déplacer. Après quarante minutes d’attente, le directeur de course "
           "a annulé l’épreuve. Le rallye s’est terminé dimanche par la victoire de Ferri."),
    "pl": ("Rajd Valdoro: siódmy odcinek odwołany\n\n"
           "Kilkaset osób ustawiło się w strefie zakazanej powyżej nawrotu. {next} Rajd zakończył się w niedzielę "
           "zwycięstwem Ferriego."),
}


@pytest.mark.parametrize("pl,raised", [
    # the negated clause joined to the next sentence: the others say it in the sentence before
    ("Sędziom nie udało się ich stamtąd przesunąć i po czterdziestu minutach oczekiwania dyrektor rajdu "
     "odwołał próbę.", []),
    # the same, and the director did not call the stage off: one negation more than the moved clause brings
    ("Sędziom nie udało się ich stamtąd przesunąć i po czterdziestu minutach oczekiwania dyrektor rajdu nie "
     "odwołał próby.", ["pl"]),
], ids=["moved-clause", "flipped"])
def test_a_negation_moved_into_the_next_sentence_is_no_flip(candidates, pl, raised):
    texts = {**STAGE, "pl": STAGE["pl"].format(next=pl)}
    consistency.check(texts, detectors=["polarity"])
    # the candidate on the merged sentence itself (its extra negation), not on the sentence before it
    assert sorted({c.version for c in candidates if c.kind == "polarity"
                   and "odwoła" in texts[c.version][c.start:c.end]}) == raised


MOVED_TO_LEAD = {  # it says "nobody in danger" in its lead, the others in the body
    "it": "Incendio in una cartiera di Rovello, sei intossicati. Sei operai sono stati ricoverati, nessuno è in pericolo di vita.\n\n"
           "Il fuoco è partito verso le due di notte da un nastro trasportatore del reparto di asciugatura. I vigili del fuoco hanno lavorato per quattro ore. "
           "Sei operai sono stati portati all'ospedale di Rovello. L'azienda ha fermato la produzione fino a lunedì.",
    "de": "Brand in einer Papierfabrik in Rovello, sechs Verletzte. Sechs Arbeiter kamen ins Krankenhaus.\n\n"
           "Das Feuer brach gegen zwei Uhr nachts an einem Förderband in der Trocknungsabteilung aus. Die Feuerwehr war vier Stunden im Einsatz. "
           "Sechs Arbeiter kamen ins Krankenhaus von Rovello, in Lebensgefahr schwebte niemand. Das Unternehmen hat die Produktion bis Montag gestoppt.",
    "pt": "Incêndio numa fábrica de papel em Rovello faz seis feridos. Seis operários foram levados para o hospital.\n\n"
           "O fogo começou por volta das duas da manhã numa passadeira rolante da secção de secagem. Os bombeiros trabalharam durante quatro horas. "
           "Seis operários foram levados para o hospital de Rovello, nenhum em perigo de vida. A empresa parou a produção até segunda-feira.",
    "fr": "Incendie dans une papeterie de Rovello : six blessés. Six ouvriers ont été hospitalisés.\n\n"
           "Le feu est parti vers deux heures du matin d'un tapis roulant de l'atelier de séchage. Les pompiers ont travaillé pendant quatre heures. "
           "Six ouvriers ont été transportés à l'hôpital de Rovello, sans que leur vie soit en danger. L'entreprise a arrêté la production jusqu'à lundi.",
    "pl": "Pożar w papierni w Rovello, sześciu poszkodowanych. Sześciu robotników trafiło do szpitala.\n\n"
           "Ogień pojawił się około drugiej w nocy na taśmociągu w dziale suszenia. Strażacy pracowali przez cztery godziny. "
           "Sześciu robotników przewieziono do szpitala w Rovello, nikt nie jest w stanie zagrożenia życia. Firma wstrzymała produkcję do poniedziałku.",
}


def test_a_negated_clause_moved_to_the_lead_is_no_flip():
    """it restates the body's "nobody's life is in danger" in its lead and leaves it out of its body: a
    clause moved, which the others say negated too; no polarity flag on either group."""
    report = consistency.check(MOVED_TO_LEAD)
    assert not [f.message for f in report.flags if f.kind == "polarity"]


def test_a_negated_lead_against_a_body_that_affirms_is_still_a_flip():
    flipped = dict(MOVED_TO_LEAD)
    flipped["it"] = flipped["it"].replace("all'ospedale di Rovello.", "all'ospedale di Rovello, due sono in pericolo di vita.")
    for v, old, new in (("de", "in Lebensgefahr schwebte niemand", "zwei von ihnen schweben in Lebensgefahr"),
                        ("pt", "nenhum em perigo de vida", "dois estão em perigo de vida"),
                        ("fr", "sans que leur vie soit en danger", "dont deux sont en danger de mort"),
                        ("pl", "nikt nie jest w stanie zagrożenia życia", "dwóch jest w stanie zagrożenia życia")):
        flipped[v] = flipped[v].replace(old, new)
    report = consistency.check(flipped)
    assert [f for f in report.flags if f.kind == "polarity" and f.version == "it" and "nessuno" in f.text]


BEDS = {  # every nurse recognised is one bed fewer to close (it, pt, fr, pl)
    "it": "«Ogni infermiera riconosciuta è un letto in meno da chiudere», dice il direttore.",
    "pt": "“Cada enfermeira reconhecida é uma cama a menos para fechar”, diz o diretor.",
    "fr": "« Chaque infirmière reconnue, c'est un lit de moins à fermer », dit le directeur.",
    "pl": "– Każda uznana pielęgniarka to jedno zamknięte łóżko mniej – mówi dyrektor.",
}


@pytest.mark.parametrize("others,de,raised", [
    # "a bed we do not have to close" is "one bed fewer to close"
    (BEDS, "„Jede anerkannte Pflegefachkraft ist ein Bett, das wir nicht schließen müssen“, sagt der Direktor.", []),
    # against "one more bed to close" the negation is a flip
    ({"it": "«Ogni infermiera riconosciuta è un letto in più da chiudere», dice il direttore.",
      "pt": "“Cada enfermeira reconhecida é mais uma cama para fechar”, diz o diretor.",
      "fr": "« Chaque infirmière reconnue, c'est un lit de plus à fermer », dit le directeur.",
      "pl": "– Każda uznana pielęgniarka to jeszcze jedno łóżko do zamknięcia – mówi dyrektor."},
     "„Jede anerkannte Pflegefachkraft ist ein Bett, das wir nicht schließen müssen“, sagt der Direktor.", ["de"]),
], ids=["one-fewer", "one-more"])
def test_a_negation_the_others_say_as_one_fewer_is_no_flip(candidates, others, de, raised):
    consistency.check({**others, "de": de}, detectors=["polarity"])
    assert [c.version for c in candidates if c.kind == "polarity"] == raised


FARES = {  # children pay 10.50 euros instead of 9 (it, de, fr, pt)
    "it": "Da sabato i bambini pagheranno 10,50 euro anziché 9. L'abbonamento annuale resta a 79 euro.",
    "de": "Ab Samstag zahlen Kinder 10,50 Euro statt bisher 9 Euro. Die Jahreskarte bleibt bei 79 Euro.",
    "fr": "Dès samedi, les enfants paieront 10,50 euros au lieu de 9. L'abonnement annuel reste à 79 euros.",
    "pt": "A partir de sábado, as crianças pagam 10,50 euros em vez de 9. O passe anual mantém-se nos 79 euros.",
}


@pytest.mark.parametrize("others,raised", [
    # "10,50 euro, a nie 9 euro" (and not 9) is "anziché 9", "au lieu de 9"
    (FARES, []),
    # against others who say nothing of the old fare, the negation is a claim of its own
    ({"it": "Da sabato i bambini pagheranno 10,50 euro, come gli studenti. L'abbonamento annuale resta a 79 euro.",
      "de": "Ab Samstag zahlen Kinder 10,50 Euro, wie Studierende. Die Jahreskarte bleibt bei 79 Euro.",
      "fr": "Dès samedi, les enfants paieront 10,50 euros, comme les étudiants. L'abonnement annuel reste à 79 euros.",
      "pt": "A partir de sábado, as crianças pagam 10,50 euros, como os estudantes. O passe anual mantém-se nos 79 euros."},
     ["pl"]),
], ids=["instead", "no-instead"])
def test_a_negation_the_others_say_as_instead_of_is_no_flip(candidates, others, raised):
    pl = "Od soboty dzieci zapłacą 10,50 euro, a nie 9 euro. Karnet roczny nadal kosztuje 79 euro."
    consistency.check({**others, "pl": pl}, detectors=["polarity"])
    assert [c.version for c in candidates if c.kind == "polarity"] == raised


FEED = {  # the lift data stopped arriving for three hours (it, pt, fr, pl)
    "it": "Durante la notte i dati sugli ascensori hanno smesso di arrivare per quasi tre ore.",
    "pt": "Durante a noite, os dados dos elevadores deixaram de chegar durante quase três horas.",
    "fr": "Pendant la nuit, les données des ascenseurs ont cessé d'arriver pendant près de trois heures.",
    "pl": "W nocy dane o windach przestały spływać na prawie trzy godziny.",
}


_NO_DATA = "In der Nacht kamen fast drei Stunden lang keine Aufzugsdaten mehr an."
_NO_SWIM = "Il nuoto del lunedì mattina non sarà più offerto."


@pytest.mark.parametrize("version,text,others,raised", [
    # "no more data arrived" is "the data stopped arriving"
    ("de", _NO_DATA, FEED, []),
    # against "kept arriving" the negation is a flip
    ("de", _NO_DATA,
     {"it": "Durante la notte i dati sugli ascensori hanno continuato ad arrivare per quasi tre ore.",
      "pt": "Durante a noite, os dados dos elevadores continuaram a chegar durante quase três horas.",
      "fr": "Pendant la nuit, les données des ascenseurs ont continué d'arriver pendant près de trois heures.",
      "pl": "W nocy dane o windach nadal spływały przez prawie trzy godziny."}, ["de"]),
    # "will no longer be offered" is "is dropped", "ceases to exist", "is abolished", "stops being offered"
    ("it", _NO_SWIM,
     {"de": "Das Frühschwimmen am Montag entfällt.",
      "pt": "A sessão de natação matinal de segunda-feira deixa de existir.",
      "fr": "La séance de natation matinale du lundi est supprimée.",
      "pl": "Poranne pływanie w poniedziałki przestaje być oferowane."}, []),
    # against "stays on offer" the negation is a flip
    ("it", _NO_SWIM,
     {"de": "Das Frühschwimmen am Montag bleibt im Angebot.",
      "pt": "A sessão de natação matinal de segunda-feira mantém-se.",
      "fr": "La séance de natation matinale du lundi est maintenue.",
      "pl": "Poranne pływanie w poniedziałki pozostaje w ofercie."}, ["it"]),
], ids=["stopped", "kept-arriving", "dropped", "kept"])
def test_a_negation_the_others_say_as_stopped_is_no_flip(candidates, version, text, others, raised):
    consistency.check({**others, version: text}, detectors=["polarity"])
    assert [c.version for c in candidates if c.kind == "polarity"] == raised


WALKOUT = {  # the depot's drivers are on strike since Monday (it, de, pt, fr); written for this test
    "it": "Da lunedì gli autisti del deposito di Varenna sono in sciopero.",
    "de": "Seit Montag streiken die Fahrer des Depots Varenna.",
    "pt": "Desde segunda-feira, os motoristas do depósito de Varenna estão em greve.",
    "fr": "Depuis lundi, les chauffeurs du dépôt de Varenna sont en grève.",
}


@pytest.mark.parametrize("others,raised", [
    # "do not come to work" is "are on strike"
    (WALKOUT, []),
    # against "are back at work" the negation is a flip
    ({"it": "Da lunedì gli autisti del deposito di Varenna sono tornati al lavoro.",
      "de": "Seit Montag arbeiten die Fahrer des Depots Varenna wieder.",
      "pt": "Desde segunda-feira, os motoristas do depósito de Varenna voltaram ao trabalho.",
      "fr": "Depuis lundi, les chauffeurs du dépôt de Varenna ont repris le travail."}, ["pl"]),
], ids=["strike", "back-at-work"])
def test_a_negation_the_others_say_as_a_strike_is_no_flip(candidates, others, raised):
    pl = "Od poniedziałku kierowcy zajezdni w Varennie nie przychodzą do pracy."
    consistency.check({**others, "pl": pl}, detectors=["polarity"])
    assert [c.version for c in candidates if c.kind == "polarity"] == raised


WITHDRAWN = {  # the shops took the heater off sale (de, pt, fr, pl)
    "de": "Die Händler haben das Modell bereits zurückgezogen.",
    "pt": "Os revendedores já retiraram o modelo da venda.",
    "fr": "Les revendeurs ont déjà retiré le modèle de la vente.",
    "pl": "Sprzedawcy już wycofali model ze sprzedaży.",
}

SURPRISE = {  # the airline's decision surprised the airport (de, pt, fr, pl); written for this test
    "de": "Die Entscheidung sei für den Flughafen überraschend gekommen, sagte die Direktorin.",
    "pt": "“A decisão apanhou-nos de surpresa”, afirmou a diretora do aeroporto.",
    "fr": "Selon la directrice de l'aéroport, la décision a été une surprise.",
    "pl": "– Ta decyzja nas zaskoczyła – powiedziała dyrektorka lotniska.",
}


@pytest.mark.parametrize("others,it,raised", [
    # "no longer sell it" is "took it off sale"
    (WITHDRAWN, "I rivenditori non vendono più il modello.", []),
    # "have not taken it off sale" says the opposite
    (WITHDRAWN, "I rivenditori non hanno ritirato il modello dalla vendita.", ["it"]),
    # "we did not expect it" is "it was a surprise"
    (SURPRISE, "«Non ce l'aspettavamo», dice la direttrice dello scalo.", []),
    # "it was no surprise" says the opposite, with the others' own word
    (SURPRISE, "«Non è stata una sorpresa», dice la direttrice dello scalo.", ["it"]),
], ids=["no-longer", "not-withdrawn", "not-expected", "no-surprise"])
def test_a_negation_the_others_say_as_withdrawn_or_a_surprise_is_no_flip(candidates, others, it, raised):
    consistency.check({**others, "it": it}, detectors=["polarity"])
    assert [c.version for c in candidates if c.kind == "polarity"] == raised


TREND = {  # the biologist says it is too early to speak of a trend (it, pt, fr, pl)
    "it": "«È troppo presto per parlare di una tendenza», dice la biologa.",
    "pt": "«Ainda é cedo para falar de uma tendência», diz a bióloga.",
    "fr": "« Il est trop tôt pour parler de tendance », dit la biologiste.",
    "pl": "„Na mówienie o trendzie jest za wcześnie” – mówi biolożka.",
}


@pytest.mark.parametrize("de,raised", [
    # "one cannot speak of a trend yet" is "too early to speak of a trend"
    ("Von einem Trend könne man noch nicht sprechen, sagt die Biologin.", []),
    # "it is not too early" says the opposite
    ("Es sei nicht zu früh, von einem Trend zu sprechen, sagt die Biologin.", ["de"]),
], ids=["not-yet", "not-too-early"])
def test_a_negation_the_others_say_as_too_early_is_no_flip(candidates, de, raised):
    consistency.check({**TREND, "de": de}, detectors=["polarity"])
    assert [c.version for c in candidates if c.kind == "polarity"] == raised


SQUARE = {  # the square was empty when the balcony fell (it, de, pt, fr); written for this test
    "it": "Il balcone è caduto sulla piazza, che a quell'ora era deserta.",
    "de": "Der Balkon stürzte auf den Platz, der um diese Zeit menschenleer war.",
    "pt": "A varanda caiu sobre a praça, que àquela hora estava vazia.",
    "fr": "Le balcon est tombé sur la place, déserte à cette heure-là.",
}


@pytest.mark.parametrize("others,pl,raised", [
    # "nobody was there" is "the square was empty"
    (SQUARE, "Balkon spadł na plac, na którym o tej porze nikogo nie było.", []),
    # "nobody was there" against "full of people": a flip, no absence word in the others
    ({"it": "Il balcone è caduto sulla piazza, che a quell'ora era piena di gente.",
      "de": "Der Balkon stürzte auf den Platz, der um diese Zeit voller Menschen war.",
      "pt": "A varanda caiu sobre a praça, que àquela hora estava cheia de gente.",
      "fr": "Le balcon est tombé sur la place, pleine de monde à cette heure-là."},
     "Balkon spadł na plac, na którym o tej porze nikogo nie było.", ["pl"]),
    # the empty square said with the same word is compared as usual: "was not empty" flips it
    (SQUARE, "Balkon spadł na plac, który o tej porze nie był pusty.", ["pl"]),
], ids=["nobody-is-empty", "nobody-against-full", "not-empty"])
def test_a_negation_the_others_say_with_an_absence_word_is_no_flip(candidates, others, pl, raised):
    consistency.check({**others, "pl": pl}, detectors=["polarity"])
    assert [c.version for c in candidates if c.kind == "polarity"] == raised


_MEETING = "I ragazzi dovevano avere la sera un punto d'incontro che non fosse il parcheggio."
_VISITORS = "Etwa ein Drittel der Besucher kommt nach Angaben des Museums nicht aus der Stadt."


@pytest.mark.parametrize("version,text,others,raised", [
    # "a place that is not the petrol station" is "another place than the petrol station"
    ("it", _MEETING,
     {"de": "Die Jugendlichen sollten abends einen anderen Treffpunkt haben als den Parkplatz.",
      "pt": "Os jovens deviam ter à noite outro ponto de encontro além do parque de estacionamento.",
      "fr": "Les jeunes devaient avoir le soir un autre lieu de rencontre que le parking.",
      "pl": "Młodzi mieli mieć wieczorem inne miejsce spotkań niż parking."}, []),
    # against "the car park as their meeting place" the negation is a flip
    ("it", _MEETING,
     {"de": "Die Jugendlichen sollten sich abends auf dem Parkplatz treffen.",
      "pt": "Os jovens deviam encontrar-se à noite no parque de estacionamento.",
      "fr": "Les jeunes devaient se retrouver le soir sur le parking.",
      "pl": "Młodzi mieli spotykać się wieczorem na parkingu."}, ["it"]),
    # "not from the town" is "from outside the town"
    ("de", _VISITORS,
     {"it": "Secondo il museo, circa un terzo dei visitatori arriva da fuori città.",
      "pt": "Segundo o museu, cerca de um terço dos visitantes vem de fora da cidade.",
      "fr": "Selon le musée, environ un tiers des visiteurs viennent de l'extérieur de la ville.",
      "pl": "Według muzeum mniej więcej jedna trzecia zwiedzających przyjeżdża spoza miasta."}, []),
    # against "from the town itself" the negation is a flip
    ("de", _VISITORS,
     {"it": "Secondo il museo, circa un terzo dei visitatori arriva dalla città stessa.",
      "pt": "Segundo o museu, cerca de um terço dos visitantes vem da própria cidade.",
      "fr": "Selon le musée, environ un tiers des visiteurs viennent de la ville même.",
      "pl": "Według muzeum mniej więcej jedna trzecia zwiedzających pochodzi z samego miasta."}, ["de"]),
], ids=["other-than", "the-car-park", "from-outside", "from-the-town"])
def test_a_negation_the_others_say_with_an_other_word_is_no_flip(candidates, version, text, others, raised):
    consistency.check({**others, version: text}, detectors=["polarity"])
    assert [c.version for c in candidates if c.kind == "polarity"] == raised


@pytest.mark.parametrize("lang,text,absent", [
    ("it", "rilasciato per mancanza di prove", True),
    ("de", "kam mangels Beweisen wieder frei", True),
    ("pt", "libertado por falta de provas", True),
    ("pl", "brakuje chętnych", True),
    ("it", "la sala era piena", False),
])
def test_absence_words(lang, text, absent):
    from consistency.flags.cues import says_absent
    assert says_absent(text, lang) is absent


ROOMS = {  # the club has no premises of its own (it, pt, fr, pl); written for this test
    "it": "Il circolo di scacchi non ha una sede propria.",
    "pt": "O clube de xadrez não tem sede própria.",
    "fr": "Le club d'échecs ne dispose pas de locaux propres.",
    "pl": "Klub szachowy nie ma własnej siedziby.",
}


@pytest.mark.parametrize("de,raised", [
    # "lacks premises" is "has no premises": the negation is in the word
    ("Dem Schachklub fehlen eigene Räume.", []),
    # "has premises of its own" drops the negation
    ("Der Schachklub hat eigene Räume.", ["de"]),
], ids=["lacks", "has"])
def test_a_negation_dropped_for_an_absence_word_is_no_flip(candidates, de, raised):
    consistency.check({**ROOMS, "de": de}, detectors=["polarity"])
    assert [c.version for c in candidates if c.kind == "polarity"] == raised


@pytest.mark.parametrize("others,raised", [
    # "the flu did not reach the zoo" is "the flu spared the zoo"
    ({"it": "L'influenza aviaria ha risparmiato lo zoo di Varenna.",
      "de": "Die Vogelgrippe hat den Zoo von Varenna verschont.",
      "fr": "La grippe aviaire a épargné le zoo de Varenna.",
      "pl": "Ptasia grypa ominęła zoo w Varennie."}, []),
    # against "reached the zoo" it is a flip
    ({"it": "L'influenza aviaria ha raggiunto lo zoo di Varenna.",
      "de": "Die Vogelgrippe hat den Zoo von Varenna erreicht.",
      "fr": "La grippe aviaire a atteint le zoo de Varenna.",
      "pl": "Ptasia grypa dotarła do zoo w Varennie."}, ["pt"]),
], ids=["spared", "reached"])
def test_a_negation_the_others_say_as_spared_is_no_flip(candidates, others, raised):
    consistency.check({**others, "pt": "A gripe aviária não chegou ao zoo de Varenna."}, detectors=["polarity"])
    assert [c.version for c in candidates if c.kind == "polarity"] == raised


# One negation in every version, on another clause in one of them: the county pays, so families pay nothing.
COVERED = {
    "it": ("Maneggio riaperto a Borgo\n\nIl circolo ippico offre lezioni a bambini e adulti.\n\n"
           "Il comune coprirà il costo delle sedute per i bambini con disabilità, così le famiglie non pagheranno "
           "nulla. In lista d'attesa ci sono già 35 bambini."),
    "de": ("Reitstall in Borgo wieder offen\n\nDer Reitverein bietet Stunden für Kinder und Erwachsene an.\n\n"
           "Für Kinder mit Behinderung übernimmt die Gemeinde die Kosten der Therapie, die Familien zahlen also "
           "nichts. Auf der Warteliste stehen bereits 35 Kinder."),
    "pt": ("Picadeiro reabre em Borgo\n\nO clube hípico oferece aulas a crianças e adultos.\n\n"
           "A câmara vai suportar o custo das sessões das crianças com deficiência, pelo que as famílias não "
           "pagarão nada. Há já 35 crianças em lista de espera."),
    "fr": ("Le manège de Borgo rouvre\n\nLe club hippique propose des cours aux enfants et aux adultes.\n\n"
           "La commune prendra en charge le coût des séances pour les enfants handicapés : les familles ne "
           "paieront rien. Trente-cinq enfants sont déjà sur liste d'attente."),
    "pl": ("Stajnia w Borgo znów otwarta\n\nKlub jeździecki prowadzi zajęcia dla dzieci i dorosłych.\n\n"
           "Gmina pokryje koszt zajęć dla dzieci z niepełnosprawnością, więc rodziny nic nie zapłacą. "
           "Na liście oczekujących jest już 35 dzieci."),
}


@pytest.mark.parametrize("pt,raised", [
    ("A câmara não vai suportar o custo das sessões das crianças com deficiência, pelo que terão de ser as "
     "famílias a pagá-las.", ["pt"]),  # the negation moved to the other clause: the claim is reversed
    (None, []),  # the faithful version
])
def test_a_negation_moved_to_another_clause_is_a_flip(pt, raised):
    texts = dict(COVERED)
    if pt:
        texts["pt"] = texts["pt"].replace("A câmara vai suportar o custo das sessões das crianças com deficiência, "
                                          "pelo que as famílias não pagarão nada.", pt)
        assert texts["pt"] != COVERED["pt"]
    report = consistency.check(texts, detectors=["polarity"])
    assert [f.version for f in report.flags if f.kind == "polarity"] == raised, [f.message for f in report.flags]


DIALECT = {
    "it": "Perché il dialetto della valle continui, il comune finanzia un corso serale per adulti.",
    "de": "Damit der Dialekt des Tals fortbesteht, finanziert die Gemeinde einen Abendkurs für Erwachsene.",
    "pt": "Para que o dialeto do vale continue, o município financia um curso noturno para adultos.",
    "fr": "Pour que le dialecte de la vallée perdure, la commune finance un cours du soir pour adultes.",
}


@pytest.mark.parametrize("pl,flagged", [
    # "so that the dialect is not lost" is how pl says "so that it lives on"
    ("Żeby gwara doliny nie zaginęła, gmina finansuje wieczorny kurs dla dorosłych.", False),
    # "so that it does not survive" says the opposite
    ("Żeby gwara doliny nie przetrwała, gmina finansuje wieczorny kurs dla dorosłych.", True),
])
def test_not_lost_is_how_one_says_lives_on(pl, flagged):
    report = consistency.check({**DIALECT, "pl": pl}, detectors=["polarity", "opposites"])
    hits = [f for f in report.flags if f.kind == "polarity" and f.version == "pl"]
    assert bool(hits) is flagged, [f.message for f in report.flags]


def test_a_negation_the_others_say_with_less_in_the_sentence_before_is_no_flip(check_dev_set):
    """eval/sets/marchingband-wettenborn (clean): de says "Siebzehn von ihnen sind noch keine 18." in a sentence
    of its own, which the aligner groups with the next one; pt and pl say it negated in the sentence before,
    it and fr as "meno di 18 anni", "moins de 18 ans". The clause moved next door in all four: no flip."""
    report = check_dev_set("marchingband-wettenborn", ["polarity"])
    assert not [f for f in report.flags if f.kind == "polarity"], [(f.version, f.message) for f in report.flags]


COMPLAINTS = {  # few customers complained about the new fees; written for this test
    "it": "Secondo la presidente dell'associazione dei commercianti, finora pochi clienti si sono lamentati delle nuove tariffe.",
    "de": "Laut der Vorsitzenden des Gewerbevereins haben sich bisher nur wenige Kunden über die neuen Gebühren beschwert.",
    "pt": "Segundo a presidente da associação comercial, até agora poucos clientes se queixaram das novas taxas.",
    "fr": "Selon la présidente de l'association des commerçants, peu de clients se sont plaints jusqu'ici des nouveaux tarifs.",
    "pl": "Według przewodniczącej stowarzyszenia kupców na nowe opłaty skarżyło się dotąd niewielu klientów.",
}


LATE = {  # only 7 items came back late (it, de, fr, pl); written for this test
    "it": "Nelle prime quattro settimane i prestiti sono stati 312 e solo 7 oggetti sono stati riconsegnati in ritardo.",
    "de": "In den ersten vier Wochen wurden 312 Ausleihen gezählt, verspätet zurückgegeben wurden lediglich 7 Gegenstände.",
    "fr": "Au cours des quatre premières semaines, 312 prêts ont été enregistrés ; seuls 7 objets ont été rendus en retard.",
    "pl": "W pierwszych czterech tygodniach odnotowano 312 wypożyczeń, a spóźnień było niewiele – tylko 7.",
}

_NOT_MANY_LATE = "Nas primeiras quatro semanas registaram-se 312 empréstimos e os atrasos não foram muitos."


@pytest.mark.parametrize("others,version,text,raised", [
    # "not many" is "few"
    (COMPLAINTS, "it", "Secondo la presidente dell'associazione dei commercianti, finora i clienti che si sono lamentati "
                       "delle nuove tariffe non sono stati molti.", []),
    (COMPLAINTS, "de", "Laut der Vorsitzenden des Gewerbevereins haben sich bisher nicht viele Kunden über die neuen "
                       "Gebühren beschwert.", []),
    # "none" is not
    (COMPLAINTS, "it", "Secondo la presidente dell'associazione dei commercianti, finora nessun cliente si è lamentato "
                       "delle nuove tariffe.", ["it"]),
    # "the delays were not many" is "only 7 came back late"
    (LATE, "pt", _NOT_MANY_LATE, []),
    # against "many came back late" the negation is a flip
    ({"it": "Nelle prime quattro settimane i prestiti sono stati 312 e molti oggetti sono stati riconsegnati in ritardo.",
      "de": "In den ersten vier Wochen wurden 312 Ausleihen gezählt, verspätet zurückgegeben wurden viele Gegenstände.",
      "fr": "Au cours des quatre premières semaines, 312 prêts ont été enregistrés ; beaucoup d'objets ont été rendus en retard.",
      "pl": "W pierwszych czterech tygodniach odnotowano 312 wypożyczeń, a spóźnień było wiele."}, "pt", _NOT_MANY_LATE, ["pt"]),
], ids=["it-non-molti", "de-nicht-viele", "it-nessuno", "pt-only-seven", "pt-many"])
def test_not_many_is_few(candidates, others, version, text, raised):
    consistency.check({**others, version: text}, detectors=["polarity"])
    assert [c.version for c in candidates if c.kind == "polarity"] == raised


FUNDS = {  # the town has no money for a new pump, so the port will flood again; written for this test
    "it": "Il comune di Valmora non ha i fondi per una nuova pompa nella darsena del porto, che costerebbe circa 400.000 "
          "euro. Per questo l'ufficio tecnico ritiene probabile che il porto si allaghi di nuovo in autunno.",
    "pt": "A Câmara de Valmora não tem dinheiro para uma nova bomba na doca do porto, que custaria cerca de 400 mil "
          "euros. Por isso, segundo o departamento técnico, o porto deverá voltar a inundar no outono.",
    "fr": "La commune de Valmora n'a pas les moyens de financer une nouvelle pompe dans le bassin du port, qui coûterait "
          "environ 400 000 euros. Le service technique s'attend donc à ce que le port soit probablement de nouveau "
          "inondé cet automne.",
    "pl": "Gmina Valmora nie ma pieniędzy na nową pompę w basenie portowym, która kosztowałaby ok. 400 tys. euro. "
          "Dlatego wydział techniczny spodziewa się, że jesienią port prawdopodobnie znów zostanie zalany.",
}
_FLOOD = " Das Bauamt rechnet deshalb damit, dass der Hafen im Herbst voraussichtlich erneut überflutet wird."


@pytest.mark.parametrize("de,raised", [
    # the absence word closes the sentence, after the clause that faces the others' negated one
    ("Für eine neue Pumpe im Hafenbecken, die rund 400.000 Euro kosten würde, fehlt der Gemeinde Valmora das Geld.",
     []),
    # without it the negation is dropped
    ("Für eine neue Pumpe im Hafenbecken, die rund 400.000 Euro kosten würde, hat die Gemeinde Valmora das Geld.",
     ["de"]),
], ids=["fehlt-at-the-end", "hat"])
def test_an_absence_word_anywhere_in_the_sentence_renders_a_dropped_negation(candidates, de, raised):
    consistency.check({**FUNDS, "de": de + _FLOOD}, detectors=["polarity"])
    assert [c.version for c in candidates if c.kind == "polarity"] == raised


START = {  # the rain delayed the start by 40 minutes: the others say it without a negation
    "it": "Giornata dello sport\n\nLa pioggia del mattino ha ritardato di 40 minuti l'inizio delle gare, previsto alle 9. "
          "Le lezioni erano sospese.",
    "pt": "Dia do desporto\n\nA chuva da manhã atrasou em 40 minutos o início das provas, marcado para as 9h00. "
          "Não houve aulas.",
    "fr": "Journée sportive\n\nLa pluie matinale a retardé de 40 minutes le début des épreuves, prévu à 9 h. "
          "Les cours étaient suspendus.",
    "pl": "Dzień sportu\n\nPoranny deszcz opóźnił o 40 minut początek zawodów, zaplanowany na 9.00. "
          "Lekcje były odwołane.",
}


@pytest.mark.parametrize("de,raised", [
    # "not at 9 as planned, but only at 9.40": the negation is corrected by the "rather" word after it
    ("Wegen Regens begann der Wettkampf nicht wie geplant um 9 Uhr, sondern erst um 9.40 Uhr.", []),
    # without the correction it negates the start
    ("Wegen Regens begann der Wettkampf nicht wie geplant um 9 Uhr.", ["de"]),
], ids=["sondern", "plain-negation"])
def test_a_negation_corrected_by_rather_is_the_correction(candidates, de, raised):
    texts = {**START, "de": "Sporttag\n\n" + de + " Unterricht gab es nicht."}
    consistency.check(texts, detectors=["polarity"])
    assert [c.version for c in candidates if c.kind == "polarity" and "Wettkampf" in c.message] == raised
