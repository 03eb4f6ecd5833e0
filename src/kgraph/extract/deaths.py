"""A person dies once: the events of one person's death an article tells in other words ("Умер …" in the headline,
"скончался" in the text) are one event, with what each says of it (where, when).

>>> from kgraph.model import Entity, Fact
>>> from kgraph.source import Span
>>> def event(ident, label, at):
...     return Entity(ident, "schema:Event", {"ru": label}, mentions=(Span(at, at + len(label), label),))
>>> person = Entity("p", "schema:Person", {"ru": "Василий Лановой"}, mentions=(Span(20, 35, "Василий Лановой"),))
>>> entities = {"p": person, "d1": event("d1", "умер", 2), "d2": event("d2", "скончался", 40)}
>>> facts = [Fact("p", "kg:participantIn", ident, (), obj_is_entity=True) for ident in ("d1", "d2")]
>>> one_death(entities, facts)
{'d2': 'd1'}
"""

from collections.abc import Iterable, Mapping

from ..model import ArticleModel, Entity, Fact
from .joins import with_joined
from .text.normalise import CYRILLIC_WORD, lemma

DEATH_WORDS = frozenset({"умереть", "скончаться", "погибнуть", "смерть", "кончина", "гибель", "умерший"})
"""The first word of an event of dying, as a dictionary form."""
_OF_A_PERSON = frozenset({"kg:participantIn", "kg:agentOf"})
_WHEN = frozenset({"kg:pointInTime", "schema:startDate"})


def one_death(entities: Mapping[str, Entity], facts: Iterable[Fact]) -> dict[str, str]:
    """Event -> the first told event of the same person's death, for the deaths of a person who is in no other
    death's event of the article, and unless the two are dated apart."""
    facts = list(facts)
    dated: dict[str, set[str]] = {}
    for fact in facts:
        if fact.predicate in _WHEN:
            dated.setdefault(fact.subject, set()).add(str(getattr(fact.obj, "value", fact.obj)))
    deaths: dict[str, set[str]] = {}
    for fact in facts:
        event = entities.get(str(fact.obj)) if fact.obj_is_entity and fact.predicate in _OF_A_PERSON else None
        person = entities.get(fact.subject)
        if event is None or person is None or person.cls != "schema:Person" or not _a_death(event):
            continue
        deaths.setdefault(fact.subject, set()).add(event.id)
    dying: dict[str, set[str]] = {}
    for who, told in deaths.items():
        for ident in told:
            dying.setdefault(ident, set()).add(who)
    found: dict[str, str] = {}
    for who, told in deaths.items():
        alone = sorted((e for e in told if dying[e] == {who}), key=lambda e: _first(entities[e]))
        if len(alone) < 2 or len({frozenset(dated.get(e, ())) for e in alone if dated.get(e)}) > 1:
            continue
        found.update((other, alone[0]) for other in alone[1:])
    return found


def _a_death(event: Entity) -> bool:
    first = CYRILLIC_WORD.search(event.labels.get("ru", ""))
    return event.cls == "schema:Event" and first is not None and lemma(first.group().lower()) in DEATH_WORDS


def _first(entity: Entity) -> int:
    return min((m.start for m in entity.mentions), default=0)


def with_one_death(model: ArticleModel) -> ArticleModel:
    """`model` with the events of ``one_death`` one event each."""
    return with_joined(model, one_death(model.entities, model.facts))
