r"""One result type for every engine, and its formats: the W3C SPARQL 1.1 JSON, CSV, TSV and XML, a text table,
and RDF for CONSTRUCT and DESCRIBE triples.

Results are kept as SPARQL JSON bindings (the W3C JSON results structure), which every engine can produce.

>>> result = QueryResult("select", ["who"], [{"who": {"type": "literal", "value": "Путин", "xml:lang": "ru"}}])
>>> format_result(result, "csv")
'who\r\nПутин\r\n'
>>> print(format_result(result, "table"), end="")
who
----------
"Путин"@ru
(1 row)
"""

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import UsageError

if TYPE_CHECKING:
    from rdflib import Graph

RESULT_FORMATS = ("table", "csv", "tsv", "json", "xml")
Binding = dict[str, dict[str, str]]


@dataclass(frozen=True)
class QueryResult:
    """SELECT rows (SPARQL JSON bindings), an ASK answer, or CONSTRUCT/DESCRIBE triples as N-Triples text."""

    kind: str
    variables: list[str] = field(default_factory=list)
    bindings: list[Binding] = field(default_factory=list)
    boolean: bool | None = None
    ntriples: str = ""

    def to_json(self) -> dict[str, Any]:
        """The W3C SPARQL 1.1 JSON results document."""
        if self.kind == "ask":
            return {"head": {}, "boolean": self.boolean}
        return {"head": {"vars": self.variables}, "results": {"bindings": self.bindings}}

    def values(self, variable: str) -> list[str | None]:
        """The plain value of `variable` in every row (None where unbound)."""
        return [row[variable]["value"] if variable in row else None for row in self.bindings]

    def graph(self) -> "Graph":
        """CONSTRUCT or DESCRIBE triples as an rdflib graph.

        >>> len(QueryResult("graph", ntriples="<http://e.org/a> <http://e.org/b> <http://e.org/c> .\\n").graph())
        1
        """
        from rdflib import Graph

        return Graph().parse(data=self.ntriples, format="nt")

    def rows(self) -> list[tuple[str | None, ...]]:
        """Every row as a tuple of plain values in variable order."""
        return [tuple(row[v]["value"] if v in row else None for v in self.variables) for row in self.bindings]


def term_n3(term: dict[str, str]) -> str:
    """A JSON-bound term in the N-Triples-like syntax SPARQL TSV uses."""
    value = term["value"]
    if term["type"] == "uri":
        return f"<{value}>"
    if term["type"] == "bnode":
        return f"_:{value}"
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    escaped = escaped.replace("\t", "\\t")
    if "xml:lang" in term:
        return f'"{escaped}"@{term["xml:lang"]}'
    if term.get("datatype") and term["datatype"] != "http://www.w3.org/2001/XMLSchema#string":
        return f'"{escaped}"^^<{term["datatype"]}>'
    return f'"{escaped}"'


def _table(result: QueryResult) -> str:
    if result.kind == "ask":
        return f"{'yes' if result.boolean else 'no'}\n"
    rows = [[term_n3(row[v]) if v in row else "" for v in result.variables] for row in result.bindings]
    widths = [max([len(v), *(len(r[i]) for r in rows)]) for i, v in enumerate(result.variables)]
    lines = [" | ".join(v.ljust(w) for v, w in zip(result.variables, widths, strict=True)).rstrip()]
    lines.append("-+-".join("-" * w for w in widths))
    lines.extend(" | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows)
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def format_result(result: QueryResult, fmt: str) -> str:
    """Render a SELECT or ASK result; CSV, TSV, JSON and XML follow the W3C SPARQL 1.1 result formats."""
    if fmt not in RESULT_FORMATS:
        raise UsageError(f"unknown result format {fmt!r}; expected one of {', '.join(RESULT_FORMATS)}")
    if result.kind == "graph":
        raise UsageError("CONSTRUCT and DESCRIBE results are RDF: choose an RDF format (turtle, ntriples, …)")
    if fmt == "table":
        return _table(result)
    if fmt == "json":
        return json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n"
    from pyoxigraph import QueryResultsFormat, parse_query_results

    target = {"csv": QueryResultsFormat.CSV, "tsv": QueryResultsFormat.TSV, "xml": QueryResultsFormat.XML}[fmt]
    document = json.dumps(result.to_json(), ensure_ascii=False).encode("utf-8")
    parsed = parse_query_results(document, format=QueryResultsFormat.JSON)
    return (parsed.serialize(format=target) or b"").decode("utf-8")


def format_graph(result: QueryResult, fmt: str) -> bytes:
    """Render CONSTRUCT or DESCRIBE triples in one of export's RDF formats, our prefixes bound; `table` is Turtle.

    >>> result = QueryResult("graph", ntriples='<https://w3id.org/kgraph/id/a> <https://schema.org/name> "a" .\\n')
    >>> print(format_graph(result, "table").decode().strip().splitlines()[-1])
    id:a schema:name "a" .
    """
    from ..export import serialize

    return serialize(result.graph(), "turtle" if fmt == "table" else fmt)
