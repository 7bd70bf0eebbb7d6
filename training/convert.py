"""Convert the open treebanks into spaCy DocBin corpora for training and evaluation.

Reads (never copies into the repo) from the treebank folder (default ../shared/data/treebanks):
  UD_English-EWT      CC BY-SA 4.0   tags, morphology, lemmas, dependencies
  UNER_English-EWT    CC BY-SA 4.0   PER/ORG/LOC entities for the EWT sentences (aligned by sent_id)
  UD_English-GUM      per-genre licences: only the genres in GUM_TRAIN_GENRES (CC BY / public
                      domain texts) are trained on; all of GUM test is written for evaluation only.

Writes into OUT (default build/training/corpus):
  train.spacy   EWT train (+ UNER entities) + GUM train of the allowed genres (entities from GUM's
                entity layer, see gum_ner; --no-gum-ner leaves them *missing*, not O)
  dev.spacy     EWT dev (+ UNER) + GUM dev of the allowed genres   (model selection; GUM entities missing)
  train-final.spacy   train + dev together, for the final fixed-step run (build_model.py --final)
  ewt-test.spacy, ewt-test-sents.spacy   EWT test (+ UNER), documents of N sentences / one sentence each
  gum-test.spacy, gum-test-sents.spacy   GUM test, all genres (evaluation only)
  stats.json    sentence/token counts per part and genre
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

# GUM/LICENSE.txt: Wikimedia texts (Wikinews news, interviews, bios; Wikivoyage) are CC BY, OpenStax
# textbooks and open-access academic articles CC BY, YouTube CC vlogs CC BY, political speeches public
# domain, Santa Barbara Corpus conversations CC BY. wikiHow ("whow") and fiction are CC BY-NC-SA and the
# genres the licence does not name (court, essay, letter, podcast) are left out as well: evaluation only.
GUM_TRAIN_GENRES = frozenset(
    {"news", "interview", "bio", "voyage", "academic", "textbook", "speech", "vlog", "conversation"}
)
NER_LABELS = {"PER", "ORG", "LOC"}  # UNER's OTH (and stray "B-O") become O
# GUM's entity types (MISC Entity=, global.Entity = GRP-etype-...) that are UNER's PER/ORG/LOC.
GUM_ETYPES = {"person": "PER", "organization": "ORG", "place": "LOC"}
# Words inside a name that are not proper nouns ("University of Portsmouth", "Bank of the West").
NAME_CONNECTORS = {"of", "the", "for", "de", "du", "la", "&", "-"}
# UNER leaves titles out of PER spans ("President Bill Clinton" -> "Bill Clinton").
TITLES = {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "st", "rev", "gen", "col",
          "capt", "sgt", "lt", "gov", "sen", "rep", "mr.", "mrs.", "ms.", "dr.", "prof.", "st.", "rev.",
          "gen.", "col.", "capt.", "sgt.", "lt.", "gov.", "sen.", "rep.", "king", "queen", "prince",
          "princess", "pope", "saint", "uncle", "aunt"}


def read_conllu(path: Path):
    """Yield sentences as dicts: doc_id, sent_id, text, words (list of token dicts)."""
    doc_id = None
    sent = None
    with path.open(encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("#"):
                m = re.match(r"#\s*newdoc id\s*=\s*(\S+)", line)
                if m:
                    doc_id = m.group(1)
                m = re.match(r"#\s*sent_id\s*=\s*(\S+)", line)
                if m:
                    sent = {"doc_id": doc_id, "sent_id": m.group(1), "words": [], "mwt": {}}
                continue
            if not line.strip():
                if sent and sent["words"]:
                    yield sent
                sent = None
                continue
            cols = line.split("\t")
            if sent is None:
                sent = {"doc_id": doc_id, "sent_id": None, "words": [], "mwt": {}}
            tid = cols[0]
            if "." in tid:  # empty node (enhanced graph only)
                continue
            if "-" in tid:
                a, b = (int(x) for x in tid.split("-"))
                sent["mwt"][b] = "SpaceAfter=No" in cols[9]
                sent["mwt_span"] = sent.get("mwt_span", set()) | set(range(a, b))
                continue
            sent["words"].append(
                {
                    "id": int(tid),
                    "form": cols[1],
                    "lemma": cols[2],
                    "upos": cols[3],
                    "xpos": cols[4] if cols[4] != "_" else "",
                    "feats": cols[5] if cols[5] != "_" else "",
                    "head": int(cols[6]),
                    "deprel": cols[7],
                    "misc": cols[9],
                }
            )
    if sent and sent["words"]:
        yield sent


def read_iob2(path: Path) -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    sid = None
    with path.open(encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            m = re.match(r"#\s*sent_id\s*=\s*(\S+)", line)
            if m:
                sid = m.group(1)
                out[sid] = []
                continue
            if line.startswith("#") or not line.strip():
                continue
            cols = line.split("\t")
            tag = cols[2]
            if tag != "O":
                bio, _, lab = tag.partition("-")
                tag = f"{bio}-{lab}" if lab in NER_LABELS else "O"
            out[sid].append((cols[1], tag))
    return out


def _role_words() -> set[str]:
    """Single-word role nouns of dateline's gazetteer (president, minister, ...): titles, not names."""
    path = Path(__file__).resolve().parents[1] / "src/dateline/resources/gazetteer/roles.tsv"
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word = line.split("\t")[0].strip().lower()
            if word and " " not in word:
                out.add(word)
    return out


