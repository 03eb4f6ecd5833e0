"""Curated facts: the human-editable YAML beside an article, read into an ``ArticleModel``.

Every statement cites the article's words. Evidence is written ``"the words"`` (their only occurrence) or
``"the words @offset"``; the loader checks the text at each offset and names the file, line and fact when it
does not match. See ``data/omsk-forum-2019-11-07/facts.yaml`` for the full format. Every key has one type and
the YAML is read strictly (``kgraph.facts_yaml``): a mistake is a FactsError naming file, line and item.

>>> from kgraph.source import parse_article
>>> article = parse_article("demo", "# Путин в Омске\\n\\nВладимир Путин прилетел в Омск.\\n")
>>> model = parse_facts(article, '''
... entities:
...   putin: {class: schema:Person, label: {ru: Владимир Путин, en: Vladimir Putin}, mentions: [Владимир Путин]}
...   omsk: {class: schema:City, label: {ru: Омск, en: Omsk}, wikidata: Q898, mentions: ["Омск @43"]}
... facts:
...   - {s: putin, p: schema:homeLocation, o: omsk, evidence: "прилетел в Омск", implied: true}
... ''')
>>> model.facts[0].obj, model.facts[0].evidence[0].start
('omsk', 32)
"""

import re
from collections.abc import Collection
from datetime import date
from pathlib import Path
from typing import Any

from .errors import FactsError
from .facts_yaml import MAX_DIGITS, Lined, LinedList, Spec, failure, kind, load_yaml
from .model import (
    LABEL_LANGUAGES,
    QUALIFIERS,
    RU_LATN,
    UNITS,
    UTTERANCE_KINDS,
    ArticleMeta,
    ArticleModel,
    Entity,
    Fact,
    Quantity,
    TimeRef,
    Utterance,
    Value,
    article_span,
    shown,
)
from .source import ARTICLE_FILENAMES, Article, Span

FACTS_FILENAME = "facts.yaml"
_ID = re.compile(r"[a-z][a-z0-9_]*")
_WIKIDATA = re.compile(r"Q[1-9][0-9]{0,11}")


def _brief(value: Any) -> str:
    """A value as an item's name shows it: text as it is, when short."""
    return value if isinstance(value, str) and len(value) <= 60 else shown(value)


class _Reader:
    """Reads one facts document about an article: its sections, and the article's words each item cites."""

    def __init__(self, article: Article, where: str) -> None:
        self.article = article
        self.where = where

    def spec(self, node: Any, line: int, item: str, allowed: Collection[str], required: Collection[str] = ()) -> Spec:
        return Spec(node, self.where, line, item, allowed, required)

    def entries(self, node: Any, line: int, section: str, what: str) -> list[tuple[str, int, Any]]:
        """The (id, line, value) entries of a section that maps ids to items, each id checked."""
        if node is None:
            return []
        if not isinstance(node, Lined):
            raise failure(self.where, line, section, f"expected a mapping of ids to items, got {kind(node)}")
        entries = []
        for ident, value in node.items():
            if not isinstance(ident, str) or not _ID.fullmatch(ident):
                message = "an id is lower-case letters, digits and _"
                raise failure(self.where, node.key_lines[ident], f"{what} {shown(ident)}", message)
            entries.append((ident, node.value_lines[ident], value))
        return entries

    def span(self, value: Any, line: int, item: str) -> Span:
        """Cited words: ``"words"``, ``"words @offset"`` or ``{text: words, at: offset}``."""
        if isinstance(value, dict):
            spec = self.spec(value, line, item, ("text", "at"), ("text",))
            words, at = spec.text("text", verbatim=True), spec.get("at")
            if at is not None and (isinstance(at, bool) or not isinstance(at, int) or at < 0):
                raise spec.fail("at", f"an offset is a whole number from 0, got {kind(at)}")
            line = spec.line("text")
        elif isinstance(value, str):
            words, at = value, None
            head, at_sign, digits = value.rpartition("@")
            if at_sign and digits.isascii() and digits.isdigit() and head[-1:].isspace() and head.strip():
                words = head.rstrip()
                at = int(digits) if len(digits) <= 12 else len(self.article.text) + 1  # past the end, either way
        else:
            raise failure(self.where, line, item, f"evidence is the article's words, got {kind(value)}")
        try:
            return article_span(self.article, str(words), at)
        except ValueError as error:
            raise failure(self.where, line, item, str(error)) from None

    def spans(self, spec: Spec, key: str, *, at_least_one: bool) -> tuple[Span, ...]:
        spans = tuple(self.span(value, line, spec.item) for value, line in spec.items(key))
        if at_least_one and not spans:
            raise spec.fail(key, f"{key} cites no words of the article")
        return spans

    def time(self, spec: Spec, key: str) -> TimeRef | None:
        """A date as the article words it, ``{wording: words, value: YYYY-MM-DD, YYYY-MM or a year}``; None when
        absent."""
        if key not in spec:
            return None
        time = spec.spec(key, ("value", "wording"), ("wording",))
        return TimeRef(self.span(time.get("wording"), time.line("wording"), spec.item), time.time_value("value"))


