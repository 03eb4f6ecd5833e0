"""rdflib's SPARQL engine behind LocalStore's interface: the baseline we measure and compare against.

>>> store = RdflibStore.from_turtle('<http://ex.org/a> <http://ex.org/p> "x"@ru .')
>>> store.query("SELECT ?o WHERE { ?s ?p ?o }").values("o")
['x']
"""

from collections.abc import Mapping
from pathlib import Path
from typing import Any, cast

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.query import ResultRow

from ..errors import QueryError
from ..namespaces import PREFIXES
from ..rdfio import read_dataset
from .params import to_rdflib
from .results import Binding, QueryResult


def _binding(term: Any) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    if isinstance(term, Literal):
        bound = {"type": "literal", "value": str(term)}
        if term.language:
            bound["xml:lang"] = term.language
        elif term.datatype is not None and term.datatype != XSD.string:
            bound["datatype"] = str(term.datatype)
        return bound
    raise QueryError(f"cannot represent the term {term!r} in SPARQL results")


class RdflibStore:
    """An rdflib dataset whose default graph is the union of its named graphs."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset

    @classmethod
    def from_files(cls, *paths: Path) -> "RdflibStore":
        """Parse RDF files into one dataset (RDFInputError names a file that does not parse)."""
        dataset = Dataset(default_union=True)
        for path in paths:
            for s, p, o, g in read_dataset(path).quads((None, None, None, None)):
                dataset.add(cast(Any, (s, p, o, g)))
        return cls(dataset)

    @classmethod
    def from_turtle(cls, text: str) -> "RdflibStore":
        """A store holding the triples of a Turtle document."""
        dataset = Dataset(default_union=True)
        dataset.parse(data=text, format="turtle")
        return cls(dataset)

    @classmethod
    def from_rdflib(cls, data: Graph | Dataset) -> "RdflibStore":
        """A store over an rdflib graph or dataset, named graphs kept."""
        dataset = Dataset(default_union=True)
        for s, p, o, g in (
            data.quads((None, None, None, None)) if isinstance(data, Dataset) else ((s, p, o, None) for s, p, o in data)
        ):
            dataset.add(cast(Any, (s, p, o, g)))
        return cls(dataset)

    def __len__(self) -> int:
        return len(self.dataset)

    def query(self, text: str, params: Mapping[str, Any] | None = None) -> QueryResult:
        """Run SPARQL with our prefixes predeclared; `params` (pyoxigraph terms) become initBindings."""
        bindings = {name: to_rdflib(term) for name, term in (params or {}).items()}
        try:
            answer = self.dataset.query(text, initNs=PREFIXES, initBindings=bindings)
        except Exception as error:  # pyparsing and rdflib raise many unrelated types for bad queries
            raise QueryError(f"SPARQL error: {' '.join(str(error).split())}") from None
        if answer.type == "ASK":
            return QueryResult("ask", boolean=bool(answer.askAnswer))
        if answer.type == "SELECT":
            variables = [str(v) for v in answer.vars or []]
            rows: list[Binding] = []
            for solution in answer:
                row = {}
                for name in variables:
                    term = cast(ResultRow, solution).get(name)
                    if term is not None:
                        row[name] = _binding(term)
                rows.append(row)
            return QueryResult("select", variables, rows)
        graph = answer.graph if answer.graph is not None else Graph()
        lines = sorted({f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o in graph})
        return QueryResult("graph", ntriples="".join(lines))
