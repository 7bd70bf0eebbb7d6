"""Modality (extract.modality): intentions are 03x events, threats 13x, hedged acts stay hypothetical."""
import pytest

import dateline
from dateline.extract.modality import modality_of, recode, table
from dateline.resources import read_tsv


def events(text):
    return dateline.analyze(text, published="2021-03-04").events


@pytest.mark.parametrize("text,trigger,code,modality,intended", [
    ("Sweden will send humanitarian aid to Mali.", "send", "0333", "intent", "073"),
    ("Peru pledged to consult Chile regularly.", "consult", "036", "intent", "040"),
    ("Ghana is willing to withdraw its troops from Togo.", "withdraw", "0356", "intent", "0874"),
    ("Norway threatened to expel Russian diplomats.", "expel", "1313", "threat", "161"),
    ("Kenya said it would attack Somalia unless the raids stopped.", "attack", "138", "threat", "190"),
    ("Chile says it will impose sanctions on Peru.", "impose sanctions", "1312", "threat", "163"),
    # a wish to act oneself is an intention ("wants to"), a wish that another act is an appeal (below)
    ("Ghana wants to withdraw its troops from Togo.", "withdraw", "0356", "intent", "0874"),
    # a retreat made conditional or called a threat is a threat of non-force (13x), not an intention
    ("Ghana said it will withdraw its troops from Togo unless the raids stop.", "withdraw", "131", "threat",
     "0874"),
    ("Ghana threatened to withdraw its troops from Togo.", "withdraw", "131", "threat", "0874"),
    ("The militia has sworn to attack the airport.", "attack", "138", "threat", "190"),
    # an offer to mediate is the intent to mediate (039), not to meet
    ("Qatar offered to mediate between the two factions.", "mediate", "039", "intent", "045"),
    # a proposal to act is an intention to do it
    ("Libya proposed to open its weapons sites to inspectors.", "open", "0355", "intent", "086"),
    ("Ghana's proposal to open its archives to the commission was welcomed.", "open", "0355", "intent", "086"),
])
def test_intentions_and_threats(text, trigger, code, modality, intended):
    e = next(e for e in events(text) if e.trigger.text == trigger)
    assert (e.cameo, e.modality, e.intended, e.hypothetical) == (code, modality, intended, False)
    assert "modality.tsv:" in e.rule


@pytest.mark.parametrize("text,trigger", [
    ("Iran could attack Iraq.", "attack"),          # a possibility, not an intention
    ("Chile might impose sanctions on Peru.", "impose sanctions"),
    # a modal with a perfect: what might have been, not a stated intention
    ("Chile would have attacked Peru.", "attacked"),
    ("Chile will have withdrawn its troops from Peru by then.", "withdrawn"),
])
def test_hedged_acts_stay_hypothetical(text, trigger):
    e = next(e for e in events(text) if e.trigger.text == trigger)
    assert e.hypothetical and e.modality is None


@pytest.mark.parametrize("text,trigger", [
    ("Peru urged Chile to attack the rebels.", "attack"),     # no appeal code for an attack
    ("Ghana called for the diplomats to be expelled.", "expelled"),
])
def test_an_act_only_asked_for_has_not_happened(text, trigger):
    e = next(e for e in events(text) if e.trigger.text == trigger)
    assert e.hypothetical


@pytest.mark.parametrize("text,trigger,negated,hypothetical", [
    # only claimed or only possible: the noun's that-clause or "of" phrase (a noun event so flagged is none)
    ("He has denied allegations that he assaulted a Peruvian reporter in 2010.", "assaulted", None, True),
    ("Rumors that Peru attacked Chile spread quickly.", "attacked", False, True),
    ("The possibility of a meeting between the Peruvian minister and the Chilean president grew.", "meeting",
     None, None),
    ("She spoke of the threat of NATO air strikes against Serbia.", "strikes", None, None),
    # a narrated past obligation was met (a reported one is a demand: test below)
    ("Riot police had to use tear gas to clear the protesters on Monday.", "use", False, False),
    # a failure to act: it did not happen
    ("The panel asked about the ministry's failure to prosecute any bankers for the fraud.", "prosecute", True,
     False),
])
def test_only_possible_claimed_failed_or_obliged(text, trigger, negated, hypothetical):
    found = [e for e in events(text) if e.trigger.text == trigger]
    if hypothetical is None:
        assert not found
        return
    assert found and found[0].hypothetical == hypothetical
    assert negated is None or found[0].negated == negated


