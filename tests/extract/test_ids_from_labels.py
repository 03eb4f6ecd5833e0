"""An extracted entity's id is its settled label's slug, not the slug of the words that first named it, and every
statement about it names that id."""

from kgraph.extract import extract_article
from kgraph.extract.ids import ids_from_labels
from kgraph.model import ArticleModel, Entity
from kgraph.source import parse_article

ARTICLE = (
    "# Лавров провёл переговоры\n\n"
    "Министр иностранных дел России Сергей Лавров провел в Москве переговоры с главой МИД Турции Хаканом Фиданом. "
    "Фидан в свою очередь пригласил российского коллегу посетить Анкару.\n"
)


def test_a_person_first_named_in_the_instrumental_gets_the_id_of_the_name():
    model = extract_article(parse_article("a", ARTICLE))
    ids = {e.labels["ru"]: ident for ident, e in model.entities.items()}
    assert ids["Хакан Фидан"] == "khakan_fidan"
    assert "khakan_fidanom" not in model.entities
    assert all(e.id == ident for ident, e in model.entities.items())
    held = {(f.subject, str(f.obj)) for f in model.facts if f.predicate == "kg:holdsPosition"}
    assert ("khakan_fidan", ids["глава МИД Турции"]) in held


def test_a_venue_first_named_in_the_prepositional_gets_the_id_of_its_name():
    model = extract_article(parse_article("a", "# Новости\n\nМатч прошёл на «Газпром Арене» в Петербурге.\n"))
    assert [i for i, e in model.entities.items() if e.labels["ru"] == "Газпром Арена"] == ["gazprom_arena"]


def test_an_id_another_entity_has_is_numbered():
    one = Entity("turtsiya", "schema:Country", {"ru": "Турция"})
    other = Entity("turtsii", "schema:Organization", {"ru": "Турция"})
    same = Entity("turtsiya_2", "schema:Place", {"ru": "Турция"})
    model = ArticleModel(parse_article("a", "x"), entities={e.id: e for e in (one, other, same)})
    assert ids_from_labels(model) == {"turtsii": "turtsiya_3"}


def test_an_id_given_up_is_free_for_the_entity_whose_label_it_is_and_no_label_keeps_its_id():
    entities = [
        Entity("moskva", "schema:Place", {"ru": "Москва-Сити"}),
        Entity("moskvy", "schema:City", {"ru": "Москва"}),
        Entity("x", "schema:Thing", {"en": "Nothing in Russian"}),
    ]
    model = ArticleModel(parse_article("a", "x"), entities={e.id: e for e in entities})
    assert ids_from_labels(model) == {"moskva": "moskva_siti", "moskvy": "moskva"}
