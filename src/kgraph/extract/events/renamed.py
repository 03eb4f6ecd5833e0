"""An event the article names again: two events of one article that the relation classifier calls other names of
each other (NEREL's ALTERNATIVE_NAME, stated as schema:alternateName) and whose names have the same head noun are
one event ("# Авария на водопроводе …" and "произошла крупная авария": one accident, not two nodes that name each
other). Events whose head nouns differ ("сложить полномочия", "отречение") stay apart, each naming the other. So is
a headline's event the one event of its kind the text names in other words (``headline_events``).

>>> from kgraph.model import Entity, Fact
>>> from kgraph.source import Span
>>> def event(ident, label):
...     return Entity(ident, "schema:Event", {"ru": label}, mentions=(Span(0, len(label), label),))
>>> entities = {"a": event("a", "Авария"), "b": event("b", "крупная авария"), "c": event("c", "отречение")}
>>> facts = [Fact("a", "schema:alternateName", "крупная авария", (), language="ru"),
...          Fact("b", "schema:alternateName", "отречение", (), language="ru")]
>>> named_again(entities, facts)
{'a': 'b'}
"""

from collections.abc import Iterable, Mapping
from dataclasses import replace

from ...model import ArticleModel, Entity, Fact
from ...resources import subclasses
from ...source import Article
from ..joins import merged, with_joined
from ..text.normalise import LETTER_WORD, lemma, parses
from .events import OTHER_OF_KIND

_EVENT = "schema:Event"


def _head(label: str) -> str | None:
    """The lemma of the first noun of an event's name ("крупная авария": авария; "церемония открытия":
    церемония; "пресс-конференция", a word with its hyphen), None when no word is read first as a noun.

    >>> _head("крупная авария"), _head("пресс-конференция"), _head("подписали")
    ('авария', 'пресс-конференция', None)
    """
    for word in LETTER_WORD.findall(label.lower()):
        if parses(word)[0].tag.POS == "NOUN":
            return lemma(word).replace("ё", "е")
    return None


def named_again(entities: Mapping[str, Entity], facts: Iterable[Fact]) -> dict[str, str]:
    """Event -> the event it is one with: the one event whose Russian label the other's alternateName is, of the
    same class (or either a plain schema:Event), with the same head noun and no other Wikidata item, neither named as
    another of its kind ("следующий фестиваль"); the one with an item, else the one with the longer name, is kept
    ("крупная авария" over "Авария")."""
    events = subclasses(_EVENT)
    by_label: dict[tuple[str, str], list[str]] = {}
    for ident, entity in entities.items():
        if entity.cls in events:
            label = entity.labels.get("ru", "")
            by_label.setdefault((label.casefold(), entity.cls), []).append(ident)
    found: dict[str, str] = {}
    for fact in facts:
        one = entities.get(fact.subject)
        if fact.predicate != "schema:alternateName" or one is None or one.cls not in events:
            continue
        others = [
            ident
            for (label, cls), idents in by_label.items()
            if label == str(fact.obj).casefold() and (cls == one.cls or _EVENT in (cls, one.cls))
            for ident in idents
            if ident != fact.subject
        ]
        taken = found.keys() | found.values()
        if len(others) != 1 or fact.subject in taken or others[0] in taken:
            continue  # an event joined once: no chains
        other = entities[others[0]]
        if None not in (one.wikidata, other.wikidata) and one.wikidata != other.wikidata:
            continue  # two items: two events, whatever the classifier says
        head = _head(one.labels.get("ru", ""))
        if head is None or head != _head(other.labels.get("ru", "")):
            continue
        if any(OTHER_OF_KIND.match(e.labels.get("ru", "").lower()) for e in (one, other)):
            continue  # "следующий фестиваль … в 2026 году" is another festival, whatever the classifier says
        # the one with a Wikidata item is kept, else the longer name ("крупная авария" over "Авария")
        short, long = sorted(
            (fact.subject, others[0]),
            key=lambda i: (entities[i].wikidata is not None, len(entities[i].labels.get("ru", "")), i),
        )
        found[short] = long
    return found


