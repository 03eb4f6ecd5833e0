"""A graph's triples read once into dicts, for the many small lookups that building a page makes.

rdflib's in-memory store takes several microseconds per pattern (it tracks each triple's contexts), and a page of
10,000 nodes looks up some 600,000; reading every triple once and answering from dicts takes a fraction of that.
The methods answer as rdflib's methods of the same names do.

>>> from rdflib import Graph
>>> from kgraph.namespaces import ID, KG
>>> g = Graph().parse(format="turtle", data='''
...     @prefix id: <https://w3id.org/kgraph/id/> . @prefix kg: <https://w3id.org/kgraph/ontology#> .
...     id:forum kg:chair id:putin, id:tokayev .''')
>>> triples = Triples(g)
>>> set(triples.objects(ID.forum, KG.chair)) == {ID.putin, ID.tokayev}, list(triples.subjects(KG.chair, ID.putin))
(True, [rdflib.term.URIRef('https://w3id.org/kgraph/id/forum')])
"""

from collections.abc import Iterable, Iterator

from rdflib import Dataset, Graph
from rdflib.term import Node

_Index = dict[Node, dict[Node, list[Node]]]


class Triples:
    """Every triple of a graph, or of all a dataset's graphs, indexed by subject and by object."""

    def __init__(self, graph: Graph | Dataset) -> None:
        self._out: _Index = {}
        self._in: _Index = {}
        # a triple in several named graphs is indexed once; a graph holds each triple once
        triples = {(s, p, o) for s, p, o, _ in graph.quads()} if isinstance(graph, Dataset) else graph
        for s, p, o in triples:
            self._out.setdefault(s, {}).setdefault(p, []).append(o)
            self._in.setdefault(o, {}).setdefault(p, []).append(s)

    @classmethod
    def of(cls, graph: "Graph | Dataset | Triples") -> "Triples":
        """`graph` itself when it is already indexed, else its triples indexed."""
        return graph if isinstance(graph, Triples) else cls(graph)

    def objects(self, subject: Node, predicate: Node) -> Iterable[Node]:
        return self._out.get(subject, {}).get(predicate, [])

    def subjects(self, predicate: Node, obj: Node | None = None) -> Iterable[Node]:
        """The subjects of `predicate` with object `obj`, or with any object when `obj` is None."""
        if obj is None:
            return [s for s, predicates in self._out.items() if predicate in predicates]
        return self._in.get(obj, {}).get(predicate, [])

    def value(self, subject: Node, predicate: Node) -> Node | None:
        """One object of `subject` and `predicate`, or None."""
        return next(iter(self.objects(subject, predicate)), None)

    def predicate_objects(self, subject: Node) -> Iterator[tuple[Node, Node]]:
        return ((p, o) for p, objects in self._out.get(subject, {}).items() for o in objects)

    def subject_predicates(self, obj: Node) -> Iterator[tuple[Node, Node]]:
        return ((s, p) for p, subjects in self._in.get(obj, {}).items() for s in subjects)
