"""Tests for the TIMEX3 tagger (dateline.extract.timexes). Example sentences are our own."""
from __future__ import annotations

import datetime as dt
import json
from importlib import resources

import pytest

from dateline.extract.timexes import parse_duration_value, shift_value, tag_timexes
from dateline.extract.timex_lexicon import LEX, RESOURCE_FILES, Lexicon, load

DCT = dt.date(2019, 10, 31)  # a Thursday, ISO week 2019-W44


def _find(text, phrase, dct=DCT):
    txs = tag_timexes(text, dct)
    for t in txs:
        if t.text == phrase:
            return t
    raise AssertionError(f"{phrase!r} not tagged in {text!r}: {[(t.text, t.value) for t in txs]}")


# (sentence, expected span text, type, value)
CASES = [
    # explicit dates
    ("The ceasefire began on Oct. 31, 2019, officials said.", "Oct. 31, 2019", "DATE", "2019-10-31"),
    ("The ceasefire began on October 31, 2019, officials said.", "October 31, 2019", "DATE", "2019-10-31"),
    ("The treaty was signed on 31 October 2019 in Geneva.", "31 October 2019", "DATE", "2019-10-31"),
    ("The form is dated 10/31/2019.", "10/31/2019", "DATE", "2019-10-31"),
    ("The log entry reads 2019-10-31.", "2019-10-31", "DATE", "2019-10-31"),
    ("Rebels fired two rockets Thursday, Oct. 31, at the base.", "Thursday, Oct. 31", "DATE", "2019-10-31"),
    ("The report was filed Sept. 12.", "Sept. 12", "DATE", "2019-09-12"),
    ("The vote is set for Nov. 5.", "Nov. 5", "DATE", "2019-11-05"),
    ("Prices peaked in July 2017.", "July 2017", "DATE", "2017-07"),
    ("She left the company in 1998.", "1998", "DATE", "1998"),
    ("Revenue rose in fiscal 2018.", "fiscal 2018", "DATE", "2018"),
    ("Output grew through the 1990s.", "the 1990s", "DATE", "199"),
    ("The castle dates from the 12th century.", "the 12th century", "DATE", "11"),
    # quarters, halves, seasons
    ("Profit fell in the third quarter.", "the third quarter", "DATE", "2019-Q3"),
    ("The firm posted third-quarter losses.", "third-quarter", "DATE", "2019-Q3"),
    ("Sales rose in the first half of 2018.", "the first half of 2018", "DATE", "2018-H1"),
    ("The dam will be finished next summer.", "next summer", "DATE", "2020-SU"),
    ("Crops failed last spring.", "last spring", "DATE", "2019-SP"),
    # deictic
    ("The minister resigned yesterday.", "yesterday", "DATE", "2019-10-30"),
    ("The talks resume tomorrow.", "tomorrow", "DATE", "2019-11-01"),
    ("The envoy arrives today.", "today", "DATE", "2019-10-31"),
    # a line in capitals keeps its day ("USA TODAY's" in running text is a title)
    ("ENVOYS MEET TODAY IN GENEVA", "TODAY", "DATE", "2019-10-31"),
    ("Officials met last week in Oslo.", "last week", "DATE", "2019-W43"),
    ("Officials met two weeks ago in Oslo.", "two weeks ago", "DATE", "2019-W42"),
    ("The plant closed three years ago.", "three years ago", "DATE", "2016"),
    ("Inflation slowed this year.", "this year", "DATE", "2019"),
    ("Inflation slowed last year.", "last year", "DATE", "2018"),
    ("Elections are due next month.", "next month", "DATE", "2019-11"),
    ("The strike started earlier this month.", "earlier this month", "DATE", "2019-10"),
    ("The army must withdraw by the end of the year.", "the end of the year", "DATE", "2019"),
    ("The group set an end-of-year deadline.", "end-of-year", "DATE", "2019"),
    ("The report will be published in early December.", "early December", "DATE", "2019-12"),
    ("The vote is expected in mid-November.", "mid-November", "DATE", "2019-11"),
    # weekdays (DCT is a Thursday)
    ("The leader spoke Thursday in the capital.", "Thursday", "DATE", "2019-10-31"),
    ("Protesters gathered on Sunday near the palace.", "Sunday", "DATE", "2019-10-27"),
    ("The letter arrived late Wednesday.", "late Wednesday", "DATE", "2019-10-30"),
    ("The ministers will meet on Tuesday.", "Tuesday", "DATE", "2019-11-05"),
    ("The summit is scheduled for Friday.", "Friday", "DATE", "2019-11-01"),
    # a scheduling verb in the present tense next to a bare day name announces the day to come
    ("The two envoys meet separately Monday with the mediator.", "Monday", "DATE", "2019-11-04"),
    ("The delegation travels Saturday to the border town.", "Saturday", "DATE", "2019-11-02"),
    ("The two envoys met separately Monday with the mediator.", "Monday", "DATE", "2019-10-28"),
    ("The suspect is likely to appear in court Monday.", "Monday", "DATE", "2019-11-04"),
    ("Shelling resumed Sunday night.", "Sunday night", "TIME", "2019-10-27TNI"),
    ("Markets closed this morning.", "this morning", "TIME", "2019-10-31TMO"),
    ("The ship docked at 4:35 p.m. EDT.", "4:35 p.m. EDT", "TIME", "2019-10-31T16:35"),
    ("Polls will close at 9 p.m. Friday.", "9 p.m. Friday", "TIME", "2019-11-01T21:00"),
    # bare months and anaphora
    ("It was the country's fifth launch since May.", "May", "DATE", "2019-05"),
    ("Parliament will reconvene in March.", "March", "DATE", "2020-03"),
    ("The rebels struck on Oct. 2. The next day, troops arrived.", "The next day", "DATE", "2019-10-03"),
    # "N <short unit> later/earlier": the duration alone (conventions.json); longer units stay points
    ("The rebels struck on Oct. 2. A day later, troops arrived.", "A day", "DURATION", "P1D"),
    ("Talks failed on Oct. 2. Three days later, they resumed.", "Three days", "DURATION", "P3D"),
    ("Officials met again a few hours later.", "a few hours", "DURATION", "PTXH"),
    ("The plant reopened on May 3, 2017. A year later, it closed again.", "A year later", "DATE", "2018"),
    ("The rebels struck on Oct. 2. The previous day, talks had failed.", "The previous day", "DATE", "2019-10-01"),
    ("Thanksgiving falls late this year.", "Thanksgiving", "DATE", "2019-11-28"),
    ("Pilgrims gathered at Easter.", "Easter", "DATE", "2019-04-21"),
    # a holiday's week or weekend; a week that has begun is the current one even in the past tense
    ("Crowds thronged the shops in Christmas week.", "Christmas week", "DATE", "2018-W52"),
    ("Traffic will be heavy over the Christmas weekend.", "Christmas weekend", "DATE", "2019-W52-WE"),
    ("Protesters marched as Easter week began.", "Easter week", "DATE", "2019-W16"),
    # a day named by its distance from another date, a week by a day in it
    ("They met on the day before last Tuesday's hearing.", "the day before last Tuesday", "DATE", "2019-10-28"),
    ("The shops reopened the day after Christmas.", "the day after Christmas", "DATE", "2018-12-26"),
    ("The trial is set for the week of Nov. 18.", "the week of Nov. 18", "DATE", "2019-W47"),
    # a complementizer opens the time's clause: its own verb tells the tense before the reporting verb
    ("The envoy said that on Monday he will meet the rebels.", "Monday", "DATE", "2019-11-04"),
    ("The envoy wrote that on Labor Day the party will march.", "Labor Day", "DATE", "2020-09-07"),
    ("The envoy said that on Monday he met the rebels.", "Monday", "DATE", "2019-10-28"),
    # a past-tense plan verb after the day dates the planning, before it the plan ("planned to leave Friday")
    ("On Friday, the government planned to pay the families.", "Friday", "DATE", "2019-10-25"),
    ("The team planned to leave the capital on Friday.", "Friday", "DATE", "2019-11-01"),
    # a month before a noun after a determiner is a date ("under a June agreement")
    ("The sale went ahead under a June agreement with the union.", "June", "DATE", "2019-06"),
    ("The March accession will enlarge the alliance.", "March", "DATE", "2020-03"),
    # durations and years inside hyphenated words
    ("The envoys emerged from a day-long meeting.", "day-long", "DURATION", "P1D"),
    ("The region suffered a years-long drought.", "years-long", "DURATION", "PXY"),
    ("They planned a 10-day-long trip.", "10-day-long", "DURATION", "P10D"),
    ("Output is back to pre-2008 levels.", "pre-2008", "DATE", "2008"),
    ("The post-1959 politics split families.", "post-1959", "DATE", "1959"),
    # no cue near the date: the first clear cue later in the sentence decides
    ("In January, a week after the tenth anniversary of the court's landmark ruling, a bomb exploded.",
     "January", "DATE", "2019-01"),
    # durations
    ("The siege lasted four days.", "four days", "DURATION", "P4D"),
    ("The talks ended after an eight-month stalemate.", "eight-month", "DURATION", "P8M"),
    ("The hearing took three hours.", "three hours", "DURATION", "PT3H"),
    ("The drought lasted about two years.", "about two years", "DURATION", "P2Y"),
    ("Growth stalled over the past three years.", "the past three years", "DURATION", "P3Y"),
    ("The envoy waited twenty-one days.", "twenty-one days", "DURATION", "P21D"),
    ("The strike came four days after the vote.", "four days", "DURATION", "P4D"),
    ("The trial could last several months.", "several months", "DURATION", "PXM"),
    ("Repairs take 2 1/2 hours.", "2 1/2 hours", "DURATION", "PT2H30M"),
    # sets
    ("The council meets every Monday.", "every Monday", "SET", "XXXX-WXX-1"),
    # weekdays listed after "every" are the set's days, not dates
    ("Rallies go on every Monday and Thursday.", "Thursday", "SET", "XXXX-WXX-4"),
    ("Flights leave each Monday, Wednesday and Friday.", "Wednesday", "SET", "XXXX-WXX-3"),
    ("Flights leave each Monday, Wednesday and Friday.", "Friday", "SET", "XXXX-WXX-5"),
    ("The index is published weekly.", "weekly", "SET", "P1W"),
    ("The fee is paid annually.", "annually", "SET", "P1Y"),
    ("Inspections happen every two weeks.", "every two weeks", "SET", "P2W"),
    # vague references
    ("The border is now closed.", "now", "DATE", "PRESENT_REF"),
    ("The rebels currently hold the town.", "currently", "DATE", "PRESENT_REF"),
    ("Troops recently left the area.", "recently", "DATE", "PAST_REF"),
    ("Such attacks were rare in the past.", "the past", "DATE", "PAST_REF"),
    ("Talks may resume in the future.", "the future", "DATE", "FUTURE_REF"),
    # rates: only a count of occurrences makes "a <unit>" a SET
    ("The committee meets twice a month.", "a month", "SET", "P1M"),
    ("Inspectors visit three times per year.", "per year", "SET", "P1Y"),
    # tense cues: "effective" looks ahead; an -ed adjective after a determiner is no past tense
    ("The board will appoint a new chief, effective Feb. 1.", "Feb. 1", "DATE", "2020-02-01"),
    ("The bank named a new chief, effective Feb. 1.", "Feb. 1", "DATE", "2020-02-01"),
    ("The dividend will be paid on a still unspecified date in March.", "March", "DATE", "2020-03"),
    ("In the fiscal year ended Jan. 31, sales rose.", "Jan. 31", "DATE", "2019-01-31"),
    ("The doctor was shot last Oct. 23 at his home.", "Oct. 23", "DATE", "2019-10-23"),
    ("The summit will be held on April 24 and 25.", "25", "DATE", "2020-04-25"),
    ("Talks ran March 3 and 4, 2018, in Oslo.", "March 3", "DATE", "2018-03-03"),
    # clock times: a day after a parenthetical gloss; "until" a deadline looks ahead
    ("The blast occurred at 10:35 a.m. (0735 GMT) Tuesday.", "10:35 a.m.", "TIME", "2019-10-29T10:35"),
    ("He will leave at 4 in the morning (4 a.m. EDT Saturday).", "4 in the morning", "TIME", "2019-11-02T04:00"),
    ("Officials gave the group until 9 a.m. Monday to respond.", "9 a.m. Monday", "TIME", "2019-11-04T09:00"),
    ("Stocks fell Monday. Tokyo shares were depressed by overnight losses in New York.", "overnight", "TIME", "2019-10-27TNI"),
    ("Sales will slow through the first two quarters of 2020.", "the first two quarters of 2020", "DATE", "2020-H1"),
    ("Earnings fell in the last half of 2018.", "the last half of 2018", "DATE", "2018-H2"),
    ("Then, a week or so ago, the general chose a date.", "a week or so ago", "DATE", "2019-W43"),
    ("The offer had been due to expire Friday evening.", "Friday evening", "TIME", "2019-10-25TEV"),
    ("Two new flights will leave on Tuesday nights from March 30.", "Tuesday nights", "SET", "XXXX-WXX-2TNI"),
    # a part of the day under discussion: the day just reported, else the DCT
    ("Shares fell Friday. Dealers sold heavily in the morning.", "the morning", "TIME", "2019-10-25TMO"),
    ("By mid afternoon, officials were reporting new clashes.", "mid afternoon", "TIME", "2019-10-31TAF"),
    # a bare month without a tense cue: the past wins unless the future is much nearer
    ("Share price: $42 in June, $29 in March.", "March", "DATE", "2019-03"),
    ("Share price: $42 in June, $29 in December.", "December", "DATE", "2019-12"),
]

