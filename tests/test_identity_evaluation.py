"""The identity evaluation's judge: which node a gold-linked NEREL mention is given."""

from kgraph.evaluation.identity import judge
from kgraph.identity.resolve import Identities
from kgraph.model import ArticleModel, Entity, article_span
from kgraph.source import parse_article

TEXT = "# Новости\n\nПалата представителей США приняла закон.\n"


def _house() -> ArticleModel:
    article = parse_article("a", TEXT)
    mention = article_span(article, "Палата представителей США", at=TEXT.index("Палата"))
    house = Entity("house", "schema:Organization", {"ru": "Палата представителей США"}, "Q11701", mentions=(mention,))
    return ArticleModel(article, entities={"house": house}, source="extracted")


def test_a_gold_mention_inside_ours_is_judged_as_ours() -> None:
    start = TEXT.index("Палата")
    inner = (start, start + len("Палата представителей"), "ORGANIZATION", "Q11701")
    [judged] = judge([_house()], Identities(), {"a": [inner]})
    assert (judged.node, judged.link) == ("a/house", "Q11701")


def test_a_gold_mention_inside_another_gold_mention_at_our_words_is_not_ours() -> None:
    # NEREL: "[[Палата представителей] США]", the inner the kind of chamber (another item) our House is not
    start = TEXT.index("Палата")
    inner = (start, start + len("Палата представителей"), "ORGANIZATION", "Q2145277")
    outer = (start, start + len("Палата представителей США"), "ORG")
    [judged] = judge([_house()], Identities(), {"a": [inner]}, {"a": {outer, (inner[0], inner[1], "ORG")}})
    assert (judged.node, judged.link) == (None, None)
