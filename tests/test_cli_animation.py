"""``main.py --headless --export-animation FILE``: a GIF with no display at all, and bad values
refused like every other headless option (status 2, one line naming it, no file)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from PIL import Image

import main as entry
from engine.cli import PROG
from engine.cli import main as engine_main

ROOT = Path(__file__).resolve().parents[1]


def run_inprocess(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            status = entry.main(argv)
        except SystemExit as exc:
            status = exc.code
    return status, out.getvalue(), err.getvalue()


def test_a_gif_is_written_with_no_display(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)  # the exporter chooses offscreen itself
    gif = tmp_path / "random.gif"
    result = subprocess.run(
        [
            sys.executable,
            "main.py",
            "--headless",
            "--init",
            "random",
            "--iterations",
            "300",
            "--export-animation",
            str(gif),
            "--frames",
            "20",
            "--width",
            "640",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert f"wrote {gif}: 20 frames of iterations 0 to 300 (log), 640x400" in result.stderr
    with Image.open(gif) as image:
        assert image.format == "GIF" and image.n_frames == 20 and image.width == 640
    assert [p.name for p in tmp_path.iterdir()] == ["random.gif"]


def allowed(option: str, text: str, what: str) -> str:
    return f"argument {option}: {text!r} is not allowed: {what}"


BAD = [
    (
        ["--export-animation", "{dir}/run.mp4"],
        "argument --export-animation: {dir}/run.mp4: the file name must end in .gif or .webp",
    ),
    (
        ["--export-animation", "{dir}/missing/run.gif"],
        "argument --export-animation: "
        "{dir}/missing/run.gif: the folder '{dir}/missing' does not exist",
    ),
    (
        ["--export-animation", "{dir}"],
        "argument --export-animation: {dir}: is a folder, not a file",
    ),
    (
        ["--export-animation", "{dir}/run.gif", "--frames", "1"],
        allowed("--frames", "1", "a whole number from 2 to 300"),
    ),
    (
        ["--export-animation", "{dir}/run.gif", "--frames", "many"],
        allowed("--frames", "many", "a whole number from 2 to 300"),
    ),
    (
        ["--export-animation", "{dir}/run.gif", "--fps", "0"],
        allowed("--fps", "0", "a number above 0 and at most 50"),
    ),
    (
        ["--export-animation", "{dir}/run.gif", "--fps", "-5"],
        allowed("--fps", "-5", "a number above 0 and at most 50"),
    ),
    (
        ["--export-animation", "{dir}/run.gif", "--width", "639"],
        allowed("--width", "639", "a whole number of pixels from 640 to 1920"),
    ),
    (
        ["--export-animation", "{dir}/run.gif", "--frame-spacing", "square"],
        "argument --frame-spacing: invalid choice: 'square' (choose from ",  # Python words the rest
    ),
    (["--frames", "20"], "argument --frames: only with --export-animation FILE"),
    (
        ["--export-animation", "{dir}/run.gif", "--compare", "zeros,he"],
        "argument --compare: not allowed with --export-animation (it writes the animation only)",
    ),
    (
        ["--export-animation", "{dir}/run.gif", "--iterations", "0"],
        "argument --iterations: an animation needs at least 1 iteration (it shows iterations 0 to "
        "the last)",
    ),
]


@pytest.mark.parametrize("argv,line", BAD, ids=[" ".join(a)[-40:] for a, _l in BAD])
def test_bad_values_are_refused_in_one_line_leaving_no_file(tmp_path, argv, line):
    argv = ["--headless", *(a.replace("{dir}", str(tmp_path)) for a in argv)]
    status, out, err = run_inprocess(argv)
    assert status == 2, err
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith(
        f"{PROG}: error: " + line.replace("{dir}", str(tmp_path))
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into any folder")
def test_a_folder_without_write_permission_is_refused(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    status, _out, err = run_inprocess(["--headless", "--export-animation", f"{locked}/run.gif"])
    assert status == 2 and "no permission to write it" in err
    assert list(locked.iterdir()) == []


def test_the_help_lists_the_animation_options(capsys):
    with pytest.raises(SystemExit) as exit_:
        engine_main(["--headless", "--help"])
    assert exit_.value.code == 0
    text = capsys.readouterr().out
    for option in (
        "--export-animation FILE",
        "--frames N",
        "--fps X",
        "--frame-spacing",
        "--width PX",
    ):
        assert option in text


def test_the_engine_alone_sends_the_export_to_main_py(tmp_path, capsys):
    """engine.cli never imports Qt: reached directly, it refuses and says where to go."""
    with pytest.raises(SystemExit) as exit_:
        engine_main(["--headless", "--export-animation", str(tmp_path / "run.gif")])
    assert exit_.value.code == 2
    assert "main.py --headless --export-animation FILE" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_a_folder_the_user_may_not_write_is_refused_even_for_root(tmp_path, monkeypatch):
    """As root (CI containers) every folder is writable: the permission check is made to say
    no for this one folder."""
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if Path(p) == tmp_path else real_access(p, mode)
    )
    status, _out, err = run_inprocess(["--headless", "--export-animation", f"{tmp_path}/run.gif"])
    assert status == 2
    gif = tmp_path / "run.gif"
    assert err == f"{PROG}: error: argument --export-animation: {gif}: no permission to write it\n"
    assert list(tmp_path.iterdir()) == []
