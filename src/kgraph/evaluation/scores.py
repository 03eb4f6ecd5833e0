"""Measured quality: extracted facts against curated ones, and entity mentions and links against NEREL.

>>> Score(8, 10, 9).precision, Score(8, 10, 9).recall, round(Score(8, 10, 9).f1, 3)
(0.8, 0.889, 0.842)
"""

from collections import defaultdict
from collections.abc import Iterable, Set
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..extract.links.linking import PLACE_TYPES
from ..model import ArticleModel, Entity
from ..source import Article, Span

if TYPE_CHECKING:
    from ..extract.doc import Doc


def event_classes() -> frozenset[str]:
    """The event classes (CURIEs): schema:Event and every class the ontology makes a subclass of it.

    >>> sorted(event_classes())[:3]
    ['kg:Discussion', 'kg:DocumentExchange', 'kg:Excursion']
    """
    from ..resources import subclasses

    return subclasses("schema:Event")


NEREL_TYPES = ("PERSON", "ORGANIZATION", "COUNTRY", "CITY", "STATE_OR_PROVINCE", "MONEY", "PERCENT", "DATE")
_NEREL_OF_CLASS = {
    "schema:Person": "PERSON",
    "schema:Organization": "ORGANIZATION",
    "schema:Country": "COUNTRY",
    "schema:City": "CITY",
    "schema:AdministrativeArea": "STATE_OR_PROVINCE",
}


@dataclass(frozen=True)
class Score:
    """Counts for one category: true positives, predicted, gold; precision, recall and F1 from them."""

    matched: int
    predicted: int
    gold: int
    gold_matched: int | None = None

    @property
    def precision(self) -> float:
        """Share of predictions that are right (1.0 when nothing was predicted)."""
        return round(self.matched / self.predicted, 3) if self.predicted else 1.0

    @property
    def recall(self) -> float:
        """Share of gold items found (1.0 when there is no gold item)."""
        found = self.matched if self.gold_matched is None else self.gold_matched
        return round(found / self.gold, 3) if self.gold else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    """Scores per category, and the misses and false findings named."""

    title: str
    scores: dict[str, Score] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)
    baseline: dict[str, Score] = field(default_factory=dict)

    def table(self) -> str:
        """A plain-text table: category, counts, P, R, F1 (and the baseline's F1 beside, when measured)."""
        head = f"{'category':<28} {'pred':>5} {'gold':>5} {'P':>6} {'R':>6} {'F1':>6}"
        if self.baseline:
            head += f" | {'base P':>6} {'base R':>6} {'base F1':>7}"
        lines = [self.title, head, "-" * len(head)]
        for name, score in self.scores.items():
            line = (
                f"{name:<28} {score.predicted:>5} {score.gold:>5} "
                f"{score.precision:>6.3f} {score.recall:>6.3f}"
                f" {score.f1:>6.3f}"
            )
            if self.baseline:
                base = self.baseline.get(name)
                precision = f"{base.precision:>6.3f}" if base and base.predicted else f"{'—':>6}"
                recall = f"{base.recall:>6.3f}" if base and base.gold else f"{'—':>6}"
                f1 = f"{base.f1:>7.3f}" if base and base.predicted else f"{'—':>7}"
                line += f" | {precision} {recall} {f1}"
            lines.append(line)
        return "\n".join(lines)

    def text(self, details: bool = True) -> str:
        """The table followed by the misses and the false findings."""
        parts = [self.table()]
        if details:
            parts += ["", f"misses ({len(self.misses)}):", *(f"  - {m}" for m in self.misses)]
            parts += ["", f"false ({len(self.false)}):", *(f"  + {f}" for f in self.false)]
        return "\n".join(parts)


def _overlap(a: tuple[Span, ...], b: tuple[Span, ...]) -> int:
    return sum(max(0, min(x.end, y.end) - max(x.start, y.start)) for x in a for y in b)


def align(predicted: ArticleModel, gold: ArticleModel) -> dict[str, str]:
    """Each predicted entity's gold counterpart: the gold entity its mentions overlap most (if any)."""
    mapping = {}
    for ident, entity in predicted.entities.items():
        event = entity.cls in event_classes()
        same_kind = [g for g in gold.entities.values() if (g.cls in event_classes()) == event]
        best = max(
            same_kind,
            key=lambda g: (
                (g.cls == entity.cls, _overlap(entity.mentions, g.mentions))
                if _overlap(entity.mentions, g.mentions)
                else (False, 0)
            ),
            default=None,
        )
        if best is not None and _overlap(entity.mentions, best.mentions) > 0:
            mapping[ident] = best.id
    return mapping


