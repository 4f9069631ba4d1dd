"""The config's JSON Schemas, and the validation of the fields the DAG factory reads.

The schemas are the ones the Java launcher validates with (``activation.schema.json`` and the
``runner.schema.json`` it refers to), read from the actito-sync jar the DAGs run
(``$ACTITO_SYNC_FLINK_JAR``, resource ``org/actitosync/pipeline/config/``), or, when that jar is
missing or has none, from this checkout's ``pipeline/src/main/resources``. Problems are named by
their path in the file (``runner.parallelism``, ``runner.secrets.DWH_PASSWORD``), as the launcher
names them; only those of the fields the factory reads are kept (``name``, ``schedule``,
``snapshot.root``, ``runner``): the job validates the rest when it starts.
"""
from __future__ import annotations

import json
import zipfile
from functools import lru_cache
from pathlib import Path

from jsonschema import validators
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from .locations import FLINK_JAR_ENV, REPO, flink_jar

RESOURCE = "org/actitosync/pipeline/config/"
CHECKOUT = REPO / "pipeline/src/main/resources" / RESOURCE
RUNNER = "runner.schema.json"
ACTIVATION = "activation.schema.json"
BASE = "https://actito-sync.org/schema/"

TYPES = {"object": "a mapping (key: value)", "array": "a list", "string": "text", "integer": "a whole number",
         "number": "a number", "boolean": "true or false"}


class SchemaNotFound(RuntimeError):
    """Neither the jar nor the checkout holds the config's schemas."""


def problems(doc: dict) -> list[tuple[str, str]]:
    """(path, message) of each problem of the fields the factory reads, in the schema's order."""
    found = []
    for error in _validator().iter_errors(doc):
        for path, message in _describe(error):
            if _read_by_factory(path) and (path, message) not in found:
                found.append((path, message))
    return found


def source() -> str:
    """Where the schemas are read from: the jar, or the checkout's folder."""
    return _schemas()[0]


def _read_by_factory(path: str) -> bool:
    head = path.split(".", 1)[0].split("[", 1)[0]
    return head in ("name", "schedule", "runner") or path in ("snapshot", "snapshot.root")


def _describe(error) -> list[tuple[str, str]]:
    base = list(error.absolute_path)
    instance, schema = error.instance, error.schema if isinstance(error.schema, dict) else {}
    if error.validator == "required":
        return [(_path(base + [key]), "missing required value")
                for key in error.validator_value if isinstance(instance, dict) and key not in instance]
    if error.validator == "additionalProperties" and error.validator_value is False:
        allowed = list(schema.get("properties", {}))
        return [(_path(base + [key]), "unknown key; expected one of: " + ", ".join(allowed))
                for key in instance if key not in allowed]
    if error.validator == "type" and "object" in _list(error.validator_value):
        return [(_path(base), f"expected {TYPES['object']}, got {instance!r}")]
    described = schema.get("description")
    if not described and error.validator == "type":
        described = "Expected " + " or ".join(TYPES.get(t, t) for t in _list(error.validator_value)) + "."
    return [(_path(base), f"{described} Got {instance!r}." if described else error.message)]


def _list(value) -> list:
    return value if isinstance(value, list) else [value]


def _path(parts: list) -> str:
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _validator():
    jar = Path(flink_jar())
    stamps = tuple(p.stat().st_mtime_ns if p.is_file() else None for p in (jar, CHECKOUT / RUNNER, CHECKOUT / ACTIVATION))
    return _validator_for(str(jar), stamps)


def _schemas() -> tuple[str, dict[str, dict]]:
    jar = Path(flink_jar())
    return _read(str(jar), jar.stat().st_mtime_ns if jar.is_file() else None)


@lru_cache(maxsize=4)
def _validator_for(jar: str, stamps: tuple):
    """Cached per version of the jar and of the checkout's schema: the DAG processor parses the
    DAG file again and again."""
    schemas = _read(jar, stamps[0])[1]
    registry = Registry().with_resources(
        (s.get("$id", BASE + name), Resource.from_contents(s, default_specification=DRAFT202012))
        for name, s in schemas.items())
    root = schemas[ACTIVATION]
    return validators.validator_for(root)(root, registry=registry)


def _read(jar: str, stamp: int | None) -> tuple[str, dict[str, dict]]:
    """The *.schema.json files of the jar (when it exists and has both schemas), else of the
    checkout."""
    if stamp is not None:
        try:
            with zipfile.ZipFile(jar) as z:
                names = [n for n in z.namelist() if n.startswith(RESOURCE) and n.endswith(".schema.json")
                         and "/" not in n[len(RESOURCE):]]
                schemas = {n[len(RESOURCE):]: json.loads(z.read(n)) for n in names}
        except (OSError, zipfile.BadZipFile):
            schemas = {}
        if RUNNER in schemas and ACTIVATION in schemas:
            return f"{jar}!/{RESOURCE}", schemas
    if (CHECKOUT / RUNNER).is_file() and (CHECKOUT / ACTIVATION).is_file():
        return str(CHECKOUT), {p.name: json.loads(p.read_text(encoding="utf-8"))
                               for p in sorted(CHECKOUT.glob("*.schema.json"))}
    raise SchemaNotFound(f"cannot validate the config: no {ACTIVATION} and {RUNNER} in {jar}"
                         f" (${FLINK_JAR_ENV}) nor in {CHECKOUT}")
