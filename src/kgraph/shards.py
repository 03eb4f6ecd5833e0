"""A store's named graphs as gzipped N-Quads shards for Virtuoso's bulk loader (`ld_dir`, `rdf_loader_run`).

For stores of billions of triples, where one Graph Store request per article is too slow. The folder holds
`part-00000.nq.gz`, … (at most `shard_size` quads each), `manifest.json` (each shard's quads and sha256, the
totals, the source, kgraph's version) and `load.sql`, the isql script that loads the folder. Written graph by
graph (one graph in memory at a time, never the whole store), graphs in IRI order and each graph's lines sorted,
gzip without a time or name: the same graphs give the same bytes. The folder appears all at once, or not at all.

Virtuoso picks the parser by the name: `.nq.gz` is read as gzipped N-Quads (`.nquads.gz` as Turtle, which
fails). It reads each file on its own, so a blank node is one node only within one file: a graph with blank
nodes is never split between shards (it starts a new shard, and may alone exceed `shard_size`).

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "g.nq").write_text(
...     '<http://e.org/a> <http://e.org/p> "1" <http://e.org/g1> .\\n'
...     '<http://e.org/a> <http://e.org/p> "2" <http://e.org/g1> .\\n'
...     '<http://e.org/a> <http://e.org/p> "3" <http://e.org/g2> .\\n'
... )
>>> done = write_shards(folder / "g.nq", folder / "shards", shard_size=2)
>>> [(shard.file, shard.quads) for shard in done.shards], done.graphs
([('part-00000.nq.gz', 2), ('part-00001.nq.gz', 1)], 2)
>>> sorted(path.name for path in done.folder.iterdir())
['load.sql', 'manifest.json', 'part-00000.nq.gz', 'part-00001.nq.gz']
"""

import gzip
import hashlib
import json
import os
import shutil
import signal
import tempfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from .errors import OutputError, RDFInputError, UsageError

SHARD_SIZE = 1_000_000
"""Quads per shard unless told otherwise: a few MB gzipped, and many files for the loader's threads."""
MANIFEST = "manifest.json"
LOAD_SCRIPT = "load.sql"
KIND = "kgraph N-Quads shards"
"""What `manifest.json` says it is: a folder that says so may be replaced by a new export."""
LOADER_GRAPH = "https://w3id.org/kgraph/"
"""The graph `ld_dir` is given; only a default, since every N-Quads line names its own graph."""
COMPRESSION = 6
"""gzip's level: level 9 takes about twice as long for a few per cent less."""


@dataclass(frozen=True)
class Shard:
    """One shard file: its name in the folder, how many quads it holds, the sha256 of its bytes."""

    file: str
    quads: int
    sha256: str


@dataclass(frozen=True)
class ShardExport:
    """What `write_shards` wrote: the folder, its shards, the quads and named graphs in them."""

    folder: Path
    shards: list[Shard]
    quads: int
    graphs: int

    @property
    def load_script(self) -> Path:
        """The isql script that bulk loads the folder into Virtuoso."""
        return self.folder / LOAD_SCRIPT


def write_shards(source: Path, folder: Path, shard_size: int = SHARD_SIZE) -> ShardExport:
    """Write the named graphs of `source` (a store folder `kgraph build --store` wrote, or an RDF file) into
    `folder` as N-Quads shards with a manifest and a load script; the default graph is not written (a store's
    holds the merge of its article graphs).

    `folder` must be new, empty, or an earlier shard export (which is replaced whole). OutputError names it
    otherwise; UsageError when a file has triples outside any named graph. Nothing is left on failure.
    """
    if shard_size < 1:
        raise UsageError(f"shard size {shard_size!r}: give at least 1 quad per shard")
    folder = folder.resolve()
    _check_target(folder)
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        temporary = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".tmp", dir=folder.parent))
    except OSError as error:
        raise OutputError(f"{folder}: cannot write: {error.strerror or error}") from None
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o777 & ~umask)  # mkdtemp makes 0700; the Virtuoso server may run as another user
        shards = _Shards(temporary, shard_size)
        graphs = 0
        for graph, quads in _blank_nodes_in_one_graph(source, _named_graphs(source)):
            graphs += 1
            shards.write(_sorted_lines(graph, quads, graphs), whole=_has_blank_nodes(quads))
        done = ShardExport(folder, shards.close(), shards.total, graphs)
        _write_manifest(temporary, done, source)
        (temporary / LOAD_SCRIPT).write_text(load_script(done), encoding="utf-8")
        _move_into_place(temporary, folder)
    except OSError as error:
        raise OutputError(f"{folder}: cannot write: {error.strerror or error}") from None
    finally:
        shutil.rmtree(temporary, ignore_errors=True)
    return done


