import pytest

import dateline
from dateline.extract.events import codebook, dictionary
from dateline.extract.lexicon import noun_forms, verb_forms


def events(text, published="2019-11-15"):
    return dateline.analyze(text, published=published).events


def main_event(text, root, published="2019-11-15"):
    evs = [e for e in events(text, published) if e.cameo.startswith(root)]
    assert evs, f"no CAMEO {root} event in {text!r}: {[(e.cameo, e.trigger.text) for e in events(text, published)]}"
    return evs[0]


@pytest.mark.parametrize("text,root,actor,target,date", [
    # (text, CAMEO root, actor code, target code, date)
    ("North Korea fired two ballistic missiles on Friday.", "15", "PRK", None, "2019-11-15"),
    ("Iran test-fired a cruise missile on Tuesday, state media reported.", "15", "IRN", None, "2019-11-12"),
    ("Russia denounced the United States on Monday.", "11", "RUS", "USA", "2019-11-11"),
    ("Japan condemned North Korea's launch on Thursday.", "11", "JPN", "PRK", "2019-11-14"),
    ("China rejected Japan's proposal on Wednesday.", "12", "CHN", "JPN", "2019-11-13"),
    ("The proposal was rejected by China on Wednesday.", "12", "CHN", None, "2019-11-13"),
    ("Kim Jong Un met Xi Jinping in Beijing on Tuesday.", "04", "PRK", "CHN", "2019-11-12"),
    # a place that modifies a noun is where or what kind, not a party
    ("Chile's navy detained Lima fishermen on Monday.", "17", "CHL", None, "2019-11-11"),
    # a relative pronoun subject is the noun its clause modifies
    ("Peru, which brought the case to the court on Monday, welcomed the ruling.", "11", "PER", None, "2019-11-11"),
    # the object of "discuss ... with X" is a topic: a state that modifies it is no party
    ("Peru discussed the Chile crisis with reporters on Monday.", "04", "PER", None, "2019-11-11"),
    # a coordinated subject: the first conjunct acts, the second is the counterpart
    ("Turkey and Syria agreed to a ceasefire on Thursday.", "08", "TUR", "SYR", "2019-11-14"),
    ("Iran and the International Atomic Energy Agency agreed on Thursday to restore cameras.", "03", "IRN", "IGO",
     "2019-11-14"),
    # a place as direct object stands for its state; the reporting military is not a participant
    ("Russian forces shelled the city of Kharkiv on Monday, Ukraine's military said.", "19", "RUS", "UKR",
     "2019-11-11"),
    # a generic organisation takes the state the article is about
    ("Police arrested 25 opposition supporters in Caracas on Friday.", "17", "VEN", None, "2019-11-15"),
    ("The European Union imposed new sanctions on Iran on Monday.", "16", "IGO", "IRN", "2019-11-11"),
    # a list of co-actors: the first acts, none of them is the target
    ("France, Germany and Britain threatened Iran with sanctions on Monday.", "13", "FRA", "IRN", "2019-11-11"),
    # an offer of comfort is an empathetic comment, not an offer to cooperate
    ("Kim Jong Un offered a consoling message to Moon Jae-in on Wednesday.", "018", "PRK", "KOR", "2019-11-13"),
    ("Japan offered humanitarian aid to Indonesia on Monday.", "03", "JPN", "IDN", "2019-11-11"),
    # coordinated verbs share the subject; the second verb's object is not the first one's target
    ("North Korea fired two missiles into the sea on Thursday and warned the United States against "
     "new sanctions.", "15", "PRK", None, "2019-11-14"),
    ("North Korea fired two missiles into the sea on Thursday and warned the United States against "
     "new sanctions.", "13", "PRK", "USA", "2019-11-14"),
])
def test_actor_target_date(text, root, actor, target, date):
    e = main_event(text, root)
    assert (e.actor.code if e.actor else None) == actor
    if target:
        assert (e.target.code if e.target else None) == target
    assert e.date == date


def test_anchor_after():
    e = main_event("North Korea fired a missile on Friday, three days after it threatened the United States.",
                   "13", published="2019-11-15")
    assert e.date == "2019-11-12"


def test_negated_and_hypothetical():
    neg = main_event("North Korea did not fire any missiles on Friday.", "15")
    assert neg.negated
    hyp = main_event("North Korea could fire more missiles if talks fail.", "15")
    assert hyp.hypothetical
    denied = main_event("Iran denied on Saturday that it had supplied drones to Russia.", "07")
    assert denied.negated


def test_series_claim():
    e = main_event("North Korea launched two missiles on Friday, its 13th test since May.", "15")
    assert e.series is not None
    assert (e.series.ordinal, e.series.noun, e.series.since) == (13, "test", "2019-05")


@pytest.mark.parametrize("text,since,mod", [
    ("North Korea fired two missiles on Friday, its third launch in just over a week.", "P1W", "MORE_THAN"),
    ("North Korea fired two missiles on Friday, its fourth launch in less than two weeks.", "P2W", "LESS_THAN"),
    ("North Korea fired two missiles on Friday, its second test in five days.", "P5D", None),
    ("North Korea launched two missiles on Friday, its 13th test since May.", "2019-05", None),
])
def test_series_claim_within_a_period(text, since, mod):
    e = main_event(text, "15")
    assert (e.series.since, e.series.since_mod) == (since, mod)


@pytest.mark.parametrize("text", [
    "The talks will resume next week, according to a diplomat who spoke on condition of anonymity "
    "because he was not authorized to discuss the negotiations publicly.",
    "An official, who was not authorised to meet reporters, confirmed the plan.",
])
def test_why_a_source_is_unnamed_is_not_an_event(text):
    assert not [e for e in events(text) if e.trigger.text in ("discuss", "meet")]


