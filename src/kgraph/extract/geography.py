"""A place is not in a country or a region the tables put it outside of: the relation classifier reads words, not
maps, and placed Seoul in North Korea ("Сеул" near "Северная Корея"), Saint Petersburg in Spain, Minsk in the Omsk
region ("принял в Минске губернатора Омской области") or the Leningrad region in India ("из порта Усть-Луга в
Ленинградской области в Индию").

A fact that a city or a region (``schema:City``, ``schema:AdministrativeArea``) is contained in a country or a region
is left out when the country each lies in is known, by GeoNames for a city or a country (``identity.keys.geonames``: a
name several cities share names none unless one has ten times the people) and by ISO 3166-2 for a region
(``links.states``), and the two differ; it is listed in the model's ``left_out`` with why. Not where the two
countries are ones an article may well say a place lies in either of (`EITHER`): GeoNames' Sevastopol is Ukraine's,
its Hong Kong a country of its own, Greenland's towns are not Denmark's; what the article states is kept.

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
('fact seul schema:containedInPlace kndr: Сеул lies in KR, КНДР in KP',)
"""

from ..model import ArticleModel, Entity, Fact
from .text.normalise import key

CONTAINED = "schema:containedInPlace"
_DISPUTED = ("RU UA", "RU GE", "RU MD", "AZ AM", "CN HK", "CN MO", "CN TW", "RS XK", "IL PS", "MA EH", "CY TR")
_DEPENDENCIES = ("DK GL", "DK FO", "US PR", "US GU", "US VI", "NL AW", "NL CW", "NL SX", "GB GI", "GB FK", "GB BM")
_CROWN_AND_OTHERS = ("GB JE", "GB GG", "GB IM", "FR NC", "FR PF", "AU NF", "NZ CK", "FI AX")
EITHER = frozenset(frozenset(pair.split()) for pair in (*_DISPUTED, *_DEPENDENCIES, *_CROWN_AND_OTHERS))
"""Pairs of countries (ISO 3166-1 and GeoNames' XK) where a place's country is disputed or of a special status: a
dependency's towns lie in it and in the country it belongs to."""

_INSIDE = frozenset({"schema:City", "schema:AdministrativeArea"})
"""The places whose country is checked when a fact puts them in another place."""
_AROUND = frozenset({"schema:Country", "schema:AdministrativeArea"})
"""The places a fact may put one of `_INSIDE` in, whose country is checked."""


def without_misplaced_cities(model: ArticleModel) -> ArticleModel:
    """`model` less its facts that put a city or a region in a country or a region of another country than the
    tables put it in, each listed as left out."""

    def misplaced(fact: Fact) -> str | None:
        place, around = model.entities.get(fact.subject), model.entities.get(str(fact.obj))
        if fact.predicate != CONTAINED or not fact.obj_is_entity or place is None or around is None:
            return None
        if place.cls not in _INSIDE or around.cls not in _AROUND:
            return None
        lies, named = country_code(place), country_code(around)
        if lies and named and lies != named and frozenset((lies, named)) not in EITHER:
            name, other = place.labels.get("ru", ""), around.labels.get("ru", "")
            return f"fact {fact.subject} {CONTAINED} {fact.obj}: {name} lies in {lies}, {other} in {named}"
        return None

    return model.without_facts(misplaced)


def country_code(entity: Entity) -> str | None:
    """The ISO 3166-1 code of the country a place lies in: GeoNames' for a city or a country of its name, ISO
    3166-2's for a region; None when the tables do not know it for sure.

    >>> from kgraph.model import Entity
    >>> [country_code(Entity("x", cls, {"ru": name})) for cls, name in [
    ...     ("schema:City", "Минск"), ("schema:AdministrativeArea", "Омская область"), ("schema:Country", "Индия")]]
    ['BY', 'RU', 'IN']
    """
    from ..identity.keys import geonames_countries, geonames_id  # identity reads the extraction tables: imported late
    from .links.states import state_countries

    label = entity.labels.get("ru", "")
    if entity.cls == "schema:AdministrativeArea":
        return state_countries().get(key(label))
    ident = geonames_id(entity.cls, label) if entity.cls in ("schema:City", "schema:Country") else None
    return geonames_countries().get(ident) if ident else None
