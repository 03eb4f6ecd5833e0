"""Keep only what the shapes accept: an extracted event missing what its class requires becomes a plain event,
and a fact whose object the shapes refuse is left out.

A rule that finds an opening but not its date, or a forum but not its place, gives an item the SHACL shapes
(ontology/shapes.ttl) reject; a draft graph that does not validate helps nobody, so such an event is kept in the
nearest broader class it satisfies (schema:Event), and any other incomplete item is dropped together with the
facts and references that point at them. A fact pointing at what a shape does not allow (a person as an event's
location, a bare year as its xsd:date) is dropped. What each class requires and allows is read from the shapes.

>>> from kgraph.model import Fact
>>> sorted(incomplete({"f": "kg:Forum"}, []))
['f']
"""

from collections import Counter
from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from ..model import ArticleModel, Fact, TimeRef, YearMonth, time_datatype
from ..source import Span

if TYPE_CHECKING:  # rdflib is imported when the shapes are first read, so importing extraction stays cheap
    from rdflib import Graph

NOT_FACTS = frozenset({"rdf:type", "rdfs:label", "owl:sameAs", "prov:wasDerivedFrom"})
"""Predicates graph.py writes from an entity itself (class, labels, Wikidata item, mentions), never from a fact."""


def required_in(shapes: "Graph") -> dict[str, dict[str, int]]:
    """For each sh:targetClass, the fact predicates (sh:path) its property shapes require and their sh:minCount.

    >>> from rdflib import Graph
    >>> shapes = Graph().parse(format="turtle", data='''
    ...     @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix kg: <https://w3id.org/kgraph/ontology#> .
    ...     [] sh:targetClass kg:Forum ; sh:property [ sh:path kg:chair ; sh:minCount 2 ] .''')
    >>> required_in(shapes)
    {'kg:Forum': {'kg:chair': 2}}
    """
    table: dict[str, dict[str, int]] = {}
    for cls, path, least, _ in _property_shapes(shapes):
        if path not in NOT_FACTS and least:
            needed = table.setdefault(cls, {})
            needed[path] = max(least, needed.get(path, 0))
    return table


def single_valued_in(shapes: "Graph") -> frozenset[str]:
    """Predicates some property shape allows at most one value of (sh:maxCount 1), whichever class it targets.

    >>> from rdflib import Graph
    >>> shapes = Graph().parse(format="turtle", data='''
    ...     @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix kg: <https://w3id.org/kgraph/ontology#> .
    ...     [] sh:targetClass kg:Forum ; sh:property [ sh:path kg:edition ; sh:maxCount 1 ] .''')
    >>> sorted(single_valued_in(shapes))
    ['kg:edition']
    """
    return frozenset(path for _, path, _, most in _property_shapes(shapes) if most == 1)


def forbidden_in(shapes: "Graph") -> frozenset[tuple[str, str]]:
    """(target class, predicate) pairs a property shape allows no value of (sh:maxCount 0): a person is contained
    in no place.

    >>> from rdflib import Graph
    >>> shapes = Graph().parse(format="turtle", data='''
    ...     @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix schema: <https://schema.org/> .
    ...     [] sh:targetClass schema:Person ; sh:property [ sh:path schema:containedInPlace ; sh:maxCount 0 ] .''')
    >>> sorted(forbidden_in(shapes))
    [('schema:Person', 'schema:containedInPlace')]
    """
    return frozenset((cls, path) for cls, path, _, most in _property_shapes(shapes) if most == 0)


@cache
def forbidden() -> frozenset[tuple[str, str]]:
    """forbidden_in our shapes, read once."""
    return forbidden_in(_shapes())


def _property_shapes(shapes: "Graph") -> list[tuple[str, str, int | None, int | None]]:
    """(target class, path, sh:minCount, sh:maxCount) of each property shape of a node shape with a target class.

    Only a path that is one predicate counts facts; a longer path (sequence, inverse) is no fact of the subject's.
    Classes are the shapes' own targets: the validator also applies a shape to subclasses (the ontology's class
    tree), which this table does not follow.
    """
    from rdflib import Literal, URIRef
    from rdflib.namespace import SH
    from rdflib.term import Node

    from ..namespaces import shorten

    def count(node: Node, bound: URIRef) -> int | None:
        value = shapes.value(node, bound)
        return int(value) if isinstance(value, Literal) else None

    found = []
    for shape, cls in shapes.subject_objects(SH.targetClass):
        for prop in shapes.objects(shape, SH.property):
            path = shapes.value(prop, SH.path)
            if isinstance(path, URIRef):
                found.append((shorten(cls), shorten(path), count(prop, SH.minCount), count(prop, SH.maxCount)))
    return found


@cache
def _shapes() -> "Graph":
    from ..validate import load_shapes

    return load_shapes()


