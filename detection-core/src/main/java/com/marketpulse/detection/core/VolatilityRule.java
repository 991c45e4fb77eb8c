package com.marketpulse.detection.core;

import com.marketpulse.events.AlertType;
import com.marketpulse.events.Direction;
import com.marketpulse.events.MarketFeatures;

/**
 * VOLATILITY_BURST: a sustained jump in realized volatility: the price swinging, not moving one way. The part of
 * the 10-minute realized variance that the net move does not explain (minus the larger squared 5- or 15-minute
 * return, so one jump or a one-way crash, however large, is a PRICE_SPIKE and never a burst) is at least
 * {@code multiple} times the usual volatility for this hour AND at least the symbol's minimum (a calm coin's
 * swings tripling from 0.1 % to 0.3 % wakes nobody).
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
        double swings = swings(f);
        double ratio = swings / usual;
        double unusual = ratio / multiple;
        double material = swings / minimums.volatility10m();
        double strength = Math.min(unusual, material);
        if (strength < 1) {
            return null;
        }
        double move = Math.expm1(f.return15m());
        String text = "%s swinging ±%.1f %% over 10 min, %s its usual volatility for this hour (%s in 15 min)".formatted(
                f.symbol(), swings * 100, Money.times(ratio), Money.percent(move));
        return new Candidate(AlertType.VOLATILITY_BURST, Direction.of(move), strength, material, unusual, 0, text);
    }

    /** Realized volatility beyond the net move: sqrt(max(0, volatility10m² − max(r5², r15²))). */
    public static double swings(MarketFeatures f) {
        double net = Math.max(f.return5m() * f.return5m(), f.return15m() * f.return15m());
        return Math.sqrt(Math.max(0, f.volatility10m() * f.volatility10m() - net));
    }
}