def _read_entities(reader: _Reader, section: Any, line: int) -> dict[str, Entity]:
    entities: dict[str, Entity] = {}
    for ident, value_line, node in reader.entries(section, line, "entities", "entity"):
        spec = reader.spec(
            node,
            value_line,
            f"entity {shown(ident)}",
            ("class", "label", "wikidata", "mentions", "confidence"),
            ("class", "label", "mentions"),
        )
        labels = spec.spec("label", LABEL_LANGUAGES, ("ru",))
        if "en" not in labels and RU_LATN not in labels:
            raise labels.fail(
                None, f"label needs en (an English name) or, when none is known, {RU_LATN} (a transliteration)"
            )
        wikidata = spec.text("wikidata")
        if wikidata is not None and not _WIKIDATA.fullmatch(wikidata):
            raise spec.fail("wikidata", f"wikidata {shown(wikidata)} is not an item id like Q7747")
        entities[ident] = Entity(
            id=ident,
            cls=spec.term("class"),
            labels={language: str(labels.text(language)) for language in LABEL_LANGUAGES if language in labels},
            wikidata=wikidata,
            mentions=reader.spans(spec, "mentions", at_least_one=False),
            confidence=spec.confidence(),
        )
    return entities


def _read_utterances(reader: _Reader, section: Any, line: int, entities: dict[str, Entity]) -> list[Utterance]:
    utterances = []
    for ident, value_line, node in reader.entries(section, line, "quotes", "quote"):
        if ident in entities:
            raise failure(reader.where, value_line, f"quote {shown(ident)}", "the id is also an entity id")
        spec = reader.spec(
            node,
            value_line,
            f"quote {shown(ident)}",
            ("kind", "speaker", "text", "verb", "occasion", "evidence", "concerns", "confidence"),
            ("kind", "speaker", "text"),
        )
        utterances.append(
            Utterance(
                id=ident,
                kind=str(spec.choice("kind", UTTERANCE_KINDS)),
                speakers=spec.idents("speaker", entities, at_least_one=True),
                text=reader.span(spec.get("text"), spec.line("text"), spec.item),
                evidence=reader.spans(spec, "evidence", at_least_one=False),
                verb=spec.text("verb"),
                occasion=spec.ident("occasion", entities),
                concerns=spec.idents("concerns", entities),
                confidence=spec.confidence(),
            )
        )
    return utterances


_QUANTITY_KEYS = (
    "value",
    "unit",
    "unit_text",
    "qualifier",
    "out_of",
    "measure",
    "concerns",
    "from",
    "to",
    "period",
    "part_of",
    "change_of",
    "stated_in",
    "evidence",
    "confidence",
)


def _read_quantities(
    reader: _Reader, section: Any, line: int, entities: dict[str, Entity], utterance_ids: set[str]
) -> list[Quantity]:
    quantities = []
    entries = reader.entries(section, line, "quantities", "quantity")
    ids = {ident for ident, _, _ in entries}
    for ident, value_line, node in entries:
        spec = reader.spec(
            node, value_line, f"quantity {shown(ident)}", _QUANTITY_KEYS, ("value", "measure", "evidence")
        )
        measure = str(spec.ident("measure", entities))
        if entities[measure].cls != "kg:Indicator":
            raise spec.fail("measure", f"measure {shown(measure)} is a {entities[measure].cls}, not a kg:Indicator")
        quantities.append(
            Quantity(
                id=ident,
                value=spec.number("value"),
                measure=measure,
                evidence=reader.spans(spec, "evidence", at_least_one=True),
                unit=spec.choice("unit", tuple(UNITS)),
                unit_text=spec.text("unit_text"),
                qualifier=str(spec.choice("qualifier", QUALIFIERS, "exactly")),
                out_of=spec.number("out_of") if "out_of" in spec else None,
                concerns=spec.idents("concerns", entities),
                flow_from=spec.ident("from", entities),
                flow_to=spec.ident("to", entities),
                period=reader.time(spec, "period"),
                part_of=spec.ident("part_of", ids, "quantity"),
                change_of=spec.ident("change_of", ids, "quantity"),
                stated_in=spec.ident("stated_in", utterance_ids, "quote"),
                confidence=spec.confidence(),
            )
        )
    return quantities


_FACT_KEYS = ("s", "p", "o", "value", "lang", "date", "evidence", "implied", "stated_in", "confidence")


