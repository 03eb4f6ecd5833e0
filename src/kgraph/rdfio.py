"""Reading and writing RDF files: formats by name or file extension, atomic writes.

>>> FORMATS["turtle"].extension, format_for_path(Path("x.nq")).name
('.ttl', 'nquads')
"""

import logging
import os
import re
import struct
import tempfile
import warnings
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from rdflib import Dataset, Graph

from .errors import OutputError, RDFInputError, UsageError
from .limits import MAX_NESTING, json_depth, run_deep
from .namespaces import bind_prefixes

T = TypeVar("T")


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


MAX_ENTITY_EXPANSION = 16 << 20
"""Most characters the entity references of an RDF/XML file may expand to, all together."""

_BOM = "\ufeff".encode()
_ENTITY = re.compile(
    r"""<!ENTITY\s+(?P<parameter>%\s+)?(?P<name>[^\s%"'>]+)\s+
        (?:(?P<external>SYSTEM|PUBLIC)\b|"(?P<double>[^"]*)"|'(?P<single>[^']*)')""",
    re.VERBOSE,
)


def _check_entities(path: Path, text: str) -> None:
    """RDFInputError for RDF/XML entities that could expand without bound or read other files.

    Simple text entities (`<!ENTITY owl "http://www.w3.org/2002/07/owl#">`, as ontology editors write) are
    fine. Refused: external entities (SYSTEM, PUBLIC: they name other files), parameter entities, entities
    that refer to other entities (the "billion laughs": 981 bytes that expand to gigabytes), and references
    that would expand to more than MAX_ENTITY_EXPANSION characters in all.
    """
    if "<!ENTITY" not in text:
        return
    sizes: dict[str, int] = {}
    declarations = 0
    for match in _ENTITY.finditer(text):
        name, value = match["name"], match["double"] if match["double"] is not None else match["single"]
        declarations += 1
        if match["parameter"] or match["external"]:
            raise RDFInputError(
                f"{path}:{_line(text, match.start())}: the entity {name!r} is external or a parameter entity; "
                "kgraph reads only the file it is given"
            )
        if value is not None and ("&" in value or "%" in value):
            raise RDFInputError(
                f"{path}:{_line(text, match.start())}: the entity {name!r} refers to other entities; kgraph "
                "refuses nested entities (they can expand without bound)"
            )
        sizes[name] = max(sizes.get(name, 0), len(value or ""))
    if text.count("<!ENTITY") != declarations:
        raise RDFInputError(f"{path}: an entity declaration kgraph cannot read")
    expansion = sum(sizes.get(m.group(1), 0) for m in re.finditer(r"&([^\s;&#]+);", text))
    if expansion > MAX_ENTITY_EXPANSION:
        raise RDFInputError(
            f"{path}: its entity references expand to {expansion:,} characters; kgraph reads at most "
            f"{MAX_ENTITY_EXPANSION:,}"
        )


def _line(text: str, offset: int) -> int:
    """The line (from 1) of a character offset: counted only for a message, once."""
    return text.count("\n", 0, offset) + 1


def _source(path: Path, fmt: RDFFormat) -> dict[str, Any]:
    """What pyoxigraph is given to parse `path`: the path itself, or its checked bytes.

    JSON-LD must not nest deeper than MAX_NESTING; RDF/XML passes `_check_entities`; a UTF-8 byte order mark
    (which Windows tools write, and which no RDF parser reads) is dropped.
    """
    try:
        if not path.is_file():
            raise RDFInputError(f"{path}: no such file" if not path.exists() else f"{path}: not a regular file")
        if fmt.name not in ("jsonld", "xml"):
            with path.open("rb") as handle:
                if handle.read(len(_BOM)) != _BOM:
                    return {"path": str(path)}
            return {"input": path.read_bytes()[len(_BOM) :]}
        data = path.read_bytes()
    except OSError as error:
        raise RDFInputError(f"{path}: cannot read: {error.strerror or error}") from None
    data = data.removeprefix(_BOM)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise RDFInputError(f"{path}: not UTF-8 text (byte {error.start})") from None
    if fmt.name == "jsonld" and json_depth(text) > MAX_NESTING:
        raise RDFInputError(f"{path}: JSON-LD nested {json_depth(text)} deep; kgraph reads at most {MAX_NESTING}")
    if fmt.name == "xml":
        _check_entities(path, text)
    return {"input": data}


