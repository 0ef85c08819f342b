"""Help → About: version, credits, licence, libraries; and the one source of the version."""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

import numpy
import pytest
from PyQt6 import QtCore, QtGui, QtWidgets

from app import about, version
from app.about import AboutDialog, library_versions

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def pyproject_project() -> dict[str, str]:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10: the two keys we need, read plainly
        text = PYPROJECT.read_text(encoding="utf-8")
        section = text.split("[project]", 1)[1].split("\n[", 1)[0]
        return dict(re.findall(r'^(name|version)\s*=\s*"([^"]+)"', section, re.M))
    with PYPROJECT.open("rb") as f:
        return tomllib.load(f)["project"]


@pytest.fixture
def dialog(qtbot):
    d = AboutDialog()
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def label(dialog: QtWidgets.QWidget, name: str) -> QtWidgets.QLabel:
    found = dialog.findChild(QtWidgets.QLabel, name)
    assert found is not None, name
    return found


def test_the_fallback_version_is_pyprojects():
    project = pyproject_project()
    assert project["name"] == version.DISTRIBUTION
    assert project["version"] == version.FALLBACK_VERSION, (
        "app/version.py FALLBACK_VERSION must equal [project] version in pyproject.toml"
    )


def test_the_installed_version_is_pyprojects():
    try:
        installed = metadata.version(version.DISTRIBUTION)
    except metadata.PackageNotFoundError:
        pytest.skip("initscope is not installed (running from a bare source tree)")
    assert installed == pyproject_project()["version"], (
        "the installed metadata is stale: reinstall with `pip install -e .`"
    )
    assert version.__version__ == installed


def test_without_metadata_the_fallback_is_used(monkeypatch):
    def missing(name):
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "version", missing)
    assert version._installed_version() == version.FALLBACK_VERSION


def test_about_shows_name_version_and_description(dialog):
    assert dialog.objectName() == "aboutDialog"
    assert label(dialog, "aboutName").text() == "InitScope"
    assert version.__version__ in label(dialog, "aboutVersion").text()
    assert "initialization" in label(dialog, "aboutDescription").text().lower()
    assert "InitScope" in dialog.windowTitle()


def test_about_credits_the_course_and_the_tutorial(dialog):
    credits = label(dialog, "aboutCredits").text()
    assert "deeplearning.ai" in credits and "“Initialization”" in credits
    assert "Improving Deep Neural Networks" in credits
    tutorial = label(dialog, "aboutTutorial").text()
    assert "Chinese" in tutorial and "tutorial" in tutorial


def test_about_states_the_licence(dialog):
    text = label(dialog, "aboutLicense").text()
    assert "GPL-3.0-or-later" in text and "PyQt6" in text


def test_about_lists_the_libraries_with_their_versions(dialog):
    text = label(dialog, "aboutLibraries").text()
    assert f"PyQt6 {QtCore.PYQT_VERSION_STR}" in text
    assert f"NumPy {numpy.__version__}" in text
    assert f"threadpoolctl {metadata.version('threadpoolctl')}" in text
    assert f"pyqtgraph {metadata.version('pyqtgraph')}" in text
    names = [name for name, _ in library_versions()]
    assert {"PyQt6", "pyqtgraph", "NumPy", "threadpoolctl"} <= set(names)
    assert "scikit-learn" not in names  # only the tests use it: an installed app has none


def test_library_versions_without_metadata_read_the_modules(monkeypatch):
    import threadpoolctl

    def missing(name):
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "version", missing)
    versions = dict(library_versions())
    assert versions["threadpoolctl"] == threadpoolctl.__version__
    assert versions["NumPy"] == numpy.__version__


def test_the_icon_is_shown_when_it_exists(dialog):
    icon = label(dialog, "aboutIcon")
    if about.resource_path(*about.ICON).is_file():
        assert icon.isVisible() and not icon.pixmap().isNull()
    else:
        assert not icon.isVisible()


def test_a_missing_icon_shows_nothing(qtbot, monkeypatch, tmp_path):
    monkeypatch.setattr(about, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    d = AboutDialog()
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    assert not label(d, "aboutIcon").isVisible()


def test_links_open_through_qdesktopservices(dialog, monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr(
        QtGui.QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toString()))
    )
    license_link = label(dialog, "aboutLicenseLink")
    assert about.LICENSE_URL in license_link.text()
    license_link.linkActivated.emit(about.LICENSE_URL)
    label(dialog, "aboutCourseLink").linkActivated.emit(about.COURSE_URL)
    assert opened == [about.LICENSE_URL, about.COURSE_URL]


def test_close_button_closes(qtbot, dialog):
    button = dialog.findChild(QtWidgets.QPushButton, "aboutCloseButton")
    assert button.accessibleName()
    assert button.focusPolicy() & QtCore.Qt.FocusPolicy.TabFocus
    qtbot.mouseClick(button, QtCore.Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_links_are_named_and_reachable_by_keyboard(dialog):
    for name in ("aboutCourseLink", "aboutLicenseLink"):
        link = label(dialog, name)
        assert link.accessibleName(), name
        assert link.focusPolicy() & QtCore.Qt.FocusPolicy.TabFocus, name


def test_about_retranslates_live(qtbot, qapp, dialog):
    class Marking(QtCore.QTranslator):
        def translate(self, context, source, disambiguation=None, n=-1):
            return f"«{source}»" if context == "AboutDialog" else ""

        def isEmpty(self):  # an empty translator would not send LanguageChange
            return False

    credits = label(dialog, "aboutCredits")
    translator = Marking()
    qapp.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: credits.text().startswith("«"))
        assert label(dialog, "aboutVersion").text() == f"«Version {version.__version__}»"
        assert dialog.windowTitle() == "«About InitScope»"
        close = dialog.findChild(QtWidgets.QPushButton, "aboutCloseButton")
        assert close.text() == "«Close»" and close.accessibleName().startswith("«")
    finally:
        qapp.removeTranslator(translator)
    qtbot.waitUntil(lambda: not credits.text().startswith("«"))
