"""Serialisations of a graph in the standard RDF formats, prefixes bound, written atomically.

Turtle and N-Triples are deterministic: the same graph gives the same bytes, whatever order it was built in.

>>> from rdflib import Dataset, URIRef, Literal
>>> d = Dataset(); _ = d.graph(URIRef("https://w3id.org/kgraph/id/a")).add(
...     (URIRef("https://w3id.org/kgraph/id/x"), URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("x")))
>>> print(serialize(d, "turtle").decode().strip().splitlines()[-1])
id:x rdfs:label "x" .
"""

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from rdflib import Dataset, Graph, Literal, URIRef

from .errors import ExportError
from .namespaces import bind_prefixes
from .rdfio import rdf_format, union_graph, write_atomically


def serialize(data: Graph | Dataset, format_name: str) -> bytes:
    """The bytes of `data` in the named format; triple formats get the union of all named graphs."""
    fmt = rdf_format(format_name)
    if fmt.name in OXIGRAPH_WRITES:
        return serialize_quads(from_rdflib(data), fmt.name)
    if fmt.quads and isinstance(data, Dataset):
        target: Graph = data
    else:
        target = union_graph(data)
    if isinstance(data, Dataset):
        _nest_article_namespaces(target, data)
    bind_prefixes(target)
    if fmt.name == "xml":
        _check_xml_text(target)
    try:
        return target.serialize(format=fmt.rdflib_name, encoding="utf-8")
    except RecursionError:
        # rdflib's JSON-LD writer recurses once per blank node nested in another: past Python's recursion limit
        # pyoxigraph writes the same triples flat, one blank node label each
        if fmt.name != "jsonld":
            raise ExportError(f"cannot write {fmt.name}: blank nodes nest too deep for rdflib's writer") from None
        return serialize_quads(from_rdflib(data), fmt.name)
    except ValueError as error:  # rdflib: "no valid way to shorten http://e.org/1" (RDF/XML needs QNames)
        raise ExportError(f"cannot write {fmt.name}: {' '.join(str(error).split())}") from None


OXIGRAPH_WRITES = ("turtle", "trig", "ntriples", "nquads")
"""The formats kgraph writes from pyoxigraph's N-Triples and N-Quads, lines sorted, so that the same graph gives
the same bytes: Turtle and TriG by ``kgraph.turtle`` (a subject's statements grouped, blank nodes labelled, never
nested). rdflib's pretty Turtle writer took 80x to 150x as long on the same graph; JSON-LD and RDF/XML stay
rdflib's."""


def serialize_quads(quads: Iterable[Any], format_name: str) -> bytes:
    """pyoxigraph quads in the named format, deterministically: statements sorted, our prefixes declared; triple
    formats get each triple once, whatever graphs state it; TriG writes the graphs in the order of their names.

    >>> from pyoxigraph import Literal, NamedNode, Quad
    >>> quad = Quad(NamedNode("https://w3id.org/kgraph/id/x"), NamedNode("http://e.org/p"), Literal("x"))
    >>> serialize_quads([quad, quad], "turtle").decode().splitlines()[-1]
    'id:x <http://e.org/p> "x" .'
    """
    from pyoxigraph import RdfFormat
    from pyoxigraph import serialize as ox_serialize

    from .turtle import header, statements, trig

    fmt = rdf_format(format_name)
    if fmt.name == "jsonld":  # flat, for a graph whose blank nodes nest too deep for rdflib's writer
        from .namespaces import PREFIXES

        return ox_serialize(sorted(set(quads), key=str), format=RdfFormat.JSON_LD, prefixes=PREFIXES) or b""
    if fmt.name == "nquads":
        return _sorted_lines(ox_serialize(quads, format=RdfFormat.N_QUADS) or b"")
    if fmt.name == "trig":
        # all the quads' N-Quads lines sorted at once, each filed under its graph as it is written: grouping the
        # quads by graph first (a Python object or two a quad) took longer than the writing
        lines = (ox_serialize(quads, format=RdfFormat.N_QUADS) or b"").splitlines()
        lines.sort()
        return header() + b"".join(trig(lines))
    written = ox_serialize((quad.triple for quad in quads), format=RdfFormat.N_TRIPLES) or b""
    if fmt.name == "ntriples":
        return _sorted_lines(written)
    lines = written.split(b" .\n")  # each statement without its end: a literal's line breaks are escaped
    lines.pop()
    lines.sort()
    return header() + b"".join(statements(lines))


def trig_block(name: Any, lines: Iterable[bytes]) -> Iterator[bytes]:
    """One graph of a TriG file from its N-Triples `lines`, each without its " ." (the default graph's statements
    stand alone)."""
    from pyoxigraph import DefaultGraph

    from .turtle import statements

    if name == DefaultGraph():
        yield from statements(lines)
        return
    yield str(name).encode() + b" {\n"
    yield from statements(lines, indent=b"\t")
    yield b"}\n"


