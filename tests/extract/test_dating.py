"""The last dating steps (extract.dating): the report's time, then the publication day."""
import pytest

import dateline


def event(text, trigger, published="2021-03-05"):     # a Friday
    return next(e for e in dateline.analyze(text, published=published).events if e.trigger.text == trigger)


@pytest.mark.parametrize("text,trigger,date,date_from", [
    # reported without a time of its own: by the time of the report
    ("Peru said on Tuesday that Chile had attacked its border posts.", "attacked", "2021-03-02", "report"),
    ("Peru said Wednesday that Chile attacked its border posts.", "attacked", "2021-03-03", "report"),
    # the cue's time between the cue and what was said, or in the reporting clause before the cue
    ("Peru said in a statement on Tuesday that Chile had attacked its border posts.", "attacked", "2021-03-02",
     "report"),
    ("Peru, in a speech on Tuesday, said that Chile attacked its border posts.", "attacked", "2021-03-02", "report"),
    # an intention is the statement: the report's time, not the time of the act intended
    ("Ghana said on Monday it would send aid to Togo next month.", "send", "2021-03-01", "report"),
    # the clause's own time wins over the report's for an act reported as done
    ("Peru said on Tuesday that Chile attacked its border posts on Sunday.", "attacked", "2021-02-28", "timex"),
    # nothing else: by the publication day
    ("Chile attacked border posts in Peru.", "attacked", "2021-03-05", "publication"),
])
def test_report_and_publication_dates(text, trigger, date, date_from):
    e = event(text, trigger)
    assert (e.date, e.date_from) == (date, date_from)


@pytest.mark.parametrize("text,trigger", [
    # background: placed before the story's time, so the publication day does not bound it to the news
    ("Chile had moved troops to the border.", "moved"),
    ("Garcia, who attacked Morales in a speech, spoke in Lima.", "attacked"),
    ("Garcia led the party until he was arrested by the police.", "arrested"),
    # what a recalling cue introduces is what the story reminds of, not its news
    ("Officials noted that Chile attacked Peruvian border posts, but Peru declined to respond.", "attacked"),
    ("Garcia pointed out that Chile attacked Peruvian border posts.", "attacked"),
    # spread over many occasions: no single day of the news
    ("Chile repeatedly attacked border posts in Peru.", "attacked"),
    ("Chile often criticized Peru over the border.", "criticized"),
])
def test_background_acts_take_no_publication_day(text, trigger):
    e = event(text, trigger)
    assert e.date is None and e.date_from is None


def test_hypothetical_events_get_no_upper_bound():
    e = event("Chile could attack Peru.", "attack")
    assert e.date is None and e.date_from is None


@pytest.mark.parametrize("text,trigger", [
    # a present perfect spread over occasions or a long span: a standing position
    ("Chile has repeatedly pledged to attack Peru.", "attack"),
    ("Chile has long criticized Peru over the border.", "criticized"),
    # a position stated some time up to now, not a statement of the day
    ("The ministry has said that it will never lift its ban on Peruvian imports.", "lift"),
    # a stance in a present perfect describing someone after a comma: what they are known for, not the news
    ("The Chilean navy, which has rejected the demands of Peru, met the envoy of Peru.", "rejected"),
    ("Ruiz, who has criticized Peru over the border, spoke in Lima.", "criticized"),
    # a charge in a passive with no agent stands against someone: not an act of the day
    ("The Chilean consul was accused of selling visas to smugglers from Peru.", "accused"),
    # a span from a time up to now
    ("Since 2010, dozens of soldiers have been killed by rebels in Peru.", "killed"),
    ("Rebels have bombed two towns in Peru since the talks collapsed.", "bombed"),
    # an intention named by a noun: a plan, not when it was made
    ("Chile said its plan to send troops to Peru was ready.", "send"),
    # an act that the writer's rule obliges has not happened ("must be agreed")
    ("Each change to the border pact must be agreed upon by Chile and by Peru.", "agreed"),
])
def test_standing_positions_and_spans_get_no_publication_day(text, trigger):
    e = event(text, trigger)
    assert e.date is None and e.date_from is None


