"""Entities from named-entity mentions: natasha's spans grouped (a person's full name and its surname alone),
typed (places by their kind), labelled and linked; organisations named in quotes or by adjectives.

>>> from kgraph.extract.text.ner import NamedSpan
>>> spans = [NamedSpan(0, 11, "PER", "Иван Петров", "Иван Петров"), NamedSpan(21, 27, "PER", "Петров", "Петров")]
>>> [(d.label, d.cls, len(d.mentions)) for d in entities_from_spans("Иван Петров приехал. Петров рад.", spans)]
[('Иван Петров', 'schema:Person', 2)]
"""

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from ...source import Span
from ..doc import Draft, class_for
from ..links.linking import LOCATION_TYPES, gazetteer
from ..places.nouns import is_head, is_strong_cue, shared_head
from ..places.types import (
    after_place,
    cue_after,
    cue_before,
    listed_name,
    listed_places,
    listed_type,
    location_type,
    with_shared_head,
)
from ..spans import SpanIndex
from ..text.ner import NamedSpan
from ..text.normalise import (
    CYRILLIC_WORD,
    common_noun,
    in_dictionary_form,
    key,
    lemma,
    may_be_nominative,
    name_forms,
    nominative_as_written,
    noun_phrase_nominative,
    parses,
    same_stem,
)
from ..text.words import LOWER, words
from .known_names import (
    adjective_place,
    adjective_place_name,
    after_currency,
    before_its_noun,
    is_adjective,
    named_by_adjective_alone,
)
from .name_words import hers_alone

# Organisation head nouns after which a quoted or capitalised name is the organisation's own name.
ORG_NOUNS = {
    "компания",
    "корпорация",
    "концерн",
    "холдинг",
    "консорциум",
    "банк",
    "фонд",
    "агентство",
    "академия",
    "университет",
    "институт",
    "партия",
    "клуб",
    "музей",
    "театр",
    "завод",
    "комбинат",
    "газета",
    "журнал",
    "телеканал",
    "радиостанция",
    "издательство",
    "ассоциация",
    "объединение",
    "общество",
    "движение",
    "организация",
    "группа",
    "команда",
    "фирма",
    "предприятие",
    "студия",
    "центр",
    "школа",
    "колледж",
    "госкорпорация",
    "авиакомпания",
    "союз",
    "служба",
    "ведомство",
    # companies named by what they do ("сервис доставки «Самокат»", "ритейлер «Магнит»"; NEREL train has one
    # quoted name after these words, a restaurant)
    "сервис",
    "маркетплейс",
    "ритейлер",
    "застройщик",
    "перевозчик",
    "оператор",
    "разработчик",
    "производитель",
    "стартап",
    "агрегатор",
    "медиахолдинг",
    "автоконцерн",
    "автопроизводитель",
}
# Heads after which adjectives alone make a name ("Каспийский трубопроводный консорциум").
_NAMED_BY_ADJECTIVES = {"консорциум", "корпорация", "концерн", "холдинг", "госкорпорация"}
# The head starts where a word does and never gives back letters or spaces (the next thing cannot be one): tried
# from every letter of a long word, it read the rest of the word each time (100k letters took minutes)
_QUOTED = re.compile(
    r"(?:(?<![А-Яа-яЁё])(?P<head>[А-Яа-яЁё]++(?:\s++[а-яё]++){0,2})\s++)?[«\"“](?P<name>[^«»\"“”\n]{2,80})[»\"”]"
)


_SENTENCE_END = re.compile(r"(?:^|[.!?…]|\n)[\s«\"“(—-]*$")
"""What comes before the first word of a sentence (or of the text)."""


def _no_place_word(text: str, span: NamedSpan) -> bool:
    """Whether natasha's one-word place is an ordinary word: a common noun opening a sentence ("Ракета-носитель
    стартовала …"), or an adjective going with the noun after it that names no place NEREL train or the lists of
    places know ("Мощное землетрясение", "в Восточной конференции") or one whose place is named by the adjective
    alone ("Октябрьской железной дороге": not the town Октябрьский, "в Октябрьском").

    >>> text = "Ракета-носитель стартовала. Клуб лидирует в Восточной конференции, в Московской области."
    >>> words = re.finditer(r"[А-Я][а-я-]+", text)
    >>> [_no_place_word(text, NamedSpan(w.start(), w.end(), "LOC", w.group(), "")) for w in words]
    [True, True, True, False]
    """
    word = span.text
    if not re.fullmatch(r"[А-ЯЁ][а-яё]+(?:-[а-яё]+)?", word):
        return False
    if named_by_adjective_alone(word, text, span.start):
        return True
    if gazetteer().entry(word) is not None or key(word) in listed_places():
        return False
    if common_noun(word):
        return bool(_SENTENCE_END.search(text[max(0, span.start - 40) : span.start]))
    if not is_adjective(word) or adjective_place(word, text, span.start) is not None:
        return False
    return before_its_noun(word, text, span.start)