def _entity_score(
    predicted: ArticleModel,
    gold: ArticleModel,
    mapping: dict[str, str],
    classes: Set[str],
    report: Report,
    same_class: bool = True,
) -> Score:
    pred_ids = [i for i, e in predicted.entities.items() if e.cls in classes]
    gold_ids = [i for i, e in gold.entities.items() if e.cls in classes]
    hits = {
        i
        for i in pred_ids
        if mapping.get(i) in gold_ids and (not same_class or predicted.entities[i].cls == gold.entities[mapping[i]].cls)
    }
    found = {mapping[i] for i in hits}
    report.misses += [
        f"{gold.entities[g].cls} {g} ({gold.entities[g].labels['ru']})" for g in gold_ids if g not in found
    ]
    report.false += [
        f"{predicted.entities[i].cls} {i} ({predicted.entities[i].labels['ru']})" for i in pred_ids if i not in hits
    ]
    return Score(len(hits), len(pred_ids), len(gold_ids), len(found))


def evaluate_model(predicted: ArticleModel, gold: ArticleModel) -> Report:
    """Compare an extracted model with the curated one, per category.

    >>> from kgraph.source import parse_article
    >>> article = parse_article("x", "# Т\\n\\nОмск.\\n")
    >>> evaluate_model(ArticleModel(article), ArticleModel(article)).scores["entities (by mention)"]
    Score(matched=0, predicted=0, gold=0, gold_matched=0)
    """
    report = Report(f"{predicted.article.slug}: extracted vs curated")
    mapping = align(predicted, gold)
    other = {"kg:Indicator"} | event_classes()
    classes = sorted({e.cls for e in gold.entities.values()} - other)
    everything = {e.cls for e in [*predicted.entities.values(), *gold.entities.values()]} - other
    report.scores["entities (by mention)"] = _entity_score(predicted, gold, mapping, everything, Report(""), False)
    report.scores["entities (by mention+class)"] = _entity_score(predicted, gold, mapping, everything, Report(""))
    for cls in classes:
        report.scores[f"  {cls}"] = _entity_score(predicted, gold, mapping, {cls}, report)
    report.scores["events"] = _entity_score(predicted, gold, mapping, event_classes(), report, same_class=False)
    report.scores["quantities (value+unit)"] = _quantities(predicted, gold, report)
    report.scores["direct quotes with speaker"] = _quotes(predicted, gold, mapping, report, "direct")
    report.scores["reported speech w/ speaker"] = _quotes(predicted, gold, mapping, report, "reported")
    report.scores["relations"] = _relations(predicted, gold, mapping, report)
    report.scores["wikidata links"] = _links(predicted, gold, mapping, report)
    return report


def _quantities(predicted: ArticleModel, gold: ArticleModel, report: Report) -> Score:
    used: set[str] = set()
    hits = 0
    for q in predicted.quantities:
        match = next(
            (
                g
                for g in gold.quantities
                if g.id not in used and g.value == q.value and g.unit == q.unit and _overlap(q.evidence, g.evidence)
            ),
            None,
        )
        if match:
            used.add(match.id)
            hits += 1
        else:
            report.false.append(f"quantity {q.value} {q.unit or ''} ({q.evidence[0].text!r})")
    report.misses += [
        f"quantity {g.id}: {g.value} {g.unit or ''} ({g.evidence[0].text!r})"
        for g in gold.quantities
        if g.id not in used
    ]
    return Score(hits, len(predicted.quantities), len(gold.quantities))


def _quotes(predicted: ArticleModel, gold: ArticleModel, mapping: dict[str, str], report: Report, kind: str) -> Score:
    mine = [u for u in predicted.utterances if u.kind == kind]
    theirs = [u for u in gold.utterances if u.kind == kind]
    used: set[str] = set()
    for u in mine:
        match = next(
            (
                g
                for g in theirs
                if g.id not in used
                and _overlap((u.text,), (g.text,))
                and {mapping.get(s) for s in u.speakers} == set(g.speakers)
            ),
            None,
        )
        if match:
            used.add(match.id)
        else:
            report.false.append(f"{kind} {u.id} by {', '.join(u.speakers)}: {u.text.text[:50]!r}")
    report.misses += [
        f"{kind} {g.id} by {', '.join(g.speakers)}: {g.text.text[:50]!r}" for g in theirs if g.id not in used
    ]
    return Score(len(used), len(mine), len(theirs))


