"""Automatic extraction: any Russian news article -> the same model curated facts give, offline.

One module, one job: ``ner`` (natasha), ``mentions`` (span repair, gazetteer matches), ``adjectives`` (place
adjectives), ``owners`` ("власти Украины"), ``quantities`` (yargy grammar), ``dates``, ``quotes``, ``events``
(events and titles), ``entities`` (grouping, classes), ``relations``, ``speakers`` and ``measures`` (facts, who
said what, what figures measure), ``doc`` and ``spans`` (what is found so far, looked up by index),
``normalise`` (pymorphy3), ``linking`` (gazetteer from NEREL train), ``tables`` (the shipped TSV tables),
``build`` (the pipeline), ``writer`` (facts YAML), ``evaluate`` and ``nerel`` (measuring); ``reconcile``
(optional, online: links from a Wikidata SPARQL endpoint).
"""

from .build import ExtractionError, extract_article
from .evaluate import Report, Score, evaluate_article, evaluate_model, evaluate_nerel
from .writer import dump_facts

__all__ = [
    "ExtractionError",
    "Report",
    "Score",
    "dump_facts",
    "evaluate_article",
    "evaluate_model",
    "evaluate_nerel",
    "extract_article",
]
