"""The relations the classifier learned from NEREL become facts of the ontology's properties, with the words of both
ends as evidence, on an article of our own (not the seed)."""

from pathlib import Path

import pytest

from kgraph.extract import extract_article
from kgraph.extract.relations.classified import relation_properties
from kgraph.graph import build_dataset
from kgraph.model import ArticleModel, TimeRef
from kgraph.source import parse_article
from kgraph.validate import validate

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "technopark" / "article.md"
TEXT = EXAMPLE.read_text(encoding="utf-8")  # the README's new article: its claims about the graph are these tests


@pytest.fixture(scope="module")
def model() -> ArticleModel:
    return extract_article(parse_article("technopark", TEXT))


def _named(model: ArticleModel, label: str) -> str:
    return next(i for i, e in model.entities.items() if e.labels["ru"] == label)


def _edges(model: ArticleModel) -> set[tuple[str, str, str]]:
    labels = {i: e.labels["ru"] for i, e in model.entities.items()}
    return {
        (labels[f.subject], f.predicate, labels[f.obj] if f.obj_is_entity else str(f.obj))  # type: ignore[index]
        for f in model.facts
    }


def test_people_get_their_office_and_workplace_and_the_office_its_state(model: ArticleModel) -> None:
    edges = _edges(model)
    assert ("Касым-Жомарт Токаев", "kg:holdsPosition", "президент Казахстана") in edges
    assert ("президент Казахстана", "kg:positionIn", "Казахстан") in edges
    assert ("Айдар Жумабаев", "schema:worksFor", "Казтелеком") in edges


def test_an_office_the_article_gives_a_holder_is_not_given_another_from_a_sentence_away(model: ArticleModel) -> None:
    # "- сказал президент Казахстана" two sentences after Жумабаев: the cross-sentence classifier pairs them
    holders = {s for s, p, o in _edges(model) if p == "kg:holdsPosition" and o == "президент Казахстана"}
    assert holders == {"Касым-Жомарт Токаев"}


def test_an_office_in_an_organisation_is_kept(model: ArticleModel) -> None:
    offices = {s for s, p, o in _edges(model) if p == "kg:positionIn" and o == "Казтелеком"}
    assert offices and all("директор" in office for office in offices)


def test_the_opening_gets_its_place_and_its_agent(model: ArticleModel) -> None:
    located = {(s, o) for s, p, o in _edges(model) if p == "schema:location"}
    assert any("открыл" in event and place == "Астана" for event, place in located)
    agents = {(s, o) for s, p, o in _edges(model) if p in {"kg:agentOf", "kg:participantIn"}}
    assert any(person == "Касым-Жомарт Токаев" and "открыл" in event for person, event in agents)


def test_a_date_the_opening_took_place_on_is_a_resolved_date(model: ArticleModel) -> None:
    dated = [f for f in model.facts if isinstance(f.obj, TimeRef)]
    assert any(f.predicate == "kg:pointInTime" and str(f.obj.value) == "2026-11-28" for f in dated)  # type: ignore[union-attr]


def test_every_learned_fact_quotes_both_ends_and_a_confidence(model: ArticleModel) -> None:
    learned = [f for f in model.facts if len(f.evidence) == 2]
    assert len(learned) >= 5
    for fact in learned:
        assert all(TEXT[span.start : span.end] == span.text for span in fact.evidence)
        assert fact.confidence is not None and 0 < fact.confidence <= 1


def test_the_article_with_its_learned_relations_validates(model: ArticleModel) -> None:
    report = validate(build_dataset([model]))
    assert report.conforms, report.text


def test_every_nerel_relation_type_has_a_property() -> None:
    assert len(relation_properties()) == 49
    assert relation_properties()["TAKES_PLACE_IN"] == ("schema:location", False)
    assert relation_properties()["DATE_OF_BIRTH"] == ("schema:birthDate", True)


