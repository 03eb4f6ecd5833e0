"""`kgraph serve` under hostile clients: other sites' pages, big or slow requests, crowds, crashes, a stuck log.

Every test talks real HTTP to a real server (raw sockets where a well-behaved client library would not send
what an attacker does); the page is checked in Debian's Chromium.
"""

import base64
import contextlib
import fcntl
import hashlib
import http.client
import io
import math
import os
import re
import select
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kgraph.errors import QueryError
from kgraph.query import LocalStore
from kgraph.query.serve import Limits, SparqlServer

from .conftest import free_port, wait_until_answers

ASK = "/sparql?query=" + urllib.parse.quote("ASK { ?s ?p ?o }")
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
WAIT = 60.0
"""Seconds a test waits for something that happens in well under one when the server works (never asserted)."""


@pytest.fixture(scope="module")
def store(seed_file: Path) -> LocalStore:
    return LocalStore.from_files(seed_file)


@pytest.fixture(scope="module")
def start(store: LocalStore) -> Iterator[Callable[..., SparqlServer]]:
    """Start a server on a free loopback port (stopped at the end of the module)."""
    servers: list[SparqlServer] = []

    def starter(host: str = "127.0.0.1", **options: Any) -> SparqlServer:
        server = SparqlServer(store, host, 0, **options)
        server.start()
        servers.append(server)
        return server

    yield starter
    for server in servers:
        server.stop()


@pytest.fixture(scope="module")
def plain(start: Callable[..., SparqlServer]) -> SparqlServer:
    """The defaults, but a request must arrive within 2 s and may be 1,000 bytes."""
    return start(limits=Limits(time=10.0, read_seconds=2.0, request_bytes=1000))


@pytest.fixture(scope="module")
def patient_server(start: Callable[..., SparqlServer]) -> SparqlServer:
    return start(limits=Limits(time=600.0, workers=1, waiting=1))


@pytest.fixture
def patient(patient_server: SparqlServer) -> Iterator[SparqlServer]:
    """One worker, one waiting place and a time limit no test reaches: what ends a query is the test (or, when
    the test fails first, the end of the test: no runaway query is left for the next one)."""
    yield patient_server
    for pid in patient_server.pool.running():
        os.kill(pid, signal.SIGKILL)


@pytest.fixture(scope="module")
def small_answers(start: Callable[..., SparqlServer]) -> SparqlServer:
    return start(limits=Limits(answer_bytes=20_000))


def address(server: SparqlServer) -> tuple[str, int]:
    host, port = server.server_address[:2]
    return str(host), port


