"""Family relations told by a kinship noun between two persons, and the lists and other persons' kin that are no
such relation: sentences of our own."""

import pytest

from kgraph.extract.relations.family import family_relations
from kgraph.extract.relations.learned import Mention


def _related(text: str, *names: str) -> list[tuple[str, str, str]]:
    mentions = [Mention(text.index(name), text.index(name) + len(name), "PERSON") for name in names]
    return [
        (text[r.source.start : r.source.end], r.type, text[r.target.start : r.target.end])
        for r in family_relations(text, mentions)
    ]


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        (  # the noun, the person it is said of, the child
            "На церемонии был сын губернатора Олега Седова Сергей.",
            ("Олега Седова", "Сергей"),
            [("Олега Седова", "PARENT_OF", "Сергей")],
        ),
        (  # the relative, then the noun and the person: a parent still comes first
            "Выставку открыла Анна Седова, дочь бывшего мэра Ивана Петрова.",
            ("Анна Седова", "Ивана Петрова"),
            [("Ивана Петрова", "PARENT_OF", "Анна Седова")],
        ),
        (  # the person, "и его" and the noun, the relative: the order of the text
            "В Омск приехали Олег Седов и его жена Анна.",
            ("Олег Седов", "Анна"),
            [("Олег Седов", "SPOUSE", "Анна")],
        ),
        (
            "Олег Седов вместе с братом Виктором открыл завод.",
            ("Олег Седов", "Виктором"),
            [("Олег Седов", "SIBLING", "Виктором")],
        ),
        (
            "Премию вручили Анне Петровой, внучке писателя Ивана Петрова.",
            ("Анне Петровой", "Ивана Петрова"),
            [("Анне Петровой", "RELATIVE", "Ивана Петрова")],
        ),
    ],
)
def test_a_kinship_noun_relates_the_two_persons(text: str, names: tuple[str, str], expected: list) -> None:
    assert _related(text, *names) == expected


def test_the_children_listed_are_each_the_persons_and_siblings_of_one_another() -> None:
    text = "Сыновья бизнесмена Олега Седова — Пётр и Иван — открыли кафе."
    assert _related(text, "Олега Седова", "Пётр", "Иван") == [
        ("Олега Седова", "PARENT_OF", "Пётр"),
        ("Олега Седова", "PARENT_OF", "Иван"),
        ("Пётр", "SIBLING", "Иван"),
    ]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("У них трое детей: дочь Мария, сын Пётр Седов-младший.", ("Мария", "Пётр Седов-младший")),
        ("Сын от брака с Марией Ивановой и сын Аполлон живут в Москве.", ("Марией Ивановой", "Аполлон")),
        ("Гостями были отец жениха — Олег Седов, мать невесты — Анна Смирнова.", ("Олег Седов", "Анна Смирнова")),
        ("Олег Седов и Анна Смирнова открыли выставку.", ("Олег Седов", "Анна Смирнова")),
    ],
)
def test_a_list_of_persons_or_another_persons_kin_is_no_family_relation(text: str, names: tuple[str, str]) -> None:
    assert _related(text, *names) == []
