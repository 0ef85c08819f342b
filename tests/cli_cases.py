"""Bad input on the command line: the cases, shared by the command line's tests
(``tests/test_cli_bad_input.py``) and the window's (``tests/app/test_bad_input.py``).

The bad files (``BAD_CSV``, ``BAD_EXPERIMENTS``) are tried in both; the command-line cases
(``CASES``, ``ACCEPTED``) are also the rows of ``docs/bad-input.md`` (``table_rows``).
"""

from __future__ import annotations

import json
from pathlib import Path

from engine.cli import PROG
from engine.config import TrainConfig
from engine.experiment import experiment_json

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "bad-input.md"
HUGE_INT = str(10**20)
DIGITS_5000 = "9" * 5000  # past Python's int-from-text limit (4300 digits)
INITS = "zeros, random, he, xavier, glorot_uniform, lecun, small, scaled"

# -- bad files ------------------------------------------------------------------------------------
#: 20 good rows (lines 2-21 after the header), both classes
GOOD_ROWS = "".join(f"{(i % 7) / 7 - 0.5!r},{(i % 5) / 5 - 0.4!r},{i % 2}\n" for i in range(20))
HEADER = "x1,x2,label\n"


def _rows(last: str) -> str:
    """A file whose line 22 is ``last``."""
    return HEADER + GOOD_ROWS + last + "\n"


#: what was tried: (file content, or None for "a folder" / "missing"; the reason, ``{file}`` the
#: path).  The window says ``<path>: <reason>. Nothing was changed.``; the command line
#: ``argument --csv: <reason>``.
BAD_CSV: dict[str, tuple[str | bytes | None, str]] = {
    "empty file": ("", "the file: only 0 points; at least 10 are needed"),
    "only spaces and blank lines": (
        "   \n\n \t\n",
        "the file: only 0 points; at least 10 are needed",
    ),
    "header only": (HEADER, "the file: only 0 points; at least 10 are needed"),
    "binary bytes": (bytes(range(256)) * 4, "{file}: not a text file (it is not UTF-8)"),
    "Latin-1 text (not UTF-8)": (
        "x1,x2,étiquette\n".encode("latin-1") + GOOD_ROWS.encode(),
        "{file}: not a text file (it is not UTF-8)",
    ),
    "20001 points (over 20000)": (
        "".join(f"0.{i % 10},0.{i % 3},{i % 2}\n" for i in range(20001)),
        "row 20001: more than 20000 points; use a smaller sample",
    ),
    "5 points (under 10)": (
        HEADER + GOOD_ROWS.splitlines(keepends=True)[0] * 5,
        "rows 2–6: only 5 points; at least 10 are needed",
    ),
    "2 columns": (
        _rows("0.1,0.2"),
        "row 22: expected 3 values (x1, x2, label), found 2 (a missing column?)",
    ),
    "4 columns": (_rows("0.1,0.2,1,7"), "row 22: expected 3 values (x1, x2, label), found 4"),
    "decimal commas, semicolons (0,1;0,2;1)": (
        _rows("0,1;0,2;1"),
        "row 22: expected 3 values (x1, x2, label), found 5",
    ),
    "spaces as separators (0.1 0.2 1)": (
        _rows("0.1 0.2 1"),
        "row 22: expected 3 values (x1, x2, label), found 1 (a missing column?)",
    ),
    "an empty value (0.1,,1)": (_rows("0.1,,1"), "row 22: column 2 (x2) is empty"),
    "letters as a coordinate": (
        _rows("0.1,abc,1"),
        "row 22: column 2 (x2) is 'abc', which is not a number",
    ),
    "NaN coordinate": (
        _rows("nan,0.2,1"),
        "row 22: column 1 (x1) is 'nan'; only finite numbers are allowed",
    ),
    "infinite coordinate": (
        _rows("0.1,-inf,1"),
        "row 22: column 2 (x2) is '-inf'; only finite numbers are allowed",
    ),
    "1e999 coordinate (overflows to inf)": (
        _rows("1e999,0.2,0"),
        "row 22: column 1 (x1) is '1e999'; only finite numbers are allowed",
    ),
    "label 2": (_rows("0.1,0.2,2"), "row 22: the label is '2'; labels must be 0 or 1"),
    "label -1": (_rows("0.1,0.2,-1"), "row 22: the label is '-1'; labels must be 0 or 1"),
    "label 0.5": (_rows("0.1,0.2,0.5"), "row 22: the label is '0.5'; labels must be 0 or 1"),
    "label as a word (yes)": (
        _rows("0.1,0.2,yes"),
        "row 22: column 3 (label) is 'yes', which is not a number",
    ),
    "label NaN": (
        _rows("0.1,0.2,nan"),
        "row 22: column 3 (label) is 'nan'; only finite numbers are allowed",
    ),
    "one class only": (
        HEADER + "".join(f"0.{i},0.{i},0\n" for i in range(12)),
        "rows 2–13: every point has label 0; both classes, 0 and 1, are needed",
    ),
    "a folder": (None, "{file}: cannot be read (Is a directory)"),
    "a missing file": (None, "{file}: no such file"),
}


