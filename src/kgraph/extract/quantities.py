"""Amounts in text: a yargy grammar for [qualifier] number [multiplier] [unit] [of what].

>>> [(a.text, a.value, a.unit, a.qualifier) for a in find_amounts("поставлено более 500 млн тонн нефти")]
[('более 500 млн тонн', Decimal('500000000'), 't', 'moreThan')]
>>> [(a.text, a.counted) for a in find_amounts("приехали 1600 человек из 24 регионов")]
[('1600', 'человек'), ('24', 'регионов')]
"""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from .normalise import parses

_MULTIPLIERS = {
    "тыс": 1000,
    "тысяча": 1000,
    "млн": 10**6,
    "миллион": 10**6,
    "млрд": 10**9,
    "миллиард": 10**9,
    "трлн": 10**12,
    "триллион": 10**12,
}
_UNITS = {
    "доллар": "USD",
    "$": "USD",
    "рубль": "RUB",
    "руб": "RUB",
    "₽": "RUB",
    "евро": "EUR",
    "€": "EUR",
    "километр": "km",
    "км": "km",
    "метр": "m",
    "тонна": "t",
    "процент": "%",
    "%": "%",
}
_CURRENCIES = {
    "доллар",
    "рубль",
    "руб",
    "евро",
    "фунт",
    "юань",
    "иена",
    "гривна",
    "франк",
    "тенге",
    "рупия",
    "$",
    "€",
    "£",
    "₽",
}
_QUALIFIERS = {
    "более": "moreThan",
    "свыше": "moreThan",
    "больше": "moreThan",
    "около": "about",
    "порядка": "about",
    "примерно": "about",
    "приблизительно": "about",
    "почти": "almost",
    "менее": "lessThan",
    "меньше": "lessThan",
    "ровно": "exactly",
}
_NOT_COUNTED = {
    "год",
    "г",
    "гг",
    "час",
    "минута",
    "секунда",
    "раз",
    "век",
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
}


@dataclass(frozen=True)
class Amount:
    """A figure found in text: its words, value, unit code (or None), qualifier and counted noun."""

    start: int
    end: int
    text: str
    value: Decimal
    unit: str | None
    unit_text: str | None
    qualifier: str
    counted: str | None = None
    counted_start: int | None = None
    figure_start: int | None = None

    @property
    def is_money(self) -> bool:
        """Whether the unit is a currency."""
        return self.unit_text is not None and any(_unit_lemma(w) in _CURRENCIES for w in self.unit_text.split())

    @property
    def is_percent(self) -> bool:
        """Whether the amount is a percentage."""
        return self.unit == "%"


def _unit_lemma(words: str) -> str:
    first = words.split()[0] if words.split() else words
    return str(parses(first.lower())[0].normal_form) if first[:1].isalpha() else first


@lru_cache(maxsize=1)
def _parser() -> Any:
    from yargy import Parser, or_, rule  # type: ignore[import-untyped]
    from yargy.predicates import caseless, eq, gram, in_, normalized  # type: ignore[import-untyped]
    from yargy.predicates import type as token_type

    integer = token_type("INT")
    number = or_(rule(integer, in_({",", "."}), integer), rule(integer))
    multiplier = or_(
        rule(in_caseless(caseless, ("тыс", "млн", "млрд", "трлн")), eq(".").optional()),
        *(rule(normalized(word)) for word in ("тысяча", "миллион", "миллиард", "триллион")),
    )
    unit = or_(
        rule(normalized("доллар"), caseless("США").optional()),
        rule(gram("ADJF"), or_(*(rule(normalized(word)) for word in ("доллар", "фунт", "франк", "юань")))),
        rule(normalized("фунт"), normalized("стерлинг").optional()),
        *(rule(normalized(word)) for word in ("рубль", "евро", "юань", "иена", "гривна", "франк", "тенге")),
        rule(caseless("руб"), eq(".").optional()),
        *(rule(normalized(word)) for word in ("километр", "метр", "тонна", "процент")),
        rule(caseless("км")),
        rule(eq("%")),
    )
    prefix_currency = in_({"$", "€", "£", "₽"})
    qualifier = or_(
        rule(in_caseless(caseless, tuple(_QUALIFIERS)), caseless("чем").optional()),
        rule(caseless("не"), in_caseless(caseless, ("более", "менее"))),
    )
    amount = rule(qualifier.optional(), prefix_currency.optional(), number, multiplier.optional(), unit.optional())
    return Parser(amount)


