package com.marketpulse.feature.math;

import com.marketpulse.events.Bar;
import com.marketpulse.events.FeatureVector;

import java.util.Optional;

/** What one tick did to the state of its symbol. */
public sealed interface TickOutcome {

    /** The tick moved the windows: its features, and the bar it completed if it opened a new interval. */
    record Accepted(FeatureVector features, Optional<Bar> completedBar) implements TickOutcome {
    }

    /** The event id was seen recently: the tick changed nothing. */
    record Duplicate(String eventId) implements TickOutcome {
    }

    /**
     * The tick is older than the newest accepted one: the windows are unchanged (they describe the trade
     * sequence in event-time order); it still counts towards the open bar when it falls into it.
     */
    record OutOfOrder(String eventId, boolean foldedIntoOpenBar) implements TickOutcome {
    }
}
