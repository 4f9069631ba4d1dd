package org.actitosync.write;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.actitosync.actito.ActitoClient;
import org.actitosync.actito.errors.ActitoAuthException;
import org.actitosync.actito.errors.ActitoException;
import org.actitosync.actito.errors.ErrorClass;
import org.actitosync.actito.etl.CsvFormat;
import org.actitosync.actito.etl.CsvImportFiles;
import org.actitosync.actito.etl.EtlDefinitionTemplate;
import org.actitosync.actito.etl.EtlErrorReport;
import org.actitosync.actito.etl.EtlExecution;
import org.actitosync.actito.etl.ImportFile;
import org.actitosync.record.AttributeType;
import org.apache.beam.sdk.values.KV;

/**
 * Ensures the referenced profiles in bulk, without a lookup each: one-shot v5 ETL executions on the
 * profile table ({@code PROFILE_TABLE}) in mode {@code CREATE_ONLY}, so an existing profile is
 * never modified (Actito skips it), a missing one is created. CSV files split under the file cap,
 * one execution at a time.
 *
 * <p>Outcomes only from evidence, per profile: a line the error report names is looked up alone
 * (found: EXISTING, an existing profile whose other values differ; absent: REJECTED with Actito's
 * message, the rows' reason); a line not in error is {@link
 * ProfileOutcome.Status#WRITTEN_IN_BULK}: Actito accepted it, so the profile exists (created now or
 * already there: a CREATE_ONLY execution does not say which, so it is never counted as created), and
 * the rows' own writes stay the final proof (Actito checks their foreign key). A report that cannot
 * be fetched, parsed or matched, an execution that failed or whose end was not observed, a
 * transient refusal (429 daily quota, 5xx) → every profile of the file FAILED. A permanent refusal
 * of the whole file splits it in halves until the bad lines are isolated.
 */
final class ProfileBulkWrites {
  static final String CREATE_ONLY = "CREATE_ONLY";

  private final ActitoClient client;
  private final WriterConfig config;
  private final ProfilesOption option;
  private final List<String> columns;

  ProfileBulkWrites(ActitoClient client, WriterConfig config) {
    this.client = client;
    this.config = config;
    this.option = config.profiles();
    this.columns = new ArrayList<>(new TreeSet<>(option.providedAttributes()));
    columns.remove(option.profileAttribute());
    columns.add(0, option.profileAttribute());
  }

  /** One outcome per referenced profile: (link value, attributes a new one gets). */
  List<KV<String, ProfileOutcome>> write(List<KV<String, Map<String, String>>> missing) {
    List<KV<String, ProfileOutcome>> outcomes = new ArrayList<>();
    if (missing.isEmpty()) {
      return outcomes;
    }
    List<ImportFile> files = CsvImportFiles.split(columns, rows(missing), CsvFormat.defaults(),
        client.config().importCompression(), client.config().maxImportBytes());
    int offset = 0;
    for (ImportFile file : files) {
      outcomes.addAll(send(missing.subList(offset, offset + file.rows()), file));
      offset += file.rows();
    }
    return outcomes;
  }

  private List<KV<String, ProfileOutcome>> send(List<KV<String, Map<String, String>>> slice, ImportFile file) {
    String executionId;
    try {
      String definition = config.definitionTemplate().render(withProfileTable(EtlDefinitionTemplate.values(
          option.profileTable(), CREATE_ONLY, columns, file, config.reportRecipients())));
      executionId = client.etl().oneShot(file, definition);
    } catch (ActitoAuthException e) {
      throw e;
    } catch (ActitoException e) {
      if (e.errorClass() == ErrorClass.AUTH) {
        throw e;
      }
      if (e.errorClass() == ErrorClass.PERMANENT && slice.size() > 1) {
        int half = slice.size() / 2;
        List<KV<String, ProfileOutcome>> outcomes = new ArrayList<>();
        for (List<KV<String, Map<String, String>>> part : List.of(slice.subList(0, half), slice.subList(half, slice.size()))) {
          outcomes.addAll(send(part, CsvImportFiles.build(columns, rows(part), CsvFormat.defaults(),
              client.config().importCompression(), client.config().maxImportBytes())));
        }
        return outcomes;
      }
      return all(slice, e.errorClass() == ErrorClass.PERMANENT, e.status(), e.actitoMessage());
    }
    return finish(slice, executionId);
  }

