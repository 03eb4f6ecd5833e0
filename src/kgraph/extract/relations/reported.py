"""What an article reports around events: groups of people, discussions and their topics, signed agreements and
exchanges of documents.
"""

import re

from ...resources import subclasses
from ...source import Span
from ..doc import Doc, Draft
from ..events.components import named_as_labelled
from ..pipeline import component
from ..text.normalise import key, lemma, parses
from .topics import Found, find_agreements, find_attention_topics, find_discussions, find_exchanges, find_groups


@component("reported", requires=("entities", "facts", "events"), assigns=("entities", "facts"))
def reported(doc: Doc) -> None:
    """Groups of people, discussions and their topics, signed agreements and exchanges of documents."""
    text = doc.clean
    phrases = Phrases(text)
    # the groups, topics, documents and discussions added here are no forums or events of their own, and no one
    # comes to hold an office: the forums, the events' mentions and the offices stay as they are
    forum_at = doc.finder({"kg:Forum"}).at
    holders: dict[str, list[str]] = {}
    for group in find_groups(text):
        doc.add(Draft("GROUP", group.label, [group.span], cls="kg:Group", confidence=0.5))
    _took_part_in_it(doc)
    _opened_and_closed(doc)
    attention = _attention_after(doc)
    headline = doc.article.headline
    told: dict[str, str] = {}  # a topic of the headline's discussion -> that discussion
    for discussion in find_discussions(text):
        if not discussion.topics:
            continue
        label = "обсуждение: " + ", ".join(t.label for t in discussion.topics)
        same = {told[key(t.label)] for t in discussion.topics if key(t.label) in told}
        named = _subjects(doc, doc.sentence(discussion.span.start).start, discussion.span.end)
        if len(same) == 1 and not named:  # "# Лукашенко и Токаев обсудили …" told again: "Главы государств обсудили …"
            ident = same.pop()
            told = {topic: told_in for topic, told_in in told.items() if told_in != ident}  # told again once
            doc.draft(ident).mentions.append(discussion.span)
            before = doc.draft(ident).label.removeprefix("обсуждение: ").split(", ")
            more = [t.label for t in discussion.topics if t.label not in before]
            doc.relabel(ident, label="обсуждение: " + ", ".join(before + more))
        else:
            ident = doc.add(Draft("EVENT", label, [discussion.span], cls="kg:Discussion", confidence=0.5))
        if headline.start <= discussion.span.start < headline.end:
            told.update((key(t.label), ident) for t in discussion.topics)
        title = lemma(discussion.span.text.split()[0].lower())
        if title not in holders:
            holders[title] = _holders(doc, title)
        attendees = holders[title]
        if not attendees and title in _PARTIES:
            attendees = _named_before(doc, discussion.span.start)
        if not attendees:  # "Лавров и Ван И обсудили …": the persons named before the verb, in the nominative
            attendees = _subjects(doc, doc.sentence(discussion.span.start).start, discussion.span.end)
        for person in attendees:
            doc.fact(ident, "schema:attendee", person, discussion.span, 0.4)
        place = doc.at(discussion.where.start, discussion.where.end, _WHERE) if discussion.where else None
        if place is not None:
            doc.fact(ident, "schema:location", place, doc.sentence(discussion.span.start), 0.5)
        for topic in discussion.topics:
            about = topic_entity(doc, phrases, topic.span, topic.label)
            doc.fact(ident, "schema:about", about, topic.span, 0.5)
        # "Президенты обсудили … Много внимания было уделено приграничному сотрудничеству": one more topic
        for topic in attention.get(doc.sentence(discussion.span.start), []):
            about = topic_entity(doc, phrases, topic.span, topic.label)
            doc.fact(ident, "schema:about", about, doc.sentence(topic.span.start), 0.4)
    for agreement in find_agreements(text):
        ident = doc.add(Draft("DOCUMENT", agreement.label, [agreement.span], cls="kg:Agreement", confidence=0.5))
        sentence = doc.sentence(agreement.span.start)
        forum = forum_at(sentence.start, sentence.end)
        if forum:
            doc.fact(ident, "kg:signedAt", forum, sentence, 0.4)
        for party in _signed_by(doc, sentence, agreement.span, holders):
            doc.fact(ident, "kg:party", party, sentence, 0.5)
    _drafted_and_adopted(doc)
    documents = _Documents(doc)
    for verb in find_exchanges(text):
        sentence = doc.sentence(verb.start)
        ident = doc.add(Draft("EVENT", "обмен документами", [verb], cls="kg:DocumentExchange", confidence=0.5))
        for document in documents.named_in(sentence):
            doc.fact(ident, "kg:exchangedDocument", document, sentence, 0.5)