def write_store(folder: Path, format_name: str, output: BinaryIO) -> None:
    """Stream the article graphs of a store folder (``kgraph build --store``) to `output`, never the whole store in
    memory: Turtle and N-Triples from the store's default graph (the merge of its article graphs), N-Quads and
    TriG graph by graph in the order of their IRIs (``corpus.store_graphs``). The statements come in the store's
    own order (by subject), the same for the same graphs, so the same store gives the same bytes; they are not
    sorted as a file's are.
    """
    from pyoxigraph import DefaultGraph, RdfFormat, Store

    from .corpus import OXIGRAPH, store_graphs
    from .turtle import header

    fmt = rdf_format(format_name)
    if fmt.name not in OXIGRAPH_WRITES:
        raise ExportError(f"cannot stream {fmt.name} from a store; give one of {', '.join(OXIGRAPH_WRITES)}")
    if fmt.name in ("turtle", "ntriples"):
        store = Store.read_only(str(folder / OXIGRAPH))
        lines = _lines(store.quads_for_pattern(None, None, None, DefaultGraph()), RdfFormat.N_TRIPLES)
        if fmt.name == "ntriples":
            output.writelines(line + b" .\n" for line in lines)
            return
        from .turtle import statements

        output.write(header())
        output.writelines(statements(lines))
        return
    if fmt.name == "trig":
        output.write(header())
    for name, quads in store_graphs(folder):
        if fmt.name == "nquads":
            output.writelines(line + b" .\n" for line in _lines(quads, RdfFormat.N_QUADS))
        else:
            output.writelines(trig_block(name, _lines((quad.triple for quad in quads), RdfFormat.N_TRIPLES)))


STREAMED = 20_000
"""Statements serialised at a time when streaming a store."""


def _lines(statements: Iterable[Any], fmt: Any) -> Iterator[bytes]:
    """N-Triples or N-Quads statements of `statements`, each without its " ." and line end, serialised `STREAMED`
    at a time."""
    from itertools import islice

    from pyoxigraph import serialize as ox_serialize

    statements = iter(statements)
    while chunk := list(islice(statements, STREAMED)):
        written = (ox_serialize(chunk, format=fmt) or b"").split(b" .\n")
        written.pop()
        yield from written


def _sorted_lines(written: bytes) -> bytes:
    """N-Triples or N-Quads with its lines sorted, each once."""
    return b"".join(line + b"\n" for line in sorted(set(written.splitlines())))


def from_rdflib(data: Graph | Dataset) -> list[Any]:
    """The quads of an rdflib graph or dataset as pyoxigraph quads (a plain graph's in the default graph), blank
    nodes labelled from what surrounds them (``rdfio.label_blank_nodes``) so that their labels do not change from
    one run to the next.

    >>> from rdflib import Graph, URIRef, Literal
    >>> g = Graph().add((URIRef("http://e.org/a"), URIRef("http://e.org/p"), Literal("1", lang="ru")))
    >>> [str(q) for q in from_rdflib(g)]
    ['<http://e.org/a> <http://e.org/p> "1"@ru']
    """
    from pyoxigraph import BlankNode, DefaultGraph, NamedNode, Quad
    from pyoxigraph import Literal as OxLiteral
    from rdflib import BNode
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    from .rdfio import label_blank_nodes

    terms: dict[Any, Any] = {}
    blank = False

    def convert(term: Any) -> Any:
        nonlocal blank
        converted = terms.get(term)
        if converted is None:
            if isinstance(term, URIRef):
                converted = NamedNode(term)
            elif isinstance(term, BNode):
                converted, blank = BlankNode(term), True
            elif isinstance(term, Literal):
                if term.language:
                    converted = OxLiteral(term, language=term.language)
                elif term.datatype is not None:
                    converted = OxLiteral(term, datatype=NamedNode(term.datatype))
                else:
                    converted = OxLiteral(term)
            else:
                raise ExportError(f"cannot write {term!r}: not an IRI, blank node or literal")
            terms[term] = converted
        return converted

    default = DefaultGraph()
    quads = []
    if isinstance(data, Dataset):
        for s, p, o, name in data.quads((None, None, None, None)):
            graph = (
                default
                if name is None or name == DATASET_DEFAULT_GRAPH_ID
                else convert(getattr(name, "identifier", name))
            )
            quads.append(Quad(convert(s), convert(p), convert(o), graph))
    else:
        quads = [Quad(convert(s), convert(p), convert(o), default) for s, p, o in data]
    return label_blank_nodes(quads) if blank else quads


_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
"""Characters XML 1.0 cannot hold, not even escaped."""


def _check_xml_text(graph: Graph) -> None:
    """ExportError naming the first literal that holds a character XML 1.0 cannot represent at all."""
    for subject, predicate, value in graph:
        if isinstance(value, Literal):
            bad = _NOT_IN_XML.search(value)
            if bad:
                raise ExportError(
                    f"cannot write RDF/XML: the value of <{predicate}> of {subject.n3()} holds the character "
                    f"U+{ord(bad.group()):04X}, which XML 1.0 cannot represent; use Turtle, N-Triples or JSON-LD"
                )


def _nest_article_namespaces(target: Graph, dataset: Dataset) -> None:
    """Bind a prefix, never written, to each article's namespace (its graph's IRI and "/").

    rdflib's Turtle and TriG writers file the namespace of every IRI they meet in a trie. Each NIF string of an
    article (…/text#char=0,35) has a namespace of its own, and they were all children of ``id:``, where finding
    the place of a new one is linear: writing grew with the square of the articles (746 NEREL articles: Turtle
    145 s). Under their article's namespace they nest one level down (27 s). The names after it hold "/" or "#",
    which rdflib never abbreviates, so the output is the same bytes. For TriG the prefixes are bound on the
    dataset itself (rdflib keeps them in its store); they never show in any serialisation.
    """
    for number, graph in enumerate(dataset.graphs()):
        if isinstance(graph.identifier, URIRef):
            target.bind(f"article{number}", URIRef(f"{graph.identifier}/"))


def write(data: Graph | Dataset, path: Path, format_name: str) -> Path:
    """Write `data` to `path` in the named format, all or nothing."""
    payload = serialize(data, format_name)

    def write_payload(temporary: Path) -> None:
        temporary.write_bytes(payload)

    return write_atomically(path, write_payload)
