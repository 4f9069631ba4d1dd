/** Access-token minting and thread-safe caching. */
package org.actitosync.actito.auth;
