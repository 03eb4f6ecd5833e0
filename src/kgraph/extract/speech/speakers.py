"""Who said what: the speaker of each utterance found, a person by name, by pronoun or by an office of a place, or
a group of people ("По мнению экспертов, …").

>>> from kgraph.source import parse_article
>>> from kgraph.extract.doc import Doc, Draft
>>> article = parse_article("x", "# Т\\n\\n«Мы рады», — сказал Иван Петров.\\n")
>>> doc = Doc(article)
>>> doc.add(Draft("PERSON", "Иван Петров", [doc.span(25, 36)], cls="schema:Person"))
'ivan_petrov'
>>> utterances(doc)
>>> [(u.kind, u.text.text, u.speakers) for u in doc.utterances]
[('direct', 'Мы рады', ('ivan_petrov',))]
"""

import re
from bisect import bisect_left

from ...model import Utterance
from ...resources import subclasses
from ..doc import Doc
from ..names.name_words import hers_alone
from ..pipeline import component
from ..relations.topics import people_named
from ..text.normalise import CYRILLIC_WORD, key, lemma, parses
from .quotes import OWN, PRONOUNS, Said, find_utterances


class _Speakers:
    """Who said something, for every utterance of a text: persons and places by their mentions, and the persons
    holding an office of a place ("глава Казахстана"), by the facts found so far (they do not change here)."""

    HEADS = frozenset({"глава", "лидер", "руководитель"})

    def __init__(self, doc: Doc) -> None:
        self.person_at = doc.finder({"schema:Person"}).at
        bodies = subclasses("schema:Organization")
        self.bodies = sorted(
            (m.start, m.end, doc.ids[i]) for i, d in enumerate(doc.drafts) if d.cls in bodies for m in d.mentions
        )
        """Each organisation's mentions: (start, end, its id)."""
        self.body_ids = {ident for _, _, ident in self.bodies}
        self.classes = {doc.ids[i]: d.cls for i, d in enumerate(doc.drafts)}
        self.group_at = doc.finder({"kg:Group"}).at
        self.sentence = doc.sentence
        self.text = doc.clean
        people = [(doc.ids[i], draft) for i, draft in enumerate(doc.drafts) if draft.cls == "schema:Person"]
        self.persons = sorted((m.start, ident) for ident, draft in people for m in draft.mentions)
        self.person_starts = [start for start, _ in self.persons]
        # each person mention's last word (after its initials: "С.Буянский"), and the person's labels: in the nominative
        self.last_words = {
            m.start: m.text.split()[-1].split(".")[-1] for _, draft in people for m in draft.mentions if m.text.split()
        }
        self.mention_text = {m.start: m.text for _, draft in people for m in draft.mentions}
        self.last_end: int | None = None
        """Where the last utterance given a speaker ends (``utterances`` sets it)."""
        self.labels = {ident: draft.label for ident, draft in people}
        self.genders = {ident: gender for ident, draft in people if (gender := _gender(draft.label))}
        self.place_at = doc.finder({"schema:Country", "schema:City", "schema:AdministrativeArea"}).at
        pairs = {(f.subject, f.obj) for f in doc.facts}
        places_of: dict[object, list[object]] = {}
        for s, o in pairs:
            places_of.setdefault(s, []).append(o)
        # per place, in the order of the facts: the holders of an office of it, and the office's first word; per
        # title word ("министр"), the persons holding an office so named, wherever it is; and the holder of each
        # office mention ("главного санитарного врача" before "Анны Поповой")
        self.holders: dict[object, list[tuple[str, str | None]]] = {}
        self.by_title: dict[str, set[str]] = {}
        self.offices: list[tuple[str, str]] = []
        """Each office's matching key and its holder."""
        self.held_at: list[tuple[int, int, str]] = []
        for fact in doc.facts:
            if fact.predicate != "kg:holdsPosition":
                continue
            office = doc.draft(str(fact.obj))
            words = key(office.label).split()
            for place in dict.fromkeys(places_of.get(fact.obj, [])):
                self.holders.setdefault(place, []).append((fact.subject, words[0] if words else None))
            if words:
                # under its first word and its first noun: "главный тренер «Металлурга»" is "— подчеркнул тренер"
                for word in dict.fromkeys((words[0], _first_noun(words))):
                    if word:
                        self.by_title.setdefault(word, set()).add(fact.subject)
                self.offices.append((" ".join(words), fact.subject))
            self.held_at += [(m.start, m.end, fact.subject) for m in office.mentions]
        self.by_word: dict[tuple[object, str | None], str] = {}
        for place, holders in self.holders.items():
            for subject, word in holders:
                self.by_word.setdefault((place, word), subject)

    def __call__(self, said: Said, last: str | None) -> tuple[str, ...]:
        """Who said it: one speaker, or each of "A и B" when both are persons."""
        parts = list(re.finditer(r"(?:^|(?<=\sи\s))\S.*?(?<=\S)(?=\s+и\s+|$)", said.speaker.text))
        if len(parts) == 2 and said.kind == "reported":
            each = [self.person_at(said.speaker.start + p.start(), said.speaker.start + p.end()) for p in parts]
            if all(each):
                return tuple(str(person) for person in each)
        speaker = self._speaker(said, last) or self._body_speaking(said)
        return (speaker,) if speaker else ()

    def _body_speaking(self, said: Said) -> str | None:
        """An organisation that speaks as itself: its name is the speaker's words, after "в" and a word for its
        voice ("В пресс-службе «Транснефти» заявили", "сообщили в пресс-службе МВД") or for its kind ("сообщает
        агентство Reuters"), with nothing after it ("Полиция сообщила, что …"; not "глава компании «X» заявил": a
        person of the body speaks)."""
        words = list(re.finditer(r"[^\s«»\"]+", said.speaker.text))
        index = 0
        if words and words[0].group().lower() in ("в", "во"):
            index = 1
        while index < len(words) and lemma(words[index].group().lower()) in _VOICES:
            index += 1
        if index >= len(words):
            return None
        start = said.speaker.start + words[index].start()
        end = said.speaker.start + words[-1].end()
        return next((ident for a, b, ident in self.bodies if a == start and b >= end), None)

    def _sentence_before(self, position: int) -> int:
        """Where the sentence before the one of `position` starts (past the blank lines between paragraphs), or
        where its own starts when it is the first."""
        start = self.sentence(position).start
        previous = len(self.text[:start].rstrip()) - 1
        return self.sentence(previous).start if previous >= 0 else start

    def _named_before(self, position: int, gender: str, nearest: bool = True, subject: bool = False) -> str | None:
        """The person mentioned last before `position`, in its sentence or the one before, when not known to be
        of the other gender (by a first name: "По ее словам" after "Антонио Мартин" is some woman's) nor named in the
        genitive ("Адвокат Ивана Петрова … По его словам": the lawyer's, whose name is not given). With `nearest`
        false, the last such person, passing over the others ("Флоранс Девуар высказалась против идеи Уэйлса. Она
        сказала: …"); with `subject`, passing over those named in any case but the nominative too ("Путин
        встретился с Токаевым. «…», — сказал он": Путин)."""
        low = self._sentence_before(position)
        index = bisect_left(self.person_starts, position) - 1
        while index >= 0 and self.persons[index][0] >= low:
            start, person = self.persons[index]
            if (
                not self._genitive(start)
                and self.genders.get(person, gender) == gender
                and (not subject or self._nominative(start, person))
            ):
                return person
            if nearest:
                return None
            index -= 1
        return None

    def _subject_since(self, since: int | None, position: int, gender: str) -> str | None:
        """The last person named in the nominative (not of the other gender) between `since` and `position`, in the
        sentence of `position` or the one before."""
        if since is None:
            return None
        found = self._named_before(position, gender, nearest=False, subject=True)
        low = max(since, self._sentence_before(position))
        named = self.persons[bisect_left(self.person_starts, low) : bisect_left(self.person_starts, position)]
        return found if found is not None and any(person == found for _, person in named) else None

    def _named_speaker(self, said: Said, person: str) -> str | None:
        """Of the persons the speaker's words name after another word, the last one not in the genitive, else none:
        "Адвокат Ивана Петрова заявил" is the lawyer's statement, not Petrov's; "Пресс-секретарь Владимира Путина
        Дмитрий Песков заявил" is Peskov's. `person` when no name stands after another word, and the person named
        first when the words open with a name ("Бадди Макгирт после известия о смерти Дадашева заявил")."""
        first = bisect_left(self.person_starts, said.speaker.start)
        last = bisect_left(self.person_starts, said.speaker.end)
        if first < len(self.persons) and self.persons[first][0] == said.speaker.start:
            return self.persons[first][1]
        named = self.persons[first:last]
        if not named:
            return person
        nominative = [
            ident for start, ident in named if not self._genitive(start) and not self._inflected(start, ident)
        ]
        return nominative[-1] if nominative else None

    def _inflected(self, start: int, person: str) -> bool:
        """Whether the mention starting at `start` ends in a word its person's label (in the nominative) lacks:
        "адвокат Эльсаеда" names Эмадельдин Эльсаед in the genitive, though pymorphy3 does not know the name."""
        words = {word.lower().replace("ё", "е") for word in self.labels[person].split()}
        mentioned = self.last_words.get(start)
        return mentioned is not None and bool(words) and mentioned.lower().replace("ё", "е") not in words

    def _nominative(self, start: int, person: str) -> bool:
        """Whether the name starting at `start` is written as its person's label (in the nominative), but for
        initials: "Путин" and "В. Путин" for Владимир Путин, not "Путина", nor "Токаевым" (pymorphy3 guesses
        nothing reliable of a foreign name: it reads "Буше" as a locative only)."""
        words = {word.lower().replace("ё", "е") for word in self.labels[person].split()}
        mentioned = CYRILLIC_WORD.findall(self.mention_text.get(start, ""))
        return all(len(word) == 1 or word.lower().replace("ё", "е") in words for word in mentioned)

    def _genitive(self, start: int) -> bool:
        """Whether the name starting at `start` can only be a genitive singular ("Ивана", not "Петрова"; not "Кая"
        before "Каллас", a woman's surname that a man's genitive would decline)."""
        word = re.match(r"\w+", self.text[start:])
        readings = parses(word.group().lower()) if word else ()
        surname = self.last_words.get(start)
        if surname and hers_alone(surname) and all(p.tag.gender == "masc" for p in readings if "gent" in p.tag):
            return False  # a man's genitive would have declined the surname too
        # singular: pymorphy3 reads an unknown foreign name ("Крэйг") as some name's genitive plural
        return any({"gent", "sing"} in p.tag for p in readings) and not any("nomn" in p.tag for p in readings)

    def _speaker(self, said: Said, last: str | None) -> str | None:
        # "по словам матери Майкла Джексона" are not his words: after "по словам", words in lower case are no
        # person's name, whoever they hold (a title is looked at below)
        according = said.verb.startswith("по ") and said.speaker.text[:1].islower()
        person = None if according else self.person_at(said.speaker.start, said.speaker.end)
        if person and _IN_WRITING.match(said.speaker.text) and lemma(said.verb.split()[0].lower()) == "говориться":
            # "— говорится в заявлении председателя совета директоров Игоря Малинина": his, named in the genitive
            named = self.persons[bisect_left(self.person_starts, said.speaker.start) :]
            return next((ident for start, ident in reversed(named) if start < said.speaker.end), person)
        if person:
            return self._named_speaker(said, person)
        if according:  # "по словам главного санитарного врача Анны Поповой": the office's holder, named in the words
            holder = self._office_holder_in(said.speaker.start, said.speaker.end)
            if holder:
                return holder
        words = said.speaker.text.lower().split()
        if len(words) == 1 and words[0] in OWN:  # "По его словам": the person named last, here or a sentence before
            return self._named_before(said.evidence.start, OWN[words[0]])
        if words and words[0] in PRONOUNS:  # the last speaker, unless a first name gives the other gender
            gender = PRONOUNS[words[0]]
            if gender == "plur":
                return None  # "сказали они": no one person
            if last is not None and self.genders.get(last, gender) == gender:
                # "… Геннадий Зюганов раскритиковал правительство. «…», — отметил он": a person named as a subject
                # since the last speaker's words is whom the pronoun stands for
                return self._subject_since(self.last_end, said.evidence.start, gender) or last
            # else the last person named in the nominative ("Мария Захарова назвала … «…», — сказала она")
            return self._named_before(said.evidence.start, gender, nearest=False, subject=True)
        # "По мнению экспертов, …"; "по словам главы сельсовета" is one person's (a genitive singular)
        # the group opens the speaker's words: "пресс-секретарь главы государства" is no group's
        group = self.group_at(said.speaker.start, said.speaker.start + 1)
        if group and said.kind == "reported" and (not according or people_named(words)):
            return group
        # A title ("глава Казахстана", "президент России"): the person holding an office of that state.
        place = self.place_at(said.speaker.start, said.speaker.end)
        # the title after a place's or a rank's adjective: "индийский премьер", "главный тренер"
        described = len(words) > 1 and _adjective_of(words[0], words[1])
        title_word = lemma(words[1] if described else words[0]) if words else ""
        # a title alone ("— сказал министр на брифинге в Москве"): the one person the article gives an office so named,
        # unless a place names the title's own state ("министр Турции": another minister)
        titled = {person for person in self.by_title.get(title_word, set()) if self._may_say(said, person)}
        if not titled and title_word in _HEAD_CALLED:  # "— сказал мэр" of "Глава Екатеринбурга Алексей Орлов"
            titled = {
                person
                for place, holders in self.holders.items()
                if self.classes.get(str(place)) == _HEAD_CALLED[title_word]
                for person, word in holders
                if word == "глава" and self._may_say(said, person)
            }
        alone = len(titled) == 1 and not _OWN_PLACE.match(said.speaker.text)
        if not place and len(words) == 1 and last in self.labels and self._goes_on(said, last, titled):
            # "Фидан заявил, что … «…», — подчеркнул министр": a bare title (an office's first word) right after
            # a person's words in the same paragraph is that person going on
            return last
        if last in self.labels and _in_other_words(words) and self._goes_on(said, last, None):
            return last  # "«…», — отметил сербский специалист": the coach named before, in other words
        if not place and len(words) == 2 and title_word in self.HEADS and lemma(words[1]) in _DESCRIBED:
            # "— сказал глава региона", "По словам главы региона": the one governor the article names
            heads = {
                person
                for office in _DESCRIBED[lemma(words[1])]
                for person in self.by_title.get(office, set())
                if self._may_say(said, person)
            }
            if len(heads) == 1:
                return heads.pop()
        if not place and len(words) > 1:
            # "— сказал министр экономического развития" of two ministers: the one whose office begins so
            spoken = key(said.speaker.text) + " "
            fitting = {
                person for office, person in self.offices if person in titled and (office + " ").startswith(spoken)
            }
            if len(fitting) == 1:
                return fitting.pop()
        if not place and len(words) > 1 and title_word in self.HEADS and _body_word(said.speaker.text.split()[1]):
            # "— добавил глава МИД": the one person heading a body so named ("глава российского МИД"), not the
            # one "глава" of another body ("глава государства" is no "глава МИД")
            body = lemma(words[1])
            heading = {
                person for office, person in self.offices if person in titled and body in map(lemma, office.split())
            }
            if len(heading) == 1:
                return heading.pop()
            if body not in _BODIES_BEFORE:
                return None  # "глава государства" of no president the article names: not the head of its ministry
        if not place:
            return next(iter(titled)) if alone else None
        if title_word in self.HEADS:
            return self.holders[place][0][0] if self.holders.get(place) else None
        found = self.by_word.get((place, title_word)) or next(  # "премьер" of an office "премьер-министр Индии"
            (person for person, word in self.holders.get(place, []) if word and word.startswith(title_word + "-")),
            None,
        )
        return found or (next(iter(titled)) if alone else None)

    def _may_say(self, said: Said, person: str) -> bool:
        """Whether the speech verb's gender, when it has one ("заявила"), may be the person's."""
        verb = parses(said.verb.split()[0].lower())[0] if said.verb.split() else None
        gender = verb.tag.gender if verb is not None and "VERB" in verb.tag and "past" in verb.tag else None
        return gender is None or self.genders.get(person, gender) == gender

    def _goes_on(self, said: Said, last: str, titled: set[str] | None) -> bool:
        """Whether `last`, who spoke last, goes on with `said`, said by a title: the last utterance ends in the
        paragraph of `said`, no person named between them, `last` may say it (the verb's gender), and holds an
        office so named (`titled`) or none ("«…», — сказал Смирнов. «…», — ответил министр": a director's words,
        then a minister's; "Ранее министр Роман Старовойт говорил, что … «…», — добавил топ-менеджер": not the
        minister's). `titled` None: said by a word that names no office (`_in_other_words`)."""
        if not self._may_say(said, last):
            return False
        if titled is not None and last not in titled and any(last in held for held in self.by_title.values()):
            return False
        if self.last_end is None or "\n" in self.text[self.last_end : said.evidence.start]:
            return False
        between = self.persons[bisect_left(self.person_starts, self.last_end) :]
        return not between or between[0][0] >= said.evidence.start

    def _office_holder_in(self, start: int, end: int) -> str | None:
        """The person holding an office mentioned within `start`..`end` whose holder the words name too."""
        for office_start, office_end, person in self.held_at:
            if start <= office_start and office_end <= end:
                named = self.persons[bisect_left(self.person_starts, start) : bisect_left(self.person_starts, end)]
                if any(ident == person for _, ident in named):
                    return person
        return None


