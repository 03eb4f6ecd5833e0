"""What a node's side panel shows: its facts, quantities and quotes, each with the sentences that state them.

Evidence is given as ``{"s": sentence index, "marks": [[start, end], ...]}``, offsets relative to
the sentence, so the page can highlight the cited words without parsing anything.
"""

import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from rdflib import Dataset, Graph
from rdflib.namespace import RDF, RDFS, XSD

from ..namespaces import ITSRDF, KG, NIF, PROV, SCHEMA
from .network import NOT_EDGES, TYPE, labels_of, node_classes, node_labels, node_names, wikidata_ids
from .triples import Lit, Term, Triples, is_iri, text
from .vocabulary import term_label

Json = dict[str, Any]
_DERIVED, _EVIDENCE, _TEXT = str(PROV.wasDerivedFrom), str(KG.evidence), str(KG.text)
_NOT_FACTS = NOT_EDGES | {_DERIVED, _EVIDENCE, _TEXT}
_QUANTITY_ROLES = tuple(str(role) for role in (KG.concerns, KG.measure, KG.flowFrom, KG.flowTo))
_QUOTE_ROLES = tuple(str(role) for role in (KG.speaker, KG.concerns, KG.occasion))
_QUANTITY_KINDS = frozenset({str(KG.Quantity)})
_QUOTE_KINDS = frozenset(str(kind) for kind in (KG.DirectQuote, KG.ReportedStatement, KG.Utterance))
_BEGIN, _END, _ANCHOR = str(NIF.beginIndex), str(NIF.endIndex), str(NIF.anchorOf)
_CONTEXT, _SENTENCE, _NIF = str(NIF.referenceContext), str(NIF.sentence), str(NIF)
_ASSERTION, _SUBJECT, _PREDICATE, _OBJECT = str(KG.Assertion), str(RDF.subject), str(RDF.predicate), str(RDF.object)
_IMPLIED, _TRUE = str(KG.implied), Lit("true", "", str(XSD.boolean))
_LABEL, _SCHEMA_TEXT, _TA_IDENT_REF = str(RDFS.label), str(SCHEMA.text), str(ITSRDF.taIdentRef)
_MENTIONS, _HEADLINE, _PUBLISHED = str(SCHEMA.mentions), str(SCHEMA.headline), str(SCHEMA.datePublished)


@cache  # the same few properties and classes on every panel (the page's JSON may share the dict)
def both_labels(term: str) -> dict[str, str]:
    """A term's readable label in English and Russian."""
    return {"en": term_label(term, "en"), "ru": term_label(term, "ru")}


def _offset(graph: Triples, node: Term, predicate: str) -> int | None:
    value = graph.value(node, predicate)
    return int(value.value) if isinstance(value, Lit) and value.value.isdigit() else None


_MARKDOWN = re.compile(r"\*\*|__|^#{1,6}[ \t]+|\]\([^)\s]*\)|\[(?=[^\]\n]*\]\([^)\s]*\))", re.MULTILINE)
"""What an article's markdown adds to its words: bold markers, heading marks, a link's brackets and address."""


_WIKI_LINK = re.compile(r"\[(?:https?://|www\.)[^\s\]]+[ \t]+(?=[^\]\n]+\])([^\]\n]+)\]")
"""A MediaWiki link ("[http://sozd.parliament.gov.ru/bill/589658-7 появился]"): its brackets and address go, its
words stay (NEREL's texts hold some)."""


