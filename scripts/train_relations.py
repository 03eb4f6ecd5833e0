"""Train src/kgraph/extract/data/relations.npz: NEREL's relations between the mentions of a sentence.

Usage: python scripts/train_relations.py [NEREL_TRAIN_DIR] [-o DIR] [--held-out N] [--networks K]

Each ordered pair of gold mentions of one sentence whose types NEREL train relates (in-sentence, MIN_SIGNATURE
times or more) is an item labelled with its relation type, or NONE; kgraph.extract.relations.learned computes the
features, the same the extractor computes at run time. Three feed-forward networks (scripts/relation_network.py:
one hidden layer of 64 ReLU units over the features seen in two related pairs or more, dropout 0.3, Adam, five
epochs, seeds 1 to 3; numpy and scipy, one thread) are trained on them; the extractor averages their
probabilities (kgraph.extract.relations.network). Beside the model, relation_signatures.tsv: per pair of types,
the relation types train gives it MIN_SIGNATURE times or more, the only ones the extractor then chooses among; and
relation_single.tsv: the relation types whose Arg1 (or Arg2) train gives a mention once (an event one POINT_IN_TIME),
of which the extractor keeps the likeliest only.

Chosen on the last 150 train documents (trained on the other 596, given the gold mentions, within-sentence
relations, floor 0.25): the maximum-entropy classifier this replaces (pycrfsuite, c1 0.3, c2 0.01) scored F1
0.622; one network of 64 units 0.645, of 128 units 0.641 to 0.648 by seed; the three averaged 0.657 (P 0.670 R
0.644); gradient-boosted trees (LightGBM) 0.638, ten times slower to run. About 2.5 minutes on NEREL train (each
document parsed once: 57 s; the networks 86 s).

With --held-out N the last N train documents are left out and the model is scored on them; the committed model is
trained on all of train. Only dev is used for reporting: this script refuses a folder named dev. The same input
gives the same bytes on one machine; on another (a fresh install, other numpy) natasha's parser gave a few other
dependency paths, and a model of 59,316 features instead of the 59,328 trained on the first (relation_single.tsv and
the signatures, which read no parse, the same bytes). The committed model (57,739 features) was trained after a
line break that ends a headline or a caption became a sentence's end for the parser (learned._LINE_END: before, the
headline, the photo caption and the first sentence were read as one): held out, F1 0.685 -> 0.706 at floor 0.25,
one per slot (the held-out in-sentence relations are those the new sentences hold); NEREL dev, given the gold
mentions, within a sentence 0.678 -> 0.699 (the same relations counted, razdel's sentences), all relations 0.607 ->
0.626 with the cross-sentence model retrained alike. About 1.5 minutes on NEREL train.

Each pair's navec vectors (kgraph.extract.relations.learned.pair_vector: the two head words, their lowest common
ancestor, the words between, averaged; 1,200 numbers) are read beside its features, through weights of their own
saved as "dense": held out, at floor 0.25, one per slot, F1 0.706 -> 0.714; NEREL dev, given the gold mentions,
within a sentence 0.699 -> 0.704 (all relations 0.626 -> 0.630, end to end 0.417 -> 0.416). About 2.5 minutes on
NEREL train, 11.3 MB.
"""

import argparse
import time
from collections import Counter
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
from relation_network import Settings, kept_features, matrix, save, train

from kgraph.evaluation.nerel import NerelDocument, read_folder
from kgraph.extract.relations.learned import (
    NONE,
    SIGNATURES,
    SINGLE,
    Mention,
    Mentions,
    Relation,
    Sentences,
    candidates,
    pair_features,
    pair_vector,
)
from kgraph.extract.relations.network import MODEL

SETTINGS = Settings(hidden=64, dropout=0.3, rate=1e-3, batch=128, epochs=5)
"""The network's size and training (chosen on the last 150 train documents, see the module's docstring)."""

NETWORKS = 3
"""Networks averaged, trained alike from seeds 1, 2, 3."""

LEAST_SEEN = 2
"""A feature is kept when seen in this many candidate pairs or more, and in as many related pairs."""

MIN_SIGNATURE = 3
"""In-sentence relations of a type pair needed in train for the pair to become a candidate."""


def mention(m: object) -> Mention:
    return Mention(m.start, m.end, m.type)  # type: ignore[attr-defined]


def within_sentences(
    number: int, document: NerelDocument, sentences: Sentences
) -> set[tuple[int, str, Mention, Mention]]:
    """The gold relations of `document` (the `number`th scored) whose two mentions share a sentence, as (number,
    type, Arg1, Arg2)."""
    found = set()
    for relation in document.relations:
        a, b = mention(relation.source), mention(relation.target)
        if sentences.sentence(a) == sentences.sentence(b):
            found.add((number, relation.type, a, b))
    return found


class Scored(NamedTuple):
    """A held-out document as the scorers read it: its parse, gold mentions (and their index) and candidate pairs."""

    sentences: Sentences
    mentions: list[Mention]
    indexed: Mentions
    pairs: list[tuple[Mention, Mention]]


