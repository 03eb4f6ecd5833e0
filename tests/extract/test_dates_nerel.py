"""Time expressions as NEREL marks them (DATE), on sentences written for these tests."""

from datetime import date

from kgraph.extract.figures.dates import find_dates
from kgraph.model import YearMonth

PUBLISHED = date(2020, 6, 15)


def _found(text: str) -> dict[str, date | YearMonth | int | None]:
    return {d.text: d.value for d in find_dates(text, PUBLISHED)}


def test_a_range_of_months_is_one_time_expression() -> None:
    assert _found("С марта по октябрь 2015 года он руководил отделом.") == {"С марта по октябрь 2015 года": 2015}
    assert _found("С января 2003 года по июнь 2006 года жил в Томске.") == {
        "С января 2003 года по июнь 2006 года": 2003
    }
    assert _found("Служил в армии с 1996 по 1998 год.") == {"с 1996 по 1998 год": 1996}


def test_a_night_between_two_days_is_one_time_expression() -> None:
    assert list(_found("Пожар начался в ночь с 7 на 8 марта.")) == ["с 7 на 8 марта"]


def test_a_latin_c_reads_as_the_preposition() -> None:
    assert _found("Работает в театре c 1998 года.") == {"c 1998 года": 1998}


def test_years_in_brackets_and_in_lists_are_each_a_date() -> None:
    found = _found("Орден Почёта (1999), медаль (2005—2007); чемпион страны (2001, 2003 и 2006 годы).")
    assert found == {"1999": 1999, "2005": 2005, "2007": 2007, "2001": 2001, "2003": 2003, "2006 годы": 2006}
    assert list(_found("Дважды лауреат (1971 — литература, 1984 — мир).")) == ["1971", "1984"]


def test_the_year_of_a_named_event_is_a_date() -> None:
    assert _found("Золото Универсиады-2013 досталось сборной.") == {"2013": 2013}


def test_a_numeric_date_resolves_to_its_day() -> None:
    assert _found("Протокол подписан 14.03.2018.") == {"14.03.2018": date(2018, 3, 14)}


def test_a_day_named_by_an_ordinal_word_resolves_to_its_day() -> None:
    assert _found("Выставка откроется двадцать третьего апреля.") == {"двадцать третьего апреля": date(2020, 4, 23)}


def test_a_month_of_next_year_resolves_against_the_publication_date() -> None:
    assert _found("Премьера пройдёт в марте будущего года.") == {"в марте будущего года": YearMonth(2021, 3)}


def test_a_month_is_a_month_of_the_year_its_clause_tense_puts_it_in() -> None:
    assert _found("Выставка прошла в мае 2019 года.") == {"в мае 2019 года": YearMonth(2019, 5)}
    assert _found("Выставка открылась в начале мая.") == {"в начале мая": YearMonth(2020, 5)}
    in_january = {
        d.text: d.value for d in find_dates("В декабре прошёл форум, в марте пройдёт съезд.", date(2026, 1, 9))
    }
    assert in_january == {"В декабре": YearMonth(2025, 12), "в марте": YearMonth(2026, 3)}
    in_november = {d.text: d.value for d in find_dates("Закон вступит в силу в январе.", date(2026, 11, 9))}
    assert in_november == {"в январе": YearMonth(2027, 1)}


def test_two_months_are_a_year_or_nothing_not_the_first_month() -> None:
    assert _found("Работы шли в мае — июне 2019 года.") == {"в мае — июне 2019 года": 2019}
    assert _found("Работы шли в мае-июне.") == {"в мае-июне": None}


def test_centuries_and_decades_are_time_expressions() -> None:
    assert list(_found("Храм построен в XIX веке.")) == ["в XIX веке"]
    assert list(_found("Раскопки шли в конце 1970-х — начале 1980-х годов.")) == [
        "в конце 1970-х — начале 1980-х годов"
    ]
    assert list(_found("Это случилось в 60-х годах прошлого века.")) == ["в 60-х годах прошлого века"]


def test_a_year_in_the_course_of_is_resolved_to_the_year() -> None:
    assert _found("Работы завершат в течение 2021 года.") == {"в течение 2021 года": 2021}
    assert _found("В 2007-м он уехал.") == {"В 2007-м": 2007}


def test_a_quarter_or_a_season_of_a_year_is_one_time_expression() -> None:
    assert _found("Стройка начнётся во втором квартале 2022 года.") == {"во втором квартале 2022 года": 2022}
    assert _found("Он живёт в Казани с лета 2012 года.") == {"с лета 2012 года": 2012}


def test_a_duration_with_a_qualifier_is_a_date_but_an_age_is_not() -> None:
    assert list(_found("Он работал там более 12 лет.")) == ["более 12 лет"]
    assert list(_found("Фермер проработал 20 лет на одном месте.")) == ["20 лет"]
    assert list(_found("Суд приговорил его к 8 годам колонии.")) == ["8 годам"]
    assert list(_found("Кружок принимает детей от 6 до 12 лет.")) == []
    assert list(_found("Он умер в возрасте 40 лет.")) == []


def test_month_and_term_adjectives_are_dates_but_a_place_named_after_a_month_is_not() -> None:
    assert list(_found("Решение приняли на декабрьском заседании.")) == ["декабрьском"]
    assert list(_found("Он подписал трёхлетний контракт и взял шестимесячный отпуск.")) == [
        "трёхлетний",
        "шестимесячный",
    ]
    assert list(_found("Штаб находится в Октябрьском районе.")) == []


def test_vague_periods_are_time_expressions() -> None:
    text = "В последние годы он болел, в ближайшие два месяца лечится, в тот же день уехал, долгие годы жил один."
    assert list(_found(text)) == ["В последние годы", "в ближайшие два месяца", "в тот же день", "долгие годы"]


def test_a_weekday_joins_its_date_across_a_dash_or_a_space_but_tomorrow_does_not() -> None:
    assert _found("Финал прошёл в субботу — 12 января.") == {"в субботу — 12 января": date(2020, 1, 12)}
    # in the past tense, a December day in an article of June is last December's
    assert _found("Утром в среду 24 декабря выпал снег.") == {"в среду 24 декабря": date(2019, 12, 24)}
    assert _found("Совет соберётся завтра — 16 июня.") == {"завтра": date(2020, 6, 16), "16 июня": date(2020, 6, 16)}


def test_a_newspaper_called_today_is_not_a_date_but_today_is() -> None:
    assert _found("Об этом пишет газета «Сегодня».") == {}
    assert _found("Об этом сегодня написала газета.") == {"сегодня": PUBLISHED}
    assert _found("«Мы подписали договор сегодня», — сказал он.") == {"сегодня": PUBLISHED}


def test_a_day_with_an_abbreviated_month_is_a_date() -> None:
    text = "Выборы прошли 28 ноя, итоги подвели 1 дек 2019 и 5 сент. в Москве, а 3 нояб. 2021 года — снова."
    assert _found(text) == {  # told in the past tense in an article of June 2020: the autumn of 2019
        "28 ноя": date(2019, 11, 28),
        "1 дек 2019": date(2019, 12, 1),
        "5 сент": date(2019, 9, 5),
        "3 нояб. 2021 года": date(2021, 11, 3),
    }


def test_an_abbreviation_alone_is_no_month() -> None:
    assert _found("Дек и мар — слова, а не месяцы.") == {}
