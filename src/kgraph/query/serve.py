"""Our own read-only SPARQL 1.1 Protocol endpoint over a graph, bounded in everything a client can make it spend.

This is its HTTP side; the queries run in the worker processes of kgraph.query.workers (`QueryPool`), which stop
a query over the time limit and an answer over the size limits. `Limits` bounds the rest: a request's size and
the time it may take to arrive, the connections served and the queries running or waiting at once (one more is
told "busy" at once). Pages from other sites get no access unless `cors` names their origin; the query page at /
runs under a Content-Security-Policy that allows its own script and style only. A line per request goes to a
log that serving never waits on.
"""

import base64
import hashlib
import io
import ipaddress
import math
import re
import socket
import sys
import threading
import time
from collections.abc import Iterable
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from queue import Full, Queue
from typing import Any, TextIO
from urllib.parse import parse_qs, urlsplit

from ..errors import QueryError
from .local import LocalStore
from .workers import TEXT, Answer, Limits, QueryPool, plain

__all__ = ["API_CSP", "QUERY_PATHS", "Limits", "RequestLog", "SparqlServer", "check_origins", "query_page"]

QUERY_PATHS = ("/sparql", "/query")
API_CSP = "default-src 'none'; frame-ancestors 'none'"
"""The Content-Security-Policy of every answer but the query page: nothing may run, load or frame it."""


class RequestLog:
    """Log lines written to a stream by a thread of their own, so that serving never waits on the stream (a
    pipe nobody reads): when the thread lags `capacity` lines behind, new lines are dropped and counted.

    logging's QueueHandler would raise on a full queue and QueueListener.stop waits on a stuck stream forever.

    >>> stream = io.StringIO()
    >>> log = RequestLog(stream)
    >>> log.write("one"); log.close(); stream.getvalue()
    'one\\n'
    """

    def __init__(self, stream: TextIO, capacity: int = 1000) -> None:
        self.dropped = 0
        self._lines: Queue[str | None] = Queue(capacity)
        self._thread = threading.Thread(target=self._copy, args=(stream,), daemon=True, name="kgraph-serve-log")
        self._thread.start()

    def write(self, line: str) -> None:
        """Queue a line (a newline is added), or drop it when the queue is full."""
        try:
            self._lines.put_nowait(line)
        except Full:
            self.dropped += 1  # under the GIL; an approximate count is all anyone needs

    def _copy(self, stream: TextIO) -> None:
        while (line := self._lines.get()) is not None:
            try:
                stream.write(line + "\n")
                stream.flush()
            except (OSError, ValueError):  # a closed stream: nothing more to say
                pass

    def close(self) -> None:
        """Write what is queued (and how many lines were dropped) if the stream takes it within a second; never
        wait longer."""
        try:
            if self.dropped:
                self._lines.put_nowait(f"{self.dropped} log lines were dropped: the log stream took them too slowly")
            self._lines.put_nowait(None)
        except Full:
            return
        self._thread.join(1.0)


@cache
def query_page() -> tuple[bytes, str]:
    """The query page at / and its Content-Security-Policy: only the page's own inline <script> and <style>
    (by their SHA-256) may run, and it may fetch only from this server.

    >>> page, policy = query_page()
    >>> policy.startswith("default-src 'none'; script-src 'sha256-") and "unsafe" not in policy
    True
    """
    page = (files("kgraph.query") / "serve.html").read_bytes()

    def hashes(tag: bytes) -> str:
        found = re.findall(rb"<%s>(.*?)</%s>" % (tag, tag), page, re.S)
        return " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(code).digest()).decode()}'" for code in found)

    policy = (
        f"default-src 'none'; script-src {hashes(b'script')}; style-src {hashes(b'style')}; connect-src 'self'; "
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    )
    return page, policy


_CONTROL = {code: f"\\x{code:02x}" for code in (*range(0x20), 0x7F)}


