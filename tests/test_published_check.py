"""dateline.published_check: a metadata publication date checked against the title, URL and text."""
from __future__ import annotations

import datetime as _dt

import pytest

from dateline.article import extract_meta
from dateline.published_check import check_metadata_date, dates_in, url_date

TODAY = _dt.date(2024, 1, 1)
PLAIN = "Officials met to discuss the budget. No date is named in this text at all."


@pytest.mark.parametrize("s,days", [
    ("Talks resume (10.06.2013)", ["2013-06-10"]),
    ("Report of 2019-10-31", ["2019-10-31"]),
    ("Report of 2019/10/31", ["2019-10-31"]),
    ("Oct. 31, 2019: launches", ["2019-10-31"]),
    ("31 October 2019", ["2019-10-31"]),
    ("32.13.2019", []),
    ("No date here", []),
    (None, []),
])
def test_dates_in(s, days):
    assert [d.isoformat() for d, _ in dates_in(s)] == days


@pytest.mark.parametrize("url,day", [
    ("https://news.example/2019/10/31/launch", "2019-10-31"),
    ("https://news.example/world/2019-10-31-launch.html", "2019-10-31"),
    ("https://news.example/a/20191031/launch", "2019-10-31"),
    ("https://news.example/2019/13/31/x", None),
    ("https://2019.example/launch", None),
    ("https://news.example/story/123456", None),
    (None, None),
])
def test_url_date(url, day):
    got = url_date(url)
    assert (got[0].isoformat() if got else None) == day


# (metadata date, title, url, text, chosen day, words the evidence must have)
CASES = [
    ("2019-08-01", "Talks resume (10.06.2013)", None, PLAIN, "2013-06-10", ["conflict", "title"]),
    ("2019-08-01", "Talks resume", "https://x.example/2013/06/10/talks", PLAIN, "2013-06-10", ["conflict", "url"]),
    ("2019-10-31", "Launch (31.10.2019)", "https://x.example/2019/10/31/a", PLAIN, "2019-10-31", ["all agree"]),
    ("2019-10-31", "Launch", None, PLAIN, "2019-10-31", ["page metadata; no date in the title, URL or text"]),
    ("2019-10-31", "Launch (01.11.2019)", None, PLAIN, "2019-10-31", ["all agree"]),    # a day apart: time zones
    ("2019-08-01", "Talks", None, "SEOUL, June 10, 2013 — Talks resumed on Monday.", "2019-08-01",
     ["conflict", "chose 1 Aug 2019"]),                                                  # text alone: a tie
    ("2019-08-01", "Talks (10.06.2013)", None, "Photo taken 1 August 2019. Talks resumed.", "2013-06-10",
     ["conflict"]),                                                                      # a caption's date is weak
    ("2019-08-01", "Talks on 10.06.2013 and 11.07.2013", None, PLAIN, "2019-08-01", []),  # two title dates: no vote
]


@pytest.mark.parametrize("meta,title,url,text,day,words", CASES)
def test_check_metadata_date(meta, title, url, text, day, words):
    got, evidence = check_metadata_date(meta, title=title, text=text, url=url, today=TODAY)
    assert got == day, evidence
    for w in words:
        assert w in evidence


def test_extract_meta_checks_only_metadata_dates():
    given = extract_meta(PLAIN, title="Talks (10.06.2013)", published="2019-08-01", published_from="given", today=TODAY)
    assert given.published == "2019-08-01" and given.published_evidence is None     # the user's date always wins
    meta = extract_meta(PLAIN, title="Talks (10.06.2013)", published="2019-08-01", published_from="metadata",
                        today=TODAY)
    assert meta.published == "2013-06-10" and meta.published_from == "metadata" and "conflict" in meta.published_evidence


PAGE = """<html><head><meta charset="utf-8"><title>Talks resume in Geneva (10.06.2013)</title>
<meta property="article:published_time" content="{meta}"></head>
<body><article><h1>Talks resume in Geneva (10.06.2013)</h1>
<p>Negotiators from both sides met in Geneva on Monday to resume talks that stalled last year, officials said.
The talks are expected to last a week and cover trade and security.</p>
<p>Both delegations said they were hopeful, and a further round is planned for the autumn in Vienna.</p>
</article></body></html>"""


@pytest.mark.parametrize("meta,day,conflict", [("2019-08-01T10:00:00Z", "2013-06-10", True),
                                               ("2013-06-10T08:00:00Z", "2013-06-10", False)])
def test_a_page_whose_metadata_date_the_title_contradicts(meta, day, conflict):
    from dateline.ingest.readers import read_source
    from dateline.pipeline import analyze_raw
    from dateline.settings import load_settings

    (item,) = list(read_source("page.html", PAGE.format(meta=meta).encode(), input_format="html"))
    art = analyze_raw(item, settings=load_settings(model="none")).to_dict()["article"]
    assert art["published"] == day and art["published_from"] == "metadata"
    assert ("conflict" in art["published_evidence"]) is conflict and "title" in art["published_evidence"]
