"""Reads a run's report.json and decides what it means for the Airflow task."""
from __future__ import annotations

import json
from dataclasses import dataclass

# Exit codes of the jar (README.md, "Exit codes").
EXIT_NAMES = {
    0: "OK",
    1: "PIPELINE_FAILURE",
    2: "CONFIG_ERROR",
    3: "AUTH_ERROR",
    4: "GUARD_REFUSAL",
    5: "REJECTED_ROWS",
    6: "COMMIT_CONFLICT",
    7: "CRITICAL_WARNING",
}
EXIT_MEANING = {
    1: "pipeline failure: nothing committed; rerun, it resumes from the last commit",
    2: "configuration error: nothing read or written; fix the config",
    3: "authentication error: Actito refused the API key",
    4: "guard refusal: nothing written, snapshot unchanged; fix the source or confirm with the exact"
    " number the message gives (trigger the DAG with conf {\"confirmDeletes\": N}, ...)",
    6: "commit conflict: another run committed from the same base first; the next run re-applies",
}
# Completed and committed: the report exists and the check task reads it.
COMPLETED = (0, 5, 7)


@dataclass(frozen=True)
class Verdict:
    counts: dict  # what goes to XCom
    failures: list  # why the task fails (empty: it succeeds)
    warnings: list  # logged, the task still succeeds


def judge(report: dict) -> Verdict:
    """The counts to publish, and whether the run must fail the task (critical warnings)."""
    classified = report.get("classified") or {}
    outcomes = report.get("outcomeTotals") or {}
    warnings = report.get("warnings") or []
    level = report.get("warningLevel") or "NONE"
    exit_name = report.get("exit") or "?"
    counts = {
        "runId": report.get("runId"),
        "exit": exit_name,
        "warningLevel": level,
        "classified": classified,
        "outcomes": outcomes,
    }
    failures, notes = [], []
    critical = [w for w in warnings if w.get("level") == "CRITICAL"]
    if level == "CRITICAL" or exit_name == "CRITICAL_WARNING" or critical:
        failures += [_describe(w) for w in critical] or ["the run ended with a critical warning (exit 7)"]
    notes += [_describe(w) for w in warnings if w.get("level") != "CRITICAL"]
    bad = int(classified.get("REJECTED", 0)) + int(outcomes.get("REJECTED", 0)) + int(outcomes.get("FAILED", 0))
    if bad or exit_name == "REJECTED_ROWS":
        notes.append(f"{bad} row(s) rejected or failed: see the run's dead letters; they are retried next run")
    return Verdict(counts=counts, failures=failures, warnings=notes)


def _describe(warning: dict) -> str:
    text = f"{warning.get('level', 'WARNING')} {warning.get('name', '?')}"
    if "value" in warning or "threshold" in warning:
        text += f" ({warning.get('value')} against {warning.get('threshold')})"
    return text + (f": {warning['message']}" if warning.get("message") else "")


def report_path(snapshot_root: str, name: str, run_id: str, plan: bool = False) -> str:
    """Where the launcher writes the run's report."""
    return "/".join([snapshot_root.rstrip("/"), name, "runs", run_id] + (["plan"] if plan else []) + ["report.json"])


def read(path: str) -> dict:
    """The report at ``path``: a local path, or gs:// through the Google provider's GCS hook."""
    if path.startswith("gs://"):
        from airflow.providers.google.cloud.hooks.gcs import GCSHook

        bucket, _, blob = path[len("gs://"):].partition("/")
        return json.loads(GCSHook().download(bucket_name=bucket, object_name=blob))
    with open(path, encoding="utf-8") as f:
        return json.load(f)
