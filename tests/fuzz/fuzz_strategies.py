"""Hypothesis strategies for hostile text: random unicode, control characters, NULs, bidi marks,
quote runs, abbreviation runs, huge numbers and news-like fragments (our own words), mixed and
mutated. Shared by the fast property tests (test_fuzz.py) and the long run (fuzz_run.py)."""
from __future__ import annotations

from hypothesis import strategies as st

# news-like fragments written for the fuzzer (not corpus text)
FRAGMENTS = [
    "North Korea fired two missiles on Monday", "South Korea's military said", "officials said",
    "Mr. Kim", "U.S. President", "on Oct. 31, 2019", "its 12th launch since May", "the talks",
    '"This is a provocation," he said.', "according to the ministry", "SEOUL, Nov. 15 (Wire) —",
    "last week", "two days later", "the 1990s", "at 9:06 a.m.", "Japan protested", "did not fire",
    "could launch", "1 2 3", "Dr.", "St.", "No.", "etc.", "e.g.", "Inc.", "the UN Security Council",
]
SPECIAL = ["\x00", "\x01", "\x1b", "\x7f", "\u200b", "\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\ufeff",
           "\ufffd", "\r", "\t", "\n\n", "\u2028", "\u00a0", "'", "\u2018", "\u2019", "\u201c", "\u201d", '"',
           "\u00ab", "\u00bb", "—", "–", "-", ".", "…", "(", ")", "[", "]", "<", ">", "&", "&amp;", "&lt;script&gt;",
           "<script>", "%", "_", "\\", "=", "+", "@", "\U0001f600", "\u0301", "ǅ", "İ", "ß", "\u0645\u0631\u062d\u0628\u0627",
           "\u4e2d\u6587", "\ud7ff"]
ABBREVIATIONS = ["Mr.", "Mrs.", "Dr.", "U.S.", "U.N.", "Gen.", "Lt.", "Oct.", "No.", "St.", "a.m.", "p.m.", "e.g."]
# clause-level words whose runs drive look-backs and chains in the grammar (speakers of speakers,
# fronted adverbials, relative clauses, coordination, apposition, nested of-phrases, negation)
CLAUSES = ["they said", "he said that", "regardless,", "who said", "and", "that", "of the", "the ministry of",
           "North Korea and", "not", "would have", "a spokesman for", "according to", "said X", "X, Y,", "in"]
QUOTES = ["'", '"', "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", '"a', 'said "', '," he said, "']


@st.composite
def runs(draw, atoms: list[str], max_count: int = 400) -> str:
    atom = draw(st.sampled_from(atoms))
    sep = draw(st.sampled_from(["", " ", "\n", ", "]))
    return sep.join([atom] * draw(st.integers(1, max_count)))


huge_numbers = st.one_of(
    st.integers(0, 10 ** 60).map(str),
    st.integers(1, 6000).map(lambda n: "1" * n),
    st.integers(1, 400).map(lambda n: "9" * n + "th"),
    st.integers(1, 400).map(lambda n: "-" + "0" * n + ".5"),
    st.from_regex(r"\d{1,4}[-/.]\d{1,4}[-/.]\d{1,6}", fullmatch=True),
)

pieces = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.sampled_from(SPECIAL),
    st.text(min_size=0, max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=20),
    runs(ABBREVIATIONS),
    runs(QUOTES),
    runs(CLAUSES),
    runs(FRAGMENTS, max_count=30),
    huge_numbers,
)


@st.composite
def hostile_text(draw, max_pieces: int = 30) -> str:
    """A text of fragments, special characters, runs and numbers, joined by spaces or nothing."""
    parts = draw(st.lists(pieces, min_size=1, max_size=max_pieces))
    joiner = draw(st.sampled_from([" ", "", "\n", ". "]))
    return joiner.join(parts)


@st.composite
def mutated(draw, base: str) -> str:
    """``base`` with a few pieces inserted, characters deleted or a slice repeated."""
    text = base
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["insert", "delete", "repeat"]))
        i = draw(st.integers(0, len(text)))
        if op == "insert":
            text = text[:i] + draw(pieces) + text[i:]
        elif op == "delete":
            text = text[:i] + text[i + draw(st.integers(0, 50)):]
        else:
            j = min(len(text), i + draw(st.integers(1, 40)))
            text = text[:i] + text[i:j] * draw(st.integers(2, 50)) + text[j:]
    return text


def hostile_bytes() -> st.SearchStrategy[bytes]:
    """Bytes a reader may meet: encoded hostile text (several codecs), raw bytes, HTML, feeds, JSONL."""
    enc = st.tuples(hostile_text(), st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1", "shift_jis"])).map(
        lambda t: t[0].encode(t[1], errors="replace"))
    html = hostile_text().map(lambda t: f"<html><head><title>{t[:80]}</title></head><body><p>{t}</p></body></html>"
                              .encode("utf-8", "replace"))
    feed = hostile_text().map(lambda t: (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{t[:30]}</title>'
                                         f"<item><title>x</title><description>{t}</description></item></channel></rss>")
                              .encode("utf-8", "replace"))
    jsonl = st.lists(hostile_text(max_pieces=6), min_size=1, max_size=4).map(
        lambda ts: "\n".join('{"id": %d, "text": %s}' % (i, _json(t)) for i, t in enumerate(ts)).encode())
    return st.one_of(enc, st.binary(max_size=2000), html, feed, jsonl)


def _json(t: str) -> str:
    import json
    return json.dumps(t)
