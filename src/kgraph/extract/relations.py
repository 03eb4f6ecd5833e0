"""Facts between entities by rule: offices, event roles and dates, topics and documents, pipelines (speakers are
in speakers.py, what figures measure in measures.py).

>>> _PIPELINE_NOUNS[0]
'трубопровод'
"""

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from datetime import date
from itertools import accumulate

from ..model import TimeRef
from ..source import Span
from .builder import Builder
from .dates import DateMention
from .entities import Draft, class_for, location_type
from .events import EventMention, find_events, find_titles
from .linking import gazetteer
from .normalise import key, lemma, noun_phrase_nominative
from .topics import find_agreements, find_attention_topics, find_discussions, find_exchanges, find_groups

_PIPELINE_NOUNS = ("трубопровод", "нефтепровод", "газопровод", "продуктопровод")


def _word_before(text: str, start: int) -> str:
    words = text[max(0, start - 30) : start].split()
    return lemma(words[-1].lower()) if words else ""


def pipelines(builder: Builder) -> None:
    """ "трубопровод Тенгиз-Новороссийск": a pipeline named by its ends, each end a place, and its operator."""
    text = builder.text
    operator_at = builder.finder({"schema:Organization"}).at  # the places added below are no organisations
    for index, draft in enumerate(list(builder.drafts)):
        if draft.nerel_type not in {"CITY", "LOCATION", "STATE_OR_PROVINCE"} or not draft.mentions:
            continue
        if not all(_word_before(text, m.start) in _PIPELINE_NOUNS for m in draft.mentions):
            continue
        ident = builder.ids[index]
        builder.relabel(ident, cls="kg:Pipeline")
        draft.nerel_type, draft.wikidata = "PIPELINE", None
        first = draft.mentions[0]
        noun = re.search(r"(\w+)\s+$", text[max(0, first.start - 30) : first.start])
        if noun:
            start = first.start - len(noun.group(0))
            draft.mentions = [builder.span(start, first.end), *draft.mentions[1:]]
            builder.relabel(ident, label=f"{lemma(noun.group(1).lower())} {draft.label.replace('-', ' — ')}")
        ends = list(re.finditer(r"[^-–—\s]+", first.text))
        if len(ends) == 2:
            for end, predicate in zip(ends, ("kg:routeFrom", "kg:routeTo"), strict=True):
                span = builder.span(first.start + end.start(), first.start + end.end())
                kind = location_type(span.text, span.text)
                link = gazetteer().link(span.text, kind)
                place = builder.add(
                    Draft(
                        kind,
                        span.text,
                        [span],
                        cls=class_for(kind),
                        wikidata=link.qid if link else None,
                        confidence=0.5,
                    )
                )
                builder.fact(ident, predicate, place, draft.mentions[0], 0.5)
        sentence = builder.sentence(first.start)
        operator = operator_at(sentence.start, sentence.end)
        if operator:
            builder.fact(ident, "kg:operator", operator, sentence, 0.4)


def reported(builder: Builder, text: str, events: list[tuple[EventMention, str]]) -> None:
    """Groups of people, discussions and their topics, signed agreements and exchanges of documents."""
    phrases = _Phrases(text)
    # the groups, topics, documents and discussions added here are no forums or events of their own, and no one
    # comes to hold an office: the forums, the events' mentions and the offices stay as they are
    forum_at = builder.finder({"kg:Forum"}).at
    holders: dict[str, list[str]] = {}
    for group in find_groups(text):
        builder.add(Draft("GROUP", group.label, [group.span], cls="kg:Group", confidence=0.5))
    for discussion in find_discussions(text):
        if not discussion.topics:
            continue
        label = "обсуждение: " + ", ".join(t.label for t in discussion.topics)
        ident = builder.add(Draft("EVENT", label, [discussion.span], cls="kg:Discussion", confidence=0.5))
        title = lemma(discussion.span.text.split()[0].lower())
        if title not in holders:
            holders[title] = _holders(builder, title)
        for person in holders[title]:
            builder.fact(ident, "schema:attendee", person, discussion.span, 0.4)
        for topic in discussion.topics:
            about = _topic(builder, phrases, topic.span, topic.label)
            builder.fact(ident, "schema:about", about, topic.span, 0.5)
    # every mention of the events, in text order; of two at one place, the one of the event found first
    rank = {ident: n for n, (_, ident) in reversed(list(enumerate(events)))}
    event_mentions = sorted((m.start, rank[i], i) for i in rank for m in builder.draft(i).mentions)
    event_starts = [start for start, _, _ in event_mentions]
    for topic in find_attention_topics(text):
        about = _topic(builder, phrases, topic.span, topic.label)
        latest = bisect_left(event_starts, topic.span.start) - 1  # the last event mention before the topic
        if latest >= 0:
            last = event_mentions[bisect_left(event_starts, event_starts[latest])][2]
            builder.fact(last, "schema:about", about, builder.sentence(topic.span.start), 0.3)
    agreements = []
    for agreement in find_agreements(text):
        ident = builder.add(Draft("DOCUMENT", agreement.label, [agreement.span], cls="kg:Agreement", confidence=0.5))
        agreements.append((ident, agreement.span))
        sentence = builder.sentence(agreement.span.start)
        forum = forum_at(sentence.start, sentence.end)
        if forum:
            builder.fact(ident, "kg:signedAt", forum, sentence, 0.4)
    documents = _Documents(builder)
    for verb in find_exchanges(text):
        sentence = builder.sentence(verb.start)
        ident = builder.add(Draft("EVENT", "обмен документами", [verb], cls="kg:DocumentExchange", confidence=0.5))
        for document in documents.named_in(sentence):
            builder.fact(ident, "kg:exchangedDocument", document, sentence, 0.5)


