"""Normal forms: noun phrases put in the nominative by head agreement (pymorphy3), keys, identifiers.

>>> slug("Каспийский трубопроводный консорциум")
'kaspiyskiy_truboprovodnyy_konsortsium'
"""

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from ...transliteration import transliterate

_WORD = re.compile(r"\w+(?:-\w+)*")

CYRILLIC_WORD = re.compile(r"[А-Яа-яЁё]+")
"""A run of Russian letters (a word, or the part of a hyphenated one)."""

LETTER_WORD = re.compile(r"[А-Яа-яЁёA-Za-z]+(?:-[А-Яа-яЁё]+)*")
"""A word of Russian or Latin letters, with its Russian hyphenated parts ("вице-президент", "XVI")."""


def slug(text: str) -> str:
    """An identifier made of lower-case Latin letters, digits and _, starting with a letter.

    >>> slug("7 ноября"), slug("")
    ('e_7_noyabrya', 'e')
    """
    ident = re.sub(r"[^a-z0-9]+", "_", transliterate(text).lower()).strip("_")[:48].strip("_")
    return ident if ident[:1].isalpha() else f"e_{ident}".rstrip("_")


@lru_cache(maxsize=1)
def _morph() -> Any:
    import pymorphy3  # type: ignore[import-untyped]

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=65536)
def parses(word: str) -> tuple[Any, ...]:
    """pymorphy3's analyses of a word, most likely first (cached: the same words come back often).

    A word with a letter that has no Unicode name (Tangut) is an unknown word, as one in any other script is:
    pymorphy3 asks each letter's name (is it Latin?) and raises ValueError for such a letter.

    >>> [(p.word, str(p.tag), p.normal_form) for p in parses("\U00017025э")]
    [('\U00017025э', 'UNKN', '\U00017025э')]
    """
    if not word.isascii() and any(c.isalpha() and not unicodedata.name(c, "") for c in word):
        return tuple(p._replace(word=word.lower(), normal_form=word.lower()) for p in _morph().parse(_FOREIGN))
    return tuple(_morph().parse(word))


_FOREIGN = "中"
"""A letter that has a name and that pymorphy3 reads as an unknown word (UNKN), like any not Cyrillic or Latin."""


