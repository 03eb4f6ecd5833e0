"""One node per real thing across articles: each merge rule and each refusal, on small texts of our own."""

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Literal
from rdflib.namespace import RDF, RDFS

from kgraph.cli import main
from kgraph.extract import extract_article
from kgraph.graph import article_iri, build_dataset, entity_iri
from kgraph.identity.resolve import resolve
from kgraph.model import ArticleModel, Entity, Fact, article_span
from kgraph.namespaces import GEONAMES, ID, KG, SCHEMA
from kgraph.query import LocalStore, find_query
from kgraph.source import parse_article
from kgraph.transliteration import transliterate
from kgraph.validate import validate

FOLLOW_UP = (
    "# Путин и Токаев в Омске\n\n"
    "Президент России Владимир Путин прилетел в Омск на XVI Форум межрегионального сотрудничества России и "
    "Казахстана. Касым-Жомарта Токаева встретил губернатор Омской области Александр Бурков. Путин и Токаев "
    "обсудили торговлю.\n"
)


def _model(slug: str, *entities: tuple[str, str, str | None]) -> ArticleModel:
    """An extracted article naming each (class, Russian label, Wikidata item) once."""
    text = f"# Новости\n\n{'. '.join(label for _, label, _ in entities)}.\n"
    article = parse_article(slug, text)
    found = {}
    for number, (cls, label, item) in enumerate(entities):
        mention = article_span(article, label, at=article.text.index(label, 9))
        labels = {"ru": label, "ru-Latn": transliterate(label)}
        found[f"e{number}"] = Entity(f"e{number}", cls, labels, item, mentions=(mention,))
    return ArticleModel(article, entities=found, source="extracted")


def _nodes(models: list[ArticleModel]) -> list[str | None]:
    found = resolve(models)
    return [found.node(m.article.slug, ident) for m in models for ident in m.entities]


def test_a_full_name_in_any_case_is_one_person_across_articles() -> None:
    models = [
        _model("a", ("schema:Person", "Касым-Жомарт Токаев", None)),
        _model("b", ("schema:Person", "Касым-Жомарта Токаева", None)),
        _model("c", ("schema:Person", "Касым-Жомартом Токаевым", None)),
    ]
    assert _nodes(models) == ["person/kasym_zhomart_tokaev"] * 3


def test_a_person_named_in_full_then_by_surname_in_any_case_is_one_node_in_the_article() -> None:
    model = extract_article(parse_article("a", FOLLOW_UP))
    persons = [e for e in model.entities.values() if e.cls == "schema:Person"]
    tokayev = [e for e in persons if "Токаев" in e.labels["ru"]]
    assert len(tokayev) == 1
    assert {m.text for m in tokayev[0].mentions} == {"Касым-Жомарта Токаева", "Токаев"}


def test_namesakes_with_other_first_names_or_a_surname_alone_stay_apart() -> None:
    models = [
        _model("a", ("schema:Person", "Александр Иванов", None)),
        _model("b", ("schema:Person", "Сергей Иванов", None)),
        _model("c", ("schema:Person", "Иванов", None)),
    ]
    first, second, alone = _nodes(models)
    assert first != second and alone is None


def test_different_patronymics_are_a_near_miss_not_a_merge() -> None:
    models = [
        _model("a", ("schema:Person", "Сергей Борисович Иванов", None)),
        _model("b", ("schema:Person", "Сергей Иванов", None)),
        _model("c", ("schema:Person", "Сергей Иванович Иванов", None)),
    ]
    found = resolve(models)
    assert found.node("a", "e0") == found.node("b", "e0") != found.node("c", "e0")
    assert [m.reason for m in found.near_misses] == ["different patronymics: борисович / иванович"]


def test_different_wikidata_items_are_never_one_node() -> None:
    models = [
        _model("a", ("schema:Person", "Майкл Джексон", "Q2831")),
        _model("b", ("schema:Person", "Майкл Джексон", "Q6831558")),
    ]
    found = resolve(models)
    assert (found.node("a", "e0"), found.node("b", "e0")) == ("Q2831", "Q6831558")
    assert found.near_misses[0].reason.startswith("different Wikidata items")


def test_common_nouns_and_names_any_country_may_bear_are_never_merged() -> None:
    models = [
        _model("a", ("schema:Organization", "Суд", None), ("schema:Organization", "Министерство обороны", None)),
        _model("b", ("schema:Organization", "Суд", None), ("schema:Organization", "Министерство обороны", None)),
    ]
    assert _nodes(models) == [None] * 4


def test_an_organisation_name_that_says_which_one_is_one_node() -> None:
    models = [
        _model("a", ("schema:Organization", "Министерство обороны России", None)),
        _model("b", ("schema:Organization", "Министерства обороны России", None)),
    ]
    assert _nodes(models) == ["organisation/organization/ministerstvo_oborona_rossiya"] * 2


