"""Remote endpoints and graph stores: `oxigraph serve` started per test, and small misbehaving servers."""

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
from .servers import CuttingProxy, Flaky, Guarded, Trickle, running

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


def test_push_replaces_the_graph(oxigraph, seed_file: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    push(seed_file, oxigraph.store_url)
    small = tmp_path / "small.nt"
    small.write_text('<http://e.org/a> <http://e.org/p> "только это"@ru .\n', encoding="utf-8")
    assert push(small, oxigraph.store_url, ARTICLE).graphs == {ARTICLE: 1}
    result = query_endpoint(oxigraph.query_url, f"SELECT ?o WHERE {{ GRAPH <{ARTICLE}> {{ ?s ?p ?o }} }}")
    assert result.values("o") == ["только это"]


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


def test_a_push_broken_mid_upload_leaves_the_old_graph(oxigraph, seed_file: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    before = push(seed_file, oxigraph.store_url).graphs[ARTICLE]
    other = tmp_path / "other.nt"
    other.write_text("".join(f'<http://e.org/s{i}> <http://e.org/p> "{i}" .\n' for i in range(20000)))
    host, port = oxigraph.url.removeprefix("http://").split(":")
    proxy = CuttingProxy((host, int(port)), cut_after=200_000)
    try:
        with pytest.raises(EndpointError, match="PUT"):
            push(other, f"http://127.0.0.1:{proxy.port}/store", ARTICLE, timeout=20, retries=1)
    finally:
        proxy.close()
    assert proxy.cuts >= 1
    count = query_endpoint(oxigraph.query_url, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{ARTICLE}> {{ ?s ?p ?o }} }}")
    assert count.values("n") == [str(before)]


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
