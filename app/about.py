"""Help → About: what InitScope is, where its experiment comes from, its licence and libraries."""

from __future__ import annotations

import html
import platform
from importlib import import_module, metadata

from PyQt6 import QtCore, QtGui, QtWidgets

from app.i18n import Retranslatable, translate
from app.paths import resource_path
from app.version import __version__

__all__ = ["COURSE_URL", "LICENSE_URL", "AboutDialog", "library_versions"]

APP_NAME = "InitScope"  # a name, never translated
ICON = ("icons", "initscope-128.png")
COURSE_URL = "https://www.coursera.org/learn/deep-neural-network"
LICENSE_URL = "https://www.gnu.org/licenses/gpl-3.0.html"

#: (shown name, distribution name, module that has ``__version__`` when metadata is missing)
_LIBRARIES = (
    ("pyqtgraph", "pyqtgraph", "pyqtgraph"),
    ("NumPy", "numpy", "numpy"),
    ("threadpoolctl", "threadpoolctl", "threadpoolctl"),
)


def _distribution_version(distribution: str, module: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:  # e.g. a bundle without the .dist-info folders
        pass
    try:
        return str(import_module(module).__version__)
    except (ImportError, AttributeError):
        return None


def library_versions() -> list[tuple[str, str | None]]:
    """(name, version or None if not found) of what InitScope runs on, read now."""
    versions: list[tuple[str, str | None]] = [
        ("PyQt6", QtCore.PYQT_VERSION_STR),
        ("Qt", QtCore.qVersion()),
    ]
    versions += [(name, _distribution_version(dist, mod)) for name, dist, mod in _LIBRARIES]
    versions.append(("Python", platform.python_version()))
    return versions


def _link(url: str, text: str) -> str:
    return f'<a href="{html.escape(url, quote=True)}">{html.escape(text)}</a>'


class AboutDialog(Retranslatable, QtWidgets.QDialog):
    """Not modal by itself: ``open()`` (window-modal) or ``show()`` it; nothing blocks."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent, objectName="aboutDialog")
        self.setSizeGripEnabled(True)

        self.icon = QtWidgets.QLabel(objectName="aboutIcon")
        pixmap = QtGui.QPixmap()
        icon_path = resource_path(*ICON)
        if icon_path.is_file():
            pixmap.load(str(icon_path))
        if pixmap.isNull():  # the icon is optional: show nothing rather than a broken image
            self.icon.setVisible(False)
        else:
            self.icon.setPixmap(pixmap)
        self.icon.setAlignment(QtCore.Qt.AlignmentFlag.AlignTop)

        self.name_label = QtWidgets.QLabel(APP_NAME, objectName="aboutName")
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.name_label.setFont(font)
        self.version_label = self._text("aboutVersion")
        self.description = self._text("aboutDescription")
        self.credits_heading = self._heading("aboutCreditsHeading")
        self.credits = self._text("aboutCredits")
        self.tutorial = self._text("aboutTutorial")
        self.course_link = self._text("aboutCourseLink", link=True)
        self.license_heading = self._heading("aboutLicenseHeading")
        self.license = self._text("aboutLicense")
        self.license_link = self._text("aboutLicenseLink", link=True)
        self.libraries_heading = self._heading("aboutLibrariesHeading")
        self.libraries = self._text("aboutLibraries")

        self.close_button = QtWidgets.QPushButton(objectName="aboutCloseButton")
        self.close_button.setDefault(True)
        self.close_button.setFocusPolicy(QtCore.Qt.FocusPolicy.StrongFocus)
        self.close_button.clicked.connect(self.close)

        title = QtWidgets.QVBoxLayout()
        title.addWidget(self.name_label)
        title.addWidget(self.version_label)
        title.addStretch(1)
        top = QtWidgets.QHBoxLayout()
        top.addWidget(self.icon)
        top.addLayout(title, 1)

        content = QtWidgets.QWidget(objectName="aboutContent")
        body = QtWidgets.QVBoxLayout(content)
        body.addLayout(top)
        for widget in (
            self.description,
            self.credits_heading,
            self.credits,
            self.tutorial,
            self.course_link,
            self.license_heading,
            self.license,
            self.license_link,
            self.libraries_heading,
            self.libraries,
        ):
            body.addWidget(widget)
        body.addStretch(1)
        scroll = QtWidgets.QScrollArea(objectName="aboutScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        scroll.setWidget(content)

        buttons = QtWidgets.QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.resize(560, 600)
        self.retranslate_ui()

    def _text(self, name: str, link: bool = False) -> QtWidgets.QLabel:
        label = QtWidgets.QLabel(objectName=name, wordWrap=True)
        flags = QtCore.Qt.TextInteractionFlag.TextSelectableByMouse
        if link:
            label.setTextFormat(QtCore.Qt.TextFormat.RichText)
            label.setOpenExternalLinks(False)
            label.linkActivated.connect(self.open_link)
            flags |= (
                QtCore.Qt.TextInteractionFlag.LinksAccessibleByMouse
                | QtCore.Qt.TextInteractionFlag.LinksAccessibleByKeyboard
            )
            label.setFocusPolicy(QtCore.Qt.FocusPolicy.StrongFocus)
        else:
            label.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(flags)
        return label

    def _heading(self, name: str) -> QtWidgets.QLabel:
        label = QtWidgets.QLabel(objectName=name)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label

    @staticmethod
    def open_link(url: str) -> None:
        QtGui.QDesktopServices.openUrl(QtCore.QUrl(url))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(translate("AboutDialog", "About InitScope"))
        self.version_label.setText(
            translate("AboutDialog", "Version {version}").format(version=__version__)
        )
        self.description.setText(
            translate(
                "AboutDialog",
                "InitScope trains a small neural network live and shows why its starting weights "
                "decide whether it learns at all: with all-zero weights every neuron stays the "
                "same and nothing is learned, with large random weights the cost starts huge and "
                "falls slowly, and with He initialization the network separates the circles "
                "quickly. Pause, step, reset and compare runs while the cost curve, the decision "
                "boundary and the weight histograms follow every step.",
            )
        )
        self.credits_heading.setText(translate("AboutDialog", "Where the experiment comes from"))
        self.credits.setText(
            translate(
                "AboutDialog",
                "The experiment comes from the “Initialization” programming exercise of the "
                "deeplearning.ai course “Improving Deep Neural Networks: Hyperparameter Tuning, "
                "Regularization and Optimization” by Andrew Ng. InitScope uses its circles data, "
                "its three-layer network and its three initializations (zeros, large random "
                "values and He).",
            )
        )
        self.tutorial.setText(
            translate(
                "AboutDialog",
                "InitScope follows a Chinese deep-learning tutorial whose lesson on initializing "
                "parameters walks through that exercise step by step, and reproduces the costs "
                "and accuracies the lesson prints. InitScope's code and texts are its own; the "
                "credit for the exercise and for the lesson belongs to their authors.",
            )
        )
        self.course_link.setText(
            _link(COURSE_URL, translate("AboutDialog", "The course on Coursera"))
        )
        self.course_link.setAccessibleName(translate("AboutDialog", "Open the course page"))
        self.license_heading.setText(translate("AboutDialog", "Licence"))
        self.license.setText(
            translate(
                "AboutDialog",
                "InitScope is free software under the GNU General Public License, version 3 or "
                "any later version (GPL-3.0-or-later), because it is built on PyQt6, which is "
                "licensed under the GPL v3. It comes with no warranty.",
            )
        )
        self.license_link.setText(
            _link(LICENSE_URL, translate("AboutDialog", "Read the GNU General Public License"))
        )
        self.license_link.setAccessibleName(translate("AboutDialog", "Open the licence text"))
        self.libraries_heading.setText(translate("AboutDialog", "Built with"))
        not_found = translate("AboutDialog", "not found")
        self.libraries.setText(
            "\n".join(
                f"{name} {version if version is not None else not_found}"
                for name, version in library_versions()
            )
        )
        self.libraries.setAccessibleName(translate("AboutDialog", "Libraries and their versions"))
        self.icon.setAccessibleName(translate("AboutDialog", "InitScope icon"))
        self.close_button.setText(translate("AboutDialog", "Close"))
        self.close_button.setAccessibleName(translate("AboutDialog", "Close the About window"))
