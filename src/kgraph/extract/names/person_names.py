"""A person's name as the article writes it: the initials and first name the NER left out taken in, a woman's name
kept a woman's and one gender throughout, two names the NER ran together cut apart, a full name's surname found
again where it stands alone, a surname inside an organisation's name a person of its own.

>>> text = "Губернатор Марина Филипповна Ходорковская"
>>> spans = [NamedSpan(s, e, "PER", text[s:e], text[s:e]) for s, e in ((11, 28), (29, 41))]
>>> [s.text for s in with_surname(text, spans)]
['Марина Филипповна Ходорковская']
"""

import re
from collections.abc import Mapping, Sequence, Set
from dataclasses import replace

from ..links.linking import gazetteer
from ..spans import SpanIndex
from ..text.ner import NamedSpan
from ..text.normalise import key, name_forms, parses
from ..text.words import RUSSIAN, words
from .name_words import NAME_WORD, NOT_NAMES, hers_alone, in_own_quotes, no_name, no_name_part, opens_sentence, trim

_ONE_SPACE = re.compile(" ")


_CAPITALISED = re.compile(r"[А-ЯЁ][а-яё]+")


def genitive_name_nominative(name: str) -> str | None:
    """A person's name written in the genitive (after "имени") in the nominative, one gender throughout, initials
    kept; None when a word reads as no name's genitive.

    >>> genitive_name_nominative("Евгения Вахтангова"), genitive_name_nominative("Анны Ахматовой")
    ('Евгений Вахтангов', 'Анна Ахматова')
    >>> genitive_name_nominative("А. М. Горького"), genitive_name_nominative("Пушкин")
    ('А. М. Горький', None)
    >>> genitive_name_nominative("М.В. Ломоносова")
    'М.В. Ломоносов'
    """
    gender = None
    words = []
    for word in name.split():
        if len(word.rstrip(".")) == 1 or re.fullmatch(r"(?:[А-ЯЁA-Z]\.)+", word):  # "А.", "М.В."
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


def surnames_inside(spans: list[NamedSpan]) -> list[NamedSpan]:
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


def _with_first_name(text: str, span: NamedSpan, taken: SpanIndex | None = None) -> NamedSpan:
    """A name takes a capitalised word right before it that no dictionary or NEREL train knows and the NER
    left out ("Мейв Кеннеди"), or any first name before a patronymic ("Айдар Наилевич Губайдулин"); not a word the
    NER gave another name (`taken`: "директор аэропорта Толмачево Денис Ларин", "архиепископ Боготы Хесус …")."""
    before = words(text).before(span.start, _CAPITALISED, gap=_ONE_SPACE)
    if before is None or (before.start > 0 and re.match(r"[\w.-]", text[before.start - 1])):
        return span
    if taken is not None and taken.overlaps(before.start, before.end):
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
    >>> _as_her_verb_says("Кая Каллас заявила", NamedSpan(0, 10, "PER", "Кая Каллас", "Кай Каллас")).normal
    'Кая Каллас'
    """
    if span.normal == span.text:
        return span
    verb = _NEXT_WORD.match(text, span.end)
    if _her_verb_before(text, span):  # "…, сообщила генеральный продюсер «Кинотавра» Ситора Алиева."
        verb = None
    elif verb is None or not {"VERB", "past", "femn"} <= parses(verb.group(1))[0].tag.grammemes:
        return span
    then = words(text).after(verb.end(), RUSSIAN, gap=_ON_ONE_LINE) if verb else None
    if then and any({"nomn", "femn", "sing"} <= r.tag.grammemes for r in parses(then.text.lower())):
        return span  # "Мнение Александра Бурико поддержала компания": the verb's subject comes after it
    before = words(text).before(span.start, RUSSIAN, gap=_ON_ONE_LINE)
    if before and {"NOUN", "nomn", "femn", "sing"} <= parses(before.text.lower())[0].tag.grammemes:
        return span  # "Жена Александра Бурико отметила": the wife speaks, of a man named in the genitive
    named = NAME_WORD.findall(span.text) or [""]
    if hers_alone(named[-1]) and all(r.tag.gender == "masc" for r in parses(named[0].lower())):
        return replace(span, normal=span.text)  # "Кая Каллас заявила": a man's genitive would be "Калласа"
    for word in NAME_WORD.findall(span.text):
        readings = parses(word.lower())
        if not any(r.tag.case == "nomn" and r.tag.gender in ("femn", None) for r in readings):
            return span
    return replace(span, normal=span.text)


_WOMANS_SURNAME = re.compile(r"(?:ова|ева|ёва|ина|ына)\Z")
"""The ending of a woman's Russian surname, which a man's genitive shares ("Абрамова")."""


_VERB_THEN_TITLE = re.compile(r"[,—–][^\S\n]*([а-яё]+)[^\S\n]+[^\n,.;:!?\"]{0,120}\Z")
"""A clause's first word after a comma or a dash, and the words from it to a name ("…, сообщила генеральный продюсер
«Кинотавра» "): a lead statement's verb before who said it."""


