"""What figures measure: a quantity per amount found, with the indicator it measures (which noun: ``indicators``)
and the place it concerns.

>>> from kgraph.source import parse_article
>>> from kgraph.extract.doc import Doc
>>> from kgraph.extract.figures.amounts import find_amounts
>>> article = parse_article("x", "# Т\\n\\nТоварооборот составил 5 млн рублей.\\n")
>>> doc = Doc(article)
>>> doc.amounts = find_amounts(article.text)
>>> quantities(doc)
>>> [(q.value, q.unit) for q in doc.quantities]
[(Decimal('5000000'), 'RUB')]
"""

import re
from dataclasses import replace
from decimal import Decimal

from ...model import Quantity
from ...source import Span
from ..doc import Doc, Draft, Finder
from ..pipeline import component
from ..spans import Overlapping, SpanIndex
from ..text.normalise import parses
from .amounts import COMPARED, Amount
from .indicators import change_label, changed_by, indicator
from .subjects import figure_subject

_NAMED = {
    "schema:Person",
    "schema:Organization",
    "schema:NewsMediaOrganization",
    "schema:Country",
    "schema:City",
    "schema:AdministrativeArea",
}
"""The classes of whom a figure may be about."""


_NAMED_TYPES = frozenset({"PERSON", "ORGANIZATION", "COUNTRY", "CITY", "STATE_OR_PROVINCE", "LOCATION", "DISTRICT"})
"""The types of the entities whose mentions hold no measure's noun."""


_CLAUSE_VERB = re.compile(r"\s*[,—–]\s*([а-яё]+)")
"""A comma or a dash and the word after it, which may be the verb of a clause of its own."""


def _before_verb_clause(text: str, start: int, end: int) -> int:
    """Where the words after a figure (start..end) end before a comma or a dash and a verb, which opens a clause
    of its own ("Площадь пожара составила 12 тысяч квадратных метров, сообщили в ГУ МЧС по Московской области":
    the region is where the ministry's words come from, not what the figure is of).

    >>> text = "12 тысяч метров, сообщили в МЧС по Московской области"
    >>> text[:_before_verb_clause(text, 15, len(text))], _before_verb_clause("5%, а в Москве", 2, 14)
    ('12 тысяч метров', 14)
    """
    for comma in re.finditer(r"[,—–]", text[start:end]):
        verb = _CLAUSE_VERB.match(text, start + comma.start())
        if verb is not None and parses(verb.group(1))[0].tag.POS == "VERB":
            return start + comma.start()
        if _OF_THEM.match(text, start + comma.start()):
            return start + comma.start()  # "24 члена экипажа, из них 18 граждан России": Russia is the part's
    return end


_OF_THEM_WORDS = r",\s*из\s+(?:них|которых)\s"
_OF_THEM = re.compile(_OF_THEM_WORDS)
"""", из них" after a count: a part of it comes next ("24 члена экипажа, из них 18 граждан России")."""

_PART_AFTER = re.compile(r"[^.!?;\n]{0,60}?" + _OF_THEM_WORDS + r"\s*\Z")
"""What stands between a count and the next when the next is a part of it ("24 члена экипажа, из них 18")."""


def _out_of(text: str, amount: Amount, before: Amount | None) -> Decimal | None:
    """The total an amount is counted out of: its own ("76 из 89"), else the count right before it whose part it is
    said to be (", из них 18 граждан России": 18 of 24).

    >>> from kgraph.extract.figures.amounts import find_amounts
    >>> text = "На борту находятся 24 члена экипажа, из них 18 граждан России."
    >>> crew, citizens = find_amounts(text)
    >>> _out_of(text, citizens, crew), _out_of(text, crew, None)
    (Decimal('24'), None)
    """
    if amount.of_total is not None or before is None or before.unit != amount.unit or amount.value > before.value:
        return amount.of_total
    return before.value if _PART_AFTER.fullmatch(text, before.end, amount.start) else None


def _holding_organisation(doc: Doc, place: str, organisations: Overlapping[str], start: int, end: int) -> str | None:
    """The organisation whose name, begun within start..end, holds a mention of `place` there."""
    for mention in (m for m in doc.draft(place).mentions if start <= m.start < end):
        for s, e, organisation in organisations.overlapping(mention.start, mention.end):
            if start <= s and s <= mention.start and mention.end <= e:
                return organisation
    return None


_IN_BRACKETS_BEFORE = re.compile(r"\((?:по|около|более|почти|до|свыше)?\s*[+−–-]?\s*\Z")
_IN_BRACKETS_AFTER = re.compile(r"\s*\)")


def _bracket_opening(text: str, start: int, end: int) -> int | None:
    """Where the bracket opens that holds a figure (start..end) and little else ("(19,4%)", "(по 0,8%)"), or None.

    >>> text = "в Ингушетии (19,4%), в Москве (по 0,8%) и 5%"
    >>> _bracket_opening(text, 13, 18), _bracket_opening(text, 34, 38), _bracket_opening(text, 42, 44)
    (12, 30, None)
    """
    before = _IN_BRACKETS_BEFORE.search(text, max(0, start - 8), start)
    if before is None or _IN_BRACKETS_AFTER.match(text, end) is None:
        return None
    return before.start()


