"""Mention repair: what the flat NER gets wrong at the edges, and a surname repeated alone.

natasha's spans sometimes run over a line break, take a title ("Император Акихито") or a parenthesised
original ("Джей Зи (Jay Z)") into a name, or give a known organisation the type of a place (what NEREL train
knows finds the rest: ``known_names``).

>>> [(s.text, s.type) for s in repair_spans("Кронпринц Нарухито\\nВерхняя", [NamedSpan(0, 26, "PER", "", "")])]
[('Нарухито', 'PER')]
"""

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import replace

from ..links.linking import LOCATION_TYPES, NOT_ENTITIES, gazetteer
from ..places.nouns import head as place_head
from ..spans import SpanIndex
from ..text.ner import NamedSpan
from ..text.normalise import NAME_TAGS, common_noun, key, lemma, name_forms, parses
from ..text.words import LOWER, RUSSIAN, words

_LEGAL_FORMS = re.compile(r"^(?:(?:ООО|ЗАО|ОАО|ПАО|АО|НАО|УК|НКО|ФГУП|ГУП|МУП|ФГБУ|ГБУ|РГТРК|ТОО|ИП)\s+)+[«\"“]")
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


def nominative_name(word: str) -> bool:
    """Whether a word is a name read first as a nominative and never as a genitive singular: "Виталий" (whose
    genitive reading is a plural, "Виталий" of "Виталия"), not "Медведева", nor "Франсуа", which is every case.

    >>> nominative_name("Виталий"), nominative_name("Медведева"), nominative_name("Франсуа")
    (True, False, False)
    """
    readings = parses(word.lower())
    names = [reading for reading in readings if reading.tag.grammemes & NAME_TAGS]
    return (
        bool(names)
        and names[0].tag.case == "nomn"
        and not any(reading.tag.case in ("gent", "gen2") and reading.tag.number != "plur" for reading in readings)
    )


def _people(word: str) -> bool:
    """Whether a word is a plural noun of people ("учёные", "сотрудники"), no name: NEREL train has 283
    organisations right after one and a single organisation's name that starts with one."""
    readings = parses(word.lower())[:2]
    return any({"NOUN", "plur", "anim"} <= reading.tag.grammemes for reading in readings) and not any(
        reading.tag.grammemes & NAME_TAGS for reading in readings
    )


_NATASHA_OF = {"PERSON": "PER", "ORGANIZATION": "ORG", "FACILITY": "LOC", **{t: "LOC" for t in LOCATION_TYPES}}
NAME_WORD = re.compile(r"[А-Яа-яЁёA-Za-z]+(?:[-’'][А-Яа-яЁёA-Za-z]+)*")


_NOT_NAMES = {"VERB", "INFN", "PRTF", "PRTS", "GRND", "ADJF", "ADJS", "COMP", "NUMR", "ADVB", "NPRO", "PRED", "PRCL"}
_LEADS = {"VERB", "INFN", "PRTF", "ADJF"}
"""What a word before a name may be to be left out of it: short forms are left in, as a name may read as one
("Серена" as the participle of "серить")."""


def _title(word: str) -> bool:
    """A word NEREL train almost always marks as a title ("Император", "Папа", "Принц"), not as part of a name."""
    entry = gazetteer().entry(word)
    if entry is None:
        return False
    return entry.named >= 3 and entry.types.get("PROFESSION", 0) >= 0.8 * entry.named


def _no_name(word: str, kinds: set[str] = _NOT_NAMES) -> bool:
    """A dictionary word that is no name in any reading: a verb, participle or adjective capitalised at a
    sentence's start ("Надеюсь", "Обвиняемый", "Верхняя"); "Толстой" or "Ли" are names too. `kinds`: the parts
    of speech its likeliest reading may be."""
    analyses = parses(word.lower())
    if not analyses[0].is_known or analyses[0].tag.POS not in kinds:
        return False
    return not any(p.tag.grammemes & NAME_TAGS for p in analyses)