def _syntax_error(path: Path, fmt: RDFFormat, error: Exception) -> RDFInputError:
    message = " ".join(str(error).split()) or type(error).__name__
    if "LoadDocumentCallback" in message:  # pyoxigraph loads no JSON-LD context it is not given
        return RDFInputError(
            f"{path}: its @context or @import names another document; kgraph reads only the file it is given "
            "(put the context inline)"
        )
    if len(message) > 300:
        message = message[:300] + " …"
    return RDFInputError(f"{path}: not valid {fmt.name}: {message}")


def parse_quads(path: Path, fmt: RDFFormat | None = None) -> list[Any]:
    """Every quad of an RDF file, read the one way every kgraph command reads RDF (pyoxigraph's parsers).

    One reader means one answer to "is this valid?" for every command. It reads only the file named: no
    remote or local JSON-LD context, no external XML entity; relative IRIs are refused (there is no base to
    resolve them against but the file's own path, which does not belong in the data). RDFInputError names the
    file and, where the parser says, the line.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.ttl").write_text("\ufeff<http://e.org/a> <http://e.org/p> 1 .")
    >>> [q.object.value for q in parse_quads(folder / "a.ttl")]
    ['1']
    """
    return _read(path, fmt or format_for_path(path), list)


def consume_quads(path: Path, consume: Callable[[Iterator[Any]], T], fmt: RDFFormat | None = None) -> T:
    r"""`consume(quads)` over the quads of an RDF file as `parse_quads` reads them, one at a time: a big file is
    never a list of quads in memory.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.nt").write_text('<http://e.org/a> <http://e.org/p> "1" .\n' * 3)
    >>> consume_quads(folder / "a.nt", lambda quads: sum(1 for _ in quads))
    3
    """
    return _read(path, fmt or format_for_path(path), consume)


NTRIPLES_CHUNK = 50_000
"""Triples `ntriples_chunks` writes at a time (some 8 MB of N-Triples): one is read while the next is parsed."""
_CHUNK, _ERROR = b"c", b"e"
"""What a message from the reading process holds: N-Triples lines, or an error's message."""
_HEAD = struct.Struct("<cQ")
"""A message's head: its kind, then the length of what follows."""


def ntriples_chunks(path: Path, fmt: RDFFormat | None = None, *, lines: int | None = None) -> Iterator[bytes]:
    r"""The triples of an RDF file, whatever their graph, as N-Triples text (one triple a line, as pyoxigraph
    writes it), `lines` triples at a time (`NTRIPLES_CHUNK` by default), read as `parse_quads` reads them (the
    same checks and errors) by a second Python process: the caller works on one chunk while the next is parsed,
    on another core.

    Worth it for a big file only: starting the process takes some 0.15 s. RDFInputError for a file the second
    process cannot read, as `parse_quads` words it, once the chunks before the error were given.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.nq").write_text('<http://e.org/a> <http://e.org/p> "1" <http://e.org/g> .\n' * 3)
    >>> [chunk.count(b"\n") for chunk in ntriples_chunks(folder / "a.nq", lines=2)]
    [2, 1]
    """
    import subprocess

    from .processes import python_process

    fmt = fmt or format_for_path(path)
    code = "import kgraph.rdfio as r; r._write_ntriples()"
    worker = python_process(code, str(path), fmt.name, str(lines or NTRIPLES_CHUNK), stdout=subprocess.PIPE)
    assert worker.stdout is not None
    stopped = f"{path}: the process reading it stopped"
    try:
        while head := worker.stdout.read(_HEAD.size):
            if len(head) < _HEAD.size:
                raise RDFInputError(f"{stopped} in the middle of a message (exit code {worker.wait()})")
            kind, size = _HEAD.unpack(head)
            body = worker.stdout.read(size)
            if len(body) < size:  # a chunk cut short is never indexed
                raise RDFInputError(f"{stopped} in the middle of a message (exit code {worker.wait()})")
            if kind == _ERROR:
                raise RDFInputError(body.decode("utf-8"))
            yield body
        if worker.wait() != 0:
            raise RDFInputError(f"{stopped} (exit code {worker.returncode})")
    finally:
        worker.stdout.close()
        if worker.poll() is None:
            worker.kill()
        worker.wait()


