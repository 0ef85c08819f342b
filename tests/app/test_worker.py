"""The training worker, driven synchronously in the test thread, and the session's run ids.

``TrainingWorker.run()`` loops until it reads ``Stop``.  The tests queue commands, then call
``run()`` directly; a slot connected with ``DirectConnection`` records every frame and, once the
expected frame has arrived, sends the next commands or ``Stop``.  A ``threading.Timer`` sends
``Stop`` after a few seconds as a safety net, so a worker that never publishes the expected frame
makes the test fail instead of hanging.
"""

from __future__ import annotations

import numpy as np

from app.commands import (
    Configure,
    Pause,
    Play,
    Reset,
    SetLearningRate,
    SetTarget,
    ShowDiagnostics,
    Step,
    Stop,
)
from app.frames import Frame, RunState
from app.session import TrainingSession
from app.worker import TrainingWorker
from engine.config import TrainConfig
from engine.initializers import initialize
from engine.trainer import Trainer
from tests.app.worker_driver import DIRECT, WorkerDriver, stop_when

DIMS = [2, 10, 5, 1]


def make_worker(**kwargs) -> TrainingWorker:
    return TrainingWorker(TrainConfig(), grid_resolution=8, **kwargs)


def test_first_frame_is_iteration_zero_paused():
    script = WorkerDriver(make_worker())
    frames = script.run(react=stop_when(lambda f: True))
    assert not script.stopped_by_guard
    first = frames[0]
    assert first.snapshot.iteration == 0
    assert first.state is RunState.PAUSED
    assert first.run_id == 0
    assert first.config == TrainConfig()
    assert first.heatmap is not None and first.heatmap.shape == (8, 8, 4)


def test_step_publishes_a_frame_at_exactly_n():
    script = WorkerDriver(make_worker())
    frames = script.run(
        [Step(5)],
        react=stop_when(lambda f: f.state is RunState.PAUSED and f.snapshot.iteration >= 5),
    )
    assert not script.stopped_by_guard
    last = frames[-1]
    assert last.snapshot.iteration == 5
    reference = Trainer(TrainConfig())
    reference.step(5)
    assert last.snapshot.cost == reference.cost()
    assert [f.snapshot.iteration for f in frames] == sorted(f.snapshot.iteration for f in frames)


def test_reset_starts_the_new_run_at_iteration_zero():
    def react(f):
        if f.run_id == 0 and f.snapshot.iteration == 5 and f.state is RunState.PAUSED:
            return [Reset(run_id=1)]
        if f.run_id == 1:
            return [Stop()]
        return None

    script = WorkerDriver(make_worker())
    frames = script.run([Step(5)], react)
    assert not script.stopped_by_guard
    last = frames[-1]
    assert last.run_id == 1
    assert last.snapshot.iteration == 0
    assert last.state is RunState.PAUSED
    for layer, (W, b) in zip(last.snapshot.layers, initialize("he", DIMS, 3)):
        assert np.array_equal(layer.W, W) and np.array_equal(layer.b, b)


def test_configure_builds_the_new_config_as_a_new_run():
    config = TrainConfig(init="zeros", learning_rate=0.5)
    script = WorkerDriver(make_worker())
    frames = script.run(
        [Step(3), Configure(config, run_id=2)],
        react=stop_when(lambda f: f.run_id == 2),
    )
    assert not script.stopped_by_guard
    last = frames[-1]
    assert last.config == config
    assert last.snapshot.iteration == 0
    assert last.snapshot.learning_rate == 0.5
    assert last.state is RunState.PAUSED
    assert all(not layer.W.any() for layer in last.snapshot.layers)


def test_learning_rate_change_resets_nothing():
    def react(f):
        stepped = f.state is RunState.PAUSED and f.snapshot.iteration == 3
        if stepped and f.snapshot.learning_rate == 0.01:
            return [SetLearningRate(0.2)]
        if f.snapshot.learning_rate == 0.2:
            return [Stop()]
        return None

    script = WorkerDriver(make_worker())
    frames = script.run([Step(3)], react)
    assert not script.stopped_by_guard
    assert frames[-1].snapshot.iteration == 3
    assert frames[-1].config.learning_rate == 0.2


def test_play_stops_at_the_target_and_pause_pauses():
    def react(f):
        if f.state is RunState.FINISHED:
            return [Play()]  # at the target: runs on
        if f.state is RunState.RUNNING and f.snapshot.iteration > 20:
            return [Pause()]
        if f.state is RunState.PAUSED and f.snapshot.iteration > 20:
            return [Stop()]
        return None

    script = WorkerDriver(make_worker())
    frames = script.run([SetTarget(20), Play()], react)
    assert not script.stopped_by_guard
    finished = [f for f in frames if f.state is RunState.FINISHED]
    assert finished and finished[0].snapshot.iteration == 20
    assert frames[-1].state is RunState.PAUSED
    assert frames[-1].snapshot.iteration > 20


def test_a_factory_that_raises_is_reported_not_raised():
    def broken(config, data=None):
        raise RuntimeError("no trainer today")

    worker = TrainingWorker(TrainConfig(), trainer_factory=broken, grid_resolution=8)
    script = WorkerDriver(worker)
    finished = []
    worker.finished.connect(lambda: finished.append(True), DIRECT)
    frames = script.run(limit=5)
    assert not script.stopped_by_guard  # run() returned by itself
    assert frames == []
    assert finished == [True]
    assert len(script.failures) == 1
    assert "Traceback" in script.failures[0]
    assert "RuntimeError: no trainer today" in script.failures[0]


