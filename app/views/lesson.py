"""The guided lesson: the initialization story as a short tour, one run per step.

Each step names a preset (``engine.presets``), says in two or three sentences what to watch and
why, and sets the run up with one click.  The words are InitScope's own: the tutorial that inspired
the experiment is under a no-derivatives licence, so only its facts and numbers are used.

The steps' titles and texts are English in :data:`LESSON` (marked for extraction with
``QT_TRANSLATE_NOOP``) and translated in the ``"LessonPanel"`` context when shown, so a language
switch re-renders the current step.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PyQt6 import QtCore, QtGui, QtWidgets
from PyQt6.QtCore import QT_TRANSLATE_NOOP

from app.i18n import Retranslatable, translate
from app.views.style import Palette
from engine.config import TrainConfig
from engine.presets import PRESETS

__all__ = ["LESSON", "LessonPanel", "LessonStep"]

#: the step title's font, relative to the palette's
TITLE_SCALE = 1.2


@dataclass(frozen=True, slots=True)
class LessonStep:
    title: str
    preset: str
    text: str


LESSON: tuple[LessonStep, ...] = (
    LessonStep(
        QT_TRANSLATE_NOOP("LessonPanel", "1 · All zeros"),
        "tutorial_zeros",
        QT_TRANSLATE_NOOP(
            "LessonPanel",
            "Every weight starts at 0. Press Play and watch the cost: it sits at ln 2 ≈ 0.693 "
            "and never moves, and accuracy stays at 50%. The histograms show one spike per layer "
            "and the diagnostics count one distinct neuron per layer: identical neurons get "
            "identical gradients, so they can never become different.",
        ),
    ),
    LessonStep(
        QT_TRANSLATE_NOOP("LessonPanel", "2 · Random, ten times too large"),
        "tutorial_random",
        QT_TRANSLATE_NOOP(
            "LessonPanel",
            "Random weights break the symmetry, but ×10 is far too big. Look at the first cost: "
            "about 1774, and all 300 outputs are exactly 0 or 1 in floating point — the textbook "
            "formula would print inf. Play: it learns, but slowly, ending near 83% / 86%.",
        ),
    ),
    LessonStep(
        QT_TRANSLATE_NOOP("LessonPanel", "3 · He initialization"),
        "tutorial_he",
        QT_TRANSLATE_NOOP(
            "LessonPanel",
            "Same network, same data, only the scale differs: randn × √(2 / fan-in). Play and "
            "compare with the faint curves of steps 1 and 2: the cost falls fast and the test "
            "accuracy reaches 96%. Nothing else changed.",
        ),
    ),
    LessonStep(
        QT_TRANSLATE_NOOP("LessonPanel", "4 · Deep and too small: vanishing gradients"),
        "deep_tanh_small",
        QT_TRANSLATE_NOOP(
            "LessonPanel",
            "Ten tanh layers of 50 units, weights × 0.01. Each layer shrinks the signal, so the "
            "gradient-norm curves of the first layers lie orders of magnitude below the last one's "
            "and the cost barely moves.",
        ),
    ),
    LessonStep(
        QT_TRANSLATE_NOOP("LessonPanel", "5 · Deep and too large: exploding gradients"),
        "deep_tanh_scaled",
        QT_TRANSLATE_NOOP(
            "LessonPanel",
            "The same ten layers, weights ×5 too large. Activations pile up at ±1 (see the "
            "activation histograms) and gradients swing wildly from layer to layer; training is "
            "erratic or stalls.",
        ),
    ),
    LessonStep(
        QT_TRANSLATE_NOOP("LessonPanel", "6 · Deep and balanced: Xavier"),
        "deep_tanh_xavier",
        QT_TRANSLATE_NOOP(
            "LessonPanel",
            "Glorot/Xavier scaling keeps the variance of signals and gradients about the same in "
            "every layer: the gradient-norm curves stay close together and the deep tanh network "
            "trains.",
        ),
    ),
    LessonStep(
        QT_TRANSLATE_NOOP("LessonPanel", "7 · Deep ReLU with He"),
        "deep_relu_he",
        QT_TRANSLATE_NOOP(
            "LessonPanel",
            "For ReLU layers, He's √(2 / fan-in) plays the same role: ten layers deep and the "
            "gradients still flow. Try the other initializers on this network and compare.",
        ),
    ),
)


class LessonPanel(Retranslatable, QtWidgets.QWidget):
    """``lessonPanel``: one step at a time, with Previous / Next and "Set up this run".

    ``apply_preset(name)`` is called with the step's preset; the window does the rest.
    ``steps`` hold English text; it is translated (context ``"LessonPanel"``) when shown.
    """

    stepChanged = QtCore.pyqtSignal(int)

    def __init__(
        self,
        apply_preset: Callable[[str], None],
        steps: tuple[LessonStep, ...] = LESSON,
        parent: QtWidgets.QWidget | None = None,
        palette: Palette | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lessonPanel")
        self._apply = apply_preset
        self.steps = steps
        self.index = 0
        self.palette_ = palette or Palette()
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.progress = QtWidgets.QLabel(objectName="lessonProgress")
        self.title = QtWidgets.QLabel(objectName="lessonTitle")
        self.title.setWordWrap(True)
        self.text = QtWidgets.QLabel(objectName="lessonText")
        self.text.setWordWrap(True)
        self.text.setAlignment(QtCore.Qt.AlignmentFlag.AlignTop)
        self.text.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        # The step's text says "press Play": true only once its run is set up.
        self.note = QtWidgets.QLabel(objectName="lessonNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #8a3b00; font-weight: bold;")
        self.config: TrainConfig | None = None  # the window's run (None: not told)
        # At projector size a step's text may be taller than the panel: it scrolls, the buttons
        # below it stay in view.
        self.text_scroll = QtWidgets.QScrollArea(objectName="lessonTextScroll")
        self.text_scroll.setWidget(self.text)
        self.text_scroll.setWidgetResizable(True)
        self.text_scroll.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        self.text_scroll.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setup = QtWidgets.QPushButton(objectName="lessonSetupButton")
        self.previous = QtWidgets.QPushButton(objectName="lessonPreviousButton")
        self.next = QtWidgets.QPushButton(objectName="lessonNextButton")
        for button in (self.setup, self.previous, self.next):
            button.setFocusPolicy(QtCore.Qt.FocusPolicy.StrongFocus)  # Tab reaches it everywhere
            button.setAutoDefault(False)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(self.previous)
        buttons.addWidget(self.next)
        layout.addWidget(self.progress)
        layout.addWidget(self.title)
        layout.addWidget(self.note)
        layout.addWidget(self.text_scroll, 1)
        layout.addWidget(self.setup)
        layout.addLayout(buttons)
        self.setTabOrder(self.setup, self.previous)
        self.setTabOrder(self.previous, self.next)
        self.previous.clicked.connect(lambda: self.go(self.index - 1))
        self.next.clicked.connect(lambda: self.go(self.index + 1))
        self.setup.clicked.connect(self.set_up)
        self.apply_palette(self.palette_)
        self.go(0)
        self.retranslate_ui()

    # -- language and sizes -------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        """Buttons, their accessible names and tooltips, and the current step's texts."""
        self.setup.setText(translate("LessonPanel", "Set up this run"))
        self.setup.setAccessibleName(translate("LessonPanel", "Set up this lesson step's run"))
        self.setup.setToolTip(
            translate(
                "LessonPanel",
                "Load this step's network, data, initializer and learning rate "
                "(the current run is kept as a faint curve)",
            )
        )
        self.previous.setText(translate("LessonPanel", "◀ Previous"))
        self.previous.setAccessibleName(translate("LessonPanel", "Previous lesson step"))
        self.previous.setToolTip(translate("LessonPanel", "Show the previous step"))
        self.next.setText(translate("LessonPanel", "Next ▶"))
        self.next.setAccessibleName(translate("LessonPanel", "Next lesson step"))
        self.next.setToolTip(translate("LessonPanel", "Show the next step"))
        self.setAccessibleName(translate("LessonPanel", "Lesson"))
        self._show_step()

    def apply_palette(self, palette: Palette) -> None:
        """Every label and button at ``palette.font_pt`` (the step's title a little bigger)."""
        self.palette_ = palette
        self.setFont(_font(self, palette.font_pt))  # the panel itself and its scroll area
        for widget in (self.progress, self.note, self.text, self.setup, self.previous, self.next):
            widget.setFont(_font(widget, palette.font_pt))
        self.title.setFont(_font(self.title, round(palette.font_pt * TITLE_SCALE), bold=True))
        self.updateGeometry()

    # -- steps ----------------------------------------------------------------------------------
    def go(self, index: int) -> None:
        """Show step ``index`` (clamped); does not change the run until "Set up" is pressed."""
        self.index = max(0, min(index, len(self.steps) - 1))
        self._show_step()
        self.previous.setEnabled(self.index > 0)
        self.next.setEnabled(self.index < len(self.steps) - 1)
        self.stepChanged.emit(self.index)

    def _show_step(self) -> None:
        step = self.steps[self.index]
        self.progress.setText(
            translate("LessonPanel", "Lesson step {n} of {total}").format(
                n=self.index + 1, total=len(self.steps)
            )
        )
        self.title.setText(translate("LessonPanel", step.title))
        self.text.setText(translate("LessonPanel", step.text))
        self.note.setText(
            translate(
                "LessonPanel",
                "Not set up yet: the window trains another run. Press “Set up this run” first.",
            )
        )
        self.note.setVisible(not self.is_set_up())

    def show_config(self, config: TrainConfig, *_data: object) -> None:
        """The window's run is now ``config``: say whether it is this step's."""
        self.config = config
        self.note.setVisible(not self.is_set_up())

    def is_set_up(self) -> bool:
        """Is the window's run this step's (its preset, whatever the seed)?  True if not told."""
        preset = PRESETS.get(self.steps[self.index].preset)
        if self.config is None or preset is None:
            return True
        return preset.apply(self.config) == self.config

    def set_up(self) -> None:
        self._apply(self.steps[self.index].preset)


def _font(widget: QtWidgets.QWidget, points: float, bold: bool = False) -> QtGui.QFont:
    font = QtGui.QFont(widget.font())
    font.setPointSizeF(points)
    font.setBold(bold)
    return font
