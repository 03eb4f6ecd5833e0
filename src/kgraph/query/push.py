"""Load graphs into a triple store through the SPARQL 1.1 Graph Store HTTP Protocol, all or nothing, and check.

Push writes only the graphs the file names (and the default graph only when the file has default-graph
triples). One graph goes up in one PUT (replace semantics), which a store applies as one change. Several
graphs are staged first: each is PUT into a staging graph of its own (`urn:kgraph:staging:<uuid>:<n>`) and its
triples counted there; then ONE SPARQL Update request moves every staging graph onto its target
(`MOVE GRAPH <staging> TO GRAPH <target> ; …`), and the targets are counted. Until that request the targets
are untouched, so any failure before it leaves the store as it was (the staging graphs are deleted). Oxigraph
runs one update request as one transaction. Virtuoso 7 runs its operations one after another and does not undo
the earlier ones when a later one fails; a request that does not arrive whole changes nothing on either.

The move is never sent twice: a MOVE repeated after the first one ran would empty the targets (the staging
graphs are gone by then, and Virtuoso moves a missing graph as an empty one). When it fails, the staging graphs
are counted to learn whether it ran; they are deleted only when the store has answered (or never got the whole
request), since a move the store may still be running would find them gone.

>>> graph_url("http://127.0.0.1:7878/store", "https://w3id.org/kgraph/id/article/a")
'http://127.0.0.1:7878/store?graph=https%3A%2F%2Fw3id.org%2Fkgraph%2Fid%2Farticle%2Fa'
>>> graph_url("http://localhost:8890/sparql-graph-crud?x=1", None)
'http://localhost:8890/sparql-graph-crud?x=1&default'
"""

import re
import urllib.request
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

from ..errors import EndpointError, KGraphError, RDFInputError, UsageError
from .local import bulk_load_file
from .transport import (
    DEFAULT_RETRIES,
    USER_AGENT,
    Credentials,
    NoAnswer,
    Refused,
    checked_url,
    credentials_for,
    exchange,
    origin,
    redact,
)

DEFAULT_PUSH_TIMEOUT = 120.0
STAGING_PREFIX = "urn:kgraph:staging:"
_SMALL_ANSWER = 1 << 20  # a store's answer to PUT, DELETE or an update is a status line, not data
_UPDATE_ENDPOINTS = (
    (re.compile(r"/store$"), "/update"),  # Oxigraph
    (re.compile(r"/sparql-graph-crud(-auth)?$"), "/sparql"),  # Virtuoso
    (re.compile(r"/data$"), "/update"),  # Fuseki: /dataset/data
    (re.compile(r"/rdf-graphs/service$"), "/statements"),  # GraphDB and RDF4J: /repositories/R/…
)


@dataclass(frozen=True)
class PushReport:
    """Triples sent and found on the server, by graph IRI (None for the default graph), and the update endpoint
    that moved them into place (None when one PUT did)."""

    store: str
    graphs: dict[str | None, int]
    update: str | None = None

    @property
    def triples(self) -> int:
        """All triples pushed."""
        return sum(self.graphs.values())


@dataclass(frozen=True)
class _Graph:
    """One graph to push: its target (None: the default graph), its N-Triples and how many triples they are."""

    name: str | None
    body: bytes
    count: int

    @property
    def label(self) -> str:
        return f"graph <{self.name}>" if self.name is not None else "default graph"


def graph_url(store_url: str, graph: str | None) -> str:
    """The GSP URL of a named graph (`?graph=`) or of the default graph (`?default`)."""
    joiner = "&" if "?" in store_url else "?"
    if graph is None:
        return f"{store_url}{joiner}default"
    return f"{store_url}{joiner}graph={quote(graph, safe='')}"


def update_url_for(store_url: str) -> str | None:
    """The SPARQL Update endpoint beside a Graph Store endpoint, for the layouts kgraph knows; else None.

    >>> update_url_for("http://127.0.0.1:7878/store")
    'http://127.0.0.1:7878/update'
    >>> update_url_for("http://localhost:8890/sparql-graph-crud-auth")
    'http://localhost:8890/sparql'
    >>> update_url_for("http://localhost:3030/kg/data")
    'http://localhost:3030/kg/update'
    >>> update_url_for("http://localhost:7200/repositories/kg/rdf-graphs/service")
    'http://localhost:7200/repositories/kg/statements'
    >>> update_url_for("http://example.org/graphs") is None
    True
    """
    parts = urlsplit(store_url)
    for pattern, replacement in _UPDATE_ENDPOINTS:
        if pattern.search(parts.path):
            return urlunsplit(parts._replace(path=pattern.sub(replacement, parts.path), query="", fragment=""))
    return None


def _checked_graph(graph: str) -> str:
    from pyoxigraph import NamedNode

    try:
        return NamedNode(graph).value
    except ValueError as error:
        raise UsageError(f"--graph {graph!r}: not an absolute IRI ({error})") from None


