"""The story's time (extract.dating_story): acts in after-phrases and the week named in the sentence
before. Hand-built sentences; published on a Friday."""
import pytest

import dateline


def event(text, trigger, published="2021-03-05"):     # a Friday
    return next(e for e in dateline.analyze(text, published=published).events if e.trigger.text == trigger)


@pytest.mark.parametrize("text,trigger,date,date_from", [
    # a noun or gerund right after "after", attached to a past verb, is done before that verb's act:
    # the story's day dates it as it dates that verb ...
    ("Ghana's president arrived in Lome on Wednesday. He said after meeting with Togo's president that the "
     "border was calm.", "meeting", "2021-03-03", "narrative"),
    ("Ghana's president arrived in Lome on Wednesday. After her meeting with Togo's president, Ghana's "
     "foreign minister announced a new border pact.", "meeting", "2021-03-03", "narrative"),
    # ... else the publication day bounds it
    ("Ghana's president said after meeting with Togo's president that the border was calm.", "meeting",
     "2021-03-05", "publication"),
    ("After her talks with Togo's president, Ghana's foreign minister announced a new border pact.", "talks",
     "2021-03-05", "publication"),
    # ... not where the verb it is attached to is a plan
    ("Ghana will sign the pact after talks with Togo.", "talks", None, None),
    ("Ghana said it will sign the pact after talks with Togo.", "talks", None, None),
    ("After talks with Togo, Ghana will sign the pact.", "talks", None, None),
    # ... nor a clause of its own after "after" (background, of no known day)
    ("Ghana criticized Togo after it attacked Ghanaian villages.", "attacked", None, None),
])
def test_after_phrase_acts(text, trigger, date, date_from):
    e = event(text, trigger)
    assert (e.date, e.date_from) == (date, date_from)


@pytest.mark.parametrize("text,trigger,date,date_from", [
    # a week named alone in the sentence before dates a past act, as a month or year does
    ("Ghana's president arrived in Lome on Monday. The talks went on. Trade was discussed. This week, Togo's "
     "envoy left Accra. He criticized Ghana over the border dispute.", "criticized", "2021-W09", "narrative"),
    # ... not a week beside another time: an anniversary, "ten years ago this week"
    ("Ghana's president arrived in Lome on Monday. The talks went on. Trade was discussed. The border war began "
     "ten years ago this week. He criticized Togo over the border dispute.", "criticized", "2021-03-05",
     "publication"),
])
def test_the_week_of_the_sentence_before(text, trigger, date, date_from):
    e = event(text, trigger)
    assert (e.date, e.date_from) == (date, date_from)


@pytest.mark.parametrize("text,trigger", [
    # an after-phrase of an act that is no report: the act may lie days before it
    ("Ghana's president arrived in Lome on Wednesday. His visit was moved after the attack on a Ghanaian "
     "village.", "attack"),
])
def test_an_after_phrase_of_no_report_stays_undated(text, trigger):
    e = event(text, trigger)
    assert e.date_from != "narrative"


def test_an_act_told_as_prior_to_the_week_named():
    e = event("Ghana's president arrived in Lome on Monday. The talks went on. Trade was discussed. This week, "
              "Togo's envoy left Accra. Togo was already criticized by Ghana over the border dispute.", "criticized")
    assert e.date != "2021-W09"


@pytest.mark.parametrize("text,trigger,date,date_from", [
    # the bound of a span names no day the story tells of: the act is bounded by publication
    ("Togo's envoy had not visited Accra since Feb. 2. Ghana accused Togo of closing the border.", "accused",
     "2021-03-05", "publication"),
    # nor does the time of a plan ("is expected to meet ... later today")
    ("Ghana's envoy is expected to meet Togo's president later today. The Togolese army accused Ghana of "
     "smuggling arms.", "accused", "2021-03-05", "publication"),
    # nor the time of a relative clause that describes someone
    ("It was the first visit for the envoy, who arrived Wednesday with ten aides. Togo accused Ghana of "
     "smuggling arms.", "accused", "2021-03-05", "publication"),
    # a day told in a main clause still dates the next act of its doer
    ("Ghana's envoy arrived in Lome on Wednesday. Ghana accused Togo of smuggling arms.", "accused",
     "2021-03-03", "narrative"),
])
def test_times_that_are_no_reference_of_the_narrative(text, trigger, date, date_from):
    e = event(text, trigger)
    assert (e.date, e.date_from) == (date, date_from)


