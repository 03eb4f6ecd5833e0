"""The layout is deterministic, finite and spreads nodes apart, small graphs and large (grid repulsion), and past
FULL_LIMIT nodes (the best connected laid out first, the others placed beside them)."""

import numpy as np
import pytest

from kgraph.visualize import layout
from kgraph.visualize.layout import EXACT_LIMIT, FULL_LIMIT, positions_later, spring_positions


def star_of_stars(count: int) -> np.ndarray:
    """Hubs with many leaves, the shape of a news graph (and the hardest to keep leaves apart)."""
    hubs = max(1, count // 50)
    return np.array([(i % hubs, i) for i in range(hubs, count)] + [(i, i + 1) for i in range(hubs - 1)])


@pytest.mark.parametrize("count", [3, EXACT_LIMIT, 3000, FULL_LIMIT + 2000])
def test_same_input_same_positions_all_finite_and_apart(count: int) -> None:
    edges = star_of_stars(count)
    first, second = spring_positions(count, edges), spring_positions(count, edges)
    assert np.array_equal(first, second)
    assert np.isfinite(first).all()
    sample = np.unique(np.r_[np.arange(min(count, 150)), np.arange(max(0, count - 150), count)])  # hubs, leaves
    gaps = np.sqrt(((first[sample][:, None] - first[None]) ** 2).sum(-1))
    gaps[np.arange(len(sample)), sample] = np.inf
    assert np.median(gaps.min(1)) > 10, "nodes are not piled on top of each other"


def test_a_different_seed_gives_a_different_layout() -> None:
    edges = star_of_stars(40)
    assert not np.array_equal(spring_positions(40, edges, seed=1), spring_positions(40, edges, seed=2))


def test_a_big_graph_laid_out_by_a_second_process_gets_the_same_positions(monkeypatch: pytest.MonkeyPatch) -> None:
    count = FULL_LIMIT + 2000
    edges = star_of_stars(count)
    here = spring_positions(count, edges)
    monkeypatch.setattr(layout, "SECOND_PROCESS", 0)
    assert np.array_equal(positions_later(count, edges)(), here)
