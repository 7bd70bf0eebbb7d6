"""Argument frames (resources/cameo/frames.tsv, extract.frames): the token each role's frames reach in
the shipped model's parse of hand-built sentences, and which frame decides."""
import pytest

from dateline.extract import frames as fr
from dateline.nlp import load_pipeline, parse


@pytest.fixture(scope="module")
def nlp():
    model = load_pipeline("default")
    if model is None:
        pytest.skip("no shipped model")
    return model


def _tok(nlp, text, word):
    span = parse(nlp, text, [(0, len(text))])[0]
    return next(t for t in span if t.text == word)


def _first(tok, pos, voice, role, preps=frozenset(), code="12"):
    for f in fr.frames_for(pos, voice, role, code):
        reached = fr.walk(f, tok, preps)
        if reached is not None:
            return f.id, reached.text
    return None, None


@pytest.mark.parametrize("text,trigger,pos,voice,role,preps,frame,reached", [
    ("Peru condemned Chile on Monday.", "condemned", "verb", "active", "actor", (), "v.subj", "Peru"),
    ("Peru condemned Chile on Monday.", "condemned", "verb", "active", "target", (), "v.obj", "Chile"),
    ("Peru talked with Chile on Monday.", "talked", "verb", "active", "target", ("with",), "v.prep", "Chile"),
    ("Peru complained to Chile about the fleet.", "complained", "verb", "active", "target", ("to",),
     "v.prep.mark", "Chile"),
    # object control, whether the parse attaches the clause to the verb or to its object
    ("Peru thanked Chile for sending aid.", "sending", "verb", "active", "actor", (), "v.ctrl.object", "Chile"),
    ("Peru accused Chile of shelling the town.", "shelling", "verb", "active", "actor", (), "v.ctrl.acl",
     "Chile"),
    ("Peru pressed Chile to withdraw its troops.", "withdraw", "verb", "active", "actor", (), "v.ctrl.acl",
     "Chile"),
    ("Peru refused to endorse the plan.", "endorse", "verb", "active", "actor", (), "v.ctrl.subj", "Peru"),
    # an infinitive hung on a verb of letting or making, after its object: the object does it, not the subject
    ("Congress voted to allow Peruvian fishermen to sue Chile.", "sue", "verb", "active", "actor", (),
     "v.ctrl.allow", "fishermen"),
    ("The court voted to permit Chilean miners to sue Peru.", "sue", "verb", "active", "actor", (),
     "v.ctrl.allow", "miners"),
    # (the parser may take the infinitive's "to" for a preposition)
    ("Ruto may veto a bill that would allow Kenyan families to sue Uganda, aides say.", "sue", "verb", "active",
     "actor", (), "v.ctrl.allow", "families"),
    ("The embassy was attacked by protesters.", "attacked", "verb", "passive", "actor", (), "v.pass.agent",
     "protesters"),
    ("The embassy was attacked by protesters.", "attacked", "verb", "passive", "target", (), "v.pass.subj",
     "embassy"),
    ("Rebels in Peru rejected an appeal from President Garcia.", "rejected", "verb", "active", "target", (),
     "v.obj.from", "Garcia"),
    ("Garcia resigned after being attacked in the press.", "attacked", "verb", "passive", "target", (),
     "v.pass.ctrl.subj", "Garcia"),
    # a noun event with a participle of making or aiming it: its by-agent does it, its at-phrase is whom
    ("The threat aimed at Chile alarmed Peru.", "threat", "noun", "active", "target", (), "n.acl.prep", "Chile"),
    ("The charges brought against Chile by Peru were dropped.", "charges", "noun", "active", "actor", (),
     "n.acl.agent", "Peru"),
    ("The charges brought against Chile by Peru were dropped.", "charges", "noun", "active", "target", (),
     "n.acl.prep", "Chile"),
    # a noun event in a relative clause of making it: the clause's subject does it, its phrase aims it
    ("The accusations that Peru made against Chile were false.", "accusations", "noun", "active", "actor", (),
     "n.relcl.subj", "Peru"),
    ("The accusations that Peru made against Chile were false.", "accusations", "noun", "active", "target", (),
     "n.relcl.prep", "Chile"),
    # a participle on a text that a verb's subject issues: that subject does what the text does
    ("Peru issued a statement condemning Chile on Monday.", "condemning", "verb", "active", "actor", (),
     "v.acl.document", "Peru"),
    # a passive of imposing: the thing imposed is its subject, the party is its on-phrase
    ("Sanctions were imposed on Chile by Peru.", "imposed", "verb", "passive", "target", ("on",),
     "v.pass.directed", "Chile"),
    ("Peru's visit to Chile ended.", "visit", "noun", "active", "actor", (), "n.poss", "Peru"),
    ("Peru's visit to Chile ended.", "visit", "noun", "active", "target", ("to",), "n.prep", "Chile"),
    ("The Chilean navy staged joint exercises with Peru last week.", "exercises", "noun", "active", "actor", (),
     "n.support.subj", "navy"),
    ("Peru faced criticism from Chile.", "criticism", "noun", "active", "target", (), "n.undergo.subj", "Peru"),
    ("Peru faced criticism from Chile.", "criticism", "noun", "active", "actor", (), "n.from", "Chile"),
    ("Peru was expected to meet Chile.", "meet", "verb", "active", "actor", (), "v.ctrl.subj.pass", "Peru"),
    ("He was tased and then shot.", "shot", "verb", "passive", "target", (), "v.pass.conj.subj", "He"),
    ("Peru refused to answer questions from Chile.", "refused", "verb", "active", "target", (), "v.xcomp.obj.from",
     "Chile"),
    # a verb with an object hung as a clause on a noun that no verb governs: the noun is its subject
    ("Doctors from two French charities donated medicine to refugees in Chad.", "donated", "verb", "active",
     "actor", (), "v.acl.root", "Doctors"),
    # a refusal with no object defies whoever pressed for it, however "despite" is parsed
    ("Peru refused to resign from the council despite calls by Chile.", "refused", "verb", "active", "target", (),
     "v.despite.agent", "Chile"),
    ("The Peruvian minister declined to resign despite growing pressure from Chile.", "declined", "verb", "active",
     "target", (), "v.despite.agent", "Chile"),
    # a noun event that is the subject of a verb that ascribes it is done by whom it is ascribed to
    ("The hacking of the ministry's servers can be traced to the Chinese government.", "hacking", "noun", "active",
     "actor", (), "n.attributed", "government"),
    ("The bombing of the embassy was carried out by Hamas, police said.", "bombing", "noun", "active", "actor", (),
     "n.attributed", "Hamas"),
    ("The attack was condemned by France.", "attack", "noun", "active", "actor", (), None, None),    # the target preposition on the noun of a light-verb wording
    ("Peru paid a call on Chile last week.", "paid", "verb", "active", "target", ("on",), "v.obj.prep",
     "Chile"),
    # a noun event in the of-phrase of a support verb's object
    ("Chile made an offer of aid to Peru.", "aid", "noun", "active", "actor", (), "n.support.of.subj", "Chile"),
    ("Peru declined to follow Chile's instructions.", "declined", "verb", "active", "target", (), "v.xcomp.obj.poss",
     "Chile"),
    # a present participle that modifies a noun: the noun does it
    ("Kenyan troops guarding the border fired at the smugglers.", "guarding", "verb", "active", "actor", (),
     "v.acl.participle", "troops"),
    # coordinated subjects of a verb of two sides acting on each other are each other's counterpart
    ("Indian troops and Pakistani soldiers fought along the border.", "fought", "verb", "active", "target", (),
     "v.recip.conj", "soldiers"),
    ("Peruvian troops and Chilean troops fought the rebels.", "fought", "verb", "active", "target", (), "v.obj",
     "rebels"),
    # a chain of clauses with no subject of their own: the first subject up the chain ...
    ("The Andean ministers agreed to form a commission to examine the dispute.", "examine", "verb", "active",
     "actor", (), "v.ctrl.subj.chain", "ministers"),
    ("Peru hosted Chile and promised to try to visit Bolivia.", "visit", "verb", "active", "actor", (),
     "v.ctrl.subj.chain", "Peru"),
    # ... unless an object on the way does it (object control)
    ("Peru urged Chile to try to visit Bolivia.", "visit", "verb", "active", "actor", (), None, None),
    # (nor past a clause of object control: the object does both)
    ("Peru criticized General Ortiz for arresting and killing the protesters.", "killing", "verb", "active", "actor",
     (), None, None),
    # (a verb of making, whatever the parser made of its object)
    ("Peru threatened to impose sanctions to force Chile to withdraw its boats.", "withdraw", "verb", "active",
     "actor", (), None, None),
    # a measure imposed on someone, that the subject lifts or renews, was imposed by that subject
    ("Peru will soon lift the embargo imposed on Chile.", "imposed", "verb", "active", "actor", (),
     "v.pass.undone", "Peru"),
    ("Peru criticized the embargo imposed on Chile.", "imposed", "verb", "active", "actor", (), None, None),
    ("Peru will lift the embargo imposed by Brazil on Chile.", "imposed", "verb", "active", "actor", (),
     "v.acl.agent", "Brazil"),
    # a participle after a comma that the parser hung on a noun or read as one: the subject of the
    # nearest clause before the comma does it (a passive's by-agent, never its patient)
    ("Peru expanded its claims on the islands in the Pacific, warning fishermen that Chilean boats could enter "
     "the zone.", "warning", "verb", "active", "actor", (), "v.adjunct.subj", "Peru"),
    ("Garcia spoke about the fishermen, mocking fears of a Chilean blockade.", "mocking", "verb", "active", "actor",
     (), "v.adjunct.subj", "Garcia"),
    ('"The blockade proves that Lima is weak," Garcia says in the advertisement titled "Weak," warning against '
     'trade with Chile, pledging to strengthen the navy.', "pledging", "verb", "active", "actor", (),
     "v.adjunct.subj", "Garcia"),
    ("A camp for Bolivian refugees was attacked by Peruvian militiamen armed with clubs, killing ten people.",
     "killing", "verb", "active", "actor", (), "v.adjunct.subj", "militiamen"),
    ("A camp for Bolivian refugees was attacked on Monday, killing ten people.", "killing", "verb", "active",
     "actor", (), None, None),
    ("A bomb exploded in the market, killing five people.", "killing", "verb", "active", "actor", (), None, None),
    # a participle that opens the sentence: the subject of the clause after its comma
    ("After touring the port of Callao on Thursday and meeting with Chilean officers on Friday, the Peruvian "
     "minister said the talks went well.", "meeting", "verb", "active", "actor", (), "v.opening.subj", "minister"),
    ("In addition to providing aid through the ministry of health, Garcia said he would ask Congress for more.",
     "providing", "verb", "active", "actor", (), "v.opening.subj", "Garcia"),
    ("Meeting with Bachelet on Monday, Garcia pledged more aid.", "Meeting", "verb", "active", "actor", (),
     "v.opening.subj", "Garcia"),
])
def test_the_frame_that_reaches_each_role(nlp, text, trigger, pos, voice, role, preps, frame, reached):
    assert _first(_tok(nlp, text, trigger), pos, voice, role, frozenset(preps)) == (frame, reached)


