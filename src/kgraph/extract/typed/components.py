"""The pipeline step that turns the taggers' mentions into entities: offices, events, laws, awards, diseases,
crimes, penalties, works, products, nationalities, ideologies, religions, languages, families and the places the
rules missed, each a node of its ontology class (``class_for``: the ontology's kg:nerelType)."""

import re

from ...resources import subclasses
from ..doc import Doc, Draft, class_for, entity_classes
from ..events.events import another_label, another_of_kind
from ..links.linking import LOCATION_TYPES
from ..names.known_names import adjective_place_name, is_adjective
from ..pipeline import component
from ..places.types import PLACES_AFTER_NAMES, genitive_place_after
from ..text.normalise import CYRILLIC_WORD, key, lemma, noun_phrase_nominative, parses
from .award_names import award_names, honorary_titles
from .codes import codes_of_countries
from .former_offices import former_offices
from .profession_words import offices_not_nationalities, profession_words
from .taggers import RULE_TYPES, TypedMention, tag_types

MOST_SURE = 0.8
"""The highest confidence a tagged entity gets (the rules' entities: 0.6 to 0.95)."""
AS_WRITTEN = frozenset({"WORK_OF_ART", "PRODUCT"})
"""Types whose names are titles or brands, labelled as written («Один день Ивана Денисовича», not inflected)."""
LEAST_SURE = 0.5
"""A mention the tagger is less sure of is left out: on the last 150 train documents (taggers trained on the rest)
this raises their precision from 0.738 to 0.749 and lowers recall from 0.570 to 0.563."""


RELATIONAL_NOUNS = frozenset(
    {"коллега", "партнёр", "партнер", "соратник", "преемник", "предшественник", "соперник", "оппонент"}
    | {"соотечественник", "союзник", "единомышленник"}
)
"""Nouns that name a person by a relation to another, not by an office: NEREL train has 127 of these words and marks
none as a PROFESSION (a review helper's "турецким коллегой Хаканом Фиданом" held the office "коллега")."""


