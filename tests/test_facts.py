"""Curated facts load into the model; every mistake in them is named by file, line and fact."""

from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Literal
from rdflib.namespace import XSD

from kgraph.errors import FactsError
from kgraph.facts import load_facts, parse_facts
from kgraph.graph import add_article, new_dataset
from kgraph.model import ArticleModel, TimeRef, YearMonth, article_span
from kgraph.namespaces import SCHEMA
from kgraph.source import Article, parse_article

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


def test_an_entity_named_only_in_latin_letters_loads_with_its_transliteration(seed_article: Article) -> None:
    document = "entities:\n  omsk: {class: schema:City, label: {ru: Омск, ru-Latn: Omsk}, mentions: ['Омске @333']}\n"
    assert parse_facts(seed_article, document).entities["omsk"].labels == {"ru": "Омск", "ru-Latn": "Omsk"}


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
            r"entity 'omsk': label needs en \(an English name\) or, when none is known, ru-Latn",
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


# --- hostile input: every class is a FactsError naming file and line, with a short message --------------------

INDICATOR = ENTITY + "  growth: {class: kg:Indicator, label: {ru: рост, en: growth}, mentions: []}\n"


def _fact(extra: str = "", value: str = "value: Омск") -> str:
    """A document whose fact (line 4) says something of Omsk, with `extra` keys."""
    return ENTITY + f"facts:\n  - {{s: omsk, p: schema:name, {value}, evidence: Омске @333{extra}}}\n"


def _evidence(evidence: str) -> str:
    """A document whose fact (line 4) cites `evidence`."""
    return ENTITY + f"facts:\n  - {{s: omsk, p: schema:name, value: Омск, evidence: {evidence}}}\n"


def _quantity(value: str, extra: str = "") -> str:
    """A document whose quantity (line 5) has `value`."""
    return INDICATOR + f"quantities:\n  q: {{value: {value}, measure: growth, evidence: Омске @333{extra}}}\n"


def _date(value: str) -> str:
    """A document whose date fact (line 4) resolves to `value`."""
    return ENTITY + (
        "facts:\n  - {s: omsk, p: schema:foundingDate, "
        f"date: {{value: {value}, wording: Омске @333}}, evidence: Омске @333}}\n"
    )


def _refused(article: Article, document: str, message: str) -> FactsError:
    with pytest.raises(FactsError, match=message) as caught:
        parse_facts(article, document, "facts.yaml")
    text = str(caught.value)
    assert "\n" not in text and len(text) < 300, text
    return caught.value


ALIAS_BOMB = (
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
    "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
    "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
    "entities: {omsk: {class: schema:City, label: {ru: *e, en: Omsk}, mentions: []}}\n"
)


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (ALIAS_BOMB, r"^facts.yaml:1:4: YAML syntax error: YAML anchors and aliases .* are not part of the facts"),
        (
            ENTITY + "  city: &c {class: schema:City, label: {ru: Омск, en: Omsk}, mentions: []}\n  town: *c\n",
            r"^facts.yaml:3:\d+: YAML syntax error: YAML anchors and aliases",
        ),
        (
            "x: &x {class: schema:City}\nentities:\n  omsk: {<<: *x, label: {ru: Омск, en: Omsk}, mentions: []}\n",
            r"^facts.yaml:1:\d+: YAML syntax error: YAML anchors and aliases",
        ),
        (
            "entities:\n  omsk: {<<: {class: schema:City}, label: {ru: Омск, en: Omsk}, mentions: []}\n",
            r"^facts.yaml:2:\d+: YAML syntax error: a key must be a plain name, not a list, mapping or <<",
        ),
    ],
    ids=["bomb", "alias", "merge-alias", "merge"],
)
def test_yaml_anchors_aliases_and_merge_keys_are_refused_with_their_line(
    seed_article: Article, document: str, message: str
) -> None:
    _refused(seed_article, document, message)


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (_fact(", implied: 'no'"), r"^facts.yaml:4: fact #1 \(omsk schema:name Омск\): implied must be true or false"),
        (_fact(", implied: 'true'"), r"^facts.yaml:4: fact #1 .*implied must be true or false, got text 'true'"),
        (_fact(", implied: 0"), r"^facts.yaml:4: fact #1 .*implied must be true or false, got a number \(0\)"),
    ],
    ids=["no", "true", "zero"],
)
def test_a_quoted_boolean_is_text_not_a_boolean(seed_article: Article, document: str, message: str) -> None:
    _refused(seed_article, document, message)


