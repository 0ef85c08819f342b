"""``main.py --headless --compare``: ``run_compare_cli`` called in-process, as engine/cli.py does.

Each configuration's transcript must be, line for line, what ``--init NAME`` prints alone; the
table after them must carry the tutorial's numbers.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

from engine.cli import build_parser, run_transcript
from engine.cli_compare import run_compare_cli
from engine.config import TrainConfig
from engine.trainer import Trainer

TUTORIAL = {
    "zeros": ("0.5", "0.5"),
    "random": ("0.83", "0.86"),
    "he": ("0.9933333333333333", "0.96"),
}
ROOT = Path(__file__).resolve().parents[1]
TIMING_LINE = re.compile(r"^trained (\d+) iterations in (\d+(?:\.\d+)?) s$")


def parse(*options: str):
    return build_parser().parse_args(["--headless", *options])


def compare(names: list[str], *options: str, **kwargs) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = run_compare_cli(names, parse(*options), out, err, **kwargs)
    return status, out.getvalue(), err.getvalue()


def alone(name: str, *options: str) -> list[str]:
    """The single run's transcript (stdout lines) for ``--init name``."""
    out = io.StringIO()
    assert run_transcript(parse("--init", name, *options), out, io.StringIO()) == 0
    return out.getvalue().splitlines()


def sections(stdout: str) -> tuple[dict[str, list[str]], list[str]]:
    """``== name ==`` sections of the output, and the table after the blank line."""
    body, _, table = stdout.partition("\n\n")
    parts: dict[str, list[str]] = {}
    current = None
    for line in body.splitlines():
        match = re.fullmatch(r"== (.+) ==", line)
        if match:
            current = match.group(1)
            parts[current] = []
        else:
            assert current is not None, f"a line before the first header: {line!r}"
            parts[current].append(line)
    return parts, table.splitlines()


@pytest.fixture(scope="module")
def tutorial():
    """The default comparison, exactly as ``main.py --headless --compare zeros,random,he``."""
    return compare(["zeros", "random", "he"])


def test_the_tutorial_comparison_prints_three_transcripts_then_the_table(tutorial):
    status, out, err = tutorial
    assert status == 0
    parts, table = sections(out)
    assert list(parts) == ["zeros", "random", "he"]
    expected = TUTORIAL
    for name, lines in parts.items():
        costs = [line for line in lines if line.startswith("Cost after iteration ")]
        assert [int(line.split()[3][:-1]) for line in costs] == list(range(0, 15000, 1000))
        train, test = expected[name]
        assert lines[-4:] == [
            "On the train set:",
            f"Accuracy: {train}",
            "On the test set:",
            f"Accuracy: {test}",
        ]
    assert parts["he"] == alone("he")  # the full 15000-step transcript, to the digit
    header, rule, *rows = table
    assert header.startswith("configuration") and set(rule) <= {"-", " "}
    assert [row.split()[0] for row in rows] == ["zeros", "random", "he"]
    for row in rows:
        train, test = expected[row.split()[0]]
        cells = row.split()
        assert cells[1] == "15000"
        assert cells[3:5] == [train, test]
        assert cells[-1] == "finished"
    assert rows[0].count("not reached") == 2
    assert rows[2].count("not reached") == 0
    timing = err.strip().splitlines()
    assert len(timing) == 1 and TIMING_LINE.match(timing[0])
    assert TIMING_LINE.match(timing[0]).group(1) == "45000"


def test_the_table_cost_is_the_single_runs_final_cost(tutorial):
    _, out, _ = tutorial
    _, table = sections(out)
    trainer = Trainer(TrainConfig())
    trainer.step(15000)
    assert table[-1].split()[2] == str(trainer.cost())


@pytest.mark.parametrize(
    "options",
    [
        (),
        ("--layers", "7,4", "--lr", "0.05", "--seed", "11"),
        ("--noise", "0.1", "--activation", "tanh"),
    ],
)
def test_each_transcript_is_the_single_runs_to_the_digit(options):
    options = ("--iterations", "2500", "--print-every", "500", *options)
    status, out, _ = compare(["he", "random", "zeros"], *options)
    assert status == 0
    parts, _ = sections(out)
    for name in ("he", "random", "zeros"):
        assert parts[name] == alone(name, *options)


def test_base_config_sets_every_option_for_every_configuration():
    base = TrainConfig(hidden=(6, 3), learning_rate=0.2, seed=5)
    status, out, _ = compare(
        ["he", "zeros"], "--iterations", "300", "--print-every", "100", base=base
    )
    assert status == 0
    parts, _ = sections(out)
    options = ("--iterations", "300", "--print-every", "100")
    expected = alone("he", *options, "--layers", "6,3", "--lr", "0.2", "--seed", "5")
    assert parts["he"] == expected


def test_duplicate_names_get_numbered_headers():
    status, out, _ = compare(["he", "he"], "--iterations", "10", "--print-every", "5")
    assert status == 0
    parts, table = sections(out)
    assert list(parts) == ["he", "he #2"]
    assert parts["he"] == parts["he #2"]
    assert [row.split("  ")[0].strip() for row in table[2:]] == ["he", "he #2"]


def test_a_diverging_configuration_is_reported_and_the_others_finish():
    options = ("--lr", "10", "--layers", "100,100,100", "--iterations", "60", "--print-every", "10")
    status, out, err = compare(["random", "zeros"], *options)
    assert status == 1
    parts, table = sections(out)
    diverged = parts["random"][-1]
    match = re.fullmatch(r"Diverged at iteration (\d+)", diverged)
    assert match, diverged
    at = int(match.group(1))
    assert f"random: training diverged at iteration {at}" in err
    assert parts["zeros"][-4] == "On the train set:"
    assert table[2].split()[-3:] == ["diverged", "at", str(at)]
    assert table[3].split()[-1] == "finished"
    # The single run stops at the same iteration.
    single_err = io.StringIO()
    assert run_transcript(parse("--init", "random", *options), io.StringIO(), single_err) == 1
    assert f"diverged at iteration {at}:" in single_err.getvalue()


@pytest.mark.parametrize(
    ("names", "words"),
    [
        (["foo"], ["'foo'", "zeros", "random", "he"]),
        (["he", ""], ["''"]),
        ([], ["nothing"]),
        (["he"] * 7, ["7", "at most 6"]),
    ],
)
def test_bad_names_exit_2_with_one_line_naming_the_option(names, words):
    status, out, err = compare(names)
    assert status == 2
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1 and "--compare" in lines[0]
    for word in words:
        assert word in lines[0]


def test_the_comparison_model_imports_no_command_line_and_there_is_no_cycle():
    """``engine.compare`` is the model only; the CLI modules import it, never the reverse."""
    code = (
        "import sys, engine.cli_compare, engine.cli\n"
        "import engine.compare\n"
        "print(sorted(m for m in sys.modules if m.startswith('engine.cli')))\n"
    )
    first = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert first.returncode == 0, first.stderr  # the CLI modules import cleanly first
    alone = subprocess.run(
        [sys.executable, "-c", "import sys, engine.compare\n" + code.splitlines()[-1]],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert alone.returncode == 0, alone.stderr
    assert alone.stdout.strip() == "[]"