def _person_groups(spans: list[NamedSpan]) -> dict[str, list[NamedSpan]]:
    """Person mentions grouped by full name; a lone surname or first name joins the full name that has it.

    >>> sorted(_person_groups([NamedSpan(0, 6, "PER", "", "Машков"), NamedSpan(9, 24, "PER", "", "Владимир Машков")]))
    ['Владимир Машков']
    """
    spans = _without_repeated_words(spans)
    groups: dict[str, list[NamedSpan]] = {}
    having: dict[str, list[int]] = {}  # a word -> the groups (by when they began) whose name has it
    names: list[str] = []
    began: dict[str, int] = {}  # where each group is first mentioned, of the names met so far
    # the groups that have all of some words are all begun before a name of that many words is met (names are met
    # longest first): a name met again is not looked for again, which made a thousand repeats of a name cost a
    # thousand searches (of those groups, the one first mentioned is chosen when the name is first met)
    first_having: dict[frozenset[str], str] = {}
    for span in sorted(spans, key=lambda s: -len(s.normal.split())):
        words = span.normal.split()
        # "Машков" and "Владимир Машков" join "Владимир Львович Машков": every word of the shorter name is in it
        if words:
            key_words = frozenset(words)
            if key_words not in first_having:
                first_having[key_words] = _first_having_all(having, names, began, set(words), span.normal)
            target = first_having[key_words]
            if target == span.normal and len(words) == 1 and target not in groups:
                target = _surname_of_one(names, span.text) or target
        else:
            target = names[0] if names else span.normal  # no word: in every name
        if target not in groups:
            names.append(target)
            for word in set(target.split()):
                having.setdefault(word, []).append(len(names) - 1)
        began[target] = min(began.get(target, span.start), span.start)
        groups.setdefault(target, []).append(span)
    return _lone_names_joined(groups)


_CASE_ENDINGS = ("а", "я", "у", "ю", "ом", "ем", "ём", "е")
"""What a man's name ending in a consonant adds in a case other than the nominative ("Мэддокс-а", "Буш-ем")."""
_RUSSIAN_SURNAME = ("ов", "ев", "ёв", "ин", "ын")
"""Endings of surnames whose form with "-а" is also a woman's nominative ("Петрова" beside "Петров")."""


def _a_nominative_too(base: str, word: str) -> bool:
    """Whether `word` ("-а" or "-я" added to `base`) may name someone else in the nominative: a woman's surname
    ("Петрова") or a name of its own in the dictionary ("Яна" beside "Ян", "Александра" beside "Александр")."""
    if base.lower().endswith(_RUSSIAN_SURNAME):
        return True
    return any(  # "Вивиана" beside "Вивиан": a feminine noun in the nominative, so maybe a woman's name
        {"nomn", "sing"} <= p.tag.grammemes and (p.tag.grammemes & {"Name", "Surn"} or p.tag.gender == "femn")
        for p in parses(word)
    )


def _lone_names_joined(groups: dict[str, list[NamedSpan]]) -> dict[str, list[NamedSpan]]:
    """The groups, a name that is another name of the text with a case ending on its last word joined to it:
    "Джоли отвезла Мэддокса" after "сын Джоли Мэддокс", "Андреаса Римкуса" beside "Андреас Римкус" (no dictionary has
    the surname, and natasha left it as written). Not when both could be nominatives ("Петрова" of a woman beside
    "Петров", "Яна" beside "Ян"; a man's first name before the surname says it is his), nor when the word could be
    another case of two such names.

    >>> sorted(_lone_names_joined({"Мэддокс": [], "Мэддокса": [NamedSpan(0, 8, "PER", "Мэддокса", "Мэддокса")]}))
    ['Мэддокс']
    >>> sorted(_lone_names_joined({"Петров": [], "Петрова": [NamedSpan(0, 7, "PER", "Петрова", "Петрова")]}))
    ['Петров', 'Петрова']
    >>> sorted(_lone_names_joined({"Ян": [], "Яна": [NamedSpan(0, 3, "PER", "Яна", "Яна")]}))
    ['Ян', 'Яна']
    >>> sorted(_lone_names_joined({"Андреас Римкус": [], "Андреас Римкуса": []}))
    ['Андреас Римкус']
    """
    names = {name.lower().replace("ё", "е"): name for name in groups}
    for lower, name in list(names.items()):
        bases = {
            names[lower[: -len(ending)]]
            for ending in _CASE_ENDINGS
            if lower.endswith(ending) and lower[: -len(ending)] in names and len(lower.split()[-1]) - len(ending) >= 3
        }
        if len(bases) != 1:
            continue
        (base,) = bases
        last, first = lower.split()[-1], lower.split()[0]
        if base not in groups:
            continue
        womans = last.endswith(("а", "я")) and _a_nominative_too(base.split()[-1], last)
        if womans and (" " not in lower or not _a_mans_name(first)):
            continue  # "Петрова" beside "Петров": maybe his wife
        groups[base].extend(groups.pop(name))
    return groups


def _a_mans_name(word: str) -> bool:
    """Whether a first name is only a man's ("Андреас", "Иван"; not "Саша")."""
    names = [p for p in parses(word) if "Name" in p.tag]
    return bool(names) and all(p.tag.gender == "masc" for p in names)


