package org.actitosync.runners.dataflow;

/**
 * The Flex Template's main class ({@code FLEX_TEMPLATE_JAVA_MAIN_CLASS}): one activation on
 * Dataflow. See {@code --help}; the exit code is the pipeline launcher's.
 */
public final class DataflowMain {
  private DataflowMain() {}

  public static void main(String[] args) {
    System.exit(new DataflowLauncher(System.out, System.err, new SecretManagerSecrets()).run(args));
  }
}
