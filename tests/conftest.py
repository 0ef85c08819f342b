"""Shared fixtures: an offscreen Qt platform, the main window, and a guard against stray threads.

Every training thread started during a test under ``tests/app`` — the single run's, the
comparison's, any worker's — is recorded where they all start, :meth:`WorkerHandle._start`
(strong references, so a running QThread is never garbage-collected under Qt's feet, which would
abort the whole pytest process).  At teardown a test fails if any of them still runs; the guard
then shuts it down so the next tests are not affected.
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

APP_TESTS = Path(__file__).parent / "app"


@pytest.fixture(autouse=True)
def no_stray_training_threads(request, monkeypatch):
    """Fail the test if any worker's thread is still running when the test ends."""
    if APP_TESTS not in Path(request.node.path).parents:
        yield  # engine and CLI tests never import Qt
        return
    from app.threaded_worker import WorkerHandle

    handles: list = []
    original_start = WorkerHandle._start

    def recording_start(self, *args, **kwargs):
        handles.append(self)
        original_start(self, *args, **kwargs)

    monkeypatch.setattr(WorkerHandle, "_start", recording_start)
    yield handles
    running = [h for h in handles if h.is_running()]
    for h in running:  # clean up so that later tests are not affected, then report
        h.shutdown()
    names = sorted({type(h).__name__ for h in running})
    assert not running, f"{len(running)} training thread(s) still running at teardown: {names}"
    stuck = [h for h in handles if h.is_running()]
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
    qtbot.addWidget(w, before_close_func=lambda widget: widget.run.shutdown())
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.run.session.latest is not None and w.redraws > 0, timeout=5000)
    yield w
    w.close()
    assert w.run.session.is_running() is False, (
        "closing the window did not join the training thread"
    )
    assert not errors, f"the window reported errors: {errors}"