def as_text(markdown: str) -> tuple[str, list[int] | None]:
    """A sentence as a reader sees it, markdown (and a MediaWiki link's address) taken out, and where each character
    (and the end) went: None when nothing was taken out (most sentences), each character staying where it was.

    >>> text, where = as_text("Author: **Анна** [Омск Здесь](https://omskzdes.ru/)")
    >>> text, where[10], where[len("Author: **Анна** [Омск")]
    ('Author: Анна Омск Здесь', 8, 17)
    >>> as_text("на сайте [http://sozd.parliament.gov.ru/bill/1 появился] законопроект")[0]
    'на сайте появился законопроект'
    >>> as_text("Омск")
    ('Омск', None)
    """
    cuts = [found.span() for found in _MARKDOWN.finditer(markdown)]
    for found in _WIKI_LINK.finditer(markdown):
        cuts += [(found.start(), found.start(1)), (found.end(1), found.end())]
    if not cuts:
        return markdown, None
    kept: list[str] = []
    where: list[int] = []
    at = 0
    for start, end in sorted(cuts):
        if start < at:
            continue  # within a cut already made
        for char in markdown[at:start]:
            where.append(len(kept))
            kept.append(char)
        where.extend([len(kept)] * (end - start))
        at = end
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
    _index: dict[Term, int] = field(default_factory=dict)

    _shown: dict[int, list[int] | None] = field(default_factory=dict)
    """Per sentence, where each of its characters is in the text shown (markdown taken out), or None when each is
    where it was."""

    def index(self, sentence: Term) -> int | None:
        if sentence not in self._index:
            anchor = self.graph.value(sentence, _ANCHOR)
            if anchor is None:
                return None
            self._index[sentence] = len(self.texts)
            shown, self._shown[len(self.texts)] = as_text(text(anchor))
            self.texts.append(shown)
        return self._index[sentence]

    def evidence(self, sentences: Iterable[Term], phrases: Iterable[Term]) -> list[Json]:
        """Each sentence with the phrases inside it marked, in text order."""
        graph = self.graph
        spans = [
            (start, stop, graph.value(p, _CONTEXT))
            for p in phrases
            if (start := _offset(graph, p, _BEGIN)) is not None and (stop := _offset(graph, p, _END)) is not None
        ]
        found: list[tuple[int, Json]] = []
        for sentence in _in_order(sentences if isinstance(sentences, set) else set(sentences)):
            begin, end = _offset(graph, sentence, _BEGIN), _offset(graph, sentence, _END)
            index = self.index(sentence)
            if index is None or begin is None or end is None:
                continue
            context = graph.value(sentence, _CONTEXT)
            marks = _sorted(
                [
                    [max(start, begin) - begin, min(stop, end) - begin]
                    for start, stop, within in spans
                    if start < end and stop > begin and within == context
                ]
            )
            shown = self._shown[index]
            if shown is not None:
                marks = [[shown[start], shown[stop]] for start, stop in marks if shown[stop] > shown[start]]
            elif marks:
                marks = [mark for mark in marks if mark[1] > mark[0]]
            found.append((begin, {"s": index, "marks": marks}))
        if len(found) > 1:
            found.sort(key=lambda f: (f[0], f[1]["s"]))
        return [item for _, item in found]

    def of(self, node: Term) -> list[Json]:
        """The evidence a quantity, quote or assertion cites."""
        return self.evidence(self.graph.objects(node, _DERIVED), self.graph.objects(node, _EVIDENCE))


def _sorted_by_text(facts: list[tuple[str, str, Term]]) -> list[tuple[str, str, Term]]:
    """(property, the other end's text, the other end) in that order, the ends' terms never compared."""
    if len(facts) > 1:
        facts.sort(key=lambda fact: fact[:2])
    return facts


def _sorted(items: list[Any]) -> list[Any]:
    """`items` sorted (most lists here hold one item or none)."""
    if len(items) > 1:
        items.sort()
    return items


def _in_order(terms: Collection[Term]) -> Iterable[Term]:
    """Terms in the order of their text (most lists here hold one term or none)."""
    return terms if len(terms) < 2 else sorted(terms, key=text)


def _russian_first(term: Term) -> tuple[bool, str, str]:
    """Russian (the language of the articles kgraph reads) first, then by language and text: an article's
    headline in any language, the same one on every page."""
    lang = term.lang if isinstance(term, Lit) else ""
    return lang != "ru", lang, text(term)


