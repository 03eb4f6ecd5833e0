"""The graph page at scale: Python time to read a file and write its page, and Chromium time until it is drawn.

Synthetic graphs of 500, 10,000 and 100,000 entities shaped like news graphs (hubs with many leaves, every
entity mentioned in a sentence); the baseline is a 10-node graph measured in the same run. For each: the time to
write the page, the time until Chromium has drawn it, how many nodes it draws at first (at most 1,000), and the
time search takes to bring the last node in with its neighbours and select it (`kgraph.choose`, in the page).
Targets (issue 4): ready in under 2 s at 500 nodes and under 10 s at 10,000; (issue 16) 100,000 interactive.
"""

import random
import tempfile
import time
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from kgraph.namespaces import ID, ITSRDF, KG, NIF, PROV, SCHEMA
from kgraph.visualize.browser import launch_chromium

SIZES = (500, 10_000, 100_000)
BASELINE = 10
CLASSES = (SCHEMA.Person, SCHEMA.City, SCHEMA.Country, SCHEMA.Organization, KG.Forum, KG.Topic, KG.Indicator)
PREDICATES = (SCHEMA.location, SCHEMA.attendee, KG.chair, SCHEMA.about, SCHEMA.memberOf)


def synthetic_ntriples(count: int, seed: int = 1) -> str:
    """`count` labelled entities, each linked to an earlier one (hubs preferred), each in a sentence, as N-Triples
    (written as text: an rdflib graph of 100,000 entities takes a minute to make)."""
    rng = random.Random(seed)
    lines: list[str] = []
    context = ID["article/bench/text#char=0,1"]

    def triple(s: URIRef, p: URIRef, o: URIRef | Literal) -> None:
        lines.append(f"{s.n3()} {p.n3()} {o.n3()} .\n")

    def integer(value: int) -> Literal:
        return Literal(value, datatype=XSD.nonNegativeInteger)

    triple(context, RDF.type, NIF.Context)
    nodes: list[URIRef] = []
    for i in range(count):
        node = ID[f"e{i}"]
        triple(node, RDF.type, CLASSES[i % len(CLASSES)])
        triple(node, RDFS.label, Literal(f"entity {i}", lang="en"))
        triple(node, RDFS.label, Literal(f"сущность {i}", lang="ru"))
        text = f"В предложении {i} упомянута сущность {i}."
        sentence, phrase = ID[f"article/bench/text#s{i}"], ID[f"article/bench/text#p{i}"]
        triple(sentence, RDF.type, NIF.Sentence)
        triple(sentence, NIF.anchorOf, Literal(text))
        triple(sentence, NIF.referenceContext, context)
        triple(phrase, NIF.referenceContext, context)
        triple(sentence, NIF.beginIndex, integer(1000 * i))
        triple(sentence, NIF.endIndex, integer(1000 * i + len(text)))
        triple(phrase, RDF.type, NIF.Phrase)
        triple(phrase, ITSRDF.taIdentRef, node)
        triple(phrase, NIF.sentence, sentence)
        triple(phrase, NIF.beginIndex, integer(1000 * i + 25))
        triple(phrase, NIF.endIndex, integer(1000 * i + len(text) - 1))
        triple(node, PROV.wasDerivedFrom, sentence)
        if nodes:
            hub = (
                nodes[min(int(rng.paretovariate(1.2)) - 1, len(nodes) - 1)] if rng.random() < 0.6 else rng.choice(nodes)
            )
            triple(node, PREDICATES[i % len(PREDICATES)], hub)
        nodes.append(node)
    return "".join(lines)


def synthetic_graph(count: int, seed: int = 1) -> Graph:
    """The same entities as an rdflib graph (for small counts)."""
    return Graph().parse(data=synthetic_ntriples(count, seed), format="nt")


def measure(count: int, folder: Path, browser: object) -> tuple[float, float, int, int, float]:
    """Seconds to write the page, seconds until Chromium has drawn it, its size in bytes, the nodes drawn at
    first, and the seconds search takes to bring in the last node."""
    from kgraph.visualize import write_page
    from kgraph.visualize.triples import Triples

    source = folder / f"graph-{count}.nt"
    source.write_text(synthetic_ntriples(count), encoding="utf-8")
    started = time.perf_counter()  # what `kgraph viz FILE` does: read the file, write the page
    triples = Triples.read(source)
    page = write_page(triples, folder / f"graph-{count}.html", title=f"{count} nodes")
    written = time.perf_counter() - started
    context = browser.new_context(viewport={"width": 1400, "height": 900})  # type: ignore[attr-defined]
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    tab = context.new_page()
    tab.goto(page.as_uri())
    tab.wait_for_function("document.body.dataset.state === 'ready'", timeout=120_000)
    ready = int(tab.evaluate("document.body.dataset.readyMs")) / 1000
    drawn = int(tab.evaluate("kgraph.network.body.nodeIndices.length"))
    last = f"n{count - 1}"
    chosen = float(
        tab.evaluate(
            f"(() => {{ const t = performance.now(); kgraph.choose('{last}'); return performance.now() - t; }})()"
        )
    )
    context.close()
    return written, ready, page.stat().st_size, drawn, chosen / 1000


def main() -> None:
    """Print write and ready times for each size, with ratios against the baseline graph."""
    from playwright.sync_api import sync_playwright

    print("viz: write the page (Python) and draw it (Chromium, file://, time from navigation to first drawing)")
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        measure(BASELINE, Path(folder), browser)  # warm up the browser and the imports
        base_write, base_ready, *_ = measure(BASELINE, Path(folder), browser)
        print(
            f"{'nodes':>8} {'write s':>9} {'x base':>8} {'ready s':>9} {'x base':>8} {'page MB':>8} "
            f"{'drawn':>6} {'search s':>8}"
        )
        print(f"{BASELINE:>8} {base_write:>9.2f} {1:>8.1f} {base_ready:>9.2f} {1:>8.1f}   (baseline)")
        for count in SIZES:
            written, ready, size, drawn, chosen = measure(count, Path(folder), browser)
            print(
                f"{count:>8} {written:>9.2f} {written / base_write:>8.1f} {ready:>9.2f} "
                f"{ready / base_ready:>8.1f} {size / 1e6:>8.1f} {drawn:>6} {chosen:>8.3f}",
                flush=True,
            )
        browser.close()


if __name__ == "__main__":
    main()
