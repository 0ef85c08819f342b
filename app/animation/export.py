"""One export from start to finish, in the calling thread: replay, draw, encode, write.

The command line runs it as it is; the window runs the same steps split between its export
thread (replay, encode) and the GUI thread (draw), see :mod:`app.animation.export_worker`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.animation.canvas import AnimationCanvas, frame_height
from app.animation.encode import AnimationWriter, Cancelled
from app.animation.replay import Replayer, RunRecord
from app.animation.spacing import iteration_schedule
from engine.cli_options import AnimationOptions

__all__ = ["ExportResult", "export_record", "new_canvas"]

#: (frames done, frames in all) after each frame
Progress = Callable[[int, int], None]


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


def export_record(
    record: RunRecord,
    path: str | Path,
    options: AnimationOptions,
    cancelled: Callable[[], bool] = lambda: False,
    progress: Progress = lambda _done, _total: None,
) -> ExportResult:
    """Write ``record`` as an animation at ``path``; nothing is left there if it fails or
    ``cancelled()`` turns true (:class:`~app.animation.encode.Cancelled`)."""
    writer = AnimationWriter(path, options.fps)
    schedule = iteration_schedule(record.last, options.frames, options.spacing)
    replayer = Replayer(record)
    canvas = new_canvas(record, options)
    shown = []
    try:
        for done, iteration in enumerate(schedule, start=1):
            if cancelled():
                raise Cancelled
            frame = replayer.frame_at(iteration)
            writer.add(canvas.render_frame(frame))
            shown.append((frame.snapshot.iteration, frame.snapshot.cost))
            progress(done, len(schedule))
    finally:
        canvas.close()
        canvas.deleteLater()
    writer.save(cancelled)
    return ExportResult(
        writer.path, tuple(shown), options.width, frame_height(options.width), options
    )
