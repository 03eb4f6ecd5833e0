"""A person's other names (NEREL's ALTERNATIVE_NAME): the first time a person is written in a new form, that form
is the alternative name of the nearest earlier mention whose last word starts alike, when the two forms are one of
these (Arg1 the earlier mention, Arg2 the new form, as NEREL annotates them):

- a full name, then a surname alone: "Владимир Путин провёл встречу. … Путин отметил …";
- a surname alone in the headline, then the full name: "Путин открыл форум⏎Президент России Владимир Путин …";
- initials and a surname, and a name without initials, either first: "Д.Медведев …", "Дмитрий Медведев".

NEREL links such a form to the nearest earlier mention of the person, not every later one, and not a name declined
("Владимир Путин", "Владимира Путина": 42 of 454 pairs of train are gold). On NEREL train (gold mentions) the three
forms are gold ALTERNATIVE_NAME 577 times in 766, 80 in 111 and 77 in 104 (on dev 61 in 76, 11 in 14, 10 in 18); a
surname alone in the body of the text before the full name only 38 in 120, so it is not taken. The classifiers
(``learned``, ``across``) find many of these too; ``learned.relate`` adds the rule's where neither relates the two
mentions.

>>> from kgraph.extract.relations.learned import Mention
>>> text = "Владимир Путин провёл встречу. Путин отметил рост."
>>> [(text[r.source.start:r.source.end], r.type, text[r.target.start:r.target.end])
...  for r in name_aliases(text, [Mention(0, 14, "PERSON"), Mention(31, 36, "PERSON")])]
[('Владимир Путин', 'ALTERNATIVE_NAME', 'Путин')]
>>> text = "Д.Медведев уволил губернатора\\n\\nПрезидент России Дмитрий Медведев принял отставку."
>>> [(text[r.source.start:r.source.end], text[r.target.start:r.target.end])
...  for r in name_aliases(text, [Mention(0, 10, "PERSON"), Mention(48, 64, "PERSON")])]
[('Д.Медведев', 'Дмитрий Медведев')]
"""

import re
from collections.abc import Sequence

from .learned import Mention, Relation

CONFIDENCE = {"surname": 0.75, "headline": 0.72, "initials": 0.74}
"""Each form's precision on NEREL train, given as its relations' confidence."""

STEM = 4
"""Letters of a surname that stay when it declines ("Путин", "Путина", "Путину")."""

INITIALS = re.compile(r"(?:[A-ZА-ЯЁ]\.\s*)+\S")
"""A name that opens with initials: "Д.Медведев", "А. Г. Николаева"."""


def _stem(words: str) -> str:
    """The first letters of the last word (after initials: "Д.Медведев"), lower case, ё as е."""
    parts = [part for part in re.split(r"[\s.,;:«»\"'()]+", words.replace("ё", "е").replace("Ё", "Е")) if part]
    return parts[-1][:STEM].lower() if parts else ""


def _form(words: str) -> str:
    """ "initials", "one" (a word) or "full" (more)."""
    if INITIALS.match(words):
        return "initials"
    return "one" if len(words.split()) == 1 else "full"


def _kind(text: str, earlier: Mention, later: Mention) -> str | None:
    """Which of the module's forms the two mentions are, if any."""
    first, then = _form(text[earlier.start : earlier.end]), _form(text[later.start : later.end])
    if first == "full" and then == "one":
        return "surname"
    if first == "one" and then in {"full", "initials"} and "\n" not in text[: earlier.start].lstrip():
        return "headline"
    if (first == "initials") != (then == "initials"):
        return "initials"
    return None


def name_aliases(text: str, mentions: Sequence[Mention]) -> list[Relation]:
    """ALTERNATIVE_NAME from a person's nearest earlier mention whose last word starts alike to each form of a
    person's name written for the first time, when the two are one of the module's forms."""
    persons = sorted({m for m in mentions if m.type == "PERSON"}, key=lambda m: (m.start, m.end))
    seen: set[str] = set()
    found = []
    for index, mention in enumerate(persons):
        words = text[mention.start : mention.end]
        new = words not in seen
        seen.add(words)
        if not new or len(_stem(words)) < 3:
            continue
        earlier = [
            m for m in persons[:index] if m.end <= mention.start and _stem(text[m.start : m.end]) == _stem(words)
        ]
        kind = _kind(text, earlier[-1], mention) if earlier else None
        if kind is not None:
            found.append(Relation("ALTERNATIVE_NAME", earlier[-1], mention, CONFIDENCE[kind]))
    return found
