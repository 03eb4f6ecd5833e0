"""The graph page at scale: Python time to write it and Chromium time until its layout is drawn.

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


def synthetic_graph(count: int, seed: int = 1) -> Graph:
    """`count` labelled entities, each linked to an earlier one (hubs preferred), each in a sentence."""
    rng = random.Random(seed)
    graph = Graph()
    context = ID["article/bench/text#char=0,1"]
    graph.add((context, RDF.type, NIF.Context))
    nodes: list[URIRef] = []
    for i in range(count):
        node = ID[f"e{i}"]
        graph.add((node, RDF.type, CLASSES[i % len(CLASSES)]))
        graph.add((node, RDFS.label, Literal(f"entity {i}", lang="en")))
        graph.add((node, RDFS.label, Literal(f"сущность {i}", lang="ru")))
        text = f"В предложении {i} упомянута сущность {i}."
        sentence, phrase = ID[f"article/bench/text#s{i}"], ID[f"article/bench/text#p{i}"]
        for s, p, o in (
            (sentence, RDF.type, NIF.Sentence),
            (sentence, NIF.anchorOf, Literal(text)),
            (sentence, NIF.referenceContext, context),
            (phrase, NIF.referenceContext, context),
            (sentence, NIF.beginIndex, Literal(1000 * i, datatype=XSD.nonNegativeInteger)),
            (sentence, NIF.endIndex, Literal(1000 * i + len(text), datatype=XSD.nonNegativeInteger)),
            (phrase, RDF.type, NIF.Phrase),
            (phrase, ITSRDF.taIdentRef, node),
            (phrase, NIF.sentence, sentence),
            (phrase, NIF.beginIndex, Literal(1000 * i + 25, datatype=XSD.nonNegativeInteger)),
            (phrase, NIF.endIndex, Literal(1000 * i + len(text) - 1, datatype=XSD.nonNegativeInteger)),
            (node, PROV.wasDerivedFrom, sentence),
        ):
            graph.add((s, p, o))
        if nodes:
            hub = (
                nodes[min(int(rng.paretovariate(1.2)) - 1, len(nodes) - 1)] if rng.random() < 0.6 else rng.choice(nodes)
            )
            graph.add((node, PREDICATES[i % len(PREDICATES)], hub))
        nodes.append(node)
    return graph


def measure(count: int, folder: Path, browser: object) -> tuple[float, float, int, int, float]:
    """Seconds to write the page, seconds until Chromium has drawn it, its size in bytes, the nodes drawn at
    first, and the seconds search takes to bring in the last node."""
    from kgraph.visualize import write_page

    graph = synthetic_graph(count)
    started = time.perf_counter()
    page = write_page(graph, folder / f"graph-{count}.html", title=f"{count} nodes")
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
