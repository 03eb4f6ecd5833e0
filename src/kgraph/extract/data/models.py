"""The CRF models shipped with the extractor (org_tagger.crfsuite, type_taggers/), each opened once per process (the
relation networks are ``relations.network``'s).

>>> open_tagger("org_tagger.crfsuite") is open_tagger("org_tagger.crfsuite")
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
