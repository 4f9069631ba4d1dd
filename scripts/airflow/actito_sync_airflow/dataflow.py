"""The plan and sync tasks on Dataflow: the Flex Template built by scripts/dataflow/build-template.sh.

Untested against Google Cloud (no access here): only the DAG's structure and the launch request are
checked (tests/test_dags.py). Secrets are Secret Manager references (runner.apiKeySecret,
runner.jdbcPasswordSecret): the request names them, the job reads them; no value passes through
Airflow.
"""
from __future__ import annotations

import re

from airflow.providers.google.cloud.operators.dataflow import DataflowStartFlexTemplateOperator

from . import report as reports
from .activation import Activation
from .operators import CONFIRMATIONS, run_id_for


def launch_body(activation: Activation, run_id: str, plan: bool, conf: dict | None = None) -> dict:
    """The flexTemplates.launch request for one run (template parameters as strings)."""
    df = activation.dataflow
    parameters = {"config": df["configPath"], "runId": run_id, "apiKeySecret": df["apiKeySecret"]}
    if df.get("jdbcPasswordSecret"):
        parameters["jdbcPasswordSecret"] = df["jdbcPasswordSecret"]
    if plan:
        parameters["dryRun"] = "true"
    for option in CONFIRMATIONS if not plan else ():
        if (conf or {}).get(option) is not None:
            parameters[option] = str(int(conf[option]))
    environment = {k: df[k] for k in ("tempLocation",) if df.get(k)}
    if df.get("serviceAccount"):
        environment["serviceAccountEmail"] = df["serviceAccount"]
    job_name = re.sub(r"[^a-z0-9-]+", "-", f"actito-sync-{activation.name}-{run_id}".lower()).strip("-")[:63]
    return {"launchParameter": {"jobName": job_name, "containerSpecGcsPath": df["templatePath"],
                                "parameters": parameters, "environment": environment}}


class DataflowSyncOperator(DataflowStartFlexTemplateOperator):
    """Launches the template for one try (its own --runId) and waits; returns the report's path."""

    def __init__(self, *, activation: Activation, plan: bool, **kwargs):
        df = activation.dataflow
        super().__init__(body=launch_body(activation, "RUN_ID", plan), project_id=df["project"],
                         location=df["region"], wait_until_finished=True, **kwargs)
        self.activation = activation
        self.plan = plan

    def execute(self, context):
        run_id = run_id_for(context["run_id"], context["ti"].try_number, self.plan)
        conf = (context.get("dag_run") and context["dag_run"].conf) or {}
        self.body = launch_body(self.activation, run_id, self.plan, conf)
        job = super().execute(context)
        return {"runId": run_id, "job": job, "report": reports.report_path(
            self.activation.snapshot_root, self.activation.name, run_id, plan=self.plan)}


def dataflow_task(task_id: str, activation: Activation, plan: bool) -> DataflowSyncOperator:
    return DataflowSyncOperator(task_id=task_id, activation=activation, plan=plan)
