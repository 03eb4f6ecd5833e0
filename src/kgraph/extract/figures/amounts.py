"""Amounts in text: a yargy grammar for [qualifier] [range start] number [multiplier] [unit] [of what].

>>> [(a.text, a.value, a.unit, a.qualifier) for a in find_amounts("поставлено более 500 млн тонн нефти")]
[('более 500 млн тонн', Decimal('500000000'), 't', 'moreThan')]
>>> [(a.text, a.counted) for a in find_amounts("приехали 1600 человек из 24 регионов")]
[('1600', 'человек'), ('24', 'регионов')]
>>> [(a.text, a.value, a.qualifier) for a in find_amounts("штраф от 3 до 5 тыс. руб. Суд")]
[('от 3 до 5 тыс. руб', Decimal('3000'), 'atLeast'), ('от 3 до 5 тыс. руб', Decimal('5000'), 'atMost')]
"""

import gc
import re
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from ..text import words as text_words
from ..text.normalise import parses
from . import amount_words as vocab
from .amount_windows import ANCHOR, UNITLESS_MEASURE_BEFORE, Marks, counted_noun, holds_no_amount, spelt, windows

_SPACES = {" ", "\u00a0", "\u202f", "\u2009"}


@dataclass(frozen=True)
class Amount:
    """A figure found in text: its words, value, unit code (or None), qualifier and counted noun.

    A range ("от 3 до 5 тыс. руб.") is two amounts over the same words: its lower and its upper bound. A share
    ("76 из 89 субъектов") is one amount, 76, with `of_total` 89.
    `figure_start` is where a NEREL-style mention starts when that is not `start` (None: at `start`).
    """

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
    of_total: Decimal | None = None

    @property
    def is_money(self) -> bool:
        """Whether the unit is a currency."""
        return self.unit_text is not None and any(vocab.lemmas(w) & vocab.CURRENCIES for w in self.unit_text.split())

    @property
    def is_percent(self) -> bool:
        """Whether the amount is a percentage."""
        return self.unit == "%"

    @property
    def nerel_mention(self) -> tuple[int, int, str] | None:
        """Its NEREL mention, (start, end, "MONEY" or "PERCENT"), or None for any other figure. NEREL train mostly
        keeps a qualifier in the mention ("более 45 тысяч рублей", 33 of 45 sums), but not "в"/"на" after it
        ("более чем на [20 процентов]"): `figure_start` says where such a mention starts."""
        if not (self.is_money or self.is_percent):
            return None
        start = self.start if self.figure_start is None else self.figure_start
        return start, self.end, "MONEY" if self.is_money else "PERCENT"


def find_amounts(text: str) -> list[Amount]:
    """Every amount in `text` with its qualifier, value (multiplied out) and unit; years and days left out.

    A bare "12 миллиардов" right after a sum in its paragraph is a sum in the same currency:
    >>> [(a.text, a.value, a.unit) for a in find_amounts("Бюджет — 17 млрд рублей, из них 12 миллиардов на дороги.")]
    [('17 млрд рублей', Decimal('17000000000'), 'RUB'), ('12 миллиардов', Decimal('12000000000'), 'RUB')]
    """
    if not ANCHOR.search(text):
        return []
    amounts = []
    collecting = gc.isenabled()
    gc.disable()  # yargy's chart is cyclic garbage: freed window by window, not by full collections of the heap
    try:
        for start, end in windows(text):
            if holds_no_amount(text, start, end):
                continue
            amounts.extend(_amounts_in(text, start, end))
            gc.collect(0)  # only what this window made: full collections grew with the heap, not the text
        # the rest with the collector off too: on, its first collection would take in every window's count at once
        kept = [a for a in amounts if not _opens_ordinal(text, a) and not _season_end(text, a.start)]
        found = _in_paragraph_currency(text, _compounds(kept, text))
        return _as_verbs_bound(text, _currency_as_named_elsewhere(found))
    finally:
        if collecting:
            gc.enable()


_SEASON_END = re.compile(r"(?:1[89]|20)\d\d/\Z")
"""A year and a slash before a figure: "в сезоне 2026/27" names a season, its "27" no amount."""


def _season_end(text: str, start: int) -> bool:
    """Whether a year and a slash end right before `start` (the five characters before it only, not the whole text
    before each amount)."""
    return _SEASON_END.search(text, max(0, start - 5), start) is not None


