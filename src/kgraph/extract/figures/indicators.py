"""Which noun a figure measures ("штраф в размере 6 млн рублей": штраф; "мощностью 2,5 кВт": мощность; "повысил
ставку до 16%": ставка), read from the words around it: the indicator's id (a draft of the document, added when
new); ``measures`` makes the quantity.

>>> from kgraph.extract.figures.amounts import find_amounts
>>> from kgraph.extract.doc import Doc
>>> from kgraph.extract.spans import SpanIndex
>>> from kgraph.source import parse_article
>>> article = parse_article("x", "# Т\\n\\nСуд назначил штраф в размере 6 млн рублей.\\n")
>>> amount = find_amounts(article.text)[0]
>>> doc = Doc(article)
>>> doc.draft(indicator(doc, article.text, amount, {}, SpanIndex([]), changed_by(article.text, amount))).label
'штраф'
"""

import re
from bisect import bisect_right

from ...source import Span
from ..doc import Doc, Draft
from ..spans import SpanIndex
from ..text.normalise import CYRILLIC_WORD, genitive, lemma, noun_phrase_nominative, parses, preposition
from ..text.words import RUSSIAN, words
from . import amount_words as vocab
from .amounts import Amount, change_before


def indicator(
    doc: Doc,
    text: str,
    amount: Amount,
    nouns: dict[Span, list[tuple[int, re.Match[str]]]],
    named: SpanIndex,
    change: tuple[str, int, int] | None,
) -> str:
    """What an amount measures (``measured``), or the rise or fall of it when the amount is what it rose or fell by
    (`change`, ``changed_by``'s answer, which the caller has: "Выручка снизилась на 8%" measures "снижение
    выручки", named by the word of change).

    >>> from kgraph.extract.figures.amounts import find_amounts
    >>> from kgraph.source import parse_article
    >>> article = parse_article("x", "# Т\\n\\nВыручка компании снизилась на 8%.\\n")
    >>> doc = Doc(article)
    >>> amount = find_amounts(article.text)[0]
    >>> doc.draft(indicator(doc, article.text, amount, {}, SpanIndex([]), changed_by(article.text, amount))).label
    'снижение выручки'
    """
    if change is not None and (of_what := _change_noun_of(text, change[1], change[2])) is not None:
        # "повышение связано с ростом затрат на 15%": the noun of change names what changed after it
        return doc.add(
            Draft("INDICATOR", of_what, [doc.span(change[1], change[2])], cls="kg:Indicator", confidence=0.5)
        )
    label, evidence = measured(doc, text, amount, nouns, named, counts_points=change is None)
    if amount.is_money and (per := _PER_UNIT.match(text, amount.end)) is not None:
        label = f"{label} за {per.group('unit').lower()}"  # "74 тыс. рублей за тонну": the price of a tonne, no total
    said = [evidence]
    if change is not None:
        direction, start, end = change
        label = change_label(direction, label, text[start:end])
        # the words of what changed, when a noun says it, and the word of change
        said = sorted(
            {doc.span(start, end)} | ({evidence} if evidence.end <= amount.start else set()),
            key=lambda span: span.start,
        )
    return doc.add(Draft("INDICATOR", label, said, cls="kg:Indicator", confidence=0.5))


_PER_UNIT = re.compile(
    r"\.?[^\S\n]+за[^\S\n]+(?:(?:один|одну|одного|1)[^\S\n]+)?(?P<unit>тонну|килограмм|кг|литр|баррель|километр|метр|"
    r"квадратный[^\S\n]+метр|кв\.[^\S\n]*м|кубометр|кубический[^\S\n]+метр|гектар|штуку|единицу|упаковку|доллар|"
    r"евро|юань|человека|место|билет|киловатт-час|мегаватт-час|МВт·ч|кВт·ч)(?![а-яё])",
    re.IGNORECASE,
)
"""What a sum is the price of one of, right after it: "74 тыс. рублей за тонну", "3 рубля за километр", "90 рублей за
доллар"; not a span of time ("5 млн рублей за год" is what was earned in the year)."""

_BY = re.compile(r"(?<![А-ЯЁа-яё])на\s+\Z")
""""на" right before a figure: what a value changed by ("снизилась на 8%")."""

_BY_IN_WORDS = re.compile(r"(?:\S+\s+){0,3}?на\s")
""""на" inside an amount's words, after its qualifier ("почти на 5%", "более чем на 20%", "не менее чем на 30%")."""

_NO_MEASURE = frozenset({"сумма", "доля", "величина"})
"""The labels ``measured`` gives when no noun says what a figure measures."""


