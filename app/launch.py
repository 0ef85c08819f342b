"""Start InitScope: the ``initscope`` command, ``python -m initscope`` and ``main.py``.

:func:`main` reads the command line the way every command-line program does:

- ``--help`` / ``-h`` prints what the command does and exits 0; ``--version`` prints
  ``InitScope <version>`` and exits 0 (neither starts Qt, so both work without a display);
- ``--headless …`` trains in the terminal (:func:`engine.cli.main`; Qt is never imported);
- ``--smoke-test`` starts the whole application offscreen, trains, switches language and
  projector mode, closes the window and exits 0 on its own (1 if anything failed or it took over a
  minute): the check that an installed copy or a PyInstaller bundle really works;
- no option opens the window.  An unknown ``--option`` exits 2 with one line; Qt's own
  single-dash options (``-platform``, ``-style``, …) are passed on to Qt.
"""

from __future__ import annotations

import os
import signal
import sys

__all__ = ["HELP", "main", "open_window", "usage"]

SMOKE_TIMEOUT_MS = 60_000
PROG = "initscope"
#: the window's own options (``--headless`` takes the engine's; see ``--headless --help``)
WINDOW_OPTIONS = ("--smoke-test",)

HELP = """\
usage: {prog} [--headless [OPTIONS]] [--smoke-test] [--version] [-h]

Watch why weight initialization decides whether a neural network trains at all.
With no option, opens the InitScope window.

options:
  --headless [OPTIONS]  train without a window and print the tutorial's transcript;
                        '{prog} --headless --help' lists its options
  --smoke-test          start the window offscreen, train, switch the language and
                        projector mode, close; exit 0 if everything worked
  --version             print the version and exit
  -h, --help            print this help and exit

The log file: {log}
"""


NO_DISPLAY = """\
initscope: no display to open the window on: neither DISPLAY nor WAYLAND_DISPLAY is set.
Start it from a desktop session (or over ssh -X), train in the terminal with --headless,
or choose a Qt platform with QT_QPA_PLATFORM (offscreen: a window nobody sees)."""


def no_display(argv: list[str], environ=os.environ, platform: str = sys.platform) -> bool:
    """On Linux, is there no display to open a window on (and no Qt platform chosen)?"""
    if not platform.startswith("linux") or environ.get("QT_QPA_PLATFORM"):
        return False
    if any(a == "-platform" or a.startswith("-platform=") for a in argv):
        return False
    return not (environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))


def usage(prog: str = PROG) -> str:
    """The text of ``--help``."""
    from app.paths import LOG_FILE_NAME, default_log_dir

    return HELP.format(prog=prog, log=default_log_dir() / LOG_FILE_NAME)


def main(argv: list[str] | None = None, prog: str = PROG) -> int:
    """Run the command line ``argv`` (default ``sys.argv[1:]``); returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--headless" in argv:
        return headless(argv)
    if "-h" in argv or "--help" in argv:
        print(usage(prog), end="")
        return 0
    if "--version" in argv:
        from app.version import __version__

        print(f"InitScope {__version__}")
        return 0
    unknown = [a for a in argv if a.startswith("--") and a.split("=")[0] not in WINDOW_OPTIONS]
    if unknown:
        print(
            f"{prog}: error: unrecognized option {unknown[0]}; the window takes --smoke-test, "
            "--version, --help, or --headless [OPTIONS]",
            file=sys.stderr,
        )
        return 2
    return open_window(argv)


def headless(argv: list[str]) -> int:
    """``--headless``: the engine's command line, which never imports Qt; only
    ``--export-animation`` draws its frames with the window's views, on Qt's offscreen platform
    (still no display).  ``main.py`` and the installed ``initscope`` both come here."""
    if any(a == "--export-animation" or a.startswith("--export-animation=") for a in argv):
        from app.animation.headless import main as export_main  # drawn with Qt, offscreen

        return export_main(argv)
    from engine.cli import main as headless_main

    try:
        return headless_main(argv)
    except BrokenPipeError:  # e.g. `| head`: the reader left; stop quietly, as a filter should
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _application(argv: list[str]):
    from PyQt6 import QtGui, QtWidgets

    from app.paths import resource_path

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv[:1] + argv)
    app.setOrganizationName("InitScope")
    app.setApplicationName("InitScope")
    QtGui.QGuiApplication.setDesktopFileName("initscope")  # matches resources/initscope.desktop
    icon = QtGui.QIcon()
    for size in (16, 32, 48, 64, 128, 256):
        png = resource_path("icons", f"initscope-{size}.png")
        if png.exists():
            icon.addFile(str(png))
    svg = resource_path("icons", "initscope.svg")
    if svg.exists():
        icon.addFile(str(svg))
    app.setWindowIcon(icon)
    return app


def open_window(argv: list[str] | None = None) -> int:
    """Open the window (or run ``--smoke-test``); ``argv`` holds no option but Qt's own."""
    argv = list(sys.argv[1:] if argv is None else argv)
    smoke = "--smoke-test" in argv
    if smoke:
        argv.remove("--smoke-test")
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    elif no_display(argv):
        # Qt would abort (134) blaming a missing xcb-cursor0: say what is really missing.
        print(NO_DISPLAY, file=sys.stderr)
        return 1
    app = _application(argv)
    # Ctrl+C in the terminal quits, as it does for any command-line program.
    signal.signal(signal.SIGINT, signal.SIG_DFL)

    from app.crash import install_crash_handler
    from app.i18n import Translations, system_language
    from app.main_window import MainWindow
    from app.settings import AppSettings, open_settings

    handler = install_crash_handler(app)
    translations = Translations(app)
    store = None if smoke else open_settings()  # a smoke test leaves the user's settings alone
    translations.set_language(AppSettings(store).language(system_language()))
    window = MainWindow(settings=store, translations=translations)
    window.show()
    if smoke:
        from app.smoke import SmokeTest

        test = SmokeTest(window, SMOKE_TIMEOUT_MS)
        test.start()
        app.exec()
        handler.uninstall()
        print(test.report, file=sys.stderr if test.failed else sys.stdout)
        failed = test.failed or handler.reports
        del test, window  # the window goes while the application lives (see below)
        return 1 if failed else 0
    code = app.exec()
    handler.uninstall()
    # Widgets must go before the QApplication: left to the end of this function, Python drops
    # its locals in an order of its own, and a window destroyed after the application crashed
    # the process at exit now and then (a segmentation fault, seen 1 run in 12).
    del window
    return code
