"""Groups of people, discussion topics, agreements and exchanges: what a news article reports around events.

>>> [g.label for g in find_groups("участие приняли главы министерств, а также представители деловых кругов")]
['главы министерств', 'представители деловых кругов']
>>> said = "Президенты обсудили вопросы двусторонних отношений и международную повестку дня."
>>> [t.label for d in find_discussions(said) for t in d.topics]
['двусторонние отношения', 'международная повестка дня']
"""

import re
from dataclasses import dataclass

from ...source import Span
from ..events.events import genitive_tail
from ..speech.quotes import ACCORDING
from ..text.normalise import lemma, noun_phrase_nominative, parses, preposition

GROUP_HEADS = {
    "глава",
    "представитель",
    "участник",
    "руководитель",
    "член",
    "сотрудник",
    "житель",
    "делегат",
    "делегация",
    "лидер",
    "эксперт",
    "специалист",
    "активист",
    "волонтёр",
    "болельщик",
    "студент",
    "сторонник",
}
_PLURAL_HEAD = re.compile(r"\b(?P<head>[А-Яа-яЁё]+(?:и|ы|я|ей|ов|ев|ами|ям|ях))[^\S\n]+(?=[а-яё])")
_DISCUSS = re.compile(r"(?P<verb>\bобсу(?:дил|дили|дила|ждали|ждал|ждают|ждает|дят)\b)\s+(?P<what>[^.!?;\n]+)")
_ATTENTION = re.compile(
    r"\bвнимани[ея]\s+(?:было\s+|будет\s+)?(?:уделено|уделяется|уделялось|уделят)\s+"
    r"(?P<what>[^.!?;,\n]+)"
)
_LEADING = re.compile(
    r"^(?:(?:актуальн|важн|основн|ключев|широк|различн|многи|некоторы)\w*\s+)?"
    r"(?:вопрос\w*|проблем\w*|тем\w*|аспект\w*)\s+"
)
_AGREEMENT = re.compile(r"\b(?:(?:подписанн\w+)\s+)?(?:соглашени\w+|договор\w*|меморандум\w*|контракт\w*)\b")


@dataclass(frozen=True)
class Found:
    """A phrase found by rule and its label in the nominative."""

    span: Span
    label: str


@dataclass(frozen=True)
class Discussion:
    """A discussion: the words reporting it and the topics discussed."""

    span: Span
    topics: tuple[Found, ...]
    where: Span | None = None
    """A place said before the topics ("обсудили в Пекине ситуацию …"), which is none of them."""


_LIST_GOES_ON = re.compile(r",\s+(?=[а-яё])")


def _one_of_one(head: str, tail: str) -> bool:
    """Whether a head that may be a genitive singular ("главы") comes before a tail whose first noun is singular
    ("региона"): one person of one body, not a group ("главы региона"; "главы двух государств" is a group)."""
    readings = parses(head.lower())
    if not any({"gent", "sing"} <= p.tag.grammemes and "NOUN" in p.tag for p in readings):
        return False
    first = next((w for w in re.findall(r"[А-Яа-яЁё]+", tail)), None)
    if first is None or first[:1].isupper():
        return False
    nouns = [p for p in parses(first.lower()) if "NOUN" in p.tag]
    return bool(nouns) and nouns[0].tag.number == "sing" and (parses(first.lower())[0].tag.POS == "NOUN")


def find_groups(text: str) -> list[Found]:
    """Groups of people named by a plural head and a genitive tail ("представители деловых кругов"), and those
    whose words are reported ("По мнению экспертов, …")."""
    found = []
    for match in _PLURAL_HEAD.finditer(text):
        word = match.group("head")
        if lemma(word.lower()) not in GROUP_HEADS or (
            word[:1].isupper() and match.start() > 0 and text[match.start() - 1] not in "\n ."
        ):
            continue
        end = genitive_tail(text, match.end("head"))
        if end <= match.end("head") + 1:
            continue
        if _one_of_one(word, text[match.end("head") : end]):
            continue  # "на выборах главы региона": one region's head, no group
        span = Span(match.start("head"), end, text[match.start("head") : end])
        found.append(Found(span, _nominative_plural(word) + _group_tail(text[match.end("head") : end])))
        # "главы министерств и ведомств, ряда регионов …": the list goes on with the same head
        more = _LIST_GOES_ON.match(text, end)
        if more:
            tail_start = more.end()
            tail_end = genitive_tail(text, tail_start)
            if len(text[tail_start:tail_end].split()) >= 2:
                tail = Span(tail_start, tail_end, text[tail_start:tail_end])
                found.append(Found(tail, f"{_nominative_plural(word)} {tail.text}"))
    for match in _ACCORDING_TO.finditer(text):
        words = match.group("who").split()
        if not any(f.span.start <= match.start("who") < f.span.end for f in found):
            label = people_named(words)
            if label:
                span = Span(match.start("who"), match.end("who"), match.group("who"))
                found.append(Found(span, label))
    for match in re.finditer(r"\b(?:[Ии]х|[Ее]го|[Ее]ё)\s+([а-яё]+)", text):
        if lemma(match.group(1)) in GROUP_HEADS and match.group(1) != lemma(match.group(1)):
            found.append(Found(Span(match.start(), match.end(), match.group()), _nominative_plural(match.group(1))))
    return found


