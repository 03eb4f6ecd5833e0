"""Where amounts can be: the stretches of text around each figure that yargy's grammar reads (its chart grows
faster than the text it reads), and those it need not read at all.

>>> text = "В 2019 году 29-летний фермер получил грант в 5 млн рублей"
>>> [text[start:end] for start, end in windows(text) if not holds_no_amount(text, start, end)]
['в 5 млн рублей']
"""

import re
from bisect import bisect_left

from ..text.normalise import parses
from . import amount_words as vocab

ANCHOR = re.compile(
    r"\d+|(?i:процент|тысяч|миллион|миллиард|триллион|рубл|доллар|евро\b|цент|копе[йе]к)"
    r"|(?i:\b(?:дв[аеу]|тр[еиё]|четыр|пят|шест|сем|восем|девят|десят|одиннадцат|двенадцат|двадцат|тридцат|сорок|сто\b))"
)
"""Where an amount may be: digits, or a word of a figure ("шесть человек"), unit or currency."""
_NEXT_WORD = re.compile(r"\s+([А-Яа-яЁё]+)")


class Marks:
    """Where a pattern matches in a text, to find the nearest match before or after a position by bisection
    (str.rfind from every number of a long line read the line again each time).

    >>> marks = Marks("a\\nb\\nc", "\\n")
    >>> marks.before(3), marks.before(1), marks.after(2), marks.after(4)
    (1, -1, 3, -1)
    """

    def __init__(self, text: str, pattern: str) -> None:
        self.positions = [match.start() for match in re.finditer(pattern, text)]

    def before(self, position: int) -> int:
        """The last match starting before `position`, or -1 (as str.rfind)."""
        index = bisect_left(self.positions, position)
        return self.positions[index - 1] if index else -1

    def after(self, position: int) -> int:
        """The first match starting at or after `position`, or -1 (as str.find)."""
        index = bisect_left(self.positions, position)
        return self.positions[index] if index < len(self.positions) else -1


WINDOW = 400
"""The most characters yargy reads at once (but for one number's own words). Its chart and its choice among
overlapping matches grow faster than the text it reads (14,000 amounts in one window took 9 GB); a news text's
windows are shorter (NEREL: 163 at most), a longer stretch of figures is read in windows of about this size, each
cut where a number's words begin."""


def windows(text: str) -> list[tuple[int, int]]:
    """Stretches of text around each number, within its line, from word boundary to word boundary.

    yargy's chart grows with the text it reads, so it reads only where an amount can be: from the words that
    may lead into the number ("не более", "от трёх до") to three words after it (a multiplier and a unit).
    """
    lines, spaces = Marks(text, "\n"), Marks(text, r"\s")
    links, link_starts = Marks(text, "://"), Marks(text, r"[ \n\t(]")
    windows: list[tuple[int, int]] = []
    for anchor in ANCHOR.finditer(text):
        if _in_link(text, anchor.start(), links, link_starts):
            continue
        line_start = lines.before(anchor.start()) + 1
        line_end = lines.after(anchor.end())
        line_end = len(text) if line_end == -1 else line_end
        start = spaces.before(anchor.start()) + 1  # where the number's word starts (a line starts after a space)
        for _ in range(6):
            word = re.search(r"(\S+)\s+$", text[max(line_start, start - 30) : start])
            if word is None or not _may_lead(word.group(1)):
                break
            start -= len(word.group())
        after = re.match(r"(?:\S*\s+){0,3}\S*", text[anchor.end() : min(line_end, anchor.end() + 60)])
        end = anchor.end() + (len(after.group()) if after else 0)
        if windows and start <= windows[-1][1]:
            first, last = windows[-1]
            if max(end, last) - first <= WINDOW or start <= first:
                windows[-1] = (first, max(end, last))
            else:  # cut where this number's words begin: the amount before ends before them
                windows[-1:] = [(first, start), (start, end)]
        else:
            windows.append((start, end))
    return windows


UNITLESS_MEASURE_BEFORE = re.compile(
    r"(?<![А-ЯЁа-яё])магнитуд(?:а|ы|е|у|ой|ою)\s+(?:(?:около|до|более|свыше|почти|примерно|порядка)\s+)?\Z",
    re.IGNORECASE,
)
"""A measure whose figure has no unit, right before it or before a word that bounds it: "землетрясение магнитудой
5,1", "магнитудой около 5"."""