@cache
def required() -> Mapping[str, Mapping[str, int]]:
    """For each class, the fact predicates (and how many values) our shapes require; read once.

    >>> sorted(required()["kg:Opening"].items())
    [('kg:opens', 1), ('schema:startDate', 1)]
    """
    return required_in(_shapes())


@cache
def single() -> frozenset[str]:
    """Predicates with at most one value per subject in our shapes: the first (the most confident rule's) is kept.

    >>> {"schema:startDate", "kg:positionIn"} <= single()
    True
    """
    return single_valued_in(_shapes())


Allowed = tuple[frozenset[str], frozenset[str]]
"""What a property shape lets a fact point at: the classes (any of them; empty when any), and the datatypes (any of
them; empty when any)."""


def objects_allowed_in(shapes: "Graph") -> dict[tuple[str, str], list[Allowed]]:
    """For each (sh:targetClass, sh:path), the classes (sh:class, or sh:or of sh:class) and the datatypes
    (sh:datatype, or sh:or of sh:datatype) its property shapes require of the values.

    >>> from rdflib import Graph
    >>> shapes = Graph().parse(format="turtle", data='''
    ...     @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix schema: <https://schema.org/> .
    ...     [] sh:targetClass schema:Event ; sh:property [ sh:path schema:location ; sh:class schema:Place ] .''')
    >>> objects_allowed_in(shapes)
    {('schema:Event', 'schema:location'): [(frozenset({'schema:Place'}), frozenset())]}
    """
    from rdflib import URIRef
    from rdflib.collection import Collection
    from rdflib.namespace import SH

    from ..namespaces import shorten

    table: dict[tuple[str, str], list[Allowed]] = {}
    for shape, cls in shapes.subject_objects(SH.targetClass):
        for prop in shapes.objects(shape, SH.property):
            path = shapes.value(prop, SH.path)
            if not isinstance(path, URIRef):
                continue
            classes = {shorten(c) for c in shapes.objects(prop, SH["class"])}
            datatypes = {shorten(d) for d in shapes.objects(prop, SH.datatype)}
            for alternatives in shapes.objects(prop, SH["or"]):
                for item in Collection(shapes, alternatives):
                    classes |= {shorten(c) for c in shapes.objects(item, SH["class"])}
                    datatypes |= {shorten(d) for d in shapes.objects(item, SH.datatype)}
            if classes or datatypes:
                allowed = (frozenset(classes), frozenset(datatypes))
                table.setdefault((shorten(cls), shorten(path)), []).append(allowed)
    return table


@cache
def objects_allowed() -> Mapping[tuple[str, str], list[Allowed]]:
    """objects_allowed_in our shapes, read once.

    >>> objects_allowed()[("schema:Event", "schema:location")]
    [(frozenset({'schema:Place'}), frozenset())]
    """
    return objects_allowed_in(_shapes())


@cache
def _allowed_by_path() -> Mapping[str, list[tuple[str, list[Allowed]]]]:
    """objects_allowed by predicate: the target classes constraining it, each with its rules."""
    grouped: dict[str, list[tuple[str, list[Allowed]]]] = {}
    for (target, path), rules in objects_allowed().items():
        grouped.setdefault(path, []).append((target, rules))
    return grouped


_TIME_TYPES = frozenset({"xsd:date", "xsd:gYearMonth", "xsd:gYear"})


def _time_type(value: object) -> str | None:
    """The datatype the graph writes a time value in (``model.time_datatype``), as a CURIE; None for no time."""
    if not isinstance(value, (date, YearMonth, int)) or isinstance(value, bool):
        return None
    return "xsd:" + time_datatype(value)


def fits(fact: Fact, classes: Mapping[str, str]) -> bool:
    """Whether the shapes accept the fact's object for its subject's class (and the ontology's superclasses):
    an entity of an allowed class, a value of an allowed datatype (a day for xsd:date, a bare year only where
    xsd:gYear is allowed too), and no
    value at all where a shape allows none (sh:maxCount 0)."""
    from ..resources import subclasses

    subject_class = classes.get(fact.subject)
    if any(path == fact.predicate and subject_class in subclasses(target) for target, path in forbidden()):
        return False
    for target, rules in _allowed_by_path().get(fact.predicate, []):
        if subject_class not in subclasses(target):
            continue
        for allowed_classes, datatypes in rules:
            if allowed_classes:
                kind = classes.get(fact.obj) if fact.obj_is_entity and isinstance(fact.obj, str) else None
                if kind is None or not any(kind in subclasses(c) for c in allowed_classes):
                    return False
            if datatypes & _TIME_TYPES:
                value = fact.obj.value if isinstance(fact.obj, TimeRef) else fact.obj
                if fact.obj_is_entity or _time_type(value) not in datatypes:
                    return False
    return True


def incomplete(classes: dict[str, str], facts: list[Fact]) -> set[str]:
    """Ids of entities whose class requires facts they lack."""
    counts = Counter((f.subject, f.predicate) for f in facts)
    return {
        ident
        for ident, cls in classes.items()
        if any(counts[(ident, predicate)] < needed for predicate, needed in required().get(cls, {}).items())
    }


