"""Extraction of a corpus by worker processes (`kgraph build --jobs N`) against one process, in the same run.

Run: python benchmarks/bench_jobs.py. Loads the NEREL dev documents (../shared/nerel/dev, a corpus folder of .txt
files; else the seed under 32 names) with one worker and with one per core, after the models load (the workers
are forked from the warm process), and prints articles per second and the ratio.
"""

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEREL_DEV = ROOT.parent / "shared" / "nerel" / "dev"


def main() -> None:
    """Print articles/s with 1 worker and with one per core, and their ratio."""
    from kgraph.extract import extract_article
    from kgraph.pipeline import load_models
    from kgraph.source import parse_article

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder)
        if NEREL_DEV.is_dir():
            for text in NEREL_DEV.glob("*.txt"):
                shutil.copy(text, corpus / text.name)
            name = "NEREL dev"
        else:
            seed = (ROOT / "data" / "omsk-forum-2019-11-07" / "article.md").read_text(encoding="utf-8")
            for number in range(32):
                (corpus / f"seed-{number}.md").write_text(seed, encoding="utf-8")
            name = "the seed under 32 names"
        extract_article(parse_article("warm", "# Тест\n\nВладимир Путин прилетел в Омск.\n"))
        rates = []
        for jobs in (1, max(2, cores)):
            started = time.perf_counter()
            models = load_models([corpus], jobs=jobs)
            rates.append(len(models) / (time.perf_counter() - started))
            print(f"{name}, {jobs} worker(s): {rates[-1]:.2f} articles/s ({len(models)} articles)")
        print(f"ratio {rates[1] / rates[0]:.2f} with {max(2, cores)} workers on {cores} core(s)")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