_PLACES = frozenset({"schema:Country", "schema:City", "schema:AdministrativeArea"})
"""The places a figure may concern."""
_LIST_START = re.compile(r"[,;:—–(]|\s-\s")


def _before_bracket(
    doc: Doc, text: str, bracket: int, places: Finder, organisations: Overlapping[str]
) -> tuple[str, ...]:
    """What a figure in brackets opening at `bracket` is of: the organisation or the place right before them
    ("Сбербанк России (45%)": the bank), or, after "(по", every place named in the list before them ("в Москве и
    Санкт-Петербурге (по 0,8%)": both)."""
    before = len(text[:bracket].rstrip())
    if not before:
        return ()
    holders = [ident for _, _, ident in organisations.overlapping(before - 1, before)]
    last = [ident for _, _, ident in places.overlapping(before - 1, before)]
    if holders or not last:
        return tuple(holders[:1])
    if not text.startswith("(по", bracket):
        return (last[0],)
    sentence = doc.sentence(before - 1)
    start = max([sentence.start, *(m.end() for m in _LIST_START.finditer(text, sentence.start, before))])
    named = sorted((s, ident) for s, _, ident in places.overlapping(start, before) if s >= start)
    return tuple(dict.fromkeys(ident for _, ident in named))


def _said_plainly_in_headline(doc: Doc, quantity: Quantity, amount: Amount) -> bool:
    """Whether `quantity` was read from the headline alone, with no qualifier, and `amount`, outside the headline,
    gives it one ("около", "более"): a figure of 100 or more (a small one may be another indicator's)."""
    headline = doc.article.headline
    first = quantity.evidence[0]
    return (
        len(quantity.evidence) == 1
        and headline.start <= first.start < headline.end
        and not headline.start <= amount.start < headline.end
        and amount.qualifier != "exactly"
        and abs(amount.value) >= 100
    )


@component("quantities", requires=("entities", "amounts"), assigns=("entities", "quantities"))
def quantities(doc: Doc) -> None:
    """Each amount as a quantity: what it measures (an indicator), the place it concerns and whom it is about
    (``subjects``); a figure said twice is one quantity with two evidence spans (a figure under 100 only when the
    headline says it and the text says it again of the same indicator), also where the text gives the headline's
    figure a qualifier ("около"), which the quantity then takes."""
    text, amounts = doc.clean, doc.amounts
    found = doc.quantities
    # the same figure said twice (a headline repeating the body) is one quantity with two evidence spans
    said: dict[tuple[object, ...], int] = {}
    nouns: dict[Span, list[tuple[int, re.Match[str]]]] = {}
    named = SpanIndex((m.start, m.end) for d in doc.drafts if d.nerel_type in _NAMED_TYPES for m in d.mentions)
    # the indicators added below are no places, persons or organisations: what these find stays as it is
    places = doc.finder(_PLACES)
    place_at = places.at
    named_at = doc.finder(_NAMED).at
    organisations = Overlapping(
        (m.start, m.end, doc.ids[i])
        for i, d in enumerate(doc.drafts)
        if d.nerel_type == "ORGANIZATION"
        for m in d.mentions
    )
    headline = doc.article.headline
    before: Amount | None = None
    change: tuple[int, Amount] | None = None  # the last quantity a value rose or fell by, and its amount
    for amount in amounts:
        previous = before
        out_of, before = _out_of(text, amount, before), amount
        level_of = change[0] if change is not None and _new_level(text, change[1], amount) else None
        changing = changed_by(text, amount)
        compared = _compared_to_before(doc, found, previous, amount) if changing is None else None
        is_change = changing is not None or compared is not None
        change = None
        evidence = doc.span(amount.start, amount.end)
        key = (amount.value, amount.unit, amount.qualifier, amount.of_total, is_change)
        again = said.get(key)
        plain = said.get((amount.value, amount.unit, "exactly", amount.of_total, is_change))
        if again is None and plain is not None and _said_plainly_in_headline(doc, found[plain], amount):
            # "# «Яндекс» купил … за 3 млрд рублей" and "Сумма сделки составила около 3 млрд рублей": a headline
            # leaves the text's qualifier out; one quantity, the text's qualifier
            found[plain] = replace(
                found[plain], qualifier=amount.qualifier, evidence=(*found[plain].evidence, evidence)
            )
            said.setdefault(key, plain)  # said a third time with the qualifier: the same quantity
            _changed_to(found, level_of, plain)
            continue
        measure = None
        if again is not None and abs(amount.value) < 100:
            # a small figure is said twice by chance ("16%" of a rate and of a tax), but the headline's and the
            # text's of the same indicator are one ("сохранил ключевую ставку на уровне 16%" in both)
            measure = indicator(doc, text, amount, nouns, named, changing)
            first = found[again].evidence[0]
            told = headline.start <= first.start < headline.end and not headline.start <= amount.start < headline.end
            again = again if told and found[again].measure == measure else None
        if again is not None:
            found[again] = replace(found[again], evidence=(*found[again].evidence, evidence))
            _changed_to(found, level_of, again)
            change = (again, amount) if is_change else None
            continue
        number = len(found) + 1
        if compared is not None:  # "составила 67,3 млрд рублей, что на 28% меньше": the fall of that figure
            measure = compared[0]
        measure = measure or indicator(doc, text, amount, nouns, named, changing)
        after = doc.sentence(amount.start)
        window_end = _before_verb_clause(text, amount.end, min(after.end, amount.end + 40))
        concerns = place_at(amount.end, window_end)
        if concerns is not None:  # a place in an organisation's name: the organisation ("акций Челябинского завода")
            concerns = _holding_organisation(doc, concerns, organisations, amount.end, window_end) or concerns
        about_all: tuple[str, ...] = (concerns,) if concerns is not None else ()
        if (bracket := _bracket_opening(text, amount.start, amount.end)) is not None:
            # "в Ингушетии (19,4%), самый низкий — в Москве": a figure in brackets is of what stands before them
            about_all = _before_bracket(doc, text, bracket, places, organisations)
        whom = figure_subject(doc.syntax, amount.start, amount.end, named_at)  # "Кожемяко набрал 78,5% голосов"
        about = tuple(dict.fromkeys(x for x in (whom, *about_all) if x is not None))
        said.setdefault(key, len(found))
        found.append(
            Quantity(
                f"quantity_{number}",
                amount.value,
                measure,
                (evidence,),
                unit=amount.unit,
                unit_text=None if amount.unit else amount.unit_text,
                qualifier=amount.qualifier,
                out_of=out_of,
                concerns=about,
                confidence=0.85 if amount.unit or amount.counted else 0.6,
            )
        )
        _changed_to(found, level_of, len(found) - 1)
        if compared is not None:
            _changed_to(found, len(found) - 1, compared[1])
        change = (len(found) - 1, amount) if is_change else None


