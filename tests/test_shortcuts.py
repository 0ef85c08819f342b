"""Menu shortcuts: Qt's standard keys where Qt has one, literal keys where it has none."""

from __future__ import annotations

from PyQt6 import QtGui

from app.window_menus import Std, _sequences


def test_a_standard_key_is_the_platforms_binding(qapp):
    got = _sequences((Std.Open,))
    assert got == [QtGui.QKeySequence(Std.Open)] and not got[0].isEmpty()


def test_literal_keys_cover_a_platform_without_a_binding(qapp):
    got = [k.toString() for k in _sequences((Std.Quit, "Ctrl+Q"))]
    assert got[-1] == "Ctrl+Q" and len(got) == len(set(got))  # Quit is empty on Windows
    full = [k.toString() for k in _sequences((Std.FullScreen, "F11"))]
    assert "F11" in full  # FullScreen is empty on plain X11
    assert len(full) == len(set(full))


def test_duplicates_are_dropped_in_order(qapp):
    got = [k.toString() for k in _sequences((Std.ZoomIn, "Ctrl+=", "Ctrl++"))]
    assert got == ["Ctrl++", "Ctrl+="] or got[-1] == "Ctrl+="
    assert len(got) == len(set(got))