def _no_name_part(word: str, opens_sentence: bool, after: str = "") -> bool:
    """Whether a name's first word is no part of it: a word that is no name in any reading ("Восьмидесятилетний
    Маккейн", "Отрешить Соловьева"), or where a sentence begins, a common noun, also after a prefix
    ("Экс-советник Трампа"); mid-sentence, "актриса Камерон Диас" shows that "Камерон" is part of the name. A
    thing's noun that agrees with the surname `after` it is a given name all the same ("Мирра Андреева обыграла …":
    myrrh to pymorphy3; not "Тело Флинта").

    >>> _no_name_part("Мирра", True, "Андреева"), _no_name_part("Тело", True, "Флинта")
    (False, True)
    """
    if _no_name(word, _LEADS):
        return True
    if opens_sentence and after and _given_like_a_thing(word, after):
        return False
    return opens_sentence and (common_noun(word) or ("-" in word and common_noun(word.rsplit("-", 1)[1])))


def _given_like_a_thing(word: str, surname: str) -> bool:
    """Whether an inanimate noun may be a given name before `surname`: the two agree in case and gender as a
    surname's reading."""
    things = [p.tag for p in parses(word.lower()) if p.tag.POS == "NOUN" and "inan" in p.tag]
    surnames = [p.tag for p in parses(surname.lower()) if "Surn" in p.tag]
    return any(t.case == s.case and t.gender == s.gender for t in things for s in surnames)


def without_stray_quote(text: str, start: int, end: int) -> tuple[int, int]:
    """start..end less a straight quote at either end that no other quote within it pairs with (NEREL train's
    mentions never keep one: 'короля поп-музыки"' is "короля поп-музыки"), or with the quote right after it that
    closes one opened within it (train's mentions close such a quote 54 times in 56: 'глава "Движения за перемены"').

    >>> text = 'звали "короля поп-музыки" давно'
    >>> start, end = without_stray_quote(text, 7, 25)
    >>> text[start:end]
    'короля поп-музыки'
    >>> text = 'сказал президент России "'
    >>> text[slice(*without_stray_quote(text, 7, 25))]
    'президент России'
    >>> text = 'глава "Движения за перемены" заявил'
    >>> text[slice(*without_stray_quote(text, 0, 27))]
    'глава "Движения за перемены"'
    """
    if text[start:end].count('"') % 2:
        if text[start] == '"':
            start += 1
        elif text[end - 1] == '"':
            end -= 1
        elif text[end : end + 1] == '"':
            return start, end + 1
        start, end = _without_spaces(text, start, end)  # 'президент России "': no space left at either end
    return start, end


