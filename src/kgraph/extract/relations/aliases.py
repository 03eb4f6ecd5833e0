"""Across sentences: a surname alone, the first time it is written so, after a full name that ends in it, in an
earlier sentence, is that person's alternative name (NEREL's ALTERNATIVE_NAME, Arg1 the full name, Arg2 the
surname): "Владимир Путин провёл встречу. … Путин отметил …".

NEREL links such a surname to the nearest earlier mention of the person, not every later one: on NEREL train
this rule's pairs are gold ALTERNATIVE_NAME 555 times in 742 (precision 0.75; on dev 57 in 74), about half of
train's cross-sentence ALTERNATIVE_NAME between persons. The cross-sentence classifier (``across``) finds most of
these too; ``learned.relate`` adds the rule's where it does not (on the last 150 train documents, the model trained
on the rest: 10 more right in 27 more).

>>> from kgraph.extract.relations.learned import Mention, Sentences
>>> text = "Владимир Путин провёл встречу. Путин отметил рост."
>>> [(text[r.source.start:r.source.end], r.type, text[r.target.start:r.target.end])
...  for r in surname_aliases(text, Sentences(text), [Mention(0, 14, "PERSON"), Mention(31, 36, "PERSON")])]
[('Владимир Путин', 'ALTERNATIVE_NAME', 'Путин')]
"""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .learned import Mention, Relation

if TYPE_CHECKING:
    from .learned import Sentences

CONFIDENCE = 0.75
"""The rule's precision on NEREL train, given as each relation's confidence."""

STEM = 4
"""Letters of a surname that stay when it declines ("Путин", "Путина", "Путину")."""


def _stem(words: str) -> str:
    """The first letters of the last word, lower case, ё as е."""
    last = words.replace("ё", "е").replace("Ё", "Е").split()[-1].strip(".,;:«»\"'()")
    return last[:STEM].lower()


def surname_aliases(text: str, sentences: "Sentences", mentions: Sequence[Mention]) -> list[Relation]:
    """ALTERNATIVE_NAME from a person's full name (two words or more) to the first later one-word mention of a
    different sentence whose last word starts alike, when that one-word form is new in the text."""
    persons = sorted({m for m in mentions if m.type == "PERSON"}, key=lambda m: (m.start, m.end))
    seen: set[str] = set()
    found = []
    for index, mention in enumerate(persons):
        words = text[mention.start : mention.end]
        new = words not in seen
        seen.add(words)
        if not new or len(words.split()) != 1 or len(_stem(words)) < 3:
            continue
        earlier = [
            m for m in persons[:index] if m.end <= mention.start and _stem(text[m.start : m.end]) == _stem(words)
        ]
        if not earlier:
            continue
        full = earlier[-1]
        if len(text[full.start : full.end].split()) < 2 or sentences.sentence(full) == sentences.sentence(mention):
            continue
        found.append(Relation("ALTERNATIVE_NAME", full, mention, CONFIDENCE))
    return found