def _experiment(**changes) -> str:
    """A valid experiment file's text with settings (or, for ``_top``, top-level keys) changed."""
    data = json.loads(experiment_json(TrainConfig(), target=15000))
    data.update(changes.pop("_top", {}))
    data["config"].update(changes)
    return json.dumps(data)


def _raw_lr(text: str) -> str:
    """A valid experiment file whose learning rate is written as ``text`` (not JSON's own)."""
    return experiment_json(TrainConfig(), target=15000).replace(
        '"learning_rate": 0.01', f'"learning_rate": {text}'
    )


#: what was tried: (file content, or None for "a folder" / "missing"; the reason, ``{file}`` the
#: path).  The window says ``<name> was not loaded: <reason>`` and that the experiment is
#: unchanged; the command line ``argument --experiment: <reason>``.
BAD_EXPERIMENTS: dict[str, tuple[str | bytes | None, str]] = {
    "empty file": (
        "",
        "{file}: not valid JSON at line 1, column 1: Expecting value",
    ),
    "only spaces": ("   \n  ", "{file}: not valid JSON at line 2, column 3: Expecting value"),
    "binary bytes": (bytes(range(256)), "{file}: not a text file (it is not UTF-8)"),
    "over 1 MB": (
        " " * 1_000_001,
        "{file}: 1000001 bytes is far too large for an experiment file; is it the right file?",
    ),
    "a CSV file instead": (
        HEADER + GOOD_ROWS,
        "{file}: not valid JSON at line 1, column 1: Expecting value",
    ),
    "a JSON list": (
        "[10, 5]",
        "{file}: not an experiment file (it holds [10, 5], not a JSON object)",
    ),
    "another program's JSON": (
        '{"name": "x"}',
        '{file}: not an InitScope experiment file (it has no "format": "initscope-experiment")',
    ),
    "a newer version": (
        _experiment(_top={"version": 2}),
        "{file}: written by a newer InitScope (format version 2); this one reads version 1 — "
        "please update InitScope",
    ),
    "learning rate NaN": (
        _raw_lr("NaN"),
        "{file}: NaN is not allowed in an experiment file; write a number",
    ),
    "learning rate 1e999 (inf)": (
        _raw_lr("1e999"),
        '{file}: setting "learning_rate" must be a finite number (got Infinity)',
    ),
    "learning rate 1e308": (
        _experiment(learning_rate=1e308),
        '{file}: setting "learning_rate": the learning rate must be above 0 and at most 10 '
        "(got 1e+308)",
    ),
    "learning rate 0": (
        _experiment(learning_rate=0),
        '{file}: setting "learning_rate": the learning rate must be above 0 and at most 10 '
        "(got 0.0)",
    ),
    'learning rate as text ("0.01")': (
        _experiment(learning_rate="0.01"),
        '{file}: setting "learning_rate" must be a number (got "0.01")',
    ),
    "seed -1": (
        _experiment(seed=-1),
        '{file}: setting "seed": the seed must be between 0 and 2147483647 (got -1)',
    ),
    "seed 2**31 (one above the largest)": (
        _experiment(seed=2**31),
        '{file}: setting "seed": the seed must be between 0 and 2147483647 (got 2147483648)',
    ),
    "seed 3000000000 (bug B2's file)": (
        _experiment(seed=3_000_000_000),
        '{file}: setting "seed": the seed must be between 0 and 2147483647 (got 3000000000)',
    ),
    "seed 10**20": (
        _experiment(seed=10**20),
        '{file}: setting "seed": the seed must be between 0 and 2147483647 '
        "(got 100000000000000000000)",
    ),
    "hidden [10, 0]": (
        _experiment(hidden=[10, 0]),
        '{file}: setting "hidden": each hidden layer needs 1 to 512 units (got 0)',
    ),
    "hidden: 13 layers": (
        _experiment(hidden=[5] * 13),
        '{file}: setting "hidden": between 1 and 12 hidden layers are allowed (got 13)',
    ),
    'hidden as text ("10,5")': (
        _experiment(hidden="10,5"),
        '{file}: setting "hidden" must be a list of whole numbers, like [10, 5] (got "10,5")',
    ),
    "samples 10**20": (
        _experiment(samples=10**20),
        '{file}: setting "samples": the number of samples must be from 20 to 5000 '
        "(got 100000000000000000000)",
    ),
    "noise -0.1": (
        _experiment(noise=-0.1),
        '{file}: setting "noise": the noise must be from 0 to 1 (got -0.1)',
    ),
    "target -1": (
        _experiment(_top={"target": -1}),
        '{file}: "target" must be a whole number from 0 to 1000000000, or null (got -1)',
    ),
    "unknown initializer": (
        _experiment(init="telepathy"),
        "{file}: setting \"init\": unknown initializer 'telepathy'; choose from " + INITS,
    ),
    "a folder": (None, "{file}: is a folder, not an experiment file"),
    "a missing file": (None, "{file}: no such file"),
}


