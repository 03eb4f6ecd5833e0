"""Who holds an office, and what its holder does. An office a person is named with in one sentence is not given to
another person from a sentence away: the cross-sentence classifier gave Мишустин the office of "Вьетнамский премьер",
which the article names Фам Минь Тинь with ("с премьер-министром Вьетнама Фам Минь Тинем"). And what is said of an
office is said of the one person who holds it in the article: "Глава Чувашии Олег Николаев переизбран" made the
office "глава Чувашии" take part in the election, "испанский дизайнер" made the office Spanish (the relation
classifier relates the words of the title); the person did, the person is.

>>> from kgraph.model import Entity, Fact
>>> from kgraph.source import Span, parse_article
>>> article = parse_article("a", "# Глава Чувашии Олег Николаев переизбран\\n")
>>> title, name, verb = Span(2, 15, "Глава Чувашии"), Span(16, 29, "Олег Николаев"), Span(30, 40, "переизбран")
>>> entities = {
...     "p": Entity("p", "schema:Person", {"ru": "Олег Николаев"}, mentions=(name,)),
...     "glava": Entity("glava", "kg:Position", {"ru": "глава Чувашии"}, mentions=(title,)),
...     "vybory": Entity("vybory", "schema:Event", {"ru": "переизбран"}, mentions=(verb,)),
... }
>>> facts = [
...     Fact("p", "kg:holdsPosition", "glava", (name, title), obj_is_entity=True),
...     Fact("glava", "kg:participantIn", "vybory", (title, verb), obj_is_entity=True),
... ]
>>> model = with_holders_acting(ArticleModel(article, entities=entities, facts=facts))
>>> [(f.subject, f.predicate, f.obj) for f in model.facts]
[('p', 'kg:holdsPosition', 'glava'), ('p', 'kg:participantIn', 'vybory')]
"""

import re
from dataclasses import replace

from ..model import ArticleModel, Fact
from ..source import Span
from .joins import merged_facts

OF_THE_HOLDER = frozenset(
    {
        "kg:participantIn",
        "kg:agentOf",
        "kg:origin",
        "schema:healthCondition",
        "kg:convictedOf",
        "kg:penalizedAs",
        "kg:produces",
    }
)
"""What a person does or is, never an office: the facts of an office with these predicates are its holder's."""


def _one_sentence(model: ArticleModel, fact: Fact) -> bool:
    """Whether a fact's evidence lies in one sentence of the article."""
    covering = {s for span in fact.evidence for s in model.article.sentences_covering(span)}
    return len(covering) <= 1


AFAR_DOUBT = 0.5
"""The confidence under which a holder from a sentence away yields to one named with the office: the cross-sentence
classifier keeps a relation from 0.4 (``relations.across.FLOOR``); a former and a present holder, each sure, both
stay."""


def without_holders_from_afar(model: ArticleModel) -> ArticleModel:
    """`model` less the facts, under ``AFAR_DOUBT``, that give an office a holder from a sentence away when a fact
    gives it another holder named with it in one sentence, each listed as left out."""
    near: dict[str, set[str]] = {}
    for fact in model.facts:
        if fact.predicate == "kg:holdsPosition" and fact.obj_is_entity and _one_sentence(model, fact):
            near.setdefault(str(fact.obj), set()).add(fact.subject)

    def afar(fact: Fact) -> str | None:
        office = str(fact.obj)
        others = near.get(office, set()) - {fact.subject}
        if fact.predicate != "kg:holdsPosition" or not others or _one_sentence(model, fact):
            return None
        if fact.confidence is None or fact.confidence >= AFAR_DOUBT:
            return None  # "Экс-президент Перу Алан Гарсия" (0.99) and "Действующий президент Перу Мартин Вискарра"
        label = model.entities[office].labels.get("ru", office) if office in model.entities else office
        holders = ", ".join(sorted(model.entities[o].labels.get("ru", o) for o in others if o in model.entities))
        return f"fact {fact.subject} kg:holdsPosition {office}: the article names {holders} with {label}"

    return model.without_facts(afar)


def sole_holders(model: ArticleModel) -> dict[str, str]:
    """Each office (``kg:Position``) the article gives exactly one holder -> that holder."""
    holders: dict[str, set[str]] = {}
    for fact in model.facts:
        if fact.predicate == "kg:holdsPosition" and fact.obj_is_entity:
            holders.setdefault(str(fact.obj), set()).add(fact.subject)
    return {
        office: next(iter(held))
        for office, held in holders.items()
        if len(held) == 1 and office in model.entities and model.entities[office].cls == "kg:Position"
    }


