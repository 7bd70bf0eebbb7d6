"""Roles from the parse (extract.role_parse): pronouns of actors and targets in hand-built sentences."""
import pytest

from test_event_roles import _code, _event      # the first event of a root in a sentence, a role's code


@pytest.mark.parametrize("text,root,actor,target", [
    # an object pronoun that is not its clause's subject: the party named in the sentence before
    ("Kenyan President William Ruto spoke in Nairobi on Monday. Ugandan President Yoweri Museveni accused "
     "him of lying.", "112", "UGA", "KEN"),
])
def test_an_object_pronoun_from_the_sentence_before(text, root, actor, target):
    e = _event(text, root)
    assert (_code(e.actor), _code(e.target)) == (actor, target)


def test_a_plural_object_pronoun_is_no_single_person():
    e = _event("Kenyan President William Ruto spoke in Nairobi on Monday. Ugandan President Yoweri Museveni "
               "accused them of lying.", "112")
    assert _code(e.target) != "KEN"


@pytest.mark.parametrize("text,root,actor", [
    # a pronoun subject right after a speech verb is that verb's named subject, not a party before it
    ("Peru's government rejected the plan on Monday after Chilean officials said they would boycott the talks.",
     "125", "CHL"),
    ("Bolivia criticized Peru on Monday after Chilean officials said they would boycott the talks.", "125", "CHL"),
])
def test_a_reported_pronoun_is_its_speaker(text, root, actor):
    assert _code(_event(text, root).actor) == actor


@pytest.mark.parametrize("text,root,actor,target", [
    # a show of force whose purpose clause puts down a named party: that party is its target
    ("Riot police deployed in Nairobi to disperse opposition supporters.", "15", "KEN", "KEN"),
    # ... one that names no party (a march, a rally): repression of the people of the place
    ("Kenyan police deployed in Nairobi, to break up a protest march called by the opposition.", "15", "KEN", "KEN"),
    # a passive of a show of force: its subject is the force, which acts; it does not undergo it
    ("Police were deployed in Nairobi to break up a protest march.", "15", "KEN", "KEN"),
    # the from-phrase of a verb of undergoing: who does the noun event the subject undergoes
    ("Nigeria received military aid from Britain last year.", "07", "GBR", "NGA"),
    ("The Kenyan government has received secret promises from China.", "03", "CHN", "KEN"),
    ("The Kenyan army came under attack from Somali militants.", "19", "SOM", "KEN"),
    # a capital a frame gives as the doer stands for its government
    ("The minister's remarks about ties with China have drawn criticism from Berlin.", "11", "DEU", None),
    # "talks between the two countries": the side of the pair other than the actor
    ("Israel and Syria broke off negotiations in 2000. Syria now wants to renew the stalled peace talks "
     "between the two countries.", "03", "SYR", "ISR"),
])
def test_roles_from_purpose_passive_force_receiving_and_pairs(text, root, actor, target):
    e = _event(text, root)
    assert (_code(e.actor), _code(e.target)) == (actor, target)


@pytest.mark.parametrize("text,root,actor,target", [
    # a state's mission or post where an act of violence happened: that state is whom it was aimed at
    ("The bombing at the French embassy in Bamako killed 12 people.", "183", None, "FRA"),
    ("Bombings at Turkish consulates in two cities wounded nine people.", "183", None, "TUR"),
    # a place of a state is still only where ("in the Kenyan capital")
    ("Kenya condemned the attack on the French embassy in Bamako.", "11", "KEN", "FRA"),
])
def test_a_state_facility_where_violence_happened_is_its_target(text, root, actor, target):
    e = _event(text, root)
    assert (_code(e.actor), _code(e.target)) == (actor, target)


def test_the_aim_of_a_subject_attack_does_not_kill():
    e = _event("A car bomb attack on the Turkish embassy in Kabul killed four guards.", "180")
    assert _code(e.actor) is None


@pytest.mark.parametrize("text,root,actor,target", [
    # a participle describing a noun, naming its target but no by-agent: its doer goes unnamed
    ("Kenyan rebels have raided two towns since the party was barred from the talks in retaliation for two "
     "murders blamed on the Ugandan army.", "112", None, "UGA"),
])
def test_a_bare_participle_names_no_doer_of_its_own(text, root, actor, target):
    e = _event(text, root)
    assert (_code(e.actor), _code(e.target)) == (actor, target)


@pytest.mark.parametrize("text,root,actor,target", [
    # a verb's wording the parser read as a noun: a state's adjective on it does it, as on a noun event
    ("Russian attacks on Syria continued on Monday.", "190", "RUS", "SYR"),
    ("Russian sanctions against Ukraine took effect on Monday.", "163", "RUS", "UKR"),
])
def test_a_qualifier_on_a_verb_wording_read_as_a_noun_acts(text, root, actor, target):
    e = _event(text, root)
    assert (_code(e.actor), _code(e.target)) == (actor, target)


@pytest.mark.parametrize("text,root,actor,target", [
    # an office or body that a state's possessive or adjective names is a party of that state apart from
    # the body of it that acts
    ("Ghanaian lawmakers accused Ghana's finance minister of hiding the debt.", "112", "GHA", "GHA"),
    # the state's own name as its argument is no other party of it
    ("Ghanaian lawmakers criticized Ghana on Monday.", "111", "GHA", None),
    # another state's office: that state, as before
    ("Ghanaian lawmakers accused Togo's finance minister of hiding the debt.", "112", "GHA", "TGO"),
])
def test_an_office_of_the_actors_own_state_is_its_target(text, root, actor, target):
    e = _event(text, root)
    assert (_code(e.actor), _code(e.target)) == (actor, target)


