"""Writing Turtle for many articles: `kgraph.export` against rdflib's plain Turtle writer, same run.

For synthetic news graphs of growing size (copies of the seed article, one named graph each), it prints the
time `export.serialize` takes to write the union as Turtle, the time rdflib's own writer takes on the same
union (the baseline: what export did before it nested each article's namespaces), and pyoxigraph writing the
same triples as N-Triples (the floor: no prefixes to compute). The bytes of ours and the baseline must match.
"""

import time
from collections.abc import Callable
from functools import partial
from typing import Any

from rdflib import Dataset

from benchmarks.synthetic_news import synthetic_nquads
from kgraph.export import serialize
from kgraph.rdfio import union_graph

SIZES = (30_000, 100_000, 300_000)


def _seconds(action: Callable[[], bytes]) -> tuple[float, bytes]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def _plain_rdflib(dataset: Dataset) -> bytes:
    return union_graph(dataset).serialize(format="turtle", encoding="utf-8")  # union_graph binds our prefixes


def _ntriples(triples: list[Any]) -> bytes:
    from pyoxigraph import RdfFormat, serialize

    return serialize(triples, format=RdfFormat.N_TRIPLES) or b""


def main() -> None:
    from pyoxigraph import RdfFormat, parse

    columns = ("triples", "articles", "ours", "rdflib", "floor", "rdflib/ours", "ours/floor")
    print(" ".join(f"{c:>{w}}" for c, w in zip(columns, (9, 9, 8, 8, 7, 12, 11), strict=True)), "same bytes")
    for size in SIZES:
        nquads = synthetic_nquads(size)
        dataset = Dataset()
        dataset.parse(data=nquads, format="nquads")
        articles = sum(1 for graph in dataset.graphs() if len(graph))
        ours, written = _seconds(partial(serialize, dataset, "turtle"))
        plain, baseline = _seconds(partial(_plain_rdflib, dataset))
        triples = [quad.triple for quad in parse(nquads, format=RdfFormat.N_QUADS)]
        floor, _ = _seconds(partial(_ntriples, triples))
        print(
            f"{size:>9,} {articles:>9} {ours:8.2f} {plain:8.2f} {floor:7.2f} {plain / ours:11.1f}x "
            f"{ours / floor:10.1f}x {written == baseline}",
            flush=True,
        )


if __name__ == "__main__":
    main()
