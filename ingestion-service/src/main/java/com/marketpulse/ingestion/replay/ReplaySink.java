package com.marketpulse.ingestion.replay;

import com.marketpulse.events.AnomalyLabel;
import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Tick;

/** Receives what a replayed file holds: trades and their labelled episodes, or candles. */
public interface ReplaySink {

    /** May wait while the publisher is full (back-pressure); interrupted when the replay is stopped. */
    void onTick(Tick tick) throws InterruptedException;

    void onLabel(AnomalyLabel label);

    /** A candle of a candle file, due at its close (its event time). */
    void onBar(SourceBar bar) throws InterruptedException;

    /** A row that was skipped, with its line number and the reason. */
    void onBadRow(long line, String reason);
}
