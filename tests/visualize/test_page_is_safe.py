"""Text from articles is untrusted: hostile labels, literals, sentences and IRIs never run as script."""

import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from kgraph.namespaces import ID, ITSRDF, KG, NIF, PROV, SCHEMA
from kgraph.visualize import page_html, write_page
from kgraph.visualize.gephi import xml_text
from kgraph.visualize.page import embed_json, embed_json_utf8

IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "</script><script>alert(1)</script>"
HREF = '"href"'
HOSTILE = f"{IMG} {SCRIPT} {HREF}"


def hostile_graph() -> Graph:
    """Two entities whose labels, facts, sentence, class, Wikidata link and IRI carry script."""
    graph = Graph()
    evil = URIRef(f"{ID}evil{IMG}{SCRIPT}")
    other = ID["other"]
    context = URIRef(f"{ID}article/x/text#char=0,{len(HOSTILE)}")
    sentence = URIRef(f"{ID}article/x/text#char=0,{len(HOSTILE)}s")
    phrase = URIRef(f"{ID}article/x/text#char=0,5")
    assertion = URIRef(f"{ID}article/x/assertion/1")
    for triple in [
        (evil, RDF.type, SCHEMA.Person),
        (evil, RDF.type, URIRef(f"https://schema.org/Evil{IMG}")),
        (evil, RDFS.label, Literal(f"evil {HOSTILE}", lang="en")),
        (evil, RDFS.label, Literal(f"злой {HOSTILE}", lang="ru")),
        (evil, OWL.sameAs, URIRef(f"http://www.wikidata.org/entity/Q1{SCRIPT}")),
        (evil, SCHEMA.description, Literal(HOSTILE)),
        (evil, SCHEMA.url, URIRef("javascript:alert(1)")),
        (evil, SCHEMA.knows, other),
        (other, RDF.type, KG.Forum),
        (other, RDFS.label, Literal(HREF, lang="en")),
        (context, RDF.type, NIF.Context),
        (context, NIF.isString, Literal(HOSTILE)),
        (sentence, RDF.type, NIF.Sentence),
        (sentence, NIF.anchorOf, Literal(HOSTILE)),
        (sentence, NIF.referenceContext, context),
        (sentence, NIF.beginIndex, Literal(0, datatype=XSD.nonNegativeInteger)),
        (sentence, NIF.endIndex, Literal(len(HOSTILE), datatype=XSD.nonNegativeInteger)),
        (phrase, RDF.type, NIF.Phrase),
        (phrase, NIF.referenceContext, context),
        (phrase, NIF.beginIndex, Literal(0, datatype=XSD.nonNegativeInteger)),
        (phrase, NIF.endIndex, Literal(5, datatype=XSD.nonNegativeInteger)),
        (phrase, NIF.sentence, sentence),
        (phrase, ITSRDF.taIdentRef, evil),
        (evil, PROV.wasDerivedFrom, sentence),
        (assertion, RDF.type, KG.Assertion),
        (assertion, RDF.subject, evil),
        (assertion, RDF.predicate, SCHEMA.knows),
        (assertion, RDF.object, other),
        (assertion, KG.evidence, phrase),
        (assertion, PROV.wasDerivedFrom, sentence),
    ]:
        graph.add(triple)
    return graph


