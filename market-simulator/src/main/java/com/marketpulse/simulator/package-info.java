/**
 * The simulated crypto market, plain Java, driven by a virtual clock so hours of market take milliseconds in tests
 * and evaluations. Two venues ({@link com.marketpulse.simulator.Profile}): a dense one (per pair a GARCH(1,1)
 * random walk with Student-t innovations, Poisson trades several times a second, lognormal sizes) and a thin one
 * modelled on Alpaca's {@code us} (a latent mid-price with clustered fat-tailed volatility, quotes every 1-2 s,
 * ~150 trades a day, a minute bar every minute). Both emit minute bars and labelled injected anomalies: classic
 * per-trade ones (dense) or events in market terms (percent moves, volume and volatility multiples over minutes).
 * Entry points: {@link com.marketpulse.simulator.MarketSimulator}, {@link com.marketpulse.simulator.MarketSink},
 * {@link com.marketpulse.simulator.SimulatorOptions}, {@link com.marketpulse.simulator.MarketEvent}.
 */
package com.marketpulse.simulator;
