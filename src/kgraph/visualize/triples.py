"""A graph's triples as plain Python values, read once into dicts, for the many small lookups a page makes.

A page of 100,000 nodes reads 1.6 million triples. As rdflib terms, converting them took longer than everything
else the page does (a literal is a Python object with a parsed value, and comparing two terms runs Python code),
so the page works on plain values: an IRI is its ``str``, a blank node ``"_:" + label`` (no IRI starts so) and a
literal a `Lit`. A file or a store is read as N-Triples that Oxigraph writes (in Rust), split into terms here.

>>> from rdflib import Graph
>>> g = Graph().parse(format="turtle", data='''
...     @prefix id: <https://w3id.org/kgraph/id/> . @prefix kg: <https://w3id.org/kgraph/ontology#> .
...     id:forum kg:chair id:putin, id:tokayev ; kg:title "Форум"@ru .''')
>>> triples = Triples(g)
>>> chair, forum = "https://w3id.org/kgraph/ontology#chair", "https://w3id.org/kgraph/id/forum"
>>> sorted(triples.objects(forum, chair)), list(triples.subjects(chair, "https://w3id.org/kgraph/id/putin"))
(['https://w3id.org/kgraph/id/putin', 'https://w3id.org/kgraph/id/tokayev'], ['https://w3id.org/kgraph/id/forum'])
>>> triples.value(forum, "https://w3id.org/kgraph/ontology#title")
Lit(value='Форум', lang='ru', datatype='')
"""

import gc
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple, TypeGuard

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node


class Lit(NamedTuple):
    """A literal: its lexical form, its language tag ("" for none) and its datatype IRI ("" for a plain or
    language-tagged string)."""

    value: str
    lang: str = ""
    datatype: str = ""


Term = str | Lit
"""An IRI (its ``str``), a blank node (``"_:" + label``) or a literal (`Lit`)."""

_CHUNK = 50_000
"""Quads written as N-Triples and indexed at a time: a big file is never whole in memory as text."""
BIG_FILE = 32 << 20
"""A file of this many bytes or more is parsed by a second process while this one indexes what it wrote
(``rdfio.ntriples_chunks``): 5.7 s instead of 8.4 s for the 1.6 million triples of a 100,000-node page; 0.76 s
instead of 0.87 s at 30 MB; starting the process takes 0.15 s."""
_XSD_STRING = str(XSD.string)
_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def is_iri(term: "Term | None") -> TypeGuard[str]:
    """Whether a plain term is an IRI (not a literal or a blank node)."""
    return isinstance(term, str) and not term.startswith("_:")


def text(term: Term) -> str:
    """What ``str()`` of the rdflib term gives: a literal's lexical form, an IRI, a blank node's label."""
    if isinstance(term, Lit):
        return term.value
    return term[2:] if term.startswith("_:") else term


def plain(term: Node) -> Term:
    """An rdflib term as a plain term.

    >>> plain(URIRef("http://e.org/a")), plain(Literal("a")), plain(BNode("b1"))
    ('http://e.org/a', Lit(value='a', lang='', datatype=''), '_:b1')
    >>> plain(Literal("1", datatype=XSD.integer)).datatype
    'http://www.w3.org/2001/XMLSchema#integer'
    """
    if isinstance(term, Literal):
        datatype = str(term.datatype) if term.datatype is not None else ""
        return Lit(str(term), term.language or "", "" if datatype in (_XSD_STRING, _RDF_LANG_STRING) else datatype)
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, URIRef):
        return str(term)
    raise TypeError(f"not an RDF term the page shows: {term!r}")


_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))", re.DOTALL)
_CHARACTERS = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def _unescape(found: re.Match[str]) -> str:
    code = found.group(1) or found.group(2)
    return chr(int(code, 16)) if code else _CHARACTERS.get(found.group(3), found.group(3))


def ntriples_term(token: str) -> Term:
    r"""The plain term of one N-Triples term as Oxigraph writes it.

    >>> ntriples_term('<http://e.org/a>'), ntriples_term('"Омск"@ru'), ntriples_term('"a\\"b\\nc"')
    ('http://e.org/a', Lit(value='Омск', lang='ru', datatype=''), Lit(value='a"b\nc', lang='', datatype=''))
    >>> ntriples_term('"7"^^<http://www.w3.org/2001/XMLSchema#integer>').datatype[-7:], ntriples_term("_:b0")
    ('integer', '_:b0')
    """
    if token[0] == "<":
        return token[1:-1]
    if token[0] != '"':
        return token
    close = token.rindex('"')
    value, tail = token[1:close], token[close + 1 :]
    if "\\" in value:
        value = _ESCAPE.sub(_unescape, value)
    if not tail:
        return Lit(value)
    found = _TAILS.get(tail)
    if found is None:
        found = _tail(tail)
        if len(_TAILS) < _MOST_TAILS:
            _TAILS[tail] = found
    return Lit(value, *found)