def test_every_frame_compiles_and_ids_are_unique():
    ids = [f.id for f in fr.frames()]
    assert ids and len(ids) == len(set(ids))
    assert {f.role for f in fr.frames()} == {"actor", "target"}


def test_a_bad_path_step_is_a_clear_error():
    with pytest.raises(fr.ResourceError, match="row 3"):
        fr._compile({"id": "x", "pos": "verb", "voice": "any", "role": "actor", "stop": "token",
                     "mention": "phrase", "direct": "no", "codes": "", "path": ">nsubj =bad"}, 3)


@pytest.mark.parametrize("code,frame", [("100", "v.ccomp.subj"), ("111", "v.obj")])
def test_a_frame_for_some_codes_only(nlp, code, frame):
    """The subject of a clause demanded is asked to act; a criticism's clause is only its content."""
    tok = _tok(nlp, "Opposition groups in Peru are demanding that President Garcia abandon his policy.", "demanding")
    found = _first(tok, "verb", "active", "target", code=code)
    assert found[0] == frame or (frame == "v.obj" and found[0] != "v.ccomp.subj")


@pytest.mark.parametrize("text,trigger,reached", [
    # a threat's condition: the subject of its if/unless clause, however low the parser hangs it
    ("Peru threatened to end the talks on fishing if Chile sends more boats.", "end", "Chile"),
    ("Peru threatened to close the border unless Chile pays.", "close", "Chile"),
])
def test_a_descendant_step_finds_the_condition(nlp, text, trigger, reached):
    tok = _tok(nlp, text, trigger)
    got = [fr.walk(f, tok, frozenset()) for f in fr.frames() if f.id in ("v.cond.subj", "v.cond.gov.subj")]
    assert [t.text for t in got if t is not None][:1] == [reached]


