"""Where the window's training time goes: which view costs the training thread what.

Trains flat out in one window and, every ``--period`` seconds, switches between drawing
everything and leaving one part out (the cost curve, the network diagram, the status numbers,
the decision map, or all drawing).  For each, it prints from the training thread's own clocks:

- **GIL wait in steps**: wall time inside ``Trainer.step`` over its CPU time, less one.  The GUI
  thread's Python (and every call into Qt it makes, PyQt holding the GIL) is time the training
  thread's short NumPy calls wait; a part's share is the difference with it left out.
- **outside steps**: the share of wall time the training thread spends between steps (publishing
  frames, reading commands).
- steps per second and CPU time per step (the CPU time per step also rises beside a busy GUI
  thread on some hosts: caches, shared cores).

Usage: ``.venv/bin/python benchmarks/gui_parts.py [--seconds 100] [--period 2]
[--layers 10,5] [--samples 300]``.  A diagnosis, not a target: modes alternate in one process so
that the host's drift is shared, and each figure is a median over its periods.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from benchmarks.offscreen import use_offscreen_screen  # noqa: E402

use_offscreen_screen()

#: mode → the window's method left out (a no-op in its place); "all" stops the redraw clock
PARTS = {
    "no cost curve": ("cost_plot", "show_history"),
    "no diagram": ("network_diagram", "show_maps"),
    "no status": ("status", "show_frame"),
    "no map": ("decision_map", "show_grid"),
}


class StepClock:
    """Wraps ``Trainer.step`` to add up its wall and CPU time (only the training thread steps)."""

    def __init__(self) -> None:
        from engine.trainer import Trainer

        self.totals: Counter = Counter()
        step = Trainer.step
        totals = self.totals

        def timed(trainer, *args, **kwargs):
            cpu, wall = time.thread_time(), time.perf_counter()
            n = step(trainer, *args, **kwargs)
            totals["cpu"] += time.thread_time() - cpu
            totals["wall"] += time.perf_counter() - wall
            totals["steps"] += n
            return n

        Trainer.step = timed


def run(seconds: float, period: float, layers: str, samples: int) -> dict[str, list[tuple]]:
    from PyQt6 import QtCore, QtWidgets

    from engine.config import TrainConfig, parse_hidden

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv[:1])
    clock = StepClock()
    from app.main_window import MainWindow

    window = MainWindow(config=TrainConfig(hidden=parse_hidden(layers), samples=samples))
    window.resize(1280, 800)
    window.show()
    window.controls.target.setValue(1_000_000_000)
    window.controls.flat_out.setChecked(True)
    modes = ["everything", *PARTS, "no drawing"]
    originals = {part: getattr(getattr(window, v), m) for part, (v, m) in PARTS.items()}
    results: dict[str, list[tuple]] = {mode: [] for mode in modes}
    state = {"k": 0, "flips": 0, "started": None}

    def set_mode(mode: str) -> None:
        for part, (view, method) in PARTS.items():
            target = getattr(window, view)
            setattr(target, method, (lambda *a, **k: None) if mode == part else originals[part])
        if mode == "no drawing":
            window.redraw_timer.stop()
        else:
            window.redraw_timer.start()

    def measure_from_now() -> None:
        clock.totals.clear()
        state["started"] = time.perf_counter()

    def flip() -> None:
        if state["started"] is not None and clock.totals["steps"]:
            t, wall = clock.totals, time.perf_counter() - state["started"]
            results[modes[state["k"]]].append(
                (
                    t["wall"] / t["cpu"] - 1,
                    1 - t["wall"] / wall,
                    t["steps"] / wall,
                    t["cpu"] / t["steps"],
                )
            )
        state["flips"] += 1
        if state["flips"] * period > seconds:
            timer.stop()
            window.close()
            app.quit()
            return
        state["k"] = (state["k"] + 1) % len(modes)
        set_mode(modes[state["k"]])
        state["started"] = None
        QtCore.QTimer.singleShot(150, measure_from_now)  # the new mode settles first

    timer = QtCore.QTimer()
    timer.timeout.connect(flip)

    def begin() -> None:
        set_mode(modes[0])
        QtCore.QTimer.singleShot(150, measure_from_now)
        timer.start(int(period * 1000))

    QtCore.QTimer.singleShot(300, window.run.session.play)
    QtCore.QTimer.singleShot(2500, begin)
    app.exec()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=100.0)
    parser.add_argument("--period", type=float, default=2.0, help="seconds in one mode")
    parser.add_argument("--layers", default="10,5")
    parser.add_argument("--samples", type=int, default=300)
    args = parser.parse_args()
    results = run(args.seconds, args.period, args.layers, args.samples)
    print(f"network {args.layers} on {args.samples} points; medians over each mode's periods")
    print(
        f"{'mode':16s} {'GIL wait in steps':>18s} {'outside steps':>14s} {'steps/s':>9s}"
        f" {'CPU/step':>9s}"
    )
    for mode, rows in results.items():
        if not rows:
            continue
        a = np.array(rows)
        wait, outside, rate, cpu = np.median(a, axis=0)
        print(
            f"{mode:16s} {wait:17.2%} {outside:14.2%} {rate:9,.0f} {cpu * 1e6:7.1f} us"
            f"   ({len(rows)} periods)"
        )


if __name__ == "__main__":
    main()
