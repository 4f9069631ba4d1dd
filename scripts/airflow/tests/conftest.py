"""Shared setup: a throw-away AIRFLOW_HOME whose SQLite metadata database is copied from a migrated
template kept next to the cached virtual environment (``airflow db migrate`` runs once per venv)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

AIRFLOW_DIR = Path(__file__).resolve().parents[1]
REPO = AIRFLOW_DIR.parents[1]
AIRFLOW_BIN = Path(sys.executable).with_name("airflow")
DB_TEMPLATE = Path(sys.prefix) / "airflow-metadata-template.db"

HOME = Path(tempfile.mkdtemp(prefix="actito-sync-airflow-"))
ACTIVATIONS = HOME / "activations"
ACTIVATIONS.mkdir()

# Set before anything imports airflow (the import test loads the DAGs in this process).
BASE_ENV = {
    "AIRFLOW_HOME": str(HOME),
    "AIRFLOW__CORE__DAGS_FOLDER": str(AIRFLOW_DIR),
    "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
    "AIRFLOW__CORE__UNIT_TEST_MODE": "False",
    "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{HOME}/airflow.db",
    "AIRFLOW__LOGGING__BASE_LOG_FOLDER": str(HOME / "logs"),
    "ACTITO_SYNC_ACTIVATIONS": str(ACTIVATIONS),
}
os.environ.update(BASE_ENV)


def airflow(*args: str, env: dict | None = None, check: bool = True, log: Path | None = None, timeout=600):
    """Runs the airflow CLI of this venv; its output goes to ``log`` (or is returned)."""
    out = open(log, "w") if log else subprocess.PIPE
    try:
        done = subprocess.run([str(AIRFLOW_BIN), *args], env={**os.environ, **(env or {})}, stdout=out,
                              stderr=subprocess.STDOUT, text=True, timeout=timeout)
    finally:
        if log:
            out.close()
    if check and done.returncode != 0:
        text = log.read_text() if log else done.stdout
        raise AssertionError(f"airflow {' '.join(args)} exited {done.returncode}:\n{text[-4000:]}")
    return done


def migrated_database() -> None:
    """HOME/airflow.db, migrated: a copy of the template, made once per virtual environment."""
    if not DB_TEMPLATE.exists():
        airflow("db", "migrate", timeout=900)
        tmp = DB_TEMPLATE.with_suffix(".tmp")
        shutil.copy(HOME / "airflow.db", tmp)
        tmp.replace(DB_TEMPLATE)
    else:
        shutil.copy(DB_TEMPLATE, HOME / "airflow.db")


@pytest.fixture(scope="session", autouse=True)
def _remove_home():
    yield
    if os.environ.get("KEEP") == "1":
        print(f"\nAIRFLOW_HOME kept: {HOME}")
    else:
        shutil.rmtree(HOME, ignore_errors=True)


@pytest.fixture(scope="session")
def airflow_home() -> Path:
    """HOME with a migrated metadata database."""
    migrated_database()
    return HOME