def _graphs(path: Path, graph: str | None) -> list[_Graph]:
    """The graphs of an RDF file as N-Triples (named graphs by name, then the default graph if it has triples),
    or, with `graph`, the set of all its triples as that one graph. RDFInputError when it has no triples."""
    from pyoxigraph import BlankNode, DefaultGraph, NamedNode, RdfFormat, Store, Triple, serialize

    store = Store()
    bulk_load_file(store, path)
    names = sorted(store.named_graphs(), key=lambda g: g.value)
    unnamed = next((g for g in names if isinstance(g, BlankNode)), None)
    if graph is None and unnamed is not None:
        raise RDFInputError(f"{path}: the graph {unnamed} is named by a blank node; name it by an IRI, or use --graph")

    def as_graph(name: str | None, target: NamedNode | BlankNode | DefaultGraph | None) -> _Graph:
        triples = {Triple(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, target)}
        return _Graph(name, serialize(triples, format=RdfFormat.N_TRIPLES) or b"", len(triples))

    if graph is not None:
        graphs = [as_graph(graph, None)]
    else:
        graphs = [as_graph(g.value, g) for g in names]
        graphs.append(as_graph(None, DefaultGraph()))
    graphs = [g for g in graphs if g.count]
    if not graphs:
        raise RDFInputError(f"{path}: no triples to push")
    return graphs


class _Store:
    """The requests of one push: PUT, GET-count and DELETE on the Graph Store, POST on the update endpoint."""

    def __init__(
        self, url: str, credentials: Credentials | None, timeout: float, retries: int, unreachable: str
    ) -> None:
        self.url, self.timeout, self.retries, self.unreachable = url, timeout, retries, unreachable
        self.headers = {"User-Agent": USER_AGENT}
        if credentials is not None:
            self.headers["Authorization"] = credentials.header()

    def _send(self, request: urllib.request.Request, what: str, limit: int, retries: int | None = None) -> bytes:
        return exchange(
            request,
            what,
            timeout=self.timeout,
            retries=self.retries if retries is None else retries,
            limit=limit,
            unreachable=self.unreachable,
        ).body

    def put(self, name: str | None, body: bytes, label: str) -> None:
        headers = {**self.headers, "Content-Type": "application/n-triples"}
        request = urllib.request.Request(graph_url(self.url, name), data=body, method="PUT", headers=headers)
        self._send(request, f"PUT {self.url} {label}", _SMALL_ANSWER)

    def count(self, name: str | None, label: str, sent_bytes: int) -> int | None:
        """The triples of a graph on the store, None when it has no such graph (404).

        The answer is read up to 8 times the bytes sent (plus 1 MiB): the same triples, escaped otherwise."""
        from pyoxigraph import RdfFormat, parse

        what = f"GET {self.url} {label}"
        request = urllib.request.Request(
            graph_url(self.url, name), headers={**self.headers, "Accept": "application/n-triples"}
        )
        try:
            answer = self._send(request, what, 8 * sent_bytes + (1 << 20))
        except Refused as error:
            if error.status == 404:
                return None
            raise
        try:
            return sum(1 for _ in parse(answer, format=RdfFormat.N_TRIPLES))
        except SyntaxError as error:
            raise EndpointError(f"{what}: the answer is not N-Triples: {error}") from None

    def delete(self, name: str) -> None:
        request = urllib.request.Request(graph_url(self.url, name), method="DELETE", headers=self.headers)
        try:
            self._send(request, f"DELETE {self.url} graph <{name}>", _SMALL_ANSWER)
        except Refused as error:
            if error.status != 404:  # already gone is what we want
                raise

    def update(self, text: str) -> None:
        """POST one SPARQL Update request, once: repeating a MOVE that ran would empty its target."""
        headers = {**self.headers, "Content-Type": "application/sparql-update"}
        request = urllib.request.Request(self.url, data=text.encode("utf-8"), method="POST", headers=headers)
        self._send(request, f"POST {self.url}", _SMALL_ANSWER, retries=0)


