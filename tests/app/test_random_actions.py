"""Twenty students at once: hundreds of random actions through the public controls.

A seeded random driver picks, uniformly, among everything a user can do (play, pause, step,
reset, initializer, data, layers, activation, learning rate, seed, stop-at, speed, presets, the
comparison's add/remove/play, language, projector mode, zoom, panel tabs, exports) and checks after
every action that:

- no exception escaped (pytest-qt fails the test on any exception raised in a slot);
- the iteration label shows the engine's iteration of the frame on screen;
- a run that is paused (or finished, or diverged) does not move;
- the GUI clock keeps ticking;
- when the run can be replayed (no learning-rate change mid-run), its cost is bit-identical to
  an independent Trainer's after the same number of steps.

A seeded driver rather than Hypothesis's generator: with a handful of examples Hypothesis starts
from its simplest sequences (the same few actions again and again), while a uniform choice covers
every action from the first run, and a seed replays a failure exactly.  On failure the test
prints the seed and the actions that led there.

CI runs SEEDS × ACTIONS actions.  A longer hunt, e.g. 20 × 250 = 5000 actions:

    INITSCOPE_RANDOM_SEEDS=20 INITSCOPE_RANDOM_ACTIONS=250 \\
        QT_QPA_PLATFORM=offscreen .venv/bin/pytest tests/app/test_random_actions.py
    (INITSCOPE_RANDOM_FIRST_SEED=N starts elsewhere.)
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable

import pytest
from PyQt6 import QtWidgets

from app.frames import RunState
from engine.activations import ACTIVATIONS
from engine.config import TrainConfig
from engine.datasets import DATASETS
from engine.initializers import INITIALIZERS
from engine.trainer import Trainer
from tests.app import number

SEEDS = int(os.environ.get("INITSCOPE_RANDOM_SEEDS", "4"))
ACTIONS = int(os.environ.get("INITSCOPE_RANDOM_ACTIONS", "90"))
FIRST_SEED = int(os.environ.get("INITSCOPE_RANDOM_FIRST_SEED", "0"))
#: actions that work whichever tab is in view (menus, the window itself)
ANY_TAB = {
    "do_compare_tab",
    "do_language",
    "do_projector",
    "do_zoom",
    "do_export",
    "do_controls_panel",
}
STILL = (RunState.PAUSED, RunState.FINISHED, RunState.DIVERGED)
LAYERS = ["10,5", "3", "20,20,20", "8,8,8,8,8,8", "50,50,50", "", "ten", "10,,5", "0", "600", "1,2"]
#: the last three are out of the spin box's range: Qt clamps them, which is the refusal
LEARNING_RATES = [1e-6, 0.001, 0.01, 0.3, 1.0, 10.0, 0.0, -1.0, 1e9]


class RandomUser:
    """One user clicking around a shared window (as in a lecture, nothing is restarted)."""

    def __init__(self, window, qtbot, folder, seed: int) -> None:
        self.w, self.qtbot, self.folder = window, qtbot, folder
        self.rng = random.Random(seed)
        self.log: list[str] = []
        self.exports = 0
        self.replayable = True
        self.checked = 0
        self.seen: list[int] = []  # the iteration of every checked frame
        self.kinds: set[str] = set()  # the actions taken
        self.actions: list[Callable[[], str]] = [
            getattr(self, name) for name in dir(self) if name.startswith("do_")
        ]

    # -- driving ---------------------------------------------------------------------------------
    def run(self, n: int) -> None:
        self.check()
        for _ in range(n):
            action = self.rng.choice(self.actions)
            name = action.__name__
            # A user clicks the other tab first to reach a control that is not in view.
            wants_compare = name.startswith("do_compare_")
            if name not in ANY_TAB and wants_compare != self.comparing():
                action = self.do_compare_tab
            self.kinds.add(action.__name__)
            self.log.append(action())
            self.check()

    def settle(self, ticks: int = 2) -> None:
        """Let the worker answer and the clock draw the newest frame."""
        start = self.w.ticks
        # generous: on a loaded machine the GUI thread may wait seconds for a core
        self.qtbot.waitUntil(lambda: self.w.ticks >= start + ticks, timeout=15000)

    def comparing(self) -> bool:
        return self.w.mode_tabs.currentIndex() == 1

    def frame(self):
        return self.w.run.session.latest

    def pick(self, options):
        return self.rng.choice(list(options))

    # -- running ---------------------------------------------------------------------------------
    def do_play_or_pause(self) -> str:
        self.w.controls.play.click()
        self.settle(self.rng.randint(1, 6))
        return "play/pause"

    def do_step(self) -> str:
        n = self.rng.choice([1, 7, 100, 400])
        self.w.controls.step_size.setValue(n)
        self.w.controls.step.click()
        self.settle()
        return f"step {n}"

    def do_reset(self) -> str:
        self.w.controls.reset.click()
        self.replayable = True
        self.settle()
        return "reset"

    def do_speed(self) -> str:
        position = self.rng.randint(0, self.w.controls.speed.maximum())
        self.w.controls.speed.setValue(position)
        return f"speed {position}"

    def do_stop_at(self) -> str:
        target = self.rng.choice([1, 50, 777, 3000, 15000])
        self.w.controls.target.setValue(target)
        return f"stop at {target}"

    # -- the experiment --------------------------------------------------------------------------
    def _new_run_if(self, before: TrainConfig) -> None:
        if self.w.run.config != before:
            self.replayable = True

    def do_initializer(self) -> str:
        name, before = self.pick(INITIALIZERS), self.w.run.config
        self.w.choose_initializer(name)
        self._new_run_if(before)
        return f"initializer {name}"

    def do_seed(self) -> str:
        seed, before = self.rng.randint(0, 2**31 - 1), self.w.run.config
        self.w.controls.seed.setValue(seed)
        self._new_run_if(before)
        return f"seed {seed}"

    def do_learning_rate(self) -> str:
        lr = self.pick(LEARNING_RATES)
        before = self.w.controls.learning_rate.value()
        self.w.controls.learning_rate.setValue(lr)
        frame = self.frame()
        if self.w.controls.learning_rate.value() != before and frame.snapshot.iteration > 0:
            self.replayable = False  # the rate changed mid-run: no plain replay
        return f"learning rate {lr}"

    def do_layers(self) -> str:
        text, before = self.pick(LAYERS), self.w.run.config
        self.w.controls.hidden.setText(text)
        self.w.controls.hidden.editingFinished.emit()
        self._new_run_if(before)
        # refused or not, the field shows the layers that stand
        assert self.w.controls.hidden.text() == ",".join(map(str, self.w.run.config.hidden))
        return f"layers {text!r}"

    def do_activation(self) -> str:
        name, before = self.pick(ACTIVATIONS), self.w.run.config
        self.w.controls.activation.setCurrentIndex(self.w.controls.activation.findData(name))
        self._new_run_if(before)
        return f"activation {name}"

    def do_dataset(self) -> str:
        name, before = self.pick(DATASETS), self.w.run.config
        self.w.controls.dataset.setCurrentIndex(self.w.controls.dataset.findData(name))
        self._new_run_if(before)
        return f"dataset {name}"

    def do_samples(self) -> str:
        samples, before = self.pick([20, 100, 300, 1000]), self.w.run.config
        self.w.controls.samples.setValue(samples)
        self._new_run_if(before)
        return f"samples {samples}"

    def do_preset(self) -> str:
        name, before = (
            self.pick(["tutorial_zeros", "tutorial_random", "tutorial_he"]),
            self.w.run.config,
        )
        self.w.run.apply_preset(name)
        self._new_run_if(before)
        self.replayable = True  # a preset always restarts at iteration 0
        return f"preset {name}"

    # -- views, language, projector --------------------------------------------------------------
    def do_panel_tab(self) -> str:
        index = self.rng.randint(0, 2)
        self.w.panel_tabs.setCurrentIndex(index)
        return f"panel tab {index}"

    def do_log_scale(self) -> str:
        self.w.controls.log_scale.toggle()
        return "log scale"

    def do_language(self) -> str:
        code = "zh_CN" if self.w.language == "en" else "en"
        assert self.w.set_language(code)
        self.settle()
        return f"language {code}"

    def do_projector(self) -> str:
        self.w.set_projector_mode(not self.w.palette_.projector)
        return "projector"

    def do_zoom(self) -> str:
        direction = self.rng.choice([-1, 0, 1])
        self.w.zoom(direction)
        return f"zoom {direction}"

    def do_controls_panel(self) -> str:
        self.w.set_controls_visible(self.w.side_tabs.isHidden())
        return "controls panel"

    # -- the comparison --------------------------------------------------------------------------
    def do_compare_tab(self) -> str:
        self.w.mode_tabs.setCurrentIndex(1 - self.w.mode_tabs.currentIndex())
        self.settle()
        return "compare tab"

    def do_compare_add(self) -> str:
        view = self.w.compare_view
        name = self.pick(["zeros", "he", "xavier", "random", "scaled"])
        combo = view.findChild(QtWidgets.QComboBox, "compareInitCombo")
        combo.setCurrentIndex(combo.findData(name))
        view.add_from_controls()
        return f"compare add {name}"

    def do_compare_remove(self) -> str:
        view = self.w.compare_view
        row = self.rng.randint(0, 5)
        view.table.selectRow(row)
        view.remove_selected()
        return f"compare remove {row}"

    def do_compare_play(self) -> str:
        self.w.toggle_play()  # the window's play acts on the tab in view
        self.settle(self.rng.randint(1, 6))
        return "compare play/pause"

    def do_compare_step(self) -> str:
        self.w.step_clicked()
        self.settle()
        return "compare step"

    # -- files -----------------------------------------------------------------------------------
    def do_export(self) -> str:
        kind = self.pick(["picture", "window", "history", "experiment"])
        self.exports += 1
        path = self.folder / f"{kind}-{self.exports}"
        files = self.w.files
        ok = {
            "picture": lambda: files.write_picture(self.w.cost_plot, path.with_suffix(".png")),
            "window": lambda: files.write_picture(self.w, path.with_suffix(".png")),
            "history": lambda: files.write_history(path.with_suffix(".csv")),
            "experiment": lambda: files.write_experiment(path.with_suffix(".json")),
        }[kind]()
        assert ok, self.w.reported_errors
        assert path.with_suffix({"picture": ".png", "window": ".png"}.get(kind, "")).exists() or (
            kind in ("history", "experiment")
        )
        return f"export {kind}"

    # -- what must always hold -------------------------------------------------------------------
    def check(self) -> None:
        self.checked += 1
        w, session = self.w, self.w.run.session
        # a seventh compared run is refused with a dialog: recorded, expected, cleared
        w.reported_errors.clear()
        # the clock ticks
        assert w.redraw_timer.isActive()
        self.settle(1)
        # the label shows the iteration of the frame on screen, which is the engine's
        self.qtbot.waitUntil(
            lambda: session.latest is not None and w._drawn is session.latest, timeout=5000
        )
        assert number(w.status.iteration) == session.latest.snapshot.iteration
        frame = session.latest
        self.seen.append(frame.snapshot.iteration)
        if frame.state not in STILL or frame.run_id != session.run_id:
            return
        # paused means not moving
        iteration = frame.snapshot.iteration
        self.settle(3)
        now = session.latest
        assert now.run_id != frame.run_id or now.snapshot.iteration == iteration
        # and what it shows is what the engine computes
        if self.replayable and iteration <= 2000:
            trainer = Trainer(frame.config, w.run.data)
            trainer.step(iteration)
            cost = trainer.cost()
            assert frame.snapshot.cost == cost or (cost != cost and frame.snapshot.cost != cost)


@pytest.mark.timeout(900)
@pytest.mark.parametrize("seed", range(FIRST_SEED, FIRST_SEED + SEEDS))
def test_random_actions_keep_every_invariant(window, qtbot, tmp_path, seed):
    user = RandomUser(window, qtbot, tmp_path, seed)
    try:
        user.run(ACTIONS)
    except BaseException:
        print(f"seed {seed}, after {len(user.log)} actions:\n  " + "\n  ".join(user.log[-25:]))
        raise
    finally:
        window.set_language("en")
        if window.palette_.projector:
            window.set_projector_mode(False)
    print(f"seed {seed}: {len(user.kinds)} kinds of action, iterations up to {max(user.seen)}")
    assert user.checked == ACTIONS + 1
    # every kind of action was taken, not one again and again
    assert len(user.kinds) >= min(0.7 * len(user.actions), ACTIONS // 3), sorted(user.kinds)
