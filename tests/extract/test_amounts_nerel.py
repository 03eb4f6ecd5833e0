"""Sums and percentages as NEREL marks them (MONEY, PERCENT), with values that stay right for the graph."""

from decimal import Decimal

from kgraph.extract.figures.amounts import Amount, find_amounts


def _mention(text: str, amount: Amount) -> str:
    """The words a NEREL-style mention of the amount covers."""
    start = amount.start if amount.figure_start is None else amount.figure_start
    return text[start : amount.end]


def test_a_qualifier_is_part_of_the_mention() -> None:
    text = "Компания потратила более 40 млн рублей на ремонт."
    [amount] = find_amounts(text)
    assert (_mention(text, amount), amount.value, amount.unit, amount.qualifier) == (
        "более 40 млн рублей",
        Decimal(40_000_000),
        "RUB",
        "moreThan",
    )


def test_a_qualifier_with_a_preposition_keeps_its_meaning_but_not_the_mention() -> None:
    text = "Цены выросли более чем на 15 процентов."
    [amount] = find_amounts(text)
    assert (amount.text, amount.qualifier, _mention(text, amount)) == (
        "более чем на 15 процентов",
        "moreThan",
        "15 процентов",
    )


def test_a_degree_word_before_a_comparative_belongs_to_the_qualifier() -> None:
    [amount] = find_amounts("Убыток составил чуть меньше 2 млн евро.")
    assert (amount.text, amount.value, amount.qualifier) == ("чуть меньше 2 млн евро", Decimal(2_000_000), "lessThan")


def test_digit_groups_make_one_number() -> None:
    found = find_amounts("Картину продали за 125 000 долларов, а раму — за $3 500.")
    assert [(a.text, a.value, a.unit) for a in found] == [
        ("125 000 долларов", Decimal(125_000), "USD"),
        ("$3 500", Decimal(3_500), "USD"),
    ]


def test_a_comma_and_a_space_are_not_a_decimal_point() -> None:
    found = find_amounts("Как и в 2015, 700 рублей за билет — много.")
    assert [(a.text, a.value) for a in found] == [("700 рублей", Decimal(700))]


def test_a_range_is_one_mention_with_both_bounds_each_included() -> None:
    # a range's bounds are values the true one may take: at least 20 thousand, at most 40 (not "more than")
    text = "Штраф составит от 20 до 40 тыс. рублей, ремонт обойдётся в 15—18 млн евро."
    found = find_amounts(text)
    assert [(_mention(text, a), a.value, a.unit, a.qualifier) for a in found] == [
        ("от 20 до 40 тыс. рублей", Decimal(20_000), "RUB", "atLeast"),
        ("от 20 до 40 тыс. рублей", Decimal(40_000), "RUB", "atMost"),
        ("15—18 млн евро", Decimal(15_000_000), "EUR", "atLeast"),
        ("15—18 млн евро", Decimal(18_000_000), "EUR", "atMost"),
    ]


def test_no_less_and_no_more_than_a_figure_include_it() -> None:
    # "не менее 5" is at least 5, not more than 5; "не более" at most; "как минимум", "максимум" alike
    text = (
        "Штраф составит не менее 5 тыс. рублей, выплата не более 40 тыс. рублей. Погибли как минимум 12 человек, "
        "пострадали не меньше 30 человек. Ущерб оценивается максимум в 3 млн рублей."
    )
    found = [(a.text, a.value, a.qualifier) for a in find_amounts(text)]
    assert found == [
        ("не менее 5 тыс. рублей", Decimal(5_000), "atLeast"),
        ("не более 40 тыс. рублей", Decimal(40_000), "atMost"),
        ("как минимум 12", Decimal(12), "atLeast"),
        ("не меньше 30", Decimal(30), "atLeast"),
        ("максимум в 3 млн рублей", Decimal(3_000_000), "atMost"),
    ]


def test_a_change_from_one_sum_to_another_is_one_mention() -> None:
    text = "Выручка выросла с 2,1 млрд до 2,6 млрд долларов за год."
    found = find_amounts(text)
    assert {_mention(text, a) for a in found} == {"с 2,1 млрд до 2,6 млрд долларов"}
    assert [(a.value, a.qualifier) for a in found] == [
        (Decimal(2_100_000_000), "exactly"),
        (Decimal(2_600_000_000), "exactly"),
    ]


def test_sums_and_percentages_spelt_in_words() -> None:
    text = "Он задолжал полтора миллиона рублей, дом продали за миллион долларов, акции подешевели на пять процентов."
    found = find_amounts(text)
    assert [(a.text, a.value, a.unit) for a in found] == [
        ("полтора миллиона рублей", Decimal(1_500_000), "RUB"),
        ("миллион долларов", Decimal(1_000_000), "USD"),
        ("пять процентов", Decimal(5), "%"),
    ]


def test_a_vague_sum_is_more_than_its_multiplier() -> None:
    found = find_amounts("Ущерб оценили в несколько сотен тысяч евро, а потери банков — в миллиарды долларов.")
    assert [(a.text, a.value, a.qualifier, a.is_money) for a in found] == [
        ("несколько сотен тысяч евро", Decimal(100_000), "moreThan", True),
        ("миллиарды долларов", Decimal(1_000_000_000), "moreThan", True),
    ]


def test_up_to_belongs_to_a_sum_but_not_to_a_percentage() -> None:
    text = "Штраф вырастет до 300 тыс. рублей, а инфляция замедлится до 4 %."
    found = find_amounts(text)
    assert [(_mention(text, a), a.value, a.qualifier) for a in found] == [
        ("до 300 тыс. рублей", Decimal(300_000), "exactly"),
        ("4 %", Decimal(4), "exactly"),
    ]


