package com.marketpulse.ingestion;

import com.marketpulse.simulator.EventStyle;
import com.marketpulse.simulator.Profile;
import com.marketpulse.simulator.SimulatorOptions;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Everything ingestion-service reads from {@code config/marketpulse.yml} and the environment.
 *
 * @param symbols the pairs to ingest ({@code MARKETPULSE_SYMBOLS})
 * @param source  {@code alpaca}, {@code simulator} or {@code replay} ({@code MARKETPULSE_SOURCE}); empty picks
 *                alpaca when both Alpaca keys are set, else the simulator
 */
@ConfigurationProperties("marketpulse")
public record IngestionProperties(
        @DefaultValue({"BTC/USD", "ETH/USD", "SOL/USD"}) List<String> symbols,
        @DefaultValue("") String source,
        @DefaultValue Kafka kafka,
        @DefaultValue Simulator simulator,
        @DefaultValue Alpaca alpaca,
        @DefaultValue Replay replay,
        @DefaultValue Publish publish) {

    /** Topic layout of the {@code market.*} topics this service declares. */
    public record Kafka(@DefaultValue("3") int partitions, @DefaultValue("1") short replicationFactor) {
    }

    /**
     * The market simulator ({@code marketpulse.simulator.*}); {@link #options()} is what the simulator runs with, in
     * ingestion-service and in the evaluation alike.
     *
     * @param profile {@code dense} or {@code thin}
     * @param events  {@code classic} or {@code market}; empty: the profile's own (classic for dense, market for thin)
     */
    public record Simulator(
            @DefaultValue("dense") String profile,
            @DefaultValue("") String events,
            @DefaultValue("4.0") double tradesPerSecond,
            @DefaultValue("30.0") double anomaliesPerHour,
            @DefaultValue("50.0") double jumpSigmas,
            @DefaultValue("20.0") double volumeMultiplier,
            @DefaultValue("5.0") double volatilityMultiplier,
            @DefaultValue("20s") Duration firstAnomalyAfter,
            @DefaultValue("0") long seed,
            @DefaultValue Thin thin,
            @DefaultValue MarketEvents marketEvents) {

        /** The simulator's own validated options. */
        public SimulatorOptions options() {
            Profile venue = Profile.parse(profile);
            return new SimulatorOptions(venue, EventStyle.resolve(events, venue), tradesPerSecond, anomaliesPerHour,
                    jumpSigmas, volumeMultiplier, volatilityMultiplier, firstAnomalyAfter, seed,
                    new SimulatorOptions.Thin(thin.tradesPerDay(), thin.minQuoteInterval(), thin.maxQuoteInterval(),
                            thin.spreadBps(), thin.annualVolatility()),
                    new SimulatorOptions.MarketEvents(marketEvents.perHour(), marketEvents.minMovePercent(),
                            marketEvents.maxMovePercent(), marketEvents.minMoveDuration(),
                            marketEvents.maxMoveDuration(), marketEvents.volumeMultiple(),
                            marketEvents.volumeDuration(), marketEvents.volatilityMultiple(),
                            marketEvents.minBurstDuration(), marketEvents.maxBurstDuration()));
        }

        /** The thin venue ({@code marketpulse.simulator.thin.*}); annual-volatility 0 keeps each pair's own. */
        public record Thin(
                @DefaultValue("150") double tradesPerDay,
                @DefaultValue("1s") Duration minQuoteInterval,
                @DefaultValue("2s") Duration maxQuoteInterval,
                @DefaultValue("9.0") double spreadBps,
                @DefaultValue("0") double annualVolatility) {
        }

        /** Events in market terms ({@code marketpulse.simulator.market-events.*}). */
        public record MarketEvents(
                @DefaultValue("1.0") double perHour,
                @DefaultValue("3.0") double minMovePercent,
                @DefaultValue("6.0") double maxMovePercent,
                @DefaultValue("1m") Duration minMoveDuration,
                @DefaultValue("5m") Duration maxMoveDuration,
                @DefaultValue("15.0") double volumeMultiple,
                @DefaultValue("10m") Duration volumeDuration,
                @DefaultValue("5.0") double volatilityMultiple,
                @DefaultValue("10m") Duration minBurstDuration,
                @DefaultValue("20m") Duration maxBurstDuration) {
        }
    }

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

    /** The bounded buffer between a source and Kafka. */
    public record Publish(@DefaultValue("100000") int bufferCapacity) {
    }
}
