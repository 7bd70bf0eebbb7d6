"""The project's word lists (dateline.lang): one list each of months, weekdays, abbreviations
and speech verbs, read from resources/lang/en."""
import pytest

from dateline import lang
from dateline.resources import ResourceError, path


@pytest.mark.parametrize("form,number", [
    ("January", 1), ("Jan.", 1), ("Jan", 1), ("Sept.", 9), ("Sep.", 9), ("Sept", 9), ("May", 5),
    ("December", 12), ("Dec", 12),
])
def test_months(form, number):
    assert lang.months()[form] == number


@pytest.mark.parametrize("form,ambiguous", [
    ("May", True), ("March", True), ("Jan", True), ("January", False), ("Oct.", False),
])
def test_ambiguous_months(form, ambiguous):
    assert (form in lang.ambiguous_months()) is ambiguous


@pytest.mark.parametrize("form,number,full", [
    ("Monday", 1, True), ("Tues.", 2, False), ("Thurs.", 4, False), ("Sunday", 7, True),
])
def test_weekdays(form, number, full):
    assert lang.weekdays()[form] == number
    assert (form in lang.full_weekdays()) is full


def test_every_month_and_weekday_number_is_covered():
    assert set(lang.months().values()) == set(range(1, 13))
    assert sorted(lang.full_weekdays().values()) == list(range(1, 8))


@pytest.mark.parametrize("abbr,use,listed", [
    ("Mr", None, True), ("Mr", "token", True), ("Mr", "glue", True),
    ("Calif", "token", True), ("Calif", "glue", False),
    ("Inc", "token", True), ("etc", None, True), ("etc", "token", False),
    ("Mar", None, True), ("Mar", "token", False), ("Messrs", "glue", False),
])
def test_abbreviations_by_use(abbr, use, listed):
    assert (abbr in lang.abbreviations(use)) is listed


def test_abbreviations_are_unique_and_written_without_their_period():
    forms = lang.abbreviations()
    assert len(forms) == len({f.lower() for f in forms})
    assert not any(f.endswith(".") for f in forms)
    assert set(lang.abbreviations("glue")) <= set(lang.abbreviations("token"))


@pytest.mark.parametrize("word,adverb", [
    ("routinely", True), ("reportedly", True), ("sharply", True), ("wholly", True), ("kindly", True),
    ("half-jokingly", True), ("semi-officially", True),
    ("deadly", False), ("family", False), ("supply", False), ("weekly", False), ("italy", False),
    ("early", False), ("assembly", False), ("u.s.-friendly", False), ("user-friendly", False),
    ("Sharply", False), ("only", False), ("re-ly", False), ("sharply.", False),
])
def test_words_in_ly_read_as_adverbs(word, adverb):
    assert lang.is_ly_adverb(word) is adverb


def test_the_ly_words_list_holds_lower_case_words_in_ly_each_with_what_it_is():
    rows = lang._table("ly_words")
    assert rows and len({r["form"] for r in rows}) == len(rows)
    kinds = {"noun", "verb", "adjective", "adverb", "name"}
    for r in rows:
        assert r["form"].islower() and r["form"].endswith("ly") and len(r["form"]) > 4, r   # (shorter: never read)
        assert r["pos"] and set(r["pos"].split("|")) <= kinds, r


def test_an_unknown_abbreviation_use_is_refused():
    with pytest.raises(ValueError, match="unknown use 'title'"):
        lang.abbreviations("title")
    with pytest.raises(ValueError, match="unknown kind 'honorific'"):
        lang.abbreviations(kind="honorific")


@pytest.mark.parametrize("kind,inside,outside", [
    ("title", ["Mr", "Mme", "Lieut", "Sen", "Gen"], ["Jr", "St", "Calif", "Inc"]),
    ("suffix", ["Jr", "Sr"], ["Mr"]),
    ("place", ["St", "Mt", "Ft"], ["Sen"]),
    ("state", ["Calif", "Wash", "Kans"], ["Gen"]),
    ("month", ["Sept", "Jan"], ["Mon"]),
])
def test_abbreviations_by_kind(kind, inside, outside):
    forms = lang.abbreviations(kind=kind)
    assert set(inside) <= set(forms) and not set(outside) & set(forms)


@pytest.mark.parametrize("lemma,forms,expected", [
    ("say", "+|said", ["say", "says", "sayed", "saying", "said"]),
    ("tell", "+|told", ["tell", "tells", "telled", "telling", "told"]),
    ("point out", "+", ["point", "points", "pointed", "pointing"]),
    ("read", "read|reads|reading", ["read", "reads", "reading"]),
])
def test_verb_forms(lemma, forms, expected):
    assert lang.verb_forms(lemma, forms) == expected


