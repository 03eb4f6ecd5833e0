"""Offices by rule: "президент России Владимир Путин" is a person, the office and the state it belongs to.

>>> find_titles("заявил президент России Владимир Путин", [(23, 38)])[0].label
'президент России'
"""

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from ...source import Span
from ..data.tables import rows
from ..doc import Doc, Draft
from ..links.linking import gazetteer
from ..pipeline import component
from ..text.normalise import LETTER_WORD, common_noun, lemma, noun_phrase_nominative, parses
from ..text.words import Word, words

TITLE_WORDS = {
    "президент",
    "глава",
    "премьер",
    "премьер-министр",
    "министр",
    "губернатор",
    "мэр",
    "председатель",
    "лидер",
    "руководитель",
    "посол",
    "канцлер",
    "король",
    "королева",
    "директор",
    "спикер",
    "вице-президент",
    "вице-премьер",
    "замминистра",
    "заместитель",
    "генсек",
    "генеральный",
    "секретарь",
    "пресс-секретарь",
    "сенатор",
    "депутат",
    "главнокомандующий",
    "командующий",
    "прокурор",
    "судья",
    "шейх",
    "эмир",
    "султан",
}


@dataclass(frozen=True)
class Title:
    """ "президент России" before a person's name: the office's words, label and the person's mention."""

    span: Span
    label: str
    person: tuple[int, int]


def _ends_a_title(word: str) -> bool:
    """A verb, short participle or gerund: the words after it are no longer the office's."""
    return any(p.tag.POS in _NOT_TITLE_WORDS for p in parses(word.lower())[:1])


_NOT_TITLE_WORDS = {"VERB", "INFN", "PRTS", "GRND"}


def _cases(word: str, *, name: bool = False) -> set[str]:
    """The cases a noun (with `name`, a person's name) may be in: a title and the name it is the office of agree.

    >>> sorted(_cases("президента")), sorted(_cases("Айрат", name=True))
    (['accs', 'gent'], ['nomn'])
    """
    wanted = {"Name", "Surn"} if name else {"NOUN"}
    readings = [p for p in parses(word) if wanted & p.tag.grammemes and p.tag.case]
    return {str(p.tag.case) for p in readings if not name or p.tag.number != "plur"}  # "Ольги" names one Ольга


def _agreeing_title_before(earlier: list[Word], name_cases: set[str]) -> bool:
    """Whether a title word among the (at most four) words before another agrees in case with the name after them:
    only then is the nearer one skipped (pymorphy3 misreads some names' case: "Никол Пашинян", "Олафом Шольцем")."""
    return any(lemma(word.text.lower()) in TITLE_WORDS and _cases(word.text) & name_cases for word in earlier[-4:])


def _name_cases(name: str) -> set[str]:
    """The cases a person's name may be in, by its first word; a nominative too when its last word ends in a consonant
    but "й", as no man's surname does in another case and a woman's foreign one always does ("Кая Каллас", which
    pymorphy3 reads as Кай's genitive).

    >>> sorted(_name_cases("Кая Каллас")), sorted(_name_cases("Ольги Васильевой"))
    (['accs', 'gent', 'nomn'], ['gent'])
    """
    cases = _cases(name.split()[0], name=True)
    words = name.split()
    if cases and len(words) > 1 and ends_in_a_consonant(words[-1]):
        cases.add("nomn")
    return cases


def ends_in_a_consonant(word: str) -> bool:
    """Whether a word ends in a consonant other than "й" (or a soft sign after one)."""
    return bool(re.search(r"[бвгджзклмнпрстфхцчшщ]ь?\Z", word.lower()))


def _joins(word: str) -> bool:
    """A preposition or a conjunction written in lower case (its likeliest reading): no office's name ends with one.

    >>> _joins("с"), _joins("и"), _joins("С"), _joins("России")
    (True, True, False, False)
    """
    readings = parses(word) if word.islower() else []
    return bool(readings) and readings[0].tag.POS in ("PREP", "CONJ")


_OF_ANOTHER = {
    "заместитель",
    "помощник",
    "советник",
    "пресс-секретарь",
    "представитель",
    "полпред",
    "постпред",
    "спецпредставитель",
    "первый",
    "врио",
}
"""Words before an office that make it another person's office: "заместителя министра строительства Игоря Белова"
is the deputy's, "пресс-секретаря министра" the press secretary's ("первый заместитель" too), "полпред президента в
Северо-Западном федеральном округе" the envoy's."""


