"""Which names are found: the components that add persons, organisations and places to the document.

natasha's spans first (repaired), then what the NER misses: names NEREL train knows (the gazetteer), nouns owned
by a place ("власти Украины"), the CRF tagger's organisation names, a surname repeated alone or made an adjective,
a name's original in Latin letters, the header's author and publisher, quoted and adjective-named organisations,
and the places inside organisations' names.
"""

import re
from collections.abc import Callable

from ...model import ArticleMeta, Fact
from ...source import Span
from ..doc import Doc, Draft, class_for
from ..links.linking import LOCATION_TYPES, gazetteer
from ..pipeline import component
from ..places.nouns import facility_named, with_head_nominative
from ..places.types import PLACES_AFTER_NAMES, after_facility_noun, genitive_place_after
from ..places.types import places_in_names as places_in_names_of
from ..spans import SpanIndex
from ..text.normalise import key, lemma, name_forms, noun_phrase_nominative, parses, with_case_ending
from . import entities
from .entities import entities_from_spans, federal_agency
from .known_names import adjective_place, first_name_alone, gazetteer_mentions, is_adjective
from .mentions import (
    FORMER_HOLDER,
    LEGAL_FORMS,
    after_people,
    bodies_of_a_kind,
    first_verb,
    qualifies_a_noun,
    repair_spans,
)
from .org_tagger import tag_organisations, token_features
from .originals import bracketed_names as bracketed_in
from .originals import original_names as originals_in
from .owners import owned_organisations as owned_in
from .partial_names import partial_names as partial_names_in
from .partial_names import surname_as_written
from .person_adjectives import surname_adjectives as surname_adjectives_in
from .person_names import genitive_name_nominative, patronymic
from .person_names import repeated_surnames as repeated_surnames_in


@component("ner_names", requires=("analysis",), assigns=("entities",))
def ner_names(doc: Doc) -> None:
    """natasha's named spans, repaired (trimmed, extended by a head, a first name, initials) and grouped; not a
    place that is one adjective NEREL train never marked, qualifying the noun after it ("Лесные пожары" opening a
    headline is no town Лесной; "Российские власти" is Russia)."""
    assert doc.analysis is not None
    spans = [
        span
        for span in repair_spans(doc.clean, doc.analysis.spans)
        if span.type != "LOC" or not qualifies_a_noun(doc.clean, span.start, span.end) or gazetteer().entry(span.text)
    ]
    for draft in entities_from_spans(doc.clean, spans):
        draft.mentions = [doc.span(m.start, m.end) for m in draft.mentions]
        doc.add(draft)


@component("repeated_surnames", requires=("entities",), assigns=("entities",), drops=("entities",))
def repeated_surnames(doc: Doc) -> None:
    """A person's surname alone, further on, is one more mention of that person, and no organisation's: natasha
    read "Под руководством Гру челябинцы …" as an organisation "Гру" after "Бенуа Гру" was named."""
    persons = [d for d in doc.drafts if d.nerel_type == "PERSON"]
    found = set()
    for index, start, end in repeated_surnames_in(
        doc.clean, [(d.label, [(m.start, m.end) for m in d.mentions]) for d in persons]
    ):
        persons[index].mentions.append(doc.span(start, end))
        found.add((start, end))
    for draft in doc.drafts:
        if draft.nerel_type == "ORGANIZATION" and any((m.start, m.end) in found for m in draft.mentions):
            draft.mentions = [m for m in draft.mentions if (m.start, m.end) not in found]
    doc.drop_unmentioned()


@component("surname_adjectives", requires=("entities",), assigns=("entities",))
def surname_adjectives(doc: Doc) -> None:
    """ "сталинских лагерях": an adjective made from a named person's surname mentions that person."""
    persons = [d for d in doc.drafts if d.nerel_type == "PERSON"]
    claimed = SpanIndex((m.start, m.end) for d in doc.drafts for m in d.mentions)
    for index, start, end in surname_adjectives_in(doc.clean, [d.label for d in persons]):
        if not claimed.overlaps(start, end):
            persons[index].mentions.append(doc.span(start, end))


@component("quoted_organisations", requires=("entities",), assigns=("entities",))
def quoted_organisations(doc: Doc) -> None:
    """ "компания «Газпром»", "Каспийский трубопроводный консорциум": names in quotes or made of adjectives."""
    taken = [(m.start, m.end) for d in doc.drafts for m in d.mentions]
    found = entities.quoted_organisations(doc.clean, taken) + entities.adjective_named_organisations(doc.clean, taken)
    for draft in found:
        draft.mentions = [doc.span(m.start, m.end) for m in draft.mentions]
        doc.add(draft)


@component("gazetteer_names", requires=("entities",), assigns=("entities",), drops=("entities",))
def gazetteer_names(doc: Doc) -> None:
    """What the NER missed but NEREL train knows: joined to the entity with the same Wikidata item or name,
    or a new entity when capitalised (a lower-case place adjective alone is no entity of its own). A place NEREL
    train almost always marks as one is no organisation at the same words: natasha read the headline's "переговоры
    в Женеве" as an organisation, and the city was a second node of the same word."""
    text = doc.clean
    taken = [(m.start, m.end, d.nerel_type) for d in doc.drafts for m in d.mentions]
    organisations = {(m.start, m.end): d for d in doc.drafts if d.nerel_type == "ORGANIZATION" for m in d.mentions}
    drafts = _FirstDrafts(doc)
    for span, kind, qid, name in gazetteer_mentions(text, taken):
        if kind in LOCATION_TYPES and (held := organisations.get((span.start, span.end))) is not None:
            held.mentions = [m for m in held.mentions if (m.start, m.end) != (span.start, span.end)]
        span = doc.span(span.start, span.end)
        if kind == "PERSON" and first_name_alone(span.text) and (named := _named_on(text, span.start, span.end)):
            span, name = doc.span(*named[0]), named[1]  # "орденом Александра Невского": Александр Невский
        same = drafts.get(drafts.linked(qid)) if qid else None
        entry = gazetteer().entry(span.text)
        likely = max(entry.links.items(), key=lambda item: item[1])[0] if entry and entry.links else None
        if same is None and qid is None and likely:
            # not sure enough to link on its own ("британской"), but the article names the item it most often is
            same = drafts.get(drafts.typed_linked(kind, likely))
        if same is None and kind == "PERSON":
            # the person the NER found written so ("Радия Хабирова"), else one with this one word of a name
            written = next((d for d in doc.drafts if d.nerel_type == "PERSON" and _written(d, span.text)), None)
            if written is not None and written.wikidata is None and qid and " " in span.text.strip():
                written.wikidata = qid  # train links the full name as written here, not as natasha normalised it
            same = written or drafts.get(drafts.person_with(key(span.text)))
        if same is not None:
            same.mentions.append(span)
        elif name:
            doc.add(Draft(kind, name, [span], cls=class_for(kind), wikidata=qid, confidence=0.6))
        elif span.text[:1].isupper():
            label = span.text if kind in {"PERSON", "ORGANIZATION"} else noun_phrase_nominative(span.text)
            if kind == "PERSON" and entry is not None and entry.name and is_adjective(span.text):
                label = entry.name  # "Нобелевскую премию": the person the adjective is made from, Альфред Нобель
            doc.add(Draft(kind, label, [span], cls=class_for(kind), wikidata=qid, confidence=0.6))
        elif kind == "ORGANIZATION":
            label = noun_phrase_nominative(span.text)
            doc.add(Draft(kind, label, [span], cls=class_for(kind), wikidata=qid, confidence=0.5))
    doc.drop_unmentioned()


