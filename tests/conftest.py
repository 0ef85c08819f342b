"""Shared fixtures: an offscreen Qt platform, the main window, and a guard against stray threads.

Every :class:`app.session.TrainingSession` created during a test under ``tests/app`` is recorded
(strong references, so a running QThread is never garbage-collected under Qt's feet, which would
abort the whole pytest process).  At teardown a test fails if any of them still has a running
thread; the guard then shuts it down so the next tests are not affected.
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

APP_TESTS = Path(__file__).parent / "app"


@pytest.fixture(autouse=True)
def no_stray_training_threads(request, monkeypatch):
    """Fail the test if a training session's thread is still running when the test ends."""
    if APP_TESTS not in Path(request.node.path).parents:
        yield  # engine and CLI tests never import Qt
        return
    from app import session as session_module

    sessions: list = []
    original_init = session_module.TrainingSession.__init__

    def recording_init(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        sessions.append(self)

    monkeypatch.setattr(session_module.TrainingSession, "__init__", recording_init)
    yield sessions
    running = [s for s in sessions if s.is_running()]
    for s in running:  # clean up so that later tests are not affected, then report
        s.shutdown()
    assert not running, f"{len(running)} training thread(s) still running at teardown"
    stuck = [s for s in sessions if s.is_running()]
    assert not stuck, "a training thread did not stop even after shutdown()"


@pytest.fixture
def window(qtbot, monkeypatch):
    """The main window, shown, with its first frame drawn; closed (thread joined) at teardown.

    Error dialogs are recorded instead of shown (a modal box would block the test until its
    timeout) in ``window.reported_errors``; any left there fails the test at teardown.
    """
    from PyQt6 import QtWidgets

    from app.main_window import MainWindow

    errors: list[str] = []

    def record(parent, title, text, *args, **kwargs):
        errors.append(text)
        return QtWidgets.QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QtWidgets.QMessageBox, "warning", staticmethod(record))
    monkeypatch.setattr(QtWidgets.QMessageBox, "critical", staticmethod(record))
    w = MainWindow()
    w.reported_errors = errors
    qtbot.addWidget(w, before_close_func=lambda widget: widget.session.shutdown())
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.session.latest is not None and w.redraws > 0, timeout=5000)
    yield w
    w.close()
    assert w.session.is_running() is False, "closing the window did not join the training thread"
    assert not errors, f"the window reported errors: {errors}"
