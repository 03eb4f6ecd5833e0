"""Time expressions and their values, resolved against the publication date.

>>> from datetime import date
>>> [(d.text, d.value) for d in find_dates("работу форум начал 6 ноября, а вчера приехал", date(2019, 11, 7))]
[('6 ноября', datetime.date(2019, 11, 6)), ('вчера', datetime.date(2019, 11, 6))]
>>> [(d.text, d.value) for d in find_dates("Товарооборот в прошлом году вырос", date(2019, 11, 7))]
[('в прошлом году', 2018)]
>>> [d.text for d in find_dates("С мая по ноябрь 2007 года служил (чемпион 2009, 2011 годов) более 15 лет")]
['С мая по ноябрь 2007 года', '2009', '2011 годов', 'более 15 лет']
"""

import re
from dataclasses import dataclass
from datetime import MAXYEAR, MINYEAR, date, timedelta

from ...model import YearMonth
from ..text.normalise import parses
from ..text.words import RUSSIAN, words

_MONTHS = {
    "январ": 1,
    "феврал": 2,
    "март": 3,
    "апрел": 4,
    "ма": 5,
    "июн": 6,
    "июл": 7,
    "август": 8,
    "сентябр": 9,
    "октябр": 10,
    "ноябр": 11,
    "декабр": 12,
}
MONTH_ABBREVIATIONS = {
    "янв": 1,
    "фев": 2,
    "февр": 2,
    "мар": 3,
    "апр": 4,
    "июн": 6,
    "июл": 7,
    "авг": 8,
    "сен": 9,
    "сент": 9,
    "окт": 10,
    "ноя": 11,
    "нояб": 11,
    "дек": 12,
}
"""Months as news abbreviates them after a day ("28 ноя", "5 сент."); alone they may be other words ("мар", "дек")."""
_MONTH_FORMS = (  # every case of a month's name: "январь", "января", "январе", "январём"
    r"(?:январ|феврал|апрел|июн|июл|сентябр|октябр|ноябр|декабр)(?:[яеьи]|[её]м)|ма(?:[яйе]|ем)|(?:март|август)(?:е|а|ом)?"
)
_MONTH = rf"(?P<month>{_MONTH_FORMS})"
_MONTH_ANY = rf"(?:{_MONTH_FORMS})"
_Y = r"(?:1[6-9]|20)\d\d"
_YEAR = rf"(?P<year>{_Y})"
# "28 нояб. 2019": the abbreviation's period, when a year follows, is no sentence's end
_MONTH_SHORT = rf"(?:{'|'.join(sorted(MONTH_ABBREVIATIONS, key=len, reverse=True))})(?:\.(?=\s+{_Y}))?"
_YEAR_WORD = r"(?:\s*(?:годах|годов|годы|года|году|год|гг|г)|-(?:го|м|й|ом)(?!\s+(?:км|километр|метр|верст|мил)))"
"""What follows a year: "году", "г.", or an ordinal's ending ("в 2019-м"), but not one of a road's kilometre ("на
1755-м километре трассы")."""
_PREP = r"(?:(?:во?|[сc]о?|на|до|ко?|за|через|по(?:сле)?|от|перед|в\s+течение)\s+)?"
_PART = (  # "в начале", "первой половины", "во втором квартале"
    r"(?:(?:начал[еа]|конц[еа]|середин[еы]|(?:перв|втор)ой\s+половин[еы]"
    r"|(?:перв|втор|трет|четв[её]рт)\w+\s+(?:квартал|полугоди)\w*)\s+)?"
)
_DAY_ANY = r"(?:[12]?\d|3[01])"
_DAY = rf"(?P<day>{_DAY_ANY})"
_ORDINALS = {  # genitive ordinals: "пятого сентября", "двадцать первого мая"
    "перв": 1,
    "втор": 2,
    "треть": 3,
    "четвёрт": 4,
    "четверт": 4,
    "пят": 5,
    "шест": 6,
    "седьм": 7,
    "восьм": 8,
    "девят": 9,
    "десят": 10,
    "одиннадцат": 11,
    "двенадцат": 12,
    "тринадцат": 13,
    "четырнадцат": 14,
    "пятнадцат": 15,
    "шестнадцат": 16,
    "семнадцат": 17,
    "восемнадцат": 18,
    "девятнадцат": 19,
    "двадцат": 20,
    "тридцат": 30,
}
_ORDINAL_DAY = rf"(?P<ordinal>(?:(?:двадцать|тридцать)\s+)?(?:{'|'.join(_ORDINALS)})(?:ого|его))"
_WEEKDAY = r"(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)"
_SEASON = r"(?:зимой|весной|летом|осенью)"
_COUNT = (  # a number in words: "два", "трёх", "нескольких", "два с половиной"
    r"(?:одного|дв(?:е|умя|ум|а|ух)|тр(?:и|[её]х)|четыр(?:е|[её]х)|(?:пят|шест|сем|девят|десят)[ьи]"
    r"|вос(?:емь|ьми)|пару|нескольк(?:о|их)|пол(?:тора|утора)|мног(?:о|их)|ряда)(?:\s+с\s+половиной)?"
)
_NUMBER = r"\d+(?:,\d+)?"
_UNIT = r"(?:лет|года?|д(?:ней|ня|ень)|недел[ьию]|месяц(?:ев|а)?|суток|десятилети[йя]|сезонов)"
_ONE_UNIT = r"(?:года|год|месяца|месяц|недели|неделю|суток|сутки|десятилетия|десятилетие|полугода|полгода|полвека)"
_QUALIFIER = (  # "более чем за", "почти", "в течение": what makes a bare number of years a time expression
    r"(?:(?:каждые|почти|свыше|более|менее|больше|около|примерно|не\s+более)"
    r"(?:\s+чем)?\s+(?:(?:за|через|в\s+течение|на(?:\s+протяжении)?|спустя)\s+)?"
    r"|(?:за|через|в\s+течение|на(?:\s+протяжении)?|до|спустя)\s+)"
)
_POINT = (  # where a "с … по …" range starts or ends
    rf"(?:{_DAY_ANY}\s+)?{_MONTH_ANY}(?:\s+(?:{_Y}{_YEAR_WORD}?|(?:этого|прошлого|текущего)\s+года))?"
    rf"|{_Y}{_YEAR_WORD}?"
)
_CENTURY = (
    r"(?-i:[IVXХ]+)(?:\s*[-–—]\s*(?-i:[IVXХ]+))?\s+(?:веках|веков|века|веке|веку|век|столетиях|столетия|столетии)"
)
_DECADE = (  # "1980-х", "60-х", "тридцатых"
    r"(?:(?:1[6-9]|20)?\d0-(?:е|х|ые|ых)"
    r"|(?:двадцат|тридцат|сороков|пятидесят|шестидесят|семидесят|восьмидесят|девяност)ы[ех])"
)
_RELATIVE_DAYS = {"позавчера": -2, "вчера": -1, "накануне": -1, "сегодня": 0, "завтра": 1, "послезавтра": 2}
_EVE_WORDS = frozenset({"VERB", "ADVB", "PREP", "PRTS", "NPRO", "CONJ", "PRCL", "GRND"})
"""What may follow "накануне" alone, the day before: a verb, an adverb or a preposition ("накануне провёл", "накануне
вечером", "накануне в Москве"); a noun after it names the thing it is the eve of ("накануне выборов")."""
_TIMES_OF_DAY = frozenset({"утром", "днём", "днем", "вечером", "ночью"})
"""Times of day "накануне" may stand before ("накануне вечером"), which pymorphy3 may read as nouns."""
_ON_ONE_LINE = re.compile(r"[^\S\n]*")
"""What may lie between "накануне" and the word after it: spaces of its line, or none."""


