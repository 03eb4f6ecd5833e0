"""An adjective made from the surname of a person the article names is a mention of that person.

"сталинских лагерях", "Шукшинские дни", "лужковской команды": NEREL marks the adjective as the person.

>>> text = "Василий Шукшин родился на Алтае. Шукшинские дни проходят в Сростках."
>>> [(index, text[start:end]) for index, start, end in surname_adjectives(text, ["Василий Шукшин"])]
[(0, 'Шукшинские')]
"""

import re
from collections.abc import Sequence

from ..text.words import words
from .known_names import adjective_place

_ENDINGS = r"(?:ий|ый|ой|ого|ому|им|ым|ом|ая|ую|ое|ие|ые|их|ых|ими|ыми)"
_WORD = re.compile(r"\w+")


def surname_adjectives(text: str, persons: Sequence[str]) -> list[tuple[int, int, int]]:
    """(person index, start, end) of each adjective made from the surname of one of `persons` (their labels,
    in the nominative): the surname, maybe "ов" or "ев" ("Шекспир": шекспировский), then "ск" and an
    adjective's ending. A surname that two persons share names neither; a place adjective
    ("саудовскую": Сауд) names the place, and an adjective quoted alone («Волковская») is a name of its own."""
    owners: dict[str, set[int]] = {}
    firsts: dict[str, set[str]] = {}  # a surname -> the first letters of the full names that have it
    named = [(index, label.split()) for index, label in enumerate(persons)]
    for index, parts in sorted(named, key=lambda item: _initialled(item[1])):
        if len(parts) < 2 or not re.fullmatch(r"[А-ЯЁ][а-яё]{2,}", parts[-1]) or parts[-1].endswith(("ий", "ой")):
            continue
        surname = parts[-1].lower()
        if _initialled(parts) and parts[0][:1] in firsts.get(surname, ()):
            continue  # "В. М. Шукшин" beside "Василий Шукшин": one person, not two sharing the surname
        owners.setdefault(surname, set()).add(index)
        firsts.setdefault(surname, set()).add(parts[0][:1])
    order = {surname: rank for rank, surname in enumerate(owners)}
    found = []
    # one pass over the words (a pattern per surname read the whole text once for each person)
    for match in words(text).matching(_WORD):
        made = _ADJECTIVE.fullmatch(match.text.lower())
        if made is None:
            continue
        stem = made.group(1)
        surnames = [stem, stem[:-2]] if stem.endswith(("ов", "ев")) else [stem]
        for surname in sorted((s for s in surnames if len(owners.get(s, ())) == 1), key=order.__getitem__):
            quoted = re.fullmatch(r"[«\"“]\w+[»\"”]", text[max(0, match.start - 1) : match.end + 1])
            if not quoted and adjective_place(match.text) is None:
                found.append((next(iter(owners[surname])), match.start, match.end))
    return found


def _initialled(parts: list[str]) -> bool:
    """Whether a name's words but the last are initials ("В. М. Шукшин", "В.Лукашенко")."""
    return len(parts) >= 2 and all(len(part.strip(".")) == 1 for part in parts[:-1])


# a word as the pattern \b{surname}(?:ов|ев)?ск{_ENDINGS}\b reads it: the stem holds the surname and its link
_ADJECTIVE = re.compile(rf"(\w+?)ск{_ENDINGS}")
