/** Paths, escaping, JSON, and the call loop (token, send, classify, retry). */
package org.actitosync.actito.http;
