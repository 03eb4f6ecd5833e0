"""Where the ontology, the shapes and the bundled queries are, installed or in a source checkout.

>>> ontology_path().name
'kgraph.ttl'
"""

from importlib.resources import files
from pathlib import Path


def resource_dir(name: str) -> Path:
    """The folder `name` (ontology, queries) shipped in the wheel, or at the top of a source checkout."""
    packaged = Path(str(files("kgraph"))) / name
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / name


def ontology_path() -> Path:
    """The OWL ontology, ontology/kgraph.ttl."""
    return resource_dir("ontology") / "kgraph.ttl"


def shapes_path() -> Path:
    """The SHACL shapes, ontology/shapes.ttl."""
    return resource_dir("ontology") / "shapes.ttl"


def queries_dir() -> Path:
    """The competency questions, one SPARQL query per .rq file."""
    return resource_dir("queries")
