package com.marketpulse.ingestion.alpaca;

import com.marketpulse.events.Quote;
import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Tick;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what the stream client hands on, per kind. */
final class RecordingAlpacaSink implements AlpacaSink {

    final List<Tick> trades = new CopyOnWriteArrayList<>();
    final List<Quote> quotes = new CopyOnWriteArrayList<>();
    final List<SourceBar> bars = new CopyOnWriteArrayList<>();
    /** Every event in the order it was handed on. */
    final List<Object> events = new CopyOnWriteArrayList<>();

    @Override
    public void trade(Tick tick) {
        trades.add(tick);
        events.add(tick);
    }

    @Override
    public void quote(Quote quote) {
        quotes.add(quote);
        events.add(quote);
    }

    @Override
    public void bar(SourceBar bar) {
        bars.add(bar);
        events.add(bar);
    }
}