def _her_verb_before(text: str, span: NamedSpan) -> bool:
    """Whether a name ends its sentence after a verb in the feminine past that opens its clause: she said it
    ("…, сообщила генеральный продюсер «Кинотавра» Ситора Алиева.").

    >>> text = "Показы посетили зрители, сообщила продюсер «Кинотавра» Ситора Алиева."
    >>> _her_verb_before(text, NamedSpan(55, 68, "PER", "Ситора Алиева", "Ситор Алиев"))
    True
    """
    if not re.match(r"[^\S\n]*[.!?]", text[span.end : span.end + 3]):
        return False
    clause = _VERB_THEN_TITLE.search(text, max(0, span.start - 160), span.start)
    return clause is not None and {"VERB", "past", "femn"} <= parses(clause.group(1))[0].tag.grammemes


def _one_gender(span: NamedSpan) -> NamedSpan:
    """A name of two words normalised to a man's first name and a woman's surname made one man's: the surname as
    written read as a man's in the genitive ("предпринимателя Яна Абрамова" was "Ян Абрамова"; it is "Ян Абрамов").

    >>> _one_gender(NamedSpan(0, 12, "PER", "Яна Абрамова", "Ян Абрамова")).normal
    'Ян Абрамов'
    >>> _one_gender(NamedSpan(0, 12, "PER", "Анна Петрова", "Анна Петрова")).normal
    'Анна Петрова'
    >>> _one_gender(NamedSpan(0, 13, "PER", "Игоря Дивеева", "Игорь Дивеева")).normal
    'Игорь Дивеев'
    """
    parts = span.normal.split()
    if len(parts) != 2 or not _WOMANS_SURNAME.search(parts[1]):
        return span
    first = [r for r in parses(parts[0].lower()) if "Name" in r.tag and r.tag.case == "nomn"]
    if not first or first[0].tag.gender != "masc":
        return span
    his = [r for r in parses(parts[1].lower()) if {"Surn", "masc", "gent"} <= r.tag.grammemes]
    nominative = his[0].inflect({"nomn"}) if his else None
    if nominative is None:  # a surname the dictionary does not know ("Дивеева"): a Russian man's ends without "-а"
        return replace(span, normal=f"{parts[0]} {parts[1][:-1]}")
    his_name = "-".join(part[:1].upper() + part[1:] for part in str(nominative.word).split("-"))
    return replace(span, normal=f"{parts[0]} {his_name}")


def patronymic(word: str) -> bool:
    """Whether a word is a Russian patronymic ("Наилевич", "Филипповна")."""
    return re.search(r"(?:ович|евич|ич|овна|евна|ична|инична)$", word) is not None and any(
        "Patr" in p.tag for p in parses(word.lower())
    )


