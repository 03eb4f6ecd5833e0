"""One office, one node: "президент Зимбабве" and "президент страны", "губернатор Приморья" and "губернатор
Приморского края" are the same office when the article places both in the same country, region or body.

Two offices of an article are one when their titles open with the same word and are in the same place (their
``kg:positionIn``, by Wikidata item where there is one: "Приморье" and "Приморский край" are both Q4341), and every
other word of each title names that place, as one of its mentions does or as a word that stands for a place or a
body ("страны", "государства", "региона", "ведомства"). "министр" and "министр финансов земли Гессен" stay two: a
bare title, or one with words of its own ("финансов"), may be another office of that place.

>>> from kgraph.model import Entity, Fact
>>> from kgraph.source import Span
>>> def position(ident, label):
...     return Entity(ident, "kg:Position", {"ru": label}, mentions=(Span(0, len(label), label),))
>>> zimbabwe = Entity("z", "schema:Country", {"ru": "Зимбабве"}, "Q954", (Span(0, 8, "Зимбабве"),))
>>> entities = {"z": zimbabwe, "p1": position("p1", "президент Зимбабве"), "p2": position("p2", "президент страны")}
>>> facts = [Fact(p, "kg:positionIn", "z", (), obj_is_entity=True) for p in ("p1", "p2")]
>>> same_offices(entities, facts)
{'p2': 'p1'}
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace

from ..model import ArticleModel, Entity, Fact
from .nested import joined_entities
from .text.normalise import lemma

PLACE_WORDS = frozenset(
    {"страна", "государство", "регион", "ведомство", "республика", "край", "область", "город", "столица", "земля"}
)
"""Words that stand for the place or the body an office is in ("глава государства", "глава ведомства")."""

_WORD = re.compile(r"[\w-]+")


def same_offices(entities: Mapping[str, Entity], facts: Iterable[Fact]) -> dict[str, str]:
    """Office -> the office it is, for the offices of the same title word and place whose other title words all
    name the place; of each group the one kept has a Wikidata item, else names its place, else comes first."""
    places: dict[str, set[str]] = {}
    for fact in facts:
        target = entities.get(str(fact.obj)) if fact.obj_is_entity and fact.predicate == "kg:positionIn" else None
        if target is not None:
            places.setdefault(fact.subject, set()).add(target.wikidata or target.id)
    named: dict[str, set[str]] = {}
    for entity in entities.values():
        words = named.setdefault(entity.wikidata or entity.id, set())
        words.update(word.lower() for mention in entity.mentions for word in _WORD.findall(mention.text))
    groups: dict[tuple[str, str], list[tuple[bool, bool, int, str]]] = {}
    for order, (ident, entity) in enumerate(entities.items()):
        title = _WORD.findall(entity.labels.get("ru", "").lower())
        if entity.cls != "kg:Position" or len(title) < 2 or len(places.get(ident, ())) != 1:
            continue
        (place,) = places[ident]
        if all(word in named.get(place, ()) or lemma(word) in PLACE_WORDS for word in title[1:]):
            # the office kept: one with a Wikidata item, then one that names its place ("президент Зимбабве")
            generic = any(lemma(word) in PLACE_WORDS for word in title[1:])
            groups.setdefault((lemma(title[0]), place), []).append((entity.wikidata is None, generic, order, ident))
    joined: dict[str, str] = {}
    for members in groups.values():
        kept, *others = sorted(members)
        joined.update((other[-1], kept[-1]) for other in others)
    return joined


def with_offices_joined(model: ArticleModel) -> ArticleModel:
    """`model` with each group of ``same_offices`` one office: the others' mentions and facts the kept one's."""
    joined = same_offices(model.entities, model.facts)
    if not joined:
        return model
    entities = joined_entities(model.entities, joined)
    kept = set(joined.values())
    facts: list[Fact] = []
    said: dict[tuple[object, ...], int] = {}
    for fact in model.facts:
        obj = joined.get(str(fact.obj), fact.obj) if fact.obj_is_entity else fact.obj
        fact = replace(fact, subject=joined.get(fact.subject, fact.subject), obj=obj)
        key = (fact.subject, fact.predicate, str(fact.obj), fact.obj_is_entity, fact.language)
        if (fact.subject in kept or str(fact.obj) in kept) and key in said:  # said of both: one fact, both evidence
            before = facts[said[key]]
            evidence = tuple(dict.fromkeys(before.evidence + fact.evidence))
            confidence = max(before.confidence or 0, fact.confidence or 0) or None
            facts[said[key]] = replace(before, evidence=evidence, confidence=confidence)
            continue
        said.setdefault(key, len(facts))
        facts.append(fact)

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
