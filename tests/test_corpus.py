"""A corpus is a folder of article files at any depth; its build is the same whatever the number of workers."""

import shutil
from pathlib import Path

from kgraph.pipeline import build
from kgraph.source import find_articles

ROOT = Path(__file__).resolve().parents[1]
NEREL_SAMPLE = ROOT / "tests" / "extract" / "data" / "nerel-sample"


def _corpus(folder: Path) -> Path:
    """Three NEREL texts two folders down, an article folder, the corpus's README and a hidden copy."""
    nested = folder / "2019" / "11"
    nested.mkdir(parents=True)
    for text in sorted(NEREL_SAMPLE.glob("*.txt")):
        shutil.copy(text, nested / text.name)
    shutil.copytree(ROOT / "examples" / "technopark", folder / "technopark")
    (folder / "technopark" / "NOTES.md").write_text("# Notes about the article, not an article\n", encoding="utf-8")
    (folder / "README.md").write_text("# A corpus\n", encoding="utf-8")
    (folder / ".cache").mkdir()
    (folder / ".cache" / "copy.txt").write_text("Путин прилетел в Омск.\n", encoding="utf-8")
    return folder


def test_a_folder_of_txt_files_at_any_depth_is_a_corpus(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    found = [path.relative_to(corpus).as_posix() for path in find_articles(corpus)]
    assert found == [
        "2019/11/220820_text.txt",
        "2019/11/223562_text.txt",
        "2019/11/223960_text.txt",
        "technopark",
    ]


def test_two_workers_and_another_order_build_byte_for_byte_what_one_builds(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    one = build([corpus], tmp_path / "one", html=False, jobs=1)
    two = build([corpus], tmp_path / "two", html=False, jobs=2)
    assert [m.article.slug for m in one.models] == [m.article.slug for m in two.models]
    for kind in ("turtle", "trig"):
        assert one.files[kind].read_bytes() == two.files[kind].read_bytes(), kind
    assert one.report.conforms
    paths = [*sorted((corpus / "2019").rglob("*.txt"), reverse=True), corpus / "technopark"]
    reversed_order = build(paths, tmp_path / "reversed", html=False, jobs=2)
    for kind in ("turtle", "trig"):
        assert one.files[kind].read_bytes() == reversed_order.files[kind].read_bytes(), kind


def test_paths_can_come_one_per_line_on_standard_input(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kgraph.cli import main

    corpus = _corpus(tmp_path / "corpus")
    listed = "".join(f"{path}\n" for path in sorted((corpus / "2019").rglob("*.txt"))[:2])
    result = CliRunner().invoke(
        main, ["build", "--paths-from", "-", "--out", str(tmp_path / "out"), "--no-html"], input=listed
    )
    assert result.exit_code == 0, result.output
    assert "Built 2 article(s)" in result.output


def _named_quads(store_folder: Path) -> set[str]:
    from pyoxigraph import DefaultGraph, Store

    store = Store.read_only(str(store_folder / "oxigraph"))
    return {str(quad) for quad in store.quads_for_pattern(None, None, None) if quad.graph_name != DefaultGraph()}


def _fresh_quads(paths: list[Path]) -> set[str]:
    """The quads of a build from scratch, as an Oxigraph store holds them (it stores xsd:nonNegativeInteger as
    xsd:integer)."""
    from pyoxigraph import RdfFormat, Store

    from kgraph.graph import build_dataset
    from kgraph.pipeline import load_models

    store = Store()
    store.load(build_dataset(load_models(paths)).serialize(format="nquads", encoding="utf-8"), format=RdfFormat.N_QUADS)
    return {str(quad) for quad in store}


def test_a_store_build_skips_replaces_and_removes_and_ends_as_a_fresh_build(tmp_path: Path) -> None:
    from kgraph.corpus import build_store

    corpus = _corpus(tmp_path / "corpus")
    store = tmp_path / "store"
    first = build_store([corpus], store)
    assert len(first.added) == 4 and first.conforms
    again = build_store([corpus], store)
    assert (again.added, again.replaced, again.removed, len(again.unchanged)) == ([], [], [], 4)
    technopark = corpus / "technopark" / "article.md"
    technopark.write_text(technopark.read_text(encoding="utf-8") + "\nВладимир Путин поздравил Омск.\n", "utf-8")
    (corpus / "2019" / "11" / "220820_text.txt").unlink()
    (corpus / "omsk.md").write_text("# Омск\n\nКасым-Жомарт Токаев прилетел в Омск.\n", encoding="utf-8")
    changed = build_store([corpus], store)
    assert (changed.added, changed.replaced, changed.removed) == (["omsk"], ["technopark"], ["220820-text"])
    assert _named_quads(store) == _fresh_quads([corpus])
    assert _default_graph(store) == _merge_of_named_graphs(store)


def test_a_new_kgraph_version_writes_every_graph_again_into_an_emptied_store(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import kgraph.corpus
    from kgraph.corpus import build_store

    corpus = _corpus(tmp_path / "corpus")
    store = tmp_path / "store"
    build_store([corpus], store)
    (corpus / "2019" / "11" / "220820_text.txt").unlink()
    monkeypatch.setattr(kgraph.corpus, "_version", lambda: "a retrained model")  # every fingerprint changes
    upgraded = build_store([corpus], store)
    assert (len(upgraded.replaced), upgraded.removed, upgraded.unchanged) == (3, ["220820-text"], [])
    assert _named_quads(store) == _fresh_quads([corpus])
    assert _default_graph(store) == _merge_of_named_graphs(store)
    assert len(build_store([corpus], store).unchanged) == 3


def _default_graph(store_folder: Path) -> set[str]:
    from pyoxigraph import DefaultGraph, Store

    store = Store.read_only(str(store_folder / "oxigraph"))
    return {str(quad.triple) for quad in store.quads_for_pattern(None, None, None, DefaultGraph())}


def _merge_of_named_graphs(store_folder: Path) -> set[str]:
    from pyoxigraph import DefaultGraph, Store

    store = Store.read_only(str(store_folder / "oxigraph"))
    return {str(q.triple) for q in store.quads_for_pattern(None, None, None) if q.graph_name != DefaultGraph()}


def test_a_store_is_queried_as_a_file_is(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kgraph.cli import main

    corpus = _corpus(tmp_path / "corpus")
    store = tmp_path / "store"
    built = CliRunner().invoke(main, ["build", str(corpus), str(ROOT / "data"), "--store", str(store)])
    assert built.exit_code == 0, built.output
    assert "added: 5" in built.output
    result = CliRunner().invoke(main, ["query", "shared_entities", "--data", str(store), "--format", "csv"])
    assert result.exit_code == 0, result.output
    tokayev = [line for line in result.output.splitlines() if line.startswith("https://w3id.org/kgraph/id/tokayev,")]
    assert len(tokayev) == 2 and all(",2," in line for line in tokayev)  # the seed and technopark name him


def test_a_folder_that_is_not_a_store_is_refused(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kgraph.cli import main

    (tmp_path / "notes.txt").write_text("not a store\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(ROOT / "data"), "--store", str(tmp_path)])
    assert result.exit_code == 2
    assert f"{tmp_path}: not a kgraph store" in result.output


def test_export_stats_and_viz_read_a_store_as_they_read_a_file(tmp_path: Path) -> None:
    from click.testing import CliRunner
    from pyoxigraph import RdfFormat, Store

    from kgraph.cli import main
    from kgraph.corpus import build_store

    articles = [ROOT / "data", ROOT / "examples" / "technopark"]
    store = tmp_path / "store"
    build_store(articles, store)
    runner = CliRunner()
    exported = runner.invoke(main, ["export", str(store), "--format", "nquads"])
    assert exported.exit_code == 0
    read_back = Store()
    read_back.load(exported.stdout_bytes, format=RdfFormat.N_QUADS)
    assert {str(quad) for quad in read_back} == _fresh_quads(articles)
    counted = runner.invoke(main, ["stats", str(store)])
    assert counted.exit_code == 0 and "in 2 named graph(s)" in counted.output
    page = runner.invoke(main, ["viz", str(store), "-o", str(tmp_path / "page.html")])
    assert page.exit_code == 0 and (tmp_path / "page.html").is_file()


def test_a_store_streams_out_in_every_format_the_graph_a_file_build_holds(tmp_path: Path) -> None:
    from click.testing import CliRunner
    from pyoxigraph import RdfFormat, Store

    from kgraph.cli import main
    from kgraph.corpus import build_store

    articles = [ROOT / "data", ROOT / "examples" / "technopark"]
    store = tmp_path / "store"
    build_store(articles, store)
    fresh = _fresh_quads(articles)
    union = {quad.rsplit(" ", 1)[0] for quad in fresh}  # the triples, without their graph
    runner = CliRunner()
    for fmt, oxigraph_format in (
        ("turtle", RdfFormat.TURTLE),
        ("ntriples", RdfFormat.N_TRIPLES),
        ("trig", RdfFormat.TRIG),
        ("nquads", RdfFormat.N_QUADS),
    ):
        out = tmp_path / f"out.{fmt}"
        written = runner.invoke(main, ["export", str(store), "--format", fmt, "-o", str(out)])
        assert written.exit_code == 0, written.output
        again = runner.invoke(main, ["export", str(store), "--format", fmt])
        assert again.stdout_bytes == out.read_bytes()  # the same store, the same bytes
        read_back = Store()
        read_back.load(path=str(out), format=oxigraph_format)
        quads = {str(quad) for quad in read_back}
        assert quads == (fresh if fmt in ("trig", "nquads") else union), fmt


def test_two_workers_write_the_store_one_writes_and_a_merge_undone_is_written_again(tmp_path: Path) -> None:
    from kgraph.corpus import build_store

    articles = [ROOT / "data", ROOT / "examples" / "technopark"]
    store = tmp_path / "store"
    first = build_store(articles, store, jobs=2)
    assert len(first.added) == 2 and _named_quads(store) == _fresh_quads(articles)
    assert len(build_store(articles, store, jobs=2).unchanged) == 2
    tokayev, technopark = "<https://w3id.org/kgraph/id/tokayev>", "<https://w3id.org/kgraph/id/article/technopark>"
    assert any(tokayev in quad and quad.endswith(technopark) for quad in _named_quads(store))
    apart = build_store(articles, store, keep_apart=["person:касым-жомарт токаев"], jobs=2)
    assert "technopark" in apart.nodes_changed and not apart.added and not apart.replaced
    assert not any(tokayev in quad and quad.endswith(technopark) for quad in _named_quads(store))


def test_a_dask_local_cluster_builds_the_store_worker_processes_build(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kgraph.cli import main

    corpus = _corpus(tmp_path / "corpus")
    store = tmp_path / "store"
    built = CliRunner().invoke(main, ["build", str(corpus), "--store", str(store), "--dask", "local", "--jobs", "2"])
    assert built.exit_code == 0, built.output
    assert "added: 4" in built.output
    assert _named_quads(store) == _fresh_quads([corpus])


def test_a_dask_scheduler_that_does_not_answer_is_an_error_naming_it(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kgraph.cli import main

    address = "tcp://127.0.0.1:9"  # the discard port: nothing listens there
    result = CliRunner().invoke(
        main, ["build", str(ROOT / "examples" / "technopark"), "--store", str(tmp_path / "s"), "--dask", address]
    )
    assert result.exit_code == 2 and f"cannot reach the Dask scheduler at {address}" in result.output, result.output


def test_a_bad_article_fails_alone_and_the_store_keeps_the_rest(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kgraph.cli import main

    corpus = _corpus(tmp_path / "corpus")
    store = tmp_path / "store"
    bad = corpus / "broken.txt"
    bad.write_bytes("Путин прилетел в Омск.\n".encode("cp1251"))  # not UTF-8
    result = CliRunner().invoke(main, ["build", str(corpus), "--store", str(store)])
    assert result.exit_code == 2, result.output
    assert f"error: {bad}: not UTF-8 text" in result.stderr
    assert "added: 4" in result.output and "failed: 1" in result.output
    bad.write_text("# Омск\n\nПутин прилетел в Омск.\n", encoding="utf-8")  # mended: the next run adds it alone
    again = CliRunner().invoke(main, ["build", str(corpus), "--store", str(store)])
    assert again.exit_code == 0, again.output
    assert "added: 1 (broken)" in again.output and "unchanged: 4" in again.output


def test_a_long_store_build_shows_its_progress_and_rate_on_stderr(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kgraph.cli import main

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number in range(17):
        (corpus / f"news-{number}.txt").write_text(f"# Новость {number}\n\nВладимир Путин прилетел в Омск.\n", "utf-8")
    result = CliRunner().invoke(main, ["build", str(corpus), "--store", str(tmp_path / "store"), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert "extracting" in result.stderr and "17/17" in result.stderr and "articles/s" in result.stderr
    assert "added: 17" in result.output


def test_a_failed_article_keeps_its_graph_and_its_part_in_the_nodes_of_the_rest(tmp_path: Path) -> None:
    from kgraph.corpus import build_store
    from kgraph.graph import article_iri, entity_iri
    from kgraph.namespaces import SCHEMA

    seed = tmp_path / "omsk.forum"  # a dot in the name: its IRI ends with omsk-forum
    shutil.copytree(ROOT / "data" / "omsk-forum-2019-11-07", seed)
    news = tmp_path / "news"
    news.mkdir()
    (news / "putin.md").write_text("# Путин\n\nВладимир Путин прилетел в Омск.\n", encoding="utf-8")
    store = tmp_path / "store"
    build_store([seed, news], store)
    (seed / "facts.yaml").write_text("entities: [", encoding="utf-8")  # broken curated facts
    (news / "putin.md").write_text("# Путин\n\nВладимир Путин снова прилетел в Омск.\n", encoding="utf-8")
    again = build_store([seed, news], store)
    assert list(again.failed) == [str(seed / "article.md")] and again.removed == [] and again.replaced == ["putin"]
    quads = _named_quads(store)
    assert any(quad.endswith(f"<{article_iri('omsk-forum')}>") for quad in quads)  # the seed's graph is kept
    # and the seed still holds Putin's node: the new text names id:putin, not a node of its own
    assert f"<{article_iri('putin')}> <{SCHEMA.mentions}> <{entity_iri('putin')}> <{article_iri('putin')}>" in quads


def test_a_build_of_other_folders_leaves_the_rest_of_the_store_alone(tmp_path: Path) -> None:
    from kgraph.corpus import build_store

    corpus = _corpus(tmp_path / "corpus")
    store = tmp_path / "store"
    build_store([corpus], store)
    other = build_store([ROOT / "data"], store)
    assert other.added == ["omsk-forum-2019-11-07"] and other.removed == []
    together = build_store([corpus, ROOT / "data"], store)  # the seed's Tokayev joins technopark's: nodes change
    assert (together.added, together.removed, len(together.unchanged) + len(together.nodes_changed)) == ([], [], 5)


def test_a_first_build_cut_short_is_run_again_without_extracting_what_it_saved(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import json

    import kgraph.corpus

    corpus = _corpus(tmp_path / "corpus")
    store = tmp_path / "store"
    kgraph.corpus.build_store([corpus], store)
    (store / "kgraph-store.json").write_text(json.dumps({"version": "", "articles": {}}), encoding="utf-8")

    def refuse(*_: object) -> None:
        raise AssertionError("extracted again")

    monkeypatch.setattr(kgraph.corpus, "_extract", refuse)
    again = kgraph.corpus.build_store([corpus], store)
    assert len(again.added) == 4 and not again.failed
    assert _named_quads(store) == _fresh_quads([corpus])


def test_an_empty_list_of_paths_is_refused_rather_than_building_data(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kgraph.cli import main

    result = CliRunner().invoke(main, ["build", "--paths-from", "-", "--store", str(tmp_path / "s")], input="\n")
    assert result.exit_code == 2 and "--paths-from <stdin>: no paths in it" in result.output


def test_an_article_built_from_other_paths_joins_the_nodes_of_a_new_one(tmp_path: Path) -> None:
    from kgraph.corpus import build_store
    from kgraph.graph import article_iri, entity_iri
    from kgraph.namespaces import SCHEMA

    store = tmp_path / "store"
    build_store([ROOT / "examples" / "technopark"], store)
    seed = build_store([ROOT / "data"], store)  # the seed's curated Tokayev: technopark's is now id:tokayev
    assert seed.added == ["omsk-forum-2019-11-07"] and seed.nodes_changed == ["technopark"]
    mention = (
        f"<{article_iri('technopark')}> <{SCHEMA.mentions}> <{entity_iri('tokayev')}> <{article_iri('technopark')}>"
    )
    assert mention in _named_quads(store)
    assert _named_quads(store) == _fresh_quads([ROOT / "examples" / "technopark", ROOT / "data"])


def test_a_saved_model_spoilt_or_cut_short_is_extracted_again_beside_a_new_article(tmp_path: Path) -> None:
    import pickle

    from kgraph.corpus import build_store

    corpus = _corpus(tmp_path / "corpus")
    store = tmp_path / "store"
    build_store([corpus], store, jobs=2)
    spoiled = sorted((store / "models").glob("220820-text.*.pickle"))
    for path in spoiled:
        path.write_bytes(pickle.dumps("no model"))
    cut_short = sorted((store / "models").glob("223562-text.*.pickle"))
    for path in cut_short:
        path.write_bytes(path.read_bytes()[:100])
    assert len(spoiled) == len(cut_short) == 2  # each article's model and what resolution reads of it
    (corpus / "added.txt").write_text("Президент Казахстана Касым-Жомарт Токаев прилетел в Омск.\n", encoding="utf-8")
    again = build_store([corpus], store, jobs=2)
    assert again.added == ["added"] and not again.failed
    assert isinstance(pickle.loads(max(spoiled, key=lambda p: len(p.name)).read_bytes()), tuple)
    assert _named_quads(store) == _fresh_quads([corpus])
