"""Who said what: direct quotes ("- …, - заявил Владимир Путин", «…», — сказал он) and reported speech
("Токаев обратил внимание на то, что …"), with the speaker's words located for attribution.

>>> found = find_utterances("- Мы рады, - заявил Иван Петров.")
>>> [(q.kind, q.text.text, q.verb, q.speaker.text) for q in found]
[('direct', 'Мы рады', 'заявил', 'Иван Петров')]
>>> [(q.kind, q.text.text, q.speaker.text) for q in find_utterances("# Иван Петров: цены вырастут")]
[('reported', 'цены вырастут', 'Иван Петров')]
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..source import Span
from .normalise import lemma

SPEECH_VERBS = {
    "заявить",
    "сказать",
    "отметить",
    "подчеркнуть",
    "сообщить",
    "пояснить",
    "добавить",
    "рассказать",
    "признать",
    "напомнить",
    "указать",
    "уточнить",
    "заметить",
    "объяснить",
    "констатировать",
    "резюмировать",
    "считать",
    "говорить",
    "заверить",
    "предупредить",
    "ответить",
    "написать",
    "выразить",
    "призвать",
    "отмечать",
    "подчёркивать",
    "подчеркивать",
    "заявлять",
    "сообщать",
    "убеждать",
    "уверить",
    "обратить",
}
_DASH = r"[-–—]"
_LINE_QUOTE = re.compile(
    rf"^[^\S\n]*{_DASH}[^\S\n]*(?P<q>[^\n]+?)[,!?…]?[^\S\n]+{_DASH}[^\S\n]+(?P<verb>[а-яё]+)"
    rf"(?:[^\S\n]+(?:также|уже|тогда|затем|в\s+частности))?[^\S\n]+(?P<who>[^\n.]+?)\.?[^\S\n]*$",
    re.M,
)
_GUILLEMET_AFTER = re.compile(rf"«(?P<q>[^«»\n]+?)[,!?…]?»,?\s+{_DASH}\s+(?P<verb>[а-яё]+)\s+(?P<who>[^\n.,]+)")
_GUILLEMET_BEFORE = re.compile(
    r"(?P<who>[А-ЯЁ][^\n.:«»]{1,60}?)\s+(?P<verb>[а-яё]+)(?:[^\n.:«»]{0,60})?:\s*«(?P<q>[^«»\n]+)»"
)
_REPORTED = re.compile(
    r"(?:^|(?<=[.!?]\s))(?P<who>[А-ЯЁ][^\n.,:«»]{0,60}?)\s+(?:также\s+|уже\s+)?(?P<verb>[а-яё]+)"
    r"(?:\s+внимание)?(?:\s+на\s+то)?,\s+что\s+(?P<q>[^\n]+?)[.!?](?=\s|$)",
    re.M,
)


# A headline or line "Имя Фамилия: слова" ("Владимир Путин: капиталовложения составили …"): quoted words are
# the person's own, unquoted ones a paraphrase
_NAME_COLON = re.compile(
    r"^(?:#+[^\S\n]*)?(?P<who>[А-ЯЁ][а-яё]+(?:[^\S\n]+[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?){0,2}):[^\S\n]+"
    r"(?:«(?P<direct>[^«»\n]+)»|(?P<reported>[^«»\n]+?))[.!]?[^\S\n]*$",
    re.M,
)


# An assessment is a statement too: "Владимир Путин и Касым-Жомарт Токаев дали положительную оценку форуму"
_ASSESSED = re.compile(
    r"(?:^|(?<=[.!?]\s))(?P<who>[А-ЯЁ][^\n.,:«»]{0,80}?)\s+(?P<verb>дал[аи]?|оценил[аи]?)\s+"
    r"(?P<q>(?:[а-яё]+\s+)?оценк[уи]\s+[^\n]+?|(?:высоко|положительно|позитивно|негативно)\s+[^\n]+?)[.!?](?=\s|$)",
    re.M,
)


@dataclass(frozen=True)
class Said:
    """An utterance as found: kind, the words said, the speech verb, the words naming the speaker."""

    kind: str
    text: Span
    verb: str
    speaker: Span
    evidence: Span


def _said(kind: str, match: re.Match[str]) -> Said | None:
    verb = match.group("verb")
    if lemma(verb) not in SPEECH_VERBS:
        return None
    quote = Span(match.start("q"), match.end("q"), match.group("q"))
    who = Span(match.start("who"), match.end("who"), match.group("who"))
    return Said(kind, quote, verb, who, Span(match.start(), match.end(), match.group()))


def find_utterances(text: str) -> list[Said]:
    """Direct quotes and reported statements in text order; a span is never claimed by two utterances (the
    first rule to find it keeps it)."""
    found: list[Said] = []
    for said in _candidates(text):
        if not any(s.text.start < said.text.end and said.text.start < s.text.end for s in found):
            found.append(said)
    return sorted(found, key=lambda s: s.text.start)


def _candidates(text: str) -> Iterator[Said]:
    """What every rule finds, the surest rules first: quotes, reported speech, assessments, "Name: words"."""
    for kind, pattern in (
        ("direct", _LINE_QUOTE),
        ("direct", _GUILLEMET_AFTER),
        ("direct", _GUILLEMET_BEFORE),
        ("reported", _REPORTED),
    ):
        for match in pattern.finditer(text):
            said = _said(kind, match)
            if said is not None:
                yield said
    for match in _ASSESSED.finditer(text):
        quote = Span(match.start("verb"), match.end("q"), text[match.start("verb") : match.end("q")])
        who = Span(match.start("who"), match.end("who"), match.group("who"))
        yield Said("reported", quote, match.group("verb"), who, Span(match.start(), match.end(), match.group()))
    for match in _NAME_COLON.finditer(text):
        yield _name_colon(match)


def _name_colon(match: re.Match[str]) -> Said:
    """ "Машков: «Многие мои герои …»" is his quote, "Владимир Путин: капиталовложения …" his statement; the
    speaker is only a candidate here (attribution keeps it when it names a person)."""
    kind = "direct" if match.group("direct") else "reported"
    said = Span(match.start(kind), match.end(kind), match.group(kind))
    who = Span(match.start("who"), match.end("who"), match.group("who"))
    return Said(kind, said, "", who, Span(match.start(), match.end(), match.group()))


PRONOUNS = {"он", "она", "они"}
