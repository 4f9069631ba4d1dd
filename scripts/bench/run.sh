#!/usr/bin/env bash
# The benchmarks (issue 9; results and how to read them: docs/benchmarks.md).
#
#   scripts/bench/run.sh [--sizes=100000,1000000,10000000] [--quick] [--publish] [other bench.py options]
#
# Builds what is missing (the Flink, Direct and emulator jars), resolves the embedded PostgreSQL's
# classpath (scripts/demo/pom.xml), compiles the two bench-only Java mains (Seed, StrategyPicks) against
# the Flink jar, makes a Python venv with matplotlib (${HOME}/.cache/actito-sync/bench-venv), then runs
# scripts/bench/bench.py: results in target/bench/results.json, the table on stdout; --publish also
# writes docs/benchmarks.json and docs/benchmarks.png. --quick: one tiny size (2,000 rows: a few minutes;
# the API part at realistic limits and the runner comparison, which take minutes by design, are skipped).
# MAVEN_REPO=DIR passes -Dmaven.repo.local=DIR to Maven.
# --only=fixed: only issue 18's fixed cost (the 1,000-row dry run, --fixed-variants=default,asstarted,c1serial,...).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
OUT=target/bench
MVN=(mvn -B -ntp -q)
[ -n "${MAVEN_REPO:-}" ] && MVN+=("-Dmaven.repo.local=$MAVEN_REPO")

ARGS=()
PUBLISH=0
RESULTS="$OUT/results.json"
for a in "$@"; do
  case "$a" in
    --quick) ARGS+=(--sizes=2000 --skip=api,runners --profile-size=2000);;
    --publish) PUBLISH=1;;
    --results=*) RESULTS="${a#--results=}"; ARGS+=("$a");;
    *) ARGS+=("$a");;
  esac
done

if [ ! -f runners/flink/target/actito-sync-flink.jar ] || [ ! -f runners/direct/target/actito-sync-direct.jar ] \
    || [ ! -f emulator/target/actito-emulator.jar ]; then
  echo "building the jars (first time only)"
  "${MVN[@]}" -DskipTests package -pl runners/flink,runners/direct,emulator -am
fi
mkdir -p "$OUT/classes"
[ -f "$OUT/db-classpath.txt" ] || "${MVN[@]}" -f scripts/demo/pom.xml dependency:build-classpath \
  -Dmdep.outputFile="$ROOT/$OUT/db-classpath.txt" >/dev/null
javac -cp runners/flink/target/actito-sync-flink.jar -d "$OUT/classes" scripts/bench/Seed.java scripts/bench/StrategyPicks.java

VENV=${HOME}/.cache/actito-sync/bench-venv
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import matplotlib' 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q matplotlib
fi

rm -rf "$OUT/work"
"$VENV/bin/python" scripts/bench/bench.py "${ARGS[@]}"
if [ "$PUBLISH" = 1 ]; then
  "$VENV/bin/python" scripts/bench/report.py "$RESULTS" --json=docs/benchmarks.json --png=docs/benchmarks.png
else
  "$VENV/bin/python" scripts/bench/report.py "$RESULTS" --png="$OUT/benchmarks.png"
fi