# Earnings-report anaphora (DCT 2019-10-31): "the quarter", "the latest period" and year-ago
# comparisons refer to the report's quarter, not to a quarter mentioned in passing.
REPORT = [
    ("Acme's third-quarter profit rose 5%. After a flat second quarter, sales recovered. "
     "In the latest quarter, margins widened.", "the latest quarter", "2019-Q3"),
    ("Acme's third-quarter profit rose 5%. It expects a fourth-quarter charge of $2 million. "
     "Margins widened in the latest quarter, compared with a loss a year ago.", "a year ago", "2018-Q3"),
    ("Acme's third-quarter profit rose 5%. After a flat second quarter, sales recovered. "
     "Costs were lower in the 2019 period.", "the 2019 period", "2019-Q3"),
    # a span in the sentence ("the first nine months") makes the comparison the year
    ("Acme's third-quarter profit rose 5%. In the first nine months, net was $9 million, "
     "compared with $7 million in the 2018 period.", "the 2018 period", "2018"),
    ("Acme's third-quarter profit rose 5%. In the first nine months, net was $9 million, "
     "up from $7 million a year earlier.", "a year earlier", "2018"),
    # a year-ago adjective after a period that is already a year back is that period
    ("Acme's third-quarter profit rose 5%. In the first nine months, net was $9 million, "
     "compared with $7 million in the 2018 period. The year-ago results included a charge.", "year-ago", "2018"),
    ("Acme earned $3 million in the third quarter. The year-earlier results were restated.", "year-earlier", "2018-Q3"),
    ("Acme's third-quarter profit was $2 million, or 5 cents a share, in the year-ago quarter. "
     "The year-ago results were restated.", "year-ago", "2018-Q3"),
    # a quarter that is not over yet is a forecast, not the report's period
    ("Acme's third-quarter profit rose 5%. It expects weak results through the third quarter of next year. "
     "In the year-ago period, it earned $2 million.", "the year-ago period", "2018-Q3"),
    # "last year" is the year, the report's quarter a year before only right after a compared amount
    ("Acme's third-quarter profit rose 5% to $5 million, compared with $3 million last year.", "last year", "2018-Q3"),
    ("Acme's third-quarter profit rose 5%. The firm, which last year sold its bakery unit, gained 3%.", "last year", "2018"),
    ("Acme's third-quarter profit rose 5%. Its share of the market was 21% last year.", "last year", "2018"),
]


