package com.marketpulse.feature;

import com.marketpulse.feature.grid.GridSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code marketpulse.features.*} of config/marketpulse.yml: the time grid of {@link GridSettings} (the defaults
 * here are {@link GridSettings#defaults()}, for a run without that file) and how long a backtest's state is kept.
 */
@ConfigurationProperties("marketpulse.features")
record FeatureProperties(
        @DefaultValue("1s") Duration emitEvery,
        @DefaultValue("60s") Duration quoteStaleAfter,
        @DefaultValue("1d") Duration usualMoveHalfLife,
        @DefaultValue("7d") Duration seasonalHalfLife,
        @DefaultValue("3h") Duration warmUp,
        @DefaultValue("24h") Duration replayStateTtl) {

    GridSettings settings() {
        return new GridSettings(emitEvery, quoteStaleAfter, usualMoveHalfLife, seasonalHalfLife, warmUp);
    }
}
