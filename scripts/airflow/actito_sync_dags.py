"""Airflow DAG file: one DAG per activation config in $ACTITO_SYNC_ACTIVATIONS (default:
scripts/airflow/activations/). See scripts/airflow/README.md."""
from actito_sync_airflow.factory import build_dags

globals().update(build_dags())
