"""What the window's number boxes can show: one table for the boxes and for the controller.

A configuration the controls cannot show exactly (a value outside a box's range, or finer than its
decimals) is refused before it runs, so what the window shows is always what runs.  The spin
boxes take their ranges and decimals from the same table, so the two can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.i18n import translate
from engine.config import MAX_ITERATIONS, MAX_LEARNING_RATE, MAX_SEED, TrainConfig
from engine.initializers import MAX_SCALE

__all__ = ["LIMITS", "FieldLimit", "check_showable"]


@dataclass(frozen=True, slots=True)
class FieldLimit:
    """A number box's range, decimals (0: whole numbers) and thousands separators."""

    low: float
    high: float
    decimals: int = 0
    grouped: bool = False

    def text(self, value: float) -> str:
        """``value`` as the box writes it (in English digits, as the messages do)."""
        if self.decimals:
            return f"{value:.{self.decimals}f}"
        return f"{int(value):,}" if self.grouped else f"{int(value)}"


LIMITS: dict[str, FieldLimit] = {
    "seed": FieldLimit(0, MAX_SEED),
    "scale": FieldLimit(0.001, MAX_SCALE, 3),
    "learning_rate": FieldLimit(1e-6, MAX_LEARNING_RATE, 6),
    "noise": FieldLimit(0.0, 1.0, 3),
    "samples": FieldLimit(20, 5000),
    "step_size": FieldLimit(1, 1_000_000, grouped=True),
    "target": FieldLimit(1, min(1_000_000_000, MAX_ITERATIONS), grouped=True),
}


def _names() -> dict[str, str]:
    """Each checked field's name in a sentence, in the current language."""
    return {
        "learning_rate": translate("MainWindow", "learning rate"),
        "scale": translate("MainWindow", "scale"),
        "seed": translate("MainWindow", "seed"),
        "samples": translate("MainWindow", "number of points"),
        "target": translate("MainWindow", "stop-at iteration"),
        "noise": translate("MainWindow", "noise"),
    }


def check_showable(config: TrainConfig, target: int | None = None) -> None:
    """Raise ``ValueError`` (a sentence in the current language) if the controls cannot show
    ``config`` and the stop-at ``target`` exactly."""
    values = {
        "learning_rate": config.learning_rate,
        "scale": config.scale,
        "seed": config.seed,
        "samples": config.samples,
        "target": target,
        "noise": config.noise,
    }
    for field, name in _names().items():
        value, limit = values[field], LIMITS[field]
        if value is None:
            continue
        if not limit.low <= value <= limit.high:
            raise ValueError(
                translate(
                    "MainWindow",
                    "the window cannot show a {name} of {value}: it takes {low} to {high}",
                ).format(
                    name=name, value=value, low=limit.text(limit.low), high=limit.text(limit.high)
                )
            )
        if abs(round(value, limit.decimals) - value) > 1e-9 * 10.0**-limit.decimals:
            raise ValueError(
                translate(
                    "MainWindow",
                    "the window cannot show a {name} of {value}: it shows {decimals} decimals",
                ).format(name=name, value=value, decimals=limit.decimals)
            )
