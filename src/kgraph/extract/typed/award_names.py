"""An award named in quotes after the noun of its kind: "премии «Большая книга»", "орденом «За заслуги перед
Отечеством»", "приз «Золотой мяч»". The AWARD taggers know the names NEREL train has («Оскар», «Эмми»); the noun
before the quotes says what any name there is. In NEREL train the quoted words after a form of премия, орден,
медаль, приз or звание are an AWARD mention (or inside one) 43 times in 43, exactly the quoted words 40 times; after
награда 4 times in 6, which is left out.

>>> text = "Яхина стала лауреатом премии «Большая книга» за роман «Эшелон на Самарканд»."
>>> [text[m.start : m.end] for m in award_names(text, [])]
['Большая книга']
"""

import re
from collections.abc import Sequence

from .taggers import TypedMention

CONFIDENCE = 0.8
"""How sure an award named so is: short of the rules' surest, for names NEREL train never had (above)."""

_NAMED = re.compile(
    r"(?<![\w-])(?:[Пп]реми(?:я|и|ю|ей|й|ям|ями|ях)|[Оо]рден(?:а|у|ом|е|ы|ов|ам|ами|ах)?|[Мм]едал(?:ь|и|ью|ей|ям|ями|ях)"
    r"|[Пп]риз(?:а|у|ом|е|ы|ов|ам|ами|ах)?|[Зз]вани(?:е|я|ю|ем|и|й|ям|ями|ях))\s+«(?P<name>[^«»\n]{2,80})»"
)
"""A form of an award's noun, then a name in «» on one line ("премии", "орденом", "медали", "призов", "звания"; not
"признали «иностранным агентом»")."""


def award_names(text: str, found: Sequence[TypedMention]) -> list[TypedMention]:
    """An AWARD mention of each quoted name after an award's noun that no AWARD mention `found` already has at
    exactly its words."""
    have = {(m.start, m.end) for m in found if m.type == "AWARD"}
    named = []
    for match in _NAMED.finditer(text):
        start, end = match.span("name")
        if (start, end) not in have:
            named.append(TypedMention(start, end, "AWARD", CONFIDENCE))
    return named


_HONORARY = re.compile(r"(?<![\w-])(?:[Нн]ародн|[Зз]аслуженн)[а-яё]{2,3}\s+\Z")
"""An honorary title's adjective right before an office's words ("народная артистка", "заслуженного врача")."""
_ELECTED = re.compile(r"[Дд]епутат|[Ии]збранни")
"""What a "народный" office may still be: NEREL train's "народный депутат" (Ukraine's MP) is an office, and so is a
"народный избранник"."""


def honorary_titles(text: str, found: Sequence[TypedMention]) -> list[TypedMention]:
    """`found`, each office after "народный" or "заслуженный" an AWARD from that word: "народная артистка России"
    had been the office "артистка" in Russia (a review's new article). NEREL train marks such titles as AWARD (16 with
    "народный артист", every "заслуженный …" but one), except "народный депутат", an office.

    >>> text = "исполнила народная артистка России Чулпан Хаматова, народный депутат Украины"
    >>> [(text[m.start : m.end], m.type) for m in honorary_titles(text, [TypedMention(19, 34, "PROFESSION", 0.9),
    ...     TypedMention(61, 68, "PROFESSION", 0.9)])]
    [('народная артистка России', 'AWARD'), ('депутат', 'PROFESSION')]
    """
    kept = []
    for mention in found:
        honorary = _HONORARY.search(text, max(0, mention.start - 16), mention.start)
        if mention.type != "PROFESSION" or honorary is None or _ELECTED.match(text, mention.start):
            kept.append(mention)
        else:
            kept.append(TypedMention(honorary.start(), mention.end, "AWARD", mention.confidence))
    return kept
