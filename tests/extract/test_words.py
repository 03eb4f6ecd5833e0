"""The rules ask one reading of the text which word stands where."""

from kgraph.extract.doc import Doc
from kgraph.extract.text.reading import read
from kgraph.extract.text.words import LOWER, words
from kgraph.source import parse_article


def test_the_words_the_rules_see_are_the_tokens_natasha_read() -> None:
    doc = Doc(parse_article("words", "# Форум\n\nВице-президент «Газпрома» прилетел в Омск.\n"))
    read(doc)
    assert doc.analysis is not None
    assert words(doc.text).bounds == [(token.start, token.stop) for token in doc.analysis.tokens]


def test_a_word_before_a_position_is_found_whatever_its_length_and_taken_whole() -> None:
    text = "субстанционально-ориентированных академий"
    word = words(text).before(text.index("академий"), LOWER)
    assert word is not None and word.text == "субстанционально-ориентированных" and word.start == 0


def test_a_word_is_not_before_a_position_when_punctuation_lies_between_but_spaces_may() -> None:
    assert words("академия, Омск").before(10) is not None  # the comma is the token before
    assert words("академия, Омск").before(10, LOWER) is None
    across_lines = words("академия\n\nОмск").before(10, LOWER)
    assert across_lines is not None and across_lines.gap == "\n\n"
