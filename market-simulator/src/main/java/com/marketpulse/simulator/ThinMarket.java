package com.marketpulse.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * The thin-venue market of one pair, modelled on Alpaca's own {@code us} venue (PROTOCOL.md §1.10): a latent
 * mid-price in continuous time, quotes around it every 1-2 s, a few small trades a day at the bid or the ask, and a
 * minute bar at every minute's end whether anything traded or not.
 *
 * <p>The latent log mid moves between consecutive events (at most a quote gap apart) by
 * {@code σ·e^(h−s²)·m·√Δt·z}: {@code σ} the pair's volatility per second, {@code z} a unit-variance Student-t draw
 * (ν = {@value #DEGREES_OF_FREEDOM}, fat tails), {@code h} a per-minute AR(1) log-volatility (persistence
 * {@value #VOL_PERSISTENCE}, stationary deviation s = {@value #VOL_OF_VOL}; {@code e^(h−s²)} has mean square 1, so
 * the long-run level stays {@code σ}) for volatility clustering, and {@code m} the multiple of a volatility burst
 * in force. A price move adds its log offset to the mid. Trades are Poisson at {@code trades-per-day}; a volume
 * anomaly of multiple {@code k} gives √k times as many trades, each √k times as large. Sizes scale with the pair's
 * price so every pair trades BTC/USD's notional: quotes 0.2-0.7 BTC a side, trades 0.001-0.03 BTC (log-uniform).
 */
final class ThinMarket implements SymbolStream {

    static final int DEGREES_OF_FREEDOM = 5;
    static final double VOL_PERSISTENCE = 0.97;
    static final double VOL_OF_VOL = 0.35;
    static final double SPREAD_NOISE = 0.15;
    static final double QUOTE_SIZE_MIN = 0.2;
    static final double QUOTE_SIZE_MAX = 0.7;
    static final double TRADE_SIZE_MIN = 0.001;
    static final double TRADE_SIZE_MAX = 0.03;
    /** The price at which the size ranges above are in units of the base currency (BTC/USD's starting level). */
    static final double REFERENCE_PRICE = 90_000.0;
    private static final double SECONDS_PER_YEAR = 365.25 * 24 * 3600;

    private final String symbol;
    private final SymbolProfile profile;
    private final SimulatorOptions.Thin options;
    private final RandomGenerator random;
    private final String runTag;
    private final EventTrack track;
    private final MinuteBars bars;
    private final double sigmaPerSecond;
    private final double sizeScale;

    private double logMid;
    private double logVolatility;
    private Instant latentAt;
    private double bid;
    private double ask;
    private Instant nextQuoteAt;
    private Instant nextTradeAt;
    private long sequence;

    ThinMarket(String symbol, SimulatorOptions.Thin options, RandomGenerator random, Instant start, String runTag,
               EventTrack track) {
        this.symbol = symbol;
        this.profile = SymbolProfile.of(symbol);
        this.options = options;
        this.random = random;
        this.runTag = runTag;
        this.track = track;
        this.bars = new MinuteBars(symbol, start);
        double annual = options.annualVolatility() > 0 ? options.annualVolatility() : profile.annualVolatility();
        this.sigmaPerSecond = annual / Math.sqrt(SECONDS_PER_YEAR);
        this.sizeScale = REFERENCE_PRICE / profile.initialPrice();
        this.logMid = Math.log(profile.initialPrice()) + 0.02 * random.nextGaussian();
        this.logVolatility = VOL_OF_VOL * random.nextGaussian();
        this.latentAt = start;
        setBook(start);
        this.nextQuoteAt = start.plus(quoteGap());
        this.nextTradeAt = start.plus(tradeGap(start));
    }

    @Override
    public String symbol() {
        return symbol;
    }

    @Override
    public EventTrack events() {
        return track;
    }

    @Override
    public Instant nextEventAt() {
        Instant next = bars.nextEndAt();
        for (Instant candidate : new Instant[] {track.nextOnset(), track.nextEnd(), nextQuoteAt, nextTradeAt}) {
            if (candidate.isBefore(next)) {
                next = candidate;
            }
        }
        return next;
    }

    /**
     * At one instant, in this order: the bar that ends there, an event's onset (its label), an event's end, the
     * quote, the trade. The trade clock restarts at every onset and end (the rate may have changed; exponential
     * gaps are memoryless, so this is exact).
     */
    @Override
    public void step(MarketSink sink) {
        Instant time = nextEventAt();
        advanceLatent(time);
        if (bars.nextEndAt().equals(time)) {
            bars.close().ifPresent(sink::onBar);
            logVolatility = VOL_PERSISTENCE * logVolatility
                    + Math.sqrt(1 - VOL_PERSISTENCE * VOL_PERSISTENCE) * VOL_OF_VOL * random.nextGaussian();
        } else if (track.nextOnset().equals(time)) {
            sink.onLabel(track.start());
            nextTradeAt = time.plus(tradeGap(time));
        } else if (track.nextEnd().equals(time)) {
            track.settle(time);
            nextTradeAt = time.plus(tradeGap(time));
        } else if (nextQuoteAt.equals(time)) {
            quote(sink, time);
        } else {
            trade(sink, time);
        }
    }

    private void quote(MarketSink sink, Instant time) {
        setBook(time);
        double bidSize = quoteSize();
        double askSize = quoteSize();
        bars.onMid((bid + ask) / 2);
        sink.onQuote(Emitted.quote(symbol, time, bid, bidSize, ask, askSize));
        nextQuoteAt = time.plus(quoteGap());
    }

    /** A taker trades against the last quote: a buy at the ask, a sell at the bid. */
    private void trade(MarketSink sink, Instant time) {
        boolean buy = random.nextBoolean();
        double price = buy ? ask : bid;
        double logSize = Math.log(TRADE_SIZE_MIN) + random.nextDouble() * Math.log(TRADE_SIZE_MAX / TRADE_SIZE_MIN);
        double size = profile.roundSize(Math.exp(logSize) * sizeScale * Math.sqrt(track.volumeMultiple(time)));
        sequence++;
        bars.onTrade(price, size);
        sink.onTick(Emitted.trade(symbol, time, price, size, runTag + "-" + sequence, buy ? "B" : "S"));
        nextTradeAt = time.plus(tradeGap(time));
    }

    /** Quotes the current mid: the spread (noisy around its mean) split evenly, bid rounded down, ask up. */
    private void setBook(Instant time) {
        double mid = Math.exp(logMid + track.logOffset(time));
        double spread = options.spreadBps() / 10_000 * Math.exp(SPREAD_NOISE * random.nextGaussian()
                - SPREAD_NOISE * SPREAD_NOISE / 2);
        double tick = profile.tickSize();
        bid = Math.max(tick, profile.roundPrice(Math.floor(mid * (1 - spread / 2) / tick) * tick));
        ask = Math.max(bid + tick, profile.roundPrice(Math.ceil(mid * (1 + spread / 2) / tick) * tick));
        ask = profile.roundPrice(ask);
    }

    /** Moves the latent mid from the last event to {@code time}; no onset or end lies in between. */
    private void advanceLatent(Instant time) {
        double dt = Duration.between(latentAt, time).toNanos() / 1e9;
        if (dt <= 0) {
            return;
        }
        double scale = sigmaPerSecond * Math.exp(logVolatility - VOL_OF_VOL * VOL_OF_VOL)
                * track.volatilityMultiple(latentAt) * Math.sqrt(dt);
        logMid += scale * studentT();
        latentAt = time;
    }

    private double quoteSize() {
        return profile.roundSize(random.nextDouble(QUOTE_SIZE_MIN, QUOTE_SIZE_MAX) * sizeScale);
    }

    private Duration quoteGap() {
        long min = options.minQuoteInterval().toNanos();
        long max = options.maxQuoteInterval().toNanos();
        return Duration.ofNanos(max > min ? random.nextLong(min, max + 1) : min);
    }

    private Duration tradeGap(Instant time) {
        double perSecond = options.tradesPerDay() / 86_400.0 * Math.sqrt(track.volumeMultiple(time));
        return Duration.ofNanos(Math.max(1L, Math.round(random.nextExponential() / perSecond * 1e9)));
    }

    /** A Student-t draw scaled to unit variance. */
    private double studentT() {
        double chiSquare = 0;
        for (int i = 0; i < DEGREES_OF_FREEDOM; i++) {
            double g = random.nextGaussian();
            chiSquare += g * g;
        }
        double t = random.nextGaussian() / Math.sqrt(chiSquare / DEGREES_OF_FREEDOM);
        return t * Math.sqrt((DEGREES_OF_FREEDOM - 2.0) / DEGREES_OF_FREEDOM);
    }
}
