"""The embedded SPARQL engine: pyoxigraph, in memory, queried over the union of all named graphs.

>>> store = LocalStore.from_turtle('<http://ex.org/a> <http://ex.org/p> "x"@ru .')
>>> store.query("SELECT ?o WHERE { ?s ?p ?o }").values("o")
['x']
"""

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph

from ..errors import QueryError, ResultLimitError
from ..limits import run_deep
from ..namespaces import PREFIXES
from ..rdfio import load_file, oxigraph_format
from .guard import check_query
from .results import Binding, QueryResult


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


def bulk_load_file(store: Any, path: Path) -> None:
    """Load an RDF file (format from its extension) into a pyoxigraph store, named graphs kept.

    RDFInputError names a file that is missing or does not parse (see `kgraph.rdfio.load_file`).
    """
    load_file(store, path)


class LocalStore:
    """An in-memory pyoxigraph store holding one or more RDF files.

    Queries see, as their default graph, the RDF merge of every graph: a set, so a triple stated in several
    article graphs matches once (pyoxigraph's own union default graph would match it once per graph). With
    several graphs the merge is built once, into the store's default graph, before the first query.

    >>> from pyoxigraph import RdfFormat
    >>> store = LocalStore.from_turtle("")
    >>> store.store.load(b'<http://e.org/a> <http://e.org/p> "1" <http://e.org/g1> .\\n'
    ...                  b'<http://e.org/a> <http://e.org/p> "1" <http://e.org/g2> .\\n', format=RdfFormat.N_QUADS)
    >>> store.query("SELECT ?s WHERE { ?s ?p ?o }").values("s"), len(store)
    (['http://e.org/a'], 1)
    """

    merged = False
    """True once the default graph holds the merge of the named graphs."""

    def __init__(self) -> None:
        from pyoxigraph import Store

        self.store = Store()

    @classmethod
    def from_files(cls, *paths: Path) -> "LocalStore":
        """Load RDF files (format from the extension); RDFInputError names a file that does not parse."""
        local = cls()
        for path in paths:
            bulk_load_file(local.store, path)
        local._union_default_graph()  # pay for the merge at load time, not in the first query
        return local

    @classmethod
    def from_turtle(cls, text: str) -> "LocalStore":
        """A store holding the triples of a Turtle document (for tests and examples)."""
        from pyoxigraph import RdfFormat

        local = cls()
        local.store.load(text.encode("utf-8"), format=RdfFormat.TURTLE)
        local._union_default_graph()  # pay for the merge at load time, not in the first query
        return local

    @classmethod
    def from_rdflib(cls, data: Graph | Dataset) -> "LocalStore":
        """A store holding an rdflib graph or dataset, named graphs kept."""
        from pyoxigraph import RdfFormat

        local = cls()
        payload = data.serialize(format="nquads", encoding="utf-8")
        local.store.load(payload, format=RdfFormat.N_QUADS)
        local._union_default_graph()  # pay for the merge at load time, not in the first query
        return local

    @classmethod
    def read_only(cls, path: Path) -> "LocalStore":
        """A store persisted at `path` (see `persist`), opened read-only; several processes may share it."""
        from pyoxigraph import DefaultGraph, Store

        local = cls.__new__(cls)
        local.store = Store.read_only(str(path))
        # persist() merged several graphs into the default graph: a read-only store cannot do it later
        local.merged = next(iter(local.store.quads_for_pattern(None, None, None, DefaultGraph())), None) is not None
        return local

    def persist(self, path: Path) -> Path:
        """Copy this store into an on-disk store at `path` (a new folder) and return the folder."""
        from pyoxigraph import Store

        self._union_default_graph()
        disk = Store(str(path))
        disk.bulk_extend(self.store.quads_for_pattern(None, None, None, None))
        disk.flush()
        del disk
        return path

    def __len__(self) -> int:
        """The number of distinct triples in the merge of all graphs."""
        count = self.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").values("n")[0]
        return int(count or 0)

    def _union_default_graph(self) -> bool:
        """Whether to query with pyoxigraph's union default graph (one graph or none: it is already a set);
        with several graphs, merge them into the default graph first (once) and query that instead."""
        from itertools import islice

        from pyoxigraph import DefaultGraph

        if self.merged:
            return False
        graphs = list(islice(self.store.named_graphs(), 2))
        if not graphs:
            return False
        default = next(iter(self.store.quads_for_pattern(None, None, None, DefaultGraph())), None)
        if len(graphs) == 1 and default is None:
            return True
        self.store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
        self.merged = True
        return False

    def serialize(self, format_name: str) -> bytes:
        """The whole store in one of rdfio's formats; triple formats get the union of the named graphs.

        >>> LocalStore.from_turtle('<http://e.org/a> <http://e.org/p> "x" .').serialize("ntriples")
        b'<http://e.org/a> <http://e.org/p> "x" .\\n'
        """
        from pyoxigraph import DefaultGraph, Triple, serialize

        from ..rdfio import rdf_format

        fmt = rdf_format(format_name)
        target = oxigraph_format(fmt)
        if fmt.quads:
            if not self.merged:
                return self.store.dump(format=target) or b""
            quads = self.store.quads_for_pattern(None, None, None)
            named = (q for q in quads if not isinstance(q.graph_name, DefaultGraph))
            return serialize(named, format=target, prefixes=PREFIXES) or b""
        quads = self.store.quads_for_pattern(None, None, None, None)
        triples = {Triple(q.subject, q.predicate, q.object) for q in quads}
        return serialize(triples, format=target, prefixes=PREFIXES) or b""

    def query(
        self,
        text: str,
        params: Mapping[str, Any] | None = None,
        limit: int | None = None,
        *,
        timeout: float | None = None,
        allow_service: bool = False,
    ) -> QueryResult:
        """Run SPARQL with our prefixes predeclared; QueryError shows the parser's line and column.

        `params` binds variables to RDF terms (pyoxigraph terms, see `params.parse_params`) by SEP-0007
        substitution, so no value is ever parsed as SPARQL; a SELECT must return the variables it binds.
        With `limit`, more than that many rows or triples raise ResultLimitError. `SERVICE` is refused unless
        `allow_service`; with `timeout` (seconds) a query still running then raises DeadlineError. Ctrl-C
        stops a query at once (it runs in a thread of its own: see `kgraph.limits.run_deep`).

        >>> from kgraph.query.params import parse_params
        >>> store = LocalStore.from_turtle('<http://e.org/a> <http://e.org/p> "x"@ru, "y"@ru .')
        >>> store.query("SELECT ?s ?o WHERE { ?s ?p ?o }", parse_params(['o="y"@ru'])).rows()
        [('http://e.org/a', 'y')]
        """
        check_query(text, allow_service=allow_service)
        union = self._union_default_graph()
        return run_deep(lambda: self._run(text, params, limit, union), timeout=timeout, what="the query")

    def _run(self, text: str, params: Mapping[str, Any] | None, limit: int | None, union: bool) -> QueryResult:
        from pyoxigraph import Variable

        substitutions = {Variable(name): term for name, term in (params or {}).items()}
        try:
            answer = self.store.query(
                text, prefixes=PREFIXES, substitutions=substitutions, use_default_graph_as_union=union
            )
        except SyntaxError as error:
            raise QueryError(f"SPARQL syntax error: {error}") from None
        except OSError as error:
            raise QueryError(f"query failed: {error}") from None
        except RuntimeError as error:  # pyoxigraph's refusal of a substitution for a variable not selected
            raise QueryError(f"cannot bind the parameters: {error}") from None
        try:
            return self._collect(answer, limit)
        except OSError as error:  # evaluation errors surface while the answer is read (a failed SERVICE call)
            raise QueryError(f"query failed: {error}") from None

    def _collect(self, answer: Any, limit: int | None) -> QueryResult:
        from pyoxigraph import QueryBoolean, QuerySolutions

        if isinstance(answer, QueryBoolean):
            return QueryResult("ask", boolean=bool(answer))
        if isinstance(answer, QuerySolutions):
            variables = [v.value for v in answer.variables]
            rows: list[Binding] = []
            seen: dict[Any, dict[str, str]] = {}
            for solution in answer:
                if limit is not None and len(rows) >= limit:
                    raise ResultLimitError(f"the result has more than {limit} rows; add LIMIT to the query")
                # by position, converting each distinct term once (answers repeat labels and IRIs a lot);
                # rows share those binding dicts, which nobody mutates
                row = {}
                for name, term in zip(variables, solution, strict=True):
                    if term is not None:
                        bound = seen.get(term)
                        if bound is None:
                            bound = seen[term] = _binding(term)
                        row[name] = bound
                rows.append(row)
            return QueryResult("select", variables, rows)
        triples: set[str] = set()
        for t in answer:
            triples.add(f"{t.subject} {t.predicate} {t.object} .\n")
            if limit is not None and len(triples) > limit:
                raise ResultLimitError(f"the result has more than {limit} triples; add LIMIT to the query")
        lines = sorted(triples)
        return QueryResult("graph", ntriples="".join(lines))
