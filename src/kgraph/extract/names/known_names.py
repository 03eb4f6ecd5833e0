"""Names NEREL train knows: words it almost always marks as one type ("испанской", "Колорадо", "МВД", "Путин"),
place adjectives ("миланском": Милан) and the places inside organisations' names, matched directly.
"""

import re
from collections.abc import Iterable

from ...source import Span
from ..links.linking import LOCATION_TYPES, PLACE_TYPES, gazetteer
from ..places.adjectives import (
    head_noun,
    listed_place_of_adjective,
    names_facility,
    names_no_place,
    organisation_end,
    place_of_adjective,
)
from ..places.nouns import head as place_head
from ..places.nouns import head_kind, is_facility_head
from ..relations.titles import TITLE_WORDS
from ..spans import SpanIndex
from ..text.normalise import key, lemma, noun_phrase_nominative, parses
from ..text.words import RUSSIAN, words
from .mentions import genitive
from .name_words import NAME_WORD, nominative_name, opens_quote

_ONE_WHITESPACE = re.compile(r"\s")
_CURRENCY = re.compile(r"\w*(?:доллар|фунт|франк)\w*")

Found = tuple[Span, str, str | None, str]
"""A mention found: its span, NEREL type, Wikidata item (or None) and the item's name (or "")."""


def gazetteer_mentions(text: str, taken: Iterable[tuple[int, int, str]]) -> list[Found]:
    """Words that NEREL train almost always marks as one type ("испанской", "Колорадо", "МВД", "Путин").

    Finds what the flat NER leaves out, such as a state inside an organisation's name or a place adjective;
    returns the span, the NEREL type, the Wikidata item when the gazetteer is sure of it and the item's name
    (empty when unknown). A lower-case word needs more evidence than a capitalised one; a span of the same type
    already found is not repeated. The longest phrase (of three, two, one words) that is a mention wins.
    """
    known = _Known(text, list(taken))
    found: list[Found] = []
    names = words(text).matching(NAME_WORD)
    index = 0
    while index < len(names):
        match = None
        for size in (3, 2, 1):
            if index + size <= len(names):
                match = known.mention(names[index].start, names[index + size - 1].end, size)
                if match:
                    index += size
                    break
        if match:
            found.append(match)
            found.extend(known.nested_in(match))
        else:
            index += 1
    return found


def _hit(text: str, start: int, end: int, size: int) -> tuple[str, str | None, str] | None:
    """What NEREL train says the words text[start:end] are, unless their context says they are no such mention."""
    hit = _confident(text[start:end]) or (adjective_place(text[start:end], text, start) if size == 1 else None)
    if hit and hit[0] in LOCATION_TYPES and opens_quote(text, start) and text[start].isupper():
        return None  # «Мордовский университет», «Милан»: a name, not the place; «московского дела» is
    if hit and hit[0] in ("COUNTRY", "STATE_OR_PROVINCE") and size == 1 and _nationality(text, start, end):
        return None  # "российский актёр" is a nationality, "на французском языке" a language
    if hit and hit[0] == "PERSON" and size == 1 and is_adjective(text[start:end]) and _names_a_place(text, end):
        return None  # "Ленинский районный суд", "Пушкинской улицы": a district's or a street's name, not the person
    district = hit and hit[0] == "CITY" and size == 1 and _DISTRICT_AFTER.match(text, end)
    if district and text[start].isupper() and is_adjective(text[start:end]):  # not "лондонском районе Тоттенем"
        return None  # "Кировский районный суд Томска", "Московском районе Петербурга": a district, not the town
    if hit and hit[0] in LOCATION_TYPES and size == 1 and text[start].isupper() and is_adjective(text[start:end]):
        # a capitalised adjective naming a street or a building ("Варшавском шоссе", "Михайловского замка") is
        # part of that name; "каирская площадь" is a square in Cairo; "Октябрьской железной дороге" is no town
        if names_facility(text, end) or named_by_adjective_alone(text[start:end], text, start):
            return None
        if _after_street_noun(text, start):
            return None
        return hit
    return hit


