"""The kgraph command: published exit codes, real output, clear errors and no partial files."""

import csv
import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import isomorphic

from kgraph.cli import main

REPO = Path(__file__).resolve().parents[1]


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout_bytes.decode("utf-8"), result.stderr


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("out")
    code, stdout, stderr = invoke("build", str(REPO / "data"), "--out", str(out))
    assert code == 0, stdout + stderr
    return out, stdout


def test_build_writes_turtle_trig_and_html_and_summarises(built: tuple[Path, str]) -> None:
    out, stdout = built
    assert {p.name for p in out.iterdir()} == {"graph.ttl", "graph.trig", "graph.html"}
    assert re.search(r"Built 1 article\(s\): \d{4} triples in 1 named graph", stdout)
    assert "Conforms" in stdout and "15 quantities" in stdout and str(out / "graph.ttl") in stdout


def test_build_exits_1_when_the_graph_does_not_conform(article_copy: Path, tmp_path: Path) -> None:
    facts = article_copy / "facts.yaml"
    text = facts.read_text(encoding="utf-8")
    text = text.replace(
        "  - {s: plenary, p: kg:chair, o: putin, evidence: председательствовали президент России Владимир Путин}\n",
        "",
    )
    text = text.replace(
        "  - {s: plenary, p: kg:chair, o: tokayev, evidence: глава Казахстана Касым-Жомарт Токаев}\n", ""
    )
    facts.write_text(text, encoding="utf-8")
    code, stdout, _ = invoke("build", str(article_copy), "--out", str(tmp_path / "out"), "--no-html")
    assert code == 1
    assert "plenary session of the 16th Forum" in stdout and "at least one chair" in stdout


def test_bad_facts_exit_2_and_write_nothing(article_copy: Path, tmp_path: Path) -> None:
    facts = article_copy / "facts.yaml"
    facts.write_text(facts.read_text(encoding="utf-8").replace("value: 1600", "value: тысяча"), encoding="utf-8")
    out = tmp_path / "out"
    code, _, stderr = invoke("build", str(article_copy), "--out", str(out))
    assert code == 2
    assert re.match(rf"error: {facts}:\d+: quantity 'forum_attendance': value 'тысяча' is not a number", stderr)
    assert not out.exists()


def test_two_articles_with_one_iri_exit_2_naming_both_and_write_nothing(tmp_path: Path) -> None:
    files = [tmp_path / folder / "news.txt" for folder in ("a", "b")]
    for file in files:
        file.parent.mkdir()
        file.write_text("# Новость\n\nТекст.\n", encoding="utf-8")
    out = tmp_path / "out"
    code, _, stderr = invoke("build", *map(str, files), "--out", str(out))
    assert code == 2
    assert stderr.startswith(f"error: {files[1]}: ") and f"is already {files[0]}'s" in stderr
    assert not out.exists()


def test_validate_exit_codes(built: tuple[Path, str], tmp_path: Path) -> None:
    out, _ = built
    assert invoke("validate", str(out / "graph.ttl"))[0] == 0
    bad = tmp_path / "bad.ttl"
    bad.write_text((out / "graph.ttl").read_text(encoding="utf-8").replace('"Vladimir Putin"@en', '"V. P."@de'))
    code, stdout, _ = invoke("validate", str(bad))
    assert code == 1 and "English label" in stdout
    broken = tmp_path / "broken.ttl"
    broken.write_text("<a> <b> .\n")
    code, _, stderr = invoke("validate", str(broken))
    assert code == 2 and str(broken) in stderr


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "nquads", "trig", "jsonld", "xml"])
def test_export_round_trips_every_format(built: tuple[Path, str], tmp_path: Path, fmt: str) -> None:
    out, _ = built
    target = tmp_path / f"graph.{fmt}"
    code, _, stderr = invoke("export", str(out / "graph.trig"), "--format", fmt, "-o", str(target))
    assert code == 0, stderr
    from kgraph.rdfio import FORMATS, read_dataset, union_graph

    again = union_graph(read_dataset(target, FORMATS[fmt]))
    assert isomorphic(again, Graph().parse(out / "graph.ttl"))


def test_turtle_export_is_deterministic(built: tuple[Path, str], tmp_path: Path) -> None:
    out, _ = built
    first = invoke("export", str(out / "graph.trig"), "--format", "turtle")[1]
    invoke("export", str(out / "graph.trig"), "--format", "ntriples", "-o", str(tmp_path / "g.nt"))
    second = invoke("export", str(tmp_path / "g.nt"), "--format", "turtle")[1]
    assert first == second
    assert first.startswith("@prefix")