_DESCRIBED = {
    "регион": ("губернатор",),
    "область": ("губернатор",),
    "край": ("губернатор",),
    "субъект": ("губернатор",),
    "город": ("мэр", "градоначальник"),
    "государство": ("президент", "король", "королева", "монарх"),
    "правительство": ("премьер-министр", "премьер"),
    "кабмин": ("премьер-министр", "премьер"),
}
"""What the head of a kind of place is called ("глава региона" is its governor, "глава города" its mayor, "глава
государства" its president or monarch, "глава правительства" its premier): whom a speaker described so is, when the
article names one person with such an office."""


_BODIES_BEFORE = frozenset(
    {"ведомство", "министерство", "компания", "корпорация", "организация", "банк", "холдинг", "фонд", "регион"}
    | {"область", "край", "республика", "город", "администрация", "департамент", "управление", "муниципалитет"}
)
"""Nouns by which a title refers to a body or place named before ("— сказал глава ведомства"): the one person the
article gives an office so named may be meant, whatever body the office names."""

_HEAD_CALLED = {"мэр": "schema:City", "градоначальник": "schema:City", "губернатор": "schema:AdministrativeArea"}
"""What the head ("глава") of a city or a region is called too: "— сказал мэр" is the words of the one "глава" of a
city the article names."""