def _with_deputy(text: str, earlier: list[Any], start: int) -> int:
    """Where an office starts, taking in the words right before it that make it a deputy's or an aide's."""
    for word in reversed(earlier):
        if text[word.end : start].strip() or lemma(word.text.lower()) not in _OF_ANOTHER:
            break
        start = word.start
    return start


@cache
def title_adjectives() -> frozenset[str]:
    """The adjectives NEREL train makes part of an office's name (data/title_adjectives.tsv): "генеральный",
    "главный", "президентский"; not "бывший", "новый" or "российский", which it leaves before the name."""
    return frozenset(row[0] for row in rows("title_adjectives.tsv"))


def _with_adjectives(text: str, earlier: list[Word], title_word: Word) -> int:
    """Where an office starts, taking in the adjectives of `title_adjectives` right before its title word that
    agree with it ("Генеральный директор", "генерального прокурора").

    >>> text = "Генеральный директор «Северстали»"
    >>> _with_adjectives(text, words(text).within(0, 11), words(text).within(12, 20)[0])
    0
    """
    cases = {p.tag.case for p in parses(title_word.text.lower()) if "NOUN" in p.tag}
    start = title_word.start
    for word in reversed(earlier):
        reading = parses(word.text.lower())[0]
        if text[word.end : start].strip() or reading.tag.POS != "ADJF" or reading.tag.case not in cases:
            break
        if str(reading.normal_form) not in title_adjectives():
            break
        start = word.start
    return start


def find_titles(text: str, persons: list[tuple[int, int]]) -> list[Title]:
    """Offices named right before a person mention (at most four words from the title word to the name); not before
    a name that follows a capitalised common noun and that another name follows: it names what the title is of
    ("президент Института Пушкина Виталий Костомаров": the office is Костомаров's; not "президента Барака Обамы
    Малия").

    >>> [t.label for t in find_titles("президент Института Пушкина Виталий Костомаров", [(20, 27), (28, 46)])]
    ['президент Института Пушкина']
    """
    titles = []
    starts = {start for start, _ in persons}
    for start, end in persons:
        before = [word for word in words(text).within(max(0, start - 80), start) if LETTER_WORD.fullmatch(word.text)]
        if text[end : end + 1] == " " and end + 1 in starts and before and _names_what(before[-1].text):
            continue
        if _NAMED_AFTER.search(text, max(0, start - 8), start):
            continue  # "руководитель Театра имени Евгения Вахтангова": whom the theatre is named after holds nothing
        name_cases = _name_cases(text[start:end])
        for back in range(1, min(5, len(before)) + 1):
            candidate = before[-back]
            if (
                lemma(candidate.text.lower()) in TITLE_WORDS
                and candidate.text[:1].islower()
                and not _plural(candidate.text)  # "Председатель совета директоров Виталий Савельев"
            ):
                # a title in the genitive before a name that is in no case but the nominative is another's title's
                # ("избрали мэром города Максима Кудрявцева", the instrumental of a role given, is his)
                cases = _cases(candidate.text)
                disagree = name_cases and cases and cases <= {"gent", "accs"} and not cases & name_cases
                # not a deputy's or an aide's ("Пресс-секретарь президента России Дмитрий Песков") nor an acting one,
                # looked for only where the cases disagree
                earlier = before[: len(before) - back]
                if (
                    disagree
                    and _with_deputy(text, earlier, candidate.start) == candidate.start
                    and not _ACTING_BEFORE.search(text, max(0, candidate.start - 80), candidate.start)
                    and _agreeing_title_before(earlier, name_cases)
                ):
                    continue  # "глава пресс-службы башкирского президента Айрат Мурзагалиев": the title before
                after = text[candidate.start : start]
                if re.search(r"[.,;:!?()\n\d]", after):
                    break  # a headline's title is not the office of the body's first name; "премьер Мали с 1991 …"
                if any(_ends_a_title(word.text) for word in before[len(before) - back + 1 :]):
                    break  # "президента Франции поддержал Путин"
                if back > 1 and _joins(before[-1].text):
                    break  # "депутаты во главе с Резником": a title ends before a preposition, never with one
                start_with_adjectives = _with_adjectives(text, earlier, candidate)
                earlier = [word for word in earlier if word.start < start_with_adjectives]
                title_start = _with_deputy(text, earlier, start_with_adjectives)
                if sought(text, title_start):
                    break  # "Претендент на пост мэра Москвы Иван Петров": a post sought, not held
                title_end = candidate.start + len(after.rstrip(" \t—–-"))  # "вице-президент — Джон Махама"
                words_text = text[title_start:title_end]
                label = spelled_out(noun_phrase_nominative(words_text, person=True))
                if title_start < candidate.start and label[:2].istitle():  # "Генеральный директор" opens a sentence
                    label = label[0].lower() + label[1:]
                if acting := _ACTING.search(text, max(0, title_start - 60), title_start):
                    # "временно исполняющий обязанности губернатора": an acting office, the office's words as written
                    label = _acting_label(acting.group()) + words_text
                    title_start, words_text = acting.start(), text[acting.start() : title_end]
                titles.append(Title(Span(title_start, title_end, words_text), label, (start, end)))
                break
    return titles


