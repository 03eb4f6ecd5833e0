"""The SPARQL engine fails closed: each SHACL feature is compiled to what pySHACL reports, or refused by name.

Every case below is a small shapes graph and a data graph that pySHACL finds broken. The SPARQL engine must
report exactly pySHACL's results (focus, label, path, value, message, severity, shape), or raise
UnsupportedShapeError naming the shape and the predicate; it must never say "Conforms" for a shape it skipped.
"""

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from kgraph.cli import main
from kgraph.errors import RDFInputError
from kgraph.shacl_sparql import UnsupportedShapeError
from kgraph.validate import ValidationReport, validate

PREFIXES = """
@prefix ex: <http://ex.org/> .
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
"""

# name: (shapes, data, how many results pySHACL reports)
COMPILED: dict[str, tuple[str, str, int]] = {
    "closed-with-ignored-properties": (
        """ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:closed true ; sh:ignoredProperties ( rdf:type ) ;
             sh:message "Only a name." ; sh:property [ sh:path ex:name ; sh:message "A name." ] .""",
        """ex:a a ex:C ; ex:name "A" ; ex:age 3 ; ex:nick "Ay" . ex:b a ex:C ; ex:name "B" .""",
        2,
    ),
    "closed-property-shape": (
        """ex:S a sh:NodeShape ; sh:targetClass ex:C ;
             sh:property [ sh:path ex:address ; sh:closed true ; sh:message "An address has a city." ;
                           sh:property [ sh:path ex:city ] ] .""",
        """ex:a a ex:C ; ex:address ex:x . ex:x ex:city "Omsk" ; ex:zip "644000" .""",
        1,
    ),
    "not": (
        """ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:not [ sh:class ex:D ] ; sh:message "Never a D." .""",
        """ex:a a ex:C , ex:D . ex:b a ex:C .""",
        1,
    ),
    "node-level-datatype": (
        """ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:datatype xsd:integer ; sh:message "A number." .""",
        """ex:a a ex:C .""",
        1,
    ),
    "node-level-in": (
        """ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:in ( ex:a ex:b ) ; sh:message "a or b." .""",
        """ex:a a ex:C . ex:c a ex:C .""",
        1,
    ),
    "node-level-value-components-on-literals": (
        """ex:S a sh:NodeShape ; sh:targetObjectsOf ex:label ; sh:languageIn ( "en" ) ; sh:pattern "^[A-Z]" ;
             sh:maxLength 5 ; sh:minLength 2 ; sh:nodeKind sh:Literal ; sh:message "A short English name." .
           ex:T a sh:NodeShape ; sh:targetObjectsOf ex:age ; sh:minInclusive 0 ; sh:maxInclusive 150 ;
             sh:minExclusive -1 ; sh:maxExclusive 151 ; sh:datatype xsd:integer ; sh:message "An age." .""",
        """ex:a ex:label "Alpha"@en , "beta"@en , "Gamma"@de , "Epsilonic"@en , "Z"@en .
           ex:a ex:age 5 , -1 , 200 , 7.5 .""",
        9,
    ),
    "in-compares-terms-not-values": (
        """ex:S a sh:NodeShape ; sh:targetClass ex:C ;
             sh:property [ sh:path ex:grade ; sh:in ( "A" 1.0 ) ; sh:message "A or 1.0." ] .""",
        """ex:a a ex:C ; ex:grade "A" , "C" , 1 , 1.0 .""",
        2,
    ),
    "implicit-class-target": (
        """ex:C a rdfs:Class , sh:NodeShape ;
             sh:property [ sh:path ex:name ; sh:minCount 1 ; sh:message "A C has a name." ] .
           ex:K a owl:Class ; sh:property [ sh:path ex:name ; sh:minCount 1 ; sh:message "A K has a name." ] .""",
        """ex:D rdfs:subClassOf ex:C . ex:a a ex:C . ex:b a ex:D . ex:c a ex:K . ex:d a ex:C ; ex:name "D" .""",
        3,
    ),
    "top-level-property-shape": (
        """ex:P a sh:PropertyShape ; sh:targetClass ex:C ; sh:path ex:name ; sh:minCount 1 ;
             sh:datatype xsd:string ; sh:message "A name, as text." .""",
        """ex:a a ex:C . ex:b a ex:C ; ex:name 5 . ex:c a ex:C ; ex:name "C" .""",
        2,
    ),
    "target-node": (
        """ex:S a sh:NodeShape ; sh:targetNode ex:a , ex:missing ;
             sh:property [ sh:path ex:name ; sh:minCount 1 ; sh:message "A name." ] .""",
        """ex:b ex:name "B" . ex:a ex:age 3 .""",
        2,
    ),
    "target-objects-of": (
        """ex:S a sh:NodeShape ; sh:targetObjectsOf ex:knows ; sh:class ex:Person ; sh:message "A person." .""",
        """ex:a ex:knows ex:b , ex:c . ex:b a ex:Person .""",
        1,
    ),
    "and": (
        """ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:message "A named D." ;
             sh:and ( [ sh:class ex:D ] [ sh:property [ sh:path ex:name ; sh:minCount 1 ] ] ) .""",
        """ex:a a ex:C , ex:D . ex:b a ex:C , ex:D ; ex:name "B" . ex:c a ex:C ; ex:name "C" .""",
        2,
    ),
    "xone": (
        """ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:message "One kind of name." ;
             sh:xone ( [ sh:property [ sh:path ex:first ; sh:minCount 1 ] ]
                       [ sh:property [ sh:path ex:full ; sh:minCount 1 ; sh:maxCount 1 ] ] ) .""",
        """ex:a a ex:C ; ex:first "A" ; ex:full "A A" . ex:b a ex:C ; ex:first "B" . ex:c a ex:C .
           ex:d a ex:C ; ex:full "D" , "D D" .""",
        3,
    ),
    "node": (
        """ex:S a sh:NodeShape ; sh:targetClass ex:C ;
             sh:property [ sh:path ex:address ; sh:node ex:Address ; sh:message "A valid address." ] .
           ex:Address a sh:NodeShape ;
             sh:property [ sh:path ex:city ; sh:minCount 1 ; sh:maxCount 1 ; sh:datatype xsd:string ] .""",
        """ex:a a ex:C ; ex:address ex:x . ex:x ex:city "Omsk" .
           ex:b a ex:C ; ex:address ex:y . ex:y ex:city "Omsk" , "Tomsk" .
           ex:c a ex:C ; ex:address ex:z , ex:x . ex:z ex:zip "1" .
           ex:d a ex:C ; ex:address ex:w . ex:w ex:city 5 .""",
        3,
    ),
    "qualified-value-shape-with-a-property": (
        """ex:S a sh:NodeShape ; sh:targetClass ex:C ;
             sh:property [ sh:path ex:member ; sh:qualifiedMinCount 2 ; sh:message "Two named members." ;
               sh:qualifiedValueShape [ sh:property [ sh:path ex:name ; sh:minCount 1 ] ] ] .""",
        """ex:a a ex:C ; ex:member ex:x , ex:y . ex:x ex:name "X" . ex:b a ex:C ; ex:member ex:x , ex:z .
           ex:z ex:name "Z" .""",
        1,
    ),
    "or-member-with-a-path": (
        """ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:message "Text names or a D." ;
             sh:or ( [ sh:path ex:name ; sh:datatype xsd:string ] [ sh:class ex:D ] ) .""",
        """ex:a a ex:C ; ex:name 5 . ex:b a ex:C ; ex:name "B" . ex:c a ex:C , ex:D ; ex:name 5 .""",
        1,
    ),
    "property-inside-a-property": (
        """ex:S a sh:NodeShape ; sh:targetClass ex:C ;
             sh:property [ sh:path ex:address ;
               sh:property [ sh:path ex:city ; sh:minCount 1 ; sh:message "An address has a city." ] ] .""",
        """ex:a a ex:C ; ex:address ex:x , ex:y . ex:x ex:city "Omsk" .""",
        1,
    ),
    "node-level-has-value": (
        """ex:S a sh:NodeShape ; sh:targetSubjectsOf ex:p ; sh:hasValue ex:a ; sh:message "Only a." .""",
        """ex:a ex:p 1 . ex:b ex:p 2 .""",
        1,
    ),
    "max-length-and-exclusive-bounds": (
        """ex:S a sh:NodeShape ; sh:targetClass ex:C ;
             sh:property [ sh:path ex:code ; sh:maxLength 3 ; sh:message "A code has three letters." ] ;
             sh:property [ sh:path ex:score ; sh:minExclusive 0 ; sh:maxExclusive 10 ; sh:message "0 < x < 10." ] .""",
        """ex:a a ex:C ; ex:code "ABCD" , "ABC" ; ex:score 0 , 10 , 5 .""",
        3,
    ),
    "unique-lang": (
        """ex:S a sh:NodeShape ; sh:targetClass ex:C ;
             sh:property [ sh:path ex:label ; sh:uniqueLang true ; sh:message "One label per language." ] .""",
        """ex:a a ex:C ; ex:label "x"@en , "y"@en , "z"@fr , "w"@fr , "v" , "u" . ex:b a ex:C ; ex:label "x"@en .""",
        2,
    ),
    "equals-disjoint-less-than": (
        """ex:S a sh:NodeShape ; sh:targetClass ex:C ;
             sh:property [ sh:path ex:email ; sh:equals ex:mail ; sh:message "Same mail." ] ;
             sh:property [ sh:path ex:parent ; sh:disjoint ex:child ; sh:message "Not both." ] ;
             sh:property [ sh:path ex:start ; sh:lessThan ex:end ; sh:message "Starts before it ends." ] ;
             sh:property [ sh:path ex:low ; sh:lessThanOrEquals ex:high ; sh:message "Low <= high." ] .""",
        """ex:a a ex:C ; ex:email "x" , "z" ; ex:mail "y" , "z" ; ex:parent ex:p ; ex:child ex:p , ex:q ;
             ex:start 5 ; ex:end 3 , 7 ; ex:low 2 , 4 ; ex:high 3 .
           ex:b a ex:C ; ex:email "x" ; ex:mail "x" ; ex:start 1 ; ex:end 2 ; ex:low 3 ; ex:high 3 .""",
        5,
    ),
    "node-level-equals-and-disjoint": (
        """ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:equals ex:self ; sh:message "Itself." .
           ex:T a sh:NodeShape ; sh:targetClass ex:C ; sh:disjoint ex:knows ; sh:message "Not itself." .""",
        """ex:a a ex:C ; ex:self ex:a . ex:b a ex:C ; ex:self ex:a ; ex:knows ex:b .""",
        3,
    ),
    "complex-paths": (
        """ex:S a sh:NodeShape ; sh:targetClass ex:C ;
             sh:property [ sh:path [ sh:inversePath ex:child ] ; sh:maxCount 1 ; sh:message "One parent." ] ;
             sh:property [ sh:path ( ex:address ex:city ) ; sh:minCount 1 ; sh:message "A city." ] ;
             sh:property [ sh:path [ sh:alternativePath ( ex:name ex:label ) ] ; sh:minCount 1 ;
                           sh:message "A name or label." ] ;
             sh:property [ sh:path [ sh:oneOrMorePath ex:partOf ] ; sh:class ex:Place ;
                           sh:message "Inside places." ] ;
             sh:property [ sh:path ( ex:partOf [ sh:zeroOrMorePath ex:partOf ] ) ; sh:maxCount 2 ;
                           sh:message "At most two levels." ] ;
             sh:property [ sh:path [ sh:zeroOrOnePath ex:alias ] ; sh:minCount 2 ; sh:message "An alias." ] .""",
        """ex:p1 ex:child ex:a . ex:p2 ex:child ex:a . ex:a a ex:C ; ex:address ex:x ; ex:partOf ex:r ;
             ex:alias ex:a2 .
           ex:r a ex:Place ; ex:partOf ex:s . ex:s ex:partOf ex:t . ex:t a ex:Place .
           ex:b a ex:C ; ex:address ex:y ; ex:label "B" . ex:y ex:city "Omsk" .""",
        6,
    ),
    "sparql-constraint-with-prefixes-path-and-message-template": (
        """ex: sh:declare [ sh:prefix "ex" ; sh:namespace "http://ex.org/"^^xsd:anyURI ] .
           ex:S a sh:NodeShape ; sh:targetClass ex:C ;
             sh:sparql [ sh:prefixes ex: ; sh:message "{$this} {?path} {?value} ({?note})." ;
               sh:select '''SELECT $this ?value ?path ?note WHERE { $this ?path ?value .
                 OPTIONAL { ?value ex:note ?note } FILTER (?path IN (ex:says, ex:tells) && isIRI(?value)) }''' ] ;
             sh:sparql [ sh:message "Named {?value}." ;
               sh:select "SELECT $this WHERE { $this <http://ex.org/name> ?n FILTER (STRLEN(?n) < 2) }" ] .""",
        """ex:a a ex:C ; ex:says ex:x , "words" ; ex:tells ex:y ; ex:name "A" . ex:x ex:note "n1" .""",
        3,
    ),
    "deactivated-shapes-are-skipped": (
        """ex:Off a sh:NodeShape ; sh:deactivated true ; sh:targetClass ex:C ; sh:class ex:Never ;
             sh:message "Never checked." .
           ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:message "Not both." ;
             sh:property [ sh:path ex:p ; sh:node ex:Off ; sh:minCount 1 ; sh:message "A p." ] ;
             sh:property [ sh:path ex:q ; sh:deactivated true ; sh:minCount 1 ; sh:message "Never." ] ;
             sh:not ex:Off .""",
        """ex:a a ex:C ; ex:p ex:b .""",
        1,
    ),
    "severity-and-message-of-the-owning-shape": (
        """ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:severity sh:Warning ; sh:message "Node." ;
             sh:property [ sh:path ex:name ; sh:minCount 1 ; sh:message "Name." ] ;
             sh:property [ sh:path ex:label ; sh:minCount 1 ; sh:severity sh:Info ; sh:message "Label." ] .""",
        """ex:a a ex:C .""",
        2,
    ),
    "non-shacl-predicates-are-ignored": (
        """ex:S a sh:NodeShape ; sh:targetClass ex:C ; rdfs:comment "A shape." ; ex:owner "me" ;
             sh:name "S" ; sh:description "d" ; sh:order 1 ; sh:group ex:G ;
             sh:property [ sh:path ex:name ; sh:minCount 1 ; sh:name "name" ; sh:defaultValue "x" ;
                           sh:message "A name." ] .""",
        """ex:a a ex:C .""",
        1,
    ),
}


