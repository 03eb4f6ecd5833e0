"""A city is not in a country GeoNames puts it outside of: the relation classifier reads words, not maps, and
placed Seoul in North Korea ("Сеул" near "Северная Корея") or Saint Petersburg in Spain.

A fact that a city (``schema:City``) is contained in a country (``schema:Country``) is left out when both names are
in GeoNames (``identity.keys.geonames``: a name several cities share names none unless one has ten times the
people) and the city lies in another country; it is listed in the model's ``left_out`` with why. Not where the two
countries are ones an article may well say a city lies in either of (`EITHER`): GeoNames' Sevastopol is Ukraine's,
its Hong Kong a country of its own; what the article states is kept.

>>> from kgraph.model import Entity, Fact
>>> from kgraph.source import parse_article
>>> seoul = Entity("seul", "schema:City", {"ru": "Сеул"})
>>> north = Entity("kndr", "schema:Country", {"ru": "КНДР"})
>>> south = Entity("rk", "schema:Country", {"ru": "Южная Корея"})
>>> facts = [Fact("seul", "schema:containedInPlace", c, (), obj_is_entity=True) for c in ("kndr", "rk")]
>>> model = ArticleModel(parse_article("a", "Сеул."), entities={"seul": seoul, "kndr": north, "rk": south}, facts=facts)
>>> [str(f.obj) for f in without_misplaced_cities(model).facts]
['rk']
>>> without_misplaced_cities(model).left_out
('fact seul schema:containedInPlace kndr: GeoNames puts Сеул in KR, КНДР is KP',)
"""

from ..model import ArticleModel, Entity, Fact

CONTAINED = "schema:containedInPlace"
EITHER = frozenset(
    frozenset(pair.split())
    for pair in ("RU UA", "RU GE", "RU MD", "AZ AM", "CN HK", "CN MO", "CN TW", "RS XK", "IL PS", "MA EH", "CY TR")
)
"""Pairs of countries (ISO 3166-1 and GeoNames' XK) where a city's country is disputed or of a special status."""


def without_misplaced_cities(model: ArticleModel) -> ArticleModel:
    """`model` less its facts that put a city in a country GeoNames puts it outside of, each listed as left out."""

    def misplaced(fact: Fact) -> str | None:
        city, country = model.entities.get(fact.subject), model.entities.get(str(fact.obj))
        if fact.predicate == CONTAINED and fact.obj_is_entity and city is not None and country is not None:
            lies, named = _country_code(city, "schema:City"), _country_code(country, "schema:Country")
            if lies and named and lies != named and frozenset((lies, named)) not in EITHER:
                name, other = city.labels.get("ru", ""), country.labels.get("ru", "")
                return f"fact {fact.subject} {CONTAINED} {fact.obj}: GeoNames puts {name} in {lies}, {other} is {named}"
        return None

    return model.without_facts(misplaced)


def _country_code(entity: Entity, cls: str) -> str | None:
    """The ISO code of the country GeoNames puts a city (or a country) of this name in, if `entity` is of `cls`."""
    from ..identity.keys import geonames_countries, geonames_id  # identity reads the extraction tables: imported late

    ident = geonames_id(cls, entity.labels.get("ru", "")) if entity.cls == cls else None
    return geonames_countries().get(ident) if ident else None
