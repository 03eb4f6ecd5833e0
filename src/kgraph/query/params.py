"""Query parameters: `name=value` bound as RDF terms, never spliced into the query text.

A value is an IRI (`<http://…>` or a prefixed name such as `id:putin`), a quoted literal with an optional
language tag or datatype (`"Путин"@ru`, `"5"^^xsd:integer`), a number, or `true`/`false`. It is parsed as one
N-Triples term, so a value that would change the query's structure does not parse.

>>> params = parse_params(['speaker="Путин"@ru', "who=id:putin"])
>>> params["speaker"]
<Literal value=Путин language=ru>
>>> params["who"].value
'https://w3id.org/kgraph/id/putin'
>>> parse_param('x="a" . <http://e.org/s> <http://e.org/p> "b"')
Traceback (most recent call last):
...
kgraph.errors.UsageError: --param x: '"a" . <http://e.org/s> <http://e.org/p> "b"' is not one RDF term
"""

import re
from collections.abc import Iterable, Mapping
from typing import Any

from ..errors import UsageError
from ..namespaces import PREFIXES

Params = Mapping[str, Any]
"""Variable name (without `?`) -> pyoxigraph NamedNode or Literal."""

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_CURIE = re.compile(r"([A-Za-z][\w.-]*)?:([\w.-]*)")
_LITERAL = re.compile(r'(".*")(@[A-Za-z]+(?:-[A-Za-z0-9]+)*|\^\^(\S+))?', re.DOTALL)
_NUMBER = re.compile(r"[+-]?(\d+|\d*\.\d+)")


def _expand(curie: str, name: str) -> str:
    """`<iri>` for a prefixed name in our vocabulary, or the IRI text as given when it is already `<…>`."""
    if curie.startswith("<"):
        return curie
    match = _CURIE.fullmatch(curie)
    if not match or (match.group(1) or "") not in PREFIXES:
        raise UsageError(
            f"--param {name}: {curie!r} is neither <IRI> nor a prefixed name with one of: {', '.join(PREFIXES)}"
            " (a literal needs quotes: name='\"text\"@ru')"
        )
    return f"<{PREFIXES[match.group(1) or '']}{match.group(2)}>"


def _ntriples_term(value: str, name: str) -> str:
    literal = _LITERAL.fullmatch(value)
    if literal:
        quoted, suffix, datatype = literal.groups()
        if datatype:
            return f"{quoted}^^{_expand(datatype, name)}"
        return quoted + (suffix or "")
    if _NUMBER.fullmatch(value):
        return f'"{value}"^^<http://www.w3.org/2001/XMLSchema#{"decimal" if "." in value else "integer"}>'
    if value in {"true", "false"}:
        return f'"{value}"^^<http://www.w3.org/2001/XMLSchema#boolean>'
    return _expand(value, name)


def parse_term(value: str, name: str = "value") -> Any:
    """One RDF term (pyoxigraph NamedNode or Literal) in the syntax --param accepts, or UsageError."""
    from pyoxigraph import RdfFormat, parse

    term = _ntriples_term(value.strip(), name)
    document = f"<urn:kgraph:s> <urn:kgraph:p> {term} .\n"
    try:
        triples = list(parse(document.encode("utf-8"), format=RdfFormat.N_TRIPLES))
    except SyntaxError:
        triples = []
    if len(triples) != 1:
        raise UsageError(f"--param {name}: {value!r} is not one RDF term")
    return triples[0].object


def parse_param(spec: str) -> tuple[str, Any]:
    """Split `name=value` and parse the value as an RDF term."""
    name, sep, value = spec.partition("=")
    name = name.strip().lstrip("?$")
    if not sep or not _NAME.fullmatch(name):
        raise UsageError(f"--param {spec!r}: expected NAME=VALUE, e.g. speaker='\"Путин\"@ru' or who=id:putin")
    return name, parse_term(value, name)


def parse_params(specs: Iterable[str]) -> dict[str, Any]:
    """Every `name=value`; a name given twice is an error."""
    params: dict[str, Any] = {}
    for spec in specs:
        name, term = parse_param(spec)
        if name in params:
            raise UsageError(f"--param {name} is given twice")
        params[name] = term
    return params


def check_params(query: str, params: Params) -> None:
    """UsageError when a parameter names a variable the query does not mention (a likely typo)."""
    for name in params:
        if not re.search(rf"[?$]{re.escape(name)}\b", query):
            raise UsageError(f"--param {name}: the query has no variable ?{name}")


def values_clause(params: Params) -> str:
    """A trailing SPARQL VALUES block binding every parameter (for endpoints without parameter support).

    Terms are written by pyoxigraph's serialiser, so they are always exactly one term.

    >>> print(values_clause(parse_params(['who=id:putin', 'n="3"^^<http://e.org/t>'])))
    <BLANKLINE>
    VALUES (?who ?n) { (<https://w3id.org/kgraph/id/putin> "3"^^<http://e.org/t>) }
    <BLANKLINE>
    """
    if not params:
        return ""
    names = " ".join(f"?{name}" for name in params)
    terms = " ".join(str(term) for term in params.values())
    return f"\nVALUES ({names}) {{ ({terms}) }}\n"


def to_rdflib(term: Any) -> Any:
    """The rdflib term for a pyoxigraph NamedNode or Literal (for rdflib's initBindings)."""
    from pyoxigraph import NamedNode
    from rdflib import Literal, URIRef

    if isinstance(term, NamedNode):
        return URIRef(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    return Literal(term.value, datatype=URIRef(term.datatype.value))
