"""Drive the main window into one state, close it, and report: run by ``test_shutdown.py``.

Usage: ``python tests/app/shutdown_driver.py SCENARIO TMPDIR`` (from the repository root).

Each scenario is a generator: it acts on the window through its public controls and yields what it
waits for (a condition polled every 10 ms, or a delay), then closes the window.  What the test
checks is printed on stdout:

    state at close: single=running compare=none
    closing at iteration single=1337 compare=none via window
    close took 0.012
    threads running after close: single=False compare=False
    thread running after close: False
    window visible after close: False
    exec returned 0
    threads running at exit: single=False compare=False

Every Qt message (debug, warning, critical, fatal) is written to stderr prefixed with
``QT-MESSAGE``, so the test can assert there are none.  A stuck process dumps every thread's
Python stack and exits 1 after ``WATCHDOG_S`` (faulthandler runs even if the GUI thread is
blocked in a ``QThread.wait``), well before the test's own kill timeout.
"""

from __future__ import annotations

import faulthandler
import os
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PyQt6 import QtCore, QtGui, QtWidgets  # noqa: E402

QT_PREFIX = "QT-MESSAGE"
WATCHDOG_S = 50  # from the start, and again from the close; the test kills at 60 s
WAIT_LIMIT_S = 25.0  # any single wait of a scenario (a divergence takes ~6 steps)
POLL_MS = 10
SLOW_CLOSE_S = 5.0  # the test's limit: a close this slow dumps every thread's stack
#: A close waits for the worker's current step; one step of the biggest network the window
#: allows (12 x 512 units on 5000 points) plus the comparison table's cost took ~6 s on a busy
#: 2-core machine.  Those scenarios get this much instead.
BIG_NETWORK_CLOSE_S = 30.0


def close_limit(scenario: str) -> float:
    return BIG_NETWORK_CLOSE_S if "big" in scenario else SLOW_CLOSE_S


BIG_TARGET = 1_000_000_000  # "stop at": far enough that a run is still running when closed


def _qt_message(kind: QtCore.QtMsgType, context: QtCore.QMessageLogContext, message: str) -> None:
    where = f" ({context.category})" if context.category not in (None, "default") else ""
    sys.stderr.write(f"{QT_PREFIX} {kind.name}{where}: {message}\n")
    sys.stderr.flush()


class Until:
    """Wait until ``predicate()`` is true (polled), failing after ``WAIT_LIMIT_S``."""

    def __init__(self, what: str, predicate: Callable[[], bool]) -> None:
        self.what, self.predicate = what, predicate


class Sleep:
    def __init__(self, ms: int) -> None:
        self.ms = ms


