"""Each competency question gives the answer the article gives."""

from kgraph.facts import parse_facts
from kgraph.graph import build_dataset
from kgraph.query import LocalStore, find_query, list_queries
from kgraph.source import parse_article


def run(store: LocalStore, name: str) -> list[tuple[str | None, ...]]:
    return store.query(find_query(name).text).rows()


def test_there_are_at_least_ten_documented_queries() -> None:
    queries = list_queries()
    assert len(queries) >= 10
    assert all(q.description for q in queries)


def test_who_chaired_the_plenary(seed_store: LocalStore) -> None:
    rows = run(seed_store, "plenary_chairs")
    assert [(r[2], r[3]) for r in rows] == [
        ("Kassym-Jomart Tokayev", "President of Kazakhstan"),
        ("Vladimir Putin", "President of Russia"),
    ]


def test_who_took_part_and_from_how_many_regions(seed_store: LocalStore) -> None:
    rows = run(seed_store, "forum_participation")
    counts = {r[0]: r[2] for r in rows if r[0] != "participant"}
    assert counts == {
        "number of participants": "1600",
        "number of regions represented": "24",
        "number of oblasts represented": "10",
        "number of agreements signed": "20",
    }
    participants = {r[1] for r in rows if r[0] == "participant"}
    assert {
        "Vladimir Putin",
        "Kassym-Jomart Tokayev",
        "heads of ministries and agencies",
        "business people of the two states",
    } <= participants


def test_what_was_opened_where_and_when(seed_store: LocalStore) -> None:
    listed = run(seed_store, "openings")
    rows = set(listed)
    assert len(listed) == len(rows) == 3  # each opening once (without DISTINCT the exhibition came twice)
    assert ("Hermitage-Siberia", "Omsk", "2019-11-06", "вчера") in rows
    assert ("Avangard Hockey Academy", "Omsk", "2019-11-07", "сегодня, 7 ноября") in rows
    assert any(r[0].startswith("exhibition “High Technologies") and r[2] == "2019-11-06" for r in rows if r[0])


def test_trade_turnover_in_2018_and_its_growth(seed_store: LocalStore) -> None:
    rows = {r[0]: r[1:] for r in run(seed_store, "trade_turnover")}
    assert rows["trade turnover"][:3] == ("18200000000", "http://www.wikidata.org/entity/Q4917", "2018")
    assert rows["growth of trade turnover"][:3] == ("4.5", "http://www.wikidata.org/entity/Q11229", "2018")
    assert rows["trade turnover"][3:] == ("в прошлом году", "Vladimir Putin")


def test_accumulated_investment_each_way(seed_store: LocalStore) -> None:
    rows = run(seed_store, "investment")
    assert [(r[0], r[1], r[2], r[4].rsplit("#", 1)[1]) for r in rows if r[4]] == [
        ("Russia", "Kazakhstan", "13000000000", "exactly"),
        ("Kazakhstan", "Russia", "4000000000", "almost"),
    ]


def test_who_said_what(seed_store: LocalStore) -> None:
    rows = run(seed_store, "quotes")
    direct = [(r[1], r[2][:20]) for r in rows if r[0] == "direct"]
    assert direct == [
        ("Vladimir Putin", "Весомый вклад в разв"),
        ("Kassym-Jomart Tokayev", "Темпы роста торговли"),
        ("Vladimir Putin", "Россия - крупнейший "),
    ]
    for _kind, _speaker, text, passage, *_ in rows:
        assert text in passage
    assert any(r[3].endswith("- подчеркнул глава Казахстана.") for r in rows if r[3])


def test_documents_adopted_or_exchanged(seed_store: LocalStore) -> None:
    rows = {(r[0], r[1]) for r in run(seed_store, "documents")}
    assert ("Concept of Cross-Border Cooperation Programmes of Russia and Kazakhstan", "adopted") in rows
    assert ("Concept for Developing the Border Checkpoints of the Two States", "exchanged") in rows
    assert ("agreements signed at the forum", "signed") in rows


def test_everything_in_omsk_by_date(seed_store: LocalStore) -> None:
    rows = run(seed_store, "events_in_omsk")
    dated = [(r[0], r[1]) for r in rows if r[0]]
    assert dated == sorted(dated)
    assert ("2019-11-06", "ceremonial opening of Hermitage-Siberia") in dated
    assert ("2019-11-07", "plenary session of the 16th Forum") in dated
    assert ("2019-11-07", "friendly hockey match") in dated
    assert rows[-1][0] is None  # undated events come last


def test_which_sentence_supports_a_fact(seed_store: LocalStore) -> None:
    rows = run(seed_store, "evidence_for_fact")
    chair = [
        r
        for r in rows
        if r[0] == "https://w3id.org/kgraph/id/plenary"
        and r[1] == "https://w3id.org/kgraph/ontology#chair"
        and r[2] == "https://w3id.org/kgraph/id/putin"
    ]
    assert len(chair) == 1
    assert chair[0][3] == "председательствовали президент России Владимир Путин"
    assert chair[0][6].startswith("XVI Форум межрегионального сотрудничества России и Казахстана завершился")


def test_who_wrote_and_published_the_article(seed_store: LocalStore) -> None:
    (row,) = run(seed_store, "article_authorship")
    assert row[1:] == (
        "Anna Bambulskaya",
        "Omsk Zdes",
        "2019-11-07T00:00:00Z",
        "https://omskzdes.ru/politics/66138.html",
        "kremlin.ru",
    )


def test_every_figure_is_listed_in_text_order(seed_store: LocalStore) -> None:
    rows = run(seed_store, "figures")
    assert len(rows) == 15
    assert [int(r[6]) for r in rows] == sorted(int(r[6]) for r in rows)


def test_people_and_their_offices(seed_store: LocalStore) -> None:
    rows = run(seed_store, "people_and_offices")
    assert (
        "Vladimir Putin",
        "Владимир Путин",
        "President of Russia",
        "Russia",
        "http://www.wikidata.org/entity/Q7747",
    ) in rows


NEWS = """# Открыли технопарк

Published at: **2021-03-15T00:00:00+00:00**

Author: **Иван Петров**

Original: [Новости Сибири](https://example.org/news/1)

- Технопарк даст работу тысяче специалистов, - заявил Андрей Травников.
"""
FACTS = """
article: {author: petrov, publisher: sibir}
entities:
  petrov: {class: schema:Person, label: {ru: Иван Петров, ru-Latn: Ivan Petrov}, mentions: [Иван Петров]}
  sibir: {class: schema:Organization, label: {ru: Новости Сибири, ru-Latn: Novosti Sibiri}, mentions: [Новости Сибири]}
  travnikov: {class: schema:Person, label: {ru: Андрей Травников, ru-Latn: Andrey Travnikov},
              mentions: [Андрей Травников]}
quotes:
  jobs: {kind: direct, speaker: travnikov, text: Технопарк даст работу тысяче специалистов}
"""


def test_names_with_no_english_form_are_answered_in_latin_letters() -> None:
    article = parse_article("technopark", NEWS)
    store = LocalStore.from_rdflib(build_dataset([parse_facts(article, FACTS)]))
    assert [r[1:3] for r in run(store, "article_authorship")] == [("Ivan Petrov", "Novosti Sibiri")]
    assert [r[:2] for r in run(store, "quotes")] == [("direct", "Andrey Travnikov")]
    assert [r[:2] for r in run(store, "people_and_offices")] == [
        ("Andrey Travnikov", "Андрей Травников"),
        ("Ivan Petrov", "Иван Петров"),
    ]
