"""Train src/kgraph/extract/data/event_sequence.npz: a bidirectional LSTM per layer of EVENT mentions (outermost and
innermost), the second opinion beside the CRF taggers (kgraph.extract.typed.sequence runs it in numpy); with --kind
ORGANIZATION, org_sequence.npz: one of the outermost organisation names, beside the organisation tagger's CRF.

Usage: python scripts/train_sequence_tagger.py [NEREL_TRAIN_DIR] [-o DIR] [--kind KIND] [--held-out N --crf DIR]
[--epochs E] [--seed S]

Needs torch (`pip install -e '.[train]'`), for training only: the extractor runs the saved arrays in numpy.

Data: NEREL v1.1 train, gold EVENT mentions, read over natasha's tokens and sentences as the CRF taggers read them
(scripts/train_type_taggers.py): each sentence is an item, each token labelled B, I or O for the outermost EVENT
mentions (one model) and the innermost (the other). Model: each token's navec vector (fixed) and the sum of 32
learned numbers for each of its own CRF features, hashed (``sequence.buckets``); dropout 0.3; an LSTM each way of
`HIDDEN` units; dropout 0.3; a softmax over B, I and O. Adam (rate 1e-3), batches of 32 sentences of similar length,
`EPOCHS` epochs, one seed. Torch's threads are set to one per core and its seed fixed, but its sums are not promised
to be the same across machines: the weights may differ in their last digits.

With --held-out N the last N train documents are left out and scored on: exact spans of each layer by the CRF
(trained on the rest: scripts/train_type_taggers.py --held-out N --types EVENT -o DIR, then --crf DIR here) alone,
and averaged with this model at several weights. Only dev is used for reporting: this script refuses a folder named
dev.

Chosen on the last 150 train documents (trained on the other 596): the outermost mentions' F1 is 0.513 by the CRF
alone, 0.479 by this model alone, 0.538 averaged at a weight of 0.5 (0.521 at 0.3, 0.503 at 0.7); the innermost,
0.531, 0.512 and 0.550. 64 units for 5 epochs gave 0.508 averaged, 128 for 20 epochs 0.536, 256 for 12 0.532; one
model of both layers, with 16,384 rows of features, 0.527 and 0.533. About 5 minutes on NEREL train with two cores
(reading 1.5, 12 epochs of about 12 s a layer).

Organisations, chosen alike (the outermost names, as the organisation tagger's CRF is trained): exact spans F1 0.812
by the CRF alone, 0.799 by this model alone, 0.829 averaged at 0.5 (0.823 at 0.3, 0.817 at 0.7). About 3 minutes.
"""

import multiprocessing
import os
import time
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
from relation_network import write_arrays
from train_relations import documents_of, training_arguments

from kgraph.evaluation.nerel import NerelDocument
from kgraph.extract.names.org_tagger import labels, outermost, token_features
from kgraph.extract.relations.learned import _vector
from kgraph.extract.text.ner import analyse
from kgraph.extract.typed.sequence import (
    BUCKETS,
    LABELS,
    LAYERS,
    MODEL,
    ORGANISATIONS,
    TokenTagger,
    Words,
    buckets,
    rows,
)
from kgraph.extract.typed.taggers import innermost

HIDDEN = 128
"""LSTM units each way."""

EPOCHS = 12
"""Passes over the sentences."""

EMBEDDING = 32
"""Learned numbers per hashed feature."""

KINDS = {"EVENT": (MODEL, LAYERS), "ORGANIZATION": (ORGANISATIONS, ("outer",))}
"""The types this script trains a model for: its file in ``extract/data`` and the layers it tags."""


def read(document: NerelDocument, kind: str = "EVENT") -> dict[str, Any]:
    """A document's tokens, their features, sentences and labels per layer, for the mentions of `kind`."""
    analysis = analyse(document.text)
    features = token_features(document.text, analysis)
    spans = [(m.start, m.end) for m in document.mentions if m.type == kind]
    return {
        "tokens": analysis.tokens,
        "features": features,
        "rows": rows(analysis),
        "outer": labels(analysis.tokens, outermost(spans)),
        "inner": labels(analysis.tokens, innermost(spans)),
    }


