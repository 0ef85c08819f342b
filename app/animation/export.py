"""One export from start to finish, in the calling thread: replay, draw, encode, write.

The command line runs it as it is; the window runs the same steps split between its export
thread (replay, encode) and the GUI thread (draw), see :mod:`app.animation.export_worker`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from app.animation.canvas import AnimationCanvas, frame_height
from app.animation.encode import AnimationWriter, Cancelled
from app.animation.replay import Replayer, RunRecord
from app.animation.spacing import iteration_schedule
from app.frames import Frame
from engine.cli_options import AnimationOptions

__all__ = ["ExportResult", "draw_frames", "export_record", "new_canvas", "written"]

#: (frames done, frames in all) after each frame
Progress = Callable[[int, int], None]
#: (frame, its index, frames in all) -> its picture, ``(height, width, 3)`` ``uint8``
Draw = Callable[[Frame, int, int], np.ndarray]


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What was written: the file, and the iteration and cost shown on each frame."""

    path: Path
    shown: tuple[tuple[int, float], ...]
    width: int
    height: int
    options: AnimationOptions

    @property
    def iterations(self) -> tuple[int, ...]:
        return tuple(it for it, _cost in self.shown)


def new_canvas(record: RunRecord, options: AnimationOptions) -> AnimationCanvas:
    """The offscreen canvas for ``record``'s frames (GUI thread)."""
    return AnimationCanvas(options.width, record.config, record.data, record.last, record.history)


def draw_frames(
    record: RunRecord,
    options: AnimationOptions,
    writer: AnimationWriter,
    draw: Draw,
    cancelled: Callable[[], bool] = lambda: False,
    progress: Progress = lambda _done, _total: None,
) -> tuple[tuple[int, float], ...]:
    """The loop of every export: replay each scheduled iteration, ``draw`` it (a picture, by
    whatever thread may draw), hand it to ``writer``; returns each frame's (iteration, cost)."""
    schedule = iteration_schedule(record.last, options.frames, options.spacing)
    replayer = Replayer(record)
    shown = []
    for index, iteration in enumerate(schedule):
        if cancelled():
            raise Cancelled
        frame = replayer.frame_at(iteration)
        writer.add(draw(frame, index, len(schedule)))
        shown.append((frame.snapshot.iteration, frame.snapshot.cost))
        progress(index + 1, len(schedule))
    return tuple(shown)


def written(
    writer: AnimationWriter, shown: tuple[tuple[int, float], ...], options: AnimationOptions
) -> ExportResult:
    """What an export that ``writer`` has saved wrote."""
    width = options.width
    return ExportResult(writer.path, shown, width, frame_height(width), options)


def export_record(
    record: RunRecord,
    path: str | Path,
    options: AnimationOptions,
    cancelled: Callable[[], bool] = lambda: False,
    progress: Progress = lambda _done, _total: None,
) -> ExportResult:
    """Write ``record`` as an animation at ``path``, drawing in this thread; nothing is left
    there if it fails or ``cancelled()`` turns true (:class:`~app.animation.encode.Cancelled`)."""
    writer = AnimationWriter(path, options.fps)
    canvas = new_canvas(record, options)
    try:
        shown = draw_frames(
            record, options, writer, lambda frame, _i, _n: canvas.render_frame(frame),
            cancelled, progress,
        )  # fmt: skip
    finally:
        canvas.close()
        canvas.deleteLater()
    writer.save(cancelled)
    return written(writer, shown, options)
