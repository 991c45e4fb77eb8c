package com.marketpulse.delivery.testsend;

import java.time.Instant;

import com.marketpulse.events.Alert;
import com.marketpulse.events.AlertType;
import com.marketpulse.events.Direction;
import com.marketpulse.events.SeverityLevel;

/**
 * What a test send delivers: the shape of a real delivery ({@code alert}, {@code impact}, {@code heldUntil},
 * {@code timeZone}) so the receiver's handling is tested too, marked {@code test: true}, with an alert id, model and
 * explanation that say it is no market alert. It exists only as this one delivery's payload, never on market.alerts.
 */
record TestAlert(Alert alert, Object impact, Instant heldUntil, String timeZone, boolean test) {

    static final String EXPLANATION = "Test alert from MarketPulse: no market moved. If you can read this, alerts "
            + "reach this channel.";

    /** @param timeZone the owner's (their alert rules'), so the test shows times as their alerts will */
    static TestAlert of(long requestId, String symbol, String timeZone, Instant now) {
        Alert alert = new Alert("test-" + requestId, symbol, AlertType.PRICE_SPIKE, Direction.UP, 0,
                SeverityLevel.of(0), now, now, 0, 0, "test", EXPLANATION, now, null);
        return new TestAlert(alert, null, null, timeZone, true);
    }
}
