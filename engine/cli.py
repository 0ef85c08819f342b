"""``main.py --headless``: train without a window and print the tutorial's transcript.

The output is the tutorial's, line for line (costs and accuracies printed with ``str()``), so a run
can be checked against the published numbers with ``diff``.  Timing goes to stderr.

The options and the run they ask for are :mod:`engine.cli_options`; ``--compare`` is
:mod:`engine.cli_compare`.  ``--diagnostics`` appends a per-layer report after the accuracies;
without it the transcript is exactly the tutorial's.  ``--save-experiment FILE`` writes the run's
settings before training, and ``--export-csv FILE`` the cost of every iteration with the
accuracies and gradient norms after it.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from typing import TextIO

import numpy as np

from engine.cli_compare import run_compare_cli
from engine.cli_options import PROG, build_parser, config_from_args, refuse_combinations
from engine.config import MAX_ITERATIONS
from engine.diagnostics import NAIVE_LOSS_NOTE, Diagnostics
from engine.experiment import ExperimentError, save_experiment
from engine.export import write_history_csv
from engine.trainer import Trainer

__all__ = [
    "MAX_ITERATIONS",
    "PROG",
    "build_parser",
    "config_from_args",
    "diagnostics_report",
    "main",
    "run_compare_cli",
    "run_transcript",
]


def _norm(value: float) -> str:
    return f"{value:.3g}" if np.isfinite(value) else "n/a"


def diagnostics_report(diag: Diagnostics, saturated_at_start: int | None = None) -> list[str]:
    """The ``--diagnostics`` lines: one per layer, then the saturated outputs."""
    g = diag.grad_norms
    lines = []
    if len(g):
        lines.append(
            f"Diagnostics at iteration {diag.iteration}: gradient norms at iterations "
            f"{int(g.iterations[0])} (first) and {int(g.iterations[-1])} (last); "
            "|dW| of the weights, |δ| of the error signal dJ/dZ"
        )
    else:
        lines.append(f"Diagnostics at iteration {diag.iteration} (no gradient computed yet)")
    n_layers = len(diag.distinct_neurons)
    word = diag.dead_rule.word
    for k in range(n_layers):
        name = f"Layer {k + 1}" + (" (output)" if k == n_layers - 1 else "")
        parts = []
        if len(g):
            parts.append(
                f"|dW| first={_norm(g.weight_norms[0, k])} last={_norm(g.weight_norms[-1, k])}"
            )
            parts.append(
                f"|δ| first={_norm(g.delta_norms[0, k])} last={_norm(g.delta_norms[-1, k])}"
            )
        distinct, total = diag.distinct_neurons[k]
        parts.append(f"distinct neurons {distinct}/{total}")
        if k < n_layers - 1:
            dead, units = diag.dead_units[k]
            parts.append(f"{word} units {dead}/{units}")
            parts.append(f"{diag.flat_fractions[k]:.0%} of outputs {_flat_words(word)}")
        lines.append(f"{name}: " + ", ".join(parts))
    lines.append(f"({word} unit: {diag.dead_rule.rule})")
    sat = f"{diag.saturated} of {diag.n_train} at iteration {diag.iteration}"
    if saturated_at_start is not None and diag.iteration:
        sat = f"{saturated_at_start} of {diag.n_train} at iteration 0, " + sat
    lines.append(f"Saturated outputs (exactly 0.0 or 1.0 in float64): {sat}")
    if diag.saturated or saturated_at_start:
        lines.append(NAIVE_LOSS_NOTE)
    return lines


def _flat_words(word: str) -> str:
    return {"dead": "zero", "inactive": "negative"}.get(word, word)


def run_transcript(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Train as ``args`` (from :func:`build_parser`) say, printing the transcript; returns the
    exit status."""
    config, data, total = config_from_args(args)
    save_to, export_to = args.save_experiment, args.export_csv
    if save_to is not None:
        try:
            save_experiment(save_to, config, target=total)
        except ExperimentError as exc:
            err.write(f"{PROG}: error: argument --save-experiment: {exc}\n")
            return 2
    trainer = Trainer(config, data)
    report = args.diagnostics
    saturated_at_start = trainer.saturated_count() if report else None
    every = args.print_every
    started = time.perf_counter()
    while trainer.iteration < total and trainer.diverged_at is None:
        start = trainer.iteration  # a multiple of ``every``: its cost is recorded by this chunk
        chunk = min(every, total - start)
        if export_to is None:
            trainer.step(chunk, record_every=every)
        else:  # the export wants every iteration's cost: the window's history, the same numbers
            trainer.step(1, record_every=1)
        last = trainer.history.last()
        if last is not None and last[0] == start:
            out.write(f"Cost after iteration {start}: {last[1]}\n")
            out.flush()
        if export_to is not None and chunk > 1:
            trainer.step(chunk - 1, record_every=1)
    elapsed = time.perf_counter() - started
    status = 0
    if trainer.diverged_at is not None:
        err.write(
            f"training diverged at iteration {trainer.diverged_at}: the cost or the weights "
            "stopped being finite; try a lower learning rate or another initializer\n"
        )
        status = 1
    else:
        out.write("On the train set:\n")
        out.write(f"Accuracy: {trainer.train_accuracy()}\n")
        out.write("On the test set:\n")
        out.write(f"Accuracy: {trainer.test_accuracy()}\n")
        if report:
            for line in diagnostics_report(trainer.diagnostics(), saturated_at_start):
                out.write(line + "\n")
        out.flush()
        err.write(f"trained {trainer.iteration} iterations in {elapsed:.3f} s\n")
    if export_to is not None:
        snapshot = trainer.snapshot(with_diagnostics=False, with_layers=False)
        try:
            write_history_csv(export_to, snapshot)
        except OSError as exc:
            err.write(
                f"{PROG}: error: argument --export-csv: {export_to}: cannot be written "
                f"({exc.strerror or exc})\n"
            )
            return 1
    return status


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    refuse_combinations(parser, args)
    if args.export_animation is not None:  # drawn with Qt, which this module never imports
        parser.error(
            "argument --export-animation: the animation is drawn by the window's code; run "
            "main.py --headless --export-animation FILE"
        )
    if args.compare is not None:
        return run_compare_cli(args.compare.split(","), args, sys.stdout, sys.stderr)
    return run_transcript(args, sys.stdout, sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
