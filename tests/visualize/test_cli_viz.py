"""`kgraph viz` in-process: writes the page, narrows it with --query, reports bad input with exit code 2."""

import os
from pathlib import Path

from click.testing import CliRunner
from rdflib.namespace import RDF

from kgraph.cli.viz import viz
from kgraph.namespaces import ID, SCHEMA


def node_count(page: Path) -> int:
    """Every node in the page's data has its class index under "c"."""
    return page.read_text(encoding="utf-8").count('"c":')


def test_viz_writes_the_page(seed_trig: Path, tmp_path: Path) -> None:
    out = tmp_path / "page.html"
    result = CliRunner().invoke(viz, [str(seed_trig), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"wrote {out}" in result.output
    assert "Токаев" in out.read_text(encoding="utf-8")


def test_viz_query_keeps_only_the_construct_result(seed_trig: Path, tmp_path: Path) -> None:
    query = tmp_path / "chairs.rq"
    query.write_text("CONSTRUCT { ?s kg:chair ?o } WHERE { ?s kg:chair ?o }", encoding="utf-8")
    full, narrow = tmp_path / "full.html", tmp_path / "narrow.html"
    assert CliRunner().invoke(viz, [str(seed_trig), "-o", str(full)]).exit_code == 0
    result = CliRunner().invoke(viz, [str(seed_trig), "-o", str(narrow), "--query", str(query)])
    assert result.exit_code == 0, result.output
    assert 0 < node_count(narrow) < node_count(full)


def test_viz_reports_a_missing_file_with_exit_code_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(viz, [str(tmp_path / "nothing.trig")])
    assert result.exit_code == 2
    assert result.output.startswith("error: ") and "nothing.trig" in result.output


def test_viz_refuses_a_select_query_with_exit_code_2(seed_trig: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        viz, [str(seed_trig), "-o", str(tmp_path / "x.html"), "--query", "SELECT * { ?s ?p ?o }"]
    )
    assert result.exit_code == 2
    assert "CONSTRUCT" in result.output
    assert not (tmp_path / "x.html").exists()


def test_viz_of_a_file_whose_name_is_not_utf8_writes_the_page_titled_with_an_escape(tmp_path: Path) -> None:
    # Linux hands Python such a name with lone surrogates (surrogateescape); the title is the file's name
    source = tmp_path / os.fsdecode(b"graph\xff.nt")
    source.write_text(f"<{ID}x> <{RDF.type}> <{SCHEMA.Person}> .\n", encoding="utf-8")
    out = tmp_path / "page.html"
    result = CliRunner().invoke(viz, [str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "<title>kgraph: graph\\udcff.nt</title>" in out.read_text(encoding="utf-8")


def test_the_page_of_a_file_is_the_page_of_its_dataset(seed_trig: Path, tmp_path: Path) -> None:
    from kgraph.rdfio import read_dataset
    from kgraph.visualize import page_html

    out = tmp_path / "page.html"
    assert CliRunner().invoke(viz, [str(seed_trig), "-o", str(out), "--title", "seed"]).exit_code == 0
    assert out.read_text(encoding="utf-8") == page_html(read_dataset(seed_trig), title="seed")