def test_a_future_weekday_is_no_reference_of_the_narrative():
    # the visit planned for Thursday dates no act told after it; the story's day (Wednesday) does
    text = ("Ghana's president visited Lome on Wednesday. She will visit Kara on Thursday. Ghana's president "
            "praised Togo.")
    assert event(text, "visit").date == "2021-03-04"
    assert (event(text, "praised").date, event(text, "praised").date_from) == ("2021-03-03", "narrative")


@pytest.mark.parametrize("text,trigger,date,date_from", [
    # a day that dates only a statement does not date another doer's act a later statement tells of
    ("Peru's president Garcia said on Sunday that the talks had stalled. He said the Bolivian farmers "
     "demanded a new border with Chile.", "demanded", None, None),
    # ... but the speaker's own act, and an act told by the story itself, keep the narrative's day
    ("Peru's president Garcia said on Sunday that the talks had stalled. He said he criticized Chile over "
     "the border.", "criticized", "2021-03-07", "narrative"),
    # ... not another doer's act the story tells (another happening: the publication day bounds it)
    ("Peru's president Garcia said on Sunday that the talks had stalled. The army arrested two Chilean spies.",
     "arrested", "2021-03-09", "publication"),
    # ... and a day that dates an act dates no other doer's reaction
    ("Chile attacked Peru on Monday. Bolivia protested the raid.", "protested", "2021-03-09", "publication"),
    ("Chile attacked Peru on Monday. Chile also shelled Bolivia.", "shelled", "2021-03-08", "narrative"),
    # ... but a day of one named speaker's statements is not another named speaker's: publication bounds it
    ("Peru's president Garcia said on Sunday that the talks had stalled. Bolivia's president Morales "
     "criticized Chile over the border.", "criticized", "2021-03-09", "publication"),
    ("Peru's president Garcia said on Sunday that the talks had stalled. He criticized Chile over the border.",
     "criticized", "2021-03-07", "narrative"),
])
def test_a_statement_day_dates_no_other_doers_reported_act(text, trigger, date, date_from):
    e = event(text, trigger, published="2021-03-09")
    assert (e.date, e.date_from) == (date, date_from)


@pytest.mark.parametrize("text,date,date_from", [
    # the day of one speaker's statement dates no act of another doer that another source reports ...
    ("Peru's president Garcia said on Sunday that the talks had stalled. Chilean troops attacked two border "
     "posts, the Bolivian agency reported.", "2021-03-09", "publication"),
    # ... nor one the speaker reports (a material act, the publication day bounds it; only a verbal act of
    # another is background)
    ("Peru's army said on Sunday that the border was calm. It said Chilean troops attacked two border posts.",
     "2021-03-09", "publication"),
    # ... but the speaker's own act keeps it
    ("Peru's army said on Sunday that the border was calm. It said it attacked two Chilean border posts.",
     "2021-03-07", "narrative"),
])
def test_a_statement_day_dates_the_speakers_acts(text, date, date_from):
    e = event(text, "attacked", published="2021-03-09")
    assert (e.date, e.date_from) == (date, date_from)


@pytest.mark.parametrize("text,trigger", [
    # an act told by a verb in a clause that "after" or "since" opens happened before the act it hangs
    # on, on a day the text does not give: neither the story's day nor the publication day bounds it
    ("The decision had long been awaited after Ghana said it believes Togo was behind two bombings.", "said"),
    ("The step came after Ghana accused Togo of arming the rebels.", "accused"),
    ("Ghana has shelled two border posts since Togo expelled its envoy.", "expelled"),
    ("After Ghana accused Togo of arming the rebels, Togo closed the border.", "accused"),
])
def test_an_act_of_a_prior_clause_is_background(text, trigger):
    e = event(text, trigger)
    assert (e.date, e.date_from) == (None, None)


