package com.marketpulse.simulator;

import com.marketpulse.events.AnomalyLabel;
import com.marketpulse.events.Quote;
import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Tick;

import java.util.ArrayList;
import java.util.List;

/** Keeps everything the simulator produced, for assertions. */
final class RecordingSink implements MarketSink {

    final List<Tick> ticks = new ArrayList<>();
    final List<AnomalyLabel> labels = new ArrayList<>();
    final List<Quote> quotes = new ArrayList<>();
    final List<SourceBar> bars = new ArrayList<>();
    /** Every event in the order received, for ordering checks. */
    final List<Object> all = new ArrayList<>();

    @Override
    public void onTick(Tick tick) {
        ticks.add(tick);
        all.add(tick);
    }

    @Override
    public void onLabel(AnomalyLabel label) {
        labels.add(label);
        all.add(label);
    }

    @Override
    public void onQuote(Quote quote) {
        quotes.add(quote);
        all.add(quote);
    }

    @Override
    public void onBar(SourceBar bar) {
        bars.add(bar);
        all.add(bar);
    }

    List<Tick> ticksOf(String symbol) {
        return ticks.stream().filter(t -> t.symbol().equals(symbol)).toList();
    }

    List<Quote> quotesOf(String symbol) {
        return quotes.stream().filter(q -> q.symbol().equals(symbol)).toList();
    }

    List<SourceBar> barsOf(String symbol) {
        return bars.stream().filter(b -> b.symbol().equals(symbol)).toList();
    }
}
