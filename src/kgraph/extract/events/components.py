"""Which events: the components that add events with their editions, places, openings and days, and that place
excursions and visits.
"""

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from ...model import TimeRef
from ...resources import subclasses
from ...source import Span
from ..doc import Doc, Draft, class_for
from ..pipeline import component
from ..places.nouns import cue, named_kind
from ..spans import Overlapping
from ..text.normalise import lemma, noun_phrase_nominative, parses
from .events import EventMention, find_events

PLACE_CLASSES = {"schema:Place", "schema:Museum", "schema:City", "schema:SportsActivityLocation"}


@component("events", requires=("entities", "dates"), assigns=("entities", "events", "facts"))
def events(doc: Doc) -> None:
    """Events by head noun with their editions, what an opening opens, a forum's city, an opening's forum (and
    the opened event's), the event named after "в рамках" and each event's day ("7 ноября" in the sentence naming
    it)."""
    found = doc.events
    named = _Named(doc)
    bodies = [(m.start, m.end) for d in doc.drafts if d.nerel_type == "ORGANIZATION" for m in d.mentions]
    for event in find_events(doc.clean):
        # a head noun after a building's noun names the building: "Дворце фестивалей" is no festival
        kept = [m for m in event.mentions if not _in_facility_name(doc.clean, m)]
        if not kept:
            continue
        if len(kept) < len(event.mentions):
            event = replace(event, mentions=kept)
        event = _with_whole_body(doc, event, bodies)
        draft = Draft("EVENT", event.label, list(event.mentions), cls=event.cls, confidence=event.confidence)
        ident = named.add(draft)
        found.append((event, ident))
        first = min(event.mentions)
        if event.edition is not None:
            doc.fact(ident, "kg:edition", event.edition, first, 0.8, entity=False)
        if event.opens is not None:
            opened = named.starting_at(event.opens) or named.add(
                Draft(
                    "ORGANIZATION",
                    noun_phrase_nominative(event.opens.text.strip('"«»“”')),
                    [event.opens],
                    cls=class_for("ORGANIZATION"),
                    confidence=0.5,
                )
            )
            if opened != ident:
                doc.fact(ident, "kg:opens", opened, first, 0.7)
    forums = [ident for event, ident in found if event.cls == "kg:Forum"]
    framed = _framing_events(doc, found)
    # from here on only facts are added: the entities and their mentions stay as they are
    forum_at, city_at = doc.finder({"kg:Forum"}).at, doc.finder({"schema:City"}).at
    days = Days(doc)
    located: dict[Span, str | None] = {}  # the city a sentence says "в" before
    for event, ident in found:
        for mention in event.mentions:
            sentence = doc.sentence(mention.start)
            if event.cls == "kg:Opening" and forums:
                forum_here = forum_at(sentence.start, sentence.end)
                if forum_here and forum_here != ident:
                    doc.fact(ident, "schema:superEvent", forum_here, sentence, 0.6)
            frame = framed.get(sentence)
            if frame is not None and frame[0] != ident and not _overlapping(frame[1], event.mentions):
                doc.fact(ident, "schema:superEvent", frame[0], sentence, 0.6)
            if event.cls == "kg:Forum":
                if sentence not in located:
                    located[sentence] = _held_in(sentence, city_at)
                if (city := located[sentence]) is not None:
                    doc.fact(ident, "schema:location", city, sentence, 0.6)
            else:
                days.state_start(ident, sentence, mention)
    _opened_within(doc)


def _held_in(sentence: Span, city_at: Callable[[int, int], str | None]) -> str | None:
    """The city a forum's sentence names after "в": the first after a lower-case "в" ("… пройдет в Казани"), else
    one right after the "В" that opens the sentence ("В Казани во вторник открылся … форум"; not in "В Минске
    сообщили, что форум пройдет в Казани", where Казань is)."""
    opening = None
    for found in _IN_CITY.finditer(sentence.text):
        city = city_at(sentence.start + found.end(), sentence.start + found.end() + 1)
        if city is None:
            continue
        if found.group(1) == "в":
            return city
        if found.start() == 0:
            opening = city
    return opening