def slug(name: str) -> str:
    """A file name for a case: its words joined by hyphens."""
    return "-".join("".join(c if c.isalnum() else " " for c in name).split())


def make_bad_files(folder: Path, cases: dict[str, tuple[str | bytes | None, str]]) -> Path:
    """Every case's file (or folder; nothing for "a missing file") under ``folder``."""
    folder.mkdir()
    for name, (content, _reason) in cases.items():
        path = folder / slug(name)
        if name == "a folder":
            path.mkdir()
        elif name == "a missing file":
            pass
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content or "", encoding="utf-8")
    return folder


# -- the options ----------------------------------------------------------------------------------
def not_allowed(option: str, text: str, allowed: str) -> str:
    return f"argument {option}: {text!r} is not allowed: {allowed}"


LR = "a number above 0 and at most 10"
ITER = "a whole number from 0 to 1000000000"
SEED = "a whole number from 0 to 2147483647"
SCALE = "a number above 0 and at most 100"
NOISE = "a number from 0 to 1"
SAMPLES = "a whole number from 20 to 5000"
EVERY = "a whole number of at least 1"
COMMA = "hidden layers must be sizes separated by commas, like 10,5 (got {!r})"
WHOLE = "hidden layer sizes must be whole numbers, like 10,5 (got {!r})"
CHOICE = "argument {}: invalid choice: {!r} (choose from {})"
FRAMES = "a whole number from 2 to 300"
FPS = "a number above 0 and at most 50"
WIDTH = "a whole number of pixels from 640 to 1920"
COMPARE = (
    f"argument --compare: {{}} is not allowed: give 1 to 6 initializers separated by commas, "
    f"from {INITS}"
)


def _choices(names: str) -> str:
    return ", ".join(f"'{n}'" for n in names.split(", "))