class _DeadlineReader(io.RawIOBase):
    """A socket's input under one deadline for a whole request, not per recv: a client that trickles a byte
    now and then (slowloris) runs out of time as surely as one that sends nothing."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.deadline = math.inf

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("the request did not arrive in time")
        self.sock.settimeout(left)
        return self.sock.recv_into(buffer)


_LINGER_BYTES = 16 << 20
"""Most bytes of an unread request body read and dropped before closing its connection."""


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


class _Handler(BaseHTTPRequestHandler):
    server: "SparqlServer"
    error_content_type = TEXT
    error_message_format = "%(code)d %(message)s\n"

    def version_string(self) -> str:
        return "kgraph"

    def setup(self) -> None:
        super().setup()
        self.rfile.close()  # replaced: reads go through the request's deadline
        self._reader = _DeadlineReader(self.connection)
        self.rfile = io.BufferedReader(self._reader)
        self._policy = API_CSP
        self._body_read = False

    def handle_one_request(self) -> None:
        self._reader.deadline = time.monotonic() + self.server.limits.read_seconds
        self._policy = API_CSP
        self._body_read = False
        super().handle_one_request()
        headers = getattr(self, "headers", None)
        if headers is not None and not self._body_read and ("Transfer-Encoding" in headers or self._declared()):
            self._linger()

    def _declared(self) -> bool:
        return (self.headers.get("Content-Length") or "0").strip() not in {"", "0"}

    def _linger(self) -> None:
        """Read and drop what the client is still sending, within the read time and _LINGER_BYTES: closing a
        socket with unread input resets the connection, and the client would lose the answer before reading it."""
        self.close_connection = True
        self._reader.deadline = time.monotonic() + self.server.limits.read_seconds
        try:
            self.connection.shutdown(socket.SHUT_WR)
            drained = 0
            while drained < _LINGER_BYTES and (chunk := self.rfile.read1(1 << 16)):
                drained += len(chunk)
        except OSError:
            pass

    # the log: one line per answer, never a query or a body, through RequestLog so it cannot block

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        target = urlsplit(getattr(self, "path", "") or "")
        shown = target.path + (f"?… ({len(target.query)} bytes)" if target.query else "")
        self.log_message('"%s %s" %s', self.command or "-", shown, code)

    def log_message(self, format: str, *args: Any) -> None:
        if self.server.log is not None:
            message = (format % args)[:300].translate(_CONTROL)
            self.server.log.write(f"{self.address_string()} - [{self.log_date_time_string()}] {message}")

    # answers

    def end_headers(self) -> None:
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Content-Security-Policy", self._policy)
        origin = self._allowed_origin()
        if origin is not None:
            self.send_header("Access-Control-Allow-Origin", origin)
        if self.server.cors:
            self.send_header("Vary", "Origin")
        self.connection.settimeout(self.server.limits.write_seconds)  # sendall's timeout bounds the whole answer
        super().end_headers()

    def _send(self, answer: Answer) -> None:
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.content_type)
        self.send_header("Content-Length", str(len(answer.body)))
        self.send_header("Vary", "Accept")
        for name, value in answer.headers:
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(answer.body)

    def _allowed_origin(self) -> str | None:
        """The request's Origin when --cors allows it (echoed, so no page sees `*`)."""
        headers = getattr(self, "headers", None)
        origin: str | None = headers.get("Origin") if headers is not None else None
        if origin is None or not ({"*", origin.lower()} & self.server.cors):
            return None
        return origin

    def _refusal(self) -> Answer | None:
        """403 for a request a page of another site makes (its Origin not allowed by --cors; or, without an
        Origin, a browser's Sec-Fetch-Site saying so, but for the user's own following of a link) and, on a
        loopback server, for a Host that is no loopback name (a page whose name now points to 127.0.0.1:
        DNS rebinding)."""
        host = self.headers.get("Host", "")
        name = host[1 : host.find("]")] if host.startswith("[") else host.rsplit(":", 1)[0]
        if self.server.loopback and host and not _is_loopback(name):
            return plain(403, f"Host {host[:100]!r} is not a name of this loopback server; use 127.0.0.1 or localhost")
        origin = self.headers.get("Origin")
        if origin is None:
            other_site = self.headers.get("Sec-Fetch-Site") in {"cross-site", "same-site"}
            if not other_site or self.headers.get("Sec-Fetch-Mode") == "navigate" or "*" in self.server.cors:
                return None
            return plain(403, "pages of other sites may not query this endpoint (kgraph serve --cors ORIGIN allows)")
        if self._allowed_origin() is not None or origin.lower() == f"http://{host.lower()}":
            return None
        return plain(403, f"pages of {origin[:100]} may not query this endpoint (kgraph serve --cors ORIGIN allows)")

    def _answer(self, form: dict[str, list[str]], body_query: str | None = None) -> Answer:
        if "update" in form:
            return plain(403, "this endpoint is read-only: SPARQL UPDATE is refused")
        queries = form.get("query", []) + ([body_query] if body_query is not None else [])
        if len(queries) != 1:
            return plain(400, "expected exactly one query (the 'query' parameter or an application/sparql-query body)")
        return self.server.pool.run(queries[0], self.headers.get("Accept", "*/*"))

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        refusal = self._refusal()
        if refusal is not None:
            self._send(refusal)
        elif len(url.query) > self.server.limits.request_bytes:
            self._send(plain(414, f"the query string is longer than {self.server.limits.request_bytes:,} bytes"))
        elif (url.path == "/" and not url.query) or (url.path in QUERY_PATHS and not parse_qs(url.query)):
            page, self._policy = query_page()
            self._send(Answer(200, "text/html; charset=utf-8", page))
        elif url.path in QUERY_PATHS:
            self._send(self._answer(parse_qs(url.query)))
        else:
            self._send(plain(404, f"no such resource {url.path[:100]!r}; query {QUERY_PATHS[0]}"))

    do_HEAD = do_GET

    def _body(self) -> bytes | Answer | None:
        """The request body; an Answer refusing it (411, 413, 400) unread; None when the client gave up."""
        limit = self.server.limits.request_bytes
        if "Transfer-Encoding" in self.headers:
            return plain(411, "send the body with a Content-Length; chunked bodies are not accepted")
        declared = {value.strip() for value in self.headers.get_all("Content-Length") or ["0"]}
        if len(declared) != 1 or not re.fullmatch(r"[0-9]{1,15}", length := declared.pop()):
            return plain(400, "the Content-Length header must be one whole number")
        if int(length) > limit:
            return plain(413, f"the request body is {int(length):,} bytes; this endpoint reads at most {limit:,}")
        body = self.rfile.read(int(length))  # a body that stops short ends at the read deadline (TimeoutError)
        self._body_read = True
        return body if len(body) == int(length) else None

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        refusal = self._refusal()
        if refusal is not None:
            self._send(refusal)
            return
        if url.path not in QUERY_PATHS:
            self._send(plain(403 if url.path in {"/update", "/store"} else 404, "this endpoint is read-only"))
            return
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if media == "application/sparql-update":
            self._send(plain(403, "this endpoint is read-only: SPARQL UPDATE is refused"))
            return
        if media not in {"application/sparql-query", "application/x-www-form-urlencoded"}:
            self._send(plain(415, f"unsupported Content-Type {media[:100]!r}; send a form or application/sparql-query"))
            return
        body = self._body()
        if body is None:
            self.close_connection = True
        elif isinstance(body, Answer):
            self._send(body)
        elif media == "application/sparql-query":
            self._send(self._answer(parse_qs(url.query), body.decode("utf-8", errors="replace")))
        else:
            form = parse_qs(url.query)
            for key, values in parse_qs(body.decode("utf-8", errors="replace")).items():
                form.setdefault(key, []).extend(values)
            self._send(self._answer(form))

    def _refuse(self) -> None:
        self._send(self._refusal() or plain(403, "this endpoint is read-only"))

    do_PUT = do_DELETE = do_PATCH = _refuse

    def do_OPTIONS(self) -> None:
        refusal = self._refusal()
        if refusal is not None:
            self._send(refusal)
            return
        self.send_response(204)
        self.send_header("Allow", "GET, HEAD, POST, OPTIONS")
        if self._allowed_origin() is not None:
            self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
            self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
            self.send_header("Access-Control-Max-Age", "600")
        self.end_headers()


