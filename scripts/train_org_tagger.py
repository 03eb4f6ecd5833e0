"""Train src/kgraph/extract/data/org_tagger.crfsuite, the CRF that tags organisation names, on NEREL train.

Usage: python scripts/train_org_tagger.py [NEREL_TRAIN_DIR] [-o MODEL] [--held-out N]   (default ../shared/nerel/train)

The labels are the outermost ORGANIZATION mentions of each document (NEREL nests names; a flat tagger learns one
layer); the features are kgraph.extract.names.org_tagger.token_features over natasha's tokens and spans, the same the
extractor computes at run time. Only the dev split is used for measuring; this script must never read it. Takes
about two minutes for the 746 train documents; the same input gives the same bytes. With --held-out N the last N
train documents are left out (for scripts/train_sequence_tagger.py --kind ORGANIZATION --held-out N --crf, which
scores the two models on them).
"""

import argparse
from pathlib import Path

import pycrfsuite  # type: ignore[import-untyped]

from kgraph.evaluation.nerel import read_folder
from kgraph.extract.data.training import train_atomically
from kgraph.extract.names.org_tagger import MODEL, labels, outermost, token_features
from kgraph.extract.text.ner import analyse

PARAMETERS = {"c1": 0.1, "c2": 0.01, "max_iterations": 200, "feature.possible_transitions": True}


def train(folder: Path, out: Path, held_out: int = 0) -> int:
    """Train on every NEREL document in `folder` but the last `held_out`, write the model to `out`; returns the
    number of documents trained on."""
    documents = read_folder(folder)
    documents = documents[: len(documents) - held_out]
    if not documents:
        raise SystemExit(f"{folder}: no NEREL documents")
    trainer = pycrfsuite.Trainer(verbose=False)
    for document in documents:
        analysis = analyse(document.text)
        names = outermost([(m.start, m.end) for m in document.mentions if m.type == "ORGANIZATION"])
        trainer.append(token_features(document.text, analysis), labels(analysis.tokens, names))
    train_atomically(trainer, PARAMETERS, out)
    return len(documents)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train", nargs="?", type=Path, default=Path("../shared/nerel/train"))
    default = Path(__file__).resolve().parent.parent / "src" / "kgraph" / "extract" / "data" / MODEL
    parser.add_argument("-o", "--out", type=Path, default=default)
    parser.add_argument("--held-out", type=int, default=0, help="leave out the last N train documents")
    arguments = parser.parse_args()
    if arguments.train.resolve().name == "dev":
        raise SystemExit("never train on dev")
    count = train(arguments.train, arguments.out, arguments.held_out)
    print(f"{arguments.out}: trained on {count} documents")


if __name__ == "__main__":
    main()