_IN_CITY = re.compile(r"(?<![А-Яа-яЁё])([вВ])\s+(?=[А-ЯЁ])")
""""в" before a capital: where a city may be named."""


def _opened_within(doc: Doc) -> None:
    """An event an opening opens is part of what the opening is part of: "работу форум начал … с открытия выставки"
    makes the exhibition the forum's too (its evidence the opening's)."""
    events = subclasses("schema:Event")
    wholes: dict[str, list[tuple[str, Span]]] = {}
    for fact in doc.facts:
        if fact.predicate == "schema:superEvent":
            wholes.setdefault(fact.subject, []).append((str(fact.obj), fact.evidence[0]))
    for fact in list(doc.facts):
        opened = str(fact.obj)
        if fact.predicate == "kg:opens" and fact.obj_is_entity and doc.draft(opened).cls in events:
            for whole, evidence in wholes.get(fact.subject, []):
                if whole != opened:
                    doc.fact(opened, "schema:superEvent", whole, evidence, 0.5)


_WITHIN = re.compile(r"(?<![\w-])в\s+рамках\s+(?!котор)(?:[\w-]+\s+){0,2}\Z", re.IGNORECASE)
""""в рамках" and at most two words before an event's mention: the event the sentence's other events are part of
("В рамках форума прошла выставка", "в рамках XVI форума"); not "в рамках которого раздавалась …", where the
event after it is the part."""


def named_within(text: str, start: int) -> bool:
    """Whether the words at `start` are named after "в рамках" ("прошло в рамках международной выставки"): the
    event the rest of the sentence is part of.

    >>> text = "Подписание прошло в рамках международной выставки"
    >>> named_within(text, text.index("выставки")), named_within(text, 0)
    (True, False)
    """
    return _WITHIN.search(text, max(0, start - 40), start) is not None


def _framing_events(doc: Doc, found: list[tuple[EventMention, str]]) -> dict[Span, tuple[str, Span]]:
    """Each sentence's event named after "в рамках" (its id and that mention): the sentence's other events are
    part of it. In NEREL train, of the events named in a sentence with one named after "в рамках", three are
    its SUBEVENT_OF and none the other way round."""
    framed: dict[Span, tuple[str, Span]] = {}
    for event, ident in found:
        for mention in event.mentions:
            if named_within(doc.clean, mention.start):
                framed.setdefault(doc.sentence(mention.start), (ident, mention))
    return framed


def _overlapping(span: Span, mentions: list[Span]) -> bool:
    return any(m.start < span.end and span.start < m.end for m in mentions)


def named_as_labelled(draft: Draft, low: int, high: int) -> bool:
    """Whether a mention of the person between `low` and `high` ends as the label does (the nominative: "Владимир
    Путин", "Путин"; not "Валентина Серова" for Валентин Серов)."""
    last = draft.label.lower().replace("ё", "е").split()[-1:]
    return any(low <= m.start < high and m.text.lower().replace("ё", "е").split()[-1:] == last for m in draft.mentions)


_WORD_BEFORE = re.compile(r"([А-ЯЁа-яё]+)\s+\Z")


def _in_facility_name(text: str, mention: Span) -> bool:
    """Whether an event's word follows a noun that names a building, street or square ("Дворце фестивалей",
    "площади Победы"): it is the place's name, not the event (place_nouns.tsv, the FACILITY nouns of names)."""
    before = _WORD_BEFORE.search(text, max(0, mention.start - 30), mention.start)
    return before is not None and named_kind({lemma(before.group(1).lower())}) == "FACILITY"


_UNTIL = re.compile(r"(?:до|по)\s", re.IGNORECASE)

