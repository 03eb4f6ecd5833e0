"""Named entities and their normal forms from natasha's slovnet models, loaded once per process.

natasha finds persons, locations and organisations; its name normaliser gives "Владимира Путина" ->
"Владимир Путин" (word-by-word lemmas would break names). BLAS/OMP threads are set to 1 before loading: on a
shared 2-core machine more threads collapse throughput. OpenBLAS reads the setting once, when numpy is first
imported (natasha imports it), so natasha is imported in one place only, _models(), after limit_threads().

>>> limit_threads()["OMP_NUM_THREADS"]
'1'
"""

import os
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

_THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS")


@dataclass(frozen=True)
class NamedSpan:
    """A named-entity mention: offsets, natasha type (PER, LOC, ORG), the words and their normal form."""

    start: int
    end: int
    type: str
    text: str
    normal: str


@dataclass(frozen=True)
class Token:
    """A word or a punctuation mark as natasha's segmenter (razdel) cuts the text: offsets and characters."""

    start: int
    stop: int
    text: str


@dataclass(frozen=True)
class Analysis:
    """What natasha found in a text: its named-entity spans, and the tokens it read."""

    spans: tuple[NamedSpan, ...]
    tokens: tuple[Token, ...] = ()


def limit_threads() -> dict[str, str]:
    """Ask numeric libraries for one thread each (unless the user chose otherwise); returns the settings."""
    for name in _THREAD_VARIABLES:
        os.environ.setdefault(name, "1")
    return {name: os.environ[name] for name in _THREAD_VARIABLES}


@dataclass(frozen=True)
class _Models:
    document: Any
    segmenter: Any
    ner: Any
    morph: Any
    vocab: Any


@lru_cache(maxsize=1)
def _models() -> _Models:
    limit_threads()  # before natasha imports numpy: OpenBLAS reads it only then
    from natasha import (  # type: ignore[import-untyped]
        Doc,
        MorphVocab,
        NewsEmbedding,
        NewsMorphTagger,
        NewsNERTagger,
        Segmenter,
    )

    embedding = NewsEmbedding()
    return _Models(Doc, Segmenter(), NewsNERTagger(embedding), NewsMorphTagger(embedding), MorphVocab())


def _any_within(sorted_positions: list[int], start: int, stop: int) -> bool:
    """Whether any of the sorted positions is in start..stop (stop excluded).

    >>> _any_within([3, 9], 4, 9), _any_within([3, 9], 4, 10)
    (False, True)
    """
    index = bisect_left(sorted_positions, start)
    return index < len(sorted_positions) and sorted_positions[index] < stop


def load_models() -> None:
    """Load the models now (they load on first use otherwise); later calls do nothing."""
    _models()


def named_spans(text: str) -> tuple[NamedSpan, ...]:
    """Only natasha's NER (the baseline the extractor is measured against): mentions, not normalised."""
    models = _models()
    doc = models.document(text)
    doc.segment(models.segmenter)
    doc.tag_ner(models.ner)
    return tuple(NamedSpan(s.start, s.stop, s.type, s.text, s.text) for s in doc.spans)


def analyse(text: str) -> Analysis:
    """Named entities of `text`, normalised; morphology runs only on the sentences that hold a mention."""
    models = _models()
    doc = models.document(text)
    doc.segment(models.segmenter)
    doc.tag_ner(models.ner)
    if doc.spans:
        # Tagging every sentence costs more than the NER itself; the normaliser needs only these.
        starts = sorted(span.start for span in doc.spans)
        sentences = [s for s in doc.sents if _any_within(starts, s.start, s.stop)]
        markups = models.morph.map([[token.text for token in sentence.tokens] for sentence in sentences])
        for sentence, markup in zip(sentences, markups, strict=True):
            for token, tagged in zip(sentence.tokens, markup.tokens, strict=True):
                token.pos, token.feats = tagged.pos, tagged.feats
    spans = []
    for span in doc.spans:
        try:
            span.normalize(models.vocab)
            normal = span.normal or span.text
        except (
            ValueError,
            KeyError,
            IndexError,
            TypeError,
        ):  # odd tokens break the normaliser; keep the words
            normal = span.text
        spans.append(NamedSpan(span.start, span.stop, span.type, span.text, normal))
    return Analysis(tuple(spans), tuple(Token(t.start, t.stop, t.text) for t in doc.tokens))