_IN_WRITING = re.compile(r"[Вв]о?\s+(?:заявлении|сообщении|обращении|письме|посте|публикации|комментарии)\s")
"""Where words are written ("говорится в заявлении X"): X, in the genitive, wrote them."""


def _adjective_of(adjective: str, noun: str) -> bool:
    """Whether the first word is an adjective of the noun after it, in its case and number ("индийский премьер";
    not "знакомые артиста", the acquaintances of an artist).

    >>> _adjective_of("индийский", "премьер"), _adjective_of("знакомые", "артиста")
    (True, False)
    """
    forms = {(p.tag.case, p.tag.number) for p in parses(noun) if p.tag.POS == "NOUN"}
    return parses(adjective)[0].tag.POS == "ADJF" and any(
        (p.tag.case, p.tag.number) in forms for p in parses(adjective) if p.tag.POS == "ADJF"
    )


def _body_word(word: str) -> bool:
    """Whether a word after "глава" names what is headed: a noun ("государства") or an abbreviation ("МИД")."""
    return word.isupper() or parses(word.lower())[0].tag.POS == "NOUN"


_OTHER_WORDS = frozenset({"специалист", "наставник"})
"""Nouns by which news goes on about a person named before without naming an office: the coach is "сербский
специалист", "наставник красно-белых"."""


