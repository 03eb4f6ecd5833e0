"""Dated actions: what a news item tells happened on a day, told by a verb rather than named by a noun ("Банк России в
пятницу, 13 сентября, повысил ключевую ставку"; "Рабочие завода в среду объявили забастовку").

NEREL marks as EVENT mostly nouns and a few verbs (deaths, births, appointments, arrests): of the verbs a date
depends on in 300 NEREL train documents, 193 of 784 are in a gold EVENT. So the taggers learned from it miss the
actions that carry the news. A finite verb of the perfective aspect (a completed or a coming action, not a state:
"возглавлял", "живёт") that a day, a month or a year depends on in natasha's dependency tree is such an action
(not a length of time: "за девять месяцев"), unless it says that someone spoke, only links a subject to what it
is, becomes or amounts to ("стал", "составит"), tells a figure ("выросла на 23%", "добыл 216 млн тонн"), or tells
of an event the text names already ("Форум прошёл 7 ноября"; "скончался", which a tagger found). The event is the
verb with its object and what follows it ("повысил ключевую ставку"; "включило Московскую биржу в санкционный
список"), or with the common noun before it that it is done to or by ("Движение … открылось"); its agents are the
persons, bodies, states or offices its subjects name, what its object names takes part in it, it is part of an
event it happened "в"/"на" ("обыграла команду Белоруссии в товарищеском матче") and else takes place where it
says "в"/"на" a place, and its day is the date's (a time of day after the day is part of it: "во вторник в 05:12").

Three more cases make no new event: a verb of an event's course dates the event its subject names ("Прием
документов начался 20 июня и продлится до 25 июля": one event, with its start and end, ``PHASE_VERBS``); an object
that is an event found already is dated by the verb, and its subjects take part in it ("провел в среду совещание");
and an event a tagger found as a bare verb or short participle ("задержан", "встретился") is named as an action is,
dated or not ("встретился с президентом Казахстана Касым-Жомартом Токаевым").

>>> from kgraph.extract import extract_article
>>> from kgraph.source import parse_article
>>> model = extract_article(parse_article("a", "# Новости\\n\\nБанк России в пятницу повысил ключевую ставку.\\n"))
>>> sorted((model.entities[f.subject].labels["ru"], f.predicate, model.entities[f.obj].labels["ru"])
...        for f in model.facts if f.predicate == "kg:agentOf")
[('Банк России', 'kg:agentOf', 'повысил ключевую ставку')]
"""

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from ...model import TimeRef, YearMonth
from ...resources import subclasses
from ..doc import Doc, Draft
from ..figures.dates import DateMention, names_a_time, within_a_name
from ..pipeline import component
from ..speech.quotes import SPEECH_VERBS
from ..text.normalise import parses

if TYPE_CHECKING:
    from ..relations.learned import Sentences

LINKING_VERBS = frozenset(
    {
        "стать",
        "быть",
        "являться",
        "оказаться",
        "остаться",
        "считаться",
        "казаться",
        "становиться",
        "исполниться",
        "составить",
    }
)
"""Verbs that link a subject to what it is, becomes, turns (an age) or amounts to, and tell no action of their own."""

AGENT_CLASSES = frozenset(
    {
        "schema:Person",
        "schema:Organization",
        "schema:Country",
        "schema:AdministrativeArea",
        "schema:City",
        "kg:Position",
        "kg:Group",
    }
)
"""Who can act: persons, bodies, states, regions, cities (their governments) and offices."""

PLACE_CLASSES = frozenset({"schema:City", "schema:Country", "schema:AdministrativeArea", "schema:Place"})

_PLACE_PREPOSITIONS = frozenset({"в", "во", "на"})

PHASE_VERBS = {
    "начаться": "schema:startDate",
    "продлиться": "schema:endDate",
    "завершиться": "schema:endDate",
    "закончиться": "schema:endDate",
    "окончиться": "schema:endDate",
    "пройти": "kg:pointInTime",
    "состояться": "kg:pointInTime",
    "произойти": "kg:pointInTime",
    "случиться": "kg:pointInTime",
    "проходить": "kg:pointInTime",  # with a range of days only (`_ONGOING`)
}
"""The verbs of an event's course (Russian's phase and occurrence verbs), and what their date states of the event
their subject names: "Прием документов начался 20 июня и продлится до 25 июля" is one event, "прием документов",
from the 20th of June to the 25th of July."""

