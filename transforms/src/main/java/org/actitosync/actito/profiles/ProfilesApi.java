package org.actitosync.actito.profiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.actitosync.actito.Operation;
import org.actitosync.actito.errors.ActitoException;
import org.actitosync.actito.errors.ErrorClass;
import org.actitosync.actito.http.ActitoHttp;
import org.actitosync.actito.http.ActitoPaths;
import org.actitosync.actito.http.ApiRequest;
import org.actitosync.actito.http.ApiResponse;
import org.actitosync.actito.http.Json;

/**
 * Profiles (v4 profiles API, family prefix {@code /profiles}): lookup by a unique attribute and
 * create/upsert. Both calls are idempotent (upsert matches on the table's unique attributes) and
 * retried on RETRYABLE errors. Answers are read tolerantly: unknown fields are ignored and the
 * profile id is taken from wherever Actito puts it ({@link ProfileIds}).
 */
public final class ProfilesApi {
  private final ActitoHttp http;
  private final ActitoPaths paths;

  public ProfilesApi(ActitoHttp http, ActitoPaths paths) {
    this.http = http;
    this.paths = paths;
  }

  /**
   * {@code GET …/profile/{attribute}={value}} (both sides percent-encoded); empty on 404. A 200
   * proves the profile exists; its id is read from a top-level {@code profileId} or from the
   * {@code attributes} list (Actito's SDK shape) and is empty when neither carries it.
   *
   * @param attribute a unique attribute of the profile table, e.g. {@code emailAddress}
   */
  public Optional<Profile> findByUniqueAttribute(String table, String attribute, String value) {
    ApiResponse r = http.execute(ApiRequest.of(Operation.PROFILE_GET, "GET",
        paths.profileByAttribute(table, attribute, value), null).passingThrough(404));
    if (r.status() == 404) {
      return Optional.empty();
    }
    JsonNode body = r.json();
    return Optional.of(Profile.of(ProfileIds.read(body), Json.fromNamedValues(body.get("attributes"))));
  }

  /**
   * {@code POST …/profile?allowUpdate=…} with {@code {"attributes":[{"name","value"}…]}}. With
   * {@code allowUpdate} an existing profile (matched on unique attributes) is updated; without it,
   * an existing profile gives outcome EXISTS (Actito's 409) and is left untouched.
   *
   * <p>Evidence: a written profile is reported only with the id Actito returned (top-level {@code
   * profileId}, or in {@code attributes}). A 2xx answer without a readable id proves nothing about
   * the profile and throws a RETRYABLE {@link ActitoException}: the caller counts the profile as
   * FAILED for this run, and a later run checks it again.
   */
  public ProfileWriteResult upsert(String table, Map<String, ?> attributes, boolean allowUpdate) {
    if (attributes.isEmpty()) {
      throw new IllegalArgumentException("a profile write needs at least one attribute");
    }
    ObjectNode body = Json.object();
    body.set("attributes", Json.namedValues(attributes));
    ApiRequest request = ApiRequest.of(Operation.PROFILE_UPSERT, "POST", paths.profiles(table),
        Json.content(body)).withQuery("allowUpdate=" + allowUpdate);
    ApiResponse r = http.execute(allowUpdate ? request : request.passingThrough(409));
    if (r.status() == 409) {
      return ProfileWriteResult.of(ProfileWriteResult.Outcome.EXISTS, OptionalLong.empty(),
          r.attempts());
    }
    JsonNode json = r.lenientJson();
    OptionalLong id = ProfileIds.read(json);
    if (id.isEmpty()) {
      throw new ActitoException(Operation.PROFILE_UPSERT, request.toString(),
          ErrorClass.RETRYABLE, r.status(), "the answer carries no profileId (neither top-level nor in"
              + " attributes)", r.attempts(), false,
          "not counted as a written profile: without the id nothing proves Actito stored it", null);
    }
    JsonNode created = json.get("created");
    ProfileWriteResult.Outcome outcome = created == null || !created.isBoolean()
        ? ProfileWriteResult.Outcome.WRITTEN
        : created.asBoolean() ? ProfileWriteResult.Outcome.CREATED : ProfileWriteResult.Outcome.UPDATED;
    return ProfileWriteResult.of(outcome, id, r.attempts());
  }
}
