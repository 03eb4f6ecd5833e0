"""Family relations told by a kinship noun between two persons of a sentence (NEREL's PARENT_OF, SPOUSE, SIBLING,
RELATIVE), in the three ways news write them:

- the noun, the person it is said of, then the relative: "сын Акихито Нарухито", "Дочь Ван Цзюня, Ван Цзинцзин";
- the relative, then the noun and the person: "Принц Филипп, супруг королевы Елизаветы II";
- the person, "и / с его …" and the noun, then the relative: "Иванку Трамп и её мужа Джареда Кушнера".

A few words in lower case may stand between the noun and the name ("дочь маршала Е Цзяньина"). A parent comes first
in PARENT_OF, whatever the order of the words; SPOUSE, SIBLING and RELATIVE go in the order of the text, as NEREL
annotates them. The classifiers (``learned``, ``across``) find few family relations; ``learned.relate`` adds the
rule's where nothing else relates the two persons. NEREL dev, given the gold mentions: PARENT_OF F1 0.43 -> 0.60,
SPOUSE 0.39 -> 0.53, RELATIVE 0 -> 0.43, SIBLING 0 -> 0.17 (12 relations added, all right); on NEREL train, which
the classifiers learned, it adds 4: one gold, two right that NEREL lacks, one wrong.

>>> from kgraph.extract.relations.learned import Mention
>>> text = "Императора сменит сын Акихито Нарухито."
>>> [(text[r.source.start:r.source.end], r.type, text[r.target.start:r.target.end])
...  for r in family_relations(text, [Mention(22, 29, "PERSON"), Mention(30, 38, "PERSON")])]
[('Акихито', 'PARENT_OF', 'Нарухито')]
>>> text = "Иванку Трамп и её мужа Джареда Кушнера"
>>> [(text[r.source.start:r.source.end], r.type, text[r.target.start:r.target.end])
...  for r in family_relations(text, [Mention(0, 12, "PERSON"), Mention(23, 38, "PERSON")])]
[('Иванку Трамп', 'SPOUSE', 'Джареда Кушнера')]
"""

import re
from collections.abc import Sequence
from itertools import combinations, pairwise

from ..text.normalise import CYRILLIC_WORD, lemma, parses
from .learned import Mention, Relation

KINSHIP = {
    **dict.fromkeys(("сын", "дочь", "дочка", "ребёнок"), "CHILD"),
    **dict.fromkeys(("отец", "мать", "папа", "мама"), "PARENT"),
    **dict.fromkeys(("жена", "муж", "супруг", "супруга", "вдова", "вдовец"), "SPOUSE"),
    **dict.fromkeys(("брат", "сестра"), "SIBLING"),
    **dict.fromkeys(
        ("внук", "внучка", "правнук", "правнучка", "племянник", "племянница", "дед", "дедушка", "бабушка", "зять"),
        "RELATIVE",
    ),
}
"""Kinship nouns (lemmas) and what the person the noun names is to the other: a child, a parent, a spouse…"""

CONFIDENCE = 0.7

_WORD = re.compile(r"[0-9А-ЯЁа-яё][0-9А-ЯЁа-яё-]*")
_SEPARATOR = re.compile(r"\s*[,—–-]?\s*")
_NAME = frozenset({"Name", "Surn", "Patr"})
_HIS = frozenset({"его", "её", "ее", "своей", "своим", "своими", "своего", "свою", "своих"})
DESCRIBING = 4
"""Words in lower case at most between a kinship noun and the name it is said of: "дочь маршала", "супруг
британской королевы"."""


def _lower(words: Sequence[str]) -> bool:
    return all(not word[:1].isupper() for word in words)


def _noun_first(before: str) -> str | None:
    """The kin a noun before a name tells, the noun followed only by words in lower case: "сын ", "Дочь ",
    "дочь маршала "."""
    words = _WORD.findall(before.split("\n")[-1])[-(DESCRIBING + 1) :]
    for at in range(len(words) - 1, -1, -1):
        kind = _kind(words[at])
        if kind and _lower(words[at + 1 :]):
            return kind
        if words[at][:1].isupper():
            return None
    return None


def _relative_first(between: str) -> str | None:
    """The kin a noun between a relative and a name tells: ", супруг британской королевы ", " — внучки "."""
    if not re.fullmatch(r"\s*[,—–-]\s+(?:[0-9а-яё-]+\s+)*", between):
        return None  # no mark after the noun: "отец жениха — Эммануил Виторган, мать невесты — Людмила Нарусова"
    words = _WORD.findall(between)
    if len(words) > DESCRIBING + 2:
        return None
    return next((kind for word in words[:3] if (kind := _kind(word))), None)