def _eve_alone(text: str, end: int) -> bool:
    """Whether "накануне" ending at `end` stands alone, the day before the article ("Токаев накануне провёл
    переговоры", "накануне вечером,"), not before the thing it is the eve of ("накануне выборов", "накануне Павла
    задержали" is the eve of no day: a noun follows). The article's day stands for the day the text speaks of.

    >>> _eve_alone("накануне провёл", 8), _eve_alone("накануне вечером,", 8), _eve_alone("накануне.", 8)
    (True, True, True)
    >>> _eve_alone("накануне выборов", 8), _eve_alone("накануне финала", 8), _eve_alone("накануне начала.", 8)
    (False, False, False)
    """
    after = words(text).after(end, RUSSIAN, gap=_ON_ONE_LINE)
    if after is None:
        return True
    word = after.text.lower()
    return word in _TIMES_OF_DAY or parses(word)[0].tag.POS in _EVE_WORDS


_PATTERNS = [
    # "с 5 по 12 сентября", "С мая по ноябрь 2007 года", "с 2001 по 2007 годы", "с 4 на 5 января"
    (
        "span",
        rf"[сc]\s+(?:{_DAY_ANY}(?=\s+(?:по|до)\s+{_DAY_ANY}\s+{_MONTH_ANY})|{_POINT})\s+(?:по|до)\s+(?:{_POINT}"
        rf")|[сc]\s+{_DAY_ANY}\s+на\s+{_DAY_ANY}\s+{_MONTH_ANY}(?:\s+{_Y}{_YEAR_WORD}?)?",
    ),
    ("numeric", r"(?P<nday>[0-3]?\d)\.(?P<nmonth>[01]?\d)\.(?P<year>(?:1[6-9]|20)\d\d)(?!\.?\d)"),
    # a bare year in a list or in brackets: "(1954 — химия, 1962 — премия мира)", "(2009, 2011 и 2012 годы)"
    (
        "listed_year",
        rf"(?:(?<=\()|(?<=\d\d\d\d, )|(?<=, )(?=\d{{4}}\s*[—–]\s*[^\W\d])){_YEAR}"
        rf"(?=\s*(?:[,;]|[—–-]\s*\D|[—–-]\s*{_Y}\)))",
    ),
    (
        "day",
        rf"{_PREP}(?:(?:{_DAY_ANY}\s*[-–—]\s*)?{_DAY}(?:-го)?|{_ORDINAL_DAY})\s+(?P<month>{_MONTH_FORMS}|{_MONTH_SHORT})"
        rf"(?:\s+{_YEAR}{_YEAR_WORD}?)?",
    ),
    (
        "month",
        rf"{_PREP}{_PART}{_MONTH}(?:\s*[-–—]\s*{_PART}{_MONTH_ANY})?"
        rf"(?:\s+(?:{_YEAR}{_YEAR_WORD}?|(?P<this>этого|прошлого|текущего|следующего|будущего)\s+года))?",
    ),
    ("range", rf"{_PREP}(?P<year>{_Y})\s*[-–—]\s*{_Y}{_YEAR_WORD}?"),
    (
        "season",
        rf"{_PREP}(?:{_SEASON}|(?:зимы|весны|лета|осени|зиму|весну|лето|осень)(?=\s+{_Y}))(?:\s+{_YEAR}{_YEAR_WORD}?)?",
    ),
    (
        "decade",
        rf"{_PREP}{_PART}{_DECADE}(?:\s*[-–—]\s*{_PART}{_DECADE})?(?:\s+(?:годы|годах|годов))?"
        rf"(?:\s+(?:прошлого|позапрошлого)\s+века)?",
    ),
    ("century", rf"{_PREP}{_PART}{_CENTURY}"),
    ("year", rf"{_PREP}{_PART}{_YEAR}{_YEAR_WORD}"),
    (
        "bare_year",
        rf"{_PREP}{_Y}(?=\s*(?:,|и)\s+{_Y}(?!\d))|(?:в|[сc]|до|к)\s+{_Y}(?=\s*[,.;]|\s+[а-яё]|\s+[—–]\s)"
        rf"|(?:(?<=[^\W\d_]-)|(?<=»-)){_Y}(?![\w-])|{_Y}(?=\))",
    ),
    (
        "weekday",
        rf"(?:в|во)\s+(?:ночь\s+(?:с\s+[а-яё]+\s+)?на\s+)?"  # "в ночь на вторник", "в ночь с понедельника на вторник"
        rf"(?:(?:прошлую|минувшую|эту|следующую|прошлый|минувший|этот|следующий|прошлое|минувшее)\s+)?{_WEEKDAY}",
    ),
    ("relative_year", r"(?:в\s+)?(?P<rel>прошлом|этом|текущем|следующем|позапрошлом)(?:\s+же)?\s+году"),
    # a title in quotes is no date: «Россия сегодня», «Сегодня» (skipped below)
    ("title", r"(?<=[«\"„“])(?:(?-i:[А-ЯЁA-Z])[\w-]*\s+)?(?:сегодня|вчера|завтра)(?=[»“\"])"),
    ("relative_day", r"(?P<relday>позавчера|вчера|накануне|сегодня|завтра|послезавтра)"),
    (
        "duration",
        rf"{_QUALIFIER}?(?:(?:в\s+)?(?:последни[ех]|ближайши[ех])\s+)?{_COUNT}\s+(?:последних\s+)?{_UNIT}"
        r"(?:\s+(?:тому\s+)?назад|\s+спустя)?"
        rf"|(?<!\d\s){_QUALIFIER}(?:(?:в\s+)?(?:последни[ех]|ближайши[ех])\s+)?{_NUMBER}\s+(?:последних\s+)?{_UNIT}"
        r"(?:\s+(?:тому\s+)?назад)?"
        rf"|{_NUMBER}\s+{_UNIT}\s+(?:(?:тому\s+)?назад|спустя)"
        rf"|(?<=к\s)(?:{_NUMBER}|{_COUNT})\s+(?:годам|месяцам|суткам|дням)"
        rf"|(?:(?<=[а-яё]л\s)|(?<=[а-яё]ла\s)|(?<=[а-яё]ли\s))(?<!был\s)(?<!была\s)(?<!были\s){_NUMBER}\s+(?:лет|года|год)"
        r"|(?:на\s+)?\d+\s+(?:год|года)\s+\d+\s+месяц\w*",
    ),
    ("period", rf"{_QUALIFIER}{_ONE_UNIT}(?:\s+(?:тому\s+)?назад|\s+спустя)?"),
    (
        "relative",
        r"(?:в|на)\s+(?:том\s+же|этом|этой|прошлой|следующей|прошлом|следующем)\s+(?:году|неделе|месяце)"
        r"|(?:год|неделю|месяц|день)\s+(?:тому\s+)?назад"
        r"|за\s+последн\w+\s+(?:месяц|год|неделю|десятилетие)"
        r"|(?:в\s+)?(?:начале|конце|середине)\s+(?:этого|прошлого|текущего|следующего)\s+(?:года|месяца)"
        r"|(?:в\s+)?(?:последни[ей]|ближайши[ей])\s+(?:годы|месяцы|дни|недели|десятилетия)"
        r"|(?:в\s+)?последн(?:ий|юю)\s+(?:год|месяц|неделю|день)|в\s+(?:этот|тот)\s+(?:же\s+)?день"
        r"|(?:год|месяц|неделю)\s+спустя|долгие\s+годы",
    ),
    (
        "adjective",
        r"(?-i:январск|февральск|мартовск|апрельск|майск|июньск|июльск|августовск|сентябрьск|октябрьск|ноябрьск"
        r"|декабрьск)\w+"
        r"|(?:одно|двух|трёх|трех|четырёх|четырех|пяти|шести|семи|восьми|девяти|десяти|много)(?:месячн|дневн|недельн)\w+"
        r"|(?:\d+-|[а-яё]+)летн\w+(?=\s+(?:срок|стаж|опыт|контракт|период|перерыв|гарантию|план|цикл|мандат|правлени"
        r"|заключени))",
    ),
    (
        "phrase",
        r"в\s+настоящий\s+момент|на\s+следующий\s+день|в\s+выходные|на\s+сегодняшний\s+день"
        r"|с\s+сегодняшнего\s+дня|на\s+днях",
    ),
]
_COMBINED = re.compile(
    r"(?<!\w)(?=\w)(?:"
    + "|".join(f"(?P<{kind}>{pattern.replace('(?P<', f'(?P<{kind}__')})" for kind, pattern in _PATTERNS)
    + r")(?!\w)",
    re.I,
)
_JOINER = re.compile(r",?\s?(?:[—–-]\s)?")  # between a weekday and its date: ", ", " ", " — "
_THIS_YEAR = {"этого": 0, "текущего": 0, "прошлого": -1, "следующего": 1, "будущего": 1}
_RELATIVE_YEARS = {"позапрошлом": -2, "прошлом": -1, "этом": 0, "текущем": 0, "следующем": 1}


