"""The nouns that tell what kind of place a name is, from one table (data/place_nouns.tsv): in a name ("улица
Ленина"), right before one ("штата Колорадо"), after a place adjective ("Московской области", "Варшавское шоссе").

>>> named_kind({"красноярский", "край"}), named_kind({"улица", "ленин"}), cue("штат"), is_strong_cue("штат")
('STATE_OR_PROVINCE', 'FACILITY', 'STATE_OR_PROVINCE', True)
>>> head().match(" областью").group(1), head_kind("района"), is_facility_head("шоссе")
('областью', 'DISTRICT', True)
"""

import re
from functools import cache

from ..data.tables import rows
from ..text.normalise import parses

_RANK = ("STATE_OR_PROVINCE", "DISTRICT", "FACILITY", "LOCATION")
"""Of two nouns in one name, the one whose kind comes first decides ("Центральный район парка")."""


@cache
def _with_role(role: str) -> dict[str, str]:
    """Noun -> kind, for the nouns that play `role` (name, cue, strong, head, shared, facility)."""
    return {noun: kind for noun, kind, roles in rows("place_nouns.tsv") if role in roles.split(",")}


def named_kind(words: set[str]) -> str | None:
    """The kind of a name holding these words (lemmas), by the place nouns among them."""
    named = _with_role("name")
    kinds = {named[word] for word in words if word in named}
    return next((kind for kind in _RANK if kind in kinds), None)


def is_water(word: str | None) -> bool:
    """Whether a noun (a lemma) names a body of water ("река", "море"), in which no place lies.

    >>> is_water("река"), is_water("область")
    (True, False)
    """
    return word in _with_role("water")


def geographic(name: str) -> bool:
    """Whether the dictionary reads a name first as a place: not "Олимпия" (a first name first), "Винница" yes."""
    return "Geox" in parses(name.lower())[0].tag


def facility_named(name: str) -> bool:
    """Whether a name of two or more words is headed by a building's or a street's noun ("G-Drive Арена",
    "Карнеги-холл", "Дворец спорта «Мегаспорт»"), which NEREL train types as a facility, however the name was
    found; the head is its first noun (a hyphenated word's last part): "Администрация Кремля" is a body.

    >>> facility_named("G-Drive Арена"), facility_named("Карнеги-холл"), facility_named("Администрация Кремля")
    (True, True, False)
    >>> facility_named("Медиа-Мост"), facility_named("Газпром Арена"), facility_named("Газпром нефть")
    (False, True, False)
    >>> facility_named("Минск-Арена")
    True
    """
    words = re.findall(r"[\w’'-]+", name)
    if len(words) < 2 and "-" not in name:
        return False
    for index, word in enumerate(words):
        part = word.split("-")[-1]
        first = word.split("-")[0]
        if "-" in word and not part.islower() and not (first[:1].isupper() and geographic(first)):
            part = ""  # "Медиа-Мост": a name of two names, not a building; "Минск-Арена" is one
        reading = parses(part.lower())[0] if re.fullmatch(r"[а-яё]+", part.lower()) else None
        if reading is not None and "NOUN" in reading.tag:
            named = not reading.is_known or bool(reading.tag.grammemes & _NAMES)
            if named and part[:1].isupper() and index < len(words) - 1:
                continue  # "Газпром Арена", "Спартак Арена": a brand's or a club's name before the building's noun
            return _with_role("name").get(str(reading.normal_form)) == "FACILITY"
    return False


def with_head_nominative(name: str) -> str:
    """A facility's name whose last word, its building's noun, is put in the nominative: natasha's normal form of
    "на «Газпром Арене»" keeps "Газпром Арене".

    >>> with_head_nominative("Газпром Арене"), with_head_nominative("Газпром Арена")
    ('Газпром Арена', 'Газпром Арена')
    >>> with_head_nominative("Карнеги-холл"), with_head_nominative("Минск-Арен")  # natasha's of "Минск-Арене"
    ('Карнеги-холл', 'Минск-Арена')
    """
    last = re.search(r"[А-Яа-яЁё]+$", name)
    if last is None or (" " not in name and "-" not in name):
        return name
    reading = parses(last.group().lower())[0]
    head = str(reading.normal_form)
    if "NOUN" not in reading.tag or reading.tag.case == "nomn" or _with_role("name").get(head) != "FACILITY":
        return name
    written = head.capitalize() if last.group()[:1].isupper() else head
    return name[: last.start()] + written


_NAMES = frozenset({"Orgn", "Name", "Surn", "Patr", "Geox", "Abbr", "Trad"})
"""pymorphy3's tags of a word that is a name, not a common noun."""


def cue(word: str) -> str | None:
    """The kind a word (a lemma) right before a name gives it: "штат" a state, "река" a location."""
    return _with_role("cue").get(word)


def is_strong_cue(word: str) -> bool:
    """Whether the cue outweighs what NEREL train says of the name ("штата Нью-Йорк" is the state)."""
    return word in _with_role("strong")


def is_facility_head(word: str | None) -> bool:
    """Whether a place adjective before this noun (a lemma) is part of the facility's name ("Варшавское шоссе")."""
    return word in _with_role("facility")


@cache
def _forms(role: str, number: str | None) -> dict[str, str]:
    """Every form (of `number`, or any) of the nouns playing `role` -> the noun."""
    forms = {}
    for noun in _with_role(role):
        for form in parses(noun)[0].lexeme:
            if number is None or form.tag.number == number:
                forms[form.word] = noun
    return forms


def _alternatives(forms: dict[str, str]) -> str:
    return "|".join(sorted(forms, key=lambda form: (-len(form), form)))


@cache
def head() -> re.Pattern[str]:
    """A head noun (in the singular) after a place adjective: "Московской" + "области" is one state."""
    return re.compile(rf"\s+({_alternatives(_forms('head', 'sing'))})\b")


@cache
def shared_head() -> re.Pattern[str]:
    """Place adjectives sharing a head noun, after the first: "Ярославской и Смоленской областей", "Заводского и
    Ленинского районов", "Свердловской, Челябинской и Курганской областях", "Петроградский и Центральный районы"."""
    heads = _alternatives(_forms("shared", None))
    endings = "ой|ая|ий|ый|ом|ую|ого|его|ому|ему|ым|им"  # the others are singular
    adjective = rf"[А-ЯЁ][а-яё-]+(?:{endings})"
    return re.compile(rf"(?:\s*,\s*{adjective})*\s+и\s+{adjective}\s+(?P<head>{heads})\b")


def shared_noun(form: str) -> tuple[str, str]:
    """The noun (its lemma) a form of a shared head noun is of, and the kind of place it makes its adjectives
    ("областей": область, a state; "округа": округ, a district)."""
    noun = _forms("shared", None)[form.lower()]
    return noun, _with_role("shared")[noun]


@cache
def in_state() -> re.Pattern[str]:
    """A state named after a place: "в Каслтоне, штат Вермонт", "в Монровилле (штат Алабама)"."""
    states = {form: noun for form, noun in _forms("strong", None).items() if cue(noun) == "STATE_OR_PROVINCE"}
    return re.compile(rf"(?:,\s+|\s+\()(?:{_alternatives(states)})\s+[А-ЯЁ]")


def is_head(word: str) -> bool:
    """Whether a lemma is a head noun after a place adjective ("область", "район")."""
    return word in _with_role("head")


def head_kind(form: str) -> str:
    """The kind a head noun's form makes its adjective ("области": a state, "района": a district)."""
    return _with_role("head")[_forms("head", "sing")[form.lower()]]