  private List<KV<String, ProfileOutcome>> finish(List<KV<String, Map<String, String>>> slice, String executionId) {
    String what = "ETL execution " + executionId + " on profile table " + option.profileTable();
    EtlExecution execution;
    byte[] report;
    try {
      execution = client.etl().await(executionId);
      switch (execution.state()) {
        case SUCCESS:
          return written(slice, Map.of());
        case WITH_ERROR:
          report = client.etl().errorReport(execution);
          break;
        default:
          return all(slice, false, 0, what + " ended with status " + execution.status());
      }
    } catch (ActitoAuthException e) {
      throw e;
    } catch (ActitoException e) {
      if (e.errorClass() == ErrorClass.AUTH) {
        throw e;
      }
      return all(slice, false, e.status(), what + ": " + e.getMessage());
    }
    Map<String, KV<String, Map<String, String>>> byCsvKey = new LinkedHashMap<>();
    slice.forEach(p -> byCsvKey.put(csvKey(p.getKey()), p));
    String messageColumn = client.etl().contract().reportMessageColumn();
    Map<String, String> rejected;
    try {
      rejected = EtlErrorReport.parse(report, CsvFormat.defaults().separator(), option.profileAttribute(), messageColumn)
          .rejectedByKey(byCsvKey.keySet(), option.profileAttribute(), messageColumn, execution.rowsInError());
    } catch (RuntimeException e) {
      return all(slice, false, 0, what + " ended WITH_ERROR and its error report is unusable (" + e.getMessage() + ")");
    }
    Map<String, String> byLink = new LinkedHashMap<>();
    byCsvKey.forEach((key, p) -> {
      if (rejected.containsKey(key)) {
        byLink.put(p.getKey(), rejected.get(key));
      }
    });
    return written(slice, byLink);
  }

  private List<KV<String, ProfileOutcome>> written(List<KV<String, Map<String, String>>> slice, Map<String, String> rejected) {
    List<KV<String, ProfileOutcome>> outcomes = new ArrayList<>();
    for (KV<String, Map<String, String>> p : slice) {
      String message = rejected.get(p.getKey());
      outcomes.add(KV.of(p.getKey(), message == null ? ProfileOutcome.writtenInBulk() : refused(p.getKey(), message)));
    }
    return outcomes;
  }

  /**
   * A line Actito refused: the profile may still exist with other values (a CREATE_ONLY line for an
   * existing profile whose unique values differ is refused), so it is looked up, alone: found, it
   * is EXISTING (left as it is); absent, the refusal is the rows' reason; a failed lookup FAILED.
   */
  private ProfileOutcome refused(String linkValue, String message) {
    try {
      return client.profiles().findByUniqueAttribute(option.profileTable(), option.profileAttribute(), linkValue)
          .isPresent()
          ? ProfileOutcome.existing()
          : ProfileOutcome.notCreated(true, 400, option.profileAttribute(), linkValue, message);
    } catch (ActitoAuthException e) {
      throw e;
    } catch (ActitoException e) {
      if (e.errorClass() == ErrorClass.AUTH) {
        throw e;
      }
      return ProfileOutcome.notCreated(false, e.status(), option.profileAttribute(), linkValue,
          message + " (and the lookup after it failed: " + e.actitoMessage() + ")");
    }
  }

  private List<KV<String, ProfileOutcome>> all(List<KV<String, Map<String, String>>> slice, boolean permanent,
      int status, String why) {
    List<KV<String, ProfileOutcome>> outcomes = new ArrayList<>();
    for (KV<String, Map<String, String>> p : slice) {
      outcomes.add(KV.of(p.getKey(), ProfileOutcome.notCreated(permanent, status, option.profileAttribute(), p.getKey(), why)));
    }
    return outcomes;
  }

  private static Map<String, String> withProfileTable(Map<String, String> values) {
    Map<String, String> v = new LinkedHashMap<>(values);
    v.put("tableType", EtlDefinitionTemplate.PROFILE_TABLE);
    return v;
  }

  private AttributeType type(String attribute) {
    AttributeType profileOnly = option.profileOnlyTypes().get(attribute);
    return profileOnly != null ? profileOnly : config.type(option.profileAttributes().get(attribute));
  }

  private String csvKey(String linkValue) {
    return WireValues.toCsv(type(option.profileAttribute()), linkValue, config.timeZone());
  }

  private List<Map<String, Object>> rows(List<KV<String, Map<String, String>>> profiles) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (KV<String, Map<String, String>> p : profiles) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (String column : columns) {
        row.put(column, WireValues.toCsv(type(column), p.getValue().get(column), config.timeZone()));
      }
      rows.add(row);
    }
    return rows;
  }
}
