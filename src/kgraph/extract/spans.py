"""Whether any of many spans overlaps or holds a given one, by bisection: the rules ask it of every mention.

An article can hold thousands of mentions; asking each of them about each other one is what made extraction
quadratic in the text. The spans are given once (start, end: end excluded, as everywhere in kgraph).

>>> taken = SpanIndex([(0, 5), (10, 20), (10, 12)])
>>> taken.overlaps(4, 6), taken.overlaps(5, 10), taken.covers(12, 15), taken.covers(4, 11)
(True, False, True, False)
>>> taken.covers_other(10, 12), taken.covers_other(10, 20), taken.covers_other(0, 5)
(True, False, False)
"""

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate
from typing import Generic, TypeVar

T = TypeVar("T")


class SpanIndex:
    """Spans sorted by start, with the furthest end reached by the spans up to each one."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._reach = list(accumulate((end for _, end in ordered), max))

    def _reach_of_starts_before(self, position: int, inclusive: bool = False) -> int | None:
        """The furthest end of the spans starting before `position` (or at it, when `inclusive`)."""
        count = (bisect_right if inclusive else bisect_left)(self._starts, position)
        return self._reach[count - 1] if count else None

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span shares a character with start..end (s < end and start < e)."""
        reach = self._reach_of_starts_before(end)
        return reach is not None and reach > start

    def covers(self, start: int, end: int) -> bool:
        """Whether a span holds start..end (s <= start and end <= e)."""
        reach = self._reach_of_starts_before(start, inclusive=True)
        return reach is not None and reach >= end

    def covers_other(self, start: int, end: int) -> bool:
        """Whether a span other than start..end itself holds it: one reaching further, or starting before it."""
        further = self._reach_of_starts_before(start, inclusive=True)
        earlier = self._reach_of_starts_before(start)
        return (further is not None and further > end) or (earlier is not None and earlier >= end)


class Overlapping(Generic[T]):
    """Items by their spans, for the items whose spans overlap a given one: those up to `SHORT` characters long
    sorted by start and found by bisection (they start at most `SHORT` before it), the few longer ones all read.

    >>> found = Overlapping([(0, 4, "a"), (10, 14, "b"), (2, 12, "c")])
    >>> [item for _, _, item in found.overlapping(11, 13)], [item for _, _, item in found.overlapping(4, 10)]
    (['c', 'b'], ['c'])
    """

    SHORT = 256

    def __init__(self, items: Iterable[tuple[int, int, T]]) -> None:
        """`items` are (start, end, item)."""
        listed = list(items)
        self._short = sorted((m for m in listed if m[1] - m[0] <= self.SHORT), key=lambda m: (m[0], m[1]))
        self._starts = [start for start, _, _ in self._short]
        self._long = [(s, e, i) for s, e, i in listed if e - s > self.SHORT]

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, T]]:
        """The (start, end, item) whose span shares a character with start..end: the short ones by start, then the
        long ones in the order given."""
        near = self._short[bisect_left(self._starts, start - self.SHORT) : bisect_left(self._starts, end)]
        return [m for m in near if m[1] > start] + [m for m in self._long if m[0] < end and m[1] > start]
