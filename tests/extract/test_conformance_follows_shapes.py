"""What extraction requires of an event, and what it keeps one value of, is read from the SHACL shapes."""

from rdflib import Graph

from kgraph.extract.conformance import incomplete, required, required_in, single, single_valued_in

PREFIXES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix kg: <https://w3id.org/kgraph/ontology#> .
@prefix schema: <https://schema.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
"""


def test_extraction_requires_what_the_shapes_require() -> None:
    assert required()["kg:Forum"] == {"schema:location": 1}
    assert required()["kg:Opening"] == {"kg:opens": 1, "schema:startDate": 1}
    assert required()["kg:Discussion"] == {"schema:about": 1, "schema:attendee": 2}
    assert {"schema:startDate", "schema:endDate", "kg:edition", "kg:positionIn"} <= single()


def test_what_an_entity_carries_itself_is_not_required_as_a_fact() -> None:
    # labels and the sentences an entity is mentioned in come from the entity, not from facts about it
    assert "schema:Person" not in required()
    assert all("rdfs:label" not in needed for needed in required().values())


def test_a_changed_shape_changes_what_extraction_requires() -> None:
    shapes = Graph().parse(
        format="turtle",
        data=PREFIXES
        + """
        [] sh:targetClass kg:Forum , kg:Visit ;
            sh:property [ sh:path schema:location ; sh:minCount 1 ] ,
                        [ sh:path kg:chair ; sh:minCount 2 ; sh:maxCount 3 ] ,
                        [ sh:path kg:edition ; sh:maxCount 1 ] ,
                        [ sh:path rdfs:label ; sh:minCount 2 ] ,
                        [ sh:path [ sh:inversePath kg:opens ] ; sh:minCount 1 ] .
        [] sh:targetClass kg:Forum ; sh:property [ sh:path kg:chair ; sh:minCount 3 ] .
        """,
    )
    table = required_in(shapes)
    assert table == {
        "kg:Forum": {"schema:location": 1, "kg:chair": 3},
        "kg:Visit": {"schema:location": 1, "kg:chair": 2},
    }
    assert single_valued_in(shapes) == {"kg:edition"}


def test_a_forum_without_its_place_is_incomplete() -> None:
    assert incomplete({"f": "kg:Forum", "p": "schema:Person"}, []) == {"f"}


def test_a_fact_whose_object_the_shapes_refuse_is_not_kept() -> None:
    from datetime import date

    from kgraph.extract.conformance import fits
    from kgraph.model import Fact, TimeRef
    from kgraph.source import Span

    classes = {"forum": "kg:Forum", "omsk": "schema:City", "putin": "schema:Person"}
    words = (Span(0, 4, "Омск"),)
    # an event's location must be a place (kg:Forum inherits schema:Event's shape through the ontology)
    assert fits(Fact("forum", "schema:location", "omsk", words, obj_is_entity=True), classes)
    assert not fits(Fact("forum", "schema:location", "putin", words, obj_is_entity=True), classes)
    # its start date a day, or the month or the year the text gives; no entity, no text
    year = TimeRef(Span(0, 4, "2019"), 2019)
    day = TimeRef(Span(0, 4, "7 ноября 2019"), date(2019, 11, 7))
    assert fits(Fact("forum", "schema:startDate", year, words), classes)
    assert fits(Fact("forum", "schema:startDate", day, words), classes)
    assert not fits(Fact("forum", "schema:startDate", "omsk", words, obj_is_entity=True), classes)
    assert not fits(Fact("forum", "schema:startDate", "в ноябре", words), classes)
    # a predicate no shape constrains for the subject's class is kept
    assert fits(Fact("putin", "schema:knows", "omsk", words, obj_is_entity=True), classes)


def test_a_position_may_be_in_an_organisation_or_a_city_but_not_in_a_person() -> None:
    from kgraph.extract.conformance import fits
    from kgraph.model import Fact
    from kgraph.source import Span

    classes = {"post": "kg:Position", "rostec": "schema:Organization", "omsk": "schema:City", "x": "schema:Person"}
    words = (Span(0, 4, "глава"),)
    assert fits(Fact("post", "kg:positionIn", "rostec", words, obj_is_entity=True), classes)
    assert fits(Fact("post", "kg:positionIn", "omsk", words, obj_is_entity=True), classes)
    assert not fits(Fact("post", "kg:positionIn", "x", words, obj_is_entity=True), classes)


def test_a_person_is_contained_in_no_place_though_a_place_is() -> None:
    # NEREL's LOCATED_IN also relates a person to where he is; schema:containedInPlace is a place's
    from kgraph.extract.conformance import fits, forbidden, single
    from kgraph.model import Fact
    from kgraph.source import Span

    classes = {"modi": "schema:Person", "moscow": "schema:City", "park": "schema:Place", "russia": "schema:Country"}
    words = (Span(0, 6, "Москве"),)
    assert not fits(Fact("modi", "schema:containedInPlace", "moscow", words, obj_is_entity=True), classes)
    assert fits(Fact("park", "schema:containedInPlace", "moscow", words, obj_is_entity=True), classes)
    assert ("schema:Person", "schema:containedInPlace") in forbidden()
    assert "schema:containedInPlace" not in single()  # a place may be in a city and a country


def test_an_event_lacking_what_its_class_requires_is_kept_as_a_plain_event() -> None:
    from kgraph.extract.conformance import conform
    from kgraph.model import ArticleModel, Entity, Fact
    from kgraph.source import Span, parse_article

    article = parse_article("opening", "# Т\n\nВ Омске открыли музей.\n")
    start = article.text.index("открыли")
    words = (Span(start, start + 7, "открыли"),)
    museum = (Span(start + 8, start + 13, "музей"),)
    entities = {
        "opening": Entity("opening", "kg:Opening", {"ru": "открытие"}, None, words, 0.8),
        "museum": Entity("museum", "schema:Museum", {"ru": "музей"}, None, museum, 0.8),
    }
    # an opening requires a date and what it opens; the article gives no date
    facts = [Fact("opening", "kg:opens", "museum", words, obj_is_entity=True)]
    kept = conform(ArticleModel(article, entities=entities, facts=facts, source="extracted"))
    assert kept.entities["opening"].cls == "schema:Event"
    assert [(f.subject, f.predicate, f.obj) for f in kept.facts] == [("opening", "kg:opens", "museum")]


def test_what_is_left_out_is_listed_with_why() -> None:
    from kgraph.extract.conformance import conform
    from kgraph.extract.writer import dump_facts
    from kgraph.model import ArticleModel, Entity, Fact
    from kgraph.source import Span, parse_article

    article = parse_article("forum", "# Т\n\nФорум прошёл. Путин выступил.\n")
    forum_words = (Span(5, 10, "Форум"),)
    putin_words = (Span(19, 24, "Путин"),)
    entities = {
        "forum": Entity("forum", "kg:Forum", {"ru": "форум", "ru-Latn": "forum"}, None, forum_words, 0.8),
        "putin": Entity("putin", "schema:Person", {"ru": "Путин", "ru-Latn": "Putin"}, None, putin_words, 0.9),
    }
    located_at_a_person = Fact("forum", "schema:location", "putin", forum_words + putin_words, obj_is_entity=True)
    kept = conform(ArticleModel(article, entities=entities, facts=[located_at_a_person], source="extracted"))
    assert kept.left_out == (
        "fact forum schema:location putin (schema:Person): the shapes refuse this object for a kg:Forum",
        "class kg:Forum of forum: kept as schema:Event, the article gives no schema:location",
    )
    assert "#   class kg:Forum of forum: kept as schema:Event" in dump_facts(kept)
