"""The queries of `kgraph serve`: its limits, the worker processes that run queries, and their answers.

Queries run in worker processes that share one read-only on-disk copy of the graph: pyoxigraph cannot
interrupt a running query, so a query over the time limit is stopped by killing its worker, which is then
replaced. `QueryPool` runs as many queries at once as it has workers, lets a few more wait and tells one more
"busy" at once; a worker renders its answer in the format the client's Accept header asks for, within the rows
and bytes `Limits` allows. Nothing here reads a request: kgraph.query.serve does, and sends the `Answer`.

>>> negotiate("select", "text/csv;q=0.5, application/sparql-results+xml")
('xml', 'application/sparql-results+xml')
>>> negotiate("graph", "*/*")
('turtle', 'text/turtle')
"""

import io
import json
import math
import os
import signal
import tempfile
import threading
from dataclasses import dataclass, fields
from pathlib import Path
from queue import Empty, Queue
from typing import IO, Any, cast

from ..errors import KGraphError, QueryError, ResultLimitError
from ..limits import MAX_SECONDS
from .local import LocalStore
from .results import QueryResult, format_result

SELECT_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/n-triples": "ntriples",
    "application/rdf+xml": "xml",
    "application/ld+json": "jsonld",
}
_OX_GRAPH_FORMATS = {"turtle": "TURTLE", "ntriples": "N_TRIPLES", "xml": "RDF_XML", "jsonld": "JSON_LD"}
TEXT = "text/plain; charset=utf-8"
STARTUP_SECONDS = 120.0
"""Most seconds a new worker process may take to open the store."""


@dataclass(frozen=True)
class Limits:
    """What one client may make `kgraph serve` spend; the defaults are the command's. QueryError names a bad one.

    >>> Limits(time=float("nan"))
    Traceback (most recent call last):
    ...
    kgraph.errors.QueryError: --time-limit must be a number of seconds > 0 and at most 86400, not nan
    """

    time: float = 10.0
    """Seconds a query may run; then 503 and its worker is killed and replaced."""
    rows: int = 10_000
    """Rows or triples in one answer; more is refused with 400."""
    answer_bytes: int = 64 << 20
    """Bytes of one answer's body; the worker stops rendering past it and the client gets 400."""
    request_bytes: int = 1 << 20
    """Bytes of a request body (more: 413, refused from its Content-Length, unread) or query string (more: 414)."""
    read_seconds: float = 10.0
    """Seconds a whole request (line, headers, body) may take to arrive; then the connection is closed."""
    write_seconds: float = 60.0
    """Seconds the client has to take the whole answer; then the connection is closed."""
    workers: int = 2
    """Queries run at once (each in a worker process)."""
    waiting: int = 4
    """Queries that wait for a worker; one more is answered 503 "busy" at once."""
    connections: int = 64
    """Connections served at once (a thread each); one more is answered 503 "busy" at once and closed."""

    def __post_init__(self) -> None:
        for field in fields(self):
            value = getattr(self, field.name)
            name = _FLAGS.get(field.name, field.name)
            if field.type is int and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
                raise QueryError(f"{name} must be a whole number > 0, not {value!r}")
            if field.type is float and not (isinstance(value, int | float) and 0 < value <= MAX_SECONDS):
                raise QueryError(f"{name} must be a number of seconds > 0 and at most {MAX_SECONDS:g}, not {value!r}")


_FLAGS = {
    "time": "--time-limit",
    "rows": "--result-limit",
    "answer_bytes": "--max-answer-bytes",
    "request_bytes": "--max-request-bytes",
}


def negotiate(kind: str, accept: str) -> tuple[str, str]:
    """(our format name, media type) for a result kind ('select', 'ask', 'graph') and an Accept header."""
    offered = GRAPH_TYPES if kind == "graph" else SELECT_TYPES
    choices: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept.split(",")):
        media, *options = (piece.strip() for piece in part.split(";"))
        quality = 1.0
        for option in options:
            if option.startswith("q="):
                try:
                    quality = float(option[2:])
                except ValueError:
                    quality = 0.0
        choices.append((-quality, position, media.lower()))
    for quality, _, media in sorted(choices):
        if quality == 0:
            break
        if media in offered:
            return offered[media], media
        if media in {"*/*", "application/*", "text/*"}:
            break
    default = next(iter(offered))
    return offered[default], default


class _CappedSink(io.RawIOBase):
    """Bytes written to it, refused (ResultLimitError) as soon as they pass `limit`."""

    def __init__(self, limit: int | None) -> None:
        self.limit = limit
        self.parts: list[bytes] = []
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        chunk = bytes(data)
        self.size += len(chunk)
        if self.limit is not None and self.size > self.limit:
            raise _too_large(self.limit)
        self.parts.append(chunk)
        return len(chunk)


