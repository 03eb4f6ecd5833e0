"""Extraction's work grows with the text, not with its square, on hostile text.

Work is counted, not timed: the lines of Python a step runs (every turn of a loop or comprehension counts; C code
such as a regular expression's matching does not), on the same machine-independent count for a text and for one
four times as long. Linear work grows about four times; work that compares every mention with every other
grows sixteen times. Each case is a step that did the latter (see benchmarks/bench_extract_scaling.py for time and
memory on whole texts, regular expressions included).
"""

import gc
import sys
import threading
from collections.abc import Callable
from decimal import Decimal
from types import FrameType
from typing import Any

from kgraph.extract.doc import Doc
from kgraph.extract.events import components as events
from kgraph.extract.figures import amount_words, measures
from kgraph.extract.figures import amounts as quantities
from kgraph.extract.figures.amounts import Amount, find_amounts
from kgraph.extract.names.entities import _person_groups, entities_from_spans, quoted_organisations
from kgraph.extract.names.mentions import repair_spans
from kgraph.extract.names.org_tagger import OrganisationTags
from kgraph.extract.names.person_names import repeated_surnames
from kgraph.extract.relations import reported, titles
from kgraph.extract.speech.quotes import find_utterances
from kgraph.extract.text.ner import NamedSpan
from kgraph.source import parse_article

LINEAR = 6.0
"""The most a step's work may grow when its text grows four times (4 when linear, 16 when quadratic)."""


