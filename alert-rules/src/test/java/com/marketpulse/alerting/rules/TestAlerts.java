package com.marketpulse.alerting.rules;

import java.time.Instant;

import com.marketpulse.events.Alert;
import com.marketpulse.events.AlertType;
import com.marketpulse.events.Direction;
import com.marketpulse.events.SeverityLevel;

/** Alerts as detection-core writes them, for the rule tests. */
final class TestAlerts {

    static final Instant T0 = Instant.parse("2026-03-10T12:00:00Z");

    private TestAlerts() {
    }

    /** A BTC/USD price spike of {@code percent} over 4 minutes ending at {@code price}, opened at {@code at}. */
    static Alert spike(String id, int severity, double percent, double price, Instant at) {
        String move = (percent < 0 ? "−" : "+") + String.format(java.util.Locale.US, "%.1f", Math.abs(percent));
        return new Alert(id, "BTC/USD", AlertType.PRICE_SPIKE, Direction.of(percent), severity,
                SeverityLevel.of(severity), at, at, price, 0.7, "m1",
                "BTC/USD " + move + " % in 4 min (−$3,450), 6.2× its usual 4-minute move", at, null);
    }

    static Alert spike(String id, int severity, Instant at) {
        return spike(id, severity, -5.0, 65_000, at);
    }
}
