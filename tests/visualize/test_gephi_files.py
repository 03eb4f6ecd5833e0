"""GraphML and GEXF hold the page's nodes and edges, readable back by networkx (as Gephi reads them)."""

from pathlib import Path

import networkx as nx
from rdflib import Dataset

from kgraph.graph import entity_iri
from kgraph.visualize import to_networkx, write_gexf, write_graphml


def test_graphml_round_trips_nodes_edges_and_cyrillic_labels(seed_dataset: Dataset, tmp_path: Path) -> None:
    path = write_graphml(seed_dataset, tmp_path / "graph.graphml")
    back = nx.read_graphml(path)
    expected = to_networkx(seed_dataset)
    assert set(back.nodes) == set(expected.nodes)
    assert sorted((s, o, k) for s, o, k in back.edges(keys=True)) == sorted(expected.edges(keys=True))
    tokayev = back.nodes[str(entity_iri("tokayev"))]
    assert tokayev["label_ru"] == "Касым-Жомарт Токаев"
    assert tokayev["class_label"] == "person"
    assert isinstance(tokayev["x"], float)
    assert list(tmp_path.iterdir()) == [path], "no temporary file is left behind"


def test_gexf_has_colours_positions_and_every_edge(seed_dataset: Dataset, tmp_path: Path) -> None:
    path = write_gexf(seed_dataset, tmp_path / "graph.gexf")
    back = nx.read_gexf(path)
    expected = to_networkx(seed_dataset)
    assert back.number_of_nodes() == expected.number_of_nodes()
    assert back.number_of_edges() == expected.number_of_edges()
    viz = back.nodes[str(entity_iri("tokayev"))]["viz"]
    assert set(viz) >= {"color", "position"}
    labels = {label for *_, label in back.edges(data="label")}
    assert "chaired by" in labels