def test_holiday_week_that_has_begun_is_current():
    # Monday 2020-04-06 is in Easter week 2020 (Easter Sunday 2020-04-12): past tense, yet this week
    t = _find("Protesters marched on Monday as Easter week began.", "Easter week", dt.date(2020, 4, 6))
    assert t.value == "2020-W15"


@pytest.mark.parametrize("text,span,value", REPORT)
def test_report_periods(text, span, value):
    t = _find(text, span)
    assert t.value == value, (t.value, t.rule)


@pytest.mark.parametrize("text,span,typ,value", CASES)
def test_tag_and_normalise(text, span, typ, value):
    t = _find(text, span)
    assert (t.type, t.value) == (typ, value), (t.type, t.value, t.rule)
    assert text[t.start:t.end] == t.text


MODS = [
    ("The letter arrived late Wednesday.", "late Wednesday", "END"),
    ("The report will be published in early December.", "early December", "START"),
    ("The vote is expected in mid-November.", "mid-November", "MID"),
    ("The army must withdraw by the end of the year.", "the end of the year", "END"),
    ("The drought lasted about two years.", "about two years", "APPROX"),
    ("The hearing lasted more than four hours.", "more than four hours", "MORE_THAN"),
]


@pytest.mark.parametrize("text,span,mod", MODS)
def test_mods(text, span, mod):
    assert _find(text, span).mod == mod