MOST_WORDS = 8
"""The longest event label, in words (the verb and its object)."""


@dataclass(frozen=True)
class Action:
    """A dated action: its verb's word, the words of its label, its date and its subject's, object's and places'
    words (indexes into ``Doc.syntax.words``)."""

    verb: int
    words: tuple[int, ...]
    when: DateMention
    subject: int | None
    objects: tuple[int, ...]
    places: tuple[int, ...]
    counted: bool
    """Whether a figure is among the action's words (outside its date and the subject of a verb with an object):
    "выросла на 23%", "поступило более 800 заявок"."""
    counted_object: bool
    """Whether its object holds a figure: "добыл 216 млн тонн угля"."""
    phase: str | None = None
    """What a verb of an event's course says of the event its subject names ("Прием документов начался 20 июня":
    its start): the property its date states, or None for any other verb."""


_CLOCK = re.compile(r"(?<![\d:.,])(?:[01]?\d|2[0-3])[:.][0-5]\d(?![\d:]|[.,]\d)")
"""A time of day ("05:12", "13.00")."""


_ONGOING = frozenset({"проходить"})
"""Verbs of an event's course in the imperfective, which tell its course only over a range of days ("Соревнования
проходили на арене «Трактор» с 22 по 26 декабря"); one day of an ongoing verb is none ("проходит 5 мая")."""

_FOR_A_TIME = re.compile(r"на\s", re.IGNORECASE)
"""A date after "на": what the action is for or put off to ("утвердила бюджет на 2027 год", "перенесли на 7 мая"),
not when it happened."""


def _figure_word(written: str) -> bool:
    """Whether a word holding a digit is a figure ("2,5", "90-х"), not a name with a number ("5G", "Ан-24", "МС-21").

    >>> [_figure_word(w) for w in ("2,5", "90-х", "5G", "Ан-24", "сеть")]
    [True, True, False, False, False]
    """
    return any(c.isdigit() for c in written) and written[:1].isdigit() and re.search(r"[A-Za-z]", written) is None


def _counted(syntax: "Sentences", head: int) -> list[int]:
    """A word and the numbers that count it, down their chain ("216 млн тонн": тонн, млн, 216)."""
    found, todo = [head], [head]
    while todo:
        for child in syntax.children.get(todo.pop(), []):
            if syntax.words[child].rel.startswith("nummod") and child not in found:
                found.append(child)
                todo.append(child)
    return found


def _words_over(syntax: "Sentences", start: int, end: int) -> list[int]:
    """The indexes of the words of `syntax` that overlap `start`..`end`."""
    first, last = syntax.first_word(start), min(syntax.first_word(end - 1), len(syntax.words) - 1)
    return [i for i in range(first, last + 1) if syntax.words[i].start < end and syntax.words[i].end > start]


def _perfective_finite(written: str) -> bool:
    """Whether `written` reads first as a finite verb of the perfective aspect, past or future, not in the first or
    second person ("повысил", "объявят"; not "возглавлял", "повысить", nor a speaker's "отправлюсь")."""
    tag = parses(written.lower())[0].tag
    return tag.POS == "VERB" and tag.aspect == "perf" and tag.mood == "indc" and tag.person not in ("1per", "2per")


@dataclass(frozen=True)
class _Reading:
    """What the rules of this module read of a document's words: the dated verbs (each with the first date that
    depends on it), the words of dates and times, of figures, and of events named already."""

    dated: dict[int, DateMention]
    date_words: set[int]
    figures: set[int]
    named_events: set[int]


