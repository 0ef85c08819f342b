#!/usr/bin/env bash
# Build the one-folder InitScope bundle with PyInstaller: dist/InitScope/ (run its InitScope).
#
# It makes its own clean venv, build/bundle-venv, with the versions pinned in constraints.txt and
# packaging/build-requirements.txt (PyInstaller and its hooks), so the bundle never picks up
# whatever else is in .venv.  Then it smoke-tests the result: the headless He transcript, and,
# when the launcher has it, `--smoke-test` (the window offscreen: trains, switches language and
# projector mode, exits 0).
#
# Usage: scripts/build-bundle.sh [--no-smoke]      (PYTHON=python3.11 to choose the interpreter)
# Linux (tested) and macOS (untested; also makes dist/InitScope.app).  Windows: docs/packaging.md.
# Needs: Python 3.10+ built with a shared libpython (python.org, Debian, pyenv with
#        --enable-shared), binutils (objdump) and ldd; the smoke tests need the libraries
#        scripts/setup.sh installs (libegl1, libgl1, libfontconfig1, ...).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd -P)
smoke=1
for arg in "$@"; do
  case $arg in
    --no-smoke) smoke=0 ;;
    -h | --help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build-bundle: unknown option '$arg'" >&2; exit 2 ;;
  esac
done

python=${PYTHON:-python3}
venv=build/bundle-venv
start=$(date +%s)

if [[ ! -x $venv/bin/python ]]; then
  echo "build-bundle: creating $venv"
  "$python" -m venv "$venv"
fi
stamp=$venv/.initscope-build-installed
sha256() { if command -v sha256sum >/dev/null 2>&1; then sha256sum; else shasum -a 256; fi; }
want=$(cat pyproject.toml constraints.txt packaging/build-requirements.txt | sha256 | cut -d' ' -f1)
if [[ ! -f $stamp || $(cat "$stamp") != "$want" ]]; then
  echo "build-bundle: installing InitScope's dependencies and PyInstaller into $venv"
  "$venv/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
  # The project itself (non-editable) pulls its dependencies at the versions CI tests; the code
  # that is bundled is the checkout's own (the spec puts the checkout first on the path).
  # setuptools builds in the tree: start from an empty build/lib so no deleted module lingers.
  rm -rf build/lib build/bdist.*
  "$venv/bin/python" -m pip install -q --disable-pip-version-check \
    -c constraints.txt . -r packaging/build-requirements.txt
  echo "$want" >"$stamp"
fi
# Nothing from an earlier build may leak in: PyInstaller's cache and work folders, the old bundle.
rm -rf build/pyinstaller dist/InitScope dist/InitScope.app
echo "build-bundle: running PyInstaller"
"$venv/bin/python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/initscope.spec
end=$(date +%s)

exe=dist/InitScope/InitScope
[[ -x $exe ]] || { echo "build-bundle: $exe was not made" >&2; exit 1; }
size=$(du -sh dist/InitScope | cut -f1)
echo "build-bundle: built $root/dist/InitScope in $((end - start)) s; size $size"

if ((smoke)); then
  echo "build-bundle: smoke test 1: $exe --headless --init he"
  out=$("$exe" --headless --init he)
  # The tutorial's numbers (the last digit may differ with the BLAS build, as README.md says).
  if ! grep -q "^Cost after iteration 0: 0\.88305374634197" <<<"$out" \
    || ! grep -q "^Cost after iteration 14000: 0\.0735789596267" <<<"$out" \
    || ! grep -q "^Accuracy: 0\.99333" <<<"$out"; then
    echo "$out" >&2
    echo "build-bundle: the bundle's He transcript is not the tutorial's" >&2
    exit 1
  fi
  echo "build-bundle: smoke test 1 passed (the tutorial's He transcript)"
  if grep -q -- "--smoke-test" app/launch.py; then
    echo "build-bundle: smoke test 2: QT_QPA_PLATFORM=offscreen $exe --smoke-test"
    limit=()
    command -v timeout >/dev/null 2>&1 && limit=(timeout 300)  # the app gives up after 60 s itself
    QT_QPA_PLATFORM=offscreen ${limit[@]+"${limit[@]}"} "$exe" --smoke-test
    echo "build-bundle: smoke test 2 passed"
  else
    echo "build-bundle: smoke test 2 skipped: app/launch.py has no --smoke-test yet"
  fi
  echo "build-bundle: smoke test 3: an animation exported with no display (Pillow, offscreen Qt)"
  gif=$(mktemp -d)/run.gif
  env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$exe" --headless --iterations 200 \
    --export-animation "$gif" --frames 20 --width 640
  [[ -s $gif ]] || { echo "build-bundle: no animation was written" >&2; exit 1; }
  rm -r "$(dirname "$gif")"
  echo "build-bundle: smoke test 3 passed"
fi
echo "build-bundle: done.  Menu entry for this bundle: scripts/install-desktop.sh --bundle"
