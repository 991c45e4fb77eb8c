package com.marketpulse.ingestion.replay;

import com.marketpulse.events.AnomalyLabel;
import com.marketpulse.events.Tick;

/** Receives the replayed trades and the labelled episodes found in the file. */
public interface ReplaySink {

    void onTick(Tick tick);

    void onLabel(AnomalyLabel label);

    /** A row that was skipped, with its line number and the reason. */
    void onBadRow(long line, String reason);
}