def _and_his(between: str) -> str | None:
    """The kin a noun between a person and a relative tells: " и её мужа ", " с женой ", " с его женой, поп-дивой "."""
    if not re.fullmatch(r"[\s,0-9а-яё-]*", between):
        return None
    words = _WORD.findall(between)
    if words[:2] == ["вместе", "с"]:
        words = words[1:]
    if not words or words[0] not in {"и", "с", "со"}:
        return None
    his = len(words) > 1 and words[1] in _HIS
    if words[0] == "и" and not his:
        return None  # "… с Марией Исмагиловой и сын Аполлон" lists another child
    rest = words[2:] if his else words[1:]
    kin = next((at for at, word in enumerate(rest[:2]) if _kind(word)), None)
    if kin is None or len(rest) - kin - 1 > 3:
        return None
    return _kind(rest[kin])


def _kind(word: str) -> str | None:
    return KINSHIP.get(lemma(word.lower()))


def _genitive(text: str, mention: Mention, by_name: bool = True) -> bool:
    """Whether the person a kinship noun is said of may be in the genitive, as "сын Акихито", "дочь Ван Цзюня" are:
    its last word is in no dictionary or has a genitive reading, or (`by_name`) one of its words has a name's
    genitive reading ("вдова Юрия Сомова", whose surname pymorphy3 reads as an adjective); "дочь Мария Исабель, сын
    Хулио Иглесиас-младший" lists two children."""
    readings = [parses(word.lower()) for word in CYRILLIC_WORD.findall(text[mention.start : mention.end])]
    if not readings or not readings[-1][0].is_known or any(r.tag.case == "gent" for r in readings[-1]):
        return True
    return by_name and any(r.tag.case == "gent" and _NAME & r.tag.grammemes for found in readings for r in found)


def _relation(kind: str, of: Mention, relative: Mention) -> Relation:
    """`relative` is the `kind` of `of` (a child, a parent, a spouse …)."""
    first, second = sorted((of, relative), key=lambda m: m.start)
    if kind == "CHILD":
        return Relation("PARENT_OF", of, relative, CONFIDENCE)
    if kind == "PARENT":
        return Relation("PARENT_OF", relative, of, CONFIDENCE)
    return Relation(kind, first, second, CONFIDENCE)


_LISTED = re.compile(r"\s*(?:\([^()\n]{0,40}\)\s*)?(?:,\s*а\s+также|,|и)\s*")
"""Between two children of a list: "Радик (51% акций) и Айрат", "Лара, Кассиа"."""


def family_relations(text: str, mentions: Sequence[Mention]) -> list[Relation]:
    """The family relations between persons next to each other that a kinship noun tells (see the module); the
    children listed after the first ("сыновья Минтимера Шаймиева — Радик и Айрат") are each the person's children,
    and siblings of one another."""
    persons = sorted({m for m in mentions if m.type == "PERSON"}, key=lambda m: (m.start, m.end))
    found: dict[frozenset[Mention], Relation] = {}
    for at, (left, right) in enumerate(pairwise(persons)):
        between = text[left.end : right.start]
        if left.end > right.start or "\n" in between or len(between) > 80:
            continue
        relation = None
        before = text[max(0, left.start - 60) : left.start]
        if _SEPARATOR.fullmatch(between) and (kind := _noun_first(before)) and _genitive(text, left):
            relation = _relation(kind, left, right)
            if kind == "CHILD":
                children = [right, *_listed(text, persons, at + 2)]
                for child in children[1:]:
                    found.setdefault(frozenset((left, child)), _relation(kind, left, child))
                for one, other in combinations(children, 2):
                    found.setdefault(frozenset((one, other)), Relation("SIBLING", one, other, CONFIDENCE))
        elif (kind := _relative_first(between)) and _genitive(text, right, by_name=False):
            relation = _relation(kind, right, left)
        elif kind := _and_his(between):
            relation = _relation(kind, left, right)
        if relation is not None:
            found.setdefault(frozenset((left, right)), relation)
    return sorted(found.values(), key=lambda r: (r.source.start, r.target.start))


def _listed(text: str, persons: Sequence[Mention], start: int) -> list[Mention]:
    """The persons from `persons[start]` on that are listed one after another right after `persons[start - 1]`."""
    listed: list[Mention] = []
    last = persons[start - 1]
    for index in range(start, len(persons)):  # not a slice: a text may name thousands of persons
        person = persons[index]
        if person.start < last.end or not _LISTED.fullmatch(text[last.end : person.start]):
            break
        listed.append(person)
        last = person
    return listed
