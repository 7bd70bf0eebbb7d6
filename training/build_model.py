"""Build dateline's English pipeline end to end: convert the treebanks, train, evaluate, package.

    .venv/bin/python training/build_model.py --final         # all steps (what `make model` runs)
    .venv/bin/python training/build_model.py                 # development run: train only, best dev checkpoint
    .venv/bin/python training/build_model.py --skip-train    # re-evaluate and re-package an existing run

Steps
  1. training/convert.py   ../shared/data/treebanks -> build/training/corpus/*.spacy
  2. spacy train training/config.cfg -> build/training/output/model-best (development: train.spacy,
     best checkpoint on dev) or model-last (--final: train-final.spacy = train + dev, the step count
     chosen in development, last step)   (one thread, nice 10)
  3. evaluate that model on EWT test (UAS, LAS, XPOS, UPOS, morphology, PER/ORG/LOC F1) and GUM test,
     with spaCy's own tokenisation; write the scores, data licences and attribution into meta.json
     and copy the pipeline to src/dateline/models/en_dateline (the shipped artifact).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

SOURCES = [
    {
        "name": "UD_English-EWT (Universal Dependencies English Web Treebank)",
        "url": "https://github.com/UniversalDependencies/UD_English-EWT",
        "license": "CC BY-SA 4.0",
        "author": "Natalia Silveira, Timothy Dozat, Christopher Manning, Sebastian Schuster, Ethan Chi, "
                  "John Bauer, Miriam Connor, Marie-Catherine de Marneffe, Nathan Schneider, Sam Bowman, "
                  "Hanzhi Zhu, Daniel Galbraith (UD_English-EWT contributors); sentences from the LDC "
                  "English Web Treebank (LDC2012T13)",
        "used_for": "tags, morphology, dependencies (train; the final run also dev, the development run "
                    "selects on dev), scores (test)",
    },
    {
        "name": "UNER_English-EWT (Universal NER v1)",
        "url": "https://github.com/UniversalNER/UNER_English-EWT",
        "license": "CC BY-SA 4.0",
        "author": "Stephen Mayhew, Terra Blevins, Shuheng Liu, Marek Šuppa, Hila Gonen, Joseph Marvin "
                  "Imperial, Börje F. Karlsson, Peiqin Lin, Nikola Ljubešić, LJ Miranda, Barbara Plank, "
                  "Arij Riab, Yuval Pinter: Universal NER (NAACL 2024)",
        "used_for": "PER/ORG/LOC entities of the EWT sentences (OTH dropped)",
    },
    {
        "name": "UD_English-GUM (Georgetown University Multilayer corpus), CC BY / public-domain genres only",
        "url": "https://github.com/UniversalDependencies/UD_English-GUM",
        "license": "CC BY 4.0 for the genres trained on (Wikinews news, interviews and bios, Wikivoyage, "
                   "OpenStax textbooks, open-access academic articles, YouTube CC vlogs, Santa Barbara "
                   "Corpus conversations); political speeches public domain. wikiHow, fiction, court, "
                   "essay, letter and podcast documents (CC BY-NC-SA or unnamed) were NOT trained on; "
                   "GUM test (all genres) is used for evaluation only.",
        "author": "Amir Zeldes, Siyao Peng and the GUM annotators (https://gucorpling.org/gum/); texts by their "
                  "respective authors at Wikinews, Wikivoyage, OpenStax, PLOS and other open-access "
                  "journals, YouTube creators, John Du Bois / UCSB (Santa Barbara Corpus)",
        "used_for": "tags, morphology, dependencies (train, allowed genres); named person/organization/place "
                    "mentions of GUM's entity layer as PER/ORG/LOC (train, allowed genres); scores (test)",
    },
]


def run(cmd: list[str], env=None) -> None:
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=REPO, env=env)


def single_thread_env() -> dict:
    env = dict(os.environ)
    for k in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        env[k] = "1"
    return env


def scores(nlp, path: Path, *, ner: bool) -> dict:
    from spacy.tokens import DocBin
    from spacy.training import Example

    refs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    # predicted docs from spaCy's own tokeniser over the raw text: scores are over aligned tokens
    examples = [Example(nlp.make_doc(d.text), d) for d in refs]
    sc = nlp.evaluate(examples)
    out = {k: sc.get(k) for k in ("dep_uas", "dep_las", "tag_acc", "pos_acc", "morph_acc", "sents_f")}
    out["token_acc"] = sc.get("token_acc")
    if ner:
        out["ents_p"], out["ents_r"], out["ents_f"] = sc["ents_p"], sc["ents_r"], sc["ents_f"]
        out["ents_per_type"] = sc.get("ents_per_type")
    out["dep_las_per_type"] = {k: round(v["f"], 4) for k, v in sorted((sc.get("dep_las_per_type") or {}).items())
                               if k in {"nsubj", "nsubj:pass", "obj", "obl", "obl:agent", "ccomp", "xcomp", "conj"}}
    out["tokens"] = sum(len(d) for d in refs)
    out["docs"] = len(refs)
    return _round(out)


def _round(x):
    if isinstance(x, float):
        return round(x, 4)
    if isinstance(x, dict):
        return {k: _round(v) for k, v in x.items()}
    return x


def speed(nlp, path: Path) -> float:
    from spacy.tokens import DocBin

    texts = [d.text for d in DocBin().from_disk(path).get_docs(nlp.vocab)]
    list(nlp.pipe(texts[:100]))
    t = time.perf_counter()
    n = sum(len(d) for d in nlp.pipe(texts, batch_size=256))
    return round(n / (time.perf_counter() - t))


def evaluate_and_package(model: Path, corpus: Path, dest: Path, train_info: dict) -> dict:
    import spacy
    from dateline import nlp as dnlp

    nlp = spacy.load(model)
    res: dict = {}
    print("evaluating (spaCy tokenisation; EWT/GUM test, sentence by sentence and in 10-sentence documents)")
    res["ewt_test_sentences"] = scores(nlp, corpus / "ewt-test-sents.spacy", ner=True)
    res["ewt_test_documents"] = scores(nlp, corpus / "ewt-test.spacy", ner=True)
    res["gum_test_sentences"] = scores(nlp, corpus / "gum-test-sents.spacy", ner=False)
    res["gum_test_documents"] = scores(nlp, corpus / "gum-test.spacy", ner=False)
    res["tokens_per_second_1_thread"] = speed(nlp, corpus / "ewt-test-sents.spacy")
    dnlp.add_gazetteer_ruler(nlp, before="ner")
    res["ewt_test_sentences_with_gazetteer_ruler"] = {
        k: v for k, v in scores(nlp, corpus / "ewt-test-sents.spacy", ner=True).items()
        if k.startswith("ents") or k in ("tokens", "docs")}
    res["ewt_test_documents_with_gazetteer_ruler"] = {
        k: v for k, v in scores(nlp, corpus / "ewt-test.spacy", ner=True).items()
        if k.startswith("ents") or k in ("tokens", "docs")}

    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(model, dest)
    meta_p = dest / "meta.json"
    meta = json.loads(meta_p.read_text())
    stats_p = corpus / "stats.json"
    meta.update({
        "name": "dateline",
        "version": "0.1.0",
        "description": "dateline's English pipeline: tok2vec CNN (no pretrained vectors), tagger (PTB/XPOS), "
                       "morphologizer (UPOS + UD features), dependency parser (UD relations), entity "
                       "recogniser (PER, ORG, LOC as in Universal NER). Trained from open treebanks with "
                       "training/build_model.py; dateline adds a gazetteer entity ruler before 'ner' at load time.",
        "author": "dateline contributors",
        "url": "",
        "license": "CC BY-SA 4.0 (model weights derived from CC BY-SA 4.0 and CC BY 4.0 data; see sources)",
        "sources": SOURCES,
    })
    ewt = res["ewt_test_sentences"]
    meta["spacy_version"] = ">=3.8.0,<3.9.0"
    meta["performance"] = {k: ewt[k] for k in ("dep_uas", "dep_las", "tag_acc", "pos_acc", "morph_acc",
                                               "ents_p", "ents_r", "ents_f", "ents_per_type")}
    meta["dateline"] = {
        "evaluation": "spaCy's own tokenisation of the raw test text, scored on aligned tokens "
                      "(spacy.scorer; punctuation excluded from UAS/LAS). '_sentences': each gold sentence "
                      "parsed on its own (as dateline does: it parses sentence spans); '_documents': "
                      "10-sentence documents, sentence boundaries found by the parser.",
        "scores": res,
        "training": train_info,
        "data": json.loads(stats_p.read_text()) if stats_p.exists() else {},
    }
    for junk in ("performance.json",):
        (dest / junk).unlink(missing_ok=True)
    meta_p.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n")
    return res


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--treebanks", type=Path, default=REPO.parent / "shared" / "data" / "treebanks")
    ap.add_argument("--work", type=Path, default=REPO / "build" / "training")
    ap.add_argument("--config", type=Path, default=REPO / "training" / "config.cfg")
    ap.add_argument("--dest", type=Path, default=REPO / "src" / "dateline" / "models" / "en_dateline")
    ap.add_argument("--skip-convert", action="store_true")
    ap.add_argument("--skip-train", action="store_true", help="evaluate and package an existing run")
    ap.add_argument("--final", action="store_true",
                    help="train on train + dev (train-final.spacy) for the configured steps and ship the last "
                         "step (model-last); dev scores are then not a selection signal")
    ap.add_argument("--train-args", nargs=argparse.REMAINDER, default=[],
                    help="extra `spacy train` overrides, e.g. --training.max_steps 2000")
    args = ap.parse_args(argv)
    corpus, output = args.work / "corpus", args.work / "output"
    py = sys.executable
    if not args.skip_convert:
        run([py, "training/convert.py", "--treebanks", str(args.treebanks), "--out", str(corpus)])
    info_p = output / "dateline_training.json"
    if not args.skip_train:
        t0 = time.time()
        run(["nice", "-n", "10", py, "-m", "spacy", "train", str(args.config), "-o", str(output),
             "--paths.train", str(corpus / ("train-final.spacy" if args.final else "train.spacy")),
             "--paths.dev", str(corpus / "dev.spacy"),
             *args.train_args], env=single_thread_env())
        info = {"wall_seconds": round(time.time() - t0), "threads": 1, "config": "training/config.cfg",
                "train_corpus": "train + dev (final run, last step)" if args.final else "train (best dev checkpoint)",
                "overrides": args.train_args,
                "finished": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
        info_p.write_text(json.dumps(info, indent=2))
    info = json.loads(info_p.read_text()) if info_p.exists() else {}
    chosen = output / ("model-last" if args.final else "model-best")
    best_meta = json.loads((chosen / "meta.json").read_text())
    info["best_dev_scores" if not args.final else "last_dev_scores_seen_in_training"] = _round(
        {k: v for k, v in (best_meta.get("performance") or {}).items() if not isinstance(v, dict)})
    res = evaluate_and_package(chosen, corpus, args.dest, info)
    print(json.dumps(res, indent=2))
    size = sum(p.stat().st_size for p in args.dest.rglob("*") if p.is_file())
    e, g = res["ewt_test_sentences"], res["gum_test_sentences"]
    per = e.get("ents_per_type") or {}
    print(f"\nEWT test: UAS {e['dep_uas']:.3f} LAS {e['dep_las']:.3f} XPOS {e['tag_acc']:.3f} "
          f"UPOS {e['pos_acc']:.3f} NER F1 {e['ents_f']:.3f} "
          + " ".join(f"{k} {v['f']:.3f}" for k, v in sorted(per.items())))
    eg = res["ewt_test_sentences_with_gazetteer_ruler"]
    print(f"EWT test NER with gazetteer ruler: F1 {eg['ents_f']:.3f} "
          + " ".join(f"{k} {v['f']:.3f}" for k, v in sorted((eg.get('ents_per_type') or {}).items())))
    print(f"GUM test: UAS {g['dep_uas']:.3f} LAS {g['dep_las']:.3f} XPOS {g['tag_acc']:.3f} UPOS {g['pos_acc']:.3f}")
    print(f"artifact: {args.dest} ({size / 1e6:.1f} MB), {res['tokens_per_second_1_thread']} tokens/s (1 thread)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