@pytest.mark.parametrize(
    "tagged",
    [
        ", implied: !!bool maybe",
        ", implied: !!int abc",
        ", implied: !!timestamp abc",
        ", implied: !!map abc",
        ", implied: !!str yes",
        ", lang: !!python/name:os.system en",
    ],
)
def test_yaml_tags_are_refused_with_their_line(seed_article: Article, tagged: str) -> None:
    # explicit tags sent unchecked text to YAML's constructors: "!!bool maybe" was a KeyError, a "kgraph defect"
    _refused(seed_article, _fact(tagged), r"^facts.yaml:4:\d+: YAML syntax error: YAML tags \('tag:yaml\.org,2002:")


@pytest.mark.parametrize(("written", "read"), [("1:30", 90), ("017", 15), ("0x1F", 31), ("0b101", 5), ("1_000", 1000)])
def test_an_integer_that_yaml_1_1_reads_otherwise_than_written_is_refused(
    seed_article: Article, written: str, read: int
) -> None:
    # "value: 1:30" became 90 and "017" became 15, silently
    _refused(
        seed_article,
        _fact(value=f"value: {written}"),
        rf"^facts.yaml:4:\d+: YAML syntax error: '{written}' would be read as {read}: write decimal digits",
    )


def test_words_cited_that_occur_at_nearly_every_offset_are_refused_after_ten(seed_article: Article) -> None:
    article = parse_article("a", "# Т\n\n" + "а" * 40_000 + "\n")
    with pytest.raises(ValueError, match=r"occurs 10 or more times \(at 5, 6, 7, .*, 14\); say which"):
        article_span(article, "а" * 20_000)


def test_implied_takes_yaml_booleans(seed_article: Article) -> None:
    assert not parse_facts(seed_article, _fact(", implied: no")).facts[0].implied
    assert parse_facts(seed_article, _fact(", implied: yes")).facts[0].implied


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (_fact(", lang: en US"), r"^facts.yaml:4: fact #1 .*lang 'en US' is not a language tag"),
        (_fact(", lang: en_GB"), r"lang 'en_GB' is not a language tag"),
        (_fact(", lang: de-419-DE"), r"lang 'de-419-DE' is not a language tag"),  # rdflib takes it, Oxigraph not
        (_fact(", lang: [en]"), r"lang \['en'\] is not a language tag"),
        (_fact(", lang: en", "value: 16"), r"^facts.yaml:4: fact #1 .*lang is the language of a text value"),
        ("article: {language: 12}\n", r"^facts.yaml:1: article: language 12 is not a language tag"),
    ],
    ids=["space", "underscore", "rdflib-only", "list", "not-text", "article-language"],
)
def test_an_invalid_language_tag_is_refused(seed_article: Article, document: str, message: str) -> None:
    _refused(seed_article, document, message)


def test_a_language_tag_is_kept_as_both_stores_read_it(seed_article: Article) -> None:
    assert parse_facts(seed_article, _fact(", lang: en-GB")).facts[0].language == "en-gb"


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (_date("2019-02-30"), r"^facts.yaml:4:\d+: YAML syntax error: '2019-02-30' is not a valid date"),
        (_fact(value="value: 2019-13-01"), r"^facts.yaml:4:\d+: YAML syntax error: '2019-13-01' is not a valid date"),
        (_date("'2019-02-30'"), r"^facts.yaml:4: fact #1 .*a date value is YYYY-MM-DD, YYYY-MM or a year .*got text"),
        (_date("0"), r"^facts.yaml:4: fact #1 .*a year from 1 to 9999, got a number \(0\)"),
        (_date("-5"), r"a year from 1 to 9999, got a number \(-5\)"),
        (_date("99999999999"), r"a year from 1 to 9999, got a number \(99999999999\)"),
        (
            _date("2019-11-07 10:00:00"),
            r"a date value is YYYY-MM-DD, YYYY-MM or a year .*got a date \(2019-11-07T10:00:00\)",
        ),
        (_date("true"), r"a date value is YYYY-MM-DD, YYYY-MM or a year .*got true/false"),
        (_date("'2019-13'"), r"a date value is YYYY-MM-DD, YYYY-MM or a year .*got text"),
        (_date("'0000-05'"), r"a date value is YYYY-MM-DD, YYYY-MM or a year .*got text"),
    ],
    ids=[
        "feb-30",
        "month-13",
        "text",
        "year-0",
        "negative-year",
        "huge-year",
        "date-and-time",
        "boolean",
        "year-month-13",
        "year-month-0",
    ],
)
def test_an_impossible_date_is_refused_with_its_line(seed_article: Article, document: str, message: str) -> None:
    _refused(seed_article, document, message)


