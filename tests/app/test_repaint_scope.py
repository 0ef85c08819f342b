"""While training runs, each frame repaints what changed and nothing behind it.

The numbers, the timeline and the network diagram change many times a second.  Drawn on a
transparent background they made Qt repaint every ancestor under them — the window's tab frame,
its pages, the splitters — 30 times a second, and a steps/s figure that re-laid out the state line
repainted the whole window: most of the GUI thread's time, and time the training thread waited.
"""

from __future__ import annotations

from tests.app.drawn import PaintCounter


def test_live_frames_repaint_what_changed_and_not_the_window_behind_it(window, qtbot):
    window.controls.target.setValue(1_000_000_000)
    window.controls.flat_out.setChecked(True)
    counter = PaintCounter(window.mode_tabs, window.panel_tabs, window.status, window.timeline)
    window.run.session.play()
    qtbot.waitUntil(lambda: window.run.session.latest.snapshot.iteration > 0)
    counter.counts.clear()
    start = window.redraws
    qtbot.waitUntil(lambda: window.redraws >= start + 20, timeout=10_000)
    window.run.session.pause()
    frames = window.redraws - start
    assert counter.counts.get("statusStrip", 0) >= frames / 2  # the numbers did change
    # The tab widgets behind them: at most a repaint for something else, never one a frame.
    assert counter.counts.get("modeTabs", 0) <= 2, counter.counts
    assert counter.counts.get("panelTabs", 0) <= 2, counter.counts