@pytest.mark.parametrize("text,trigger,date,date_from", [
    # the act the clause hangs on keeps its bound ...
    ("Togo closed the border after Ghana accused it of arming the rebels.", "closed", "2021-03-05", "publication"),
    # ... an after-phrase of a report is still done before that report
    ("Ghana's president said after meeting with Togo's president that the border was calm.", "meeting",
     "2021-03-05", "publication"),
    # ... and an act with a time of its own keeps it
    ("The step came after Ghana accused Togo on Tuesday of arming the rebels.", "accused", "2021-03-02", "timex"),
])
def test_what_a_prior_clause_leaves_dated(text, trigger, date, date_from):
    e = event(text, trigger)
    assert (e.date, e.date_from) == (date, date_from)


@pytest.mark.parametrize("text,trigger,date,date_from", [
    # a span bound earlier than the day the story named, named after it, takes the narrative back: an act
    # told after it is of that earlier time, not of the story's day ...
    ("A Danish monitor resumed work in Peru on Friday. He toured two camps. Aides said the camps were open. "
     "It was the first visit he had been allowed since Jan. 20. Then the government withdrew his guards. "
     "Peru alleged the monitor was a spy.", "alleged", None, None),
    # ... not a span bound that describes someone in a relative clause
    ("A Danish monitor resumed work in Peru on Friday. He toured two camps. Aides said the camps were open. He "
     "met Peru's army, which has ruled the north since 1990. Peru alleged the monitor was a spy.", "alleged",
     "2021-03-05", "narrative"),
    # ... with no time named between, the story's day stands
    ("A Danish monitor resumed work in Peru on Friday. He toured two camps. Peru alleged the monitor was a spy.",
     "alleged", "2021-03-05", "narrative"),
])
def test_a_narrative_gone_back(text, trigger, date, date_from):
    e = event(text, trigger)
    assert (e.date, e.date_from) == (date, date_from)


@pytest.mark.parametrize("text,trigger", [
    # a clause of cause is of an act before the one it explains
    ("Peru closed the border because Chilean troops attacked two posts.", "attacked"),
    # a participle that describes the object of a sure verb is background too
    ("Rebels have shelled two towns since Ghana was expelled from the talks on March 2 over two raids blamed "
     "on Togo.", "blamed"),
])
def test_a_cause_or_a_description_is_background(text, trigger):
    e = event(text, trigger)
    assert (e.date, e.date_from) == (None, None)


def test_an_act_of_a_before_clause_is_background():
    e = event("Chilean agents flew to Peru to question the envoy before Peru rejected the request for asylum.",
              "rejected")
    assert (e.date, e.date_from) == (None, None)


@pytest.mark.parametrize("text,trigger,date,date_from", [
    # an act named by the object of a verb that reacts to it happened before the reaction's time
    ("Ghana Thursday condemned the bombing of a market in Lome.", "bombing", None, None),
    ("The African Union condemned the bombing of the market in Lome on Thursday.", "bombing", None, None),
    ("Ghana's president on Thursday vowed to punish those who were responsible for the bombing of a market in "
     "Lome.", "bombing", None, None),
    # ... the reaction keeps its own time
    ("Ghana Thursday condemned the bombing of a market in Lome.", "condemned", "2021-03-04", "timex"),
    # ... a time of the act's own dates it, as does a second time after it
    ("Ghana Thursday condemned the bombing of a market in Lome on Wednesday.", "bombing", "2021-03-03", "timex"),
    ("Ghana condemned Wednesday's bombing of a market in Lome on Thursday.", "bombing", "2021-03-03", "timex"),
    ("Ghana condemned the Feb. 27 bombing of a market in Lome.", "bombing", "2021-02-27", "timex"),
    # ... as does a later clause that names the act of its kind with its own time
    ("Ghana on Thursday condemned the bombing of a market in Lome. The blast in the market on Wednesday injured "
     "nine people.", "bombing", "2021-03-03", "coreference"),
    # ... a noun that is no object of a reaction keeps the clause's time
    ("Togo's opposition held a protest march in Lome on Thursday.", "held a protest", "2021-03-04", "timex"),
    ("The bombing of a market in Lome on Thursday injured nine people.", "bombing", "2021-03-04", "timex"),
])
def test_an_act_reacted_to_is_before_the_reaction(text, trigger, date, date_from):
    e = event(text, trigger)
    assert (e.date, e.date_from) == (date, date_from)


