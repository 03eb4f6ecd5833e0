"""A second opinion beside the CRF taggers of EVENT mentions and of organisation names: a bidirectional LSTM per
layer (EVENT's outermost and innermost mentions; organisations' outermost names, as their CRF's) that reads a
sentence's tokens, trained on NEREL train with torch (scripts/train_sequence_tagger.py) and run here in numpy (the
models are ``extract/data/*_sequence.npz``, `SECOND_OPINIONS`).

The CRF tagger of a type sees each token's features and those of two tokens each side. The LSTM reads the whole
sentence: each token's navec vector (``relations.learned._vector``) and the sum of learned numbers for each of the
token's own CRF features (its word, endings, lemma, part of speech, case, shape, natasha's tag), hashed into
`BUCKETS` rows. Per token it gives B, I and O a probability; ``taggers.tag_types`` averages them with the CRF's
marginals (`WEIGHT`) and reads the likeliest labelling that never puts I after O (`best_labels`). On the last 150
train documents EVENT's F1 rose from 0.513 to 0.538 for the outermost mentions and from 0.531 to 0.550 for the
innermost (trained on the other 596); the organisation tagger's (``names.org_tagger``) from 0.812 to 0.829.
PROFESSION's outermost rose from 0.721 to 0.744 too, and the extractor's PROFESSION there from 0.743 to 0.752, but
on dev it fell from 0.803 to 0.799 and relations end to end from 0.457 to 0.453: it has none.

>>> from kgraph.extract.names.org_tagger import token_features
>>> from kgraph.extract.text.ner import analyse
>>> text = "В Москве прошли выборы мэра."
>>> analysis = analyse(text)
>>> found = sequence_model().probabilities(token_features(text, analysis), rows(analysis))["outer"]
>>> [token.text for token, (b, i, o) in zip(analysis.tokens, found) if b > 0.5]
['выборы']
"""

import zlib
from bisect import bisect_left
from collections.abc import Sequence
from functools import cache
from importlib.resources import files
from typing import Any, NamedTuple

import numpy

from ..lstm import reversal, states
from ..names.org_tagger import Features, joining_word
from ..relations.learned import VECTOR_SIZE, _vector
from ..text.ner import Analysis

MODEL = "event_sequence.npz"
"""EVENT's model, in ``extract/data``."""

ORGANISATIONS = "org_sequence.npz"
"""The organisation tagger's model (outermost names only, as its CRF), in ``extract/data``."""

LAYERS = ("outer", "inner")
"""The layers of mentions, as ``taggers.model_name`` names them: a model each."""

WEIGHT = 0.5
"""The share of this model's probabilities in the average with the CRF's marginals (scripts/train_sequence_tagger.py:
chosen on the last 150 train documents; 0.3 and 0.7 scored lower)."""

BUCKETS = 1 << 15
"""Rows of the table of learned numbers that a token's own features are hashed into (crc32)."""

LABELS = ("B", "I", "O")
"""The labels, in the order of the probabilities' columns."""


NOT_READ = frozenset({"bias", "icd"})
"""CRF features the model does not read: the bias, and a word's kind among the words of diseases
(``text.disease_words``), added to the CRFs after this model was trained (hashed, it would fall on rows learned for
other features)."""


def own_features(features: Features) -> list[str]:
    """A token's own CRF features (not its neighbours', not those `NOT_READ`) as strings: "w=выборы", "title".

    >>> own_features({"w": "выборы", "-1:w": "прошли", "title": 1.0, "bias": 1.0, "icd": "n"})
    ['w=выборы', 'title']
    """
    return [
        name if isinstance(value, float) else f"{name}={value}"
        for name, value in features.items()
        if ":" not in name and name not in NOT_READ
    ]


def buckets(features: Features) -> list[int]:
    """The rows of the token's own features in the model's table."""
    return [zlib.crc32(feature.encode()) % BUCKETS for feature in own_features(features)]


def rows(analysis: Analysis) -> list[tuple[int, int]]:
    """The tokens of each of natasha's sentences (first index, index after the last), or all the tokens as one when
    it gives none; a token outside every sentence is read by the CRF alone."""
    starts = [token.start for token in analysis.tokens]
    found = []
    for start, end in analysis.sentences:
        first, stop = bisect_left(starts, start), bisect_left(starts, end)
        if stop > first:
            found.append((first, stop))
    return found or ([(0, len(starts))] if starts else [])


