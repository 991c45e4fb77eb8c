/**
 * Detection quality on real markets: real 1-minute candle files replayed through the product's own feature
 * engine ({@code MarketState}) and detector ({@code ScoringPipeline}), as they are and with labelled moves
 * injected at random instants. See {@link com.marketpulse.evaluation.real.RealMarketsCommand}.
 */
package com.marketpulse.evaluation.real;