def push(
    path: Path,
    store_url: str,
    graph: str | None = None,
    *,
    update_url: str | None = None,
    timeout: float = DEFAULT_PUSH_TIMEOUT,
    retries: int = DEFAULT_RETRIES,
    credentials: Credentials | None = None,
) -> PushReport:
    """Replace graphs of a Graph Store with those of an RDF file, all or nothing, and check their triple counts.

    With `graph`, all triples of the file go into that one named graph; without it, each named graph of the
    file replaces the graph of the same name, and default-graph triples (only if the file has some) replace the
    store's default graph. Several graphs are staged, then moved in one request to `update_url` (by default the
    update endpoint of a store layout kgraph knows: see `update_url_for`). Credentials (default
    `credentials_for(store_url)`) go to the update endpoint only on the store's origin; on another, only those
    its own URL or netrc gives. Nothing is sent when the file has no triples or `graph` is not an IRI.
    """
    where = redact(checked_url(store_url, "--store"))
    if graph is not None:
        graph = _checked_graph(graph)
    if update_url is not None:
        update_url = checked_url(update_url, "--update")
    graphs = _graphs(path, graph)
    credentials = credentials or credentials_for(store_url)
    store = _Store(where, credentials, timeout, retries, "cannot reach the store")
    if len(graphs) == 1:
        (one,) = graphs
        store.put(one.name, one.body, one.label)
        _check(store, one)
        return PushReport(where, {one.name: one.count})
    target = redact(update_url) if update_url is not None else update_url_for(where)
    if target is None:
        raise UsageError(
            f"--store {where}: kgraph knows no SPARQL Update endpoint for this store, and pushing "
            f"{len(graphs)} graphs at once needs one: give --update URL"
        )
    if origin(target) == origin(where):
        update_credentials = credentials
    else:  # the store's credentials stay on its origin
        update_credentials = credentials_for(update_url or target, environment=False)
    # the move rewrites every graph: it gets the time of an upload for each (Oxigraph moves slower than a PUT)
    mover = _Store(target, update_credentials, timeout * len(graphs), retries, "cannot reach the update endpoint")
    staging = _stage(store, graphs)
    _move(store, mover, graphs, staging)
    for each in graphs:
        _check(store, each)
    return PushReport(where, {each.name: each.count for each in graphs}, target)


def _check(store: _Store, graph: _Graph, name: str | None = None, label: str | None = None) -> None:
    """EndpointError unless the store's graph (by default the graph's target) holds the triples sent."""
    label = label or graph.label
    found = store.count(graph.name if name is None else name, label, len(graph.body))
    if found != graph.count:
        raise EndpointError(f"{store.url} {label}: sent {graph.count} triples but the store holds {found or 0}")


def _stage(store: _Store, graphs: Sequence[_Graph]) -> list[str]:
    """PUT every graph into a staging graph of its own and count it there; the staging graphs' names.

    On failure the staging graphs are deleted and the error says the targets are unchanged."""
    token = uuid.uuid4()
    staging: list[str] = []
    try:
        for number, graph in enumerate(graphs):
            name = f"{STAGING_PREFIX}{token}:{number}"
            label = f"staging graph <{name}> for {graph.label}"
            staging.append(name)
            try:
                store.put(name, graph.body, label)
            except Refused:
                staging.pop()  # refused: the store made no graph
                raise
            _check(store, graph, name, label)
    except KGraphError as error:
        raise EndpointError(f"{error}; the store's graphs are unchanged{_discard(store, staging)}") from None
    return staging


def _move(store: _Store, mover: _Store, graphs: Sequence[_Graph], staging: Sequence[str]) -> None:
    """Move every staging graph onto its target in one update request; when the request fails, learn from the
    staging graphs whether it ran, and raise unless it ran in full."""
    from pyoxigraph import NamedNode

    operations = [
        f"MOVE GRAPH {NamedNode(name)} TO {'DEFAULT' if graph.name is None else f'GRAPH {NamedNode(graph.name)}'}"
        for name, graph in zip(staging, graphs, strict=True)
    ]
    failure: KGraphError
    try:
        mover.update(" ;\n".join(operations))
        return
    except NoAnswer as error:
        failure, settled = error, False
    except KGraphError as error:  # the store answered, or the request never reached it whole
        failure, settled = error, True
    try:
        left = [store.count(s, f"staging graph <{s}>", len(g.body)) for s, g in zip(staging, graphs, strict=True)]
    except KGraphError as error:
        raise EndpointError(
            f"{failure}; cannot tell whether the graphs were moved ({error}); "
            f"staging graphs may remain: {', '.join(staging)}"
        ) from None
    left = [found or None for found in left]  # a store may answer an empty graph for one it does not have
    if all(found is None for found in left):
        return  # the update ran and only its answer was lost: the targets are counted next
    if all(found == graph.count for found, graph in zip(left, graphs, strict=True)):
        if settled:
            raise EndpointError(f"{failure}; the store's graphs are unchanged{_discard(store, staging)}")
        # deleting the staging graphs now could let a move still under way empty the targets (Virtuoso)
        raise EndpointError(
            f"{failure}; the store's graphs were unchanged when checked, but the store may still run the move, "
            f"so the staging graphs are left for it: {', '.join(staging)}"
        )
    moved = [graph.label for found, graph in zip(left, graphs, strict=True) if found is None]
    raise EndpointError(
        f"{failure}; the store applied only part of the update: {', '.join(moved)} replaced, "
        f"the others not; staging graphs left: {', '.join(s for s, f in zip(staging, left, strict=True) if f)}"
    )


def _discard(store: _Store, staging: Sequence[str]) -> str:
    """Delete the staging graphs (best effort); what became of them, as the end of a message."""
    failed: list[str] = []
    reason = ""
    for name in staging:
        try:
            store.delete(name)
        except KGraphError as error:
            failed.append(name)
            reason = str(error)
    if not failed:
        return ""
    return f"; could not delete the staging graph(s) {', '.join(f'<{n}>' for n in failed)} ({reason})"