@dataclass(frozen=True)
class DateMention:
    """A time expression: its words and value (a date, a year, or None when it cannot be resolved)."""

    start: int
    end: int
    text: str
    value: date | YearMonth | int | None
    bounds: tuple[date, date] | None = None
    """The first and last days of a range of days ("с 19 по 21 сентября"), whose `value` is None or a year."""
    middle: int = 0
    """Where, in `text`, a range's words of its last day begin ("по 21 сентября")."""

    @property
    def nerel_type(self) -> str:
        """NEREL's type of the words: TIME for a night ("в ночь на вторник"), else DATE."""
        return "TIME" if self.text.lower().startswith("в ночь") else "DATE"

    def parts(self) -> tuple[tuple[int, int], tuple[int, int]]:
        """The offsets of a range's words of its first day ("с 19", "22") and of its last ("по 21 сентября").

        >>> [d.parts() for d in find_dates("22–24 октября прошёл саммит", date(2024, 10, 24))]
        [((0, 2), (3, 13))]
        """
        first_end = self.start + len(self.text[: self.middle].rstrip(" -–—"))
        return (self.start, first_end), (self.start + self.middle, self.end)


def _by_stem(table: dict[str, int], word: str) -> int:
    """The number of the longest stem in `table` that `word` starts with ("июл" of "июля")."""
    return next(number for stem, number in sorted(table.items(), key=lambda i: -len(i[0])) if word.startswith(stem))