NOT_TIMEX = [
    ("The missile test may have been aimed at Washington.", "may"),
    ("May I ask a question?", "May"),
    ("The Sunday Times reported the deal.", "Sunday"),
    ("USA Today reported the deal.", "Today"),
    ("The minister spoke on NBC's Today show.", "Today"),
    ("The minister told USA TODAY's weekly video series about the deal.", "TODAY"),
    ("Such risk taking is an everyday matter for him.", "everyday"),
    ("The second missile fell into the sea.", "second"),
    ("It was the 12th test this year.", "12th"),
    ("More than 2,000 troops crossed the border.", "2,000"),
    ("Prices may fall if demand weakens.", "fall"),
    ("April Jones and June Smith spoke to reporters.", "April"),
    ("April Jones and June Smith spoke to reporters.", "June"),
    ("Thousands joined the march through the city.", "march"),
    ("The 45-year-old suspect was arrested.", "45-year-old"),
    ("Flight 1549 landed in the river.", "1549"),
    # rates of an amount are not time expressions (TimeBank leaves them untagged)
    ("The deal will save the company $5 million a year.", "a year"),
    ("The airline flies four flights a week to Oslo.", "a week"),
    ("Rooms cost between $35 and $55 a night.", "a night"),
    ("The chip runs 15 million instructions per second.", "per second"),
    # conventions.json: forms TimeBank/AQUAINT annotators mostly leave untagged
    ("Sales are expected to rise 8% annually.", "annually"),
    ("The plant will produce 10,000 units annually.", "annually"),
    ("The split and quarterly dividend are payable in May.", "quarterly"),
    ("Police cited the recent bombing.", "recent"),
    ("There are no talks at the moment.", "moment"),
    ("At the time the rebels were weak.", "the time"),
    ("The troops will stay for the foreseeable future.", "future"),
    ("Young people in today's world face new risks.", "today"),
    ("He was soon released by the police.", "soon"),
    ("Traders suffer losses on deals made that day.", "that day"),
]


