#!/usr/bin/env bash
# Installs the Debian packages the tests use beside the .NET SDK, if missing: python3-pandas (the
# analysis guide's pandas reading of `netsim export` files, run by a test with /usr/bin/python3),
# python3-numpy (the Python package netsim_gym and its tests, python/tests) and
# chromium (the HTML report loaded in a real browser, headless).
# Needs root or password-less sudo to install; otherwise says what is missing and exits 1.
set -euo pipefail

missing=()
/usr/bin/python3 -c 'import pandas' >/dev/null 2>&1 || missing+=(python3-pandas)
/usr/bin/python3 -c 'import numpy' >/dev/null 2>&1 || missing+=(python3-numpy)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  run=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  run=(sudo -n)
else
  echo "deps: the tests need the Debian packages ${missing[*]}; install them (apt-get install ${missing[*]}) or run as root" >&2
  exit 1
fi
echo "deps: installing ${missing[*]}" >&2
"${run[@]}" apt-get update -qq
"${run[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
