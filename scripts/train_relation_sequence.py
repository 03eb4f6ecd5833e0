"""Train src/kgraph/extract/data/relation_sequence.npz: a bidirectional LSTM reading a pair's window of words, the
second opinion on NEREL's relations within a sentence (kgraph.extract.relations.sequence runs it in numpy).

Usage: python scripts/train_relation_sequence.py [NEREL_TRAIN_DIR] [-o DIR] [--held-out N] [--epochs E] [--seed S]

Needs torch (`pip install -e '.[train]'`), for training only: the extractor runs the saved arrays in numpy.

Data: NEREL v1.1 train, gold mentions and relations. The items are the within-sentence candidate pairs of
scripts/train_relations.py (the same signatures, from the same documents), labelled with their relation type or
NONE; each is read over ``sequence.windows``. Model: each word's navec vector (fixed), and 16 learned numbers each for
its mark (in the first mention, the second, both, neither), the type of the shortest other mention holding it, its
part of speech and its dependency relation; an LSTM each way of `HIDDEN` units; the states averaged over each
mention and their maximum over the window, with 16 numbers for each mention's type, into 128 ReLU units and a
softmax over the relation types and NONE. Dropout 0.3 on the inputs and the hidden layer, Adam (rate 1e-3), batches
of 64 windows of similar length, `EPOCHS` epochs, one seed. Torch's threads are set to one per core and its seed
fixed, but its sums are not promised to be the same across machines: the weights may differ in their last digits.

With --held-out N the last N train documents are left out and the model is scored on them, alone and averaged
with the feed-forward networks trained on the rest (scripts/train_relations.py --held-out writes them to -o first,
which this script then reads). Only dev is used for reporting: this script refuses a folder named dev.

Chosen on the last 150 train documents (trained on the other 596, given the gold mentions, within-sentence relations,
one per slot): the networks alone score F1 0.714 (floor 0.25 or 0.3), this model alone 0.692 (floor 0.4), the two
averaged at a weight of 0.3 for this one 0.723 at floor 0.3 (P 0.763 R 0.686; 0.720 at 0.25, 0.722 at 0.35), at 0.2
0.722, at 0.4 0.724. In a first experiment (without the part of speech and the relation, 96 units each way, six
epochs) the average gained 0.0096 F1 over the networks, 0.0053 to 0.0142 over 2,000 bootstrap samples of the 150
documents (never less than 0). About 10 minutes on NEREL train with two cores (parsing 1.5, six epochs of about 95
s), 513 KB.
"""

import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
from relation_network import write_arrays
from train_relations import (
    documents_of,
    mention,
    scored_documents,
    scores,
    signatures_of,
    tables_in,
    training_arguments,
)

from kgraph.evaluation.nerel import NerelDocument
from kgraph.extract.relations.learned import NONE, Mention, Sentences, _word_vector, candidates
from kgraph.extract.relations.sequence import MODEL, windows

HIDDEN = 64
"""LSTM units each way."""

EPOCHS = 6
"""Passes over the pairs."""

EMBEDDING = 16
"""Learned numbers for a word's mark, the other mention's type, its part of speech, its relation; and a type."""


class Items:
    """The candidate pairs of some documents, as the arrays the network reads: per word of each window its vector's
    row, mark, other type, part of speech and relation (ids from 1; 0 for one train never gave)."""

    def __init__(self, documents: list[NerelDocument], parsed: list[Sentences], allowed: Any, vocab: "Vocab") -> None:
        self.labels: list[str] = []
        self.pairs: list[tuple[int, Mention, Mention]] = []
        columns: dict[str, list[int]] = {name: [] for name in ("word", "mark", "other", "pos", "rel")}
        self.offsets = [0]
        self.first: list[int] = []
        self.second: list[int] = []
        for number, (document, sentences) in enumerate(zip(documents, parsed, strict=True)):
            mentions = [mention(m) for m in document.mentions]
            gold: dict[tuple[Mention, Mention], str] = {}
            for relation in sorted(document.relations, key=lambda r: r.type):
                gold.setdefault((mention(relation.source), mention(relation.target)), relation.type)
            pairs = candidates(sentences, mentions, allowed)
            for (a, b), window in zip(pairs, windows(sentences, mentions, pairs), strict=True):
                self.labels.append(gold.get((a, b), NONE))
                self.pairs.append((number, a, b))
                for index, mark, other in zip(window.words, window.marks, window.others, strict=True):
                    word = sentences.words[index]
                    columns["word"].append(vocab.word(sentences, index))
                    columns["mark"].append(mark)
                    columns["other"].append(vocab.types.get(other, 0))
                    columns["pos"].append(vocab.pos.get(word.pos, 0))
                    columns["rel"].append(vocab.rel.get(word.rel.split(":")[0], 0))
                self.offsets.append(len(columns["word"]))
                self.first.append(vocab.types[a.type])
                self.second.append(vocab.types[b.type])
        self.columns = {name: np.array(values, dtype=np.int64) for name, values in columns.items()}