@pytest.mark.parametrize("text,trigger,date,date_from", [
    # an earlier year or month inside the reason of a verb of judgement is the reason's time, not the verb's:
    # the occasion's day dates the verb ...
    ("In Monday's debate, Ghana's foreign minister attacked Togo for failing to enforce a border accord in 2019.",
     "attacked", "2021-03-01", "timex"),
    # ... else the publication day bounds it
    ("Ghana criticized Togo for its raid on a border post in 2019.", "criticized", "2021-03-05", "publication"),
    # ... a time before the reason is the verb's
    ("Ghana criticized Togo in 2019 for its raid on a border post.", "criticized", "2019", "timex"),
    # ... and a recent day after it may be either's: the verb keeps it
    ("Ghana praised Togo for helping the refugees on Monday.", "praised", "2021-03-01", "timex"),
])
def test_the_time_of_a_judgements_reason(text, trigger, date, date_from):
    e = event(text, trigger)
    assert (e.date, e.date_from) == (date, date_from)


@pytest.mark.parametrize("text,trigger,date,date_from", [
    # a present perfect takes no time of an earlier year or month: that is another act's time ...
    ("A second suspect has been detained over the bombing of a market in Lome last year, the police said "
     "on Thursday.", "detained", "2021-03-04", "report"),
    ("A second suspect has been detained over the bombing of a market in Lome last year, the police said "
     "on Thursday.", "bombing", "2020", "timex"),
    # ... a time of the present's span stays its own
    ("Ghana has met Togo's envoys twice this year.", "met", "2021", "timex"),
    # an auxiliary right after a past verb, or after its object in a who/which clause, opens the predicate of
    # the clause around it: the time after it is that predicate's
    ("The man who threw a grenade at the guards seconds before the bomb exploded was identified on Thursday.",
     "exploded", None, None),
    ("The gunmen who attacked the convoy were arrested on Thursday.", "attacked", None, None),
    ("Rebels attacked the convoy on Thursday.", "attacked", "2021-03-04", "timex"),
    # a full date with its closing comma dates the noun after it, not a participle before it
    ("Togo replaced two officers charged in the Dec. 21, 2019, bombing of a market in Lome.", "bombing",
     "2019-12-21", "timex"),
    ("Togo replaced two officers charged in the Dec. 21, 2019, bombing of a market in Lome.", "charged", None,
     None),
    # ... a day with no year before a comma dates the clause
    ("Rebels attacked the convoy on a Friday afternoon, just as the market closed.", "attacked", "2021-03-05TAF",
     "timex"),
])
def test_times_of_other_acts(text, trigger, date, date_from):
    e = event(text, trigger)
    assert (e.date, e.date_from) == (date, date_from)