def test_a_name_nerel_links_to_several_bodies_joins_no_two_articles() -> None:
    models = [
        _model("a", ("schema:Organization", "ЦСКА", None), ("schema:Organization", "Газпром", None)),
        _model("b", ("schema:Organization", "ЦСКА", None), ("schema:Organization", "Газпрома", None)),
    ]
    club_a, gazprom_a, club_b, gazprom_b = _nodes(models)
    assert club_a is None and club_b is None
    assert gazprom_a == gazprom_b is not None


def test_a_body_every_country_has_is_one_node_only_within_the_country_its_articles_are_about() -> None:
    health, police = ("schema:Organization", "Минздрав", None), ("schema:Organization", "МВД", None)
    london, britain = ("schema:City", "Лондоне", None), ("schema:Country", "Великобритании", None)
    models = [
        _model("uk", health, police, london, britain),
        _model("ru1", health, police, ("schema:Country", "России", None)),
        _model("ru2", ("schema:Organization", "Минздрава", None), police, ("schema:City", "Москве", None)),
        _model("nowhere", health, police),
        _model("both", health, police, ("schema:Country", "России", None), britain),
    ]
    names = [(m.article.slug, e.labels["ru"]) for m in models for e in m.entities.values()]
    nodes = dict(zip(names, _nodes(models), strict=True))
    assert nodes["ru1", "Минздрав"] == nodes["ru2", "Минздрава"] == "organisation/organization/minzdrav_ru"
    assert nodes["ru1", "МВД"] == nodes["ru2", "МВД"] == "organisation/organization/mvd_ru"
    assert (nodes["uk", "Минздрав"], nodes["uk", "МВД"]) == (
        "organisation/organization/minzdrav_gb",
        "organisation/organization/mvd_gb",
    )
    # an article that names no country, or two as often, says not whose ministry it is
    assert [nodes[slug, name] for slug in ("nowhere", "both") for name in ("Минздрав", "МВД")] == [None] * 4


def test_an_event_the_headline_and_the_text_both_tell_is_one_node() -> None:
    text = (
        "# Токаев открыл технопарк в Астане\n\n"
        "Президент Казахстана Касым-Жомарт Токаев 28 ноября открыл в Астане новый технопарк.\n"
    )
    model = extract_article(parse_article("a", text))
    found = resolve([model])
    events = {e.labels["ru"]: found.node("a", e.id) for e in model.entities.values() if e.cls == "schema:Event"}
    assert set(events) == {"открыл технопарк", "открыл новый технопарк"}  # the text's verb named by its object
    assert len(set(events.values())) == 1 and None not in events.values()


def test_events_that_open_different_things_in_different_places_stay_apart() -> None:
    text = "# Новости\n\nВ Астане Касым-Жомарт Токаев открыл школу. В Алма-Ате Токаев открыл больницу.\n"
    model = extract_article(parse_article("a", text))
    found = resolve([model])
    events = [found.node("a", e.id) for e in model.entities.values() if e.cls == "schema:Event"]
    assert len(events) == 2 and events == [None, None]


def test_an_event_told_by_its_verb_alone_beside_two_that_differ_joins_neither() -> None:
    article = parse_article("a", "# Новости\n\nТокаев открыл школу и больницу в Астане.\n")
    told = {"a": "открыл школу", "b": "открыл больницу", "c": "открыл"}
    entities = {e: Entity(e, "kg:Opening", {"ru": label}) for e, label in told.items()}
    entities["astana"] = Entity("astana", "schema:City", {"ru": "Астана"})
    facts = [Fact(e, "schema:location", "astana", (), obj_is_entity=True) for e in told]
    found = resolve([ArticleModel(article, entities=entities, facts=facts, source="extracted")])
    assert [found.node("a", e) for e in told] == [None, None, None]


def test_an_event_is_one_node_by_its_edition_and_another_edition_is_another() -> None:
    sixteenth = "XVI Форум межрегионального сотрудничества России и Казахстана"
    models = [
        _model("a", ("kg:Forum", sixteenth, None)),
        _model("b", ("kg:Forum", "16-й форум межрегионального сотрудничества Казахстана и России", None)),
        _model("c", ("kg:Forum", "XVII Форум межрегионального сотрудничества России и Казахстана", None)),
        _model("d", ("kg:Forum", "XVI Форум регионов России и Беларуси", None)),
        _model("e", ("kg:Forum", "Форум межрегионального сотрудничества России и Казахстана", None)),
    ]
    first, again, next_year, another_series, unnumbered = _nodes(models)
    assert first == again and first is not None and unnumbered is None
    assert len({first, next_year, another_series}) == 3


