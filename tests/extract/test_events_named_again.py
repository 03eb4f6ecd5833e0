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


def test_events_naming_each_other_with_other_head_nouns_classes_or_items_stay_apart() -> None:
    def event(ident: str, label: str, cls: str = "schema:Event", item: str | None = None) -> Entity:
        return Entity(ident, cls, {"ru": label}, item, (Span(0, len(label), label),))

    def named(one: str, other: str) -> Fact:
        return Fact(one, "schema:alternateName", other, (), language="ru")

    other_head = {"abdication": event("abdication", "отречение"), "resign": event("resign", "сложить полномочия")}
    assert named_again(other_head, [named("abdication", "сложить полномочия")]) == {}
    other_class = {
        "match": event("match", "матч", "schema:SportsEvent"),
        "opening": event("opening", "матч открытия", "kg:Opening"),
    }
    assert named_again(other_class, [named("match", "матч открытия")]) == {}
    other_item = {"a": event("a", "выборы", item="Q1"), "b": event("b", "президентские выборы", item="Q2")}
    assert named_again(other_item, [named("a", "президентские выборы")]) == {}
    # the same pairs joined where only the rule's condition differs: one class, no second item
    same_class = {"match": event("match", "матч", "schema:SportsEvent"), "final": event("final", "матч финала")}
    assert named_again(same_class, [named("match", "матч финала")]) == {"match": "final"}
    one_item = {"a": event("a", "выборы", item="Q1"), "b": event("b", "президентские выборы")}
    assert named_again(one_item, [named("a", "президентские выборы")]) == {"b": "a"}


def test_a_headlines_event_named_otherwise_in_the_text_is_the_one_event_of_its_kind_there() -> None:
    # "# Эрмитаж откроет выставку картин Рембрандта" and "откроет … выставку «Рембрандт и его ученики»" were two
    # exhibitions, one with the start, the other with the end
    article = (
        "# Эрмитаж откроет выставку картин Рембрандта\n\nPublished at: **2026-03-01T12:00:00+03:00**\n\n"
        "Государственный Эрмитаж 15 марта откроет в Санкт-Петербурге выставку «Рембрандт и его ученики». "
        "Выставка продлится до 30 июня.\n"
    )
    model = extract_article(parse_article("a", article))
    shows = [e for e in model.entities.values() if e.cls == "schema:ExhibitionEvent"]
    assert [e.labels["ru"] for e in shows] == ["Выставка «Рембрандт и его ученики»"], shows
    said = {f.predicate for f in model.facts if f.subject == shows[0].id}
    assert {"schema:startDate", "schema:endDate"} <= said, said


def test_a_headlines_event_stays_apart_from_another_of_its_kind_the_text_names() -> None:
    # the headline's exhibition was joined into "Предыдущая выставка …" and into the one of half a century ago
    for text in (
        "Эрмитаж откроет выставку картин Рембрандта 15 марта. Предыдущая выставка «Сокровища Золотой Орды» "
        "собрала 300 тысяч зрителей.",
        "Эрмитаж 15 марта откроет выставку картин Рембрандта. Последняя выставка «Голландцы» такого масштаба "
        "прошла полвека назад.",
    ):
        article = (
            f"# Эрмитаж откроет выставку картин Рембрандта\n\nPublished at: **2026-03-01T12:00:00+03:00**\n\n{text}\n"
        )
        model = extract_article(parse_article("a", article))
        shows = [e.labels["ru"] for e in model.entities.values() if e.cls == "schema:ExhibitionEvent"]
        assert len(shows) == 2, shows


def _events_by_label(text: str) -> dict[str, list[set[str]]]:
    """Per event label, the words of each event node of that label extracted from a headline and one paragraph."""
    model = extract_article(parse_article("a", f"# Новости\n\n{text}\n"))
    found: dict[str, list[set[str]]] = {}
    for entity in model.entities.values():
        if entity.cls == "schema:Event":
            found.setdefault(entity.labels["ru"], []).append({m.text for m in entity.mentions})
    return found


