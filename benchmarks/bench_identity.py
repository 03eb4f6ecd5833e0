"""What one node per real thing costs a build: identity resolution (``kgraph.identity.resolve``) against the rest
of the build of the same articles, in the same run.

Run: python benchmarks/bench_identity.py [--limit N]. Builds NEREL train (746 documents, when ../shared/nerel/train
exists; else the seed article under 50 names) as `kgraph build` does: extraction, then the dataset, then
validation; then times resolution alone, and prints its share of the build (target: under 10%).
"""

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEREL_TRAIN = ROOT.parent / "shared" / "nerel" / "train"


def main() -> None:
    """Print seconds per stage of the build and resolution's share of it."""
    from kgraph.extract import extract_article
    from kgraph.graph import build_dataset
    from kgraph.identity.resolve import resolve
    from kgraph.source import load_article, parse_article
    from kgraph.validate import validate

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=0, help="at most this many documents (0: all)")
    limit = parser.parse_args().limit
    if NEREL_TRAIN.is_dir():
        paths = sorted(NEREL_TRAIN.glob("*.txt"))[: limit or None]
        texts = [(path.stem, path.read_text(encoding="utf-8")) for path in paths]
        name = f"NEREL train ({len(texts)} docs)"
    else:
        seed = load_article(ROOT / "data" / "omsk-forum-2019-11-07")
        texts = [(f"seed-{number}", seed.text) for number in range(limit or 50)]
        name = f"the seed under {len(texts)} names"
    extract_article(parse_article("warm", "# Тест\n\nВладимир Путин прилетел в Омск.\n"))
    started = time.perf_counter()
    models = [extract_article(parse_article(slug, text)) for slug, text in texts]
    extracted = time.perf_counter() - started
    started = time.perf_counter()
    dataset = build_dataset(models)
    built = time.perf_counter() - started
    started = time.perf_counter()
    validate(dataset)
    validated = time.perf_counter() - started
    started = time.perf_counter()
    identities = resolve(models)
    resolved = time.perf_counter() - started
    whole = extracted + built + validated
    print(f"{name}: extract {extracted:.1f} s, dataset {built:.1f} s (resolution included), validate {validated:.1f} s")
    print(
        f"resolution alone: {resolved:.2f} s for {sum(len(m.entities) for m in models)} entities, "
        f"{len(identities.merges)} merges; ratio to the whole build {resolved / whole:.3f} (target < 0.10)"
    )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
