"""Curated facts: the human-editable YAML beside an article, read into an ``ArticleModel``.

Every statement cites the article's words. Evidence is written ``"the words"`` (their only occurrence) or
``"the words @offset"``; the loader checks the text at each offset and names the file, line and fact when it
does not match. See ``data/omsk-forum-2019-11-07/facts.yaml`` for the full format.

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
from collections.abc import Iterable
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from .errors import FactsError
from .model import (
    QUALIFIERS,
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
)
from .namespaces import expand_term
from .source import ARTICLE_FILENAMES, Article, Span

FACTS_FILENAME = "facts.yaml"
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_AT = re.compile(r"^(?P<words>.*\S)\s+@(?P<at>\d+)$", re.S)


class _Lined(dict[str, Any]):
    """A YAML mapping that remembers the line it starts on."""

    line = 0


class _LineLoader(yaml.SafeLoader):
    """A safe YAML loader whose mappings know their line and refuse duplicate keys."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> _Lined:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r} (first on line {seen[key]})", key_node.start_mark
            )
        seen[key] = key_node.start_mark.line + 1
    mapping = _Lined(loader.construct_mapping(node, deep=True))  # type: ignore[arg-type]
    mapping.line = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


class _Reader:
    """Reads one facts document, turning every problem into a FactsError naming file, line and item."""

    def __init__(self, article: Article, where: str) -> None:
        self.article = article
        self.where = where

    def fail(self, node: Any, item: str, message: str) -> FactsError:
        line = getattr(node, "line", 0)
        place = f"{self.where}:{line}" if line else self.where
        return FactsError(f"{place}: {item}: {message}")

    def mapping(self, node: Any, item: str, allowed: Iterable[str], required: Iterable[str] = ()) -> _Lined:
        if not isinstance(node, dict):
            raise self.fail(node, item, f"expected a mapping, got {type(node).__name__}")
        lined = node if isinstance(node, _Lined) else _Lined(node)
        unknown = sorted(set(lined) - set(allowed))
        if unknown:
            raise self.fail(lined, item, f"unknown key {unknown[0]!r}; expected one of {', '.join(allowed)}")
        missing = [key for key in required if key not in lined]
        if missing:
            raise self.fail(lined, item, f"missing {missing[0]!r}")
        return lined

    def spans(self, node: _Lined, item: str, value: Any) -> tuple[Span, ...]:
        items = value if isinstance(value, list) else [value]
        return tuple(self.span(node, item, one) for one in items)

    def span(self, node: _Lined, item: str, value: Any) -> Span:
        if isinstance(value, dict):
            words, at = value.get("text"), value.get("at")
        elif isinstance(value, str):
            match = _AT.match(value)
            words, at = (match["words"], int(match["at"])) if match else (value, None)
        else:
            raise self.fail(node, item, f"evidence must be the article's words, got {value!r}")
        if not isinstance(words, str) or not (at is None or isinstance(at, int)):
            raise self.fail(node, item, f"evidence must be words and an optional offset, got {value!r}")
        try:
            return article_span(self.article, words, at)
        except ValueError as error:
            raise self.fail(node, item, str(error)) from None

    def term(self, node: _Lined, item: str, curie: Any) -> str:
        try:
            expand_term(str(curie))
        except ValueError as error:
            raise self.fail(node, item, str(error)) from None
        return str(curie)

    def ident(self, node: _Lined, item: str, value: Any, known: Iterable[str], what: str = "entity") -> str:
        if not isinstance(value, str) or value not in set(known):
            raise self.fail(node, item, f"unknown {what} {value!r}")
        return value

    def optional(self, node: _Lined, item: str, key: str, known: Iterable[str], what: str = "entity") -> str | None:
        value = node.get(key)
        return None if value is None else self.ident(node, item, value, known, what)

    def idents(self, node: _Lined, item: str, value: Any, known: Iterable[str]) -> tuple[str, ...]:
        values = value if isinstance(value, list) else [value]
        return tuple(self.ident(node, item, one, known) for one in values)

    def time(self, node: _Lined, item: str, value: Any) -> TimeRef:
        spec = self.mapping(value, item, ("value", "wording"), ("wording",))
        resolved = spec.get("value")
        if not (resolved is None or isinstance(resolved, date | int)) or isinstance(resolved, bool):
            raise self.fail(spec, item, f"a date value must be YYYY-MM-DD or a year, got {resolved!r}")
        return TimeRef(self.span(spec, item, spec["wording"]), resolved)

    def number(self, node: _Lined, item: str, value: Any) -> Decimal:
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise self.fail(node, item, f"value {value!r} is not a number")
        try:
            number = Decimal(str(value).replace(" ", ""))
        except InvalidOperation:
            raise self.fail(node, item, f"value {value!r} is not a number") from None
        if not number.is_finite():
            raise self.fail(node, item, f"value {value!r} is not a finite number")
        return number

    def confidence(self, node: _Lined, item: str) -> float | None:
        value = node.get("confidence")
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
            raise self.fail(node, item, f"confidence {value!r} is not a number from 0 to 1")
        return float(value)


