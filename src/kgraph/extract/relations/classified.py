"""The pipeline step that relates what the article mentions by NEREL's 49 relation types (``learned.relate``) and
states each relation as a fact of the ontology property that carries its type (``relation_properties``: the
ontology's kg:nerelType on properties).

The classifier reads every mention found: the rules' entities for the types the rules give (persons, organisations,
places), the taggers' mentions for every other type, and the dates and sums. A relation becomes a fact when both
ends are in the graph: two entities, or an entity and a date (a worded date, ``TimeRef``), an age in years
(kg:age, ``figures.ages``) or a name (schema:alternateName). Relations to a sum or a count are kept in
``doc.relations`` (the evaluation scores them) but are not facts yet. The fact's evidence is the words of both
ends; its confidence the classifier's times how sure the taggers are of both (``surely``).
"""

import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache

from ...model import Fact, TimeRef, Value
from ...resources import subclasses
from ...source import Span
from ..deaths import DEATH_WORDS
from ..doc import Doc, Draft, class_for, entity_classes
from ..events.components import CLOSINGS, closing, named_within, of_another_thing
from ..figures.ages import OLDEST, years_of
from ..figures.dates import within_a_name
from ..names.person_names import RELATIVES
from ..pipeline import component
from ..places.nouns import is_water
from ..text.normalise import CYRILLIC_WORD, key, lemma, noun_phrase_nominative, parses
from ..text.words import words
from ..typed.taggers import RULE_TYPES, RULES_ADD_TO
from .family import KINSHIP
from .learned import FLOOR, Mention, Relation, relate
from .titles import SEEKING, acting, ends_in_a_consonant, former, referred_places, sought

VALUE_TYPES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "NUMBER", "AGE", "ORDINAL"})
"""NEREL types whose mentions are values, not entities: a relation to one is a fact only when it is a date."""


_OF_BIRTH = re.compile(r"\s+со\s+дня\s+рождения", re.IGNORECASE)
"""What makes an anniversary one of a birth ("100-летию со дня рождения"), mostly of one who is dead: no age."""


@lru_cache(maxsize=1)
def relation_properties() -> dict[str, tuple[str, bool]]:
    """NEREL relation type -> (the property carrying it, as a CURIE; whether it is a datatype property), as the
    ontology's kg:nerelType declares them.

    >>> relation_properties()["WORKPLACE"]
    ('schema:worksFor', False)
    >>> len(relation_properties())
    49
    """
    from rdflib.namespace import OWL, RDF

    from ...namespaces import KG, shorten
    from ...resources import ontology_graph
    from ..typed.taggers import NEREL_TYPES  # the entity types: ORDINAL's mentions are kg:edition's values

    graph = ontology_graph()
    found = {}
    for term, kind in graph.subject_objects(KG.nerelType):
        if str(kind) in NEREL_TYPES:
            continue
        if (term, RDF.type, OWL.ObjectProperty) in graph or (term, RDF.type, OWL.DatatypeProperty) in graph:
            found[str(kind)] = (shorten(term), (term, RDF.type, OWL.DatatypeProperty) in graph)
    return found


def _entities(doc: Doc) -> Callable[[Mention], str | None]:
    """The entity a mention is of: the one mentioned at exactly its words, else one of its type's class (or a
    narrower one) mentioned over some of its words (the taggers' "Генеральный директор компании «Казтелеком" is
    the office the rules found as "директор компании «Казтелеком»"; "форум" is the kg:Forum found around it)."""
    exact = {(span.start, span.end): i for i, draft in enumerate(doc.drafts) for span in draft.mentions}
    finders = {}

    def entity_of(mention: Mention) -> str | None:
        found = exact.get((mention.start, mention.end))
        if found is not None and _fits(doc.drafts[found], mention.type):
            return doc.ids[found]
        if mention.type in VALUE_TYPES:
            return None
        if mention.type not in finders:
            cls = class_for(mention.type)
            mapped = set(entity_classes().values())  # a LOCATION is no City: CITY is a type of its own
            finders[mention.type] = doc.finder({c for c in subclasses(cls) if c == cls or c not in mapped})
        return finders[mention.type].at(mention.start, mention.end)

    return entity_of


_WHEN = frozenset({"DATE", "TIME"})
"""The NEREL types of the dates' mentions (``DateMention.nerel_type``): a relation to one states its day."""


def _fits(draft: Draft, nerel_type: str) -> bool:
    """Whether an entity may be what a mention of this NEREL type at its words is: one of the type, or of its class
    or a narrower one (the figures' indicator "акции" is no EVENT "Акции", a campaign, the tagger found there)."""
    if draft.nerel_type == nerel_type:
        return True
    cls = class_for(nerel_type)
    return cls is not None and draft.cls in subclasses(cls)


def mentions_of(doc: Doc) -> list[Mention]:
    """What the classifier relates: the entities' mentions of the types the rules give or add to, the taggers'
    mentions of every other type, the dates ("в ночь на вторник" a TIME, as NEREL has it), and the sums and
    percentages. The header's author ("Author: **Анна Бамбульская**") is none of them: the line says who wrote
    the article, not that she took part in what it tells (``kg:participantIn`` the forum she reports on)."""
    author = doc.article.author
    found = {
        Mention(span.start, span.end, draft.nerel_type)
        for draft in doc.drafts
        if draft.nerel_type in RULE_TYPES or draft.nerel_type in RULES_ADD_TO
        for span in draft.mentions
        if author is None or not (author.start <= span.start and span.end <= author.end)
    }
    found |= {Mention(m.start, m.end, m.type) for m in doc.typed if m.type not in RULE_TYPES}
    found |= {Mention(d.start, d.end, d.nerel_type) for d in doc.dates}
    found |= {Mention(*mention) for mention in (amount.nerel_mention for amount in doc.amounts) if mention}
    return sorted(found, key=lambda m: (m.start, m.end, m.type))


def tagged_sureness(doc: Doc) -> dict[Mention, float]:
    """How sure the taggers are of each mention they found (``TypedMention.confidence``, its least likely label),
    whether or not the rules found it too; a mention no tagger found is not among them."""
    sureness: dict[Mention, float] = {}
    for typed in doc.typed:
        mention = Mention(typed.start, typed.end, typed.type)
        sureness[mention] = max(typed.confidence, sureness.get(mention, 0.0))
    return sureness


def surely(relations: list[Relation], sureness: dict[Mention, float], floor: float = FLOOR) -> list[Relation]:
    """The relations whose confidence times how sure the taggers are of both ends (1 for a mention not in
    `sureness`) is `floor` or more, with that product as their confidence: a relation is right only if its two
    mentions are. On the last 150 NEREL train documents (the EVENT and PROFESSION taggers and the relation
    classifiers trained on the rest), relations end to end went from P 0.629 R 0.509 F1 0.563 to P 0.661 R 0.498
    F1 0.568 (the smaller of the two ends' sureness instead of their product: 0.568; floors of 0.25 and 0.35: 0.567).

    >>> event, city = Mention(0, 5, "EVENT"), Mention(8, 12, "CITY")
    >>> [r.confidence for r in surely([Relation("TAKES_PLACE_IN", event, city, 0.8)], {event: 0.5})]
    [0.4]
    >>> surely([Relation("TAKES_PLACE_IN", event, city, 0.5)], {event: 0.5})
    []
    """
    found = []
    for relation in relations:
        confidence = relation.confidence * sureness.get(relation.source, 1.0) * sureness.get(relation.target, 1.0)
        if confidence >= floor:
            found.append(replace(relation, confidence=confidence))
    return found