def _reading(doc: Doc) -> _Reading:
    syntax = doc.syntax
    words = syntax.words
    dated: dict[int, DateMention] = {}
    date_words: set[int] = set()
    for when in doc.dates:
        if not names_a_time(when) or within_a_name(doc.clean, when.start) or _FOR_A_TIME.match(when.text):
            continue  # "за девять месяцев": how long, not when; "на «Арене-2000»": a name; "бюджет на 2027 год"
        inside = _words_over(syntax, when.start, when.end)
        date_words.update(inside)
        heads = {words[i].head for i in inside} - set(inside)
        for head in heads:
            for _ in range(10):  # "в пятницу, 13 сентября": the day under the weekday
                if head not in date_words:
                    break
                head = words[head].head
            if head >= 0 and words[head].pos == "VERB":
                dated.setdefault(head, when)
    for clock in _CLOCK.finditer(doc.clean):  # "во вторник в 05:12": when, not a figure
        date_words.update(_words_over(syntax, clock.start(), clock.end()))
    event_classes = subclasses("schema:Event")
    named_events = {  # "в товарищеском матче": an event the action is part of, not part of its name
        i
        for draft in doc.drafts
        if draft.cls in event_classes
        for mention in draft.mentions
        for i in _words_over(syntax, mention.start, mention.end)
    }
    figures = {i for i in range(len(words)) if _figure_word(syntax.written(i))}  # "в 2,5 раза"
    for amount in doc.amounts:
        figures.update(_words_over(syntax, amount.start, amount.end))
    return _Reading(dated, date_words, figures, named_events)


def _label_words(syntax: "Sentences", verb: int, reading: _Reading) -> list[int] | None:
    """The words that name what `verb` tells happened: the verb, its object's phrase after it and the phrase
    right after that the verb governs ("включило Московскую биржу в санкционный список"), or None when that is
    longer than `MOST_WORDS`."""
    words, children = syntax.words, syntax.children
    below = children.get(verb, [])
    left_out = reading.date_words | reading.figures
    objects = [i for i in below if words[i].rel == "obj" and i not in reading.date_words]
    label = [verb]
    if objects and objects[0] > verb:
        counted = _phrase(syntax, objects[0], reading.date_words)  # "задержали 30 человек" keeps its count
        fits = _size(words, [verb, *counted]) <= MOST_WORDS
        label += counted if fits else _phrase(syntax, objects[0], left_out)  # "подал иск" (на сумму 5 млн …)
    label += [i for i in below if words[i].rel == "xcomp" and i == verb + 1]  # "продолжит снижаться"
    after = [i for i in below if i > max(label) and words[i].rel == "obl"]
    if after and after[0] not in reading.named_events and not left_out.intersection(_subtree(children, after[0])):
        more = _phrase(syntax, after[0], set(), shorten=False)
        longer = label + more  # "включило Московскую биржу в санкционный список"
        if min(more) == max(label) + 1 and _size(words, longer) <= MOST_WORDS:
            label = longer
    return sorted(label) if _size(words, label) <= MOST_WORDS else None


def find_actions(doc: Doc, reading: _Reading | None = None) -> Iterator[Action]:
    """The dated actions of `doc` (see the module), in text order, one per verb."""
    syntax = doc.syntax
    words = syntax.words
    children = syntax.children
    reading = reading or _reading(doc)
    date_words, figures = reading.date_words, reading.figures
    speech = {verb.replace("ё", "е") for verb in SPEECH_VERBS}
    for verb in sorted(reading.dated):
        word = words[verb]
        if word.lemma in speech or word.lemma in LINKING_VERBS:
            continue
        ranged = word.lemma in _ONGOING and reading.dated[verb].bounds is not None
        if not _perfective_finite(syntax.written(verb)) and not ranged:
            continue  # not "Соревнования проходили с 22 по 26 декабря" either: a course from day to day
        label = _label_words(syntax, verb, reading)
        if label is None:
            continue
        below = children.get(verb, [])
        subject = _subject(syntax, verb)
        objects = tuple(i for i in below if words[i].rel == "obj" and i not in date_words)
        places = tuple(
            i
            for i in below
            if words[i].rel == "obl"
            and i not in date_words
            and any(syntax.written(c).lower() in _PLACE_PREPOSITIONS for c in children.get(i, []))
        )
        # the object's own count ("добыл 216 млн тонн угля"), not a figure deeper in its phrase ("утвердила бюджет
        # города с доходами 92,4 млрд рублей", "ввела в эксплуатацию станцию мощностью 350 МВт")
        counted_object = any(i in figures - date_words for obj in objects for i in _counted(syntax, obj))
        # "выросла на 23%", "поступило более 800 заявок"; not "Около 400 рабочих объявили забастовку"
        told = [c for c in below if c not in objects and c != subject]
        counted = counted_object or any(
            i in figures and i not in date_words for c in told for i in _subtree(children, c)
        )
        if subject is not None and not objects:  # "поступило более 800 заявок"; not "Движение … протяженностью 270 км"
            counted = counted or any(
                i in figures
                for i in (subject, *(c for c in children.get(subject, []) if words[c].rel.startswith("nummod")))
            )
        phase = PHASE_VERBS.get(word.lemma) if not objects else None
        yield Action(verb, tuple(label), reading.dated[verb], subject, objects, places, counted, counted_object, phase)