def _in_other_words(words: list[str]) -> bool:
    """Whether a speaker's words are one of `_OTHER_WORDS` after adjectives only ("сербский специалист")."""
    if not words or lemma(words[-1]) not in _OTHER_WORDS:
        return False
    return all(any({"ADJF", "PRTF"} & r.tag.grammemes for r in parses(word)[:1]) for word in words[:-1])


def _first_noun(words: list[str]) -> str | None:
    """The dictionary form of the first noun of an office's words, after its adjectives ("главный тренер":
    "тренер")."""
    for word in words:
        readings = parses(word)
        if any({"ADJF", "PRTF"} & reading.tag.grammemes for reading in readings):
            continue  # "старший", which pymorphy3 reads first as a noun
        return lemma(word) if readings and "NOUN" in readings[0].tag else None
    return None


_OWN_PLACE = re.compile(r"\S+(?:\s+(?!(?:в|во|на|из|с|со|у|по|при|после|перед|для|за|от|до)\s)[а-яё-]+)*?\s+[А-ЯЁ]")
"""A title followed by a capitalised word before any preposition: "министр иностранных дел Турции" names its state."""


_VOICES = frozenset(
    {"пресс-служба", "пресс-центр", "пресс-релиз", "сообщение", "заявление", "руководство", "канцелярия", "аппарат"}
    | {"агентство", "издание", "газета", "телеканал", "радиостанция", "компания", "ведомство", "сайт"}
    | {"представитель", "корреспондент"}
)
"""Words before an organisation's name that say it speaks as itself: its voice ("пресс-служба", "представитель
МИД" when no one is named, "корреспондент ТАСС") or its kind ("агентство Reuters")."""


