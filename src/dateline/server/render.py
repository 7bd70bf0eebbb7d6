"""HTML pieces built in Python: the displaCy-style highlighted article text and readable dates.

Everything taken from an article (text, names, values) goes through ``markupsafe.escape``; the
only markup produced here is fixed tags with class names from closed lists, so hostile text stays
text in every element and attribute.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup, escape

from .. import humandate
from ..timeline.queries import cameo_label


def readable_date(value: str | None, mod: str | None = None) -> str:
    """A TimeML value as a person reads it (dateline.humandate), 'undated' for none."""
    return humandate.render(value, mod) or "undated"


# --------------------------------------------------------------------------------------- highlighting
KINDS = ("ent", "timex", "quote", "said", "source", "cue", "trigger", "actor", "target")
ENTITY_KINDS = {"person": "PER", "organization": "ORG", "country": "GPE", "place": "LOC", "other": "MISC"}


@dataclass
class Span:
    start: int
    end: int
    kind: str                 # one of KINDS (a class name: never taken from the text)
    ref: str = ""             # the record's id of what is marked (t1, q2, v3, e1.m0, a1.cue)
    title: str = ""           # shown on hover
    label: str = ""           # a badge after the span (displaCy's entity label)
    sub: str = ""             # entity kind, one of ENTITY_KINDS


def highlight(text: str, spans: list[Span]) -> Markup:
    """The text with every span marked: the text is cut at every span boundary, and each piece is one
    <span> with the classes and hover titles of all the spans that cover it (so overlapping and nested
    spans need no nesting of tags); a span's label follows its last piece."""
    n = len(text)
    spans = [s for s in spans if 0 <= s.start < s.end <= n and s.kind in KINDS]
    cuts = sorted({0, n, *(s.start for s in spans), *(s.end for s in spans)})
    starts: dict[int, list[Span]] = {}
    for s in spans:
        starts.setdefault(s.start, []).append(s)
    active: list[Span] = []
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:]):
        active = [s for s in active if s.end > a] + starts.get(a, [])
        piece = escape(text[a:b])
        if not active:
            out.append(piece)
            continue
        classes = " ".join(sorted({"k-" + s.kind for s in active} |
                                  {"e-" + s.sub for s in active if s.sub in ENTITY_KINDS}))
        refs = " ".join(s.ref for s in active if s.ref)
        title = " · ".join(dict.fromkeys(s.title for s in active if s.title))
        out.append(f'<span class="hl {classes}" data-spans="{escape(refs)}" title="{escape(title)}">{piece}</span>')
        for s in active:
            if s.end == b and s.label:
                out.append(f'<span class="lbl lbl-{s.kind}" data-for="{escape(s.ref)}">{escape(s.label)}</span>')
    return Markup("".join(str(x) for x in out))


def _who(ref: dict | None) -> str:
    if not ref:
        return "–"
    name, code = ref.get("name"), ref.get("code")
    return f"{name} ({code})" if name and code else name or code or "?"


def article_spans(record: dict) -> list[Span]:
    """What the record holds, as spans of its text: entity mentions, time expressions (with their
    value read out), quotations and speakers, attributions (source, cue, what was said), triggers."""
    spans: list[Span] = []
    for e in record.get("entities") or []:
        sub = e.get("kind") if e.get("kind") in ENTITY_KINDS else "other"
        label = e.get("code") or ENTITY_KINDS[sub]
        for i, m in enumerate(e.get("mentions") or []):
            spans.append(Span(m["start"], m["end"], "ent", f"{e['id']}.m{i}",
                              f"{e.get('name')} ({sub}{', ' + e['code'] if e.get('code') else ''})", label, sub))
    for t in record.get("timexes") or []:
        said = readable_date(t.get("value"), t.get("mod"))
        spans.append(Span(t["start"], t["end"], "timex", t["id"], f"{t.get('type')}: {said} ({t.get('value')})",
                          said))
    for q in record.get("quotes") or []:
        spans.append(Span(q["start"], q["end"], "quote", q["id"], f"quoted: {_who(q.get('speaker'))}"
                          + (f", {q['cue']}" if q.get("cue") else "")))
    for a in record.get("attributions") or []:
        src = a.get("source") or {}
        if isinstance(src.get("start"), int) and isinstance(src.get("end"), int):
            spans.append(Span(src["start"], src["end"], "source", f"{a['id']}.source", f"source of {a['id']}",
                              "SOURCE"))
        cue = a.get("cue") or {}
        if isinstance(cue.get("start"), int):
            spans.append(Span(cue["start"], cue["end"], "cue", f"{a['id']}.cue", f"attribution cue ({a.get('attitude')})"))
        content = a.get("content") or {}
        if not a.get("direct") and isinstance(content.get("start"), int):
            spans.append(Span(content["start"], content["end"], "said", f"{a['id']}.content",
                              f"according to {_who(src)}"))
    for v in record.get("events") or []:
        tr = v.get("trigger") or {}
        if not isinstance(tr.get("start"), int):
            continue
        flags = "".join([" (negated)" if v.get("negated") else "", " (hypothetical)" if v.get("hypothetical") else ""])
        spans.append(Span(tr["start"], tr["end"], "trigger", v["id"],
                          f"CAMEO {v.get('cameo')} {cameo_label(v.get('cameo'))}: {_who(v.get('actor'))} → "
                          f"{_who(v.get('target'))}, {readable_date(v.get('date'))}{flags}", f"CAMEO {v.get('cameo')}"))
    return spans


def article_html(record: dict) -> Markup:
    return highlight((record.get("article") or {}).get("text") or "", article_spans(record))


def sentence_html(sentence: str, spans: list[dict]) -> Markup:
    """A report's sentence with its trigger, actor, target and time expression marked."""
    titles = {"trigger": "the event", "actor": "actor", "target": "target", "timex": "the date"}
    return highlight(sentence, [Span(s["start"], s["end"], s["kind"], s["kind"],
                                     titles[s["kind"]] + (f": {readable_date(s['value'])}" if s.get("value") else ""),
                                     s["kind"].upper() if s["kind"] != "trigger" else "")
                                for s in spans if s["kind"] in titles])


def safe_url(url: str | None) -> str | None:
    """A URL that may be a link: http(s) only (never javascript:, data: ...)."""
    if not url or not isinstance(url, str):
        return None
    u = url.strip()
    return u if re.match(r"^https?://[^\s]+$", u, re.IGNORECASE) else None