def test_headline_participle_is_passive_and_merges_with_the_lede():
    text = ("Opposition leader arrested days before vote\n\n"
            "Georgian police on Thursday detained opposition leader Nika Melia, two days before a "
            "parliamentary election.")
    evs = [e for e in events(text) if e.cameo.startswith("17")]
    assert len(evs) == 1
    assert evs[0].actor.code == "GEO" and evs[0].date == "2019-11-14"
    assert evs[0].target is not None and evs[0].target.name == "Nika Melia"


def test_headline_passive_has_no_actor():
    evs = [e for e in events("Journalist killed in Kabul blast\n\nThe blast hit a market.") if e.cameo.startswith("1")]
    assert evs and all(e.actor is None for e in evs)


def test_speaker_is_not_the_subject_of_the_reported_clause():
    text = "Iran's foreign ministry said on Monday the inspections would be expanded, and Iraq said Iran attacked Kuwait."
    e = main_event(text, "19")
    assert (e.actor.code, e.target.code) == ("IRN", "KWT")
    text = "The ministry of Georgia said officers raided the office and seized computers."
    e = main_event(text, "17")
    assert e.actor is None


def test_pronoun_after_a_speech_verb_is_the_speaker():
    # (an announced rally is a threat to protest, CAMEO 133: extract.modality)
    e = main_event("Protest organizers said they would hold another rally in Khartoum on Monday.", "13")
    assert e.actor is None
    e = main_event("Pyongyang said it fired two missiles on Friday.", "15")
    assert e.actor.code == "PRK"


def test_sources_from_attribution():
    e = main_event("North Korea fired two missiles on Friday, South Korea's Joint Chiefs of Staff said.", "15")
    assert any(s.code == "KOR" for s in e.sources)


def test_reports_of_one_launch_merge():
    text = ("North Korea launched two missiles on Friday. The missiles were fired from a site near the coast, "
            "officials said.")
    launches = [e for e in events(text) if e.cameo.startswith("15")]
    assert len(launches) == 1


def test_every_pattern_code_is_in_the_codebook():
    from dateline.extract.events import NO_EVENT
    codes = codebook()
    for first, pats in dictionary().items():
        for p in pats:
            assert p.code in codes or p.code == NO_EVENT, p


@pytest.mark.parametrize("text", [
    "Most applicants must meet strict education requirements.",
    "The bank charged high fees on the accounts.",
    "The senator spoke at a campaign rally in Ohio on Monday.",
    "Officials say they support the changes.",
    "The Korean drama beat two American films for the top prize.",
    "The two candidates meet for their second debate on Sunday.",
    "The rocket flew 600 kilometres before falling into the sea.",
    "The minister offered his opinion on the budget.",
    "The plan received support from several parties.",
])
def test_wordings_that_name_no_happening(text):
    assert not events(text), [(e.cameo, e.trigger.text) for e in events(text)]


@pytest.mark.parametrize("text,participle", [
    ("The seized tanker remains at anchor off the coast.", "seized"),
    ("Residents of the besieged town waited for food on Monday.", "besieged"),
    ("Aid reached the occupied districts on Monday.", "occupied"),
    ("Its alleged abuses were discussed at length.", "alleged"),
])
def test_a_participle_describing_a_noun_is_no_event(text, participle):
    """'the seized tanker': a participle after a determiner that modifies a noun reports nothing."""
    assert not [e for e in events(text) if e.trigger.text == participle]


@pytest.mark.parametrize("base,form", [("launch", "launched"), ("fire", "fired"), ("deny", "denied"),
                                       ("send", "sent"), ("meet", "met"), ("stop", "stopped")])
def test_verb_forms(base, form):
    assert form in verb_forms(base)


@pytest.mark.parametrize("base,form", [("missile", "missiles"), ("talk", "talks"), ("ally", "allies")])
def test_noun_forms(base, form):
    assert form in noun_forms(base)


def test_series_claim_in_a_later_sentence():
    text = ("North Korea fired two missiles on Friday, South Korea's military said. "
            "It was North Korea's ninth launch since May.")
    e = main_event(text, "15")
    assert e.series is not None and (e.series.ordinal, e.series.noun, e.series.since) == (9, "launch", "2019-05")


@pytest.mark.parametrize("text,published,root,date", [
    ("Japan protested on Friday after Pyongyang launched two ballistic missiles a day earlier.",
     "2019-11-01", "15", "2019-10-31"),
    ("North Korea fired a missile on Oct. 2. A day later, South Korea protested to North Korea.",
     "2019-11-01", "14", "2019-10-03"),
])
def test_relative_dates_from_the_time_in_focus(text, published, root, date):
    assert main_event(text, root, published=published).date == date


@pytest.mark.parametrize("text,trigger,date", [
    # a past perfect in reported speech is not dated by the time of the speech
    ("Maduro, speaking on state television on Thursday, said Saab had been kidnapped by Washington.",
     "kidnapped", None),
    # the time of an infinitival complement is its own event's, not the main verb's
    ("Earlier this month, the government and the opposition agreed to hold an election in 2024.",
     "agreed", "2019-11"),
    ("Japan offered humanitarian aid to Indonesia on Monday.", "offered", "2019-11-11"),
])
def test_which_time_dates_the_event(text, trigger, date):
    e = next(e for e in events(text) if e.trigger.text == trigger)
    if date is None:    # no time of its own: only the report's or the publication day, as an upper bound
        assert e.date_from in ("report", "publication")
    else:
        assert e.date == date


