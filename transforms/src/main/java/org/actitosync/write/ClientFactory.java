package org.actitosync.write;

import org.actitosync.actito.ActitoClient;

/** Builds the writer's client: paced by the run's rate budget, reporting to Beam metrics. */
final class ClientFactory {
  private ClientFactory() {}

  static ActitoClient create(WriterConfig config, RateBudget budget) {
    return ActitoClient.builder(config.client())
        .transport(RateLimitedTransport.create(budget))
        .listener(new WriterMetrics())
        .build();
  }

  static RateBudget budget(WriterConfig config) {
    return config.rateBudgets().budget(config.runKey(), config.callsPerMinute(), config.concurrency());
  }
}
