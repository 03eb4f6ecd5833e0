"""What makes two entities of a build one real thing: the identity keys of an entity.

A key is evidence a careful reader would accept: the same Wikidata item; the same GeoNames place; a person's full
name in its normal form (first name and surname, whatever their case); a place, organisation or numbered event
(an edition: "XVI Форум…") of one class under the same name in its normal form; an abbreviation the article
spells out (`abbreviation_keys`); within one article, a surname alone or after initials and the one full name it
ends (`alias_keys`). Nothing else is a key: not a first name or a surname alone across articles, not a common
noun ("суд", "полиция") or a name any country may bear ("Верховный суд"), not an event without an edition.

>>> from kgraph.model import Entity
>>> [str(k) for k in keys_of(Entity("p", "schema:Person", {"ru": "Касым-Жомарта Токаева"}))]
['person:касым-жомарт токаев']
>>> [str(k) for k in keys_of(Entity("c", "schema:City", {"ru": "Омске"}))]
['geonames:1496153', 'place:schema:City|омск']
>>> keys_of(Entity("s", "schema:Organization", {"ru": "Суд"})), keys_of(Entity("t", "schema:Person", {"ru": "Токаев"}))
([], [])
"""

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..extract.data.tables import rows
from ..extract.links.linking import MIN_SHARE, gazetteer
from ..extract.places.nouns import geographic
from ..extract.text.normalise import common_noun, key, lemma, name_forms, parses
from ..model import ArticleModel, Entity
from ..resources import subclasses

PERSON = "schema:Person"
PLACES = frozenset(subclasses("schema:Place"))
ORGANISATIONS = frozenset(subclasses("schema:Organization"))
EVENTS = frozenset(subclasses("schema:Event"))
_GEONAMES_TYPES = {"schema:City": "CITY", "schema:Country": "COUNTRY"}
_EDITION = re.compile(r"(?<!\w)(?:([IVXLC]+)|(\d{1,4})(?:-?(?:й|я|е|го|му|м|ой|ий))?)(?!\w)")
"""An edition in an event's name: a Roman numeral ("XVI Форум"), an ordinal ("16-й форум") or a year ("2019")."""
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


@dataclass(frozen=True, slots=True, order=True)
class Key:
    """One piece of identity evidence: its kind (wikidata, geonames, person, place, organisation, event) and value."""

    kind: str
    value: str

    def __str__(self) -> str:
        return f"{self.kind}:{self.value}"


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person's name in its normal form: lemmas of first name, patronymic (may be empty) and surname."""

    first: str
    patronymic: str
    last: str


@lru_cache(maxsize=65536)  # a corpus names the same people again and again; a build asks thrice per person
def person_name(label: str) -> PersonName | None:
    """A full name's normal form, or None for one word, initials ("В. Путин") or more than three words.

    >>> person_name("Владимира Владимировича Путина")
    PersonName(first='владимир', patronymic='владимирович', last='путин')
    >>> person_name("Касым-Жомарта Токаева") == person_name("Касым-Жомарт Токаев"), person_name("Анна Иванова")
    (True, PersonName(first='анна', patronymic='', last='иванов'))
    >>> person_name("Путин") is None, person_name("В. Путин") is None
    (True, True)
    """
    words = label.replace("ё", "е").replace("Ё", "Е").split()
    if not 2 <= len(words) <= 3 or any(len(w.strip(".")) < 2 or not w[:1].isupper() for w in words):
        return None
    if len(words) == 3 and not _patronymic(words[1]):
        words = [f"{words[0]}-{words[1]}", words[2]]  # "Ким Чен Ын", "Али Абдалла Салех": a name of two words
    roles = ["Name", "Patr", "Surn"] if len(words) == 3 else ["Name", "Surn"]
    # a hyphenated name declines its last part only ("Касым-Жомарта"), so only last parts must agree
    parts = [
        (part.lower(), role, last)
        for word, role in zip(words, roles, strict=True)
        for last, part in zip([False] * word.count("-") + [True], word.split("-"), strict=True)
    ]
    readings = [_as_name(part, role) for part, role, _ in parts]
    agreeing = [set(r) for r, (_, _, last) in zip(readings, parts, strict=True) if r and last]
    shared = set.intersection(*agreeing) if agreeing else set()
    # one gender and case throughout, a man's reading first ("Жомарта": of Жомарт, not of Жомарта)
    agreed = min(shared, key=lambda g: (g[0] != "masc", g[1] != "nomn", g), default=None)
    names: dict[str, list[str]] = {role: [] for role in roles}
    for reading, (part, role, _) in zip(readings, parts, strict=True):
        names[role].append(reading.get(agreed, part) if agreed else next(iter(reading.values()), part))
    return PersonName("-".join(names["Name"]), "-".join(names.get("Patr", [])), "-".join(names["Surn"]))


