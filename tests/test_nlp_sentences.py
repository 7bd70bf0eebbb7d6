"""dateline.nlp.sentences: the one segmentation, over spaCy's tokens (hand-built sentences)."""
from __future__ import annotations

import pytest

from dateline.nlp.sentences import split

CASES = [
    # text, expected sentences
    ("The vote was held on Oct. 31 in the capital. Both sides attended.",
     ["The vote was held on Oct. 31 in the capital.", "Both sides attended."]),
    ("U.S. envoys left early. Mr. Ruiz stayed.", ["U.S. envoys left early.", "Mr. Ruiz stayed."]),
    ("The talks ended at 6 p.m. The envoys flew home.", ["The talks ended at 6 p.m.", "The envoys flew home."]),
    ("He moved to the U.S. Embassy in 1990.", ["He moved to the U.S. Embassy in 1990."]),
    ('"We are done," said Sen. Ana Ruiz (D-Ore.), the panel\'s chair. It adjourned.',
     ['"We are done," said Sen. Ana Ruiz (D-Ore.), the panel\'s chair.', "It adjourned."]),
    ("He asked why.\u201d Then he left.", ["He asked why.\u201d", "Then he left."]),
    ("It was over!!! Nobody came.", ["It was over!!!", "Nobody came."]),
    ("She won in 2007. [5] After that she retired.", ["She won in 2007. [5]", "After that she retired."]),
    ("Hello world\nA heading line\n\nThe story begins here.",
     ["Hello world", "A heading line", "The story begins here."]),
    ("``We will go,'' he said. ``Now.''", ["``We will go,'' he said.", "``Now.''"]),
    ("The plan failed, e.g. in May. then it ended.", ["The plan failed, e.g. in May. then it ended."]),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_sentences(text, expected):
    assert [text[a:b] for a, b in split(text)] == expected


def test_offsets_are_the_texts_own_and_a_blank_line_always_ends_a_sentence():
    text = "  First part without a stop\n\n  second part starts lower case.  "
    spans = split(text)
    assert [text[a:b] for a, b in spans] == ["First part without a stop", "second part starts lower case."]
