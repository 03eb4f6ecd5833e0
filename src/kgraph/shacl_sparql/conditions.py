"""Constraints compiled to SPARQL expressions that never raise an error: true when a node satisfies them.

A nested shape (reached through sh:node, sh:not, sh:and, sh:or, sh:xone, sh:qualifiedValueShape or a property
shape inside one of them) becomes one such expression on the node, checked within the query of the top-level
shape that holds it.
"""

from typing import Any

from rdflib import Literal
from rdflib.namespace import SH

from .shapes import ALWAYS_OPEN, PAIRS, VALUE_TYPE, ShapesReader, instance_of, is_true, shape_name

_NODE_KINDS = {
    SH.IRI: "isIRI({v})",
    SH.BlankNode: "isBlank({v})",
    SH.Literal: "isLiteral({v})",
    SH.BlankNodeOrIRI: "(isBlank({v}) || isIRI({v}))",
    SH.BlankNodeOrLiteral: "(isBlank({v}) || isLiteral({v}))",
    SH.IRIOrLiteral: "(isIRI({v}) || isLiteral({v}))",
}


def same_lang(a: str, b: str) -> str:
    """An expression: the literals in variables `a` and `b` are two values in one language (sh:uniqueLang).

    >>> same_lang("?a", "?b")
    '!sameTerm(?a, ?b) && lang(?a) != "" && LCASE(lang(?a)) = LCASE(lang(?b))'
    """
    return f'!sameTerm({a}, {b}) && lang({a}) != "" && LCASE(lang({a})) = LCASE(lang({b}))'


class ConditionCompiler(ShapesReader):
    """Compiles value-type components and nested shapes to SPARQL expressions on a variable."""

    def condition(self, shape: Any, component: Any, value: Any, v: str) -> str:
        """True when the node in variable `v` satisfies one value-type component of `shape`."""
        if component == SH["class"]:
            return f"EXISTS {{ {instance_of(v, self.closure(self.iri(shape, component, value)))} }}"
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
            if predicate in VALUE_TYPE:
                each.append(self.condition(shape, predicate, value, node))
            elif predicate == SH.property:
                self.require_path(shape, value)
                each.append(self.conforms(value, node, predicate))
            elif predicate == SH.closed:
                if is_true(value):
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
                if is_true(value):
                    a, b = self.fresh(), self.fresh()
                    whole.append(f"NOT EXISTS {{ {v} {path} {a} . {v} {path} {b} FILTER ({same_lang(a, b)}) }}")
            elif predicate in PAIRS:
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

    def closed_condition(self, shape: Any, node: str) -> str:
        p, o = self.fresh(), self.fresh()
        allowed = self.allowed(shape)
        keep = f"{p} NOT IN ({', '.join(allowed)}) && " if allowed else ""
        return f"NOT EXISTS {{ {node} {p} {o} FILTER ({keep}{ALWAYS_OPEN.format(p=p, o=o)}) }}"

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
