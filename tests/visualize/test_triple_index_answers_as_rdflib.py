"""The page reads the graph through a dict index (``Triples``): it must answer exactly as rdflib does."""

from typing import Any, cast

from rdflib import Dataset

from kgraph.rdfio import union_graph
from kgraph.visualize.details import PanelBuilder
from kgraph.visualize.network import entity_nodes, relations
from kgraph.visualize.triples import Triples


def test_every_lookup_gives_what_rdflib_gives_on_the_seed_graph(seed_dataset: Dataset) -> None:
    graph, triples = union_graph(seed_dataset), Triples(seed_dataset)
    assert len(graph) > 1000
    for s, p, o in graph:
        assert set(triples.objects(s, p)) == set(graph.objects(s, p))
        assert set(triples.subjects(p, o)) == set(graph.subjects(p, o))
        assert triples.value(s, p) in set(graph.objects(s, p))
    for s in set(graph.subjects()):
        assert sorted(triples.predicate_objects(s)) == sorted(graph.predicate_objects(s))
    for o in set(graph.objects()):
        assert sorted(triples.subject_predicates(o)) == sorted(graph.subject_predicates(o))
    for p in set(graph.predicates()):
        assert sorted(triples.subjects(p)) == sorted(set(graph.subjects(p)))
    assert triples.value(graph.identifier, graph.identifier) is None


def test_panels_and_edges_from_the_index_equal_those_read_from_rdflib(seed_dataset: Dataset) -> None:
    graph = cast(Any, union_graph(seed_dataset))  # rdflib's Graph has the methods the page calls on the index
    triples = Triples(seed_dataset)
    nodes = entity_nodes(triples)
    assert nodes == entity_nodes(graph) and len(nodes) > 50
    assert relations(triples, nodes) == relations(graph, nodes)
    ids = {node: f"n{i}" for i, node in enumerate(nodes)}
    from_index, from_rdflib = PanelBuilder(triples, ids), PanelBuilder(graph, ids)
    for node in nodes:
        assert from_index.panel(node) == from_rdflib.panel(node)
    assert from_index.sentences.texts == from_rdflib.sentences.texts


def test_the_index_of_a_files_quads_equals_the_index_of_its_dataset(seed_trig) -> None:
    from kgraph.rdfio import parse_quads, read_dataset

    quads = parse_quads(seed_trig)
    from_quads, from_dataset = Triples.from_quads(quads + quads), Triples(read_dataset(seed_trig))  # twice: once
    graph = union_graph(read_dataset(seed_trig))
    for s in set(graph.subjects()):
        assert sorted(from_quads.predicate_objects(s)) == sorted(from_dataset.predicate_objects(s))
    for o in set(graph.objects()):
        assert sorted(from_quads.subject_predicates(o)) == sorted(from_dataset.subject_predicates(o))