def test_a_passive_has_no_object_and_nobody_acts_on_themselves():
    text = "The businessman, who was arrested in Cape Verde in 2020, denied the charges."
    e = next(e for e in events(text) if e.trigger.text == "arrested")
    assert e.target is None and e.location["code"] == "CPV"
    e = next(e for e in events("Months of negotiations mediated by Qatar ended.") if e.cameo.startswith("04"))
    assert not (e.actor and e.target and e.actor.entity == e.target.entity)


@pytest.mark.parametrize("text,cameo,target", [
    # a missile fired AT a target is an attack (195); a launch with no target a show of force (150)
    ("Houthi rebels fired a ballistic missile at a U.S.-owned tanker on Thursday.", "195", "USA"),
    ("Iran fired missiles at Israel on Tuesday.", "195", "ISR"),
    ("North Korea fired two missiles on Thursday, South Korea's military said.", "150", None),
    ("North Korea fired a missile into the sea.", "150", None),
    ("The United States and Britain launched strikes on Houthi targets in Yemen.", "195", None),
])
def test_aimed_launch_is_an_attack(text, cameo, target):
    e = events(text)[0]
    assert e.cameo == cameo
    if target:
        assert e.target.code == target


def test_background_event_dates_only_itself():
    text = ("Soldiers opened fire on protesters in Khartoum on Saturday. The protesters marched a year after "
            "the military seized power in a coup. Witnesses said troops fired on the crowd.")
    evs = {e.trigger.text: e for e in events(text, published="2022-10-29")}
    assert evs["seized"].date == "2021"      # "a year after": the year, not an invented day
    assert [t for t, e in evs.items() if e.date == "2021"] == ["seized"]


def test_undated_headline_event_takes_the_lede_date():
    text = ("Security forces fire on protesters in Khartoum\n\n"
            "Sudanese troops opened fire on demonstrators in Khartoum on Saturday, doctors said.")
    evs = [e for e in events(text, published="2022-10-29") if e.sentence["start"] == 0]
    assert evs and all(e.date == "2022-10-29" for e in evs)


def test_a_source_named_after_its_content_is_not_the_antecedent():
    text = ("North Korea fired two missiles on Friday, South Korea's Joint Chiefs of Staff said, its first "
            "launch since it tested a long-range missile in November 2017.")
    tested = [e for e in events(text, "2019-08-02") if e.trigger.text == "tested"][0]
    assert tested.actor.code == "PRK"


def test_reports_of_one_launch_merge_with_part_of_day_and_clock_time():
    text = ("North Korea fired two missiles on Friday morning. The projectiles were launched at 8:01 a.m. "
            "from a site near the coast, officials said.")
    assert len([e for e in events(text) if e.cameo.startswith("15")]) == 1


def test_series_noun_is_singular():
    e = main_event("North Korea fired two missiles on Friday, its ninth round of launches since May.", "15")
    assert e.series is not None and e.series.noun in ("round", "launch")


def test_gerund_after_a_noun_is_not_a_verb():
    evs = events("Iran refused on Monday to attend the agency's board meeting in Vienna.")
    assert all(e.trigger.text != "meeting" for e in evs)


def test_conditional_clause_is_hypothetical():
    e = main_event("Britain threatened to act if Iran did not cooperate with the inspectors.", "06")
    assert e.hypothetical


def events_with(text, model, published="2019-11-15"):
    from dateline.settings import load_settings
    return dateline.analyze(text, published=published, settings=load_settings(model=model)).events


@pytest.mark.parametrize("model", ["none", "default"])
@pytest.mark.parametrize("text,root,actor,target", [
    ("Seoul's attempt to hold talks was rebuffed by Pyongyang on Monday.", "12", "PRK", "KOR"),
    ("North Korea fired two ballistic missiles on Friday, Japan's Defense Ministry said.", "15", "PRK", None),
    ("Japan condemned North Korea on Thursday.", "11", "JPN", "PRK"),
    ("Talks between North Korean and U.S. officials broke down in Stockholm.", "16", "PRK", "USA"),
])
def test_each_profile_codes_actor_and_target(model, text, root, actor, target):
    e = [x for x in events_with(text, model) if x.cameo.startswith(root)][0]
    assert (e.actor.code if e.actor else None) == actor
    assert (e.target.code if e.target else None) == target


def test_the_parse_finds_a_subject_inside_its_phrase():
    # the rules skip entities inside prepositional phrases; the parse knows "the head of X" is the subject
    text = "The head of the European Commission criticized China on Monday over its trade practices."
    e = [x for x in events_with(text, "default") if x.cameo.startswith("11")][0]
    assert e.actor is not None and e.actor.code == "IGO"
    assert e.target is not None and e.target.code == "CHN"


@pytest.mark.parametrize("text,trigger,location", [
    ("Russia and Ukraine signed a deal in Istanbul on Friday.", "signed", "TUR"),
    # a place inside a relative or subordinate clause is not where the event happened
    ("Ukraine and Russia signed an agreement Friday that would allow grain shipments from Ukrainian ports.",
     "signed", None),
    ("Israel struck targets in Gaza after rockets were fired from Lebanon.", "struck", "PSE"),
    ("Police arrested the suspect, who had fled from Germany.", "arrested", None),
])
def test_event_location_is_in_the_event_clause(text, trigger, location):
    e = next(e for e in events(text) if e.trigger.text == trigger)
    assert (e.location or {}).get("code") == location