class Driver:
    def __init__(self, app: QtWidgets.QApplication, window, scenario: str, tmp: Path) -> None:
        self.app, self.window, self.tmp = app, window, tmp
        self.name = scenario
        self.closed = False
        self._steps: Iterator = SCENARIOS[scenario](self)
        self._wait: Until | None = None
        self._wait_started = 0.0
        self._poll = QtCore.QTimer()
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._check)
        # Start once the event loop runs: the window is shown and the worker has started.
        QtCore.QTimer.singleShot(0, self._advance)

    # -- the generator's engine ----------------------------------------------------------------
    def _check(self) -> None:
        wait = self._wait
        if wait is None:
            return
        if wait.predicate():
            self._advance()
        elif time.perf_counter() - self._wait_started > WAIT_LIMIT_S:
            self._fail(f"timed out waiting for {wait.what}")

    def _advance(self) -> None:
        # Stopped while a step runs: a step may open a modal dialog, whose event loop would
        # otherwise fire the poll again and re-enter the running generator.
        self._poll.stop()
        self._wait = None
        try:
            request = next(self._steps)
        except StopIteration:
            return
        except Exception:
            self._fail(traceback.format_exc())
            return
        if isinstance(request, Sleep):
            QtCore.QTimer.singleShot(request.ms, self._advance)
        else:
            self._wait, self._wait_started = request, time.perf_counter()
            self._poll.start()

    def _fail(self, message: str) -> None:
        sys.stderr.write(f"DRIVER FAILED: {message}\n")
        sys.stderr.flush()
        os._exit(4)  # threads may still run: don't wait for them

    # -- helpers for scenarios -----------------------------------------------------------------
    def find(self, name: str, kind=QtWidgets.QWidget):
        found = self.window.findChild(kind, name)
        if found is None:
            raise LookupError(f"no {kind.__name__} named {name!r}")
        return found

    def frame(self, what: str, predicate=lambda f: True) -> Until:
        """Wait for a frame of the current single run satisfying ``predicate``."""
        session = self.window.run.session

        def ok() -> bool:
            f = session.latest
            return f is not None and f.run_id == session.run_id and predicate(f)

        return Until(what, ok)

    def compare_frame(self, what: str, predicate=lambda f: True) -> Until:
        controller = self.window.compare

        def ok() -> bool:
            session = controller.session
            f = session.latest if session is not None else None
            return f is not None and predicate(f)

        return Until(what, ok)

    def single_running(self) -> Until:
        return self.frame(
            "the single run to be running",
            lambda f: f.state.value == "running" and f.snapshot.iteration > 0,
        )

    def compare_running(self) -> Until:
        return self.compare_frame(
            "the comparison to be running", lambda f: f.state.value == "running" and f.iteration > 0
        )

    def play_single(self) -> Until:
        """Press play on the single run (never finishing by itself); wait until it trains."""
        self.find("targetIterationsSpin", QtWidgets.QSpinBox).setValue(BIG_TARGET)
        self.find("playPauseButton", QtWidgets.QAbstractButton).click()
        return self.single_running()

    def play_compare(self) -> Until:
        """Switch to the comparison and press its play; wait until it trains."""
        self.window.mode_tabs.setCurrentWidget(self.find("compareView"))
        self.find("comparePlayButton", QtWidgets.QAbstractButton).click()
        return self.compare_running()

    def action(self, name: str) -> QtGui.QAction:
        return self.find(name, QtGui.QAction)

    def _states(self) -> str:
        single = self.window.run.session.latest
        compare = self.window.compare.session
        latest = compare.latest if compare is not None else None
        return (
            f"single={single.state.value if single else 'none'} "
            f"compare={latest.state.value if latest else 'none'}"
        )

    def _iterations(self) -> str:
        single = self.window.run.session.latest
        compare = self.window.compare.session
        latest = compare.latest if compare is not None else None
        return (
            f"single={single.snapshot.iteration if single else 'none'} "
            f"compare={latest.iteration if latest else 'none'}"
        )

    def _threads(self) -> tuple[bool, bool]:
        compare = self.window.compare.session
        return self.window.run.session.is_running(), compare is not None and compare.is_running()

    def close(self, how: str = "window") -> None:
        """Close the window: ``window.close()`` then ``app.quit()``, or as a user would."""
        if self.closed:
            return
        self.closed = True
        print(f"state at close: {self._states()}", flush=True)
        print(f"closing at iteration {self._iterations()} via {how}", flush=True)
        # A close slower than SLOW_CLOSE_S dumps every thread's stack (what the GUI thread waits
        # for, what the worker is busy with), then the watchdog is armed again.
        faulthandler.dump_traceback_later(close_limit(self.name))
        started = time.perf_counter()
        if how == "window":
            self.window.close()
            self.app.quit()
        elif how == "closeAllWindows":
            QtWidgets.QApplication.closeAllWindows()  # the app quits on its own: last window
        elif how == "QApplication.quit":
            self.app.quit()  # as the desktop session does at log-out: Qt closes the windows
        elif how == "quitAction":
            self.action("quitAction").trigger()  # File → Quit; the app quits on its own too
        else:
            raise ValueError(how)
        print(f"close took {time.perf_counter() - started:.3f}", flush=True)
        faulthandler.dump_traceback_later(WATCHDOG_S, exit=True)
        single, compare = self._threads()
        print(f"threads running after close: single={single} compare={compare}", flush=True)
        print(f"thread running after close: {single or compare}", flush=True)
        print(f"window visible after close: {self.window.isVisible()}", flush=True)


