#!/usr/bin/env bash
# Installs what the program and its tests need, on a fresh Debian/Ubuntu machine:
# the system libraries Qt loads (with apt-get when run as root, otherwise it names them),
# then a virtual environment in .venv with the package and its extras.
# Usage: bash scripts/setup.sh [gui]   ("gui" adds the X11 libraries a real window needs)
set -euo pipefail
cd "$(dirname "$0")/.."

QT_LIBS="libgl1 libegl1 libglib2.0-0 libfontconfig1 libxkbcommon0 libdbus-1-3 fonts-dejavu-core"
GUI_LIBS="libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-randr0"
wanted="$QT_LIBS"
[ "${1:-}" = "gui" ] && wanted="$wanted $GUI_LIBS"

missing=""
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in $wanted; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
  done
fi
if ! python3 -c "import venv, ensurepip" >/dev/null 2>&1; then
  missing="$missing python3-venv"
fi
if [ -n "$missing" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing system packages:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
  else
    echo "Missing system packages:$missing" >&2
    echo "Install them first, e.g.: sudo apt-get install$missing" >&2
    exit 1
  fi
fi

python3 - <<'PY' || { echo "Python 3.11 or newer is required." >&2; exit 1; }
import sys
sys.exit(0 if sys.version_info >= (3, 11) else 1)
PY

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
stamp=.venv/.installed-$(cat pyproject.toml setup.py | sha1sum | cut -c1-12)
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e ".[test,fast]"
  rm -f .venv/.installed-*
  touch "$stamp"
fi