def ask(
    server: SparqlServer, method: str, path: str, body: bytes | None = None, headers: dict[str, str] | None = None
) -> tuple[int, http.client.HTTPMessage, bytes]:
    """One request with http.client: (status, headers, body)."""
    connection = http.client.HTTPConnection(*address(server), timeout=WAIT)
    try:
        connection.request(method, path, body, headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def raw(server: SparqlServer, data: bytes = b"") -> socket.socket:
    """A raw connection that has sent `data`."""
    sock = socket.create_connection(address(server), timeout=WAIT)
    if data:
        sock.sendall(data)
    return sock


def read_all(sock: socket.socket) -> bytes:
    """Everything the server sends until it closes the connection."""
    received = b""
    with sock:
        while chunk := sock.recv(65536):
            received += chunk
    return received


def wait_for(condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + WAIT
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the condition never came true")
        time.sleep(0.02)


def ended(pid: int) -> bool:
    """Whether a child process has exited: a zombie (until its parent reaps it) with no thread left but its
    first, which turns zombie as soon as it exits, before the process's other threads have."""
    try:
        zombie = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
        return zombie and os.listdir(f"/proc/{pid}/task") == [str(pid)]
    except FileNotFoundError:
        return True


class Background:
    """A request that runs in a thread, for the test to do something while the server works on it."""

    def __init__(self, server: SparqlServer, query: str) -> None:
        self.answer: tuple[int, http.client.HTTPMessage, bytes] | None = None
        headers = {"Content-Type": "application/sparql-query"}
        self.thread = threading.Thread(target=self._run, args=(server, query.encode(), headers), daemon=True)
        self.thread.start()

    def _run(self, server: SparqlServer, query: bytes, headers: dict[str, str]) -> None:
        self.answer = ask(server, "POST", "/sparql", query, headers)

    def result(self) -> tuple[int, http.client.HTTPMessage, bytes]:
        self.thread.join(WAIT)
        assert self.answer is not None, "the request got no answer"
        return self.answer


# Other sites' pages (CORS, DNS rebinding) and SERVICE


def test_without_cors_a_page_of_another_site_is_refused_and_no_answer_allows_it(plain: SparqlServer) -> None:
    status, headers, _ = ask(plain, "GET", ASK)
    assert status == 200 and "Access-Control-Allow-Origin" not in headers
    evil = {"Origin": "http://evil.example"}
    status, headers, body = ask(plain, "GET", ASK, headers=evil)
    assert status == 403 and b"--cors" in body and "Access-Control-Allow-Origin" not in headers
    form = {**evil, "Content-Type": "application/x-www-form-urlencoded"}
    status, headers, _ = ask(plain, "POST", "/sparql", b"query=ASK%7B%7D", form)
    assert status == 403 and "Access-Control-Allow-Origin" not in headers
    preflight = {**evil, "Access-Control-Request-Method": "POST"}
    status, headers, _ = ask(plain, "OPTIONS", "/sparql", headers=preflight)
    assert "Access-Control-Allow-Origin" not in headers and "Access-Control-Allow-Methods" not in headers
    # an <img> or <script> of another site's page sends no Origin, but the browser says where it comes from
    embedded = {"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "no-cors", "Sec-Fetch-Dest": "image"}
    assert ask(plain, "GET", ASK, headers=embedded)[0] == 403
    followed = {"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate", "Sec-Fetch-Dest": "document"}
    assert ask(plain, "GET", ASK, headers=followed)[0] == 200  # the user following a link sees the answer


def test_the_server_own_page_may_query_it(plain: SparqlServer) -> None:
    host, port = address(plain)
    origin = {"Origin": f"http://{host}:{port}", "Content-Type": "application/x-www-form-urlencoded"}
    status, headers, _ = ask(plain, "POST", "/sparql", b"query=ASK%7B%7D", origin)
    assert status == 200 and "Access-Control-Allow-Origin" not in headers


def test_a_cors_origin_is_answered_for_that_origin_only(start: Callable[..., SparqlServer]) -> None:
    app = "http://app.example:3000"
    server = start(cors=[app])
    preflight = {
        "Origin": app,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type",
    }
    status, headers, _ = ask(server, "OPTIONS", "/sparql", headers=preflight)
    assert status == 204 and headers["Access-Control-Allow-Origin"] == app
    assert (
        "POST" in headers["Access-Control-Allow-Methods"] and "Content-Type" in headers["Access-Control-Allow-Headers"]
    )
    assert "Origin" in headers.get_all("Vary", [])
    form = {"Origin": app, "Content-Type": "application/x-www-form-urlencoded"}
    status, headers, body = ask(server, "POST", "/sparql", b"query=ASK%7B%7D", form)
    assert (status, headers["Access-Control-Allow-Origin"]) == (200, app) and b"true" in body
    status, headers, _ = ask(server, "GET", ASK, headers={"Origin": app})
    assert (status, headers["Access-Control-Allow-Origin"]) == (200, app)
    for other in ("http://app.example:3001", "https://app.example:3000", "http://evil.example"):
        status, headers, _ = ask(server, "GET", ASK, headers={"Origin": other})
        assert status == 403 and "Access-Control-Allow-Origin" not in headers, other
        status, headers, _ = ask(server, "OPTIONS", "/sparql", headers={**preflight, "Origin": other})
        assert "Access-Control-Allow-Origin" not in headers, other


def test_cors_star_must_be_asked_for_and_echoes_the_origin(start: Callable[..., SparqlServer]) -> None:
    server = start(cors=["*"])
    status, headers, _ = ask(server, "GET", ASK, headers={"Origin": "http://any.example"})
    assert (status, headers["Access-Control-Allow-Origin"]) == (200, "http://any.example")


@pytest.mark.parametrize("origin", ["http://app.example/", "app.example", "http://app.example/path", "null", ""])
def test_a_cors_value_that_is_no_origin_is_refused(origin: str) -> None:
    from kgraph.query.serve import check_origins

    with pytest.raises(QueryError, match="expected an origin"):
        check_origins([origin])


def test_a_page_that_rebinds_its_name_to_loopback_is_refused(plain: SparqlServer) -> None:
    _, port = address(plain)
    status, _, body = ask(plain, "GET", ASK, headers={"Host": f"evil.example:{port}"})
    assert status == 403 and b"loopback" in body
    for name in ("localhost", "127.0.0.1", "[::1]"):
        status, _, _ = ask(plain, "GET", ASK, headers={"Host": f"{name}:{port}"})
        assert status == 200, name


@pytest.mark.parametrize(
    "text",
    [
        "SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        "PREFIX : <{url}> SELECT * WHERE {{ SERVICE: {{ ?s ?p ?o }} }}",  # Oxigraph reads SERVICE and ":"
    ],
)
def test_service_is_refused_and_nothing_is_fetched(plain: SparqlServer, text: str) -> None:
    with socket.create_server(("127.0.0.1", 0)) as target:
        target.setblocking(False)
        url = f"http://127.0.0.1:{target.getsockname()[1]}/sparql"
        query = text.format(url=url)
        status, _, body = ask(plain, "POST", "/sparql", query.encode(), {"Content-Type": "application/sparql-query"})
        assert status == 400 and b"SERVICE" in body
        with pytest.raises(BlockingIOError):
            target.accept()  # nobody tried to connect


# Answer size


EVERYTHING = "SELECT * WHERE { ?s ?p ?o }"
TEXT = "SELECT (CONCAT(?text, ?text, ?text, ?text) AS ?long) WHERE { ?article nif:isString ?text }"


@pytest.mark.parametrize(
    ("query", "small", "accept"),
    [
        (EVERYTHING, EVERYTHING + " LIMIT 5", "application/sparql-results+json"),
        (EVERYTHING, EVERYTHING + " LIMIT 5", "text/csv"),
        (EVERYTHING, EVERYTHING + " LIMIT 5", "text/tab-separated-values"),
        (EVERYTHING, EVERYTHING + " LIMIT 5", "application/sparql-results+xml"),
        (TEXT, TEXT.replace("CONCAT(?text, ?text, ?text, ?text)", "SUBSTR(?text, 1, 100)"), "text/csv"),
        ("CONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 5", "text/turtle"),
        ("CONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 5", "application/n-triples"),
    ],
    ids=["json", "csv", "tsv", "xml", "one long row", "turtle", "n-triples"],
)
def test_an_answer_over_the_byte_limit_is_refused(
    small_answers: SparqlServer, query: str, small: str, accept: str
) -> None:
    server = small_answers
    headers = {"Content-Type": "application/sparql-query", "Accept": accept}
    status, _, body = ask(server, "POST", "/sparql", query.encode(), headers)
    assert status == 400
    assert body.decode() == (
        "the answer is larger than the limit of 20,000 bytes; add LIMIT to the query or select fewer or shorter "
        "values (kgraph serve --max-answer-bytes sets the limit)\n"
    )
    status, _, body = ask(server, "POST", "/sparql", small.encode(), headers)
    assert status == 200 and 0 < len(body) <= 20_000


# Request size


def test_a_body_over_the_limit_is_refused_from_its_length_before_it_is_read(plain: SparqlServer) -> None:
    head = b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
    answer = read_all(raw(plain, head + b"Content-Length: 5000000000\r\n\r\n"))  # the body never comes
    assert answer.startswith(b"HTTP/1.0 413 ")
    assert answer.endswith(b"the request body is 5,000,000,000 bytes; this endpoint reads at most 1,000\n")


def test_a_client_that_sends_a_too_large_body_still_reads_the_413(plain: SparqlServer) -> None:
    body = b"ASK {} # " + b"x" * (4 << 20)
    status, _, answer = ask(plain, "POST", "/sparql", body, {"Content-Type": "application/sparql-query"})
    assert status == 413 and b"at most 1,000" in answer


def test_a_chunked_body_is_refused_unread(plain: SparqlServer) -> None:
    head = b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
    sock = raw(plain, head + b"Transfer-Encoding: chunked\r\n\r\n5\r\nASK{}\r\n")  # and no last chunk
    answer = read_all(sock)
    assert answer.startswith(b"HTTP/1.0 411 ") and b"Content-Length" in answer


@pytest.mark.parametrize("length", ["12abc", "-5", "1_000", "10, 20"])
def test_a_content_length_that_is_no_number_is_refused(plain: SparqlServer, length: str) -> None:
    head = b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
    answer = read_all(raw(plain, head + f"Content-Length: {length}\r\n\r\nASK {{}}".encode()))
    assert answer.startswith(b"HTTP/1.0 400 ") and b"Content-Length" in answer


def test_a_query_string_over_the_limit_gets_414(plain: SparqlServer) -> None:
    status, _, body = ask(plain, "GET", "/sparql?query=" + urllib.parse.quote("ASK {} #" + "x" * 1000))
    assert status == 414 and b"longer than 1,000 bytes" in body


# Slow and idle clients (the plain server gives a request 2 s to arrive)


def test_a_connection_that_sends_nothing_is_closed(plain: SparqlServer) -> None:
    assert read_all(raw(plain)) == b""


def test_a_body_shorter_than_its_length_does_not_hold_the_connection(plain: SparqlServer) -> None:
    head = b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
    assert read_all(raw(plain, head + b"Content-Length: 100\r\n\r\nASK {}")) == b""


def test_a_client_that_trickles_its_headers_is_closed(plain: SparqlServer) -> None:
    """A byte every 0.1 s keeps any per-read timeout happy; the request as a whole must still arrive in 2 s."""
    sock = raw(plain, b"GET " + ASK.encode() + b" HTTP/1.1\r\n")
    closed = False
    with sock:
        for byte in b"X-Slow: " + b"a" * 300:  # 30 s of trickling, if the server let it go on
            try:
                sock.sendall(bytes([byte]))
            except OSError:  # reset: the server closed the connection
                closed = True
                break
            time.sleep(0.1)
            readable, _, _ = select.select([sock], [], [], 0)
            try:
                if readable and sock.recv(65536) == b"":
                    closed = True
                    break
            except OSError:  # reset: closed with bytes unread
                closed = True
                break
    assert closed, "the server still waited for the rest of the headers"


# Crowds: bounded waiting line, bounded connections


def test_a_query_that_finds_every_worker_busy_and_the_line_full_gets_503_at_once(patient: SparqlServer) -> None:
    running = Background(patient, RUNAWAY)
    wait_for(lambda: len(patient.pool.running()) == 1)
    waiting = Background(patient, RUNAWAY)
    wait_for(lambda: patient.pool.waiting() == 1)
    status, headers, body = ask(patient, "GET", ASK)
    assert (status, headers["Retry-After"]) == (503, "600") and body.startswith(b"busy")
    for background in (running, waiting):  # end both runaways: kill the worker that runs each
        wait_for(lambda: len(patient.pool.running()) == 1)
        os.kill(patient.pool.running()[0], signal.SIGKILL)
        assert background.result()[0] == 500
    status, _, _ = ask(patient, "GET", ASK)
    assert status == 200


def test_connections_past_the_cap_are_answered_503_at_once(start: Callable[..., SparqlServer]) -> None:
    server = start(limits=Limits(connections=2, read_seconds=600.0))
    idle = [raw(server, b"GET / HTTP/1.1\r\n") for _ in range(2)]  # half a request each: a thread waits for more
    try:
        answer = read_all(raw(server))
        assert answer.startswith(b"HTTP/1.0 503 ")
        assert answer.endswith(b"\r\n\r\nbusy: too many connections at once; try again\n")
        assert b"\r\nX-Content-Type-Options: nosniff\r\n" in answer and b"frame-ancestors 'none'" in answer
    finally:
        for sock in idle:
            sock.close()
    wait_for(lambda: ask(server, "GET", ASK)[0] == 200)


# A worker that dies


@pytest.mark.parametrize("kill", [signal.SIGKILL, signal.SIGSEGV], ids=["SIGKILL", "SIGSEGV"])
def test_a_worker_that_dies_is_reported_as_a_crash_and_replaced(patient: SparqlServer, kill: signal.Signals) -> None:
    background = Background(patient, RUNAWAY)
    wait_for(lambda: len(patient.pool.running()) == 1)
    os.kill(patient.pool.running()[0], kill)
    status, _, body = background.result()
    assert status == 500
    assert body.decode() == (
        f"the query crashed the worker process that ran it (killed by {kill.name}); a new worker replaced it\n"
    )
    status, _, _ = ask(patient, "GET", ASK)
    assert status == 200


def test_a_worker_killed_while_idle_is_replaced_without_blaming_the_next_query(patient: SparqlServer) -> None:
    assert ask(patient, "GET", ASK)[0] == 200
    (pid,) = patient.pool.pids()
    os.kill(pid, signal.SIGKILL)
    wait_for(lambda: ended(pid))
    status, _, body = ask(patient, "GET", ASK)
    assert status == 200, body


# The log


def test_a_log_nobody_reads_never_blocks_the_server(seed_file: Path) -> None:
    """`kgraph serve` with stderr a 4 KiB pipe nobody reads: a few dozen log lines fill it."""
    reader, writer = os.pipe()
    fcntl.fcntl(writer, fcntl.F_SETPIPE_SZ, 4096)
    port = free_port()
    code = "import sys; from kgraph.cli.sparql import serve; serve(sys.argv[1:])"
    process = subprocess.Popen(
        [sys.executable, "-c", code, str(seed_file), "--port", str(port)], stdout=subprocess.DEVNULL, stderr=writer
    )
    os.close(writer)
    try:
        wait_until_answers(f"http://127.0.0.1:{port}/", process, WAIT)
        for _ in range(300):  # about 25 KiB of log lines
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=WAIT)
            connection.request("GET", "/nothing-here")
            assert connection.getresponse().status == 404
            connection.close()
    finally:
        process.kill()
        process.wait()
        os.close(reader)


def test_the_log_never_holds_a_query_or_a_body(store: LocalStore) -> None:
    log = io.StringIO()
    server = SparqlServer(store, "127.0.0.1", 0, log=log)
    server.start()
    try:
        secret = "SELECT ?s WHERE { ?s rdfs:label 'SECRET-MARKER' }"
        assert ask(server, "GET", "/sparql?query=" + urllib.parse.quote(secret))[0] == 200
        form = {"Content-Type": "application/x-www-form-urlencoded"}
        assert ask(server, "POST", "/sparql", urllib.parse.urlencode({"query": secret}).encode(), form)[0] == 200
        assert read_all(raw(server, b"GET /\x1b[31mred HTTP/1.0\r\n\r\n")).startswith(b"HTTP/1.0 404 ")
        wait_for(lambda: log.getvalue().count("\n") >= 3)  # the log is written by its own thread
    finally:
        server.stop()
    lines = log.getvalue().splitlines()
    assert re.search(r'"GET /sparql\?… \(\d+ bytes\)" 200$', lines[0])
    assert lines[1].endswith('"POST /sparql" 200') and lines[2].endswith('"GET /\\x1b[31mred" 404')
    assert "SECRET" not in log.getvalue()


# Headers of every answer; the page's Content-Security-Policy


def test_every_answer_says_nosniff_and_may_not_be_framed(plain: SparqlServer) -> None:
    answers = [
        ask(plain, "GET", "/"),
        ask(plain, "GET", ASK),
        ask(plain, "GET", "/sparql?query=SELECT"),
        ask(plain, "GET", "/nothing-here"),
        ask(plain, "PUT", "/store", b"<a> <b> <c> .", {"Content-Type": "application/n-triples"}),
        ask(plain, "BREW", "/sparql"),
    ]
    statuses = [status for status, _, _ in answers]
    assert statuses == [200, 200, 400, 404, 403, 501]
    for status, headers, _ in answers:
        assert headers["X-Content-Type-Options"] == "nosniff", status
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"], status
    answer = read_all(raw(plain, b"GET /" + b"x" * 70_000 + b" HTTP/1.0\r\n\r\n"))  # the stdlib's own 414
    assert answer.startswith(b"HTTP/1.0 414 ") and b"\r\nX-Content-Type-Options: nosniff\r\n" in answer


def test_the_page_may_run_only_its_own_script_and_style(plain: SparqlServer) -> None:
    _, headers, page = ask(plain, "GET", "/")
    policy = dict(part.strip().split(" ", 1) for part in headers["Content-Security-Policy"].split(";"))
    assert policy["default-src"] == "'none'" and policy["connect-src"] == "'self'"

    def hashes(tag: bytes) -> str:
        (code,) = re.findall(rb"<%s>(.*?)</%s>" % (tag, tag), page, re.S)
        return f"'sha256-{base64.b64encode(hashlib.sha256(code).digest()).decode()}'"

    assert (policy["script-src"], policy["style-src"]) == (hashes(b"script"), hashes(b"style"))


@pytest.mark.browser
def test_the_page_runs_a_query_under_its_policy_and_the_policy_blocks_other_scripts(
    plain: SparqlServer, browser: Any
) -> None:
    base = plain.url.removesuffix("/sparql")
    context = browser.new_context()
    elsewhere: list[str] = []

    def only_this_server(route: Any) -> None:
        if route.request.url.startswith(base):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    context.route("**/*", only_this_server)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.add_init_script(
        "window.violations = []; document.addEventListener('securitypolicyviolation',"
        " (event) => window.violations.push(event.violatedDirective + ' ' + event.blockedURI));"
    )
    try:
        page.goto(base + "/")
        page.fill("#query", "SELECT ?label WHERE { ?person a schema:Person ; rdfs:label ?label } ORDER BY ?label")
        page.click("button[type=submit]")
        page.wait_for_selector("#out table td")
        cells = page.eval_on_selector_all("#out table td", "(cells) => cells.map((cell) => cell.textContent)")
        assert '"Владимир Путин"@ru' in cells
        assert page.text_content("#status").endswith(" s") and "rows" in page.text_content("#status")
        assert (errors, page.evaluate("window.violations"), elsewhere) == ([], [], [])
        # the policy is enforced, not only sent: a script the page did not ship does not run
        page.evaluate(
            "() => { const s = document.createElement('script'); s.textContent = 'window.injected = 1';"
            " document.body.append(s); }"
        )
        page.wait_for_function("window.violations.length > 0")
        assert page.evaluate("window.injected") is None
        assert page.evaluate("window.violations")[0].startswith("script-src")
    finally:
        context.close()


# Options


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--port", "99999"], r"Invalid value for '--port': 99999 is not in the range 0<=x<=65535\."),
        (["--port", "-1"], r"Invalid value for '--port': -1 is not in the range 0<=x<=65535\."),
        (["--time-limit", "nan"], r"--time-limit\b.*\bnan\b"),
        (["--time-limit", "inf"], r"'--time-limit': '?inf'? is not"),
        (["--time-limit", "-1"], r"'--time-limit': '?-1(\.0)?'? is not"),
        (["--result-limit", "0"], r"Invalid value for '--result-limit': 0 is not in the range x>=1\."),
        (["--max-answer-bytes", "0"], r"Invalid value for '--max-answer-bytes': 0 is not in the range x>=1\."),
        (["--max-request-bytes", "x"], r"Invalid value for '--max-request-bytes': 'x' is not a valid integer"),
        (["--cors", "http://app.example/"], r"^error: --cors 'http://app\.example/': expected an origin such as"),
        (["--host", "192.0.2.1"], r"^error: cannot listen on 192\.0\.2\.1 port 7878: "),  # no interface has it
        (["--host", "fe80::1%eth0", "--port", "0"], r"^error: cannot listen on '?fe80::1%eth0"),
    ],
)
def test_a_bad_option_exits_2_with_one_line_naming_it(seed_file: Path, options: list[str], message: str) -> None:
    code = "import sys; from kgraph.cli.sparql import serve; serve(sys.argv[1:])"
    done = subprocess.run(
        [sys.executable, "-c", code, str(seed_file), *options], capture_output=True, text=True, timeout=WAIT
    )
    assert (done.returncode, done.stdout) == (2, "")
    lines = [line for line in done.stderr.splitlines() if line.startswith(("error:", "Error:"))]
    assert len(lines) == 1 and re.search(message, lines[0]), done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    "limits",
    [{"time": math.nan}, {"time": math.inf}, {"time": -1.0}, {"rows": 0}, {"answer_bytes": 0}, {"workers": 1.5}],
)
def test_limits_refuse_what_is_no_positive_finite_number(limits: dict[str, Any]) -> None:
    with pytest.raises(QueryError, match="must be"):
        Limits(**limits)


@pytest.mark.parametrize("port", [99999, -1])
def test_a_port_out_of_range_is_refused(store: LocalStore, port: int) -> None:
    with pytest.raises(QueryError, match=f"port {port} is not in 0..65535"):
        SparqlServer(store, "127.0.0.1", port)


@pytest.mark.parametrize("host", ["::1", "[::1]"])
def test_ipv6_loopback_serves_and_its_url_brackets_the_address(start: Callable[..., SparqlServer], host: str) -> None:
    server = start(host)
    port = server.server_address[1]
    assert server.url == f"http://[::1]:{port}/sparql" and server.loopback
    connection = http.client.HTTPConnection("::1", port, timeout=WAIT)
    with contextlib.closing(connection):
        connection.request("GET", ASK, headers={"Host": f"[::1]:{port}"})
        assert connection.getresponse().status == 200


def test_the_command_defaults_are_the_library_defaults() -> None:
    from kgraph.cli.sparql import serve

    defaults = {param.name: param.default for param in serve.params}
    limits = Limits()
    assert (defaults["time_limit"], defaults["result_limit"]) == (limits.time, limits.rows)
    assert (defaults["max_answer_bytes"], defaults["max_request_bytes"]) == (limits.answer_bytes, limits.request_bytes)
