"""app/engine_strings.py: every engine text the window shows, marked for Qt's translators, and
always regenerated (this test fails when someone changes an engine string and forgets)."""

from __future__ import annotations

import importlib.util
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from engine.activations import ACTIVATIONS
from engine.datasets import DATASETS
from engine.errors import InputError
from engine.experiment import ExperimentError, parse_experiment
from engine.initializers import INITIALIZERS
from engine.presets import PRESETS
from tests.engine.cases import BAD_TEXTS, refusals

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "i18n_engine_strings.py"
MODULE = ROOT / "app" / "engine_strings.py"


@pytest.fixture(scope="module")
def generator():
    spec = importlib.util.spec_from_file_location("i18n_engine_strings", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def strings() -> tuple[str, ...]:
    from app.engine_strings import ENGINE_STRINGS

    return ENGINE_STRINGS


def test_the_committed_module_is_freshly_generated(generator):
    assert MODULE.read_text(encoding="utf-8") == generator.generate(), (
        "app/engine_strings.py is out of date: run .venv/bin/python scripts/i18n_engine_strings.py"
    )


def test_it_imports_without_qt():
    code = (
        "import sys, app.engine_strings as m; print(len(m.ENGINE_STRINGS), 'PyQt6' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    count, qt = result.stdout.split()
    assert int(count) > 100 and qt == "False"


def test_sorted_and_without_duplicates(strings):
    assert list(strings) == sorted(set(strings))


def test_every_registry_text_the_window_shows_is_listed(strings):
    listed = set(strings)
    for init in INITIALIZERS.values():
        assert {init.label, init.formula, init.explanation} <= listed
    for gen in DATASETS.values():
        assert {gen.label, gen.description} <= listed
    for act in ACTIVATIONS.values():
        assert act.label in listed
    for preset in PRESETS.values():
        assert {preset.label, preset.description} <= listed


def _raised(call) -> InputError:
    with pytest.raises(InputError) as excinfo:
        call()
    return excinfo.value


def test_the_templates_of_real_refusals_are_listed(strings, tmp_path):
    listed = set(strings)
    raised = [_raised(call) for call, _, _ in refusals(tmp_path)]
    raised += [_raised(lambda t=text: parse_experiment(t, "x.json")) for _, text, _ in BAD_TEXTS]
    for exc in raised:
        assert exc.template in listed, exc.template
        # A wrapped refusal's own template is listed too.
        for value in exc.params.values():
            if isinstance(value, InputError):
                assert value.template in listed
    assert any(isinstance(exc, ExperimentError) for exc in raised)


def test_every_template_formats_with_its_own_placeholders_only(strings):
    for text in strings:
        fields = [f for _, f, _, _ in string.Formatter().parse(text) if f is not None]
        assert all(f.isidentifier() for f in fields), text  # no {0}, no {} slips through


def test_the_scanner_follows_subclasses_and_refuses_non_literal_templates(generator, tmp_path):
    (tmp_path / "errors.py").write_text(
        "class InputError(ValueError): ...\n"
        "class FileError(InputError): ...\n"
        "class DeepError(FileError): ...\n"
        "class Unrelated(ValueError): ...\n",
        encoding="utf-8",
    )
    (tmp_path / "use.py").write_text(
        'raise DeepError("deep {x}", x=1)\n'
        'raise errors.FileError("dotted {y}", y=2)\n'
        'raise Unrelated("not listed")\n',
        encoding="utf-8",
    )
    assert sorted(generator.error_templates(tmp_path)) == ["deep {x}", "dotted {y}"]
    (tmp_path / "bad.py").write_text('raise FileError(f"row {n}")\n', encoding="utf-8")
    with pytest.raises(SystemExit, match=r"bad\.py:1"):
        generator.error_templates(tmp_path)


def test_pylupdate_extracts_every_string_in_the_engine_context(strings, tmp_path):
    ts = tmp_path / "engine.ts"
    code = (
        "import sys; from PyQt6.lupdate.pylupdate import main; sys.argv[0] = 'pylupdate6'; main()"
    )
    subprocess.run(
        [sys.executable, "-c", code, str(MODULE), "-ts", str(ts), "-no-obsolete"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    )
    contexts = ET.parse(ts).getroot().findall("context")
    assert [c.findtext("name") for c in contexts] == ["engine"]
    sources = [m.findtext("source") for m in contexts[0].findall("message")]
    assert sorted(sources) == sorted(strings)
