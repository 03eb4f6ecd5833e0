"""Names that only open a longer name of the same kind are not nodes of their own: they join the longer one.

NEREL annotates the head of a name inside the name ("Центральным банком" inside "Центральным банком России",
"Главное управление" inside "Главное управление МВД России по Нижегородской области"), and the taggers learned to
find both. Where the shorter name is never written alone, it is the longer one's thing written short, not another
thing the article is about: a node of its own ("Центральный банк" beside "Центральный банк России") would show a
reader two organisations where the article names one. Such an entity's mentions become the longer one's (the
words do name it) when nothing is said of it: no fact, quantity or quote names it, and it has no Wikidata item of
its own ("Газпром" opening "Газпром нефть" is another company, which a corpus query for Gazprom should find). A
name written alone too joins the one longer name of its class that is it and a qualifier after it, a genitive, a
preposition, an abbreviation or a quoted name ("Государственная Дума" of "Государственная Дума России",
"конкурс" of "конкурс «Нарисуй пророка»", a bare "президент" of the one "президент России"), not another name
("Газпром нефть").

>>> from kgraph.model import Entity
>>> from kgraph.source import Span
>>> text = "Центральным банком России"
>>> short = Entity("cb", "schema:Organization", {"ru": "Центральный банк"}, mentions=(Span(0, 18, text[:18]),))
>>> full = Entity("cbr", "schema:Organization", {"ru": "Центральный банк России"}, mentions=(Span(0, 25, text),))
>>> sorted(openings({"cb": short, "cbr": full}, referenced=set()))
['cb']
"""

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace

from ..model import ArticleModel, Entity
from .joins import joined_entities, merged, with_joined
from .names.name_words import in_own_quotes
from .text.normalise import key, parses


def openings(entities: Mapping[str, Entity], referenced: Iterable[str]) -> dict[str, str]:
    """Entity -> the entity whose longer name each of its mentions opens (one entity, of the same class), or, for a
    name written alone too, the one entity whose label is its label and a qualifier (``_qualified``); for the
    entities that are not `referenced` and have no Wikidata item but the longer one's."""
    longer: dict[tuple[int, str], list[tuple[int, str]]] = {}
    for ident, entity in entities.items():
        for mention in entity.mentions:
            longer.setdefault((mention.start, entity.cls), []).append((mention.end, ident))
    said = set(referenced)
    qualified = _qualified(entities)
    found = {}
    for ident, entity in entities.items():
        if ident in said or not entity.mentions:
            continue
        holders = set()
        for mention in entity.mentions:
            ends = [(end, other) for end, other in longer[(mention.start, entity.cls)] if other != ident]
            if not any(end > mention.end for end, _ in ends):
                # written alone too: the one entity whose label is this one's and a qualifier
                holders = set(qualified.get((entity.cls, _words(entity)), ()))
                break
            holders.add(max(ends)[1])
        if len(holders) == 1 and entity.wikidata in (None, entities[next(iter(holders))].wikidata):
            found[ident] = holders.pop()
    return found


def _words(entity: Entity) -> tuple[str, ...]:
    return tuple(entity.labels.get("ru", "").lower().split())


def _qualified(entities: Mapping[str, Entity]) -> dict[tuple[str, tuple[str, ...]], list[str]]:
    """(class, a label's opening words) -> the entities whose label goes on after them with a qualifier: a Russian
    preposition or word that cannot be in the nominative, an abbreviation, a number or a quoted name
    ("Государственная Дума России", "комитет по бюджету", "конкурс «Нарисуй пророка»", "YaC 2017"), not another name
    ("Газпром нефть" does not qualify "Газпром", nor "CITIC Pacific" "CITIC")."""
    found: dict[tuple[str, tuple[str, ...]], list[str]] = {}
    for ident, entity in entities.items():
        written = entity.labels.get("ru", "").split()
        words = _words(entity)
        for count in range(1, len(written)):
            after = written[count]
            readings = parses(after.lower()) if re.fullmatch(r"[а-яё-]+", after.lower()) else []
            oblique = bool(readings) and (readings[0].tag.POS == "PREP" or all(r.tag.case != "nomn" for r in readings))
            if oblique or after[:1] in '«"“' or (after.isupper() and len(after) > 1) or after.isdigit():
                found.setdefault((entity.cls, words[:count]), []).append(ident)
                if count == 1 and entity.cls == "kg:Position" and "-" in words[0]:
                    # "премьер" alone, and "премьер-министр Великобритании": an office's compound title it opens
                    found.setdefault((entity.cls, (words[0].split("-", 1)[0],)), []).append(ident)
    return found