def gum_mentions(sent) -> list[tuple[int, int, str, str]]:
    """(start, end, etype, identity) of the entity mentions GUM marks in a sentence (token indices, end
    exclusive; identity is the Wikipedia title of a named entity, else "")."""
    open_: dict[str, list[tuple[int, str, str]]] = {}
    out = []
    for i, w in enumerate(sent["words"]):
        m = re.search(r"(?:^|\|)Entity=([^|]*)", w["misc"])
        if not m:
            continue
        for tok in re.finditer(r"\((\d+)-([a-z]+)([^()]*)(\))?|(\d+)\)", m.group(1)):
            if tok.group(1):
                fields = tok.group(3).split("-", 5)  # infstat, salience, centering, minspan, link, identity
                identity = fields[5] if len(fields) == 6 else ""
                open_.setdefault(tok.group(1), []).append((i, tok.group(2), identity))
            if tok.group(0).endswith(")"):
                gid = tok.group(5) or tok.group(1)
                if open_.get(gid):
                    start, etype, identity = open_[gid].pop()
                    out.append((start, i + 1, etype, identity))
    return out


def gum_ner(sent, titles: set[str]) -> list[tuple[str, str]]:
    """UNER-style IOB tags for a GUM sentence: named person/organization/place mentions only.

    A mention is named when its syntactic head is a proper noun; the entity is the run of proper nouns
    around the head (with connectors such as "of" inside the entity's Wikipedia title), titles left
    out, as in UNER.
    """
    words = sent["words"]
    n = len(words)
    spans = []
    for start, end, etype, identity in gum_mentions(sent):
        name_words = {x.lower() for x in re.split(r"[_\s]+", identity.replace("%2C", ","))} if identity else set()
        label = GUM_ETYPES.get(etype)
        if label is None:
            continue
        inside = range(start, end)
        heads = [i for i in inside if not (start <= words[i]["head"] - 1 < end)]
        if not heads or words[heads[0]]["upos"] != "PROPN":
            continue
        h = heads[0]

        def namelike(k: int) -> bool:  # proper nouns, and capitalised words inside a name ("Royal Society")
            w = words[k]
            return w["upos"] == "PROPN" or (k > 0 and w["upos"] in ("ADJ", "NOUN", "NUM", "VERB", "X")
                                            and w["form"][:1].isupper())

        a = h
        while a - 1 >= start and namelike(a - 1):
            a -= 1
        b = h + 1
        while b < end:
            if namelike(b):
                b += 1
                continue
            # "University of Portsmouth" but not "Ana Reyes of the University": a connector joins two
            # proper nouns only where both are words of the entity's Wikipedia title
            j = b
            while j < end and words[j]["form"].lower() in NAME_CONNECTORS:
                j += 1
            if j > b and j < end and words[j]["upos"] == "PROPN" \
                    and all(words[k]["form"].lower() in name_words for k in range(b, j + 1)):
                b = j + 1
                continue
            break
        while a < b and words[a]["form"].lower() in titles and label == "PER" and a < h:
            a += 1
        spans.append((a, b, label))
    tags = ["O"] * n
    for a, b, label in sorted(spans, key=lambda x: (-(x[1] - x[0]), x[0])):
        if any(t != "O" for t in tags[a:b]):
            continue
        tags[a] = "B-" + label
        for k in range(a + 1, b):
            tags[k] = "I-" + label
    return [(w["form"], t) for w, t in zip(words, tags)]


