"""GraphML and GEXF hold the page's nodes and edges, readable back by networkx (as Gephi reads them)."""

from pathlib import Path
from xml.etree import ElementTree

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kgraph.cli import main
from kgraph.graph import entity_iri
from kgraph.namespaces import ID, KG, SCHEMA
from kgraph.visualize import to_networkx, write_gexf, write_graphml
from kgraph.visualize.gephi import GephiExportError


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


# Every character XML 1.0 cannot hold, by class; the expected text is built here, not by the code under test.
UNWRITABLE = {
    "c0-controls": "".join(chr(c) for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)),
    "noncharacters": "\ufffe\uffff",
    "lone-surrogates": "\ud800\udbff\udc00\udfff",
}
KEPT = "Омск\t\n \u0085\u2028\ue000\ufffd\U0001f600 «ok»"


def escaped(text: str) -> str:
    return "".join(f"\\u{ord(c):04x}" for c in text)


def unwritable_graph(bad: str) -> Graph:
    """A person whose IRI, labels and class, and a forum whose link to the person, hold `bad` between kept text."""
    graph = Graph()
    person, forum = URIRef(f"{ID}person{bad}"), ID["forum"]
    graph.add((person, RDF.type, URIRef(f"https://schema.org/Person{bad}")))
    graph.add((person, RDFS.label, Literal(f"{KEPT}{bad}ru", lang="ru")))
    graph.add((person, RDFS.label, Literal(f"{bad}{KEPT}en", lang="en")))
    graph.add((forum, RDF.type, KG.Forum))
    graph.add((forum, RDFS.label, Literal(f"forum{bad}", lang="en")))
    graph.add((forum, URIRef(f"{KG}chair{bad}"), person))
    return graph


@pytest.mark.parametrize("bad", UNWRITABLE.values(), ids=UNWRITABLE.keys())
@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_an_unwritable_character_becomes_a_visible_escape_in_well_formed_xml(
    bad: str, fmt: str, tmp_path: Path
) -> None:
    writer, reader = {"graphml": (write_graphml, nx.read_graphml), "gexf": (write_gexf, nx.read_gexf)}[fmt]
    path = writer(unwritable_graph(bad), tmp_path / f"graph.{fmt}")
    ElementTree.parse(path)  # expat: raises ParseError on any character XML 1.0 cannot hold
    back = reader(path)
    person = back.nodes[f"{ID}person{escaped(bad)}"]
    assert person["label_ru"] == f"{KEPT}{escaped(bad)}ru"
    assert person["label_en"] == person["label"] == f"{escaped(bad)}{KEPT}en"
    assert person["class_iri"] == f"https://schema.org/Person{escaped(bad)}"
    assert back.nodes[str(ID["forum"])]["label"] == f"forum{escaped(bad)}"
    [(source, target, label)] = back.edges(data="label")
    assert (source, target) == (str(ID["forum"]), f"{ID}person{escaped(bad)}")
    assert label == f"chair{escaped(bad)}"


def test_two_iris_that_escape_alike_are_refused_not_merged(tmp_path: Path) -> None:
    graph = Graph()
    for iri in (URIRef(f"{ID}a\u0001"), URIRef(f"{ID}a\\u0001")):
        graph.add((iri, RDF.type, SCHEMA.Person))
    with pytest.raises(GephiExportError, match=r"read the same once escaped"):
        write_graphml(graph, tmp_path / "graph.graphml")
    assert list(tmp_path.iterdir()) == []


def test_export_to_graphml_writes_a_control_character_as_its_escape(tmp_path: Path) -> None:
    source = tmp_path / "graph.nt"
    source.write_text(
        f'<{ID}x> <{RDF.type}> <{SCHEMA.Person}> .\n<{ID}x> <{RDFS.label}> "Bell\\u0007"@en .\n', encoding="utf-8"
    )
    out = tmp_path / "graph.graphml"
    result = CliRunner().invoke(main, ["export", str(source), "--format", "graphml", "-o", str(out)])
    assert result.exit_code == 0, result.output
    ElementTree.parse(out)
    assert nx.read_graphml(out).nodes[str(ID["x"])]["label"] == "Bell\\u0007"
