import datetime as dt

import pytest

from dateline.article import extract_meta, find_bylines, find_dateline, infer_published


@pytest.mark.parametrize("text,place,outlet", [
    ("TOKYO — The ministry said.", "TOKYO", None),
    ("SEOUL, Oct 31 (Reuters) - North Korea fired.", "SEOUL", "Reuters"),
    ("TBILISI, 24 October 2024 (Reuters) - Police detained him.", "TBILISI", "Reuters"),
    ("LONDON, 3 March (Reuters) - Ministers met.", "LONDON", "Reuters"),
    ("WASHINGTON -- Officials met.", "WASHINGTON", None),
    ("NEW DELHI — Talks began.", "NEW DELHI", None),
    ("\n\nLAGOS, Nigeria (AP) _\n\nTalks began.", "LAGOS, Nigeria", "AP"),
    ("The ministry said on Friday that talks would resume.", None, None),
])
def test_dateline(text, place, outlet):
    got_place, got_outlet, end = find_dateline(text)
    assert got_place == place
    assert got_outlet == outlet
    if place:
        assert text[end:end + 1].isalpha()


@pytest.mark.parametrize("text,authors,contributors,outlet", [
    ("By Ann Writer\n\nLONDON — Something happened.", ["Ann Writer"], [], None),
    ("By Ann Writer and Bo Reporter\n\nText.", ["Ann Writer", "Bo Reporter"], [], None),
    ("Text.\n\nThis article was written by Pat Writer, a reporter for The Example Herald.",
     ["Pat Writer"], [], "The Example Herald"),
    ("Text. The Example Herald's Jin Example in Seoul contributed to this report.",
     [], ["Jin Example"], "The Example Herald"),
    ("Text.\n\nReporting by Ann Writer; Additional reporting by Bo Reporter; Editing by Cy Editor",
     ["Ann Writer"], ["Bo Reporter"], None),
    ("Text.\n\nReporting by Ann Writer; additional reporting by Bo Reporter in Dubai.", ["Ann Writer"], ["Bo Reporter"],
     None),
    ("Kim Lee and Sam Park in Tokyo contributed reporting.", [], ["Kim Lee", "Sam Park"], None),
    # wire style: capitals, the agency at the end of the line
    ("By ANN WRITER and BO REPORTER Associated Press\n\nText.", ["Ann Writer", "Bo Reporter"], [],
     "Associated Press"),
    ("By Ann Writer, Reuters\n\nText.", ["Ann Writer"], [], "Reuters"),
])
def test_bylines(text, authors, contributors, outlet):
    a, c, o = find_bylines(text)
    assert a == authors
    assert c == contributors
    assert o == outlet


TODAY = dt.date(2026, 11, 25)


@pytest.mark.parametrize("text,expected", [
    # weekday + date decides among the years where it fits; the president named must be in office
    ("Officials met Thursday, Oct. 31, and President Moon Jae-in welcomed the plan.", "2019-10-31"),
    # Barack Obama was president in 2013 but not in 2019 or 2024
    ("The summit ended Thursday, Oct. 31, and President Obama left.", "2013-10-31"),
    ("The vote is on Tuesday, Nov. 5, 2019, officials said.", "2019-11-05"),
    ("A report dated March 3, 2015 was released. Nothing else.", "2015-03-03"),
    ("Nothing in this text says when it was written.", None),
    # a dateline with its year is the date; day-month datelines combine with the lede's weekday
    ("TBILISI, 24 October 2024 (Reuters) - Police detained him on Thursday after the 2012 vote.", "2024-10-24"),
    ("LONDON, 3 March (Reuters) - Prime Minister Boris Johnson spoke on Tuesday.", "2020-03-03"),
])
def test_infer_published(text, expected):
    got, evidence = infer_published(text, today=TODAY)
    assert got == expected
    if expected:
        assert evidence


def test_undecided_years_are_said_in_evidence():
    got, evidence = infer_published("Markets rose Thursday, Oct. 31, on hopes of a deal.", today=TODAY)
    assert got == "2024-10-31"
    assert "undecided" in evidence


def test_given_date_wins(sample_text):
    meta = extract_meta(sample_text, published="2019-11-15T08:00:00Z")
    assert meta.published == "2019-11-15"
    assert meta.published_from == "given"


def test_meta_from_sample(sample_text):
    meta = extract_meta(sample_text, today=TODAY)
    assert meta.dateline == "SEOUL"
    assert meta.authors == ["Pat Writer"]
    assert meta.contributors == ["Jin Example"]
    assert meta.outlet == "The Example Herald"
    assert meta.published_from == "inferred"
    assert meta.published.endswith("-11-15")


@pytest.mark.parametrize("text,title", [
    ("Talks Collapse in Geneva\n\nGENEVA — The talks collapsed on Monday.", "Talks Collapse in Geneva"),
    ("Rebels seize a second town in the north\n\nThe rebels took the town.", "Rebels seize a second town in the north"),
    ("The rebels took the town on Monday, officials said.\n\nThey left later.", None),
    ("By Ann Writer\n\nText.", None),
])
def test_title_from_plain_text(text, title):
    assert extract_meta(text, published="2020-01-01").title == title


def test_follow_line_is_an_author():
    a, _, _ = find_bylines("Text of the story.\n\nFollow Ann Writer on Twitter @annwriter.")
    assert a == ["Ann Writer"]


def test_date_line_under_the_headline_wins():
    text = ("Rebels take the port\n\nMay 9, 2019\n\nBy Jo Example\n\n"
            "ADEN, May 9 (Example Wire) - Rebels took the port on Thursday, May 9, officials said.")
    meta = extract_meta(text, today=TODAY)
    assert meta.published == "2019-05-09" and "date line" in meta.published_evidence
    assert meta.dateline == "ADEN" and meta.outlet == "Example Wire"
    assert meta.title == "Rebels take the port" and meta.authors == ["Jo Example"]


def test_named_year_decides_between_candidate_years():
    got, ev = infer_published("Rebels took the port on Thursday, May 9, their first gain of 2019.", today=TODAY)
    assert got == "2019-05-09"


def test_a_possessive_weekday_in_the_lede_is_not_the_datelines_day():
    """"WARSAW, Oct 16 - ... in Sunday's election ... on Monday": Oct 16 is a Monday (2023), not a Sunday."""
    from dateline.article import infer_published
    import datetime as dt
    text = ("WARSAW, Oct 16 (Reuters) - Opposition parties won enough votes in Sunday's parliamentary election, "
            "according to results published by the electoral commission on Monday.")
    published, _ = infer_published(text, today=dt.date(2024, 6, 1))
    assert published == "2023-10-16"