def sentences(read_documents: list[dict[str, Any]], layer: str) -> list[tuple[list[list[int]], Any, Any]]:
    """Each sentence as its tokens' feature rows, navec vectors and label ids."""
    found = []
    for document in read_documents:
        features = document["features"]
        for first, stop in document["rows"]:
            items = features[first:stop]
            vectors = np.stack([_vector(str(f.get("w", "")), str(f.get("lemma", ""))) for f in items])
            found.append(
                (
                    [buckets(f) for f in items],
                    vectors,
                    np.array([LABELS.index(label) for label in document[layer][first:stop]]),
                )
            )
    return found


def train(items: list[tuple[list[list[int]], Any, Any]], epochs: int, hidden: int, seed: int = 1) -> dict[str, Any]:
    """The trained arrays of one layer (``sequence.TokenTagger``'s names, without the layer's prefix)."""
    import torch
    from torch import nn

    torch.manual_seed(seed)
    torch.set_num_threads(os.cpu_count() or 1)

    class Tagger(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.table = nn.EmbeddingBag(BUCKETS, EMBEDDING, mode="sum")
            self.drop = nn.Dropout(0.3)
            self.lstm = nn.LSTM(300 + EMBEDDING, hidden, batch_first=True, bidirectional=True)
            self.out = nn.Linear(2 * hidden, len(LABELS))

        def forward(self, flat: Any, offsets: Any, vectors: Any, lengths: Any) -> Any:
            count, length = vectors.shape[:2]
            summed = torch.zeros(count, length, EMBEDDING)
            summed[torch.arange(length)[None, :] < lengths[:, None]] = self.table(flat, offsets)
            words = self.drop(torch.cat([vectors, summed], dim=2))
            packed = nn.utils.rnn.pack_padded_sequence(words, lengths, batch_first=True, enforce_sorted=False)
            states, _ = self.lstm(packed)
            states, _ = nn.utils.rnn.pad_packed_sequence(states, batch_first=True, total_length=length)
            return self.out(self.drop(states))

    def batch(chosen: list[tuple[list[list[int]], Any, Any]]) -> tuple[Any, ...]:
        length = max(len(item[2]) for item in chosen)
        vectors = torch.zeros(len(chosen), length, 300)
        gold = torch.full((len(chosen), length), -100, dtype=torch.long)
        flat: list[int] = []
        offsets: list[int] = []
        for row, (rows_of, vecs, ids) in enumerate(chosen):
            vectors[row, : len(ids)] = torch.from_numpy(vecs)
            gold[row, : len(ids)] = torch.from_numpy(ids)
            for features in rows_of:
                offsets.append(len(flat))
                flat.extend(features)
        lengths = torch.tensor([len(item[2]) for item in chosen])
        return torch.tensor(flat, dtype=torch.long), torch.tensor(offsets), vectors, lengths, gold

    model = Tagger()
    optimiser = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_of = nn.CrossEntropyLoss(ignore_index=-100)
    order = sorted(range(len(items)), key=lambda i: len(items[i][2]))
    batches = [order[i : i + 32] for i in range(0, len(order), 32)]
    for epoch in range(epochs):
        model.train()
        started, total = time.perf_counter(), 0.0
        for chosen in np.random.default_rng(epoch).permutation(len(batches)):
            flat, offsets, vectors, lengths, gold = batch([items[i] for i in batches[chosen]])
            optimiser.zero_grad()
            loss = loss_of(model(flat, offsets, vectors, lengths).reshape(-1, len(LABELS)), gold.reshape(-1))
            loss.backward()
            optimiser.step()
            total += float(loss.detach())
        print(f"  epoch {epoch + 1}: loss {total:.1f}, {time.perf_counter() - started:.0f} s", flush=True)
    lstm = {name: value.detach().numpy() for name, value in model.lstm.named_parameters()}
    return {
        "table": model.table.weight.detach().numpy(),
        "ih_forward": lstm["weight_ih_l0"],
        "hh_forward": lstm["weight_hh_l0"],
        "bias_forward": lstm["bias_ih_l0"] + lstm["bias_hh_l0"],
        "ih_backward": lstm["weight_ih_l0_reverse"],
        "hh_backward": lstm["weight_hh_l0_reverse"],
        "bias_backward": lstm["bias_ih_l0_reverse"] + lstm["bias_hh_l0_reverse"],
        "out": model.out.weight.detach().numpy(),
        "out_bias": model.out.bias.detach().numpy(),
    }


def held_out_scores(held: list[dict[str, Any]], arrays: dict[str, Any], crf: Path, kind: str) -> None:
    """F1 of each layer's exact spans on the held-out documents: the CRF alone and averaged with the model."""
    import pycrfsuite  # type: ignore[import-untyped]

    from kgraph.extract.names.org_tagger import bio_runs, label_runs
    from kgraph.extract.typed import sequence
    from kgraph.extract.typed.taggers import model_name

    for layer in KINDS[kind][1]:
        tagger = pycrfsuite.Tagger()
        tagger.open(str(crf / model_name(kind, layer)))
        model = TokenTagger(arrays, layer)
        tallies: dict[str, list[int]] = {}
        for document in held:
            tokens, features = document["tokens"], document["features"]
            gold = set(label_runs(document[layer], lambda label, i: 1.0, tokens))
            gold_spans = {(start, stop) for start, stop, _ in gold}
            if not tokens:
                continue
            tagger.set(pycrfsuite.ItemSequence(features))
            second = model.probabilities(Words.of(features), document["rows"])
            marginals = sequence.crf_marginals(tagger, len(tokens))  # before the CRF's own labelling
            found = {"crf": {(s, e) for s, e, _ in bio_runs(tagger, tokens)}}
            for weight in (0.3, 0.5, 0.7, 1.0):
                blended = sequence.blend(marginals, second, weight)
                runs = label_runs(sequence.best_labels(blended), lambda label, i: 1.0, tokens)
                found[f"weight {weight}"] = {(s, e) for s, e, _ in runs}
            for name, spans in found.items():
                tally = tallies.setdefault(name, [0, 0, 0])
                tally[0] += len(spans & gold_spans)
                tally[1] += len(spans)
                tally[2] += len(gold_spans)
        for name, (right, said, wanted) in tallies.items():
            precision, recall = right / max(1, said), right / max(1, wanted)
            f1 = 2 * precision * recall / max(1e-9, precision + recall)
            print(f"held out, {layer}, {name}: P {precision:.3f} R {recall:.3f} F1 {f1:.3f}", flush=True)


def main() -> None:
    parser = training_arguments(__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--hidden", type=int, default=HIDDEN)
    parser.add_argument("--crf", type=Path, help="the held-out CRF taggers' folder, to score against")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--kind", choices=sorted(KINDS), default="EVENT", help="the mentions' type (default EVENT)")
    arguments = parser.parse_args()
    name, layers = KINDS[arguments.kind]
    documents, held_documents = documents_of(arguments)
    started = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(os.cpu_count() or 1) as pool:
        learned = pool.map(partial(read, kind=arguments.kind), documents, chunksize=8)
        held = pool.map(partial(read, kind=arguments.kind), held_documents, chunksize=8)
    print(f"read {len(documents)} + {len(held)} documents in {time.perf_counter() - started:.0f} s", flush=True)
    arrays: dict[str, Any] = {}
    for layer in layers:
        print(f"{layer}:", flush=True)
        trained = train(sentences(learned, layer), arguments.epochs, arguments.hidden, arguments.seed)
        arrays.update({f"{layer}_{name}": value.astype(np.float16) for name, value in trained.items()})
    arguments.out.mkdir(parents=True, exist_ok=True)
    path = arguments.out / name
    write_arrays(path, arrays)
    print(f"wrote {path} ({path.stat().st_size / 1024:.0f} KB)")
    if held and arguments.crf:
        held_out_scores(held, arrays, arguments.crf, arguments.kind)


if __name__ == "__main__":
    main()