_NAMED_AFTER = re.compile(r"(?<![А-Яа-яЁё])(?:имени|им\.)\s+\Z")
_TO_THE_POST = re.compile(
    r"(?<![А-Яа-яЁё])(?:[Пп]ретенд|[Кк]андидат|[Вв]ыдвин|[Вв]ыдвиж|[Бб]аллотир|[Пп]рочат|[Мм]етит|[Бб]орьб|[Вв]ыбор"
    r"|[Кк]онкурс|[Рр]ассматрива|[Пп]редл[ао]г|[Пп]редлож)[а-яё]*"
    r"(?:\s+[а-яё]+){0,2}\s+на\s+(?:пост|должность)\s+\Z"
)
"""Words before an office that make it a post sought ("претендент на пост", "кандидатом на пост", "выдвинут на
должность"); not one given ("назначил на должность министра обороны Андрея Белоусова", "избранный на пост")."""
SEEKING = re.compile(r"(?<![А-Яа-яЁё])(?:[Пп]ретенд|[Бб]аллотир|[Вв]ыдвига|[Пп]рочат|[Рр]ассматрива)[а-яё]*")
"""A verb of seeking a post said after it ("На пост губернатора Приморья претендует Олег Кожемяко")."""


_ACTING_WORDS = r"(?:(?:[Вв]ременно\s+)?[Ии]сполняющ[а-яё]*\s+обязанности|[Ии]\.\s?о\.|[Вв]рио)\s+"
"""Words that make the office after them an acting one, in any case ("Исполняющим обязанности мэра", "врио
губернатора", "и. о. министра")."""

_ACTING_AT = (re.compile(rf"(?<![А-Яа-яЁё]){_ACTING_WORDS}\Z"), re.compile(_ACTING_WORDS))
"""Acting words ending right before an office, and opening it (``match`` from the office's start)."""


def acting(text: str, start: int, end: int | None = None) -> bool:
    """Whether the office named from `start` (to `end`) is held in an acting capacity only, by the words before it
    or its own first words ("Исполняющим обязанности мэра назначен Виталий Лысенко": he is no mayor).

    >>> text = "Исполняющим обязанности мэра назначен Виталий Лысенко. Врио губернатора стал Андрей Белов."
    >>> acting(text, text.index("мэра")), acting(text, text.index("губернатора")), acting(text, 0, 28)
    (True, True, True)
    >>> acting(text, text.index("Врио"), text.index("Врио") + 16), acting("Стал мэром Омска", 5, 16)
    (True, False)
    """
    before, first = _ACTING_AT
    if before.search(text, max(0, start - 60), start):
        return True
    return end is not None and first.match(text, start, end) is not None


_FORMER_WORD = r"(?:[Бб]ывш|[Пп]режн|[Пп]редыдущ)[а-яё]*"
_FORMER_BEFORE = re.compile(rf"(?:(?<![А-Яа-яЁё]){_FORMER_WORD}\s+|(?<![\w-])[Ээ]кс-\s*)\Z")
"""Words right before an office that make it one held before ("бывшего мэра", "прежний глава", "предыдущий министр",
"экс-президента")."""


_FORMER_OPENING = re.compile(rf"{_FORMER_WORD}\s+|[Ээ]кс-")
"""The same words opening an office's own words, where a tagger took them in ("Предыдущий министр")."""


