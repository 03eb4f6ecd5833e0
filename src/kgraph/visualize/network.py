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
from collections.abc import Callable, Iterable
from functools import cache
from typing import TYPE_CHECKING

from rdflib import Dataset, Graph
from rdflib.namespace import OWL, RDF, RDFS

from ..model import RU_LATN
from ..namespaces import KG, NIF, SCHEMA, WD
from .triples import Lit, Term, Triples, is_iri, plain, text
from .vocabulary import CLUTTER_CLASSES, local_name, superclasses, term_label

if TYPE_CHECKING:
    import networkx as nx

_QID = re.compile(r"^Q[1-9][0-9]*$")
TYPE, LABEL, SAME_AS = str(RDF.type), str(RDFS.label), str(OWL.sameAs)
NOT_EDGES: frozenset[str] = frozenset({TYPE, LABEL, SAME_AS})
"""Predicates that are never drawn as edges (they are the node's class, labels and Wikidata link)."""
_NAMES = (LABEL, str(SCHEMA.name))
_RU_LATN = RU_LATN.lower()
_NIF, _WD = str(NIF), str(WD)
_ARTICLE, _MENTIONS = str(SCHEMA.NewsArticle), str(SCHEMA.mentions)


def node_classes(graph: Triples, node: Term) -> list[str]:
    """The classes that make `node` an entity or event, most specific first; empty for clutter and strings."""
    return list(_node_classes(graph, node))


def _node_classes(graph: Triples, node: Term) -> tuple[str, ...]:
    types = graph.objects(node, TYPE)
    if len(types) == 1:  # most nodes
        return _classes_of(types[0])
    return _ordered_classes(frozenset(t for t in types if is_iri(t)))


@cache
def _classes_of(single: Term) -> tuple[str, ...]:
    return _ordered_classes(frozenset((single,) if is_iri(single) else ()))


@cache
def _ordered_classes(types: frozenset[str]) -> tuple[str, ...]:
    if not types or types & CLUTTER_CLASSES or any(t.startswith(_NIF) for t in types):
        return ()
    specific = [t for t in types if not any(t != o and t in superclasses(o) for o in types)]
    return (*sorted(specific), *sorted(types - set(specific)))


def node_names(graph: Triples, node: Term) -> dict[str, str]:
    """A node's labels (else its schema:name) by language tag, lower-cased as RDF compares tags (Oxigraph stores
    ``ru-Latn`` as ``ru-latn``); "" for a plain literal. Read once per node (a page's network and the node's panel
    both ask): the dict is shared, never to be changed."""
    known = graph.memo("names")
    found = known.get(node)
    if found is None:
        found = known[node] = _node_names(graph, node)
    return found


def _node_names(graph: Triples, node: Term) -> dict[str, str]:
    names: dict[str, str] = {}
    for predicate in _NAMES:
        labels = [label for label in graph.objects(node, predicate) if isinstance(label, Lit)]
        if len(labels) > 1:
            labels.sort(key=lambda label: label.value)
        for label in labels:
            names.setdefault(label.lang.lower(), label.value)
    return dict(sorted(names.items())) if len(names) > 1 else names


def node_labels(graph: Triples, node: Term) -> dict[str, str]:
    """What each page language shows of a node: "en" is its English label, else its Russian one marked "(ru)" (a
    transliteration such as "tekhnopark" would pass for English, which it is not), else what it has; "ru" is its
    Russian label, else one with no language, else its English one marked "(en)".

    >>> from rdflib import Graph
    >>> g = Graph().parse(format="turtle", data='<x:park> <http://www.w3.org/2000/01/rdf-schema#label> '
    ...                                         '"технопарк"@ru, "tekhnopark"@ru-Latn .')
    >>> node_labels(Triples.of(g), "x:park")
    {'en': 'технопарк (ru)', 'ru': 'технопарк'}
    >>> labels_of("x:t", {"ru": "Twitter"})
    {'en': 'Twitter', 'ru': 'Twitter'}
    """
    return labels_of(node, node_names(graph, node))


_CYRILLIC = re.compile(r"[А-Яа-яЁё]")


def labels_of(node: Term, names: dict[str, str]) -> dict[str, str]:
    """`node_labels` of a node whose `node_names` are known."""
    russian = names.get("ru")
    # "Twitter", "The Guardian": a name in Latin letters reads as it is
    latin = bool(russian) and not _CYRILLIC.search(russian or "")
    russian_as_english = russian if latin else russian and f"{russian} (ru)"
    english = names.get("en") or russian_as_english or names.get(_RU_LATN) or names.get("")
    english = english or local_name(text(node))
    only_english = names.get("en") and f"{names['en']} (en)"
    return {"en": english, "ru": russian or names.get("") or only_english or english}