def test_export_rejects_malformed_input_without_output(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text('@prefix x: <http://x/> .\nx:a x:b "unterminated .\n')
    target = tmp_path / "out.nt"
    code, _, stderr = invoke("export", str(bad), "--format", "ntriples", "-o", str(target))
    assert code == 2 and str(bad) in stderr
    assert not target.exists() and list(tmp_path.iterdir()) == [bad]
    assert invoke("export", str(bad), "--format", "yaml")[2].startswith("error: unknown format 'yaml'")


def test_query_formats_follow_the_w3c_result_formats(built: tuple[Path, str]) -> None:
    data = str(built[0] / "graph.trig")
    code, stdout, _ = invoke("query", "plenary_chairs", "--data", data, "--format", "json")
    document = json.loads(stdout)
    assert code == 0 and document["head"]["vars"] == ["session", "chair", "name", "office"]
    assert document["results"]["bindings"][1]["name"] == {
        "type": "literal",
        "value": "Vladimir Putin",
        "xml:lang": "en",
    }
    code, stdout, _ = invoke("query", str(REPO / "queries" / "plenary_chairs.rq"), "--data", data, "--format", "csv")
    assert stdout.startswith("session,chair,name,office\r\n")
    assert list(csv.reader(io.StringIO(stdout)))[2][2] == "Vladimir Putin"
    code, stdout, _ = invoke("query", "plenary_chairs", "--data", data, "--format", "tsv")
    assert stdout.splitlines()[0] == "?session\t?chair\t?name\t?office"
    assert '"Vladimir Putin"@en' in stdout
    code, stdout, _ = invoke("query", "ASK { ?s a kg:Forum }", "--data", data)
    assert (code, stdout) == (0, "yes\n")


def test_query_syntax_error_shows_where(built: tuple[Path, str]) -> None:
    code, _, stderr = invoke("query", "SELECT ?x WHERE { ?x ?y }", "--data", str(built[0] / "graph.trig"))
    assert code == 2 and "SPARQL syntax error" in stderr and re.search(r"1:\d+", stderr)


@pytest.mark.parametrize(
    ("command", "option"), [("query", "--endpoint"), ("push", "--store")], ids=["query --endpoint", "push --store"]
)
def test_a_server_address_that_is_no_url_exits_2_naming_it(built: tuple[Path, str], command: str, option: str) -> None:
    target = ["documents"] if command == "query" else [str(built[0] / "graph.trig")]
    code, stdout, stderr = invoke(command, *target, option, "localhost:7878/query")
    assert (code, stdout) == (2, "")
    assert f"{option} 'localhost:7878/query': expected an http(s) URL" in stderr


def test_stats_counts_by_class_and_predicate(built: tuple[Path, str]) -> None:
    code, stdout, _ = invoke("stats", str(built[0] / "graph.ttl"))
    assert code == 0
    assert re.search(r"^\s+15  kg:Quantity$", stdout, re.M)
    assert re.search(r"^\s+3  schema:Person$", stdout, re.M)


def test_every_command_has_help_and_is_in_the_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert readme.lstrip().startswith("# kgraph")
    assert readme.index("make demo") < 600 and readme.index("make test") < 600
    for name, command in main.commands.items():
        assert command.help, name
        assert f"kgraph {name}" in readme, name


_NEWS = "# Путин прилетел в Омск\n\nPublished at: **2019-11-07T10:00:00**\n\nВладимир Путин прилетел в Омск.\n"


@pytest.mark.parametrize(("ends", "bom", "code"), [("\r\n", b"", 0), ("\n", b"\xef\xbb\xbf", 0), ("\r", b"", 2)])
def test_line_ends_and_byte_order_marks_build_exactly_or_are_refused(
    tmp_path: Path, ends: str, bom: bytes, code: int
) -> None:
    article = tmp_path / "news.txt"
    article.write_bytes(bom + _NEWS.replace("\n", ends).encode("utf-8"))
    status, stdout, stderr = invoke("build", str(article), "--out", str(tmp_path / "out"), "--no-html")
    assert status == code, stdout + stderr
    if code == 2:
        assert stderr.startswith(f"error: {article}:1: a line ends with a bare CR") and not (tmp_path / "out").exists()
    else:
        assert "Conforms" in stdout


def test_an_output_path_that_cannot_be_written_is_exit_2_naming_it(built: tuple[Path, str], tmp_path: Path) -> None:
    graph = str(built[0] / "graph.trig")
    for args, named in [
        (("build", str(REPO / "data"), "--out", "/proc/kgraph-out", "--no-html"), "/proc/kgraph-out"),
        (("export", graph, "--format", "turtle", "-o", str(tmp_path)), str(tmp_path)),
        (("export", graph, "--format", "turtle", "-o", "/proc/kgraph.ttl"), "/proc/kgraph.ttl"),
        (("export", graph, "--format", "graphml", "-o", "/proc/kgraph.graphml"), "/proc/kgraph.graphml"),
        (("viz", graph, "-o", "/proc/kgraph.html"), "/proc/kgraph.html"),
    ]:
        code, _, stderr = invoke(*args)
        assert code == 2 and stderr.startswith(f"error: {named}") and ".tmp" not in stderr, (args, stderr)
        assert len(stderr.strip().splitlines()) == 1, stderr


def test_a_build_that_fails_while_writing_leaves_the_old_files(
    built: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    out = tmp_path / "out"
    shutil.copytree(built[0], out)
    before = {path.name: path.read_bytes() for path in out.iterdir()}
    (tmp_path / "data").mkdir()
    shutil.copytree(REPO / "data" / "omsk-forum-2019-11-07", tmp_path / "data" / "another")

    import kgraph.pipeline

    real = kgraph.pipeline.write_all_atomically

    def interrupted_on_the_last_file(writes: dict[Path, Callable[[Path], None]]) -> list[Path]:
        *first, (last, write_last) = writes.items()

        def half_then_interrupted(temporary: Path) -> None:
            write_last(temporary)
            raise KeyboardInterrupt  # as if Ctrl-C came once the last file was written, before any rename

        return real({**dict(first), last: half_then_interrupted})

    monkeypatch.setattr(kgraph.pipeline, "write_all_atomically", interrupted_on_the_last_file)
    with pytest.raises(KeyboardInterrupt):
        kgraph.pipeline.build([REPO / "data", tmp_path / "data"], out)
    assert {path.name: path.read_bytes() for path in out.iterdir()} == before  # no temporary left either
    monkeypatch.undo()
    kgraph.pipeline.build([REPO / "data", tmp_path / "data"], out)
    assert {path.name for path in out.iterdir()} == set(before)
    assert {path.name: path.read_bytes() for path in out.iterdir()} != before


def test_ntriples_export_of_blank_nodes_is_the_same_bytes_every_time(tmp_path: Path) -> None:
    data = tmp_path / "anonymous.ttl"
    data.write_text(
        "<http://e.org/a> <http://e.org/p> [ <http://e.org/q> [ <http://e.org/r> 1 ] ], [ <http://e.org/q> 2 ] .\n"
        "<http://e.org/b> <http://e.org/p> [] .\n",
        encoding="utf-8",
    )
    reordered = tmp_path / "reordered.nt"
    outputs = {invoke("export", str(data), "--format", "ntriples")[1] for _ in range(3)}
    assert len(outputs) == 1
    reordered.write_text("".join(reversed(next(iter(outputs)).splitlines(keepends=True))), encoding="utf-8")
    assert invoke("export", str(reordered), "--format", "ntriples")[1] in outputs  # same graph, same bytes


def test_rdf_xml_export_refuses_what_xml_cannot_hold(tmp_path: Path) -> None:
    control = tmp_path / "control.nt"
    control.write_text('<http://e.org/a> <http://e.org/p> "a\\u0001b" .\n', encoding="utf-8")
    number = tmp_path / "number.nt"
    number.write_text('<http://e.org/a> <http://e.org/1> "x" .\n', encoding="utf-8")
    for data, words in [(control, "U+0001"), (number, "http://e.org/1")]:
        out = tmp_path / f"{data.stem}.rdf"
        code, _, stderr = invoke("export", str(data), "--format", "xml", "-o", str(out))
        assert code == 2 and words in stderr and not out.exists(), stderr


def test_blank_nodes_nested_deeper_than_python_recursion_still_export(tmp_path: Path) -> None:
    depth = 1_500
    data = tmp_path / "deep.ttl"
    data.write_text("<http://e.org/a> <http://e.org/p> " + "[ <http://e.org/p> " * depth + "1" + " ]" * depth + " .\n")
    for fmt, extension in (("turtle", "ttl"), ("trig", "trig"), ("jsonld", "jsonld")):
        out = tmp_path / f"deep.{extension}"
        code, _, stderr = invoke("export", str(data), "--format", fmt, "-o", str(out))
        assert code == 0, stderr
        assert invoke("stats", str(out))[1].startswith(f"{depth + 1} triples")


def test_stats_of_a_file_without_named_graphs_says_so(tmp_path: Path) -> None:
    data = tmp_path / "plain.ttl"
    data.write_text('<http://e.org/a> <http://e.org/p> "x" .\n', encoding="utf-8")
    assert invoke("stats", str(data))[1].splitlines()[0] == "1 triples (no named graphs: all in the default graph)"
