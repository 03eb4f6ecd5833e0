"""What figures measure: a quantity per amount found, with the indicator it measures and the place it concerns.

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
from bisect import bisect_right
from dataclasses import replace

from ...model import Quantity
from ...source import Span
from ..doc import Doc, Draft
from ..pipeline import component
from ..text.normalise import CYRILLIC_WORD, lemma, parses
from .amounts import Amount


def _indicator(doc: Doc, text: str, amount: Amount, nouns: dict[Span, list[tuple[int, re.Match[str]]]]) -> str:
    """What an amount measures: the noun it counts, else a noun in the instrumental just before it ("мощностью 2,5
    кВт", "площадью 300 гектаров"), else the last nominative noun before it in its sentence (its first word too).

    `nouns` keeps each sentence's nominative nouns, found once (a sentence may hold thousands of amounts).
    """
    measured = _INSTRUMENTAL_BEFORE.search(text, 0, amount.start)
    if amount.counted:
        label = lemma(amount.counted.lower())
        evidence = doc.span(
            amount.counted_start or amount.end, (amount.counted_start or amount.end) + len(amount.counted)
        )
    elif measured and _instrumental_noun(measured.group(1)):
        label, evidence = lemma(measured.group(1).lower()), doc.span(measured.start(1), measured.end(1))
    else:
        sentence = doc.sentence(amount.start)
        if sentence not in nouns:
            words = CYRILLIC_WORD.finditer(text, sentence.start, sentence.end)
            first = next(CYRILLIC_WORD.finditer(text, sentence.start, sentence.end), None)
            # the first word opens the sentence only when nothing stands before it ("«Арсенал» надеется" is a name)
            opening = first.start() if first and not text[sentence.start : first.start()].strip() else -1
            nouns[sentence] = [
                (word.end(), word) for word in words if _nominative_noun(word.group(), word.start() == opening)
            ]
        # the last before the amount; an amount never starts right after a letter, so no word runs on past it
        before = bisect_right(nouns[sentence], amount.start, key=lambda noun: noun[0])
        if before:
            noun = nouns[sentence][before - 1][1]
            label, evidence = lemma(noun.group().lower()), doc.span(noun.start(), noun.end())
        else:
            label = "сумма" if amount.is_money else "доля" if amount.is_percent else "величина"
            evidence = doc.span(amount.start, amount.end)
    return doc.add(Draft("INDICATOR", label, [evidence], cls="kg:Indicator", confidence=0.5))


def _nominative_noun(word: str, first: bool = False) -> bool:
    """Whether a word is a common noun in the nominative: in lower case, or a sentence's first word ("Площадь")
    that is no name."""
    parse = parses(word.lower())[0]
    if "NOUN" not in parse.tag or parse.tag.case != "nomn":
        return False
    return not word[:1].isupper() or (first and not _NAMES & parse.tag.grammemes)


_NAMES = {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"}
_INSTRUMENTAL_BEFORE = re.compile(r"([а-яё]+)\s+\Z")
"""A word in lower case right before a figure: "мощностью 2,5 кВт" (a noun in the instrumental names the measure)."""


def _instrumental_noun(word: str) -> bool:
    """Whether a word's likeliest reading is a noun in the instrumental ("мощностью", "площадью", "стоимостью")."""
    parse = parses(word)[0]
    return "NOUN" in parse.tag and parse.tag.case == "ablt"


@component("quantities", requires=("entities", "amounts"), assigns=("entities", "quantities"))
def quantities(doc: Doc) -> None:
    """Each amount as a quantity: what it measures (an indicator), the place it concerns; a figure said twice is
    one quantity with two evidence spans."""
    text, amounts = doc.clean, doc.amounts
    found = doc.quantities
    # the same figure said twice (a headline repeating the body) is one quantity with two evidence spans
    said: dict[tuple[object, ...], int] = {}
    nouns: dict[Span, list[tuple[int, re.Match[str]]]] = {}
    # the indicators added below are no places: what this finds stays as it is
    place_at = doc.finder({"schema:Country", "schema:City", "schema:AdministrativeArea"}).at
    for amount in amounts:
        evidence = doc.span(amount.start, amount.end)
        key = (amount.value, amount.unit, amount.qualifier, amount.of_total)
        again = said.get(key) if amount.value >= 100 else None
        if again is not None:
            found[again] = replace(found[again], evidence=(*found[again].evidence, evidence))
            continue
        number = len(found) + 1
        measure = _indicator(doc, text, amount, nouns)
        after = doc.sentence(amount.start)
        window_end = min(after.end, amount.end + 40)
        concerns = place_at(amount.end, window_end)
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
                out_of=amount.of_total,
                concerns=(concerns,) if concerns else (),
                confidence=0.85 if amount.unit or amount.counted else 0.6,
            )
        )
