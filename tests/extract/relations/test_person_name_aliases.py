"""A person's other names (kgraph.extract.relations.aliases) on short texts written for kgraph (none comes from NEREL
or the seed article)."""

import pytest

from kgraph.extract.relations.aliases import name_aliases
from kgraph.extract.relations.learned import Mention, relate


def _persons(text: str, *names: str) -> list[Mention]:
    found, position = [], 0
    for words in names:
        start = text.index(words, position)
        found.append(Mention(start, start + len(words), "PERSON"))
        position = start + len(words)
    return found


def _aliases(text: str, *names: str) -> set[tuple[str, str]]:
    return {
        (text[r.source.start : r.source.end], text[r.target.start : r.target.end])
        for r in name_aliases(text, _persons(text, *names))
    }


def test_a_surname_after_the_full_name_in_the_same_sentence_is_its_alternative_name() -> None:
    text = "Губернатор Игорь Лапин, выступая перед депутатами, Лапин назвал бюджет напряжённым."
    assert _aliases(text, "Игорь Лапин", "Лапин") == {("Игорь Лапин", "Лапин")}


def test_a_surname_in_the_headline_is_the_alternative_name_of_the_full_name_after_it() -> None:
    text = "Лапину вручили орден\n\nГубернатору области Игорю Лапину вручили орден Почёта."
    assert _aliases(text, "Лапину", "Игорю Лапину") == {("Лапину", "Игорю Лапину")}


@pytest.mark.parametrize(
    ("text", "names", "pair"),
    [
        (
            "И.Лапин подписал указ. Игорь Лапин назвал его важным.",
            ("И.Лапин", "Игорь Лапин"),
            ("И.Лапин", "Игорь Лапин"),
        ),
        (
            "Игорь Лапин подписал указ. И. Лапин назвал его важным.",
            ("Игорь Лапин", "И. Лапин"),
            ("Игорь Лапин", "И. Лапин"),
        ),
    ],
)
def test_initials_and_a_name_without_them_are_alternative_names(text: str, names: tuple, pair: tuple) -> None:
    assert _aliases(text, *names) == {pair}


def test_a_surname_alone_in_the_body_before_the_full_name_is_not_taken() -> None:
    text = "Заседание открылось утром.\n\nЛапин опоздал. Потом Игорь Лапин выступил с докладом."
    assert _aliases(text, "Лапин", "Игорь Лапин") == set()


def test_a_full_name_declined_is_not_an_alternative_name() -> None:
    text = "Игорь Лапин подписал указ. Указ Игоря Лапина вступит в силу в мае."
    assert _aliases(text, "Игорь Лапин", "Игоря Лапина") == set()


def test_the_surname_links_to_the_nearest_earlier_mention_of_that_surname_only_once() -> None:
    text = "Игорь Лапин подписал указ. Лапин назвал его важным. Лапин уехал в Томск."
    assert _aliases(text, "Игорь Лапин", "Лапин", "Лапин") == {("Игорь Лапин", "Лапин")}


def test_different_surnames_are_not_alternative_names() -> None:
    text = "Игорь Лапин подписал указ. Ларин назвал его важным."
    assert _aliases(text, "Игорь Лапин", "Ларин") == set()


def test_relate_adds_the_rule_only_where_no_classifier_relates_the_two() -> None:
    text = "Лапину вручили орден\n\nГубернатору области Игорю Лапину вручили орден Почёта."
    found = relate(text, _persons(text, "Лапину", "Игорю Лапину"))
    pairs = [frozenset((r.source, r.target)) for r in found]
    assert len(pairs) == len(set(pairs))
    assert {(text[r.source.start : r.source.end], r.type) for r in found} >= {("Лапину", "ALTERNATIVE_NAME")}