def _without_spaces(text: str, start: int, end: int) -> tuple[int, int]:
    """start..end less the spaces at either end."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _trim(text: str, span: NamedSpan, start: int, end: int) -> NamedSpan | None:
    while start < end and not text[start].isalnum() and text[start] not in '«"$£':
        start += 1
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in '»"':
        end -= 1
    if end > start and text[start:end].count("«") != text[start:end].count("»"):
        start += text[start] == "«"
        end -= text[end - 1] == "»"
        start, end = _without_spaces(text, start, end)  # "директор Вчера »": no space left behind the guillemet
    if end > start:
        start, end = without_stray_quote(text, start, end)  # 'МНКТ"', the legal form of 'ООО "МНКТ"' cut off
    if end <= start:
        return None
    if (start, end) == (span.start, span.end):
        return NamedSpan(start, end, span.type, text[start:end], span.normal)
    return NamedSpan(start, end, span.type, text[start:end], _normal_piece(text, span, start, end))


_TOKEN = re.compile(r"\S+")


def _normal_piece(text: str, span: NamedSpan, start: int, end: int) -> str:
    """The normal form of the piece `start`-`end` of `span`: natasha normalises a name word by word, so a word
    wholly inside the piece keeps its normal form ("Арлена Спектера (Arlen Specter)" is normalised as "Арлена
    Спектер (Arlen Specter)", its piece "Арлена Спектера" as "Арлена Спектер"); the words as written when the
    normal form has another number of words.

    >>> text = "Сменит Арлена Спектера (Arlen Specter)"
    >>> span = NamedSpan(7, 38, "PER", text[7:], "Арлена Спектер (Arlen Specter)")
    >>> _normal_piece(text, span, 7, 22), _normal_piece(text, span, 24, 37)
    ('Арлена Спектер', 'Arlen Specter')
    """
    said = text[span.start : span.end]
    written = list(_TOKEN.finditer(said))
    normal = _TOKEN.findall(span.normal)
    if len(written) != len(normal):
        return text[start:end]
    parts, at = [], start - span.start
    for word, form in zip(written, normal, strict=True):
        if word.start() >= at and word.end() <= end - span.start:
            parts += [said[at : word.start()], form]
            at = word.end()
    return "".join(parts) + said[at : end - span.start]


_LAST_BRACKET = re.compile(r"\(([^()]++)\)?\s*+$")
"""A bracketed name ending a line: what it holds, then at most its closing bracket and spaces."""


_STREET_BEFORE = re.compile(
    r"(?<![А-ЯЁа-яё])(?:улиц(?:а|ы|е|у|ей|ею)|проспект(?:а|у|е|ом)?|переул(?:ок|ка|ку|ке|ком)|бульвар(?:а|у|е|ом)?"
    r"|набережн(?:ая|ой|ую)|проезд(?:а|у|е|ом)?)[^\S\n]+\Z",
    re.IGNORECASE,
)
"""A street's noun in the singular right before a name: "улице Малышева", "проспекте Мира" (not "на улицах Газы":
the streets of a place)."""
_FORMER_ONE = re.compile(r"[Ээ]кс-[а-яё]+")
"""One word for one who held an office before: "Экс-замминистра", "экс-губернатора"."""


def repair_spans(text: str, spans: Iterable[NamedSpan]) -> list[NamedSpan]:
    """Split spans at line breaks and "name (original)", drop a leading title, keep a quoted name alone."""
    repaired: list[NamedSpan] = []
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
            piece = _trim(text, span, start, stop)
            if piece is None:
                continue
            if piece.type == "ORG" and _FORMER_ONE.fullmatch(piece.text):
                continue  # "Экс-замминистра приговорили": one who held an office, no body
            if piece.type == "ORG" and (legal := _LEGAL_FORMS.match(piece.text)):
                piece = _trim(text, span, piece.start + legal.end(), piece.end) or piece
            kind = _KIND_BEFORE_QUOTE.match(piece.text) if piece.type == "ORG" else None
            if kind and common_noun(kind.group(1)) and _opens_sentence(text, piece.start):  # "Компания «Аэрофлот»"
                piece = _trim(text, span, piece.start + kind.end(), piece.end) or piece
            if piece.type == "ORG" and (after := after_people(text, piece.start, piece.end)) > piece.start:
                piece = _trim(text, span, after, piece.end) or piece  # "Учёные МГУ": the scientists are not the body
            if (
                piece.type == "PER"
                and text[piece.start - 1 : piece.start] == "«"
                and text[piece.end : piece.end + 1] == "»"
            ):
                continue  # "телескоп «Джеймс Уэбб»", "партия «Нур Отан»": a title (NEREL train: a person 1 time in 12)
            if piece.type == "PER":
                piece = _one_gender(_as_her_verb_says(text, _with_first_name(text, _with_initials(text, piece))))
                lead = re.match(r"(?:\S*\d\S*|[а-яё]\S*)\s+", piece.text)
                if lead:
                    piece = _trim(text, span, piece.start + lead.end(), piece.end) or piece
                words = list(NAME_WORD.finditer(piece.text))
                if len(words) > 1 and _title(words[0].group()):
                    piece = _trim(text, span, piece.start + words[1].start(), piece.end) or piece  # "Папа Франциск"
                elif len(words) > 1 and _no_name_part(
                    words[0].group(), _opens_sentence(text, piece.start), words[1].group()
                ):
                    piece = _trim(text, span, piece.start + words[1].start(), piece.end) or piece
                elif len(words) == 1 and (common_noun(words[0].group()) or _no_name(words[0].group())):
                    continue
            if piece.type in ("LOC", "ORG"):
                lead = _PREPOSITION_BEFORE_NAME.match(piece.text)
                if lead:  # a headline's "Под Тверью автобус столкнулся …", "На Байкале запретили …"
                    piece = _trim(text, span, piece.start + lead.end(), piece.end) or piece
            if piece.type == "LOC" and _STREET_BEFORE.search(text, max(0, piece.start - 20), piece.start):
                continue  # "на улице Малышева": the street's name, not a place; the street is a facility's mention
            if piece.type == "LOC":
                tail = _PEOPLE_AFTER_PLACE.search(piece.text)
                if tail and _people_after(tail.group(1), tail.group(2)):
                    piece = _trim(text, span, piece.start, piece.start + tail.end(1)) or piece
                piece = _with_head(text, piece)
            repaired.append(piece)
    repaired = _with_surname(text, repaired)
    person_words = [NAME_WORD.findall(p.text) for p in repaired if p.type == "PER"]
    surnames = {form for w in person_words if w for form in name_forms(w[-1])}
    alone = {form for w in person_words if len(w) == 1 for form in name_forms(w[0])}
    named = Counter(key(p.text) for p in repaired if p.type == "PER")
    repaired = [piece for span in repaired for piece in _two_names(text, span, surnames, alone, named)]
    repaired.extend(_named_after(text, repaired))
    repaired.extend(_surnames_inside(repaired))
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


def opens_quote(text: str, start: int) -> bool:
    """Whether a word stands right after an opening quotation mark."""
    return start > 0 and text[start - 1] in {"«", "“", '"'} and (start == 1 or not text[start - 2].isalnum())


def _opens_sentence(text: str, start: int) -> bool:
    """Whether a word stands where any word is capitalised; mid-sentence, "актриса Камерон Диас" shows that
    a capitalised dictionary word ("Камерон") is part of the name, not a title before it."""
    before = words(text).before(start, gap=_ANY_SPACE)
    return before is None or "\n" in before.gap or before.text[-1] in '.!?…«"“(:—–-#'  # "# ": a headline opens


_BY = re.compile(r"\s+по\s+")
_ANY_SPACE = re.compile(r"\s*")
_ONE_SPACE = re.compile(" ")
_NOTHING = re.compile("")
_CAPITALISED = re.compile(r"[А-ЯЁ][а-яё]+")
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


def genitive_name_nominative(name: str) -> str | None:
    """A person's name written in the genitive (after "имени") in the nominative, one gender throughout, initials
    kept; None when a word reads as no name's genitive.

    >>> genitive_name_nominative("Евгения Вахтангова"), genitive_name_nominative("Анны Ахматовой")
    ('Евгений Вахтангов', 'Анна Ахматова')
    >>> genitive_name_nominative("А. М. Горького"), genitive_name_nominative("Пушкин")
    ('А. М. Горький', None)
    """
    gender = None
    words = []
    for word in name.split():
        if len(word.rstrip(".")) == 1:
            words.append(word)
            continue
        readings = [
            p
            for p in parses(word.lower())
            if p.tag.case == "gent"
            and p.tag.number == "sing"
            and {"Name", "Surn", "Patr"} & p.tag.grammemes
            and (gender is None or p.tag.gender == gender)
        ]
        form = readings[0].inflect({"nomn"}) if readings else None
        if form is None:
            return None
        gender = gender or readings[0].tag.gender
        words.append(str(form.word).capitalize() if word[:1].isupper() else str(form.word))
    return " ".join(words)


def _surnames_inside(spans: list[NamedSpan]) -> list[NamedSpan]:
    """A surname inside an organisation's name is a person too: "Института Пушкина", "театра им. Чехова"."""
    found = []
    persons = SpanIndex((s.start, s.end) for s in spans if s.type == "PER")
    for span in spans:
        if span.type != "ORG":
            continue
        words = list(NAME_WORD.finditer(span.text))
        for word in words[1:]:
            parse = parses(word.group())[0]
            start, end = span.start + word.start(), span.start + word.end()
            surname = "Surn" in parse.tag and parse.tag.case == "gent" and word.group()[:1].isupper()
            if surname and not persons.covers(start, end):
                normal = genitive_name_nominative(word.group()) or word.group()  # "Касперского": Касперский
                found.append(NamedSpan(start, end, "PER", word.group(), normal))
    return found


