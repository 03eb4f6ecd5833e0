"""Mention repair: what the flat NER gets wrong at the edges (a person's name itself: ``person_names``).

natasha's spans sometimes run over a line break, take a title ("Император Акихито") or a parenthesised
original ("Джей Зи (Jay Z)") into a name, or give a known organisation the type of a place (what NEREL train
knows finds the rest: ``known_names``).

>>> [(s.text, s.type) for s in repair_spans("Кронпринц Нарухито\\nВерхняя", [NamedSpan(0, 26, "PER", "", "")])]
[('Нарухито', 'PER')]
"""

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from ..links.linking import LOCATION_TYPES, NOT_ENTITIES, gazetteer
from ..places.nouns import head as place_head
from ..places.nouns import is_head as place_is_head
from ..spans import SpanIndex
from ..text.ner import NamedSpan
from ..text.normalise import NAME_TAGS, common_noun, key, lemma, name_forms, parses
from ..text.words import LOWER, words
from .name_words import NAME_WORD, no_name, no_name_part, opens_quote, opens_sentence, title_word, trim
from .person_names import as_person_named, genitive_name_nominative, surnames_inside, two_names, with_surname

LEGAL_FORMS = frozenset(
    {"ООО", "ЗАО", "ОАО", "ПАО", "АО", "НАО", "НКО", "ФГУП", "ГУП", "МУП", "ФГБУ", "ГБУ", "ТОО", "ИП", "АНО"}
)
"""Russian legal forms of organisations: the form of a body, not a body."""

_LEGAL_FORMS = re.compile(r"^(?:(?:" + "|".join(sorted(LEGAL_FORMS | {"УК", "РГТРК"})) + r")\s+)+[«\"“]")


_KIND_BEFORE_QUOTE = re.compile(r"([А-ЯЁ][а-яё]+)\s+[«\"“]")
"""A word of kind before a quoted name ("Компания «Аэрофлот»"): capitalised only where a sentence opens, it is no
part of the name, as mid-sentence ("компания «Аэрофлот»"; NEREL train marks "Пересвет" in "Банк «Пересвет»")."""


_PEOPLE_BEFORE_NAME = re.compile(r"([А-ЯЁа-яё]+)\s+(?=[A-ZА-ЯЁ«\"])")
"""A word before a capitalised name or a quote, which may be a plural noun of people ("Учёные МГУ")."""


def after_people(text: str, start: int, end: int) -> int:
    """Where an organisation's name between `start` and `end` begins once a plural noun of people before it is
    left out ("Учёные МГУ": МГУ), or `start`.

    >>> text = "Учёные МГУ создали антибиотик"
    >>> text[after_people(text, 0, 10) : 10], text[after_people(text, 11, 18) : 18]
    ('МГУ', 'создали')
    """
    people = _PEOPLE_BEFORE_NAME.match(text, start, end)
    return start + people.end() - people.start() if people and _people(people.group(1)) else start


