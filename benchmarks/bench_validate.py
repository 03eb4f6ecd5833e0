"""Validation speed: `kgraph validate` (SHACL compiled to SPARQL on Oxigraph) against pySHACL, same run.

For each size it prints the time to parse and validate a synthetic news graph shaped like ours with our
engine, the raw Oxigraph load of the same file (the floor), and, where it finishes in reasonable time, pySHACL
on rdflib; then the ratios. Target (issue 3): 1M triples in under 10 s, with the same results as pySHACL.
`--pyshacl-up-to 10000` leaves pySHACL out at 100k (it needs minutes there).
"""

import argparse
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from benchmarks.synthetic_news import write_synthetic

SIZES = (10_000, 100_000, 1_000_000)
PYSHACL_UP_TO = 100_000  # pySHACL needs minutes beyond this on a 2-core machine


def _seconds(action: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def main() -> None:
    from pyoxigraph import RdfFormat, Store

    from kgraph.validate import validate_file

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pyshacl-up-to", type=int, default=PYSHACL_UP_TO, help="largest size pySHACL validates")
    pyshacl_up_to = parser.parse_args().pyshacl_up_to

    columns = ("triples", "oxigraph load", "kgraph validate", "pyshacl", "vs load", "pyshacl/ours")
    print(" ".join(f"{c:>{w}}" for c, w in zip(columns, (9, 14, 16, 9, 8, 13), strict=True)), "same")
    with tempfile.TemporaryDirectory() as folder:
        for size in SIZES:
            path = write_synthetic(Path(folder) / f"news-{size}.nq", size)
            load, _ = _seconds(partial(Store().bulk_load, path=str(path), format=RdfFormat.N_QUADS))
            ours, fast = _seconds(partial(validate_file, path, engine="sparql"))
            if size <= pyshacl_up_to:
                reference_time, reference = _seconds(partial(validate_file, path, engine="pyshacl"))
                shacl, ratio, same = f"{reference_time:9.2f}", f"{reference_time / ours:12.1f}x", str(reference == fast)
            else:
                shacl, ratio, same = f"{'-':>9}", f"{'-':>13}", "-"
            print(f"{size:>9,} {load:14.2f} {ours:16.2f} {shacl} {ours / load:7.1f}x {ratio} {same}", flush=True)


if __name__ == "__main__":
    main()
