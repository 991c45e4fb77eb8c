package com.marketpulse.dashboard;

import java.time.Instant;

import com.marketpulse.api.contract.AlertDto;
import com.marketpulse.events.AlertType;
import com.marketpulse.events.Direction;
import com.marketpulse.events.SeverityLevel;

/** Test alerts. */
public final class Alerts {

    private Alerts() {
    }

    public static AlertDto alert(String id, String symbol, Instant eventTime, String explanation) {
        return new AlertDto(id, symbol, AlertType.PRICE_SPIKE, Direction.UP, 72, SeverityLevel.HIGH, eventTime, eventTime.plusSeconds(3),
                64_123.5, 0.81, "iforest-1", explanation, eventTime.plusMillis(40));
    }
}
