"""A person named in part is the one person of the article whose full name has that part.

natasha normalises the names it knows; a foreign surname alone in another case ("Обамы", "Хэтч" beside "Оррина
Хэтча") keeps its ending, so does a first name alone ("Алине" beside "Алина Бронски"); a first name with a
patronymic ("Эдуард Васильевич") has no surname to match, and initials ("Г. А. Зюганов", "Т.Донилона") no first
name. A careful reader joins each to the only person of the article the part fits, and to none when two do.

>>> partial_names(["Барак Обама", "Обамы", "Эдуард Назаров", "Эдуард Васильевич", "Г. Зюганов", "Геннадий Зюганов"])
[(1, 0), (3, 2), (4, 5)]
>>> partial_names(["Пол Хэтч", "Оррин Хэтч", "Хэтча"])  # two persons the surname fits: neither
[]
"""

from collections.abc import Sequence

from ..text.normalise import name_forms
from .mentions import NAME_WORD, patronymic


def partial_names(labels: Sequence[str]) -> list[tuple[int, int]]:
    """(part, whole) for each person label that names part of exactly one other, full, label: a surname or a
    first name alone that may be that one's in another case (``name_forms``); a first name and a patronymic
    whose first name is that one's (and whose patronymic, if it has one, is the same); initials and a surname,
    that one's first name starting with the first initial."""
    words = [NAME_WORD.findall(label) for label in labels]
    full = [
        index
        for index, parts in enumerate(words)
        if len(parts) >= 2 and not patronymic(parts[-1]) and all(len(part) > 1 for part in parts)
    ]
    joined = []
    for index, parts in enumerate(words):
        initials = [part for part in parts if len(part) == 1 and part.isupper()]
        if len(parts) == 1:
            fits = [other for other in full if _fits_alone(parts[0], words[other])]
        elif len(parts) == 2 and patronymic(parts[1]):
            first, middle = parts[0].lower(), parts[1].lower()
            fits = [
                other
                for other in full
                if words[other][0].lower() == first
                and not any(patronymic(p) and p.lower() != middle for p in words[other][1:])
            ]
        elif initials and len(parts) == len(initials) + 1:
            surname = name_forms(next(part for part in parts if len(part) > 1))
            fits = [
                other
                for other in full
                if surname & name_forms(words[other][-1]) and words[other][0][:1].upper() == initials[0]
            ]
        else:
            continue
        if len(fits) == 1 and fits[0] != index:
            joined.append((index, fits[0]))
    return joined


def _fits_alone(word: str, name: list[str]) -> bool:
    """Whether a word alone is the surname or the first name of the full `name`, in another case."""
    if name_forms(word) & name_forms(name[-1]):
        return True
    return bool(name_forms(word, "Name") & name_forms(name[0], "Name"))
