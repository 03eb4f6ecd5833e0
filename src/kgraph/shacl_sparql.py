"""SHACL validation compiled to SPARQL and run by pyoxigraph: the fast engine behind `kgraph validate`.

pySHACL walks the graph in Python; on a million triples that takes minutes. Here every constraint of the shapes
graph becomes one SPARQL query over the data (with the ontology loaded beside it, as pySHACL's ``ont_graph``), so
the work is done by Oxigraph's engine. The supported part of SHACL is what our shapes use: class and
subjects-of targets; node-level sh:class and sh:nodeKind; property shapes with a predicate path and minCount,
maxCount, class, datatype, nodeKind, pattern, languageIn, in, hasValue, min/maxInclusive, minLength, sh:or of such
constraints, qualifiedValueShape with qualifiedMin/MaxCount; and SPARQL-based constraints. Anything else raises
``UnsupportedShapeError`` naming the shape, so a shape is never silently skipped. A test checks that both engines
report the same results on the seed graph and on every invalid fixture.

>>> from pyoxigraph import Store
>>> from rdflib import Graph
>>> shapes = Graph().parse(format="turtle", data='''
...   @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://ex.org/> .
...   ex:S a sh:NodeShape ; sh:targetClass ex:C ;
...      sh:property [ sh:path ex:name ; sh:minCount 1 ; sh:message "needs a name" ] .''')
>>> store = Store()
>>> store.load(b'<http://ex.org/a> a <http://ex.org/C> .', format=__import__("pyoxigraph").RdfFormat.TURTLE)
>>> [(r.focus, r.message) for r in run_shapes(store, shapes)]
[('http://ex.org/a', 'needs a name')]
"""

import os
import re
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH

from .errors import KGraphError


class UnsupportedShapeError(KGraphError):
    """The shapes use a SHACL feature the SPARQL engine does not implement."""


@dataclass(frozen=True)
class RawResult:
    """A result before labels are looked up: IRIs and values as strings."""

    focus: str
    path: str | None
    message: str
    severity: str
    shape: str
    value: str | None


_VALUE_COMPONENTS = (
    SH["class"],
    SH.datatype,
    SH.nodeKind,
    SH.pattern,
    SH.languageIn,
    SH["in"],
    SH.minInclusive,
    SH.maxInclusive,
    SH.minLength,
    SH["or"],
)
_COUNT_COMPONENTS = (SH.minCount, SH.maxCount, SH.hasValue, SH.qualifiedValueShape)
_IGNORED = {
    SH.path,
    SH.message,
    SH.severity,
    SH.name,
    SH.description,
    SH.flags,
    SH.qualifiedMinCount,
    SH.qualifiedMaxCount,
    SH.deactivated,
    RDF.type,
}
_NODE_KINDS = {
    SH.IRI: "isIRI(?v)",
    SH.BlankNode: "isBlank(?v)",
    SH.Literal: "isLiteral(?v)",
    SH.BlankNodeOrIRI: "(isBlank(?v) || isIRI(?v))",
    SH.BlankNodeOrLiteral: "(isBlank(?v) || isLiteral(?v))",
    SH.IRIOrLiteral: "(isIRI(?v) || isLiteral(?v))",
}
_RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
Closure = Callable[[Any], list[str]]
"""A class -> itself and all its subclasses (by rdfs:subClassOf in the data and the ontology), in N3."""


def _n3(term: Any) -> str:
    if isinstance(term, URIRef | Literal):
        return str(term.n3())
    raise UnsupportedShapeError(f"cannot use {term!r} in a SPARQL constraint")


def _list(shapes: Graph, head: Any) -> list[Any]:
    return list(Collection(shapes, head))


def _instance_of(variable: str, classes: list[str]) -> str:
    """A pattern: `variable` is an instance of one of `classes` (a class and all its subclasses)."""
    if len(classes) == 1:
        return f"{variable} {_RDF_TYPE} {classes[0]}"
    return f"VALUES ?class_ {{ {' '.join(classes)} }} {variable} {_RDF_TYPE} ?class_"


