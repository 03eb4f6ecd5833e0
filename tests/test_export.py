"""Turtle and TriG of many articles: the prefixes bound to speed rdflib up never reach the output."""

import re

import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import RDFS

from kgraph.export import serialize
from kgraph.graph import article_iri
from kgraph.namespaces import NIF, PREFIXES
from kgraph.rdfio import union_graph


def _two_articles() -> Dataset:
    dataset = Dataset()
    for slug in ("a", "b"):
        article = article_iri(slug)
        graph = dataset.graph(article)
        graph.add((URIRef(f"{article}/text#char=0,4"), NIF.anchorOf, Literal("Омск")))
        graph.add((URIRef(f"{article}/entity/omsk"), RDFS.label, Literal("Омск", lang="ru")))
    return dataset


@pytest.mark.parametrize("fmt", ["turtle", "trig"])
def test_several_articles_are_written_with_only_our_prefixes(fmt: str) -> None:
    written = serialize(_two_articles(), fmt).decode()
    assert set(re.findall(r"^@prefix (\w+):", written, re.MULTILINE)) <= set(PREFIXES)
    assert f"<{article_iri('b')}/entity/omsk> rdfs:label" in written


def test_turtle_is_the_bytes_rdflib_writes_on_its_own() -> None:
    dataset = _two_articles()
    plain = union_graph(dataset)  # our prefixes bound, and nothing else
    assert serialize(dataset, "turtle") == plain.serialize(format="turtle", encoding="utf-8")