#: (the option, the arguments, the one line after ``main.py --headless: error: ``); ``{dir}`` is
#: a folder of the test's own (bad files and output paths live there).
CASES: list[tuple[str, list[str], str]] = [
    ("--lr", ["--lr"], "argument --lr: expected one argument"),
    *(
        ("--lr", ["--lr", text], not_allowed("--lr", text, LR))
        for text in ("", "   ", "abc", "-1", "0", "1e308", "nan", "inf", "0,01", "0.0.1", "1e-3x")
    ),
    ("--lr", ["--lr", HUGE_INT], not_allowed("--lr", HUGE_INT, LR)),
    ("--lr", ["--lr", "-1e-3"], "argument --lr: expected one argument"),
    ("--iterations", ["--iterations"], "argument --iterations: expected one argument"),
    *(
        ("--iterations", ["--iterations", text], not_allowed("--iterations", text, ITER))
        for text in ("", " ", "ten", "-5", "1.5", "1e3", "nan", HUGE_INT, "10 000", "10,000")
    ),
    ("--layers", ["--layers"], "argument --layers: expected one argument"),
    *(
        ("--layers", ["--layers", text], "argument --layers: " + COMMA.format(text))
        for text in ("", "   ", "10,,5", "10,5,", ",10")
    ),
    *(
        ("--layers", ["--layers", text], "argument --layers: " + WHOLE.format(text))
        for text in ("10 5", "abc", "10.5", "1e2", "nan", "10,x")
    ),
    (
        "--layers",
        ["--layers", DIGITS_5000],
        "argument --layers: " + WHOLE.format(DIGITS_5000),
    ),
    (
        "--layers",
        ["--layers", ",".join(["5"] * 13)],
        "argument --layers: between 1 and 12 hidden layers are allowed (got 13)",
    ),
    *(
        (
            "--layers",
            ["--layers", text],
            f"argument --layers: each hidden layer needs 1 to 512 units (got {got})",
        )
        for text, got in (("0", 0), ("600", 600), ("10,-5", -5), (HUGE_INT, HUGE_INT))
    ),
    *(
        ("--seed", ["--seed", text], not_allowed("--seed", text, SEED))
        for text in ("", "abc", "-1", "3.5", "1e3", str(2**31), "3000000000", str(2**32), HUGE_INT)
    ),
    ("--seed", ["--seed", DIGITS_5000], not_allowed("--seed", DIGITS_5000, SEED)),
    *(
        ("--scale", ["--init", "scaled", "--scale", text], not_allowed("--scale", text, SCALE))
        for text in ("", "x", "0", "-1", "101", "1e308", "nan", "inf")
    ),
    (
        "--scale",
        ["--scale", "2"],
        "argument --scale: only --init scaled uses a multiplier (the initializer: he)",
    ),
    *(
        ("--noise", ["--noise", text], not_allowed("--noise", text, NOISE))
        for text in ("", "x", "-0.1", "2", "1e308", "nan", "inf")
    ),
    *(
        ("--samples", ["--samples", text], not_allowed("--samples", text, SAMPLES))
        for text in ("", "x", "0", "19", "-300", "5001", "1e3", "300.0", HUGE_INT)
    ),
    *(
        ("--print-every", ["--print-every", text], not_allowed("--print-every", text, EVERY))
        for text in ("", "x", "0", "-1", "1.5")
    ),
    *(
        ("--init", ["--init", text], CHOICE.format("--init", text, _choices(INITS)))
        for text in ("", "HE", "foo", "he,zeros")
    ),
    *(
        (
            "--activation",
            ["--activation", text],
            CHOICE.format("--activation", text, "'relu', 'tanh', 'sigmoid', 'leaky_relu'"),
        )
        for text in ("", "ReLU", "softmax")
    ),
    *(
        (
            "--dataset",
            ["--dataset", text],
            CHOICE.format("--dataset", text, "'circles', 'moons', 'xor', 'spiral', 'blobs'"),
        )
        for text in ("", "Circles", "csv:points.csv")
    ),
    *(
        (
            "--preset",
            ["--preset", text],
            CHOICE.format(
                "--preset",
                text,
                _choices(
                    "tutorial_zeros, tutorial_random, tutorial_he, deep_tanh_small, "
                    "deep_tanh_scaled, deep_tanh_xavier, deep_relu_he"
                ),
            ),
        )
        for text in ("", "nope")
    ),
    *(
        ("--compare", ["--compare", text], COMPARE.format(shown))
        for text, shown in (
            ("", "''"),
            ("he,,zeros", "''"),
            ("he,", "''"),
            ("he;zeros", "'he;zeros'"),
            ("he zeros", "'he zeros'"),
            ("HE", "'HE'"),
        )
    ),
    (
        "--compare",
        ["--compare", ",".join(["he"] * 7)],
        "argument --compare: 7 initializers given; at most 6 can be compared at once",
    ),
    (
        "--compare",
        ["--compare", "he,zeros", "--export-csv", "{dir}/out.csv"],
        "argument --export-csv: not allowed with --compare (a single run only)",
    ),
    (
        "--compare",
        ["--compare", "he,zeros", "--save-experiment", "{dir}/out.json"],
        "argument --save-experiment: not allowed with --compare (a single run only)",
    ),
    *(
        ("--csv", ["--csv", "{dir}/csv/" + slug(name)], "argument --csv: " + reason)
        for name, (_content, reason) in BAD_CSV.items()
    ),
    ("--csv", ["--csv", ""], "argument --csv: .: cannot be read (Is a directory)"),
    (
        "--csv",
        ["--csv", "{dir}/good.csv", "--samples", "100"],
        "argument --csv: not allowed with --samples (a file brings its own points)",
    ),
    *(
        (
            "--experiment",
            ["--experiment", "{dir}/experiment/" + slug(name)],
            "argument --experiment: " + reason,
        )
        for name, (_content, reason) in BAD_EXPERIMENTS.items()
    ),
    (
        "--experiment",
        ["--experiment", "{dir}/good.json", "--preset", "tutorial_he"],
        "argument --experiment: not allowed with --preset (both set up the whole run)",
    ),
    *(
        (option, [option, path], f"argument {option}: {message}")
        for option in ("--save-experiment", "--export-csv")
        for path, message in (
            ("", "a file name is needed"),
            ("   ", "a file name is needed"),
            ("{dir}", "{dir}: is a folder, not a file"),
            (
                "{dir}/missing/out.txt",
                "{dir}/missing/out.txt: the folder '{dir}/missing' does not exist",
            ),
            (
                "{dir}/good.csv/out.txt",
                "{dir}/good.csv/out.txt: the folder '{dir}/good.csv' does not exist",
            ),
        )
    ),
    *(
        ("--export-animation", ["--export-animation", path], f"argument --export-animation: {m}")
        for path, m in (
            ("", "a file name is needed"),
            ("{dir}", "{dir}: is a folder, not a file"),
            (
                "{dir}/missing/run.gif",
                "{dir}/missing/run.gif: the folder '{dir}/missing' does not exist",
            ),
            ("{dir}/run.mp4", "{dir}/run.mp4: the file name must end in .gif or .webp"),
            ("{dir}/run", "{dir}/run: the file name must end in .gif or .webp"),
        )
    ),
    *(
        (
            option,
            ["--export-animation", "{dir}/run.gif", option, text],
            not_allowed(option, text, what),
        )
        for option, what, texts in (
            ("--frames", FRAMES, ("1", "0", "301", "many", "2.5")),
            ("--fps", FPS, ("0", "-5", "51", "nan", "fast")),
            ("--width", WIDTH, ("639", "1921", "wide", "800.5")),
        )
        for text in texts
    ),
    (
        "--frame-spacing",
        ["--export-animation", "{dir}/run.gif", "--frame-spacing", "square"],
        CHOICE.format("--frame-spacing", "square", _choices("log, even")),
    ),
    *(
        (option, [option, value], f"argument {option}: only with --export-animation FILE")
        for option, value in (
            ("--frames", "20"),
            ("--fps", "8"),
            ("--frame-spacing", "even"),
            ("--width", "800"),
        )
    ),
    *(
        (
            option,
            ["--export-animation", "{dir}/run.gif", *extra],
            f"argument {option}: not allowed with --export-animation "
            "(it writes the animation only)",
        )
        for option, extra in (
            ("--compare", ["--compare", "zeros,he"]),
            ("--diagnostics", ["--diagnostics"]),
            ("--export-csv", ["--export-csv", "{dir}/out.csv"]),
            ("--save-experiment", ["--save-experiment", "{dir}/out.json"]),
        )
    ),
    (
        "--diagnostics",
        ["--diagnostics=yes"],
        "argument --diagnostics: ignored explicit argument 'yes'",
    ),
    ("--headless", ["--headless=1"], "argument --headless: ignored explicit argument '1'"),
    ("(unknown option)", ["--learning-rate", "0.1"], "unrecognized arguments: --learning-rate 0.1"),
    ("(unknown option)", ["-x"], "unrecognized arguments: -x"),
    ("(stray word)", ["circles"], "unrecognized arguments: circles"),
    (
        "(ambiguous abbreviation)",
        ["--s", "5"],
        "ambiguous option: --s could match --scale, --seed, --samples, --save-experiment",
    ),
]

