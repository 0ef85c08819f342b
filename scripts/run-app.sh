#!/usr/bin/env bash
# Set everything up (first time only) and open the InitScope window.  Extra arguments go to main.py.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh app
exec .venv/bin/python main.py "$@"
