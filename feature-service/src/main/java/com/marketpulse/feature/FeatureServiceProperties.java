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
 * @param standbyReplicas warm copies of each task's stores kept on other instances (Kafka Streams'
 *                        {@code num.standby.replicas}): with two instances, the one that takes over a killed instance's
 *                        tasks has their state already and does not replay the changelog; with one instance none is
 *                        placed, so the default costs nothing there. Each copy costs its stores' memory and disk once
 *                        more on another instance.
 */
@ConfigurationProperties("marketpulse.features")
record FeatureServiceProperties(@DefaultValue("24h") Duration replayStateTtl, @DefaultValue("1") int standbyReplicas) {

    FeatureServiceProperties {
        if (standbyReplicas < 0) {
            throw new IllegalArgumentException("marketpulse.features.standby-replicas must be 0 or more, got "
                    + standbyReplicas);
        }
    }
}
