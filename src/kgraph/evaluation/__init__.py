"""Measuring extraction, apart from it: ``scores`` (the seed against its curated facts, NEREL mention and link
scores, natasha alone as the baseline), ``types`` (all 29 NEREL types, nested) and ``nerel`` (reading NEREL's brat
files) ``relations`` (NEREL's 49 relation types, given the gold mentions and end to end) and ``identity`` (one node per
real thing across documents, and Wikidata link coverage)."""

from .identity import evaluate_identity
from .relations import evaluate_relations
from .scores import Report, Score, evaluate_article, evaluate_model, evaluate_nerel
from .types import evaluate_types

__all__ = [
    "Report",
    "Score",
    "evaluate_article",
    "evaluate_identity",
    "evaluate_model",
    "evaluate_nerel",
    "evaluate_relations",
    "evaluate_types",
]
