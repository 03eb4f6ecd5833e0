"""`kgraph push`: graphs staged, moved into place in one update, and left as they were on any failure.

Against real stores (`oxigraph serve`, and Virtuoso where marked slow), with proxies that break one request.
"""

import re
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner

from kgraph.cli.sparql import push as push_command
from kgraph.errors import EndpointError, UsageError
from kgraph.query.push import graph_url, push
from kgraph.query.remote import query_endpoint

from .conftest import free_port, stop, wait_until_answers
from .servers import Answering, CuttingProxy, Endless, Guarded, RequestCutter, running

ARTICLE = "https://w3id.org/kgraph/id/article/omsk-forum-2019-11-07"
KEPT = '<http://e.org/kept> <http://e.org/p> "the store\'s own default graph" .\n'


@dataclass
class Store:
    """A Graph Store URL and the SPARQL endpoint of the same server."""

    store_url: str
    query_url: str
    has_default_graph: bool

    def put(self, graph: str | None, ntriples: str) -> None:
        """Set a graph's content directly, without kgraph."""
        request = urllib.request.Request(
            graph_url(self.store_url, graph),
            data=ntriples.encode(),
            method="PUT",
            headers={"Content-Type": "application/n-triples"},
        )
        urllib.request.urlopen(request, timeout=30).close()

    def triples(self, graph: str | None) -> set[str]:
        """The triples of a graph as N-Triples lines (empty when the store has no such graph)."""
        from pyoxigraph import RdfFormat, parse

        request = urllib.request.Request(graph_url(self.store_url, graph), headers={"Accept": "application/n-triples"})
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                body = answer.read()
        except urllib.error.HTTPError as error:
            if error.code == 404:
                return set()
            raise
        return {f"{t} ." for t in parse(body, format=RdfFormat.N_TRIPLES)}

    def staging_graphs(self) -> list[str | None]:
        query = 'SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER STRSTARTS(STR(?g), "urn:kgraph:staging") }'
        return query_endpoint(self.query_url, query, timeout=30).values("g")


@pytest.fixture(params=["oxigraph", pytest.param("virtuoso", marks=pytest.mark.slow)])
def store(request: pytest.FixtureRequest) -> Store:
    """Each real store: a fresh Oxigraph, and the session's Virtuoso (tests use graph names of their own)."""
    server = request.getfixturevalue(request.param)
    return Store(server.store_url, server.query_url, has_default_graph=request.param == "oxigraph")


def ntriples(tag: str, count: int) -> str:
    """`count` triples whose subjects and objects are marked with `tag`."""
    return "".join(f'<http://e.org/{tag}/{i}> <http://e.org/p> "{tag} {i} — в графе" .\n' for i in range(count))


def graphs_file(folder: Path, graphs: dict[str, int], tag: str) -> Path:
    """A TriG file with `count` triples in each named graph."""
    path = folder / f"{tag}.trig"
    path.write_text("".join(f"GRAPH <{g}> {{\n{ntriples(tag, n)}}}\n" for g, n in graphs.items()), encoding="utf-8")
    return path


def fresh_graphs() -> tuple[str, str]:
    token = uuid.uuid4().hex[:8]
    return f"http://e.org/graph/{token}/one", f"http://e.org/graph/{token}/two"


def old_state(store: Store, first: str, second: str) -> dict[str | None, set[str]]:
    """Fill the two target graphs (and the store's default graph) and return what each holds."""
    store.put(first, ntriples("old-one", 3))
    store.put(second, ntriples("old-two", 4))
    graphs: list[str | None] = [first, second]
    if store.has_default_graph:
        store.put(None, KEPT)
        graphs.append(None)
    state = {name: store.triples(name) for name in graphs}
    assert all(state.values())
    return state


def through(proxy: RequestCutter, url: str) -> str:
    """`url` with the proxy's address in place of the server's."""
    return proxy.url + urlsplit(url).path


