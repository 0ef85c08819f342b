"""``main.py --headless --export-animation FILE``: train, then write the run as an animation.

The options are the headless command line's (:mod:`engine.cli_options`): the run's own
(``--init``, ``--iterations``, …) and the animation's (``--frames``, ``--fps``, ``--frame-spacing``,
``--width``).  Every option is checked before Qt is even imported, so a bad one is refused in
one line (exit status 2) as fast as any other; then Qt starts on its offscreen platform (no
display needed: ``QT_QPA_PLATFORM`` is set to ``offscreen`` whatever it was) and the frames are
drawn by the window's own views.  A line on stderr says what was written.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Sequence
from typing import TextIO

from engine.cli_options import (
    animation_options,
    build_parser,
    config_from_args,
    refuse_combinations,
)

__all__ = ["main"]


def main(argv: Sequence[str] | None = None, err: TextIO | None = None) -> int:
    """Run the command line ``argv``; returns the exit status (2: a refused option)."""
    err = err or sys.stderr
    parser = build_parser()
    args = parser.parse_args(argv)
    refuse_combinations(parser, args)
    path = args.export_animation
    if path is None:
        parser.error("argument --export-animation: expected one argument")
    config, data, iterations = config_from_args(args)
    options = animation_options(args)
    if iterations < 1:
        parser.error(
            "argument --iterations: an animation needs at least 1 iteration (it shows "
            "iterations 0 to the last)"
        )
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before Qt starts: no display is needed
    from PyQt6 import QtWidgets

    from app.animation.export import export_record
    from app.animation.replay import record_run

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv[:1])
    started = time.perf_counter()
    record = record_run(config, data, iterations)
    result = export_record(record, path, options)
    shown = result.iterations
    err.write(
        f"wrote {result.path}: {len(shown)} frames of iterations {shown[0]} to {shown[-1]} "
        f"({options.spacing}), {result.width}x{result.height}, {options.fps:g} fps, "
        f"in {time.perf_counter() - started:.1f} s\n"
    )
    del app  # the QApplication outlives this function when it was not ours
    if record.diverged_at is not None:
        err.write(
            f"training diverged at iteration {record.diverged_at}: the cost or the weights "
            "stopped being finite; the animation ends there\n"
        )
        return 1
    return 0
