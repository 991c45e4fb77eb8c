package com.marketpulse.detection.core;

import com.marketpulse.events.MarketFeatures;

/** One kind of anomaly: its thresholds, its strength and its explanation. */
public interface Rule {

    /** The candidate when both tests pass (unusual for this symbol now, and material), else null. */
    Candidate judge(MarketFeatures features, Minimums minimums);
}
