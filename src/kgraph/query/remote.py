"""Queries to any SPARQL 1.1 Protocol endpoint, with LocalStore's result type.

The query goes as one POST (SPARQL Protocol, form-encoded) through `transport.exchange`: a deadline over the
whole exchange, retries, at most `max_answer_bytes` read, credentials kept on the endpoint's origin across
redirects. SPARQLWrapper tells the query's form. Answers are checked before use: JSON results must have the
W3C structure, and RDF/XML may not declare XML entities (pyoxigraph would expand them, however many).

Parameters are bound with a trailing VALUES block whose terms pyoxigraph serialises, so a value is always
exactly one RDF term. Our prefixes are declared for a query that uses them without declaring them.

>>> print(with_prefixes("SELECT * WHERE { ?s a kg:Event }"))
PREFIX kg: <https://w3id.org/kgraph/ontology#>
SELECT * WHERE { ?s a kg:Event }
"""

import json
import re
import urllib.request
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlencode

from ..errors import EndpointError
from ..namespaces import PREFIXES
from .params import Params, check_params, values_clause
from .results import Binding, QueryResult
from .transport import (
    DEFAULT_MAX_ANSWER_BYTES,
    DEFAULT_RETRIES,
    DEFAULT_TIMEOUT,
    USER_AGENT,
    Credentials,
    checked_url,
    credentials_for,
    exchange,
    redact,
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
_TERM_TYPES = {"uri", "literal", "bnode", "typed-literal"}
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.I)


def with_prefixes(text: str) -> str:
    """The query with PREFIX declarations added for each of our prefixes it uses but does not declare."""
    body = re.sub(r"#[^\n]*", "", text)
    body = re.sub(r'"(?:[^"\\\n]|\\.)*"|<[^<>"{}|^`\\\s]*>', "", body)
    declared = {m.group(1) for m in re.finditer(r"(?i)\bPREFIX\s+([A-Za-z][\w.-]*)?:", text)}
    used = {m.group(1) for m in re.finditer(r"(?<![\w?$])([A-Za-z][\w.-]*):[\w]", body)}
    missing = [p for p in PREFIXES if p in used and p not in declared]
    return "".join(f"PREFIX {p}: <{PREFIXES[p]}>\n" for p in missing) + text


class _Malformed(Exception):
    """What is wrong with a JSON results document."""


def _term(term: object, where: str) -> dict[str, str]:
    """A W3C JSON term, checked, with the pre-standard 'typed-literal' and explicit xsd:string normalised away."""
    if not isinstance(term, dict):
        raise _Malformed(f"{where} is not an object")
    kind, value = term.get("type"), term.get("value")
    if kind == "triple":
        raise _Malformed(f"{where} is a triple term, which kgraph cannot show")
    if kind not in _TERM_TYPES:
        raise _Malformed(f"{where} has type {kind!r}, not uri, literal or bnode")
    if not isinstance(value, str):
        raise _Malformed(f"{where} has no string value")
    bound = {"type": "literal" if kind == "typed-literal" else kind, "value": value}
    for key in ("xml:lang", "datatype"):
        if key in term:
            if not isinstance(term[key], str):
                raise _Malformed(f"{where}: {key} is not a string")
            if kind in {"literal", "typed-literal"}:
                bound[key] = term[key]
    if bound.get("datatype") == "http://www.w3.org/2001/XMLSchema#string":
        del bound["datatype"]
    return bound


