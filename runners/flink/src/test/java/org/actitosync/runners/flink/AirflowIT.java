package org.actitosync.runners.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Airflow DAGs are part of the suite ({@code scripts/airflow/test.sh}: the import test and a
 * real {@code airflow dags test} run against the emulator and PostgreSQL, with this module's jar;
 * the first run installs Airflow from PyPI into a cached virtual environment, about 5 minutes).
 */
@Tag("shaded-jar")
class AirflowIT {
  @Test
  void theAirflowTestsPass() throws Exception {
    ScriptRun airflow = ScriptRun.of("scripts/airflow/test.sh", Duration.ofMinutes(40));
    System.out.println("scripts/airflow/test.sh (full output in " + airflow.log + "):\n" + airflow.tail(30));
    assertEquals(0, airflow.code, airflow.tail(200));
  }
}
