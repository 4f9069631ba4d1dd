package org.actitosync.actito.profiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.actitosync.actito.Operation;
import org.actitosync.actito.http.ActitoHttp;
import org.actitosync.actito.http.ActitoPaths;
import org.actitosync.actito.http.ApiRequest;
import org.actitosync.actito.http.ApiResponse;
import org.actitosync.actito.http.Json;

/**
 * Profiles (v4 profile-data API): lookup by a unique attribute and create/upsert. Both calls are
 * idempotent (upsert matches on the table's unique attributes) and retried on RETRYABLE errors.
 */
public final class ProfilesApi {
  private final ActitoHttp http;
  private final ActitoPaths paths;

  public ProfilesApi(ActitoHttp http, ActitoPaths paths) {
    this.http = http;
    this.paths = paths;
  }

  /**
   * {@code GET …/profile/{attribute}={value}} (both sides percent-encoded); empty on 404.
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
    return Optional.of(Profile.of(body.path("profileId").asLong(),
        Json.fromNamedValues(body.get("attributes"))));
  }

  /**
   * {@code POST …/profile?allowUpdate=…} with {@code {"attributes":[{"name","value"}…]}}. With
   * {@code allowUpdate} an existing profile (matched on unique attributes) is updated; without it,
   * an existing profile gives outcome EXISTS (Actito's 409) and is left untouched.
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
    JsonNode json = r.json();
    JsonNode id = json.get("profileId");
    JsonNode created = json.get("created");
    ProfileWriteResult.Outcome outcome = created == null || !created.isBoolean()
        ? ProfileWriteResult.Outcome.WRITTEN
        : created.asBoolean() ? ProfileWriteResult.Outcome.CREATED : ProfileWriteResult.Outcome.UPDATED;
    return ProfileWriteResult.of(outcome,
        id == null || id.isNull() ? OptionalLong.empty() : OptionalLong.of(id.asLong()),
        r.attempts());
  }
}