def _condition(shapes: Graph, component: URIRef, value: Any, where: Any, closure: "Closure") -> str:
    """A SPARQL expression true when ?v satisfies one value-type constraint component."""
    if component == SH["class"]:
        return f"EXISTS {{ {_instance_of('?v', closure(value))} }}"
    if component == SH.datatype:
        return f"(isLiteral(?v) && datatype(?v) = {_n3(value)})"
    if component == SH.nodeKind:
        return _NODE_KINDS[value]
    if component == SH.pattern:
        flags = shapes.value(where, SH.flags)
        extra = f", {_n3(Literal(str(flags)))}" if flags else ""
        return f"(!isBlank(?v) && REGEX(STR(?v), {_n3(Literal(str(value)))}{extra}))"
    if component == SH.languageIn:
        tests = " || ".join(f"langMatches(lang(?v), {_n3(Literal(str(t)))})" for t in _list(shapes, value))
        return f"(isLiteral(?v) && ({tests or 'false'}))"
    if component == SH["in"]:
        return f"(?v IN ({', '.join(_n3(t) for t in _list(shapes, value))}))"
    if component == SH.minInclusive:
        return f"COALESCE(?v >= {_n3(value)}, false)"
    if component == SH.maxInclusive:
        return f"COALESCE(?v <= {_n3(value)}, false)"
    if component == SH.minLength:
        return f"(!isBlank(?v) && STRLEN(STR(?v)) >= {int(value)})"
    if component == SH["or"]:
        return "(" + " || ".join(_shape_condition(shapes, m, closure) for m in _list(shapes, value)) + ")"
    raise UnsupportedShapeError(f"constraint {component} in {where} is not supported by the SPARQL engine")


def _shape_condition(shapes: Graph, shape: Any, closure: Closure) -> str:
    """A SPARQL expression true when ?v conforms to a shape made only of value-type constraints."""
    parts = []
    for component, value in shapes.predicate_objects(shape):
        if component in _IGNORED:
            continue
        parts.append(_condition(shapes, component, value, shape, closure))  # type: ignore[arg-type]
    return "(" + " && ".join(parts or ["true"]) + ")"


@dataclass(frozen=True)
class _Check:
    """One SPARQL query and how to read its rows as SHACL results.

    kind "value": rows bind ?this and ?v, and ?ok0…?okN (one per constraint component; each false one is a
    result), or no flags at all (every row is a result). kind "focus": every row's ?this is a result without a
    value. kind "count": rows bind ?this and ?n, compared with min_count and max_count.
    """

    query: str
    shape: Any
    constraint: Any
    path: str | None
    kind: str
    flags: int = 0
    min_count: int | None = None
    max_count: int | None = None


