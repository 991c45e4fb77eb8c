package com.marketpulse.api;

import java.time.Instant;
import java.util.UUID;

import com.marketpulse.events.Alert;
import com.marketpulse.events.AlertType;
import com.marketpulse.events.Direction;
import com.marketpulse.events.SeverityLevel;

/** Alerts for tests. */
public final class TestAlerts {

    private TestAlerts() {
    }

    public static Alert alert(String symbol, AlertType type, int severity, Instant eventTime) {
        return alert(UUID.randomUUID().toString(), symbol, type, severity, eventTime, null);
    }

    public static Alert alert(String id, String symbol, AlertType type, int severity, Instant eventTime, String runId) {
        return new Alert(id, symbol, type, Direction.UP, severity, SeverityLevel.of(severity), eventTime,
                eventTime.plusSeconds(5), 100.0 + severity, 0.7, "iforest-test", "price far above its mean",
                eventTime.plusMillis(300), runId);
    }
}
