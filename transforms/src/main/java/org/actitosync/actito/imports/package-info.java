/** Bulk imports: CSV/zip building and splitting, upload, polling, per-row results. */
package org.actitosync.actito.imports;
