"""Time expressions and their values, resolved against the publication date.

>>> from datetime import date
>>> [(d.text, d.value) for d in find_dates("работу форум начал 6 ноября, а вчера приехал", date(2019, 11, 7))]
[('6 ноября', datetime.date(2019, 11, 6)), ('вчера', datetime.date(2019, 11, 6))]
>>> [(d.text, d.value) for d in find_dates("Товарооборот в прошлом году вырос", date(2019, 11, 7))]
[('в прошлом году', 2018)]
"""

import re
from dataclasses import dataclass
from datetime import date, timedelta

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
_MONTH = (
    r"(?P<month>январ[яеьи]|феврал[яеьи]|марте|марта|март|апрел[яеьи]|ма[яйе]|июн[яеьи]|июл[яеьи]|августе|августа"
    r"|август|сентябр[яеьи]|октябр[яеьи]|ноябр[яеьи]|декабр[яеьи])"
)
_MONTH_ANY = (
    r"(?:январ[яеьи]|феврал[яеьи]|марте|марта|март|апрел[яеьи]|ма[яйе]|июн[яеьи]|июл[яеьи]|августе|августа"
    r"|август|сентябр[яеьи]|октябр[яеьи]|ноябр[яеьи]|декабр[яеьи])"
)
_YEAR = r"(?P<year>(?:1[6-9]|20)\d\d)"
_YEAR_WORD = r"(?:\s*(?:годах|годов|годы|года|году|год|гг|г)|-го)"
_PREP = r"(?:(?:в|во|с|со|на|до|к|ко|за|через|по|от|после|перед|начиная\s+с)\s+)?"
_PART = r"(?:(?:начале|конце|середине|начала|конца|середины|первой\s+половине|второй\s+половине)\s+)?"
_DAY = r"(?P<day>[12]?\d|3[01])"
_WEEKDAY = r"(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)"
_SEASON = r"(?:зимой|весной|летом|осенью)"
_COUNT = (
    r"(?:одного|две|двум|двумя|два|двух|три|трёх|трех|четыре|четырёх|пять|пяти|шесть|шести|семь|семи|восемь|восьми"
    r"|девять|девяти|десять|десяти|пару|несколько|нескольких|полтора|полутора|много|многих)"
)
_UNIT = r"(?:лет|года|год|дней|дня|день|недель|недели|неделю|месяцев|месяца|месяц|суток|десятилетий|десятилетия)"
_RELATIVE_DAYS = {"позавчера": -2, "вчера": -1, "сегодня": 0, "завтра": 1, "послезавтра": 2}

