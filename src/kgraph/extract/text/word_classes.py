"""Word classes: the words of natasha's news embedding (navec) grouped into 256 classes by their vectors.

A tagger that has seen "грипп" and "рак" as diseases in training but never "коронавирус" has no weight for the
last; the class the three share has one. ``scripts/build_word_clusters.py`` groups the embedding's 250,002 words by
spherical k-means; a word's class is the centroid nearest its vector, computed when first asked.

>>> word_class("коронавирус") == word_class("грипп") != word_class("жена") == word_class("сын")
True
>>> word_class("qzxwv-не-слово")
''
"""

from functools import cache, lru_cache
from importlib.resources import files
from typing import Any

from .ner import news_embedding

CLUSTERS = "word_clusters.npy"
"""The unit-length centroids (256 x 300, float32) in ``extract/data``, built by scripts/build_word_clusters.py."""


@cache
def _centroids() -> Any:
    import numpy as np

    return np.load(str(files("kgraph.extract.data").joinpath(CLUSTERS)))


@lru_cache(maxsize=131072)
def word_class(word: str) -> str:
    """The class of a lower-case word or lemma ("0" to "255"), "" for one the embedding lacks."""
    vector = news_embedding().get(word)
    return "" if vector is None else str(int((_centroids() @ vector).argmax()))
