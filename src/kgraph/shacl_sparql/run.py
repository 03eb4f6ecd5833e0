"""The engine's entry points: `run_shapes` runs the checks on Oxigraph and reads their rows as SHACL results;
`check_supported` compiles the shapes without data, so that they are refused before any is loaded."""

import os
import re
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from pyoxigraph import BlankNode, NamedNode
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SH, XSD

from ..model import shown
from ..namespaces import shorten
from ..query.guard import check_query
from ..rdfio import quiet_ill_typed_literals
from .checks import Check, Compiler
from .shapes import reported_shape, shape_name


@dataclass(frozen=True)
class RawResult:
    """A result before labels are looked up: IRIs and values as strings, the shape as `shape_name` gives it."""

    focus: str
    path: str | None
    message: str
    severity: str
    shape: str
    value: str | None
    focus_is_iri: bool = True
    blank: bool = False
    """Its row binds a blank node (the focus, the value, a cited variable): named by the store's label."""


def _violations(check: Check, row: Any) -> Iterator[tuple[str | None, str | None]]:
    """The (value, path) of each result one row of a check stands for (value None where a result has none)."""
    path = check.path
    if check.row_path:
        found = row["path"]
        path = found.value if isinstance(found, NamedNode) else None
    if check.kind == "focus":
        yield None, path
    elif check.kind == "count":
        count = int(row["n"].value)
        if check.min_count is not None and count < check.min_count:
            yield None, path
        if check.max_count is not None and count > check.max_count:
            yield None, path
    elif check.flags == 0:  # a SPARQL constraint's ?value may be unbound: the result's value is then $this
        yield (row["v"] or row["this"]).value, path
    else:
        for i in range(check.flags):
            if row[f"ok{i}"].value != "true":
                yield row["v"].value, path


def _cite(message: str, row: Any) -> str:
    """A SPARQL constraint's message with {$this}, {?value} and other selected variables filled in (as pySHACL)."""

    def fill(match: re.Match[str]) -> str:
        name = match[1]
        term = (row["v"] or row["this"]) if name == "value" else row[name]  # None: unbound or not selected
        return match[0] if term is None else str(term.value)

    return re.sub(r"\{[?$](\w+)\}", fill, message)


def check_supported(shapes: Graph) -> None:
    """Compile `shapes` without data: UnsupportedShapeError if the SPARQL engine cannot validate with them.

    >>> check_supported(Graph().parse(format="turtle", data='''@prefix sh: <http://www.w3.org/ns/shacl#> .
    ...     <http://ex.org/S> sh:targetNode <http://ex.org/a> ; sh:closed true ; sh:js [] .'''))
    Traceback (most recent call last):
    ...
    kgraph.shacl_sparql.shapes.UnsupportedShapeError: the SPARQL engine cannot compile http://ex.org/S sh:js (not ...
    """
    list(Compiler(shapes, lambda cls: [str(cls)]).checks())


def _check_target_nodes(compiler: Compiler, store: Any) -> None:
    """Refuse a path of length zero from a target node the data lacks: Oxigraph would not start it there."""
    if not compiler.nullable:
        return
    for shape, nodes in compiler.target_nodes.items():
        for node in nodes:
            query = f"ASK {{ VALUES ?n {{ {node.n3()} }} {{ ?n ?p ?o }} UNION {{ ?s ?p ?n }} }}"
            if not store.query(query, use_default_graph_as_union=True):
                reason = f"a path of length zero from {shorten(node)}, which the data does not contain"
                raise compiler.unsupported(shape, SH.targetNode, reason)


def _datatypes_asked(compiler: Compiler) -> dict[URIRef, Any]:
    """Each datatype a shape asks for (sh:datatype) whose lexical forms can be wrong, with the first shape asking."""
    asked: dict[URIRef, Any] = {}
    for shape, datatype in sorted(compiler.shapes.subject_objects(SH.datatype)):
        if isinstance(datatype, URIRef) and datatype not in (XSD.string, RDF.langString):
            asked.setdefault(datatype, shape)
    return asked