def test_a_push_of_several_graphs_keeps_the_stores_default_graph(oxigraph, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = Store(oxigraph.store_url, oxigraph.query_url, has_default_graph=True)
    store.put(None, KEPT)
    first, second = fresh_graphs()
    path = graphs_file(tmp_path, {first: 3, second: 5}, "new")
    assert push(path, store.store_url).graphs == {first: 3, second: 5}
    assert store.triples(None) == {KEPT.strip()}
    assert len(store.triples(first)) == 3 and len(store.triples(second)) == 5
    assert store.staging_graphs() == []


def failed_push(store: Store, path: Path, proxy: RequestCutter) -> str:
    """Push `path` through the proxy, which must break one request and make the push fail; the message."""
    try:
        with pytest.raises(EndpointError) as failed:
            push(path, through(proxy, store.store_url), timeout=30, retries=0)
    finally:
        proxy.close()
    assert proxy.cuts == 1
    return str(failed.value)


def test_a_push_cut_at_its_second_graph_leaves_every_graph_as_it_was(store: Store, tmp_path: Path) -> None:
    first, second = fresh_graphs()
    before = old_state(store, first, second)
    path = graphs_file(tmp_path, {first: 200, second: 300}, "new")
    message = failed_push(store, path, RequestCutter(store.store_url, "PUT", nth=2, cut_after=100))
    assert {name: store.triples(name) for name in before} == before
    assert store.staging_graphs() == []
    assert re.match(r"PUT .*: the connection failed.*; the store's graphs are unchanged", message)


def test_a_push_whose_move_is_cut_leaves_every_graph_as_it_was(store: Store, tmp_path: Path) -> None:
    first, second = fresh_graphs()
    before = old_state(store, first, second)
    path = graphs_file(tmp_path, {first: 20, second: 30}, "new")
    message = failed_push(store, path, RequestCutter(store.store_url, "POST", nth=1, cut_after=10))
    left = store.staging_graphs()
    try:
        assert {name: store.triples(name) for name in before} == before
        # the client cannot tell a cut request from a lost answer: the staging graphs stay for a move under way
        assert re.match(r"POST .*; the store's graphs were unchanged when checked, but .* may still", message)
        assert len(left) == 2 and all(str(name) in message for name in left)
    finally:
        for name in left:  # the Virtuoso of the session is shared by later tests
            request = urllib.request.Request(graph_url(store.store_url, name), method="DELETE")
            urllib.request.urlopen(request, timeout=30).close()


def test_a_refused_move_leaves_every_graph_as_it_was_and_no_staging_graph(oxigraph, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = Store(oxigraph.store_url, oxigraph.query_url, has_default_graph=True)
    first, second = fresh_graphs()
    before = old_state(store, first, second)
    path = graphs_file(tmp_path, {first: 20, second: 30}, "new")
    with pytest.raises(EndpointError, match=r"HTTP 415: .*; the store's graphs are unchanged$"):
        push(path, store.store_url, update_url=oxigraph.query_url, timeout=30)
    assert {name: store.triples(name) for name in before} == before
    assert store.staging_graphs() == []


@pytest.mark.slow
def test_virtuoso_refuses_a_move_to_its_default_graph_and_changes_nothing(virtuoso, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = Store(virtuoso.store_url, virtuoso.query_url, has_default_graph=False)
    first, second = fresh_graphs()
    before = old_state(store, first, second)
    path = graphs_file(tmp_path, {first: 2, second: 3}, "new")
    with path.open("a", encoding="utf-8") as trig:
        trig.write(ntriples("default", 1))
    with pytest.raises(EndpointError, match=r"MOVE\.\.\.DEFAULT .*; the store's graphs are unchanged$"):
        push(path, store.store_url, timeout=60)
    assert {name: store.triples(name) for name in before} == before
    assert store.staging_graphs() == []


def test_a_push_whose_move_answer_is_lost_finds_the_graphs_moved(store: Store, tmp_path: Path) -> None:
    first, second = fresh_graphs()
    before = old_state(store, first, second)
    path = graphs_file(tmp_path, {first: 20, second: 30}, "new")
    proxy = RequestCutter(store.store_url, "POST", nth=1, cut_after=None)
    try:
        report = push(path, through(proxy, store.store_url), timeout=30, retries=0)
    finally:
        proxy.close()
    assert proxy.cuts == 1 and report.graphs == {first: 20, second: 30}
    assert len(store.triples(first)) == 20 and len(store.triples(second)) == 30
    if store.has_default_graph:
        assert store.triples(None) == before[None]
    assert store.staging_graphs() == []


def test_a_push_of_several_graphs_to_an_unknown_layout_asks_for_update(tmp_path: Path) -> None:
    first, second = fresh_graphs()
    path = graphs_file(tmp_path, {first: 1, second: 1}, "new")
    with running(Answering, body=b"") as server, pytest.raises(UsageError, match="give --update"):
        push(path, server.url.replace("/sparql", "/gsp"), timeout=10)
    assert server.requests == []


def test_update_is_used_and_gets_credentials_only_on_the_stores_origin(oxigraph, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("KGRAPH_ENDPOINT_USER", "writer")
    monkeypatch.setenv("KGRAPH_ENDPOINT_PASSWORD", "s3cret")
    monkeypatch.setenv("NETRC", str(tmp_path / "absent"))
    first, second = fresh_graphs()
    path = graphs_file(tmp_path, {first: 2, second: 3}, "new")
    to_store = RequestCutter(oxigraph.store_url, "none", nth=0, cut_after=None)
    to_update = RequestCutter(oxigraph.update_url, "none", nth=0, cut_after=None)
    try:
        push(path, through(to_store, oxigraph.store_url), update_url=through(to_update, oxigraph.update_url))
    finally:
        to_store.close()
        to_update.close()
    assert [r.split()[0] for r in to_update.requests] == ["POST"]
    assert [r.split()[0] for r in to_store.requests].count("PUT") == 2
    assert all(h["Authorization"].startswith("Basic ") for h in to_store.headers)
    assert "Authorization" not in to_update.headers[0]
    assert len(Store(oxigraph.store_url, oxigraph.query_url, True).triples(second)) == 3


@pytest.mark.parametrize(
    ("content", "options"),
    [
        ('<http://e.org/a> <http://e.org/p> "x" .\n', ["--graph", ""]),
        ('<http://e.org/a> <http://e.org/p> "x" .\n', ["--graph", "relative/name"]),
        ("", []),
        ("# only a comment\n", []),
        ("", ["--graph", ARTICLE]),
    ],
    ids=["empty --graph", "relative --graph", "empty file", "no triples", "empty file into --graph"],
)
def test_an_empty_graph_name_or_input_is_refused_and_nothing_is_sent(
    tmp_path: Path, content: str, options: list[str]
) -> None:
    path = tmp_path / "input.nt"
    path.write_text(content, encoding="utf-8")
    with running(Answering, body=b"") as server:
        result = CliRunner().invoke(push_command, [str(path), "--store", server.url, *options, "--timeout", "5"])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1
    assert server.requests == []


@pytest.fixture
def read_only_oxigraph(tmp_path: Path) -> Iterator[str]:
    """`oxigraph serve-read-only` on an empty store; its Graph Store URL."""
    from pyoxigraph import Store as Folder

    Folder(str(tmp_path / "store")).flush()
    binary = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    assert binary is not None
    port = free_port()
    address = f"127.0.0.1:{port}"
    command = [binary, "serve-read-only", "--location", str(tmp_path / "store"), "--bind", address]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_answers(f"http://{address}/query?query=ASK%7B%7D", process, 30)
        yield f"http://{address}/store"
    finally:
        stop(process)


def test_a_read_only_store_is_not_a_credentials_problem(read_only_oxigraph: str, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("KGRAPH_ENDPOINT_USER", raising=False)
    monkeypatch.setenv("NETRC", str(tmp_path / "absent"))
    path = tmp_path / "one.nt"
    path.write_text('<http://e.org/a> <http://e.org/p> "x" .\n', encoding="utf-8")
    with pytest.raises(EndpointError, match="HTTP 403: The server is read-only") as refused:
        push(path, read_only_oxigraph, ARTICLE, timeout=10)
    assert "credentials" not in str(refused.value)


def test_a_403_to_credentials_suggests_checking_them(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NETRC", str(tmp_path / "absent"))
    path = tmp_path / "one.nt"
    path.write_text('<http://e.org/a> <http://e.org/p> "x" .\n', encoding="utf-8")
    with running(Answering, body=b"not for you", status=403, media="text/plain") as server:
        monkeypatch.delenv("KGRAPH_ENDPOINT_USER", raising=False)
        with pytest.raises(EndpointError, match=r"HTTP 403: not for you") as refused:
            push(path, server.url, ARTICLE, timeout=10)
        assert "credentials" not in str(refused.value)
        monkeypatch.setenv("KGRAPH_ENDPOINT_USER", "writer")
        monkeypatch.setenv("KGRAPH_ENDPOINT_PASSWORD", "wrong")
        with pytest.raises(EndpointError, match=r"HTTP 403 \(check the credentials\): not for you"):
            push(path, server.url, ARTICLE, timeout=10)
    guarded = running(Guarded, user="writer", password="right")
    with guarded as server, pytest.raises(EndpointError, match=r"HTTP 401 \(check the credentials\)"):
        push(path, server.url, ARTICLE, timeout=10)


def test_a_stores_answer_larger_than_the_graph_sent_is_refused_while_read(tmp_path: Path) -> None:
    path = tmp_path / "one.nt"
    path.write_text('<http://e.org/a> <http://e.org/p> "x" .\n', encoding="utf-8")
    chunk = b'<http://e.org/a> <http://e.org/p> "x" .\n' * 1000
    with running(Endless, chunk=chunk, media="application/n-triples") as server:
        with pytest.raises(EndpointError, match=r"GET .* larger than"):
            push(path, server.url, ARTICLE, timeout=30, retries=0)
        assert server.sent < 64 << 20


def test_push_replaces_the_graph(oxigraph, seed_file: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    push(seed_file, oxigraph.store_url)
    small = tmp_path / "small.nt"
    small.write_text('<http://e.org/a> <http://e.org/p> "только это"@ru .\n', encoding="utf-8")
    assert push(small, oxigraph.store_url, ARTICLE).graphs == {ARTICLE: 1}
    result = query_endpoint(oxigraph.query_url, f"SELECT ?o WHERE {{ GRAPH <{ARTICLE}> {{ ?s ?p ?o }} }}")
    assert result.values("o") == ["только это"]


def test_a_one_graph_push_broken_mid_upload_leaves_the_old_graph(oxigraph, seed_file: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
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
