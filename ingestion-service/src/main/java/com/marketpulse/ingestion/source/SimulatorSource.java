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
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the market simulator against the wall clock, publishing ticks to market.crypto and labels to market.labels.
 * Quotes and minute bars (the thin profile's live price; bars on both profiles) reach {@link #onQuote} and
 * {@link #onBar}, where they are counted until the publisher takes them to market.quotes and market.source-bars.
 */
final class SimulatorSource implements IngestionSource, MarketSink {

    private static final Logger log = LoggerFactory.getLogger(SimulatorSource.class);
    private static final long STEP_MILLIS = 50;

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
        MarketSimulator simulator = new MarketSimulator(options, symbols, clock.instant());
        seed = simulator.seed();
        log.info("Market simulator started for {}: {}, seed {} (set MARKETPULSE_SIMULATOR_SEED={} to repeat this "
                        + "market){}", symbols, describe(options), simulator.seed(), simulator.seed(),
                options.firstAnomalyAfter() == null ? ""
                        : "; first price spike on " + symbols.getFirst() + " in " + options.firstAnomalyAfter());
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("simulator").daemon().factory());
        executor.scheduleAtFixedRate(() -> advance(simulator), STEP_MILLIS, STEP_MILLIS, TimeUnit.MILLISECONDS);
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
                + " minute bars simulated, not published yet");
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

    /** Not published yet: market.quotes gets them once the publisher carries quotes (issue 11). */
    @Override
    public void onQuote(Quote quote) {
        quotes.incrementAndGet();
    }

    /** Not published yet: market.source-bars gets them once the publisher carries source bars (issue 11). */
    @Override
    public void onBar(SourceBar bar) {
        bars.incrementAndGet();
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
