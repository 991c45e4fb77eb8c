package com.marketpulse.feature;

import com.marketpulse.feature.math.FeatureSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code marketpulse.features.*} of config/marketpulse.yml (the defaults here are the same values, for a run
 * without that file).
 */
@ConfigurationProperties("marketpulse.features")
record FeatureProperties(
        @DefaultValue("50") int priceWindow,
        @DefaultValue("20") int volShortWindow,
        @DefaultValue("200") int volLongWindow,
        @DefaultValue("100") int robustWindow,
        @DefaultValue("60s") Duration volumeTimeWindow,
        @DefaultValue("1m") Duration barInterval,
        @DefaultValue("24h") Duration replayStateTtl) {

    FeatureSettings settings() {
        return new FeatureSettings(priceWindow, volShortWindow, volLongWindow, robustWindow, volumeTimeWindow,
                barInterval);
    }
}