#: Spellings that are not refused: what the run reads them as (documented in the table).
ACCEPTED: list[tuple[str, list[str], str, object]] = [
    ("--layers", ["--layers", "10;5"], "hidden", (10, 5)),
    ("--layers", ["--layers", " 10 , 5 "], "hidden", (10, 5)),
    ("--layers", ["--layers", "１０,５"], "hidden", (10, 5)),
    ("--lr", ["--lr", "１"], "learning_rate", 1.0),
    ("--lr", ["--lr", " 0.5 "], "learning_rate", 0.5),
    ("--lr", ["--lr", "1e-3"], "learning_rate", 0.001),
    ("--seed", ["--seed", "1_000"], "seed", 1000),
    ("--seed", ["--seed", "+7"], "seed", 7),
    ("--seed", ["--seed", "2147483647"], "seed", 2**31 - 1),  # the largest, as in the window
    ("--iterations", ["--iterations", "１０"], "iterations", 10),
    ("--print-every", ["--print-every", HUGE_INT], "print_every", 10**20),
]


FILE_CASES = {
    **{f"{{dir}}/csv/{slug(name)}": name for name in BAD_CSV},
    **{f"{{dir}}/experiment/{slug(name)}": name for name in BAD_EXPERIMENTS},
}


def _shown(text: str, limit: int = 40) -> str:
    """An argument as the table shows it: quoted, long ones shortened, bad files named."""
    if text in FILE_CASES:
        return f"FILE({FILE_CASES[text]})"
    if text == DIGITS_5000:
        return "9…9(5000 digits)"
    text = text.replace("{dir}", "DIR")
    return repr(text) if len(text) <= limit else repr(text[:limit]) + "…"


def _code(text: str) -> str:
    """``text`` as a code span in a Markdown table cell."""
    return "`" + text.replace(DIGITS_5000, "9…9(5000 digits)").replace("|", "\\|") + "`"


def _tried(argv: list[str]) -> str:
    return " ".join(a if a.startswith("-") and not a[1:2].isdigit() else _shown(a) for a in argv)


def table_rows() -> list[str]:
    """This file's rows of the table in ``docs/bad-input.md``."""
    rows = []
    for option, argv, line in CASES:
        message = line.replace("{dir}", "DIR").replace("{file}", "FILE")
        rows.append(
            f"| `{option}` | {_code(_tried(argv))} | exit status 2, nothing on stdout | "
            f"{_code(f'{PROG}: error: {message}')} |"
        )
    for option, argv, _field, value in ACCEPTED:
        rows.append(
            f"| `{option}` | {_code(_tried(argv))} | not refused: read as {value!r} | "
            "(none: the run starts) |"
        )
    return rows