@component("typed_entities", requires=("analysis", "features", "sequences", "entities"), assigns=("entities", "typed"))
def typed_entities(doc: Doc) -> None:
    """An entity for each mention the taggers find of a type the rules do not give (and for each office or
    occupation named by one word they miss, ``profession_words``, and each award named in quotes after the noun of
    its kind, ``award_names``), unless an entity of its class or a narrower one
    is already mentioned over any of its words ("форум" inside the forum the event rules found) or an entity of any
    class is mentioned at exactly its words. Of nested mentions of one class, the outermost is kept ("заместитель
    министра обороны", not "министра" inside it)."""
    assert doc.analysis is not None
    found = tag_types(doc.clean, doc.analysis, doc.features, doc.sequences)
    doc.typed = [_without_object(doc.clean, _before_a_case(doc.clean, _whole_words(doc.clean, m))) for m in found]
    persons = [(m.start, m.end) for d in doc.drafts if d.cls == "schema:Person" for m in d.mentions]
    doc.typed = offices_not_nationalities(doc.clean, doc.typed)
    doc.typed += profession_words(doc.clean, doc.typed, persons)
    doc.typed += award_names(doc.clean, doc.typed)
    doc.typed = honorary_titles(doc.clean, doc.typed)
    doc.typed = former_offices(doc.clean, doc.typed)
    countries = [(m.start, m.end) for d in doc.drafts if d.cls == "schema:Country" for m in d.mentions]
    doc.typed = codes_of_countries(doc.clean, doc.typed, countries)
    doc.typed += _offices_of_places(doc)
    mentions = [
        m for m in doc.typed if m.type not in RULE_TYPES and m.type in entity_classes() and m.confidence >= LEAST_SURE
    ]
    taken: dict[str, list[tuple[int, int]]] = {}
    exact: set[tuple[int, int]] = set()
    for draft in doc.drafts:
        for span in draft.mentions:
            taken.setdefault(draft.cls, []).append((span.start, span.end))
            exact.add((span.start, span.end))
    # "соглашение о поставках нефти": the agreement the rules found ("соглашение"), named in full; the same name
    # again elsewhere is that agreement too, whichever comes first
    agreements = {m.start: doc.ids[i] for i, d in enumerate(doc.drafts) if d.cls == "kg:Agreement" for m in d.mentions}
    for mention in mentions:
        if mention.type == "LAW" and (agreement := agreements.get(mention.start)) is not None:
            draft = doc.draft(agreement)
            if mention.end > max(m.end for m in draft.mentions if m.start == mention.start):
                draft.mentions.append(doc.span(mention.start, mention.end))
                doc.relabel(agreement, label=_label(doc.clean[mention.start : mention.end]))
    agreement_names = {key(doc.draft(ident).label) for ident in agreements.values()}
    measured = {m.start for d in doc.drafts if d.cls == "kg:Indicator" for m in d.mentions}
    told_twice = _ToldTwice(doc)
    for mention in mentions:
        cls = class_for(mention.type)
        if mention.type == "LAW" and mention.start in agreements:
            continue
        if mention.type == "LAW" and key(_label(doc.clean[mention.start : mention.end])) in agreement_names:
            cls = "kg:Agreement"
        covering = [span for narrower in subclasses(cls) for span in taken.get(narrower, [])]
        if (mention.start, mention.end) in exact or any(s < mention.end and mention.start < e for s, e in covering):
            continue
        if mention.type == "EVENT" and mention.start in measured:
            continue  # "Акции компании подорожали на 3,5%": the shares a figure measures, no campaign
        words = doc.clean[mention.start : mention.end]
        if mention.type == "WORK_OF_ART" and _DESCRIBED_TITLE.fullmatch(words):
            continue  # "Фильм режиссера Клима Шипенко «Вызов»": the title is the work (NEREL train: 1 in 2 with quotes)
        said = _SAID_AFTER.match(doc.clean, mention.end) if mention.type == "WORK_OF_ART" else None
        if said and re.search(r"[,!?…]", said.group()):
            continue  # «Корь не знает границ», — заявил Клюге: words said, not a work's title
        if mention.type == "PROFESSION" and _plural(words):
            continue  # "преподаватели", "лидеры России": people, not one office
        if mention.type == "PROFESSION" and lemma(words.lower()) in RELATIONAL_NOUNS:
            continue  # "со своим турецким коллегой Хаканом Фиданом": a relation to another person, no office
        if mention.type == "FACILITY" and _opens_sentence(doc, mention.start) and _no_name_in(words):
            continue  # "# Туристический поток в Крым вырос": common words opening a headline, no facility's name
        if words.count("»") > words.count("«") and doc.clean[mention.start - 1 : mention.start] == "«":
            words = "«" + words  # "ордена «За заслуги перед Отечеством» III степени": NEREL's span leaves the « out
        label = words if mention.type in AS_WRITTEN else _label(words, person=mention.type == "PROFESSION")
        if mention.type in LOCATION_TYPES and is_adjective(label):
            label = adjective_place_name(label)  # "Европейского": Европа
        if mention.type in COMMON_TYPES and _opens_sentence(doc, mention.start) and _common_word(label):
            label = label[0].lower() + label[1:]  # "Скончался …", "Министр иностранных дел России" open a sentence
        if mention.type == "EVENT" and (told := told_twice.other_telling(label, mention.start)) is not None:
            label, cls = told.label, told.cls  # the headline's event and the text's are one: one node
        elif mention.type == "EVENT" and (other := another_of_kind(doc.clean, mention.start)) is not None:
            # "Последнее сильное землетрясение в регионе произошло в августе 2024 года": not the one the article
            # tells of, which "землетрясение" names too
            written = f"{other.text} {doc.clean[mention.start : mention.end]}"
            named = written if _plural_nominative(written) else another_label(written)  # "следующие зимние Игры"
            label = named[0].lower() + named[1:]
        confidence = round(min(MOST_SURE, mention.confidence), 2)
        draft = Draft(mention.type, label, [doc.span(mention.start, mention.end)], cls=cls, confidence=confidence)
        ident = doc.add(draft)
        if mention.type == "EVENT" and doc.draft(ident) is draft:
            told_twice.file(draft)
        if (
            mention.type in AS_WRITTEN
            and _in_dictionary_form(label)
            and not _in_dictionary_form(doc.draft(ident).label)
        ):
            doc.relabel(ident, label=label)  # «Евгений Онегин» after «Евгения Онегина» in the headline
        taken.setdefault(cls, []).append((mention.start, mention.end))
        exact.add((mention.start, mention.end))
    _titled_works(doc)


