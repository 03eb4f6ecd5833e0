"""Turtle and TriG of many articles: deterministic bytes, only our prefixes, IRIs that read as IRIs."""

import re
from typing import Any

import pytest
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDFS

from kgraph.export import serialize, serialize_quads
from kgraph.graph import article_iri
from kgraph.namespaces import ID, NIF, PREFIXES
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


def test_the_same_graph_built_in_another_order_is_the_same_bytes() -> None:
    dataset = _two_articles()
    backwards = Dataset()
    for graph in reversed(list(dataset.graphs())):
        for triple in reversed(sorted(graph)):
            backwards.graph(graph.identifier).add(triple)
    for fmt in ("turtle", "trig", "ntriples", "nquads"):
        assert serialize(dataset, fmt) == serialize(backwards, fmt)


@pytest.mark.parametrize("fmt", ["turtle", "trig"])
def test_what_holds_escapes_is_written_as_a_full_iri_and_reads_back_the_same(fmt: str) -> None:
    dataset = _two_articles()
    tricky = Literal(r'id:article\/a\/text "id:x\,y" id:a\/b')  # looks like an escaped name: must stay a literal
    dataset.graph(article_iri("a")).add((URIRef(f"{article_iri('a')}/entity/omsk"), RDFS.comment, tricky))
    written = serialize(dataset, fmt)
    assert f"<{article_iri('a')}/text#char=0,4>".encode() in written
    assert b"id:article\\/" not in written.replace(b"id:article\\\\/", b"")
    again = Dataset()
    again.parse(data=written, format=fmt)
    assert isomorphic(union_graph(again), union_graph(dataset))
    assert tricky in set(union_graph(again).objects(None, RDFS.comment))


def test_blank_nodes_get_the_same_labels_whatever_rdflib_named_them() -> None:
    def with_blank() -> Dataset:
        dataset = _two_articles()
        node = BNode()
        dataset.graph(article_iri("a")).add((URIRef(f"{article_iri('a')}/entity/omsk"), RDFS.seeAlso, node))
        dataset.graph(article_iri("a")).add((node, RDFS.label, Literal("x")))
        return dataset

    assert serialize(with_blank(), "turtle") == serialize(with_blank(), "turtle")


def _tricky_quads() -> list[Any]:
    """Quads whose N-Quads lines are easy to misread: literals holding spaces and a graph's name, the default
    graph stating a graph's name as its object, blank-node graphs whose labels begin alike, a repeated quad."""
    from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad

    g, other = NamedNode(article_iri("a")), NamedNode(article_iri("b"))
    s, p = NamedNode(f"{ID}x"), NamedNode(str(RDFS.label))
    quads = [
        Quad(s, p, g, DefaultGraph()),
        Quad(s, p, Literal(f"text <{g.value}>"), DefaultGraph()),
        Quad(s, p, Literal("a b", language="ru"), g),
        Quad(s, p, g, g),
        Quad(s, NamedNode(str(RDFS.comment)), Literal(f"<{other.value}> b"), other),
        Quad(BlankNode("n1"), p, Literal("1 2", datatype=NamedNode(f"{ID}unit")), BlankNode("g1")),
        Quad(s, p, BlankNode("n1"), BlankNode("g12")),
    ]
    return quads + quads[:3]


def test_trig_of_quads_is_the_same_bytes_in_any_order_and_reads_back_the_same() -> None:
    from pyoxigraph import RdfFormat, parse

    quads = _tricky_quads()
    written = serialize_quads(quads, "trig")
    assert serialize_quads(reversed(quads), "trig") == written
    assert set(parse(written, format=RdfFormat.TRIG)) == set(quads)
    body = written.decode().split(f"<{article_iri('a')}> {{")
    assert len(body) == 2 and "\n}" not in body[0]  # the default graph first, standing alone
    assert [line for line in body[1].splitlines() if line.endswith("{")] == [
        f"<{article_iri('b')}> {{",
        "_:g1 {",
        "_:g12 {",
    ]


def test_turtle_streamed_in_chunks_forgetting_terms_is_the_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    from pyoxigraph import RdfFormat
    from pyoxigraph import serialize as ox_serialize

    from kgraph import turtle

    written = ox_serialize((q.triple for q in _tricky_quads()), format=RdfFormat.N_TRIPLES)
    lines = sorted(written.split(b" .\n")[:-1])
    whole = b"".join(turtle.statements(lines))
    monkeypatch.setattr(turtle, "_CHUNK", 1)
    monkeypatch.setattr(turtle, "_MAX_TERMS", 0)  # and the shortened terms forgotten after each chunk
    assert b"".join(turtle.statements(lines)) == whole
    assert whole.count(f"{ID}x> ".encode()) + whole.count(b"id:x ") == 1  # one statement about the subject
