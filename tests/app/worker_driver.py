"""Drives a training worker synchronously, in the test's own thread: the single run's and the
comparison's workers alike (both are a :class:`~app.threaded_worker.CommandLoop`).

``run()`` calls the worker's loop directly, so every frame arrives in order on this thread and a
test can react to each with the commands to send next; a timer sends ``Stop`` if a test's script
never ends, so a broken worker fails the test instead of hanging it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PyQt6 import QtCore

from app.commands import Stop
from app.threaded_worker import CommandLoop

__all__ = ["DIRECT", "WorkerDriver", "stop_when"]

DIRECT = QtCore.Qt.ConnectionType.DirectConnection


class WorkerDriver:
    """Runs ``worker`` in the calling thread; ``react(frame)`` returns commands to send next."""

    def __init__(self, worker: CommandLoop) -> None:
        self.worker = worker
        self.frames: list = []
        self.failures: list[str] = []
        self.stopped_by_guard = False
        worker.frameReady.connect(self._on_frame, DIRECT)
        worker.failed.connect(self.failures.append, DIRECT)
        self._react: Callable[[object], list | None] = lambda frame: None

    def _on_frame(self, frame: object) -> None:
        self.frames.append(frame)
        for command in self._react(frame) or ():
            self.worker.send(command)

    def _guard(self) -> None:
        self.stopped_by_guard = True
        self.worker.send(Stop())

    def run(self, commands=(), react=None, limit: float = 30.0) -> list:
        """Send ``commands``, then run the worker's loop until something sends ``Stop``."""
        if react is not None:
            self._react = react
        for command in commands:
            self.worker.send(command)
        guard = threading.Timer(limit, self._guard)
        guard.start()
        try:
            self.worker.run()
        finally:
            guard.cancel()
        return self.frames


def stop_when(predicate: Callable[[object], bool]) -> Callable[[object], list | None]:
    """A ``react`` that stops the worker at the first frame satisfying ``predicate``."""
    return lambda frame: [Stop()] if predicate(frame) else None