class Vocab:
    """The ids the arrays use: NEREL's types, the parts of speech and relations train gives (ids from 1), and the
    word vectors seen (row 0 is zeros)."""

    def __init__(self, documents: list[NerelDocument], parsed: list[Sentences]) -> None:
        self.types = {kind: i + 1 for i, kind in enumerate(sorted({m.type for d in documents for m in d.mentions}))}
        words = [w for sentences in parsed for w in sentences.words]
        self.pos = {kind: i + 1 for i, kind in enumerate(sorted({w.pos for w in words}))}
        self.rel = {kind: i + 1 for i, kind in enumerate(sorted({w.rel.split(":")[0] for w in words}))}
        self.rows: dict[tuple[str, str], int] = {}
        self.vectors: list[Any] = [np.zeros(300, dtype=np.float32)]

    def word(self, sentences: Sentences, index: int) -> int:
        key = (sentences.written(index).lower(), sentences.words[index].lemma)
        if key not in self.rows:
            self.rows[key] = len(self.vectors)
            self.vectors.append(_word_vector(sentences, index))
        return self.rows[key]


def _model(vocab: Vocab, labels: int, hidden: int) -> Any:
    import torch
    from torch import nn

    class PairReader(nn.Module):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__()
            self.word = nn.Embedding.from_pretrained(torch.from_numpy(np.stack(vocab.vectors)), freeze=True)
            self.mark = nn.Embedding(4, EMBEDDING)
            self.other = nn.Embedding(len(vocab.types) + 1, EMBEDDING)
            self.pos = nn.Embedding(len(vocab.pos) + 1, EMBEDDING)
            self.rel = nn.Embedding(len(vocab.rel) + 1, EMBEDDING)
            self.kind = nn.Embedding(len(vocab.types) + 1, EMBEDDING)
            self.lstm = nn.LSTM(300 + 4 * EMBEDDING, hidden, batch_first=True, bidirectional=True)
            self.drop = nn.Dropout(0.3)
            self.first = nn.Linear(6 * hidden + 2 * EMBEDDING, 128)
            self.second = nn.Linear(128, labels)

        def forward(self, x: dict[str, Any], lengths: Any, first: Any, second: Any) -> Any:
            parts = [self.word(x["word"]), self.mark(x["mark"]), self.other(x["other"]), self.pos(x["pos"])]
            inputs = self.drop(torch.cat([*parts, self.rel(x["rel"])], -1))
            packed = nn.utils.rnn.pack_padded_sequence(inputs, lengths, batch_first=True, enforce_sorted=False)
            state, _ = self.lstm(packed)
            state, _ = nn.utils.rnn.pad_packed_sequence(state, batch_first=True, total_length=inputs.shape[1])
            mark = x["mark"]
            pooled = []
            for side in (1, 2):
                inside = ((mark == side) | (mark == 3)).float().unsqueeze(-1)
                pooled.append((state * inside).sum(1) / inside.sum(1).clamp(min=1))
            valid = (torch.arange(inputs.shape[1])[None, :] < lengths[:, None]).unsqueeze(-1)
            pooled.append(state.masked_fill(~valid, -1e4).max(1).values)
            z = torch.cat([*pooled, self.kind(first), self.kind(second)], -1)
            return self.second(self.drop(torch.relu(self.first(z))))

    return PairReader()


def _batches(items: Items, order: Any, size: int) -> Any:
    import torch

    offsets = np.array(items.offsets)
    for start in range(0, len(order), size):
        chosen = order[start : start + size]
        lengths = offsets[chosen + 1] - offsets[chosen]
        x = {name: np.zeros((len(chosen), int(lengths.max())), dtype=np.int64) for name in items.columns}
        for row, i in enumerate(chosen):
            for name, column in items.columns.items():
                x[name][row, : lengths[row]] = column[offsets[i] : offsets[i + 1]]
        yield chosen, {k: torch.from_numpy(v) for k, v in x.items()}, torch.from_numpy(lengths)


def train(items: Items, vocab: Vocab, kinds: list[str], epochs: int, seed: int = 1) -> Any:
    """The network fitted to `items` (batches of similar length, shuffled)."""
    import torch

    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    model = _model(vocab, len(kinds), HIDDEN)
    optimiser = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=1e-3)
    position = {kind: i for i, kind in enumerate(kinds)}
    y = torch.tensor([position[label] for label in items.labels])
    first, second = torch.tensor(items.first), torch.tensor(items.second)
    offsets = np.array(items.offsets)
    for epoch in range(epochs):
        started, total = time.perf_counter(), 0.0
        model.train()
        order = rng.permutation(len(y))
        chunks = [order[i : i + 6400] for i in range(0, len(order), 6400)]
        order = np.concatenate([c[np.argsort(offsets[c + 1] - offsets[c], kind="stable")] for c in chunks])
        batches = list(_batches(items, order, 64))
        for number in rng.permutation(len(batches)):
            chosen, x, lengths = batches[number]
            loss = torch.nn.functional.cross_entropy(model(x, lengths, first[chosen], second[chosen]), y[chosen])
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            total += float(loss.detach()) * len(chosen)
        print(f"epoch {epoch + 1}: loss {total / len(y):.4f}, {time.perf_counter() - started:.0f} s", flush=True)
    return model.eval()


