"""The words of amounts and the yargy grammar over them: multipliers, numerals, units, currencies, qualifiers
and the nouns a bare number never counts (years, months, hours).

>>> multiplier("млн"), numeral("полтора"), unit_lemma("рублей"), unit_lemma("нояб.")
(1000000, Decimal('1.5'), 'рубль', 'ноябрь')
"""

from decimal import Decimal
from functools import lru_cache
from typing import Any

from ..text.normalise import parses
from .dates import MONTH_ABBREVIATIONS

MULTIPLIERS = {
    "тыс": 1000,
    "тысяча": 1000,
    "млн": 10**6,
    "миллион": 10**6,
    "млрд": 10**9,
    "миллиард": 10**9,
    "трлн": 10**12,
    "триллион": 10**12,
}
NUMERALS: dict[str, int | Decimal] = {
    "один": 1,
    "полтора": Decimal("1.5"),
    "два": 2,
    "три": 3,
    "четыре": 4,
    "пять": 5,
    "шесть": 6,
    "семь": 7,
    "восемь": 8,
    "девять": 9,
    "десять": 10,
    "одиннадцать": 11,
    "двенадцать": 12,
    "тринадцать": 13,
    "четырнадцать": 14,
    "пятнадцать": 15,
    "шестнадцать": 16,
    "семнадцать": 17,
    "восемнадцать": 18,
    "девятнадцать": 19,
    "двадцать": 20,
    "тридцать": 30,
    "сорок": 40,
    "пятьдесят": 50,
    "шестьдесят": 60,
    "семьдесят": 70,
    "восемьдесят": 80,
    "девяносто": 90,
    "сто": 100,
    "двести": 200,
    "триста": 300,
    "четыреста": 400,
    "пятьсот": 500,
    "шестьсот": 600,
    "семьсот": 700,
    "восемьсот": 800,
    "девятьсот": 900,
}
UNITS = {
    "доллар": "USD",
    "долл": "USD",
    "долларовый": "USD",
    "$": "USD",
    "рубль": "RUB",
    "руб": "RUB",
    "рублёвый": "RUB",
    "₽": "RUB",
    "£": "GBP",
    "евро": "EUR",
    "€": "EUR",
    "тенге": "KZT",
    "юань": "CNY",
    "гривна": "UAH",
    "иена": "JPY",
    "йена": "JPY",
    "злотый": "PLN",
    "шекель": "ILS",
    "реал": "BRL",
    "километр": "km",
    "км": "km",
    "метр": "m",
    "тонна": "t",
    "процент": "%",
    "процентный": "%",
    "%": "%",
    "килограмм": "kg",
    "кг": "kg",
    "грамм": "g",
    "гектар": "ha",
    "кубометр": "m3",
    "га": "ha",
    "литр": "l",
    "ватт": "W",
    "вт": "W",
    "киловатт": "kW",
    "квт": "kW",
    "мегаватт": "MW",
    "мвт": "MW",
    "гигаватт": "GW",
    "гвт": "GW",
    "сантиметр": "cm",
    "см": "cm",
    "миллиметр": "mm",
    "мм": "mm",
}
"""Units of one word (its dictionary form, or an abbreviation as written, lower-cased) and their codes
(``kgraph.model.UNITS``)."""
UNIT_WORDS = frozenset(
    {"километр", "метр", "тонна", "процент", "килограмм", "грамм", "гектар", "литр", "ватт", "киловатт", "мегаватт"}
    | {"гигаватт", "сантиметр", "миллиметр", "кубометр"}
)
"""The units of measure the grammar finds by dictionary form ("килограммов"; currencies are `CURRENCIES`)."""
UNIT_ABBREVIATIONS = frozenset({"%", "км", "кг", "га", "вт", "квт", "мвт", "гвт", "см", "мм"})
"""The units of measure the grammar finds as written, in any case ("кВт")."""
COMPOUND_UNITS = {
    ("квадратный", "километр"): "km2",
    ("кв", "км"): "km2",
    ("км", "²"): "km2",
    ("квадратный", "метр"): "m2",
    ("кв", "м"): "m2",
    ("кв", "метр"): "m2",
    ("кв", "километр"): "km2",
    ("м", "²"): "m2",
    ("кубический", "метр"): "m3",
    ("куб", "м"): "m3",
    ("м", "³"): "m3",
    ("киловатт-час",): "kWh",
    ("киловатт", "час"): "kWh",
    ("квт", "ч"): "kWh",
    ("градус", "цельсий"): "°C",
    ("°", "c"): "°C",
    ("°", "с"): "°C",
    ("километр", "в", "час"): "km/h",
    ("км", "ч"): "km/h",
    ("фунт", "стерлинг"): "GBP",
    ("британский", "фунт"): "GBP",
    ("швейцарский", "франк"): "CHF",
    ("шведский", "крона"): "SEK",
    ("норвежский", "крона"): "NOK",
    ("датский", "крона"): "DKK",
    ("чешский", "крона"): "CZK",
    ("индийский", "рупия"): "INR",
    ("бразильский", "реал"): "BRL",
}
"""Units of several words (dictionary forms or abbreviations, the marks between them left out: "кв. км", "кВт·ч",
"км/ч") and their codes."""
_UNIT_MARKS = {".", "-", "·", "⋅", "*", "/"}