def headline_events(entities: Mapping[str, Entity], article: Article) -> dict[str, str]:
    """Event named first in the headline -> the event the text names apart: the one other event of its class, a
    class of its own (an exhibition, a forum, a match; not a plain schema:Event), with its head noun ("# Эрмитаж
    откроет выставку картин Рембрандта" and "… откроет выставку «Рембрандт и его ученики»": one exhibition), where no
    third event of that class has that head noun; not when the text names the headline's event in more than its head
    noun itself, nor when the other's sentence tells another of its kind ("Предыдущая выставка", "Последняя выставка
    такого масштаба прошла полвека назад", "в прошлом году").

    >>> from kgraph.source import Span, parse_article
    >>> text = "# Откроют выставку картин\\n\\nОткроют выставку «Рембрандт». Выставка продлится.\\n"
    >>> article = parse_article("a", text)
    >>> def event(ident, label, start, end):
    ...     return Entity(ident, "schema:ExhibitionEvent", {"ru": label}, mentions=(Span(start, end, "…"),))
    >>> headline_events({"h": event("h", "выставка картин", 10, 25), "t": event("t", "выставка", 35, 55)}, article)
    {'h': 't'}
    """
    headline, kinds = article.headline, subclasses(_EVENT) - {_EVENT}
    by_head: dict[tuple[str, str], list[str]] = {}
    for ident, entity in entities.items():
        if entity.cls in kinds and (head := _head(entity.labels.get("ru", ""))) is not None:
            by_head.setdefault((entity.cls, head), []).append(ident)
    found = {}
    for idents in by_head.values():
        if len(idents) != 2:
            continue
        # the headline's is named there first (the text's bare "выставка" may have joined it); the other, never there
        told = [headline.start <= min(entities[i].mentions).start < headline.end for i in idents]
        inside = [any(headline.start <= m.start < headline.end for m in entities[i].mentions) for i in idents]
        if sorted(told) != [False, True] or all(inside) or any(entities[i].wikidata for i in idents):
            continue
        short, named = idents[told.index(True)], idents[told.index(False)]
        again = [m for m in entities[short].mentions if not headline.start <= m.start < headline.end]
        if any(len(LETTER_WORD.findall(m.text)) > 1 for m in again):
            continue  # the text names the headline's event itself: the other is another
        first = min(entities[named].mentions)
        sentence = next((s.text for s in article.sentences if s.start <= first.start < s.end), first.text)
        if any(OTHER_OF_KIND.fullmatch(word.lower()) for word in LETTER_WORD.findall(sentence)):
            continue
        found[short] = named
    return found


def with_events_named_again(model: ArticleModel) -> ArticleModel:
    """`model` with each event of ``named_again`` and ``headline_events`` one with the event it is: its mentions and
    facts that event's, and no longer a name of itself; an event's other name that names another of its kind
    ("следующий фестиваль") is left out."""
    events = subclasses(_EVENT)
    model = model.without_facts(
        lambda fact: (
            f"fact {fact.subject} schema:alternateName {fact.obj}: another event of its kind"
            if fact.predicate == "schema:alternateName"
            and fact.subject in model.entities
            and model.entities[fact.subject].cls in events
            and OTHER_OF_KIND.match(str(fact.obj).lower()) is not None
            else None
        )
    )  # "следующий фестиваль" is no other name of the festival the article tells of
    joined = merged(named_again(model.entities, model.facts), headline_events(model.entities, model.article))
    if not joined:
        return model
    model = with_joined(model, joined)
    labels = {ident: entity.labels.get("ru", "").casefold() for ident, entity in model.entities.items()}
    kept = [
        fact
        for fact in model.facts
        if not (fact.predicate == "schema:alternateName" and str(fact.obj).casefold() == labels.get(fact.subject))
    ]
    return replace(model, facts=kept)