def _gender(name: str) -> str | None:
    """The gender of a person's first name, when pymorphy3's dictionary has it as one ("Антонио": "masc"), else
    None (its guess for a name it lacks is no evidence: "Флоранс" would be a man's)."""
    words = name.split()
    if len(words) < 2:
        return None
    for parse in parses(words[0]):
        if "Name" in parse.tag and parse.tag.gender in ("masc", "femn") and parse.is_known:
            return str(parse.tag.gender)
    return None


@component("utterances", requires=("entities", "facts"), assigns=("utterances",))
def utterances(doc: Doc) -> None:
    """Direct quotes and reported speech whose speaker is a person the article names (or "он" after one), or
    reported speech of a group of people the article names."""
    utterances = doc.utterances
    last: str | None = None
    speakers_of = _Speakers(doc)
    for number, said in enumerate(find_utterances(doc.clean), start=1):
        speakers = speakers_of(said, last)
        if not speakers:
            continue
        # an organisation's words are no one's to go on with ("Полиция сообщила, что … «…», — сказал он")
        last = None if speakers[-1] in speakers_of.body_ids else speakers[-1]
        speakers_of.last_end = said.evidence.end
        direct = said.kind == "direct"
        utterances.append(
            Utterance(
                f"quote_{number}" if direct else f"statement_{number}",
                said.kind,
                speakers,
                doc.span(said.text.start, said.text.end),
                (doc.span(said.speaker.start, said.speaker.end),),
                verb=said.verb or None,
                confidence=0.8 if direct else 0.6,
            )
        )
