package com.marketpulse.detection;

import com.marketpulse.feature.math.FeatureSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The shared keys detection-service reads outside its own section (the topic layout and symbols are
 * {@link com.marketpulse.settings.MarketPulseSettings}).
 *
 * @param features {@code marketpulse.features.*}: the windows (named in explanations, replayed for training)
 */
@ConfigurationProperties("marketpulse")
public record MarketProperties(@DefaultValue Features features) {

    public record Features(
            @DefaultValue("50") int priceWindow,
            @DefaultValue("20") int volShortWindow,
            @DefaultValue("200") int volLongWindow,
            @DefaultValue("100") int robustWindow,
            @DefaultValue("60s") Duration volumeTimeWindow,
            @DefaultValue("1m") Duration barInterval) {

        /** The windows as feature-service uses them. */
        public FeatureSettings settings() {
            return new FeatureSettings(priceWindow, volShortWindow, volLongWindow, robustWindow, volumeTimeWindow,
                    barInterval);
        }
    }
}
