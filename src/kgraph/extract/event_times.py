"""An event is at no time outside the days it runs: the relation classifier reads words, not calendars, and dated a
festival "с 28 июля по 1 августа" to 2027 too ("в следующем году программа фестиваля будет расширена").

A fact that an event is at a time (``kg:pointInTime``) is left out when the article also gives the event's first
and last days (``schema:startDate``, ``schema:endDate``) and that time does not overlap them, at the precision of
each value (a day, a month or a year); it is listed in the model's ``left_out`` with why.

>>> from datetime import date
>>> from kgraph.model import Entity, TimeRef
>>> from kgraph.source import Span, parse_article
>>> said = Span(0, 1, "x")
>>> facts = [
...     Fact("fest", "schema:startDate", TimeRef(said, date(2026, 7, 28)), ()),
...     Fact("fest", "schema:endDate", TimeRef(said, date(2026, 8, 1)), ()),
...     Fact("fest", "kg:pointInTime", TimeRef(said, 2027), ()),
...     Fact("fest", "kg:pointInTime", TimeRef(said, YearMonth(2026, 7)), ()),
... ]
>>> entities = {"fest": Entity("fest", "schema:Event", {"ru": "фестиваль"})}
>>> model = ArticleModel(parse_article("a", "Фестиваль."), entities=entities, facts=facts)
>>> [str(f.obj.value) for f in without_times_outside(model).facts if f.predicate == "kg:pointInTime"]
['2026-07']
>>> without_times_outside(model).left_out
('fact fest kg:pointInTime 2027: фестиваль runs from 2026-07-28 to 2026-08-01',)
"""

import calendar
from datetime import date

from ..model import ArticleModel, Fact, TimeRef, YearMonth

POINT_IN_TIME = "kg:pointInTime"


def _days(value: object) -> tuple[date, date] | None:
    """The first and the last day a time value covers: a day, a month or a year; None for anything else."""
    if isinstance(value, date):
        return value, value
    if isinstance(value, YearMonth):
        return date(value.year, value.month, 1), date(value.year, value.month, calendar.monthrange(*value)[1])
    if isinstance(value, int) and 1 <= value <= 9999:
        return date(value, 1, 1), date(value, 12, 31)
    return None


def without_times_outside(model: ArticleModel) -> ArticleModel:
    """`model` less its facts that an event is at a time outside the days from its start to its end, each listed as
    left out."""
    starts: dict[str, date] = {}
    ends: dict[str, date] = {}
    for fact in model.facts:
        days = _days(fact.obj.value) if isinstance(fact.obj, TimeRef) else None
        if days is not None and fact.predicate == "schema:startDate":
            starts[fact.subject] = min(days[0], starts.get(fact.subject, days[0]))
        elif days is not None and fact.predicate == "schema:endDate":
            ends[fact.subject] = max(days[1], ends.get(fact.subject, days[1]))

    def outside(fact: Fact) -> str | None:
        start, end = starts.get(fact.subject), ends.get(fact.subject)
        days = _days(fact.obj.value) if isinstance(fact.obj, TimeRef) else None
        if fact.predicate != POINT_IN_TIME or start is None or end is None or days is None:
            return None
        if days[1] >= start and days[0] <= end:
            return None
        event = model.entities[fact.subject].labels.get("ru", fact.subject) if fact.subject in model.entities else ""
        value = fact.obj.value if isinstance(fact.obj, TimeRef) else fact.obj
        return f"fact {fact.subject} {POINT_IN_TIME} {value}: {event} runs from {start} to {end}"

    return model.without_facts(outside)
