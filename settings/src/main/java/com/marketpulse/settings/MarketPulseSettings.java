package com.marketpulse.settings;

import com.marketpulse.detection.core.DetectionSettings;
import com.marketpulse.feature.grid.GridSettings;
import com.marketpulse.simulator.SimulatorOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The shared {@code marketpulse.*} settings every service, the launcher, compose's topic creation and the evaluation
 * read, bound by Spring Boot from {@code marketpulse-defaults.yml} (the defaults, stated once), then
 * {@code config/marketpulse.yml}, then the environment. A new shared setting is one component here (or in a nested
 * record) and one line in the defaults file.
 *
 * @param symbols   the pairs to watch, as Alpaca writes them ({@code BTC/USD})
 * @param kafka     how the topics of the catalogue are created
 * @param simulator the market simulator (module market-simulator's own options record)
 * @param features  the time grid of the market features (feature-math's own settings record): feature-service
 *                  computes it, detection-service's trainer and the evaluation replay it
 * @param detection the detector's thresholds and minimums (detection-core's own settings record): detection-service
 *                  and the evaluation judge with them
 * @param edge      what the pipeline accepts at its edges (ingestion's publisher, feature-service's consumers)
 * @param backtest  what api-service (which takes backtest jobs) and ingestion-service (which replays them) share
 * @param archive   the product's Parquet archive: detection-service writes it and trains on it, ingestion-service
 *                  replays ranges of it for backtests
 */
public record MarketPulseSettings(List<String> symbols, Kafka kafka, SimulatorOptions simulator, GridSettings features,
                                  DetectionSettings detection, Edge edge, Backtest backtest,
                                  Archive archive) {

    /** The prefix the record binds to. */
    public static final String PREFIX = "marketpulse";

    public MarketPulseSettings {
        symbols = List.copyOf(symbols);
    }

    /**
     * What a live event may look like to enter the pipeline, so one bad clock cannot wedge a symbol.
     *
     * @param maxFuture         a live event further ahead of the wall clock is rejected (dead-lettered, counted)
     * @param maxLateness       a live event further behind its symbol's stream time is rejected; corrections (REST
     *                          backfill, Alpaca's updated bars) are not judged by it, a replay only against its own run
     * @param maxReplaySymbols  the most symbols one replay (backtest) run may bring; live topics take only
     *                          {@code symbols}
     */
    public record Edge(Duration maxFuture, Duration maxLateness, int maxReplaySymbols) {

        public Edge {
            if (maxFuture.isNegative() || maxLateness.isNegative() || maxReplaySymbols < 1) {
                throw new IllegalArgumentException("edge limits must be positive: " + maxFuture + ", " + maxLateness
                        + ", " + maxReplaySymbols);
            }
        }
    }

    /**
     * @param uploadDirectory where api-service stores uploaded backtest inputs and ingestion-service reads them (one
     *                        volume shared by the two in compose)
     */
    public record Backtest(Path uploadDirectory) {

        public Backtest {
            java.util.Objects.requireNonNull(uploadDirectory, "marketpulse.backtest.upload-directory");
        }
    }

    /**
     * @param directory root of the archive: trades at {@code date=YYYY-MM-DD/symbol=BTC-USD/}, quotes and source bars
     *                  under {@code quotes/} and {@code bars/} in the same layout
     */
    public record Archive(Path directory) {

        public Archive {
            java.util.Objects.requireNonNull(directory, "marketpulse.archive.directory");
        }
    }

    /**
     * @param partitions        partitions of every catalogued topic: the unit of scale
     * @param replicationFactor replicas of every catalogued topic (and of Kafka Streams' internal topics)
     */
    public record Kafka(int partitions, short replicationFactor) {

        public Kafka {
            if (partitions < 1 || replicationFactor < 1) {
                throw new IllegalArgumentException("partitions and replication factor must be at least 1: "
                        + partitions + ", " + replicationFactor);
            }
        }
    }
}
