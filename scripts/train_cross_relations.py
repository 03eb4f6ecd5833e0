"""Train src/kgraph/extract/data/cross_relations.npz: NEREL's relations between mentions of different sentences.

Usage: python scripts/train_cross_relations.py [NEREL_TRAIN_DIR] [-o DIR] [--held-out N]

Data: NEREL v1.1 train (gold mentions and relations). Each candidate pair of gold mentions of different sentences
(kgraph.extract.relations.across.candidates: nearby, of type pairs train relates across sentences MIN_SIGNATURE
times or more) is an item labelled with its relation type, or NONE; across.pair_features computes the features, the
same the extractor computes at run time. Three feed-forward networks are trained on them as for the relations
within a sentence (scripts/relation_network.py, scripts/train_relations.py: 64 hidden units, five epochs, features
of two related pairs or more, seeds 1 to 3). On the last 150 train documents (trained on the rest, given the gold
mentions, the classifier alone) they score P 0.575 R 0.172 F1 0.265 at the extractor's floor (0.4), where the
maximum-entropy classifier they replace (pycrfsuite, c1 0.3, c2 0.01) scored P 0.435 R 0.189 F1 0.264; at 0.2,
0.298 against 0.266, but a lower floor adds more wrong relations than right ones over all relations. The
committed model was retrained when a headline's or a caption's line break became a sentence's end for the parser
(kgraph.extract.relations.learned._LINE_END): NEREL dev across sentences, given the gold mentions, F1 0.257 -> 0.262.
Beside it, cross_signatures.tsv: per pair of types, the relation types train
gives it across sentences MIN_SIGNATURE times or more, the only ones the extractor then chooses among.
With --held-out N the last N train documents are left out, to tune on them; the committed model is trained on all
of train. Only dev is used for reporting: this script refuses a folder named dev. The same input gives the same
bytes.
"""

import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import numpy as np
from relation_network import kept_features, matrix, save
from relation_network import train as train_network
from train_relations import LEAST_SEEN, NETWORKS, SETTINGS, documents_of, training_arguments

from kgraph.evaluation.nerel import NerelDocument
from kgraph.extract.relations.across import MODEL, SIGNATURES, Context, candidates, pair_features
from kgraph.extract.relations.learned import NONE, Mention, Sentences

MIN_SIGNATURE = 5
"""Cross-sentence relations of a type pair (and of a relation type for it) needed in train to be asked about."""


def mention(m: object) -> Mention:
    return Mention(m.start, m.end, m.type)  # type: ignore[attr-defined]


def signatures_of(
    documents: list[NerelDocument], sentences_of: Callable[[NerelDocument], Sentences]
) -> dict[tuple[str, str], frozenset[str]]:
    """The type pairs related across sentences MIN_SIGNATURE times or more, and the relation types each pair is
    given so often, with NONE."""
    counts: Counter[tuple[str, str, str]] = Counter()
    for document in documents:
        sentences = sentences_of(document)
        for relation in document.relations:
            if sentences.sentence(mention(relation.source)) != sentences.sentence(mention(relation.target)):
                counts[(relation.source.type, relation.target.type, relation.type)] += 1
    table: dict[tuple[str, str], set[str]] = {}
    for (a, b, kind), count in sorted(counts.items()):
        if count >= MIN_SIGNATURE:
            table.setdefault((a, b), {NONE}).add(kind)
    return {pair: frozenset(kinds) for pair, kinds in table.items()}


def items(
    documents: list[NerelDocument],
    sentences_of: Callable[[NerelDocument], Sentences],
    allowed: dict[tuple[str, str], frozenset[str]],
) -> list[tuple[list[str], str]]:
    """Each document's candidate pairs: features and gold label."""
    found = []
    for document in documents:
        mentions = [mention(m) for m in document.mentions]
        context = Context(document.text, sentences_of(document), mentions)
        gold: dict[tuple[Mention, Mention], str] = {}
        for relation in sorted(document.relations, key=lambda r: r.type):
            gold.setdefault((mention(relation.source), mention(relation.target)), relation.type)
        for a, b in candidates(context, allowed):
            label = gold.get((a, b), NONE)
            found.append((pair_features(context, a, b), label if label in allowed[(a.type, b.type)] else NONE))
    return found


def train(examples: list[tuple[list[str], str]], out: Path) -> None:
    """Train the networks on `examples` into the file `out`."""
    items, labels = [features for features, _ in examples], [label for _, label in examples]
    features = kept_features(items, labels, NONE, LEAST_SEEN)
    kinds = sorted(set(labels))
    position = {kind: i for i, kind in enumerate(kinds)}
    x = matrix(items, {feature: row for row, feature in enumerate(features)})
    y = np.array([position[label] for label in labels])
    networks = [train_network(x, y, len(kinds), SETTINGS, seed) for seed in range(1, NETWORKS + 1)]
    save(out, features, kinds, networks)


def main() -> None:
    arguments = training_arguments(__doc__.splitlines()[0]).parse_args()
    documents, _ = documents_of(arguments)
    started = time.perf_counter()
    parsed = {document.name: Sentences(document.text) for document in documents}
    allowed = signatures_of(documents, lambda d: parsed[d.name])
    examples = items(documents, lambda d: parsed[d.name], allowed)
    labels = Counter(label for _, label in examples)
    took = time.perf_counter() - started
    print(f"{len(examples)} pairs ({labels[NONE]} NONE) from {len(documents)} documents in {took:.0f} s")
    arguments.out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    train(examples, arguments.out / MODEL)
    rows = "".join(f"{a}\t{b}\t{' '.join(sorted(kinds))}\n" for (a, b), kinds in sorted(allowed.items()))
    header = (
        "# Arg1 type, Arg2 type, and the relation types NEREL v1.1 train gives the pair across sentences"
        f" {MIN_SIGNATURE}+ times (and NONE)\n"
    )
    (arguments.out / SIGNATURES).write_text(header + rows, encoding="utf-8")
    size = (arguments.out / MODEL).stat().st_size
    print(f"trained in {time.perf_counter() - started:.0f} s, {size / 1024:.0f} KB")


if __name__ == "__main__":
    main()