_PATTERNS = [
    (
        "span",
        rf"[Сс]\s+(?:[12]?\d|3[01])(?:\s+{_MONTH_ANY})?\s+(?:по|до)\s+{_DAY}\s+{_MONTH}"
        rf"(?:\s+{_YEAR}{_YEAR_WORD}?)?",
    ),
    ("year_span", rf"[Сс]\s+{_YEAR}\s+(?:по|до)\s+(?:1[6-9]|20)\d\d{_YEAR_WORD}?"),
    ("day", rf"{_PREP}(?:(?:[12]?\d|3[01])\s*[-–—]\s*)?{_DAY}\s+{_MONTH}(?:\s+{_YEAR}{_YEAR_WORD}?)?"),
    (
        "month",
        rf"{_PREP}{_PART}(?:{_MONTH_ANY}\s*[-–—]\s*)?{_MONTH}"
        rf"(?:\s+(?:{_YEAR}{_YEAR_WORD}?|(?P<this>этого|прошлого|текущего)\s+года))?",
    ),
    ("range", rf"{_PREP}(?P<year>(?:1[6-9]|20)\d\d)\s*[-–—]\s*(?:1[6-9]|20)\d\d{_YEAR_WORD}?"),
    ("season", rf"{_PREP}{_SEASON}(?:\s+{_YEAR}{_YEAR_WORD})?"),
    ("decade", rf"{_PREP}{_PART}(?:1[6-9]|20)\d0-(?:е|х|ые|ых)(?:\s+годы|\s+годах|\s+годов)?"),
    ("year", rf"{_PREP}{_PART}{_YEAR}{_YEAR_WORD}"),
    ("bare_year", rf"(?:в|с|до|к)\s+{_YEAR}(?=\s*[,.;]|\s+[а-яё])"),
    (
        "weekday",
        rf"(?:в|во)\s+(?:(?:прошлую|минувшую|эту|следующую|прошлый|минувший|этот|следующий|прошлое|минувшее)\s+)?"
        rf"{_WEEKDAY}",
    ),
    ("relative_year", r"(?:в\s+)?(?P<rel>прошлом|этом|текущем|следующем|позапрошлом)(?:\s+же)?\s+году"),
    ("relative_day", r"(?P<relday>позавчера|вчера|сегодня|завтра|послезавтра)"),
    (
        "duration",
        rf"(?:(?:каждые|почти|свыше|не\s+более|спустя|примерно)\s+)?"
        rf"(?:(?:за|через|в\s+течени[ие]|на|до|около|более)\s+)?(?:последние\s+)?{_COUNT}\s+{_UNIT}"
        r"(?:\s+(?:тому\s+)?назад)?",
    ),
    (
        "digits_duration",
        r"(?:(?:за|через|в\s+течение|около|более|на)\s+(?:последние\s+)?\d+\s+(?:лет|дней|месяцев|недель|суток)"
        r"|\d+\s+(?:лет|дней|месяцев|недель|суток)\s+(?:тому\s+)?назад"
        r"|(?:на\s+)?\d+\s+(?:год|года)\s+\d+\s+месяц\w*)",
    ),
    ("period", r"(?:за|через|в\s+течение)\s+(?:неделю|месяц|год|сутки|десятилетие|полгода)"),
    (
        "relative",
        r"(?:в|на)\s+(?:том\s+же|этом|этой|прошлой|следующей|прошлом|следующем)\s+(?:году|неделе|месяце)"
        r"|(?:год|неделю|месяц|день)\s+(?:тому\s+)?назад"
        r"|за\s+последн\w+\s+(?:месяц|год|неделю|десятилетие)"
        r"|(?:в\s+)?(?:начале|конце|середине)\s+(?:этого|прошлого|текущего|следующего)\s+года",
    ),
    (
        "phrase",
        r"в\s+настоящий\s+момент|на\s+следующий\s+день|в\s+выходные|на\s+сегодняшний\s+день"
        r"|с\s+сегодняшнего\s+дня|на\s+днях",
    ),
]
_COMBINED = re.compile(
    r"(?<!\w)(?:"
    + "|".join(f"(?P<{kind}>{pattern.replace('(?P<', f'(?P<{kind}__')})" for kind, pattern in _PATTERNS)
    + ")",
    re.I,
)
_RELATIVE_YEARS = {"позапрошлом": -2, "прошлом": -1, "этом": 0, "текущем": 0, "следующем": 1}


@dataclass(frozen=True)
class DateMention:
    """A time expression: its words and value (a date, a year, or None when it cannot be resolved)."""

    start: int
    end: int
    text: str
    value: date | int | None


def _month(word: str) -> int:
    word = word.lower()
    return next(number for stem, number in sorted(_MONTHS.items(), key=lambda i: -len(i[0])) if word.startswith(stem))


def find_dates(text: str, published: date | None = None) -> list[DateMention]:
    """Every date-like expression in `text`, its value completed from `published` where the text omits it."""
    found: list[DateMention] = []
    for match in _COMBINED.finditer(text):
        if (match.start() > 0 and text[match.start() - 1].isalnum()) or (
            match.end() < len(text) and text[match.end()].isalnum()
        ):
            continue
        kind = match.lastgroup or ""
        groups = {
            name.split("__", 1)[1]: value
            for name, value in match.groupdict().items()
            if value is not None and name.startswith(kind + "__")
        }
        mention = DateMention(match.start(), match.end(), match.group(), _resolve(kind, groups, published))
        joined = found and text[found[-1].end : mention.start] == ", "
        if joined and kind == "weekday" and isinstance(found[-1].value, date):
            # "25 июля, в четверг"
            mention = DateMention(found[-1].start, mention.end, text[found[-1].start : mention.end], found[-1].value)
            found.pop()
        elif joined and kind == "day" and (found[-1].value is None or found[-1].text.lower() in _RELATIVE_DAYS):
            # "в среду, 3 октября 2018 года", "вчера, 9 мая": the day word and the date are one expression
            mention = DateMention(found[-1].start, mention.end, text[found[-1].start : mention.end], mention.value)
            found.pop()
        found.append(mention)
    return found


def _resolve(kind: str, groups: dict[str, str], published: date | None) -> date | int | None:
    year = int(groups["year"]) if "year" in groups else None
    if kind == "relative_day":
        return None if published is None else published + timedelta(days=_RELATIVE_DAYS[groups["relday"].lower()])
    if kind == "relative_year":
        return None if published is None else published.year + _RELATIVE_YEARS[groups["rel"].lower()]
    if kind == "day":
        year = year or (published.year if published else None)
        if year is None:
            return None
        try:
            return date(year, _month(groups["month"]), int(groups["day"]))
        except ValueError:
            return None
    if kind == "month" and "this" in groups and published is not None:
        return published.year - (1 if groups["this"].lower() == "прошлого" else 0)
    return year
