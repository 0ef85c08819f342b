#!/usr/bin/env bash
# Set everything up (first time only), lint with ruff, then run the whole test suite offscreen.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
.venv/bin/ruff check .
.venv/bin/ruff format --check .
QT_QPA_PLATFORM=offscreen exec .venv/bin/python -m pytest "$@"