@pytest.mark.parametrize("text,trigger", [
    # a present perfect of the news itself stays bounded by the publication day
    ("Chile has criticized Peru over the border.", "criticized"),
    ("Chile has formally called for talks with Peru.", "called for"),
    # a charge made by someone named is the act of the day
    ("The Chilean consul was accused by Peru of selling visas to smugglers.", "accused"),
    # a material act in a present perfect after a comma is news that describes the person
    ("Ruiz, who has been arrested by Peruvian police, spoke to his lawyer.", "arrested"),
    # an intention stated by a verb is its statement (03x), made by publication
    ("Chile plans to meet Peru's president.", "meet"),
])
def test_a_plain_present_perfect_is_bounded_by_publication(text, trigger):
    e = event(text, trigger)
    assert (e.date, e.date_from) == ("2021-03-05", "publication")


@pytest.mark.parametrize("text,date,date_from", [
    # a happening named by a noun that its clause says goes on now: by the publication day
    ("The Chilean military buildup near the border continues.", "2021-03-05", "publication"),
    # a noun names a happening, not when it happened
    ("The Chilean military buildup near the border worried Peru.", None, None),
])
def test_an_ongoing_noun_is_bounded_by_publication(text, date, date_from):
    e = event(text, "buildup")
    assert (e.date, e.date_from) == (date, date_from)


@pytest.mark.parametrize("text,trigger,date,date_from", [
    # a noun that a past verb of doing reports is dated as that verb would be
    ("Chilean farmers began a two-day rally against Peru in the capital.", "rally", "2021-03-05", "publication"),
    ("Chilean farmers have held rallies against Peru since May.", "held rallies", None, None),
    # ... not a noun inside a phrase of its object
    ("Peru launched a probe into the bombing of the Chilean embassy.", "bombing", None, None),
])
def test_a_noun_done_by_a_past_verb(text, trigger, date, date_from):
    e = event(text, trigger)
    assert (e.date, e.date_from) == (date, date_from)


def test_the_dating_word_lists_load_and_are_used():
    import json
    from pathlib import Path
    from dateline.resources import path
    data = json.loads(path("dating", "words.json").read_text(encoding="utf-8"))
    extract = Path(__file__).resolve().parents[2] / "src" / "dateline" / "extract"
    code = "".join((extract / name).read_text() for name in ("dating.py", "dating_bounds.py", "dating_story.py",
                                                             "dating_clause.py", "event_time.py"))
    assert data["_about"]
    for key, entry in data.items():
        if not key.startswith("_"):
            assert entry["use"] and entry["words"] and f'"{key}"' in code, key


@pytest.mark.parametrize("text,trigger,date,date_from", [
    # the day the story last named dates an undated report shortly after it
    ("Ghana's president arrived in Lome on Wednesday. He criticized Togo over the border dispute.",
     "criticized", "2021-03-03", "narrative"),
    # the present perfect: some time up to now, not the day the story named
    ("Ghana's president arrived in Lome on Wednesday. He has criticized Togo over the border dispute.",
     "criticized", "2021-03-05", "publication"),
    # a day that dates a noun ("the March 3 bombing") is no time of the story
    ("Togo marked the March 3 bombing of its embassy. Ghana's president criticized Togo over the border dispute.",
     "criticized", "2021-03-05", "publication"),
    # far from the day named: the story's own time, its first recent day or week
    ("Ghana's president arrived in Lome on Wednesday. The talks went on. Trade was discussed. "
     "Officials were tired. He criticized Togo over the border dispute.", "criticized", "2021-03-03", "narrative"),
    ("Ghana's president spoke to reporters this week. The talks went on. Trade was discussed. "
     "Officials were tired. He criticized Togo over the border dispute.", "criticized", "2021-W09", "narrative"),
    # ... for what the clause tells as past, not a statement of now
    ("Chile's president arrived in Lima on Monday. The talks went on. Trade was discussed. Officials were tired. "
     "Peru's president said Peru would challenge the Chilean move in court.", "challenge", "2021-03-01", "narrative"),
    ("Chile's president arrived in Lima on Monday. The talks went on. Trade was discussed. Officials were tired. "
     "Peru's president says Peru will challenge the Chilean move in court.", "challenge", "2021-03-05", "publication"),
    # ... but not where the story has just named a time of another period, long before its own: the
    # narrative went back to it, so not the publication day either (dating_story._went_back)
    ("Ghana's president arrived in Lome on Wednesday. The talks went on. Trade was discussed. "
     "He first visited Lome in May 2012. Officials were tired. He criticized Togo over the border dispute.",
     "criticized", None, None),
    # a month or year just named in the sentence before dates a past act
    ("Ghana's president first visited Lome in May 2012. He criticized Togo over the border dispute.",
     "criticized", "2012-05", "narrative"),
    # ... not one that dates a relative clause describing someone
    ("The envoy met the widow of a Ghanaian officer who died in Lome in May 2012. He criticized Togo over the "
     "border dispute.", "criticized", "2021-03-05", "publication"),
    # ... not an act in the present tense
    ("Ghana's president first visited Lome in May 2012. He criticizes Togo over the border dispute.",
     "criticizes", "2021-03-05", "publication"),
    # ... nor a day long before publication: only the publication day
    ("Ghana's president arrived in Lome on Feb. 12. The talks went on. Trade was discussed. "
     "Officials were tired. He criticized Togo over the border dispute.", "criticized", "2021-03-05", "publication"),
    # an opening with no time of its own tells the news that the story dates just after it
    ("Chile has withdrawn its troops from Peru. In a statement on Wednesday, Chile's army said the border "
     "was calm.", "withdrawn", "2021-03-03", "narrative"),
    ("Ghana is recalling its envoy from Togo. Officials announced the step on Tuesday.", "recalling",
     "2021-03-02", "narrative"),
    # ... not from a time three sentences on
    ("Chile withdrew its troops from Peru. The border was calm. Trade resumed. Markets rose. "
     "On Wednesday, Chile's army spoke.", "withdrew", "2021-03-05", "publication"),
    # ... nor a plain present, which states now
    ("Chile says it withdraws its troops from Peru. On Wednesday, Chile's army said the border was calm.",
     "withdraws", "2021-03-05", "publication"),
])
def test_narrative_dates(text, trigger, date, date_from):
    e = event(text, trigger)
    assert (e.date, e.date_from) == (date, date_from)


