package com.marketpulse.feature;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * feature-service's own key under {@code marketpulse.features}: the grid itself is a shared setting
 * ({@link com.marketpulse.settings.MarketPulseSettings#features()}).
 *
 * @param replayStateTtl a backtest run's feature state (kept apart from live state) is deleted this long after its
 *                       last input
 */
@ConfigurationProperties("marketpulse.features")
record FeatureServiceProperties(@DefaultValue("24h") Duration replayStateTtl) {
}
