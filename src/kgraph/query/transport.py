"""HTTP for remote endpoints and graph stores: whole-request deadlines, retries, credentials, our User-Agent,
answers read up to a size limit, redirects that keep credentials on their origin.

Credentials come from KGRAPH_ENDPOINT_USER and KGRAPH_ENDPOINT_PASSWORD, or else from a netrc entry for the
endpoint's host (~/.netrc, or the file NETRC names). They are sent as HTTP Basic authentication and never
appear in a message: URLs are shown without their user-info part. A redirect to another origin (scheme, host,
port) is followed without them, and a redirect to anything but http(s) is refused.

>>> redact("http://alice:secret@example.org:8890/sparql?x=1")
'http://example.org:8890/sparql?x=1'
>>> Credentials("alice", "secret")
Credentials(user='alice')
>>> origin("HTTP://Example.org/sparql") == origin("http://example.org:80/other")
True
"""

import http.client
import math
import netrc
import os
import re
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from typing import Any, TypeVar
from urllib.parse import quote, urlsplit, urlunsplit

from .. import __version__
from ..errors import EndpointError, UsageError

T = TypeVar("T")
USER_AGENT = f"kgraph/{__version__}"
DEFAULT_TIMEOUT = 30.0
DEFAULT_RETRIES = 3
DEFAULT_MAX_ANSWER_BYTES = 256 << 20
"""The most bytes read from one answer unless the caller says otherwise (256 MiB)."""
_ERROR_BODY_BYTES = 64 << 10  # of an error answer only the start is shown
_FIRST_BACKOFF = 0.25
_MIB = 1 << 20


@dataclass(frozen=True)
class Credentials:
    """A user name and password for HTTP Basic authentication; the password is left out of repr."""

    user: str
    password: str = field(repr=False)

    def header(self) -> str:
        """The value of the Authorization header."""
        from base64 import b64encode

        return "Basic " + b64encode(f"{self.user}:{self.password}".encode()).decode("ascii")


def checked_url(url: str, option: str) -> str:
    """The URL when it is an http(s) URL with a host and no spaces, else UsageError quoting it and its option.

    >>> checked_url("query.wikidata.org/sparql", "--wikidata")
    Traceback (most recent call last):
    ...
    kgraph.errors.UsageError: --wikidata 'query.wikidata.org/sparql': expected an http(s) URL
    """
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname or any(c.isspace() for c in url):
        raise UsageError(f"{option} {redact(url)!r}: expected an http(s) URL")
    try:
        parts.port  # noqa: B018 (urllib checks the port only when asked for it)
    except ValueError as error:
        raise UsageError(f"{option} {redact(url)!r}: {error}") from None
    return url if url.isascii() else _as_ascii(url, option)


_ASCII_PRINTABLE = "".join(map(chr, range(0x21, 0x7F)))


def _as_ascii(url: str, option: str) -> str:
    """A URL with non-ASCII letters as HTTP sends it: the host in IDNA, the rest percent-encoded (UTF-8).

    >>> _as_ascii("http://пример.рф:8890/спарк?q=да", "--endpoint")
    'http://xn--e1afmkfd.xn--p1ai:8890/%D1%81%D0%BF%D0%B0%D1%80%D0%BA?q=%D0%B4%D0%B0'
    """
    parts = urlsplit(url)
    userinfo, at, host_port = parts.netloc.rpartition("@")
    host, colon, port = host_port.rpartition(":")
    if not port.isdigit():  # no port ("[::1]" ends in "1]")
        host, colon, port = host_port, "", ""
    try:
        host = host if host.isascii() else host.encode("idna").decode("ascii")
    except UnicodeError:
        raise UsageError(f"{option} {redact(url)!r}: {host!r} is no valid host name") from None
    netloc = quote(userinfo, safe=_ASCII_PRINTABLE) + at + host + colon + port
    rest = (quote(part, safe=_ASCII_PRINTABLE) for part in (parts.path, parts.query, parts.fragment))
    return urlunsplit((parts.scheme, netloc, *rest))


def origin(url: str) -> tuple[str, str, int | None]:
    """The scheme, host and port of a URL (the port made explicit), as browsers compare origins."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    return scheme, (parts.hostname or "").lower(), port or {"http": 80, "https": 443}.get(scheme)


def redact(url: str) -> str:
    """The URL without user name and password, for messages."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))