def _with_first_name(text: str, span: NamedSpan) -> NamedSpan:
    """A name takes a capitalised word right before it that no dictionary or NEREL train knows and the NER
    left out ("Мейв Кеннеди"), or any first name before a patronymic ("Айдар Наилевич Губайдулин")."""
    before = words(text).before(span.start, _CAPITALISED, gap=_ONE_SPACE)
    if before is None or (before.start > 0 and re.match(r"[\w.-]", text[before.start - 1])):
        return span
    word = before.text
    first_name = patronymic(span.text.split()[0]) and any("Name" in p.tag for p in parses(word.lower()))
    if not first_name and (parses(word.lower())[0].is_known or gazetteer().entry(word) is not None):
        return span
    start = before.start
    return NamedSpan(start, span.end, span.type, text[start : span.end], text[start : span.end])


_NEXT_WORD = re.compile(r"[^\S\n]*,?[^\S\n]*([а-яё]+)")
"""The word after a name, past a comma: its verb, if any."""
_ON_ONE_LINE = re.compile(r"[^\S\n]+")
"""What lies between two words of one line."""


def _as_her_verb_says(text: str, span: NamedSpan) -> NamedSpan:
    """A name a verb in the feminine past follows is a woman's, in the nominative as written, where the NER's
    normaliser read it as a man's in the genitive: "Александра Бурико отметила" is Александра Бурико (a surname
    that does not decline gave it no gender), not Александр.

    >>> text = "Глава правления банка Александра Бурико отметила рост."
    >>> start = text.index("Александра")
    >>> _as_her_verb_says(text, NamedSpan(start, start + 17, "PER", "Александра Бурико", "Александр Бурико")).normal
    'Александра Бурико'
    >>> text = "Жена Александра Бурико отметила рост."  # the wife's verb, of a man named in the genitive
    >>> _as_her_verb_says(text, NamedSpan(5, 22, "PER", "Александра Бурико", "Александр Бурико")).normal
    'Александр Бурико'
    """
    if span.normal == span.text:
        return span
    verb = _NEXT_WORD.match(text, span.end)
    if verb is None or not {"VERB", "past", "femn"} <= parses(verb.group(1))[0].tag.grammemes:
        return span
    then = words(text).after(verb.end(), RUSSIAN, gap=_ON_ONE_LINE)
    if then and any({"nomn", "femn", "sing"} <= r.tag.grammemes for r in parses(then.text.lower())):
        return span  # "Мнение Александра Бурико поддержала компания": the verb's subject comes after it
    before = words(text).before(span.start, RUSSIAN, gap=_ON_ONE_LINE)
    if before and {"NOUN", "nomn", "femn", "sing"} <= parses(before.text.lower())[0].tag.grammemes:
        return span  # "Жена Александра Бурико отметила": the wife speaks, of a man named in the genitive
    for word in NAME_WORD.findall(span.text):
        readings = parses(word.lower())
        if not any(r.tag.case == "nomn" and r.tag.gender in ("femn", None) for r in readings):
            return span
    return replace(span, normal=span.text)