def best_labels(probabilities: Any, binding: Sequence[bool] = ()) -> list[str]:
    """The likeliest labelling by per-token `probabilities` (tokens x B, I, O) in which I follows only B or I, and
    no mention ends at a `binding` token (a preposition, a conjunction or an opening quote: ``binds``).

    >>> best_labels(numpy.array([[0.3, 0.6, 0.1], [0.1, 0.8, 0.1]]))  # I is likelier at first, but cannot open
    ['B', 'I']
    >>> best_labels(numpy.array([[0.1, 0.5, 0.4], [0.2, 0.7, 0.1], [0.1, 0.1, 0.8]]))
    ['O', 'B', 'O']
    >>> suits = numpy.array([[0.9, 0.0, 0.1], [0.0, 0.6, 0.4], [0.0, 0.4, 0.6]])  # "Суд в Новосибирске"
    >>> best_labels(suits), best_labels(suits, [False, True, False])
    (['B', 'I', 'O'], ['B', 'I', 'I'])
    """
    if not len(probabilities):
        return []
    # in plain Python: three labels a token, where numpy's calls on arrays so small cost more than the sums
    b_score, i_score, o_score = -1e18, -1e18, 0.0  # before the first token: O
    back: list[tuple[int, int, int]] = []
    bound = [*binding, *[False] * (len(probabilities) - len(binding))]
    for index, (b, i, o) in enumerate(numpy.log(numpy.maximum(probabilities, 1e-9)).tolist()):
        scores = (b_score, i_score, o_score)  # after a token that ends no mention, B and O follow only O
        best_before = 2 if index and bound[index - 1] else max(range(3), key=scores.__getitem__)
        into_i = 0 if b_score >= i_score else 1  # I follows B or I, never O
        back.append((best_before, into_i, best_before))
        top = (b_score, i_score, o_score)[best_before]
        b_score, i_score, o_score = top + b, (b_score, i_score)[into_i] + i, top + o
    if bound[-1]:
        b_score = i_score = -1e18
    path = [max(range(3), key=(b_score, i_score, o_score).__getitem__)]
    for pointers in reversed(back[1:]):
        path.append(pointers[path[-1]])
    return [LABELS[label] for label in reversed(path)]


def binds(tokens: Sequence[Any]) -> list[bool]:
    """Whether each token is a preposition or a conjunction in lower case or an opening quote, at which no name
    ends: "Суд в Новосибирске" is not "Суд в" (of NEREL train's 5,771 organisations none ends so, of its 4,764
    events two; ``names.org_tagger.joining_word``).

    >>> from kgraph.extract.text.ner import Token
    >>> binds([Token(0, 3, "Суд"), Token(4, 5, "в"), Token(6, 18, "Новосибирске")])
    [False, True, False]
    """
    return [joining_word(token.text) for token in tokens]


def crf_marginals(tagger: Any, count: int) -> Any:
    """A CRF's marginals of B, I and O over its `count` tokens (set on it already, not yet labelled: pycrfsuite's
    marginals are wrong after a second best labelling of the same tokens)."""
    return numpy.array([[tagger.marginal(label, i) for label in LABELS] for i in range(count)])


def blend(marginals: Any, second: Any, weight: float = WEIGHT) -> Any:
    """`marginals` (tokens x B, I, O) averaged with a `second` opinion's probabilities, `weight` to it; the
    marginals alone where the second is NaN (a token it did not read).

    >>> crf, lstm = numpy.array([[0.2, 0.0, 0.8], [0.6, 0.0, 0.4]]), numpy.array([[0.6, 0.0, 0.4], [numpy.nan] * 3])
    >>> blend(crf, lstm).round(3).tolist()
    [[0.4, 0.0, 0.6], [0.6, 0.0, 0.4]]
    """
    return numpy.where(numpy.isnan(second), marginals, (1 - weight) * marginals + weight * second)


class Words(NamedTuple):
    """What the taggers read of each token: its navec vector (tokens x 300), and its features' rows in the table
    (`rows`, flat) with the token each belongs to (`owners`)."""

    vectors: Any
    rows: Any
    owners: Any

    @classmethod
    def of(cls, features: Sequence[Features]) -> "Words":
        """The words of tokens with these CRF `features`."""
        ids = [buckets(item) for item in features]
        vectors = [_vector(str(item.get("w", "")), str(item.get("lemma", ""))) for item in features]
        return cls(
            numpy.stack(vectors).reshape(len(features), VECTOR_SIZE) if vectors else numpy.zeros((0, VECTOR_SIZE)),
            numpy.array([row for token in ids for row in token], dtype=numpy.int64),
            numpy.repeat(numpy.arange(len(ids)), [len(token) for token in ids]),
        )


class TokenTagger:
    """One layer's trained LSTM, in numpy (the arrays scripts/train_sequence_tagger.py saves, under `prefix`)."""

    def __init__(self, arrays: dict[str, Any], prefix: str) -> None:
        mine = prefix + "_"
        a = {name[len(mine) :]: value.astype(numpy.float32) for name, value in arrays.items() if name.startswith(mine)}
        self._table = a["table"]
        self._input = {d: a[f"ih_{d}"].T.copy() for d in ("forward", "backward")}
        self._bias = {d: a[f"bias_{d}"] for d in ("forward", "backward")}
        self.recurrent = numpy.stack([a["hh_forward"].T, a["hh_backward"].T])
        """Each direction's recurrent weights, transposed (2 x hidden x 4·hidden)."""
        self._out, self._out_bias = a["out"], a["out_bias"]

    def projected(self, words: Words) -> tuple[Any, Any]:
        """Each token's input to the forward LSTM and to the backward one (tokens x 4·hidden), biased."""
        summed = numpy.zeros((len(words.vectors), self._table.shape[1]), dtype=numpy.float32)
        numpy.add.at(summed, words.owners, self._table[words.rows])
        read = numpy.concatenate([words.vectors, summed], axis=1)
        forward = read @ self._input["forward"] + self._bias["forward"]
        return forward, read @ self._input["backward"] + self._bias["backward"]

    def labelled(self, forward: Any, backward: Any) -> Any:
        """B, I and O's probabilities from the two directions' states (rows x steps x hidden each)."""
        scores = numpy.concatenate([forward, backward], axis=2) @ self._out.T + self._out_bias
        scores -= scores.max(axis=2, keepdims=True)
        exp = numpy.exp(scores)
        return exp / exp.sum(axis=2, keepdims=True)

    def probabilities(self, words: Words, spans: Sequence[tuple[int, int]]) -> Any:
        """Per token of the sentences `spans`, B, I and O's probabilities; NaN elsewhere."""
        return read_layers([self], words, spans)[0]