_HELD_VERB = r"(?:(?:занима|работа|руководи|возглавля|являл|служи)(?:л|ла|ли|вш[а-яё]+)(?:ся|сь)?|был[аио]?)"
_HELD_BEFORE = re.compile(
    rf"(?<![А-Яа-яЁё])(?:(?:[Рр]анее|[Пп]режде|[Дд]о\s+этого|[Вв]\s+прошлом)\s+(?:[а-яё]+\s+)?{_HELD_VERB}"
    rf"|{_HELD_VERB}\s+(?:ранее|прежде|до\s+этого))\s+(?:(?:пост|должность|посту|должности)\s+)?\Z"
)
"""Words before an office that say it was held before: "ранее занимал пост", "до этого работавший", "в прошлом
возглавлял" (in NEREL train, 12 such phrases; a standard line of appointment news)."""


def former(text: str, start: int) -> bool:
    """Whether the office named from `start` is one held before, not now ("Бывший министр обороны Сергей Шойгу": the
    minister is another; "Иван Петров, ранее занимавший пост вице-губернатора").

    >>> text = "Бывший министр обороны Сергей Шойгу и экс-президент Перу Алан Гарсия. Министр Андрей Белоусов."
    >>> former(text, text.index("министр")), former(text, text.index("президент")), former(text, text.index("Министр"))
    (True, True, False)
    >>> former("Предыдущий министр Анатолий Костылевский", 0)
    True
    >>> text = "Министром назначен Олег Гуляев, ранее работавший заместителем губернатора."
    >>> former(text, text.index("заместителем")), former(text, text.index("Министром"))
    (True, False)
    """
    return (
        _FORMER_BEFORE.search(text, max(0, start - 30), start) is not None
        or _FORMER_OPENING.match(text, start) is not None
        or _HELD_BEFORE.search(text, max(0, start - 70), start) is not None
    )


def sought(text: str, start: int) -> bool:
    """Whether the office named from `start` is a post sought ("претендент на пост мэра Москвы"), not one held.

    >>> text = "Претендент на пост мэра Москвы Иван Петров. Путин назначил на должность министра Андрея Белоусова."
    >>> sought(text, text.index("мэра")), sought(text, 0), sought(text, text.index("министра"))
    (True, False, False)
    """
    return _TO_THE_POST.search(text, max(0, start - 60), start) is not None


_ACTING = re.compile(
    r"(?<![А-Яа-яЁё])(?:(?:[Вв]ременно\s+)?[Ии]сполняющ(?:ий|его|ему|им|ем|ая|ей|ую)\s+обязанности|[Ии]\.\s?о\.)\s+\Z"
)
"""Words before an office that make it an acting one ("временно исполняющий обязанности губернатора", "и.о.")."""


_ACTING_BEFORE = re.compile(r"(?:[Ии]сполняющ[а-яё]*\s+обязанности|[Ии]\.\s?о\.)(?:\s+[а-яё-]+){0,2}\s+\Z")
"""An acting office's words before a title word, adjectives between: its title is in the genitive, the name not."""


_ACTING_LABEL = re.compile(r"^(?:временно\s+)?исполняющий\s+обязанности\s+|^и\.\s?о\.\s+")
"""What opens an acting office's label (`_acting_label`): the office's own words follow."""


def without_acting(label: str) -> str:
    """An office's label, lower-case, an acting office's without the words that make it acting.

    >>> without_acting("временно исполняющий обязанности губернатора Курской области"), without_acting("и.о. мэра")
    ('губернатора курской области', 'мэра')
    """
    return _ACTING_LABEL.sub("", label.lower())


def _acting_label(words: str) -> str:
    """The start of an acting office's label: "и.о. " as written, or "(временно) исполняющий обязанности ".

    >>> _acting_label("Временно исполняющего обязанности "), _acting_label("и. о. ")
    ('временно исполняющий обязанности ', 'и. о. ')
    """
    if "обязанности" not in words:
        return words.lower()
    return ("временно " if words[:1] in "Вв" else "") + "исполняющий обязанности "


_DEPUTY = re.compile(r"([Зз])ам([а-яё]{4,})(?![а-яё-])")
_GENERAL = re.compile(r"([Гг])ен(директор|прокурор)(?![а-яё-])")


