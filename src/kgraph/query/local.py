"""The embedded SPARQL engine: pyoxigraph, in memory, queried over the union of all named graphs.

>>> store = LocalStore.from_turtle('<http://ex.org/a> <http://ex.org/p> "x"@ru .')
>>> store.query("SELECT ?o WHERE { ?s ?p ?o }").values("o")
['x']
"""

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph

from ..errors import QueryError, RDFInputError, ResultLimitError
from ..namespaces import PREFIXES
from ..rdfio import format_for_path
from .results import Binding, QueryResult

_OX_FORMATS = {"turtle": "TURTLE", "ntriples": "N_TRIPLES", "nquads": "N_QUADS", "trig": "TRIG", "xml": "RDF_XML",
               "jsonld": "JSON_LD"}


def _binding(term: Any) -> dict[str, str]:
    from pyoxigraph import BlankNode, Literal, NamedNode

    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, Literal):
        bound = {"type": "literal", "value": term.value}
        if term.language:
            bound["xml:lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            bound["datatype"] = term.datatype.value
        return bound
    raise QueryError(f"cannot represent the term {term!r} in SPARQL results")


class LocalStore:
    """An in-memory pyoxigraph store holding one or more RDF files."""

    def __init__(self) -> None:
        from pyoxigraph import Store

        self.store = Store()

    @classmethod
    def from_files(cls, *paths: Path) -> "LocalStore":
        """Load RDF files (format from the extension); RDFInputError names a file that does not parse."""
        from pyoxigraph import RdfFormat

        local = cls()
        for path in paths:
            fmt = format_for_path(path)
            if not path.is_file():
                raise RDFInputError(f"{path}: no such file")
            try:
                local.store.bulk_load(path=str(path), format=getattr(RdfFormat, _OX_FORMATS[fmt.name]))
            except (SyntaxError, ValueError, OSError) as error:
                raise RDFInputError(f"{path}: not valid {fmt.name}: {error}") from None
        return local

    @classmethod
    def from_turtle(cls, text: str) -> "LocalStore":
        """A store holding the triples of a Turtle document (for tests and examples)."""
        from pyoxigraph import RdfFormat

        local = cls()
        local.store.load(text.encode("utf-8"), format=RdfFormat.TURTLE)
        return local

    @classmethod
    def from_rdflib(cls, data: Graph | Dataset) -> "LocalStore":
        """A store holding an rdflib graph or dataset, named graphs kept."""
        from pyoxigraph import RdfFormat

        local = cls()
        payload = data.serialize(format="nquads", encoding="utf-8")
        local.store.load(payload, format=RdfFormat.N_QUADS)
        return local

    @classmethod
    def read_only(cls, path: Path) -> "LocalStore":
        """A store persisted at `path` (see `persist`), opened read-only; several processes may share it."""
        from pyoxigraph import Store

        local = cls.__new__(cls)
        local.store = Store.read_only(str(path))
        return local

    def persist(self, path: Path) -> Path:
        """Copy this store into an on-disk store at `path` (a new folder) and return the folder."""
        from pyoxigraph import Store

        disk = Store(str(path))
        disk.bulk_extend(self.store.quads_for_pattern(None, None, None, None))
        disk.flush()
        del disk
        return path

    def __len__(self) -> int:
        return len(self.store)

    def query(self, text: str, params: Mapping[str, Any] | None = None, limit: int | None = None) -> QueryResult:
        """Run SPARQL with our prefixes predeclared; QueryError shows the parser's line and column.

        `params` binds variables to RDF terms (pyoxigraph terms, see `params.parse_params`) by SEP-0007
        substitution, so no value is ever parsed as SPARQL. With `limit`, more than that many rows or triples
        raise ResultLimitError.

        >>> from kgraph.query.params import parse_params
        >>> store = LocalStore.from_turtle('<http://e.org/a> <http://e.org/p> "x"@ru, "y"@ru .')
        >>> store.query("SELECT ?s WHERE { ?s ?p ?o }", parse_params(['o="y"@ru'])).values("s")
        ['http://e.org/a']
        """
        from pyoxigraph import QueryBoolean, QuerySolutions, Variable

        substitutions = {Variable(name): term for name, term in (params or {}).items()}
        try:
            answer = self.store.query(
                text, prefixes=PREFIXES, use_default_graph_as_union=True, substitutions=substitutions
            )
        except SyntaxError as error:
            raise QueryError(f"SPARQL syntax error: {error}") from None
        except OSError as error:
            raise QueryError(f"query failed: {error}") from None
        if isinstance(answer, QueryBoolean):
            return QueryResult("ask", boolean=bool(answer))
        if isinstance(answer, QuerySolutions):
            variables = [v.value for v in answer.variables]
            rows: list[Binding] = []
            for solution in answer:
                if limit is not None and len(rows) >= limit:
                    raise ResultLimitError(f"the result has more than {limit} rows; add LIMIT to the query")
                row = {}
                for name in variables:
                    term = solution[name]
                    if term is not None:
                        row[name] = _binding(term)
                rows.append(row)
            return QueryResult("select", variables, rows)
        triples: set[str] = set()
        for t in answer:
            triples.add(f"{t.subject} {t.predicate} {t.object} .\n")
            if limit is not None and len(triples) > limit:
                raise ResultLimitError(f"the result has more than {limit} triples; add LIMIT to the query")
        lines = sorted(triples)
        return QueryResult("graph", ntriples="".join(lines))
