package com.marketpulse.simulator;

import com.marketpulse.events.AlertType;
import com.marketpulse.events.AnomalyLabel;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * The dense market of one pair: a GARCH(1,1) random walk of the log price with Student-t innovations, Poisson trade
 * arrivals and lognormal trade sizes, plus the anomalies injected into it.
 *
 * <p>Per trade, with {@code z} a unit-variance Student-t draw (ν = {@value #DEGREES_OF_FREEDOM}):
 * {@code r = m·σ·z}, {@code σ²' = ω + α(σz)² + βσ²}, where {@code m} is the volatility-burst multiplier (1 outside
 * a burst) and ω is chosen so the long-run σ matches the pair's annualised volatility (Bollerslev 1986). The
 * burst does not feed back into σ², so a burst ends when its label says it does.
 *
 * <p>Market events ({@link EventTrack}) act on the same walk: a move's log offset is added to the price, a burst's
 * multiple to {@code m}, a volume multiple to the sizes; the trade times do not change. With classic events and
 * nothing placed the track is idle and the trade stream is exactly what it always was for a seed. Minute bars are
 * built from the trades; the dense profile quotes nothing.
 */
final class DenseMarket implements SymbolStream {

    static final int DEGREES_OF_FREEDOM = 6;
    static final double ALPHA = 0.04;
    static final double BETA = 0.955;
    static final double SIZE_LOG_SIGMA = 1.3;
    /** How long after a price jump a detector is expected to report it. */
    static final Duration SPIKE_WINDOW = Duration.ofSeconds(30);

    private final String symbol;
    private final SymbolProfile profile;
    private final SimulatorOptions options;
    private final RandomGenerator random;
    private final String runTag;
    private final double omega;
    private final double medianSize;
    private final EventTrack track;
    private final MinuteBars bars;

    private double logPrice;
    private double variance;
    private long sequence;
    private long labels;
    private Instant nextTradeAt;
    private Instant nextAnomalyAt;
    private AlertType nextAnomalyKind;
    private AlertType activeKind;
    private Instant activeUntil = Instant.MIN;
    private boolean jumpPending;

    /**
     * @param firstSpike whether this pair gets the classic warm-up spike (classic events only)
     * @param track      market events: idle for classic events unless some are placed by hand
     */
    DenseMarket(String symbol, SimulatorOptions options, RandomGenerator random, Instant start,
                String runTag, boolean firstSpike, EventTrack track) {
        this.symbol = symbol;
        this.profile = SymbolProfile.of(symbol);
        this.options = options;
        this.random = random;
        this.runTag = runTag;
        this.track = track;
        this.bars = new MinuteBars(symbol, start);
        double longRunSigma = profile.perTradeVolatility(options.tradesPerSecond());
        this.variance = longRunSigma * longRunSigma;
        this.omega = variance * (1 - ALPHA - BETA);
        this.logPrice = Math.log(profile.initialPrice()) + 0.02 * random.nextGaussian();
        this.medianSize = profile.medianNotional() / profile.initialPrice();
        this.nextTradeAt = start.plusNanos(interArrivalNanos());
        Instant quietUntil = options.firstAnomalyAfter() == null ? start : start.plus(options.firstAnomalyAfter());
        if (options.events() != EventStyle.CLASSIC) {
            nextAnomalyAt = Instant.MAX;
        } else if (firstSpike && options.firstAnomalyAfter() != null) {
            nextAnomalyAt = quietUntil;
            nextAnomalyKind = AlertType.PRICE_SPIKE;
        } else {
            scheduleNextAnomaly(quietUntil);
        }
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
        Instant next = nextTradeAt;
        if (bars.nextEndAt().isBefore(next)) {
            next = bars.nextEndAt();
        }
        Instant onset = track.nextOnset();
        return onset.isBefore(next) ? onset : next;
    }

    /** At one instant: the bar that ends there first, then a market event's label, then the trade. */
    @Override
    public void step(MarketSink sink) {
        Instant onset = track.nextOnset();
        if (!bars.nextEndAt().isAfter(nextTradeAt) && !bars.nextEndAt().isAfter(onset)) {
            bars.close().ifPresent(sink::onBar);
        } else if (!onset.isAfter(nextTradeAt)) {
            sink.onLabel(track.start());
        } else {
            trade(sink);
        }
    }

    /** Emits the next trade (and, first, the label of a classic anomaly that starts with it). */
    private void trade(MarketSink sink) {
        Instant time = nextTradeAt;
        track.settle(time);
        if (activeKind != null && !time.isBefore(activeUntil)) {
            activeKind = null;
        }
        if (activeKind == null && !time.isBefore(nextAnomalyAt)) {
            sink.onLabel(startAnomaly(time));
        }
        double sigma = Math.sqrt(variance);
        double innovation = sigma * studentT();
        double burst = (activeKind == AlertType.VOLATILITY_BURST ? options.volatilityMultiplier() : 1.0)
                * track.volatilityMultiple(time);
        double logReturn = burst * innovation;
        if (jumpPending) {
            logReturn += (random.nextBoolean() ? 1 : -1) * options.jumpSigmas() * sigma;
            jumpPending = false;
        }
        logPrice += logReturn;
        variance = omega + ALPHA * innovation * innovation + BETA * variance;

        double volume = (activeKind == AlertType.VOLUME_ANOMALY ? options.volumeMultiplier() : 1.0)
                * track.volumeMultiple(time);
        double size = profile.roundSize(volume * medianSize * Math.exp(SIZE_LOG_SIGMA * random.nextGaussian()));
        double price = profile.roundPrice(Math.exp(logPrice + track.logOffset(time)));
        String side = logReturn > 0 ? "B" : logReturn < 0 ? "S" : (random.nextBoolean() ? "B" : "S");
        sequence++;
        bars.onTrade(price, size);
        sink.onTick(Emitted.trade(symbol, time, price, size, runTag + "-" + sequence, side));
        nextTradeAt = time.plusNanos(interArrivalNanos());
    }

    private AnomalyLabel startAnomaly(Instant time) {
        AlertType kind = nextAnomalyKind;
        Duration length;
        double magnitude;
        switch (kind) {
            case PRICE_SPIKE -> {
                jumpPending = true;
                length = SPIKE_WINDOW;
                magnitude = options.jumpSigmas();
            }
            case VOLUME_ANOMALY -> {
                length = Duration.ofSeconds(20 + random.nextInt(41));
                magnitude = options.volumeMultiplier();
            }
            case VOLATILITY_BURST -> {
                length = Duration.ofSeconds(60 + random.nextInt(61));
                magnitude = options.volatilityMultiplier();
            }
            default -> throw new IllegalStateException("unknown anomaly kind " + kind);
        }
        activeKind = kind;
        activeUntil = time.plus(length);
        scheduleNextAnomaly(activeUntil);
        labels++;
        return Emitted.label(symbol, runTag + "-" + labels, kind, time, activeUntil, magnitude);
    }

    private void scheduleNextAnomaly(Instant after) {
        double perSecond = options.anomaliesPerHour() / 3600.0;
        if (perSecond <= 0) {
            nextAnomalyAt = Instant.MAX;
            return;
        }
        nextAnomalyAt = after.plusNanos(Math.round(random.nextExponential() / perSecond * 1e9));
        AlertType[] kinds = AlertType.values();
        nextAnomalyKind = kinds[random.nextInt(kinds.length)];
    }

    private long interArrivalNanos() {
        return Math.max(1L, Math.round(random.nextExponential() / options.tradesPerSecond() * 1e9));
    }

    /** A Student-t draw scaled to unit variance: Z / sqrt(χ²_ν / ν) · sqrt((ν-2)/ν). */
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