def changed_by(text: str, amount: Amount) -> tuple[str, int, int] | None:
    """Whether the amount is what a value rose or fell by: "на" before its figure and a word of change before that
    in its clause ("Выручка снизилась на 8%", "Цены выросли почти на 5%"); "rise" or "fall" and where the word is.

    >>> from kgraph.extract.figures.amounts import find_amounts
    >>> text = "Цены выросли почти на 5%, а выручка составила на конец года 8 млн рублей."
    >>> [changed_by(text, amount) for amount in find_amounts(text)]
    [('rise', 5, 12), None]
    """
    opening = _BY_IN_WORDS.match(amount.text)
    if opening is not None:
        at = amount.start + opening.end() - 3
    elif _BY.search(text, max(0, amount.start - 4), amount.start):
        at = amount.start - 3
    else:
        return None
    return change_before(text, at)


_PRICE_CHANGES = {
    "дорожать": "подорожание",
    "подорожать": "подорожание",
    "дешеветь": "удешевление",
    "подешеветь": "удешевление",
}
"""Verbs of a change of price and the noun each names it by ("бензин подорожал на 1,4%": подорожание бензина)."""


def change_label(direction: str, measure: str, word: str = "") -> str:
    """The label of the rise or fall of a measure, told by the `word` of change: "рост цены", "снижение ключевой
    ставки", "подорожание бензина"; a rise or a fall alone when no noun says what changed, and a measure that is a
    change already as it is ("повышение").

    >>> change_label("fall", "ключевая ставка"), change_label("rise", "доля")
    ('снижение ключевой ставки', 'рост')
    >>> change_label("rise", "бензин", "подорожал")
    'подорожание бензина'
    """
    if lemma(measure.split(" ")[0]) in vocab.CHANGES:
        return measure
    noun = next((_PRICE_CHANGES[form] for form in vocab.lemmas(word) if form in _PRICE_CHANGES), None) if word else None
    noun = noun or ("рост" if direction == "rise" else "снижение")
    return noun if measure in _NO_MEASURE else f"{noun} {genitive(measure)}"


def _change_noun_of(text: str, start: int, end: int) -> str | None:
    """A noun of change (`start`..`end`) with a noun in the genitive after it, in the nominative: "ростом затрат":
    "рост затрат" (what changed as written); None for a verb or a noun with none after it."""
    word = text[start:end].lower()
    reading = parses(word)[0]
    after = _WORD_AFTER.match(text, end)
    if "NOUN" not in reading.tag or after is None or not _noun_in(after.group(1), "gent"):
        return None
    return f"{reading.normal_form} {after.group(1)}"


