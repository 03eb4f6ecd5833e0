"""Remote endpoints and graph stores: `oxigraph serve` started per test, and small misbehaving servers."""

import base64
import os
import signal
import threading
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kgraph import __version__
from kgraph.errors import EndpointError
from kgraph.query import LocalStore, list_queries
from kgraph.query.params import parse_params
from kgraph.query.push import push
from kgraph.query.remote import query_endpoint

from .compare import assert_same
from .servers import ASK_TRUE, Answering, Endless, Flaky, Guarded, Redirecting, Trickle, running

ARTICLE = "https://w3id.org/kgraph/id/article/omsk-forum-2019-11-07"


@pytest.mark.slow
@pytest.mark.parametrize("name", [q.name for q in list_queries()])
def test_virtuoso_push_then_query(virtuoso, seed_file: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    local = LocalStore.from_files(seed_file)
    assert push(seed_file, virtuoso.store_url).graphs == {ARTICLE: len(local)}
    named = next(q for q in list_queries() if q.name == name)
    remote = query_endpoint(virtuoso.query_url, named.text, default_graphs=[ARTICLE], timeout=60)
    assert_same(remote, local.query(named.text))


def test_push_then_every_query_gives_the_local_answers(oxigraph, seed_file: Path) -> None:  # type: ignore[no-untyped-def]
    report = push(seed_file, oxigraph.store_url)
    local = LocalStore.from_files(seed_file)
    assert report.graphs == {ARTICLE: len(local)}
    for named in list_queries():
        assert_same(query_endpoint(oxigraph.query_url, named.text), local.query(named.text))


def test_construct_round_trip(oxigraph, seed_file: Path) -> None:  # type: ignore[no-untyped-def]
    push(seed_file, oxigraph.store_url)
    query = "CONSTRUCT WHERE { ?s ?p ?o }"
    remote = query_endpoint(oxigraph.query_url, query)
    local_graph = Graph()
    for s, p, o, _ in LocalStore.from_files(seed_file).store.quads_for_pattern(None, None, None, None):
        local_graph.parse(data=f"{s} {p} {o} .", format="nt")
    assert isomorphic(Graph().parse(data=remote.ntriples, format="nt"), local_graph)


def test_parameters_are_bound_remotely_too(oxigraph, seed_file: Path) -> None:  # type: ignore[no-untyped-def]
    push(seed_file, oxigraph.store_url)
    text = "SELECT ?person ?label WHERE { ?person a schema:Person ; rdfs:label ?label }"
    local = LocalStore.from_files(seed_file)
    first = local.query(text).bindings[0]["label"]
    params = parse_params([f'label="{first["value"]}"@{first["xml:lang"]}'])
    remote = query_endpoint(oxigraph.query_url, text, params)
    assert_same(remote, local.query(text, params))
    assert remote.values("label") and set(remote.values("label")) == {first["value"]}


def test_a_bad_query_shows_the_server_message(oxigraph) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(EndpointError, match=r"HTTP 400: .*1:26"):
        query_endpoint(oxigraph.query_url, "SELECT ?s WHERE { ?s ?p }")


def test_a_server_killed_mid_query_is_a_clear_error(oxigraph, seed_file: Path) -> None:  # type: ignore[no-untyped-def]
    push(seed_file, oxigraph.store_url)
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    killer = threading.Timer(0.5, os.kill, (oxigraph.process.pid, signal.SIGKILL))
    killer.start()
    try:
        with pytest.raises(EndpointError, match=r"cannot reach|connection failed"):
            query_endpoint(oxigraph.query_url, runaway, timeout=15, retries=2)
    finally:
        killer.cancel()
    assert oxigraph.process.wait(timeout=5) == -signal.SIGKILL


def test_an_answer_that_trickles_hits_the_timeout() -> None:
    with running(Trickle) as server, pytest.raises(EndpointError, match="no complete answer within 1 s"):
        query_endpoint(server.url, "ASK { ?s ?p ?o }", timeout=1)
    assert len(server.seen) == 1


def test_connection_refused_is_retried_then_reported() -> None:
    from .conftest import free_port

    with pytest.raises(EndpointError, match="cannot reach the endpoint"):
        query_endpoint(f"http://127.0.0.1:{free_port()}/sparql", "ASK {}", timeout=10, retries=2)


def test_5xx_is_retried_with_backoff() -> None:
    with running(Flaky, failures=2) as server:
        assert query_endpoint(server.url, "ASK { ?s ?p ?o }", timeout=10).boolean is True
    assert len(server.seen) == 3
    with running(Flaky, failures=10) as server, pytest.raises(EndpointError, match="503: busy"):
        query_endpoint(server.url, "ASK { ?s ?p ?o }", timeout=10, retries=1)
    assert len(server.seen) == 2


def test_user_agent_and_credentials(monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("KGRAPH_ENDPOINT_USER", raising=False)
    monkeypatch.delenv("KGRAPH_ENDPOINT_PASSWORD", raising=False)
    monkeypatch.setenv("NETRC", str(tmp_path / "absent"))
    with running(Guarded, user="reader", password="s3cret-Пароль") as server:
        with pytest.raises(EndpointError, match="HTTP 401 \\(check the credentials\\)") as refused:
            query_endpoint(server.url, "ASK { ?s ?p ?o }", timeout=10)
        assert "s3cret" not in str(refused.value)
        monkeypatch.setenv("KGRAPH_ENDPOINT_USER", "reader")
        monkeypatch.setenv("KGRAPH_ENDPOINT_PASSWORD", "wrong-password")
        with pytest.raises(EndpointError, match="HTTP 401") as refused:
            query_endpoint(server.url, "ASK { ?s ?p ?o }", timeout=10)
        assert "wrong-password" not in str(refused.value)
        monkeypatch.setenv("KGRAPH_ENDPOINT_PASSWORD", "s3cret-Пароль")
        assert query_endpoint(server.url, "ASK { ?s ?p ?o }", timeout=10).boolean is True
        monkeypatch.delenv("KGRAPH_ENDPOINT_USER")
        netrc = tmp_path / "netrc"
        netrc.write_text("machine 127.0.0.1 login reader password s3cret-Пароль\n", encoding="utf-8")
        netrc.chmod(0o600)
        monkeypatch.setenv("NETRC", str(netrc))
        assert query_endpoint(server.url, "ASK { ?s ?p ?o }", timeout=10).boolean is True
    assert {seen["User-Agent"] for seen in server.seen} == {f"kgraph/{__version__}"}


def test_an_endpoint_url_with_cyrillic_letters_is_sent_percent_encoded() -> None:
    # urllib refused the URL with UnicodeEncodeError, reported as a kgraph defect
    with running(Answering, body=ASK_TRUE) as server:
        url = server.url.replace("/sparql", "/спарк?набор=новости")
        assert query_endpoint(url, "ASK { ?s ?p ?o }", timeout=10).boolean is True
    assert server.requests == [
        "POST /%D1%81%D0%BF%D0%B0%D1%80%D0%BA?%D0%BD%D0%B0%D0%B1%D0%BE%D1%80=%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8"
    ]


def test_an_answer_larger_than_the_cap_is_refused_while_it_is_read() -> None:
    with running(Endless, chunk=b" " * 65536) as server:
        with pytest.raises(EndpointError, match=r"answer is larger than 1 MiB"):
            query_endpoint(server.url, "ASK { ?s ?p ?o }", timeout=30, max_answer_bytes=1 << 20)
        assert server.sent < 64 << 20


def test_an_answer_that_declares_more_than_the_cap_is_refused_before_it_is_read() -> None:
    with running(Trickle, length=300 << 20) as server, pytest.raises(EndpointError, match="larger than 256 MiB"):
        query_endpoint(server.url, "ASK { ?s ?p ?o }", timeout=30)
    assert len(server.seen) == 1


def redirect_credentials(monkeypatch, tmp_path: Path) -> str:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("KGRAPH_ENDPOINT_USER", "reader")
    monkeypatch.setenv("KGRAPH_ENDPOINT_PASSWORD", "s3cret")
    monkeypatch.setenv("NETRC", str(tmp_path / "absent"))
    return "Basic " + base64.b64encode(b"reader:s3cret").decode()


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_credentials_never_follow_a_redirect_to_another_origin(monkeypatch, tmp_path: Path, status: int) -> None:  # type: ignore[no-untyped-def]
    sent = redirect_credentials(monkeypatch, tmp_path)
    with running(Answering, body=ASK_TRUE) as other, running(Redirecting, status=status, to=other.url) as first:
        assert query_endpoint(first.url, "ASK { ?s ?p ?o }", timeout=10).boolean is True
    assert [seen.get("Authorization") for seen in first.seen] == [sent]
    assert len(other.seen) == 1 and "Authorization" not in other.seen[0]


def test_credentials_follow_a_redirect_within_the_origin(monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sent = redirect_credentials(monkeypatch, tmp_path)
    with running(Redirecting, status=307, to="/elsewhere") as server:
        assert query_endpoint(server.url, "ASK { ?s ?p ?o }", timeout=10).boolean is True
    assert server.requests == ["POST /sparql", "POST /elsewhere"]
    assert [seen.get("Authorization") for seen in server.seen] == [sent, sent]


def test_a_redirect_to_another_scheme_is_refused() -> None:
    with running(Redirecting, status=302, to="ftp://127.0.0.1/results.json") as server:
        with pytest.raises(EndpointError, match="not an http"):
            query_endpoint(server.url, "ASK { ?s ?p ?o }", timeout=10)
        assert len(server.seen) == 1


def rows(bindings: str) -> bytes:
    """A SELECT answer with the variable ?s and these bindings (JSON text)."""
    return f'{{"head": {{"vars": ["s"]}}, "results": {{"bindings": {bindings}}}}}'.encode()


MALFORMED = {
    "a list": b"[]",
    "a string": b'"results"',
    "no head": b'{"results": {"bindings": []}}',
    "no results": b'{"head": {"vars": ["s"]}}',
    "vars not a list": b'{"head": {"vars": "s"}, "results": {"bindings": []}}',
    "bindings not a list": rows('{"s": 1}'),
    "a row not an object": rows('[["s"]]'),
    "a term without type": rows('[{"s": {"value": "x"}}]'),
    "a term without value": rows('[{"s": {"type": "uri"}}]'),
    "a value not a string": rows('[{"s": {"type": "uri", "value": 1}}]'),
    "an unknown term type": rows('[{"s": {"type": "x", "value": "x"}}]'),
    "a language not a string": rows('[{"s": {"type": "literal", "value": "x", "xml:lang": ["ru"]}}]'),
    "an unlisted variable": rows('[{"o": {"type": "uri", "value": "x"}}]'),
    "a boolean not a boolean": b'{"head": {}, "boolean": "yes"}',
    "5,000 levels deep": b"[" * 5000 + b"]" * 5000,
    "not UTF-8": b'{"head": {}, "boolean": true, "x": "\xff"}',
}


@pytest.mark.parametrize("body", MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_json_results_are_an_endpoint_error(body: bytes) -> None:
    query = "ASK { ?s ?p ?o }" if b"boolean" in body else "SELECT * WHERE { ?s ?p ?o }"
    with running(Answering, body=body) as server, pytest.raises(EndpointError, match="SPARQL JSON results"):
        query_endpoint(server.url, query, timeout=10)


def test_a_malformed_answer_exits_2_with_one_line() -> None:
    from click.testing import CliRunner

    from kgraph.cli import main

    with running(Answering, body=MALFORMED["5,000 levels deep"]) as server:
        result = CliRunner().invoke(main, ["query", "SELECT * WHERE { ?s ?p ?o }", "--endpoint", server.url])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1


def test_a_graph_answer_with_xml_entities_is_refused() -> None:
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE rdf:RDF [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:p="http://e.org/">'
        b'<rdf:Description rdf:about="http://e.org/a"><p:p>&b;</p:p></rdf:Description></rdf:RDF>'
    )
    answering = running(Answering, body=laughs, media="application/rdf+xml")
    with answering as server, pytest.raises(EndpointError, match="entit"):
        query_endpoint(server.url, "CONSTRUCT WHERE { ?s ?p ?o }", timeout=10)
