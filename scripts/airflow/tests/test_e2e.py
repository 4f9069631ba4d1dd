"""A real end-to-end run: `airflow dags test` runs an activation's DAG (plan, sync, check) with the
Flink jar against the Actito emulator and an embedded PostgreSQL (the demo's pieces); then the same
activation, whose snapshot that run seeded, runs again after its source lost 7 of its 8 rows, and its
guard refuses.

Needs: the emulator and Flink jars, ACTITO_SYNC_DB_CLASSPATH (the demo database's classpath); the
scripts/airflow/test.sh wrapper provides all three.
"""
from __future__ import annotations

import json
import os
import secrets
import socket
import sqlite3
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
import yaml
from conftest import ACTIVATIONS, AIRFLOW_DIR, REPO, airflow

DEMO = REPO / "scripts/demo"
EMULATOR_JAR = REPO / "emulator/target/actito-emulator.jar"
FLINK_JAR = REPO / "runners/flink/target/actito-sync-flink.jar"
API_KEY = "actito-key-" + secrets.token_hex(8)  # only in the emulator and in an Airflow Variable
DB_PASSWORD = "dwh-" + secrets.token_hex(8)  # only in an Airflow Connection (trust auth ignores it)
SOURCE_QUERY = """SELECT order_id, customer_id, amount::text, status,
  to_char(ordered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') FROM segment ORDER BY order_id"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Services:
    """The emulator (demo data, our API key) and the demo database, started for the test."""

    def __init__(self, work: Path):
        self.work, self.procs = work, []
        cp = os.environ.get("ACTITO_SYNC_DB_CLASSPATH")
        if not cp:
            pytest.fail("ACTITO_SYNC_DB_CLASSPATH is not set: run scripts/airflow/test.sh")
        self.db_cmd = ["java", "-cp", cp, str(DEMO / "DemoDatabase.java")]
        data = json.loads((DEMO / "actito-data.json").read_text())
        data["apiKeys"][0]["key"] = API_KEY
        (work / "actito-data.json").write_text(json.dumps(data))
        self.port = free_port()
        self.start(["java", "-jar", str(EMULATOR_JAR), f"--port={self.port}", f"--data={work}/actito-data.json"],
                   "emulator.log")
        self.start([*self.db_cmd, "start", str(work)], "db.log")
        deadline = time.time() + 90
        while not ((work / "jdbc-url").exists() and self.emulator_up()):
            if time.time() > deadline:
                pytest.fail("the emulator or the database did not start:\n" + (work / "db.log").read_text()[-2000:])
            time.sleep(0.5)
        self.jdbc_url = (work / "jdbc-url").read_text().strip()
        self.db("sql", self.jdbc_url, str(DEMO / "segment.sql"))

    def start(self, cmd, log):
        self.procs.append(subprocess.Popen(cmd, stdout=open(self.work / log, "w"), stderr=subprocess.STDOUT))

    def emulator_up(self) -> bool:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{self.port}/_emulator/stats", timeout=2)
            return True
        except OSError:
            return False

    def db(self, *args) -> str:
        return subprocess.run([*self.db_cmd, *args], check=True, capture_output=True, text=True).stdout

    def sql(self, statement: str) -> None:
        path = self.work / "statement.sql"
        path.write_text(statement)
        self.db("sql", self.jdbc_url, str(path))

    def actito_table(self) -> list:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/_emulator/records/demo/orders") as r:
            return json.load(r)

    def stop(self):
        for p in self.procs:
            p.terminate()
        for p in self.procs:
            p.wait(timeout=30)


@pytest.fixture(scope="module")
def services(airflow_home):
    for jar in (EMULATOR_JAR, FLINK_JAR):
        assert jar.exists(), f"{jar} is missing: run scripts/airflow/test.sh (it builds it)"
    work = airflow_home / "services"
    work.mkdir()
    s = Services(work)
    yield s
    s.stop()


def activation(services, name: str, view: str, snapshots: Path) -> Path:
    """The example demo-orders.yaml pointed at the test's database, emulator and snapshot folder."""
    doc = yaml.safe_load((AIRFLOW_DIR / "activations/demo-orders.yaml").read_text())
    doc["name"] = name
    doc["source"]["jdbc"]["url"] = services.jdbc_url
    doc["source"]["jdbc"]["query"] = doc["source"]["jdbc"]["query"].replace("FROM segment", f"FROM {view}")
    doc["target"]["baseUrl"] = f"http://127.0.0.1:{services.port}"
    doc["snapshot"]["root"] = str(snapshots)
    path = ACTIVATIONS / f"{name}.yaml"
    path.write_text(yaml.safe_dump(doc, sort_keys=False))
    return path


AIRFLOW_SECRETS = {  # Airflow's environment-variable secrets backend: a Variable and a Connection
    "AIRFLOW_VAR_ACTITO_API_KEY": API_KEY,
    "AIRFLOW_CONN_ACTITO_SYNC_DWH": json.dumps({"conn_type": "postgres", "login": "postgres", "password": DB_PASSWORD}),
}


def dags_test(dag_id: str, home: Path) -> Path:
    log = home / f"{dag_id}.log"
    airflow("dags", "test", dag_id, env=AIRFLOW_SECRETS, check=False, log=log, timeout=900)
    return log