@pytest.mark.parametrize("text,trigger,date,date_from", [
    # an occasion heading the sentence dates its acts by its month too
    ("In a December interview, Togo's president criticized Ghana.", "criticized", "2020-12", "timex"),
    ("In a December interview with a radio station, Togo's president criticized Ghana and rejected the pact.",
     "rejected", "2020-12", "timex"),
    # ... as does one after "at" or "during"; a day named in the clause still comes first
    ("Togo's president criticized Ghana during a December interview.", "criticized", "2020-12", "timex"),
    ("Togo's president criticized Ghana on Monday during a December interview.", "criticized", "2021-03-01",
     "timex"),
])
def test_an_occasion_dates_its_acts_by_its_month(text, trigger, date, date_from):
    e = event(text, trigger)
    assert (e.date, e.date_from) == (date, date_from)


@pytest.mark.parametrize("text,trigger,date,date_from", [
    # the second of two verbs under one present perfect is no later report of an earlier dated act
    ("A Ghanaian union endorsed Togo's president on Thursday. A nurses' group that has broken away from other "
     "unions and endorsed Togo's president said it was happy.", "endorsed", "2021-03-05", "publication"),
])
def test_a_perfect_is_no_later_report(text, trigger, date, date_from):
    e = [e for e in dateline.analyze(text, published="2021-03-05").events if e.trigger.text == trigger][-1]
    assert (e.date, e.date_from) == (date, date_from)



@pytest.mark.parametrize("text,trigger,date,date_from", [
    # after the story went back to a time long before its own, a past act a few sentences on is of that
    # time, on a day the text does not give: neither the story's day nor the publication day
    ("Ghana's president arrived in Lome on Wednesday. Togo's army attacked a Ghanaian border post in 2019. "
     "The post was rebuilt. Soldiers fled. Togo's army shelled the village.", "shelled", None, None),
    # ... not an act told in the present
    ("Ghana's president arrived in Lome on Wednesday. Togo's army attacked a Ghanaian border post in 2019. "
     "The post was rebuilt. Soldiers fled. Togo's army is shelling the village.", "shelling", "2021-03-05",
     "publication"),
    # ... nor an intention, dated by its statement
    ("Ghana's president arrived in Lome on Wednesday. Togo's army attacked a Ghanaian border post in 2019. "
     "Ghana's president pledged to rebuild the post.", "pledged", "2021-03-03", "narrative"),
    # ... nor farther on than a few sentences: the story's own time again
    ("Ghana's president arrived in Lome on Wednesday. Togo's army attacked a Ghanaian border post in 2019. "
     "The post was rebuilt. Soldiers fled. Farmers left. Togo's army shelled the village.", "shelled",
     "2021-03-03", "narrative"),
    # ... nor after a recent time ("last week")
    ("Ghana's president arrived in Lome on Wednesday. Togo's army attacked a Ghanaian border post last week. "
     "The post was rebuilt. Togo's army shelled the village.", "shelled", "2021-03-05", "publication"),
])
def test_a_story_gone_back_to_an_older_time(text, trigger, date, date_from):
    e = event(text, trigger)
    assert (e.date, e.date_from) == (date, date_from)


@pytest.mark.parametrize("text,trigger,date,date_from", [
    # a sentence that a phrase of anteriority opens tells of a time before the story's: background
    ("Ghana's president toured Lome on Wednesday. Prior to that, along with her aides, she "
     "criticized Togo's leader.", "criticized", None, None),
    ("Ghana's president toured Lome on Wednesday. Early in her term, she criticized Togo's leader.",
     "criticized", None, None),
    ("Ghana's president toured Lome on Wednesday. Before the vote, she criticized Togo's leader.",
     "criticized", None, None),
    # ... an opening of no anteriority leaves the story's day
    ("Ghana's president toured Lome on Wednesday. In a speech, she criticized Togo's leader.",
     "criticized", "2021-03-03", "narrative"),
    # the past perfect in the narration is before the story's last day; an obligation is no perfect
    ("Ghana's president toured Lome on Wednesday. She had criticized Togo's leader and accused him of "
     "fraud.", "accused", None, None),
    ("Ghana's president toured Lome on Wednesday. She had to cancel the talks and criticized Togo's leader.",
     "criticized", "2021-03-03", "narrative"),
])
def test_acts_told_before_the_storys_time(text, trigger, date, date_from):
    e = event(text, trigger)
    assert (e.date, e.date_from) == (date, date_from)


