"""Where InitScope's files are: its own resources, and the user's log folder.

Resources are found beside the code in every layout: a source checkout (``<repo>/resources``), an
installed wheel (``site-packages/initscope/resources``, beside ``initscope/app``) and a
PyInstaller bundle (``sys._MEIPASS/resources``).  Nothing here imports Qt: ``initscope --help``
names the log file without starting Qt.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

__all__ = ["LOG_FILE_NAME", "RESOURCES", "default_log_dir", "resource_path"]

#: the application's folder name in the user's log/state directory
APP_DIR_NAME = "InitScope"
LOG_FILE_NAME = "initscope.log"


def _root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)  # set by PyInstaller's bootloader
    return Path(bundle) if bundle else Path(__file__).resolve().parent.parent


RESOURCES = _root() / "resources"


def resource_path(*parts: str) -> Path:
    """A file under ``resources/`` (icons, translations, the .desktop file)."""
    return RESOURCES.joinpath(*parts)


def default_log_dir(platform: str | None = None, env: dict[str, str] | None = None) -> Path:
    """The platform's folder for an application's logs (state, not data or settings).

    - Linux and other Unix: ``$XDG_STATE_HOME/InitScope`` (``~/.local/state/InitScope``), the
      XDG Base Directory's place for logs;
    - macOS: ``~/Library/Logs/InitScope`` (where Console.app looks);
    - Windows: ``%LOCALAPPDATA%\\InitScope\\Logs``.

    ``INITSCOPE_LOG_DIR`` overrides it on every platform.
    """
    platform = sys.platform if platform is None else platform
    env = os.environ if env is None else env
    override = env.get("INITSCOPE_LOG_DIR")
    if override:
        return Path(override).expanduser()
    home = Path(env.get("HOME") or Path.home())
    if platform == "win32":
        local = env.get("LOCALAPPDATA")
        base = Path(local) if local else home / "AppData" / "Local"
        return base / APP_DIR_NAME / "Logs"
    if platform == "darwin":
        return home / "Library" / "Logs" / APP_DIR_NAME
    state = env.get("XDG_STATE_HOME")
    # The XDG spec: a relative path in the variable is invalid and must be ignored.
    base = Path(state) if state and os.path.isabs(state) else home / ".local" / "state"
    return base / APP_DIR_NAME
