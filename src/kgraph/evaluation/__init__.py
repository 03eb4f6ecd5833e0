"""Measuring extraction, apart from it: ``scores`` (the seed against its curated facts, NEREL mention and link
scores, natasha alone as the baseline), ``types`` (all 29 NEREL types, nested) and ``nerel`` (reading NEREL's brat
files)."""

from .scores import Report, Score, evaluate_article, evaluate_model, evaluate_nerel
from .types import evaluate_types

__all__ = ["Report", "Score", "evaluate_article", "evaluate_model", "evaluate_nerel", "evaluate_types"]
