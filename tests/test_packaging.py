"""Packaging files: the .desktop entry, icons, the menu installer, the PyInstaller spec, LICENSE.

Fast checks only: the bundle itself is built and smoke-tested by scripts/build-bundle.sh, not here.
"""

from __future__ import annotations

import configparser
import os
import re
import runpy
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


# --- the distribution: names, dependencies, pins, the command line -----------------------------


def pyproject() -> dict:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        pytest.skip("tomllib needs Python 3.11")
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def pins(path: Path) -> dict[str, list[str]]:
    """name → the pinned lines (with their markers) of a constraints file."""
    out: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name = re.split(r"[=<>; ]", line, maxsplit=1)[0].lower().replace("_", "-")
            out.setdefault(name, []).append(line)
    return out


def test_the_wheel_installs_one_top_level_name_holding_the_repository_layout(monkeypatch):
    tool = pyproject()["tool"]["setuptools"]
    assert tool["package-dir"] == {
        "initscope.app": "app",
        "initscope.engine": "engine",
        "initscope.resources": "resources",
    }
    import setuptools

    seen = {}
    monkeypatch.setattr(setuptools, "setup", lambda **kw: seen.update(kw))
    monkeypatch.chdir(ROOT)
    runpy.run_path(str(ROOT / "setup.py"))
    listed = set(seen["packages"])
    assert {p.split(".")[0] for p in listed} == {"initscope"}
    for top in ("app", "engine"):  # every package folder is packaged, new ones included
        for init in (ROOT / top).rglob("__init__.py"):
            rel = init.parent.relative_to(ROOT).as_posix().replace("/", ".")
            assert f"initscope.{rel}" in listed, rel
    for sub in ("icons", "i18n"):
        assert f"initscope.resources.{sub}" in listed


def test_scripts_point_at_the_initscope_package():
    project = pyproject()["project"]
    assert project["gui-scripts"] == {"initscope": "initscope:main"}
    assert project["scripts"] == {"initscope-headless": "initscope:headless_main"}


def test_runtime_dependencies_are_what_the_app_imports():
    project = pyproject()["project"]
    runtime = {re.split(r"[<>=!~ ]", d, maxsplit=1)[0].lower() for d in project["dependencies"]}
    assert runtime == {"numpy", "pillow", "pyqt6", "pyqtgraph", "threadpoolctl"}
    test_extra = " ".join(project["optional-dependencies"]["test"])
    assert "scikit-learn" in test_extra  # the tests' reference for the engine's data sets
    assert "pyqtgraph>=0.13.4,<0.15" in project["dependencies"]  # 0.13.3 crashes the window
    for field in ("keywords", "classifiers", "urls"):
        assert project[field], field


def test_the_lowest_pins_are_the_declared_floors():
    floors = {}
    for dep in pyproject()["project"]["dependencies"]:
        match = re.match(r"([A-Za-z0-9_.-]+)>=([0-9.]+)", dep)
        assert match, dep
        floors[match.group(1).lower()] = match.group(2)
    lowest = pins(ROOT / "constraints-lowest.txt")
    for name, floor in floors.items():
        (line,) = lowest[name]
        pinned = line.split("==", 1)[1]
        # the floor's release, or its first patch release (numpy 1.24 → 1.24.x)
        assert pinned == floor or pinned.startswith(floor + "."), (name, floor, pinned)


def test_every_supported_python_has_pins():
    requires = pyproject()["project"]["requires-python"]
    assert requires == ">=3.10"
    classifiers = pyproject()["project"]["classifiers"]
    for version in ("3.10", "3.11"):
        assert f"Programming Language :: Python :: {version}" in classifiers
    constraints = pins(ROOT / "constraints.txt")
    for name in ("numpy", "scipy", "scikit-learn", "hypothesis"):
        markers = " ".join(constraints[name])
        assert 'python_version < "3.11"' in markers and 'python_version >= "3.11"' in markers


def test_the_sdist_manifest_takes_the_whole_project():
    manifest = (ROOT / "MANIFEST.in").read_text(encoding="utf-8")
    for folder in ("app", "engine", "initscope", "resources", "tests", "scripts", "docs"):
        assert f"graft {folder}" in manifest


def test_the_metainfo_names_the_desktop_file():
    import xml.etree.ElementTree as ET

    (path,) = RESOURCES.glob("*.metainfo.xml")
    root = ET.parse(path).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == path.name.removesuffix(".metainfo.xml")
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("project_license") == "GPL-3.0-or-later"


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="Debian's appstream")
def test_the_metainfo_validates():
    (path,) = RESOURCES.glob("*.metainfo.xml")
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def initscope(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-m", "initscope", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )


def test_version_and_help_print_and_exit_0_without_qt(tmp_path):
    from app.version import __version__

    result = initscope("--version", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, f"InitScope {__version__}\n")
    result = initscope("--help", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("usage: initscope")
    assert "--headless" in result.stdout and "initscope.log" in result.stdout
    code = "import sys, app.launch as l; l.main(['--version']); print('PyQt6' in sys.modules)"
    probe = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert probe.stdout.splitlines()[-1] == "False"


def test_an_unknown_option_exits_2_with_one_line(tmp_path):
    result = initscope("--frobnicate", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "--frobnicate" in result.stderr


def test_headless_is_the_same_as_main_py(tmp_path):
    args = ("--headless", "--iterations", "2001", "--print-every", "1000")
    result = initscope(*args, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    direct = subprocess.run(
        [sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout == direct.stdout
    assert result.stdout.startswith("Cost after iteration 0: 0.88305374634197")


def test_the_code_root_goes_first_and_a_foreign_engine_is_refused(tmp_path):
    foreign = tmp_path / "engine"
    foreign.mkdir()
    (foreign / "__init__.py").write_text("", encoding="utf-8")
    code = "import engine, initscope"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    assert result.returncode == 1
    assert "another package named 'engine'" in result.stderr