def check_origins(origins: Iterable[str]) -> frozenset[str]:
    """The origins `--cors` names, lower-cased; QueryError for anything but scheme://host[:port] or `*`.

    >>> sorted(check_origins(["http://LOCALHOST:3000", "*"]))
    ['*', 'http://localhost:3000']
    """
    checked = set()
    for origin in origins:
        parts = urlsplit(origin)
        if origin != "*" and not (
            parts.scheme in {"http", "https"} and parts.netloc and f"{parts.scheme}://{parts.netloc}" == origin
        ):
            raise QueryError(f"--cors {origin!r}: expected an origin such as http://localhost:3000 (no path), or *")
        checked.add(origin.lower())
    return frozenset(checked)


def _address(host: str, port: int) -> tuple[socket.AddressFamily, tuple[Any, ...]]:
    """The socket family and address to listen on: `[::1]` and `::1` are IPv6, names are resolved."""
    if not 0 <= port <= 65535:
        raise QueryError(f"port {port} is not in 0..65535")
    bare = host[1:-1] if host.startswith("[") and host.endswith("]") else host
    try:
        found = socket.getaddrinfo(bare or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError) as error:
        raise QueryError(f"cannot listen on {host!r}: {getattr(error, 'strerror', None) or error}") from None
    family, _, _, _, address = found[0]
    return family, address


