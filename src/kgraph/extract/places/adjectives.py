"""Place adjectives: which place "одесском" or "таджикский" is made from, and whether it names the place there.

NEREL marks an adjective made from a place name as that place ("Винницкого городского совета": CITY,
"российские власти": COUNTRY), but not where it tells a person's nationality ("российский актёр") or a language
("на французском языке"). The noun the adjective qualifies decides; adjective_heads.tsv (built from NEREL train
by scripts/build_gazetteer.py) counts, per noun, how often a place adjective before it was marked as the place.

>>> head_noun("советский и российский актёр театра", 9)
'актёр'
>>> names_no_place("российский актёр", 10), names_no_place("российские власти", 10)
(True, False)
"""

import re
from functools import lru_cache

from ..data.tables import rows
from ..links.linking import PLACE_TYPES, Entry, gazetteer
from ..text.normalise import key, parses
from ..text.words import words
from .nouns import geographic, is_facility_head

_SAME_LINE_SPACE = re.compile(r"[^\S\n]{1,2}")
_NEXT_WORD = re.compile(r"(?:\s*(?:,|\bи\b|-)\s*|\s+)([А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*)")
# What a place name may end with beyond the adjective's stem: "Одес|са" (одес|ский), "Омск" (ом|ский),
# "Испан|ия", "Таджик|истан", "Вен|а", "Химк|и" (химк|инский)
_REMAINDERS = {"", "а", "я", "и", "ы", "о", "е", "ь", "ия", "ья", "ея", "с", "са", "ск", "стан", "истан"}


def head_noun(text: str, end: int) -> str | None:
    """The lemma of the noun an adjective ending at `end` qualifies, past other adjectives and "и" (or None)."""
    found = head_noun_at(text, end)
    return found[0] if found else None


def head_noun_at(text: str, end: int) -> tuple[str, int] | None:
    """The head noun's lemma and where the noun ends (see head_noun)."""
    position = end
    for _ in range(4):
        match = _NEXT_WORD.match(text, position)
        if match is None:
            return None
        word = match.group(1).lower()
        parse = parses(word)[0]
        if "NOUN" in parse.tag:
            return str(parse.normal_form), match.end()
        if not ({"ADJF", "PRTF", "CONJ"} & parse.tag.grammemes):
            return None
        position = match.end()
    return None


@lru_cache(maxsize=1)
def _heads() -> dict[str, tuple[int, ...]]:
    """Head lemma -> counts: PLACE, NATIONALITY, LANGUAGE, NONE (the adjective's mark), ORGANIZATION (the phrase's)."""
    return {head: tuple(int(n) for n in counts) for head, *counts in rows("adjective_heads.tsv")}


def organisation_end(text: str, end: int) -> int | None:
    """Where an organisation named by a place adjective and its head noun ends ("советской армии", "российские
    власти"), when NEREL train mostly marks such a phrase with this head as an organisation; else None.

    >>> text = "против советской армии"
    >>> text[7 : organisation_end(text, 16)]
    'советской армии'
    """
    found = head_noun_at(text, end)
    counts = _heads().get(found[0]) if found else None
    if found is None or counts is None:
        return None
    *marks, organisation = counts
    return found[1] if organisation >= 2 and organisation >= 0.5 * sum(marks) else None


def names_facility(text: str, end: int) -> bool:
    """Whether the noun after a place adjective ending at `end` is a street or a building ("Варшавском шоссе").

    >>> names_facility("на Варшавском шоссе", 13), names_facility("Варшавский суд", 10)
    (True, False)
    """
    return is_facility_head(head_noun(text, end))


def names_no_place(text: str, end: int) -> bool:
    """Whether a place adjective before this noun tells a nationality or a language, not the place.

    NEREL train decides for the nouns it has often enough; for another noun, a person ("физик", "блогер") makes
    it a nationality, since the persons that go with the country itself (leaders, citizens, soldiers) are few
    and frequent, so in the table.
    """
    head = head_noun(text, end)
    if head is None:
        return False
    counts = _heads().get(head)
    if counts is None:
        return "anim" in parses(head)[0].tag
    place, *other = counts[:4]
    return sum(other) > place


@lru_cache(maxsize=1)
def _places_by_prefix() -> dict[str, list[tuple[str, str, Entry]]]:
    index: dict[str, list[tuple[str, str, Entry]]] = {}
    for name, entry in gazetteer().entries.items():
        if " " in name or len(name) < 3 or not entry.label[:1].isupper():
            continue
        kind, count = entry.main_type
        if kind in PLACE_TYPES and count >= 0.7 * entry.named:
            index.setdefault(name[:3], []).append((name, kind, entry))
    return index


@lru_cache(maxsize=65536)
def place_of_adjective(word: str) -> tuple[str, Entry] | None:
    """The place (NEREL type and gazetteer entry) an adjective is made from, when NEREL train knows one place.

    >>> [(kind, entry.label) for kind, entry in [place_of_adjective("Винницкого")]]
    [('CITY', 'Винница')]
    >>> place_of_adjective("городского") is None
    True
    """
    stems = _stems(word)
    found = {
        name: (kind, entry)
        for s in stems
        if len(s) >= 3
        for name, kind, entry in _places_by_prefix().get(s[:3], [])
        if name.startswith(s) and name[len(s) :] in _REMAINDERS and name != key(word)
    }
    kinds = {kind for kind, _ in found.values()}
    if len(kinds) != 1 or len({entry.name or name for name, (_, entry) in found.items()}) != 1:
        return None
    return max(found.values(), key=lambda item: sum(item[1].types.values()))


