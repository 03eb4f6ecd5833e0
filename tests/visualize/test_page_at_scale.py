"""A page of 100,000 entities (`kgraph viz` on an N-Triples file) opens in Chromium on at most 1,000 of them, and
search and clicks bring in any other with its neighbours."""

import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from kgraph.cli import main

pytestmark = pytest.mark.browser

ENTITIES = 100_000
ID = "https://w3id.org/kgraph/id/"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
CLASSES = ("<https://schema.org/Person>", "<https://schema.org/City>", "<https://schema.org/Organization>")


def news_like(path: Path, count: int) -> None:
    """`count` entities, each named in Russian and English, stated by a sentence, and linked to an earlier one
    (hubs preferred, as persons to the countries and cities of news)."""
    rng = random.Random(3)
    lines = []
    for i in range(count):
        node, sentence = f"<{ID}e{i}>", f"<{ID}article/big/text#s{i}>"
        lines += [
            f"{node} {TYPE} {CLASSES[i % 3]} .",
            f'{node} {LABEL} "Сущность {i}"@ru .',
            f'{node} {LABEL} "Entity {i}"@en .',
            f"{sentence} {TYPE} <{NIF}Sentence> .",
            f'{sentence} <{NIF}anchorOf> "Здесь названа сущность {i}." .',
            f"{node} <http://www.w3.org/ns/prov#wasDerivedFrom> {sentence} .",
        ]
        if i:
            hub = min(int(rng.paretovariate(1.2)) - 1, i - 1) if rng.random() < 0.6 else rng.randrange(i)
            lines.append(f"{node} <https://schema.org/memberOf> <{ID}e{hub}> .")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_a_page_of_100000_entities_opens_on_1000_and_brings_in_any_other(open_page, tmp_path: Path) -> None:
    source = tmp_path / "big.nt"
    news_like(source, ENTITIES)
    result = CliRunner().invoke(main, ["viz", str(source), "-o", str(tmp_path / "big.html")])
    assert result.exit_code == 0, result.output
    opened = open_page(tmp_path / "big.html")
    assert opened.drawn()[0] == 1_000
    # zoomed far out, the nodes are still shapes of their class's colour, the most connected largest (at the NEREL-dev
    # page's opening zoom they had been dots of 1.5 px)
    radii = opened.js(
        "(() => { const net = kgraph.network, scale = net.getScale();"
        " return Object.values(net.body.nodes).filter((n) => !n.options.hidden && !String(n.id).startsWith('edgeId'))"
        " .map((n) => n.options.size * scale); })()"
    )
    assert opened.js("kgraph.network.getScale()") < 0.1
    radii.sort(reverse=True)
    assert radii[11] >= 6 and radii[-1] >= 1.4, radii[:12]  # the 12 most connected, and the least
    last = f"{ID}e{ENTITIES - 1}"  # a leaf: not among the 1,000 drawn at first
    opened.page.fill("#search", f"Сущности {ENTITIES - 1}")  # another case form of its Russian label
    opened.page.press("#search", "Enter")
    assert opened.page.locator("#panel h2").inner_text() == f"Entity {ENTITIES - 1}"
    assert last in opened.drawn_iris() and opened.drawn()[0] > 1_000
    hub = opened.click_node(f"{ID}e0")  # the biggest hub: its neighbours come 50 at a time, the rest on request
    assert opened.page.get_attribute("#panel", "data-node") == hub
    assert "more neighbours" in opened.page.locator("#panel button.more").inner_text()
    assert opened.log.errors == []