def _results(document: Any) -> QueryResult:
    """The result a W3C SPARQL JSON results document holds; _Malformed says where it departs from the format."""
    if not isinstance(document, dict):
        raise _Malformed(f"the document is a JSON {type(document).__name__}, not an object")
    if "boolean" in document:
        if not isinstance(document["boolean"], bool):
            raise _Malformed(f"boolean is {document['boolean']!r}, not true or false")
        return QueryResult("ask", boolean=document["boolean"])
    head, results = document.get("head"), document.get("results")
    if not isinstance(head, dict) or not isinstance(results, dict):
        raise _Malformed("it needs a head and results (or a boolean)")
    variables = head.get("vars", [])
    if not isinstance(variables, list) or not all(isinstance(v, str) for v in variables):
        raise _Malformed("head.vars is not a list of names")
    bindings = results.get("bindings")
    if not isinstance(bindings, list):
        raise _Malformed("results.bindings is not a list")
    rows: list[Binding] = []
    for number, row in enumerate(bindings, 1):
        if not isinstance(row, dict):
            raise _Malformed(f"row {number} is not an object")
        unlisted = sorted(set(row) - set(variables))
        if unlisted:
            raise _Malformed(f"row {number} binds ?{unlisted[0]}, which head.vars does not list")
        rows.append({name: _term(term, f"row {number}, ?{name}") for name, term in row.items()})
    return QueryResult("select", list(variables), rows)


def _parse(kind: str, media: str, body: bytes, where: str) -> QueryResult:
    if kind in {"SELECT", "ASK"}:
        try:
            return _results(json.loads(body))
        except RecursionError:
            raise EndpointError(f"{where} sent malformed SPARQL JSON results: nested too deeply") from None
        except _Malformed as error:
            raise EndpointError(f"{where} sent malformed SPARQL JSON results: {error}") from None
        except ValueError:  # not JSON, or not UTF-8
            raise EndpointError(f"{where} did not answer with SPARQL JSON results ({media})") from None
    from pyoxigraph import RdfFormat, parse

    fmt = _GRAPH_MEDIA.get(media)
    if fmt is None:
        raise EndpointError(f"{where} answered a {kind} query with {media!r}, not an RDF format kgraph reads")
    if fmt == "RDF_XML" and _ENTITY_DECLARATION.search(body):
        raise EndpointError(f"{where} sent RDF/XML that declares XML entities, which kgraph does not expand")
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
    max_answer_bytes: int = DEFAULT_MAX_ANSWER_BYTES,
) -> QueryResult:
    """Run a query on a remote endpoint; EndpointError on failure, quoting the server's message on 4xx.

    `timeout` bounds the whole exchange, retries included. Connection failures and 5xx answers are retried
    with backoff. An answer longer than `max_answer_bytes` is refused as soon as it is known to be. Credentials
    default to `credentials_for(url)` and are not sent on after a redirect to another origin.
    `default_graphs` become the protocol's default-graph-uri: the query's default graph is their merge (on
    Virtuoso the default is every graph, system graphs included).
    """
    from SPARQLWrapper import SPARQLWrapper

    params = params or {}
    check_params(text, params)
    where = redact(checked_url(url, "--endpoint"))
    credentials = credentials or credentials_for(url)
    query = with_prefixes(text) + values_clause(params)
    classifier = SPARQLWrapper(where)
    classifier.setQuery(query)
    kind = classifier.queryType
    if kind not in {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}:
        raise EndpointError(f"only SELECT, ASK, CONSTRUCT and DESCRIBE queries can be sent, not {kind}")
    form = [("query", query), *(("default-graph-uri", graph) for graph in default_graphs)]
    headers = {
        "User-Agent": USER_AGENT,
        "Accept": _SELECT_ACCEPT if kind in {"SELECT", "ASK"} else _GRAPH_ACCEPT,
        "Content-Type": "application/x-www-form-urlencoded",
    }
    if credentials is not None:
        headers["Authorization"] = credentials.header()
    request = urllib.request.Request(where, data=urlencode(form).encode("ascii"), headers=headers, method="POST")
    answer = exchange(
        request,
        where,
        timeout=timeout,
        retries=retries,
        limit=max_answer_bytes,
        refused=f"{where} refused the query",
        unreachable="cannot reach the endpoint",
    )
    return _parse(kind, answer.media, answer.body, where)
