"""`kgraph extract` and `kgraph eval` in-process, and the NEREL evaluation on the bundled sample."""

import shutil
from pathlib import Path

from click.testing import CliRunner

from kgraph.cli.extract import evaluate, extract
from kgraph.evaluation import evaluate_model, evaluate_nerel
from kgraph.evaluation.scores import baseline_model
from kgraph.extract import dump_facts
from kgraph.facts import load_facts
from kgraph.model import ArticleModel
from kgraph.source import Article, load_article


def test_extract_writes_facts_that_load_back(tmp_path: Path, seed_dir: Path) -> None:
    out = tmp_path / "facts.yaml"
    result = CliRunner().invoke(extract, [str(seed_dir), "-o", str(out)])
    assert result.exit_code == 0, result.output
    model = load_facts(load_article(seed_dir), out)
    assert any(e.labels["ru"] == "Владимир Путин" for e in model.entities.values())


def test_extract_of_a_missing_file_says_so_and_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(extract, [str(tmp_path / "nope.md")])
    assert result.exit_code == 2
    assert "error:" in result.output and "nope.md" in result.output


def test_eval_of_an_article_against_its_own_extraction_is_perfect(
    tmp_path: Path, seed_dir: Path, seed_model: ArticleModel
) -> None:
    folder = tmp_path / "seed"
    folder.mkdir()
    shutil.copy(seed_dir / "article.md", folder / "article.md")
    (folder / "facts.yaml").write_text(dump_facts(seed_model), encoding="utf-8")
    result = CliRunner().invoke(evaluate, [str(folder), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "direct quotes with speaker" in result.output
    scores = evaluate_model(seed_model, seed_model).scores
    assert all(s.precision == 1.0 and s.recall == 1.0 for s in scores.values())


def test_eval_counts_a_missing_quote_as_a_miss(seed_model: ArticleModel) -> None:
    first = next(u.id for u in seed_model.utterances if u.kind == "direct")
    fewer = ArticleModel(
        seed_model.article,
        seed_model.meta,
        seed_model.entities,
        seed_model.facts,
        seed_model.quantities,
        [u for u in seed_model.utterances if u.id != first],
    )
    report = evaluate_model(fewer, seed_model)
    assert report.scores["direct quotes with speaker"].recall < 1.0
    assert any(first in miss for miss in report.misses)


def test_eval_without_curated_facts_exits_2(tmp_path: Path, seed_dir: Path) -> None:
    (tmp_path / "a").mkdir()
    shutil.copy(seed_dir / "article.md", tmp_path / "a" / "article.md")
    result = CliRunner().invoke(evaluate, [str(tmp_path)])
    assert result.exit_code == 2 and "no article with curated facts" in result.output


def test_nerel_eval_scores_persons_and_links_on_the_sample(nerel_sample: Path) -> None:
    report = evaluate_nerel(nerel_sample)
    assert report.scores["PERSON"].gold > 0 and report.scores["PERSON"].f1 > 0.5
    assert report.scores["wikidata links (judged)"].precision > 0.5
    assert report.baseline["PERSON"].gold == report.scores["PERSON"].gold


def test_nerel_eval_of_a_folder_without_documents_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(evaluate, ["--nerel", str(tmp_path)])
    assert result.exit_code == 2 and "no NEREL documents" in result.output


def test_the_natasha_baseline_finds_names_but_no_events_or_figures(seed_article: Article) -> None:
    baseline = baseline_model(seed_article)
    assert {e.labels["ru"] for e in baseline.entities.values() if e.cls == "schema:Person"} >= {"Владимир Путин"}
    assert baseline.quantities == [] and baseline.utterances == []


def test_extract_without_the_forum_pack_gives_no_plenary_and_no_occasion(seed_dir: Path) -> None:
    with_pack = CliRunner().invoke(extract, [str(seed_dir)])
    without = CliRunner().invoke(extract, [str(seed_dir), "--without", "forum"])
    assert with_pack.exit_code == without.exit_code == 0, without.output
    assert "kg:PlenarySession" in with_pack.output and "occasion:" in with_pack.output
    assert "kg:PlenarySession" not in without.output and "occasion:" not in without.output


def test_an_unknown_pack_is_named_and_exits_2(seed_dir: Path) -> None:
    for command, arguments in ((extract, [str(seed_dir)]), (evaluate, [str(seed_dir)])):
        result = CliRunner().invoke(command, [*arguments, "--without", "sports"])
        assert result.exit_code == 2
        assert "no pack 'sports'; the packs are forum" in result.output


def test_build_without_the_forum_pack_leaves_its_findings_out_of_the_graph(tmp_path: Path, seed_dir: Path) -> None:
    from kgraph.cli.build import build

    article = tmp_path / "omsk.md"  # the seed's text with no curated facts beside it: extracted
    shutil.copy(seed_dir / "article.md", article)
    graphs = {}
    for name, extra in (("with", []), ("without", ["--without", "forum"])):
        result = CliRunner().invoke(build, [str(article), "--out", str(tmp_path / name), "--no-html", *extra])
        assert result.exit_code == 0, result.output
        graphs[name] = (tmp_path / name / "graph.ttl").read_text(encoding="utf-8")
    assert "kg:PlenarySession" in graphs["with"] and "kg:PlenarySession" not in graphs["without"]
    refused = CliRunner().invoke(build, [str(article), "--out", str(tmp_path / "none"), "--without", "sports"])
    assert refused.exit_code == 2 and "no pack 'sports'" in refused.output
    assert not (tmp_path / "none").exists()


def test_extract_writes_an_age_as_a_number_the_facts_loader_reads_back(tmp_path: Path) -> None:
    # "к 90-летию Ивана Петрова": the classifier's AGE_IS gives kg:age a decimal, which YAML cannot write (an
    # anniversary past a life's length, "к 210-летию Ивана Айвазовского", is no age)
    folder = tmp_path / "exhibition"
    folder.mkdir()
    text = (
        "# Третьяковская галерея покажет работы Петрова\n\n"
        "Государственная Третьяковская галерея откроет 15 апреля выставку к 90-летию Ивана Петрова.\n"
    )
    (folder / "article.md").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(extract, [str(folder / "article.md")])
    assert result.exit_code == 0, result.output
    assert "p: kg:age\n  value: 90\n" in result.output
    (folder / "facts.yaml").write_text(result.output, encoding="utf-8")
    loaded = load_facts(load_article(folder), folder / "facts.yaml")
    assert [str(f.obj) for f in loaded.facts if f.predicate == "kg:age"] == ["90"]
