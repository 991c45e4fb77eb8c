package com.marketpulse.ingestion.alpaca;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * Closes the gap a reconnect left: fetches the REST trades since the stream was last known complete (at most
 * {@code max-backfill} back) and offers each to the de-duplicating publisher, so nothing is lost or doubled.
 */
final class GapBackfill {

    private static final Logger log = LoggerFactory.getLogger(GapBackfill.class);

    private final AlpacaSettings settings;
    private final AlpacaHistoricalClient history;
    private final AlpacaMetrics metrics;
    private final Clock clock;

    GapBackfill(AlpacaSettings settings, AlpacaHistoricalClient history, AlpacaMetrics metrics, Clock clock) {
        this.settings = settings;
        this.history = history;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Offers every trade since {@code since} to {@code publishOnce} (true when it was new). */
    void close(Instant since, Predicate<AlpacaMessage.Trade> publishOnce) throws InterruptedException {
        Instant end = clock.instant();
        Instant start = since;
        if (since.isBefore(end.minus(settings.maxBackfill()))) {
            start = end.minus(settings.maxBackfill());
            metrics.gapTruncated();
            log.warn("The stream was away since {}: only the last {} are backfilled (marketpulse.alpaca.max-backfill);"
                    + " trades before {} are not ingested", since, settings.maxBackfill(), start);
        }
        try {
            List<AlpacaMessage.Trade> trades = history.trades(settings.symbols(), start, end, metrics::malformed);
            int published = 0;
            for (AlpacaMessage.Trade trade : trades) {
                if (publishOnce.test(trade)) {
                    published++;
                }
            }
            metrics.gapBackfilled(published);
            log.info("Backfilled {} trade(s) from {} to {} after the reconnect ({} already seen)", published, start,
                    end, trades.size() - published);
        } catch (IOException e) {
            metrics.gapNotClosed();
            log.error("Could not backfill the gap from {} to {} from Alpaca REST: {}", start, end, e.getMessage());
        }
    }
}