@pytest.mark.parametrize("text,word", NOT_TIMEX)
def test_not_timexes(text, word):
    txs = tag_timexes(text, DCT)
    assert not any(word in t.text for t in txs), [(t.text, t.value) for t in txs]


SPANS = [  # TimeBank span conventions: prepositions out, determiners and modifiers in
    ("Troops withdrew on Sunday.", "Sunday"),
    ("No launches have been seen since May.", "May"),
    ("Rain fell for the past three years.", "the past three years"),
    ("Crowds formed two weeks ago.", "two weeks ago"),
]


@pytest.mark.parametrize("text,span", SPANS)
def test_spans(text, span):
    txs = tag_timexes(text, DCT)
    assert span in [t.text for t in txs]


NO_DCT = [
    ("The deadline is Oct. 31.", "Oct. 31", "XXXX-10-31"),
    ("Talks resumed last year.", "last year", "XXXX"),
    ("The vote took place Tuesday.", "Tuesday", "XXXX-WXX-2"),
    ("The war lasted four years.", "four years", "P4Y"),
    ("It ended in 1998.", "1998", "1998"),
]


@pytest.mark.parametrize("text,span,value", NO_DCT)
def test_no_dct(text, span, value):
    assert _find(text, span, dct=None).value == value


def test_api_shape_and_order():
    text = "On Monday, a day after the vote, officials met again. They will meet next week."
    txs = tag_timexes(text, dt.datetime(2019, 10, 31, 12, 0))
    assert [t.id for t in txs] == [f"t{i}" for i in range(1, len(txs) + 1)]
    assert [t.start for t in txs] == sorted(t.start for t in txs)
    for t in txs:
        assert text[t.start:t.end] == t.text
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert t.rule and t.anchor
    assert tag_timexes("", DCT) == []
    assert tag_timexes("No times here at all.", DCT) == []


def test_sentences_argument():
    text = "Talks failed Tuesday. Negotiators will return Friday."
    sents = [(0, 21), (22, len(text))]
    vals = [t.value for t in tag_timexes(text, DCT, sentences=sents)]
    assert vals == ["2019-10-29", "2019-11-01"]


def test_own_sentence_split_matches_given_sentences():
    # without ``sentences`` the tagger splits on its own (abbreviations do not end a sentence)
    from dateline.extract.timex_sentences import light_sentences

    text = ("Mr. Lee met U.S. officials on Oct. 5 in Washington, D.C. He will return Tuesday.\n\n"
            "Talks failed Tuesday. Negotiators will return Friday.")
    spans = light_sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "Mr. Lee met U.S. officials on Oct. 5 in Washington, D.C. He will return Tuesday.",
        "Talks failed Tuesday.", "Negotiators will return Friday."]
    vals = [t.value for t in tag_timexes(text, DCT)]
    assert vals == [t.value for t in tag_timexes(text, DCT, sentences=spans)]
    assert vals[-2:] == ["2019-10-29", "2019-11-01"]


