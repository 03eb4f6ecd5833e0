"""The CRF models shipped with the extractor (org_tagger.crfsuite, type_taggers/, cross_relations.crfsuite), each
opened once per process (the within-sentence relation network is ``relations.network``'s).

>>> open_tagger("cross_relations.crfsuite") is open_tagger("cross_relations.crfsuite")
True
"""

from functools import cache
from importlib.resources import files
from typing import Any


@cache
def open_tagger(name: str) -> Any:
    """The pycrfsuite model `name` (a path within this package), opened once."""
    import pycrfsuite  # type: ignore[import-untyped]

    tagger = pycrfsuite.Tagger()
    tagger.open(str(files("kgraph.extract.data").joinpath(name)))
    return tagger
