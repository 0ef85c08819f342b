"""The status strip: iteration, cost, accuracies and the run state, large enough for the back row.

It renders a :class:`~app.frames.Frame`'s numbers and words them in the current language; the
state line can also show what the controller said last ("new weights: iteration 0, paused"), and
re-words it after a language switch.
"""

from __future__ import annotations

from collections.abc import Callable

from PyQt6 import QtCore, QtGui, QtWidgets

from app.frame_budget import Coarse
from app.frames import Frame, RunState
from app.i18n import Retranslatable, translate
from app.views.qt_items import LabelSlot, WrappingSlot
from app.views.steady_rate import SteadyRate
from app.views.style import Palette, opaque

__all__ = ["StatusStrip", "coarse_text", "state_text"]


def _rate_text(interval: float) -> str:
    if interval <= 1.0:
        return translate("TrainingWorker", "{n}×/s").format(n=f"{1 / interval:.0f}")
    return translate("TrainingWorker", "every {n} s").format(n=f"{interval:.0f}")


def coarse_text(coarse: Coarse) -> str:
    """Why the boundary or the numbers come coarser or rarer than usual (a large network)."""
    return translate(
        "TrainingWorker",
        "large network: boundary {n}×{n} {grid}, numbers {numbers}, so training stays fast "
        "and the window responsive",
    ).format(
        n=coarse.resolution,
        grid=_rate_text(coarse.grid_interval),
        numbers=_rate_text(coarse.frame_interval),
    )


def _short(value: float, digits: int) -> str:
    """``value`` to ``digits`` significant digits (1773.59, 0.693147, 0.9933)."""
    return f"{value:.{digits}g}"


def state_text(frame: Frame, rate: float) -> str:
    """The state line for ``frame``; ``rate`` is the steps/s figure to show while running."""
    snap = frame.snapshot
    if frame.state is RunState.RUNNING:
        text = translate("MainWindow", "running")
        if frame.past_target:  # Play at or after the stop-at: it will not stop by itself
            text = translate(
                "MainWindow", "running past the stop-at {target}: Pause to stop"
            ).format(target=f"{frame.target:,}")
        if rate:
            text += " · " + translate("MainWindow", "{n} steps/s").format(n=f"{rate:,.0f}")
        return text + (f" · {coarse_text(frame.coarse)}" if frame.coarse else "")
    if frame.state is RunState.STEPPING:
        return translate("MainWindow", "stepping…")
    if frame.state is RunState.FINISHED:
        return translate("MainWindow", "finished {n} iterations").format(n=f"{snap.iteration:,}")
    if frame.state is RunState.DIVERGED:
        return translate(
            "MainWindow",
            "training diverged at iteration {n}: lower the learning rate or try another "
            "initializer, then Reset",
        ).format(n=f"{snap.diverged_at:,}")
    return translate("MainWindow", "paused")


