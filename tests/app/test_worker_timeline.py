"""The single run's timeline in the worker: seek replays exactly, branch trains on from there.

The worker is driven synchronously (tests/app/worker_driver.py); every number is compared with a
straight run of the engine, as ``main.py --headless`` would print it.
"""

from __future__ import annotations

import numpy as np

from app.commands import Branch, Play, Seek, SetLearningRate, SetTarget, Step, Stop
from app.frames import Frame, RunState
from app.worker import TrainingWorker
from engine.config import TrainConfig
from engine.trainer import Trainer
from tests.app.worker_driver import WorkerDriver


def straight_cost(n: int, config: TrainConfig | None = None) -> float:
    """The cost after ``n`` updates of a run trained straight through."""
    trainer = Trainer(config or TrainConfig())
    trainer.step(n)
    return trainer.cost()


def run_script(script: list[tuple[callable, list]]) -> list[Frame]:
    """Send each step's commands once the frame before satisfies its predicate."""
    driver = WorkerDriver(TrainingWorker(TrainConfig(), grid_resolution=8))
    todo = list(script)

    def react(frame: Frame):
        if todo and todo[0][0](frame):
            return todo.pop(0)[1]
        return None

    return driver.run(react=react, limit=60)


def at(iteration: int, state: RunState = RunState.PAUSED):
    return lambda f: f.snapshot.iteration == iteration and f.state is state


def test_seek_shows_an_earlier_iteration_exactly_with_the_whole_curve() -> None:
    frames = run_script(
        [
            (at(0), [Step(1200)]),
            (at(1200), [Seek(333)]),
            (lambda f: f.rewound and f.snapshot.iteration == 333, [Seek(0)]),
            (lambda f: f.rewound and f.snapshot.iteration == 0, [Seek(1199)]),
            (lambda f: f.rewound and f.snapshot.iteration == 1199, [Seek(5000)]),
            (lambda f: not f.rewound and f.snapshot.iteration == 1200, [Stop()]),
        ]
    )
    shown = {f.snapshot.iteration: f for f in frames if f.rewound}
    assert set(shown) == {333, 0, 1199}
    for k, frame in shown.items():
        assert frame.snapshot.cost == straight_cost(k)
        assert frame.newest == 1200 and frame.newest_iteration == 1200
        assert frame.snapshot.history.last()[0] == 1199  # the live run's whole curve
        assert frame.heatmap is not None and frame.snapshot.layers  # every view has its data
        assert frame.state is RunState.PAUSED
    # the weights on show are those of iteration 333, not the live ones
    live = Trainer(TrainConfig())
    live.step(333)
    assert np.array_equal(shown[333].snapshot.layers[0].W, live.net.W[0])
    assert np.array_equal(shown[333].snapshot.layers[0].dW, live.net.dW[0])
    assert frames[-1].snapshot.cost == straight_cost(1200)


def test_seek_while_running_pauses_and_play_continues_from_the_newest() -> None:
    seen: dict[str, int] = {}

    def seek_when_running(f: Frame) -> bool:
        if f.state is RunState.RUNNING and f.snapshot.iteration >= 300:
            seen["newest"] = f.snapshot.iteration
            return True
        return False

    frames = run_script(
        [
            (at(0), [SetTarget(10**6), Play()]),
            (seek_when_running, [Seek(100)]),
            (lambda f: f.rewound and f.snapshot.iteration == 100, [Play()]),
            (lambda f: f.state is RunState.RUNNING and not f.rewound, [Stop()]),
        ]
    )
    rewound = next(f for f in frames if f.rewound)
    assert rewound.state is RunState.PAUSED
    assert rewound.newest >= seen["newest"]
    last = frames[-1]
    assert last.snapshot.iteration >= rewound.newest  # on from the newest, not from 100
    assert last.snapshot.history.last()[0] >= rewound.newest - 1


def test_branch_trains_on_from_the_iteration_on_show() -> None:
    frames = run_script(
        [
            (at(0), [Step(800)]),
            (at(800), [Seek(500)]),
            (lambda f: f.rewound and f.snapshot.iteration == 500, [Branch()]),
            (lambda f: not f.rewound and f.snapshot.iteration == 500, [Step(100)]),
            (at(600), [Stop()]),
        ]
    )
    branched = next(f for f in frames if not f.rewound and f.snapshot.iteration == 500)
    assert branched.newest_iteration == 500
    assert branched.snapshot.history.last()[0] == 499  # the old future's costs are gone
    assert branched.snapshot.cost == straight_cost(500)
    # same parameters at 500, so training on gives the straight run's numbers
    assert frames[-1].snapshot.cost == straight_cost(600)
    its, _costs = frames[-1].snapshot.history.arrays()
    assert list(its) == list(range(600))


def test_a_learning_rate_change_is_replayed_where_it_happened() -> None:
    frames = run_script(
        [
            (at(0), [Step(300)]),
            (at(300), [SetLearningRate(0.05), Step(200)]),
            (at(500), [Seek(450)]),
            (lambda f: f.rewound and f.snapshot.iteration == 450, [Seek(250)]),
            (lambda f: f.rewound and f.snapshot.iteration == 250, [Stop()]),
        ]
    )
    ref = Trainer(TrainConfig())
    ref.step(300)
    ref.set_learning_rate(0.05)
    ref.step(150)
    by_it = {f.snapshot.iteration: f for f in frames if f.rewound}
    assert by_it[450].snapshot.cost == ref.cost()
    assert by_it[250].snapshot.cost == straight_cost(250)


def test_full_frames_carry_the_key_frames_for_the_export() -> None:
    frames = run_script([(at(0), [Step(2000)]), (at(2000), [Stop()])])
    timeline = frames[-1].timeline
    assert timeline is not None and timeline.iterations[0] == 0
    assert timeline.last <= 2000
