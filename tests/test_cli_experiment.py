"""``main.py --headless`` with experiment files and the history export: --experiment,
--save-experiment, --export-csv, their refusals and exit statuses."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import numpy as np
import pytest

from engine.cli import build_parser, config_from_args, main
from engine.config import TrainConfig
from engine.datasets import load_csv
from engine.experiment import Experiment, load_experiment, save_experiment
from engine.trainer import Trainer

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 120
DIVERGING = ["--init", "random", "--lr", "10", "--layers", "100,100,100", "--print-every", "1"]
SCALED = TrainConfig(
    init="scaled", scale=3.0, hidden=(6, 4), learning_rate=0.05, seed=11, dataset="moons"
)
SCALED_OPTIONS = [
    *("--init", "scaled", "--scale", "3", "--layers", "6,4"),
    *("--lr", "0.05", "--seed", "11", "--dataset", "moons"),
]


def _start(args, cwd) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "--headless", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def run_inprocess(*args: str) -> tuple[int, str, str]:
    """``main()`` in this process: (status, stdout, stderr); a refusal's SystemExit is a status."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            status = main(list(args))
        except SystemExit as exc:
            status = exc.code
    return status, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """The real command line, several runs at once (they are independent)."""
    folder = tmp_path_factory.mktemp("cli")
    save_experiment(folder / "scaled.json", SCALED, target=700)
    (folder / "broken.json").write_text('{"format": "initscope-experiment", "version": 1,', "utf-8")
    commands = {
        "options": [*SCALED_OPTIONS, "--iterations", "700", "--print-every", "100"],
        "saved": [
            *SCALED_OPTIONS,
            *("--iterations", "700", "--print-every", "100"),
            *("--save-experiment", "saved.json", "--export-csv", "saved.csv"),
        ],
        "replayed": ["--experiment", "scaled.json", "--print-every", "100"],
        "broken": ["--experiment", "broken.json"],
        "missing": ["--experiment", "nothing.json"],
        "no-folder": ["--export-csv", "nowhere/h.csv", "--iterations", "5"],
        "with-preset": ["--experiment", "scaled.json", "--preset", "tutorial_he"],
        "diverging": [*DIVERGING, "--iterations", "50"],
        "diverging-export": [*DIVERGING, "--iterations", "50", "--export-csv", "div.csv"],
    }
    procs = {name: _start(args, folder) for name, args in commands.items()}
    results = {}
    try:
        for name, proc in procs.items():
            out, err = proc.communicate(timeout=TIMEOUT)
            results[name] = subprocess.CompletedProcess(proc.args, proc.returncode, out, err)
    finally:
        for proc in procs.values():
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    return folder, results


def test_a_saved_experiment_replays_the_run_to_the_last_digit(runs):
    folder, results = runs
    for name in ("options", "saved", "replayed"):
        assert results[name].returncode == 0, results[name].stderr
        assert results[name].stderr.startswith("trained 700 iterations in ")
    assert results["saved"].stdout == results["options"].stdout
    assert results["replayed"].stdout == results["options"].stdout
    assert results["options"].stdout.count("Cost after iteration") == 7
    assert load_experiment(folder / "saved.json") == Experiment(SCALED, target=700)