def _group_tail(tail: str) -> str:
    """What follows a group's head in its label: a genitive tail as written ("членов [мафиозных организаций]"), but
    more people joined by "и" in the nominative too ("жителей [и именитых гостей]": "жители и именитые гости").

    >>> _group_tail(" и именитых гостей"), _group_tail(" мафиозных организаций")
    (' и именитые гости', ' мафиозных организаций')
    """
    joined = re.fullmatch(r"(\s+и\s+)(.+)", tail, re.DOTALL)
    others = people_named(joined.group(2).split()) if joined else None
    return joined.group(1) + others if joined and others else tail


def _nominative_plural(noun: str) -> str:
    """A plural noun in the nominative, lower case: "сотрудников" -> "сотрудники" (the head of a group's label; its
    genitive tail stays as written).

    >>> _nominative_plural("Представителям"), _nominative_plural("главы")
    ('представители', 'главы')
    """
    for parse in parses(noun.lower()):
        if parse.tag.POS == "NOUN" and "plur" in parse.tag:
            form = parse.inflect({"nomn", "plur"})
            if form is not None:
                return str(form.word)
    return noun.lower()


_ACCORDING_TO = re.compile(rf"\b[Пп]о\s+{ACCORDING}\s+(?P<who>[а-яё]+(?:[^\S\n]+[а-яё]+){{0,2}}),")
"""Whose words these are, in the genitive plural, before a comma: "По мнению экспертов, …" (three words at most:
a long run of lower-case words is read once, not once per word)."""


def people_named(words: list[str]) -> str | None:
    """The nominative plural of words naming people in the genitive plural ("местных жителей": "местные жители",
    "собравшихся": "собравшиеся"), or None: a person ("министра") or a pronoun ("многих") is no group."""
    named = []
    for position, word in enumerate(words):
        last = position == len(words) - 1
        for parse in parses(word):
            tag = parse.tag
            if "plur" not in tag or "gent" not in tag or "Apro" in tag:
                continue
            noun = tag.POS == "NOUN" and "anim" in tag
            if noun == last or (last and len(words) == 1 and tag.POS in ("ADJF", "PRTF")):
                form = parse.inflect({"nomn", "plur"})
                if form is not None:
                    named.append(form.word)
                    break
        else:
            return None
    return " ".join(named)


_CLAUSE = re.compile(r"(?:котор\w+|что|где|когда|чтобы|если)\b", re.IGNORECASE)
"""A word that opens a clause: what follows a comma after it says more of the topic before, and is no topic
("подготовку к заседанию, которое пройдет в Ташкенте")."""


def _shared_noun(label: str, opening: str) -> str | None:
    """The words of a topic's label that a next topic opening with the preposition `opening` shares: those before the
    last `opening` in it ("ситуация с ценами на топливо" and "на продукты питания": "ситуация с ценами"), else before
    its first preposition ("ситуация на Ближнем Востоке" and "в Черноморском регионе": "ситуация"); None when no
    preposition follows its first word.

    >>> _shared_noun("ситуация с ценами на топливо", "на"), _shared_noun("ситуация на Ближнем Востоке", "в")
    ('ситуация с ценами', 'ситуация')
    """
    words = label.split()
    same = [i for i, word in enumerate(words) if i and word.lower() == opening.lower()]
    at = same[-1] if same else next((i for i, word in enumerate(words) if i and preposition(word)), None)
    return " ".join(words[:at]) if at else None


_CONNECTIVE = re.compile(r"(?:в\s+том\s+числе|в\s+частности|а\s+также|также)\s+", re.IGNORECASE)
"""Words that lead a listed topic without being part of it ("в том числе поставки нефти")."""
_VERBS = frozenset({"VERB", "INFN"})


def _only_a_verb(word: str) -> bool:
    """Whether every reading of `word` is a verb ("договорились"; not "стали", also the noun "сталь")."""
    readings = parses(word.lower())
    return readings[0].tag.POS in _VERBS and not any(r.tag.POS == "NOUN" for r in readings)


