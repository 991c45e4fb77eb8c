package com.marketpulse.simulator;

import java.time.Instant;

/** The market of one pair on the virtual clock: what it emits next, and when. */
interface SymbolStream {

    String symbol();

    /** When this pair emits its next event (trade, quote, bar or label). */
    Instant nextEventAt();

    /** Emits the event due at {@link #nextEventAt()}. */
    void step(MarketSink sink);

    /** The events injected into this pair: random ones and those placed by hand. */
    EventTrack events();
}
