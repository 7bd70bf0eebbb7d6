"""Closed word classes, token patterns and pseudo-cues of the attribution stage."""
from __future__ import annotations

import json
import re

from dateline.extract.attribution_lexicon import Cue
from dateline.resources import path


_ABBR = (r"(?:Mr|Mrs|Ms|Dr|Sen|Sens|Rep|Reps|Gov|Govs|Gen|Lt|Col|Sgt|Capt|Cmdr|Adm|Maj|Prof|Rev|"
         r"Hon|St|Jr|Sr|Ft|Mt|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec|Ala|Ariz|Ark|Calif|Colo|Conn|Del|"
         r"Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|Okla|Ore|Pa|Tenn|Tex|"
         r"Va|Vt|Wash|Wis|Wyo|No|vs|Inc|Corp|Co|Ltd|Bros)\.")
_TOKEN = re.compile(rf"``|''|[“”\"«»„]|{_ABBR}|(?:[A-Za-z]\.){{2,}}|[A-Z]\.(?=\s+[A-Z])"
                    r"|\w+(?:(?:[-'’.&/]|(?<=\d):(?=\d))\w+)*(?:(?<=s)['’](?=\s))?|\.\.\.|…|--|[—–]|\S")
_QMARKS = {"``", "''", "“", "”", '"', "«", "»", "„"}
_SMARKS = {"‘", "’", "'"}   # single marks: quotation marks only in headline quote groups

# --- closed word classes (grammar, not lexicon): resources/attribution/word_classes.json -----
def _word_classes() -> dict[str, list[str]]:
    data = json.loads(path("attribution", "word_classes.json").read_text(encoding="utf-8"))
    return {k: v["words"] for k, v in data.items() if not k.startswith("_")}


_WORDS = _word_classes()
_DET = set(_WORDS["det"])
_POSS = set(_WORDS["poss"])
_AUX = set(_WORDS["aux"])
_BE = set(_WORDS["be"])
_ADV = set(_WORDS["adv"])
_TIME = set(_WORDS["time"])
_MONTHS = set(_WORDS["months"])
_CLAUSE = set(_WORDS["clause"])
_PREP_IN_NP = set(_WORDS["prep_in_np"])
_PREP = set(_WORDS["prep"])
_PLURAL_BARE = set(_WORDS["plural_bare"])
_DASHES = set(_WORDS["dashes"])
_SUBJ_PRON = set(_WORDS["subj_pron"])
_OBJ_PRON = set(_WORDS["obj_pron"])
_APPOS_START = set(_WORDS["appos_start"])
_PART_BEFORE = set(_WORDS["part_before"])
_ADJUNCT_START = set(_WORDS["adjunct_start"]) | _MONTHS
_STOP_MID = set(_WORDS["stop_mid"])
_NOT_LY = set(_WORDS["not_ly"])
_END_PUNCT = set(".!?;:,")


def _is_word(t: str) -> bool:
    return t[:1].isalnum()


def _is_ly(w: str) -> bool:
    return len(w) > 4 and w.endswith("ly") and w not in _NOT_LY


_CLITIC = re.compile(r"(he|she|it|they|we|i|you|who)['’](?:s|d|ve|re|ll)")
_ABBR_END = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|St|Jr|Sr)\.|"
                       r"\b[A-Z]\.)$")
_CONNECTIVE = {"however", "meanwhile", "though", "moreover", "furthermore", "nonetheless",
               "nevertheless", "instead", "too", "in", "turn", "for", "his", "her", "their", "its",
               "part", "indeed", "therefore", "thus", "of", "course", "apparently"}
_ADJ_PREP = {"in", "on", "at", "during", "after", "before", "while", "speaking", "according",
             "asked", "when", "like", "unlike", "despite", "as", "from", "for", "with", "without",
             "through", "over", "under", "via", "at", "upon"}
_CLAUSE_STOP = {"that", "who", "which", "and", "but", ";", ":", ".", "?", "!"}
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_NAMING = {"titled", "entitled", "dubbed", "nicknamed", "billed", "named", "called", "as",
           "slogan", "motto", "headline", "headlined", "by"}
_SHORT_Q_BAD_PREV = {"and", "or", "on", "for", "with", "from", "about", "an", "in", "at", "into"}
_TITLE_SMALL = {"of", "the", "and", "a", "an", "for", "in", "on", "to", "with", "at", "or", "&"}
_IRREGULAR_PAST = {"spoke", "stood", "took", "gave", "made", "put", "thought", "brought", "sent",
                   "held", "kept", "left", "met", "ran", "saw", "set", "went", "won", "chose",
                   "drew", "fought", "led", "sought", "struck", "threw", "wore", "broke", "got",
                   "came", "began", "became", "felt", "found", "heard", "knew", "meant", "paid",
                   "rose", "sang", "shook", "swore", "taught", "understood", "hit", "cut", "let",
                   "laid", "lent", "lost", "sold", "spent", "stuck", "tore", "wrote", "told"}
_NOT_VERB_ED = {"need", "speed", "seed", "feed", "bred", "shed", "red", "bed", "wed", "indeed",
                "united", "limited", "related", "detailed", "advanced", "based", "concerned",
                "interested", "supposed", "used", "so-called", "alleged", "armed", "talented"}
_COORD = {"and", "but", "while", "although", "though", "whereas", "yet", "as"}
_COORD_STRONG = {"but", "although", "though", "whereas", "while"}
_ADJ_OK = {"about", "by", "over", "during", "through", "to", "after", "before", "like", "amid",
           "into", "against", "between", "under", "upon", "without", "within", "toward",
           "towards", "despite"}
_DAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_TIME_RE = re.compile(
    rf"(?:(?:on|late|early) )?{_DAY}(?: (?:morning|afternoon|evening|night))?\b"
    r"|(?:(?:earlier|later) )?(?:last|this|next) (?:week|month|year|weekend|spring|summer|fall|autumn|winter|morning|night)\b"
    r"|(?:yesterday|today|tonight|earlier|later|recently|previously)\b(?: (?:this|last) (?:week|month|year))?")
_SUBORD_PREP = {"as", "than", "after", "before", "since", "until", "like", "following"}
_SUBORD = {"when", "while", "as", "after", "before", "because", "since", "although", "though",
           "twice", "once", "again", "later", "afterward", "afterwards", "referring", "adding"}
_WH = {"whether", "if", "what", "why", "how", "who", "when", "where", "which"}
_LEAD_DROP = {"the", "a", "an", "this", "that", "these", "those", "but", "and", "so", "then"}
_RELATIVE_OPENERS = {"who", "whom", "whose", "which", "that"}
_COLON_CUE = Cue(":", "neutral", frozenset({"that"}), "speech")
_VERB_CUE = Cue("verb", "neutral", frozenset({"obj"}), "speech")
_QUOTE_CUE = Cue('"', "neutral", frozenset({"that"}), "speech")
UNCUED_MIN_WORDS = 2