_WOMANS_SURNAME = re.compile(r"(?:ова|ева|ёва|ина|ына)\Z")
"""The ending of a woman's Russian surname, which a man's genitive shares ("Абрамова")."""


def _one_gender(span: NamedSpan) -> NamedSpan:
    """A name of two words normalised to a man's first name and a woman's surname made one man's: the surname as
    written read as a man's in the genitive ("предпринимателя Яна Абрамова" was "Ян Абрамова"; it is "Ян Абрамов").

    >>> _one_gender(NamedSpan(0, 12, "PER", "Яна Абрамова", "Ян Абрамова")).normal
    'Ян Абрамов'
    >>> _one_gender(NamedSpan(0, 12, "PER", "Анна Петрова", "Анна Петрова")).normal
    'Анна Петрова'
    """
    parts = span.normal.split()
    if len(parts) != 2 or not _WOMANS_SURNAME.search(parts[1]):
        return span
    first = [r for r in parses(parts[0].lower()) if "Name" in r.tag and r.tag.case == "nomn"]
    if not first or first[0].tag.gender != "masc":
        return span
    his = [r for r in parses(parts[1].lower()) if {"Surn", "masc", "gent"} <= r.tag.grammemes]
    nominative = his[0].inflect({"nomn"}) if his else None
    if nominative is None:
        return span
    his_name = "-".join(part[:1].upper() + part[1:] for part in str(nominative.word).split("-"))
    return replace(span, normal=f"{parts[0]} {his_name}")


