#!/usr/bin/env bash
# The Airflow tests, from a clean clone: builds the emulator and Flink jars if missing, creates (or
# reuses) the cached Airflow virtual environment, then runs pytest on scripts/airflow/tests:
# the DAG import test and a real end-to-end `airflow dags test` against the emulator and an
# embedded PostgreSQL. Extra arguments go to pytest (e.g. -k import). KEEP=1 keeps AIRFLOW_HOME.
set -euo pipefail
cd "$(dirname "$0")/../.."

command -v java >/dev/null || { echo "scripts/airflow/test.sh: a Java 17 JDK is required" >&2; exit 2; }
command -v mvn >/dev/null || { echo "scripts/airflow/test.sh: Maven (mvn) is required" >&2; exit 2; }

if [ ! -f emulator/target/actito-emulator.jar ] || [ ! -f runners/flink/target/actito-sync-flink.jar ]; then
  echo "== Building the emulator and the Flink jar"
  mvn -B -ntp -q -DskipTests package -pl emulator,runners/flink -am
fi

echo "== The Airflow virtual environment"
VENV=$(scripts/airflow/venv.sh)
echo "$VENV"

echo "== Resolving the demo database's classpath (embedded PostgreSQL)"
CP_FILE=$(mktemp)
trap 'rm -f "$CP_FILE"' EXIT
mvn -B -ntp -q -f scripts/demo/pom.xml dependency:build-classpath -Dmdep.outputFile="$CP_FILE" >/dev/null
export ACTITO_SYNC_DB_CLASSPATH
ACTITO_SYNC_DB_CLASSPATH=$(cat "$CP_FILE")

echo "== pytest scripts/airflow/tests"
cd scripts/airflow
exec "$VENV/bin/python" -m pytest -p no:cacheprovider -q tests "$@"
