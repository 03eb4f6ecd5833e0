"""Mentions of each of NEREL's 29 entity types, by a CRF per type trained on NEREL train
(scripts/train_type_taggers.py; the models are in ``extract/data/type_taggers``).

NEREL nests its mentions ("[заместитель [министра]]", "[суд [Москвы]]"): each type has its own tagger, so a
mention inside one of another type is found too, and the types that nest in themselves have a second tagger of the
innermost mentions. The types the rules give better (`RULE_TYPES`) have none. The features are the organisation
tagger's (natasha's tokens, tags and pymorphy3 readings), computed once for every tagger. EVENT's two CRFs have a
second opinion, an LSTM per layer that reads the whole sentence (``sequence``): their marginals are averaged with
its probabilities (`blended_runs`).

>>> from kgraph.extract.text.ner import analyse
>>> text = "Министр финансов России, 55-летний экономист, выступил на форуме."
>>> found = {(text[m.start : m.end], m.type) for m in tag_types(text, analyse(text))}
>>> sorted(kind for words, kind in found if words in {"Министр финансов", "55-летний", "экономист"})
['AGE', 'PROFESSION', 'PROFESSION']
"""

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

from ..data.models import open_tagger
from ..names.name_words import without_stray_quote
from ..names.org_tagger import Features, bio_runs, label_runs, token_features, within_lines
from ..text.ner import Analysis, Token

MODELS = "type_taggers"
"""The folder of the models, in ``extract/data``: one ``TYPE.crfsuite`` per type."""

NEREL_TYPES = (
    "AGE", "AWARD", "CITY", "COUNTRY", "CRIME", "DATE", "DISEASE", "DISTRICT", "EVENT", "FACILITY", "FAMILY",
    "IDEOLOGY", "LANGUAGE", "LAW", "LOCATION", "MONEY", "NATIONALITY", "NUMBER", "ORDINAL", "ORGANIZATION",
    "PENALTY", "PERCENT", "PERSON", "PRODUCT", "PROFESSION", "RELIGION", "STATE_OR_PROVINCE", "TIME",
    "WORK_OF_ART",
)  # fmt: skip
"""NEREL v1.1's entity types (its annotation.conf)."""

RULE_TYPES = frozenset({"PERSON", "ORGANIZATION", "COUNTRY", "CITY", "STATE_OR_PROVINCE", "MONEY", "PERCENT", "DATE"})
"""The types whose mentions the rules give (the taggers' for every other type). On the last 150 train documents,
with the taggers trained on the rest, the rules' F1 (gazetteer and tables rebuilt without those documents, as
the README gives it) is higher for each: PERSON 0.961 against the tagger's 0.957, ORGANIZATION 0.818/0.808,
COUNTRY 0.927/0.897, CITY 0.898/0.805, STATE_OR_PROVINCE 0.876/0.667, MONEY 0.877/0.667, PERCENT 0.955/0.930,
DATE 0.890/0.791."""

RULES_ADD_TO = frozenset({"FACILITY"})
"""The types the taggers give and the rules add to: the facilities natasha's places are ("на стадионе «Лужники»",
"улица Ленина") and the organisation names headed by a building's noun or right after one ("Саяно-Шушенской ГЭС",
"в аэропорту «Шереметьево»", ``names.components.tagged_organisations``)."""

NESTED = ("AWARD", "CRIME", "DISEASE", "EVENT", "IDEOLOGY", "LAW", "LOCATION", "ORGANIZATION", "PENALTY", "PROFESSION")
"""The types whose mentions NEREL train often nests in one of the same type ("[депутат] Госдумы" in "[депутат
Госдумы]": 5% or more of their mentions, 33% of LAW's): each has a second tagger, of the innermost mentions."""


_TITLES = frozenset({"WORK_OF_ART", "EVENT"})
"""The types whose mentions may hold a colon and a space (NEREL train: "Звёздные войны. Эпизод IV: Новая надежда", an
exhibition's "Андриан Николаев: Путь к звездам"; no mention of any other type does)."""