def test_a_city_is_one_geonames_place_whatever_its_case() -> None:
    models = [_model("a", ("schema:City", "Омск", None)), _model("b", ("schema:City", "Омске", None))]
    assert _nodes(models) == ["geonames/1496153"] * 2
    graph = build_dataset(models).graph(article_iri("b"))
    assert (ID["geonames/1496153"], SCHEMA.sameAs, GEONAMES["1496153/"]) in graph


def test_a_geonames_place_is_labelled_with_its_english_name_and_nothing_else_gets_a_guessed_one() -> None:
    models = [
        _model("a", ("schema:Country", "США", None), ("schema:City", "Москве", None), ("schema:Place", "Кремль", None))
    ]
    graph = build_dataset(models).graph(article_iri("a"))
    english = {str(s): str(o) for s, o in graph.subject_objects(RDFS.label) if o.language == "en"}
    assert english == {str(ID["geonames/6252001"]): "United States", str(ID["geonames/524901"]): "Moscow"}


def test_the_last_word_of_a_place_an_adjective_qualifies_is_not_the_country_it_names_alone() -> None:
    text = (
        "# Новости\n\nКомпания строит дороги в странах Латинской Америки и в Северной Ирландии. "
        "Делегация Америки прибыла в Дублин из Ирландии.\n"
    )
    model = extract_article(parse_article("a", text))
    named = {m.text: e.wikidata for e in model.entities.values() for m in e.mentions}
    assert named["Америки"] == "Q30" and named["Ирландии"] == "Q27"  # the countries, named alone
    usa = [e for e in model.entities.values() if e.wikidata == "Q30"]
    assert [m.start for e in usa for m in e.mentions] == [text.index("Делегация Америки") + len("Делегация ")]
    assert "Северной Ирландии" in named and named["Северной Ирландии"] != "Q27"


def test_a_name_known_in_one_language_only_does_not_make_a_city_of_a_country() -> None:
    models = [_model("a", ("schema:City", "Омск", None)), _model("b", ("schema:AdministrativeArea", "Омск", None))]
    first, second = _nodes(models)
    assert first != second


@pytest.fixture(scope="module")
def seed_with_follow_up(seed_model: ArticleModel) -> list[ArticleModel]:
    return [seed_model, extract_article(parse_article("follow-up", FOLLOW_UP))]


def test_the_seed_and_an_extracted_article_share_putin_omsk_and_tokayev(
    seed_with_follow_up: list[ArticleModel],
) -> None:
    dataset = build_dataset(seed_with_follow_up)
    follow_up = dataset.graph(article_iri("follow-up"))
    for curated in ("putin", "tokayev", "omsk"):
        assert (article_iri("follow-up"), SCHEMA.mentions, entity_iri(curated)) in follow_up, curated
    assert validate(dataset).conforms


def test_every_merge_states_its_key_and_words_and_can_be_undone(seed_with_follow_up: list[ArticleModel]) -> None:
    dataset = build_dataset(seed_with_follow_up)
    graph = dataset.graph(article_iri("follow-up"))
    judgements = {
        str(graph.value(j, KG.identityKey)): graph.value(j, KG.identifies)
        for j in graph.subjects(RDF.type, KG.IdentityJudgement)
    }
    assert judgements["wikidata:Q7747"] == entity_iri("putin")
    assert judgements["wikidata:Q898"] == entity_iri("omsk"), judgements  # the city's item, from city_items.tsv
    judgement = next(graph.subjects(KG.identityKey, Literal("wikidata:Q898")))
    assert graph.value(graph.value(judgement, KG.evidence), RDF.type) is not None
    keys = ["wikidata:Q898", "geonames:1496153", "place:schema:City|омск"]
    apart = build_dataset(seed_with_follow_up, keep_apart=keys)
    assert (article_iri("follow-up"), SCHEMA.mentions, entity_iri("omsk")) not in apart.graph(article_iri("follow-up"))


def test_a_first_name_alone_gets_no_namesakes_wikidata_link() -> None:
    model = extract_article(parse_article("a", "# Новости\n\nАлександр приехал в Москву. Путин выступил.\n"))
    persons = [e for e in model.entities.values() if e.cls == "schema:Person"]
    assert persons and all(e.wikidata is None for e in persons)