_ENDED = re.compile(
    r"(?<![А-Яа-яЁё])(?:[Зз]аверши|[Зз]акончи|[Оо]кончи|[Зз]акры)[а-яё]*с[яь]|подош[её]л[а-яё]*\s+к\s+концу"
)
"""A verb that says an event ended ("завершился", "закончилась", "закрылся", "подошёл к концу"): the day its sentence
names is the event's last, not its first ("фестиваль завершился в Казани в субботу")."""
_BEGUN = re.compile(r"(?<![А-Яа-яЁё])(?:[Нн]ача|[Оо]ткры|[Сс]тартова|[Пп]рош[её]л|[Пп]роходи|[Пп]ройд)[а-яё]*")
"""A verb that says an event began or took place, whose day a sentence with an ending verb may name instead."""


CLOSINGS = frozenset({"закрытие", "завершение", "окончание", "финал"})
"""Nouns of an event's end: the day "Закрытие фестиваля" is set for is the festival's last."""

_STILL_ITS_OWN = frozenset(
    {"время", "ход", "день", "рамка", "открытие", "начало", "старт", "проведение", "год", "неделя", "число", "утро"}
    | {"вечер", "ночь", "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"}
    | {"январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь"}
    | {"декабрь"}
)
"""Nouns before an event whose day is still the event's: "во время визита", "в ходе форума", "открытие выставки",
and the words of a date, after which a preposition goes with the verb ("6 ноября с открытия выставки")."""

_WORD_BEFORE = re.compile(r"([А-ЯЁа-яё]+)[^\S\n]+(?:(?:на|в|во|для|к|о|об|по|с|со|от|до|из|за)[^\S\n]+)?\Z")


def closing(text: str, start: int) -> bool:
    """Whether the event named from `start` follows a noun of its end ("закрытие фестиваля", "финал турнира")."""
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return before is not None and lemma(before.group(1).lower()) in CLOSINGS


def of_another_thing(text: str, start: int) -> bool:
    """Whether the event named from `start` is what another noun is of or for ("Билеты на фестиваль", "программу
    фестиваля", "заявки на участие в фестивале"): a noun right before it, or before a preposition before it, not a
    noun of the event's own time or phase ("во время визита", "открытие выставки")."""
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if before is None:
        return False
    word = before.group(1)
    ahead = text[max(0, before.start(1) - 4) : before.start(1)].rstrip(" \t")
    opens = not ahead or ahead[-1] in ".!?\n"  # a sentence's first word is capitalised all the same
    if not word.islower() and not opens:
        return False  # a name ("в Санкт-Петербурге выставку") governs nothing here
    reading = parses(word.lower())[0]
    if "NOUN" not in reading.tag or str(reading.normal_form) in _STILL_ITS_OWN:
        return False
    first = re.match(r"[А-ЯЁа-яё]+", text[start : start + 40])
    named = parses(first.group().lower()) if first else ()
    if not named or not {"NOUN", "ADJF"} & named[0].tag.grammemes:
        return False  # "перед заседанием была открыта академия": the event told by a verb, no noun's
    # after a preposition ("Билеты на фестиваль") or in the genitive right after the noun ("программу фестиваля")
    return before.end(1) != len(before.group().rstrip()) + before.start() or any(p.tag.case == "gent" for p in named)