# -- scenarios ------------------------------------------------------------------------------------
def paused(d: Driver):
    yield d.frame("the first frame")
    d.close()


def running(d: Driver):
    yield d.play_single()
    d.close()


def stepping(d: Driver):
    yield d.frame("the first frame")
    d.find("stepSizeSpin", QtWidgets.QSpinBox).setValue(1_000_000)  # minutes of work
    d.find("stepButton", QtWidgets.QAbstractButton).click()
    yield d.frame("the step to make progress", lambda f: f.snapshot.iteration > 0)
    d.close()


def diverged(d: Driver):
    # Random ×10 weights, a 50,50,50 ReLU network and the largest learning rate the control
    # allows overflow within a few steps (tests/app/test_window_divergence.py).
    yield d.frame("the first frame")
    hidden = d.find("hiddenLayersEdit", QtWidgets.QLineEdit)
    hidden.setText("50,50,50")
    hidden.editingFinished.emit()
    combo = d.find("initializerCombo", QtWidgets.QComboBox)
    combo.setCurrentIndex(combo.findData("random"))
    lr = d.find("learningRateSpin", QtWidgets.QDoubleSpinBox)
    lr.setValue(lr.maximum())
    yield d.frame("the new configuration", lambda f: f.config.hidden == (50, 50, 50))
    d.find("playPauseButton", QtWidgets.QAbstractButton).click()
    yield d.frame("the run to diverge", lambda f: f.state.value == "diverged")
    yield Sleep(100)  # a few redraws of the diverged state
    d.close()


def comparing(d: Driver):
    yield d.frame("the first frame")
    yield d.play_compare()
    yield Sleep(200)  # the comparison's views redraw a few times
    d.close()


def comparing_and_single(d: Driver):
    yield d.play_single()
    yield d.play_compare()
    yield d.single_running()
    d.close()


def export_picture(d: Driver):
    """Close from inside ``write_picture``: when it reports "Saved …" on the status bar."""
    yield d.play_single()
    path = d.tmp / "cost.png"
    d.window.statusBar().messageChanged.connect(lambda _text: d.close())
    ok = d.window.files.write_picture(d.window.cost_plot, path)
    print(f"write_picture returned {ok}, file written: {path.exists()}", flush=True)


def export_window_and_history(d: Driver):
    """Picture of the whole window and the history CSV while training, then close at once."""
    yield d.play_single()
    png, csv = d.tmp / "window.png", d.tmp / "history.csv"
    ok_png = d.window.files.write_picture(d.window, png)
    ok_csv = d.window.files.write_history(csv)
    d.close()
    print(f"write_picture returned {ok_png}, file written: {png.exists()}", flush=True)
    print(f"write_history returned {ok_csv}, file written: {csv.exists()}", flush=True)


def _close_dialog_then(d: Driver, how: str, close_dialog: bool) -> None:
    """Poll until File → Save picture's modal dialog is up, then close it (or not) and the app."""

    def check() -> None:
        dialog = QtWidgets.QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible():
            return
        timer.stop()
        print(f"modal dialog open: {type(dialog).__name__}", flush=True)
        if close_dialog:
            dialog.close()
        d.close(how)

    timer = QtCore.QTimer(d.window)
    timer.timeout.connect(check)
    timer.start(20)


def save_dialog(d: Driver):
    yield d.play_single()
    _close_dialog_then(d, "window", close_dialog=True)
    d.window.files.save_picture(d.window.cost_plot)  # modal: returns once the dialog is gone
    print("save_picture returned", flush=True)


def save_dialog_close_all(d: Driver):
    """Log-out while the dialog is open: every top-level window, the dialog too, is closed."""
    yield d.play_single()
    _close_dialog_then(d, "closeAllWindows", close_dialog=False)
    d.window.files.save_picture(d.window.cost_plot)
    print("save_picture returned", flush=True)