def test_a_month_of_a_year_is_read_and_written_as_a_year_month(seed_article: Article) -> None:
    model = parse_facts(seed_article, _date("'2019-11'"), "facts.yaml")
    (fact,) = model.facts
    assert isinstance(fact.obj, TimeRef) and fact.obj.value == YearMonth(2019, 11)
    graph = add_article(new_dataset(), model)
    assert Literal("2019-11", datatype=XSD.gYearMonth) in set(graph.objects(None, SCHEMA.foundingDate))


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (_quantity("1e999999999"), r"^facts.yaml:5: quantity 'q': value '1e999999999' is out of range"),
        (_quantity("1.0e+999999999"), r"^facts.yaml:5: quantity 'q': value inf is not a finite number"),
        (_quantity(".inf"), r"value inf is not a finite number"),
        (_quantity(".nan"), r"value nan is not a finite number"),
        (_quantity("'NaN'"), r"value 'NaN' is not a number"),
        (_quantity("1000000000000000000"), r"value 1000000000000000000 is out of range"),
        (_quantity("0.0000000001"), r"value 1e-10 is out of range"),
        (_quantity("9" * 5000), r"^facts.yaml:5:\d+: YAML syntax error: the number '9999.*' is too long"),
        (_fact(value="value: 1.5"), r"value must be text, a whole number, true/false or a date, got a number"),
        (_fact(value="value: 10000000000000000000"), r"value 10000000000000000000 is out of range"),
        (_fact(value="value: .inf"), r"value must be text, a whole number, true/false or a date, got a number"),
        (_date("1" * 100), r"YAML syntax error: the number '1111.*' is too long"),
    ],
    ids=[
        "exponent-text",
        "exponent-float",
        "inf",
        "nan",
        "nan-text",
        "huge",
        "tiny",
        "5000-digits",
        "fact-float",
        "fact-huge",
        "fact-inf",
        "year-digits",
    ],
)
def test_a_number_out_of_range_is_refused(seed_article: Article, document: str, message: str) -> None:
    _refused(seed_article, document, message)


