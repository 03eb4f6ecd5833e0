"""Build src/kgraph/extract/places.tsv: the Russian names of the world's countries and of first-level states.

Usage: python scripts/build_places.py

The names come from pycountry's Russian translations of ISO 3166-1 (countries) and ISO 3166-2 (subdivisions:
only states, lands, cantons and republics, whose names are rarely a city's too). Extraction consults this list
for a place name that NEREL train never saw, before guessing from the name's ending.
"""

import gettext
from pathlib import Path

import pycountry

from kgraph.extract.normalise import key

HEADER = """\
# kgraph places: Russian names of countries and first-level states, for typing place names NEREL train lacks.
# Built by scripts/build_places.py from pycountry {version} (Russian translations of ISO 3166-1 and ISO 3166-2,
# from Debian's iso-codes; LGPL-2.1). Columns: key (word lemmas), NEREL type, name.
"""
STATE_TYPES = {"State", "Land", "Canton", "Republic", "Autonomous republic"}


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
    version = getattr(pycountry, "__version__", "")
    lines = [HEADER.format(version=version).rstrip("\n")]
    lines += [f"{k}\t{kind}\t{name}" for k, (kind, name) in sorted(rows.items()) if k]
    return "\n".join(lines) + "\n"


def main() -> None:
    """Write places.tsv next to the linking module."""
    out = Path(__file__).resolve().parents[1] / "src/kgraph/extract/places.tsv"
    out.write_text(build(), encoding="utf-8")
    print(f"wrote {out} ({len(out.read_text(encoding='utf-8').splitlines())} lines)")


if __name__ == "__main__":
    main()
