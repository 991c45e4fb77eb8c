/**
 * The simulated crypto market, plain Java: per symbol a GARCH(1,1) random walk with Student-t innovations,
 * Poisson trade arrivals, lognormal sizes, realistic price levels and tick sizes, and labelled injected anomalies
 * (price spikes, volume anomalies, volatility bursts). Driven by a virtual clock, so hours of market take
 * milliseconds in tests and evaluations.
 */
package com.marketpulse.simulator;
