"""Small feed-forward networks over a candidate pair's string features, run in numpy: the relation classifiers
within a sentence (``learned``; scripts/train_relations.py trains them on NEREL train into
``extract/data/relations.npz``) and across sentences (``across``; scripts/train_cross_relations.py,
``cross_relations.npz``).

Each of a few networks (trained alike from different seeds) sums the first layer's rows of the pair's features it
knows, adds the pair's vector times weights of its own when it reads one (within a sentence: ``learned.pair_vector``),
adds a bias, keeps the positive part (ReLU), and gives a probability to each relation type and to NONE (softmax of a
second layer); the networks' probabilities are averaged (``learned.likeliest`` asks it as a ``learned.Classifier``).

>>> import numpy
>>> first, scale, bias = numpy.ones((1, 2), "int8"), numpy.ones(1, "float32"), numpy.zeros(2, "float32")
>>> second, second_bias = numpy.array([[[1.0, 0.0], [1.0, 0.0]]], "float32"), numpy.zeros((1, 2), "float32")
>>> net = Network({"t=PERSON|CITY": 0}, first, scale, bias, second, second_bias, ["LIVES_IN", "NONE"])
>>> [[round(float(p), 3) for p in row] for row in net.probabilities([["t=PERSON|CITY", "unknown"], ["unknown"]])]
[[0.881, 0.119], [0.5, 0.5]]
"""

from collections.abc import Sequence
from functools import cache
from importlib.resources import files
from typing import Any

import numpy

MODEL = "relations.npz"
"""The model's file, in ``extract/data``."""

BATCH = 256
"""Pairs scored at once: their features' rows of the first layer take some 14 MB."""


class Network:
    """`k` networks of `hidden` units over the same features: `rows` maps a feature to its row of `first`
    (features x k·hidden, as bytes: a row's weights are its bytes times its `scale`), `bias` (k·hidden); `second`
    (k x hidden x labels) and `second_bias` (k x labels)."""

    def __init__(
        self,
        rows: dict[str, int],
        first: Any,
        scale: Any,
        bias: Any,
        second: Any,
        second_bias: Any,
        labels: list[str],
        dense: Any = None,
    ) -> None:
        self._rows, self._first, self._scale, self._bias = rows, first, scale, bias
        self._second, self._second_bias = second, second_bias
        self._labels = list(labels)
        self._dense = dense
        """A pair's vector's weights (numbers x k·hidden), added to the first layer's sums, or None."""

    @property
    def reads_vectors(self) -> bool:
        """Whether the networks read a pair's vector (``learned.pair_vector``) beside its features."""
        return self._dense is not None

    @classmethod
    def read(cls, name: str = MODEL) -> "Network":
        """The model `name` of ``extract/data``."""
        return cls.load(files("kgraph.extract.data").joinpath(name))

    @classmethod
    def load(cls, path: Any) -> "Network":
        """A model scripts/train_relations.py saved: the features as one text, a line each; the first layer as
        bytes with a scale per feature, kept so (a row is made float when a pair has its feature: the whole layer as
        float took 1.2 s to make); the rest float16, read as float32, with the weights of a pair's vector when the
        networks read one ("dense")."""
        with numpy.load(str(path)) as saved:
            features = saved["features"].tobytes().decode("utf-8").split("\n")
            dense = saved["dense"].astype(numpy.float32) if "dense" in saved.files else None
            return cls(
                {feature: row for row, feature in enumerate(features)},
                saved["first"],
                saved["first_scale"].astype(numpy.float32),
                saved["bias"].astype(numpy.float32),
                saved["second"].astype(numpy.float32),
                saved["second_bias"].astype(numpy.float32),
                [str(label) for label in saved["labels"]],
                dense,
            )

    def labels(self) -> list[str]:
        """The relation types and NONE."""
        return list(self._labels)

    def probabilities(self, items: Sequence[list[str]], vectors: Any = None) -> Any:
        """A row per item (a pair's features), the averaged probability of each label (in the order of `labels`):
        `BATCH` items at a time (per item, numpy's calls took longer than their sums; a long text's every pair at
        once, the rows of their features took hundreds of megabytes). `vectors`: a row per item, for networks
        that read one (``reads_vectors``)."""
        if (vectors is None) != (self._dense is None):
            raise ValueError("give a pair's vector exactly when the networks read one")
        k, size, labels = self._second.shape
        found = numpy.zeros((len(items), labels), dtype=numpy.float32)
        for start in range(0, len(items), BATCH):
            batch = None if vectors is None else vectors[start : start + BATCH]
            found[start : start + BATCH] = self._batch(items[start : start + BATCH], k, size, batch)
        return found

    def _batch(self, items: Sequence[list[str]], k: int, size: int, vectors: Any) -> Any:
        rows = [
            sorted({row for feature in features if (row := self._rows.get(feature)) is not None}) for features in items
        ]
        sizes = numpy.array([len(found) for found in rows])
        hidden = numpy.zeros((len(rows), k * size), dtype=numpy.float32)
        filled = numpy.flatnonzero(sizes)
        if len(filled):
            flat = numpy.fromiter((row for found in rows for row in found), dtype=numpy.int64, count=int(sizes.sum()))
            starts = numpy.concatenate(([0], numpy.cumsum(sizes[filled])[:-1]))
            weights = self._first[flat].astype(numpy.float32) * self._scale[flat, None]
            hidden[filled] = numpy.add.reduceat(weights, starts, axis=0)
        if vectors is not None:
            hidden += vectors @ self._dense
        hidden = numpy.maximum(hidden + self._bias, 0).reshape(len(rows), k, size)
        scores = numpy.einsum("nkh,khl->nkl", hidden, self._second) + self._second_bias
        scores -= scores.max(axis=2, keepdims=True)
        exp = numpy.exp(scores)
        return (exp / exp.sum(axis=2, keepdims=True)).mean(axis=1)


@cache
def network(name: str = MODEL) -> Network:
    """The model `name` of ``extract/data``, read once."""
    return Network.read(name)