@component(
    "classified_relations",
    requires=("analysis", "typed", "entities", "dates", "amounts"),
    assigns=("relations", "facts"),
)
def classified_relations(doc: Doc) -> None:
    """The relations the classifier finds (``doc.relations``), and a fact for each whose ends are in the graph."""
    mentions = mentions_of(doc)
    doc.relations = surely(relate(doc.clean, mentions, sentences=doc.syntax), tagged_sureness(doc))
    professions = [(m.start, m.end) for m in mentions if m.type == "PROFESSION"]
    dates = {(found.start, found.end): found.value for found in doc.dates}
    _apart_by_date(doc, dates)
    _apart_by_who(doc, _entities(doc))
    entity_of = _entities(doc)
    groups = {(m.start, m.end) for draft in doc.drafts if draft.cls == "kg:Group" for m in draft.mentions}
    persons = {m.start: doc.ids[i] for i, d in enumerate(doc.drafts) if d.cls == "schema:Person" for m in d.mentions}
    ranges = {(found.start, found.end): found for found in doc.dates if found.bounds}
    properties = relation_properties()
    held = {(entity_of(r.source), entity_of(r.target)) for r in doc.relations if r.type == "WORKS_AS"} | {
        (f.subject, f.obj) for f in doc.facts if f.predicate == "kg:holdsPosition"
    }
    for relation in doc.relations:
        source, target = ends(doc.clean, relation)
        subject = entity_of(source)
        if subject is None or relation.type not in properties:
            continue
        predicate, literal = properties[relation.type]
        if relation.type == "ABBREVIATION":
            subject = (
                _outermost_body(doc, source) or subject
            )  # "Институте … СО РАН (ИЦиГ)": the institute's, not СО РАН's
        if relation.type == "ORIGINS_FROM" and _anothers_nationality(doc.clean, target, subject, persons):
            continue  # "бразилец Педро и Александр Соболев": the Brazilian is Педро
        if relation.type == "WORKPLACE" and doc.draft(subject).cls == "kg:Position":
            predicate = "kg:positionIn"  # "президент Татарстана": the office is Tatarstan's, nobody works for it
            if _where_held(doc.clean, source, target):
                continue  # "посол России в КНР", "президента России в КНР": Russia's office, held in China
        obj: Value | None = None
        if (
            target.type in _WHEN
            and within_a_name(doc.clean, target.start)
            and not source.start <= target.start < source.end
        ):
            continue  # "прошла на «Арене-2000»": a name's year, which NEREL marks, dates what the name names only
        if target.type in _WHEN and source.type == "EVENT" and _not_its_day(doc, source, subject):
            continue  # "Билеты на фестиваль поступят в продажу 10 октября": the tickets' day, not the festival's
        days = ranges.get((target.start, target.end)) if target.type in _WHEN else None
        if days is not None and days.bounds is not None and relation.type in _RANGED:
            # "с 19 по 21 сентября": a start at its first day ("с 19"), an end at its last, a time as both
            evidence = (doc.span(source.start, source.end), doc.span(target.start, target.end))
            for side, day, (a, b) in zip(
                ("schema:startDate", "schema:endDate"), days.bounds, days.parts(), strict=True
            ):
                if side == predicate or relation.type == "POINT_IN_TIME":
                    when = TimeRef(doc.span(a, b), day)
                    doc.state(Fact(subject, side, when, evidence, confidence=round(relation.confidence, 2)))
            continue
        if target.type in _WHEN:
            value, said = dates.get((target.start, target.end)), (target.start, target.end)
            if value is None and target.type == "TIME":  # "в воскресенье вечером": the day it holds
                inside = [(span, day) for span, day in dates.items() if target.start <= span[0] < span[1] <= target.end]
                value, said = inside[0][1] if len(inside) == 1 else None, inside[0][0] if inside else said
            obj = None if value is None else TimeRef(doc.span(*said), value)
        elif target.type == "AGE" and literal:
            years = years_of(doc.clean[target.start : target.end])
            of_birth = _OF_BIRTH.match(doc.clean, target.end) is not None
            if years is not None and (years > OLDEST or of_birth) and doc.draft(subject).cls == "schema:Person":
                continue  # "к 195-летию со дня рождения Ивана Шишкина": an anniversary, no age a person has
            if doc.draft(subject).cls == "kg:Position":
                continue  # "с 48-летним специалистом": the age of the one who holds the office, not the office's
            obj = None if years is None else Decimal(years)
        elif literal and entity_of(target) == subject:
            continue  # "Путин" after "Владимир Путин": already a mention of the same node
        elif literal and _told_by_verb(doc.clean[target.start : target.end]):
            continue  # "Инаугурация … назначена": another name is a noun, a verb is how the text tells it again
        elif literal and (target.start, target.end) in groups:
            continue  # "Главы государств" (the two presidents) is no other name of "президент Казахстана"
        elif literal and (other := entity_of(target)) is not None:
            if _another_thing(doc, subject, other):
                continue  # "Малашенко" of Игорь Малашенко is no other name of Елена Малашенко
            if _two_people(doc, subject, other) and not _ALIAS_SAID.search(_around(doc.clean, source, target)):
                continue  # "пары Стефанос Циципас — Феликс Оже-Альяссим": two players, not two names of one
            obj = doc.draft(other).label  # as a label is written: "церемонии открытия" is "церемония открытия"
        elif target.type not in VALUE_TYPES and literal:
            obj = noun_phrase_nominative(doc.clean[target.start : target.end])  # "Второй мировой войны": "… война"
        elif relation.type == "PART_OF" and (body := _regional_body(doc.clean, source, target)) is not None:
            obj = entity_of(body)  # "Главное управление МЧС России по Омской области" is part of "МЧС России"
        elif target.type not in VALUE_TYPES:
            obj = entity_of(target)
        if obj is None or obj == subject:
            continue
        if relation.type != "WORKS_AS" and (subject, obj) in held:
            continue  # "заместителя главы города Сергея Петрова": he reports to the head, not to the office he holds
        evidence = (doc.span(source.start, source.end), doc.span(target.start, target.end))
        if relation.type == "WORKS_AS" and _held_by_another(doc, obj, subject) and not _one_sentence(doc, *evidence):
            continue  # an office the article gives a holder is not given another from a sentence away
        if relation.type == "WORKS_AS" and (sought(doc.clean, target.start) or _sought_after(doc, target, source)):
            continue  # "Претендент на пост мэра Москвы Иван Петров": a post sought is none held
        if relation.type == "WORKS_AS" and acting(doc.clean, target.start, target.end) and not _acting_office(doc, obj):
            continue  # "Исполняющим обязанности мэра назначен Виталий Лысенко": an acting mayor is no mayor
        if relation.type == "WORKS_AS" and former(doc.clean, target.start):
            predicate = "kg:heldPosition"  # "Бывший министр обороны Сергей Шойгу": not the office Белоусов holds now
        if relation.type == "WORKPLACE" and source.type == "PERSON" and _in_a_former_office(doc, target):
            continue  # "Бывший мэр Омска Иван Петров": he worked for Омск, he does not now
        if relation.type == "WORKS_AS" and _whose_body(doc.clean, target, source, doc.draft(subject).label):
            continue  # "Советник министерства Ольги Васильевой": the adviser is no Васильева
        if relation.type in ("WORKS_AS", "WORKPLACE") and _across_a_quote(doc.clean, source, target):
            continue  # "«Эдуард — футболист сборной…», — сказал наставник": the coach is the one who speaks
        if relation.type == "WORKS_AS" and _object_title(doc.clean, target, source):
            continue  # "главу российского кабмина встретил вице-премьер Вьетнама": the Vietnamese met the premier
        if relation.type == "WORKS_AS" and _whose_title(doc.clean, target, source, professions):
            continue  # "продюсер певицы Дмитрий Емельянов": the producer is no singer
        if relation.type in _WHO and _a_relatives_death(doc.clean, target, source):
            continue  # "После гибели мужа Корасон Акино …": the husband died, not she
        if relation.type in _WHERE_BASED and _banned_in(doc.clean, target):
            continue  # "запрещённой в России организацией": where it is banned, not where it is
        if relation.type in _OWN_STATE and _reports_it(doc.clean, source, target):
            continue  # "Музаев сообщил, что за нарушения … были удалены 1 450 участников": he reports it, not did it
        if relation.type == "MEDICAL_CONDITION" and _outbreak(doc.clean, target):
            continue  # "провела ведомство через пандемию коронавируса": a public event, nobody's illness
        if (
            relation.type == "LOCATED_IN"
            and _listed(doc.clean, source, target)
            and _lands(doc, subject, entity_of(target))
        ):
            continue  # "стали Москва, Санкт-Петербург и Московская область": a list, not one inside the other
        if relation.type == "LOCATED_IN" and _route(doc.clean, source, target):
            continue  # "рейс из Благовещенска в Тынду": two ends of a route, neither inside the other
        if relation.type == "AGENT" and (_inquired(doc.clean, source) or _inquired(doc.clean, target)):
            continue  # "МАК начал расследование крушения": who inquires into a crash did not crash
        if predicate == "schema:containedInPlace" and doc.draft(subject).cls in _LAND and _water(doc, str(obj)):
            continue  # "на реке Урал": a river; the region beside it is not inside it (an island in a sea is)
        if relation.type == "WORKPLACE" and predicate == "schema:worksFor" and _office_elsewhere(doc, subject, obj):
            continue  # "губернатор региона Владислав Шапша и директор компании …": the governor's is his region
        named = literal and target.type not in VALUE_TYPES
        doc.state(
            Fact(
                subject,
                predicate,
                obj,
                evidence,
                obj_is_entity=not literal and target.type not in VALUE_TYPES,
                language="ru" if named else None,
                confidence=round(relation.confidence, 2),
            )
        )

    _one_seat(doc)
    referred_places(doc)  # "Руководитель ведомства", which the classifier made an office: the body named before


