package com.marketpulse.ingestion.source;

import com.marketpulse.events.AnomalyLabel;
import com.marketpulse.events.Quote;
import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Tick;
import com.marketpulse.ingestion.publish.Receipts;
import com.marketpulse.ingestion.publish.TickPublisher;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what a source hands over, with the topic it asked for. */
final class InMemoryPublisher implements TickPublisher {

    record Published(String topic, Tick tick) {
    }

    final List<Published> ticks = new CopyOnWriteArrayList<>();
    final List<AnomalyLabel> labels = new CopyOnWriteArrayList<>();
    final List<Quote> quotes = new CopyOnWriteArrayList<>();
    final List<SourceBar> bars = new CopyOnWriteArrayList<>();
    /** The topic each of {@link #bars} was published to, in the same order. */
    final List<String> barTopics = new CopyOnWriteArrayList<>();

    @Override
    public boolean publish(String topic, Tick tick) {
        ticks.add(new Published(topic, tick));
        return true;
    }

    @Override
    public boolean publish(String topic, Quote quote) {
        quotes.add(quote);
        return true;
    }

    @Override
    public boolean publish(String topic, SourceBar bar) {
        bars.add(bar);
        barTopics.add(topic);
        return true;
    }

    @Override
    public boolean publishCorrection(String topic, Tick tick) {
        return publish(topic, tick);
    }

    @Override
    public boolean publishCorrection(String topic, SourceBar bar) {
        return publish(topic, bar);
    }

    /** Takes everything at once and counts it acknowledged, as a broker that never lags would. */
    @Override
    public void publishAndWait(String topic, Tick tick, Receipts receipts) {
        receipts.countHanded();
        publish(topic, tick);
        receipts.countAcknowledged();
    }

    @Override
    public void publishAndWait(String topic, SourceBar bar, Receipts receipts) {
        receipts.countHanded();
        publish(topic, bar);
        receipts.countAcknowledged();
    }

    @Override
    public boolean publishLabel(AnomalyLabel label) {
        labels.add(label);
        return true;
    }

    @Override
    public boolean flush(Duration timeout) {
        return true;
    }
}
