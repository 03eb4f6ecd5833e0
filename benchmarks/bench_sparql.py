"""SPARQL speed: rdflib against our default engine (LocalStore, over pyoxigraph) and raw pyoxigraph.

For the seed graph and synthetic news graphs of 10k, 100k and 1M triples (benchmarks/synthetic_news.py): load
(N-Quads), every competency query in queries/, and export (TriG). Times in seconds and, from the same run, the
ratios rdflib / ours (target: at least 10x on load and multi-pattern queries from 100k) and ours / raw pyoxigraph
(target: at most 1.5x). Raw pyoxigraph gets the same default graph as ours, the merge (a set) of the article
graphs, so both do the same work. rdflib is left out above --rdflib-max triples (at 1M it needs minutes per
step); --full runs it everywhere.

    python benchmarks/bench_sparql.py [--sizes 0,10000,100000] [--full]
"""

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_news import seed_nquads, write_synthetic

SIZES = (0, 10_000, 100_000, 1_000_000)  # 0: the seed graph itself
RDFLIB_MAX = 150_000


def timed(step: Callable[[], Any], repeat: int = 1) -> tuple[float, Any]:
    """Best wall time of `repeat` runs, and the last run's value."""
    best, value = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        value = step()
        best = min(best, time.perf_counter() - start)
    return best, value


def _ratio(numerator: float | None, denominator: float | None) -> str:
    if numerator is None or denominator is None or denominator <= 0:
        return "-"
    return f"{numerator / denominator:.1f}x"


def _seconds(value: float | None) -> str:
    return "skipped" if value is None else f"{value:.3f}"


def _raw_query(store: Any, text: str) -> int:
    """Run a query on a pyoxigraph store and touch every value, as LocalStore does."""
    from pyoxigraph import QueryBoolean, QuerySolutions

    from kgraph.namespaces import PREFIXES

    answer = store.query(text, prefixes=PREFIXES)
    if isinstance(answer, QueryBoolean):
        return 1
    if isinstance(answer, QuerySolutions):
        variables = answer.variables
        return sum(1 for solution in answer for v in variables if solution[v] is not None)
    return sum(1 for _ in answer)


def _raw_export(store: Any) -> bytes:
    """TriG of the named graphs (the merged default graph is left out, as LocalStore does)."""
    from pyoxigraph import DefaultGraph, RdfFormat, serialize

    quads = (q for q in store.quads_for_pattern(None, None, None) if not isinstance(q.graph_name, DefaultGraph))
    return serialize(quads, format=RdfFormat.TRIG) or b""


def bench_size(path: Path, triples: int, with_rdflib: bool) -> list[tuple[str, float | None, float, float]]:
    """(step, rdflib s or None, ours s, raw pyoxigraph s) for one graph file."""
    from pyoxigraph import RdfFormat, Store

    from kgraph.query import LocalStore, list_queries
    from kgraph.query.rdflib_store import RdflibStore

    repeat = 3 if triples <= 10_000 else 1
    rows: list[tuple[str, float | None, float, float]] = []

    def raw_load() -> Any:
        # the same default-graph semantics as ours (a set); pyoxigraph's union flag would repeat shared triples
        store = Store()
        store.bulk_load(path=str(path), format=RdfFormat.N_QUADS)
        store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
        return store

    reference_time, reference = timed(lambda: RdflibStore.from_files(path)) if with_rdflib else (None, None)
    ours_time, ours = timed(lambda: LocalStore.from_files(path), repeat)
    raw_time, raw = timed(raw_load, repeat)
    rows.append(("load", reference_time, ours_time, raw_time))
    for named in list_queries():
        text = named.text
        reference_time = timed(lambda t=text: reference.query(t))[0] if reference is not None else None
        ours_time = timed(lambda t=text: ours.query(t), repeat)[0]
        raw_time = timed(lambda t=text: _raw_query(raw, t), repeat)[0]
        rows.append((f"query {named.name}", reference_time, ours_time, raw_time))
    if reference is not None:
        reference_time = timed(lambda: reference.dataset.serialize(format="trig", encoding="utf-8"))[0]
    ours_time = timed(lambda: ours.serialize("trig"), repeat)[0]
    raw_time = timed(lambda: _raw_export(raw), repeat)[0]
    rows.append(("export TriG", reference_time, ours_time, raw_time))
    return rows


def main() -> None:
    """Print the benchmark table for each size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="comma-separated; 0 = the seed graph")
    parser.add_argument("--rdflib-max", type=int, default=RDFLIB_MAX, help="largest size rdflib is run on")
    parser.add_argument("--full", action="store_true", help="run rdflib at every size")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kgraph-bench-") as folder:
        for size in (int(s) for s in args.sizes.split(",")):
            path = Path(folder) / f"graph-{size}.nq"
            if size == 0:
                data, count = seed_nquads()
                path.write_bytes(data)
            else:
                write_synthetic(path, size)
                count = sum(1 for _ in path.open("rb"))
            with_rdflib = args.full or count <= args.rdflib_max
            label = "seed graph" if size == 0 else "synthetic graph"
            print(f"\n== {label}: {count:,} triples ==")
            print(f"{'step':<32} {'rdflib s':>9} {'ours s':>9} {'raw s':>9} {'rdflib/ours':>12} {'ours/raw':>9}")
            for step, reference, ours, raw in bench_size(path, count, with_rdflib):
                print(
                    f"{step:<32} {_seconds(reference):>9} {ours:>9.3f} {raw:>9.3f} "
                    f"{_ratio(reference, ours):>12} {_ratio(ours, raw):>9}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
