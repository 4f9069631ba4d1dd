package org.actitosync.actito;

/**
 * Actito's public API environments (the licence's environment is shown next to the API key in
 * "Manage API users"). Each maps to one base URL; the token, v4 and v5 routes all live under it.
 */
public enum ActitoEnvironment {
  PRODUCTION_ENV0("https://api.actito.com"),
  PRODUCTION_ENV1("https://api1.actito.com"),
  PRODUCTION_ENV3("https://api3.actito.com"),
  PREPROD("https://api-pre1.actito.com");

  private final String baseUrl;

  ActitoEnvironment(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** The base URL, without a trailing slash. */
  public String baseUrl() {
    return baseUrl;
  }
}
