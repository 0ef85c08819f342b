"""What the single-run and the comparison training share: a worker driven by a command queue in
its own ``QThread``, and the GUI thread's handle that starts, commands and joins it.

The worker's ``run()`` is one long loop, so Qt cannot deliver queued slot calls to it: the GUI
talks to it through a thread-safe queue (:meth:`CommandLoop.send`) that the loop drains between
short chunks of training, and blocks on while there is nothing to do.  An exception in a command
or a frame pauses training and is reported (``failed``) instead of killing the thread.
"""

from __future__ import annotations

import os
import queue
import sys
import traceback
from collections.abc import Callable, Sequence

from PyQt6 import QtCore
from threadpoolctl import threadpool_limits

from app.commands import Branch, Pause, Play, Seek, SetTarget, Step, Stop, TogglePlay
from app.frame_budget import grid_cost
from app.frames import RunState
from app.run_clock import RunClock

__all__ = ["CommandLoop", "WorkerHandle", "blas_threads_for"]

#: The training thread runs many short NumPy calls holding the GIL.  A 0.5 ms switch interval
#: (default 5 ms) lets the GUI thread in promptly: the redraw clock's p95 lateness fell from
#: ~14 ms to ~7 ms when it was introduced (benchmarks/gui_latency.py).
SWITCH_INTERVAL_S = 0.0005
#: A training step of at least this many multiply-adds (forward and backward over the training
#: set) gets every core's BLAS thread: 3000 points through 100,100 (~9e7) train ~1.6x faster on
#: two threads.  Smaller steps keep one: a second BLAS thread fighting the GUI for the other core
#: made the tutorial's small products up to 15x slower (4 ms vs 0.25 ms a boundary grid).
PARALLEL_STEP_MACS = 2e7


def blas_threads_for(layer_dims: Sequence[int], samples: int) -> int:
    """How many BLAS threads should train this network on ``samples`` points."""
    macs = 3 * samples * grid_cost(layer_dims)  # forward, and backward's two products per layer
    return (os.cpu_count() or 1) if macs >= PARALLEL_STEP_MACS else 1


class CommandLoop(QtCore.QObject):
    """Base of the training workers; subclasses give ``run``, ``_apply`` and ``_publish``.

    Everything but :meth:`send` runs on the worker thread.
    """

    frameReady = QtCore.pyqtSignal(object)  # an immutable frame (copies only)
    failed = QtCore.pyqtSignal(str)  # a human-readable error with the traceback
    finished = QtCore.pyqtSignal()

    def __init__(self, clock: RunClock) -> None:
        super().__init__()  # no parent: a parented QObject cannot be moved to another thread
        self._commands: queue.SimpleQueue = queue.SimpleQueue()
        self.clock = clock  # play, pause, step, target and chunk sizes (worker thread only)
        self._blas_threads = 0  # not set yet

    # -- called from the GUI thread -----------------------------------------------------------
    def send(self, command: object) -> None:
        """Queue a command; thread-safe, returns at once."""
        self._commands.put(command)

    # -- the worker thread ----------------------------------------------------------------------
    def _apply(self, command: object) -> None:
        raise NotImplementedError

    def _publish(self) -> None:
        raise NotImplementedError

    def use_blas_threads(self, threads: int) -> None:
        """Let BLAS use ``threads`` threads for the networks trained next.

        The limit is process-wide (OpenBLAS has one pool); only the training threads use BLAS
        for anything heavy, the GUI thread draws.
        """
        if threads != self._blas_threads:
            threadpool_limits(limits=threads, user_api="blas")
            self._blas_threads = threads

    def _guarded(self, action: Callable[[], None]) -> None:
        """Run ``action``; an exception pauses training and is reported instead of killing us."""
        try:
            action()
        except Exception:
            self.clock.halt(RunState.PAUSED)
            self.failed.emit(traceback.format_exc())
            self._safe_publish()

    def _safe_publish(self) -> None:
        """Publish, but if even the snapshot fails, report it and skip the frame."""
        try:
            self._publish()
        except Exception:
            self.failed.emit(traceback.format_exc())

    def _drain(self, timeout: float | None) -> bool:
        """Apply queued commands, first waiting up to ``timeout`` s for one (``None``: forever).

        Returns ``False`` once told to stop.
        """
        try:
            command = (
                self._commands.get_nowait() if timeout == 0 else self._commands.get(timeout=timeout)
            )
        except queue.Empty:
            return True
        while True:
            if isinstance(command, Stop):
                return False
            try:
                following = self._commands.get_nowait()
            except queue.Empty:
                following = None
            # A drag of the timeline queues a Seek per pixel: only the last one is worth a replay.
            if not (isinstance(command, Seek) and isinstance(following, Seek)):
                self._guarded(lambda c=command: self._apply(c))
            if following is None:
                return True
            command = following


class WorkerHandle(QtCore.QObject):
    """The GUI thread's side: owns the worker's ``QThread``; call :meth:`shutdown` before the
    app quits.  Subclasses build the worker, hand it to :meth:`_start` and accept its frames in
    ``_accept`` (dropping those of an older run id)."""

    frameReady = QtCore.pyqtSignal(object)  # a frame of the current run id only
    failed = QtCore.pyqtSignal(str)

    def _start(self, worker: CommandLoop, thread_name: str) -> None:
        sys.setswitchinterval(SWITCH_INTERVAL_S)
        self._thread = QtCore.QThread()
        self._thread.setObjectName(thread_name)
        self._worker = worker
        worker.moveToThread(self._thread)
        worker.frameReady.connect(self._accept, QtCore.Qt.ConnectionType.QueuedConnection)
        worker.failed.connect(self.failed, QtCore.Qt.ConnectionType.QueuedConnection)
        self._thread.started.connect(worker.run)
        self._thread.start()

    def _accept(self, frame: object) -> None:
        raise NotImplementedError

    # -- commands -------------------------------------------------------------------------------
    def play(self) -> None:
        self._worker.send(Play())

    def pause(self) -> None:
        self._worker.send(Pause())

    def toggle_play(self) -> None:
        """Run if paused, pause if running (the worker decides, so rapid clicks stay coherent)."""
        self._worker.send(TogglePlay())

    def step(self, n: int) -> None:
        """Take ``n`` steps if paused; pause (taking none) if running."""
        self._worker.send(Step(n))

    def set_target(self, iterations: int) -> None:
        """Where Play stops by itself (the stop-at iteration)."""
        self._worker.send(SetTarget(iterations))

    def seek(self, iteration: int) -> None:
        """Show ``iteration`` again (pauses training); at or past the newest, follow live."""
        self._worker.send(Seek(iteration))

    def branch(self) -> None:
        """Train on from the iteration on show, dropping the run's later iterations."""
        self._worker.send(Branch())

    # -- lifetime -------------------------------------------------------------------------------
    def is_running(self) -> bool:
        return self._thread.isRunning()

    def shutdown(self, timeout_ms: int = 10000) -> bool:
        """Stop the worker and join its thread; safe to call twice.  ``True`` if it stopped."""
        if not self._thread.isRunning():
            return True
        self._worker.send(Stop())
        self._thread.quit()
        return self._thread.wait(timeout_ms)
