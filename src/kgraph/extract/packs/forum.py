"""The pack for reports of summits and forums: rules written from the seed article that mean something only in
such reports (the plenary session and its chairs, "новый музей" as the last named organisation, pipelines named by
their ends, every direct quote said at the plenary, topics "given attention"). It is on by default only if it does
no harm on general news (measured on NEREL dev; see the README); ``extract_article(article, without=("forum",))``
switches it off.
"""

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import replace
from itertools import accumulate

from ...source import Span
from ..doc import Doc, Draft, class_for
from ..events.components import PLACE_CLASSES, Days
from ..events.events import EventMention
from ..links.linking import gazetteer
from ..pipeline import component
from ..places.types import location_type
from ..relations.reported import Phrases, topic_entity
from ..relations.topics import find_attention_topics
from ..text.normalise import lemma
from ..text.words import RUSSIAN, words

PACK = "forum"


_PIPELINE_NOUNS = ("трубопровод", "нефтепровод", "газопровод", "продуктопровод")


def _word_before(text: str, start: int) -> str:
    word = words(text).before(start)
    return lemma(word.text.lower()) if word else ""


@component("pipelines", requires=("entities",), assigns=("entities", "facts"), pack=PACK)
def pipelines(doc: Doc) -> None:
    """ "трубопровод Тенгиз-Новороссийск": a pipeline named by its ends, each end a place, and its operator."""
    text = doc.text
    operator_at = doc.finder({"schema:Organization"}).at  # the places added below are no organisations
    for index, draft in enumerate(list(doc.drafts)):
        if draft.nerel_type not in {"CITY", "LOCATION", "STATE_OR_PROVINCE"} or not draft.mentions:
            continue
        if not all(_word_before(text, m.start) in _PIPELINE_NOUNS for m in draft.mentions):
            continue
        ident = doc.ids[index]
        doc.relabel(ident, cls="kg:Pipeline")
        draft.nerel_type, draft.wikidata = "PIPELINE", None
        first = draft.mentions[0]
        noun = words(text).before(first.start, RUSSIAN)
        if noun:
            draft.mentions = [doc.span(noun.start, first.end), *draft.mentions[1:]]
            doc.relabel(ident, label=f"{lemma(noun.text.lower())} {draft.label.replace('-', ' — ')}")
        ends = list(re.finditer(r"[^-–—\s]+", first.text))
        if len(ends) == 2:
            for end, predicate in zip(ends, ("kg:routeFrom", "kg:routeTo"), strict=True):
                span = doc.span(first.start + end.start(), first.start + end.end())
                kind = location_type(span.text, span.text)
                link = gazetteer().link(span.text, kind)
                place = doc.add(
                    Draft(
                        kind,
                        span.text,
                        [span],
                        cls=class_for(kind),
                        wikidata=link.qid if link else None,
                        confidence=0.5,
                    )
                )
                doc.fact(ident, predicate, place, draft.mentions[0], 0.5)
        sentence = doc.sentence(first.start)
        operator = operator_at(sentence.start, sentence.end)
        if operator:
            doc.fact(ident, "kg:operator", operator, sentence, 0.4)


@component(
    "plenary_session",
    requires=("entities", "events", "dates"),
    assigns=("entities", "events", "facts"),
    pack=PACK,
)
def plenary_session(doc: Doc) -> None:
    """The plenary session, the forum it is part of, its day and who chaired it ("председательствовали …")."""
    sessions = []
    for event in _plenary_sessions(doc.clean):
        ident = doc.add(Draft("EVENT", event.label, list(event.mentions), cls=event.cls, confidence=event.confidence))
        sessions.append((event, ident))
    doc.events.extend(sessions)
    forums = [ident for event, ident in doc.events if event.cls == "kg:Forum"]
    forum_at = doc.finder({"kg:Forum"}).at
    days, chairs = Days(doc), _Chairs(doc)
    for event, ident in sessions:
        for mention in event.mentions:
            sentence = doc.sentence(mention.start)
            forum_here = forum_at(sentence.start, sentence.end) if forums else None
            if forum_here and forum_here != ident:
                doc.fact(ident, "schema:superEvent", forum_here, sentence, 0.6)
            days.state_start(ident, sentence)
            for person in chairs.of(sentence):
                doc.fact(ident, "kg:chair", person, sentence, 0.7)