def two_names(
    text: str,
    span: NamedSpan,
    surnames: Set[str] = frozenset(),
    alone: Set[str] = frozenset(),
    named: Mapping[str, int] | None = None,
    full: Sequence[tuple[str, str]] = (),
) -> list[NamedSpan]:
    """A first name, a patronymic and a surname are a whole Russian name: more words after them are another
    name the NER ran on into ("Сергей Анатольевич Лебедев Путин назначил"); so is a first name and a surname
    after a word that is no first name (``_a_name_after_a_surname``), that word a mention of its own when it may
    be one of the article's `surnames` ("адвокат Кляйна Сергей Рябов" beside "Ивана Кляйна"), else no person's
    ("Росимущества Егор Поляков"); so is a name after a relative's name the article also writes `alone`
    (``_relative_s_name``: "сын Кэтрин Жермен Джексон", Кэтрин's son Жермен Джексон; "сын Акихито Нарухито"); so
    are two words that are the surnames of two of the article's `full` names, the first in another case
    (``_two_surnames``: "После свержения Маркоса Акино стала президентом").

    >>> text = "Сергей Анатольевич Лебедев Путин назначил"
    >>> [s.text for s in two_names(text, NamedSpan(0, 32, "PER", text[:32], text[:32]))]
    ['Сергей Анатольевич Лебедев', 'Путин']
    >>> text = "другой сын Кэтрин Жермен Джексон"
    >>> [s.text for s in two_names(text, NamedSpan(11, 32, "PER", text[11:], text[11:]), alone={"кэтрин"})]
    ['Кэтрин', 'Жермен Джексон']
    """
    words = list(NAME_WORD.finditer(span.text))
    if (
        span.type == "PER"
        and 2 <= len(words) <= 3
        and _relative_s_name(text, span, [w.group() for w in words], alone, named or {})
    ):
        cut = 1
    elif span.type == "PER" and len(words) == 2 and _two_surnames([w.group() for w in words], full, named or {}, span):
        cut = 1  # "свержения Маркоса Акино стала": Фердинанд Маркос, then Корасон Акино
    elif span.type == "PER" and len(words) == 3 and _a_name_after_a_surname([w.group() for w in words]):
        second = trim(text, span, span.start + words[1].start(), span.end)
        if not name_forms(words[0].group()) & surnames:
            return [second] if second is not None else []
        cut = 1  # "адвокат Кляйна Сергей Рябов": Кляйн's lawyer Сергей Рябов
    elif span.type != "PER" or len(words) < 4 or not patronymic(words[1].group()):
        return [span]
    else:
        cut = 3
    first = trim(text, span, span.start, span.start + words[cut - 1].end())
    second = trim(text, span, span.start + words[cut].start(), span.end)
    return [piece for piece in (first, second) if piece is not None]


