#!/usr/bin/env bash
# Installs the Debian packages mockint needs when they are missing.
# Usage: ensure-debian-packages.sh [--optional] PACKAGE...
# With --optional, a package that cannot be installed only prints a warning (the app still
# runs without a microphone); otherwise the script fails with a message naming the fix.
set -u
optional=0
if [ "${1:-}" = "--optional" ]; then optional=1; shift; fi

missing=()
for pkg in "$@"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ "${#missing[@]}" -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "mockint: these system packages are missing and apt-get is not available: ${missing[*]}" >&2
  [ "$optional" -eq 1 ] && exit 0 || exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  echo "mockint: please install the missing system packages, then run make again:" >&2
  echo "  sudo apt-get install ${missing[*]}" >&2
  [ "$optional" -eq 1 ] && exit 0 || exit 1
fi

echo "mockint: installing system packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# A fresh machine has no package lists yet; update once before installing.
"${sudo[@]}" apt-get update -qq >/dev/null || true
if ! "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
  echo "mockint: apt-get could not install: ${missing[*]}" >&2
  [ "$optional" -eq 1 ] && exit 0 || exit 1
fi
