"""The log: in the platform's log folder, and it receives Qt's warnings and native crashes."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app.paths import default_log_dir

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("platform", "env", "expected"),
    [
        ("linux", {"HOME": "/home/u"}, "/home/u/.local/state/InitScope"),
        ("linux", {"HOME": "/home/u", "XDG_STATE_HOME": "/st"}, "/st/InitScope"),
        ("linux", {"HOME": "/home/u", "XDG_STATE_HOME": "rel"}, "/home/u/.local/state/InitScope"),
        ("freebsd14", {"HOME": "/home/u"}, "/home/u/.local/state/InitScope"),
        ("darwin", {"HOME": "/Users/u"}, "/Users/u/Library/Logs/InitScope"),
        ("win32", {"HOME": "/h", "LOCALAPPDATA": "/L"}, "/L/InitScope/Logs"),
        ("linux", {"HOME": "/h", "INITSCOPE_LOG_DIR": "/x/logs"}, "/x/logs"),
    ],
)
def test_each_platform_logs_in_its_own_log_folder(platform, env, expected):
    assert default_log_dir(platform, env) == Path(expected)


def run_python(code: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )


HANDLER = """
import sys
from pathlib import Path
from PyQt6 import QtCore, QtWidgets
app = QtWidgets.QApplication([])
from app.crash import install_crash_handler
handler = install_crash_handler(app, log_path=Path({log!r}))
"""


def test_qt_warnings_and_native_crashes_reach_the_log(tmp_path):
    log = tmp_path / "logs" / "initscope.log"
    setup = HANDLER.format(log=str(log))
    warn = setup + textwrap.dedent(
        """
        QtCore.qWarning(b"a Qt warning from the test")
        handler.uninstall()
        """
    )
    result = run_python(warn, tmp_path)
    assert result.returncode == 0, result.stderr
    text = log.read_text(encoding="utf-8")
    assert "WARNING" in text and "initscope.qt: a Qt warning from the test" in text
    assert not (log.parent / "initscope-native.log").exists()  # a clean exit leaves none

    crash = setup + "\nimport faulthandler\nfaulthandler._sigsegv()\n"
    result = run_python(crash, tmp_path)
    assert result.returncode != 0
    native = (log.parent / "initscope-native.log").read_text(encoding="utf-8")
    assert "Segmentation fault" in native

    result = run_python(setup + "\nhandler.uninstall()\n", tmp_path)  # the next start
    assert result.returncode == 0, result.stderr
    text = log.read_text(encoding="utf-8")
    assert "The previous run crashed (native code)" in text
    assert "Segmentation fault" in text
    assert not (log.parent / "initscope-native.log").exists()
