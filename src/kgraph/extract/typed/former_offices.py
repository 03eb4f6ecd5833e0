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
>>> text = "Он приехал с экс-супругой журналисткой."
>>> [text[m.start : m.end] for m in former_offices(text, [TypedMention(26, 38, "PROFESSION", 0.9)])]
['журналисткой']
"""

import re
from collections.abc import Sequence

from ..text.normalise import parses
from .profession_words import MORE_LIKELY, office_probability
from .taggers import TypedMention

_FORMER = re.compile(r"(?<![\w-])[Ээ][Кк][Сс]-(?P<word>[А-Яа-яЁё]+)(?P<gap> ?)")
""""экс-" and the word it qualifies, with the one space after it, if any."""


def former_offices(text: str, mentions: Sequence[TypedMention]) -> list[TypedMention]:
    """The mentions, each office that starts at "экс-" starting after it instead, and so each that starts at the
    word after "экс-X " when X is an occupation's word more likely than not ("с экс-супругой журналисткой": the
    journalist's office is hers alone); and an office of such an X where none starts there."""
    formers = [(former, _office_probability(former.group("word"))) for former in _FORMER.finditer(text)]
    moved: dict[int, int] = {}
    for former, probability in formers:
        moved[former.start()] = former.start("word")
        if former.group("gap") and probability >= MORE_LIKELY:
            moved[former.end()] = former.start("word")
    found = [
        TypedMention(moved[m.start], m.end, m.type, m.confidence) if m.type == "PROFESSION" and m.start in moved else m
        for m in mentions
    ]
    starts = {m.start for m in found if m.type == "PROFESSION"}
    for former, probability in formers:
        if former.start("word") not in starts and probability >= MORE_LIKELY:
            found.append(TypedMention(former.start("word"), former.end("word"), "PROFESSION", round(probability, 3)))
    return found


def _office_probability(word: str) -> float:
    """How likely a word, by its lemma, names an office (0 for one the embedding lacks)."""
    return office_probability(parses(word.lower())[0].normal_form) or 0.0