_MAGNITUDE_END = re.compile(r"(\w+)\.?\Z")
_SMALLER_PART = re.compile(r"(\d{1,3})[ \u00a0]+(\w+)")


def _compounds(amounts: list[Amount], text: str) -> list[Amount]:
    """Amounts written in parts of falling magnitude joined into one: "1 млн 222 тыс. рублей" is 1,222,000 roubles,
    not a million and then 222,000 roubles; "2 млрд 500 млн долларов" is 2.5 billion dollars.

    >>> [(a.text, a.value, a.unit) for a in find_amounts("Население выросло до 1 млн 222 тыс. человек.")]
    [('до 1 млн 222 тыс.', Decimal('1222000'), None)]
    """
    joined: list[Amount] = []
    for amount in amounts:
        last = joined[-1] if joined else None
        whole = last is not None and _followed_by_part(last, amount, text)
        if last is not None and whole and (len(joined) < 2 or joined[-2].text != last.text):  # not a range's bound
            joined[-1] = replace(
                amount,
                start=last.start,
                text=text[last.start : amount.end],
                value=last.value + amount.value,
                qualifier=last.qualifier,
                figure_start=last.figure_start,
            )
        else:
            joined.append(amount)
    return joined


def _followed_by_part(first: Amount, then: Amount, text: str) -> bool:
    """Whether `then` is the next, smaller part of the figure `first` begins: only spaces between, `first` ends
    with a magnitude and has no unit, and `then` is a number under a thousand of a smaller magnitude."""
    if first.unit_text is not None or first.counted is not None or text[first.end : then.start].strip(" \u00a0"):
        return False
    if then.start == first.end or then.of_total is not None:
        return False
    above = _MAGNITUDE_END.search(first.text)
    part = _SMALLER_PART.match(then.text)
    high = vocab.multiplier(above.group(1)) if above else None
    low = vocab.multiplier(part.group(2)) if part else None
    return high is not None and low is not None and low < high and then.value < high


def _currency_as_named_elsewhere(amounts: list[Amount]) -> list[Amount]:
    """A sum in a currency of several countries ("2 млрд фунтов") in the currency the text names in full elsewhere
    with the same word ("2 млрд фунтов стерлингов": GBP), when it names one so.

    >>> [a.unit for a in find_amounts("Выделят 2 млрд фунтов. Всего 2 млрд фунтов стерлингов.")]
    ['GBP', 'GBP']
    """
    coded: dict[str, set[str]] = {}
    for amount in amounts:
        if amount.is_money and amount.unit and amount.unit_text:
            for word in amount.unit_text.split():
                coded.setdefault(vocab.unit_lemma(word), set()).add(amount.unit)
    found = []
    for amount in amounts:
        if amount.is_money and amount.unit is None and amount.unit_text:
            codes = coded.get(vocab.unit_lemma(amount.unit_text.split()[0]), set())
            if len(codes) == 1:
                amount = replace(amount, unit=next(iter(codes)))
        found.append(amount)
    return found


_ROUND_NUMERAL = re.compile(
    r"(?:двадцать|тридцать|сорок|пятьдесят|шестьдесят|семьдесят|восемьдесят|девяносто|сто|двести|триста|четыреста"
    r"|пятьсот|шестьсот|семьсот|восемьсот|девятьсот|тысяча)\Z",
    re.IGNORECASE,
)
"""A round number spelt out (tens, hundreds, a thousand), the last word of an amount's."""


def _opens_ordinal(text: str, amount: Amount) -> bool:
    """Whether the amount is the round number opening a compound ordinal ("двадцать первый": the 21st, no 20):
    a round number spelt out, then an ordinal.

    >>> found = find_amounts("двадцать первый пакет, сто двадцать пятом туре, пять первых мест, двадцать пять мест")
    >>> [a.text for a in found]
    ['пять', 'двадцать пять']
    """
    after = text_words.words(text).after(amount.end, text_words.RUSSIAN)
    return (
        after is not None
        and _ROUND_NUMERAL.search(amount.text) is not None
        and "Anum" in parses(after.text.lower())[0].tag
    )


