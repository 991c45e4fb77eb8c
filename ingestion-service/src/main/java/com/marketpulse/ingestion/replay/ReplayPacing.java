package com.marketpulse.ingestion.replay;

import java.time.Duration;
import java.time.Instant;

/**
 * Releases a file's events on a replay clock that starts with the first of them: an event at {@code t} goes out
 * when {@code (t - t_first) / speed} of wall time has passed since the first went out. An event earlier than the
 * first (an unsorted file) goes out at once.
 */
final class ReplayPacing {

    private final ReplaySpeed speed;
    private final Pacer pacer;
    private Instant first;
    private Instant wallStart;

    ReplayPacing(ReplaySpeed speed, Pacer pacer) {
        this.speed = speed;
        this.pacer = pacer;
    }

    /** Waits until the event at {@code eventTime} is due. */
    void awaitEvent(Instant eventTime) throws InterruptedException {
        if (first == null) {
            first = eventTime;
            wallStart = pacer.now();
        } else if (!speed.unpaced()) {
            pacer.waitUntil(wallStart.plus(speed.wallTime(Duration.between(first, eventTime))));
        }
    }
}
