"""The offline HTML page: vis-network, our script and the graph's data, all inline, under a strict CSP.

Data goes into a ``<script type="application/json">`` block with ``<``, ``>`` and ``&`` escaped, so no text
from an article can end the block; the page's script shows it with ``textContent`` only. JSON escapes carry every
other character, lone surrogates too (which UTF-8 cannot encode).

>>> embed_json({"label": "</script><script>alert(1)</script>"})
'{"label":"\\\\u003c/script\\\\u003e\\\\u003cscript\\\\u003ealert(1)\\\\u003c/script\\\\u003e"}'
"""

import base64
import hashlib
import html
import importlib.util
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING, Any

from .details import Json, panels
from .gephi import xml_text
from .layout import positions_later
from .triples import Triples
from .vocabulary import class_styles

if TYPE_CHECKING:
    import networkx as nx
    import numpy as np
    from numpy.typing import NDArray

VIS_NETWORK = "vis-9.1.2"
"""The vis-network build pyvis ships, which the page inlines."""


_NOT_RAW_IN_SCRIPT = re.compile(r"[<>&\x7F-\x9F\u2028\u2029\uD800-\uDFFF\uFFFE\uFFFF]")
"""What JSON may hold raw but a page must not: markup, controls and noncharacters (HTML parse errors), line
separators (line ends in older JavaScript) and lone surrogates (UTF-8 cannot encode them); json.dumps already
escapes U+0000-U+001F."""


_MARKUP_IN_UTF8 = {bytes([byte]): b"\\u%04x" % byte for byte in b"<>&\x7f"}
"""The one-byte characters of `_NOT_RAW_IN_SCRIPT` and their escapes (replaced at the speed of memchr)."""
_NOT_RAW_IN_UTF8 = tuple(re.compile(p) for p in (rb"\xC2[\x80-\x9F]", rb"\xE2\x80[\xA8\xA9]", rb"\xEF\xBF[\xBE\xBF]"))
"""Its other characters but lone surrogates, in UTF-8, one pattern for each first two bytes: a pattern that opens
with a literal is searched for quickly (no lead byte of UTF-8 continues another character, so a match is a whole
character)."""


def embed_json_utf8(value: Any) -> bytes:
    r"""`embed_json` as UTF-8, written by orjson (several times json's speed on a page's megabytes of data).

    >>> embed_json_utf8(["a\x85<", chr(0xD800)]) == embed_json(["a\x85<", chr(0xD800)]).encode("utf-8")
    True
    """
    import orjson

    try:
        data = orjson.dumps(value)
    except orjson.JSONEncodeError:  # a lone surrogate, which orjson refuses: json escapes it
        return embed_json(value).encode("utf-8")
    # one pattern for all of them took 0.9 s on the 81 MB of a 100,000-node page; these take 0.2 s
    for raw, escaped in _MARKUP_IN_UTF8.items():
        if raw in data:
            data = data.replace(raw, escaped)
    for pattern in _NOT_RAW_IN_UTF8:
        data = pattern.sub(_escaped_utf8, data)
    return data


def _escaped_utf8(found: re.Match[bytes]) -> bytes:
    return b"\\u%04x" % ord(found.group().decode("utf-8"))


def embed_json(value: Any) -> str:
    r"""JSON that is safe inside a ``<script>`` element and in UTF-8: no ``<``, ``>``, ``&`` or lone surrogate
    appears literally; each is a JSON escape, so ``JSON.parse`` gives back every character (as UTF-16 units).

    >>> print(embed_json(["a" + chr(0xD800) + "b", chr(0x2028) + "&"]))
    ["a\ud800b","\u2028\u0026"]
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return _NOT_RAW_IN_SCRIPT.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


def csp_hash(source: str) -> str:
    """The CSP source expression allowing exactly this inline script or style.

    >>> csp_hash("")
    "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
    """
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(scripts: list[str], styles: list[str]) -> str:
    """Only these inline scripts and styles run; nothing is fetched or sent anywhere."""
    return "; ".join(
        (
            "default-src 'none'",
            f"script-src {' '.join(csp_hash(s) for s in scripts)}",
            f"style-src {' '.join(csp_hash(s) for s in styles)}",
            "img-src data:",
            "connect-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        )
    )


@cache
def _vis_assets() -> tuple[str, str]:
    spec = importlib.util.find_spec("pyvis")  # finding it does not import pyvis (which imports IPython)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pyvis is not installed; it ships the vis-network library the page inlines")
    lib = Path(next(iter(spec.submodule_search_locations))) / "templates" / "lib" / VIS_NETWORK
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), (lib / "vis-network.css").read_text(
        encoding="utf-8"
    )


def _asset(name: str) -> str:
    return (files(__package__) / "assets" / name).read_text(encoding="utf-8")


@dataclass(frozen=True)
class PageData:
    """What the page's script gets: nodes, edges, classes for the legend, panels and the cited sentences."""

    title: str
    classes: list[Json]
    nodes: list[Json]
    edges: list[Json]
    panels: dict[str, Json]
    sentences: list[str]
    language: str = "en"
    """The language the page opens in when the reader has not chosen one: Russian when more nodes are named in
    Russian than in English (an extracted article's graph), else English."""

    def to_json_utf8(self) -> bytes:
        """The data as safely embeddable JSON, in UTF-8 (``embed_json_utf8``)."""
        return embed_json_utf8(self.__dict__)


