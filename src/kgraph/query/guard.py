"""What kgraph checks in a SPARQL text before an engine sees it: its form, federation and nesting.

A light tokeniser (comments, strings, IRIs, variables and prefixed names are skipped whole) finds the query form
(SELECT, ASK, CONSTRUCT, DESCRIBE, or an update), any `SERVICE` clause and the bracket depth. `SERVICE <url>`
makes Oxigraph fetch that URL over HTTP: behind `kgraph serve` any web page could read a private server on the
user's network through it, and a silent server hangs a local query, so it is refused unless the caller allows it.

>>> query_form("PREFIX ex: <http://e.org/> DESCRIBE ex:a")
'DESCRIBE'
>>> check_query('SELECT * WHERE { ?s ?p "SERVICE <x>" . ?s ex:SERVICE ?service }  # SERVICE')
>>> check_query("PREFIX : <http://10.0.0.1/> SELECT * WHERE { SERVICE:sparql { ?s ?p ?o } }")
Traceback (most recent call last):
...
kgraph.errors.QueryError: SERVICE (federated query) is refused: kgraph answers from its own graph only
"""

import re

from ..errors import QueryError
from ..limits import MAX_NESTING, MAX_QUERY_CHARS

QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
UPDATE_FORMS = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")

_TOKEN = re.compile(
    r"""
      (?P<skip>
          \#[^\n\r]*                                   # a comment
        | "{3}(?:[^"\\]|\\.|"(?!""))*(?:"{3})?         # strings; an unterminated one runs to the end
        | '{3}(?:[^'\\]|\\.|'(?!''))*(?:'{3})?         #   (of its line), so every character is read once
        | "(?:[^"\\\n\r]|\\.)*"?
        | '(?:[^'\\\n\r]|\\.)*'?
        | <[^<>"{}|^`\\\x00-\x20]*>                    # an IRI
        | [?$][^\s(){}\[\],;.<>"'\#=!&|*/+^-]*         # a variable
      )
    | (?P<name>[^\s(){}\[\],;<>"'\#?$]+)               # a keyword, a prefixed name (with ':'), a number…
    | (?P<open>[({\[])
    | (?P<close>[)}\]])
    """,
    re.VERBOSE | re.DOTALL,
)


_KEYWORDS = frozenset((*QUERY_FORMS, *UPDATE_FORMS, "SERVICE"))


_SERVICE_PREFIX = re.compile(r"(?:^|[^A-Za-z0-9_-])service$", re.IGNORECASE)
"""The prefix of a name "SERVICE:x": where a graph pattern can start, Oxigraph reads SERVICE and the name ":x"."""

_NAMING_A_GRAPH = frozenset(("GRAPH", "FROM", "NAMED"))
"""Keywords after which "service:x {" is a graph's name followed by a pattern."""


def _scan(text: str) -> tuple[str | None, bool, int]:
    """(the first form keyword, whether SERVICE occurs, the deepest bracket nesting) of a SPARQL text."""
    form: str | None = None
    service = glued_service = False
    previous = ""
    depth = deepest = 0
    for match in _TOKEN.finditer(text):
        kind, token = match.lastgroup, match.group()
        if kind == "skip" and token.startswith("#"):
            continue  # a comment between "SERVICE:x" and its "{"
        service = service or (glued_service and token == "{")
        glued_service = (
            kind == "name"
            and ":" in token
            and previous.upper() not in _NAMING_A_GRAPH
            and _SERVICE_PREFIX.search(token.split(":", 1)[0]) is not None
        )
        previous = token
        if kind == "name" and ":" not in token:  # "}.SERVICE" is "}", ".", "SERVICE" to SPARQL
            for word in re.findall(r"[A-Za-z]+", token):
                keyword = word.upper()
                if keyword in _KEYWORDS:
                    service = service or keyword == "SERVICE"
                    form = form or (None if keyword == "SERVICE" else keyword)
        elif kind == "open":
            depth += 1
            deepest = max(deepest, depth)
        elif kind == "close":
            depth = max(depth - 1, 0)
    return form, service, deepest


def query_form(text: str) -> str | None:
    """The first form keyword of a SPARQL text (SELECT, ASK, CONSTRUCT, DESCRIBE or an update's), or None.

    >>> query_form("# a comment\\nask { ?s ?p ?o }"), query_form("Putin"), query_form("INSERT DATA {}")
    ('ASK', None, 'INSERT')
    """
    return _scan(text)[0]


def check_query(text: str, *, allow_service: bool = False) -> None:
    """QueryError when a query is longer than MAX_QUERY_CHARS, nests brackets more than MAX_NESTING deep, or
    (unless allowed) uses SERVICE."""
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"the query has {len(text):,} characters; kgraph reads at most {MAX_QUERY_CHARS:,}")
    _, service, deepest = _scan(text)
    if deepest > MAX_NESTING:
        raise QueryError(f"the query nests brackets {deepest} deep; kgraph reads at most {MAX_NESTING}")
    if service and not allow_service:
        raise QueryError("SERVICE (federated query) is refused: kgraph answers from its own graph only")