def in_caseless(caseless: Any, words: tuple[str, ...]) -> Any:
    """A yargy predicate: the token is one of `words`, ignoring case."""
    from yargy import or_

    return or_(*(caseless(word) for word in words))


def _value(digits: str) -> Decimal | None:
    try:
        return Decimal(digits.replace(",", ".").replace(" ", ""))
    except InvalidOperation:
        return None


def find_amounts(text: str) -> list[Amount]:
    """Every amount in `text` with its qualifier, value (multiplied out) and unit; years and days left out."""
    if not re.search(r"\d", text):
        return []
    amounts = []
    for start, end in _windows(text):
        amounts.extend(_amounts_in(text, start, end))
    return amounts


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches of text around each number, within its line, from word boundary to word boundary.

    yargy's chart grows with the text it reads, so it reads only where an amount can be.
    """
    windows: list[tuple[int, int]] = []
    for digits in re.finditer(r"\d+", text):
        line_start = text.rfind("\n", 0, digits.start()) + 1
        line_end = text.find("\n", digits.end())
        line_end = len(text) if line_end == -1 else line_end
        before = re.search(r"(?:\S+\s+){0,3}\S*$", text[max(line_start, digits.start() - 40) : digits.start()])
        after = re.match(r"(?:\S*\s+){0,5}\S*", text[digits.end() : min(line_end, digits.end() + 80)])
        start = digits.start() - (len(before.group()) if before else 0)
        end = digits.end() + (len(after.group()) if after else 0)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


def _amounts_in(text: str, start_at: int, end_at: int) -> list[Amount]:
    """The amounts within text[start_at:end_at] (yargy's chart grows with the text: parse lines alone)."""
    amounts = []
    for match in _parser().findall(text[start_at:end_at]):
        tokens = match.tokens
        words = [token.value for token in tokens]
        index, qualifier = 0, "exactly"
        first = words[0].lower()
        if first == "не":
            qualifier = "moreThan" if words[1].lower() == "менее" else "lessThan"
            index = 2
        elif first in _QUALIFIERS:
            qualifier = _QUALIFIERS[first]
            index = 2 if len(words) > 1 and words[1].lower() == "чем" else 1
        prefix, figure_start = None, start_at + tokens[min(index, len(tokens) - 1)].span.start
        if words[index] in {"$", "€", "£", "₽"}:
            prefix, index = words[index], index + 1
        if index >= len(words) or not words[index].isdigit():
            continue
        if index + 2 < len(words) and words[index + 1] in {",", "."} and words[index + 2].isdigit():
            value, index = _value(words[index] + "." + words[index + 2]), index + 3
        else:
            value, index = _value(words[index]), index + 1
        if value is None:
            continue
        multiplied = index < len(words) and _unit_lemma(words[index]) in _MULTIPLIERS
        if multiplied:
            value *= _MULTIPLIERS[_unit_lemma(words[index])]
            index += 1
            if index < len(words) and words[index] == ".":
                index += 1
        end = start_at + tokens[-1].span.stop
        unit_text = " ".join(words[index:]) if index < len(words) else prefix
        unit = _UNITS.get(_unit_lemma(unit_text)) if unit_text else None
        start = start_at + tokens[0].span.start
        counted, counted_start = _counted(text, end) if unit_text is None else (None, None)
        if unit_text is None and counted is None and not multiplied:
            continue  # a bare number (a year, a page, a score) says nothing we can type
        if unit_text is None and counted and _unit_lemma(counted) in _NOT_COUNTED:
            continue
        amounts.append(
            Amount(
                start,
                end,
                text[start:end],
                _plain(value),
                unit,
                unit_text,
                qualifier,
                counted,
                counted_start,
                figure_start,
            )
        )
    return amounts


def _plain(value: Decimal) -> Decimal:
    """7.5E+3 -> 7500, 4.50 -> 4.5: the value as a person writes it."""
    if value == value.to_integral_value():
        return Decimal(int(value))
    return Decimal(format(value.normalize(), "f"))


def _counted(text: str, end: int) -> tuple[str | None, int | None]:
    """The noun counted by a bare number ("1600 человек", "6,5 тыс. совместных предприятий"), if any."""
    position = end
    for _ in range(3):
        match = re.match(r"\s+([А-Яа-яЁё]+)", text[position:])
        if match is None:
            return None, None
        word = match.group(1)
        tag = parses(word.lower())[0].tag
        if "NOUN" in tag and not word[:1].isupper():
            return word, position + match.start(1)
        if not ({"ADJF", "PRTF"} & set(str(tag).replace(" ", ",").split(","))):
            return None, None
        position += match.end()
    return None, None
