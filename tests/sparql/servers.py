"""Small local servers for failures real stores do not produce on demand: slow, flaky, password-protected,
redirecting, endless or malformed answers, and proxies that break an upload half-way."""

import base64
import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

ASK_TRUE = json.dumps({"head": {}, "boolean": True}).encode()


class Recorder(ThreadingHTTPServer):
    """An HTTP server that remembers the requests it saw."""

    daemon_threads = True

    def __init__(self, handler: type[BaseHTTPRequestHandler], **settings: Any) -> None:
        super().__init__(("127.0.0.1", 0), handler)
        self.settings = settings
        self.seen: list[dict[str, str]] = []
        self.requests: list[str] = []
        self.sent = 0
        self.stopping = threading.Event()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/sparql"


class _Base(BaseHTTPRequestHandler):
    server: Recorder

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.seen.append(dict(self.headers.items()))
        self.server.requests.append(f"{self.command} {self.path}")
        self.answer()

    do_GET = do_PUT = do_DELETE = do_POST

    def reply(self, status: int, body: bytes, media: str = "application/sparql-results+json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def answer(self) -> None:
        raise NotImplementedError


class Trickle(_Base):
    """Sends headers (Content-Length settings['length'], default 1,000,000), then a byte every 0.1 s until told
    to stop: only a whole-request timeout ends it."""

    def answer(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(self.server.settings.get("length", 1_000_000)))
        self.end_headers()
        try:
            while not self.server.stopping.is_set():
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(0.1)
        except OSError:
            pass


class Flaky(_Base):
    """Answers 503 to the first `failures` requests, then a true ASK result."""

    def answer(self) -> None:
        if len(self.server.seen) <= self.server.settings["failures"]:
            self.reply(503, b"busy, try again", "text/plain")
        else:
            self.reply(200, ASK_TRUE)


class Guarded(_Base):
    """Answers a true ASK result to the right Basic credentials and 401 to anything else."""

    def answer(self) -> None:
        user, password = self.server.settings["user"], self.server.settings["password"]
        expected = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
        if self.headers.get("Authorization") == expected:
            self.reply(200, ASK_TRUE)
        else:
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="test"')
            self.send_header("Content-Length", "18")
            self.end_headers()
            self.wfile.write(b"wrong credentials\n")


@contextmanager
def running(handler: type[BaseHTTPRequestHandler], **settings: Any) -> Iterator[Recorder]:
    server = Recorder(handler, **settings)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.stopping.set()
        server.shutdown()
        server.server_close()


class _Proxy:
    """A loopback listener that hands each connection to `_relay` in a thread of its own; `cuts` counts the
    connections it broke."""

    def __init__(self, upstream: tuple[str, int]) -> None:
        self.upstream = upstream
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.cuts = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._relay, args=(client,), daemon=True).start()

    def _relay(self, client: socket.socket) -> None:
        raise NotImplementedError

    def close(self) -> None:
        self.listener.close()


class CuttingProxy(_Proxy):
    """A TCP proxy to `upstream` that closes a connection once `cut_after` bytes of it went upstream."""

    def __init__(self, upstream: tuple[str, int], cut_after: int) -> None:
        self.cut_after = cut_after
        super().__init__(upstream)

    def _relay(self, client: socket.socket) -> None:
        server = socket.create_connection(self.upstream)

        def back() -> None:
            try:
                while data := server.recv(65536):
                    client.sendall(data)
            except OSError:
                pass

        threading.Thread(target=back, daemon=True).start()
        sent = 0
        try:
            while data := client.recv(4096):
                server.sendall(data[: max(self.cut_after - sent, 0)])
                sent += len(data)
                if sent >= self.cut_after:
                    self.cuts += 1
                    break
        except OSError:
            pass
        for sock in (server, client):
            with suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()


class Answering(_Base):
    """Answers every request with settings['body'] as settings['media'] and status settings['status'] (200)."""

    def answer(self) -> None:
        settings = self.server.settings
        self.reply(
            settings.get("status", 200), settings["body"], settings.get("media", "application/sparql-results+json")
        )


class Redirecting(_Base):
    """Answers settings['status'] with a Location of settings['to'] (another server, or a path of this one);
    any other path gets a true ASK result, so a redirect within this server ends here."""

    def answer(self) -> None:
        if self.path.startswith("/sparql"):
            self.send_response(self.server.settings["status"])
            self.send_header("Location", self.server.settings["to"])
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self.reply(200, ASK_TRUE)


class Endless(_Base):
    """Answers 200 with no Content-Length and sends settings['chunk'] until the client goes away or 64 MiB are
    sent; `sent` counts the bytes it wrote. A PUT gets 201 (a graph store that accepts the upload)."""

    def answer(self) -> None:
        if self.command == "PUT":
            self.reply(201, b"", "text/plain")
            return
        self.close_connection = True
        self.send_response(200)
        self.send_header("Content-Type", self.server.settings.get("media", "application/sparql-results+json"))
        self.end_headers()
        chunk = self.server.settings["chunk"]
        self.server.sent = 0
        try:
            while self.server.sent < 64 << 20 and not self.server.stopping.is_set():
                self.wfile.write(chunk)
                self.server.sent += len(chunk)
        except OSError:
            pass


class RequestCutter(_Proxy):
    """A proxy to `upstream` that forwards whole HTTP requests (one per connection) and breaks the `nth` one
    whose method is `method`: after `cut_after` bytes of its body, or, when `cut_after` is None, after the
    server has answered it in full, so the request took effect but its answer never reaches the client.

    `requests` lists the "METHOD target" of every request in the order they arrived, `headers` their headers."""

    def __init__(self, upstream: str, method: str, nth: int, cut_after: int | None) -> None:
        host, port = urlsplit(upstream).netloc.split(":")
        self.method, self.nth, self.cut_after = method, nth, cut_after
        self.requests: list[str] = []
        self.headers: list[dict[str, str]] = []
        self.lock = threading.Lock()
        super().__init__((host, int(port)))

    def _relay(self, client: socket.socket) -> None:
        with client, client.makefile("rb") as reader, socket.create_connection(self.upstream) as server:
            lines = [reader.readline()]
            while lines[-1] not in {b"\r\n", b"\n", b""}:
                lines.append(reader.readline())
            method, target = lines[0].decode("latin-1").split()[:2]
            length = next(
                (int(line.split(b":", 1)[1]) for line in lines if line.lower().startswith(b"content-length:")), 0
            )
            # one request per connection, so the server's closing the connection ends its answer
            head = [line for line in lines[:-1] if not line.lower().startswith(b"connection:")]
            head += [b"Connection: close\r\n", b"\r\n"]
            body = reader.read(length)
            fields = (line.decode("latin-1").partition(":") for line in lines[1:-1])
            with self.lock:
                self.requests.append(f"{method} {target}")
                self.headers.append({name.strip().title(): value.strip() for name, _, value in fields})
                cut = method == self.method and sum(r.startswith(f"{method} ") for r in self.requests) == self.nth
                self.cuts += cut
            if cut and self.cut_after is not None:
                server.sendall(b"".join(head) + body[: self.cut_after])
                return
            server.sendall(b"".join(head) + body)
            answer = b""
            while data := server.recv(65536):
                answer += data
            if not cut:
                client.sendall(answer)
