package com.marketpulse.ingestion.publish;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The edge check of {@code marketpulse.edge}: an event more than {@code max-future} ahead of the wall clock, or more
 * than {@code max-lateness} behind its symbol's stream time (the newest event time accepted for it), is rejected.
 * One bad clock or record would otherwise wedge a symbol: the broker refuses a far-future timestamp, and every later
 * real event of the symbol looks late to the consumers. A rejected event never moves the stream time, and no event
 * moves it past the wall clock.
 *
 * <p>Stream time is kept per stream and symbol: live events share one stream, each replay run has its own, so
 * history is judged only against its own run (never "late" against the live market). The future is always the wall
 * clock's: history cannot come from the future. Corrections (REST backfill, Alpaca's updated bars) are not judged
 * for lateness, only for the future, and move the stream time forward.
 */
public final class EdgeGuard {

    /** Why an event was rejected: {@code reason} is the metric tag, {@code detail} the human-readable text. */
    public record Rejection(String reason, String detail) {
    }

    public static final String FAR_FUTURE = "far-future";
    public static final String LATE = "late";

    private final Duration maxFuture;
    private final Duration maxLateness;
    private final Clock clock;
    private final Map<String, Instant> streamTimes = new ConcurrentHashMap<>();

    public EdgeGuard(Duration maxFuture, Duration maxLateness, Clock clock) {
        this.maxFuture = maxFuture;
        this.maxLateness = maxLateness;
        this.clock = clock;
    }

    /**
     * Judges one event and, when accepted, advances its symbol's stream time.
     *
     * @param stream     {@code null} for live events, else the replay run the event belongs to
     * @param correction a REST-backfilled or corrected event: not judged for lateness
     */
    public Optional<Rejection> check(String stream, String symbol, Instant eventTime, boolean correction) {
        Instant now = clock.instant();
        Instant limit = now.plus(maxFuture);
        if (eventTime.isAfter(limit)) {
            return Optional.of(new Rejection(FAR_FUTURE, "event time " + eventTime + " is more than " + maxFuture
                    + " ahead of the wall clock (marketpulse.edge.max-future)"));
        }
        String key = (stream == null ? "" : stream) + '\u0000' + symbol;
        Rejection[] late = new Rejection[1];
        // the wall clock caps the stream time: an event a little ahead (or one the broker refuses after all) must not
        // make the real events after it look late
        Instant reached = eventTime.isAfter(now) ? now : eventTime;
        streamTimes.compute(key, (k, streamTime) -> {
            if (streamTime == null) {
                return reached;
            }
            if (!correction && eventTime.isBefore(streamTime.minus(maxLateness))) {
                late[0] = new Rejection(LATE, "event time " + eventTime + " is more than " + maxLateness + " behind "
                        + symbol + "'s stream time " + streamTime + " (marketpulse.edge.max-lateness)");
                return streamTime;
            }
            return reached.isAfter(streamTime) ? reached : streamTime;
        });
        return Optional.ofNullable(late[0]);
    }
}
