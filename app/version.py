"""InitScope's version: from the installed package's metadata, else the release's own constant.

``pyproject.toml`` (``[project] version``) is the one place where the version is set.  An installed
copy (``pip install .`` or ``-e .``) reports it through its metadata.  Where there is no metadata
(a PyInstaller bundle that did not collect it, a bare source tree) :data:`FALLBACK_VERSION` is
used; ``tests/app/test_about.py`` fails if it ever differs from ``pyproject.toml``, so bumping the
version means changing both (or reinstalling, for the metadata).
"""

from __future__ import annotations

from importlib import metadata

__all__ = ["DISTRIBUTION", "FALLBACK_VERSION", "__version__"]

#: the distribution name in pyproject.toml ([project] name)
DISTRIBUTION = "initscope"
#: must equal [project] version in pyproject.toml (a test checks)
FALLBACK_VERSION = "0.1.0"


def _installed_version() -> str:
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return FALLBACK_VERSION


__version__: str = _installed_version()
