"""A second opinion on NEREL's relations within a sentence: a bidirectional LSTM that reads the words around a pair of
mentions, the two marked, trained on NEREL train with torch (scripts/train_relation_sequence.py) and run here in
numpy (the model is ``extract/data/relation_sequence.npz``).

The feed-forward networks of ``learned`` read a pair's features: words, lemmas, the dependency path. This one reads
the pair's window in order, from `PAD` words before the first mention to `PAD` after the last: each word's navec
vector (``learned._word_vector``), its part of speech and dependency relation, whether it is in the first mention,
the second or both, and the type of the shortest other mention holding it. Its two LSTMs' states are averaged over
each mention and their maximum taken over the window; with the two mentions' types, a hidden layer gives each
relation type and NONE a probability. ``learned.classify`` averages them with the networks' (`WEIGHT`), for the pairs
the networks give a relation some chance (`LEAST`).

>>> from kgraph.extract.relations.learned import Sentences
>>> text = "Президент России Владимир Путин выступил на форуме в Омске."
>>> sentences = Sentences(text)
>>> event, city = Mention(44, 50, "EVENT"), Mention(53, 58, "CITY")
>>> model = sequence_model()
>>> found = model.probabilities(sentences, [event, city], [(event, city)])
>>> bool(found[0, model.labels().index("TAKES_PLACE_IN")] > 0.5)
True
"""

from collections.abc import Sequence
from functools import cache
from importlib.resources import files
from typing import Any, NamedTuple

import numpy

from ..lstm import reversal, states
from .learned import VECTOR_SIZE, Mention, Sentences, _word_vector

MODEL = "relation_sequence.npz"
"""The model's file, in ``extract/data``."""

PAD = 3
"""Words of a pair's sentence read before its first mention and after its last."""

WEIGHT = 0.3
"""The share of this model's probabilities in the average with the feed-forward networks' (see
scripts/train_relation_sequence.py: chosen on the last 150 train documents)."""

LEAST = 0.02
"""The probability the networks must give a pair's likeliest allowed relation type for this model to read the pair:
on the last 150 train documents 0.02 leaves 28% of the pairs to read and the same relations found as reading all
(0.05: 23%, F1 0.0001 lower; 0.1: 19%, 0.0005 lower); the rest could reach the floor only if this model gave them
0.9 or more against the networks' 0.02 or less."""


class Window(NamedTuple):
    """The words a pair is read over (indexes into ``Sentences.words``), and per word: 1 in the first mention, 2 in
    the second, 3 in both, 0 in neither; the type of the shortest other mention holding it ("" for none)."""

    words: list[int]
    marks: list[int]
    others: list[str]


def windows(
    sentences: Sentences, mentions: Sequence[Mention], pairs: Sequence[tuple[Mention, Mention]]
) -> list[Window]:
    """Each pair's window: its sentence's words from `PAD` before the first of its mentions to `PAD` after the last.

    >>> text = "Мэр Омска Олег Шелест открыл мост."
    >>> mayor, city, person = Mention(0, 9, "PROFESSION"), Mention(4, 9, "CITY"), Mention(10, 21, "PERSON")
    >>> window = windows(Sentences(text), [mayor, city, person], [(person, city)])[0]
    >>> window.marks, window.others
    ([0, 2, 1, 1, 0, 0, 0], ['PROFESSION', 'PROFESSION', '', '', '', '', ''])
    """
    words = sentences.words
    covering: dict[int, list[Mention]] = {}
    for mention in sorted(set(mentions), key=lambda m: (m.end - m.start, m.start, m.type)):
        for index in range(sentences.first_word(mention.start), sentences.last_word(mention.end) + 1):
            covering.setdefault(index, []).append(mention)
    found = []
    for a, b in pairs:
        first_a, last_a = sentences.first_word(a.start), sentences.last_word(a.end)
        first_b, last_b = sentences.first_word(b.start), sentences.last_word(b.end)
        low, high = min(first_a, first_b), max(last_a, last_b)
        sentence = sentences.sentence_of_word[min(low, len(words) - 1)]
        start, stop = max(0, low - PAD), min(len(words) - 1, high + PAD)
        while start < low and sentences.sentence_of_word[start] != sentence:
            start += 1
        while stop > high and sentences.sentence_of_word[stop] != sentence:
            stop -= 1
        indexes = list(range(start, max(start, stop) + 1))  # a word at least, even for a mention between two words
        marks = [(first_a <= i <= last_a) + 2 * (first_b <= i <= last_b) for i in indexes]
        others = [next((m.type for m in covering.get(i, ()) if m != a and m != b), "") for i in indexes]
        found.append(Window(indexes, marks, others))
    return found


