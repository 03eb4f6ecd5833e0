"""Build src/kgraph/extract/data/disease_words.tsv: the words of the Russian ICD-10's names of diseases and injuries.

Usage: python scripts/build_disease_words.py MKB10_CSV [NEREL_TRAIN_DIR] [-o FILE] [--held-out N]

MKB10_CSV: the Russian ICD-10 (МКБ-10) as the Ministry of Health of Russia publishes it in its reference register
(nsi.rosminzdrav.ru, OID 1.2.643.5.1.13.13.11.1005; version 2.27 was used, the copy in
github.com/ak4nv/mkb10, resources/1.2.643.5.1.13.13.11.1005_2.27.csv: columns ID;REC_CODE;MKB_CODE;MKB_NAME;…,
separated by ";", UTF-8). An official classifier of the state, it is not subject to copyright (Civil Code of the
Russian Federation, art. 1259 §6).

Each word of a name (pymorphy3's first reading, by lemma) is kept with its kind: "n" for a noun, or a word pymorphy3
cannot read (Latin: "COVID-19"), "a" for an adjective or participle ("острый", "злокачественный"); other parts of
speech, words under three letters and the codes the names cite ("G20") are left out. The chapters of external
causes and of factors (V01-Y98, Z00-Z99: "пассажир", "падение", "нападение") name no disease and are left out, as
are the chapters' own titles.
A word NEREL train writes three times or more, less than half of them inside a DISEASE mention, is left out too
("форма", "вид", "смерть", "лицо"): the classifier's words are a disease's words when they stand alone, and what
train shows otherwise it shows the taggers already. The type taggers read a word's kind as a feature
(kgraph.extract.text.disease_words): NEREL train names few diseases ("грипп", "рак"), the classifier thousands
("коронавирус", "пневмоторакс", "аневризма"). With --held-out N the last N train documents are not read (to score a
tagger trained without them). Half a minute; the same input gives the same bytes.
"""

import argparse
import csv
import re
from collections import Counter
from pathlib import Path

from kgraph.evaluation.nerel import read_folder
from kgraph.extract.text.normalise import parses
from kgraph.rdfio import bytes_writer, write_atomically

_WORD = re.compile(r"[A-Za-zА-Яа-яЁё][\w-]*")
_CHAPTER = re.compile(r"[IVX]+")
_CODE = re.compile(r"[A-Za-z]\d\d")
"""A code the names cite ("(G20)", "A00-B99"), not a word: "G20" is also the summit."""
_NOT_DISEASES = tuple("VWXYZ")
"""The first letters of the codes of external causes (V01-Y98) and of factors (Z00-Z99)."""
_KINDS = {"NOUN": "n", "None": "n", "ADJF": "a", "PRTF": "a"}
LEAST = 3
"""Times train must write a word for its use there to leave it out."""
SHARE = 0.5
"""The share of a word's uses in train inside a DISEASE mention below which it is left out."""


def _lemma(word: str) -> str:
    return str(parses(word.lower())[0].normal_form)


def train_uses(train: Path, held_out: int = 0) -> tuple[Counter[str], Counter[str]]:
    """Per lemma, how often NEREL train writes it, and how often inside a DISEASE mention."""
    if "dev" in train.parts[-1:]:
        raise SystemExit("never build from dev")
    documents = read_folder(train)
    total: Counter[str] = Counter()
    inside: Counter[str] = Counter()
    for document in documents[: len(documents) - held_out]:
        diseases = [(m.start, m.end) for m in document.mentions if m.type == "DISEASE"]
        for found in _WORD.finditer(document.text):
            lemma = _lemma(found.group())
            total[lemma] += 1
            inside[lemma] += any(start <= found.start() and found.end() <= end for start, end in diseases)
    return total, inside


def words(path: Path) -> Counter[tuple[str, str]]:
    """(lemma, kind) -> the names of diseases and injuries that hold it."""
    found: Counter[tuple[str, str]] = Counter()
    with path.open(encoding="utf-8", newline="") as source:
        for row in csv.DictReader(source, delimiter=";"):
            code, name = row["MKB_CODE"].strip(), row["MKB_NAME"]
            if not code or _CHAPTER.fullmatch(code) or code.startswith(_NOT_DISEASES):
                continue
            lemmas = set()
            for word in _WORD.findall(name):
                reading = parses(word.lower())[0]
                kind = _KINDS.get(str(reading.tag.POS))
                if kind and len(word) >= 3 and not _CODE.match(word):
                    lemmas.add((str(reading.normal_form), kind))
            found.update(lemmas)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="the МКБ-10 CSV (see above)")
    parser.add_argument("train", nargs="?", type=Path, default=Path("../shared/nerel/train"))
    parser.add_argument("--held-out", type=int, default=0, help="leave out the last N train documents")
    default = Path(__file__).resolve().parent.parent / "src/kgraph/extract/data/disease_words.tsv"
    parser.add_argument("-o", "--out", type=Path, default=default)
    arguments = parser.parse_args()
    total, inside = train_uses(arguments.train, arguments.held_out)
    found = Counter(
        {
            (lemma, kind): n
            for (lemma, kind), n in words(arguments.source).items()
            if total[lemma] < LEAST or inside[lemma] >= SHARE * total[lemma]
        }
    )
    lines = [
        "# Words of the Russian ICD-10's names of diseases and injuries (chapters A00-U85, not V01-Z99): lemma, kind",
        "# (n: noun or unread word, a: adjective or participle), names holding it; not a word NEREL v1.1 train writes",
        f"# {LEAST}+ times, less than {SHARE:.0%} of them inside a DISEASE mention. Built by",
        "# scripts/build_disease_words.py from the Ministry of Health of Russia's МКБ-10 (nsi.rosminzdrav.ru, OID",
        "# 1.2.643.5.1.13.13.11.1005, version 2.27; an official classifier, not subject to copyright: Civil Code of",
        "# the Russian Federation, art. 1259 §6); read by kgraph.extract.text.disease_words.",
        *(f"{lemma}\t{kind}\t{n}" for (lemma, kind), n in sorted(found.items())),
    ]
    write_atomically(arguments.out, bytes_writer(("\n".join(lines) + "\n").encode()))
    print(f"{len(found)} words -> {arguments.out}")


if __name__ == "__main__":
    main()
