"""The extraction pipeline: its order is checked at start-up, packs switch off, the README shows the real order."""

from pathlib import Path

import pytest

from kgraph.extract import extract_article
from kgraph.extract.build import PACKS, PIPELINE, components
from kgraph.extract.doc import Doc
from kgraph.extract.pipeline import Component, PipelineError, check, component, describe
from kgraph.source import load_article, parse_article

ROOT = Path(__file__).resolve().parents[2]


def _step(
    name: str, requires: tuple[str, ...] = (), assigns: tuple[str, ...] = (), drops: tuple[str, ...] = ()
) -> Component:
    def run(doc: Doc) -> None:
        pass

    return component(name, requires=requires, assigns=assigns, drops=drops)(run)


def test_the_shipped_order_passes_the_check_with_and_without_each_pack() -> None:
    check(PIPELINE)
    for pack in PACKS:
        check(components(without=[pack]))
    assert PIPELINE[0].name == "read"


def test_a_component_before_what_it_requires_is_refused_at_start_up() -> None:
    with pytest.raises(PipelineError, match="'events' requires dates, which no component before it assigns"):
        check([_step("names", assigns=("entities",)), _step("events", ("entities", "dates"), ("events",))])


def test_dropping_entities_after_facts_refer_to_them_is_refused() -> None:
    steps = [
        _step("names", assigns=("entities",)),
        _step("offices", ("entities",), ("entities", "facts")),
        _step("cleanup", ("entities",), ("entities",), drops=("entities",)),
    ]
    with pytest.raises(PipelineError, match="'cleanup' drops entities after 'offices' built on them"):
        check(steps)
    check([steps[0], steps[2], steps[1]])  # dropping first is fine


def test_an_unknown_field_or_pack_is_named() -> None:
    with pytest.raises(PipelineError, match="'odd' names 'vibes'"):
        check([_step("odd", assigns=("vibes",))])
    with pytest.raises(PipelineError, match="no pack 'sports'; the packs are forum"):
        components(without=["sports"])


def test_switching_the_forum_pack_off_drops_only_its_findings_on_the_seed() -> None:
    article = load_article(ROOT / "data" / "omsk-forum-2019-11-07")
    with_pack, without = extract_article(article), extract_article(article, without=["forum"])
    classes = {e.cls for e in with_pack.entities.values()}
    classes_without = {e.cls for e in without.entities.values()}
    assert {"kg:PlenarySession", "kg:Pipeline", "schema:Museum"} <= classes
    assert not {"kg:PlenarySession", "kg:Pipeline", "schema:Museum"} & classes_without
    assert {u.occasion for u in without.utterances} == {None}
    assert any(u.occasion for u in with_pack.utterances)
    names = {(e.labels["ru"], e.cls) for e in without.entities.values() if e.cls == "schema:Person"}
    assert names == {(e.labels["ru"], e.cls) for e in with_pack.entities.values() if e.cls == "schema:Person"}


def test_the_readme_shows_the_pipeline_in_its_real_order() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert describe(PIPELINE) in readme


def _state(doc: Doc) -> dict[str, object]:
    """What each field of the document holds now, compared by value."""
    return {
        "analysis": doc.analysis,
        "features": doc.features,
        "sequences": {
            kind: {layer: a.tobytes() for layer, a in layers.items()} for kind, layers in doc.sequences.items()
        },
        "typed": doc.typed,
        "entities": [(doc.ids[i], d.cls, d.label, d.wikidata, tuple(d.mentions)) for i, d in enumerate(doc.drafts)],
        "meta": doc.meta,
        "facts": list(doc.facts),
        "dates": list(doc.dates),
        "events": [(event.label, ident) for event, ident in doc.events],
        "utterances": list(doc.utterances),
        "amounts": list(doc.amounts),
        "quantities": list(doc.quantities),
        "relations": list(doc.relations),
    }


_RARE = [
    "Кисин: Продолжайте делать то, что любите\n\nПианист Евгений Кисин дал концерт в Москве.\n",  # lone surname
    "# Т\n\nИосиф Сталин умер в 1953 году. О сталинских лагерях написано много.\n",  # surname adjective
    "# Т\n\nСотрудники Университета Барселоны и полиции Нью-Йорка прибыли в Мадрид.\n",  # places in names
    "# Т\n\nВласти Украины и посольство США в Веллингтоне (Wellington) сообщили об этом.\n",  # owners, originals
    "# Т\n\nРежиссёр Эдуард Назаров снял фильм. Эдуард Васильевич рассказал о нём.\n",  # partial names
    "# Т\n\nПрезидент Мали прилетел в Уругвай.\n",  # countries NEREL train never links
    "# Т\n\nСтрельба произошла в штате Колорадо.\n",  # states NEREL train never links
    "# Т\n\nВерховный суд Испании отменил приговор. Решение Верховный суд принял в среду.\n",  # placed organisations
    "# Т\n\nУчёные Новосибирского государственного университета создали препарат. Ректор НГУ Михаил Федорук"
    " рассказал о нём.\n",  # abbreviated organisations
    "# В Петербурге открыли мост\n\nВ Санкт-Петербурге в среду открыли новый мост.\n",  # short names
    "# Т\n\nПредседатель комитета Госдумы по финансовому рынку Анатолий Аксаков выступил.\n",  # bodies before topics
    "# Т\n\nСовет директоров Банка России сохранил ставку.\n",  # heads of names
    "# Т\n\nВойска встретились с частями 1-й армии США.\n",  # numbered organisations
    "# Т\n\nСКА на выезде уступил ЦСКА со счётом 1:4.\n",  # a match told by its result
]


def test_every_component_changes_only_what_it_declares(nerel_sample: Path) -> None:
    # the declarations are what the start-up check reads: a component that changed a field it does not assign
    # (or dropped entities without saying so) would make the checked order a fiction
    texts = [load_article(ROOT / "data" / "omsk-forum-2019-11-07").text]
    texts += [p.read_text(encoding="utf-8") for p in sorted(nerel_sample.glob("*.txt"))]
    texts += _RARE  # what the seed and the sample do not exercise
    changed: set[tuple[str, str]] = set()
    for text in texts:
        doc = Doc(parse_article("contract", text))
        for step in PIPELINE:
            before = _state(doc)
            count = len(doc.drafts)
            step(doc)
            after = _state(doc)
            for field in before:
                if before[field] != after[field]:
                    changed.add((step.name, field))
                    assert field in step.assigns, f"{step.name} changed {field} but does not assign it"
            if len(doc.drafts) < count:
                assert "entities" in step.drops, f"{step.name} dropped entities but does not declare it"
    for step in PIPELINE:
        for field in step.assigns:
            assert (step.name, field) in changed, f"{step.name} assigns {field} but never changed it here"