def _named_on(text: str, start: int, end: int) -> tuple[tuple[int, int], str] | None:
    """A first name alone (``known_names.first_name_alone``) and the capitalised word right after it, when the two
    read as a person's name in the genitive: where they are and the name in the nominative ("Александра Невского":
    Александр Невский).

    >>> _named_on("орденом Александра Невского.", 8, 18)
    ((8, 27), 'Александр Невский')
    """
    after = re.match(r" ([А-ЯЁ][а-яё]+)(?![\w-])", text[end : end + 40])
    if after is None:
        return None
    whole = text[start : end + after.end()]
    normal = genitive_name_nominative(whole)
    return ((start, end + after.end()), normal) if normal else None


def _written(draft: Draft, words: str) -> bool:
    """Whether a mention of `draft` is these words."""
    return any(mention.text == words for mention in draft.mentions)


class _FirstDrafts:
    """The first draft (in the order they were added) with a link, a type and a link, a type and a name, or a
    person's with a word of its name; for a rule that looks many up while it adds only drafts and mentions (each
    look-up scanned every draft)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._linked: dict[str | None, int] = {}
        self._typed_linked: dict[tuple[str, str | None], int] = {}
        self._typed_named: dict[tuple[str, str], int] = {}
        self._person_words: dict[str, int] = {}
        self._indexed = 0

    def linked(self, qid: str) -> int | None:
        return self._index_new()._linked.get(qid)

    def typed_linked(self, kind: str, qid: str) -> int | None:
        return self._index_new()._typed_linked.get((kind, qid))

    def typed_named(self, kind: str, name_key: str) -> int | None:
        return self._index_new()._typed_named.get((kind, name_key))

    def person_with(self, word: str) -> int | None:
        return self._index_new()._person_words.get(word)

    def get(self, index: int | None) -> Draft | None:
        """The draft at `index`, if any."""
        return None if index is None else self.doc.drafts[index]

    def _index_new(self) -> "_FirstDrafts":
        drafts = self.doc.drafts
        for index in range(self._indexed, len(drafts)):
            draft = drafts[index]
            if draft.wikidata:
                self._linked.setdefault(draft.wikidata, index)
                self._typed_linked.setdefault((draft.nerel_type, draft.wikidata), index)
            self._typed_named.setdefault((draft.nerel_type, key(draft.label)), index)
            if draft.nerel_type == "PERSON":
                for word in key(draft.label).split():
                    self._person_words.setdefault(word, index)
        self._indexed = len(drafts)
        return self


@component("places_in_names", requires=("entities",), assigns=("entities",))
def places_in_names(doc: Doc) -> None:
    """ "Университет Барселоны": the place inside an organisation's name, joined to the place of the same item or
    name when the article has it."""
    text = doc.clean
    taken = {(m.start, m.end) for d in doc.drafts for m in d.mentions}
    names = [(m.start, m.end) for d in doc.drafts if d.nerel_type == "ORGANIZATION" for m in d.mentions]
    drafts = _FirstDrafts(doc)
    for span, kind, qid in places_in_names_of(text, names):
        if (span.start, span.end) in taken:
            continue
        taken.add((span.start, span.end))
        mention = doc.span(span.start, span.end)
        label = noun_phrase_nominative(span.text)
        found = [drafts.typed_linked(kind, qid) if qid else None, drafts.typed_named(kind, key(label))]
        same = drafts.get(min((index for index in found if index is not None), default=None))
        if same is not None:
            same.mentions.append(mention)
        else:
            doc.add(Draft(kind, label, [mention], cls=class_for(kind), wikidata=qid, confidence=0.6))


@component("original_names", requires=("entities",), assigns=("entities",), drops=("entities",))
def original_names(doc: Doc) -> None:
    """ "Веллингтоне (Wellington)": the name in Latin letters in brackets is one more mention of the same entity,
    also when the NER took it for another place or organisation of its own. A person's ("Арлена Спектера
    (Arlen Specter)") is left to the NER to find; where it did, the two persons are one, with every mention of
    either, and the name in Latin letters is the person's English label. A place named again in brackets by another
    name of its kind ("Республики Саха (Якутия)") is one place."""
    text = doc.clean
    owner = {(m.start, m.end): d for d in doc.drafts if d.nerel_type in _NAMED_TYPES for m in d.mentions}
    holders = {(m.start, m.end): d for d in doc.drafts for m in d.mentions}
    for mention, start, end in originals_in(text, owner):
        holder = holders.get((start, end))
        person = owner[mention].nerel_type == "PERSON"
        if holder is owner[mention] or (holder is not None and holder.nerel_type not in _NAMED_TYPES):
            continue
        if person != (holder is not None and holder.nerel_type == "PERSON"):
            continue  # a person's original is a person the NER found, and a person is no other thing's original
        if person and holder is not None and holder.wikidata:
            continue  # an original linked on its own is left alone
        if text[start:end].isupper() and owner[mention].nerel_type != "ORGANIZATION":
            continue  # "транссексуалов Аргентины (FALGBT)": an abbreviation after a place is an organisation's
        written = text[start:end]
        whole = holder is not None and (person or all(m.text == written for m in holder.mentions))
        moved = list(holder.mentions) if whole and holder is not None else [doc.span(start, end)]
        if person and owner[mention].label_en is None:
            owner[mention].label_en = text[start:end]  # English writes a person's name as the person's language does
        if holder is not None:
            holder.mentions = [m for m in holder.mentions if m not in moved and (m.start, m.end) != (start, end)]
        for span in moved:
            holders[(span.start, span.end)] = owner[mention]
        owner[mention].mentions.extend(moved)
    # "Республики Саха (Якутия)": a place named again in brackets by another name of its kind is the same place
    places = {(m.start, m.end): d for d in doc.drafts if d.nerel_type in LOCATION_TYPES for m in d.mentions}
    for (start, end), other in bracketed_in(text, places):
        place, named = places[(start, end)], places[other]
        if place is not named and place.cls == named.cls and not (place.wikidata and named.wikidata):
            place.mentions.extend(named.mentions)
            place.wikidata = place.wikidata or named.wikidata
            named.mentions = []
            places.update({(m.start, m.end): place for m in place.mentions})
    doc.drop_unmentioned()


@component("partial_names", requires=("entities",), assigns=("entities",), drops=("entities",))
def partial_names(doc: Doc) -> None:
    """ "Обамы" beside "Барак Обама", "Эдуард Васильевич" beside "Эдуард Назаров": a person named in part is the
    only person of the article whose full name has that part (``partial_names``); and a person whose label is
    another's of the same Wikidata item with a case ending added ("Ким Чен Ына", "Ким Чен Ын") is that one."""
    persons = [d for d in doc.drafts if d.nerel_type == "PERSON"]
    for part, whole in partial_names_in([d.label for d in persons]):
        known = gazetteer().entry(persons[part].label)
        items = {persons[part].wikidata} - {None} | (set(known.links) if known else set())
        if items and persons[whole].wikidata not in items and persons[whole].wikidata is not None:
            continue  # the part names another item
        if _another_patronymic(persons[part].label, persons[whole].wikidata):
            continue  # "Владимир Кириллович" beside "Владимир Путин", whom NEREL names Владимир Владимирович
        written = (surname_as_written(persons[whole].label, m.text) for m in persons[part].mentions)
        if label := next((name for name in written if name), None):
            # "Микко Лехтоненом" (natasha's) beside "Лехтонен": Микко Лехтонен
            doc.relabel(doc.ids[doc.drafts.index(persons[whole])], label=label)
        if (
            persons[whole].wikidata is None
            and known is not None
            and _full_name_of(persons[whole].label, known.name or known.label)
        ):
            # "С.Дарькин" (train: Q840613, Сергей Михайлович Дарькин) beside "Сергей Дарькин", whom train never names
            persons[whole].wikidata = persons[part].wikidata
        persons[whole].mentions.extend(persons[part].mentions)
        persons[part].mentions = []
    _surnames_read_as_places(doc, persons)
    for draft in persons:  # "Ким Чен Ына" (natasha's normal form of a genitive) beside "Ким Чен Ын", both Q56226
        same = (p for p in persons if p.wikidata == draft.wikidata and with_case_ending(draft.label, p.label))
        name = next(same, None)
        if draft.wikidata and draft.mentions and name is not None:
            name.mentions.extend(draft.mentions)
            draft.mentions = []
    doc.drop_unmentioned()