_WHICH_IS = re.compile(r"[^\S\n]*,[^\S\n]*что[^\S\n]+(?:на[^\S\n]+)?")
"""", что на" between a figure and the next: the next says how the first compares ("…, что на 28% меньше")."""
_COMPARATIVE = re.compile(r"[^\S\n]+(меньше|больше|ниже|выше|дешевле|дороже)(?![а-яё])", re.IGNORECASE)
_MORE = frozenset({"больше", "выше", "дороже"})


def _compared_to_before(
    doc: Doc, found: list[Quantity], previous: Amount | None, amount: Amount
) -> tuple[str, int] | None:
    """The indicator of the rise or fall a figure says of the figure right before it ("Прибыль составила 67,3 млрд
    рублей, что на 28% меньше, чем годом ранее": the fall of the profit, which had measured a "доля"), and the
    quantity of that figure; None when the figure says no such thing."""
    text = doc.clean
    if previous is None or not found or found[-1].evidence[-1].start != previous.start:
        return None
    start = amount.start + 3 if amount.text.startswith("на ") else amount.start
    comparative = _COMPARATIVE.match(text, amount.end)
    if comparative is None or _WHICH_IS.fullmatch(text, previous.end, start) is None:
        return None
    direction = "rise" if comparative.group(1).lower() in _MORE else "fall"
    label = change_label(direction, doc.draft(found[-1].measure).label)
    word = doc.span(comparative.start(1), comparative.end(1))
    return doc.add(Draft("INDICATOR", label, [word], cls="kg:Indicator", confidence=0.5)), len(found) - 1


_NEW_LEVEL = re.compile(
    rf"(?:[^\S\n]+[а-яё]+){{0,2}}(?:[^\S\n]+{COMPARED}(?=,))?[^\S\n]*[,—–-]?[^\S\n]*(?:и\s+)?"
    r"(?:(?<![А-ЯЁа-яё])до|(?:составил|достиг)[а-яё]*)\s+\Z"
)
"""What lies between a figure a value changed by and the value it changed to: "на 4,5% — до 18,2 млрд", "на 8% и
составила 120 млрд", "на 25 базисных пунктов, до 3,25%" (two words of the unit at most; not another noun's value:
"на 2%, а зарплаты составили 50 тысяч"); a comparison between ("на 21,3% по сравнению с аналогичным периодом
прошлого года, до 618,4 млрд")."""


def _new_level(text: str, change: Amount, amount: Amount) -> bool:
    """Whether `amount` is the value that `change` (what a value rose or fell by, said just before) changed to."""
    leading = amount.text[:3] == "до " and amount.qualifier == "exactly"
    return _NEW_LEVEL.fullmatch(text, change.end, amount.start + (3 if leading else 0)) is not None


def _changed_to(found: list[Quantity], change: int | None, level: int) -> None:
    """The quantity at `change` is the rise or fall of the one at `level` (``kg:changeOf``)."""
    if change is not None and change != level:
        found[change] = replace(found[change], change_of=found[level].id)
