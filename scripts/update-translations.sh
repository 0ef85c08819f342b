#!/usr/bin/env bash
# Refresh the translation sources and compile them.
#
#   scripts/update-translations.sh            # extract strings into resources/i18n/*.ts, compile .qm
#
# Strings are extracted by pylupdate6 (in the PyQt6 wheel) from every translate("Context", "…")
# call in app/, including app/engine_strings.py, which lists the engine's own texts and is made by
# scripts/i18n_engine_strings.py.  The .qm files are compiled by lrelease from Debian's
# qt6-l10n-tools (the wheel has no lrelease); they are committed, so running the app needs neither.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export PYTHONUTF8=1  # pylupdate6 writes the .ts in the locale's encoding otherwise
LRELEASE=${LRELEASE:-/usr/lib/qt6/bin/lrelease}
LANGS=(zh_CN)

$PY scripts/i18n_engine_strings.py
for lang in "${LANGS[@]}"; do
  ts=resources/i18n/initscope_${lang}.ts
  .venv/bin/pylupdate6 --no-obsolete --no-summary --exclude 'engine_strings_check*' app --ts "$ts"
  if [[ ! -x $LRELEASE ]]; then
    echo "lrelease not found at $LRELEASE: apt-get install qt6-l10n-tools (or set LRELEASE)" >&2
    exit 1
  fi
  "$LRELEASE" -silent "$ts" -qm "resources/i18n/initscope_${lang}.qm"
done
# pyqtgraph's own menus (it ships no translations): its strings, then the .qm app/i18n.py loads.
$PY scripts/pyqtgraph_ts.py "${LANGS[@]}"
for lang in "${LANGS[@]}"; do
  "$LRELEASE" -silent "resources/i18n/pyqtgraph_${lang}.ts" -qm "resources/i18n/pyqtgraph_${lang}.qm"
done
$PY scripts/i18n_ts.py report resources/i18n/initscope_*.ts
