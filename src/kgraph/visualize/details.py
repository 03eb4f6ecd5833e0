"""What a node's side panel shows: its facts, quantities and quotes, each with the sentences that state them.

Evidence is given as ``{"s": sentence index, "marks": [[start, end], ...]}``, offsets relative to
the sentence, so the page can highlight the cited words without parsing anything.
"""

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS
from rdflib.term import Node

from ..namespaces import ITSRDF, KG, NIF, PROV, SCHEMA
from .network import NOT_EDGES, node_classes, node_labels, node_names, wikidata_ids
from .triples import Triples
from .vocabulary import term_label

Json = dict[str, Any]
_NOT_FACTS = NOT_EDGES | {PROV.wasDerivedFrom, KG.evidence, KG.text}
_QUANTITY_ROLES = (KG.concerns, KG.measure, KG.flowFrom, KG.flowTo)
_QUOTE_ROLES = (KG.speaker, KG.concerns, KG.occasion)
# rdflib makes a new term at each namespace attribute access; these are read for every sentence and phrase
_BEGIN, _END, _ANCHOR = NIF.beginIndex, NIF.endIndex, NIF.anchorOf
_CONTEXT, _SENTENCE = NIF.referenceContext, NIF.sentence


def both_labels(term: URIRef) -> dict[str, str]:
    """A term's readable label in English and Russian."""
    return {"en": term_label(term, "en"), "ru": term_label(term, "ru")}


def _offset(graph: Triples, node: Node, predicate: URIRef) -> int | None:
    value = graph.value(node, predicate)
    return int(value) if isinstance(value, Literal) and str(value).isdigit() else None


_MARKDOWN = re.compile(r"\*\*|__|^#{1,6}[ \t]+|\]\([^)\s]*\)|\[(?=[^\]\n]*\]\([^)\s]*\))", re.MULTILINE)
"""What an article's markdown adds to its words: bold markers, heading marks, a link's brackets and address."""


def as_text(markdown: str) -> tuple[str, list[int]]:
    """A sentence as a reader sees it, markdown taken out, and where each character (and the end) went.

    >>> text, where = as_text("Author: **Анна** [Омск Здесь](https://omskzdes.ru/)")
    >>> text, where[10], where[len("Author: **Анна** [Омск")]
    ('Author: Анна Омск Здесь', 8, 17)
    """
    if _MARKDOWN.search(markdown) is None:
        return markdown, list(range(len(markdown) + 1))
    kept: list[str] = []
    where: list[int] = []
    at = 0
    for found in _MARKDOWN.finditer(markdown):
        for char in markdown[at : found.start()]:
            where.append(len(kept))
            kept.append(char)
        where.extend([len(kept)] * (found.end() - found.start()))
        at = found.end()
    for char in markdown[at:]:
        where.append(len(kept))
        kept.append(char)
    where.append(len(kept))
    return "".join(kept), where


@dataclass
class Sentences:
    """The sentences cited on a page, each stored once; evidence points to them by index."""

    graph: Triples
    texts: list[str] = field(default_factory=list)
    _index: dict[Node, int] = field(default_factory=dict)

    _shown: dict[int, list[int]] = field(default_factory=dict)
    """Per sentence, where each of its characters is in the text shown (markdown taken out)."""

    def index(self, sentence: Node) -> int | None:
        if sentence not in self._index:
            text = self.graph.value(sentence, _ANCHOR)
            if text is None:
                return None
            self._index[sentence] = len(self.texts)
            shown, self._shown[len(self.texts)] = as_text(str(text))
            self.texts.append(shown)
        return self._index[sentence]

    def evidence(self, sentences: Iterable[Node], phrases: Iterable[Node]) -> list[Json]:
        """Each sentence with the phrases inside it marked, in text order."""
        spans = [(p, _offset(self.graph, p, _BEGIN), _offset(self.graph, p, _END)) for p in phrases]
        found = []
        for sentence in sorted(set(sentences), key=str):
            begin, end = (
                _offset(self.graph, sentence, _BEGIN),
                _offset(self.graph, sentence, _END),
            )
            index = self.index(sentence)
            if index is None or begin is None or end is None:
                continue
            context = self.graph.value(sentence, _CONTEXT)
            marks = sorted(
                [max(start, begin) - begin, min(stop, end) - begin]
                for phrase, start, stop in spans
                if start is not None
                and stop is not None
                and start < end
                and stop > begin
                and self.graph.value(phrase, _CONTEXT) == context
            )
            shown = self._shown[index]
            marks = [[shown[start], shown[stop]] for start, stop in marks if shown[stop] > shown[start]]
            found.append((begin, {"s": index, "marks": marks}))
        return [item for _, item in sorted(found, key=lambda f: (f[0], f[1]["s"]))]

    def of(self, node: Node) -> list[Json]:
        """The evidence a quantity, quote or assertion cites."""
        return self.evidence(self.graph.objects(node, PROV.wasDerivedFrom), self.graph.objects(node, KG.evidence))