def _without_repeated_words(spans: list[NamedSpan]) -> list[NamedSpan]:
    """The spans, a name that writes a word twice in a row ("Максим Дадашев Дадашев", a slip of the article) as
    the name without the repeat when the article writes that name too (so "Гумберт Гумберт" alone stays).

    >>> [s.normal for s in _without_repeated_words([NamedSpan(0, 14, "PER", "", "Максим Дадашев"),
    ...                                             NamedSpan(20, 42, "PER", "", "Максим Дадашев Дадашев")])]
    ['Максим Дадашев', 'Максим Дадашев']
    """
    names = {span.normal for span in spans}
    fixed = []
    for span in spans:
        words = span.normal.split()
        once = " ".join(word for i, word in enumerate(words) if i == 0 or word != words[i - 1])
        fixed.append(replace(span, normal=once) if once != span.normal and once in names else span)
    return fixed


def _surname_of_one(names: list[str], written: str) -> str | None:
    """The one full name whose last word a lone surname may be in another case, as the article writes it
    ("Касперского" inside "Лаборатории Касперского" with "Евгений Касперский"; "Абрамова", which natasha puts in the
    masculine "Абрамов", with "Яна Абрамова"); None when no full name or more than one has it ("Лукашенко" of
    father and son).

    >>> _surname_of_one(["Евгений Касперский", "Наталья Касперская"], "Касперского")
    'Евгений Касперский'
    >>> _surname_of_one(["Александр Лукашенко", "Виктор Лукашенко"], "Лукашенко") is None
    True
    """
    forms = name_forms(written)
    fitting = [name for name in names if len(name.split()) > 1 and name.split()[-1].lower().replace("ё", "е") in forms]
    return fitting[0] if len(fitting) == 1 else None


def _first_having_all(
    having: dict[str, list[int]], names: list[str], began: dict[str, int], words: set[str], default: str
) -> str:
    """Of the group names that have every one of `words` (found among the groups that have the rarest of them),
    the one the text writes first ("Сиссе" after "Сумаила Сиссе" is he, not "Айссата Хайдара Сиссе", named later)."""
    rarest = min(words, key=lambda word: len(having.get(word, ())))
    fitting = [names[index] for index in having.get(rarest, ()) if words <= set(names[index].split())]
    return min(fitting, key=began.__getitem__) if fitting else default


def _of(word: str) -> bool:
    """Whether a word after a head noun says whose it is: a noun that may be a genitive, or a name in quotes."""
    if word[:1] in '«"':
        return True
    readings = parses(word.lower())
    return bool(readings) and readings[0].tag.POS == "NOUN" and any(r.tag.case == "gent" for r in readings)


def _singular_nominative(readings: Sequence[Any]) -> bool:
    """Whether a word may be a singular nominative (or a noun's nominative of no number)."""
    return any(r.tag.case == "nomn" and r.tag.number != "plur" for r in readings)


def _tail_as_written(words: str, normal: str) -> str:
    """natasha's normal form of a name up to its head noun, the words after the head as the text writes them:
    natasha puts every word in the nominative, a genitive tail too ("Совета Федерации" -> "Совет Федерация",
    "Национальной службы здравоохранения" -> "Национальная служба здравоохранение"). The head is the first word
    of the normal form that reads first as a noun and never as an adjective ("Главное управление"), or is written
    in capitals ("МВД России"); with none, or words the normal form does not match one for one, the normal form.

    >>> _tail_as_written("Национальной службы здравоохранения", "Национальная служба здравоохранение")
    'Национальная служба здравоохранения'
    >>> _tail_as_written("МВД России", "МВД Россия"), _tail_as_written("ФБР", "ФБР")
    ('МВД России', 'ФБР')
    >>> _tail_as_written("Уральской стали", "Уральская ставшие")
    'Уральская сталь'
    >>> _tail_as_written("Института языкознания АН СССР", "Института языкознания АН СССР")
    'Институт языкознания АН СССР'
    """
    written, normalised = words.split(), normal.split()
    if len(written) != len(normalised) or len(written) < 2:
        return normal
    if any(_made_a_verb(n, w) for n, w in zip(normalised, written, strict=True)):
        return noun_phrase_nominative(words)  # "Уральской стали" -> natasha's "Уральская ставшие"
    for index, word in enumerate(normalised):
        letters = word.strip("«»\"'()")
        readings = parses(letters.lower()) if letters else []
        noun = bool(readings) and readings[0].tag.POS == "NOUN" and not any(r.tag.POS == "ADJF" for r in readings)
        if index == 0 and noun and common_noun(letters) and not _singular_nominative(readings) and _of(written[1]):
            # natasha left the head as written: "Института языкознания", "Министерства обороны РФ" (a genitive
            # before a genitive or a name, not the plural "ministries"; "Дела общественные" is a party's name)
            return noun_phrase_nominative(words)
        if noun or (len(letters) > 1 and letters.isupper()):
            before = [word.lower() for word in normalised[:index] if CYRILLIC_WORD.fullmatch(word)]
            gender = parses(before[0])[0].tag.gender if len(before) == 1 else None
            plural = noun and not any(  # no reading is a singular nominative the adjective may go with
                r.tag.number == "sing" and r.tag.case == "nomn" and (not gender or r.tag.gender in (gender, None))
                for r in readings
                if r.tag.POS == "NOUN"
            )
            if (
                not all(map(same_stem, normalised[:index], written[:index]))
                or not all(map(may_be_nominative, before))
                or (plural and len(before) == 1 and _singular_adjective(before[0]))
            ):
                # "Высшее" is not "Высочайшее" (pymorphy3's "высокий"); natasha leaves a participle as written
                # ("Объединённой авиастроительная корпорация"), and gives "Кобяйский районы" for "(Горном и)
                # Кобяйском районах", "Ленинский округа" for "(Кировский и) Ленинский округа"
                return noun_phrase_nominative(words)
            return " ".join(normalised[: index + 1] + written[index + 1 :])
    return normal