@pytest.mark.parametrize("text,trigger,code,actor,target", [
    # an appeal to a party to act: the appealing party acts, the addressee is the target
    ("Germany urged Israel to withdraw its troops from Gaza.", "withdraw", "0256", "DEU", "ISR"),
    ("Germany wants Israel to withdraw its troops from Gaza.", "withdraw", "0256", "DEU", "ISR"),
    # the act of a that-clause governed by a word of demand is that demand
    ("Germany insisted that Israel withdraw its troops from Gaza.", "withdraw", "1056", "DEU", "ISR"),
    # a demand: the same children as the intention (1053 as 0353)
    ("Kenya ordered Uganda to release the prisoners.", "release", "1053", "KEN", "UGA"),
    # an act coded as an intention itself has its parallel demand code (0332 -> 1032)
    ("Norway said Peruvian forces must ensure security in the camps.", "ensure", "1032", "NOR", "PER"),
    # what a source says another party must do is its demand on that party
    ("Norway said on Monday that Russia must withdraw its troops from the border.", "withdraw", "1056", "NOR",
     "RUS"),
])
def test_appeals_and_demands(text, trigger, code, actor, target):
    e = next(e for e in events(text) if e.trigger.text == trigger)
    assert (e.cameo, e.actor.code, e.target.code, e.hypothetical) == (code, actor, target, False)


def test_an_appeal_for_an_act_with_no_appeal_code_is_the_appeal_verb():
    evs = events("Peru urged Chile to attack Bolivia.")
    appeal = next(e for e in evs if e.trigger.text == "urged")
    attack = next(e for e in evs if e.trigger.text == "attack")
    assert appeal.cameo == "020" and attack.hypothetical


def test_the_pledge_is_not_a_second_event():
    evs = events("Peru pledged to consult Chile regularly.")
    assert [e.cameo for e in evs] == ["036"]


@pytest.mark.parametrize("words,i,expect", [
    (["x", "will", "send"], 2, ("intent", 1)),
    (["x", "vowed", "to", "send"], 3, ("intent", 1)),
    (["x", "warned", "it", "would", "send"], 4, ("threat", 1)),
    (["x", "may", "send"], 2, None),
    (["x", "sent"], 1, None),
    (["x", "said", ",", "will", "send"], 4, ("intent", 3)),
    (["x", "urged", "y", "to", "send"], 4, ("appeal", 1)),
    (["y", "must", "send"], 2, ("demand", 1)),
    (["y", "has", "to", "send"], 3, ("demand", 1)),
    (["x", "demanded", "that", "y", "send"], 4, ("demand", 1)),
    (["x", "asked", "again", "that", "y", "send"], 5, ("appeal", 1)),
    (["x", "told", "y", "that", "z", "sent"], 5, None),
    (["x", "demanded", "that", "y", "would", "send"], 5, ("intent", 4)),
    # what parties agreed that they should do is their intention, not a demand
    (["x", "agreed", "on", "monday", "that", "they", "should", "send"], 7, ("intent", 1)),
    (["x", "said", "that", "y", "should", "send"], 5, ("demand", 4)),
    # a participle after its noun is past already: the auxiliary governs the verb before the noun
    (["x", "will", "lift", "the", "sanctions", "imposed", "on", "y"], 5, None),
    (["y", "will", "be", "released"], 3, ("intent", 1)),
])
def test_modality_of(words, i, expect):
    assert modality_of(words, i, i + 1) == expect


def test_every_act_row_maps_to_codes_that_exist():
    codes = {r["code"] for r in read_tsv("cameo", "codes.tsv")}
    for act, (intent, threat, _) in table().items():
        assert act in codes, act
        assert all(c in codes for c in (intent, threat) if c), act
    assert recode("0741", "intent").code == "0334"    # the longest prefix decides
    assert recode("091", "intent").code == ""         # no intent code: the act keeps its own
    assert recode("073", "appeal").code == "0233" and recode("073", "demand").code == "1033"


@pytest.mark.parametrize("text,trigger,code,intended", [
    ("Chile says it will not accept any more refugees.", "accept", "122", "075"),
    ("Peru would not negotiate with the rebels, the minister said.", "negotiate", "125", "046"),
    # a cooperative act that failed to come about is rejected as well
    ("The two unions failed to reach an agreement with the airline.", "reach", "127", "057"),
])
def test_a_stated_intention_not_to_cooperate_is_a_rejection(text, trigger, code, intended):
    e = next(e for e in events(text) if e.trigger.text == trigger)
    assert (e.cameo, e.modality, e.intended, e.negated) == (code, "refusal", intended, False)
    assert not e.hypothetical     # the refusal was stated: it happened


