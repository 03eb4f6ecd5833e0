"""The old home of `kgraph extract` and `kgraph eval`, now kgraph.cli.extract; kept while tests/extract imports it.

>>> extract.name, evaluate.name
('extract', 'eval')
"""

from .cli.extract import evaluate, extract

__all__ = ["evaluate", "extract"]
