"""Serialisations of a graph in the standard RDF formats, prefixes bound, written atomically.

Turtle and N-Triples are deterministic: the same graph gives the same bytes, whatever order it was built in.

>>> from rdflib import Dataset, URIRef, Literal
>>> d = Dataset(); _ = d.graph(URIRef("https://w3id.org/kgraph/id/a")).add(
...     (URIRef("https://w3id.org/kgraph/id/x"), URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("x")))
>>> print(serialize(d, "turtle").decode().strip().splitlines()[-1])
id:x rdfs:label "x" .
"""

import re
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef

from .errors import ExportError
from .namespaces import bind_prefixes
from .rdfio import rdf_format, union_graph, write_atomically


def serialize(data: Graph | Dataset, format_name: str) -> bytes:
    """The bytes of `data` in the named format; triple formats get the union of all named graphs."""
    fmt = rdf_format(format_name)
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
        if fmt.name in ("ntriples", "nquads"):
            text = target.serialize(format="nt" if fmt.name == "ntriples" else "nquads", encoding="utf-8")
            return b"".join(line for line in sorted(set(text.splitlines(keepends=True))) if line.strip())
        if fmt.name == "trig":
            return _trig(target)
        return target.serialize(format=fmt.rdflib_name, encoding="utf-8")
    except RecursionError:
        # rdflib's pretty writers recurse once per blank node nested in another: past Python's recursion limit
        # pyoxigraph writes the same triples flat, one blank node label each
        if fmt.name not in ("turtle", "trig", "jsonld"):
            raise ExportError(f"cannot write {fmt.name}: blank nodes nest too deep for rdflib's writer") from None
        return _flat(target, fmt.name)
    except ValueError as error:  # rdflib: "no valid way to shorten http://e.org/1" (RDF/XML needs QNames)
        raise ExportError(f"cannot write {fmt.name}: {' '.join(str(error).split())}") from None


def _trig(data: Graph) -> bytes:
    """rdflib's TriG with the named graphs in the order of their names: rdflib's own order follows its store's
    hashing, which differs from one run to the next, so the same dataset gave other bytes."""
    from io import BytesIO

    from rdflib.plugins.serializers.trig import TrigSerializer

    serializer = TrigSerializer(data)
    serializer.contexts.sort(key=lambda graph: str(graph.identifier))
    stream = BytesIO()
    serializer.serialize(stream, encoding="utf-8")
    return stream.getvalue()


def _flat(data: Graph, format_name: str) -> bytes:
    """Turtle, TriG or JSON-LD from pyoxigraph's writer (no nesting), statements sorted, our prefixes declared."""
    from pyoxigraph import RdfFormat, parse
    from pyoxigraph import serialize as ox_serialize

    from .namespaces import PREFIXES

    quads_format = "nquads" if isinstance(data, Dataset) else "nt"
    payload = data.serialize(format=quads_format, encoding="utf-8")
    quads = sorted(parse(payload, format=RdfFormat.N_QUADS), key=str)  # N-Triples is N-Quads without graphs
    if format_name != "turtle":
        target = RdfFormat.TRIG if format_name == "trig" else RdfFormat.JSON_LD
        return ox_serialize(quads, format=target, prefixes=PREFIXES) or b""
    triples = sorted({q.triple for q in quads}, key=str)
    return ox_serialize(triples, format=RdfFormat.TURTLE, prefixes=PREFIXES) or b""


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
