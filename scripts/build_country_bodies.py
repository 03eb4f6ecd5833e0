"""Build src/kgraph/extract/data/country_bodies.tsv: the organisations' names NEREL train gives several countries.

Usage: python scripts/build_country_bodies.py [NEREL_TRAIN_DIR] [-o FILE]   (default ../shared/nerel/train)

An ORGANIZATION mention of NEREL train that ends with a country's name ("МВД Украины", "Правительство РФ",
"Министерство обороны США": the country a GeoNames country of geonames.tsv) tells the name before it ("МВД",
"Правительство", "Министерство обороны") names a body of that country. A name train gives two countries or more
is any country's: kgraph.identity.keys makes one node of two such bodies only when their articles are about the
same country. "Единая Россия" (one country, its name) and "ФСБ России" (one country) are not kept. Only the dev
split is used for measuring; this script refuses it. Takes a few seconds; the same input gives the same bytes.
"""

import argparse
import re
from collections import defaultdict
from pathlib import Path

from kgraph.evaluation.nerel import read_folder
from kgraph.extract.text.normalise import key
from kgraph.identity.keys import geonames
from kgraph.rdfio import bytes_writer, write_atomically

LEAST = 2
"""Different countries train must give a name."""

_LAST_WORD = re.compile(r"\s(\S+)$")


def countries_of_names(train: Path) -> dict[str, set[str]]:
    """Per name (its key), the GeoNames ids of the countries train's ORGANIZATION mentions write after it."""
    found: dict[str, set[str]] = defaultdict(set)
    for document in read_folder(train):
        for mention in document.mentions:
            last = _LAST_WORD.search(mention.text)
            if mention.type != "ORGANIZATION" or last is None:
                continue
            country = geonames().get((key(last.group(1)), "COUNTRY"))
            name = key(mention.text[: last.start()])
            if country and name:
                found[name].add(country)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train", nargs="?", type=Path, default=Path("../shared/nerel/train"))
    default = Path(__file__).resolve().parent.parent / "src/kgraph/extract/data/country_bodies.tsv"
    parser.add_argument("-o", "--out", type=Path, default=default)
    arguments = parser.parse_args()
    if "dev" in arguments.train.parts[-1:]:
        raise SystemExit("never build from dev")
    found = countries_of_names(arguments.train)
    kept = sorted(name for name, countries in found.items() if len(countries) >= LEAST)
    lines = [
        '# Organisations\' names NEREL train writes before two countries or more ("МВД России", "МВД Украины"): name',
        "# key, how many countries. Built by scripts/build_country_bodies.py from NEREL v1.1 train (countries as in",
        "# geonames.tsv); read by kgraph.identity.keys, which joins two such bodies only within one country.",
        *(f"{name}\t{len(found[name])}" for name in kept),
    ]
    write_atomically(arguments.out, bytes_writer(("\n".join(lines) + "\n").encode()))
    print(f"{len(kept)} names -> {arguments.out}")


if __name__ == "__main__":
    main()