def test_merges_lists_what_is_joined_and_why(seed_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "follow-up"
    folder.mkdir()
    (folder / "article.md").write_text(FOLLOW_UP, encoding="utf-8")
    result = CliRunner().invoke(main, ["merges", str(seed_dir), str(folder)])
    assert result.exit_code == 0, result.output
    assert "id:putin  by wikidata:Q7747" in result.output
    assert "follow-up/kasym_zhomart_tokaev 'Касым-Жомарт Токаев'" in result.output


def test_which_articles_name_the_same_people_and_speak_of_the_same_event(
    seed_with_follow_up: list[ArticleModel], tmp_path: Path
) -> None:
    from kgraph.export import write

    store = LocalStore.from_files(write(build_dataset(seed_with_follow_up), tmp_path / "graph.trig", "trig"))
    shared = {row[0]: row[2] for row in store.query(find_query("shared_entities").text).rows()}
    for curated in ("putin", "tokayev", "omsk", "russia", "kazakhstan"):
        assert shared[str(entity_iri(curated))] == "2", curated
    rows = store.query(find_query("articles_about_event").text).rows()
    forum = {row[2] for row in rows if row[0] == str(entity_iri("forum16"))}
    assert forum == {str(article_iri("omsk-forum-2019-11-07")), str(article_iri("follow-up"))}


def test_an_abbreviation_the_article_spells_out_is_the_same_organisation_elsewhere() -> None:
    spelled = "# КТК\n\nКаспийский трубопроводный консорциум (КТК) увеличил прокачку нефти.\n"
    alone = "# Нефть\n\nАкционеры КТК одобрили план развития.\n"
    models = [extract_article(parse_article(slug, text)) for slug, text in (("a", spelled), ("b", alone))]
    found = resolve(models)
    # the article that spells it out names one organisation both ways (extract's abbreviations)
    [spelled_out] = [e for e in models[0].entities.values() if "КТК" in {m.text for m in e.mentions}]
    assert "онсорциум" in spelled_out.labels["ru"]
    [ktk] = [e.id for e in models[1].entities.values() if e.labels["ru"] == "КТК"]
    assert found.node("a", spelled_out.id) == found.node("b", ktk) is not None


def test_a_surname_alone_or_after_initials_is_the_one_person_the_article_names_in_full() -> None:
    model = _model(
        "a",
        ("schema:Person", "Теодор Маккаррик", None),
        ("schema:Person", "Маккаррика", None),
        ("schema:Person", "Б.Обама", None),
        ("schema:Person", "Барак Обама", None),
    )
    found = resolve([model])
    assert found.node("a", "e0") == found.node("a", "e1") == "person/teodor_makkarrik"
    assert found.node("a", "e2") == found.node("a", "e3") == "person/barak_obama"


def test_a_surname_two_people_of_the_article_bear_joins_neither_but_initials_tell_them_apart() -> None:
    model = _model(
        "a",
        ("schema:Person", "Александр Лукашенко", None),
        ("schema:Person", "Виктор Лукашенко", None),
        ("schema:Person", "Лукашенко", None),
        ("schema:Person", "В.Лукашенко", None),
    )
    found = resolve([model])
    alexander, viktor, alone, initial = (found.node("a", f"e{n}") for n in range(4))
    assert alone is None and initial == viktor != alexander


def test_a_surname_alone_in_another_article_is_not_joined_across_articles() -> None:
    models = [
        _model("a", ("schema:Person", "Теодор Маккаррик", None)),
        _model("b", ("schema:Person", "Маккаррик", None)),
    ]
    assert _nodes(models) == ["person/teodor_makkarrik", None]


def test_two_start_dates_keep_two_editions_apart_so_the_graph_still_conforms() -> None:
    from datetime import date

    from kgraph.model import Fact, TimeRef

    label = "XVI Форум межрегионального сотрудничества России и Казахстана"
    models = [_model(slug, ("schema:Event", label, None)) for slug in "ab"]
    for model, day in zip(models, (7, 8), strict=True):
        when = TimeRef(model.entities["e0"].mentions[0], date(2019, 11, day))
        model.facts.append(Fact("e0", "schema:startDate", when, model.entities["e0"].mentions))
    found = resolve(models)
    assert found.node("a", "e0") != found.node("b", "e0")
    assert found.near_misses[0].reason == "different schema:startDate: 2019-11-07 / 2019-11-08"
    assert validate(build_dataset(models)).conforms


def test_a_node_is_labelled_with_the_name_its_inflected_labels_add_a_case_ending_to() -> None:
    # "Ким Чен Ына" (the normaliser leaves the genitive) is the longer label; "Ким Чен Ын" is the name
    models = [
        _model("a", ("schema:Person", "Ким Чен Ына", "Q56226")),
        _model("b", ("schema:Person", "Ким Чен Ына", "Q56226")),
        _model("c", ("schema:Person", "Ким Чен Ын", "Q56226")),
    ]
    found = resolve(models)
    assert found.labels[found.node("a", "e0") or ""]["ru"] == "Ким Чен Ын"
