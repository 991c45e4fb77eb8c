package com.marketpulse.ingestion.replay;

import com.marketpulse.events.AlertType;
import com.marketpulse.events.Tick;

/** One row of a trades file: a usable trade (with its optional label) or a bad row and why. */
public sealed interface TradeRow {

    long line();

    /** @param label the anomaly this trade is part of, {@code null} for a normal trade */
    record Trade(long line, Tick tick, AlertType label) implements TradeRow {
    }

    record Bad(long line, String reason) implements TradeRow {
    }
}
