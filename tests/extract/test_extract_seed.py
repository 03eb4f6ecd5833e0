"""Extraction from the seed article: who, where, which events, what was said, which figures."""

from datetime import date
from decimal import Decimal

from kgraph.extract import dump_facts
from kgraph.facts import parse_facts
from kgraph.model import ArticleModel, TimeRef


def _by_label(model: ArticleModel, label: str) -> str:
    return next(e.id for e in model.entities.values() if e.labels["ru"] == label)


def test_persons_are_named_in_the_nominative_and_putin_is_linked(seed_model: ArticleModel) -> None:
    persons = {e.labels["ru"]: e for e in seed_model.entities.values() if e.cls == "schema:Person"}
    assert {"Владимир Путин", "Касым-Жомарт Токаев", "Анна Бамбульская"} <= set(persons)
    assert persons["Владимир Путин"].wikidata == "Q7747"
    assert len(persons["Касым-Жомарт Токаев"].mentions) >= 4


def test_countries_and_city_are_typed_through_the_gazetteer(seed_model: ArticleModel) -> None:
    classes = {e.labels["ru"]: e.cls for e in seed_model.entities.values()}
    assert classes["Россия"] == "schema:Country"
    assert classes["Казахстан"] == "schema:Country"
    assert classes["Омск"] == "schema:City"


def test_the_three_direct_quotes_have_the_right_speakers(seed_model: ArticleModel) -> None:
    putin, tokayev = _by_label(seed_model, "Владимир Путин"), _by_label(seed_model, "Касым-Жомарт Токаев")
    direct = [u for u in seed_model.utterances if u.kind == "direct"]
    assert [u.speakers for u in direct] == [(putin,), (tokayev,), (putin,)]
    assert direct[0].text.text.startswith("Весомый вклад")
    assert direct[2].verb == "отметил"


def test_a_pronoun_speaker_is_the_last_person_who_spoke(seed_model: ArticleModel) -> None:
    tokayev = _by_label(seed_model, "Касым-Жомарт Токаев")
    reported = next(u for u in seed_model.utterances if u.text.text.startswith("поднимается вопрос"))
    assert reported.kind == "reported" and reported.speakers == (tokayev,)


def test_titles_give_the_office_and_its_state(seed_model: ArticleModel) -> None:
    putin, russia = _by_label(seed_model, "Владимир Путин"), _by_label(seed_model, "Россия")
    office = _by_label(seed_model, "президент России")
    triples = {(f.subject, f.predicate, f.obj) for f in seed_model.facts}
    assert (putin, "kg:holdsPosition", office) in triples
    assert (office, "kg:positionIn", russia) in triples


def test_events_are_found_with_edition_dates_and_what_was_opened(seed_model: ArticleModel) -> None:
    by_class: dict[str, list[str]] = {}
    for entity in seed_model.entities.values():
        by_class.setdefault(entity.cls, []).append(entity.labels["ru"])
    assert "XVI Форум межрегионального сотрудничества России и Казахстана" in by_class["kg:Forum"]
    assert by_class["kg:PlenarySession"] == ["пленарное заседание"]
    assert len(by_class["schema:ExhibitionEvent"]) == 1
    assert len(by_class["kg:Opening"]) == 3
    forum = _by_label(seed_model, "XVI Форум межрегионального сотрудничества России и Казахстана")
    assert any(f.subject == forum and f.predicate == "kg:edition" and f.obj == 16 for f in seed_model.facts)
    exhibition = next(e.id for e in seed_model.entities.values() if e.cls == "schema:ExhibitionEvent")
    start = next(f.obj for f in seed_model.facts if f.subject == exhibition and f.predicate == "schema:startDate")
    assert isinstance(start, TimeRef) and start.value == date(2019, 11, 6)
    opened = {f.obj for f in seed_model.facts if f.predicate == "kg:opens"}
    assert exhibition in opened


def test_quantities_have_value_unit_and_qualifier(seed_model: ArticleModel) -> None:
    found = {(q.value, q.unit, q.qualifier) for q in seed_model.quantities}
    assert (Decimal(500_000_000), "t", "moreThan") in found
    assert (Decimal("4.5"), "%", "exactly") in found
    assert (Decimal(4_000_000_000), "USD", "almost") in found
    assert (Decimal(7500), "km", "moreThan") in found  # "превышает 7,5 тыс. километров", as the curators read it
    headline_and_body = next(q for q in seed_model.quantities if q.value == Decimal(13_000_000_000))
    assert len(headline_and_body.evidence) == 2


def test_every_item_carries_evidence_and_confidence(seed_model: ArticleModel) -> None:
    text = seed_model.article.text
    items = [*seed_model.entities.values(), *seed_model.facts, *seed_model.quantities, *seed_model.utterances]
    assert items
    for item in items:
        assert item.confidence is not None and 0 <= item.confidence <= 1
    for fact in seed_model.facts:
        assert fact.evidence and all(text[s.start : s.end] == s.text for s in fact.evidence)
    for quantity in seed_model.quantities:
        assert all(text[s.start : s.end] == s.text for s in quantity.evidence)


def test_written_facts_read_back_to_an_equal_model(seed_model: ArticleModel) -> None:
    again = parse_facts(seed_model.article, dump_facts(seed_model))
    assert again.entities == seed_model.entities
    assert again.facts == seed_model.facts
    assert again.quantities == seed_model.quantities
    assert again.utterances == seed_model.utterances
    assert again.meta == seed_model.meta


def test_header_metadata_becomes_author_and_publisher(seed_model: ArticleModel) -> None:
    assert seed_model.meta.author == _by_label(seed_model, "Анна Бамбульская")
    assert seed_model.meta.publisher == _by_label(seed_model, "Омск Здесь")
