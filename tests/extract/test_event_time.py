"""Event dating by the clause's own time expression (extract.event_time): hand-built sentences."""
import pytest

import dateline
from dateline.extract.event_time import clause_scopes

PUBLISHED = "2021-03-05"      # a Friday


def event(text, trigger, published=PUBLISHED):
    return next(e for e in dateline.analyze(text, published=published).events if e.trigger.text == trigger)


@pytest.mark.parametrize("text,trigger,date", [
    # the clause's own time expression, not one of a relative or subordinate clause before it
    ("Garcia, who had left the party in May, attacked Morales on Monday.", "attacked", "2021-03-01"),
    # ... also one that ends an apposition set off by commas
    ("Garcia, a senator who left the party in May, attacked Morales on Monday.", "attacked", "2021-03-01"),
    # past a word that opens no clause of its own, or a bracket, the time is still the clause's
    ("Garcia criticized Morales as a traitor on Wednesday.", "criticized", "2021-03-03"),
    ("Senator Garcia visited Chile (his second trip) on Tuesday.", "visited", "2021-03-02"),
    # a restrictive relative clause is part of the clause around it
    ("On Monday, the militants who seized the town were killed by the army.", "killed", "2021-03-01"),
    ("Peru condemned Friday the bombs which killed ten people in Lima earlier in the day.", "killed", "2021-03-05"),
    # a clause that a time expression introduces ("in 1968, when ...") is dated by it
    ("Garcia, who lived in Lima from 1968, when Chile attacked Peru, until 1989, spoke.", "attacked", "1968"),
    # a noun's own time dates it, and the act of a participle that describes it
    ("Chile condemned the Aug. 7 bombings in Lima.", "bombings", "2020-08-07"),
    ("Peru welcomed Monday's visit by Chile's president.", "visit", "2021-03-01"),
    ("Peru cited the Feb. 23 accord signed by Chile and Bolivia.", "signed", "2021-02-23"),
    # ... also past modifiers between the time and its noun ("Tuesday's Lima rally")
    ("Ruiz spoke at Tuesday's Lima rally, where he mocked Chile.", "rally", "2021-03-02"),
    ("Chile condemned Monday's deadly car bombings in Lima.", "bombings", "2021-03-01"),
    ("Peru recalled the 1979 border attack on Chile.", "attack", "1979"),
    # an opener right after an auxiliary is an adverb: "has since" opens no clause
    ("On Monday, Chile recalled its envoy, and it has since rejected Peru's offer of talks.", "rejected",
     "2021-03-01"),
    # an opener right before the time expression is its preposition
    ("Before Monday, Chile attacked Peru.", "attacked", "2021-03-01"),
])
def test_the_clause_time(text, trigger, date):
    e = event(text, trigger)
    assert (e.date, e.date_from) == (date, "timex")


@pytest.mark.parametrize("text,trigger", [
    # a time inside a relative clause closed before the trigger
    ("Garcia, who had left the party in May, criticized Morales.", "criticized"),
    ("Garcia, a senator who left the party in May, criticized Morales.", "criticized"),
    # a time inside a subordinate clause after the trigger
    ("Chile fired shells at Peru since Garcia was expelled from the talks on Monday.", "fired"),
    # a time of the clause before "but"
    ("Bolivia criticized Peru in January but Chile praised Peru.", "praised"),
    # the trigger inside an "until" clause, the time outside it
    ("Peru now says Chile must wait until Garcia visits Lima.", "visits"),
    # a cause ("because of") happened before the time of the clause it explains
    ("Garcia resigned in July because of the Chilean bombing of the embassy in Lima.", "bombing"),
    # a noun's time dates no noun after a verb of its own clause
    ("Monday's meeting discussed attacks on Peru by Chile.", "attacks"),
    # a happening that a noun before it is about, from or for: the clause's time is that noun's
    ("The first samples from the Lima bombing arrived at the laboratory on Sunday.", "bombing"),
    ("The death toll from the Lima blast rose to 12 on Wednesday.", "blast"),
    # a time after a later past form that describes a noun, or of a later verb, is that form's
    ("Chile accused Peru of aggression over a border raid carried out last week.", "accused"),
    ("Even senators who have praised Garcia warned on Tuesday that he could lose.", "praised"),
])
def test_no_time_of_another_clause(text, trigger):
    e = event(text, trigger)
    assert e.date_from != "timex"