def test_alternation_prefix_tree_keeps_longest_first():
    import re

    from dateline.extract.timex_lexicon import alt

    words = ["two", "twenty", "twenty-one", "ten", "a", "a few", "a couple of"]
    rx = re.compile(rf"(?<!\w){alt(words)}(?!\w)")
    found = [m.group() for m in rx.finditer("a few, twenty-one, twenty, two, ten, a couple of, a")]
    assert found == ["a few", "twenty-one", "twenty", "two", "ten", "a couple of", "a"]
    assert re.fullmatch(alt(["a few"]), "a  few")   # spaces match any whitespace run


def test_anaphora_anchor_points_to_previous_timex():
    text = "The attack happened on Oct. 2. The next day, the army responded."
    txs = tag_timexes(text, DCT)
    assert txs[1].anchor == txs[0].id


SHIFTS = [
    ("2019-10-31", "P4D", -1, "2019-10-27"),
    ("2019-10-31", "P1D", -1, "2019-10-30"),
    ("2019-10-31", "P1W", 1, "2019-11-07"),
    ("2019-03-31", "P1M", -1, "2019-02-28"),
    ("2019-W44", "P2W", -1, "2019-W42"),
    ("2019-W01", "P1W", -1, "2018-W52"),
    ("2019-10", "P1Y", -1, "2018-10"),
    ("2019-10", "P3M", 1, "2020-01"),
    ("2019-Q1", "P1Q", -1, "2018-Q4"),
    ("2019-Q3", "P1Y", -1, "2018-Q3"),
    ("2019", "P3Y", -1, "2016"),
    ("201", "P1E", -1, "200"),
    ("2019-10-31T16:35", "PT2H", 1, "2019-10-31T18:35"),
    ("2019-10-31TEV", "P1D", -1, "2019-10-30TEV"),
    ("2019", "P3D", -1, None),
    ("XXXX-10-31", "P1D", -1, None),
    ("PRESENT_REF", "P1D", -1, None),
    ("2019-10-31", "PXD", -1, None),
    # each step of the shift: clock, day, week, calendar granularities
    ("2019-10-31T24", "PT1H", -1, "2019-10-31T23"),
    ("2019-10-31T22", "PT3H", 1, "2019-11-01T01"),
    ("2019-10-31", "PT48H", -1, "2019-10-29"),
    ("2019-10-31", "PT5H", -1, None),
    ("2019-W44-WE", "P1W", 1, "2019-W45-WE"),
    ("2020-W53", "P1Y", 1, "2021-W52"),
    ("2019-W44", "P1M", 1, None),
    ("2019-H2", "P6M", 1, "2020-H1"),
    ("2019-H2", "P1Q", 1, None),
    ("2019-WI", "P1Q", -1, "2018-FA"),
    ("2019-SU", "P2Y", 1, "2021-SU"),
    ("2019-10", "P2D", 1, None),
    ("19", "P1C", 1, "20"),
    ("2", "P1L", -1, "1"),
    ("201", "P5Y", 1, None),
    ("2019-10-31", "P1.5D", 1, None),
]


@pytest.mark.parametrize("value,dur,sign,expected", SHIFTS)
def test_shift_value(value, dur, sign, expected):
    assert shift_value(value, dur, sign) == expected


@pytest.mark.parametrize("dur,expected", [
    ("P4D", {"D": 4}), ("P2Y6M", {"Y": 2, "M": 6}), ("PT1H30M", {"H": 1, "TM": 30}),
    ("PXY", {"Y": None}), ("P1E", {"E": 1}), ("nonsense", None), ("P", None),
])
def test_parse_duration_value(dur, expected):
    assert parse_duration_value(dur) == expected