@component("quote_occasions", requires=("events", "utterances"), assigns=("utterances",), pack=PACK)
def quote_occasions(doc: Doc) -> None:
    """Every direct quote was said at the plenary session (a forum's report quotes its speeches)."""
    occasion = next((ident for event, ident in doc.events if event.cls == "kg:PlenarySession"), None)
    doc.utterances = [replace(u, occasion=occasion) if u.kind == "direct" else u for u in doc.utterances]


def _plenary_sessions(text: str) -> list[EventMention]:
    """Every "пленарное заседание": one session (a forum's report has one)."""
    spans = [Span(m.start(), m.end(), m.group()) for m in re.finditer(r"[Пп]ленарн\w+\s+заседани\w+", text)]
    if not spans:
        return []
    return [EventMention("kg:PlenarySession", "пленарное заседание", "заседание", spans, confidence=0.8)]


class _Chairs:
    """The persons named after "председательствова…" in a sentence ("председательствовали президент России
    Владимир Путин и …"), each sentence read once: the entity at each such person's first mention after the verb
    (in the order of its mentions), for every person with a mention between the verb and the sentence's end."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.persons = doc.mention_starts({"schema:Person"})
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
        mentions = self.doc.drafts[index].mentions
        if index not in self._firsts:
            order = sorted(range(len(mentions)), key=lambda n: mentions[n].start)
            earliest = list(accumulate(reversed(order), min))[::-1]  # the first in the list from here on
            self._firsts[index] = ([mentions[n].start for n in order], earliest)
        starts, earliest = self._firsts[index]
        first = mentions[earliest[bisect_right(starts, position)]]
        return first.start, first.end

    def _entity_at(self, start: int, end: int) -> str | None:
        if self._at is None:
            self._at = self.doc.finder({d.cls for d in self.doc.drafts}).at
        return self._at(start, end)


# Nouns that, after "новый", "этот", refer back to the last named organisation and say what it is.
_KIND_NOUNS = {"музей": "schema:Museum"}


@component("museum_anaphora", requires=("entities",), assigns=("entities",), pack=PACK)
def museum_anaphora(doc: Doc) -> None:
    """ "новый музей" after "Эрмитаж-Сибирь" is that organisation: a mention of it, and its class. A city is no
    museum ("В Омске открыли новый музей"), and a phrase followed by its own name ("новый музей «Эрмитаж-Сибирь»")
    refers to that name, not back."""
    text = doc.clean
    # a class it gives keeps the entity among these; a city is named, never referred to as "новый музей"
    referring = {"schema:Organization", *PLACE_CLASSES} - {"schema:City"}
    # every mention of those entities, in text order, read once as the phrases go on (also in text order)
    mentions = sorted((m.start, i) for i, d in enumerate(doc.drafts) if d.cls in referring for m in d.mentions)
    read = 0
    last: tuple[int, int] | None = None  # the latest mention so far (the first entity's, of two at one place)
    for match in re.finditer(r"\b(?:нов|эт|данн|эт)\w*\s+([а-яё]+)", text):
        cls = _KIND_NOUNS.get(lemma(match.group(1)))
        if cls is None or re.match(r"\s*[«\"]", text[match.end() :]):
            continue
        while read < len(mentions) and mentions[read][0] < match.start():
            if last is None or (mentions[read][0], -mentions[read][1]) > (last[0], -last[1]):
                last = mentions[read]
            read += 1
        if last is None:
            continue
        position, index = last
        if match.start() - position < 300:
            doc.relabel(doc.ids[index], cls=cls)
            doc.drafts[index].mentions.append(doc.span(match.start(), match.end()))
            if (match.start(), -index) > (last[0], -last[1]):
                last = (match.start(), index)


@component("attention_topics", requires=("entities", "events"), assigns=("entities", "facts"), pack=PACK)
def attention_topics(doc: Doc) -> None:
    """ "Много внимания было уделено приграничному сотрудничеству": a topic of the event named last before it."""
    text = doc.clean
    phrases = Phrases(text)
    # every mention of the events, in text order; of two at one place, the one of the event found first
    rank = {ident: n for n, (_, ident) in reversed(list(enumerate(doc.events)))}
    event_mentions = sorted((m.start, rank[i], i) for i in rank for m in doc.draft(i).mentions)
    event_starts = [start for start, _, _ in event_mentions]
    for topic in find_attention_topics(text):
        about = topic_entity(doc, phrases, topic.span, topic.label)
        latest = bisect_left(event_starts, topic.span.start) - 1  # the last event mention before the topic
        if latest >= 0:
            last = event_mentions[bisect_left(event_starts, event_starts[latest])][2]
            doc.fact(last, "schema:about", about, doc.sentence(topic.span.start), 0.3)