def scored_documents(
    documents: list[NerelDocument], allowed: dict[tuple[str, str], frozenset[str]]
) -> tuple[list[Scored], set[tuple[int, str, Mention, Mention]]]:
    """Each held-out document's parse, gold mentions and candidate pairs of the `allowed` type signatures, and the
    gold relations within a sentence of them all (``within_sentences``)."""
    read: list[Scored] = []
    gold: set[tuple[int, str, Mention, Mention]] = set()
    for number, document in enumerate(documents):
        sentences = Sentences(document.text)
        mentions = [mention(m) for m in document.mentions]
        gold |= within_sentences(number, document, sentences)
        read.append(Scored(sentences, mentions, Mentions(mentions), candidates(sentences, mentions, allowed)))
    return read, gold


def scores(found: list[list[Relation]], floor: float, slots: Any, gold: set[tuple[int, str, Mention, Mention]]) -> str:
    """P, R and F1, as printed, of the relations `found` (a list per document scored) whose probability is `floor`
    or more, one per slot of `slots` (``learned.one_per_slot``), against `gold` (``within_sentences``)."""
    from kgraph.extract.relations.learned import one_per_slot

    predicted = {
        (number, r.type, r.source, r.target)
        for number, relations in enumerate(found)
        for r in one_per_slot([r for r in relations if r.confidence >= floor], slots)
    }
    right = len(predicted & gold)
    p, r = right / max(1, len(predicted)), right / max(1, len(gold))
    return f"P {p:.3f} R {r:.3f} F1 {2 * p * r / max(p + r, 1e-9):.3f}"


def tables_in(folder: Path) -> tuple[dict[tuple[str, str], frozenset[str]], frozenset[tuple[str, int]]]:
    """The type signatures and the single slots written beside a model in `folder`."""
    from kgraph.extract.data.tables import parse_rows
    from kgraph.extract.relations.learned import signature_table, slot_table

    allowed = signature_table(parse_rows((folder / SIGNATURES).read_text(encoding="utf-8")))
    return allowed, slot_table(parse_rows((folder / SINGLE).read_text(encoding="utf-8")))


def signatures_of(documents: list[NerelDocument], parsed: list[Sentences]) -> dict[tuple[str, str], list[str]]:
    """The type pairs related within a sentence MIN_SIGNATURE times or more, and the relation types each pair is
    given MIN_SIGNATURE times or more (`parsed`: each document's sentences)."""
    counts: Counter[tuple[str, str, str]] = Counter()
    for document, sentences in zip(documents, parsed, strict=True):
        for relation in document.relations:
            if sentences.sentence(mention(relation.source)) == sentences.sentence(mention(relation.target)):
                counts[(relation.source.type, relation.target.type, relation.type)] += 1
    table: dict[tuple[str, str], list[str]] = {}
    for (a, b, kind), count in sorted(counts.items()):
        if count >= MIN_SIGNATURE:
            table.setdefault((a, b), []).append(kind)
    return table


SINGLE_SHARE = 0.08
"""A relation type's Arg1 (or Arg2) is given once when at most this share of the mentions train gives it as such
within a sentence have two or more (on the last 150 train documents, at the extractor's floor, keeping only the
likeliest of each such slot raised F1 from 0.659 to 0.668; with the share at 0.05, 0.1 and 0.2 an experiment on
the same documents gave 0.667, 0.668 and 0.665, against 0.669 at 0.08)."""

SINGLE_LEAST = 20
"""Mentions a slot needs in train to be judged."""


def single_slots_of(documents: list[NerelDocument], parsed: list[Sentences]) -> list[tuple[str, str]]:
    """(relation type, "Arg1" or "Arg2") where train gives a mention that relation once within a sentence: at most
    SINGLE_SHARE of the SINGLE_LEAST or more mentions so related have two or more (`parsed`: each document's
    sentences)."""
    given: Counter[tuple[str, str, int, Mention]] = Counter()
    for number, (document, sentences) in enumerate(zip(documents, parsed, strict=True)):
        for relation in document.relations:
            source, target = mention(relation.source), mention(relation.target)
            if sentences.sentence(source) == sentences.sentence(target):
                given[(relation.type, "Arg1", number, source)] += 1
                given[(relation.type, "Arg2", number, target)] += 1
    mentions: Counter[tuple[str, str]] = Counter()
    twice: Counter[tuple[str, str]] = Counter()
    for (kind, side, _, _), count in given.items():
        mentions[(kind, side)] += 1
        twice[(kind, side)] += count > 1
    return sorted(k for k, n in mentions.items() if n >= SINGLE_LEAST and twice[k] <= SINGLE_SHARE * n)


