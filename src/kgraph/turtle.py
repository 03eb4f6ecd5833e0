"""Turtle and TriG from N-Triples or N-Quads lines, our prefixes declared: linear, the lines' order kept.

pyoxigraph writes N-Triples (and N-Quads) in Rust; sorting those lines is what makes kgraph's output the same
bytes for the same graph; this writer then groups each subject's statements (``;`` and ``,``), graph by graph, and
shortens IRIs by our prefixes. pyoxigraph's own Turtle writer cannot be given sorted statements without making a
Python object of each, and it writes an IRI whose end holds "/", "#", "=" or "," as an escaped name
(``id:article\\/a\\/text\\#…``), which reads badly and which not every store's parser knows: here such IRIs stay
whole.

>>> a = b"<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
>>> lines = [
...     b"<https://w3id.org/kgraph/id/omsk> " + a + b" <https://schema.org/City>",
...     b'<https://w3id.org/kgraph/id/omsk> <http://www.w3.org/2000/01/rdf-schema#label> "Omsk"@en',
...     b'<https://w3id.org/kgraph/id/omsk> <http://www.w3.org/2000/01/rdf-schema#label> "Omsk"@fr',
... ]
>>> print(b"".join(statements(lines)).decode().strip().replace("\\t", "  "))
id:omsk a schema:City ;
  rdfs:label "Omsk"@en , "Omsk"@fr .
"""

import re
from collections.abc import Iterable, Iterator
from itertools import islice

from .namespaces import PREFIXES

_LOCAL_NAME = re.compile(rb"[A-Za-z_][A-Za-z0-9_-]*")
"""A local name written after a prefix as it is (no escapes, no dots: a subset of Turtle's PN_LOCAL)."""
_RDF_TYPE = b"<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_NAMESPACES = sorted(((p.encode(), b"<" + iri.encode()) for p, iri in PREFIXES.items()), key=lambda p: -len(p[1]))
_CHUNK = 20_000
"""Lines written at a time by `statements`, which streams."""
_MAX_TERMS = 1_000_000
"""Shortened terms `statements` keeps at most between chunks: a store's export streams in bounded memory."""


def header() -> bytes:
    """The ``@prefix`` lines of our prefixes."""
    return b"".join(b"@prefix %s: <%s> .\n" % (prefix.encode(), iri.encode()) for prefix, iri in PREFIXES.items())


def statements(lines: Iterable[bytes], indent: bytes = b"") -> Iterator[bytes]:
    """Turtle statements for N-Triples `lines` (each without its " ." and line end), in their order: consecutive
    lines about the same subject become one statement; a line equal to the one before it is written once. Each
    subject's lines must be consecutive for it to be written once (sorted lines, or a store's subject order)."""
    writer = _Triples(indent)
    lines = iter(lines)
    while chunk := list(islice(lines, _CHUNK)):
        yield writer.write(chunk)
        writer.forget(_MAX_TERMS)
    if writer.started:
        yield b" .\n"


def trig(lines: Iterable[bytes]) -> Iterator[bytes]:
    """The graphs of sorted N-Quads `lines` (without their line ends) as TriG, in the order of their names (the
    default graph's statements first, standing alone), each subject's statements of a graph as one statement."""
    writer = _Writer()
    writer.write(lines)
    for name in sorted(writer.graphs()):
        if name:
            yield name + b" {\n"
        yield b"".join(writer.take(name))
        yield b" .\n}\n" if name else b" .\n"


class _Triples:
    """Turtle statements of N-Triples lines (without their " ."), each distinct term shortened once: the loop that
    `statements` runs on every line, kept to a split, two comparisons and two lookups a line (the general
    `_Writer`, which also files lines under their graph, took about 1.4 times as long on 300k triples)."""

    def __init__(self, indent: bytes = b"") -> None:
        self._terms = _Terms()
        self._heads = _Heads(self._terms, b" ;\n\t" + indent)
        self._verbs = _Heads(self._terms, b" ")
        self._indent = indent
        self._subject: bytes | None = None
        self._predicate: bytes | None = None
        self._line_before: bytes | None = None

    @property
    def started(self) -> bool:
        """Whether a statement is open (written, not yet ended with " .")."""
        return self._subject is not None

    def forget(self, most: int) -> None:
        """Forget the shortened terms when more than `most` are kept (each is shortened again when next seen)."""
        if len(self._terms) > most:
            self._terms.clear()

    def write(self, lines: list[bytes]) -> bytes:
        """The Turtle of `lines`, following those written before; the last statement is left open."""
        terms, heads, verbs = self._terms, self._heads, self._verbs
        subject, predicate, line_before = self._subject, self._predicate, self._line_before
        start = b" .\n" + self._indent
        out: list[bytes] = []
        add = out.append
        for line in lines:
            if line == line_before:
                continue
            line_before = line
            s, p, o = line.split(b" ", 2)
            if s == subject:
                if p == predicate:
                    add(b" , ")
                else:
                    add(heads[p])
                    predicate = p
            else:
                add((self._indent if subject is None else start) + terms[s])
                add(verbs[p])
                subject, predicate = s, p
            add(terms[o] if o[-1] == 62 else o)  # ">": an IRI, or a literal's datatype
        self._subject, self._predicate, self._line_before = subject, predicate, line_before
        return b"".join(out)


