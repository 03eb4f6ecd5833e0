"""Every command reads RDF one way (kgraph.rdfio, pyoxigraph's parsers) with bounded cost: entity bombs, remote
JSON-LD contexts, deep nesting and oversized terms are refused with exit 2 and one line, never a crash or a fetch."""

import http.server
import os
import resource
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner

from kgraph.cli import main

KGRAPH = [str(Path(sys.executable).parent / "kgraph")]
READERS = [
    ["stats", "{file}"],
    ["export", "{file}", "--format", "ntriples"],
    ["validate", "{file}"],
    ["validate", "{file}", "--engine", "pyshacl"],
    ["query", "ASK { ?s ?p ?o }", "--data", "{file}"],
    ["viz", "{file}", "-o", "{out}"],
]
"""Every command that reads an RDF file, FILE and OUT to fill in."""


def _argv(command: list[str], file: Path) -> list[str]:
    given = {"{file}": str(file), "{out}": str(file.with_suffix(".html"))}
    return [given.get(part, part) for part in command]


def _run(command: list[str], file: Path, memory: int = 2 << 30) -> subprocess.CompletedProcess[str]:
    """Run one kgraph command in a child process whose address space is capped: a bomb fails fast."""

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    return subprocess.run([*KGRAPH, *_argv(command, file)], capture_output=True, text=True, timeout=300, preexec_fn=cap)


def _refused(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 2, (result.returncode, result.stderr[-2000:])
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr[-2000:]
    assert all(word in lines[0] for word in words), lines[0]


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
 <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
 <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
 <!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">
]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
  <rdf:Description rdf:about="http://example.org/a"><ex:p>&i;</ex:p></rdf:Description>
