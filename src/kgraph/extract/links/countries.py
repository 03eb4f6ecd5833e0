"""Countries linked to Wikidata by their GeoNames id: a country NEREL train never links ("Мали", "Уругвай") gets
its item from country_items.tsv (scripts/build_country_items.py), the item NEREL train gives it where it gives one.

>>> country_item("Мали"), country_item("Уругвае"), country_item("Омск")
('Q912', 'Q77', None)
"""

from functools import cache

from ..data.tables import rows
from ..doc import Doc, class_for
from ..pipeline import component
from .named_items import link_unlinked

_COUNTRY = class_for("COUNTRY")


@cache
def country_items() -> dict[str, str]:
    """Wikidata item by GeoNames id, for every country of geonames.tsv."""
    return {ident: item for ident, _, item, _ in rows("country_items.tsv")}


def country_item(name: str) -> str | None:
    """The Wikidata item of the country a name (in any case) is GeoNames' name of, or None."""
    from ...identity.keys import geonames_id  # identity reads the extraction tables: imported once both are loaded

    ident = geonames_id(_COUNTRY, name)
    return country_items().get(ident) if ident else None


@component("country_items", requires=("entities",), assigns=("entities",))
def country_items_of(doc: Doc) -> None:
    """Link each country without a Wikidata item to its country's, by its label or else a mention."""
    link_unlinked(doc, _COUNTRY, country_item)
