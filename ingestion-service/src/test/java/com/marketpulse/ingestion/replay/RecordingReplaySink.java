package com.marketpulse.ingestion.replay;

import com.marketpulse.events.AnomalyLabel;
import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Tick;

import java.util.ArrayList;
import java.util.List;

final class RecordingReplaySink implements ReplaySink {

    final List<Tick> ticks = new ArrayList<>();
    final List<AnomalyLabel> labels = new ArrayList<>();
    final List<SourceBar> bars = new ArrayList<>();
    final List<String> badRows = new ArrayList<>();

    @Override
    public void onTick(Tick tick) {
        ticks.add(tick);
    }

    @Override
    public void onLabel(AnomalyLabel label) {
        labels.add(label);
    }

    @Override
    public void onBar(SourceBar bar) {
        bars.add(bar);
    }

    @Override
    public void onBadRow(long line, String reason) {
        badRows.add(line + ": " + reason);
    }
}