def holds_no_amount(text: str, start: int, end: int) -> bool:
    """Whether no figure of the window can be an amount, so that yargy (most of extraction's own time on news)
    is not asked: every figure is digits that neither a unit, a multiplier nor a counted noun follows ("2019
    году", "7 ноября", "29-летний", "статья 282 УК"); its grammar's matches there would be bare numbers, which
    ``_read`` drops. No currency sign or figure in words may be there.

    >>> holds_no_amount("В 2019 году, 7 ноября", 0, 21), holds_no_amount("В 2019 году 5 человек", 0, 21)
    (True, False)
    >>> holds_no_amount("29-летний", 0, 9), holds_no_amount("от 3 до 5 тыс. руб", 0, 18)
    (True, False)
    """
    window = text[start:end]
    if any(sign in window for sign in "$€£₽%") or _spells_figure(window):
        return False
    for anchor in ANCHOR.finditer(window):
        if not anchor.group().isdigit():
            return False  # a unit or a multiplier in words: "тысяч", "рублей"
        after = start + anchor.end()
        counted = counted_noun(text, after)[0]
        if counted is not None and vocab.unit_lemma(counted) not in vocab.NOT_COUNTED:
            return False
        if _DEGREES_AFTER.match(text, after):
            return False  # "5 °C"
        if UNITLESS_MEASURE_BEFORE.search(text, max(0, start + anchor.start() - 20), start + anchor.start()):
            return False  # "магнитудой 5,1"
        unit = _UNIT_AFTER.match(text, after)
        word = unit.group(1) if unit else ""
        if word and (vocab.multiplier(word) or {word.lower(), vocab.unit_lemma(word)} & vocab.UNITS.keys()):
            return False
        if word and vocab.lemmas(word) & vocab.CURRENCIES:
            return False
    return True


_UNIT_AFTER = re.compile(r"[\s\-—–]*([^\W\d_]+)")
"""The word after a figure, past spaces and dashes ("5 км", "5-процентный")."""
_DEGREES_AFTER = re.compile(r"\s*°")
"""A degree sign after a figure ("5 °C"), which `_UNIT_AFTER` (letters) does not see."""


def _in_link(text: str, position: int, links: Marks, word_starts: Marks) -> bool:
    """Whether the word holding `position` is a web address ("https://omskzdes.ru/politics/66138.html"); `links`
    are where "://" is in `text`, `word_starts` the spaces, line breaks, tabs and brackets a word starts after."""
    start = word_starts.before(position) + 1
    return links.before(position - 1) >= start or text.startswith("www.", start, position + 1)


_LEADS = {*vocab.QUALIFIERS, *vocab.DEGREES, *vocab.DASHES, *"$€£₽", "не", "как", "чем", "в", "на", "от", "с", "до"}


def _may_lead(word: str) -> bool:
    """Whether a word may be part of an amount that goes on after it (a qualifier, a figure, "от", "до")."""
    word = word.strip("«»\"'()[].,;:").lower()
    return (
        word in _LEADS
        or re.fullmatch(r"[$€£₽]?\d[\d.,]*[-—–]?", word) is not None
        or (word.isalpha() and vocab.spells_figure(word))
    )


# "50-70", "от 3", "с 2": not a date's "2019-11-07"
_RANGE = re.compile(r"(?<![\d-])\d+\s*[-—–]\s*\d+(?![\d-])|(?<!\w)(?:[Оо]т|[Сс])\s+\S*\d")


def spelt(window: str) -> bool:
    """Whether a window may hold a range or a figure in words ("от 3 до 5", "два миллиона", "миллиарды")."""
    return _RANGE.search(window) is not None or _spells_figure(window)


def _spells_figure(window: str) -> bool:
    """Whether a window holds a figure in words ("два", "миллиарды"), not a multiplier after digits ("5 млн")."""
    previous = ""
    for word in re.findall(r"[А-Яа-яЁё]+|\d+", window):
        if word.isalpha() and vocab.spells_figure(word) and not (previous.isdigit() and vocab.multiplier(word)):
            return True
        previous = word
    return False


def counted_noun(text: str, end: int) -> tuple[str | None, int | None]:
    """The noun counted by a bare number ("1600 человек", "6,5 тыс. совместных предприятий"), if any; an adjective
    or participle right after the number that stands for people (``_stands_for_people``) and that no noun follows is
    one ("5 тысяч верующих", "20 пострадавших доставлены").

    >>> counted_noun("5 тысяч верующих.", 7), counted_noun("20 пострадавших доставлены", 2)
    (('верующих', 8), ('пострадавших', 3))
    >>> counted_noun("3 последних года", 1), counted_noun("2 новых.", 1)
    (('года', 12), (None, None))
    """
    position = end
    standing: tuple[str, int] | None = None  # the one adjective read so far, when it may stand for a noun
    for count in range(3):
        match = _NEXT_WORD.match(text, position)
        if match is None:
            break
        word = match.group(1)
        tag = parses(word.lower())[0].tag
        if "NOUN" in tag and not word[:1].isupper():
            return word, match.start(1)
        if not ({"ADJF", "PRTF"} & tag.grammemes):
            break
        standing = (word, match.start(1)) if count == 0 and _stands_for_people(word) else None
        position = match.end()
    return standing if standing else (None, None)


def _stands_for_people(word: str) -> bool:
    """Whether an adjective or participle in the genitive plural may stand for people ("верующих", "пострадавших",
    "подозреваемых"): one of pymorphy3's three likeliest readings is such a participle, or an animate or substantivised
    adjective ("золотых" of "14 золотых" is none)."""
    return any(
        {"ADJF", "PRTF"} & p.tag.grammemes
        and p.tag.case == "gent"
        and p.tag.number == "plur"
        and ("PRTF" in p.tag or "anim" in p.tag or "Subx" in p.tag)
        for p in parses(word.lower())[:3]
    )
