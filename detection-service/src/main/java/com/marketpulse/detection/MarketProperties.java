package com.marketpulse.detection;

import com.marketpulse.feature.grid.GridSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The shared keys detection-service reads outside its own section (the topic layout and symbols are
 * {@link com.marketpulse.settings.MarketPulseSettings}).
 *
 * @param features {@code marketpulse.features.*}: the time grid, replayed by the trainer exactly as feature-service
 *                 computes it
 */
@ConfigurationProperties("marketpulse")
public record MarketProperties(@DefaultValue Features features) {

    /** The grid keys of {@link GridSettings}, with {@link GridSettings#defaults()} as defaults. */
    public record Features(
            @DefaultValue("1s") Duration emitEvery,
            @DefaultValue("60s") Duration quoteStaleAfter,
            @DefaultValue("1d") Duration usualMoveHalfLife,
            @DefaultValue("7d") Duration seasonalHalfLife,
            @DefaultValue("3h") Duration warmUp) {

        public GridSettings settings() {
            return new GridSettings(emitEvery, quoteStaleAfter, usualMoveHalfLife, seasonalHalfLife, warmUp);
        }
    }
}