_WITH_WHOM = re.compile(r"(?:с|со)\s+[А-ЯЁа-яё-]+(?:\s+[А-ЯЁ][а-яё-]+)*\s+(?=[а-яё])|по\s+телефону\s+")
"""With whom or how a discussion was held, before what was discussed ("обсудил с Реджепом Эрдоганом ситуацию в
Сирии", "обсудили по телефону …")."""


def _topics(text: str, start: int, what: str) -> tuple[Found, ...]:
    """The topics listed in `what` (which starts at `start`), split at commas and "и", up to a clause or a verb; a
    topic after the first that opens with a preposition is the noun of the topic before it there, when that has
    one.

    >>> [t.label for t in _topics("", 0, "подготовку к заседанию совета, которое пройдет в Ташкенте, и торговлю")]
    ['подготовка к заседанию совета']
    >>> [t.label for t in _topics("", 0, "ситуацию на Ближнем Востоке и в Черноморском регионе")]
    ['ситуация на Ближнем Востоке', 'ситуация в Черноморском регионе']
    >>> [t.label for t in _topics("", 0, "торговлю с Китаем, в том числе поставки нефти")]
    ['торговля с Китаем', 'поставки нефти']
    >>> [t.label for t in _topics("", 0, "с Реджепом Эрдоганом ситуацию в Сирии")]
    ['ситуация в Сирии']
    """
    topics: list[Found] = []
    position = start
    for chunk in re.split(r"(\s+и\s+|,\s*)", what):
        if not chunk or re.fullmatch(r"\s+и\s+|,\s*", chunk):
            position += len(chunk)
            continue
        if _CLAUSE.match(chunk):
            break
        if topics and any(_only_a_verb(w) for w in re.findall(r"[А-Яа-яЁё-]+", chunk)):
            break  # "… и по итогам разговора договорились о встрече": what they did next, no topic
        lead = _LEADING.match(chunk) or _CONNECTIVE.match(chunk) or (None if topics else _WITH_WHOM.match(chunk))
        offset = lead.end() if lead else 0
        words = chunk[offset:].strip()
        if len(words.split()) > 6 or not re.match(r"[а-яё]", words):
            position += len(chunk)
            continue
        begin = position + offset
        label = noun_phrase_nominative(words)
        first = words.split()[0]
        if topics and preposition(first) and (noun := _shared_noun(topics[-1].label, first)) is not None:
            label = f"{noun} {words}"
        topics.append(Found(Span(begin, begin + len(words), words), label))
        position += len(chunk)
    return tuple(topics)


def find_discussions(text: str) -> list[Discussion]:
    """ "X обсудили A и B": a discussion and its topics (in the nominative, without "вопросы")."""
    found = []
    for match in _DISCUSS.finditer(text):
        subject = re.search(r"([А-ЯЁ]?[а-яё]+)\s+$", text[max(0, match.start() - 30) : match.start()])
        start = match.start() - len(subject.group(0)) if subject else match.start()
        span = Span(start, match.end("verb"), text[start : match.end("verb")])
        what, where = match.start("what"), None
        place = _PLACE_FIRST.match(text, what, match.end("what"))
        if place and any(p.tag.case == "loct" for p in parses(place.group("last").lower())):
            where = Span(place.start("place"), place.end("place"), place.group("place"))
            what = place.end()
        found.append(Discussion(span, _topics(text, what, text[what : match.end("what")]), where))
    return found


_PLACE_FIRST = re.compile(r"(?:во?|на)\s+(?P<place>(?:[А-ЯЁ][\w-]*\s+){0,2}?(?P<last>[А-ЯЁ][\w-]*))\s+(?=[а-яё])")
"""A place named first after the verb ("обсудили в Пекине ситуацию"): capitalised words in the locative, then the
topics."""


def find_attention_topics(text: str) -> list[Found]:
    """ "Много внимания было уделено приграничному сотрудничеству": the topic given attention."""
    found: list[Found] = []
    for match in _ATTENTION.finditer(text):
        found.extend(_topics(text, match.start("what"), match.group("what")))
    return found


def find_agreements(text: str) -> list[Found]:
    """Agreements said to be signed: "подписано порядка 20 соглашений", "подписанными соглашениями"."""
    found: list[Found] = []
    for sentence in re.finditer(r"[^.!?\n]+", text):
        if not re.search(r"подпис", sentence.group(), re.I):
            continue
        for match in _AGREEMENT.finditer(sentence.group()):
            start = sentence.start() + match.start()
            span = Span(start, start + len(match.group()), match.group())
            found.append(Found(span, noun_phrase_nominative(match.group())))
    return found


def find_exchanges(text: str) -> list[Span]:
    """ "стороны обменялись …": the verb of a document exchange."""
    return [Span(m.start(), m.end(), m.group()) for m in re.finditer(r"\bобменял\w*", text)]