RELATIVES = {
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
    gender = next((g for g, nouns in RELATIVES.items() if relative in nouns), None)
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


def _two_surnames(words: list[str], full: Sequence[tuple[str, str]], named: Mapping[str, int], span: NamedSpan) -> bool:
    """Whether two words of a person's span are the surnames of two other persons the article names in full (`full`:
    each full name's key and its surname), the first in another case than as written there, the span written once:
    "После свержения Маркоса Акино стала президентом" beside "Фердинанд Маркос" and "Корасон Акино".

    >>> full = [("корасон акино", "акино"), ("фердинанд маркос", "маркос")]
    >>> span = NamedSpan(0, 13, "PER", "Маркоса Акино", "Маркос Акино")
    >>> _two_surnames(["Маркоса", "Акино"], full, {}, span), _two_surnames(["Маркос", "Акино"], full, {}, span)
    (True, False)
    """
    own = key(span.text)
    if named.get(own, 0) > 1:
        return False
    first = name_forms(words[0])
    of_first = {name for name, surname in full if name != own and surname in first}
    as_written = words[1].lower().replace("ё", "е")
    of_second = {name for name, surname in full if name != own and surname == as_written}
    inflected = words[0].lower().replace("ё", "е") not in {surname for name, surname in full if name in of_first}
    # one full name for each word, the second written as there: "Франклина Рузвельта" beside "Теодор Рузвельт" and
    # "Бенджамин Франклин" is Franklin Roosevelt
    return len(of_first) == 1 and len(of_second) == 1 and not of_first & of_second and inflected


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
    >>> _a_name_after_a_surname(["Карлос", "Артур", "Нузман"]), _a_name_after_a_surname(["Косенкова", "Игорь", "Белов"])
    (False, True)
    """
    first, given, last = (word.lower() for word in words)
    readings = parses(first)
    # a man's surname in the genitive, though pymorphy3 reads it first as a place ("Косенкова Игорь Белов")
    genitive = any("Surn" in p.tag and "masc" in p.tag and p.tag.case in ("gent", "accs") for p in readings)
    return (
        (readings[0].tag.case not in (None, "nomn") or genitive)  # "Карлос Артур Нузман", "Кари Юсеф Ахмади" stay
        and not any("Name" in p.tag for p in readings)
        and any("Name" in p.tag and p.tag.case == "nomn" and p.is_known for p in parses(given))
        and not any("Patr" in p.tag for p in parses(last))  # in any case: "Соловьева Александра Васильевича"
    )


def with_surname(text: str, spans: list[NamedSpan]) -> list[NamedSpan]:
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
    """A surname takes the initials written before it: "Дж.Коми", "А. Санько", "В. М. Шукшина"; its normal form is
    the initials and the surname's ("направлено А.В. Луначарскому": А.В. Луначарский).

    >>> text = "Письмо направлено А.В. Луначарскому."
    >>> _with_initials(text, NamedSpan(23, 35, "PER", "Луначарскому", "Луначарский")).normal
    'А.В. Луначарский'
    """
    initials = _INITIALS.search(text[max(0, span.start - 10) : span.start])
    if initials is None:
        return span
    start = span.start - len(initials.group())
    if start > 0 and text[start - 1].isalnum():
        return span
    return NamedSpan(start, span.end, span.type, text[start : span.end], text[start : span.start] + span.normal)


_WORDS = NOT_NAMES | {"CONJ", "PREP", "INTJ"}
"""What a word right before a lone surname may be for the surname to stand alone: a word that is no name in any
reading and no noun ("Ранее Макрон заявил", "Однако Песков уточнил")."""


def repeated_surnames(
    text: str, persons: Sequence[tuple[str, Sequence[tuple[int, int]]]]
) -> list[tuple[int, int, int]]:
    """A full name's surname standing alone elsewhere ("Машков:" in a headline, "Собянин принял") is that person.

    `persons` are the labels and mention offsets of the persons found; returns (person index, start, end) for each
    lone surname that only one of them has, outside the mentions already found, not next to another capitalised
    word (a longer name the NER missed is not cut to its surname; a word before it that is no part of a name, as a
    sentence's first "Тело" in "Тело Флинта", or an adverb, as "Ранее Макрон", does not count) and not a title in
    quotes of its own («Оппенгеймер»).

    >>> text = "Машков: «Роль мечты»\\nВладимир Машков сыграл."
    >>> repeated_surnames(text, [("Владимир Машков", [(21, 36)])])
    [(0, 0, 6)]
    >>> repeated_surnames("Кит Флинт умер.\\nТело Флинта нашли.", [("Кит Флинт", [(0, 9)])])
    [(0, 21, 27)]

    A surname that two persons may have, as written or in another case form, is left to neither:
    >>> text = "Виктор Лапин умер. Осталась жена Нина Лапина. Похоронят Лапина в Москве."
    >>> repeated_surnames(text, [("Виктор Лапин", [(0, 12)]), ("Нина Лапина", [(33, 44)])])
    []
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
        # "Лапина" is the wife Нина Лапина's surname as written and her husband Виктор Лапин's in the genitive: both
        whose = owners.get(word.text, set()) | owners.get(key(word.text), set())
        start, end = word.start, word.end
        if not whose or len(whose) != 1 or taken.covers(start, end):
            continue
        if in_own_quotes(text, start, end):
            continue  # «Оппенгеймер»: a film's title, not the person
        beside = [w for w in names[max(0, position - 1) : position + 2] if w is not word]
        beside = [
            w
            for w in beside
            if not (w.end <= start and (no_name_part(w.text, opens_sentence(text, w.start)) or no_name(w.text, _WORDS)))
        ]
        if any(w.text[:1].isupper() and text[min(w.end, end) : max(w.start, start)] == " " for w in beside):
            continue
        found.append((next(iter(whose)), start, end))
    return found


_INITIALS_AND_SURNAME = re.compile(r"((?:[А-ЯЁ]\.[ \xa0]?){1,2})([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)")


def _initials_surname_nominative(span: NamedSpan) -> NamedSpan:
    """Initials and a surname the NER left in an oblique case, its surname in the nominative: "А.В. Луначарскому" is
    А.В. Луначарский; a surname that may be a nominative as written ("М.В. Ломоносова", a woman's too) stays.

    >>> _initials_surname_nominative(NamedSpan(0, 17, "PER", "А.В. Луначарскому", "А.В. Луначарскому")).normal
    'А.В. Луначарский'
    """
    found = _INITIALS_AND_SURNAME.fullmatch(span.normal)
    if found is None:
        return span
    readings = [p for p in parses(found.group(2).lower()) if "Surn" in p.tag and p.tag.number != "plur"]
    if not readings or any(p.tag.case == "nomn" for p in readings) or len({p.tag.gender for p in readings}) != 1:
        return span
    form = readings[0].inflect({"nomn"})
    return span if form is None else replace(span, normal=found.group(1) + str(form.word).capitalize())


def as_person_named(text: str, span: NamedSpan, taken: SpanIndex | None = None) -> NamedSpan:
    """A person's name with the initials and the first name the NER left out before it (``_with_initials``,
    ``_with_first_name``; not a word of another name, `taken`), a woman's name a woman's (``_as_her_verb_says``)
    and one gender throughout (``_one_gender``)."""
    named = _with_first_name(text, _with_initials(text, span), taken)
    return _one_gender(_as_her_verb_says(text, _initials_surname_nominative(named)))
