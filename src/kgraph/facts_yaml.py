"""facts.yaml as YAML, read strictly, and each of its mappings read key by key, every key with one type.

A person writes facts.yaml and the graph must not say what they did not mean, so: ``implied: "no"`` is text, not
false; numbers, dates and language tags are only those RDF and both our stores (rdflib, Oxigraph) read alike;
YAML's anchors and aliases (an alias bomb of 474 bytes once took 2.8 GB), merge keys, keys that are lists or
mappings, and tags beyond plain text, numbers, true/false, dates, lists and mappings are refused while the YAML
is read, before anything is built; nesting is bounded before Python's stack is. Every mistake is a FactsError
naming the file and line, and quoting at most a short prefix of the value (``kgraph.model.shown``).

>>> document = load_yaml("fact: {s: putin, implied: 'no'}\\n", "facts.yaml")
>>> Spec(document["fact"], "facts.yaml", 1, "fact #1", ("s", "implied")).flag("implied")
Traceback (most recent call last):
...
kgraph.errors.FactsError: facts.yaml:1: fact #1: implied must be true or false, got text 'no'
"""

import functools
import math
import re
from collections.abc import Collection
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import yaml
from yaml.composer import ComposerError
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import FactsError
from .model import YearMonth, shown
from .namespaces import expand_term

MAX_NESTING = 20
"""Most lists and mappings one inside another (the format needs 5); deeper input is refused as it is read."""
MAX_DIGITS = 18
"""Most digits of a number before its decimal point: Oxigraph reads a larger xsd:integer as no number at all."""
MAX_DECIMALS = 9
"""Most digits of a figure after its decimal point (with 18 before it, within a Decimal's 28 digits)."""

