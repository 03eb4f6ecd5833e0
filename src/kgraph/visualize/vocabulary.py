"""Readable words for classes and properties, and how each class is drawn.

Our own terms take their labels from the ontology; schema.org and the other reused vocabularies have no local
labels, so their local names are split into words.

>>> words("ExhibitionEvent"), words("homeLocation"), words("wasDerivedFrom")
('exhibition event', 'home location', 'was derived from')
"""

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from rdflib import Literal, URIRef
from rdflib.namespace import RDFS

from ..namespaces import KG, NIF, PROV, SCHEMA
from ..resources import ontology_graph

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")

CLUTTER_CLASSES: frozenset[URIRef] = frozenset(
    {
        KG.Quantity,
        KG.Utterance,
        KG.DirectQuote,
        KG.ReportedStatement,
        KG.TimeExpression,
        KG.Assertion,
        KG.IdentityJudgement,
        KG.QuantityQualifier,
        NIF.Context,
        NIF.Sentence,
        NIF.Phrase,
        NIF.RFC5147String,
        NIF.String,
    }
)
"""Classes whose members are shown in a node's panel, never as nodes of their own."""

_EVENTS = frozenset(SCHEMA[n] for n in ("Event", "ExhibitionEvent", "BusinessEvent", "SocialEvent", "EducationEvent"))
_PLACES = frozenset(
    SCHEMA[n]
    for n in (
        "Place",
        "Country",
        "City",
        "AdministrativeArea",
        "State",
        "Museum",
        "Airport",
        "LandmarksOrHistoricalBuildings",
    )
)
_AGENTS = frozenset({SCHEMA.Person, PROV.Agent})
_ORGANISATIONS = frozenset(
    SCHEMA[n] for n in ("Organization", "GovernmentOrganization", "Corporation", "NewsMediaOrganization")
)

PALETTE: tuple[str, ...] = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#59a14f",
    "#b07aa1",
    "#edc948",
    "#76b7b2",
    "#ff9da7",
    "#9c755f",
    "#1f77b4",
    "#8cd17d",
    "#d37295",
    "#499894",
    "#fabfd2",
    "#86bcb6",
    "#b6992d",
    "#79706e",
    "#d4a6c8",
)
"""Colours given to classes in order of size; the 19th class and later reuse them."""


def words(local_name: str) -> str:
    """A camelCase local name as lower-case words (acronyms kept)."""
    parts = _CAMEL.split(local_name.replace("_", " "))
    return " ".join(p if p.isupper() and len(p) > 1 else p.lower() for p in parts)


def local_name(iri: str) -> str:
    """The part of an IRI after its last '#' or '/'.

    >>> local_name("https://schema.org/Person"), local_name("https://w3id.org/kgraph/ontology#chair")
    ('Person', 'chair')
    """
    return re.split(r"[#/]", iri.rstrip("/#"))[-1] or iri


@lru_cache(maxsize=4096)  # classes and predicates: a vocabulary, not the data
def term_label(term: URIRef, language: str = "en") -> str:
    """The ontology's label of a term in `language`, or its local name as words.

    >>> term_label(KG.chair), term_label(KG.chair, "ru"), term_label(SCHEMA.startDate, "ru")
    ('chaired by', 'председатель', 'start date')
    """
    return _term_labels(term).get(language) or words(local_name(term))


@cache
def _term_labels(term: URIRef) -> dict[str, str]:
    return {
        str(label.language): str(label)
        for label in ontology_graph().objects(term, RDFS.label)
        if isinstance(label, Literal) and label.language
    }


def superclasses(cls: URIRef) -> frozenset[URIRef]:
    """The class and its named superclasses as the ontology declares them."""
    return _superclasses(cls)


@cache
def _superclasses(cls: URIRef) -> frozenset[URIRef]:
    seen = {cls}
    todo = [cls]
    while todo:
        for parent in ontology_graph().objects(todo.pop(), RDFS.subClassOf):
            if isinstance(parent, URIRef) and parent not in seen:
                seen.add(parent)
                todo.append(parent)
    return frozenset(seen)


@dataclass(frozen=True)
class ClassStyle:
    """How the nodes of one class are drawn and named in the legend."""

    iri: str
    label_en: str
    label_ru: str
    shape: str
    color: str


def shape_for(cls: URIRef) -> str:
    """The vis-network shape of a class's nodes: events are diamonds, places triangles, people dots.

    >>> shape_for(KG.Forum), shape_for(SCHEMA.City), shape_for(SCHEMA.Person), shape_for(KG.Topic)
    ('diamond', 'triangle', 'dot', 'hexagon')
    """
    kinds = superclasses(cls)
    if kinds & _EVENTS:
        return "diamond"
    if kinds & _PLACES:
        return "triangle"
    if kinds & _AGENTS:
        return "dot"
    if kinds & _ORGANISATIONS:
        return "square"
    if SCHEMA.CreativeWork in kinds or SCHEMA.NewsArticle in kinds:
        return "star"
    return "hexagon"


def class_styles(counts: dict[URIRef, int]) -> dict[URIRef, ClassStyle]:
    """A style per class, coloured in order of class size (then IRI): a graph always looks the same."""
    ordered = sorted(counts, key=lambda c: (-counts[c], str(c)))
    return {
        cls: ClassStyle(
            str(cls), term_label(cls, "en"), term_label(cls, "ru"), shape_for(cls), PALETTE[i % len(PALETTE)]
        )
        for i, cls in enumerate(ordered)
    }
