#!/usr/bin/env bash
# Check TreatyDeck's Anki exports with Anki itself.
#
#   tests/anki/run.sh CARDS.json DECK FILE.apkg FILE.txt
#
# Makes (once) a Python virtual environment with the pinned `anki` package
# from PyPI under target/anki-venv (or $TREATYDECK_ANKI_VENV), then runs
# check_import.py. Exit 3 with one clear line if python3 or PyPI is missing;
# exit 1 if the check itself fails. Run by the integration test
# `interop::anki_imports_apkg_and_txt` (cargo test).
set -euo pipefail
ANKI_VERSION=26.9.3
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="${TREATYDECK_ANKI_VENV:-${CARGO_TARGET_DIR:-$root/target}/anki-venv}"
stamp="$venv/.treatydeck-anki-$ANKI_VERSION"
py="${PYTHON:-python3}"
if [ ! -f "$stamp" ]; then
    if ! command -v "$py" >/dev/null 2>&1; then
        echo "anki check: $py not found; install Python 3.9+ (or set TREATYDECK_SKIP_ANKI=1 to skip this check)" >&2
        exit 3
    fi
    start=$(date +%s)
    rm -rf "$venv"
    if ! "$py" -m venv "$venv" >/dev/null 2>"$venv.log"; then
        echo "anki check: '$py -m venv' failed (Debian: apt-get install python3-venv); see $venv.log (or set TREATYDECK_SKIP_ANKI=1)" >&2
        exit 3
    fi
    if ! "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "anki==$ANKI_VERSION" >>"$venv.log" 2>&1; then
        echo "anki check: pip install anki==$ANKI_VERSION failed (no PyPI?); see $venv.log (or set TREATYDECK_SKIP_ANKI=1)" >&2
        exit 3
    fi
    touch "$stamp"
    echo "anki check: made $venv with anki $ANKI_VERSION in $(( $(date +%s) - start )) s" >&2
fi
exec "$venv/bin/python" "$here/check_import.py" "$@"
