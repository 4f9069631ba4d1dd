/** Error classification (the one place) and the exceptions the client throws. */
package org.actitosync.actito.errors;