_APART = frozenset({"conj", "cc", "parataxis", "acl", "acl:relcl", "ccomp"})
"""The dependents that do not belong to a noun's own phrase: what is listed or said beside it."""

_INNER_PUNCTUATION = frozenset(".-/&'’") | frozenset('«»"“”„')
"""The punctuation a phrase keeps: a name's ("имени А. М. Горького") and its quotes."""


_OPENING = frozenset('«“„"')
_CLOSING = frozenset('»”"')
_THAT = frozenset({"то", "того", "тому", "тем", "том"})
"""The pronoun that stands for a clause after it: "о том, что …", "тем, что …"."""


def _phrase(
    syntax: "Sentences", head: int, left_out: set[int], most: int = MOST_WORDS, shorten: bool = True
) -> list[int]:
    """`head`'s phrase: its dependents and theirs, but for what is listed or said beside it (``_APART``), for the
    branches holding a word of `left_out` (a date, a figure: "бюджет республики" of "бюджет республики на 2025
    год") and, when that makes it longer than `most` words, for names set beside it ("ОАО «ТАИФ»"); a title in
    quotes whole ("альбом «Честь имею»")."""
    words, children = syntax.words, syntax.children
    for apart in (_APART, _APART | {"appos", "flat:foreign"})[: 2 if shorten else 1]:
        found, todo = {head}, [head]
        while todo:
            for child in children.get(todo.pop(), []):
                if child in found or words[child].rel in apart or _left_out_word(syntax, child):
                    continue
                if not left_out.intersection(_subtree(children, child)):
                    found.add(child)
                    todo.append(child)
        chosen = _quotes_whole(syntax, _run(found, head))
        if _size(words, chosen) <= most:
            break
    return chosen


def _left_out_word(syntax: "Sentences", index: int) -> bool:
    """Whether word `index` stays out of a phrase: punctuation between its parts (a comma, a dash, a bracket) and a
    pronoun that stands for what follows ("заявление о том, что …")."""
    word = syntax.words[index]
    if word.pos == "PUNCT":
        return syntax.written(index) not in _INNER_PUNCTUATION
    return syntax.written(index).lower() in _THAT


def _run(found: set[int], head: int) -> list[int]:
    """The words of `found` next to each other around `head`: a phrase the parse tore apart is cut to the words
    around its head ("Московский … открытый педагогический университет")."""
    first, last = head, head
    while first - 1 in found:
        first -= 1
    while last + 1 in found:
        last += 1
    return list(range(first, last + 1))


def _quotes_whole(syntax: "Sentences", chosen: list[int]) -> list[int]:
    """`chosen` with every word between a quote it opens and the quote that closes it, or without what follows an
    opening quote that does not close within the sentence."""
    opened = next((i for i in chosen if syntax.written(i) in _OPENING), None)
    if opened is None:
        return chosen
    sentence = syntax.sentence_of_word[opened]
    index = opened + 1
    while index < len(syntax.words) and syntax.sentence_of_word[index] == sentence:
        if syntax.written(index) in _CLOSING:
            return sorted(set(chosen) | set(range(opened, index + 1)))
        index += 1
    return [i for i in chosen if i < opened]


def _size(words: list[Any], chosen: list[int]) -> int:
    """How many words, not punctuation, `chosen` holds."""
    return sum(words[i].pos != "PUNCT" for i in chosen)


def _subject(syntax: "Sentences", verb: int) -> int | None:
    """The subject of `verb`, or of the verb it is joined to ("Тур начнется 10 мая … и завершится 24 мая"); the
    noun a "который" stands for."""
    words, children = syntax.words, syntax.children
    for _ in range(3):
        found = next((i for i in children.get(verb, []) if words[i].rel.startswith("nsubj")), None)
        if found is not None and words[found].lemma == "который" and words[verb].rel.startswith("acl"):
            return words[verb].head  # "концерн Bayer, который приобрёл Monsanto": Bayer
        if found is not None or words[verb].rel != "conj" or words[verb].head < 0:
            return found
        verb = words[verb].head
    return None