_IN_A_PLACE = re.compile(r"(?<![А-Яа-яЁё])(?:[Вв]о?|[Ии]з|[Пп]од|город[а-яё]*|г\.)\s+\Z")


def _surnames_read_as_places(doc: Doc, persons: list[Draft]) -> None:
    """A place of one word no table knows as a place (neither NEREL train's gazetteer nor GeoNames: "Кропоткин" stays
    a town), named after no "в", "из", "под" or "город", that is the surname in any case of exactly one person the
    article names in full, is a mention of that person: natasha read "между Махамой и Акуфо-Аддо" as two places,
    beside "Джон Махама" and "Нана Акуфо-Аддо"."""
    from ...identity.keys import geonames_key  # identity reads the extraction tables: imported once both are loaded

    surnames: dict[str, set[int]] = {}
    for index, person in enumerate(persons):
        words = person.label.split()
        if len(words) > 1:
            for form in name_forms(words[-1]):
                surnames.setdefault(form, set()).add(index)
    for draft in doc.drafts:
        if draft.nerel_type not in LOCATION_TYPES or draft.wikidata or " " in draft.label or not draft.mentions:
            continue
        entry = gazetteer().entry(draft.label)
        if (entry is not None and entry.named) or geonames_key(draft.cls, draft.label):
            continue  # a place NEREL train or GeoNames knows ("Гана", "Кропоткин"), whatever person bears its name
        if any(_IN_A_PLACE.search(doc.clean, max(0, m.start - 12), m.start) for m in draft.mentions):
            continue  # "в Фрунзе": a place, named after whom it may be
        owners = set().union(*(surnames.get(form, set()) for m in draft.mentions for form in name_forms(m.text)))
        if len(owners) == 1:
            persons[owners.pop()].mentions.extend(draft.mentions)
            draft.mentions = []


def _full_name_of(label: str, name: str) -> bool:
    """Whether a person's label is the name `name` NEREL train gives an item, but for a patronymic left out: the same
    surname in any case, and the same first name or its initial ("Михальчука И. Ф." of Илья Михальчук).

    >>> _full_name_of("Сергей Дарькин", "Сергей Михайлович Дарькин"), _full_name_of("Семён Иванов", "Сергей Иванов")
    (True, False)
    >>> _full_name_of("Илья Михальчук", "Михальчука И. Ф."), _full_name_of("Илья Михальчук", "Михальчука А. Ф.")
    (True, False)
    """
    words, named = label.split(), name.split()
    if len(words) < 2 or len(named) < 2:
        return False
    surnames = [word for word in named if len(word) > 2 and name_forms(word) & name_forms(words[-1])]
    initials = [word[0] for word in named if re.fullmatch(r"[А-ЯЁA-Z]\.", word)]
    first = [word for word in named if word not in surnames and name_forms(word, "Name") & name_forms(words[0], "Name")]
    return bool(surnames) and bool(first or initials[:1] == [words[0][0]])


