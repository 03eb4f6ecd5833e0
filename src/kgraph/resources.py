"""Where the ontology, the shapes and the bundled queries are, installed or in a source checkout; the ontology
read once for those who ask it about its terms.

>>> ontology_path().name
'kgraph.ttl'
"""

from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rdflib import Graph


def resource_dir(name: str) -> Path:
    """The folder `name` (ontology, queries) shipped in the wheel, or at the top of a source checkout."""
    packaged = Path(str(files("kgraph"))) / name
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / name


def ontology_path() -> Path:
    """The OWL ontology, ontology/kgraph.ttl."""
    return resource_dir("ontology") / "kgraph.ttl"


@cache
def ontology_graph() -> "Graph":
    """The ontology as an rdflib graph, parsed once per process and shared: read it, never change it.

    >>> from kgraph.namespaces import KG
    >>> (KG.Forum, None, None) in ontology_graph()
    True
    """
    from rdflib import Graph

    return Graph().parse(str(ontology_path()), format="turtle")


@cache
def subclasses(curie: str) -> frozenset[str]:
    """The class `curie` and every class the ontology makes a subclass of it, directly or not, as CURIEs.

    >>> sorted(subclasses("kg:Utterance"))
    ['kg:DirectQuote', 'kg:ReportedStatement', 'kg:Utterance']
    """
    from rdflib.namespace import RDFS

    from .namespaces import expand_term, shorten

    return frozenset(shorten(c) for c in ontology_graph().transitive_subjects(RDFS.subClassOf, expand_term(curie)))


def shapes_path() -> Path:
    """The SHACL shapes, ontology/shapes.ttl."""
    return resource_dir("ontology") / "shapes.ttl"


def queries_dir() -> Path:
    """The competency questions, one SPARQL query per .rq file."""
    return resource_dir("queries")


@cache
def shapes_graph() -> "Graph":
    """The shapes as an rdflib graph, parsed once per process and shared: read it, never change it."""
    from rdflib import Graph

    return Graph().parse(str(shapes_path()), format="turtle")