class _Documents:
    """The agreements and policy documents named in a sentence, in the order they were found (each sentence read
    once); they stay as they are while exchanges are added."""

    def __init__(self, builder: Builder) -> None:
        self.ids = dict(builder.ids)
        self.documents = builder.mention_starts({"kg:Agreement", "kg:PolicyDocument"})
        self.found: dict[Span, list[str]] = {}

    def named_in(self, sentence: Span) -> list[str]:
        if sentence not in self.found:
            self.found[sentence] = [self.ids[i] for i in self.documents.between(sentence.start, sentence.end)]
        return self.found[sentence]


def _holders(builder: Builder, title: str) -> list[str]:
    """The persons a plural title (its lemma) stands for ("Президенты": everyone the article calls a president)."""
    titles = _HEAD_TITLES if title in _HEAD_TITLES else {title}
    return [
        f.subject
        for f in builder.facts
        if f.predicate == "kg:holdsPosition" and set(key(builder.draft(str(f.obj)).label).split()[:1]) & titles
    ]


# Titles of a head of state or government: "Президенты" may be called "глава Казахстана" one by one.
_HEAD_TITLES = {"президент", "глава", "лидер", "руководитель", "премьер", "премьер-министр", "канцлер", "король"}


PLACE_CLASSES = {"schema:Place", "schema:Museum", "schema:City", "schema:SportsActivityLocation"}
# Nouns that, after "новый", "этот", refer back to the last named organisation and say what it is.
_KIND_NOUNS = {"музей": "schema:Museum"}


def anaphora(builder: Builder, text: str) -> None:
    """ "новый музей" after "Эрмитаж-Сибирь" is that organisation: a mention of it, and its class."""
    referring = {"schema:Organization", *PLACE_CLASSES}  # a class it gives keeps the entity among these
    # every mention of those entities, in text order, read once as the phrases go on (also in text order)
    mentions = sorted((m.start, i) for i, d in enumerate(builder.drafts) if d.cls in referring for m in d.mentions)
    read = 0
    last: tuple[int, int] | None = None  # the latest mention so far (the first entity's, of two at one place)
    for match in re.finditer(r"\b(?:нов|эт|данн|эт)\w*\s+([а-яё]+)", text):
        cls = _KIND_NOUNS.get(lemma(match.group(1)))
        if cls is None:
            continue
        while read < len(mentions) and mentions[read][0] < match.start():
            if last is None or (mentions[read][0], -mentions[read][1]) > (last[0], -last[1]):
                last = mentions[read]
            read += 1
        if last is None:
            continue
        position, index = last
        if match.start() - position < 300:
            builder.relabel(builder.ids[index], cls=cls)
            builder.drafts[index].mentions.append(builder.span(match.start(), match.end()))
            if (match.start(), -index) > (last[0], -last[1]):
                last = (match.start(), index)


def locate_tours(builder: Builder) -> None:
    """An excursion or a visit takes place at the place named last before it (within two sentences)."""
    for index, draft in enumerate(builder.drafts):
        if draft.cls not in {"kg:Excursion", "kg:Visit"}:
            continue
        first = min(draft.mentions)
        sentences = [s for s in builder.article.sentences if s.end <= first.start][-2:]
        window = sentences[0].start if sentences else first.start
        places = [
            (m.start, builder.ids[i])
            for i, d in enumerate(builder.drafts)
            if d.cls in PLACE_CLASSES
            for m in d.mentions
            if window <= m.start < first.start
        ]
        if places:
            builder.fact(builder.ids[index], "schema:location", max(places)[1], first, 0.4)


