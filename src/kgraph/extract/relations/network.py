"""A small feed-forward network over a candidate pair's string features, run in numpy: the within-sentence
relation classifier (scripts/train_relations.py trains it on NEREL train; the model is
``extract/data/relations.npz``).

Each of a few networks (trained alike from different seeds) sums the first layer's rows of the pair's features it
knows, adds a bias, keeps the positive part (ReLU), and gives a probability to each relation type and to NONE
(softmax of a second layer); the networks' probabilities are averaged. It answers as pycrfsuite's ``Tagger`` does
where ``learned.likeliest`` asks it (``labels``, ``set``, ``marginal``), so either model can be given there.

>>> import numpy
>>> net = Network({"t=PERSON|CITY": 0}, numpy.ones((1, 2), "float32"), numpy.zeros(2, "float32"),
...               numpy.array([[[1.0, 0.0], [1.0, 0.0]]], "float32"), numpy.zeros((1, 2), "float32"),
...               ["LIVES_IN", "NONE"])
>>> net.set([["t=PERSON|CITY", "unknown"]])
>>> round(net.marginal("LIVES_IN", 0), 3), round(net.marginal("NONE", 0), 3)
(0.881, 0.119)
"""

from functools import cache
from importlib.resources import files
from typing import Any

import numpy

MODEL = "relations.npz"
"""The model's file, in ``extract/data``."""


class Network:
    """`k` networks of `hidden` units over the same features: `rows` maps a feature to its row of `first`
    (features x k·hidden), `bias` (k·hidden); `second` (k x hidden x labels) and `second_bias` (k x labels)."""

    def __init__(
        self,
        rows: dict[str, int],
        first: Any,
        bias: Any,
        second: Any,
        second_bias: Any,
        labels: list[str],
    ) -> None:
        self._rows, self._first, self._bias = rows, first, bias
        self._second, self._second_bias = second, second_bias
        self._labels = list(labels)
        self._index = {label: i for i, label in enumerate(self._labels)}
        self._probabilities = numpy.zeros(len(self._labels))

    @classmethod
    def read(cls, name: str = MODEL) -> "Network":
        """The model `name` of ``extract/data``."""
        return cls.load(files("kgraph.extract.data").joinpath(name))

    @classmethod
    def load(cls, path: Any) -> "Network":
        """A model scripts/train_relations.py saved: the first layer as bytes with a scale per feature, the rest
        as float16; read as float32."""
        with numpy.load(str(path)) as saved:
            features = [str(feature) for feature in saved["features"]]
            return cls(
                {feature: row for row, feature in enumerate(features)},
                saved["first"].astype(numpy.float32) * saved["first_scale"][:, None],
                saved["bias"].astype(numpy.float32),
                saved["second"].astype(numpy.float32),
                saved["second_bias"].astype(numpy.float32),
                [str(label) for label in saved["labels"]],
            )

    def labels(self) -> list[str]:
        """The relation types and NONE, as pycrfsuite's ``Tagger.labels``."""
        return list(self._labels)

    def probabilities(self, features: list[str]) -> Any:
        """The averaged probability of each label (in the order of `labels`) for one pair's features."""
        rows = sorted({row for feature in features if (row := self._rows.get(feature)) is not None})
        hidden = self._bias + (self._first[rows].sum(axis=0) if rows else 0)
        k, size, _ = self._second.shape
        scores = numpy.einsum("kh,khl->kl", numpy.maximum(hidden, 0).reshape(k, size), self._second)
        scores += self._second_bias
        scores -= scores.max(axis=1, keepdims=True)
        exp = numpy.exp(scores)
        return (exp / exp.sum(axis=1, keepdims=True)).mean(axis=0)

    def set(self, items: list[list[str]]) -> None:
        """Score one pair (a one-item sequence, as pycrfsuite's ``Tagger.set`` is given)."""
        (features,) = items
        self._probabilities = self.probabilities(features)

    def marginal(self, label: str, position: int) -> float:
        """The probability of `label` for the pair last `set` (`position` is 0: one item)."""
        return float(self._probabilities[self._index[label]])


@cache
def network(name: str = MODEL) -> Network:
    """The model `name` of ``extract/data``, read once."""
    return Network.read(name)
