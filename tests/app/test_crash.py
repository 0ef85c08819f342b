"""The crash handler: an unhandled exception anywhere is logged and shown, and the app lives on.

pytest-qt installs its own ``sys.excepthook`` from test setup to teardown (to fail a test on an
exception in a Qt slot).  The ``handler`` fixture installs the crash handler on top of it during
setup and uninstalls it in teardown, which gives pytest-qt its hook back: while a test runs, the
exceptions it provokes reach the crash handler only, and any exception the handler passes on (or
fails to catch) still fails the test through pytest-qt.  The same goes for pytest's own
``threading.excepthook``.  Nothing sleeps: every wait is on the handler's ``reported`` signal.
"""

from __future__ import annotations

import sys
import threading

import pytest
from PyQt6 import QtCore, QtWidgets

from app import crash
from app.crash import CrashDialog, CrashHandler, default_log_path, install_crash_handler

TIMEOUT = 5000


@pytest.fixture
def log_path(tmp_path):
    return tmp_path / "logs" / "initscope.log"


@pytest.fixture
def handler(qapp, log_path):
    h = install_crash_handler(qapp, log_path=log_path)
    yield h
    h.uninstall()


def visible_crash_dialogs() -> list[QtWidgets.QWidget]:
    return [
        w
        for w in QtWidgets.QApplication.topLevelWidgets()
        if w.objectName() == "crashDialog" and w.isVisible()
    ]


def details_of(dialog: QtWidgets.QWidget) -> str:
    details = dialog.findChild(QtWidgets.QPlainTextEdit, "crashDetails")
    assert details is not None and details.isReadOnly()
    return details.toPlainText()


def raise_in_slot(message: str = "slot went wrong") -> None:
    raise ZeroDivisionError(message)


def still_running(qtbot) -> None:
    """The event loop still delivers: the process survived the exception."""
    timer = QtCore.QTimer(singleShot=True, interval=0)
    with qtbot.waitSignal(timer.timeout, timeout=TIMEOUT):
        timer.start()


def test_exception_in_a_slot_shows_the_dialog_and_logs_it(qtbot, handler, log_path):
    with qtbot.waitSignal(handler.reported, timeout=TIMEOUT) as blocker:
        QtCore.QTimer.singleShot(0, lambda: raise_in_slot("the slot marker"))
    report = blocker.args[0]
    assert report.exc_type == "ZeroDivisionError" and report.message == "the slot marker"

    [dialog] = visible_crash_dialogs()
    assert dialog is handler.dialog
    text = details_of(dialog)
    assert "Traceback (most recent call last)" in text
    assert "in raise_in_slot" in text and "ZeroDivisionError: the slot marker" in text
    logged = log_path.read_text(encoding="utf-8")
    assert "Unhandled exception in thread" in logged
    assert "ZeroDivisionError: the slot marker" in logged and "in raise_in_slot" in logged
    still_running(qtbot)
    assert handler.count == 1 and list(handler.reports) == [report]


def test_exception_in_a_python_thread_reaches_the_gui_thread(qtbot, handler, log_path):
    def work() -> None:
        raise RuntimeError("the thread marker")

    thread = threading.Thread(target=work, name="initscope-test-worker")
    with qtbot.waitSignal(handler.reported, timeout=TIMEOUT) as blocker:
        thread.start()
    thread.join(TIMEOUT / 1000)
    assert not thread.is_alive()
    assert blocker.args[0].thread == "initscope-test-worker"

    [dialog] = visible_crash_dialogs()
    assert dialog.thread() is QtWidgets.QApplication.instance().thread()
    text = details_of(dialog)
    assert "RuntimeError: the thread marker" in text and "in work" in text
    assert "initscope-test-worker" in text
    logged = log_path.read_text(encoding="utf-8")
    assert "RuntimeError: the thread marker" in logged
    assert "[initscope-test-worker]" in logged  # logged on the thread that raised
    still_running(qtbot)


def test_exception_in_qthread_run_does_not_abort(qtbot, handler, log_path):
    class Failing(QtCore.QThread):
        def run(self) -> None:
            raise ValueError("the QThread marker")

    thread = Failing()
    thread.setObjectName("failingQThread")
    with qtbot.waitSignal(handler.reported, timeout=TIMEOUT) as blocker:
        thread.start()
    assert thread.wait(TIMEOUT)
    assert blocker.args[0].thread == "failingQThread"
    [dialog] = visible_crash_dialogs()
    assert "ValueError: the QThread marker" in details_of(dialog)
    assert "ValueError: the QThread marker" in log_path.read_text(encoding="utf-8")
    still_running(qtbot)


