/**
 * The Dataflow runner of actito-sync: {@link org.actitosync.runners.dataflow.DataflowMain} (the
 * Flex Template's main class), the template metadata generated from the options ({@link
 * org.actitosync.runners.dataflow.TemplateMetadata}) and Secret Manager references for the API key
 * and the database password ({@link org.actitosync.runners.dataflow.SecretFiles}).
 */
package org.actitosync.runners.dataflow;
