"""A seeded force-directed layout, computed in Python: the page draws at once and looks the same every build.

Fruchterman-Reingold with gravity: exact pairwise repulsion for small graphs; for large ones, repulsion from a
density grid convolved by FFT (a particle-mesh approximation), which lays out 10,000 nodes in about a second.

>>> import numpy as np
>>> positions = spring_positions(3, np.array([[0, 1], [1, 2]]))
>>> positions.shape, bool((positions == spring_positions(3, np.array([[0, 1], [1, 2]]))).all())
((3, 2), True)
"""

from collections.abc import Callable
from concurrent.futures import Executor, ThreadPoolExecutor
from contextlib import suppress
from functools import cache, partial
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

EXACT_LIMIT = 200
"""Up to this many nodes the repulsion between every pair is computed exactly."""
NEAR_PAIRS = 12
"""In a crowded grid cell, each node is pushed away from at most this many cell-mates on each side."""
GRAVITY = 3.0
"""Pull towards the centre, growing with distance: unconnected nodes stay near the rest, not in a far ring."""
EDGE_LENGTH = 110.0
"""Roughly the length of an edge on the page, in vis-network's pixels."""


def _squared_length(xy: "NDArray[np.float64]") -> "NDArray[np.float64]":
    """x² + y² of each row: the same sum as ``(xy**2).sum(1)``, without a reduction's overhead on 2 columns."""
    result: NDArray[np.float64] = xy[:, 0] ** 2 + xy[:, 1] ** 2
    return result


def _exact_repulsion(pos: "NDArray[np.float64]") -> "NDArray[np.float64]":
    import numpy as np

    delta = pos[:, None, :] - pos[None, :, :]
    d2 = np.maximum((delta**2).sum(-1), 1e-4)
    np.fill_diagonal(d2, np.inf)
    result: NDArray[np.float64] = (delta / d2[..., None]).sum(1)
    return result


@cache
def _grid(cells: int) -> tuple["NDArray[np.float64]", ...]:
    """The offsets (u, v) between grid cells, wrapped as the FFT sees them, and their squared length."""
    import numpy as np

    offsets = np.fft.fftfreq(2 * cells, 1 / (2 * cells))
    u, v = np.meshgrid(offsets, offsets, indexing="ij")
    r2 = u**2 + v**2
    r2[0, 0] = np.inf
    for array in (u, v, r2):
        array.flags.writeable = False  # shared by every call
    return u, v, r2


def _mesh_repulsion(pos: "NDArray[np.float64]", cells: int, pool: Executor) -> "NDArray[np.float64]":
    """Sum over all j of (p_i - p_j) / |p_i - p_j|^2, with the nodes binned into a cells x cells grid."""
    import numpy as np

    lo = pos.min(0)
    side = float((pos.max(0) - lo).max()) * (1 + 1e-9) or 1.0
    h = side / cells
    index = np.minimum(((pos - lo) / h).astype(np.int64), cells - 1)
    shape = (2 * cells, 2 * cells)
    density = np.bincount(index[:, 0] * shape[1] + index[:, 1], minlength=shape[0] * shape[1]).reshape(shape)
    u, v, r2 = _grid(cells)
    spectrum = np.fft.rfft2(density.astype(np.float64))
    hr2 = h * r2

    def field(offset: "NDArray[np.float64]") -> "NDArray[np.float64]":
        result: NDArray[np.float64] = np.fft.irfft2(spectrum * np.fft.rfft2(offset / hr2), s=shape)
        return result

    later = pool.submit(field, v)  # numpy's FFT releases the GIL: both axes are computed at once
    fx, fy = field(u), later.result()
    far = np.stack([fx[index[:, 0], index[:, 1]], fy[index[:, 0], index[:, 1]]], axis=1)
    return far + _same_cell_repulsion(pos, index[:, 0] * cells + index[:, 1])


def _same_cell_repulsion(pos: "NDArray[np.float64]", cell: "NDArray[np.int64]") -> "NDArray[np.float64]":
    """Exact repulsion between nodes that share a grid cell, which the grid cannot tell apart."""
    import numpy as np

    crowded = np.flatnonzero(np.bincount(cell)[cell] > 1)  # most cells hold one node or none: skip those
    order = crowded[np.argsort(cell[crowded], kind="stable")]
    result = np.zeros_like(pos)
    for gap in range(1, NEAR_PAIRS + 1):
        first, second = order[:-gap], order[gap:]
        same = cell[first] == cell[second]
        if not same.any():
            break
        first, second = first[same], second[same]
        delta = pos[first] - pos[second]
        push = delta / np.maximum(_squared_length(delta), 1e-4)[:, None]
        result[first] += push  # each node appears once in `first` and once in `second`: no add.at needed
        result[second] -= push
    return result


