"""The graph explorer: an offline, self-contained HTML page, and GraphML/GEXF for Gephi.

>>> import tempfile
>>> from pathlib import Path
>>> from rdflib import Graph
>>> g = Graph().parse(format="turtle", data='''
...     <https://w3id.org/kgraph/id/tokayev> a <https://schema.org/Person> ;
...         <http://www.w3.org/2000/01/rdf-schema#label> "Токаев"@ru .''')
>>> with tempfile.TemporaryDirectory() as folder:
...     page = write_page(g, Path(folder) / "graph.html", title="demo")
...     "Токаев" in page.read_text(encoding="utf-8")
True
"""

from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Dataset, Graph

from ..rdfio import bytes_writer, write_atomically
from .gephi import write_gexf, write_graphml
from .network import to_networkx

if TYPE_CHECKING:
    from .triples import Triples

__all__ = ["construct", "page_bytes", "page_html", "to_networkx", "write_gexf", "write_graphml", "write_page"]


def construct(graph: Graph | Dataset, query: str) -> Graph:
    """The triples a SPARQL CONSTRUCT (or DESCRIBE) query returns over the union of `graph`'s named graphs.

    QueryError for a syntax error or a query of another kind; our prefixes are predeclared.
    """
    from ..errors import QueryError
    from ..query import LocalStore

    result = LocalStore.from_rdflib(graph).query(query)
    if result.kind != "graph":
        raise QueryError(f"the query is a {result.kind.upper()} query; the page needs a CONSTRUCT query")
    return result.graph()


def page_html(graph: "Graph | Dataset | Triples", *, title: str = "kgraph", query: str | None = None) -> str:
    """The page as one HTML string (see `page_bytes`)."""
    return page_bytes(graph, title=title, query=query).decode("utf-8")


def page_bytes(graph: "Graph | Dataset | Triples", *, title: str = "kgraph", query: str | None = None) -> bytes:
    """The page as UTF-8; with `query`, only the nodes and edges its CONSTRUCT result mentions (the query needs an
    rdflib graph or dataset, not `Triples`)."""
    from .page import layout_later, page_data, render_page
    from .triples import Triples, collector_paused

    if query is not None and isinstance(graph, Triples):
        raise TypeError("a CONSTRUCT query needs the rdflib graph, not its indexed triples")
    with collector_paused():
        full = Triples.of(graph)
        within = None if query is None or isinstance(graph, Triples) else construct(graph, query)
        laid_out = []  # started once the nodes and edges are known, while their labels and panels are made
        net = to_networkx(full, within=within, drawn=lambda drawn: laid_out.append(layout_later(drawn)))
        return render_page(page_data(net, full, title, laid_out[0]))


def write_page(
    graph: "Graph | Dataset | Triples", path: Path, *, title: str = "kgraph", query: str | None = None
) -> Path:
    """Write the explorer page for `graph` to `path` atomically; `query` (CONSTRUCT text) picks a subgraph."""
    return write_atomically(Path(path), bytes_writer(page_bytes(graph, title=title, query=query)))
