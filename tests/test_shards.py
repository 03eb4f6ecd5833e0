"""`kgraph export --format nquads --shards OUTDIR`: named graphs as gzipped N-Quads shards for a bulk loader.

The loading itself, into a real Virtuoso, is tested in tests/sparql/test_sparql_bulk_load.py.
"""

import gzip
import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyoxigraph import DefaultGraph, Store

from kgraph.cli.export import export
from kgraph.corpus import OXIGRAPH, build_store
from kgraph.errors import OutputError, UsageError
from kgraph.rdfio import parse_quads
from kgraph.shards import LOAD_SCRIPT, MANIFEST, write_shards

ARTICLES = {
    "shard-omsk.md": "# Омск\n\nВ Омске прошёл форум.\n",
    "shard-tomsk.md": "# Томск\n\nВ Томске открыли новый мост через реку Томь.\n",
}


def _nquads(count: int, graphs: int = 2) -> str:
    """`count` quads spread over `graphs` named graphs, in no sorted order."""
    return "".join(
        f'<http://e.org/s{i}> <http://e.org/p> "значение {i}" <http://e.org/g{i % graphs}> .\n'
        for i in reversed(range(count))
    )


def _lines(shard: Path) -> list[str]:
    return gzip.decompress(shard.read_bytes()).decode("utf-8").splitlines()


