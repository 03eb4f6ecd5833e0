"""SHACL validation compiled to SPARQL and run by pyoxigraph: the fast engine behind `kgraph validate`.

pySHACL walks the graph in Python; on a million triples that takes minutes. Here every constraint of the shapes
graph becomes one SPARQL query over the data (with the ontology loaded beside it, as pySHACL's ``ont_graph``), so
the work is done by Oxigraph's engine. The compiler accounts for every triple of every shape it meets; what it
compiles is:

- shapes: node and property shapes, named or blank, typed or not. Top-level shapes are those with sh:targetClass,
  sh:targetNode, sh:targetSubjectsOf, sh:targetObjectsOf or an implicit class target (a shape that is also an
  rdfs:Class or owl:Class); from them, the shapes reached through sh:property, sh:node, sh:not, sh:and, sh:or,
  sh:xone and sh:qualifiedValueShape. A shape with sh:deactivated true is skipped, and conforms where nested;
- paths: predicates, sequences, sh:inversePath, sh:alternativePath, sh:zeroOrMorePath, sh:oneOrMorePath and
  sh:zeroOrOnePath;
- on node and property shapes: sh:class, sh:datatype, sh:nodeKind, sh:pattern with sh:flags, sh:languageIn,
  sh:in, sh:hasValue, sh:minInclusive, sh:maxInclusive, sh:minExclusive, sh:maxExclusive, sh:minLength,
  sh:maxLength, sh:not, sh:and, sh:or, sh:xone, sh:node, sh:property, sh:closed with sh:ignoredProperties,
  sh:equals and sh:disjoint;
- on property shapes: sh:minCount, sh:maxCount, sh:uniqueLang, sh:lessThan, sh:lessThanOrEquals, and
  sh:qualifiedValueShape with sh:qualifiedMinCount and sh:qualifiedMaxCount;
- sh:sparql on top-level node shapes, where joining the query's answers with the focus nodes gives what SHACL's
  pre-binding of $this gives: a SELECT of $this (and ?value, ?path, any others) without aggregates or solution
  modifiers, whose WHERE clause starts with a triple pattern on $this and nests groups only as FILTER [NOT]
  EXISTS or as an OPTIONAL directly in it (no BIND inside); sh:prefixes; messages citing {$this}, {?value},
  {?path} or any selected variable.

Documentation and presentation (sh:name, sh:description, sh:order, sh:group, sh:message, sh:severity,
sh:defaultValue, rdf:type) and predicates outside the SHACL namespace are ignored, as SHACL says. Everything else
raises ``UnsupportedShapeError`` naming the shape and the predicate, before any query runs: an unknown sh: term,
any other sh:sparql (on a property shape, in a nested shape, $PATH, UNION, subqueries...), a parameter of a
constraint component the shapes graph declares, sh:qualifiedValueShapesDisjoint true, recursive shapes, SHACL-AF
(sh:rule, sh:target...); and, once the data is loaded, a path of length zero from a sh:targetNode the data lacks
(Oxigraph, unlike SHACL, starts such paths only at nodes of the graph). So no shape is silently skipped.

Messages and severities come from the shape that holds the constraint ("constraint violated" where it has no
message; pySHACL then words its own). One difference is Oxigraph's, not the compiler's: it stores numbers and
booleans in canonical form, so "01"^^xsd:integer and 1 are one term to it (two to pySHACL), and values print
canonically. Tests check that both engines report the same results on the seed graph and every invalid fixture,
and on one small graph per feature.

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

from pyoxigraph import NamedNode
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH

from .errors import KGraphError
from .namespaces import shorten


class UnsupportedShapeError(KGraphError):
    """The shapes use a SHACL feature the SPARQL engine does not compile; names the shape and the predicate.

    >>> str(UnsupportedShapeError("ex:S", "sh:closed", "why"))
    'the SPARQL engine cannot compile ex:S sh:closed (why); validate with --engine pyshacl'
    """

    def __init__(self, shape: str, predicate: str, reason: str) -> None:
        super().__init__(
            f"the SPARQL engine cannot compile {shape} {predicate} ({reason}); validate with --engine pyshacl"
        )
        self.shape, self.predicate, self.reason = shape, predicate, reason


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


_VALUE_TYPE = frozenset(
    {
        SH["class"],
        SH.datatype,
        SH.nodeKind,
        SH.pattern,
        SH.languageIn,
        SH["in"],
        SH.minInclusive,
        SH.maxInclusive,
        SH.minExclusive,
        SH.maxExclusive,
        SH.minLength,
        SH.maxLength,
        SH["not"],
        SH["and"],
        SH["or"],
        SH.xone,
        SH.node,
    }
)
"""Components that test each value node alone: one result for each value node that fails, with that value."""
_PAIRS = frozenset({SH.equals, SH.disjoint, SH.lessThan, SH.lessThanOrEquals})
_PROPERTY_ONLY = frozenset(
    {SH.minCount, SH.maxCount, SH.qualifiedValueShape, SH.uniqueLang, SH.lessThan, SH.lessThanOrEquals}
)
_COMPILED = _VALUE_TYPE | _PAIRS | _PROPERTY_ONLY | {SH.hasValue, SH.closed, SH.property, SH.sparql}
"""The parameters that make a check of their own."""
_TARGETS = frozenset({SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target})
_NOT_CHECKS = _TARGETS | {
    SH.name,
    SH.description,
    SH.order,
    SH.group,
    SH.message,
    SH.severity,
    SH.deactivated,
    SH.defaultValue,
    RDF.type,
    SH.path,
    SH.flags,  # read with sh:pattern
    SH.ignoredProperties,  # with sh:closed
    SH.qualifiedMinCount,  # with sh:qualifiedValueShape
    SH.qualifiedMaxCount,
}
"""What a shape may say that is no check of its own: documentation, targets, its path, companion parameters."""
_SPARQL_KEYS = frozenset({SH.select, SH.message, SH.prefixes, SH.deactivated, SH.name, SH.description, RDF.type})
_NODE_KINDS = {
    SH.IRI: "isIRI({v})",
    SH.BlankNode: "isBlank({v})",
    SH.Literal: "isLiteral({v})",
    SH.BlankNodeOrIRI: "(isBlank({v}) || isIRI({v}))",
    SH.BlankNodeOrLiteral: "(isBlank({v}) || isLiteral({v}))",
    SH.IRIOrLiteral: "(isIRI({v}) || isLiteral({v}))",
}
_PATH_MODIFIERS: dict[Any, str] = {SH.zeroOrMorePath: "*", SH.oneOrMorePath: "+", SH.zeroOrOnePath: "?"}
_RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_ALWAYS_OPEN = f"!(sameTerm({{p}}, {_RDF_TYPE}) && sameTerm({{o}}, {RDFS.Resource.n3()}))"
"""sh:closed never reports `x rdf:type rdfs:Resource` (as pySHACL)."""
Closure = Callable[[Any], list[str]]
"""A class -> itself and all its subclasses (by rdfs:subClassOf in the data and the ontology), in N3."""


def _is_true(value: Any) -> bool:
    return isinstance(value, Literal) and value.toPython() is True


def _instance_of(variable: str, classes: list[str]) -> str:
    """A pattern: `variable` is an instance of one of `classes` (a class and all its subclasses)."""
    if len(classes) == 1:
        return f"{variable} {_RDF_TYPE} {classes[0]}"
    return f"VALUES ?class_ {{ {' '.join(classes)} }} {variable} {_RDF_TYPE} ?class_"


def reported_shape(shapes: Graph, source: Any) -> Any:
    """The shape a result is reported under: the node shape that holds a property shape or SPARQL constraint.

    Blank property shapes nested in blank ones are followed up to a named shape, so that both engines name it alike.
    """
    shape, seen = source, {source}
    while True:
        parent = next((p for link in (SH.property, SH.sparql) for p in shapes.subjects(link, shape)), None)
        if parent is None or parent in seen:
            return shape
        shape = parent
        seen.add(shape)
        if not isinstance(shape, BNode):
            return shape


def shape_name(shapes: Graph, shape: Any, depth: int = 0) -> str:
    """A shape as a person finds it in the file: its IRI, or for a blank node its path and what holds it.

    >>> shapes = Graph().parse(format="turtle", data='<http://ex.org/S> <http://www.w3.org/ns/shacl#property> '
    ...                        '[ <http://www.w3.org/ns/shacl#path> <http://ex.org/p> ] .')
    >>> shape_name(shapes, shapes.value(predicate=SH.path, any=False, object=URIRef("http://ex.org/p")))
    '[sh:path http://ex.org/p] of http://ex.org/S'
    """
    if not isinstance(shape, BNode):
        return shorten(shape)
    path = shapes.value(shape, SH.path)
    here = f"[sh:path {shorten(path)}]" if isinstance(path, URIRef) else "[a blank node]"
    node: Any = shape
    seen: set[Any] = set()
    while depth < 8 and node not in seen:  # up through rdf:first/rdf:rest to what holds the list
        seen.add(node)
        holder = next(shapes.subjects(None, node), None)
        if holder is None:
            break
        if (holder, RDF.first, node) in shapes or (holder, RDF.rest, node) in shapes:
            node = holder
            continue
        return f"{here} of {shape_name(shapes, holder, depth + 1)}"
    return here


@dataclass(frozen=True)
class _Check:
    """One SPARQL query and how to read its rows as SHACL results.

    kind "value": rows bind ?this and ?v, and ?ok0…?okN (one per constraint component; each false one is a
    result), or no flags at all (every row is a result); with row_path, ?p is the result's path. kind "focus":
    every row's ?this is a result without a value. kind "count": rows bind ?this and ?n, compared with min_count
    and max_count. `shape` holds the constraint (its severity), `constraint` gives the message; with template,
    the message cites the row's variables.
    """

    query: str
    shape: Any
    constraint: Any
    path: str | None
    kind: str
    flags: int = 0
    min_count: int | None = None
    max_count: int | None = None
    row_path: bool = False
    template: bool = False


class _Compiler:
    """Turns one shapes graph into the checks that validate a data graph against it, or raises."""

    def __init__(self, shapes: Graph, closure: Closure) -> None:
        self.shapes = shapes
        self.closure = closure
        self.custom = {shapes.value(p, SH.path) for p in shapes.objects(None, SH.parameter)}
        self.class_types = {OWL.Class, *shapes.transitive_subjects(RDFS.subClassOf, RDFS.Class)}
        self.stack: list[Any] = []  # the shapes being compiled, to refuse recursion
        self.fresh_names = 0
        self.nullable = False  # a path that may have length zero was compiled
        self.target_nodes: dict[Any, list[Any]] = {}

    def unsupported(self, shape: Any, predicate: Any, reason: str) -> UnsupportedShapeError:
        return UnsupportedShapeError(shape_name(self.shapes, shape), shorten(predicate), reason)

    def fresh(self) -> str:
        self.fresh_names += 1
        return f"?x{self.fresh_names}_"

    def n3(self, shape: Any, predicate: Any, term: Any) -> str:
        if isinstance(term, URIRef | Literal):
            return str(term.n3())
        raise self.unsupported(shape, predicate, f"a blank node {term} cannot be named in a query")

    def iri(self, shape: Any, predicate: Any, term: Any) -> str:
        if isinstance(term, URIRef):
            return str(term.n3())
        raise self.unsupported(shape, predicate, f"{term} is not an IRI")

    def integer(self, shape: Any, predicate: Any, value: Any) -> int:
        number = value.toPython() if isinstance(value, Literal) else None
        if isinstance(number, int) and not isinstance(number, bool):
            return number
        raise self.unsupported(shape, predicate, f"{value} is not an integer")

    def members(self, shape: Any, predicate: Any, head: Any) -> list[Any]:
        if head != RDF.nil and (head, RDF.first, None) not in self.shapes:
            raise self.unsupported(shape, predicate, f"{head} is not an RDF list")
        return list(Collection(self.shapes, head))

    def deactivated(self, shape: Any) -> bool:
        return any(_is_true(value) for value in self.shapes.objects(shape, SH.deactivated))

    def is_class(self, node: Any) -> bool:
        return any(t in self.class_types for t in self.shapes.objects(node, RDF.type))

    def top_level(self) -> list[Any]:
        """Every shape with targets, explicit or implicit (a shape that is also a class)."""
        found = {shape for target in _TARGETS for shape in self.shapes.subjects(target, None)}
        for node in set(self.shapes.subjects(RDF.type, None)):
            types = set(self.shapes.objects(node, RDF.type))
            is_shape = bool(types & {SH.NodeShape, SH.PropertyShape}) or any(
                p in _COMPILED for p in self.shapes.predicates(node)
            )
            if is_shape and self.is_class(node):
                found.add(node)
        return sorted((s for s in found if isinstance(s, URIRef | BNode)), key=str)

    def path_of(self, shape: Any) -> Any:
        paths = list(self.shapes.objects(shape, SH.path))
        if len(paths) > 1:
            raise self.unsupported(shape, SH.path, "a shape has at most one path")
        return paths[0] if paths else None

    def path(self, shape: Any, node: Any) -> str:
        """A SHACL path as a SPARQL property path."""
        if isinstance(node, URIRef):
            return str(node.n3())
        if not isinstance(node, BNode):
            raise self.unsupported(shape, SH.path, f"{node} is not a path")
        if (node, RDF.first, None) in self.shapes:
            return "(" + " / ".join(self.path(shape, step) for step in self.members(shape, SH.path, node)) + ")"
        pairs = list(self.shapes.predicate_objects(node))
        if len(pairs) != 1:
            raise self.unsupported(shape, SH.path, "a path node has exactly one predicate")
        kind, inner = pairs[0]
        if kind == SH.alternativePath:
            return "(" + " | ".join(self.path(shape, step) for step in self.members(shape, kind, inner)) + ")"
        if kind == SH.inversePath:
            return f"^({self.path(shape, inner)})"
        if kind in _PATH_MODIFIERS:
            self.nullable |= kind != SH.oneOrMorePath
            return f"({self.path(shape, inner)}){_PATH_MODIFIERS[kind]}"
        raise self.unsupported(shape, kind, "not a SHACL path")

    def checked(self, shape: Any, path: Any) -> Iterator[tuple[Any, Any]]:
        """Every (parameter, value) of `shape` that asks for a check; UnsupportedShapeError for what is not compiled."""
        for predicate, value in self.shapes.predicate_objects(shape):  # in the file's order
            if predicate in _NOT_CHECKS:
                continue
            if predicate == SH.qualifiedValueShapesDisjoint:
                if _is_true(value):
                    raise self.unsupported(shape, predicate, "sibling shapes are not compiled")
                continue
            if predicate in self.custom:
                raise self.unsupported(shape, predicate, "a parameter of a constraint component the shapes declare")
            if not str(predicate).startswith(str(SH)):
                continue  # SHACL ignores what it does not define
            if predicate not in _COMPILED:
                raise self.unsupported(shape, predicate, "not compiled")
            if path is None and predicate in _PROPERTY_ONLY:
                raise self.unsupported(shape, predicate, "only a property shape can have it")
            yield predicate, value

    def enter(self, shape: Any, predicate: Any) -> None:
        if shape in self.stack:
            raise self.unsupported(self.stack[-1], predicate, "recursive shapes are not compiled")
        self.stack.append(shape)

    def targets(self, shape: Any) -> str:
        if (shape, SH.target, None) in self.shapes:
            raise self.unsupported(shape, SH.target, "SHACL-AF custom targets are not compiled")
        classes = {*self.shapes.objects(shape, SH.targetClass), *([shape] if self.is_class(shape) else [])}
        instances = sorted({sub for c in classes for sub in self.closure(self.iri(shape, SH.targetClass, c))})
        patterns = [f"{{ {_instance_of('?this', instances)} }}"] if instances else []
        patterns += [
            f"{{ SELECT DISTINCT ?this WHERE {{ ?this {self.iri(shape, SH.targetSubjectsOf, p)} ?any }} }}"
            for p in sorted(self.shapes.objects(shape, SH.targetSubjectsOf), key=str)
        ]
        nodes = sorted(self.shapes.objects(shape, SH.targetNode), key=str)
        if nodes:
            self.target_nodes[shape] = nodes
            patterns.append(f"{{ VALUES ?this {{ {' '.join(self.n3(shape, SH.targetNode, n) for n in nodes)} }} }}")
        patterns += [
            f"{{ SELECT DISTINCT ?this WHERE {{ ?any {self.iri(shape, SH.targetObjectsOf, p)} ?this }} }}"
            for p in sorted(self.shapes.objects(shape, SH.targetObjectsOf), key=str)
        ]
        return "{ SELECT DISTINCT ?this WHERE { " + " UNION ".join(patterns) + " } }"

    def message(self, owner: Any) -> str:
        message = self.shapes.value(owner, SH.message)
        return str(message) if message is not None else "constraint violated"

    def severity(self, owner: Any) -> str:
        return str(self.shapes.value(owner, SH.severity) or SH.Violation)

    # --- conditions: SPARQL expressions that never raise an error -------------------------------------------

    def condition(self, shape: Any, component: Any, value: Any, v: str) -> str:
        """True when the node in variable `v` satisfies one value-type component of `shape`."""
        if component == SH["class"]:
            return f"EXISTS {{ {_instance_of(v, self.closure(self.iri(shape, component, value)))} }}"
        if component == SH.datatype:
            return f"(isLiteral({v}) && datatype({v}) = {self.iri(shape, component, value)})"
        if component == SH.nodeKind:
            if value not in _NODE_KINDS:
                raise self.unsupported(shape, component, f"{value} is not a node kind")
            return _NODE_KINDS[value].format(v=v)
        if component == SH.pattern:
            flags = self.shapes.value(shape, SH.flags)
            extra = f", {Literal(str(flags)).n3()}" if flags else ""
            return f"(!isBlank({v}) && REGEX(STR({v}), {Literal(str(value)).n3()}{extra}))"
        if component == SH.languageIn:
            tests = " || ".join(
                f"langMatches(lang({v}), {Literal(str(t)).n3()})" for t in self.members(shape, component, value)
            )
            return f"(isLiteral({v}) && ({tests or 'false'}))"
        if component == SH["in"]:
            terms = [self.n3(shape, component, t) for t in self.members(shape, component, value)]
            if all(t.startswith("<") for t in terms):  # IRIs: = is sameTerm
                return f"({v} IN ({', '.join(terms)}))"
            return "(" + (" || ".join(f"sameTerm({v}, {t})" for t in terms) or "false") + ")"
        bounds = {SH.minInclusive: ">=", SH.maxInclusive: "<=", SH.minExclusive: ">", SH.maxExclusive: "<"}
        if component in bounds:
            return f"COALESCE({v} {bounds[component]} {self.n3(shape, component, value)}, false)"
        if component in (SH.minLength, SH.maxLength):
            operator = ">=" if component == SH.minLength else "<="
            return f"(!isBlank({v}) && STRLEN(STR({v})) {operator} {self.integer(shape, component, value)})"
        if component == SH["not"]:
            return f"(!{self.conforms(value, v, component)})"
        if component == SH.node:
            return self.conforms(value, v, component)
        members = [self.conforms(m, v, component) for m in self.members(shape, component, value)]
        if component == SH["and"]:
            return "(" + (" && ".join(members) or "true") + ")"
        if component == SH["or"]:
            return "(" + (" || ".join(members) or "false") + ")"
        return "((" + (" + ".join(f"IF({m}, 1, 0)" for m in members) or "0") + ") = 1)"  # sh:xone

    def conforms(self, shape: Any, v: str, via: Any) -> str:
        """True when the node in variable `v` conforms to `shape` (reached through the parameter `via`)."""
        if (shape, None, None) not in self.shapes:  # a misspelt IRI would pass everything
            holder = self.stack[-1] if self.stack else shape
            raise self.unsupported(holder, via, f"{shape_name(self.shapes, shape)} is not described in the shapes")
        if self.deactivated(shape):
            return "true"
        self.enter(shape, via)
        path_node = self.path_of(shape)
        path = None if path_node is None else self.path(shape, path_node)
        node = v if path is None else self.fresh()  # the value nodes
        each: list[str] = []  # conditions on every value node
        whole: list[str] = []  # conditions on the set of value nodes
        counted = False
        for predicate, value in self.checked(shape, path_node):
            if predicate in _VALUE_TYPE:
                each.append(self.condition(shape, predicate, value, node))
            elif predicate == SH.property:
                self.require_path(shape, value)
                each.append(self.conforms(value, node, predicate))
            elif predicate == SH.closed:
                if _is_true(value):
                    each.append(self.closed_condition(shape, node))
            elif predicate == SH.hasValue:
                term = self.n3(shape, predicate, value)
                whole.append(f"sameTerm({v}, {term})" if path is None else f"EXISTS {{ {v} {path} {term} }}")
            elif predicate in (SH.minCount, SH.maxCount):
                counted = True
            elif predicate == SH.qualifiedValueShape:
                least, most = self.qualified_bounds(shape)
                whole.append(self.count_condition(shape, v, path, least, most, value))
            elif predicate == SH.uniqueLang:
                if _is_true(value):
                    a, b = self.fresh(), self.fresh()
                    whole.append(f"NOT EXISTS {{ {v} {path} {a} . {v} {path} {b} FILTER ({_same_lang(a, b)}) }}")
            elif predicate in _PAIRS:
                whole.append(self.pair_condition(shape, predicate, value, v, path))
            else:
                raise self.unsupported(shape, predicate, "a SPARQL constraint in a nested shape is not compiled")
        if counted:
            least, most = self.shapes.value(shape, SH.minCount), self.shapes.value(shape, SH.maxCount)
            whole.append(self.count_condition(shape, v, path, least, most, None))
        if path is None:
            parts = each + whole
        elif each:
            parts = [*whole, f"NOT EXISTS {{ {v} {path} {node} FILTER (!({' && '.join(each)})) }}"]
        else:
            parts = whole
        self.stack.pop()
        return "(" + " && ".join(parts or ["true"]) + ")"

    def require_path(self, shape: Any, prop: Any) -> None:
        if self.path_of(prop) is None:
            raise self.unsupported(shape, SH.property, f"{shape_name(self.shapes, prop)} has no sh:path")

    def qualified_bounds(self, shape: Any) -> tuple[Any, Any]:
        return self.shapes.value(shape, SH.qualifiedMinCount), self.shapes.value(shape, SH.qualifiedMaxCount)

    def count_condition(self, shape: Any, v: str, path: str | None, least: Any, most: Any, qualified: Any) -> str:
        y = self.fresh()
        where = f"{v} {path} {y}"
        if qualified is not None:
            where += f" FILTER ({self.conforms(qualified, y, SH.qualifiedValueShape)})"
        grouped = f"SELECT {v} WHERE {{ {where} }} GROUP BY {v} HAVING (COUNT(DISTINCT {y})"
        parts = []
        low = 0 if least is None else self.integer(shape, SH.minCount, least)
        if low > 0:
            parts.append(f"EXISTS {{ {grouped} >= {low}) }}")
        if most is not None:
            parts.append(f"NOT EXISTS {{ {grouped} > {self.integer(shape, SH.maxCount, most)}) }}")
        return "(" + (" && ".join(parts) or "true") + ")"

    def allowed(self, shape: Any) -> list[str]:
        """The predicates a closed shape allows: its property shapes' predicate paths and its ignored properties."""
        paths = {p for prop in self.shapes.objects(shape, SH.property) for p in self.shapes.objects(prop, SH.path)}
        ignored = {
            i
            for head in self.shapes.objects(shape, SH.ignoredProperties)
            for i in self.members(shape, SH.ignoredProperties, head)
        }
        return sorted(
            {str(p.n3()) for p in paths if isinstance(p, URIRef)}
            | {self.iri(shape, SH.ignoredProperties, i) for i in ignored}
        )

    def closed_condition(self, shape: Any, node: str) -> str:
        p, o = self.fresh(), self.fresh()
        allowed = self.allowed(shape)
        keep = f"{p} NOT IN ({', '.join(allowed)}) && " if allowed else ""
        return f"NOT EXISTS {{ {node} {p} {o} FILTER ({keep}{_ALWAYS_OPEN.format(p=p, o=o)}) }}"

    def pair_condition(self, shape: Any, predicate: Any, value: Any, v: str, path: str | None) -> str:
        other, y, z = self.iri(shape, predicate, value), self.fresh(), self.fresh()
        mine = f"{v} {path} {y}" if path else f"BIND ({v} AS {y})"
        if predicate == SH.equals:
            has = f"EXISTS {{ {v} {path} {y} }}" if path else f"sameTerm({v}, {y})"
            missing = f"NOT EXISTS {{ {mine} FILTER NOT EXISTS {{ {v} {other} {y} }} }}"
            return f"({missing} && NOT EXISTS {{ {v} {other} {y} FILTER (!{has}) }})"
        if predicate == SH.disjoint:
            return f"NOT EXISTS {{ {mine} . {v} {other} {y} }}" if path else f"NOT EXISTS {{ {v} {other} {v} }}"
        operator = "<" if predicate == SH.lessThan else "<="
        return f"NOT EXISTS {{ {mine} . {v} {other} {z} FILTER (!COALESCE({y} {operator} {z}, false)) }}"

    # --- checks: queries whose rows are results ------------------------------------------------------------

    def checks(self) -> Iterator[_Check]:
        """Every check of every active shape that has a target."""
        for shape in self.top_level():
            if not self.deactivated(shape):
                yield from self.shape_checks(shape, self.targets(shape))

    def shape_checks(self, shape: Any, target: str) -> Iterator[_Check]:
        """The checks of one shape on the focus nodes `target` binds to ?this."""
        if self.deactivated(shape):
            return
        self.enter(shape, SH.property)
        path_node = self.path_of(shape)
        path = None if path_node is None else self.path(shape, path_node)
        shown = str(path_node) if isinstance(path_node, URIRef) else None

        def edge(v: str) -> str:
            return f"BIND (?this AS {v})" if path is None else f"?this {path} {v} ."

        conditions: list[str] = []
        counted = False
        later: list[Iterator[_Check]] = []  # after the shape's own value and count checks, as they always ran
        for predicate, value in self.checked(shape, path_node):
            if predicate in _VALUE_TYPE:
                conditions.append(self.condition(shape, predicate, value, "?v"))
            elif predicate in (SH.minCount, SH.maxCount):
                counted = True
            elif predicate == SH.qualifiedValueShape:
                condition = self.conforms(value, "?v", predicate)
                least, most = self.qualified_bounds(shape)
                later.append(self.count(shape, target, f"?this {path} ?v FILTER ({condition})", shown, least, most))
            elif predicate == SH.hasValue:
                term = self.n3(shape, predicate, value)
                test = f"!sameTerm(?this, {term})" if path is None else f"NOT EXISTS {{ ?this {path} {term} }}"
                later.append(
                    iter([_Check(f"SELECT ?this WHERE {{ {target} FILTER ({test}) }}", shape, shape, shown, "focus")])
                )
            elif predicate == SH.closed:
                if _is_true(value):
                    later.append(iter([self.closed_check(shape, target, edge("?node"))]))
            elif predicate == SH.property:
                self.require_path(shape, value)
                later.append(self.shape_checks(value, target if path is None else _values_as_focus(target, path)))
            elif predicate == SH.sparql:
                if path is not None:
                    raise self.unsupported(shape, predicate, "SPARQL constraints of property shapes are not compiled")
                later.append(self.sparql_constraint(shape, value, target))
            elif predicate == SH.uniqueLang:
                if _is_true(value):
                    query = (
                        f"SELECT DISTINCT ?this ?lang WHERE {{ {target} ?this {path} ?a . ?this {path} ?b "
                        f"FILTER ({_same_lang('?a', '?b')}) BIND (LCASE(lang(?a)) AS ?lang) }}"
                    )
                    later.append(iter([_Check(query, shape, shape, shown, "focus")]))
            else:
                later.append(iter([self.pair_check(shape, predicate, value, target, path, shown)]))
        if conditions:
            flags = " ".join(f"?ok{i}" for i in range(len(conditions)))
            binds = " ".join(f"BIND (COALESCE({c}, false) AS ?ok{i})" for i, c in enumerate(conditions))
            failing = " && ".join(f"?ok{i}" for i in range(len(conditions)))
            query = f"SELECT DISTINCT ?this ?v {flags} WHERE {{ {target} {edge('?v')} {binds} FILTER (!({failing})) }}"
            yield _Check(query, shape, shape, shown, "value", flags=len(conditions))
        if counted:
            least, most = self.shapes.value(shape, SH.minCount), self.shapes.value(shape, SH.maxCount)
            yield from self.count(shape, target, f"?this {path} ?v", shown, least, most)
        for checks in later:
            yield from checks
        self.stack.pop()

    def count(self, shape: Any, target: str, pattern: str, path: str | None, least: Any, most: Any) -> Iterator[_Check]:
        bounds = []  # HAVING cannot see the ?n alias: it repeats the aggregate
        low = None if least is None else self.integer(shape, SH.minCount, least)
        high = None if most is None else self.integer(shape, SH.maxCount, most)
        if low is not None:
            bounds.append(f"COUNT(DISTINCT ?v) < {low}")
        if high is not None:
            bounds.append(f"COUNT(DISTINCT ?v) > {high}")
        if not bounds:
            return
        query = (
            f"SELECT ?this (COUNT(DISTINCT ?v) AS ?n) WHERE {{ {target} OPTIONAL {{ {pattern} }} }} "
            f"GROUP BY ?this HAVING ({' || '.join(bounds)})"
        )
        yield _Check(query, shape, shape, path, "count", min_count=low, max_count=high)

    def closed_check(self, shape: Any, target: str, edge: str) -> _Check:
        allowed = self.allowed(shape)
        keep = f"FILTER (?path NOT IN ({', '.join(allowed)})) " if allowed else ""
        query = (
            f"SELECT DISTINCT ?this ?node ?path ?v WHERE {{ {target} {edge} ?node ?path ?v {keep}"
            f"FILTER ({_ALWAYS_OPEN.format(p='?path', o='?v')}) }}"
        )
        return _Check(query, shape, shape, None, "value", row_path=True)

    def pair_check(
        self, shape: Any, predicate: Any, value: Any, target: str, path: str | None, shown: str | None
    ) -> _Check:
        other = self.iri(shape, predicate, value)
        mine = "BIND (?this AS ?v)" if path is None else f"?this {path} ?v ."
        select = "?this ?v"
        if predicate == SH.equals:
            has = "sameTerm(?this, ?v)" if path is None else f"EXISTS {{ ?this {path} ?v }}"
            body = (
                f"{{ {target} {mine} FILTER NOT EXISTS {{ ?this {other} ?v }} }} UNION "
                f"{{ {target} ?this {other} ?v FILTER (!{has}) }}"
            )
        elif predicate == SH.disjoint:
            body = f"{target} {mine} ?this {other} ?v ."
        else:  # every pair of values: one result each, as pySHACL
            operator = "<" if predicate == SH.lessThan else "<="
            body = f"{target} {mine} ?this {other} ?o FILTER (!COALESCE(?v {operator} ?o, false))"
            select = "?this ?v ?o"
        return _Check(f"SELECT DISTINCT {select} WHERE {{ {body} }}", shape, shape, shown, "value")

    def sparql_constraint(self, shape: Any, sparql: Any, target: str) -> Iterator[_Check]:
        for key in self.shapes.predicates(sparql):
            if key not in _SPARQL_KEYS and str(key).startswith(str(SH)):
                raise self.unsupported(shape, SH.sparql, f"{shorten(key)} of a SPARQL constraint is not compiled")
        if any(_is_true(d) for d in self.shapes.objects(sparql, SH.deactivated)):
            return
        select = self.shapes.value(sparql, SH.select)
        if select is None:
            raise self.unsupported(shape, SH.sparql, "a SPARQL constraint without sh:select")
        inner = _dollars(str(select))
        selected = _selected(inner)
        if isinstance(selected, str):
            raise self.unsupported(shape, SH.sparql, selected)
        prefixes = ""
        for declarer in self.shapes.objects(sparql, SH.prefixes):
            for declaration in self.shapes.objects(declarer, SH.declare):
                prefix = self.shapes.value(declaration, SH.prefix)
                namespace = self.shapes.value(declaration, SH.namespace)
                prefixes += f"PREFIX {prefix}: <{namespace}>\n"
        value = "?value" if "value" in selected else "(?this AS ?value)"
        extra = "".join(f" ?{name}" for name in sorted(selected - {"this", "value"}))
        query = (
            f"{prefixes}SELECT DISTINCT ?this ?v{extra} WHERE {{ {target} "
            f"{{ SELECT ?this {value}{extra} WHERE {{ {{ {inner} }} }} }} BIND (?value AS ?v) }}"
        )
        yield _Check(query, shape, sparql, None, "value", row_path="path" in selected, template=True)


