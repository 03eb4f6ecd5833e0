"""Curated facts load into the model; every mistake in them is named by file, line and fact."""

from pathlib import Path

import pytest

from kgraph.errors import FactsError
from kgraph.facts import load_facts, parse_facts
from kgraph.model import ArticleModel
from kgraph.source import Article

ENTITY = "entities:\n  omsk: {class: schema:City, label: {ru: Омск, en: Omsk}, mentions: ['Омске @333']}\n"


def test_seed_facts_cover_the_article(seed_model: ArticleModel) -> None:
    classes = {e.cls for e in seed_model.entities.values()}
    assert {
        "schema:Person",
        "schema:Country",
        "schema:City",
        "kg:Forum",
        "kg:PlenarySession",
        "kg:Opening",
        "schema:ExhibitionEvent",
        "schema:SportsEvent",
        "schema:Museum",
        "kg:Pipeline",
        "kg:PolicyDocument",
        "kg:Agreement",
        "schema:Organization",
    } <= classes
    assert len(seed_model.quantities) == 15
    assert sorted(u.id for u in seed_model.utterances if u.kind == "direct") == [
        "putin_on_border_cooperation",
        "putin_on_investment",
        "tokayev_on_trade",
    ]


def test_every_citation_is_the_text_at_its_offset(seed_model: ArticleModel) -> None:
    text = seed_model.article.text
    spans = [m for e in seed_model.entities.values() for m in e.mentions]
    spans += [s for f in seed_model.facts for s in f.evidence]
    spans += [s for q in seed_model.quantities for s in q.evidence]
    spans += [u.text for u in seed_model.utterances]
    assert len(spans) > 200
    assert all(text[s.start : s.end] == s.text for s in spans)


def test_numbers_are_numbers_not_strings(seed_model: ArticleModel) -> None:
    by_id = {q.id: q for q in seed_model.quantities}
    investment = by_id["russian_investment_in_kazakhstan"]
    assert (investment.value, investment.unit) == (13_000_000_000, "USD")
    assert by_id["kazakh_investment_in_russia"].qualifier == "almost"
    assert by_id["turnover_2018"].period is not None and by_id["turnover_2018"].period.value == 2018
    assert by_id["turnover_2018"].period.wording.text == "в прошлом году"


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ("entities: [oops", r"<facts>:1:\d+: YAML syntax error"),
        (
            ENTITY + "facts:\n  - {s: omsk, p: schema:location, o: atlantis, evidence: Омске @333}\n",
            r"<facts>:4: fact #1 .*unknown entity 'atlantis'",
        ),
        (
            ENTITY + "quotes:\n  q: {kind: direct, speaker: omsk, text: Москва слезам не верит}\n",
            r"<facts>:4: quote 'q': 'Москва слезам не верит' is not in the article text",
        ),
        (
            "entities:\n  omsk: {class: schema:City, label: {ru: Омск, en: Omsk}, mentions: ['Омске @334']}\n",
            r"<facts>:2: entity 'omsk': 'Омске' is not at offset 334; the text there is 'мске '",
        ),
        (
            "entities:\n  omsk: {class: schema:City, label: {ru: Омск, en: Omsk}, mentions: [Омске]}\n",
            r"'Омске' occurs 2 times \(at 333, 3975\); say which with `at`",
        ),
        (
            ENTITY + "  growth: {class: kg:Indicator, label: {ru: рост, en: growth}, mentions: []}\n"
            "quantities:\n  g: {value: много, measure: growth, evidence: Омске @333}\n",
            r"<facts>:5: quantity 'g': value 'много' is not a number",
        ),
        (
            ENTITY + "facts:\n  - {s: omsk, p: schema:lokation, o: omsk, evidence: Омске @333}\n",
            r"fact #1 .*'schema:lokation' is not a term of https://schema.org/",
        ),
        (
            "entities:\n  omsk: {class: schema:City, label: {ru: Омск}, mentions: []}\n",
            r"entity 'omsk': missing 'en'",
        ),
        (
            ENTITY + "  omsk: {class: schema:City, label: {ru: Омск, en: Omsk}, mentions: []}\n",
            r"duplicate key 'omsk' \(first on line 2\)",
        ),
        (
            ENTITY
            + "facts:\n  - {s: omsk, p: schema:foundingDate, date: {wording: Омске @333}, evidence: Омске @333}\n",
            r"fact #1 .*a date fact needs its resolved value",
        ),
    ],
    ids=[
        "syntax",
        "unknown-entity",
        "quote-not-in-text",
        "wrong-offset",
        "ambiguous",
        "not-a-number",
        "unknown-term",
        "missing-label",
        "duplicate-id",
        "unresolved-date",
    ],
)
def test_bad_facts_are_named_precisely(seed_article: Article, document: str, message: str) -> None:
    with pytest.raises(FactsError, match=message):
        parse_facts(seed_article, document)


def test_errors_name_the_file(seed_article: Article, tmp_path: Path) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text("entities: {a: [", encoding="utf-8")
    with pytest.raises(FactsError, match=rf"^{tmp_path}/facts.yaml:1:\d+: YAML syntax error"):
        load_facts(seed_article, path)