@pytest.mark.parametrize("lemma,expected", [
    ("deny", {"base": "deny", "s": "denies", "past": "denied", "ing": "denying"}),
    ("stress", {"base": "stress", "s": "stresses", "past": "stressed", "ing": "stressing"}),
    ("tie", {"base": "tie", "s": "ties", "past": "tied", "ing": "tying"}),
])
def test_inflect(lemma, expected):
    assert lang.inflect(lemma) == expected


@pytest.mark.parametrize("form,speaks", [
    ("said", True), ("tells", True), ("told", True), ("wrote", True),
    ("believes", False),     # a thought verb, not speech
    ("point", False),        # only part of a multi-word cue ("point out")
    ("according", False),    # "according to" is a prepositional cue
])
def test_speech_verb_forms(form, speaks):
    assert (form in lang.speech_verb_forms()) is speaks


def test_speech_verbs_rows_name_their_class():
    rows = lang.speech_verbs()
    assert {r["class"] for r in rows} <= {"speech", "writing", "thought", "intent", "evidence", "report"}
    assert any(r["lemma"] == "say" and r["class"] == "speech" for r in rows)


def test_each_list_names_its_provenance():
    for name in ("months", "weekdays", "abbreviations", "speech_verbs"):
        lines = path("lang", "en", f"{name}.tsv").read_text(encoding="utf-8").splitlines()
        header = [line for line in lines if line.startswith("#")]
        assert any("Source" in line for line in header), name


@pytest.mark.parametrize("table,rows,call,message", [
    ("months", ({"form": "Smarch", "month": "13", "ambiguous": "no"},), lang.months,
     "month of 'Smarch' is '13', not a number from 1 to 12"),
    ("weekdays", ({"form": "Funday", "weekday": "x"},), lang.weekdays,
     "weekday of 'Funday' is 'x', not a number from 1 to 7"),
    ("months", ({"form": "May", "month": "5", "ambiguous": "maybe"},), lang.ambiguous_months,
     "ambiguous of 'May' is 'maybe', not yes or no"),
    ("speech_verbs", ({"lemma": "say", "forms": "+", "attitude": "neutral", "frames": "that", "class": ""},),
     lang.speech_verbs, "a row without lemma or class"),
])
def test_a_malformed_row_is_a_clear_error(monkeypatch, table, rows, call, message):
    monkeypatch.setattr(lang, "_table", lambda name: rows if name == table else ())
    call.cache_clear()
    try:
        with pytest.raises(ResourceError, match=message):
            call()
    finally:
        call.cache_clear()


@pytest.mark.parametrize("use,inside,outside", [
    ("clause_open", ["said", "told", "confirms", "alleged"], ["warned", "tweeted"]),
    ("clause_end", ["said", "tells"], ["reported", "added"]),
    ("time_report", ["said", "announced", "added"], ["insisted"]),
    ("name_cue", ["according", "tweeted", "replied", "wrote"], ["denied", "urged"]),
])
def test_speech_verbs_for_a_use_are_the_forms_of_the_rows_naming_it(use, inside, outside):
    forms = lang.speech_verbs_for(use)
    assert all(w in forms for w in inside), [w for w in inside if w not in forms]
    assert not any(w in forms for w in outside)
    assert forms <= lang.speech_verb_forms(tuple({r["class"] for r in lang.speech_verbs()})) | {"according"}


def test_an_unknown_speech_verb_use_is_an_error():
    with pytest.raises(ValueError, match="unknown use"):
        lang.speech_verbs_for("opens_doors")


@pytest.mark.parametrize("group,inside,outside", [
    ("subject", ["nsubj", "csubj"], ["nsubj:pass", "obj"]),
    ("passive_subject", ["nsubj:pass", "nsubjpass"], ["nsubj"]),
    ("object", ["obj", "dobj", "iobj"], ["obl", "nsubj"]),
    ("possessive", ["nmod:poss", "poss"], ["nmod"]),
    ("clause", ["advcl", "ccomp", "acl:relcl", "relcl"], ["conj", "obj"]),
    ("agentive_subject", ["nsubj", "agent"], ["obj"]),
])
def test_dependency_label_groups_name_both_schemes(group, inside, outside):
    labels = lang.dep_labels(group)
    assert set(inside) <= labels and not set(outside) & labels


def test_every_dependency_label_group_is_readable_and_an_unknown_one_is_an_error():
    groups = [r["group"] for r in lang._table("dependency_labels")]
    assert len(groups) == len(set(groups)) and all(lang.dep_labels(g) for g in groups)
    with pytest.raises(ResourceError, match="no group"):
        lang.dep_labels("subjunctive")
