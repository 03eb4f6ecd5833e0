"""The LSTM pair reader (``sequence``): the window it reads, and a pair scored the same alone or among longer ones
(the backward LSTM reads each window from its own last word, whatever the padding of its batch)."""

import numpy

from kgraph.extract.relations.learned import Mention, Sentences, classify
from kgraph.extract.relations.network import network
from kgraph.extract.relations.sequence import PAD, sequence_model, windows

TEXT = (
    "Губернатор Омской области Виталий Хоценко и глава компании «Газпром нефть» Александр Дюков подписали в Омске"
    " соглашение о строительстве завода. Церемония прошла в среду."
)


def _at(words: str, kind: str) -> Mention:
    start = TEXT.index(words)
    return Mention(start, start + len(words), kind)


GOVERNOR = _at("Губернатор Омской области", "PROFESSION")
REGION = _at("Омской области", "STATE_OR_PROVINCE")
PERSON = _at("Виталий Хоценко", "PERSON")
HEAD = _at("глава компании «Газпром нефть»", "PROFESSION")
COMPANY = _at("Газпром нефть", "ORGANIZATION")
OTHER = _at("Александр Дюков", "PERSON")
CITY = _at("Омске", "CITY")
MENTIONS = [GOVERNOR, REGION, PERSON, HEAD, COMPANY, OTHER, CITY]


def test_a_window_runs_from_pad_words_before_to_pad_words_after_and_stays_in_its_sentence() -> None:
    sentences = Sentences(TEXT)
    window = windows(sentences, MENTIONS, [(OTHER, CITY)])[0]
    written = [sentences.written(i) for i in window.words]
    assert written[PAD : PAD + 2] == ["Александр", "Дюков"]
    assert written[-PAD - 1 :] == ["Омске", "соглашение", "о", "строительстве"]
    last = windows(sentences, MENTIONS, [(PERSON, GOVERNOR)])[0]
    assert [sentences.written(i) for i in last.words][:4] == ["Губернатор", "Омской", "области", "Виталий"]
    assert "Церемония" not in [sentences.written(i) for i in windows(sentences, MENTIONS, [(OTHER, CITY)])[0].words]


def test_a_window_marks_both_mentions_and_names_the_other_mention_holding_a_word() -> None:
    sentences = Sentences(TEXT)
    window = windows(sentences, MENTIONS, [(PERSON, REGION)])[0]
    by_word = {sentences.written(i): (mark, other) for i, mark, other in zip(*window, strict=True)}
    assert by_word["Губернатор"] == (0, "PROFESSION")
    assert by_word["Омской"] == (2, "PROFESSION")
    assert by_word["Хоценко"] == (1, "")


def test_a_pair_scores_the_same_alone_as_among_longer_windows() -> None:
    sentences, model = Sentences(TEXT), sequence_model()
    pairs = [(PERSON, GOVERNOR), (OTHER, HEAD), (COMPANY, CITY), (PERSON, CITY), (GOVERNOR, REGION)]
    together = model.probabilities(sentences, MENTIONS, pairs)
    alone = numpy.concatenate([model.probabilities(sentences, MENTIONS, [pair]) for pair in pairs])
    assert together.shape == (len(pairs), len(model.labels()))
    numpy.testing.assert_allclose(together, alone, rtol=1e-4, atol=1e-5)
    numpy.testing.assert_allclose(together.sum(axis=1), 1.0, rtol=1e-5)


def test_the_sequence_model_and_the_networks_give_the_same_labels_and_relate_the_sentence() -> None:
    assert sequence_model().labels() == network().labels()  # classify averages their columns one for one
    found = {
        (TEXT[r.source.start : r.source.end], r.type, TEXT[r.target.start : r.target.end])
        for r in classify(Sentences(TEXT), MENTIONS)
    }
    assert ("Виталий Хоценко", "WORKS_AS", "Губернатор Омской области") in found
    assert ("Александр Дюков", "WORKS_AS", "глава компании «Газпром нефть»") in found
