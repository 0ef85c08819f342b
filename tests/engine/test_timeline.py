"""Key frames and replay: any trained iteration again, bit for bit, within a memory budget."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from engine.config import TrainConfig
from engine.timeline import MAX_FRAMES, KeyFrames, Rewinder, interval_for
from engine.trainer import Trainer


def trained(config: TrainConfig, n: int, frames: KeyFrames, chunk: int = 97) -> Trainer:
    """A trainer run ``n`` steps in uneven chunks, recording key frames as a worker does."""
    trainer = Trainer(config)
    frames.record(trainer)
    while trainer.iteration < n:
        trainer.step(min(chunk, n - trainer.iteration))
        frames.record(trainer)
    return trainer


def costs_of(config: TrainConfig, n: int) -> dict[int, float]:
    """Every cost of a straight run of ``n`` steps, as the headless command line records them."""
    trainer = Trainer(config)
    trainer.step(n)
    its, costs = trainer.history.view().arrays()
    return {**dict(zip(its.tolist(), costs.tolist())), n: trainer.cost()}


@pytest.mark.parametrize("init", ["zeros", "random", "he"])
def test_replay_gives_the_runs_own_numbers(init: str) -> None:
    config = TrainConfig(init=init)
    frames = KeyFrames(interval=64)
    live = trained(config, 1500, frames)
    straight = costs_of(config, 1500)
    rewinder = Rewinder(live)
    for k in (0, 1, 63, 64, 65, 700, 1000, 1499, 1500, 333, 12):
        scratch = rewinder.seek(frames, k)
        assert scratch.iteration == k
        assert scratch.cost() == straight[k] or (np.isnan(scratch.cost()) and np.isnan(straight[k]))
    # the last: the live parameters themselves, and the gradient of the step into them
    at_end = rewinder.seek(frames, 1500)
    assert np.array_equal(at_end.net.flat, live.net.flat)
    assert np.array_equal(at_end.net.grad_flat, live.net.grad_flat)


def test_iteration_zero_has_no_gradient_yet() -> None:
    frames = KeyFrames(interval=16)
    live = trained(TrainConfig(), 100, frames)
    scratch = Rewinder(live).seek(frames, 0)
    assert scratch.iteration == 0
    assert not scratch.net.grad_flat.any()
    assert np.array_equal(scratch.net.flat, Trainer(TrainConfig()).net.flat)


def test_forward_seeks_continue_and_backward_seeks_restart() -> None:
    frames = KeyFrames(interval=512)
    live = trained(TrainConfig(), 2000, frames)
    straight = costs_of(TrainConfig(), 2000)
    rewinder = Rewinder(live)
    for k in (600, 601, 650, 900, 620, 1999, 1030):
        assert rewinder.seek(frames, k).cost() == straight[k]


def test_a_learning_rate_change_is_replayed_where_it_happened() -> None:
    config = TrainConfig()
    frames = KeyFrames(interval=256)
    live = Trainer(config)
    frames.record(live)
    live.step(300)
    frames.record(live)
    live.set_learning_rate(0.05)
    frames.pin(live)
    live.step(450)
    frames.record(live)
    # the same run, straight through
    ref = Trainer(config)
    ref.step(300)
    ref.set_learning_rate(0.05)
    ref.step(450)
    its, costs = ref.history.view().arrays()
    straight = {**dict(zip(its.tolist(), costs.tolist())), 750: ref.cost()}
    rewinder = Rewinder(live)
    for k in (299, 300, 301, 555, 750):
        assert rewinder.seek(frames, k).cost() == straight[k]


def fake_trainer(size: int) -> SimpleNamespace:
    return SimpleNamespace(iteration=0, net=SimpleNamespace(flat=np.ones(size)), learning_rate=0.01)


def test_a_million_iterations_stay_within_the_budget() -> None:
    frames = KeyFrames(interval=64, budget_bytes=2_000_000)
    trainer = fake_trainer(1000)  # 8 kB of parameters a frame
    step = 37  # chunks end off the interval's multiples
    while trainer.iteration < 1_000_000:
        trainer.iteration += step
        frames.record(trainer)
    assert frames.nbytes <= 2_000_000
    assert frames.nbytes == 8000 * len(frames)
    assert len(frames) <= MAX_FRAMES
    its = np.array(frames.iterations)
    assert its[0] == 37 and its[-1] >= 1_000_000 - frames.interval - step
    # still evenly spread: no gap over twice the (doubled) interval, plus a chunk
    assert np.diff(its).max() <= 2 * frames.interval + step


def test_pinned_frames_survive_thinning() -> None:
    frames = KeyFrames(interval=10, budget_bytes=80 * 8 * 20)
    trainer = fake_trainer(80)
    frames.record(trainer)
    trainer.iteration = 55
    frames.pin(trainer)
    for it in range(60, 100_000, 10):
        trainer.iteration = it
        frames.record(trainer)
    assert 0 in frames.iterations and 55 in frames.iterations
    assert frames.nbytes <= 80 * 8 * 20


def test_drop_after_and_rewritten_future() -> None:
    frames = KeyFrames(interval=10)
    trainer = fake_trainer(4)
    for it in range(0, 101, 10):
        trainer.iteration = it
        frames.record(trainer)
    frames.drop_after(45)
    assert frames.iterations == (0, 10, 20, 30, 40)
    trainer.iteration = 25  # a branch from 25: the old 30 and 40 are another future
    frames.pin(trainer)
    assert frames.iterations == (0, 10, 20, 25)
    assert frames.nbytes == 4 * 8 * 4  # the running total follows every change
    assert frames.copy().nbytes == frames.nbytes


def test_before_picks_the_frame_strictly_earlier() -> None:
    frames = KeyFrames(interval=10)
    trainer = fake_trainer(4)
    for it in (0, 10, 20):
        trainer.iteration = it
        frames.record(trainer)
    assert frames.before(0).iteration == 0
    assert frames.before(10).iteration == 0
    assert frames.before(11).iteration == 10
    assert KeyFrames().before(5) is None


def test_diverged_parameters_are_not_kept() -> None:
    frames = KeyFrames(interval=1)
    trainer = fake_trainer(4)
    frames.record(trainer)
    trainer.iteration, trainer.net.flat = 5, np.array([1.0, np.inf, 0.0, 0.0])
    assert frames.record(trainer) is True  # due, but nothing worth keeping
    assert frames.iterations == (0,)


@pytest.mark.parametrize(
    ("step_s", "interval"),
    [(0.0, 256), (40e-6, 512), (70e-6, 256), (1e-3, 16), (1.0, 16), (1e-9, 8192)],
)
def test_interval_for_a_step_time(step_s: float, interval: int) -> None:
    assert interval_for(step_s) == interval


def test_refusals() -> None:
    with pytest.raises(ValueError, match="interval"):
        KeyFrames(interval=0)
    frames = KeyFrames()
    with pytest.raises(LookupError):
        Rewinder(Trainer(TrainConfig())).seek(frames, 3)
    with pytest.raises(ValueError, match="0 or more"):
        Rewinder(Trainer(TrainConfig())).seek(frames, -1)


def test_history_drop_from_keeps_what_came_before_even_when_thinned() -> None:
    from engine.history import CostHistory

    history = CostHistory(chunk_size=8, dense_limit=20, max_points=40)
    for it in range(200):
        history.append(it, float(it))
    its_before, _ = history.view().arrays()
    sealed = history.view().chunks[0][0]
    history.drop_from(150)
    its, costs = history.view().arrays()
    assert list(its) == [i for i in its_before if i < 150]
    assert np.array_equal(its, costs)
    assert np.array_equal(sealed, np.arange(8))  # a view handed out earlier is untouched
    history.append(150, 150.0)
    assert history.last() == (150, 150.0)


def test_adopting_a_replay_branches_the_run() -> None:
    frames = KeyFrames(interval=64)
    live = trained(TrainConfig(), 900, frames)
    replay = Rewinder(live).seek(frames, 400)
    live.adopt(replay)
    assert live.iteration == 400 and live.history.view().last()[0] == 399
    assert live.grad_history.view().iterations[-1] < 400
    live.step(250)
    assert live.cost() == costs_of(TrainConfig(), 650)[650]


def test_a_slow_network_keeps_frames_close() -> None:
    """The first key frame is taken before any step is timed: its interval must be one that
    tuning can still widen to the measured one, never one too wide to narrow (a 100,100 network
    on 3000 points kept 256 steps between frames: a 1.2 s replay)."""
    frames = KeyFrames()
    trainer = fake_trainer(4)
    frames.record(trainer)  # iteration 0, before any timing
    frames.tune(5.5e-3)  # a 100,100 step on 3000 points
    assert frames.interval * 5.5e-3 <= 0.1
    frames.tune(40e-6)  # the tutorial's
    assert frames.interval == 512
