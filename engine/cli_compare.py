"""``main.py --headless --compare zeros,random,he``: several initializers, one transcript each,
then a comparison table.

The runs are a :class:`~engine.compare.Comparison` (the same data, stepped in lockstep); every
other option applies to each of them exactly as the single run reads it, so each transcript is,
line for line, what ``--init NAME`` prints alone.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from typing import TextIO

import numpy as np

from engine.cli_options import PROG, config_from_args
from engine.compare import (
    ACCURACY_MILESTONE,
    COST_MILESTONE,
    MAX_CONFIGS,
    CompareRow,
    Comparison,
)
from engine.config import TrainConfig
from engine.datasets import Dataset
from engine.initializers import INITIALIZERS
from engine.trainer import Trainer

__all__ = ["NOT_REACHED", "TABLE_HEADERS", "format_table", "run_compare_cli"]

NOT_REACHED = "not reached"
TABLE_HEADERS = (
    "configuration",
    "iterations",
    "cost",
    "train accuracy",
    "test accuracy",
    f"cost <= {COST_MILESTONE:g} at",
    f"train acc >= {ACCURACY_MILESTONE:g} at",
    "state",
)


def _milestone_text(at: int | None) -> str:
    return NOT_REACHED if at is None else str(at)


def format_table(rows: Sequence[CompareRow]) -> str:
    """The rows as an aligned plain-text table (ASCII apart from the labels: ``<=``, not ``≤``).

    Numbers are printed with ``str()`` like the transcript, so they can be checked to the digit
    against a single headless run.
    """
    cells = [
        (
            r.label,
            str(r.iteration),
            str(r.cost),
            str(r.train_accuracy),
            str(r.test_accuracy),
            _milestone_text(r.cost_reached_at),
            _milestone_text(r.accuracy_reached_at),
            r.state_text,
        )
        for r in rows
    ]
    table = [TABLE_HEADERS, *cells]
    widths = [max(len(row[i]) for row in table) for i in range(len(TABLE_HEADERS))]

    def line(row: Sequence[str]) -> str:
        return "  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(TABLE_HEADERS), rule, *(line(r) for r in cells)]) + "\n"


def _unique_labels(names: Sequence[str]) -> list[str]:
    """``he, he`` → ``he, he #2``: every transcript header and table row names one run."""
    seen: dict[str, int] = {}
    labels = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        labels.append(name if seen[name] == 1 else f"{name} #{seen[name]}")
    return labels


def run_compare_cli(
    names: Sequence[str],
    args: argparse.Namespace,
    out: TextIO,
    err: TextIO,
    data: Dataset | None = None,
    base: TrainConfig | None = None,
) -> int:
    """Train each initializer in ``names`` on the same data, in lockstep; print, then compare.

    Prints, for each configuration, a header line ``== name ==`` and the single run's transcript
    (the same lines, to the digit, as ``--init name``), then a blank line and the comparison table
    (:func:`format_table`).

    ``args`` comes from :func:`~engine.cli_options.build_parser`.  Every other option applies to
    every configuration, read exactly as the single run reads it
    (:func:`~engine.cli_options.config_from_args`: presets, ``--csv``, ``--noise``…), so each
    configuration is the single run's with its initializer swapped.  ``base`` overrides that
    configuration and ``data`` the data set.

    Returns 0, or 1 when a configuration diverged (the others still finish and are reported), or
    2 for bad names (one line on ``err`` naming ``--compare`` and what is allowed).
    """
    names = [n.strip() for n in names]
    allowed = ", ".join(INITIALIZERS)
    bad = [n for n in names if n not in INITIALIZERS]
    if not names or bad:
        shown = repr(bad[0]) if bad else "nothing"
        err.write(
            f"{PROG}: error: argument --compare: {shown} is not allowed: "
            f"give 1 to {MAX_CONFIGS} initializers separated by commas, from {allowed}\n"
        )
        return 2
    if len(names) > MAX_CONFIGS:
        err.write(
            f"{PROG}: error: argument --compare: {len(names)} initializers given; "
            f"at most {MAX_CONFIGS} can be compared at once\n"
        )
        return 2
    try:
        single, csv_data, total = config_from_args(args)
        base = base if base is not None else single
        configs = [base.with_(init=name) for name in names]
    except ValueError as exc:
        err.write(f"{PROG}: error: argument --compare: {exc}\n")
        return 2
    if data is None:
        data = csv_data
    if data is None:
        data = Trainer(configs[0]).data  # exactly the points the single run would train on
    every = args.print_every

    comparison = Comparison(data)
    for label, config in zip(_unique_labels(names), configs):
        comparison.add(config, label)
    transcripts: list[list[str]] = [[] for _ in comparison.entries]
    started = time.perf_counter()
    while comparison.iteration < total and comparison.live:
        start = comparison.iteration  # a multiple of ``every``: its cost goes in the transcripts
        for lines, entry in zip(transcripts, comparison.entries):
            if entry.live:
                cost = entry.trainer.cost()
                if np.isfinite(cost):  # a run diverging here stops before printing its cost
                    lines.append(f"Cost after iteration {start}: {cost}")
        comparison.step(min(every, total - start))
    elapsed = time.perf_counter() - started

    status = 0
    for lines, entry in zip(transcripts, comparison.entries):
        out.write(f"== {entry.label} ==\n")
        out.write("".join(line + "\n" for line in lines))
        if entry.diverged_at is not None:
            status = 1
            out.write(f"Diverged at iteration {entry.diverged_at}\n")
            err.write(
                f"{entry.label}: training diverged at iteration {entry.diverged_at}: the cost or "
                "the weights stopped being finite; try a lower learning rate or another "
                "initializer\n"
            )
        else:
            trainer = entry.trainer
            out.write("On the train set:\n")
            out.write(f"Accuracy: {trainer.train_accuracy()}\n")
            out.write("On the test set:\n")
            out.write(f"Accuracy: {trainer.test_accuracy()}\n")
    out.write("\n")
    out.write(format_table(comparison.rows("finished")))
    out.flush()
    steps = sum(e.iteration for e in comparison.entries)
    err.write(f"trained {steps} iterations in {elapsed:.3f} s\n")
    return status
