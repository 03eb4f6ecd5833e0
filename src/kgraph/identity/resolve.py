"""One node per real thing across the articles of a build: entities that share an identity key (``keys``) become
one node, unless the merge would join what cannot be one thing.

Keys are taken strongest first (Wikidata, GeoNames, then names). A merge is refused, and listed as a near miss
with why, when it would put into one node two Wikidata items, two curated entities or two values of a property the
shapes allow one of (two start dates), or, unless the key is a Wikidata item, two GeoNames places, two first names
or two patronymics. A curated entity keeps its id, and every
extracted entity that shares a key with it takes that id: the curated ``putin`` absorbs the extracted "Владимир
Путин" (Q7747). Any other node is named by its strongest key (``Q7747``, ``geonames/1496153``,
``person/kasym_zhomart_tokaev``), so that it keeps its name from one build to the next; an entity with no key
stays its article's own.

>>> from kgraph.source import parse_article
>>> from kgraph.model import ArticleModel, Entity
>>> def article(slug, name):
...     entity = Entity("p", "schema:Person", {"ru": name})
...     text = parse_article(slug, f"# {name}\\n\\n{name}.\\n")
...     return ArticleModel(text, entities={"p": entity}, source="extracted")
>>> found = resolve([article("a", "Касым-Жомарт Токаев"), article("b", "Касым-Жомарта Токаева")])
>>> found.node("a", "p"), found.node("b", "p")
('person/kasym_zhomart_tokaev', 'person/kasym_zhomart_tokaev')
>>> [str(key) for merge in found.merges for key in merge.keys]
['person:касым-жомарт токаев']
"""

import hashlib
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from ..extract.text.normalise import slug, with_case_ending
from ..model import ArticleModel, Entity, TimeRef
from .keys import (
    COUNTED_PLACES,
    EVENT_ARGUMENTS,
    EVENTS,
    Key,
    PersonName,
    abbreviation_keys,
    alias_keys,
    article_country,
    keys_of,
    person_name,
    same_event_keys,
)

Member = tuple[str, str]
"""An entity of a build: its article's slug and its id there."""

KIND_ORDER = ("wikidata", "geonames", "person", "alias", "place", "organisation", "event")
"""The kinds of key, strongest first: a stronger key merges first, so a weaker one cannot join what it kept apart."""


@dataclass(frozen=True)
class Merge:
    """Entities of different articles (or two of one article) made one node by a shared key."""

    node: str
    keys: tuple[Key, ...]
    members: tuple[Member, ...]


@dataclass(frozen=True)
class NearMiss:
    """A merge a key asked for and a rule refused: the key, the two sides and why."""

    key: Key
    first: tuple[Member, ...]
    second: tuple[Member, ...]
    reason: str


@dataclass
class Identities:
    """Where each entity of a build goes: its node (an id under ``id:``), the key that put it there, each node's
    labels, and every merge and near miss."""

    nodes: dict[Member, str] = field(default_factory=dict)
    keys: dict[Member, Key] = field(default_factory=dict)
    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    geonames: dict[Member, str] = field(default_factory=dict)
    merges: list[Merge] = field(default_factory=list)
    near_misses: list[NearMiss] = field(default_factory=list)

    def node(self, article: str, ident: str) -> str | None:
        """The node of entity `ident` of `article`, or None when it is the article's own."""
        return self.nodes.get((article, ident))

    def key(self, article: str, ident: str) -> Key | None:
        """The key that joined the entity to a node it shares with other entities, if it shares one."""
        return self.keys.get((article, ident))


_NOTHING: frozenset[str] = frozenset()
_NO_VALUES: Mapping[str, set[str]] = MappingProxyType({})


