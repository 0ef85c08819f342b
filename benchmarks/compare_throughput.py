"""Throughput of the comparison against the same runs done headless, one after another.

The issue's bar: training three configurations side by side in the window must reach at least 80%
of the throughput (gradient steps per second) of three headless runs done one after another.

Measured in one process, in rounds whose order rotates, each the tutorial's 15000 iterations of
zeros, random ×10 and He (45,000 gradient steps in all):

- *headless ×3*: ``engine.cli.run_transcript`` three times, exactly what
  ``main.py --headless --init NAME`` runs (output discarded);
- *bare trainers ×3*: ``Trainer.step`` in chunks of 1000 with no cost curve and, where the
  trainer has it, no gradient-norm recording: the engine's top speed, a stricter baseline;
- *compare worker*: a :class:`~app.compare_session.CompareSession` (its own QThread), from Play to
  the frame that says "finished", frames published at 30 per second but not drawn;
- *compare view*: the same, with the :class:`~app.views.compare.view.CompareView` shown
  (offscreen, wired to its controller) and redrawing on the GUI thread as a user sees it
  (30 fps, or fewer while training if drawing would take more than 6% of a core: the view paces
  itself).

Figures are medians over rounds of steps per second; ratios are each comparison against each
baseline: the median of the rounds' paired ratios (each round runs every contender back to
back), and the ratio of the best rounds (the fastest run of each, which the machine's other
load disturbed least: the same machine swings 2x from one second to the next).
While the view trains, the GUI thread's timer lateness is sampled too (the view's own
redraw clock: p95 of how late it fired past its interval), to show the window stays responsive.
Nothing here fails: timings on a shared machine are noisy; read the numbers.

Usage::

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/compare_throughput.py [--rounds 8]
"""

from __future__ import annotations

import argparse
import inspect
import io
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from benchmarks.offscreen import use_offscreen_screen  # noqa: E402

use_offscreen_screen()  # a laptop-sized screen: the window fits itself to its screen

import numpy as np  # noqa: E402
from PyQt6 import QtCore, QtWidgets  # noqa: E402
from threadpoolctl import threadpool_info, threadpool_limits  # noqa: E402

from app.commands import FLAT_OUT  # noqa: E402
from app.compare_session import CompareSession, default_configs  # noqa: E402
from app.compare_wiring import wire  # noqa: E402
from app.controllers.compare_controller import CompareController  # noqa: E402
from app.frames import RunState  # noqa: E402
from app.views.compare.view import CompareView  # noqa: E402
from engine.cli import build_parser, run_transcript  # noqa: E402
from engine.compare import DEFAULT_COMPARE  # noqa: E402
from engine.config import TrainConfig  # noqa: E402
from engine.datasets import load_dataset  # noqa: E402
from engine.trainer import Trainer  # noqa: E402

ITERATIONS = 15000
STEPS = ITERATIONS * len(DEFAULT_COMPARE)


def headless_three() -> float:
    """Seconds for three ``main.py --headless --init NAME`` runs, one after another."""
    sink = io.StringIO()
    started = time.perf_counter()
    for name in DEFAULT_COMPARE:
        args = build_parser().parse_args(["--headless", "--init", name])
        run_transcript(args, sink, io.StringIO())
    return time.perf_counter() - started


def bare_three() -> float:
    """Seconds for three bare trainers (no curve, no gradient norms), one after another."""
    data = load_dataset("circles")
    extra = {"grad_every": 0} if "grad_every" in inspect.signature(Trainer).parameters else {}
    started = time.perf_counter()
    for name in DEFAULT_COMPARE:
        trainer = Trainer(TrainConfig(init=name), data, **extra)
        while trainer.iteration < ITERATIONS:
            trainer.step(min(1000, ITERATIONS - trainer.iteration), record_every=0)
    return time.perf_counter() - started


def _until_finished(session: CompareSession, timeout_ms: int = 120_000) -> float:
    """Press play on ``session``; seconds until its "finished" frame arrives.

    Waits in a nested event loop (it sleeps in Qt until an event comes), like the app: a loop
    polling ``processEvents`` would keep the GIL busy and slow the worker it measures.
    """
    loop = QtCore.QEventLoop()
    done: list[float] = []

    def on_frame(frame) -> None:
        if frame.state is RunState.FINISHED and not done:
            done.append(time.perf_counter())
            loop.quit()

    session.frameReady.connect(on_frame)
    QtCore.QTimer.singleShot(timeout_ms, loop.quit)
    started = time.perf_counter()
    session.play()
    loop.exec()
    session.frameReady.disconnect(on_frame)
    if not done:
        raise RuntimeError("the comparison did not finish in time")
    return done[0] - started