def ends(text: str, relation: Relation) -> tuple[Mention, Mention]:
    """A relation's subject and object: its Arg1 and Arg2, but the event named after "в рамках" is the whole of a
    SUBEVENT_OF whichever way the classifier gave it ("Подписание прошло в рамках выставки": in NEREL train the
    event after "в рамках" is the whole four times in five, the fifth across sentences).

    >>> text = "Подписание прошло в рамках выставки"
    >>> signing, exhibition = Mention(0, 10, "EVENT"), Mention(27, 35, "EVENT")
    >>> ends(text, Relation("SUBEVENT_OF", exhibition, signing, 0.5)) == (signing, exhibition)
    True

    The body a subsidiary is named as of owns it, whichever way the classifier gave it:
    >>> text = "«Вагонреммаш», который является дочерней компанией ОАО «РЖД»"
    >>> plant, rzd = Mention(1, 12, "ORGANIZATION"), Mention(56, 59, "ORGANIZATION")
    >>> ends(text, Relation("OWNER_OF", plant, rzd, 0.5)) == (rzd, plant)
    True
    """
    source, target = relation.source, relation.target
    if relation.type == "SUBEVENT_OF" and named_within(text, source.start) and not named_within(text, target.start):
        return target, source
    if (
        relation.type == "OWNER_OF"
        and source.end <= target.start
        and _SUBSIDIARY_OF.search(text, source.end, target.start)
    ):
        return target, source  # "«Вагонреммаш», который является дочерней компанией ОАО «РЖД»": РЖД owns it
    return source, target


_SUBSIDIARY_OF = re.compile(
    r"(?<![а-яё])(?<!его )(?<!её )(?<!ее )(?<!их )дочерн[а-яё]*[^\S\n]+"
    r"(?:компани|структур|предприяти|обществ|фирм|банк)[а-яё]*[^\S\n]+(?:[а-яё]+[^\S\n]+)?[«\"]?\Z",
    re.IGNORECASE,
)
"""The words before a body's name that make the body named before its subsidiary ("является дочерней компанией
ОАО «РЖД»", ", дочерняя структура «Газпрома»"; not "РЖД и его дочерняя компания «Вагонреммаш»", where the one
named first owns the other): NEREL train relates one such pair, so a rule of Russian rather than what the classifier
learned."""


