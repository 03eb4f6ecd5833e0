"""Incremental store builds (`kgraph build --store`): a re-run with nothing changed and one added article against
the full build, in the same run.

Run: python benchmarks/bench_store.py [--limit N] [--jobs N]. Builds NEREL train (746 .txt documents, when
../shared/nerel/train exists; else the seed under 50 names) into a new store, builds it again unchanged, then
with one more article; prints seconds, their ratio to the full build (targets: unchanged ≤ 1%, one added ≤ 2%) and
the peak memory of this process and of the largest worker; then, with more than one job, the full build again by
one process, and the speed-up (target: 2 jobs ≥ 1.7x 1 job on a 2-core machine).
"""

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEREL_TRAIN = ROOT.parent / "shared" / "nerel" / "train"
ADDED = "# Токаев в Омске\n\nПрезидент Казахстана Касым-Жомарт Токаев прилетел в Омск на форум.\n"


def _peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def main() -> None:
    """Print the three builds' times and ratios, and peak memory."""
    from kgraph.corpus import build_store

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
        times = []
        for step in ("full build", "nothing changed", "one article added"):
            if step == "one article added":
                (corpus / "added.md").write_text(ADDED, encoding="utf-8")
            started = time.perf_counter()
            result = build_store([corpus], store, jobs=options.jobs)
            times.append(time.perf_counter() - started)
            done = f"added {len(result.added)}, unchanged {len(result.unchanged)}"
            done += f", nodes changed {len(result.nodes_changed)}"
            ratio = times[-1] / times[0]
            print(f"{count} articles, {step}: {times[-1]:.1f} s ({done}), ratio {ratio:.3f}", flush=True)
        peaks = _peak_mb(resource.RUSAGE_SELF), _peak_mb(resource.RUSAGE_CHILDREN)
        if options.jobs > 1:
            started = time.perf_counter()
            build_store([corpus], Path(folder) / "one-job", jobs=1)
            alone = time.perf_counter() - started
            print(
                f"{count} articles, full build by 1 process: {alone:.1f} s; {options.jobs} jobs {alone / times[0]:.2f}x"
            )
    print(f"peak memory of the {options.jobs}-job builds: {peaks[0]:.0f} MB here, {peaks[1]:.0f} MB the largest worker")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