def patronymic(word: str) -> bool:
    """Whether a word is a Russian patronymic ("Наилевич", "Филипповна")."""
    return re.search(r"(?:ович|евич|ич|овна|евна|ична|инична)$", word) is not None and any(
        "Patr" in p.tag for p in parses(word.lower())
    )


def _two_names(
    text: str,
    span: NamedSpan,
    surnames: Set[str] = frozenset(),
    alone: Set[str] = frozenset(),
    named: Mapping[str, int] | None = None,
) -> list[NamedSpan]:
    """A first name, a patronymic and a surname are a whole Russian name: more words after them are another
    name the NER ran on into ("Сергей Анатольевич Лебедев Путин назначил"); so is a first name and a surname
    after a word that is no first name (``_a_name_after_a_surname``), that word a mention of its own when it may
    be one of the article's `surnames` ("адвокат Кляйна Сергей Рябов" beside "Ивана Кляйна"), else no person's
    ("Росимущества Егор Поляков"); so is a name after a relative's name the article also writes `alone`
    (``_relative_s_name``: "сын Кэтрин Жермен Джексон", Кэтрин's son Жермен Джексон; "сын Акихито Нарухито").

    >>> text = "Сергей Анатольевич Лебедев Путин назначил"
    >>> [s.text for s in _two_names(text, NamedSpan(0, 32, "PER", text[:32], text[:32]))]
    ['Сергей Анатольевич Лебедев', 'Путин']
    >>> text = "другой сын Кэтрин Жермен Джексон"
    >>> [s.text for s in _two_names(text, NamedSpan(11, 32, "PER", text[11:], text[11:]), alone={"кэтрин"})]
    ['Кэтрин', 'Жермен Джексон']
    """
    words = list(NAME_WORD.finditer(span.text))
    if (
        span.type == "PER"
        and 2 <= len(words) <= 3
        and _relative_s_name(text, span, [w.group() for w in words], alone, named or {})
    ):
        cut = 1
    elif span.type == "PER" and len(words) == 3 and _a_name_after_a_surname([w.group() for w in words]):
        second = _trim(text, span, span.start + words[1].start(), span.end)
        if not name_forms(words[0].group()) & surnames:
            return [second] if second is not None else []
        cut = 1  # "адвокат Кляйна Сергей Рябов": Кляйн's lawyer Сергей Рябов
    elif span.type != "PER" or len(words) < 4 or not patronymic(words[1].group()):
        return [span]
    else:
        cut = 3
    first = _trim(text, span, span.start, span.start + words[cut - 1].end())
    second = _trim(text, span, span.start + words[cut].start(), span.end)
    return [piece for piece in (first, second) if piece is not None]