_VERB_FORMS = frozenset({"VERB", "INFN", "PRTF", "PRTS", "GRND"})


def _made_a_verb(normal: str, written: str) -> bool:
    """Whether natasha's normal form of a written word that may be a noun is a verb's form: "стали" (steel, or
    "became") normalised as "ставшие"."""
    if normal.lower() == written.lower() or not CYRILLIC_WORD.fullmatch(written):
        return False
    return parses(normal.lower())[0].tag.POS in _VERB_FORMS and any("NOUN" in r.tag for r in parses(written.lower()))


def _singular_adjective(word: str) -> bool:
    """Whether a word reads as an adjective and never as a plural ("кобяйский"; not "умм", nor "новые")."""
    readings = parses(word)
    return any(r.tag.POS in ("ADJF", "PRTF") for r in readings) and all(r.tag.number != "plur" for r in readings)


def _first_name_nominative(name: str) -> str:
    """A first name and a surname in the nominative, when natasha's normaliser left the surname (or both) as
    written and pymorphy3 reads the first name as a name in another case ("Нарендрой Моди": "Нарендра Моди",
    "Ференцу Краусу": "Ференц Краус"); the surname takes the same case off when it reads as a person's word in that
    case and gender that declines, else stays ("Моди", "Кононенко"). A name that may be a nominative as written
    ("Яна Абрамова") stays.

    >>> _first_name_nominative("Нарендрой Моди"), _first_name_nominative("Реджепом Эрдоганом")
    ('Нарендра Моди', 'Реджеп Эрдоган')
    >>> _first_name_nominative("Ференцу Краусу"), _first_name_nominative("Петра Чайковского")
    ('Ференц Краус', 'Пётр Чайковский')
    >>> _first_name_nominative("Яна Абрамова"), _first_name_nominative("Нарендра Моди")
    ('Яна Абрамова', 'Нарендра Моди')
    >>> _first_name_nominative("Нарендры Моди")  # pymorphy3 reads "Нарендры" as many Нарендры too
    'Нарендра Моди'
    >>> _first_name_nominative("Илон Маск")  # and "Илон" as "Илона!" or many Илоны
    'Илон Маск'
    >>> _first_name_nominative("Кая Каллас")
    'Кая Каллас'
    """
    words = name.split()
    if len(words) != 2 or not all(CYRILLIC_WORD.fullmatch(w) for w in words) or _may_be_a_nominative_name(words):
        return name
    # a first name is one person's: its plural readings ("Нарендры" as many Нарендры) do not count, nor the
    # informal vocative no article writes a name in ("Илон" read as "Илона!": "Илон Маск" is no "Илона Маск")
    known = [p for p in parses(words[0].lower()) if p.tag.number == "sing" and "Name" in p.tag and p.tag.case != "voct"]
    readings = known or _unknown_first_name(words[0])
    first = readings[0] if readings else None
    if first is None or first.score < 0.3 or first.tag.case in (None, "nomn"):
        return name
    case, gender = first.tag.case, first.tag.gender
    given = first.inflect({"nomn", "sing"})
    if given is None or not same_stem(str(given.word), words[0]):
        return name
    surname = words[1]
    reading = next(
        (
            p
            for p in parses(surname.lower())
            if p.tag.case == case
            and (p.tag.gender is None or p.tag.gender == gender or "ms-f" in p.tag)
            and ({"Surn", "Name"} & p.tag.grammemes or "anim" in p.tag)
            and "Fixd" not in p.tag
        ),
        None,
    )
    if reading is None and not known:
        return name  # a first name pymorphy3 does not know is read in a case only when the surname is too
    if reading is None and gender == "masc" and hers_alone(surname):
        return name  # "Кая Каллас": a man's genitive would be "Кая Калласа"; pymorphy3 knows "Кая" only as Кай's
    if reading is not None:
        form = reading.inflect({"nomn", "sing"} | ({gender} if gender and reading.tag.POS == "ADJF" else set()))
        if form is None or not same_stem(str(form.word), surname):
            return name
        surname = str(form.word).capitalize()
    return f"{str(given.word).capitalize()} {surname}"


def federal_agency(words: str) -> bool:
    """Whether a word natasha reads as a person is "Рос" and a thing's noun of five letters or more the dictionary
    knows, in any case: the name of a Russian federal agency ("Росмолодёжь", "Росмолодёжи", "Роснефть"; NEREL train
    and dev have no person so named: "Ростислав", "Россини", "Росберг" are none).

    >>> federal_agency("Росмолодёжь"), federal_agency("Росмолодёжи"), federal_agency("Ростислав")
    (True, True, False)
    >>> federal_agency("Россини"), federal_agency("Росберг"), federal_agency("Роспопов")
    (False, False, False)
    """
    found = re.fullmatch(r"Рос([а-яё]{4,})", words)
    if found is None:
        return False
    reading = parses(found.group(1))[0]
    thing = reading.is_known and reading.tag.POS == "NOUN" and not {"anim", "Name", "Surn"} & reading.tag.grammemes
    return bool(thing) and len(str(reading.normal_form)) >= 5  # "Росмолодёжи" too; not "Росберг", "Россини"