def test_copy_details_puts_the_report_on_the_clipboard(qtbot, handler):
    with qtbot.waitSignal(handler.reported, timeout=TIMEOUT):
        QtCore.QTimer.singleShot(0, lambda: raise_in_slot("the copy marker"))
    dialog = handler.dialog
    clipboard = QtWidgets.QApplication.clipboard()
    clipboard.setText("something else")
    copy = dialog.findChild(QtWidgets.QPushButton, "copyDetailsButton")
    qtbot.mouseClick(copy, QtCore.Qt.MouseButton.LeftButton)
    copied = clipboard.text()
    assert "ZeroDivisionError: the copy marker" in copied
    assert "Traceback (most recent call last)" in copied
    assert copied.startswith("InitScope ")  # the versions come first, for a bug report
    assert dialog.findChild(QtWidgets.QLabel, "crashCopiedLabel").isVisible()


def test_details_are_collapsed_until_asked_for(qtbot, handler):
    with qtbot.waitSignal(handler.reported, timeout=TIMEOUT):
        QtCore.QTimer.singleShot(0, raise_in_slot)
    dialog = handler.dialog
    details = dialog.findChild(QtWidgets.QPlainTextEdit, "crashDetails")
    toggle = dialog.findChild(QtWidgets.QPushButton, "showDetailsButton")
    assert not details.isVisible()
    text_before = toggle.text()
    qtbot.mouseClick(toggle, QtCore.Qt.MouseButton.LeftButton)
    assert details.isVisible() and toggle.text() != text_before
    qtbot.mouseClick(toggle, QtCore.Qt.MouseButton.LeftButton)
    assert not details.isVisible() and toggle.text() == text_before


def test_a_burst_of_exceptions_gives_one_dialog_with_a_count(qtbot, handler, log_path):
    def failing(i: int) -> None:
        raise KeyError(f"burst {i}")

    for i in range(20):
        QtCore.QTimer.singleShot(0, lambda i=i: failing(i))
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.count == 20)

    [dialog] = visible_crash_dialogs()
    assert handler.count == 20
    text = details_of(dialog)
    assert all(f"KeyError: 'burst {i}'" in text for i in range(20))
    count_label = dialog.findChild(QtWidgets.QLabel, "crashCountLabel")
    assert count_label.isVisible() and "20" in count_label.text()
    # the log keeps the first tracebacks of one kind in full, then a summary now and then
    logged = log_path.read_text(encoding="utf-8")
    assert logged.count("Traceback (most recent call last)") == crash.FULL_LOGS_PER_KIND
    assert "The same error again, 10 times so far" in logged
    assert "burst 0" in logged


def test_identical_repeats_are_counted_not_listed(qtbot, handler):
    for _ in range(30):
        QtCore.QTimer.singleShot(0, raise_in_slot)
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.count == 30)
    [dialog] = visible_crash_dialogs()
    assert len(dialog.shown_texts()) == 1
    assert details_of(dialog).count("ZeroDivisionError: slot went wrong") == 1
    assert "30 errors in all" in dialog.details_text()


def test_a_closed_error_does_not_come_back_but_a_new_one_does(qtbot, handler):
    with qtbot.waitSignal(handler.reported, timeout=TIMEOUT):
        QtCore.QTimer.singleShot(0, raise_in_slot)
    dialog = handler.dialog
    close = dialog.findChild(QtWidgets.QPushButton, "closeButton")
    qtbot.mouseClick(close, QtCore.Qt.MouseButton.LeftButton)
    assert not visible_crash_dialogs() and handler.dialog is None

    with qtbot.waitSignal(handler.reported, timeout=TIMEOUT):
        QtCore.QTimer.singleShot(0, raise_in_slot)  # the very same error: counted only
    assert not visible_crash_dialogs() and handler.count == 2

    with qtbot.waitSignal(handler.reported, timeout=TIMEOUT):
        QtCore.QTimer.singleShot(0, lambda: raise_in_slot("something new"))
    [dialog] = visible_crash_dialogs()
    assert "something new" in details_of(dialog)


