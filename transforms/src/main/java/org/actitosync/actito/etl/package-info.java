/**
 * Bulk writes through Actito's v5 ETL executions: CSV building and splitting (UTF-8 without BOM,
 * gzip by default, at most 100 MB a file; in memory, or streamed to a temporary file by {@link
 * org.actitosync.actito.etl.ImportFileWriter} and uploaded from it), triggered and one-shot
 * executions, polling, error reports. Every inferred name lives in {@link
 * org.actitosync.actito.etl.EtlContract}.
 */
package org.actitosync.actito.etl;