@pytest.mark.parametrize("text,trigger,date", [
    # a noun of quantity or phase, a name or a verb before the preposition: the clause's time stays
    ("On Monday, a wave of bombings in Lima killed ten people.", "bombings", "2021-03-01"),
    ("Chile and Peru met on Sunday at a Group of 20 meeting.", "meeting", "2021-02-28"),
    ("Ten people died of injuries from the Lima blast on Sunday.", "blast", "2021-02-28"),
    # a time right after the noun in its own phrase is its own
    ("Relatives of the victims of the Lima blast on Sunday buried them.", "blast", "2021-02-28"),
])
def test_a_happening_a_noun_is_about_keeps_its_own_time(text, trigger, date):
    e = event(text, trigger)
    assert (e.date, e.date_from) == (date, "timex")


@pytest.mark.parametrize("text,opened", [
    # (sentence with its time expression in braces, the words that lie in a clause other than the main one)
    ("Garcia , who left in {May} , attacked Morales", {"who", "left", "in", "may"}),
    ("Chile fired since Garcia was expelled", {"since", "garcia", "was", "expelled"}),
    ("Chile attacked since {May}", set()),
    ("Chile has since attacked", set()),
    ("Chile had not yet attacked", set()),
    ("Peru attacked but Chile ( a neighbour ) fled", {"but", "chile", "(", "a", "neighbour", ")", "fled"}),
    # a restrictive relative clause is part of the clause around it, and so is a date's comma
    ("the bombs which killed ten , including two , on {Aug . 7 , 1998}", set()),
    ("the bombs , which killed ten on {Aug . 7 , 1998}", {"which", "killed", "ten", "on", "aug", ".", "7", ",",
                                                          "1998"}),
    ("Garcia , a senator who left in {May} , attacked", {"who", "left", "in", "may"}),
])
def test_clause_scopes(text, opened):
    words = text.split()
    low, spans, start = [], [], None
    for w in words:
        if w.startswith("{"):
            start, w = len(low), w[1:]
        end = w.endswith("}")
        low.append(w.rstrip("}").lower())
        if end:
            spans.append((start, len(low)))
    scopes = clause_scopes(low, spans)
    assert {w for w, s in zip(low, scopes) if s != -1} == opened


@pytest.mark.parametrize("text,trigger,date,date_from", [
    # the main event by the anchored clause's own time and the duration
    ("A day after Iran fired missiles at Israel on Monday, Israel attacked targets in Iran.", "attacked",
     "2021-03-02", "anchor"),
    ("Israel attacked targets in Iran a day after Iran fired missiles at Israel on Monday.", "attacked",
     "2021-03-02", "anchor"),
    ("Two days after the vote on Monday, Chile criticized Peru.", "criticized", "2021-03-03", "anchor"),
    # the anchored clause's own time stays its date
    ("Israel attacked targets in Iran a day after Iran fired missiles at Israel on Monday.", "fired",
     "2021-03-01", "timex"),
    # the anchored clause by the main event's date and the duration
    ("Israel attacked targets in Iran on Wednesday, two days after Iran fired missiles at Israel.", "fired",
     "2021-03-01", "anchor"),
    # whole years or months give the year or the month, not a day
    ("Chile attacked Peru on Wednesday, six years after Peru invaded Chile.", "invaded", "2015", "anchor"),
    ("Chile attacked Peru on Wednesday, two months after Peru invaded Chile.", "invaded", "2021-01", "anchor"),
])
def test_anchored_clauses(text, trigger, date, date_from):
    e = event(text, trigger)
    assert (e.date, e.date_from) == (date, date_from)