def ntriples_of(quads: Iterable[Any], lines: int, *, default_graph_only: bool = False) -> Iterator[bytes]:
    """The triples of pyoxigraph quads, whatever their graph, as N-Triples text that Oxigraph writes `lines`
    triples at a time (a Python object per term would take several times as long). Quads `default_graph_only` (read
    from a format without named graphs) are written as N-Quads, the same lines, without making each one's triple
    (a tenth less time for the 1.6 million of a 100,000-node page).

    >>> from pyoxigraph import NamedNode, Quad
    >>> a = NamedNode("http://e.org/a")
    >>> [chunk.count(b"\\n") for chunk in ntriples_of([Quad(a, a, a)] * 3, 2)]
    [2, 1]
    >>> list(ntriples_of([Quad(a, a, a)], 2, default_graph_only=True)) == list(ntriples_of([Quad(a, a, a)], 2))
    True
    """
    from itertools import islice

    from pyoxigraph import RdfFormat, serialize

    quads = iter(quads)
    while batch := list(islice(quads, lines)):
        if default_graph_only:
            yield serialize(batch, format=RdfFormat.N_QUADS) or b""
        else:
            yield serialize((quad.triple for quad in batch), format=RdfFormat.N_TRIPLES) or b""


def _write_ntriples() -> None:
    """The reading process of `ntriples_chunks` (arguments: the path, the format's name, the triples per chunk):
    the file's triples as N-Triples chunks on stdout, or the message of the error met, each after a `_HEAD`."""
    import sys

    path, fmt, lines, out = Path(sys.argv[1]), FORMATS[sys.argv[2]], int(sys.argv[3]), sys.stdout.buffer

    def send(kind: bytes, body: bytes) -> None:
        out.write(_HEAD.pack(kind, len(body)))
        out.write(body)

    def write(quads: Iterator[Any]) -> None:
        for chunk in ntriples_of(quads, lines, default_graph_only=not fmt.quads):
            send(_CHUNK, chunk)

    try:
        _read(path, fmt, write)
    except RDFInputError as error:
        send(_ERROR, str(error).encode("utf-8"))
    out.flush()


def _read(path: Path, fmt: RDFFormat, consume: Callable[[Any], T]) -> T:
    """`consume(quads)` over the quads pyoxigraph parses from `path`, with every check and limit applied."""
    from pyoxigraph import parse

    return _checked(path, fmt, lambda source: consume(parse(format=oxigraph_format(fmt), **source)))


def _checked(path: Path, fmt: RDFFormat, read: Callable[[dict[str, Any]], T]) -> T:
    """`read(source)` for what `_source` gives pyoxigraph to parse `path`, in a deep thread (`run_deep`), a parser's
    failure as an RDFInputError naming the file."""
    source = _source(path, fmt)
    try:
        return run_deep(lambda: read(source), what=f"reading {path}")
    except (SyntaxError, ValueError) as error:
        raise _syntax_error(path, fmt, error) from None
    except MemoryError as error:  # pyoxigraph: "Reached the buffer maximal size of 16777216"
        raise RDFInputError(f"{path}: a term is longer than the parser holds ({error})") from None
    except OSError as error:
        raise RDFInputError(f"{path}: cannot read: {error.strerror or error}") from None


def load_file(store: Any, path: Path, fmt: RDFFormat | None = None) -> None:
    """Load an RDF file into a pyoxigraph store, named graphs kept, read as `parse_quads` reads it.

    (`Store.bulk_load` would be about 1.5x faster, but it is another parser path: it accepts terms over 16 MiB
    that `parse` refuses, and one reader means one answer to "is this file valid?".)
    """
    _read(path, fmt or format_for_path(path), store.bulk_extend)


def store_file(path: Path, fmt: RDFFormat | None = None) -> Any:
    """A new in-memory pyoxigraph store holding an RDF file, named graphs kept, loaded by Oxigraph without a Python
    object per quad: the parser, checks and limits of `parse_quads` (`Store.load` refuses what `parse` refuses,
    terms over 16 MiB too), loaded in less time, and queried in about 0.7 of the time a store `load_file` filled
    takes (1M triples). Its blank nodes have labels of the store's own, not the file's.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.nq").write_text('<http://e.org/a> <http://e.org/p> "1" <http://e.org/g> .')
    >>> [str(q.graph_name) for q in store_file(folder / "a.nq")]
    ['<http://e.org/g>']
    """
    from pyoxigraph import Store

    fmt = fmt or format_for_path(path)
    store = Store()
    _checked(path, fmt, lambda source: store.load(format=oxigraph_format(fmt), **source))
    return store


