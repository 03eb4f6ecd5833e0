"""Stage 2: what an article states, as plain Python objects, each statement with the words that support it.

Curated facts (``facts.py``) and automatic extraction both produce an ``ArticleModel``; ``graph.py`` is the one
mapping from it to RDF. Classes and predicates are CURIEs of declared terms (``kg:Forum``, ``schema:location``).

>>> from kgraph.source import parse_article
>>> article = parse_article("demo", "# Путин в Омске\\n\\nВладимир Путин прилетел в Омск.\\n")
>>> putin = Entity("putin", "schema:Person", {"ru": "Владимир Путин", "en": "Vladimir Putin"},
...                mentions=(article_span(article, "Владимир Путин"),))
>>> putin.mentions[0]
Span(start=17, end=31, text='Владимир Путин')
"""

import reprlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from .source import Article, Span

QUALIFIERS = ("exactly", "about", "moreThan", "atLeast", "almost", "lessThan", "atMost")
"""Names of the kg:QuantityQualifier individuals."""

UTTERANCE_KINDS = ("direct", "reported")


@dataclass(frozen=True)
class Unit:
    """A unit of measure: our short code, its Wikidata item and its names."""

    code: str
    wikidata: str
    en: str
    ru: str


UNITS: dict[str, Unit] = {
    unit.code: unit
    for unit in (
        Unit("USD", "Q4917", "United States dollar", "доллар США"),
        Unit("RUB", "Q41044", "Russian ruble", "российский рубль"),
        Unit("EUR", "Q4916", "euro", "евро"),
        Unit("KZT", "Q173751", "Kazakhstani tenge", "казахстанский тенге"),
        Unit("CNY", "Q39099", "renminbi", "китайский юань"),
        Unit("UAH", "Q81893", "Ukrainian hryvnia", "украинская гривна"),
        Unit("JPY", "Q8146", "Japanese yen", "японская иена"),
        Unit("PLN", "Q123213", "Polish złoty", "польский злотый"),
        Unit("ILS", "Q131309", "Israeli new shekel", "новый израильский шекель"),
        Unit("GBP", "Q25224", "pound sterling", "фунт стерлингов"),
        Unit("CHF", "Q25344", "Swiss franc", "швейцарский франк"),
        Unit("SEK", "Q122922", "Swedish krona", "шведская крона"),
        Unit("NOK", "Q132643", "Norwegian krone", "норвежская крона"),
        Unit("DKK", "Q25417", "Danish krone", "датская крона"),
        Unit("CZK", "Q131016", "Czech koruna", "чешская крона"),
        Unit("INR", "Q80524", "Indian rupee", "индийская рупия"),
        Unit("BRL", "Q173117", "Brazilian real", "бразильский реал"),
        Unit("km", "Q828224", "kilometre", "километр"),
        Unit("m", "Q11573", "metre", "метр"),
        Unit("t", "Q191118", "tonne", "тонна"),
        Unit("%", "Q11229", "percent", "процент"),
        Unit("kg", "Q11570", "kilogram", "килограмм"),
        Unit("g", "Q41803", "gram", "грамм"),
        Unit("ha", "Q35852", "hectare", "гектар"),
        Unit("km2", "Q712226", "square kilometre", "квадратный километр"),
        Unit("m2", "Q25343", "square metre", "квадратный метр"),
        Unit("m3", "Q25517", "cubic metre", "кубический метр"),
        Unit("l", "Q11582", "litre", "литр"),
        Unit("W", "Q25236", "watt", "ватт"),
        Unit("kW", "Q3320608", "kilowatt", "киловатт"),
        Unit("MW", "Q6982035", "megawatt", "мегаватт"),
        Unit("GW", "Q5879479", "gigawatt", "гигаватт"),
        Unit("kWh", "Q182098", "kilowatt hour", "киловатт-час"),
        Unit("cm", "Q174728", "centimetre", "сантиметр"),
        Unit("mm", "Q174789", "millimetre", "миллиметр"),
        Unit("°C", "Q25267", "degree Celsius", "градус Цельсия"),
        Unit("km/h", "Q180154", "kilometre per hour", "километр в час"),
    )
}
"""Units with a Wikidata item; counts (people, companies) have no unit, their indicator says what is counted."""


