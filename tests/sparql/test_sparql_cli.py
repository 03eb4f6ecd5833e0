"""The SPARQL commands, in-process with CliRunner, and `kgraph serve` as a real process."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from SPARQLWrapper import JSON, SPARQLWrapper

from kgraph.cli.query import query
from kgraph.cli.sparql import push
from kgraph.errors import UsageError
from kgraph.query import run_query

from .conftest import free_port, wait_until_answers

PEOPLE = "SELECT ?label WHERE { ?person a schema:Person ; rdfs:label ?label } ORDER BY ?label"


def printed(*args: str) -> str:
    """What `kgraph query ARGS` prints on stdout, byte for byte (CSV's CRLF kept), once it has succeeded."""
    result = CliRunner().invoke(query, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout_bytes.decode("utf-8")


def test_query_with_a_parameter_prints_csv(seed_file: Path) -> None:
    csv = printed(PEOPLE, "--data", str(seed_file), "--format", "csv", "--param", 'label="Владимир Путин"@ru')
    assert csv == "label\r\nВладимир Путин\r\n"


def test_query_refuses_a_parameter_the_query_lacks(seed_file: Path) -> None:
    with pytest.raises(UsageError, match=r"no variable \?speaker"):
        run_query(PEOPLE, seed_file, ['speaker="x"'])


def test_query_on_an_endpoint_prints_the_same(oxigraph, seed_file: Path) -> None:  # type: ignore[no-untyped-def]
    local = printed(PEOPLE, "--data", str(seed_file), "--format", "tsv")
    result = CliRunner().invoke(push, [str(seed_file), "--store", oxigraph.store_url])
    assert result.exit_code == 0, result.output
    assert "the store holds them all" in result.output
    assert printed(PEOPLE, "--endpoint", oxigraph.query_url, "--timeout", "10", "--format", "tsv") == local
    construct = "CONSTRUCT WHERE { ?s a schema:Person }"
    assert "a schema:Person" in printed(construct, "--endpoint", oxigraph.query_url, "--timeout", "10")


def test_push_to_nowhere_raises_an_endpoint_error(seed_file: Path) -> None:
    result = CliRunner().invoke(
        push, [str(seed_file), "--store", f"http://127.0.0.1:{free_port()}/store", "--timeout", "3"]
    )
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and "cannot reach the store" in result.stderr


def test_serve_runs_until_terminated(seed_file: Path) -> None:
    port = free_port()
    code = "import sys; from kgraph.cli.sparql import serve; serve(sys.argv[1:])"
    process = subprocess.Popen(
        [sys.executable, "-c", code, str(seed_file), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        wait_until_answers(f"http://127.0.0.1:{port}/", process, 60)
        client = SPARQLWrapper(f"http://127.0.0.1:{port}/sparql")
        client.setQuery("ASK { ?s a schema:Person }")
        client.setReturnFormat(JSON)
        assert client.query().convert()["boolean"] is True
    finally:
        os.kill(process.pid, signal.SIGTERM)
        out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err.decode()
    assert f"read-only at http://127.0.0.1:{port}/sparql" in out.decode()
    assert out.decode().rstrip().endswith("Stopped.")
