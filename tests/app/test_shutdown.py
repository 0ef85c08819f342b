"""Closing the window stops and joins the training thread, whatever it is doing.

Each scenario runs in its own Python process (a thread left running would abort the whole pytest
session with "QThread: Destroyed while thread is still running").  The three processes are started
together, once per module, to keep the suite fast.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CLOSE_LIMIT_S = 5.0

SCRIPT = r"""
import os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, os.getcwd())
from PyQt6 import QtCore, QtWidgets
from app.main_window import MainWindow

mode = sys.argv[1]
app = QtWidgets.QApplication([])
QtCore.QTimer.singleShot(30000, lambda: os._exit(3))  # never hang the test run
window = MainWindow()
window.show()
session = window.session
phase = {"started": False}

def close_now():
    if phase.get("closed"):
        return
    phase["closed"] = True
    latest = session.latest
    print(f"closing at iteration {latest.snapshot.iteration} ({latest.state.value})", flush=True)
    started = time.perf_counter()
    window.close()
    print(f"close took {time.perf_counter() - started:.3f}", flush=True)
    print(f"thread running after close: {session.is_running()}", flush=True)
    app.quit()

def on_frame(frame):
    if phase["started"]:
        if mode in ("running", "stepping") and frame.snapshot.iteration > 0:
            close_now()
        return
    phase["started"] = True
    if mode == "paused":
        close_now()
    elif mode == "running":
        window.findChild(QtWidgets.QAbstractButton, "playPauseButton").click()
    elif mode == "stepping":
        window.findChild(QtWidgets.QSpinBox, "stepSizeSpin").setValue(1_000_000)
        window.findChild(QtWidgets.QAbstractButton, "stepButton").click()
        # close as soon as the step shows progress, or after 0.3 s (a million steps take minutes)
        QtCore.QTimer.singleShot(300, close_now)

session.frameReady.connect(on_frame)
status = app.exec()
print(f"exec returned {status}", flush=True)
sys.exit(status)
"""

MODES = ("paused", "running", "stepping")


@pytest.fixture(scope="module")
def outcomes():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    procs = {
        mode: subprocess.Popen(
            [sys.executable, "-c", SCRIPT, mode],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for mode in MODES
    }
    started = time.perf_counter()
    results = {}
    try:
        for mode, proc in procs.items():
            out, err = proc.communicate(timeout=60)
            results[mode] = (proc.returncode, out, err, time.perf_counter() - started)
    finally:
        for proc in procs.values():
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    return results


@pytest.mark.parametrize("mode", MODES)
def test_closing_the_window_joins_the_thread(outcomes, mode):
    status, out, err, _ = outcomes[mode]
    assert "QThread: Destroyed" not in err
    assert "Traceback" not in err, err
    assert status == 0, f"exit status {status}\nstdout:\n{out}\nstderr:\n{err}"
    assert "thread running after close: False" in out, out
    took = float(out.split("close took ")[1].split()[0])
    assert took < CLOSE_LIMIT_S, f"closing took {took:.1f} s"
    assert "exec returned 0" in out
