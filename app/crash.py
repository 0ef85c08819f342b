"""Never die on the user: unhandled exceptions are logged and shown, and the app keeps running.

Without a replaced ``sys.excepthook``, PyQt6 aborts the whole process on an exception that escapes
a slot, a virtual method (``paintEvent`` …) or ``QThread.run()``; an exception in a Python
``threading.Thread`` only kills that thread, silently for a GUI user.  :func:`install_crash_handler`
replaces both hooks.  A hook runs on whichever thread raised, so it only does thread-safe work
there — it formats the traceback, writes it to the log (``logging``: a rotating file and stderr)
and emits a signal — and the :class:`CrashDialog` is shown by the GUI thread, which receives that
signal queued.

What Python cannot catch reaches the log too, while the handler is installed: Qt's own warnings
and errors (``QtCore.qInstallMessageHandler``, logger ``initscope.qt``), and native crashes
(:mod:`faulthandler` writes the C-level tracebacks of a segmentation fault or abort to
``initscope-native.log`` beside the log; the next start copies them into the log).  The log
lives in the platform's log folder (:func:`app.paths.default_log_dir`).

Repeated errors never stack up windows: one dialog at a time collects every report, with a count;
an error the user has already seen and closed is only logged and counted; a new kind of error opens
the dialog again.  The log keeps the first few tracebacks of each kind in full and then only a
summary now and then, so an error in a 60-per-second timer cannot rotate the first one away.
"""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import logging.handlers
import platform
import sys
import threading
import traceback
from collections import deque
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PyQt6 import QtCore, QtGui, QtWidgets, sip

from app.i18n import Retranslatable, translate
from app.paths import LOG_FILE_NAME, default_log_dir
from app.version import __version__

__all__ = [
    "LOG_FILE_NAME",
    "CrashDialog",
    "CrashHandler",
    "CrashReport",
    "default_log_path",
    "environment_summary",
    "install_crash_handler",
]

#: the logger whose records go to the log file and stderr (every ``initscope.*`` logger)
LOGGER_NAME = "initscope"
#: where faulthandler writes a native crash's tracebacks (beside the log); copied into it later
NATIVE_LOG_FILE_NAME = "initscope-native.log"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 3
LOG_FORMAT = "%(asctime)s %(levelname)s [%(threadName)s] %(name)s: %(message)s"
#: reports kept in :attr:`CrashHandler.reports` (the count goes on beyond)
KEPT_REPORTS = 100
#: tracebacks of one kind (same exception type raised at the same place) logged in full
FULL_LOGS_PER_KIND = 3
#: distinct tracebacks listed in one dialog; further ones are counted (and logged)
SHOWN_PER_DIALOG = 20
_MAX_KINDS_REMEMBERED = 1000

log = logging.getLogger(f"{LOGGER_NAME}.crash")
qt_log = logging.getLogger(f"{LOGGER_NAME}.qt")

_QT_LEVELS = {
    QtCore.QtMsgType.QtDebugMsg: logging.DEBUG,
    QtCore.QtMsgType.QtInfoMsg: logging.INFO,
    QtCore.QtMsgType.QtWarningMsg: logging.WARNING,
    QtCore.QtMsgType.QtCriticalMsg: logging.ERROR,
    QtCore.QtMsgType.QtFatalMsg: logging.CRITICAL,
}

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def default_log_path() -> Path:
    """``initscope.log`` in the platform's log folder (:func:`app.paths.default_log_dir`)."""
    return default_log_dir() / LOG_FILE_NAME


def environment_summary() -> str:
    """One line naming the versions that matter in a bug report."""
    return (
        f"InitScope {__version__} | Python {platform.python_version()} | "
        f"PyQt6 {QtCore.PYQT_VERSION_STR} | Qt {QtCore.qVersion()} | {platform.platform()}"
    )


