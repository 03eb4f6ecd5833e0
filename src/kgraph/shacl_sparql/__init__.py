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

The compiler is built in layers, a module each: shapes.py reads the shapes graph (its top-level shapes, their
targets, each shape's path and what asks for a check), conditions.py compiles constraints to SPARQL expressions
(nested shapes become such expressions), checks.py turns each top-level shape into the queries whose rows are
its results, and run.py runs them on Oxigraph and reads the rows as RawResult.

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

from .run import RawResult, check_supported, run_shapes
from .shapes import UnsupportedShapeError, reported_shape, shape_name

__all__ = ["RawResult", "UnsupportedShapeError", "check_supported", "reported_shape", "run_shapes", "shape_name"]
