"""Your own points from a CSV file: what is accepted, how it is split, and every refusal."""

from __future__ import annotations

import numpy as np
import pytest

import engine.datasets as datasets
from engine.config import TrainConfig
from engine.datasets import CSV_PREFIX, DataError, dataset_key, load_csv, load_dataset
from engine.trainer import Trainer


def points(n: int = 20, seed: int = 0) -> list[tuple[float, float, int]]:
    rng = np.random.RandomState(seed)
    return [(float(x1), float(x2), i % 2) for i, (x1, x2) in enumerate(rng.randn(n, 2))]


def write(tmp_path, text: str, name: str = "points.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def as_csv(rows, header: str | None = "x1,x2,label", sep: str = ",") -> str:
    lines = [header] if header else []
    lines += [sep.join(repr(v) if isinstance(v, float) else str(v) for v in row) for row in rows]
    return "\n".join(lines) + "\n"


# -- what is accepted ------------------------------------------------------------------------------


def test_a_good_file_loads_with_a_stratified_75_25_split(tmp_path):
    rows = points(40)
    data = load_csv(write(tmp_path, as_csv(rows)))
    assert data.train_X.shape == (2, 30) and data.test_X.shape == (2, 10)
    for Y in (data.train_Y, data.test_Y):
        assert np.count_nonzero(Y == 0) == np.count_nonzero(Y == 1)  # 20 of each: 15 + 5
    for arr in (data.train_X, data.train_Y, data.test_X, data.test_Y):
        assert arr.dtype == np.float64 and not arr.flags.writeable
    # Every point lands in exactly one split, with its own label.
    both = np.concatenate([data.train_X, data.test_X], axis=1).T
    labels = np.concatenate([data.train_Y, data.test_Y], axis=1)[0]
    got = sorted(zip(both[:, 0], both[:, 1], labels))
    assert got == sorted((x1, x2, float(y)) for x1, x2, y in rows)


def test_the_split_is_deterministic_and_keeps_file_order(tmp_path):
    path = write(tmp_path, as_csv(points(40)))
    a, b = load_csv(path), load_csv(path)
    assert np.array_equal(a.train_X, b.train_X) and np.array_equal(a.test_X, b.test_X)
    rows = np.array(points(40))
    position = {(x1, x2): i for i, (x1, x2, _) in enumerate(rows)}
    train_order = [position[(x1, x2)] for x1, x2 in a.train_X.T]
    assert train_order == sorted(train_order)


def test_the_name_is_the_absolute_path_and_the_label_the_file_name(tmp_path):
    path = write(tmp_path, as_csv(points()), "mine.csv")
    data = load_csv(path)
    assert data.name == CSV_PREFIX + str(path.resolve())
    assert data.label == "mine.csv"
    assert data.samples is None and data.noise is None
    assert data.key == (data.name, None, None) == dataset_key(data.name)


def assert_refused(path, words) -> None:
    """Loading ``path`` is refused with one line that holds every one of ``words``."""
    with pytest.raises(DataError) as excinfo:
        load_csv(path)
    message = str(excinfo.value)
    for word in words:
        assert word in message, message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("header", "sep"),
    [(None, ","), ("x1,x2,label", ","), ("a;b;c", ";"), ("x\ty\tclass", "\t"), (None, " , ")],
)
def test_header_is_optional_and_semicolons_or_tabs_work(tmp_path, header, sep):
    rows = points(12)
    data = load_csv(write(tmp_path, as_csv(rows, header, sep)))
    assert data.train_X.shape[1] + data.test_X.shape[1] == 12


def test_blank_lines_comments_bom_and_crlf_are_fine(tmp_path):
    body = as_csv(points(12)).replace("\n", "\r\n")
    path = tmp_path / "p.csv"
    path.write_bytes(("\ufeff# my points\r\n\r\n" + body + "\r\n\r\n").encode("utf-8"))
    assert load_csv(path).train_X.shape[1] + load_csv(path).test_X.shape[1] == 12


def test_labels_written_as_floats_are_fine(tmp_path):
    text = "".join(f"{i}.5,{-i},{float(i % 2)}\n" for i in range(10))
    assert set(np.unique(load_csv(write(tmp_path, text)).train_Y)) == {0.0, 1.0}


def test_a_config_can_name_a_csv_file_and_the_trainer_loads_it(tmp_path, monkeypatch):
    path = write(tmp_path, as_csv(points(30)))
    monkeypatch.chdir(tmp_path)
    config = TrainConfig(dataset="csv:points.csv", hidden=(4,))
    assert config.dataset == CSV_PREFIX + str(path.resolve())  # made absolute
    trainer = Trainer(config)
    assert trainer.data.key == config.data_key
    assert np.array_equal(trainer.data.train_X, load_dataset(config.dataset).train_X)
    assert trainer.step(3) == 3
    # Only the form of the name is checked by the config: it stays usable if the file moves.
    path.unlink()
    assert config.with_(learning_rate=0.5).dataset == config.dataset
    with pytest.raises(DataError, match="no such file"):
        Trainer(config)


def test_csv_name_needs_a_path():
    with pytest.raises(ValueError, match="csv"):
        TrainConfig(dataset="csv:")


# -- refusals: each names the row (its line number in the file) and the problem --------------------

