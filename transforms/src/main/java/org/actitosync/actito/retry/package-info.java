/** Retry policy and backoff bookkeeping. */
package org.actitosync.actito.retry;
