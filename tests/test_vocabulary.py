"""Every term the graph uses is declared by us or comes from a known vocabulary; every class has a shape."""

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH

from kgraph.namespaces import KG, KNOWN_VOCABULARIES, _declared_terms
from kgraph.resources import ontology_path, shapes_path

ONTOLOGY = Graph().parse(ontology_path())
SHAPES = Graph().parse(shapes_path())
OURS = str(KG._NS)


def _declared() -> set[URIRef]:
    return {s for s in ONTOLOGY.subjects(RDF.type, None) if isinstance(s, URIRef) and str(s).startswith(OURS)}


def test_every_term_the_graph_uses_is_declared_or_known(seed_dataset: Dataset) -> None:
    used = set()
    for _s, p, o, _ in seed_dataset.quads((None, None, None, None)):
        used.add(p)
        if p == RDF.type:
            used.add(o)
    ours = {t for t in used if str(t).startswith(OURS)}
    assert ours <= _declared(), ours - _declared()
    foreign = {t for t in used - ours if not str(t).startswith(KNOWN_VOCABULARIES)}
    assert foreign == set()


def test_closed_namespace_matches_the_ontology() -> None:
    in_code = {KG[name] for name in _declared_terms(KG)}
    assert in_code == _declared()


def test_every_declared_class_has_a_shape() -> None:
    classes = set(ONTOLOGY.subjects(RDF.type, OWL.Class))
    targeted = set(SHAPES.objects(None, SH.targetClass))
    assert classes and classes <= targeted, classes - targeted


def test_every_term_is_labelled_and_explained_in_english_and_russian() -> None:
    for term in _declared():
        for predicate in (RDFS.label, RDFS.comment):
            languages = {value.language for value in ONTOLOGY.objects(term, predicate)}
            assert {"en", "ru"} <= languages, (term, predicate)


def test_every_constraint_has_a_message() -> None:
    constraints = list(SHAPES.subjects(SH.path, None)) + list(SHAPES.objects(None, SH.sparql))
    assert len(constraints) > 60
    for constraint in constraints:
        assert SHAPES.value(constraint, SH.message) is not None, constraint


def test_a_property_and_its_converse_read_apart_in_russian() -> None:
    # "участник" was both kg:participantIn ("Зенит — участник: матч") and schema:attendee (a review in Chromium)
    from kgraph.namespaces import SCHEMA
    from kgraph.visualize.vocabulary import term_label

    pairs = [(KG.participantIn, SCHEMA.attendee), (KG.agentOf, SCHEMA.attendee), (KG.openedBy, KG.closedBy)]
    for one, other in pairs:
        assert term_label(str(one), "ru") != term_label(str(other), "ru"), (one, other)
    assert term_label(str(KG.participantIn), "ru") == "участвует в"
