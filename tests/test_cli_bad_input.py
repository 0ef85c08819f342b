"""Bad input on the command line: every option, the values a student would try.

Each refusal must exit with status 2, print exactly one line on stderr naming the option, and
nothing on stdout (no half transcript).  The cases run ``engine.cli.main`` in this process (a
refusal is a ``SystemExit(2)`` from argparse, or ``2`` returned by ``--compare``); one real
``python main.py --headless`` checks that the process behaves the same.

The cases and the bad files are in ``tests/cli_cases.py`` (the window's tests try the same files).
They are also the rows of ``docs/bad-input.md``: a test checks that the document lists every one
of them, with the message the test saw.
"""

from __future__ import annotations

import io
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from engine.cli import PROG, build_parser, config_from_args, main
from engine.config import TrainConfig
from engine.experiment import experiment_json
from tests.cli_cases import (
    ACCEPTED,
    BAD_CSV,
    BAD_EXPERIMENTS,
    CASES,
    DOC,
    FILE_CASES,
    GOOD_ROWS,
    HEADER,
    LR,
    ROOT,
    make_bad_files,
    not_allowed,
    table_rows,
)


# -- running ------------------------------------------------------------------------------------
def run_inprocess(argv: list[str]) -> tuple[int, str, str]:
    """``main(argv)`` here: (status, stdout, stderr); a refusal's SystemExit is a status."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            status = main(argv)
        except SystemExit as exc:
            status = exc.code
    return status, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """Every bad file under its case's name, plus a good CSV and a good experiment."""
    root = tmp_path_factory.mktemp("bad-input")
    make_bad_files(root / "csv", BAD_CSV)
    make_bad_files(root / "experiment", BAD_EXPERIMENTS)
    (root / "good.csv").write_text(HEADER + GOOD_ROWS, encoding="utf-8")
    (root / "good.json").write_text(experiment_json(TrainConfig(), target=10), encoding="utf-8")
    return root


def _case_id(case) -> str:
    option, argv, _line = case
    return f"{option}:{' '.join(argv)[:40]}"


@pytest.mark.parametrize("case", CASES, ids=[_case_id(c) for c in CASES])
def test_a_bad_option_exits_2_with_one_line_naming_it(folder, case):
    _option, argv, line = case
    file = next((a for a in argv if a in FILE_CASES), "")
    argv = [a.replace("{dir}", str(folder)) for a in argv]
    expected = line.replace("{file}", file).replace("{dir}", str(folder))
    status, out, err = run_inprocess(argv)
    assert status == 2, (status, err)
    assert out == "", "a refused run printed on stdout"
    lines = err.splitlines()
    assert len(lines) == 1 and err.endswith("\n"), err
    assert lines[0] == f"{PROG}: error: {expected}"
    named = [a.split("=")[0] for a in argv if a.startswith("--")] or argv
    assert any(f" {name}" in lines[0] for name in named), "the line names no option"


def test_every_option_has_bad_values_tried():
    options = {
        s
        for action in build_parser()._actions
        for s in action.option_strings
        if s.startswith("--") and s != "--help"
    }
    tried = {option for option, _argv, _line in CASES}
    assert options <= tried, f"options with no bad value tried: {sorted(options - tried)}"


@pytest.mark.parametrize("case", ACCEPTED, ids=[f"{c[0]}:{c[1][1]}" for c in ACCEPTED])
def test_lenient_spellings_are_read_as_the_number_they_spell(case):
    _option, argv, field, value = case
    args = build_parser().parse_args(argv)
    config, _data, iterations = config_from_args(args)
    if field == "iterations":
        assert iterations == value
    elif field == "print_every":
        assert args.print_every == value
    else:
        assert getattr(config, field) == value


def test_the_real_command_line_refuses_the_same_way():
    """One real process: status 2, one line naming the option, nothing on stdout."""
    result = subprocess.run(
        [sys.executable, "main.py", "--headless", "--lr", "abc"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == f"{PROG}: error: " + not_allowed("--lr", "abc", LR) + "\n"


def test_the_document_lists_every_case():
    text = DOC.read_text(encoding="utf-8")
    missing = [row for row in table_rows() if row not in text.splitlines()]
    assert not missing, f"{len(missing)} rows missing from {DOC.name}, e.g. {missing[:3]}"
