"""Reads what the scheduler needs from an activation's YAML config.

The Java launcher validates the whole file (``runner`` section included) when the job starts; this
module only reads the fields the DAG is built from and refuses a file it cannot schedule, with the
file and the field in the message.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

NAME = re.compile(r"[A-Za-z0-9._-]+")


class ActivationError(ValueError):
    """A config the DAG factory cannot turn into a DAG."""


@dataclass(frozen=True)
class Secret:
    """Where Airflow keeps the value of one environment variable the job reads."""

    env: str  # the variable the config names (target.apiKeyEnv, source.jdbc.passwordEnv)
    variable: str | None = None  # an Airflow Variable's key, or
    connection: str | None = None  # an Airflow Connection's id (its password is the value)


@dataclass(frozen=True)
class Activation:
    path: Path
    name: str
    schedule: str | None
    snapshot_root: str
    runner: str  # FLINK or DATAFLOW
    flink_master: str = "[local]"
    parallelism: int | None = None
    secrets: tuple[Secret, ...] = ()
    dataflow: dict = field(default_factory=dict)

    @property
    def dag_id(self) -> str:
        return "actito_sync__" + self.name


def load(path: Path) -> Activation:
    """The activation in ``path``; raises ActivationError naming the file and the field."""
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise ActivationError(f"{path}: cannot read the config: {e}") from e
    if not isinstance(doc, dict):
        raise ActivationError(f"{path}: expected a mapping at the top")

    def fail(where: str, message: str):
        raise ActivationError(f"{path}: {where}: {message}")

    name = doc.get("name")
    if not isinstance(name, str) or not NAME.fullmatch(name):
        fail("name", f"expected letters, digits, '.', '_' or '-', got {name!r}")
    schedule = doc.get("schedule")
    if schedule is not None and not isinstance(schedule, str):
        fail("schedule", f"expected a 5-field cron expression, got {schedule!r}")
    root = (doc.get("snapshot") or {}).get("root")
    if not isinstance(root, str) or not root:
        fail("snapshot.root", "missing required value")

    runner = doc.get("runner") or {}
    if not isinstance(runner, dict):
        fail("runner", f"expected a mapping, got {runner!r}")
    kind = str(runner.get("type", "FLINK")).upper()
    common = dict(path=path, name=name, schedule=schedule, snapshot_root=root, runner=kind)
    if kind == "FLINK":
        return Activation(
            **common,
            flink_master=str(runner.get("flinkMaster", "[local]")),
            parallelism=runner.get("parallelism"),
            secrets=_secrets(doc, runner.get("secrets") or {}, fail),
        )
    if kind == "DATAFLOW":
        for key in ("project", "region", "templatePath", "configPath", "apiKeySecret"):
            if not runner.get(key):
                fail(f"runner.{key}", "missing required value")
        return Activation(**common, dataflow={k: v for k, v in runner.items() if k != "type"})
    fail("runner.type", f"expected FLINK or DATAFLOW, got {runner.get('type')!r}")


def _secrets(doc: dict, declared: dict, fail) -> tuple[Secret, ...]:
    """One Secret per environment variable the config reads; by default an Airflow Variable of
    the same name."""
    read = []
    api_key_env = (doc.get("target") or {}).get("apiKeyEnv")
    password_env = ((doc.get("source") or {}).get("jdbc") or {}).get("passwordEnv")
    read += [v for v in (api_key_env, password_env) if v]
    for env in declared:
        if env not in read:
            fail(f"runner.secrets.{env}", f"the config reads no such variable (it reads: {read or 'none'})")
    secrets = []
    for env in read:
        where = declared.get(env) or {"variable": env}
        if not isinstance(where, dict) or len(where) != 1 or not ({"variable", "connection"} & set(where)):
            fail(f"runner.secrets.{env}", f"expected {{variable: ID}} or {{connection: ID}}, got {where!r}")
        secrets.append(Secret(env=env, variable=where.get("variable"), connection=where.get("connection")))
    return tuple(secrets)


def load_folder(folder: Path) -> tuple[list[Activation], list[str]]:
    """Every ``*.yaml`` / ``*.yml`` config in ``folder``: the activations and the errors."""
    activations, errors, seen = [], [], {}
    for path in sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]):
        try:
            activation = load(path)
        except ActivationError as e:
            errors.append(str(e))
            continue
        if activation.name in seen:
            errors.append(f"{path}: name: '{activation.name}' is also the name of {seen[activation.name]}")
            continue
        seen[activation.name] = path
        activations.append(activation)
    return activations, errors
