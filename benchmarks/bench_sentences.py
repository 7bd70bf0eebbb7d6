"""Sentence splitters side by side (issue 13: one tokenization, a faster sentence splitter): boundary
accuracy on the UD English treebanks' sentence boundaries (GUM by genre, news first; EWT) and on the
news abbreviations design.md lists, and speed on the same texts, warmed and interleaved.

    .venv/bin/python benchmarks/bench_sentences.py [--treebanks ../shared/data/treebanks] [--repeat 5]

Splitters:
  dateline    dateline.nlp.sentences: rules over spaCy's tokens (the tokens the article's Doc already
              has), its marks and abbreviations as data; timed here with the tokenizer
  syntok      syntok per paragraph + dateline's heading-line fix (what dateline used before)
  sentencizer spaCy's rule-based Sentencizer on the same tokens
  parser      the sentences of the shipped pipeline's dependency parse (the whole text parsed)

Each treebank document becomes one text: its sentences joined by a space, paragraphs by a blank
line (every splitter gets the paragraph breaks for free, as in articles). A boundary is the
character offset where a sentence starts (the text's start left out); precision, recall and F1 over
all documents. Speed: documents per second of splitting alone (the tokenizer's time counted for the
token-based splitters, since syntok tokenizes on its own), median of --repeat interleaved runs.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DIR = REPO.parent / "shared" / "data" / "treebanks"

# design.md: "Sentence splitting must survive news abbreviations"; our own sentences around them.
ABBREVIATION_CASES = [
    ("The talks resumed on Oct. 31 in the capital. Both sides attended.", 1),
    ("U.S. officials said the talks would resume. Both sides agreed.", 1),
    ("Mr. Kim arrived late. He left early.", 1),
    ("The meeting ended at 5 p.m. The next day the envoys flew home.", 1),
    ("Gen. Okafor and Sen. Ruiz met in St. Louis on Jan. 4. They spoke for an hour.", 1),
    ("The firm, Acme Corp., denied it. \"We did nothing wrong,\" it said.", 1),
    ("He moved to the U.S. in 1990. Then he ran for office.", 1),
]


def read_conllu(path: Path) -> list[tuple[str, str, list[list[str]]]]:
    """[(doc id, genre, paragraphs: lists of sentence texts)] of a CoNLL-U file."""
    docs: list = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newdoc id"):
            doc_id = line.split("=", 1)[1].strip()
            genre = doc_id.split("_")[1] if doc_id.startswith("GUM_") else "ewt"
            docs.append((doc_id, genre, [[]]))
        elif line.startswith("# newpar") and not line.startswith("# newpar_") and docs and docs[-1][2][-1]:
            docs[-1][2].append([])
        elif line.startswith("# text ="):
            if not docs:
                docs.append(("doc", "ewt", [[]]))
            docs[-1][2][-1].append(line.split("=", 1)[1].strip())
    return docs


def build(doc) -> tuple[str, set[int]]:
    """The document's text and the offsets where its sentences start (the first left out)."""
    parts, starts, pos = [], set(), 0
    for p, para in enumerate(doc[2]):
        for k, sent in enumerate(para):
            if parts:
                sep = "\n\n" if k == 0 else " "
                parts.append(sep)
                pos += len(sep)
                starts.add(pos)
            parts.append(sent)
            pos += len(sent)
    return "".join(parts), starts


def _starts_from_spans(text: str, spans) -> set[int]:
    out = set()
    for a, _ in spans:
        while a < len(text) and text[a].isspace():
            a += 1
        if a > 0:
            out.add(a)
    return out


def syntok_split(text: str) -> list[tuple[int, int]]:
    """syntok's segmentation per paragraph, with dateline's heading-line fix (what dateline used
    before its own splitter)."""
    import syntok.segmenter as segmenter

    from dateline.nlp.sentences import split_lines
    from dateline.text import paragraphs

    out = []
    for ps, pe in paragraphs(text):
        for para in segmenter.analyze(text[ps:pe]):
            for sent in para:
                if sent:
                    out.append((ps + sent[0].offset, ps + sent[-1].offset + len(sent[-1].value)))
    return split_lines(text, out)


