"""The sync task's mapping of the jar's exit codes, with the provider's real operator and hook
running a real `java -jar`: a stand-in jar (built here) that prints what the real one prints on
stderr and exits with the code its --config file names. The real jar's codes are exercised by
test_e2e.py (0 and 4)."""
from __future__ import annotations

import subprocess
import textwrap
from pathlib import Path
from types import SimpleNamespace

import pytest
from airflow.exceptions import AirflowException

from actito_sync_airflow.activation import Activation
from actito_sync_airflow.operators import FlinkSyncOperator

MAIN = """
import java.nio.file.*;
public class Main {
  public static void main(String[] args) throws Exception {
    for (String a : args) {
      if (a.startsWith("--config=")) {
        String[] line = Files.readString(Path.of(a.substring(9))).trim().split(" ", 2);
        if (line.length > 1) System.err.println("actito-sync: " + line[1]);
        System.exit(Integer.parseInt(line[0]));
      }
    }
    System.exit(99);
  }
}
"""


@pytest.fixture(scope="module")
def jar(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("stand-in")
    (d / "Main.java").write_text(textwrap.dedent(MAIN))
    subprocess.run(["javac", "-d", str(d / "classes"), str(d / "Main.java")], check=True)
    subprocess.run(["jar", "--create", "--file", str(d / "stand-in.jar"), "--main-class", "Main",
                    "-C", str(d / "classes"), "."], check=True)
    return d / "stand-in.jar"


def run(jar: Path, tmp_path: Path, exit_line: str):
    config = tmp_path / "activation.yaml"
    config.write_text(exit_line)
    activation = Activation(path=config, name="stand-in", schedule=None, snapshot_root=str(tmp_path), runner="FLINK")
    task = FlinkSyncOperator(task_id="sync", activation=activation, jar=str(jar), plan=False)
    context = {"run_id": "manual__1", "ti": SimpleNamespace(try_number=1), "dag_run": SimpleNamespace(conf={})}
    return task.execute(context)


@pytest.mark.parametrize("code", [0, 5, 7])
def test_completed_runs_succeed_and_name_their_report(jar, tmp_path, code):
    result = run(jar, tmp_path, str(code))
    assert result["report"] == f"{tmp_path}/stand-in/runs/{result['runId']}/report.json"


@pytest.mark.parametrize("code,name,message", [
    (4, "GUARD_REFUSAL", "guard refusal: MIRROR would permanently delete 7 records"),
    (1, "PIPELINE_FAILURE", "pipeline failure: IOException: disk full"),
    (3, "AUTH_ERROR", "auth error: authentication: 401"),
])
def test_other_codes_fail_with_the_jars_message_and_what_to_do(jar, tmp_path, code, name, message):
    with pytest.raises(AirflowException) as failure:
        run(jar, tmp_path, f"{code} {message}")
    text = str(failure.value)
    assert text.startswith(f"actito-sync exited {code} ({name}): actito-sync: {message} -- ")