def test_the_exported_history_holds_every_iteration(runs):
    folder, results = runs
    with open(folder / "saved.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[0][:4] == ["iteration", "cost", "train_accuracy", "test_accuracy"]
    assert rows[0][4:] == ["grad_norm_layer1", "grad_norm_layer2", "grad_norm_layer3"]
    assert [int(r[0]) for r in rows[1:]] == list(range(701))  # and the final parameters
    trainer = Trainer(SCALED)
    trainer.step(700)  # the window's way: every cost
    assert [float(r[1]) for r in rows[1:-1]] == trainer.history.view().arrays()[1].tolist()
    assert float(rows[-1][1]) == trainer.cost()
    filled = [int(r[0]) for r in rows[1:-1] if r[2]]
    assert filled == list(range(0, 700, 100))
    printed = [line.split(": ")[1] for line in results["saved"].stdout.splitlines()[:7]]
    assert printed == [rows[1 + i][1] for i in range(0, 700, 100)]


@pytest.mark.parametrize(
    "name, words",
    [
        ("broken", ["--experiment", "broken.json", "not valid JSON", "line 1"]),
        ("missing", ["--experiment", "nothing.json: no such file"]),
        ("no-folder", ["--export-csv", "does not exist"]),
        ("with-preset", ["--experiment", "not allowed with --preset"]),
    ],
)
def test_bad_options_exit_2_with_one_line(runs, name, words):
    result = runs[1][name]
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("main.py --headless: error: argument ")
    for word in words:
        assert word in lines[0]


def test_a_diverging_run_still_exports_and_exits_1(runs):
    folder, results = runs
    plain, exported = results["diverging"], results["diverging-export"]
    assert plain.returncode == exported.returncode == 1
    assert exported.stdout == plain.stdout
    assert exported.stderr == plain.stderr
    assert "training diverged at iteration" in exported.stderr
    with open(folder / "div.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    printed = [line for line in plain.stdout.splitlines() if line.startswith("Cost after")]
    # every cost printed, then the final (diverged) parameters' row
    assert len(rows) - 2 == len(printed)


# -- in-process: how options combine -------------------------------------------------------------


def _args(*argv: str):
    return build_parser().parse_args(list(argv))


def test_explicit_options_override_the_experiment(tmp_path):
    path = tmp_path / "e.json"
    save_experiment(path, SCALED.with_(seed=9), target=1234)
    config, data, total = config_from_args(_args("--experiment", str(path)))
    assert (config, data, total) == (SCALED.with_(seed=9), None, 1234)
    config, _, total = config_from_args(_args("--experiment", str(path), "--lr", "0.2"))
    assert config == SCALED.with_(seed=9, learning_rate=0.2) and total == 1234
    _, _, total = config_from_args(_args("--experiment", str(path), "--iterations", "10"))
    assert total == 10
    config, _, _ = config_from_args(_args("--experiment", str(path), "--seed", "3"))
    assert config.seed == 3
    save_experiment(path, SCALED)  # no target: the tutorial's 15000
    assert config_from_args(_args("--experiment", str(path)))[2] == 15000


def test_without_an_experiment_the_defaults_are_unchanged():
    assert config_from_args(_args()) == (TrainConfig(), None, 15000)
    assert config_from_args(_args("--preset", "deep_relu_he"))[0].seed == 3


def test_an_experiment_on_a_csv_file_loads_its_points(tmp_path):
    rng = np.random.RandomState(0)
    rows = "\n".join(f"{x},{y},{int(x > y)}" for x, y in rng.uniform(-1, 1, (30, 2)))
    points = tmp_path / "points.csv"
    points.write_text(rows + "\n", encoding="utf-8")
    config = TrainConfig(dataset=load_csv(points).name, hidden=(3,))
    path = tmp_path / "e.json"
    save_experiment(path, config, target=20)
    status, out, err = run_inprocess("--experiment", str(path), "--print-every", "10")
    assert status == 0, err
    trainer = Trainer(config)
    trainer.step(20)
    assert out.splitlines()[-1] == f"Accuracy: {trainer.test_accuracy()}"
    status, _, err = run_inprocess("--experiment", str(path), "--noise", "0.1")
    assert status == 2 and "--noise" in err and "file" in err
    points.unlink()
    status, _, err = run_inprocess("--experiment", str(path))
    assert status == 2 and err.count("\n") == 1
    assert "--experiment" in err and "no such file" in err
    status, _, err = run_inprocess(
        "--experiment", str(path), "--dataset", "moons", "--iterations", "2"
    )
    assert status == 0, err  # the file's data replaced: its points are not needed


def test_scale_follows_the_experiments_initializer(tmp_path):
    path = tmp_path / "e.json"
    save_experiment(path, SCALED, target=3)
    assert run_inprocess("--experiment", str(path), "--scale", "2")[0] == 0
    save_experiment(path, TrainConfig(), target=3)
    status, _, err = run_inprocess("--experiment", str(path), "--scale", "2")
    assert status == 2 and "only --init scaled" in err


def test_save_and_export_refusals(tmp_path):
    status, _, err = run_inprocess("--compare", "he,zeros", "--export-csv", str(tmp_path / "h.csv"))
    assert status == 2 and "--export-csv: not allowed with --compare" in err
    status, _, err = run_inprocess("--compare", "he", "--save-experiment", str(tmp_path / "e.json"))
    assert status == 2 and "--save-experiment" in err
    status, _, err = run_inprocess("--save-experiment", str(tmp_path))
    assert status == 2 and "is a folder" in err
    assert list(tmp_path.iterdir()) == []


def test_an_export_does_not_change_the_transcript(tmp_path):
    plain = run_inprocess("--iterations", "2500")
    exported = run_inprocess("--iterations", "2500", "--export-csv", str(tmp_path / "h.csv"))
    assert plain[0] == exported[0] == 0
    assert exported[1] == plain[1]
    text = (tmp_path / "h.csv").read_text(encoding="utf-8").splitlines()
    assert len(text) == 2502  # header, iterations 0..2499, and the final parameters at 2500
    first = next(
        line for line in plain[1].splitlines() if line.startswith("Cost after iteration 0")
    )
    assert text[1].startswith(f"0,{first.split(': ')[1]},")  # the printed cost, to the last digit
