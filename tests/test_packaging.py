"""Packaging files: the .desktop entry, icons, the menu installer, the PyInstaller spec, LICENSE.

Fast checks only: the bundle itself is built and smoke-tested by scripts/build-bundle.sh, not here.
"""

from __future__ import annotations

import configparser
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "resources"
ICONS = RESOURCES / "icons"
DESKTOP = RESOURCES / "initscope.desktop"
INSTALLER = ROOT / "scripts" / "install-desktop.sh"
SPEC = ROOT / "packaging" / "initscope.spec"
SIZES = (16, 32, 48, 64, 128, 256)

needs_bash = pytest.mark.skipif(
    sys.platform == "win32" or shutil.which("bash") is None, reason="the installer is a bash script"
)


def read_desktop(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive: Name, Name[zh_CN]
    parser.read_string(path.read_text(encoding="utf-8"))
    assert parser.sections() == ["Desktop Entry"]
    return dict(parser["Desktop Entry"])


# --- the .desktop entry ------------------------------------------------------------------------


def test_desktop_entry_has_the_required_keys():
    entry = read_desktop(DESKTOP)
    assert entry["Type"] == "Application"
    assert entry["Name"] == "InitScope"
    assert "初始化" in entry["Name[zh_CN]"]
    assert entry["Comment"] and entry["Comment[zh_CN]"]
    assert entry["Exec"]
    assert entry["Icon"] == "initscope"
    assert entry["Terminal"] == "false"
    categories = entry["Categories"].split(";")
    assert entry["Categories"].endswith(";")
    assert {"Education", "Science"} <= set(categories)
    assert entry["StartupWMClass"] == "InitScope"  # WM_CLASS's class = the application name


def test_desktop_entry_name_matches_what_the_app_declares():
    """Wayland matches a window to its menu entry by QGuiApplication.desktopFileName()."""
    declared = set()
    for source in (ROOT / "app").rglob("*.py"):
        declared.update(re.findall(r'setDesktopFileName\(\s*"([^"]+)"', source.read_text("utf-8")))
    assert declared == {DESKTOP.stem}


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_desktop_entry_validates():
    result = subprocess.run(
        ["desktop-file-validate", "--no-hints", str(DESKTOP)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# --- icons -------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
def test_icon_png_has_its_size(qapp, size):
    from PyQt6 import QtGui

    image = QtGui.QImage(str(ICONS / f"initscope-{size}.png"))
    assert not image.isNull()
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()
    assert image.pixelColor(0, 0).alpha() == 0  # rounded corners: transparent
    assert image.pixelColor(size // 2, size // 2).alpha() == 255


def test_icon_svg_renders(qapp):
    from PyQt6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(ICONS / "initscope.svg"))
    assert renderer.isValid()
    assert renderer.viewBoxF().width() == renderer.viewBoxF().height() == 256


def test_windows_icon_holds_every_size(qapp):
    from PyQt6 import QtGui

    reader = QtGui.QImageReader(str(ICONS / "initscope.ico"))
    if b"ico" not in [bytes(f) for f in QtGui.QImageReader.supportedImageFormats()]:
        pytest.skip("Qt's ico plug-in is missing")
    sizes = set()
    for _ in range(reader.imageCount()):
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        sizes.add(image.width())
        reader.jumpToNextImage()
    assert {16, 32, 48, 256} <= sizes


# --- the menu installer ------------------------------------------------------------------------


def run_installer(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env["HOME"] = str(home)
    return subprocess.run(
        ["bash", str(INSTALLER), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def installed_files(home: Path) -> list[Path]:
    data = home / ".local" / "share"
    return (
        [data / "applications" / "initscope.desktop"]
        + [data / "icons" / "hicolor" / f"{n}x{n}" / "apps" / "initscope.png" for n in SIZES]
        + [data / "icons" / "hicolor" / "scalable" / "apps" / "initscope.svg"]
    )


@needs_bash
def test_installer_installs_and_uninstalls_for_the_user(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    result = run_installer(home)
    assert result.returncode == 0, result.stderr
    files = installed_files(home)
    for path in files:
        assert path.is_file(), path
    entry = read_desktop(files[0])
    assert entry["Exec"] == f'"{ROOT.resolve() / "scripts" / "run-app.sh"}"'
    assert entry["Icon"] == "initscope"
    assert entry["Name[zh_CN]"] == read_desktop(DESKTOP)["Name[zh_CN]"]
    assert (files[1].read_bytes()) == (ICONS / "initscope-16.png").read_bytes()

    result = run_installer(home, "--uninstall")
    assert result.returncode == 0, result.stderr
    assert not any(path.exists() for path in files)


@needs_bash
def test_installer_points_at_a_bundle_with_awkward_characters(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    bundle = tmp_path / 'my "apps" $HOME\\x' / "InitScope"
    bundle.mkdir(parents=True)
    exe = bundle / "InitScope"
    exe.write_text("#!/bin/sh\n", encoding="utf-8")
    exe.chmod(exe.stat().st_mode | stat.S_IXUSR)
    result = run_installer(home, "--bundle", str(bundle))
    assert result.returncode == 0, result.stderr
    exec_value = read_desktop(installed_files(home)[0])["Exec"]
    # Desktop Entry quoting: "…" with \" \$ \\ escaped, then every backslash doubled.
    inner = str(exe).replace("\\", "\\\\").replace('"', '\\"').replace("$", "\\$")
    assert exec_value == '"' + inner.replace("\\", "\\\\") + '"'


@needs_bash
def test_installer_refuses_a_missing_bundle_and_unknown_options(tmp_path):
    result = run_installer(tmp_path, "--bundle", str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert "build-bundle.sh" in result.stderr
    assert not (tmp_path / ".local" / "share" / "applications" / "initscope.desktop").exists()
    assert run_installer(tmp_path, "--frobnicate").returncode == 2


# --- the PyInstaller spec and the licence ------------------------------------------------------


def test_spec_bundles_resources_and_leaves_out_what_is_not_used():
    text = SPEC.read_text(encoding="utf-8")
    compile(text, str(SPEC), "exec")  # at least valid Python
    assert '(str(RESOURCES), "resources")' in text
    assert 'RESOURCES = ROOT / "resources"' in text
    for name in ("tkinter", "sklearn", "scipy"):
        assert f'"{name}",' in text
    assert "initscope.ico" in text and "initscope.icns" in text


def test_build_tools_are_pinned():
    lines = (ROOT / "packaging" / "build-requirements.txt").read_text(encoding="utf-8").splitlines()
    pins = [line for line in lines if line.strip() and not line.startswith("#")]
    names = {re.split(r"[=;<> ]", pin, maxsplit=1)[0].lower() for pin in pins}
    assert {"pyinstaller", "pyinstaller-hooks-contrib"} <= names
    assert all(re.match(r"^[A-Za-z0-9_.-]+==[0-9][^ ;]*( *;.*)?$", pin) for pin in pins), pins


def test_license_is_the_gpl_version_3():
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.split("\n", 2)[:2] == [
        "                    GNU GENERAL PUBLIC LICENSE",
        "                       Version 3, 29 June 2007",
    ]
    assert "END OF TERMS AND CONDITIONS" in text
    assert 'license = "GPL-3.0-or-later"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
