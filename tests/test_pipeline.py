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