def _subtree(children: dict[int, list[int]], root: int) -> list[int]:
    """`root` and every word below it (once each, should the parse loop)."""
    found, todo = {root}, [root]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return sorted(found)


@component(
    "dated_actions", requires=("analysis", "entities", "dates", "amounts", "typed"), assigns=("entities", "facts")
)
def dated_actions(doc: Doc) -> None:
    """An event for each dated action (``find_actions``) no event of the document is told by already, with its
    agents, what takes part in it, the event it is part of or where it takes place, and its day; for a verb of an
    event's course, the event its subject names (``_course_of``); for an object that is an event found already, that
    event's day and who took part (``_state_of``); a tagger's event of the verb alone named by the action's words;
    last, the tagger's other bare verbs named so too (``_name_bare_events``)."""
    words = doc.syntax.words
    reading = _reading(doc)
    events = [(m.start, m.end, i) for i, d in enumerate(doc.drafts) if d.nerel_type == "EVENT" for m in d.mentions]
    relabelled: set[int] = set()
    for action in find_actions(doc, reading):
        verb = words[action.verb]
        telling = [i for s, e, i in events if s < verb.end and verb.start < e]
        bare = bool(telling) and _bare(doc, telling[0], verb)
        if telling and not bare:
            continue  # "скончался 3 февраля", "подписал указ": a tagger's event already
        subject_event = (
            _entity(doc, words[action.subject], subclasses("schema:Event")) if action.subject is not None else None
        )
        if subject_event is not None:  # "Форум прошёл 7 ноября": the day of an event the text names
            if action.phase is not None:
                _state_of(doc, subject_event, [], action, action.phase)
            continue
        if action.phase is not None and action.subject is not None:
            _course_of(doc, action)  # "Прием документов начался 20 июня": the event is what the subject names
            continue
        agents = _agents(doc, action.subject)
        held = [e for i in action.objects if (e := _entity(doc, words[i], subclasses("schema:Event"))) is not None]
        if held:  # "провел в среду совещание": the meeting a tagger or a rule found, who took part and its day
            _state_of(doc, held[0], agents, action)
            continue
        if action.counted_object or (action.counted and not agents):
            continue  # "выросла на 23%", "добыл 216 млн тонн угля": a figure, which the quantities tell
        start, end = words[action.words[0]].start, words[action.words[-1]].end
        span = doc.span(start, end)
        label = _label(doc, list(action.words), action.verb, action.subject, action.objects, agents)
        if " " not in label:
            continue  # a verb alone ("начнется") says too little to name what happened
        if bare:  # "обнаружила" a tagger found: named by what the verb is done to, with who did it and when
            ident = doc.ids[telling[0]]
            doc.relabel(ident, label=label)
            relabelled.add(telling[0])
        else:
            ident = doc.add_apart(Draft("EVENT", label, [span], cls="schema:Event", confidence=0.5))
        sentence = doc.sentence(start)
        for agent in agents:
            doc.fact(agent, "kg:agentOf", ident, sentence, 0.5)
        for obj in action.objects:
            if (taking_part := _named(doc, obj)) is not None:
                doc.fact(taking_part, "kg:participantIn", ident, sentence, 0.5)
        within = [
            e for i in action.places if (e := _entity(doc, words[i], subclasses("schema:Event"))) not in (None, ident)
        ]
        for event in within[:1]:
            doc.fact(ident, "schema:superEvent", event, sentence, 0.5)  # "обыграла … в товарищеском матче"
        for place in action.places if not within else ():  # the event it is part of is where it took place
            if (where := _entity(doc, words[place], PLACE_CLASSES)) is not None:
                doc.fact(ident, "schema:location", where, sentence, 0.5)
        _state_of(doc, ident, [], action)
    _name_bare_events(doc, reading, relabelled)


def _label(
    doc: Doc, chosen: list[int], verb: int, subject: int | None, objects: Sequence[int], agents: list[str]
) -> str:
    """The name of what `verb` tells happened, from its `chosen` words; when it has no object after it, with the
    common noun before it that it is done to, or by when nobody named acts ("Движение … открылось", "Документ
    подписали", "передача власти произойдёт")."""
    words = doc.syntax.words
    label = _written(doc.clean, [words[i] for i in chosen])
    label = label[0].lower() + label[1:]
    before = [i for i in ((None if agents else subject), *objects) if i is not None and i < verb]
    if before and not any(o > verb for o in objects):
        noun = words[before[0]]
        if noun.pos == "NOUN" and doc.at(noun.start, noun.end) is None:
            phrase = [
                words[i]
                for i in _phrase(doc.syntax, before[0], set())
                if i < verb and not (i < before[0] and _pronoun(doc.clean[words[i].start : words[i].end]))
            ]
            named_by = _written(doc.clean, phrase) if len(phrase) <= 3 else doc.clean[noun.start : noun.end]
            label = f"{named_by[0].lower()}{named_by[1:]} {label}"
    return label


