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
 * @param sourceLeaseTimeout of several ingestion instances only the one holding the source lease runs the live
 *                source; when it dies, a standby takes over this long after its last heartbeat (the lease group's
 *                session timeout; a clean stop hands over at once)
 */
@ConfigurationProperties("marketpulse")
public record IngestionProperties(
        @DefaultValue("") String source,
        @DefaultValue Alpaca alpaca,
        @DefaultValue Replay replay,
        @DefaultValue Publish publish,
        @DefaultValue Backtest backtest,
        @DefaultValue("10s") Duration sourceLeaseTimeout) {

    /**
     * The Alpaca crypto feed. Keys come from the environment only and are never printed.
     *
     * @param location  the venue ({@code ALPACA_LOCATION}): {@code us} Alpaca, {@code us-1} Kraken US, {@code eu-1}
     *                  Kraken EU; selects {@code /v1beta3/crypto/{location}} on the stream and REST hosts
     * @param barSeed   minute bars fetched from REST for a symbol with no bar published yet; also the longest gap
     *                  of bars closed after a reconnect or restart
     */
    public record Alpaca(
            @DefaultValue("") String apiKey,
            @DefaultValue("") String secretKey,
            @DefaultValue("us") String location,
            @DefaultValue("wss://stream.data.alpaca.markets") String streamUrl,
            @DefaultValue("https://data.alpaca.markets") String dataUrl,
            @DefaultValue("10s") Duration pingInterval,
            @DefaultValue("25s") Duration silenceTimeout,
            @DefaultValue("10s") Duration handshakeTimeout,
            @DefaultValue("1s") Duration initialBackoff,
            @DefaultValue("60s") Duration maxBackoff,
            @DefaultValue("30s") Duration limitBackoff,
            @DefaultValue("15m") Duration maxBackfill,
            @DefaultValue("24h") Duration barSeed) {

        public boolean hasKeys() {
            return apiKey != null && !apiKey.isBlank() && secretKey != null && !secretKey.isBlank();
        }

        @Override
        public String toString() {
            return "Alpaca[location=" + location + ", streamUrl=" + streamUrl + ", dataUrl=" + dataUrl + ", keys=" + (hasKeys() ? "set" : "unset")
                    + "]";
        }
    }

    /**
     * File replay: the file, the speed ({@code 1}, {@code N} or {@code max}) and an optional backtest run id.
     *
     * @param format {@code auto} (told by the file's first line), {@code trades} or {@code candles}
     * @param symbol the pair a Binance kline file is replayed as (the file names none), e.g. {@code DOT/USD}
     */
    public record Replay(@DefaultValue("") String file, @DefaultValue("1") String speed,
                         @DefaultValue("") String runId, @DefaultValue("auto") String format,
                         @DefaultValue("") String symbol) {
    }

    /**
     * Backtest runs (commands on {@code backtest.commands}), replayed beside the live source. The shared
     * {@code marketpulse.backtest.upload-directory} is {@link com.marketpulse.settings.MarketPulseSettings#backtest()}.
     *
     * @param maxRuns             runs replayed at once; more wait their turn in the order they came
     * @param publishBuffer       records the backtests' own publisher holds (apart from the live buffer)
     * @param progressEvery       how often a running (or waiting) run's progress is published
     * @param interruptedLookback at start, runs that reported RUNNING within this long and never finished (this
     *                            service stopped under them) are reported FAILED
     */
    public record Backtest(@DefaultValue("2") int maxRuns, @DefaultValue("10000") int publishBuffer,
                           @DefaultValue("1s") Duration progressEvery,
                           @DefaultValue("24h") Duration interruptedLookback) {

        public Backtest {
            if (maxRuns < 1 || publishBuffer < 1) {
                throw new IllegalArgumentException("marketpulse.backtest.max-runs and publish-buffer must be at least 1");
            }
        }
    }

    /** The bounded buffer between a source and Kafka. */
    public record Publish(@DefaultValue("100000") int bufferCapacity) {
    }
}
