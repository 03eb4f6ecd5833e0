"""`kgraph serve`: a read-only SPARQL 1.1 Protocol endpoint, queried with SPARQLWrapper and plain HTTP."""

import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from SPARQLWrapper import CSV, JSON, POST, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kgraph.query import LocalStore, list_queries
from kgraph.query.serve import Limits, SparqlServer

from .compare import solutions


@pytest.fixture(scope="module")
def served(seed_file: Path) -> Iterator[SparqlServer]:
    server = SparqlServer(LocalStore.from_files(seed_file), "127.0.0.1", 0, limits=Limits(time=2.0, rows=1000))
    server.start()
    try:
        yield server
    finally:
        server.stop()


def request(
    url: str, data: bytes | None = None, headers: dict[str, str] | None = None, method: str | None = None
) -> tuple[int, str, bytes]:
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read()


@pytest.mark.parametrize("method", ["GET", POST])
def test_sparqlwrapper_gets_the_same_answers_as_local(served, seed_file, method) -> None:  # type: ignore[no-untyped-def]
    local = LocalStore.from_files(seed_file)
    for named in list_queries():
        local_result = local.query(named.text)
        if local_result.kind != "select":
            continue
        client = SPARQLWrapper(served.url)
        client.setMethod(method)
        client.setQuery(named.text)
        client.setReturnFormat(JSON)
        document = client.query().convert()
        from kgraph.query.results import QueryResult

        remote = QueryResult("select", document["head"]["vars"], document["results"]["bindings"])
        assert solutions(remote) == solutions(local_result), named.name


def test_content_negotiation(served) -> None:  # type: ignore[no-untyped-def]
    query = "SELECT ?s WHERE { ?s a schema:Person } LIMIT 3"
    client = SPARQLWrapper(served.url)
    client.setQuery(query)
    client.setReturnFormat(CSV)
    assert client.query().convert().decode().startswith("s\r\n")
    client.setReturnFormat(XML)
    assert client.query().convert().getElementsByTagName("result").length == 3
    client.setQuery("CONSTRUCT WHERE { ?s a schema:Person }")
    client.setReturnFormat(TURTLE)
    from rdflib import Graph

    graph = Graph().parse(data=client.query().convert(), format="turtle")
    assert len(graph) > 1
    status, media, body = request(
        served.url + "?query=SELECT%20%3Fs%20%7B%3Fs%20a%20schema%3APerson%7D%20LIMIT%201",
        headers={"Accept": "text/csv;q=0.5, text/tab-separated-values, */*;q=0.1"},
    )
    assert (status, media) == (200, "text/tab-separated-values; charset=utf-8")
    assert body.decode().splitlines()[0] == "?s"
    status, media, body = request(served.url + "?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D", headers={"Accept": "*/*"})
    assert (status, media) == (200, "application/sparql-results+json; charset=utf-8")
    assert json.loads(body) == {"head": {}, "boolean": True}


def test_update_is_refused_with_403(served) -> None:  # type: ignore[no-untyped-def]
    update = "INSERT DATA { <http://e.org/a> <http://e.org/p> 1 }"
    status, _, body = request(served.url, update.encode(), {"Content-Type": "application/sparql-update"})
    assert status == 403 and b"read-only" in body
    status, _, _ = request(
        served.url, f"update={update}".encode(), {"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert status == 403
    status, _, _ = request(
        served.url.replace("/sparql", "/store?default"),
        b"<a> <b> <c> .",
        {"Content-Type": "application/n-triples"},
        method="PUT",
    )
    assert status == 403
    client = SPARQLWrapper(served.url)
    client.setQuery("ASK { <http://e.org/a> ?p ?o }")
    client.setReturnFormat(JSON)
    assert client.query().convert()["boolean"] is False


def test_a_bad_query_shows_the_parser_message(served) -> None:  # type: ignore[no-untyped-def]
    client = SPARQLWrapper(served.url)
    client.setQuery("SELECT ?s WHERE { ?s ?p }")
    with pytest.raises(QueryBadFormed, match="error at 1:26"):
        client.query()


def test_a_runaway_query_is_stopped_by_the_time_limit(served) -> None:  # type: ignore[no-untyped-def]
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    status, _, body = request(served.url, runaway.encode(), {"Content-Type": "application/sparql-query"})
    assert status == 503
    assert b"time limit of 2 s" in body
    status, _, body = request(
        served.url + "?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D",
        headers={"Accept": "application/sparql-results+json"},
    )
    assert status == 200 and json.loads(body)["boolean"] is True


def test_a_result_over_the_limit_is_refused(served) -> None:  # type: ignore[no-untyped-def]
    status, _, body = request(served.url + "?query=SELECT%20*%20%7B%3Fs%20%3Fp%20%3Fo%7D")
    assert status == 400 and b"more than 1000 rows" in body


def test_the_page_at_root_is_offline_html(served) -> None:  # type: ignore[no-untyped-def]
    status, media, body = request(served.url.replace("/sparql", "/"))
    assert status == 200 and media.startswith("text/html")
    page = body.decode()
    assert "<textarea" in page and 'fetch("sparql"' in page
    assert "http://" not in page.replace("http://www.w3.org", "") and "https://" not in page
