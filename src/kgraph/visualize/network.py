"""RDF to networkx: entities and events become nodes, relations between them become edges.

Literals, quantities, quotes, time expressions, NIF strings and assertions are not nodes; the page shows them
in the panel of the node they are about (see ``details``).

>>> from rdflib import Graph
>>> g = Graph().parse(format="turtle", data='''
...     @prefix id: <https://w3id.org/kgraph/id/> . @prefix kg: <https://w3id.org/kgraph/ontology#> .
...     id:forum a kg:Forum ; kg:chair id:putin ; <http://www.w3.org/2000/01/rdf-schema#label> "forum"@en .
...     id:putin a <https://schema.org/Person> .''')
>>> net = to_networkx(g)
>>> sorted(net.nodes(data="label")), list(net.edges(data="label"))  # doctest: +NORMALIZE_WHITESPACE
([('https://w3id.org/kgraph/id/forum', 'forum'), ('https://w3id.org/kgraph/id/putin', 'putin')],
 [('https://w3id.org/kgraph/id/forum', 'https://w3id.org/kgraph/id/putin', 'chaired by')])
"""

import re
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.term import Node

from ..model import RU_LATN
from ..namespaces import KG, NIF, SCHEMA, WD
from .triples import Triples
from .vocabulary import CLUTTER_CLASSES, local_name, superclasses, term_label

if TYPE_CHECKING:
    import networkx as nx

_QID = re.compile(r"^Q[1-9][0-9]*$")
NOT_EDGES: frozenset[URIRef] = frozenset({RDF.type, RDFS.label, OWL.sameAs})
"""Predicates that are never drawn as edges (they are the node's class, labels and Wikidata link)."""
_NAMES = (RDFS.label, SCHEMA.name)  # made once: rdflib makes a new term at each namespace attribute access
_RU_LATN = RU_LATN.lower()


def node_classes(graph: Triples, node: URIRef) -> list[URIRef]:
    """The classes that make `node` an entity or event, most specific first; empty for clutter and strings."""
    return list(_ordered_classes(frozenset(t for t in graph.objects(node, RDF.type) if isinstance(t, URIRef))))


@cache
def _ordered_classes(types: frozenset[URIRef]) -> tuple[URIRef, ...]:
    if not types or types & CLUTTER_CLASSES or any(str(t).startswith(str(NIF)) for t in types):
        return ()
    specific = [t for t in types if not any(t != o and t in superclasses(o) for o in types)]
    return (*sorted(specific, key=str), *sorted(types - set(specific), key=str))


def node_names(graph: Triples, node: Node) -> dict[str, str]:
    """A node's labels (else its schema:name) by language tag, lower-cased as RDF compares tags (Oxigraph stores
    ``ru-Latn`` as ``ru-latn``); "" for a plain literal."""
    names: dict[str, str] = {}
    for predicate in _NAMES:
        for label in sorted(graph.objects(node, predicate), key=str):
            if isinstance(label, Literal):
                names.setdefault((label.language or "").lower(), str(label))
    return dict(sorted(names.items()))


def node_labels(graph: Triples, node: Node) -> dict[str, str]:
    """What each page language shows of a node: "en" is its English label, else its Russian one marked "(ru)" (a
    transliteration such as "tekhnopark" would pass for English, which it is not), else what it has; "ru" is its
    Russian label, else one with no language, else its English one marked "(en)".

    >>> from rdflib import Graph
    >>> g = Graph().parse(format="turtle", data='<x:park> <http://www.w3.org/2000/01/rdf-schema#label> '
    ...                                         '"технопарк"@ru, "tekhnopark"@ru-Latn .')
    >>> node_labels(Triples.of(g), URIRef("x:park"))
    {'en': 'технопарк (ru)', 'ru': 'технопарк'}
    """
    names = node_names(graph, node)
    russian = names.get("ru")
    english = names.get("en") or (russian and f"{russian} (ru)") or names.get(_RU_LATN) or names.get("")
    english = english or local_name(str(node))
    only_english = names.get("en") and f"{names['en']} (en)"
    return {"en": english, "ru": russian or names.get("") or only_english or english}


def wikidata_ids(graph: Triples, node: URIRef) -> list[str]:
    """The Wikidata item ids (Q…) a node is owl:sameAs."""
    ids = (str(o)[len(str(WD)) :] for o in graph.objects(node, OWL.sameAs) if str(o).startswith(str(WD)))
    return sorted(i for i in ids if _QID.match(i))


