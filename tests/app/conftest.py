"""Fixtures shared by the window's tests (the ``window`` fixture itself is in tests/conftest.py)."""

from tests.app.marking import marking

__all__ = ["marking"]
