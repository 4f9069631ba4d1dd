#!/usr/bin/env bash
# Builds the actito-sync Flex Template: the shaded jar (when missing), then the template spec in GCS
# and its launcher image in Artifact Registry / Container Registry.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: scripts/dataflow/build-template.sh

Builds runners/dataflow/target/actito-sync-dataflow.jar if it is missing (mvn package), then runs
  gcloud dataflow flex-template build gs://$BUCKET/templates/actito-sync.json ...
with runners/dataflow/metadata.json and main class org.actitosync.runners.dataflow.DataflowMain.

Required environment variables:
  BUCKET      GCS bucket (no gs://) receiving templates/actito-sync.json
  IMAGE       launcher image path, e.g. europe-west1-docker.pkg.dev/PROJECT/REPO/actito-sync:0.1.0
Optional:
  PROJECT     Google Cloud project (default: gcloud's configured project)
  REBUILD=1   rebuild the jar even when it exists

Needs: gcloud (authenticated), and Maven + JDK 17 when the jar must be built.
USAGE
}

case "${1:-}" in
  -h|--help) usage; exit 0 ;;
  "") ;;
  *) echo "build-template.sh: unexpected argument '$1'" >&2; usage >&2; exit 2 ;;
esac

missing=()
[[ -n "${BUCKET:-}" ]] || missing+=("BUCKET (GCS bucket for the template spec, without gs://)")
[[ -n "${IMAGE:-}" ]] || missing+=("IMAGE (launcher image path, e.g. REGION-docker.pkg.dev/PROJECT/REPO/actito-sync:TAG)")
if (( ${#missing[@]} )); then
  for m in "${missing[@]}"; do echo "build-template.sh: missing required variable $m" >&2; done
  echo "Run with --help for usage." >&2
  exit 2
fi
if [[ "$BUCKET" == gs://* ]]; then
  echo "build-template.sh: BUCKET is a bucket name, not a gs:// path: use ${BUCKET#gs://}" >&2
  exit 2
fi
command -v gcloud >/dev/null || { echo "build-template.sh: gcloud is required (Google Cloud SDK)" >&2; exit 2; }

cd "$(dirname "$0")/../.."
JAR=runners/dataflow/target/actito-sync-dataflow.jar
if [[ ! -f "$JAR" || "${REBUILD:-0}" == 1 ]]; then
  command -v mvn >/dev/null || { echo "build-template.sh: Maven (mvn) is required to build $JAR" >&2; exit 2; }
  mvn -B -ntp -pl runners/dataflow -am package -DskipTests
fi

project_args=()
[[ -n "${PROJECT:-}" ]] && project_args+=("--project=$PROJECT")

gcloud dataflow flex-template build "gs://$BUCKET/templates/actito-sync.json" \
  "${project_args[@]}" \
  --image-gcr-path="$IMAGE" \
  --sdk-language=JAVA \
  --flex-template-base-image=JAVA17 \
  --metadata-file=runners/dataflow/metadata.json \
  --jar="$JAR" \
  --env=FLEX_TEMPLATE_JAVA_MAIN_CLASS=org.actitosync.runners.dataflow.DataflowMain

echo "template: gs://$BUCKET/templates/actito-sync.json"