def _read_facts(
    reader: _Reader, section: Any, line: int, entities: dict[str, Entity], utterance_ids: set[str]
) -> list[Fact]:
    if section is None:
        return []
    if not isinstance(section, LinedList):
        raise failure(reader.where, line, "facts", f"expected a list of facts, got {kind(section)}")
    facts = []
    for index, (node, node_line) in enumerate(zip(section, section.lines, strict=True), start=1):
        spec = reader.spec(node, node_line, f"fact #{index}", _FACT_KEYS, ("s", "p", "evidence"))
        shown_object = next((spec.get(key) for key in ("o", "value") if key in spec), "…")
        spec.item = f"fact #{index} ({_brief(spec.get('s'))} {_brief(spec.get('p'))} {_brief(shown_object)})"
        subject, predicate = spec.ident("s", entities), spec.term("p")
        objects = [key for key in ("o", "value", "date") if key in spec]
        if len(objects) != 1:
            raise spec.fail(None, "give exactly one of o (an entity), value (a literal) or date")
        if "lang" in spec and not isinstance(spec.get("value"), str):
            raise spec.fail("lang", "lang is the language of a text value; this fact has none")
        obj: str | Value
        if objects == ["o"]:
            obj = str(spec.ident("o", entities))
        elif objects == ["date"]:
            time = reader.time(spec, "date")
            if time is None or time.value is None:
                raise spec.fail("date", "a date fact needs its resolved value (date: {value: …, wording: …})")
            obj = time
        else:
            obj = _fact_value(spec)
        facts.append(
            Fact(
                subject=str(subject),
                predicate=predicate,
                obj=obj,
                evidence=reader.spans(spec, "evidence", at_least_one=True),
                obj_is_entity=objects == ["o"],
                language=spec.language("lang"),
                implied=spec.flag("implied"),
                stated_in=spec.ident("stated_in", utterance_ids, "quote"),
                confidence=spec.confidence(),
            )
        )
    return facts


def _fact_value(spec: Spec) -> Value:
    """A fact's literal: text, a whole number, true/false, a date or a date and time."""
    value = spec.get("value")
    if isinstance(value, str):
        return str(spec.text("value"))
    if isinstance(value, bool | date):
        return value
    if isinstance(value, int) and abs(value) < 10**MAX_DIGITS:
        return value
    if isinstance(value, int):
        raise spec.fail("value", f"value {shown(value)} is out of range: a whole number below 10^{MAX_DIGITS}")
    raise spec.fail("value", f"value must be text, a whole number, true/false or a date, got {kind(value)}")


def _read_meta(reader: _Reader, section: Any, line: int, entities: dict[str, Entity]) -> ArticleMeta:
    if section is None:
        return ArticleMeta()
    spec = reader.spec(
        section, line, "article", ("headline_en", "author", "publisher", "photo_credit", "about", "language")
    )
    return ArticleMeta(
        headline_en=spec.text("headline_en"),
        author=spec.ident("author", entities),
        publisher=spec.ident("publisher", entities),
        photo_credit=spec.ident("photo_credit", entities),
        about=spec.idents("about", entities),
        language=spec.language("language") or "ru",
    )


def parse_facts(article: Article, text: str, where: str = "<facts>") -> ArticleModel:
    """Read a facts document about `article`; FactsError names the line and item of the first problem.

    >>> from kgraph.source import parse_article
    >>> article = parse_article("demo", "# Омск\\n\\nОмск.\\n")
    >>> parse_facts(article, "entities:\\n  omsk: {class: schema:City, label: {ru: Омск, en: 5}, mentions: []}")
    Traceback (most recent call last):
    ...
    kgraph.errors.FactsError: <facts>:2: entity 'omsk': en must be text, got a number (5)
    """
    reader = _Reader(article, where)
    document = load_yaml(text, where)
    if document is None:
        document = Lined(1)
    spec = reader.spec(document, 1, "document", ("article", "entities", "quotes", "quantities", "facts"))
    entities = _read_entities(reader, spec.get("entities"), spec.line("entities"))
    utterances = _read_utterances(reader, spec.get("quotes"), spec.line("quotes"), entities)
    utterance_ids = {u.id for u in utterances}
    return ArticleModel(
        article=article,
        meta=_read_meta(reader, spec.get("article"), spec.line("article"), entities),
        entities=entities,
        facts=_read_facts(reader, spec.get("facts"), spec.line("facts"), entities, utterance_ids),
        quantities=_read_quantities(reader, spec.get("quantities"), spec.line("quantities"), entities, utterance_ids),
        utterances=utterances,
    )


def load_facts(article: Article, path: Path) -> ArticleModel:
    """Read the curated facts file at `path` about `article`."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise FactsError(f"{path}: cannot read: {error}") from None
    return parse_facts(article, text, str(path))


def facts_file(article: Article) -> Path | None:
    """The curated facts beside an article: facts.yaml in its folder, or NAME.facts.yaml beside NAME.txt."""
    return None if article.path is None else facts_beside(article.path)


def facts_beside(file: Path) -> Path | None:
    """The curated facts beside an article's text `file` (``facts_file``), if there are any."""
    candidate = file.parent / FACTS_FILENAME if file.name in ARTICLE_FILENAMES else file.with_suffix(".facts.yaml")
    return candidate if candidate.is_file() else None