def test_the_period_that_ends_a_sentence_is_not_part_of_the_sum() -> None:
    found = find_amounts("Сделка стоила 7 млрд руб. Об этом сообщили. Взнос — по 5 тыс. руб., а не больше.")
    assert [(a.text, a.value, a.unit) for a in found] == [
        ("7 млрд руб", Decimal(7_000_000_000), "RUB"),
        ("5 тыс. руб.", Decimal(5_000), "RUB"),
    ]


def test_more_currencies_and_abbreviations() -> None:
    found = find_amounts("Контракт оценён в 3,2 млрд долл., премия — 9 млн шведских крон, а сдача — один цент.")
    assert [(a.text, a.unit, a.is_money) for a in found] == [
        ("3,2 млрд долл.", "USD", True),
        ("9 млн шведских крон", "SEK", True),  # a crown with its country named has a code
        ("один цент", None, True),
    ]


def test_percent_and_currency_adjectives() -> None:
    found = find_amounts("Магазин даёт 30-процентную скидку на 20-долларовые купюры.")
    assert [(a.text, a.value, a.unit) for a in found] == [
        ("30-процентную", Decimal(30), "%"),
        ("20-долларовые", Decimal(20), "USD"),
    ]


def test_figures_glued_to_letters_are_not_amounts() -> None:
    assert find_amounts("Петиция https://example.org/p/%D0%BF%D1%80%D0%B0 собрала подписи.") == []


def test_pounds_with_ounces_are_a_weight_not_money() -> None:
    assert not any(a.is_money for a in find_amounts("Малыш весит 7 фунтов 4 унции."))


def test_a_bare_figure_right_after_a_sum_takes_its_currency_and_after_a_count_stays_a_count() -> None:
    found = find_amounts("Первый приз — 500 тыс. рублей (около 7 тыс. долларов), второй — 300 тыс.")
    assert [(a.text, a.unit) for a in found][-1] == ("300 тыс", "RUB")
    text = "Бюджет вуза — 2 млрд рублей. Там учатся около 50 тыс. студентов, из них свыше 20 тысяч бесплатно."
    assert [(a.text, a.unit, a.is_money) for a in find_amounts(text)][-1] == ("свыше 20 тысяч", None, False)


def test_a_figure_in_a_web_address_is_no_amount() -> None:
    found = find_amounts("Источник: www.example.ru/100 млн, а бюджет — 5 млн рублей.")
    assert [(a.text, a.unit) for a in found] == [("5 млн рублей", "RUB")]


def test_up_to_a_sum_or_a_count_is_at_most_that_figure() -> None:
    text = "Нарушителям грозит штраф до 30 тысяч рублей, а на митинг придут до 200 тысяч человек."
    found = find_amounts(text)
    assert [(_mention(text, a), a.value, a.qualifier, a.counted) for a in found] == [
        ("до 30 тысяч рублей", Decimal(30_000), "atMost", None),
        ("до 200 тысяч", Decimal(200_000), "atMost", "человек"),
    ]


def test_up_to_after_a_verb_of_change_is_the_new_level() -> None:
    found = find_amounts("Пособие увеличится до 12 тысяч рублей, а ставка снижена до 2 %.")
    assert [(a.text, a.value, a.qualifier) for a in found] == [
        ("до 12 тысяч рублей", Decimal(12_000), "exactly"),
        ("2 %", Decimal(2), "exactly"),
    ]
    found = find_amounts("Товарооборот увеличился на 4,5 % - до 18,2 млрд долларов США.")
    assert [(a.text, a.qualifier) for a in found] == [("4,5 %", "exactly"), ("до 18,2 млрд долларов США", "exactly")]


def test_a_share_out_of_a_total_is_one_amount_of_the_share() -> None:
    found = find_amounts("Поправки одобрили 76 из 89 субъектов, а в Думе — более 300 из 450 депутатов.")
    assert [(a.text, a.value, a.of_total, a.counted, a.qualifier) for a in found] == [
        ("76 из 89", Decimal(76), Decimal(89), "субъектов", "exactly"),
        ("более 300 из 450", Decimal(300), Decimal(450), "депутатов", "moreThan"),
    ]


def test_a_figure_before_a_larger_amount_after_iz_is_no_share() -> None:
    found = find_amounts("В 2019 из 500 тонн зерна вывезли 300 тонн.")
    assert [(a.text, a.value, a.of_total) for a in found] == [("500 тонн", Decimal(500), None), ("300 тонн", 300, None)]


def test_a_day_before_an_abbreviated_month_is_no_amount() -> None:
    text = "Голосование прошло 28 ноя, итоги — 1 дек, жалобы — до 5 сент. и 3 февр. 2020 года, 12 мар, 14 окт."
    assert find_amounts(text) == []


def test_the_number_of_a_name_is_no_figure() -> None:
    # "умер от COVID-19 итальянский боксёр" gave a quantity 19 of "итальянский боксёр"
    text = "В Бергамо умер от COVID-19 итальянский боксёр, пилот МиГ-29 выжил. Прибыли 70 человек."
    assert [a.text for a in find_amounts(text)] == ["70"]


def test_kopecks_are_a_share_of_a_rouble() -> None:
    # "снизился на 95 копеек" was a figure 95 in no unit but the words "копеек"
    text = "Курс евро снизился на 95 копеек, проезд подорожал на 30 центов, а билеты стоят от 50 до 90 копеек."
    found = [(a.text, a.value, a.unit) for a in find_amounts(text)]
    assert found == [
        ("95 копеек", Decimal("0.95"), "RUB"),
        ("30 центов", Decimal(30), None),  # a dollar's or a euro's: as written
        ("от 50 до 90 копеек", Decimal("0.5"), "RUB"),
        ("от 50 до 90 копеек", Decimal("0.9"), "RUB"),
    ]