class Days:
    """The days the text names (a year or an unresolved wording says too little for a start date), in order."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        # "до 24 октября", "по 5 мая": when it ends, not when it starts; "с 19 по 21 сентября": both
        self.days = [d for d in doc.dates if (isinstance(d.value, date) and not _UNTIL.match(d.text)) or d.bounds]
        self.starts = [d.start for d in self.days]

    def state_start(self, ident: str, sentence: Span, mention: Span | None = None) -> None:
        """The first range of days named in `sentence` gives event `ident` its start and end dates ("В Сочи в четверг
        завершился фестиваль, который проходил с 1 по 7 марта": from the 1st to the 7th), else the first day named
        there is its start date; its end date when the event is named as what closes ("Закрытие фестиваля
        состоится 18 февраля"). A `mention` of the event that another noun governs names no day of it: "Билеты на
        фестиваль поступят в продажу 10 октября", "программу фестиваля объявят 15 марта" (``of_another_thing``)."""
        ends = mention is not None and closing(self.doc.clean, mention.start)
        if mention is not None and not ends and of_another_thing(self.doc.clean, mention.start):
            return
        first = bisect_left(self.starts, sentence.start)
        named = []
        while first < len(self.days) and self.days[first].start < sentence.end:
            named.append(self.days[first])
            first += 1
        if named:
            day = next((d for d in named if d.bounds), named[0])
            if day.bounds:  # each day stated by its own words: "с 19", "по 21 сентября"
                for side, value, (a, b) in zip(
                    ("schema:startDate", "schema:endDate"), day.bounds, day.parts(), strict=True
                ):
                    self.doc.fact(ident, side, TimeRef(self.doc.span(a, b), value), sentence, 0.6, entity=False)
            elif isinstance(day.value, date):
                wording = self.doc.span(day.start, day.end)
                said = self.doc.clean[sentence.start : sentence.end]
                ended = ends or (_ENDED.search(said) and not _BEGUN.search(said))
                side = "schema:endDate" if ended else "schema:startDate"
                self.doc.fact(ident, side, TimeRef(wording, day.value), sentence, 0.6, entity=False)


@component("locate_tours", requires=("entities", "events"), assigns=("facts",))
def locate_tours(doc: Doc) -> None:
    """An excursion or a visit takes place at the place named last before it (within two sentences), unless its
    sentence says where it goes, and is attended by the persons the sentence before names when it is held "для
    них"; an opening of a museum, a venue or a place takes place where it opens."""
    for fact in list(doc.facts):
        opened = str(fact.obj)
        if (
            fact.predicate == "kg:opens"
            and fact.obj_is_entity
            and doc.draft(opened).cls in PLACE_CLASSES - {"schema:City"}
        ):
            doc.fact(fact.subject, "schema:location", opened, fact.evidence[0], 0.6)
    located = {f.subject for f in doc.facts if f.predicate == "schema:location"}
    persons = doc.mention_starts({"schema:Person"})
    for index, draft in enumerate(doc.drafts):
        if draft.cls not in {"kg:Excursion", "kg:Visit"}:
            continue
        first = min(draft.mentions)
        sentences = doc.sentences_before(first.start, 2)
        sentence = doc.sentence(first.start)
        if sentences and _FOR_THEM.search(sentence.text):
            # "Специально для них была проведена экскурсия": the persons the sentence before names (two or more)
            before = sentences[-1]
            named = list(dict.fromkeys(doc.ids[i] for i in persons.between(before.start, before.end)))
            for person in named if len(named) >= 2 else []:
                doc.fact(doc.ids[index], "schema:attendee", person, sentence, 0.4)
        if doc.ids[index] in located:
            continue  # a visit whose verb names where it goes ("посетить Турцию с официальным визитом", ``visits``)
        going = _destination_after(doc, first, sentence.end)
        if going is not None:  # "подготовку визита президента России в Нью-Дели": not the Moscow of the talks before
            doc.fact(doc.ids[index], "schema:location", going, first, 0.6)
            continue
        window = sentences[0].start if sentences else first.start
        places = [
            (m.start, doc.ids[i])
            for i, d in enumerate(doc.drafts)
            if d.cls in PLACE_CLASSES
            for m in d.mentions
            if window <= m.start < first.start
        ]
        if places:
            doc.fact(doc.ids[index], "schema:location", max(places)[1], first, 0.4)


def _destination_after(doc: Doc, noun: Span, end: int) -> str | None:
    """The place a visit's noun says it goes to: the nearest named after "в", "во" or "на" within the noun's phrase
    ("визита президента России в Нью-Дели", "Визит делегации из Москвы в Минск"): at most six words between, no
    punctuation and no verb, participle or gerund, before `end`. A review helper's "Визит проходит на фоне … в
    Сирии", "Визит … раскритиковали в Пекине", "Визит стал первым после поездки в Астану" name no destination."""
    after = doc.clean[noun.end : end]
    found = sorted(
        (mention.start, doc.ids[index])
        for index, draft in enumerate(doc.drafts)
        if draft.cls in _DESTINATIONS
        for mention in draft.mentions
        if noun.end <= mention.start < end
    )
    for start, ident in found:
        between = after[: start - noun.end]
        if _TO_PLACE.fullmatch(between) and not any(  # a capitalised word is a name ("Моди" is no verb)
            parses(word)[0].tag.POS in _VERBAL for word in re.findall(r"(?<![А-Яа-яЁё-])[а-яё][а-яё-]*", between)
        ):
            return ident
    return None


_TO_PLACE = re.compile(r"(?:\s+[А-Яа-яЁё-]+){0,6}\s+(?:в|во|на)\s+")
"""What may stand between a visit's noun and where it goes: up to six words, then "в", "во" or "на"."""
_VERBAL = frozenset({"VERB", "INFN", "PRTF", "PRTS", "GRND"})


_FOR_THEM = re.compile(r"(?<![\w-])для\s+них(?![\w-])", re.IGNORECASE)
"""An excursion or a visit held "for them": for the persons the sentence before names."""


VISIT_VERBS = frozenset({"посетить", "посещать", "побывать", "отправиться", "приехать", "прибыть", "съездить"})
"""Verbs that tell a visit when a person goes to a place named with them ("Путин прибыл в Омск", "Оценить новый
музей Путин и Токаев отправились")."""
_DESTINATIONS = PLACE_CLASSES | {"schema:Country", "schema:AdministrativeArea"}
_NEAR = 80
"""Characters at most between the verb and the place or a person visiting it: "…, посетил в императорском дворе
святилище богини … в Японии" is no visit to Japan."""
_QUOTES = set('«»"“”')
"""A place named at a quote is in a name ("«Говорит Москва» отправился …"), not where anyone goes."""


_MET = re.compile(r"(?<![\w-])(?:с|со)\s+[^.,;:!?«»\n]*\Z")
"""A person named after "с" and before any punctuation, whom the visitor meets ("переговоры с главой МИД КНР …")."""
_TOWARDS = frozenset({"в", "во", "на"})
_AWAY = frozenset({"из", "изо", "от", "с", "со", "до", "для", "у", "без", "после", "около", "из-за"})


_PLACE_KINDS = frozenset({"CITY", "STATE_OR_PROVINCE", "LOCATION", "DISTRICT"})
"""The kinds of place a noun before a name may say it is ("город Сочи", "штат Огайо"): then the name in any case
after it may be where a visit goes; "президент Чили", "уроженец Ставропольского края" say whose, not where."""


def is_destination(text: str, start: int) -> bool:
    """Whether the place named at `start` may be where a visit goes: after "в" or "на" ("прибыл в Пекин", "побывал
    в Омске"), or with no preposition in the accusative ("посетил Казахстан"); not a place in a title ("Министр
    иностранных дел России … прибыл в Пекин") nor where one comes from ("из Москвы").

    >>> text = "Министр иностранных дел России прибыл в Пекин, посетил Казахстан, приехал из Москвы."
    >>> [is_destination(text, text.index(name)) for name in ("России", "Пекин", "Казахстан", "Москвы")]
    [False, True, True, False]
    >>> text = "Иван Петров, уроженец Ставропольского края, прибыл в Тверскую область."
    >>> is_destination(text, text.index("Ставропольского")), is_destination(text, text.index("Тверскую"))
    (False, True)
    """
    before = re.search(r"([\w-]+)\W*$", text[max(0, start - 30) : start])
    word = before.group(1).lower() if before else ""
    if word in _TOWARDS:
        return True
    if word in _AWAY:
        return False
    first = re.match(r"[\w-]+", text[start:])
    if first is None:
        return False
    readings = parses(first.group().lower())
    noun = parses(word)[0] if word else None
    common = noun is not None and noun.tag.POS == "NOUN" and not {"Geox", "Name", "Surn"} & noun.tag.grammemes
    place_noun = noun is not None and cue(str(noun.normal_form)) in _PLACE_KINDS
    if common and not place_noun and any(p.tag.case == "gent" for p in readings):
        # "уроженец Ставропольского края, прибыл в …", "Президент Чили … прибыл": a noun's genitive, no
        # destination; "посетил город Сочи", "в столицу Индии Нью-Дели" (a place noun, a place's name) are
        return False
    return any(p.tag.case == "accs" for p in readings)


def _with_whole_body(doc: Doc, event: EventMention, bodies: list[tuple[int, int]]) -> EventMention:
    """`event` with each named mention running on to the end of an organisation's name that starts inside it and
    ends after it, on the same line ("саммиту Организации Договора о коллективной безопасности": the name's words
    after "о" are no genitive, and the event's name had stopped before them); its label too, when it ends with the
    words the mention ended with."""
    if not event.named:
        return event
    mentions, label = list(event.mentions), event.label
    for index, mention in enumerate(mentions):
        ends = [end for start, end in bodies if mention.start < start < mention.end < end]
        if not ends or "\n" in doc.clean[mention.end : max(ends)]:
            continue
        mentions[index] = doc.span(mention.start, max(ends))
        if label == event.label and label.split()[-1] == mention.text.split()[-1]:
            label += doc.clean[mention.end : max(ends)]
    return replace(event, mentions=mentions, label=label) if mentions != event.mentions else event


_ASKED = re.compile(
    r"(?<![А-ЯЁа-яё])(?:(?:пригласил|предложил|попросил|просил|призвал)[аи]?"
    r"|(?:приглаша|предлага|призыва)(?:ет|ют)|прос(?:ит|ят))(?![А-ЯЁа-яё])",
    re.IGNORECASE,
)
"""A verb that asks another to do what the infinitive after it says ("пригласил … посетить"; not the noun
"приглашение": "получил приглашение посетить" is the invited one's)."""


RESULT_VERBS = frozenset({"обыграть", "победить", "переиграть", "одолеть", "разгромить", "уступить", "проиграть"})
"""Verbs that tell a match's result between the side named before them and the one after ("«Зенит» обыграл
«Спартак»", "Андреева уступила Гауфф")."""
_LOST = frozenset({"уступить", "проиграть"})
"""Result verbs that also tell other things given up ("уступил Лукашенко место"): a match's only with a score."""
_SCORE = re.compile(r"(?<![\d:])(?<![Вв]\s)\d{1,2}\s*:\s*\d{1,2}(?![\d:])")
"""A score ("3:2"; not a time, "в 10:30")."""
_MATCH = re.compile(r"(?<![\w-])матч\w*(?![\w-])", re.IGNORECASE)
"""The word "матч": a result's sentence without a score needs it (a review helper's "во втором туре выборов", "в
политической игре", "в финале конкурса красоты" are no matches)."""
_SIDES = frozenset({"schema:Organization", "schema:SportsTeam", "schema:Person"})
_BESIDE = re.compile(r"[\s«»\"]*")
"""What may stand between a result's verb and the side after it, besides "в"/"на" and a place."""


@component("matches", requires=("entities", "events"), assigns=("entities", "facts"))
def matches(doc: Doc) -> None:
    """A match told by a result's verb (`RESULT_VERBS`) in a sentence with a score, or with the word "матч" for a
    verb of winning: the team or player named last before the verb (at most five words before it, no punctuation)
    and the one right after it (a place with "в" may come between: "обыграли в Омске «Ак Барс»", and is where it
    was played) take part in the match the sentence names; else, when the article tells one result, in the one
    match named after it ("… Тренер назвал матч лучшим"); else in a new one (schema:SportsEvent, at the verb, named by
    its sides: "матч ЦСКА — Локомотив")."""
    sides = sorted((m.start, m.end, i) for i, d in enumerate(doc.drafts) if d.cls in _SIDES for m in d.mentions)
    places = {(m.start, m.end): i for i, d in enumerate(doc.drafts) if d.cls in PLACE_CLASSES for m in d.mentions}
    games = [i for i, d in enumerate(doc.drafts) if d.cls == "schema:SportsEvent"]
    text = doc.clean
    told = []
    for sentence in doc.article.sentences:
        verbs = [w for w in re.finditer(r"[а-яё]+", sentence.text) if lemma(w.group()) in RESULT_VERBS]
        if not verbs:
            continue
        scored = _SCORE.search(sentence.text) is not None
        if not scored and (lemma(verbs[0].group()) in _LOST or not _MATCH.search(sentence.text)):
            continue
        verb = doc.span(sentence.start + verbs[0].start(), sentence.start + verbs[0].end())
        before = [(e, i) for s, e, i in sides if sentence.start <= s and e <= verb.start]
        between = text[before[-1][0] : verb.start] if before else ""
        if not before or len(between.split()) > 5 or re.search(r"[,;:—]", between):
            continue
        at, where = verb.end, None
        for (start, end), index in sorted(places.items()):
            if start >= at and re.fullmatch(r"\s+(?:в|во|на)\s+", text[at:start]):
                at, where = end, index
                break
        after = [i for s, e, i in sides if s >= at and _BESIDE.fullmatch(text[at:s])]
        one = before[-1][1]
        if after and after[0] != one and doc.drafts[after[0]].cls == doc.drafts[one].cls:
            told.append((sentence, verb, (one, after[0]), where))
    for sentence, verb, pair, where in told:
        named = [i for i in games if any(sentence.start <= m.start < sentence.end for m in doc.drafts[i].mentions)]
        later = [i for i in games if min(doc.drafts[i].mentions).start >= sentence.end]
        if named or (len(told) == 1 and len(games) == 1 and later):
            ident = doc.ids[(named or later)[0]]
        else:  # named by its sides, so that two results are two matches
            label = "матч " + " — ".join(doc.drafts[side].label for side in pair)
            ident = doc.add(Draft("EVENT", label, [verb], cls="schema:SportsEvent", confidence=0.5))
        for side in pair:
            doc.fact(doc.ids[side], "kg:participantIn", ident, sentence, 0.7)
        if where is not None:
            doc.fact(ident, "schema:location", doc.ids[where], sentence, 0.6)


@component("visits", requires=("entities", "events"), assigns=("entities", "facts"))
def visits(doc: Doc) -> None:
    """A visit told by a verb: a sentence with a visit verb, the persons it names and a place (a city, a country, a
    museum …) is the persons' visit to the place named nearest the verb: the visit the sentence names ("с
    официальным визитом"), else one another sentence tells of a visitor in common to the same place, else a new one
    (kg:Visit, mentioned at the verb)."""
    persons = doc.mention_starts({"schema:Person"})
    # a place in a title or an organisation's name is where no one goes: "прибыл глава МЧС России"
    holders = Overlapping(
        (m.start, m.end, i)
        for i, d in enumerate(doc.drafts)
        if d.nerel_type == "ORGANIZATION" or d.cls == "kg:Position"
        for m in d.mentions
    )
    places = sorted(
        (m.start, m.end, i)
        for i, d in enumerate(doc.drafts)
        if d.cls in _DESTINATIONS
        for m in d.mentions
        if not any(
            s <= m.start and m.end <= e and e - s > m.end - m.start for s, e, _ in holders.overlapping(m.start, m.end)
        )
    )
    starts = [start for start, _, _ in places]
    text = doc.clean
    told: list[tuple[Span, Span, list[int], int, str | None]] = []  # sentence, verb, visitors, place, named visit
    for sentence in doc.article.sentences:
        verbs = [w for w in re.finditer(r"[а-яё]+", sentence.text) if lemma(w.group()) in VISIT_VERBS]
        if not verbs:
            continue
        verb = doc.span(sentence.start + verbs[0].start(), sentence.start + verbs[0].end())
        low, high = max(sentence.start, verb.start - _NEAR), min(sentence.end, verb.end + _NEAR)
        asked = _ASKED.search(text, low, verb.start) if "INFN" in parses(verb.text.lower())[0].tag else None
        if asked:  # "Эрдоган пригласил Путина посетить Турцию": who asks is no visitor, who is asked is one
            low = asked.end()
        # a person named in another case is no visitor: "выставку Валентина Серова … посетили 500 тысяч человек"; nor
        # is one met there: "прибыл в Пекин, где провёл переговоры с главой МИД КНР Ван И"
        who = [
            i
            for i in persons.between(low, high)
            if (
                named_as_labelled(doc.drafts[i], low, high)
                or (asked and any(low <= m.start < verb.start for m in doc.drafts[i].mentions))
            )
            and any(
                low <= m.start < high and not _MET.search(text, max(0, m.start - 60), m.start)
                for m in doc.drafts[i].mentions
            )
        ]
        near = [
            (start, end, i)
            for start, end, i in places[bisect_left(starts, low) : bisect_left(starts, high)]
            if end <= high
            and text[start - 1 : start] not in _QUOTES
            and text[end : end + 1] not in _QUOTES
            and is_destination(text, start)
        ]
        if not who or not near:
            continue
        _, _, place = min(near, key=lambda m: min(abs(m[0] - verb.end), abs(m[1] - verb.start)))
        # "Моди прибудет в Москву с официальным визитом": the visit the sentence names is the one the verb tells
        named = [
            i
            for i, draft in enumerate(doc.drafts)
            if draft.cls == "kg:Visit" and any(sentence.start <= m.start < sentence.end for m in draft.mentions)
        ]
        told.append((sentence, verb, who, place, doc.ids[named[0]] if named else None))
    # the headline's "Моди прибыл в Москву" and the lead's "… прибыл в Москву с официальным визитом" are one visit:
    # the same place and a visitor in common
    known = [(place, set(who), ident) for _, _, who, place, ident in told if ident is not None]
    for sentence, verb, who, place, ident in told:
        if ident is None:
            ident = next((i for p, w, i in known if p == place and w & set(who)), None)
        if ident is None:
            label = f"посещение: {doc.drafts[place].label}"
            ident = doc.add(Draft("EVENT", label, [verb], cls="kg:Visit", confidence=0.5))
            known.append((place, set(who), ident))
        doc.fact(ident, "schema:location", doc.ids[place], sentence, 0.5)
        for person in who:
            doc.fact(ident, "schema:attendee", doc.ids[person], sentence, 0.5)


class _Named:
    """The entity an opening opens, for many openings: the mentions (of entities other than openings) by where
    they start, kept up to date with the drafts added through it (nothing else changes them meanwhile)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.starting: dict[int, list[tuple[int, int]]] = {}  # start -> (end, the entity's index), in order
        for index, draft in enumerate(doc.drafts):
            self._note(index, draft.mentions)

    def _note(self, index: int, mentions: list[Span]) -> None:
        if self.doc.drafts[index].cls != "kg:Opening":
            for m in mentions:
                self.starting.setdefault(m.start, []).append((m.end, index))

    def add(self, draft: Draft) -> str:
        """doc.add(draft), noting the mentions it gives the entity."""
        ident = self.doc.add(draft)
        self._note(self.doc.index(ident), draft.mentions)
        return ident

    def starting_at(self, span: Span) -> str | None:
        """The entity with a mention starting where `span` does (or a character later), else one inside it."""
        at = [i for start in (span.start, span.start + 1) for _, i in self.starting.get(start, [])]
        if not at:
            starts = range(span.start, span.end + 1)
            at = [i for start in starts for end, i in self.starting.get(start, []) if end <= span.end]
        return self.doc.ids[min(at)] if at else None
