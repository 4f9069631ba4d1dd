"""The Airflow install is cached: venv.sh, run again, answers at once with this very environment."""
import subprocess
import sys
import time
from pathlib import Path

from conftest import AIRFLOW_DIR


def test_the_virtual_environment_is_reused():
    started = time.monotonic()
    done = subprocess.run([str(AIRFLOW_DIR / "venv.sh")], capture_output=True, text=True, check=True)
    assert Path(done.stdout.strip()) == Path(sys.prefix), "run the tests with scripts/airflow/test.sh"
    assert "installing" not in done.stderr
    assert (Path(sys.prefix) / ".complete").exists()
    assert time.monotonic() - started < 30
