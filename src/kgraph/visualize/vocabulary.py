"""Readable words for classes and properties, and how each class is drawn.

Our own terms take their labels from the ontology; schema.org and the other reused vocabularies have no local
labels, so their local names are split into words. Terms are given and returned as plain ``str`` IRIs (an rdflib
``URIRef`` is one too), as the page's triples hold them (``triples``).

>>> words("ExhibitionEvent"), words("homeLocation"), words("wasDerivedFrom")
('exhibition event', 'home location', 'was derived from')
"""

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS

from ..namespaces import KG, NIF, PROV, SCHEMA
from ..resources import ontology_graph

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")

CLUTTER_CLASSES: frozenset[str] = frozenset(
    str(cls)
    for cls in (
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
    )
)
"""Classes whose members are shown in a node's panel, never as nodes of their own."""

_EVENTS = frozenset(
    str(SCHEMA[n]) for n in ("Event", "ExhibitionEvent", "BusinessEvent", "SocialEvent", "EducationEvent")
)
_PLACES = frozenset(
    str(SCHEMA[n])
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
_AGENTS = frozenset({str(SCHEMA.Person), str(PROV.Agent)})
_WORKS = frozenset({str(SCHEMA.CreativeWork), str(SCHEMA.NewsArticle)})
_ORGANISATIONS = frozenset(
    str(SCHEMA[n]) for n in ("Organization", "GovernmentOrganization", "Corporation", "NewsMediaOrganization")
)

PALETTE: tuple[str, ...] = (
    "#332288",
    "#88CCEE",
    "#44AA99",
    "#117733",
    "#999933",
    "#DDCC77",
    "#CC6677",
    "#882255",
    "#AA4499",
    "#888888",
)
"""Paul Tol's "muted" scheme (told apart with the common colour-vision deficiencies) and a grey: with `SHAPES`,
70 ways to draw a class."""
SHAPES: tuple[str, ...] = ("dot", "square", "triangle", "diamond", "star", "hexagon", "triangleDown")
"""The vis-network shapes whose label is drawn below them; a class's own (``shape_for``) comes first."""


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
def term_label(term: str, language: str = "en") -> str:
    """The label of a term in `language` (the ontology's, or ontology/labels.ttl's for a reused term), else its
    local name as words, marked "(en)" where another language was asked for.

    >>> term_label(KG.chair), term_label(KG.chair, "ru"), term_label(SCHEMA.startDate, "ru")
    ('chaired by', 'председатель', 'дата начала')
    >>> term_label(SCHEMA.bestRating, "ru")
    'best rating (en)'
    """
    found = _term_labels(term).get(language)
    if found:
        return found
    english = _term_labels(term).get("en") or words(local_name(term))
    return english if language == "en" else f"{english} (en)"


@cache
def _term_labels(term: str) -> dict[str, str]:
    return {
        str(label.language): str(label)
        for graph in (ontology_graph(), _reused_labels())
        for label in graph.objects(URIRef(term), RDFS.label)
        if isinstance(label, Literal) and label.language
    }


@cache
def _reused_labels() -> Graph:
    """ontology/labels.ttl: Russian labels of the terms kgraph reuses from schema.org and the other vocabularies."""
    from ..resources import resource_dir

    return Graph().parse(str(resource_dir("ontology") / "labels.ttl"), format="turtle")


def superclasses(cls: str) -> frozenset[str]:
    """The class and its named superclasses as the ontology declares them."""
    return _superclasses(str(cls))


@cache
def _superclasses(cls: str) -> frozenset[str]:
    seen = {URIRef(cls)}
    todo = [URIRef(cls)]
    while todo:
        for parent in ontology_graph().objects(todo.pop(), RDFS.subClassOf):
            if isinstance(parent, URIRef) and parent not in seen:
                seen.add(parent)
                todo.append(parent)
    return frozenset(str(term) for term in seen)


@dataclass(frozen=True)
class ClassStyle:
    """How the nodes of one class are drawn and named in the legend."""

    iri: str
    label_en: str
    label_ru: str
    shape: str
    color: str


def shape_for(cls: str) -> str:
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
    if kinds & _WORKS:
        return "star"
    return "hexagon"


def class_styles(counts: dict[str, int]) -> dict[str, ClassStyle]:
    """A style per class, in order of class size (then IRI): kgraph's own classes (``known_class_styles``) look the
    same on every page; any other class gets a colour and shape no other class of the page has.

    >>> person = str(SCHEMA.Person)
    >>> styles = class_styles({person: 3, "http://e.org/Thing": 1})
    >>> styles[person] == known_class_styles()[person], len({(s.color, s.shape) for s in styles.values()})
    (True, 2)
    """
    counts = {str(cls): count for cls, count in counts.items()}  # an rdflib URIRef is the same class
    ordered = sorted(counts, key=lambda c: (-counts[c], c))
    known = known_class_styles()
    found = {cls: known[cls] for cls in ordered if cls in known}
    taken = {(style.color, style.shape) for style in found.values()}
    for cls in sorted(c for c in ordered if c not in known):
        found[cls] = _free_style(cls, taken)
        taken.add((found[cls].color, found[cls].shape))
    return {cls: found[cls] for cls in ordered}


@cache
def known_class_styles() -> dict[str, ClassStyle]:
    """A colour and shape for each class kgraph's ontology and shapes name, no two alike: a class looks the same on
    every page, and no page shows two classes alike."""
    from rdflib.namespace import OWL, RDF

    from ..resources import shapes_graph

    sh = "http://www.w3.org/ns/shacl#"
    ontology, shapes = ontology_graph(), shapes_graph()
    named = {str(c) for c in ontology.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef)}
    named |= {str(c) for c in ontology.objects(None, RDFS.subClassOf) if isinstance(c, URIRef)}
    named |= {
        str(c) for p in ("targetClass", "class") for c in shapes.objects(None, URIRef(sh + p)) if isinstance(c, URIRef)
    }
    taken: set[tuple[str, str]] = set()
    styles = {}
    for cls in sorted(named - CLUTTER_CLASSES):
        styles[cls] = _free_style(cls, taken)
        taken.add((styles[cls].color, styles[cls].shape))
    return styles


def _free_style(cls: str, taken: set[tuple[str, str]]) -> ClassStyle:
    """The class's style: its kind's shape (``shape_for``) and a colour from its IRI's hash, or the next free one,
    or, when its shape has no colour left, the next shape."""
    import hashlib

    start = int(hashlib.sha256(str(cls).encode("utf-8", "surrogatepass")).hexdigest(), 16) % len(PALETTE)
    own = shape_for(cls)
    shapes = (own, *(shape for shape in SHAPES if shape != own))
    free = [
        (PALETTE[(start + step) % len(PALETTE)], shape)
        for shape in shapes
        for step in range(len(PALETTE))
        if (PALETTE[(start + step) % len(PALETTE)], shape) not in taken
    ]
    color, shape = free[0] if free else (PALETTE[start], own)  # more than 70 classes on one page: some look alike
    return ClassStyle(str(cls), term_label(cls, "en"), term_label(cls, "ru"), shape, color)
