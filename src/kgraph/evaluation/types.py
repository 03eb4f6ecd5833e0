"""All 29 NEREL entity types, nested, exact spans: the typed taggers' mentions, with the rules' mentions for the
types where the rules do better (measured on the last 150 train documents: `RULE_TYPES`).

The micro-averaged F1 over every type is the figure the published NEREL results give (MRC over RuBERT 0.850,
biaffine over fastText 0.796 on test).
"""

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from ..extract.typed.taggers import RULE_TYPES, RULES_ADD_TO
from .scores import NEREL_TYPES as RULES_GIVE
from .scores import Mention, Report, Score, document_predictions


def typed_predictions(text: str, without: Iterable[str] = ()) -> tuple[set[Mention], set[Mention]]:
    """The mentions of every type in `text`: the taggers' (with what the rules add to their types,
    ``RULES_ADD_TO``) and the rules' (the packs in `without` off), from one reading of it."""
    from ..extract.build import read_article
    from ..source import parse_article

    if not text.strip():
        return set(), set()
    doc = read_article(parse_article("nerel", text), without)
    rules, _ = document_predictions(doc)
    added = {(m.start, m.end, d.nerel_type) for d in doc.drafts if d.nerel_type in RULES_ADD_TO for m in d.mentions}
    return {(m.start, m.end, m.type) for m in doc.typed} | added, rules


def evaluate_types(folder: Path, without: Iterable[str] = (), rule_types: Iterable[str] = RULE_TYPES) -> Report:
    """Mention P, R and F1 per NEREL type and micro-averaged over all of them (nested, exact spans); beside them,
    the rules' own score for the types they give (the "base" columns)."""
    from ..extract.typed.taggers import NEREL_TYPES
    from .nerel import read_folder

    documents = read_folder(folder)
    by_rules = frozenset(rule_types)
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    rules_totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    report = Report(f"NEREL {folder} ({len(documents)} documents): all {len(NEREL_TYPES)} types, nested, exact spans")
    for document in documents:
        gold = {(m.start, m.end, m.type) for m in document.mentions}
        tagged, rules = typed_predictions(document.text, without)
        chosen = {m for m in tagged if m[2] not in by_rules} | {m for m in rules if m[2] in by_rules}
        for kind in NEREL_TYPES:
            _count(totals[kind], {m for m in chosen if m[2] == kind}, {m for m in gold if m[2] == kind})
            if kind in RULES_GIVE:
                _count(rules_totals[kind], {m for m in rules if m[2] == kind}, {m for m in gold if m[2] == kind})
        _count(totals["all types (micro)"], chosen, gold)
        report.misses.extend(f"{document.name} {k} {document.text[s:e]!r}" for s, e, k in sorted(gold - chosen)[:2])
        report.false.extend(f"{document.name} {k} {document.text[s:e]!r}" for s, e, k in sorted(chosen - gold)[:2])
    ranked = sorted(NEREL_TYPES, key=lambda kind: -totals[kind][2])
    for kind in [*ranked, "all types (micro)"]:
        report.scores[kind] = Score(*totals[kind])
        if kind in rules_totals:
            report.baseline[kind] = Score(*rules_totals[kind])
    return report


def _count(total: list[int], predicted: set[Mention], gold: set[Mention]) -> None:
    total[0] += len(predicted & gold)
    total[1] += len(predicted)
    total[2] += len(gold)