def _unknown_first_name(word: str) -> list[Any]:
    """The readings of a first name pymorphy3 does not know as one, when it reads the word only as one person in the
    instrumental ("Хаканом": "хакан"), else none: the instrumental's ending is no nominative's, where a dative's may be
    ("Никку", "Гелу" are read as datives).

    >>> [str(p.normal_form) for p in _unknown_first_name("Хаканом")], _unknown_first_name("Доном")
    (['хакан'], [])
    """
    readings = parses(word.lower())
    one = {(p.tag.POS, p.tag.case, p.tag.number, "anim" in p.tag) for p in readings}
    if one != {("NOUN", "ablt", "sing", True)}:
        return []
    return list(readings)


def _may_be_a_nominative_name(words: list[str]) -> bool:
    """Whether each word reads as a first name or a surname in the nominative ("Яна Абрамова")."""
    return all(
        any(p.tag.case == "nomn" and {"Name", "Surn"} & p.tag.grammemes for p in parses(word.lower())) for word in words
    )


def _as_written(label: str, other: str, mentions: list[Span]) -> str:
    """Of two normal forms of one person's name, the one the article writes in the nominative when only it is
    (``nominative_as_written``): natasha's normaliser gives "Юрий Царева" for "Юрия Царёва", "Лиам Хоулетта" for
    "Лиама Хоулетта", and the form met first used to be the label.

    >>> _as_written("Лиам Хоулетта", "Лиам Хоулетт", [Span(0, 14, "Лиама Хоулетта"), Span(20, 32, "Лиам Хоулетт")])
    'Лиам Хоулетт'

    When both may be nominatives as written, the one more of whose words read first as nominatives: "Кончитой"
    may be a man's "кончитой" but is first a woman's name in the instrumental.

    >>> spans = [Span(0, 17, "Кончитой Мартинес"), Span(20, 36, "Кончита Мартинес")]
    >>> _as_written("Кончитой Мартинес", "Кончита Мартинес", spans)
    'Кончита Мартинес'
    >>> _as_written("Кончита Мартинес", "Кончитой Мартинес", spans)
    'Кончита Мартинес'
    """
    written = [m.text for m in mentions]
    better = nominative_as_written(other, written)
    if not better:
        return label
    if not nominative_as_written(label, written):
        return better
    return better if _first_read_nominative(other) > _first_read_nominative(label) else label


def _first_read_nominative(name: str) -> int:
    """How many Cyrillic words of `name` pymorphy3 reads first (its likeliest reading) as a nominative, or not at
    all."""
    return sum(
        1
        for word in CYRILLIC_WORD.findall(name)
        if not (found := parses(word.lower())) or found[0].tag.case in (None, "nomn")
    )


KNOWN_PART = 5
"""The fewest letters of a word pymorphy3 reads as an unknown prefix and a dictionary word ("Мос|биржи", "Рос|гвардии";
not "Кол|мар", Colmar) for its reading to be the dictionary word's."""


def _known_after_prefix(reading: Any) -> bool:
    """Whether pymorphy3 read the word as an unknown prefix and a dictionary word of `KNOWN_PART` letters or more."""
    stack = reading.methods_stack
    return (
        len(stack) == 2
        and type(stack[1][0]).__name__ == "UnknownPrefixAnalyzer"
        and len(str(stack[0][1])) >= KNOWN_PART
    )


def _may_be_one(word: str) -> bool:
    """Whether `word` may name one thing as written: a singular nominative reading that is not only a guess at an
    indeclinable name ("Казтелеком"; not "Мосбиржи", which pymorphy3 also reads as one)."""
    return any(
        reading.tag.number == "sing" and reading.tag.case == "nomn" and "Fixd" not in reading.tag
        for reading in parses(word.lower())
    )


