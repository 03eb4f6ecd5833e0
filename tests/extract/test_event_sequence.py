"""The LSTM second opinions beside the CRFs (``typed.sequence``): a sentence read the same alone or among longer
ones, labellings that never open with I, the CRF's own runs where the LSTM read nothing, and what each finds."""

import numpy
import pycrfsuite  # type: ignore[import-untyped]

from kgraph.extract.names.org_tagger import bio_runs, token_features
from kgraph.extract.text.ner import analyse
from kgraph.extract.typed.sequence import LAYERS, best_labels, rows, sequence_model
from kgraph.extract.typed.taggers import _taggers, blended_runs, tag_types

TEXT = (
    "В воскресенье в Омске прошли выборы губернатора. После голосования кандидаты провели пресс-конференцию,"
    " а в понедельник в центре города состоялся митинг сторонников проигравшего. Полиция задержала двоих."
)


def test_a_sentence_is_read_the_same_alone_as_among_longer_ones() -> None:
    analysis = analyse(TEXT)
    features, sentences = token_features(TEXT, analysis), rows(analysis)
    assert len(sentences) == 3
    together_all = sequence_model().probabilities(features, sentences)
    for layer in LAYERS:
        together = together_all[layer]
        for first, stop in sentences:
            alone = sequence_model().probabilities(features, [(first, stop)])[layer]
            numpy.testing.assert_allclose(alone[first:stop], together[first:stop], rtol=1e-4, atol=1e-5)
            assert numpy.isnan(alone[:first]).all() and numpy.isnan(alone[stop:]).all()
        numpy.testing.assert_allclose(together.sum(axis=1), 1.0, rtol=1e-5)


def test_a_labelling_never_opens_a_mention_with_i() -> None:
    rng = numpy.random.default_rng(0)
    for _ in range(200):
        probabilities = rng.dirichlet([1.0, 3.0, 1.0], size=int(rng.integers(1, 12)))
        labels = best_labels(probabilities)
        assert len(labels) == len(probabilities)
        assert all(label != "I" or before in "BI" for before, label in zip(["O", *labels], labels, strict=False))


def test_where_the_lstm_read_nothing_the_runs_are_the_crfs_own() -> None:
    analysis = analyse(TEXT)
    items = pycrfsuite.ItemSequence(token_features(TEXT, analysis))
    nothing = numpy.full((len(analysis.tokens), 3), numpy.nan)
    for kind, _, tagger in _taggers():
        tagger.set(items)
        blended = blended_runs(tagger, analysis.tokens, nothing)
        tagger.set(items)  # crfsuite's marginals are wrong after a second best labelling of the same tokens
        assert blended == bio_runs(tagger, analysis.tokens), kind


def test_the_events_of_a_news_item_are_found() -> None:
    found = {TEXT[m.start : m.end] for m in tag_types(TEXT, analyse(TEXT)) if m.type == "EVENT"}
    assert {"выборы губернатора", "пресс-конференцию"} <= found, found


def test_the_second_opinion_finds_an_event_the_crf_misses() -> None:
    # NEREL train marks "госпитализирован" an EVENT 15 times; the CRF of the innermost mentions misses it here
    text = "В результате взрыва на химическом заводе в Дзержинске погибли три человека, ещё семеро госпитализированы."
    analysis = analyse(text)
    features = token_features(text, analysis)
    items = pycrfsuite.ItemSequence(features)
    second = sequence_model().probabilities(features, rows(analysis))["inner"]
    (tagger,) = [tagger for kind, layer, tagger in _taggers() if (kind, layer) == ("EVENT", "inner")]
    tagger.set(items)
    alone = {text[start:end] for start, end, _ in bio_runs(tagger, analysis.tokens)}
    tagger.set(items)
    both = {text[start:end] for start, end, _ in blended_runs(tagger, analysis.tokens, second)}
    assert "госпитализированы" in both - alone, (alone, both)
