"""GraphML and GEXF for Gephi and other graph tools: the same nodes, edges, classes and layout as the page.

>>> from rdflib import Graph
>>> g = Graph().parse(format="turtle", data='''
...     @prefix id: <https://w3id.org/kgraph/id/> . @prefix kg: <https://w3id.org/kgraph/ontology#> .
...     id:forum a kg:Forum ; kg:chair id:putin . id:putin a <https://schema.org/Person> .''')
>>> net = gephi_graph(g)
>>> net.nodes["https://w3id.org/kgraph/id/forum"]["viz"]["color"], net.number_of_edges()
({'r': 242, 'g': 142, 'b': 43, 'a': 1.0}, 1)
"""

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Dataset, Graph, URIRef

from ..rdfio import write_atomically
from .layout import spring_positions
from .network import to_networkx
from .vocabulary import class_styles

if TYPE_CHECKING:
    import networkx as nx


def _rgb(color: str) -> dict[str, int | float]:
    value = int(color.lstrip("#"), 16)
    return {"r": value >> 16, "g": (value >> 8) & 0xFF, "b": value & 0xFF, "a": 1.0}


def gephi_graph(graph: Graph | Dataset) -> "nx.MultiDiGraph":
    """The page's networkx graph with Gephi's ``viz`` colour and position on every node (as in the page)."""
    import numpy as np

    net = to_networkx(graph)
    nodes = list(net.nodes)
    index = {node: i for i, node in enumerate(nodes)}
    pairs = np.array([(index[s], index[o]) for s, o in net.edges()], dtype=np.int64)
    xy = spring_positions(len(nodes), pairs)
    styles = class_styles(dict(Counter(URIRef(c) for _, c in net.nodes(data="class_iri"))))
    for i, node in enumerate(nodes):
        attrs = net.nodes[node]
        attrs["iri"] = node
        attrs["viz"] = {
            "color": _rgb(styles[URIRef(attrs["class_iri"])].color),
            "position": {"x": float(xy[i, 0]), "y": float(-xy[i, 1]), "z": 0.0},
            "size": 10.0,
        }
    return net


def write_graphml(graph: Graph | Dataset, path: Path) -> Path:
    """Write the entity graph as GraphML (node id = IRI; label, classes, Wikidata and x/y as data)."""
    import networkx as nx

    net = gephi_graph(graph)
    for _, attrs in net.nodes(data=True):
        viz = attrs.pop("viz")
        attrs["x"], attrs["y"] = viz["position"]["x"], viz["position"]["y"]
        attrs["r"], attrs["g"], attrs["b"] = (viz["color"][c] for c in "rgb")
    return write_atomically(Path(path), lambda temporary: nx.write_graphml(net, str(temporary)))


def write_gexf(graph: Graph | Dataset, path: Path) -> Path:
    """Write the entity graph as GEXF 1.2 with colours and positions Gephi shows at once."""
    import networkx as nx

    net = gephi_graph(graph)
    return write_atomically(Path(path), lambda temporary: nx.write_gexf(net, str(temporary)))
