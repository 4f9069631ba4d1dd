"""The tasks of an activation's DAG: the job on Flink (Beam provider) and the report check."""
from __future__ import annotations

import logging
import os
import re
from contextlib import contextmanager
from datetime import datetime, timezone

from airflow.exceptions import AirflowException
from airflow.providers.apache.beam.hooks.beam import BeamHook
from airflow.providers.apache.beam.operators.beam import BeamRunJavaPipelineOperator

from . import report as reports
from .activation import Activation

log = logging.getLogger(__name__)

# The Beam hook raises this when the jar exits non-zero (it does not expose the code otherwise).
_RETURN_CODE = re.compile(r"return code (-?\d+)")
# Options a triggered run may pass in its conf to confirm what a guard refused (README "Guards").
CONFIRMATIONS = ("confirmDeletes", "confirmRows", "confirmMappingUpdates")


def run_id_for(airflow_run_id: str, try_number: int, plan: bool, now: datetime | None = None) -> str:
    """The jar's --runId for one try of a task: its UTC start time first, like the jar's own ids
    (snapshot retention relies on run ids sorting by start time), then the Airflow run id made a
    safe folder name, the task and the try (a retry never shares a run folder with a failed try).
    """
    start = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    stamp = start.strftime("%Y%m%dT%H%M%S") + f"{start.microsecond // 1000:03d}Z"
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", airflow_run_id)[:70]
    return f"{stamp}-{safe}.{'plan' if plan else 'sync'}.{try_number}"


def secret_values(activation: Activation) -> dict[str, str]:
    """Environment variable -> value, read from Airflow Variables / Connections at run time and
    masked in Airflow's logs."""
    from airflow.sdk import BaseHook, Variable

    values = {}
    for secret in activation.secrets:
        if secret.connection:
            value = BaseHook.get_connection(secret.connection).password
            where = f"the password of Airflow connection '{secret.connection}'"
        else:
            value = Variable.get(secret.variable, default=None)
            where = f"Airflow variable '{secret.variable}'"
        if not value:
            raise AirflowException(f"{activation.name}: {secret.env} is read from {where}, which is missing or empty")
        _mask(value)
        values[secret.env] = value
    return values


def _mask(value: str) -> None:
    from airflow.sdk.log import mask_secret

    mask_secret(value)


@contextmanager
def environment(values: dict[str, str]):
    """os.environ with ``values`` added, restored afterwards. The Beam hook starts the jar with
    subprocess.Popen and no env argument, so the child inherits this process's environment: the
    secrets reach the job without appearing in its arguments or the task's rendered fields."""
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, old in saved.items():
            if old is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = old


class FlinkSyncOperator(BeamRunJavaPipelineOperator):
    """Runs the activation with the Flink jar (``java -jar``), as a plan (dry run) or a sync.

    On top of the Beam provider's operator: the secrets go to the job's environment, each try gets
    its own --runId (returned, so XCom holds it), and the jar's exit code becomes the task's
    outcome: 0 succeeds; 5 (rejected rows) and 7 (critical warning) completed and committed, so the
    task succeeds and the check task reads the report; any other code fails the task with the jar's
    own message and what to do.
    """

    def __init__(self, *, activation: Activation, jar: str, plan: bool, **kwargs):
        options = {"config": str(activation.path), "progressSeconds": "0", "flinkMaster": activation.flink_master}
        if activation.parallelism:
            options["parallelism"] = str(activation.parallelism)
        if plan:
            options["dryRun"] = True
        super().__init__(jar=jar, runner="FlinkRunner", pipeline_options=options, **kwargs)
        self.activation = activation
        self.plan = plan

    def execute(self, context):
        run_id = run_id_for(context["run_id"], context["ti"].try_number, self.plan)
        self.pipeline_options = {**self.pipeline_options, "runId": run_id}
        conf = (context.get("dag_run") and context["dag_run"].conf) or {}
        for option in CONFIRMATIONS if not self.plan else ():
            if conf.get(option) is not None:
                self.pipeline_options[option] = str(int(conf[option]))
        self._messages = []  # the jar's own error lines ("actito-sync: guard refusal: ...")
        with environment(secret_values(self.activation)):
            try:
                super().execute(context)
            except AirflowException as e:
                match = _RETURN_CODE.search(str(e))
                if not match:
                    raise
                code = int(match.group(1))
                if code not in reports.COMPLETED:
                    reason = "; ".join(self._messages) or str(e)
                    raise AirflowException(
                        f"actito-sync exited {code} ({reports.EXIT_NAMES.get(code, 'UNKNOWN')}): {reason}"
                        f" -- {reports.EXIT_MEANING.get(code, 'see the task log')}"
                    ) from None
                log.warning("actito-sync exited %d (%s): the run completed and committed; the check task"
                            " reads its report", code, reports.EXIT_NAMES[code])
        result = {"runId": run_id, "report": reports.report_path(
            self.activation.snapshot_root, self.activation.name, run_id, plan=self.plan)}
        if self.plan:
            # the plan's counts stay in XCom: its folder is an uncommitted run, which snapshot
            # retention removes once it is older than every committed run kept
            result["plan"] = reports.judge(reports.read(result["report"])).counts
            log.info("plan of %s: %s", self.activation.name, result["plan"])
        return result

    def _init_pipeline_options(self, *args, **kwargs):
        # The provider makes its BeamHook here (and passes no line callback for non-Dataflow runs):
        # swap in one that keeps the jar's "actito-sync: " lines for the failure message.
        result = super()._init_pipeline_options(*args, **kwargs)
        self.beam_hook = _LineKeepingBeamHook(self.runner, self._messages)
        return result


class _LineKeepingBeamHook(BeamHook):
    def __init__(self, runner: str, messages: list):
        super().__init__(runner=runner)
        self._messages = messages

    def start_java_pipeline(self, *args, **kwargs):
        def keep(line: str) -> None:
            if line.startswith("actito-sync: "):
                self._messages.append(line.strip())

        kwargs.setdefault("process_line_callback", keep)
        return super().start_java_pipeline(*args, **kwargs)