def fix_iob(tags: list[str]) -> list[str]:
    """I- without a preceding entity of the same type starts one."""
    out = []
    prev = "O"
    for t in tags:
        if t.startswith("I-") and prev[2:] != t[2:]:
            t = "B-" + t[2:]
        out.append(t)
        prev = t
    return out


def space_after(sent, w) -> bool:
    if w["id"] in sent["mwt"]:
        return not sent["mwt"][w["id"]]
    if w["id"] in sent.get("mwt_span", ()):  # inside a multiword token: no space between its words
        return False
    return "SpaceAfter=No" not in w["misc"]


def make_doc(vocab, sents, ner: dict | None) -> Doc:
    words, spaces, tags, pos, morphs, lemmas, heads, deps, starts, ents = ([] for _ in range(10))
    have_ner = ner is not None
    for s in sents:
        off = len(words)
        sent_ents = None
        if have_ner:
            pairs = ner.get(s["sent_id"])
            if pairs is None or [p[0] for p in pairs] != [w["form"] for w in s["words"]]:
                sent_ents = None
                if pairs is not None:
                    print(f"warning: UNER tokens differ for {s['sent_id']}", file=sys.stderr)
            else:
                sent_ents = fix_iob([p[1] for p in pairs])
        for i, w in enumerate(s["words"]):
            words.append(w["form"])
            sp = space_after(s, w)
            spaces.append(sp)
            tags.append(w["xpos"] or w["upos"])
            pos.append(w["upos"])
            morphs.append(w["feats"])
            lemmas.append(w["lemma"])
            heads.append(off + w["head"] - 1 if w["head"] else off + i)
            deps.append("ROOT" if w["deprel"] == "root" else w["deprel"])
            starts.append(i == 0)
            if have_ner:
                ents.append(sent_ents[i] if sent_ents else "O")
        if spaces:
            spaces[-1] = True
    spaces[-1] = False
    kwargs = {}
    if have_ner:
        kwargs["ents"] = ents
    return Doc(vocab, words=words, spaces=spaces, tags=tags, pos=pos, morphs=morphs, lemmas=lemmas,
               heads=heads, deps=deps, sent_starts=starts, **kwargs)


def group(sents, n: int):
    """Group consecutive sentences of one document into chunks of at most n sentences."""
    chunk: list = []
    for s in sents:
        if chunk and (len(chunk) >= n or s["doc_id"] != chunk[-1]["doc_id"]):
            yield chunk
            chunk = []
        chunk.append(s)
    if chunk:
        yield chunk


