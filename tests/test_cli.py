"""``python main.py --headless``: the tutorial's transcript, its options and its refusals."""

from __future__ import annotations

import json
import math
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from engine.config import TrainConfig
from engine.trainer import Trainer

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 120

HE_COSTS = [
    0.8830537463419761,
    0.6879825919728063,
    0.6751286264523371,
    0.6526117768893807,
    0.6082958970572938,
    0.5304944491717495,
    0.4138645817071795,
    0.31178034648444414,
    0.23696215330322565,
    0.18597287209206842,
    0.15015556280371808,
    0.12325079292273552,
    0.09917746546525931,
    0.08457055954024274,
    0.07357895962677365,
]
COST_LINE = re.compile(r"^Cost after iteration (\d+): (\S+)$")
TIMING_LINE = re.compile(r"^trained (\d+) iterations in (\d+(?:\.\d+)?) s$")
DIVERGING = TrainConfig(init="random", learning_rate=10.0, hidden=(100, 100, 100))


def opts(text: str) -> list[str]:
    return text.split()


# name: (command-line options, in-process config, iterations, print-every); the last three rebuild
# the transcript the run must print to the last digit (config None: nothing to rebuild).
RUNS = {
    "default": ([], TrainConfig(), 15000, 1000),
    "zeros": (opts("--init zeros"), TrainConfig(init="zeros"), 15000, 1000),
    "random": (opts("--init random"), TrainConfig(init="random"), 15000, 1000),
    "every500": (opts("--print-every 500 --iterations 2000"), TrainConfig(), 2000, 500),
    "zero-iterations": (opts("--iterations 0"), TrainConfig(), 0, 1000),
    "not-a-multiple": (opts("--iterations 7 --print-every 3"), TrainConfig(), 7, 3),
    "options": (
        opts(
            "--layers 7,4 --seed 11 --lr 0.05 --activation tanh --iterations 1200 --print-every 250"
        ),
        TrainConfig(hidden=(7, 4), seed=11, learning_rate=0.05, activation="tanh"),
        1200,
        250,
    ),
    "diverging": (
        opts("--init random --lr 10 --layers 100,100,100 --iterations 50 --print-every 1"),
        None,
        50,
        1,
    ),
}

# (arguments, the option the message must name, words saying what is allowed)
REFUSALS = [
    (["--init", "foo"], "--init", ["zeros", "random", "he"]),
    (["--lr", "0"], "--lr", ["10"]),
    (["--lr", "-1"], "--lr", ["10"]),
    (["--lr", "nan"], "--lr", ["10"]),
    (["--lr", "inf"], "--lr", ["10"]),
    (["--lr", "abc"], "--lr", ["10"]),
    (["--lr", "10.5"], "--lr", ["10"]),
    (["--iterations", "-5"], "--iterations", []),
    (["--iterations", "x"], "--iterations", []),
    (["--iterations", "1.5"], "--iterations", []),
    (["--layers", "10,x"], "--layers", ["10,5"]),
    (["--layers", ""], "--layers", ["10,5"]),
    (["--layers", "0"], "--layers", ["512"]),
    (["--layers", ",".join(["4"] * 13)], "--layers", ["12"]),
    (["--layers", "600"], "--layers", ["512"]),
    (["--seed", "-1"], "--seed", []),
    (["--seed", str(2**32)], "--seed", []),
    (["--print-every", "0"], "--print-every", []),
    (["--dataset", "nope"], "--dataset", ["circles"]),
    (["--frobnicate"], "--frobnicate", []),
]


def _command(args) -> list[str]:
    return [sys.executable, "main.py", "--headless", *args]


