"""``main.py --headless``: the options for initializers, data, presets and diagnostics."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import fields
from pathlib import Path

import numpy as np
import pytest

from engine.cli import build_parser, config_from_args
from engine.config import CONFIG_FIELDS, CONFIG_OPTIONS, TrainConfig
from engine.presets import apply_preset
from engine.trainer import Trainer

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 120
CSV_ROWS = "x1,x2,label\n" + "".join(
    f"{float(x1)!r},{float(x2)!r},{int(x1 * x2 > 0)}\n"
    for x1, x2 in np.random.RandomState(0).randn(40, 2)
)
BAD_CSV = "x1,x2,label\n0.1,0.2,0\n0.3,0.4,1\n0.5,oops,1\n"


def opts(text: str) -> list[str]:
    return text.split()


# name: (options, config the run must equal in-process, iterations, print-every)
RUNS = {
    "xavier": (
        opts("--init xavier --iterations 300 --print-every 100"),
        TrainConfig(init="xavier"),
    ),
    "glorot": (opts("--init glorot_uniform --iterations 300 --print-every 100"), None),
    "lecun": (opts("--init lecun --iterations 300 --print-every 100"), TrainConfig(init="lecun")),
    "small": (opts("--init small --iterations 300 --print-every 100"), TrainConfig(init="small")),
    "scaled": (
        opts("--init scaled --scale 2.5 --iterations 300 --print-every 100"),
        TrainConfig(init="scaled", scale=2.5),
    ),
    "moons": (
        opts("--dataset moons --noise 0.2 --samples 120 --iterations 300 --print-every 100"),
        TrainConfig(dataset="moons", noise=0.2, samples=120),
    ),
    "xor": (opts("--dataset xor --iterations 300 --print-every 100"), TrainConfig(dataset="xor")),
    "spiral": (
        opts("--dataset spiral --activation tanh --iterations 300 --print-every 100"),
        TrainConfig(dataset="spiral", activation="tanh"),
    ),
    "blobs": (
        opts("--dataset blobs --samples 60 --iterations 300 --print-every 100"),
        TrainConfig(dataset="blobs", samples=60),
    ),
    "preset": (
        opts("--preset deep_tanh_small --iterations 20 --print-every 10"),
        apply_preset("deep_tanh_small"),
    ),
    "preset-override": (
        opts("--preset deep_relu_he --layers 10,5 --lr 0.05 --iterations 300 --print-every 100"),
        apply_preset("deep_relu_he").with_(hidden=(10, 5), learning_rate=0.05),
    ),
    "preset-he-is-the-default": (opts("--preset tutorial_he --iterations 2000"), TrainConfig()),
    "diagnostics": (opts("--diagnostics --iterations 300 --print-every 100"), TrainConfig()),
    "zeros-diagnostics": (opts("--init zeros --iterations 50 --diagnostics"), None),
    "random-diagnostics": (opts("--preset tutorial_random --iterations 1 --diagnostics"), None),
    "tanh-diagnostics": (
        opts("--activation tanh --init xavier --iterations 20 --diagnostics"),
        None,
    ),
    "no-steps-diagnostics": (opts("--iterations 0 --diagnostics"), None),
}
ITERATIONS = {"preset": 20, "preset-he-is-the-default": 2000}

# (options, the option the one-line message must name, words it must contain)
REFUSALS = [
    (opts("--init foo"), "--init", ["xavier", "glorot_uniform", "lecun", "small", "scaled"]),
    (opts("--init scaled --scale 0"), "--scale", ["100"]),
    (opts("--init scaled --scale 101"), "--scale", ["100"]),
    (opts("--init scaled --scale nan"), "--scale", ["100"]),
    (opts("--scale 3"), "--scale", ["scaled", "he"]),
    (opts("--init xavier --scale 3"), "--scale", ["scaled", "xavier"]),
    (opts("--dataset galaxy"), "--dataset", ["moons", "xor", "spiral", "blobs"]),
    (opts("--noise -0.1"), "--noise", ["0 to 1"]),
    (opts("--noise 1.5"), "--noise", ["0 to 1"]),
    (opts("--noise inf"), "--noise", ["0 to 1"]),
    (opts("--samples 19"), "--samples", ["20", "5000"]),
    (opts("--samples 5001"), "--samples", ["20", "5000"]),
    (opts("--samples 1e3"), "--samples", ["20", "5000"]),
    (opts("--preset nope"), "--preset", ["deep_tanh_small", "tutorial_he"]),
]


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("csv")
    good, bad = folder / "good.csv", folder / "bad.csv"
    good.write_text(CSV_ROWS, encoding="utf-8")
    bad.write_text(BAD_CSV, encoding="utf-8")
    return good, bad, folder / "absent.csv"


def _start(args) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "main.py", "--headless", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def transcript(config: TrainConfig, iterations: int, every: int) -> str:
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
def cli(files):
    good, bad, absent = files
    csv_runs = {
        "csv": [*opts("--csv"), str(good), *opts("--iterations 300 --print-every 100")],
        "csv-bad": ["--csv", str(bad)],
        "csv-absent": ["--csv", str(absent)],
        "csv-with-dataset": ["--csv", str(good), "--dataset", "moons"],
        "csv-with-noise": ["--csv", str(good), "--noise", "0.1"],
    }
    procs = {name: _start(args) for name, (args, _) in RUNS.items()}
    procs.update({name: _start(args) for name, args in csv_runs.items()})
    procs.update({tuple(args): _start(args) for args, _, _ in REFUSALS})
    results = {}
    try:
        for key, proc in procs.items():
            out, err = proc.communicate(timeout=TIMEOUT)
            results[key] = subprocess.CompletedProcess(proc.args, proc.returncode, out, err)
    finally:
        for proc in procs.values():
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    return results


def succeeded(result) -> str:
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(r"trained \d+ iterations in \d+\.\d+ s\n", result.stderr), result.stderr
    return result.stdout


@pytest.mark.parametrize("name", [n for n, (_, config) in RUNS.items() if config is not None])
def test_options_reach_the_engine(cli, name):
    _, config = RUNS[name]
    iterations = ITERATIONS.get(name, 300)
    every = 10 if name == "preset" else 100
    if name == "preset-he-is-the-default":
        every = 1000
    stdout = succeeded(cli[name])
    expected = transcript(config, iterations, every)
    assert stdout[: len(expected)] == expected


def test_initializers_give_different_runs(cli):
    outputs = {succeeded(cli[name]) for name in ("xavier", "glorot", "lecun", "small", "scaled")}
    assert len(outputs) == 5


def test_a_csv_file_is_trained_on(cli, files):
    good, _, _ = files
    expected = transcript(TrainConfig(dataset=f"csv:{good}"), 300, 100)
    assert succeeded(cli["csv"]) == expected


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("csv-bad", ["--csv", "row 4", "column 2", "'oops'", "not a number"]),
        ("csv-absent", ["--csv", "absent.csv", "no such file"]),
        ("csv-with-dataset", ["--csv", "--dataset"]),
        ("csv-with-noise", ["--csv", "--noise"]),
    ],
)
def test_csv_refusals_exit_2_with_one_line(cli, name, words):
    result = cli[name]
    assert result.returncode == 2 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0]


@pytest.mark.parametrize(
    ("args", "option", "allowed"), REFUSALS, ids=[" ".join(r[0]) for r in REFUSALS]
)
def test_bad_options_are_refused_with_one_line(cli, args, option, allowed):
    result = cli[tuple(args)]
    assert result.returncode == 2 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert option in lines[0]
    for word in allowed:
        assert word in lines[0]


# -- --diagnostics ---------------------------------------------------------------------------------

LAYER_LINE = re.compile(
    r"^Layer (\d+)( \(output\))?: \|dW\| first=(\S+) last=(\S+), \|δ\| first=(\S+) last=(\S+), "
    r"distinct neurons (\d+)/(\d+)(?:, (dead|saturated|inactive) units (\d+)/(\d+), "
    r"(\d+)% of outputs \w+)?$"
)


def diagnostic_lines(stdout: str) -> list[str]:
    lines = stdout.splitlines()
    return lines[lines.index("Accuracy: " + lines[-1].split(": ")[-1]) + 1 :] if lines else []


def test_diagnostics_only_append_to_the_transcript(cli):
    stdout = succeeded(cli["diagnostics"])
    plain = transcript(TrainConfig(), 300, 100)
    assert stdout.startswith(plain)
    extra = stdout[len(plain) :].splitlines()
    assert extra[0].startswith("Diagnostics at iteration 300:")
    assert "iterations 0 (first) and 290 (last)" in extra[0]
    layers = [LAYER_LINE.match(line) for line in extra[1:4]]
    assert all(layers), extra
    assert [m[1] for m in layers] == ["1", "2", "3"] and layers[2][2] == " (output)"
    trainer = Trainer()
    trainer.step(300)
    g = trainer.grad_history.view()
    for k, m in enumerate(layers):
        assert float(m[3]) == pytest.approx(g.weight_norms[0, k], rel=1e-2)
        assert float(m[4]) == pytest.approx(g.weight_norms[-1, k], rel=1e-2)
        assert float(m[5]) == pytest.approx(g.delta_norms[0, k], rel=1e-2)
    assert (layers[0][7], layers[0][8], layers[0][9]) == ("10", "10", "dead")
    assert extra[4].startswith("(dead unit: output 0 for every training point")
    assert extra[5] == (
        "Saturated outputs (exactly 0.0 or 1.0 in float64): 0 of 300 at iteration 0, "
        "0 of 300 at iteration 300"
    )
    assert len(extra) == 6


def test_zeros_diagnostics_show_the_symmetry(cli):
    stdout = succeeded(cli["zeros-diagnostics"])
    layers = [m for m in map(LAYER_LINE.match, stdout.splitlines()) if m]
    assert [(m[7], m[8]) for m in layers] == [("1", "10"), ("1", "5"), ("1", "1")]
    assert [(m[10], m[11]) for m in layers[:2]] == [("10", "10"), ("5", "5")]


def test_random_diagnostics_explain_the_inf(cli):
    stdout = succeeded(cli["random-diagnostics"])
    assert "Cost after iteration 0: 1773.58595493738" in stdout
    assert "300 of 300 at iteration 0" in stdout
    assert "naive log loss prints inf" in stdout and "log(0)" in stdout


def test_tanh_diagnostics_speak_of_saturation(cli):
    stdout = succeeded(cli["tanh-diagnostics"])
    layers = [m for m in map(LAYER_LINE.match, stdout.splitlines()) if m]
    assert len(layers) == 3 and layers[0][9] == "saturated"
    assert "(saturated unit: |output| > 0.99" in stdout


def test_diagnostics_before_any_step(cli):
    stdout = succeeded(cli["no-steps-diagnostics"])
    assert "Diagnostics at iteration 0 (no gradient computed yet)" in stdout
    assert "Layer 1: distinct neurons 10/10, dead units 0/10" in stdout


def test_every_config_field_has_its_option_and_it_sets_that_field():
    """``CONFIG_OPTIONS`` (engine/config.py) is what the command line reads: one per field."""
    assert set(CONFIG_OPTIONS) == set(CONFIG_FIELDS) == {f.name for f in fields(TrainConfig)}
    parser = build_parser()
    options = {s for action in parser._actions for s in action.option_strings}
    assert set(CONFIG_OPTIONS.values()) <= options
    changed = TrainConfig(
        init="scaled", learning_rate=0.5, hidden=(3,), seed=9, dataset="moons",
        activation="tanh", scale=2.0, samples=60, noise=0.1,
    )  # fmt: skip
    argv = []
    for name, option in CONFIG_OPTIONS.items():
        value = getattr(changed, name)
        argv += [option, ",".join(map(str, value)) if isinstance(value, tuple) else str(value)]
    config, _data, _iterations = config_from_args(parser.parse_args(argv))
    assert config == changed