def test_data_files_load_and_are_used():
    folder = resources.files("dateline").joinpath("resources", "time")
    names = sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".json"))
    assert names == sorted(RESOURCE_FILES)
    for name in names:
        data = json.loads(folder.joinpath(f"{name}.json").read_text(encoding="utf-8"))
        assert isinstance(data.get("_source"), str) and data["_source"], name
        assert load(name) == data
    lex = Lexicon()
    assert lex.used == set(RESOURCE_FILES)
    # entries reach the tagger: one expression per data file (months, weekdays and
    # sentence_abbreviations: the project's lists in resources/lang/en, dateline.lang)
    probes = {
        "months": ("Sept. 3", "2019-09-03"), "weekdays": ("Monday", "2019-10-28"),
        "numbers": ("twenty-one days", "P21D"), "units": ("a fortnight", "P2W"),
        "seasons": ("last autumn", "2018-FA"), "parts_of_day": ("Tuesday afternoon", "2019-10-29TAF"),
        "modifiers": ("at least three days", "P3D"), "refs": ("nowadays", "PRESENT_REF"),
        "frequencies": ("hourly", "PT1H"), "tense_cues": ("Monday", "2019-11-04"),
        "holidays": ("Labor Day", "2019-09-02"), "timezones": ("10 a.m. GMT", "2019-10-31T10:00"),
        "sentence_abbreviations": ("Tuesday", "2019-11-05"), "conventions": ("Three days", "P3D"),
    }
    sentences = {"tense_cues": "The envoy will arrive Monday.", "modifiers": "The fighting lasted at least three days.",
                 # "Gen." does not end the sentence, so the future cue reaches the weekday
                 "sentence_abbreviations": "The envoy will meet Gen. Lee on Tuesday.",
                 "conventions": "Talks failed on Oct. 2. Three days later, they resumed."}
    for name, (phrase, value) in probes.items():
        text = sentences.get(name, f"It happened {phrase}.")
        assert _find(text, phrase).value == value, name
    assert LEX.zones["EDT"] == -4 and LEX.month("Sept.") == 9
    # weekday_name_followers: a weekday before one of them is part of a name, not a date
    assert [t.text for t in tag_timexes("He reads the Sunday Times.", DCT)] == []



def test_conventions_carry_their_counts():
    # every convention records the corpus counts it was chosen from (provenance)
    conv = load("conventions")
    families = {k: v for k, v in conv.items() if not k.startswith("_")}
    assert families
    for name, fam in families.items():
        assert isinstance(fam.get("counts"), dict) and fam["counts"], name
        assert isinstance(fam.get("_comment"), str), name


def test_rules_are_registered_per_module_and_joined_in_a_fixed_order():
    from dateline.extract import (
        timex_rules_dates, timex_rules_days, timex_rules_periods, timex_rules_relative, timex_rules_sets, timexes,
    )
    modules = [timex_rules_dates, timex_rules_periods, timex_rules_days, timex_rules_relative, timex_rules_sets]
    assert all(m.RULES for m in modules)
    assert timexes.RULES == [r for m in modules for r in m.RULES]
    names = [r.name for r in timexes.RULES]
    assert len(names) == len(set(names))
    assert set(names) == set(timexes._RULE_CLASSES)   # every rule has its trigger classes


def test_every_rule_pattern_of_the_data_file_is_registered():
    from dateline.extract import timexes
    assert set(LEX.patterns["rules"]) == {r.name for r in timexes.RULES}


@pytest.mark.parametrize("template,expected", [
    ("${B}x${E}", r"(?<![\w'’-])x(?![\w-])(?!’(?!s\b))"),   # word boundaries
    ("a${X}b", "a(?:y)b"),                              # an extra block
    ("${re_season}", LEX.re_season),                    # a lexicon alternation
    ("${NUM}", None),                                   # a worded block of the data file, expanded
])
def test_pattern_blocks(template, expected):
    from dateline.extract.timex_base import pattern
    out = pattern(template, X="(?:y)")
    assert "${" not in out
    if expected is not None:
        assert out == expected


def test_an_unknown_pattern_block_is_named():
    from dateline.extract.timex_base import pattern
    with pytest.raises(KeyError, match=r"unknown block \$\{NOPE\}"):
        pattern("${NOPE}")


def test_every_list_and_pattern_of_the_time_rules_is_used():
    from pathlib import Path
    src = Path(__file__).resolve().parents[2] / "src" / "dateline" / "extract"
    code = "".join(p.read_text(encoding="utf-8") for p in sorted(src.glob("timex*.py")))
    words = load("rule_words")
    for key, entry in words.items():
        if key.startswith("_"):
            continue
        assert entry["use"] and (entry.get("words") or entry.get("values")), key
        assert f'"{key}"' in code, f"rule_words.json: {key!r} is not used"
    pats = load("patterns")
    blocks = "".join(pats["blocks"].values()) + "".join(pats["rules"].values()) + \
        "".join(c["pattern"] for c in pats["context"].values())
    for key in pats["blocks"]:
        assert "${" + key + "}" in blocks, f"patterns.json: block {key!r} is not used"
    for key in pats["context"]:
        assert f'context_regex("{key}")' in code, f"patterns.json: context pattern {key!r} is not used"