class ScriptCounter(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.scripts += tag == "script"


def test_hostile_text_appears_only_escaped_in_the_html() -> None:
    text = page_html(hostile_graph(), title=f"title {HOSTILE}")
    assert IMG not in text
    assert SCRIPT not in text
    parser = ScriptCounter()
    parser.feed(text)
    assert parser.scripts == 3  # the JSON data, vis-network and the page's own script


@pytest.mark.browser
@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-csp", "without-csp"])
def test_hostile_text_fires_no_dialog_and_is_shown_as_text(open_page, tmp_path: Path, bypass_csp: bool) -> None:
    page = write_page(hostile_graph(), tmp_path / "hostile.html", title=f"title {HOSTILE}")
    opened = open_page(page, bypass_csp=bypass_csp)
    opened.page.fill("#search", "evil")
    opened.page.locator("#results button").first.click()
    panel = opened.page.inner_text("#panel")
    assert f"evil {HOSTILE}" in panel
    assert HOSTILE in opened.page.locator("#panel blockquote.sentence").first.inner_text()
    assert opened.page.locator("#panel a[href^='javascript']").count() == 0
    assert opened.page.locator("#panel a[href*='wikidata']").count() == 0
    opened.page.locator("#panel button.link", has_text="href").first.click()
    assert opened.page.inner_text("#panel h2") == HREF
    opened.page.select_option("#lang", "ru")
    opened.page.click("#group")
    opened.page.click("#group")
    assert opened.page.inner_text("#title") == f"title {HOSTILE}"
    assert opened.js("document.querySelectorAll('img').length") == 0
    assert opened.js("document.scripts.length") == 3
    assert opened.log.dialogs == []
    assert opened.log.errors == []
    assert opened.log.external == []


@pytest.mark.browser
def test_a_hostile_name_in_a_hovered_node_s_tooltip_is_text(open_page, tmp_path: Path) -> None:
    opened = open_page(write_page(hostile_graph(), tmp_path / "hostile.html"))
    node = opened.js("kgraph.nodes.getIds().find((id) => String(kgraph.nodes.get(id).label).startsWith('evil'))")
    opened.js("(id) => kgraph.network.focus(id, {scale: 2, animation: false})", node)
    box = opened.page.locator("#graph canvas").bounding_box()
    spot = opened.js("(id) => kgraph.network.canvasToDOM(kgraph.network.getPosition(id))", node)
    opened.page.mouse.move(box["x"] + spot["x"], box["y"] + spot["y"])
    tooltip = opened.page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5000)
    assert tooltip.inner_text() == f"evil {HOSTILE}"
    assert opened.js("document.querySelectorAll('img').length") == 0
    assert opened.log.dialogs == []
    assert opened.log.errors == []


# Characters a literal may hold that HTML or UTF-8 cannot carry raw, or that end a script block or a JS line.
AWKWARD = {
    "nul": "\x00",
    "controls": "\x01\x1f\x7f\x85",
    "line-separators": "\u2028\u2029",
    "script-end": "</script><!--",
    "noncharacters": "\ufffe\uffff",
    "lone-surrogates": "\udfff\ud800 \udbff",
    "surrogate-pair-halves": "\ud83d\ude00",
}


def read_as_utf16(text: str) -> str:
    """`text` as JavaScript (UTF-16) holds it: a high surrogate before a low one is the character they encode."""
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


def awkward_graph(odd: str) -> Graph:
    """A person whose labels, description and mentioning sentence hold `odd`, linked to a forum whose label does."""
    graph = hostile_graph()
    person, forum = ID["odd"], ID["other"]
    sentence = URIRef(f"{ID}article/x/text#char=0,{len(HOSTILE)}s")
    phrase = URIRef(f"{ID}article/x/text#char=0,2")
    graph.set((sentence, NIF.anchorOf, Literal(f"sentence {odd} end")))
    for triple in [
        (phrase, RDF.type, NIF.Phrase),
        (phrase, NIF.referenceContext, URIRef(f"{ID}article/x/text#char=0,{len(HOSTILE)}")),
        (phrase, NIF.beginIndex, Literal(0, datatype=XSD.nonNegativeInteger)),
        (phrase, NIF.endIndex, Literal(2, datatype=XSD.nonNegativeInteger)),
        (phrase, NIF.sentence, sentence),
        (phrase, ITSRDF.taIdentRef, person),
        (person, RDF.type, SCHEMA.Person),
        (person, RDFS.label, Literal(f"en {odd} label", lang="en")),
        (person, RDFS.label, Literal(f"ru {odd} метка", lang="ru")),
        (person, SCHEMA.description, Literal(f"about {odd}")),
        (person, SCHEMA.knows, forum),
        (person, PROV.wasDerivedFrom, sentence),
    ]:
        graph.add(triple)
    graph.set((forum, RDFS.label, Literal(f"forum {odd}", lang="en")))
    return graph


