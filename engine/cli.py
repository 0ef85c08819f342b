"""``main.py --headless``: train without a window and print the tutorial's transcript.

The output is the tutorial's, line for line (costs and accuracies printed with ``str()``), so a run
can be checked against the published numbers with ``diff``.  Timing goes to stderr.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from typing import NoReturn, TextIO

from engine.activations import ACTIVATIONS
from engine.datasets import DATASETS
from engine.initializers import INITIALIZERS
from engine.trainer import TrainConfig, Trainer, check_learning_rate, parse_hidden

__all__ = ["build_parser", "main", "run_transcript"]

MAX_ITERATIONS = 1_000_000_000


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


def build_parser() -> argparse.ArgumentParser:
    p = _OneLineParser(
        prog="main.py --headless",
        description="Train without a window and print the tutorial's transcript.",
    )
    p.add_argument("--headless", action="store_true", help=argparse.SUPPRESS)
    p.add_argument(
        "--init", default="he", choices=list(INITIALIZERS), help="weight initializer (default: he)"
    )
    p.add_argument(
        "--iterations",
        default=15000,
        metavar="N",
        type=_typed(
            int,
            lambda n: _require(0 <= n <= MAX_ITERATIONS),
            f"a whole number from 0 to {MAX_ITERATIONS}",
        ),
        help="gradient steps (default: 15000)",
    )
    p.add_argument(
        "--lr",
        default=0.01,
        metavar="X",
        type=_typed(float, check_learning_rate, "a number above 0 and at most 10"),
        help="learning rate (default: 0.01)",
    )
    p.add_argument(
        "--layers",
        default=(10, 5),
        type=_hidden,
        metavar="SIZES",
        help="hidden layer sizes, e.g. 10,5 (default)",
    )
    p.add_argument(
        "--seed",
        default=3,
        metavar="S",
        type=_typed(
            int, lambda s: _require(0 <= s < 2**32), f"a whole number from 0 to {2**32 - 1}"
        ),
        help="the initializer's random seed (default: 3)",
    )
    p.add_argument(
        "--dataset", default="circles", choices=list(DATASETS), help="data set (default: circles)"
    )
    p.add_argument(
        "--activation",
        default="relu",
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
    return p


def run_transcript(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Train as ``args`` say, printing the transcript; returns the exit status."""
    config = TrainConfig(
        init=args.init,
        learning_rate=args.lr,
        hidden=args.layers,
        seed=args.seed,
        dataset=args.dataset,
        activation=args.activation,
    )
    trainer = Trainer(config)
    every, total = args.print_every, args.iterations
    started = time.perf_counter()
    while trainer.iteration < total and trainer.diverged_at is None:
        start = trainer.iteration  # a multiple of ``every``: its cost is recorded by this chunk
        trainer.step(min(every, total - start), record_every=every)
        last = trainer.history.last()
        if last is not None and last[0] == start:
            out.write(f"Cost after iteration {start}: {last[1]}\n")
            out.flush()
    elapsed = time.perf_counter() - started
    if trainer.diverged_at is not None:
        err.write(
            f"training diverged at iteration {trainer.diverged_at}: the cost or the weights "
            "stopped being finite; try a lower learning rate or another initializer\n"
        )
        return 1
    out.write("On the train set:\n")
    out.write(f"Accuracy: {trainer.train_accuracy()}\n")
    out.write("On the test set:\n")
    out.write(f"Accuracy: {trainer.test_accuracy()}\n")
    out.flush()
    err.write(f"trained {trainer.iteration} iterations in {elapsed:.3f} s\n")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return run_transcript(args, sys.stdout, sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
