"""Start the InitScope window (the ``initscope`` GUI entry point)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from PyQt6 import QtWidgets

    from app.main_window import MainWindow

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv[:1])
    window = MainWindow()
    window.show()
    return app.exec()
