"""HTTP for remote endpoints and graph stores: whole-request deadlines, retries, credentials, our User-Agent.

Credentials come from KGRAPH_ENDPOINT_USER and KGRAPH_ENDPOINT_PASSWORD, or else from a netrc entry for the
endpoint's host (~/.netrc, or the file NETRC names). They are sent as HTTP Basic authentication and never
appear in a message: URLs are shown without their user-info part.

>>> redact("http://alice:secret@example.org:8890/sparql?x=1")
'http://example.org:8890/sparql?x=1'
>>> Credentials("alice", "secret")
Credentials(user='alice')
"""

import http.client
import netrc
import os
import threading
import time
import urllib.error
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TypeVar
from urllib.parse import urlsplit, urlunsplit

from .. import __version__
from ..errors import EndpointError, UsageError

T = TypeVar("T")
USER_AGENT = f"kgraph/{__version__}"
DEFAULT_TIMEOUT = 30.0
DEFAULT_RETRIES = 3
_FIRST_BACKOFF = 0.25


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
    if parts.scheme not in {"http", "https"} or not parts.netloc or any(c.isspace() for c in url):
        raise UsageError(f"{option} {redact(url)!r}: expected an http(s) URL")
    return url


def redact(url: str) -> str:
    """The URL without user name and password, for messages."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))


def credentials_for(url: str) -> Credentials | None:
    """Credentials from the URL, the environment or netrc (in that order), or None."""
    parts = urlsplit(url)
    if parts.username is not None:
        from urllib.parse import unquote

        return Credentials(unquote(parts.username), unquote(parts.password or ""))
    user, password = os.environ.get("KGRAPH_ENDPOINT_USER"), os.environ.get("KGRAPH_ENDPOINT_PASSWORD")
    if user and password is not None:
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
    """A failure worth another attempt: the connection failed or the server answered 5xx."""


def within(deadline: float, what: str, attempt: Callable[[float], T]) -> T:
    """Run `attempt(seconds_left)` and return its value, or raise EndpointError once the deadline passes.

    The attempt runs in a daemon thread, so a server that trickles its answer cannot hold us past the
    deadline; `attempt` is given the time left so its own socket timeouts end the thread soon after.
    """
    left = deadline - time.monotonic()
    if left <= 0:
        raise EndpointError(f"{what}: no complete answer within the timeout")
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
        raise EndpointError(f"{what}: no complete answer within the timeout")
    if failure:
        raise failure[0]
    return outcome[0]


def with_retries(timeout: float, retries: int, what: str, attempt: Callable[[float], T]) -> T:
    """`attempt` with a deadline of `timeout` seconds over all tries; Retryable failures are tried again
    after 0.25 s, 0.5 s, 1 s… while time is left. The last failure becomes an EndpointError."""
    deadline = time.monotonic() + timeout
    delay = _FIRST_BACKOFF
    for tries_left in range(retries, -1, -1):
        try:
            return within(deadline, what, attempt)
        except Retryable as error:
            if tries_left == 0 or time.monotonic() + delay >= deadline:
                raise EndpointError(f"{what}: {error}") from None
            time.sleep(delay)
            delay *= 2
    raise AssertionError("unreachable")


def read_body(response: object, deadline_in: float) -> bytes:
    """Read an HTTP response chunk by chunk, giving up when `deadline_in` seconds have passed."""
    deadline = time.monotonic() + deadline_in
    chunks: list[bytes] = []
    read1 = getattr(response, "read1", None) or response.read  # type: ignore[attr-defined]
    while True:
        chunk = read1(65536)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        if time.monotonic() > deadline:
            raise EndpointError("no complete answer within the timeout")


def server_message(body: bytes, limit: int = 2000) -> str:
    """The server's error text, whitespace collapsed and cut to `limit` characters."""
    text = " ".join(body.decode("utf-8", errors="replace").split())
    return text if len(text) <= limit else text[:limit] + " …"


def refusal(status: int, body: bytes, refused: str) -> Exception:
    """What an HTTP error answer means: Retryable for 5xx, else EndpointError quoting the server's message."""
    message = server_message(body)
    if status >= 500:
        return Retryable(f"server error {status}: {message}")
    hint = " (check the credentials)" if status in {401, 403} else ""
    return EndpointError(f"{refused} with HTTP {status}{hint}: {message}")


@contextmanager
def http_failures(what: str, timeout: float, refused: str, unreachable: str) -> Iterator[None]:
    """Turn urllib's failures into Retryable (no connection, 5xx) or EndpointError (4xx, deadline passed)."""
    try:
        yield
    except urllib.error.HTTPError as error:
        raise refusal(error.code, error.read(), refused) from None
    except (TimeoutError, urllib.error.URLError) as error:
        reason = getattr(error, "reason", error)
        if isinstance(reason, TimeoutError):
            raise EndpointError(f"{what}: no complete answer within {timeout:g} s") from None
        raise Retryable(f"{unreachable}: {reason}") from None
    except (ConnectionError, http.client.HTTPException) as error:
        raise Retryable(f"the connection failed: {error or type(error).__name__}") from None
