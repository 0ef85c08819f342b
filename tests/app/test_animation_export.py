"""An export from start to finish, in this thread (as the command line runs it): the frames are
the run's exact states, drawn by the app's own views, and a cancel leaves nothing."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from app.animation.canvas import AnimationCanvas, caption_numbers, frame_height
from app.animation.encode import Cancelled
from app.animation.export import export_record
from app.animation.replay import Replayer, history_until, record_of_frame, record_run
from app.frames import RunState, frame_of
from engine.cli_options import AnimationOptions
from engine.config import TrainConfig
from engine.history import CostHistory
from engine.timeline import KeyFrames
from engine.trainer import Trainer

RANDOM = TrainConfig(init="random")  # the tutorial's random x10: the steepest start
ITERATIONS = 300
SMALL = AnimationOptions(frames=20, fps=12, spacing="log", width=640)


@pytest.fixture(scope="module")
def reference() -> np.ndarray:
    """Every cost of a straight run, 0 to ITERATIONS (the headless engine's numbers)."""
    trainer = Trainer(RANDOM)
    trainer.step(ITERATIONS + 1)
    its, costs = trainer.history.view().arrays()
    assert list(its) == list(range(ITERATIONS + 1))
    return costs


@pytest.fixture(scope="module")
def record():
    return record_run(RANDOM, None, ITERATIONS)


def test_each_frame_shows_the_engines_cost_at_its_iteration_exactly(
    qapp, tmp_path, record, reference
):
    path = tmp_path / "random.gif"
    result = export_record(record, path, SMALL)
    assert len(result.shown) == SMALL.frames
    assert result.iterations[0] == 0 and result.iterations[-1] == ITERATIONS
    for iteration, cost in result.shown:
        assert cost == reference[iteration], iteration  # bit for bit, not approximately
    with Image.open(path) as gif:
        assert gif.format == "GIF" and gif.n_frames >= 20
        assert gif.size == (640, frame_height(640)) and gif.width >= 640
        gif.seek(gif.n_frames - 1)  # every frame decodes
    assert [p.name for p in tmp_path.iterdir()] == ["random.gif"]


def test_a_frame_draws_the_run_in_every_view_with_its_numbers_in_the_caption(
    qapp, record, reference
):
    canvas = AnimationCanvas(640, record.config, record.data, record.last, record.history)
    try:
        replayer = Replayer(record)
        for iteration in (0, 57):
            picture = canvas.render_frame(replayer.frame_at(iteration))
        assert picture.shape == (frame_height(640), 640, 3) and picture.dtype == np.uint8
        cost = float(reference[57])
        assert canvas.numbers.text() == caption_numbers(57, cost)
        assert repr(cost) in canvas.numbers.text() and "57" in canvas.numbers.text()
        assert "Random" in canvas.title.text()  # the run's name: the initializer first
        x, _y = canvas.cost_plot.curve_data()
        assert x[0] == 0 and x[-1] == 57  # the curve up to the frame, not beyond
        assert canvas.cost_plot.marked_point() == (57, cost)
        assert canvas.decision_map.image.image is not None
        assert len(canvas.histograms.plots) == 3
        assert [m.shape[0] for m in canvas.diagram.neuron_maps()] == [10, 5]
        # not a blank picture: dark text and plot lines, the boundary's tints
        assert (picture.min(axis=2) < 80).mean() > 0.005
        assert len(np.unique(picture.reshape(-1, 3), axis=0)) > 50
    finally:
        canvas.close()
        canvas.deleteLater()


def test_a_cancel_mid_export_leaves_no_file_and_no_temporary_file(qapp, tmp_path, record):
    seen = []
    with pytest.raises(Cancelled):
        export_record(
            record,
            tmp_path / "random.gif",
            SMALL,
            cancelled=lambda: len(seen) >= 5,
            progress=lambda done, _total: seen.append(done),
        )
    assert seen == [1, 2, 3, 4, 5]
    assert list(tmp_path.iterdir()) == []


def test_a_failure_mid_export_leaves_nothing(qapp, tmp_path, record, monkeypatch):
    drawn = []

    def failing(self, frame):
        drawn.append(frame.snapshot.iteration)
        if len(drawn) == 3:
            raise RuntimeError("the canvas broke")
        return np.full((frame_height(640), 640, 3), 255, np.uint8)

    monkeypatch.setattr(AnimationCanvas, "render_frame", failing)
    with pytest.raises(RuntimeError, match="canvas broke"):
        export_record(record, tmp_path / "random.webp", SMALL)
    assert list(tmp_path.iterdir()) == []


def test_the_history_is_cut_at_the_frames_iteration_across_chunks():
    history = CostHistory(chunk_size=16, dense_limit=1000, max_points=1100)
    history.extend(0, np.arange(40, dtype=float) / 10)
    view = history.view()
    for iteration in (0, 15, 16, 17, 39, 50):
        its, costs = history_until(view, iteration).arrays()
        assert list(its) == list(range(min(iteration, 39) + 1))
        assert np.array_equal(costs, np.arange(len(its)) / 10)
        assert history_until(view, iteration).length == len(its)


def test_a_window_frame_with_key_frames_replays_the_run_it_came_from(reference):
    trainer = Trainer(RANDOM)
    timeline = KeyFrames(32)
    timeline.record(trainer)
    while trainer.iteration < 200:
        trainer.step(10)
        timeline.record(trainer)
    frame = frame_of(
        trainer,
        RANDOM,
        run_id=3,
        state=RunState.PAUSED,
        target=15000,
        grid_resolution=None,
        timeline=timeline.copy(),
    )
    record = record_of_frame(frame, trainer.data)
    assert record is not None and record.last == 200
    replayer = Replayer(record)
    for iteration in (0, 1, 31, 32, 33, 150, 200):
        assert replayer.frame_at(iteration).snapshot.cost == reference[iteration]
    without = frame_of(
        trainer, RANDOM, run_id=3, state=RunState.PAUSED, target=15000, grid_resolution=None
    )
    assert record_of_frame(without, trainer.data) is None  # the export trains a copy instead