def embedded_data(page: Path) -> dict[str, Any]:
    """The page's JSON as a browser's JSON.parse reads it (escapes decoded, lone surrogates kept)."""
    text = page.read_bytes().decode("utf-8")  # strict: the file must be valid UTF-8
    start = text.index('<script type="application/json" id="kg-data">')
    start = text.index(">", start) + 1
    data: dict[str, Any] = json.loads(text[start : text.index("</script>", start)])
    return data


@pytest.mark.parametrize("odd", AWKWARD.values(), ids=AWKWARD.keys())
def test_any_character_of_a_literal_is_written_and_embedded_exactly(tmp_path: Path, odd: str) -> None:
    page = write_page(awkward_graph(odd), tmp_path / "page.html", title=f"title {odd}")
    data = embedded_data(page)
    [person] = [panel for panel in data["panels"].values() if panel["iri"] == str(ID["odd"])]
    odd = read_as_utf16(odd)
    assert person["labels"] == {"en": f"en {odd} label", "ru": f"ru {odd} метка"}
    assert {"text": f"about {odd}", "lang": ""}.items() <= person["facts"][0].items()
    assert f"sentence {odd} end" in data["sentences"]
    assert f"forum {odd}" in [node["en"] for node in data["nodes"]]
    assert data["title"] == f"title {odd}"
    parser = ScriptCounter()
    parser.feed(page.read_text(encoding="utf-8"))
    assert parser.scripts == 3


@pytest.mark.browser
def test_the_browser_shows_every_character_of_a_literal_as_the_graph_holds_it(open_page, tmp_path: Path) -> None:
    odd = "".join(AWKWARD.values())
    page = write_page(awkward_graph(odd), tmp_path / "page.html", title=f"title {odd}")
    opened = open_page(page)
    shown = opened.js(
        """() => {
            const data = JSON.parse(document.getElementById('kg-data').textContent);
            const id = Object.keys(data.panels).find((key) => data.panels[key].iri.endsWith('/odd'));
            kgraph.choose(id);
            const panel = document.getElementById('panel');
            const points = (text) => Array.from(text, (c) => c.codePointAt(0));
            return {
                title: points(panel.querySelector('h2').textContent),
                ru: points(panel.querySelector('dl dd').textContent),
                fact: points(panel.querySelector('q').textContent),
                sentence: points(panel.querySelector('blockquote.sentence').textContent),
                forum: points(panel.querySelector('button.link').textContent),
                heading: points(document.getElementById('title').textContent),
                scripts: document.scripts.length,
            };
        }"""
    )
    shown_as = read_as_utf16(odd)
    expected = {
        "title": f"en {shown_as} label",
        "ru": f"ru {shown_as} метка",
        "fact": f"about {shown_as}",
        "sentence": f"sentence {shown_as} end",
        "forum": f"forum {shown_as}",
        "heading": f"title {xml_text(odd)}",  # HTML text cannot hold what XML cannot: visible escapes
    }
    assert {key: shown[key] for key in expected} == {key: [ord(c) for c in text] for key, text in expected.items()}
    assert shown["scripts"] == 3
    assert opened.log.errors == [] and opened.log.dialogs == []


def test_the_fast_utf8_embedding_escapes_exactly_what_the_reference_one_does() -> None:
    # every character of the first three planes' start, the line separators and the noncharacters, each alone and
    # between Cyrillic and guillemets (whose UTF-8 shares a lead byte with the C1 controls)
    characters = [chr(code) for code in (*range(0x3000), 0xFEFF, 0xFFFD, 0xFFFE, 0xFFFF, 0x1F600)]
    for character in characters:
        for value in ([character], {"k": f"«Омск{character}»{character * 2}"}):
            assert embed_json_utf8(value) == embed_json(value).encode("utf-8"), hex(ord(character))