class SequenceModel:
    """The trained LSTM pair reader, in numpy (the arrays scripts/train_relation_sequence.py saves)."""

    def __init__(self, arrays: dict[str, Any]) -> None:
        self._a = {name: value.astype(numpy.float32) for name, value in arrays.items() if value.dtype.kind == "f"}
        self._labels = [str(label) for label in arrays["labels"]]
        self._types = {str(kind): i + 1 for i, kind in enumerate(arrays["types"])}
        self._pos = {str(kind): i + 1 for i, kind in enumerate(arrays["pos"])}
        self._rel = {str(kind): i + 1 for i, kind in enumerate(arrays["rel"])}
        self._recurrent = numpy.stack([self._a["hh_forward"].T, self._a["hh_backward"].T])
        """Each direction's recurrent weights (2 x hidden x 4·hidden), stepped together (``lstm.states``)."""
        split = numpy.cumsum([VECTOR_SIZE, *(self._a[f"{name}_embedding"].shape[1] for name in _PARTS)])
        self._tables = {}
        for direction in ("forward", "backward"):
            weights = self._a[f"ih_{direction}"]
            self._tables[direction] = {"word": weights[:, : split[0]].T.copy()} | {
                name: self._a[f"{name}_embedding"] @ weights[:, split[i] : split[i + 1]].T
                for i, name in enumerate(_PARTS)
            }

    @classmethod
    def read(cls, name: str = MODEL) -> "SequenceModel":
        """The model `name` of ``extract/data``."""
        with numpy.load(str(files("kgraph.extract.data").joinpath(name))) as saved:
            return cls({entry: saved[entry] for entry in saved.files})

    def labels(self) -> list[str]:
        """The relation types and NONE, in the order of the probabilities' columns."""
        return list(self._labels)

    def probabilities(
        self, sentences: Sentences, mentions: Sequence[Mention], pairs: Sequence[tuple[Mention, Mention]]
    ) -> Any:
        """A row per pair of mentions of one sentence (of `mentions`), the probability of each label."""
        found = numpy.zeros((len(pairs), len(self._labels)), dtype=numpy.float32)
        if not pairs:
            return found
        read = windows(sentences, mentions, pairs)
        used = sorted({i for window in read for i in window.words})
        at = {word: row for row, word in enumerate(used)}
        vectors = numpy.stack([_word_vector(sentences, i) for i in used])
        words = sentences.words
        ids = {
            "pos": numpy.array([self._pos.get(words[i].pos, 0) for i in used]),
            "rel": numpy.array([self._rel.get(words[i].rel.split(":")[0], 0) for i in used]),
        }
        projected = {d: vectors @ t["word"] for d, t in self._tables.items()}
        order = sorted(range(len(pairs)), key=lambda p: len(read[p].words))
        for start in range(0, len(order), _BATCH):
            chosen = order[start : start + _BATCH]
            found[chosen] = self._batch([read[p] for p in chosen], [pairs[p] for p in chosen], at, ids, projected)
        return found

    def _batch(
        self,
        read: list[Window],
        pairs: list[tuple[Mention, Mention]],
        at: dict[int, int],
        ids: dict[str, Any],
        projected: dict[str, Any],
    ) -> Any:
        count, length = len(read), max(len(window.words) for window in read)
        lengths = numpy.array([len(window.words) for window in read])
        valid = numpy.arange(length)[None, :] < lengths[:, None]
        rows = numpy.zeros((count, length), dtype=numpy.int64)
        marks = numpy.zeros((count, length), dtype=numpy.int64)
        others = numpy.zeros((count, length), dtype=numpy.int64)
        rows[valid] = [at[i] for window in read for i in window.words]  # row by row, as the mask is read
        marks[valid] = [mark for window in read for mark in window.marks]
        others[valid] = [self._types.get(kind, 0) for window in read for kind in window.others]
        flipped = reversal(lengths, length)  # the backward LSTM reads each window reversed
        inputs = []
        for direction, order in (("forward", None), ("backward", flipped)):
            table = self._tables[direction]
            r = rows if order is None else numpy.take_along_axis(rows, order, axis=1)
            m = marks if order is None else numpy.take_along_axis(marks, order, axis=1)
            o = others if order is None else numpy.take_along_axis(others, order, axis=1)
            inputs.append(
                projected[direction][r]
                + table["mark"][m]
                + table["other"][o]
                + table["pos"][ids["pos"][r]]
                + table["rel"][ids["rel"][r]]
                + self._a[f"bias_{direction}"]
            )
        forward, backward = states(numpy.stack(inputs), self._recurrent, lengths)
        backward = numpy.take_along_axis(backward, numpy.argsort(flipped, axis=1)[:, :, None], axis=1)
        state = numpy.concatenate([forward, backward], axis=2)
        pooled = []
        for side in (1, 2):
            inside = ((marks == side) | (marks == 3)).astype(numpy.float32)[:, :, None]
            pooled.append((state * inside).sum(axis=1) / numpy.maximum(inside.sum(axis=1), 1.0))
        pooled.append(numpy.where(valid[:, :, None], state, -1e4).max(axis=1))
        kinds = self._a["kind_embedding"]
        pooled.append(kinds[[self._types.get(a.type, 0) for a, _ in pairs]])
        pooled.append(kinds[[self._types.get(b.type, 0) for _, b in pairs]])
        hidden = numpy.maximum(numpy.concatenate(pooled, axis=1) @ self._a["first"].T + self._a["first_bias"], 0)
        scores = hidden @ self._a["second"].T + self._a["second_bias"]
        scores -= scores.max(axis=1, keepdims=True)
        exp = numpy.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)


_PARTS = ("mark", "other", "pos", "rel")
"""What a word's input holds after its vector, in order: its mark, the other mention's type, its POS, its relation."""

_BATCH = 64
"""Windows read at once (sorted by length, so that a batch pads little)."""


@cache
def sequence_model(name: str = MODEL) -> SequenceModel:
    """The model `name` of ``extract/data``, read once."""
    return SequenceModel.read(name)
