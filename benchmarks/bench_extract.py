"""Extraction speed and memory: articles per second after the models load, and peak memory.

Run: python benchmarks/bench_extract.py. Measures the seed article and, when ../shared/nerel/dev exists, the
NEREL dev documents; each against natasha's NER alone (the baseline), in the same run; then where the time goes:
each pipeline component's share of one more pass (warm: the word caches are full by then).
"""

import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEREL_DEV = ROOT.parent / "shared" / "nerel" / "dev"


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _rates(runs: list[Callable[[str], object]], texts: list[str], repeat: int) -> list[float]:
    """Articles per second of each run over `texts`, taking turns text by text (a machine whose speed drifts
    during the benchmark drifts for every run alike)."""
    spent = [0.0] * len(runs)
    for _ in range(repeat):
        for text in texts:
            for index, run in enumerate(runs):
                start = time.perf_counter()
                run(text)
                spent[index] += time.perf_counter() - start
    return [repeat * len(texts) / seconds for seconds in spent]


def _components(name: str, texts: list[str]) -> None:
    """Seconds per pipeline component over `texts`, the costliest first, and natasha alone for comparison."""
    from kgraph.extract.build import PIPELINE
    from kgraph.extract.doc import Doc
    from kgraph.extract.text.ner import named_spans
    from kgraph.source import parse_article

    spent = dict.fromkeys((step.name for step in PIPELINE), 0.0)
    for text in texts:
        doc = Doc(parse_article("bench", text))
        for step in PIPELINE:
            started = time.perf_counter()
            step(doc)
            spent[step.name] += time.perf_counter() - started
    started = time.perf_counter()
    for text in texts:
        named_spans(text)
    base = time.perf_counter() - started
    print(f"{name}, seconds per component, warm caches (natasha NER alone: {base:.2f} s; `read` includes it):")
    for step, seconds in sorted(spent.items(), key=lambda item: -item[1]):
        if seconds >= 0.01:
            print(f"  {step:22} {seconds:6.2f}  {seconds / base:5.2f}x natasha")


def main() -> None:
    """Print articles/s for extraction and for the baseline, their ratio, and peak memory."""
    from kgraph.extract import extract_article
    from kgraph.extract.text.ner import limit_threads, load_models, named_spans
    from kgraph.source import load_article, parse_article

    limit_threads()
    started = time.perf_counter()
    load_models()
    extract_article(parse_article("warm", "# Тест\n\nВладимир Путин прилетел в Омск 6 ноября.\n"))
    print(f"model load and warm-up: {time.perf_counter() - started:.2f} s, peak {_peak_mb():.0f} MB")

    seed = load_article(ROOT / "data" / "omsk-forum-2019-11-07")
    corpora = [("seed article", [seed.text], 10)]
    if NEREL_DEV.is_dir():
        texts = [p.read_text(encoding="utf-8") for p in sorted(NEREL_DEV.glob("*.txt"))]
        corpora.append((f"NEREL dev ({len(texts)} docs)", texts, 1))
    for name, texts, repeat in corpora:
        base, ours = _rates([named_spans, lambda t: extract_article(parse_article("bench", t))], texts, repeat)
        print(
            f"{name}: extract {ours:.2f} articles/s, natasha NER alone {base:.2f} articles/s, ratio {ours / base:.2f}"
        )
    _components(corpora[-1][0], corpora[-1][1])
    print(f"peak memory: {_peak_mb():.0f} MB (target < 600 MB)")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
