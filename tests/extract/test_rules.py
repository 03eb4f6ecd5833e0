"""The rule modules on sentences that are not from the seed article: they generalise beyond its words."""

from datetime import date
from decimal import Decimal

from kgraph.extract.dates import find_dates
from kgraph.extract.events import find_events, find_titles
from kgraph.extract.linking import Gazetteer, gazetteer
from kgraph.extract.normalise import noun_phrase_nominative
from kgraph.extract.quantities import find_amounts
from kgraph.extract.quotes import find_utterances


def test_amounts_in_other_currencies_and_with_prefix_signs() -> None:
    found = {(a.text, a.value, a.unit) for a in find_amounts("Сделка стоила $27,5 млн, а бюджет — 750 тысяч юаней.")}
    assert ("$27,5 млн", Decimal(27_500_000), "USD") in found
    assert ("750 тысяч юаней", Decimal(750_000), None) in found
    assert all(a.is_money for a in find_amounts("почти 30 миллионов долларов"))


def test_years_and_days_are_not_amounts() -> None:
    assert find_amounts("В 2019 году, 6 ноября, ничего не случилось.") == []


def test_dates_resolve_against_the_publication_date() -> None:
    found = {
        d.text: d.value
        for d in find_dates("Вчера суд, в среду, 3 октября 2018 года, и в прошлом году.", date(2020, 3, 1))
    }
    assert found["Вчера"] == date(2020, 2, 29)
    assert found["в среду, 3 октября 2018 года"] == date(2018, 10, 3)  # weekday and date are one
    assert found["в прошлом году"] == 2019


def test_a_guillemet_quote_is_attributed_to_the_words_after_it() -> None:
    said = find_utterances("«Мы выполним план», — сказал министр финансов Антон Силуанов.")
    assert [(s.kind, s.text.text, s.speaker.text) for s in said] == [
        ("direct", "Мы выполним план", "министр финансов Антон Силуанов")
    ]


def test_words_without_a_speech_verb_are_not_a_quote() -> None:
    assert find_utterances("- Поезд ушёл, - побежал Иван Петров.") == []


def test_named_events_take_their_genitive_tail_and_ordinal() -> None:
    events = find_events("Открылся второй Восточный экономический форум. Форум продлится три дня.")
    assert [(e.cls, e.edition, len(e.mentions)) for e in events] == [("kg:Forum", 2, 2)]


def test_a_title_before_a_name_is_an_office() -> None:
    text = "Об этом сообщил министр иностранных дел России Сергей Лавров."
    start = text.index("Сергей")
    assert [t.label for t in find_titles(text, [(start, start + 13)])] == ["министр иностранных дел России"]


def test_noun_phrases_are_put_in_the_nominative() -> None:
    assert noun_phrase_nominative("Государственной думой") == "Государственная дума"


def test_links_need_repeated_agreeing_evidence() -> None:
    small = Gazetteer.parse("омск\tCITY:1\tQ898:1\tОмск\nпарис\tCITY:5\tQ90:3,Q830149:2\tПариж\n")
    assert small.link("Омск", "CITY") is None  # seen once: not sure enough
    assert small.link("Парис", "CITY") is None  # two items compete


def test_the_shipped_gazetteer_links_well_known_states() -> None:
    link = gazetteer().link("России", "COUNTRY")
    assert link is not None and link.qid == "Q159"