_WORD_BEFORE = re.compile(r"([А-Яа-яЁё]+)[^\S\n]+$")


def _after_street_noun(text: str, start: int) -> bool:
    """Whether a capitalised adjective at `start` follows the noun of a street or a building it names ("на улице
    Ленинградской", "по проспекту Московскому"): the street's name, not the place (NEREL train marks no place
    there, 9 times in 9).

    >>> _after_street_noun("на улице Ленинградской", 9), _after_street_noun("в Ленинградской области", 2)
    (True, False)
    """
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return before is not None and is_facility_head(lemma(before.group(1).lower()))


_DISTRICT_AFTER = re.compile(r"[^\S\n]+район", re.IGNORECASE)
"""What makes a town's adjective a district's name: "район" or "районный" right after it."""
_DISTRICT_HEADS = frozenset({"район", "округ", "суд"})
"""Nouns a person's adjective names a district with, or a court by its district ("Ленинский районный суд")."""


def _names_a_place(text: str, end: int) -> bool:
    """Whether the noun after an adjective ending at `end` makes it a district's, a court's or a street's name
    (NEREL train marks a person there 3 times in 58: "Ленинском районе", "Пушкинской улицы").

    >>> _names_a_place("Ленинский районный суд Ижевска", 9), _names_a_place("Нобелевскую премию", 11)
    (True, False)
    """
    head = head_noun(text, end)
    return head is not None and (head in _DISTRICT_HEADS or is_facility_head(head))


class _Known:
    """The mentions found before (by type, by start, every one), asked for each phrase of the text."""

    def __init__(self, text: str, taken: list[tuple[int, int, str]]) -> None:
        self.text = text
        same_type: dict[str, list[tuple[int, int]]] = {}
        for s, e, t in taken:
            same_type.setdefault(t, []).append((s, e))
        self.covering = {kind: SpanIndex(spans) for kind, spans in same_type.items()}
        self.organisations = set(same_type.get("ORGANIZATION", []))
        self.reach_from: dict[int, int] = {}  # the furthest an organisation starting here reaches
        for s, e in self.organisations:
            self.reach_from[s] = max(e, self.reach_from.get(s, e))
        self.anything = SpanIndex((s, e) for s, e, _ in taken)
        self.owners = _Owners(taken)
        self.places = {(s, e) for s, e, t in taken if t in LOCATION_TYPES}

    def mention(self, start: int, end: int, size: int) -> Found | None:
        """The new mention the `size` words text[start:end] make (with a head noun or an owner after them)."""
        text = self.text
        if "\n" in text[start:end] or not re.fullmatch(r"[\w\s\-’'.]+", text[start:end]):
            return None
        hit = _hit(text, start, end, size)
        if not hit:
            return None
        # an organisation named inside another one's name after its head ("управление МВД") is nested, not repeated
        if hit[0] == "ORGANIZATION":
            inside = self.reach_from.get(start, -1) >= end
            # a common noun inside an organisation's name is its head, no body of its own ("хоккейной лиги"), and so
            # is one inside a facility's ("Новгородского кремля")
            holders = [self.covering[kind] for kind in ("ORGANIZATION", "FACILITY") if kind in self.covering]
            inside = inside or (text[start].islower() and any(spans.covers(start, end) for spans in holders))
        else:
            inside = hit[0] in self.covering and self.covering[hit[0]].covers(start, end)
        # a place the NER found and typed by its context ("штата Нью-Йорк") is not a second place, nor is the last
        # word of a place an adjective qualifies ("Латинской Америки", "Северной Ирландии"): its head, not the
        # country that word names alone
        inside = inside or (hit[0] in LOCATION_TYPES and (start, end) in self.places)
        # nor is an organisation named like a city at the words the NER read as that place ("Суд в Краснодаре": the
        # city, not the football club NEREL train mostly means by "Краснодар")
        inside = inside or (hit[0] == "ORGANIZATION" and (start, end) in self.places)
        inside = inside or (hit[0] in LOCATION_TYPES and self._qualified_head(start, end))
        head = place_head().match(text, end) if hit[0] in LOCATION_TYPES else None
        district = head is not None and head_kind(head.group(1)) == "DISTRICT"
        if district and hit[0] == "CITY" and text[start].islower():
            # "в лондонском районе Кенсингтон": a city's district, the adjective names the city; "Знаменского
            # района" is the district's own name
            head = None
        if head:
            # "Московской" + "области" is one state, not a city inside it
            inside = inside or self.anything.covers(start, head.end())
            kind = head_kind(head.group(1))
            hit, end = (kind, None, ""), head.end()
        if inside or after_currency(text, start):
            return None
        if hit[0] == "ORGANIZATION" and hit[1:] != (None, "") and _another_branch(text, start, end, hit[1]):
            hit = ("ORGANIZATION", None, "")  # "ГУ МВД России по Свердловской области": not the item "ГУ МВД России" is
        if hit[0] == "ORGANIZATION" and text[start].islower():
            owned = _with_owner(text, start, end, self.owners)
            if owned != (start, end):
                start, end = owned
                hit = ("ORGANIZATION", None, "")  # "правительство Кубы" is not the item "правительство" is
        return (Span(start, end, text[start:end]), *hit)

    def _qualified_head(self, start: int, end: int) -> bool:
        """Whether text[start:end] ends a place found before that begins with an adjective."""
        return any(s < start and e == end and is_adjective(self.text[s:start].split()[0]) for s, e in self.places)

    def nested_in(self, match: Found) -> list[Found]:
        """The place adjectives inside a mention ("российские власти"), or the organisation a place adjective
        begins ("советской армии")."""
        text, span = self.text, match[0]
        own_head = place_head().search(" " + span.text.split()[-1])  # "Московской области": one state
        if match[1] == "ORGANIZATION" or (" " in span.text and not own_head):
            # "российские власти", "британской столице": the place adjective inside is a mention too
            return [p for p in _places_inside(text, span) if p[0] != span]
        if match[1] in LOCATION_TYPES and is_adjective(span.text):
            org_end = organisation_end(text, span.end)  # "советской армии", "российские власти"
            if org_end and (span.start, org_end) not in self.organisations:
                return [(Span(span.start, org_end, text[span.start : org_end]), "ORGANIZATION", None, "")]
        return []