def _shards(folder: Path) -> list[Path]:
    return sorted(folder.glob("part-*.nq.gz"))


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store folder built from two short articles."""
    folder = tmp_path_factory.mktemp("shard-store")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    build = build_store([folder], folder / "store")
    assert not build.failed
    return folder / "store"


def test_shards_are_cut_at_the_size_limit_and_hold_every_quad_once(tmp_path: Path) -> None:
    source = tmp_path / "g.nq"
    source.write_text(_nquads(7), encoding="utf-8")
    done = write_shards(source, tmp_path / "out", shard_size=3)
    assert [shard.quads for shard in done.shards] == [3, 3, 1]
    assert [len(_lines(path)) for path in _shards(tmp_path / "out")] == [3, 3, 1]
    written = sorted(line for path in _shards(tmp_path / "out") for line in _lines(path))
    assert written == sorted(source.read_text(encoding="utf-8").splitlines())


def test_graphs_come_in_iri_order_and_lines_sorted_within_each(tmp_path: Path) -> None:
    source = tmp_path / "g.nq"
    source.write_text(_nquads(6), encoding="utf-8")
    write_shards(source, tmp_path / "out", shard_size=100)
    lines = _lines(tmp_path / "out" / "part-00000.nq.gz")
    assert [line.rsplit(" ", 2)[1] for line in lines] == ["<http://e.org/g0>"] * 3 + ["<http://e.org/g1>"] * 3
    assert lines[:3] == sorted(lines[:3])
    assert lines[3:] == sorted(lines[3:])


def test_a_second_export_writes_the_same_bytes(store: Path, tmp_path: Path) -> None:
    first = write_shards(store, tmp_path / "one", shard_size=40)
    second = write_shards(store, tmp_path / "two", shard_size=40)
    assert len(first.shards) >= 2
    for one, two in zip(_shards(tmp_path / "one"), _shards(tmp_path / "two"), strict=True):
        assert one.read_bytes() == two.read_bytes()
    assert first.shards == second.shards


def test_the_gzip_header_holds_no_time_and_no_file_name(store: Path, tmp_path: Path) -> None:
    write_shards(store, tmp_path / "out")
    header = (tmp_path / "out" / "part-00000.nq.gz").read_bytes()[:10]
    flags, mtime = header[3], header[4:8]
    assert flags & 0x08 == 0  # FNAME
    assert mtime == b"\0\0\0\0"


def test_the_manifest_counts_and_hashes_match_the_shards_and_the_store(store: Path, tmp_path: Path) -> None:
    done = write_shards(store, tmp_path / "out", shard_size=50)
    manifest = json.loads((tmp_path / "out" / MANIFEST).read_text(encoding="utf-8"))
    oxigraph = Store.read_only(str(store / OXIGRAPH))
    named = [quad for quad in oxigraph.quads_for_pattern(None, None, None) if quad.graph_name != DefaultGraph()]
    assert manifest["quads"] == done.quads == len(named)  # not the merge in the default graph
    assert manifest["graphs"] == done.graphs == len(ARTICLES)
    assert manifest["source"] == str(store.resolve())
    assert [entry["file"] for entry in manifest["shards"]] == [path.name for path in _shards(tmp_path / "out")]
    for entry in manifest["shards"]:
        shard = tmp_path / "out" / entry["file"]
        assert entry["sha256"] == hashlib.sha256(shard.read_bytes()).hexdigest()
        assert entry["quads"] == len(_lines(shard))
    assert sum(entry["quads"] for entry in manifest["shards"]) == manifest["quads"]


def test_the_load_script_bulk_loads_the_absolute_folder_and_checks_every_shard(store: Path, tmp_path: Path) -> None:
    done = write_shards(store, tmp_path / "out", shard_size=50)
    script = (tmp_path / "out" / LOAD_SCRIPT).read_text(encoding="utf-8")
    folder = (tmp_path / "out").resolve()
    assert f"ld_dir('{folder}', 'part-*.nq.gz', 'https://w3id.org/kgraph/');" in script
    assert script.index("ld_dir(") < script.index("rdf_loader_run();") < script.index("checkpoint;")
    assert f"WHEN COUNT(*) = {len(done.shards)} THEN" in script


def test_a_blank_node_graph_is_never_split_and_gets_the_same_labels_every_run(tmp_path: Path) -> None:
    source = tmp_path / "g.trig"
    source.write_text(
        "<http://e.org/g1> { <http://e.org/a> <http://e.org/p> 1 . }\n"
        "<http://e.org/g2> { [] <http://e.org/p> [ <http://e.org/q> 2 ; <http://e.org/q> 3 ] . }\n",
        encoding="utf-8",
    )
    write_shards(source, tmp_path / "one", shard_size=2)
    write_shards(source, tmp_path / "two", shard_size=2)
    assert [len(_lines(path)) for path in _shards(tmp_path / "one")] == [1, 3]
    for one, two in zip(_shards(tmp_path / "one"), _shards(tmp_path / "two"), strict=True):
        assert one.read_bytes() == two.read_bytes()


def test_a_blank_node_in_two_graphs_is_refused_with_no_output(tmp_path: Path) -> None:
    source = tmp_path / "g.nq"
    source.write_text(
        "_:x <http://e.org/p> <http://e.org/a> <http://e.org/g1> .\n"
        "_:x <http://e.org/p> <http://e.org/b> <http://e.org/g2> .\n",
        encoding="utf-8",
    )
    with pytest.raises(UsageError, match=rf"{source}: the blank node _:\w+ is in graphs <http://e.org/g1> and <http"):
        write_shards(source, tmp_path / "out")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["g.nq"]


def test_an_earlier_shard_export_is_replaced_whole(store: Path, tmp_path: Path) -> None:
    write_shards(store, tmp_path / "out", shard_size=20)
    done = write_shards(store, tmp_path / "out", shard_size=1_000)
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == [LOAD_SCRIPT, MANIFEST, "part-00000.nq.gz"]
    assert len(done.shards) == 1
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out"]  # nothing set aside is left


def test_a_folder_holding_other_files_is_refused_and_left_as_it_was(store: Path, tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me\n", encoding="utf-8")
    with pytest.raises(OutputError, match=rf"{folder}: is not empty and is not an earlier shard export"):
        write_shards(store, folder)
    assert [path.name for path in folder.iterdir()] == ["notes.txt"]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["mine"]  # no temporary folder left


def test_an_earlier_export_with_a_stranger_in_it_is_refused(store: Path, tmp_path: Path) -> None:
    write_shards(store, tmp_path / "out")
    (tmp_path / "out" / "notes.txt").write_text("keep me\n", encoding="utf-8")
    with pytest.raises(OutputError, match="is not an earlier shard export"):
        write_shards(store, tmp_path / "out")
    assert (tmp_path / "out" / "notes.txt").is_file()


def test_a_file_with_triples_outside_named_graphs_is_refused_with_no_output(tmp_path: Path) -> None:
    source = tmp_path / "g.ttl"
    source.write_text("<http://e.org/a> <http://e.org/p> 1 .\n", encoding="utf-8")
    with pytest.raises(UsageError, match=rf"{source}: 1 triples are in the default graph"):
        write_shards(source, tmp_path / "out")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["g.ttl"]


def test_a_broken_file_leaves_no_output(tmp_path: Path) -> None:
    source = tmp_path / "g.nq"
    source.write_text(_nquads(3) + "<http://e.org/a> broken .\n", encoding="utf-8")
    with pytest.raises(Exception, match=rf"{source}: not valid nquads"):
        write_shards(source, tmp_path / "out")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["g.nq"]


def test_cli_writes_shards_and_prints_the_isql_command(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(export, [str(store), "--format", "nquads", "--shards", str(out), "--shard-size", "50"])
    assert result.exit_code == 0, result.output
    quads = sum(1 for path in _shards(out) for _ in _lines(path))
    assert f"wrote {quads} quads of 2 named graphs in {len(_shards(out))} shards to {out}" in result.output
    assert f"isql-vt 1111 dba dba {out / LOAD_SCRIPT}" in result.output


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--format", "turtle", "--shards", "OUT"], "--shards writes N-Quads: give --format nquads, not 'turtle'"),
        (["--format", "nquads", "--shard-size", "5"], "error: --shard-size goes with --shards OUTDIR"),
        (["--format", "nquads", "--shards", "OUT", "-o", "x.nq"], "error: --shards OUTDIR is where the shards go"),
        (["--format", "nquads", "--shards", "OUT", "--shard-size", "0"], "Invalid value for '--shard-size'"),
    ],
)
def test_cli_refuses_shards_in_another_format_or_with_odd_options(
    store: Path, tmp_path: Path, arguments: list[str], message: str
) -> None:
    arguments = [str(tmp_path / "OUT") if argument == "OUT" else argument for argument in arguments]
    result = CliRunner().invoke(export, [str(store), *arguments])
    assert result.exit_code == 2
    assert message in result.output
    assert not (tmp_path / "OUT").exists()


def test_shards_parse_back_to_the_named_graphs_of_the_source(tmp_path: Path) -> None:
    source = tmp_path / "g.trig"
    source.write_text('<http://e.org/g> { <http://e.org/a> <http://e.org/p> "Омск"@ru, 1 . }\n', encoding="utf-8")
    write_shards(source, tmp_path / "out")
    unzipped = tmp_path / "back.nq"
    unzipped.write_bytes(gzip.decompress((tmp_path / "out" / "part-00000.nq.gz").read_bytes()))
    assert sorted(map(str, parse_quads(unzipped))) == sorted(map(str, parse_quads(source)))