class _Phrases:
    """The words of a text and their keys, read once, to find every place a phrase is named by its key: the
    runs of n words in a row by their keys, for each n asked (a text may name thousands of topics)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words: list[re.Match[str]] | None = None
        self.keys: list[str] = []
        self.runs: dict[int, dict[tuple[str, ...], list[int]]] = {}  # n -> keys of n words -> where they start
        self.found: set[tuple[str, str, int]] = set()

    def places(self, wanted: str, size: int) -> list[tuple[int, int]]:
        """Where `size` words in a row have the key `wanted`, the phrase's own key too (digits or Latin between
        the words count)."""
        if self.words is None:
            self.words = list(re.finditer(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*", self.text))
            self.keys = [key(word.group()) for word in self.words]
        if size not in self.runs:
            self.runs[size] = {}
            for index in range(len(self.words) - size + 1 if size > 0 else 0):
                self.runs[size].setdefault(tuple(self.keys[index : index + size]), []).append(index)
        places = []
        for index in self.runs[size].get(tuple(wanted.split(" ")), []):
            start, end = self.words[index].start(), self.words[index + size - 1].end()
            if key(self.text[start:end]) == wanted:
                places.append((start, end))
        return places


def _topic(builder: Builder, phrases: _Phrases, span: Span, label: str) -> str:
    """A topic entity with every place the text names it ("приграничного сотрудничества", "…сотрудничеству")."""
    ident = builder.add(Draft("TOPIC", label, [span], cls="kg:Topic", confidence=0.5))
    wanted, size = key(label), len(label.split())
    if (ident, wanted, size) in phrases.found:
        return ident  # its places are among its mentions already (they only grow)
    phrases.found.add((ident, wanted, size))
    draft = builder.draft(ident)
    starts = {m.start for m in draft.mentions}
    for start, end in phrases.places(wanted, size):
        if start not in starts:
            starts.add(start)
            draft.mentions.append(builder.span(start, end))
    return ident


def titles(builder: Builder, text: str) -> None:
    persons = [(m.start, m.end) for d in builder.drafts if d.cls == "schema:Person" for m in d.mentions]
    # the positions added below are no persons or countries: what these find stays as it is
    person_at, country_at = builder.finder({"schema:Person"}).at, builder.finder({"schema:Country"}).at
    for title in find_titles(text, persons):
        person = person_at(*title.person)
        if person is None:
            continue
        # A bare title ("президент") names a kind of office, not this office: only qualified ones are linked.
        link = gazetteer().link(title.span.text, "PROFESSION") if len(title.label.split()) > 1 else None
        position = builder.add(
            Draft(
                "POSITION",
                title.label,
                [title.span],
                cls="kg:Position",
                confidence=0.75,
                wikidata=link.qid if link else None,
            )
        )
        evidence = builder.span(title.span.start, title.person[1])
        builder.fact(person, "kg:holdsPosition", position, evidence, 0.75)
        country = country_at(title.span.start, title.span.end)
        if country:
            builder.fact(position, "kg:positionIn", country, title.span, 0.75)


def events(builder: Builder, text: str, dates: list[DateMention]) -> list[tuple[EventMention, str]]:
    found: list[tuple[EventMention, str]] = []
    named = _Named(builder)
    for event in find_events(text):
        draft = Draft("EVENT", event.label, list(event.mentions), cls=event.cls, confidence=event.confidence)
        ident = named.add(draft)
        found.append((event, ident))
        first = min(event.mentions)
        if event.edition is not None:
            builder.fact(ident, "kg:edition", event.edition, first, 0.8, entity=False)
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
                builder.fact(ident, "kg:opens", opened, first, 0.7)
    forums = [ident for event, ident in found if event.cls == "kg:Forum"]
    # from here on only facts are added: the entities and their mentions stay as they are
    forum_at, city_at = builder.finder({"kg:Forum"}).at, builder.finder({"schema:City"}).at
    # a start date is a day (xsd:date): a year or an unresolved wording says too little
    days = [d for d in dates if isinstance(d.value, date)]  # in text order, as found
    day_starts = [d.start for d in days]
    chairs = _Chairs(builder)
    located: dict[tuple[Span, str], bool] = {}  # whether a sentence says "в <the city>"
    for event, ident in found:
        for mention in event.mentions:
            sentence = builder.sentence(mention.start)
            if event.cls != "kg:Forum" and forums:
                forum_here = forum_at(sentence.start, sentence.end)
                if forum_here and forum_here != ident and event.cls in {"kg:PlenarySession", "kg:Opening"}:
                    builder.fact(ident, "schema:superEvent", forum_here, sentence, 0.6)
            if event.cls == "kg:Forum":
                city = city_at(sentence.start, sentence.end)
                if city and (sentence, city) not in located:
                    where = r"\bв\s+" + re.escape(builder.draft(city).mentions[0].text[:3])
                    located[(sentence, city)] = re.search(where, sentence.text) is not None
                if city and located[(sentence, city)]:
                    builder.fact(ident, "schema:location", city, sentence, 0.6)
            first_day = bisect_left(day_starts, sentence.start)
            if first_day < len(days) and days[first_day].start < sentence.end and event.cls != "kg:Forum":
                d = days[first_day]
                builder.fact(
                    ident,
                    "schema:startDate",
                    TimeRef(builder.span(d.start, d.end), d.value),
                    sentence,
                    0.6,
                    entity=False,
                )
            if event.cls == "kg:PlenarySession":
                for person in chairs.of(sentence):
                    builder.fact(ident, "kg:chair", person, sentence, 0.7)
    return found


class _Named:
    """The entity an opening opens, for many openings: the mentions (of entities other than openings) by where
    they start, kept up to date with the drafts added through it (nothing else changes them meanwhile)."""

    def __init__(self, builder: Builder) -> None:
        self.builder = builder
        self.starting: dict[int, list[tuple[int, int]]] = {}  # start -> (end, the entity's index), in order
        for index, draft in enumerate(builder.drafts):
            self._note(index, draft.mentions)

    def _note(self, index: int, mentions: list[Span]) -> None:
        if self.builder.drafts[index].cls != "kg:Opening":
            for m in mentions:
                self.starting.setdefault(m.start, []).append((m.end, index))

    def add(self, draft: Draft) -> str:
        """builder.add(draft), noting the mentions it gives the entity."""
        ident = self.builder.add(draft)
        self._note(self.builder.index(ident), draft.mentions)
        return ident

    def starting_at(self, span: Span) -> str | None:
        """The entity with a mention starting where `span` does (or a character later), else one inside it."""
        at = [i for start in (span.start, span.start + 1) for _, i in self.starting.get(start, [])]
        if not at:
            starts = range(span.start, span.end + 1)
            at = [i for start in starts for end, i in self.starting.get(start, []) if end <= span.end]
        return self.builder.ids[min(at)] if at else None


class _Chairs:
    """The persons named after "председательствова…" in a sentence ("председательствовали президент России
    Владимир Путин и …"), each sentence read once: the entity at each such person's first mention after the verb
    (in the order of its mentions), for every person with a mention between the verb and the sentence's end."""

    def __init__(self, builder: Builder) -> None:
        self.builder = builder
        self.persons = builder.mention_starts({"schema:Person"})
        self.found: dict[Span, list[str]] = {}
        self._firsts: dict[int, tuple[list[int], list[int]]] = {}
        self._at: Callable[[int, int], str | None] | None = None

    def of(self, sentence: Span) -> list[str]:
        """The chairs a sentence names (none when it has no "председательствова…")."""
        if sentence not in self.found and "председательствова" not in sentence.text:
            self.found[sentence] = []
        if sentence not in self.found:
            verb = sentence.start + sentence.text.index("председательствова")
            self.found[sentence] = []
            for index in self.persons.between(verb + 1, sentence.end):  # a mention starting after the verb
                person = self._entity_at(*self._first_after(index, verb))
                if person:
                    self.found[sentence].append(person)
        return self.found[sentence]

    def _first_after(self, index: int, position: int) -> tuple[int, int]:
        """The first mention in draft `index`'s list that starts after `position` (one does)."""
        mentions = self.builder.drafts[index].mentions
        if index not in self._firsts:
            order = sorted(range(len(mentions)), key=lambda n: mentions[n].start)
            earliest = list(accumulate(reversed(order), min))[::-1]  # the first in the list from here on
            self._firsts[index] = ([mentions[n].start for n in order], earliest)
        starts, earliest = self._firsts[index]
        first = mentions[earliest[bisect_right(starts, position)]]
        return first.start, first.end

    def _entity_at(self, start: int, end: int) -> str | None:
        if self._at is None:
            self._at = self.builder.finder({d.cls for d in self.builder.drafts}).at
        return self._at(start, end)