_TERRITORY = re.compile(r"\s+по\s+(?:[А-ЯЁ]|(?:[а-яё]+\s+)?(?:област|кра[юея]|район|город|республик|округ))")
"""What follows an organisation's name to make it a territorial branch: "… по Свердловской области", "… по городу
Москве", "… по ЦФО" (NEREL train links "ГУ МВД России" to Moscow's department, the one its texts meant)."""


_TERRITORY_WORDS = re.compile(r"\s+по(?:\s+[\w-]+){1,3}")
"""The words of a territory after an organisation's name, three at most ("по городу Москве")."""


def _another_branch(text: str, start: int, end: int, item: str | None) -> bool:
    """Whether the organisation named text[start:end] is a territorial branch (`_TERRITORY`) that NEREL train does
    not link to `item` by its whole name ("ГУ МВД России по Москве" it does).

    >>> text = "ГУ МВД России по Свердловской области и ГУ МВД России по Москве"
    >>> _another_branch(text, 0, 13, "Q2895468"), _another_branch(text, 40, 53, "Q2895468")
    (True, False)
    """
    if not _TERRITORY.match(text, end):
        return False
    longest = _TERRITORY_WORDS.match(text, end)
    ends = [m.end() for m in re.finditer(r"\s+[\w-]+", text[end : longest.end()])][1:] if longest else []
    return not any(item in getattr(gazetteer().entry(text[start : end + e]), "links", {}) for e in ends)


def _nationality(text: str, start: int, end: int) -> bool:
    """Whether a place adjective here tells a nationality or a language rather than naming the place."""
    return is_adjective(text[start:end]) and names_no_place(text, end) and not place_head().match(text, end)


def is_adjective(word: str) -> bool:
    """Whether pymorphy3's likeliest reading of `word` is a full adjective ("лондонский", "Московская")."""
    return "ADJF" in parses(word.lower())[0].tag