def reduce(cls: str, ident: str, facts: list[Fact]) -> str | None:
    """For an event, the nearest broader event class (the ontology's rdfs:subClassOf) whose requirements it
    meets; None for anything else: an opening whose date the article does not give is still an event
    (schema:Event requires nothing), a quantity without what it measures is no quantity.

    >>> reduce("kg:Opening", "o", []), reduce("kg:Quantity", "q", [])
    ('schema:Event', None)
    """
    from rdflib.namespace import RDFS

    from ..namespaces import expand_term, shorten
    from ..resources import ontology_graph, subclasses

    events = subclasses("schema:Event")
    broader = ontology_graph().value(expand_term(cls), RDFS.subClassOf)
    while cls in events and broader is not None and shorten(broader) in events:
        if not incomplete({ident: shorten(broader)}, facts):
            return shorten(broader)
        broader = ontology_graph().value(broader, RDFS.subClassOf)
    return None


_SEATS = frozenset({"kg:headquarteredIn", "schema:location"})


def _venue_seat(fact: Fact, facts: list[Fact]) -> Fact | None:
    """Where an event took place when the text names an organisation as the venue ("Церемонию закрытия провели в
    Зимнем театре Сочи", a theatre the NER reads as a body; an event's place must be a place): the place the
    article gives that organisation, stated with the evidence of both."""
    if fact.predicate != "schema:location" or not fact.obj_is_entity:
        return None
    seat = next((f for f in facts if f.subject == fact.obj and f.predicate in _SEATS and f.obj_is_entity), None)
    if seat is None:
        return None
    confidence = min(c for c in (fact.confidence, seat.confidence, 1.0) if c is not None)
    evidence = tuple(dict.fromkeys(fact.evidence + seat.evidence))
    return replace(fact, obj=seat.obj, evidence=evidence, confidence=confidence)


def conform(model: ArticleModel) -> ArticleModel:
    """The model without incomplete entities (repeatedly: dropping one can leave another incomplete); an entity
    whose class requires what the article does not say is kept in the nearest broader class that requires
    nothing more (``reduce``: an opening without a date is an event), or left out when there is none. What is
    left out or reduced, and why, is listed in the model's ``left_out``.

    Every span's words are also taken afresh from the article: the rules read a copy of the text with control
    characters blanked out, and evidence must quote the article itself.
    """
    model = _verbatim(model)
    facts = _single_valued(model.facts)
    entities = dict(model.entities)
    left_out: list[str] = []
    while True:
        classes = {i: e.cls for i, e in entities.items()}
        kept_facts = []
        for fact in facts:
            if fact.subject not in entities or (fact.obj_is_entity and fact.obj not in entities):
                continue  # an end was left out: said there
            if not fits(fact, classes):
                seat = _venue_seat(fact, facts)
                if seat is not None and fits(seat, classes):  # "провели в Зимнем театре Сочи": in Sochi
                    kept_facts.append(seat)
                    reason = f"its place {seat.obj} instead"
                else:
                    reason = "the shapes refuse this object for a " + classes[fact.subject]
                left_out.append(f"fact {_show(fact, classes)}: {reason}")
                continue
            kept_facts.append(fact)
        facts = kept_facts
        dropped = incomplete(classes, facts)
        if not dropped:
            break
        kept = {}
        for ident, entity in entities.items():
            if ident not in dropped:
                kept[ident] = entity
                continue
            counts = Counter(f.predicate for f in facts if f.subject == ident)
            lacking = ", ".join(sorted(p for p, n in required().get(entity.cls, {}).items() if counts[p] < n))
            if (broader := reduce(entity.cls, ident, facts)) is not None:
                kept[ident] = replace(entity, cls=broader)
                left_out.append(f"class {entity.cls} of {ident}: kept as {broader}, the article gives no {lacking}")
            else:
                left_out.append(f"entity {ident} ({entity.cls}): the article gives no {lacking}")
        entities = kept
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
    return ArticleModel(
        model.article, meta, entities, facts, quantities, utterances, model.source, left_out=tuple(left_out)
    )


def _show(fact: Fact, classes: Mapping[str, str]) -> str:
    """A fact in one line: subject, predicate, object (an entity with its class, a value as written)."""
    if fact.obj_is_entity:
        obj = f"{fact.obj} ({classes.get(str(fact.obj), '?')})"
    elif isinstance(fact.obj, TimeRef):
        obj = repr(fact.obj.wording.text)
    else:
        obj = repr(fact.obj)
    return f"{fact.subject} {fact.predicate} {obj}"


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
        if fact.predicate in single():
            if (fact.subject, fact.predicate) in seen:
                continue
            seen.add((fact.subject, fact.predicate))
        kept.append(fact)
    order = {id(f): i for i, f in enumerate(facts)}
    return sorted(kept, key=lambda f: order[id(f)])