@pytest.mark.parametrize("text,trigger,code,modality", [
    # an assurance that one will not act is an intention given to the party reassured (030)
    ("Ghana's president assured Togo that Ghana would not join the alliance, aides said.", "join", "030", "intent"),
    ("Chile reassured Peru that Chile will not accept any more refugees.", "accept", "030", "intent"),
    # a defiant "will not" after a plain statement stays a rejection
    ("Ghana's president said that Ghana would not join the alliance.", "join", "121", "refusal"),
])
def test_a_negative_assurance_is_an_intention(text, trigger, code, modality):
    e = next(e for e in events(text) if e.trigger.text == trigger)
    assert (e.cameo, e.modality, e.negated, e.hypothetical) == (code, modality, False, False)


@pytest.mark.parametrize("text,trigger,actor,target", [
    # the party reassured is the target of the assurance, not a party of the act renounced
    ("Ghana's president assured Togo that Ghana would not join the alliance, aides said.", "join", "GHA", "TGO"),
    ("Chile reassured Peru that Chile will not accept any more refugees.", "accept", "CHL", "PER"),
    ("Officials in Lima assured Chile and Bolivia that Peru would not join the pact.", "join", "PER", None),
])
def test_the_party_reassured_is_the_target_of_an_assurance(text, trigger, actor, target):
    e = next(e for e in events(text) if e.trigger.text == trigger)
    assert e.cameo == "030"
    assert (e.actor and e.actor.code, e.target and e.target.code) == (actor, target)


@pytest.mark.parametrize("text,trigger,code,modality,intended", [
    # a noun event that a verb of intention or threat governs is that intention or threat
    ("Sweden pledged aid to Mali.", "aid", "033", "intent", "070"),
    ("Chile proposed talks with Bolivia.", "talks", "036", "intent", "040"),
    ("Kenya threatened a boycott of the talks with Somalia.", "boycott", "133", "threat", "143"),
    ("The opposition planned a protest in the capital against the government of Chile.", "protest", "133",
     "threat", "141"),
    # a participle used as an adjective states nothing; "committed" without "to" is doing the act
    ("Kenya cancelled its planned visit to Somalia.", "visit", None, None, None),
    ("The gunmen committed an attack on a police station in Kenya.", "attack", "190", None, None),
])
def test_a_noun_event_governed_by_a_verb_of_intention_or_threat(text, trigger, code, modality, intended):
    e = next((e for e in events(text) if e.trigger.text == trigger), None)
    if code is None:
        assert e is None or e.modality is None
        return
    assert (e.cameo, e.modality, e.intended, e.hypothetical) == (code, modality, intended, False)


@pytest.mark.parametrize("text,trigger,hypothetical", [
    # a passive infinitive after an appeal: only asked for
    ("Chile has called for Peru's envoy, a retired admiral, to be expelled from the talks.", "expelled", True),
    # a present-tense act after "until"/"once": pending; a past form happened
    ("The garrison will stay in the valley until Peru complies with the treaty.", "complies", True),
    ("The garrison stayed in the valley until Peru complied with the treaty.", "complied", False),
    # a lexical modal verb does not reach a verb coordinated with it; an auxiliary does
    ("Though she called the fee shameful and called for refunds to be paid, Warren said no more.", "called for", False),
    ("Chile would rally and protest against Peru.", "rally", False),
    # a speech act that is the purpose of a protest happened
    ("Farmers began a rally in the capital, Lima, on Monday to denounce the minister.", "denounce", False),
    # a relative clause with a subject of its own is outside the modal scope of the clause it modifies
    ("The treaty calls for the withdrawal of Peru from the zone it occupies in Chile.", "occupies", False),
    ("The treaty calls for Peru to occupy the zone.", "occupy", True),
    # an obligation no source states is the writer's account of a rule: no demand, nothing happened
    ("Under the old treaty, Peru must withdraw its troops from the border.", "withdraw", True),
    # a gerund of means shares the modality of the infinitive it serves
    ("The law allows foreign firms to win contracts by investing in Peru.", "investing", True),
    ("Foreign firms won contracts by investing in Peru.", "investing", False),
    # a gerund of means after a noun of options describes a course open to someone, not a happening
    ("The council has two ways to punish the club: by suing it or by having its owner detained.", "suing", True),
    ("The council has two ways to punish the club: by fining it or by having its owner detained.", "detained",
     True),
    ("The council punished the club by suing its owner.", "suing", False),
    # a raising verb of appearance hedges an act that did happen
    ("In a radio interview the minister seemed to blame the unions for the strike.", "blame", False),
    # a conditional act states no intention
    ("If Peru does follow through on its threat to veto the deal, the talks would end.", "veto", True),
    # a permission told in the past was used; one still to come was not
    ("Last spring the monitors were allowed to visit the depots twice.", "visit", False),
    ("The monitors will be allowed to visit the depots next month.", "visit", True),
])
def test_which_acts_are_hypothetical(text, trigger, hypothetical):
    e = next(e for e in events(text) if e.trigger.text == trigger)
    assert e.hypothetical == hypothetical