def _plural_nominative(words: str) -> bool:
    """Whether each of `words` may be a plural nominative ("следующие зимние Игры"), so that they are one as written."""
    return all(any(p.tag.case == "nomn" and p.tag.number == "plur" for p in parses(w.lower())) for w in words.split())


_DESCRIBED_TITLE = re.compile(r"[^«»]*[А-Яа-яЁёA-Za-z][^«»]*\s«[^«»]+»?")
"""A work's title in quotes after words that say what it is and whose ("Фильм режиссера Клима Шипенко «Вызов»")."""
_LISTED_AFTER = re.compile(r"»?(?:,\s*|\s+и\s+)«(?P<name>[^«»\n]{1,80})»")
"""What lists another title after a work's: a comma or "и", then the title in guillemets."""

_KIND_BEFORE = re.compile(
    r"(?<![\w-])(?:(?:альбом|мультфильм|роман|сериал|фильм)(?:а|у|ом|е|ы|ов|ам|ами|ах)?"
    r"|(?:картин|книг|передач|поэм|пьес)(?:а|ы|и|е|у|ой|ей|ам|ами|ах)?|спектакл(?:ь|я|ю|ем|е|и|ей|ям|ями|ях)"
    r"|песн(?:я|и|ю|е|ей|ям|ями|ях)|шоу)\s+«(?P<name>[^«»\n]{1,80})»",
    re.IGNORECASE,
)
"""A title in guillemets right after a form of the noun of a work's kind ("альбом «45»", "в фильме «Офицеры»"; not
"книгоиздательство «Эксмо»")."""


def _titled_works(doc: Doc) -> None:
    """A title in guillemets after the noun of a work's kind is a work ("выпустила альбом «45»" was an
    organisation, natasha's: NEREL train has 91 such titles after фильм, сериал, роман, песня, картина, спектакль,
    мультфильм, передача, шоу, альбом, книга, поэма or пьеса, 90 of them works; after газета, журнал, опера or
    программа they are other things as often, and are left out), and so is a title listed right after a work's:
    "в фильмах «Алые паруса» и «Офицеры»" (after a WORK_OF_ART in guillemets, the next title so listed is one 47
    times in 47). It becomes a work, unless an entity of another kind than an organisation is named there."""
    work = class_for("WORK_OF_ART")
    exact = {(m.start, m.end): index for index, draft in enumerate(doc.drafts) for m in draft.mentions}
    titles = [found.span("name") for found in _KIND_BEFORE.finditer(doc.clean)]
    ends = [m.end for draft in doc.drafts if draft.cls == work for m in draft.mentions]
    while titles or ends:
        if titles:
            start, end = titles.pop()
        elif (listed := _LISTED_AFTER.match(doc.clean, ends.pop())) is not None:
            start, end = listed.span("name")
        else:
            continue
        index = exact.get((start, end), exact.get((start - 1, end + 1)))  # the name, or it in its guillemets
        if index is None:
            title = Draft("WORK_OF_ART", doc.clean[start:end], [doc.span(start, end)], cls=work, confidence=0.7)
            index = doc.index(doc.add(title))
            exact[(start, end)] = index
        elif doc.drafts[index].nerel_type == "ORGANIZATION" and len(doc.drafts[index].mentions) == 1:
            doc.drafts[index].nerel_type = "WORK_OF_ART"
            doc.relabel(doc.ids[index], cls=work, label=doc.clean[start:end])
        elif doc.drafts[index].cls != work:
            continue
        if not any(m.start == start and m.end == end and m.type == "WORK_OF_ART" for m in doc.typed):
            doc.typed.append(TypedMention(start, end, "WORK_OF_ART", 0.7))  # what the relations read
            ends.append(end)


_CASE = re.compile(r"\s+по\s+делу\b")
"""A case an office is named with ("бывшего вице-мэра по делу о взятке"): the office ends before it (NEREL train
writes "по делу" 21 times and never inside an office; "по делам молодёжи", an office's field, is plural)."""


_WORD_GOES_ON = re.compile(r"(?<=[^\W_])[^\W_]+")
"""Letters or digits going on right after a letter or a digit: a word a mention stopped inside."""