@dataclass(slots=True)
class _Group:
    """The entities one node is made of so far, and what each of them says that another group must not contradict.

    A build makes one group per entity (250,000 at 10,000 articles), and most are never merged: the sets are
    frozen and empty ones shared, and a merge makes new ones (six empty sets per group were 1.3 KB of the main
    process's memory per entity).
    """

    members: list[Member]
    curated: frozenset[str]
    wikidata: frozenset[str]
    geonames: frozenset[str]
    first_names: frozenset[str]
    patronymics: frozenset[str]
    single: Mapping[str, set[str]]
    """The values of the properties the shapes allow one of (a start date, an edition), which must agree; the
    article's own (``ArticleKeys.single``) until a merge, never changed in place."""

    def conflict(self, other: "_Group", kind: str) -> str | None:
        """Why the two groups cannot be one node when joined by a key of `kind`, or None: never two curated
        entities or two Wikidata items; unless the key is a Wikidata item (one item is one node, whatever the
        spelling: "Кэмерон", "Камерон"), no GeoNames place, first name or patronymic in common."""
        # (why, ours, theirs, whether the two must be equal rather than merely share a value)
        checks = [
            ("two curated entities", self.curated, other.curated, True),
            ("different Wikidata items", self.wikidata, other.wikidata, True),
        ]
        if kind != "wikidata":
            checks.append(("different GeoNames places", self.geonames, other.geonames, False))
            checks.append(("different first names", self.first_names, other.first_names, False))
            checks.append(("different patronymics", self.patronymics, other.patronymics, False))
        for name, mine, theirs, equal in checks:
            if mine and theirs and (mine != theirs if equal else not mine & theirs):
                return f"{name}: {', '.join(sorted(mine))} / {', '.join(sorted(theirs))}"
        for predicate in sorted(self.single.keys() & other.single.keys()):
            if self.single[predicate] != other.single[predicate]:
                values = f"{', '.join(sorted(self.single[predicate]))} / {', '.join(sorted(other.single[predicate]))}"
                return f"different {predicate}: {values}"
        return None

    def absorb(self, other: "_Group") -> None:
        self.members += other.members
        self.curated |= other.curated
        self.wikidata |= other.wikidata
        self.geonames |= other.geonames
        self.first_names |= other.first_names
        self.patronymics |= other.patronymics
        if other.single:
            merged = {predicate: set(values) for predicate, values in self.single.items()}
            for predicate, values in other.single.items():
                merged.setdefault(predicate, set()).update(values)
            self.single = merged


@dataclass(frozen=True)
class ArticleKeys:
    """What resolution works out of one article alone, before it compares articles: each entity's identity keys
    (strongest first), its person name, and the values its single-valued facts give. A store keeps it beside the
    article's model, so that adding one article does not work out every other article's again."""

    keys: dict[str, list[Key]]
    names: dict[str, PersonName | None]
    single: dict[str, dict[str, set[str]]]


def article_keys(model: ArticleModel) -> ArticleKeys:
    """The keys, person names and single values of the entities of `model` (see ``ArticleKeys``)."""
    abbreviations, aliases, events = abbreviation_keys(model), alias_keys(model), same_event_keys(model)
    country = article_country(model)
    keys, names = {}, {}
    for entity in model.entities.values():
        told = events.get(entity.id, [])
        keys[entity.id] = (
            keys_of(entity, country)
            + abbreviations.get(entity.id, [])
            + list(dict.fromkeys(aliases.get(entity.id, []) + told))
        )
        names[entity.id] = person_name(entity.labels.get("ru", "")) if entity.cls == "schema:Person" else None
    return ArticleKeys(keys, names, single_values(model))


