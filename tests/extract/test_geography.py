"""A city is not put in a country GeoNames puts it outside of, but for countries a city may be said to lie in either."""

from kgraph.extract.geography import without_misplaced_cities
from kgraph.model import ArticleModel, Entity, Fact
from kgraph.source import parse_article


def _placed(city: str, *countries: str) -> ArticleModel:
    entities = {"c": Entity("c", "schema:City", {"ru": city})}
    entities |= {f"k{i}": Entity(f"k{i}", "schema:Country", {"ru": name}) for i, name in enumerate(countries)}
    facts = [Fact("c", "schema:containedInPlace", f"k{i}", (), obj_is_entity=True) for i in range(len(countries))]
    return ArticleModel(parse_article("a", f"{city}."), entities=entities, facts=facts)


def test_a_city_put_in_another_country_than_geonames_is_left_out_and_said_why() -> None:
    model = without_misplaced_cities(_placed("Сеул", "Северная Корея", "Южная Корея"))
    assert [str(f.obj) for f in model.facts] == ["k1"]
    assert model.left_out == ("fact c schema:containedInPlace k0: GeoNames puts Сеул in KR, Северная Корея is KP",)


def test_a_city_of_a_disputed_or_special_status_keeps_the_country_the_article_gives() -> None:
    assert len(without_misplaced_cities(_placed("Севастополь", "Россия")).facts) == 1
    assert len(without_misplaced_cities(_placed("Гонконг", "Китай")).facts) == 1


def test_a_city_geonames_does_not_know_for_sure_is_left_as_the_article_has_it() -> None:
    # "Троицк": two towns of GeoNames, neither with ten times the people of the other; "Гдетотамск": none
    assert len(without_misplaced_cities(_placed("Троицк", "Франция")).facts) == 1
    assert len(without_misplaced_cities(_placed("Гдетотамск", "Франция")).facts) == 1
