"""Corpus builds at growing size (`kgraph build --store`): time, time per article, peak memory and triples.

Run: python -m benchmarks.bench_scaling [--sizes 100,1000,10000] [--jobs 2]. The corpus is synthetic, made of
NEREL's texts (train and dev, 840 documents, when ../shared/nerel exists): copy k of text t is the file
``copy-k/k-t.txt``, so 10,000 articles are twelve copies of each text, each its own article; the copies name the same
people and places, which identity resolution joins into one node across them. Each size is built into a new store
by a process of its own, so that the peak memory (of that process, and of its largest worker) is the size's.
Targets (issue 17): the time per article at 10,000 within 1.2x of at 100; peak memory bounded by the workers, not
the corpus (under 1 GB in the main process).
"""

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEREL = ROOT.parent / "shared" / "nerel"


def _texts() -> list[Path]:
    found = sorted(NEREL.glob("*/*.txt"))
    if not found:
        raise SystemExit(f"{NEREL}: no NEREL texts to make a corpus of")
    return found


def make_corpus(folder: Path, size: int) -> None:
    """`size` articles under `folder`: NEREL's texts, copy after copy."""
    texts = _texts()
    for number in range(size):
        copy, text = divmod(number, len(texts))
        target = folder / f"copy-{copy:02d}" / f"{copy:02d}-{texts[text].name}"  # the slug is the name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(texts[text].read_bytes())


def one(size: int, jobs: int) -> dict[str, float]:
    """Build `size` articles into a new store; what it took."""
    from pyoxigraph import Store

    from kgraph.corpus import OXIGRAPH, build_store

    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus"
        make_corpus(corpus, size)
        started = time.perf_counter()
        result = build_store([corpus], Path(folder) / "store", jobs=jobs)
        seconds = time.perf_counter() - started
        store = Store.read_only(str(Path(folder) / "store" / OXIGRAPH))
        triples = len(store)
        return {
            "articles": len(result.added),
            "failed": len(result.failed),
            "seconds": seconds,
            "quads": triples,
            "main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="100,1000,10000", help="corpus sizes, comma-separated")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # one size, in this process
    options = parser.parse_args()
    if options.one:
        print(json.dumps(one(options.one, options.jobs)))
        return
    print(
        f"{'articles':>9} {'seconds':>8} {'s/article':>9} {'vs first':>8} {'quads':>10} {'main MB':>8} {'worker MB':>9}"
    )
    first = None
    for size in (int(s) for s in options.sizes.split(",")):
        command = [sys.executable, "-m", "benchmarks.bench_scaling", "--one", str(size), "--jobs", str(options.jobs)]
        done = json.loads(subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT).stdout)
        per = done["seconds"] / size
        first = first or per
        print(
            f"{size:>9,} {done['seconds']:8.1f} {per:9.3f} {per / first:7.2f}x {done['quads']:>10,.0f} "
            f"{done['main_mb']:8.0f} {done['worker_mb']:9.0f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
