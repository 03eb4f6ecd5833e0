"""Events by rule: "XVI форум … сотрудничества", "выставка «…»", policy documents, openings ("открытие «…»").

>>> events = find_events("Завершился XVI Форум межрегионального сотрудничества России.")
>>> [(e.cls, e.label, e.edition) for e in events]
[('kg:Forum', 'XVI Форум межрегионального сотрудничества России', 16)]
"""

import re
from dataclasses import dataclass, field
from functools import cache

from ...source import Span
from ..data.tables import rows
from ..text.normalise import LETTER_WORD, lemma, noun_phrase_nominative, parses
from ..text.words import LOWER, words


@cache
def event_heads() -> dict[str, str]:
    """Head noun -> the class of the event it heads (data/event_heads.tsv).

    >>> event_heads()["форум"], event_heads()["визит"]
    ('kg:Forum', 'kg:Visit')
    """
    return {noun: cls for noun, cls, _ in rows("event_heads.tsv")}


@cache
def _named_heads() -> frozenset[str]:
    """The head nouns a name follows ("форум … сотрудничества"); the others name one event of the text."""
    return frozenset(noun for noun, _, naming in rows("event_heads.tsv") if naming == "named")


_ROMAN = re.compile(r"^[IVXLC]+$")
_ADJECTIVE = re.compile(r"[А-ЯЁ]?[а-яё]+(?:-[а-яё]+)*")
"""A word that may be an adjective of an event's name ("Восточный экономический форум")."""
_EDITION = re.compile(r"[IVXLC]+|[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
"""A word that may give an event's edition ("XVI", "шестнадцатый")."""
_ORDINALS = {
    "первый": 1,
    "второй": 2,
    "третий": 3,
    "четвёртый": 4,
    "четвертый": 4,
    "пятый": 5,
    "шестой": 6,
    "седьмой": 7,
    "восьмой": 8,
    "девятый": 9,
    "десятый": 10,
}


@dataclass
class EventMention:
    """An event found by rule: class, label, edition, where named and where referred to."""

    cls: str
    label: str
    head: str
    mentions: list[Span] = field(default_factory=list)
    edition: int | None = None
    named: bool = False
    opens: Span | None = None
    confidence: float = 0.7


def _roman(numeral: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for char, following in zip(numeral, [*numeral[1:], ""], strict=True):
        value = values[char]
        total += -value if following and values[following] > value else value
    return total


def _is_genitive_word(word: str) -> bool:
    """Whether a word may go on an event's name in the genitive; a first name does not, though pymorphy3 reads
    "Александр" as many Александры too ("президент фестиваля Александр Роднянский" gave "фестиваля Александр").

    >>> _is_genitive_word("сотрудничества"), _is_genitive_word("Александр")
    (True, False)
    """
    if word == "и":
        return True
    analyses = parses(word)[:2]
    if any(p.tag.POS in {"VERB", "INFN", "PRTS", "ADVB", "PREP", "CONJ"} or "Name" in p.tag for p in analyses):
        return False
    return any(p.tag.case == "gent" and ({"NOUN", "ADJF", "NUMR"} & {p.tag.POS}) for p in analyses)


def genitive_tail(text: str, position: int) -> int:
    """The end of the genitive words right after `position` ("межрегионального сотрудничества России"); not a
    pronoun that ends them ("сотрудники банка им поверили": "им" is whom they believed, not part of the bank).

    >>> text = "сотрудники банка им поверили"
    >>> text[:genitive_tail(text, len("сотрудники"))]
    'сотрудники банка'
    >>> text = "фестиваль имени Федора Шаляпина завершился"
    >>> text[:genitive_tail(text, len("фестиваль"))]
    'фестиваль имени Федора Шаляпина'
    """
    end = position
    taken: list[tuple[int, bool]] = []  # each word taken: where the tail ends without it, and whether a pronoun
    for match in LETTER_WORD.finditer(text, position):
        gap = text[end : match.start()]
        if gap.strip() or "\n" in gap or len(taken) >= 8:  # a phrase never runs on past its line
            break
        if not _is_genitive_word(match.group()):
            break
        taken.append((end, _a_pronoun(match.group())))
        end = match.end()
    while taken and taken[-1][1]:
        end = taken.pop()[0]
    while text[position:end].rstrip().endswith(" и"):
        end = position + text[position:end].rstrip().rfind(" и")
    if taken and text[taken[-1][0] : end].strip().lower() in ("имени", "им"):
        named = _NAMED_AFTER_WHOM.match(text, end)  # "фестиваль имени Федора Шаляпина", not "фестиваль имени"
        end = _whom_named_after(named) if named else taken[-1][0]
    return end


_NAMED_AFTER_WHOM = re.compile(
    r"[^\S\n]+(?:[А-ЯЁ]\.\s?)*[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?:[^\S\n]+[А-ЯЁ][а-яё]+){0,2}"
)
"""Whom a thing is named after, right after "имени": initials or up to three capitalised words on the line."""


def _whom_named_after(named: re.Match[str]) -> int:
    """Where the name after "имени" ends: after the most of its words that read as a person's name in the genitive
    (``names.person_names.genitive_name_nominative``), its first word at least; not the next person's name ("имени
    Федора Шаляпина Иван Петров заявил": Федора Шаляпина).

    >>> names = (" Федора Шаляпина Иван Петров", " Мусы Джалиля", " Петра Ильича Чайковского")
    >>> [text[: _whom_named_after(_NAMED_AFTER_WHOM.match(text))] for text in names]
    [' Федора Шаляпина', ' Мусы Джалиля', ' Петра Ильича Чайковского']
    """
    from ..names.person_names import genitive_name_nominative

    words = list(re.finditer(r"\S+", named.group()))
    for last in reversed(words):
        if genitive_name_nominative(named.group()[words[0].start() : last.end()]) is not None:
            return named.start() + last.end()
    return named.start() + words[0].end()


def _a_pronoun(word: str) -> bool:
    """Whether a word reads first as a pronoun ("им", "его", "её")."""
    readings = parses(word.lower())
    return bool(readings) and ("NPRO" in readings[0].tag or "Apro" in readings[0].tag)


_QUOTED_NAME = re.compile(r"\s+[«\"“]([^«»\"“”\n]{2,120})[»\"”]")


def _only_plural(word: str) -> bool:
    """Whether every reading of a noun is a plural ("ураганам", "форумах"; not "выставки")."""
    readings = [p for p in parses(word.lower()) if "NOUN" in p.tag]
    return bool(readings) and all(p.tag.number == "plur" for p in readings)


def find_events(text: str) -> list[EventMention]:
    """Events by head noun, named ones grouped by name, bare mentions joined to the first named one."""
    events: list[EventMention] = []
    named_by_head: dict[str, list[EventMention]] = {}
    bare: list[tuple[str, Span]] = []
    for match in words(text).matching(LETTER_WORD):
        head = lemma(match.text.lower())
        if head not in event_heads() or _only_plural(match.text):
            continue  # "центр по ураганам", "на форумах": kinds of events, no event of the text
        start, end, edition = match.start, match.end, None
        named_by_adjectives = False
        while adjective := words(text).before(start, _ADJECTIVE):
            if lemma(adjective.text.lower()) in _ORDINALS or "ADJF" not in parses(adjective.text)[0].tag:
                break
            named_by_adjectives = named_by_adjectives or adjective.text[:1].isupper()
            start = adjective.start
        if not named_by_adjectives:
            start = match.start
        before = words(text).before(start, _EDITION)
        if before and _ROMAN.match(before.text):
            edition, start = _roman(before.text), before.start
        elif before and lemma(before.text.lower()) in _ORDINALS:
            edition, start = _ORDINALS[lemma(before.text.lower())], before.start
        quoted = _QUOTED_NAME.match(text, end)
        if quoted:
            end = quoted.end()
        elif head in _named_heads():
            end = genitive_tail(text, end) if text[end : end + 1] == " " else end
        span = Span(start, end, text[start:end])
        if head in _named_heads() and (end > match.end or edition is not None or named_by_adjectives):
            label = noun_phrase_nominative(span.text)
            if quoted:
                label = re.sub(r"[\"“](.*)[\"”]$", r"«\1»", label)
            known = named_by_head.setdefault(head, [])
            same = next((e for e in known[:_MOST_NAMED] if _compatible(e, edition, label)), None)
            if same is not None:
                same.mentions.append(span)
                if (edition is not None and same.edition is None) or len(label) > len(same.label):
                    same.label, same.edition = label, edition or same.edition
                continue
            events.append(EventMention(event_heads()[head], label, head, [span], edition, True, confidence=0.8))
            known.append(events[-1])
        else:
            bare.append((head, span))
    for head, span in bare:
        phrase = _with_adjectives(text, span)
        another = _another(text, phrase)
        ordinal = _ordinal_before(text, phrase)
        edition = _ORDINALS[lemma(ordinal.text.lower())] if ordinal is not None else None
        first = named_by_head[head][0] if named_by_head.get(head) else None
        if first is not None and another is None and (edition is None or first.edition in (None, edition)):
            first.mentions.append(span)
            first.edition = first.edition or edition
        elif head not in _named_heads() or another is not None:
            # "Шестой матч пройдет в пятницу" after "Пятый матч прошел во вторник": another match
            if ordinal is not None and ordinal.start < phrase.start:
                phrase = Span(ordinal.start, phrase.end, text[ordinal.start : phrase.end])
            label = noun_phrase_nominative(phrase.text) if another is None else another_label(another.text)
            events.append(EventMention(event_heads()[head], label, head, [another or phrase], edition))
            if not named_by_head.get(head):
                named_by_head[head] = [events[-1]]  # "визит" named once: later mentions are of the same visit
    events.extend(_documents(text))
    events.extend(_openings(text))
    for event in events:
        event.label = event.label[:1].upper() + event.label[1:] if event.named else event.label
    return events


_MOST_NAMED = 64
"""A name is compared with the first this many events named with its head noun (NEREL's texts name at most 3):
a text that names thousands ("форум А", "форум Б", …) would compare each name with all before it."""


def _compatible(event: EventMention, edition: int | None, label: str) -> bool:
    """Whether a newly named event is `event`: no clash of editions, and one name within the other."""
    if event.edition is not None and edition is not None and event.edition != edition:
        return False
    return _contains(event.label, label)


def _contains(longer: str, shorter: str) -> bool:
    a = {lemma(w.lower()) for w in LETTER_WORD.findall(longer)}
    b = {lemma(w.lower()) for w in LETTER_WORD.findall(shorter)}
    return a <= b or b <= a


ANOTHER_STEMS = ("следующ", "предыдущ", "прошл", "друг", "очередн", "ответн", "будущ", "ближайш")
_ANOTHER = re.compile(rf"(?:{'|'.join(ANOTHER_STEMS)})[а-яё]*")
"""Adjectives that make an event another of its kind than the one the text named ("Следующий матч команды сыграют
7 декабря" after "обыграла … в товарищеском матче"), in any form: their stems, as pymorphy3 reads "прошлого" as the
noun "прошлое" and "ближайший" as "близкий"."""


def _another(text: str, phrase: Span) -> Span | None:
    """`phrase` (adjectives, then the head noun) with the word right before it when an adjective of it, or that word
    (which `_with_adjectives` leaves out when it reads first as a noun or is capitalised, as where a sentence opens),
    makes the event another of its kind (``_ANOTHER``); else None.

    >>> text = "Следующий матч. Матч после прошлого матча"
    >>> _another(text, Span(0, 14, "Следующий матч")).text, _another(text, Span(10, 14, "матч")).text
    ('Следующий матч', 'Следующий матч')
    >>> _another(text, Span(16, 20, "Матч")), _another(text, Span(36, 41, "матча")).text
    (None, 'прошлого матча')
    """
    if any(_ANOTHER.fullmatch(word.lower()) for word in LETTER_WORD.findall(phrase.text)[:-1]):
        return phrase
    opening = words(text).before(phrase.start, LETTER_WORD)
    if opening is None or not _ANOTHER.fullmatch(opening.text.lower()):
        return None
    return Span(opening.start, phrase.end, text[opening.start : phrase.end])


OTHER_OF_KIND = re.compile(rf"(?:{'|'.join((*ANOTHER_STEMS, 'последн', 'прошлогодн'))})[а-яё]*")
"""Words that make an event named by a noun another of its kind than the one the article tells of: ``ANOTHER_STEMS``,
and "последний", "прошлогодний" ("Последнее сильное землетрясение в регионе произошло в августе 2024 года")."""


def another_of_kind(text: str, start: int) -> Span | None:
    """The adjectives right before an event's noun at `start` when one of them makes it another event of its kind
    (``OTHER_OF_KIND``), with the noun's start as their end; else None.

    >>> text = "Последнее сильное землетрясение произошло в 2024 году."
    >>> another_of_kind(text, 18).text
    'Последнее сильное'
    >>> another_of_kind("Сильное землетрясение", 8) is None
    True
    """
    first = start
    for _ in range(3):
        before = words(text).before(first, LETTER_WORD)
        if (
            before is None
            or text[before.end : first].strip()
            or not any(p.tag.POS == "ADJF" for p in parses(before.text.lower()))
        ):
            break
        first = before.start
    said = text[first:start].rstrip()
    if first == start or not any(OTHER_OF_KIND.fullmatch(w.lower()) for w in LETTER_WORD.findall(said)):
        return None
    return Span(first, first + len(said), said)


def another_label(phrase: str) -> str:
    """The nominative of an event named another of its kind ("после прошлого матча": "прошлый матч"), the adjective
    read as one (pymorphy3 reads "прошлого" first as the noun "прошлое").

    >>> another_label("прошлого матча"), another_label("Следующий матч")
    ('прошлый матч', 'Следующий матч')
    """
    *adjectives, head = phrase.split()
    noun = noun_phrase_nominative(head)
    reading = parses(noun.lower())[0]
    grammemes = {"nomn", reading.tag.number or "sing"} | ({reading.tag.gender} if reading.tag.gender else set())
    if reading.tag.number == "plur":
        grammemes.discard(reading.tag.gender)
    words = []
    for word in adjectives:
        adjective = next((p for p in parses(word.lower()) if p.tag.POS == "ADJF"), None)
        form = adjective.inflect(grammemes) if adjective is not None else None
        written = str(form.word) if form is not None else word
        words.append(written.capitalize() if word[:1].isupper() else written)
    return " ".join([*words, noun])


def _ordinal_before(text: str, phrase: Span) -> Span | None:
    """The ordinal word in `phrase` or right before it ("Пятый матч", "в шестом матче"): the edition of an event
    named by its head noun alone, which tells it from another of its kind."""
    for word in LETTER_WORD.finditer(text, phrase.start, phrase.end):
        if lemma(word.group().lower()) in _ORDINALS:
            return Span(word.start(), word.end(), word.group())
    before = words(text).before(phrase.start, _EDITION)
    if before is None or lemma(before.text.lower()) not in _ORDINALS:
        return None
    return Span(before.start, before.end, before.text)


def _with_adjectives(text: str, span: Span) -> Span:
    start = span.start
    while True:
        word = words(text).before(start, LOWER)
        if word is None or "ADJF" not in parses(word.text)[0].tag:
            return Span(start, span.end, text[start : span.end])
        start = word.start


_DOCUMENT_HEADS = ("концепци", "стратеги", "доктрин", "программ")


def _documents(text: str) -> list[EventMention]:
    """Policy documents named by a head and a genitive tail ("концепция программ … сотрудничества")."""
    found: dict[str, EventMention] = {}
    reach = 0  # where the names found so far end, at the furthest (they start before every later match)
    for match in re.finditer(rf"\b(?:{'|'.join(_DOCUMENT_HEADS)})[а-яё]*", text, re.I):
        if lemma(match.group().lower()) not in {"концепция", "стратегия", "доктрина", "программа"}:
            continue
        if match.start() < reach:
            continue  # a document named inside another's name ("концепция программ …")
        end = genitive_tail(text, match.end())
        if end - match.end() < 8:
            continue
        span = Span(match.start(), end, text[match.start() : end])
        reach = max(reach, end)
        label = noun_phrase_nominative(span.text)
        known = found.setdefault(label.lower(), EventMention("kg:PolicyDocument", label, "документ", confidence=0.6))
        known.mentions.append(span)
    return list(found.values())


def _openings(text: str) -> list[EventMention]:
    """ "открытие выставки «…»", "открытие "Эрмитажа-Сибирь"", "была открыта академия «Авангард»"; not a verb
    between the word and the name.

    >>> [e.label for e in _openings("Была открыта академия «Авангард». Открыто выступила «Единая Россия».")]
    ['открытие: академия «Авангард»']
    >>> [e.label for e in _openings("В парке открыт был сквер «Берёзовая роща».")]
    ['открытие: сквер «Берёзовая роща»']
    """
    found = []
    pattern = re.compile(
        r"(?P<noun>открыти[еяю])\s+(?P<what>(?:[а-яё]+\s+){0,2}[«\"“][^«»\"“”\n]{2,120}[»\"”])"
        r"|(?P<verb>(?:был[аои]?\s+)?открыт[аоы]?)\s+(?P<what2>(?:[а-яё]+\s+){0,2}[«\"“][^«»\"“”\n]{2,120}[»\"”])"
    )
    for match in pattern.finditer(text):
        group = "what" if match.group("noun") else "what2"
        between = re.findall(r"[а-яё]+", re.split(r"[«\"“]", match.group(group), maxsplit=1)[0])
        verbs = [p for p in (parses(word)[0] for word in between) if p.tag.POS in {"VERB", "INFN", "GRND"}]
        if any(p.normal_form not in ("быть", "стать") for p in verbs):
            continue  # "открыто выступила «Единая Россия»": openly, not opened ("открыт был сквер" is opened)
        start = match.start(group)
        if verbs and (be := re.match(r"(?:был[аио]?|будет|будут)\s+", text[start : match.end(group)])):
            start += be.end()  # "открыт был сквер «…»": the square is what is opened
        what = Span(start, match.end(group), text[start : match.end(group)])
        label = "открытие: " + noun_phrase_nominative(re.sub(r"[\"“]([^\"”]*)[\"”]", r"«\1»", what.text))
        span = Span(match.start(), match.end(), match.group())
        found.append(EventMention("kg:Opening", label, "открытие", [span], opens=what, confidence=0.7))
    return found
