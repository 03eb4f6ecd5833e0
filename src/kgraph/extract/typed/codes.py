"""A country's law named with the country after it ("УК РФ", "КоАП России", "Конституции США"): NEREL nests three
laws in "ст. 282 УК РФ" (the article, the code of the country, the code), and the taggers find two layers at most,
the outermost and the innermost, so "УК РФ" was lost. In NEREL train a law's mention right before a country's is
a law with it 63 times in 66 (initials such as "УК" 41 times in 41), and initials before a country inside a law's
mention are a law alone 40 times in 42.

>>> text = "осуждён по ст. 282 УК РФ"
>>> found = codes_of_countries(text, [TypedMention(11, 24, "LAW", 0.9)], [(22, 24)])
>>> sorted(text[m.start : m.end] for m in found)
['УК', 'УК РФ', 'ст. 282 УК РФ']
>>> text = "поправка к Конституции США"
>>> found = codes_of_countries(text, [TypedMention(11, 22, "LAW", 0.8)], [(23, 26)])
>>> sorted(text[m.start : m.end] for m in found)
['Конституции', 'Конституции США']
"""

import re
from collections.abc import Iterable, Sequence

from ..spans import Overlapping
from .taggers import TypedMention

_INITIALS_BEFORE = re.compile(r"(?<![\w-])(?P<initials>[А-ЯЁ][А-Яа-яЁё]*[А-ЯЁ][А-Яа-яЁё]*)\s+\Z")
"""A word of letters only with two capitals or more ("УК", "КоАП", "ГПК") right before a place."""


def codes_of_countries(
    text: str, mentions: Sequence[TypedMention], countries: Iterable[tuple[int, int]]
) -> list[TypedMention]:
    """The mentions, and for each country (`countries`: its mentions' offsets) right after a law's mention, or
    right after initials inside one, the law with the country, and the initials alone, where not mentioned
    already."""
    laws = [m for m in mentions if m.type == "LAW"]
    have = {(m.start, m.end) for m in laws}
    ending: dict[int, list[TypedMention]] = {}
    for law in laws:
        ending.setdefault(law.end, []).append(law)
    index = Overlapping((m.start, m.end, m) for m in laws)
    found = list(mentions)

    def add(start: int, end: int, sure: float) -> None:
        if (start, end) not in have:
            have.add((start, end))
            found.append(TypedMention(start, end, "LAW", sure))

    for start, end in sorted(set(countries)):
        if text[start - 1 : start] == " ":
            for law in ending.get(start - 1, []):
                add(law.start, end, law.confidence)
        before = _INITIALS_BEFORE.search(text, max(0, start - 12), start)
        if before is None:
            continue
        first, last = before.start("initials"), before.end("initials")
        holding = [m for s, e, m in index.overlapping(first, last) if s <= first and last <= e]
        if holding:
            sure = max(m.confidence for m in holding)
            add(first, end, sure)
            add(first, last, sure)
    return found