@pytest.mark.parametrize("text,trigger,date,date_from", [
    # "<duration> later|earlier": from the time in focus
    ("Chile attacked Peru on Monday. A day later, Bolivia criticized Chile.", "criticized", "2021-03-02", "relative"),
    ("Bolivia criticized Chile a day earlier.", "criticized", "2021-03-04", "relative"),
    # with no time in focus but the publication day, "later" would put a reported act after it
    ("A week later, Bolivia criticized Chile.", "criticized", "2021-03-05", "publication"),
])
def test_relative_shifts(text, trigger, date, date_from):
    e = event(text, trigger)
    assert (e.date, e.date_from) == (date, date_from)


def _relative_story(n):
    """n paragraphs of dated events, each followed by relative shifts ("a day later") and undated
    reports of the same kind (dated by coreference): made-up sentences."""
    return "\n\n".join(
        f"Chile attacked Peru on March {1 + k % 28}, 2020. A day later, Bolivia criticized Chile. "
        f"Chile attacked Peru again. Two days after Peru protested, Bolivia criticized Peru." for k in range(n))


def test_dating_grows_linearly():
    """Relative shifts, anchors and coreferent dates look up the time in focus by bisection and one
    sweep, not a scan over every event or time expression (counts of executed lines, no timings)."""
    from dateline.extract import event_time
    from work_count import growth
    assert growth(_relative_story, lambda t: dateline.analyze(t, published=PUBLISHED), event_time, n=12) < 2.4


def test_series_phrases_grow_linearly():
    """Each series phrase finds its sentence, owners and dropped triggers by bisection, not by a scan
    over every sentence and event (counts of executed lines, no timings)."""
    from dateline.extract import event_time
    from work_count import growth

    def story(n):
        return " ".join(f"Chile held its {k % 20 + 2}th round of talks with Peru since 2018, and Peru staged "
                        f"its {k % 9 + 2}th test of the year." for k in range(n))
    assert growth(story, lambda t: dateline.analyze(t, published=PUBLISHED), event_time, n=20) < 2.4


def _cand(start, code, date=None, modality=None, actor="CHL"):
    from types import SimpleNamespace
    return SimpleNamespace(start=start, pattern=SimpleNamespace(code=code), date=date, date_from="timex" if date else None,
                           modality=modality, hypothetical=False, actor=SimpleNamespace(code=actor))


@pytest.mark.parametrize("later_modality,date", [
    (None, "2015"),          # a later report of the same act by the same actor: its date
    ("intent", None),        # a stated intention is its statement, not the act an earlier report dated
])
def test_coreference_keeps_acts_and_intentions_apart(later_modality, date):
    from dateline.extract.event_time import TimeRules
    for cands in ([_cand(0, "120", "2015"), _cand(50, "120", modality=later_modality)],
                  [_cand(50, "120", modality=later_modality), _cand(0, "120", "2015")]):   # (out of text order)
        TimeRules._coref_dates(cands)
        later = next(c for c in cands if c.start == 50)
        assert later.date == date


@pytest.mark.parametrize("text,trigger", [
    # the reason of a verb of judgement happened before that verb's time: its time does not date it,
    # and without a time of its own the act is background (no day bounds it)
    ("On Tuesday, Peru condemned the Chilean navy for shooting and killing a fisherman.", "shooting"),
    ("In a speech on Monday, Ruiz criticized Chile for its invasion of Bolivia.", "invasion"),
])
def test_the_reason_of_a_judgement_takes_not_its_time(text, trigger):
    e = event(text, trigger)
    assert e.date is None and e.date_from is None


@pytest.mark.parametrize("text,trigger,date", [
    # ... its own time, after it, still dates it
    ("Peru condemned Chile on Tuesday for shooting a fisherman on Sunday.", "shooting", "2021-02-28"),
    # ... and the verb of judgement keeps its time
    ("On Tuesday, Peru condemned the Chilean navy for shooting a fisherman.", "condemned", "2021-03-02"),
])
def test_a_judgement_and_its_reason_keep_their_own_times(text, trigger, date):
    e = event(text, trigger)
    assert (e.date, e.date_from) == (date, "timex")