def listed_place_of_adjective(text: str, start: int, end: int) -> tuple[str, Entry] | None:
    """The listed place (places.tsv) an adjective NEREL train never saw is made from, when the noun after it is
    one NEREL train has seen a place adjective name a place before ("Химкинский городской суд": Химки), or when
    the adjective is capitalised mid-sentence, so it begins a name ("избран депутатом Винницкого городского
    совета"). An adjective made from a common noun ("ноябрьский"), from a surname ("в Щукинском училище") or
    from a name the dictionary reads first as no place ("олимпийский": Олимпия) names no town.

    >>> [(kind, entry.label) for kind, entry in [listed_place_of_adjective("Гатчинской больнице", 0, 10)]]
    [('CITY', 'Гатчина')]
    >>> listed_place_of_adjective("георгиевская лента", 0, 12) is None
    True
    >>> [entry.label for _, entry in [listed_place_of_adjective("окончил Харбинский колледж", 8, 18)]]
    ['Харбин']
    >>> listed_place_of_adjective("уральского производителя", 0, 10) is None  # Урал, not Уральск
    True
    >>> listed_place_of_adjective("ректор Южно-Уральского университета", 7, 22) is None  # the South Urals' name
    True
    """
    head = head_noun(text, end)
    counts = _heads().get(head) if head else None
    stems = _stems(text[start:end])
    if head is None or not stems or names_no_place(text, end):
        return None
    if any(_from_common_noun(s) or _surname(s) for s in stems):
        return None
    before = words(text).before(start, gap=_SAME_LINE_SPACE)
    in_name = text[start].isupper() and before is not None and re.match(r"[а-яё,\d]", before.text[-1]) is not None
    if (counts is None or counts[0] < 1) and not in_name:
        return None
    found = {
        name: (kind, label)
        for s in stems
        if len(s) >= 4
        for name, kind, label in _listed_by_prefix().get(s[:3], [])
        if name.startswith(s)
        and name[len(s) :] in _REMAINDERS
        and geographic(name)
        and ("-" in label or "-" not in text[start:end])  # "Южно-Уральского университета": no town Южноуральск
    }
    if len({kind for kind, _ in found.values()}) != 1 or _from_unlisted_place(stems, found):
        return None
    # one place under several GeoNames spellings ("Чебоксары", "Чебоксари"): the one the dictionary knows
    name = max(sorted(found), key=lambda n: parses(n)[0].is_known)
    kind, label = found[name]
    return kind, Entry({kind: 1}, {}, label, name=label)


def _stems(word: str) -> set[str]:
    """What a place name may begin with, for an adjective in -ский/-цкий ("винницкого": винниц); else empty."""
    parse = next((p for p in parses(word.lower()) if "ADJF" in p.tag), None)
    match = re.fullmatch(r"(.{3,}?)(?:с|(?<=ц))к(?:ий|ой)", str(parse.normal_form)) if parse else None
    if match is None:
        return set()
    stem = match.group(1)
    stems = {stem, stem.rstrip("ьй")}
    if stem.endswith(("ин", "ен")):
        stems.add(stem[:-2])
    return stems


def _from_common_noun(stem: str) -> bool:
    """Whether an adjective's stem is a common noun ("ноябрьский": ноябрь, "советский": совет) or a form of a
    people's name ("армянский": армян), so the adjective is made from the noun, not from the town of the same
    name (Ноябрьск, Советск, Армянск); "винниц" is a form of a common noun, but Винница's adjective is made
    from the town."""
    return any(
        p.is_known
        and "NOUN" in p.tag
        and not ({"Geox", "Name", "Surn"} & p.tag.grammemes)
        and (p.normal_form == stem or "anim" in p.tag)
        for p in parses(stem)[:3]
    )


def _from_unlisted_place(stems: set[str], found: dict[str, tuple[str, str]]) -> bool:
    """Whether an adjective's stem is itself a place the dictionary knows and the list does not: "уральский" is
    made from Урал (a region, mountains, a river), not from the town Уральск; "сибирский" from Сибирь."""
    names = {stem + ending for stem in stems for ending in ("", "ь")}
    return any(name not in found and geographic(name) and parses(name)[0].is_known for name in names)


def _surname(stem: str) -> bool:
    """Whether an adjective's stem is a known surname ("щукин": Щукинское училище is named after a person)."""
    return any(p.is_known and "Surn" in p.tag for p in parses(stem)[:3])


@lru_cache(maxsize=1)
def _listed_by_prefix() -> dict[str, list[tuple[str, str, str]]]:
    index: dict[str, list[tuple[str, str, str]]] = {}
    for name, kind, label in rows("places.tsv"):
        if " " not in name and kind in PLACE_TYPES:
            index.setdefault(name[:3], []).append((name, kind, label))
    return index