def latest_run(home: Path, dag_id: str) -> str:
    """The run id of the DAG's latest run (a DAG runs more than once in these tests)."""
    with sqlite3.connect(home / "airflow.db") as db:
        row = db.execute("SELECT run_id FROM dag_run WHERE dag_id = ? ORDER BY id DESC LIMIT 1", (dag_id,)).fetchone()
    assert row, f"no run of {dag_id}"
    return row[0]


def task_states(home: Path, dag_id: str, run_id: str) -> dict:
    with sqlite3.connect(home / "airflow.db") as db:
        return dict(db.execute("SELECT task_id, state FROM task_instance WHERE dag_id = ? AND run_id = ?",
                               (dag_id, run_id)))


def xcom(home: Path, dag_id: str, run_id: str, task_id: str, key: str = "return_value"):
    with sqlite3.connect(home / "airflow.db") as db:
        row = db.execute("SELECT value FROM xcom WHERE dag_id = ? AND run_id = ? AND task_id = ? AND key = ?",
                         (dag_id, run_id, task_id, key)).fetchone()
    assert row, f"no XCom {key} for {dag_id}.{task_id} in {run_id}"
    value = json.loads(row[0])
    return json.loads(value) if isinstance(value, str) else value


def rendered_fields(home: Path, dag_id: str, run_id: str, task_id: str) -> str:
    with sqlite3.connect(home / "airflow.db") as db:
        row = db.execute("SELECT rendered_fields FROM rendered_task_instance_fields"
                         " WHERE dag_id = ? AND run_id = ? AND task_id = ?", (dag_id, run_id, task_id)).fetchone()
    assert row, f"no rendered fields for {dag_id}.{task_id} in {run_id}"
    return row[0]


def all_logs(home: Path) -> str:
    return "\n".join(p.read_text(errors="replace") for p in home.rglob("*.log"))


def compare_with_source(services) -> subprocess.CompletedProcess:
    """The demo's comparison: Actito's table next to the source, exit 0 when they match."""
    work = services.work
    (work / "source.tsv").write_text(services.db("dump", services.jdbc_url, SOURCE_QUERY))
    (work / "actito.json").write_text(json.dumps(services.actito_table()))
    (work / "rejected.jsonl").write_text("")
    return subprocess.run(["python3", str(DEMO / "compare.py"), str(work / "source.tsv"), str(work / "actito.json"),
                           str(work / "rejected.jsonl")], capture_output=True, text=True)


DAG_ID = "actito_sync__demo-orders"


@pytest.fixture(scope="module")
def first_run(airflow_home, services) -> tuple[str, Path]:
    """demo-orders' first DAG run (its source is a view of the demo segment): its run id and log. Its
    snapshot then owns the 8 orders, which the guard test starts from (no separate seeding run)."""
    services.sql("CREATE VIEW e2e_segment AS SELECT * FROM segment")
    activation(services, "demo-orders", "e2e_segment", airflow_home / "snapshots")
    log = dags_test(DAG_ID, airflow_home)
    return latest_run(airflow_home, DAG_ID), log


def test_an_activation_runs_end_to_end(airflow_home, services, first_run):
    run_id, log = first_run
    assert task_states(airflow_home, DAG_ID, run_id) == {"plan": "success", "sync": "success", "check": "success"}, \
        log.read_text()[-6000:]

    compared = compare_with_source(services)
    assert compared.returncode == 0, compared.stdout
    assert len(services.actito_table()) == 8

    counts = xcom(airflow_home, DAG_ID, run_id, "check")
    assert counts["exit"] == "OK" and counts["warningLevel"] == "NONE"
    assert counts["classified"]["INSERT"] == 8 and counts["outcomes"]["APPLIED"] == 8
    assert xcom(airflow_home, DAG_ID, run_id, "check", "classified") == counts["classified"]
    plan = xcom(airflow_home, DAG_ID, run_id, "plan")
    assert plan["runId"].endswith(".plan.1") and plan["plan"]["classified"]["INSERT"] == 8

    # the secrets reached the job (the emulator accepted the key) but no argument, rendered field or log
    rendered = rendered_fields(airflow_home, DAG_ID, run_id, "sync")
    assert '"config"' in rendered, rendered
    for secret in (API_KEY, DB_PASSWORD):
        assert secret not in rendered
        assert secret not in all_logs(airflow_home)


def test_a_guard_refusal_fails_the_sync_and_leaves_actito_unchanged(airflow_home, services, first_run):
    seeded_run, seeded_log = first_run
    assert task_states(airflow_home, DAG_ID, seeded_run)["sync"] == "success", seeded_log.read_text()[-6000:]
    assert len(services.actito_table()) == 8, "the first run's snapshot owns the 8 orders"
    # the warehouse loses 7 of the 8 orders: MIRROR would delete them
    services.sql("CREATE OR REPLACE VIEW e2e_segment AS SELECT * FROM segment WHERE order_id = 'ORD-0001'")
    before = services.actito_table()

    log = dags_test(DAG_ID, airflow_home)
    run_id = latest_run(airflow_home, DAG_ID)
    assert run_id != seeded_run
    assert task_states(airflow_home, DAG_ID, run_id) == {"plan": "success", "sync": "failed",
                                                         "check": "upstream_failed"}, log.read_text()[-6000:]
    assert services.actito_table() == before
    text = all_logs(airflow_home)
    assert "actito-sync exited 4 (GUARD_REFUSAL): actito-sync: guard refusal: MIRROR would permanently delete 7" \
        in text, log.read_text()[-6000:]
