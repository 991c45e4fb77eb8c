package com.marketpulse.detection.alert;

import com.marketpulse.detection.kafka.InputPolicy;
import com.marketpulse.detection.kafka.RejectedRecordException;
import com.marketpulse.detection.kafka.ValueChecks;
import com.marketpulse.events.MarketFeatures;

/**
 * Refuses a step the pipeline must not see: a step of the other stream (a backtest's on the live topic or a live
 * one on the replay topic), an unwatched live symbol or a far-future time (they would open scoring state that is
 * never closed), and a NaN or negative value (it would poison the symbol's episodes).
 */
final class FeatureChecks {

    private FeatureChecks() {
    }

    /** @param replay whether the step came from {@code market.features.replay}, where every step has a run id */
    static void check(InputPolicy policy, MarketFeatures f, boolean replay) {
        if (replay != (f.runId() != null)) {
            throw new RejectedRecordException("wrong_stream", replay ? "a step without a run id on the replay topic"
                    : "a backtest step (run id) on the live topic");
        }
        ValueChecks.require(f.eventId() != null, "no event id");
        ValueChecks.shortText("eventId", f.eventId());
        ValueChecks.shortText("symbol", f.symbol());
        ValueChecks.shortText("runId", f.runId());
        policy.check(f.symbol(), f.runId(), f.eventTime());
        ValueChecks.positive("price", f.price());
        ValueChecks.nonNegative("historyMinutes", f.historyMinutes());
        for (double v : new double[] {f.return1m(), f.return5m(), f.return15m()}) {
            ValueChecks.finite("return", v);
        }
        for (double v : new double[] {f.usualMove1m(), f.usualMove5m(), f.usualMove15m(), f.volatility10m(),
                f.usualVolatility10m(), f.notional1m(), f.notional5m(), f.usualNotional1m(), f.spread()}) {
            ValueChecks.nonNegative("a move, volatility, notional or spread", v);
        }
        // -1: no trade yet (a quote-only venue)
        ValueChecks.finite("secondsSinceTrade", f.secondsSinceTrade());
        ValueChecks.require(f.secondsSinceTrade() >= -1, "secondsSinceTrade below -1: " + f.secondsSinceTrade());
    }
}