def _relations(predicted: ArticleModel, gold: ArticleModel, mapping: dict[str, str], report: Report) -> Score:
    gold_triples = {(f.subject, f.predicate, f.obj) for f in gold.facts if f.obj_is_entity}
    mine = {
        (mapping.get(f.subject, f.subject), f.predicate, mapping.get(str(f.obj), f.obj))
        for f in predicted.facts
        if f.obj_is_entity
    }
    report.false += [f"relation {s} {p} {o}" for s, p, o in sorted(mine - gold_triples, key=str)]
    report.misses += [f"relation {s} {p} {o}" for s, p, o in sorted(gold_triples - mine, key=str)]
    return Score(len(mine & gold_triples), len(mine), len(gold_triples))


def _links(predicted: ArticleModel, gold: ArticleModel, mapping: dict[str, str], report: Report) -> Score:
    linked = [e for e in predicted.entities.values() if e.wikidata]
    right = [e for e in linked if e.id in mapping and gold.entities[mapping[e.id]].wikidata == e.wikidata]
    report.false += [f"link {e.id} -> {e.wikidata}" for e in linked if e not in right]
    gold_linked = [e for e in gold.entities.values() if e.wikidata]
    found = {mapping[e.id] for e in right}
    report.misses += [f"link {e.id} -> {e.wikidata}" for e in gold_linked if e.id not in found]
    return Score(len(right), len(linked), len(gold_linked), len(found))


def evaluate_article(path: Path, without: Iterable[str] = ()) -> Report:
    """Extract the article at `path` (the packs in `without` off) and compare with its curated facts.yaml."""
    from ..errors import FactsError
    from ..extract.build import extract_article
    from ..facts import facts_file, load_facts
    from ..source import load_article

    article = load_article(path)
    curated = facts_file(article)
    if curated is None:
        raise FactsError(f"{path}: no curated facts (facts.yaml) to compare with")
    gold = load_facts(article, curated)
    report = evaluate_model(extract_article(article, without), gold)
    report.baseline = evaluate_model(baseline_model(article), gold).scores
    return report


def baseline_model(article: Article) -> ArticleModel:
    """natasha alone: its PER, LOC and ORG mentions grouped by normal form, as persons, places, organisations."""
    from ..extract.text.ner import analyse

    classes = {"PER": "schema:Person", "LOC": "schema:Place", "ORG": "schema:Organization"}
    groups: dict[tuple[str, str], list[Span]] = {}
    for span in analyse(article.text).spans:
        groups.setdefault((span.type, span.normal), []).append(Span(span.start, span.end, span.text))
    entities = {
        f"e{number}": Entity(f"e{number}", classes[kind], {"ru": normal, "en": normal}, mentions=tuple(mentions))
        for number, ((kind, normal), mentions) in enumerate(groups.items())
    }
    return ArticleModel(article, entities=entities, source="baseline")


Mention = tuple[int, int, str]


def nerel_predictions(text: str, without: Iterable[str] = ()) -> tuple[set[Mention], dict[tuple[int, int], str]]:
    """Typed mentions (NEREL types) the extractor finds in `text` (the packs in `without` off), and the Wikidata
    links it gives them."""
    from ..extract.build import read_article
    from ..source import parse_article

    if not text.strip():
        return set(), {}
    return document_predictions(read_article(parse_article("nerel", text), without))


def document_predictions(doc: "Doc") -> tuple[set[Mention], dict[tuple[int, int], str]]:
    """Typed mentions (NEREL types) and Wikidata links of a document the extractor read: its entities' mentions
    (what the shapes keep of them), its sums, percentages and dates."""
    from ..extract.build import model_of
    from ..extract.figures.amounts import find_amounts
    from ..extract.figures.dates import find_dates

    mentions: set[Mention] = set()
    links: dict[tuple[int, int], str] = {}
    for entity in model_of(doc).entities.values():
        kind = _NEREL_OF_CLASS.get(entity.cls)
        if kind is None:
            continue
        for m in entity.mentions:
            mentions.add((m.start, m.end, kind))
            if entity.wikidata:
                links[(m.start, m.end)] = entity.wikidata
    read = doc.analysis is not None  # else no component ran (no Russian word): the figures are read here
    for amount in doc.amounts if read else find_amounts(doc.clean):
        if (mention := amount.nerel_mention) is not None:
            mentions.add(mention)
    for found in doc.dates if read else find_dates(doc.clean):
        mentions.add((found.start, found.end, found.nerel_type))
    return mentions, links


