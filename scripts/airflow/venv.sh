#!/usr/bin/env bash
# Creates (once) and prints the path of the virtual environment with Airflow and the providers, in
# ${ACTITO_SYNC_CACHE:-~/.cache/actito-sync}/airflow-venv-<hash>, the hash covering the Python version,
# requirements.txt and the constraints file: reruns on the same machine reuse it, a changed pin makes
# a new one. A half-made environment (interrupted install) has no .complete marker and is rebuilt.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
PYTHON=${PYTHON:-$(command -v python3.11 || command -v python3)}
CONSTRAINTS=$(ls "$HERE"/constraints-*-py3.11.txt)
"$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else 1)' || {
  echo "scripts/airflow/venv.sh: Python 3.11 is required (the constraints are for 3.11); set PYTHON=" >&2; exit 2; }
HASH=$({ "$PYTHON" --version; cat "$HERE/requirements.txt" "$CONSTRAINTS"; } | sha256sum | cut -c1-12)
CACHE=${ACTITO_SYNC_CACHE:-$HOME/.cache/actito-sync}
VENV=$CACHE/airflow-venv-$HASH
mkdir -p "$CACHE"
exec 9>"$VENV.lock"
flock 9   # one install at a time; a second caller waits and then reuses it
if [ ! -f "$VENV/.complete" ]; then
  rm -rf "$VENV"
  echo "scripts/airflow/venv.sh: installing Airflow into $VENV (first time only, several minutes)" >&2
  started=$(date +%s)
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check -r "$HERE/requirements.txt" -c "$CONSTRAINTS" >&2
  touch "$VENV/.complete"
  echo "scripts/airflow/venv.sh: installed in $(( $(date +%s) - started )) s" >&2
fi
echo "$VENV"