def _patronymic(word: str) -> bool:
    """Whether a word is a patronymic ("Владимировича", "Ивановна"), by pymorphy3's Patr or its ending."""
    lower = word.lower()
    return (
        any("Patr" in p.tag.grammemes for p in parses(lower))
        or re.search(r"(?:вич|вна|чна)\w{0,3}$", lower) is not None
    )


def _as_name(word: str, role: str) -> dict[tuple[str, str], str]:
    """pymorphy3's readings of a word as a first name, patronymic or surname (`role`: Name, Patr, Surn), by gender
    and case, and the lemma of each; empty when it has none (a name pymorphy3 does not know)."""
    found: dict[tuple[str, str], str] = {}
    for parse in parses(word):
        if role in parse.tag.grammemes and parse.tag.case:
            gender = str(parse.tag.gender) if parse.tag.gender else "ms-f"
            genders = ("masc", "femn") if gender == "ms-f" else (gender,)
            for gender in genders:
                found.setdefault((gender, str(parse.tag.case)), str(parse.normal_form))
    return found


@cache
def geonames() -> dict[tuple[str, str], str]:
    """GeoNames ids by (name key, COUNTRY or CITY), from geonames.tsv (scripts/build_geonames.py)."""
    return {(k, kind): ident for k, kind, ident, *_ in rows("geonames.tsv")}


@cache
def geonames_names() -> dict[tuple[str, str], str]:
    """The Russian name geonames.tsv writes for each (name key, COUNTRY or CITY)."""
    return {(k, kind): name for k, kind, _, name, *_ in rows("geonames.tsv")}


def geonames_id(cls: str, label: str) -> str | None:
    """The GeoNames id of a city or a country (`cls`) of this Russian name, if geonames.tsv names one (see
    `geonames_key`).

    >>> geonames_id("schema:City", "Омске"), geonames_id("schema:Organization", "Омск")
    ('1496153', None)
    """
    found = geonames_key(cls, label)
    return geonames()[found] if found else None


def geonames_key(cls: str, label: str) -> tuple[str, str] | None:
    """The (name key, COUNTRY or CITY) of geonames.tsv a city or a country (`cls`) of this Russian name has, if any;
    a name of one word is looked up by its readings' dictionary forms as a place, or as a guess for a word the
    dictionary lacks, when its lemma is no place ("Марселе" reads first as the name Марсел, "Тусоне" as Тусоня).

    >>> geonames_key("schema:City", "Марселе"), geonames_key("schema:City", "Тусоне")
    (('марсель', 'CITY'), ('тусон', 'CITY'))
    """
    kind = _GEONAMES_TYPES.get(cls)
    if kind is None:
        return None
    table = geonames()
    if (key(label), kind) in table:
        return key(label), kind
    if not _ONE_WORD.fullmatch(label):
        return None
    readings = parses(label.lower().replace("ё", "е"))  # as `key` reads a word
    # a place's reading, or a guess for a word the dictionary lacks: never a common noun's
    forms = ((str(p.normal_form), kind) for p in readings if "Geox" in p.tag or not p.is_known)
    return next((form for form in forms if form in table), None)


_ONE_WORD = re.compile(r"[А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)*")


@cache
def geonames_english() -> dict[str, str]:
    """GeoNames' English name of each place in geonames.tsv, by GeoNames id.

    >>> geonames_english()["1496153"], geonames_english()["524901"]
    ('Omsk', 'Moscow')
    """
    return {ident: english for _, _, ident, _, english, _ in rows("geonames.tsv")}


