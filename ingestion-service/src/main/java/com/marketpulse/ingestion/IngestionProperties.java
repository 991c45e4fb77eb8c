package com.marketpulse.ingestion;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * What only ingestion-service reads from {@code config/marketpulse.yml} and the environment; the shared symbols,
 * topic layout and simulator settings are {@link com.marketpulse.settings.MarketPulseSettings}.
 *
 * @param source  {@code alpaca}, {@code simulator} or {@code replay} ({@code MARKETPULSE_SOURCE}); empty picks
 *                alpaca when both Alpaca keys are set, else the simulator
 */
@ConfigurationProperties("marketpulse")
public record IngestionProperties(
        @DefaultValue("") String source,
        @DefaultValue Alpaca alpaca,
        @DefaultValue Replay replay,
        @DefaultValue Publish publish) {

    /** The Alpaca crypto feed. Keys come from the environment only and are never printed. */
    public record Alpaca(
            @DefaultValue("") String apiKey,
            @DefaultValue("") String secretKey,
            @DefaultValue("wss://stream.data.alpaca.markets/v1beta3/crypto/us") String streamUrl,
            @DefaultValue("https://data.alpaca.markets/v1beta3/crypto/us") String dataUrl,
            @DefaultValue("10s") Duration pingInterval,
            @DefaultValue("25s") Duration silenceTimeout,
            @DefaultValue("10s") Duration handshakeTimeout,
            @DefaultValue("1s") Duration initialBackoff,
            @DefaultValue("60s") Duration maxBackoff,
            @DefaultValue("30s") Duration limitBackoff,
            @DefaultValue("15m") Duration maxBackfill) {

        public boolean hasKeys() {
            return apiKey != null && !apiKey.isBlank() && secretKey != null && !secretKey.isBlank();
        }

        @Override
        public String toString() {
            return "Alpaca[streamUrl=" + streamUrl + ", dataUrl=" + dataUrl + ", keys=" + (hasKeys() ? "set" : "unset")
                    + "]";
        }
    }

    /** File replay: the file, the speed ({@code 1}, {@code N} or {@code max}) and an optional backtest run id. */
    public record Replay(@DefaultValue("") String file, @DefaultValue("1") String speed,
                         @DefaultValue("") String runId) {
    }

    /** The bounded buffer between a source and Kafka. */
    public record Publish(@DefaultValue("100000") int bufferCapacity) {
    }
}
