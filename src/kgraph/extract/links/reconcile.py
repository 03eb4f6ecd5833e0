"""Links for entities the gazetteer left unlinked, from a Wikidata-shaped SPARQL endpoint (`--wikidata URL`).

An entity is looked up by its Russian label, exactly (``rdfs:label`` or ``skos:altLabel`` "…"@ru), among the
instances (``wdt:P31``) of a fixed list of Wikidata classes for its kgraph class (``WIKIDATA_CLASSES``). It is
linked only when exactly one item matches; with more it stays unlinked and is reported as ambiguous. Labels go
in VALUES blocks, ``BATCH_SIZE`` per request, so an article costs one request, not one per entity. Gazetteer
links are never asked about, let alone replaced.

The class lists are fixed rather than ``wdt:P31/wdt:P279*``: the subclass closure times out on
query.wikidata.org. A reconciled link caps the entity's confidence at ``RECONCILED_CONFIDENCE``: an exact label
match has not been measured here the way the gazetteer's links were, so a reviewer should look at it.

>>> print(reconcile_query([("Омск", "schema:City")]))  # doctest: +ELLIPSIS
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
SELECT DISTINCT ?label ?kind ?item WHERE {
  VALUES (?label ?kind) { ("Омск"@ru "schema:City") }
  { ?item rdfs:label ?label } UNION { ?item skos:altLabel ?label }
  VALUES (?kind ?class) { ("schema:City" <http://www.wikidata.org/entity/Q515>) ... }
  ?item wdt:P31 ?class .
}
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from ...model import ArticleModel, Entity
from ...query.transport import DEFAULT_TIMEOUT, checked_url, redact
from .linking import Link

WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"
RECONCILED_CONFIDENCE = 0.7
"""The most confidence an entity has once its link comes from reconciliation rather than the gazetteer."""
BATCH_SIZE = 50
"""Labels per request: an article's unlinked entities fit in one, and the query stays well within
query.wikidata.org's 60 s limit."""

_ORGANISATIONS = (
    "Q43229",  # organization
    "Q4830453",  # business
    "Q783794",  # company
    "Q891723",  # public company
    "Q6881511",  # enterprise
    "Q7278",  # political party
    "Q327333",  # government agency
    "Q2659904",  # government organization
    "Q484652",  # international organization
    "Q163740",  # nonprofit organization
    "Q22687",  # bank
    "Q3918",  # university
    "Q31855",  # research institute
    "Q476028",  # association football club
    "Q4498974",  # ice hockey team
    "Q847017",  # sports club
)
_MEDIA = (
    "Q11032",  # newspaper
    "Q1110794",  # daily newspaper
    "Q1153191",  # online newspaper
    "Q192283",  # news agency
    "Q1616075",  # television station
)
_SETTLEMENTS = (
    "Q515",  # city
    "Q1549591",  # big city
    "Q1637706",  # city with millions of inhabitants
    "Q5119",  # capital city
    "Q200250",  # metropolis
    "Q7930989",  # city/town (Russian cities)
    "Q183342",  # federal city of Russia
    "Q3957",  # town
    "Q532",  # village: a village sharing a city's name makes the name ambiguous, as it is
    "Q486972",  # human settlement
)
_REGIONS = (
    "Q10864048",  # first-level administrative country subdivision
    "Q43263",  # federal subject of Russia
    "Q835714",  # oblast of Russia
    "Q41162",  # republic of Russia
    "Q831740",  # krai of Russia
    "Q309166",  # autonomous oblast of Russia
    "Q184122",  # autonomous okrug of Russia
    "Q183342",  # federal city of Russia
    "Q107390",  # federated state
    "Q35657",  # state of the United States
    "Q34876",  # province
)
WIKIDATA_CLASSES: dict[str, tuple[str, ...]] = {
    "schema:Person": ("Q5",),  # human
    "schema:Country": ("Q6256", "Q3624078", "Q3024240"),  # country, sovereign state, historical country
    "schema:City": _SETTLEMENTS,
    "schema:AdministrativeArea": _REGIONS,
    "schema:Organization": _ORGANISATIONS,
    "schema:NewsMediaOrganization": _MEDIA + _ORGANISATIONS,
    "schema:Museum": ("Q33506", "Q207694"),  # museum, art museum
}
"""Our classes and the Wikidata classes an item must be an instance of (wdt:P31) to be linked to one of them.
Classes not listed (places in general, events, documents, indicators, topics) are not reconciled."""

Key = tuple[str, str]
"""An entity's Russian label and kgraph class: what is asked about."""