def adjective_place_name(adjective: str) -> str:
    """The name NEREL train gives the place an adjective names most often ("Европейского": Европа, 23 times in
    29, too few to link it), else the adjective.

    >>> adjective_place_name("Европейский")
    'Европа'
    """
    entry = gazetteer().entry(adjective)
    if entry is None or not entry.name or not entry.links or entry.name.lower() == adjective.lower():
        return adjective
    count = max(entry.links.values())
    return entry.name if count * 2 > sum(entry.links.values()) and entry.name[:1].isupper() else adjective


def adjective_place(word: str, text: str = "", start: int = 0) -> tuple[str, str | None, str] | None:
    """The place an adjective names ("миланском": Милан, "Винницкого": Винница), typed and linked as NEREL train
    has the adjective itself or, for one it never saw, the place it is made from, in NEREL train or (with the
    `text` it starts in at `start`, for the noun after it) in the lists of places; with the place's name."""
    if not is_adjective(word):
        return None
    entry = gazetteer().entry(word)
    kind, count = entry.main_type if entry else ("", 0)
    if entry is None or kind not in PLACE_TYPES or count < 2 or count < 0.75 * entry.named:
        place = place_of_adjective(word)
        if place is None and text:
            place = listed_place_of_adjective(text, start, start + len(word))
        if place is None:
            return None
        kind, entry = place
    link = gazetteer().link(entry.label, kind)
    if entry.name:
        return kind, link.qid if link else None, entry.name
    return kind, link.qid if link else None, noun_phrase_nominative(entry.label) if entry.label[:1].isupper() else ""


def named_by_adjective_alone(word: str, text: str, start: int) -> bool:
    """Whether `word` is an adjective that is itself the name of the place it names (the town Октябрьский, "в
    Октябрьском") and here goes with the noun after it, as an ordinary adjective ("Октябрьской железной дороге");
    "Химкинский городской суд" is of Химки, "Московская полиция" of Москва.

    >>> text = "сообщили в Октябрьской железной дороге"
    >>> named_by_adjective_alone("Октябрьской", text, 11)
    True
    >>> named_by_adjective_alone("Химкинский", "Химкинский городской суд", 0)
    False
    >>> named_by_adjective_alone("Московская", "Московская полиция", 0)
    False
    """
    place = adjective_place(word, text, start)
    return place is not None and key(place[2]) == key(word) and before_its_noun(word, text, start)


def before_its_noun(word: str, text: str, start: int) -> bool:
    """Whether an adjective goes with the words after it: the next is a noun or an adjective in its case, gender
    and number ("Октябрьской железной дороге").

    >>> text = "в Октябрьской железной дороге и в Октябрьском прошёл, в Октябрьском и Уфе"
    >>> [before_its_noun(word.group(), text, word.start()) for word in re.finditer("Октябрьск[а-я]+", text)]
    [True, False, False]
    """
    after = re.match(r"\s+([а-яё]+)", text[start + len(word) : start + len(word) + 40])
    if after is None:
        return False
    tag, next_tag = parses(word.lower())[0].tag, parses(after.group(1))[0].tag  # "и" may be a noun, but is not
    return (
        next_tag.POS in ("NOUN", "ADJF")
        and next_tag.case == tag.case
        and next_tag.number == tag.number
        and (tag.number == "plur" or next_tag.gender in (tag.gender, None))
    )


def _places_inside(text: str, span: Span) -> list[tuple[Span, str, str | None, str]]:
    """Place adjectives inside an organisation's name are places too: "российские власти", "Татарского
    государственного театра" (NEREL nests them)."""
    found: list[tuple[Span, str, str | None, str]] = []
    for word in NAME_WORD.finditer(span.text):
        start, end = span.start + word.start(), span.start + word.end()
        hit = _confident(word.group()) or adjective_place(word.group(), text, start)
        if hit and hit[0] in LOCATION_TYPES and is_adjective(word.group()):
            if named_by_adjective_alone(word.group(), text, start):
                continue  # "Октябрьской железной дороги": not the town Октябрьский
            if hit[0] in ("COUNTRY", "STATE_OR_PROVINCE") and names_no_place(text, end):
                continue
            if place_head().match(text, end):
                continue  # "правительстве Ивановской области": the adjective is the state's, found with its noun
            found.append((Span(start, end, word.group()), *hit))
    return found


