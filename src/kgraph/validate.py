"""Stage 4: SHACL validation of a graph against our shapes, as a named report a person can read.

Three engines (ENGINES): "sparql" compiles the shapes to SPARQL and runs them on Oxigraph (kgraph.shacl_sparql),
"pyshacl" is the reference, and "auto" (the default) is "sparql" unless the shapes use a feature it does not
compile: then pySHACL validates, and the report's notes say why.

>>> from rdflib import Graph
>>> report = validate(Graph())
>>> report.conforms, report.results, report.notes
(True, (), ())
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH

from .errors import QueryError, RDFInputError
from .model import shown
from .namespaces import shorten
from .rdfio import union_graph
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
        focus = f"{_cut(self.focus)} ({_cut(self.label)})" if self.label else _cut(self.focus)
        path = f" {self.path}" if self.path else ""
        value = f" [value: {_cut(self.value)}]" if self.value else ""
        return f"{self.severity}: {focus}{path}: {_cut(self.message, 1000)}{value}"


def _cut(text: str, most: int = 200) -> str:
    """`text` as a report line shows it: a 10,000-character label or value is cut, not printed whole.

    >>> _cut("x" * 500)[-3:], len(_cut("x" * 500))
    ('xx…', 200)
    """
    return text if len(text) <= most else text[: most - 1] + "…"


@dataclass(frozen=True)
class ValidationReport:
    """Whether the graph conforms, every result, and the report as text; notes on how it was validated."""

    conforms: bool
    results: tuple[Violation, ...]
    notes: tuple[str, ...] = field(default=(), compare=False)

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


def load_shapes(path: Path | None = None) -> Graph:
    """The SHACL shapes graph (ours by default), read as every RDF input is (`kgraph.rdfio`).

    RDFInputError names a file that does not parse, or one whose SPARQL (sh:select, sh:ask) would reach other
    servers with SERVICE: both engines would run it, and validation reads no data but what it is given.
    """
    from .query.guard import check_query
    from .rdfio import read_dataset

    path = path or shapes_path()
    shapes = union_graph(read_dataset(path))
    for predicate in (SH.select, SH.ask, SH.construct):
        for shape, text in shapes.subject_objects(predicate):
            try:
                check_query(str(text))
            except QueryError as error:
                raise RDFInputError(f"{path}: the SPARQL of {shape.n3()}: {error}") from None
    # a declared prefix is written into each query as "PREFIX p: <namespace>": text that could end the IRI
    # would be query text of its own (a SERVICE, a clause that makes a check find nothing)
    for declaration, prefix in shapes.subject_objects(SH.prefix):
        if not _PREFIX_NAME.fullmatch(str(prefix)):
            raise RDFInputError(f"{path}: {declaration.n3()} sh:prefix {shown(str(prefix))} is no SPARQL prefix name")
    for declaration, namespace in shapes.subject_objects(SH.namespace):
        if not isinstance(namespace, URIRef | Literal) or not _NAMESPACE_IRI.fullmatch(str(namespace)):
            raise RDFInputError(f"{path}: {declaration.n3()} sh:namespace {shown(str(namespace))} is no IRI")
    return shapes


_PREFIX_NAME = re.compile(r"(?:[^\W\d_](?:[\w.-]*[\w-])?)?")
_NAMESPACE_IRI = re.compile(r"[^<>\"{}|^`\\\x00-\x20]+")


ENGINES = ("auto", "sparql", "pyshacl")
"""Validation engines: our SHACL-to-SPARQL compiler on pyoxigraph (fast), pySHACL (the reference), and "auto"
(the default): the compiler, or pySHACL for shapes it cannot compile."""

_LABELS = "SELECT ?node ?label WHERE {{ VALUES ?node {{ {nodes} }} ?node " + RDFS.label.n3() + " ?label }}"


def _report(results: list[Violation]) -> ValidationReport:
    results.sort(key=lambda v: (v.focus, v.path or "", v.message, v.value or "", v.shape))
    conforms = all(v.severity == "Info" for v in results)  # a custom severity is no Info either
    return ValidationReport(conforms=conforms, results=tuple(results))


def _ontology_store() -> Any:
    from pyoxigraph import RdfFormat, Store

    store = Store()
    store.load(path=str(ontology_path()), format=RdfFormat.TURTLE)
    return store


def validate_store(store: Any, shapes: Path | None = None) -> ValidationReport:
    """Validate the union of all graphs of a pyoxigraph store with the SPARQL engine (the ontology is added).

    UnsupportedShapeError when the shapes use a feature the engine does not compile.
    """
    return _validate_store(store, load_shapes(shapes))


def _validate_store(
    store: Any, shapes_graph: Graph, keeping_labels: Callable[[], Any] | None = None
) -> ValidationReport:
    """The report of the SPARQL engine on `store`; a result naming a blank node is found again in the store
    `keeping_labels` gives, whose blank nodes have the file's labels (as pySHACL reports them)."""
    raw, labels = _run(store, shapes_graph)
    if keeping_labels is not None and any(r.blank for r in raw):
        raw, labels = _run(keeping_labels(), shapes_graph)
    results = []
    for r in raw:
        names = labels.get(r.focus, {}) if r.focus_is_iri else {}
        results.append(
            Violation(
                focus=r.focus,
                label=names.get("en") or names.get("ru") or next(iter(names.values()), None),
                path=shorten(r.path) if r.path else None,
                message=r.message,
                severity=shorten(r.severity).removeprefix("sh:"),
                shape=r.shape,
                value=r.value,
            )
        )
    return _report(results)


