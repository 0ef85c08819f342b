"""``main.py --headless``: train without a window and print the tutorial's transcript.

The output is the tutorial's, line for line (costs and accuracies printed with ``str()``), so a run
can be checked against the published numbers with ``diff``.  Timing goes to stderr.

``--preset NAME`` starts from a ready-made experiment, ``--experiment FILE`` from a saved one; any
option given explicitly overrides it (which is why the overridable options default to ``None``
here and get their real defaults, the tutorial's, in :func:`config_from_args`).  ``--diagnostics``
appends a per-layer report after the accuracies; without it the transcript is exactly the
tutorial's.  ``--save-experiment FILE`` writes the run's settings before training, and
``--export-csv FILE`` the cost of every iteration with the accuracies and gradient norms after it.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn, TextIO

import numpy as np

from engine.activations import ACTIVATIONS
from engine.datasets import (
    DATASETS,
    MAX_NOISE,
    MAX_SAMPLES,
    MIN_SAMPLES,
    DataError,
    Dataset,
    check_noise,
    check_samples,
    csv_path,
    load_csv,
)
from engine.diagnostics import NAIVE_LOSS_NOTE, Diagnostics
from engine.experiment import Experiment, ExperimentError, load_experiment, save_experiment
from engine.export import write_history_csv
from engine.initializers import INITIALIZERS, MAX_SCALE, check_scale
from engine.presets import PRESETS
from engine.trainer import (
    MAX_ITERATIONS,
    MAX_SEED,
    TrainConfig,
    Trainer,
    check_learning_rate,
    parse_hidden,
)

__all__ = [
    "MAX_ITERATIONS",
    "build_parser",
    "config_from_args",
    "diagnostics_report",
    "main",
    "run_transcript",
]


PROG = "main.py --headless"


class _OneLineParser(argparse.ArgumentParser):
    """Refuses bad options with one line on stderr and exit status 2 (no usage dump)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message}\n")


def _typed(kind, check, allowed: str):
    """An argparse ``type=`` that converts with ``kind``, checks, and names what is allowed."""

    def convert(text: str):
        try:
            value = kind(text)
            check(value)
        except (TypeError, ValueError):
            raise argparse.ArgumentTypeError(f"{text!r} is not allowed: {allowed}") from None
        return value

    return convert


def _require(condition: bool) -> None:
    if not condition:
        raise ValueError


