"""A person named in part is the one person of the article whose full name has that part.

natasha normalises the names it knows; a foreign surname alone in another case ("Обамы", "Хэтч" beside "Оррина
Хэтча") keeps its ending, so does a first name alone ("Алине" beside "Алина Бронски"); a first name with a
patronymic ("Эдуард Васильевич") has no surname to match, and initials ("Г. А. Зюганов", "Т.Донилона") no first
name. A careful reader joins each to the only person of the article the part fits, and to none when two do.

>>> partial_names(["Барак Обама", "Обамы", "Эдуард Назаров", "Эдуард Васильевич", "Г. Зюганов", "Геннадий Зюганов"])
[(1, 0), (3, 2), (4, 5)]
>>> partial_names(["Пол Хэтч", "Оррин Хэтч", "Хэтча"])  # two persons the surname fits: neither
[]
>>> partial_names(["Джеймс Коми", "Дж.Коми", "Дж. Коми"]), partial_names(["Дж.Коми", "Коми"])
([(1, 0), (2, 0)], [(1, 0)])
"""

import re
from collections.abc import Sequence

from ..text.normalise import name_forms, parses
from .name_words import NAME_WORD
from .person_names import patronymic


def partial_names(labels: Sequence[str]) -> list[tuple[int, int]]:
    """(part, whole) for each person label that names part of exactly one other, full, label: a surname or a
    first name alone that may be that one's in another case (``name_forms``); a first name and a patronymic
    whose first name is that one's (and whose patronymic, if it has one, is the same); initials (or a first name
    cut short, "Дж.") and a surname, that one's first name starting with the first initial. The full names are
    looked up by their forms, not scanned for each part (a text naming thousands of people)."""
    words = [NAME_WORD.findall(label) for label in labels]
    # a first name cut short to its first letters and a period is an initial too: "Дж.Коми" of "Джеймс Коми"
    short = [set(_CUT_SHORT.findall(label)) for label in labels]
    surnames: dict[str, set[int]] = {}  # a form of a full name's surname -> the full names
    first_names: dict[str, set[int]] = {}  # a form of its first name -> the full names
    firsts: dict[str, set[int]] = {}  # its first name, lower-case -> the full names
    initialled: dict[str, set[int]] = {}  # a form of the surname of a name with initials -> those names
    for index, parts in enumerate(words):
        if len(parts) >= 2 and not patronymic(parts[-1]) and all(len(part) > 1 for part in parts) and not short[index]:
            for form in name_forms(parts[-1]):
                surnames.setdefault(form, set()).add(index)
            for form in name_forms(parts[0], "Name"):
                first_names.setdefault(form, set()).add(index)
            firsts.setdefault(parts[0].lower(), set()).add(index)
        elif len(parts) >= 2 and len(parts[-1]) > 1 and all(len(p) == 1 or p in short[index] for p in parts[:-1]):
            for form in name_forms(parts[-1]):
                initialled.setdefault(form, set()).add(index)
    joined = []
    for index, parts in enumerate(words):
        initials = [part for part in parts if (len(part) == 1 and part.isupper()) or part in short[index]]
        if len(parts) == 1:
            fits = _named_by(surnames, name_forms(parts[0])) | _named_by(first_names, name_forms(parts[0], "Name"))
            # no full name has it: the one name with initials that does ("Пушкина" beside "А. С. Пушкин")
            fits = fits or _named_by(initialled, name_forms(parts[0]))
        elif len(parts) == 2 and patronymic(parts[1]):
            middle = parts[1].lower()
            fits = {
                other
                for other in firsts.get(parts[0].lower(), ())
                if not any(patronymic(p) and p.lower() != middle for p in words[other][1:])
            }
        elif (
            initials
            and len(parts) == len(initials) + 1
            and (rest := [p for p in parts if len(p) > 1 and p not in initials])
        ):
            # "Г. А. Зюганов"; not "А а", two letters with no surname (a random text once raised StopIteration here)
            surname = name_forms(rest[0])
            fits = {
                other
                for other in _named_by(surnames, surname)
                if words[other][0].upper().startswith(initials[0].upper())
            }
        else:
            continue
        if len(fits) == 1 and (whole := next(iter(fits))) != index:
            joined.append((index, whole))
    return joined


_CUT_SHORT = re.compile(r"(?<![А-ЯЁа-яёA-Za-z])([А-ЯЁA-Z][а-яёa-z]{1,2})\.")
"""A first name cut short to two or three letters and a period: "Дж.", "Ал."."""


def _named_by(index: dict[str, set[int]], forms: set[str]) -> set[int]:
    """The full names `index` files under any of `forms`."""
    return set().union(*(index.get(form, ()) for form in forms))


_OBLIQUE_ENDINGS = ("ом", "ём", "ем", "ым", "им", "у", "ю")
"""Endings a man's foreign surname takes in a case other than the nominative (of "Лехтонен", "Буш")."""
_GENITIVE_ENDINGS = ("а", "я")
"""The genitive's, which a woman's surname may end with in the nominative ("Петрова")."""


def surname_as_written(full: str, part: str) -> str | None:
    """`full`, a person's full name as normalised, with its surname as the article writes it alone (`part`) when the
    normaliser left the surname in another case: the surname is `part` and a case ending ("Микко Лехтоненом"
    beside "Лехтонен"). A woman's name ending in "а" stays ("Анна Петрова" beside "Петров"). None when nothing
    changes.

    >>> surname_as_written("Микко Лехтоненом", "Лехтонен"), surname_as_written("Оррин Хэтча", "Хэтч")
    ('Микко Лехтонен', 'Оррин Хэтч')
    >>> surname_as_written("Анна Петрова", "Петров"), surname_as_written("Барак Обама", "Обамы")
    (None, None)
    """
    words = full.split()
    if len(words) < 2 or " " in part.strip() or not part[:1].isupper():
        return None
    surname, part = words[-1], part.strip()
    ending = surname[len(part) :] if surname.lower().startswith(part.lower()) else ""
    woman = any(
        p.tag.gender == "femn" and {"Name", "nomn", "sing"} <= p.tag.grammemes for p in parses(words[0].lower())
    )
    if ending in _OBLIQUE_ENDINGS or (ending in _GENITIVE_ENDINGS and not woman):
        return " ".join([*words[:-1], part])
    return None
