"""SPARQL over our graphs: find a query, run it, print its results in the W3C formats.

>>> from kgraph.query import find_query
>>> find_query("plenary_chairs").name
'plenary_chairs'
"""

from .catalog import NamedQuery, find_query, list_queries
from .local import LocalStore
from .results import RESULT_FORMATS, QueryResult, format_graph, format_result
from .run import run_query

__all__ = [
    "RESULT_FORMATS",
    "LocalStore",
    "NamedQuery",
    "QueryResult",
    "find_query",
    "format_graph",
    "format_result",
    "list_queries",
    "run_query",
]
