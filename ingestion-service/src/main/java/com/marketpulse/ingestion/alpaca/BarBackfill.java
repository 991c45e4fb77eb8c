package com.marketpulse.ingestion.alpaca;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Fetches the complete minute bars Kafka has not had yet from REST ({@code bars?timeframe=1Min}) on every
 * (re)connect: from the newest bar published per symbol (this run's or, after a restart, the one read back from
 * Kafka; a couple of minutes before it, for corrections missed meanwhile), or, for a symbol with none yet, from
 * {@code bar-seed} ago, so the features warm up at once. Each bar is
 * offered to the de-duplicating publisher: what was published already is skipped, a bar that changed while we were
 * away goes out as a correction.
 */
final class BarBackfill {

    private static final Logger log = LoggerFactory.getLogger(BarBackfill.class);
    private static final Duration MINUTE = Duration.ofMinutes(1);
    /** Refetched before the newest bar known: a late correction ({@code u}) of them may have been missed. */
    static final Duration CORRECTION_WINDOW = Duration.ofMinutes(2);

    private final AlpacaSettings settings;
    private final AlpacaHistoricalClient history;
    private final AlpacaMetrics metrics;
    private final Clock clock;

    BarBackfill(AlpacaSettings settings, AlpacaHistoricalClient history, AlpacaMetrics metrics, Clock clock) {
        this.settings = settings;
        this.history = history;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Offers every complete bar since the newest one {@code ledger} knows to {@code publishOnce}. */
    void fill(BarLedger ledger, Function<AlpacaMessage.Bar, BarLedger.Verdict> publishOnce)
            throws InterruptedException {
        Instant now = clock.instant();
        // a bar is complete once its minute is over: the last complete one started a minute before this minute
        Instant end = now.truncatedTo(ChronoUnit.MINUTES).minus(MINUTE);
        Instant floor = now.minus(settings.barSeed()).truncatedTo(ChronoUnit.MINUTES);
        List<String> unseeded = settings.symbols().stream().filter(s -> ledger.newest(s).isEmpty()).toList();
        Instant start = settings.symbols().stream()
                .map(s -> ledger.newest(s).map(newest -> newest.minus(CORRECTION_WINDOW)).orElse(floor))
                .min(Instant::compareTo).orElse(floor);
        if (start.isBefore(floor)) {
            metrics.gapTruncated();
            log.warn("Minute bars were last published at {}: only the last {} are fetched (ALPACA_BAR_SEED)", start,
                    settings.barSeed());
            start = floor;
        }
        if (start.isAfter(end)) {
            return;
        }
        try {
            List<AlpacaMessage.Bar> bars = history.minuteBars(settings.symbols(), start, end, metrics::malformed);
            Map<BarLedger.Verdict, Integer> verdicts = new EnumMap<>(BarLedger.Verdict.class);
            for (AlpacaMessage.Bar bar : bars) {
                verdicts.merge(publishOnce.apply(bar), 1, Integer::sum);
            }
            int fresh = verdicts.getOrDefault(BarLedger.Verdict.NEW, 0);
            int corrections = verdicts.getOrDefault(BarLedger.Verdict.CORRECTION, 0);
            metrics.barsBackfilled(fresh, corrections);
            log.info("Fetched {} minute bar(s) of {} from {} to {}{}: {} new, {} correction(s), {} already published",
                    bars.size(), settings.symbols(), start, end,
                    unseeded.isEmpty() ? "" : " (seeding " + unseeded + ")", fresh, corrections,
                    verdicts.getOrDefault(BarLedger.Verdict.REPEAT, 0));
        } catch (IOException e) {
            metrics.gapNotClosed();
            log.error("Could not fetch the minute bars from {} to {} from Alpaca REST: {}", start, end, e.getMessage());
        }
    }
}
