"""`kgraph query` on a local file: SERVICE refused unless allowed, a time limit, Ctrl-C, and no crash on deep
queries; what is SPARQL text and what is not."""

import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from kgraph.cli import main
from kgraph.query.guard import check_query, query_form

KGRAPH = str(Path(sys.executable).parent / "kgraph")


def _query(data: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [KGRAPH, "query", *arguments, "--data", str(data)], capture_output=True, text=True, timeout=120
    )


def _one_error_line(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 2, (result.returncode, result.stderr[-2000:])
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr[-2000:]
    assert all(word in lines[0] for word in words), lines[0]


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A TCP port that accepts connections and never answers."""
    with socket.create_server(("127.0.0.1", 0)) as listener:
        listener.listen(16)
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/sparql"


@pytest.mark.parametrize(
    "text",
    [
        "SELECT * WHERE { SERVICE <{url}> { ?s ?p ?o } }",
        "select * where { service silent <{url}> { ?s ?p ?o } }",
        "SELECT * WHERE { ?s ?p ?o .SERVICE <{url}> { ?s ?p ?o } }",
        "PREFIX ex: <http://example.org/>\nSELECT * WHERE { # a comment\n  SeRvIcE <{url}> { ?s ?p ?o } }",
        "PREFIX : <{url}> SELECT * WHERE { ?a ?b ?c .service: # SERVICE and the name ':' to Oxigraph\n{ ?s ?p ?o } }",
    ],
)
def test_service_is_refused_by_default(seed_file: Path, silent_server: str, text: str) -> None:
    result = _query(seed_file, text.replace("{url}", silent_server))
    _one_error_line(result, "SERVICE", "refused")


def test_the_word_service_in_strings_names_and_comments_is_no_service_clause() -> None:
    check_query('SELECT ?service WHERE { ?s ex:SERVICE "SERVICE <http://x/>" . ?s service:x <http://x/SERVICE> }')
    check_query("ASK { ?s ?p ?o } # SERVICE <http://example.org/>")


def test_an_allowed_service_that_never_answers_is_stopped_by_the_time_limit(
    seed_file: Path, silent_server: str
) -> None:
    text = f"SELECT * WHERE {{ SERVICE <{silent_server}> {{ ?s ?p ?o }} }}"
    result = _query(seed_file, text, "--allow-service", "--timeout", "1")
    _one_error_line(result, "time limit of 1 s")


def test_an_allowed_service_that_refuses_the_connection_is_one_line(seed_file: Path) -> None:
    with socket.create_server(("127.0.0.1", 0)) as listener:
        port = listener.getsockname()[1]  # closed when the block ends: nobody listens there any more
    result = _query(
        seed_file, f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/s> {{ ?s ?p ?o }} }}", "--allow-service"
    )
    _one_error_line(result, "query failed")


def test_ctrl_c_stops_a_running_query_at_once(seed_file: Path) -> None:
    # the query asks a server that never answers: its connection says the query is running
    with socket.create_server(("127.0.0.1", 0)) as listener:
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/sparql"
        text = f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"
        process = subprocess.Popen(
            [KGRAPH, "query", text, "--data", str(seed_file), "--allow-service", "--timeout", "600"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            # as typed at a terminal: a suite started in the background (`make test &`) passes Ctrl-C on ignored
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
        try:
            listener.settimeout(120)
            connection, _ = listener.accept()
            with connection:
                process.send_signal(signal.SIGINT)
                _, stderr = process.communicate(timeout=30)
        finally:
            process.kill()
            process.wait()
    assert process.returncode == 130 and stderr.strip() == "interrupted", (process.returncode, stderr[-2000:])


@pytest.mark.parametrize("chain", ["!" * 2_000_000 + "true", "1" + " + 1" * 500_000, "!" * 600_000 + "true"])
def test_a_query_longer_than_the_limit_is_refused_instead_of_crashing(
    seed_file: Path, tmp_path: Path, chain: str
) -> None:
    # Oxigraph recurses once per operator: two million "!" overflowed even the 1 GiB stack (exit 139)
    query = tmp_path / "chain.rq"
    query.write_text(f"ASK {{ FILTER({chain}) }}", encoding="utf-8")
    result = _query(seed_file, str(query))
    _one_error_line(result, "characters; kgraph reads at most 524,288")


def test_deeply_nested_brackets_are_refused_instead_of_crashing(seed_file: Path) -> None:
    depth = 20_000
    result = _query(seed_file, "SELECT * WHERE { BIND(" + "(" * depth + "1" + ")" * depth + " AS ?x) }")
    _one_error_line(result, "nests brackets 20002 deep")


def test_a_long_flat_expression_never_crashes_the_process(seed_file: Path) -> None:
    # no bracket nests, but Oxigraph parses "1 + 1 + …" by recursion: 8,000 terms overflowed a normal stack
    result = _query(seed_file, "SELECT * WHERE { BIND(1" + " + 1" * 8_000 + " AS ?x) }", "--timeout", "1")
    assert result.returncode in (0, 2), (result.returncode, result.stderr[-2000:])
    if result.returncode == 2:
        _one_error_line(result, "time limit")


@pytest.mark.parametrize("value", ["nan", "-1", "0", "inf"])
def test_a_timeout_that_is_no_positive_number_is_a_usage_error(seed_file: Path, value: str) -> None:
    result = CliRunner().invoke(main, ["query", "ASK {}", "--data", str(seed_file), "--timeout", value])
    assert result.exit_code == 2 and "--timeout" in result.output


def test_describe_with_a_prefixed_name_is_sparql_text(seed_file: Path) -> None:
    result = CliRunner().invoke(main, ["query", "DESCRIBE id:putin", "--data", str(seed_file)])
    assert result.exit_code == 0, result.output
    assert "Владимир Путин" in result.output


def test_query_forms_are_read_past_prefixes_comments_and_case() -> None:
    assert query_form("PREFIX a: <http://e.org/select>\n# ASK\nconstruct WHERE { ?s ?p ?o }") == "CONSTRUCT"
    assert query_form("BASE <http://e.org/> delete data { <a> <b> <c> }") == "DELETE"
    assert query_form("plenary_chairs") is None


def test_allow_service_with_an_endpoint_is_refused_not_ignored(seed_file: Path) -> None:
    result = _query(seed_file, "ASK { ?s ?p ?o }", "--allow-service", "--endpoint", "http://127.0.0.1:9/sparql")
    _one_error_line(result, "--allow-service is for a local query")
