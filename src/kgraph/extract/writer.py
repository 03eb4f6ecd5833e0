"""Extracted facts written in the curated YAML format, so a person can review and edit them.

Evidence is always written "words @offset", which ``kgraph.facts.parse_facts`` reads back to the same spans.

>>> _evidence(Span(5, 9, "Омск"))
'Омск @5'
"""

from decimal import Decimal
from typing import Any

import yaml

from ..model import LABEL_LANGUAGES, ArticleModel, Fact, TimeRef, YearMonth
from ..source import Span


def _evidence(span: Span) -> str:
    return f"{span.text} @{span.start}"


def _time(ref: TimeRef) -> dict[str, Any]:
    out: dict[str, Any] = {"wording": _evidence(ref.wording)}
    if ref.value is not None:
        out["value"] = ref.value.isoformat() if isinstance(ref.value, YearMonth) else ref.value
    return out


def _number(value: Decimal) -> int | str:
    return int(value) if value == value.to_integral_value() else str(value)


def _fact(fact: Fact) -> dict[str, Any]:
    out: dict[str, Any] = {"s": fact.subject, "p": fact.predicate}
    if fact.obj_is_entity:
        out["o"] = fact.obj
    elif isinstance(fact.obj, TimeRef):
        out["date"] = _time(fact.obj)
    elif isinstance(fact.obj, Decimal):
        out["value"] = _number(fact.obj)  # an age in years (kg:age): YAML has no decimal type
    else:
        out["value"] = fact.obj
    if fact.language:
        out["lang"] = fact.language
    out["evidence"] = [_evidence(span) for span in fact.evidence]
    if fact.implied:
        out["implied"] = True
    if fact.stated_in:
        out["stated_in"] = fact.stated_in
    if fact.confidence is not None:
        out["confidence"] = fact.confidence
    return out


class _Dumper(yaml.SafeDumper):
    """Writes no anchors and aliases (``&id001``, ``*id001``), which facts.yaml refuses: a date used twice is
    written twice."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _text(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    """A string, in double quotes (escaped) when it holds a line break YAML reads otherwise than it was written:
    PyYAML writes U+0085 raw inside single quotes, which reads back as a folded line ('Õǐ\x85GE' as 'Õǐ GE')."""
    style = '"' if any(c in data for c in "\x85\u2028\u2029") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _text)


def _drop_none(mapping: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in mapping.items() if v is not None and v != [] and v != ()}


def dump_facts(model: ArticleModel) -> str:
    """The model as a facts.yaml document (entities, quotes, quantities, facts) with evidence and confidence.

    >>> from kgraph.source import parse_article
    >>> from kgraph.model import Entity
    >>> article = parse_article("demo", "# Путин\\n\\nВладимир Путин прилетел.\\n")
    >>> model = ArticleModel(article, entities={"putin": Entity("putin", "schema:Person",
    ...     {"ru": "Владимир Путин", "ru-Latn": "Vladimir Putin"}, None, (Span(9, 23, "Владимир Путин"),), 0.9)})
    >>> from kgraph.facts import parse_facts
    >>> parse_facts(article, dump_facts(model)).entities == model.entities
    True
    """
    document: dict[str, Any] = {
        "article": _article(model),
        "entities": _entities(model),
        "quotes": _quotes(model),
        "quantities": _quantities(model),
    }
    document["facts"] = [_fact(f) for f in model.facts]
    header = f"# Facts extracted automatically from {model.article.slug} by kgraph; review before use.\n"
    if model.left_out:
        header += "# Left out or reduced, as the shapes would refuse them:\n"
        header += "".join(f"#   {reason}\n" for reason in model.left_out)
    return header + yaml.dump(document, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)


def _article(model: ArticleModel) -> dict[str, Any]:
    meta = model.meta
    return _drop_none(
        {
            "headline_en": meta.headline_en,
            "author": meta.author,
            "publisher": meta.publisher,
            "photo_credit": meta.photo_credit,
            "about": list(meta.about),
            "language": meta.language,
        }
    )


def _labels(labels: dict[str, str]) -> dict[str, str]:
    """Every label, those of ``LABEL_LANGUAGES`` first in that order (any other is written for the loader to refuse).

    >>> _labels({"ru-Latn": "Omsk", "ru": "Омск"})
    {'ru': 'Омск', 'ru-Latn': 'Omsk'}
    """
    return {**{language: labels[language] for language in LABEL_LANGUAGES if language in labels}, **labels}


def _entities(model: ArticleModel) -> dict[str, Any]:
    entities = {
        e.id: _drop_none(
            {
                "class": e.cls,
                "label": _labels(e.labels),
                "wikidata": e.wikidata,
                "mentions": [_evidence(m) for m in e.mentions] or None,
                "confidence": e.confidence,
            }
        )
        for e in model.entities.values()
    }
    for entity in entities.values():
        entity.setdefault("mentions", [])
    return entities


def _quotes(model: ArticleModel) -> dict[str, Any]:
    return {
        u.id: _drop_none(
            {
                "kind": u.kind,
                "speaker": list(u.speakers),
                "text": _evidence(u.text),
                "verb": u.verb,
                "occasion": u.occasion,
                "evidence": [_evidence(s) for s in u.evidence],
                "concerns": list(u.concerns),
                "confidence": u.confidence,
            }
        )
        for u in model.utterances
    }


def _quantities(model: ArticleModel) -> dict[str, Any]:
    return {
        q.id: _drop_none(
            {
                "value": _number(q.value),
                "unit": q.unit,
                "unit_text": q.unit_text,
                "qualifier": None if q.qualifier == "exactly" else q.qualifier,
                "out_of": None if q.out_of is None else _number(q.out_of),
                "measure": q.measure,
                "concerns": list(q.concerns),
                "from": q.flow_from,
                "to": q.flow_to,
                "period": None if q.period is None else _time(q.period),
                "part_of": q.part_of,
                "change_of": q.change_of,
                "stated_in": q.stated_in,
                "evidence": [_evidence(s) for s in q.evidence],
                "confidence": q.confidence,
            }
        )
        for q in model.quantities
    }