def _as_in_dictionary(label: str, mentions: list[Span]) -> str:
    """An organisation's label, or the first of its mentions written in its words' dictionary forms when a word of
    the label cannot be a nominative: natasha's normal form leaves a quoted name as written ("подписал соглашение с
    «Газпром нефтью»"), and the article may write it in the nominative later ("«Газпром нефть» остаётся …").

    >>> _as_in_dictionary("Газпром нефтью", [Span(0, 14, "Газпром нефтью"), Span(40, 53, "Газпром нефть")])
    'Газпром нефть'
    >>> _as_in_dictionary("Министерство обороны", [Span(0, 21, "Министерства обороны")])
    'Министерство обороны'
    >>> _as_in_dictionary("Колмар", [Span(0, 6, "Колмар"), Span(9, 16, "Колмара")])
    'Колмар'
    >>> _as_in_dictionary("Минпромторга", [Span(0, 12, "Минпромторга")])  # a body's word pymorphy3 reads so
    'Минпромторг'
    >>> _as_in_dictionary("Мосбиржи", [Span(0, 8, "Мосбиржи")])  # a short prefix and a word it has
    'Мосбиржа'
    >>> _as_in_dictionary("Казтелеком", [Span(0, 10, "Казтелеком")])  # one as written too
    'Казтелеком'
    >>> written = "Уральской горно-металлургической компании"
    >>> _as_in_dictionary("Уральская горно-металлургической компания", [Span(0, 41, written)])
    'Уральская горно-металлургическая компания'
    """
    only = parses(label.lower())[0] if re.fullmatch(r"[А-ЯЁ][а-яё]+", label) else None
    if only is not None and "Orgn" in only.tag and only.tag.case not in (None, "nomn"):
        return label[:1] + str(only.normal_form)[1:]  # "Глава Минпромторга": a body's name, Минпромторг
    if only is not None and _known_after_prefix(only) and only.tag.number == "sing" and not _may_be_one(label):
        return label[:1] + str(only.normal_form)[1:]  # "Акции Мосбиржи": "Мос" and the dictionary's "биржи"
    if all(may_be_nominative(word) for word in CYRILLIC_WORD.findall(label)):
        return label  # "Колмар", which pymorphy3 reads as a genitive of "колмара", may be a nominative as written
    wanted = key(label)
    written = next((m.text for m in mentions if in_dictionary_form(m.text) and key(m.text) == wanted), None)
    if written is not None or not mentions or re.search(r"[«\"“]", label):
        return written or label
    # none written so, and natasha's normal form left a word inflected ("Уральская горно-металлургической
    # компания", a hyphenated adjective): the phrase put in the nominative, when it keeps the label's words
    nominative = noun_phrase_nominative(mentions[0].text)
    return nominative if key(nominative) == wanted else label


_OBLIQUE = re.compile(r"(?<=[бвгдзклмнпрстфх])[ауе]$")
"""The genitive, dative or prepositional ending of a name whose stem ends in a hard consonant ("Хоулетт|а")."""


def _consonant_stems(label: str, written: Iterable[str]) -> str:
    """A person's label with each word left in an oblique case put in the nominative, when the article writes the
    same word with the instrumental's "-ом" too, which only a man's name whose stem ends in a consonant takes: the
    normaliser's "Лиам Хоулетта" of "Лиама Хоулетта", with "Лиамом Хоулеттом" written too, is "Лиам Хоулетт" (a
    woman's "Хоулетта" would be "Хоулеттой").

    >>> _consonant_stems("Лиам Хоулетта", ["Лиама Хоулетта", "Лиамом Хоулеттом"])
    'Лиам Хоулетт'
    >>> _consonant_stems("Анна Хоулетта", ["Анны Хоулетты", "Анной Хоулеттой"])
    'Анна Хоулетта'
    """
    instrumentals = {word[:-2] for text in written for word in CYRILLIC_WORD.findall(text) if word.endswith("ом")}

    def nominative(match: re.Match[str]) -> str:
        word = match.group()
        stem = word[:-1]
        return stem if _OBLIQUE.search(word) and len(stem) >= 3 and stem in instrumentals else word

    return CYRILLIC_WORD.sub(nominative, label)


