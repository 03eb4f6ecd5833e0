"""Entities being assembled, their ids and the facts about them: the workbench of the extraction rules.

>>> from kgraph.source import parse_article
>>> builder = Builder(parse_article("x", "# Т\\n\\nОмск.\\n"))
>>> builder.add(Draft("CITY", "Омск", [builder.span(5, 9)], cls="schema:City"))
'omsk'
"""

from collections.abc import Iterable

from ..model import Entity, Fact
from ..source import Article, Span
from .entities import Draft, english_label, entity_id
from .normalise import key


class Builder:
    """Collects drafts into entities with ids, and facts about them."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.text = article.text
        self.drafts: list[Draft] = []
        self.ids: dict[int, str] = {}
        self.facts: list[Fact] = []

    def add(self, draft: Draft) -> str:
        for index, known in enumerate(self.drafts):
            if known.cls == draft.cls and key(known.label) == key(draft.label):
                known.mentions.extend(m for m in draft.mentions if m not in known.mentions)
                return self.ids[index]
        ident = entity_id(draft, set(self.ids.values()))
        self.ids[len(self.drafts)] = ident
        self.drafts.append(draft)
        return ident

    def drop_unmentioned(self) -> None:
        """Forget the drafts left with no mention; only before any fact refers to an entity."""
        kept = [index for index, draft in enumerate(self.drafts) if draft.mentions]
        self.ids = {new: self.ids[old] for new, old in enumerate(kept)}
        self.drafts = [self.drafts[index] for index in kept]

    def at(self, start: int, end: int, classes: Iterable[str] | None = None) -> str | None:
        """The entity with a mention overlapping start..end (of one of `classes`), if any."""
        wanted = set(classes) if classes else None
        for index, draft in enumerate(self.drafts):
            if wanted and draft.cls not in wanted:
                continue
            if any(m.start < end and start < m.end for m in draft.mentions):
                return self.ids[index]
        return None

    def starting_at(self, span: Span) -> str | None:
        """The entity (not an opening) with a mention starting where `span` does, else one inside `span`."""
        inside = None
        for index, draft in enumerate(self.drafts):
            if draft.cls == "kg:Opening":
                continue
            if any(m.start in (span.start, span.start + 1) for m in draft.mentions):
                return self.ids[index]
            if inside is None and any(span.start <= m.start and m.end <= span.end for m in draft.mentions):
                inside = self.ids[index]
        return inside

    def fact(self, s: str, p: str, o: object, evidence: Span, confidence: float, entity: bool = True) -> None:
        fact = Fact(s, p, o, (evidence,), obj_is_entity=entity, confidence=confidence)  # type: ignore[arg-type]
        if not any(f.subject == s and f.predicate == p and f.obj == o for f in self.facts):
            self.facts.append(fact)

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    def sentence(self, position: int) -> Span:
        for sentence in self.article.sentences:
            if sentence.start <= position < sentence.end:
                return sentence
        return self.span(position, position + 1)

    def entities(self) -> dict[str, Entity]:
        result = {}
        for index, draft in enumerate(self.drafts):
            mentions = tuple(sorted(set(draft.mentions)))
            result[self.ids[index]] = Entity(
                self.ids[index],
                draft.cls,
                {"ru": draft.label, "en": english_label(draft)},
                draft.wikidata,
                mentions,
                round(draft.confidence, 2),
            )
        return result

    def draft(self, ident: str) -> Draft:
        """The draft of entity `ident`."""
        return self.drafts[self.index(ident)]

    def index(self, ident: str) -> int:
        """The position of entity `ident` among the drafts."""
        return next(index for index, known in self.ids.items() if known == ident)
