"""Serialisations of a graph in the standard RDF formats, prefixes bound, written atomically.

Turtle and N-Triples are deterministic: the same graph gives the same bytes, whatever order it was built in.

>>> from rdflib import Dataset, URIRef, Literal
>>> d = Dataset(); _ = d.graph(URIRef("https://w3id.org/kgraph/id/a")).add(
...     (URIRef("https://w3id.org/kgraph/id/x"), URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("x")))
>>> print(serialize(d, "turtle").decode().strip().splitlines()[-1])
id:x rdfs:label "x" .
"""

from pathlib import Path

from rdflib import Dataset, Graph, URIRef

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
    if fmt.name == "ntriples":
        lines = sorted(set(target.serialize(format="nt", encoding="utf-8").splitlines(keepends=True)))
        return b"".join(line for line in lines if line.strip())
    if fmt.name == "nquads":
        lines = sorted(set(target.serialize(format="nquads", encoding="utf-8").splitlines(keepends=True)))
        return b"".join(line for line in lines if line.strip())
    return target.serialize(format=fmt.rdflib_name, encoding="utf-8")


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