def _whole_words(text: str, mention: TypedMention) -> TypedMention:
    """The mention to the end of its last word where a tagger stopped inside it, between letters and digits the
    tokens split ("Airbus A" of "Airbus A320").

    >>> text = "самолёт Airbus A320 сел"
    >>> plane = _whole_words(text, TypedMention(8, 16, "PRODUCT", 0.9))
    >>> text[plane.start : plane.end]
    'Airbus A320'
    """
    goes_on = _WORD_GOES_ON.match(text, mention.end)
    if goes_on is None:
        return mention
    return TypedMention(mention.start, goes_on.end(), mention.type, mention.confidence)


def _before_a_case(text: str, mention: TypedMention) -> TypedMention:
    """The mention, an office ending before the case it is named with.

    >>> text = "арестовал вице-мэра по делу о взятке"
    >>> office = _before_a_case(text, TypedMention(10, 27, "PROFESSION", 0.9))
    >>> text[office.start : office.end]
    'вице-мэра'
    """
    case = _CASE.search(text, mention.start, mention.end) if mention.type == "PROFESSION" else None
    if case is None or case.start() == mention.start:
        return mention
    return TypedMention(mention.start, case.start(), mention.type, mention.confidence)


def _without_object(text: str, mention: TypedMention) -> TypedMention:
    """The mention, an office ending before a noun a verb takes after it: a word in lower case that can only be an
    accusative, right after the office's noun ("поставил перед министром задачу": the office is "министром"; of
    NEREL train's 7,051 offices one ends in such a word, after an adjective: "федерального судью").

    >>> text = "поставил перед новым министром задачу завершить"
    >>> office = _without_object(text, TypedMention(21, 37, "PROFESSION", 0.9))
    >>> text[office.start : office.end]
    'министром'
    """
    if mention.type != "PROFESSION":
        return mention
    words = list(CYRILLIC_WORD.finditer(text, mention.start, mention.end))
    if len(words) < 2 or not words[-1].group().islower() or words[-1].end() != mention.end:
        return mention
    object_only = all("NOUN" in r.tag and r.tag.case == "accs" for r in parses(words[-1].group()))
    if not object_only or "NOUN" not in parses(words[-2].group().lower())[0].tag:
        return mention
    return TypedMention(mention.start, words[-2].end(), mention.type, mention.confidence)


def _offices_of_places(doc: Doc) -> list[TypedMention]:
    """An office the taggers found right before a place's name in the genitive, named with it too: "премьера
    Великобритании", "послом Японии" (NEREL train nests 645 of the 736 offices right before a country, a city or a
    region in one that holds the place); a place that opens with an adjective ("Вокалист британской группы") is
    none."""
    places = {m.start: m.end for d in doc.drafts if d.nerel_type in PLACES_AFTER_NAMES for m in d.mentions}
    offices = {(m.start, m.end) for m in doc.typed if m.type == "PROFESSION"}
    found = []
    for mention in doc.typed:
        if mention.type != "PROFESSION":
            continue
        end = genitive_place_after(doc.clean, places, mention.end, noun=True)
        if end is not None and (mention.start, end) not in offices:
            found.append(TypedMention(mention.start, end, "PROFESSION", mention.confidence))
            offices.add((mention.start, end))
    return found


_SAID_AFTER = re.compile(r"[!?…]?[»\"”]?[,!?…]?\s*[—–-]\s")
"""What follows a direct quote: a closing quote and a comma (or "!", "?", "…") and a dash before the speech verb;
not a title's "» — " ("«Евгений Онегин» — опера")."""


class _ToldTwice:
    """The event the headline tells and the text tells again, worded alike: of an event mention in the text, the
    headline's event, and of one in the headline, the text's, whose words but adjectives and numbers are the same
    lemmas, two or more ("утвердил новый пакет санкций" in the headline, "утвердил 21-й пакет санкций" in the
    text), unless both give a number and not the same one (the 20th package is not the 21st). The events are
    filed by those lemmas, so each mention is looked up, not compared with every event."""

    def __init__(self, doc: Doc) -> None:
        self._headline = doc.article.headline
        self._filed: dict[frozenset[str], list[tuple[Draft, bool, frozenset[str]]]] = {}
        for draft in doc.drafts:
            if draft.nerel_type == "EVENT":
                self.file(draft)

    def _in_headline(self, start: int) -> bool:
        return self._headline.start <= start < self._headline.end

    def file(self, draft: Draft) -> None:
        """Remember an event, under the lemmas of its label."""
        core, numbers = _event_core(draft.label)
        if len(core) >= 2:
            told = any(self._in_headline(m.start) for m in draft.mentions)
            self._filed.setdefault(core, []).append((draft, told, numbers))

    def other_telling(self, label: str, start: int) -> Draft | None:
        """The event of the other part (headline or text) that a mention labelled `label` at `start` tells again."""
        core, numbers = _event_core(label)
        in_headline = self._in_headline(start)
        for draft, told, other_numbers in self._filed.get(core, ()):
            if (
                told != in_headline
                and draft.mentions
                and (not numbers or not other_numbers or numbers == other_numbers)
            ):
                return draft
        return None


