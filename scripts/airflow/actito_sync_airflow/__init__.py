"""Airflow side of actito-sync: one DAG per activation config (see scripts/airflow/README.md)."""
