"""The within-sentence networks read a pair's word vectors beside its features (``learned.pair_vector``)."""

import numpy
import pytest

from kgraph.extract.relations.learned import Mention, Sentences, pair_vector
from kgraph.extract.relations.network import Network, network


def _tiny(dense: numpy.ndarray | None) -> Network:
    """One network of two hidden units over one feature, two labels: the first unit says LIVES_IN, the second NONE."""
    first, scale, bias = numpy.zeros((1, 2), "int8"), numpy.ones(1, "float32"), numpy.zeros(2, "float32")
    second = numpy.array([[[4.0, 0.0], [0.0, 4.0]]], "float32")
    return Network({"t=PERSON|CITY": 0}, first, scale, bias, second, numpy.zeros((1, 2), "float32"),
                   ["LIVES_IN", "NONE"], dense)  # fmt: skip


def test_a_pair_vector_moves_the_probabilities_through_its_own_weights() -> None:
    net = _tiny(numpy.array([[1.0, 0.0], [0.0, 1.0]], "float32"))
    toward, away = net.probabilities([["t=PERSON|CITY"]] * 2, numpy.array([[1.0, 0.0], [0.0, 1.0]], "float32"))
    assert toward[0] > 0.9 and away[0] < 0.1


def test_a_network_that_reads_vectors_refuses_a_pair_without_one_and_the_other_way() -> None:
    with pytest.raises(ValueError, match="vector"):
        _tiny(numpy.eye(2, dtype="float32")).probabilities([["t=PERSON|CITY"]])
    with pytest.raises(ValueError, match="vector"):
        _tiny(None).probabilities([["t=PERSON|CITY"]], numpy.zeros((1, 2), "float32"))


def test_the_shipped_model_reads_three_word_vectors_of_unit_length_and_the_mean_of_the_words_between() -> None:
    text = "Губернатор Олег Седов открыл мост в Омске."
    sentences = Sentences(text)
    vector = pair_vector(sentences, Mention(11, 21, "PERSON"), Mention(36, 41, "CITY"))
    parts = vector.reshape(4, -1)
    norms = numpy.linalg.norm(parts, axis=1)
    assert network().reads_vectors and vector.shape == (1200,)
    assert all(abs(n - 1) < 1e-4 or n == 0 for n in norms[:3]) and norms[0] > 0 and norms[1] > 0
    assert 0 < norms[3] <= 1 + 1e-4  # "открыл мост в": the mean of three unit vectors
