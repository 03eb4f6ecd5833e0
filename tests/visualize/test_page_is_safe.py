"""Text from articles is untrusted: hostile labels, literals, sentences and IRIs never run as script."""

from html.parser import HTMLParser
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from kgraph.namespaces import ID, ITSRDF, KG, NIF, PROV, SCHEMA
from kgraph.visualize import page_html, write_page

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
