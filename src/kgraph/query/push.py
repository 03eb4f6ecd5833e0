"""Load a graph into a triple store through the SPARQL 1.1 Graph Store HTTP Protocol, then check it arrived.

Each named graph goes up in one PUT (replace semantics), which a conforming store applies as one change:
when the upload breaks half-way the store keeps the graph it had (tests/sparql prove it against Oxigraph).
After the PUT the graph is read back and its triples counted.

>>> graph_url("http://127.0.0.1:7878/store", "https://w3id.org/kgraph/id/article/a")
'http://127.0.0.1:7878/store?graph=https%3A%2F%2Fw3id.org%2Fkgraph%2Fid%2Farticle%2Fa'
>>> graph_url("http://localhost:8890/sparql-graph-crud?x=1", None)
'http://localhost:8890/sparql-graph-crud?x=1&default'
"""

import urllib.error
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ..errors import EndpointError
from .local import LocalStore
from .transport import (
    DEFAULT_RETRIES,
    USER_AGENT,
    Credentials,
    checked_url,
    credentials_for,
    http_failures,
    read_body,
    redact,
    with_retries,
)

DEFAULT_PUSH_TIMEOUT = 120.0


@dataclass(frozen=True)
class PushReport:
    """Triples sent and found on the server, by graph IRI (None for the default graph)."""

    store: str
    graphs: dict[str | None, int]

    @property
    def triples(self) -> int:
        """All triples pushed."""
        return sum(self.graphs.values())


def graph_url(store_url: str, graph: str | None) -> str:
    """The GSP URL of a named graph (`?graph=`) or of the default graph (`?default`)."""
    joiner = "&" if "?" in store_url else "?"
    if graph is None:
        return f"{store_url}{joiner}default"
    return f"{store_url}{joiner}graph={quote(graph, safe='')}"


def _ntriples_by_graph(path: Path, graph: str | None) -> dict[str | None, bytes]:
    """N-Triples of every graph in the file, or of their union when `graph` names one target graph."""
    from pyoxigraph import DefaultGraph, RdfFormat, serialize

    store = LocalStore.from_files(path).store
    if graph is not None:
        union = {(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, None)}
        triples = sorted(union, key=str)
        return {graph: serialize(_triples(triples), format=RdfFormat.N_TRIPLES) or b""}
    names: list[str | None] = [g.value for g in store.named_graphs()]
    if any(True for _ in store.quads_for_pattern(None, None, None, DefaultGraph())):
        names.append(None)
    bodies: dict[str | None, bytes] = {}
    for name in sorted(names, key=lambda n: n or ""):
        from pyoxigraph import NamedNode

        target = DefaultGraph() if name is None else NamedNode(name)
        triples = [(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, target)]
        bodies[name] = serialize(_triples(triples), format=RdfFormat.N_TRIPLES) or b""
    return bodies


def _triples(triples: Iterable[tuple[Any, Any, Any]]) -> list[Any]:
    from pyoxigraph import Triple

    return [Triple(s, p, o) for s, p, o in triples]


def _exchange(request: urllib.request.Request, what: str, timeout: float, retries: int) -> bytes:
    """Send one request with a whole-exchange deadline and retries; the body of a 2xx answer."""

    def attempt(seconds_left: float) -> bytes:
        with (
            http_failures(what, timeout, f"{what}: refused", "cannot reach the store"),
            urllib.request.urlopen(request, timeout=max(seconds_left, 0.001)) as response,
        ):
            return read_body(response, seconds_left)

    return with_retries(timeout, retries, what, attempt)


def push(
    path: Path,
    store_url: str,
    graph: str | None = None,
    *,
    timeout: float = DEFAULT_PUSH_TIMEOUT,
    retries: int = DEFAULT_RETRIES,
    credentials: Credentials | None = None,
) -> PushReport:
    """PUT the graphs of an RDF file into a Graph Store and check the triple count of each on the server.

    With `graph`, all triples of the file go into that one named graph; without it, each named graph of the
    file replaces the graph of the same name (and default-graph triples replace the store's default graph).
    """
    from pyoxigraph import RdfFormat, parse

    where = redact(checked_url(store_url, "--store"))
    credentials = credentials or credentials_for(store_url)
    headers = {"User-Agent": USER_AGENT}
    if credentials is not None:
        headers["Authorization"] = credentials.header()
    counts: dict[str | None, int] = {}
    for name, body in _ntriples_by_graph(path, graph).items():
        url = graph_url(where, name)
        label = f"{where} graph <{name}>" if name else f"{where} default graph"
        put = urllib.request.Request(
            url, data=body, method="PUT", headers={**headers, "Content-Type": "application/n-triples"}
        )
        _exchange(put, f"PUT {label}", timeout, retries)
        get = urllib.request.Request(url, headers={**headers, "Accept": "application/n-triples"})
        answer = _exchange(get, f"GET {label}", timeout, retries)
        expected = body.count(b"\n")
        try:
            found = sum(1 for _ in parse(answer, format=RdfFormat.N_TRIPLES))
        except SyntaxError as error:
            raise EndpointError(f"GET {label}: the answer is not N-Triples: {error}") from None
        if found != expected:
            raise EndpointError(f"{label}: sent {expected} triples but the store holds {found}")
        counts[name] = found
    return PushReport(where, counts)
