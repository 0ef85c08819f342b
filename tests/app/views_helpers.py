"""All the single-run views in one window, fed a run's worth of data as the window feeds them:
what the views' language and projector tests look at."""

from __future__ import annotations

from PyQt6 import QtWidgets

from app.views.cost_plot import CostPlot
from app.views.decision_map import DecisionMap
from app.views.diagnostics import ActivationHistograms, DiagnosticsSummary, GradientNormPlot
from app.views.lesson import LessonPanel
from app.views.weight_histograms import WeightHistograms
from engine.config import TrainConfig
from engine.trainer import Trainer

__all__ = ["FIRST_RUN", "SECOND_RUN", "Views"]

#: run labels as the window would pass them (data: shown as they are, inside translated text)
FIRST_RUN, SECOND_RUN = "#1 · 0.01", "#2 · 0.1"


class Views(QtWidgets.QWidget):
    """All five single-run views in one shown window, with a run's worth of data in them."""

    def __init__(self, data) -> None:
        super().__init__()
        self.lesson = LessonPanel(lambda name: None)
        self.cost = CostPlot()
        self.decision = DecisionMap()
        self.weights = WeightHistograms()
        self.gradients = GradientNormPlot()
        self.activations = ActivationHistograms()
        self.summary = DiagnosticsSummary()
        layout = QtWidgets.QGridLayout(self)
        layout.addWidget(self.lesson, 0, 0, 2, 1)
        layout.addWidget(self.cost, 0, 1)
        layout.addWidget(self.decision, 0, 2)
        layout.addWidget(self.weights, 1, 1)
        layout.addWidget(self.gradients, 1, 2)
        layout.addWidget(self.activations, 0, 3)
        layout.addWidget(self.summary, 1, 3)
        self.resize(1800, 1100)
        self.feed(data)

    def views(self) -> list[QtWidgets.QWidget]:
        return [
            self.lesson,
            self.cost,
            self.decision,
            self.weights,
            self.gradients,
            self.activations,
            self.summary,
        ]

    def feed(self, data) -> None:
        # "random" (×10): every output saturates, so the summary shows its saturation note too.
        first = Trainer(TrainConfig(init="random"), data)
        first.step(30)
        snap = first.snapshot(grid_resolution=24)
        self.cost.start_run("random", FIRST_RUN)
        self.cost.show_history(snap.history, snap.iteration, snap.cost, 15000)
        self.cost.start_run("he", SECOND_RUN)  # the first run becomes a labelled ghost
        second = Trainer(TrainConfig(), data)
        second.step(20)
        s2 = second.snapshot(grid_resolution=None)
        self.cost.show_history(s2.history, s2.iteration, s2.cost, 15000)
        self.decision.show_data(data)
        # zeros: P = 0.5 everywhere, so the map explains why there is no boundary
        zeros = Trainer(TrainConfig(init="zeros"), data).snapshot(grid_resolution=24)
        self.decision.show_grid(zeros.grid)
        self.weights.show_layers(snap.layers, snap.iteration)
        diag = snap.diagnostics
        assert diag is not None and diag.saturated > 0
        for view in (self.gradients, self.activations, self.summary):
            view.show_diagnostics(diag)
