package com.marketpulse.simulator;

import com.marketpulse.events.AlertType;
import com.marketpulse.events.AnomalyLabel;
import com.marketpulse.events.Quote;
import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Tick;

import java.time.Instant;

/** The one place the simulator builds the events it emits, so a new field on an event is one change here. */
final class Emitted {

    static final String SOURCE = "simulator";
    static final String VENUE = "simulator";

    private Emitted() {
    }

    static Tick trade(String symbol, Instant time, double price, double size, String tradeId, String takerSide) {
        return Tick.live(SOURCE, SOURCE, symbol, time, price, size, tradeId, takerSide);
    }

    static Quote quote(String symbol, Instant time, double bid, double bidSize, double ask, double askSize) {
        return Quote.live(SOURCE, VENUE, symbol, time, bid, bidSize, ask, askSize);
    }

    static SourceBar bar(String symbol, Instant start, Instant end, double open, double high, double low,
                         double close, double volume, long trades, double vwap) {
        return new SourceBar(SourceBar.idOf(SOURCE, VENUE, symbol, start, null), symbol, start, end, open, high, low,
                close, volume, trades, vwap, false, SOURCE, VENUE, null);
    }

    static AnomalyLabel label(String symbol, String labelTag, AlertType kind, Instant start, Instant end,
                              double magnitude) {
        return new AnomalyLabel(SOURCE + ":label:" + symbol + ":" + labelTag, symbol, kind, start, end, magnitude,
                null);
    }
}