def _check_id(reader: _Reader, node: Any, item: str, ident: Any) -> str:
    if not isinstance(ident, str) or not _ID.match(ident):
        raise reader.fail(node, item, f"id {ident!r} must be lower-case letters, digits and _")
    return ident


def _read_entities(reader: _Reader, section: Any) -> dict[str, Entity]:
    entities: dict[str, Entity] = {}
    for ident, node in (section or {}).items():
        item = f"entity {ident!r}"
        _check_id(reader, section, item, ident)
        spec = reader.mapping(
            node,
            item,
            ("class", "label", "wikidata", "mentions", "confidence"),
            ("class", "label", "mentions"),
        )
        labels = reader.mapping(spec["label"], item, ("ru", "en"), ("ru", "en"))
        if not all(isinstance(v, str) and v.strip() for v in labels.values()):
            raise reader.fail(spec, item, "labels must be non-empty text in ru and en")
        wikidata = spec.get("wikidata")
        if wikidata is not None and not re.fullmatch(r"Q[1-9][0-9]*", str(wikidata)):
            raise reader.fail(spec, item, f"wikidata {wikidata!r} is not an item id like Q7747")
        entities[ident] = Entity(
            id=ident,
            cls=reader.term(spec, item, spec["class"]),
            labels=dict(labels),
            wikidata=wikidata,
            mentions=reader.spans(spec, item, spec["mentions"]),
            confidence=reader.confidence(spec, item),
        )
    return entities


def _read_utterances(reader: _Reader, section: Any, entities: dict[str, Entity]) -> list[Utterance]:
    utterances = []
    for ident, node in (section or {}).items():
        item = f"quote {ident!r}"
        _check_id(reader, section, item, ident)
        spec = reader.mapping(
            node,
            item,
            ("kind", "speaker", "text", "verb", "occasion", "evidence", "concerns", "confidence"),
            ("kind", "speaker", "text"),
        )
        if spec["kind"] not in UTTERANCE_KINDS:
            raise reader.fail(spec, item, f"kind {spec['kind']!r}; expected one of {', '.join(UTTERANCE_KINDS)}")
        occasion = spec.get("occasion")
        utterances.append(
            Utterance(
                id=ident,
                kind=spec["kind"],
                speakers=reader.idents(spec, item, spec["speaker"], entities),
                text=reader.span(spec, item, spec["text"]),
                evidence=reader.spans(spec, item, spec.get("evidence", [])),
                verb=spec.get("verb"),
                occasion=None if occasion is None else reader.ident(spec, item, occasion, entities),
                concerns=reader.idents(spec, item, spec.get("concerns", []), entities),
                confidence=reader.confidence(spec, item),
            )
        )
    return utterances


def _read_quantities(
    reader: _Reader, section: Any, entities: dict[str, Entity], utterance_ids: set[str]
) -> list[Quantity]:
    quantities = []
    ids = set((section or {}).keys())
    for ident, node in (section or {}).items():
        item = f"quantity {ident!r}"
        _check_id(reader, section, item, ident)
        spec = reader.mapping(
            node,
            item,
            (
                "value",
                "unit",
                "unit_text",
                "qualifier",
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
            ),
            ("value", "measure", "evidence"),
        )
        unit = spec.get("unit")
        if unit is not None and unit not in UNITS:
            raise reader.fail(spec, item, f"unknown unit {unit!r}; expected one of {', '.join(UNITS)}")
        qualifier = spec.get("qualifier", "exactly")
        if qualifier not in QUALIFIERS:
            raise reader.fail(spec, item, f"unknown qualifier {qualifier!r}; expected one of {', '.join(QUALIFIERS)}")
        measure = reader.ident(spec, item, spec["measure"], entities)
        if entities[measure].cls != "kg:Indicator":
            raise reader.fail(spec, item, f"measure {measure!r} is a {entities[measure].cls}, not a kg:Indicator")

        quantities.append(
            Quantity(
                id=ident,
                value=reader.number(spec, item, spec["value"]),
                measure=measure,
                evidence=reader.spans(spec, item, spec["evidence"]),
                unit=unit,
                unit_text=spec.get("unit_text"),
                qualifier=qualifier,
                concerns=reader.idents(spec, item, spec.get("concerns", []), entities),
                flow_from=reader.optional(spec, item, "from", entities),
                flow_to=reader.optional(spec, item, "to", entities),
                period=None if spec.get("period") is None else reader.time(spec, item, spec["period"]),
                part_of=reader.optional(spec, item, "part_of", ids, "quantity"),
                change_of=reader.optional(spec, item, "change_of", ids, "quantity"),
                stated_in=reader.optional(spec, item, "stated_in", utterance_ids, "quote"),
                confidence=reader.confidence(spec, item),
            )
        )
    return quantities