_TOOK_PART_IN_IT = re.compile(
    r"(?<![\w-])[Вв]\s+(?P<it>нём|нем|ней|них)\s+(?:также\s+|тоже\s+)?"
    r"(?:(?:при(?:ня|нима)\w*)\s+участие|(?:по)?участвова\w*|участву\w*)"
    r"(?![\w-])"
)
"""An event's participants after a pronoun standing for it: "Помимо двух президентов в нём приняли участие главы
министерств …", "В ней также участвовали …"."""
_PRONOUN_GENDERS = {"нём": {"masc", "neut"}, "нем": {"masc", "neut"}, "ней": {"femn"}}
_ANTECEDENT_BACK = 2
"""Sentences back at most where the event the pronoun stands for is named."""
_PARTICIPANTS = frozenset({"kg:Group", "schema:Person"})
_NAMED_AFTER_PEOPLE = frozenset({"ORGANIZATION", "FACILITY"})
"""The kinds of thing named after a person whose name then is no participant ("Мариинского театра")."""


def _took_part_in_it(doc: Doc) -> None:
    """The groups and persons named after "в нём приняли участие" (or "в ней участвовали") to the end of the
    sentence attend the event the pronoun stands for: the last one the rules found, named in that sentence before
    it or in the one or two before, whose head noun has the pronoun's gender ("нём": "заседание", "форум"; "ней":
    "выставка"; "них": any)."""
    who = doc.mention_starts(_PARTICIPANTS)
    named = [(m.start, ident, event.head) for event, ident in doc.events for m in event.mentions]
    for found in _TOOK_PART_IN_IT.finditer(doc.clean):
        sentence = doc.sentence(found.start())
        earlier = doc.sentences_before(sentence.start, _ANTECEDENT_BACK)
        low = earlier[0].start if earlier else sentence.start
        genders = _PRONOUN_GENDERS.get(found.group("it"))
        before = [
            (start, ident)
            for start, ident, head in named
            if low <= start < found.start() and (genders is None or _gender(head) in genders)
        ]
        if not before:
            continue
        _, event = max(before)
        bodies = [(m.start, m.end) for d in doc.drafts if d.nerel_type in _NAMED_AFTER_PEOPLE for m in d.mentions]
        for index in dict.fromkeys(who.between(found.end(), sentence.end)):
            said = [m for m in doc.drafts[index].mentions if found.end() <= m.start < sentence.end]
            if said and all(any(s <= m.start and m.end <= e for s, e in bodies) for m in said):
                continue  # "солисты Мариинского театра": the theatre's namesake took no part
            doc.fact(event, "schema:attendee", doc.ids[index], sentence, 0.5)


_OPENS_OR_CLOSES = {
    "открыть": "kg:openedBy",
    "открывать": "kg:openedBy",
    "закрыть": "kg:closedBy",
    "закрывать": "kg:closedBy",
}
"""Verbs that tell who opened or closed an event ("Форум открыл губернатор …", "Главы двух государств … закрыли
форум"), in the active voice only: "была открыта академия" is an opening of its own (``events``)."""


_OPEN_OR_CLOSE_WORD = re.compile(r"(?<![А-ЯЁа-яё])(?:[Оо]ткр|[Зз]акр)[а-яё]*")
"""The words that may be a verb of `_OPENS_OR_CLOSES`, read by pymorphy3 (no other word is)."""


def _opened_and_closed(doc: Doc) -> None:
    """Who opened or closed an event: a verb of `_OPENS_OR_CLOSES`, the event the rules found named nearest it in
    its sentence (no opening: "открытие выставки" is what opens), and the persons the sentence names in the
    nominative, or else those a group of heads there stands for ("Главы двух государств": everyone the article
    calls a head, a president or a leader, as `_holders`)."""
    named = [(m.start, ident) for event, ident in doc.events if event.cls != "kg:Opening" for m in event.mentions]
    groups = doc.mention_starts({"kg:Group"})
    for sentence in doc.article.sentences:
        for word in _OPEN_OR_CLOSE_WORD.finditer(sentence.text):
            reading = parses(word.group().lower())[0]
            predicate = _OPENS_OR_CLOSES.get(str(reading.normal_form))
            if predicate is None or reading.tag.POS != "VERB":
                continue
            at = sentence.start + word.start()
            near = [(abs(start - at), ident) for start, ident in named if sentence.start <= start < sentence.end]
            if not near:
                continue
            event = min(near)[1]
            who = _subjects(doc, sentence.start, sentence.end)
            for index in [] if who else groups.between(sentence.start, sentence.end):
                title = lemma(doc.drafts[index].label.split()[0].lower())
                if title in _HEAD_TITLES:
                    who = _holders(doc, title)
                    break
            for person in who:
                doc.fact(event, predicate, person, sentence, 0.4)


