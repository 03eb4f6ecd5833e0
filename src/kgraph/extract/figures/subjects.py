"""Whom a figure is about, read from the sentence's dependency tree (natasha's parser): the subject of the verb the
figure depends on ("Олег Кожемяко набрал 78,5% голосов", "Компания «Аэрофлот» перевезла 42 млн пассажиров"), the
one whose figure that subject names ("Выручка «Газпрома» составила 5 млрд рублей"), or, in a relative clause, the
one the clause is about ("Андрей Ищенко, за которого проголосовали около 9% избирателей"), or in an adverbial
participle's clause, the subject of the verb it hangs on ("Травников победил, набрав 72% голосов").

>>> from kgraph.extract.relations.learned import Sentences
>>> text = "Губернатор края Олег Кожемяко набрал 78,5% голосов."
>>> start, end = subject_words(Sentences(text), text.index("78"), text.index(" голосов"))[0]
>>> text[start:end]
'Губернатор'
"""

from collections.abc import Callable

from ..relations.learned import Sentences
from ..text.normalise import parses

_VERBS = {"VERB", "PRTF", "PRTS"}
_PENALISING = frozenset({"оштрафовать", "приговорить"})
"""Verbs whose figure is the penalty of the one they act on, a company as well as a person."""
_RECOVERING = frozenset({"взыскать", "взыскивать"})
"""Verbs whose figure is owed by the one it is taken from ("с" and the genitive), not by who takes it."""
_FROM = frozenset({"с", "со"})
_NAMES = ("appos", "flat:name", "flat", "nmod")
"""The words under a subject that may name whom it is, in this order: "губернатор края Олег Кожемяко" is the
person before the region, "Выручка «Газпрома»" the company's (``_of_or_in``)."""


def subject_words(sentences: Sentences, start: int, end: int) -> list[tuple[int, int]]:
    """The words (start, end offsets) that may name whom the figure at start..end is about, the likeliest first:
    the subject of the verb the figure depends on, then the words naming it (``_NAMES``), or the word just
    before a verb the tree gives no subject; nothing when the figure depends on no verb."""
    words = sentences.words
    first, last = sentences.first_word(start), sentences.last_word(end)
    heads = [i for i in range(first, last + 1) if not first <= words[i].head <= last]
    if first > last or not heads:
        return []
    figure = heads[0]
    if words[figure].rel.startswith("nummod") and words[figure].head >= 0:  # "42 млн пассажиров": the noun counted
        figure = words[figure].head
    holder = words[figure].head
    with_it = _prepositions(sentences, figure) in ({"с"}, {"со"})
    if with_it and words[figure].rel == "nmod" and holder >= 0 and words[holder].pos == "NOUN":
        # "кандидат от КПРФ Роман Яковлев с 13% голосов": the figure the noun is with is its own
        return [(words[i].start, words[i].end) for i in _naming(sentences, holder)]
    verb = words[figure].head
    if verb >= 0 and words[verb].pos == "GRND" and words[verb].rel == "advcl" and words[verb].head >= 0:
        verb = words[verb].head  # "… победил на выборах, набрав 72% голосов": the figure is the winner's
    if verb < 0 or words[verb].pos not in _VERBS or words[figure].rel == "conj":
        return []  # no verb, or a figure listed beside the subject ("Уильямс и два космонавта завершили")
    children = sentences.children
    objects = [i for i in children.get(verb, []) if words[i].rel == "obj" and i != figure]
    debtors = [i for i in children.get(verb, []) if words[i].rel == "obl" and _prepositions(sentences, i) & _FROM]
    if debtors and words[verb].lemma in _RECOVERING:  # "Суд взыскал с «Альфа-Строя» 890 млн рублей": the debtor's
        return [(words[i].start, words[i].end) for i in _naming(sentences, debtors[0])]
    if objects and (_animate(words[objects[0]].lemma) or words[verb].lemma in _PENALISING):
        # "приговорил футболиста к 21 месяцу", "оштрафовал компанию Google на 5 млн рублей": the figure is the one's
        # the verb acts on, not the court's
        return [(words[i].start, words[i].end) for i in _naming(sentences, objects[0])]
    if words[figure].rel == "obl" and objects and _prepositions(sentences, figure) & {"в", "во"}:
        # "оценивал оборот комплекса в 650 млн": the figure is the object's, not the one who tells it ("приобрела
        # дом за 8,1 млн" is the buyer's)
        owners = [i for i in _naming(sentences, objects[0])[1:] if not _prepositions(sentences, i)]
        return [(words[i].start, words[i].end) for i in owners]
    subjects = [i for i in children.get(verb, []) if words[i].rel.startswith("nsubj") and not first <= i <= last]
    # "Андрей Ищенко, за которого проголосовали 9%": a clause "который" opens is about the word it describes
    relative = words[verb].rel == "acl:relcl" and any(words[i].lemma == "который" for i in children.get(verb, []))
    if not subjects and relative and words[verb].head >= 0:
        subjects = [words[verb].head]
    if not subjects:
        # the parser hung the subject elsewhere: the word just before the verb ("… Олег Кожемяко набрал 78,5%"),
        # unless the figure is the subject ("54 из 81 члена Сената проголосуют")
        before = verb - 1
        same = before >= 0 and sentences.sentence_of_word[before] == sentences.sentence_of_word[verb]
        if not same or words[figure].rel.startswith("nsubj") or first <= before <= last:
            return []
        return [(words[before].start, words[before].end)]
    # the nearest subject first, where the parser gives the verb two
    found = [i for subject in sorted(subjects, key=lambda i: abs(verb - i)) for i in _naming(sentences, subject)]
    return [(words[i].start, words[i].end) for i in found]