_EXCEEDED = re.compile(r"(?:\b(не)\s+)?\b((?:превы[сш]|превзо[шй]|превосх)\w*)\s+\Z", re.IGNORECASE)
"""A word of exceeding right before a figure, with "не" before it or not: "превысила 120 тысяч гектаров"."""
_VERB_FORMS = frozenset({"VERB", "INFN", "PRTF", "PRTS", "GRND"})
"""A verb's forms: a word of exceeding must be one to bound a figure."""


def _as_verbs_bound(text: str, amounts: list[Amount]) -> list[Amount]:
    """A figure a verb right before it says is exceeded is a lower bound ("площадь превысила 120 тысяч гектаров":
    more than 120,000), and one it says is not exceeded an upper bound ("не превышает 5%": at most 5%); the verb
    stays outside the figure's words, as NEREL leaves it.

    >>> [(a.value, a.qualifier) for a in find_amounts("Площадь превысила 120 тысяч гектаров, а ущерб не превысит 5%.")]
    [(Decimal('120000'), 'moreThan'), (Decimal('5'), 'atMost')]
    >>> [(a.value, a.qualifier) for a in find_amounts("Поток превысит 5,2 млн человек. Норму превысили 30 водителей.")]
    [(Decimal('5200000'), 'moreThan'), (Decimal('30'), 'exactly')]
    """
    found = []
    for amount in amounts:
        verb = _EXCEEDED.search(text, max(0, amount.start - 40), amount.start)
        if verb is not None and parses(verb.group(2).lower())[0].tag.POS not in _VERB_FORMS:
            verb = None  # "превышение 5%": a noun, the figure is how much
        counted_exceeded = amount.counted and "anim" in parses(amount.counted.lower())[0].tag
        if verb is not None and counted_exceeded and "plur" in parses(verb.group(2).lower())[0].tag:
            verb = None  # "скорость превысили 30 водителей": who exceeded, counted ("превысит 5,2 млн человек")
        if verb is not None and amount.qualifier == "exactly":
            amount = replace(amount, qualifier="atMost" if verb.group(1) else "moreThan")
        found.append(amount)
    return found


def _in_paragraph_currency(text: str, amounts: list[Amount]) -> list[Amount]:
    """A bare multiplied figure ("— 316 млн") right after a sum in its paragraph is a sum in the same currency.

    The currency is that of the last sum not in brackets: "368 млн рублей (около 5,8 млн долларов), 316 млн".
    `amounts` are in text order.
    """
    lines, opened, closed = Marks(text, "\n"), Marks(text, r"\("), Marks(text, r"\)")
    found: list[Amount] = []
    last_sum: Amount | None = None  # the last sum so far, and the last not in brackets
    last_plain_sum: Amount | None = None
    for amount in amounts:
        paragraph = lines.before(amount.start)
        bare = amount.unit_text is None and amount.counted is None
        if bare and found and found[-1].start > paragraph and found[-1].is_money and _of_a_sum(text, found[-1], amount):
            plain = last_plain_sum is not None and last_plain_sum.start > paragraph
            money = last_plain_sum if plain else last_sum
            assert money is not None  # found[-1] is a sum
            amount = replace(amount, unit=money.unit, unit_text=money.unit_text)
        found.append(amount)
        if amount.is_money:
            last_sum = amount
            if opened.before(amount.start) <= closed.before(amount.start):
                last_plain_sum = amount
    return found


def _of_a_sum(text: str, money: Amount, amount: Amount) -> bool:
    """Whether a bare figure after a sum may be a sum too: in the sum's sentence, or in a later one that counts
    nothing ("Число заявок составило около 95 тыс." after "достигла около 68 млрд рублей" counts applications; "Его
    соотечественник зарабатывает 30 миллионов в год" after a salary in euros is in euros)."""
    sentence = re.search(
        r"[.!?]\s+(?=[А-ЯЁA-Z«\"])(?!.*[.!?]\s+[А-ЯЁA-Z«\"])", text[money.end - 1 : amount.start], re.S
    )
    if sentence is None:
        return True
    return _COUNTING.search(text, money.end - 1 + sentence.end(), amount.start) is None


_COUNTING = re.compile(r"(?<![А-ЯЁа-яё])(?:числ[оа]|количеств[оа]|численност[ьи])(?![А-ЯЁа-яё])", re.IGNORECASE)
"""A noun that makes a figure a count of something: "число заявок составило около 95 тыс."."""


