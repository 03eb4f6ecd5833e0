"""Write everything extraction says about a fixed set of texts, to prove a refactoring changes nothing.

Usage: python scripts/snapshot_extraction.py OUT.txt [--nerel ../shared/nerel] [--without PACK] [--sorted]

The texts: the seed article, NEREL dev (94 documents) and the last 150 NEREL train documents (the ones rules are
tuned on). For each, the whole extracted model (entities with classes, labels, links and mentions; facts;
quantities; quotes) is written as facts YAML under a `== name` line, so two snapshots compare with `diff`.
`--without PACK` switches a component set off (see ``kgraph.extract.build.PACKS``) to list what it changes;
`--sorted` writes every list in a fixed order, for a change that only reorders what is found.
"""

import argparse
import json
import sys
from pathlib import Path

import yaml

from kgraph.extract import dump_facts, extract_article
from kgraph.extract.text.ner import limit_threads
from kgraph.source import load_article, parse_article

ROOT = Path(__file__).resolve().parent.parent
HELD_OUT = 150
"""The last train documents, held out when the tables and the tagger are tuned."""


def texts(nerel: Path) -> list[tuple[str, str]]:
    """(name, text) of the seed, NEREL dev and the held-out train documents, in a fixed order."""
    seed = load_article(ROOT / "data" / "omsk-forum-2019-11-07")
    out = [("seed", seed.text)]
    out += [(f"dev/{p.stem}", p.read_text(encoding="utf-8")) for p in sorted((nerel / "dev").glob("*.txt"))]
    train = sorted((nerel / "train").glob("*.txt"))[-HELD_OUT:]
    out += [(f"train/{p.stem}", p.read_text(encoding="utf-8")) for p in train]
    return out


def in_order(facts_yaml: str) -> str:
    """The facts YAML with its entities, quotes and quantities by id and its facts sorted."""
    document = yaml.safe_load(facts_yaml)
    for part in ("entities", "quotes", "quantities"):
        document[part] = dict(sorted((document.get(part) or {}).items()))
    document["facts"] = sorted(document.get("facts") or [], key=lambda f: json.dumps(f, sort_keys=True, default=str))
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=True, width=1000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--nerel", type=Path, default=ROOT.parent / "shared" / "nerel")
    parser.add_argument("--without", action="append", default=[], help="a component set to switch off")
    parser.add_argument("--sorted", action="store_true", help="every list in a fixed order")
    arguments = parser.parse_args()
    limit_threads()
    options = {"without": tuple(arguments.without)} if arguments.without else {}
    with arguments.out.open("w", encoding="utf-8") as out:
        for name, text in texts(arguments.nerel):
            model = extract_article(parse_article("doc", text), **options)
            written = dump_facts(model)
            out.write(f"== {name}\n{in_order(written) if arguments.sorted else written}\n")
    print(f"{arguments.out}: written", file=sys.stderr)


if __name__ == "__main__":
    main()
