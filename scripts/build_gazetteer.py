"""Build src/kgraph/extract/data/gazetteer.tsv and adjective_heads.tsv from NEREL train (surface forms -> types, items).

Usage: python scripts/build_gazetteer.py [NEREL_TRAIN_DIR]   (default ../shared/nerel/train)

Each surface form is reduced to a matching key (``kgraph.extract.text.normalise.key``: word lemmas), so the runtime
lookup meets the same key. Only the dev split is used for measuring; this script must never read it.
It also runs natasha's NER over the train texts (about a minute) to count where it fires and NEREL marks nothing.
"""

import re
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

from kgraph.evaluation.nerel import NerelDocument, read_document, read_folder
from kgraph.extract.links.linking import NOT_ENTITIES, PLACE_TYPES, kind_of
from kgraph.extract.text.normalise import key

WORD = re.compile(r"[А-Яа-яЁёA-Za-z0-9]+(?:[-’'][А-Яа-яЁёA-Za-z0-9]+)*")
TYPES = (
    "PERSON",
    "ORGANIZATION",
    "COUNTRY",
    "CITY",
    "STATE_OR_PROVINCE",
    "LOCATION",
    "DISTRICT",
    "FACILITY",
    "PROFESSION",
    # names of things that are not entities here: the NER often takes them for organisations ("Facebook" the
    # product, "Доктор Кто" the series); counted so that such a span can be recognised and left out
    *NOT_ENTITIES,
)
HEADER = """\
# kgraph gazetteer: surface-form keys -> NEREL entity types and Wikidata items, for offline entity linking.
# Built by scripts/build_gazetteer.py from NEREL v1.1 (github.com/nerel-ds/NEREL, folder NEREL-v1.1,
# commit 8f07d3e410f322d5dbf6b68b13fbf4a4aa077fe9), train split only; the dev split is kept for measuring.
# Cite: Loukachevitch N. et al., "NEREL: a Russian information extraction dataset with rich annotation for
# nested entities, relations, and wikidata entity links", Language Resources and Evaluation (2023).
# License: as stated by the NEREL authors for their dataset (this file is a derived word list with counts).
# NONE:n in types counts spans that natasha's NER marks in the train texts where NEREL marks nothing.
# Rows that cannot change a result (annotated once and never linked twice) are left out to keep the file small.
# Columns: key (word lemmas), types (TYPE:count,...), links (Qid:count,...; empty when never linked), label,
# seen (how often these words occur outside a longer annotated mention in the train texts, annotated or not),
# name (the name NEREL gives the most frequent linked item, when linked), links by the kind of the mentions linked
# (KIND|Qid:count,...: PER persons, ORG organisations and facilities, LOC places, OTHER the other types;
# "Барселона" the city 6 times, the club 8).
"""


def build(train: Path) -> str:
    """The gazetteer text for the NEREL documents in `train`."""
    types: dict[str, Counter[str]] = defaultdict(Counter)
    links: dict[str, Counter[str]] = defaultdict(Counter)
    kinds: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    names: dict[str, Counter[str]] = defaultdict(Counter)
    files = sorted(train.glob("*.ann"))
    if not files:
        raise SystemExit(f"{train}: no .ann files")
    for ann in files:
        document = read_document(ann.with_suffix(".txt"))
        for mention in document.mentions:
            if mention.type not in TYPES:
                continue
            k = key(mention.text)
            if not k:
                continue
            types[k][mention.type] += 1
            labels[k][mention.text] += 1
            kind = kind_of(mention.type)
            if mention.wikidata:
                links[k][mention.wikidata] += 1
                kinds[k][(kind, mention.wikidata)] += 1
                if mention.wikidata_name:
                    names[mention.wikidata][mention.wikidata_name] += 1
                if mention.wikidata_name:
                    name_key = key(mention.wikidata_name)
                    if name_key and name_key != k:
                        links[name_key][mention.wikidata] += 1
                        kinds[name_key][(kind, mention.wikidata)] += 1
                        types[name_key][mention.type] += 0
                        labels[name_key][mention.wikidata_name] += 1
    for k, count in _ner_false_alarms(files).items():
        if count >= 2:
            types[k]["NONE"] += count
    seen = _occurrences(files, set(types))
    lines = [HEADER.rstrip("\n")]
    for k in sorted(types):
        if not _useful(types[k], links[k]):
            continue
        type_text = ",".join(f"{t}:{n}" for t, n in types[k].most_common() if n)
        link_text = ",".join(f"{q}:{n}" for q, n in links[k].most_common())
        if not type_text:
            type_text = ",".join(f"{t}:0" for t in types[k])
        top = links[k].most_common(1)[0][0] if links[k] else None
        name = names[top].most_common(1)[0][0] if top and names[top] else ""
        label = labels[k].most_common(1)[0][0] if labels[k] else k
        kind_text = ",".join(f"{g}|{q}:{n}" for (g, q), n in sorted(kinds[k].items(), key=lambda i: (i[0][0], -i[1])))
        lines.append(f"{k}\t{type_text}\t{link_text}\t{label}\t{seen[k]}\t{name}\t{kind_text}")
    return "\n".join(lines) + "\n"


def _useful(types: Counter[str], links: Counter[str]) -> bool:
    """Whether a row can change a result: a title that is never linked twice only bloats the file."""
    linked = max(links.values(), default=0) >= 2
    if set(types) <= {"PROFESSION", *NOT_ENTITIES}:
        return linked
    return linked or sum(types.values()) >= 2


