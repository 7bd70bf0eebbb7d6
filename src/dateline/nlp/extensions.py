"""The layers that dateline's components write on the one spaCy ``Doc`` of an article.

Every component reads the layers of the components before it and writes its own (see
``dateline.components``); ``Record.from_doc`` is the only step from the Doc to the article record.
Two kinds of layer:

* ``doc._.<name>`` extension attributes holding the typed results (``dateline.record`` classes),
  with exact character offsets;
* span groups ``doc.spans[<group>]`` over the same results, so that the layers can be read with
  spaCy's own tools (``displacy``, ``Span`` arithmetic); a result whose edges fall inside a token is
  widened to the token there.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

# name -> what it holds (the component that writes it is named in dateline.components)
DOC_LAYERS: dict[str, str] = {
    "text": "the article text, kept once (spaCy rebuilds doc.text from the tokens on every access)",
    "input": "the RawArticle as read (text, given title/outlet/authors/published, url)",
    "today": "the date relative dates of the metadata are read against (None: the machine's)",
    "published_from": "how the given publication date was found (given, metadata)",
    "meta": "the article's metadata (article.Meta: title, dateline, bylines, publication date and evidence)",
    "dct": "the publication date as a datetime.date (the document creation time), or None",
    "sentences": "the one sentence segmentation: (start, end) character offsets",
    "timexes": "time expressions (record.Timex), normalised against dct",
    "triggers": "event-dictionary matches per sentence (events.find_triggers)",
    "parses": "sentence index -> the parsed Span of that sentence ({} in the rules-only profile)",
    "entities": "entities and their mentions (entities.Entities: .entities, .mentions)",
    "quotes": "quotations (record.Quote)",
    "attributions": "attributions: source, cue and content (record.Attribution)",
    "events": "coded events (record.Event)",
    "warnings": "warnings about the input for the record",
}

# span group -> what its spans are (label: the span's kind/type/code)
SPAN_GROUPS: dict[str, str] = {
    "sentence": "the sentence segmentation",
    "timex": "time expressions (label: TIMEX3 type)",
    "mention": "entity mentions (label: person, organization, place, state...)",
    "quote": "quotations",
    "cue": "attribution cues (label: the cue's lemma when known)",
    "trigger": "event triggers (label: CAMEO code)",
}


def register() -> None:
    """Declare the Doc extensions (idempotent: spaCy keeps them per process)."""
    from spacy.tokens import Doc

    for name in DOC_LAYERS:
        if Doc.get_extension(name) != (None, None, None, None):     # kept in user_data, as Layers reads it
            Doc.set_extension(name, default=None, force=True)


# where spaCy keeps the value of a Doc extension with no getter, setter or method: doc.user_data[key]
_KEYS: dict[str, tuple[str, str, None, None]] = {name: ("._.", name, None, None) for name in DOC_LAYERS}


class Layers:
    """``doc._`` for the layers of DOC_LAYERS, read and written where spaCy's own accessor keeps them
    (``doc.user_data``), without the accessor object spaCy makes on every ``doc._`` and its lookups
    (about 3 us a read; the components read and write their layers some fifty times an article)."""
    __slots__ = ("_data",)

    def __init__(self, doc: "Doc"):
        object.__setattr__(self, "_data", doc.user_data)

    def __getattr__(self, name: str):
        return self._data.get(_key(name))       # every layer's default is None

    def __setattr__(self, name: str, value) -> None:
        self._data[_key(name)] = value


def _key(name: str) -> tuple[str, str, None, None]:
    """The user_data key of the layer ``name``; AttributeError for a name that is no layer."""
    key = _KEYS.get(name)
    if key is None:
        raise AttributeError(f"no Doc layer named '{name}'")
    return key


def layers(doc: "Doc") -> Layers:
    """The Doc's layers (``layers(doc).events`` is ``doc._.events``)."""
    return Layers(doc)


def text_of(doc: "Doc") -> str:
    """The Doc's text: the ``text`` layer that ``new_doc`` set, else ``doc.text``."""
    t = doc.user_data.get(_KEYS["text"])
    return t if t is not None else doc.text


def write_group(doc: "Doc", group: str, spans: Iterable[tuple[int, int, str]]) -> list:
    """Set ``doc.spans[group]`` from (start_char, end_char, label) triples; a span that covers no
    token (whitespace only, an empty range) is left out. Each span is ``doc.char_span(s, e,
    alignment_mode="expand")``, its tokens found by bisection over the Doc's token offsets, read once
    per Doc from its arrays (no Token objects made). Returns the spans set (a list)."""
    from bisect import bisect_right

    from spacy.tokens import Span

    starts, reach, ends = _token_edges(doc)
    out = []
    ids: dict[str, int] = {}                 # label -> its id: a Span given a label string looks it up each time
    add = doc.vocab.strings.add
    for s, e, label in spans:
        if e <= s:
            continue
        i = bisect_right(starts, s) - 1                 # the token whose extent (with its space) holds s
        j = bisect_right(starts, e - 1) - 1             # the one that holds the span's last character
        if i < 0 or s >= reach[i] or j < 0 or e - 1 >= reach[j]:
            continue                                    # (char_span: None)
        if s == ends[i]:
            i += 1                                      # s in the space after a token: not that token
        if j + 1 > i:
            lab = ids.get(label)
            if lab is None:
                lab = ids[label] = add(label or "")
            out.append(Span(doc, i, j + 1, label=lab))
    doc.spans[group] = out
    return out


def token_array(doc: "Doc"):
    """The Doc's tokens as one int64 array, a row per token: character offset, length, whether a
    space follows, whether the token is whitespace (spaCy's IDX, LENGTH, SPACY, IS_SPACE). Read from
    the Doc once (its tokens never change once made; kept in ``user_data`` with their number) and
    shared by the word table, the sentence segmentation and the span groups. Never to be changed."""
    kept = doc.user_data.get(_ARRAY_KEY)
    if kept is not None and kept[0] == len(doc):
        return kept[1]
    import numpy
    from spacy.attrs import IDX, IS_SPACE, LENGTH, SPACY

    arr = (doc.to_array([IDX, LENGTH, SPACY, IS_SPACE]).astype("int64") if len(doc)
           else numpy.zeros((0, 4), dtype="int64"))
    doc.user_data[_ARRAY_KEY] = (len(doc), arr)
    return arr


def _token_edges(doc: "Doc") -> tuple[list[int], list[int], list[int]]:
    """The Doc's token starts, the ends of their extents with the space after them, and their ends
    (character offsets), as spaCy's own ``token_by_char`` reads them: made once per Doc from
    ``token_array`` (kept in ``user_data`` with the tokens' number)."""
    kept = doc.user_data.get(_EDGES_KEY)
    if kept is not None and kept[0] == len(doc):
        return kept[1]
    arr = token_array(doc)
    ends = arr[:, 0] + arr[:, 1]
    edges = (arr[:, 0].tolist(), (ends + arr[:, 2]).tolist(), ends.tolist())
    doc.user_data[_EDGES_KEY] = (len(doc), edges)
    return edges


_EDGES_KEY = "dateline.token_edges"
_ARRAY_KEY = "dateline.token_array"
