"""Reading and writing RDF files: formats by name or file extension, atomic writes.

>>> FORMATS["turtle"].extension, format_for_path(Path("x.nq")).name
('.ttl', 'nquads')
"""

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph

from .errors import RDFInputError, UsageError
from .namespaces import bind_prefixes


@dataclass(frozen=True)
class RDFFormat:
    """An RDF serialisation: our name for it, rdflib's, the file extension, and whether it holds named graphs."""

    name: str
    rdflib_name: str
    extension: str
    quads: bool
    media_type: str


FORMATS: dict[str, RDFFormat] = {
    f.name: f
    for f in (
        RDFFormat("turtle", "turtle", ".ttl", False, "text/turtle"),
        RDFFormat("ntriples", "nt", ".nt", False, "application/n-triples"),
        RDFFormat("nquads", "nquads", ".nq", True, "application/n-quads"),
        RDFFormat("trig", "trig", ".trig", True, "application/trig"),
        RDFFormat("jsonld", "json-ld", ".jsonld", True, "application/ld+json"),
        RDFFormat("xml", "xml", ".rdf", False, "application/rdf+xml"),
    )
}
"""The RDF formats kgraph reads and writes, by the name the CLI uses."""

_EXTRA_EXTENSIONS = {".owl": "xml", ".xml": "xml", ".json": "jsonld", ".n3": "turtle", ".ttls": "turtle"}


def oxigraph_format(fmt: RDFFormat) -> Any:
    """The pyoxigraph RdfFormat of one of our formats (found by its media type)."""
    from pyoxigraph import RdfFormat

    return RdfFormat.from_media_type(fmt.media_type)


def rdf_format(name: str) -> RDFFormat:
    """The format called `name`; UsageError naming the choices otherwise."""
    try:
        return FORMATS[name]
    except KeyError:
        raise UsageError(f"unknown format {name!r}; expected one of {', '.join(FORMATS)}") from None


def format_for_path(path: Path) -> RDFFormat:
    """The format a file's extension says; UsageError for unknown extensions."""
    suffix = path.suffix.lower()
    for fmt in FORMATS.values():
        if fmt.extension == suffix:
            return fmt
    if suffix in _EXTRA_EXTENSIONS:
        return FORMATS[_EXTRA_EXTENSIONS[suffix]]
    raise UsageError(f"{path}: cannot tell the RDF format from the extension {suffix!r}")


def read_dataset(path: Path, fmt: RDFFormat | None = None) -> Dataset:
    """Parse an RDF file into a dataset whose default graph is the union of its named graphs.

    Triple formats (Turtle, N-Triples, RDF/XML) land in the default graph; RDFInputError names the file and,
    where the parser says, the line of the first syntax error.
    """
    fmt = fmt or format_for_path(path)
    if not path.is_file():
        raise RDFInputError(f"{path}: no such file")
    dataset = Dataset(default_union=True)
    bind_prefixes(dataset)
    try:
        dataset.parse(str(path), format=fmt.rdflib_name)
    except Exception as error:  # rdflib raises many unrelated types for bad input
        message = " ".join(str(error).split()) or type(error).__name__
        raise RDFInputError(f"{path}: not valid {fmt.name}: {message}") from None
    return dataset


def write_atomically(path: Path, write: Callable[[Path], None]) -> Path:
    """Call `write` on a temporary file beside `path`, then rename it into place: all or nothing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        write(Path(temporary))
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # mkstemp makes 0600; a written file should look like any other
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def union_graph(dataset: Dataset | Graph) -> Graph:
    """All triples of a dataset (every named graph and the default graph) as one plain graph."""
    if not isinstance(dataset, Dataset):
        return dataset
    union = Graph()
    bind_prefixes(union)
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union
