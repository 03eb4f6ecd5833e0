"""Which RDF becomes nodes and edges, and what each node's panel says, on the seed graph."""

import pytest
from rdflib import Dataset, URIRef
from rdflib.namespace import RDF

from kgraph.errors import QueryError
from kgraph.graph import article_iri, build_dataset, entity_iri
from kgraph.model import ArticleModel, Entity, article_span
from kgraph.namespaces import ID, KG, SCHEMA
from kgraph.query import LocalStore
from kgraph.rdfio import union_graph
from kgraph.source import parse_article
from kgraph.visualize import construct, to_networkx
from kgraph.visualize.details import panels

NOT_NODES = """
SELECT DISTINCT ?x WHERE {
  ?x a ?c .
  FILTER(?c IN (kg:Quantity, kg:DirectQuote, kg:ReportedStatement, kg:TimeExpression, kg:Assertion,
                nif:Context, nif:Sentence, nif:Phrase))
}"""
TYPED = "SELECT DISTINCT ?x WHERE { ?x a ?c . FILTER(isIRI(?x)) }"


def panel_of(dataset: Dataset, iri: URIRef) -> dict:
    contents, sentences = panels(union_graph(dataset), {iri: "n0"})
    panel = contents["n0"]
    panel["sentences"] = sentences
    return panel


def test_nodes_are_the_entities_and_events_not_literals_quantities_quotes_or_strings(
    seed_dataset: Dataset, seed_store: LocalStore
) -> None:
    clutter = set(seed_store.query(NOT_NODES).values("x"))
    typed = set(seed_store.query(TYPED).values("x"))
    assert clutter, "the seed graph has quantities, quotes and NIF strings"
    assert set(to_networkx(seed_dataset).nodes) == typed - clutter


def test_edges_carry_readable_words_not_iris(seed_dataset: Dataset) -> None:
    net = to_networkx(seed_dataset)
    labels = {label for *_, label in net.edges(data="label")}
    assert "chaired by" in labels  # kg:chair's label in the ontology
    assert "super event" in labels  # schema:superEvent, from its local name
    assert not [label for label in labels if ":" in label or "/" in label]


def test_a_speaker_panel_holds_their_quotes_and_the_quantities_they_concern(seed_dataset: Dataset) -> None:
    panel = panel_of(seed_dataset, entity_iri("tokayev"))
    quotes = [q for q in panel["quotes"] if q["role"]["en"] == "speaker"]
    assert quotes and all(q["text"] and q["ev"] for q in quotes)
    russia = panel_of(seed_dataset, entity_iri("russia"))
    assert russia["quantities"], "quantities about Russia are in its panel"


def test_evidence_marks_the_cited_words_inside_their_sentence(seed_dataset: Dataset, seed_store) -> None:
    cited = seed_store.query(
        """SELECT ?words WHERE { ?a a kg:Assertion ; rdf:subject id:tokayev ; rdf:predicate kg:holdsPosition ;
                                    kg:evidence ?p . ?p nif:anchorOf ?words }"""
    ).values("words")
    panel = panel_of(seed_dataset, entity_iri("tokayev"))
    fact = next(f for f in panel["facts"] if f["iri"].endswith("#holdsPosition"))
    marked = {panel["sentences"][e["s"]][start:end] for e in fact["ev"] for start, end in e["marks"]}
    assert marked == set(cited)


def test_literal_facts_are_in_the_panel_with_their_value(seed_dataset: Dataset, seed_store) -> None:
    dates = seed_store.query(
        """SELECT ?o WHERE { ?a a kg:Assertion ; rdf:subject id:forum16 ; rdf:predicate schema:startDate ;
                               rdf:object ?o }"""
    ).values("o")
    assert len(dates) == 1, "the seed graph states when the forum started"
    panel = panel_of(seed_dataset, entity_iri("forum16"))
    facts = [f for f in panel["facts"] if f["iri"] == "https://schema.org/startDate"]
    assert [f["text"] for f in facts] == dates
    assert facts[0]["ev"], "the date comes with the sentence that states it"


def test_a_construct_query_picks_the_subgraph(seed_dataset: Dataset) -> None:
    found = construct(seed_dataset, "CONSTRUCT { ?s kg:chair ?o } WHERE { ?s kg:chair ?o }")
    net = to_networkx(seed_dataset, within=found)
    assert net.number_of_edges() == len(found) > 0
    assert set(net.nodes) == {str(t) for s, _, o in found for t in (s, o)}


def test_a_select_query_is_refused_for_the_page(seed_dataset: Dataset) -> None:
    with pytest.raises(QueryError, match="CONSTRUCT"):
        construct(seed_dataset, "SELECT * WHERE { ?s ?p ?o }")