def spelled_out(label: str) -> str:
    """A title written short, spelled out, so that it is one office with the article's other spelling of it: "зам"
    and a title word in the genitive ("замминистра обороны": "заместитель министра обороны"), "гендиректор" and
    "генпрокурор" ("генеральный директор").

    >>> spelled_out("замминистра обороны"), spelled_out("Замглавы региона"), spelled_out("гендиректор «Аэрофлота»")
    ('заместитель министра обороны', 'Заместитель главы региона', 'генеральный директор «Аэрофлота»')
    >>> spelled_out("заместитель министра"), spelled_out("замок"), spelled_out("гендиректора")
    ('заместитель министра', 'замок', 'гендиректора')
    """
    if general := _GENERAL.match(label):
        return f"{general.group(1)}енеральный {general.group(2)}{label[general.end() :]}"
    found = _DEPUTY.match(label)
    if found is None:
        return label
    readings = [p for p in parses(found.group(2)) if p.tag.case == "gent" and p.tag.POS == "NOUN"]
    if not readings or str(readings[0].normal_form) not in TITLE_WORDS:
        return label
    return f"{found.group(1)}аместитель {found.group(2)}{label[found.end() :]}"


def _plural(word: str) -> bool:
    """Whether a title word reads only as a plural noun ("директоров" of "совета директоров", "министров"): one
    person's office is singular, so such a word is part of what the office is of.

    >>> _plural("директоров"), _plural("директора"), _plural("министр")
    (True, False, False)
    """
    nouns = [reading for reading in parses(word.lower()) if reading.tag.POS == "NOUN"]
    return bool(nouns) and all(reading.tag.number == "plur" for reading in nouns)


def _names_what(word: str) -> bool:
    """Whether a word before a name makes the name part of what a title is of: a capitalised common noun that is no
    title, the first word of a body named after the person ("Института Пушкина"; "президента Барака Обамы",
    "Узбекистана Ислама Каримова" and "короля поп-музыки Майкла Джексона" are the title's holder)."""
    return word[:1].isupper() and common_noun(word) and lemma(word.lower()) not in TITLE_WORDS


@component("offices", requires=("entities",), assigns=("entities", "facts"))
def offices(doc: Doc) -> None:
    """Who holds which office, and the state it belongs to ("президент России Владимир Путин"); who founded which
    organisation ("Основатель «Самоката» Владимир Воронов": ``_founders``)."""
    text = doc.clean
    persons = [(m.start, m.end) for d in doc.drafts if d.cls == "schema:Person" for m in d.mentions]
    # the positions added below are no persons or countries: what these find stays as it is
    countries, bodies = doc.finder({"schema:Country"}), doc.finder({"schema:Organization"})
    person_at, country_at = doc.finder({"schema:Person"}).at, countries.at
    named_places = _named_by_kind(doc)
    for title in find_titles(text, persons):
        person = person_at(*title.person)
        if person is None:
            continue
        # A bare title ("президент") names a kind of office, not this office: only qualified ones are linked.
        link = gazetteer().link(title.span.text, "PROFESSION") if len(title.label.split()) > 1 else None
        position = doc.add(
            Draft(
                "POSITION",
                title.label,
                [title.span],
                cls="kg:Position",
                confidence=0.75,
                wikidata=link.qid if link else None,
            )
        )
        evidence = doc.span(title.span.start, title.person[1])
        # "бывший министр обороны Сергей Шойгу": an office he held, not one he holds
        held = "kg:heldPosition" if former(text, title.span.start) else "kg:holdsPosition"
        doc.fact(person, held, position, evidence, 0.75)
        country = country_at(title.span.start, title.span.end)
        body = _body_of_the_country(title.span, countries, bodies) if country else None
        if country:  # "глава МЧС России": the office is the ministry's, which is the country's
            doc.fact(position, "kg:positionIn", body or country, title.span, 0.75)
        elif (place := _named_before(doc, title.span, named_places)) is not None:
            doc.fact(position, "kg:positionIn", place, title.span, 0.6)
    _founders(doc, persons)


def _body_of_the_country(title: Span, countries: Any, bodies: Any) -> str | None:
    """An organisation named inside an office's words that holds the country named there ("глава МЧС России": МЧС
    России), whose office it is rather than the country's."""
    inside = [
        (s, e) for s, e, _ in countries.overlapping(title.start, title.end) if title.start <= s and e <= title.end
    ]
    for start, end, body in bodies.overlapping(title.start, title.end):
        if title.start <= start and end <= title.end and any(start <= s and e <= end for s, e in inside):
            return str(body)
    return None