def _event_core(label: str) -> tuple[frozenset[str], frozenset[str]]:
    """The lemmas of an event's words but adjectives, participles, numerals and short words, and its numbers.

    >>> _event_core("утвердил 21-й пакет санкций") == _event_core("утвердил новый пакет санкций")[:1] + (
    ...     frozenset({"21"}),)
    True
    """
    core, numbers = set(), set(re.findall(r"\d+", label))
    for word in CYRILLIC_WORD.findall(label):
        reading = parses(word.lower())[0]
        if {"NUMR", "Anum"} & reading.tag.grammemes:
            numbers.add(str(reading.normal_form))
        elif len(word) > 2 and reading.tag.POS not in ("ADJF", "ADJS", "PRTF", "PREP", "CONJ", "PRCL"):
            core.add(str(reading.normal_form))
    return frozenset(core), frozenset(numbers)


def _in_dictionary_form(title: str) -> bool:
    """Whether each word of a title is its own likeliest dictionary form: a title named as written is in the
    nominative there ("Евгений Онегин", "Война и мир"; not "Евгения Онегина", "Войны и мира").

    >>> _in_dictionary_form("Война и мир"), _in_dictionary_form("«Войны и мира»")
    (True, False)
    """
    return all(parses(word.lower())[0].normal_form == word.lower() for word in CYRILLIC_WORD.findall(title))


def _label(words: str, *, person: bool = False) -> str:
    """The phrase in the nominative ("бывшего заместителя министра" -> "бывший заместитель министра"; with `person`,
    an office's, its head read as a person: "премьера" -> "премьер"), or as written when a numeral leads it, which
    does not decline with the noun ("трём годам лишения свободы")."""
    if any("NUMR" in parses(word.lower())[0].tag for word in CYRILLIC_WORD.findall(words)):
        return words
    return noun_phrase_nominative(words, person=person)


COMMON_TYPES = frozenset({"EVENT", "PROFESSION", "CRIME", "PENALTY", "DISEASE", "IDEOLOGY", "NATIONALITY", "FAMILY"})
"""Types whose mentions are common nouns and verbs, written with a capital only where a sentence opens with one."""


def _opens_sentence(doc: Doc, position: int) -> bool:
    """Whether only quotes, dashes or a headline's mark stand between the sentence's start and `position`."""
    return not doc.clean[doc.sentence(position).start : position].strip(' \t#«"„“—–-')


def _common_word(label: str) -> bool:
    """Whether a label's first word is Titlecase and reads first as a common word (no name, place or
    abbreviation): "Скончался", "Министр"; not "Ленина", "ВИЧ"."""
    first = CYRILLIC_WORD.match(label)
    if first is None or not first.group().istitle():
        return False
    reading = parses(first.group().lower())[0]
    return reading.is_known and not {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"} & reading.tag.grammemes


def _no_name_in(words: str) -> bool:
    """Whether words are all common ones, the first capitalised only: a common word first (``_common_word``) and
    every word after it in lower case ("Туристический поток"; not "Большой Смоленский мост", "Дом Союзов").

    >>> _no_name_in("Туристический поток"), _no_name_in("Большой Смоленский мост"), _no_name_in("Кремль")
    (True, False, False)
    """
    rest = words.split()[1:]
    return bool(rest) and _common_word(words) and all(word.islower() for word in rest)


def _plural(words: str) -> bool:
    """Whether the phrase's first noun is plural in its likeliest reading ("лидеры России", not "глава")."""
    for word in CYRILLIC_WORD.findall(words):
        reading = parses(word.lower())[0]
        if "NOUN" in reading.tag:
            return "plur" in reading.tag
    return False
