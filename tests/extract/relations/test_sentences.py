"""The parse the relation classifier and the figures' subjects read: where its sentences end."""

from kgraph.extract.relations.learned import Sentences


def _sentences(text: str) -> list[str]:
    parsed = Sentences(text)
    found: dict[int, list[str]] = {}
    for number, word in zip(parsed.sentence_of_word, parsed.words, strict=True):
        found.setdefault(number, []).append(text[word.start : word.end])
    return [" ".join(words) for words in found.values()]


def test_a_headline_and_a_caption_end_their_sentences_without_a_full_stop() -> None:
    # natasha's segmenter read "Заголовок⏎Подпись⏎Первое предложение." as one sentence, and the parser hung the
    # first sentence's subject on the headline
    text = "Выручка «Газпрома» выросла\n\nАлексей Миллер\nВыручка «Газпрома» за год составила 5 млрд рублей.\n"
    assert _sentences(text) == [
        "Выручка « Газпрома » выросла",
        "Алексей Миллер",
        "Выручка « Газпрома » за год составила 5 млрд рублей .",
    ]


def test_a_line_that_goes_on_after_a_comma_or_in_lower_case_stays_one_sentence() -> None:
    text = "Об этом сообщил губернатор,\nдобавив, что мост откроют\nв субботу. Работы завершены.\n"
    assert _sentences(text) == [
        "Об этом сообщил губернатор , добавив , что мост откроют в субботу .",
        "Работы завершены .",
    ]


def test_a_header_line_whose_markup_was_blanked_ends_its_sentence() -> None:
    # "Author: **Игорь Смирнов**" is read with its markup blanked: the line ends in spaces, and the parser had hung
    # the first sentence on the author, so a sum that sentence states concerned him, not the buyer
    text = "Author:   Игорь Смирнов  \n\nСбербанк выкупил долю в компании за 3,1 млрд рублей.\n"
    assert _sentences(text) == ["Author : Игорь Смирнов", "Сбербанк выкупил долю в компании за 3,1 млрд рублей ."]


def test_a_sum_in_the_first_sentence_after_an_author_line_concerns_the_sentence_s_subject() -> None:
    from kgraph.extract import extract_article
    from kgraph.source import parse_article

    text = "# Сделка\n\nAuthor: **Игорь Смирнов**\n\nСбербанк выкупил долю в компании за 3,1 млрд рублей.\n"
    model = extract_article(parse_article("deal", text))
    labels = {ident: entity.labels["ru"] for ident, entity in model.entities.items()}
    assert [[labels[c] for c in q.concerns] for q in model.quantities if q.unit == "RUB"] == [["Сбербанк"]]
