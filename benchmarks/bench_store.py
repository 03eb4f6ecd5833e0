"""Incremental store builds (`kgraph build --store`): a re-run with nothing changed and one added article against
the full build, in the same run.

Run: python benchmarks/bench_store.py [--limit N] [--jobs N]. Builds NEREL train (746 .txt documents, when
../shared/nerel/train exists; else the seed under 50 names) into a new store, builds it again unchanged, then
with one more article; prints seconds, their ratio to the full build (targets: unchanged ≤ 1%, one added ≤ 2%) and
the peak memory of the main process and of the largest worker; then, with more than one job, the full build again
by one process, and the speed-up (target: 2 jobs ≥ 1.7x 1 job on a 2-core machine). Each build runs in a new Python
process, as each `kgraph build` does, timed from its start (imports and caches cold).
"""

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEREL_TRAIN = ROOT.parent / "shared" / "nerel" / "train"
ADDED = "# Токаев в Омске\n\nПрезидент Казахстана Касым-Жомарт Токаев прилетел в Омск на форум.\n"


BUILD = """
import json, resource, sys, time
from pathlib import Path
started = time.perf_counter()
from kgraph.corpus import build_store
result = build_store([Path(sys.argv[1])], Path(sys.argv[2]), jobs=int(sys.argv[3]))
print(json.dumps({
    "seconds": time.perf_counter() - started,
    "added": len(result.added), "unchanged": len(result.unchanged), "nodes changed": len(result.nodes_changed),
    "main MB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "worker MB": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
}))
"""
"""One `build_store` in a new Python process, as a `kgraph build` run is: its imports, its caches cold."""


def _build(corpus: Path, store: Path, jobs: int) -> dict[str, float]:
    """Build `store` from `corpus` in a new process: the wall-clock seconds (with Python's start and the imports),
    what changed, and the peak memory of its main process and of its largest worker."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", BUILD, str(corpus), str(store), str(jobs)], check=True, capture_output=True, text=True
    )
    found: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    found["wall"] = time.perf_counter() - started
    return found


def main() -> None:
    """Print the three builds' times and ratios, and peak memory."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=0, help="at most this many documents (0: all)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus"
        corpus.mkdir()
        if NEREL_TRAIN.is_dir():
            for text in sorted(NEREL_TRAIN.glob("*.txt"))[: options.limit or None]:
                shutil.copy(text, corpus / text.name)
        else:
            seed = (ROOT / "data" / "omsk-forum-2019-11-07" / "article.md").read_text(encoding="utf-8")
            for number in range(options.limit or 50):
                (corpus / f"seed-{number}.md").write_text(seed, encoding="utf-8")
        count = len(list(corpus.iterdir()))
        store = Path(folder) / "store"
        times, peaks = [], [0.0, 0.0]
        for step in ("full build", "nothing changed", "one article added"):
            if step == "one article added":
                (corpus / "added.md").write_text(ADDED, encoding="utf-8")
            found = _build(corpus, store, options.jobs)
            times.append(found["wall"])
            peaks = [max(peaks[0], found["main MB"]), max(peaks[1], found["worker MB"])]
            done = f"added {found['added']:.0f}, unchanged {found['unchanged']:.0f}"
            done += f", nodes changed {found['nodes changed']:.0f}"
            ratio = times[-1] / times[0]
            print(f"{count} articles, {step}: {times[-1]:.1f} s ({done}), ratio {ratio:.3f}", flush=True)
        if options.jobs > 1:
            alone = _build(corpus, Path(folder) / "one-job", 1)["wall"]
            print(
                f"{count} articles, full build by 1 process: {alone:.1f} s; {options.jobs} jobs {alone / times[0]:.2f}x"
            )
    print(
        f"peak memory of the {options.jobs}-job builds: {peaks[0]:.0f} MB the main process, "
        f"{peaks[1]:.0f} MB the largest worker"
    )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