@cache
def geonames_countries() -> dict[str, str]:
    """The ISO 3166-1 code of the country each place of geonames.tsv lies in (a country's own), by GeoNames id.

    >>> geonames_countries()["1835848"], geonames_countries()["2017370"]
    ('KR', 'RU')
    """
    return {ident: code for _, _, ident, _, _, code in rows("geonames.tsv")}


def named(label: str) -> bool:
    """Whether a label is a name rather than a common noun: capitalised, and not one dictionary noun ("Суд").

    >>> named("Верховный суд"), named("Суд"), named("полиция"), named("Омск")
    (True, False, False, True)
    """
    words = label.split()
    if not words or not (label[:1].isupper() or label[:1] in "«\"'"):
        return False
    return not (len(words) == 1 and not label.isupper() and common_noun(words[0]))


_PROPER = {"Geox", "Name", "Surn", "Patr", "Orgn", "Trad"}
_LISTED_PLACES = frozenset({"schema:City", "schema:Country", "schema:AdministrativeArea"})
_STATES = frozenset({"schema:AdministrativeArea"})
COUNTED_PLACES = frozenset(_GEONAMES_TYPES) | _STATES
"""The classes of the places ``article_country`` counts."""


def distinctive(label: str) -> bool:
    """Whether a name says which one it is: it holds a proper name, an abbreviation, a word no dictionary has, or
    quotes. "Верховный суд" or "Министерство обороны" may be any country's; "Министерство обороны России",
    "ФСБ", "Ростех" are one.

    >>> distinctive("Верховный суд"), distinctive("Министерство обороны России"), distinctive("Ростех")
    (False, True, True)
    """
    if any(mark in label for mark in '«»"'):
        return True
    for word in re.findall(r"[^\W\d_]+", label):
        if len(word) >= 2 and word.isupper():
            return True
        readings = parses(word.lower())
        if not readings[0].is_known or any(_PROPER & set(p.tag.grammemes) for p in readings):
            return True
    return False


def several_bodies(label: str) -> bool:
    """Whether NEREL train links an organisation's name to several bodies, none nine times in ten: "МИД" and
    "Минобороны" are each country's, "ЦСКА" a football and a hockey club. Such a name is no key: the bodies it
    names in two articles may be two.

    >>> several_bodies("Минобороны"), several_bodies("Газпром")
    (True, False)
    """
    entry = gazetteer().entry(label)
    if entry is None or len(entry.links) < 2:
        return False
    return max(entry.links.values()) < MIN_SHARE * sum(entry.links.values())


@cache
def country_bodies() -> frozenset[str]:
    """The organisations' names (keys) NEREL train writes before two countries or more (country_bodies.tsv,
    scripts/build_country_bodies.py): "мвд", "парламент", "верховный суд"."""
    return frozenset(name for name, _ in rows("country_bodies.tsv"))


def every_country_has(label: str) -> bool:
    """Whether an organisation's name that names no place is a body every country (or many) has: a ministry
    ("Минздрав", "Министерство обороны") or a name NEREL train writes before two countries or more ("МВД России",
    "МВД Украины"). Two bodies of such a name are one only when they are one country's.

    >>> every_country_has("Минздраве"), every_country_has("МВД"), every_country_has("Министерство здравоохранения")
    (True, True, True)
    >>> every_country_has("МВД России"), every_country_has("Министерство обороны США"), every_country_has("Газпром")
    (False, False, False)
    """
    normal = key(label)
    words = normal.split()
    if not words or any(geonames().get((word, "COUNTRY")) or geographic(word) for word in words):
        return False
    if normal in country_bodies() or words[0] == "министерство":
        return True
    # a ministry's stump compound: "Минздрав", "Минфин", "Минобрнауки" (pymorphy3 knows them as organisations)
    return len(words) == 1 and normal.startswith("мин") and "Orgn" in parses(normal)[0].tag.grammemes


