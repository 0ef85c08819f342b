"""What InitScope remembers between starts, through ``QSettings``.

Each value is read through a checker: a corrupt or foreign value (another version, a hand-edited
file, a different type after an INI round-trip) falls back to the default, silently, because a
settings file is never the user's fault worth a dialog at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PyQt6 import QtCore

from app.i18n import LANGUAGES
from engine.config import TrainConfig
from engine.datasets import CSV_PREFIX
from engine.experiment import ExperimentError, experiment_json, parse_experiment

__all__ = ["AppSettings", "open_settings"]

ORGANIZATION = "InitScope"
APPLICATION = "InitScope"


def open_settings() -> QtCore.QSettings:
    """The user's settings store (the platform's native place)."""
    return QtCore.QSettings(ORGANIZATION, APPLICATION)


def _as_bool(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"  # INI files store booleans as text
    return None


def _as_zoom(value: Any) -> float | None:
    try:
        zoom = float(value)
    except (TypeError, ValueError):
        return None
    return zoom if 0.5 <= zoom <= 2.5 else None


class AppSettings:
    """Typed access to the settings store; ``None`` for the store means "remember nothing"."""

    def __init__(self, store: QtCore.QSettings | None) -> None:
        self.store = store
        #: the CSV file the last experiment used, which :meth:`config` replaced by the default data
        self.dropped_csv: str | None = None

    def _get(self, key: str, check: Callable[[Any], Any], default: Any) -> Any:
        if self.store is None:
            return default
        try:
            raw = self.store.value(key)
        except Exception:  # a value Qt cannot even decode
            return default
        if raw is None:
            return default
        value = check(raw)
        return default if value is None else value

    def _set(self, key: str, value: Any) -> None:
        if self.store is not None:
            self.store.setValue(key, value)

    # -- language, projector, zoom -------------------------------------------------------------
    def language(self, default: str) -> str:
        return self._get("ui/language", lambda v: v if v in LANGUAGES else None, default)

    def set_language(self, code: str) -> None:
        self._set("ui/language", code)

    def projector(self) -> bool:
        return self._get("ui/projector", _as_bool, False)

    def set_projector(self, on: bool) -> None:
        self._set("ui/projector", bool(on))

    def zoom(self) -> float:
        return self._get("ui/zoom", _as_zoom, 1.0)

    def set_zoom(self, zoom: float) -> None:
        self._set("ui/zoom", float(zoom))

    # -- window geometry -------------------------------------------------------------------------
    def geometry(self) -> QtCore.QByteArray | None:
        return self._get(
            "window/geometry",
            lambda v: v if isinstance(v, QtCore.QByteArray) and not v.isEmpty() else None,
            None,
        )

    def set_geometry(self, geometry: QtCore.QByteArray) -> None:
        self._set("window/geometry", geometry)

    # -- the last experiment ----------------------------------------------------------------------
    def config(self) -> TrainConfig | None:
        """The last configuration, or ``None`` if there is none or it is not valid any more.

        A CSV file is not read again at start (it may have moved or changed): the rest of the
        experiment comes back on the default data, and :attr:`dropped_csv` names the file.
        """
        config = self._get("run/config", _config_from_json, None)
        self.dropped_csv = None
        if config is not None and config.dataset.startswith(CSV_PREFIX):
            self.dropped_csv = config.dataset[len(CSV_PREFIX) :]
            default = TrainConfig()
            config = config.with_(
                dataset=default.dataset, noise=default.noise, samples=default.samples
            )
        return config

    def set_config(self, config: TrainConfig) -> None:
        self._set("run/config", _config_to_json(config))

    def target(self) -> int | None:
        def check(value: Any) -> int | None:
            try:
                n = int(value)
            except (TypeError, ValueError):
                return None
            return n if 1 <= n <= 1_000_000_000 else None

        return self._get("run/target", check, None)

    def set_target(self, target: int) -> None:
        self._set("run/target", int(target))

    def sync(self) -> None:
        if self.store is not None:
            self.store.sync()


def _config_to_json(config: TrainConfig) -> str:
    """The configuration as an experiment file's text: one format, read by one strict parser."""
    return experiment_json(config)


def _config_from_json(value: Any) -> TrainConfig | None:
    """The configuration back, through the experiment file's checks; anything odd gives None."""
    if not isinstance(value, str):
        return None
    try:
        config = parse_experiment(value, file="settings").config
    except (ExperimentError, ValueError, TypeError, KeyError):
        return None
    return config
