package com.marketpulse.ingestion.source;

import com.marketpulse.events.AnomalyLabel;
import com.marketpulse.events.Tick;
import com.marketpulse.events.Topics;
import com.marketpulse.ingestion.publish.TickPublisher;
import com.marketpulse.ingestion.simulator.MarketSimulator;
import com.marketpulse.ingestion.simulator.MarketSink;
import com.marketpulse.settings.SimulatorOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs the market simulator against the wall clock, publishing ticks to market.crypto and labels to market.labels. */
final class SimulatorSource implements IngestionSource, MarketSink {

    private static final Logger log = LoggerFactory.getLogger(SimulatorSource.class);
    private static final long STEP_MILLIS = 50;

    private final SimulatorOptions options;
    private final List<String> symbols;
    private final TickPublisher publisher;
    private final Clock clock;
    private ScheduledExecutorService executor;
    private volatile long seed;

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
        log.info("Market simulator started for {} at {} trades/s per symbol, {} anomalies/h per symbol, seed {} "
                        + "(set MARKETPULSE_SIMULATOR_SEED={} to repeat this market){}", symbols,
                options.tradesPerSecond(), options.anomaliesPerHour(), simulator.seed(), simulator.seed(),
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

    @Override
    public SourceStatus status() {
        return SourceStatus.up("running", "simulating " + symbols + " with seed " + seed);
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
