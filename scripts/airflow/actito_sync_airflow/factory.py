"""One DAG per activation config: plan (dry run) >> sync >> check (the run report)."""
from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone
from pathlib import Path

from airflow.sdk import DAG

from .activation import Activation, load_folder
from .check import check_report
from .locations import ACTIVATIONS_ENV, FLINK_JAR_ENV, activations_folder, flink_jar  # noqa: F401 (this module's API)

log = logging.getLogger(__name__)


def build_dag(activation: Activation) -> DAG:
    dag = DAG(
        dag_id=activation.dag_id,
        description=f"actito-sync activation '{activation.name}' ({activation.path.name}, {activation.runner})",
        schedule=activation.schedule,
        start_date=datetime(2024, 1, 1, tzinfo=timezone.utc),
        catchup=False,
        max_active_runs=1,
        default_args={"retries": 0, "retry_delay": timedelta(minutes=5)},
        tags=["actito-sync", activation.runner.lower()],
        doc_md=(
            f"Syncs activation **{activation.name}** (`{activation.path}`): `plan` is a dry run (the plan"
            " is in the run's `plan/` folder), `sync` writes to Actito and commits, `check` reads the run"
            " report, pushes its counts to XCom and fails on a critical warning. Confirm what a guard"
            " refused by triggering with conf `{\"confirmDeletes\": N}` (or confirmRows,"
            " confirmMappingUpdates), N the number the refusal gave."
        ),
    )
    with dag:
        if activation.runner == "FLINK":
            from .operators import FlinkSyncOperator

            plan = FlinkSyncOperator(task_id="plan", activation=activation, jar=flink_jar(), plan=True)
            sync = FlinkSyncOperator(task_id="sync", activation=activation, jar=flink_jar(), plan=False)
        else:
            from .dataflow import dataflow_task

            plan = dataflow_task("plan", activation, plan=True)
            sync = dataflow_task("sync", activation, plan=False)
        from airflow.providers.standard.operators.python import PythonOperator

        check = PythonOperator(task_id="check", python_callable=check_report, op_kwargs={"activation": activation})
        plan >> sync >> check
    return dag


def build_dags(folder: Path | None = None) -> dict[str, DAG]:
    """DAG id -> DAG for every valid config in ``folder``; a config that cannot be scheduled is
    logged (with its file and field) and skipped, so it does not take the other DAGs down."""
    activations, errors = load_folder(folder or activations_folder())
    for error in errors:
        log.error("actito-sync: skipped %s", error)
    return {a.dag_id: build_dag(a) for a in activations}