def _wait_first_frame(session: CompareSession) -> None:
    loop = QtCore.QEventLoop()
    session.frameReady.connect(loop.quit)
    if session.latest is None:
        QtCore.QTimer.singleShot(10_000, loop.quit)
        loop.exec()
    session.frameReady.disconnect(loop.quit)


def compare_worker(app) -> float:
    data = load_dataset("circles")
    session = CompareSession(data, default_configs())
    try:
        _wait_first_frame(session)
        return _until_finished(session)
    finally:
        session.shutdown()


class Lateness:
    """How late the view's own redraw clock fires (ms past its interval at the time).

    A separate probe timer would take the GIL 60 times a second and slow the training it
    measures (in the single-run window it cost several points of throughput); the redraw clock
    is a GUI-thread PreciseTimer already, paced by the view.
    """

    def __init__(self) -> None:
        self.samples: list[float] = []
        self.redraws = 0
        self.seconds = 0.0
        self._last: float | None = None

    def watch(self, view: CompareView) -> None:
        timer = view.redraw_timer
        timer.timeout.disconnect()

        def tick() -> None:
            now = time.perf_counter()
            if self._last is not None:
                self.samples.append(max(0.0, (now - self._last) * 1000 - timer.interval()))
            self._last = now
            view.redraw()

        timer.timeout.connect(tick)

    def start(self) -> None:
        self._last = None

    def stop(self) -> None:
        self._last = None


def compare_view(app, lateness: Lateness) -> float:
    data = load_dataset("circles")
    view = CompareView(data)
    controller = CompareController(data)
    wire(view, controller)
    controller.set_speed(FLAT_OUT)  # the default is a pace to talk over
    view.resize(1280, 760)
    view.show()
    try:
        session = controller.start()
        lateness.watch(view)
        _wait_first_frame(session)
        lateness.start()
        redraws = view.redraws
        elapsed = _until_finished(session)
        lateness.stop()
        lateness.redraws += view.redraws - redraws
        lateness.seconds += elapsed
        return elapsed
    finally:
        view.redraw_timer.stop()
        controller.shutdown()
        view.close()
        view.deleteLater()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=8)
    opts = parser.parse_args()
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
    threadpool_limits(limits=1, user_api="blas")  # as the app runs (the sessions set it too)
    blas = ", ".join(
        f"{i.get('internal_api')} {i.get('num_threads')} thread(s)" for i in threadpool_info()
    )
    print(f"Python {sys.version.split()[0]}, NumPy {np.__version__}, BLAS: {blas}")
    print(
        f"{os.cpu_count()} CPU(s); {STEPS:,} gradient steps per measurement; "
        f"{opts.rounds} rounds, order rotated each round\n"
    )

    lateness = Lateness()
    contenders = {
        "headless x3 (run_transcript)": headless_three,
        "bare trainers x3": bare_three,
        "compare worker (no drawing)": lambda: compare_worker(app),
        "compare view (drawing)": lambda: compare_view(app, lateness),
    }
    times: dict[str, list[float]] = {name: [] for name in contenders}
    names = list(contenders)
    for r in range(opts.rounds):
        order = names[r % len(names) :] + names[: r % len(names)]
        for name in order:
            times[name].append(contenders[name]())
        print(
            f"round {r + 1}: "
            + ", ".join(f"{n.split(' (')[0]} {STEPS / times[n][-1]:,.0f}/s" for n in names)
        )
    rate = {n: STEPS / statistics.median(t) for n, t in times.items()}
    print("\nsteps/s (median over rounds), all configurations together:")
    for name in names:
        print(f"  {name:32s} {rate[name]:>9,.0f}")
    print("\nratio of comparison to sequential headless runs (target >= 80%):")
    for contender in ("compare worker (no drawing)", "compare view (drawing)"):
        for base in ("headless x3 (run_transcript)", "bare trainers x3"):
            ratios = [t_base / t_cmp for t_base, t_cmp in zip(times[base], times[contender])]
            quartiles = statistics.quantiles(ratios, n=4) if len(ratios) > 1 else ratios * 3
            best = min(times[base]) / min(times[contender])
            print(
                f"  {contender:28s} vs {base:28s} paired median {statistics.median(ratios):4.0%}"
                f" (quartiles {quartiles[0]:.0%}-{quartiles[2]:.0%}), best rounds {best:4.0%}"
            )
    if lateness.samples:
        late = np.array(lateness.samples)
        print(
            f"\nGUI redraw clock while the view trains: lateness p50 {np.percentile(late, 50):.1f}"
            f" ms, p95 {np.percentile(late, 95):.1f} ms, max {late.max():.1f} ms"
            f" ({len(late)} ticks); {lateness.redraws / lateness.seconds:.1f} redraws/s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