@component("placed_organisations", requires=("entities",), assigns=("entities",), drops=("entities",))
def placed_organisations(doc: Doc) -> None:
    """An organisation named without its place is the one the article names with it: "Верховный суд" beside
    "Верховный суд Испании", "Минобороны" beside "Минобороны РФ", "Палата представителей" beside "Палата
    представителей США", when the words after the shorter name are a place alone and no other organisation of the
    article has the shorter name before a place ("Верховный суд России" too: no join). The shorter name inside the
    longer one stays a mention of its own entity, as NEREL nests it. A quoted name after a place's adjective is the
    body the article names by the quoted name alone ("Омский «Авангард»" beside "«Авангард»")."""
    named = [d for d in doc.drafts if d.nerel_type == "ORGANIZATION" and d.label[:1].isupper()]
    for short in named:
        longer = [
            whole
            for whole in named
            if whole is not short
            and whole.label.startswith(short.label + " ")
            and _names_a_place(whole.label[len(short.label) + 1 :])
        ]
        if len(longer) == 1 and short.mentions:
            # the words of the longer name itself ("[Верховный суд] Испании") stay the shorter one's: NEREL nests
            # there the kind of body (a supreme court, Q190752), which it links apart
            inside = [
                m for m in short.mentions if any(w.start <= m.start and m.end <= w.end for w in longer[0].mentions)
            ]
            longer[0].mentions.extend(m for m in short.mentions if m not in inside)
            short.mentions = inside
    # "Омский «Авангард»" beside "Авангард": a place's adjective before a quoted name says where the body is
    by_label = {draft.label: draft for draft in named}
    places = [key(d.label) for d in doc.drafts if d.nerel_type in LOCATION_TYPES]
    for whole in named:
        placed = _PLACE_AND_NAME.fullmatch(whole.label)
        named_alone = by_label.get(placed.group(2)) if placed else None
        if placed and named_alone is not None and named_alone is not whole and _of_a_place(placed.group(1), places):
            named_alone.mentions.extend(whole.mentions)
            whole.mentions = []
    doc.drop_unmentioned()


def _of_a_place(adjective: str, places: list[str]) -> bool:
    """Whether an adjective is made from a place: one NEREL train or the lists know ("Омский" is not in NEREL
    train), or one the article names ("Омск": its name, but a last vowel, starts the adjective)."""
    word = adjective.lower().replace("ё", "е")
    if not is_adjective(adjective):
        return False
    return adjective_place(adjective) is not None or any(
        len(stem := place.rstrip("аяоеыи")) >= 3 and " " not in place and word.startswith(stem) for place in places
    )


_PLACE_AND_NAME = re.compile(r"([А-ЯЁа-яё]+)\s+«([^«»]+)»")
"""An adjective and a quoted name: "Омский «Авангард»"."""


@component("abbreviations", requires=("entities",), assigns=("entities", "facts"), drops=("entities",))
def abbreviations(doc: Doc) -> None:
    """An organisation, a place or a facility named by its initials is the one of its class the article names in
    full: "НГУ" beside "Новосибирский государственный университет", "МКС" beside "Международная космическая
    станция" is one node, with kg:abbreviation "НГУ", when no other entity of the class has those initials
    (``identity.keys.initials``); so is one named by the first letters of its words (``compound_of``: "Минздрав"
    beside "Министерство здравоохранения")."""
    from ...identity.keys import initials  # identity reads the extraction tables: imported once both are loaded

    named_things = [d for d in doc.drafts if d.nerel_type != "PERSON"]
    by_initials: dict[tuple[str, str], list[Draft]] = {}
    for draft in named_things:
        if " " in draft.label or "-" in draft.label:
            by_initials.setdefault((draft.cls, initials(draft.label)), []).append(draft)
    joined: list[tuple[Draft, str, Span]] = []
    for short in named_things:
        if " " in short.label or not short.mentions:
            continue
        if _ABBREVIATION.fullmatch(short.label):
            named = by_initials.get((short.cls, short.label), [])
        else:  # "Минздрав" beside "Министерство здравоохранения" (and longer names it opens)
            named = [
                d for d in named_things if d.cls == short.cls and " " in d.label and compound_of(short.label, d.label)
            ]
            named.sort(key=lambda d: len(d.label))
            if named and all(d.label.startswith(named[0].label) for d in named):
                # the longest when the others are only the words it opens with ("Министерство здравоохранения" in
                # "… России"), else the shortest ("Совфед" is "Совет Федерации", not "… по экономической политике")
                inside = all(_within(m, named[-1].mentions) for d in named[:-1] for m in d.mentions)
                named = named[-1:] if inside else named[:1]
        if len(named) != 1 or not named[0].mentions:
            continue
        whole = _outer(named[0], named_things)
        whole.mentions = sorted([*whole.mentions, *short.mentions], key=lambda m: (m.start, m.end))
        whole.wikidata = whole.wikidata or short.wikidata
        joined.append((whole, short.label, short.mentions[0]))
        short.mentions = []
    _items_named_apart(doc, initials)
    if not joined:
        return
    doc.drop_unmentioned()
    ids = {id(draft): doc.ids[index] for index, draft in enumerate(doc.drafts)}
    for whole, abbreviation, mention in joined:
        evidence = (min(whole.mentions, key=lambda m: m.start), mention)
        doc.state(Fact(ids[id(whole)], "kg:abbreviation", abbreviation, evidence, language="ru", confidence=0.8))


@component("short_names", requires=("entities",), assigns=("entities",), drops=("entities",))
def short_names(doc: Doc) -> None:
    """A place or an organisation whose name NEREL train links too seldom to one item to link it alone is the
    article's entity of its class linked to that item, when that is the item the name most often names:
    "Петербург" (Q656 9 times in 11) beside "Санкт-Петербург" (Q656), "Европейского" beside "Европа"."""
    from ...identity.keys import initials  # identity reads the extraction tables: imported once both are loaded

    linked: dict[tuple[str, str], Draft] = {}
    for draft in doc.drafts:
        if draft.wikidata and draft.nerel_type != "PERSON":
            linked.setdefault((draft.cls, draft.wikidata), draft)
    joined = False
    for draft in doc.drafts:
        if draft.wikidata or draft.nerel_type == "PERSON" or not draft.mentions:
            continue
        entry = gazetteer().entry(draft.label) or gazetteer().entry(draft.mentions[0].text)
        if entry is None or not entry.links:
            continue
        qid, count = max(entry.links.items(), key=lambda item: item[1])
        target = linked.get((draft.cls, qid))
        if target is not None and initials(target.label) == draft.label:
            continue  # "МИД" beside "Министерство иностранных дел": joined, and said to be its abbreviation, next
        if target is not None and target is not draft and count * 2 > sum(entry.links.values()):
            target.mentions = sorted([*target.mentions, *draft.mentions], key=lambda m: (m.start, m.end))
            draft.mentions = []
            joined = True
    if joined:
        doc.drop_unmentioned()