def _month(word: str) -> int:
    """The number of a month named in full or abbreviated.

    >>> _month("ноября"), _month("нояб."), _month("мая"), _month("марта")
    (11, 11, 5, 3)
    """
    word = word.lower()
    return MONTH_ABBREVIATIONS.get(word.rstrip(".")) or _by_stem(_MONTHS, word)


def _ordinal(words: str) -> int:
    *tens, word = words.lower().split()
    return _by_stem(_ORDINALS, word) + (20 if tens == ["двадцать"] else 30 if tens == ["тридцать"] else 0)


def find_dates(text: str, published: date | None = None) -> list[DateMention]:
    """Every date-like expression in `text`, its value completed from `published` where the text omits it."""
    found: list[DateMention] = []
    kinds: list[str] = []
    for match in _COMBINED.finditer(text):  # whole words only: the pattern is bounded by (?<!\w) and (?!\w)
        kind = match.lastgroup or ""
        if kind == "title" or (match.group().lower() == "накануне" and not _eve_alone(text, match.end())):
            continue
        if kind == "month" and match.group()[:1].isupper() and _mid_sentence(text, match.start()):
            continue  # a month's name inside a name: "на улице 10 лет Октября", "завод «Красный Октябрь»"
        groups = {
            name.split("__", 1)[1]: value
            for name, value in match.groupdict().items()
            if value is not None and name.startswith(kind + "__")
        }
        value = _resolve(kind, groups, match.group(), published)
        if kind == "day" and "year" not in groups and isinstance(value, date) and published is not None:
            value = _year_of_clause(value, published, text, *match.span())
        if (
            kind == "month"
            and value is None
            and published is not None
            and "this" not in groups  # "в мае прошлого года" beyond the calendar's ends
            and not _MONTH_RANGE.search(match.group())
        ):
            # "в декабре": the publication's month's year, or the one before or after that the clause's tense says
            first = _year_of_clause(date(published.year, _month(groups["month"]), 1), published, text, *match.span())
            value = YearMonth(first.year, first.month)
        if kind == "weekday" and published is not None:
            said = match.group().lower()
            future = "следующ" in said or (
                "прошл" not in said and "минувш" not in said and _future(text, *match.span())
            )
            value = _weekday(said, published, future)
        bounds = _day_bounds(match.group(), published) if kind == "span" else None
        middle = re.search(r"\s(?:по|до)\s", match.group(), re.IGNORECASE) if bounds else None
        at = middle.start() + 1 if middle else 0
        if kind == "day" and isinstance(value, date) and (dashed := _DAYS_DASHED.match(match.group())):
            # "22–24 октября": the first and the last day, dated by their year as "с 22 по 24 октября" is
            opening = _day_of(value, int(dashed.group("first")))
            if opening is not None and opening < value:
                bounds, value, at = (opening, value), value.year, dashed.start("last")
        mention = DateMention(match.start(), match.end(), match.group(), value, bounds, at)
        between = text[found[-1].end : mention.start] if found else ""
        joined = found and _JOINER.fullmatch(between)
        if joined and kind == "weekday" and kinds[-1] == "day" and text[found[-1].end] == ",":
            # "25 июля, в четверг"
            mention = DateMention(found[-1].start, mention.end, text[found[-1].start : mention.end], found[-1].value)
            found.pop()
            kind = kinds.pop()
        elif (
            joined
            and kind == "day"
            and (kinds[-1] == "weekday" or (kinds[-1] == "relative_day" and between.strip() in ","))
        ):
            # "в среду, 3 октября 2018 года", "вчера, 9 мая", "в субботу — 12 января": the day word and the date are
            # one; "в ночь на понедельник, 6 апреля 2020 года" is a time (NEREL's TIME), the date inside it a date
            if found[-1].nerel_type != "TIME":
                mention = DateMention(found[-1].start, mention.end, text[found[-1].start : mention.end], mention.value)
            found.pop()
            kinds.pop()
        found.append(mention)
        kinds.append(kind)
    return found


