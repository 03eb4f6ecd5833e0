"""Synthetic news graphs of any size, shaped exactly like ours: the bundled articles copied and renamed.

Copy k of an article gets its own named graph, article-local IRIs (spans, quotes, assertions…) and events,
documents and groups. People, places, organisations, positions, topics and indicators are shared between
copies (each appears in about three articles), so, as in real news, the same people and places turn up in
many articles. Every competency query in queries/ therefore has answers at every size.
"""

import re
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLE_PREFIX = "https://w3id.org/kgraph/id/article/"
ENTITY_PREFIX = "https://w3id.org/kgraph/id/"
_ARTICLE_IRI = re.compile(rf"<{re.escape(ARTICLE_PREFIX)}([^/#>]+)")
_ENTITY_IRI = re.compile(rf"<{re.escape(ENTITY_PREFIX)}(?!article/)([^/#>]+)>")
_RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
SHARED_CLASSES = frozenset(
    f"<{iri}>"
    for iri in (
        "https://schema.org/Person",
        "https://schema.org/Country",
        "https://schema.org/City",
        "https://schema.org/Place",
        "https://schema.org/Organization",
        "https://schema.org/NewsMediaOrganization",
        "https://schema.org/WebSite",
        "https://w3id.org/kgraph/ontology#Position",
        "https://w3id.org/kgraph/ontology#Topic",
        "https://w3id.org/kgraph/ontology#Indicator",
    )
)


def _shared_entities(nquads: str) -> frozenset[str]:
    """Local names of the entities whose class makes them recur across articles."""
    shared = set()
    for line in nquads.splitlines():
        parts = line.split(" ", 3)
        if len(parts) == 4 and parts[1] == _RDF_TYPE and parts[2] in SHARED_CLASSES:
            match = _ENTITY_IRI.fullmatch(parts[0])
            if match:
                shared.add(match.group(1))
    return frozenset(shared)


@cache
def seed_nquads() -> tuple[bytes, int]:
    """The bundled articles as N-Quads (one named graph per article) and their triple count."""
    from kgraph.graph import build_dataset
    from kgraph.pipeline import load_models

    dataset = build_dataset(load_models([ROOT / "data"]))
    text: bytes = dataset.serialize(format="nquads", encoding="utf-8")
    lines = sorted(set(line for line in text.splitlines(keepends=True) if line.strip()))
    return b"".join(lines), len(lines)


def synthetic_nquads(triples: int, sharing: int = 3) -> bytes:
    """About `triples` triples (whole article copies, at least one) of news-shaped N-Quads.

    A shared entity appears in about `sharing` articles; queries that join through people and places fan out
    roughly as `sharing` to the power of the number of such joins.
    """
    seed, per_copy = seed_nquads()
    copies = max(1, round(triples / per_copy))
    pool = max(1, copies // sharing)
    text = seed.decode("utf-8")
    shared = _shared_entities(text)

    def entity(match: re.Match[str], k: int) -> str:
        name = match.group(1)
        return f"<{ENTITY_PREFIX}{name}-{k % pool if name in shared else k}>"

    parts = []
    for k in range(copies):
        renamed = _ARTICLE_IRI.sub(lambda m, k=k: f"<{ARTICLE_PREFIX}{m.group(1)}-{k}", text)
        parts.append(_ENTITY_IRI.sub(lambda m, k=k: entity(m, k), renamed))
    return "".join(parts).encode("utf-8")


def write_synthetic(path: Path, triples: int) -> Path:
    """Write a synthetic graph of about `triples` triples to `path` (N-Quads)."""
    path.write_bytes(synthetic_nquads(triples))
    return path
