"""A person's age in years from NEREL's AGE words: "75-летний", "42 года", "в возрасте 61 года", "на 81-м году"
(80 full years). Words that bound an age ("не младше 45 лет") or spell it out give no figure.

>>> [years_of(words) for words in ("75-летний", "42 года", "в возрасте 61 года", "на 81-м году", "72-х летний")]
[75, 42, 61, 80, 72]
>>> years_of("88-м году")
87
>>> years_of("не младше 45 лет"), years_of("пятилетнего")
(None, None)
"""

import re

_PLAIN = re.compile(
    r"(?:в возрасте\s+)?(\d{1,3})(?:\s*[-‐‑–]?\s*х)?\s*(?:[-‐‑–]\s*)?(?:летн\w*|лети\w*|лет|года?|годик\w*)?",
    re.IGNORECASE,
)
"""A figure, then years ("75-летний", "72-х летний", "42 года", "80-летие" of an anniversary) or nothing: NEREL
marks a bare "27" after a name ("Иванов, 27, …") as an age."""
_IN_YEAR = re.compile(r"(?:на\s+)?(\d{1,3})\s*[-‐‑–]?\s*м\s+году(?:\s+жизни)?", re.IGNORECASE)
""""на 81-м году (жизни)": in the 81st year, so 80 full years (NEREL's mention may leave "на" out: "88-м году")."""


OLDEST = 125
"""More years than anyone has lived: "195-летие" of a person is an anniversary of a birth, no age."""


def years_of(words: str) -> int | None:
    """The age the words state, in full years, or None when they bound it or spell it out."""
    words = words.strip()
    if match := _IN_YEAR.fullmatch(words):
        return int(match.group(1)) - 1
    if match := _PLAIN.fullmatch(words):
        return int(match.group(1))
    return None
