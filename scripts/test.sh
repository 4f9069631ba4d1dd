#!/usr/bin/env bash
# The whole test suite, from a clean clone: builds every module it needs and runs every test.
# Exits non-zero on any failure. Extra arguments go to Maven (e.g. -pl transforms -am).
set -euo pipefail
cd "$(dirname "$0")/.."

command -v mvn >/dev/null || { echo "scripts/test.sh: Maven (mvn) is required" >&2; exit 2; }
command -v java >/dev/null || { echo "scripts/test.sh: a Java 17 JDK is required" >&2; exit 2; }

# The demo and the Airflow DAGs are part of the suite too: they run as integration tests of
# runners/flink (DemoIT, AirflowIT: scripts/demo.sh and scripts/airflow/test.sh, with the jar that
# module builds), beside its other jar ITs. The demo fails if Actito's table does not match the
# source at the end; the Airflow tests are the import test and a real `airflow dags test` run.
#
# -T 4: once the pipeline module is built, the launcher's end-to-end tests (module e2e) and the three
# runner modules build and run side by side
# (runners/flink's FlinkClusterIT spends ~4 minutes waiting on Actito's call budget by design).
mvn -B -ntp -T 4 verify "$@"