@pytest.mark.parametrize("text,trigger,actor", [
    # an irregular past after a one-word subject at the start of the sentence is a verb
    ("Israel struck targets in Gaza on Monday, the army said.", "struck", "ISR"),
    ("Iran seized a British tanker on Friday.", "seized", "IRN"),
    # a bare stem after a one-word name is a verb in the present (headline style)
    ("Hamas attacks Israel.", "attacks", "PSE"),
])
def test_verbs_after_a_sentence_initial_name(text, trigger, actor):
    e = next(e for e in events(text) if e.trigger.text == trigger)
    assert e.actor and e.actor.code == actor


def test_a_pronoun_equated_with_a_nominal_event_is_not_its_actor():
    evs = events("Russia hit Kyiv with missiles overnight. It was the third attack this week.")
    assert not any(e.actor and e.actor.code == "UKR" for e in evs if e.trigger.text == "attack")


def test_a_target_is_not_taken_across_a_comma():
    text = ("Kenyan police fired tear gas at stone-throwing protesters in Nairobi on Friday, the third day "
            "of demonstrations called by opposition leader Raila Odinga.")
    e = next(e for e in events(text) if e.trigger.text == "fired")
    assert e.target is None or e.target.name != "Raila Odinga"


def test_undated_reports_far_apart_in_an_article_are_not_merged():
    text = ("KHARTOUM (AP) - The army said it had recaptured a bridge, a day after fighting that killed at least "
            "40 civilians.\n\nThe RSF did not comment.\n\nResidents said the fighting was the worst in months.\n\n"
            "The war has killed more than 14,000 people, according to the United Nations.")
    kills = [e for e in events(text, published=None) if e.cameo.startswith("18")]
    assert len(kills) == 2


@pytest.mark.parametrize("text,trigger,actor,target", [
    # a participle followed by "by" is passive: its agent acts
    ("The talks, mediated by Egypt and Qatar, resumed on Sunday.", "mediated", "EGY", None),
    # a nominal event's "by" names its own agent only directly or after an agentive participle
    ("An attack carried out by Hamas killed five.", "attack", "PSE", None),
])
def test_by_agents(text, trigger, actor, target):
    e = next(e for e in events(text) if e.trigger.text == trigger)
    assert (e.actor.code if e.actor else None) == actor
    assert (e.target.code if e.target else None) == target


def test_two_kinds_of_happening_in_one_sentence_stay_apart():
    evs = events("The talks, mediated by Egypt and Qatar, resumed on Sunday.")
    assert not any(e.cameo == "040" and e.actor and e.actor.code == "EGY" for e in evs)


@pytest.mark.parametrize("text,absent", [
    # after a verb, a name and an "-s" word are its object, not a new clause
    ("Israel rejects Hamas demands", "demands"),
    # nothing after the trigger in its clause: no target from beyond a subordinator
    ("Ceasefire talks stall as Israel rejects Hamas demands", None),
])
def test_headline_verbs_and_objects(text, absent):
    evs = events(text)
    if absent:
        assert not any(e.trigger.text == absent for e in evs)
    stall = [e for e in evs if e.trigger.text == "stall"]
    assert all(e.target is None for e in stall)


def test_another_named_organisation_of_the_actors_state_can_be_the_target():
    text = ("Sudan's military said Saturday it had recaptured a strategic bridge in the capital from the "
            "paramilitary Rapid Support Forces.")
    e = next(e for e in events(text) if e.trigger.text == "recaptured")
    assert e.target is not None and e.target.name == "Rapid Support Forces"


def test_a_headline_pair_joined_by_a_comma_is_actor_and_target():
    e = next(e for e in events("Iran, IAEA agree on new inspections after talks in Tehran") if e.cameo.startswith("03"))
    assert (e.actor.code, e.target.name) == ("IRN", "International Atomic Energy Agency")


@pytest.mark.parametrize("text,trigger,ordinal,noun,since", [
    # "first" is a claim too, and "last year" its period; a word that narrows the kind stays with the noun
    ("North Korea fired a ballistic missile on Sunday, its first ballistic missile launch this year.", "fired", 1,
     "ballistic missile launch", "2019"),
    ("North Korea test-fired an ICBM on Dec. 18, its fifth ICBM launch last year.", "test-fired", 5, "ICBM launch",
     "2018"),
    ("North Korea fired two missiles on Friday, its third straight test this month.", "fired", 3, "test", "2019-11"),
    ("North Korea fired two missiles on Friday, its first launch since May 9.", "fired", 1, "launch", "2019-05-09"),
])
def test_series_claims(text, trigger, ordinal, noun, since):
    evs = events(text)
    e = next(e for e in evs if e.trigger.text == trigger)
    assert e.series is not None and (e.series.ordinal, e.series.noun, e.series.since) == (ordinal, noun, since)
    assert len([x for x in evs if x.cameo.startswith("15")]) == 1     # the phrase is not another launch


@pytest.mark.parametrize("text,trigger,actor", [
    # "the South" / "the North" are the states named with that word
    ("North Korea fired shells toward South Korea on Friday. The South held drills on Saturday.", "held", "KOR"),
    # the object of a verb is the subject of its infinitive
    ("North Korea fired shells near the border on Friday, prompting South Korea to protest.", "protest", "KOR"),
    # "United States" is no speech verb ("states") that would start a new clause
    ("The launch came a day after South Korea, the United States and Japan staged a joint exercise.", "staged",
     "KOR"),
])
def test_more_actors(text, trigger, actor):
    e = next(e for e in events(text) if e.trigger.text == trigger)
    assert e.actor is not None and e.actor.code == actor


