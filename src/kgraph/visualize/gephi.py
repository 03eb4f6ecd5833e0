"""GraphML and GEXF for Gephi and other graph tools: the same nodes, edges, classes and layout as the page.

XML 1.0 cannot hold some characters a literal or an IRI may contain (C0 controls other than tab and line breaks,
U+FFFE, U+FFFF, lone surrogates); these display formats show each as the visible text ``\\uXXXX`` instead
(see ``xml_text``), so every file is well-formed.

>>> from rdflib import Graph
>>> g = Graph().parse(format="turtle", data='''
...     @prefix id: <https://w3id.org/kgraph/id/> . @prefix kg: <https://w3id.org/kgraph/ontology#> .
...     id:forum a kg:Forum ; kg:chair id:putin . id:putin a <https://schema.org/Person> .''')
>>> net = gephi_graph(g)
>>> net.nodes["https://w3id.org/kgraph/id/forum"]["viz"]["color"], net.number_of_edges()
({'r': 136, 'g': 204, 'b': 238, 'a': 1.0}, 1)
"""

import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import Dataset, Graph

from ..errors import KGraphError
from ..rdfio import write_atomically
from .layout import spring_positions
from .network import to_networkx
from .vocabulary import class_styles

if TYPE_CHECKING:
    import networkx as nx


_NOT_XML = re.compile(r"[\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]")
"""The characters outside XML 1.0's Char production (networkx would write them raw: not well-formed XML)."""


class GephiExportError(KGraphError):
    """A graph cannot be written as GraphML or GEXF."""


def xml_text(text: str) -> str:
    r"""`text` with every character XML 1.0 cannot hold replaced by the visible escape ``\uXXXX``.

    Only those characters change: a text that already held the six characters ``\u0001`` reads the same.

    >>> print(xml_text("Омск" + chr(1) + chr(0xD800) + chr(0xFFFE) + "\n!"))
    Омск\u0001\ud800\ufffe
    !
    """
    return _NOT_XML.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


def _escaped(iris: Iterable[str]) -> dict[str, str]:
    """Each IRI's ``xml_text``; GephiExportError rather than merging two nodes or edges into one.

    Two IRIs become one only when one holds a bad character and the other that character's escape as text.
    """
    escaped: dict[str, str] = {}
    first: dict[str, str] = {}
    for iri in iris:
        escaped[iri] = xml_text(iri)
        other = first.setdefault(escaped[iri], iri)
        if other != iri:
            raise GephiExportError(f"the IRIs {other!r} and {iri!r} read the same once escaped for XML")
    return escaped


def _escape_texts(attrs: dict[str, Any]) -> None:
    """Make every text among `attrs` ``xml_text`` in place (the nested ``viz`` values are our own numbers)."""
    for key, value in attrs.items():
        if isinstance(value, str) and _NOT_XML.search(value):
            attrs[key] = xml_text(value)


def _xml_safe(net: "nx.MultiDiGraph") -> "nx.MultiDiGraph":
    """`net` with every node id, edge key and text ``xml_text``: texts in place, a copy only when an id changes."""
    import networkx as nx

    for _, attrs in net.nodes(data=True):
        _escape_texts(attrs)
    for *_, attrs in net.edges(data=True):
        _escape_texts(attrs)
    ids = _escaped(net.nodes)
    keys = _escaped(sorted({key for *_, key in net.edges(keys=True)}))
    if all(old == new for old, new in (*ids.items(), *keys.items())):
        return net
    safe = nx.MultiDiGraph()
    safe.add_nodes_from((ids[node], attrs) for node, attrs in net.nodes(data=True))
    safe.add_edges_from((ids[s], ids[o], keys[key], attrs) for s, o, key, attrs in net.edges(keys=True, data=True))
    return safe


def _rgb(color: str) -> dict[str, int | float]:
    value = int(color.lstrip("#"), 16)
    return {"r": value >> 16, "g": (value >> 8) & 0xFF, "b": value & 0xFF, "a": 1.0}


def gephi_graph(graph: Graph | Dataset) -> "nx.MultiDiGraph":
    """The page's networkx graph with Gephi's ``viz`` colour and position on every node (as in the page).

    Every node id, edge key and text is ``xml_text``, so networkx's GraphML and GEXF writers give well-formed XML.
    """
    import numpy as np

    net = to_networkx(graph)
    nodes = list(net.nodes)
    index = {node: i for i, node in enumerate(nodes)}
    pairs = np.array([(index[s], index[o]) for s, o in net.edges()], dtype=np.int64)
    xy = spring_positions(len(nodes), pairs)
    styles = class_styles(dict(Counter(c for _, c in net.nodes(data="class_iri"))))
    for i, node in enumerate(nodes):
        attrs = net.nodes[node]
        attrs["iri"] = node
        attrs["viz"] = {
            "color": _rgb(styles[attrs["class_iri"]].color),
            "position": {"x": float(xy[i, 0]), "y": float(-xy[i, 1]), "z": 0.0},
            "size": 10.0,
        }
    return _xml_safe(net)


def write_graphml(graph: Graph | Dataset, path: Path) -> Path:
    """Write the entity graph as GraphML (node id = IRI; label, classes, Wikidata and x/y as data).

    Characters XML cannot hold are written as the text ``\\uXXXX`` (see ``xml_text``).
    """
    import networkx as nx

    net = gephi_graph(graph)
    for _, attrs in net.nodes(data=True):
        viz = attrs.pop("viz")
        attrs["x"], attrs["y"] = viz["position"]["x"], viz["position"]["y"]
        attrs["r"], attrs["g"], attrs["b"] = (viz["color"][c] for c in "rgb")
    return write_atomically(Path(path), lambda temporary: nx.write_graphml(net, str(temporary)))


def write_gexf(graph: Graph | Dataset, path: Path) -> Path:
    """Write the entity graph as GEXF 1.2 with colours and positions Gephi shows at once.

    Characters XML cannot hold are written as the text ``\\uXXXX`` (see ``xml_text``).
    """
    import networkx as nx

    net = gephi_graph(graph)
    return write_atomically(Path(path), lambda temporary: nx.write_gexf(net, str(temporary)))
