package com.marketpulse.ingestion.simulator;

import com.marketpulse.settings.SimulatorOptions;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A simulated crypto market over several pairs, driven by a virtual clock: {@link #advanceTo(Instant, MarketSink)}
 * produces every trade up to the given instant in event-time order. Run it against the wall clock for a live
 * feed, or advance it by hours in one call for tests and evaluations. The same seed, symbols and start instant
 * give exactly the same stream.
 */
public final class MarketSimulator {

    private final long seed;
    private final List<SymbolMarket> markets;
    private Instant clock;

    public MarketSimulator(SimulatorOptions options, List<String> symbols, Instant start) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(start, "start");
        if (symbols == null || symbols.isEmpty()) {
            throw new IllegalArgumentException("the simulator needs at least one symbol");
        }
        this.seed = options.seed() != 0 ? options.seed() : randomSeed();
        SplittableRandom root = new SplittableRandom(seed);
        String runTag = Long.toString(start.getEpochSecond(), 36);
        List<SymbolMarket> built = new ArrayList<>();
        for (int i = 0; i < symbols.size(); i++) {
            built.add(new SymbolMarket(symbols.get(i), options, root.split(), start, runTag, i == 0));
        }
        this.markets = List.copyOf(built);
        this.clock = start;
    }

    /** The seed in use: the configured one, or the one drawn when 0 was configured. */
    public long seed() {
        return seed;
    }

    /** The virtual time up to which the market has been produced. */
    public Instant clock() {
        return clock;
    }

    /** Produces every trade with an event time up to and including {@code until}. */
    public void advanceTo(Instant until, MarketSink sink) {
        Comparator<SymbolMarket> byNextTrade = Comparator.comparing(SymbolMarket::nextTradeAt);
        while (true) {
            SymbolMarket next = markets.stream().min(byNextTrade).orElseThrow();
            if (next.nextTradeAt().isAfter(until)) {
                break;
            }
            next.trade(sink);
        }
        if (until.isAfter(clock)) {
            clock = until;
        }
    }

    private static long randomSeed() {
        long drawn;
        do {
            drawn = new SecureRandom().nextLong();
        } while (drawn == 0);
        return drawn;
    }
}