class PanelBuilder:
    """Builds the panel contents of every node of a page from the full graph."""

    def __init__(self, graph: Triples, ids: dict[URIRef, str]) -> None:
        self.graph = graph
        self.ids = ids
        self.sentences = Sentences(graph)
        self.assertions: dict[tuple[Node, Node, Node], list[Node]] = defaultdict(list)
        for assertion in graph.subjects(RDF.type, KG.Assertion):
            triple = (
                graph.value(assertion, RDF.subject),
                graph.value(assertion, RDF.predicate),
                graph.value(assertion, RDF.object),
            )
            self.assertions[triple].append(assertion)  # type: ignore[index]

    def statement(self, s: Node, p: URIRef, o: Node) -> list[Json]:
        evidence = []
        for assertion in sorted(self.assertions.get((s, p, o), []), key=str):
            evidence.extend(self.sentences.of(assertion))
        return evidence

    def implied(self, s: Node, p: URIRef, o: Node) -> bool:
        found = self.assertions.get((s, p, o), [])
        return bool(found) and all(self.graph.value(a, KG.implied) == Literal(True) for a in found)

    def value(self, term: Node) -> Json:
        """How a fact's object that is not a node is written in the panel."""
        if isinstance(term, Literal):
            return {"text": str(term), "lang": term.language or ""}
        if isinstance(term, URIRef):
            labelled = self.graph.value(term, RDFS.label) is not None
            shown: Json = {"text": node_labels(self.graph, term)["en"] if labelled else str(term), "lang": ""}
            if not labelled and str(term).startswith(("https://", "http://")):
                shown["href"] = str(term)
            return shown
        return {"text": "(blank node)", "lang": ""}

    def fact(self, direction: str, s: Node, p: URIRef, o: Node) -> Json:
        other = o if direction == "out" else s
        item: Json = {"dir": direction, "iri": str(p), "p": both_labels(p), "ev": self.statement(s, p, o)}
        if other in self.ids:
            item["node"] = self.ids[other]  # type: ignore[index]
        else:
            item.update(self.value(other))
        if self.implied(s, p, o):
            item["implied"] = True
        return item

    def facts(self, node: URIRef) -> list[Json]:
        outgoing = [
            self.fact("out", node, p, o)
            for p, o in sorted(self.graph.predicate_objects(node), key=lambda po: (str(po[0]), str(po[1])))
            if isinstance(p, URIRef)
            and p not in _NOT_FACTS
            and not (isinstance(o, URIRef) and str(o).startswith(str(NIF)))
        ]
        incoming = [
            self.fact("in", s, p, node)
            for s, p in sorted(self.graph.subject_predicates(node), key=lambda sp: (str(sp[1]), str(sp[0])))
            if s in self.ids and p not in _NOT_FACTS and isinstance(p, URIRef)
        ]
        return outgoing + incoming

    def related(self, node: URIRef, kinds: Iterable[URIRef], roles: Iterable[URIRef]) -> list[Json]:
        """Quantities or quotes that name `node` in one of `roles`."""
        kinds = set(kinds)
        found = []
        for role in roles:
            for other in sorted(self.graph.subjects(role, node), key=str):
                types = set(self.graph.objects(other, RDF.type))
                if not types & kinds:
                    continue
                item: Json = {
                    "iri": str(other),
                    "role": both_labels(role),
                    "labels": node_labels(self.graph, other),
                    "kind": both_labels(sorted(types & kinds, key=str)[0]),  # type: ignore[arg-type]
                    "ev": self.sentences.of(other),
                }
                text = self.graph.value(other, SCHEMA.text)
                if text is not None:
                    item["text"] = str(text)
                found.append((str(other), str(role), item))
        return [item for *_, item in sorted(found, key=lambda f: (f[0], f[1]))]

    def mentions(self, node: URIRef) -> list[Json]:
        phrases = list(self.graph.subjects(ITSRDF.taIdentRef, node))
        sentences = {s for p in phrases for s in self.graph.objects(p, _SENTENCE)}
        return self.sentences.evidence(sentences, phrases)

    def articles(self, node: URIRef) -> list[Json]:
        """The articles that name the node, by date and headline: for a node the build made of several articles'
        entities (``identity.resolve``), every one of them; the page id of each article shown on the page."""
        found = []
        for article in set(self.graph.subjects(SCHEMA.mentions, node)):
            headline = self.graph.value(article, SCHEMA.headline)
            published = self.graph.value(article, SCHEMA.datePublished)
            item: Json = {"headline": str(headline or article), "date": str(published or "")}
            if article in self.ids:
                item["node"] = self.ids[article]  # type: ignore[index]
            found.append(item)
        return sorted(found, key=lambda item: (item["date"], item["headline"]))

    def panel(self, node: URIRef) -> Json:
        return {
            "iri": str(node),
            "labels": node_labels(self.graph, node),
            "names": node_names(self.graph, node),
            "classes": [both_labels(c) for c in node_classes(self.graph, node)],
            "wikidata": wikidata_ids(self.graph, node),
            "facts": self.facts(node),
            "quantities": self.related(node, (KG.Quantity,), _QUANTITY_ROLES),
            "quotes": self.related(node, (KG.DirectQuote, KG.ReportedStatement, KG.Utterance), _QUOTE_ROLES),
            "mentions": self.mentions(node),
            "articles": self.articles(node),
        }


def panels(graph: Graph | Dataset | Triples, ids: dict[URIRef, str]) -> tuple[dict[str, Json], list[str]]:
    """The panel of every node in `ids` (IRI -> page id) and the sentences their evidence points to."""
    builder = PanelBuilder(Triples.of(graph), ids)
    contents = {ident: builder.panel(node) for node, ident in ids.items()}
    return contents, builder.sentences.texts