def _reports(tmp_path: Path, shapes: str, data: str) -> tuple[ValidationReport, ValidationReport]:
    path = tmp_path / "shapes.ttl"
    path.write_text(PREFIXES + shapes, encoding="utf-8")
    graph = Graph().parse(data=PREFIXES + data, format="turtle")
    return validate(graph, path, engine="sparql"), validate(graph, path, engine="pyshacl")


@pytest.mark.parametrize("name", sorted(COMPILED))
def test_each_compiled_feature_reports_exactly_what_pyshacl_reports(tmp_path: Path, name: str) -> None:
    shapes, data, count = COMPILED[name]
    fast, reference = _reports(tmp_path, shapes, data)
    assert len(reference.results) == count, reference.text
    assert fast == reference, f"sparql:\n{fast.text}\npyshacl:\n{reference.text}"


def test_a_property_shape_without_a_message_does_not_borrow_its_node_shapes(tmp_path: Path) -> None:
    shapes = """ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:message "The node shape's words." ;
                  sh:property [ sh:path ex:name ; sh:minCount 1 ] ."""
    fast, reference = _reports(tmp_path, shapes, "ex:a a ex:C .")
    assert len(fast.results) == len(reference.results) == 1
    assert fast.results[0].message != "The node shape's words." != reference.results[0].message