def load_script(done: ShardExport) -> str:
    """The isql script that loads the shards of `done` with Virtuoso's bulk loader and says whether all loaded.

    `ld_dir` skips files its LOAD_LIST already names, so the script forgets this folder's shards first: it can
    be run again after a new export. A folder missing from `DirsAllowed` loads nothing and says no error; the
    last query then reports FAILED.

    >>> done = ShardExport(Path("/srv/it's"), [Shard("part-00000.nq.gz", 3, "")], 3, 1)
    >>> print(load_script(done).splitlines()[4])
    ld_dir('/srv/it''s', 'part-*.nq.gz', 'https://w3id.org/kgraph/');
    """
    folder, shards = _sql_string(str(done.folder)), len(done.shards)
    files = _sql_string(f"{done.folder}/part-%.nq.gz")
    return (
        f"-- Bulk load (kgraph export --shards): {done.quads} quads, {done.graphs} named graphs, {shards} shards.\n"
        f"-- Run: isql-vt 1111 dba dba {_sql_comment(str(done.load_script))}\n"
        "-- The folder must be listed in DirsAllowed of virtuoso.ini, or nothing is loaded.\n"
        f"DELETE FROM DB.DBA.LOAD_LIST WHERE ll_file LIKE {files};\n"
        f"ld_dir({folder}, 'part-*.nq.gz', '{LOADER_GRAPH}');\n"
        "rdf_loader_run();\n"
        "checkpoint;\n"
        f"SELECT ll_file, ll_error FROM DB.DBA.LOAD_LIST WHERE ll_file LIKE {files} AND ll_error IS NOT NULL;\n"
        f"SELECT CASE WHEN COUNT(*) = {shards} THEN 'ok: {shards} of {shards} shards loaded' "
        f"ELSE sprintf('FAILED: %d of {shards} shards loaded', COUNT(*)) END AS verdict FROM DB.DBA.LOAD_LIST "
        f"WHERE ll_file LIKE {files} AND ll_state = 2 AND ll_error IS NULL;\n"
    )


def _sql_string(text: str) -> str:
    """`text` as a Virtuoso SQL string literal (which reads backslash escapes)."""
    return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'"


def _sql_comment(text: str) -> str:
    """`text` fit for one `--` comment line."""
    return " ".join(text.splitlines())


def _check_target(folder: Path) -> None:
    """OutputError unless `folder` is missing, an empty folder, or an earlier shard export."""
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder}: is a file; give a folder for the shards")
    if folder.is_dir() and any(folder.iterdir()) and not _is_earlier_export(folder):
        raise OutputError(
            f"{folder}: is not empty and is not an earlier shard export (no {MANIFEST} of kgraph's naming "
            "everything in it); give a new or empty folder"
        )


