package com.marketpulse.simulator;

import com.marketpulse.events.AnomalyLabel;
import com.marketpulse.events.Tick;

/** Receives what the simulated market produces, in event-time order. */
public interface MarketSink {

    void onTick(Tick tick);

    /** Ground truth of an injected anomaly, delivered just before its first affected tick. */
    void onLabel(AnomalyLabel label);
}