class _Compiler:
    """Turns one shapes graph into the checks that validate a data graph against it."""

    def __init__(self, shapes: Graph, closure: Closure) -> None:
        self.shapes = shapes
        self.closure = closure

    def targets(self, shape: Any) -> str | None:
        classes = sorted({sub for c in self.shapes.objects(shape, SH.targetClass) for sub in self.closure(c)})
        patterns = [f"{{ {_instance_of('?this', classes)} }}"] if classes else []
        patterns += [
            f"{{ SELECT DISTINCT ?this WHERE {{ ?this {_n3(p)} ?any }} }}"
            for p in self.shapes.objects(shape, SH.targetSubjectsOf)
        ]
        for unsupported in (SH.targetNode, SH.targetObjectsOf):
            if (shape, unsupported, None) in self.shapes:
                raise UnsupportedShapeError(f"{shape}: {unsupported} is not supported by the SPARQL engine")
        if not patterns:
            return None
        return "{ SELECT DISTINCT ?this WHERE { " + " UNION ".join(patterns) + " } }"

    def message(self, shape: Any, fallback: Any) -> str:
        message = self.shapes.value(shape, SH.message) or self.shapes.value(fallback, SH.message)
        return str(message) if message is not None else "constraint violated"

    def severity(self, shape: Any, fallback: Any) -> str:
        severity = self.shapes.value(shape, SH.severity) or self.shapes.value(fallback, SH.severity) or SH.Violation
        return str(severity)

    def checks(self) -> Iterator[_Check]:
        """Every check of every active node shape that has a target."""
        for shape in sorted(set(self.shapes.subjects(RDF.type, SH.NodeShape)), key=str):
            if (shape, SH.deactivated, Literal(True)) in self.shapes:
                continue
            target = self.targets(shape)
            if target is None:
                continue
            yield from self.node_constraints(shape, target)
            for prop in self.shapes.objects(shape, SH.property):
                yield from self.property_constraints(shape, prop, target)
            for sparql in self.shapes.objects(shape, SH.sparql):
                yield self.sparql_constraint(shape, sparql, target)

    def _value_check(self, shape: Any, owner: Any, target: str, edge: str, path: str | None) -> Iterator[_Check]:
        conditions = [
            _condition(self.shapes, component, value, owner, self.closure)  # type: ignore[arg-type]
            for component, value in self.shapes.predicate_objects(owner)
            if component in _VALUE_COMPONENTS and (path is not None or component in (SH["class"], SH.nodeKind))
        ]
        if not conditions:
            return
        flags = " ".join(f"?ok{i}" for i in range(len(conditions)))
        binds = " ".join(f"BIND (COALESCE({c}, false) AS ?ok{i})" for i, c in enumerate(conditions))
        failing = " && ".join(f"?ok{i}" for i in range(len(conditions)))
        query = f"SELECT DISTINCT ?this ?v {flags} WHERE {{ {target} {edge} {binds} FILTER (!({failing})) }}"
        yield _Check(query, shape, owner, path, "value", flags=len(conditions))

    def node_constraints(self, shape: Any, target: str) -> Iterator[_Check]:
        yield from self._value_check(shape, shape, target, "BIND (?this AS ?v)", None)

    def property_constraints(self, shape: Any, prop: Any, target: str) -> Iterator[_Check]:
        path = self.shapes.value(prop, SH.path)
        if not isinstance(path, URIRef):
            raise UnsupportedShapeError(f"{shape}: only predicate paths are supported, not {path!r}")
        p = _n3(path)
        for component, _ in self.shapes.predicate_objects(prop):
            if component not in _IGNORED and component not in _VALUE_COMPONENTS + _COUNT_COMPONENTS:
                raise UnsupportedShapeError(f"{shape}: {component} is not supported by the SPARQL engine")
        yield from self._value_check(shape, prop, target, f"?this {p} ?v .", str(path))
        least, most = self.shapes.value(prop, SH.minCount), self.shapes.value(prop, SH.maxCount)
        if least is not None or most is not None:
            yield self._count(shape, prop, target, f"?this {p} ?v", str(path), least, most)
        for value in self.shapes.objects(prop, SH.hasValue):
            query = f"SELECT ?this WHERE {{ {target} FILTER NOT EXISTS {{ ?this {p} {_n3(value)} }} }}"
            yield _Check(query, shape, prop, str(path), "focus")
        for qualified in self.shapes.objects(prop, SH.qualifiedValueShape):
            condition = _shape_condition(self.shapes, qualified, self.closure)
            least = self.shapes.value(prop, SH.qualifiedMinCount)
            most = self.shapes.value(prop, SH.qualifiedMaxCount)
            yield self._count(shape, prop, target, f"?this {p} ?v FILTER ({condition})", str(path), least, most)

    def _count(self, shape: Any, prop: Any, target: str, pattern: str, path: str, least: Any, most: Any) -> _Check:
        bounds = []  # HAVING cannot see the ?n alias: it repeats the aggregate
        if least is not None:
            bounds.append(f"COUNT(DISTINCT ?v) < {int(least)}")
        if most is not None:
            bounds.append(f"COUNT(DISTINCT ?v) > {int(most)}")
        query = (
            f"SELECT ?this (COUNT(DISTINCT ?v) AS ?n) WHERE {{ {target} OPTIONAL {{ {pattern} }} }} "
            f"GROUP BY ?this HAVING ({' || '.join(bounds)})"
        )
        return _Check(
            query,
            shape,
            prop,
            path,
            "count",
            min_count=None if least is None else int(least),
            max_count=None if most is None else int(most),
        )

    def sparql_constraint(self, shape: Any, sparql: Any, target: str) -> _Check:
        select = str(self.shapes.value(sparql, SH.select))
        prefixes = ""
        for declarer in self.shapes.objects(sparql, SH.prefixes):
            for declaration in self.shapes.objects(declarer, SH.declare):
                prefix = self.shapes.value(declaration, SH.prefix)
                namespace = self.shapes.value(declaration, SH.namespace)
                prefixes += f"PREFIX {prefix}: <{namespace}>\n"
        inner = re.sub(r"\$this\b", "?this", select)
        projects_value = re.search(r"SELECT[^{]*\?value\b", inner, re.IGNORECASE | re.S) is not None
        value = "?value" if projects_value else "(?this AS ?value)"
        query = (
            f"{prefixes}SELECT DISTINCT ?this ?v WHERE {{ {target} "
            f"{{ SELECT ?this {value} WHERE {{ {{ {inner} }} }} }} BIND (?value AS ?v) }}"
        )
        return _Check(query, shape, sparql, None, "value")


