"""The page needs nothing but itself: every script and style inline and allowed by hash, no URL fetched."""

import re
from html.parser import HTMLParser
from pathlib import Path

from rdflib import Dataset

from kgraph.visualize import page_html
from kgraph.visualize.page import csp_hash


class PageParts(HTMLParser):
    """The CSP, the inline scripts and styles, and every attribute that could load something."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.csp = ""
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.loading: list[tuple[str, str, str | None]] = []
        self._inside: tuple[str, dict[str, str | None]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "meta" and found.get("http-equiv") == "Content-Security-Policy":
            self.csp = found["content"] or ""
        self.loading += [(tag, k, v) for k, v in attrs if k in ("src", "href", "srcset", "action", "data")]
        if tag in ("script", "style"):
            self._inside = (tag, found)

    def handle_data(self, data: str) -> None:
        if self._inside is not None:
            tag, attrs = self._inside
            if tag == "style":
                self.styles.append(data)
            elif attrs.get("type") != "application/json":
                self.scripts.append(data)

    def handle_endtag(self, tag: str) -> None:
        self._inside = None


def parts(text: str) -> PageParts:
    parser = PageParts()
    parser.feed(text)
    return parser


def directives(csp: str) -> dict[str, list[str]]:
    return {d.split()[0]: d.split()[1:] for d in (p.strip() for p in csp.split(";")) if d}


def test_every_inline_script_and_style_is_allowed_by_its_hash_and_nothing_else(seed_dataset: Dataset) -> None:
    page = parts(page_html(seed_dataset))
    policy = directives(page.csp)
    assert len(page.scripts) == 2
    assert sorted(policy["script-src"]) == sorted(csp_hash(s) for s in page.scripts)
    assert sorted(policy["style-src"]) == sorted(csp_hash(s) for s in page.styles)
    assert policy["default-src"] == ["'none'"]
    assert policy["connect-src"] == ["'none'"]
    assert "unsafe-inline" not in page.csp and "unsafe-eval" not in page.csp


def test_nothing_in_the_markup_loads_a_url(seed_dataset: Dataset) -> None:
    assert parts(page_html(seed_dataset)).loading == []


def test_the_same_graph_gives_the_same_page(seed_dataset: Dataset, seed_trig: Path) -> None:
    reread = Dataset(default_union=True)
    reread.parse(seed_trig, format="trig")
    first, second = page_html(seed_dataset, title="t"), page_html(reread, title="t")
    assert first == second
    assert re.search(r'"x":-?\d', first), "node positions are written into the page"