@dataclass(frozen=True)
class Reconciliation:
    """One article after reconciliation: its model with the new links, what was linked and what was ambiguous."""

    model: ArticleModel
    endpoint: str
    asked: tuple[str, ...]
    linked: dict[str, Link]
    ambiguous: dict[str, tuple[str, ...]]

    def summary(self) -> str:
        """One line saying what happened, for the terminal."""
        return (
            f"{self.model.article.slug}: asked {self.endpoint} about {len(self.asked)} unlinked "
            f"entit{'y' if len(self.asked) == 1 else 'ies'}: {len(self.linked)} linked, "
            f"{len(self.ambiguous)} ambiguous (left unlinked)"
        )

    def comment(self) -> str:
        """YAML comment lines naming every reconciled link and every ambiguous entity, for the facts file."""
        lines = [
            f"Wikidata links reconciled against {self.endpoint}: exactly one item with the entity's Russian label",
            f"and class; confidence at most {RECONCILED_CONFIDENCE}. Check them.",
        ]
        lines += [f"  {ident}: {link.qid}" for ident, link in self.linked.items()] or ["  (none)"]
        if self.ambiguous:
            lines.append("Left unlinked, more than one item has the label and class:")
            lines += [f"  {ident}: {', '.join(qids)}" for ident, qids in self.ambiguous.items()]
        return "".join(f"# {line}\n" for line in lines)


def check_endpoint_url(url: str) -> str:
    """The URL when it is an http(s) URL with a host and no spaces, else UsageError quoting it.

    >>> check_endpoint_url("query.wikidata.org/sparql")
    Traceback (most recent call last):
    ...
    kgraph.errors.UsageError: --wikidata 'query.wikidata.org/sparql': expected an http(s) URL
    """
    return checked_url(url, "--wikidata")


def key_of(entity: Entity) -> Key | None:
    """What to ask about an entity, or None when it is linked already or its class is not reconciled."""
    label = entity.labels.get("ru", "").strip()
    if entity.wikidata or entity.cls not in WIKIDATA_CLASSES or not label:
        return None
    return label, entity.cls


def reconcile_query(keys: Sequence[Key]) -> str:
    """The SELECT for a batch of keys; labels and classes are serialised by pyoxigraph, one term each."""
    from pyoxigraph import Literal, NamedNode

    rows = " ".join(f"({Literal(label, language='ru')} {Literal(cls)})" for label, cls in keys)
    pairs = " ".join(
        f"({Literal(cls)} {NamedNode(WIKIDATA_ENTITY + qid)})"
        for cls in dict.fromkeys(cls for _, cls in keys)
        for qid in WIKIDATA_CLASSES[cls]
    )
    return (
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
        "PREFIX wdt: <http://www.wikidata.org/prop/direct/>\n"
        "SELECT DISTINCT ?label ?kind ?item WHERE {\n"
        f"  VALUES (?label ?kind) {{ {rows} }}\n"
        "  { ?item rdfs:label ?label } UNION { ?item skos:altLabel ?label }\n"
        f"  VALUES (?kind ?class) {{ {pairs} }}\n"
        "  ?item wdt:P31 ?class .\n"
        "}"
    )


def candidates(
    url: str, keys: Iterable[Key], *, timeout: float = DEFAULT_TIMEOUT, batch_size: int = BATCH_SIZE
) -> dict[Key, frozenset[str]]:
    """The Wikidata item ids matching each key's label and class, `batch_size` keys per request.

    EndpointError (naming the URL) when the endpoint cannot be reached or refuses; `timeout` bounds each request.
    """
    from ...query.remote import query_endpoint

    check_endpoint_url(url)
    unique = list(dict.fromkeys(keys))
    found: dict[Key, set[str]] = {k: set() for k in unique}
    for start in range(0, len(unique), batch_size):
        result = query_endpoint(url, reconcile_query(unique[start : start + batch_size]), timeout=timeout)
        for row in result.bindings:
            item = row.get("item", {}).get("value", "")
            qid = item.removeprefix(WIKIDATA_ENTITY)
            k = (row.get("label", {}).get("value", ""), row.get("kind", {}).get("value", ""))
            if k in found and re.fullmatch(r"Q[1-9][0-9]*", qid):
                found[k].add(qid)
    return {k: frozenset(v) for k, v in found.items()}


def _qid_order(qid: str) -> int:
    return int(qid[1:])


def reconcile(
    models: Sequence[ArticleModel], url: str, *, timeout: float = DEFAULT_TIMEOUT, batch_size: int = BATCH_SIZE
) -> list[Reconciliation]:
    """Each model with its unlinked entities linked where exactly one item matches; all models in shared batches.

    Nothing is changed unless every request succeeds (EndpointError otherwise).
    """
    keys = [key_of(entity) for model in models for entity in model.entities.values()]
    found = candidates(url, (k for k in keys if k is not None), timeout=timeout, batch_size=batch_size)
    results = []
    for model in models:
        entities = dict(model.entities)
        asked: list[str] = []
        linked: dict[str, Link] = {}
        ambiguous: dict[str, tuple[str, ...]] = {}
        for ident, entity in model.entities.items():
            k = key_of(entity)
            if k is None:
                continue
            asked.append(ident)
            items = sorted(found.get(k, ()), key=_qid_order)
            if len(items) > 1:
                ambiguous[ident] = tuple(items)
            elif items:
                linked[ident] = Link(items[0], RECONCILED_CONFIDENCE)
                confidence = RECONCILED_CONFIDENCE
                if entity.confidence is not None:
                    confidence = min(entity.confidence, RECONCILED_CONFIDENCE)
                entities[ident] = replace(entity, wikidata=items[0], confidence=confidence)
        reconciled = replace(model, entities=entities)
        results.append(Reconciliation(reconciled, redact(url), tuple(asked), linked, ambiguous))
    return results