def _too_large(limit: int) -> ResultLimitError:
    return ResultLimitError(
        f"the answer is larger than the limit of {limit:,} bytes; add LIMIT to the query or select fewer or shorter "
        "values (kgraph serve --max-answer-bytes sets the limit)"
    )


def render(result: QueryResult, accept: str, limit: int | None = None) -> tuple[str, bytes]:
    """(Content-Type, body) of a query result in the format the client asked for.

    With `limit`, rendering stops with ResultLimitError as soon as the body passes that many bytes.

    >>> result = QueryResult("select", ["s"], [{"s": {"type": "literal", "value": "x" * 100}}])
    >>> render(result, "text/csv")[1][:6]
    b's\\r\\nxxx'
    >>> render(result, "text/csv", limit=50)
    Traceback (most recent call last):
    ...
    kgraph.errors.ResultLimitError: the answer is larger than the limit of 50 bytes; ...
    """
    from pyoxigraph import QueryResultsFormat, RdfFormat, parse, parse_query_results, serialize

    fmt, media = negotiate(result.kind, accept)
    sink = _CappedSink(limit)
    output = cast(IO[bytes], sink)  # pyoxigraph writes to any object with write()
    if result.kind == "graph":
        triples = parse(result.ntriples.encode("utf-8"), format=RdfFormat.N_TRIPLES)
        serialize(triples, output, format=getattr(RdfFormat, _OX_GRAPH_FORMATS[fmt]))
    elif limit is not None and sum(len(t["value"]) for row in result.bindings for t in row.values()) > limit:
        raise _too_large(limit)  # every format writes each value at least once: no need to render to know
    elif fmt == "json":  # as format_result writes it, but piece by piece into the sink
        pieces: list[str] = []
        for piece in json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(result.to_json()):
            pieces.append(piece)
            if len(pieces) >= 4096:
                sink.write("".join(pieces).encode("utf-8"))
                pieces.clear()
        sink.write(("".join(pieces) + "\n").encode("utf-8"))
    elif result.kind == "ask":
        sink.write(format_result(result, fmt).encode("utf-8"))
    else:
        target = {"csv": QueryResultsFormat.CSV, "tsv": QueryResultsFormat.TSV, "xml": QueryResultsFormat.XML}[fmt]
        document = json.dumps(result.to_json(), ensure_ascii=False).encode("utf-8")
        parse_query_results(document, format=QueryResultsFormat.JSON).serialize(output, format=target)
    return f"{media}; charset=utf-8", b"".join(sink.parts)


