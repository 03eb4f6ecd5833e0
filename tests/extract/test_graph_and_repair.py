"""Extracted drafts validate against the shapes; NER mentions are repaired; groups, topics, agreements are found."""

from rdflib import Literal
from rdflib.namespace import XSD

from kgraph.extract import dump_facts, extract_article
from kgraph.extract.conformance import conform
from kgraph.extract.doc import Doc, Draft
from kgraph.extract.names.known_names import gazetteer_mentions
from kgraph.extract.names.mentions import repair_spans
from kgraph.extract.relations.topics import find_agreements, find_attention_topics, find_groups
from kgraph.extract.text.ner import NamedSpan
from kgraph.facts import parse_facts
from kgraph.graph import article_iri, build_dataset
from kgraph.model import ArticleModel, Entity, Fact
from kgraph.namespaces import KG, SCHEMA
from kgraph.source import parse_article
from kgraph.validate import validate


def test_the_extracted_seed_graph_conforms_to_the_shapes(seed_model: ArticleModel) -> None:
    report = validate(build_dataset([seed_model]))
    assert report.conforms, report.text


def _turtle(model: ArticleModel) -> str:
    return build_dataset([model]).graph(article_iri(model.article.slug)).serialize(format="turtle")


def test_an_entity_with_no_known_english_name_is_transliterated_not_labelled_english() -> None:
    model = extract_article(parse_article("tech", "# Технопарк\n\nВ Новосибирске открыли технопарк. Россия рада.\n"))
    russia = next(e for e in model.entities.values() if e.labels["ru"] == "Россия")
    assert russia.labels == {"ru": "Россия", "ru-Latn": "Rossiya"}
    turtle = _turtle(model)
    assert '"Rossiya"@ru-Latn' in turtle and '"Rossiya"@en' not in turtle
    report = validate(build_dataset([model]))
    assert report.conforms, report.text
    assert parse_facts(model.article, dump_facts(model)).entities == model.entities  # the facts YAML keeps it


def test_an_entity_whose_english_name_is_known_keeps_it_as_english() -> None:
    doc = Doc(parse_article("ru", "# Т\n\nРоссия рада.\n"))
    doc.add(Draft("COUNTRY", "Россия", [doc.span(5, 11)], cls="schema:Country", label_en="Russia"))
    model = ArticleModel(doc.article, entities=doc.entities(), source="extracted")
    turtle = _turtle(model)
    assert '"Russia"@en' in turtle and '"Rossiya"@ru-Latn' in turtle
    report = validate(build_dataset([model]))
    assert report.conforms, report.text


def test_an_event_missing_what_its_class_requires_is_kept_as_a_plain_event(seed_model: ArticleModel) -> None:
    article = seed_model.article
    span = seed_model.entities[next(iter(seed_model.entities))].mentions[0]
    forum = Entity("forum", "kg:Forum", {"ru": "форум", "en": "forum"}, mentions=(span,), confidence=0.5)
    talk = Entity("talk", "kg:Topic", {"ru": "тема", "en": "topic"}, mentions=(span,), confidence=0.5)
    fact = Fact("forum", "schema:about", "talk", (span,), obj_is_entity=True, confidence=0.5)
    kept = conform(ArticleModel(article, entities={"forum": forum, "talk": talk}, facts=[fact]))
    # a forum needs a place; without one it is still an event, never dropped for what the article does not say
    assert {i: e.cls for i, e in kept.entities.items()} == {"forum": "schema:Event", "talk": "kg:Topic"}
    assert kept.facts == [fact]


def test_spans_are_cut_at_line_breaks_and_titles_and_originals_split_off() -> None:
    text = "Император Акихито\nВерхняя палата. Певец Джей Зи (Jay Z) приехал."
    second = (text.index("Джей"), text.index(")") + 1)
    spans = [NamedSpan(0, 25, "PER", text[0:25], text[0:25]), NamedSpan(*second, "PER", "", "")]
    assert [s.text for s in repair_spans(text, spans)] == ["Акихито", "Джей Зи", "Jay Z"]


def test_initials_join_the_surname_and_named_after_gives_a_person() -> None:
    text = "Об этом сказал Дж.Коми в Институте имени А. М. Горького."
    found = {(s.text, s.type) for s in repair_spans(text, [NamedSpan(18, 22, "PER", "Коми", "Коми")])}
    assert ("Дж.Коми", "PER") in found
    assert ("А. М. Горького", "PER") in found


def test_the_gazetteer_finds_places_the_ner_missed_but_not_common_words() -> None:
    text = "Форум прошёл в британской столице, где работает полиция Лондона."
    found = {(span.text, kind) for span, kind, _, _ in gazetteer_mentions(text, [])}
    assert ("британской", "COUNTRY") in found
    assert ("полиция", "ORGANIZATION") in found
    assert not any(word == "Форум" for word, _ in found)


def test_groups_go_on_over_a_list_and_through_a_possessive() -> None:
    text = "Пришли главы министерств и ведомств, ряда регионов России. Их представители довольны."
    assert [g.label for g in find_groups(text)] == [
        "главы министерств и ведомств",
        "главы ряда регионов России",
        "представители",
    ]


def test_agreements_are_found_only_where_signing_is_said() -> None:
    assert [a.label for a in find_agreements("Было подписано 20 соглашений. Соглашения обсуждаются.")] == ["соглашения"]


def test_attention_gives_a_topic_in_the_nominative() -> None:
    assert [t.label for t in find_attention_topics("Много внимания было уделено приграничному сотрудничеству.")] == [
        "приграничное сотрудничество"
    ]


def test_a_share_and_an_upper_bound_reach_the_graph_and_conform() -> None:
    text = "# Закон\n\nЗакон одобрили 76 из 89 субъектов. За нарушение грозит штраф до 30 тысяч рублей.\n"
    model = extract_article(parse_article("share", text))
    said = {(76, 89, "exactly"), (30_000, None, "atMost")}
    assert {(q.value, q.out_of, q.qualifier) for q in model.quantities} == said
    again = parse_facts(model.article, dump_facts(model))  # the facts YAML keeps them
    assert {(q.value, q.out_of, q.qualifier) for q in again.quantities} == said
    dataset = build_dataset([model])
    assert any(dataset.quads((None, KG.outOf, Literal(89, datatype=XSD.integer), None)))
    assert any(dataset.quads((None, KG.qualifier, KG.atMost, None)))
    report = validate(dataset)
    assert report.conforms, report.text


def test_a_lower_bound_reaches_the_graph_as_a_minimum_and_conforms() -> None:
    text = "# Штраф\n\nЗа нарушение грозит штраф не менее 5 тысяч рублей.\n"
    model = extract_article(parse_article("bound", text))
    assert [(q.value, q.qualifier) for q in model.quantities] == [(5_000, "atLeast")]
    again = parse_facts(model.article, dump_facts(model))
    assert [(q.value, q.qualifier) for q in again.quantities] == [(5_000, "atLeast")]
    dataset = build_dataset([model])
    [(quantity, _, _, _)] = dataset.quads((None, KG.qualifier, KG.atLeast, None))
    assert [o for _, _, o, _ in dataset.quads((quantity, SCHEMA.minValue, None, None))] == [
        Literal(5_000, datatype=XSD.integer)
    ]
    report = validate(dataset)
    assert report.conforms, report.text
