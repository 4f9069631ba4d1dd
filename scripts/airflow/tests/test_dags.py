"""DAG import test: the DAG file loads every example config with no import error, one DAG each,
with the expected tasks, operators, schedule and dependencies."""
from __future__ import annotations

import re
from pathlib import Path

from conftest import AIRFLOW_DIR

EXAMPLES = AIRFLOW_DIR / "activations"
EXPECTED = {
    "actito_sync__demo-orders": ("30 6 * * *", "FlinkSyncOperator"),
    "actito_sync__customers-dataflow": ("0 */4 * * *", "DataflowSyncOperator"),
}


def dagbag(folder: Path, monkeypatch):
    """The whole folder, as the DAG processor reads it (.airflowignore included)."""
    from airflow.dag_processing.dagbag import DagBag

    monkeypatch.setenv("ACTITO_SYNC_ACTIVATIONS", str(folder))
    return DagBag(dag_folder=str(AIRFLOW_DIR))


def test_every_example_config_makes_a_dag(monkeypatch):
    bag = dagbag(EXAMPLES, monkeypatch)
    assert bag.import_errors == {}
    assert sorted(bag.dag_ids) == sorted(EXPECTED)
    for dag_id, (cron, operator) in EXPECTED.items():
        dag = bag.dags[dag_id]
        assert dag.max_active_runs == 1
        assert dag.catchup is False
        assert dag.timetable.expression == cron
        assert {t.task_id: sorted(t.downstream_task_ids) for t in dag.tasks} == {
            "plan": ["sync"], "sync": ["check"], "check": []}
        assert type(dag.get_task("plan")).__name__ == operator
        assert type(dag.get_task("sync")).__name__ == operator
        assert type(dag.get_task("check")).__name__ == "PythonOperator"


def test_the_tasks_use_the_providers_operators_and_no_secret_value(monkeypatch):
    from airflow.providers.apache.beam.operators.beam import BeamRunJavaPipelineOperator
    from airflow.providers.google.cloud.operators.dataflow import DataflowStartFlexTemplateOperator

    bag = dagbag(EXAMPLES, monkeypatch)
    flink = bag.dags["actito_sync__demo-orders"]
    plan, sync = flink.get_task("plan"), flink.get_task("sync")
    assert isinstance(sync, BeamRunJavaPipelineOperator)
    assert sync.pipeline_options == {"config": str(EXAMPLES / "demo-orders.yaml"), "progressSeconds": "0",
                                     "flinkMaster": "[local]", "parallelism": "1"}
    assert plan.pipeline_options["dryRun"] is True and "dryRun" not in sync.pipeline_options
    assert sync.jar.endswith("runners/flink/target/actito-sync-flink.jar")

    dataflow = bag.dags["actito_sync__customers-dataflow"].get_task("sync")
    assert isinstance(dataflow, DataflowStartFlexTemplateOperator)
    assert (dataflow.project_id, dataflow.location) == ("my-project", "europe-west1")
    from actito_sync_airflow.dataflow import launch_body

    body = launch_body(dataflow.activation, "manual__2026.sync.1", plan=False, conf={"confirmDeletes": 12})
    assert body["launchParameter"]["containerSpecGcsPath"] == "gs://my-bucket/templates/actito-sync.json"
    assert body["launchParameter"]["parameters"] == {
        "config": "gs://my-bucket/activations/customers-dataflow.yaml",
        "runId": "manual__2026.sync.1",
        "apiKeySecret": "projects/my-project/secrets/actito-api-key/versions/latest",
        "confirmDeletes": "12",
    }
    assert body["launchParameter"]["environment"] == {
        "tempLocation": "gs://my-bucket/tmp",
        "serviceAccountEmail": "actito-sync@my-project.iam.gserviceaccount.com"}


def test_a_config_that_cannot_be_scheduled_is_named_and_skipped(tmp_path, monkeypatch, caplog):
    (tmp_path / "good.yaml").write_text((EXAMPLES / "demo-orders.yaml").read_text())
    (tmp_path / "bad.yaml").write_text(
        (EXAMPLES / "demo-orders.yaml").read_text().replace("name: demo-orders", "name: demo orders"))
    (tmp_path / "worse.yaml").write_text(
        (EXAMPLES / "demo-orders.yaml").read_text().replace("DWH_PASSWORD: {connection", "DWH_PASWORD: {connection"))
    bag = dagbag(tmp_path, monkeypatch)
    assert bag.import_errors == {}
    assert bag.dag_ids == ["actito_sync__demo-orders"]
    # the message is the schema's (the activation schema's once there is one): file, path and value
    assert re.search(r"bad\.yaml: name: .*'demo orders'", caplog.text)
    assert "worse.yaml: runner.secrets.DWH_PASWORD: the config reads no such variable" in caplog.text


def test_run_ids_sort_by_start_time_and_are_safe_folder_names():
    from datetime import datetime, timezone

    from actito_sync_airflow.operators import run_id_for

    at = datetime(2026, 11, 28, 16, 34, 43, 123456, tzinfo=timezone.utc)
    assert run_id_for("manual__2026-11-28T16:34:43.123456+00:00", 1, False, at) == \
        "20261128T163443123Z-manual__2026-11-28T16_34_43.123456_00_00.sync.1"
    assert run_id_for("scheduled__2026-11-28T06:30:00+00:00", 2, True, at) == \
        "20261128T163443123Z-scheduled__2026-11-28T06_30_00_00_00.plan.2"
    later = run_id_for("a" * 300, 1, True, datetime(2026, 11, 28, 16, 34, 44, tzinfo=timezone.utc))
    assert len(later) <= 100 and later > run_id_for("manual__x", 1, False, at)
