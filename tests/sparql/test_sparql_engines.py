"""The embedded engine (pyoxigraph) and rdflib's give the same solutions for every query in queries/."""

from pathlib import Path

import pytest

from kgraph.errors import QueryError, UsageError
from kgraph.query import LocalStore, list_queries
from kgraph.query.params import parse_params
from kgraph.query.rdflib_store import RdflibStore

from .compare import assert_same

QUERIES = list_queries()


@pytest.fixture(scope="module")
def engines(seed_file: Path) -> tuple[LocalStore, RdflibStore]:
    return LocalStore.from_files(seed_file), RdflibStore.from_files(seed_file)


def test_there_are_competency_questions() -> None:
    assert len(QUERIES) >= 10


@pytest.mark.parametrize("named", QUERIES, ids=[q.name for q in QUERIES])
def test_same_answers_on_both_engines(named, engines) -> None:  # type: ignore[no-untyped-def]
    ours, theirs = engines
    result = ours.query(named.text)
    assert_same(result, theirs.query(named.text))
    if result.kind == "select":
        assert result.bindings, f"{named.name} has no answers on the seed graph"


@pytest.fixture(scope="module")
def two_articles(seed_file: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[LocalStore, RdflibStore]:
    """The seed graph twice, in two named graphs: every triple is stated by two articles."""
    seed = LocalStore.from_files(seed_file).serialize("nquads").decode("utf-8")
    copy = seed.replace("/article/omsk-forum-2019-11-07> .", "/article/copy> .")
    assert copy != seed
    path = tmp_path_factory.mktemp("two") / "two.nq"
    path.write_text(seed + copy, encoding="utf-8")
    return LocalStore.from_files(path), RdflibStore.from_files(path)


@pytest.mark.parametrize("named", QUERIES, ids=[q.name for q in QUERIES])
def test_a_triple_in_two_graphs_matches_once(named, two_articles, engines) -> None:  # type: ignore[no-untyped-def]
    ours, theirs = two_articles
    result = ours.query(named.text)
    assert_same(result, theirs.query(named.text))
    assert_same(result, engines[0].query(named.text))


def test_a_parameter_binds_the_same_answers_on_both_engines(engines) -> None:  # type: ignore[no-untyped-def]
    ours, theirs = engines
    text = "SELECT ?person ?label WHERE { ?person a schema:Person ; rdfs:label ?label }"
    everyone = ours.query(text)
    assert len(everyone.bindings) > 1
    first = everyone.bindings[0]["label"]
    params = parse_params([f'label="{first["value"]}"@{first["xml:lang"]}'])
    narrowed = ours.query(text, params)
    assert_same(narrowed, theirs.query(text, params))
    assert {row["label"]["value"] for row in narrowed.bindings} == {first["value"]}
    assert 0 < len(narrowed.bindings) < len(everyone.bindings)


def test_a_value_that_would_change_the_query_is_refused() -> None:
    with pytest.raises(UsageError, match="not one RDF term"):
        parse_params(['label="x"@ru } ; DROP ALL ; SELECT * { ?s ?p "y"@ru'])
    with pytest.raises(UsageError, match="not one RDF term"):
        parse_params(["who=<http://e.org/a> . <http://e.org/b> <http://e.org/c> <http://e.org/d>"])
    with pytest.raises(UsageError, match="prefixed name"):
        parse_params(["who=nope:x"])


def test_a_value_full_of_sparql_is_only_a_string(engines) -> None:  # type: ignore[no-untyped-def]
    ours, _ = engines
    text = "SELECT ?label WHERE { ?person rdfs:label ?label }"
    params = parse_params(['label="\\" } UNION { ?person ?p ?label } #"'])
    assert ours.query(text, params).bindings == []


def test_a_parameter_on_a_variable_not_selected_is_a_clear_error(engines) -> None:  # type: ignore[no-untyped-def]
    ours, _ = engines
    with pytest.raises(QueryError, match="cannot bind"):
        ours.query("SELECT ?person WHERE { ?person rdfs:label ?label }", parse_params(['label="x"']))


def test_result_limit(engines) -> None:  # type: ignore[no-untyped-def]
    ours, _ = engines
    with pytest.raises(QueryError, match="more than 5 rows"):
        ours.query("SELECT * WHERE { ?s ?p ?o }", limit=5)
    assert len(ours.query("SELECT * WHERE { ?s ?p ?o } LIMIT 5", limit=5).bindings) == 5