_SOME_DAY = date(2000, 6, 15)
"""A publication date to tell a day that one would resolve ("в среду") from a span of time ("за девять месяцев")."""


def names_a_time(mention: DateMention) -> bool:
    """Whether `mention` names a point or a stretch of the calendar, resolved or to be resolved by a publication
    date ("7 ноября", "в среду", "в прошлом году"), not only a length of time ("за девять месяцев", "к восьми годам").

    >>> [names_a_time(d) for d in find_dates("в среду, за девять месяцев, к восьми годам колонии")]
    [True, False, False]
    """
    if mention.value is not None or mention.bounds is not None:
        return True
    return any(found.value is not None or found.bounds is not None for found in find_dates(mention.text, _SOME_DAY))


def _mid_sentence(text: str, start: int) -> bool:
    """Whether `start` is inside a sentence: a word, a figure, a comma or a quote before it on its line.

    >>> _mid_sentence("на улице 10 лет Октября", 16), _mid_sentence("Итоги. Октябрь выдался тёплым", 7)
    (True, False)
    """
    before = text[max(0, start - 40) : start]
    stripped = before.rstrip()
    return bool(stripped) and stripped[-1] not in ".!?…" and "\n" not in before[len(stripped) :]


_WEEKDAY_STEMS = ("понедельник", "вторник", "сред", "четверг", "пятниц", "суббот", "воскресень")