def layout_later(net: "nx.MultiDiGraph") -> "Callable[[], NDArray[np.float64]]":
    """Start laying out a ``to_networkx`` graph (its nodes and edges: labels are not read); the function returned
    waits for the positions, one row per node in the graph's order (a big graph's are computed by a second process,
    see ``layout.positions_later``)."""
    import numpy as np

    position = {iri: i for i, iri in enumerate(net.nodes)}
    pairs = np.array([(position[s], position[o]) for s, o in net.edges()], dtype=np.int64)
    return positions_later(len(position), pairs)


def page_data(
    net: "nx.MultiDiGraph", full: Triples, title: str, positions: "Callable[[], NDArray[np.float64]] | None" = None
) -> PageData:
    """Lay out a ``to_networkx`` graph (unless `positions`, from `layout_later`, are on their way) and gather what
    every node's panel shows from the full graph."""
    iris = list(net.nodes)
    ids = {iri: f"n{i}" for i, iri in enumerate(iris)}
    counts = Counter(attrs["class_iri"] for _, attrs in net.nodes(data=True))
    styles = class_styles(dict(counts))
    class_index = {cls: i for i, cls in enumerate(styles)}
    positions = positions or layout_later(net)  # the panels are built meanwhile
    contents, sentences = panels(full, ids)
    xy = positions()
    nodes = [
        {
            "id": ids[iri],
            "c": class_index[attrs["class_iri"]],
            "x": float(xy[i, 0]),
            "y": float(xy[i, 1]),
            "en": attrs["label_en"],
            "ru": attrs["label_ru"],
        }
        for i, (iri, attrs) in enumerate(net.nodes(data=True))
    ]
    edges = []
    for s, o, attrs in net.edges(data=True):
        source = ids[s]
        edge = {"from": source, "to": ids[o], "en": attrs["label"], "ru": attrs["label_ru"]}
        if "quantity" in attrs:  # a figure: shown from the measured node's quantities
            edge["q"] = _quantity_index(contents[source]["quantities"], attrs["quantity"])
        else:
            edge["f"] = _fact_index(contents[source]["facts"], edge["to"], attrs)
        edges.append(edge)
    classes = [
        {
            "iri": s.iri,
            "label": {"en": s.label_en, "ru": s.label_ru},
            "shape": s.shape,
            "color": s.color,
            "count": counts[cls],
        }
        for cls, s in styles.items()
    ]
    return PageData(title, classes, nodes, edges, contents, sentences, _opening_language(contents.values()))


def _opening_language(panels: Iterable[Json]) -> str:
    """ "ru" when more of the nodes have a Russian name than an English one, else "en".

    >>> _opening_language([{"names": {"ru": "Омск"}}, {"names": {"ru": "Россия", "en": "Russia"}}])
    'ru'
    """
    named = Counter(language for panel in panels for language in panel["names"])
    return "ru" if named["ru"] > named["en"] else "en"


def _quantity_index(quantities: list[Json], iri: str) -> int:
    for i, quantity in enumerate(quantities):
        if quantity["iri"] == iri:
            return i
    raise ValueError(f"no panel quantity {iri}")


def _fact_index(facts: list[Json], target: str, attrs: dict[str, Any]) -> int:
    for i, fact in enumerate(facts):
        if fact["dir"] == "out" and fact.get("node") == target and fact["iri"] == attrs["predicate"]:
            return i
    raise ValueError(f"no panel fact for the edge {attrs['predicate']} to {target}")


_DATA = "\x00data\x00"
"""Where the data goes in the page, until it does (no template or asset holds a NUL)."""


def render_page(data: PageData) -> bytes:
    """The complete HTML document for `data`, in UTF-8 (a big page's data is never one more Python string)."""
    vis_js, vis_css = _vis_assets()
    page_js, page_css = _asset("page.js"), _asset("page.css")
    template = Template(_asset("page.html"))
    before, after = template.substitute(
        csp=html.escape(content_security_policy([vis_js, page_js], [vis_css, page_css])),
        title=html.escape(xml_text(data.title)),  # what XML cannot hold, HTML cannot either: shown as \uXXXX
        vis_css=vis_css,
        page_css=page_css,
        data=_DATA,
        vis_js=vis_js,
        page_js=page_js,
    ).split(_DATA)
    return b"".join((before.encode("utf-8"), data.to_json_utf8(), after.encode("utf-8")))
