"""One office, one node: "президент Зимбабве" and "президент страны", "губернатор Приморья" and "губернатор
Приморского края" are the same office when the article places both in the same country, region or body.

Two offices of an article are one when they are in the same place (their ``kg:positionIn``, by Wikidata item where
there is one: "Приморье" and "Приморский край" are both Q4341) and every word of each title but one, the same word
in both, names that place: as one of its mentions does, as a word that stands for a place or a body ("страны",
"государства", "региона", "ведомства"), or as an adjective made from it ("глава белорусского государства" and "глава
государства"; "японский премьер" and "премьер Японии"), also when that word is a compound the other's opens
("вьетнамский премьер" and "премьер-министр Вьетнама"; not "вице-премьер"). "министр" and "министр финансов земли
Гессен" stay two: a bare title, or one with words of its own ("финансов"), may be another office of that place.

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

from ..model import ArticleModel, Entity, Fact
from .joins import merged, with_joined
from .names.known_names import adjective_place
from .relations.titles import without_acting
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
    groups: dict[tuple[str, str], list[tuple[bool, int, int, str]]] = {}
    for order, (ident, entity) in enumerate(entities.items()):
        title = _WORD.findall(entity.labels.get("ru", "").lower())
        if entity.cls != "kg:Position" or len(title) < 2 or len(places.get(ident, ())) != 1:
            continue
        (place,) = places[ident]
        words = named.get(place, set())
        own = [word for word in title if not _names_place(word, place, words)]
        if len(own) == 1:
            # the office kept: one with a Wikidata item, then one that names its place as its mentions do
            # ("президент Зимбабве"), then by an adjective ("японский премьер", "глава белорусского государства"),
            # then only by a word for a place ("глава государства")
            adjectival = any(word not in words and lemma(word) not in PLACE_WORDS for word in title if word != own[0])
            generic = any(lemma(word) in PLACE_WORDS for word in title)
            rank = 1 if adjectival else 2 if generic else 0
            groups.setdefault((lemma(own[0]), place), []).append((entity.wikidata is None, rank, order, ident))
    for word, place in [key for key in groups if "-" in key[0]]:
        # "вьетнамский премьер" and "премьер-министр Вьетнама": a title a compound title of the place opens with
        opening = word.split("-", 1)[0]
        if (opening, place) in groups:  # the compound title is kept, the one it opens ranked after it
            opened = groups.pop((opening, place))
            groups[(word, place)] += [(no_item, rank + 3, order, ident) for no_item, rank, order, ident in opened]
    joined: dict[str, str] = {}
    for members in groups.values():
        kept, *others = sorted(members)
        joined.update((other[-1], kept[-1]) for other in others)
    return joined


def _names_place(word: str, place: str, words: set[str]) -> bool:
    """Whether a title's word names the office's place: as one of the place's mentions does, as a word for a place or
    a body ("государства"), or as an adjective made from the place ("белорусского": Q184, or its name's words).

    >>> _names_place("белорусского", "Q184", {"белоруссии"}), _names_place("глава", "Q184", {"белоруссии"})
    (True, False)
    """
    if word in words or lemma(word) in PLACE_WORDS:
        return True
    found = adjective_place(word)
    if found is None:
        return False
    _, item, name = found
    return item == place or (bool(name) and all(part in words for part in _WORD.findall(name.lower())))


def bare_titles(
    entities: Mapping[str, Entity], facts: Iterable[Fact], same: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Office of one word -> the one longer office of the same person that begins with that word, or with a compound
    it opens: "губернатор" ("назначен временно исполняющим обязанности губернатора") is the "губернатор Курской
    области" Хинштейн holds, "Японский премьер" the "премьер-министр Японии" Исиба holds.

    >>> from kgraph.source import Span
    >>> def position(ident, label):
    ...     return Entity(ident, "kg:Position", {"ru": label}, mentions=(Span(0, len(label), label),))
    >>> entities = {"g": position("g", "губернатор"), "k": position("k", "губернатор Курской области")}
    >>> facts = [Fact("p", "kg:holdsPosition", office, (), obj_is_entity=True) for office in ("g", "k")]
    >>> bare_titles(entities, facts)
    {'g': 'k'}
    """
    held: dict[str, list[str]] = {}
    for fact in facts:
        if fact.predicate == "kg:holdsPosition" and fact.obj_is_entity and str(fact.obj) in entities:
            held.setdefault(fact.subject, []).append(str(fact.obj))
    found: dict[str, str] = {}
    for offices in held.values():
        for office in offices:
            words = _WORD.findall(entities[office].labels.get("ru", "").lower())
            if entities[office].cls != "kg:Position" or len(words) != 1:
                continue
            longer = {
                (same or {}).get(other, other)  # two titles ``same_offices`` joins are one
                for other in offices
                if other != office
                and entities[other].cls == "kg:Position"
                and _opens_with(_title_words(entities[other].labels.get("ru", ""))[:1], words[0])
            }
            if len(longer) == 1:
                found[office] = longer.pop()
    return {office: holder for office, holder in found.items() if holder not in found}


def _title_words(label: str) -> list[str]:
    """The words of an office's label, lower-case, an acting office's from the office's own.

    >>> _title_words("временно исполняющий обязанности губернатора Курской области")[:1], _title_words("и.о. мэра")
    (['губернатора'], ['мэра'])
    """
    return _WORD.findall(without_acting(label))


def _opens_with(first: list[str], word: str) -> bool:
    """Whether a title's first word (`first`: it, or nothing) is `word` in any form, or a compound `word` opens
    ("премьер-министр Японии" after "Японский премьер").

    >>> _opens_with(["губернатора"], "губернатор"), _opens_with(["премьер-министр"], "премьер")
    (True, True)
    >>> _opens_with(["вице-премьер"], "премьер"), _opens_with([], "премьер")
    (False, False)
    """
    return bool(first) and (lemma(first[0]) == lemma(word) or first[0].startswith(word + "-"))


def spelled_alike(entities: Mapping[str, Entity], facts: Iterable[Fact]) -> dict[str, str]:
    """Office -> the first office of the same place whose title, spelled out (``titles.spelled_out``), is its own:
    "гендиректор «Аэрофлота»" and "генеральный директор «Аэрофлота»".

    >>> from kgraph.source import Span
    >>> def position(ident, label):
    ...     return Entity(ident, "kg:Position", {"ru": label}, mentions=(Span(0, len(label), label),))
    >>> entities = {"g": position("g", "генеральный директор «Аэрофлота»")}
    >>> entities["s"] = position("s", "гендиректор «Аэрофлота»")
    >>> facts = [Fact(p, "kg:positionIn", "a", (), obj_is_entity=True) for p in ("g", "s")]
    >>> spelled_alike(entities, facts)
    {'s': 'g'}
    """
    from .relations.titles import spelled_out

    places: dict[str, set[str]] = {}
    for fact in facts:
        if fact.predicate == "kg:positionIn" and fact.obj_is_entity:
            places.setdefault(fact.subject, set()).add(str(fact.obj))
    first: dict[tuple[str, frozenset[str]], str] = {}
    found: dict[str, str] = {}
    for ident, entity in entities.items():
        if entity.cls != "kg:Position":
            continue
        spelled = (spelled_out(entity.labels.get("ru", "")).casefold(), frozenset(places.get(ident, ())))
        if spelled in first:
            found[ident] = first[spelled]
        else:
            first[spelled] = ident
    return found


def with_offices_joined(model: ArticleModel) -> ArticleModel:
    """`model` with each group of ``same_offices`` one office, each bare title (``bare_titles``) the longer title
    of its holder, and each title written short the office it spells (``spelled_alike``): the others' mentions and
    facts the kept one's."""
    same = same_offices(model.entities, model.facts)
    bare = bare_titles(model.entities, model.facts, same)
    return with_joined(model, merged(same, bare, spelled_alike(model.entities, model.facts)))