@pytest.mark.parametrize("third, expected", [
    # an act in a clause opened by "after" is background: before the story's time, its own day unknown
    ("The launch came after South Korea and Japan staged a joint exercise.", (None, None, None)),
    # a main clause of the story takes the story's day, never the clock time of the actor-less report
    ("South Korea and Japan staged a joint exercise.", ("2024-01-14", "narrative")),
])
def test_an_actor_less_report_does_not_date_a_named_actors_event(third, expected):
    text = ("North Korea fired a missile on Sunday.\n\nThe missile was launched at 2:55 p.m.\n\n" + third)
    e = next(e for e in events(text, published="2024-01-14") if e.trigger.text == "staged")
    assert (e.date, e.date_from, e.date_timex)[:len(expected)] == expected


def test_a_first_since_claim_counts_from_after_its_date():
    e = next(e for e in events("North Korea fired two missiles on Friday, its first launch since May 9.")
             if e.trigger.text == "fired")
    assert e.series.since_mod == "AFTER"
    e = next(e for e in events("North Korea fired two missiles on Friday, its first launch this year.")
             if e.trigger.text == "fired")
    assert e.series.since_mod is None


def test_a_phrase_without_a_kind_noun_is_no_series_claim():
    evs = events("North Korea fired projectiles on Saturday, its first launch of this kind since it tested an ICBM "
                 "in November 2017.")
    assert all(e.series is None for e in evs)


def test_a_co_actor_named_again_after_the_verb_is_not_the_target():
    text = ("South Korea, the United States and Japan staged a joint naval exercise on Saturday involving a "
            "U.S. aircraft carrier.")
    e = next(e for e in events(text) if e.trigger.text == "staged")
    assert e.actor.code == "KOR" and e.target is None


@pytest.mark.parametrize("text,trigger,actor,target", [
    # another person or body of the actor's own state is a party to a domestic event
    ("Senator Jane Holloway of Ohio accused Governor Mark Reeves of Texas of fraud.", "accused",
     "USA", "Mark Reeves"),
    # a body of the actor's own state, named apart from it, is a party too (the state itself is not:
    # test_event_roles.test_a_domestic_party_is_a_target)
    ("Brazil's President Luiz Inacio Lula da Silva criticised Brazil's central bank.", "criticised",
     "BRA", "Central Bank"),
])
def test_domestic_targets(text, trigger, actor, target):
    e = next(e for e in events(text) if e.trigger.text == trigger)
    assert e.actor is not None and e.actor.code == actor
    assert (e.target.name if e.target else None) == target


@pytest.mark.parametrize("text,trigger,date", [
    # a time that modifies a noun of the clause is not the clause's time
    ("Chile said it would investigate the 2009 shooting in Arica.", "investigate", "2019-11-15"),
    ("Peru rejected last year's census results.", "rejected", "2019-11-15"),
    ("Chile criticized Peru on Monday.", "criticized", "2019-11-11"),
])
def test_a_time_of_a_noun_does_not_date_the_clause(text, trigger, date):
    e = next(e for e in events(text) if e.trigger.text == trigger)
    assert e.date == date


@pytest.mark.parametrize("text,code,vocabulary", [
    # a wording only the converted PETRARCH2 vocabulary has
    ("Chile expedited arms shipments to Peru on Monday.", "072", "petrarch_patterns.tsv"),
    # a verb of the project's own vocabulary keeps its curated code
    ("Chile criticized Peru on Monday.", "111", "patterns.tsv"),
])
def test_vocabularies_and_their_precedence(text, code, vocabulary):
    e = events(text)[0]
    assert e.cameo == code and e.rule.split(":")[0] == vocabulary


def test_a_bare_converted_verb_is_no_event():
    # PETRARCH2 codes "think" alone (040) only between two parsed actors: not taken
    assert not events("Chile thinks about Peru.")


@pytest.mark.parametrize("text,code", [
    ("Mali shortened the curfew in Bamako on Monday.", "0813"),
    ("Peru invited Chile to resume the border talks.", "026"),
    ("Norway bolstered its naval presence in the Arctic.", "154"),
    ("Militants slaughtered dozens of villagers in the north.", "202"),
    ("A blast tore through a bus station in Quetta on Monday.", "183"),
    ("Ecuador complied with the court's order on Monday.", "080"),
    ("Japan will give Laos a grant of 20 million dollars.", "0331"),
    ("Uruguay ratified the treaty with Brazil on Friday.", "057"),
    ("Norway said Russia must hold off until the talks resume.", "1056"),
])
def test_vocabulary_gaps(text, code):
    assert code in [e.cameo for e in events(text)], [(e.cameo, e.trigger.text) for e in events(text)]


@pytest.mark.parametrize("text,trigger,target", [
    ("Ministers met in Lyon on Monday.", "met", None),                                       # where
    ("Macron visited Dakar on Monday.", "visited", "SEN"),                                     # the object
    ("The president's visit to Dakar was brief.", "visit", "SEN"),                             # "visit to"
    ("North Korea fired shells at Seoul on Monday.", "fired", "KOR"),                          # aimed at
])
def test_a_place_is_a_target_only_as_object_or_aim(text, trigger, target):
    e = next(e for e in events(text) if e.trigger.text == trigger)
    assert (e.target.code if e.target else None) == target


@pytest.mark.parametrize("text,trigger,hypothetical", [
    ("The minister was forced to resign on Monday.", "resign", False),   # forced to: it happened
    ("The minister may resign on Monday.", "resign", True),
])
def test_implicative_verbs_assert_their_infinitive(text, trigger, hypothetical):
    e = next(e for e in events(text) if e.trigger.text == trigger)
    assert e.hypothetical is hypothetical


