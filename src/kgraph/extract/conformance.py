"""Keep only what the shapes accept: an extracted event missing what its class requires is left out.

A rule that finds an opening but not its date, or a forum but not its place, gives an item the SHACL shapes
(ontology/shapes.ttl) reject; a draft graph that does not validate helps nobody, so such items are dropped
together with the facts and references that point at them.

>>> from kgraph.model import Fact
>>> sorted(incomplete({"f": "kg:Forum"}, []))
['f']
"""

from collections import Counter
from dataclasses import replace

from ..model import ArticleModel, Fact, TimeRef
from ..source import Span

REQUIRED: dict[str, dict[str, int]] = {
    "kg:Forum": {"schema:location": 1},
    "kg:PlenarySession": {"kg:chair": 1, "schema:superEvent": 1},
    "kg:Position": {"kg:positionIn": 1},
    "kg:Opening": {"kg:opens": 1, "schema:startDate": 1},
    "schema:SportsEvent": {"schema:startDate": 1},
    "kg:Discussion": {"schema:about": 1, "schema:attendee": 2},
    "kg:Excursion": {"schema:location": 1},
    "kg:Visit": {"schema:attendee": 1, "schema:location": 1},
    "kg:DocumentExchange": {"kg:exchangedDocument": 1},
}
"""For each class, the predicates (and how many values) its shape requires."""

SINGLE = {"schema:startDate", "schema:endDate", "kg:edition", "kg:positionIn", "kg:routeFrom", "kg:routeTo"}
"""Predicates with at most one value per subject: the first (the most confident rule's) is kept."""


def incomplete(classes: dict[str, str], facts: list[Fact]) -> set[str]:
    """Ids of entities whose class requires facts they lack."""
    counts = Counter((f.subject, f.predicate) for f in facts)
    return {
        ident
        for ident, cls in classes.items()
        if any(counts[(ident, predicate)] < needed for predicate, needed in REQUIRED.get(cls, {}).items())
    }


def conform(model: ArticleModel) -> ArticleModel:
    """The model without incomplete entities (repeatedly: dropping one can leave another incomplete).

    Every span's words are also taken afresh from the article: the rules read a copy of the text with control
    characters blanked out, and evidence must quote the article itself.
    """
    model = _verbatim(model)
    facts = _single_valued(model.facts)
    entities = dict(model.entities)
    while True:
        facts = [f for f in facts if f.subject in entities and (not f.obj_is_entity or f.obj in entities)]
        dropped = incomplete({i: e.cls for i, e in entities.items()}, facts)
        if not dropped:
            break
        entities = {i: e for i, e in entities.items() if i not in dropped}
    utterances = [
        replace(
            u,
            occasion=u.occasion if u.occasion in entities else None,
            concerns=tuple(c for c in u.concerns if c in entities),
        )
        for u in model.utterances
        if all(s in entities for s in u.speakers)
    ]
    quantities = [
        replace(q, concerns=tuple(c for c in q.concerns if c in entities))
        for q in model.quantities
        if q.measure in entities
    ]
    meta = model.meta
    meta = replace(
        meta,
        author=meta.author if meta.author in entities else None,
        publisher=meta.publisher if meta.publisher in entities else None,
        photo_credit=meta.photo_credit if meta.photo_credit in entities else None,
        about=tuple(a for a in meta.about if a in entities),
    )
    return ArticleModel(model.article, meta, entities, facts, quantities, utterances, model.source)


def _verbatim(model: ArticleModel) -> ArticleModel:
    text = model.article.text

    def span(s: Span) -> Span:
        return Span(s.start, s.end, text[s.start : s.end])

    def spans(items: tuple[Span, ...]) -> tuple[Span, ...]:
        return tuple(span(s) for s in items)

    def time(ref: TimeRef) -> TimeRef:
        return TimeRef(span(ref.wording), ref.value)

    entities = {i: replace(e, mentions=spans(e.mentions)) for i, e in model.entities.items()}
    facts = [
        replace(f, evidence=spans(f.evidence), obj=time(f.obj) if isinstance(f.obj, TimeRef) else f.obj)
        for f in model.facts
    ]
    quantities = [
        replace(q, evidence=spans(q.evidence), period=None if q.period is None else time(q.period))
        for q in model.quantities
    ]
    utterances = [replace(u, text=span(u.text), evidence=spans(u.evidence)) for u in model.utterances]
    return ArticleModel(model.article, model.meta, entities, facts, quantities, utterances, model.source)


def _single_valued(facts: list[Fact]) -> list[Fact]:
    seen: set[tuple[str, str]] = set()
    kept = []
    for fact in sorted(facts, key=lambda f: -(f.confidence or 0)):
        if fact.predicate in SINGLE:
            if (fact.subject, fact.predicate) in seen:
                continue
            seen.add((fact.subject, fact.predicate))
        kept.append(fact)
    order = {id(f): i for i, f in enumerate(facts)}
    return sorted(kept, key=lambda f: order[id(f)])
