/** Custom and profile table structures, attribute change requests. */
package org.actitosync.actito.structure;