@pytest.mark.parametrize("text", [
    "Peru said on Tuesday that Chile's invasion of Bolivia worried it.",
    "Peru said on Tuesday, citing the Chilean invasion of Bolivia, that it would act.",
])
def test_a_report_does_not_bound_a_noun(text):
    # a noun in what a source said names a happening: the report's day is no bound on it
    e = event(text, "invasion")
    assert e.date is None and e.date_from is None


@pytest.mark.parametrize("text,trigger", [
    ("Chile shelled the town where rebels had ambushed a patrol, Peru said on Tuesday.", "ambushed"),
    ("Peru said Wednesday it freed two men who attacked its border posts.", "attacked"),
])
def test_a_report_does_not_date_an_act_of_a_describing_clause(text, trigger):
    # a relative clause inside what was said describes someone or somewhere: its act lies before the report
    e = event(text, trigger)
    assert e.date is None and e.date_from is None


def test_a_noun_names_a_happening_not_its_day():
    # a nominal event without its own time gets no upper bound: it may lie anywhere in the past
    e = event("Chile recalled the 1973 coup and the assassination of Letelier.", "assassination")
    assert e.date is None and e.date_from is None


@pytest.mark.parametrize("text,trigger,date", [
    ("Now Peru criticized Chile over the border.", "criticized", "2021-03-05"),        # PRESENT_REF
    ("Chile rejected proposals from Peru in the past.", "rejected", "2021-03-05"),     # PAST_REF: a bound
])
def test_reference_values_are_no_dates(text, trigger, date):
    e = event(text, trigger)
    assert e.date == date


@pytest.mark.parametrize("text,trigger,published,date,date_from", [
    # a span that ends at publication dates by the week or month holding it
    ("Over the past few days, Chile has criticized Peru.", "criticized", "2021-03-05", "2021-W09", "timex"),
    ("Chile criticized Peru over the past two weeks.", "criticized", "2021-03-19", "2021-03", "timex"),
    # one that spreads over two months gives no period: the publication day bounds the act
    ("Chile criticized Peru in the last two weeks.", "criticized", "2021-03-05", "2021-03-05", "publication"),
    # a duration that does not end at the story's time is no date
    ("Chile criticized Peru for two weeks.", "criticized", "2021-03-05", "2021-03-05", "publication"),
])
def test_recent_periods(text, trigger, published, date, date_from):
    e = event(text, trigger, published)
    assert (e.date, e.date_from) == (date, date_from)