def wikidata_ids(graph: Triples, node: Term) -> list[str]:
    """The Wikidata item ids (Q…) a node is owl:sameAs."""
    same = graph.objects(node, SAME_AS)
    if not same:  # most nodes
        return []
    ids = (o[len(_WD) :] for o in same if is_iri(o) and o.startswith(_WD))
    return sorted(i for i in ids if _QID.match(i))


def entity_nodes(graph: Triples) -> list[str]:
    """Every IRI that is drawn as a node, in IRI order: of the subjects of a class that makes an entity or event (a
    node of several classes is one only when all of them together do, see `node_classes`)."""
    candidates = {
        s for cls in graph.objects_of(TYPE) if _classes_of(cls) for s in graph.subjects(TYPE, cls) if is_iri(s)
    }
    return sorted(s for s in candidates if _node_classes(graph, s))


def relations(graph: Triples, nodes: Iterable[str]) -> list[tuple[str, str, str]]:
    """The triples between two nodes, sorted, that are drawn as edges."""
    members = set(nodes)  # IRIs: no literal or blank node is one
    found = {
        (s, p, o)
        for s in members
        for p, objects in graph.by_predicate(s).items()
        if p not in NOT_EDGES
        for o in objects
        if o in members
    }
    return sorted(found)


def to_networkx(
    graph: Graph | Dataset | Triples,
    *,
    within: Graph | None = None,
    drawn: "Callable[[nx.MultiDiGraph], None] | None" = None,
) -> "nx.MultiDiGraph":
    """A directed multigraph of entities and events; `within` (e.g. a CONSTRUCT result) limits what is kept;
    `drawn` is called with the graph once its nodes and edges are in, before the nodes' labels are (a page starts
    laying it out then).

    With two or more articles, each is linked to what it mentions (``schema:mentions``), so the articles that
    name the same person or place are joined; with one, that star would hide the relations between entities.
    Nodes are keyed by IRI with ``label`` (en), ``label_en``, ``label_ru``, ``class_iri``, ``class_label`` and
    ``wikidata``; edges are keyed by predicate IRI with ``predicate``, ``label`` (en) and ``label_ru``.
    """
    import networkx as nx

    full = Triples.of(graph)
    nodes = entity_nodes(full)
    kept = None if within is None else {(plain(s), str(p), plain(o)) for s, p, o in within}
    if kept is not None:
        mentioned = {t for s, _, o in kept for t in (s, o) if is_iri(t)}
        nodes = [n for n in nodes if n in mentioned]
    net = nx.MultiDiGraph()
    net.add_nodes_from(nodes)
    edges = relations(full, nodes)
    if sum(1 for node in nodes if _ARTICLE in full.objects(node, TYPE)) < 2:
        edges = [edge for edge in edges if edge[1] != _MENTIONS]
    if kept is not None:
        edges = [e for e in edges if e in kept]
    for s, p, o in edges:
        net.add_edge(s, o, key=p, predicate=p, label=term_label(p), label_ru=term_label(p, "ru"))
    for quantity, measured, concerned in figures(full, nodes):
        if kept is None or (quantity, _MEASURE, measured) in kept:
            figure, indicator = node_labels(full, quantity), node_labels(full, measured)
            # "accumulated investment: exactly 13,000,000,000 USD" from the indicator is its figure alone
            en, ru = (figure[lang].removeprefix(indicator[lang] + ": ") for lang in ("en", "ru"))
            net.add_edge(measured, concerned, key=quantity, quantity=quantity, label=en, label_ru=ru)
    if drawn is not None:
        drawn(net)
    for node, attributes in net.nodes(data=True):
        labels = node_labels(full, node)
        cls = node_classes(full, node)[0]
        attributes.update(
            label=labels["en"],
            label_en=labels["en"],
            label_ru=labels["ru"],
            class_iri=cls,
            class_label=term_label(cls),
            wikidata=" ".join(wikidata_ids(full, node)),
        )
    return net


_FIGURE_ROLES = (str(KG.concerns), str(KG.flowFrom), str(KG.flowTo))
_QUANTITY, _MEASURE = str(KG.Quantity), str(KG.measure)
"""What a figure is of, or between: the ends of the edge drawn from the indicator it measures."""


def figures(graph: Triples, nodes: Iterable[str]) -> list[tuple[str, str, str]]:
    """(quantity, indicator, entity) for each figure that measures a drawn node and concerns (or flows from or to)
    another: drawn as an edge labelled with the figure, so that an indicator is joined to what it measures."""
    members = set(nodes)
    found: set[tuple[str, str, str]] = set()
    for quantity in graph.subjects(TYPE, _QUANTITY):
        for measured in graph.objects(quantity, _MEASURE):
            for role in _FIGURE_ROLES:
                for concerned in graph.objects(quantity, role):
                    ends = (quantity, measured, concerned)
                    if measured in members and concerned in members and concerned != measured:
                        found.add(ends)  # type: ignore[arg-type]  # members are IRIs
    return sorted(found, key=lambda f: (f[1], f[2], f[0]))
