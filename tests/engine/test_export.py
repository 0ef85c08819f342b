"""The history export: one CSV row per recorded cost, the metrics beside the rows that have them,
and a last row for the current parameters (their cost and accuracies; no step taken from them)."""

from __future__ import annotations

import csv
import dataclasses
import io

import numpy as np
import pytest

from engine.config import TrainConfig
from engine.export import history_header, write_history_csv
from engine.trainer import Trainer

#: the tutorial's printed cost at iteration 0 (its last digit can vary with the BLAS build)
TUTORIAL_COST_0 = 0.8830537463419761


def _read(path) -> list[list[str]]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


@pytest.fixture(scope="module")
def window_run():
    """A run stepped the way the window steps it: every cost recorded, chunks of any size."""
    trainer = Trainer(TrainConfig(hidden=(6, 3)))
    for n in (1, 120, 79, 50):
        trainer.step(n)
    return trainer.snapshot(with_diagnostics=False)


def test_header_names_every_layer():
    assert history_header(3) == [
        "iteration",
        "cost",
        "train_accuracy",
        "test_accuracy",
        "grad_norm_layer1",
        "grad_norm_layer2",
        "grad_norm_layer3",
    ]


def test_every_recorded_cost_is_a_row_and_metrics_sit_beside_theirs(tmp_path, window_run):
    snapshot = window_run
    path = tmp_path / "history.csv"
    assert write_history_csv(path, snapshot) == 251
    rows = _read(path)
    assert rows[0] == history_header(3)
    body, last = rows[1:-1], rows[-1]
    assert [int(r[0]) for r in body] == list(range(250))
    assert last == [
        "250",
        repr(snapshot.cost),
        repr(snapshot.train_accuracy),
        repr(snapshot.test_accuracy),
        "",
        "",
        "",
    ]
    costs = snapshot.history.arrays()[1]
    assert [float(r[1]) for r in body] == costs.tolist()  # every digit survives
    m_its, values = snapshot.metrics.arrays()
    assert m_its.tolist() == [0, 100, 200]
    for row in body:
        assert len(row) == 7
        it = int(row[0])
        if it % 100 == 0:
            k = it // 100
            assert [float(x) for x in row[2:]] == values[k].tolist()
        else:
            assert row[2:] == [""] * 5
    # The values themselves: accuracies at iteration 200 are those of the parameters then.
    probe = Trainer(TrainConfig(hidden=(6, 3)))
    probe.step(200)
    assert float(body[200][2]) == probe.train_accuracy()
    assert float(body[200][3]) == probe.test_accuracy()
    probe.step(1)
    norms = [np.linalg.norm(dW) for dW in probe.net.dW]
    np.testing.assert_allclose([float(x) for x in body[200][4:]], norms, rtol=1e-12)


def test_an_open_file_gets_the_same_text(tmp_path, window_run):
    snapshot = window_run
    path = tmp_path / "history.csv"
    write_history_csv(str(path), snapshot)
    buffer = io.StringIO()
    assert write_history_csv(buffer, snapshot) == 251
    assert buffer.getvalue() == path.read_text(encoding="utf-8")
    assert "\r" not in buffer.getvalue()
    assert not buffer.closed


def test_a_transcript_run_exports_its_printed_costs_with_metrics():
    trainer = Trainer(TrainConfig())
    trainer.step(2500, record_every=1000)
    buffer = io.StringIO()
    assert write_history_csv(buffer, trainer.snapshot(with_diagnostics=False)) == 4
    rows = list(csv.reader(io.StringIO(buffer.getvalue())))[1:]
    assert [r[0] for r in rows] == ["0", "1000", "2000", "2500"]
    assert float(rows[0][1]) == Trainer(TrainConfig()).cost()  # this machine's bits
    assert abs(float(rows[0][1]) - TUTORIAL_COST_0) < 1e-15  # the tutorial's, but the last digit
    assert float(rows[-1][1]) == trainer.cost()
    assert all(all(cell for cell in r) for r in rows[:-1])  # every column filled


def test_without_a_metrics_log_the_metric_columns_stay_empty(window_run):
    snapshot = window_run
    bare = dataclasses.replace(snapshot, metrics=None)
    buffer = io.StringIO()
    assert write_history_csv(buffer, bare) == 251
    lines = buffer.getvalue().splitlines()
    assert lines[0].count(",") == 6
    assert lines[1] == f"0,{snapshot.history.arrays()[1][0]},,,,,"


def test_an_untrained_run_exports_its_initial_cost():
    buffer = io.StringIO()
    assert write_history_csv(buffer, Trainer().snapshot(with_diagnostics=False)) == 1
    lines = buffer.getvalue().splitlines()
    assert lines[0] == ",".join(history_header(3))
    cost = Trainer().cost()
    assert abs(cost - TUTORIAL_COST_0) < 1e-15  # the last digit varies with the BLAS build
    assert lines[1] == f"0,{cost!r},0.5,0.5,,,"


def test_write_errors_reach_the_caller(tmp_path, window_run):
    with pytest.raises(OSError):
        write_history_csv(tmp_path / "missing" / "h.csv", window_run)


def test_a_snapshot_without_its_test_accuracy_leaves_that_cell_empty():
    """A frame taken while training (between full frames) does not measure the test accuracy:
    its last row says nothing there rather than ``None`` or a stale number."""
    trainer = Trainer(TrainConfig(hidden=(6, 3)))
    trainer.step(7)
    snap = trainer.snapshot(with_diagnostics=False, with_test_accuracy=False)
    assert snap.test_accuracy is None
    buffer = io.StringIO()
    assert write_history_csv(buffer, snap) == 8
    last = next(csv.reader([buffer.getvalue().splitlines()[-1]]))
    assert last[:4] == ["7", repr(trainer.cost()), repr(trainer.train_accuracy()), ""]
