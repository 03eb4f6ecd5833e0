"""Who said what: direct quotes ("- …, - заявил Владимир Путин", «…», — сказал он) and reported speech
("Токаев обратил внимание на то, что …"), with the speaker's words located for attribution.

>>> found = find_utterances("- Мы рады, - заявил Иван Петров.")
>>> [(q.kind, q.text.text, q.verb, q.speaker.text) for q in found]
[('direct', 'Мы рады', 'заявил', 'Иван Петров')]
>>> [(q.kind, q.text.text, q.speaker.text) for q in find_utterances("# Иван Петров: цены вырастут")]
[('reported', 'цены вырастут', 'Иван Петров')]
>>> [(q.kind, q.text.text, q.verb, q.speaker.text) for q in find_utterances('"Мы рады", - сказал Иван Петров.')]
[('direct', 'Мы рады', 'сказал', 'Иван Петров')]
>>> [(q.kind, q.text.text, q.speaker.text) for q in find_utterances("По словам Ивана Петрова, цены вырастут.")]
[('reported', 'цены вырастут', 'Ивана Петрова')]
"""

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain

from ...source import Span, split_sentences
from ..figures.dates import find_dates
from ..text.normalise import common_noun, lemma, parses

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
    "полагать",
    "пообещать",
    "обещать",
    "подтвердить",
    "признаться",
    "прокомментировать",
    "говориться",  # "«…», — говорится в заявлении МИД Армении": the body's words (``speakers._body_speaking``)
}
_DASH = r"[-–—]"
# A line "- words, - verb [также] speaker[.]": the line's start, and what follows the words said. As one pattern
# (^-(?P<q>[^\n]+?)TAIL$) it tried TAIL after every character of the line, each try reading on to the line's
# next period: a long line took its length squared. _line_quotes reads the same, each line once.
_LINE_START = re.compile(rf"^[^\S\n]*{_DASH}[^\S\n]*", re.M)
_LINE_TAIL = re.compile(
    rf"[,!?…]?[^\S\n]++{_DASH}[^\S\n]++(?P<verb>[а-яё]+)"
    rf"(?:[^\S\n]+(?:также|уже|тогда|затем|в\s+частности))?[^\S\n]+(?P<who>[^\n.]+?)(?<=\S)\.?[^\S\n]*$"
)
_GUILLEMET_AFTER = re.compile(rf"«(?P<q>[^«»\n]+?)[,!?…]?»,?\s+{_DASH}\s+(?P<verb>[а-яё]+)\s+(?P<who>[^\n.,]+)")
# "…", - сказал Путин: the same in straight or typographic double quotes (words said start at a word: a quote
# closing a name inside them, "у "Единой России" были …", starts none)
_QUOTED_AFTER = re.compile(
    rf"[\"“„](?P<q>[^\s\"“”„«»][^\"“”„«»\n]*?)[,!?…]?[\"”],?\s+{_DASH}\s+(?P<verb>[а-яё]+)\s+(?P<who>[^\n.,]+)"
)
_SENTENCE_START = r"(?:^|(?<=[.!?]\s))"
"""Where the patterns that read a sentence from its start begin: the text's or a line's start, or after a sentence's
end and a space."""
# "По словам Путина, …", "По мнению экспертов, …", "По его словам, …", "По его данным, …": reported speech with the
# speaker in the genitive, named first (who it is, attribution decides: "по словам матери Майкла Джексона" is not his
# word; "По данным следствия" names no one)
ACCORDING = r"(?:словам|мнению|оценкам|оценке|данным)"
"""The nouns of "По словам / мнению / оценкам / данным X": whose words follow (``relations.topics`` reads X as a
group)."""
_ACCORDING_TO = re.compile(
    rf"{_SENTENCE_START}По\s+(?:(?P<own>его|её|ее)\s+(?:словам|мнению|данным|оценке|оценкам)|{ACCORDING}\s+"
    r"(?P<who>(?:[^\n,.:«»\"]|«[^«»\n]{1,40}»){1,160}?)),\s+(?P<q>[^\n]+?)[.!?](?=\s|$)",
    re.M,
)
_SAYING_STEMS = "|".join(sorted({re.sub(r"(?:овать|ить|ать|ять|уть|еть)$", "", verb) for verb in SPEECH_VERBS}))
"""The stems of the speech verbs ("заяв", "сказ", "констатир"): where who speaks ends before "…: «…»"."""
# "Главный тренер СКА Игорь Ларионов после игры сказал: «…»": the speaker's words run to a verb of saying, whatever
# comes between (the first word in lower case had been taken for the verb: "тренер")
_GUILLEMET_BEFORE = re.compile(
    r"(?P<who>[А-ЯЁ][^\n.:«»]{1,100}?)\s+(?P<verb>(?:" + _SAYING_STEMS + r")[а-яё]*)(?:[^\n.:«»]{0,60})?:\s*"
    r"«(?P<q>[^«»\n]+)»"
)
# "Алёхина, в свою очередь, подчеркнула, что …": a speaker and a parenthetical word or two between commas
_ASIDE = (
    r"(?:,\s+(?:в\s+свою\s+очередь|со\s+своей\s+стороны|в\s+частности|однако|при\s+этом|также|же"
    r"|[а-яё]+(?:вший|вшая|вшие|вшее)(?:ся)?\s[^\n.,:;!?«»\"]{1,60}),)?"
)
"""A parenthetical between the speaker and the verb: a word or two, or a participle's clause ("Ильдар Гарипов,
принявший участие в открытии, отметил, что …")."""
_SPEAKER_FIRST = rf"{_SENTENCE_START}(?P<who>[А-ЯЁ](?:[^\n.,:«»]|«[^«»\n]{{1,40}}»){{0,140}}?){_ASIDE}"
"""A sentence opening with who speaks (then the verb): a title may hold a name in guillemets ("Директор «Роскосмоса»
Дмитрий Баканов заявил, что …")."""
_REPORTED = re.compile(
    rf"{_SPEAKER_FIRST}\s+(?:также\s+|уже\s+)?(?P<verb>[а-яё]+)"
    r"(?:\s+внимание)?(?:\s+на\s+то)?,\s+что\s+(?P<q>[^\n]+?)[.!?](?=\s|$)",
    re.M,
)
# … with whom or where it was said between the verb and "что" ("заявил агентству Reuters, что", "рассказал о том,
# что", "сообщил в своём Facebook, что", "пояснил «Коммерсанту», что"): a pattern of its own, so that a word it
# wrongly takes for the verb never hides a statement the one above finds; the verb is a verb of saying, so that who
# speaks runs to it ("Тренер Андрей Разин после игры сказал журналистам, что")
_REPORTED_TO = re.compile(
    rf"{_SPEAKER_FIRST}[^\S\n]+(?:также[^\S\n]+|уже[^\S\n]+)?"
    rf"(?P<verb>(?:{_SAYING_STEMS})[а-яё]*)(?P<to>(?:[^\S\n]+(?:«[^«»\n]{{1,40}}»|[^\s.,:;!?«»\"]+)){{1,4}}?),"
    r"\s+что\s+(?P<q>[^\n]+?)[.!?](?=\s|$)",
    re.M,
)
# "Как заявил Иван Петров, …": the speaker first, after "Как" and the verb
_AS_SAID = re.compile(
    rf"{_SENTENCE_START}Как\s+(?P<verb>[а-яё]+)\s+(?:(?:тогда|ранее|позже|уже|также)\s+)?"
    r"(?P<who>[^\n,.:;«»\"]{1,80}?),\s+(?P<q>[^\n]+?)[.!?](?=\s|$)",
    re.M,
)
# "Явка составила 38,4%, сообщила председатель облизбиркома Ольга Ушакова.": the words, unquoted, then the verb and
# who said them to the sentence's end (NEREL train has 90 such sentences in 80 of its 746 documents)
_NAMED = r"«[^«»\n]{1,80}»|\"[^\"\n]{1,80}\""
"""A name in quotes inside a sentence ("комплекса «Жемчужина Сибири»")."""
_ABBREVIATED = r"\.(?=[^\S\n]+[а-яё\d])"
"""A period that ends no sentence: an abbreviation's before a word in lower case ("5,5 тыс. мест")."""
_SAID_AFTER = re.compile(
    rf"{_SENTENCE_START}(?P<q>(?:[А-ЯЁ]|«[^«»\n]{{1,40}}»[^\S\n])(?:[^\n«»\".!?]|[.!?](?!\s)|{_ABBREVIATED}|{_NAMED})"
    r"{9,400}?),[^\S\n]+(?P<verb>[а-яё]+)[^\S\n]+"
    rf"(?P<who>[А-ЯЁа-яё](?:[^\n.,:;!?«»\"]|{_NAMED}){{1,160}}?)[.!?](?=\s|$)",
    re.M,
)
# "«Это моё последнее желание», сказал Хоакин": the words, a comma and no dash (three words or more, so that a name
# in quotes, "в газете «Коммерсант», сообщил источник", is no quote)
_GUILLEMET_COMMA = re.compile(
    r"«(?P<q>[^«»\n]+?\s[^«»\n]+?\s[^«»\n]+?)[,!?…]?»,\s+(?P<verb>[а-яё]+)\s+(?P<who>[^\n.,]+)"
)


