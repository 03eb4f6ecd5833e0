"""Every node's and every edge's panel opens without a page error and shows what the graph holds about it.

A panel is *empty* when it lacks a section the node has content for: the Wikidata link of an ``owl:sameAs wd:Q…``,
the facts of a triple an assertion states about it (with their sentences), the sentences of the phrases that
mention it (``itsrdf:taIdentRef``), or not as many items in a section as the page's own data lists for it.
"""

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import OWL, RDF

from kgraph.graph import build_dataset, entity_iri
from kgraph.namespaces import ITSRDF, KG, NIF, SCHEMA, WD
from kgraph.pipeline import load_models
from kgraph.rdfio import union_graph
from kgraph.visualize import to_networkx, write_page

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "data" / "omsk-forum-2019-11-07"
NEREL_SAMPLE = ROOT / "tests" / "extract" / "data" / "nerel-sample"
ARTICLES = {
    "putin-v-moskve.md": """# Путин провёл совещание в Москве

Published at: **2020-03-01T09:00:00+00:00**

Президент России Владимир Путин провёл в Москве совещание с членами правительства. Он заявил, что Россия и \
Казахстан продолжат сотрудничество. В совещании участвовал министр иностранных дел Сергей Лавров.
""",
    "lavrov-v-omske.md": """# Лавров посетил Омск

Published at: **2020-03-02T09:00:00+00:00**

Министр иностранных дел России Сергей Лавров вчера прибыл в Омск. В Москве его ждут к вечеру. Лавров встретился \
с губернатором Омской области Александром Бурковым. «Казахстан — наш главный партнёр», — сказал Сергей Лавров.
""",
}

# Opens every node through the page's API (as search and panel links do) and every edge through the network's
# click event (as a click on it does), in one page session; reads back what each panel shows.
OPEN_EVERY_PANEL = """() => {
    const data = JSON.parse(document.getElementById('kg-data').textContent);
    const panel = document.getElementById('panel');
    const read = () => {
        const sections = {};
        panel.querySelectorAll(':scope > h3').forEach((heading) => {
            const list = heading.nextElementSibling;
            sections[heading.textContent] = {
                items: list.querySelectorAll(':scope > li').length,
                sentences: list.querySelectorAll('blockquote.sentence').length,
            };
        });
        return {
            node: panel.dataset.node ?? null,
            title: panel.querySelector('h2')?.textContent ?? null,
            links: panel.querySelectorAll('h2 button.link').length,
            items: panel.querySelectorAll('li').length,
            sections: sections,
            wikidata: [...panel.querySelectorAll('a')].map((a) => a.href).filter((h) => h.includes('wikidata')),
        };
    };
    const open = (action) => {
        try {
            action();
            return read();
        } catch (error) {
            return { error: String(error) };
        }
    };
    const nodes = {};
    data.nodes.forEach((node) => (nodes[node.id] = open(() => kgraph.choose(node.id))));
    const edges = data.edges.map((edge, i) =>
        open(() => kgraph.network.emit('click', { nodes: [], edges: ['e' + i], event: null, pointer: null })),
    );
    const language = document.getElementById('lang').value;
    const labels = Object.fromEntries(data.nodes.map((n) => [n.id, n[language]]));
    return { panels: data.panels, language, labels, nodes, edges };
}"""

HEADINGS = {
    "en": {"facts": "Facts", "quantities": "Quantities", "quotes": "Quotes and statements"}
    | {"mentions": "Mentioned in", "articles": "Articles"},
    "ru": {"facts": "Факты", "quantities": "Числа", "quotes": "Цитаты и высказывания"}
    | {"mentions": "Упоминания", "articles": "Статьи"},
}
"""The panel's section headings in the language the page opens in."""
SECTIONS = ("facts", "quantities", "quotes")