@pytest.mark.parametrize("text,trigger", [
    # "now that" opens the trigger's clause: neither "now" nor a time before it is that clause's
    ("Peru may ease its tariffs now that Chile has withdrawn its troops.", "withdrawn"),
    ("The vote is due in 2025, and Peru may relent now that Chile has withdrawn its troops.", "withdrawn"),
])
def test_now_that_opens_a_clause(text, trigger):
    e = event(text, trigger)
    assert e.date_from != "timex"


@pytest.mark.parametrize("text,trigger,date", [
    # the time of an occasion the act is placed at dates it: close after the trigger, or preposed
    ("Ruiz clashed with Chile's envoy during Monday's debate in Lima.", "clashed", "2021-03-01"),
    ("At Tuesday's news conference in Lima, Ruiz criticized Chile.", "criticized", "2021-03-02"),
    # a possessive may stand between the preposition and the time; a plural occasion noun is one too
    ("Ruiz met reporters on Wednesday. In his Monday interviews, Ruiz criticized Chile.", "criticized",
     "2021-03-01"),
    # ... after any other time of the clause
    ("Ruiz criticized Chile on Monday, a day before Tuesday's summit.", "criticized", "2021-03-01"),
    # an occasion in the phrase that heads the sentence, before a time of another verb after the trigger
    ("In a speech at the Monday rally, Ruiz accused Chile of lying, citing emails leaked last week.", "accused",
     "2021-03-01"),
])
def test_the_time_of_an_occasion_dates_the_act_at_it(text, trigger, date):
    e = event(text, trigger)
    assert (e.date, e.date_from) == (date, "timex")


@pytest.mark.parametrize("text,trigger", [
    # another verb's occasion, far after the trigger
    ("Chile criticized the plan that Peru set out during Sunday's address in Lima.", "criticized"),
    # an occasion before which the act lies is no time of it
    ("Ruiz criticized Chile before Monday's debate in Lima.", "criticized"),
    # a coarse time of an occasion is often another clause's
    ("Garcia criticized Chile in last year's election campaign.", "criticized"),
])
def test_an_occasion_time_that_is_not_the_acts(text, trigger):
    e = event(text, trigger)
    assert e.date_from != "timex"


@pytest.mark.parametrize("text,trigger", [
    # a modal after the trigger opens a later verb group: the time after it is that verb's
    ("A scheme that lets Chilean firms settle in Peru by investing in ports will end at the close of this month.",
     "investing"),
    ("Chile attacked the border post and will withdraw its troops on Monday.", "attacked"),
])
def test_a_later_verb_groups_time(text, trigger):
    e = event(text, trigger)
    assert e.date_from != "timex"


@pytest.mark.parametrize("text,trigger", [
    # an act told as done lies before publication: a later time in its clause is another's
    ("Ruiz has invited the envoys of Chile and Peru to a ceremony in Lima on March 12 to mark the accord.",
     "invited"),
    ("Peru rejected an invitation to join the talks next week of the border commission.", "rejected"),
])
def test_a_done_act_takes_no_time_after_publication(text, trigger):
    e = event(text, trigger)
    assert e.date_from != "timex"


def test_a_planned_act_keeps_its_time_after_publication():
    e = event("The accord will be signed by Chile and Peru on March 12.", "signed")
    assert (e.date, e.date_from) == ("2021-03-12", "timex")


@pytest.mark.parametrize("text,trigger,date,date_from", [
    # a later act of one kind by another named doer is no report of the earlier one
    ("Peru's envoy Garcia, who visited Lima on Thursday, is ill. Peru's minister Ruiz visited Cusco, the "
     "ministry reported.", "visited", "2021-03-05", "publication"),
])
def test_coreference_and_the_doer(text, trigger, date, date_from):
    e = [e for e in event_list(text) if e.trigger.text == trigger][-1]
    assert (e.date, e.date_from) == (date, date_from)


def event_list(text):
    return dateline.analyze(text, published=PUBLISHED).events


JUDGED = "Ruiz criticized the officer for shooting Lopez. Lopez was killed Wednesday."


def _act(start, code, date=None, target="e2", kind="person", actor=None, pos="verb", sent=0, tok=5):
    from types import SimpleNamespace
    return SimpleNamespace(start=start, sent=sent, tok=tok, pattern=SimpleNamespace(code=code, pos=pos), date=date,
                           date_timex="t1" if date else None, date_from="timex" if date else None,
                           modality=None, hypothetical=False, negated=False,
                           actor=SimpleNamespace(entity=actor) if actor else None,
                           target=SimpleNamespace(entity=target, kind=kind))


