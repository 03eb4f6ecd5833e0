"""Stage 4: SHACL validation of a graph against our shapes, as a named report a person can read.

>>> from rdflib import Graph
>>> report = validate(Graph())
>>> report.conforms, report.results
(True, ())
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH

from .errors import RDFInputError
from .namespaces import shorten
from .rdfio import format_for_path, union_graph
from .resources import ontology_path, shapes_path


@dataclass(frozen=True)
class Violation:
    """One SHACL result: the focus node and its label, the path, the message, the severity and the shape."""

    focus: str
    label: str | None
    path: str | None
    message: str
    severity: str
    shape: str
    value: str | None = None

    def __str__(self) -> str:
        focus = f"{self.focus} ({self.label})" if self.label else self.focus
        path = f" {self.path}" if self.path else ""
        value = f" [value: {self.value}]" if self.value else ""
        return f"{self.severity}: {focus}{path}: {self.message}{value}"


@dataclass(frozen=True)
class ValidationReport:
    """Whether the graph conforms, every result, and the report as text."""

    conforms: bool
    results: tuple[Violation, ...]

    @property
    def text(self) -> str:
        """The report as lines a person reads: a verdict, then one line per result."""
        if self.conforms:
            return "Conforms: the graph satisfies every shape."
        lines = [f"Does not conform: {len(self.results)} result(s)."]
        lines.extend(f"- {result}" for result in self.results)
        return "\n".join(lines)


def _label(data: Graph, node: object) -> str | None:
    labels = {lbl.language: str(lbl) for lbl in data.objects(node, RDFS.label) if isinstance(lbl, Literal)}  # type: ignore[arg-type]
    return labels.get("en") or labels.get("ru") or next(iter(labels.values()), None)


def _node_shape(shapes: Graph, source: Any) -> object:
    """The named node shape a result came from, also when it came from one of its property shapes."""
    for link in (SH.property, SH.sparql):
        parent = shapes.value(predicate=link, object=source)
        if parent is not None:
            return parent
    return source


def load_shapes(path: Path | None = None) -> Graph:
    """The SHACL shapes graph (ours by default); RDFInputError names a file that does not parse."""
    path = path or shapes_path()
    shapes = Graph()
    try:
        shapes.parse(str(path), format=format_for_path(path).rdflib_name)
    except FileNotFoundError:
        raise RDFInputError(f"{path}: no such shapes file") from None
    except Exception as error:
        raise RDFInputError(f"{path}: not valid RDF: {' '.join(str(error).split())}") from None
    return shapes


def validate(data: Graph | Dataset, shapes: Path | None = None) -> ValidationReport:
    """Validate `data` (all its named graphs together) against the shapes, with the ontology's class tree."""
    from pyshacl import validate as shacl_validate

    graph = union_graph(data)
    ontology = Graph().parse(str(ontology_path()), format="turtle")
    shapes_graph = load_shapes(shapes)
    conforms, results_graph, _ = shacl_validate(
        graph, shacl_graph=shapes_graph, ont_graph=ontology, inference="none", allow_infos=True
    )
    results = []
    for result in results_graph.subjects(RDF.type, SH.ValidationResult):
        focus = results_graph.value(result, SH.focusNode)
        path = results_graph.value(result, SH.resultPath)
        value = results_graph.value(result, SH.value)
        results.append(
            Violation(
                focus=str(focus),
                label=_label(graph, focus),
                path=shorten(path) if isinstance(path, URIRef) else None,
                message=str(results_graph.value(result, SH.resultMessage) or "constraint violated"),
                severity=shorten(results_graph.value(result, SH.resultSeverity)).removeprefix("sh:"),
                shape=shorten(_node_shape(shapes_graph, results_graph.value(result, SH.sourceShape))),
                value=None if value is None else str(value),
            )
        )
    results.sort(key=lambda v: (v.focus, v.path or "", v.message))
    return ValidationReport(conforms=bool(conforms), results=tuple(results))