_expand_term = functools.lru_cache(maxsize=1024)(expand_term)
"""expand_term gathers a namespace's declared terms on every call (a third of the seed's reading time)."""
_NUMBER = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]{1,9})?")
_SURROGATE = re.compile("[\ud800-\udfff]")
"""A lone surrogate (YAML's "\\ud800") is no character: no file can hold it in UTF-8, so nothing could be written."""
_YEAR_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")
"""A month of a year as a time's value ("2019-12")."""
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Control characters but tab and newline: in a label or a value, never what a person means (evidence may quote
them, as the article has them)."""


class Lined(dict[Any, Any]):
    """A YAML mapping that knows its line, the line of each key and the line of each value."""

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.key_lines: dict[Any, int] = {}
        self.value_lines: dict[Any, int] = {}


class LinedList(list[Any]):
    """A YAML list that knows its line and the line of each item."""

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.lines: list[int] = []


def _line(node: Node) -> int:
    return int(node.start_mark.line) + 1


def _refuse(node: Node, message: str) -> ConstructorError:
    return ConstructorError(None, None, message, node.start_mark)


def _construct_mapping(loader: SafeConstructor, node: MappingNode) -> Lined:
    mapping = Lined(_line(node))
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
            raise _refuse(key_node, "a key must be a plain name, not a list, mapping or <<")
        key = loader.construct_object(key_node)
        if key in mapping:
            raise _refuse(key_node, f"duplicate key {shown(key)} (first on line {mapping.key_lines[key]})")
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = _line(key_node)
        mapping.value_lines[key] = _line(value_node)
    return mapping


def _construct_list(loader: SafeConstructor, node: SequenceNode) -> LinedList:
    items = LinedList(_line(node))
    for item in node.value:
        items.append(loader.construct_object(item, deep=True))
        items.lines.append(_line(item))
    return items


def _construct_str(loader: SafeConstructor, node: ScalarNode) -> str:
    text = str(loader.construct_scalar(node))
    bad = _SURROGATE.search(text)
    if bad:
        raise _refuse(node, f"text {shown(text)} holds the lone surrogate U+{ord(bad.group()):04X}")
    return text


def _construct_int(loader: SafeConstructor, node: ScalarNode) -> int:
    # Python refuses int() of thousands of digits (and is slow before that): stop long before.
    if len(node.value) > 40:
        raise _refuse(node, f"the number {shown(node.value)} is too long")
    if not _DECIMAL_INT.fullmatch(node.value):  # YAML 1.1 reads "1:30" as 90, "017" as 15, "0x1F" as 31
        number = int(loader.construct_yaml_int(node))
        raise _refuse(node, f"{shown(node.value)} would be read as {number}: write decimal digits, or quote it")
    return int(node.value)


_DECIMAL_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")


def _construct_timestamp(loader: SafeConstructor, node: ScalarNode) -> date:
    try:
        return loader.construct_yaml_timestamp(node)
    except (ValueError, OverflowError):
        raise _refuse(node, f"{shown(node.value)} is not a valid date") from None


def _construct_other(loader: SafeConstructor, node: Node) -> Any:
    raise _refuse(node, f"the tag {shown(node.tag)} is not part of the facts format")


_CONSTRUCTORS = {
    "tag:yaml.org,2002:null": SafeConstructor.construct_yaml_null,
    "tag:yaml.org,2002:bool": SafeConstructor.construct_yaml_bool,
    "tag:yaml.org,2002:int": _construct_int,
    "tag:yaml.org,2002:float": SafeConstructor.construct_yaml_float,
    "tag:yaml.org,2002:str": _construct_str,
    "tag:yaml.org,2002:value": _construct_str,
    "tag:yaml.org,2002:timestamp": _construct_timestamp,
    "tag:yaml.org,2002:seq": _construct_list,
    "tag:yaml.org,2002:map": _construct_mapping,
    None: _construct_other,
}
"""The only values the format has: YAML's plain scalars, lists and mappings (no sets, binary, merge keys, …)."""

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser when PyYAML has it: it reads the seed's facts seven times faster than PyYAML's own."""


def _refuse_aliases_and_depth(text: str) -> None:
    """Read the YAML events (the parsers keep no call stack of their own) and refuse anchors, aliases, tags and
    deep nesting before any node is built: composing aliases is how a few bytes become gigabytes, and the
    composer recurses once per level."""
    parser = _LOADER(text)
    try:
        depth = 0
        while parser.check_event():
            event = parser.get_event()
            if isinstance(event, AliasEvent) or getattr(event, "anchor", None) is not None:
                message = "YAML anchors and aliases (&name, *name) are not part of the facts format"
                raise ComposerError(None, None, message, event.start_mark)
            if getattr(event, "tag", None) not in (None, "!"):  # "!!bool maybe" reached a constructor unchecked
                message = f"YAML tags ({shown(event.tag)}) are not part of the facts format"
                raise ComposerError(None, None, message, event.start_mark)
            if isinstance(event, CollectionStartEvent):
                depth += 1
                if depth > MAX_NESTING:
                    message = f"lists and mappings nest deeper than {MAX_NESTING} levels"
                    raise ComposerError(None, None, message, event.start_mark)  # type: ignore[arg-type]
            elif isinstance(event, CollectionEndEvent):
                depth -= 1
    finally:
        parser.dispose()


def _position(text: str, line: int, column: int) -> str:
    """`line`:`column` counted from 1. At the end of a file without a last line break, libyaml names the line
    after the last one: name the end of the last line instead, as PyYAML does."""
    lines = text.splitlines()
    if lines and line >= len(lines) and not text.endswith(("\n", "\r", "\x85", "\u2028", "\u2029")):
        return f"{len(lines)}:{len(lines[-1]) + 1}"
    return f"{line + 1}:{column + 1}"


def load_yaml(text: str, where: str) -> Any:
    """The one YAML document in `text`: mappings are `Lined`, lists `LinedList`; FactsError names the line.

    >>> load_yaml("a: [1, 2]\\nb: 2019-11-07\\n", "facts.yaml")
    {'a': [1, 2], 'b': datetime.date(2019, 11, 7)}
    >>> load_yaml("a: &x [1]\\nb: *x\\n", "facts.yaml")
    Traceback (most recent call last):
    ...
    kgraph.errors.FactsError: facts.yaml:1:4: YAML syntax error: YAML anchors and aliases (&name, *name) are not ...
    """
    try:
        _refuse_aliases_and_depth(text)
        loader = _LOADER(text)
        loader.yaml_constructors = _CONSTRUCTORS
        loader.yaml_multi_constructors = {}
        try:
            return loader.get_single_data()
        finally:
            loader.dispose()
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{_position(text, mark.line, mark.column)}" if mark else ""
        problem = str(getattr(error, "problem", None) or error)
        problem = problem if len(problem) <= 200 else problem[:199] + "…"
        raise FactsError(f"{where}{line}: YAML syntax error: {problem}") from None


def kind(value: Any) -> str:
    """What a person wrote, in YAML's words, for "expected X, got Y".

    >>> kind([1]), kind("no"), kind(None), kind(1.5)
    ('a list', "text 'no'", 'nothing', 'a number (1.5)')
    """
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"true/false ({shown(value)})"
    if isinstance(value, str):
        return f"text {shown(value)}"
    if isinstance(value, datetime | date):
        return f"a date ({value.isoformat()})"
    return f"a number ({shown(value)})"


LISTED = 16
"""Choices an error message lists at most: the 37 units in full would make it a paragraph."""


def listed(choices: Collection[str]) -> str:
    """`choices` for an error message: all of them, or the first `LISTED` and how many there are.

    >>> listed(["a", "b"]), listed([str(n) for n in range(40)])[-21:]
    ('a, b', '14, 15, … (40 in all)')
    """
    first = list(choices)[:LISTED]
    return ", ".join(first) + (f", … ({len(choices)} in all)" if len(choices) > LISTED else "")


def failure(where: str, line: int, item: str, message: str) -> FactsError:
    """The error for a mistake in `item` at `line` of the file `where`."""
    return FactsError(f"{where}:{line}: {item}: {message}")


class Spec:
    """One mapping of the document (an entity, a fact, a time) and its name in messages; its keys are read
    with their types, and a key left empty (null) is as good as absent, unless it is required."""

    def __init__(
        self, node: Any, where: str, line: int, item: str, allowed: Collection[str], required: Collection[str] = ()
    ) -> None:
        self.where, self.item = where, item
        if not isinstance(node, Lined):
            raise failure(where, line, item, f"expected a mapping ({', '.join(allowed)}), got {kind(node)}")
        self.node = node
        for key in node:
            if key not in allowed:
                message = f"unknown key {shown(key)}; expected one of {', '.join(allowed)}"
                raise failure(where, node.key_lines[key], item, message)
        for key in required:
            if key not in node:
                raise self.fail(None, f"missing {key!r}")
            if node[key] is None:
                raise self.fail(key, f"{key!r} is empty")

    def __contains__(self, key: str) -> bool:
        return self.node.get(key) is not None

    def get(self, key: str) -> Any:
        return self.node.get(key)

    def line(self, key: str | None) -> int:
        """The line of the value of `key`, or of the mapping."""
        return self.node.value_lines.get(key, self.node.line)

    def fail(self, key: str | None, message: str) -> FactsError:
        return failure(self.where, self.line(key), self.item, message)

    def fail_at(self, line: int, message: str) -> FactsError:
        return failure(self.where, line, self.item, message)

    def spec(self, key: str, allowed: Collection[str], required: Collection[str] = ()) -> "Spec":
        """The mapping under `key`."""
        return Spec(self.node.get(key), self.where, self.line(key), self.item, allowed, required)

    def items(self, key: str) -> list[tuple[Any, int]]:
        """The value of `key` as a list of (item, line): one item, or each of a list's."""
        value = self.node.get(key)
        if isinstance(value, LinedList):
            return list(zip(value, value.lines, strict=True))
        return [] if value is None else [(value, self.line(key))]

    def text(self, key: str, *, verbatim: bool = False) -> str | None:
        """Text, never a list, number or true/false: more than spaces and no control characters, or, `verbatim`
        (the article's words as evidence), any text but empty."""
        value = self.node.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not (value if verbatim else value.strip()):
            raise self.fail(key, f"{key} must be text, got {kind(value)}")
        control = None if verbatim else _CONTROL.search(value)
        if control:
            raise self.fail(key, f"{key} {shown(value)} holds the control character U+{ord(control.group()):04X}")
        return value

    def choice(self, key: str, choices: Collection[str], default: str | None = None) -> str | None:
        value = self.node.get(key)
        if value is None:
            return default
        if not isinstance(value, str) or value not in choices:
            raise self.fail(key, f"{key} {shown(value)} is not one of {listed(choices)}")
        return value

    def flag(self, key: str) -> bool:
        """true or false as YAML writes them, unquoted (yes/no too); "no" in quotes is text."""
        value = self.node.get(key)
        if value is None:
            return False
        if not isinstance(value, bool):
            raise self.fail(key, f"{key} must be true or false, got {kind(value)}")
        return value

    def term(self, key: str) -> str:
        """A CURIE of a declared term (``schema:location``)."""
        value = self.node.get(key)
        if not isinstance(value, str) or len(value) > 100:
            raise self.fail(key, f"{key} must be a CURIE such as schema:location, got {kind(value)}")
        try:
            _expand_term(value)
        except ValueError as error:
            raise self.fail(key, str(error)) from None
        return value

    def ident(self, key: str, known: Collection[str], what: str = "entity") -> str | None:
        """The id of one of the `known` items, or None when `key` is absent."""
        if isinstance(self.node.get(key), list):
            raise self.fail(key, f"{key} is one {what} id, got a list")
        idents = self._idents(key, known, what)
        return idents[0] if idents else None

    def idents(self, key: str, known: Collection[str], *, at_least_one: bool = False) -> tuple[str, ...]:
        """The ids of `known` entities: one id or a list of them."""
        idents = self._idents(key, known, "entity")
        if at_least_one and not idents:
            raise self.fail(key, f"{key} names no entity")
        return idents

    def _idents(self, key: str, known: Collection[str], what: str) -> tuple[str, ...]:
        idents = []
        for ident, line in self.items(key):
            if not isinstance(ident, str) or ident not in known:
                raise self.fail_at(line, f"unknown {what} {shown(ident) if isinstance(ident, str) else kind(ident)}")
            idents.append(ident)
        return tuple(idents)

    def confidence(self) -> float | None:
        value = self.node.get("confidence")
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
            raise self.fail("confidence", f"confidence {shown(value)} is not a number from 0 to 1")
        return float(value)

    def number(self, key: str) -> Decimal:
        """A figure: a YAML number or a number as text ("1 600"), finite, below 10^18, at most 9 decimals."""
        value = self.node.get(key)
        text = str(value).replace(" ", "") if isinstance(value, str | int | float) else ""
        if isinstance(value, bool) or not _NUMBER.fullmatch(text):
            finite = not isinstance(value, float) or math.isfinite(value)
            raise self.fail(key, f"{key} {shown(value)} is not a {'' if finite else 'finite '}number")
        number = Decimal(text)
        # Read off its digits: Decimal arithmetic would overflow (1e999999999) or round (past 28 digits).
        _, digits, exponent = number.as_tuple()
        significant = "".join(map(str, digits)).rstrip("0")
        decimals = -(int(exponent) + len(digits) - len(significant))
        if significant and (number.adjusted() >= MAX_DIGITS or decimals > MAX_DECIMALS):
            message = f"{key} {shown(value)} is out of range: below 10^{MAX_DIGITS}, at most {MAX_DECIMALS} decimals"
            raise self.fail(key, message)
        return number

    def time_value(self, key: str) -> date | YearMonth | int | None:
        """A date (YYYY-MM-DD, not a date and time), a month ("YYYY-MM", xsd:gYearMonth) or a year from 1 to 9999
        (xsd:gYear as both stores read it)."""
        value = self.node.get(key)
        year = isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 9999
        month = _YEAR_MONTH.fullmatch(value) if isinstance(value, str) else None
        if month and month[1] > "0000" and "01" <= month[2] <= "12":
            return YearMonth(int(month[1]), int(month[2]))
        if not (value is None or year or type(value) is date):
            message = f"a date {key} is YYYY-MM-DD, YYYY-MM or a year from 1 to 9999, got {kind(value)}"
            raise self.fail(key, message)
        return value

    def language(self, key: str) -> str | None:
        """A BCP 47 language tag that both rdflib and Oxigraph accept, in lower case as Oxigraph keeps it."""
        from pyoxigraph import Literal as OxigraphLiteral
        from rdflib import Literal

        tag = self.node.get(key)
        if tag is None:
            return None
        if isinstance(tag, str) and len(tag) <= 35:
            try:
                Literal("", lang=tag)
                return str(OxigraphLiteral("", language=tag).language)
            except ValueError:
                pass
        raise self.fail(key, f"{key} {shown(tag)} is not a language tag (BCP 47) such as ru, en or en-GB")
