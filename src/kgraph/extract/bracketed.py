"""An abbreviation in brackets right after a name is that thing's, whichever steps found the two: "Петербургский
международный экономический форум (ПМЭФ)" is one event, though the forum's rules found the forum and the event
tagger "ПМЭФ"; "Единая федеральная автоматизированная информационная система (ЕАИС)" is one body, though its
abbreviation leaves out an initial (the names' step, ``names.abbreviations``, joins only all the initials, before
the events are found).

>>> from kgraph.model import Entity
>>> from kgraph.source import Span
>>> text = "Экономический форум (ЭФ)"
>>> forum = Entity("f", "kg:Forum", {"ru": "Экономический форум"}, mentions=(Span(0, 19, text[:19]),))
>>> short = Entity("e", "schema:Event", {"ru": "ЭФ"}, mentions=(Span(21, 23, "ЭФ"),))
>>> abbreviated(text, {"f": forum, "e": short})
{'e': 'f'}
"""

import re
from collections.abc import Mapping
from dataclasses import replace

from ..model import ArticleModel, Entity, Fact
from ..resources import subclasses
from .joins import with_joined

_ABBREVIATION = re.compile(r"[А-ЯЁA-Z]{2,8}(?: [А-ЯЁA-Z]{2,8})*")
"""An abbreviation, of one word or of several ("УВКБ ООН": the body's own letters, then its holder's name)."""
_FAMILIES = ("schema:Event", "schema:Organization", "schema:Place", "schema:CreativeWork", "schema:Product")
"""Classes an abbreviation may join across, each with its narrower ones (an event named short, a forum in full)."""


def abbreviated(text: str, entities: Mapping[str, Entity]) -> dict[str, str]:
    """Entity named by an abbreviation -> the entity of the same family of classes whose mention stands right before
    the abbreviation's in brackets, when the abbreviation's letters are that name's initials, in order, the first
    the first, or when that entity has the abbreviation's mention already (another step found "USGS" its
    abbreviation, the NER a place of those letters), and the two are not linked to two Wikidata items."""
    from ..identity.keys import initials

    ends: dict[int, list[str]] = {}
    for ident, entity in entities.items():
        for mention in entity.mentions:
            ends.setdefault(mention.end, []).append(ident)
    found: dict[str, str] = {}
    for ident, entity in entities.items():
        label = entity.labels.get("ru", "")
        if not _ABBREVIATION.fullmatch(label):
            continue
        for mention in entity.mentions:
            if text[mention.start - 2 : mention.start] != " (" or text[mention.end : mention.end + 1] != ")":
                continue
            named = [
                other
                for other in ends.get(mention.start - 2, [])
                if other != ident
                and (
                    (
                        _one_family(entity.cls, entities[other].cls)
                        and _in_order(
                            _own_letters(label, entities[other].labels.get("ru", "")),
                            initials(entities[other].labels.get("ru", "")),
                        )
                    )
                    or mention in entities[other].mentions  # "Геологическая служба США (USGS)", USGS typed a place
                )
                and (entities[other].wikidata in (None, entity.wikidata) or entity.wikidata is None)
            ]
            if len(named) == 1:
                found[ident] = named[0]
                break
    return {ident: holder for ident, holder in found.items() if holder not in found}


def _one_family(one: str, other: str) -> bool:
    return any(one in subclasses(family) and other in subclasses(family) for family in _FAMILIES)


def _own_letters(abbreviation: str, name: str) -> str:
    """The letters of an abbreviation less its words the name writes as they are ("УВКБ ООН" of "Управление
    верховного комиссара ООН по делам беженцев": "УВКБ").

    >>> _own_letters("УВКБ ООН", "Управление верховного комиссара ООН по делам беженцев"), _own_letters("ЕАИС", "x")
    ('УВКБ', 'ЕАИС')
    """
    written = set(name.split())
    return "".join(word for word in abbreviation.split() if word not in written)


def _in_order(letters: str, initials: str) -> bool:
    """Whether `letters` are some of `initials`, in their order, the first the first.

    >>> _in_order("ЕАИС", "ЕФАИС"), _in_order("АЕИС", "ЕФАИС"), _in_order("ФАИС", "ЕФАИС")
    (True, False, False)
    """
    rest = iter(initials)
    return bool(letters) and letters[0] == initials[:1] and all(letter in rest for letter in letters)


def with_abbreviations_joined(model: ArticleModel) -> ArticleModel:
    """`model` with each entity of ``abbreviated`` one with the entity it abbreviates, which has the abbreviation
    (kg:abbreviation, its evidence the name and the abbreviation in brackets)."""
    joined = abbreviated(model.article.text, model.entities)
    if not joined:
        return model
    stated = {(f.subject, str(f.obj)) for f in model.facts if f.predicate == "kg:abbreviation"}
    facts = list(model.facts)
    for ident, holder in joined.items():
        label = model.entities[ident].labels.get("ru", "")
        if (holder, label) in stated:
            continue
        short = min(model.entities[ident].mentions, key=lambda m: m.start)
        named = [m for m in model.entities[holder].mentions if m.end == short.start - 2] or [short]
        evidence = (named[0], short)
        facts.append(Fact(holder, "kg:abbreviation", label, evidence, language="ru", confidence=0.8))
    return with_joined(replace(model, facts=facts), joined)