# ---------------------------------------------------------------- work grows linearly
def _dated_sentences(n):
    import random
    r = random.Random(5)
    return " ".join(f"Talks were held {r.choice(['on Monday', 'last week', 'on Oct. 3, 2019', 'in May', 'at 9 a.m.'])}"
                    f" and {r.choice(['on Friday', 'next year', 'in 2018', 'earlier this month'])}." for _ in range(n))


def test_overlap_resolution_grows_linearly():
    """Choosing among overlapping candidates looks at the chosen span before each candidate's end,
    not at every span chosen so far (executed lines, not time)."""
    from dateline.extract import timexes
    from work_count import growth
    assert growth(_dated_sentences, lambda t: tag_timexes(t, DCT), timexes, n=80) < 2.4


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_taken_spans_answer_as_the_scan_over_them(seed):
    import random
    from dateline.extract.timexes import _Taken
    r = random.Random(seed)
    taken, naive = _Taken(), []
    for _ in range(300):
        s = r.randrange(200)
        e = s + 1 + r.randrange(6)
        hit = any(s < te and ts < e for ts, te in naive)
        assert taken.overlaps(s, e) == hit
        if not hit:
            taken.add(s, e)
            naive.append((s, e))


# a weekday told in the future after the story's own day, named a few days before the DCT (DCT Thursday
# Oct. 31): the first such weekday after that day where it falls before the DCT, anchored to that day
STORY_DAYS = [
    ("The envoy arrived in Lima on Tuesday. She will meet the president on Wednesday.", "Wednesday",
     "2019-10-30"),
    # counted from the DCT where that day is no earlier ...
    ("The envoy arrived in Lima on Tuesday. She will meet the president on Monday.", "Monday", "2019-11-04"),
    # ... or where the story's day lies a week back, or is no weekday
    ("The envoy arrived in Lima on Thursday, Oct. 24. She will meet the president on Monday.", "Monday",
     "2019-11-04"),
    ("The envoy arrived in Lima on Oct. 29. She will meet the president on Wednesday.", "Wednesday",
     "2019-11-06"),
    # a past weekday stays past
    ("The envoy arrived in Lima on Tuesday. She met the president on Wednesday.", "Wednesday", "2019-10-30"),
]


@pytest.mark.parametrize("text,span,value", STORY_DAYS)
def test_future_weekday_after_the_story_day(text, span, value):
    assert _find(text, span).value == value


@pytest.mark.parametrize("text,found", [
    # a curly apostrophe of a possessive ends a time expression as a straight one does
    ("Ruiz spoke at Monday night’s rally.", ("Monday night", "2021-03-01TNI")),
    ("Ruiz spoke at Monday night's rally.", ("Monday night", "2021-03-01TNI")),
    ("Yesterday’s vote failed in Lima.", ("Yesterday", "2021-03-04")),
    ("During last night’s rally Ruiz spoke.", ("last night", "2021-03-04TNI")),
])
def test_a_possessive_with_a_curly_apostrophe(text, found):
    assert [(t.text, t.value) for t in tag_timexes(text, dt.date(2021, 3, 5))] == [found]


@pytest.mark.parametrize("text", [
    "Two weeks ago, on Monday, Oct. 28, the board met at 9 a.m.; it meets again next year.",
    "The firm's third-quarter profit, reported three days earlier, beat the 1990s record.",
])
def test_ascii_and_unicode_plans_tag_the_same(text):
    # an ASCII text is scanned with patterns compiled for ASCII (regex_literals.as_ascii); the same
    # text with a non-ASCII character after it with the Unicode ones: the same timexes
    want = [(t.start, t.end, t.type, t.value, t.mod) for t in tag_timexes(text, DCT)]
    assert want
    assert [(t.start, t.end, t.type, t.value, t.mod) for t in tag_timexes(text + " \u2014", DCT)] == want


@pytest.mark.parametrize("sep", ["\x1c", "\x1d", "\x1e", "\x1f"])
def test_an_information_separator_is_a_space_as_unicode_reads_it(sep):
    # ASCII, but a space only to Unicode's \s: tagged with the Unicode patterns, as with a non-ASCII space
    text = "The meeting was on March 5, 2020, two years ago, for 3 days."
    want = [(t.start, t.end, t.type, t.value) for t in tag_timexes(text.replace(" ", "\u2002"), DCT)]
    assert len(want) >= 3
    assert [(t.start, t.end, t.type, t.value) for t in tag_timexes(text.replace(" ", sep), DCT)] == want