def test_a_headline_takes_the_date_its_lede_gets_from_the_story():
    text = ("Ghana recalls envoy from Togo\n\nGhana has recalled its ambassador to Togo over the border dispute.\n\n"
            "The foreign ministry announced the step on Wednesday, officials in Accra said.")
    e = next(e for e in dateline.analyze(text, published="2021-03-05").events if e.trigger.text == "recalls")
    assert (e.date, e.date_from) == ("2021-03-03", "headline")


@pytest.mark.parametrize("text,trigger,date,date_from", [
    # an undated act of a relative clause after a comma describes what it is attached to: background
    ("Peru's return is a test of the pact, under which Chile agreed to open its ports.", "agreed", None, None),
    ("Chile criticized Garcia, who attacked Peru.", "attacked", None, None),
    # its own time still dates it; a present perfect there may be the news
    ("Chile criticized Garcia, who attacked Peru on Monday.", "attacked", "2021-03-01", "timex"),
    ("Chile arrested Garcia, who has attacked Peru.", "attacked", "2021-03-05", "publication"),
    # a main clause's act is bounded by publication
    ("Chile agreed to open its ports to Peru.", "agreed", "2021-03-05", "publication"),
])
def test_relative_clause_acts_describe(text, trigger, date, date_from):
    e = event(text, trigger)
    assert (e.date, e.date_from) == (date, date_from)


@pytest.mark.parametrize("text,trigger,date,date_from", [
    # a present perfect in the story's opening tells the news: bounded by publication ...
    ("Chile has accused Peru of smuggling arms.", "accused", "2021-03-05", "publication"),
    # ... past the opening, some time up to now: undated
    ("Chile recalled its envoy. Peru closed the border. Trade stopped. Bolivia has accused Peru of smuggling arms.",
     "accused", None, None),
    # a simple past there is still bounded by publication
    ("Chile recalled its envoy. Peru closed the border. Trade stopped. Bolivia accused Peru of smuggling arms.",
     "accused", "2021-03-05", "publication"),
])
def test_a_present_perfect_past_the_opening(text, trigger, date, date_from):
    e = event(text, trigger)
    assert (e.date, e.date_from) == (date, date_from)


@pytest.mark.parametrize("text,trigger,date,date_from", [
    # a span adverbial before the act in its clause or in the sentence's opening phrase: spread over the
    # span, so the publication day does not bound it
    ("Ghana for months refused requests by Togo to reopen the border.", "refused", None, None),
    ("For years, Ghana has accused Togo of smuggling.", "accused", None, None),
    ("Over the past two years Ghana criticized Togo over the border.", "criticized", None, None),
    ("In recent weeks, Ghana criticized Togo over the border.", "criticized", None, None),
    # ... as after a sentence-opening phrase that starts a span
    ("Since the border closed in May, Ghana criticized Togo twice.", "criticized", None, None),
    # ... not without one, nor a unit of a noun ("a day of talks", "two weeks of talks"), a span with no
    # qualifier after "in", or a span of another verb coordinated before the act
    ("Ghana refused requests by Togo to reopen the border.", "refused", "2021-03-05", "publication"),
    ("Ghana called for a day of talks with Togo.", "called for", "2021-03-05", "publication"),
    ("In two weeks of talks, Ghana criticized Togo over the border.", "criticized", "2021-03-05", "publication"),
    ("Ghana jailed a Togolese smuggler for two years and expelled his partner.", "expelled", "2021-03-05",
     "publication"),
])
def test_an_act_told_over_a_span_has_no_bound(text, trigger, date, date_from):
    e = event(text, trigger)
    assert (e.date, e.date_from) == (date, date_from)


@pytest.mark.parametrize("text,trigger,date,date_from", [
    # the second of two verbs under one perfect auxiliary, past an apposition: up to now, not the story's day
    # (the wounding and the killing are one event of the toll)
    ("Ghana and Togo met on Monday. The talks went on. Trade was discussed. Officials were tired. The bombings in "
     "Lome have killed 200 people, including 12 soldiers, and wounded 5,000.", "killed", None, None),
    # ... not a coordinated clause with a subject of its own
    ("Ghana and Togo met on Monday. The talks went on. Trade was discussed. Officials were tired. Ghana has "
     "condemned Togo, and Togo attacked Benin.", "attacked", "2021-03-01", "narrative"),
])
def test_a_verb_sharing_a_perfect_auxiliary(text, trigger, date, date_from):
    e = [e for e in dateline.analyze(text, published="2021-03-05").events if e.trigger.text == trigger][-1]
    assert (e.date, e.date_from) == (date, date_from)
