"""Entities of one article found to be one thing: the others' mentions, facts, quantities and quotes become the
kept one's, and a fact said of both is one fact with both evidence.

>>> from kgraph.model import Entity, Fact
>>> from kgraph.source import Span
>>> a = Entity("a", "schema:Organization", {"ru": "МГУ"}, mentions=(Span(0, 3, "МГУ"),))
>>> b = Entity("b", "schema:Organization", {"ru": "Московский университет"}, mentions=(Span(9, 31, "x" * 22),))
>>> sorted(joined_entities({"a": a, "b": b}, {"b": "a"})["a"].mentions)
[Span(start=0, end=3, text='МГУ'), Span(start=9, end=31, text='xxxxxxxxxxxxxxxxxxxxxx')]
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace

from ..model import ArticleModel, Entity, Fact


def joined_entities(entities: Mapping[str, Entity], joined: Mapping[str, str]) -> dict[str, Entity]:
    """`entities` less the keys of `joined`, each one's mentions given to the entity it maps to (which no key
    names)."""
    result = dict(entities)
    for ident, holder in joined.items():
        mentions = result[holder].mentions + result.pop(ident).mentions
        result[holder] = replace(result[holder], mentions=tuple(sorted(set(mentions))))
    return result


def merged(*joins: Mapping[str, str]) -> dict[str, str]:
    """One join of several (entity -> the entity it is one with), the first that joins an entity deciding where it
    goes; an entity another joins is joined to nothing (no chains).

    >>> merged({"a": "b"}, {"a": "c", "d": "a", "e": "f"})
    {'a': 'b', 'e': 'f'}
    """
    found: dict[str, str] = {}
    for join in joins:
        found.update((ident, holder) for ident, holder in join.items() if ident not in found)
    return {ident: holder for ident, holder in found.items() if holder not in found}


def merged_facts(facts: Iterable[Fact], mergeable: Callable[[Fact], bool]) -> list[Fact]:
    """`facts` with each `mergeable` one that states what an earlier one does (subject, predicate, object) merged
    into that one: one fact, the evidence of both, the higher confidence.

    >>> from kgraph.source import Span
    >>> one, two = Span(0, 1, "a"), Span(2, 3, "b")
    >>> said = [Fact("a", "p", "b", (one,), confidence=0.4), Fact("a", "p", "b", (two,), confidence=0.9)]
    >>> [(f.evidence, f.confidence) for f in merged_facts(said, lambda fact: True)]
    [((Span(start=0, end=1, text='a'), Span(start=2, end=3, text='b')), 0.9)]
    """
    kept: list[Fact] = []
    said: dict[tuple[object, ...], int] = {}
    for fact in facts:
        key = (fact.subject, fact.predicate, str(fact.obj), fact.obj_is_entity, fact.language)
        if key in said and mergeable(fact):
            before = kept[said[key]]
            evidence = tuple(dict.fromkeys(before.evidence + fact.evidence))
            confidence = max(before.confidence or 0, fact.confidence or 0) or None
            kept[said[key]] = replace(before, evidence=evidence, confidence=confidence)
            continue
        said.setdefault(key, len(kept))
        kept.append(fact)
    return kept


def with_joined(model: ArticleModel, joined: Mapping[str, str]) -> ArticleModel:
    """`model` with each key of `joined` one entity with the entity it maps to (which no key names): its mentions,
    and what facts, quantities, quotes and the article's subjects say of it, that entity's; a fact that would then
    relate that entity to itself is dropped."""
    if not joined:
        return model
    entities = joined_entities(model.entities, joined)
    kept = set(joined.values())
    rewritten = (
        replace(
            fact,
            subject=joined.get(fact.subject, fact.subject),
            obj=joined.get(str(fact.obj), fact.obj) if fact.obj_is_entity else fact.obj,
        )
        for fact in model.facts
    )
    # "пресс-служба «X»" part of X, now X itself: dropped
    facts = merged_facts(
        (fact for fact in rewritten if not (fact.obj_is_entity and fact.subject == str(fact.obj))),
        lambda fact: fact.subject in kept or str(fact.obj) in kept,  # said of both: one fact, both evidence
    )

    def one(ident: str | None) -> str | None:
        return None if ident is None else joined.get(ident, ident)

    def each(idents: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(joined.get(i, i) for i in idents))

    quantities = [
        replace(
            q,
            measure=joined.get(q.measure, q.measure),
            concerns=each(q.concerns),
            flow_from=one(q.flow_from),
            flow_to=one(q.flow_to),
        )
        for q in model.quantities
    ]
    utterances = [
        replace(u, speakers=each(u.speakers), concerns=each(u.concerns), occasion=one(u.occasion))
        for u in model.utterances
    ]
    meta = replace(model.meta, about=each(model.meta.about))
    return replace(model, entities=entities, facts=facts, quantities=quantities, utterances=utterances, meta=meta)
