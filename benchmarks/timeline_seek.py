"""How long a jump on the timeline takes: replay from the nearest key frame, build the frame, draw.

Trains a run flat out in ``MainWindow`` (offscreen) to ``--iterations`` (default the tutorial's
15,000), the worker keeping its key frames as it does for a user, then jumps the timeline slider
to ``--jumps`` random iterations and prints, measured in this run:

- the key frames the worker kept (count, MB, interval),
- per jump, the time from moving the slider to the end of the paint that shows the iteration
  (p50 / p95 / max; target <= 100 ms at the tutorial size), and
- the worker's part alone, replay then full frame, measured on a copy of its key frames in this
  thread (p50 / p95 / max), with the replayed steps per jump.

Every jump's cost is checked against a straight run of the engine (the headless numbers): a
mismatch is reported and fails the benchmark.

``--compare`` does the same on the comparison tab (zeros, random ×10 and He, replayed together):
from its slider to the frame the tab draws.

Usage: ``.venv/bin/python benchmarks/timeline_seek.py [--iterations 15000] [--jumps 40]
[--layers 10,5] [--samples 300] [--compare]``
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from benchmarks.offscreen import use_offscreen_screen  # noqa: E402

use_offscreen_screen()

TARGET_MS = 100.0


def pct(values, q: float) -> float:
    return float(np.percentile(np.asarray(values, dtype=float), q))


def wait_until(predicate, timeout_s: float = 600.0) -> None:
    """Run the event loop until ``predicate()`` holds, checking it every millisecond.

    The GUI thread sleeps in Qt between checks, as in the app: a busy ``processEvents`` loop
    would hold the GIL and slow the very worker whose replay is being timed.
    """
    from PyQt6 import QtCore

    if predicate():
        return
    loop = QtCore.QEventLoop()
    timer = QtCore.QTimer()
    timer.setTimerType(QtCore.Qt.TimerType.PreciseTimer)
    deadline = time.perf_counter() + timeout_s

    def check() -> None:
        if predicate() or time.perf_counter() > deadline:
            loop.quit()

    timer.timeout.connect(check)
    timer.start(1)
    loop.exec()
    timer.stop()
    if not predicate():
        raise TimeoutError("the window never got there")


def straight_costs(config, n: int) -> np.ndarray:
    from engine.trainer import Trainer

    trainer = Trainer(config)
    trainer.step(n)
    _its, costs = trainer.history.view().arrays()
    return np.append(costs, trainer.cost())


def run(args: argparse.Namespace) -> dict:
    from PyQt6 import QtCore, QtWidgets

    from app.frames import frame_of
    from app.main_window import MainWindow
    from app.worker import GRID_RESOLUTION
    from engine.config import TrainConfig
    from engine.neuron_maps import NeuronMapper, map_resolution
    from engine.timeline import Rewinder

    _app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv[:1])
    hidden = tuple(int(x) for x in args.layers.split(","))
    config = TrainConfig(hidden=hidden, samples=args.samples)
    window = MainWindow(config=config)
    window.resize(1280, 800)
    window.show()
    window.controls.target.setValue(args.iterations)
    window.controls.flat_out.setChecked(True)
    started = time.perf_counter()
    window.run.session.play()
    wait_until(lambda: window.run.session.latest.snapshot.iteration >= args.iterations)
    train_s = time.perf_counter() - started
    wait_until(lambda: window.run.session.latest_full.timeline is not None)
    wait_until(lambda: window.run.session.latest_full.snapshot.iteration >= args.iterations)
    keys = window.run.session.latest_full.timeline
    reference = straight_costs(config, args.iterations)

    # Paints of the decision map end a jump: the last view the redraw updates.
    painted = {"t": 0.0}

    class PaintProbe(QtCore.QObject):
        def eventFilter(self, obj, event):
            if event.type() == QtCore.QEvent.Type.Paint:
                painted["t"] = time.perf_counter()
            return False

    probe = PaintProbe()
    window.decision_map.viewport().installEventFilter(probe)
    rng = np.random.default_rng(0)
    jumps = rng.integers(0, args.iterations, args.jumps)
    slider = window.timeline.slider
    window_ms, wrong = [], []
    for k in jumps.tolist():
        t0 = time.perf_counter()
        painted["t"] = 0.0
        slider.setValue(k)
        wait_until(
            lambda k=k, t0=t0: (
                window._drawn_full is not None
                and window._drawn_full.snapshot.iteration == k
                and painted["t"] > t0
            )
        )
        window_ms.append((painted["t"] - t0) * 1000)
        if window._drawn_full.snapshot.cost != reference[k]:
            wrong.append(k)

    # The worker's part alone, on this thread with a copy of its key frames.
    trainer = window.run.session._worker._trainer
    rewinder, mapper = Rewinder(trainer), NeuronMapper()
    worker_ms, replayed = [], []
    for k in jumps.tolist():
        t0 = time.perf_counter()
        before = keys.before(k)
        replica = rewinder.seek(keys, k)
        frame_of(
            replica,
            config,
            run_id=0,
            state=window.run.session.latest.state,
            target=args.iterations,
            grid_resolution=GRID_RESOLUTION,
            neuron_mapper=mapper,
            neuron_resolution=map_resolution(trainer.layer_dims, GRID_RESOLUTION),
        )
        worker_ms.append((time.perf_counter() - t0) * 1000)
        replayed.append(k - before.iteration)
    window.close()
    return {
        "iterations": args.iterations,
        "layers": args.layers,
        "samples": args.samples,
        "train_s": train_s,
        "key_frames": len(keys),
        "key_frames_mb": keys.nbytes / 2**20,
        "interval": keys.interval,
        "window_ms": window_ms,
        "worker_ms": worker_ms,
        "replayed": replayed,
        "wrong": wrong,
    }


def run_compare(args: argparse.Namespace) -> dict:
    """Jumps on the comparison's timeline: slider to the frame the tab draws, all runs checked."""
    from PyQt6 import QtWidgets

    from app.frames import RunState
    from app.main_window import MainWindow
    from app.views.timeline import TimelineBar

    _app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv[:1])
    window = MainWindow()
    window.resize(1280, 800)
    window.show()
    window.mode_tabs.setCurrentWidget(window.compare_view)
    wait_until(lambda: window.compare.latest is not None)
    view, compare = window.compare_view, window.compare
    view.flat_out_check.setChecked(True)
    view.step_size.setValue(args.iterations)
    started = time.perf_counter()
    compare.step_clicked()
    wait_until(
        lambda: (
            compare.latest.iteration >= args.iterations and compare.latest.state is RunState.PAUSED
        )
    )
    train_s = time.perf_counter() - started
    configs = {picture.key: picture.config for picture in compare.latest.runs}
    inits = [config.init for config in configs.values()]
    reference = {key: straight_costs(config, args.iterations) for key, config in configs.items()}
    slider = view.findChild(TimelineBar).slider
    rng = np.random.default_rng(0)
    window_ms, wrong = [], []
    for k in rng.integers(0, args.iterations, args.jumps).tolist():
        t0 = time.perf_counter()
        slider.setValue(k)
        wait_until(lambda k=k: view.drawn is not None and view.drawn.iteration == k)
        window_ms.append((time.perf_counter() - t0) * 1000)
        for row in view.drawn.rows:
            if row.cost != reference[row.key][k]:
                wrong.append((row.init, k))
    window.close()
    return {"iterations": args.iterations, "runs": inits, "train_s": train_s,
            "window_ms": window_ms, "wrong": wrong}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=15000)
    parser.add_argument("--jumps", type=int, default=40)
    parser.add_argument("--layers", default="10,5")
    parser.add_argument("--samples", type=int, default=300)
    parser.add_argument("--compare", action="store_true", help="the comparison tab's timeline")
    args = parser.parse_args()
    if args.compare:
        r = run_compare(args)
        w = r["window_ms"]
        print(f"comparison of {', '.join(r['runs'])}: {r['iterations']:,} iterations trained in "
              f"{r['train_s']:.1f} s")  # fmt: skip
        print(
            f"jump in the comparison, slider to drawn ({len(w)} jumps): p50 {pct(w, 50):.1f} ms  "
            f"p95 {pct(w, 95):.1f} ms  max {max(w):.1f} ms   (target <= {TARGET_MS:.0f} ms) "
            f"{'PASS' if pct(w, 95) <= TARGET_MS else 'FAIL'}"
        )
        if r["wrong"]:
            print(f"WRONG cost at {r['wrong']}: not the headless numbers")
            sys.exit(1)
        print("every run's cost at every jump equals the headless engine's to the last digit")
        return
    r = run(args)
    print(
        f"network {r['layers']} on {r['samples']} points, {r['iterations']:,} iterations trained "
        f"in {r['train_s']:.1f} s"
    )
    print(
        f"key frames kept by the worker: {r['key_frames']:,} ({r['key_frames_mb']:.3f} MB), "
        f"one every {r['interval']:,} iterations"
    )
    w, k = r["window_ms"], r["worker_ms"]
    print(
        f"jump in the window, slider to painted ({len(w)} jumps): p50 {pct(w, 50):.1f} ms  "
        f"p95 {pct(w, 95):.1f} ms  max {max(w):.1f} ms   (target <= {TARGET_MS:.0f} ms) "
        f"{'PASS' if pct(w, 95) <= TARGET_MS else 'FAIL'}"
    )
    print(
        f"the worker's part (replay + full frame): p50 {pct(k, 50):.1f} ms  p95 {pct(k, 95):.1f} ms"
        f"  max {max(k):.1f} ms; steps replayed p50 {pct(r['replayed'], 50):.0f}, "
        f"max {max(r['replayed']):,}"
    )
    if r["wrong"]:
        print(f"WRONG cost at iterations {r['wrong']}: not the headless numbers")
        sys.exit(1)
    print("every jump's cost equals the headless engine's to the last digit")


if __name__ == "__main__":
    main()