def test_uninstall_restores_the_previous_hooks(qapp, log_path):
    before_sys, before_threading = sys.excepthook, threading.excepthook
    h = install_crash_handler(qapp, log_path=log_path)
    assert sys.excepthook is not before_sys and threading.excepthook is not before_threading
    assert h.installed
    h.uninstall()
    assert sys.excepthook is before_sys and threading.excepthook is before_threading
    assert not h.installed
    h.uninstall()  # twice is harmless
    assert sys.excepthook is before_sys


def test_uninstall_leaves_a_hook_installed_later_alone(qapp, log_path, monkeypatch):
    h = install_crash_handler(qapp, log_path=log_path)

    def later_hook(*args):
        pass

    monkeypatch.setattr(sys, "excepthook", later_hook)
    h.uninstall()
    assert sys.excepthook is later_hook


def test_keyboard_interrupt_goes_to_the_previous_hook(qapp, handler, monkeypatch):
    seen: list[type] = []
    monkeypatch.setattr(handler, "_previous_excepthook", lambda t, v, tb: seen.append(t))
    sys.excepthook(KeyboardInterrupt, KeyboardInterrupt(), None)
    assert seen == [KeyboardInterrupt] and handler.count == 0


def test_system_exit_in_a_thread_is_silent(qtbot, handler):
    thread = threading.Thread(target=sys.exit, args=(0,))
    thread.start()
    thread.join(TIMEOUT / 1000)
    still_running(qtbot)
    assert handler.count == 0 and not visible_crash_dialogs()


def test_a_broken_dialog_does_not_loop(qtbot, handler, monkeypatch):
    def broken(self, report):
        raise RuntimeError("the dialog itself is broken")

    monkeypatch.setattr(CrashDialog, "add_report", broken)
    with qtbot.waitSignal(handler.reported, timeout=TIMEOUT):
        QtCore.QTimer.singleShot(0, raise_in_slot)
    with qtbot.waitSignal(handler.reported, timeout=TIMEOUT):
        QtCore.QTimer.singleShot(0, lambda: raise_in_slot("again"))
    still_running(qtbot)
    assert handler.count == 2  # both logged and counted, no endless chain of reports


def test_the_dialog_retranslates_live(qtbot, qapp, handler):
    with qtbot.waitSignal(handler.reported, timeout=TIMEOUT):
        QtCore.QTimer.singleShot(0, raise_in_slot)
    dialog = handler.dialog
    copy = dialog.findChild(QtWidgets.QPushButton, "copyDetailsButton")
    assert copy.text() == "Copy details" and copy.accessibleName()

    class Marking(QtCore.QTranslator):
        def translate(self, context, source, disambiguation=None, n=-1):
            return f"«{source}»" if context == "CrashDialog" else ""

        def isEmpty(self):  # an empty translator would not send LanguageChange
            return False

    translator = Marking()
    qapp.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: copy.text() == "«Copy details»")
        assert dialog.windowTitle().startswith("«")
        assert dialog.findChild(QtWidgets.QLabel, "crashMessage").text().startswith("«")
    finally:
        qapp.removeTranslator(translator)
    qtbot.waitUntil(lambda: copy.text() == "Copy details")


def test_controls_have_names_and_take_keyboard_focus(qtbot, handler):
    with qtbot.waitSignal(handler.reported, timeout=TIMEOUT):
        QtCore.QTimer.singleShot(0, raise_in_slot)
    dialog = handler.dialog
    for name in ("showDetailsButton", "copyDetailsButton", "closeButton"):
        button = dialog.findChild(QtWidgets.QPushButton, name)
        assert button.accessibleName(), name
        assert button.focusPolicy() & QtCore.Qt.FocusPolicy.TabFocus, name
    assert dialog.findChild(QtWidgets.QPlainTextEdit, "crashDetails").accessibleName()


def test_the_log_goes_to_the_platforms_log_folder_by_default(qapp):
    from app.paths import default_log_dir

    path = default_log_path()
    assert path.name == "initscope.log"
    assert path.parent == default_log_dir()  # tests/test_log_place.py checks each platform's


def test_an_unwritable_log_falls_back_to_stderr_only(qapp, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    h = CrashHandler(qapp, log_path=blocker / "initscope.log")
    try:
        assert h.log_path is None
    finally:
        h.uninstall()
