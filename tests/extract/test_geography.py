"""A city or a region is not put in a country or a region the tables put it outside of, but for countries a place may
be said to lie in either."""

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
    assert model.left_out == ("fact c schema:containedInPlace k0: Сеул lies in KR, Северная Корея in KP",)


def test_a_city_of_a_disputed_or_special_status_keeps_the_country_the_article_gives() -> None:
    assert len(without_misplaced_cities(_placed("Севастополь", "Россия")).facts) == 1
    assert len(without_misplaced_cities(_placed("Гонконг", "Китай")).facts) == 1


def test_a_city_geonames_does_not_know_for_sure_is_left_as_the_article_has_it() -> None:
    # "Троицк": two towns of GeoNames, neither with ten times the people of the other; "Гдетотамск": none
    assert len(without_misplaced_cities(_placed("Троицк", "Франция")).facts) == 1
    assert len(without_misplaced_cities(_placed("Гдетотамск", "Франция")).facts) == 1


def test_a_city_or_a_region_put_in_a_region_or_a_country_of_another_country_is_left_out() -> None:
    def placed(inside: tuple[str, str], around: tuple[str, str]) -> ArticleModel:
        entities = {"a": Entity("a", inside[0], {"ru": inside[1]}), "b": Entity("b", around[0], {"ru": around[1]})}
        fact = Fact("a", "schema:containedInPlace", "b", (), obj_is_entity=True)
        return without_misplaced_cities(ArticleModel(parse_article("a", "."), entities=entities, facts=[fact]))

    city, region, country = "schema:City", "schema:AdministrativeArea", "schema:Country"
    # a review helper's articles: "принял в Минске губернатора Омской области", "из Ленинградской области в Индию"
    assert not placed((city, "Минск"), (region, "Омская область")).facts
    assert not placed((region, "Ленинградская область"), (country, "Индия")).facts
    assert len(placed((city, "Омск"), (region, "Омская область")).facts) == 1
    assert len(placed((region, "Ленинградская область"), (country, "Россия")).facts) == 1
    assert len(placed((city, "Нуук"), (country, "Дания")).facts) == 1  # Greenland's, and the kingdom's
