"""An event the article names again with the same head noun is one event (``events.renamed``)."""

from kgraph.extract import extract_article
from kgraph.extract.events.renamed import named_again
from kgraph.model import Entity, Fact
from kgraph.source import Span, parse_article

_ACCIDENT = (
    "# Авария на водопроводе оставила без воды 40 тысяч жителей Саратова\n\n"
    "В Саратове в ночь на пятницу произошла крупная авария на магистральном водопроводе. Без холодной воды остались "
    "около 40 тысяч жителей Заводского и Ленинского районов.\n\n"
    "Как сообщили в компании «Концессии водоснабжения — Саратов», на устранение аварии направлены 12 бригад.\n"
)


def test_a_headlines_event_and_the_texts_with_the_same_head_noun_are_one_event() -> None:
    model = extract_article(parse_article("a", _ACCIDENT))
    accidents = [e for e in model.entities.values() if "авари" in e.labels.get("ru", "").lower()]
    assert len(accidents) == 1
    assert {m.text for m in accidents[0].mentions} >= {"Авария", "крупная авария"}
    assert all(f.subject in model.entities for f in model.facts)


def test_events_naming_each_other_with_other_head_nouns_or_classes_stay_apart() -> None:
    def event(ident: str, label: str, cls: str = "schema:Event") -> Entity:
        return Entity(ident, cls, {"ru": label}, mentions=(Span(0, len(label), label),))

    entities = {
        "abdication": event("abdication", "отречение"),
        "resign": event("resign", "сложить полномочия"),
        "crash": event("crash", "авария"),
        "other": event("other", "авария на дороге", "schema:SportsEvent"),
        "match": event("match", "матч", "schema:SportsEvent"),
    }
    facts = [
        Fact("abdication", "schema:alternateName", "сложить полномочия", (), language="ru"),
        Fact("match", "schema:alternateName", "авария на дороге", (), language="ru"),
    ]
    assert named_again(entities, facts) == {}