def read_quads(path: Path, fmt: RDFFormat | None = None) -> list[Any]:
    """The quads of an RDF file (by `parse_quads`) or of a store folder `kgraph build --store` wrote."""
    from .corpus import is_store, store_quads

    return store_quads(path) if fmt is None and is_store(path) else parse_quads(path, fmt)


def read_dataset(path: Path, fmt: RDFFormat | None = None, *, stable_blank_nodes: bool = False) -> Dataset:
    """An RDF file (or a store folder `kgraph build --store` wrote) as an rdflib dataset whose default graph is
    the union of its named graphs.

    The file is read by `parse_quads` (never by rdflib's own parsers). Triple formats (Turtle, N-Triples,
    RDF/XML) land in the default graph. With `stable_blank_nodes`, blank nodes are labelled by
    `label_blank_nodes`, so export writes the same bytes every time.
    """
    quads = read_quads(path, fmt)
    if stable_blank_nodes:
        quads = label_blank_nodes(quads)
    return to_rdflib(quads, str(path))


REFINEMENT_ROUNDS = 8
"""Rounds of neighbourhood hashing that tell blank nodes apart (each sees one step further)."""


def label_blank_nodes(quads: list[Any]) -> list[Any]:
    """The quads with every blank node labelled from what surrounds it, the same way every time.

    Each blank node starts with one colour; each round hashes its colour with its quads (direction, predicate,
    graph and the other end: an IRI or literal as it is, a blank node by its colour), so nodes that differ
    within REFINEMENT_ROUNDS steps get different colours, whatever order the file lists them in. Nodes the
    rounds cannot tell apart are ordered by where they first appear in the file. Linear in the quads per round:
    full canonicalisation (RDFC-1.0) took 7 s for a chain of 200 blank nodes, and is exponential at worst.

    >>> from pyoxigraph import BlankNode, Literal, NamedNode, Quad
    >>> p = NamedNode("http://e.org/p")
    >>> one = [Quad(BlankNode("x"), p, Literal("1")), Quad(BlankNode("y"), p, Literal("2"))]
    >>> two = [Quad(BlankNode("k"), p, Literal("2")), Quad(BlankNode("m"), p, Literal("1"))]
    >>> sorted(map(str, label_blank_nodes(one))) == sorted(map(str, label_blank_nodes(two)))
    True
    """
    import hashlib

    from pyoxigraph import BlankNode, Quad

    first_seen: dict[Any, int] = {}
    for quad in quads:
        for term in (quad.subject, quad.object, quad.graph_name):
            if isinstance(term, BlankNode):
                first_seen.setdefault(term, len(first_seen))
    if not first_seen:
        return quads
    colour = dict.fromkeys(first_seen, "")

    def key(term: Any) -> str:
        return "_:" + colour[term] if isinstance(term, BlankNode) else str(term)

    distinct = 1
    for _ in range(REFINEMENT_ROUNDS):
        seen: dict[Any, list[str]] = {node: [] for node in first_seen}
        for quad in quads:
            s, o, g = quad.subject, quad.object, quad.graph_name
            if isinstance(s, BlankNode):
                seen[s].append(f"> {quad.predicate} {key(o)} {key(g)}")
            if isinstance(o, BlankNode):
                seen[o].append(f"< {quad.predicate} {key(s)} {key(g)}")
            if isinstance(g, BlankNode):
                seen[g].append(f"@ {key(s)} {quad.predicate} {key(o)}")
        colour = {
            node: hashlib.sha256("\n".join([colour[node], *sorted(lines)]).encode()).hexdigest()
            for node, lines in seen.items()
        }
        now = len(set(colour.values()))
        if (now == distinct and distinct > 1) or now == len(first_seen):
            break
        distinct = now
    order = sorted(first_seen, key=lambda node: (colour[node], first_seen[node]))
    labels = {node: BlankNode(f"b{index}") for index, node in enumerate(order)}

    def relabel(term: Any) -> Any:
        return labels[term] if isinstance(term, BlankNode) else term

    return [Quad(relabel(q.subject), q.predicate, relabel(q.object), relabel(q.graph_name)) for q in quads]


