"""Build src/kgraph/extract/data/title_adjectives.tsv: the adjectives NEREL train makes part of an office's name.

Usage: python scripts/build_title_adjectives.py [NEREL_TRAIN_DIR] [-o FILE]   (default ../shared/nerel/train)

For each adjective (pymorphy3's first reading, by lemma), how often a PROFESSION mention of NEREL train begins with
it ("[генеральный директор]", "[главный тренер]") and how often it stands right before one, outside it ("бывший
[министр]", "новый [премьер]", "российский [президент]"). An adjective seen at the start of 3 or more and at least
twice as often there as outside is kept: kgraph.extract.relations.titles takes it into a title ("Генеральный
директор «Северстали» Александр Шевелев"). Only the dev split is used for measuring; this script refuses it.
Takes a few seconds; the same input gives the same bytes.
"""

import argparse
import re
from collections import Counter
from pathlib import Path

from kgraph.evaluation.nerel import read_folder
from kgraph.extract.text.normalise import parses
from kgraph.rdfio import bytes_writer, write_atomically

LEAST = 3
"""Times an adjective must begin an office's name in train."""
SHARE = 2.0
"""How many times more often it must begin one than stand outside, right before one."""

_FIRST_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
_LAST_WORD = re.compile(r"([А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*) $")


def _adjective(word: str) -> str | None:
    reading = parses(word.lower())[0]
    return str(reading.normal_form) if reading.tag.POS == "ADJF" else None


def counts(train: Path) -> tuple[Counter[str], Counter[str]]:
    """Per adjective lemma: how often it begins a PROFESSION mention, and how often it stands right before one."""
    inside: Counter[str] = Counter()
    outside: Counter[str] = Counter()
    for document in read_folder(train):
        for mention in document.mentions:
            if mention.type != "PROFESSION":
                continue
            first = _FIRST_WORD.match(document.text, mention.start, mention.end)
            if first and (lemma := _adjective(first.group())):
                inside[lemma] += 1
            before = _LAST_WORD.search(document.text[max(0, mention.start - 40) : mention.start])
            if before and (lemma := _adjective(before.group(1))):
                outside[lemma] += 1
    return inside, outside


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train", nargs="?", type=Path, default=Path("../shared/nerel/train"))
    default = Path(__file__).resolve().parent.parent / "src/kgraph/extract/data/title_adjectives.tsv"
    parser.add_argument("-o", "--out", type=Path, default=default)
    arguments = parser.parse_args()
    if "dev" in arguments.train.parts[-1:]:
        raise SystemExit("never build from dev")
    inside, outside = counts(arguments.train)
    kept = sorted(a for a, n in inside.items() if n >= LEAST and n >= SHARE * outside[a])
    lines = [
        "# Adjectives NEREL train makes part of an office's name: lemma, times a PROFESSION mention begins with it,",
        f"# times it stands right before one (kept: {LEAST}+ at the start, {SHARE:g}x as often as before). Built by",
        "# scripts/build_title_adjectives.py from NEREL v1.1 train; read by kgraph.extract.relations.titles.",
        *(f"{a}\t{inside[a]}\t{outside[a]}" for a in kept),
    ]
    write_atomically(arguments.out, bytes_writer(("\n".join(lines) + "\n").encode()))
    print(f"{len(kept)} adjectives -> {arguments.out}")


if __name__ == "__main__":
    main()