def _apart_by_date(doc: Doc, dates: Mapping[tuple[int, int], object]) -> None:
    """An event the text names twice alike is one node (``Doc.add`` joins the mentions of a label), but not when
    the two are dated apart: in "Землетрясение произошло в понедельник … Последнее сильное землетрясение в этом
    районе произошло 16 марта 2022 года" the second is another earthquake, and one node would hold both days. Of an
    event's mentions, each dated by a POINT_IN_TIME relation to a day, month or year the first one dated cannot be
    (2022-03-16 and 2026-08-03; not 2009 and 2009-06-25) goes to an event of its own, with the mentions dated
    alike; undated mentions stay with the first.

    >>> from kgraph.source import parse_article
    >>> doc = Doc(parse_article("x", "Умер в 1993 году. Умер в 2014 году."))
    >>> first = doc.add(Draft("EVENT", "умер", [doc.span(0, 4)], "schema:Event"))
    >>> doc.add(Draft("EVENT", "умер", [doc.span(18, 22)], "schema:Event")) == first
    True
    >>> doc.relations = [Relation("POINT_IN_TIME", Mention(0, 4, "EVENT"), Mention(7, 11, "DATE"), 0.9),
    ...                  Relation("POINT_IN_TIME", Mention(18, 22, "EVENT"), Mention(25, 29, "DATE"), 0.9)]
    >>> _apart_by_date(doc, {(7, 11): 1993, (25, 29): 2014})
    >>> [[(m.start, m.end) for m in draft.mentions] for draft in doc.drafts]
    [[(0, 4)], [(18, 22)]]
    """
    dated: dict[tuple[int, int], object] = {}
    for relation in doc.relations:
        value = dates.get((relation.target.start, relation.target.end))
        if relation.type == "POINT_IN_TIME" and relation.source.type == "EVENT" and value is not None:
            dated.setdefault((relation.source.start, relation.source.end), value)
    for draft in list(doc.drafts):
        if draft.nerel_type != "EVENT" or len(draft.mentions) < 2:
            continue
        groups: list[tuple[tuple[int, ...], list[Span]]] = []
        for span in sorted(draft.mentions, key=lambda m: m.start):
            value = dated.get((span.start, span.end))
            if value is None:
                continue
            when = _calendar(value)
            group = next((spans for known, spans in groups if _may_be_one(known, when)), None)
            if group is None:
                groups.append((when, [span]))
            else:
                group.append(span)
        for _, spans in groups[1:]:
            draft.mentions = [m for m in draft.mentions if m not in spans]
            doc.add_apart(replace(draft, mentions=spans))


_ALSO = re.compile(r"(?<![А-Яа-яЁё])также\s+(?:[а-яё]+\s+)?(?:участвова|присутствова|принял)", re.IGNORECASE)
"""Others "also" taking part in the event ("Во встрече также участвовали …"), not another one ("также встретился")."""
_WHO = frozenset({"AGENT", "PARTICIPANT_IN"})
"""The relations that say who takes part in an event (Arg1 the one, Arg2 the event)."""
_ENCOUNTERS = frozenset({"встреча", "переговоры", "беседа", "разговор", "встретиться", "переговорить", "побеседовать"})
"""Events that who takes part in tells apart: two meetings of one article are two when they are between others; an
attack, a verdict or an election told twice with other parties is mostly one ("заказчиком покушения на Сергея
Филина … исполнителя покушения — Юрия Заруцкого", "Вместе с Кляйном суд приговорил … Сердюкова")."""
_TAKERS = frozenset({"PERSON", "ORGANIZATION"})
"""Who counts as a party when an event named again is told apart: an office a headline names ("назначил нового
премьер-министра") stands for its holder."""


def _apart_by_who(doc: Doc, entity_of: Callable[[Mention], str | None]) -> None:
    """An encounter the text names twice alike (`_ENCOUNTERS`) is one node, but not when a later mention has two or
    more who take part and one of them took part in none of the mentions before: in "Моди провел встречу с
    Меркель. … Моди проведет встречу с Макроном" the second is another meeting, and one node made Merkel a party to
    the talks with Macron. Such a mention goes to an event of its own (with the mentions after it that the same ones
    take part in). A mention
    that names no one or one person, some of the parties of a mention before, or its one party and more ("Переговоры
    Лаврова и Блинкена" after "Лавров провел переговоры"), or says others also take part ("Во встрече также
    участвовали …"), stays with that mention; so does any mention after a headline's, whoever it names.

    >>> from kgraph.source import parse_article
    >>> doc = Doc(parse_article("x", "# Т\\n\\nМоди провел встречу с Меркель. Моди проведет встречу с Макроном."))
    >>> for label, spans in (("Моди", [(5, 9), (36, 40)]), ("Меркель", [(27, 34)]), ("Макрон", [(60, 68)])):
    ...     _ = doc.add(Draft("PERSON", label, [doc.span(*span) for span in spans], "schema:Person"))
    >>> first = doc.add(Draft("EVENT", "встреча", [doc.span(17, 24)], "schema:Event"))
    >>> doc.add(Draft("EVENT", "встреча", [doc.span(50, 57)], "schema:Event")) == first
    True
    >>> pairs = (((5, 9), (17, 24)), ((27, 34), (17, 24)), ((36, 40), (50, 57)), ((60, 68), (50, 57)))
    >>> doc.relations = [Relation("AGENT", Mention(*a, "PERSON"), Mention(*e, "EVENT"), 0.9) for a, e in pairs]
    >>> _apart_by_who(doc, _entities(doc))
    >>> [[(m.start, m.end) for m in draft.mentions] for draft in doc.drafts if draft.nerel_type == "EVENT"]
    [[(17, 24)], [(50, 57)]]
    """
    who: dict[tuple[int, int], set[str]] = {}
    for relation in doc.relations:
        if relation.type in _WHO and relation.target.type == "EVENT" and relation.source.type in _TAKERS:
            one = entity_of(relation.source)
            if one is not None:
                who.setdefault((relation.target.start, relation.target.end), set()).add(one)
    headline = doc.article.headline.end
    for draft in list(doc.drafts):
        if draft.nerel_type != "EVENT" or len(draft.mentions) < 2 or lemma(draft.label.split()[0]) not in _ENCOUNTERS:
            continue
        groups: list[tuple[set[str], list[Span]]] = []
        for span in sorted(draft.mentions, key=lambda m: m.start):
            here = who.get((span.start, span.end), set())
            if len(groups) == 1 and all(m.start < headline for m in groups[0][1]):
                groups[0][0].update(here)  # the headline's event is the one the text tells, whoever it names
                groups[0][1].append(span)
                continue
            # a larger group than two or more parties before is another event ("переговоры с Блинкеном в Женеве …
            # трёхсторонние переговоры … с Ван И")
            same = next((g for g in groups if here <= g[0] or (g[0] <= here and len(g[0]) < 2)), None)
            if groups and (len(here) < 2 or same is not None or _ALSO.search(doc.sentence(span.start).text)):
                group = same or groups[0]
                group[0].update(here)
                group[1].append(span)
                continue
            groups.append((set(here), [span]))
        for _, spans in groups[1:]:
            draft.mentions = [m for m in draft.mentions if m not in spans]
            doc.add_apart(replace(draft, mentions=spans))


def _in_a_former_office(doc: Doc, place: Mention) -> bool:
    """Whether a workplace is named inside the words of an office held before ("бывший мэр Омска")."""
    return any(
        span.start <= place.start and place.end <= span.end and former(doc.clean, span.start)
        for draft in doc.drafts
        if draft.cls == "kg:Position"
        for span in draft.mentions
    )


def _acting_office(doc: Doc, office: object) -> bool:
    """Whether an office's label says it is an acting one ("врио губернатора Костромской области")."""
    try:
        label = doc.draft(office).label if isinstance(office, str) else ""
    except KeyError:  # a literal, not an entity
        return False
    return acting(label, 0, len(label))


