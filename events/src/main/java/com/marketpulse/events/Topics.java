package com.marketpulse.events;

/**
 * The one place that names every Kafka topic. Every topic is keyed by symbol (e.g. {@code BTC/USD}); how each is
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
    /** One-minute OHLCV bars: {@link Bar}. */
    public static final String MARKET_BARS = "market.bars";
    /** Detected anomalies: {@link Alert}. */
    public static final String MARKET_ALERTS = "market.alerts";
    /** Ground truth of anomalies the simulator injected: {@link AnomalyLabel}. */
    public static final String MARKET_LABELS = "market.labels";

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