def read_layers(taggers: Sequence[TokenTagger], words: Words, spans: Sequence[tuple[int, int]]) -> list[Any]:
    """Each tagger's B, I and O probabilities per token of the sentences `spans` (NaN elsewhere); all their LSTMs,
    both directions, stepped together (``lstm.states``), each token's input projected once (not once per padded
    place)."""
    found = [numpy.full((len(words.vectors), len(LABELS)), numpy.nan, dtype=numpy.float32) for _ in taggers]
    if not spans:
        return found
    lengths = numpy.array([stop - first for first, stop in spans])
    length = int(lengths.max())
    valid = numpy.arange(length)[None, :] < lengths[:, None]
    index = numpy.zeros((len(spans), length), dtype=numpy.int64)
    index[valid] = [i for first, stop in spans for i in range(first, stop)]
    flipped = reversal(lengths, length)  # the backward LSTMs read each sentence reversed
    backward_index = numpy.take_along_axis(index, flipped, axis=1)
    inputs = []
    for tagger in taggers:
        forward, backward = tagger.projected(words)
        inputs += [forward[index], backward[backward_index]]
    read = states(numpy.stack(inputs), numpy.concatenate([tagger.recurrent for tagger in taggers]), lengths)
    order = numpy.argsort(flipped, axis=1)[:, :, None]
    for k, tagger in enumerate(taggers):
        labelled = tagger.labelled(read[2 * k], numpy.take_along_axis(read[2 * k + 1], order, axis=1))
        found[k][index[valid]] = labelled[valid]
    return found


class LayerTaggers:
    """The layers' taggers of one model: those of `LAYERS` its arrays hold (EVENT's both, organisations' the
    outermost)."""

    def __init__(self, arrays: dict[str, Any]) -> None:
        held = [layer for layer in LAYERS if any(name.startswith(layer + "_") for name in arrays)]
        self.layers = {layer: TokenTagger(arrays, layer) for layer in held}

    @classmethod
    def read(cls, name: str = MODEL) -> "LayerTaggers":
        """The model `name` of ``extract/data``."""
        with numpy.load(str(files("kgraph.extract.data").joinpath(name))) as saved:
            return cls({entry: saved[entry] for entry in saved.files})

    def probabilities(self, features: Sequence[Features], spans: Sequence[tuple[int, int]]) -> dict[str, Any]:
        """Per layer, per token of `features`, B, I and O's probabilities (NaN outside the sentences `spans`)."""
        found = read_layers(list(self.layers.values()), Words.of(features), spans)
        return dict(zip(self.layers, found, strict=True))


@cache
def sequence_model(name: str = MODEL) -> LayerTaggers:
    """The model `name` of ``extract/data`` (EVENT's by default), read once."""
    return LayerTaggers.read(name)


SECOND_OPINIONS = {"EVENT": MODEL, "ORGANIZATION": ORGANISATIONS}
"""The types with an LSTM beside their CRFs (the type taggers' and the organisation tagger's), and its model."""


def second_opinions(features: Sequence[Features], spans: Sequence[tuple[int, int]]) -> dict[str, dict[str, Any]]:
    """Per type of `SECOND_OPINIONS` and layer, per token of `features`, B, I and O's probabilities (NaN outside the
    sentences `spans`): every model's LSTMs stepped together, each token's words read once.

    >>> from kgraph.extract.names.org_tagger import token_features
    >>> from kgraph.extract.text.ner import analyse
    >>> analysis = analyse("Сотрудники ФСБ задержали его.")
    >>> found = second_opinions(token_features("Сотрудники ФСБ задержали его.", analysis), rows(analysis))
    >>> {kind: sorted(layers) for kind, layers in found.items()}
    {'EVENT': ['inner', 'outer'], 'ORGANIZATION': ['outer']}
    """
    taggers = [
        (kind, layer, tagger)
        for kind, name in SECOND_OPINIONS.items()
        for layer, tagger in sequence_model(name).layers.items()
    ]
    read = read_layers([tagger for _, _, tagger in taggers], Words.of(features), spans)
    found: dict[str, dict[str, Any]] = {}
    for (kind, layer, _), probabilities in zip(taggers, read, strict=True):
        found.setdefault(kind, {})[layer] = probabilities
    return found
