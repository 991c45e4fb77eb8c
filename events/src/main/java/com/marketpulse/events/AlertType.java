package com.marketpulse.events;

/** The kinds of market anomaly MarketPulse tells people about. */
public enum AlertType {
    /** The price is far from its recent level. */
    PRICE_SPIKE,
    /** Traded volume is far from its recent level. */
    VOLUME_ANOMALY,
    /** Short-term volatility is far above long-term volatility. */
    VOLATILITY_BURST
}