# name: (shapes, data, the shape and predicate the error names)
REFUSED: dict[str, tuple[str, str, str]] = {
    "unknown-shacl-term": (
        """ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:clossed true .""",
        """ex:a a ex:C .""",
        "http://ex.org/S sh:clossed",
    ),
    "unknown-term-in-a-property-shape": (
        """ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:name ; sh:minCont 1 ] .""",
        """ex:a a ex:C .""",
        "[sh:path http://ex.org/name] of http://ex.org/S sh:minCont",
    ),
    "unknown-term-in-a-nested-shape": (
        """ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:not [ sh:clas ex:D ] .""",
        """ex:a a ex:C .""",
        "sh:clas",
    ),
    "custom-constraint-component": (
        """ex:HasEx a sh:ConstraintComponent ; sh:parameter [ sh:path ex:mustHave ] ;
             sh:validator [ a sh:SPARQLAskValidator ; sh:message "Lacks {$mustHave}." ;
                            sh:ask "ASK { FILTER EXISTS { $this $mustHave ?any } }" ] .
           ex:S a sh:NodeShape ; sh:targetClass ex:C ; ex:mustHave ex:name .""",
        """ex:a a ex:C .""",
        "http://ex.org/S http://ex.org/mustHave",
    ),
    "sparql-constraint-on-a-property-shape": (
        """ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:name ;
             sh:sparql [ sh:select "SELECT $this WHERE { FILTER NOT EXISTS { $this $PATH ?v } }" ] ] .""",
        """ex:a a ex:C .""",
        "sh:sparql",
    ),
    "sparql-constraint-that-needs-this-pre-bound": (
        """ex:S a sh:NodeShape ; sh:targetClass ex:C ;
             sh:sparql [ sh:message "No name." ;
                         sh:select "SELECT $this WHERE { FILTER NOT EXISTS { $this <http://ex.org/name> ?n } }" ] .""",
        """ex:a a ex:C .""",
        "http://ex.org/S sh:sparql",
    ),
    "disjoint-qualified-value-shapes": (
        """ex:S a sh:NodeShape ; sh:targetClass ex:C ;
             sh:property [ sh:path ex:p ; sh:qualifiedValueShape [ sh:class ex:D ] ; sh:qualifiedMinCount 1 ;
                           sh:qualifiedValueShapesDisjoint true ] .""",
        """ex:a a ex:C .""",
        "sh:qualifiedValueShapesDisjoint",
    ),
    "a-shape-the-shapes-graph-does-not-describe": (
        """ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:node ex:Adress .
           ex:Address a sh:NodeShape ; sh:property [ sh:path ex:city ; sh:minCount 1 ] .""",
        """ex:a a ex:C .""",
        "http://ex.org/S sh:node",
    ),
    "recursive-shapes": (
        """ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:knows ; sh:node ex:S ] .""",
        """ex:a a ex:C ; ex:knows ex:a .""",
        "sh:node",
    ),
    "rules-and-custom-targets": (
        """ex:S a sh:NodeShape ; sh:target [ a sh:SPARQLTarget ; sh:select "SELECT ?this WHERE { ?this ?p ?o }" ] ;
             sh:class ex:C .""",
        """ex:a ex:p 1 .""",
        "http://ex.org/S sh:target",
    ),
    "a-literal-that-is-not-of-the-datatype-asked-for": (
        """ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:n ; sh:datatype xsd:integer ] .""",
        """ex:a a ex:C ; ex:n "abc"^^xsd:integer . ex:b a ex:C ; ex:n "2019-02-30"^^xsd:date .""",
        "sh:datatype (the data holds 'abc', no valid xsd:integer",
    ),
    "a-count-given-twice": (
        """ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:n ; sh:minCount 1, 3 ] .""",
        """ex:a a ex:C ; ex:n 1 .""",
        "sh:minCount (given more than once",
    ),
    "flags-given-twice": (
        """ex:S a sh:NodeShape ; sh:targetClass ex:C ;
             sh:property [ sh:path ex:n ; sh:pattern "^a" ; sh:flags "i", "q" ] .""",
        """ex:a a ex:C ; ex:n "A" .""",
        "sh:flags (given more than once",
    ),
    "two-severities": (
        """ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:severity sh:Info, sh:Violation ;
             sh:property [ sh:path ex:n ; sh:minCount 1 ] .""",
        """ex:a a ex:C .""",
        "http://ex.org/S sh:severity (given more than once",
    ),
    "two-selects": (
        """ex:S a sh:NodeShape ; sh:targetClass ex:C ;
             sh:sparql [ sh:select "SELECT $this WHERE { $this ?p ?o }", "SELECT $this WHERE { FILTER(false) }" ] .""",
        """ex:a a ex:C .""",
        "more than one sh:select",
    ),
    "zero-length-path-from-a-target-node-the-data-lacks": (
        """ex:S a sh:NodeShape ; sh:targetNode ex:missing ;
             sh:property [ sh:path [ sh:zeroOrMorePath ex:next ] ; sh:class ex:C ; sh:message "Cs." ] .""",
        """ex:a ex:next ex:b .""",
        "http://ex.org/S sh:targetNode",
    ),
}


