"""Comparing SPARQL answers across engines and servers: by value, ignoring lexical forms and bnode labels."""

from decimal import Decimal, InvalidOperation

from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kgraph.query import QueryResult

NUMERIC = {
    "integer",
    "decimal",
    "double",
    "float",
    "long",
    "int",
    "short",
    "byte",
    "nonNegativeInteger",
    "positiveInteger",
    "negativeInteger",
    "nonPositiveInteger",
    "unsignedInt",
    "unsignedLong",
}


def comparable(term: dict[str, str] | None) -> tuple[str, ...]:
    """A term as a tuple that compares typed values by value, not lexical form.

    Engines may write the same value differently (2.0 and 2.00; 2019-11-07T00:00:00Z and …+00:00), and a MIN
    over xsd:nonNegativeInteger may come back typed as xsd:integer; those are the same answer.
    """
    if term is None:
        return ("unbound",)
    datatype = term.get("datatype", "")
    if datatype.rsplit("#", 1)[-1] in NUMERIC:
        try:
            return ("number", str(Decimal(term["value"]).normalize()))
        except InvalidOperation:
            pass
    if datatype:
        value = Literal(term["value"], datatype=URIRef(datatype)).toPython()
        if not isinstance(value, Literal):
            return ("typed", datatype, repr(value))
    if term["type"] == "bnode":
        return ("bnode",)
    return (term["type"], term["value"], term.get("xml:lang", "").lower(), datatype)


def solutions(result: QueryResult) -> list[tuple[tuple[str, ...], ...]]:
    return sorted(tuple(comparable(row.get(v)) for v in result.variables) for row in result.bindings)


def assert_same(ours: QueryResult, theirs: QueryResult) -> None:
    assert ours.kind == theirs.kind
    if ours.kind == "ask":
        assert ours.boolean == theirs.boolean
    elif ours.kind == "select":
        assert ours.variables == theirs.variables
        assert solutions(ours) == solutions(theirs)
    else:
        assert isomorphic(
            Graph().parse(data=ours.ntriples, format="nt"), Graph().parse(data=theirs.ntriples, format="nt")
        )