def test_a_quote_whose_speaker_is_named_by_title_is_the_office_holders(model: ArticleModel) -> None:
    # "- сказал президент Казахстана": the office is Tokayev's by the classifier's WORKS_AS, found after the rules
    quotes = {u.text.text: u.speakers for u in model.utterances if u.kind == "direct"}
    tokayev = _named(model, "Касым-Жомарт Токаев")
    assert quotes == {"Мы будем развивать цифровую экономику": (tokayev,)}


def test_up_to_a_sum_is_at_most_that_sum(model: ArticleModel) -> None:
    assert [(str(q.value), q.unit, q.qualifier) for q in model.quantities] == [("30000", "RUB", "atMost")]


def test_a_persons_age_is_a_number_of_years() -> None:
    text = "# Пожар\n\n64-летний Сергей Новиков задержан в Твери по подозрению в поджоге склада.\n"
    model = extract_article(parse_article("fire", text))
    novikov = _named(model, "Сергей Новиков")
    assert [(f.subject, f.obj) for f in model.facts if f.predicate == "kg:age"] == [(novikov, 64)]


def test_a_deputy_reports_to_no_office_he_holds() -> None:
    # the classifier relates "Сергея Петрова" to the nested "главы города" (SUBORDINATE_OF), which names no node of
    # its own: the office found over its words is "заместитель главы города", Petrov's own
    text = (
        "# Суд арестовал вице-мэра\n\nЛенинский районный суд Екатеринбурга в пятницу арестовал на два месяца"
        " заместителя главы города Сергея Петрова.\n"
    )
    edges = _edges(extract_article(parse_article("arrest", text)))
    assert ("Сергей Петров", "kg:holdsPosition", "заместитель главы города") in edges
    assert not {(s, o) for s, p, o in edges if p == "org:reportsTo" and s == "Сергей Петров"}


def test_an_event_named_again_but_dated_apart_is_another_event() -> None:
    text = (
        "# Землетрясение у берегов Японии\n\nPublished at: **2026-08-03T04:10:00+00:00**\n\n"
        "Землетрясение магнитудой 6,1 произошло в понедельник у восточного побережья острова Хонсю."
        " Последнее сильное землетрясение в этом районе произошло 16 марта 2022 года.\n"
    )
    model = extract_article(parse_article("quake", text))
    quakes = [e for e in model.entities.values() if e.labels["ru"].endswith("землетрясение")]  # "последнее …" too
    days = {
        e.id: {str(f.obj.value) for f in model.facts if f.subject == e.id and isinstance(f.obj, TimeRef)}
        for e in quakes
    }
    assert sorted(map(sorted, days.values())) == [["2022-03-16"], ["2026-08-03"]], days


def test_an_acting_holder_holds_the_acting_office_not_the_office() -> None:
    # the classifier related both to "губернатора"/"мэра"; an acting governor is no governor
    text = (
        "# Новым врио губернатора Костромской области стал Андрей Белов\n\n"
        "Исполняющим обязанности мэра Иркутска назначен Виталий Лысенко. Мэр Омска Сергей Шелест открыл мост.\n"
    )
    holds = {(s, o) for s, p, o in _edges(extract_article(parse_article("acting", text))) if p == "kg:holdsPosition"}
    assert ("Андрей Белов", "губернатор") not in holds and ("Виталий Лысенко", "мэр") not in holds
    assert not {o for s, o in holds if s == "Виталий Лысенко" and not o.startswith("исполняющий")}
    assert ("Сергей Шелест", "мэр Омска") in holds


