"""Bidirectional LSTMs trained with torch and run in numpy: both directions stepped together, over rows of
different lengths, the backward direction reading each row reversed within its own length.

>>> import numpy
>>> size = 2
>>> inputs = numpy.zeros((2, 1, 3, 4 * size), dtype=numpy.float32)  # directions x rows x steps x 4·hidden
>>> recurrent = numpy.zeros((2, size, 4 * size), dtype=numpy.float32)
>>> states(inputs, recurrent, numpy.array([3])).shape
(2, 1, 3, 2)
>>> reversal(numpy.array([3, 1]), 3).tolist()  # row 0 read 2, 1, 0; row 1 (one step long) 0, then its padding
[[2, 1, 0], [0, 1, 2]]
"""

from typing import Any

import numpy


def sigmoid(x: Any) -> Any:
    """The logistic function, through tanh (no overflow warning for large negative inputs)."""
    return 0.5 * (numpy.tanh(0.5 * x) + 1.0)


def reversal(lengths: Any, length: int) -> Any:
    """Per row, the order of its steps read backwards within its own length (its padding left where it is); the
    same array puts the backward direction's states back in reading order (``numpy.argsort`` of it)."""
    steps = numpy.arange(length)[None, :]
    return numpy.where(steps < lengths[:, None], lengths[:, None] - 1 - steps, steps)


def states(inputs: Any, recurrent: Any, lengths: Any) -> Any:
    """The hidden states of LSTMs (two directions, or more: several models' at once), each over its `inputs`
    (LSTMs x rows x steps x 4·hidden, already projected and biased; a backward one's rows reversed), step by step
    together; `recurrent` is each one's recurrent weights transposed (LSTMs x hidden x 4·hidden); torch's gate order
    (i, f, g, o). Each row is stepped only over its own length, `lengths` (its padding's states are zeros): the rows
    are read longest first, and each step computes the rows still running."""
    directions, count, length, _ = inputs.shape
    size = recurrent.shape[1]
    order = numpy.argsort(-numpy.asarray(lengths), kind="stable")
    running = (numpy.asarray(lengths)[None, :] > numpy.arange(length)[:, None]).sum(axis=1)
    inputs = inputs[:, order]
    h = numpy.zeros((directions, count, size), dtype=numpy.float32)
    c = numpy.zeros((directions, count, size), dtype=numpy.float32)
    out = numpy.zeros((directions, count, length, size), dtype=numpy.float32)
    for t in range(length):
        n = int(running[t])
        if not n:
            break
        gates = inputs[:, :n, t] + numpy.matmul(h[:, :n], recurrent)
        opened = sigmoid(gates)
        c[:, :n] = opened[..., size : 2 * size] * c[:, :n] + opened[..., :size] * numpy.tanh(
            gates[..., 2 * size : 3 * size]
        )
        h[:, :n] = opened[..., 3 * size :] * numpy.tanh(c[:, :n])
        out[:, :n, t] = h[:, :n]
    restored = numpy.empty_like(out)
    restored[:, order] = out
    return restored
