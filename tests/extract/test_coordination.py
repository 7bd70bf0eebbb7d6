"""Coordinated participants (extract.coordination): one event per listed participant."""
import pytest

import dateline


def pairs(text, root):
    evs = dateline.analyze(text, published="2021-03-05").events
    return sorted((e.actor.code if e.actor else None, e.target.code if e.target else None)
                  for e in evs if e.cameo.startswith(root))


@pytest.mark.parametrize("text,root,expect", [
    ("The tribunal in Geneva rejected the French and Belgian appeals.", "12", [(None, "BEL"), (None, "FRA")]),
    ("Kenya rejected the demands of Uganda, Tanzania and Rwanda.", "12",
     [("KEN", "RWA"), ("KEN", "TZA"), ("KEN", "UGA")]),
    ("Chile, Peru and Bolivia criticized Brazil on Monday.", "11",
     [("BOL", "BRA"), ("CHL", "BRA"), ("PER", "BRA")]),
    # names before the actor joined by a comma only are no list of it (no "and" closes one)
    ("Posing for photographers with Macron, Scholz pledged to support Ukraine on Monday.", "03",
     [("DEU", "UKR")]),
    ("After talks with Chile, Peru condemned Bolivia on Monday.", "11", [("PER", "BOL")]),
    # a pair of subjects of a one-sided act: both act, neither is the other's target
    ("Chile and Peru condemned the attack on Monday.", "11", [("CHL", None), ("PER", None)]),
    # a joint happening keeps the pair as actor and target
    ("Chile and Peru signed an agreement on Monday.", "05", [("CHL", "PER")]),
    ("Chilean President Ana Rojas and Peruvian President Luis Vega signed a trade program on Monday.", "05",
     [("CHL", "PER")]),
    # a state in an of-phrase belongs to its member; the list goes on after it
    ("Presidents Ana Rojas of Chile and Luis Vega of Peru signed a trade program on Monday.", "05",
     [("CHL", "PER")]),
    # a state's adjective and a title before a person belong to that person's member of the list
    ("Chilean leader Gabriel Boric and Peruvian President Alan Garcia today signed a treaty of friendship, "
     "the agency reported.", "05", [("CHL", "PER")]),
    ("Chilean President Ana Rojas, Peruvian President Luis Vega and Bolivia condemned Brazil on Monday.", "11",
     [("BOL", "BRA"), ("CHL", "BRA"), ("PER", "BRA")]),
    # an act called joint is one act of the pair: a cooperative one has the second as counterpart
    ("Every amendment of the accord must be agreed jointly by Chile and Peru.", "05",
     [("CHL", "PER")]),
    ("In a joint communique released after the summit, Chile and Peru called for a swift ratification of "
     "the accord.", "02", [("CHL", None)]),
    # each listed subject of a joint happening meets the counterpart named apart from them
    ("Chilean President Gabriel Boric gave a speech on Sunday. He and Peruvian President Alan Garcia meet "
     "separately on Monday with US Secretary of State Antony Blinken.", "04", [("CHL", "USA"), ("PER", "USA")]),
    ("Chile and Bolivia held talks with Peru on Monday.", "04", [("BOL", "PER"), ("CHL", "PER")]),
])
def test_one_event_per_listed_participant(text, root, expect):
    assert pairs(text, root) == expect