def _outer(draft: Draft, drafts: list[Draft]) -> Draft:
    """The body a name stands for when the article writes it only inside a longer name of its class that opens with
    it: "Министерство иностранных дел" only in "Министерство иностранных дел России" (NEREL's nested kind of body),
    so "МИД" beside them is the Russian ministry, not the kind.

    >>> kind = Draft("ORGANIZATION", "Министерство иностранных дел", [Span(0, 28, "Министерство иностранных дел")])
    >>> russian = Draft("ORGANIZATION", "Министерство иностранных дел России", [Span(0, 35, "")])
    >>> _outer(kind, [kind, russian]).label
    'Министерство иностранных дел России'
    """
    outer = [
        other
        for other in drafts
        if other is not draft
        and other.cls == draft.cls
        and other.label.startswith(draft.label + " ")
        and all(_within(m, other.mentions) for m in draft.mentions)
    ]
    return outer[0] if len(outer) == 1 else draft


def _within(mention: Span, others: list[Span]) -> bool:
    """Whether a mention lies within one of `others`."""
    return any(o.start <= mention.start and mention.end <= o.end for o in others)


def _items_named_apart(doc: Doc, initials: Callable[[str], str]) -> None:
    """Two organisations of an article linked to one Wikidata item, whose names share no word and neither abbreviates
    the other, are two bodies: the one NEREL train links less surely to that item, with less than half of its links
    (`_SURE`), loses the link. Train links "Сибирь" (the hockey club) to the KHL three times in one text, and an
    article naming both made them one node."""
    by_item: dict[str, list[Draft]] = {}
    for draft in doc.drafts:
        if draft.nerel_type == "ORGANIZATION" and draft.wikidata and draft.mentions:
            by_item.setdefault(draft.wikidata, []).append(draft)
    for item, drafts in by_item.items():
        sure = [_how_surely(draft.label, item) for draft in drafts]
        surest = [draft for draft, value in zip(drafts, sure, strict=True) if value == max(sure)]
        for draft, value in zip(drafts, sure, strict=True):
            if value < min(max(sure), _SURE) and all(
                _named_apart(draft.label, other.label, initials) for other in surest
            ):
                draft.wikidata = None


_SURE = 0.5
"""A share of train's links to an item a name keeps it by, whatever other name has it more surely ("Коммерсанта" 0.92
beside "«Коммерсантъ»"; "Сибирь" has 0.43)."""


def _how_surely(label: str, item: str) -> float:
    """The share of NEREL train's links of a name that go to `item` (0 for a name train never links)."""
    entry = gazetteer().entry(label)
    links = entry.links if entry is not None else {}
    return links.get(item, 0) / sum(links.values()) if links else 0.0


def _named_apart(one: str, other: str, initials: Callable[[str], str]) -> bool:
    """Whether two names of organisations share no word's lemma and neither abbreviates the other.

    >>> from kgraph.identity.keys import initials
    >>> _named_apart("Сибирь", "Континентальная хоккейная лига", initials)
    True
    >>> khl = "Континентальная хоккейная лига"
    >>> _named_apart("Госдума", "Государственная дума", initials), _named_apart("КХЛ", khl, initials)
    (False, False)
    """
    words = [{lemma(w.lower()) for w in re.findall(r"[^\W\d_]{3,}", name)} for name in (one, other)]
    if words[0] & words[1]:
        return False
    shorter, longer = sorted((one, other), key=len)
    return initials(longer) != shorter and not compound_of(shorter, longer)


def compound_of(short: str, full: str) -> bool:
    """Whether a one-word name is made of the first letters of the words of `full`, in order, three or more of each
    (the last word may be whole), two words or more, an "и" between them skipped: "Минздрав" of "Министерство
    здравоохранения", "Минпромторг" of "Министерство промышленности и торговли", "Минобороны", "Мосгорсуд".

    >>> compound_of("Минздрав", "Министерство здравоохранения России")
    True
    >>> compound_of("Мосгорсуд", "Московский городской суд"), compound_of("Минфин", "Министерство обороны")
    (True, False)
    >>> compound_of("Минпромторг", "Министерство промышленности и торговли")
    True
    """
    letters = short.lower().replace("ё", "е")
    words = [w for w in re.findall(r"[а-яё]+", full.lower().replace("ё", "е")) if w != "и"]

    def made(at: int, word: int, parts: int) -> bool:
        if at == len(letters):
            return parts >= 2
        if word == len(words):
            return False
        whole = words[word]
        return any(
            letters.startswith(whole[:size], at) and made(at + size, word + 1, parts + 1)
            for size in range(min(len(whole), len(letters) - at), 2, -1)
        )

    return bool(re.fullmatch(r"[А-ЯЁ][а-яё]{4,}", short)) and made(0, 0, 0)


_ABBREVIATION = re.compile(r"[А-ЯЁA-Z]{2,6}")
"""A name in capitals, two to six letters: an abbreviation ("НГУ", "МКС")."""


def _names_a_place(words: str) -> bool:
    """Whether words are one place's name: a country or a city GeoNames names in Russian ("Испании", "Уфы"), or a
    name NEREL train marks as a place most of the time ("США", "РФ")."""
    from ...identity.keys import geonames  # identity reads the extraction tables: imported once both are loaded

    if not words[:1].isupper():
        return False
    normal = key(words)
    if any((normal, kind) in geonames() for kind in ("COUNTRY", "CITY")):
        return True
    entry = gazetteer().entry(words)
    kind, count = entry.main_type if entry else ("", 0)
    return kind in LOCATION_TYPES and count >= 2 and count >= 0.75 * entry.named if entry else False


def _another_patronymic(part: str, item: str | None) -> bool:
    """Whether a first name and patronymic (`part`) has another patronymic than the names NEREL train gives the
    item of the full name it would join."""
    words = part.split()
    if item is None or len(words) != 2 or not patronymic(words[1]):
        return False
    known = {key(name.split()[1]) for name in gazetteer().names_of(item) if len(name.split()) == 3}
    known = {word for word in known if patronymic(word)}
    return bool(known) and key(words[1]) not in known


_NAMED_TYPES = {"PERSON", "ORGANIZATION", *LOCATION_TYPES}