def _is_earlier_export(folder: Path) -> bool:
    """Whether `folder` holds nothing but what an earlier `write_shards` wrote, as its manifest says."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        ours = {MANIFEST, LOAD_SCRIPT} | {shard["file"] for shard in manifest["shards"]}
        if manifest.get("kind") != KIND:
            return False
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return False
    return all(path.name in ours and path.is_file() and not path.is_symlink() for path in folder.iterdir())


def _named_graphs(source: Path) -> Iterator[tuple[Any, list[Any]]]:
    """Each named graph of `source` with its quads, in IRI order, one graph read at a time from a store."""
    from pyoxigraph import DefaultGraph

    from .corpus import is_store, store_graphs
    from .rdfio import parse_quads

    if is_store(source):
        try:
            graphs = store_graphs(source)
        except OSError as error:  # not "cannot write": the output folder is not the one at fault
            raise RDFInputError(f"{source}: cannot read its Oxigraph store: {error}") from None
        for graph, read in graphs:
            _check_graph_names(source, [graph])
            quads = list(read)
            if quads:  # an empty graph is no graph to a loader
                yield graph, quads
        return
    by_graph: dict[Any, list[Any]] = {}
    for quad in parse_quads(source):
        by_graph.setdefault(quad.graph_name, []).append(quad)
    unnamed = by_graph.pop(DefaultGraph(), [])
    if unnamed:
        raise UsageError(
            f"{source}: {len(unnamed)} triples are in the default graph; a shard export writes named graphs "
            "only: give a TriG or N-Quads file, or a store folder"
        )
    _check_graph_names(source, list(by_graph))
    for graph in sorted(by_graph, key=lambda name: name.value):
        yield graph, by_graph.pop(graph)


def _check_graph_names(source: Path, names: list[Any]) -> None:
    """UsageError when a graph is named by a blank node: a bulk loader gives it no name to keep."""
    from pyoxigraph import BlankNode

    if any(isinstance(name, BlankNode) for name in names):
        raise UsageError(f"{source}: a graph is named by a blank node; a shard export needs graphs named by IRIs")


def _blank_nodes_in_one_graph(source: Path, graphs: Iterator[tuple[Any, list[Any]]]) -> Iterator[tuple[Any, list[Any]]]:
    """The graphs as they come; UsageError when one blank node is in two of them (each graph's blank nodes are
    labelled on their own, and Virtuoso would read two shards' labels as two nodes)."""
    from pyoxigraph import BlankNode

    owner: dict[Any, Any] = {}
    for graph, quads in graphs:
        for quad in quads:
            for term in (quad.subject, quad.object):
                if isinstance(term, BlankNode) and owner.setdefault(term, graph) != graph:
                    raise UsageError(
                        f"{source}: the blank node {term} is in graphs {owner[term]} and {graph}; a shard export "
                        "keeps each blank node within one graph (give it an IRI)"
                    )
        yield graph, quads


def _has_blank_nodes(quads: list[Any]) -> bool:
    from pyoxigraph import BlankNode

    return any(isinstance(q.subject, BlankNode) or isinstance(q.object, BlankNode) for q in quads)


def _sorted_lines(graph: Any, quads: list[Any], number: int) -> list[bytes]:
    """One graph's quads as sorted N-Quads lines; blank nodes labelled from what surrounds them (the same labels
    every run) and prefixed with the graph's number (unique in the export)."""
    from pyoxigraph import BlankNode, Quad, RdfFormat, serialize

    from .rdfio import label_blank_nodes

    if _has_blank_nodes(quads):

        def unique(term: Any) -> Any:
            return BlankNode(f"g{number}{term.value}") if isinstance(term, BlankNode) else term

        quads = [Quad(unique(q.subject), q.predicate, unique(q.object), graph) for q in label_blank_nodes(quads)]
    text = serialize(quads, format=RdfFormat.N_QUADS) or b""
    return sorted(line + b"\n" for line in text.split(b"\n") if line)


class _Shards:
    """The shard files being written into a folder: a new one whenever the open one is full."""

    def __init__(self, folder: Path, size: int) -> None:
        self.folder, self.size = folder, size
        self.done: list[Shard] = []
        self.total = 0
        self._file: Any = None
        self._raw: Any = None
        self._quads = 0

    def write(self, lines: list[bytes], *, whole: bool) -> None:
        """Write lines, starting new shards at the size limit; `whole` lines go together into one shard."""
        if whole and self._file is not None and self._quads + len(lines) > self.size:
            self._finish()
        for line in lines:
            if self._file is None:
                self._start()
            elif self._quads >= self.size and not whole:
                self._finish()
                self._start()
            self._file.write(line)
            self._quads += 1
            self.total += 1

    def close(self) -> list[Shard]:
        """Finish the open shard; every shard written."""
        if self._file is not None:
            self._finish()
        return self.done

    def _path(self) -> Path:
        return self.folder / f"part-{len(self.done):05d}.nq.gz"

    def _start(self) -> None:
        self._raw = self._path().open("wb")
        self._file = gzip.GzipFile(filename="", mode="wb", compresslevel=COMPRESSION, fileobj=self._raw, mtime=0)
        self._quads = 0

    def _finish(self) -> None:
        path = self._path()
        self._file.close()
        self._raw.close()
        self._file = self._raw = None
        with path.open("rb") as written:
            digest = hashlib.file_digest(written, "sha256").hexdigest()
        self.done.append(Shard(path.name, self._quads, digest))


def _write_manifest(temporary: Path, done: ShardExport, source: Path) -> None:
    from . import __version__

    manifest = {
        "kind": KIND,
        "kgraph": __version__,
        "source": str(source.resolve()),
        "quads": done.quads,
        "graphs": done.graphs,
        "shards": [asdict(shard) for shard in done.shards],
    }
    text = json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
    (temporary / MANIFEST).write_text(text, encoding="utf-8")


def _move_into_place(temporary: Path, folder: Path) -> None:
    """Rename the written folder to `folder`, an earlier export set aside first and removed after; Ctrl-C and
    SIGTERM are held back between the two renames."""
    aside = None
    if folder.is_dir() and any(folder.iterdir()):
        aside = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".old", dir=folder.parent))
    held = {signal.SIGINT, signal.SIGTERM}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        if aside is not None:
            os.replace(folder, aside)  # `aside` is an empty folder: rename(2) may replace it
        try:
            os.replace(temporary, folder)  # a missing or empty `folder` is replaced
        except OSError:
            if aside is not None:
                os.replace(aside, folder)
            raise
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
    if aside is not None:
        shutil.rmtree(aside, ignore_errors=True)
