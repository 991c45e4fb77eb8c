package com.marketpulse.events;

/**
 * The one place that names every Kafka topic. Every market topic is keyed by symbol (e.g. {@code BTC/USD}), the
 * backtest topics by run id; how each is
 * created (partitions, retention, timestamps) is in {@link TopicCatalogue}.
 */
public final class Topics {

    /** Live trades from the exchange or the simulator: {@link Tick}. */
    public static final String MARKET_CRYPTO = "market.crypto";
    /** Historical trades replayed for a backtest, each carrying its run id: {@link Tick}. */
    public static final String MARKET_CRYPTO_REPLAY = "market.crypto.replay";
    /** Live best bid/offer: {@link Quote}. */
    public static final String MARKET_QUOTES = "market.quotes";
    /** Quotes of a backtest run: {@link Quote} with a run id. */
    public static final String MARKET_QUOTES_REPLAY = "market.quotes.replay";
    /** Bars as the source reported them (Alpaca minute bars and corrections, REST backfill): {@link SourceBar}. */
    public static final String MARKET_SOURCE_BARS = "market.source-bars";
    /** Source bars of a backtest run (e.g. a candle file): {@link SourceBar} with a run id. */
    public static final String MARKET_SOURCE_BARS_REPLAY = "market.source-bars.replay";
    /** Market features per symbol and grid step, from trades, quotes and source bars: {@link MarketFeatures}. */
    public static final String MARKET_FEATURES = "market.features";
    /** Features of backtest runs: {@link MarketFeatures} with a run id (never on the live topic). */
    public static final String MARKET_FEATURES_REPLAY = "market.features.replay";
    /** One-minute OHLCV bars: {@link Bar}. */
    public static final String MARKET_BARS = "market.bars";
    /** Chart bars of backtest runs: {@link Bar} with a run id. */
    public static final String MARKET_BARS_REPLAY = "market.bars.replay";
    /** Detected anomalies: {@link Alert}. */
    public static final String MARKET_ALERTS = "market.alerts";
    /** Alerts a backtest run would have raised: {@link Alert} with a run id; never delivered to anyone. */
    public static final String MARKET_ALERTS_REPLAY = "market.alerts.replay";
    /** Ground truth of anomalies the simulator injected: {@link AnomalyLabel}. */
    public static final String MARKET_LABELS = "market.labels";
    /** Ground truth carried by a backtest's input (a label column or labels file): {@link AnomalyLabel} with a run id. */
    public static final String MARKET_LABELS_REPLAY = "market.labels.replay";

    /**
     * ingestion-service's lease on the live source (one partition, never written): the instance its consumer group
     * assigns partition 0 runs the source, the others are standbys. One partition, whatever the configured count.
     */
    public static final String SOURCE_LEASE = "ingestion.source-lease";

    /** api-service's requests to start or cancel a backtest run: {@link BacktestCommand}, keyed by run id. */
    public static final String BACKTEST_COMMANDS = "backtest.commands";
    /** Where each run's replay stands, from ingestion-service: {@link BacktestProgress}, keyed by run id. */
    public static final String BACKTEST_PROGRESS = "backtest.progress";

    /** Suffix of the dead-letter topic that receives a record a consumer could not process. */
    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    /**
     * Header of a dead letter naming why it was refused, one short word a counter is tagged with too (e.g.
     * {@code malformed}, {@code far_future}, {@code unknown_symbol}).
     */
    public static final String DEAD_LETTER_REASON = "marketpulse.dlt.reason";

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
