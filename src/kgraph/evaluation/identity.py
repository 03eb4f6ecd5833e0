"""Cross-document identity and link coverage on NEREL, with its gold Wikidata links as the truth.

Every NEREL document is extracted as an article of one build and the build resolved (``identity.resolve``). Each
gold mention linked to Wikidata is matched to the extracted entity of its group with a mention at the same span
(else one holding it); its node is that entity's node. Over pairs of such mentions in different documents, a pair with
the same item should share one node (recall) and a pair sharing a node should have the same item (precision), per
group: PER (PERSON), LOC (COUNTRY, CITY, STATE_OR_PROVINCE, LOCATION, DISTRICT), ORG (ORGANIZATION). Link
coverage is the share of those mentions whose node is linked to their item; its precision, the share right of
those linked at all. Beside, the same for the nodes of Wikidata links alone (what kgraph merged before names).

NEREL links common nouns to concepts: "полиция" in 13 documents is Q35535 (police), though each is another
force, which kgraph keeps apart on purpose; the rows "pairs, names" leave out gold mentions in lower case.
"""

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from ..identity.keys import ORGANISATIONS, PLACES
from ..identity.resolve import Identities, resolve
from ..model import ArticleModel
from .scores import Report, Score

GROUPS = {
    "PERSON": "PER",
    "COUNTRY": "LOC",
    "CITY": "LOC",
    "STATE_OR_PROVINCE": "LOC",
    "LOCATION": "LOC",
    "DISTRICT": "LOC",
    "ORGANIZATION": "ORG",
}
_ITEM = re.compile(r"Q[1-9][0-9]*")
_GROUP_OF = {
    **{cls: "LOC" for cls in PLACES},
    **{cls: "ORG" for cls in ORGANISATIONS},
    "schema:Person": "PER",
}
"""The group a class of entity answers for: a gold place is matched to a place of ours, not to an organisation
whose name holds it."""


@dataclass(frozen=True)
class Judged:
    """One gold-linked mention: its document, group, gold item, and the node and link the build gives it."""

    document: str
    group: str
    item: str
    node: str | None
    link: str | None
    named: bool = True
    """Whether the gold words are a name ("Полиция Лондона") rather than a common noun ("полиция")."""


def cross_pairs(mentions: Iterable[Judged], key: Callable[[Judged], object]) -> int:
    """Pairs of mentions in different documents that agree on `key` (a None key agrees with nothing).

    >>> pairs = [Judged("a", "PER", "Q1", "n", None), Judged("a", "PER", "Q1", "n", None),
    ...          Judged("b", "PER", "Q1", "n", None)]
    >>> cross_pairs(pairs, lambda m: m.item)
    2
    """
    totals: Counter[object] = Counter()
    within: Counter[tuple[object, str]] = Counter()
    for mention in mentions:
        value = key(mention)
        if value is not None:
            totals[value] += 1
            within[(value, mention.document)] += 1
    same = sum(n * n for n in totals.values()) - sum(n * n for n in within.values())
    return same // 2


def within_pairs(mentions: Iterable[Judged], key: Callable[[Judged], object]) -> int:
    """Pairs of mentions in one document that agree on `key` (a None key agrees with nothing).

    >>> pairs = [Judged("a", "PER", "Q1", "n", None), Judged("a", "PER", "Q1", "m", None)]
    >>> within_pairs(pairs, lambda m: m.item), within_pairs(pairs, lambda m: m.node)
    (1, 0)
    """
    within: Counter[tuple[object, str]] = Counter()
    for mention in mentions:
        value = key(mention)
        if value is not None:
            within[(value, mention.document)] += 1
    return sum(n * (n - 1) for n in within.values()) // 2


