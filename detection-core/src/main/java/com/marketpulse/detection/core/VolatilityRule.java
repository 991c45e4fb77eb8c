package com.marketpulse.detection.core;

import com.marketpulse.events.AlertType;
import com.marketpulse.events.Direction;
import com.marketpulse.events.MarketFeatures;

/**
 * VOLATILITY_BURST: a sustained jump in realized volatility. The 10-minute realized volatility is at least
 * {@code multiple} times its usual level for this hour AND at least the symbol's minimum (a calm coin's swings
 * tripling from 0.1 % to 0.3 % wakes nobody).
 */
public record VolatilityRule(double multiple) implements Rule {

    public VolatilityRule {
        if (!(multiple > 1)) {
            throw new IllegalArgumentException("volatility multiple must be above 1: " + multiple);
        }
    }

    @Override
    public Candidate judge(MarketFeatures f, Minimums minimums) {
        double usual = f.usualVolatility10m();
        if (!(usual > 0)) {
            return null;
        }
        double ratio = f.volatility10m() / usual;
        double unusual = ratio / multiple;
        double material = f.volatility10m() / minimums.volatility10m();
        double strength = Math.min(unusual, material);
        if (strength < 1) {
            return null;
        }
        double move = Math.expm1(f.return15m());
        String text = "%s swinging ±%.1f %% over 10 min, %s its usual volatility for this hour (%s in 15 min)".formatted(
                f.symbol(), f.volatility10m() * 100, Money.times(ratio), Money.percent(move));
        return new Candidate(AlertType.VOLATILITY_BURST, Direction.of(move), strength, material, unusual, 0, text);
    }
}
