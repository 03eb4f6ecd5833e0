"""Which figures and dates: the components that find time expressions and amounts (what they measure is
``measures.quantities``)."""

import re
from bisect import bisect_right
from typing import Protocol, TypeVar

from ..doc import Doc
from ..pipeline import component
from ..text.normalise import parses
from .amounts import find_amounts
from .dates import find_dates


@component("dates", assigns=("dates",))
def dates(doc: Doc) -> None:
    """Dates, ranges, durations, decades and centuries, resolved against the publication date; a day or a month in
    a quoted title is none (the film «Снег в апреле» was made in no April), a year is the titled thing's («Быстрый
    Трезубец-2017»)."""
    found = find_dates(doc.clean, doc.article.published_date)
    outside = {id(d) for d in outside_titles(found, quoted_titles(doc.clean))}
    doc.dates = [d for d in found if id(d) in outside or isinstance(d.value, int)]


@component("amounts", assigns=("amounts",))
def amounts(doc: Doc) -> None:
    """Money, percentages, lengths and counts: value, unit and qualifier ("не более 45 тысяч рублей"); a number
    in a quoted title is none («Семнадцать мгновений весны»: no 17 of anything)."""
    doc.amounts = outside_titles(find_amounts(doc.clean), quoted_titles(doc.clean))


class _Placed(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


Found = TypeVar("Found", bound=_Placed)


def outside_titles(found: list[Found], titles: list[tuple[int, int]]) -> list[Found]:
    """What was `found` outside the `titles` (``quoted_titles``: sorted, apart)."""
    starts = [start for start, _ in titles]
    kept = []
    for item in found:
        at = bisect_right(starts, item.start) - 1
        if at < 0 or titles[at][1] < item.end:
            kept.append(item)
    return kept


_QUOTED = re.compile(r"«([^«»\n]{1,80})»")
_NO_TITLE_END = ".!?,;:…"


def quoted_titles(text: str) -> list[tuple[int, int]]:
    """Where the text quotes a title: a capitalised phrase of six words or fewer in guillemets with no verb and no
    sentence's end («Семнадцать мгновений весны»), not a quoted statement («Мы закупили 2 млн доз»).

    >>> text = "роль в «Семнадцати мгновениях весны». «Мы закупили 2 млн доз», — сказал он"
    >>> [text[start:end] for start, end in quoted_titles(text)]
    ['Семнадцати мгновениях весны']
    """
    found = []
    for match in _QUOTED.finditer(text):
        title = match.group(1).strip()
        words = re.findall(r"[А-Яа-яЁё]+", title)
        if not title[:1].isupper() or title[-1:] in _NO_TITLE_END or len(title.split()) > 6:
            continue
        if not any({"VERB", "INFN"} & parses(word.lower())[0].tag.grammemes for word in words):
            found.append(match.span(1))
    return found
