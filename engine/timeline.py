"""Any iteration of a run, again: parameter key frames and exact replay from the nearest one.

Training is deterministic (full-batch gradient descent, no randomness after initialization), so
the parameters after ``k`` updates are fully determined by the parameters at any earlier iteration
``j`` and the learning rate used in between.  A :class:`KeyFrames` store keeps copies of the
parameters every ``interval`` iterations and at every learning-rate change; :class:`Rewinder`
puts a scratch trainer at any iteration already trained by replaying from the key frame before it,
bit for bit what the run computed there (the same operations on the same numbers).

Memory stays bounded however long a run: when the key frames outgrow ``budget_bytes`` the interval
doubles and every other one goes, so a million iterations at the tutorial's size hold about a
thousand (a megabyte), and a 12 x 512 network keeps as many as fit.  Pure NumPy, no threads: the
training workers keep one each, and the animation export replays with one.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import numpy as np

from engine.snapshot import frozen_copy
from engine.trainer import Trainer

__all__ = ["DEFAULT_BUDGET", "FIRST_INTERVAL", "KeyFrame", "KeyFrames", "Rewinder", "interval_for"]

#: The most memory a run's key frames may take (bytes of parameters).
DEFAULT_BUDGET = 32 * 2**20
#: Never more key frames than this, whatever their size (bisect and thinning stay cheap).
MAX_FRAMES = 4096
#: A jump replays at most ~interval steps: sized so one replay takes about this long.
REPLAY_SECONDS = 0.025
#: The interval before a step has been timed: tuning only ever widens it (a guess too wide could
#: never be narrowed again: a 100,100 network kept 256 steps between frames, a 1.2 s replay).
FIRST_INTERVAL = 16


def interval_for(step_seconds: float, replay_seconds: float = REPLAY_SECONDS) -> int:
    """The key-frame interval (a power of two, 16 to 8192) replayed in ~``replay_seconds``."""
    if step_seconds <= 0:
        return 256
    steps = max(1, int(replay_seconds / step_seconds))
    return int(min(8192, max(16, 1 << (steps.bit_length() - 1))))


@dataclass(frozen=True, slots=True, eq=False)
class KeyFrame:
    """The parameters after ``iteration`` updates, and the learning rate of the steps after it.

    ``pinned`` key frames (the start, a learning-rate change, a branch) are never thinned: a
    replay must not step across a change of learning rate.
    """

    iteration: int
    params: np.ndarray  # read-only copy of Network.flat
    learning_rate: float
    pinned: bool = False


class KeyFrames:
    """A run's key frames, in increasing iteration, within a memory budget."""

    def __init__(self, interval: int = FIRST_INTERVAL, budget_bytes: int = DEFAULT_BUDGET) -> None:
        if interval < 1:
            raise ValueError(f"interval must be at least 1 (got {interval})")
        self.interval = int(interval)
        self.budget_bytes = int(budget_bytes)
        self._frames: list[KeyFrame] = []
        self._its: list[int] = []  # the frames' iterations, for bisect
        self._nbytes = 0  # kept as frames come and go: summing them each time is O(frames)

    def __len__(self) -> int:
        return len(self._frames)

    @property
    def nbytes(self) -> int:
        """Bytes of parameters held."""
        return self._nbytes

    def _keep(self, frames: list[KeyFrame]) -> None:
        """Hold ``frames`` (in increasing iteration) instead of the current ones."""
        self._frames = frames
        self._its = [f.iteration for f in frames]
        self._nbytes = sum(f.params.nbytes for f in frames)

    @property
    def iterations(self) -> tuple[int, ...]:
        return tuple(self._its)

    @property
    def last(self) -> int:
        """The newest key frame's iteration (``-1``: none yet)."""
        return self._its[-1] if self._its else -1

    def copy(self) -> KeyFrames:
        """A copy to hand to another thread: the frames themselves are immutable and shared."""
        other = KeyFrames(self.interval, self.budget_bytes)
        other._frames, other._its, other._nbytes = list(self._frames), list(self._its), self._nbytes
        return other

    def clear(self) -> None:
        self._keep([])

    def tune(self, step_seconds: float) -> None:
        """Space key frames for a measured step time (never closer than they are: the frames
        kept so far would not be, and thinning may have widened them for memory)."""
        if step_seconds > 0:
            self.interval = max(self.interval, interval_for(step_seconds))

    def record(self, trainer: Trainer) -> bool:
        """Keep the trainer's parameters if a key frame is due (the first, or ``interval`` since
        the last); ``True`` if kept.  Call it after every chunk of training."""
        if self._its and trainer.iteration < self._its[-1] + self.interval:
            return False
        self._add(trainer, pinned=not self._its)
        return True

    def pin(self, trainer: Trainer) -> None:
        """Keep the trainer's parameters now, never thinned: its learning rate is about to
        change, or a new branch starts here."""
        if self._its and self._its[-1] == trainer.iteration:
            self.drop_after(trainer.iteration - 1)
        self._add(trainer, pinned=True)

    def _add(self, trainer: Trainer, pinned: bool) -> None:
        if not np.isfinite(trainer.net.flat).all():
            return  # a diverged run's last parameters replay nothing
        params = frozen_copy(trainer.net.flat)
        frame = KeyFrame(trainer.iteration, params, trainer.learning_rate, pinned)
        if self._its and trainer.iteration <= self._its[-1]:
            self.drop_after(trainer.iteration - 1)
        self._frames.append(frame)
        self._its.append(frame.iteration)
        self._nbytes += params.nbytes
        while (self.nbytes > self.budget_bytes or len(self._frames) > MAX_FRAMES) and self._thin():
            pass

    def _thin(self) -> bool:
        """Double the interval and keep only frames that far apart (and the pinned ones)."""
        if len(self._frames) < 3:
            return False
        self.interval *= 2
        kept: list[KeyFrame] = []
        for frame in self._frames:
            far = not kept or frame.iteration - kept[-1].iteration >= self.interval
            if frame.pinned or far or frame is self._frames[-1]:
                kept.append(frame)
        if len(kept) == len(self._frames):
            return False
        self._keep(kept)
        return True

    def before(self, iteration: int) -> KeyFrame | None:
        """The key frame to replay ``iteration`` from: the newest strictly before it (so the
        replay's last step leaves that step's gradient in the buffers, as the run had it), or the
        start itself for iteration 0.  ``None`` when there is none."""
        i = bisect.bisect_left(self._its, max(iteration, 1)) - 1
        return self._frames[i] if i >= 0 else None

    def drop_after(self, iteration: int) -> None:
        """Forget the key frames past ``iteration`` (a branch replaces that future)."""
        i = bisect.bisect_right(self._its, iteration)
        if i < len(self._frames):
            self._keep(self._frames[:i])


class Rewinder:
    """Puts a scratch replica of a run's trainer at any iteration already trained, exactly."""

    def __init__(self, trainer: Trainer) -> None:
        self.scratch = trainer.replica()
        # the key frame the scratch replayed from (the object: after a branch, another frame
        # may stand at the same iteration with other parameters)
        self._from: KeyFrame | None = None

    def seek(self, frames: KeyFrames, iteration: int) -> Trainer:
        """The scratch trainer after ``iteration`` updates (``iteration`` no further than the run
        has trained: the caller's to check).  Moving forward from the last seek continues from
        where the scratch stands, when no key frame lies closer."""
        if iteration < 0:
            raise ValueError(f"iteration must be 0 or more (got {iteration})")
        key = frames.before(iteration)
        if key is None:
            raise LookupError("no key frame to replay from")
        scratch = self.scratch
        here = scratch.iteration
        continue_on = self._from is key and key.iteration < here <= iteration
        if not continue_on:
            scratch.restore(key.iteration, key.params, key.learning_rate)
            self._from = key
        if iteration > scratch.iteration:
            scratch.step(iteration - scratch.iteration, record_every=0)
        return scratch