def _literals_of(datatypes: Iterable[URIRef]) -> str:
    """The query for every distinct literal of the data whose datatype is one of `datatypes`."""
    listed = ", ".join(datatype.n3() for datatype in datatypes)
    return f"SELECT DISTINCT ?o WHERE {{ ?s ?p ?o FILTER(isLiteral(?o) && datatype(?o) IN ({listed})) }}"


def _check_lexical_forms(compiler: Compiler, asked: dict[URIRef, Any], literals: list[Any]) -> None:
    """Refuse data holding a literal that is not of its datatype where a shape asks for that datatype: the compiled
    sh:datatype compares datatypes only, while SHACL also reads the text ("abc"^^xsd:integer is no integer)."""
    with quiet_ill_typed_literals():
        for row in literals:
            datatype = URIRef(row["o"].datatype.value)
            if Literal(row["o"].value, datatype=datatype).ill_typed:
                value = shown(row["o"].value)
                reason = f"the data holds {value}, no valid {shorten(datatype)}: only datatypes are compared"
                raise compiler.unsupported(asked[datatype], SH.datatype, reason)


def run_shapes(store: Any, shapes: Graph, timings: dict[str, float] | None = None) -> list[RawResult]:
    """Every SHACL result of `shapes` over a pyoxigraph store (default graph = union of all graphs).

    Oxigraph's union default graph repeats a triple once per graph that holds it, so every query counts and
    reports distinct values only: the results are those of the merged graph, as pySHACL sees it.
    """
    cache: dict[Any, list[str]] = {}

    def closure(cls: str) -> list[str]:
        if cls not in cache:
            query = f"SELECT DISTINCT ?c WHERE {{ ?c <http://www.w3.org/2000/01/rdf-schema#subClassOf>* {cls} }}"
            found = {row["c"] for row in store.query(query, use_default_graph_as_union=True)}
            cache[cls] = sorted({cls, *(str(c) for c in found)})
        return cache[cls]

    compiler = Compiler(shapes, closure)
    checks = list(compiler.checks())
    _check_target_nodes(compiler, store)
    asked = _datatypes_asked(compiler)

    def evaluate(check: Check) -> tuple[list[Any], float]:
        check_query(check.query)  # what a shape wrote into a query (a namespace, a select) never reaches a server
        started = time.perf_counter()
        try:
            rows = list(store.query(check.query, use_default_graph_as_union=True))
        except SyntaxError as error:
            predicate = SH.sparql if check.template else "(its compiled query)"
            raise compiler.unsupported(check.shape, predicate, f"Oxigraph cannot parse it: {error}") from None
        return rows, time.perf_counter() - started

    # Oxigraph releases the GIL while it evaluates, so the checks share the cores; the scan of every literal for
    # the lexical forms goes first, being the longest, and is judged first, as a refusal it stops the rest
    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        scan = _literals_of(asked)
        literals = pool.submit(lambda: list(store.query(scan, use_default_graph_as_union=True)) if asked else [])
        running = [pool.submit(evaluate, check) for check in checks]
        try:
            _check_lexical_forms(compiler, asked, literals.result())
            answers = [future.result() for future in running]
        finally:
            for future in running:
                future.cancel()
    results = []
    for check, (rows, seconds) in zip(checks, answers, strict=True):
        message = compiler.message(check.constraint)
        if check.template and message == "constraint violated":
            message = compiler.message(check.shape)
        severity = compiler.severity(check.shape)
        shape = shape_name(shapes, reported_shape(shapes, check.shape))
        for row in rows:
            text = _cite(message, row) if check.template else message
            for value, path in _violations(check, row):
                focus = row["this"]
                blank = any(isinstance(term, BlankNode) for term in row)
                results.append(
                    RawResult(focus.value, path, text, severity, shape, value, isinstance(focus, NamedNode), blank)
                )
        if timings is not None:
            key = f"{check.shape} {check.path or ''} {check.kind}"
            timings[key] = timings.get(key, 0.0) + seconds
    return results