def _tail(tail: str) -> tuple[str, str]:
    """A literal's language tag and datatype from what follows its closing quote ("@ru", "^^<…>")."""
    if tail.startswith("@"):
        return tail[1:], ""
    if tail.startswith("^^<"):
        datatype = tail[3:-1]
        return "", "" if datatype == _XSD_STRING else datatype
    return "", ""


_TAILS: dict[str, tuple[str, str]] = {}
"""The language tags and datatypes seen, by what follows a literal's closing quote: each made once, not once for
every literal of a page's millions."""
_MOST_TAILS = 10_000
"""Tails kept at most: a graph of more languages and datatypes is read all the same, those past it made each time."""


_Index = dict[Term, dict[str, list[Term]]]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a graph is read or its page built; reference counting frees memory as
    usual.

    Both allocate millions of dicts, lists and tuples that form almost no cycles, yet those allocations start full
    collections, each walking every object made so far: reading the 1.6 million triples of a 100,000-node page took
    11.5 to 13.3 s with the collector running, 7.5 s paused (0.2 s or more of the page at 10,000 nodes).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class Triples:
    """Every triple of a graph, or of all a dataset's graphs, indexed by subject and by (non-literal) object."""

    def __init__(self, graph: Graph | Dataset | None = None) -> None:
        self._out: _Index = {}
        self._in: _Index = {}
        self._memo: dict[str, dict[Term, Any]] = {}
        if graph is not None:
            terms: dict[Node, Term] = {}

            def convert(term: Node) -> Term:
                found = terms.get(term)
                if found is None:
                    found = terms[term] = plain(term)
                return found

            # a triple in several named graphs is indexed once; a graph holds each triple once
            rdf = {(s, p, o) for s, p, o, _ in graph.quads()} if isinstance(graph, Dataset) else graph
            self._index((convert(s), text(convert(p)), convert(o)) for s, p, o in rdf)
            self._once()

    def _index(self, triples: Iterable[tuple[Term, str, Term]]) -> None:
        """Index triples; a triple given twice is listed twice until `_once` (`_index_ntriples` is the same, written
        out for the lines of a big file)."""
        out, into = self._out, self._in
        for s, p, o in triples:
            out.setdefault(s, {}).setdefault(p, []).append(o)
            if not isinstance(o, Lit):  # nothing is looked up by a literal
                into.setdefault(o, {}).setdefault(p, []).append(s)

    def _once(self) -> "Triples":
        """Each triple listed once (one in several named graphs, or written twice, is given more than once)."""
        for index in (self._out, self._in):
            for by in index.values():
                for terms in by.values():
                    if len(terms) > 1 and len(set(terms)) < len(terms):
                        terms[:] = dict.fromkeys(terms)
        return self

    def _index_ntriples(self, chunk: bytes, terms: dict[str, Term]) -> None:
        """Index N-Triples text as Oxigraph writes it (one triple a line, one space between terms), each distinct
        IRI and blank node made once (`terms`). One loop, written out: this is most of the time a big page takes to
        read."""
        known, out, into = terms.get, self._out, self._in
        verbs: dict[str, str] = {}
        subject: Term = ""
        by_subject: dict[str, list[Term]] = {}
        last = ""
        lines = chunk.decode("utf-8").split("\n")  # a literal's line ends are escaped
        if lines and not lines[-1]:
            lines.pop()
        for line in lines:
            s, p, o = line.split(" ", 2)
            if s != last:  # a subject's lines mostly come together
                last = s
                subject = known(s) or terms.setdefault(s, ntriples_term(s))
                found = out.get(subject)
                if found is None:
                    found = out[subject] = {}
                by_subject = found
            predicate = verbs.get(p)
            if predicate is None:
                predicate = verbs[p] = p[1:-1]
            literal = o[0] == '"'
            if literal:  # made, not looked up among the terms: most literals are written once
                obj: Term = ntriples_term(o[:-2])  # " ." cut
            else:
                o = o[:-2]
                obj = known(o) or terms.setdefault(o, o[1:-1] if o[0] == "<" else o)  # an IRI, or a blank node
            objects = by_subject.get(predicate)
            if objects is None:
                by_subject[predicate] = [obj]
            else:
                objects.append(obj)
            if literal:  # nothing is looked up by a literal
                continue
            by_object = into.get(obj)
            if by_object is None:
                into[obj] = {predicate: [subject]}
            else:
                subjects = by_object.get(predicate)
                if subjects is None:
                    by_object[predicate] = [subject]
                else:
                    subjects.append(subject)

    @classmethod
    def from_ntriples(cls, chunks: Iterable[bytes]) -> "Triples":
        r"""The triples of N-Triples text as Oxigraph writes it, in chunks of whole lines; a triple given twice is
        indexed once.

        >>> triples = Triples.from_ntriples([b'<http://e.org/a> <http://e.org/p> "x y" .\n'] * 2)
        >>> triples.objects("http://e.org/a", "http://e.org/p")
        [Lit(value='x y', lang='', datatype='')]
        """
        found, terms = cls(), dict[str, Term]()
        for chunk in chunks:
            found._index_ntriples(chunk, terms)
        return found._once()

    @classmethod
    def from_quads(cls, quads: Iterable[Any]) -> "Triples":
        """The triples of pyoxigraph quads, whatever their graph, written as N-Triples by Oxigraph a chunk at a
        time (a Python object per term would take several times as long).

        >>> from pyoxigraph import NamedNode, Quad
        >>> a, p = NamedNode("http://e.org/a"), NamedNode("http://e.org/p")
        >>> triples = Triples.from_quads([Quad(a, p, a, NamedNode("http://e.org/g1")), Quad(a, p, a)])
        >>> triples.objects("http://e.org/a", "http://e.org/p")
        ['http://e.org/a']
        """
        from ..rdfio import ntriples_of

        return cls.from_ntriples(ntriples_of(quads, _CHUNK))

    @classmethod
    def read(cls, path: Path) -> "Triples":
        """The triples of an RDF file (read as every command reads one, see ``rdfio.parse_quads``, a chunk at a
        time; a big one by a second process, see `BIG_FILE`) or of a store folder `kgraph build --store` wrote (its
        article graphs, one at a time), whatever their graph."""
        from pyoxigraph import RdfFormat, Store

        from ..corpus import OXIGRAPH, is_store
        from ..rdfio import consume_quads, ntriples_chunks

        with collector_paused():
            if not is_store(path):
                if path.is_file() and path.stat().st_size >= BIG_FILE:
                    return cls.from_ntriples(ntriples_chunks(path))
                return consume_quads(path, cls.from_quads)
            store = Store.read_only(str(path / OXIGRAPH))
            graphs = sorted(store.named_graphs(), key=lambda graph: graph.value)
            dumps = (store.dump(format=RdfFormat.N_TRIPLES, from_graph=graph) or b"" for graph in graphs)
            return cls.from_ntriples(dumps)

    @classmethod
    def of(cls, graph: "Graph | Dataset | Triples") -> "Triples":
        """`graph` itself when it is already indexed, else its triples indexed."""
        return graph if isinstance(graph, Triples) else cls(graph)

    def memo(self, kind: str) -> dict[Term, Any]:
        """A dict kept with these triples for one `kind` of value derived from them per term (a node's names), so
        that a page asking for it several times computes it once."""
        found = self._memo.get(kind)
        if found is None:
            found = self._memo[kind] = {}
        return found

    def by_predicate(self, subject: Term) -> dict[str, list[Term]]:
        """The objects of `subject`, by predicate (the index itself: never to be changed)."""
        return self._out.get(subject, {})

    def objects(self, subject: Term, predicate: str) -> list[Term]:
        return self._out.get(subject, {}).get(predicate, [])

    def subjects(self, predicate: str, obj: Term | None = None) -> list[Term]:
        """The subjects of `predicate` with object `obj`, or with any object when `obj` is None."""
        if obj is None:
            return [s for s, predicates in self._out.items() if predicate in predicates]
        if isinstance(obj, Lit):  # not indexed backwards
            return [s for s, predicates in self._out.items() if obj in predicates.get(predicate, ())]
        return self._in.get(obj, {}).get(predicate, [])

    def objects_of(self, predicate: str) -> list[Term]:
        """The distinct objects of `predicate` but literals (not indexed backwards)."""
        return [o for o, predicates in self._in.items() if predicate in predicates]

    def value(self, subject: Term, predicate: str) -> Term | None:
        """One object of `subject` and `predicate`, or None."""
        objects = self._out.get(subject, {}).get(predicate)
        return objects[0] if objects else None

    def predicate_objects(self, subject: Term) -> Iterator[tuple[str, Term]]:
        return ((p, o) for p, objects in self._out.get(subject, {}).items() for o in objects)

    def subject_predicates(self, obj: Term) -> Iterator[tuple[Term, str]]:
        if isinstance(obj, Lit):  # not indexed backwards
            return ((s, p) for s, by in self._out.items() for p, objects in by.items() if obj in objects)
        return ((s, p) for p, subjects in self._in.get(obj, {}).items() for s in subjects)

    def __len__(self) -> int:
        return sum(len(objects) for by in self._out.values() for objects in by.values())
