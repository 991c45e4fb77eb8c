package com.marketpulse.feature.stream;

import com.marketpulse.settings.MarketPulseSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * What feature-service accepts, so that no record can open state forever or wedge a symbol: on live topics only
 * the configured symbols, and no event more than {@code maxFuture} ahead of the clock (one such record would make
 * every later real event of its symbol "out of order" until the wall clock passed it); a backtest run brings its
 * own symbols, at most {@code maxReplaySymbols}. From the shared settings {@code marketpulse.symbols} and
 * {@code marketpulse.edge.*}.
 */
public record InputLimits(Set<String> symbols, Duration maxFuture, int maxReplaySymbols, Clock clock) {

    public InputLimits {
        symbols = Set.copyOf(symbols);
    }

    public static InputLimits of(MarketPulseSettings settings, Clock clock) {
        return new InputLimits(Set.copyOf(settings.symbols()), settings.edge().maxFuture(),
                settings.edge().maxReplaySymbols(), clock);
    }
}