_ANOTHER = re.compile(r"(?:друг|втор|трет|прежн|предыдущ|будущ|следующ|очередн|один|одн)[а-яё]*")
"""The word before a title that tells of another holder than the one named ("Другой актёр", "Ещё один вице-премьер",
"одного из министров")."""
_ONCE = re.compile(r"(бывш|экс|свергнут|нынешн|действующ)[а-яё]*")
"""Words before a title that tell which holder: a fact of a title so told is the named holder's only when the article
names that holder with a word of the same time ("Бывший губернатор … приговорён" is not the present one's;
"бывшего президента" is the one named "Экс-президент")."""
_SAME_TIME = {"экс": "бывш", "свергнут": "бывш", "действующ": "нынешн"}


def _time(word: str) -> str | None:
    """Which holder a word before a title tells of ("бывшего", "экс": "бывш"), None for a word that tells none."""
    found = _ONCE.fullmatch(word)
    return _SAME_TIME.get(found.group(1), found.group(1)) if found else None


_FROM = re.compile(r"\s+(?:родом\s+)?из\s+")
"""What may stand between a title and its holder's origin after it: "писательница из Южной Кореи"."""
_ELECTED = re.compile(r"(?:выбор|избрани|избира|избран)[а-яё]*")
"""Words after which a title is the office voted for ("выборы президента"), not its holder."""
_WORD_BEFORE = re.compile(r"([а-яё]+)-?[^\S\n]*\Z")


def _before(text: str, span: Span) -> str:
    """The word right before `span` (or the prefix that opens it, "экс-"), lower case, "" when none."""
    found = _WORD_BEFORE.search(text.lower(), max(0, span.start - 30), span.start)
    opening = re.match(r"([а-яё]+)-", text[span.start : span.end].lower())
    return opening.group(1) if opening and _ONCE.fullmatch(opening.group(1)) else found.group(1) if found else ""


def _the_holders(text: str, fact: Fact, named: set[str]) -> bool:
    """Whether a fact said of an office is its named holder's: the words before the office's words in the fact tell
    of no other holder, nor of another time than those the holder is named with (`named`), nor an election; an
    origin only when its words are in the title, right before it ("испанский дизайнер") or after "из" ("писательница
    из Южной Кореи"; not "критиком США")."""
    if not fact.evidence:
        return False
    office = fact.evidence[0]
    word = _before(text, office)
    if _ANOTHER.fullmatch(word) or _ELECTED.fullmatch(word):
        return False
    if _time(word) is not None and _time(word) not in {_time(other) for other in named}:
        return False
    if fact.predicate == "kg:origin":
        origin = fact.evidence[-1]
        inside = office.start <= origin.start and origin.end <= office.end
        before = origin.end <= office.start and not text[origin.end : office.start].strip()
        after = office.end <= origin.start and _FROM.fullmatch(text, office.end, origin.start) is not None
        return inside or before or after
    return True


def with_holders_acting(model: ArticleModel) -> ArticleModel:
    """`model` with each fact of ``OF_THE_HOLDER`` said of an office with one holder said of that holder instead, when
    its words tell of that holder (``_the_holders``); one fact, both evidence, when the holder has it already."""
    holders = sole_holders(model)
    if not any(f.subject in holders and f.predicate in OF_THE_HOLDER for f in model.facts):
        return model
    text = model.article.text
    named: dict[str, set[str]] = {}  # office -> the words before its words where its holder is named with it
    for fact in model.facts:
        if fact.predicate == "kg:holdsPosition" and str(fact.obj) in holders:
            words = {m for m in model.entities[str(fact.obj)].mentions}
            for span in fact.evidence:
                if any(span.start < m.end and m.start < span.end for m in words):
                    named.setdefault(str(fact.obj), set()).add(_before(text, span))
    moved = (
        replace(fact, subject=holders[fact.subject])
        if fact.subject in holders
        and fact.predicate in OF_THE_HOLDER
        and _the_holders(text, fact, named.get(fact.subject, set()))
        else fact
        for fact in model.facts
    )
    return replace(model, facts=merged_facts(moved, lambda fact: True))