@pytest.fixture(scope="module")
def multi_dataset(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    """The seed, the three NEREL sample texts and two short articles that name the same people and places."""
    folder = tmp_path_factory.mktemp("articles")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    paths = [SEED, *sorted(NEREL_SAMPLE.glob("*.txt")), *sorted(folder.glob("*.md"))]
    return build_dataset(load_models(paths))


def expected_content(graph: Graph, iri: URIRef) -> dict[str, Any]:
    """What the graph holds about `iri` that its panel must show."""
    stated = any((assertion, RDF.type, KG.Assertion) in graph for assertion in graph.subjects(RDF.subject, iri))
    mentioned = any(
        graph.value(sentence, NIF.anchorOf) is not None
        for phrase in graph.subjects(ITSRDF.taIdentRef, iri)
        for sentence in graph.objects(phrase, NIF.sentence)
    )
    wikidata = sorted(
        f"https://www.wikidata.org/wiki/{str(o)[len(str(WD)) :]}"
        for o in graph.objects(iri, OWL.sameAs)
        if str(o).startswith(str(WD))
    )
    return {"stated": stated, "mentioned": mentioned, "wikidata": wikidata}


def _items(entries: list[dict[str, Any]], articles: list[dict[str, Any]]) -> int:
    """The lines a panel section shows for its entries: what an article mentions with no sentence is one line, and
    an article's mention of the node with no sentence none (the node's articles are listed apart)."""
    mentions = [e for e in entries if e.get("iri") == str(SCHEMA.mentions) and not e["ev"]]
    named = [e for e in mentions if e.get("dir") == "out"]
    listed = {a.get("node") for a in articles}
    by_article = [e for e in mentions if e.get("dir") == "in" and e.get("node") in listed]
    return len(entries) - len(named) - len(by_article) + (1 if named else 0)


def panel_problems(dataset: Dataset, result: dict[str, Any]) -> list[str]:
    """Every way an opened panel falls short of the graph and of the page's own data, one line each."""
    problems = []
    graph = union_graph(dataset)
    headings = HEADINGS[result["language"]]
    for node, shown in result["nodes"].items():
        info = result["panels"][node]
        name = f"{info['iri']} ({result['labels'][node]})"
        if "error" in shown:
            problems.append(f"{name}: {shown['error']}")
            continue
        if shown["node"] != node or shown["title"] != result["labels"][node]:
            problems.append(f"{name}: the panel shows {shown['node']} titled {shown['title']!r}")
        sections = shown["sections"]
        if not sections:
            problems.append(f"{name}: the panel has nothing but its title")
        for key in SECTIONS:
            if sections.get(headings[key], {}).get("items", 0) != _items(info[key], info["articles"]):
                problems.append(f"{name}: {len(info[key])} {key} in the data, {sections.get(headings[key])} shown")
        mentions = sections.get(headings["mentions"], {}).get("sentences", 0)
        if mentions != len(info["mentions"]):
            problems.append(f"{name}: {len(info['mentions'])} mentioning sentences in the data, {mentions} shown")
        articles = sections.get(headings["articles"], {}).get("items", 0)
        if articles != len(info["articles"]):
            problems.append(f"{name}: {len(info['articles'])} articles name it in the data, {articles} shown")
        expected = expected_content(graph, URIRef(info["iri"]))
        if sorted(shown["wikidata"]) != expected["wikidata"]:
            problems.append(f"{name}: Wikidata links {shown['wikidata']}, expected {expected['wikidata']}")
        if expected["stated"] and not sections.get(headings["facts"], {}).get("sentences"):
            problems.append(f"{name}: an assertion states a fact about it, but no fact with its sentence is shown")
        if expected["mentioned"] and not mentions:
            problems.append(f"{name}: phrases mention it, but no 'Mentioned in' sentence is shown")
    for i, shown in enumerate(result["edges"]):
        if "error" in shown:
            problems.append(f"edge {i}: {shown['error']}")
        elif shown["node"] is not None or shown["links"] != 2 or shown["items"] != 1:
            problems.append(f"edge {i}: the panel shows {shown}")
    return problems


def open_every_panel(opened: Any, dataset: Dataset) -> dict[str, Any]:
    result: dict[str, Any] = opened.js(OPEN_EVERY_PANEL)
    net = to_networkx(dataset)
    assert len(result["nodes"]) == net.number_of_nodes() and len(result["edges"]) == net.number_of_edges()
    return result


def test_every_panel_of_the_seed_page_opens_with_its_content(open_page, seed_page: Path, seed_dataset) -> None:
    opened = open_page(seed_page)
    result = open_every_panel(opened, seed_dataset)
    assert any(panel["wikidata"] for panel in result["panels"].values()), "the seed page has linked nodes"
    assert panel_problems(seed_dataset, result) == []
    assert opened.log.errors == []


def test_every_panel_of_a_page_of_six_articles_opens_with_its_content(
    open_page, tmp_path: Path, multi_dataset: Dataset
) -> None:
    graph = union_graph(multi_dataset)
    shared = [node for node, articles in Counter(graph.objects(None, SCHEMA.mentions)).items() if articles > 1]
    assert any(graph.value(node, OWL.sameAs) for node in shared), "some node is linked and named by two articles"
    page = write_page(multi_dataset, tmp_path / "graph.html", title="six articles")
    opened = open_page(page)
    result = open_every_panel(opened, multi_dataset)
    assert panel_problems(multi_dataset, result) == []
    assert opened.log.errors == []


def test_clicking_putin_shows_his_wikidata_link_facts_and_mentions(open_page, seed_page: Path) -> None:
    opened = open_page(seed_page)
    node = opened.click_node(entity_iri("putin"))
    assert opened.page.get_attribute("#panel", "data-node") == node
    assert opened.page.locator("#panel a[href='https://www.wikidata.org/wiki/Q7747']").count() == 1
    headings = opened.page.locator("#panel h3").all_text_contents()
    assert "Facts" in headings and "Mentioned in" in headings
    assert opened.log.errors == []


def test_a_node_several_articles_name_lists_them_in_its_panel(
    open_page, tmp_path: Path, multi_dataset: Dataset
) -> None:
    page = write_page(multi_dataset, tmp_path / "graph.html", title="six articles")
    opened = open_page(page)
    opened.click_node(entity_iri("putin"))  # the seed's Putin, whom the extracted "Владимир Путин" joined
    items = opened.page.locator("#panel li.article").all_text_contents()
    assert [item.rsplit(" · ", 1)[1] for item in items] == ["2019-11-07", "2020-03-01"], items
    assert "Путин провёл совещание в Москве" in items[1]
    assert opened.log.errors == []
