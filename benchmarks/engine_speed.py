"""The engine's speed against the tutorial's own NumPy code, measured side by side in one run.

Baseline: ``engine.reference.model`` — the tutorial's loop exactly as it wrote it (dictionary
parameters, a fresh array for every intermediate, the naive cost computed at every step).
Contenders: ``engine.trainer.Trainer.step`` in the two ways the app drives it:

- *transcript*: ``record_every=1000``, the headless transcript, which needs the cost only at the
  printed iterations;
- *cost every step*: ``record_every=1``, as the window's cost curve needs.

Two sizes: the tutorial's experiment (circles, 300 points, hidden 10,5, He) and bigger work
(``make_circles(n_samples=3000, noise=.05, random_state=RandomState(1))``, hidden 100,100, He).
Each round runs the baseline and both contenders from the same initial weights, one after the
other, in an order rotated every round; the figures are medians over rounds of the time per
iteration.  ``ratio`` is the baseline's median over the contender's; after it come the median and
range of the per-round ratios (each round's contender against the same round's baseline), which
shrug off a neighbour's load on a shared machine better than medians of the times do.

The run also checks what the speed must not cost: the engine's He costs against the tutorial's
over its 15000 iterations and over every timed round (maximum relative difference; the engine
computes the cost stably and the tutorial naively, so they agree to ~1e-14, and 1e-12 is allowed),
and whether the engine's weights are still bit-for-bit the tutorial's.  It exits 1 if the costs
differ by more than allowed; speed never fails it (timings on a shared machine are noisy).

Usage::

    .venv/bin/python benchmarks/engine_speed.py [--rounds 9] [--iterations 2000] [--quick]
        [--blas-threads N]

BLAS is measured as it is (its thread count is printed; ``--blas-threads N`` pins every contender
to N threads alike).  Some machines set ``OPENBLAS_CORETYPE`` / ``OPENBLAS_L2_SIZE`` for old
OpenBLAS builds, which slows a current NumPy; to measure the current NumPy's own kernel there,
unset both for this one command (the script prints whether they are set and which kernel runs)::

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE .venv/bin/python benchmarks/engine_speed.py

The README's figures come from a plain run on a machine where neither was set.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from engine import reference  # noqa: E402
from engine.config import TrainConfig  # noqa: E402
from engine.datasets import Dataset, load_circles  # noqa: E402
from engine.trainer import Trainer  # noqa: E402

COST_TOLERANCE = 1e-12  # relative, the He costs' limit
TUTORIAL_ITERATIONS = 15000


@dataclass(frozen=True)
class Size:
    label: str
    data: Dataset
    hidden: tuple[int, ...]
    iterations: int
    targets: tuple[float, float]  # transcript, cost every step


@dataclass
class Timings:
    baseline: list[float]
    transcript: list[float]
    every_step: list[float]


def _params_dict(trainer: Trainer) -> dict[str, np.ndarray]:
    """The trainer's initial weights in the tutorial's dictionary form (fresh copies)."""
    params = {}
    for k, (W, b) in enumerate(trainer._initial, start=1):
        params[f"W{k}"], params[f"b{k}"] = W.copy(), b.copy()
    return params


def _relative(a: np.ndarray, b: np.ndarray) -> float:
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    if a.shape != b.shape:
        return float("inf")
    return float(np.max(np.abs(a - b) / np.abs(b))) if a.size else 0.0


def _same_weights(trainer: Trainer, params: dict[str, np.ndarray]) -> bool:
    return all(
        np.array_equal(W, params[f"W{k}"]) and np.array_equal(b, params[f"b{k}"])
        for k, (W, b) in enumerate(zip(trainer.net.W, trainer.net.b), start=1)
    )


def _timed(fn: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


class Contest:
    """One size: the baseline and both engine modes, run in alternation."""

    def __init__(self, size: Size) -> None:
        self.size = size
        self.trainer = Trainer(TrainConfig(init="he", hidden=size.hidden), size.data)
        self.X, self.Y = size.data.train_X, size.data.train_Y
        self.lr = self.trainer.learning_rate
        self.worst_cost_error = 0.0
        self.weights_identical = True

    def baseline(self, n: int) -> tuple[dict[str, np.ndarray], list[float]]:
        return reference.model(self.X, self.Y, _params_dict(self.trainer), self.lr, n, every=1)

    def engine(self, n: int, record_every: int) -> Trainer:
        self.trainer.reset()
        self.trainer.step(n, record_every=record_every)
        return self.trainer

    def round(self, order: int, timings: Timings) -> None:
        n = self.size.iterations
        runs = [
            ("baseline", lambda: self.baseline(n)),
            ("transcript", lambda: self.engine(n, 1000)),
            ("every_step", lambda: self.engine(n, 1)),
        ]
        runs = runs[order % 3 :] + runs[: order % 3]
        results = {}
        for name, fn in runs:
            seconds, results[name] = _timed(fn)
            getattr(timings, name).append(seconds / n * 1e6)
            if name != "baseline":  # check now: the next engine run resets the trainer
                results[name] = (
                    results[name].history.view().arrays(),
                    results[name].net.get_params(),
                )
        base = results["baseline"]
        for name, every in (("transcript", 1000), ("every_step", 1)):
            (its, costs), engine_params = results[name]
            self._check_arrays(its, costs, engine_params, base, every)

    def _check_arrays(self, its, costs, engine_params, base, every: int) -> None:
        params, base_costs = base
        expected = np.asarray(base_costs)[::every][: len(costs)]
        if len(costs) != len(expected) or not np.array_equal(its, np.arange(len(costs)) * every):
            self.worst_cost_error = float("inf")
        else:
            self.worst_cost_error = max(self.worst_cost_error, _relative(costs, expected))
        for k, (W, b) in enumerate(engine_params, start=1):
            self.weights_identical &= np.array_equal(W, params[f"W{k}"])
            self.weights_identical &= np.array_equal(b, params[f"b{k}"])


def tutorial_check(data: Dataset) -> tuple[float, bool, int]:
    """The tutorial's He run, 15000 iterations, costs every 1000: engine vs the tutorial's code."""
    trainer = Trainer(TrainConfig(init="he"), data)
    params, costs = reference.model(
        data.train_X,
        data.train_Y,
        _params_dict(trainer),
        trainer.learning_rate,
        TUTORIAL_ITERATIONS,
        every=1000,
    )
    trainer.step(TUTORIAL_ITERATIONS, record_every=1000)
    _, ours = trainer.history.view().arrays()
    error = _relative(ours, costs) if len(ours) == len(costs) else float("inf")
    return error, _same_weights(trainer, params), len(costs)


def blas_description() -> str:
    try:
        from threadpoolctl import threadpool_info
    except ImportError:  # pragma: no cover - threadpoolctl comes with scikit-learn
        return "BLAS: (threadpoolctl not installed)"
    blas = [p for p in threadpool_info() if p.get("user_api") == "blas"]
    if not blas:
        return "BLAS: none found by threadpoolctl"
    return "; ".join(
        f"BLAS: {p.get('internal_api')} {p.get('version')} ({p.get('architecture', '?')} kernel), "
        f"{p.get('num_threads')} thread(s)"
        for p in blas
    )


def environment_lines() -> list[str]:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            cpu = next(
                (ln.split(":", 1)[1].strip() for ln in f if ln.startswith("model name")), cpu
            )
    except OSError:
        pass
    env = ", ".join(
        f"{k}={os.environ[k]}" if k in os.environ else f"{k} unset"
        for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OPENBLAS_NUM_THREADS")
    )
    return [
        f"Python {platform.python_version()}, NumPy {np.__version__}, {cpu}, {os.cpu_count()} CPUs",
        blas_description(),
        env,
    ]


def _fmt_us(us: float) -> str:
    return f"{us:,.1f}" if us < 1000 else f"{us:,.0f}"


def report(size: Size, t: Timings) -> list[str]:
    base = statistics.median(t.baseline)
    lines = [
        f"{size.label}",
        f"  {'baseline: the tutorial (cost every step)':42s} {_fmt_us(base):>8s} µs/iter",
    ]
    modes = (
        ("transcript (record_every=1000)", t.transcript, size.targets[0]),
        ("cost every step (record_every=1)", t.every_step, size.targets[1]),
    )
    for label, times, target in modes:
        med = statistics.median(times)
        per_round = [b / c for b, c in zip(t.baseline, times)]
        lines.append(
            f"  {'engine, ' + label:42s} {_fmt_us(med):>8s} µs/iter  ratio {base / med:4.2f}x"
            f"  (per round: median {statistics.median(per_round):.2f}x, "
            f"{min(per_round):.2f}-{max(per_round):.2f})"
            f"  target {target:g}x: {'met' if base / med >= target else 'NOT MET'}"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rounds", type=int, default=None, help="rounds per size (default 9)")
    parser.add_argument(
        "--iterations",
        type=int,
        default=None,
        help="iterations per run at the tutorial's size (default 2000; the "
        "bigger size runs 1/50 of it, at least 5)",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="3 rounds x 500 iterations: a smoke test, not a measurement",
    )
    parser.add_argument(
        "--blas-threads",
        type=int,
        default=None,
        help="pin BLAS to this many threads for every contender alike",
    )
    args = parser.parse_args(argv)
    rounds = args.rounds or (3 if args.quick else 9)
    iterations = args.iterations or (500 if args.quick else 2000)
    if rounds < 1 or iterations < 1:
        parser.error("--rounds and --iterations must be at least 1")

    limit = nullcontext()
    if args.blas_threads:
        from threadpoolctl import threadpool_limits

        limit = threadpool_limits(limits=args.blas_threads, user_api="blas")

    with limit:
        started = time.perf_counter()
        print("InitScope engine speed: the tutorial's NumPy loop vs engine.trainer.Trainer")
        for line in environment_lines():
            print("  " + line)
        print(f"  {rounds} rounds per size, alternating (order rotated each round); medians\n")

        tutorial_data = load_circles()
        sizes = [
            Size(
                "tutorial's experiment: circles 300 points, hidden 10,5, He",
                tutorial_data,
                (10, 5),
                iterations,
                (2.0, 1.8),
            ),
            Size(
                "bigger work: circles 3000 points, hidden 100,100, He",
                load_circles(3000, 1000),
                (100, 100),
                max(5, iterations // 50),
                (1.0, 1.0),
            ),
        ]
        worst = 0.0
        with np.errstate(all="ignore"):  # the tutorial's naive cost may take log(0) (not for He)
            for size in sizes:
                contest = Contest(size)
                contest.round(0, Timings([], [], []))  # warm-up: caches, BLAS buffers, allocator
                contest.worst_cost_error, contest.weights_identical = 0.0, True
                timings = Timings([], [], [])
                for r in range(rounds):
                    contest.round(r, timings)
                for line in report(size, timings):
                    print(line)
                print(
                    f"  {size.iterations} iterations per run; He costs vs the tutorial's: max "
                    f"relative difference {contest.worst_cost_error:.3g}; weights bit-identical: "
                    f"{'yes' if contest.weights_identical else 'no'}\n"
                )
                worst = max(worst, contest.worst_cost_error)

            error, same, n_costs = tutorial_check(tutorial_data)
        worst = max(worst, error)
        print(
            f"The tutorial's He run, {TUTORIAL_ITERATIONS} iterations: its {n_costs} printed costs "
            f"vs the engine's, max relative difference {error:.3g} (allowed "
            f"{COST_TOLERANCE:g}); final weights bit-identical: {'yes' if same else 'no'}"
        )
        print(f"({time.perf_counter() - started:.0f} s)")
    if worst > COST_TOLERANCE:
        print(f"FAILED: the engine's costs differ from the tutorial's by {worst:.3g} relative")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