_FOUNDER = re.compile(r"\b(?:со)?(?:основател[ьяюеи]\w*|основательниц\w*|создател[ьяюеи]\w*)\s", re.IGNORECASE)
"""The word that says a person founded what follows it: "основатель", "сооснователь", "создательница"."""


def _founders(doc: Doc, persons: list[tuple[int, int]]) -> None:
    """ "Основатель «Самоката» Владимир Воронов", "сооснователь компании Google Сергей Брин": the organisation
    named between the word and the person, in at most five words and no punctuation but quotes and hyphens, has
    that person for its founder (schema:founder). NEREL dev: 3 such facts, all gold FOUNDED_BY; train: 20, 15 gold
    and 4 of the rest true all the same ("основателей Reddit … Алексис Оганян")."""
    organisation_at = doc.finder({"schema:Organization"}).at
    person_at = doc.finder({"schema:Person"}).at
    for start, end in persons:
        window = doc.clean[max(0, start - 80) : start]
        said = list(_FOUNDER.finditer(window))
        if not said:
            continue
        found = said[-1]
        between = window[found.end() :]
        if re.search(r"[.,;:!?()\n\d—–]", between) or len(between.split()) > 5:
            continue
        low = max(0, start - 80) + found.end()
        organisation = organisation_at(low, start)
        person = person_at(start, end)
        if organisation and person:
            evidence = doc.span(max(0, start - 80) + found.start(), end)
            doc.fact(organisation, "schema:founder", person, evidence, 0.8)


_PLACE_WORDS = {
    "регион": "schema:AdministrativeArea",
    "область": "schema:AdministrativeArea",
    "край": "schema:AdministrativeArea",
    "республика": "schema:AdministrativeArea",
    "страна": "schema:Country",
    "государство": "schema:Country",
    "город": "schema:City",
    "ведомство": "ORGANIZATION",
    "министерство": "ORGANIZATION",
    "компания": "ORGANIZATION",
    "корпорация": "ORGANIZATION",
    **dict.fromkeys(("банк", "музей", "театр", "фонд", "холдинг", "вуз", "университет"), "ORGANIZATION"),
}
"""A title's last word that stands for a place or body named before: "губернатор региона" is the governor of the
region the article named last ("Калужской области … губернатор региона Владислав Шапша"), "руководитель ведомства"
the head of the body ("сообщил Роспотребнадзор. Руководитель ведомства Анна Попова"), "директор музея" of the museum
("Государственный Эрмитаж откроет выставку … директор музея Михаил Пиотровский"; see `_KINDS`)."""

_KINDS = {
    "банк": ("банк",),
    "музей": ("музей",),
    "театр": ("театр",),
    "фонд": ("фонд",),
    "холдинг": ("холдинг",),
    "вуз": ("университет", "вуз"),
    "университет": ("университет",),
}
"""The body a kind's word stands for: the one body the article named before, within `_KIND_BACK` sentences, when
its name says that kind ("Сбербанк … правления банка", "Томский политехнический университет … ректор вуза"); none
when two bodies were named (a review helper's "Сбербанк и ВТБ … Председатель правления банка Андрей Костин"), the
one named says another kind or none ("Сбербанк … Директор музея"; "Государственный Эрмитаж" says no museum either),
or an adjective tells another ("Председатель правления местного банка")."""
_KIND_BACK = 2


def _kind_of(draft: Draft) -> str:
    """What `_PLACE_WORDS` calls a draft: its class, or ORGANIZATION for an organisation of any class."""
    return "ORGANIZATION" if draft.nerel_type == "ORGANIZATION" else draft.cls


def _named_by_kind(doc: Doc) -> dict[str, list[tuple[int, str]]]:
    """For each kind `_PLACE_WORDS` names, where a place or body of that kind is mentioned (start, id), in order."""
    return {
        cls: sorted((m.start, doc.ids[i]) for i, d in enumerate(doc.drafts) if _kind_of(d) == cls for m in d.mentions)
        for cls in set(_PLACE_WORDS.values())
    }


def referred_places(doc: Doc) -> None:
    """For each office the article gives no place or body of, the one its title's last word stands for
    (`_PLACE_WORDS`): an office the classifier found ("Руководитель ведомства Анна Попова") as well as the
    titles'."""
    held = {f.subject for f in doc.facts if f.predicate == "kg:positionIn"}
    offices = [(doc.ids[i], d) for i, d in enumerate(doc.drafts) if d.cls == "kg:Position" and doc.ids[i] not in held]
    if not offices:
        return
    named = _named_by_kind(doc)
    for ident, office in offices:
        for mention in office.mentions:
            place = _named_before(doc, mention, named)
            if place is not None:
                doc.fact(ident, "kg:positionIn", place, mention, 0.6)
                break