@pytest.mark.parametrize("text", [
    "Peru now criticizes Chile over the border.",
    "Chile formally rejects the proposal from Peru.",
])
def test_an_adverb_between_subject_and_verb(text):
    assert events(text), text


@pytest.mark.parametrize("text,trigger,actor", [
    # a verb without a subject of its own takes the subject of the verb it complements or modifies
    ("Obama spoke to reporters after meeting with Russian President Vladimir Putin.", "meeting", "USA"),
    ("Senator Jane Holloway of Ohio decided to endorse Governor Mark Reeves of Texas.", "endorse", "USA"),
])
def test_controlled_verbs_take_the_governing_subject(text, trigger, actor):
    e = next(e for e in events(text, published="2016-09-05") if e.trigger.text == trigger)
    assert e.actor is not None and e.actor.code == actor


def test_a_refusal_is_dated_by_its_complements_time():
    e = next(e for e in events("Senator Jane Holloway of Ohio refused to endorse the bill in July.",
                               published="2016-09-26") if e.trigger.text == "refused")
    assert (e.date, e.date_from) == ("2016-07", "timex")


@pytest.mark.parametrize("text,trigger,hypothetical", [
    ("Chile pledged to stand firm, warning Peru that the border would stay closed.", "warning", False),
    ("Chile pledged to warn Peru.", "warn", False),      # the pledge is the intention (modality)
])
def test_a_modal_word_reaches_to_the_next_comma(text, trigger, hypothetical):
    e = next(e for e in events(text) if e.trigger.text == trigger)
    assert e.hypothetical is hypothetical


@pytest.mark.parametrize("text,accuser", [
    ("Peru accused Chile of attacking its border post.", "PER"),
    ("Lawmakers in Lima accused Chile of hacking the ministry's computers.", "PER"),
])
def test_what_an_accusation_says_the_object_did_is_not_done_by_the_accuser(text, accuser):
    evs = events(text)
    assert any(e.cameo.startswith("112") for e in evs)
    assert not [e for e in evs if not e.cameo.startswith("11") and e.actor and e.actor.code == accuser
                and not e.hypothetical]


def test_a_pronoun_is_not_resolved_to_a_person_of_the_other_gender():
    evs = events("Ana Ruiz said she would meet Vice President Luis Toro. She will visit Lima on Thursday.")
    visit = next(e for e in evs if e.trigger.text == "visit")
    assert visit.actor is not None and visit.actor.name == "Ana Ruiz"


def test_the_subject_of_a_passive_did_not_do_it():
    evs = events("Luis Toro said on Monday that he was arrested by the police in Lima.")
    arrest = next(e for e in evs if e.trigger.text == "arrested")
    assert arrest.actor is None or arrest.actor.name != "Luis Toro"


def test_a_subject_that_names_no_entity_is_not_replaced_by_a_guess_from_elsewhere():
    evs = events("Police in Lima seized rifles on Sunday. Extremists have bombed two towns near the border.")
    bombed = next(e for e in evs if e.trigger.text == "bombed")
    assert bombed.actor is None


@pytest.mark.parametrize("text", [
    "Customs officers found a bomb in a truck near Lima on Monday.",
    "The group bought rockets from a dealer in Chile.",
])
def test_a_weapon_that_is_found_or_traded_is_no_attack(text):
    assert not [e for e in events(text) if e.cameo[:2] in ("18", "19")]


def test_a_happening_that_was_halted_is_not_reported_as_held():
    assert not [e for e in events("Peru-Chile talks have been suspended for two years.") if e.cameo[:2] == "04"]


def test_a_speech_act_event_is_linked_to_its_attribution():
    r = dateline.analyze("Peru accused Chile of sending troops across the border.", published="2019-11-15")
    cue = next(a for a in r.attributions if a.cue.text == "accused")
    accusation = next(e for e in r.events if e.trigger.text == "accused")
    assert accusation.attributions == [cue.id]


def test_within_its_sentence_a_pronoun_takes_the_nearest_person():
    evs = events("Mr. Vega met the envoys on Monday. Defense Minister Luis Toro said in a speech on "
                 "Tuesday that he was willing to withdraw the troops.")
    withdraw = next(e for e in evs if e.trigger.text == "withdraw")
    assert withdraw.actor is not None and withdraw.actor.name == "Luis Toro"


@pytest.mark.parametrize("text,reported", [
    ("The visit to Lima by the Chilean president will take place next week.", False),
    ("The strikes on Chilean border posts could do serious harm to relations.", False),
    ("The visit to Lima by the Chilean president took place on Monday.", True),
])
def test_a_nominal_event_whose_clause_is_modal_is_not_reported_as_happening(text, reported):
    evs = [e for e in events(text) if e.trigger.text in ("visit", "strikes") and not e.hypothetical]
    assert bool(evs) == reported


# ---------------------------------------------------------------- work grows linearly
def _reported_acts(n):
    import random
    r = random.Random(5)
    states = ["North Korea", "Japan", "China", "Russia", "France", "Brazil"]
    verbs = ["criticised", "praised", "warned", "threatened", "accused", "met officials of"]
    days = ["on Monday", "on Tuesday", "last week", "on Oct. 3", "in May"]
    return " ".join(f"{r.choice(states)} {r.choice(verbs)} {r.choice(states)} {r.choice(days)}, officials said."
                    + ("\n\n" if k % 3 == 2 else "") for k in range(n))