def model_name(kind: str, layer: str) -> str:
    """The file of the tagger of one type and layer ("outer" or "inner")."""
    return f"{kind}.crfsuite" if layer == "outer" else f"{kind}.{layer}.crfsuite"


def innermost(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans that hold no other one, less those overlapping one kept before: the inner layer of nested spans.

    >>> innermost([(0, 20), (0, 8), (12, 20), (30, 35), (31, 40)])
    [(0, 8), (12, 20), (30, 35)]
    """
    unique = sorted(set(spans))
    inner = [s for s in unique if not any(o != s and s[0] <= o[0] and o[1] <= s[1] for o in unique)]
    kept: list[tuple[int, int]] = []
    for start, end in inner:
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept


@dataclass(frozen=True)
class TypedMention:
    """A mention a tagger found: offsets, NEREL type and how sure the tagger is (its least likely label)."""

    start: int
    end: int
    type: str
    confidence: float


@lru_cache(maxsize=1)
def _taggers() -> list[tuple[str, str, Any]]:
    taggers = []
    folder = files("kgraph.extract.data").joinpath(MODELS)
    for kind in NEREL_TYPES:
        for layer in ("outer", "inner"):
            if folder.joinpath(model_name(kind, layer)).is_file():
                taggers.append((kind, layer, open_tagger(f"{MODELS}/{model_name(kind, layer)}")))
    return taggers


def blended_runs(tagger: Any, tokens: Sequence[Token], second: Any) -> list[tuple[int, int, float]]:
    """The B/I runs of a CRF (its tokens set already) whose marginals are averaged with a `second` opinion's
    probabilities (tokens x B, I, O; NaN where it did not read), `sequence.WEIGHT` to it, in their likeliest
    labelling in which none ends at a preposition or conjunction (`sequence.best_labels`, `sequence.binds`); each
    with the least likely of its labels as its confidence. Where the second opinion read nothing, the CRF's own
    best labelling."""
    import numpy  # imported late: numpy's BLAS reads its thread limit once, when first imported (text.ner)

    from .sequence import LABELS, best_labels, binds, blend, crf_marginals

    if numpy.isnan(second).all():
        return bio_runs(tagger, tokens)
    blended = blend(crf_marginals(tagger, len(tokens)), second)
    labels = best_labels(blended, binds(tokens))  # no name ends at a preposition
    return label_runs(labels, lambda label, i: float(blended[i, LABELS.index(label)]), tokens)


def tag_types(
    text: str,
    analysis: Analysis,
    features: list[Features] | None = None,
    second: dict[str, dict[str, Any]] | None = None,
) -> list[TypedMention]:
    """Every typed mention the taggers find in `text`, given natasha's `analysis` of it (and the features of its
    tokens and the LSTMs' probabilities per type and layer, ``sequence.second_opinions``, when already computed)."""
    import pycrfsuite  # type: ignore[import-untyped]

    from .sequence import rows, second_opinions

    tokens = analysis.tokens
    if not tokens:
        return []
    if features is None:
        features = token_features(text, analysis)
    items = pycrfsuite.ItemSequence(features)
    if second is None:
        second = second_opinions(features, rows(analysis))
    found: dict[tuple[int, int, str], float] = {}
    for kind, layer, tagger in _taggers():
        tagger.set(items)
        read = second.get(kind, {}).get(layer)
        runs = bio_runs(tagger, tokens) if read is None else blended_runs(tagger, tokens, read)
        for start, end, score in within_lines(text, runs):
            if kind not in _TITLES and (colon := text.find(": ", start, end)) >= 0:
                end = colon  # "# Глава «Росатома»: строительство АЭС …": who speaks, then what is said
            start, end = without_stray_quote(text, start, end)
            if start < end:
                found[(start, end, kind)] = max(score, found.get((start, end, kind), 0.0))
    return [TypedMention(*key, score) for key, score in sorted(found.items(), key=lambda i: (i[0][0], -i[0][1]))]
