"""Projector mode, zoom, full screen, the presentation layout and remembered settings."""

from __future__ import annotations

import pytest
from PyQt6 import QtCore, QtGui, QtWidgets

from app.main_window import MainWindow
from app.views.style import Palette
from engine.config import TrainConfig


def action(window, name: str) -> QtGui.QAction:
    found = window.findChild(QtGui.QAction, name)
    assert found is not None, name
    return found


def visible_widgets(root: QtWidgets.QWidget):
    for widget in root.findChildren(QtWidgets.QWidget):
        if widget.isVisibleTo(root) and widget.width() > 0:
            yield widget


@pytest.fixture
def restore_app_font():
    app = QtWidgets.QApplication.instance()
    font = QtGui.QFont(app.font())
    yield
    app.setFont(font)


@pytest.fixture
def ini(tmp_path):
    """An isolated settings store (never the user's)."""

    def make() -> QtCore.QSettings:
        return QtCore.QSettings(str(tmp_path / "initscope.ini"), QtCore.QSettings.Format.IniFormat)

    return make


def open_window(qtbot, **kwargs) -> MainWindow:
    w = MainWindow(**kwargs)
    qtbot.addWidget(w, before_close_func=lambda widget: widget.run.shutdown())
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.redraws > 0, timeout=5000)
    return w


# -- projector mode ----------------------------------------------------------------------------
def test_projector_action_is_in_the_view_menu_with_its_shortcuts(window):
    projector = action(window, "projectorModeAction")
    assert projector.isCheckable()
    keys = {k.toString() for k in projector.shortcuts()}
    assert {"Ctrl+P", "F5"} <= keys
    view_menu = window.findChild(QtWidgets.QMenu, "viewMenu")
    assert projector in view_menu.actions()


def test_projector_mode_makes_every_font_big_and_every_line_thick(window, qtbot, restore_app_font):
    action(window, "projectorModeAction").trigger()
    assert window.palette_.projector
    assert window.palette_.font_pt >= 20 and window.palette_.line_width >= 3
    qtbot.waitUntil(lambda: window.redraws > 0)
    small = [
        (w.objectName() or type(w).__name__, w.font().pointSizeF())
        for w in visible_widgets(window)
        if 0 < w.font().pointSizeF() < 20
    ]
    assert not small, small[:10]
    for menu in window.menuBar().findChildren(QtWidgets.QMenu):
        assert menu.font().pointSizeF() >= 20, menu.objectName()
    # the plots' own pens and fonts
    cost = window.cost_plot
    assert cost.getPlotItem().getAxis("left").style["tickFont"].pointSizeF() >= 20
    assert cost.curve.pen().widthF() >= 3


def test_projector_layout_folds_the_side_panel_and_keeps_controls_reachable(
    window, qtbot, restore_app_font
):
    window.set_projector_mode(True)
    toolbar = window.findChild(QtWidgets.QToolBar, "presentationBar")
    assert toolbar.isVisible()
    assert not window.side_tabs.isVisible()
    names = {a.objectName() for a in toolbar.actions()}
    assert {"playPauseAction", "stepAction", "resetAction", "init_he_action"} <= names
    # F9 / the toolbar's button brings every control back
    action(window, "showControlsAction").trigger()
    assert window.side_tabs.isVisible()
    window.set_projector_mode(False)
    assert window.side_tabs.isVisible() and not toolbar.isVisible()


# Fitting a 1024×768 screen: tests/app/test_window_screen_fit.py (a process with that screen).


def test_zoom_steps_and_resets(window, restore_app_font):
    action(window, "zoomInAction").trigger()
    assert window.palette_.zoom > 1
    assert window.cost_plot.getPlotItem().getAxis("left").style["tickFont"].pointSizeF() > 10
    action(window, "zoomOutAction").trigger()
    action(window, "zoomOutAction").trigger()
    assert window.palette_.zoom < 1
    action(window, "zoomResetAction").trigger()
    assert window.palette_ == Palette()


def test_full_screen_toggles_with_f11_and_esc_leaves(window, qtbot):
    full = action(window, "fullScreenAction")
    assert "F11" in {k.toString() for k in full.shortcuts()}
    full.trigger()
    qtbot.waitUntil(window.isFullScreen)
    assert full.isChecked()
    action(window, "leaveFullScreenAction").trigger()
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert not full.isChecked()


# -- settings ----------------------------------------------------------------------------
def test_settings_round_trip_geometry_projector_zoom_and_configuration(
    qtbot, ini, restore_app_font, monkeypatch
):
    restored = []
    original = MainWindow.restoreGeometry

    def recording_restore(self, geometry):
        restored.append(bytes(geometry))
        return original(self, geometry)

    monkeypatch.setattr(MainWindow, "restoreGeometry", recording_restore)
    w = open_window(qtbot, settings=ini())
    w.resize(1100, 700)
    w.choose_initializer("zeros")
    w.controls.seed.setValue(11)
    w.controls.target.setValue(4321)
    w.set_projector_mode(True)
    w.zoom(+1)
    saved = bytes(w.saveGeometry())
    w.close()

    again = open_window(qtbot, settings=ini())
    assert again.run.config.init == "zeros" and again.run.config.seed == 11
    assert again.controls.initializer.currentData() == "zeros"
    assert again.controls.target.value() == 4321
    assert again.palette_.projector and again.palette_.zoom > 1
    assert again.findChild(QtGui.QAction, "projectorModeAction").isChecked()
    # Qt clamps a restored geometry to the (small, offscreen) screen: check what was restored.
    assert restored == [saved]
    again.close()


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("ui/language", "klingon"),
        ("ui/projector", "perhaps"),
        ("ui/zoom", "huge"),
        ("ui/zoom", 99),
        ("window/geometry", "not bytes"),
        ("run/config", "{not json"),
        ("run/config", '{"init": "telepathy"}'),
        ("run/config", '{"learning_rate": -5}'),
        ("run/config", '{"hidden": "10,5"}'),
        ("run/config", '{"seed": true, "colour": 1}'),
        ("run/target", "-3"),
    ],
)
def test_a_corrupt_or_foreign_setting_falls_back_to_the_default(
    qtbot, ini, key, value, restore_app_font
):
    store = ini()
    store.setValue(key, value)
    store.sync()
    w = open_window(qtbot, settings=ini())
    assert w.run.config == TrainConfig()
    assert w.controls.target.value() == 15000
    assert w.palette_ == Palette()
    assert w.language == "en"
    w.close()


def test_settings_file_with_garbage_bytes_is_ignored(qtbot, tmp_path, restore_app_font):
    path = tmp_path / "initscope.ini"
    path.write_bytes(b"\x00\xff[ui]\nzoom=@Variant(\x00\x00\x00\x7f\x00\x00)\n\xfe")
    store = QtCore.QSettings(str(path), QtCore.QSettings.Format.IniFormat)
    w = open_window(qtbot, settings=store)
    assert w.run.config == TrainConfig()
    assert w.palette_ == Palette()
    w.close()


def test_geometry_off_every_screen_is_not_restored(qtbot, ini, restore_app_font):
    w = open_window(qtbot, settings=ini())
    w.move(20000, 20000)  # a projector that is not there any more
    w.close()
    again = open_window(qtbot, settings=ini())
    screens = QtGui.QGuiApplication.screens()
    assert any(s.availableGeometry().intersects(again.frameGeometry()) for s in screens)
    again.close()
