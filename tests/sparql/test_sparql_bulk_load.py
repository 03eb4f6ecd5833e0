"""Shards from `kgraph export --shards` loaded into a real Virtuoso by the load.sql they come with (`ld_dir`,
`rdf_loader_run`), then read back through SPARQL, triple for triple."""

import json
import re
import subprocess
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from pyoxigraph import Store

from kgraph.corpus import OXIGRAPH, build_store
from kgraph.shards import write_shards

ARTICLES = {
    "bulk-omsk.md": "# Омск\n\nВ Омске прошёл форум.\n",
    "bulk-tomsk.md": "# Томск\n\nВ Томске открыли новый мост через реку Томь.\n",
    "bulk-nsk.md": "# Новосибирск\n\nМэр Новосибирска Анатолий Локоть провёл совещание.\n",
}


def _select(query_url: str, query: str) -> list[dict[str, dict[str, str]]]:
    """The bindings of a SELECT query, as SPARQL JSON results."""
    request = urllib.request.Request(
        f"{query_url}?{urllib.parse.urlencode({'query': query})}",
        headers={"Accept": "application/sparql-results+json"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        bindings: list[dict[str, dict[str, str]]] = json.load(response)["results"]["bindings"]
        return bindings


def _term(binding: dict[str, str]) -> str:
    """A SPARQL JSON term in the form pyoxigraph prints it (N-Triples), blank nodes aside."""
    if binding["type"] == "uri":
        return f"<{binding['value']}>"
    value = binding["value"].replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    if "xml:lang" in binding:
        return f'"{value}"@{binding["xml:lang"]}'
    datatype = binding.get("datatype", "http://www.w3.org/2001/XMLSchema#string")
    return f'"{value}"' if datatype.endswith("#string") else f'"{value}"^^<{datatype}>'


def _isql(virtuoso, *arguments: str) -> str:  # type: ignore[no-untyped-def]
    done = subprocess.run(virtuoso.isql_command(*arguments), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "*** Error" not in done.stdout + done.stderr, done.stdout + done.stderr
    return done.stdout


@pytest.mark.slow
def test_load_sql_bulk_loads_every_named_graph_triple_for_triple(virtuoso, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert not build_store([tmp_path], tmp_path / "store").failed
    folder = virtuoso.bulk_folder / "shards"
    done = write_shards(tmp_path / "store", folder, shard_size=100)
    assert len(done.shards) >= 2

    output = _isql(virtuoso, str(done.load_script))
    assert f"ok: {len(done.shards)} of {len(done.shards)} shards loaded" in output

    store = Store.read_only(str(tmp_path / "store" / OXIGRAPH))
    graphs = sorted(store.named_graphs(), key=lambda graph: graph.value)
    assert len(graphs) == done.graphs == len(ARTICLES)
    for graph in graphs:
        expected = {f"{q.subject} {q.predicate} {q.object}" for q in store.quads_for_pattern(None, None, None, graph)}
        rows = _select(virtuoso.query_url, f"SELECT ?s ?p ?o WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}")
        loaded = {" ".join(_term(row[name]) for name in ("s", "p", "o")) for row in rows}
        assert len(rows) == len(expected), graph
        assert loaded == expected, (graph, sorted(loaded ^ expected)[:6])

    listed = _isql(
        virtuoso,
        "exec=SELECT COUNT(*), SUM(CASE WHEN ll_state = 2 AND ll_error IS NULL THEN 1 ELSE 0 END) "
        f"FROM DB.DBA.LOAD_LIST WHERE ll_file LIKE '{folder}/%';",
    )
    row = re.search(r"_{20,}\s+(\d+)\s+(\d+)\s", listed)
    assert row is not None, listed
    assert row.groups() == (str(len(done.shards)),) * 2  # every shard listed, every one loaded without error


@pytest.mark.slow
def test_load_sql_runs_again_after_a_new_export_and_the_counts_stay(virtuoso, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "g.trig"
    source.write_text(
        "<https://w3id.org/kgraph/test/bulk-again> { "
        + " ".join(f'<http://e.org/s{i}> <http://e.org/p> "значение {i}" .' for i in range(5))
        + " }\n",
        encoding="utf-8",
    )
    folder = virtuoso.bulk_folder / "again"
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/kgraph/test/bulk-again> { ?s ?p ?o } }"
    for shard_size in (2, 3):
        done = write_shards(source, folder, shard_size=shard_size)
        output = _isql(virtuoso, str(done.load_script))
        assert f"ok: {len(done.shards)} of {len(done.shards)} shards loaded" in output
        assert _select(virtuoso.query_url, count)[0]["n"]["value"] == "5"