def training_arguments(description: str) -> argparse.ArgumentParser:
    """What every relation training script reads: NEREL's train folder, where to write (-o), and how many of the
    last documents to leave out and score on (--held-out)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("train", nargs="?", type=Path, default=Path("../shared/nerel/train"))
    default = Path(__file__).resolve().parent.parent / "src" / "kgraph" / "extract" / "data"
    parser.add_argument("-o", "--out", type=Path, default=default)
    parser.add_argument("--held-out", type=int, default=0, help="leave out the last N train documents, score on them")
    return parser


def documents_of(arguments: argparse.Namespace) -> tuple[list[NerelDocument], list[NerelDocument]]:
    """The train documents to learn from and the last --held-out ones left out; never a folder named dev."""
    if arguments.train.resolve().name == "dev":
        raise SystemExit("never train on dev")
    documents = read_folder(arguments.train)
    held = documents[len(documents) - arguments.held_out :] if arguments.held_out else []
    return documents[: len(documents) - len(held)], held


def main() -> None:
    parser = training_arguments(__doc__.splitlines()[0])
    parser.add_argument("--networks", type=int, default=NETWORKS, help="networks averaged (seeds 1..N)")
    parser.add_argument("--epochs", type=int, default=SETTINGS.epochs)
    parser.add_argument("--hidden", type=int, default=SETTINGS.hidden)
    arguments = parser.parse_args()
    documents, held = documents_of(arguments)
    started = time.perf_counter()
    parsed = [Sentences(document.text) for document in documents]  # parsed once: most of the time before training
    allowed = signatures_of(documents, parsed)
    items: list[list[str]] = []
    labels: list[str] = []
    vectors: list[np.ndarray] = []
    for document, sentences in zip(documents, parsed, strict=True):
        mentions = [mention(m) for m in document.mentions]
        indexed = Mentions(mentions)
        gold: dict[tuple[Mention, Mention], str] = {}
        for relation in sorted(document.relations, key=lambda r: r.type):
            gold.setdefault((mention(relation.source), mention(relation.target)), relation.type)
        for a, b in candidates(sentences, mentions, allowed):
            labels.append(gold.get((a, b), NONE))
            items.append(pair_features(sentences, indexed, a, b))
            vectors.append(pair_vector(sentences, a, b))
    counts = Counter(labels)
    took = time.perf_counter() - started
    print(f"{len(items)} pairs ({counts[NONE]} NONE) from {len(documents)} documents in {took:.0f} s", flush=True)
    started = time.perf_counter()
    features = kept_features(items, labels, NONE, LEAST_SEEN)
    rows = {feature: row for row, feature in enumerate(features)}
    kinds = sorted(counts)
    position = {kind: i for i, kind in enumerate(kinds)}
    x, y = matrix(items, rows), np.array([position[label] for label in labels])
    settings = replace(SETTINGS, epochs=arguments.epochs, hidden=arguments.hidden)
    dense = np.stack(vectors)
    networks = [train(x, y, len(kinds), settings, seed, dense) for seed in range(1, arguments.networks + 1)]
    arguments.out.mkdir(parents=True, exist_ok=True)
    save(arguments.out / MODEL, features, kinds, networks)
    rows_text = "".join(f"{a}\t{b}\t{' '.join(given)}\n" for (a, b), given in sorted(allowed.items()))
    header = (
        f"# Arg1 type, Arg2 type, and the relation types NEREL v1.1 train gives the pair within a sentence"
        f" {MIN_SIGNATURE}+ times\n"
    )
    (arguments.out / SIGNATURES).write_text(header + rows_text, encoding="utf-8")
    single = "".join(f"{kind}\t{side}\n" for kind, side in single_slots_of(documents, parsed))
    header = "# relation type, and the argument NEREL v1.1 train gives a mention once within a sentence\n"
    (arguments.out / SINGLE).write_text(header + single, encoding="utf-8")
    size = (arguments.out / MODEL).stat().st_size
    print(
        f"{len(features)} features, {arguments.networks} networks of {settings.hidden} units, {settings.epochs}"
        f" epochs: trained in {time.perf_counter() - started:.0f} s, {size / 1024:.0f} KB",
        flush=True,
    )
    if held:
        _score(held, arguments.out)


def _score(documents: list[NerelDocument], folder: Path) -> None:
    """Print P, R and F1 at several floors over the within-sentence relations of `documents`, given their gold
    mentions, by the model just written to `folder`."""
    from kgraph.extract.relations.learned import likeliest
    from kgraph.extract.relations.network import Network

    model = Network.load(folder / MODEL)
    allowed, slots = tables_in(folder)
    read, gold = scored_documents(documents, allowed)
    found = [
        likeliest(
            d.pairs,
            allowed,
            model,
            partial(pair_features, d.sentences, d.indexed),
            0.0,
            partial(pair_vector, d.sentences),
        )
        for d in read
    ]
    for floor in (0.15, 0.2, 0.25, 0.3, 0.35, 0.4):
        for name, given in (("every pair", frozenset()), ("one per slot", slots)):
            print(f"held out, floor {floor:.2f}, {name}: {scores(found, floor, given, gold)}")


if __name__ == "__main__":
    main()
