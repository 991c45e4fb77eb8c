package com.marketpulse.simulator;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A simulated crypto market over several pairs, driven by a virtual clock: {@link #advanceTo(Instant, MarketSink)}
 * produces every trade, quote, minute bar and label up to the given instant in event-time order. Run it against the
 * wall clock for a live feed, or advance it by hours in one call for tests and evaluations. The same options
 * (seed included), symbols, start instant and scheduled events give exactly the same stream.
 *
 * <p>The {@link Profile} picks the venue: {@link DenseMarket} (several trades a second, bars from the trades, no
 * quotes) or {@link ThinMarket} (quotes every 1-2 s, ~150 trades a day, a bar every minute). The
 * {@link EventStyle} picks how anomalies are injected; market events can also be placed by hand with
 * {@link #schedule(MarketEvent)}, on either profile.
 */
public final class MarketSimulator {

    /** Mixed into the seed for the market-event draws, which must not disturb the dense market's own stream. */
    private static final long EVENT_STREAM = 0x9E3779B97F4A7C15L;

    private final long seed;
    private final Profile profile;
    private final List<SymbolStream> markets;
    private Instant clock;

    public MarketSimulator(SimulatorOptions options, List<String> symbols, Instant start) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(start, "start");
        if (symbols == null || symbols.isEmpty()) {
            throw new IllegalArgumentException("the simulator needs at least one symbol");
        }
        this.seed = options.seed() != 0 ? options.seed() : randomSeed();
        this.profile = options.profile();
        SplittableRandom root = new SplittableRandom(seed);
        String runTag = Long.toString(start.getEpochSecond(), 36);
        Instant quietUntil = options.firstAnomalyAfter() == null ? start : start.plus(options.firstAnomalyAfter());
        List<SymbolStream> built = new ArrayList<>();
        for (int i = 0; i < symbols.size(); i++) {
            String symbol = symbols.get(i);
            var eventRandom = new SplittableRandom(seed ^ (EVENT_STREAM * (i + 1)));
            EventTrack track = options.events() == EventStyle.MARKET
                    ? new EventTrack(symbol, runTag, options.marketEvents(), eventRandom, quietUntil,
                            i == 0 && options.firstAnomalyAfter() != null)
                    : EventTrack.placedOnly(symbol, runTag, eventRandom);
            built.add(switch (options.profile()) {
                case DENSE -> new DenseMarket(symbol, options, root.split(), start, runTag, i == 0, track);
                case THIN -> new ThinMarket(symbol, options.thin(), root.split(), start, runTag, track);
            });
        }
        this.markets = List.copyOf(built);
        this.clock = start;
    }

    /** The seed in use: the configured one, or the one drawn when 0 was configured. */
    public long seed() {
        return seed;
    }

    public Profile profile() {
        return profile;
    }

    /** The virtual time up to which the market has been produced. */
    public Instant clock() {
        return clock;
    }

    /**
     * Places a market event (e.g. {@code MarketEvent.priceMove("BTC/USD", onset, -6.0, Duration.ofMinutes(4))}):
     * its label is emitted at its onset and it acts on the pair from then on, beside any random events.
     *
     * @throws IllegalArgumentException for a pair not simulated, or an onset before {@link #clock()}
     */
    public void schedule(MarketEvent event) {
        if (event.onset().isBefore(clock)) {
            throw new IllegalArgumentException("the market is already at " + clock + ": cannot start " + event);
        }
        markets.stream().filter(m -> m.symbol().equals(event.symbol())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a simulated pair: " + event.symbol()))
                .events().schedule(event);
    }

    /** Produces every event with an event time up to and including {@code until}. */
    public void advanceTo(Instant until, MarketSink sink) {
        Comparator<SymbolStream> byNextEvent = Comparator.comparing(SymbolStream::nextEventAt);
        while (true) {
            SymbolStream next = markets.stream().min(byNextEvent).orElseThrow();
            if (next.nextEventAt().isAfter(until)) {
                break;
            }
            next.step(sink);
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
