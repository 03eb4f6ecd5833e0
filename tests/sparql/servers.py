"""Small local servers for failures real stores do not produce on demand: slow, flaky, password-protected,
and a TCP proxy that breaks an upload half-way."""

import base64
import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

ASK_TRUE = json.dumps({"head": {}, "boolean": True}).encode()


class Recorder(ThreadingHTTPServer):
    """An HTTP server that remembers the requests it saw."""

    daemon_threads = True

    def __init__(self, handler: type[BaseHTTPRequestHandler], **settings: Any) -> None:
        super().__init__(("127.0.0.1", 0), handler)
        self.settings = settings
        self.seen: list[dict[str, str]] = []
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
        self.answer()

    def reply(self, status: int, body: bytes, media: str = "application/sparql-results+json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def answer(self) -> None:
        raise NotImplementedError


class Trickle(_Base):
    """Sends headers, then a byte every 0.1 s until told to stop: only a whole-request timeout ends it."""

    def answer(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", "1000000")
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


class CuttingProxy:
    """A TCP proxy to `upstream` that closes a connection once `cut_after` bytes of it went upstream."""

    def __init__(self, upstream: tuple[str, int], cut_after: int) -> None:
        self.upstream, self.cut_after = upstream, cut_after
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
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

    def close(self) -> None:
        self.listener.close()