def baseline_predictions(text: str) -> set[Mention]:
    """natasha's NER alone: PER as PERSON, ORG as ORGANIZATION, LOC untyped (as LOC)."""
    from ..extract.text.ner import named_spans

    kinds = {"PER": "PERSON", "ORG": "ORGANIZATION", "LOC": "LOC"}
    return {(s.start, s.end, kinds[s.type]) for s in named_spans(text)}


def _type_scores(pred: set[Mention], gold: set[Mention]) -> dict[str, Score]:
    scores = {}
    for kind in NEREL_TYPES:
        p = {m for m in pred if m[2] == kind}
        g = {m for m in gold if m[2] == kind}
        if any(m[2] == "LOC" for m in pred) and kind in PLACE_TYPES:
            # untyped locations: recall only (a LOC at the gold span counts), no precision per type
            found = {m for m in g if (m[0], m[1], "LOC") in pred}
            scores[kind] = Score(0, 0, len(g), len(found))
            continue
        scores[kind] = Score(len(p & g), len(p), len(g))
    loc_pred = {(s, e) for s, e, k in pred if k in (*PLACE_TYPES, "LOC")}
    loc_gold = {(s, e) for s, e, k in gold if k in PLACE_TYPES}
    scores["LOCATION (any of 3, untyped)"] = Score(len(loc_pred & loc_gold), len(loc_pred), len(loc_gold))
    return scores


def evaluate_nerel(folder: Path, baseline: bool = True, without: Iterable[str] = ()) -> Report:
    """Mention F1 per type (exact spans) and link precision on a NEREL folder, natasha alone beside (the packs in
    `without` off)."""
    from .nerel import read_folder

    documents = read_folder(folder)
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    base_totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    link_right = link_judged = link_given = 0
    report = Report(f"NEREL {folder} ({len(documents)} documents): exact-span mention scores")
    for document in documents:
        gold = {(m.start, m.end, m.type) for m in document.mentions if m.type in NEREL_TYPES}
        gold_links = {(m.start, m.end): m.wikidata for m in document.mentions if m.wikidata}
        pred, links = nerel_predictions(document.text, without)
        for kind, score in _type_scores(pred, gold).items():
            _add(totals[kind], score)
        for kind, (s, e, _) in [(k, m) for m in sorted(gold - pred) for k in [m[2]]][:3]:
            report.misses.append(f"{document.name} {kind} {document.text[s:e]!r}")
        for s, e, kind in sorted(pred - gold)[:3]:
            report.false.append(f"{document.name} {kind} {document.text[s:e]!r}")
        for span, qid in links.items():
            link_given += 1
            if span in gold_links:
                link_judged += 1
                link_right += gold_links[span] == qid
                if gold_links[span] != qid:
                    report.false.append(
                        f"{document.name} link {document.text[span[0] : span[1]]!r} -> {qid} (gold {gold_links[span]})"
                    )
        if baseline:
            for kind, score in _type_scores(baseline_predictions(document.text), gold).items():
                _add(base_totals[kind], score)
    for kind, (m, p, g, gm) in totals.items():
        report.scores[kind] = Score(m, p, g, gm)
    # Precision over the links NEREL can judge (the mention has a gold link); the second row says how many
    # of the links given could be judged at all.
    report.scores["wikidata links (judged)"] = Score(link_right, link_judged, link_judged)
    report.scores["links judged / given"] = Score(link_judged, link_given, link_given)
    for kind, (m, p, g, gm) in base_totals.items():
        report.baseline[kind] = Score(m, p, g, gm) if p else Score(0, 0, g, gm)
    return report


def _add(total: list[int], score: Score) -> None:
    total[0] += score.matched
    total[1] += score.predicted
    total[2] += score.gold
    total[3] += score.matched if score.gold_matched is None else score.gold_matched
