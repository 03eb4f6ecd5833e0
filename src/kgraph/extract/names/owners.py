"""Organisations named by a common noun and the place they belong to: "власти Украины", "посольства США".

NEREL marks such a phrase as an organisation for some nouns ("сборная России", "правительство Кубы") and not for
others ("жители Москвы"). owner_heads.tsv, built from NEREL train by scripts/build_gazetteer.py, counts per noun
how often "noun + place" was marked as one organisation; a noun marked so at least twice and at least half the
time makes the phrase an organisation here.

>>> text = "Ответ дала мэрия Москвы."
>>> [text[s:e] for s, e in owned_organisations(text, [(17, 23)])]
['мэрия Москвы']
>>> owned_organisations("Об этом сказали жители Москвы.", [(23, 29)])
[]
"""

import re
from collections.abc import Iterable
from functools import lru_cache

from ..data.tables import rows
from ..text.normalise import parses

_NOUN_BEFORE = re.compile(r"([А-ЯЁа-яё][а-яё]+(?:-[а-яё]+)?) $")


@lru_cache(maxsize=1)
def owner_heads() -> dict[str, tuple[int, int]]:
    """Noun lemma -> (times "noun + place" was one organisation in NEREL train, times it was not)."""
    return {noun: (int(organisation), int(other)) for noun, organisation, other in rows("owner_heads.tsv")}


def names_organisation(noun: str) -> bool:
    """Whether NEREL train mostly marks this noun and the place after it as one organisation."""
    organisation, other = owner_heads().get(noun, (0, 0))
    return organisation >= 2 and organisation >= other


def owned_organisations(text: str, places: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of "noun + place" organisations, for the places (start, end) found in `text`; the place must be
    in the genitive ("мэрия Москвы", not "мэрия в Москве") and the noun right before it."""
    found = []
    for start, end in places:
        before = _NOUN_BEFORE.search(text, max(0, start - 40), start)
        if before is None or before.end() != start:
            continue
        noun = next((p for p in parses(before.group(1).lower())[:2] if "NOUN" in p.tag), None)
        last = text[start:end].split()[-1]
        genitive = last.isupper() or any(p.tag.case == "gent" for p in parses(last.lower())[:3])
        if noun is not None and genitive and names_organisation(str(noun.normal_form)):
            found.append((before.start(1), end))
    return found