class _Writer:
    """Turtle statements of N-Quads (or N-Triples) lines, kept graph by graph: a named graph's indented by a tab,
    the default graph's by `indent`; each distinct term and verb shortened once."""

    def __init__(self, indent: bytes = b"") -> None:
        self._terms = _Terms()
        self._heads = (_Heads(self._terms, b" ;\n\t" + indent), _Heads(self._terms, b" ;\n\t\t"))
        self._verbs = _Heads(self._terms, b" ")
        self._indents = (indent, b"\t")
        self._written: dict[bytes, list[bytes]] = {}
        self._last: dict[bytes, tuple[bytes | None, bytes | None]] = {}
        """Each graph's last subject and predicate, for lines of the graph still to come."""
        self._line_before: bytes | None = None

    def forget(self, most: int) -> None:
        """Forget the shortened terms when more than `most` are kept (each is shortened again when next seen)."""
        if len(self._terms) > most:
            self._terms.clear()

    def graphs(self) -> list[bytes]:
        """The name of each graph written (b"" for the default graph), as N-Quads writes it."""
        return list(self._written)

    def started(self, graph: bytes) -> bool:
        """Whether a statement of `graph` is open (written, not yet ended with " .")."""
        return self._last.get(graph, (None, None))[0] is not None

    def take(self, graph: bytes) -> list[bytes]:
        """The bytes written for `graph` since the last take, its last statement not yet ended."""
        written = self._written.get(graph, [])
        self._written[graph] = []
        return written

    def write(self, lines: Iterable[bytes]) -> None:
        """Add `lines`, sorted (or each subject's lines consecutive in each graph), to their graphs' statements.

        A line's graph is its fourth term, if any: the object may be a literal holding spaces, but a graph's
        name (an IRI or a blank node) holds neither spaces nor quotes, and a literal ends with its closing quote
        but for its language or datatype, which hold no spaces."""
        terms, verbs, written, last = self._terms, self._verbs, self._written, self._last
        graph: bytes | None = None
        tail, cut = b"", 0  # how the rest of a line of the graph ends: " <name> ." (b"" for the default graph)
        heads, indent, out = self._heads[0], self._indents[0], []
        subject = predicate = None
        line_before = self._line_before
        for line in lines:
            if line == line_before or not line:
                continue
            line_before = line
            s, p, o = line.split(b" ", 2)
            if tail and o.endswith(tail):
                o = o[:cut]
            else:
                o = o[:-2]
                at = o.rfind(b" ")
                if at < 0 or o.find(b'"', at) >= 0:
                    name = b""
                else:
                    name, o = o[at + 1 :], o[:at]
                if name != graph:
                    if graph is not None:
                        last[graph] = subject, predicate
                    graph = name
                    subject, predicate = last.get(name, (None, None))
                    out = written.setdefault(name, [])
                    heads, indent = self._heads[bool(name)], self._indents[bool(name)]
                    tail = b" " + name + b" ." if name else b""
                    cut = -len(tail)
            if o[-1] == 62:  # ">": an IRI, or a literal's datatype
                o = terms[o]
            if s == subject:
                if p == predicate:
                    out.append(b" , " + o)
                else:
                    out.append(heads[p] + o)
                    predicate = p
            else:
                out.append((b" .\n" if subject is not None else b"") + indent + terms[s] + verbs[p] + o)
                subject, predicate = s, p
        if graph is not None:
            last[graph] = subject, predicate
        self._line_before = line_before


class _Terms(dict[bytes, bytes]):
    """N-Triples term -> Turtle term, looked at once: an IRI ``<…>`` as a prefixed name where one of our prefixes
    and a plain local name make one, else as it is; a literal with its datatype's IRI shortened so."""

    def __missing__(self, value: bytes) -> bytes:
        if value[:1] == b"<":
            found = _short(value)
        elif value[:1] == b'"' and value[-1:] == b">":  # a typed literal: "…"^^<datatype>
            at = value.rfind(b"^^<")
            found = value[: at + 2] + self[value[at + 2 :]]
        else:
            found = value
        self[value] = found
        return found


class _Heads(dict[bytes, bytes]):
    """Predicate -> what comes before an object of it: `lead`, the verb (``a`` for rdf:type), a space."""

    def __init__(self, terms: _Terms, lead: bytes) -> None:
        super().__init__()
        self._terms, self._lead = terms, lead

    def __missing__(self, predicate: bytes) -> bytes:
        found = self[predicate] = self._lead + (b"a" if predicate == _RDF_TYPE else self._terms[predicate]) + b" "
        return found


def _short(iri: bytes) -> bytes:
    for prefix, namespace in _NAMESPACES:
        if iri.startswith(namespace):
            local = iri[len(namespace) : -1]
            if not local or _LOCAL_NAME.fullmatch(local):
                return prefix + b":" + local
            break
    return iri
