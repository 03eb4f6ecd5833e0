"""The words of a text as natasha's segmenter cut them, read once: which word stands right before or after a
position (rules ask this instead of searching a fixed number of characters with a regex of their own).

`read` remembers the tokens of the article it reads; a text no `read` has seen is cut by razdel, the segmenter
natasha uses, so the same words come out either way.

>>> words("хоккейной академии «Авангард»").before(19)
Word(start=10, end=18, text='академии', gap=' ')
>>> words("вице-президента Петрова").before(16, LOWER)
Word(start=0, end=15, text='вице-президента', gap=' ')
>>> words("Форум, где").before(7, RUSSIAN) is None  # the comma is the token before "где"
True
>>> [w.text for w in words("Форум, где").within(0, 7)]
['Форум', ',']
"""

import re
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass

LOWER = re.compile(r"[а-яё]+(?:-[а-яё]+)*")
"""A lower-case Russian word ("академии", "вице-президента")."""

RUSSIAN = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
"""A Russian word in any case."""

SPACE = re.compile(r"\s+")
"""What usually lies between two words of a phrase."""


@dataclass(frozen=True)
class Word:
    """A word near a position: its offsets, its characters and what lies between it and the position."""

    start: int
    end: int
    text: str
    gap: str


class Words:
    """The tokens of one text in order, found around a position by bisection."""

    def __init__(self, text: str, bounds: Iterable[tuple[int, int]]) -> None:
        self.text = text
        self.bounds = list(bounds)
        self._starts = [start for start, _ in self.bounds]
        self._ends = [end for _, end in self.bounds]
        self._matching: dict[re.Pattern[str], tuple[Word, ...]] = {}

    def before(
        self, position: int, pattern: re.Pattern[str] | None = None, gap: re.Pattern[str] = SPACE
    ) -> Word | None:
        """The token that ends last at or before `position`, when `gap` (spaces, by default) is all that lies
        between them and the token is what `pattern` (when given) matches as a whole."""
        index = bisect_right(self._ends, position) - 1
        return self._word(index, self.bounds[index][1], position, pattern, gap) if index >= 0 else None

    def after(self, position: int, pattern: re.Pattern[str] | None = None, gap: re.Pattern[str] = SPACE) -> Word | None:
        """The token that starts first at or after `position`, on the same terms as `before`."""
        index = bisect_left(self._starts, position)
        return self._word(index, position, self.bounds[index][0], pattern, gap) if index < len(self.bounds) else None

    def within(self, start: int, end: int) -> list[Word]:
        """The tokens that lie wholly within text[start:end], each with what lies before it (from `start` for
        the first)."""
        found, last = [], start
        for index in range(bisect_left(self._starts, start), bisect_right(self._ends, end)):
            token_start, token_end = self.bounds[index]
            found.append(Word(token_start, token_end, self.text[token_start:token_end], self.text[last:token_start]))
            last = token_end
        return found

    def matching(self, pattern: re.Pattern[str]) -> tuple[Word, ...]:
        """The tokens `pattern` matches as a whole, in text order ("every word of Russian or Latin letters"),
        each with what lies between it and the token before (kept: several rules ask for the same words)."""
        if pattern not in self._matching:
            found, text, last = [], self.text, 0
            for start, end in self.bounds:
                if pattern.fullmatch(text, start, end):
                    found.append(Word(start, end, text[start:end], text[last:start]))
                last = end
            self._matching[pattern] = tuple(found)
        return self._matching[pattern]

    def _word(
        self, index: int, gap_start: int, gap_end: int, pattern: re.Pattern[str] | None, gap: re.Pattern[str]
    ) -> Word | None:
        start, end = self.bounds[index]
        between = self.text[gap_start:gap_end]
        word = self.text[start:end]
        if gap.fullmatch(between) is None or (pattern is not None and pattern.fullmatch(word) is None):
            return None
        return Word(start, end, word, between)


_read: dict[str, Words] = {}
"""The words of the article being extracted (its text and its blanked text), as `read` found them."""

_KEPT = 8
"""How many other texts' words are kept (texts a rule reads that are not the article's)."""
_others: OrderedDict[str, Words] = OrderedDict()


def remember(*texts: str, bounds: Iterable[tuple[int, int]]) -> None:
    """Keep the tokens `read` found (start and end offsets) as the words of `texts`, the article's text and its
    blanked text (the same offsets), in place of the article read before."""
    tokens = list(bounds)
    _read.clear()
    _read.update((text, Words(text, tokens)) for text in texts)


def words(text: str) -> Words:
    """The words of `text`: those `read` found, or razdel's (natasha's segmenter) for a text it did not read."""
    found = _read.get(text) or _others.get(text)
    if found is None:
        from razdel import tokenize

        found = _others[text] = Words(text, ((token.start, token.stop) for token in tokenize(text)))
        while len(_others) > _KEPT:
            _others.popitem(last=False)
    return found
