"""The words of a name: which of them may open or end one, and a named span cut to some of its words.

The rules that repair the NER's spans (``mentions``, ``person_names``, ``known_names``) ask these.

>>> no_name_part("Актриса", opens_sentence=True), no_name_part("Камерон", opens_sentence=False)
(True, False)
"""

import re

from ..links.linking import gazetteer
from ..text.ner import NamedSpan
from ..text.normalise import NAME_TAGS, common_noun, parses
from ..text.words import words


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


NAME_WORD = re.compile(r"[А-Яа-яЁёA-Za-z]+(?:[-’'][А-Яа-яЁёA-Za-z]+)*")


NOT_NAMES = {"VERB", "INFN", "PRTF", "PRTS", "GRND", "ADJF", "ADJS", "COMP", "NUMR", "ADVB", "NPRO", "PRED", "PRCL"}
"""The parts of speech of a dictionary word that is no name (``no_name``)."""


_LEADS = {"VERB", "INFN", "PRTF", "ADJF"}
"""What a word before a name may be to be left out of it: short forms are left in, as a name may read as one
("Серена" as the participle of "серить")."""


def title_word(word: str) -> bool:
    """A word NEREL train almost always marks as a title ("Император", "Папа", "Принц"), not as part of a name."""
    entry = gazetteer().entry(word)
    if entry is None:
        return False
    return entry.named >= 3 and entry.types.get("PROFESSION", 0) >= 0.8 * entry.named


def no_name(word: str, kinds: set[str] = NOT_NAMES) -> bool:
    """A dictionary word that is no name in any reading: a verb, participle or adjective capitalised at a
    sentence's start ("Надеюсь", "Обвиняемый", "Верхняя"); "Толстой" or "Ли" are names too. `kinds`: the parts
    of speech its likeliest reading may be."""
    analyses = parses(word.lower())
    if not analyses[0].is_known or analyses[0].tag.POS not in kinds:
        return False
    return not any(p.tag.grammemes & NAME_TAGS for p in analyses)


def no_name_part(word: str, opens_sentence: bool, after: str = "") -> bool:
    """Whether a name's first word is no part of it: a word that is no name in any reading ("Восьмидесятилетний
    Маккейн", "Отрешить Соловьева"), or where a sentence begins, a common noun, also after a prefix
    ("Экс-советник Трампа"); mid-sentence, "актриса Камерон Диас" shows that "Камерон" is part of the name. A
    thing's noun that agrees with the surname `after` it is a given name all the same ("Мирра Андреева обыграла …":
    myrrh to pymorphy3; not "Тело Флинта").

    >>> no_name_part("Мирра", True, "Андреева"), no_name_part("Тело", True, "Флинта")
    (False, True)
    >>> no_name_part("Экс-советник", True, "Трампа"), no_name_part("Роман", True, "Евгения")
    (True, True)
    """
    if no_name(word, _LEADS):
        return True
    if opens_sentence and after and _thing_before_a_given_name(word, after):
        return True  # "Роман Евгения Водолазкина «Чагин-2»": the novel of Евгений Водолазкин
    if opens_sentence and after and "-" not in word and _given_like_a_thing(word, after):
        return False  # not "Экс-советник Трампа": a title's noun, guessed a thing with its prefix
    return opens_sentence and (common_noun(word) or ("-" in word and common_noun(word.rsplit("-", 1)[1])))


def _thing_before_a_given_name(word: str, after: str) -> bool:
    """Whether a word read first as a thing's noun ("роман", a novel) comes before a given name read first in another
    case (a surname or a patronymic follows a given name: "Вера Звонарёва", "Роман Абрамович"; "Ар Келли" is one
    name).

    >>> _thing_before_a_given_name("Роман", "Евгения"), _thing_before_a_given_name("Вера", "Звонарёва")
    (True, False)
    >>> _thing_before_a_given_name("Ар", "Келли"), _thing_before_a_given_name("Юкия", "Амано")
    (False, False)
    """
    first, given = parses(word.lower())[0], parses(after.lower())[0]
    thing = first.is_known and first.tag.POS == "NOUN" and "inan" in first.tag and not NAME_TAGS & first.tag.grammemes
    return thing and given.is_known and "Name" in given.tag and given.tag.case not in (None, "nomn")


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


def trim(text: str, span: NamedSpan, start: int, end: int) -> NamedSpan | None:
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


_OPENING_QUOTES = frozenset('«"„“')
_CLOSING_QUOTES = frozenset('»"“”')


def in_own_quotes(text: str, start: int, end: int) -> bool:
    """Whether the words of `text` from `start` to `end` stand in quotes of their own («Оппенгеймер», «Кристиан
    Диор»): a title or a brand, not a person.

    >>> in_own_quotes("фильм «Оппенгеймер»", 7, 18), in_own_quotes("Оппенгеймер", 0, 11)
    (True, False)
    """
    return text[start - 1 : start] in _OPENING_QUOTES and text[end : end + 1] in _CLOSING_QUOTES and start > 0


def opens_quote(text: str, start: int) -> bool:
    """Whether a word stands right after an opening quotation mark."""
    return start > 0 and text[start - 1] in {"«", "“", '"'} and (start == 1 or not text[start - 2].isalnum())


def opens_sentence(text: str, start: int) -> bool:
    """Whether a word stands where any word is capitalised; mid-sentence, "актриса Камерон Диас" shows that
    a capitalised dictionary word ("Камерон") is part of the name, not a title before it."""
    before = words(text).before(start, gap=_ANY_SPACE)
    return before is None or "\n" in before.gap or before.text[-1] in '.!?…«"“(:—–-#'  # "# ": a headline opens


_ANY_SPACE = re.compile(r"\s*")


def hers_alone(surname: str) -> bool:
    """Whether a surname written so is a woman's: a man's would decline here, and the dictionary reads it as a man's
    in the nominative only ("Каллас", "Харрис"), so a first name before it read as a man's genitive ("Кая", which
    pymorphy3 knows only as Кай's) is hers as written.

    >>> hers_alone("Каллас"), hers_alone("Сечина"), hers_alone("Бурико")
    (True, False, False)
    """
    readings = parses(surname.lower())
    return not any(r.tag.case != "nomn" and r.tag.gender == "masc" for r in readings) and any(
        "Fixd" in r.tag and r.tag.gender == "femn" for r in readings
    )
