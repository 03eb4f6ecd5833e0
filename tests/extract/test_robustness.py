"""Odd input gives a clear message or an empty model, never a crash."""

import contextlib
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kgraph.errors import KGraphError, SourceError
from kgraph.extract import ExtractionError, dump_facts, extract_article
from kgraph.facts import parse_facts
from kgraph.source import parse_article


def _extract_and_reread(text: str) -> None:
    article = parse_article("odd", text)
    model = extract_article(article)
    again = parse_facts(article, dump_facts(model))
    assert again.entities == model.entities
    assert again.quantities == model.quantities


def test_an_empty_article_is_refused_with_a_message() -> None:
    with pytest.raises(SourceError, match="empty"):
        parse_article("empty", " \n\t\n")


def test_english_text_gives_no_russian_facts() -> None:
    model = extract_article(parse_article("en", "# News\n\nThe president met the minister in London today.\n"))
    assert model.entities == {} and model.quantities == [] and model.utterances == []


def test_a_one_megabyte_article_is_refused_with_its_size() -> None:
    text = "# Огромная статья\n\n" + "Владимир Путин прилетел в Омск. " * 33_000
    with pytest.raises(ExtractionError, match="characters; extraction reads at most"):
        extract_article(parse_article("big", text))


def test_html_junk_and_control_characters_are_read_safely() -> None:
    text = (
        "# <b>Заголовок</b>\n\n<div class='x'>Владимир\x00 Путин\x07 прилетел в <a href='#'>Омск</a>"
        "&nbsp;&amp;</div>\x1b[31m - «Мы рады», - сказал он.\u200b\ufeff 5 млн долларов.\n"
    )
    _extract_and_reread(text)


def test_mixed_scripts_are_read_safely() -> None:
    _extract_and_reread("# Mixed 混合 текст\n\nКомпания «Gazprom Нефть» 株式会社 заработала 10 % 😀 в Москве.\n")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            list('абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯ«»"-—–.,:;!?%$ \n\t\x00\x0b')
            + list(string.printable)
            + ["Путин ", "Москва", " млн ", "тыс.", "форум ", "президент России ", " заявил "]
        ),
        max_size=200,
    ).map("".join)
    | st.text(max_size=200)
)
def test_random_text_never_crashes(text: str) -> None:
    # a clear refusal (for example an empty article) is allowed; anything else is a crash
    with contextlib.suppress(KGraphError):
        _extract_and_reread(text)


def test_evidence_quotes_the_article_even_where_control_characters_were_blanked() -> None:
    text = "# Выставка\n\nВ Омске 6 ноября открылась выставка «Высокие\x07 технологии» компании «Газпром\x00 нефть».\n"
    article = parse_article("ctrl", text)
    model = extract_article(article)
    spans = [s for e in model.entities.values() for s in e.mentions] + [s for f in model.facts for s in f.evidence]
    assert any("\x07" in s.text for s in spans)
    assert all(text[s.start : s.end] == s.text for s in spans)
    assert parse_facts(article, dump_facts(model)).entities == model.entities