def _name_bare_events(doc: Doc, reading: _Reading, named: set[int]) -> None:
    """Name each event a tagger found as a verb or a short participle alone ("задержан", "обнаружила"), and no rule
    of this module named, by the words that say what happened, as the actions are ("задержан в аэропорту Шереметьево",
    "жители эвакуированы")."""
    syntax, words = doc.syntax, doc.syntax.words
    for index, draft in enumerate(doc.drafts):
        if draft.nerel_type != "EVENT" or index in named or len(draft.mentions) != 1:
            continue
        inside = _words_over(syntax, draft.mentions[0].start, draft.mentions[0].end)
        if len(inside) != 1 or words[inside[0]].pos not in ("VERB", "PRTS") or not _bare(doc, index, words[inside[0]]):
            continue
        verb = inside[0]
        chosen = _label_words(syntax, verb, reading)
        if chosen is None:
            continue
        subject = _subject(syntax, verb)
        objects = [i for i in syntax.children.get(verb, []) if words[i].rel == "obj"]
        label = _label(doc, chosen, verb, subject, objects, _agents(doc, subject))
        if " " in label:
            doc.relabel(doc.ids[index], label=label)


def _bare(doc: Doc, index: int, verb: Any) -> bool:
    """Whether draft `index` is an event a tagger named by `verb` alone, once, as it is written ("открыли",
    "обнаружила")."""
    draft = doc.drafts[index]
    if draft.cls != "schema:Event" or len(draft.mentions) != 1 or draft.label.lower() != draft.mentions[0].text.lower():
        return False  # an event a rule named ("посещение: Сочи"), or one told twice
    return (draft.mentions[0].start, draft.mentions[0].end) == (verb.start, verb.end)


_UNTIL = re.compile(r"(?:до|по)\s", re.IGNORECASE)
_FROM = re.compile(r"(?:с|со)\s|.*\d\s*[—–-]\s*\d", re.IGNORECASE)


def _side(said: str) -> str:
    """What a date's words state of the action: its end ("до 1991 года"), its start ("с 2010 года", "в 1998—2010
    годах": the first year) or the point in time it happened."""
    if _UNTIL.match(said):
        return "schema:endDate"
    return "schema:startDate" if _FROM.match(said) else "kg:pointInTime"


def _course_of(doc: Doc, action: Action) -> None:
    """The event a verb of an event's course tells of by its subject ("Прием документов в вузы начался 20 июня и
    продлится до 25 июля": one event, "прием документов в вузы", from the one day to the other), when a common noun
    heads the subject, with where it takes place."""
    syntax, words = doc.syntax, doc.syntax.words
    subject = action.subject
    if subject is None or words[subject].pos != "NOUN" or doc.at(words[subject].start, words[subject].end):
        return
    phrase = [i for i in _phrase(syntax, subject, set()) if not (i < subject and _pronoun(syntax.written(i)))]
    first, last = words[min(phrase)], words[max(phrase)]
    span = doc.span(first.start, last.end)
    label = span.text[0].lower() + span.text[1:]
    ident = doc.add(Draft("EVENT", label, [span], cls="schema:Event", confidence=0.5))
    sentence = doc.sentence(span.start)
    for place in action.places:
        if (where := _entity(doc, words[place], PLACE_CLASSES)) is not None:
            doc.fact(ident, "schema:location", where, sentence, 0.5)
    _state_of(doc, ident, [], action, action.phase or "kg:pointInTime")


