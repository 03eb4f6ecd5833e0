"""Facts between entities by rule: offices, event roles and dates, speakers, what figures measure, pipelines.

>>> _PIPELINE_NOUNS[0]
'трубопровод'
"""

import re
from dataclasses import replace
from datetime import date

from ..model import Quantity, TimeRef, Utterance
from ..source import Span
from .builder import Builder
from .dates import DateMention
from .entities import Draft, class_for, location_type
from .events import EventMention, find_events, find_titles
from .linking import gazetteer
from .normalise import key, lemma, noun_phrase_nominative, parses
from .quantities import Amount
from .quotes import PRONOUNS, Said, find_utterances
from .topics import find_agreements, find_attention_topics, find_discussions, find_exchanges, find_groups

_PIPELINE_NOUNS = ("трубопровод", "нефтепровод", "газопровод", "продуктопровод")


def _word_before(text: str, start: int) -> str:
    words = text[max(0, start - 30) : start].split()
    return lemma(words[-1].lower()) if words else ""


def pipelines(builder: Builder) -> None:
    """ "трубопровод Тенгиз-Новороссийск": a pipeline named by its ends, each end a place, and its operator."""
    text = builder.text
    for draft in list(builder.drafts):
        if draft.nerel_type not in {"CITY", "LOCATION", "STATE_OR_PROVINCE"} or not draft.mentions:
            continue
        if not all(_word_before(text, m.start) in _PIPELINE_NOUNS for m in draft.mentions):
            continue
        draft.cls, draft.nerel_type, draft.wikidata = "kg:Pipeline", "PIPELINE", None
        first = draft.mentions[0]
        noun = re.search(r"(\w+)\s+$", text[max(0, first.start - 30) : first.start])
        ident = builder.ids[builder.drafts.index(draft)]
        if noun:
            start = first.start - len(noun.group(0))
            draft.mentions[0] = builder.span(start, first.end)
            draft.label = f"{lemma(noun.group(1).lower())} {draft.label.replace('-', ' — ')}"
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
        operator = builder.at(sentence.start, sentence.end, {"schema:Organization"})
        if operator:
            builder.fact(ident, "kg:operator", operator, sentence, 0.4)


def reported(builder: Builder, text: str, events: list[tuple[EventMention, str]]) -> None:
    """Groups of people, discussions and their topics, signed agreements and exchanges of documents."""
    for group in find_groups(text):
        builder.add(Draft("GROUP", group.label, [group.span], cls="kg:Group", confidence=0.5))
    for discussion in find_discussions(text):
        if not discussion.topics:
            continue
        label = "обсуждение: " + ", ".join(t.label for t in discussion.topics)
        ident = builder.add(Draft("EVENT", label, [discussion.span], cls="kg:Discussion", confidence=0.5))
        for person in _holders(builder, discussion.span.text.split()[0]):
            builder.fact(ident, "schema:attendee", person, discussion.span, 0.4)
        for topic in discussion.topics:
            about = _topic(builder, text, topic.span, topic.label)
            builder.fact(ident, "schema:about", about, topic.span, 0.5)
    event_ids = [ident for _, ident in events]
    for topic in find_attention_topics(text):
        about = _topic(builder, text, topic.span, topic.label)
        before = [i for i in event_ids if any(m.start < topic.span.start for m in builder.draft(i).mentions)]
        if before:
            last = max(
                before, key=lambda i: max(m.start for m in builder.draft(i).mentions if m.start < topic.span.start)
            )
            builder.fact(last, "schema:about", about, builder.sentence(topic.span.start), 0.3)
    agreements = []
    for agreement in find_agreements(text):
        ident = builder.add(Draft("DOCUMENT", agreement.label, [agreement.span], cls="kg:Agreement", confidence=0.5))
        agreements.append((ident, agreement.span))
        sentence = builder.sentence(agreement.span.start)
        forum = builder.at(sentence.start, sentence.end, {"kg:Forum"})
        if forum:
            builder.fact(ident, "kg:signedAt", forum, sentence, 0.4)
    for verb in find_exchanges(text):
        sentence = builder.sentence(verb.start)
        ident = builder.add(Draft("EVENT", "обмен документами", [verb], cls="kg:DocumentExchange", confidence=0.5))
        for index, draft in enumerate(builder.drafts):
            if draft.cls in {"kg:Agreement", "kg:PolicyDocument"} and any(
                sentence.start <= m.start < sentence.end for m in draft.mentions
            ):
                builder.fact(ident, "kg:exchangedDocument", builder.ids[index], sentence, 0.5)