def splitters(which: set[str]):
    """name -> function(text) -> set of sentence starts."""
    import spacy

    from dateline.nlp import load_pipeline
    from dateline.nlp.tokenizer import add_exceptions
    from dateline.text import split_sentences     # dateline's own: dateline.nlp.sentences over spaCy tokens

    out = {}
    if "syntok" in which:
        out["syntok"] = lambda text: _starts_from_spans(text, syntok_split(text))
    if "dateline" in which:
        out["dateline"] = lambda text: _starts_from_spans(text, split_sentences(text))
    if "sentencizer" in which:
        sz = spacy.blank("en")
        add_exceptions(sz.tokenizer)
        sz.add_pipe("sentencizer")
        out["sentencizer"] = lambda text: {s[0].idx for s in sz(text).sents if s.start > 0 and not s[0].is_space} | \
            {s[1].idx for s in sz(text).sents if s[0].is_space and len(s) > 1}
    if "parser" in which:
        nlp = load_pipeline("default")
        skip = [p for p in ("tagger", "morphologizer", "lemmatizer", "attribute_ruler", "ner", "gazetteer_ruler")
                if p in nlp.pipe_names]

        def parsed(text):
            with nlp.select_pipes(disable=skip):
                doc = nlp(text)
            return {next((t.idx for t in s if not t.is_space), s[0].idx) for s in doc.sents if s.start > 0}
        out["parser"] = parsed
    return out


def score(found: set[int], gold: set[int]) -> tuple[int, int, int]:
    return len(found & gold), len(found), len(gold)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--treebanks", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--splitters", default="dateline,syntok,sentencizer,parser")
    args = ap.parse_args()
    files = sorted(args.treebanks.glob("UD_English-GUM/*.conllu")) + sorted(args.treebanks.glob("UD_English-EWT/*dev.conllu"))
    if not files:
        print(f"error: {args.treebanks}: no UD English treebanks", file=sys.stderr)
        return 2
    docs = [d for f in files for d in read_conllu(f)]
    built = [(d[1], *build(d)) for d in docs]
    fns = splitters(set(args.splitters.split(",")))
    groups = ["news"] + sorted({g for g, _, _ in built} - {"news"})
    print(f"{len(built)} documents, {sum(len(s) for _, _, s in built)} sentence boundaries")
    print(f"{'splitter':<12}" + "".join(f"{g[:9]:>10}" for g in groups) + f"{'all P':>8}{'all R':>8}{'all F1':>8}"
          f"{'abbrev':>8}{'docs/s':>9}")
    speed: dict[str, list[float]] = {name: [] for name in fns}
    texts = [t for _, t, _ in built]
    for fn in fns.values():
        fn(texts[0])                                    # warmed
    for _ in range(args.repeat):                        # interleaved
        for name, fn in fns.items():
            t0 = time.perf_counter()
            for t in texts:
                fn(t)
            speed[name].append(len(texts) / (time.perf_counter() - t0))
    for name, fn in fns.items():
        per = {g: [0, 0, 0] for g in groups}
        for g, text, gold in built:
            c = score(fn(text), gold)
            for k in range(3):
                per[g][k] += c[k]
        tot = [sum(per[g][k] for g in groups) for k in range(3)]
        p, r = tot[0] / max(1, tot[1]), tot[0] / max(1, tot[2])
        f1s = "".join(f"{2 * c[0] / max(1, c[1] + c[2]):>10.3f}" for c in (per[g] for g in groups))
        abbr = sum(len(fn(text)) == n for text, n in ABBREVIATION_CASES)
        print(f"{name:<12}{f1s}{p:>8.3f}{r:>8.3f}{2 * p * r / max(1e-9, p + r):>8.3f}"
              f"{abbr:>5}/{len(ABBREVIATION_CASES)}{statistics.median(speed[name]):>9.1f}")
    print("(per-genre columns: boundary F1; abbrev: news-abbreviation cases with exactly the right boundaries)")
    base = statistics.median(speed["syntok"]) if "syntok" in speed else None
    for name in fns:
        if base and name != "syntok":
            print(f"ratio: {name} splits at {statistics.median(speed[name]) / base:.2f}x the docs/s of syntok")
    if "dateline" in fns:         # in the pipeline the tokens exist already: the segmentation alone
        from dateline.nlp.sentences import blank_nlp, segment
        docs = [blank_nlp().make_doc(t) for t in texts]
        t0 = time.perf_counter()
        for d in docs:
            segment(d)
        own = len(docs) / (time.perf_counter() - t0)
        print(f"ratio: dateline's segmentation of an existing Doc runs at {own:.1f} docs/s"
              + (f", {own / base:.1f}x the docs/s of syntok (which tokenizes on its own)" if base else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
