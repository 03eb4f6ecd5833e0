"""Offices and occupations named by one word the PROFESSION taggers miss ("моряк", "раввин", "блогера"): an animate
common noun whose lemma's vector in natasha's navec embedding a logistic regression reads as one, more likely than
not (scripts/train_profession_words.py, trained on NEREL train; the model is ``extract/data/profession_words.tsv``).

The taggers know the words train has; the vectors carry the model to the words it lacks, since an occupation's
neighbours are occupations. On the last 150 train documents (the model fitted on the rest) it keeps 86% right and
finds 89% of the candidate words a PROFESSION mention holds at `MORE_LIKELY`.

>>> text = "Рядом стоял моряк, а за ним девочка."
>>> [text[m.start : m.end] for m in profession_words(text, [])]
['моряк']
"""

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

from ..data.tables import rows
from ..spans import SpanIndex
from ..text.ner import news_embedding
from ..text.normalise import parses
from .taggers import TypedMention

MODEL = "profession_words.tsv"
"""The model's file, in ``extract/data``: the bias, then a weight per dimension of the embedding."""

MORE_LIKELY = 0.5
"""The probability a word needs: more likely an office than not."""

_WORD = re.compile(r"(?<![\w-])[А-Яа-яЁё][А-Яа-яЁё-]{2,}(?![\w-])")
_NOT_COMMON = frozenset({"Name", "Surn", "Patr", "Abbr", "Geox", "Orgn"})
"""Readings of a name, an abbreviation, a place or an organisation: not an occupation's noun."""


def candidates(text: str) -> Iterator[tuple[int, int, Any]]:
    """The words pymorphy3 reads first as an animate common noun whose lemma the embedding knows: offsets and the
    lemma's vector."""
    embedding = news_embedding()
    for found in _WORD.finditer(text):
        reading = parses(found.group().lower())[0]
        grammemes = reading.tag.grammemes
        if "NOUN" not in grammemes or "anim" not in grammemes or grammemes & _NOT_COMMON:
            continue
        vector = embedding.get(reading.normal_form)
        if vector is not None:
            yield found.start(), found.end(), vector


@lru_cache(maxsize=1)
def _model() -> tuple[Any, float]:
    import numpy

    values = [float(row[0]) for row in rows(MODEL)]
    return numpy.array(values[1:], dtype=numpy.float32), values[0]


def _probabilities(vectors: Any) -> Any:
    """The model's probability that each lemma (a row of `vectors`, navec's) names an office."""
    import numpy

    weights, bias = _model()
    return 1 / (1 + numpy.exp(-(numpy.asarray(vectors) @ weights + bias)))


def office_probability(lemma: str) -> float | None:
    """How likely the model reads a lemma as an office or an occupation; None when the embedding lacks it.

    >>> round(office_probability("моряк"), 2) >= MORE_LIKELY > round(office_probability("девочка"), 2)
    True
    """
    vector = news_embedding().get(lemma)
    return None if vector is None else float(_probabilities(vector))


def profession_words(
    text: str, found: Sequence[TypedMention], names: Iterable[tuple[int, int]] = ()
) -> list[TypedMention]:
    """A PROFESSION mention of each candidate word the model reads as an office, outside the PROFESSION mentions
    already `found` and the persons' `names` (start, end); its confidence is the model's probability. A surname
    pymorphy3 does not know may read as a common noun ("Гинер", like "инженер"), but an office is never part of a
    person's name: of NEREL train's 7,051 PROFESSION mentions, 4 lie inside a PERSON mention.

    >>> text = "Президент ЦСКА Евгений Гинер заявил о жалобе."
    >>> [text[m.start : m.end] for m in profession_words(text, [])]
    ['Президент', 'Гинер']
    >>> [text[m.start : m.end] for m in profession_words(text, [], names=[(15, 28)])]
    ['Президент']
    """
    offices = SpanIndex((m.start, m.end) for m in found if m.type == "PROFESSION")
    persons = SpanIndex(names)
    words = [
        (start, end, vector)
        for start, end, vector in candidates(text)
        if not offices.covers(start, end) and not persons.covers(start, end)
    ]
    if not words:
        return []
    scores = _probabilities([vector for _, _, vector in words])
    return [
        TypedMention(start, end, "PROFESSION", round(float(score), 3))
        for (start, end, _), score in zip(words, scores, strict=True)
        if score >= MORE_LIKELY
    ]


def offices_not_nationalities(text: str, mentions: Sequence[TypedMention]) -> list[TypedMention]:
    """`mentions` with each one-word NATIONALITY mention of a noun the model reads as an office made a PROFESSION
    mention: the NATIONALITY tagger read "пловец" as it reads "испанец" and "немец" (of NEREL train and dev's 93
    nationality nouns the model reads none as more likely an office than not; "бразилец", at 0.38, comes nearest).

    >>> text = "Лучшим признан пловец Климент Колесников."
    >>> tagged = [TypedMention(15, 21, "NATIONALITY", 0.7)]
    >>> [(text[m.start : m.end], m.type) for m in offices_not_nationalities(text, tagged)]
    [('пловец', 'PROFESSION')]
    """
    found = []
    for mention in mentions:
        words = text[mention.start : mention.end]
        reading = parses(words.lower())[0] if mention.type == "NATIONALITY" and _WORD.fullmatch(words) else None
        if reading is not None and "NOUN" in reading.tag:
            probability = office_probability(str(reading.normal_form))
            if probability is not None and probability >= MORE_LIKELY:
                mention = TypedMention(mention.start, mention.end, "PROFESSION", mention.confidence)
        found.append(mention)
    return found