def _sought_after(doc: Doc, title: Mention, person: Mention) -> bool:
    """Whether "на пост" opens the title and a verb of seeking stands between it and the person ("На пост
    губернатора Приморья претендует Олег Кожемяко")."""
    before = doc.clean[max(0, title.start - 12) : title.start].lower()
    if not re.search(r"на\s+(?:пост|должность)\s+$", before) or person.start <= title.end:
        return False
    return SEEKING.search(doc.clean, title.end, person.start) is not None


def _whose_body(text: str, title: Mention, person: Mention, label: str) -> bool:
    """Whether a person named right after a title in the nominative is in the genitive, so whose body the title's is,
    not its holder: "Советник министерства Ольги Васильевой", "Пресс-секретарь парламента Сергея Нарышкина"; not
    a name written as its `label` ("моряк Мендонса": natasha's normal form is the name as written).

    >>> text = "Советник министерства Ольги Васильевой уволен. Министр Ольга Васильева ушла."
    >>> _whose_body(text, Mention(0, 21, "PROFESSION"), Mention(22, 38, "PERSON"), "Ольга Васильева")
    True
    >>> _whose_body(text, Mention(47, 54, "PROFESSION"), Mention(55, 70, "PERSON"), "Ольга Васильева")
    False
    """
    if text[title.end : person.start].strip() or person.start <= title.end or text[person.start : person.end] == label:
        return False
    head = parses(text[title.start : title.end].split()[0].lower())
    words = text[person.start : person.end].split()
    readings = parses(words[0])
    if any(p.tag.case == "nomn" and p.tag.number == "sing" for p in readings):
        return False  # "Вице-президент США Камала Харрис": "камала" may be a nominative, whatever natasha made of it
    if len(words) > 1 and ends_in_a_consonant(words[-1]):
        return False  # "глава европейской дипломатии Кая Каллас": a man's surname would be "Калласа" in the genitive
    name = [p for p in readings if {"Name", "Surn"} & p.tag.grammemes and p.tag.number != "plur"]
    nominative = any(p.tag.case == "nomn" for p in head) and not any(p.tag.case == "gent" for p in head)
    return nominative and bool(name) and all(p.tag.case in ("gent", "accs") for p in name)


_WORD_BEFORE = re.compile(r"([А-ЯЁа-яё-]+)[^\S\n]+\Z")


def _whose_title(text: str, title: Mention, person: Mention, professions: list[tuple[int, int]]) -> bool:
    """Whether a title in the genitive right after a kinship noun or another title says whose the person named after
    them is, not what the person is: "продюсер певицы Дмитрий Емельянов", "вдова актёра Мария Смирнова", "мать
    пограничника Светлана Ващенко" (in NEREL train, of 42 persons in the nominative after such a title, 3 hold it;
    a person in the genitive, "брат финансиста Джорджа Сороса", is the title's holder and stays).

    >>> text = "Продюсер певицы Дмитрий Емельянов сообщил о туре."
    >>> _whose_title(text, Mention(9, 15, "PROFESSION"), Mention(16, 33, "PERSON"), [(0, 8), (9, 15)])
    True
    >>> text = "Брат финансиста Джорджа Сороса скончался."
    >>> _whose_title(text, Mention(5, 15, "PROFESSION"), Mention(16, 30, "PERSON"), [(5, 15)])
    False
    """
    if person.start < title.end or person.start - title.end > 40:
        return False
    before = _WORD_BEFORE.search(text, max(0, title.start - 40), title.start)
    if before is None:
        return False
    titled = any(s <= before.start(1) and before.end(1) <= e and not s <= title.start < e for s, e in professions)
    if not titled and lemma(before.group(1).lower()) not in KINSHIP:
        return False
    first = parses(text[title.start : title.end].split()[0].lower())
    if any(p.tag.case == "nomn" and p.tag.number == "sing" for p in first) or not any(
        p.tag.case == "gent" for p in first
    ):
        return False
    named = [word.split(".")[-1].lower() for word in text[person.start : person.end].split()]
    readings = [parses(word) for word in named if word]
    if not readings or not all(any(p.tag.case == "nomn" for p in word) for word in (readings[0], readings[-1])):
        return False
    # in the nominative: its first or its last word has no genitive reading ("Мария Смирнова", "Дмитрий Емельянов";
    # not "Анатолия Хрулева")
    ends = (readings[0], readings[-1])
    return any(not any(p.tag.case == "gent" and p.tag.number == "sing" for p in word) for word in ends)


def _not_its_day(doc: Doc, event: Mention, subject: str) -> bool:
    """Whether a day said with an event mention is no day the event `subject` is at: the mention is what another
    noun is of ("Билеты на фестиваль поступят в продажу 10 октября"), or follows or opens with a noun of its end
    that the event's name does not ("Закрытие фестиваля состоится 18 февраля": the festival's last day, which the
    rules state as its end date)."""
    text = doc.clean
    if closing(text, event.start) or of_another_thing(text, event.start):
        return True
    first = text[event.start : event.end].split()[:1]
    own = doc.draft(subject).label.split()[:1]
    return (
        bool(first)
        and lemma(first[0].lower()) in CLOSINGS
        and [lemma(w.lower()) for w in own] != [lemma(first[0].lower())]
    )


def _outermost_body(doc: Doc, inner: Mention) -> str | None:
    """The organisation whose name ends where `inner` ends and starts before it, the longest such: a bracketed
    abbreviation after nested names is the whole's ("Институте цитологии и генетики СО РАН (ИЦиГ)": the institute,
    not СО РАН)."""
    bodies = subclasses("schema:Organization")
    longest = max(
        (
            (inner.start - m.start, doc.ids[i])
            for i, draft in enumerate(doc.drafts)
            if draft.cls in bodies
            for m in draft.mentions
            if m.end == inner.end and m.start < inner.start
        ),
        default=None,
    )
    return longest[1] if longest else None


_REGIONAL_OFFICE = re.compile(
    r"(?:(?:главн|территориальн|региональн|межрегиональн)[а-яё]*\s+)?(?:управлени[а-яё]*|ГУ|У)\s+", re.IGNORECASE
)
_FOR_TERRITORY = re.compile(r"\s+по\s+")


def _regional_body(text: str, office: Mention, inner: Mention) -> Mention | None:
    """The federal body a regional office is part of, when the office's name is "управление" and the words of
    `inner` ("Главное управление МЧС России по Омской области" around "МЧС России по Омской области", the same
    office named short, no parent of it): the inner words before "по" ("МЧС России")."""
    if inner.end != office.end or not _REGIONAL_OFFICE.fullmatch(text, office.start, inner.start):
        return None
    territory = _FOR_TERRITORY.search(text, inner.start, inner.end)
    return Mention(inner.start, territory.start(), inner.type) if territory else None