def _read_facts(reader: _Reader, section: Any, entities: dict[str, Entity], utterance_ids: set[str]) -> list[Fact]:
    facts = []
    for index, node in enumerate(section or [], start=1):
        item = f"fact #{index}"
        spec = reader.mapping(
            node,
            item,
            ("s", "p", "o", "value", "lang", "date", "evidence", "implied", "stated_in", "confidence"),
            ("s", "p", "evidence"),
        )
        item = f"fact #{index} ({spec['s']} {spec['p']} {spec.get('o', spec.get('value', '…'))})"
        objects = [key for key in ("o", "value", "date") if key in spec]
        if len(objects) != 1:
            raise reader.fail(spec, item, "give exactly one of o (an entity), value (a literal) or date")
        obj: str | Value
        if "o" in spec:
            obj = reader.ident(spec, item, spec["o"], entities)
        elif "date" in spec:
            obj = reader.time(spec, item, spec["date"])
            if obj.value is None:
                raise reader.fail(spec, item, "a date fact needs its resolved value (date: {value: …, wording: …})")
        else:
            obj = spec["value"]
            if not isinstance(obj, str | int | bool | date):
                raise reader.fail(spec, item, f"value {obj!r} must be text, a number, true/false or a date")
        stated_in = spec.get("stated_in")
        facts.append(
            Fact(
                subject=reader.ident(spec, item, spec["s"], entities),
                predicate=reader.term(spec, item, spec["p"]),
                obj=obj,
                evidence=reader.spans(spec, item, spec["evidence"]),
                obj_is_entity="o" in spec,
                language=spec.get("lang"),
                implied=bool(spec.get("implied", False)),
                stated_in=None if stated_in is None else reader.ident(spec, item, stated_in, utterance_ids, "quote"),
                confidence=reader.confidence(spec, item),
            )
        )
    return facts


def _read_meta(reader: _Reader, section: Any, entities: dict[str, Entity]) -> ArticleMeta:
    if section is None:
        return ArticleMeta()
    spec = reader.mapping(
        section, "article", ("headline_en", "author", "publisher", "photo_credit", "about", "language")
    )

    def entity(key: str) -> str | None:
        value = spec.get(key)
        return None if value is None else reader.ident(spec, "article", value, entities)

    return ArticleMeta(
        headline_en=spec.get("headline_en"),
        author=entity("author"),
        publisher=entity("publisher"),
        photo_credit=entity("photo_credit"),
        about=reader.idents(spec, "article", spec.get("about", []), entities),
        language=spec.get("language", "ru"),
    )


def parse_facts(article: Article, text: str, where: str = "<facts>") -> ArticleModel:
    """Read a facts document about `article`; FactsError names the line and item of the first problem."""
    reader = _Reader(article, where)
    try:
        document = yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        raise FactsError(f"{where}{line}: YAML syntax error: {problem}") from None
    spec = reader.mapping(document or {}, "document", ("article", "entities", "quotes", "quantities", "facts"))
    entities = _read_entities(reader, spec.get("entities"))
    utterances = _read_utterances(reader, spec.get("quotes"), entities)
    utterance_ids = {u.id for u in utterances}
    clashes = sorted(utterance_ids & set(entities))
    if clashes:
        raise reader.fail(spec, f"quote {clashes[0]!r}", "the id is also an entity id")
    return ArticleModel(
        article=article,
        meta=_read_meta(reader, spec.get("article"), entities),
        entities=entities,
        facts=_read_facts(reader, spec.get("facts"), entities, utterance_ids),
        quantities=_read_quantities(reader, spec.get("quantities"), entities, utterance_ids),
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
    if article.path is None:
        return None
    if article.path.name in ARTICLE_FILENAMES:
        candidate = article.path.parent / FACTS_FILENAME
    else:
        candidate = article.path.with_suffix(".facts.yaml")
    return candidate if candidate.is_file() else None
