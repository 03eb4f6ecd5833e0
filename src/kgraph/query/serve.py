"""Our own read-only SPARQL 1.1 Protocol endpoint over a graph, with a time limit and a result size limit.

Queries run in worker processes that share one read-only on-disk copy of the graph: pyoxigraph cannot
interrupt a running query, so a query over the time limit is stopped by killing its worker, which is then
replaced.

>>> negotiate("select", "text/csv;q=0.5, application/sparql-results+xml")
('xml', 'application/sparql-results+xml')
>>> negotiate("graph", "*/*")
('turtle', 'text/turtle')
"""

import tempfile
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from pathlib import Path
from queue import Queue
from typing import Any
from urllib.parse import parse_qs, urlsplit

from ..errors import KGraphError, QueryError
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
QUERY_PATHS = ("/sparql", "/query")


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


def render(result: QueryResult, accept: str) -> tuple[str, bytes]:
    """(Content-Type, body) of a query result in the format the client asked for."""
    fmt, media = negotiate(result.kind, accept)
    if result.kind != "graph":
        return f"{media}; charset=utf-8", format_result(result, fmt).encode("utf-8")
    from pyoxigraph import RdfFormat, parse, serialize

    triples = parse(result.ntriples.encode("utf-8"), format=RdfFormat.N_TRIPLES)
    body = serialize(triples, format=getattr(RdfFormat, _OX_GRAPH_FORMATS[fmt])) or b""
    return f"{media}; charset=utf-8", body


def _worker(store_dir: str, connection: Any, result_limit: int) -> None:
    """Answer (query, accept) with (status, content type, body) until the pipe closes."""
    store = LocalStore.read_only(Path(store_dir))
    while True:
        try:
            query, accept = connection.recv()
        except EOFError:
            return
        try:
            content_type, body = render(store.query(query, limit=result_limit), accept)
            connection.send((200, content_type, body))
        except KGraphError as error:
            connection.send((400, "text/plain; charset=utf-8", f"{error}\n".encode()))


class _Worker:
    def __init__(self, store_dir: Path, result_limit: int) -> None:
        import multiprocessing

        context = multiprocessing.get_context("spawn")
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_worker, args=(str(store_dir), child, result_limit), daemon=True)
        self.process.start()
        child.close()

    def stop(self) -> None:
        self.process.kill()
        self.process.join()
        self.connection.close()


@dataclass(frozen=True)
class Answer:
    """An HTTP answer: status, content type and body."""

    status: int
    content_type: str
    body: bytes


def _text(status: int, message: str) -> Answer:
    return Answer(status, "text/plain; charset=utf-8", f"{message}\n".encode())


class QueryPool:
    """Worker processes over a read-only copy of a store; `run` answers a query within the time limit."""

    def __init__(self, store: LocalStore, *, time_limit: float, result_limit: int, workers: int = 2) -> None:
        self.time_limit = time_limit
        self.result_limit = result_limit
        self._folder = tempfile.TemporaryDirectory(prefix="kgraph-serve-")
        self.store_dir = store.persist(Path(self._folder.name) / "store")
        self._idle: Queue[_Worker] = Queue()
        for _ in range(workers):
            self._idle.put(_Worker(self.store_dir, result_limit))

    def run(self, query: str, accept: str) -> Answer:
        """Run a query on an idle worker; over the time limit it gets 503 and the worker is replaced."""
        worker = self._idle.get()
        try:
            worker.connection.send((query, accept))
            if worker.connection.poll(self.time_limit):
                status, content_type, body = worker.connection.recv()
                self._idle.put(worker)
                return Answer(status, content_type, body)
        except (EOFError, OSError):
            pass
        worker.stop()
        self._idle.put(_Worker(self.store_dir, self.result_limit))
        return _text(503, f"the query was stopped: it ran longer than the time limit of {self.time_limit:g} s")

    def close(self) -> None:
        """Stop every worker and delete the on-disk copy."""
        while not self._idle.empty():
            self._idle.get().stop()
        self._folder.cleanup()