_RELATIVES = {
    "masc": frozenset({
        "сын", "брат", "муж", "отец", "внук", "супруг", "вдовец", "племянник", "наследник", "преемник", "зять",
        "тесть", "свекор", "дядя", "кузен", "пасынок", "отчим",
    }),
    "femn": frozenset({
        "дочь", "сестра", "жена", "мать", "внучка", "супруга", "вдова", "племянница", "наследница", "невестка",
        "теща", "свекровь", "тетя", "кузина", "падчерица", "мачеха",
    }),
}  # fmt: skip
"""Nouns of kinship (ё written е) by the gender of the relative they name; each takes whose relative in the
genitive."""
_WORD_BEFORE = re.compile(r"([А-Яа-яЁё]+)[ \xa0]+$")


def _relative_s_name(text: str, span: NamedSpan, words: list[str], alone: Set[str], named: Mapping[str, int]) -> bool:
    """Whether a name's first word, right after a noun of kinship (not itself in the genitive), is whose relative
    the name that follows is, the first word being written alone elsewhere as a person's whole name: a first name of
    the other gender that does not decline and may be in the genitive ("сын Кэтрин Жермен Джексон": Кэтрин's son
    Жермен Джексон), or a name the dictionary does not know, before one word that is also written alone, the two
    never together elsewhere (`named`: how often each name key is a person's mention; "сын Акихито Нарухито"). "жена
    Мелания Трамп" stays one name, as do "супругу Мехрибан Алиеву" beside "Мехрибан Алиева" and "гибели мужа Корасон
    Акино" (the noun in the genitive: Corazon Aquino, after her husband's death)."""
    before = _WORD_BEFORE.search(text, max(0, span.start - 30), span.start)
    if before is None or not name_forms(words[0]) & alone:
        return False
    noun = parses(before.group(1).lower())[0]
    relative = str(noun.normal_form).replace("ё", "е")
    gender = next((g for g, nouns in _RELATIVES.items() if relative in nouns), None)
    if gender is None or noun.tag.case == "gent":
        return False
    readings = parses(words[0].lower())
    if any(
        "Name" in p.tag and "Fixd" in p.tag and p.tag.case == "gent" and p.tag.gender not in (None, gender)
        for p in readings
    ):
        return True
    return (
        len(words) == 2
        and not readings[0].is_known
        and not any("Name" in p.tag for p in readings)
        and bool(name_forms(words[1]) & alone)
        and named.get(key(span.text), 0) <= 1
    )


def _a_name_after_a_surname(words: list[str]) -> bool:
    """Whether three words are a word that is no first name and reads first in a case other than the nominative,
    then a first name in the nominative pymorphy3 knows and a word that is no patronymic: a surname or a body in
    the genitive and a person's name ("Кляйна Сергей Рябов", "Росимущества Егор Поляков"), where a
    name of three words opens with its first name ("Эрих Мария Ремарк") or ends with a patronymic ("Соловьёв
    Александр Васильевич").

    >>> _a_name_after_a_surname(["Кляйна", "Сергей", "Рябов"]), _a_name_after_a_surname(["Эрих", "Мария", "Ремарк"])
    (True, False)
    >>> _a_name_after_a_surname(["Соловьёв", "Александр", "Васильевич"]), _a_name_after_a_surname(["Ким", "Чен", "Ын"])
    (False, False)
    >>> _a_name_after_a_surname(["Карлос", "Артур", "Нузман"])
    False
    """
    first, given, last = (word.lower() for word in words)
    readings = parses(first)
    return (
        readings[0].tag.case not in (None, "nomn")  # "Карлос Артур Нузман", "Кари Юсеф Ахмади" stay
        and not any("Name" in p.tag for p in readings)
        and any("Name" in p.tag and p.tag.case == "nomn" and p.is_known for p in parses(given))
        and not any("Patr" in p.tag for p in parses(last))  # in any case: "Соловьева Александра Васильевича"
    )


