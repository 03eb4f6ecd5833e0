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

from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from rdflib import Dataset, Graph, Literal
from rdflib.term import Node

_Index = dict[Node, dict[Node, list[Node]]]


class Triples:
    """Every triple of a graph, or of all a dataset's graphs, indexed by subject and by object."""

    def __init__(self, graph: Graph | Dataset | None = None) -> None:
        self._out: _Index = {}
        self._in: _Index = {}
        if graph is not None:
            # a triple in several named graphs is indexed once; a graph holds each triple once
            self._index({(s, p, o) for s, p, o, _ in graph.quads()} if isinstance(graph, Dataset) else graph)

    def _index(self, triples: Iterable[tuple[Node, Node, Node]]) -> None:
        out: _Index = defaultdict(lambda: defaultdict(list))
        into: _Index = defaultdict(lambda: defaultdict(list))
        for s, p, o in triples:
            out[s][p].append(o)
            if not isinstance(o, Literal):  # hashing a literal is slow, and nothing is looked up by one
                into[o][p].append(s)
        self._out.update(out)
        self._in.update(into)

    @classmethod
    def from_quads(cls, quads: Iterable[Any], where: str = "the data") -> "Triples":
        """The triples of pyoxigraph quads, whatever their graph, with rdflib terms (each converted once): a big
        file is indexed without becoming an rdflib graph first, which takes several times as long.

        >>> from pyoxigraph import NamedNode, Quad
        >>> from rdflib import URIRef
        >>> a, p = NamedNode("http://e.org/a"), NamedNode("http://e.org/p")
        >>> triples = Triples.from_quads([Quad(a, p, a, NamedNode("http://e.org/g1")), Quad(a, p, a)])
        >>> list(triples.objects(URIRef("http://e.org/a"), URIRef("http://e.org/p")))
        [rdflib.term.URIRef('http://e.org/a')]
        """
        from ..rdfio import quiet_ill_typed_literals, rdflib_term_converter

        convert = rdflib_term_converter(where)
        terms: dict[Any, Node] = {}
        known = terms.get
        triples = set()
        with quiet_ill_typed_literals():
            for quad in quads:
                s, p, o = quad.subject, quad.predicate, quad.object
                triples.add(
                    (
                        known(s) or terms.setdefault(s, convert(s)),
                        known(p) or terms.setdefault(p, convert(p)),
                        known(o) or terms.setdefault(o, convert(o)),
                    )
                )
        found = cls()
        found._index(triples)  # a triple in several named graphs (or twice in a file) is indexed once
        return found

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
        if isinstance(obj, Literal):  # not indexed backwards
            return [s for s, predicates in self._out.items() if obj in predicates.get(predicate, ())]
        return self._in.get(obj, {}).get(predicate, [])

    def value(self, subject: Node, predicate: Node) -> Node | None:
        """One object of `subject` and `predicate`, or None."""
        return next(iter(self.objects(subject, predicate)), None)

    def predicate_objects(self, subject: Node) -> Iterator[tuple[Node, Node]]:
        return ((p, o) for p, objects in self._out.get(subject, {}).items() for o in objects)

    def subject_predicates(self, obj: Node) -> Iterator[tuple[Node, Node]]:
        if isinstance(obj, Literal):  # not indexed backwards
            return ((s, p) for s, by in self._out.items() for p, objects in by.items() if obj in objects)
        return ((s, p) for p, subjects in self._in.get(obj, {}).items() for s in subjects)