def resolve(
    models: Sequence[ArticleModel],
    keep_apart: Collection[str] = (),
    known: Mapping[str, ArticleKeys] | None = None,
) -> Identities:
    """The nodes of every entity of `models`; keys named in `keep_apart` (as ``str(key)`` prints them, e.g.
    "person:александр иванов") merge nothing, so that a user can undo a merge. `known` gives ``article_keys`` of
    some articles by slug, worked out before."""
    entities: dict[Member, Entity] = {}
    groups: dict[Member, _Group] = {}
    holders: dict[Key, list[Member]] = {}
    identities = Identities()
    for model in sorted(models, key=lambda m: m.article.slug):  # the same nodes whatever the order given
        curated = model.source != "extracted"
        worked_out = (known or {}).get(model.article.slug) or article_keys(model)
        for entity in model.entities.values():
            member = (model.article.slug, entity.id)
            entities[member] = entity
            keys = list(worked_out.keys.get(entity.id, []))
            if curated:
                keys.insert(0, Key("curated", entity.id))
            for found in keys:
                holders.setdefault(found, []).append(member)
            name = worked_out.names.get(entity.id)
            groups[member] = _group(member, keys, curated, worked_out.single.get(entity.id), name)
            geonames = [k.value for k in keys if k.kind == "geonames"]
            if geonames:
                identities.geonames[member] = geonames[0]
    strongest_first = sorted(holders, key=_strength)
    for found in strongest_first:
        if str(found) in keep_apart:
            if len(holders[found]) > 1:
                identities.near_misses.append(
                    NearMiss(found, tuple(holders[found][:1]), tuple(holders[found][1:]), "kept apart by the user")
                )
            continue
        first = holders[found][0]
        for member in holders[found][1:]:
            mine, theirs = groups[first], groups[member]
            if mine is theirs:
                continue
            reason = mine.conflict(theirs, found.kind)
            if reason:
                miss = NearMiss(found, tuple(mine.members), tuple(theirs.members), reason)
                if not any(
                    (m.first, m.second, m.reason) == (miss.first, miss.second, reason) for m in identities.near_misses
                ):
                    identities.near_misses.append(miss)
                continue
            for joined in theirs.members:
                identities.keys.setdefault(joined, found)
                groups[joined] = mine
            identities.keys.setdefault(first, found)
            mine.absorb(theirs)
    _name_nodes(identities, groups, entities, [(key, holders[key]) for key in strongest_first])
    return identities


def _strength(key: Key) -> tuple[int, str]:
    """How a key ranks: a curated id first, then ``KIND_ORDER``, then by value."""
    return ("curated", *KIND_ORDER).index(key.kind), key.value


def _group(
    member: Member, keys: list[Key], curated: bool, single: Mapping[str, set[str]] | None, name: PersonName | None
) -> _Group:
    return _Group(
        [member],
        frozenset((member[1],)) if curated else _NOTHING,
        frozenset(k.value for k in keys if k.kind == "wikidata") or _NOTHING,
        frozenset(k.value for k in keys if k.kind == "geonames") or _NOTHING,
        frozenset((name.first,)) if name else _NOTHING,
        frozenset((name.patronymic,)) if name and name.patronymic else _NOTHING,
        single or _NO_VALUES,
    )


def what_resolution_reads(model: ArticleModel) -> ArticleModel:
    """The part of a model `resolve` reads, and nothing more: its article without its sentences, its entities
    without their mentions (but a country's, a city's or a region's, which ``article_country`` counts), the facts
    that give a property the shapes allow one of, the abbreviations, and the facts that tie an event to its place
    and the people in it (``same_event_keys``). A corpus build holds this of every article while it resolves (a
    third of the whole model) and reads the whole one back only to write it.

    >>> from kgraph.source import Span, parse_article
    >>> omsk = Entity("o", "schema:City", {"ru": "Омск"}, mentions=(Span(7, 11, "Омск"),))
    >>> club = Entity("c", "schema:SportsTeam", {"ru": "Омск"}, mentions=(Span(7, 11, "Омск"),))
    >>> model = ArticleModel(parse_article("a", "# Омск\\n\\nОмск.\\n"), entities={"o": omsk, "c": club})
    >>> [len(entity.mentions) for entity in what_resolution_reads(model).entities.values()]
    [1, 0]
    """
    from dataclasses import replace

    from ..extract.conformance import single

    once = single()
    events = {ident for ident, entity in model.entities.items() if entity.cls in EVENTS}
    facts = [
        fact if fact.predicate == "kg:abbreviation" else replace(fact, evidence=())
        for fact in model.facts
        if fact.predicate == "kg:abbreviation"
        or (fact.predicate in once and not fact.obj_is_entity)
        or (fact.predicate in EVENT_ARGUMENTS and fact.obj_is_entity and events & {fact.subject, str(fact.obj)})
    ]
    entities = {
        ident: entity if entity.cls in COUNTED_PLACES else replace(entity, mentions=())
        for ident, entity in model.entities.items()
    }
    article = replace(model.article, sentences=())
    return ArticleModel(article, model.meta, entities, facts, source=model.source)