def _with_surname(text: str, spans: list[NamedSpan]) -> list[NamedSpan]:
    """A name ending in a patronymic and a surname the NER split off right after it are one name ("Марина
    Филипповна" + "Ходорковская")."""
    joined: list[NamedSpan] = []
    for span in sorted(spans, key=lambda s: s.start):
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.type == span.type == "PER"
            and text[last.end : span.start] == " "
            and patronymic(last.text.split()[-1])
            and " " not in span.text
        ):
            joined[-1] = NamedSpan(
                last.start, span.end, "PER", text[last.start : span.end], text[last.start : span.end]
            )
        else:
            joined.append(span)
    return joined


_INITIALS = re.compile(r"(?:[А-ЯЁA-Z][а-яёa-z]?\.\s?){1,2}$")


def _with_initials(text: str, span: NamedSpan) -> NamedSpan:
    """A surname takes the initials written before it: "Дж.Коми", "А. Санько", "В. М. Шукшина"."""
    initials = _INITIALS.search(text[max(0, span.start - 10) : span.start])
    if initials is None:
        return span
    start = span.start - len(initials.group())
    if start > 0 and text[start - 1].isalnum():
        return span
    return NamedSpan(start, span.end, span.type, text[start : span.end], text[start : span.end])


def _false_alarm(text: str, span: NamedSpan) -> bool:
    """Words the NER marks in NEREL train texts where the annotators saw no entity ("СМИ"), words that are
    mostly not annotated where they occur, names NEREL mostly gives to products, works, events or awards
    ("YouTube", "Грэмми"), titles of works in quotes ("альбом «The Fat of the Land»") and the person a disease
    is named after ("болезнь Паркинсона")."""
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


_OPENING_QUOTES = frozenset('«"„“')
_CLOSING_QUOTES = frozenset('»"“”')


def repeated_surnames(
    text: str, persons: Sequence[tuple[str, Sequence[tuple[int, int]]]]
) -> list[tuple[int, int, int]]:
    """A full name's surname standing alone elsewhere ("Машков:" in a headline, "Собянин принял") is that person.

    `persons` are the labels and mention offsets of the persons found; returns (person index, start, end) for each
    lone surname that only one of them has, outside the mentions already found, not next to another capitalised
    word (a longer name the NER missed is not cut to its surname; a word before it that is no part of a name, as a
    sentence's first "Тело" in "Тело Флинта", does not count) and not a title in quotes of its own («Оппенгеймер»).

    >>> text = "Машков: «Роль мечты»\\nВладимир Машков сыграл."
    >>> repeated_surnames(text, [("Владимир Машков", [(21, 36)])])
    [(0, 0, 6)]
    >>> repeated_surnames("Кит Флинт умер.\\nТело Флинта нашли.", [("Кит Флинт", [(0, 9)])])
    [(0, 21, 27)]
    """
    owners: dict[str, set[int]] = {}
    for index, (label, spans) in enumerate(persons):
        parts = NAME_WORD.findall(label)
        if len(parts) < 2:
            continue
        surnames = {parts[-1]} | {found[-1] for s, e in spans if len(found := NAME_WORD.findall(text[s:e])) > 1}
        for surname in surnames:
            owners.setdefault(surname, set()).add(index)
            owners.setdefault(key(surname), set()).add(index)
    taken = SpanIndex((s, e) for _, spans in persons for s, e in spans)
    found = []
    names = words(text).matching(NAME_WORD)
    for position, word in enumerate(names):
        if not word.text[:1].isupper():
            continue
        whose = owners.get(word.text) or owners.get(key(word.text))
        start, end = word.start, word.end
        if not whose or len(whose) != 1 or taken.covers(start, end):
            continue
        if text[start - 1 : start] in _OPENING_QUOTES and text[end : end + 1] in _CLOSING_QUOTES:
            continue  # «Оппенгеймер»: a film's title, not the person
        beside = [w for w in names[max(0, position - 1) : position + 2] if w is not word]
        beside = [w for w in beside if not (w.end <= start and _no_name_part(w.text, _opens_sentence(text, w.start)))]
        if any(w.text[:1].isupper() and text[min(w.end, end) : max(w.start, start)] == " " for w in beside):
            continue
        found.append((next(iter(whose)), start, end))
    return found