def _start(args) -> subprocess.Popen:
    return subprocess.Popen(
        _command(args), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def expected_transcript(config: TrainConfig, iterations: int, every: int) -> str:
    """The transcript built in-process from a Trainer run in one go (the CLI steps in chunks)."""
    trainer = Trainer(config)
    trainer.step(iterations, record_every=every)
    its, costs = trainer.history.view().arrays()
    lines = [f"Cost after iteration {int(i)}: {float(c)}" for i, c in zip(its, costs)]
    lines += [
        "On the train set:",
        f"Accuracy: {trainer.train_accuracy()}",
        "On the test set:",
        f"Accuracy: {trainer.test_accuracy()}",
    ]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def cli():
    """Every command-line run of this module, started at once; while they run, the transcripts
    they must print are rebuilt in-process.  Returns ``(results, expected)`` by name / args."""
    procs = {name: _start(args) for name, (args, *_) in RUNS.items()}
    procs.update({tuple(args): _start(args) for args, _, _ in REFUSALS})
    results, expected = {}, {}
    try:
        for name, (_, config, iterations, every) in RUNS.items():
            if config is not None:
                expected[name] = expected_transcript(config, iterations, every)
        for key, proc in procs.items():
            out, err = proc.communicate(timeout=TIMEOUT)
            results[key] = subprocess.CompletedProcess(proc.args, proc.returncode, out, err)
    finally:
        for proc in procs.values():
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    return results, expected


def cost_lines(stdout: str) -> list[tuple[int, float]]:
    found = [COST_LINE.match(line) for line in stdout.splitlines()]
    return [(int(m[1]), float(m[2])) for m in found if m]


def other_lines(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if not COST_LINE.match(line)]


def assert_succeeded(result, iterations: int) -> None:
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    match = TIMING_LINE.match(lines[0])
    assert match, lines[0]
    assert int(match[1]) == iterations
    assert float(match[2]) >= 0


# -- the tutorial's runs --------------------------------------------------------------------------


def test_default_run_prints_the_he_transcript(cli):
    results, expected = cli
    result = results["default"]
    assert_succeeded(result, 15000)
    costs = cost_lines(result.stdout)
    assert [i for i, _ in costs] == list(range(0, 15000, 1000))
    np.testing.assert_allclose([c for _, c in costs], HE_COSTS, rtol=0, atol=1e-9)
    assert result.stdout.splitlines()[15:] == [
        "On the train set:",
        "Accuracy: 0.9933333333333333",
        "On the test set:",
        "Accuracy: 0.96",
    ]
    assert len(result.stdout.splitlines()) == 19
    assert result.stdout == expected["default"]  # the engine's numbers to the last digit


def test_zeros_run(cli):
    results, expected = cli
    result = results["zeros"]
    assert_succeeded(result, 15000)
    costs = cost_lines(result.stdout)
    assert [i for i, _ in costs] == list(range(0, 15000, 1000))
    np.testing.assert_allclose([c for _, c in costs], 0.6931471805599453, rtol=0, atol=1e-9)
    assert other_lines(result.stdout) == [
        "On the train set:",
        "Accuracy: 0.5",
        "On the test set:",
        "Accuracy: 0.5",
    ]
    assert result.stdout == expected["zeros"]


def test_random_run_is_finite_where_the_tutorial_printed_inf(cli):
    results, expected = cli
    result = results["random"]
    assert_succeeded(result, 15000)
    costs = cost_lines(result.stdout)
    assert [i for i, _ in costs] == list(range(0, 15000, 1000))
    assert all(math.isfinite(c) for _, c in costs)
    assert costs[0][1] == pytest.approx(1773.5859549373833, rel=1e-12, abs=0)
    assert other_lines(result.stdout) == [
        "On the train set:",
        "Accuracy: 0.83",
        "On the test set:",
        "Accuracy: 0.86",
    ]
    assert result.stdout == expected["random"]


def test_print_every_500_for_2000_iterations(cli):
    results, expected = cli
    result = results["every500"]
    assert_succeeded(result, 2000)
    assert [i for i, _ in cost_lines(result.stdout)] == [0, 500, 1000, 1500]
    assert result.stdout == expected["every500"]


def test_zero_iterations_prints_only_the_accuracies(cli):
    results, expected = cli
    result = results["zero-iterations"]
    assert_succeeded(result, 0)
    assert cost_lines(result.stdout) == []
    trainer = Trainer()
    assert result.stdout.splitlines() == [
        "On the train set:",
        f"Accuracy: {trainer.train_accuracy()}",
        "On the test set:",
        f"Accuracy: {trainer.test_accuracy()}",
    ]
    assert result.stdout == expected["zero-iterations"]


def test_iterations_not_a_multiple_of_print_every(cli):
    results, expected = cli
    result = results["not-a-multiple"]
    assert_succeeded(result, 7)
    assert [i for i, _ in cost_lines(result.stdout)] == [0, 3, 6]
    assert result.stdout == expected["not-a-multiple"]


def test_options_reach_the_trainer(cli):
    results, expected = cli
    result = results["options"]
    assert_succeeded(result, 1200)
    assert [i for i, _ in cost_lines(result.stdout)] == [0, 250, 500, 750, 1000]
    assert result.stdout == expected["options"]
    assert result.stdout != expected_transcript(TrainConfig(), 1200, 250)


def test_a_diverged_run_exits_1_and_says_where(cli):
    results, _ = cli
    result = results["diverging"]
    trainer = Trainer(DIVERGING)
    with np.errstate(all="ignore"):
        trainer.step(50, record_every=1)
    assert trainer.diverged_at is not None
    assert result.returncode == 1
    assert [i for i, _ in cost_lines(result.stdout)] == list(range(trainer.diverged_at))
    assert "Accuracy" not in result.stdout
    assert f"diverged at iteration {trainer.diverged_at}" in result.stderr


# -- refusals ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "option", "allowed"), REFUSALS, ids=[" ".join(r[0]) for r in REFUSALS]
)
def test_bad_options_are_refused_with_one_line(cli, args, option, allowed):
    results, _ = cli
    result = results[tuple(args)]
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert option in lines[0]
    for word in allowed:
        assert word in lines[0]


# -- no Qt on the headless path ---------------------------------------------------------------

NO_QT_PROBE = """
import io, json, sys
import engine.trainer, engine.cli, engine.datasets
import main
real_stdout, sys.stdout = sys.stdout, io.StringIO()
status = main.main(["--headless", "--iterations", "3", "--print-every", "1"])
transcript, sys.stdout = sys.stdout.getvalue(), real_stdout
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PyQt6", "pyqtgraph"))
print(json.dumps({"status": status, "qt": qt, "lines": transcript.count("Cost after")}))
"""


def test_headless_path_never_imports_qt():
    result = subprocess.run(
        [sys.executable, "-c", NO_QT_PROBE],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report == {"status": 0, "qt": [], "lines": 3}
