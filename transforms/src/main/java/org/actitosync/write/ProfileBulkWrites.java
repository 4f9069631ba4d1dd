package org.actitosync.write;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.actitosync.actito.ActitoClient;
import org.actitosync.actito.errors.ActitoAuthException;
import org.actitosync.actito.errors.ActitoException;
import org.actitosync.actito.errors.ErrorClass;
import org.actitosync.actito.etl.EtlDefinitionTemplate;
import org.actitosync.actito.etl.ImportFile;
import org.actitosync.record.AttributeType;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.values.KV;

/**
 * Ensures the referenced profiles in bulk, without a lookup each: one-shot v5 ETL executions on the
 * profile table ({@code PROFILE_TABLE}) in mode {@code CREATE_ONLY}, so an existing profile is
 * never modified (Actito skips it), a missing one is created. CSV files split under the file cap,
 * one execution at a time, streamed through temporary files.
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

  /**
   * Gives {@code out} one outcome per referenced profile (link value, attributes a new one gets),
   * read once as they come, as its execution ends (see {@link EtlExecutions#write}: at most one
   * file's profiles are pending, on disk). No order: a CREATE_ONLY import is idempotent in any order.
   */
  void write(Iterable<KV<String, Map<String, String>>> missing, Consumer<KV<String, ProfileOutcome>> out) {
    new EtlExecutions<>(client, spec(), null).write(missing, (profile, v) -> {
      String link = profile.getKey();
      ProfileOutcome outcome = switch (v.kind()) {
        case WRITTEN -> ProfileOutcome.writtenInBulk();
        case NAMED -> refused(link, v.message());
        case REFUSED, FAILED -> ProfileOutcome.notCreated(v.kind() == EtlExecutions.Kind.REFUSED,
            v.status(), option.profileAttribute(), link, v.message());
      };
      out.accept(KV.of(link, outcome));
    });
  }

  /** The profiles on the wire: their rows, CREATE_ONLY one-shot executions on the profile table. */
  private EtlExecutions.Spec<KV<String, Map<String, String>>> spec() {
    return new EtlExecutions.Spec<>() {
      @Override
      public List<String> columns() {
        return columns;
      }

      @Override
      public Map<String, Object> row(KV<String, Map<String, String>> profile) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (String column : columns) {
          row.put(column, WireValues.toCsv(type(column), profile.getValue().get(column), config.timeZone()));
        }
        return row;
      }

      @Override
      public Coder<KV<String, Map<String, String>>> coder() {
        return ProfileSteps.REF_CODER;
      }

      @Override
      public String start(ImportFile file) {
        String definition = config.definitionTemplate().render(withProfileTable(EtlDefinitionTemplate.values(
            option.profileTable(), CREATE_ONLY, columns, file, config.reportRecipients())));
        return client.etl().oneShot(file, definition);
      }

      @Override
      public String describe(String executionId) {
        return "ETL execution " + executionId + " on profile table " + option.profileTable();
      }
    };
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

  private static Map<String, String> withProfileTable(Map<String, String> values) {
    Map<String, String> v = new LinkedHashMap<>(values);
    v.put("tableType", EtlDefinitionTemplate.PROFILE_TABLE);
    return v;
  }

  private AttributeType type(String attribute) {
    AttributeType profileOnly = option.profileOnlyTypes().get(attribute);
    return profileOnly != null ? profileOnly : config.type(option.profileAttributes().get(attribute));
  }
}
