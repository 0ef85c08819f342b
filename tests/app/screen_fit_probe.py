"""Run in a fresh process on an offscreen 1024×768 screen (see test_window_screen_fit.py): opens
the window as asked on the command line and prints, as JSON, where everything visible landed."""

from __future__ import annotations

import json
import sys

from PyQt6 import QtCore, QtGui, QtWidgets


def _inside_a_scroll_area(widget: QtWidgets.QWidget, window: QtWidgets.QWidget) -> bool:
    """Scrolled content may lie beyond its viewport: the viewport itself is what must fit."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent.parentWidget(), QtWidgets.QAbstractScrollArea) and (
            parent is parent.parentWidget().viewport()
        ):
            return True
        parent = parent.parentWidget()
    return False


def _settle(app: QtWidgets.QApplication, rounds: int = 40) -> None:
    from PyQt6.QtTest import QTest

    QTest.qWait(rounds * 5)


def _hold_still_while_training(app: QtWidgets.QApplication, window) -> dict:
    """Train for a while (after the first frames) and count how often the layout moved: the
    decision map's view resized, the numbers' strip changed height.  Numbers that change
    length every few frames must not move the plots."""
    box = window.decision_map.getPlotItem().getViewBox()
    resizes: list[int] = []
    heights: set[int] = set()
    window.run.session.play()
    timer = QtCore.QElapsedTimer()
    timer.start()
    while timer.elapsed() < 700:  # the first frames may move it once (the note above the map)
        _settle(app, 2)
    box.sigResized.connect(lambda *_: resizes.append(1))
    start = window.run.latest.snapshot.iteration
    timer.restart()
    while timer.elapsed() < 2000:
        heights.add(window.status.height())
        _settle(app, 2)
    window.run.session.pause()
    return {
        "resizes": len(resizes),
        "status_heights": sorted(heights),
        "iterations": window.run.latest.snapshot.iteration - start,
    }


def main(args: list[str]) -> dict:
    app = QtWidgets.QApplication(sys.argv[:1])
    from app.main_window import MainWindow

    settings = None
    if "--settings" in args:
        path = args[args.index("--settings") + 1]
        settings = QtCore.QSettings(path, QtCore.QSettings.Format.IniFormat)
    window = MainWindow(settings=settings)
    window.show()
    _settle(app)
    if "projector" in args:
        window.set_projector_mode(True)
    if "controls" in args:
        window.set_controls_visible(True)
    if "compare" in args:
        window.mode_tabs.setCurrentIndex(1)
        timer = QtCore.QElapsedTimer()
        timer.start()
        while window.compare_view.drawn is None and timer.elapsed() < 10000:
            _settle(app, 4)
    if "full" in args:
        window.showFullScreen()
    if "train" in args:  # numbers as long as they get: many digits, past 1000 steps
        window.run.step(1234)
        timer = QtCore.QElapsedTimer()
        timer.start()
        while window.run.latest.snapshot.iteration < 1234 and timer.elapsed() < 20000:
            _settle(app, 2)
    _settle(app)
    window.redraw()
    _settle(app)
    if "live" in args:
        out_live = _hold_still_while_training(app, window)
    screen = window.screen().availableGeometry()
    out: dict = {
        "screen": [screen.x(), screen.y(), screen.width(), screen.height()],
        "frame": list(window.frameGeometry().getRect()),
        "window_height": window.height(),
        "outside": [],
        "cut": [],
    }
    boundary = window.findChild(QtWidgets.QWidget, "boundaryPlot")
    out["boundary_height"] = boundary.height() if boundary.isVisible() else 0
    # the plot inside it: taller than the widget, its x axis was cut off at the bottom
    out["boundary_item_height"] = boundary.getPlotItem().geometry().height()
    origin = window.geometry().topLeft()
    for widget in window.findChildren(QtWidgets.QWidget):
        if not widget.isVisible() or widget.isWindow() or widget.width() <= 0:
            continue
        if _inside_a_scroll_area(widget, window):
            continue
        rect = QtCore.QRect(widget.mapTo(window, QtCore.QPoint(0, 0)) + origin, widget.size())
        if not screen.contains(rect):
            out["outside"].append(f"{type(widget).__name__} {widget.objectName()} {rect.getRect()}")
        if isinstance(widget, QtWidgets.QLabel) and not widget.wordWrap() and widget.text():
            text = widget.text()
            if widget.textFormat() != QtCore.Qt.TextFormat.PlainText and "<" in text:
                continue
            need = QtGui.QFontMetrics(widget.font()).horizontalAdvance(text)
            if need > widget.contentsRect().width() + 1:
                out["cut"].append(f"{widget.objectName()} {text!r} {need}>{widget.width()}")
    scroll = window.control_scroll
    if scroll.isVisible():  # the panel scrolls up and down, never sideways: it must fit across
        need = window.controls.minimumSizeHint().width()
        if need > scroll.viewport().width():
            out["outside"].append(f"controlPanel needs {need} > {scroll.viewport().width()}")
    out["numbers"] = [
        label.text()
        for label in (window.status.iteration, window.status.cost, window.status.train_accuracy)
    ]
    out["cost_tip"] = window.status.cost.toolTip()
    out["status"] = [window.status.columns, window.status.width()]
    if "live" in args:
        out["live"] = out_live
    window.close()
    return out


if __name__ == "__main__":
    print("PROBE " + json.dumps(main(sys.argv[1:])))
