"""NEREL relation scores: the classifier's relations against gold ones, exact spans, types and direction, per
relation type, within a sentence and across sentences apart, micro-averaged over all 49 types.

Two settings: given the gold mentions (the classifier alone), and end to end from the raw text (the mentions the
extractor finds, then the classifier: ``doc.relations``). The published NEREL baselines are for the first.
"""

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from .scores import Report, Score

Key = tuple[str, tuple[int, int, str], tuple[int, int, str]]
"""A relation as scored: type, Arg1 (start, end, type), Arg2 (start, end, type)."""


def _sentence_starts(text: str) -> list[int]:
    """Where each sentence of `text` starts (razdel, as natasha's segmenter)."""
    from razdel import sentenize

    return [sentence.start for sentence in sentenize(text)]


def _where(key: Key, starts: list[int]) -> str:
    """ "in" when both mentions start in one sentence, "cross" otherwise."""
    return "in" if bisect_right(starts, key[1][0]) == bisect_right(starts, key[2][0]) else "cross"


class _Tally:
    """Matched, predicted and gold counts per (relation type, in/cross) and over all."""

    def __init__(self) -> None:
        self.counts: dict[tuple[str, str], Counter[str]] = {}

    def add(self, predicted: set[Key], gold: set[Key], starts: list[int]) -> None:
        for name, keys in (("matched", predicted & gold), ("predicted", predicted), ("gold", gold)):
            for key in keys:
                self.counts.setdefault((key[0], _where(key, starts)), Counter())[name] += 1

    def report(self, title: str) -> Report:
        report = Report(title)
        totals = {"in": Counter[str](), "cross": Counter[str]()}
        by_type: Counter[str] = Counter()
        for (kind, where), counts in self.counts.items():
            by_type[kind] += counts["gold"]
            totals[where].update(counts)
        for kind, _ in sorted(by_type.items(), key=lambda item: (-item[1], item[0])):
            for where in ("in", "cross"):
                found = self.counts.get((kind, where))
                if found and (found["gold"] or found["predicted"]):
                    report.scores[f"{kind} ({where})"] = Score(found["matched"], found["predicted"], found["gold"])
        everything = totals["in"] + totals["cross"]
        for name, counts in (("in-sentence", totals["in"]), ("cross-sentence", totals["cross"]), ("all", everything)):
            report.scores[f"{name} (micro)"] = Score(counts["matched"], counts["predicted"], counts["gold"])
        return report


def evaluate_relations(folder: Path, without: Iterable[str] = ()) -> tuple[Report, Report]:
    """Relation scores on a NEREL folder: given the gold mentions, and end to end (the packs in `without` off)."""
    from ..extract.build import read_article
    from ..extract.relations.learned import Mention, relate
    from ..source import parse_article
    from .nerel import read_folder

    documents = read_folder(folder)
    given, end_to_end = _Tally(), _Tally()
    misses: list[str] = []
    false: list[str] = []
    for document in documents:
        gold = {
            (r.type, (r.source.start, r.source.end, r.source.type), (r.target.start, r.target.end, r.target.type))
            for r in document.relations
        }
        starts = _sentence_starts(document.text)
        mentions = [Mention(m.start, m.end, m.type) for m in document.mentions]
        doc = read_article(parse_article("nerel", document.text), without) if document.text.strip() else None
        # given the gold mentions, the classifiers read what the extractor's read (``Doc.clean``: control characters
        # blanked, each word in one alphabet; the offsets are the text's), parsed once for both
        found = relate(doc.clean, mentions, sentences=doc.syntax) if doc is not None and mentions else []
        predicted = {_key(r) for r in found}
        given.add(predicted, gold, starts)
        misses += [f"{document.name} {_show(document.text, k)}" for k in sorted(gold - predicted)[:2]]
        false += [f"{document.name} {_show(document.text, k)}" for k in sorted(predicted - gold)[:2]]
        end_to_end.add({_key(r) for r in doc.relations} if doc is not None else set(), gold, starts)
    size = f"NEREL {folder} ({len(documents)} documents)"
    first = given.report(f"{size}: relations given the gold mentions (exact spans, type and direction)")
    first.misses, first.false = misses, false
    second = end_to_end.report(f"{size}: relations end to end (the extractor's mentions, then the classifier)")
    return first, second


def _key(relation: object) -> Key:
    source, target = relation.source, relation.target  # type: ignore[attr-defined]
    return relation.type, (source.start, source.end, source.type), (target.start, target.end, target.type)  # type: ignore[attr-defined]


def _show(text: str, key: Key) -> str:
    kind, (s1, e1, _), (s2, e2, _) = key
    return f"{kind} {text[s1:e1]!r} -> {text[s2:e2]!r}"
