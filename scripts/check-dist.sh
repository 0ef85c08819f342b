#!/usr/bin/env bash
# Build the sdist and the wheel as a user would, and try them outside the checkout:
#   1. `python -m build`: the sdist, then the wheel built FROM the sdist (so the sdist is complete);
#   2. the wheel's and the sdist's contents (scripts/check_dist.py);
#   3. a fresh venv outside the checkout, the wheel installed with constraints.txt:
#      `initscope --version`, `--help`, `python -m initscope`, `initscope --headless`, and
#      `initscope --smoke-test` (offscreen);
#   4. another distribution that owns top-level `app/` and `engine/` installed beside it and
#      uninstalled again: InitScope keeps working and keeps every file;
#   5. the wheel with the LOWEST versions pyproject.toml allows (constraints-lowest.txt): the
#      headless transcript and the smoke test;
#   6. the unpacked sdist's own tests (the engine, the command line, packaging), run with .venv.
# Usage: scripts/check-dist.sh [--keep]   (--keep leaves the work folder for a look)
# Needs scripts/setup.sh test to have run (CI runs it first).  Takes ~1-2 min with pip's cache warm.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
keep=0
[[ "${1:-}" == --keep ]] && keep=1
python=${PYTHON:-python3}
work=$(mktemp -d "${TMPDIR:-/tmp}/initscope-dist.XXXXXX")
[[ $keep == 1 ]] || trap 'rm -rf "$work"' EXIT
pip_q=(-q --disable-pip-version-check)
step() { printf '\ncheck-dist: %s\n' "$*"; }
started=$SECONDS

step "build tools"
"$python" -m venv "$work/tools"
"$work/tools/bin/python" -m pip install "${pip_q[@]}" -r packaging/dist-requirements.txt

step "python -m build (sdist, then the wheel from the sdist)"
PIP_CONSTRAINT="$root/packaging/dist-requirements.txt" \
  "$work/tools/bin/python" -m build --outdir "$work/dist" . >"$work/build.log" 2>&1 ||
  { cat "$work/build.log"; exit 1; }
wheel=$(ls "$work"/dist/initscope-*.whl)
sdist=$(ls "$work"/dist/initscope-*.tar.gz)
ls -l "$work/dist"

step "contents of the wheel and the sdist"
git_files=()
if git -C "$root" rev-parse --git-dir >/dev/null 2>&1; then
  git -C "$root" ls-files >"$work/git-files.txt"
  git_files=(--git-files "$work/git-files.txt")
fi
"$work/tools/bin/python" scripts/check_dist.py "$wheel" "$sdist" "${git_files[@]}"

step "install the wheel into a fresh venv outside the checkout"
"$python" -m venv "$work/user"
"$work/user/bin/python" -m pip install "${pip_q[@]}" -c constraints.txt "$wheel"
cd "$work"  # nothing of the checkout on sys.path from here on
export QT_QPA_PLATFORM=offscreen
export INITSCOPE_LOG_DIR="$work/logs"
user=$work/user/bin
run_installed() {
  local py=$1
  "$py/initscope" --version
  [[ $("$py/initscope" --version) == "InitScope $("$py/python" -c \
    'import importlib.metadata as m; print(m.version("initscope"))')" ]]
  "$py/initscope" --help | grep -q -- "--headless"
  [[ $("$py/python" -m initscope --version) == $("$py/initscope" --version) ]]
  "$py/initscope" --headless --init he >"$work/he.txt"
  head -1 "$work/he.txt"
  grep -q "^Cost after iteration 0: 0.88305374634197" "$work/he.txt"
  tail -4 "$work/he.txt" | grep -qx "Accuracy: 0.9933333333333333"
  "$py/initscope-headless" --iterations 100 --print-every 50 | grep -q "iteration 50"
  if "$py/initscope" --no-such-option 2>/dev/null; then exit 1; fi
  # the animation export, drawn by the installed views with no display at all
  env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM timeout 120 "$py/initscope" --headless \
    --iterations 200 --export-animation "$work/run.gif" --frames 20 --width 640
  "$py/python" -c 'import sys; from PIL import Image; im = Image.open(sys.argv[1])
assert (im.n_frames, im.width) == (20, 640), (im.n_frames, im.size)' "$work/run.gif"
  rm "$work/run.gif"
  timeout 120 "$py/initscope" --smoke-test
}
run_installed "$user"
"$user/python" -m pip check

step "collision: another distribution owning top-level app/ and engine/"
mkdir -p "$work/other/src/app" "$work/other/src/engine"
echo 'WHO = "other"' >"$work/other/src/app/__init__.py"
echo 'WHO = "other"' >"$work/other/src/engine/__init__.py"
cat >"$work/other/pyproject.toml" <<'EOF'
[build-system]
requires = ["setuptools"]
build-backend = "setuptools.build_meta"
[project]
name = "other-app-engine"
version = "1.0"
[tool.setuptools.package-dir]
"" = "src"
EOF
PIP_CONSTRAINT="$root/packaging/dist-requirements.txt" \
  "$work/tools/bin/python" -m build -q --wheel --outdir "$work/other/dist" "$work/other" >/dev/null
"$user/python" -m pip install "${pip_q[@]}" "$work"/other/dist/*.whl
[[ $("$user/python" -c 'import engine, app; print(engine.WHO, app.WHO)') == "other other" ]]
"$user/initscope" --headless --iterations 10 --print-every 5 >/dev/null
"$user/python" -m pip uninstall "${pip_q[@]}" -y other-app-engine
"$user/python" - <<'EOF'
from importlib import metadata
from pathlib import Path

dist = metadata.distribution("initscope")
missing = [str(f) for f in dist.files if not Path(dist.locate_file(f)).exists()]
assert not missing, f"uninstalling the other package deleted: {missing}"
print(f"all {len(dist.files)} files of initscope still installed")
EOF
"$user/initscope" --headless --iterations 10 --print-every 5 >/dev/null
timeout 120 "$user/initscope" --smoke-test

step "the lowest declared versions (constraints-lowest.txt)"
"$python" -m venv "$work/lowest"
"$work/lowest/bin/python" -m pip install "${pip_q[@]}" -c "$root/constraints-lowest.txt" "$wheel"
"$work/lowest/bin/python" -m pip list --format=freeze | grep -iE '^(numpy|pyqt6|pyqtgraph|threadpoolctl|pillow)'
run_installed "$work/lowest/bin"

step "the unpacked sdist runs its own tests"
mkdir "$work/sdist"
tar -xzf "$sdist" -C "$work/sdist"
cd "$work"/sdist/initscope-*/
"$root/.venv/bin/python" -m pytest -q -p no:cacheprovider \
  tests/test_cli.py tests/test_packaging.py tests/engine/test_csv.py tests/test_pyqtgraph_i18n.py
step "passed in $((SECONDS - started)) s"