def _state_of(doc: Doc, event: str, agents: list[str], action: Action, phase: str | None = None) -> None:
    """Give `event`, which the action's verb holds as its object ("провел совещание"), the action's subjects as its
    agents when the verb holds it (`_HOLDING`), else as its participants ("выиграл чемпионат", "санкционировала
    захват") and, when nothing else dates it, the
    action's date; or, for a verb of the event's course (`phase`), the side of it the date states when nothing
    states that side yet ("Прием документов … продлится до 25 июля": its end)."""
    sentence = doc.sentence(doc.syntax.words[action.verb].start)
    role = "kg:agentOf" if doc.syntax.words[action.verb].lemma in _HOLDING else "kg:participantIn"
    for agent in agents:
        doc.fact(agent, role, event, sentence, 0.5)
    when = action.when
    side = _side(when.text) if phase is None or _side(when.text) != "kg:pointInTime" else phase
    dated = {"kg:pointInTime", "schema:startDate", "schema:endDate"} if phase is None else {side, "kg:pointInTime"}
    if any(f.subject == event and f.predicate in dated for f in doc.facts):
        return
    if when.bounds is not None and phase is not None:  # "Дополнительный период пройдёт с 3 по 24 сентября"
        for bound, day, (a, b) in zip(("schema:startDate", "schema:endDate"), when.bounds, when.parts(), strict=True):
            doc.fact(event, bound, TimeRef(doc.span(a, b), day), sentence, 0.5, entity=False)
        return
    if _resolved(when):
        doc.fact(event, side, TimeRef(doc.span(when.start, when.end), when.value), sentence, 0.5, entity=False)


_HOLDING = frozenset({"провести", "организовать", "возглавить"})
"""Verbs whose subject holds the event its object names, its agent ("Вручение наград провёл вице-премьер Дмитрий
Чернышенко"), where another verb's subject only takes part ("выиграл чемпионат")."""


def _resolved(when: DateMention) -> bool:
    """Whether `when` names one date, month or year (not a range of days, nor a day no publication date resolves)."""
    return isinstance(when.value, (date, YearMonth, int)) and not isinstance(when.value, bool) and when.bounds is None


def _agents(doc: Doc, subject: int | None) -> list[str]:
    """Who the `subject` word names (``_named``), and each subject joined to it ("… и генеральный директор
    «Росатома» Алексей Лихачев")."""
    if subject is None:
        return []
    words, children = doc.syntax.words, doc.syntax.children
    found = []
    for head in (subject, *(c for c in children.get(subject, []) if words[c].rel == "conj")):
        who = _named(doc, head)
        if who is not None and who not in found:
            found.append(who)
    return found


def _named(doc: Doc, head: int) -> str | None:
    """The person, body, state or office the noun `head` names: a person named beside it ("губернатор Евгений
    Куйвашев"), else a body named beside it ("компанию «Вектор»"), else the one it is a mention of."""
    words, children = doc.syntax.words, doc.syntax.children
    own = _entity(doc, words[head], AGENT_CLASSES)
    beside = [c for c in children.get(head, []) if words[c].rel in ("appos", "flat:name") and c > head]
    for classes in (frozenset({"schema:Person"}), AGENT_CLASSES):
        named = [who for c in beside if (who := _entity(doc, words[c], classes)) is not None and who != own]
        if named:
            return named[0]
    return own


def _pronoun(written: str) -> bool:
    """Whether `written` reads first as a pronoun or a pronoun's adjective ("это", "этот", "его")."""
    tag = parses(written.lower())[0].tag
    return tag.POS == "NPRO" or "Apro" in tag or tag.POS == "PRCL"


def _written(text: str, chosen: list[Any]) -> str:
    """The words `chosen` (in order) as the text writes them, the runs of words next to each other as they are and a
    space where words were left out between them."""
    runs: list[list[Any]] = []
    for word in chosen:
        if runs and not text[runs[-1][-1].end : word.start].strip():
            runs[-1].append(word)
        else:
            runs.append([word])
    return " ".join(text[run[0].start : run[-1].end] for run in runs)


def _entity(doc: Doc, word: object, classes: frozenset[str]) -> str | None:
    """The entity of one of `classes` (or a narrower class) a mention of which holds `word`."""
    wanted = {narrower for cls in classes for narrower in subclasses(cls)}
    start, end = word.start, word.end  # type: ignore[attr-defined]
    holding = [
        (mention.end - mention.start, -index)
        for index, draft in enumerate(doc.drafts)
        if draft.cls in wanted
        for mention in draft.mentions
        if mention.start <= start and end <= mention.end
    ]
    return doc.ids[-max(holding)[1]] if holding else None