def test_numbers_in_range_are_read_exactly(seed_article: Article) -> None:
    assert parse_facts(seed_article, _quantity("'-1 600.25'")).quantities[0].value == Decimal("-1600.25")
    assert parse_facts(seed_article, _quantity("999999999999999999")).quantities[0].value == 10**18 - 1


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ("entities: [omsk]\n", r"^facts.yaml:1: entities: expected a mapping of ids to items, got a list"),
        ("quotes: omsk\n", r"^facts.yaml:1: quotes: expected a mapping of ids to items, got text 'omsk'"),
        (INDICATOR + "quantities: [1]\n", r"^facts.yaml:4: quantities: expected a mapping of ids to items"),
        (ENTITY + "facts: {a: b}\n", r"^facts.yaml:3: facts: expected a list of facts, got a mapping"),
        (ENTITY + "facts:\n  - [omsk]\n", r"^facts.yaml:4: fact #1: expected a mapping .*, got a list"),
        ("article: [x]\n", r"^facts.yaml:1: article: expected a mapping .*, got a list"),
        ("- entities\n", r"^facts.yaml:1: document: expected a mapping .*, got a list"),
        ("entities:\n  omsk:\n", r"^facts.yaml:2: entity 'omsk': expected a mapping .*, got nothing"),
        (
            "entities:\n  omsk: {class: schema:City, label: [Омск, Omsk], mentions: []}\n",
            r"^facts.yaml:2: entity 'omsk': expected a mapping \(ru, en, ru-Latn\), got a list",
        ),
        (_date("2019-11-07").replace("date: {value: 2019-11-07, wording: Омске @333}", "date: [1]"), r"got a list"),
        (_fact(", evidence: {text: [Омске]}").replace("evidence: Омске @333, ", ""), r"text must be text, got a list"),
        (_evidence("{text: Омске, at: '333'}"), r"^facts.yaml:4: fact #1 .*an offset is a whole number from 0, got te"),
        (_evidence("{text: Омске, at: -1}"), r"an offset is a whole number from 0, got a number \(-1\)"),
        (_evidence("[[Омске]]"), r"^facts.yaml:4: fact #1 .*evidence is the article's words, got a list"),
        (ENTITY + "quotes:\n  q: {kind: [direct], speaker: omsk, text: Омске @333}\n", r"kind \['direct'\] is not one"),
        (_quantity("1", ", unit: [USD]"), r"^facts.yaml:5: quantity 'q': unit \['USD'\] is not one of USD"),
        (_quantity("1", ", qualifier: {a: 1}"), r"qualifier \{'a': 1\} is not one of exactly"),
        (ENTITY + "quotes:\n  q: {kind: direct, speaker: [[omsk]], text: Омске @333}\n", r"unknown entity a list"),
        (_fact(", stated_in: [q]"), r"stated_in is one quote id, got a list"),
    ],
    ids=[
        "entities",
        "quotes",
        "quantities",
        "facts",
        "fact",
        "article",
        "document",
        "entity",
        "label",
        "date",
        "evidence-text",
        "evidence-at-text",
        "evidence-at-negative",
        "evidence-nested",
        "kind",
        "unit",
        "qualifier",
        "speaker",
        "stated-in",
    ],
)
def test_a_wrong_container_type_is_refused_with_its_line(seed_article: Article, document: str, message: str) -> None:
    _refused(seed_article, document, message)


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ("? [a, b]\n: 1\n", r"^facts.yaml:1:\d+: YAML syntax error: a key must be a plain name, not a list"),
        ("entities:\n  ? {omsk: 1}\n  : 1\n", r"^facts.yaml:2:\d+: YAML syntax error: a key must be a plain name"),
        (
            "entities:\n  omsk: {class: schema:City, label: {? [a, b] : Омск, en: Omsk}, mentions: []}\n",
            r"^facts.yaml:2:\d+: YAML syntax error: a key must be a plain name",
        ),
        (_quantity("1", ", unit: {[a]: 1}"), r"^facts.yaml:5:\d+: YAML syntax error: a key must be a plain name"),
    ],
    ids=["document", "entities", "label", "unit"],
)
def test_an_unhashable_key_is_refused_with_its_line(seed_article: Article, document: str, message: str) -> None:
    _refused(seed_article, document, message)


