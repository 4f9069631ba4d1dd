#!/usr/bin/env bash
# The whole test suite, from a clean clone: builds every module it needs and runs every test.
# Exits non-zero on any failure. Extra arguments go to Maven (e.g. -pl transforms -am).
set -euo pipefail
cd "$(dirname "$0")/.."

command -v mvn >/dev/null || { echo "scripts/test.sh: Maven (mvn) is required" >&2; exit 2; }
command -v java >/dev/null || { echo "scripts/test.sh: a Java 17 JDK is required" >&2; exit 2; }

mvn -B -ntp verify "$@"

# The demo is part of the suite: it fails if Actito's table does not match the source at the end.
# So are the Airflow DAGs: the import test and a real `airflow dags test` run (scripts/airflow/).
if [ $# -eq 0 ]; then
  scripts/demo.sh
  scripts/airflow/test.sh
fi