def credentials_for(url: str, *, environment: bool = True) -> Credentials | None:
    """Credentials from the URL, the environment (unless `environment` is false) or netrc, in that order."""
    parts = urlsplit(url)
    if parts.username is not None:
        from urllib.parse import unquote

        return Credentials(unquote(parts.username), unquote(parts.password or ""))
    user, password = os.environ.get("KGRAPH_ENDPOINT_USER"), os.environ.get("KGRAPH_ENDPOINT_PASSWORD")
    if environment and user and password is not None:
        return Credentials(user, password)
    try:
        entry = netrc.netrc(os.environ.get("NETRC")).authenticators(parts.hostname or "")
    except FileNotFoundError:
        return None
    except (netrc.NetrcParseError, OSError) as error:
        # the message names the file and line; netrc's own message never quotes a password
        raise EndpointError(f"cannot read netrc: {getattr(error, 'msg', error)}") from None
    if entry is None:
        return None
    return Credentials(entry[0], entry[2] or "")


class Retryable(Exception):
    """A failure worth another attempt: the connection failed or the server answered 5xx. `unanswered`: the
    request may have reached the server whole and be running still (the answer was lost, or a gateway gave up)."""

    def __init__(self, message: str, *, unanswered: bool = False) -> None:
        super().__init__(message)
        self.unanswered = unanswered


class NoAnswer(EndpointError):
    """No answer came to a request that may have reached the server whole: whether it took effect is unknown."""


class Refused(EndpointError):
    """The server answered a 4xx status (kept in `status`)."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class _Late(EndpointError):
    """The deadline passed; `with_retries` says which request and how long it had."""


@dataclass(frozen=True)
class Answer:
    """A 2xx answer: its media type (lower case, without parameters) and body."""

    media: str
    body: bytes


def within(deadline: float, what: str, attempt: Callable[[float], T]) -> T:
    """Run `attempt(seconds_left)` and return its value, or raise EndpointError once the deadline passes.

    The attempt runs in a daemon thread, so a server that trickles its answer cannot hold us past the
    deadline; `attempt` is given the time left so its own socket timeouts end the thread soon after.
    """
    left = deadline - time.monotonic()
    if left <= 0:
        raise _Late(what)
    outcome: list[T] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            outcome.append(attempt(left))
        except BaseException as error:  # handed to the caller's thread below
            failure.append(error)

    thread = threading.Thread(target=run, daemon=True, name="kgraph-http")
    thread.start()
    thread.join(left)
    if thread.is_alive():
        raise _Late(what)
    if failure:
        raise failure[0]
    return outcome[0]


def with_retries(timeout: float, retries: int, what: str, attempt: Callable[[float], T]) -> T:
    """`attempt` with a deadline of `timeout` seconds over all tries; Retryable failures are tried again
    after 0.25 s, 0.5 s, 1 s… while time is left. The last failure becomes an EndpointError.

    >>> with_retries(float("nan"), 0, "GET", lambda seconds: b"")
    Traceback (most recent call last):
    ...
    kgraph.errors.UsageError: timeout nan: expected a finite number of seconds above 0
    """
    if not (math.isfinite(timeout) and timeout > 0):
        raise UsageError(f"timeout {timeout!r}: expected a finite number of seconds above 0")
    deadline = time.monotonic() + timeout
    delay = _FIRST_BACKOFF
    for tries_left in range(retries, -1, -1):
        try:
            return within(deadline, what, attempt)
        except _Late:
            raise NoAnswer(f"{what}: no complete answer within {timeout:g} s") from None
        except Retryable as error:
            if tries_left == 0 or time.monotonic() + delay >= deadline:
                raise (NoAnswer if error.unanswered else EndpointError)(f"{what}: {error}") from None
            time.sleep(delay)
            delay *= 2
    raise AssertionError("unreachable")


def read_body(response: Any, deadline_in: float, limit: int | None = None) -> bytes:
    """Read an HTTP response chunk by chunk, giving up when `deadline_in` seconds have passed or, with `limit`,
    as soon as the answer says or proves to be longer than `limit` bytes."""
    deadline = time.monotonic() + deadline_in
    declared = (response.headers.get("Content-Length") or "").strip()
    if limit is not None and declared.isdigit() and int(declared) > limit:
        raise EndpointError(f"the answer is larger than {size(limit)} ({int(declared):,} bytes announced)")
    chunks: list[bytes] = []
    received = 0
    read1 = getattr(response, "read1", None) or response.read
    while True:
        chunk = read1(65536)
        if not chunk:
            return b"".join(chunks)
        received += len(chunk)
        if limit is not None and received > limit:
            raise EndpointError(f"the answer is larger than {size(limit)}")
        chunks.append(chunk)
        if time.monotonic() > deadline:
            raise _Late("reading the answer")


def size(count: int) -> str:
    """A byte count for messages.

    >>> size(256 << 20), size(1500)
    ('256 MiB', '1,500 bytes')
    """
    return f"{count // _MIB} MiB" if count >= _MIB and count % _MIB == 0 else f"{count:,} bytes"


def server_message(body: bytes, limit: int = 2000) -> str:
    """The server's error text, whitespace collapsed and cut to `limit` characters."""
    text = " ".join(body.decode("utf-8", errors="replace").split())
    return text if len(text) <= limit else text[:limit] + " …"