def qualifies_a_noun(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is one adjective a dictionary knows that qualifies the lower-case noun right after
    it, in the same case and number: "Официальный представитель МИД", which opens a sentence, names no body
    (NEREL train has 12 organisations of one capitalised adjective in 2,765 of one word: "Блестящие", "Наши").

    >>> text = "Официальный представитель МИД Китая. Блестящие выступили."
    >>> qualifies_a_noun(text, 0, 11), qualifies_a_noun(text, 37, 46)
    (True, False)
    """
    word = text[start:end]
    after = NAME_WORD.match(text, end + 1) if text[end : end + 1] == " " else None
    if not NAME_WORD.fullmatch(word) or after is None or not after.group()[:1].islower():
        return False
    adjective = parses(word.lower())[0]
    if not adjective.is_known or adjective.tag.POS != "ADJF":
        return False
    readings = parses(after.group().lower())
    return readings[0].tag.POS == "NOUN" and any(  # not "и", whose first reading is the conjunction
        reading.tag.POS == "NOUN"
        and (reading.tag.case, reading.tag.number) == (adjective.tag.case, adjective.tag.number)
        for reading in readings
    )


def bodies_of_a_kind(words: str) -> bool:
    """Whether `words` are lower-case nouns in the plural that a dictionary reads as things, one or two joined by
    "и", which name kinds of body and no one body: "главы министерств и ведомств" (not "талибов", people NEREL marks
    as a body; not "министерства", which may be one).

    >>> bodies_of_a_kind("министерств"), bodies_of_a_kind("министерств и ведомств"), bodies_of_a_kind("министерства")
    (True, True, False)
    >>> bodies_of_a_kind("Минфина")
    False
    """
    nouns = words.split(" и ")
    return len(nouns) <= 2 and all(_things_in_the_plural(noun) for noun in nouns)


def _things_in_the_plural(word: str) -> bool:
    if not NAME_WORD.fullmatch(word) or not word[:1].islower():
        return False
    readings = parses(word)
    return readings[0].is_known and all({"NOUN", "plur", "inan"} <= reading.tag.grammemes for reading in readings[:2])


def _people(word: str) -> bool:
    """Whether a word is a plural noun of people ("учёные", "сотрудники"), no name: NEREL train has 283
    organisations right after one and a single organisation's name that starts with one."""
    readings = parses(word.lower())[:2]
    return any({"NOUN", "plur", "anim"} <= reading.tag.grammemes for reading in readings) and not any(
        reading.tag.grammemes & NAME_TAGS for reading in readings
    )


_NATASHA_OF = {"PERSON": "PER", "ORGANIZATION": "ORG", "FACILITY": "LOC", **{t: "LOC" for t in LOCATION_TYPES}}


_LAST_BRACKET = re.compile(r"\(([^()]++)\)?\s*+$")
"""A bracketed name ending a line: what it holds, then at most its closing bracket and spaces."""


_STREET_BEFORE = re.compile(
    r"(?<![А-ЯЁа-яё])(?:улиц(?:а|ы|е|у|ей|ею)|проспект(?:а|у|е|ом)?|переул(?:ок|ка|ку|ке|ком)|бульвар(?:а|у|е|ом)?"
    r"|набережн(?:ая|ой|ую)|проезд(?:а|у|е|ом)?)[^\S\n]+\Z",
    re.IGNORECASE,
)
"""A street's noun in the singular right before a name: "улице Малышева", "проспекте Мира" (not "на улицах Газы":
the streets of a place)."""


FORMER_HOLDER = re.compile(r"[Ээ]кс-[а-яё]+")
"""One word for one who held an office before: "Экс-замминистра", "экс-губернатора" (no body: `fullmatch`)."""


def repair_spans(text: str, spans: Iterable[NamedSpan]) -> list[NamedSpan]:
    """Split spans at line breaks and "name (original)", drop a leading title, keep a quoted name alone."""
    repaired: list[NamedSpan] = []
    spans = list(spans)
    places_and_bodies = SpanIndex((span.start, span.end) for span in spans if span.type != "PER")
    for span in spans:
        pieces = []
        for line in re.finditer(r"[^\n]+", text[span.start : span.end]):
            # a headline's name and the same name opening the text are two mentions ("Демис Руссос\nДемис Руссос")
            first, end = span.start + line.start(), span.start + line.end()
            # "Name (Other)": from the bracket, without backtracking ("\s*\(" tried at each space of a long run
            # and read the rest of the run each time); the name ends where the spaces before the bracket begin
            paren = _LAST_BRACKET.search(line.group())
            before = len(line.group()[: paren.start()].rstrip()) if paren else 0
            if paren and before > 0:
                pieces += [(first, first + before), (first + paren.start(1), first + paren.end(1))]
            else:
                pieces.append((first, end))
        for start, stop in pieces:
            piece = trim(text, span, start, stop)
            if piece is None:
                continue
            if (verb := first_verb(piece.text)) is not None:  # "# Сборная России по хоккею обыграла Белоруссию"
                piece = trim(text, span, piece.start, piece.start + verb)
                if piece is None:
                    continue
            if piece.type == "ORG" and FORMER_HOLDER.fullmatch(piece.text):
                continue  # "Экс-замминистра приговорили": one who held an office, no body
            if piece.type == "ORG" and (legal := _LEGAL_FORMS.match(piece.text)):
                piece = trim(text, span, piece.start + legal.end(), piece.end) or piece
            kind = _KIND_BEFORE_QUOTE.match(piece.text) if piece.type == "ORG" else None
            if kind and common_noun(kind.group(1)) and opens_sentence(text, piece.start):  # "Компания «Аэрофлот»"
                piece = trim(text, span, piece.start + kind.end(), piece.end) or piece
            if piece.type == "ORG" and (after := after_people(text, piece.start, piece.end)) > piece.start:
                piece = trim(text, span, after, piece.end) or piece  # "Учёные МГУ": the scientists are not the body
            if (
                piece.type == "PER"
                and text[piece.start - 1 : piece.start] == "«"
                and text[piece.end : piece.end + 1] == "»"
            ):
                continue  # "телескоп «Джеймс Уэбб»", "партия «Нур Отан»": a title (NEREL train: a person 1 time in 12)
            if piece.type == "PER":
                piece = as_person_named(text, piece, places_and_bodies)
                lead = re.match(r"(?:\S*\d\S*|[а-яё]\S*)\s+", piece.text)
                if lead:
                    piece = trim(text, span, piece.start + lead.end(), piece.end) or piece
                words = list(NAME_WORD.finditer(piece.text))
                if len(words) > 1 and title_word(words[0].group()):
                    piece = trim(text, span, piece.start + words[1].start(), piece.end) or piece  # "Папа Франциск"
                elif len(words) > 1 and no_name_part(
                    words[0].group(), opens_sentence(text, piece.start), words[1].group()
                ):
                    piece = _governed(trim(text, span, piece.start + words[1].start(), piece.end) or piece)
                elif len(words) == 1 and (common_noun(words[0].group()) or no_name(words[0].group())):
                    continue
            if piece.type in ("LOC", "ORG"):
                lead = _PREPOSITION_BEFORE_NAME.match(piece.text)
                if lead:  # a headline's "Под Тверью автобус столкнулся …", "На Байкале запретили …"
                    piece = trim(text, span, piece.start + lead.end(), piece.end) or piece
            if piece.type == "LOC" and _STREET_BEFORE.search(text, max(0, piece.start - 20), piece.start):
                continue  # "на улице Малышева": the street's name, not a place; the street is a facility's mention
            if piece.type == "LOC" and (at := _place_after_title(piece.text)) is not None:
                piece = trim(text, span, piece.start + at, piece.end) or piece  # "Раис Татарстана": Татарстан
            if piece.type == "LOC":
                tail = _PEOPLE_AFTER_PLACE.search(piece.text)
                if tail and _people_after(tail.group(1), tail.group(2)):
                    piece = trim(text, span, piece.start, piece.start + tail.end(1)) or piece
                piece = _with_head(text, piece)
            repaired.append(piece)
    repaired = with_surname(text, repaired)
    person_spans = [p for p in repaired if p.type == "PER"]
    person_words = [NAME_WORD.findall(p.text) for p in person_spans]
    surnames = {form for w in person_words if w for form in name_forms(w[-1])}
    alone = {form for w in person_words if len(w) == 1 for form in name_forms(w[0])}
    named = Counter(key(p.text) for p in repaired if p.type == "PER")
    normals = [(key(p.text), p.normal.lower().replace("ё", "е").split()) for p in person_spans]
    full = [(name, normal[-1]) for name, normal in normals if len(normal) > 1]  # each full name and its surname
    repaired = [piece for span in repaired for piece in two_names(text, span, surnames, alone, named, full)]
    # a name cut off another the NER ran on into ("Косенкова" of "Адвокат Косенкова Игорь Белов") may be one the NER
    # also found alone, with its normal form: that one is kept
    spans_of_persons = {(p.start, p.end): p for p in reversed(repaired) if p.type == "PER"}
    repaired = [p for p in repaired if p.type != "PER" or spans_of_persons[(p.start, p.end)] is p]
    repaired.extend(_named_after(text, repaired))
    repaired.extend(surnames_inside(repaired))
    persons = SpanIndex((p.start, p.end) for p in repaired if p.type == "PER")
    repaired = [p for p in repaired if not (p.type == "PER" and persons.covers_other(p.start, p.end))]
    repaired = [_retyped(span) for span in repaired if not _false_alarm(text, span)]
    repaired = [span for span in (_unquoted(text, span) for span in repaired) if span is not None]
    repaired = _without_people_before_names(text, repaired)
    # NEREL nests names: "Следственного комитета" inside "Следственного комитета Армении"; both are mentions
    tails = _Tails(repaired)
    longer = [_with_tail(text, span, tails) for span in repaired if span.type == "ORG"]
    known = set(repaired)
    return repaired + [span for span in longer if span not in known]


_LOWER_WORD = re.compile(r"(?<![\w-])[а-яё]+(?![\w-])")


def first_verb(name: str) -> int | None:
    """Where the first word of a name outside quotes that can only be a verb starts ("обыграла" in a headline's
    "Сборная России по хоккею обыграла Белоруссию", which the NER read as one organisation), or None: NEREL train's
    names hold no such word ("стали" in "институте стали и сплавов" may be a noun), but a name in quotes may be a
    sentence ("Благотворительный фонд «Дети ждут»").

    >>> first_verb("Сборная России по хоккею обыграла Белоруссию"), first_verb("Московском институте стали и сплавов")
    (25, None)
    >>> first_verb("Благотворительный фонд «Дети ждут»"), first_verb("группа «Ногу свело!»")
    (None, None)
    """
    for word in _LOWER_WORD.finditer(name):
        before = name[: word.start()]
        if before.count("«") > before.count("»") or before.count('"') % 2:
            continue  # inside quotes: a title, which may say anything
        readings = parses(word.group())
        if readings[0].tag.POS == "VERB" and all(r.tag.POS in ("VERB", "INFN") for r in readings):
            return word.start()
    return None


def _without_people_before_names(text: str, spans: list[NamedSpan]) -> list[NamedSpan]:
    """The spans but an organisation of one plural noun of people right before another name: natasha's "Химики"
    of "Химики Московского государственного университета" (or "Учёные" of "Учёные МГУ") are the body's people, not
    a body, nor the start of its name (NEREL train has 20 organisations of one such word, "талибы", "единороссов",
    none before another name).

    >>> text = "Химики МГУ и талибы"
    >>> [s.text for s in _without_people_before_names(text, [NamedSpan(0, 6, "ORG", "Химики", ""),
    ...     NamedSpan(7, 10, "ORG", "МГУ", ""), NamedSpan(13, 19, "ORG", "талибы", "")])]
    ['МГУ', 'талибы']
    """
    starts = {span.start for span in spans if span.type != "PER"}
    return [
        span
        for span in spans
        if not (
            span.type == "ORG"
            and span.end + 1 in starts
            and text[span.end : span.end + 1] == " "
            and NAME_WORD.fullmatch(span.text)
            and not span.text.isupper()  # "РФСХ Республики Башкортостан": an abbreviation
            and _people(span.text)
        )
    ]


_PREPOSITION_BEFORE_NAME = re.compile(
    r"(?:Под|В|Во|На|Из|У|Около|Возле|Близ|Над|За|Перед|При|От|До|С|Со|К|Ко|По|Между)\s+(?=[А-ЯЁ])"
)
"""A preposition written with a capital (it opens a sentence or a headline) before a place's name: natasha may
take it into the name ("Под Тверью", or an organisation's "На Байкале"); no place or organisation in NEREL train
starts so (its one name that does, "ВО Свобода", is in capitals)."""


_PEOPLE_AFTER_PLACE = re.compile(r"([А-ЯЁа-яё]+)\s+([а-яё]+)\Z")
"""A place's last word in lower case after a word (`_people_after`)."""


def _place_after_title(name: str) -> int | None:
    """Where the place starts in a place's name of two words that are a noun of a person and a known place in the
    genitive ("Раис Татарстана", which natasha reads as one place: the office's title and Татарстан), or None; NEREL
    train's places hold no such pair ("Королевство Тонга", "Юге США": no noun of a person).

    >>> _place_after_title("Раис Татарстана"), _place_after_title("Королевство Тонга")
    (5, None)
    >>> _place_after_title("Нижний Тагил")
    """
    words = list(NAME_WORD.finditer(name))
    if len(words) != 2 or len(name.split()) != 2 or not words[0].group()[:1].isupper():
        return None
    title, place = words[0].group(), words[1].group()
    reading = parses(title.lower())[0]
    if reading.tag.POS != "NOUN" or "anim" not in reading.tag or place_is_head(lemma(title.lower())):
        return None
    places = gazetteer()
    if places.location_type(title) is not None or places.location_type(place) is None:
        return None
    return words[1].start() if any(p.tag.case == "gent" for p in parses(place.lower())) else None


def _people_after(before: str, word: str) -> bool:
    """Whether a place's last word is a plural noun of people (`_people`) after a noun ("высадить на Луну
    космонавтов": natasha's place "Луну космонавтов"), which no place's name ends with: of NEREL train's place and
    facility mentions two end in a noun of a person, after an adjective ("Могила Неизвестного солдата") or in the
    singular ("Башню короля"), and natasha ends none of its places in train so."""
    return _people(word) and "NOUN" in parses(before.lower())[0].tag


def _unquoted(text: str, span: NamedSpan) -> NamedSpan | None:
    """A place name that opens a quoted name is no place: «Милан» is the club, «Эхо Москвы» keeps its Москвы,
    but «Мордовский университет» and «Сан-Антонио Спёрс» lose the place at their start."""
    if span.type != "LOC" or not opens_quote(text, span.start):
        return span
    if text[span.end : span.end + 1] in {"»", '"', "”"}:
        return NamedSpan(span.start, span.end, "ORG", span.text, span.normal)
    return None


_BY = re.compile(r"\s+по\s+")


_NOTHING = re.compile("")


_OPENING_QUOTE = re.compile(r"[«\"“]")


_WORK_NOUNS = {"альбом", "песня", "сингл", "фильм", "книга", "роман", "спектакль", "клип", "трек", "сериал", "опера"}


_NO_REMIT = frozenset(
    {"делу", "итогам", "итогу", "словам", "данным", "обвинению", "подозрению", "факту", "поручению", "просьбе"}
    | {"требованию", "решению", "результатам", "причине", "мнению", "сообщению", "случаю", "поводу", "приказу"}
)
"""Words after "по" that say why or on what grounds, never what a body is for ("по делу", "по итогам", "по
словам"; "по делам беженцев" is a remit): an organisation's name does not go on over them."""


class _Tails:
    """The spans by where they start: the first one not a person's at each start, and where persons start."""

    def __init__(self, spans: list[NamedSpan]) -> None:
        self.not_person: dict[int, NamedSpan] = {}
        for span in spans:
            if span.type != "PER":
                self.not_person.setdefault(span.start, span)
        self.persons = {span.start for span in spans if span.type == "PER"}


def _with_tail(text: str, span: NamedSpan, spans: _Tails) -> NamedSpan:
    """An organisation's name goes on over a following place or organisation in the genitive
    ("Следственного комитета Армении", "Администрации Советского района Уфы") and over "по …"
    ("Европейского суда по правам человека", "Главное управление МВД по Нижегородской области")."""
    end = span.end
    for _ in range(3):
        following = spans.not_person.get(end + 1) if text[end : end + 1] == " " else None
        if following is None or not genitive(following.text):
            break
        end = following.end
    by = _BY.match(text, end)
    if by and (first := NAME_WORD.match(text, by.end())) and first.group() in _NO_REMIT:
        by = None  # "Минэнерго Кузбасса по делу о взятке": the case, no remit of the body
    if by:
        persons = spans.persons
        tail = by.end()
        named = [word for word in words(text).within(by.end(), by.end() + 80) if NAME_WORD.fullmatch(word.text)]
        for word in named[:5]:
            gap = text[tail : word.start]
            if (gap.strip() and tail != by.end()) or word.start in persons or not _dative_or_genitive(word.text):
                break
            tail = word.end
        if tail > by.end():
            end = tail
    if end == span.end:
        return span
    return NamedSpan(span.start, end, span.type, text[span.start : end], text[span.start : end])


def genitive(words: str) -> bool:
    last = words.split()[-1]
    if last.isupper():
        return True  # an abbreviation ("РФ", "США") does not decline
    return any(p.tag.case == "gent" for p in parses(last)[:3])


def _dative_or_genitive(word: str) -> bool:
    return word.isupper() or any(p.tag.case in {"datv", "gent", "loct"} for p in parses(word.lower())[:3])


def _with_head(text: str, span: NamedSpan) -> NamedSpan:
    """ "Красноярском" + "крае": an adjective place name takes the administrative noun that follows it."""
    head = place_head().match(text, span.end)
    if head is None or span.text[-2:] not in {"ом", "ой", "ий", "ая", "ую", "ый", "го", "ей"}:
        return span
    end = head.end()
    return NamedSpan(span.start, end, span.type, text[span.start : end], text[span.start : end])


_NAMED_AFTER = re.compile(
    r"\b(?:имени|им\.)\s*((?:[А-ЯЁ]\.[ \xa0]?){0,2}[А-ЯЁ][а-яё]+(?:[ \xa0]+(?:(?:ван|фон|де) )?[А-ЯЁ][а-яё]+)?)"
)


def _named_after(text: str, spans: list[NamedSpan]) -> list[NamedSpan]:
    """The person an institution is named after: "Институт имени А. М. Горького", "театр им. Шукшина", in the
    nominative (``genitive_name_nominative``); the NER's span of that name is given the nominative too."""
    found = []
    persons = {(s.start, s.end): index for index, s in enumerate(spans) if s.type == "PER"}
    for match in _NAMED_AFTER.finditer(text):
        start, end = match.span(1)
        name = match.group(1)
        normal = genitive_name_nominative(name)
        shorter = re.match(r"(.+[а-яё])\s+\S+\Z", name)  # a word, not an initial ("имени М. Тореза")
        if normal is None and shorter and (normal := genitive_name_nominative(shorter.group(1))) is not None:
            # "Театра имени Вахтангова Кирилл Крок": the next word is in the nominative, another person's name
            name, end = shorter.group(1), start + len(shorter.group(1))
        normal = normal or name
        if (start, end) not in persons:
            found.append(NamedSpan(start, end, "PER", name, normal))
        elif normal != name:
            spans[persons[(start, end)]] = replace(spans[persons[(start, end)]], normal=normal)
    return found


def _false_alarm(text: str, span: NamedSpan) -> bool:
    """Words the NER marks in NEREL train texts where the annotators saw no entity ("СМИ"), words that are
    mostly not annotated where they occur, names NEREL mostly gives to products, works, events or awards
    ("YouTube", "Грэмми"), titles of works in quotes ("альбом «The Fat of the Land»"), the person a disease
    is named after ("болезнь Паркинсона") and a legal form alone ("Банк ВТБ (ПАО)": NEREL train marks none of the
    23 it holds)."""
    if span.type == "ORG" and span.text in LEGAL_FORMS:
        return True
    quote = words(text).before(span.start, _OPENING_QUOTE, gap=_NOTHING)
    before = words(text).before(quote.start if quote else span.start, LOWER)
    if span.type == "ORG" and before and lemma(before.text) in _WORK_NOUNS:
        return True
    if span.type == "PER" and before and lemma(before.text) in {"болезнь", "синдром"}:
        return True
    entry = gazetteer().entry(span.text)
    if entry is None:
        return False
    if entry.seen >= 5 and entry.annotated_share < 0.3:
        return True
    alarms = entry.types.get("NONE", 0)
    if alarms >= 2 and alarms >= 0.7 * sum(entry.types.values()):
        return True
    other = sum(n for t, n in entry.types.items() if t in NOT_ENTITIES)
    return other >= 2 and other >= 0.7 * entry.named


def _retyped(span: NamedSpan) -> NamedSpan:
    """Give a span the type NEREL train nearly always gives these words ("Белого дома" is an organisation)."""
    entry = gazetteer().entry(span.text)
    if entry is None:
        return span
    total = entry.named
    kind, count = entry.main_type
    natasha = _NATASHA_OF.get(kind)
    if natasha is None or natasha == span.type or total < 3 or count / total < 0.7:
        return span
    return NamedSpan(span.start, span.end, natasha, span.text, span.normal)


def _governed(piece: NamedSpan) -> NamedSpan:
    """A name cut from the noun before it, in the nominative when it reads only as the noun's genitive ("Экс-советник
    Трампа": natasha read the two as one name in the nominative, so its normal form kept "Трампа").

    >>> _governed(NamedSpan(13, 19, "PER", "Трампа", "Трампа")).normal
    'Трамп'
    >>> _governed(NamedSpan(8, 14, "PER", "Лавров", "Лавров")).normal
    'Лавров'
    """
    if piece.normal != piece.text or any(
        p.tag.case == "nomn" and p.tag.grammemes & NAME_TAGS for w in piece.text.split() for p in parses(w.lower())
    ):
        return piece
    normal = genitive_name_nominative(piece.text)
    return piece if normal is None else replace(piece, normal=normal)
