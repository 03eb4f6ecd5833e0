"""The mapping: one named graph per article, typed quantities, resolved dates, NIF and PROV provenance."""

from decimal import Decimal

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from kgraph.graph import article_iri, build_dataset, entity_iri
from kgraph.model import ArticleModel, Entity, article_span
from kgraph.namespaces import GEONAMES, ID, ITSRDF, KG, NIF, PROV, SCHEMA, WD
from kgraph.source import parse_article
from kgraph.validate import validate

ARTICLE = article_iri("omsk-forum-2019-11-07")


def test_one_named_graph_per_article(seed_dataset: Dataset) -> None:
    named = [g.identifier for g in seed_dataset.graphs() if len(g)]
    assert named == [ARTICLE]


def test_every_entity_has_russian_and_english_labels(seed_dataset: Dataset) -> None:
    graph = seed_dataset.graph(ARTICLE)
    entities = {s for s in graph.subjects(RDF.type, None) if "/" not in str(s).removeprefix(str(ID))}
    assert len(entities) == 55
    for entity in entities:
        languages = sorted(label.language for label in graph.objects(entity, RDFS.label))
        assert languages == ["en", "ru"], entity


def test_thirteen_billion_dollars_is_a_typed_number(seed_dataset: Dataset) -> None:
    graph = seed_dataset.graph(ARTICLE)
    quantity = URIRef(f"{ARTICLE}/quantity/russian_investment_in_kazakhstan")
    assert graph.value(quantity, SCHEMA.value) == Literal(13_000_000_000, datatype=XSD.integer)
    assert graph.value(quantity, SCHEMA.unitCode) == WD.Q4917
    assert graph.value(quantity, KG.flowFrom) == entity_iri("russia")
    growth = graph.value(URIRef(f"{ARTICLE}/quantity/turnover_growth_2018"), SCHEMA.value)
    assert growth is not None and growth.toPython() == Decimal("4.5")


def test_relative_dates_are_resolved_and_worded(seed_dataset: Dataset) -> None:
    graph = seed_dataset.graph(ARTICLE)
    opening = entity_iri("hermitage_opening")
    assert graph.value(opening, SCHEMA.startDate) == Literal("2019-11-06", datatype=XSD.date)
    yesterday = [t for t in graph.subjects(KG.wording, Literal("вчера", lang="ru"))]
    assert len(yesterday) == 1
    assert graph.value(yesterday[0], RDF.value) == Literal("2019-11-06", datatype=XSD.date)
    assert graph.value(yesterday[0], KG.anchorDate) == Literal("2019-11-07", datatype=XSD.date)
    last_year = next(graph.subjects(KG.wording, Literal("в прошлом году", lang="ru")))
    assert graph.value(last_year, RDF.value) == Literal("2018", datatype=XSD.gYear)


def test_wikidata_links_are_the_sure_ones(seed_dataset: Dataset) -> None:
    graph = seed_dataset.graph(ARTICLE)
    pairs = graph.subject_objects(OWL.sameAs)
    links = {str(s).rsplit("/", 1)[1]: str(o).rsplit("/", 1)[1] for s, o in pairs if o.startswith(str(WD))}
    assert links == {
        "putin": "Q7747",
        "russia": "Q159",
        "kazakhstan": "Q232",
        "omsk": "Q898",
        "novorossiysk": "Q15760",
        "president_of_russia": "Q218295",
        "president_of_kazakhstan": "Q5256775",
    }
    assert graph.value(entity_iri("avangard_academy"), OWL.sameAs) is None


def test_countries_and_cities_are_also_geonames_places(seed_dataset: Dataset) -> None:
    graph = seed_dataset.graph(ARTICLE)
    assert (entity_iri("omsk"), SCHEMA.sameAs, GEONAMES["1496153/"]) in graph
    assert (entity_iri("kazakhstan"), SCHEMA.sameAs, GEONAMES["1522867/"]) in graph


def test_every_statement_points_to_its_sentence(seed_dataset: Dataset) -> None:
    graph = seed_dataset.graph(ARTICLE)
    for kind in (KG.Quantity, KG.DirectQuote, KG.ReportedStatement, KG.Assertion, KG.TimeExpression):
        nodes = list(graph.subjects(RDF.type, kind))
        assert nodes, kind
        for node in nodes:
            sentences = list(graph.objects(node, PROV.wasDerivedFrom))
            assert sentences and all((s, RDF.type, NIF.Sentence) in graph for s in sentences), node
            assert list(graph.objects(node, KG.evidence)), node