@pytest.mark.parametrize("text,trigger,kept", [
    # a bare plural act noun after a bare agent noun names a kind of happening, not one: no event
    ("The mayor condemned police shootings of unarmed men in Lagos.", "shootings", False),
    # the same noun with a determiner or a number names happenings
    ("The mayor condemned the police shootings of two men in Lagos on Friday.", "shootings", True),
])
def test_a_kind_of_happening_is_no_event(text, trigger, kept):
    assert any(e.trigger.text == trigger for e in events(text)) == kept


def test_a_gerund_of_means_is_no_intent_of_its_own():
    """"would breach the treaty by attacking": the intent (or prediction) is the clause's verb's; the
    act of means is hypothetical, not a threat of its own."""
    e = next(e for e in events("Ghana said that Togo would break the treaty by attacking without warning.")
             if e.trigger.text == "attacking")
    assert e.hypothetical and e.modality is None and e.cameo.startswith("19")


def test_an_act_of_force_not_intended_stays_negated():
    e = next(e for e in events("Peru will not attack Chile.") if e.trigger.text == "attack")
    assert e.negated and e.cameo.startswith("19")


def _rules_events(text):
    from dateline.settings import load_settings
    return dateline.analyze(text, published="2021-03-04", settings=load_settings(model="none")).events


@pytest.mark.parametrize("profile", ["parse", "rules"])
@pytest.mark.parametrize("text,trigger,negated,hypothetical", [
    # a past participle describing a noun tells a past act: the modal or negation of its clause
    # governs the verb before the noun, not it
    ("The council says it will not lift the tariffs imposed on Bolivia after the 2009 border war.", "imposed",
     False, False),
    ("There were no tariffs imposed on Bolivia last year.", "imposed", True, False),
    # a participle after a verb of wanting or causing is wished, not done
    ("Bolivia wants the tariffs lifted before the summit.", "lifted", False, True),
    # a past form after a subordinator of condition or a pronoun is the verb of that clause
    ("Ghana said it would leave the talks unless Togo released the hostages.", "released", False, True),
    ("Ghana said it would protest if they expelled its envoy.", "expelled", False, True),
    # a noun phrase opening its clause is the subject of the past verb
    ("Last month, rebel fighters killed two guards in Mopti.", "killed", False, False),
])
def test_a_participle_describing_a_noun_is_outside_its_clauses_scope(profile, text, trigger, negated, hypothetical):
    evs = events(text) if profile == "parse" else _rules_events(text)
    e = next(e for e in evs if e.trigger.text == trigger)
    assert (e.negated, e.hypothetical) == (negated, hypothetical)


@pytest.mark.parametrize("text,trigger,actor", [
    # the subject of the clause before the noun did not do what the participle tells
    ("Peru called for the release of the nurses arrested in Lima.", "arrested", None),
    # a by-agent did
    ("Peru called for the release of the nurses arrested by Chile in Lima.", "arrested", "Chile"),
])
def test_the_actor_of_a_participle_describing_a_noun(text, trigger, actor):
    e = next(e for e in events(text) if e.trigger.text == trigger)
    assert (e.actor.name if e.actor else None) == actor


@pytest.mark.parametrize("profile", ["parse", "rules"])
@pytest.mark.parametrize("text,kept", [
    # "sanctioned" describing a noun means approved by the agent: no sanctions
    ("The leak came from hackers sanctioned by the regime in Minsk.", False),
    ("The mayor allowed a march sanctioned by the city council.", False),
    # a sanction imposed on a party is one
    ("Belarus was sanctioned by the European Union on Monday.", True),
])
def test_an_approving_participle_is_no_sanction(profile, text, kept):
    evs = events(text) if profile == "parse" else _rules_events(text)
    assert any(e.trigger.text == "sanctioned" for e in evs) == kept


