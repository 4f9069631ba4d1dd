#!/usr/bin/env bash
# The whole test suite, from a clean clone: builds every module it needs and runs every test.
# Exits non-zero on any failure. Extra arguments go to Maven (e.g. -pl transforms -am).
set -euo pipefail
cd "$(dirname "$0")/.."

command -v mvn >/dev/null || { echo "scripts/test.sh: Maven (mvn) is required" >&2; exit 2; }
command -v java >/dev/null || { echo "scripts/test.sh: a Java 17 JDK is required" >&2; exit 2; }

# -T 3: once the pipeline module is built, the three runner modules build and run their jar ITs side
# by side (runners/flink's FlinkClusterIT spends ~4 minutes waiting on Actito's call budget by design).
mvn -B -ntp -T 3 verify "$@"

# The demo is part of the suite: it fails if Actito's table does not match the source at the end.
# So are the Airflow DAGs: the import test and a real `airflow dags test` run (scripts/airflow/).
# The two run side by side (each has its own emulator, database and ports): both are mostly JVM
# start-ups and waits on Actito's real call budget, so together they take little more than the
# longer one. The demo's output is printed when both are done.
if [ $# -eq 0 ]; then
  DEMO_LOG=$(mktemp)
  scripts/demo.sh >"$DEMO_LOG" 2>&1 &
  DEMO_PID=$!
  # a background job ignores Ctrl-C: stop the demo (it cleans up on TERM) when this script stops
  trap '[ -z "$DEMO_PID" ] || { kill "$DEMO_PID" 2>/dev/null; wait "$DEMO_PID" 2>/dev/null; }; rm -f "$DEMO_LOG"' EXIT
  trap 'exit 130' INT TERM
  airflow_code=0
  scripts/airflow/test.sh || airflow_code=$?
  demo_code=0
  wait "$DEMO_PID" || demo_code=$?
  DEMO_PID=
  echo "== scripts/demo.sh (ran beside the Airflow tests)"
  cat "$DEMO_LOG"
  [ "$demo_code" -eq 0 ] || echo "scripts/test.sh: scripts/demo.sh failed (exit $demo_code)" >&2
  [ "$airflow_code" -eq 0 ] || echo "scripts/test.sh: scripts/airflow/test.sh failed (exit $airflow_code)" >&2
  [ "$demo_code" -eq 0 ] && [ "$airflow_code" -eq 0 ]
fi