def test_event_stage_grows_linearly():
    """Sources, clause dates, consumed words and merging look attributions, timexes and earlier events
    up by sentence, offset and key, not by scans over all of them (executed lines, not time)."""
    from dateline.extract import event_index, events
    from dateline.settings import load_settings
    from work_count import growth
    settings = load_settings(model="none")
    assert growth(_reported_acts, lambda t: dateline.analyze(t, published="2019-10-31", settings=settings),
                  events, event_index, n=60) < 2.4


class _ScanAll:
    """MergeIndex's interface as a scan over every kept event (the reference for the index)."""

    def __init__(self):
        self.kept = []

    def add(self, c):
        self.kept.append(c)

    def update(self, c):
        pass

    def first(self, c, fits):
        return next((o for o in self.kept if fits(c, o)), None)


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_indexed_merge_keeps_the_events_the_scan_keeps(seed, monkeypatch):
    import copy
    import random
    from dateline.extract import events as events_module
    from dateline.extract.event_lexicon import Pattern, _Cand
    from dateline.extract.events import EventExtractor
    from dateline.record import Mention
    r = random.Random(seed)

    def party():
        code = r.choice([None, "", "PRK", "JPN", "CHN"])
        return Mention(0, 1, "x", code=code) if r.random() < 0.8 else None

    cands = []
    for k in range(150):
        code = r.choice(["190", "195", "111", "1121", "051", "036"])
        c = _Cand(pattern=Pattern(code=code, pos="verb", words=("w",), objects=frozenset(), preps=frozenset(), row=k),
                  tok=0, end_tok=1, start=k, end=k + 1, sent=r.randrange(40), actor=party(), target=party(),
                  date=r.choice([None, "2019-10-30", "2019-10-31", "2019-10-31T09:00", "2019-W44"]),
                  negated=r.random() < 0.1, hypothetical=r.random() < 0.1, headline=r.random() < 0.05)
        cands.append(c)
    cands.sort(key=lambda c: c.sent)
    got = [(c.start, c.pattern.code, c.date, c.actor and c.actor.code) for c in EventExtractor()._merge(copy.deepcopy(cands))]
    monkeypatch.setattr(events_module, "MergeIndex", _ScanAll)
    want = [(c.start, c.pattern.code, c.date, c.actor and c.actor.code) for c in EventExtractor()._merge(cands)]
    assert got == want and len(want) < len(cands)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_report_and_timex_indexes_answer_as_scans(seed):
    import random
    from types import SimpleNamespace as NS
    from dateline.extract.event_index import ReportIndex, TimexIndex
    r = random.Random(seed)
    sentences = [(k * 50, k * 50 + 48) for k in range(20)]
    reported = []
    for _ in range(60):
        cs = r.randrange(1000)
        a = r.randrange(1000)
        reported.append((cs, cs + r.randrange(0, 120), a, a + r.randrange(1, 15), r.randrange(1000)))
    index = ReportIndex(reported, sentences)
    txs = [NS(start=s, end=s + r.randrange(1, 20)) for s in (r.randrange(1000) for _ in range(80))]
    tindex = TimexIndex(txs)
    for _ in range(300):
        start = r.randrange(1000)
        end, ss = start + r.randrange(1, 10), start - start % 50
        want = {(a, b) for cs, ce, a, b, cue in reported if cs <= start < ce and a > end}
        want |= {(a, b) for cs, ce, a, b, cue in reported if cs < a and ss <= a and b <= start and cue != start}
        assert set(index.sources_apart(start, end, ss)) == want
        lo, hi = sorted((r.randrange(1000), r.randrange(1000)))
        assert tindex.starting_in(lo, hi) == [t for t in txs if lo <= t.start < hi]
        assert tindex.ending_in(lo, hi) == [t for t in txs if lo < t.end <= hi]


@pytest.mark.parametrize("text,root,actors", [
    # two people of one state doing the same kind of act in two sentences: two happenings
    ("Senator Ted Cruz criticized President Barack Obama on Monday. Senator Elizabeth Warren also "
     "criticized President Barack Obama.", "11", {"Ted Cruz", "Elizabeth Warren"}),
    # a state and its leader are one party: one happening reported twice
    ("North Korea launched two missiles on Friday. The missiles were fired from a site near the coast, "
     "officials said.", "15", {"North Korea"}),
])
def test_reports_in_two_sentences_merge_only_with_the_same_participants(text, root, actors):
    evs = [e for e in events(text) if e.cameo.startswith(root)]
    assert {e.actor.name for e in evs if e.actor} == actors and len(evs) == len(actors)


@pytest.mark.parametrize("text,root,n", [
    # a span up to now is no one day's report: it does not merge into the dated act of the same kind
    ("Since 1995 dozens of Ruritanian guards have been killed by rebels. On Tuesday, rebels killed "
     "two Ruritanian guards near the border.", "18", 2),
    # one happening has one place: a march in one city is not the march in another
    ("Students marched in Lyon on Monday. Students also marched in Nantes on Monday.", "14", 2),
])
def test_reports_of_a_span_or_of_another_place_stay_apart(text, root, n):
    assert len([e for e in events(text) if e.cameo.startswith(root)]) == n


@pytest.mark.parametrize("text,trigger,actor", [
    # the subject of a reporting verb is the actor of the gerund adjunct it controls
    ('"The border is calm," Barack Obama said after meeting with President Ollanta Humala.', "meeting",
     "Barack Obama"),
    ('"The border is calm," Barack Obama said on Monday after meeting with President Ollanta Humala.', "meeting",
     "Barack Obama"),
    # a gerund with a subject of its own is not the speaker's
    ('"The border is calm," Barack Obama said, while farmers were meeting in the square.', "meeting", None),
])
def test_a_reporting_verb_subject_acts_in_its_gerund_adjunct(text, trigger, actor):
    e = next(e for e in events(text) if e.trigger.text == trigger)
    assert (e.actor.name if e.actor else None) == actor