# A headline or line "Имя Фамилия: слова" ("Владимир Путин: капиталовложения составили …"): quoted words are
# the person's own, unquoted ones a paraphrase. Here and in _LINE_TAIL the shortest words before the line's end
# must end in a non-space ((?<=\S), a look at one character): else each step through a run of spaces read the
# rest of the run again, and 20,000 spaces took 8 s
_NAME_COLON = re.compile(
    r"^(?:#+[^\S\n]*)?(?P<who>[А-ЯЁ][а-яё]+(?:[^\S\n]+[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?){0,2}):[^\S\n]+"
    r"(?:«(?P<direct>[^«»\n]+)»|(?P<reported>[^«»\n]+?(?<=\S)))[.!]?[^\S\n]*$",
    re.M,
)


# An assessment is a statement too: "Владимир Путин и Касым-Жомарт Токаев дали положительную оценку форуму"
_ASSESSED = re.compile(
    rf"{_SENTENCE_START}(?P<who>[А-ЯЁ][^\n.,:«»]{{0,80}}?)\s+(?P<verb>дал[аи]?|оценил[аи]?)\s+"
    r"(?P<q>(?:[а-яё]+\s+)?оценк[уи]\s+[^\n]+?|(?:высоко|положительно|позитивно|негативно)\s+[^\n]+?)[.!?](?=\s|$)",
    re.M,
)


