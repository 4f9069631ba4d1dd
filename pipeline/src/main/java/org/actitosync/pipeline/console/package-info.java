/**
 * The terminal of a run: only our lines reach it; the logs of the JVM (the runner's, the HTTP
 * client's) go to the run's {@code run.log} ({@link org.actitosync.pipeline.console.RunLog}).
 */
package org.actitosync.pipeline.console;