def identity_scores(judged: list[Judged], suffix: str = "") -> dict[str, Score]:
    """Pairwise identity and link coverage per group, as rows named "<group> pairs" and "<group> links"."""
    scores = {}
    for group in ("PER", "LOC", "ORG"):
        mine = [m for m in judged if m.group == group]
        for name, among in ((f"{group} pairs", mine), (f"{group} pairs, names", [m for m in mine if m.named])):
            gold = cross_pairs(among, lambda m: m.item)
            predicted = cross_pairs(among, lambda m: m.node)
            matched = cross_pairs(among, lambda m: (m.item, m.node) if m.node is not None else None)
            scores[name + suffix] = Score(matched, predicted, gold)
        if group == "PER":  # "Касым-Жомарт Токаев … Токаевым … Токаев": one node within an article
            scores["PER pairs in one document" + suffix] = Score(
                within_pairs(mine, lambda m: (m.item, m.node) if m.node is not None else None),
                within_pairs(mine, lambda m: m.node),
                within_pairs(mine, lambda m: m.item),
            )
        linked = [m for m in mine if m.link]
        scores[f"{group} links{suffix}"] = Score(sum(m.link == m.item for m in linked), len(linked), len(mine))
    return scores


def judge(
    models: list[ArticleModel],
    identities: Identities,
    gold: dict[str, list[tuple[int, int, str, str]]],
    spans: dict[str, set[tuple[int, int, str]]] | None = None,
) -> list[Judged]:
    """Each gold-linked mention (start, end, NEREL type, item) of each document, with its node and link; a
    mention in lower case is a common noun ("полиция", which NEREL links to the concept of police). `spans`: every
    gold mention of the groups, linked or not (start, end, group), by document: a mention of ours at the words of
    another gold mention is that one's, not the one inside it."""
    judged = []
    for model in models:
        slug = model.article.slug
        annotated = (spans or {}).get(slug, set())
        for start, end, kind, item in gold.get(slug, []):
            group = GROUPS[kind]
            fitting = [e for e in model.entities.values() if _GROUP_OF.get(e.cls) == group]
            exact = [e for e in fitting if any((m.start, m.end) == (start, end) for m in e.mentions)]
            # a mention of ours holding the gold one ("Омской области" for "Омской"), not one inside it: in "центре
            # Москвы" (a LOCATION of its own) our Москва is another place; nor one at the words of another gold
            # mention: "Палаты представителей США" is the House, NEREL's "Палаты представителей" inside it the
            # kind of chamber (another item), which our node of the House does not stand for
            holding = [
                e
                for e in fitting
                if any(
                    m.start <= start and end <= m.end and (m.start, m.end, group) not in annotated for m in e.mentions
                )
            ]
            entity = next(iter(exact or holding), None)
            node = link = None
            if entity is not None:
                node = identities.node(slug, entity.id) or f"{slug}/{entity.id}"
                link = node if _ITEM.fullmatch(node) else entity.wikidata
            named = model.article.text[start : start + 1].isupper()
            judged.append(Judged(slug, group, item, node, link, named))
    return judged


def evaluate_identity(folder: Path, without: Iterable[str] = ()) -> Report:
    """Cross-document identity and link coverage on a NEREL folder, beside Wikidata links alone."""
    from ..extract.build import extract_article
    from ..source import parse_article
    from .nerel import read_folder

    documents = read_folder(folder)
    models = [extract_article(parse_article(d.name, d.text), without) for d in documents]
    gold = {
        d.name: [(m.start, m.end, m.type, m.wikidata) for m in d.mentions if m.wikidata and m.type in GROUPS]
        for d in documents
    }
    spans = {d.name: {(m.start, m.end, GROUPS[m.type]) for m in d.mentions if m.type in GROUPS} for d in documents}
    identities = resolve(models)
    report = Report(
        f"NEREL {folder} ({len(documents)} documents): one node per real thing across documents (pairs of gold-linked"
        " mentions in different documents) and Wikidata link coverage; beside, nodes by Wikidata links alone"
    )
    judged = judge(models, identities, gold, spans)
    report.scores = identity_scores(judged)
    by_link = Identities(
        nodes={
            (m.article.slug, e.id): e.wikidata
            for m in models
            for e in m.entities.values()
            if e.wikidata and e.labels.get("ru", "")[:1].isupper()
        }
    )
    report.baseline = identity_scores(judge(models, by_link, gold, spans))
    items: dict[str, Counter[str]] = {}
    for mention in judged:
        if mention.node is not None:
            items.setdefault(mention.node, Counter())[mention.item] += 1
    for node, counts in sorted(items.items()):
        if len(counts) > 1:
            report.false.append(f"{node} holds {', '.join(f'{q} ({n})' for q, n in counts.most_common())}")
    for miss in identities.near_misses:
        report.misses.append(f"kept apart ({miss.key}): {miss.reason}")
    return report