class _Misread(Exception):
    """The grammar joined tokens the text keeps apart ("в 2008, 500 рублей"): read again from `token`."""

    def __init__(self, token: int) -> None:
        self.token = token


def _amounts_in(text: str, start_at: int, end_at: int) -> list[Amount]:
    """The amounts within text[start_at:end_at] (yargy's chart grows with the text: parse lines alone)."""
    amounts = []
    for match in vocab.parser(spelt(text[start_at:end_at])).findall(text[start_at:end_at]):
        tokens = match.tokens
        try:
            amounts.extend(_read(text, start_at, tokens))
        except _Misread as misread:
            amounts.extend(
                _amounts_in(text, start_at + tokens[misread.token].span.start, start_at + tokens[-1].span.stop)
            )
    return amounts


def _figure(text: str, offset: int, tokens: list[Any], index: int) -> tuple[Decimal, int | None, int, bool]:
    """The number at tokens[index] multiplied out, its multiplier, where it ends, and whether it is vague.

    Digits ("480 000", "2,5"), number words ("полтора"), a lone "миллион"; a vague figure ("несколько миллионов",
    "миллиарды") has its least value.
    """
    words = [token.value for token in tokens]

    def gap(at: int) -> str:
        return text[offset + tokens[at - 1].span.stop : offset + tokens[at].span.start]

    vague = False
    if words[index].isdigit():
        digits, first, index = words[index], words[index], index + 1
        while len(first) <= 3 and index < len(words) and words[index].isdigit() and len(words[index]) == 3:
            if gap(index) not in _SPACES:
                raise _Misread(index)
            digits, index = digits + words[index], index + 1
        if index + 1 < len(words) and words[index] in {",", "."} and words[index + 1].isdigit():
            if gap(index) or gap(index + 1):
                raise _Misread(index + 1)
            digits, index = digits + "." + words[index + 1], index + 2
        value = Decimal(digits)
    elif vocab.numeral(words[index]) is not None:
        value = Decimal(0)
        while index < len(words) and (numeral := vocab.numeral(words[index])) is not None:
            value, index = value + numeral, index + 1
    elif "несколько" in vocab.lemmas(words[index]) or vocab.scale(words[index]):
        value, vague = Decimal(1), True
        index += 1 if "несколько" in vocab.lemmas(words[index]) else 0
        if index < len(words) and (scale := vocab.scale(words[index])):
            value, index = Decimal(scale), index + 1
    else:
        value = Decimal(1)  # "миллион долларов": the multiplier alone, "миллиарды долларов": more than one
        vague = not any(p.tag.number == "sing" for p in parses(words[index].lower()))
    multiplier = vocab.multiplier(words[index]) if index < len(words) else None
    if multiplier is not None:
        value, index = value * multiplier, index + 1
        if index < len(words) and words[index] == "." and words[index - 1].lower() in vocab.MULTIPLIERS:
            index += 1  # "тыс."
    return value, multiplier, index, vague


_NOT_COUNTED_IN_WORDS = {"день", "неделя", "месяц", "сутки", "десяток", "сотня", "пара"}
"""What a count in words ("шесть человек") does not count: spans of time, and words that multiply (20 films)."""
_MINUS = re.compile(r"(?:^|[\s(])[-−–]\Z")
_MINUS_WORD = re.compile(r"(?<![\w-])минус\s+\Z", re.IGNORECASE)
"""The word "минус" right before a figure, which makes it negative ("минус 55 градусов", "минус 0,5%")."""
_WEATHER = re.compile(
    r"(?<!\w)(?:температур|мороз|жар[аоуеы]|зно[йея]|тепл[аоуе]\b|холод|потеплени|похолодани|синоптик|"
    r"гидрометцентр|погод|ниже нуля|выше нуля|минус|плюс)",
    re.IGNORECASE,
)
"""Words of the weather or of a temperature near a count of degrees, which make them degrees Celsius ("температура
опустилась до минус 55 градусов"; "развернулся на 180 градусов" is an angle)."""
_CLOCK_BEFORE = re.compile(r"\d:\Z")
_LATIN_NAME_BEFORE = re.compile(r"(?<![\w-])[A-Za-z][A-Za-z0-9]*[A-Za-z][A-Za-z0-9]* \Z")
"""A word in Latin letters right before a bare number, which names a model with it ("Superjet 100", "Boeing 737",
"iPhone 4": NEREL train marks such a number inside the name as a NUMBER of its own, no count of anything)."""
_CLOCK_AFTER = re.compile(r":\d")
_SECTIONS = {"ч", "п", "пп", "ст", "гл", "абз", "разд", "подп"}
"""Abbreviations of a law's parts: "ч. 1 ст. 213 УК", "п. 3"; a number after one (or before one) is its number."""
_SECTION_BEFORE = re.compile(rf"(?<![^\W\d_])(?:(?:{'|'.join(_SECTIONS)})\.|№)\s*\Z", re.IGNORECASE)
_SECTION_WORD_BEFORE = re.compile(r"(?<![^\W\d_])(?:част|стать|пункт|подпункт|абзац)[а-яё]*\s+\Z", re.IGNORECASE)
"""A law's part written whole before its number ("части 4 статьи 159"), when nothing but a part follows the
number ("Часть 30 тысяч рублей" is a sum)."""
_SENTENCE_END = re.compile(r"[ \t\u00a0]*(?:\n|$)|\s+[A-ZА-ЯЁ]")
_OUNCES = re.compile(r"\s+\d+\s+унци")