def _serve_queries(store_dir: str, connection: Any, rows: int, answer_bytes: int) -> None:
    """A worker process: answer (query, accept) with (status, content type, body) until the pipe closes.

    Anything but a query's own error (a bug, a panic in the engine) ends the process: the server reports it
    as a crash and starts another worker.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole process group; the server stops us
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)  # a worker never writes to the server's stderr, which may be a pipe nobody reads
    store = LocalStore.read_only(Path(store_dir))
    connection.send("ready")
    while True:
        try:
            query, accept = connection.recv()
        except EOFError:
            return
        try:
            content_type, body = render(store.query(query, limit=rows), accept, answer_bytes)
            connection.send((200, content_type, body))
        except KGraphError as error:
            connection.send((400, TEXT, f"{error}\n".encode()))
        except MemoryError:
            connection.send((500, TEXT, b"the query ran out of memory\n"))


class _Worker:
    def __init__(self, store_dir: Path, limits: Limits) -> None:
        import multiprocessing

        context = multiprocessing.get_context("spawn")
        self.connection, child = context.Pipe()
        arguments = (str(store_dir), child, limits.rows, limits.answer_bytes)
        self.process = context.Process(target=_serve_queries, args=arguments, daemon=True)
        self.process.start()
        child.close()
        self.pid: int = self.process.pid or 0
        self.ready = False

    def wait_ready(self) -> bool:
        """Wait for a new worker to open the store (its start-up is no part of any query's time limit)."""
        try:
            if not self.ready and self.connection.poll(STARTUP_SECONDS):
                self.ready = self.connection.recv() == "ready"
        except (EOFError, OSError):  # it died instead
            pass
        return self.ready

    def stop(self) -> int | None:
        """Kill the process (if it still runs) and return how it ended: an exit code, or minus a signal number."""
        self.process.kill()
        self.process.join()
        self.connection.close()
        return self.process.exitcode


def _how_it_ended(code: int | None) -> str:
    if code is None or code >= 0:
        return f"exit code {code}"
    try:
        return f"killed by {signal.Signals(-code).name}"
    except ValueError:
        return f"killed by signal {-code}"


@dataclass(frozen=True)
class Answer:
    """An HTTP answer: status, content type, body and any further headers."""

    status: int
    content_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()


def plain(status: int, message: str, headers: tuple[tuple[str, str], ...] = ()) -> Answer:
    """An answer of one line of plain text: a refusal, or why a query failed.

    >>> plain(503, "busy").body
    b'busy\\n'
    """
    return Answer(status, TEXT, f"{message}\n".encode(), headers)


class QueryPool:
    """Worker processes over a read-only copy of a store; `run` answers a query within the limits."""

    def __init__(self, store: LocalStore, limits: Limits) -> None:
        self.limits = limits
        self._folder = tempfile.TemporaryDirectory(prefix="kgraph-serve-")
        self.store_dir = store.persist(Path(self._folder.name) / "store")
        self._lock = threading.Lock()
        self._admitted = 0
        self._running: dict[int, _Worker] = {}
        self._workers: set[_Worker] = set()
        self._closed = False
        self._idle: Queue[_Worker] = Queue()
        for _ in range(limits.workers):
            self._start()

    def pids(self) -> list[int]:
        """The process ids of every worker."""
        with self._lock:
            return [worker.pid for worker in self._workers]

    def running(self) -> list[int]:
        """The process ids of the workers running a query now."""
        with self._lock:
            return list(self._running)

    def waiting(self) -> int:
        """How many queries wait for a worker now."""
        with self._lock:
            return self._admitted - len(self._running)

    def run(self, query: str, accept: str) -> Answer:
        """Answer a query on an idle worker: 503 at once when every worker is busy and the waiting line is full,
        503 past the time limit, 500 when the query crashed its worker (either way the worker is replaced)."""
        with self._lock:
            if self._closed:
                return plain(503, "the server is stopping")
            if self._admitted >= self.limits.workers + self.limits.waiting:
                return self._busy()
            self._admitted += 1
        try:
            worker = self._usable_worker()
            if worker is None:
                return plain(500, "no worker process is left to run the query (none could start or open the store)")
            return self._run_on(worker, query, accept)
        finally:
            with self._lock:
                self._admitted -= 1

    def _busy(self) -> Answer:
        retry = str(max(1, math.ceil(self.limits.time)))
        message = "busy: every worker is running a query and the waiting line is full; try again"
        return plain(503, message, (("Retry-After", retry),))

    def _usable_worker(self) -> _Worker | None:
        """An idle worker that has opened the store. One that died while idle (killed from outside) or could not
        start is replaced, once, and not blamed on the query."""
        for _ in range(2):
            try:  # every query ahead ends within its time limit: a longer wait means no worker is left
                worker = self._idle.get(timeout=self.limits.time * (self.limits.waiting + 2))
            except Empty:
                return None
            if worker.process.is_alive() and worker.wait_ready():
                return worker
            self._replace(worker)
        return None

    def _run_on(self, worker: _Worker, query: str, accept: str) -> Answer:
        with self._lock:
            self._running[worker.pid] = worker
        answer = None
        late = False
        try:
            worker.connection.send((query, accept))
            if worker.connection.poll(self.limits.time):  # an answer, or the end of a worker that died
                answer = Answer(*worker.connection.recv())
            else:
                late = True
        except (EOFError, OSError):  # the worker died before or while answering
            pass
        with self._lock:
            del self._running[worker.pid]
        if answer is not None:
            self._idle.put(worker)
            return answer
        ended = self._replace(worker)
        if late:
            return plain(503, f"the query was stopped: it ran longer than the time limit of {self.limits.time:g} s")
        reason = _how_it_ended(ended)
        return plain(500, f"the query crashed the worker process that ran it ({reason}); a new worker replaced it")

    def _start(self) -> None:
        worker = _Worker(self.store_dir, self.limits)
        with self._lock:
            if not self._closed:
                self._workers.add(worker)
                self._idle.put(worker)
                return
        worker.stop()  # the pool closed meanwhile

    def _replace(self, worker: _Worker) -> int | None:
        """Stop a worker, start another in its place; how the old one ended."""
        ended = worker.stop()
        with self._lock:
            self._workers.discard(worker)
        self._start()
        return ended

    def close(self) -> None:
        """Stop every worker and delete the on-disk copy."""
        with self._lock:
            self._closed = True
            workers = list(self._workers)
        for worker in workers:
            worker.stop()
        self._folder.cleanup()
