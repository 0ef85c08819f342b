"""Where InitScope's files are, from a source checkout or from a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["RESOURCES", "resource_path"]


def _root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)  # set by PyInstaller's bootloader
    return Path(bundle) if bundle else Path(__file__).resolve().parent.parent


RESOURCES = _root() / "resources"


def resource_path(*parts: str) -> Path:
    """A file under ``resources/`` (icons, translations, the .desktop file)."""
    return RESOURCES.joinpath(*parts)