GOOD = "0.1,0.2,0\n0.3,0.4,1\n"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (GOOD + "0.5,0.6\n", ["row 3", "3 values", "found 2", "missing column"]),
        (GOOD + "0.5\n", ["row 3", "found 1"]),
        (GOOD + "0.5,0.6,1,7\n", ["row 3", "found 4"]),
        (
            "x1,x2,label\n" + GOOD + "0.5,abc,1\n",
            ["row 4", "column 2", "x2", "'abc'", "not a number"],
        ),
        ("abc,0.2,0\n" + GOOD, ["row 1", "column 1", "'abc'", "not a number"]),
        (GOOD + "0.5,,1\n", ["row 3", "column 2", "empty"]),
        (GOOD + "nan,0.6,1\n", ["row 3", "column 1", "'nan'", "finite"]),
        (GOOD + "0.5,-inf,1\n", ["row 3", "column 2", "'-inf'", "finite"]),
        (GOOD + "0.5,0.6,2\n", ["row 3", "label", "'2'", "0 or 1"]),
        (GOOD + "0.5,0.6,0.5\n", ["row 3", "label", "0 or 1"]),
        (GOOD + "0.5,0.6,NaN\n", ["row 3", "column 3", "finite"]),
        (GOOD + "0.5,0.6,yes\n", ["row 3", "column 3", "'yes'", "not a number"]),
    ],
    ids=[
        "missing-column",
        "one-column",
        "extra-column",
        "text",
        "text-in-first-row",
        "empty-field",
        "nan",
        "inf",
        "label-2",
        "label-half",
        "label-nan",
        "label-text",
    ],
)
def test_bad_rows_are_refused_naming_row_and_problem(tmp_path, text, words):
    text += "".join(f"{i},{i},{i % 2}\n" for i in range(12))  # enough good rows after the bad one
    assert_refused(write(tmp_path, text), words)


def test_only_one_class_is_refused(tmp_path):
    text = "x1,x2,label\n" + "".join(f"{i},{i},1\n" for i in range(12))
    with pytest.raises(DataError) as excinfo:
        load_csv(write(tmp_path, text))
    message = str(excinfo.value)
    assert "rows 2–13" in message and "label 1" in message and "both classes" in message


def test_too_few_rows_are_refused(tmp_path):
    text = "# nine points\n" + "".join(f"{i},{i},{i % 2}\n" for i in range(9))
    with pytest.raises(DataError) as excinfo:
        load_csv(write(tmp_path, text))
    message = str(excinfo.value)
    assert "rows 2–10" in message and "only 9 points" in message and "at least 10" in message


def test_an_empty_file_is_refused(tmp_path):
    with pytest.raises(DataError, match="only 0 points"):
        load_csv(write(tmp_path, "x1,x2,label\n"))


def test_too_many_rows_are_refused_at_the_first_row_too_many(tmp_path, monkeypatch):
    monkeypatch.setattr(datasets, "MAX_CSV_ROWS", 15)
    text = "x1,x2,label\n" + "".join(f"{i},{i},{i % 2}\n" for i in range(20))
    with pytest.raises(DataError, match="row 17: more than 15 points"):
        load_csv(write(tmp_path, text))


def test_missing_and_binary_files_are_refused(tmp_path):
    with pytest.raises(DataError, match="no such file"):
        load_csv(tmp_path / "absent.csv")
    binary = tmp_path / "image.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe\x00")
    with pytest.raises(DataError, match="not a text file"):
        load_csv(binary)
    with pytest.raises(DataError, match="cannot be read"):
        load_csv(tmp_path)  # a directory


def test_data_error_is_a_value_error():
    assert issubclass(DataError, ValueError)


# -- spreadsheets' CSV: every field quoted ---------------------------------------------------------


def test_a_quote_all_file_from_a_spreadsheet_loads(tmp_path):
    rows = points(12)
    lines = ['"x1","x2","label"'] + [",".join(f'"{v}"' for v in row) for row in rows]
    data = load_csv(write(tmp_path, "\r\n".join(lines) + "\r\n"))
    quoted = load_csv(write(tmp_path, as_csv(rows), "plain.csv"))
    assert np.array_equal(data.train_X, quoted.train_X)
    assert np.array_equal(data.test_Y, quoted.test_Y)


@pytest.mark.parametrize("sep", [",", ";", "\t"])
def test_quoted_fields_with_any_separator_and_spaces(tmp_path, sep):
    text = "".join(f'"{i}.5"{sep} "{-i}" {sep}"{i % 2}"\n' for i in range(12))
    data = load_csv(write(tmp_path, text))
    assert data.train_X.shape[1] + data.test_X.shape[1] == 12


def test_the_example_from_the_issue(tmp_path):
    text = '"0.689","0.516","1"\n' + "".join(f'"{i}","{i}","{i % 2}"\n' for i in range(11))
    data = load_csv(write(tmp_path, text))
    points_ = np.concatenate([data.train_X, data.test_X], axis=1).T.tolist()
    assert [0.689, 0.516] in points_


@pytest.mark.parametrize(
    ("bad", "words"),
    [
        ('"0.5","abc","1"', ["row 3", "column 2", "'abc'", "not a number"]),
        ('"0.5","0.6"', ["row 3", "found 2", "missing column"]),
        ('"0.5","","1"', ["row 3", "column 2", "empty"]),
        ('"0.5","0.6","2"', ["row 3", "label", "'2'", "0 or 1"]),
        ('"0.5,"0.6","1"', ["row 3"]),  # a quote left open
    ],
    ids=["text", "missing-column", "empty", "label-2", "open-quote"],
)
def test_quoted_rows_are_refused_with_the_same_messages(tmp_path, bad, words):
    text = '"0.1","0.2","0"\n"0.3","0.4","1"\n' + bad + "\n"
    text += "".join(f'"{i}","{i}","{i % 2}"\n' for i in range(12))
    assert_refused(write(tmp_path, text), words)
