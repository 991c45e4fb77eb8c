/**
 * The detection side of backtest runs that is not scoring: each run's detector settings and cancellation from
 * backtest.commands ({@code detection.backtest_runs}), and the ground truth its input carried from
 * market.labels.replay ({@code detection.backtest_labels}). The scoring of a run's features is in {@code alert}.
 */
package com.marketpulse.detection.backtest;
