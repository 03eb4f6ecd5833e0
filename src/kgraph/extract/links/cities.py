"""Cities linked to Wikidata by their GeoNames id: a city NEREL train never links ("Барнаул", "Краков", "Тусон")
gets its item from city_items.tsv (scripts/build_city_items.py: Natural Earth's populated places), where geonames.tsv
names one city by its name. Only an entity typed as a city is linked so: "Армения" the country is not the Colombian
city. A city is also named as geonames.tsv writes it where its label is another reading of its word ("в Марселе"
was labelled Марсел, a man's name).

>>> city_item("Барнауле"), city_item("Кракова"), city_item("Армения"), city_item("Сибирь")
('Q6014', 'Q31487', 'Q328518', None)
"""

from functools import cache

from ..data.tables import rows
from ..doc import Doc, class_for
from ..pipeline import component
from ..text.normalise import key
from .named_items import link_unlinked

_CITY = class_for("CITY")


@cache
def city_items() -> dict[str, str]:
    """Wikidata item by GeoNames id, for every city of city_items.tsv."""
    return {ident: item for ident, item, _ in rows("city_items.tsv")}


def city_item(name: str) -> str | None:
    """The Wikidata item of the city a name (in any case) is geonames.tsv's name of, or None."""
    from ...identity.keys import geonames_id  # identity reads the extraction tables: imported once both are loaded

    ident = geonames_id(_CITY, name)
    return city_items().get(ident) if ident else None


@component("city_items", requires=("entities",), assigns=("entities",))
def city_items_of(doc: Doc) -> None:
    """Link each city without a Wikidata item to its city's, by its label or else a mention; a city whose label
    or mention is the table's city only in another reading of its word is named as the table writes it.

    >>> from kgraph.extract.doc import Doc, Draft
    >>> from kgraph.source import parse_article
    >>> doc = Doc(parse_article("a", "# Т\\n\\nВ Марселе.\\n"))
    >>> _ = doc.add(Draft("CITY", "Марсел", [doc.span(7, 14)], cls="schema:City"))
    >>> city_items_of(doc)
    >>> doc.drafts[0].label, doc.drafts[0].wikidata
    ('Марсель', 'Q23482')
    """
    from ...identity.keys import geonames_key, geonames_names

    for index, draft in enumerate(doc.drafts):
        if draft.cls != _CITY:
            continue
        for name in [draft.label, *(mention.text for mention in draft.mentions)]:
            found = geonames_key(_CITY, name)
            if found is None:
                continue
            if found[0] != key(name) and found[0] != key(draft.label):  # another reading of the word
                doc.relabel(doc.ids[index], label=geonames_names()[found])
            break
    link_unlinked(doc, _CITY, city_item)
