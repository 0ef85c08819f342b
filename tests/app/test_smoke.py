"""``main.py --smoke-test``: the whole app starts offscreen, works, and exits 0 by itself."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def run_smoke(env_extra: dict[str, str]) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(env_extra)
    return subprocess.run(
        [sys.executable, "main.py", "--smoke-test"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_smoke_test_flag_exits_0_on_its_own_without_a_display(tmp_path):
    # No QT_QPA_PLATFORM and no DISPLAY: the flag itself chooses the offscreen platform.
    result = run_smoke({"DISPLAY": "", "XDG_CONFIG_HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert "smoke test passed" in result.stdout
    assert "Traceback" not in result.stderr
    assert not list(tmp_path.iterdir())  # it leaves the user's settings alone
