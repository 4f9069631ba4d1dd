"""The check task's reading of a run report (the Java side writes it; see README "Exit codes")."""
from actito_sync_airflow.report import judge, report_path

REPORT = {"runId": "r1", "exit": "OK", "classified": {"INSERT": 8, "UNCHANGED": 0, "REJECTED": 0},
          "outcomeTotals": {"APPLIED": 8}}


def test_counts_and_no_warning():
    verdict = judge(REPORT)
    assert verdict.counts == {"runId": "r1", "exit": "OK", "warningLevel": "NONE",
                              "classified": REPORT["classified"], "outcomes": {"APPLIED": 8}}
    assert verdict.failures == [] and verdict.warnings == []


def test_rejected_rows_warn_but_do_not_fail():
    verdict = judge({**REPORT, "exit": "REJECTED_ROWS", "outcomeTotals": {"APPLIED": 7, "REJECTED": 1}})
    assert verdict.failures == []
    assert verdict.warnings == ["1 row(s) rejected or failed: see the run's dead letters; they are retried next run"]


def test_a_critical_warning_fails_with_its_message():
    warnings = [{"name": "rejectedShare", "level": "CRITICAL", "value": 0.4, "threshold": 0.2,
                 "message": "40 % of the rows were rejected"},
                {"name": "durationMinutes", "level": "WARNING", "value": 70, "threshold": 60, "message": "slow"}]
    verdict = judge({**REPORT, "exit": "CRITICAL_WARNING", "warningLevel": "CRITICAL", "warnings": warnings})
    assert verdict.failures == ["CRITICAL rejectedShare (0.4 against 0.2): 40 % of the rows were rejected"]
    assert verdict.warnings == ["WARNING durationMinutes (70 against 60): slow"]
    # the exit code alone (a report without the warnings list) still fails
    assert judge({**REPORT, "exit": "CRITICAL_WARNING"}).failures


def test_report_paths():
    assert report_path("/snap/", "orders", "r.sync.1") == "/snap/orders/runs/r.sync.1/report.json"
    assert report_path("gs://b/s", "orders", "r.plan.1", plan=True) == "gs://b/s/orders/runs/r.plan.1/plan/report.json"
