"""A name in its own Latin script, in brackets after the Russian one, is another mention of the same thing.

"в городе Веллингтоне (Wellington; Новый Южный Уэльс)", "Университета Помпеу и Фабра (Universidad Pompeu Fabra)".
NEREL train marks the bracketed name with the type of the name before it (persons 119 of 124, organisations 24 of
25, cities 5 of 6); the NER finds the persons' by itself.

>>> text = "в городе Веллингтоне (Wellington; Новый Южный Уэльс)"
>>> [(text[s:e], text[start:end]) for (s, e), start, end in original_names(text, [(9, 20)])]
[('Веллингтоне', 'Wellington')]
"""

import re
from collections.abc import Iterable

_ORIGINAL = re.compile(
    r" \((?:(?:англ|нем|фр|исп|итал)\.\s*)?"
    r"([A-Z][A-Za-z\u00C0-\u024F'’.\- ]*[A-Za-z\u00C0-\u024F.])"
    r"[;),]"
)

_PRESS = re.compile(r"пресс-(?:служб|центр|бюро|секретариат)", re.IGNORECASE)
"""A press service's name, which the name in brackets after it is not (it is the body's whose service it is)."""


def original_names(text: str, mentions: Iterable[tuple[int, int]]) -> list[tuple[tuple[int, int], int, int]]:
    """For each mention followed by its name in Latin letters in brackets: the mention and where that name is.

    Of the mentions that end at the same place, the longest is the one named ("Университета Барселоны", not
    "Барселоны", before "(Universidad de Barcelona)"), but for a press service's: "пресс-служба Женской теннисной
    ассоциации (WTA)" names the association.

    >>> text = "пресс-служба Женской теннисной ассоциации (WTA)"
    >>> [(text[s:e], text[start:end]) for (s, e), start, end in original_names(text, [(0, 41), (13, 41)])]
    [('Женской теннисной ассоциации', 'WTA')]
    """
    longest: dict[int, tuple[int, int]] = {}
    for start, end in mentions:
        press = _PRESS.match(text, start) is not None
        if end not in longest or (start < longest[end][0] and not press) or _PRESS.match(text, longest[end][0]):
            longest[end] = (start, end)
    found = []
    for end, mention in sorted(longest.items()):
        match = _ORIGINAL.match(text, end)
        if match:
            found.append((mention, match.start(1), match.end(1)))
    return found


_NAME_LENGTH = 100
"""Characters at most a name in brackets takes."""


def bracketed_names(text: str, mentions: Iterable[tuple[int, int]]) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Each mention followed by another mention alone in brackets: "Республики Саха (Якутия)".

    >>> text = "Глава Республики Саха (Якутия) открыл мост"
    >>> [(text[a:b], text[c:d]) for (a, b), (c, d) in bracketed_names(text, [(6, 21), (23, 29)])]
    [('Республики Саха', 'Якутия')]
    """
    spans = set(mentions)
    found = []
    for start, end in sorted(spans):
        if text.startswith(" (", end):
            close = text.find(")", end + 2, end + 2 + _NAME_LENGTH)  # a bounded look: no scan of the whole text
            if close > 0 and (end + 2, close) in spans:
                found.append(((start, end), (end + 2, close)))
    return found
