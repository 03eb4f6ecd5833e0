"""Build src/kgraph/extract/data/state_items.tsv: the Wikidata item of the first-level states, provinces and
regions of ISO 3166-2 by their Russian names, so that a state NEREL train never links ("Колорадо", "Гессен", "Новая
Шотландия") is linked all the same.

Usage: python scripts/build_state_items.py STATES_CSV [STATES_SQL]

STATES_CSV is csv/states.csv of dr5hn/countries-states-cities-database (ODbL 1.0), e.g. from ``git show
7fda0afd3e75391d9480c22ed3a2b91f50e08eb6:csv/states.csv`` in a clone of github.com/dr5hn/countries-states-cities-
database: each state's ISO 3166-2 code and Wikidata item. pycountry's Russian translations of ISO 3166-2 (Debian's
iso-codes) give each code its Russian name; "Республика Татарстан" (and "Татарстан, Республика") is found by
"Татарстан" too. A name two items share ("Лимбург" of Belgium and of the Netherlands) is left out. Russia's subjects
are also found by the informal names news gives them, and the oblasts of Belarus, Kazakhstan and Kyrgyzstan by
their Russian names (scripts/data/region_names.tsv: "Якутия", "Кузбасс", "Гомельская область"; hand-written). The
extractor asks this table only for a state the gazetteer built from NEREL train did not link.

STATES_SQL, psql/states.sql of the same commit, gives the Russian name dr5hn's translations hold for a subdivision
iso-codes does not translate (1,389 of the 2,325 first-level ones outside Russia with an item and no iso-codes name:
China's provinces "Фуцзянь" and "Хубэй", Turkey's, Finland's regions), taken only for a region, not a municipality,
parish or city, and only when the name reads as a place (a word the dictionary lacks or knows as a place: not
"Север" or "Кузьма") and names no country ("Тайвань" is no Chinese province here).
"""

import csv
import gettext
import itertools
import json
import re
import sys
from collections import defaultdict
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pycountry
import pymorphy3

from kgraph.extract.text.normalise import key

HEADER = """\
# kgraph state items: the Wikidata item of each first-level ISO 3166-2 subdivision by its Russian name. Built by
# scripts/build_state_items.py from dr5hn/countries-states-cities-database (csv/states.csv, ODbL 1.0: ISO 3166-2
# codes and Wikidata items; psql/states.sql: Russian names iso-codes lacks, for {translated} regions; this table is
# a derived database under the same licence), pycountry {pycountry} (Russian names of ISO 3166-2, from Debian's
# iso-codes; LGPL-2.1) and scripts/data/region_names.tsv (names iso-codes lacks, hand-written); {ambiguous} names
# that two items share left out.
# Columns: name key, ISO 3166-2 code, Wikidata item, Russian name.
"""

REPUBLIC = "Республика"

ROMAN = (
    *(("iya", "ия"), ("shch", "щ"), ("kh", "х"), ("ts", "ц|тс"), ("ch", "ч"), ("sh", "ш"), ("zh", "ж")),
    *(("yu", "ю"), ("ya", "я"), ("ye", "е"), ("yy", "ый"), ("iy", "ий"), ("'", "ь")),
    *zip("abvgdezikl", "абвгдезикл", strict=True),
    *zip("mnoprstuf", "мнопрстуф", strict=True),
)
"""BGN/PCGN romanisation (pycountry's names of Russia's subdivisions) back to Cyrillic, longest letters first;
"ts" is "ц" or "тс" ("Lipetskaya", "Irkutskaya"), which the dictionary decides."""

_MORPH = pymorphy3.MorphAnalyzer()


def from_romanized(word: str) -> str | None:
    """A word of a Russian name written in BGN/PCGN Latin letters, in Cyrillic; None when the spelling is
    ambiguous and the dictionary knows no reading or several.

    >>> [from_romanized(w) for w in ("Ul'yanovskaya", "Irkutskaya", "Lipetskaya", "Khakasiya", "Yamalo-Nenetskiy")]
    ['Ульяновская', 'Иркутская', 'Липецкая', 'Хакасия', 'Ямало-Ненецкий']
    """
    lower, letters, at = word.lower(), [], 0
    while at < len(lower):
        if lower[at] == "e" and (at == 0 or lower[at - 1] == "-"):
            letters.append(["э"])
            at += 1
        elif lower[at] == "y" and not lower.startswith(("ya", "yu", "ye", "yy"), at):
            letters.append(["й" if at and lower[at - 1] in "aeiou" else "ы"])
            at += 1
        else:
            latin, cyrillic = next(((a, b) for a, b in ROMAN if lower.startswith(a, at)), (lower[at], lower[at]))
            letters.append(cyrillic.split("|"))
            at += len(latin)
    readings = ["".join(letters) for letters in itertools.product(*letters)]
    if len(readings) > 1:
        readings = [r for r in readings if _MORPH.word_is_known(r) or _MORPH.word_is_known(r.split("-")[-1])]
    if len(readings) != 1:
        return None
    capitals = [part[:1].isupper() for part in word.split("-")]
    return "-".join(p[:1].upper() + p[1:] if up else p for p, up in zip(readings[0].split("-"), capitals, strict=True))


def russian_name(subdivision: Any, translated: str) -> str | None:
    """A subdivision's Russian name: iso-codes' translation, or for Russia's own, whose names iso-codes gives in
    Latin letters only, that name back in Cyrillic ("Omskaya oblast'" is "Омская область")."""
    if translated != subdivision.name:
        return translated
    if subdivision.country_code != "RU":
        return None
    words = [from_romanized(w) for w in translated.replace(",", " ,").split()]
    return " ".join(w for w in words if w).replace(" ,", ",") if all(words) else None