_NO_NAME = 0.05
"""A rule's organisation is dropped where the tagger gives every word of it less than this chance of being in
a name (chosen on held-out NEREL train documents: 0.02 to 0.3 all gain, 0.05 most)."""


_LOWER_ADJECTIVE = re.compile(r"([а-яё]+)\s+(?=[A-ZА-ЯЁ«])")
"""A lower-case word, then a capitalised one or a quote."""


def _after_a_lower_adjective(text: str, start: int, end: int) -> int:
    """Where a name begins once a lower-case adjective before its capitalised words is left out: "оппозиционная
    Партия социалистов" is the party (NEREL train: 19 of 5,771 organisations begin so, 8 of them "газов…"); else
    `start`.

    >>> text = "выступила оппозиционная Партия социалистов"
    >>> text[_after_a_lower_adjective(text, 10, len(text)) :]
    'Партия социалистов'
    """
    return _lower_adjective_before_a_name(text, start, end) or start


def _describes_the_next_name(text: str, start: int, end: int) -> bool:
    """Whether a name is one lower-case adjective right before a capitalised word, which it describes: the tagger
    can read "оппозиционная" and "Партия социалистов" as two names.

    >>> text = "участвовала оппозиционная Партия социалистов"
    >>> _describes_the_next_name(text, 12, 25), _describes_the_next_name(text, 26, 44)
    (True, False)
    """
    after = _lower_adjective_before_a_name(text, start, len(text))
    return after is not None and text[end:after].isspace()


def _lower_adjective_before_a_name(text: str, start: int, end: int) -> int | None:
    """Where the capitalised word (or quote) after a lower-case adjective at `start` begins, before `end`; None when
    the word at `start` is no such adjective."""
    found = _LOWER_ADJECTIVE.match(text, start, end)
    if found is None or parses(found.group(1))[0].tag.POS not in {"ADJF", "PRTF"}:
        return None
    return found.end()


_NEXT_LOWER = re.compile(r"[^\S\n]+([а-яё]+)\b")
"""The lower-case word after a name, on its line."""


def _with_the_genitive_after(text: str, start: int, end: int) -> int:
    """Where a name of common nouns ends once a lower-case noun likely in the genitive (and likely nothing else)
    right after it is let in: "комиссия области", "пресс-служба банка". NEREL train: such a noun follows an
    organisation that ends in a lower-case word, outside it, 28 times; 532 organisations end in one right after a
    lower-case word. Else `end`.

    >>> text = "сообщила председатель избирательной комиссии области Татьяна Малахова"
    >>> text[22:_with_the_genitive_after(text, 22, 44)], text[22:_with_the_genitive_after(text, 22, 52)]
    ('избирательной комиссии области', 'избирательной комиссии области')
    """
    words = text[start:end].split()
    after = _NEXT_LOWER.match(text, end)
    if not words or not words[-1][:1].islower() or text[end - 1] == "»" or after is None:
        return end  # a quoted name ends at its quote: "«Газпром нефть» компании" is no longer name
    return after.end() if _likely_genitive(after.group(1)) else end


def _likely_genitive(word: str) -> bool:
    """Whether a word is likely a noun in the genitive and likely nothing else (`_LIKELY`)."""
    likely = [reading for reading in parses(word) if reading.score >= _LIKELY]  # not "прокуратура начала"
    return all(r.tag.POS == "NOUN" for r in likely) and any(r.tag.case == "gent" for r in likely)


_AND_NEXT = re.compile(r"[^\S\n]+и[^\S\n]+([а-яё]+)\b")
""""и" and the lower-case word after it, on the name's line."""


def _with_the_pair_after(text: str, start: int, end: int) -> int:
    """Where a name that ends in a lower-case genitive noun ends once "и" and a second such noun, of a thing, are
    let in: "Министерства промышленности и торговли" (NEREL train: 28 organisations hold such a pair, 7 end before
    one, 4 of them before people: "полиции и демонстрантов", "правительства и губернатора"); else `end`.

    >>> text = "глава Министерства промышленности и торговли Денис Мантуров"
    >>> text[6:_with_the_pair_after(text, 6, 33)]
    'Министерства промышленности и торговли'
    """
    words = text[start:end].split()
    pair = _AND_NEXT.match(text, end)
    if not words or pair is None or not (words[-1].islower() and _likely_genitive(words[-1])):
        return end
    second = pair.group(1)
    return pair.end() if _likely_genitive(second) and "anim" not in parses(second)[0].tag.grammemes else end


_LIKELY = 0.1
"""pymorphy3's score from which a reading of a word counts: "области" may be a genitive (0.38), "начала" a verb
(0.24), "премьер" not a genitive (0.06)."""


_QUOTED_REST = re.compile(r"[^«»\n]{1,60}?(?=»)")
"""What follows a name up to the quote that closes it, on its line: "Арена" in "«Газпром Арена»"."""


def _to_the_closing_quote(text: str, start: int, end: int) -> int:
    """Where a name that opens right after a quote ends: at the closing quote, whatever words before it the
    tagger left out, up to `_QUOTED_WORDS` with no verb ("на стадионе «Газпром Арена»" is no "Газпром"; a quoted
    sentence, «БРИКС не является …», is no name); else at `end`.

    >>> text = "на стадионе «Газпром Арена» в субботу. «БРИКС не является объединением», — заявил он."
    >>> text[13:_to_the_closing_quote(text, 13, 20)], text[40:_to_the_closing_quote(text, 40, 45)]
    ('Газпром Арена', 'БРИКС')
    """
    if start == 0 or text[start - 1] != "«" or "»" in text[start:end]:
        return end
    rest = _QUOTED_REST.match(text, end)
    if rest is None or len(rest.group().split()) > _QUOTED_WORDS or first_verb(rest.group()) is not None:
        return end
    return rest.end()


_QUOTED_WORDS = 3
"""Words at most that a quoted name's end may add ("«Газпром нефть»", "«Газпром Арена»")."""


@component("tagger_features", requires=("analysis",), assigns=("features", "sequences"))
def tagger_features(doc: Doc) -> None:
    """Every token's features for the CRF taggers (its words, morphology and natasha's tag, and its neighbours'),
    computed once for the organisation tagger and the type taggers; and the LSTMs' probabilities beside EVENT's and
    organisations' CRFs (``typed.sequence.second_opinions``), their LSTMs stepped together."""
    from ..typed.sequence import rows, second_opinions  # numpy late: its BLAS reads the thread limit when imported

    assert doc.analysis is not None
    doc.features = token_features(doc.clean, doc.analysis)
    doc.sequences = second_opinions(doc.features, rows(doc.analysis))


