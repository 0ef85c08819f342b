#!/usr/bin/env bash
# Put InitScope in the desktop's application menu for the current user (no root needed):
#   ~/.local/share/applications/initscope.desktop
#   ~/.local/share/icons/hicolor/<N>x<N>/apps/initscope.png and scalable/apps/initscope.svg
# ($XDG_DATA_HOME instead of ~/.local/share when it is set.)
#
# Usage: scripts/install-desktop.sh              launcher runs this checkout's scripts/run-app.sh
#        scripts/install-desktop.sh --bundle [DIR]   launcher runs DIR/InitScope (default:
#                                      dist/InitScope, made by scripts/build-bundle.sh)
#        scripts/install-desktop.sh --uninstall      remove what an install put there
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd -P)
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
apps_dir=$data_home/applications
icons_dir=$data_home/icons/hicolor
sizes=(16 32 48 64 128 256)
desktop_name=initscope.desktop

usage() { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; }

mode=checkout
bundle_dir=$root/dist/InitScope
while (($#)); do
  case $1 in
    --bundle)
      mode=bundle
      if [[ $# -ge 2 && $2 != --* ]]; then bundle_dir=$2; shift; fi
      ;;
    --uninstall) mode=uninstall ;;
    -h | --help) usage; exit 0 ;;
    *) echo "install-desktop: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

refresh_caches() {
  # Menus notice new files by themselves on most desktops; these only speed it up.
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$apps_dir" 2>/dev/null || true
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1 && [[ -d $icons_dir ]]; then
    gtk-update-icon-cache -q -f -t "$icons_dir" 2>/dev/null || true
  fi
}

if [[ $mode == uninstall ]]; then
  rm -f "$apps_dir/$desktop_name" "$icons_dir/scalable/apps/initscope.svg"
  for n in "${sizes[@]}"; do rm -f "$icons_dir/${n}x${n}/apps/initscope.png"; done
  refresh_caches
  echo "install-desktop: removed InitScope from $apps_dir and $icons_dir"
  exit 0
fi

if [[ $mode == bundle ]]; then
  if ! bundle_abs=$(cd "$bundle_dir" 2>/dev/null && pwd -P); then
    echo "install-desktop: no bundle at '$bundle_dir'; build it with scripts/build-bundle.sh" >&2
    exit 1
  fi
  bundle_dir=$bundle_abs
  target=$bundle_dir/InitScope
  if [[ ! -x $target ]]; then
    echo "install-desktop: $target is missing or not executable" >&2
    exit 1
  fi
else
  target=$root/scripts/run-app.sh
  if [[ ! -x $root/.venv/bin/python ]]; then
    echo "install-desktop: note: $root/.venv does not exist yet; run scripts/run-app.sh once in" \
      "a terminal (it installs what the window needs, perhaps with sudo) before using the menu" >&2
  fi
fi

if [[ $target == *%* ]]; then
  echo "install-desktop: warning: the path has a '%'; GLib-based menus may fail to start it" >&2
fi
# Exec value (Desktop Entry spec): quote the path; inside quotes escape " ` $ \ with a backslash,
# then double every backslash (string escaping) and every % (field codes).
quoted=$target
quoted=${quoted//\\/\\\\}
quoted=${quoted//\"/\\\"}
quoted=${quoted//\`/\\\`}
quoted=${quoted//\$/\\\$}
quoted=\"$quoted\"
quoted=${quoted//\\/\\\\}
quoted=${quoted//%/%%}

mkdir -p "$apps_dir" "$icons_dir/scalable/apps"
for n in "${sizes[@]}"; do
  mkdir -p "$icons_dir/${n}x${n}/apps"
  install -m 644 "$root/resources/icons/initscope-$n.png" "$icons_dir/${n}x${n}/apps/initscope.png"
done
install -m 644 "$root/resources/icons/initscope.svg" "$icons_dir/scalable/apps/initscope.svg"

tmp=$(mktemp "$apps_dir/.initscope.XXXXXX")
trap 'rm -f "$tmp"' EXIT
# Replace Exec, drop the template's comment lines about it; everything else is copied as it is.
EXEC_LINE="Exec=$quoted" awk '
  /^Exec=/ { print ENVIRON["EXEC_LINE"]; next }
  /^# / { next }
  { print }
' "$root/resources/$desktop_name" >"$tmp"
chmod 644 "$tmp"
mv "$tmp" "$apps_dir/$desktop_name"
trap - EXIT

if command -v desktop-file-validate >/dev/null 2>&1; then
  # Errors fail the install (the file stays, to be looked at); hints such as "two main
  # categories" (Education and Science, on purpose) are not printed.
  desktop-file-validate --no-hints "$apps_dir/$desktop_name"
fi
refresh_caches
echo "install-desktop: installed $apps_dir/$desktop_name"
echo "install-desktop: the launcher runs $target"
