"""Train src/kgraph/extract/data/profession_words.tsv: which animate common nouns name an office or an occupation.

Usage: python scripts/train_profession_words.py [NEREL_TRAIN_DIR] [-o FILE]   (default ../shared/nerel/train)

Each word of NEREL train that pymorphy3 reads first as an animate common noun (not a first name, a surname, a
patronymic, an abbreviation, a place or an organisation) is an example: its lemma's vector in natasha's navec
embedding, labelled 1 when a PROFESSION mention of train holds the word ("моряк", "[министр] обороны"), else 0
("девочка", "жители", "сторонников"). A logistic regression (numpy, full-batch gradient descent from zeros, L2) is
fitted first on all documents but the last 150 and measured on those (printed: precision and recall of each
threshold), then on every document for the file. The dev split is used only for measuring; this script refuses
it. Takes about a minute; the same input gives the same bytes.
"""

import argparse
from pathlib import Path

import numpy

from kgraph.evaluation.nerel import NerelDocument, read_folder
from kgraph.extract.spans import SpanIndex
from kgraph.extract.typed.profession_words import candidates
from kgraph.rdfio import bytes_writer, write_atomically

HELD_OUT = 150
"""The last train documents the first fit is measured on."""

L2, EPOCHS, RATE = 1e-3, 300, 0.5


def examples(documents: list[NerelDocument]) -> tuple[numpy.ndarray, numpy.ndarray]:
    """The vectors of the documents' candidate words, and whether a PROFESSION mention holds each."""
    vectors, labels = [], []
    for document in documents:
        offices = SpanIndex((m.start, m.end) for m in document.mentions if m.type == "PROFESSION")
        for start, end, vector in candidates(document.text):
            vectors.append(vector)
            labels.append(offices.covers(start, end))
    return numpy.array(vectors, dtype=numpy.float32), numpy.array(labels, dtype=numpy.float32)


def fit(vectors: numpy.ndarray, labels: numpy.ndarray) -> tuple[numpy.ndarray, float]:
    """The weights and bias of a logistic regression."""
    weights, bias = numpy.zeros(vectors.shape[1], dtype=numpy.float32), 0.0
    for _ in range(EPOCHS):
        error = 1 / (1 + numpy.exp(-(vectors @ weights + bias))) - labels
        weights -= RATE * (vectors.T @ error / len(labels) + L2 * weights)
        bias -= RATE * float(error.mean())
    return weights, bias


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train", nargs="?", type=Path, default=Path("../shared/nerel/train"))
    default = Path(__file__).resolve().parent.parent / "src/kgraph/extract/data/profession_words.tsv"
    parser.add_argument("-o", "--out", type=Path, default=default)
    arguments = parser.parse_args()
    if "dev" in arguments.train.parts[-1:]:
        raise SystemExit("never train on dev")
    documents = [d for d in read_folder(arguments.train) if d.text.strip()]
    weights, bias = fit(*examples(documents[:-HELD_OUT]))
    vectors, labels = examples(documents[-HELD_OUT:])
    scores = 1 / (1 + numpy.exp(-(vectors @ weights + bias)))
    print(f"held out: {len(labels)} words, {int(labels.sum())} in a PROFESSION mention")
    for threshold in (0.3, 0.5, 0.7, 0.9):
        kept = scores >= threshold
        right = float(labels[kept].sum())
        print(
            f"  {threshold}: P {right / max(kept.sum(), 1):.3f} R {right / labels.sum():.3f} ({int(kept.sum())} kept)"
        )
    weights, bias = fit(*examples(documents))
    lines = [
        "# Which animate common nouns name an office or an occupation: a logistic regression over a word's lemma's",
        "# navec vector (natasha's news embedding), the bias then the 300 weights. Built by",
        "# scripts/train_profession_words.py from NEREL v1.1 train; read by kgraph.extract.typed.profession_words.",
        f"{bias:.8g}",
        *(f"{weight:.8g}" for weight in weights),
    ]
    write_atomically(arguments.out, bytes_writer(("\n".join(lines) + "\n").encode()))
    print(f"wrote {arguments.out}")


if __name__ == "__main__":
    main()