def _naming(sentences: Sentences, word: int) -> list[int]:
    """A noun and the words under it that may name whom it is (``_NAMES``); not a person's employer or kin
    ("Экс-советник Трампа": the adviser, not Trump)."""
    words = sentences.words
    relations = _NAMES if not _animate(words[word].lemma) else tuple(r for r in _NAMES if r != "nmod")
    under = [i for i in sentences.children.get(word, []) if words[i].rel != "appos" or _agree(sentences, word, i)]
    return [word] + [i for r in relations for i in under if words[i].rel == r and _of_or_in(sentences, i)]


def _agree(sentences: Sentences, one: int, other: int) -> bool:
    """Whether two words may stand in one case, as a noun and the name in apposition to it do ("губернатор …
    Олег"); a subject is in the nominative: "Экс-советник Трампа", which the parser may read so, is not that."""
    cases = [{p.tag.case for p in parses(sentences.written(i).lower())} for i in (one, other)]
    if sentences.words[one].rel.startswith("nsubj"):
        cases[0] = {"nomn"}
    return bool(cases[0] & cases[1])


def _animate(lemma: str) -> bool:
    """Whether a noun names a living being ("советник", "член"), by pymorphy3's first reading."""
    return "anim" in parses(lemma)[0].tag


def _of_or_in(sentences: Sentences, word: int) -> bool:
    """Whether a word under the subject names whose it is or where: with no preposition ("Выручка «Газпрома»"), or
    after "в" ("Инфляция в России"), not after another ("Акции компании на Московской бирже": not the exchange's)."""
    return _prepositions(sentences, word) <= {"в", "во"}


def _prepositions(sentences: Sentences, word: int) -> set[str]:
    """The prepositions a word takes ("в" of "в России")."""
    words = sentences.words
    return {words[i].lemma for i in sentences.children.get(word, []) if words[i].rel == "case"}


def figure_subject(
    sentences: Sentences, start: int, end: int, entity_at: Callable[[int, int], str | None]
) -> str | None:
    """The entity (`entity_at` a word's offsets) whom the figure at start..end is about (``subject_words``)."""
    for word_start, word_end in subject_words(sentences, start, end):
        if (entity := entity_at(word_start, word_end)) is not None:
            return entity
    return None
