"""A run's history as a CSV file, for a spreadsheet or a plotting script.

One row per recorded cost point (every iteration in the window; thinned, like the cost curve,
beyond a million iterations)::

    iteration,cost,train_accuracy,test_accuracy,grad_norm_layer1,...,grad_norm_layerL
    0,0.8830537463419761,0.5,0.48,0.0123,0.0456,0.0789
    1,0.8803233012034468,,,,,

The accuracy and gradient-norm columns are filled on the rows whose iteration the metrics log
holds (iteration 0 and every :data:`~engine.metrics.METRICS_EVERY`), and left empty elsewhere.
Numbers are written with Python's ``str()`` (every digit of a float64, like the transcript);
``grad_norm_layerL`` is the output layer.
"""

from __future__ import annotations

import os
from typing import TextIO

import numpy as np

from engine.snapshot import Snapshot

__all__ = ["history_header", "write_history_csv"]

#: Rows formatted and written per batch (bounds the memory a long history needs while exporting).
_BATCH = 8192


def _n_layers(snapshot: Snapshot) -> int:
    if snapshot.metrics is not None:
        return snapshot.metrics.n_layers
    return len(snapshot.layers)


def history_header(n_layers: int) -> list[str]:
    """The column names for a network of ``n_layers`` weight layers."""
    return [
        "iteration",
        "cost",
        "train_accuracy",
        "test_accuracy",
        *(f"grad_norm_layer{k}" for k in range(1, n_layers + 1)),
    ]


def _write(out: TextIO, snapshot: Snapshot) -> int:
    n_layers = _n_layers(snapshot)
    out.write(",".join(history_header(n_layers)) + "\n")
    its, costs = snapshot.history.arrays()
    if snapshot.metrics is not None:
        m_its, m_values = snapshot.metrics.arrays()
    else:
        m_its, m_values = np.empty(0, dtype=np.int64), np.empty((0, 2 + n_layers))
    # Where each cost row's iteration sits in the metrics log (both are sorted by iteration).
    pos = np.searchsorted(m_its, its)
    found = pos < len(m_its)
    found[found] = m_its[pos[found]] == its[found]
    empty = "," * (2 + n_layers)
    for lo in range(0, len(its), _BATCH):
        hi = min(lo + _BATCH, len(its))
        lines = []
        for it, cost, hit, p in zip(
            its[lo:hi].tolist(), costs[lo:hi].tolist(), found[lo:hi].tolist(), pos[lo:hi].tolist()
        ):
            if hit:
                metrics = ",".join(map(str, m_values[p].tolist()))
                lines.append(f"{it},{cost},{metrics}\n")
            else:
                lines.append(f"{it},{cost}{empty}\n")
        out.write("".join(lines))
    # The history holds the cost of each iteration a step was taken from; the current parameters'
    # cost and accuracies (no step taken from them yet, so no gradient) end the table; the test
    # accuracy is left empty if the snapshot did not measure it (a frame taken while training).
    if snapshot.iteration not in its[-1:]:
        out.write(
            f"{snapshot.iteration},{snapshot.cost},{snapshot.train_accuracy},"
            f"{'' if snapshot.test_accuracy is None else snapshot.test_accuracy}"
            f"{',' * n_layers}\n"
        )
        return len(its) + 1
    return len(its)


def write_history_csv(path_or_file: str | os.PathLike[str] | TextIO, snapshot: Snapshot) -> int:
    """Write ``snapshot``'s cost history and metrics as CSV; returns the rows written.

    ``path_or_file`` is a path (created or replaced, UTF-8, ``\\n`` line ends) or an open text
    file, which is written to and left open.  The header counts as no row.  ``OSError`` is
    passed on to the caller.
    """
    if hasattr(path_or_file, "write"):
        return _write(path_or_file, snapshot)  # type: ignore[arg-type]
    with open(os.fspath(path_or_file), "w", encoding="utf-8", newline="") as out:  # type: ignore[arg-type]
        return _write(out, snapshot)