NAME_TAGS = {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr", "UNKN", "LATN"}
"""pymorphy3's grammemes of a reading that is (or may be) a name: first name, surname, place, organisation."""


def preposition(word: str) -> bool:
    """Whether pymorphy3 reads `word` first as a preposition ("в", "на", "между").

    >>> preposition("На"), preposition("нас")
    (True, False)
    """
    return "PREP" in parses(word.lower())[0].tag


def common_noun(word: str) -> bool:
    """A dictionary noun that is never a name, in no reading ("Император", "Сцена", "кладбище"); "Варвара",
    "Ли" or "Москва" are names.

    >>> common_noun("Сцена"), common_noun("Варвара"), common_noun("Луне")
    (True, False, True)
    """
    if len(word) < 3 or not word.replace("-", "").isalpha():
        return False
    analyses = parses(word.lower())
    if not analyses[0].is_known or analyses[0].tag.POS != "NOUN":
        return False
    return not any(p.tag.grammemes & NAME_TAGS for p in analyses)


CASE_ENDINGS = ("а", "у", "е", "ом")
"""What the oblique cases add to a name whose stem ends in a consonant ("Ын", "Ына", "Ыну", "Ыном")."""


def with_case_ending(label: str, name: str) -> bool:
    """Whether `label` is `name` with a case ending added to one word or more, the other words the same.

    >>> with_case_ending("Ким Чен Ына", "Ким Чен Ын"), with_case_ending("Ким Чен Ын", "Ким Чен Ына")
    (True, False)
    """
    words, others = label.split(), name.split()
    if label == name or len(words) != len(others):
        return False
    return all(w == o or (w.startswith(o) and w[len(o) :] in CASE_ENDINGS) for w, o in zip(words, others, strict=True))


def nominative_as_written(label: str, written: Iterable[str]) -> str | None:
    """How the article writes `label` (one of the `written` mentions, ё as е), when each of its Cyrillic words may be
    a nominative (or is in no dictionary); else None. The normaliser's "Лиам Хоулетта" (of "Лиама Хоулетта") is not
    written so, the article's own "Лиам Хоулетт" is; "Божене Рынской", written so, is a dative.

    >>> nominative_as_written("Юрий Царев", ["Юрия Царёва", "Юрий Царёв"])
    'Юрий Царёв'
    >>> nominative_as_written("Лиам Хоулетта", ["Лиама Хоулетта", "Лиам Хоулетт"]) is None
    True
    >>> nominative_as_written("Божене Рынской", ["Божене Рынской"]) is None
    True
    """
    plain = label.replace("ё", "е")
    found = next((text for text in written if text.replace("ё", "е") == plain), None)
    if found is None or not all(may_be_nominative(word) for word in CYRILLIC_WORD.findall(label) if len(word) > 1):
        return None
    return found


def with_yo_as_written(label: str, written: Iterable[str]) -> str:
    """`label` with "ё" where the article writes "ё" in the same word: natasha's normaliser and NEREL's names write
    "е" ("Павел Шевелев" of "Павел Шевелёв", "Летчики" of "Лётчиков"). A word of the label takes the "ё" of a
    written word that starts like it up to the letter after it.

    >>> with_yo_as_written("Павел Шевелев", ["Павла Шевелёва"]), with_yo_as_written("Летчики", ["Лётчиков"])
    ('Павел Шевелёв', 'Лётчики')
    >>> with_yo_as_written("Берег", ["Берёзы"])
    'Берег'
    """
    if "ё" not in "".join(written).lower():
        return label
    spelled = {word.lower() for text in written for word in CYRILLIC_WORD.findall(text) if "ё" in word.lower()}

    def restored(match: re.Match[str]) -> str:
        word = match.group()
        letters = list(word)
        for other in spelled:
            for at, letter in enumerate(other):
                if (
                    letter == "ё"
                    and at < len(word)
                    and word[at] in "еЕ"
                    and at >= 1
                    and word[:at].lower().replace("ё", "е") == other[:at].replace("ё", "е")
                    and word[at + 1 : at + 2].lower() == other[at + 1 : at + 2] != ""
                ):
                    letters[at] = "Ё" if word[at] == "Е" else "ё"
        return "".join(letters)

    return CYRILLIC_WORD.sub(restored, label)


def may_be_nominative(word: str) -> bool:
    """A word no dictionary has ("Хоулетт", which pymorphy3 guesses is a plural genitive), or one with a
    nominative reading."""
    readings = parses(word.lower())
    return not readings[0].is_known or any(reading.tag.case == "nomn" for reading in readings)


_CASE_ENDINGS: tuple[str, ...] = ("ами", "ями", "ого", "его", "ому", "ему", "ой", "ей", "ым", "им", "ом", "ем", "ую")
_CASE_ENDINGS += ("а", "я", "у", "ю", "е", "ы", "и")
"""The case endings `name_forms` takes off a name no dictionary has, longest first."""


def name_forms(word: str, role: str = "Surn") -> set[str]:
    """What a name's word in any case may be in the nominative, lower-case, ё as е: pymorphy3's readings of it in
    `role` (Surn, Name), and the word with a case ending taken off or changed ("Маккаррика": маккаррик;
    "Гарсию": гарсия), for names no dictionary has.

    >>> {"маккаррик", "гарсия"} <= name_forms("Маккаррика") | name_forms("Гарсию")
    True
    """
    lower = word.lower().replace("ё", "е")
    forms = {lower} | {str(p.normal_form) for p in parses(lower) if role in p.tag.grammemes}
    for ending in _CASE_ENDINGS:
        if lower.endswith(ending) and len(lower) - len(ending) >= 3:
            stem = lower[: -len(ending)]
            forms |= {stem, stem + "а", stem + "я", stem + "й", stem + "ь"}
    return forms


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The dictionary form of one word, lower-case (for matching, not for labels).

    >>> lemma("России")
    'россия'
    """
    return str(parses(word)[0].normal_form)


def genitive(phrase: str) -> str:
    """A noun phrase in the nominative put in the genitive: its words up to the first noun, each in its nominative
    reading's number and gender; the words after the noun (a genitive tail) as written.

    >>> genitive("ключевая ставка"), genitive("выручка"), genitive("объём инвестиций"), genitive("цены")
    ('ключевой ставки', 'выручки', 'объёма инвестиций', 'цен')
    """
    out = []
    words = phrase.split(" ")
    for index, word in enumerate(words):
        reading = next((p for p in parses(word.lower()) if p.tag.case == "nomn"), None)
        form = reading.inflect({"gent"}) if reading is not None else None
        out.append(word if form is None else with_yo_as_written(str(form.word), [word]))
        if reading is not None and "NOUN" in reading.tag:
            return " ".join(out + words[index + 1 :])
    return " ".join(out)


@lru_cache(maxsize=65536)
def key(text: str) -> str:
    """A matching key: every word's lemma, lower-case, joined by spaces; ё as е (cached: the gazetteer asks for
    the same words and phrases again and again).

    >>> key("Республики Казахстан") == key("Республика Казахстан")
    True
    """
    return " ".join(lemma(w.lower()) for w in _WORD.findall(text.replace("ё", "е").replace("Ё", "Е")))


def in_dictionary_form(text: str) -> bool:
    """Whether every word of `text` is written as its dictionary form (its `key`, up to capitals and ё).

    >>> in_dictionary_form("Газпром нефть"), in_dictionary_form("«Газпром нефтью»")
    (True, False)
    """
    return " ".join(w.lower() for w in _WORD.findall(text.replace("ё", "е").replace("Ё", "Е"))) == key(text)


def with_quotes_closed(label: str) -> str:
    """A label with the guillemets and brackets it opens closed at its end, and a straight double quote it opens
    closed or one it only closes left out: a mention that stops before its closing mark ("Гендиректор ООО УК
    «Металлоинвест" in "Гендиректор ООО УК «Металлоинвест» Андрей Варичев", "оппозиционного "Движения за
    демократические перемены") or starts after the opening one ("король поп-музыки" Майкла Джексона") still reads
    as a name.

    >>> with_quotes_closed("Глава «Металлоинвеста"), with_quotes_closed("завод «Уралмаш»")
    ('Глава «Металлоинвеста»', 'завод «Уралмаш»')
    >>> with_quotes_closed('партия "Единая Россия'), with_quotes_closed('король поп-музыки" Майкла Джексона')
    ('партия "Единая Россия"', 'король поп-музыки Майкла Джексона')
    """
    for opening, closing in (("«", "»"), ("(", ")")):
        depth = 0
        for char in label:
            if char == opening:
                depth += 1
            elif char == closing and depth:
                depth -= 1
        label += closing * depth
    if label.count('"') % 2:
        at = label.rindex('"')
        if at > 0 and not label[at - 1].isspace():  # it closes what the label does not open
            return label[:at] + label[at + 1 :]
        return label + '"'
    return label


_CLAUSE_WORDS = frozenset({"VERB", "INFN", "PRTS", "GRND", "PREP"})
"""Parts of speech that open no noun phrase: verbs, short participles, gerunds and prepositions."""


def _may_agree(modifier: str, head: Any) -> bool:
    """Whether an adjective may agree with a reading of its head noun (same case and number, and gender in the
    singular: "Ленинский" is no modifier of "округа" read as a feminine noun)."""
    number, gender = head.tag.number or "sing", head.tag.gender
    return any(
        p.tag.case == head.tag.case
        and (p.tag.number or number) == number
        and (number != "sing" or not gender or not p.tag.gender or p.tag.gender == gender or "ms-f" in head.tag)
        for p in parses(modifier)
    )


def _agree(
    word: str, case: str, number: str, gender: str | None, modifier: bool = False, written: str | None = None
) -> str | None:
    """`word` in the nominative of `number` (and `gender`, for an adjective) from its reading in `case` and the
    `written` number (`number` when not given); a `modifier` (a word before the head) read as an adjective first
    ("главного": not the noun "главное")."""
    readings = list(parses(word))
    if modifier:
        readings.sort(key=lambda parse: "NOUN" in parse.tag)
    written = written or number
    for parse in readings:
        kind_ok = "NOUN" in parse.tag or "ADJF" in parse.tag or "PRTF" in parse.tag
        if kind_ok and parse.tag.case == case and (parse.tag.number or written) == written:
            wanted = {"nomn", number}
            if "NOUN" not in parse.tag and number == "sing" and gender:
                wanted.add(gender)  # an adjective takes the head noun's gender
            if "NOUN" in parse.tag:  # a noun's form may lose a vowel ("отца": "отец")
                form = parse.inflect(wanted)
                if form is not None:
                    return str(form.word)
            elif found := _same_stem_form(parse, wanted, word):
                return found
    return None


def _same_stem_form(parse: Any, wanted: set[str], word: str) -> str | None:
    """The form of an adjective with the `wanted` grammemes, its stem kept (``same_stem``): pymorphy3's, else the
    form of the lexeme that shares the longest start with the word: pymorphy3 files "высшего" under "высокий", whose
    nominative it gives as "высочайшее", and "лучшей" under "хороший" ("наилучшая"); the word written is kept.

    >>> _same_stem_form(parses("высшего")[0], {"nomn", "sing", "neut"}, "высшего")
    'высшее'
    """
    form = parse.inflect(wanted)
    if form is not None and same_stem(str(form.word), word):
        return str(form.word)
    superlative = "Supr" in parse.tag
    forms = [str(f.word) for f in parse.lexeme if wanted <= f.tag.grammemes and ("Supr" in f.tag) == superlative]
    word = word.lower().replace("ё", "е")
    best = max(forms, key=lambda form: _shared_start(form.replace("ё", "е"), word), default=None)
    return best if best is not None and same_stem(best, word) else None


def same_stem(one: str, other: str) -> bool:
    """Whether two forms of a word share all but the last two letters of the shorter (case and ё aside): "лучшая" and
    "лучшей", not "высочайшее" and "высшего".

    >>> same_stem("Лучшая", "лучшей"), same_stem("высочайшее", "высшего")
    (True, False)
    """
    one, other = one.lower().replace("ё", "е"), other.lower().replace("ё", "е")
    if one.endswith("ся") and other.endswith("ся"):  # a reflexive participle: "выдающегося", "выдающийся"
        one, other = one[:-2], other[:-2]
    return _shared_start(one, other) >= min(len(one), len(other)) - 2


def _shared_start(one: str, other: str) -> int:
    """How many first letters two words share."""
    shorter = min(len(one), len(other))
    return next((i for i in range(shorter) if one[i] != other[i]), shorter)


_PLURAL_BODIES = frozenset({"власть"})
"""Nouns that name a body in the plural: "власти" (the authorities; NEREL train's 26 organisations headed by the word
are all plural: "власти", "властям", "властями", "властей"), not "власть" (power)."""


def noun_phrase_nominative(text: str, *, person: bool = False) -> str:
    """The phrase in the nominative: the head noun's case and number drive every word up to the head; with
    `person` (an office), the head's animate readings first ("премьера" is the premier's, not a premiere).

    Words after the head (a genitive tail, a quoted name) stay as written; capitals are kept. Of the head's readings,
    the first that the adjectives before it agree with is taken ("Юбилейные торжества" is already nominative); a
    phrase that a verb or a preposition opens is no noun phrase and stays as written (an event's "похитить
    металлическую конструкцию").

    >>> noun_phrase_nominative("каспийским трубопроводным консорциумом")
    'каспийский трубопроводный консорциум'
    >>> noun_phrase_nominative("хоккейная академия «Авангард»")
    'хоккейная академия «Авангард»'
    >>> noun_phrase_nominative("Второй мировой войны"), noun_phrase_nominative("Юбилейные торжества")
    ('Вторая мировая война', 'Юбилейные торжества')
    >>> noun_phrase_nominative("освобождены из тюрем"), noun_phrase_nominative("заразился коронавирусом")
    ('освобождены из тюрем', 'заразился коронавирусом')
    >>> noun_phrase_nominative("ГУ МЧС России по Московской области")
    'ГУ МЧС России по Московской области'
    >>> noun_phrase_nominative("Лос-Анджелесе"), noun_phrase_nominative("Минск-арене")
    ('Лос-Анджелес', 'Минск-арена')
    >>> noun_phrase_nominative("Кобяйском районах"), noun_phrase_nominative("Московской и Тверской областях")
    ('Кобяйский район', 'Московской и Тверской областях')
    >>> noun_phrase_nominative("Ленинский округа"), noun_phrase_nominative("Уральской стали")
    ('Ленинский округ', 'Уральская сталь')
    >>> noun_phrase_nominative("70-го Каннского кинофестиваля"), noun_phrase_nominative("5-й годовщины")
    ('70-й Каннский кинофестиваль', '5-я годовщина')
    >>> noun_phrase_nominative("Камбаратинской ГЭС-1"), noun_phrase_nominative("Нововоронежской АЭС")
    ('Камбаратинская ГЭС-1', 'Нововоронежская АЭС')
    >>> noun_phrase_nominative("Власти Москвы"), noun_phrase_nominative("властям США")
    ('Власти Москвы', 'власти США')
    >>> noun_phrase_nominative("«Альфа-Строя»"), noun_phrase_nominative("Петропавловска-Камчатского")
    ('«Альфа-Строй»', 'Петропавловск-Камчатский')
    >>> noun_phrase_nominative("ПАО «Софтлайн»"), noun_phrase_nominative("компании «Софтлайн»")
    ('ПАО «Софтлайн»', 'компания «Софтлайн»')
    >>> noun_phrase_nominative("улице Ленинградской"), noun_phrase_nominative("улице Ленина")
    ('улица Ленинградская', 'улица Ленина')
    """
    if ordinal := _ORDINAL.match(text):  # "70-го Каннского кинофестиваля": the words after it, then its ending
        rest = noun_phrase_nominative(text[ordinal.end() :], person=person)
        ending = _ordinal_ending(rest)
        return text if rest == text[ordinal.end() :] or ending is None else f"{ordinal.group(1)}-{ending} {rest}"
    words = list(re.finditer(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*", text))
    opening = text.find("«")
    if opening > 0 and text[:opening].strip():  # "ПАО «Софтлайн»": a quoted name after a word is not inflected
        words = [w for w in words if w.start() < opening]
        if not words:
            return text
    head = None
    for index, match in enumerate(words):
        analyses = parses(match.group())
        if _agrees_as_noun(analyses, words[index - 1].group() if index else None):
            head = index
            break
        if analyses[0].tag.POS in _CLAUSE_WORDS:
            return text
        if any("NOUN" in p.tag for p in analyses[:2]) and not _modifies_next(analyses, words[index + 1 : index + 2]):
            head = index
            break
    if head is None:
        return _adjective_nominative(text, words[0]) if len(words) == 1 else text
    modifiers = [w.group() for w in words[:head] if parses(w.group())[0].tag.POS in {"ADJF", "PRTF"}]
    abbreviation = _INDECLINABLE.fullmatch(words[head].group()) is not None
    fixed = parses(words[head].group())[0]
    if abbreviation:
        # "ГУ МЧС России", "КоАП РФ": an abbreviation tells no case, its adjectives may ("Нововоронежской АЭС")
        case = _case_before_indeclinable(text, words[: head + 1])
        gender = _gender_of(modifiers[-1], case) if case is not None and modifiers else None
        if case is None or gender is None:
            return text
        number = head_number = "sing"
    elif "Fixd" in fixed.tag:
        # an indeclinable head ("бюро", "кафе") tells no case: its adjectives do ("Европейского регионального бюро")
        case, number, gender = _case_before_indeclinable(text, words[: head + 1]), "sing", fixed.tag.gender
        if case is None or gender is None:
            return text
        head_number = number
    else:
        readings = [p for p in parses(words[head].group()) if "NOUN" in p.tag]
        if person:
            readings.sort(key=lambda reading: "anim" not in reading.tag)
        parse = next((r for r in readings if all(_may_agree(w, r) for w in modifiers)), None)
        # "(в Горном и) Кобяйском районах", "(Кировский и) Ленинский округа": a singular adjective before a plural
        # head names one of two places, "Кобяйский район", "Ленинский округ"; "Московской и Тверской областях",
        # two adjectives, stay as written
        one_of_two = next(
            (
                r
                for r in readings
                if parse is None or parse.tag.number == "plur"
                if r.tag.number == "plur" and len(modifiers) == 1 and _singular_in(modifiers[0], r.tag.case)
            ),
            None,
        )
        parse = one_of_two or parse or readings[0]
        if not modifiers and str(parse.normal_form) in _PLURAL_BODIES:  # "Власти Москвы" are no "Власть Москвы"
            parse = next((r for r in readings if r.tag.number == "plur"), parse)
        case, number, gender = parse.tag.case, parse.tag.number or "sing", parse.tag.gender
        head_number = number
        if one_of_two is not None:
            number = "sing"
        elif case == "nomn":
            return text
    if case is None or _NUMBER.search(text, 0, words[head].start()):
        return text  # a number before the head governs its case: "20 годам тюрьмы" is not "20 годы тюрьмы"
    named_after = _name_after_head(words, head, case, number, gender)
    if named_after is not None:
        modifiers.append(named_after.group())
    pieces, last = [], 0
    for match in words[: head + 1] + ([named_after] if named_after else []):
        at_head = match is words[head]
        form = (
            match.group()
            if at_head and abbreviation
            else _agree(
                match.group(), case, number, gender, modifier=not at_head, written=head_number if at_head else None
            )
        )
        if form is None and (match is words[head] or match.group() in modifiers):
            return text  # all or nothing: "лучшей ленты" is not "лучшей лента"
        form = form or match.group()
        if match.group().isupper() and len(match.group()) > 1:
            form = form.upper()
        else:  # each part of a hyphenated word keeps its capital: "Лос-Анджелесе" is "Лос-Анджелес"
            parts, written = form.split("-"), match.group().split("-")
            if len(parts) != len(written):
                parts, written = [form], [match.group()]
            # a part before the last written in the nominative already stays as written: "Альфа-Строя" is
            # "Альфа-Строй" (not "Альф-Строй"), "Петропавловска-Камчатского" is "Петропавловск-Камчатский"
            parts = [
                w if i < len(parts) - 1 and _nominative_as_written(w) else part
                for i, (part, w) in enumerate(zip(parts, written, strict=True))
            ]
            capitals = (
                part[:1].upper() + part[1:] if w[:1].isupper() else part for part, w in zip(parts, written, strict=True)
            )
            form = "-".join(capitals)
        pieces.append(text[last : match.start()] + form)
        last = match.end()
    return "".join(pieces) + text[last:]


def _name_after_head(
    words: list[re.Match[str]], head: int, case: str, number: str, gender: str | None
) -> re.Match[str] | None:
    """The last word when it is a capitalised adjective after the head that agrees with it, a street's name put
    after its noun ("улице Ленинградской" is "улица Ленинградская"); else None."""
    if head != len(words) - 2 or not words[-1].group()[:1].isupper():
        return None
    wanted = {case, number} | ({gender} if gender and number == "sing" else set())
    readings = parses(words[-1].group())
    agrees = readings[0].tag.POS == "ADJF" and any(wanted <= p.tag.grammemes for p in readings if p.tag.POS == "ADJF")
    return words[-1] if agrees else None


def _nominative_as_written(word: str) -> bool:
    """Whether a word reads as its own nominative singular ("Альфа"; not "Петропавловска")."""
    lower = word.lower()
    return any(p.tag.case == "nomn" and p.tag.number != "plur" and p.normal_form == lower for p in parses(lower))


def _gender_of(adjective: str, case: str) -> str | None:
    """The gender an adjective has in the singular of `case`, when its readings there give one ("Нововоронежской"
    in the genitive: femn)."""
    genders = {
        p.tag.gender
        for p in parses(adjective)
        if p.tag.POS in {"ADJF", "PRTF"} and p.tag.case == case and p.tag.number == "sing"
    }
    return genders.pop() if len(genders) == 1 else None


def _case_before_indeclinable(text: str, words: list[re.Match[str]]) -> str | None:
    """The case an indeclinable head noun (the last of `words`) is in, as the adjectives right before it, one after
    the other, all read it; None when there are none, when they may be nominatives, or when other words stand
    between ("Ту-154 Минобороны": "Ту" is no adjective of "Минобороны").

    >>> noun_phrase_nominative("Европейского регионального бюро ВОЗ"), noun_phrase_nominative("кафе «Пушкин»")
    ('Европейское региональное бюро ВОЗ', 'кафе «Пушкин»')
    >>> noun_phrase_nominative("Ту-154 Минобороны РФ")
    'Ту-154 Минобороны РФ'
    """
    *modifiers, head = words
    if not modifiers:
        return None
    ends = [m.end() for m in modifiers]
    starts = [m.start() for m in modifiers[1:]] + [head.start()]
    if any(text[end:start].strip() for end, start in zip(ends, starts, strict=True)):
        return None
    cases = [
        {p.tag.case for p in parses(m.group()) if p.tag.POS in ("ADJF", "PRTF") and "Apro" not in p.tag}
        for m in modifiers
    ]
    shared = set.intersection(*cases) - {None}
    if "nomn" in shared:
        return None
    return next((c for c in ("gent", "datv", "loct", "ablt", "accs") if c in shared), None)


def _singular_in(modifier: str, case: str | None) -> bool:
    """Whether an adjective reads as a singular of `case` and never as a plural of it ("Кобяйском", not "новых")."""
    readings = [p for p in parses(modifier) if p.tag.case == case]
    return bool(readings) and all(p.tag.number == "sing" for p in readings)


_LIKELY_ADJECTIVE = 0.25
"""How likely (pymorphy3's scores) a word must be an adjective to be read as one before a noun: "главного" (0.53),
not "главой" (0.02, a guess)."""


def _agrees_as_noun(analyses: Sequence[Any], before: str | None) -> bool:
    """Whether a word read first as a verb's form is a noun after an adjective it agrees with: "стали" after
    "Уральской" is the steel, not "became"; "первый замсекретаря" a deputy secretary."""
    if before is None or analyses[0].tag.POS not in {"VERB", "INFN", "PRTS", "GRND"}:
        return False
    if parses(before)[0].tag.POS not in {"ADJF", "PRTF"}:
        return False
    return any("NOUN" in p.tag and _may_agree(before, p) for p in analyses)


def _modifies_next(analyses: Sequence[Any], after: list[re.Match[str]]) -> bool:
    """Whether a word that may be a noun is rather an adjective before the next word, itself an adjective or a noun:
    "главного санитарного врача" ("главное" is also a noun), "Главное управление"; not through the readings of an
    abbreviation (pymorphy3 reads "тур" as 24 of them: "второй тур выборов" had become "вторая тур выбор").

    >>> noun_phrase_nominative("второй тур выборов"), noun_phrase_nominative("второго тура выборов")
    ('второй тур выборов', 'второй тур выборов')
    """
    adjective = sum(p.score for p in analyses if {"ADJF", "PRTF"} & p.tag.grammemes and "Abbr" not in p.tag)
    if not after or adjective < _LIKELY_ADJECTIVE:
        return False
    return any({"NOUN", "ADJF", "PRTF"} & p.tag.grammemes for p in parses(after[0].group())[:2])


def _adjective_nominative(text: str, word: re.Match[str]) -> str:
    """A phrase of one adjective (a nationality: "армянского", "японским") with it in the nominative, its gender and
    number kept (masculine where the form may be masculine or neuter: "еврейского"); else the phrase as written."""
    parse = parses(word.group())[0]
    if parse.tag.POS not in {"ADJF", "PRTF"} or parse.tag.case in {None, "nomn"}:
        return text
    same_case = (p for p in parses(word.group()) if p.tag.POS == parse.tag.POS and p.tag.case == parse.tag.case)
    parse = next((p for p in same_case if p.tag.gender == "masc"), parse)
    shown = _same_stem_form(parse, {"nomn"} | {g for g in (parse.tag.number, parse.tag.gender) if g}, word.group())
    if shown is None:
        return text
    if word.group()[:1].isupper():
        shown = shown[:1].upper() + shown[1:]
    return text[: word.start()] + shown + text[word.end() :]


_INDECLINABLE = re.compile(r"[А-ЯЁ]{2,}(?:-[А-ЯЁ]{2,})*")
"""A word in capitals: an abbreviation ("МЧС", "ТЦ"), which does not decline."""
_ORDINAL = re.compile(
    r"(\d+)-(?:ого|его|ому|ему|ыми|ими|ым|им|ом|ем|ой|ую|ых|их|го|му|ми|м|й|я|е|ю|х)\s+(?=[А-Яа-яЁё])"
)
"""An ordinal in digits with its case ending, before the words it numbers: "70-го ", "5-й " (not a cardinal's
"10-ти")."""
_ORDINAL_ENDINGS = {"masc": "й", "femn": "я", "neut": "е"}
"""An ordinal's nominative ending by the gender of what it numbers."""


def _ordinal_ending(phrase: str) -> str | None:
    """The nominative ending of an ordinal before a nominative `phrase`, by its first word's gender and number
    ("Каннский кинофестиваль": "й"); None when the first word is no nominative or tells no gender."""
    first = re.match(r"[А-Яа-яЁё]+", phrase)
    tag = parses(first.group())[0].tag if first else None
    if tag is None or tag.case != "nomn":
        return None
    return "е" if tag.number == "plur" else _ORDINAL_ENDINGS.get(str(tag.gender))


_NUMBER = re.compile(r"(?<![\w-])\d+(?:[.,]\d+)?(?![\w-])")
"""A number written in digits, alone ("20 годам"; not "25-летний")."""