def entities_from_spans(text: str, spans: Iterable[NamedSpan]) -> list[Draft]:
    """Group natasha's mentions into entities, typed and linked through the gazetteer."""
    spans = [
        s
        for s in spans
        if s.text.strip()
        and re.search(r"\w", s.text)
        and not (s.type == "LOC" and (after_currency(text, s.start) or _no_place_word(text, s)))
    ]
    spans = [replace(s, type="ORG") if s.type in ("PER", "LOC") and federal_agency(s.text) else s for s in spans]
    drafts: list[Draft] = []
    persons = [s for s in spans if s.type == "PER"]
    by_key: dict[str, Draft] = {}
    for name, group in _person_groups(persons).items():
        mentions = [Span(s.start, s.end, s.text) for s in group]
        same = by_key.get(key(name))
        if same is None:
            written = next((m.text for m in mentions if len(m.text.split()) == len(name.split()) == 2), None)
            if written is not None and name.split()[1] == written.split()[1]:
                # natasha's normal form keeps the surname as written: maybe inflected ("Ференцу Краусу")
                nominative = _first_name_nominative(written)
                name = name if nominative == written else nominative
            by_key[key(name)] = Draft("PERSON", name, mentions, confidence=0.9)
            drafts.append(by_key[key(name)])
        else:  # "Юрий Царева" (natasha's of "Юрия Царёва") and "Юрий Царев" (of "Юрий Царёв"): one person
            same.mentions += mentions
            same.label = _as_written(same.label, name, same.mentions)
    for draft in drafts:
        draft.label = _consonant_stems(draft.label, [m.text for m in draft.mentions])
    others: dict[tuple[str, str], Draft] = {}
    for span in spans:
        if span.type == "PER":
            continue
        kind = "LOC" if span.type == "LOC" else "ORGANIZATION"
        label = _tail_as_written(span.text, span.normal)
        draft = others.setdefault((kind, key(span.normal)), Draft(kind, label, confidence=0.85))
        draft.mentions.append(Span(span.start, span.end, span.text))
    for draft in others.values():
        if draft.nerel_type == "ORGANIZATION":
            draft.label = _as_in_dictionary(draft.label, draft.mentions)
    ends = {s.end for s in spans}
    place_ends = {s.end for s in spans if s.type == "LOC"}
    for draft in others.values():
        if draft.nerel_type == "LOC":
            before = [cue_before(text, m.start, ends) for m in draft.mentions]
            votes = Counter(kind or cue_after(text, m.end) for (_, kind), m in zip(before, draft.mentions, strict=True))
            cues = [cue for cue, _ in votes.most_common() if cue is not None]
            first = draft.mentions[0]
            entry = gazetteer().entry(first.text) or gazetteer().entry(draft.label)
            known = entry is not None and entry.named >= 2
            # a head noun shared with the adjectives after it is strong too: "Свердловской, Челябинской и
            # Курганской областях" are regions, whatever train names "Челябинской" most
            strong = any(word is not None and is_strong_cue(word) for word, _ in before) or (
                shared_head().match(text, first.end) is not None
            )
            adjective = adjective_place(first.text, text, first.start) if " " not in first.text else None
            own_head = is_head(key(draft.label).split()[-1]) if draft.label.split() else False
            # a weak cue that only says whose ("обороны", "правительства") is weaker than the lists of places:
            # "медаль за оборону Сталинграда" is the city
            listed = listed_type(first.text, draft.label)
            outweighed = bool(cues) and cues[0] in LISTS_OUTWEIGH and not strong and listed is not None
            if cues and (strong or not known) and not own_head and not outweighed:
                draft.nerel_type = cues[0]  # "сёл Киевской области": a state all the same
            elif adjective and not known:
                draft.nerel_type, _, name = adjective  # "Стамбульская полиция": the city
                draft.label = name or draft.label
            else:
                draft.nerel_type = location_type(first.text, draft.label)
                if draft.nerel_type == "LOCATION" and any(after_place(text, m, place_ends) for m in draft.mentions):
                    draft.nerel_type = "STATE_OR_PROVINCE"  # "Сан-Ладзаро-ди-Савена (Эмилия-Романья)"
            if cue_after(text, first.end) == draft.nerel_type:  # "Кировский" (и Ленинский округа): Кировский округ
                draft.label = with_shared_head(text, draft.label, first.end)
    drafts.extend(others.values())
    for draft in drafts:
        draft.cls = class_for(draft.nerel_type)
        link = None
        for mention in _linkable_names(draft):
            link = gazetteer().link(mention, draft.nerel_type)
            if link and draft.nerel_type == "PERSON" and not same_surname(draft.label, link.name):
                link = None  # "Александр Турчин" is no "Александр Турчинов", though pymorphy3 gives both one key
            if link:
                break
        if link:
            draft.wikidata = link.qid
            draft.confidence = max(draft.confidence, link.confidence)
            draft.label = named_as_linked(draft.label, link.name, draft.nerel_type, [m.text for m in draft.mentions])
        elif listed := listed_name(draft.label, draft.nerel_type):  # natasha's normal form may stay inflected
            draft.label = named_as_linked(draft.label, listed, draft.nerel_type)
        elif draft.nerel_type in LOCATION_TYPES and is_adjective(draft.label):
            draft.label = adjective_place_name(draft.label)
    return drafts


LISTS_OUTWEIGH = frozenset({"COUNTRY", "STATE_OR_PROVINCE"})
"""The kinds a weak cue before a place gives ("обороны", "президента", "правительства") that a name the lists of
places know (places.tsv) as another kind does not take: in NEREL train, of the places after such a cue whose listed
type is another, 14 have the listed type ("губернатора Петербурга", "президента Татарстана") and 2 the cue's. A
settlement's noun ("города", "села") keeps its weight, and so does "района" (6 of 23 places after it are the
district the cue says, not the listed city: "лондонском районе Тоттенем")."""


def _linkable_names(draft: Draft) -> list[str]:
    """The names a draft may be linked by: its label, then how the article words it; for a person, the full name
    only, since a first name or a surname alone ("Александр", "Джексон") is too often a namesake's (NEREL dev:
    person links right 124 times of 144 with them, 96 of 97 without)."""
    if draft.nerel_type == "PERSON":  # a full name as written too: train links "Андреаса Римкуса", not "Андреас Римкус"
        full = [draft.label, *(m.text for m in draft.mentions)]
        return list(dict.fromkeys(name for name in full if len(name.split()) > 1))
    return [draft.label, *(m.text for m in draft.mentions)]


def same_surname(label: str, name: str) -> bool:
    """Whether a person's label and the name of the item found for it ("Surname, Name" too) may end with one
    surname: not when one surname is the other and a suffix of Russian surnames ("Турчин" and "Турчинов"), which
    keys cannot tell apart (pymorphy3 reads "Турчинов" as the genitive plural of "турчин"). Other spellings of one
    surname ("Баффет", "Баффетт") pass, and a name the table lacks tells nothing.

    >>> same_surname("Александр Турчин", "Александр Валентинович Турчинов"), same_surname("Пётр Зёрнов", "Петр Зернов")
    (False, True)
    >>> same_surname("Алексей Венедиктов", "Венедиктов, Алексей"), same_surname("Уоррен Баффет", "Уоррен Баффетт")
    (True, True)
    """
    words = label.lower().replace("ё", "е").split()
    named = (name.split(",")[0] if "," in name else name).lower().replace("ё", "е").split()
    if not words or not named:
        return True
    one, other = sorted((words[-1], named[-1]), key=len)
    return not (other.startswith(one) and other[len(one) :] in _SURNAME_SUFFIXES)