def entity_nodes(graph: Triples) -> list[URIRef]:
    """Every IRI that is drawn as a node, in IRI order."""
    subjects = {s for s in graph.subjects(RDF.type) if isinstance(s, URIRef)}
    return sorted((s for s in subjects if node_classes(graph, s)), key=str)


def relations(graph: Triples, nodes: Iterable[URIRef]) -> list[tuple[URIRef, URIRef, URIRef]]:
    """The triples between two nodes, sorted, that are drawn as edges."""
    members = set(nodes)
    found = {
        (s, p, o)
        for s in members
        for p, o in graph.predicate_objects(s)
        if o in members and isinstance(p, URIRef) and p not in NOT_EDGES and isinstance(o, URIRef)
    }
    return sorted(found, key=lambda t: (str(t[0]), str(t[1]), str(t[2])))


def to_networkx(graph: Graph | Dataset | Triples, *, within: Graph | None = None) -> "nx.MultiDiGraph":
    """A directed multigraph of entities and events; `within` (e.g. a CONSTRUCT result) limits what is kept.

    With two or more articles, each is linked to what it mentions (``schema:mentions``), so the articles that
    name the same person or place are joined; with one, that star would hide the relations between entities.
    Nodes are keyed by IRI with ``label`` (en), ``label_en``, ``label_ru``, ``class_iri``, ``class_label`` and
    ``wikidata``; edges are keyed by predicate IRI with ``predicate``, ``label`` (en) and ``label_ru``.
    """
    import networkx as nx

    full = Triples.of(graph)
    nodes = entity_nodes(full)
    if within is not None:
        mentioned = {t for triple in within for t in triple if isinstance(t, URIRef)}
        nodes = [n for n in nodes if n in mentioned]
    net = nx.MultiDiGraph()
    for node in nodes:
        labels = node_labels(full, node)
        cls = node_classes(full, node)[0]
        net.add_node(
            str(node),
            label=labels["en"],
            label_en=labels["en"],
            label_ru=labels["ru"],
            class_iri=str(cls),
            class_label=term_label(cls),
            wikidata=" ".join(wikidata_ids(full, node)),
        )
    edges = relations(full, nodes)
    if sum(1 for node in nodes if SCHEMA.NewsArticle in full.objects(node, RDF.type)) < 2:
        edges = [edge for edge in edges if edge[1] != SCHEMA.mentions]
    if within is not None:
        edges = [e for e in edges if e in within]
    for s, p, o in edges:
        net.add_edge(str(s), str(o), key=str(p), predicate=str(p), label=term_label(p), label_ru=term_label(p, "ru"))
    for quantity, measured, concerned in figures(full, nodes):
        if within is None or (quantity, KG.measure, measured) in within:
            figure = node_labels(full, quantity)
            indicator = net.nodes[str(measured)]
            # "accumulated investment: exactly 13,000,000,000 USD" from the indicator is its figure alone
            en, ru = (figure[lang].removeprefix(indicator[f"label_{lang}"] + ": ") for lang in ("en", "ru"))
            net.add_edge(
                str(measured), str(concerned), key=str(quantity), quantity=str(quantity), label=en, label_ru=ru
            )
    return net


_FIGURE_ROLES = (KG.concerns, KG.flowFrom, KG.flowTo)
"""What a figure is of, or between: the ends of the edge drawn from the indicator it measures."""


def figures(graph: Triples, nodes: Iterable[URIRef]) -> list[tuple[URIRef, URIRef, URIRef]]:
    """(quantity, indicator, entity) for each figure that measures a drawn node and concerns (or flows from or to)
    another: drawn as an edge labelled with the figure, so that an indicator is joined to what it measures."""
    members = set(nodes)
    found: set[tuple[URIRef, URIRef, URIRef]] = set()
    for quantity in graph.subjects(RDF.type, KG.Quantity):
        for measured in graph.objects(quantity, KG.measure):
            for role in _FIGURE_ROLES:
                for concerned in graph.objects(quantity, role):
                    ends = (quantity, measured, concerned)
                    if measured in members and concerned in members and concerned != measured:
                        found.add(ends)  # type: ignore[arg-type]  # members are IRIs
    return sorted(found, key=lambda f: (str(f[1]), str(f[2]), str(f[0])))