def _ner_false_alarms(files: list[Path]) -> Counter[str]:
    """Keys of the spans natasha's NER finds in the train texts where NEREL has no mention at all."""
    from kgraph.extract.text.ner import named_spans

    alarms: Counter[str] = Counter()
    for ann in files:
        document = read_document(ann.with_suffix(".txt"))
        gold = {(m.start, m.end) for m in document.mentions}
        for span in named_spans(document.text):
            if (span.start, span.end) not in gold:
                alarms[key(span.text)] += 1
    return alarms


def _occurrences(files: list[Path], keys: set[str]) -> Counter[str]:
    """How often each key occurs as a run of one to three words, outside a longer annotated mention."""
    seen: Counter[str] = Counter()
    for ann in files:
        document = read_document(ann.with_suffix(".txt"))
        words = list(WORD.finditer(document.text))
        spans = [(m.start, m.end) for m in document.mentions]
        for size in (1, 2, 3):
            for index in range(len(words) - size + 1):
                start, end = words[index].start(), words[index + size - 1].end()
                k = key(document.text[start:end])
                if k not in keys:
                    continue
                if any(s <= start and end <= e and (s, e) != (start, end) for s, e in spans):
                    continue  # a surname inside an annotated full name is not a missed annotation
                seen[k] += 1
    return seen


HEADS_HEADER = """\
# kgraph adjective heads: after which nouns NEREL marks a place adjective as the place ("российские власти":
# COUNTRY) and after which it marks a nationality or a language ("российский актёр", "французском языке").
# Built by scripts/build_gazetteer.py from NEREL v1.1 train only (source and citation as in gazetteer.tsv).
# Columns: head noun lemma, then counts: PLACE (marked as a country, city or state), NATIONALITY, LANGUAGE,
# NONE (not marked): how the adjective itself is marked; then ORGANIZATION: how often the adjective and its head
# together are marked as an organisation ("советской армии"). Heads seen fewer than twice are left out.
"""


def build_heads(documents: Sequence[NerelDocument]) -> str:
    """The adjective-heads table for the NEREL train documents (see HEADS_HEADER)."""
    from kgraph.extract.places.adjectives import head_noun_at
    from kgraph.extract.text.normalise import parses

    place_adjectives = {
        key(m.text)
        for d in documents
        for m in d.mentions
        if m.type in (*PLACE_TYPES, "NATIONALITY") and " " not in m.text and "ADJF" in parses(m.text.lower())[0].tag
    }
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for document in documents:
        marked: dict[tuple[int, int], set[str]] = defaultdict(set)
        for m in document.mentions:
            marked[(m.start, m.end)].add(m.type)
        for word in WORD.finditer(document.text):
            if key(word.group()) not in place_adjectives:
                continue
            found = head_noun_at(document.text, word.end())
            if found is None:
                continue
            head, head_end = found
            types = marked.get((word.start(), word.end()), set())
            if "ORGANIZATION" in marked.get((word.start(), head_end), set()):
                counts[head]["ORGANIZATION"] += 1
            if types & set(PLACE_TYPES):
                label = "PLACE"
            elif types & {"NATIONALITY", "LANGUAGE"}:
                label = "NATIONALITY" if "NATIONALITY" in types else "LANGUAGE"
            else:
                label = "NONE"
            counts[head][label] += 1
    lines = [HEADS_HEADER.rstrip("\n")]
    for head in sorted(counts):
        if sum(counts[head].values()) >= 2:
            labels = ("PLACE", "NATIONALITY", "LANGUAGE", "NONE", "ORGANIZATION")
            row = "\t".join(str(counts[head][label]) for label in labels)
            lines.append(f"{head}\t{row}")
    return "\n".join(lines) + "\n"


OWNERS_HEADER = """\
# kgraph owner heads: after which nouns NEREL marks "noun + place" as one organisation ("власти Украины",
# "сборная России") and after which it does not ("жители Москвы").
# Built by scripts/build_gazetteer.py from NEREL v1.1 train only (source and citation as in gazetteer.tsv).
# Columns: noun lemma, times the noun and the country, city or state right after it were one organisation, times
# they were not. Nouns seen fewer than twice before a place are left out.
"""


def build_owners(documents: Sequence[NerelDocument]) -> str:
    """The owner-heads table for the NEREL train documents (see OWNERS_HEADER)."""
    from kgraph.extract.text.normalise import parses

    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for document in documents:
        organisations = {(m.start, m.end) for m in document.mentions if m.type == "ORGANIZATION"}
        for place in (m for m in document.mentions if m.type in PLACE_TYPES):
            before = re.search(r"([а-яё]+(?:-[а-яё]+)?) $", document.text[max(0, place.start - 40) : place.start])
            noun = next((p for p in parses(before.group(1))[:2] if "NOUN" in p.tag), None) if before else None
            if before is None or noun is None:
                continue
            start = place.start - len(before.group(0))
            counts[str(noun.normal_form)]["ORG" if (start, place.end) in organisations else "OTHER"] += 1
    lines = [OWNERS_HEADER.rstrip("\n")]
    for noun in sorted(counts):
        if sum(counts[noun].values()) >= 2:
            lines.append(f"{noun}\t{counts[noun]['ORG']}\t{counts[noun]['OTHER']}")
    return "\n".join(lines) + "\n"


def main() -> None:
    """Write the gazetteer and the adjective- and owner-heads tables next to the linking module."""
    train = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared/nerel/train"
    folder = Path(__file__).resolve().parents[1] / "src/kgraph/extract/data"
    documents = read_folder(train)  # read once for both heads tables
    tables = (
        ("gazetteer.tsv", build(train)),
        ("adjective_heads.tsv", build_heads(documents)),
        ("owner_heads.tsv", build_owners(documents)),
    )
    for name, text in tables:
        out = folder / name
        out.write_text(text, encoding="utf-8")
        print(f"wrote {out} ({out.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