def _values_as_focus(target: str, path: str) -> str:
    """The focus nodes of a property shape nested in another: the outer shape's value nodes."""
    outer = f"{{ SELECT (?this AS ?focus_) WHERE {{ {target} }} }}"
    return f"{{ SELECT DISTINCT ?this WHERE {{ {outer} ?focus_ {path} ?this }} }}"


def _same_lang(a: str, b: str) -> str:
    return f'!sameTerm({a}, {b}) && lang({a}) != "" && LCASE(lang({a})) = LCASE(lang({b}))'


_TOKENS = re.compile(
    r"""(<[^<>"{}|^`\\\s]*>|\"\"\"[\s\S]*?\"\"\"|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|#[^\n]*)"""
    r"|\$(\w+)"
)
"""An IRI, a string or a comment (group 1), or a $variable (group 2)."""


def _dollars(query: str) -> str:
    """The query with each $var written ?var (the same variable), IRIs, strings and comments untouched."""
    return _TOKENS.sub(lambda m: m[1] if m[1] is not None else f"?{m[2]}", query)


def _skeleton(query: str) -> str:
    """The query with IRIs, strings and comments blanked, so that braces and words in them do not count."""
    return _TOKENS.sub(lambda m: " " if m[1] is not None else m[0], query)


def _selected(select: str) -> set[str] | str:
    """The variables a SPARQL constraint's SELECT projects, or why joining it with the focus nodes could give
    other answers than pre-binding $this (SHACL's semantics) would.

    >>> sorted(_selected("SELECT ?this ?value WHERE { ?this <p> ?value FILTER NOT EXISTS { ?value <q> ?this } }"))
    ['this', 'value']
    >>> _selected("SELECT ?this WHERE { FILTER NOT EXISTS { ?this <p> ?o } }")
    'the WHERE clause must start with a triple pattern on $this'
    """
    match = re.fullmatch(
        r"\s*SELECT\s+(?:DISTINCT\s+|REDUCED\s+)?([^{]*?)\s*(?:WHERE\s*)?\{(.*)\}\s*", _skeleton(select), re.I | re.S
    )
    if match is None:
        return "only a SELECT without solution modifiers is compiled"
    projection, body = match.groups()
    if re.search(r"\?(PATH|currentShape|shapesGraph)\b", body):
        return "the pre-bound variables $PATH, $currentShape and $shapesGraph are not compiled"
    if "*" in projection or re.search(r"\b(COUNT|SUM|MIN|MAX|AVG|SAMPLE|GROUP_CONCAT)\s*\(", projection, re.I):
        return "SELECT * and aggregates are not compiled"
    while "(" in projection:  # (expression AS ?name) -> ?name, innermost first
        projection = re.sub(
            r"\(([^()]*)\)", lambda m: " ".join(re.findall(r"\bAS\s+(\?\w+)\s*$", m[1], re.I)) or " ", projection
        )
    selected = set(re.findall(r"\?(\w+)", projection))
    if "this" not in selected:
        return "the query must select $this"
    if re.search(r"\bAS\s+\?this\b", body, re.I) or not re.match(r"\s*\?this\s", body):
        return "the WHERE clause must start with a triple pattern on $this"
    groups: list[str] = []
    for token in re.finditer(r"[{}]|\bBIND\b", body, re.I):
        if token[0] == "}":
            if not groups:
                return "unbalanced braces"
            groups.pop()
            continue
        if token[0].upper() == "BIND":
            if "OPTIONAL" in groups and "EXISTS" not in groups:
                return "BIND inside OPTIONAL is not compiled"
            continue
        before = re.search(r"\b(OPTIONAL|EXISTS)\s*$", body[: token.start()], re.I)
        kind = before[1].upper() if before else ""
        if not kind or (kind == "OPTIONAL" and groups and "EXISTS" not in groups):
            return "only OPTIONAL and FILTER [NOT] EXISTS groups are compiled (no UNION, MINUS, VALUES, subqueries)"
        groups.append(kind)
    return selected


