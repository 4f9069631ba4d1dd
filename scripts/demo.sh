#!/usr/bin/env bash
# The actito-sync demo: a warehouse (embedded PostgreSQL) with customers and orders, Actito (the local
# emulator), and one MIRROR activation run three times with the Flink jar (embedded Flink cluster):
#   1. the first full sync;
#   2. after the warehouse changes (new, changed and deleted orders, one bad row, an order of a new
#      customer, whose profile is created first);
#   3. with no change at all.
# Each run's terminal output is shown as is; at the end the emulator's table is printed next to the
# source and the script says whether they match (exit 0) or not (exit 1). It cleans up what it started, also on Ctrl-C.
#
# Usage: scripts/demo.sh            (KEEP=1 keeps the work folder; PORT=8089 picks the emulator port)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

EMULATOR_JAR=emulator/target/actito-emulator.jar
SYNC_JAR=runners/flink/target/actito-sync-flink.jar
WORK=$(mktemp -d "${TMPDIR:-/tmp}/actito-sync-demo.XXXXXX")
PIDS=()

cleanup() {
  local code=$?
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && wait "$pid" 2>/dev/null || true
  done
  if [ "${KEEP:-0}" = 1 ]; then echo "work folder kept: $WORK"; else rm -rf "$WORK"; fi
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

# --- build what is missing ---------------------------------------------------------------------
if [ ! -f "$EMULATOR_JAR" ] || [ ! -f "$SYNC_JAR" ]; then
  step "Building the emulator and the Flink jar (first time only)"
  mvn -B -ntp -q -DskipTests package -pl emulator,runners/flink -am
fi
step "Resolving the demo database's classpath"
mvn -B -ntp -q -f scripts/demo/pom.xml dependency:build-classpath -Dmdep.outputFile="$WORK/db-classpath.txt" >/dev/null
DB_CP=$(cat "$WORK/db-classpath.txt")
db() { java -cp "$DB_CP" scripts/demo/DemoDatabase.java "$@"; }

# --- start Actito (the emulator) and the warehouse -------------------------------------------------
PORT=${PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')}
step "Starting the Actito emulator on port $PORT"
java -jar "$EMULATOR_JAR" --port="$PORT" --data=scripts/demo/actito-data.json >"$WORK/emulator.log" 2>&1 &
PIDS+=($!)
step "Starting the warehouse (embedded PostgreSQL)"
# java itself in the background (not the db function, whose subshell would get the kill and leave
# the database running after the demo)
java -cp "$DB_CP" scripts/demo/DemoDatabase.java start "$WORK" >"$WORK/db.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 120); do
  [ -f "$WORK/jdbc-url" ] && curl -sf "http://127.0.0.1:$PORT/_emulator/stats" >/dev/null 2>&1 && break
  sleep 0.5
done
[ -f "$WORK/jdbc-url" ] || { echo "the database did not start:"; cat "$WORK/db.log"; exit 1; }
JDBC_URL=$(cat "$WORK/jdbc-url")
db sql "$JDBC_URL" scripts/demo/segment.sql

# --- the activation ----------------------------------------------------------------------------------
printf '%s' demo-api-key-not-secret >"$WORK/actito.key"
chmod 600 "$WORK/actito.key"
cat >"$WORK/orders.yaml" <<YAML
name: demo-orders
source:
  jdbc:
    url: $JDBC_URL
    query: SELECT order_id, customer_id, amount, status, ordered_at, email, first_name, last_name FROM segment
key: order_id
mapping:
  - {column: order_id, attribute: orderId}
  - {column: customer_id, attribute: customerId}
  - {column: amount, attribute: amount}
  - {column: status, attribute: status}
  - {column: ordered_at, attribute: orderedAt}
mode: MIRROR
target:
  baseUrl: http://127.0.0.1:$PORT
  entity: demo
  table: orders
  apiKeyFile: $WORK/actito.key
profiles:
  insertMissing: on
  table: customers
  linkAttribute: customerId
  profileAttribute: customerId
  attributes:                       # segment columns used only to create a missing profile
    emailAddress: {column: email}
    lastName: {column: last_name}
    firstName: {column: first_name}
snapshot:
  root: $WORK/snapshots
warnings:
  maxDeleteShare: 0.3   # the demo deletes 2 of 8 orders; the default guard allows 10 %
YAML

RUNS=0
# One run, printed as a user sees it in a terminal (stdout and stderr), between the command line and
# "(exit N)"; the runner's own logs are in the run's folder (snapshots/demo-orders/runs/<runId>/run.log,
# kept with KEEP=1).
run() {
  local code=0
  RUNS=$((RUNS + 1))
  echo "\$ java -jar $SYNC_JAR --config=$WORK/orders.yaml --progressSeconds=0"
  java -jar "$SYNC_JAR" --config="$WORK/orders.yaml" --progressSeconds=0 2>&1 || code=$?
  case $code in
    0) echo "(exit 0)";;
    5) echo "(exit 5: the run completed; rejected rows are in the dead letters and are retried next run)";;
    *) echo "(exit $code: run $RUNS failed)"; exit 1;;
  esac
}

step "Run 1: first full sync"
run
step "The warehouse changes: 3 new orders (one of a new customer), 2 changed, 2 deleted, 1 bad row"
db sql "$JDBC_URL" scripts/demo/changes.sql
step "Run 2: incremental sync"
run
step "Run 3: no change in the warehouse"
run

# --- compare -----------------------------------------------------------------------------------------
step "Actito (emulator) next to the source"
db dump "$JDBC_URL" "SELECT order_id, customer_id, amount::text, status,
  to_char(ordered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') FROM segment ORDER BY order_id" >"$WORK/source.tsv"
curl -sf "http://127.0.0.1:$PORT/_emulator/records/demo/orders" >"$WORK/actito.json"
curl -sf "http://127.0.0.1:$PORT/_emulator/profiles/demo/customers" | python3 -c '
import json, sys
for p in json.load(sys.stdin):
    if p.get("customerId") == 1005:
        print("profile created for the new customer 1005:", p.get("firstName"), p.get("lastName"), p.get("emailAddress"))
'
cat "$WORK"/snapshots/demo-orders/runs/*/rejected/*.jsonl 2>/dev/null >"$WORK/rejected.jsonl" || true
python3 scripts/demo/compare.py "$WORK/source.tsv" "$WORK/actito.json" "$WORK/rejected.jsonl"