def measured(
    doc: Doc,
    text: str,
    amount: Amount,
    nouns: dict[Span, list[tuple[int, re.Match[str]]]],
    named: SpanIndex,
    counts_points: bool = True,
) -> tuple[str, Span]:
    """What an amount measures, and the words that say it: the noun before "в размере" or "на сумму" ("штраф в
    размере 6 млн рублей"; for a sum, before "в" too: "штрафу в 50 млн рублей"), else the noun it counts with its
    adjectives ("рабочее место"; "40 единиц техники": техника), else the noun a verb changed by or to it
    ("повысил ставку до 16%"), else a noun in the locative after "на" or "при" just before it ("на глубине 10
    км"), else a noun in the instrumental just before it ("мощностью 2,5 кВт"), else a thing's noun in the
    accusative just before it ("занять долю около 5%"), else, for a figure in units, a noun in the genitive just
    after it, or an adjective and a noun ("500 млн тонн нефти", "1,3 трлн рублей чистой прибыли"), else the last
    nominative noun before it in its clause
    (`_nominative_nouns`, `_clause_start`; "объём инвестиций" with the genitive after a word of amount).

    `nouns` keeps each sentence's nominative nouns, found once (a sentence may hold thousands of amounts); a noun
    inside the mention of a person, an organisation or a place (`named`) is none ("# Суд оштрафовал Google на 3,8
    млрд рублей", "Сбербанк … заработал 1,3 трлн рублей": the court and the bank are no measures). Without
    `counts_points`, points are no counted noun ("снизил ставку на 25 базисных пунктов": what fell is named
    elsewhere).
    """
    measured = _INSTRUMENTAL_BEFORE.search(text, max(0, amount.start - 40), amount.start)
    sized = _SIZE_FOR.search(text, max(0, amount.start - 90), amount.start) or _SIZE_OF.search(
        text, max(0, amount.start - 60), amount.start
    )
    if sized is None and (level := _LEVEL_OF.search(text, max(0, amount.start - 60), amount.start)) is not None:
        sized = None if _after_preposition(text, level.start(1)) else level
    if sized is not None and named.covers(sized.start(1), sized.end(1)):
        sized = None  # "иск … к бизнесмену Алексею Мордашову на сумму 200 млн": a person is no measure
    cost = _COST_BEFORE.search(text, max(0, amount.start - 60), amount.start) if amount.is_money else None
    # "приговорил … к штрафу в 50 млн рублей": штраф; not the payer after a verb of costing ("Строительство обошлось
    # городу в 78 млрд рублей": what cost it, the nominative before, not the city)
    if sized is None and amount.is_money and cost is None:
        sized = _SUM_OF.search(text, max(0, amount.start - 40), amount.start)
        reading = parses(sized.group(1).lower())[0].tag if sized else None
        if reading is not None and reading.case == "gent" and "anim" in reading:
            sized = None  # "состояние предпринимателя в 17,6 млрд долларов": the fortune's, not the businessman's
            # ("получение взятки в 15 млн рублей" is the bribe's)
    of_what = _WORD_AFTER.match(text, amount.end) if amount.unit_text else None
    sized_tag: set[str] = set(parses(sized.group(1).lower())[0].tag.grammemes) if sized else set()
    if sized and "NOUN" in sized_tag:  # "штраф в размере 6 млн рублей": штраф
        label, evidence = lemma(sized.group(1).lower()), doc.span(sized.start(1), sized.end(1))
    elif sized and {"ADJF", "PRTF"} & sized_tag and "plur" in sized_tag:
        # an adjective standing for a noun, as written: "призовые в размере 560 тысяч долларов"
        label, evidence = sized.group(1).lower(), doc.span(sized.start(1), sized.end(1))
    elif amount.counted and (counts_points or lemma(amount.counted.lower()) != "пункт"):
        label = _counted_as_before(doc, amount.counted)
        start = amount.counted_start or amount.end
        evidence = doc.span(start, start + len(amount.counted))
        counted_what = _WORD_AFTER.match(text, evidence.end) if label in _UNITS_OF_COUNT else None
        if counted_what and _noun_in(counted_what.group(1), "gent"):  # "40 единиц техники": техника
            label, evidence = lemma(counted_what.group(1)), doc.span(counted_what.start(1), counted_what.end(1))
        else:  # "300 рабочих мест": рабочее место, with the adjectives between the figure and the noun
            qualified = _qualified(text[amount.end : start], amount.counted)
            if qualified:
                label, evidence = qualified, doc.span(start - len(text[amount.end : start].lstrip()), evidence.end)
    elif (changed := _changed(text, _figure_start(text, amount.start))) is not None:  # "повысил ставку до 16%"
        label, evidence = changed[0], doc.span(*changed[1])
    elif (
        (at := _AT_NOUN_BEFORE.search(text, max(0, amount.start - 40), amount.start))
        and _noun_in(at.group(1), "loct")
        and lemma(at.group(1).lower()) not in _MARKS
    ):
        label, evidence = lemma(at.group(1).lower()), doc.span(at.start(1), at.end(1))  # "на глубине 10 километров"
    elif measured and _noun_in(measured.group(1), "ablt"):
        label, evidence = lemma(measured.group(1).lower()), doc.span(measured.start(1), measured.end(1))
    elif (taken := _OBJECT_BEFORE.search(text, max(0, amount.start - 40), amount.start)) and (
        _object(taken.group(1)) and not _after_preposition(text, taken.start(1))
    ):  # not "доставлять на орбиту до 200 тонн груза": a place the preposition names, not what the verb takes
        label, evidence = lemma(taken.group(1).lower()), doc.span(taken.start(1), taken.end(1))  # "занять долю 5%"
    elif of_what and _noun_in(of_what.group(1), "gent"):  # "500 млн тонн нефти", "60 млн кВт·ч электроэнергии"
        label, evidence = lemma(of_what.group(1)), doc.span(of_what.start(1), of_what.end(1))
    elif of_what and (phrase := _qualified_after(text, amount.end)) is not None:
        label, evidence = phrase[0], doc.span(*phrase[1])  # "1,3 трлн рублей чистой прибыли": чистая прибыль
    elif amount.is_money and (fined := _FINED.search(text, max(0, amount.start - 80), amount.start)) is not None:
        label, evidence = "штраф", doc.span(fined.start(), fined.end())  # "оштрафовал автосалон на 500 тысяч рублей"
    elif (
        amount.unit in _LENGTHS
        and _DISTANCE.search(text, max(0, amount.start - 12), amount.start)
        and (_DISTANCE_FROM.match(text, amount.end))
    ):  # "в 120 километрах к востоку от Петропавловска": how far, not the earthquake the sentence names first
        label, evidence = "расстояние", doc.span(amount.start, amount.end)
    elif (named_before := _named_before_dash(text, amount.start)) is not None:  # "температуру воздуха — плюс 38"
        label, evidence = lemma(named_before.group().lower()), doc.span(named_before.start(), named_before.end())
    else:
        sentence = doc.sentence(amount.start)
        if sentence not in nouns:
            nouns[sentence] = [n for n in _nominative_nouns(text, sentence) if not named.covers(*n[1].span())]
        # the last before the amount; an amount never starts right after a letter, so no word runs on past it
        before = bisect_right(nouns[sentence], amount.start, key=lambda noun: noun[0])
        clause = _clause_start(text, sentence.start, amount.start)
        if amount.is_money or amount.is_percent:  # "мужчина получил … 38 млн рублей": who acts, not what is measured
            while before and _acts(nouns[sentence][before - 1][1].group()):
                before -= 1
        if before and nouns[sentence][before - 1][1].start() >= clause:
            noun = nouns[sentence][before - 1][1]
            label, evidence = lemma(noun.group().lower()), doc.span(noun.start(), noun.end())
            of = _WORD_AFTER.match(text, noun.end()) if label in _GENERIC_MEASURES else None
            latin = _LATIN_AFTER.match(text, noun.end()) if label in _GENERIC_MEASURES else None
            if of and _noun_in(of.group(1), "gent"):  # "объём инвестиций — около 30 млрд рублей"
                label, evidence = f"{label} {of.group(1)}", doc.span(noun.start(), of.end(1))
            elif latin:  # "Показатель EBITDA снизился на 19%"
                label, evidence = f"{label} {latin.group(1)}", doc.span(noun.start(), latin.end(1))
        else:
            label = "сумма" if amount.is_money else "доля" if amount.is_percent else "величина"
            evidence = doc.span(amount.start, amount.end)
    return label, evidence


