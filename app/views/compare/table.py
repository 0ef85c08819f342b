"""``compareTable``: one row per compared run, with its numbers and milestones."""

from __future__ import annotations

from collections.abc import Sequence

from PyQt6 import QtCore, QtGui, QtWidgets

from app.frames import RunPicture
from app.i18n import Retranslatable, translate
from app.views.compare.run_style import RunStyle
from app.views.compare.texts import (
    describe,
    never_text,
    not_finite_text,
    row_texts,
    state_text,
    table_columns,
    tips,
)
from app.views.style import Palette, icon_scale
from engine.compare import CHECK_EVERY, CompareRow

__all__ = ["N_COLUMNS", "CompareTable"]

N_COLUMNS = 8  # see texts.table_columns
_RIGHT = QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignVCenter


class CompareTable(Retranslatable, QtWidgets.QTableWidget):
    """The rows follow the runs of the frames drawn; selecting one emits its key (the view draws
    that run's curve wider)."""

    selectedKeyChanged = QtCore.pyqtSignal(object)  # a run's key, or None

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(0, N_COLUMNS, parent)
        self.setObjectName("compareTable")
        self.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.setFocusPolicy(QtCore.Qt.FocusPolicy.StrongFocus)
        self.setTabKeyNavigation(False)  # Tab leaves the table: it is one stop of many
        self.verticalHeader().setVisible(False)
        self.setIconSize(QtCore.QSize(44, 16))
        self.horizontalHeader().setTextElideMode(QtCore.Qt.TextElideMode.ElideRight)
        self.setMinimumHeight(110)
        self.itemSelectionChanged.connect(self._on_selection)
        self.viewport().installEventFilter(self)
        self._keys: tuple[int, ...] = ()
        self._styles: list[RunStyle] = []
        self._line_width = Palette().line_width
        self._counts = (300, 100)  # training and test points, for the accuracy columns' width
        self.retranslate_ui()

    # -- runs -------------------------------------------------------------------------------------
    def set_runs(self, runs: Sequence[RunPicture], styles: Sequence[RunStyle]) -> None:
        """A row per run (empty until :meth:`show_rows`), each with its run's swatch."""
        self._keys = tuple(run.key for run in runs)
        self._styles = list(styles)
        self.setRowCount(len(runs))
        for r in range(len(runs)):
            for c in range(N_COLUMNS):
                item = QtWidgets.QTableWidgetItem("")
                if c:
                    item.setTextAlignment(_RIGHT)
                self.setItem(r, c, item)
        self._show_icons()
        self.describe_runs(runs)
        self._on_selection()

    def describe_runs(self, runs: Sequence[RunPicture]) -> None:
        """Each run's whole configuration as its name's tooltip, in the current language."""
        for r, run in enumerate(runs):
            item = self.item(r, 0)
            if item is not None:
                item.setToolTip(describe(run.config))

    def show_rows(self, rows: Sequence[CompareRow], names: dict[int, str]) -> None:
        """The numbers of ``rows``; ``names`` holds each run's name in the current language."""
        if rows:
            self._counts = (rows[0].n_train, rows[0].n_test)
        for r, row in enumerate(rows):
            for c, text in enumerate(row_texts(row, names.get(row.key, row.label))):
                item = self.item(r, c)
                if item is not None and item.text() != text:  # unchanged cells cost nothing
                    item.setText(text)

    def selected_key(self) -> int | None:
        """The key of the run selected, or ``None``."""
        rows = self.selectionModel().selectedRows()
        index = rows[0].row() if rows else None
        return self._keys[index] if index is not None and index < len(self._keys) else None

    def _on_selection(self) -> None:
        self.selectedKeyChanged.emit(self.selected_key())

    def _show_icons(self) -> None:
        size = self.iconSize()
        for r, style in enumerate(self._styles):
            item = self.item(r, 0)
            if item is not None:
                item.setIcon(style.icon(size.width(), size.height(), self._line_width))

    # -- sizes ------------------------------------------------------------------------------------
    def apply_palette(self, palette: Palette, font: QtGui.QFont) -> None:
        """``font`` for the cells and the header; rows and swatches sized to match."""
        self.setFont(font)
        self.horizontalHeader().setFont(font)
        scale = icon_scale(palette)
        self.setIconSize(QtCore.QSize(round(44 * scale), round(16 * scale)))
        metrics = QtGui.QFontMetrics(font)
        self.verticalHeader().setDefaultSectionSize(
            max(metrics.height() + 8, round(16 * scale) + 6)
        )
        # The header and two rows at least (the rest scrolls): a projector screen is short.
        self.setMinimumHeight(
            max(110, metrics.height() + 10 + 2 * self.verticalHeader().defaultSectionSize())
        )
        self._line_width = palette.line_width
        self._show_icons()
        self.fit_columns()

    def wanted_height(self) -> int:
        """Tall enough for the header and every row (three at least)."""
        rows = max(3, self.rowCount())
        wanted = (
            self.horizontalHeader().sizeHint().height()
            + rows * self.verticalHeader().defaultSectionSize()
            + 2 * self.frameWidth()
            + 2
        )
        if self.horizontalScrollBar().maximum() > 0:
            wanted += self.horizontalScrollBar().sizeHint().height()
        return wanted

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        """The viewport changed width: share the columns out again."""
        if (
            event.type() == QtCore.QEvent.Type.Resize
            and watched is self.viewport()
            and event.size().width() != event.oldSize().width()
        ):
            self.fit_columns()
        return super().eventFilter(watched, event)

    def fit_columns(self) -> None:
        """Every column as wide as its texts need, plus an even share of the room left.

        When there is not room for all (projector-sized text on a narrow screen) the table
        scrolls sideways rather than cutting numbers short with "…".
        """
        header = self.horizontalHeader()
        cells = QtGui.QFontMetrics(self.font())
        heads = QtGui.QFontMetrics(header.font())
        margin = self.style().pixelMetric(QtWidgets.QStyle.PixelMetric.PM_HeaderMargin)
        n_train, n_test = self._counts
        never = never_text()
        states = [
            state_text(s) for s in ("running", "stepping", "paused", "finished", "catching up")
        ]
        samples = (
            (),
            ("000,000",),
            ("0.000000", not_finite_text()),
            (f"0.0000 ({n_train}/{n_train})",),
            (f"0.0000 ({n_test}/{n_test})",),
            ("000,000", never),
            ("000,000", never),
            (*states, state_text("diverged", 999_999)),
        )
        titles = table_columns()
        needs = [
            max(
                heads.horizontalAdvance(titles[c]) + 2 * margin + 8,
                max((cells.horizontalAdvance(text) for text in samples[c]), default=0) + 16,
            )
            for c in range(N_COLUMNS)
        ]
        first = max(self.sizeHintForColumn(0), needs[0])
        room = self.viewport().width() - first - 2
        spare = max(0, room - sum(needs[1:])) // (N_COLUMNS - 1)  # shared out evenly
        header.setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, first)
        for c in range(1, N_COLUMNS):
            header.resizeSection(c, needs[c] + spare)
        header.setStretchLastSection(True)

    # -- language ---------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        """Column titles and the table's own tips; the rows are re-worded by their owner."""
        self.setHorizontalHeaderLabels(table_columns())
        tips(
            self,
            translate("CompareView", "Compared configurations"),
            translate(
                "CompareView",
                "Milestones are exact to the iteration: checked every {n} steps, then pinned by "
                "replaying the steps since the previous check.",
            ).format(n=CHECK_EVERY),
        )
        self.fit_columns()
