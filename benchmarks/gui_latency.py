"""How the window holds up while training runs flat out (offscreen).

Prints, measured in this run:
- the GUI thread's timer lateness (a 16 ms probe timer; p50/p95/max, target p95 ≤ 10 ms),
- redraws per second of the live plots (target ≥ 25),
- training throughput in the window vs the headless engine recording the cost every step, measured
  side by side in this run (target ≥ 80 %),
- time from launching a fresh process to the first paint of the window with the data drawn
  (target ≤ 1.5 s).

Usage: ``.venv/bin/python benchmarks/gui_latency.py [--seconds 6]``
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIRST_PAINT_CHILD = r"""
import sys, time
sys.path.insert(0, {root!r})
from PyQt6 import QtCore, QtWidgets
app = QtWidgets.QApplication(sys.argv[:1])
from app.main_window import MainWindow

class Probe(QtCore.QObject):
    def eventFilter(self, obj, event):
        if event.type() == QtCore.QEvent.Type.Paint:
            print(f"{{time.time():.6f}}", flush=True)
            QtCore.QTimer.singleShot(0, window.close)
            obj.removeEventFilter(self)
        return False

window = MainWindow()
probe = Probe()
window.decision_map.viewport().installEventFilter(probe)
window.show()
app.exec()
"""


def headless_rate(seconds: float) -> float:
    """Steps per second of the engine alone, recording the cost every step (as the window does)."""
    from engine.trainer import TrainConfig, Trainer

    trainer = Trainer(TrainConfig(learning_rate=0.01))
    trainer.step(500)
    steps, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        steps += trainer.step(500, record_every=1)
    return steps / (time.perf_counter() - started)


def first_paint_seconds(runs: int = 3) -> list[float]:
    """Wall time from ``Popen`` to the first paint of the decision-boundary plot."""
    out = []
    for _ in range(runs):
        started = time.time()
        proc = subprocess.run(
            [sys.executable, "-c", FIRST_PAINT_CHILD.format(root=str(ROOT))],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        line = proc.stdout.strip().splitlines()[0] if proc.stdout.strip() else None
        if line is None:
            raise RuntimeError(f"first-paint child failed: {proc.stderr}")
        out.append(float(line) - started)
    return out


def window_run(seconds: float) -> dict:
    from PyQt6 import QtCore, QtWidgets

    from app.main_window import MainWindow

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv[:1])
    window = MainWindow()
    window.resize(1280, 800)
    window.show()
    window.controls.target.setValue(1_000_000_000)
    lateness: list[float] = []
    result: dict = {}
    probe = QtCore.QTimer()
    probe.setTimerType(QtCore.Qt.TimerType.PreciseTimer)
    interval = 0.016
    state = {"expected": None}

    def tick() -> None:
        now = time.perf_counter()
        if state["expected"] is not None:
            lateness.append(max(0.0, now - state["expected"]))
        state["expected"] = now + interval

    probe.timeout.connect(tick)

    def start() -> None:
        window.controls.play.click()
        QtCore.QTimer.singleShot(1000, measure)  # let the first chunks settle

    def measure() -> None:
        lateness.clear()
        state["expected"] = None
        probe.start(int(interval * 1000))
        f = window.session.latest
        result["it0"], result["r0"], result["t0"] = (
            f.snapshot.iteration if f else 0,
            window.redraws,
            time.perf_counter(),
        )
        QtCore.QTimer.singleShot(int(seconds * 1000), finish)

    def finish() -> None:
        probe.stop()
        f = window.session.latest
        elapsed = time.perf_counter() - result["t0"]
        result["steps_per_s"] = (f.snapshot.iteration - result["it0"]) / elapsed
        result["redraws_per_s"] = (window.redraws - result["r0"]) / elapsed
        result["lateness"] = np.array(lateness)
        window.close()
        app.quit()

    QtCore.QTimer.singleShot(300, start)
    app.exec()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=6.0)
    args = parser.parse_args()
    solo_before = headless_rate(3.0)
    res = window_run(args.seconds)
    solo_after = headless_rate(3.0)
    solo = (solo_before + solo_after) / 2
    late = res["lateness"] * 1000
    paints = first_paint_seconds()
    print(
        f"GUI timer lateness (16 ms probe, {len(late)} ticks): p50 {np.percentile(late, 50):.2f} ms"
        f"  p95 {np.percentile(late, 95):.2f} ms  max {late.max():.2f} ms   (target p95 <= 10)"
    )
    print(
        f"redraws per second while training flat out: {res['redraws_per_s']:.1f}   (target >= 25)"
    )
    print(
        f"training in the window: {res['steps_per_s']:,.0f} steps/s; headless recording every "
        f"cost: {solo:,.0f} steps/s (before {solo_before:,.0f}, after {solo_after:,.0f}); "
        f"ratio {res['steps_per_s'] / solo:.0%}   (target >= 80%)"
    )
    print(
        "launch to first paint with the data drawn: "
        + ", ".join(f"{p:.2f} s" for p in paints)
        + f"; median {np.median(paints):.2f} s"
        "   (target <= 1.5 s)"
    )


if __name__ == "__main__":
    main()
