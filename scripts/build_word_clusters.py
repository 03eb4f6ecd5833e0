"""Build src/kgraph/extract/data/word_clusters.npy: natasha's news embedding (navec) grouped into word classes.

Usage: python scripts/build_word_clusters.py [-k CLUSTERS] [-o FILE]

Spherical k-means over every word vector of navec's news embedding (250,002 words, 300 dimensions; the vectors
natasha ships and kgraph already loads), seeded, single-threaded: the same bytes each run. The file holds the
unit-length centroids (CLUSTERS x 300, float32); at run time a word's class is the centroid nearest its vector
(``kgraph.extract.text.word_classes.word_class``), a feature of the organisation and type taggers: a word no NEREL
train mention holds ("коронавирус") shares it with the words of its class that some do ("грипп"). Takes about a
minute.
"""

import argparse
import os
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before numpy loads: one thread gives the same sums each run

import numpy as np  # noqa: E402

CLUSTERS = 256
ROUNDS = 25
SEED = 17


def kmeans(vectors: np.ndarray, clusters: int, rounds: int, seed: int) -> np.ndarray:
    """Unit-length centroids of `vectors` (unit rows) by spherical k-means."""
    rng = np.random.default_rng(seed)
    centroids = vectors[rng.choice(len(vectors), clusters, replace=False)].copy()
    for number in range(rounds):
        nearest = np.empty(len(vectors), dtype=np.int64)
        for start in range(0, len(vectors), 20_000):
            nearest[start : start + 20_000] = np.argmax(vectors[start : start + 20_000] @ centroids.T, axis=1)
        sums = np.zeros_like(centroids)
        np.add.at(sums, nearest, vectors)
        empty = ~sums.any(axis=1)
        sums[empty] = vectors[rng.choice(len(vectors), int(empty.sum()), replace=False)]
        centroids = sums / np.linalg.norm(sums, axis=1, keepdims=True)
        print(f"round {number + 1}: {len(np.unique(nearest))} classes used", flush=True)
    return centroids.astype(np.float32)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(__file__).resolve().parent.parent / "src" / "kgraph" / "extract" / "data" / "word_clusters.npy"
    parser.add_argument("-k", "--clusters", type=int, default=CLUSTERS)
    parser.add_argument("-o", "--out", type=Path, default=default)
    arguments = parser.parse_args()
    from kgraph.extract.text.ner import news_embedding

    started = time.perf_counter()
    vectors = news_embedding().pq.unpack().astype(np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors = vectors[norms[:, 0] > 0] / norms[norms[:, 0] > 0]
    centroids = kmeans(vectors, arguments.clusters, ROUNDS, SEED)
    temporary = arguments.out.with_suffix(".tmp.npy")
    np.save(temporary, centroids)
    os.replace(temporary, arguments.out)
    print(f"{arguments.clusters} classes of {len(vectors)} words in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