def rdflib_term_converter(where: str = "the data") -> Callable[[Any], Any]:
    """A function from pyoxigraph terms to rdflib terms that converts each distinct term once.

    >>> from pyoxigraph import Literal, NamedNode
    >>> convert = rdflib_term_converter()
    >>> convert(NamedNode("http://e.org/a")), convert(Literal("Омск", language="ru")).language
    (rdflib.term.URIRef('http://e.org/a'), 'ru')
    """
    from pyoxigraph import BlankNode, NamedNode
    from rdflib import BNode, Literal, URIRef

    terms: dict[Any, Any] = {}

    def convert(term: Any) -> Any:
        converted = terms.get(term)
        if converted is None:
            if isinstance(term, NamedNode):
                converted = URIRef(term.value)
            elif isinstance(term, BlankNode):
                converted = BNode(term.value)
            elif hasattr(term, "datatype"):
                if term.language:
                    converted = Literal(term.value, lang=term.language)
                elif term.datatype.value == _XSD_STRING:
                    converted = Literal(term.value)
                else:
                    converted = Literal(term.value, datatype=URIRef(term.datatype.value))
            else:
                raise RDFInputError(f"{where}: RDF 1.2 triple terms are not supported: {term}")
            terms[term] = converted
        return converted

    return convert


def to_rdflib(quads: Iterable[Any], where: str = "the data") -> Dataset:
    """pyoxigraph quads as an rdflib dataset (default graph = union of its named graphs), our prefixes bound."""
    from pyoxigraph import DefaultGraph
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    convert = rdflib_term_converter(where)
    dataset = Dataset(default_union=True)
    bind_prefixes(dataset)
    graphs: dict[Any, Graph] = {}
    with quiet_ill_typed_literals():
        for quad in quads:
            name = quad.graph_name
            graph = graphs.get(name)
            if graph is None:
                graph = graphs[name] = dataset.graph(
                    DATASET_DEFAULT_GRAPH_ID if isinstance(name, DefaultGraph) else convert(name)
                )
            graph.add((convert(quad.subject), convert(quad.predicate), convert(quad.object)))
    return dataset


@contextmanager
def quiet_ill_typed_literals() -> Iterator[None]:
    """rdflib logs a traceback (or warns) for every literal whose text is not of its datatype ("abc"^^xsd:integer):
    such a literal is kept as written, which is all kgraph needs; validation reports it where a shape cares."""
    term_log = logging.getLogger("rdflib.term")
    level = term_log.level
    term_log.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            yield
    finally:
        term_log.setLevel(level)


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def bytes_writer(content: bytes) -> Callable[[Path], None]:
    """A writer for `write_atomically` that writes `content` as it is."""

    def write(temporary: Path) -> None:
        temporary.write_bytes(content)

    return write


def write_atomically(path: Path, write: Callable[[Path], None]) -> Path:
    """Call `write` on a temporary file beside `path`, then rename it into place: all or nothing.

    OutputError names `path` (never the temporary file) when it cannot be written.
    """
    write_all_atomically({path: write})
    return path


def _temporary_beside(path: Path) -> Path:
    """A new empty file in `path`'s folder (made if missing), readable as a written file should be."""
    if path.is_dir():
        raise OutputError(f"{path}: is a folder; give the name of the file to write")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as error:
        raise _cannot_write(path, error) from None
    os.close(handle)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(temporary, 0o666 & ~umask)  # mkstemp makes 0600; a written file should look like any other
    return Path(temporary)


def write_all_atomically(writes: dict[Path, Callable[[Path], None]]) -> list[Path]:
    """Write every file to a temporary beside it, then rename them all into place: old files stay until every
    new one is written, and the renames run with Ctrl-C and SIGTERM held back, so an interrupted build never
    leaves a mix of new and old files.
    """
    import signal

    temporaries: dict[Path, Path] = {}
    try:
        for path, write in writes.items():
            temporaries[path] = _temporary_beside(path)
            try:
                write(temporaries[path])
            except OSError as error:
                raise _cannot_write(path, error) from None
        held = {signal.SIGINT, signal.SIGTERM}
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
        try:
            for path, temporary in list(temporaries.items()):
                try:
                    os.replace(temporary, path)
                except OSError as error:
                    raise _cannot_write(path, error) from None
                del temporaries[path]
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)
    finally:
        for temporary in temporaries.values():
            temporary.unlink(missing_ok=True)
    return list(writes)


def _cannot_write(path: Path, error: OSError) -> OutputError:
    """The error for a file that cannot be written, naming the file the user asked for (not its temporary)."""
    return OutputError(f"{path}: cannot write: {error.strerror or error}")


def union_graph(dataset: Dataset | Graph) -> Graph:
    """All triples of a dataset (every named graph and the default graph) as one plain graph."""
    if not isinstance(dataset, Dataset):
        return dataset
    union = Graph()
    bind_prefixes(union)
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union