def _hidden(text: str) -> tuple[int, ...]:
    try:
        return parse_hidden(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _csv(text: str) -> Dataset:
    """Load the file while parsing, so a bad one is refused like any bad option: one line."""
    try:
        return load_csv(text)
    except DataError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _experiment(text: str) -> Experiment:
    """Read the experiment file while parsing: a bad one is refused in one line."""
    try:
        return load_experiment(text)
    except ExperimentError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _output_file(text: str) -> str:
    """A file the run will write: refused now, before training, if it clearly cannot be."""
    path = Path(text).expanduser()
    folder = path.parent
    if not text.strip():
        raise argparse.ArgumentTypeError("a file name is needed")
    if path.is_dir():
        raise argparse.ArgumentTypeError(f"{text}: is a folder, not a file")
    if not folder.is_dir():
        raise argparse.ArgumentTypeError(f"{text}: the folder {str(folder)!r} does not exist")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise argparse.ArgumentTypeError(f"{text}: no permission to write it")
    return str(path)


def build_parser() -> argparse.ArgumentParser:
    p = _OneLineParser(
        prog=PROG,
        description="Train without a window and print the tutorial's transcript.",
    )
    p.add_argument("--headless", action="store_true", help=argparse.SUPPRESS)
    p.add_argument(
        "--preset",
        choices=list(PRESETS),
        help="start from a ready-made experiment; explicit options override it",
    )
    p.add_argument("--init", choices=list(INITIALIZERS), help="weight initializer (default: he)")
    p.add_argument(
        "--scale",
        metavar="X",
        type=_typed(float, check_scale, f"a number above 0 and at most {MAX_SCALE:g}"),
        help="the multiplier of --init scaled (default: 1)",
    )
    p.add_argument(
        "--iterations",
        metavar="N",
        type=_typed(
            int,
            lambda n: _require(0 <= n <= MAX_ITERATIONS),
            f"a whole number from 0 to {MAX_ITERATIONS}",
        ),
        help="gradient steps (default: 15000, or the preset's)",
    )
    p.add_argument(
        "--lr",
        metavar="X",
        type=_typed(float, check_learning_rate, "a number above 0 and at most 10"),
        help="learning rate (default: 0.01)",
    )
    p.add_argument(
        "--layers",
        type=_hidden,
        metavar="SIZES",
        help="hidden layer sizes, e.g. 10,5 (default)",
    )
    p.add_argument(
        "--seed",
        metavar="S",
        type=_typed(
            int, lambda s: _require(0 <= s <= MAX_SEED), f"a whole number from 0 to {MAX_SEED}"
        ),
        help="the initializer's random seed (default: 3)",
    )
    p.add_argument("--dataset", choices=list(DATASETS), help="data set (default: circles)")
    p.add_argument(
        "--noise",
        metavar="X",
        type=_typed(float, check_noise, f"a number from 0 to {MAX_NOISE:g}"),
        help="noise of the generated data set (default: the data set's own; circles 0.05)",
    )
    p.add_argument(
        "--samples",
        metavar="N",
        type=_typed(int, check_samples, f"a whole number from {MIN_SAMPLES} to {MAX_SAMPLES}"),
        help="training points of the generated data set, plus a third as many test points "
        "(default: 300)",
    )
    p.add_argument(
        "--csv",
        metavar="PATH",
        type=_csv,
        help="your own points: a CSV file of x1,x2,label rows (label 0 or 1)",
    )
    p.add_argument(
        "--activation",
        choices=list(ACTIVATIONS),
        help="hidden-layer activation (default: relu)",
    )
    p.add_argument(
        "--print-every",
        default=1000,
        metavar="K",
        type=_typed(int, lambda k: _require(k >= 1), "a whole number of at least 1"),
        help="print the cost every K iterations (default: 1000)",
    )
    p.add_argument(
        "--compare",
        metavar="NAMES",
        help="train several initializers side by side on the same data, e.g. zeros,random,he "
        "(up to 6), then print a comparison table",
    )
    p.add_argument(
        "--diagnostics",
        action="store_true",
        help="after the accuracies, report per layer: gradient norms, distinct neurons, dead "
        "units; and the saturated outputs",
    )
    p.add_argument(
        "--experiment",
        metavar="FILE",
        type=_experiment,
        help="start from a saved experiment file (its settings and its target iterations); "
        "explicit options override it",
    )
    p.add_argument(
        "--save-experiment",
        metavar="FILE",
        type=_output_file,
        help="write the run's settings and iterations to an experiment file, then train",
    )
    p.add_argument(
        "--export-csv",
        metavar="FILE",
        type=_output_file,
        help="after training, write every iteration's cost, with the accuracies and gradient "
        "norms every 100 iterations, as CSV",
    )
    return p


def config_from_args(args: argparse.Namespace) -> tuple[TrainConfig, Dataset | None, int]:
    """The run the options ask for: ``(config, data loaded from --csv or None, iterations)``.

    The preset or experiment file (if any) first, then every option given explicitly; what
    neither sets keeps the tutorial's default.  The iterations: ``--iterations``, else the
    experiment's target, else the preset's, else 15000.
    """
    preset_name = getattr(args, "preset", None)
    preset = PRESETS[preset_name] if preset_name else None
    experiment: Experiment | None = getattr(args, "experiment", None)
    if experiment is not None:
        config = experiment.config
    else:
        config = preset.apply() if preset else TrainConfig()
    options = {  # TrainConfig field: option (attributes a namespace may lack count as not given)
        "init": "init",
        "scale": "scale",
        "learning_rate": "lr",
        "hidden": "layers",
        "activation": "activation",
        "seed": "seed",
        "dataset": "dataset",
        "samples": "samples",
        "noise": "noise",
    }
    changes = {field: getattr(args, option, None) for field, option in options.items()}
    data = getattr(args, "csv", None)
    if data is not None:
        changes["dataset"] = data.name
    config = config.with_(**{k: v for k, v in changes.items() if v is not None})
    loaded = getattr(args, "experiment_data", None)  # the experiment's CSV, read by main()
    if data is None and loaded is not None and loaded.name == config.dataset:
        data = loaded
    iterations = getattr(args, "iterations", None)
    if iterations is None and experiment is not None:
        iterations = experiment.target
    if iterations is None:
        iterations = preset.iterations if preset else 15000
    return config, data, iterations


def _refuse_combinations(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Options that parse on their own but contradict each other: one line, status 2."""
    experiment: Experiment | None = args.experiment
    if experiment is not None and args.preset is not None:
        parser.error("argument --experiment: not allowed with --preset (both set up the whole run)")
    if args.compare is not None:
        for option, value in (
            ("--save-experiment", args.save_experiment),
            ("--export-csv", args.export_csv),
        ):
            if value is not None:
                parser.error(f"argument {option}: not allowed with --compare (a single run only)")
    compared = args.compare.split(",") if args.compare else []
    if args.scale is not None and not any(
        n in INITIALIZERS and INITIALIZERS[n].uses_scale for n in compared
    ):
        if experiment is not None:
            base_init = experiment.config.init
        else:
            base_init = PRESETS[args.preset].init if args.preset else TrainConfig().init
        init = args.init or base_init
        if not INITIALIZERS[init].uses_scale:
            parser.error(
                f"argument --scale: only --init scaled uses a multiplier (the initializer: {init})"
            )
    if args.csv is not None:
        clash = [
            option
            for option, value in (
                ("--dataset", args.dataset),
                ("--noise", args.noise),
                ("--samples", args.samples),
            )
            if value is not None
        ]
        if clash:
            parser.error(
                f"argument --csv: not allowed with {clash[0]} (a file brings its own points)"
            )
    elif experiment is not None and args.dataset is None:
        path = csv_path(experiment.config.dataset)
        if path is not None:
            for option, value in (("--noise", args.noise), ("--samples", args.samples)):
                if value is not None:
                    parser.error(
                        f"argument {option}: the experiment's data come from a file, which "
                        "brings its own points (choose a --dataset to use it)"
                    )
            try:
                args.experiment_data = load_csv(path)
            except DataError as exc:
                parser.error(f"argument --experiment: its data file: {exc}")


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
    """Train as ``args`` say, printing the transcript; returns the exit status."""
    config, data, total = config_from_args(args)
    save_to = getattr(args, "save_experiment", None)
    export_to = getattr(args, "export_csv", None)
    if save_to is not None:
        try:
            save_experiment(save_to, config, target=total)
        except ExperimentError as exc:
            err.write(f"{PROG}: error: argument --save-experiment: {exc}\n")
            return 2
    trainer = Trainer(config, data)
    report = bool(getattr(args, "diagnostics", False))
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
    _refuse_combinations(parser, args)
    if args.compare is not None:
        from engine.compare import run_compare_cli

        return run_compare_cli(args.compare.split(","), args, sys.stdout, sys.stderr)
    return run_transcript(args, sys.stdout, sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