@component(
    "tagged_organisations",
    requires=("analysis", "features", "sequences", "entities"),
    assigns=("entities",),
    drops=("entities",),
)
def tagged_organisations(doc: Doc) -> None:
    """The CRF tagger's organisation names no rule found ("Министерства обороны Соединенного Королевства",
    "Фольксваген"); and a rule's organisation is dropped where the tagger sees no name at all. An organisation's
    name headed by a building's noun is a facility's (``facility_named``), and so is a name right after one ("в
    аэропорту «Шереметьево»", ``after_facility_noun``); at the words of a facility found before, it is that
    facility."""
    text = doc.clean
    assert doc.analysis is not None
    tags = tag_organisations(text, doc.analysis, doc.features, doc.sequences["ORGANIZATION"]["outer"])
    for draft in doc.drafts:
        if draft.nerel_type == "ORGANIZATION":
            draft.mentions = [
                m
                for m in draft.mentions
                if (tags.likelihood(m.start, m.end) >= _NO_NAME or federal_agency(m.text))
                and not qualifies_a_noun(text, m.start, m.end)
            ]
    doc.drop_unmentioned()
    known = {(m.start, m.end) for d in doc.drafts if d.nerel_type == "ORGANIZATION" for m in d.mentions}
    built = SpanIndex((m.start, m.end) for d in doc.drafts if d.nerel_type == "FACILITY" for m in d.mentions)
    for start, end, score in tags.names:
        if text[start:end][:1].islower() and built.covers(start, end):
            continue  # "кремля" in "Новгородского кремля": the facility's head noun, no body
        if text[start:end].count("«") > text[start:end].count("»") and text[end : end + 1] == "»":
            end += 1  # "партии «Единая Россия»": the name's closing quote
        end = _to_the_closing_quote(text, start, end)  # "«Газпром Арена»", not "Газпром" inside it
        end = _with_the_genitive_after(text, start, end)  # "избирательная комиссия области", not "… комиссия"
        end = _with_the_pair_after(text, start, end)  # "Министерства промышленности и торговли"
        start = after_people(text, start, end)  # "Учёные МГУ" opening a headline: МГУ
        start = _after_a_lower_adjective(text, start, end)  # "оппозиционная Партия социалистов": the party
        if (verb := first_verb(text[start:end])) is not None:  # "# Сборная России … обыграла Белоруссию"
            end = start + len(text[start : start + verb].rstrip())
        if end <= start or qualifies_a_noun(text, start, end):  # "Официальный представитель МИД" opening a sentence
            continue
        if bodies_of_a_kind(text[start:end]) or FORMER_HOLDER.fullmatch(text, start, end):
            continue  # "главы министерств и ведомств": no one body; "Экс-замминистра приговорили": a person
        if text[start:end] in LEGAL_FORMS:
            continue  # "Банк ВТБ (ПАО)": a legal form alone is no body
        if _describes_the_next_name(text, start, end):
            continue  # "оппозиционная" of "оппозиционная Партия социалистов", which the tagger split
        if (start, end) not in known and "," not in re.sub(r"«[^»]*»", "", text[start:end]):
            # a comma outside quotes ends a name (NEREL train: 11 names of 4,668 have one)
            span = doc.span(start, end)
            link = gazetteer().link(span.text, "ORGANIZATION")
            confidence = max(round(0.4 + 0.4 * score, 2), link.confidence if link else 0.0)
            label, kind = noun_phrase_nominative(span.text), class_for("ORGANIZATION")
            doc.add(Draft("ORGANIZATION", label, [span], kind, link.qid if link else None, confidence))
    facilities = {(m.start, m.end) for d in doc.drafts if d.nerel_type == "FACILITY" for m in d.mentions}
    for index, draft in enumerate(doc.drafts):  # "G-Drive Арена", "Карнеги-холл": a building, not a body
        if draft.nerel_type == "ORGANIZATION" and (
            facility_named(draft.label) or any(after_facility_noun(text, m.start) for m in draft.mentions)
        ):
            draft.nerel_type = "FACILITY"
            doc.relabel(doc.ids[index], label=with_head_nominative(draft.label), cls=class_for("FACILITY"))
            # "Саяно-Шушенской ГЭС" that natasha found as a place already: one facility, not two
            draft.mentions = [m for m in draft.mentions if (m.start, m.end) not in facilities]
    doc.drop_unmentioned()


@component("bodies_before_topics", requires=("entities",), assigns=("entities",), drops=("entities",))
def bodies_before_topics(doc: Doc) -> None:
    """A body's name inside a longer one that ends with a topic ends before "по": "Госдумы по финансовому рынку"
    inside "комитета Госдумы по финансовому рынку" is "Госдума", the topic the committee's (NEREL train: of the
    organisations inside such a name, 32 end before "по"), also where the NER ends it before the longer name's end
    ("Госдумы по бюджету" of "комитета Госдумы по бюджету и налогам"), and so does a name of capitals ("Верховный
    представитель ЕС по иностранным делам": ЕС). A place after "по" ("МВД России по Москве") names a branch of its
    own, which stays."""
    text = doc.clean
    organisations = [(draft, m) for draft in doc.drafts if draft.nerel_type == "ORGANIZATION" for m in draft.mentions]
    places = [m for d in doc.drafts if d.nerel_type in LOCATION_TYPES for m in d.mentions]
    for draft, mention in organisations:
        at = text.find(" по ", mention.start, mention.end)
        inside = any(m.start < mention.start and m.end >= mention.end for _, m in organisations)
        if at <= mention.start or not (inside or _ABBREVIATION.fullmatch(text, mention.start, at)):
            continue
        if any(at < place.start < mention.end for place in places):
            continue
        draft.mentions.remove(mention)
        span = doc.span(mention.start, at)
        link = gazetteer().link(span.text, "ORGANIZATION")
        label, cls = noun_phrase_nominative(span.text), class_for("ORGANIZATION")
        doc.add(Draft("ORGANIZATION", label, [span], cls, link.qid if link else None, draft.confidence))
    doc.drop_unmentioned()


_ABBREVIATION = re.compile(r"[A-ZА-ЯЁ]{2,}")
"""A name of capitals alone ("ЕС"), which a topic after "по" is no part of ("представитель ЕС по иностранным
делам")."""