def test_nif_strings_are_the_text_at_their_offsets(seed_dataset: Dataset) -> None:
    graph = seed_dataset.graph(ARTICLE)
    context = next(graph.subjects(RDF.type, NIF.Context))
    text = str(graph.value(context, NIF.isString))
    strings = set(graph.subjects(NIF.referenceContext, context))
    assert len(strings) > 200
    for node in strings:
        begin, end = int(graph.value(node, NIF.beginIndex)), int(graph.value(node, NIF.endIndex))
        assert text[begin:end] == str(graph.value(node, NIF.anchorOf)), node


def test_mentions_link_words_to_entities(seed_dataset: Dataset) -> None:
    graph = seed_dataset.graph(ARTICLE)
    putin_mentions = {str(graph.value(p, NIF.anchorOf)) for p in graph.subjects(ITSRDF.taIdentRef, entity_iri("putin"))}
    assert putin_mentions == {"Владимир Путин", "президент России"}


def test_the_same_model_gives_the_same_graph(seed_model, seed_dataset: Dataset) -> None:
    from rdflib.compare import isomorphic

    from kgraph.graph import build_dataset

    again = build_dataset([seed_model])
    assert isomorphic(again.graph(ARTICLE), seed_dataset.graph(ARTICLE))


def _court(
    slug: str, label: str, source: str, wikidata: str | None = None, cls: str = "schema:Organization"
) -> ArticleModel:
    article = parse_article(slug, f"# Новости\n\n{label} принял решение.\n")
    mention = article_span(article, label, at=article.text.index(label, 9))
    court = Entity("sud", cls, {"ru": label, "en": "court"}, wikidata, mentions=(mention,))
    return ArticleModel(article, entities={"sud": court}, source=source)


def _organisations(dataset: Dataset) -> list[str]:
    return sorted({str(s) for s, _, _, _ in dataset.quads((None, RDF.type, SCHEMA.Organization, None))})


def test_extracted_entities_of_two_articles_named_alike_stay_two_nodes() -> None:
    dataset = build_dataset([_court("a", "Суд", "extracted"), _court("b", "Верховный суд", "extracted")])
    assert _organisations(dataset) == [f"{article_iri('a')}/entity/sud", f"{article_iri('b')}/entity/sud"]
    report = validate(dataset)
    assert report.conforms, report.text


def test_a_curated_id_is_one_node_shared_by_every_article_that_uses_it() -> None:
    dataset = build_dataset([_court("a", "Суд", "curated"), _court("b", "Верховный суд", "curated")])
    assert _organisations(dataset) == [str(entity_iri("sud"))]
    report = validate(dataset)
    assert not report.conforms  # two Russian labels: the curator must pick one


def test_extracted_entities_linked_to_one_wikidata_item_are_one_node_with_the_commonest_label() -> None:
    articles = [("a", "ЕСПЧ"), ("b", "Европейский суд по правам человека"), ("c", "ЕСПЧ"), ("d", "Суд")]
    models = [_court(slug, label, "extracted", "Q122880" if slug != "d" else None) for slug, label in articles]
    dataset = build_dataset(models)
    assert _organisations(dataset) == [str(ID.Q122880), f"{article_iri('d')}/entity/sud"]
    labels = {str(o) for _, _, o, _ in dataset.quads((ID.Q122880, RDFS.label, None, None))}
    assert labels == {"ЕСПЧ", "court"}
    mentioned_in = {g for _, _, _, g in dataset.quads((None, ITSRDF.taIdentRef, ID.Q122880, None))}
    assert mentioned_in == {article_iri(slug) for slug in "abc"}
    report = validate(dataset)
    assert report.conforms, report.text


def test_a_common_noun_linked_to_a_concept_stays_its_articles_own() -> None:
    models = [_court(slug, "полиция", "extracted", "Q35535") for slug in "ab"]
    assert _organisations(build_dataset(models)) == [f"{article_iri(slug)}/entity/sud" for slug in "ab"]


def test_a_linked_position_stays_its_articles_own() -> None:
    """Two articles' "президент Сербии" may name the state by two nodes; one position would then be in two."""
    models = [_court(slug, "Президент Сербии", "extracted", "Q889830", "kg:Position") for slug in "ab"]
    positions = {s for s, _, _, _ in build_dataset(models).quads((None, RDF.type, KG.Position, None))}
    assert positions == {URIRef(f"{article_iri(slug)}/entity/sud") for slug in "ab"}


def test_the_article_mentions_every_entity_it_names(seed_model, seed_dataset: Dataset) -> None:
    graph = seed_dataset.graph(ARTICLE)
    named = {entity_iri(ident) for ident, entity in seed_model.entities.items() if entity.mentions}
    assert set(graph.objects(ARTICLE, SCHEMA.mentions)) == named
    assert entity_iri("putin") in named