def test_a_former_holder_held_the_office_and_works_for_no_one_the_title_names() -> None:
    # "бывший", "экс-": the graph's kg:holdsPosition is an office held now, kg:heldPosition one held before
    text = (
        "Президент России Владимир Путин назначил министром обороны Андрея Белоусова. Бывший министр обороны Сергей"
        " Шойгу назначен секретарем Совета безопасности. Экс-президент Перу Алан Гарсия скончался. Бывший мэр Омска"
        " Иван Петров дал интервью.\n"
    )
    edges = _edges(extract_article(parse_article("former", text)))
    holds = {(s, o) for s, p, o in edges if p == "kg:holdsPosition"}
    assert ("Андрей Белоусов", "министр обороны") in holds and ("Сергей Шойгу", "министр обороны") not in holds
    assert not {o for s, o in holds if s in ("Алан Гарсия", "Иван Петров")}
    held = {(s, o) for s, p, o in edges if p == "kg:heldPosition"}
    assert held == {
        ("Сергей Шойгу", "министр обороны"),
        ("Алан Гарсия", "президент Перу"),
        ("Иван Петров", "мэр Омска"),
    }
    assert ("Иван Петров", "schema:worksFor", "Омск") not in edges
    assert ("мэр Омска", "kg:positionIn", "Омск") in edges  # the office is the city's all the same


def test_an_office_the_text_says_was_held_before_is_held_not_holds() -> None:
    # "ранее занимавший пост", "ранее работавший": the office held before had become one held now (two reviews)
    text = (
        "Министром назначен Иван Петров, ранее занимавший пост вице-губернатора Омской области. Новым директором "
        "стал Олег Гуляев, ранее работавший заместителем губернатора.\n"
    )
    edges = _edges(extract_article(parse_article("before", text)))
    holds = {(s, o) for s, p, o in edges if p == "kg:holdsPosition"}
    held = {(s, o) for s, p, o in edges if p == "kg:heldPosition"}
    assert held == {("Иван Петров", "вице-губернатор Омской области"), ("Олег Гуляев", "заместитель губернатора")}
    assert ("Иван Петров", "министр") in holds and not held & holds


def test_a_title_in_the_genitive_after_a_kinship_noun_or_a_title_is_not_the_named_persons() -> None:
    # "продюсер певицы Дмитрий Емельянов" made him a singer, and the singer's quote lost its speaker (a review)
    text = (
        "Как сообщил продюсер певицы Дмитрий Емельянов, тур начнётся в мае. Вдова актера Мария Смирнова подала в "
        "суд. Брат финансиста Джорджа Сороса скончался.\n"
    )
    holds = {(s, o) for s, p, o in _edges(extract_article(parse_article("whose", text))) if p == "kg:holdsPosition"}
    assert ("Дмитрий Емельянов", "продюсер") in holds
    assert not {o for s, o in holds if s in ("Дмитрий Емельянов", "Мария Смирнова") and o in ("певица", "актёр")}


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        (  # where a group is banned is not where it is
            "Нападавшие были связаны с запрещенной в России террористической организацией «Исламское государство».",
            "kg:headquarteredIn",
        ),
        (  # a pandemic is nobody's illness
            "Министр Ирина Ивлева возглавляла ведомство с 2020 года и провела его через пандемию коронавируса.",
            "schema:healthCondition",
        ),
        (  # two ends of a route
            "Самолет разбился в Амурской области. Лайнер выполнял рейс из Благовещенска в Тынду и исчез с радаров "
            "при заходе на посадку. Обломки обнаружили в 15 километрах от аэропорта Тынды.",
            "schema:containedInPlace",
        ),
        ("МАК начал расследование крушения Ан-24 в Амурской области.", "kg:agentOf"),  # who inquires did not crash
        (  # who reports a violation did not commit it
            "Руководитель Рособрнадзора Анзор Музаев сообщил, что за нарушения порядка проведения экзамена были "
            "удалены 1 450 участников, в основном за использование мобильных телефонов.",
            "kg:convictedOf",
        ),
        (  # nor who said it in the sentence before
            "Руководитель Рособрнадзора Анзор Музаев выступил в ТАСС. «Результаты растут», — отметил Музаев.\n\nОн "
            "также сообщил, что за нарушения порядка проведения экзамена были удалены 1 450 участников.",
            "kg:convictedOf",
        ),
        (  # items of a list are not inside one another
            "Лидерами по числу стобалльников стали Москва, Санкт-Петербург и Московская область.",
            "schema:containedInPlace",
        ),
    ],
)
def test_what_a_sentence_says_around_two_mentions_keeps_the_classifier_from_relating_them(
    text: str, wrong: str
) -> None:
    # each was stated in a review's fresh article
    assert wrong not in {p for _, p, _ in _edges(extract_article(parse_article("around", f"# Новости\n\n{text}\n")))}


