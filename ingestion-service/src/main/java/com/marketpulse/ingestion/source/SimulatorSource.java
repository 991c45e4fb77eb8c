package com.marketpulse.ingestion.source;

import com.marketpulse.events.AnomalyLabel;
import com.marketpulse.events.Quote;
import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Tick;
import com.marketpulse.events.Topics;
import com.marketpulse.ingestion.publish.TickPublisher;
import com.marketpulse.simulator.MarketSimulator;
import com.marketpulse.simulator.MarketSink;
import com.marketpulse.simulator.SimulatorOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the market simulator against the wall clock, publishing ticks to market.crypto, quotes to market.quotes,
 * minute bars to market.source-bars and labels to market.labels. At start it first simulates the configured
 * {@code history} and publishes its minute bars only, as Alpaca's REST bars seed a real venue, so the detector's
 * usual levels are warm at once and the first injected move (after {@code first-anomaly-after}) is judged.
 */
final class SimulatorSource implements IngestionSource, MarketSink {

    private static final Logger log = LoggerFactory.getLogger(SimulatorSource.class);
    private static final long STEP_MILLIS = 50;
    private static final Duration HISTORY_STORE_WAIT = Duration.ofSeconds(30);

    private final SimulatorOptions options;
    private final List<String> symbols;
    private final TickPublisher publisher;
    private final Clock clock;
    private ScheduledExecutorService executor;
    private volatile long seed;
    private final AtomicLong quotes = new AtomicLong();
    private final AtomicLong bars = new AtomicLong();

    SimulatorSource(SimulatorOptions options, List<String> symbols, TickPublisher publisher, Clock clock) {
        this.options = options;
        this.symbols = List.copyOf(symbols);
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    public void start() {
        Instant now = clock.instant();
        Duration history = options.history();
        SimulatorOptions live = options.firstAnomalyAfter() == null ? options
                : options.withFirstAnomalyAfter(options.firstAnomalyAfter().plus(history));
        MarketSimulator simulator = new MarketSimulator(live, symbols, now.minus(history));
        seed = simulator.seed();
        log.info("Market simulator started for {}: {}, seed {} (set MARKETPULSE_SIMULATOR_SEED={} to repeat this "
                        + "market){}", symbols, describe(options), simulator.seed(), simulator.seed(),
                options.firstAnomalyAfter() == null ? ""
                        : "; first price move on " + symbols.getFirst() + " in " + options.firstAnomalyAfter());
        if (history.isPositive()) {
            seedHistory(simulator, now);
        }
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("simulator").daemon().factory());
        executor.scheduleAtFixedRate(() -> advance(simulator), STEP_MILLIS, STEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Simulates the history up to now and publishes its minute bars only (no trade, quote or label). */
    private void seedHistory(MarketSimulator simulator, Instant now) {
        long[] seeded = {0};
        simulator.advanceTo(now, new MarketSink() {
            @Override
            public void onTick(Tick tick) {
            }

            @Override
            public void onBar(SourceBar bar) {
                // history, as Alpaca's REST seed is: a correction, never judged late
                if (publisher.publishCorrection(Topics.MARKET_SOURCE_BARS, bar)) {
                    seeded[0]++;
                }
            }

            @Override
            public void onLabel(AnomalyLabel label) {
            }
        });
        // stored before the live market starts, so feature-service meets the history first; and a count it can stand by
        boolean acknowledged = publisher.flush(HISTORY_STORE_WAIT);
        log.info("Seeded {} minute bars of simulated history ({} before now) to {}, {}", seeded[0], options.history(),
                Topics.MARKET_SOURCE_BARS, acknowledged ? "all acknowledged by Kafka"
                        : "not all acknowledged by Kafka within " + HISTORY_STORE_WAIT + " (the publisher keeps them)");
    }

    private void advance(MarketSimulator simulator) {
        try {
            simulator.advanceTo(clock.instant(), this);
        } catch (RuntimeException e) {
            log.error("Simulator step failed; continuing with the next step", e);
        }
    }

    private static String describe(SimulatorOptions options) {
        String venue = switch (options.profile()) {
            case DENSE -> "dense venue, " + options.tradesPerSecond() + " trades/s per symbol";
            case THIN -> "thin venue, " + options.thin().tradesPerDay() + " trades/day per symbol, quotes every "
                    + options.thin().minQuoteInterval().toMillis() + "-" + options.thin().maxQuoteInterval().toMillis()
                    + " ms";
        };
        String events = switch (options.events()) {
            case CLASSIC -> options.anomaliesPerHour() + " classic anomalies/h per symbol";
            case MARKET -> options.marketEvents().perHour() + " market events/h per symbol";
        };
        return venue + ", " + events;
    }

    @Override
    public String venue() {
        return "simulator";
    }

    @Override
    public SourceStatus status() {
        return SourceStatus.up("running", "simulating " + symbols + " (" + options.profile().name().toLowerCase()
                + ") with seed " + seed + "; " + quotes.get() + " quotes and " + bars.get()
                + " minute bars published");
    }

    @Override
    public void onTick(Tick tick) {
        publisher.publish(Topics.MARKET_CRYPTO, tick);
    }

    @Override
    public void onLabel(AnomalyLabel label) {
        log.info("Injecting {} on {} from {} to {} (magnitude {})", label.kind(), label.symbol(), label.start(),
                label.end(), label.magnitude());
        publisher.publishLabel(label);
    }

    @Override
    public void onQuote(Quote quote) {
        quotes.incrementAndGet();
        publisher.publish(Topics.MARKET_QUOTES, quote);
    }

    @Override
    public void onBar(SourceBar bar) {
        bars.incrementAndGet();
        publisher.publish(Topics.MARKET_SOURCE_BARS, bar);
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