def _lines_run(action: Callable[[], object]) -> int:
    """How many lines of Python `action` runs, loop turns included."""
    count = 0

    def trace(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        count += 1
        return trace

    previous = sys.gettrace()
    sys.settrace(trace)
    try:
        action()
    finally:
        sys.settrace(previous)
    return count


def _growth(make: Callable[[int], Callable[[], object]], size: int) -> float:
    """How much more the step `make(4 * size)` gives runs than the one `make(size)` gives (its input is made
    before counting), after a first run of each to fill the caches (a text's words, read once, among them)."""
    make(size)()
    make(4 * size)()
    small, large = make(size), make(4 * size)
    return _lines_run(large) / _lines_run(small)


def test_a_long_run_of_amounts_is_read_by_the_grammar_in_windows_of_bounded_size(monkeypatch: Any) -> None:
    # yargy's chart and its choice among overlapping matches grow faster than the text it reads at once: 11,000
    # amounts on one line were read as one window and took 9 GB
    read: list[int] = []
    parser = amount_words.parser

    class Recording:
        def __init__(self, spelt: bool) -> None:
            self.parser = parser(spelt)

        def findall(self, text: str) -> Any:
            read.append(len(text))
            return self.parser.findall(text)

    monkeypatch.setattr(amount_words, "parser", Recording)
    text = "5 млн рублей, " * 400
    amounts = find_amounts(text)
    assert len(amounts) == 400 and {(a.value, a.unit) for a in amounts} == {(Decimal(5_000_000), "RUB")}
    assert max(read) <= 1000  # a news text's windows hold at most 163 characters (NEREL)
    assert sum(read) <= len(text)


def test_a_number_of_many_groups_of_digits_costs_linear_work() -> None:
    # "000 000 000 …": every group could start a number and every later one end it
    def make(size: int) -> Callable[[], object]:
        text = "000 " * (size // 4)
        return lambda: find_amounts(text)

    assert _growth(make, 250) < LINEAR


def test_reading_amounts_never_runs_a_full_collection_of_the_heap() -> None:
    # yargy's chart is cyclic garbage: left to the collector it set off full collections, each reading the whole
    # heap (models, the article's analysis), so a line of figures cost more per character the longer it was. Whether
    # the collector goes on to the whole heap depends on the heap, so the thresholds are set low and no collection of
    # an older generation may start at all; counted in this thread only (the collector calls back in the thread that
    # set a collection off, and another test may leave a thread running)
    here = threading.get_ident()
    older: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start" and info["generation"] >= 1 and threading.get_ident() == here:
            older.append(info["generation"])

    assert gc.isenabled()
    text, thresholds = "000 " * 5000 + "рублей", gc.get_threshold()
    gc.collect()  # no count left from before: what follows starts from nothing
    gc.set_threshold(10, 1, 1)
    gc.callbacks.append(count)
    try:
        found = find_amounts(text)
    finally:
        gc.callbacks.remove(count)
        gc.set_threshold(*thresholds)
    assert len(found) >= 1 and older == []
    assert gc.isenabled()


def test_bare_figures_after_a_sum_take_its_currency_in_linear_work() -> None:
    # "5 млн рублей, 6 млн, 6 млн, …": each bare figure looked back at every sum before it
    def make(count: int) -> Callable[[], object]:
        text = "5 млн рублей" + ", 6 млн" * count
        amounts = [Amount(0, 12, text[:12], Decimal(5_000_000), "RUB", "рублей", "exactly")]
        amounts += [
            Amount(14 + 7 * n, 19 + 7 * n, "6 млн", Decimal(6_000_000), None, None, "exactly") for n in range(count)
        ]

        def step() -> None:
            assert {a.unit for a in quantities._in_paragraph_currency(text, amounts)} == {"RUB"}

        return step

    assert _growth(make, 500) < LINEAR


def test_many_quotations_are_told_apart_in_linear_work() -> None:
    # each quote was compared with every one found before it
    def make(count: int) -> Callable[[], object]:
        text = "«Мы рады», — сказал Иван Петров. " * count

        def step() -> None:
            assert len(find_utterances(text)) == count

        return step

    assert _growth(make, 100) < LINEAR


def test_many_quoted_names_and_the_names_found_before_cost_linear_work() -> None:
    # each quoted name was compared with every mention found before; each organisation with every token
    def make(count: int) -> Callable[[], object]:
        text = "компания «Газпром» и " * count
        taken = [(21 * n + 9, 21 * n + 18) for n in range(count)]  # the names, found already
        tags = OrganisationTags([], [(start, end, 0.5) for start, end in taken])

        def step() -> None:
            assert quoted_organisations(text, taken) == []
            assert {tags.likelihood(start, end) for start, end in taken} == {0.5}

        return step

    assert _growth(make, 200) < LINEAR


def test_many_openings_of_named_things_cost_linear_work() -> None:
    # each opening looked for what it opens among every mention found; each exhibition's name was compared
    # with every one named before
    def make(count: int) -> Callable[[], object]:
        text = "# Т\n\n" + "".join(f"Состоялось открытие выставки «Технологии {n}». " for n in range(count))
        article = parse_article("openings", text)

        def step() -> None:
            doc = Doc(article)
            events.events(doc)
            assert sum(f.predicate == "kg:opens" for f in doc.facts) == count

        return step

    assert _growth(make, 200) < LINEAR


_FIRST = ("Иван", "Пётр", "Сергей", "Олег", "Юрий", "Анна", "Мария", "Елена", "Ольга", "Нина")
_STEMS = ("Бор", "Вол", "Гор", "Дон", "Зар", "Кол", "Лав", "Мор", "Нор", "Сав")
_ENDS = ("ин", "ов", "ев", "ман", "ер", "ук", "енко", "ич")


def test_many_persons_are_found_grouped_and_given_their_titles_in_linear_work() -> None:
    # each person mention was compared with every other (nested names, groups, lone surnames, titles)
    def make(count: int) -> Callable[[], object]:
        names = [f"{f} {s}{e}" for f in _FIRST for s in _STEMS for e in _ENDS][:count]
        text = "# Имена\n\n" + "".join(f"президент России {name}, {name.split()[1]} заявил. " for name in names)
        spans, position = [], 0
        for name in names:
            start = text.index(name, position)
            surname = text.index(name.split()[1], start + len(name))
            spans += [NamedSpan(start, start + len(name), "PER", name, name)]
            spans += [NamedSpan(surname, surname + len(name.split()[1]), "PER", name.split()[1], name.split()[1])]
            position = surname
        article = parse_article("names", text)

        def step() -> None:
            doc = Doc(article)
            for draft in entities_from_spans(text, repair_spans(text, spans)):
                doc.add(draft)
            repeated_surnames(text, [(d.label, [(m.start, m.end) for m in d.mentions]) for d in doc.drafts])
            titles.offices(doc)
            assert sum(f.predicate == "kg:holdsPosition" for f in doc.facts) == count

        return step

    assert _growth(make, 100) < LINEAR


def test_a_name_repeated_among_many_that_share_its_words_is_grouped_in_linear_work() -> None:
    # "Иван Иванов" again and again, among "Иван X1" … and "Y1 Иванов" …: each repeat searched every group
    def make(count: int) -> Callable[[], object]:
        spans = [NamedSpan(0, 9, "PER", "", f"Иван X{i}") for i in range(count)]
        spans += [NamedSpan(0, 9, "PER", "", f"Y{i} Иванов") for i in range(count)]
        spans += [NamedSpan(0, 11, "PER", "", "Иван Иванов")] * count
        return lambda: _person_groups(spans)

    assert _growth(make, 200) < LINEAR


def test_a_long_sentence_of_topics_and_figures_costs_linear_work() -> None:
    # each topic read every word of the text again; each figure every word of its sentence before it
    def make(count: int) -> Callable[[], object]:
        text = "# Т\n\nПрезиденты обсудили вопросы " + " и ".join(f"сотрудничества {n}" for n in range(count))
        text += ", " + ", ".join(f"{n} млн рублей" for n in range(1, count + 1)) + "."
        article = parse_article("long", text)
        amounts = find_amounts(text)

        def step() -> None:
            doc = Doc(article)
            reported.reported(doc)
            doc.amounts = amounts
            measures.quantities(doc)
            assert len(doc.quantities) == count

        return step

    assert _growth(make, 60) < LINEAR