def article_country(model: ArticleModel) -> str | None:
    """The ISO 3166-1 code of the country an article is about: the one its countries, cities and regions lie in,
    counted by mention, when it has two thirds of the mentions or more; None when the article names no such place
    or several countries about as often.

    >>> from kgraph.source import Span, parse_article
    >>> def place(ident, cls, name, times):
    ...     return Entity(ident, cls, {"ru": name}, mentions=(Span(0, len(name), name),) * times)
    >>> text = parse_article("a", "# Лондон\\n\\nЛондон.\\n")
    >>> uk = [place("l", "schema:City", "Лондон", 2), place("g", "schema:Country", "Великобритании", 1)]
    >>> article_country(ArticleModel(text, entities={e.id: e for e in uk}))
    'GB'
    >>> both = uk + [place("r", "schema:Country", "России", 3)]
    >>> article_country(ArticleModel(text, entities={e.id: e for e in both})) is None
    True
    """
    from ..extract.geography import country_code  # the extraction reads these tables: imported once both are loaded

    counts: dict[str, int] = {}
    for entity in model.entities.values():
        if entity.cls not in COUNTED_PLACES:
            continue
        if country := country_code(entity):
            counts[country] = counts.get(country, 0) + max(1, len(entity.mentions))
    if not counts:
        return None
    best = max(sorted(counts), key=counts.__getitem__)
    return best if 3 * counts[best] >= 2 * sum(counts.values()) else None


def event_edition(label: str) -> str | None:
    """What tells one edition of an event from another: its number and the proper names in its name ("XVI Форум
    межрегионального сотрудничества России и Казахстана": 16, казахстан россия); None without a number or a name,
    since "XVI форум" alone may be any series' sixteenth.

    >>> event_edition("XVI Форум межрегионального сотрудничества России и Казахстана")
    '16|казахстан россия'
    >>> event_edition("16-й форум регионов России и Казахстана"), event_edition("XVI форум")
    ('16|казахстан россия', None)
    """
    edition = _EDITION.search(label)
    if edition is None:
        return None
    roman, number = edition.groups()
    value = int(number) if number else _roman(roman)
    names = sorted(
        {
            str(reading.normal_form)
            for word in re.findall(r"[^\W\d_]+", label)
            if word[:1].isupper() and not _EDITION.fullmatch(word)
            for reading in parses(word.lower())[:1]
            if _PROPER & set(reading.tag.grammemes) or not reading.is_known
        }
    )
    return f"{value}|{' '.join(names)}" if names and value else None


