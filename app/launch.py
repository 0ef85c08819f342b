"""Start the InitScope window (the ``initscope`` GUI entry point).

``--smoke-test`` starts the whole application offscreen, trains, switches language and projector
mode, closes the window and exits 0 on its own (1 if anything failed or it took over a minute):
the check that an installed copy or a PyInstaller bundle really works.
"""

from __future__ import annotations

import os
import signal
import sys

__all__ = ["main"]

SMOKE_TIMEOUT_MS = 60_000


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


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    smoke = "--smoke-test" in argv
    if smoke:
        argv.remove("--smoke-test")
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
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
        return 1 if test.failed or handler.reports else 0
    code = app.exec()
    handler.uninstall()
    return code