def chinese(d: Driver):
    yield d.play_single()
    print(f"set_language returned {d.window.set_language('zh_CN')}", flush=True)
    yield Sleep(200)  # redraws in Chinese while training goes on
    yield d.single_running()
    print(f"language at close: {d.window.language}", flush=True)
    d.close()


def projector(d: Driver):
    yield d.play_single()
    d.action("projectorModeAction").trigger()
    yield Sleep(200)
    yield d.single_running()
    print(f"projector at close: {d.window.palette_.projector}", flush=True)
    d.close()


def full_screen(d: Driver):
    yield d.play_single()
    d.action("fullScreenAction").trigger()
    yield Until("the window to be full screen", d.window.isFullScreen)
    yield Sleep(200)
    yield d.single_running()
    print(f"full screen at close: {d.window.isFullScreen()}", flush=True)
    d.close()


def big_network(d: Driver):
    """The largest network allowed (12 x 512), run after a tiny one (one hidden unit) ran."""
    yield d.frame("the first frame")
    hidden = d.find("hiddenLayersEdit", QtWidgets.QLineEdit)
    hidden.setText("1")
    hidden.editingFinished.emit()
    yield d.frame("the tiny network", lambda f: f.config.hidden == (1,))
    yield d.play_single()
    yield Sleep(300)  # the worker has timed a few chunks of the tiny network
    hidden.setText(",".join(["512"] * 12))
    hidden.editingFinished.emit()
    yield d.frame("the big network", lambda f: len(f.config.hidden) == 12)
    d.find("playPauseButton", QtWidgets.QAbstractButton).click()
    yield d.frame("the big network to be running", lambda f: f.state.value == "running")
    yield Sleep(500)  # a step of it takes about a second
    d.close()


def compare_big_addition(d: Driver):
    """A 12 x 512 network added to the running comparison: it catches up, alone, then runs."""
    yield d.frame("the first frame")
    yield d.play_compare()
    yield d.compare_frame("the comparison past iteration 300", lambda f: f.iteration > 300)
    d.find("compareHiddenEdit", QtWidgets.QLineEdit).setText(",".join(["512"] * 12))
    d.find("compareAddButton", QtWidgets.QAbstractButton).click()
    yield d.compare_frame("the big addition", lambda f: len(f.rows) == 4)
    yield Sleep(500)
    d.close()


def close_all_windows(d: Driver):
    yield d.play_single()
    d.close("closeAllWindows")


def quit_action(d: Driver):
    yield d.play_single()
    d.close("quitAction")


def application_quit(d: Driver):
    yield d.play_single()
    d.close("QApplication.quit")


SCENARIOS: dict[str, Callable[[Driver], Iterator]] = {
    f.__name__: f
    for f in (
        paused,
        running,
        stepping,
        diverged,
        comparing,
        comparing_and_single,
        export_picture,
        export_window_and_history,
        save_dialog,
        save_dialog_close_all,
        chinese,
        projector,
        full_screen,
        close_all_windows,
        quit_action,
        application_quit,
        big_network,
        compare_big_addition,
    )
}


def main(argv: list[str]) -> int:
    scenario, tmp = argv[0], Path(argv[1])
    if scenario not in SCENARIOS:
        print(f"unknown scenario {scenario!r}", file=sys.stderr)
        return 2
    faulthandler.enable()
    faulthandler.dump_traceback_later(WATCHDOG_S, exit=True)
    QtCore.qInstallMessageHandler(_qt_message)
    app = QtWidgets.QApplication([sys.argv[0]])
    from app.main_window import MainWindow

    window = MainWindow()
    window.show()
    driver = Driver(app, window, scenario, tmp)
    status = app.exec()
    print(f"exec returned {status}", flush=True)
    if not driver.closed:
        print("DRIVER FAILED: the event loop ended before the scenario closed", file=sys.stderr)
        return 4
    single, compare = driver._threads()
    print(f"threads running at exit: single={single} compare={compare}", flush=True)
    # The window before the application (as app/launch.py does): at the end of main() Python
    # would drop them in its own order, and a window outliving QApplication crashed at exit.
    del driver, window
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