def referenced(model: ArticleModel) -> set[str]:
    """The entities something in `model` says something of, or with: facts, quantities, quotes, the article's
    author, publisher and subjects."""
    said: set[str] = set()
    for fact in model.facts:
        said.add(fact.subject)
        if fact.obj_is_entity:
            said.add(str(fact.obj))
    for quantity in model.quantities:
        said.update((quantity.measure, *quantity.concerns))
        said.update(x for x in (quantity.flow_from, quantity.flow_to, quantity.part_of, quantity.change_of) if x)
    for utterance in model.utterances:
        said.update((*utterance.speakers, *utterance.concerns))
        if utterance.occasion:
            said.add(utterance.occasion)
    meta = model.meta
    said.update(x for x in (meta.author, meta.publisher, meta.photo_credit, *meta.about) if x)
    return said


def with_openings_joined(model: ArticleModel) -> ArticleModel:
    """`model` with each entity whose every mention opens a longer name of the same kind (``openings``) joined
    to the entity of that name: its mentions become that entity's."""
    joined = openings(model.entities, referenced(model))
    # a holder that joins another in turn: the last of the chain (none, if the chain comes back)
    finals = {ident: _last(joined, ident) for ident in joined}
    finals = {ident: final for ident, final in finals.items() if final not in joined}
    if not finals:
        return model
    return replace(model, entities=joined_entities(model.entities, finals))


_NAMED_AFTER = re.compile(r"\s+(?:имени|им\.)\s")


def named_after(entities: Mapping[str, Entity]) -> dict[str, str]:
    """Entity -> the entity of its class whose name each of its mentions is, followed by whom the thing is named
    after: "Московского государственного университета имени М. В. Ломоносова" is the university the article names
    "МГУ" (whose mentions hold "Московского государственного университета"), when it has no other Wikidata item.

    >>> from kgraph.source import Span
    >>> text = "Московского университета имени Ломоносова"
    >>> short = Entity("mgu", "schema:Organization", {"ru": "МГУ"}, "Q13164", (Span(0, 24, text[:24]),))
    >>> full = Entity("full", "schema:Organization", {"ru": text}, mentions=(Span(0, 42, text),))
    >>> named_after({"mgu": short, "full": full})
    {'full': 'mgu'}
    """
    at: dict[tuple[int, int, str], set[str]] = {}
    for ident, entity in entities.items():
        for mention in entity.mentions:
            at.setdefault((mention.start, mention.end, entity.cls), set()).add(ident)
    found: dict[str, str] = {}
    for ident, entity in entities.items():
        holders: set[str] = set()
        for mention in entity.mentions:
            tail = _NAMED_AFTER.search(mention.text)
            others = at.get((mention.start, mention.start + tail.start(), entity.cls), set()) if tail else set()
            if len(others - {ident}) != 1:
                holders.clear()
                break
            holders |= others - {ident}
        if len(holders) == 1 and entity.wikidata in (None, entities[next(iter(holders))].wikidata):
            found[ident] = holders.pop()
    return {ident: holder for ident, holder in found.items() if holder not in found}


_NAMED_AFTER_WHOM = re.compile(r"(?P<kind>.+?)\s+(?:имени|им\.)\s+(?:\S+\s+)*(?P<last>\S+)")


def named_by_surname(entities: Mapping[str, Entity]) -> dict[str, str]:
    """Entity -> the entity of its class named the same but with "имени" and a first name: "Театр Вахтангова" is
    the "Театр имени Евгения Вахтангова" the article names (the other way round when only the short one has a
    Wikidata item).

    >>> from kgraph.source import Span
    >>> def body(ident, label):
    ...     return Entity(ident, "schema:Organization", {"ru": label}, mentions=(Span(0, len(label), label),))
    >>> short, full = body("short", "Театр Вахтангова"), body("full", "Театр имени Евгения Вахтангова")
    >>> named_by_surname({"short": short, "full": full})
    {'short': 'full'}
    """
    by_name: dict[tuple[str, str], list[str]] = {}
    for ident, entity in entities.items():
        by_name.setdefault((entity.cls, key(entity.labels.get("ru", ""))), []).append(ident)
    found: dict[str, str] = {}
    for ident, entity in entities.items():
        named = _NAMED_AFTER_WHOM.fullmatch(entity.labels.get("ru", ""))
        if named is None:
            continue
        short = by_name.get((entity.cls, key(f"{named.group('kind')} {named.group('last')}")), [])
        if len(short) != 1 or short[0] == ident:
            continue
        other = entities[short[0]]
        if entity.wikidata and other.wikidata and entity.wikidata != other.wikidata:
            continue
        if other.wikidata and not entity.wikidata:
            found[ident] = short[0]
        else:
            found[short[0]] = ident
    return {ident: holder for ident, holder in found.items() if holder not in found}