CURRENCIES = {
    "доллар",
    "долл",
    "долларовый",
    "рубль",
    "руб",
    "рублёвый",
    "евро",
    "цент",
    "копейка",
    "фунт",
    "юань",
    "иена",
    "йена",
    "гривна",
    "франк",
    "тенге",
    "рупия",
    "крона",
    "злотый",
    "шекель",
    "реал",
    "динар",
    "песо",
    "$",
    "€",
    "£",
    "₽",
}
SUBUNITS = {"копейка": ("RUB", Decimal("0.01"))}
"""Coins only one currency has, as their share of it: "95 копеек" is 0.95 RUB ("цент" may be a dollar's or a euro's,
and stays as written)."""
QUALIFIERS = {
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
    "минимум": "atLeast",
    "максимум": "atMost",
}
MONTHS = (
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
)
NOT_COUNTED = {"год", "г", "гг", "час", "минута", "секунда", "раз", "век", "утро", "вечер", "ночь", *MONTHS}
"""What a bare number before it does not count: a year, an hour of the clock ("около 6 утра"), a day of a month."""
RISES = frozenset(
    {"расти", "вырасти", "возрасти", "возрастать", "подрасти", "прирасти", "прирастать", "увеличиться"}
    | {"увеличиваться", "увеличить", "увеличивать", "повыситься", "повышаться", "повысить", "повышать", "подняться"}
    | {"подниматься", "поднять", "поднимать", "ускориться", "ускоряться", "дорожать", "подорожать", "подскочить"}
    | {"рост", "прирост", "увеличение", "повышение", "ускорение", "подорожание"}
)
"""Verbs and nouns of a rise."""
FALLS = frozenset(
    {"снизиться", "снижаться", "снизить", "снижать", "сократиться", "сокращаться", "сократить", "сокращать"}
    | {"уменьшиться", "уменьшаться", "уменьшить", "уменьшать", "упасть", "падать", "понизиться", "понижаться"}
    | {"понизить", "понижать", "замедлиться", "замедляться", "дешеветь", "подешеветь", "снижение", "сокращение"}
    | {"уменьшение", "падение", "понижение", "замедление", "удешевление"}
)
"""Verbs and nouns of a fall (a slowdown is a fall of a rate: "инфляция замедлилась на 0,5 п.п.")."""
CHANGES = RISES | FALLS
"""Verbs and nouns of change: after them "до" names the new level ("вырастет до 300 тыс. рублей"), not a bound."""
DASHES = {"-", "—", "–"}
DEGREES = {"чуть", "немного", "немногим", "намного", "гораздо", "значительно", "существенно"}