@pytest.mark.parametrize("text,code,intended", [
    # CAMEO codes a refusal only: the act refused is no second, negated event
    ("Senator Jane Holloway of Ohio refused to endorse Governor Mark Reeves of Texas.", "120", "051"),
    # the act refused names the refusal's code where it has one
    ("Peru refused to meet Chile on Monday.", "125", "040"),
])
def test_a_refusal_to_act_is_one_event(text, code, intended):
    evs = events(text)
    assert [(e.cameo, e.intended) for e in evs] == [(code, intended)]
    assert not evs[0].negated and not evs[0].hypothetical


def test_a_standing_report_in_the_headline_merges_with_the_body():
    text = ("Consul accused of selling visas\n\nThe Chilean consul was accused of selling visas to smugglers "
            "from Peru.")
    assert len([e for e in events(text) if e.cameo.startswith("11")]) == 1


@pytest.mark.parametrize("text,codes", [
    # two intentions (or two threats) of one party to another in two sentences are two happenings
    ("Chile promised to cooperate with Peru on fishing. Chile also plans to meet Peru to discuss the border.",
     ["031", "036"]),
    ("Chile pledged to help Peru rebuild its ports. Chile also intends to hold talks with Peru.", ["033", "036"]),
    ("Chile threatened Peru with sanctions. Chile also threatened to attack Peru.", ["1312", "138"]),
])
def test_different_intentions_of_one_party_are_not_merged(text, codes):
    assert [e.cameo for e in events(text)] == codes


@pytest.mark.parametrize("text,kept,not_at", [
    # a bare noun naming a happening ("the regional talks") lends its words to no report with
    # participants merged into it: the report stands at its own words
    ("The regional talks have dragged on since June. Peru's president met Chile's foreign minister in "
     "Lima on Monday.", "met", "talks"),
    ("The killings shocked the region. Rebels killed two Peruvian guards near the border on Monday.",
     "killed", "killings"),
])
def test_a_report_is_not_merged_into_a_bare_noun(text, kept, not_at):
    import dateline
    evs = dateline.analyze(text, published="2021-03-04").events
    words = [e.trigger.text for e in evs if e.actor is not None or e.target is not None]
    assert kept in words and not_at not in words, [(e.cameo, e.trigger.text) for e in evs]


@pytest.mark.parametrize("text,root,negated", [
    # a negating word before the act (grammar.json negation): the act did not happen
    ("Nobody was arrested after the march in Lagos on Sunday.", "17", True),
    ("No one was wounded when the mortar hit the depot on Sunday.", "18", True),
    ("Police arrested two men after the march in Lagos on Sunday.", "17", False),
])
def test_a_negating_subject_negates_the_act(text, root, negated):
    assert main_event(text, root).negated is negated


@pytest.mark.parametrize("text,root,n", [
    # a participle clause with no subject of its own tells more of its head's act: one happening
    ("Ruritania's president lashed out at Borduria on Monday, accusing it of arming the rebels.", "11", 1),
    ("Ruritanian artillery shelled the border town on Monday, firing rockets at the rebels' positions.", "19", 1),
    # of two roots of violence too: the killing is the strike's result
    ("Ruritanian jets struck the rebels' camp on Monday, killing five fighters.", "1", 1),
    ("A bomb exploded outside the Ruritanian embassy on Friday, killing twelve people.", "1", 1),
    # a clause with a subject of its own is another happening
    ("Borduria denounced the raid on Monday while Ruritania accused Borduria of lying.", "11", 2),
    # two clauses of one sentence, each with its subject: two happenings of one root
    ("Ruritania criticized Borduria on Monday, and Borduria accused Ruritania of spying.", "11", 2),
    # a participle clause that an opener of sequence places before or after its head: another happening
    ("The Ghanaian foreign minister flew to Togo on Monday after meeting the Nigerian president.", "04", 2),
])
def test_a_participle_clause_elaborating_its_head_is_one_event(text, root, n):
    assert len([e for e in events(text) if e.cameo.startswith(root)]) == n, events(text)


@pytest.mark.parametrize("phrases,inner", [
    (["condition of anonymity", "not allowed to"], {"of", "allowed"}),
    (["not allowed to", "no authority"], set()),        # a two-word phrase has no inner word: no test
])
def test_boilerplate_inner_words(phrases, inner):
    from dateline.extract.events import _inner_words

    assert _inner_words(phrases) == inner


@pytest.mark.parametrize("content,words", [
    ("they signed the ceasefire deal", {"deal", "accord"}),
    ("they signed the ceasefire dealings", {"deal", "accord"}),
    ("a move to de-escalate, officials said", {"de-escalate"}),
    ("a non-de-escalated front", {"de-escalate"}),
    ("the 24-hour truce", {"24-hour", "hour"}),
    ("the 124-hour truce", {"24-hour"}),
    ("troops_deployed and troops.", {"troops"}),
    ("deal_deal deal", {"deal"}),
    ("dealdeal", {"deal"}),
    ("the talks-", {"-", "talks-"}),
    ("talks -- then peace", {"-"}),
    ("café accords", {"caf", "accords"}),
    ("ceasefire2 ceasefire²", {"ceasefire"}),
    ("", {"deal"}),
    ("anything", {""}),
    ("", {""}),
])
def test_has_word_is_the_word_alternation(content, words):
    import re
    from dateline.extract.events import _has_word
    rx = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words)) + r")\b")
    assert _has_word(content, frozenset(words)) == (rx.search(content) is not None)
