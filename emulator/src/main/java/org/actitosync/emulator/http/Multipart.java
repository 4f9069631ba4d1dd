package org.actitosync.emulator.http;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.actitosync.emulator.imports.ImportService;
import org.actitosync.emulator.validation.ValidationException;

/** Reading the multipart/form-data bodies of imports and ETL executions. */
final class Multipart {
  /** An uploaded file part: its filename (null when not given) and bytes. */
  record FilePart(String fileName, byte[] bytes) {
  }

  private Multipart() {
  }

  /**
   * The {@code name} file part; 415 when the request is not multipart/form-data, 400 when the part is absent
   * or larger than {@code maxBytes} (checked before reading it).
   */
  static FilePart file(Context ctx, String name, long maxBytes) throws Exception {
    String contentType = ctx.contentType();
    if (contentType == null || !contentType.toLowerCase().startsWith("multipart/form-data")) {
      throw new ApiException(415, "This request must be multipart/form-data");
    }
    UploadedFile input = ctx.uploadedFile(name);
    if (input == null) {
      throw new ValidationException(name, "Missing multipart part '" + name + "'");
    }
    ImportService.checkSize(input.size(), maxBytes);
    try (InputStream in = input.content()) {
      return new FilePart(input.filename(), in.readAllBytes());
    }
  }

  /** The text of the {@code name} part, sent as a file part or as a plain form field; 400 when absent. */
  static String text(Context ctx, String name) throws Exception {
    UploadedFile file = ctx.uploadedFile(name);
    if (file != null) {
      try (InputStream in = file.content()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    String field = ctx.formParam(name);
    if (field == null) {
      throw new ValidationException(name, "Missing multipart part '" + name + "'");
    }
    return field;
  }
}
