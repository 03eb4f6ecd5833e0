"""Offices held before ("экс-президент Перу"): NEREL's office starts after "экс-" ("Экс-[президент Перу]", 65 times
in train, never with the prefix), but natasha reads "Экс-президент" as one token, so the PROFESSION taggers, whose
labels are tokens', learned to begin the office at the next token: they gave "Перу", "МВД" or "Татарстана" as the
office, or nothing at all for "экс-президент упал в обморок". This moves such an office's start to after the hyphen,
and gives an office to the word after "экс-" that nothing tagged when the occupation model reads it as one
(``profession_words``).

>>> text = "Экс-президент Перу Алан Гарсия скончался. Экс-мэр уехал."
>>> found = former_offices(text, [TypedMention(14, 18, "PROFESSION", 0.99)])
>>> [(text[m.start : m.end], m.confidence) for m in found]
[('президент Перу', 0.99), ('мэр', 0.953)]
"""

import re
from collections.abc import Sequence

from ..text.normalise import parses
from .profession_words import MORE_LIKELY, office_probability
from .taggers import TypedMention

_FORMER = re.compile(r"(?<![\w-])[Ээ][Кк][Сс]-(?P<word>[А-Яа-яЁё]+)(?P<gap> ?)")
""""экс-" and the word it qualifies, with the one space after it, if any."""


def former_offices(text: str, mentions: Sequence[TypedMention]) -> list[TypedMention]:
    """The mentions, each office that starts at "экс-" or at the word after "экс-X " starting at X instead; and an
    office of X where none starts there and X is an occupation's word more likely than not."""
    moved: dict[int, int] = {}
    for former in _FORMER.finditer(text):
        moved[former.start()] = former.start("word")
        if former.group("gap"):
            moved[former.end()] = former.start("word")
    found = [
        TypedMention(moved[m.start], m.end, m.type, m.confidence) if m.type == "PROFESSION" and m.start in moved else m
        for m in mentions
    ]
    starts = {m.start for m in found if m.type == "PROFESSION"}
    for former in _FORMER.finditer(text):
        if former.start("word") in starts:
            continue
        probability = office_probability(parses(former.group("word").lower())[0].normal_form)
        if probability is not None and probability >= MORE_LIKELY:
            found.append(TypedMention(former.start("word"), former.end("word"), "PROFESSION", round(probability, 3)))
    return found