_QUOTED_LAST = re.compile(r"\S.*?\s+«(?P<name>[^«»]+)»?")
"""A name that ends with a name in quotes after words saying what the thing is ("центр вирусологии «Вектор»")."""


def quoted_names(entities: Mapping[str, Entity]) -> dict[str, str]:
    """Entity -> the entity it is one with: a name that ends with a name in quotes and the one entity of its class
    named by those words alone are one thing ("Государственный научный центр вирусологии и биотехнологии «Вектор»"
    and "Вектор", "Авиакомпания «Аэрофлот»" and "Аэрофлот"), kept under the short name (under the long one when only
    it has a Wikidata item); not when each has an item of its own, nor when two names end so. The words in quotes
    must be the short name as written: in another case they name an owner ("координационный совет «Единой России»"
    is no «Единая Россия»).

    >>> from kgraph.source import Span
    >>> def body(ident, label):
    ...     return Entity(ident, "schema:Organization", {"ru": label}, mentions=(Span(0, len(label), label),))
    >>> quoted_names({"v": body("v", "Вектор"), "c": body("c", "Научный центр «Вектор»")})
    {'c': 'v'}
    >>> quoted_names({"p": body("p", "Единая Россия"), "c": body("c", "Совет «Единой России»")})
    {}
    """

    def quoted(label: str) -> str | None:
        found = _QUOTED_LAST.fullmatch(label)
        return _as_written(found.group("name")) if found else None

    return _shorter_names(entities, quoted, keep_long=False)


def _shorter_names(
    entities: Mapping[str, Entity],
    short_of: Callable[[str], str | None],
    keep_long: bool,
    proper: Callable[[str], bool] = lambda label: True,
) -> dict[str, str]:
    """Entity -> the entity it is one with: the one entity of a class whose label (as written, ``_as_written``) is
    `short_of` another's one label of the class, and `proper`; kept under the long name when `keep_long`, else the
    short one, but under the one with a Wikidata item when only one has one, and never joined when each has its
    own. An entity another joins joins none (no chains)."""
    by_name: dict[tuple[str, str], list[str]] = {}
    longer: dict[tuple[str, str], list[str]] = {}
    for ident, entity in entities.items():
        label = entity.labels.get("ru", "")
        by_name.setdefault((entity.cls, _as_written(label)), []).append(ident)
        if (shorter := short_of(label)) is not None and shorter != _as_written(label):
            longer.setdefault((entity.cls, shorter), []).append(ident)
    found: dict[str, str] = {}
    for name, holders in longer.items():
        short = [ident for ident in by_name.get(name, []) if proper(entities[ident].labels.get("ru", ""))]
        if len(holders) != 1 or len(short) != 1:
            continue
        full, other = entities[holders[0]], entities[short[0]]
        if full.wikidata and other.wikidata and full.wikidata != other.wikidata:
            continue
        long_kept = keep_long if bool(full.wikidata) == bool(other.wikidata) else bool(full.wikidata)
        if long_kept:
            found[short[0]] = holders[0]
        else:
            found[holders[0]] = short[0]
    return {ident: holder for ident, holder in found.items() if holder not in found}


_STATUS = re.compile(
    r"(?i:государственн|федеральн|национальн|муниципальн|международн|всероссийск|академическ)(?:ый|ая|ое|ые|ий)"
)
"""A word of a name's status ("Государственный академический театр", "Национальный банк")."""
_NAMED_FOR = re.compile(r"\s+(?:имени|им\.)\s+(?:(?:[А-ЯЁ]\.\s*)+|[А-ЯЁ][а-яё]+\s+(?=[А-ЯЁ]))")
""""имени" and the first name or initials after it, before a surname: "театр имени Евгения Вахтангова"."""


def _core(label: str) -> str:
    """A name less the words of its status before it and "имени" with a first name, as written in lower case:
    "Государственный академический театр имени Евгения Вахтангова" is "театр вахтангова".

    >>> _core("Государственный академический театр имени Евгения Вахтангова"), _core("Национальный банк")
    ('театр вахтангова', 'банк')
    """
    words = label.split()
    while len(words) > 1 and _STATUS.fullmatch(words[0]):
        words.pop(0)
    return _as_written(_NAMED_FOR.sub(" ", " ".join(words)))


def _proper(label: str) -> bool:
    """Whether a name is a proper one, not a kind of body: capitalised, with a capitalised word after its first
    ("Театр Вахтангова") or a first word that is an adjective ("Третьяковская галерея"); not "Банк", "Служба
    безопасности".

    >>> _proper("Театр Вахтангова"), _proper("Третьяковская галерея"), _proper("Служба безопасности")
    (True, True, False)
    """
    words = label.split()
    if not words or not words[0][:1].isupper():
        return False
    return any(word[:1].isupper() for word in words[1:]) or "ADJF" in parses(words[0].lower())[0].tag


