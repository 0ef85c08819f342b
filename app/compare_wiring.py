"""Connects a comparison's view and its controller, both ways.

The view's intents go to the controller's flows; the controller's frames, notes, refusals, errors
and capacity go to the view.  The window and the tests call :func:`wire` once per pair.
"""

from __future__ import annotations

from app.controllers.compare_controller import CompareController
from app.views.compare.view import CompareView

__all__ = ["wire"]


def wire(view: CompareView, controller: CompareController) -> None:
    """Connect ``view`` and ``controller``; the comparison starts when the view is first shown."""
    view.firstShown.connect(controller.start)
    view.togglePlayRequested.connect(controller.toggle_play)
    view.stepRequested.connect(controller.step)
    view.stepSizeChanged.connect(controller.set_step_size)
    view.resetRequested.connect(controller.reset)
    view.addRequested.connect(controller.add)
    view.removeRequested.connect(controller.remove)
    view.frameRateChanged.connect(controller.set_frame_rate)
    view.speedChanged.connect(controller.set_speed)
    view.networksShown.connect(controller.show_neuron_maps)
    view.seekRequested.connect(controller.seek)
    controller.latestChanged.connect(view.show_frame)
    controller.said.connect(view.say)
    controller.noticed.connect(view.notice)
    controller.refused.connect(view.say_refusal)
    controller.failed.connect(view.show_error)
    controller.capacityChanged.connect(view.set_capacity)
    controller.set_step_size(view.step_size.value())
    view.set_capacity(*controller.capacity())
    if controller.session is not None:  # started before it was wired: catch up
        view.show_frame(controller.latest)