def test_a_meeting_named_again_between_others_is_another_meeting_and_one_named_again_by_its_own_is_the_same() -> None:
    # the review of NEREL train 13896: three meetings of one word were one node, Merkel a party to the talks with Macron
    events = _events_by_label(
        "Премьер-министр Индии Нарендра Моди провел встречу с канцлером Германии Ангелой Меркель. После этого Моди "
        "проведет встречу с президентом Франции Эммануэлем Макроном."
    )
    assert len(events["встреча"]) == 2, events
    events = _events_by_label(
        "Президент России Владимир Путин провел встречу с президентом Казахстана Касым-Жомартом Токаевым. На встрече "
        "Путин и Токаев обсудили торговлю."
    )
    assert events["встреча"] == [{"встречу", "встрече"}], events


def test_an_event_named_again_with_the_ones_before_and_more_or_with_also_is_the_same_event() -> None:
    # a review helper's misfires of the first version of `_apart_by_who`
    events = _events_by_label("Лавров провел переговоры в Женеве. Переговоры Лаврова и Блинкена длились три часа.")
    assert len(events["переговоры"]) == 1, events
    events = _events_by_label(
        "На встрече Путин и Лукашенко обсудили торговлю. Во встрече также участвовали Мишустин и Головченко."
    )
    assert len(events["встреча"]) == 1, events


def test_an_office_a_headline_names_is_no_other_party_than_its_holder_named_in_the_text() -> None:
    # our own article: "Лукашенко назначил нового премьер-министра Белоруссии" and "… назначил премьер-министром
    # страны Александра Турчина" had become two appointments, the office a party to the first
    events = _events_by_label(
        "Лукашенко назначил нового премьер-министра Белоруссии\n\nПрезидент Белоруссии Александр Лукашенко в "
        "четверг назначил премьер-министром страны Александра Турчина."
    )
    assert len(events["назначил"]) == 1, events


def test_an_event_other_than_an_encounter_or_a_headlines_stays_one_whoever_the_text_names_in_it() -> None:
    # a fourth review helper's probe: the headline's verdict, the text's and "Вместе с Кляйном суд приговорил …"
    # had become two events, Кляйн a party to both
    model = extract_article(
        parse_article(
            "a",
            "# Суд приговорил экс-мэра Томска к семи годам колонии\n\nЛенинский районный суд Томска приговорил "
            "бывшего мэра города Ивана Кляйна к семи годам колонии общего режима по делу о превышении полномочий.\n\n"
            "Вместе с Кляйном суд приговорил его бывшего заместителя Сергея Сердюкова к четырем годам условно.\n",
        )
    )
    verdicts = [e for e in model.entities.values() if e.cls.endswith("Event") and "приговорил" in e.labels["ru"]]
    assert len(verdicts) == 1, [(e.labels["ru"], [m.text for m in e.mentions]) for e in verdicts]


def test_the_last_or_the_previous_event_of_a_kind_is_another_event_with_its_own_date() -> None:
    # the fourth round of reviews: "Последнее сильное землетрясение … в августе 2024 года" joined today's earthquake,
    # which took its date
    text = (
        "# Новости\n\nPublished at: **2025-11-07T03:20:00+00:00**\n\nЗемлетрясение магнитудой 6,4 произошло в ночь на "
        "пятницу у берегов Камчатки. Последнее сильное землетрясение в регионе произошло в августе 2024 года.\n"
    )
    model = extract_article(parse_article("a", text))
    quakes = {e.labels["ru"]: e.id for e in model.entities.values() if "землетрясение" in e.labels["ru"]}
    assert set(quakes) == {"землетрясение", "последнее сильное землетрясение"}, quakes
    days = {(f.subject, str(getattr(f.obj, "value", f.obj))) for f in model.facts if f.predicate == "kg:pointInTime"}
    assert (quakes["последнее сильное землетрясение"], "2024-08") in days, days
    assert not any(subject == quakes["землетрясение"] and day == "2024-08" for subject, day in days), days