def _counted_as_before(doc: Doc, counted: str) -> str:
    """The dictionary form of a counted noun: of its readings', the one an indicator of the article is filed under
    already (``Doc.has``: "22 очками" after "28 очков" is "очко", not pymorphy3's likelier "очки", glasses), else
    the likeliest. The document's index is looked up, not every entity read again for each figure."""
    reading = parses(counted.lower())[0]
    if "PRTF" in reading.tag:  # "пострадавших": пострадавший, not the verb "пострадать" pymorphy3 files it under
        single = reading.inflect({"nomn", "sing", "masc"})
        return str(single.word) if single is not None else counted.lower()
    found = lemma(counted.lower())
    if doc.has("kg:Indicator", found):
        return found
    others = [str(p.normal_form) for p in parses(counted.lower()) if p.tag.POS == "NOUN"]
    return next((other for other in others if doc.has("kg:Indicator", other)), found)


_SUBORDINATE = re.compile(r"(?<![А-ЯЁа-яё])(?:что|чтобы|где|котор(?:ый|ая|ое|ые|ого|ой|ую|ым|ых|ыми|ом))(?![А-ЯЁа-яё])")
"""Words that open a subordinate clause: a figure in one measures nothing of the clause before it ("Генеральный
директор рассказал, что в проект вложено до 30 тысяч рублей" is no director's figure)."""


_OWNED_BY_WHICH = re.compile(r"(?<![А-ЯЁа-яё])[а-яё]+\s+котор(?:ого|ой|ых)\Z")
"""A word and "которого" right after it, no comma between: the clause opens with that word, a noun "которого" owns
("площадь которого"), or a preposition ("из которых")."""


def _clause_start(text: str, start: int, position: int) -> int:
    """Where the clause holding `position` starts: after the last word before it that opens a subordinate clause
    (from `start`, its sentence's start), or at the noun before a "которого" that owns it ("площадь которого
    достигала 120 тысяч гектаров"), unless a comma closed that clause before `position` ("Дистанция, которую он
    обязался преодолеть, составляла 2,5 км": the main clause's)."""
    found = start
    for word in _SUBORDINATE.finditer(text, start, position):
        found = word.end()
        owner = _OWNED_BY_WHICH.search(text, start, word.end())
        if owner is not None and owner.end() == word.end():
            found = owner.start()  # "пожар, площадь которого достигала 120 тысяч гектаров": the clause holds площадь
    return start if "," in text[found:position] else found


