"""File → Export animation… in the window: a progress dialog with Cancel, a finished file of
the run's exact frames, nothing left behind by a cancel, and the live run left alone."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image
from PyQt6 import QtGui, QtWidgets, sip

from app.animation import dialog as animation_dialog
from app.animation.dialog import AnimationExporter, ExportOptionsDialog
from app.frames import RunState
from engine.cli_options import AnimationOptions
from engine.trainer import Trainer

STEPS = 300


def trained(window, qtbot, steps: int = STEPS):
    """The window's run trained ``steps`` iterations and paused there."""
    window.run.step(steps)
    qtbot.waitUntil(
        lambda: (
            (frame := window.run.latest_full) is not None
            and frame.newest_iteration == steps
            and frame.state is not RunState.STEPPING
        ),
        timeout=10000,
    )
    return window


@pytest.fixture
def dialogs(monkeypatch, tmp_path):
    """The file dialog answers ``tmp_path/run`` (GIF chosen); the options dialog is accepted
    with 20 frames, 640 px wide (its own spin boxes set, as a user would)."""
    asked = {}

    def save_name(parent, title, suggestion, filters, *args):
        asked["filters"] = filters
        return str(tmp_path / "run"), filters.split(";;")[0]

    def accept(self):
        self.frames.setValue(20)
        self.width_box.setValue(640)
        asked["summary"] = self.summary.text()
        return QtWidgets.QDialog.DialogCode.Accepted

    monkeypatch.setattr(QtWidgets.QFileDialog, "getSaveFileName", staticmethod(save_name))
    monkeypatch.setattr(ExportOptionsDialog, "exec", accept)
    return asked


def export_action(window) -> QtGui.QAction:
    action = window.findChild(QtGui.QAction, "exportAnimationAction")
    assert action is not None
    return action


def test_the_file_menu_offers_the_export(window):
    action = export_action(window)
    file_menu = window.findChild(QtWidgets.QMenu, "fileMenu")
    assert action in file_menu.actions()
    assert action.text().replace("&", "").startswith("Export animation")
    assert "GIF" in action.toolTip()


def test_the_action_exports_the_run_with_a_progress_dialog(window, qtbot, tmp_path, dialogs):
    trained(window, qtbot)
    session, run_id = window.run.session, window.run.session.run_id
    export_action(window).trigger()
    exporter = window.menus.animation
    job = exporter.job
    assert job is not None and job.thread.isRunning()
    progress = window.findChild(QtWidgets.QProgressDialog, "exportAnimationProgress")
    assert progress is not None and progress.isVisible()
    steps = []
    job.progressed.connect(lambda done, total: steps.append((done, total, progress.value())))
    with qtbot.waitSignal(job.finished, timeout=60000) as finished:
        pass
    result = finished.args[0]
    assert steps[-1] == (20, 20, 20) and [s[0] for s in steps] == list(range(1, 21))
    assert "20 frames" in dialogs["summary"] and "300" in dialogs["summary"]
    assert "*.gif" in dialogs["filters"] and "*.webp" in dialogs["filters"]
    path = tmp_path / "run.gif"  # the chosen filter's extension, added to the name
    assert result.path == path and [p.name for p in tmp_path.iterdir()] == ["run.gif"]
    with Image.open(path) as gif:
        assert gif.n_frames >= 20 and gif.width >= 640
    reference = Trainer(window.run.config)
    reference.step(STEPS + 1)
    _its, costs = reference.history.view().arrays()
    assert result.iterations[0] == 0 and result.iterations[-1] == STEPS
    assert all(cost == costs[it] for it, cost in result.shown)  # exactly the engine's
    assert not job.thread.isRunning() and exporter.job is None
    assert sip.isdeleted(progress) or not progress.isVisible()  # closed, maybe deleted too
    assert str(path) in window.statusBar().currentMessage()
    # the live run was never touched: same session, same run, still where it was
    assert window.run.session is session and session.run_id == run_id and session.is_running()
    assert window.run.latest.snapshot.iteration == STEPS


def test_cancel_in_the_progress_dialog_leaves_no_file(window, qtbot, tmp_path, dialogs):
    trained(window, qtbot)
    export_action(window).trigger()
    job = window.menus.animation.job
    progress = window.findChild(QtWidgets.QProgressDialog, "exportAnimationProgress")
    cancel = progress.findChild(QtWidgets.QPushButton)
    job.progressed.connect(lambda done, _total: done == 3 and cancel.click())
    with qtbot.waitSignal(job.cancelled, timeout=60000):
        pass
    assert not job.thread.isRunning()
    assert list(tmp_path.iterdir()) == []  # neither the file nor a temporary one
    assert "cancelled" in window.statusBar().currentMessage()
    assert window.menus.animation.job is None  # ready for another


def test_without_key_frames_the_export_trains_a_copy_of_the_run(
    window, qtbot, tmp_path, dialogs, monkeypatch
):
    trained(window, qtbot, 120)
    monkeypatch.setattr(animation_dialog, "record_of_frame", lambda frame, data: None)
    export_action(window).trigger()
    job = window.menus.animation.job
    with qtbot.waitSignal(job.finished, timeout=60000) as finished:
        pass
    reference = Trainer(window.run.config)
    reference.step(121)
    _its, costs = reference.history.view().arrays()
    shown = finished.args[0].shown
    assert len(shown) == 20 and shown[-1][0] == 120
    assert all(cost == costs[it] for it, cost in shown)


def test_closing_the_window_mid_export_joins_the_export_thread(window, qtbot, tmp_path, dialogs):
    trained(window, qtbot)
    export_action(window).trigger()
    job = window.menus.animation.job
    qtbot.waitSignal(job.progressed, timeout=30000).wait()
    window.close()
    assert not job.thread.isRunning()
    assert list(tmp_path.iterdir()) == []


def test_an_untrained_run_is_not_exported(window, monkeypatch):
    asked = []
    monkeypatch.setattr(
        QtWidgets.QFileDialog, "getSaveFileName", staticmethod(lambda *a: asked.append(a))
    )
    export_action(window).trigger()
    assert asked == []  # refused before asking for a file
    assert len(window.reported_errors) == 1 and "Train the run first" in window.reported_errors[0]
    window.reported_errors.clear()


def test_a_bad_name_or_folder_is_refused_before_any_work(window, qtbot, tmp_path):
    trained(window, qtbot, 10)
    exporter = AnimationExporter(window)  # what the action makes on first use
    assert exporter.export(tmp_path / "missing" / "run.gif", exporter.options) is None
    assert exporter.export(tmp_path / "run.png", exporter.options) is None
    assert exporter.job is None
    assert len(window.reported_errors) == 2
    assert "missing" in window.reported_errors[0] and ".gif" in window.reported_errors[1]
    window.reported_errors.clear()
    assert list(tmp_path.iterdir()) == []


def test_the_options_dialog_says_how_long_the_animation_plays(qtbot):
    dialog = ExportOptionsDialog(AnimationOptions(frames=60, fps=12), 15000)
    qtbot.addWidget(dialog)
    assert "60 frames" in dialog.summary.text() and "5.0 s" in dialog.summary.text()
    dialog.fps.setValue(24)
    assert "2.5 s" in dialog.summary.text()
    short = ExportOptionsDialog(AnimationOptions(frames=60, fps=12), 9)
    qtbot.addWidget(short)
    assert "10 frames" in short.summary.text()  # at most one frame per iteration
    assert dialog.options() == AnimationOptions(frames=60, fps=24, spacing="log", width=960)
    assert np.isclose(dialog.options().seconds, 2.5)