def _run(store: Any, shapes_graph: Graph) -> tuple[list[Any], dict[str, dict[str, str]]]:
    """The raw results of the shapes on `store` (with the ontology beside the data), and the focus nodes' labels."""
    from pyoxigraph import NamedNode, Quad

    from .shacl_sparql import run_shapes

    ontology_graph = NamedNode("urn:kgraph:validation:ontology")
    store.extend(Quad(q.subject, q.predicate, q.object, ontology_graph) for q in _ontology_store())
    try:
        raw = run_shapes(store, shapes_graph)
        labels: dict[str, dict[str, str]] = {}
        focus_nodes = sorted({r.focus for r in raw if r.focus_is_iri})
        if focus_nodes:
            nodes = " ".join(f"<{n}>" for n in focus_nodes)
            for row in store.query(_LABELS.format(nodes=nodes), use_default_graph_as_union=True):
                labels.setdefault(row["node"].value, {})[row["label"].language or ""] = row["label"].value
    finally:
        store.remove_graph(ontology_graph)
    return raw, labels


def validate_file(path: Path, shapes: Path | None = None, engine: str = "auto") -> ValidationReport:
    """Validate an RDF file: the SPARQL engine parses it with Oxigraph, pySHACL with rdflib."""
    from .rdfio import read_dataset

    return _validate(lambda: _load_file(path), lambda: read_dataset(path), shapes, engine, lambda: _labelled(path))


def _load_file(path: Path) -> Any:
    """Parse an RDF file with Oxigraph, graphs as they are (the checks count distinct values)."""
    from .rdfio import store_file

    return store_file(path)


def _labelled(path: Path) -> Any:
    """The file in a store whose blank nodes keep the file's labels: slower to fill and to query than `_load_file`'s,
    read only when a result names a blank node."""
    from pyoxigraph import Store

    from .rdfio import load_file

    store = Store()
    load_file(store, path)
    return store


def validate(data: Graph | Dataset, shapes: Path | None = None, engine: str = "auto") -> ValidationReport:
    """Validate `data` (all its named graphs together) against the shapes, with the ontology's class tree."""
    return _validate(lambda: _oxigraph_store(data), lambda: data, shapes, engine)


def _validate(
    to_store: Callable[[], Any],
    to_graph: Callable[[], Graph | Dataset],
    shapes: Path | None,
    engine: str,
    keeping_labels: Callable[[], Any] | None = None,
) -> ValidationReport:
    """Validate with `engine`; "auto" falls back to pySHACL, with a note, for shapes the compiler refuses."""
    if engine not in ENGINES:
        from .errors import UsageError

        raise UsageError(f"unknown validation engine {engine!r}; expected one of {', '.join(ENGINES)}")
    shapes_graph = load_shapes(shapes)
    notes: tuple[str, ...] = ()
    if engine != "pyshacl":
        from .shacl_sparql import UnsupportedShapeError, check_supported

        try:
            check_supported(shapes_graph)  # before the data is read, which a fallback would read again
            return _validate_store(to_store(), shapes_graph, keeping_labels)
        except UnsupportedShapeError as error:
            if engine == "sparql":
                raise
            notes = (f"the SPARQL engine cannot compile {error.shape} {error.predicate}; validating with pySHACL",)
    return replace(_validate_with_pyshacl(to_graph(), shapes_graph, shapes), notes=notes)


def _oxigraph_store(data: Graph | Dataset) -> Any:
    from pyoxigraph import RdfFormat, Store

    store = Store()
    if isinstance(data, Dataset):
        store.load(data.serialize(format="nquads", encoding="utf-8"), format=RdfFormat.N_QUADS)
    else:
        store.load(data.serialize(format="nt", encoding="utf-8"), format=RdfFormat.N_TRIPLES)
    return store


def _validate_with_pyshacl(data: Graph | Dataset, shapes_graph: Graph, shapes: Path | None) -> ValidationReport:
    from pyshacl import validate as shacl_validate
    from pyshacl.errors import ConstraintLoadError, ShapeLoadError

    from .shacl_sparql import reported_shape, shape_name

    graph = union_graph(data)
    ontology = Graph().parse(str(ontology_path()), format="turtle")
    try:
        _, results_graph, text = shacl_validate(
            graph, shacl_graph=shapes_graph, ont_graph=ontology, inference="none", allow_infos=True
        )
    except (ShapeLoadError, ConstraintLoadError) as error:  # a shape it cannot read ("sh:minCount 1, 3")
        message = _cut(" ".join(str(getattr(error, "message", error)).split()), 300)
        raise RDFInputError(f"{shapes or shapes_path()}: pySHACL cannot use these shapes: {message}") from None
    if not isinstance(results_graph, Graph):  # pySHACL reports a broken shapes graph this way
        raise RDFInputError(f"{shapes or shapes_path()}: pySHACL cannot use these shapes: {text.strip()}")
    results = []
    # the report's own results only: those nested under sh:detail (by sh:node) explain one of them
    for report in results_graph.subjects(RDF.type, SH.ValidationReport):
        for result in results_graph.objects(report, SH.result):
            focus = results_graph.value(result, SH.focusNode)
            path = results_graph.value(result, SH.resultPath)
            value = results_graph.value(result, SH.value)
            source = results_graph.value(result, SH.sourceShape)
            results.append(
                Violation(
                    focus=str(focus),
                    label=_label(graph, focus),
                    path=shorten(path) if isinstance(path, URIRef) else None,
                    message=str(results_graph.value(result, SH.resultMessage) or "constraint violated"),
                    severity=shorten(results_graph.value(result, SH.resultSeverity)).removeprefix("sh:"),
                    shape=shape_name(shapes_graph, reported_shape(shapes_graph, source)),
                    value=None if value is None else str(value),
                )
            )
    return _report(results)