@pytest.mark.parametrize(
    "document",
    ["[" * 10_000 + "]" * 10_000, "{a: " * 10_000 + "}" * 10_000, "".join(f"{' ' * i}- \n" for i in range(3000))],
    ids=["lists", "mappings", "block-lists"],
)
def test_deep_nesting_is_refused_before_the_stack_runs_out(seed_article: Article, document: str) -> None:
    # libyaml stops at 1,000 levels, sometimes before the loader's own bound of 20 is read: either will do
    nested = r"(lists and mappings nest deeper than 20 levels|exceeded maximum nesting depth)"
    _refused(seed_article, document, rf"^facts.yaml:\d+:\d+: YAML syntax error: {nested}")


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (
            "entities:\n  omsk: {class: schema:City, label: {ru: [Омск], en: Omsk}, mentions: []}\n",
            r"^facts.yaml:2: entity 'omsk': ru must be text, got a list",
        ),
        (
            "entities:\n  omsk: {class: schema:City, label: {ru: Омск, en: {a: 1}}, mentions: []}\n",
            r"^facts.yaml:2: entity 'omsk': en must be text, got a mapping",
        ),
        (
            "entities:\n  omsk: {class: schema:City, label: {ru: Омск, en: 5}, mentions: []}\n",
            r"en must be text, got a number \(5\)",
        ),
        ("entities:\n  omsk: {class: [schema:City], label: {ru: Омск, en: Omsk}, mentions: []}\n", r"class must be"),
        ("entities:\n  omsk: {class: schema:City, label: {ru: О, en: O}, wikidata: [Q1], mentions: []}\n", r"wikidata"),
        (ENTITY + "quotes:\n  q: {kind: direct, speaker: omsk, text: Омске @333, verb: [a]}\n", r"verb must be text"),
        (_quantity("1", ", unit_text: {a: 1}"), r"^facts.yaml:5: quantity 'q': unit_text must be text, got a mapping"),
        ("article: {headline_en: [a]}\n", r"^facts.yaml:1: article: headline_en must be text, got a list"),
        ("article: {headline_en: !!binary aGVsbG8=}\n", r"^facts.yaml:1:\d+: YAML syntax error: YAML tags .*binary"),
        (_fact(value="value: [a, b]"), r"^facts.yaml:4: fact #1 .*value must be text, .*got a list"),
        (_fact(value="value: ''"), r"^facts.yaml:4: fact #1 .*value must be text, got text ''"),
        (ENTITY + "facts:\n  - {s: omsk, p: [schema:name], value: x, evidence: Омске @333}\n", r"p must be a CURIE"),
        (
            _fact(value='value: "a\\0b"'),
            r"^facts.yaml:4: fact #1 .*value 'a\\x00b' holds the control character U\+0000",
        ),
        (
            _fact(value='value: "\\ud800"'),
            r"YAML syntax error: (text '\\ud800' holds the lone surrogate|found invalid Unicode character escape)",
        ),
        (
            'entities:\n  omsk: {class: schema:City, label: {ru: "Омск\\a", en: Omsk}, mentions: []}\n',
            r"^facts.yaml:2: entity 'omsk': ru 'Омск\\x07' holds the control character U\+0007",
        ),
    ],
    ids=[
        "label-list",
        "label-mapping",
        "label-number",
        "class",
        "wikidata",
        "verb",
        "unit-text",
        "headline",
        "binary",
        "value-list",
        "value-empty",
        "predicate",
        "nul",
        "surrogate",
        "label-bell",
    ],
)
def test_text_keys_take_only_text(seed_article: Article, document: str, message: str) -> None:
    _refused(seed_article, document, message)


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (_evidence("[]"), r"^facts.yaml:4: fact #1 .*evidence cites no words"),
        (_quantity("1").replace("evidence: Омске @333", "evidence: []"), r"quantity 'q': evidence cites no words"),
        (ENTITY + "quotes:\n  q: {kind: direct, speaker: [], text: Омске @333}\n", r"quote 'q': speaker names no"),
        (_fact(", o: omsk"), r"^facts.yaml:4: fact #1 .*give exactly one of o"),
        (_fact().replace("value: Омск", "o: null"), r"give exactly one of o"),
        ('entities:\n  "omsk\\n": {class: schema:City, label: {ru: О, en: O}, mentions: []}\n', r"an id is lower-case"),
        (_evidence("Омске @" + "9" * 5000), r"^facts.yaml:4: fact #1 .*'Омске' is not at offset \d+; the text"),
        (_evidence("x" * 100_000), r"^facts.yaml:4: fact #1 .*'xxxxx.*\.\.\..*' is not in the article text"),
        (
            ENTITY + f"facts:\n  - {{s: {'x' * 100_000}, p: schema:name, value: 1, evidence: Омске}}\n",
            r"unknown entity",
        ),
    ],
    ids=["fact", "quantity", "speaker", "two-objects", "null-object", "id-newline", "huge-offset", "long", "long-id"],
)
def test_what_would_break_the_graph_is_refused(seed_article: Article, document: str, message: str) -> None:
    _refused(seed_article, document, message)


def test_a_long_id_is_quoted_short_in_every_message(seed_article: Article) -> None:
    long_id = "x" * 1000  # an implicit YAML key has at most 1024 characters
    entity = f"entities:\n  {long_id}: {{class: schema:City, label: {{ru: О, en: O}}, mentions: []}}\n"
    quantity = f"quantities:\n  {long_id}: {{value: 1, measure: {long_id}, evidence: Омске @333}}\n"
    _refused(seed_article, entity + quantity, r"^facts.yaml:4: quantity 'x+\.\.\.x+': measure 'x+\.\.\.x+' is a sch")
    quote = f"quotes:\n  {long_id}: {{kind: direct, speaker: [], text: Омске @333}}\n"
    _refused(seed_article, quote, r"^facts.yaml:2: quote 'x+\.\.\.x+': speaker names no entity")