_DOCUMENTS = frozenset({"kg:PolicyDocument", "kg:Agreement", "schema:Legislation"})
_PASSIVES = {"разработать": "kg:developedBy", "принять": "kg:adoptedAt"}
"""Short passive participles that tell who drafted a document ("Форумом разработана концепция") and where it is
adopted ("будет принята"): by the event or body named in the instrumental in the sentence (adopted: at an event
only)."""


_DRAFTED_OR_ADOPTED_WORD = re.compile(r"(?<![А-ЯЁа-яё])(?:[Рр]азработ|[Пп]риня)[а-яё]*")
"""The words that may be a participle of `_PASSIVES`, read by pymorphy3 (no other word is)."""


def _drafted_and_adopted(doc: Doc) -> None:
    """Who drafted a document and at which event it is adopted, by `_PASSIVES` in the document's sentence: the
    events the rules found and the organisations named there in the instrumental ("Форумом разработана и будет
    принята сегодня концепция программ …")."""
    events = {ident for _, ident in doc.events}
    agents = doc.mention_starts(subclasses("schema:Event") | subclasses("schema:Organization"))
    documents = doc.mention_starts(_DOCUMENTS)
    for sentence in doc.article.sentences:
        written = list(dict.fromkeys(doc.ids[i] for i in documents.between(sentence.start, sentence.end)))
        if not written:
            continue
        passives = {
            _PASSIVES[str(reading.normal_form)]
            for word in _DRAFTED_OR_ADOPTED_WORD.finditer(sentence.text)
            for reading in parses(word.group().lower())[:1]
            if reading.tag.POS == "PRTS" and str(reading.normal_form) in _PASSIVES
        }
        if not passives:
            continue
        by = [
            doc.ids[i]
            for i in dict.fromkeys(agents.between(sentence.start, sentence.end))
            if any(sentence.start <= m.start < sentence.end and _instrumental(m.text) for m in doc.drafts[i].mentions)
        ]
        for predicate in passives:
            for agent in by:
                if predicate == "kg:adoptedAt" and agent not in events:
                    continue
                for document in written:
                    doc.fact(document, predicate, agent, sentence, 0.4)


def _instrumental(words: str) -> bool:
    """Whether a mention's first word reads in the instrumental ("Форумом", "правительством")."""
    first = re.match(r"[А-ЯЁа-яё]+", words)
    return first is not None and parses(first.group().lower())[0].tag.case == "ablt"


def _attention_after(doc: Doc) -> dict[Span, list[Found]]:
    """The topics given attention (``find_attention_topics``) by the sentence before the one naming them."""
    found: dict[Span, list[Found]] = {}
    for topic in find_attention_topics(doc.clean):
        for before in doc.sentences_before(doc.sentence(topic.span.start).start, 1):
            found.setdefault(before, []).append(topic)
    return found


def _gender(noun: str) -> str | None:
    gender = parses(noun.lower())[0].tag.gender
    return str(gender) if gender else None


_WHERE = frozenset({"schema:City", "schema:Country", "schema:AdministrativeArea", "schema:Place"})
"""What a discussion takes place in."""


class _Documents:
    """The agreements and policy documents named in a sentence, in the order they were found (each sentence read
    once); they stay as they are while exchanges are added."""

    def __init__(self, doc: Doc) -> None:
        self.ids = dict(doc.ids)
        self.documents = doc.mention_starts({"kg:Agreement", "kg:PolicyDocument"})
        self.found: dict[Span, list[str]] = {}

    def named_in(self, sentence: Span) -> list[str]:
        if sentence not in self.found:
            self.found[sentence] = [self.ids[i] for i in self.documents.between(sentence.start, sentence.end)]
        return self.found[sentence]


def _holders(doc: Doc, title: str) -> list[str]:
    """The persons a plural title (its lemma) stands for ("Президенты": everyone the article calls a president)."""
    titles = _HEAD_TITLES if title in _HEAD_TITLES else {title}
    return [
        f.subject
        for f in doc.facts
        if f.predicate == "kg:holdsPosition" and set(key(doc.draft(str(f.obj)).label).split()[:1]) & titles
    ]