def save(path: Path, model: Any, vocab: Vocab, kinds: list[str]) -> None:
    """The arrays ``sequence.SequenceModel`` reads, float16 but the labels and vocabularies."""
    state = {name: value.detach().numpy() for name, value in model.state_dict().items()}
    arrays: dict[str, Any] = {
        "labels": np.array(kinds),
        "types": np.array(sorted(vocab.types, key=vocab.types.__getitem__)),
        "pos": np.array(sorted(vocab.pos, key=vocab.pos.__getitem__)),
        "rel": np.array(sorted(vocab.rel, key=vocab.rel.__getitem__)),
    }
    for name in ("mark", "other", "pos", "rel", "kind"):
        arrays[f"{name}_embedding"] = state[f"{name}.weight"]
    for direction, suffix in (("forward", ""), ("backward", "_reverse")):
        arrays[f"ih_{direction}"] = state[f"lstm.weight_ih_l0{suffix}"]
        arrays[f"hh_{direction}"] = state[f"lstm.weight_hh_l0{suffix}"]
        arrays[f"bias_{direction}"] = state[f"lstm.bias_ih_l0{suffix}"] + state[f"lstm.bias_hh_l0{suffix}"]
    for layer in ("first", "second"):
        arrays[layer] = state[f"{layer}.weight"]
        arrays[f"{layer}_bias"] = state[f"{layer}.bias"]
    write_arrays(path, {k: v.astype(np.float16) if v.dtype.kind == "f" else v for k, v in arrays.items()})


def main() -> None:
    parser = training_arguments(__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    documents, held = documents_of(arguments)
    import torch

    torch.set_num_threads(max(1, min(2, torch.get_num_threads())))
    started = time.perf_counter()
    parsed = [Sentences(document.text) for document in documents]
    allowed = signatures_of(documents, parsed)
    vocab = Vocab(documents, parsed)
    items = Items(documents, parsed, allowed, vocab)
    counts = Counter(items.labels)
    kinds = sorted(counts)
    took = time.perf_counter() - started
    print(
        f"{len(items.labels)} pairs ({counts[NONE]} NONE) from {len(documents)} documents in {took:.0f} s", flush=True
    )
    started = time.perf_counter()
    model = train(items, vocab, kinds, arguments.epochs, arguments.seed)
    arguments.out.mkdir(parents=True, exist_ok=True)
    save(arguments.out / MODEL, model, vocab, kinds)
    size = (arguments.out / MODEL).stat().st_size
    print(f"trained in {time.perf_counter() - started:.0f} s, {size / 1024:.0f} KB", flush=True)
    if held:
        _score(held, arguments.out)


def _score(documents: list[NerelDocument], folder: Path) -> None:
    """Print P, R and F1 over the within-sentence relations of `documents` given their gold mentions: the
    feed-forward networks in `folder` alone, this model alone, and the two averaged at several weights and floors."""
    from functools import partial

    from kgraph.extract.relations.learned import Relation, likeliest, pair_features, pair_vector
    from kgraph.extract.relations.network import MODEL as NETWORKS
    from kgraph.extract.relations.network import Network
    from kgraph.extract.relations.sequence import SequenceModel

    networks = Network.load(folder / NETWORKS)
    with np.load(str(folder / MODEL)) as saved:
        reader = SequenceModel({entry: saved[entry] for entry in saved.files})
    if reader.labels() != networks.labels():
        raise SystemExit("the networks and the sequence model were trained on other documents: other labels")
    allowed, slots = tables_in(folder)
    read, gold = scored_documents(documents, allowed)
    found: dict[float, list[list[Relation]]] = {}
    weights = (0.0, 0.2, 0.3, 0.4, 1.0)
    for d in read:
        for weight in weights:
            blend = partial(reader.probabilities, d.sentences, d.mentions) if weight else None
            found.setdefault(weight, []).append(
                likeliest(
                    d.pairs,
                    allowed,
                    networks,
                    partial(pair_features, d.sentences, d.indexed),
                    0.0,
                    partial(pair_vector, d.sentences),
                    blend,
                    weight,
                )
            )
    for weight in weights:
        for floor in (0.25, 0.3, 0.35, 0.4, 0.45):
            print(f"held out, weight {weight:.1f}, floor {floor:.2f}: {scores(found[weight], floor, slots, gold)}")


if __name__ == "__main__":
    main()