_OWN_STATE = frozenset({"CONVICTED_OF", "PENALIZED_AS", "MEDICAL_CONDITION", "CAUSE_OF_DEATH"})
"""Relations of what a person did or suffered: not of whoever reports it."""
_REPORTS = re.compile(r"(?P<before>(?:[а-яё]+\s+){0,3}[а-яё]+),?\s+что\s+(?P<next>[а-яё]+)")
"""Words before "что", among them maybe a verb of saying ("также сообщил", "сообщил журналистам"), and the word after
it: what follows are the words said."""
_OF_ONESELF = frozenset({"он", "она", "я", "мы"})
"""Words after "что" that keep the speaker the subject of what is said ("заявила, что она не знала о запрете")."""


_AND_AFTER = re.compile(r"\s+и\s")
""""и" after a list's second item: the list goes on."""


def _listed(text: str, first: Mention, second: Mention) -> bool:
    """Whether two mentions are items of one list ("Москва, Санкт-Петербург и Московская область", "в Москве и
    Казани"): no place of the two is in the other; "в Кемерово, Россия" names where the town is.

    >>> text = "Лидеры — Москва, Санкт-Петербург и Казань. Завод в Кемерово, Россия."
    >>> _listed(text, Mention(9, 15, "CITY"), Mention(17, 32, "CITY"))
    True
    >>> _listed(text, Mention(51, 59, "CITY"), Mention(61, 67, "COUNTRY"))
    False
    >>> _listed("родился в Ухте, РСФСР, СССР", Mention(10, 14, "CITY"), Mention(16, 21, "STATE_OR_PROVINCE"))
    False
    """
    earlier, later = sorted((first, second))
    between = text[earlier.end : later.start]
    return re.fullmatch(r"\s+и\s+", between) is not None or (
        re.fullmatch(r",\s*", between) is not None and _AND_AFTER.match(text, later.end) is not None
    )


def _lands(doc: Doc, one: str, other: str | None) -> bool:
    """Whether both entities are towns, regions or countries."""
    return other is not None and {doc.draft(one).cls, doc.draft(other).cls} <= _LAND


def _reports_it(text: str, person: Mention, other: Mention) -> bool:
    """Whether the person speaks of `other` in words said: "Музаев сообщил, что за нарушения … удалены", or
    "…удалены за нарушения, сообщил Музаев".

    >>> text = "Музаев сообщил, что за нарушения удалены участники. Суд признал Петрова виновным в краже."
    >>> _reports_it(text, Mention(0, 6, "PERSON"), Mention(23, 32, "CRIME"))
    True
    >>> ill = "Падован сообщил, что заразился коронавирусом."
    >>> _reports_it(ill, Mention(0, 7, "PERSON"), Mention(31, 44, "DISEASE"))
    False
    >>> _reports_it(text, Mention(64, 71, "PERSON"), Mention(83, 88, "CRIME"))
    False
    >>> again = "Выступил Анзор Музаев. Он также сообщил, что за нарушения удалены участники."
    >>> _reports_it(again, Mention(9, 21, "PERSON"), Mention(49, 58, "CRIME"))
    True
    >>> others = "Умер Виталий Костомаров. В институте рассказали, что причина смерти — сердечный приступ."
    >>> _reports_it(others, Mention(5, 22, "PERSON"), Mention(70, 87, "DISEASE"))
    False
    """
    from ..speech.quotes import SPEECH_VERBS

    if person.end <= other.start:
        # from the person on, or from the start of the other's sentence ("Он также сообщил, что за нарушения …")
        ends = [m.end() for m in re.finditer(r"[.!?]\s+", text[person.end : other.start])]
        low = person.end + (ends[-1] if ends else 0)
        said = _REPORTS.search(text, low, other.start)
        if said is None or "." in text[low : said.start()]:
            return False
        if ends and not re.match(r"\s*(?:Он|Она)\s", text[low : said.end()]):
            return False  # "В институте рассказали, что причина смерти — сердечный приступ": his, told by others
        if not any(lemma(word) in SPEECH_VERBS for word in said.group("before").split()):
            return False
        # "сообщил, что заразился", "заявила, что она не знала о запрете": of the speaker, who says it of himself
        return said.group("next") not in _OF_ONESELF and parses(said.group("next"))[0].tag.POS != "VERB"
    between = text[other.end : person.start]
    return "." not in between and any(lemma(verb) in SPEECH_VERBS for verb in re.findall(r",\s+([а-яё]+)\s", between))


def _object_title(text: str, title: Mention, person: Mention) -> bool:
    """Whether a title before a finite verb, its first word read first as an accusative and never as a nominative,
    names whom the verb's subject, the person named after the verb, acts on: "В аэропорту главу
    российского кабмина встретил вице-премьер Вьетнама Чан Лыу Куанг" (in NEREL train, 1 of 16 such pairs is
    WORKS_AS).

    >>> text = "главу кабмина встретил вице-премьер Чан Лыу Куанг"
    >>> _object_title(text, Mention(0, 13, "PROFESSION"), Mention(36, 49, "PERSON"))
    True
    """
    if title.end > person.start:
        return False
    first = parses(text[title.start : title.end].split()[0].lower())
    if any(p.tag.case == "nomn" for p in first) or first[0].tag.case != "accs":
        return False  # "Заместителем губернатора стал …", "Пост министра занял …": the person's office all the same
    between = re.findall(r"[а-яё]+", text[title.end : person.start].lower())
    return any("VERB" in parses(word)[0].tag for word in between)


def _across_a_quote(text: str, one: Mention, other: Mention) -> bool:
    """Whether one of two mentions is inside a quote's guillemets and the other outside: the two and the words
    between them open or close more quotes than they close or open ("«Эдуард — футболист сборной», — сказал
    наставник"; not "директор «Роскосмоса» Дмитрий Баканов").

    >>> text = "«Эдуард — футболист сборной», — сказал наставник."
    >>> _across_a_quote(text, Mention(1, 7, "PERSON"), Mention(39, 48, "PROFESSION"))
    True
    >>> text = "директор компании «Казтелеком» Айдар Жумабаев"
    >>> _across_a_quote(text, Mention(19, 29, "ORGANIZATION"), Mention(31, 45, "PERSON"))
    False
    >>> _across_a_quote("тренер «Зенита» Сергей Семак", Mention(0, 14, "PROFESSION"), Mention(16, 28, "PERSON"))
    False
    """
    first, second = sorted((one, other), key=lambda m: m.start)
    # the two mentions and what lies between, with the guillemets of a name in them ("«Казтелеком» Айдар Жумабаев",
    # "главный тренер «Зенита» Сергей Семак")
    quoted = [text[m.start - 1 : m.start] == "«" and text[m.end : m.end + 1] == "»" for m in (first, second)]
    words = text[first.start - quoted[0] : second.end + quoted[1]]
    return words.count("«") != words.count("»")


_WHERE_BASED = frozenset({"HEADQUARTERED_IN", "LOCATED_IN"})

_BANNED_BEFORE = re.compile(
    r"(?<![А-ЯЁа-яё])(?:запрещ|признан)[а-яё]*\s+(?:[а-яё]+\s+){0,2}(?:в|во|на\s+территории)\s+\Z", re.IGNORECASE
)


