"""The checks of the top-level shapes: SPARQL queries over the data whose rows are SHACL results.

Each shape's value-type components become one query over its value nodes (a flag per component); counts,
sh:hasValue, sh:closed, pairs of properties, sh:uniqueLang and each property shape get queries of their own, and so
do SPARQL constraints (sh:sparql), joined with the focus nodes where SHACL pre-binds $this.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from rdflib import URIRef
from rdflib.namespace import RDF, SH

from ..namespaces import shorten
from .conditions import ConditionCompiler, same_lang
from .shapes import ALWAYS_OPEN, VALUE_TYPE, is_true

_SPARQL_KEYS = frozenset({SH.select, SH.message, SH.prefixes, SH.deactivated, SH.name, SH.description, RDF.type})


@dataclass(frozen=True)
class Check:
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


class Compiler(ConditionCompiler):
    """Turns one shapes graph into the checks that validate a data graph against it, or raises."""

    def checks(self) -> Iterator[Check]:
        """Every check of every active shape that has a target."""
        for shape in self.top_level():
            if not self.deactivated(shape):
                yield from self.shape_checks(shape, self.targets(shape))

    def shape_checks(self, shape: Any, target: str) -> Iterator[Check]:
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
        later: list[Iterator[Check]] = []  # after the shape's own value and count checks, as they always ran
        for predicate, value in self.checked(shape, path_node):
            if predicate in VALUE_TYPE:
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
                    iter([Check(f"SELECT ?this WHERE {{ {target} FILTER ({test}) }}", shape, shape, shown, "focus")])
                )
            elif predicate == SH.closed:
                if is_true(value):
                    later.append(iter([self.closed_check(shape, target, edge("?node"))]))
            elif predicate == SH.property:
                self.require_path(shape, value)
                later.append(self.shape_checks(value, target if path is None else _values_as_focus(target, path)))
            elif predicate == SH.sparql:
                if path is not None:
                    raise self.unsupported(shape, predicate, "SPARQL constraints of property shapes are not compiled")
                later.append(self.sparql_constraint(shape, value, target))
            elif predicate == SH.uniqueLang:
                if is_true(value):
                    query = (
                        f"SELECT DISTINCT ?this ?lang WHERE {{ {target} ?this {path} ?a . ?this {path} ?b "
                        f"FILTER ({same_lang('?a', '?b')}) BIND (LCASE(lang(?a)) AS ?lang) }}"
                    )
                    later.append(iter([Check(query, shape, shape, shown, "focus")]))
            else:
                later.append(iter([self.pair_check(shape, predicate, value, target, path, shown)]))
        if conditions:
            flags = " ".join(f"?ok{i}" for i in range(len(conditions)))
            binds = " ".join(f"BIND (COALESCE({c}, false) AS ?ok{i})" for i, c in enumerate(conditions))
            failing = " && ".join(f"?ok{i}" for i in range(len(conditions)))
            query = f"SELECT DISTINCT ?this ?v {flags} WHERE {{ {target} {edge('?v')} {binds} FILTER (!({failing})) }}"
            yield Check(query, shape, shape, shown, "value", flags=len(conditions))
        if counted:
            least, most = self.shapes.value(shape, SH.minCount), self.shapes.value(shape, SH.maxCount)
            yield from self.count(shape, target, f"?this {path} ?v", shown, least, most)
        for checks in later:
            yield from checks
        self.stack.pop()

    def count(self, shape: Any, target: str, pattern: str, path: str | None, least: Any, most: Any) -> Iterator[Check]:
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
        yield Check(query, shape, shape, path, "count", min_count=low, max_count=high)

    def closed_check(self, shape: Any, target: str, edge: str) -> Check:
        allowed = self.allowed(shape)
        keep = f"FILTER (?path NOT IN ({', '.join(allowed)})) " if allowed else ""
        query = (
            f"SELECT DISTINCT ?this ?node ?path ?v WHERE {{ {target} {edge} ?node ?path ?v {keep}"
            f"FILTER ({ALWAYS_OPEN.format(p='?path', o='?v')}) }}"
        )
        return Check(query, shape, shape, None, "value", row_path=True)

    def pair_check(
        self, shape: Any, predicate: Any, value: Any, target: str, path: str | None, shown: str | None
    ) -> Check:
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
        return Check(f"SELECT DISTINCT {select} WHERE {{ {body} }}", shape, shape, shown, "value")

    def sparql_constraint(self, shape: Any, sparql: Any, target: str) -> Iterator[Check]:
        for key in self.shapes.predicates(sparql):
            if key not in _SPARQL_KEYS and str(key).startswith(str(SH)):
                raise self.unsupported(shape, SH.sparql, f"{shorten(key)} of a SPARQL constraint is not compiled")
        if any(is_true(d) for d in self.shapes.objects(sparql, SH.deactivated)):
            return
        if len(set(self.shapes.objects(sparql, SH.select))) > 1:
            raise self.unsupported(shape, SH.sparql, "a SPARQL constraint with more than one sh:select")
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
        yield Check(query, shape, sparql, None, "value", row_path="path" in selected, template=True)


def _values_as_focus(target: str, path: str) -> str:
    """The focus nodes of a property shape nested in another: the outer shape's value nodes."""
    outer = f"{{ SELECT (?this AS ?focus_) WHERE {{ {target} }} }}"
    return f"{{ SELECT DISTINCT ?this WHERE {{ {outer} ?focus_ {path} ?this }} }}"


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
