"""Training the relation networks (scripts/train_relations.py, scripts/train_cross_relations.py): one hidden ReLU layer
over a pair's sparse binary features (and, within a sentence, its word vectors through weights of their own),
softmax over the relation types and NONE, mini-batch Adam with lazy updates of the first layer's rows and dropout on
the hidden layer; numpy and scipy, one thread, a fixed seed: the same input gives the same weights. The extractor
runs it in numpy (``kgraph.extract.relations.network``).
"""

import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")  # before numpy loads: one thread gives the same sums each run

import numpy as np  # noqa: E402
import scipy.sparse as sp  # type: ignore[import-untyped]  # noqa: E402


@dataclass(frozen=True)
class Settings:
    hidden: int = 64
    dropout: float = 0.3
    rate: float = 1e-3
    batch: int = 128
    epochs: int = 5


@dataclass
class Weights:
    first: Any
    bias: Any
    second: Any
    second_bias: Any
    dense: Any = None
    """The weights of a pair's vector (numbers x hidden), when trained with one."""


def kept_features(items: Sequence[Sequence[str]], labels: Sequence[str], none: str, least: int) -> list[str]:
    """The features of `least` items or more, and of `least` related (not `none`) items or more, sorted."""
    seen: dict[str, int] = {}
    related: dict[str, int] = {}
    for features, label in zip(items, labels, strict=True):
        for feature in set(features):
            seen[feature] = seen.get(feature, 0) + 1
            if label != none:
                related[feature] = related.get(feature, 0) + 1
    return sorted(f for f, count in seen.items() if count >= least and related.get(f, 0) >= least)


def matrix(items: Sequence[Sequence[str]], rows: dict[str, int]) -> Any:
    """The items as a binary CSR matrix over the kept features."""
    indptr, indices = [0], []
    for features in items:
        indices += sorted({rows[f] for f in features if f in rows})
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float32)
    return sp.csr_matrix((data, np.array(indices, dtype=np.int64), np.array(indptr)), shape=(len(items), len(rows)))


def _softmax(z: Any) -> Any:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def train(x: Any, y: Any, outputs: int, settings: Settings, seed: int, vectors: Any = None) -> Weights:
    """One network fitted to the rows of `x` (CSR) with the label indexes `y`; `vectors` (a dense row per item of
    `x`), when given, are read beside the features, through weights of their own (Adam, every step)."""
    rng = np.random.default_rng(seed)
    prior = np.bincount(y, minlength=outputs).astype(np.float64) + 1.0
    w = Weights(
        (rng.standard_normal((x.shape[1], settings.hidden)) * np.sqrt(2.0 / 60)).astype(np.float32),
        np.zeros(settings.hidden, dtype=np.float32),
        (rng.standard_normal((settings.hidden, outputs)) * np.sqrt(1.0 / settings.hidden)).astype(np.float32),
        np.log(prior / prior.sum()).astype(np.float32),
    )
    params = [w.first, w.bias, w.second, w.second_bias]
    if vectors is not None:
        size = vectors.shape[1]
        w.dense = (rng.standard_normal((size, settings.hidden)) * np.sqrt(0.5 / size)).astype(np.float32)
        params.append(w.dense)
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    beta1, beta2, eps, rate, step = 0.9, 0.999, 1e-8, settings.rate, 0
    for _ in range(settings.epochs):
        order = rng.permutation(x.shape[0])
        for start in range(0, len(order), settings.batch):
            index = order[start : start + settings.batch]
            xb, yb = x[index], y[index]
            columns, inverse = np.unique(xb.indices, return_inverse=True)
            xs = sp.csr_matrix((xb.data, inverse.ravel(), xb.indptr), shape=(len(index), len(columns)))
            rows = w.first[columns]
            pre = xs @ rows + w.bias
            if w.dense is not None:
                vb = vectors[index]
                pre = pre + vb @ w.dense
            h = np.maximum(pre, 0)
            keep = (rng.random(h.shape) >= settings.dropout).astype(np.float32) / (1 - settings.dropout)
            h = h * keep
            d = _softmax(h @ w.second + w.second_bias)
            d[np.arange(len(index)), yb] -= 1
            d /= len(index)
            dh = (d @ w.second.T) * keep * (pre > 0)
            gradients = [xs.T @ dh, dh.sum(axis=0), h.T @ d, d.sum(axis=0)]
            if w.dense is not None:
                gradients.append(vb.T @ dh)
            step += 1
            c1, c2 = 1 - beta1**step, 1 - beta2**step
            for i in range(1, len(params)):
                m[i] = beta1 * m[i] + (1 - beta1) * gradients[i]
                v[i] = beta2 * v[i] + (1 - beta2) * gradients[i] ** 2
                params[i] -= (rate * (m[i] / c1) / (np.sqrt(v[i] / c2) + eps)).astype(np.float32)
            # Adam on the rows of the batch's features only (lazy): the rest of the first layer waits
            ms = beta1 * m[0][columns] + (1 - beta1) * gradients[0]
            vs = beta2 * v[0][columns] + (1 - beta2) * gradients[0] ** 2
            m[0][columns], v[0][columns] = ms, vs
            w.first[columns] = rows - (rate * (ms / c1) / (np.sqrt(vs / c2) + eps)).astype(np.float32)
    return w


def save(path: Any, features: list[str], labels: list[str], networks: list[Weights]) -> None:
    """The networks in the file ``extract.relations.network`` reads, written to a temporary file and renamed: the
    first layer as bytes with a scale per feature (on the last 150 train documents the same F1 as float16 weights,
    at half the size), the rest as float16; compressed numpy arrays in a zip whose entries carry a fixed date, so
    that the same weights give the same bytes. The features are one UTF-8 text, a line each (as an array of
    strings numpy pads each to the longest: 229 MB to read)."""
    first = np.concatenate([n.first for n in networks], axis=1)
    scale = np.abs(first).max(axis=1) / 127
    scale[scale == 0] = 1.0
    arrays = {
        "features": np.frombuffer("\n".join(features).encode("utf-8"), dtype=np.uint8),
        "labels": np.array(labels),
        "first": np.round(first / scale[:, None]).astype(np.int8),
        "first_scale": scale.astype(np.float32),
        "bias": np.concatenate([n.bias for n in networks]).astype(np.float16),
        "second": np.stack([n.second for n in networks]).astype(np.float16),
        "second_bias": np.stack([n.second_bias for n in networks]).astype(np.float16),
    }
    if networks[0].dense is not None:
        arrays["dense"] = np.concatenate([n.dense for n in networks], axis=1).astype(np.float16)
    write_arrays(path, arrays)


def write_arrays(path: Any, arrays: dict[str, Any]) -> None:
    """Numpy arrays as a compressed ``.npz`` whose zip entries carry a fixed date, atomically."""
    import io
    import tempfile
    import zipfile

    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    os.close(handle)
    try:
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, array in arrays.items():
                buffer = io.BytesIO()
                np.lib.format.write_array(buffer, array, allow_pickle=False)
                entry = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
                entry.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(entry, buffer.getvalue())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)