@pytest.mark.parametrize("later,date", [
    # an undated act done to a named person takes the day a later clause gives that act to that person
    (_act(90, "180", "2021-03-03"), "2021-03-03"),
    # not another person's, another kind's, or one by another named doer
    (_act(90, "180", "2021-03-03", target="e3"), None),
    (_act(90, "173", "2021-03-03"), None),
    (_act(90, "180", "2021-03-03", actor="e9"), None),
    # not a verbal act (criticism recurs), nor one done to no person
    (_act(90, "111", "2021-03-03"), None),
])
def test_a_later_clause_dates_the_act_done_to_a_person(later, date):
    from dateline.extract.dating_story import cataphora_dates
    first = _act(30, later.pattern.code if later.pattern.code == "111" else "180", actor="e1")
    cataphora_dates([first, later], JUDGED, [(0, 48), (49, len(JUDGED))])
    assert first.date == date and first.date_from == ("coreference" if date else None)


@pytest.mark.parametrize("first", [
    _act(30, "180", kind="other"),       # done to no person
    _act(9, "180", tok=2),               # no reason of a judgement ("criticized" itself)
])
def test_a_later_clause_dates_no_other_act(first):
    from dateline.extract.dating_story import cataphora_dates
    later = _act(90, "180", "2021-03-03", kind=first.target.kind)
    cataphora_dates([first, later], JUDGED, [(0, 48), (49, len(JUDGED))])
    assert first.date is None


@pytest.mark.parametrize("text,trigger,date,date_from", [
    # an anchored clause's act told as done is not put after publication by the anchor ...
    ("Chile attacked Peru three days before Bolivia protested.", "protested", "2021-03-05", "publication"),
    # ... which still dates it where the main act has a day of its own
    ("Chile attacked Peru on Monday, three days before Bolivia protested.", "protested", "2021-03-04", "anchor"),
])
def test_an_anchor_puts_no_done_act_after_publication(text, trigger, date, date_from):
    e = event(text, trigger)
    assert (e.date, e.date_from) == (date, date_from)



@pytest.mark.parametrize("text,trigger,date,date_from", [
    # "<n> days later" dates the act of its own clause, not one before a comma
    ("Chile attacked Peru on Monday. Bolivia protested, and two days later Peru accused Chile.", "accused",
     "2021-03-03", "relative"),
    ("Chile attacked Peru on Monday. Bolivia protested, and two days later Peru accused Chile.", "protested",
     "2021-03-05", "publication"),
    ("Chile attacked Peru on Monday. Bolivia protested two days later.", "protested", "2021-03-03", "relative"),
])
def test_a_relative_shift_dates_its_own_clause(text, trigger, date, date_from):
    e = event(text, trigger)
    assert (e.date, e.date_from) == (date, date_from)


@pytest.mark.parametrize("text,trigger,date", [
    # a time before "that" dates the utterance, not a hypothetical act of what was said
    ("Peru dismissed objections from Chile on Thursday that border raids could do serious harm to relations "
     "with Lima.", "harm", None),
    ("Peru brushed aside statements from Chile on Thursday that Bolivian raids could harm relations with Lima.",
     "harm", None),
    # ... an act told as done keeps the clause's time
    ("Chile harmed relations with Lima on Thursday.", "harmed", "2021-03-04"),
])
def test_a_hypothetical_act_of_an_utterance_takes_not_its_time(text, trigger, date):
    assert event(text, trigger).date == date


@pytest.mark.parametrize("text,trigger,date", [
    # a preposition that names the occasion itself reaches over the trigger's object
    ("Ruiz mocked the senator's constant coughing during the Monday night debate, posting a joke.", "mocked",
     "2021-03-01TNI"),
    ("Ruiz criticized Chile's trade envoy at Tuesday's summit in Lima.", "criticized", "2021-03-02"),
    # a plan tied to a dated occasion takes the occasion's day
    ("Ruiz said the party planned to bring in students to stage a protest to win her a place in Monday "
     "night's debate.", "stage a protest", "2021-03-01"),
])
def test_an_occasion_further_on(text, trigger, date):
    e = event(text, trigger)
    assert (e.date, e.date_from) == (date, "timex")