def russian_names(name: str) -> list[str]:
    """The names a subdivision's Russian name is written by: "Республика Татарстан" also as "Татарстан", and
    iso-codes' inverted "Саха, Республика" as "Республика Саха" and "Саха"; other names with a comma none.

    >>> russian_names("Саха, Республика"), russian_names("Колорадо"), russian_names("Корк, графство")
    (['Республика Саха', 'Саха'], ['Колорадо'], [])
    """
    if "," in name:
        head, _, kind = (part.strip() for part in name.partition(","))
        if kind != REPUBLIC:
            return []
        name = f"{REPUBLIC} {head}"
    if name.startswith(REPUBLIC + " ") and name != REPUBLIC:
        return [name, name.removeprefix(REPUBLIC + " ")]
    return [name]


LOCAL = frozenset(
    {"Municipality", "Urban municipality", "Special municipality", "Local council", "Island council", "Parish"}
    | {"Commune", "Quarter", "City", "City with county rights", "Capital city", "Metropolitan city"}
    | {"Administrative atoll"}
)
"""ISO 3166-2's kinds of subdivision too local for a name from dr5hn's translations: a town's name is a city's."""

_CYRILLIC_NAME = re.compile(r"[А-ЯЁ][а-яё]*(?:[ -][А-ЯЁа-яё][а-яё]*)*")


_SQL_ROW = re.compile(r"^INSERT INTO public\.states VALUES \(.*?'([A-Z]{2}-[A-Z0-9]+)', .*?'(\{[^']*\})'", re.M)
"""A row of psql/states.sql: its ISO 3166-2 code and its translations (JSON)."""


def dr5hn_russian(sql: str) -> dict[str, str]:
    """The Russian name in dr5hn's translations of each ISO 3166-2 code, from the rows of psql/states.sql.

    >>> row = "INSERT INTO public.states VALUES (2248, 'Fujian', 45, 'CN', '07', 'FJ', 'CN-FJ', 'province', 1, "
    >>> dr5hn_russian(row + "NULL, '福建省', 1, 2, 'Asia/Shanghai', '{\\"ru\\": \\"Фуцзянь\\"}', 'x', 'y', 1, 'Q41705');")
    {'CN-FJ': 'Фуцзянь'}
    """
    found = {}
    for row in _SQL_ROW.finditer(sql):
        name = json.loads(row.group(2)).get("ru")
        if name:
            found[row.group(1)] = name
    return found


def reads_as_a_place(name: str) -> bool:
    """Whether a Russian name from dr5hn's translations is written as a place's: Cyrillic, and a word of it the
    dictionary lacks or knows as a place's name, not only common words or a first name.

    >>> [reads_as_a_place(n) for n in ("Фуцзянь", "Северная Остроботния", "Север", "Кузьма", "Lạng Sơn")]
    [True, True, False, False, False]
    """
    if not _CYRILLIC_NAME.fullmatch(name):
        return False
    words = re.split(r"[ -]", name)
    return any(not _MORPH.word_is_known(w.lower()) or "Geox" in _MORPH.parse(w)[0].tag for w in words)


def build(states: list[dict[str, str]], translated: dict[str, str] | None = None) -> str:
    """The state_items.tsv text; `translated`: dr5hn's Russian names by ISO 3166-2 code (``dr5hn_russian``)."""
    from kgraph.extract.places.types import listed_places

    items = {state["iso3166_2"]: state["wikiDataId"] for state in states if state["wikiDataId"].startswith("Q")}
    russian = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["ru"])
    found: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    from_dr5hn = 0
    for subdivision in pycountry.subdivisions:
        if subdivision.parent_code is not None:
            continue  # a county or province of a region: dr5hn's item is often its council's, not the place's
        item, name = items.get(subdivision.code), russian_name(subdivision, russian.gettext(subdivision.name))
        if item is not None and name is None and subdivision.type not in LOCAL:
            name = (translated or {}).get(subdivision.code)
            if name and (not reads_as_a_place(name) or listed_places().get(key(name)) == "COUNTRY"):
                name = None
            from_dr5hn += name is not None
        if item is None or name is None:
            continue
        for written in russian_names(name):
            found[key(written)].add((subdivision.code, item, written))
    aliases = Path(__file__).with_name("data") / "region_names.tsv"
    for line in aliases.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            written, code = line.split("\t")
            found[key(written)].add((code, items[code], written))
    lines, ambiguous = [], 0
    for name_key, named in sorted(found.items()):
        if len({item for _, item, _ in named}) > 1:
            ambiguous += 1
            continue
        code, item, written = min(named)
        if name_key:
            lines.append(f"{name_key}\t{code}\t{item}\t{written}")
    header = HEADER.format(pycountry=version("pycountry"), ambiguous=ambiguous, translated=from_dr5hn)
    return header + "\n".join(lines) + "\n"


def main() -> None:
    """Write state_items.tsv beside the extraction tables."""
    if len(sys.argv) not in (2, 3):
        raise SystemExit(__doc__.split("\n\n")[1])
    with Path(sys.argv[1]).open(encoding="utf-8", newline="") as file:
        states = list(csv.DictReader(file))
    translated = dr5hn_russian(Path(sys.argv[2]).read_text(encoding="utf-8")) if len(sys.argv) == 3 else None
    out = Path(__file__).resolve().parents[1] / "src/kgraph/extract/data/state_items.tsv"
    out.write_text(build(states, translated), encoding="utf-8")
    print(f"wrote {out} ({len(out.read_text(encoding='utf-8').splitlines())} lines)")


if __name__ == "__main__":
    main()