@dataclass(frozen=True)
class CrashReport:
    """One unhandled exception, as text only (a traceback object would keep its frames alive)."""

    exc_type: str
    message: str
    text: str
    thread: str
    when: datetime
    kind: tuple

    @classmethod
    def from_exception(
        cls,
        exc_type: type[BaseException],
        exc_value: BaseException | None,
        tb: TracebackType | None,
        thread: str,
    ) -> CrashReport:
        text = "".join(traceback.format_exception(exc_type, exc_value, tb))
        frames = tuple((f.filename, f.lineno, f.name) for f in traceback.extract_tb(tb))
        return cls(
            exc_type=exc_type.__qualname__,
            message=str(exc_value) if exc_value is not None else "",
            text=text,
            thread=thread,
            when=datetime.now(),
            kind=(exc_type.__module__, exc_type.__qualname__, frames),
        )

    @property
    def summary(self) -> str:
        return f"{self.exc_type}: {self.message}" if self.message else self.exc_type


class CrashDialog(Retranslatable, QtWidgets.QDialog):
    """Says that something went wrong, without blocking: details, copy, close.

    Show it with ``show()``; :meth:`add_report` appends a further report to an open dialog.
    """

    def __init__(
        self, parent: QtWidgets.QWidget | None = None, log_path: Path | None = None
    ) -> None:
        super().__init__(parent, objectName="crashDialog")
        self.log_path = log_path
        self.count = 0
        self._shown: list[str] = []  # distinct traceback texts listed in the details
        self.setModal(False)
        self.setSizeGripEnabled(True)

        icon = QtWidgets.QLabel(objectName="crashIcon")
        warning = QtWidgets.QStyle.StandardPixmap.SP_MessageBoxWarning
        icon.setPixmap(self.style().standardIcon(warning).pixmap(48, 48))
        icon.setAlignment(QtCore.Qt.AlignmentFlag.AlignTop)
        selectable = QtCore.Qt.TextInteractionFlag.TextSelectableByMouse
        self.message = QtWidgets.QLabel(objectName="crashMessage", wordWrap=True)
        self.message.setTextInteractionFlags(selectable)
        self.count_label = QtWidgets.QLabel(objectName="crashCountLabel")
        self.count_label.setVisible(False)
        self.log_label = QtWidgets.QLabel(objectName="crashLogLabel", wordWrap=True)
        self.log_label.setTextInteractionFlags(selectable)
        self.log_label.setVisible(log_path is not None)
        self.copied_label = QtWidgets.QLabel(objectName="crashCopiedLabel")
        self.copied_label.setVisible(False)

        self.details_button = QtWidgets.QPushButton(objectName="showDetailsButton")
        self.details_button.setCheckable(True)
        self.details_button.toggled.connect(self.set_details_visible)
        self.details = QtWidgets.QPlainTextEdit(objectName="crashDetails")
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QtWidgets.QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setFont(
            QtGui.QFontDatabase.systemFont(QtGui.QFontDatabase.SystemFont.FixedFont)
        )
        self.details.setMinimumHeight(220)
        self.details.setVisible(False)
        self.details.setPlainText(environment_summary())
        self.copy_button = QtWidgets.QPushButton(objectName="copyDetailsButton")
        self.copy_button.clicked.connect(self.copy_details)
        self.close_button = QtWidgets.QPushButton(objectName="closeButton")
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.reject)
        for button in (self.details_button, self.copy_button, self.close_button):
            button.setFocusPolicy(QtCore.Qt.FocusPolicy.StrongFocus)

        text = QtWidgets.QVBoxLayout()
        text.addWidget(self.message)
        text.addWidget(self.count_label)
        text.addWidget(self.log_label)
        top = QtWidgets.QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(text, 1)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(self.details_button)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.copied_label)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details, 1)
        layout.addLayout(buttons)
        self.setMinimumWidth(480)
        self.retranslate_ui()

    # ----------------------------------------------------------------- reports
    def add_report(self, report: CrashReport) -> None:
        """Count a report and list its traceback, unless the same one is already listed."""
        self.count += 1
        if report.text not in self._shown and len(self._shown) < SHOWN_PER_DIALOG:
            self._shown.append(report.text)
            when = f"{report.when:%Y-%m-%d %H:%M:%S}"
            header = f"[{len(self._shown)}] {when} | thread {report.thread}"
            self.details.appendPlainText(f"\n{header}\n{report.text.rstrip()}")
        self._update_count()

    def shown_texts(self) -> list[str]:
        """The distinct tracebacks listed in the details."""
        return list(self._shown)

    def details_text(self) -> str:
        text = self.details.toPlainText()
        if self.count > len(self._shown):
            text += (
                f"\n\n{self.count} errors in all, {len(self._shown)} distinct tracebacks listed"
                " (repeats and the rest are in the log)."
            )
        return text

    def copy_details(self) -> None:
        QtWidgets.QApplication.clipboard().setText(self.details_text())
        self.copied_label.setVisible(True)

    def set_details_visible(self, visible: bool) -> None:
        self.details.setVisible(visible)
        if self.details_button.isChecked() != visible:
            self.details_button.setChecked(visible)
        self._retranslate_details_button()
        self.adjustSize()

    # ----------------------------------------------------------------- texts
    def _update_count(self) -> None:
        self.count_label.setText(
            translate("CrashDialog", "Errors so far: {n}").format(n=self.count)
        )
        self.count_label.setVisible(self.count > 1)

    def _retranslate_details_button(self) -> None:
        if self.details.isVisibleTo(self):
            self.details_button.setText(translate("CrashDialog", "Hide details"))
        else:
            self.details_button.setText(translate("CrashDialog", "Show details"))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(translate("CrashDialog", "InitScope: something went wrong"))
        self.message.setText(
            translate(
                "CrashDialog",
                "Something went wrong. InitScope keeps running, and your run was not lost. "
                "If the window looks wrong, press Reset. If this keeps happening, please copy "
                "the details and send them to the developers.",
            )
        )
        if self.log_path is not None:
            self.log_label.setText(
                translate("CrashDialog", "The details were also saved to {path}").format(
                    path=str(self.log_path)
                )
            )
        self.copied_label.setText(translate("CrashDialog", "Copied to the clipboard."))
        self.copy_button.setText(translate("CrashDialog", "Copy details"))
        self.close_button.setText(translate("CrashDialog", "Close"))
        self._retranslate_details_button()
        self._update_count()
        self.details_button.setAccessibleName(
            translate("CrashDialog", "Show or hide the error details")
        )
        self.copy_button.setAccessibleName(
            translate("CrashDialog", "Copy the error details to the clipboard")
        )
        self.close_button.setAccessibleName(translate("CrashDialog", "Close this message"))
        self.details.setAccessibleName(translate("CrashDialog", "Error details"))
        self.details.setAccessibleDescription(
            translate("CrashDialog", "The technical report of the error, for the developers")
        )
        self.message.setAccessibleName(translate("CrashDialog", "What happened"))