def _signed_by(doc: Doc, sentence: Span, agreement: Span, holders: dict[str, list[str]]) -> list[str]:
    """Who signs an agreement: the persons named in the nominative in the clause of "подписал(и)" before it
    ("Путин и Токаев подписали …"; not the speaker of "Как сообщил Песков, …" nor "Лавров заявил, что …"), else
    those its first word stands for ("Стороны", "Лидеры": the persons a meeting just before names, `_MEETING`;
    "Президенты": those the article calls presidents). None for a passive ("подписано 20 соглашений"), a negation
    ("так и не подписали"), an agreement the verb does not govern ("подписал книгу …, после чего обсудил …
    соглашение"), one a law, a decree or an order enacts or ratifies ("подписал закон о ратификации соглашения"),
    nor one named by a verb ("договорились")."""
    verb = _SIGNED.search(doc.clean, sentence.start, sentence.end)
    if verb is None or verb.start() > agreement.start or parses(agreement.text.split()[0].lower())[0].tag.POS != "NOUN":
        return []
    governed = doc.clean[verb.end() : agreement.start]
    if (
        len(governed.split()) > 6
        or _ENACTS.search(governed)
        or (re.search(r"[,;:]", governed) and "в том числе" not in governed)
    ):
        return []
    clause = doc.clean[sentence.start : verb.start()]
    cut = max((m.end() for m in _CLAUSE_START.finditer(clause)), default=0)
    if _NOT.search(clause):
        return []
    signers = _subjects(doc, sentence.start + cut, verb.start())
    first = re.match(r"\s*([А-ЯЁа-яё]+)", clause[cut:])
    if signers or first is None:
        return signers
    title = lemma(first.group(1).lower())
    if title in ("сторона", "собеседник", "лидер"):
        return _named_before(doc, sentence.start, _MEETING)
    if title in _HEAD_TITLES:
        if title not in holders:
            holders[title] = _holders(doc, title)
        return holders[title]
    return []


_MEETING = re.compile(r"(?<![\w-])(?:встрет|встреч|переговор|бесед)", re.IGNORECASE)
"""Words of a meeting, whose persons "Стороны" or "Лидеры" who sign after it are ("Токаев встретился … с …
Мирзиёевым. Лидеры подписали …"; not the aides of "Песков и Ушаков рассказали журналистам …" between)."""


_SIGNED = re.compile(r"(?<![\w-])подписал[аи]?(?![\w-])", re.IGNORECASE)
"""A signing verb in the active past ("подписали"), whose subject signs: not "подписано", "подписанными"."""
_ENACTS = re.compile(r"(?<![\w-])(?:закон|указ|постановлени|распоряжени|ратифик|денонс)", re.IGNORECASE)
"""A document that enacts, ratifies or ends the agreement after it: its signer signed that, not the agreement."""
_CLAUSE_START = re.compile(r"[,;:—–(]|(?<![\w-])(?:что|как|чтобы|когда)(?![\w-])", re.IGNORECASE)
"""Where the clause of a verb may start, within its sentence."""
_NOT = re.compile(r"(?<![\w-])не\s*\Z", re.IGNORECASE)
"""A negation right before the verb."""


_PARTIES = {"сторона", "лидер", "собеседник", "участник"}
"""Who "Стороны обсудили …" are: the persons the text named together just before."""
_PARTIES_BACK = 3
"""Sentences back at most where the parties are named."""


def _named_before(doc: Doc, position: int, told: re.Pattern[str] | None = None) -> list[str]:
    """The persons of the nearest sentence before `position` (at most `_PARTIES_BACK` back) that names two or more
    (and, with `told`, says it): "Владимир Путин и Александр Лукашенко провели переговоры в Сочи. … Стороны
    обсудили …"."""
    persons = doc.mention_starts({"schema:Person"})
    for sentence in reversed(doc.sentences_before(position, _PARTIES_BACK)):
        named = list(dict.fromkeys(doc.ids[i] for i in persons.between(sentence.start, sentence.end)))
        if len(named) >= 2 and (told is None or told.search(sentence.text)):
            return named
    return []


def _subjects(doc: Doc, start: int, end: int) -> list[str]:
    """The persons named between `start` and `end` as their labels end (in the nominative: "Лавров", not
    "Лаврова")."""
    persons = doc.mention_starts({"schema:Person"})
    named = dict.fromkeys(doc.ids[i] for i in persons.between(start, end))
    return [ident for ident in named if named_as_labelled(doc.draft(ident), start, end)]


# Titles of a head of state or government: "Президенты" may be called "глава Казахстана" one by one.
_HEAD_TITLES = {"президент", "глава", "лидер", "руководитель", "премьер", "премьер-министр", "канцлер", "король"}


class Phrases:
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


def topic_entity(doc: Doc, phrases: Phrases, span: Span, label: str) -> str:
    """A topic entity with every place the text names it ("приграничного сотрудничества", "…сотрудничеству")."""
    ident = doc.add(Draft("TOPIC", label, [span], cls="kg:Topic", confidence=0.5))
    wanted, size = key(label), len(label.split())
    if (ident, wanted, size) in phrases.found:
        return ident  # its places are among its mentions already (they only grow)
    phrases.found.add((ident, wanted, size))
    draft = doc.draft(ident)
    starts = {m.start for m in draft.mentions}
    for start, end in phrases.places(wanted, size):
        if start not in starts:
            starts.add(start)
            draft.mentions.append(doc.span(start, end))
    return ident
