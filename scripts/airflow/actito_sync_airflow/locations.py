"""Where the deployment keeps the configs and the jar: environment variables of the Airflow workers
and DAG processor, defaulting to this checkout."""
from __future__ import annotations

import os
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
ACTIVATIONS_ENV = "ACTITO_SYNC_ACTIVATIONS"  # a folder of activation YAML files
FLINK_JAR_ENV = "ACTITO_SYNC_FLINK_JAR"  # the shaded Flink jar (runners/flink)


def activations_folder() -> Path:
    return Path(os.environ.get(ACTIVATIONS_ENV) or HERE.parent / "activations")


def flink_jar() -> str:
    return os.environ.get(FLINK_JAR_ENV) or str(REPO / "runners/flink/target/actito-sync-flink.jar")