def spring_positions(
    count: int, edges: "NDArray[np.int64]", *, seed: int = 7, iterations: int = 120
) -> "NDArray[np.float64]":
    """Positions (count x 2, in page pixels) for nodes 0..count-1 joined by `edges` (pairs of indices).

    Past `FULL_LIMIT` nodes, the `CORE` best connected are laid out on their own, the others placed beside a
    neighbour already placed, and the whole relaxed for `REFINE` short steps: a big page opens on its 1,000 best
    connected nodes, so those get the full layout and stay together on screen, and 100,000 nodes take seconds
    instead of half a minute.
    """
    import numpy as np

    if count == 0:
        return np.zeros((0, 2))
    rng = np.random.default_rng(seed)
    edges = edges.reshape(-1, 2)
    edges = edges[edges[:, 0] != edges[:, 1]]
    if count <= FULL_LIMIT:
        pos = rng.uniform(-1.0, 1.0, size=(count, 2)) * np.sqrt(count)
        pos = _relax(pos, edges, iterations, np.sqrt(count) / 4)
    else:
        degree = np.bincount(edges.ravel(), minlength=count)
        core = np.sort(np.argsort(-degree, kind="stable")[:CORE])
        inside = np.full(count, -1)
        inside[core] = np.arange(len(core))
        within = inside[edges]
        core_edges = within[(within >= 0).all(1)]
        core_pos = spring_positions(len(core), core_edges, seed=seed, iterations=iterations) / EDGE_LENGTH
        pos = _place_beside(count, edges, core, core_pos, rng)
        pos = _relax(pos, edges, REFINE, 1.0)
    pos = _apart(pos, np.bincount(edges.ravel(), minlength=count))
    pos -= pos.mean(0)
    result: NDArray[np.float64] = np.round(pos * EDGE_LENGTH, 1)
    return result


SECOND_PROCESS = 20_000
"""From this many nodes, `positions_later` lays a graph out in a second process."""