def _roman(numeral: str) -> int:
    values = [_ROMAN[c] for c in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def keys_of(entity: Entity, country: str | None = None) -> list[Key]:
    """The identity keys of an entity, strongest first: its Wikidata item, its GeoNames id, its name's key; a
    body every country has (`every_country_has`) is keyed by its name and `country`, the one its article is about
    (`article_country`), and not at all when that is unknown.

    >>> minzdrav = Entity("m", "schema:Organization", {"ru": "Минздрав"})
    >>> [str(k) for k in keys_of(minzdrav, "GB")], keys_of(minzdrav)
    (['organisation:schema:Organization|минздрав|GB'], [])
    """
    label = entity.labels.get("ru", "").strip()
    cls = entity.cls
    found: list[Key] = []
    if cls in EVENTS and not label[:1].isupper():
        edition = event_edition(label)  # "16-й форум …": a number first, the names after
        return [Key("event", f"{cls}|{edition}")] if edition else found
    if not named(label):
        return found
    if entity.wikidata and (cls == PERSON or cls in PLACES or cls in ORGANISATIONS or cls in EVENTS):
        found.append(Key("wikidata", entity.wikidata))
    if cls == PERSON:
        name = person_name(label)
        if name is not None:
            found.append(Key("person", f"{name.first} {name.last}"))
        return found
    normal = key(label)
    if ident := geonames_id(cls, label):
        found.append(Key("geonames", ident))
    if cls in _LISTED_PLACES or (cls in PLACES and distinctive(label)):
        found.append(Key("place", f"{cls}|{normal}"))
    elif not distinctive(label):
        pass
    elif cls in ORGANISATIONS and every_country_has(label):
        if country:
            found.append(Key("organisation", f"{cls}|{normal}|{country}"))
    elif cls in ORGANISATIONS and not several_bodies(label):
        found.append(Key("organisation", f"{cls}|{normal}"))
    elif cls in EVENTS and (edition := event_edition(label)):
        found.append(Key("event", f"{cls}|{edition}"))
    return found


def abbreviates(abbreviation: str, words: str) -> bool:
    """Whether `abbreviation` is made of the initials of the last of `words` (short lower-case words such as "и",
    "по" may be left out): a check on the classifier's ABBREVIATION, whose wrong guess would join two bodies.

    >>> abbreviates("КТК", "нефть по трубопроводу Каспийский трубопроводный консорциум")
    True
    >>> abbreviates("ФСБ", "Министерство внутренних дел"), abbreviates("МИД", "Министерство иностранных дел")
    (False, True)
    """
    letters = [c for c in abbreviation if c.isalpha()]
    if not 2 <= len(letters) <= 6 or not abbreviation.isupper():
        return False
    found = _initialled_words(words)
    initials = "".join(w[0] for w in found[-len(letters) :]).upper()
    return initials == "".join(letters).upper()


def initials(name: str) -> str:
    """The initials of all the words of `name` an abbreviation takes, in capitals (``abbreviates``: of its last):
    an abbreviation spells a name out when it is these, two to six letters.

    >>> initials("Новосибирский государственный университет"), initials("Министерство по чрезвычайным ситуациям")
    ('НГУ', 'МЧС')
    """
    return "".join(word[0] for word in _initialled_words(name)).upper()


def _initialled_words(words: str) -> list[str]:
    """The words whose initials an abbreviation takes: all but short lower-case ones ("и", "по")."""
    return [w for w in re.findall(r"[^\W\d_]+", words) if len(w) > 2 or w[:1].isupper()]


def abbreviation_keys(model: ArticleModel) -> dict[str, list[Key]]:
    """The keys an organisation gets from an abbreviation the article gives it ("Каспийский трубопроводный
    консорциум (КТК)": the key of КТК), when the abbreviation is the initials of the words before it."""
    found: dict[str, list[Key]] = {}
    text = model.article.text
    for fact in model.facts:
        entity = model.entities.get(fact.subject)
        if fact.predicate != "kg:abbreviation" or not isinstance(fact.obj, str) or entity is None:
            continue
        if entity.cls not in ORGANISATIONS:
            continue
        spans = [s for s in fact.evidence if s.text == fact.obj]
        before = text[max(0, spans[0].start - 120) : spans[0].start] if spans else ""
        if abbreviates(fact.obj, before) or abbreviates(fact.obj, entity.labels.get("ru", "")):
            found.setdefault(entity.id, []).append(Key("organisation", f"{entity.cls}|{key(fact.obj)}"))
    return found


_INITIAL = re.compile(r"[А-ЯЁA-Z][а-яёa-z]?\.")


def short_name(label: str) -> tuple[str, str] | None:
    """A person named by a surname alone or after initials ("Обамы", "Б.Обама", "А. С. Пушкина"): the initials'
    letters ("" for none) and the surname as written; None for a full name.

    >>> short_name("Б.Обама"), short_name("А. С. Пушкина"), short_name("Маккаррика"), short_name("Барак Обама")
    (('Б', 'Обама'), ('АС', 'Пушкина'), ('', 'Маккаррика'), None)
    """
    rest = label.replace("\xa0", " ").strip()
    initials = ""
    while match := _INITIAL.match(rest):
        initials += match.group()[0]
        rest = rest[match.end() :].lstrip()
    if not rest or " " in rest or not rest[:1].isupper() or not rest.replace("-", "").isalpha():
        return None
    return initials, rest


def alias_keys(model: ArticleModel) -> dict[str, list[Key]]:
    """Within one article, a person named by a surname alone or after initials is the person the article names in
    full with that surname (and those initials), when it names only one: "Маккаррика" is Теодор Маккаррик,
    "Б.Обама" Барак Обама. The key holds the article, so it joins nothing across articles."""
    full: dict[str, tuple[PersonName, str]] = {}
    for entity in model.entities.values():
        if entity.cls == PERSON and (name := person_name(entity.labels.get("ru", ""))) is not None:
            full[entity.id] = (name, entity.labels["ru"].split()[-1].lower().replace("ё", "е"))
    found: dict[str, list[Key]] = {}
    for entity in model.entities.values():
        short = short_name(entity.labels.get("ru", "")) if entity.cls == PERSON else None
        if short is None:
            continue
        initials, surname = short
        forms = name_forms(surname)
        matches = [
            ident
            for ident, (name, written) in full.items()
            if (name.last in forms or written in forms)
            and (not initials or (name.first[:1] + name.patronymic[:1]).upper().startswith(initials[:2].upper()))
        ]
        if len(matches) == 1:
            joined = Key("alias", f"{model.article.slug}|{matches[0]}")
            found.setdefault(entity.id, []).append(joined)
            found.setdefault(matches[0], []).append(joined)
    return found


EVENT_ARGUMENTS = frozenset(
    {"schema:location", "kg:agentOf", "kg:participantIn", "schema:organizer", "schema:attendee"}
)
"""The facts that tie an event to where it happens and who acts or takes part, whichever side the event is on."""


def _apart(lemmas: dict[str, frozenset[str]], events: list[str]) -> bool:
    """Whether two of `events` say different things after their first word (neither's words among the other's)."""
    told = [lemmas[e] for e in events if lemmas[e]]
    return any(not (one <= other or other <= one) for one in told for other in told)


def same_event_keys(model: ArticleModel) -> dict[str, list[Key]]:
    """Within one article, the events that are one event told twice, as a headline and its text do ("Токаев открыл
    технопарк в Астане" and "Токаев … открыл в Астане новый технопарк"): of one class, their words starting with
    the same word, the lemmas of the rest of one's words among the other's, sharing a place or someone who acts or
    takes part, and in no two different places. An event that fits two others that differ joins neither.
    The key holds the article, so it joins nothing across articles.

    >>> from kgraph.model import Fact
    >>> from kgraph.source import parse_article
    >>> told = (("a", "открыл технопарк"), ("b", "открыл"))
    >>> events = {e: Entity(e, "kg:Opening", {"ru": label}) for e, label in told}
    >>> places = {"astana": Entity("astana", "schema:City", {"ru": "Астана"})}
    >>> facts = [Fact(e, "schema:location", "astana", (), obj_is_entity=True) for e in events]
    >>> model = ArticleModel(parse_article("t", "# Т\\n\\nТ.\\n"), entities={**events, **places}, facts=facts)
    >>> same_event_keys(model)["b"] == same_event_keys(model)["a"]
    True
    """
    events = {i: e for i, e in model.entities.items() if e.cls in EVENTS and e.labels.get("ru", "").split()}
    places: dict[str, set[str]] = {i: set() for i in events}
    actors: dict[str, set[str]] = {i: set() for i in events}
    for fact in model.facts:
        if fact.predicate not in EVENT_ARGUMENTS or not fact.obj_is_entity:
            continue
        for event, other in ((fact.subject, str(fact.obj)), (str(fact.obj), fact.subject)):
            if event in events and other in model.entities and other not in events:
                (places if model.entities[other].cls in PLACES else actors)[event].add(other)
    words = {i: e.labels["ru"].split() for i, e in events.items()}
    heads = {i: (e.cls, key(words[i][0])) for i, e in events.items()}
    lemmas = {i: frozenset(lemma(key(w)) for w in words[i][1:]) for i in events}

    def fit(one: str, other: str) -> bool:
        # "открыл технопарк" and "открыл новый технопарк": the words of the shorter among the longer's
        if heads[one] != heads[other] or not (lemmas[one] <= lemmas[other] or lemmas[other] <= lemmas[one]):
            return False
        if places[one] and places[other] and not places[one] & places[other]:
            return False
        return bool(places[one] & places[other] or actors[one] & actors[other])

    fits = {i: [j for j in sorted(events) if j != i and fit(i, j)] for i in sorted(events)}
    found: dict[str, list[Key]] = {}
    for event, others in fits.items():
        if _apart(lemmas, others):
            continue  # "открыл" beside "открыл технопарк" and "открыл школу": which one is not said
        for other in others:
            if _apart(lemmas, fits[other]):
                continue
            first = min(event, other)
            joined = Key("event", f"{events[first].cls}|{model.article.slug}|{first}")
            found.setdefault(event, []).append(joined)
    return found
