"""A scripted tour of the real application, for ``main.py --smoke-test``.

It plays the default run until at least ``ITERATIONS`` steps are drawn, switches to Chinese and
back, turns projector mode on and off, and closes the window (which joins the training thread).
Every stage waits on the app's own state through a polling timer, so nothing depends on timing.
"""

from __future__ import annotations

from collections.abc import Callable

from PyQt6 import QtCore, QtWidgets

from app.main_window import MainWindow

__all__ = ["SmokeTest"]

ITERATIONS = 200


class SmokeTest(QtCore.QObject):
    def __init__(self, window: MainWindow, timeout_ms: int) -> None:
        super().__init__(window)
        self.window = window
        self.failed = False
        self.report = ""
        self._stages: list[tuple[str, Callable[[], None], Callable[[], bool]]] = [
            ("play", window.toggle_play, self._trained),
            ("Chinese", lambda: window.set_language("zh_CN"), lambda: self._speaks("权重")),
            ("English", lambda: window.set_language("en"), lambda: self._speaks("weight")),
            ("projector on", lambda: window.set_projector_mode(True), self._drawn),
            ("projector off", lambda: window.set_projector_mode(False), self._drawn),
        ]
        self._stage = -1
        self._redraws = 0
        self._poll = QtCore.QTimer(self, interval=20)
        self._poll.timeout.connect(self._tick)
        self._deadline = QtCore.QTimer(self, singleShot=True, interval=timeout_ms)
        self._deadline.timeout.connect(lambda: self._finish(f"timed out at stage {self._name()}"))

    def start(self) -> None:
        self._deadline.start()
        self._poll.start()
        self._next()

    def _name(self) -> str:
        return self._stages[self._stage][0] if 0 <= self._stage < len(self._stages) else "-"

    def _trained(self) -> bool:
        frame = self.window.run.latest
        return frame is not None and frame.snapshot.iteration >= ITERATIONS and self._drawn()

    def _speaks(self, word: str) -> bool:
        """The translation was found and applied: the window title is in the new language."""
        return word in self.window.windowTitle() and self._drawn()

    def _drawn(self) -> bool:
        return self.window.redraws > self._redraws

    def _next(self) -> None:
        self._stage += 1
        if self._stage == len(self._stages):
            frame = self.window.run.latest
            self._finish(
                None,
                f"smoke test passed: {frame.snapshot.iteration} iterations, cost "
                f"{frame.snapshot.cost!r}, {self.window.redraws} redraws",
            )
            return
        self._redraws = self.window.redraws
        if self._stages[self._stage][1]() is False:  # e.g. a language whose file is missing
            self._finish(f"stage {self._name()} was refused")

    def _tick(self) -> None:
        if self._stage < len(self._stages) and self._stages[self._stage][2]():
            self._next()

    def _finish(self, error: str | None, message: str = "") -> None:
        self._poll.stop()
        self._deadline.stop()
        self.failed = error is not None
        self.report = f"smoke test FAILED: {error}" if error else message
        self.window.close()
        QtWidgets.QApplication.instance().quit()