_SURNAME_SUFFIXES = frozenset({"ов", "ев", "ин", "ын", "ова", "ева", "ина", "ына"})
"""What Russian surnames add to a word ("Турчин-ов", "Иван-ов"; ё is read as е): two names that differ by one are
two names."""


def named_as_linked(label: str, name: str, nerel_type: str, written: Iterable[str] = ()) -> str:
    """The label, or the name NEREL gives the linked item when the label (or a mention as `written`) is only an
    inflected or upper-case form of it, a place adjective made from it, or a person's surname alone; another name
    ("РФ", "Китай") stays as the article says it. natasha's normal form of "в Шереметьеве" is "Шереметьев", a
    surname, where the words are the airport's.

    >>> named_as_linked("Совет Федерация", "Совет Федерации", "ORGANIZATION")
    'Совет Федерации'
    >>> named_as_linked("МОСКВА", "Москва", "CITY")
    'Москва'
    >>> named_as_linked("Лондонский", "Лондон", "CITY"), named_as_linked("РФ", "Россия", "COUNTRY")
    ('Лондон', 'РФ')
    >>> named_as_linked("Обамы", "Барак Обама", "PERSON")
    'Барак Обама'
    >>> named_as_linked("Верховный суд", "верховный суд", "ORGANIZATION")
    'Верховный суд'
    >>> named_as_linked("Шереметьев", "Шереметьево", "FACILITY", ["Шереметьеве"])
    'Шереметьево'
    """
    if not name or name == label:
        return label
    if label.lower() == name.lower():
        return name if label.isupper() else label
    if key(label) == key(name) or (nerel_type != "PERSON" and any(key(words) == key(name) for words in written)):
        return name
    if " " in label:
        return label
    if nerel_type == "PERSON" and key(name).split()[-1:] == [key(label)]:
        return name
    if nerel_type in LOCATION_TYPES and is_adjective(label):
        return name
    return label


def quoted_organisations(text: str, taken: list[tuple[int, int]]) -> list[Draft]:
    """Organisations named in quotes after a head noun: "академия «Авангард»", "компания "Газпром"".

    >>> [d.label for d in quoted_organisations('открыта хоккейная академия "Авангард" и', [])]
    ['хоккейная академия «Авангард»']
    """
    drafts: dict[str, Draft] = {}
    claimed = SpanIndex(taken)
    for match in _QUOTED.finditer(text):
        head_words = (match.group("head") or "").split()
        heads = [w for w in head_words if lemma(w.lower()) in ORG_NOUNS]
        name = match.group("name").strip()
        if not heads or not name[:1].isupper():
            continue
        at = next(i for i, word in enumerate(head_words) if lemma(word.lower()) in ORG_NOUNS)
        start = match.start("head") + match.group("head").index(head_words[0])
        start += sum(len(word) + 1 for word in head_words[:at])
        if any(_is_verb(word) for word in head_words[at + 1 :]):
            continue  # "театр покажет оперу «Тоска»": the name is what the body does, not the body's
        start = _adjectives_before(text, start)
        end = match.end()
        if claimed.overlaps(start, end):
            continue
        phrase = noun_phrase_nominative(text[start : match.start("name") - 1].strip())
        label = f"{phrase} «{name}»"
        draft = drafts.setdefault(key(name), Draft("ORGANIZATION", label, confidence=0.75))
        draft.mentions.append(Span(start, end, text[start:end]))
        draft.cls = "schema:Organization"
    return list(drafts.values())


def _is_verb(word: str) -> bool:
    """Whether a word's likeliest reading is a verb (not a full participle, which reads as an adjective)."""
    readings = parses(word.lower())
    return bool(readings) and readings[0].tag.POS in _VERB_FORMS - {"PRTF"}


def _adjectives_before(text: str, start: int) -> int:
    """Move `start` back over lower-case adjectives that agree with the head noun ("хоккейная академия")."""
    while True:
        word = words(text).before(start, LOWER)
        if word is None:
            return start
        tags = parses(word.text)
        if not tags or "ADJF" not in tags[0].tag:
            return start
        start = word.start


def adjective_named_organisations(text: str, taken: list[tuple[int, int]]) -> list[Draft]:
    """Organisations named by adjectives and a telling head: "каспийским трубопроводным консорциумом".

    >>> found = adjective_named_organisations("поставил каспийским трубопроводным консорциумом", [])
    >>> [d.label for d in found]
    ['Каспийский трубопроводный консорциум']
    """
    drafts: dict[str, Draft] = {}
    claimed = SpanIndex(taken)
    for match in re.finditer(r"[А-Яа-яЁё]+", text):
        if lemma(match.group().lower()) not in _NAMED_BY_ADJECTIVES:
            continue
        start = _adjectives_before(text, match.start())
        if start == match.start() or claimed.overlaps(start, match.end()):
            continue
        phrase = noun_phrase_nominative(text[start : match.end()])
        label = phrase[:1].upper() + phrase[1:]
        draft = drafts.setdefault(key(label), Draft("ORGANIZATION", label, confidence=0.6))
        draft.mentions.append(Span(start, match.end(), text[start : match.end()]))
        draft.cls = "schema:Organization"
    return list(drafts.values())
