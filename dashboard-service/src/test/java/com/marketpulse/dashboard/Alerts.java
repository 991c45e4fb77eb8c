package com.marketpulse.dashboard;

import java.time.Instant;

import com.marketpulse.dashboard.api.AlertDto;

/** Test alerts. */
public final class Alerts {

    private Alerts() {
    }

    public static AlertDto alert(String id, String symbol, Instant eventTime, String explanation) {
        return new AlertDto(id, symbol, "PRICE_SPIKE", "UP", 72, "HIGH", eventTime, eventTime.plusSeconds(3),
                64_123.5, 0.81, "iforest-1", explanation, eventTime.plusMillis(40));
    }
}
