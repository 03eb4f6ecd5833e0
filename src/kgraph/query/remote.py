"""Queries to any SPARQL 1.1 Protocol endpoint through SPARQLWrapper, with LocalStore's result type.

Parameters are bound with a trailing VALUES block whose terms pyoxigraph serialises, so a value is always
exactly one RDF term. Our prefixes are declared for a query that uses them without declaring them.

>>> print(with_prefixes("SELECT * WHERE { ?s a kg:Event }"))
PREFIX kg: <https://w3id.org/kgraph/ontology#>
SELECT * WHERE { ?s a kg:Event }
"""

import ast
import json
import math
import re
from collections.abc import Sequence

from ..errors import EndpointError
from ..namespaces import PREFIXES
from .params import Params, check_params, values_clause
from .results import QueryResult
from .transport import (
    DEFAULT_RETRIES,
    DEFAULT_TIMEOUT,
    USER_AGENT,
    Credentials,
    checked_url,
    credentials_for,
    http_failures,
    read_body,
    redact,
    refusal,
    with_retries,
)

_SELECT_ACCEPT = "application/sparql-results+json"
_GRAPH_ACCEPT = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5"
_GRAPH_MEDIA = {
    "application/n-triples": "N_TRIPLES",
    "text/plain": "N_TRIPLES",
    "text/turtle": "TURTLE",
    "application/x-turtle": "TURTLE",
    "application/rdf+xml": "RDF_XML",
}


def with_prefixes(text: str) -> str:
    """The query with PREFIX declarations added for each of our prefixes it uses but does not declare."""
    body = re.sub(r"#[^\n]*", "", text)
    body = re.sub(r'"(?:[^"\\\n]|\\.)*"|<[^<>"{}|^`\\\s]*>', "", body)
    declared = {m.group(1) for m in re.finditer(r"(?i)\bPREFIX\s+([A-Za-z][\w.-]*)?:", text)}
    used = {m.group(1) for m in re.finditer(r"(?<![\w?$])([A-Za-z][\w.-]*):[\w]", body)}
    missing = [p for p in PREFIXES if p in used and p not in declared]
    return "".join(f"PREFIX {p}: <{PREFIXES[p]}>\n" for p in missing) + text


def _response_bytes(error: Exception) -> bytes:
    """The body SPARQLWrapper keeps in its exception's message (it has no attribute for it)."""
    _, _, tail = str(error).partition("Response:\n")
    try:
        value = ast.literal_eval(tail.strip())
    except (ValueError, SyntaxError):
        return tail.encode()
    return value if isinstance(value, bytes) else str(value).encode()


def _status_of(error: Exception) -> int | None:
    from SPARQLWrapper.SPARQLExceptions import (
        EndPointInternalError,
        EndPointNotFound,
        QueryBadFormed,
        Unauthorized,
        URITooLong,
    )

    codes = {
        QueryBadFormed: 400,
        Unauthorized: 401,
        EndPointNotFound: 404,
        URITooLong: 414,
        EndPointInternalError: 500,
    }
    return next((code for kind, code in codes.items() if isinstance(error, kind)), None)


def _binding(term: dict[str, str]) -> dict[str, str]:
    """A W3C JSON term, with the pre-standard 'typed-literal' and explicit xsd:string normalised away."""
    bound = dict(term)
    if bound.get("type") == "typed-literal":
        bound["type"] = "literal"
    if bound.get("datatype") == "http://www.w3.org/2001/XMLSchema#string":
        del bound["datatype"]
    return bound


def _parse(kind: str, media: str, body: bytes, where: str) -> QueryResult:
    if kind in {"SELECT", "ASK"}:
        try:
            document = json.loads(body)
        except ValueError:
            raise EndpointError(f"{where} did not answer with SPARQL JSON results ({media})") from None
        if "boolean" in document:
            return QueryResult("ask", boolean=bool(document["boolean"]))
        rows = [{name: _binding(term) for name, term in row.items()} for row in document["results"]["bindings"]]
        return QueryResult("select", list(document["head"].get("vars", [])), rows)
    from pyoxigraph import RdfFormat, parse

    fmt = _GRAPH_MEDIA.get(media)
    if fmt is None:
        raise EndpointError(f"{where} answered a {kind} query with {media!r}, not an RDF format kgraph reads")
    try:
        triples = {f"{t.subject} {t.predicate} {t.object} .\n" for t in parse(body, format=getattr(RdfFormat, fmt))}
    except SyntaxError as error:
        raise EndpointError(f"{where} sent {media} that does not parse: {error}") from None
    return QueryResult("graph", ntriples="".join(sorted(triples)))


def query_endpoint(
    url: str,
    text: str,
    params: Params | None = None,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    retries: int = DEFAULT_RETRIES,
    credentials: Credentials | None = None,
    default_graphs: Sequence[str] = (),
) -> QueryResult:
    """Run a query on a remote endpoint; EndpointError on failure, quoting the server's message on 4xx.

    `timeout` bounds the whole exchange, retries included. Connection failures and 5xx answers are retried
    with backoff. Credentials default to `credentials_for(url)`. `default_graphs` become the protocol's
    default-graph-uri: the query's default graph is their merge (on Virtuoso the default is every graph,
    system graphs included).
    """
    from SPARQLWrapper import POST, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

    params = params or {}
    check_params(text, params)
    where = redact(checked_url(url, "--endpoint"))
    credentials = credentials or credentials_for(url)
    client = SPARQLWrapper(where, agent=USER_AGENT)
    client.setMethod(POST)
    for graph in default_graphs:
        client.addDefaultGraph(graph)
    client.setOnlyConneg(True)  # the format/output parameters clash with Accept on Virtuoso
    client.setQuery(with_prefixes(text) + values_clause(params))
    kind = client.queryType
    if kind not in {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}:
        raise EndpointError(f"only SELECT, ASK, CONSTRUCT and DESCRIBE queries can be sent, not {kind}")
    client.addCustomHttpHeader("Accept", _SELECT_ACCEPT if kind in {"SELECT", "ASK"} else _GRAPH_ACCEPT)
    if credentials is not None:
        client.addCustomHttpHeader("Authorization", credentials.header())

    def attempt(seconds_left: float) -> QueryResult:
        client.setTimeout(max(1, math.ceil(seconds_left)))  # `within` holds the exact deadline
        with http_failures(where, timeout, f"{where} refused the query", "cannot reach the endpoint"):
            try:
                response = client.query().response
                media = (response.headers.get("Content-Type") or "").split(";")[0].strip().lower()
                body = read_body(response, seconds_left)
            except SPARQLWrapperException as error:
                raise refusal(_status_of(error) or 0, _response_bytes(error), f"{where} refused the query") from None
        return _parse(kind, media, body, where)

    try:
        return with_retries(timeout, retries, where, attempt)
    except EndpointError as error:
        if "within the timeout" in str(error):
            raise EndpointError(f"{where}: no complete answer within {timeout:g} s") from None
        raise
