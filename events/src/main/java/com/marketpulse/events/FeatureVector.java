package com.marketpulse.events;

import java.time.Instant;

/**
 * The rolling features of one symbol right after one tick. Everything the detector looks at.
 *
 * @param eventId        the id of the tick that produced this vector (so a redelivery maps to the same alert)
 * @param symbol         the pair, {@code BTC/USD}
 * @param eventTime      the tick's event time
 * @param price          the tick's price
 * @param size           the tick's size
 * @param samples        how many ticks the windows hold so far (the detector waits for warm-up)
 * @param priceMean      rolling mean of price over the count window
 * @param priceStd       rolling standard deviation of price over the count window
 * @param priceZ         (price - priceMean) / priceStd
 * @param logReturn      log(price / previous price)
 * @param returnZ        robust z-score of the log return: (r - median) / (1.4826 * MAD)
 * @param vwap           volume-weighted average price over the count window
 * @param vwapDeviation  (price - vwap) / vwap
 * @param volShort       realized volatility (std of log returns) over the short window
 * @param volLong        realized volatility over the long window
 * @param volRatio       volShort / volLong
 * @param volume         traded volume over the time window
 * @param volumeZ        z-score of this tick's size against the rolling sizes (log scale)
 * @param typicalSize    the usual trade size: geometric mean of the sizes behind {@code volumeZ} (0 before any), so
 *                       an explanation can say "25× the usual size"
 * @param tradeRate      trades per second over the time window
 * @param runId          the backtest run, {@code null} for live data
 */
public record FeatureVector(
        String eventId,
        String symbol,
        Instant eventTime,
        double price,
        double size,
        int samples,
        double priceMean,
        double priceStd,
        double priceZ,
        double logReturn,
        double returnZ,
        double vwap,
        double vwapDeviation,
        double volShort,
        double volLong,
        double volRatio,
        double volume,
        double volumeZ,
        double typicalSize,
        double tradeRate,
        String runId) {

    public boolean isReplay() {
        return runId != null;
    }
}
