/** Observability hooks: call listener and counters (no Beam dependency). */
package org.actitosync.actito.observe;