def _banned_in(text: str, place: Mention) -> bool:
    """Whether a place is where something is banned or declared so ("запрещённой в России террористической
    организацией", "признанной в РФ экстремистской"), a line Russian outlets must add to such names.

    >>> text = "связаны с запрещенной в России организацией"
    >>> _banned_in(text, Mention(24, 30, "COUNTRY")), _banned_in("офис в России", Mention(7, 13, "COUNTRY"))
    (True, False)
    """
    return _BANNED_BEFORE.search(text, max(0, place.start - 60), place.start) is not None


_OUTBREAK = re.compile(
    r"(?<![А-ЯЁа-яё])(?:пандеми|эпидеми|распространени|вспышк|заболеваемост|борьб[аеуы]\s+с|против)[а-яё]*\s+\Z",
    re.IGNORECASE,
)
_OUTBREAK_WORDS = re.compile(r"(?:пандеми|эпидеми|вспышк)[а-яё]*\s", re.IGNORECASE)


def _outbreak(text: str, disease: Mention) -> bool:
    """Whether a disease is named as a public event, not anyone's illness: after "пандемия", "эпидемия",
    "распространение", "вспышка", "борьба с", "против", or in a mention that opens with such a word (in NEREL train
    none of the 9 diseases so named is anyone's MEDICAL_CONDITION).

    >>> text = "провела ведомство через пандемию коронавируса"
    >>> _outbreak(text, Mention(33, 45, "DISEASE")), _outbreak("заболел коронавирусом", Mention(8, 21, "DISEASE"))
    (True, False)
    """
    if _OUTBREAK_WORDS.match(text, disease.start):
        return True
    return _OUTBREAK.search(text, max(0, disease.start - 40), disease.start) is not None


_FROM_BEFORE = re.compile(r"(?<![А-ЯЁа-яё])(?:из|от)\s+\Z", re.IGNORECASE)
_TO_BETWEEN = re.compile(r"\s*(?:[—–-]\s*|\s(?:в|во|до|на)\s+)")


def _route(text: str, one: Mention, other: Mention) -> bool:
    """Whether two places are the ends of a route: "из Благовещенска в Тынду", "от Москвы до Казани", "из
    Москвы — в Сочи" (in NEREL train, none of 13 such pairs is LOCATED_IN).

    >>> text = "Лайнер выполнял рейс из Благовещенска в Тынду."
    >>> _route(text, Mention(40, 45, "CITY"), Mention(24, 37, "CITY"))
    True
    """
    first, second = sorted((one, other), key=lambda m: m.start)
    if _FROM_BEFORE.search(text, max(0, first.start - 5), first.start) is None:
        return False
    return _TO_BETWEEN.fullmatch(text, first.end, second.start) is not None


_INQUIRY = frozenset({"расследование", "причина", "обстоятельство", "последствие", "ликвидация", "расследовать"})


def _inquired(text: str, event: Mention) -> bool:
    """Whether an event is named as what is inquired into ("расследование крушения", "причины пожара",
    "ликвидация последствий аварии"): who inquires is no agent of it (in NEREL train, 1 of the 35 events so named
    has an agent, a person in the genitive after it).

    >>> text = "МАК начал расследование крушения Ан-24."
    >>> _inquired(text, Mention(24, 32, "EVENT")), _inquired(text, Mention(0, 3, "ORGANIZATION"))
    (True, False)
    """
    if event.type != "EVENT":
        return False
    words = re.findall(r"[а-яё]+", text[max(0, event.start - 40) : event.start].lower())[-2:]
    if words and "ADJF" in parses(words[-1])[0].tag:  # "причины крупного пожара"
        words = words[:-1]
    return bool(words) and lemma(words[-1]) in _INQUIRY


_KIN_AFTER = re.compile(r"[^\S\n]+([а-яё]+)")


def _a_relatives_death(text: str, event: Mention, person: Mention) -> bool:
    """Whether an event is the death of a relative named by a kinship noun right after it ("гибели мужа", "смерти
    отца") and `person` is no name of that relative right after the noun, in the genitive and of the noun's gender
    ("После гибели сына Андрея": Андрей died; not "После смерти отца Ивана Урганта": whose father).

    >>> text = "После гибели мужа Корасон Акино стала президентом. После гибели сына Андрея она уехала."
    >>> akino, andrei = Mention(18, 31, "PERSON"), Mention(text.index("Андрея"), text.index("Андрея") + 6, "PERSON")
    >>> _a_relatives_death(text, Mention(6, 12, "EVENT"), akino)
    True
    >>> _a_relatives_death(text, Mention(text.index("гибели сына"), text.index(" сына"), "EVENT"), andrei)
    False
    """
    if lemma(text[event.start : event.end].split()[0].lower()) not in DEATH_WORDS:
        return False
    after = _KIN_AFTER.match(text, event.end)
    if after is None:
        return False
    reading = parses(after.group(1))[0]
    kin = str(reading.normal_form).replace("ё", "е")
    gender = next((g for g, nouns in RELATIVES.items() if kin in nouns), None)
    if reading.tag.case != "gent" or gender is None:
        return False
    if text[after.end() : person.start].strip() or len(text[person.start : person.end].split()) > 1:
        return True  # "После смерти отца Ивана Урганта": whose father
    first = text[person.start : person.end]  # one name right after the noun: the relative's if it agrees
    return not any(p.tag.case == "gent" and p.tag.gender == gender and "Name" in p.tag for p in parses(first))


def _calendar(value: object) -> tuple[int, ...]:
    """A date's year, month and day, as far as it gives them: 2009 (a year), YearMonth(2009, 6), date(2009, 6, 25)."""
    if isinstance(value, int):
        return (value,)
    return tuple(getattr(value, part) for part in ("year", "month", "day") if hasattr(value, part))


def _may_be_one(one: tuple[int, ...], other: tuple[int, ...]) -> bool:
    """Whether two dates may be the same day: one gives what the other gives and more, or the same."""
    shorter = min(len(one), len(other))
    return one[:shorter] == other[:shorter]


def _one_seat(doc: Doc) -> None:
    """An organisation has its seat in one city: of its kg:headquarteredIn facts to cities, the likeliest is kept
    ("обыграл московский «Спартак» … в Санкт-Петербурге" put Spartak in both; NEREL train gives an organisation's
    mention two seat cities 6 times in 352)."""

    def seat_city(fact: Fact) -> bool:
        return fact.predicate == "kg:headquarteredIn" and fact.obj_is_entity and doc.draft(str(fact.obj)).cls == _CITY

    seats: dict[str, Fact] = {}
    for fact in filter(seat_city, doc.facts):
        if fact.subject not in seats or (fact.confidence or 1.0) > (seats[fact.subject].confidence or 1.0):
            seats[fact.subject] = fact
    doc.facts = [f for f in doc.facts if not seat_city(f) or seats[f.subject] is f]


_CITY = "schema:City"


