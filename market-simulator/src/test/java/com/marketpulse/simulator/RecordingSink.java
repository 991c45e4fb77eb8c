package com.marketpulse.simulator;

import com.marketpulse.events.AnomalyLabel;
import com.marketpulse.events.Tick;

import java.util.ArrayList;
import java.util.List;

/** Keeps everything the simulator produced, for assertions. */
final class RecordingSink implements MarketSink {

    final List<Tick> ticks = new ArrayList<>();
    final List<AnomalyLabel> labels = new ArrayList<>();

    @Override
    public void onTick(Tick tick) {
        ticks.add(tick);
    }

    @Override
    public void onLabel(AnomalyLabel label) {
        labels.add(label);
    }

    List<Tick> ticksOf(String symbol) {
        return ticks.stream().filter(t -> t.symbol().equals(symbol)).toList();
    }
}