def _violations(check: _Check, row: Any) -> Iterator[tuple[str | None, str | None]]:
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
    kgraph.shacl_sparql.UnsupportedShapeError: the SPARQL engine cannot compile http://ex.org/S sh:js (not ...
    """
    list(_Compiler(shapes, lambda cls: [str(cls)]).checks())


def _check_target_nodes(compiler: _Compiler, store: Any) -> None:
    """Refuse a path of length zero from a target node the data lacks: Oxigraph would not start it there."""
    if not compiler.nullable:
        return
    for shape, nodes in compiler.target_nodes.items():
        for node in nodes:
            query = f"ASK {{ VALUES ?n {{ {node.n3()} }} {{ ?n ?p ?o }} UNION {{ ?s ?p ?n }} }}"
            if not store.query(query, use_default_graph_as_union=True):
                reason = f"a path of length zero from {shorten(node)}, which the data does not contain"
                raise compiler.unsupported(shape, SH.targetNode, reason)


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

    compiler = _Compiler(shapes, closure)
    checks = list(compiler.checks())
    _check_target_nodes(compiler, store)

    def evaluate(check: _Check) -> tuple[list[Any], float]:
        started = time.perf_counter()
        try:
            rows = list(store.query(check.query, use_default_graph_as_union=True))
        except SyntaxError as error:
            predicate = SH.sparql if check.template else "(its compiled query)"
            raise compiler.unsupported(check.shape, predicate, f"Oxigraph cannot parse it: {error}") from None
        return rows, time.perf_counter() - started

    # Oxigraph releases the GIL while it evaluates, so the checks share the cores
    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        answers = list(pool.map(evaluate, checks))
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
                results.append(RawResult(focus.value, path, text, severity, shape, value, isinstance(focus, NamedNode)))
        if timings is not None:
            key = f"{check.shape} {check.path or ''} {check.kind}"
            timings[key] = timings.get(key, 0.0) + seconds
    return results