def official_names(entities: Mapping[str, Entity]) -> dict[str, str]:
    """Entity -> the entity it is one with: a name with words of its status before it ("государственный",
    "академический", "национальный", "международный" …) or "имени" and a first name ("Государственная Третьяковская
    галерея", "Государственный академический театр имени Евгения Вахтангова") and the one entity of its class the
    article names by the rest, a proper name ("Третьяковская галерея", "Театр Вахтангова"), are one thing, kept under
    the full name (under the short one when only it has a Wikidata item); not when each has an item of its own.

    >>> from kgraph.source import Span
    >>> def body(ident, label):
    ...     return Entity(ident, "schema:Organization", {"ru": label}, mentions=(Span(0, len(label), label),))
    >>> short, full = body("t", "Третьяковская галерея"), body("g", "Государственная Третьяковская галерея")
    >>> official_names({"t": short, "g": full})
    {'t': 'g'}
    >>> official_names({"b": body("b", "банк"), "n": body("n", "Национальный банк")})
    {}
    """
    return _shorter_names(entities, _core, keep_long=True, proper=_proper)


_NAME_PARTS = re.compile(r"[\s-]+")
_BY_NAME_ALONE = frozenset({"schema:Place", "schema:Organization"})
"""The classes an entity typed by its name alone gets, with no word of its kind ("Ли Пэн" alone on a caption's line,
"В мае ДЖЕЙ-ЗИ занял …")."""


def persons_named_alike(entities: Mapping[str, Entity], text: str = "") -> dict[str, str]:
    """Entity -> the person it is: a place or an organisation without a Wikidata item, named exactly as the one
    person of the article named so, by a name of two parts or more ("Ли Пэн", "ДЖЕЙ-ЗИ"; not "Армани", which a
    fashion house shares with its founder), and never in quotes in `text` (the article's): «Кристиан Диор» is the
    company its founder named after himself.

    >>> from kgraph.source import Span
    >>> def named(ident, cls, label):
    ...     return Entity(ident, cls, {"ru": label}, mentions=(Span(0, len(label), label),))
    >>> persons_named_alike({"p": named("p", "schema:Person", "Ли Пэн"), "x": named("x", "schema:Place", "Ли Пэн")})
    {'x': 'p'}
    >>> armani = named("p", "schema:Person", "Армани")
    >>> persons_named_alike({"p": armani, "x": named("x", "schema:Organization", "Армани")})
    {}
    >>> dior = named("p", "schema:Person", "Кристиан Диор")
    >>> company = Entity("x", "schema:Organization", {"ru": "Кристиан Диор"}, mentions=(Span(1, 14, "Кристиан Диор"),))
    >>> persons_named_alike({"p": dior, "x": company}, "«Кристиан Диор»")
    {}
    """
    persons: dict[str, list[str]] = {}
    for ident, entity in entities.items():
        label = entity.labels.get("ru", "")
        if entity.cls == "schema:Person" and len(_NAME_PARTS.split(label.strip())) > 1:
            persons.setdefault(_as_written(label), []).append(ident)
    found = {}
    for ident, entity in entities.items():
        same = persons.get(_as_written(entity.labels.get("ru", "")), [])
        quoted = any(in_own_quotes(text, m.start, m.end) for m in entity.mentions)
        if entity.cls in _BY_NAME_ALONE and entity.wikidata is None and len(same) == 1 and not quoted:
            found[ident] = same[0]
    return found


def _as_written(name: str) -> str:
    return " ".join(name.replace("ё", "е").replace("Ё", "Е").casefold().split())


def with_named_after_joined(model: ArticleModel) -> ArticleModel:
    """`model` with each entity of ``named_after``, ``named_by_surname``, ``quoted_names``, ``official_names`` and
    ``persons_named_alike`` one with the entity whose name it is: its mentions, facts, quantities and quotes that
    entity's."""
    entities = model.entities
    joins = (
        named_after(entities),
        named_by_surname(entities),
        quoted_names(entities),
        official_names(entities),
        persons_named_alike(entities, model.article.text),
    )
    return with_joined(model, merged(*joins))


def _last(joined: Mapping[str, str], ident: str) -> str:
    """Where `ident` ends up following `joined`: the first entity that joins none, or one seen before."""
    seen = {ident}
    holder = joined[ident]
    while holder in joined and holder not in seen:
        seen.add(holder)
        holder = joined[holder]
    return holder