def gum_genre(doc_id: str) -> str:
    m = re.match(r"GUM_([a-z]+)_", doc_id or "")
    return m.group(1) if m else "?"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--treebanks", type=Path, default=Path("../shared/data/treebanks"))
    ap.add_argument("--out", type=Path, default=Path("build/training/corpus"))
    ap.add_argument("--n-sents", type=int, default=6, help="sentences per training document")
    ap.add_argument("--no-gum-ner", dest="gum_ner", action="store_false",
                    help="train on GUM without entity labels (default: GUM's named person/organization/place "
                         "mentions become PER/ORG/LOC)")
    args = ap.parse_args(argv)
    tb = args.treebanks
    ewt, uner, gum = tb / "UD_English-EWT", tb / "UNER_English-EWT", tb / "UD_English-GUM"
    for d in (ewt, uner, gum):
        if not d.is_dir():
            ap.error(f"treebank folder not found: {d}")
    args.out.mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank("en")
    stats: dict = {}

    def write(name, docs):
        db = DocBin(store_user_data=False)
        n_tok = 0
        for d in docs:
            db.add(d)
            n_tok += len(d)
        db.to_disk(args.out / f"{name}.spacy")
        stats[name] = {"docs": len(db), "tokens": n_tok}
        print(f"{name}: {len(db)} docs, {n_tok} tokens")

    ner = {split: read_iob2(uner / f"en_ewt-ud-{split}.iob2") for split in ("train", "dev", "test")}
    ewt_s = {split: list(read_conllu(ewt / f"en_ewt-ud-{split}.conllu")) for split in ("train", "dev", "test")}
    gum_s = {split: list(read_conllu(gum / f"en_gum-ud-{split}.conllu")) for split in ("train", "dev", "test")}
    genres = {split: Counter(gum_genre(s["doc_id"]) for s in ss) for split, ss in gum_s.items()}
    allowed = {split: [s for s in ss if gum_genre(s["doc_id"]) in GUM_TRAIN_GENRES] for split, ss in gum_s.items()}
    stats["gum_sentences_by_genre"] = {k: dict(v) for k, v in genres.items()}
    stats["gum_train_genres"] = sorted(GUM_TRAIN_GENRES)

    titles = TITLES | _role_words()
    gum_train_ner = ({s["sent_id"]: gum_ner(s, titles) for split in ("train", "dev") for s in allowed[split]}
                     if args.gum_ner else None)
    if gum_train_ner:
        stats["gum_train_entities"] = dict(Counter(t[2:] for s in allowed["train"]
                                                   for _, t in gum_train_ner[s["sent_id"]] if t.startswith("B-")))
    n = args.n_sents
    write("train", [make_doc(nlp.vocab, c, ner["train"]) for c in group(ewt_s["train"], n)]
          + [make_doc(nlp.vocab, c, gum_train_ner) for c in group(allowed["train"], n)])
    write("dev", [make_doc(nlp.vocab, c, ner["dev"]) for c in group(ewt_s["dev"], n)]
          + [make_doc(nlp.vocab, c, None) for c in group(allowed["dev"], n)])
    # the final recipe (build_model.py --final): the same documents as train + dev, entities on both,
    # trained for a fixed number of steps chosen on the train/dev split and taken at the last step
    write("train-final", [make_doc(nlp.vocab, c, ner[split]) for split in ("train", "dev") for c in group(ewt_s[split], n)]
          + [make_doc(nlp.vocab, c, gum_train_ner) for split in ("train", "dev") for c in group(allowed[split], n)])
    write("ewt-dev-sents", [make_doc(nlp.vocab, [s], ner["dev"]) for s in ewt_s["dev"]])
    write("ewt-test", [make_doc(nlp.vocab, c, ner["test"]) for c in group(ewt_s["test"], 10)])
    write("ewt-test-sents", [make_doc(nlp.vocab, [s], ner["test"]) for s in ewt_s["test"]])
    write("gum-test", [make_doc(nlp.vocab, c, None) for c in group(gum_s["test"], 10)])
    write("gum-test-sents", [make_doc(nlp.vocab, [s], None) for s in gum_s["test"]])
    (args.out / "stats.json").write_text(json.dumps(stats, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
