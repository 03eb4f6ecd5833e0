"""Train src/kgraph/extract/data/relations.crfsuite: NEREL's relations between the mentions of a sentence.

Usage: python scripts/train_relations.py [NEREL_TRAIN_DIR] [-o DIR] [--held-out N]

Each ordered pair of gold mentions of one sentence whose types NEREL train relates (in-sentence, MIN_SIGNATURE
times or more) is an item labelled with its relation type, or NONE; kgraph.extract.relations.learned computes the
features, the same the extractor computes at run time. pycrfsuite trains a maximum-entropy classifier on them
(a CRF over one-item sequences), with L1 to keep it small (c1 0.3 and 0.1 scored alike on the held-out documents;
0.3 gives the smaller model). Beside it, relation_signatures.tsv: per pair of types, the relation types train
gives it MIN_SIGNATURE times or more, the only ones the extractor then chooses among.
With --held-out N the last N train documents are left out, to tune on them; the committed model is trained on all
of train. Only dev is used for reporting: this script refuses a folder named dev. The same input gives the same
bytes.
"""

import argparse
import os
import time
from collections import Counter
from pathlib import Path

import pycrfsuite  # type: ignore[import-untyped]

from kgraph.evaluation.nerel import NerelDocument, read_folder
from kgraph.extract.data.training import train_atomically
from kgraph.extract.relations.learned import (
    MODEL,
    NONE,
    SIGNATURES,
    Mention,
    Mentions,
    Sentences,
    candidates,
    pair_features,
)

PARAMETERS = {
    "c1": float(os.environ.get("KG_C1", "0.3")),
    "c2": float(os.environ.get("KG_C2", "0.01")),
    "max_iterations": int(os.environ.get("KG_ITER", "200")),
}

MIN_SIGNATURE = 3
"""In-sentence relations of a type pair needed in train for the pair to become a candidate."""


def mention(m: object) -> Mention:
    return Mention(m.start, m.end, m.type)  # type: ignore[attr-defined]


def signatures_of(documents: list[NerelDocument]) -> dict[tuple[str, str], list[str]]:
    """The type pairs related within a sentence MIN_SIGNATURE times or more, and the relation types each pair is
    given MIN_SIGNATURE times or more."""
    counts: Counter[tuple[str, str, str]] = Counter()
    for document in documents:
        sentences = Sentences(document.text)
        for relation in document.relations:
            if sentences.sentence(mention(relation.source)) == sentences.sentence(mention(relation.target)):
                counts[(relation.source.type, relation.target.type, relation.type)] += 1
    table: dict[tuple[str, str], list[str]] = {}
    for (a, b, kind), count in sorted(counts.items()):
        if count >= MIN_SIGNATURE:
            table.setdefault((a, b), []).append(kind)
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train", nargs="?", type=Path, default=Path("../shared/nerel/train"))
    default = Path(__file__).resolve().parent.parent / "src" / "kgraph" / "extract" / "data"
    parser.add_argument("-o", "--out", type=Path, default=default)
    parser.add_argument("--held-out", type=int, default=0, help="leave out the last N train documents")
    arguments = parser.parse_args()
    if arguments.train.name == "dev":
        raise SystemExit("never train on dev")
    documents = read_folder(arguments.train)
    if arguments.held_out:
        documents = documents[: -arguments.held_out]
    started = time.perf_counter()
    allowed = signatures_of(documents)
    trainer = pycrfsuite.Trainer(verbose=False)
    labels: Counter[str] = Counter()
    for document in documents:
        sentences = Sentences(document.text)
        mentions = [mention(m) for m in document.mentions]
        indexed = Mentions(mentions)
        gold: dict[tuple[Mention, Mention], str] = {}
        for relation in sorted(document.relations, key=lambda r: r.type):
            gold.setdefault((mention(relation.source), mention(relation.target)), relation.type)
        for a, b in candidates(sentences, mentions, allowed):
            label = gold.get((a, b), NONE)
            labels[label] += 1
            trainer.append([pair_features(sentences, indexed, a, b)], [label])
    took = time.perf_counter() - started
    print(f"{sum(labels.values())} pairs ({labels[NONE]} NONE) from {len(documents)} documents in {took:.0f} s")
    arguments.out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    train_atomically(trainer, PARAMETERS, arguments.out / MODEL)
    rows = "".join(f"{a}\t{b}\t{' '.join(kinds)}\n" for (a, b), kinds in sorted(allowed.items()))
    header = (
        f"# Arg1 type, Arg2 type, and the relation types NEREL v1.1 train gives the pair within a sentence"
        f" {MIN_SIGNATURE}+ times\n"
    )
    (arguments.out / SIGNATURES).write_text(header + rows, encoding="utf-8")
    size = (arguments.out / MODEL).stat().st_size
    print(f"trained in {time.perf_counter() - started:.0f} s, {size / 1024:.0f} KB")


if __name__ == "__main__":
    main()
