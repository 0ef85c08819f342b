"""The guided lesson: the initialization story as a short tour, one run per step.

Each step names a preset (``engine.presets``), says in two or three sentences what to watch and
why, and sets the run up with one click.  The words are InitScope's own: the tutorial that inspired
the experiment is under a no-derivatives licence, so only its facts and numbers are used.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PyQt6 import QtCore, QtWidgets

__all__ = ["LESSON", "LessonPanel", "LessonStep"]


@dataclass(frozen=True, slots=True)
class LessonStep:
    title: str
    preset: str
    text: str


LESSON: tuple[LessonStep, ...] = (
    LessonStep(
        "1 · All zeros",
        "tutorial_zeros",
        "Every weight starts at 0. Press Play and watch the cost: it sits at ln 2 ≈ 0.693 and "
        "never moves, and accuracy stays at 50%. The histograms show one spike per layer and the "
        "diagnostics count one distinct neuron per layer: identical neurons get identical "
        "gradients, so they can never become different.",
    ),
    LessonStep(
        "2 · Random, ten times too large",
        "tutorial_random",
        "Random weights break the symmetry, but ×10 is far too big. Look at the first cost: "
        "about 1774, and all 300 outputs are exactly 0 or 1 in floating point — the textbook "
        "formula would print inf. Play: it learns, but slowly, ending near 83% / 86%.",
    ),
    LessonStep(
        "3 · He initialization",
        "tutorial_he",
        "Same network, same data, only the scale differs: randn × √(2 / fan-in). Play and "
        "compare with the faint curves of steps 1 and 2: the cost falls fast and the test "
        "accuracy reaches 96%. Nothing else changed.",
    ),
    LessonStep(
        "4 · Deep and too small: vanishing gradients",
        "deep_tanh_small",
        "Ten tanh layers of 50 units, weights × 0.01. Each layer shrinks the signal, so the "
        "gradient-norm curves of the first layers lie orders of magnitude below the last one's "
        "and the cost barely moves.",
    ),
    LessonStep(
        "5 · Deep and too large: exploding gradients",
        "deep_tanh_scaled",
        "The same ten layers, weights ×5 too large. Activations pile up at ±1 (see the "
        "activation histograms) and gradients swing wildly from layer to layer; training is "
        "erratic or stalls.",
    ),
    LessonStep(
        "6 · Deep and balanced: Xavier",
        "deep_tanh_xavier",
        "Glorot/Xavier scaling keeps the variance of signals and gradients about the same in "
        "every layer: the gradient-norm curves stay close together and the deep tanh network "
        "trains.",
    ),
    LessonStep(
        "7 · Deep ReLU with He",
        "deep_relu_he",
        "For ReLU layers, He's √(2 / fan-in) plays the same role: ten layers deep and the "
        "gradients still flow. Try the other initializers on this network and compare.",
    ),
)


class LessonPanel(QtWidgets.QWidget):
    """``lessonPanel``: one step at a time, with Previous / Next and "Set up this run".

    ``apply_preset(name)`` is called with the step's preset; the window does the rest.
    """

    stepChanged = QtCore.pyqtSignal(int)

    def __init__(
        self,
        apply_preset: Callable[[str], None],
        steps: tuple[LessonStep, ...] = LESSON,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lessonPanel")
        self._apply = apply_preset
        self.steps = steps
        self.index = 0
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.progress = QtWidgets.QLabel(objectName="lessonProgress")
        self.title = QtWidgets.QLabel(objectName="lessonTitle")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.text = QtWidgets.QLabel(objectName="lessonText")
        self.text.setWordWrap(True)
        self.text.setAlignment(QtCore.Qt.AlignmentFlag.AlignTop)
        self.setup = QtWidgets.QPushButton("Set up this run", objectName="lessonSetupButton")
        self.setup.setAccessibleName("Set up this lesson step's run")
        buttons = QtWidgets.QHBoxLayout()
        self.previous = QtWidgets.QPushButton("◀ Previous", objectName="lessonPreviousButton")
        self.next = QtWidgets.QPushButton("Next ▶", objectName="lessonNextButton")
        self.previous.setAccessibleName("Previous lesson step")
        self.next.setAccessibleName("Next lesson step")
        buttons.addWidget(self.previous)
        buttons.addWidget(self.next)
        for widget in (self.progress, self.title, self.text):
            layout.addWidget(widget)
        layout.addWidget(self.setup)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.previous.clicked.connect(lambda: self.go(self.index - 1))
        self.next.clicked.connect(lambda: self.go(self.index + 1))
        self.setup.clicked.connect(self.set_up)
        self.go(0)

    def go(self, index: int) -> None:
        """Show step ``index`` (clamped); does not change the run until "Set up" is pressed."""
        self.index = max(0, min(index, len(self.steps) - 1))
        step = self.steps[self.index]
        self.progress.setText(f"Lesson step {self.index + 1} of {len(self.steps)}")
        self.title.setText(step.title)
        self.text.setText(step.text)
        self.previous.setEnabled(self.index > 0)
        self.next.setEnabled(self.index < len(self.steps) - 1)
        self.stepChanged.emit(self.index)

    def set_up(self) -> None:
        self._apply(self.steps[self.index].preset)
