"""Which pairs of mentions of one sentence the classifier is asked about
(kgraph.extract.relations.learned.candidates)."""

from kgraph.extract.relations.learned import Mention, Sentences, candidates, signatures

TEXT = "Компания Weibo из Пекина запустила новое приложение."
AS_COMPANY, AS_PRODUCT = Mention(9, 14, "ORGANIZATION"), Mention(9, 14, "PRODUCT")
CITY = Mention(18, 24, "CITY")


def test_two_mentions_of_the_same_words_are_never_a_pair() -> None:
    allowed = signatures()
    assert ("ORGANIZATION", "PRODUCT") in allowed
    pairs = candidates(Sentences(TEXT), [AS_COMPANY, AS_PRODUCT, CITY], allowed)
    assert (AS_COMPANY, AS_PRODUCT) not in pairs and (AS_PRODUCT, AS_COMPANY) not in pairs
    assert (AS_COMPANY, CITY) in pairs


def test_mentions_nested_one_in_the_other_are_still_a_pair() -> None:
    office, country = Mention(0, 16, "PROFESSION"), Mention(10, 16, "COUNTRY")
    pairs = candidates(Sentences("Президент России прибыл."), [office, country], signatures())
    assert (office, country) in pairs
