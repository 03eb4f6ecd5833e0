"""Browser fixtures: Debian's Chromium via Playwright; requests not to file:// are blocked and logged."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from rdflib import Dataset

from kgraph.graph import build_dataset
from kgraph.model import ArticleModel, Entity, article_span
from kgraph.source import parse_article
from kgraph.visualize import write_page

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


@dataclass
class PageLog:
    """What a page did that it must not: console errors, requests that left file:// or failed, dialogs."""

    errors: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@dataclass
class OpenedPage:
    page: Any
    log: PageLog

    def js(self, expression: str, argument: Any = None) -> Any:
        return self.page.evaluate(expression, argument)

    def drawn(self) -> tuple[int, int]:
        """How many nodes and edges vis-network draws now (hidden and clustered ones are not drawn)."""
        counts = self.js("[kgraph.network.body.nodeIndices.length, kgraph.network.body.edgeIndices.length]")
        return counts[0], counts[1]

    def click_node(self, iri: object) -> str:
        """Zoom to the node of `iri` and click it with the mouse, as a reader would; its page id."""
        node: str = self.js(
            """(iri) => {
                const panels = JSON.parse(document.getElementById('kg-data').textContent).panels;
                return Object.keys(panels).find((id) => panels[id].iri === iri);
            }""",
            str(iri),
        )
        self.js("(id) => kgraph.network.focus(id, {scale: 2, animation: false})", node)
        box = self.page.locator("#graph canvas").bounding_box()
        spot = self.js("(id) => kgraph.network.canvasToDOM(kgraph.network.getPosition(id))", node)
        self.page.mouse.click(box["x"] + spot["x"], box["y"] + spot["y"])
        return node

    def drawn_iris(self) -> set[str]:
        return set(
            self.js(
                """() => {
                const panels = JSON.parse(document.getElementById('kg-data').textContent).panels;
                return kgraph.network.body.nodeIndices.map((id) => panels[id].iri);
            }"""
            )
        )


@pytest.fixture
def open_page(browser: Any) -> Iterator[Callable[..., OpenedPage]]:
    """Open a page from file:// and wait until its layout is drawn; `bypass_csp` drops the page's CSP; `language`
    ("en" or "ru") is the one the reader chose before (else the page opens in the graph's)."""
    contexts = []

    def opener(path: Path, *, bypass_csp: bool = False, language: str | None = None) -> OpenedPage:
        context = browser.new_context(viewport={"width": 1400, "height": 900}, bypass_csp=bypass_csp)
        contexts.append(context)
        if language is not None:
            context.add_init_script(f"window.localStorage.setItem('kgraph-language', {language!r})")
        log = PageLog()

        def route(route: Any) -> None:
            if route.request.url.startswith("file:"):
                route.continue_()
            else:
                log.external.append(route.request.url)
                route.abort()

        context.route("**/*", route)
        page = context.new_page()
        page.on("console", lambda message: log.errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: log.errors.append(str(error)))
        page.on("requestfailed", lambda request: log.failed.append(request.url))
        page.on(
            "request",
            lambda request: None if request.url.startswith(("file:", "data:")) else log.external.append(request.url),
        )

        def dialog(opened: Any) -> None:
            log.dialogs.append(opened.message)
            opened.dismiss()

        page.on("dialog", dialog)
        page.goto(path.as_uri())
        page.wait_for_function("document.body.dataset.state === 'ready'")
        return OpenedPage(page, log)

    yield opener
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where tests leave screenshots for a person to look at (gitignored)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def seed_page(tmp_path_factory: pytest.TempPathFactory, seed_dataset: Dataset) -> Path:
    return write_page(seed_dataset, tmp_path_factory.mktemp("page") / "graph.html", title="Omsk forum")


@pytest.fixture(scope="session")
def transliterated_dataset() -> Dataset:
    """An extracted article naming a technopark, with no English name, and Russia, whose English name is known."""
    article = parse_article("tech", "# Новости\n\nРоссия открыла технопарк.\n")
    park = Entity(
        "park",
        "schema:Place",
        {"ru": "технопарк", "ru-Latn": "tekhnopark"},
        mentions=(article_span(article, "технопарк"),),
    )
    russia = Entity(
        "russia",
        "schema:Country",
        {"ru": "Россия", "en": "Russia", "ru-Latn": "Rossiya"},
        mentions=(article_span(article, "Россия"),),
    )
    return build_dataset([ArticleModel(article, entities={"park": park, "russia": russia}, source="extracted")])