def test_two_persons_of_other_first_names_and_surnames_are_other_names_only_where_the_text_says_so() -> None:
    # "пары Стефанос Циципас — Феликс Оже-Альяссим" made one player the other's other name (a review)
    text = (
        "В полуфинале россиянин сыграет с победителем пары Стефанос Циципас — Феликс Оже-Альяссим. "
        "Певица Леди Гага (настоящее имя Стефани Джерманотта) выпустила альбом.\n"
    )
    names = {(s, o) for s, p, o in _edges(extract_article(parse_article("two", text))) if p == "schema:alternateName"}
    assert names == {("Леди Гага", "Стефани Джерманотта")}, names


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        (  # the tickets' day is no day of the festival (a review: it was the festival's start)
            "Международный джазовый фестиваль пройдет в Казани летом. Билеты на фестиваль поступят в продажу 10 "
            "октября.",
            set(),
        ),
        (  # the day the closing is set for is the festival's last, not its first
            "Фестиваль джаза пройдет в Казани. Закрытие фестиваля состоится 18 февраля.",
            {("schema:endDate", "2025-02-18")},
        ),
        (
            "Фестиваль джаза откроется в Казани 5 июля.",
            {("schema:startDate", "2024-07-05"), ("kg:pointInTime", "2024-07-05")},
        ),
    ],
)
def test_a_day_is_an_events_only_when_the_sentence_says_so_of_the_event(text: str, dated: set[tuple[str, str]]) -> None:
    article = f"# Новости\n\nPublished at: **2024-05-14T10:00:00**\n\n{text}\n"
    model = extract_article(parse_article("days", article))
    festival = next(
        e.id for e in model.entities.values() if e.labels["ru"].lower().startswith(("фестиваль", "международный"))
    )
    days = {
        (f.predicate, str(f.obj.value)) for f in model.facts if f.subject == festival and isinstance(f.obj, TimeRef)
    }
    assert days == dated, days


def test_a_title_after_a_quote_is_not_given_to_a_name_inside_it() -> None:
    # "«Эдуард — …», — сказал наставник" made Эдуард the coach (a review)
    text = (
        "Главный тренер «Зенита» Сергей Семак отметил, что давно следил за игроком. «Эдуард — футболист сборной, "
        "он усилит нашу середину поля», — сказал наставник.\n"
    )
    holds = {(s, o) for s, p, o in _edges(extract_article(parse_article("quote", text))) if p == "kg:holdsPosition"}
    assert ("Эдуард", "наставник") not in holds, holds


def test_a_title_in_the_accusative_before_the_verb_is_not_its_subjects() -> None:
    # "главу российского кабмина встретил вице-премьер Вьетнама Чан Лыу Куанг" made him head of Russia's cabinet
    text = (
        "Премьер-министр России Михаил Мишустин прибыл в Ханой. В аэропорту главу российского кабмина встретил "
        "вице-премьер Вьетнама Чан Лыу Куанг.\n"
    )
    holds = {(s, o) for s, p, o in _edges(extract_article(parse_article("met", text))) if p == "kg:holdsPosition"}
    assert {o for s, o in holds if s == "Чан Лыу Куанг"} == {"вице-премьер Вьетнама"}, holds


def test_an_office_in_the_instrumental_a_post_in_the_genitive_and_a_body_in_guillemets_stay_the_persons() -> None:
    # the rules above for titles in another case and for quotes first took these away (the reviews' articles)
    text = (
        "Заместителем губернатора по внутренней политике стал Олег Чемезов. Пост министра культуры занял Алексей "
        "Бадаев. Главный тренер «Зенита» Сергей Семак доволен игрой.\n"
    )
    holds = {(s, o) for s, p, o in _edges(extract_article(parse_article("kept", text))) if p == "kg:holdsPosition"}
    assert {s for s, _ in holds} >= {"Олег Чемезов", "Алексей Бадаев", "Сергей Семак"}, holds