def test_an_act_told_as_before_the_storys_time_is_no_later_dated_report():
    text = ("Ghana's president toured Lome on Monday. Early in her term, she criticized Togo's leader. "
            "Trade was discussed. On Wednesday, she criticized Togo's leader again.")
    dates = [(e.trigger.start < text.index("Trade"), e.date) for e in dateline.analyze(
        text, published="2021-03-05").events if e.trigger.text == "criticized"]
    assert dates == [(True, None), (False, "2021-03-03")]


@pytest.mark.parametrize("text,trigger,date,date_from", [
    # a later report of an act of the kind takes the earlier dated act's day ...
    ("Rebels attacked an army base in Goma on Sunday. The rebel attack hit a school in Beni.", "attack",
     "2021-02-28", "coreference"),
    # ... not one told as another happening
    ("Rebels attacked an army base in Goma on Sunday. Another rebel attack hit a school in Beni.", "attack",
     None, None),
])
def test_another_happening_takes_no_earlier_acts_day(text, trigger, date, date_from):
    e = event(text, trigger)
    assert (e.date, e.date_from) == (date, date_from)


@pytest.mark.parametrize("text,trigger,date,date_from", [
    # an occasion that is the object of a verb of taking part dates the verb by its own time ...
    ("Togo's president attended a Sunday night memorial service with Ghana's president.", "attended", "2021-02-28TNI",
     "timex"),
    ("Togo's president visited Tuesday's summit of West African leaders.", "visited", "2021-03-02", "timex"),
    # ... not a verb that reacts to the occasion
    ("Togo's president condemned Tuesday's rally in Accra.", "condemned", "2021-03-05", "publication"),
    # a past form after a determiner or a present participle is an adjective: the time heading the
    # sentence stays the verb's, as does one the parse hangs on a subject's clause after it
    ("In 2019, rebels backing embattled President Kofi Mensah attacked the convoy.", "attacked", "2019", "timex"),
    ("In 2019, rebels backing the government attacked the convoy.", "attacked", "2019", "timex"),
])
def test_times_of_occasions_and_subjects(text, trigger, date, date_from):
    e = event(text, trigger)
    assert (e.date, e.date_from) == (date, date_from)


@pytest.mark.parametrize("text,trigger,date,date_from", [
    # the story's last day dates an act told in the past ...
    ("Ghana's president toured Lome on Wednesday. She criticized Togo's leader.", "criticized", "2021-03-03",
     "narrative"),
    # ... not one told in the present (dating_parse.told_in_present)
    ("Ghana's president toured Lome on Wednesday. In every speech she criticizes Togo's leader.", "criticizes",
     "2021-03-05", "publication"),
    # ... nor one told as prior to it, or after its sentence went back to an older time
    ("Ghana's president toured Lome on Wednesday. She recently criticized Togo's leader.", "criticized",
     None, None),
    ("Ghana's president toured Lome on Wednesday. By early 2019, she had become a critic and denounced "
     "Togo's leader.", "denounced", None, None),
    # ... an occasion's own day dates the act placed at it
    ("Ghana's president toured Lome on Wednesday. She arrived at a Thursday breakfast with Togo's envoys.",
     "arrived", "2021-03-04", "timex"),
    # ... nor the day a direct quote names
    ("\"Whatever happens today, we stand with Togo,\" Ghana's president said. She criticized Togo's rebels.",
     "criticized", "2021-03-05", "publication"),
])
def test_acts_the_storys_last_day_does_not_date(text, trigger, date, date_from):
    e = event(text, trigger)
    assert (e.date, e.date_from) == (date, date_from)


def test_an_act_placed_in_an_undated_happening_takes_no_story_day():
    e = event("Ghana's president toured Lome on Wednesday. Twelve villagers were killed in the border bombing.",
              "killed")
    assert (e.date, e.date_from) == (None, None)