class CrashHandler(QtCore.QObject):
    """Replaces ``sys.excepthook`` and ``threading.excepthook`` while installed.

    Attributes: ``reports`` (the last :data:`KEPT_REPORTS` reports), ``count`` (all of them),
    ``log_path`` (the log file, None if none could be opened), ``dialog`` (the open dialog).
    ``reported`` is emitted on the GUI thread once a report has been shown (or counted).
    """

    reported = QtCore.pyqtSignal(object)
    _report_ready = QtCore.pyqtSignal(object)  # emitted on any thread, received queued

    def __init__(self, app: QtCore.QCoreApplication, log_path: Path | None = None) -> None:
        super().__init__()
        self.moveToThread(app.thread())  # the dialog must be made by the GUI thread
        self.reports: deque[CrashReport] = deque(maxlen=KEPT_REPORTS)
        self.count = 0
        self.log_path: Path | None = None
        self.dialog: CrashDialog | None = None
        self._lock = threading.Lock()
        self._kinds: dict[tuple, int] = {}
        self._dismissed: set[str] = set()  # texts the user has seen and closed
        self._dialog_broken = False
        self._installed = False
        self._previous_excepthook = sys.excepthook
        self._previous_threading_excepthook = threading.excepthook
        # bound once, so that uninstall() can tell whether the hooks are still ours
        self._sys_hook = self._excepthook
        self._thread_hook = self._threading_excepthook
        self._log_handlers: list[logging.Handler] = []
        self._qt_handler = self._qt_message  # bound once (see above)
        self._previous_qt_handler: object = None
        self._native_file = None
        self._faulthandler_was_enabled = False
        self._report_ready.connect(self._on_report, QtCore.Qt.ConnectionType.QueuedConnection)
        self._open_log(log_path if log_path is not None else default_log_path())

    # ----------------------------------------------------------------- install
    def install(self) -> None:
        if self._installed:
            return
        self._previous_excepthook = sys.excepthook
        self._previous_threading_excepthook = threading.excepthook
        sys.excepthook = self._sys_hook
        threading.excepthook = self._thread_hook
        self._previous_qt_handler = QtCore.qInstallMessageHandler(self._qt_handler)
        self._enable_faulthandler()
        self._installed = True

    def uninstall(self) -> None:
        """Restore the previous hooks (unless replaced since), close the log and the dialog."""
        if not self._installed:
            return
        self._installed = False
        if sys.excepthook is self._sys_hook:
            sys.excepthook = self._previous_excepthook
        if threading.excepthook is self._thread_hook:
            threading.excepthook = self._previous_threading_excepthook
        QtCore.qInstallMessageHandler(self._previous_qt_handler)
        self._previous_qt_handler = None
        self._disable_faulthandler()
        logger = logging.getLogger(LOGGER_NAME)
        for handler in self._log_handlers:
            logger.removeHandler(handler)
            handler.close()
        self._log_handlers.clear()
        self._close_dialog()

    @property
    def installed(self) -> bool:
        return self._installed

    def _open_log(self, path: Path | None) -> None:
        logger = logging.getLogger(LOGGER_NAME)
        formatter = logging.Formatter(LOG_FORMAT)
        handlers: list[logging.Handler] = []
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                handlers.append(
                    logging.handlers.RotatingFileHandler(
                        path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
                    )
                )
                self.log_path = path
            except OSError as exc:
                print(f"InitScope: cannot write the log file {path}: {exc}", file=sys.stderr)
        if sys.stderr is not None:  # None under pythonw (a Windows GUI script)
            handlers.append(logging.StreamHandler(sys.stderr))
        for handler in handlers:
            handler.setFormatter(formatter)
            logger.addHandler(handler)
        self._log_handlers = handlers

    @property
    def native_log_path(self) -> Path | None:
        """Where faulthandler writes native crashes (None without a log file)."""
        return self.log_path.with_name(NATIVE_LOG_FILE_NAME) if self.log_path else None

    def _enable_faulthandler(self) -> None:
        """Send native crashes' tracebacks to a file beside the log (after logging old ones)."""
        path = self.native_log_path
        if path is None:
            return
        try:
            earlier = path.read_text(encoding="utf-8", errors="replace").strip()
        except OSError:
            earlier = ""
        if earlier:
            log.critical("The previous run crashed (native code):\n%s", earlier)
        try:
            self._native_file = open(path, "w", encoding="utf-8")  # noqa: SIM115 - kept open
        except OSError as exc:
            log.warning("cannot write %s: %s; native crashes go to stderr only", path, exc)
            return
        self._faulthandler_was_enabled = faulthandler.is_enabled()
        faulthandler.enable(file=self._native_file, all_threads=True)

    def _disable_faulthandler(self) -> None:
        if self._native_file is None:
            return
        faulthandler.disable()
        if self._faulthandler_was_enabled and sys.stderr is not None:
            with contextlib.suppress(Exception):
                faulthandler.enable(file=sys.stderr, all_threads=True)
        self._native_file.close()
        self._native_file = None
        with contextlib.suppress(OSError):
            path = self.native_log_path
            if path is not None and path.stat().st_size == 0:
                path.unlink()  # a clean exit leaves no empty file behind

    def _qt_message(
        self,
        kind: QtCore.QtMsgType,
        context: QtCore.QMessageLogContext,
        message: str | None,
    ) -> None:
        """Qt's warnings (any thread) into the log, with where Qt says they came from."""
        try:
            where = ""
            if context is not None and context.file:
                where = f" ({context.file}:{context.line})"
            qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s%s", message, where)
        except Exception:  # a message handler must never raise
            pass

    # ----------------------------------------------------------------- hooks (any thread)
    def _excepthook(
        self,
        exc_type: type[BaseException],
        exc_value: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if not self._installed or issubclass(exc_type, KeyboardInterrupt):
            (self._previous_excepthook or sys.__excepthook__)(exc_type, exc_value, tb)
            return
        self._handle((exc_type, exc_value, tb), _current_thread_name())

    def _threading_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if not self._installed or issubclass(args.exc_type, KeyboardInterrupt):
            (self._previous_threading_excepthook or threading.__excepthook__)(args)
            return
        if issubclass(args.exc_type, SystemExit):  # like the default hook: a thread may exit
            return
        name = args.thread.name if args.thread is not None else _current_thread_name()
        self._handle((args.exc_type, args.exc_value, args.exc_traceback), name)

    def _handle(self, exc_info: ExcInfo, thread: str) -> None:
        """Log the report and hand it to the GUI thread; never raises."""
        try:
            report = CrashReport.from_exception(*exc_info, thread=thread)
            with self._lock:
                self.count += 1
                self.reports.append(report)
                if len(self._kinds) > _MAX_KINDS_REMEMBERED:
                    self._kinds.clear()
                seen = self._kinds[report.kind] = self._kinds.get(report.kind, 0) + 1
            if seen <= FULL_LOGS_PER_KIND:
                log.critical("Unhandled exception in thread %s\n%s", thread, report.text.rstrip())
            elif _is_power_of_ten(seen):
                log.critical(
                    "The same error again, %d times so far (%s, thread %s)",
                    seen,
                    report.summary,
                    thread,
                )
            self._report_ready.emit(report)
        except Exception:  # the hook must not fail: at least print what happened
            with contextlib.suppress(Exception):
                sys.__excepthook__(*exc_info)

    # ----------------------------------------------------------------- GUI thread
    def _on_report(self, report: CrashReport) -> None:
        if not self._installed:
            return  # arrived after uninstall(): it has been logged
        if not self._dialog_broken:
            try:
                self._show(report)
            except Exception:
                # a broken dialog must not loop (its exception would come back here)
                self._dialog_broken = True
                log.exception("Could not show the error dialog; errors are only logged now")
        self.reported.emit(report)

    def _show(self, report: CrashReport) -> None:
        dialog = self.dialog
        if dialog is not None and sip.isdeleted(dialog):
            dialog = self.dialog = None
        if dialog is None:
            if report.text in self._dismissed:
                return  # already seen and closed by the user: logged and counted only
            dialog = self.dialog = CrashDialog(log_path=self.log_path)
            dialog.finished.connect(self._dialog_finished)
            dialog.add_report(report)
            dialog.show()
            dialog.raise_()
            dialog.activateWindow()
        else:  # appended without raising it, so that a repeating error doesn't steal focus
            dialog.add_report(report)

    def _dialog_finished(self, *_result: object) -> None:
        dialog = self.dialog
        self.dialog = None
        if dialog is not None and not sip.isdeleted(dialog):
            self._dismissed.update(dialog.shown_texts())
            dialog.deleteLater()

    def _close_dialog(self) -> None:
        dialog = self.dialog
        if dialog is not None and not sip.isdeleted(dialog):
            dialog.close()  # if shown: finished → _dialog_finished
            dialog.deleteLater()
        self.dialog = None


def _current_thread_name() -> str:
    """The Python name of the thread, or a QThread's objectName (Python only sees "Dummy-N")."""
    current = threading.current_thread()
    if current is threading.main_thread():
        return current.name
    return QtCore.QThread.currentThread().objectName() or current.name


def _is_power_of_ten(n: int) -> bool:
    while n >= 10 and n % 10 == 0:
        n //= 10
    return n == 1


def install_crash_handler(
    app: QtCore.QCoreApplication, log_path: Path | None = None
) -> CrashHandler:
    """Show unhandled exceptions in a dialog and log them, instead of aborting.

    Call on the GUI thread once the application (and its organization and application names)
    exists.  ``log_path`` defaults to :func:`default_log_path`.  Keep the returned handler and
    call its ``uninstall()`` to restore the previous hooks.
    """
    handler = CrashHandler(app, log_path)
    handler.install()
    return handler
