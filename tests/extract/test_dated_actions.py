"""What a news item tells happened on a day by a verb is an event, with its agent, day and place
(``events.actions``)."""

from datetime import date

from kgraph.extract import extract_article
from kgraph.model import ArticleModel
from kgraph.source import parse_article


def _model(text: str, published: str = "2025-03-14") -> ArticleModel:
    return extract_article(parse_article("a", f"# Новости\n\nPublished at: **{published}T09:00:00+00:00**\n\n{text}\n"))


def _action(model: ArticleModel, label: str) -> str:
    found = [i for i, e in model.entities.items() if e.cls == "schema:Event" and e.labels.get("ru") == label]
    assert len(found) == 1, sorted(e.labels.get("ru", "") for e in model.entities.values() if e.cls == "schema:Event")
    return found[0]


def _facts(model: ArticleModel, ident: str) -> set[tuple[str, str, object]]:
    said = set()
    for fact in model.facts:
        if fact.obj == ident:
            said.add((model.entities[fact.subject].labels["ru"], fact.predicate, "·"))
        elif fact.subject == ident:
            obj = fact.obj
            value = model.entities[obj].labels["ru"] if isinstance(obj, str) and obj in model.entities else obj
            said.add(("·", fact.predicate, getattr(value, "value", value)))
    return said


def test_a_body_raising_a_rate_on_a_day_is_an_event_with_its_agent_and_day() -> None:
    model = _model("Центральный банк Армении во вторник, 11 марта, повысил ставку рефинансирования до 7,5% годовых.")
    ident = _action(model, "повысил ставку рефинансирования")
    facts = _facts(model, ident)
    assert ("·", "kg:pointInTime", date(2025, 3, 11)) in facts, facts
    assert any(p == "kg:agentOf" and "банк" in s.lower() for s, p, _ in facts), facts


def test_the_persons_after_their_offices_are_the_agents_and_the_body_an_action_is_done_to_takes_part() -> None:
    model = _model(
        "Соглашение подписали в среду в Казани мэр города Илсур Метшин и генеральный директор компании «Татнефть» "
        "Наиль Маганов. Министерство юстиции в четверг внесло компанию «Вектор» в реестр иностранных агентов."
    )
    signed = _facts(model, _action(model, "соглашение подписали"))
    assert {("Илсур Метшин", "kg:agentOf", "·"), ("Наиль Маганов", "kg:agentOf", "·")} <= signed, signed
    assert ("·", "kg:pointInTime", date(2025, 3, 12)) in signed, signed
    listed = _facts(model, _action(model, "внесло компанию «Вектор» в реестр иностранных агентов"))
    assert ("Министерство юстиции", "kg:agentOf", "·") in listed, listed
    assert any(p == "kg:participantIn" and "Вектор" in s for s, p, _ in listed), listed


def test_an_action_done_by_what_a_common_noun_names_is_named_with_it() -> None:
    model = _model("Рабочие шахты в понедельник объявили забастовку. Движение по новому мосту открылось 1 марта.")
    strike = [e for e in model.entities.values() if any("забастовку" in m.text for m in e.mentions)]
    assert len(strike) == 1, strike  # "объявили забастовку", or the strike a tagger found, dated either way
    assert ("·", "kg:pointInTime", date(2025, 3, 10)) in _facts(model, strike[0].id)
    opened = _facts(model, _action(model, "движение открылось"))
    assert ("·", "kg:pointInTime", date(2025, 3, 1)) in opened, opened


def test_states_figures_speech_and_events_named_already_are_no_actions() -> None:
    model = _model(
        "В 2024 году выручка компании выросла на 12%, до 3 млрд рублей. С 2010 года он возглавлял комитет. "
        "Во вторник министр объяснил причины отставки. В 2024 году он стал мэром города. Форум прошёл в Омске 5 "
        "марта. В 2023 году завод добыл 2 млн тонн руды. В среду президент подписал указ о помиловании."
    )
    labels = sorted(e.labels.get("ru", "") for e in model.entities.values() if e.cls == "schema:Event")
    told = ("выросла", "возглавлял", "объяснил", "стал", "прошёл", "добыл")
    assert not any(word in label for label in labels for word in told), labels
    signed = [e for e in model.entities.values() if any("подписал" in m.text for m in e.mentions)]
    assert len(signed) == 1, signed  # the event a tagger found, not a second one


def test_a_length_of_time_is_no_day_an_action_happened_on() -> None:
    model = _model("Бывшего главу района приговорили к восьми годам колонии. За девять месяцев банк увеличил выручку.")
    labels = sorted(e.labels.get("ru", "") for e in model.entities.values() if e.cls == "schema:Event")
    assert "увеличил выручку" not in labels, labels
    assert not any("приговорили" in label for label in labels), labels


