"""SHACL validation: the seed graph conforms, and each broken fixture breaks exactly the shape it targets."""

from collections.abc import Callable

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from kgraph.graph import article_iri, entity_iri
from kgraph.namespaces import KG, NIF, PROV, SCHEMA
from kgraph.rdfio import union_graph
from kgraph.validate import validate

ARTICLE = article_iri("omsk-forum-2019-11-07")
QUANTITY = URIRef(f"{ARTICLE}/quantity/forum_attendance")


def test_seed_graph_conforms(seed_dataset: Dataset) -> None:
    report = validate(seed_dataset)
    assert report.conforms, report.text


def _first_phrase(graph: Graph) -> URIRef:
    return sorted(s for s in graph.subjects(RDF.type, NIF.Phrase))[0]


def _set(graph: Graph, s: URIRef, p: URIRef, o: Literal | URIRef) -> None:
    graph.remove((s, p, None))
    graph.add((s, p, o))


def _drop_fact(graph: Graph, s: URIRef, p: URIRef) -> None:
    """Remove a fact and its reification, as if the facts file never stated it."""
    for assertion in list(graph.subjects(RDF.subject, s)):
        if graph.value(assertion, RDF.predicate) == p:
            graph.remove((assertion, None, None))
    graph.remove((s, p, None))


def _replace_fact(graph: Graph, s: URIRef, p: URIRef, o: Literal) -> None:
    """Change a fact's object and its reification together."""
    for assertion in list(graph.subjects(RDF.subject, s)):
        if graph.value(assertion, RDF.predicate) == p:
            _set(graph, assertion, RDF.object, o)
    _set(graph, s, p, o)


BREAKAGES: dict[str, tuple[Callable[[Graph], None], str, str]] = {
    "english-label-missing": (
        lambda g: g.remove((entity_iri("putin"), RDFS.label, Literal("Vladimir Putin", lang="en"))),
        "kgsh:EntityShape",
        "English label",
    ),
    "value-is-a-string": (
        lambda g: _set(g, QUANTITY, SCHEMA.value, Literal("1600")),
        "kgsh:QuantityShape",
        "numeric value",
    ),
    "offset-does-not-match": (
        lambda g: _set(g, _first_phrase(g), NIF.anchorOf, Literal("Томске")),
        "kgsh:StringShape",
        "offsets",
    ),
    "plenary-without-chair": (
        lambda g: _drop_fact(g, entity_iri("plenary"), KG.chair),
        "kgsh:PlenarySessionShape",
        "chair",
    ),
    "ends-before-it-starts": (
        lambda g: _replace_fact(g, entity_iri("forum16"), SCHEMA.endDate, Literal("2019-11-01", datatype=XSD.date)),
        "kgsh:EventShape",
        "end before it starts",
    ),
    "assertion-of-a-missing-triple": (
        lambda g: g.remove((entity_iri("russia"), KG.largestInvestorIn, entity_iri("kazakhstan"))),
        "kgsh:AssertionShape",
        "triple that is in the graph",
    ),
    "entity-without-provenance": (
        lambda g: g.remove((entity_iri("omsk"), PROV.wasDerivedFrom, None)),
        "kgsh:EntityShape",
        "sentence",
    ),
    "bad-wikidata-link": (
        lambda g: _set(
            g,
            entity_iri("omsk"),
            URIRef("http://www.w3.org/2002/07/owl#sameAs"),
            URIRef("https://www.wikidata.org/wiki/Q898"),
        ),
        "kgsh:EntityShape",
        "Wikidata",
    ),
}


@pytest.mark.parametrize("name", sorted(BREAKAGES))
def test_each_broken_graph_breaks_exactly_its_shape(seed_dataset: Dataset, name: str) -> None:
    graph = union_graph(seed_dataset)
    broken = Graph()
    broken += graph
    breakage, shape, words = BREAKAGES[name]
    breakage(broken)
    report = validate(broken)
    assert not report.conforms
    assert {r.shape for r in report.results} == {shape}, report.text
    assert len(report.results) == 1, report.text
    assert words in report.results[0].message


def test_report_names_focus_label_path_and_message(seed_dataset: Dataset) -> None:
    broken = Graph()
    broken += union_graph(seed_dataset)
    broken.remove((entity_iri("putin"), RDFS.label, Literal("Vladimir Putin", lang="en")))
    report = validate(broken)
    assert report.text.splitlines()[1] == (
        "- Violation: https://w3id.org/kgraph/id/putin (Владимир Путин) rdfs:label: "
        "Every entity needs exactly one English label (rdfs:label @en)."
    )