def single_values(model: ArticleModel) -> dict[str, dict[str, set[str]]]:
    """Per entity, the values its facts give the properties the shapes allow one of (``schema:startDate``…): one
    node cannot hold two, so entities that give two different ones are two things (or one article is wrong)."""
    from ..extract.conformance import single

    once = single()
    found: dict[str, dict[str, set[str]]] = {}
    for fact in model.facts:
        if fact.predicate not in once or fact.obj_is_entity:
            continue
        value = fact.obj.value if isinstance(fact.obj, TimeRef) else fact.obj
        if value is not None:
            found.setdefault(fact.subject, {}).setdefault(fact.predicate, set()).add(str(value))
    return found


def _name_nodes(
    identities: Identities,
    groups: dict[Member, _Group],
    entities: dict[Member, Entity],
    holders: list[tuple[Key, list[Member]]],
) -> None:
    strongest: dict[Member, Key] = {}
    for found, members in holders:  # strongest first
        for member in members:
            strongest.setdefault(member, found)
    taken: set[str] = set()
    unique = {id(group): group for group in groups.values()}
    # the group with the first member takes a name two groups kept apart would share; the other gets a suffix
    for group in sorted(unique.values(), key=lambda g: min(g.members)):
        keys = sorted(
            (strongest[m] for m in group.members if m in strongest),
            key=_strength,
        )
        if not keys:
            continue
        name = _node_name(keys[0], group)
        node = name if keys[0].kind == "curated" else _unique(name, taken, min(group.members))
        taken.add(node)
        for joined in group.members:
            identities.nodes[joined] = node
        curated = [entities[m] for m in group.members if strongest.get(m, keys[0]).kind == "curated"]
        identities.labels[node] = _labels(curated or [entities[m] for m in group.members])
        if len(group.members) > 1:
            joined_by = tuple(sorted({identities.keys[m] for m in group.members}))
            identities.merges.append(Merge(node, joined_by, tuple(sorted(group.members))))
    identities.merges.sort(key=lambda merge: merge.node)


def _node_name(found: Key, group: _Group) -> str:
    if found.kind in ("curated", "wikidata"):
        return found.value
    if found.kind == "geonames":
        return f"geonames/{found.value}"
    if found.kind == "person":
        first, _, last = found.value.partition(" ")
        patronymic = next(iter(group.patronymics)) if len(group.patronymics) == 1 else ""
        return f"person/{slug(' '.join(w for w in (first, patronymic, last) if w))}"
    if found.kind == "alias":  # a surname alone, its full name never given a key ("Ли Пэн" is: this is rare)
        return f"person/{slug(found.value.replace('|', ' '))}"
    cls, _, name = found.value.partition("|")
    return f"{found.kind}/{slug(cls.split(':')[-1])}/{slug(name)}"


def _unique(name: str, taken: set[str], first: Member) -> str:
    """`name`, or when another node has it, `name` and a suffix made from the group's first member (not from the
    order of the build: the same group gets the same suffix in every build that names it so)."""
    if name not in taken:
        return name
    return f"{name}_{hashlib.sha1('/'.join(first).encode()).hexdigest()[:8]}"


def _labels(entities: Iterable[Entity]) -> dict[str, str]:
    """A node's labels: the labels most of its entities have, then the longest Russian one (given only the
    curated entity when there is one); never a Russian label that is another one's words with a case ending
    added, "Ким Чен Ына" beside "Ким Чен Ын" (the longest would be the inflected one).

    >>> def person(label):
    ...     return Entity(label, "schema:Person", {"ru": label})
    >>> _labels([person("Ким Чен Ына"), person("Ким Чен Ына"), person("Ким Чен Ын")])
    {'ru': 'Ким Чен Ын'}
    >>> _labels([person("Путин"), person("Владимир Путин")])
    {'ru': 'Владимир Путин'}
    """
    votes = Counter(tuple(sorted(e.labels.items())) for e in entities)
    names = {dict(labels).get("ru", "") for labels in votes}
    plain = [labels for labels in votes if not any(with_case_ending(dict(labels).get("ru", ""), n) for n in names)]
    best = max(plain or votes, key=lambda labels: (votes[labels], len(dict(labels).get("ru", "")), labels))
    return dict(best)