@component("organisations_of_places", requires=("entities",), assigns=("entities",))
def organisations_of_places(doc: Doc) -> None:
    """An organisation's name followed by a place in the genitive names that place's organisation too, an entity
    whose mention holds both ("Следственного комитета Армении", "полиции Сан-Диего"), as NEREL nests them: of the
    357 organisations NEREL train names right before a country, a city or a region, 343 are inside one that holds
    the place. The shorter name stays a mention of its own (``placed_organisations``)."""
    places = {m.start: m.end for d in doc.drafts if d.nerel_type in PLACES_AFTER_NAMES for m in d.mentions}
    organisations = [m for d in doc.drafts if d.nerel_type == "ORGANIZATION" for m in d.mentions]
    held = {(m.start, m.end) for m in organisations}
    for mention in organisations:
        end = genitive_place_after(doc.clean, places, mention.end)
        if end is None or (mention.start, end) in held:
            continue
        span = doc.span(mention.start, end)
        link = gazetteer().link(span.text, "ORGANIZATION")
        label = noun_phrase_nominative(span.text)
        cls = class_for("ORGANIZATION")
        doc.add(Draft("ORGANIZATION", label, [span], cls, link.qid if link else None, 0.6))
        held.add((mention.start, end))


@component("numbered_organisations", requires=("entities",), assigns=("entities",), drops=("entities",))
def numbered_organisations(doc: Doc) -> None:
    """An organisation numbered by an ordinal in digits is named with it: "1-й армии США", "2-й гвардейской армии"
    (NEREL train has 8 such names, all with their number); where another entity holds the numbered name, the
    unnumbered mention is dropped."""
    held = {(m.start, m.end) for d in doc.drafts for m in d.mentions}
    for index, draft in enumerate(doc.drafts):
        if draft.nerel_type != "ORGANIZATION":
            continue
        numbered = [(m, _ORDINAL_BEFORE.search(doc.clean, max(0, m.start - 12), m.start)) for m in draft.mentions]
        if not any(found for _, found in numbered):
            continue
        draft.mentions = [
            doc.span(found.start(), m.end) if found else m
            for m, found in numbered
            if not found or (found.start(), m.end) not in held
        ]
        if draft.mentions and all(found for _, found in numbered):
            doc.relabel(doc.ids[index], label=noun_phrase_nominative(draft.mentions[0].text))
    doc.drop_unmentioned()


_ORDINAL_BEFORE = re.compile(r"(?<![\w-])\d{1,3}-(?:й|го|я|ая|ой|ий|ый|му|ому|м|е|х|ю)\s+\Z")
"""An ordinal in digits right before a name ("2-й гвардейской армии")."""


@component("heads_of_names", requires=("entities",), assigns=("entities",), drops=("entities",))
def heads_of_names(doc: Doc) -> None:
    """The head of a longer organisation's name is no organisation of its own when the rest is another
    organisation's name ("Главное управление" of "Главное управление МВД России", "Совет директоров" of "Совет
    директоров Банка России": NEREL train marks 42 of 344 such heads, "Совет Безопасности" of "Совет Безопасности
    ООН" among them) or a topic after "по" ("Европейского суда" of "Европейского суда по правам человека": 3 of
    66, two of them "сборная России" of "сборная России по хоккею"), unless the head alone is linked to a
    Wikidata item ("Совета Федерации"); NEREL dev marks none of the 15 heads kgraph found."""
    text = doc.clean
    organisations = [(d, m) for d in doc.drafts if d.nerel_type == "ORGANIZATION" for m in d.mentions]
    spans = {(m.start, m.end) for _, m in organisations}
    places = [m for d in doc.drafts if d.nerel_type in LOCATION_TYPES for m in d.mentions]
    for draft, mention in organisations:
        longer = [end for start, end in spans if start == mention.start and end > mention.end]
        named = any((mention.end + 1, end) in spans for end in longer)
        topic = (
            text.startswith(" по ", mention.end)
            and not draft.wikidata  # "Совета Федерации" of "Совета Федерации по …": a body known by that name
            and any(not any(mention.end < place.start < end for place in places) for end in longer)
        )
        if (named or topic) and text[mention.end] == " ":
            draft.mentions.remove(mention)
    doc.drop_unmentioned()


@component("owned_organisations", requires=("entities",), assigns=("entities",))
def owned_organisations(doc: Doc) -> None:
    """ "власти Украины", "посольства США": a noun NEREL train marks with its place as one organisation."""
    text = doc.clean
    places = [(m.start, m.end) for d in doc.drafts if d.nerel_type in LOCATION_TYPES for m in d.mentions]
    named = {(m.start, m.end) for d in doc.drafts if d.nerel_type == "ORGANIZATION" for m in d.mentions}
    drafts: dict[str, Draft] = {}
    for start, end in owned_in(text, places):
        if (start, end) in named:
            continue
        label = noun_phrase_nominative(text[start:end])
        draft = drafts.setdefault(
            key(label), Draft("ORGANIZATION", label, cls=class_for("ORGANIZATION"), confidence=0.6)
        )
        draft.mentions.append(doc.span(start, end))
    for draft in drafts.values():
        doc.add(draft)


@component("header_roles", requires=("entities",), assigns=("entities", "meta"))
def header_roles(doc: Doc) -> None:
    """The header's author, publisher and photo credit: entities of their own, or the entity already named so."""
    article = doc.article
    roles: dict[str, str | None] = {"author": None, "publisher": None, "photo_credit": None}
    credit_is_site = article.photo_credit is not None and re.fullmatch(
        r"[\w.-]+\.[a-zа-я]{2,}", article.photo_credit.text
    )
    for role, span, cls in (
        ("author", article.author, "schema:Person"),
        ("publisher", article.publisher, "schema:NewsMediaOrganization"),
        ("photo_credit", article.photo_credit, "schema:WebSite" if credit_is_site else "schema:Organization"),
    ):
        if span is None or not span.text.strip():
            continue
        known = doc.at(span.start, span.end)
        if known is not None and cls != "schema:Person":
            doc.relabel(known, cls=cls)  # the header says what it is: a publisher is a news medium
        if known is None:
            known = doc.add(
                Draft(
                    "PERSON" if cls == "schema:Person" else "ORGANIZATION",
                    span.text.strip(),
                    [span],
                    cls=cls,
                    confidence=0.95,
                )
            )
        roles[role] = known
    doc.meta = ArticleMeta(author=roles["author"], publisher=roles["publisher"], photo_credit=roles["photo_credit"])
