"""Vocabulary for the time-expression tagger, loaded once from ``dateline/resources/time/*.json``
and the project's lists of months, weekdays and abbreviations (:mod:`dateline.lang`).

Everything language-specific (month and weekday names, number words, units, seasons, parts of
day, modifiers, vague references, holidays, frequency words, tense cues, time zones, the
abbreviations of the tagger's own sentence splitter) lives in
those data files; this module turns them into lookup tables and regular-expression alternations.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from dateline import lang
from dateline.extract.regex_literals import lazy_rx

SPACE_RUN = re.compile(r"\s+")           # a run of whitespace (made one space): the one pattern of the timex modules
# expressions the handlers try, compiled at their first use (regex_literals.lazy_rx)
_HALF_AT = r"^(.*?)(?:\s*(?:1/2|½)|\s+and\s+a\s+half)$"
_NUMERAL = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
_DAY_ORDINAL = r"(\d{1,2})(?:st|nd|rd|th)?"

RESOURCE_FILES = ("weekday_name_followers", "numbers", "units", "seasons", "parts_of_day", "modifiers",
                  "refs", "frequencies", "tense_cues", "holidays", "timezones", "conventions", "rule_words",
                  "patterns")


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    """The parsed JSON data file ``resources/time/<name>.json``."""
    ref = resources.files("dateline").joinpath("resources", "time", f"{name}.json")
    return json.loads(ref.read_text(encoding="utf-8"))


def alt(words, *, escape: bool = True) -> str:
    """A regex alternation of ``words`` in which spaces match any whitespace run.

    Literal words (``escape=True``) are compiled as a prefix tree ("t(?:en|wo|hree)"), which
    Python's backtracking engine rejects at the first character instead of trying each word in
    turn; a word that is a prefix of another is tried after the longer one (longest first, as a
    plain longest-first alternation would)."""
    items = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    if not escape:
        parts = [w.replace(r"\ ", r"\s+").replace(" ", r"\s+") for w in items]
        return "(?:" + "|".join(parts) + ")"
    trie: dict = {}
    for w in items:
        node = trie
        for ch in SPACE_RUN.sub(" ", w):
            node = node.setdefault(ch, {})
        node[""] = {}
    return "(?:" + _trie_regex(trie) + ")"


def _depth(node: dict) -> int:
    return max((1 + _depth(v) if k else 0 for k, v in node.items()), default=0)


def _trie_regex(node: dict) -> str:
    """The alternation of the suffixes below ``node`` (longest first; "" when only the end)."""
    kids = sorted(((k, v) for k, v in node.items() if k), key=lambda kv: (-_depth(kv[1]), kv[0]))
    branches = []
    for ch, sub in kids:
        lit = r"\s+" if ch == " " else re.escape(ch)
        while len(sub) == 1 and "" not in sub:      # a chain of single children: one literal run
            (ch, sub), = sub.items()
            lit += r"\s+" if ch == " " else re.escape(ch)
        rest = _trie_regex(sub)
        if rest:
            lit += "(?:" + rest + ")" + ("?" if "" in sub else "")
        branches.append(lit)
    return "|".join(branches)


def _case_forms(word: str) -> set[str]:
    return {word, word.upper()}


class Lexicon:
    """Lookup tables built from the data files (one shared instance: :data:`LEX`)."""

    def __init__(self) -> None:
        self.used: set[str] = set()  # which data files were consulted (for tests)
        self._calendar()
        self._numbers()
        self._units_seasons_parts()
        self._conventions_refs()
        self._frequencies_tense()
        self._holidays_zones()
        self._rule_words = self._load("rule_words")
        self.patterns = self._load("patterns")
        self._regexes()

    def _calendar(self) -> None:
        """Months and weekdays (the project's lists, :mod:`dateline.lang`), in every case form."""
        self.months: dict[str, int] = {}
        for k, v in lang.months().items():
            for f in _case_forms(k):
                self.months[f] = v
        self.month_ambiguous = {a for k in lang.ambiguous_months() for a in _case_forms(k)}
        self.weekdays: dict[str, int] = {}
        self.weekday_full: dict[str, int] = {}
        for k, v in lang.weekdays().items():
            for f in _case_forms(k):
                self.weekdays[f] = v
                if not k.endswith("."):
                    self.weekday_full[f] = v
        self.weekday_name_followers = self._load("weekday_name_followers")["name_followers"]
        self.sentence_abbreviations = frozenset(w.lower() for w in lang.abbreviations())

    def _numbers(self) -> None:
        nu = self._load("numbers")
        self.numwords: dict[str, float] = {}
        for k, v in nu["units"].items():
            self.numwords[k] = v
        for k, v in nu["tens"].items():
            self.numwords[k] = v
            for uk, uv in nu["units"].items():
                if 1 <= uv <= 9:
                    self.numwords[f"{k}-{uk}"] = v + uv
                    self.numwords[f"{k} {uk}"] = v + uv
        for sk, sv in nu["scales"].items():
            for pre, pv in nu["scale_multipliers"].items():
                self.numwords[f"{pre} {sk}"] = pv * sv
        self.articles = {k: v for k, v in nu["articles"].items()}
        self.vague = list(nu["vague"])
        self.ordinals: dict[str, int] = dict(nu["ordinal_units"])
        for k, v in nu["ordinal_tens"].items():
            self.ordinals[k] = v
            tens = k[:-4] + "y"  # twentieth -> twenty
            for uk, uv in nu["ordinal_units"].items():
                if uv <= 9:
                    self.ordinals[f"{tens}-{uk}"] = v + uv
                    self.ordinals[f"{tens} {uk}"] = v + uv
        self.decade_words = nu["decade_words"]

    def _units_seasons_parts(self) -> None:
        un = self._load("units")
        self.units = un["units"]
        self.unit_forms: dict[str, str] = {k: k for k in self.units}
        self.unit_forms.update(un["plurals"])
        self.unit_qualifiers = un["qualifiers"]
        se = self._load("seasons")
        self.seasons = se["seasons"]
        self.season_months = se["months"]
        self.season_ambiguous = set(se["ambiguous"])
        pd = self._load("parts_of_day")
        self.parts = pd["parts"]
        self.clock_words = pd["clock"]
        self.day_words = pd["day_words"]
        md = self._load("modifiers")
        self.point_mods = md["point"]
        self.approx_mods = md["approx"]
        self.approx_suffix = md["approx_suffix"]

    def _conventions_refs(self) -> None:
        cv = self._load("conventions")
        self.conventions = cv
        untagged_refs = {p.lower() for p in cv["untagged_refs"]["phrases"]}
        self.short_later_units = set(cv["short_unit_later_earlier"]["units"])
        self.freq_untagged_after_amount = set(cv["frequency_untagged"]["after_amount"])
        self.freq_untagged_prenominal = set(cv["frequency_untagged"]["prenominal"])
        self.generic_today_nouns = set(cv["generic_today"]["nouns"])
        self.soon_past_untagged = cv["soon_in_past_narrative"]["choice"] == "untagged"
        rf = self._load("refs")
        self.refs: dict[str, str] = {}          # span phrase -> kind (no left context)
        self.refs_ctx: dict[str, list[tuple[str, str]]] = {}  # span phrase -> (required left context, kind)
        for kind in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
            for p in rf[kind]:
                if p.lower() in untagged_refs:
                    continue
                left, _, span = p.lower().rpartition("|")
                if left:
                    self.refs_ctx.setdefault(span, []).append((left.strip(), kind))
                else:
                    self.refs[span] = kind
        self.ref_adjectives = {k: v for k, v in rf["adjectives"].items()
                               if v and k not in cv["untagged_ref_adjectives"]["words"]}
        self.vague_ago = rf["vague_ago"]

    def _frequencies_tense(self) -> None:
        fr = self._load("frequencies")
        self.freq_adverbs = {k: v for k, v in fr["adverbs"].items() if v}
        self.set_quantifiers = fr["quantifiers"]
        self.rate_heads = fr["rate_heads"]
        self.amount_words = fr["amount_words"]
        tc = self._load("tense_cues")
        self.future_cues = {w.lower() for w in tc["future"]}
        self.past_cues = {w.lower() for w in tc["past"]}
        self.ed_exceptions = {w.lower() for w in tc["ed_exceptions"]}
        self.present_cues = {w.lower() for w in tc["present"]}
        self.clause_complementizers = {w.lower() for w in tc["complementizers"]}

    def _holidays_zones(self) -> None:
        ho = self._load("holidays")
        self.hol_fixed = {k: v for k, v in ho["fixed"].items() if v}
        self.hol_nth = ho["nth_weekday"]
        self.hol_easter = ho["easter"]
        self.hol_election = ho["election_day"]
        self.holidays = set(self.hol_fixed) | set(self.hol_nth) | set(self.hol_easter) | set(self.hol_election)
        tz = self._load("timezones")
        self.zones = tz["zones"]

    def _regexes(self) -> None:
        """Regex alternations of the lists."""
        self.re_month = alt(self.months)
        self.re_weekday = alt(self.weekday_full)
        self.re_weekday_any = alt(self.weekdays)
        self.re_numword = alt(list(self.numwords) + list(self.articles))
        self.re_vague = alt(self.vague)
        self.re_ordinal = alt(self.ordinals)
        self.re_unit = alt(self.unit_forms)
        self.re_qual = alt(self.unit_qualifiers)
        self.re_season = alt(self.seasons)
        self.re_part = alt(self.parts)
        self.re_clock = alt(self.clock_words)
        self.re_zone = alt(self.zones)
        self.re_holiday = alt(self.holidays)
        self.re_decade_word = alt(self.decade_words)
        self.re_point_mod = alt(self.point_mods)
        self.re_approx = alt(self.approx_mods)
        self.re_approx_suffix = alt(self.approx_suffix)
        self.re_freq = alt(self.freq_adverbs)
        self.re_rate_head = alt(self.rate_heads)
        self.re_amount = alt(self.amount_words)
        self.re_refs = alt(list(self.refs) + list(self.refs_ctx))
        self.re_name_follow = alt(self.weekday_name_followers)

    def _load(self, name: str) -> dict:
        self.used.add(name)
        return load(name)

    # --- lookups -------------------------------------------------------------------------
    def rule_word_list(self, key: str) -> list[str]:
        """A list of context words of the rules (``resources/time/rule_words.json``), in order."""
        return list(self._rule_words[key]["words"])

    def rule_words(self, key: str) -> frozenset[str]:
        return frozenset(self._rule_words[key]["words"])

    def rule_values(self, key: str) -> dict:
        """A table of context words of the rules and their values (offsets, numbers)."""
        return dict(self._rule_words[key]["values"])

    def month(self, s: str) -> int | None:
        s = SPACE_RUN.sub(" ", s.strip())
        if s in self.months:
            return self.months[s]
        t = s[:1].upper() + s[1:].lower()
        return self.months.get(t) or self.months.get(t.rstrip(".")) or self.months.get(t + ".")

    def weekday(self, s: str) -> int | None:
        s = s.strip()
        t = s[:1].upper() + s[1:].lower()
        return self.weekdays.get(s) or self.weekdays.get(t) or self.weekdays.get(t.rstrip("s"))

    def unit(self, s: str) -> str | None:
        """Canonical unit name ("day", "week", ...) of a unit word (singular or plural)."""
        return self.unit_forms.get(s.lower().replace("-", ""), self.unit_forms.get(s.lower()))

    def number(self, s: str):
        """Value of a number expression ("twenty-one", "2 1/2", "a couple of", "1,500"); None if vague."""
        s = SPACE_RUN.sub(" ", s.strip().lower())
        if not s:
            return None
        frac = 0.0
        m = lazy_rx(_HALF_AT).match(s)
        if m and m.group(1):
            s, frac = m.group(1).strip(), 0.5
        if lazy_rx(_NUMERAL).fullmatch(s):
            v = float(s.replace(",", ""))
            v += frac
            return int(v) if v.is_integer() else v
        if s in self.numwords:
            v = self.numwords[s] + frac
        elif s in self.articles:
            v = self.articles[s] + frac
        else:
            return None
        return int(v) if float(v).is_integer() else v

    def ordinal(self, s: str) -> int | None:
        s = SPACE_RUN.sub(" ", s.strip().lower())
        m = lazy_rx(_DAY_ORDINAL).fullmatch(s)
        if m:
            return int(m.group(1))
        return self.ordinals.get(s)


LEX = Lexicon()
