package com.marketpulse.detection.backtest;

import com.marketpulse.events.BacktestCommand.Overrides;
import java.time.Instant;

/**
 * One backtest run as detection knows it.
 *
 * @param requestedAt when its START was requested; {@code null} while only a CANCEL has arrived
 * @param cancelledAt when it was cancelled; {@code null} while it is not
 */
public record BacktestRun(String runId, String owner, Overrides overrides, Instant requestedAt,
                          Instant cancelledAt) {

    public boolean started() {
        return requestedAt != null;
    }

    public boolean cancelled() {
        return cancelledAt != null;
    }
}