def test_a_title_in_quotes_stays_whole_in_the_events_name() -> None:
    model = _model("В 2019 году группа «Ночные снайперы» выпустила альбом «Тридцать и один», а потом уехала в тур.")
    assert _action(model, "выпустила альбом «Тридцать и один»")


def test_unresolved_days_left_out_are_days_not_lengths_of_time() -> None:
    model = extract_article(
        parse_article(
            "a", "# Новости\n\nСуд в среду приговорил его к восьми годам колонии за девять месяцев до выборов.\n"
        )
    )
    notes = [note for note in model.left_out if "dates" in note]
    assert notes and "«в среду»" in notes[0], model.left_out
    assert "восьми годам" not in notes[0] and "девять месяцев" not in notes[0], notes


def test_an_action_whose_object_is_an_event_named_already_dates_that_event_and_adds_none() -> None:
    model = _model("Губернатор Омской области Виталий Хоценко в среду провел совещание с главами районов.")
    events = {e.labels["ru"]: i for i, e in model.entities.items() if e.cls in ("schema:Event", "kg:Meeting")}
    assert not any("провел" in label for label in events), events
    meeting = next(i for label, i in events.items() if "совещание" in label)
    facts = _facts(model, meeting)
    assert ("·", "kg:pointInTime", date(2025, 3, 12)) in facts, facts
    assert {("Виталий Хоценко", "kg:agentOf", "·"), ("Виталий Хоценко", "kg:participantIn", "·")} & facts, facts


def test_a_verb_of_an_events_course_dates_the_event_its_subject_names_once() -> None:
    # the fourth round of reviews: "прием начался" and "прием продлится" were two events, one from each verb
    model = _model("Прием документов в вузы начался 20 июня и продлится до 25 июля. Первый показ прошел во вторник.")
    intake = _facts(model, _action(model, "прием документов в вузы"))
    assert {("·", "schema:startDate", date(2025, 6, 20)), ("·", "schema:endDate", date(2025, 7, 25))} <= intake, intake
    assert ("·", "kg:pointInTime", date(2025, 3, 11)) in _facts(model, _action(model, "первый показ"))


def test_a_time_of_day_after_the_day_is_part_of_when_not_a_figure() -> None:
    # "во вторник в 05:12" had read the clock's digits as a figure, and the launch was dropped as one
    model = _model("Ракета-носитель стартовала с космодрома Восточный во вторник в 05:12.")
    launch = _facts(model, _action(model, "ракета-носитель стартовала с космодрома Восточный"))
    assert ("·", "kg:pointInTime", date(2025, 3, 11)) in launch, launch


def test_who_holds_an_event_its_object_names_is_its_agent_and_who_wins_one_takes_part() -> None:
    # "Вручение наград провёл вице-премьер Дмитрий Чернышенко" made him a participant only (a review)
    model = _model("В среду вручение наград провёл вице-премьер Дмитрий Чернышенко.")
    assert ("Дмитрий Чернышенко", "kg:agentOf", "·") in _facts(model, _action(model, "вручение наград"))
    model = _model("В среду «Зенит» выиграл чемпионат России.")
    events = [i for i, e in model.entities.items() if e.cls.endswith("Event")]
    roles = {f.predicate for f in model.facts if f.obj in events and model.entities[f.subject].labels["ru"] == "Зенит"}
    assert roles == {"kg:participantIn"}, roles


def test_a_year_after_na_is_what_the_action_is_for_and_a_range_of_days_gives_the_course_both_ends() -> None:
    # "утвердила бюджет города на 2027 год" dated the vote 2027; "пройдёт с 3 по 24 сентября" gave no date (a review)
    model = _model("Дума во вторник утвердила бюджет города на 2027 год.", published="2026-12-16")
    assert ("·", "kg:pointInTime", date(2026, 12, 15)) in _facts(model, _action(model, "утвердила бюджет города"))
    model = _model("Дополнительный период ЕГЭ пройдёт с 3 по 24 сентября.", published="2026-06-01")
    said = _facts(model, _action(model, "дополнительный период ЕГЭ"))
    assert {("·", "schema:startDate", date(2026, 9, 3)), ("·", "schema:endDate", date(2026, 9, 24))} <= said, said


def test_an_ongoing_course_over_a_range_of_days_gives_both_ends_and_one_day_of_it_none() -> None:
    # "Соревнования проходили … с 22 по 26 декабря" gave the competition no date (a review)
    model = _model("Соревнования проходили на арене «Трактор» с 22 по 26 декабря.", published="2026-12-28")
    said = _facts(model, _action(model, "соревнования"))
    assert {("·", "schema:startDate", date(2026, 12, 22)), ("·", "schema:endDate", date(2026, 12, 26))} <= said, said
    model = _model("Ярмарка проходит 5 мая.", published="2026-05-01")
    assert not [f for f in model.facts if isinstance(getattr(f.obj, "value", None), date)]