_READ_ONLY = re.compile(r"read[- ]?only", re.I)


def refusal(status: int, body: bytes, refused: str, credentials_sent: bool = False) -> Exception:
    """What an HTTP error answer means: Retryable for 5xx, else Refused quoting the server's message.

    Credentials are worth checking after a 401, or a 403 to a request that carried them, unless the server
    says it is read-only (no credentials would help).

    >>> str(refusal(403, b"The server is read-only", "PUT refused", credentials_sent=True))
    'PUT refused with HTTP 403: The server is read-only'
    >>> str(refusal(401, b"who are you?", "PUT refused"))
    'PUT refused with HTTP 401 (check the credentials): who are you?'
    """
    message = server_message(body)
    if status >= 500:  # a gateway's 502 or 504 says nothing of whether the server behind it ran the request
        return Retryable(f"server error {status}: {message}", unanswered=status in {502, 504})
    worth_checking = status == 401 or (status == 403 and credentials_sent and not _READ_ONLY.search(message))
    hint = " (check the credentials)" if worth_checking else ""
    return Refused(f"{refused} with HTTP {status}{hint}: {message}", status)


@contextmanager
def http_failures(request: urllib.request.Request, what: str, refused: str, unreachable: str) -> Iterator[None]:
    """Turn urllib's failures into Retryable (no connection, 5xx) or EndpointError (4xx, deadline passed).

    urllib raises URLError when connecting or sending fails (the request never arrived whole), and lets
    ConnectionError or HTTPException through when the answer is lost after the request was sent."""
    try:
        yield
    except urllib.error.HTTPError as error:
        # credentials reached the server that answered unless a redirect took the request to another origin
        sent = request.has_header("Authorization") and origin(error.geturl() or "") == origin(request.full_url)
        raise refusal(error.code, error.read(_ERROR_BODY_BYTES), refused, sent) from None
    except (TimeoutError, urllib.error.URLError) as error:
        reason = getattr(error, "reason", error)
        if isinstance(reason, TimeoutError):
            raise _Late(what) from None
        raise Retryable(f"{unreachable}: {reason}") from None
    except (ConnectionError, http.client.HTTPException) as error:
        raise Retryable(f"the connection failed: {error or type(error).__name__}", unanswered=True) from None


class _Redirects(urllib.request.HTTPRedirectHandler):
    """urllib's redirects, but to http(s) only, with the Authorization header dropped on the way to another
    origin, and 307/308 followed with the same method and body (urllib refuses them for POST and PUT)."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: Any,
        code: int,
        msg: str,
        headers: Any,
        newurl: str,
    ) -> urllib.request.Request | None:
        if urlsplit(newurl).scheme.lower() not in {"http", "https"}:
            raise EndpointError(f"{redact(req.full_url)} redirected to {redact(newurl)!r}, which is not an http(s) URL")
        if code in (307, 308) and req.get_method() not in ("GET", "HEAD"):
            new: urllib.request.Request | None = urllib.request.Request(
                newurl,
                data=req.data,
                headers=dict(req.headers),
                origin_req_host=req.origin_req_host,
                unverifiable=True,
                method=req.get_method(),
            )
        else:
            new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None and origin(newurl) != origin(req.full_url):
            new.remove_header("Authorization")
        return new


@cache
def _opener() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(_Redirects)


def exchange(
    request: urllib.request.Request,
    what: str,
    *,
    timeout: float,
    retries: int = DEFAULT_RETRIES,
    limit: int = DEFAULT_MAX_ANSWER_BYTES,
    refused: str | None = None,
    unreachable: str = "cannot reach the server",
) -> Answer:
    """Send one request with a deadline of `timeout` seconds over all tries and read at most `limit` bytes of
    the answer; EndpointError (Refused for 4xx) names `what` on failure.

    `refused` starts the message of a 4xx ("{what}: refused" by default), `unreachable` that of a connection
    failure.
    """

    def attempt(seconds_left: float) -> Answer:
        with (
            http_failures(request, what, refused or f"{what}: refused", unreachable),
            _opener().open(request, timeout=max(seconds_left, 0.001)) as response,
        ):
            media = (response.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            try:
                return Answer(media, read_body(response, seconds_left, limit))
            except _Late:
                raise
            except EndpointError as error:
                raise EndpointError(f"{what}: {error}") from None

    return with_retries(timeout, retries, what, attempt)