_REGION_ADJECTIVES = {"областной", "краевой", "городской", "республиканский"}


class _Owners:
    """Where the first place or person of the mentions found starts at each position, and where it ends."""

    def __init__(self, taken: Iterable[tuple[int, int, str]]) -> None:
        self.end_from: dict[int, int] = {}
        self.persons: set[int] = set()
        """Where a person (not a place) is the first of the mentions starting there."""
        for s, e, t in taken:
            if t in LOCATION_TYPES or t == "PERSON":
                self.end_from.setdefault(s, e)
                if t == "PERSON" and self.end_from[s] == e:
                    self.persons.add(s)


def _with_owner(text: str, start: int, end: int, owners: _Owners) -> tuple[int, int]:
    """A common noun that names an organisation takes whose it is: a place adjective before it ("Украинское
    правительство", "областного правительства") and a place or person after it in the genitive ("правительство
    Кубы", "полиции Вашингтона", "правительства Исама Шарафа"); NEREL marks the whole phrase."""
    before = words(text).before(start, RUSSIAN, gap=_ONE_WHITESPACE)
    if before:
        word = before.text
        adjective = is_adjective(word)
        entry = gazetteer().entry(word)
        place = entry is not None and max(entry.types.items(), key=lambda i: i[1])[0] in LOCATION_TYPES
        place = place or (adjective and adjective_place(word) is not None)  # "датского правительства"
        if adjective and (place or lemma(word.lower()) in _REGION_ADJECTIVES):
            start = before.start
    owner = owners.end_from.get(end + 1) if text[end : end + 1] == " " else None
    if owner is not None and end + 1 in owners.persons and before and lemma(before.text.lower()) in TITLE_WORDS:
        owner = None  # "спикера парламента Анатолия Каминского": the name is the speaker's, no parliament's owner
    first = text[end + 1 : owner].split()[0] if owner is not None else ""
    # "Председатель совета директоров Виталий Савельев отметил": a nominative name is no owner (NEREL train: of
    # 111 organisations that end with a person's name, none has a first name read only as a nominative singular)
    if owner is not None and genitive(first) and not nominative_name(first):
        end = owner
    return start, end


def _confident(surface: str) -> tuple[str, str | None, str] | None:
    entry = gazetteer().entry(surface)
    if entry is None:
        return None
    total = sum(entry.types.values())
    kind, count = max(entry.types.items(), key=lambda item: item[1])
    if kind not in ("PERSON", "ORGANIZATION", *PLACE_TYPES):
        return None
    # a lower-case single word needs more evidence; a lower-case phrase ("следственный комитет") is as telling
    # as a capitalised name
    lower = surface[:1].islower() and " " not in surface.strip()
    if surface[:1].islower() and kind == "PERSON":
        return None
    if total < (5 if lower else 2) or count / total < (0.85 if lower else 0.75):
        return None
    if entry.annotated_share < (0.6 if lower else 0.5):
        return None  # words that are mostly not an entity where they occur ("Форум" opening a sentence)
    if kind == "PERSON" and first_name_alone(surface):
        return kind, None, ""  # "орденом Александра Невского": "Александра" alone is no Александр NEREL train links
    link = gazetteer().link(surface, kind)
    return kind, link.qid if link else None, entry.name if link else ""


def first_name_alone(surface: str) -> bool:
    """Whether the words are one word pymorphy3 reads first as a first name ("Александра"; not "Путин"): linked
    alone it is too often a namesake's, as the linker holds (``entities._linkable_names``).

    >>> first_name_alone("Александра"), first_name_alone("Путин"), first_name_alone("Сергея Шойгу")
    (True, False, False)
    """
    words = surface.split()
    return len(words) == 1 and "Name" in parses(words[0].lower())[0].tag


def after_currency(text: str, start: int) -> bool:
    """Whether a place name only qualifies a currency ("долларов США")."""
    return words(text).before(start, _CURRENCY) is not None
