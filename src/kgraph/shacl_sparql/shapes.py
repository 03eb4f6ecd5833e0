"""A shapes graph as the SPARQL compiler reads it, and how a shape is named in a report.

`ShapesReader` finds the top-level shapes and their targets (as a SPARQL pattern binding ?this), each shape's
path (as a SPARQL property path) and the parameters that ask for a check; anything it cannot compile raises
UnsupportedShapeError, naming the shape and the predicate.
"""

from collections.abc import Callable, Iterator
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH

from ..errors import KGraphError
from ..namespaces import shorten


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


VALUE_TYPE = frozenset(
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
PAIRS = frozenset({SH.equals, SH.disjoint, SH.lessThan, SH.lessThanOrEquals})
_PROPERTY_ONLY = frozenset(
    {SH.minCount, SH.maxCount, SH.qualifiedValueShape, SH.uniqueLang, SH.lessThan, SH.lessThanOrEquals}
)
_COMPILED = VALUE_TYPE | PAIRS | _PROPERTY_ONLY | {SH.hasValue, SH.closed, SH.property, SH.sparql}
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
_ONE_VALUE = (
    SH.minCount,
    SH.maxCount,
    SH.flags,
    SH.severity,
    SH.qualifiedMinCount,
    SH.qualifiedMaxCount,
    SH.closed,
    SH.select,
)
"""Parameters the compiler reads one value of (rdflib's `Graph.value`): a second one would be dropped unseen."""
_PATH_MODIFIERS: dict[Any, str] = {SH.zeroOrMorePath: "*", SH.oneOrMorePath: "+", SH.zeroOrOnePath: "?"}
_RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
ALWAYS_OPEN = f"!(sameTerm({{p}}, {_RDF_TYPE}) && sameTerm({{o}}, {RDFS.Resource.n3()}))"
"""sh:closed never reports `x rdf:type rdfs:Resource` (as pySHACL)."""
Closure = Callable[[Any], list[str]]
"""A class -> itself and all its subclasses (by rdfs:subClassOf in the data and the ontology), in N3."""


def is_true(value: Any) -> bool:
    """Whether a value in the shapes graph is the boolean true (of sh:closed, sh:deactivated...).

    >>> is_true(Literal(True)), is_true(Literal("true")), is_true(URIRef("http://ex.org/true"))
    (True, False, False)
    """
    return isinstance(value, Literal) and value.toPython() is True


def instance_of(variable: str, classes: list[str]) -> str:
    """A pattern: `variable` is an instance of one of `classes` (a class and all its subclasses).

    >>> instance_of("?v", ["<http://ex.org/C>"])
    '?v <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://ex.org/C>'
    """
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


class ShapesReader:
    """What a shapes graph says that the compiler needs: shapes, targets, paths and the parameters that ask for
    checks; raises UnsupportedShapeError for what is not compiled. Keeps the state of one compilation."""

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
        return any(is_true(value) for value in self.shapes.objects(shape, SH.deactivated))

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
        for single in _ONE_VALUE:
            if len(set(self.shapes.objects(shape, single))) > 1:
                raise self.unsupported(shape, single, "given more than once, and the compiler reads one")
        for predicate, value in self.shapes.predicate_objects(shape):  # in the file's order
            if predicate in _NOT_CHECKS:
                continue
            if predicate == SH.qualifiedValueShapesDisjoint:
                if is_true(value):
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
        patterns = [f"{{ {instance_of('?this', instances)} }}"] if instances else []
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

    def require_path(self, shape: Any, prop: Any) -> None:
        if self.path_of(prop) is None:
            raise self.unsupported(shape, SH.property, f"{shape_name(self.shapes, prop)} has no sh:path")

    def qualified_bounds(self, shape: Any) -> tuple[Any, Any]:
        return self.shapes.value(shape, SH.qualifiedMinCount), self.shapes.value(shape, SH.qualifiedMaxCount)

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