def _holders(builder: Builder, word: str) -> list[str]:
    """The persons a plural title stands for ("Президенты": everyone the article calls a president)."""
    title = lemma(word.lower())
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
    for match in re.finditer(r"\b(?:нов|эт|данн|эт)\w*\s+([а-яё]+)", text):
        cls = _KIND_NOUNS.get(lemma(match.group(1)))
        if cls is None:
            continue
        before = [
            (max(m.start for m in d.mentions if m.start < match.start()), d)
            for d in builder.drafts
            if d.cls in {"schema:Organization", *PLACE_CLASSES} and any(m.start < match.start() for m in d.mentions)
        ]
        if not before:
            continue
        position, draft = max(before, key=lambda item: item[0])
        if match.start() - position < 300:
            draft.cls = cls
            draft.mentions.append(builder.span(match.start(), match.end()))


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


def _topic(builder: Builder, text: str, span: Span, label: str) -> str:
    """A topic entity with every place the text names it ("приграничного сотрудничества", "…сотрудничеству")."""
    ident = builder.add(Draft("TOPIC", label, [span], cls="kg:Topic", confidence=0.5))
    wanted = key(label)
    size = len(label.split())
    words = list(re.finditer(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*", text))
    keys = [key(word.group()) for word in words]
    draft = builder.draft(ident)
    for index in range(len(words) - size + 1):
        start, end = words[index].start(), words[index + size - 1].end()
        if " ".join(keys[index : index + size]) != wanted or key(text[start:end]) != wanted:
            continue  # the words' keys first (cheap), then the phrase's (digits or Latin between the words count)
        if not any(m.start == start for m in draft.mentions):
            draft.mentions.append(builder.span(start, end))
    return ident


def titles(builder: Builder, text: str) -> None:
    persons = [(m.start, m.end) for d in builder.drafts if d.cls == "schema:Person" for m in d.mentions]
    for title in find_titles(text, persons):
        person = builder.at(*title.person, classes={"schema:Person"})
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
        country = builder.at(title.span.start, title.span.end, {"schema:Country"})
        if country:
            builder.fact(position, "kg:positionIn", country, title.span, 0.75)


def events(builder: Builder, text: str, dates: list[DateMention]) -> list[tuple[EventMention, str]]:
    found: list[tuple[EventMention, str]] = []
    for event in find_events(text):
        draft = Draft("EVENT", event.label, list(event.mentions), cls=event.cls, confidence=event.confidence)
        ident = builder.add(draft)
        found.append((event, ident))
        first = min(event.mentions)
        if event.edition is not None:
            builder.fact(ident, "kg:edition", event.edition, first, 0.8, entity=False)
        if event.opens is not None:
            opened = builder.starting_at(event.opens) or builder.add(
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
    for event, ident in found:
        for mention in event.mentions:
            sentence = builder.sentence(mention.start)
            if event.cls != "kg:Forum" and forums:
                forum_here = builder.at(sentence.start, sentence.end, {"kg:Forum"})
                if forum_here and forum_here != ident and event.cls in {"kg:PlenarySession", "kg:Opening"}:
                    builder.fact(ident, "schema:superEvent", forum_here, sentence, 0.6)
            if event.cls == "kg:Forum":
                city = builder.at(sentence.start, sentence.end, {"schema:City"})
                if city and re.search(
                    r"\bв\s+" + re.escape(builder.drafts[builder.index(city)].mentions[0].text[:3]),
                    sentence.text,
                ):
                    builder.fact(ident, "schema:location", city, sentence, 0.6)
            # a start date is a day (xsd:date): a year or an unresolved wording says too little
            when = [d for d in dates if sentence.start <= d.start < sentence.end and isinstance(d.value, date)]
            if when and event.cls != "kg:Forum":
                d = when[0]
                builder.fact(
                    ident,
                    "schema:startDate",
                    TimeRef(builder.span(d.start, d.end), d.value),
                    sentence,
                    0.6,
                    entity=False,
                )
            if "председательствова" in sentence.text:
                verb = sentence.start + sentence.text.index("председательствова")
                for draft in builder.drafts:
                    if draft.cls == "schema:Person" and any(verb < m.start < sentence.end for m in draft.mentions):
                        person = builder.at(*next((m.start, m.end) for m in draft.mentions if m.start > verb))
                        if person and event.cls == "kg:PlenarySession":
                            builder.fact(ident, "kg:chair", person, sentence, 0.7)
    return found


def _speakers(builder: Builder, said: Said, last: str | None) -> tuple[str, ...]:
    """Who said it: one speaker, or each of "A и B" when both are persons."""
    parts = list(re.finditer(r"(?:^|(?<=\sи\s))\S.*?(?=\s+и\s+|$)", said.speaker.text))
    if len(parts) == 2 and said.kind == "reported":
        each = [
            builder.at(said.speaker.start + p.start(), said.speaker.start + p.end(), {"schema:Person"}) for p in parts
        ]
        if all(each):
            return tuple(str(person) for person in each)
    speaker = _speaker(builder, said, last)
    return (speaker,) if speaker else ()


def _speaker(builder: Builder, said: Said, last: str | None) -> str | None:
    person = builder.at(said.speaker.start, said.speaker.end, {"schema:Person"})
    if person:
        return person
    words = said.speaker.text.lower().split()
    if words and words[0] in PRONOUNS:
        return last
    # A title ("глава Казахстана", "президент России"): the person holding an office of that state.
    place = builder.at(
        said.speaker.start, said.speaker.end, {"schema:Country", "schema:City", "schema:AdministrativeArea"}
    )
    title_word = lemma(words[0]) if words else ""
    for fact in builder.facts:
        if fact.predicate != "kg:holdsPosition":
            continue
        position = builder.drafts[builder.index(str(fact.obj))]
        same_word = key(position.label).split()[:1] == [title_word]
        in_place = any(f.subject == fact.obj and f.obj == place for f in builder.facts if place)
        if in_place and (same_word or title_word in {"глава", "лидер", "руководитель"}):
            return fact.subject
    return None


def utterances(builder: Builder, text: str, events: list[tuple[EventMention, str]]) -> list[Utterance]:
    utterances: list[Utterance] = []
    last: str | None = None
    occasion = next((ident for event, ident in events if event.cls == "kg:PlenarySession"), None)
    for number, said in enumerate(find_utterances(text), start=1):
        speakers = _speakers(builder, said, last)
        if not speakers:
            continue
        last = speakers[-1]
        direct = said.kind == "direct"
        utterances.append(
            Utterance(
                f"quote_{number}" if direct else f"statement_{number}",
                said.kind,
                speakers,
                builder.span(said.text.start, said.text.end),
                (builder.span(said.speaker.start, said.speaker.end),),
                verb=said.verb or None,
                occasion=occasion if direct else None,
                confidence=0.8 if direct else 0.6,
            )
        )
    return utterances


def _indicator(builder: Builder, text: str, amount: Amount) -> str:
    if amount.counted:
        label = lemma(amount.counted.lower())
        evidence = builder.span(
            amount.counted_start or amount.end, (amount.counted_start or amount.end) + len(amount.counted)
        )
    else:
        sentence = builder.sentence(amount.start)
        before = text[sentence.start : amount.start]
        nouns = [m for m in re.finditer(r"[А-Яа-яЁё]+", before) if _nominative_noun(m.group())]
        if nouns:
            label, evidence = (
                lemma(nouns[-1].group().lower()),
                builder.span(sentence.start + nouns[-1].start(), sentence.start + nouns[-1].end()),
            )
        else:
            label = "сумма" if amount.is_money else "доля" if amount.is_percent else "величина"
            evidence = builder.span(amount.start, amount.end)
    return builder.add(Draft("INDICATOR", label, [evidence], cls="kg:Indicator", confidence=0.5))


def _nominative_noun(word: str) -> bool:
    parse = parses(word.lower())[0]
    return "NOUN" in parse.tag and parse.tag.case == "nomn" and not word[:1].isupper()


def quantities(builder: Builder, text: str, amounts: list[Amount]) -> list[Quantity]:
    quantities: list[Quantity] = []
    for amount in amounts:
        evidence = builder.span(amount.start, amount.end)
        # The same figure said twice (a headline repeating the body) is one quantity with two evidence spans.
        again = next(
            (
                i
                for i, q in enumerate(quantities)
                if q.value == amount.value
                and q.unit == amount.unit
                and q.qualifier == amount.qualifier
                and amount.value >= 100
            ),
            None,
        )
        if again is not None:
            quantities[again] = replace(quantities[again], evidence=(*quantities[again].evidence, evidence))
            continue
        number = len(quantities) + 1
        measure = _indicator(builder, text, amount)
        after = builder.sentence(amount.start)
        window_end = min(after.end, amount.end + 40)
        concerns = builder.at(amount.end, window_end, {"schema:Country", "schema:City", "schema:AdministrativeArea"})
        quantities.append(
            Quantity(
                f"quantity_{number}",
                amount.value,
                measure,
                (evidence,),
                unit=amount.unit,
                unit_text=None if amount.unit else amount.unit_text,
                qualifier=amount.qualifier,
                concerns=(concerns,) if concerns else (),
                confidence=0.85 if amount.unit or amount.counted else 0.6,
            )
        )
    return quantities
