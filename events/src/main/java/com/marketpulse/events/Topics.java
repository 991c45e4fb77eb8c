package com.marketpulse.events;

/** The one place that names every Kafka topic. Every topic is keyed by symbol (e.g. {@code BTC/USD}). */
public final class Topics {

    /** Live trades from the exchange or the simulator: {@link Tick}. */
    public static final String MARKET_CRYPTO = "market.crypto";
    /** Historical trades replayed for a backtest, each carrying its run id: {@link Tick}. */
    public static final String MARKET_CRYPTO_REPLAY = "market.crypto.replay";
    /** Rolling features per tick: {@link FeatureVector}. */
    public static final String MARKET_FEATURES = "market.features";
    /** One-minute OHLCV bars: {@link Bar}. */
    public static final String MARKET_BARS = "market.bars";
    /** Detected anomalies: {@link Alert}. */
    public static final String MARKET_ALERTS = "market.alerts";
    /** Ground truth of anomalies the simulator injected: {@link AnomalyLabel}. */
    public static final String MARKET_LABELS = "market.labels";

    /** Suffix of the dead-letter topic that receives a record a consumer could not process. */
    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
