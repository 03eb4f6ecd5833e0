"""Counts of a graph by class and by predicate.

>>> from rdflib import Graph
>>> g = Graph().parse(data='<http://x/a> a <http://x/C> ; <http://x/p> 1 .', format="turtle")
>>> s = graph_stats(g)
>>> s.triples, s.graphs, s.classes
(2, 0, {'http://x/C': 1})
"""

from collections import Counter
from dataclasses import dataclass

from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import RDF

from .rdfio import union_graph


@dataclass(frozen=True)
class GraphStats:
    """The number of triples, non-empty named graphs, instances per class and triples per predicate."""

    triples: int
    graphs: int
    classes: dict[str, int]
    predicates: dict[str, int]


def graph_stats(data: Graph | Dataset) -> GraphStats:
    """Count a graph's triples, its instances per class and its triples per predicate, most frequent first."""
    graph = union_graph(data)
    graphs = (
        sum(1 for g in data.graphs() if g.identifier != DATASET_DEFAULT_GRAPH_ID and len(g))
        if isinstance(data, Dataset)
        else 0
    )
    classes = Counter(str(o) for o in graph.objects(None, RDF.type))
    predicates = Counter(str(p) for p in graph.predicates())
    return GraphStats(
        triples=len(graph),
        graphs=graphs,
        classes=dict(sorted(classes.items(), key=lambda kv: (-kv[1], kv[0]))),
        predicates=dict(sorted(predicates.items(), key=lambda kv: (-kv[1], kv[0]))),
    )
