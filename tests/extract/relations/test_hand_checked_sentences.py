"""The relation classifier on sentences written for kgraph and annotated by hand after NEREL's conventions
(sentences.yaml): each sentence's gold relation is among what `relate` finds, given the sentence's mentions.
Where the classifier misses it, the sentence says so (`known_miss`) and the test expects the miss, so a retrained
model that changes either way fails loudly."""

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from kgraph.extract.relations.learned import Mention, Relation, relate

SENTENCES = Path(__file__).parent / "sentences.yaml"

NEREL_RELATION_TYPES = (
    "WORKPLACE",
    "ALTERNATIVE_NAME",
    "WORKS_AS",
    "PARTICIPANT_IN",
    "POINT_IN_TIME",
    "TAKES_PLACE_IN",
    "HEADQUARTERED_IN",
    "ORIGINS_FROM",
    "LOCATED_IN",
    "AGENT",
    "AGE_IS",
    "HAS_CAUSE",
    "PRODUCES",
    "AWARDED_WITH",
    "PART_OF",
    "IDEOLOGY_OF",
    "MEMBER_OF",
    "CONVICTED_OF",
    "INANIMATE_INVOLVED",
    "SUBEVENT_OF",
    "SUBORDINATE_OF",
    "KNOWS",
    "MEDICAL_CONDITION",
    "PARENT_OF",
    "PLACE_RESIDES_IN",
    "OWNER_OF",
    "ABBREVIATION",
    "FOUNDED_BY",
    "ORGANIZES",
    "PENALIZED_AS",
    "SPOUSE",
    "DATE_OF_CREATION",
    "RELIGION_OF",
    "DATE_OF_BIRTH",
    "DATE_OF_DEATH",
    "SCHOOLS_ATTENDED",
    "PLACE_OF_BIRTH",
    "AGE_DIED_AT",
    "SIBLING",
    "PLACE_OF_DEATH",
    "START_TIME",
    "INCOME",
    "CAUSE_OF_DEATH",
    "PRICE_OF",
    "DATE_FOUNDED_IN",
    "RELATIVE",
    "EXPENDITURE",
    "END_TIME",
    "DATE_DEFUNCT_IN",
)
"""NEREL v1.1's 49 relation types."""

OCCURRENCE = re.compile(r"^(?P<text>.+?)(?: #(?P<n>\d+))?$")


@dataclass(frozen=True)
class Sentence:
    id: str
    text: str
    mentions: dict[str, Mention]
    """The mentions by their written form (`text` or `text #n`)."""
    gold: tuple[str, str, str]
    """Type, Arg1 and Arg2, the arguments by their written form."""
    known_miss: str | None


def _offsets(text: str, written: str) -> tuple[int, int]:
    """The offsets of `text #n`: the n-th occurrence of text in the sentence (the first without `#n`)."""
    match = OCCURRENCE.match(written)
    assert match, f"cannot read the mention {written!r}"
    wanted, start = match["text"], -1
    for _ in range(int(match["n"] or 1)):
        start = text.find(wanted, start + 1)
        assert start >= 0, f"{written!r} is not in {text!r}"
    return start, start + len(wanted)


def _sentence(entry: dict[str, Any]) -> Sentence:
    mentions = {}
    for item in entry["mentions"]:
        ((kind, written),) = item.items()
        written = str(written)
        assert written not in mentions, f"{entry['id']}: {written!r} is annotated twice; write it as 'text #n'"
        mentions[written] = Mention(*_offsets(entry["text"], written), kind)
    kind, arguments = entry["gold"].split(" ", 1)
    source, target = arguments.split(" -> ")
    return Sentence(entry["id"], entry["text"], mentions, (kind, source, target), entry.get("known_miss"))


def _load() -> list[Sentence]:
    return [_sentence(entry) for entry in yaml.safe_load(SENTENCES.read_text(encoding="utf-8"))]


LOADED = _load()


def _case(sentence: Sentence) -> Any:
    marks = ()
    if sentence.known_miss:
        marks = (pytest.mark.xfail(strict=True, reason=f"the classifier misses it: {sentence.known_miss}"),)
    return pytest.param(sentence, id=sentence.id, marks=marks)


def _describe(sentence: Sentence, found: list[Relation], source: Mention, target: Mention) -> str:
    """What the classifier gives instead of the gold relation, in the words of the sentence."""

    def words(mention: Mention) -> str:
        return sentence.text[mention.start : mention.end]

    pair = [r for r in found if {r.source, r.target} == {source, target}]
    if pair:
        return "; ".join(f"{r.type} {words(r.source)} -> {words(r.target)} ({r.confidence:.2f})" for r in pair)
    near = [r for r in found if source in {r.source, r.target} or target in {r.source, r.target}]
    others = "; ".join(f"{r.type} {words(r.source)} -> {words(r.target)}" for r in near) or "nothing"
    return f"no relation for the pair; its mentions get {others}"


@pytest.mark.parametrize("sentence", [_case(s) for s in LOADED])
def test_the_classifier_finds_the_gold_relation(sentence: Sentence) -> None:
    kind, source_text, target_text = sentence.gold
    source, target = sentence.mentions[source_text], sentence.mentions[target_text]
    found = relate(sentence.text, list(sentence.mentions.values()))
    assert (kind, source, target) in {(r.type, r.source, r.target) for r in found}, _describe(
        sentence, found, source, target
    )


def test_the_sentences_cover_every_nerel_relation_type_twice() -> None:
    kinds = [s.gold[0] for s in LOADED]
    assert set(kinds) <= set(NEREL_RELATION_TYPES), set(kinds) - set(NEREL_RELATION_TYPES)
    assert {k for k in NEREL_RELATION_TYPES if kinds.count(k) < 2} == set()


def test_the_ids_are_unique_and_name_the_gold_type() -> None:
    ids = [s.id for s in LOADED]
    assert len(ids) == len(set(ids))
    assert [s.id for s in LOADED if s.id.rsplit("-", 1)[0] != s.gold[0]] == []


def test_every_mention_cuts_out_its_written_text_at_word_boundaries() -> None:
    for sentence in LOADED:
        for written, mention in sentence.mentions.items():
            text = OCCURRENCE.match(written)["text"]  # type: ignore[index]
            assert sentence.text[mention.start : mention.end] == text, (sentence.id, written)
            before = sentence.text[mention.start - 1 : mention.start]
            after = sentence.text[mention.end : mention.end + 1]
            assert not before.isalnum() and not after.isalnum(), f"{sentence.id}: {written!r} cuts a word"


def test_the_gold_arguments_are_two_annotated_mentions() -> None:
    for sentence in LOADED:
        _, source, target = sentence.gold
        assert source in sentence.mentions and target in sentence.mentions, sentence.id
        assert sentence.mentions[source] != sentence.mentions[target], sentence.id
