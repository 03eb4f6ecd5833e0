"""Turtle of many articles: the prefixes bound to speed rdflib up never reach the output."""

import re

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import RDFS

from kgraph.export import serialize
from kgraph.graph import article_iri
from kgraph.namespaces import NIF, PREFIXES, bind_prefixes
from kgraph.rdfio import union_graph


def _two_articles() -> Dataset:
    dataset = Dataset()
    for slug in ("a", "b"):
        article = article_iri(slug)
        graph = dataset.graph(article)
        graph.add((URIRef(f"{article}/text#char=0,4"), NIF.anchorOf, Literal("Омск")))
        graph.add((URIRef(f"{article}/entity/omsk"), RDFS.label, Literal("Омск", lang="ru")))
    return dataset


def test_turtle_of_several_articles_declares_only_our_prefixes() -> None:
    turtle = serialize(_two_articles(), "turtle").decode()
    assert set(re.findall(r"^@prefix (\w+):", turtle, re.MULTILINE)) <= set(PREFIXES)
    assert f"<{article_iri('b')}/entity/omsk> rdfs:label" in turtle


def test_turtle_is_the_bytes_rdflib_writes_on_its_own() -> None:
    dataset = _two_articles()
    plain = union_graph(dataset)
    bind_prefixes(plain)
    assert serialize(dataset, "turtle") == plain.serialize(format="turtle", encoding="utf-8")
