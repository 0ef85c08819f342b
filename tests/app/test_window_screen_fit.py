"""The window on a 1024×768 screen (a classroom projector), in a fresh process whose offscreen
screen is that size: sized to the screen at first start and when restored, and in projector mode
every visible widget on the screen, every number whole, the boundary a third of the height."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PyQt6 import QtCore

ROOT = Path(__file__).resolve().parents[2]
SCREEN = {"width": 1024, "height": 768}


def probe(tmp_path: Path, *args: str) -> dict:
    config = tmp_path / "screen.json"
    screen = {"name": "projector", "x": 0, "y": 0, "logicalDpi": 96, "logicalBaseDpi": 96}
    config.write_text(json.dumps({"screens": [{**screen, **SCREEN, "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    done = subprocess.run(
        [sys.executable, "-m", "tests.app.screen_fit_probe", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("PROBE ")]
    assert done.returncode == 0 and lines, done.stderr[-2000:]
    return json.loads(lines[-1][len("PROBE ") :])


def inside_screen(found: dict) -> None:
    sx, sy, sw, sh = found["screen"]
    x, y, w, h = found["frame"]
    assert (sw, sh) == (1024, 768)
    assert sx <= x and sy <= y and x + w <= sx + sw and y + h <= sy + sh, found["frame"]


def test_first_start_fits_a_1024_by_768_screen(tmp_path):
    found = probe(tmp_path)
    inside_screen(found)
    assert found["outside"] == [] and found["cut"] == []


def test_a_remembered_larger_window_is_restored_within_the_screen(qtbot, tmp_path):
    ini = tmp_path / "initscope.ini"
    store = QtCore.QSettings(str(ini), QtCore.QSettings.Format.IniFormat)
    # a geometry saved on a 1920×1080 laptop: 1280×800 at (300, 200)
    from PyQt6 import QtWidgets

    big = QtWidgets.QWidget()
    big.setGeometry(300, 200, 1280, 800)
    store.setValue("window/geometry", big.saveGeometry())
    store.sync()
    found = probe(tmp_path, "--settings", str(ini))
    inside_screen(found)


@pytest.mark.parametrize(
    "how",
    [
        ("projector",),
        ("projector", "full", "train"),
        ("projector", "controls", "train"),
        ("projector", "compare"),
    ],
    ids=["projector", "full-screen-trained", "controls-shown", "comparison"],
)
def test_projector_mode_puts_everything_on_a_1024_by_768_screen(tmp_path, how):
    found = probe(tmp_path, *how)
    inside_screen(found)
    assert found["outside"] == [], found["outside"][:8]
    assert found["cut"] == [], found["cut"]
    _iteration, cost, train = found["numbers"]
    # readable precision on the screen (6 significant digits: the contract's minimum) ...
    assert len(cost.split()[-1].replace(".", "")) <= 7, cost
    assert "(" not in train
    # ... and the full one in the tooltip
    full = found["cost_tip"].split()[-1]
    assert len(full) > 12 and float(full) == pytest.approx(float(cost.split()[-1]), rel=1e-5)
    if "compare" not in how:  # (the map is on the other tab)
        assert found["boundary_item_height"] <= found["boundary_height"] + 0.5, found
    if "compare" not in how and "controls" not in how:
        assert found["boundary_height"] >= found["window_height"] / 3, found


def test_the_projector_layout_holds_still_while_numbers_change(tmp_path):
    """At 1024×768 in projector mode beside the control panel, training must not move the
    plots: the numbers' strip flipped between one and two columns as the numbers changed
    length (the plots under it jumping ten times a second), and the decision map's left axis
    narrowed and widened with its labels, re-laying the window out on every paint."""
    found = probe(tmp_path, "projector", "controls", "live")
    live = found["live"]
    assert live["iterations"] > 500, live  # it trained, so the numbers changed
    assert live["resizes"] <= 1, live
    assert len(live["status_heights"]) == 1, live
    inside_screen(found)
    assert found["outside"] == [] and found["cut"] == [], found
