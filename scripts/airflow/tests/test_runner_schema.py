"""The factory validates the fields it reads with the config's JSON Schema (runner.schema.json), the
one the Java launcher uses. The bad runner sections are shared with the Java side
(pipeline/src/test/resources/configs/runner/, RunnerSchemaTest): each file names, on its
``# refused at:`` line, the paths both must report."""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from conftest import REPO

FIXTURES = REPO / "pipeline/src/test/resources/configs/runner"
SCHEMA = REPO / "pipeline/src/main/resources/org/actitosync/pipeline/config/runner.schema.json"
BAD = sorted(FIXTURES.glob("bad-runner-*.yaml"))
GOOD = sorted(FIXTURES.glob("good-runner-*.yaml"))


def refused_at(path: Path) -> set[str]:
    line = next(line for line in path.read_text().splitlines() if line.startswith("# refused at:"))
    return {p.strip() for p in line.removeprefix("# refused at:").split(",")}


def test_the_shared_fixtures_are_there():
    assert len(BAD) >= 5 and len(GOOD) == 2


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.name)
def test_a_bad_runner_section_is_refused_with_its_path(path):
    from actito_sync_airflow.activation import ActivationError, load

    with pytest.raises(ActivationError) as refused:
        load(path)
    assert {where for where, _ in refused.value.problems} == refused_at(path), str(refused.value)
    for where, message in refused.value.problems:
        assert f"{path}: {where}: {message}" in str(refused.value)


@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.name)
def test_the_valid_counterpart_is_accepted(path):
    from actito_sync_airflow.activation import load

    activation = load(path)
    assert activation.runner in ("FLINK", "DATAFLOW")


def test_the_messages_name_the_file_and_the_field():
    from actito_sync_airflow.activation import ActivationError, load

    path = FIXTURES / "bad-runner-parallelism-zero.yaml"
    with pytest.raises(ActivationError) as refused:
        load(path)
    assert str(refused.value) == f"{path}: runner.parallelism: Flink parallelism: a whole number of at least 1" \
        " (optional). Got 0."


def jar_with(tmp_path: Path, schema: dict | None, activation: dict | None = None) -> Path:
    jar = tmp_path / "actito-sync-flink.jar"
    with zipfile.ZipFile(jar, "w") as z:
        z.writestr("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n")
        if schema is not None:
            z.writestr("org/actitosync/pipeline/config/runner.schema.json", json.dumps(schema))
        if activation is not None:
            z.writestr("org/actitosync/pipeline/config/activation.schema.json", json.dumps(activation))
    return jar


def test_the_schema_is_read_from_the_jar_the_dags_run(tmp_path, monkeypatch):
    from actito_sync_airflow import schema
    from actito_sync_airflow.activation import ActivationError, load

    stricter = json.loads(SCHEMA.read_text())
    stricter["$defs"]["flink"]["properties"]["parallelism"]["minimum"] = 8
    activation = json.loads((SCHEMA.parent / "activation.schema.json").read_text())
    monkeypatch.setenv("ACTITO_SYNC_FLINK_JAR", str(jar_with(tmp_path, stricter, activation)))
    assert schema.source() == f"{tmp_path / 'actito-sync-flink.jar'}!/org/actitosync/pipeline/config/"
    with pytest.raises(ActivationError) as refused:
        load(FIXTURES / "good-runner-flink.yaml")  # parallelism: 4
    assert [where for where, _ in refused.value.problems] == ["runner.parallelism"]


def test_without_a_schema_in_the_jar_the_checkout_s_file_is_used(tmp_path, monkeypatch):
    from actito_sync_airflow import schema
    from actito_sync_airflow.activation import load

    monkeypatch.setenv("ACTITO_SYNC_FLINK_JAR", str(jar_with(tmp_path, None)))
    assert schema.source() == str(SCHEMA.parent)
    assert load(FIXTURES / "good-runner-flink.yaml").parallelism == 4


def test_no_schema_anywhere_refuses_every_config(tmp_path, monkeypatch):
    from actito_sync_airflow import schema
    from actito_sync_airflow.activation import ActivationError, load

    monkeypatch.setenv("ACTITO_SYNC_FLINK_JAR", str(tmp_path / "missing.jar"))
    monkeypatch.setattr(schema, "CHECKOUT", tmp_path / "no-checkout")
    schema._validator_for.cache_clear()
    with pytest.raises(ActivationError, match="cannot validate the config: no activation.schema.json and runner.schema.json in"):
        load(FIXTURES / "good-runner-flink.yaml")
    schema._validator_for.cache_clear()


def test_with_an_activation_schema_only_the_fields_the_factory_reads_are_checked(tmp_path, monkeypatch):
    """A stand-in for the whole config's schema: its runner property refers to runner.schema.json;
    a problem elsewhere (a missing source) is the job's to report, not the factory's."""
    from actito_sync_airflow.activation import ActivationError, load

    activation = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://actito-sync.org/schema/activation.schema.json",
        "type": "object",
        "required": ["name", "source", "snapshot"],
        "additionalProperties": False,
        "properties": {
            "name": {"type": "string", "pattern": "^[a-z-]+$", "description": "Lower-case letters and '-'."},
            "source": {"type": "object"}, "key": True, "mapping": True, "mode": True, "target": True,
            "schedule": {"type": "string"},
            "snapshot": {"type": "object", "required": ["root"], "additionalProperties": False,
                         "properties": {"root": {"type": "string"}}},
            "runner": {"$ref": "runner.schema.json"},
        },
    }
    monkeypatch.setenv("ACTITO_SYNC_FLINK_JAR", str(jar_with(tmp_path, json.loads(SCHEMA.read_text()), activation)))
    text = (FIXTURES / "bad-runner-parallelism-zero.yaml").read_text()
    config = tmp_path / "config.yaml"
    config.write_text(text.replace("name: runner-fixture", "name: Runner_Fixture").replace("source:", "sauce:")
                      .replace("snapshots\n", "snapshots\n  retention: 3\n"))
    with pytest.raises(ActivationError) as refused:
        load(config)
    assert [where for where, _ in refused.value.problems] == ["name", "runner.parallelism"]
    assert "name: Lower-case letters and '-'. Got 'Runner_Fixture'." in str(refused.value)