class PanelBuilder:
    """Builds the panel contents of every node of a page from the full graph."""

    def __init__(self, graph: Triples, ids: dict[str, str]) -> None:
        self.graph = graph
        self.ids = ids
        self.sentences = Sentences(graph)
        self.assertions: dict[tuple[Term | None, Term | None, Term | None], list[Term]] = defaultdict(list)
        for assertion in graph.subjects(TYPE, _ASSERTION):
            triple = (
                graph.value(assertion, _SUBJECT),
                graph.value(assertion, _PREDICATE),
                graph.value(assertion, _OBJECT),
            )
            self.assertions[triple].append(assertion)
        self.related_nodes = {
            node
            for kinds, roles in ((_QUANTITY_KINDS, _QUANTITY_ROLES), (_QUOTE_KINDS, _QUOTE_ROLES))
            for kind in kinds
            for other in graph.subjects(TYPE, kind)
            for role in roles
            for node in graph.objects(other, role)
        }
        """The nodes a quantity or a quote names in one of its roles: the others have neither (most nodes)."""

    def statement(self, assertions: list[Term]) -> list[Json]:
        """The evidence the assertions of one fact cite."""
        evidence: list[Json] = []
        for assertion in _in_order(assertions):
            evidence.extend(self.sentences.of(assertion))
        return evidence

    def implied(self, assertions: list[Term]) -> bool:
        """Whether the assertions of one fact (some) all say it is implied."""
        return bool(assertions) and all(self.graph.value(a, _IMPLIED) == _TRUE for a in assertions)

    def value(self, term: Term) -> Json:
        """How a fact's object that is not a node is written in the panel."""
        if isinstance(term, Lit):
            return {"text": term.value, "lang": term.lang}
        if is_iri(term):
            labelled = self.graph.value(term, _LABEL) is not None
            shown: Json = {"text": node_labels(self.graph, term)["en"] if labelled else term, "lang": ""}
            if not labelled and term.startswith(("https://", "http://")):
                shown["href"] = term
            return shown
        return {"text": "(blank node)", "lang": ""}

    def fact(self, direction: str, s: Term, p: str, o: Term) -> Json:
        other = o if direction == "out" else s
        assertions = self.assertions.get((s, p, o), [])  # looked up once: most facts have none
        item: Json = {"dir": direction, "iri": p, "p": both_labels(p), "ev": self.statement(assertions)}
        ident = self.ids.get(other)  # type: ignore[arg-type]  # a literal is no node
        if ident is not None:
            item["node"] = ident
        else:
            item.update(self.value(other))
        if self.implied(assertions):
            item["implied"] = True
        return item

    def facts(self, node: str) -> list[Json]:
        outgoing = [
            (p, text(o), o)
            for p, objects in self.graph.by_predicate(node).items()
            if p not in _NOT_FACTS
            for o in objects
            if not (is_iri(o) and o.startswith(_NIF))
        ]
        incoming: list[tuple[str, str, Term]] = [
            (p, text(s), s) for s, p in self.graph.subject_predicates(node) if s in self.ids and p not in _NOT_FACTS
        ]
        return [self.fact("out", node, p, o) for p, _, o in _sorted_by_text(outgoing)] + [
            self.fact("in", s, p, node) for p, _, s in _sorted_by_text(incoming)
        ]

    def related(self, node: str, kinds: frozenset[str], roles: Iterable[str]) -> list[Json]:
        """Quantities or quotes that name `node` in one of `roles`."""
        if node not in self.related_nodes:
            return []
        found = []
        for role in roles:
            for other in _in_order(self.graph.subjects(role, node)):
                types = set(self.graph.objects(other, TYPE)) & kinds
                if not types:
                    continue
                item: Json = {
                    "iri": text(other),
                    "role": both_labels(role),
                    "labels": node_labels(self.graph, other),
                    "kind": both_labels(sorted(types, key=text)[0]),
                    "ev": self.sentences.of(other),
                }
                said = self.graph.value(other, _SCHEMA_TEXT)
                if said is not None:
                    item["text"] = text(said)
                found.append((text(other), role, item))
        return [item for *_, item in sorted(found, key=lambda f: (f[0], f[1]))]

    def mentions(self, node: str) -> list[Json]:
        phrases = list(self.graph.subjects(_TA_IDENT_REF, node))
        sentences = {s for p in phrases for s in self.graph.objects(p, _SENTENCE)}
        return self.sentences.evidence(sentences, phrases)

    def articles(self, node: str) -> list[Json]:
        """The articles that name the node, by date and headline: for a node the build made of several articles'
        entities (``identity.resolve``), every one of them; the page id of each article shown on the page."""
        found = []
        for article in set(self.graph.subjects(_MENTIONS, node)):
            headlines = sorted(self.graph.objects(article, _HEADLINE), key=_russian_first)
            published = self.graph.value(article, _PUBLISHED)
            shown = text(headlines[0]) if headlines else ""
            item: Json = {"headline": shown or text(article), "date": "" if published is None else text(published)}
            if article in self.ids:
                item["node"] = self.ids[article]
            found.append(item)
        return sorted(found, key=lambda item: (item["date"], item["headline"]))

    def panel(self, node: str) -> Json:
        names = node_names(self.graph, node)
        return {
            "iri": node,
            "labels": labels_of(node, names),
            "names": names,
            "classes": [both_labels(c) for c in node_classes(self.graph, node)],
            "wikidata": wikidata_ids(self.graph, node),
            "facts": self.facts(node),
            "quantities": self.related(node, _QUANTITY_KINDS, _QUANTITY_ROLES),
            "quotes": self.related(node, _QUOTE_KINDS, _QUOTE_ROLES),
            "mentions": self.mentions(node),
            "articles": self.articles(node),
        }


def panels(graph: Graph | Dataset | Triples, ids: Mapping[str, str]) -> tuple[dict[str, Json], list[str]]:
    """The panel of every node in `ids` (IRI, a ``str`` or ``URIRef`` -> page id) and the sentences their evidence
    points to."""
    plain_ids = {str(node): ident for node, ident in ids.items()}
    builder = PanelBuilder(Triples.of(graph), plain_ids)
    contents = {ident: builder.panel(node) for node, ident in plain_ids.items()}
    return contents, builder.sentences.texts