@pytest.mark.parametrize("text,trigger", [
    # ... not over a verb of another act
    ("Ruiz criticized the plan Chile's envoy presented during Monday's summit in Lima.", "criticized"),
    # ... nor a plan whose occasion another clause names
    ("The party planned to stage a protest, which students joined at Monday's rally.", "stage a protest"),
])
def test_an_occasion_of_another_act(text, trigger):
    e = event(text, trigger)
    assert e.date_from != "timex"


@pytest.mark.parametrize("text,trigger", [
    # a participle that describes the noun before it, after a verb of its sentence, takes no time from
    # before that noun: the time is the earlier verb's
    ("Rebels have shelled two towns since Ghana was expelled from the talks on March 2 over two raids blamed "
     "on Togo.", "blamed"),
    ("Ghana expelled Togo's envoy on Tuesday over two raids blamed on Togolese rebels.", "blamed"),
])
def test_a_participle_of_a_noun_takes_not_the_verbs_time(text, trigger):
    e = event(text, trigger)
    assert e.date_from != "timex"


@pytest.mark.parametrize("text,trigger", [
    ("On Tuesday, the rebels attacked the border post.", "attacked"),
    # a subordinator opens a clause with a subject of its own
    ("Peru expelled Chile's envoy on Tuesday as police in Lima arrested ten Chilean traders.", "arrested"),
])
def test_a_main_verb_after_its_subject_keeps_the_time_before(text, trigger):
    e = event(text, trigger)
    assert (e.date, e.date_from) == ("2021-03-02", "timex")


def test_a_noun_after_since_keeps_its_own_time():
    # the time that dates the noun itself is its own, though "since" stands before it
    e = event("Peru has been on alert since the 2019 bombing of its embassy in Chile.", "bombing")
    assert (e.date, e.date_from) == ("2019", "timex")


def test_now_dates_no_hoped_for_act():
    # "now" dates the hope, not the act hoped for
    e = event("The best hope the exporters have now is for Chile to lift its tariffs on Peru.", "lift")
    assert (e.date, e.date_from) == (None, None)


@pytest.mark.parametrize("text,trigger,date", [
    # a relative clause on a noun dated by its own time tells of that time
    ("The suspect has fled since the January 2019 bombing of a clinic in Lima, Peru, that killed a police "
     "officer.", "killed", "2019-01"),
    # a name's adjective may stand between the time and its noun
    ("He also faces charges in two raids in Lima, including the 2018 Andean bombing that killed a guard.",
     "killed", "2018"),
])
def test_a_relative_clause_takes_its_nouns_time(text, trigger, date):
    e = event(text, trigger)
    assert (e.date, e.date_from) == (date, "timex")


def test_a_time_of_a_named_noun_dates_no_verb():
    e = event("He also is charged in two raids in Lima, including the 2018 Andean bombing that killed a guard.",
              "charged")
    assert e.date != "2018"


_FAR = " The border was calm. Farmers sold their crops. Prices rose in the capital. "


@pytest.mark.parametrize("text,trigger,n", [
    # (n: how many acts of that trigger after the first sentence: the later one is no longer merged into it)
    # an act told in the present perfect happened some time up to now, not on the day of an earlier one
    ("Police arrested five rebels in Lima on Monday." + _FAR + "Two more rebels have been arrested, the army said.",
     "arrested", 1),
    # nor does an earlier act date one that did not happen
    ("Police arrested five rebels in Lima on Monday." + _FAR + "Police have not arrested their leader.",
     "arrested", 1),
])
def test_no_coreference_with_a_standing_or_unreal_act(text, trigger, n):
    later = [e for e in event_list(text) if e.trigger.text == trigger and e.trigger.start > text.index(".")]
    assert len(later) == n and all(e.date_from != "coreference" for e in later)


