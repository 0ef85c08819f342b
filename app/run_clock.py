"""Play, pause, step and the stop-at target, and how big each chunk of training is: one clock that
both training workers keep.

A worker's loop is busy training and cannot take Qt's queued slots, so it applies the GUI's
commands between chunks; the clock decides what each command means for the run's state, how many
steps the next chunk may take (short enough that Stop is seen within ~8 ms, long enough that
per-chunk overhead stays small; at a paced speed, exactly the steps of one frame) and when a run
stops by itself.  Pure Python, no Qt: the workers' tests and the comparison share its behaviour.
"""

from __future__ import annotations

from app.commands import FLAT_OUT, Pause, Play, SetSpeed, SetTarget, Step, TogglePlay
from app.frames import RunState

__all__ = ["CHUNK_SECONDS", "MAX_CHUNK", "RunClock"]

CHUNK_SECONDS = 0.008  # flat out: train this long between looks at the command queue
MAX_CHUNK = 4096


class RunClock:
    """The run's state machine and pacing; a worker owns one and consults it between chunks.

    ``width`` below is how many networks one step advances (1 for a single run, the number of
    live runs for a comparison): chunks are sized in steps of all of them together.
    """

    def __init__(self, target: int = 15000, max_fps: float = 30.0) -> None:
        self.state = RunState.PAUSED
        self.target = target
        self.speed = FLAT_OUT  # steps per frame; FLAT_OUT trains as fast as possible
        self.frame_interval = 1.0 / max_fps
        self.rate = 0.0  # measured steps per second (all networks together), smoothed
        self._stop_at: int | None = None  # where the current run or step pauses by itself
        self._stop_state = RunState.PAUSED
        self._step_time = 0.0  # seconds per step of one network, measured; 0: not yet known
        self._next_frame = 0.0  # a paced run's next frame time (perf_counter seconds)

    # -- commands --------------------------------------------------------------------------------
    @property
    def active(self) -> bool:
        """Training now (running or taking a Step's steps)."""
        return self.state in (RunState.RUNNING, RunState.STEPPING)

    def handle(self, command: object, iteration: int, can_run: bool, now: float) -> bool:
        """Apply a run command at ``iteration``; ``False`` if ``command`` is not one of ours.

        ``can_run`` is false when nothing can train (a diverged run, no live comparison run):
        Play and Step then change nothing.
        """
        if isinstance(command, TogglePlay):
            command = Pause() if self.active else Play()
        if isinstance(command, Play):
            if can_run:
                # Play below the target stops there; at or past it, runs on until paused.
                self._stop_at = self.target if iteration < self.target else None
                self._stop_state = RunState.FINISHED
                self.state = RunState.RUNNING
                self._next_frame = now
        elif isinstance(command, Pause):
            if self.active:
                self.state = RunState.PAUSED
        elif isinstance(command, Step):
            if self.state is RunState.STEPPING:
                self._stop_at += command.n  # a second click before the first finished: add up
            elif self.active:
                self.state = RunState.PAUSED  # step while running: pause, no extra steps
            elif can_run:
                # Taken in chunks like a run, so a million-step click can still be paused.
                self._stop_at, self._stop_state = iteration + command.n, RunState.PAUSED
                self.state = RunState.STEPPING
        elif isinstance(command, SetTarget):
            self.target = command.iterations
            if self.state is RunState.RUNNING:
                self._stop_at = self.target if iteration < self.target else None
        elif isinstance(command, SetSpeed):
            self.speed = command.steps_per_frame
            self._next_frame = now
        else:
            return False
        return True

    def new_network(self) -> None:
        """A new or reset run: paused, and the next chunk a single timed step (a new network
        may be far slower than the last, and a chunk sized by the old speed could keep the
        worker deaf to Stop for seconds)."""
        self.state = RunState.PAUSED
        self.forget_speed()

    def forget_speed(self) -> None:
        """Time a single step before sizing chunks again (a run was added to a comparison)."""
        self._step_time = 0.0
        self.rate = 0.0

    def halt(self, state: RunState) -> None:
        """Stop training in ``state`` (diverged, or nothing left to train)."""
        self.state = state

    @property
    def step_time(self) -> float:
        """Seconds per step of one network, as last measured flat out (0: not yet known)."""
        return self._step_time

    # -- pacing ------------------------------------------------------------------------------------
    @property
    def paced(self) -> bool:
        """Running at a chosen number of steps per frame (not flat out, not a Step)."""
        return self.speed != FLAT_OUT and self.state is RunState.RUNNING

    def wait_time(self, now: float) -> float | None:
        """How long the loop may wait for a command: forever when idle, 0 to train now."""
        if not self.active:
            return None
        if not self.paced:
            return 0.0
        return max(0.0, self._next_frame - now)

    def chunk(
        self, iteration: int | None, now: float, width: int = 1, until: float | None = None
    ) -> int:
        """How many steps to take now (at least 1 unless the stop is reached).

        ``iteration``: where the run stands, so the chunk ends at the stop (``None``: not bound by
        it, as a comparison's late addition catching up).  ``until``: the time the next frame is
        due; a flat-out chunk ends near it, so frames keep their pace.
        """
        if self.paced and iteration is not None:
            n = self.speed
            self._next_frame = max(self._next_frame + self.frame_interval, now)
        elif not self._step_time:
            n = 1  # not timed yet: one step, timed
        else:
            per_step = self._step_time * max(width, 1)
            n = max(1, min(MAX_CHUNK, int(CHUNK_SECONDS / per_step)))
            if until is not None:
                n = max(1, min(n, int((until - now) / per_step) + 1))
        if self._stop_at is not None and iteration is not None:
            n = min(n, self._stop_at - iteration)
        return max(n, 0)

    def took(self, steps: int, seconds: float, width: int = 1) -> None:
        """``steps`` steps of ``width`` networks took ``seconds``: refine chunk size and rate.

        A paced chunk says nothing of the top speed (it is the pace's steps), so it updates only
        the rate shown, which is then the pace, or less if a step takes longer than a frame.
        """
        if steps <= 0 or seconds <= 0:
            return
        done = steps * max(width, 1)
        if self.paced:
            rate = done / max(seconds, self.frame_interval)
        else:
            self._step_time = seconds / done
            rate = done / seconds
        self.rate = 0.9 * self.rate + 0.1 * rate if self.rate else rate

    def arrived(self, iteration: int) -> bool:
        """At the stop-at iteration or the end of a Step: stop there.  ``True`` if it just did."""
        if self.active and self._stop_at is not None and iteration >= self._stop_at:
            self.state = self._stop_state
            return True
        return False

    @property
    def past_target(self) -> bool:
        """Running on past the stop-at target (Play was pressed at or after it)."""
        return self.state is RunState.RUNNING and self._stop_at is None
