"""The competency questions in queries/: a query is a .rq path, the name of a bundled query, or SPARQL text."""

from dataclasses import dataclass
from pathlib import Path

from ..errors import QueryError
from ..resources import queries_dir
from .guard import QUERY_FORMS, UPDATE_FORMS, query_form


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


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # a name too long to be a file's, say: SPARQL text that is not a query
        return False


def find_query(spec: str) -> NamedQuery:
    """A .rq file, a bundled query by name (with or without .rq), or the text itself when it is SPARQL.

    >>> find_query("DESCRIBE id:putin").text
    'DESCRIBE id:putin'
    """
    path = Path(spec)
    if path.suffix == ".rq" and _is_file(path):
        return _read(path)
    form = query_form(spec) if any(c.isspace() for c in spec.strip()) or "{" in spec else None
    if form in QUERY_FORMS:
        return NamedQuery("query", spec, "")
    if form in UPDATE_FORMS:
        raise QueryError("SPARQL updates are refused: kgraph queries are read-only (edit facts.yaml and rebuild)")
    bundled = queries_dir() / f"{spec.removesuffix('.rq')}.rq"
    if _is_file(bundled):
        return _read(bundled)
    names = ", ".join(q.name for q in list_queries())
    raise QueryError(f"no query {spec!r}: not a .rq file, not SPARQL text, not one of: {names}")
