"""A long run in the window (offscreen): memory growth and the redraw rate with a long history.

Trains the default run (the tutorial's He network) flat out in ``MainWindow`` to ``--iterations``
(default 1,000,000), sampling the process's resident memory every ~0.5 s, then, with the whole
cost history on the plot, measures how fast the window can redraw it.  Prints, measured in this run:

- training throughput over the whole run (iterations per second, in the window),
- RSS when the run first passes 10,000 iterations (the baseline), the peak RSS after it (the
  sampled maximum and the kernel's high-water mark ``VmHWM``, reset at the baseline when the
  kernel allows it) and the peak growth above the baseline (target <= 50 MB), and the final RSS,
- redraws per second during the last ~5 s of training (the natural rate while frames arrive:
  target >= 25 too),
- redraws per second at the end, the run finished and the full history on the plot, with the
  window's redraw driven from a 33 ms timer: once with the views marked dirty (numbers, marker,
  ranges: what ``_views_dirty`` alone redoes) and once also making the cost plot take the whole
  history again (what every frame of a growing history costs: target >= 25 per second), with
  the ms per redraw (p50/p95) and the ms to the end of the paint that follows it.

``overall: PASS`` needs both redraw rates, the memory target and a view covering the whole run.
The last line of the output is one JSON object with the same figures (for tests).

Usage: ``.venv/bin/python benchmarks/long_run.py [--iterations 1000000]``
Diagnosis: ``--tracemalloc`` (~25x slower: use it on short runs) prints the allocations that grew
after the baseline and the peak of traced memory; ``--strict`` exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import itertools
import json
import resource
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from benchmarks.offscreen import use_offscreen_screen  # noqa: E402

use_offscreen_screen()  # a laptop-sized screen: the window fits itself to its screen

MB = 1024 * 1024
BASELINE_AT = 10_000
GROWTH_TARGET_MB = 50.0
REDRAW_TARGET = 25.0
REDRAW_MS = 33  # the window's own redraw clock (app.main_window.REDRAW_MS)


# -- memory ------------------------------------------------------------------------------------
def _status_kb(field: str) -> int | None:
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def rss_bytes() -> int:
    """Resident memory now (``VmRSS``); without /proc, the peak from ``getrusage``."""
    kb = _status_kb("VmRSS")
    if kb is None:
        kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KB on Linux
    return kb * 1024


def hwm_bytes() -> int:
    """Peak resident memory (``VmHWM``, or ``getrusage``'s ``ru_maxrss``)."""
    kb = _status_kb("VmHWM")
    if kb is None:
        kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb * 1024


def reset_hwm() -> bool:
    """Reset the kernel's peak-RSS mark (``echo 5 > /proc/self/clear_refs``, Linux >= 4.0)."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def pct(values, q: float) -> float:
    return float(np.percentile(values, q)) if len(values) else float("nan")


# -- the run -----------------------------------------------------------------------------------
def long_run(args: argparse.Namespace) -> dict:
    from PyQt6 import QtCore, QtWidgets

    from app.frames import RunState
    from app.main_window import MainWindow

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv[:1])
    window = MainWindow()  # default config (He), settings=None: nothing remembered or restored
    window.resize(1280, 800)
    window.show()
    controls = window.controls
    controls.speed.setValue(controls.speed.maximum())  # flat out
    controls.target.setValue(args.iterations)

    tracer = None
    if args.tracemalloc:
        import tracemalloc

        tracer = tracemalloc
        tracemalloc.start(12)

    state: dict = {
        "t_start": None,
        "baseline": None,
        "hwm_reset": False,
        "finished": None,
        "samples": [],  # (t, iteration, rss, redraws)
        "redraw_log": [],  # (t, iteration, ms) of every redraw that drew during training
        "snap0": None,
    }
    result: dict = {"iterations": args.iterations}

    def iteration() -> int:
        f = window.run.session.latest
        return f.snapshot.iteration if f is not None else 0

    # Time the window's own redraws during training (the same slot, one Python frame more).
    window.redraw_timer.timeout.disconnect(window.redraw)

    def timed_redraw() -> None:
        before = window.redraws
        t0 = time.perf_counter()
        window.redraw()
        if window.redraws != before:
            state["redraw_log"].append((t0, iteration(), (time.perf_counter() - t0) * 1000))

    window.redraw_timer.timeout.connect(timed_redraw)

    def sample() -> None:
        now = time.perf_counter()
        state["samples"].append((now, iteration(), rss_bytes(), window.redraws))
        if now - state["t_start"] > args.timeout:
            result["timed_out"] = True
            finish_training(now)

    sampler = QtCore.QTimer()
    sampler.setTimerType(QtCore.Qt.TimerType.PreciseTimer)
    sampler.timeout.connect(sample)

    def on_frame(frame) -> None:
        snap = frame.snapshot
        if frame.timeline is not None:  # the worker's key frames (the timeline), on full frames
            keys = frame.timeline
            result["key_frames"] = len(keys)
            result["key_frames_mb"] = keys.nbytes / MB
            result["key_frame_interval"] = keys.interval
            result["key_frames_at"] = snap.iteration
        if state["baseline"] is None and snap.iteration >= BASELINE_AT:
            now = time.perf_counter()
            state["baseline"] = (now, snap.iteration, rss_bytes())
            state["hwm_reset"] = reset_hwm()
            if tracer is not None:
                tracer.reset_peak()
                state["snap0"] = tracer.take_snapshot()
            state["samples"].append((now, snap.iteration, state["baseline"][2], window.redraws))
        if state["finished"] is None and frame.state in (RunState.FINISHED, RunState.DIVERGED):
            if frame.state is RunState.DIVERGED:
                result["diverged_at"] = snap.diverged_at
            finish_training(time.perf_counter())

    window.run.session.frameReady.connect(on_frame)

    def start() -> None:
        state["t_start"] = time.perf_counter()
        state["samples"].append((state["t_start"], 0, rss_bytes(), window.redraws))
        sampler.start(int(args.sample_interval * 1000))
        controls.play.click()

    def finish_training(now: float) -> None:
        if state["finished"] is not None:
            return
        state["finished"] = (now, iteration(), window.redraws)
        state["samples"].append((now, iteration(), rss_bytes(), window.redraws))
        # Let the final frame be drawn and painted by the window's own clock first.
        QtCore.QTimer.singleShot(500, end_phase)

    def end_phase() -> None:
        sampler.stop()
        if result.get("timed_out"):
            window.run.session.pause()
        timed_redraw()  # the final frame, if the clock has not drawn it yet
        app.processEvents()
        window.redraw_timer.stop()  # from here on only the forced redraws below draw
        end = time.perf_counter()
        state["samples"].append((end, iteration(), rss_bytes(), window.redraws))
        result["rss_after_training"] = rss_bytes()
        result["hwm_after_training"] = hwm_bytes()
        plot = window.cost_plot
        (x0, x1), _ = plot.getPlotItem().getViewBox().viewRange()
        f = window.run.session.latest
        last = f.snapshot.history.last() if f else None
        result["history_points"] = f.snapshot.history.length if f else 0
        result["history_last_iteration"] = last[0] if last else -1
        result["view_x"] = [float(x0), float(x1)]
        result["view_covers_run"] = bool(x0 <= 0 and x1 >= state["finished"][1])
        xs = plot.curve.getData()[0]
        result["curve_points"] = 0 if xs is None else len(xs)
        if tracer is not None:
            result["traced_peak_mb_after_baseline"] = tracer.get_traced_memory()[1] / MB
            state["snap1"] = tracer.take_snapshot()
        forced_phase("dirty", lambda: None, after=lambda: forced_phase("full", retake, after=done))

    def retake() -> None:
        window.cost_plot._drawn_length = -1  # the cost plot takes the whole history again

    def forced_phase(name: str, prepare, after) -> None:
        """Redraw from a 33 ms timer for ``args.measure_seconds``, views marked dirty."""
        timer = QtCore.QTimer()
        timer.setTimerType(QtCore.Qt.TimerType.PreciseTimer)
        call_ms: list[float] = []
        paint_ms: list[float] = []
        begin = {"t": time.perf_counter(), "r": window.redraws}

        def painted(t0: float) -> None:
            paint_ms.append((time.perf_counter() - t0) * 1000)

        def tick() -> None:
            window._views_dirty = True
            prepare()
            t0 = time.perf_counter()
            window.redraw()
            call_ms.append((time.perf_counter() - t0) * 1000)
            # a zero timer runs after the paint the redraw posted: redraw + paint
            QtCore.QTimer.singleShot(0, lambda: painted(t0))

        def stop() -> None:
            timer.stop()
            elapsed = time.perf_counter() - begin["t"]
            result[f"end_{name}"] = {
                "redraws_per_s": (window.redraws - begin["r"]) / elapsed,
                "redraw_ms_p50": pct(call_ms, 50),
                "redraw_ms_p95": pct(call_ms, 95),
                "redraw_paint_ms_p50": pct(paint_ms, 50),
                "redraw_paint_ms_p95": pct(paint_ms, 95),
                "n": len(call_ms),
            }
            state.setdefault("timers", []).remove(timer)
            after()

        state.setdefault("timers", []).append(timer)  # keep it alive
        timer.timeout.connect(tick)
        timer.start(REDRAW_MS)
        QtCore.QTimer.singleShot(int(args.measure_seconds * 1000), stop)

    def done() -> None:
        result["rss_final"] = rss_bytes()
        result["hwm_final"] = hwm_bytes()
        window.close()
        app.quit()

    QtCore.QTimer.singleShot(300, start)
    app.exec()

    # -- figures ---------------------------------------------------------------------------------
    samples = np.array(state["samples"], dtype=float)  # t, iteration, rss, redraws
    t_start = state["t_start"]
    t_fin, it_fin, r_fin = state["finished"]
    result["iterations_done"] = int(it_fin)
    result["train_seconds"] = t_fin - t_start
    result["iterations_per_s"] = it_fin / (t_fin - t_start)
    if state["baseline"] is None:
        raise SystemExit(f"the run never reached {BASELINE_AT:,} iterations")
    t_base, it_base, rss_base = state["baseline"]
    after = samples[samples[:, 0] >= t_base]
    sampled_peak = float(after[:, 2].max())
    # VmHWM was reset at the baseline: it is the true peak since then (between samples too).
    # Without the reset it may be a peak from before the baseline: then only the samples count.
    hwm = float(max(result["hwm_after_training"], result["hwm_final"]))
    peak = max(sampled_peak, hwm) if state["hwm_reset"] else sampled_peak
    result.update(
        baseline_iteration=int(it_base),
        rss_baseline_mb=rss_base / MB,
        rss_peak_sampled_mb=sampled_peak / MB,
        vmhwm_mb=hwm / MB,
        vmhwm_reset_at_baseline=state["hwm_reset"],
        rss_peak_mb=peak / MB,
        peak_growth_mb=(peak - rss_base) / MB,
        rss_after_training_mb=result.pop("rss_after_training") / MB,
        rss_final_mb=result.pop("rss_final") / MB,
    )
    result.pop("hwm_after_training")
    result.pop("hwm_final")
    # Natural redraw rate over the last ~5 s of training.
    window_s = min(args.measure_seconds, t_fin - t_start)
    training = samples[samples[:, 0] <= t_fin]
    i0 = int(np.searchsorted(training[:, 0], t_fin - window_s))
    i0 = min(i0, len(training) - 2)
    t_a, r_a = training[i0, 0], training[i0, 3]
    result["training_tail_seconds"] = t_fin - t_a
    result["training_tail_redraws_per_s"] = (r_fin - r_a) / (t_fin - t_a)
    log = np.array(state["redraw_log"], dtype=float).reshape(-1, 3)
    tail = log[(log[:, 0] >= t_a) & (log[:, 0] <= t_fin)]
    result["training_tail_redraw_ms_p50"] = pct(tail[:, 2], 50)
    result["training_tail_redraw_ms_p95"] = pct(tail[:, 2], 95)
    result["training_tail_iterations_per_s"] = (it_fin - training[i0, 1]) / (t_fin - t_a)
    # A profile of the run by stretches of iterations: throughput, memory, redraws.
    stretches = []
    edges = np.linspace(0, it_fin, 11)
    for lo, hi in itertools.pairwise(edges):
        s = training[(training[:, 1] >= lo) & (training[:, 1] <= hi)]
        r = log[(log[:, 1] >= lo) & (log[:, 1] < hi)]
        if len(s) < 2:
            continue
        dt = s[-1, 0] - s[0, 0]
        stretches.append(
            {
                "from": int(lo),
                "to": int(hi),
                "iterations_per_s": (s[-1, 1] - s[0, 1]) / dt if dt > 0 else float("nan"),
                "redraws_per_s": (s[-1, 3] - s[0, 3]) / dt if dt > 0 else float("nan"),
                "redraw_ms_p50": pct(r[:, 2], 50),
                "redraw_ms_p95": pct(r[:, 2], 95),
                "rss_mb": float(s[-1, 2]) / MB,
            }
        )
    result["stretches"] = stretches
    result["growth_pass"] = bool(result["peak_growth_mb"] <= GROWTH_TARGET_MB)
    result["end_redraw_pass"] = bool(result["end_full"]["redraws_per_s"] >= REDRAW_TARGET)
    result["training_redraw_pass"] = bool(result["training_tail_redraws_per_s"] >= REDRAW_TARGET)
    result["pass"] = bool(
        result["growth_pass"]
        and result["end_redraw_pass"]
        and result["training_redraw_pass"]
        and result["view_covers_run"]
        and not result.get("timed_out")
        and "diverged_at" not in result
    )
    if tracer is not None:
        diff = state["snap1"].compare_to(state["snap0"], "traceback")
        result["tracemalloc_top"] = [
            {
                "size_diff_kb": stat.size_diff / 1024,
                "count_diff": stat.count_diff,
                "where": [f"{fr.filename}:{fr.lineno}" for fr in stat.traceback[-4:]],
            }
            for stat in diff[:8]
        ]
        tracer.stop()
    return result


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def report(r: dict) -> None:
    print(
        f"trained {r['iterations_done']:,} iterations in {r['train_seconds']:.1f} s: "
        f"{r['iterations_per_s']:,.0f} iterations/s overall "
        f"(last {r['training_tail_seconds']:.1f} s: {r['training_tail_iterations_per_s']:,.0f}/s)"
    )
    if r.get("timed_out"):
        print("TIMED OUT before the target")
    if "diverged_at" in r:
        print(f"DIVERGED at iteration {r['diverged_at']:,}")
    print("  iterations          it/s  redraws/s  redraw ms p50/p95   RSS MB")
    for s in r["stretches"]:
        print(
            f"  {s['from']:>9,}-{s['to']:<9,} {s['iterations_per_s']:>7,.0f}  "
            f"{s['redraws_per_s']:>9.1f}  {s['redraw_ms_p50']:>7.1f} /{s['redraw_ms_p95']:>6.1f}"
            f"   {s['rss_mb']:>6.1f}"
        )
    if "key_frames" in r:
        print(
            f"timeline: {r['key_frames']:,} key frames at iteration {r['key_frames_at']:,}, "
            f"{r['key_frames_mb']:.2f} MB of parameters, one every "
            f"{r['key_frame_interval']:,} iterations"
        )
    hwm_note = "reset at the baseline" if r["vmhwm_reset_at_baseline"] else "since start"
    print(
        f"RSS at {r['baseline_iteration']:,} iterations (baseline): {r['rss_baseline_mb']:.1f} MB; "
        f"peak {r['rss_peak_mb']:.1f} MB (sampled {r['rss_peak_sampled_mb']:.1f}, "
        f"VmHWM {r['vmhwm_mb']:.1f} {hwm_note}); final {r['rss_final_mb']:.1f} MB "
        f"(at the end of training {r['rss_after_training_mb']:.1f})"
    )
    print(
        f"peak growth above the baseline: {r['peak_growth_mb']:.1f} MB   "
        f"(target <= {GROWTH_TARGET_MB:.0f} MB) {verdict(r['growth_pass'])}"
    )
    if "traced_peak_mb_after_baseline" in r:
        print(
            "tracemalloc was on: training and redraws ran many times slower, so the rates and "
            "timings above are not representative (use it for where memory goes, on short runs)"
        )
        peak = r["traced_peak_mb_after_baseline"]
        print(f"tracemalloc: peak traced after the baseline {peak:.1f} MB")
        for t in r["tracemalloc_top"]:
            print(
                f"  {t['size_diff_kb']:+10.0f} KB {t['count_diff']:+6d}  "
                + " < ".join(reversed(t["where"]))
            )
    print(
        f"cost plot: {r['history_points']:,} points in the history, the last at iteration "
        f"{r['history_last_iteration']:,}, {r['curve_points']:,} drawn; view x "
        f"{r['view_x'][0]:,.0f} .. {r['view_x'][1]:,.0f} "
        f"({'covers' if r['view_covers_run'] else 'does NOT cover'} the whole run)"
    )
    print(
        f"redraws per second, last {r['training_tail_seconds']:.1f} s of training: "
        f"{r['training_tail_redraws_per_s']:.1f} (redraw {r['training_tail_redraw_ms_p50']:.1f} / "
        f"{r['training_tail_redraw_ms_p95']:.1f} ms p50/p95)   (target >= {REDRAW_TARGET:.0f}) "
        f"{verdict(r['training_redraw_pass'])}"
    )
    for key, what in (
        ("end_dirty", "views dirty (numbers, marker, ranges)"),
        ("end_full", "views dirty + the whole history taken again"),
    ):
        e = r[key]
        line = (
            f"redraws per second at the end, {what}: {e['redraws_per_s']:.1f}; "
            f"redraw {e['redraw_ms_p50']:.1f} / {e['redraw_ms_p95']:.1f} ms, with its paint "
            f"{e['redraw_paint_ms_p50']:.1f} / {e['redraw_paint_ms_p95']:.1f} ms (p50/p95)"
        )
        if key == "end_full":
            line += f"   (target >= {REDRAW_TARGET:.0f}) {verdict(r['end_redraw_pass'])}"
        print(line)
    print(f"overall: {verdict(r['pass'])}")
    tail = {k: v for k, v in r.items() if k not in ("stretches", "tracemalloc_top")}
    print(json.dumps({"benchmark": "long_run", **tail}, sort_keys=True))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=1_000_000)
    parser.add_argument(
        "--sample-interval", type=float, default=0.5, help="seconds between RSS samples"
    )
    parser.add_argument(
        "--measure-seconds", type=float, default=5.0, help="length of each redraw measurement"
    )
    parser.add_argument("--timeout", type=float, default=3600.0, help="give up training after this")
    parser.add_argument("--tracemalloc", action="store_true", help="trace allocations (slower)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args()
    if args.iterations <= BASELINE_AT:
        parser.error(f"--iterations must exceed the {BASELINE_AT:,}-iteration baseline")
    r = long_run(args)
    report(r)
    if args.strict and not r["pass"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
