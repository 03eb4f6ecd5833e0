"""The competency questions in queries/: a query is a .rq path, the name of a bundled query, or SPARQL text."""

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import QueryError
from ..resources import queries_dir


@dataclass(frozen=True)
class NamedQuery:
    """A SPARQL query, its name (the file stem, or 'query' for inline text) and its header comment."""

    name: str
    text: str
    description: str
    path: Path | None = None


def _description(text: str) -> str:
    lines = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        lines.append(line.lstrip("#").strip())
    return " ".join(line for line in lines if line)


def _read(path: Path) -> NamedQuery:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise QueryError(f"{path}: cannot read: {error}") from None
    return NamedQuery(path.stem, text, _description(text), path)


def list_queries() -> list[NamedQuery]:
    """Every bundled competency question, sorted by name."""
    return [_read(path) for path in sorted(queries_dir().glob("*.rq"))]


def find_query(spec: str) -> NamedQuery:
    """A .rq file, a bundled query by name (with or without .rq), or the text itself when it looks like SPARQL."""
    if re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", spec, re.IGNORECASE) and ("{" in spec or "\n" in spec):
        return NamedQuery("query", spec, "")
    if re.match(r"\s*(PREFIX\s+\S*\s+<[^>]*>\s*)*(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY)\b", spec, re.I):
        raise QueryError("SPARQL updates are refused: kgraph queries are read-only (edit facts.yaml and rebuild)")
    path = Path(spec)
    if path.suffix == ".rq" and path.is_file():
        return _read(path)
    bundled = queries_dir() / f"{spec.removesuffix('.rq')}.rq"
    if bundled.is_file():
        return _read(bundled)
    names = ", ".join(q.name for q in list_queries())
    raise QueryError(f"no query {spec!r}: not a .rq file, not SPARQL text, not one of: {names}")
