"""Each of NEREL's 49 relation types is the kg:nerelType of exactly one ontology property."""

from collections import Counter

from rdflib import Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kgraph.namespaces import KG, expand_term, shorten
from kgraph.resources import ontology_graph

RELATION_TYPES = (
    "WORKPLACE", "ALTERNATIVE_NAME", "WORKS_AS", "PARTICIPANT_IN", "POINT_IN_TIME", "TAKES_PLACE_IN",
    "HEADQUARTERED_IN", "ORIGINS_FROM", "LOCATED_IN", "AGENT", "AGE_IS", "HAS_CAUSE", "PRODUCES", "AWARDED_WITH",
    "PART_OF", "IDEOLOGY_OF", "MEMBER_OF", "CONVICTED_OF", "INANIMATE_INVOLVED", "SUBEVENT_OF", "SUBORDINATE_OF",
    "KNOWS", "MEDICAL_CONDITION", "PARENT_OF", "PLACE_RESIDES_IN", "OWNER_OF", "ABBREVIATION", "FOUNDED_BY",
    "ORGANIZES", "PENALIZED_AS", "SPOUSE", "DATE_OF_CREATION", "RELIGION_OF", "DATE_OF_BIRTH", "DATE_OF_DEATH",
    "SCHOOLS_ATTENDED", "PLACE_OF_BIRTH", "AGE_DIED_AT", "SIBLING", "PLACE_OF_DEATH", "START_TIME", "INCOME",
    "CAUSE_OF_DEATH", "PRICE_OF", "DATE_FOUNDED_IN", "RELATIVE", "EXPENDITURE", "END_TIME", "DATE_DEFUNCT_IN",
)  # fmt: skip

DATE_TYPES = frozenset(
    {"POINT_IN_TIME", "START_TIME", "END_TIME", "DATE_OF_BIRTH", "DATE_OF_DEATH", "DATE_OF_CREATION",
     "DATE_FOUNDED_IN", "DATE_DEFUNCT_IN"}
)  # fmt: skip


def _terms_of(kind: str) -> list[URIRef]:
    return [t for t in ontology_graph().subjects(KG.nerelType, Literal(kind)) if isinstance(t, URIRef)]


def _mapped() -> dict[str, URIRef]:
    return {kind: term for kind in RELATION_TYPES for term in _terms_of(kind)}


def test_the_list_holds_the_49_relation_types_once_each() -> None:
    assert len(RELATION_TYPES) == len(set(RELATION_TYPES)) == 49


def test_every_relation_type_is_carried_by_exactly_one_term() -> None:
    counts = Counter({kind: len(_terms_of(kind)) for kind in RELATION_TYPES})
    assert {kind: n for kind, n in counts.items() if n != 1} == {}


def test_every_relation_type_is_carried_by_a_property_not_a_class() -> None:
    graph = ontology_graph()
    typed = {OWL.ObjectProperty, OWL.DatatypeProperty}
    untyped = [kind for kind, term in _mapped().items() if not typed & set(graph.objects(term, RDF.type))]
    assert untyped == []


def test_date_valued_relation_types_are_carried_by_datatype_properties() -> None:
    graph = ontology_graph()
    mapped = _mapped()
    assert all((mapped[kind], RDF.type, OWL.DatatypeProperty) in graph for kind in DATE_TYPES)


def test_every_mapped_term_is_a_term_of_its_vocabulary() -> None:
    for term in _mapped().values():
        assert expand_term(shorten(term)) == term  # ValueError for a misspelt schema.org or ORG term


def test_every_mapped_term_of_our_own_is_labelled_in_english_and_russian() -> None:
    graph = ontology_graph()
    ours = {term for term in _mapped().values() if str(term).startswith(str(KG._NS))}
    assert ours
    for term in ours:
        for predicate in (RDFS.label, RDFS.comment):
            languages = {value.language for value in graph.objects(term, predicate) if isinstance(value, Literal)}
            assert {"en", "ru"} <= languages, (term, predicate)


def test_parent_of_runs_from_the_parent_to_the_child() -> None:
    assert shorten(_mapped()["PARENT_OF"]) == "schema:children"  # schema:parent runs from the child
