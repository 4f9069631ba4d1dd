#!/usr/bin/env bash
# Launches one actito-sync run (one activation) from the Flex Template built by build-template.sh.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: scripts/dataflow/launch.sh [NAME=VALUE ...]

Runs
  gcloud dataflow flex-template run JOB --template-file-gcs-location=gs://$BUCKET/templates/actito-sync.json
    --region=$REGION --parameters=config=$CONFIG[,NAME=VALUE...]
Each NAME=VALUE argument is one more template parameter (a setting such as write.concurrency=3, or
dryRun=true, runId=..., apiKeySecret=projects/P/secrets/S/versions/V); see runners/dataflow/metadata.json.
A value containing a comma is passed with gcloud's alternate-delimiter syntax automatically.

Required environment variables:
  BUCKET      GCS bucket (no gs://) holding templates/actito-sync.json
  REGION      Dataflow region, e.g. europe-west1
  CONFIG      the activation's YAML file, gs://BUCKET/PATH.yaml
Optional:
  PROJECT          Google Cloud project (default: gcloud's configured project)
  JOB_NAME         default: actito-sync-<UTC timestamp>
  SERVICE_ACCOUNT  worker service account email
  TEMP_LOCATION    default: gs://$BUCKET/tmp

Needs: gcloud (authenticated).
USAGE
}

for arg in "$@"; do
  case "$arg" in
    -h|--help) usage; exit 0 ;;
    *=*) ;;
    *) echo "launch.sh: expected NAME=VALUE, got '$arg'" >&2; usage >&2; exit 2 ;;
  esac
done

missing=()
[[ -n "${BUCKET:-}" ]] || missing+=("BUCKET (GCS bucket holding templates/actito-sync.json, without gs://)")
[[ -n "${REGION:-}" ]] || missing+=("REGION (Dataflow region, e.g. europe-west1)")
[[ -n "${CONFIG:-}" ]] || missing+=("CONFIG (the activation's YAML file, gs://BUCKET/PATH.yaml)")
if (( ${#missing[@]} )); then
  for m in "${missing[@]}"; do echo "launch.sh: missing required variable $m" >&2; done
  echo "Run with --help for usage." >&2
  exit 2
fi
if [[ "$CONFIG" != gs://* ]]; then
  echo "launch.sh: CONFIG must be a gs:// path (the launcher VM cannot read local files), got '$CONFIG'" >&2
  exit 2
fi
command -v gcloud >/dev/null || { echo "launch.sh: gcloud is required (Google Cloud SDK)" >&2; exit 2; }

params=("config=$CONFIG" "$@")
joined="$(IFS=,; echo "${params[*]}")"
# gcloud splits --parameters on commas; with a comma inside a value, switch the delimiter to '~'.
if [[ "$(IFS=; echo "${params[*]}")" == *,* ]]; then
  joined="^~^$(IFS='~'; echo "${params[*]}")"
fi

extra=()
[[ -n "${PROJECT:-}" ]] && extra+=("--project=$PROJECT")
[[ -n "${SERVICE_ACCOUNT:-}" ]] && extra+=("--service-account-email=$SERVICE_ACCOUNT")

gcloud dataflow flex-template run "${JOB_NAME:-actito-sync-$(date -u +%Y%m%d-%H%M%S)}" \
  "${extra[@]}" \
  --template-file-gcs-location="gs://$BUCKET/templates/actito-sync.json" \
  --region="$REGION" \
  --temp-location="${TEMP_LOCATION:-gs://$BUCKET/tmp}" \
  --parameters="$joined"