def _nominative_nouns(text: str, sentence: Span) -> list[tuple[int, re.Match[str]]]:
    """The nominative nouns of a sentence (where each ends, the word): in lower case, or its first word when nothing
    stands before it but a headline's "#" ("Площадь", "# Выручка", not "«Арсенал»"); not one right after a
    preposition ("в проект", "через трубопровод": an accusative that reads as a nominative), nor a part of a word
    joined by a hyphen ("литий" of "литий-ионных аккумуляторов"); nor one after a preposition and a pronoun ("за это
    время") or after "как" and a verb, who tells ("Как установило следствие, … получил 4,5 млн рублей")."""
    found: list[tuple[int, re.Match[str]]] = []
    before: re.Match[str] | None = None
    earlier: re.Match[str] | None = None
    for word in CYRILLIC_WORD.finditer(text, sentence.start, sentence.end):
        opening = before is None and not text[sentence.start : word.start()].strip("# \t\n")
        after_preposition = who_tells = False
        if before is not None and not text[before.end() : word.start()].strip():  # "в проект", "за это время"
            led = earlier is not None and preposition(earlier.group()) and _pronoun(before)
            after_preposition = preposition(before.group()) or led
            who_tells = earlier is not None and earlier.group().lower() == "как" and _verb(before)
        in_compound = text[word.end() : word.end() + 1] == "-" or text[word.start() - 1 : word.start()] == "-"
        if not after_preposition and not who_tells and not in_compound and _nominative_noun(word.group(), opening):
            found.append((word.end(), word))
        earlier, before = before, word
    return found


def _pronoun(word: re.Match[str]) -> bool:
    """Whether a word reads as a pronoun or a pronominal adjective in one of its first two readings ("это", whose
    first is a particle; "этот", "свой")."""
    return any("NPRO" in p.tag or "Apro" in p.tag for p in parses(word.group().lower())[:2])


def _verb(word: re.Match[str]) -> bool:
    """Whether a word reads first as a verb ("установило", "сообщили")."""
    return "VERB" in parses(word.group().lower())[0].tag


def _changed(text: str, start: int) -> tuple[str, tuple[int, int]] | None:
    """What a figure after "до", "на" or "с" is a change of (`_CHANGED_BEFORE`): the accusative noun before the
    preposition, in the nominative with its adjective, and where those words are; None when no such noun stands
    there (nor one led by a preposition of its own: "в проект на 30 млн").

    >>> text = "Банк России повысил ключевую ставку до 16% годовых."
    >>> _changed(text, text.index("16"))
    ('ключевая ставка', (20, 35))
    >>> text = "Банк России повысил ключевую ставку на 2 процентных пункта, до 16% годовых."
    >>> _changed(text, text.index("16"))
    ('ключевая ставка', (20, 35))
    >>> text = "Власти выделят на эти цели до 5 млрд рублей."
    >>> _changed(text, text.index("5"))
    >>> text = "Сеть увеличила выручку на 18,2% — до 3,1 трлн рублей."
    >>> _changed(text, text.index("3,1"))
    ('выручка', (15, 22))
    >>> text = "Предложил создать фонд развития с капиталом 5 млрд долларов."
    >>> _changed(text, text.index("5"))
    """
    found = _CHANGED_BEFORE.search(text, max(0, start - 100), start)
    noun = found.group("noun") if found else ""
    readings = parses(noun)
    # a noun first ("и" is also the letter's name, an accusative: "токенов и на 40% чаще")
    accusative = (
        bool(readings) and "NOUN" in readings[0].tag and any("NOUN" in p.tag and p.tag.case == "accs" for p in readings)
    )
    if found is None or not accusative or _animate(noun):  # "пенсии": a genitive first, an accusative plural too
        return None
    if lemma(noun) in _TIME_NOUNS:
        return None  # "портфель вырос с начала года на 9%": the year is when, not what grew
    if found.group("between") and "NOUN" in parses(found.group("between"))[0].tag:
        return None  # "фонд развития с капиталом 5 млрд долларов": the noun before the figure measures it, no change
    words_start = found.start("noun")
    adjective = found.group("adjective")
    if adjective and any(p.tag.POS in {"ADJF", "PRTF"} and p.tag.case == "accs" for p in parses(adjective)[:2]):
        words_start = found.start("adjective")
    elif adjective and preposition(adjective):
        return None
    if _after_preposition(text, words_start):
        return None  # "выделят на эти цели до 5 млрд": a noun led by a preposition of its own is no changed thing
    if words_start == found.start("noun"):
        return lemma(noun), (words_start, found.end("noun"))  # "цены": цена, as an indicator of one word is named
    return noun_phrase_nominative(text[words_start : found.end("noun")]), (words_start, found.end("noun"))