# So is a view: "Их представители расценивают мероприятие как возможность …" (what is regarded, then "как")
_REGARDED = re.compile(
    rf"{_SENTENCE_START}(?P<who>[А-ЯЁ][^\n.,:«»]{{0,60}}?)\s+(?P<verb>(?:расценива|рассматрива|воспринима)(?:ет|ют))\s+"
    r"(?P<q>[^\n.!?,:«»]{1,80}?\s+как\s+[^\n]+?)[.!?](?=\s|$)",
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


def _said(kind: str, match: re.Match[str], quote: Span | None = None, start: int | None = None) -> Said | None:
    """The utterance a rule's match spells, when its verb is a speech verb; `quote` and `start` when the match
    holds only what follows the words said (a line quote's tail)."""
    verb = match.group("verb")
    if lemma(verb) not in SPEECH_VERBS:
        return None
    quote = quote or Span(match.start("q"), match.end("q"), match.group("q"))
    who = Span(match.start("who"), match.end("who"), match.group("who"))
    start = match.start() if start is None else start
    return Said(kind, quote, verb, who, Span(start, match.end(), match.string[start : match.end()]))


_SAYING_AFTER = frozenset(
    {"сообщить", "заявить", "сказать", "отметить", "рассказать", "подчеркнуть", "добавить", "пояснить", "уточнить"}
    | {"написать", "сообщать", "заявлять", "отмечать", "считать", "говорить", "заверить", "предупредить", "ответить"}
)
"""The verbs that tell who said the unquoted words before them ("…, сообщила председатель облизбиркома"): not those
that take an object there ("признал доктора виновным", "выразил соболезнования")."""


_IN_PRESS_SERVICE = re.compile(r"[Вв]о?\s+пресс-(?:служб|центр)[а-яё]*\s")
"""A body's voice after a verb of saying: "сообщили в пресс-службе МВД"."""


def _speaker_after(verb: str, who: str) -> int | None:
    """Where in `who` the speaker's words begin when "…, `verb` `who`." names who said the words before, else None:
    a finite verb of saying (not a gerund, "уточнив", nor a participle) and words that open with a subject (a
    nominative, or a capitalised name: "РБК"), after when and where it was said ("сообщил в среду на брифинге министр
    …": at "министр"), not an object or a preposition ("заявил о своём уходе", "отмечают жёсткую позицию"); or a
    plural verb and "в" a body ("сообщили в министерстве здравоохранения Дагестана": the body speaks, when the
    article names it so)."""
    reading = parses(verb)[0]
    if "VERB" not in reading.tag or lemma(verb) not in _SAYING_AFTER:
        return None
    at = _when_and_where(who)
    said_by = who[at:]
    if _IN_PRESS_SERVICE.match(said_by) or (reading.tag.number == "plur" and said_by.split()[0].lower() in {"в", "во"}):
        return at  # "…, сообщили в пресс-службе МВД", "…, сообщили в четверг в Роскосмосе"
    first = said_by.split()[0]
    if first.lower() in {"что", "чтобы", "как", "о", "об", "обо"} or "PREP" in parses(first.lower())[0].tag:
        return None  # "сообщили, что автобус был пуст", "заявил о своём уходе"
    return at if first[:1].isupper() or any(p.tag.case == "nomn" for p in parses(first.lower())) else None


_WHERE_SAID = re.compile(
    r"(?:на\s+[а-яё-]+|накануне|вчера|сегодня|ранее|также|позднее|затем|утром|днём|днем|вечером|ночью)\s+"
)
"""A phrase of where or when words were said that is no date: "на брифинге ", "накануне "."""


_ABOUT_THIS = re.compile(rf"{_SENTENCE_START}Об\s+этом\s+(?P<rest>[^\n.!?«»]{{3,200}}?)[.!?](?=\s|$)", re.M)
"""A sentence that says who told the one before it: "Об этом сообщили в пресс-службе МВД", "Об этом в среду сообщил
президент Турции Реджеп Тайип Эрдоган", "Об этом Юханссон заявил на шведском телевидении"."""


def _told_before(text: str) -> Iterator[Said]:
    """The sentence before "Об этом … <сообщил> …." in the same paragraph, as the reported words of who told them:
    after the verb of saying, as ``_speaker_after`` reads it; or a name before the verb ("Об этом Юханссон заявил
    …")."""
    sentences: list[Span] | None = None
    for match in _ABOUT_THIS.finditer(text):
        rest = match.group("rest")
        verbs = [w for w in re.finditer(r"[а-яё]+", rest) if lemma(w.group()) in _SAYING_AFTER]
        verbs = [w for w in verbs if "VERB" in parses(w.group())[0].tag]
        if not verbs:
            continue
        verb, base = verbs[0], match.start("rest")
        before, who = rest[: verb.start()].strip(), rest[verb.end() :].strip()
        if before[:1].isupper():  # "Об этом Юханссон заявил …"
            speaker = Span(base, base + len(before), before)
        elif who and (at := _speaker_after(verb.group(), who)) is not None:
            start = base + rest.index(who, verb.end()) + at
            speaker = Span(start, match.end("rest"), text[start : match.end("rest")])
        else:
            continue
        if sentences is None:
            sentences = list(split_sentences(text))
        index = next((i for i, s in enumerate(sentences) if s.start == match.start()), None)
        if not index:
            continue
        told = sentences[index - 1]
        if "\n" in text[told.end : match.start()] or any(mark in told.text for mark in '«»"“”:'):
            continue  # another paragraph's, or words with a quote of their own
        words = told.text.rstrip(".!?… ")
        quote = Span(told.start, told.start + len(words), words)
        evidence = Span(told.start, match.end(), text[told.start : match.end()])
        yield Said("reported", quote, verb.group(), speaker, evidence)


def _when_and_where(who: str) -> int:
    """Where the speaker's words begin after the dates and the phrases of where they were said ("в среду на брифинге
    министр …": at "министр"; "в четверг в министерстве …": at "в министерстве"), or 0 when nothing follows them."""
    end = 0
    while end < len(who):
        dated = next((d for d in find_dates(who[end:]) if d.start == 0), None)
        where = _WHERE_SAID.match(who, end)
        if dated is not None:
            step = end + dated.end
        elif where is not None:
            step = where.end()
        else:
            break
        end = step + len(who[step:]) - len(who[step:].lstrip())
    return end if end < len(who) else 0


def _said_to(words: list[str]) -> bool:
    """Whether the words between a speech verb and ", что" say whom or where it was said: "о том", a place or time
    ("в интервью …", "на брифинге"), or someone in the dative ("журналистам", "агентству Reuters"); not a thing it
    was about ("сообщил о решении суда, что вызвало …": that "что" is the decision's)."""
    if words == ["о", "том"] or words[0] in {"в", "во", "на"}:
        return True
    if words[0].startswith("«") or (len(words[0]) > 1 and words[0].isupper()):
        return True  # a medium by its name: "пояснил «Коммерсанту»", "сообщил ТАСС", "заявил РИА Новости"
    readings = parses(words[0].lower())
    return any("datv" in p.tag and p.tag.POS == "NOUN" for p in readings) and not any("nomn" in p.tag for p in readings)


def _line_quotes(text: str) -> Iterator[Said]:
    """Direct quotes on lines of their own: "- Мы рады, - заявил Иван Петров." (as the pattern ^-q TAIL$ with the
    shortest q would find them, without trying TAIL where it cannot match).

    >>> [(q.text.text, q.verb, q.speaker.text) for q in _line_quotes("- Да. Нет. Да, - сказал он.")]
    [('Да. Нет. Да', 'сказал', 'он')]
    """
    for line in _LINE_START.finditer(text):
        end = text.find("\n", line.end())
        end = len(text) if end == -1 else end
        # the speaker's words hold no period but one at the very end: the words said run past every other one
        last = text[line.start() : end].rstrip()
        final = line.start() + len(last) - 1 if last.endswith(".") else end
        period = text.rfind(".", line.start(), final)
        after = line.end()  # the words said start here, after the dash and the spaces
        tail = _LINE_TAIL.search(text, max(after + 1, period + 1), end)
        if tail is None and period < after:
            # as a pattern would, give the dash's spaces back one by one: the words said may be one space; a
            # second one given back reaches the same dash as the first, so no more than two are tried
            for split in (after, after - 1):
                if split - 1 >= line.start() + len(line.group().rstrip()):
                    tail = _LINE_TAIL.match(text, split, end)
                    if tail is not None:
                        after = split - 1
                        break
        if tail is not None:
            said = _said("direct", tail, Span(after, tail.start(), text[after : tail.start()]), line.start())
            if said is not None:
                yield said


def find_utterances(text: str) -> list[Said]:
    """Direct quotes and reported statements in text order; a span is never claimed by two utterances (the
    first rule to find it keeps it)."""
    found: list[Said] = []
    # the words claimed so far, in text order: they never overlap, so their ends are in order too, and a span
    # overlaps one of them when it overlaps the last that starts before it ends
    starts: list[int] = []
    ends: list[int] = []

    def claim(said: Said) -> bool:
        before = bisect_left(starts, said.text.end)
        if before and ends[before - 1] > said.text.start:
            return False
        starts.insert(before, said.text.start)
        ends.insert(before, said.text.end)
        found.append(said)
        return True

    stops = _sentence_stops(text)
    for said in _candidates(text):
        claim(_to_sentence_end(text, said, stops))
    for said in [said for said in found if said.kind == "reported"]:
        more = _continued(text, said)
        if more is not None:
            claim(_to_sentence_end(text, more, stops))
    return sorted(found, key=lambda s: s.text.start)


def _sentence_stops(text: str) -> list[int]:
    """Where each sentence of `text` ends, as the article's are split (``source.split_sentences``, razdel's: an
    abbreviation's or an initial's period ends none)."""
    return [sentence.end for sentence in split_sentences(text)]


_RUNS_ON = re.compile(
    r"(?:(?<![А-Яа-яЁёA-Za-z])[А-ЯЁA-Z]"
    r"|(?<!\d )(?<![А-Яа-яЁё])(?:ул|пр|просп|пер|пл|наб|им|г|пос|с|д|ст|пгт|мкр|проф|акад))\.\Z"
)
"""What a period ends that leaves the sentence going on before a capital: an initial ("А."), a street's, a town's or a
settlement's abbreviation not after a number ("ул. Ленина", "г. Москва", "пос. Марьино"; not "в 2025 г.")."""


def _to_sentence_end(text: str, said: Said, stops: list[int]) -> Said:
    """`said` with words that a rule ended at a period that ends no sentence run on to the sentence's end, in the same
    line: "задержан А. С. Иванов, житель Твери", not "задержан А"; "в 2010 г. расходы выросли …", not "в 2010 г".

    >>> text = "Волк сообщила, что задержан А. С. Иванов, житель Твери. Погода была хорошей."
    >>> [s.text.text for s in find_utterances(text)]
    ['задержан А. С. Иванов, житель Твери']
    """
    end = said.evidence.end
    if said.text.end != end - 1 or text[end - 1 : end] not in (".", "!", "?"):
        return said
    at = bisect_left(stops, end)
    if at == len(stops) or stops[at] == end or "\n" in text[end : stops[at]]:
        return said
    if not _RUNS_ON.search(text, max(0, end - 12), end) and not text[end:].lstrip()[:1].islower():
        return said  # "построят в 2025 г. Строительство начнется весной": razdel keeps what is two sentences
    stop = stops[at]
    quote_end = len(text[:stop].rstrip(" .!?…"))
    quote = Span(said.text.start, quote_end, text[said.text.start : quote_end])
    return Said(
        said.kind, quote, said.verb, said.speaker, Span(said.evidence.start, stop, text[said.evidence.start : stop])
    )


_NEXT_SENTENCE = re.compile(r"[^\S\n]+(?P<q>[А-ЯЁ][^\n]*?)[.!?](?=\s|$)")
_FIRST_PERSON = re.compile(r"\b(?:[Мм]ы|[Нн]ам|[Нн]ас|[Нн]аш(?:а|е|и|у|ей|его|ему|ем|их|им|ими)?)\b")
_OUR_PAPER = re.compile(r"\b[Кк]ак\s+мы\s+(?:уже\s+)?(?:сообща|писа|рассказыва)")
""""Как мы уже сообщали": the newspaper speaking, not the person reported before."""


def _continued(text: str, said: Said) -> Said | None:
    """The sentence right after reported speech, in the same paragraph, when it speaks in the first person plural
    and names no other speaker: the same person's words go on ("Путин обратил внимание на то, что … . Наши страны
    тесно сотрудничают …").

    >>> text = "Путин отметил, что форум важен. Наши страны тесно сотрудничают. Погода была хорошей."
    >>> [(s.text.text, s.speaker.text) for s in find_utterances(text)]
    [('форум важен', 'Путин'), ('Наши страны тесно сотрудничают', 'Путин')]
    """
    following = _NEXT_SENTENCE.match(text, said.evidence.end)
    if following is None or not _FIRST_PERSON.search(following.group("q")) or _OUR_PAPER.search(following.group("q")):
        return None
    if any(mark in following.group("q") for mark in '«»"“”:'):
        return None
    quote = Span(following.start("q"), following.end("q"), following.group("q"))
    evidence = Span(quote.start, following.end(), text[quote.start : following.end()])
    return Said("reported", quote, said.verb, said.speaker, evidence)


def _candidates(text: str) -> Iterator[Said]:
    """What every rule finds, the surest rules first: quotes, reported speech, assessments, "по словам X",
    "Name: words"."""
    yield from _line_quotes(text)
    for kind, pattern in (
        ("direct", _GUILLEMET_AFTER),
        ("direct", _QUOTED_AFTER),
        ("direct", _GUILLEMET_BEFORE),
        ("direct", _GUILLEMET_COMMA),
        ("reported", _REPORTED),
        ("reported", _AS_SAID),
        ("reported", _REPORTED_TO),
        ("reported", _SAID_AFTER),
    ):
        for match in pattern.finditer(text):
            if pattern is _REPORTED_TO and not _said_to(match.group("to").split()):
                continue
            skip = _speaker_after(match.group("verb"), match.group("who")) if pattern is _SAID_AFTER else 0
            if skip is None:
                continue
            said = _said(kind, match)
            if said is not None and skip:
                # "…, сообщил в среду на брифинге министр здравоохранения области": the speaker is the minister
                who = Span(said.speaker.start + skip, said.speaker.end, said.speaker.text[skip:])
                said = Said(said.kind, said.text, said.verb, who, said.evidence)
            if said is not None:
                yield said
    yield from _told_before(text)
    for match in chain(_ASSESSED.finditer(text), _REGARDED.finditer(text)):
        quote = Span(match.start("verb"), match.end("q"), text[match.start("verb") : match.end("q")])
        who = Span(match.start("who"), match.end("who"), match.group("who"))
        yield Said("reported", quote, match.group("verb"), who, Span(match.start(), match.end(), match.group()))
    for match in _ACCORDING_TO.finditer(text):
        quote = Span(match.start("q"), match.end("q"), match.group("q"))
        named = "own" if match.group("own") else "who"
        who = Span(match.start(named), match.end(named), match.group(named))
        if named == "who" and (apposition := _TITLED_NAME.match(quote.text)) and _of_a_person(apposition.group(1)):
            # "По словам руководителя экспедиции, академика РАН Петра Гайденко, …": the name is the speaker's too
            who = Span(who.start, quote.start + apposition.end(1), text[who.start : quote.start + apposition.end(1)])
            quote = Span(quote.start + apposition.end(), quote.end, quote.text[apposition.end() :])
        verb = "по " + match.group().split(",")[0].split()[-1 if named == "own" else 1].lower()
        yield Said("reported", quote, verb, who, Span(match.start(), match.end(), match.group()))
    for match in _NAME_COLON.finditer(text):
        titled = len(match.group("who").split()) > 1 and common_noun(match.group("who").split()[0])
        if match.group("direct") or not titled or _states_something(match.group("reported")):
            yield _name_colon(match)


_TITLED_NAME = re.compile(r"([а-яё]+(?:\s+[^\s,.:;!?«»\"]+){0,8}?\s+[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?),\s+")
"""Words in lower case, then words ending with a capitalised one, then a comma: maybe an apposition to whom "по
словам" names ("…, академика РАН Петра Гайденко, …"), when ``_of_a_person`` says so."""


def _of_a_person(words: str) -> bool:
    """Whether words are a title and a person's name: they open with a noun of one person in the genitive
    ("академика", "главы"; not "власти", nor the plural "жителей") and end with no place ("жителей Шебекино").

    >>> _of_a_person("академика РАН Петра Гайденко"), _of_a_person("власти Москвы")
    (True, False)
    >>> _of_a_person("жителей Шебекино"), _of_a_person("жителя Шебекино")
    (False, False)
    """
    first, last = words.split()[0], words.split()[-1]
    person = any({"NOUN", "anim", "gent", "sing"} <= p.tag.grammemes for p in parses(first)[:2])
    return person and not any("Geox" in p.tag for p in parses(last.lower()))


_PREDICATES = frozenset({"VERB", "INFN", "ADJS", "PRTS", "PRED"})
"""Parts of speech that make words a statement: a verb, an infinitive, a short adjective or participle, a
predicative ("нужно")."""


def _states_something(words: str) -> bool:
    """Whether unquoted words after a title and a name and a colon state something (a predicate, or a dash between
    two parts), and are no headline's topic: "Президент Владимир Путин: инвестиции выросли" is a statement,
    "Художник Иван Шишкин: выставка в Третьяковской галерее" is not. A name alone before the colon says words
    without a verb too ("Песков: ситуация под контролем"), so they are asked of a title's line only.

    >>> _states_something("инвестиции выросли"), _states_something("Россия — наш партнёр")
    (True, True)
    >>> _states_something("выставка в Третьяковской галерее")
    False
    """
    if re.search(r"\s[—–-]\s", words):
        return True
    return any(parses(word.lower())[0].tag.POS in _PREDICATES for word in re.findall(r"[А-ЯЁа-яё]+", words))


def _name_colon(match: re.Match[str]) -> Said:
    """ "Машков: «Многие мои герои …»" is his quote, "Владимир Путин: капиталовложения …" his statement; the
    speaker is only a candidate here (attribution keeps it when it names a person)."""
    kind = "direct" if match.group("direct") else "reported"
    said = Span(match.start(kind), match.end(kind), match.group(kind))
    who = Span(match.start("who"), match.end("who"), match.group("who"))
    return Said(kind, said, "", who, Span(match.start(), match.end(), match.group()))


PRONOUNS = {"он": "masc", "она": "femn", "они": "plur"}
"""The pronouns a speaker is named by, and their gender (a plural one stands for no person of either)."""

OWN = {"его": "masc", "её": "femn", "ее": "femn"}
"""The possessive of "По его словам, …" and the gender it names: alone, it is the person spoken of before, as a
pronoun is ("По их словам" after "представители армии" is theirs, no person's: not taken)."""