</rdf:RDF>
"""


@pytest.mark.parametrize("command", READERS, ids=lambda c: " ".join(c[:1] + c[2:3]))
def test_an_xml_entity_bomb_is_refused_by_every_command(tmp_path: Path, command: list[str]) -> None:
    bomb = tmp_path / "bomb.rdf"
    bomb.write_text(BILLION_LAUGHS, encoding="utf-8")
    _refused(_run(command, bomb), "bomb.rdf:4", "refers to other entities")


def test_an_external_xml_entity_is_refused_so_no_other_file_is_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("the password", encoding="utf-8")
    data = tmp_path / "xxe.rdf"
    data.write_text(
        f'<?xml version="1.0"?><!DOCTYPE rdf:RDF [<!ENTITY s SYSTEM "file://{secret}">]>'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">'
        '<rdf:Description rdf:about="http://example.org/a"><ex:p>&s;</ex:p></rdf:Description></rdf:RDF>',
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["export", str(data), "--format", "ntriples"])
    assert result.exit_code == 2 and "external" in result.output and "the password" not in result.output


def test_simple_xml_entities_as_ontology_editors_write_them_are_read(tmp_path: Path) -> None:
    data = tmp_path / "onto.rdf"
    data.write_text(
        '<?xml version="1.0"?><!DOCTYPE rdf:RDF [<!ENTITY ex "http://example.org/" >]>'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">'
        '<rdf:Description rdf:about="&ex;a"><ex:p>x</ex:p></rdf:Description></rdf:RDF>',
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["export", str(data), "--format", "ntriples"])
    assert result.exit_code == 0, result.output
    assert result.stdout == '<http://example.org/a> <http://example.org/p> "x" .\n'


class _Recorder(http.server.BaseHTTPRequestHandler):
    seen: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.seen.append(f"{self.command} {self.path}")
        body = b'{"@context": {"name": "http://schema.org/name"}}'
        self.send_response(200)
        self.send_header("Content-Type", "application/ld+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_GET

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def context_server() -> Iterator[tuple[str, list[str]]]:
    """A local server offering a JSON-LD context, recording every request it gets."""
    _Recorder.seen = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/context.jsonld", _Recorder.seen
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("command", READERS, ids=lambda c: " ".join(c[:1] + c[2:3]))
def test_a_remote_jsonld_context_is_never_fetched(
    tmp_path: Path, context_server: tuple[str, list[str]], command: list[str]
) -> None:
    url, seen = context_server
    data = tmp_path / "remote.jsonld"
    data.write_text(f'{{"@context": "{url}", "@id": "http://example.org/a", "name": "x"}}', encoding="utf-8")
    _refused(_run(command, data), "remote.jsonld", "@context")
    assert seen == []


def test_a_local_file_as_jsonld_context_is_never_opened(tmp_path: Path) -> None:
    context = tmp_path / "context.jsonld"
    context.write_text('{"@context": {"name": "http://schema.org/name"}}', encoding="utf-8")
    data = tmp_path / "local.jsonld"
    data.write_text(f'{{"@context": "file://{context}", "@id": "http://example.org/a", "name": "x"}}')
    result = CliRunner().invoke(main, ["stats", str(data)])
    assert result.exit_code == 2 and "@context" in result.output


def test_deeply_nested_jsonld_is_refused_instead_of_crashing(tmp_path: Path) -> None:
    depth = 5_000
    data = tmp_path / "deep.jsonld"
    data.write_text('{"@id": "http://example.org/a", "http://example.org/p": ' * depth + '"x"' + "}" * depth)
    for command in (READERS[0], READERS[4]):  # rdflib's reader and Oxigraph's both crashed (exit 139)
        _refused(_run(command, data), "deep.jsonld", "nested 5000 deep")


def test_a_term_too_long_for_the_parser_is_refused_by_every_command(tmp_path: Path) -> None:
    data = tmp_path / "huge.nt"
    data.write_text(f'<http://example.org/a> <http://example.org/p> "{"x" * (17 << 20)}" .\n', encoding="utf-8")
    for command in READERS[:5]:
        _refused(_run(command, data), "huge.nt", "longer than the parser holds")


AGREEMENT = {
    # file name: (content, whether every command reads it)
    "bom.ttl": ("\ufeff<http://example.org/a> <http://example.org/p> 1 .\n", True),
    "relative.ttl": ("<a> <http://example.org/p> 1 .\n", False),
    "surrogate.ttl": ('<http://example.org/a> <http://example.org/p> "\\uD800" .\n', False),
    "deep.ttl": (
        "<http://example.org/a> <http://example.org/p> "
        + "[ <http://example.org/p> " * 1500
        + "1"
        + " ]" * 1500
        + " .\n",
        True,
    ),
}


@pytest.mark.parametrize("name", sorted(AGREEMENT))
def test_every_command_agrees_on_what_is_valid_rdf(tmp_path: Path, name: str) -> None:
    content, valid = AGREEMENT[name]
    data = tmp_path / name
    data.write_text(content, encoding="utf-8")
    for command in READERS:
        result = CliRunner().invoke(main, _argv(command, data))
        assert result.exception is None or isinstance(result.exception, SystemExit), (command, result.exception)
        if valid:
            assert result.exit_code in (0, 1), (command, result.output)  # 1: a graph that does not conform
        else:
            assert result.exit_code == 2 and f"{name}" in result.output, (command, result.output)


def test_a_folder_a_pipe_or_a_device_given_as_rdf_is_refused_without_reading_it(tmp_path: Path) -> None:
    (tmp_path / "folder.ttl").mkdir()
    os.mkfifo(tmp_path / "pipe.ttl")  # nobody writes to it: reading it would wait forever
    (tmp_path / "zero.ttl").symlink_to("/dev/zero")  # endless
    for name in ("folder.ttl", "pipe.ttl", "zero.ttl"):
        result = _run(["stats", "{file}"], tmp_path / name)
        _refused(result, name, "not a regular file")


@pytest.mark.parametrize("engine", ["auto", "sparql", "pyshacl"])
def test_shapes_whose_sparql_calls_another_server_are_refused(
    tmp_path: Path, context_server: tuple[str, list[str]], engine: str
) -> None:
    url, seen = context_server
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "<http://example.org/S> a sh:NodeShape ; sh:targetSubjectsOf <http://example.org/p> ;\n"
        f'  sh:sparql [ sh:select """SELECT $this WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}""" ] .\n',
        encoding="utf-8",
    )
    data = tmp_path / "data.ttl"
    data.write_text("<http://example.org/a> <http://example.org/p> 1 .\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(data), "--shapes", str(shapes), "--engine", engine])
    assert result.exit_code == 2 and "SERVICE" in result.output, result.output
    assert seen == []