@pytest.mark.parametrize("text,root,actor,target", [
    # a subject the parser opened with a word of sequence is a phrase of time: no party in it did the act
    ("A week after the anniversary of the Ghanaian parliament decision, a car bombing in Accra killed a guard.",
     "18", None, None),
    # a participle after a comma opens its own clause: its object is not what the trigger is aimed at
    ("Ghanaian President John Mahama praised the strong growth in exports, challenging Togo to match it.",
     "05", "GHA", None),
    # the object names no party: a name in another clause of the sentence is not the target
    ("Ghanaian President John Mahama's call to ban all foreign imports could anger Togo.", "16", "GHA", None),
])
def test_phrases_the_parser_hangs_wrongly_name_no_party(text, root, actor, target):
    e = _event(text, root)
    assert (_code(e.actor), _code(e.target)) == (actor, target)


@pytest.mark.parametrize("text,root,actor,target", [
    # a name inside a clause that describes a noun other than the trigger is that clause's argument
    ("Kenya criticized the plan to expel diplomats from Uganda.", "11", "KEN", None),
    ("Tanzania condemned the raid killing Ugandan soldiers.", "11", "TZA", None),
    # ... unless a phrase of place in it tells whose people the noun names
    ("The United Nations will provide food aid to refugees fleeing the war in Sudan.", "03", "IGO", "SDN"),
])
def test_a_guess_inside_a_clause_on_another_noun_is_no_target(text, root, actor, target):
    e = _event(text, root)
    assert (_code(e.actor), _code(e.target)) == (actor, target)


@pytest.mark.parametrize("text,root,actor,target", [
    # an appeal's target is whom it is addressed to, not whom the act asked for is aimed at
    ("Kenyan lawmakers urged sanctions on Uganda.", "02", "KEN", None),
    ("The Kenyan opposition called for tougher action against Uganda on Monday.", "02", "KEN", None),
    ("Kenyan lawmakers urged the Ugandan government to end the raids.", "02", "KEN", "UGA"),
])
def test_an_appeal_is_not_aimed_at_its_topic(text, root, actor, target):
    e = _event(text, root)
    assert (_code(e.actor), _code(e.target)) == (actor, target)


@pytest.mark.parametrize("text,root,actor,target", [
    # a show of force with no target is aimed at the other side of the dispute its sentence names
    ("Turkey has massed troops on the border amid the standoff with Syria.", "15", "TUR", "SYR"),
    ("Spain is bolstering its naval presence in the strait, as its prime minister discussed the Morocco "
     "crisis with France.", "15", "ESP", "MAR"),
    # ... never its own state
    ("Kenya deployed more troops as the Kenya crisis deepened.", "15", "KEN", None),
])
def test_force_is_aimed_at_the_other_side_of_a_dispute(text, root, actor, target):
    e = _event(text, root)
    assert (_code(e.actor), _code(e.target)) == (actor, target)


@pytest.mark.parametrize("text,root", [
    # fellow participants of unrest (the object of joining, a phrase of company) are not its target
    ("NAIROBI, Kenya (AP) _ Kenyan opposition leader Raila Odinga said he plans to join his supporters at the "
     "protest on Monday.", "13"),
    ("NAIROBI, Kenya (AP) _ Kenyan opposition leader Raila Odinga protested with his supporters outside "
     "parliament on Monday.", "14"),
])
def test_fellow_protesters_are_no_target(text, root):
    e = _event(text, root)
    assert e.target is None or e.target.name != "supporters"


def test_a_boycotted_relation_keeps_its_counterpart():
    # (a phrase of company on the object of a boycott is the other side of the relation boycotted)
    e = _event("Kenyan traders said they would boycott all trade with Uganda.", "13")
    assert _code(e.target) == "UGA"


@pytest.mark.parametrize("text,root,actor,target", [
    # a noun of visiting in a comma-set phrase the parser hangs on the clause's subject: that subject visits
    ("Peruvian President Dina Boluarte, on an official visit to Chile, praised the trade pact.", "04", "PER", "CHL"),
    ("Chilean Foreign Minister Alberto van Klaveren, during a visit to Lima, thanked the hosts.", "04", "CHL", "PER"),
    # ... in a phrase on a participle with no subject of its own: the subject of the clause above it
    ("Peruvian President Dina Boluarte hailed the pact, telling reporters during a visit to Brazil on Friday "
     "that it was good.", "04", "PER", "BRA"),
    # a gerund of sequence the parser hangs on a noun of the clause: the clause's subject does it
    ("Peruvian President Dina Boluarte arrived in Santiago on Monday. She then heaped praise, and the "
     "ministry's medal for courage, on hospital workers before meeting with Chilean officials.",
     "04", "PER", "CHL"),
])
def test_an_adjunct_noun_or_gerund_shares_the_clause_subject(text, root, actor, target):
    e = _event(text, root)
    assert (_code(e.actor), _code(e.target)) == (actor, target)


def test_an_adjunct_visit_of_unnamed_people_has_no_actor():
    # the subject names no party: the visit's doer stays unnamed
    e = _event("Two tourists, on a visit to Chile, praised the food.", "04")
    assert e is None or e.actor is None


@pytest.mark.parametrize("text,root,actor,target", [
    # an opening phrase of time the parser takes for the head of the subject's name: the name still acts,
    # and an object pronoun is then not that subject
    ("Peruvian President Dina Boluarte spoke in Lima. On Saturday, Senator Ted Cruz of Texas, a Republican "
     "rival, assailed her for backing the pact.", "11", "USA", "PER"),
])
def test_a_name_apposed_to_an_opening_phrase_of_time_acts(text, root, actor, target):
    e = _event(text, root)
    assert (_code(e.actor), _code(e.target)) == (actor, target)