def _sentence_ends(text: str, position: int) -> bool:
    """Whether a period just before `position` ends its sentence (a line end or a capital follows)."""
    return _SENTENCE_END.match(text, position) is not None


def _read(text: str, offset: int, tokens: list[Any]) -> list[Amount]:
    """The amount (or the two bounds of a range) that one grammar match spells."""
    words = [token.value for token in tokens]
    qualifier, index, mention_index = _qualifier([word.lower() for word in words])
    qualified = index > 0
    lead, low, low_multiplier, low_vague, index = _lead(text, offset, tokens, index)
    prefix = None
    if words[index] in {"$", "€", "£", "₽"}:
        prefix, index = words[index], index + 1
    figure_index = index
    value, multiplier, index, vague = _figure(text, offset, tokens, index)
    if index + 1 < len(words) and words[index] in vocab.DASHES and vocab.starts_figure(words[index + 1]):
        lead, low, low_multiplier, low_vague = "-", value, multiplier, vague
        figure_index = index + 1
        value, multiplier, index, vague = _figure(text, offset, tokens, index + 1)
    if index < len(words) and words[index] in vocab.DASHES:
        index += 1  # "50-процентный"
    end = _end(text, offset, tokens)
    unit_words = [word for word in words[index:] if word != "."]
    unit_text = " ".join(unit_words) if unit_words else prefix
    unit = vocab.unit_code(unit_words) if unit_words else vocab.UNITS.get(prefix) if prefix else None
    if unit == "%" and len(unit_words) == 2 and vocab.unit_lemma(unit_words[1]) == "пункт":
        unit = None  # percentage points ("на 1,5 процентного пункта"), which Wikidata's percent would misstate
    elif [word.lower() for word in unit_words] == ["п", "п"]:
        unit_text = "п.п."  # the same, abbreviated
    # "с 5 до 7 человек": the figure alone (what it changed to). "до 30 тысяч рублей", "до 200 тысяч свиней" keep
    # "до": of NEREL train's MONEY, NUMBER and PERCENT mentions by a "до", 15 start with it and 13 after it, most of
    # those bare numbers ("до 13") or a rise; "до 2 %" is mostly "rose to", and NEREL leaves it out. A range of a
    # count ("от 250 до 300 магазинов", "50-70 человек") is at least the first and at most the second, as a sum's
    dropped = unit == "%" if lead == "до" else lead == "с" and unit_text is None
    if dropped:
        lead, low = None, None
    start = offset + tokens[figure_index if dropped and not qualified else 0].span.start
    figure_start = offset + tokens[figure_index].span.start
    if unit == "°C" and low is None and _MINUS.search(text, max(0, figure_start - 2), figure_start):
        value, start = -value, min(start, figure_start - 1)  # "-30 °C", "до −5 °C": below zero
    elif low is None and (minus := _MINUS_WORD.search(text, max(0, figure_start - 8), figure_start)):
        value, start = -value, min(start, minus.start())  # "до минус 55 градусов": below zero
    if (start > 0 and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
        return []  # glued to letters: a code or an encoded address ("%D0%BE"), not an amount
    if start > 1 and text[start - 1] in "-‐‑–" and text[start - 2].isalpha():
        return []  # a name's number: "COVID-19", "МиГ-29"
    if unit_text is None and multiplier is None and _LATIN_NAME_BEFORE.search(text, max(0, start - 40), start):
        return []  # a model's number: "Superjet 100 авиакомпании" is one aircraft, no hundred airlines
    if _CLOCK_BEFORE.search(text, max(0, start - 2), start) or _CLOCK_AFTER.match(text, end):
        return []  # a time or a score: "17:00", "2:1"
    if _SECTION_BEFORE.search(text, max(0, start - 8), start):
        return []  # a part's or an article's number: "ч. 8", "ст. 20.2", "№ 5"
    counted, counted_start = counted_noun(text, end) if unit_text is None else (None, None)
    if counted and counted_start is not None and _degrees_of_heat(text, start, counted):
        unit, unit_text, end = "°C", counted, counted_start + len(counted)
        counted = counted_start = None
    law_part = unit_text is None and multiplier is None and _SECTION_WORD_BEFORE.search(text, max(0, start - 12), start)
    if law_part and (counted is None or _SECTION_WORD_BEFORE.match(counted + " ")):
        return []  # "части 4 статьи 159", "по статье 105"
    if (
        counted is not None
        and counted.lower() in _SECTIONS
        and text.startswith(".", (counted_start or 0) + len(counted))
    ):
        return []  # "8 ст. 20.2 КоАП": a part of an article, no count of anything
    unitless = UNITLESS_MEASURE_BEFORE.search(text, max(0, start - 20), start)
    if unit_text is None and counted is None and multiplier is None and not unitless:
        return []  # a bare number (a year, a page, a score) says nothing we can type; a magnitude's does
    if unit_text is None and counted and vocab.unit_lemma(counted) in vocab.NOT_COUNTED:
        return []
    if words[figure_index][:1].isalpha() and unit_text is None and multiplier is None:
        if counted and vocab.unit_lemma(counted) in _NOT_COUNTED_IN_WORDS:
            return []  # "две недели", "два десятка фильмов": a span of time, a figure of its own
        if not any(reading.tag.case == "nomn" for reading in parses(words[figure_index].lower())):
            return []  # "главы двух государств", "в трёх кинотеатрах": a count said in passing, no figure reported
    if any("фунт" in vocab.lemmas(word) for word in unit_words) and _OUNCES.match(text, end):
        return []  # "8 фунтов 6 унций": a weight
    if lead == "до" and qualifier == "exactly" and not _changes_to(text, offset + tokens[0].span.start):
        qualifier = "atMost"  # "штраф до 30 тысяч рублей"; "вырастет до 300 тыс. рублей" names the new level
    elif lead is None and qualifier == "exactly" and _lower_bound(text, start, prefix, unit_words):
        qualifier = "atLeast"  # "по цене от 95 тысяч рублей" (NEREL leaves "от" out of the sum, as here)
    bounds, total = [(value, qualifier)], None
    if lead == "из" and low is not None:  # "76 из 89 субъектов": 76 of a total of 89
        share = _shared_multiplier(low, value, low_multiplier, multiplier)
        if share > value:
            raise _Misread(figure_index)  # "в 2019 из 500 тонн": no share of the figure after it
        bounds, total = [(share, qualifier)], value
    elif low is not None:
        bounds = _range(low, value, qualifier, lead, low_vague, low_multiplier, multiplier)
    if vague and total is None:
        bounds[-1] = (value, "moreThan")  # "несколько миллионов": more than a million
    if unit is None and unit_words and (subunit := vocab.SUBUNITS.get(vocab.unit_lemma(unit_words[0]))):
        unit, share = subunit  # "95 копеек": 0.95 RUB
        bounds = [(v * share, q) for v, q in bounds]
    mention = offset + tokens[mention_index].span.start if mention_index else None
    return [
        Amount(start, end, text[start:end], _plain(v), unit, unit_text, q, counted, counted_start, mention, total)
        for v, q in bounds
    ]


def _degrees_of_heat(text: str, start: int, counted: str) -> bool:
    """Whether a figure at `start` counts degrees Celsius: "градусов" with a word of the weather or of a
    temperature in its sentence, before it or just after.

    >>> text = "Температура опустилась до минус 55 градусов. Он развернулся на 180 градусов."
    >>> _degrees_of_heat(text, 26, "градусов"), _degrees_of_heat(text, 63, "градусов")
    (True, False)
    """
    if vocab.unit_lemma(counted) != "градус":
        return False
    opens = max(text.rfind(".", 0, start), text.rfind("\n", 0, start), start - 200)
    closes = min((at for at in (text.find(".", start), text.find("\n", start)) if at >= 0), default=len(text))
    return _WEATHER.search(text, opens + 1, min(closes, start + 80)) is not None


def _lower_bound(text: str, start: int, prefix: str | None, unit_words: list[str]) -> bool:
    """Whether a sum at `start` is a lower bound: "от" before it, after a noun or a verb of price ("по цене от 95
    тысяч рублей", "стоят от $30"), not after a verb that governs "от" ("отказался от 5 млн рублей").

    >>> _lower_bound("по цене от 95 тысяч рублей", 11, None, ["тысяч", "рублей"])
    True
    >>> _lower_bound("отказался от 5 млн рублей", 13, None, ["млн", "рублей"])
    False
    """
    found = _FROM_BEFORE.search(text, max(0, start - 40), start)
    if found is None or not (prefix is not None or any(vocab.lemmas(word) & vocab.CURRENCIES for word in unit_words)):
        return False
    word = found.group(1).lower()
    readings = parses(word)[:2]
    verb = any({"VERB", "INFN", "PRTF", "PRTS", "GRND"} & reading.tag.grammemes for reading in readings)
    return not verb or bool({str(reading.normal_form) for reading in readings} & _PRICE_VERBS)


_FROM_BEFORE = re.compile(r"([А-Яа-яЁё]+)\s+от\s+\Z", re.IGNORECASE)
"""A word and "от" right before a sum with no "до" after it ("по цене от 95 тысяч рублей")."""
_PRICE_VERBS = frozenset({"стоить", "обойтись", "обходиться"})
"""Verbs of price before "от": "стоят от $30"."""


def _lead(
    text: str, offset: int, tokens: list[Any], index: int
) -> tuple[str | None, Decimal | None, int | None, bool, int]:
    """What leads into the figure from tokens[index]: "от"/"с" with a range's lower bound ("от 3 до"), "до",
    or "из" with the share counted out of the figure ("76 из"); the bound's multiplier, whether it is vague, and
    where the figure starts."""
    lower = [token.value.lower() for token in tokens]
    if lower[index] in {"от", "с"} and "до" in lower[index + 1 :]:
        low, multiplier, after, vague = _figure(text, offset, tokens, index + 1)
        return lower[index], low, multiplier, vague, after + 1  # past "до"
    if lower[index] == "до" and index + 1 < len(lower):
        return "до", None, None, False, index + 1
    if "из" in lower[index + 1 :]:
        share, multiplier, after, vague = _figure(text, offset, tokens, index)
        if after < len(lower) and lower[after] == "из":
            return "из", share, multiplier, vague, after + 1
    return None, None, None, False, index


_CLAUSE_START = re.compile(r"(?s:.*)(?:[.!?]\s+(?=[A-ZА-ЯЁ])|\n)")


def _changes_to(text: str, position: int) -> bool:
    """Whether one of the eight words before `position`, in its clause, says a value changes to the figure after
    it ("увеличился на 4,5 % - до", "возрастет до 3,1 тыс. руб, а с 1 октября — до"): then "до" names the new
    level, not a bound.

    >>> _changes_to("Цены выросли на 5 % — до", 25), _changes_to("Цены выросли. Штраф — до", 25)
    (True, False)
    >>> _changes_to("довести товарооборот до", 24)  # a target: the level to reach
    True
    """
    if change_before(text, position) is not None:
        return True
    clause = _CLAUSE_START.match(text, max(0, position - 80), position)
    return _TARGET.search(text, clause.end() if clause else max(0, position - 80), position) is not None


_TARGET = re.compile(
    r"(?<![А-ЯЁа-яё])(?:довести|доводить|довед[её]\w*|дов[её]л\w*|довод\w*)(?![А-ЯЁа-яё])", re.IGNORECASE
)
"""A verb of bringing a value to a level ("довести товарооборот до 100 млрд долларов"): "до" names the target."""


COMPARED = r"(?<![А-ЯЁа-яё])по[^\S\n]+сравнению[^\S\n]+с[^,.;!?\n]{1,60}"
"""What a change is compared with ("по сравнению с аналогичным периодом прошлого года"): no word of the change."""
_COMPARED = re.compile(COMPARED)


def change_before(text: str, position: int) -> tuple[str, int, int] | None:
    """Of the eight words before `position` in its clause (a comparison, "по сравнению с …", left out), the last
    that says a value rose or fell: "rise" or "fall", and where the word is.

    >>> text = "Выручка снизилась на 8%, цены выросли на 2%"
    >>> change_before(text, text.index("8")), change_before(text, text.index("2"))
    (('fall', 8, 17), ('rise', 30, 37))
    """
    start = max(0, position - 160)
    clause = _CLAUSE_START.match(text, start, position)
    start = clause.end() if clause else start
    compared = [found.span() for found in _COMPARED.finditer(text, start, position)]
    read = text_words.words(text).within(start, position)
    russian = [
        word
        for word in read
        if text_words.RUSSIAN.fullmatch(word.text) and not any(a <= word.start < b for a, b in compared)
    ]
    for word in reversed(russian[-8:]):
        found = vocab.lemmas(word.text)
        if found & vocab.CHANGES:
            return ("rise" if found & vocab.RISES else "fall"), word.start, word.end
    return None


def _end(text: str, offset: int, tokens: list[Any]) -> int:
    """Where a match ends in `text`: at its last token, but the period of "руб." that ends a sentence belongs to
    the sentence."""
    last = len(tokens) - 1
    if tokens[last].value == "." and last > 0 and _sentence_ends(text, offset + tokens[last].span.stop):
        last -= 1
    return int(offset + tokens[last].span.stop)


def _qualifier(lower: list[str]) -> tuple[str, int, int]:
    """The qualifier a match opens with ("не менее", "более чем на", "чуть больше"), where the figure's words
    start after it, and where a NEREL-style mention starts (0: at the match's start)."""
    qualifier, mention_index = "exactly", 0
    index = 1 if lower[0] in vocab.DEGREES else 0  # "чуть больше"
    if lower[index] == "как":  # "как минимум"
        index += 1
    qualified = lower[index] == "не" or lower[index] in vocab.QUALIFIERS
    if lower[index] == "не":  # "не менее 5" is at least 5, "не более 5" at most 5 ("не менее чем на 40%" too)
        qualifier, index = ("atLeast" if lower[index + 1] in {"менее", "меньше"} else "atMost"), index + 2
    elif qualified:
        qualifier, index = vocab.QUALIFIERS[lower[index]], index + 1
    if qualified:
        if index < len(lower) and lower[index] == "чем":
            index += 1
        if index + 1 < len(lower) and lower[index] in {"в", "на"}:
            index += 1
            mention_index = index  # NEREL leaves "более чем на" out of "более чем на 20 процентов"
    return qualifier, index, mention_index


def _range(
    low: Decimal,
    high: Decimal,
    qualifier: str,
    lead: str | None,
    low_vague: bool,
    low_multiplier: int | None,
    multiplier: int | None,
) -> list[tuple[Decimal, str]]:
    """A range's two bounds with their qualifiers: "от 3 до 5" is at least 3 and at most 5; "от 3 до 5 тыс."
    shares the multiplier."""
    low = _shared_multiplier(low, high, low_multiplier, multiplier)
    if qualifier == "exactly" and lead in {"от", "-"}:
        bounds = [(low, "atLeast"), (high, "atMost")]
    else:
        bounds = [(low, qualifier), (high, qualifier)]
    if low_vague:
        bounds[0] = (low, "moreThan")
    return bounds


def _shared_multiplier(low: Decimal, high: Decimal, low_multiplier: int | None, multiplier: int | None) -> Decimal:
    """The first of two figures with the multiplier of the second when it has none ("от 3 до 5 тыс.", "5 из 10 млн");
    not when it is already as large ("от 2500 до 5 тыс.")."""
    if low_multiplier is None and multiplier is not None and low < high / multiplier:
        return low * multiplier
    return low


def _plain(value: Decimal) -> Decimal:
    """7.5E+3 -> 7500, 4.50 -> 4.5: the value as a person writes it."""
    if value == value.to_integral_value():
        return Decimal(int(value))
    return Decimal(format(value.normalize(), "f"))