def test_every_role_words_list_loads_and_is_used():
    """Each list of cameo/role_words.tsv loads (a verb list in its inflections) and is read by a frame
    ("%list") or by the code (role_words("list"))."""
    from pathlib import Path
    from dateline.resources import read_tsv
    src = Path(fr.__file__).resolve().parent
    code = "".join(p.read_text(encoding="utf-8") for p in src.glob("*.py"))
    frames_text = (src.parent / "resources" / "cameo" / "frames.tsv").read_text(encoding="utf-8")
    for row in read_tsv("cameo", "role_words.tsv"):
        assert row["kind"] in ("verb", "word") and fr.role_words(row["list"]), row["list"]
        assert f'%{row["list"]}' in frames_text or f'role_words("{row["list"]}")' in code, row["list"]
    assert "held" in fr.role_words("support_verbs")      # an inflection of "hold"


def _built(words, heads, deps, tags):
    """A Doc with a hand-built parse (the parser's own misreadings, made to order)."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab
    return Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags)


@pytest.mark.parametrize("obj_dep,obj_tag,reached", [
    # a name taken for a complement clause is an object: the noun phrase the verb hangs on acts
    ("xcomp", "NNP", "governments"),
    ("obj", "NNP", "governments"),
    # a real complement clause ("governments invited to return") reads as a passive: no subject
    ("xcomp", "VB", None),
])
def test_a_verb_hung_on_a_noun_phrase_that_no_verb_governs(obj_dep, obj_tag, reached):
    words = ["The", "Irish", "governments", ",", "which", "host", "talks", ",", "invited", "Hamas", "."]
    heads = [2, 2, 2, 5, 5, 2, 5, 8, 2, 8, 2]
    deps = ["det", "amod", "ROOT", "punct", "nsubj", "acl:relcl", "obj", "punct", "acl", obj_dep, "punct"]
    tags = ["DT", "JJ", "NNS", ",", "WDT", "VBP", "NNS", ",", "VBD", obj_tag, "."]
    doc = _built(words, heads, deps, tags)
    frame = next(f for f in fr.frames() if f.id == "v.acl.root")
    found = fr.walk(frame, doc[8], frozenset())
    assert (found.text if found is not None else None) == reached


@pytest.mark.parametrize("words,heads,deps,tags,trigger,reached", [
    # a participle after a comma read as a noun: the subject of a copula's clause does it
    (["Lopez", "was", "first", ",", "arriving", "visits", "."], [2, 2, 2, 5, 5, 2, 2],
     ["nsubj", "cop", "ROOT", "punct", "compound", "appos", "punct"], ["NNP", "VBD", "JJ", ",", "NN", "NNS", "."],
     4, "Lopez"),
    # (a relative clause before the comma is not the participle's host)
    (["Peru", "met", "Lima", ",", "which", "hosted", "it", ",", "thanking", "aides", "."],
     [1, 1, 1, 5, 5, 2, 5, 9, 9, 1, 1],
     ["nsubj", "ROOT", "obj", "punct", "nsubj", "acl:relcl", "obj", "punct", "compound", "obj", "punct"],
     ["NNP", "VBD", "NNP", ",", "WDT", "VBD", "PRP", ",", "NN", "NNS", "."], 8, "Peru"),
    # a participle with no comma before it is no adjunct of the clause before
    (["Peru", "met", "Lima", "thanking", "aides", "."], [1, 1, 1, 4, 1, 1],
     ["nsubj", "ROOT", "obj", "compound", "obj", "punct"], ["NNP", "VBD", "NNP", "NN", "NNS", "."], 3, None),
])
def test_a_participial_adjunct_the_parser_misread(words, heads, deps, tags, trigger, reached):
    import spacy
    from spacy.tokens import Doc
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags)   # (with lower-case forms)
    frame = next(f for f in fr.frames() if f.id == "v.adjunct.subj")
    found = fr.walk(frame, doc[trigger], frozenset())
    assert (found.text if found is not None else None) == reached


@pytest.mark.parametrize("frame_id,words,heads,deps,tags,trigger,reached", [
    # "X, who is a pastor in Y, slammed Z" with the verb hung on "pastor": the walk reaches X
    ("v.acl.root", ["Lopez", ",", "who", "is", "a", "pastor", "in", "Lima", ",", "slammed", "Peru", "."],
     [0, 5, 5, 5, 5, 0, 7, 5, 9, 5, 9, 0],
     ["ROOT", "punct", "nsubj", "cop", "det", "acl:relcl", "case", "nmod", "punct", "acl", "obj", "punct"],
     ["NNP", ",", "WP", "VBZ", "DT", "NN", "IN", "NNP", ",", "VBD", "NNP", "."], 9, "Lopez"),
    # "On Monday, X, the leader, called on Y" with "Monday" read as the root and X apposed to it: the walk
    # reaches the root, whose phrase holds X's mention (the frame's stop is a mention in that phrase)
    ("v.root.name", ["On", "Monday", ",", "Lopez", ",", "the", "leader", ",", "called", "on", "Peru", "."],
     [1, 1, 3, 1, 6, 6, 3, 8, 3, 10, 8, 1],
     ["case", "ROOT", "punct", "appos", "punct", "det", "appos", "punct", "acl", "case", "obl", "punct"],
     ["IN", "NNP", ",", "NNP", ",", "DT", "NN", ",", "VBN", "IN", "NNP", "."], 8, "Monday"),
])
def test_a_verb_the_parser_hung_on_a_noun_reaches_its_subject(frame_id, words, heads, deps, tags, trigger, reached):
    frame = next(f for f in fr.frames() if f.id == frame_id)
    assert fr.walk(frame, _built(words, heads, deps, tags)[trigger], frozenset()).text == reached


@pytest.mark.parametrize("text,trigger,reached", [
    # an opening phrase of time the parser took for the head of the subject's name: the name acts
    ("On Saturday, Senator Ted Cruz of Texas, a rival, assailed her.", "assailed", "Ted"),
    ("In the 1952 race, Senator Ted Cruz of Texas, a rival, assailed her.", "assailed", "Ted"),
])
def test_a_name_apposed_to_an_opening_phrase_of_time(nlp, text, trigger, reached):
    f = next(f for f in fr.frames_for("verb", "active", "actor", "11") if f.id == "v.time.appos")
    got = fr.walk(f, _tok(nlp, text, trigger), frozenset())
    assert (got.text if got is not None else None) == reached