def _weekday(words: str, published: date, future: bool) -> date | None:
    """The day a weekday names in an article published on `published`: the last such day on or before it, or with
    `future` the first on or after it ("во вторник" of an article of Thursday 24 October 2024 is the 22nd); a
    "прошлый" or "следующий" one is never the publication's own day.

    >>> _weekday("во вторник", date(2024, 10, 24), False), _weekday("в пятницу", date(2024, 10, 24), True)
    (datetime.date(2024, 10, 22), datetime.date(2024, 10, 25))
    >>> _weekday("в прошлый четверг", date(2024, 10, 24), False)
    datetime.date(2024, 10, 17)
    >>> _weekday("в ночь с понедельника на вторник", date(2024, 10, 24), False)
    datetime.date(2024, 10, 22)
    """
    lower = words.lower()
    if "ночь" in lower:  # "в ночь с понедельника на вторник": the night before Tuesday is Tuesday's
        lower = lower.rsplit(" на ", 1)[-1]
    number = next((n for n, stem in enumerate(_WEEKDAY_STEMS) if stem in lower), None)
    if number is None:
        return None
    ahead, back = (number - published.weekday()) % 7, (published.weekday() - number) % 7
    if re.search(r"прошл|минувш|следующ", lower):
        ahead, back = ahead or 7, back or 7
    return _days_after(published, ahead if future else -back)


