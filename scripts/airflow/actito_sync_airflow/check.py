"""The check task: reads the sync's run report, pushes its counts to XCom, fails on a critical
warning."""
from __future__ import annotations

import logging

from airflow.exceptions import AirflowException

from . import report as reports
from .activation import Activation

log = logging.getLogger(__name__)


def check_report(activation: Activation, ti) -> dict:
    """Returns the counts (XCom ``return_value``); also pushes ``classified`` and ``outcomes``."""
    sync = ti.xcom_pull(task_ids="sync") or {}
    path = sync.get("report")
    if not path:
        raise AirflowException("the sync task left no run id in XCom: nothing to check")
    try:
        report = reports.read(path)
    except FileNotFoundError:
        raise AirflowException(f"no run report at {path}: the sync did not complete") from None
    verdict = reports.judge(report)
    ti.xcom_push(key="classified", value=verdict.counts["classified"])
    ti.xcom_push(key="outcomes", value=verdict.counts["outcomes"])
    log.info("run %s of %s: exit %s, warnings %s, classified %s, outcomes %s", verdict.counts["runId"],
             activation.name, verdict.counts["exit"], verdict.counts["warningLevel"],
             verdict.counts["classified"], verdict.counts["outcomes"])
    for note in verdict.warnings:
        log.warning("%s", note)
    if verdict.failures:
        raise AirflowException("critical warning(s) in " + path + ": " + "; ".join(verdict.failures))
    return verdict.counts
