"""Reads what the scheduler needs from an activation's YAML config.

The fields the DAG is built from (``name``, ``schedule``, ``snapshot.root``, the ``runner``
section) are validated against the config's JSON Schema, the one the Java launcher uses
(``schema.py``); the job validates the rest of the file when it starts. What stays here is what
only the scheduler needs: the default runner values and where each secret comes from.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import schema


class ActivationError(ValueError):
    """A config the DAG factory cannot turn into a DAG: every problem, each as ``file: path: message``."""

    def __init__(self, path: Path, problems: list[tuple[str, str]]):
        self.path = path
        self.problems = tuple(problems)
        super().__init__("\n".join(f"{path}: {where}: {message}" if where else f"{path}: {message}"
                                   for where, message in problems))


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
    """The activation in ``path``; raises ActivationError naming the file and each bad field."""
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise ActivationError(path, [("", f"cannot read the config: {e}")]) from e
    if not isinstance(doc, dict):
        raise ActivationError(path, [("", "expected a mapping at the top")])
    try:
        problems = schema.problems(doc)
    except schema.SchemaNotFound as e:
        raise ActivationError(path, [("", str(e))]) from e
    runner = doc.get("runner") or {}
    kind = str(runner.get("type") or "FLINK").upper() if isinstance(runner, dict) else None
    read = _variables_read(doc)
    if kind == "FLINK" and isinstance(runner.get("secrets"), dict):
        problems += [(f"runner.secrets.{env}", f"the config reads no such variable (it reads: {read or 'none'})")
                     for env in runner["secrets"] if env not in read]
    if problems:
        raise ActivationError(path, problems)
    common = dict(path=path, name=doc["name"], schedule=doc.get("schedule"),
                  snapshot_root=doc["snapshot"]["root"], runner=kind)
    if kind == "FLINK":
        return Activation(**common, flink_master=runner.get("flinkMaster") or "[local]",
                          parallelism=None if runner.get("parallelism") is None else int(runner["parallelism"]),
                          secrets=_secrets(read, runner.get("secrets") or {}))
    return Activation(**common, dataflow={k: v for k, v in runner.items() if k != "type" and v is not None})


def _variables_read(doc: dict) -> list[str]:
    """The environment variables the config reads secrets from (target.apiKeyEnv, source.jdbc.passwordEnv)."""
    target, source = doc.get("target"), doc.get("source")
    jdbc = source.get("jdbc") if isinstance(source, dict) else None
    names = [section.get(key) for section, key in ((target, "apiKeyEnv"), (jdbc, "passwordEnv"))
             if isinstance(section, dict)]
    return [name for name in names if isinstance(name, str) and name]


def _secrets(read: list[str], declared: dict) -> tuple[Secret, ...]:
    """One Secret per environment variable the config reads; by default an Airflow Variable of
    the same name."""
    return tuple(Secret(env=env, **(declared.get(env) or {"variable": env})) for env in read)


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