def _water(doc: Doc, place: str) -> bool:
    """Whether an entity is a body of water: its name holds a water noun ("Чёрное море") or one stands right
    before a mention of it ("реки Урал")."""
    draft = doc.draft(place)
    named = [lemma(word.lower()) for word in CYRILLIC_WORD.findall(draft.label)]
    before = (words(doc.clean).before(m.start, CYRILLIC_WORD) for m in draft.mentions)
    return any(map(is_water, named)) or any(is_water(lemma(b.text.lower())) for b in before if b)


_LAND = frozenset({"schema:City", "schema:AdministrativeArea", "schema:Country"})
"""Places that lie in no body of water."""


def _where_held(text: str, office: Mention, place: Mention) -> bool:
    """Whether a place inside an office's words follows "в" or "во": where the office is held ("посол России в
    КНР"), not whose it is."""
    inside = office.start <= place.start and place.end <= office.end
    return inside and re.search(r"(?<![^\W\d_])во?\s+\Z", text[office.start : place.start]) is not None


_RANGED = frozenset({"START_TIME", "END_TIME", "POINT_IN_TIME"})
"""The relations to a date whose range of days gives a start and an end date (a point in time, both)."""


def _another_thing(doc: Doc, one: str, other: str) -> bool:
    """Whether two entities the classifier gives as one thing's two names are surely two things: linked to two
    Wikidata items (Россия, США); two persons of one surname and two first names (Елена and Игорь Малашенко, Варвара
    and Юрий Визбор: relatives); or two events whose labels share no word (the wedding "женился" and the
    "церемония"; "миномётный обстрел" and "обстрел" are one)."""
    first, second = doc.draft(one), doc.draft(other)
    if first.wikidata and second.wikidata and first.wikidata != second.wikidata:
        return True
    if first.cls == second.cls == "schema:Person":
        a, b = key(first.label).split(), key(second.label).split()
        given = len(a) > 1 and len(b) > 1 and a[-1] == b[-1]  # "Дж.Коми" is Джеймс Коми: an initial is no other name
        return given and not (a[0].startswith(b[0]) or b[0].startswith(a[0]))
    if first.nerel_type == second.nerel_type == "EVENT":
        return not set(key(first.label).split()) & set(key(second.label).split())
    return _inside(first, second) or _inside(second, first)


def _two_people(doc: Doc, one: str, other: str) -> bool:
    """Whether two persons are named in full by other first names and other surnames ("Стефанос Циципас", "Феликс
    Оже-Альяссим"): two people, unless the text says one is the other's name (`_ALIAS_SAID`)."""
    first, second = doc.draft(one), doc.draft(other)
    if not first.cls == second.cls == "schema:Person":
        return False
    a, b = key(first.label).split(), key(second.label).split()
    if len(a) < 2 or len(b) < 2:
        return False
    return not (a[0].startswith(b[0]) or b[0].startswith(a[0])) and not (
        a[-1].startswith(b[-1]) or b[-1].startswith(a[-1])
    )


_ALIAS_SAID = re.compile(
    r"урожд|известн[а-яё]*\s+(?:[а-яё]+\s+)?как|настоящ[а-яё]+\s+(?:имя|фамили)|им(?:я|ени)\s+при\s+рождении"
    r"|прозвищ|псевдоним|\(|также\s+(?:известн|называ)|(?:по|под)\s+имен",
    re.IGNORECASE,
)
"""Words that say a name is another of one person's: "урождённая", "известен как", "настоящее имя", "псевдоним", a
bracket (in NEREL train's output, the classifier's other names of a person named in full by other first names and
surnames were right in about 9 of 19, each with such words; the rest were a manager, a wife, a granddaughter…)."""


def _around(text: str, one: Mention, other: Mention) -> str:
    """The words between two mentions, and the 20 characters before the first ("Настоящее имя Стефани
    Джерманотта — Леди Гага").

    >>> text = "Настоящее имя Стефани Джерманотта — Леди Гага."
    >>> bool(_ALIAS_SAID.search(_around(text, Mention(14, 33, "PERSON"), Mention(36, 45, "PERSON"))))
    True
    """
    start, end = min(one.start, other.start), max(one.start, other.start)
    return text[max(0, start - 20) : end]


_SPACES = re.compile(r"\s+")


def _anothers_nationality(text: str, target: Mention, subject: str, persons: dict[int, str]) -> bool:
    """Whether `target` is one person's nationality noun ("бразилец", "испанка": a singular noun) written right
    before the name of a person other than `subject`.

    >>> text = "бразилец Педро и Александр Соболев"
    >>> _anothers_nationality(text, Mention(0, 8, "NATIONALITY"), "sobolev", {9: "pedro", 17: "sobolev"})
    True
    >>> _anothers_nationality(text, Mention(0, 8, "NATIONALITY"), "pedro", {9: "pedro", 17: "sobolev"})
    False
    """
    if target.type != "NATIONALITY":
        return False
    after = _SPACES.match(text, target.end)
    named = persons.get(after.end()) if after else None
    if named is None or named == subject:
        return False
    reading = parses(text[target.start : target.end].lower())[0].tag
    return bool(reading.POS == "NOUN" and reading.number == "sing")


def _inside(draft: Draft, other: Draft) -> bool:
    """Whether a mention of `draft` lies within a longer mention of `other`: "Женской теннисной ассоциации" within
    "пресс-служба Женской теннисной ассоциации" is the body whose service the other is, no other name of it."""
    return any(
        o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start
        for m in draft.mentions
        for o in other.mentions
    )


def _told_by_verb(words: str) -> bool:
    """Whether a phrase starts with a verb, an infinitive or a participle ("назначена", "скончался", "ушёл из
    жизни"): an event told again, no name of it."""
    first = CYRILLIC_WORD.search(words)
    return first is not None and parses(first.group().lower())[0].tag.POS in {"VERB", "INFN", "PRTS", "PRTF", "GRND"}


def _one_sentence(doc: Doc, one: Span, other: Span) -> bool:
    """Whether two spans share a sentence."""
    return bool(set(doc.article.sentences_covering(one)) & set(doc.article.sentences_covering(other)))


def _office_elsewhere(doc: Doc, person: str, workplace: Value) -> bool:
    """Whether the titles give `person` an office of some place or body, and none of `workplace`: the classifier's
    workplace beside it is another person's ("губернатор региона Владислав Шапша и технический директор компании
    Михаил Парахин" is not Шапша's company)."""
    offices = {str(f.obj) for f in doc.facts if f.predicate == "kg:holdsPosition" and f.subject == person}
    of = {f.obj for f in doc.facts if f.predicate == "kg:positionIn" and f.subject in offices}
    return bool(of) and workplace not in of


def _held_by_another(doc: Doc, office: Value, person: str) -> bool:
    """Whether a fact already states that someone other than `person` holds `office` (the titles, or a relation
    within a sentence: "Президент Казахстана Касым-Жомарт Токаев … - сказал президент Казахстана" is not Жумабаев's
    office because the cross-sentence classifier pairs him with its second mention)."""
    return any(f.predicate == "kg:holdsPosition" and f.obj == office and f.subject != person for f in doc.facts)