def test_a_past_report_of_the_act_keeps_its_date():
    text = "Police arrested five rebels in Lima on Monday." + _FAR + "The rebels were arrested near the port."
    later = [e for e in event_list(text) if e.trigger.text == "arrested" and e.trigger.start > text.index(".")]
    assert all(e.date == "2021-03-01" for e in later)


@pytest.mark.parametrize("text,trigger,date,date_from", [
    # a noun's own time comes before the time of a "when" clause around it
    ("Ghana recalled a speech from January 2013, when its president spoke on the 2011 attacks in Lome.",
     "attacks", "2011", "timex"),
    # a verb in the simple past whose subject is an event noun with a time of its own: what the happening did,
    # it did then
    ("The Wednesday explosions at the embassies in Lome, Togo, and Accra, Ghana, killed at least 110 people.",
     "killed", "2021-03-03", "timex"),
    # ... not a passive (an act done to the happening later), nor a present perfect, nor a noun with no time
    ("The Wednesday explosions were condemned by Ghana.", "condemned", "2021-03-05", "publication"),
    ("The Wednesday explosions in Lome have killed 110 people.", "killed", "2021-03-05", "publication"),
    ("The explosions in Lome killed 110 people.", "killed", "2021-03-05", "publication"),
])
def test_a_noun_time_dates_its_noun_and_what_it_did(text, trigger, date, date_from):
    e = event(text, trigger)
    assert (e.date, e.date_from) == (date, date_from)


@pytest.mark.parametrize("text,trigger,date,date_from", [
    # a time before a relative pronoun or "that" dates the clause around it, not an event noun inside it
    ("On Wednesday, Ghana's envoy met victims who survived the Togolese attack on the embassy.", "attack",
     None, None),
])
def test_a_noun_past_a_relative_pronoun_takes_no_time_before_it(text, trigger, date, date_from):
    e = event(text, trigger)
    assert (e.date, e.date_from) == (date, date_from)


@pytest.mark.parametrize("text", [
    "The army said it was its 3rd test this year and the fifth since May.",
    "Its first launch since March came days after Ruritania's 12th drill so far.",
    "A 12345th try, the 2nd one, and The Grand Duchy's seventh vote in a row.",
    "No ordinals here at all, only 2019 and 45 people.",
])
def test_series_pattern_finds_what_its_two_expressions_find(text):
    # the one expression with the owner matched once gives the matches of series_number | series_word
    import re

    from dateline.extract.event_lexicon import _ORDINALS
    from dateline.extract.event_time import _series_pattern
    from dateline.extract.regexes import source

    two = re.compile(source("cameo", "series_number") + "|" + source("cameo", "series_word") + "("
                     + "|".join(_ORDINALS) + r")\b")
    assert [(m.span(), m.groups()) for m in _series_pattern().finditer(text)] == \
        [(m.span(), m.groups()) for m in two.finditer(text)]


@pytest.mark.parametrize("text", [
    "The army said it was its 3rd test this year and the fifth since May.",
    "Its first launch since March came days after Ruritania's 12th drill so far.",
    "A 12345th try, the 2nd one, and The Grand Duchy's seventh vote in a row.",
    "No ordinals here at all, only 2019 and 45 people.",
    "the firsts of their 2 and his\n\n  tenth, a 1 a 2 a 3 her seventeenths the 9",
    "Abcdefghijklmnopqrstuvwxyzabcdefghijklmn Abcdefghijklmnopqrstuvwxyzabcdefghijklmn's 40th and "
    "Abcdefghijklmnopqrstuvwxyzabcdefghijklmno's 41st",
    "its 12",
])
def test_series_phrases_are_the_whole_scans_matches(text):
    # the windowed scan finds exactly what one scan of the whole text finds; the owner expression's
    # ends and reach are known (the windows are used, not the plain scan)
    from dateline.extract.event_index import _series_places, series_pattern, series_phrases

    assert _series_places() is not None
    for t in (text, "x " * 80 + text, text + " y" * 80):
        assert [(m.span(), m.groups()) for m in series_phrases(t)] == \
            [(m.span(), m.groups()) for m in series_pattern().finditer(t)]
