/** Custom-table record operations. */
package org.actitosync.actito.records;