class SparqlServer(ThreadingHTTPServer):
    """`kgraph serve`: GET and POST queries at /sparql, an HTML query page at /.

    `cors` lists the origins whose pages may query it (`*` for any); `log` is where a line per request goes.
    """

    daemon_threads = True
    request_queue_size = 64

    def __init__(
        self,
        store: LocalStore,
        host: str = "127.0.0.1",
        port: int = 7878,
        *,
        limits: Limits = Limits(),  # noqa: B008 (frozen: one shared default is safe; ruff cannot see it from here)
        cors: Iterable[str] = (),
        log: TextIO | None = None,
    ) -> None:
        self.limits = limits
        self.cors = check_origins(cors)
        query_page()  # read the page and hash its script and style now, not at the first request
        self.address_family, address = _address(host, port)
        self.loopback = _is_loopback(address[0])
        self._connections = threading.BoundedSemaphore(limits.connections)
        self.pool = QueryPool(store, limits)
        self.log = RequestLog(log) if log is not None else None
        try:
            super().__init__(address, _Handler)
        except OSError as error:
            self.close()
            raise QueryError(f"cannot listen on {host} port {port}: {error.strerror or error}") from None

    @property
    def url(self) -> str:
        """The query URL, e.g. http://127.0.0.1:7878/sparql or http://[::1]:7878/sparql."""
        host, port = str(self.server_address[0]), self.server_address[1]
        shown = f"[{host.replace('%', '%25')}]" if ":" in host else host
        return f"http://{shown}:{port}{QUERY_PATHS[0]}"

    def process_request(self, request: Any, client_address: Any) -> None:
        if not self._connections.acquire(blocking=False):
            self._turn_away(request, client_address)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._connections.release()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._connections.release()

    def _turn_away(self, request: socket.socket, client_address: Any) -> None:
        """Answer 503 without a thread (the answer fits any socket buffer) and close."""
        body = b"busy: too many connections at once; try again\n"
        head = (
            f"HTTP/1.0 503 Service Unavailable\r\nContent-Type: {TEXT}\r\nContent-Length: {len(body)}\r\n"
            f"Retry-After: 1\r\nX-Content-Type-Options: nosniff\r\nContent-Security-Policy: {API_CSP}\r\n"
            "Connection: close\r\n\r\n"
        )
        try:
            request.setblocking(False)
            request.send(head.encode() + body)
        except OSError:
            pass
        if self.log is not None:
            self.log.write(f"{client_address[0]} - turned away: {self.limits.connections} connections at once")
        self.shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """One log line for a connection that failed (the client went away…), never a traceback on stderr."""
        if self.log is not None:
            error = sys.exc_info()[1]
            self.log.write(f"{client_address[0]} - connection failed: {type(error).__name__}: {error}"[:300])

    def start(self) -> threading.Thread:
        """Serve in a background thread (for tests and embedding); `stop` ends it."""
        thread = threading.Thread(target=self.serve_forever, daemon=True)
        thread.start()
        return thread

    def stop(self) -> None:
        """Stop serving (from another thread than serve_forever's), then `close`."""
        self.shutdown()
        self.close()

    def close(self) -> None:
        """Close the socket, the workers and the log."""
        self.server_close()
        self.pool.close()
        if self.log is not None:
            self.log.close()
