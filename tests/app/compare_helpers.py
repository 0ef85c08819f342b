"""What the comparison's tests share: fixtures building a wired view and controller (joined at
teardown), and helpers to drive and read the view.

Test modules take the fixtures by assignment (``make_view = compare_helpers.make_view``).
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PyQt6 import QtWidgets

from app.compare_wiring import wire
from app.controllers.compare_controller import CompareController
from app.frames import CompareFrame
from app.views.compare.view import CompareView
from engine.config import TrainConfig
from engine.datasets import load_dataset

__all__ = [
    "DIVERGING",
    "Compared",
    "click",
    "data",
    "drawn",
    "find",
    "make_view",
]

DIVERGING = TrainConfig(init="random", learning_rate=10.0, hidden=(100, 100, 100))


@dataclass(frozen=True, slots=True)
class Compared:
    """A shown comparison: the view and the controller wired to it."""

    view: CompareView
    controller: CompareController


@pytest.fixture(scope="module")
def data():
    return load_dataset("circles")


@pytest.fixture
def make_view(qtbot, data):
    """Build a shown, wired comparison (optionally with its own configurations and stop-at
    target); its thread is joined when the view closes, at teardown at the latest."""
    made: list[Compared] = []

    def make(configs=None, target: int | None = None) -> Compared:
        view = CompareView(data)
        controller = CompareController(data, configs, target=target)
        wire(view, controller)
        made.append(Compared(view, controller))
        qtbot.addWidget(view, before_close_func=lambda _w: controller.shutdown())
        view.resize(1280, 760)
        view.show()
        qtbot.waitExposed(view)
        qtbot.waitUntil(lambda: view.redraws > 0, timeout=5000)
        return made[-1]

    yield make
    for compared in made:
        compared.view.close()
        compared.controller.shutdown()
        session = compared.controller.session
        assert session is None or not session.is_running()


def find(view: QtWidgets.QWidget, kind, name: str):
    widget = view.findChild(kind, name)
    assert widget is not None, name
    return widget


def click(view: QtWidgets.QWidget, name: str) -> None:
    find(view, QtWidgets.QAbstractButton, name).click()


def drawn(qtbot, compared: Compared, predicate, timeout: int = 10000) -> CompareFrame:
    """Wait until the view has drawn the controller's newest frame and it satisfies
    ``predicate``; return it."""

    def ok() -> bool:
        frame = compared.controller.latest
        return frame is not None and frame is compared.view.drawn and predicate(frame)

    qtbot.waitUntil(ok, timeout=timeout)
    return compared.controller.latest
