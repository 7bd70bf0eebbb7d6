#!/usr/bin/env python3
"""Convert the VADER sentiment lexicon (MIT) into dateline's evaluative-word table.

usage: python tools/vader/convert_lexicon.py VADER_LEXICON.txt --out src/dateline/resources/attribution/evaluative.tsv

VADER_LEXICON.txt is ``vaderSentiment/vader_lexicon.txt`` from the vaderSentiment 3.3.2 wheel on PyPI
(Hutto and Gilbert, ICWSM 2014; MIT licence, copied as VADER-LICENSE.txt beside the output). Kept:
alphabetic words (no emoticons, no multi-word entries) whose mean human valence is at least
``--min`` in absolute value; the words of the CAMEO trigger vocabulary (``cameo/patterns.tsv``:
"attack", "kill", "war" ...) are left out, because reporting such an act is not judging anyone.
Deterministic output: words sorted.
"""
import argparse
import csv
import re
import sys
from pathlib import Path

HEADER = """# Evaluative words: how strongly a word praises (+) or condemns (-) what it is said of.
# Used by dateline.extract.speech_acts: a source's words that judge a named party make the
# attribution an event (criticise 111 / praise 051). Tab-separated columns:
#   word     lower-case word form
#   valence  mean valence of ten human raters, -4 (most negative) .. +4 (most positive)
# SOURCE: VADER sentiment lexicon, vaderSentiment 3.3.2 (PyPI), vader_lexicon.txt; C.J. Hutto and
# E. Gilbert, "VADER: A Parsimonious Rule-based Model for Sentiment Analysis of Social Media Text",
# ICWSM 2014. MIT licence (VADER-LICENSE.txt beside this file). Produced by
# tools/vader/convert_lexicon.py --min {min}: alphabetic single words with |valence| >= {min},
# without the words of the CAMEO trigger vocabulary (cameo/patterns.tsv). Do not edit by hand.
"""


def trigger_words(patterns: Path) -> set[str]:
    words = set()
    with patterns.open(encoding="utf-8") as f:
        rows = [ln for ln in f if ln.strip() and not ln.startswith("#")]
    for row in list(csv.reader(rows, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]:
        if len(row) > 2:
            words.update(row[2].lower().split())
    return words


def convert(lexicon: Path, patterns: Path, minimum: float) -> list[tuple[str, float]]:
    skip = trigger_words(patterns)
    out = {}
    for line in lexicon.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not re.fullmatch(r"[a-z]+(?:-[a-z]+)*", parts[0]):
            continue
        word, valence = parts[0], float(parts[1])
        stem = re.sub(r"(?:ed|ing|s|d)$", "", word)
        if abs(valence) >= minimum and word not in skip and stem not in skip:
            out[word] = valence
    return sorted(out.items())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("lexicon", type=Path)
    ap.add_argument("--patterns", type=Path,
                    default=Path(__file__).resolve().parents[2] / "src/dateline/resources/cameo/patterns.tsv")
    ap.add_argument("--min", type=float, default=1.5)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    rows = convert(args.lexicon, args.patterns, args.min)
    with args.out.open("w", encoding="utf-8") as f:
        f.write(HEADER.format(min=args.min))
        f.write("word\tvalence\n")
        for w, v in rows:
            f.write(f"{w}\t{v:g}\n")
    print(f"{len(rows)} words -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