def _shapes_file(tmp_path: Path, shapes: str) -> Path:
    path = tmp_path / "shapes.ttl"
    path.write_text(PREFIXES + shapes, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_each_feature_the_engine_does_not_compile_is_refused_by_name(tmp_path: Path, name: str) -> None:
    shapes, data, named = REFUSED[name]
    graph = Graph().parse(data=PREFIXES + data, format="turtle")
    with pytest.raises(UnsupportedShapeError) as raised:
        validate(graph, _shapes_file(tmp_path, shapes), engine="sparql")
    assert named in str(raised.value)
    assert "--engine pyshacl" in str(raised.value)


def test_auto_falls_back_to_pyshacl_and_says_why(tmp_path: Path) -> None:
    shapes, data, _ = REFUSED["custom-constraint-component"]
    path = _shapes_file(tmp_path, shapes)
    graph = Graph().parse(data=PREFIXES + data, format="turtle")
    report = validate(graph, path)
    assert report == validate(graph, path, engine="pyshacl")
    assert not report.conforms
    assert report.notes == (
        "the SPARQL engine cannot compile http://ex.org/S http://ex.org/mustHave; validating with pySHACL",
    )


def _cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_kgraph_validate_falls_back_with_a_note_unless_sparql_was_asked_for(tmp_path: Path) -> None:
    shapes, data, _ = REFUSED["unknown-shacl-term"]
    shapes += """ ex:T a sh:NodeShape ; sh:targetClass ex:C ; sh:closed true ; sh:message "Closed." ."""
    path = _shapes_file(tmp_path, shapes)
    data_file = tmp_path / "data.ttl"
    data_file.write_text(PREFIXES + data + ' ex:a ex:name "A" .', encoding="utf-8")

    code, stdout, stderr = _cli("validate", str(data_file), "--shapes", str(path))
    assert code == 1, stdout + stderr
    assert stderr == "note: the SPARQL engine cannot compile http://ex.org/S sh:clossed; validating with pySHACL\n"
    assert stdout.startswith("Does not conform: 2 result(s).") and stdout.count("Closed.") == 2

    code, stdout, stderr = _cli("validate", str(data_file), "--shapes", str(path), "--engine", "sparql")
    assert (code, stdout) == (2, "")
    assert stderr.startswith("error: the SPARQL engine cannot compile http://ex.org/S sh:clossed")
    assert "--engine pyshacl" in stderr and stderr.count("\n") == 1


def test_auto_reports_a_literal_that_is_not_of_its_datatype_as_pyshacl_does(tmp_path: Path) -> None:
    # the compiled check compared datatypes only and said "Conforms"
    shapes, data, _ = REFUSED["a-literal-that-is-not-of-the-datatype-asked-for"]
    shapes += """ ex:D a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:n ; sh:datatype xsd:date ] ."""
    path = _shapes_file(tmp_path, shapes)
    graph = Graph().parse(data=PREFIXES + data, format="turtle")
    report = validate(graph, path)
    assert not report.conforms and report == validate(graph, path, engine="pyshacl")
    assert {(v.focus, v.value) for v in report.results} >= {
        ("http://ex.org/a", "abc"),
        ("http://ex.org/b", "2019-02-30"),
    }
    well_typed = Graph().parse(data=PREFIXES + "ex:a a ex:C ; ex:n 5 .", format="turtle")
    assert validate(
        well_typed, _shapes_file(tmp_path, REFUSED["a-literal-that-is-not-of-the-datatype-asked-for"][0]), "sparql"
    ).conforms


def test_a_parameter_given_twice_is_a_clear_error_from_pyshacl_too(tmp_path: Path) -> None:
    shapes, data, _ = REFUSED["a-count-given-twice"]
    path = _shapes_file(tmp_path, shapes)
    data_file = tmp_path / "data.ttl"
    data_file.write_text(PREFIXES + data, encoding="utf-8")
    code, stdout, stderr = _cli("validate", str(data_file), "--shapes", str(path))
    assert (code, stdout) == (2, "")
    assert stderr.startswith(f"error: {path}: pySHACL cannot use these shapes: ") and "defect" not in stderr


@pytest.mark.parametrize(
    ("declaration", "named"),
    [
        (
            'sh:prefix "ex" ; sh:namespace "http://x/> SELECT * WHERE { SERVICE <http://127.0.0.1:9/> {} } #"',
            "sh:namespace",
        ),
        ('sh:prefix "ex: <http://x/> PREFIX e" ; sh:namespace "http://x/"', "sh:prefix"),
    ],
)
def test_a_declared_prefix_that_would_write_query_text_is_refused(tmp_path: Path, declaration: str, named: str) -> None:
    # the declaration is pasted into each query as "PREFIX p: <namespace>": it could add a SERVICE or empty a check
    shapes = f"""ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:sparql [ sh:prefixes ex:P ;
                 sh:select "SELECT $this WHERE {{ $this a ex:C }}" ] .
               ex:P sh:declare [ {declaration} ] ."""
    graph = Graph().parse(data=PREFIXES + "ex:a a ex:C .", format="turtle")
    for engine in ("sparql", "pyshacl"):
        with pytest.raises(RDFInputError, match=f"{named} .* is no "):
            validate(graph, _shapes_file(tmp_path, shapes), engine=engine)


def test_a_result_of_a_custom_severity_means_the_graph_does_not_conform(tmp_path: Path) -> None:
    shapes = """ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:severity ex:Fatal ;
                  sh:property [ sh:path ex:n ; sh:minCount 1 ] ."""
    graph = Graph().parse(data=PREFIXES + "ex:a a ex:C .", format="turtle")
    for engine in ("sparql", "pyshacl"):
        report = validate(graph, _shapes_file(tmp_path, shapes), engine=engine)
        assert len(report.results) == 1 and not report.conforms, engine
