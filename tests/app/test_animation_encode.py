"""The animation file: written by Pillow, all at once or not at all.

A cancelled or failed write leaves neither the file nor its temporary file, and a file that was
already there is left exactly as it was.
"""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageSequence

from app.animation import encode
from app.animation.encode import (
    FORMATS,
    AnimationWriter,
    Cancelled,
    animation_format,
    frame_durations,
)
from engine.cli_options import ANIMATION_FORMATS, HOLD_LAST_SECONDS

W, H = 640, 400


def frame(i: int) -> np.ndarray:
    """White, with a dark bar that moves down one step a frame and a fixed blue square."""
    rgb = np.full((H, W, 3), 255, np.uint8)
    rgb[10 * i : 10 * i + 20, :, :] = (40, 40, 40)
    rgb[300:380, 100:200] = (0, 114, 178)
    return rgb


def writer_with(path, n: int = 25, fps: float = 12) -> AnimationWriter:
    writer = AnimationWriter(path, fps)
    for i in range(n):
        writer.add(frame(i))
    return writer


def test_every_format_the_command_line_offers_is_written():
    assert tuple(FORMATS) == ANIMATION_FORMATS


@pytest.mark.parametrize("ext", ANIMATION_FORMATS)
def test_the_file_opens_with_every_frame_at_its_size(tmp_path, ext):
    path = writer_with(tmp_path / f"run{ext}").save()
    with Image.open(path) as image:
        assert image.format == FORMATS[ext]
        assert image.n_frames == 25 and image.size == (W, H)
        pictures = [np.asarray(f.convert("RGB")) for f in ImageSequence.Iterator(image)]
    for i in (0, 7, 24):  # each frame is its own picture: the bar where that frame had it
        assert np.abs(pictures[i][10 * i + 10].astype(int) - 40).max() <= 8
        assert np.abs(pictures[i][340, 150].astype(int) - (0, 114, 178)).max() <= 8
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left


def test_gif_durations_keep_the_pace_and_hold_the_last_frame(tmp_path):
    durations = frame_durations(25, 12)
    assert all(d % 10 == 0 for d in durations)  # GIF counts hundredths of a second
    assert sum(durations) == round(25 / 12 * 100) * 10 + HOLD_LAST_SECONDS * 1000
    path = writer_with(tmp_path / "run.gif").save()
    with Image.open(path) as image:
        shown = [f.info["duration"] for f in ImageSequence.Iterator(image)]
        assert image.info["loop"] == 0
    assert shown == durations


def test_a_cancel_while_writing_leaves_nothing(tmp_path):
    writer = writer_with(tmp_path / "run.gif")
    asked = []

    def cancelled() -> bool:  # no at first, then yes: while the frames are being reduced
        asked.append(1)
        return len(asked) > 3

    with pytest.raises(Cancelled):
        writer.save(cancelled)
    assert list(tmp_path.iterdir()) == []


def test_a_cancel_after_the_temporary_file_is_written_removes_it(tmp_path, monkeypatch):
    writer = writer_with(tmp_path / "run.gif")
    written = []
    real_write = encode._write

    def write_then_cancel(out, *args):
        real_write(out, *args)
        written.append(out.name)

    monkeypatch.setattr(encode, "_write", write_then_cancel)
    with pytest.raises(Cancelled):
        writer.save(lambda: bool(written))
    assert written and list(tmp_path.iterdir()) == []


def test_a_failure_while_writing_leaves_nothing_and_keeps_an_older_file(tmp_path, monkeypatch):
    old = tmp_path / "run.gif"
    old.write_bytes(b"the older animation")
    writer = writer_with(old)

    def half_then_full_disk(out, *args):
        out.write(b"GIF89a half a file")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(encode, "_write", half_then_full_disk)
    with pytest.raises(OSError, match="No space left"):
        writer.save()
    assert [p.name for p in tmp_path.iterdir()] == ["run.gif"]
    assert old.read_bytes() == b"the older animation"


def test_a_finished_file_replaces_an_older_one_and_is_readable_by_others(tmp_path):
    old = tmp_path / "run.webp"
    old.write_bytes(b"the older animation")
    writer_with(old, n=3).save()
    with Image.open(old) as image:
        assert image.n_frames == 3
    assert old.stat().st_mode & 0o777 == 0o644


def test_bad_names_and_frames_are_refused(tmp_path):
    with pytest.raises(ValueError, match=r"\.gif"):
        animation_format(tmp_path / "run.mp4")
    assert animation_format("RUN.GIF") == "GIF"
    with pytest.raises(ValueError):
        AnimationWriter(tmp_path / "run.gif", fps=0)
    writer = AnimationWriter(tmp_path / "run.gif", 12)
    writer.add(frame(0))
    with pytest.raises(ValueError, match="differs"):
        writer.add(np.zeros((H, W + 2, 3), np.uint8))
    with pytest.raises(ValueError):
        writer.add(np.zeros((H, W), np.uint8))
    with pytest.raises(ValueError, match="at least 2"):
        writer.save()
    assert list(tmp_path.iterdir()) == []