def _future(text: str, start: int, end: int) -> bool:
    """Whether the clause around a date tells of the future: a verb in the future tense ("пройдёт", "состоится",
    "будет") between the clause's start and its end."""
    return _tense(text, start, end) == "futr"


def _tense(text: str, start: int, end: int) -> str | None:
    """The tense of the clause around a date: "futr" when a verb of it is in the future tense, else "past" when
    one is in the past tense, else None."""
    begin = max(text.rfind(mark, 0, start) for mark in ".!?\n,;")
    stops = [at for at in (text.find(mark, end) for mark in ".!?\n,;") if at >= 0]
    clause = text[begin + 1 : min(stops, default=len(text))]
    tenses = {str(parses(word)[0].tag.tense) for word in re.findall(r"[а-яё]+", clause.lower())}
    return "futr" if "futr" in tenses else "past" if "past" in tenses else None


_YEAR_TURN = timedelta(days=60)
"""How far before the publication a day the text gives no year may be in a clause about the future (after it, in
one about the past) and still be in the publication's year."""


def _year_of_clause(day: date, published: date, text: str, start: int, end: int) -> date:
    """A day (or a month's first day) the text gives without its year, in the year the tense of its clause puts it
    in (`_nearest_year`); nearer the publication than `_YEAR_TURN`, no tense moves it and the clause is not read."""
    if abs(day - published) <= _YEAR_TURN:
        return day
    return _nearest_year(day, published, _tense(text, start, end))


def _nearest_year(day: date, published: date, tense: str | None) -> date:
    """A day the text names without its year, in the year its clause's tense puts it in: "вступят в силу 1
    января" in an article of November is next January, "прошёл 28 декабря" in one of January last December.

    >>> november, january = date(2026, 11, 11), date(2026, 1, 9)
    >>> _nearest_year(date(2026, 1, 1), november, "futr"), _nearest_year(date(2026, 12, 28), january, "past")
    (datetime.date(2027, 1, 1), datetime.date(2025, 12, 28))
    >>> _nearest_year(date(2026, 10, 1), november, "futr"), _nearest_year(date(2026, 1, 1), november, None)
    (datetime.date(2026, 10, 1), datetime.date(2026, 1, 1))
    """
    try:
        if tense == "futr" and day < published - _YEAR_TURN:
            return day.replace(year=day.year + 1)
        if tense == "past" and day > published + _YEAR_TURN:
            return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        pass
    return day


_DAYS_DASHED = re.compile(rf"{_PREP}(?P<first>{_DAY_ANY})\s*[-–—]\s*(?P<last>{_DAY_ANY})\s", re.IGNORECASE)
"""Two days of one month joined by a dash ("22–24 октября", "с 5-7 мая"): a range of days."""


def _day_of(last: date, day: int) -> date | None:
    """The `day` of `last`'s month and year (None when the month has no such day)."""
    try:
        return last.replace(day=day)
    except ValueError:
        return None


_MONTH_RANGE = re.compile(rf"[-–—]\s*(?:[а-яё]+\s+)?(?:{_MONTH_ANY})", re.IGNORECASE)
"""The dash between two months ("в мае — июне 2019 года"), whose words name more than one month."""

_DAY_RANGE = re.compile(
    r"[сc]\s+(?P<first>\d{1,2})(?:\s+(?P<first_month>[а-яё]+))?\s+(?:по|до)\s+(?P<last>\d{1,2})\s+(?P<month>[а-яё]+)"
    r"(?:\s+(?P<year>\d{4}))?",
    re.IGNORECASE,
)