def _page() -> bytes:
    return (files("kgraph.query") / "serve.html").read_bytes()


class _Handler(BaseHTTPRequestHandler):
    server: "SparqlServer"
    server_version = "kgraph"

    def log_message(self, format: str, *args: Any) -> None:
        if self.server.verbose:
            super().log_message(format, *args)

    def _send(self, answer: Answer) -> None:
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.content_type)
        self.send_header("Content-Length", str(len(answer.body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Vary", "Accept")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(answer.body)

    def _answer(self, form: dict[str, list[str]], body_query: str | None = None) -> Answer:
        if "update" in form:
            return _text(403, "this endpoint is read-only: SPARQL UPDATE is refused")
        queries = form.get("query", []) + ([body_query] if body_query is not None else [])
        if len(queries) != 1:
            if not queries and self.command in {"GET", "HEAD"}:
                return Answer(200, "text/html; charset=utf-8", _page())
            return _text(400, "expected exactly one query (the 'query' parameter or an application/sparql-query body)")
        return self.server.pool.run(queries[0], self.headers.get("Accept", "*/*"))

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path == "/" and not url.query:
            self._send(Answer(200, "text/html; charset=utf-8", _page()))
        elif url.path in QUERY_PATHS:
            self._send(self._answer(parse_qs(url.query)))
        else:
            self._send(_text(404, f"no such resource {url.path!r}; query {QUERY_PATHS[0]}"))

    do_HEAD = do_GET

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if url.path not in QUERY_PATHS:
            self._send(_text(403 if url.path in {"/update", "/store"} else 404, "this endpoint is read-only"))
        elif media == "application/sparql-update":
            self._send(_text(403, "this endpoint is read-only: SPARQL UPDATE is refused"))
        elif media == "application/sparql-query":
            self._send(self._answer(parse_qs(url.query), body))
        elif media == "application/x-www-form-urlencoded":
            form = parse_qs(url.query)
            for key, values in parse_qs(body).items():
                form.setdefault(key, []).extend(values)
            self._send(self._answer(form))
        else:
            self._send(_text(415, f"unsupported Content-Type {media!r}; send a form or application/sparql-query"))

    def _refuse(self) -> None:
        self._send(_text(403, "this endpoint is read-only"))

    do_PUT = do_DELETE = do_PATCH = _refuse

    def do_OPTIONS(self) -> None:
        self.send_response(204)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.end_headers()


class SparqlServer(ThreadingHTTPServer):
    """`kgraph serve`: GET and POST queries at /sparql, an HTML query page at /."""

    daemon_threads = True

    def __init__(
        self,
        store: LocalStore,
        host: str = "127.0.0.1",
        port: int = 7878,
        *,
        time_limit: float = 10.0,
        result_limit: int = 10_000,
        workers: int = 2,
        verbose: bool = False,
    ) -> None:
        if time_limit <= 0 or result_limit <= 0 or workers <= 0:
            raise QueryError("the time limit, result limit and number of workers must be positive")
        self.verbose = verbose
        self.pool = QueryPool(store, time_limit=time_limit, result_limit=result_limit, workers=workers)
        try:
            super().__init__((host, port), _Handler)
        except OSError as error:
            self.pool.close()
            raise QueryError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None

    @property
    def url(self) -> str:
        """The query URL, e.g. http://127.0.0.1:7878/sparql."""
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}{QUERY_PATHS[0]}"

    def start(self) -> threading.Thread:
        """Serve in a background thread (for tests and embedding); `stop` ends it."""
        thread = threading.Thread(target=self.serve_forever, daemon=True)
        thread.start()
        return thread

    def stop(self) -> None:
        """Stop serving, close the socket and the workers."""
        self.shutdown()
        self.server_close()
        self.pool.close()
