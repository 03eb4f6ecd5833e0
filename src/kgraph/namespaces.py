"""Vocabularies kgraph writes: our own closed namespace and the well-known ones we reuse.

>>> str(KG.Forum)
'https://w3id.org/kgraph/ontology#Forum'
>>> KG.Froum  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
AttributeError: term 'Froum' not in namespace 'https://w3id.org/kgraph/ontology#'
"""

from functools import cache

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DefinedNamespace


class KG(DefinedNamespace):
    """The kgraph ontology (ontology/kgraph.ttl); a typo in a term is an error at once."""

    _NS = Namespace("https://w3id.org/kgraph/ontology#")
    _fail = True

    # classes
    Forum: URIRef
    PlenarySession: URIRef
    Discussion: URIRef
    Opening: URIRef
    Visit: URIRef
    Excursion: URIRef
    DocumentExchange: URIRef
    Position: URIRef
    Group: URIRef
    Pipeline: URIRef
    Agreement: URIRef
    PolicyDocument: URIRef
    Topic: URIRef
    Quantity: URIRef
    Indicator: URIRef
    QuantityQualifier: URIRef
    Utterance: URIRef
    DirectQuote: URIRef
    ReportedStatement: URIRef
    TimeExpression: URIRef
    Assertion: URIRef
    IdentityJudgement: URIRef
    Award: URIRef
    Crime: URIRef
    Penalty: URIRef
    Nationality: URIRef
    Ideology: URIRef
    Religion: URIRef
    Family: URIRef
    # individuals
    exactly: URIRef
    about: URIRef
    moreThan: URIRef
    atLeast: URIRef
    almost: URIRef
    lessThan: URIRef
    atMost: URIRef
    # object properties
    identifies: URIRef
    holdsPosition: URIRef
    heldPosition: URIRef
    positionIn: URIRef
    chair: URIRef
    closedBy: URIRef
    openedBy: URIRef
    exhibitor: URIRef
    opens: URIRef
    exchangedDocument: URIRef
    party: URIRef
    signedAt: URIRef
    developedBy: URIRef
    adoptedAt: URIRef
    operator: URIRef
    routeFrom: URIRef
    routeTo: URIRef
    largestInvestorIn: URIRef
    concerns: URIRef
    measure: URIRef
    qualifier: URIRef
    flowFrom: URIRef
    flowTo: URIRef
    partOf: URIRef
    changeOf: URIRef
    statedIn: URIRef
    speaker: URIRef
    occasion: URIRef
    timeExpression: URIRef
    evidence: URIRef
    text: URIRef
    # object properties a NEREL relation type maps to (kg:nerelType)
    causeOfDeath: URIRef
    convictedOf: URIRef
    penalizedAs: URIRef
    ideology: URIRef
    religion: URIRef
    origin: URIRef
    produces: URIRef
    headquarteredIn: URIRef
    participantIn: URIRef
    agentOf: URIRef
    involvedIn: URIRef
    organizes: URIRef
    hasCause: URIRef
    income: URIRef
    expenditure: URIRef
    price: URIRef
    # datatype properties
    identityKey: URIRef
    edition: URIRef
    referencePeriod: URIRef
    wording: URIRef
    anchorDate: URIRef
    speechVerb: URIRef
    implied: URIRef
    outOf: URIRef
    abbreviation: URIRef
    pointInTime: URIRef
    age: URIRef
    ageAtDeath: URIRef
    # annotation properties
    nerelType: URIRef


KG_ONTOLOGY = URIRef("https://w3id.org/kgraph/ontology")
ID = Namespace("https://w3id.org/kgraph/id/")
"""Where the entities, events and articles of our graphs live."""

SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#")
WD = Namespace("http://www.wikidata.org/entity/")
GEONAMES = Namespace("https://sws.geonames.org/")
"""GeoNames places: ``GEONAMES["1496153/"]`` is Omsk (the trailing slash is part of a GeoNames IRI)."""
ORG = Namespace("http://www.w3.org/ns/org#")

PREFIXES: dict[str, str] = {
    "kg": str(KG._NS),
    "id": str(ID),
    "schema": str(SCHEMA),
    "prov": str(PROV),
    "nif": str(NIF),
    "itsrdf": str(ITSRDF),
    "wd": str(WD),
    "gn": str(GEONAMES),
    "org": str(ORG),
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "sh": "http://www.w3.org/ns/shacl#",
    "kgsh": "https://w3id.org/kgraph/shapes#",
    "dcterms": "http://purl.org/dc/terms/",
}
"""Prefixes bound in every file we write and prepended to every query we run."""

KNOWN_VOCABULARIES: tuple[str, ...] = tuple(v for k, v in PREFIXES.items() if k not in {"kg", "kgsh", "id", "wd", "gn"})
"""Namespaces whose terms our graphs may use besides our own."""


def bind_prefixes(graph: Graph) -> None:
    """Bind our prefixes on an rdflib graph or dataset, replacing rdflib's defaults."""
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, override=True, replace=True)


@cache  # a closed namespace never changes; rebuilding its set was a third of reading the seed's facts
def _declared_terms(namespace: type[DefinedNamespace]) -> frozenset[str]:
    names: set[str] = set()
    for klass in namespace.__mro__:
        names.update(getattr(klass, "__annotations__", {}))
    return frozenset(n for n in names if not n.startswith("_"))


def expand_term(curie: str) -> URIRef:
    """The IRI of a declared term written as a CURIE; ValueError for unknown prefixes or terms.

    >>> expand_term("schema:attendee")
    rdflib.term.URIRef('https://schema.org/attendee')
    >>> expand_term("schema:atendee")
    Traceback (most recent call last):
    ...
    ValueError: 'schema:atendee' is not a term of https://schema.org/
    """
    from rdflib.namespace import ORG as RDFLIB_ORG
    from rdflib.namespace import OWL, RDF, RDFS, SDO
    from rdflib.namespace import PROV as RDFLIB_PROV

    closed: dict[str, type[DefinedNamespace]] = {
        "kg": KG,
        "schema": SDO,
        "prov": RDFLIB_PROV,
        "org": RDFLIB_ORG,
        "rdf": RDF,
        "rdfs": RDFS,
        "owl": OWL,
    }
    prefix, sep, name = curie.partition(":")
    if not sep or prefix not in closed:
        raise ValueError(f"{curie!r} is not a CURIE with one of the prefixes {', '.join(sorted(closed))}")
    namespace = closed[prefix]
    if name not in _declared_terms(namespace):
        raise ValueError(f"{curie!r} is not a term of {namespace._NS}")
    return URIRef(str(namespace._NS) + name)


def shorten(iri: object) -> str:
    """A vocabulary IRI as a CURIE when one of our prefixes fits (entity IRIs stay whole).

    >>> shorten("https://schema.org/Person"), shorten("http://example.org/x")
    ('schema:Person', 'http://example.org/x')
    """
    text = str(iri)
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda item: -len(item[1])):
        if prefix != "id" and text.startswith(namespace):
            return f"{prefix}:{text[len(namespace) :]}"
    return text