def within_a_name(text: str, start: int) -> bool:
    """Whether a date starting at `start` is a name's number, joined to a word by a hyphen ("«Арене-2000»",
    "ЧМ-2018"): NEREL marks it as a date (30 times in 30 in train), but nothing happened on it.

    >>> text = "Встреча прошла на «Арене-2000»; Арена открылась в 2000 году."
    >>> within_a_name(text, text.index("2000")), within_a_name(text, text.rindex("2000"))
    (True, False)
    """
    return re.search(r"[А-ЯЁа-яёA-Za-z]-\Z", text[max(0, start - 2) : start]) is not None


def _day_bounds(words: str, published: date | None) -> tuple[date, date] | None:
    """The first and last days of a range of days, its year given or the publication's.

    >>> _day_bounds("с 19 по 21 сентября", date(2026, 9, 21))
    (datetime.date(2026, 9, 19), datetime.date(2026, 9, 21))
    >>> _day_bounds("с 16 апреля по 19 мая 2019 года", None)
    (datetime.date(2019, 4, 16), datetime.date(2019, 5, 19))
    >>> _day_bounds("с 25 по 29 июля 2013 г", None)
    (datetime.date(2013, 7, 25), datetime.date(2013, 7, 29))
    """
    found = _DAY_RANGE.fullmatch(re.sub(r"\s*(?:года|году|год|г)\.?\Z", "", words.strip()))
    if found is None:
        return None
    year = int(found.group("year")) if found.group("year") else published.year if published else None
    last_month = _month(found.group("month"))
    first_month = _month(found.group("first_month")) if found.group("first_month") else last_month
    if year is None or not first_month or not last_month:
        return None
    try:
        first, last = (
            date(year, first_month, int(found.group("first"))),
            date(year, last_month, int(found.group("last"))),
        )
    except ValueError:
        return None
    return (first, last) if first <= last else None


def _days_after(published: date | None, days: int) -> date | None:
    """The day `days` after (or before) `published`; None beyond the calendar's ends (years 1 to 9999).

    >>> _days_after(date(2019, 11, 7), -1), _days_after(date.min, -1), _days_after(date.max, 2)
    (datetime.date(2019, 11, 6), None, None)
    """
    if published is None:
        return None
    try:
        return published + timedelta(days=days)
    except OverflowError:
        return None


def _years_after(published: date | None, years: int) -> int | None:
    """The year `years` after (or before) the year of `published`; None beyond the calendar's ends.

    >>> _years_after(date(2019, 11, 7), -1), _years_after(date.min, -1), _years_after(date.max, 1)
    (2018, None, None)
    """
    if published is None or not MINYEAR <= published.year + years <= MAXYEAR:
        return None
    return published.year + years


def _resolve(kind: str, groups: dict[str, str], text: str, published: date | None) -> date | YearMonth | int | None:
    year = int(groups["year"]) if "year" in groups else None
    if kind == "relative_day":
        return _days_after(published, _RELATIVE_DAYS[groups["relday"].lower()])
    if kind == "relative_year":
        return _years_after(published, _RELATIVE_YEARS[groups["rel"].lower()])
    if kind == "day":
        year = year or (published.year if published else None)
        if year is None:
            return None
        try:
            day = int(groups["day"]) if "day" in groups else _ordinal(groups["ordinal"])
            return date(year, _month(groups["month"]), day)
        except ValueError:
            return None
    if kind == "numeric":
        try:
            return date(int(groups["year"]), int(groups["nmonth"]), int(groups["nday"]))
        except ValueError:
            return None
    if kind in ("span", "bare_year"):  # a range is dated by its first year
        first = re.search(_Y, text)
        return int(first.group()) if first else None
    if kind == "month" and "this" in groups:
        year = _years_after(published, _THIS_YEAR[groups["this"].lower()])
    if kind == "month" and year is not None and not _MONTH_RANGE.search(text):
        return YearMonth(year, _month(groups["month"]))
    return year