def _figure_start(text: str, start: int) -> int:
    """Where an amount's figure starts: after the "до", "на" or "с" its words may open with ("— до 3,1 трлн рублей")."""
    found = _LEADING_PREPOSITION.match(text, start)
    return found.end() if found else start


_LEADING_PREPOSITION = re.compile(r"(?:до|на|с|со)\s+(?=\d)")


_ADJECTIVE_NOUN_AFTER = re.compile(r"[ \u00a0]+([а-яё]+)[ \u00a0]+([а-яё]+)")


def _qualified_after(text: str, end: int) -> tuple[str, tuple[int, int]] | None:
    """An adjective and a noun, both in the genitive, right after a figure in units, in the nominative, and where
    they are: "1,3 трлн рублей чистой прибыли" measures "чистая прибыль".

    >>> _qualified_after("заработал 1,3 трлн рублей чистой прибыли по МСФО", 25)
    ('чистая прибыль', (26, 40))
    """
    found = _ADJECTIVE_NOUN_AFTER.match(text, end)
    if found is None or not _noun_in(found.group(2), "gent"):
        return None
    if not any({"ADJF", "PRTF"} & p.tag.grammemes and p.tag.case == "gent" for p in parses(found.group(1))[:2]):
        return None
    return noun_phrase_nominative(text[found.start(1) : found.end(2)]), (found.start(1), found.end(2))


def _object(word: str) -> bool:
    """Whether a word's likeliest reading is a thing's noun in the accusative, no noun of time: what a verb takes,
    and the figure after it says how much ("занять долю около 5%"; not "мужчину", not "неделю")."""
    likeliest = parses(word.lower())[0]
    return (
        "NOUN" in likeliest.tag
        and likeliest.tag.case == "accs"
        and "anim" not in likeliest.tag
        and likeliest.normal_form not in _TIME_NOUNS
    )


_BODIES = frozenset(
    {"компания", "фирма", "банк", "корпорация", "предприятие", "холдинг", "концерн", "правительство", "министерство"}
)
"""Nouns of a body that spends, earns or pays a sum, which no sum measures ("компания вложит более 8 млрд рублей")."""


def _acts(word: str) -> bool:
    """Whether a noun names one who acts with a sum: a person or an animal, or a body (`_BODIES`)."""
    return _animate(word) or lemma(word.lower()) in _BODIES


def _animate(word: str) -> bool:
    """Whether a noun's likeliest reading is of a person or an animal ("мужчина", "фермер")."""
    return "anim" in parses(word.lower())[0].tag


def _nominative_noun(word: str, first: bool = False) -> bool:
    """Whether a word is a common noun that may be in the nominative (its likeliest reading a noun, a nominative
    of the same number among its two likeliest), no noun of time: in lower case, or a sentence's first word
    ("Площадь") that is no name."""
    if len(word) < 2:
        return False  # a letter: an abbreviation's ("п" of "п.п.", "г" of "г."), never what is measured
    readings = parses(word.lower())[:2]
    likeliest = readings[0]
    if "NOUN" not in likeliest.tag or lemma(word.lower()) in _TIME_NOUNS:
        return False
    # "ущерб" is an accusative first and a nominative second, one form of one number: either may be meant; not
    # "аренды", a genitive singular first and a nominative plural second
    same = [p for p in readings if p.tag.number == likeliest.tag.number and p.normal_form == likeliest.normal_form]
    parse = next((p for p in same if "NOUN" in p.tag and p.tag.case == "nomn"), None)
    if parse is None:
        return False
    return not word[:1].isupper() or (first and not _NAMES & parse.tag.grammemes)


_GENERIC_MEASURES = frozenset(
    {"объём", "объем", "размер", "количество", "число", "уровень", "доля", "сумма", "величина", "рост", "темп"}
    | {"показатель"}
)
"""Nouns that say how much of something, named by the genitive after them: "объём инвестиций", "число жертв"."""


def _qualified(between: str, noun: str) -> str | None:
    """A counted noun with the adjectives before it, in the nominative singular ("рабочих мест": "рабочее место",
    "совместных предприятий": "совместное предприятие"), or None when no adjective stands there or one will not
    agree."""
    words = between.split()
    if not words or not all(word.isalpha() and word.islower() for word in words):
        return None
    head = next((p for p in parses(noun.lower()) if "NOUN" in p.tag), None)
    single = head.inflect({"nomn", "sing"}) if head is not None else None
    if single is None or head is None:
        return None
    shown = []
    for word in words:
        adjective = next((p for p in parses(word) if {"ADJF", "PRTF"} & p.tag.grammemes), None)
        wanted = {"nomn", "sing"} | ({head.tag.gender} if head.tag.gender else set())
        form = adjective.inflect(wanted) if adjective is not None else None
        if form is None:
            return None
        shown.append(str(form.word))
    return " ".join([*shown, str(single.word)])