RU_LATN = "ru-Latn"
"""The BCP 47 tag of Russian in Latin letters: an extracted entity's transliterated name."""
LABEL_LANGUAGES = ("ru", "en", RU_LATN)
"""The languages an entity is labelled in: Russian always; English when an English name is known, and a
transliteration (Russian in Latin letters) for an extracted entity, which may have no English name."""


def latin_name(labels: dict[str, str]) -> str:
    """The name an English reader is shown: the English one, else the transliteration, else the Russian.

    >>> latin_name({"ru": "технопарк", "ru-Latn": "tekhnopark"}), latin_name({"ru": "Россия", "en": "Russia"})
    ('tekhnopark', 'Russia')
    """
    return labels.get("en") or labels.get(RU_LATN) or labels["ru"]


@dataclass(frozen=True, slots=True)
class Entity:
    """A thing the article speaks of: a person, place, organisation, event, document, indicator, topic; its
    ``labels`` map languages of ``LABEL_LANGUAGES`` to its names."""

    id: str
    cls: str
    labels: dict[str, str]
    wikidata: str | None = None
    mentions: tuple[Span, ...] = ()
    confidence: float | None = None


class YearMonth(NamedTuple):
    """A month of a year, the value of "в декабре 2019 года" (xsd:gYearMonth).

    >>> str(YearMonth(2019, 12))
    '2019-12'
    """

    year: int
    month: int

    def isoformat(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def __str__(self) -> str:
        return self.isoformat()


def time_datatype(value: date | YearMonth | int) -> str:
    """The XML Schema datatype (its local name) a time value is written in: a day an xsd:date, a month an
    xsd:gYearMonth, a year an xsd:gYear (the graph writes it so; the extractor's conformance checks it so).

    >>> time_datatype(date(2019, 11, 7)), time_datatype(YearMonth(2019, 11)), time_datatype(2019)
    ('date', 'gYearMonth', 'gYear')
    """
    if isinstance(value, date):
        return "date"
    return "gYearMonth" if isinstance(value, YearMonth) else "gYear"


@dataclass(frozen=True, slots=True)
class TimeRef:
    """A date as worded in the text and its value: a ``date``, a ``YearMonth``, or an ``int`` year; None when it
    cannot be resolved."""

    wording: Span
    value: date | YearMonth | int | None


Value = str | int | bool | Decimal | date | TimeRef
"""What a fact's object may be besides another entity: a literal, or a worded date."""


@dataclass(frozen=True, slots=True)
class Fact:
    """One statement ``subject predicate object``; ``obj`` is an entity id when ``obj_is_entity``."""

    subject: str
    predicate: str
    obj: str | Value
    evidence: tuple[Span, ...]
    obj_is_entity: bool = False
    language: str | None = None
    implied: bool = False
    stated_in: str | None = None
    confidence: float | None = None


@dataclass(frozen=True)
class Quantity:
    """A figure: value, unit, qualifier, what it measures, of or between whom, and for which period; `out_of` is
    the total a share is counted out of ("76 из 89 субъектов": 76 out of 89)."""

    id: str
    value: Decimal
    measure: str
    evidence: tuple[Span, ...]
    unit: str | None = None
    unit_text: str | None = None
    qualifier: str = "exactly"
    out_of: Decimal | None = None
    concerns: tuple[str, ...] = ()
    flow_from: str | None = None
    flow_to: str | None = None
    period: TimeRef | None = None
    part_of: str | None = None
    change_of: str | None = None
    stated_in: str | None = None
    confidence: float | None = None


@dataclass(frozen=True)
class Utterance:
    """Something said: a direct quote (``text`` is the verbatim words) or a reported statement."""

    id: str
    kind: str
    speakers: tuple[str, ...]
    text: Span
    evidence: tuple[Span, ...] = ()
    verb: str | None = None
    occasion: str | None = None
    concerns: tuple[str, ...] = ()
    confidence: float | None = None


@dataclass(frozen=True)
class ArticleMeta:
    """What we state about the article itself beyond its header: who wrote and published it, what it is about."""

    headline_en: str | None = None
    author: str | None = None
    publisher: str | None = None
    photo_credit: str | None = None
    about: tuple[str, ...] = ()
    language: str = "ru"


@dataclass
class ArticleModel:
    """Everything an article states, ready for the mapping to RDF."""

    article: Article
    meta: ArticleMeta = field(default_factory=ArticleMeta)
    entities: dict[str, Entity] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    utterances: list[Utterance] = field(default_factory=list)
    source: str = "curated"
    left_out: tuple[str, ...] = ()
    """What extraction found but the shapes would refuse, each with why (``extract.conformance``)."""

    def without_facts(self, why: "Callable[[Fact], str | None]") -> "ArticleModel":
        """This model less each fact `why` gives a reason to leave out, the reason listed in ``left_out``; the same
        model when it gives none (``extract.geography``, ``extract.employers``, ``extract.event_times``)."""
        kept, reasons = [], []
        for fact in self.facts:
            reason = why(fact)
            if reason is None:
                kept.append(fact)
            else:
                reasons.append(reason)
        if not reasons:
            return self
        return replace(self, facts=kept, left_out=(*self.left_out, *reasons))


_MOST_SHOWN = 10
"""The most occurrences of cited words an error lists."""


def article_span(article: Article, words: str, at: int | None = None) -> Span:
    """The span of `words` in the article: at offset `at`, or their only occurrence; ValueError otherwise.

    >>> from kgraph.source import parse_article
    >>> a = parse_article("x", "# T\\n\\nОмск и Омск.\\n")
    >>> article_span(a, "Омск", at=12)
    Span(start=12, end=16, text='Омск')
    >>> article_span(a, "Омск")
    Traceback (most recent call last):
    ...
    ValueError: 'Омск' occurs 2 times (at 5, 12); say which with `at`
    """
    text = article.text
    if not words:
        raise ValueError("empty evidence: cite at least one word")
    if at is not None:
        found = text[at : at + len(words)]
        if found != words:
            raise ValueError(f"{shown(words)} is not at offset {at}; the text there is {shown(found)}")
        return Span(at, at + len(words), words)
    positions: list[int] = []
    position = text.find(words)
    while position >= 0 and len(positions) < _MOST_SHOWN:  # words that overlap themselves ("ааа") can occur
        positions.append(position)  # at nearly every offset: finding them all took the text's length squared
        position = text.find(words, position + 1)
    if not positions:
        raise ValueError(f"{shown(words)} is not in the article text")
    if len(positions) > 1:
        where = ", ".join(map(str, positions))
        times = f"{len(positions)}" if position < 0 else f"{_MOST_SHOWN} or more"
        raise ValueError(f"{shown(words)} occurs {times} times (at {where}); say which with `at`")
    return Span(positions[0], positions[0] + len(words), words)


class _Shown(reprlib.Repr):
    """reprlib's bounded repr, also for subclasses of dict and list (the facts loader's line-aware ones)."""

    def repr1(self, x: object, level: int) -> str:
        if isinstance(x, dict):
            return self.repr_dict(x, level)
        if isinstance(x, list):
            return self.repr_list(x, level)
        return super().repr1(x, level)


_SHOWN = _Shown()
_SHOWN.maxstring = _SHOWN.maxother = 80
_SHOWN.maxlong = 40
_SHOWN.maxlist = _SHOWN.maxdict = 4
_SHOWN.maxlevel = 3


def shown(value: object) -> str:
    """`value` quoted in an error message: its repr, cut to about 80 characters, however large the value.

    >>> shown("Омск"), len(shown("x" * 1_000_000)), shown([[[["deep"]]]] * 100)
    ("'Омск'", 80, '[[[[...]]], [[[...]]], [[[...]]], [[[...]]], ...]')
    """
    text = _SHOWN.repr(value)
    return text if len(text) <= 100 else text[:99] + "…"