class FlakyTrainer(Trainer):
    """Raises once, on the step call that crosses ``fail_at``."""

    fail_at = 10

    def step(self, n: int = 1, record_every: int = 1) -> int:
        if self.iteration < self.fail_at <= self.iteration + n and not getattr(self, "_failed", 0):
            self._failed = 1
            raise FloatingPointError("boom in step")
        return super().step(n, record_every)


def test_a_step_that_raises_pauses_reports_and_the_loop_goes_on():
    failed_at = []

    def react(f):
        if f.state is RunState.PAUSED and script.failures and not failed_at:
            failed_at.append(f.snapshot.iteration)
            return [Step(3)]
        if failed_at and f.snapshot.iteration == failed_at[0] + 3:
            return [Stop()]
        return None

    worker = TrainingWorker(TrainConfig(), trainer_factory=FlakyTrainer, grid_resolution=8)
    script = WorkerDriver(worker)
    frames = script.run([Play()], react)
    assert not script.stopped_by_guard
    assert len(script.failures) == 1
    assert "FloatingPointError: boom in step" in script.failures[0]
    assert failed_at and failed_at[0] < FlakyTrainer.fail_at
    assert frames[-1].snapshot.iteration == failed_at[0] + 3
    assert frames[-1].state is RunState.PAUSED


def test_two_steps_queued_while_paused_take_both():
    script = WorkerDriver(make_worker())
    frames = script.run([Step(3), Step(3)], limit=1.0)  # the guard stops the idle worker
    assert frames[-1].state is RunState.PAUSED
    assert frames[-1].snapshot.iteration == 6


class SnapshotFailsAtTwo(Trainer):
    """Its snapshots fail at iteration 2 alone: the first Step's last frame (and the frame
    after its report).  A failure pauses the run, so a failing frame in the middle of the Step
    (at iteration 1, when the first step came a frame interval after the first frame: a cold
    process) made the retry stop at 4, whose frame failed too, and the test hung until its
    guard; failing by call count or by a range of iterations had that race."""

    def snapshot(self, *args, **kwargs):
        if self.iteration == 2:
            raise MemoryError("no room for the grid")
        return super().snapshot(*args, **kwargs)


def test_a_snapshot_that_fails_is_reported_and_the_loop_goes_on():
    worker = TrainingWorker(TrainConfig(), trainer_factory=SnapshotFailsAtTwo, grid_resolution=8)
    script = WorkerDriver(worker)
    retried = []

    def retry(_message: str) -> None:  # after the failure, ask for more steps once
        if not retried:
            retried.append(True)
            worker.send(Step(3))

    worker.failed.connect(retry, DIRECT)
    frames = script.run([Step(2)], react=stop_when(lambda f: f.snapshot.iteration >= 5), limit=5)
    seen = [(f.snapshot.iteration, f.state.value) for f in frames]
    assert not script.stopped_by_guard, (seen, [f.splitlines()[-1] for f in script.failures])
    assert "MemoryError: no room for the grid" in script.failures[0]
    assert frames[-1].snapshot.iteration == 5
    assert frames[-1].state is RunState.PAUSED


# -- the session: run ids --------------------------------------------------------------------------
def test_session_drops_frames_of_an_older_run(qtbot):
    session = TrainingSession(TrainConfig())
    try:
        qtbot.waitUntil(lambda: session.latest is not None, timeout=5000)
        old = session.latest
        with qtbot.waitSignal(
            session.frameReady, timeout=5000, check_params_cb=lambda f: f.run_id == 1
        ):
            session.reset()
        current = session.latest
        assert current.run_id == session.run_id == 1

        stale = Frame(old.snapshot, RunState.PAUSED, old.config, old.target)
        assert stale.run_id == 0
        with qtbot.assertNotEmitted(session.frameReady):
            session._accept(stale)
        assert session.latest is current

        fresh = Frame(current.snapshot, RunState.PAUSED, current.config, current.target)
        with qtbot.waitSignal(session.frameReady, timeout=0) as blocker:
            session._accept(fresh)
        assert blocker.args == [fresh]
        assert session.latest is fresh
    finally:
        assert session.shutdown()
    assert not session.is_running()
    assert session.shutdown()  # safe twice


def test_session_keeps_showing_frames_after_a_failed_configure(qtbot):
    def factory(config, data=None):
        if config.init == "zeros":
            raise RuntimeError("cannot build this one")
        return Trainer(config, data)

    session = TrainingSession(TrainConfig(), trainer_factory=factory)
    try:
        qtbot.waitUntil(lambda: session.latest is not None, timeout=5000)
        with qtbot.waitSignal(session.failed, timeout=5000):
            session.configure(TrainConfig(init="zeros"))
        with qtbot.waitSignal(
            session.frameReady,
            timeout=1500,
            check_params_cb=lambda f: f.snapshot.iteration == 3,
        ):
            session.step(3)
    finally:
        assert session.shutdown()


def test_full_frames_carry_diagnostics_only_while_shown():
    def react(f):
        if f.snapshot.iteration == 2 and f.state is RunState.PAUSED:
            return [ShowDiagnostics(True)] if f.snapshot.diagnostics is None else [Stop()]
        return None

    script = WorkerDriver(make_worker())
    frames = script.run([ShowDiagnostics(False), Step(2)], react)
    assert not script.stopped_by_guard
    at_two = [f for f in frames if f.snapshot.iteration == 2 and f.snapshot.layers]
    assert [f.snapshot.diagnostics is not None for f in at_two] == [False, True]
