"""A comparison's timeline: every run's key frames, and each run at any iteration already trained.

The comparison's runs are single runs side by side, so each keeps its own
:class:`~engine.timeline.KeyFrames` and is replayed by its own :class:`~engine.timeline.Rewinder`.
Runs of one shape take their steps in a stacked batch (:mod:`engine.lockstep`), which leaves in
each trainer's ``net.flat`` exactly the parameters the run would have stepping alone (checked bit
for bit before a batch is trusted, and over whole runs by the tests): so the key frames are taken
from the trainers after each chunk like a single run's, and a run is replayed alone with a plain
``Trainer.step``.  ``tests/engine/test_compare_timeline.py`` checks the replayed costs against a
straight headless run's, to the last bit.

A jump replays every run, so the runs share the replay time a single run has: each run's key
frames are spaced for ``runs`` times its measured step time.  Memory is bounded per run
(:data:`RUN_BUDGET`, six runs ~64 MB at most).  Pure NumPy, no threads: the comparison's worker
keeps one.
"""

from __future__ import annotations

import time

from engine.compare import MAX_CONFIGS, CompareEntry, Comparison
from engine.timeline import DEFAULT_BUDGET, FIRST_INTERVAL, KeyFrames, Rewinder
from engine.trainer import Trainer

__all__ = ["RUN_BUDGET", "CompareTimeline"]

#: Bytes of key frames one compared run may keep: two single runs' worth over six runs.
RUN_BUDGET = 2 * DEFAULT_BUDGET // MAX_CONFIGS
#: A replay this long or longer is timed to tune the run's spacing (shorter ones are noise).
TIMED_REPLAY = 64


class CompareTimeline:
    """Key frames and replay for every run of a :class:`~engine.compare.Comparison`."""

    def __init__(self, budget_bytes: int = RUN_BUDGET) -> None:
        self.budget_bytes = int(budget_bytes)
        self._frames: dict[int, KeyFrames] = {}
        self._rewinders: dict[int, Rewinder] = {}
        self._runs = 1  # how many runs a jump replays (the last count seen)

    def frames(self, key: int) -> KeyFrames | None:
        """Run ``key``'s key frames (``None``: none recorded yet)."""
        return self._frames.get(key)

    @property
    def nbytes(self) -> int:
        """Bytes of parameters held over all runs."""
        return sum(f.nbytes for f in self._frames.values())

    # -- recording ------------------------------------------------------------------------------
    def record(self, comparison: Comparison) -> None:
        """Keep a key frame of every run that is due one (a new run: its first, pinned).

        Call it when a run joins and after every chunk of training.
        """
        self._runs = max(1, len(comparison.entries))
        for entry in comparison.entries:
            frames = self._frames.get(entry.key)
            if frames is None:
                frames = KeyFrames(FIRST_INTERVAL, self.budget_bytes)
                self._frames[entry.key] = frames
            frames.record(entry.trainer)

    def tune(self, step_seconds: float) -> None:
        """Space every run's key frames for a measured step time of one network (seconds)."""
        if step_seconds > 0:
            for frames in self._frames.values():
                frames.tune(step_seconds * self._runs)

    def forget(self, key: int) -> None:
        """Run ``key`` left the comparison."""
        self._frames.pop(key, None)
        self._rewinders.pop(key, None)

    def clear(self) -> None:
        """Every run is back at iteration 0 (a reset): nothing recorded is theirs any more."""
        self._frames.clear()
        self._rewinders.clear()

    # -- replay ---------------------------------------------------------------------------------
    def trainer_at(self, entry: CompareEntry, iteration: int) -> Trainer:
        """``entry``'s run at ``min(iteration, its newest)``: its own trainer when that is its
        newest, else a scratch replica replayed there exactly (valid until the next call for
        this run)."""
        shown = max(0, min(iteration, entry.iteration))
        frames = self._frames.get(entry.key)
        if shown == entry.iteration or frames is None:
            return entry.trainer
        rewinder = self._rewinders.get(entry.key)
        if rewinder is None:
            rewinder = self._rewinders[entry.key] = Rewinder(entry.trainer)
        key = frames.before(shown)
        here = rewinder.scratch.iteration
        started = time.perf_counter()
        scratch = rewinder.seek(frames, shown)
        if key is not None:
            # The steps this seek took at most (it may have gone on from the last one, or
            # restarted): the step time is over-estimated if anything, and an over-estimate
            # cannot widen the spacing (tuning only ever widens it).
            start = here if key.iteration < here <= shown else key.iteration
            if shown - start >= TIMED_REPLAY:
                seconds = time.perf_counter() - started
                frames.tune(seconds / (shown - start) * self._runs)
        return scratch