def _violations(check: _Check, row: Any) -> Iterator[str | None]:
    """The value of each result one row of a check stands for (None where a result has no value)."""
    if check.kind == "focus":
        yield None
    elif check.kind == "count":
        count = int(row["n"].value)
        if check.min_count is not None and count < check.min_count:
            yield None
        if check.max_count is not None and count > check.max_count:
            yield None
    elif check.flags == 0:
        yield row["v"].value
    else:
        for i in range(check.flags):
            if row[f"ok{i}"].value != "true":
                yield row["v"].value


def run_shapes(store: Any, shapes: Graph, timings: dict[str, float] | None = None) -> list[RawResult]:
    """Every SHACL result of `shapes` over a pyoxigraph store (default graph = union of all graphs).

    Oxigraph's union default graph repeats a triple once per graph that holds it, so every query counts and
    reports distinct values only: the results are those of the merged graph, as pySHACL sees it.
    """
    cache: dict[Any, list[str]] = {}

    def closure(cls: Any) -> list[str]:
        if cls not in cache:
            query = f"SELECT DISTINCT ?c WHERE {{ ?c <http://www.w3.org/2000/01/rdf-schema#subClassOf>* {_n3(cls)} }}"
            found = {row["c"] for row in store.query(query, use_default_graph_as_union=True)}
            cache[cls] = sorted({_n3(cls), *(str(c) for c in found)})
        return cache[cls]

    compiler = _Compiler(shapes, closure)
    checks = list(compiler.checks())

    def evaluate(check: _Check) -> tuple[list[Any], float]:
        started = time.perf_counter()
        try:
            rows = list(store.query(check.query, use_default_graph_as_union=True))
        except SyntaxError as error:
            raise UnsupportedShapeError(f"{check.shape}: the compiled query does not parse: {error}") from None
        return rows, time.perf_counter() - started

    # Oxigraph releases the GIL while it evaluates, so the checks share the cores
    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        answers = list(pool.map(evaluate, checks))
    results = []
    for check, (rows, seconds) in zip(checks, answers, strict=True):
        message = compiler.message(check.constraint, check.shape)
        severity = compiler.severity(check.constraint, check.shape)
        for row in rows:
            for value in _violations(check, row):
                results.append(RawResult(row["this"].value, check.path, message, severity, str(check.shape), value))
        if timings is not None:
            key = f"{check.shape} {check.path or ''} {check.kind}"
            timings[key] = timings.get(key, 0.0) + seconds
    return results
