"""dateline.pipeline: one article in, one record out, through the components on one Doc."""
from __future__ import annotations

def test_the_dateline_is_never_part_of_an_attribution():
    import dateline
    text = ("EU leaders fail to agree on aid\n\nBRUSSELS, Dec. 15, 2023 (Reuters) - European Union leaders failed "
            "to agree on an aid package late on Thursday after Hungary vetoed the deal.\n\n"
            "\"The veto is disappointing,\" Charles Michel told reporters.")
    r = dateline.analyze(text)
    end = text.index("European Union leaders")
    assert r.attributions and all(a.content.start >= end for a in r.attributions)


# Articles of our own for the batched path: one per row, with the error an article should give (None: a record).
BATCH = [
    ("b1", "Chile recalled its ambassador from Peru on Monday after a border dispute, the foreign ministry said.", None),
    ("b2", "   ", "empty"),
    ("b3", "Thousands of farmers protested in Paris on Tuesday against new fuel taxes.", None),
    ("b4", "The Senate rejected the budget proposal on Wednesday. Lawmakers will vote again next week.", None),
]


def test_analyze_many_gives_each_article_the_record_it_gets_alone_and_its_own_error():
    from dateline.errors import DatelineError
    from dateline.ingest.readers import RawArticle
    from dateline.pipeline import analyze_many, analyze_raw
    from dateline.settings import load_settings

    s = load_settings()
    raws = lambda: [RawArticle(id=i, text=t, published="2020-03-02") for i, t, _ in BATCH]  # noqa: E731
    together = analyze_many(raws(), settings=s)
    for (art, _, error), raw, got in zip(BATCH, raws(), together):
        if error:
            assert isinstance(got, DatelineError) and got.code == error and art in got.message
        else:
            assert got.to_dict() == analyze_raw(raw, settings=s).to_dict()


def test_run_many_isolates_a_failing_article_and_retries_a_failing_batched_stage(monkeypatch):
    from dateline.ingest.readers import RawArticle
    from dateline.nlp.build import make_nlp, new_doc, run_many
    from dateline.settings import load_settings

    nlp = make_nlp(load_settings())
    parser = nlp.get_pipe("parse")
    one_by_one = type(parser).pipe
    monkeypatch.setattr(type(parser), "pipe",                               # the batched parse fails
                        lambda self, docs: 1 / 0 if len(docs) > 1 else one_by_one(self, docs))
    events = nlp.get_pipe("events")
    real = type(events).__call__

    def flaky(self, doc):
        if "Atlantis" in doc.text:
            raise ValueError("no such place")
        return real(self, doc)

    monkeypatch.setattr(type(events), "__call__", flaky)
    texts = [BATCH[0][1], "Atlantis declared war on Lemuria on Friday.", BATCH[2][1]]
    docs = [new_doc(nlp, t, input=RawArticle(id=f"r{i}", text=t, published="2020-03-02"), published_from="given")
            for i, t in enumerate(texts)]
    out = run_many(nlp, docs)
    assert isinstance(out[1], ValueError)
    assert [bool(d._.parses) for d in (out[0], out[2])] == [True, True]     # parsed one by one instead