def positions_later(count: int, edges: "NDArray[np.int64]") -> "Callable[[], NDArray[np.float64]]":
    """`spring_positions(count, edges)` while the caller goes on: for `SECOND_PROCESS` nodes or more, computed by a
    second Python process on another core (the same numbers); the function returned waits for them.

    >>> import numpy as np
    >>> positions_later(3, np.array([[0, 1], [1, 2]]))().shape
    (3, 2)
    """
    import subprocess
    import threading

    import numpy as np

    from ..processes import python_process

    if count < SECOND_PROCESS:
        return partial(spring_positions, count, edges)
    code = "import kgraph.visualize.layout as l; l._positions_process()"
    worker = python_process(code, str(count), stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    pairs = np.ascontiguousarray(edges.reshape(-1, 2), dtype="<i8").tobytes()
    # written by a thread: the pipe holds 64 KiB, and the worker reads once its imports are done
    writer = threading.Thread(target=_write_and_close, args=(worker.stdin, pairs), daemon=True)
    writer.start()

    def wait() -> "NDArray[np.float64]":
        assert worker.stdout is not None
        found = worker.stdout.read()
        writer.join()
        if worker.wait() != 0 or len(found) != count * 16:
            raise RuntimeError(f"the process laying out {count:,} nodes failed (exit code {worker.returncode})")
        result: NDArray[np.float64] = np.frombuffer(found, dtype="<f8").reshape(count, 2).copy()
        return result

    return wait


def _write_and_close(stream: "IO[bytes] | None", data: bytes) -> None:
    assert stream is not None
    with suppress(BrokenPipeError):  # the worker died: `wait` says so
        try:
            stream.write(data)
        finally:
            stream.close()


def _positions_process() -> None:
    """The second process of `positions_later`: the node count as argument, the edges (int64 pairs) on stdin,
    the positions (float64 pairs) on stdout."""
    import sys

    import numpy as np

    edges = np.frombuffer(sys.stdin.buffer.read(), dtype="<i8").reshape(-1, 2)
    sys.stdout.buffer.write(np.ascontiguousarray(spring_positions(int(sys.argv[1]), edges), dtype="<f8").tobytes())
    sys.stdout.buffer.flush()


APART = 0.8
"""The least distance, in edge lengths, between two of the best connected nodes (drawn largest and labelled)."""
BEST_CONNECTED = 100
"""How many of the best connected nodes are kept `APART`."""


def _apart(pos: "NDArray[np.float64]", degree: "NDArray[np.int64]", rounds: int = 50) -> "NDArray[np.float64]":
    """Push the best connected nodes apart until no two are nearer than `APART`: two nodes with the same
    neighbours (two presidents at one meeting) settle almost on one spot, and one would hide the other and its
    label."""
    import numpy as np

    best = np.argsort(-degree, kind="stable")[:BEST_CONNECTED]
    if len(best) < 2:
        return pos
    spot = pos[best]
    for _ in range(rounds):
        delta = spot[:, None, :] - spot[None, :, :]
        distance = np.sqrt((delta**2).sum(-1))
        np.fill_diagonal(distance, np.inf)
        near = distance < APART
        if not near.any():
            break
        # each node of a close pair moves away from the other by half the gap, along the line between them (any
        # direction, seeded by their order, when they coincide)
        coincide = distance < 1e-9
        delta[coincide] = np.array([1.0, 0.0])
        distance = np.maximum(distance, 1e-9)
        push = np.where(near, (APART - distance) / 2, 0.0) / distance  # the diagonal: 0 / inf
        spot = spot + (delta * push[..., None]).sum(1)
    pos = pos.copy()
    pos[best] = spot
    return pos


FULL_LIMIT = 10_000
"""Up to this many nodes, all are laid out together (about 2 s at 10,000)."""
CORE = 1_000
"""Past FULL_LIMIT, the best connected nodes laid out first: as many as a big page draws at first."""
REFINE = 12
"""Steps that relax a large graph once every node is placed."""


def _place_beside(
    count: int,
    edges: "NDArray[np.int64]",
    placed: "NDArray[np.int64]",
    placed_pos: "NDArray[np.float64]",
    rng: "np.random.Generator",
) -> "NDArray[np.float64]":
    """Positions for all nodes: `placed` where given; each other node about one edge away from the mean of its
    placed neighbours, in rounds outwards; a node joined to none of them anywhere among the placed."""
    import numpy as np

    pos = np.zeros((count, 2))
    pos[placed] = placed_pos
    done = np.zeros(count, dtype=bool)
    done[placed] = True
    both = np.concatenate([edges, edges[:, ::-1]])
    while True:
        reach = both[done[both[:, 0]] & ~done[both[:, 1]]]
        if len(reach) == 0:
            break
        total = np.zeros((count, 2))
        np.add.at(total, reach[:, 1], pos[reach[:, 0]])
        seen = np.bincount(reach[:, 1], minlength=count)
        fresh = np.flatnonzero(seen)
        angle = rng.uniform(0, 2 * np.pi, len(fresh))
        radius = rng.uniform(0.5, 1.0, len(fresh))
        pos[fresh] = total[fresh] / seen[fresh, None] + np.stack([np.cos(angle), np.sin(angle)], 1) * radius[:, None]
        done[fresh] = True
    lonely = np.flatnonzero(~done)
    low, high = placed_pos.min(0), placed_pos.max(0)
    pos[lonely] = rng.uniform(low, high, size=(len(lonely), 2))
    return pos


def _relax(
    pos: "NDArray[np.float64]", edges: "NDArray[np.int64]", iterations: int, temperature: float
) -> "NDArray[np.float64]":
    """Fruchterman-Reingold steps from `pos`, the step length cooling from `temperature`."""
    import numpy as np

    count = len(pos)
    source, target = edges[:, 0], edges[:, 1]
    cells = int(min(512, max(16, np.ceil(2 * np.sqrt(count)))))
    gravity = GRAVITY / count
    with ThreadPoolExecutor(1) as pool:
        for step in range(iterations):
            disp = _exact_repulsion(pos) if count <= EXACT_LIMIT else _mesh_repulsion(pos, cells, pool)
            delta = pos[target] - pos[source]
            pull = delta * np.sqrt(_squared_length(delta))[:, None]
            np.add.at(disp, source, pull)
            np.add.at(disp, target, -pull)
            disp -= gravity * pos * np.sqrt(_squared_length(pos))[:, None]
            length = np.maximum(np.sqrt(_squared_length(disp)), 1e-9)
            limit = temperature * (1 - step / iterations) + 0.01
            pos += disp / length[:, None] * np.minimum(length, limit)[:, None]
    return pos