def unit_lemma(words: str) -> str:
    """The dictionary form of the first word; an abbreviated month ("ноя", "сент.") is its month, which pymorphy
    reads as another noun ("Ной")."""
    first = words.split()[0] if words.split() else words
    if first.lower().rstrip(".") in MONTH_ABBREVIATIONS:
        return MONTHS[MONTH_ABBREVIATIONS[first.lower().rstrip(".")] - 1]
    return str(parses(first.lower())[0].normal_form) if first[:1].isalpha() else first


def unit_code(words: list[str]) -> str | None:
    """The code of the unit `words` spell ("кв. км", "кВт", "фунтов стерлингов"), or None for words that are no unit
    or a currency of several countries with no country said ("франков").

    >>> unit_code(["кв", ".", "км"]), unit_code(["кВт", "·", "ч"]), unit_code(["см"]), unit_code(["градусов"])
    ('km2', 'kWh', 'cm', None)
    >>> unit_code(["кв", ".", "метров"])
    'm2'
    >>> unit_code(["фунтов", "стерлингов"]), unit_code(["шведских", "крон"]), unit_code(["франков"])
    ('GBP', 'SEK', None)
    """
    kept = [word for word in words if word not in _UNIT_MARKS]
    if not kept:
        return None
    forms = tuple(w.lower() if w.lower() in UNITS or not w[:1].isalpha() else unit_lemma(w) for w in kept)
    return COMPOUND_UNITS.get(forms) or UNITS.get(forms[0])  # "доллар США": the first word


@lru_cache(maxsize=4096)
def lemmas(word: str) -> frozenset[str]:
    """The word and every dictionary form it may have ("тенге" is also read as a form of "тенг")."""
    if not word[:1].isalpha():
        return frozenset({word})
    return frozenset({word.lower()} | {str(p.normal_form) for p in parses(word.lower())})


