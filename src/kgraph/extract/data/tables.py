"""The tab-separated tables shipped with the extractor (gazetteer.tsv, places.tsv, …): lines starting with # are
comments, the rest rows of columns.

>>> rows("owner_heads.tsv")[0][0] != "#"
True
"""

from functools import cache
from importlib.resources import files


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of the table `name` in this package, split at tabs, comments and empty lines left out (read once
    per process: places.tsv serves both the place types and the place adjectives)."""
    return parse_rows(files("kgraph.extract.data").joinpath(name).read_text(encoding="utf-8"))


def parse_rows(text: str) -> tuple[tuple[str, ...], ...]:
    """The rows of a table's text (a training script reads the tables it just wrote so, from its own folder)."""
    return tuple(tuple(line.split("\t")) for line in text.splitlines() if line and not line.startswith("#"))