def test_an_abbreviation_after_nested_names_is_the_whole_bodys() -> None:
    # "Институте цитологии и генетики СО РАН (ИЦиГ)" gave СО РАН the abbreviation (a review)
    text = "Об этом сообщили в Институте цитологии и генетики СО РАН (ИЦиГ).\n"
    edges = _edges(extract_article(parse_article("nested", text)))
    assert {(s, o) for s, p, o in edges if p == "kg:abbreviation"} == {("Институт цитологии и генетики СО РАН", "ИЦиГ")}


def test_a_regional_office_is_part_of_the_federal_body_not_of_its_own_short_name() -> None:
    # "Главное управление МЧС России по Омской области" was part of "МЧС России по Омской области" (a review)
    text = (
        "Пожар на складе в Омске потушили, сообщили в Главном управлении МЧС России по Омской области. "
        "Специалисты Управления Роспотребнадзора по Омской области взяли пробы воздуха.\n"
    )
    edges = _edges(extract_article(parse_article("regional", text)))
    parts = {(s, o) for s, p, o in edges if p == "schema:isPartOf"}
    assert ("Главное управление МЧС России по Омской области", "МЧС России") in parts, parts
    assert ("Управление Роспотребнадзора по Омской области", "Роспотребнадзор") in parts, parts
    assert not {o for _, o in parts if o.endswith("по Омской области")}, parts


def test_an_office_of_a_body_of_a_country_is_the_body_s() -> None:
    # "глава МЧС России": the office was Russia's, the country inside the body's name
    text = "В город прибыл глава МЧС России Александр Куренков. Президент России Владимир Путин выступил.\n"
    edges = _edges(extract_article(parse_article("body", text)))
    assert ("глава МЧС России", "kg:positionIn", "МЧС России") in edges
    assert ("глава МЧС России", "kg:positionIn", "Россия") not in edges
    assert ("президент России", "kg:positionIn", "Россия") in edges


def test_the_company_of_a_director_of_the_company_is_the_one_named_just_before_or_none() -> None:
    def office_of_the_director(text: str) -> set[str]:
        edges = _edges(extract_article(parse_article("company", text)))
        return {o for s, p, o in edges if p == "kg:positionIn" and s.startswith("генеральный директор")}

    one = "Компания «Сибирские сети» открыла офис в Омске. Об этом сообщил генеральный директор компании Иван Орлов.\n"
    assert office_of_the_director(one) == {"Сибирские сети"}
    # the exchange named last is no company: with several bodies named, the title names none of them
    several = (
        "ООО «Софтлайн Решения», дочерняя компания ПАО «Софтлайн», провело размещение акций на Московской бирже."
        " «Средства пойдут на разработку», — сказал генеральный директор компании Роман Соколов.\n"
    )
    assert office_of_the_director(several) == set()
    # the one named earlier in the title's own sentence, whatever the headline named (a review)
    same = (
        "# Минэнерго подвело итоги\n\nПАО «Уральская сталь» опубликовало отчётность, генеральный директор компании "
        "Елена Горбунова объяснила снижение прибыли.\n"
    )
    assert office_of_the_director(same) == {"Уральская сталь"}


def test_a_colleague_or_a_successor_is_no_office() -> None:
    # "со своим турецким коллегой Хаканом Фиданом" gave him the office "коллега" (a review helper's article)
    text = (
        "Министр иностранных дел России Сергей Лавров провёл переговоры со своим турецким коллегой Хаканом Фиданом."
        " Его преемником стал Иван Орлов.\n"
    )
    holds = {o for s, p, o in _edges(extract_article(parse_article("colleague", text))) if p == "kg:holdsPosition"}
    assert holds == {"министр иностранных дел России"}
