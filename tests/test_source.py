"""The article is kept verbatim; its header and sentences are read with exact offsets."""

import hashlib
from datetime import date
from pathlib import Path

import pytest

from kgraph.errors import SourceError
from kgraph.source import Article, Span, load_article, parse_article


def test_seed_article_is_byte_for_byte_the_source(seed_dir: Path) -> None:
    digest = hashlib.sha256((seed_dir / "article.md").read_bytes()).hexdigest()
    assert digest in (seed_dir / "SOURCE.md").read_text(encoding="utf-8")


def test_header_fields_are_read_with_offsets(seed_article: Article) -> None:
    a = seed_article
    assert a.headline.text.startswith("Владимир Путин: российские капиталовложения")
    assert a.author is not None and a.author.text == "Анна Бамбульская"
    assert a.publisher is not None and a.publisher.text == "Омск Здесь"
    assert a.url is not None and a.url.text == "https://omskzdes.ru/politics/66138.html"
    assert a.photo_credit is not None and a.photo_credit.text == "kremlin.ru"
    assert str(a.published_date) == "2019-11-07"
    for span in (a.headline, a.author, a.publisher, a.url, a.photo_credit, a.published):
        assert span is not None and a.text[span.start : span.end] == span.text


def test_sentences_are_exact_slices_in_order(seed_article: Article) -> None:
    sentences = seed_article.sentences
    assert len(sentences) == 49
    assert all(seed_article.text[s.start : s.end] == s.text for s in sentences)
    assert [s.start for s in sentences] == sorted(s.start for s in sentences)
    assert any(
        s.text == "Он также отметил, что поднимается вопрос о совместном выходе на рынки третьих стран."
        for s in sentences
    )


def test_empty_article_is_an_error() -> None:
    with pytest.raises(SourceError, match="empty"):
        parse_article("x", "  \n")


def test_non_utf8_article_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes("Привет".encode("cp1251"))
    with pytest.raises(SourceError, match="not UTF-8"):
        load_article(path)


def test_bad_publication_date_names_the_line() -> None:
    with pytest.raises(SourceError, match=r":3: publication date 'вчера'"):
        parse_article("x", "# T\n\nPublished at: **вчера**\n\nТекст.")


def test_header_fields_written_plain_are_read_as_in_bold() -> None:
    # an article written by hand with "Published at: 2026-05-12" had every date left unresolved
    text = "# T\n\nPublished at: 2026-05-12  \n\nAuthor: Анна Иванова\n\nТекст.\n"
    article = parse_article("x", text)
    assert article.published_date == date(2026, 5, 12)
    assert article.published is not None and article.author is not None
    assert text[article.published.start : article.published.end] == "2026-05-12"
    assert article.author.text == "Анна Иванова"


def test_a_plain_publication_date_that_is_no_date_names_the_line() -> None:
    with pytest.raises(SourceError, match=r":3: publication date '12 мая'"):
        parse_article("x", "# T\n\nPublished at: 12 мая\n\nТекст.")


def test_a_headline_without_a_header_is_its_first_line_without_blanks() -> None:
    article = parse_article("x", "\n  Путин прилетел в Омск  \nТекст.\n")
    assert article.headline.text == "Путин прилетел в Омск"
    assert article.text[article.headline.start : article.headline.end] == article.headline.text


def test_a_cyrillic_file_name_gives_a_latin_slug(tmp_path: Path) -> None:
    path = tmp_path / "Визит в Омск.txt"
    path.write_text("# Визит\n\nТекст.\n", encoding="utf-8")
    assert load_article(path).slug == "vizit-v-omsk"


_NEWS = "# Путин прилетел в Омск\n\nPublished at: **2019-11-07T10:00:00**\n\nВладимир Путин прилетел в Омск. Он рад.\n"


def test_crlf_line_ends_keep_offsets_exact_into_the_file(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(_NEWS.replace("\n", "\r\n").encode("utf-8"))
    article = load_article(path)
    as_stored = path.read_bytes().decode("utf-8")
    assert article.headline.text == "Путин прилетел в Омск" and article.published is not None
    assert [s.text for s in article.sentences][-2:] == ["Владимир Путин прилетел в Омск.", "Он рад."]
    assert all(as_stored[s.start : s.end] == s.text for s in (*article.sentences, article.headline, article.published))


def test_a_byte_order_mark_stays_character_0_and_out_of_the_headline(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + _NEWS.encode("utf-8"))
    article = load_article(path)
    assert article.text[0] == "\ufeff" and article.headline == Span(3, 24, "Путин прилетел в Омск")
    assert article.sentences[0].text == "# Путин прилетел в Омск"


def test_bare_cr_line_ends_are_refused_naming_the_cause() -> None:
    with pytest.raises(SourceError, match=r"old:1: a line ends with a bare CR"):
        parse_article("old", _NEWS.replace("\n", "\r"), Path("old"))