@lru_cache(maxsize=2)
def parser(spelt: bool) -> Any:
    """The grammar; with `spelt`, also ranges and figures in words (slower: yargy predicts every rule at every word)."""
    from yargy import Parser, and_, not_, or_, rule  # type: ignore[import-untyped]
    from yargy.predicates import caseless, custom, dictionary, eq, gram, in_, in_caseless, length_eq, normalized  # type: ignore[import-untyped]
    from yargy.predicates import type as token_type

    integer = token_type("INT")
    # "480 000": groups of three digits after a first group of one to three, up to trillions (with no bound, a
    # long run of groups "1 000 000 …" gave a chart that grew with its cube)
    groups = and_(integer, length_eq(3)).repeatable(max=4)
    grouped = rule(and_(integer, custom(lambda digits: len(digits) <= 3)), groups)
    whole = or_(grouped, rule(integer))
    number = or_(rule(whole, in_({",", "."}), integer), whole)
    words = rule(dictionary(set(NUMERALS)).repeatable(max=3))
    big = {"тысяча", "миллион", "миллиард", "триллион"}
    multiplier = or_(rule(in_caseless({"тыс", "млн", "млрд", "трлн"}), eq(".").optional()), rule(dictionary(big)))
    lone_multiplier = and_(dictionary(big), not_(gram("plur")))  # "миллион долларов", not "тысячи рублей"
    unit = or_(
        rule(
            or_(
                dictionary({w for w in CURRENCIES if w.isalpha()} | UNIT_WORDS),
                in_caseless(UNIT_ABBREVIATIONS),
            )
        ),
        # units of several words: "квадратных километров", "кв. км", "км²", "кВт·ч", "°C", "км/ч"
        rule(normalized("квадратный"), dictionary({"километр", "метр"})),
        rule(caseless("кв"), eq(".").optional(), in_caseless({"км", "м"})),
        rule(caseless("кв"), eq(".").optional(), dictionary({"километр", "метр"})),  # "45 тыс. кв. метров"
        rule(in_caseless({"км", "м"}), eq("²")),
        rule(normalized("кубический"), normalized("метр")),
        rule(caseless("куб"), eq("."), caseless("м")),
        rule(caseless("м"), eq("³")),
        rule(normalized("киловатт"), in_(DASHES), normalized("час")),
        rule(caseless("квт"), in_({"·", "⋅", "*", "-"}), caseless("ч")),
        rule(normalized("градус"), normalized("цельсий")),
        rule(eq("°"), in_caseless({"c", "с"})),
        rule(normalized("километр"), caseless("в"), normalized("час")),
        rule(caseless("км"), eq("/"), caseless("ч")),
        rule(normalized("доллар"), caseless("США")),
        rule(in_caseless({"долл", "руб"}), eq(".")),
        rule(gram("ADJF"), dictionary({"доллар", "фунт", "франк", "юань", "крона", "рупия", "динар", "песо"})),
        rule(normalized("фунт"), normalized("стерлинг")),
        rule(caseless("п"), eq("."), caseless("п"), eq(".")),  # percentage points: no unit item (amounts._read)
        rule(normalized("процентный"), normalized("пункт")),
    )
    adjective_unit = dictionary({"процентный", "долларовый", "рублёвый"})
    dash = in_(DASHES)
    # yargy drops a match whose optional parts end in optional parts ("более" [чем] [на] [до]): spell them out
    preposition = in_caseless({"в", "на"})
    tail = or_(rule(caseless("чем"), preposition), rule(caseless("чем")), rule(preposition))
    comparative = in_caseless({"более", "больше", "менее", "меньше"})
    qualifier = or_(
        rule(in_caseless(set(QUALIFIERS)), tail.optional()),
        rule(caseless("не"), comparative, tail.optional()),  # "не менее 5", "не менее чем на 40%": at least
        rule(caseless("как"), in_caseless({"минимум", "максимум"})),
        rule(in_caseless(DEGREES), comparative, tail.optional()),  # "чуть больше"
    )
    # "несколько (сотен) миллионов", "сотни тысяч", "миллиарды": vague, but more than the multiplier
    scale = dictionary({"десяток", "сотня"})
    few = or_(rule(normalized("несколько"), scale), rule(normalized("несколько")))
    vague = or_(
        rule(few, multiplier),
        rule(and_(scale, gram("plur")), multiplier),
        rule(and_(dictionary(big), not_(gram("sing")))),
    )
    bound = rule(or_(number, words, few), multiplier.optional())
    leads = [rule(caseless("до")), rule(number, caseless("из"))]  # "до 30 человек", "76 из 89 субъектов"
    figures = [
        rule(in_({"$", "€", "£", "₽"}).optional(), number, multiplier.optional(), unit.optional()),
        rule(integer, dash.optional(), adjective_unit),
    ]
    if spelt:
        leads += [rule(in_caseless({"от", "с"}), bound, caseless("до")), rule(bound, dash)]
        figures += [rule(words, multiplier.optional(), unit), rule(or_(rule(lone_multiplier), vague), unit)]
        figures += [rule(words)]  # "шесть человек": a count in words, kept when a noun it counts follows
    lead, figure = or_(*leads), or_(*figures)
    return Parser(rule(qualifier.optional(), lead.optional(), figure))


def spells_figure(word: str) -> bool:
    """Whether a word is (part of) a figure: "два", "полтора", "миллион", "несколько", "сотни"."""
    return bool(numeral(word) is not None or multiplier(word) or scale(word) or "несколько" in lemmas(word))


def scale(word: str) -> int:
    found = lemmas(word) & {"десяток", "сотня"}
    return (10 if "десяток" in found else 100) if found else 0


def numeral(word: str) -> Decimal | None:
    found = lemmas(word) & set(NUMERALS)
    return Decimal(NUMERALS[min(found)]) if found else None


def multiplier(word: str) -> int | None:
    found = lemmas(word) & set(MULTIPLIERS)
    return MULTIPLIERS[min(found)] if found else None


def starts_figure(word: str) -> bool:
    return word.isdigit() or numeral(word) is not None or multiplier(word) is not None