_UNITS_OF_COUNT = frozenset({"единица", "штука", "экземпляр"})
"""Nouns that count the noun after them: "40 единиц техники" counts техника."""


_TIME_NOUNS = frozenset(
    {"год", "полугодие", "квартал", "месяц", "неделя", "день", "сутки", "час", "минута", "секунда", "век", "раз"}
    | {"период"}
    | set(vocab.MONTHS)  # "Выручка за январь — март сократилась на 11%": the revenue's
)
"""Nouns of time, which a figure after them never measures ("Доходы за 2018 год составили 3,04 млрд долларов",
"Выручка за первый квартал выросла до 180 млрд рублей", "Чистая прибыль за этот период составила 290 млрд")."""


_NAMES = {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"}


_INSTRUMENTAL_BEFORE = re.compile(r"(?<![А-ЯЁа-яё])([а-яё]+)\s+(?:по\s+)?\Z")
"""A word in lower case right before a figure, or before "по" and the figure: "мощностью 2,5 кВт", "реакторов
мощностью по 55 МВт" (a noun in the instrumental names the measure)."""


_ABOUT = r"(?:(?:около|более|менее|почти|свыше|порядка|примерно)\s+)?"
"""A word between a noun and the figure that says it is about that much ("долю около 5%"), if any."""


_OBJECT_BEFORE = re.compile(r"(?<![А-ЯЁа-яё])([а-яё]+)\s+" + _ABOUT + r"\Z")
"""A word in lower case before a figure, or before a word that says it is about that much ("долю около 5%")."""


_FINED = re.compile(r"(?<![А-ЯЁа-яё])оштраф[а-яё]*(?=[^.!?\n]*\Z)", re.IGNORECASE)
"""A verb of fining before a sum in its sentence: the sum is the fine ("Суд оштрафовал автосалон «Авто-Лидер» на 500
тысяч рублей")."""


def _after_preposition(text: str, start: int) -> bool:
    """Whether the word starting at `start` follows a preposition: it is in the preposition's phrase ("на орбиту",
    "в мае"), not what a verb takes or what a sentence is about."""
    before = words(text).before(start, RUSSIAN)
    return before is not None and preposition(before.text)


_SIZE_OF = re.compile(r"(?<![А-ЯЁа-яё])([А-ЯЁа-яё]+)\s+(?:в\s+размере|на\s+сумму|в\s+сумме|в\s+объ[её]ме)\s+\Z")
"""A noun before "в размере", "на сумму": what the figure after them is the size of ("взятки в размере 3 млн")."""


_LEVEL_OF = re.compile(r"(?<![А-ЯЁа-яё])([А-ЯЁа-яё]+)\s+на\s+уровне\s+\Z")
"""A noun before "на уровне": what the figure after it is the level of ("сохранить ключевую ставку на уровне 16%"),
unless a preposition takes the noun ("Безработица в Москве на уровне 3%": no place is measured)."""


_SIZE_FOR = re.compile(
    r"(?<![А-ЯЁа-яё])([а-яё]+)\s+для\s+(?:[а-яё]+\s+){0,2}[а-яё]+\s+"
    r"(?:в\s+размере|на\s+сумму|в\s+сумме|в\s+объ[её]ме)\s+\Z"
)
"""A noun before "для" whom it is for, then "в размере": the size is of that noun ("штраф для юридических лиц в
размере 500 тысяч рублей": штраф, not лица)."""


_SUM_OF = re.compile(r"(?<![А-ЯЁа-яё])([а-яё]+)\s+в\s+\Z")
"""A noun in lower case before "в" and a sum: what the sum is of ("штрафу в 50 млн рублей", "ущерб в 10 млн")."""


_MARKS = frozenset({"уровень", "отметка"})
"""Nouns after "на" that only say a figure is a value ("Цена акции установлена на уровне 115 рублей", "нефть
торговалась на отметке 80 долларов"): what it measures is named before them."""

_AT_NOUN_BEFORE = re.compile(r"(?<![А-ЯЁа-яё])(?:на|при)\s+([а-яё]+)\s+" + _ABOUT + r"\Z")
"""A noun in the locative after "на" or "при" right before a figure (an "около" between): "на глубине 10
километров", "на высоте 3 тысяч метров", "при температуре около 400 градусов" (what the figure measures)."""


_CHANGED_BEFORE = re.compile(
    r"(?<![А-ЯЁа-яё])(?:(?P<adjective>[а-яё]+)\s+)?(?P<noun>[а-яё]+)\s+"
    r"(?:(?:на|с|со)\s+(?:[^,;.!?«»\n]|(?<=\d)[,.](?=\d)){1,90}(?:,|\s+[—–])\s+)?(?:до|на|с|со)\s+"
    r"(?:(?P<between>[а-яё]+)\s+)?\Z"
)
"""A noun in the accusative (with its adjective) before "до", "на" or "с" and the figure: what a verb changed by or
to it ("повысил ключевую ставку до 16%", "снизили цены на 10%", "увеличила добычу на 5 млн тонн"), also after the
change told first ("повысил ключевую ставку на 2 процентных пункта, до 16%"; "увеличила выручку на 18,2% — до 3,1
трлн рублей")."""


_LATIN_AFTER = re.compile(r"[ \u00a0]+([A-Z][A-Za-z0-9]{1,15})\b")
"""A name in Latin letters after a generic measure's noun: "Показатель EBITDA"."""
_WORD_AFTER = re.compile(r"[ \u00a0]+([а-яё]+)")
"""A word in lower case right after a figure in units: "тонн нефти" (a noun in the genitive names what is measured)."""

_COST_BEFORE = re.compile(
    r"(?<![А-ЯЁа-яё])(обош(?:лось|лась|[её]лся|лись)|обойд[её]тся|обойдутся|обходится|обходятся|обходил(?:ось|ся|ась)"
    r"|стоил[аои]?|стоит|стоят|стоить)\s+(?:[а-яё]+\s+){0,2}?(?:в\s+)?"
    r"(?:(?:около|более|менее|почти|свыше|порядка|примерно)\s+)?\Z"
)
"""A verb of costing and at most two words before a sum: "обошлось городу в 78 млрд рублей", "стоит 5 тысяч" (a
noun between is who pays)."""

_LENGTHS = frozenset({"km", "m"})
_DISTANCE = re.compile(r"(?<![А-ЯЁа-яё])(?:в|во)\s+(?:(?:около|более|менее|почти|примерно|порядка)\s+)?\Z")
_DISTANCE_FROM = re.compile(r"\s+(?:(?:к|на)\s+(?:северо-|юго-)?(?:востоку|западу|северу|югу)\s+)?от(?![А-ЯЁа-яё])")
"""A length said as how far a place is from another: "в 120 километрах к востоку от Петропавловска", "в 5 км от
берега"."""


_DASH_BEFORE = re.compile(
    r"(?<![А-ЯЁа-яё])((?:[А-ЯЁа-яё]+\s+){0,2}[А-ЯЁа-яё]+)[^\S\n]+[—–][^\S\n]+(?:(?:плюс|минус)\s+)?" + _ABOUT + r"\Z"
)
"""Up to three words, a dash and a figure (its sign or a word that says it is about that much before it, if any)."""


_WORD = re.compile(r"[А-ЯЁа-яё]+")
"""A Cyrillic word."""


def _named_before_dash(text: str, start: int) -> re.Match[str] | None:
    """The noun a verb takes (in the accusative or the instrumental) that the words before a dash and a figure end
    with, past the nouns in the genitive that qualify it ("рекордную температуру воздуха — плюс 38,4 градуса":
    температуру); None for any other noun: a nominative is the sentence's own noun, found elsewhere, and a noun a
    preposition takes names no measure ("Инфляция в мае — 5%").

    >>> text = "зафиксировали рекордную температуру воздуха — плюс 38,4 градуса"
    >>> _named_before_dash(text, text.index("плюс")).group(), _named_before_dash("Инфляция в мае — 5%", 17)
    ('температуру', None)
    """
    before = _DASH_BEFORE.search(text, max(0, start - 80), start)
    if before is None:
        return None
    for word in reversed(list(_WORD.finditer(text, before.start(1), before.end(1)))):
        reading = parses(word.group().lower())[0].tag
        if "NOUN" not in reading or word.group()[1:2].isupper():  # an abbreviation ("ВВП") is no measure's noun
            return None
        if reading.case != "gent":
            taken = reading.case in ("accs", "ablt") and not _after_preposition(text, word.start())
            return word if taken else None
    return None


def _noun_in(word: str, case: str) -> bool:
    """Whether a word's likeliest reading is a noun in `case` ("мощностью": ablt; "нефти": gent)."""
    parse = parses(word)[0]
    return "NOUN" in parse.tag and parse.tag.case == case
