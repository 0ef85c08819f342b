"""Frames in, one finished animation file out, or nothing at all.

Pillow writes GIF and animated WebP (a well-kept library; no encoder of our own).  The file is
written to a temporary file in the destination folder and moved over the destination in one
``os.replace``, so a reader never sees half an animation, a cancelled or failed export leaves
neither the file nor the temporary one, and an existing file of that name survives a failed
export untouched.  No Qt here: frames arrive as ``(height, width, 3)`` ``uint8`` arrays.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import tempfile
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from PIL import Image

from engine.cli_options import HOLD_LAST_SECONDS

__all__ = [
    "FORMATS",
    "HOLD_LAST_SECONDS",
    "AnimationWriter",
    "Cancelled",
    "animation_format",
    "frame_durations",
]

#: file extension → Pillow's format name, for every one of ``engine.cli_options.ANIMATION_FORMATS``
#: (MP4 would need ffmpeg: not a dependency)
FORMATS: dict[str, str] = {".gif": "GIF", ".webp": "WEBP"}
#: what the file gets once finished (a temporary file is created readable by its owner only)
FILE_MODE = 0o644


class Cancelled(Exception):
    """The export was cancelled; nothing was written."""


def animation_format(path: str | Path) -> str:
    """Pillow's format for ``path``'s extension; ``ValueError`` for one it cannot write."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        allowed = ", ".join(FORMATS)
        raise ValueError(f"{Path(path).name}: the file name must end in {allowed}")
    return FORMATS[suffix]


def frame_durations(frames: int, fps: float, hold_last: float = HOLD_LAST_SECONDS) -> list[int]:
    """Each frame's time on screen in milliseconds, the last held ``hold_last`` s longer.

    GIF stores hundredths of a second: rounding each frame alone would drift (12 fps is
    83.3 ms), so the frames' start times are rounded instead and the durations are their
    differences, which keeps the whole animation ``frames / fps`` seconds long.
    """
    if fps <= 0:
        raise ValueError(f"frames per second must be above 0 (got {fps})")
    starts = [round(i * 100 / fps) * 10 for i in range(frames + 1)]
    durations = [max(10, b - a) for a, b in itertools.pairwise(starts)]
    if durations:
        durations[-1] += round(hold_last * 100) * 10
    return durations


class AnimationWriter:
    """Collects an animation's frames, then writes the file atomically (:meth:`save`).

    Frames are kept compressed until the end; then one palette of 256 colours is chosen for
    the whole animation (from its first, middle and last frames) and every frame is reduced to
    it with no dithering.  One palette makes a small file: what does not change from one frame
    to the next keeps the same bytes (a palette per frame made the tutorial's runs twice the
    size), and flat plot colours stay flat.  WebP is written from the same pictures.
    """

    def __init__(self, path: str | Path, fps: float, hold_last: float = HOLD_LAST_SECONDS) -> None:
        self.path = Path(path)
        self.format = animation_format(self.path)
        if fps <= 0:
            raise ValueError(f"frames per second must be above 0 (got {fps})")
        self.fps = float(fps)
        self.hold_last = hold_last
        self._frames: list[bytes] = []  # each frame's RGB bytes, compressed
        self.size: tuple[int, int] | None = None  # (width, height) of every frame

    def __len__(self) -> int:
        return len(self._frames)

    def add(self, rgb: np.ndarray) -> None:
        """Append a frame: ``(height, width, 3)`` ``uint8``, the size of the first."""
        if rgb.dtype != np.uint8 or rgb.ndim != 3 or rgb.shape[2] != 3:
            raise ValueError(f"a frame must be (height, width, 3) uint8 (got {rgb.shape})")
        size = (rgb.shape[1], rgb.shape[0])
        if self.size is not None and size != self.size:
            raise ValueError(f"frame size {size} differs from {self.size}")
        self.size = size
        self._frames.append(zlib.compress(np.ascontiguousarray(rgb).tobytes(), 1))

    def _image(self, index: int) -> Image.Image:
        assert self.size is not None
        return Image.frombytes("RGB", self.size, zlib.decompress(self._frames[index]))

    def _palette(self) -> Image.Image:
        """A 256-colour palette for every frame, chosen from the first, middle and last."""
        assert self.size is not None
        width, height = self.size
        picks = sorted({0, len(self._frames) // 2, len(self._frames) - 1})
        montage = Image.new("RGB", (width, height * len(picks)))
        for row, index in enumerate(picks):
            montage.paste(self._image(index), (0, row * height))
        return montage.quantize(colors=256, dither=Image.Dither.NONE)

    def save(self, cancelled: Callable[[], bool] = lambda: False) -> Path:
        """Write every frame to :attr:`path`; raises :class:`Cancelled` (or the write's error)
        leaving nothing behind."""
        if len(self._frames) < 2:
            raise ValueError("an animation needs at least 2 frames")
        if cancelled():
            raise Cancelled
        palette = self._palette()
        frames = []
        for index in range(len(self._frames)):
            if cancelled():
                raise Cancelled
            frames.append(self._image(index).quantize(palette=palette, dither=Image.Dither.NONE))
        durations = frame_durations(len(frames), self.fps, self.hold_last)
        fd, temp = tempfile.mkstemp(
            prefix=f".{self.path.name}.", suffix=".part", dir=self.path.parent
        )
        try:
            with os.fdopen(fd, "wb") as out:
                _write(out, self.format, frames, durations)
            if cancelled():
                raise Cancelled
            os.chmod(temp, FILE_MODE)
            os.replace(temp, self.path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp)
            raise
        return self.path


def _write(out, fmt: str, frames: Sequence[Image.Image], durations: list[int]) -> None:
    first, *rest = frames
    options: dict = {"save_all": True, "append_images": rest, "duration": durations, "loop": 0}
    if fmt == "GIF":
        options["optimize"] = True  # only the changed rectangle of each frame is stored
    else:
        options.update(lossless=False, quality=90, method=4)
    first.save(out, format=fmt, **options)
