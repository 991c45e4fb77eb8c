package com.marketpulse.feature.grid;

import com.marketpulse.events.Bar;
import com.marketpulse.events.MarketFeatures;
import java.util.List;

/**
 * What one input event produced: the features of a new grid step (null when the event fell into a step already
 * emitted, was a duplicate or came too late to move the price) and the chart bars it completed or corrected.
 */
public record GridStep(MarketFeatures features, List<Bar> bars) {

    static final GridStep NOTHING = new GridStep(null, List.of());

    public boolean hasFeatures() {
        return features != null;
    }
}