@pytest.mark.parametrize("text,trigger,code,modality,hypothetical", [
    # a progressive verb of intention states it as its simple form does
    ("Ghana is planning to expel the envoys.", "expel", "1313", "threat", False),
    ("The farmers were planning to boycott the fair.", "boycott", "133", "threat", False),
    # an intention with no 03x/13x code, stated by a verb, has not happened and stays hypothetical
    ("The union is ready to sue the ministry.", "sue", "115", "intent", True),
    # an appeal that is itself only planned has not been made
    ("The mayor was planning to call on the governor to resign.", "resign", "0241", "appeal", True),
    ("The mayor called on the governor to resign.", "resign", "0241", "appeal", False),
    # only 03x and 13x codes state intentions: an act with no intent code, announced, has not happened
    ("Ghana said it would sue Togo over the dam.", "sue", "115", "intent", True),
    ("Ghana said it would press for a trial in a neutral country.", "press for", "020", "intent", True),
    ("The mayor will investigate the police.", "investigate", "090", "intent", True),
    # ... unless made conditional: a conditional vow of legal action or rejection is a threat
    ("The party will challenge the ruling in court if it has to.", "challenge", "130", "threat", False),
    ("Ghana said it would sue Togo unless the dam is halted.", "sue", "130", "threat", False),
    ("Ghana threatened to sue Togo.", "sue", "130", "threat", False),
    # an act with an intent code keeps it, conditional or not
    ("Ghana said it would send aid to Togo if asked.", "send", "033", "intent", False),
    ("Ghana said it will meet Togo's envoy on Monday.", "meet", "036", "intent", False),
])
def test_planned_intentions(text, trigger, code, modality, hypothetical):
    e = next(e for e in events(text) if e.trigger.text == trigger)
    assert (e.cameo[:len(code)], e.modality, e.hypothetical) == (code, modality, hypothetical)


@pytest.mark.parametrize("text,trigger,code,negated,hypothetical", [
    # the word view joins a contraction into one word: it negates, and a modal one is a modal, as written out
    ("Mexico didn't attack Canada on Monday.", "attack", "19", True, False),
    ("Mexico hasn’t attacked Canada since May.", "attacked", "19", True, False),
    ("Smith didn't meet the mayor of Lima on Monday.", "meet", "040", True, False),
    ("Mexico won't attack Canada.", "attack", "19", True, True),
    ("Mexico won't accept any refugees.", "accept", "12", False, False),
])
def test_contracted_negations(text, trigger, code, negated, hypothetical):
    e = next(e for e in events(text) if e.trigger.text == trigger)
    assert e.cameo.startswith(code) and e.negated is negated and e.hypothetical is hypothetical



def test_an_announced_act_keeps_the_day_of_its_announcement():
    e = next(e for e in events("Ghana said on Monday it would sue Togo over the dam.") if e.trigger.text == "sue")
    assert (e.hypothetical, e.date, e.date_from) == (True, "2021-03-01", "report")


def test_a_reported_past_obligation_is_a_demand():
    e = next(e for e in events("Peru said Chile had to withdraw its troops from the border.") if e.trigger.text == "withdraw")
    assert e.modality == "demand" and e.cameo.startswith("10")


@pytest.mark.parametrize("text,trigger,hypothetical", [
    # a clause of time in the present under a future tells an act still to come
    ("Ghana's president will sign the accord when he visits Togo next week.", "visits", True),
    # in the past, or under a present of habit, it was done
    ("Ghana's president signed the accord when he visited Togo last week.", "visited", False),
    # a gerund with no subject of its own: done when its head is (advice, an order, a habit: not done)
    ("Tourists should carry water when visiting Chad.", "visiting", True),
    ("The embassy told its citizens to take care when visiting Mali.", "visiting", True),
    ("Ghana's envoys stay at the embassy while visiting Togo.", "visiting", True),
    ("While visiting Togo last week, Ghana's president met the mayor of Lome.", "visiting", False),
    ("Ghana's president met the mayor of Lome when visiting Togo last week.", "visiting", False),
])
def test_a_present_clause_of_time_under_a_future_is_still_to_come(text, trigger, hypothetical):
    e = next(e for e in events(text) if e.trigger.text == trigger)
    assert e.hypothetical is hypothetical