def _putin_in(slug: str) -> ArticleModel:
    article = parse_article(slug, "# Новости\n\nПутин прилетел в Омск.\n")
    mention = article_span(article, "Путин")
    putin = Entity("putin", "schema:Person", {"ru": "Путин", "en": "Putin"}, "Q7747", mentions=(mention,))
    return ArticleModel(article, entities={"putin": putin}, source="extracted")


def _mention_edges(models: list[ArticleModel]) -> set[tuple[str, str]]:
    net = to_networkx(build_dataset(models))
    return {(s, o) for s, o, predicate in net.edges(keys=True) if predicate == str(SCHEMA.mentions)}


def test_with_several_articles_each_is_joined_to_what_it_mentions() -> None:
    both = {(str(article_iri(slug)), str(ID.Q7747)) for slug in "ab"}
    assert _mention_edges([_putin_in("a"), _putin_in("b")]) == both
    assert _mention_edges([_putin_in("a")]) == set()  # one article: its star would hide the entities' relations


def test_why_articles_share_a_node_is_not_a_node_of_its_own() -> None:
    dataset = build_dataset([_putin_in("a"), _putin_in("b")])
    judgements = set(union_graph(dataset).subjects(RDF.type, KG.IdentityJudgement))
    assert len(judgements) == 2  # one per article: the shared Wikidata item
    assert not {str(j) for j in judgements} & set(to_networkx(dataset).nodes)


def test_a_node_with_no_english_name_shows_its_russian_name_in_english_marked_as_such(
    transliterated_dataset: Dataset,
) -> None:
    dataset = transliterated_dataset
    labels = {node: (a["label_en"], a["label_ru"]) for node, a in to_networkx(dataset).nodes(data=True)}
    park = URIRef(f"{article_iri('tech')}/entity/park")
    russia = ID["geonames/2017370"]  # a country of GeoNames: one node for every article
    assert labels[str(park)] == ("технопарк (ru)", "технопарк")  # a transliteration would pass for English
    assert labels[str(russia)] == ("Russia", "Россия")
    assert panel_of(dataset, park)["names"] == {"ru": "технопарк", "ru-latn": "tekhnopark"}  # not under "en"


def test_a_class_looks_the_same_on_every_page_and_no_two_classes_alike() -> None:
    from kgraph.visualize.vocabulary import class_styles, known_class_styles

    known = known_class_styles()
    assert len({(style.color, style.shape) for style in known.values()}) == len(known)
    person, forum = str(SCHEMA.Person), str(KG.Forum)
    small = class_styles({SCHEMA.Person: 1, KG.Forum: 5})  # rdflib terms or their strings: the same classes
    large = class_styles({cls: 1 for cls in known} | {f"http://e.org/C{i}": 2 for i in range(15)})
    assert small[person] == large[person] and small[forum] == large[forum]
    assert len({(style.color, style.shape) for style in large.values()}) == len(large)


def test_a_figure_joins_the_indicator_it_measures_to_what_it_concerns(seed_dataset: Dataset) -> None:
    net = to_networkx(seed_dataset)
    indicators = [n for n, cls in net.nodes(data="class_iri") if cls == str(KG.Indicator)]
    assert indicators and all(net.degree(n) > 0 for n in indicators)
    turnover = [
        label
        for s, o, label in net.edges(data="label")
        if s == str(entity_iri("trade_turnover")) and o == str(entity_iri("russia"))
    ]
    assert turnover and all(":" not in label for label in turnover), turnover


def test_evidence_is_shown_as_text_with_the_cited_words_still_marked(seed_dataset: Dataset) -> None:
    author = panel_of(seed_dataset, entity_iri("anna_bambulskaya"))
    shown = [(author["sentences"][e["s"]], e["marks"]) for e in author["mentions"]]
    assert shown and all("**" not in text and "](" not in text for text, _ in shown)
    assert any(text[start:end] == "Анна Бамбульская" for text, marks in shown for start, end in marks), shown


def test_a_page_can_start_its_layout_once_the_nodes_and_edges_are_in_before_their_labels(
    seed_dataset: Dataset,
) -> None:
    seen: dict[str, object] = {}

    def drawn(net: object) -> None:
        seen["nodes"], seen["edges"] = list(net.nodes), list(net.edges(keys=True))  # type: ignore[attr-defined]
        seen["labelled"] = [n for n, label in net.nodes(data="label") if label is not None]  # type: ignore[attr-defined]

    net = to_networkx(seed_dataset, drawn=drawn)
    assert seen["nodes"] == list(net.nodes) and seen["edges"] == list(net.edges(keys=True))
    assert seen["labelled"] == [] and all(label for _, label in net.nodes(data="label"))
