"""Turtle and TriG from N-Triples lines, our prefixes declared: linear, streaming, the lines' order kept.

pyoxigraph writes N-Triples (and N-Quads) in Rust; sorting those lines is what makes kgraph's output the same
bytes for the same graph; this writer then groups each subject's statements (``;`` and ``,``) and shortens IRIs by
our prefixes. pyoxigraph's own Turtle writer cannot be given sorted statements without making a Python object of
each, and it writes an IRI whose end holds "/", "#", "=" or "," as an escaped name (``id:article\\/a\\/text\\#…``),
which reads badly and which not every store's parser knows: here such IRIs stay whole.

>>> a = b"<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
>>> lines = [
...     b"<https://w3id.org/kgraph/id/omsk> " + a + b" <https://schema.org/City> .",
...     b'<https://w3id.org/kgraph/id/omsk> <http://www.w3.org/2000/01/rdf-schema#label> "Omsk"@en .',
...     b'<https://w3id.org/kgraph/id/omsk> <http://www.w3.org/2000/01/rdf-schema#label> "Omsk"@fr .',
... ]
>>> print(b"".join(statements(lines)).decode().strip().replace("\\t", "  "))
id:omsk a schema:City ;
  rdfs:label "Omsk"@en , "Omsk"@fr .
"""

import re
from collections.abc import Callable, Iterable, Iterator

from .namespaces import PREFIXES

_LOCAL_NAME = re.compile(rb"[A-Za-z_][A-Za-z0-9_-]*")
"""A local name written after a prefix as it is (no escapes, no dots: a subset of Turtle's PN_LOCAL)."""
_RDF_TYPE = b"<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_NAMESPACES = sorted(((p.encode(), b"<" + iri.encode()) for p, iri in PREFIXES.items()), key=lambda p: -len(p[1]))


def header() -> bytes:
    """The ``@prefix`` lines of our prefixes."""
    return b"".join(b"@prefix %s: <%s> .\n" % (prefix.encode(), iri.encode()) for prefix, iri in PREFIXES.items())


def statements(lines: Iterable[bytes], indent: bytes = b"") -> Iterator[bytes]:
    """Turtle statements for N-Triples `lines` (without their line ends), in their order: consecutive lines about
    the same subject become one statement; a line equal to the one before it is written once. Each subject's
    lines must be consecutive for it to be written once (sorted lines, or a store's subject order)."""
    short, term = _shorteners()
    subject = predicate = line_before = None
    for line in lines:
        if line == line_before or not line:
            continue
        line_before = line
        s, p, o = line[:-2].split(b" ", 2)
        verb = b"a" if p == _RDF_TYPE else short(p)
        if s == subject:
            if p == predicate:
                yield b" , " + term(o)
            else:
                yield b" ;\n\t" + indent + verb + b" " + term(o)
        else:
            if subject is not None:
                yield b" .\n"
            yield indent + term(s) + b" " + verb + b" " + term(o)
        subject, predicate = s, p
    if subject is not None:
        yield b" .\n"


def _shorteners() -> tuple[Callable[[bytes], bytes], Callable[[bytes], bytes]]:
    """(short, term): an IRI ``<…>`` as a prefixed name where one of our prefixes and a plain local name make
    one, else as it is; any N-Triples term with its IRI (or its literal's datatype) shortened so. Each distinct IRI
    is looked at once."""
    known: dict[bytes, bytes] = {}

    def short(iri: bytes) -> bytes:
        found = known.get(iri)
        if found is None:
            found = iri
            for prefix, namespace in _NAMESPACES:
                if iri.startswith(namespace):
                    local = iri[len(namespace) : -1]
                    if not local or _LOCAL_NAME.fullmatch(local):
                        found = prefix + b":" + local
                    break
            known[iri] = found
        return found

    def term(value: bytes) -> bytes:
        if value[:1] == b"<":
            return short(value)
        if value[:1] == b'"' and value[-1:] == b">":  # a typed literal: "…"^^<datatype>
            at = value.rfind(b"^^<")
            return value[: at + 2] + short(value[at + 2 :])
        return value

    return short, term
