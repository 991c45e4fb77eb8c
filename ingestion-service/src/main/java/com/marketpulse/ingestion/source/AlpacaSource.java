package com.marketpulse.ingestion.source;

import com.marketpulse.events.Quote;
import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Tick;
import com.marketpulse.events.Topics;
import com.marketpulse.ingestion.alpaca.AlpacaSettings;
import com.marketpulse.ingestion.alpaca.AlpacaSink;
import com.marketpulse.ingestion.alpaca.AlpacaStreamClient;
import com.marketpulse.ingestion.alpaca.KnownTrade;
import com.marketpulse.ingestion.publish.PublishedBars;
import com.marketpulse.ingestion.publish.PublishedTrades;
import com.marketpulse.ingestion.publish.TickPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import okhttp3.OkHttpClient;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The live Alpaca crypto feed: trades to market.crypto, quotes to market.quotes, minute bars to market.source-bars. */
final class AlpacaSource implements IngestionSource, AlpacaSink {

    private final AlpacaStreamClient client;
    private static final Duration STORE_WAIT = Duration.ofSeconds(10);

    private final TickPublisher publisher;
    private final String venue;

    AlpacaSource(AlpacaSettings settings, TickPublisher publisher, PublishedBars publishedBars,
                 PublishedTrades publishedTrades, MeterRegistry registry) {
        this.publisher = publisher;
        this.venue = settings.location();
        this.client = new AlpacaStreamClient(settings, new OkHttpClient(), this,
                () -> publishedBars.lastStarts("alpaca", settings.location(), settings.barSeed()),
                () -> known(publishedTrades.recent("alpaca", settings.location(), settings.maxBackfill())), registry,
                Clock.systemUTC());
    }

    /** Alpaca's trade ids are numbers; a record with another id is not one of ours and is passed over. */
    private static List<KnownTrade> known(List<PublishedTrades.Trade> trades) {
        List<KnownTrade> known = new ArrayList<>(trades.size());
        for (PublishedTrades.Trade trade : trades) {
            try {
                known.add(new KnownTrade(trade.symbol(), Long.parseLong(trade.tradeId()), trade.eventTime()));
            } catch (NumberFormatException e) {
                // not an Alpaca trade id
            }
        }
        return known;
    }

    @Override
    public void start() {
        client.start();
    }

    @Override
    public void trade(Tick tick) {
        publisher.publish(Topics.MARKET_CRYPTO, tick);
    }

    @Override
    public void backfilledTrade(Tick tick) {
        publisher.publishCorrection(Topics.MARKET_CRYPTO, tick);
    }

    @Override
    public void backfilledBar(SourceBar bar) {
        publisher.publishCorrection(Topics.MARKET_SOURCE_BARS, bar);
    }

    @Override
    public void quote(Quote quote) {
        publisher.publish(Topics.MARKET_QUOTES, quote);
    }

    @Override
    public void bar(SourceBar bar) {
        publisher.publish(Topics.MARKET_SOURCE_BARS, bar);
    }

    /** Bounded: a Kafka outage must not hold the stream back for long (the buffer keeps the events meanwhile). */
    @Override
    public void awaitStored() {
        publisher.flush(STORE_WAIT);
    }

    @Override
    public String venue() {
        return venue;
    }

    @Override
    public SourceStatus status() {
        AlpacaStreamClient.State state = client.state();
        String name = state.name().toLowerCase();
        return state == AlpacaStreamClient.State.STREAMING ? SourceStatus.up(name, client.detail())
                : SourceStatus.down(name, client.detail());
    }

    @Override
    public void close() {
        client.close();
    }
}
