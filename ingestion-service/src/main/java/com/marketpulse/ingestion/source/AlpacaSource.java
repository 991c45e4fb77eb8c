package com.marketpulse.ingestion.source;

import com.marketpulse.events.Topics;
import com.marketpulse.ingestion.alpaca.AlpacaSettings;
import com.marketpulse.ingestion.alpaca.AlpacaStreamClient;
import com.marketpulse.ingestion.publish.TickPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import okhttp3.OkHttpClient;

import java.time.Clock;

/** The live Alpaca crypto feed, publishing every trade to market.crypto. */
final class AlpacaSource implements IngestionSource {

    private final AlpacaStreamClient client;

    AlpacaSource(AlpacaSettings settings, TickPublisher publisher, MeterRegistry registry) {
        this.client = new AlpacaStreamClient(settings, new OkHttpClient(),
                tick -> publisher.publish(Topics.MARKET_CRYPTO, tick), registry, Clock.systemUTC());
    }

    @Override
    public void start() {
        client.start();
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
