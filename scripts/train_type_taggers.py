"""Train src/kgraph/extract/data/type_taggers/TYPE.crfsuite: a CRF per NEREL entity type, on NEREL train.

Usage: python scripts/train_type_taggers.py [NEREL_TRAIN_DIR] [-o DIR] [--held-out N] [--jobs N] [--types T ...]

NEREL nests its 29 types ("[заместитель [министра]]", "[суд [Москвы]]"). A tagger per type learns the outermost
mentions of its type, so a mention inside one of another type is found by its own tagger; the types that often
nest in themselves (kgraph.extract.typed.taggers.NESTED) get a second tagger, TYPE.inner.crfsuite, of the innermost
mentions. The features are kgraph.extract.names.org_tagger.token_features over natasha's tokens and spans, the same
the extractor computes at run time, read once for all the taggers.

By default every type but those the rules give better (kgraph.extract.typed.taggers.RULE_TYPES, chosen on the
held-out documents with all 29 trained). With --held-out N the last N train documents are left out, to tune on
them (kgraph.evaluation.types.evaluate_types on a folder of those documents, with the models in place); the
committed models are trained on all of train. Only dev is used for reporting: this script refuses a folder named
dev. About a minute per model on one core (15 minutes for the 30 models with two jobs); the same input gives the
same bytes.
"""

import argparse
import multiprocessing
import os
import time
from pathlib import Path

import pycrfsuite  # type: ignore[import-untyped]

from kgraph.evaluation.nerel import NerelDocument, read_folder
from kgraph.extract.data.training import train_atomically
from kgraph.extract.names.org_tagger import Features, labels, outermost, token_features
from kgraph.extract.text.ner import Token, analyse
from kgraph.extract.typed.taggers import MODELS, NEREL_TYPES, NESTED, RULE_TYPES, innermost, model_name

PARAMETERS = {
    "c1": float(os.environ.get("KG_C1", "0.3")),
    "c2": 0.01,
    "max_iterations": 150,
    "feature.possible_transitions": True,
}
"""L1 (c1) keeps each model small: a weight no feature needs is dropped."""

_READ: list[tuple[list[Features], tuple[Token, ...], NerelDocument]] = []


def _train_one(job: tuple[str, str, Path]) -> tuple[str, float, int]:
    """Train the tagger of one type and layer on the documents read (shared with the parent process by fork)."""
    kind, layer, out = job
    started = time.perf_counter()
    trainer = pycrfsuite.Trainer(verbose=False)
    for features, tokens, document in _READ:
        spans = [(m.start, m.end) for m in document.mentions if m.type == kind]
        trainer.append(features, labels(tokens, outermost(spans) if layer == "outer" else innermost(spans)))
    train_atomically(trainer, PARAMETERS, out)
    return f"{kind} {layer}", time.perf_counter() - started, out.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train", nargs="?", type=Path, default=Path("../shared/nerel/train"))
    default = Path(__file__).resolve().parent.parent / "src" / "kgraph" / "extract" / "data" / MODELS
    parser.add_argument("-o", "--out", type=Path, default=default)
    parser.add_argument("--held-out", type=int, default=0, help="leave out the last N train documents")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--types", nargs="*", default=[t for t in NEREL_TYPES if t not in RULE_TYPES])
    arguments = parser.parse_args()
    if arguments.train.name == "dev" or "dev" in arguments.train.parts[-1:]:
        raise SystemExit("never train on dev")
    documents = read_folder(arguments.train)
    if arguments.held_out:
        documents = documents[: -arguments.held_out]
    started = time.perf_counter()
    for document in documents:
        analysis = analyse(document.text)
        _READ.append((token_features(document.text, analysis), analysis.tokens, document))
    print(f"read {len(documents)} documents in {time.perf_counter() - started:.0f} s")
    arguments.out.mkdir(parents=True, exist_ok=True)
    jobs = [(kind, "outer", arguments.out / model_name(kind, "outer")) for kind in arguments.types]
    jobs += [(kind, "inner", arguments.out / model_name(kind, "inner")) for kind in arguments.types if kind in NESTED]
    with multiprocessing.get_context("fork").Pool(arguments.jobs) as pool:
        for kind, seconds, size in pool.imap_unordered(_train_one, jobs):
            print(f"{kind}: {seconds:.0f} s, {size / 1024:.0f} KB", flush=True)


if __name__ == "__main__":
    main()
