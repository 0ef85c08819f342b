"""An offscreen Qt screen of a real display's size, for the benchmarks.

Qt's offscreen platform has an 800×600 screen by default, and the window keeps itself within
its screen, so a benchmark would measure a cramped window that no laptop shows.  The platform
reads its screens from a JSON file (``offscreen:configfile=…``).
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

__all__ = ["use_offscreen_screen"]


def use_offscreen_screen(width: int = 1920, height: int = 1080) -> None:
    """Run Qt offscreen on a ``width`` × ``height`` screen, unless a platform is already set."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return
    screen = {
        "name": "benchmark",
        "x": 0,
        "y": 0,
        "width": width,
        "height": height,
        "logicalDpi": 96,
        "logicalBaseDpi": 96,
        "dpr": 1,
    }
    config = Path(tempfile.gettempdir()) / f"initscope-screen-{width}x{height}.json"
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
