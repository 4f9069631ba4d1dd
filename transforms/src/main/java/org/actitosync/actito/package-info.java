/**
 * Actito REST API client: {@link org.actitosync.actito.ActitoClient} built from a serializable
 * {@link org.actitosync.actito.ActitoClientConfig}. Sub-packages by role: {@code auth} (token
 * cache), {@code http} (paths, escaping, the call loop), {@code errors} (classification,
 * exceptions), {@code retry} (policy, backoff), {@code observe} (listener, counters), and one
 * package per API family ({@code records}, {@code profiles}, {@code structure}, {@code imports}).
 */
package org.actitosync.actito;
