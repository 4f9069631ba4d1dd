package org.actitosync.pipeline.alert;

import com.google.auto.value.AutoValue;
import java.util.List;
import org.actitosync.pipeline.config.SecretRef;
import org.checkerframework.checker.nullness.qual.Nullable;

/** The e-mail channel: an SMTP server, the sender and the recipients. The password is a secret reference. */
@AutoValue
public abstract class EmailSettings implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  /** How the SMTP connection is secured. */
  public enum Security {
    /** Plain connection upgraded with STARTTLS (required). Usual on port 587. */
    STARTTLS,
    /** TLS from the first byte. Usual on port 465. */
    SSL,
    /** No encryption (a relay on localhost or a test server only). */
    NONE
  }

  public static final int DEFAULT_PORT = 587;
  public static final int DEFAULT_TIMEOUT_SECONDS = 10;

  public abstract String host();

  public abstract int port();

  public abstract Security security();

  public abstract String from();

  public abstract List<String> to();

  public abstract @Nullable String user();

  public abstract @Nullable SecretRef password();

  public abstract int timeoutSeconds();

  public static EmailSettings of(
      String host,
      int port,
      Security security,
      String from,
      List<String> to,
      @Nullable String user,
      @Nullable SecretRef password,
      int timeoutSeconds) {
    return new AutoValue_EmailSettings(
        host, port, security, from, List.copyOf(to), user, password, timeoutSeconds);
  }
}
