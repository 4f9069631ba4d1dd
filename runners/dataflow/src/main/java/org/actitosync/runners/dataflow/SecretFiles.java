package org.actitosync.runners.dataflow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.actitosync.pipeline.launch.BeamOptions;

/**
 * Turns Secret Manager references into the secret files the pipeline already understands ({@code
 * target.apiKeyFile}, {@code source.jdbc.passwordFile}).
 *
 * <p>A reference's file path depends only on the directory and the reference (a hash of it), so the
 * launcher ({@link #resolve}) and every worker ({@link SecretFilesInitializer}) write the secret to
 * the same path, the one the config carries to the workers. The directory is {@code 0700}, each file
 * {@code 0600}, written atomically; the value never appears in arguments, logs or exceptions.
 */
public final class SecretFiles {
  /** One reference option and the file setting it feeds. */
  public enum Kind {
    API_KEY("apiKeySecret", "target.apiKeyFile", "target.apiKeyEnv"),
    JDBC_PASSWORD("jdbcPasswordSecret", "source.jdbc.passwordFile", "source.jdbc.passwordEnv");

    private final String option;
    private final String fileSetting;
    private final String envSetting;

    Kind(String option, String fileSetting, String envSetting) {
      this.option = option;
      this.fileSetting = fileSetting;
      this.envSetting = envSetting;
    }

    /** The Beam option naming the reference, without {@code --}. */
    public String option() {
      return option;
    }

    /** The config setting that receives the file's path. */
    public String fileSetting() {
      return fileSetting;
    }

    String referenceIn(SecretManagerOptions options) {
      return this == API_KEY ? options.getApiKeySecret() : options.getJdbcPasswordSecret();
    }
  }

  /** The default directory: identical on the launcher and on Dataflow's (Linux) workers. */
  public static final String DEFAULT_DIRECTORY = "/tmp/actito-sync-secrets";

  private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

  private final Path directory;
  private final SecretSource source;

  public SecretFiles(Path directory, SecretSource source) {
    this.directory = directory;
    this.source = source;
  }

  /** Where the secret of {@code name} is written (a function of the directory and the name only). */
  public Path pathFor(SecretVersionName name) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.toString().getBytes(StandardCharsets.UTF_8));
      return directory.resolve("secret-" + HexFormat.of().formatHex(digest, 0, 12));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * Launcher side: for each reference option in {@code args}, reads the secret, writes its file and
   * returns {@code args} plus {@code --<fileSetting>=<path>} (the reference options stay: Beam
   * carries them to the workers).
   *
   * @throws IllegalArgumentException a malformed reference, or a reference given together with the
   *     setting it replaces
   * @throws IOException the secret cannot be read or written
   */
  public List<String> resolve(List<String> args) throws IOException {
    List<String> result = new ArrayList<>(args);
    Optional<SecretManagerOptions> options = BeamOptions.read(args, SecretManagerOptions.class);
    for (Kind kind : Kind.values()) {
      Optional<String> reference = options.map(kind::referenceIn).filter(r -> !r.isBlank());
      if (reference.isEmpty()) {
        continue;
      }
      for (String replaced : List.of(kind.fileSetting, kind.envSetting)) {
        if (DataflowArgs.value(args, replaced).isPresent()) {
          throw new IllegalArgumentException(
              "--" + kind.option + " replaces --" + replaced + ": give one of them, not both");
        }
      }
      Path file = write(SecretVersionName.parse(reference.get()));
      result.add("--" + kind.fileSetting + "=" + file);
    }
    return result;
  }

  /** Worker side: writes the file of every reference set in {@code options}. */
  public void materialize(SecretManagerOptions options) throws IOException {
    for (Kind kind : Kind.values()) {
      String reference = kind.referenceIn(options);
      if (reference != null && !reference.isBlank()) {
        write(SecretVersionName.parse(reference));
      }
    }
  }

  /** Reads the secret and writes it (UTF-8) to {@link #pathFor}; returns that path. */
  public Path write(SecretVersionName name) throws IOException {
    String value = source.access(name);
    if (value == null || value.isBlank()) {
      throw new IOException("secret " + name + " is empty");
    }
    ensureDirectory();
    Path target = pathFor(name);
    Path temp = Files.createTempFile(directory, ".secret-", ".tmp",
        PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
    try {
      Files.writeString(temp, value, StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(temp, OWNER_ONLY_FILE);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
    return target;
  }

  /** Creates the directory 0700, or checks an existing one is a real directory, ours, 0700. */
  private void ensureDirectory() throws IOException {
    try {
      if (directory.toAbsolutePath().getParent() != null) {
        Files.createDirectories(directory.toAbsolutePath().getParent());
      }
      Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
      Files.setPosixFilePermissions(directory, OWNER_ONLY_DIR);
      return;
    } catch (FileAlreadyExistsException e) {
      // checked below
    }
    if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException("secret directory " + directory + " exists and is not a directory");
    }
    String owner = Files.getOwner(directory, LinkOption.NOFOLLOW_LINKS).getName();
    if (!owner.equals(System.getProperty("user.name"))) {
      throw new IOException("secret directory " + directory + " belongs to " + owner + ", not to this user");
    }
    if (!Files.getPosixFilePermissions(directory, LinkOption.NOFOLLOW_LINKS).equals(OWNER_ONLY_DIR)) {
      throw new IOException("secret directory " + directory + " must have permissions 0700");
    }
  }
}
