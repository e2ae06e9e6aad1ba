package org.biasaudit.jobs;

import picocli.CommandLine.Option;

/**
 * The train/dev split of a NewsMTSC file: {@code jobs/train-sentiment} carves the train part with it and
 * {@code jobs/eval-sentiment} scores the dev side of the same split, so both take the same options with the
 * same defaults.
 */
final class SplitOptions {
  static final long DEFAULT_SEED = 20240101L;
  static final double DEFAULT_DEV_SHARE = 0.2;

  @Option(names = "--seed", defaultValue = "" + DEFAULT_SEED,
      description = "Seed of the stratified train/dev split. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--dev-share", defaultValue = "" + DEFAULT_DEV_SHARE,
      description = "Share of sentences in the dev split. Default: ${DEFAULT-VALUE}.")
  double devShare;
}