class StatusStrip(Retranslatable, QtWidgets.QFrame):
    """Iteration, cost, accuracies and the run state, large enough for the back row.

    Two rows of two, so the full-precision numbers fit beside the controls even at 1024×768.
    """

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusStrip")
        self.setFrameShape(QtWidgets.QFrame.Shape.StyledPanel)
        opaque(self)  # new numbers every frame repaint the strip alone
        self._layout = QtWidgets.QGridLayout(self)
        self._layout.setContentsMargins(8, 4, 8, 4)
        self._layout.setHorizontalSpacing(16)
        self._layout.setVerticalSpacing(2)
        self.iteration = QtWidgets.QLabel(objectName="iterationLabel")
        self.cost = QtWidgets.QLabel(objectName="costLabel")
        self.train_accuracy = QtWidgets.QLabel(objectName="trainAccuracyLabel")
        self.test_accuracy = QtWidgets.QLabel(objectName="testAccuracyLabel")
        self.values = (self.iteration, self.cost, self.train_accuracy, self.test_accuracy)
        self._texts, self._tips = ["", "", "", ""], ["", "", "", ""]  # as handed to the values
        self._words: dict[str, str] | None = None  # see _templates
        self._lengths: tuple[int, ...] = ()  # the texts' lengths last fitted on a frame
        self._saturated = True  # the saturation line is shown (set to the first frame's)
        self.selectable = False
        self.set_selectable(True)
        # A new number every frame must not re-lay out the window around it.
        self._slots = tuple(LabelSlot(label) for label in self.values)
        self.state = QtWidgets.QLabel(objectName="stateLabel")
        self.saturation = QtWidgets.QLabel(objectName="saturationLabel")
        self.saturation.setStyleSheet("color: #8a3b00;")
        # They change as training goes (steps/s, saturated outputs): outside the layout too.
        self._state_slot, self._saturation_slot = (
            WrappingSlot(self.state),
            WrappingSlot(self.saturation),
        )
        self.columns = 0
        self._fitted: tuple = ()  # what the columns were last fitted to (see fit_columns)
        self._one_column_at: tuple | None = None  # the room in which a number needed one column
        self._fits: dict[tuple, int] = {}  # columns for each fitted key, this font and language
        self.compact = False
        self._stretch = (1, 1)  # the two columns' stretch factors
        self._said: Callable[[], str] = lambda: ""  # the state line, made again after a switch
        self._steady_rate = SteadyRate()
        self.set_columns(2)
        self.apply_palette(Palette())
        self.retranslate_ui()

    def set_selectable(self, selectable: bool) -> None:
        """Numbers can be selected and copied while they hold still (paused, finished).

        While training runs they change every frame, and a selectable label repaints twice per
        new text (its text control asks for a second update), so selection is off then.
        """
        if selectable == self.selectable:
            return
        self.selectable = selectable
        flags = QtCore.Qt.TextInteractionFlag
        for label in self.values:
            label.setTextInteractionFlags(
                flags.TextSelectableByMouse if selectable else flags.NoTextInteraction
            )

    def set_columns(self, columns: int) -> None:
        """Lay the four numbers out in ``columns`` columns."""
        if columns == self.columns:
            for col in range(2):  # the stretch factors may have changed (projector mode)
                wanted = self._stretch[col] if col < columns else 0
                # only on a change: setting a stretch re-lays out the window above it, and this
                # runs on every frame
                if self._layout.columnStretch(col) != wanted:
                    self._layout.setColumnStretch(col, wanted)
            return
        self.columns = columns
        for widget in (*self._slots, self._state_slot, self._saturation_slot):
            self._layout.removeWidget(widget)
        rows = -(-len(self._slots) // columns)
        for index, slot in enumerate(self._slots):
            self._layout.addWidget(slot, index % rows, index // rows)
        for col in range(2):
            self._layout.setColumnStretch(col, self._stretch[col] if col < columns else 0)
            self._layout.setColumnMinimumWidth(col, 0)
        self._layout.addWidget(self._state_slot, rows, 0, 1, columns)
        self._layout.addWidget(self._saturation_slot, rows + 1, 0, 1, columns)
        self._layout.invalidate()  # re-place the numbers now, not at some later layout pass
        self._layout.activate()

    def apply_palette(self, palette: Palette) -> None:
        """The numbers are the boldest text in the window.

        On a projector they are already 20 pt, so they are not enlarged further: two columns of
        full-precision numbers must fit 1024 px, and the accuracies drop their "(right/n)" counts
        (``compact``), which stay in the tooltip.
        """
        base = QtWidgets.QApplication.font()
        font = QtGui.QFont(base)
        if palette.projector:
            font.setPointSizeF(palette.font_pt)
        elif palette.zoom != 1:
            font.setPointSizeF(palette.font_pt * 1.25)
        else:
            font.setPointSizeF(base.pointSizeF() * 1.25)
        font.setBold(True)
        for label, slot in zip(self.values, self._slots):
            label.setFont(font)
            slot.updateGeometry()  # the one change a slot's size follows
        self.compact = palette.projector
        # The accuracies' words are longer than "Iteration" / "Cost" (in Chinese too).
        self._stretch = (4, 5) if palette.projector else (1, 1)
        self._fitted, self._fits, self._one_column_at = (), {}, None
        self.fit_columns()

    def fit_columns(self) -> None:
        """Two columns of numbers when they fit side by side, else one (a projector's font
        beside the control panel): a number is never cut short."""
        # Measured again only when a text's length or the room changed (digits are equally wide;
        # a new font or language forgets the fit), as this runs on every frame.
        # The cost's full repr changes length every few frames (0.0081762…, 0.008176…): each
        # set of lengths is measured once, as long as the font, language and room stay.
        key = (self.width(), self._stretch, *(len(text) for text in self._texts))
        if key == self._fitted:
            return
        self._fitted = key
        columns = self._fits.get(key)
        if columns is None:
            margins = self._layout.contentsMargins()
            room = self.width() - margins.left() - margins.right()
            metrics = [QtGui.QFontMetrics(v.font()) for v in self.values]
            widths = [m.horizontalAdvance(t) + 4 for m, t in zip(metrics, self._texts)]
            # two columns share the room by their stretch factors (projector: 4 and 5)
            left, right = self._stretch
            share = (room - self._layout.horizontalSpacing()) / (left + right)
            fits = max(widths[:2]) <= share * left and max(widths[2:]) <= share * right
            columns = self._fits[key] = 2 if room <= 0 or fits else 1
        # Once a number has needed the one column, the strip keeps it while its room does: the
        # lengths change every few frames (a cost of 0.69197 then 0.691972, an accuracy of 0.5
        # then 0.4933), and a strip that went back to two columns for the shorter numbers
        # changed its height, moving every plot under it up and down ten times a second.
        room_now = (self.width(), self._stretch)
        if columns == 1:
            self._one_column_at = room_now
        elif self._one_column_at == room_now:
            columns = 1
        self.set_columns(columns)

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def retranslate_ui(self) -> None:
        # the next frame's words are another language's: fit them again
        self._fitted, self._fits, self._one_column_at = (), {}, None
        self._words = None
        names = (
            translate("StatusStrip", "Iteration"),
            translate("StatusStrip", "Cost"),
            translate("StatusStrip", "Train accuracy"),
            translate("StatusStrip", "Test accuracy"),
            translate("StatusStrip", "Run state"),
            translate("StatusStrip", "Saturation"),
        )
        for label, name in zip((*self.values, self.state, self.saturation), names):
            label.setAccessibleName(name)
        self._state_slot.set_text(self._said())

    # -- what it shows -----------------------------------------------------------------------------
    def say(self, source: Callable[[], str]) -> None:
        """Show a state line; ``source`` makes it again in the new language after a switch."""
        self._said = source
        self._state_slot.set_text(source())

    def _templates(self) -> dict[str, str]:
        """This language's number templates, translated once: each ``translate`` is a call into
        Qt, and the numbers change on every frame."""
        if self._words is None:
            self._words = {
                "iteration": translate("MainWindow", "Iteration {n}"),
                "cost": translate("MainWindow", "Cost {cost}"),
                "no cost": translate("MainWindow", "Cost: not a number"),
                "train": translate("MainWindow", "Train accuracy {acc} ({right}/{n})"),
                "test": translate("MainWindow", "Test accuracy {acc} ({right}/{n})"),
            }
        return self._words

    def _put(self, k: int, text: str, tip: str | None = None) -> None:
        """Number ``k``'s text (and tooltip), handed to Qt only when it changed: 30 frames a
        second, most of them change the iteration and the cost alone."""
        label = self.values[k]
        if text != self._texts[k]:
            self._texts[k] = text
            label.setText(text)
        if tip is not None and tip != self._tips[k]:
            self._tips[k] = tip
            label.setToolTip(tip)

    def show_frame(self, frame: Frame, n_test: int) -> None:
        """The frame's numbers and state; ``n_test`` is the size of the test set."""
        snap = frame.snapshot
        words = self._templates()
        self._put(0, words["iteration"].format(n=f"{snap.iteration:,}"))
        # compact (projector): numbers to a readable precision (the cost to 6 significant
        # digits, as the contract asks at least), the full ones in the tooltips and the export
        if snap.cost == snap.cost:
            full = words["cost"].format(cost=repr(snap.cost))
            shown = words["cost"].format(cost=_short(snap.cost, 6)) if self.compact else full
            self._put(1, shown, full)
        else:
            self._put(1, words["no cost"], "")
        for k, text, acc, n in (
            (2, words["train"], snap.train_accuracy, snap.n_train),
            (3, words["test"], snap.test_accuracy, n_test),
        ):
            if acc is None:  # a frame between full ones while training: the last one stands
                continue
            full = text.format(acc=repr(acc), right=round(acc * n), n=n)
            if self.compact:  # the number alone fits the back row's font; counts in the tip
                short = text.format(acc=_short(acc, 4), right=0, n=0)
                self._put(k, short.split(" (")[0].split("（")[0], full)
            else:
                self._put(k, full, full)
        lengths = tuple(len(text) for text in self._texts)
        if lengths != self._lengths:  # the numbers grow as training goes on (0.5, then 0.9933)
            self._lengths = lengths
            self.fit_columns()
        self.set_selectable(frame.state not in (RunState.RUNNING, RunState.STEPPING))
        running = frame.state is RunState.RUNNING
        rate = self._steady_rate(frame.steps_per_second if running else 0)
        self.say(lambda: state_text(frame, rate))
        if bool(snap.saturated) != self._saturated:
            self._saturated = bool(snap.saturated)
            self._saturation_slot.setVisible(self._saturated)  # (the label alone left a gap)
        if snap.saturated:
            self._saturation_slot.set_text(
                translate(
                    "MainWindow",
                    "{k} of {n} outputs are exactly 0 or 1 in float64: the naive −log(σ) loss "
                    "would print inf here; InitScope computes it from the logits.",
                ).format(k=snap.saturated, n=snap.n_train)
            )
        else:
            self._saturation_slot.set_text("")
