"""Check what the wheel and the sdist contain (run by scripts/check-dist.sh).

Usage: python scripts/check_dist.py WHEEL SDIST [--git-files LIST]

The wheel must install one top-level name, ``initscope`` (no ``app`` or ``engine`` beside other
distributions' packages), with the code, the icons, the compiled translations, the .desktop entry
and the AppStream metainfo; its metadata must not make scikit-learn a run-time dependency.  The
sdist must hold every file git tracks (LIST: the output of ``git ls-files``), so that it builds
the same wheel and runs the whole test suite.  Prints a summary; exits 1 naming what is wrong.
"""

from __future__ import annotations

import argparse
import email
import sys
import tarfile
import zipfile
from pathlib import Path, PurePosixPath

ICON_SIZES = (16, 32, 48, 64, 128, 256)
WHEEL_MUST_HAVE = [
    "initscope/__init__.py",
    "initscope/__main__.py",
    "initscope/app/launch.py",
    "initscope/app/main_window.py",
    "initscope/app/views/__init__.py",
    "initscope/engine/cli.py",
    "initscope/resources/initscope.desktop",
    "initscope/resources/io.github.initscope.InitScope.metainfo.xml",
    "initscope/resources/i18n/initscope_zh_CN.qm",
    "initscope/resources/i18n/pyqtgraph_zh_CN.qm",
    "initscope/resources/icons/initscope.svg",
    "initscope/resources/icons/initscope.ico",
    "initscope/resources/icons/initscope.icns",
    *(f"initscope/resources/icons/initscope-{n}.png" for n in ICON_SIZES),
]
#: git-tracked files an sdist may leave out
SDIST_MAY_OMIT: set[str] = set()


def check_wheel(path: Path) -> list[str]:
    problems = []
    with zipfile.ZipFile(path) as wheel:
        names = wheel.namelist()
        top = sorted({PurePosixPath(n).parts[0] for n in names})
        dist_info = [t for t in top if t.endswith(".dist-info")]
        if [t for t in top if t not in dist_info] != ["initscope"] or len(dist_info) != 1:
            problems.append(f"the wheel's top-level names are {top}; only initscope is allowed")
        for must in WHEEL_MUST_HAVE:
            if must not in names:
                problems.append(f"the wheel lacks {must}")
        if any("__pycache__" in n or n.endswith(".pyc") for n in names):
            problems.append("the wheel holds compiled bytecode")
        meta = email.message_from_bytes(wheel.read(f"{dist_info[0]}/METADATA"))
        entry_points = wheel.read(f"{dist_info[0]}/entry_points.txt").decode()
    requires = meta.get_all("Requires-Dist") or []
    runtime = [r for r in requires if "extra ==" not in r]
    if any(r.lower().startswith(("scikit-learn", "scipy")) for r in runtime):
        problems.append(f"scikit-learn/SciPy is a run-time dependency: {runtime}")
    if not any(r.startswith("threadpoolctl") for r in runtime):
        problems.append("threadpoolctl (imported by the app) is not a run-time dependency")
    for field in ("Requires-Python", "Keywords", "License-Expression"):
        if not meta.get(field):
            problems.append(f"METADATA has no {field}")
    if len(meta.get_all("Classifier") or []) < 5:
        problems.append("METADATA has (almost) no classifiers")
    if not meta.get_all("Project-URL"):
        problems.append("METADATA has no Project-URL")
    for line in ("initscope = initscope:main", "initscope-headless = initscope:headless_main"):
        if line not in entry_points:
            problems.append(f"entry_points.txt lacks {line!r}")
    print(
        f"wheel: {path.name}, {len(names)} files, top level {top}; "
        f"Requires-Dist {runtime}; Requires-Python {meta.get('Requires-Python')}"
    )
    return problems


def check_sdist(path: Path, git_files: list[str] | None) -> list[str]:
    problems = []
    with tarfile.open(path) as sdist:
        names = [m.name for m in sdist.getmembers() if m.isfile()]
    prefix = names[0].split("/", 1)[0] + "/"
    inside = {n[len(prefix) :] for n in names if n.startswith(prefix)}
    tests = sorted(n for n in inside if n.startswith("tests/") and n.endswith(".py"))
    if git_files is not None:
        missing = sorted(set(git_files) - inside - SDIST_MAY_OMIT)
        if missing:
            problems.append(f"the sdist lacks {len(missing)} tracked files: {missing[:20]}")
    if any("__pycache__" in n or n.startswith((".venv/", "build/", "dist/")) for n in inside):
        problems.append("the sdist holds build or cache files")
    print(f"sdist: {path.name}, {len(inside)} files, {len(tests)} test files")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wheel", type=Path)
    parser.add_argument("sdist", type=Path)
    parser.add_argument("--git-files", type=Path, help="a file listing git ls-files")
    args = parser.parse_args(argv)
    git_files = None
    if args.git_files:
        git_files = [
            line for line in args.git_files.read_text(encoding="utf-8").splitlines() if line.strip()
        ]
    problems = check_wheel(args.wheel) + check_sdist(args.sdist, git_files)
    for problem in problems:
        print(f"check_dist: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
