package com.marketpulse.simulator;

import com.marketpulse.events.AlertType;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One event in market terms, on one pair, from {@code onset} for {@code duration}. Drawn at random by the
 * simulator ({@link EventStyle#MARKET}) or placed by hand with {@link MarketSimulator#schedule(MarketEvent)}; its
 * label ({@link com.marketpulse.events.AnomalyLabel}) starts exactly at the onset and ends at {@link #end()}.
 *
 * @param kind      {@code PRICE_SPIKE}: the mid-price moves by {@code magnitude} percent (log-linearly over the
 *                  duration) and stays there; {@code VOLUME_ANOMALY}: traded volume is {@code magnitude} times its
 *                  usual level; {@code VOLATILITY_BURST}: realized volatility is {@code magnitude} times its usual
 *                  level
 * @param magnitude in the event's own unit: a signed percent move (−6.0), a volume multiple (15.0), or a
 *                  volatility multiple (5.0)
 */
public record MarketEvent(String symbol, AlertType kind, Instant onset, Duration duration, double magnitude) {

    public MarketEvent {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(onset, "onset");
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("an event lasts a positive time: " + duration);
        }
        if (!Double.isFinite(magnitude)) {
            throw new IllegalArgumentException("magnitude must be finite: " + magnitude);
        }
        if (kind == AlertType.PRICE_SPIKE && (magnitude == 0 || magnitude <= -100)) {
            throw new IllegalArgumentException("a price move is a non-zero percentage above -100: " + magnitude);
        }
        if (kind != AlertType.PRICE_SPIKE && !(magnitude > 0)) {
            throw new IllegalArgumentException("a multiple must be positive: " + magnitude);
        }
    }

    /** The price moves by {@code percent} (e.g. −6.0) over {@code duration}, then stays there. */
    public static MarketEvent priceMove(String symbol, Instant onset, double percent, Duration duration) {
        return new MarketEvent(symbol, AlertType.PRICE_SPIKE, onset, duration, percent);
    }

    /** Traded volume is {@code multiple} times its usual level for {@code duration}. */
    public static MarketEvent volume(String symbol, Instant onset, double multiple, Duration duration) {
        return new MarketEvent(symbol, AlertType.VOLUME_ANOMALY, onset, duration, multiple);
    }

    /** Realized volatility is {@code multiple} times its usual level for {@code duration}. */
    public static MarketEvent volatility(String symbol, Instant onset, double multiple, Duration duration) {
        return new MarketEvent(symbol, AlertType.VOLATILITY_BURST, onset, duration, multiple);
    }

    /** When the move is complete, or the volume or volatility is back to normal. */
    public Instant end() {
        return onset.plus(duration);
    }

    /** The whole move of the log price: ln(1 + percent / 100); 0 for the other kinds. */
    double logMove() {
        return kind == AlertType.PRICE_SPIKE ? Math.log1p(magnitude / 100) : 0;
    }
}