def _named_before(doc: Doc, span: Span, named: dict[str, list[tuple[int, str]]]) -> str | None:
    """The place a title's last word stands for (`_PLACE_WORDS`): the last one of its class named before the
    title, when the title ends in that word alone ("губернатор региона", not "губернатор Калужской области"), or is
    followed by it ("ректор вуза"); for a kind of body, the body of that kind (`_KINDS`)."""
    words = span.text.split()
    after = _GENITIVE_AFTER.match(doc.clean, span.end)
    if after is not None and lemma(after.group(1).lower()) in _KINDS:
        words.append(after.group(1))  # "ректор вуза", where the office is "ректор"
    if len(words) < 2:
        return None
    kind = lemma(words[-1].lower())
    cls = _PLACE_WORDS.get(kind)
    if cls is None or parses(words[-1].lower())[0].tag.number != "sing":
        return None  # "главы министерств и ведомств": many bodies, none named before
    before = [ident for start, ident in named.get(cls, []) if start < span.start]
    if kind in _KINDS:
        if len(words) > 2 and parses(words[-2].lower())[0].tag.POS in {"ADJF", "PRTF"}:
            return None  # "местного банка", "другого музея": not the one named
        near = _named_near(doc, span, named.get(cls, []))
        if len(set(before)) != 1 or not near:
            return None
        [body] = near
        return body if any(k in _head(doc.draft(body).label) for k in _KINDS[kind]) else None
    if kind in _ONE_NEAR:  # "Софтлайн … ПАО «Софтлайн» … на Московской бирже … генеральный директор компании"
        # the one named earlier in the title's sentence first ("ПАО «Уральская сталь» опубликовало отчётность,
        # финансовый директор компании …", under a headline naming a ministry)
        low = doc.sentence(span.start).start
        same = {ident for start, ident in named.get(cls, []) if low <= start < span.start}
        near = same or _named_near(doc, span, named.get(cls, []))
        return near.pop() if len(near) == 1 else None
    if kind in _AREA_KINDS:  # "президента республики": not the "Читинская область" named last
        before = [ident for ident in before if not _another_kind(doc.draft(ident).label, kind)]
    return before[-1] if before else None


def _named_near(doc: Doc, span: Span, named: list[tuple[int, str]]) -> set[str]:
    """The entities of `named` (each mention's start, its entity) named within `_KIND_BACK` sentences before `span`,
    its own sentence's words before it too."""
    window = doc.sentences_before(span.start, _KIND_BACK)
    low = window[0].start if window else doc.sentence(span.start).start
    return {ident for start, ident in named if low <= start < span.start}


_ONE_NEAR = frozenset({"компания", "корпорация"})
"""Words of a kind of body whose name seldom says it ("Софтлайн Решения" is a company): the title is the body's only
when it is the one organisation named within `_KIND_BACK` sentences before (a review helper's article: the exchange
named last, "на Московской бирже", had become the company whose director spoke)."""

_AREA_KINDS = frozenset({"область", "край", "республика", "округ", "район"})
"""Kinds of region a name may say it is ("Читинская область", "Республика Татарстан")."""


def _another_kind(label: str, kind: str) -> bool:
    """Whether a region's name says it is of another kind than `kind`.

    >>> _another_kind("Читинская область", "республика"), _another_kind("Приднестровье", "республика")
    (True, False)
    >>> _another_kind("Республика Татарстан", "республика")
    False
    """
    said = {lemma(word) for word in label.lower().split()} & _AREA_KINDS
    return bool(said) and kind not in said


def _head(name: str) -> str:
    """A name's first word that is no adjective, in lower case: what kind of body it names ("Сбербанк", "Томский
    политехнический университет"; not "совет директоров банка HSBC", a board).

    >>> _head("Томский политехнический университет"), _head("совет директоров банка HSBC")
    ('университет', 'совет')
    """
    found = LETTER_WORD.findall(name.lower())
    return next((w for w in found if parses(w)[0].tag.POS not in {"ADJF", "PRTF"}), "")


_GENITIVE_AFTER = re.compile(r" ([а-яё]+)\b")
"""The word right after an office, which may end its title ("ректор вуза")."""
