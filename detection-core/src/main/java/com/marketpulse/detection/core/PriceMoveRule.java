package com.marketpulse.detection.core;

import com.marketpulse.events.AlertType;
import com.marketpulse.events.Direction;
import com.marketpulse.events.MarketFeatures;

/**
 * PRICE_SPIKE: a fast, large move. Over any of the horizons 1, 5 and 15 minutes, the move is at least the
 * symbol's minimum for that horizon AND at least {@code sigmas} times the symbol's usual move over that horizon at
 * this hour. The strongest horizon speaks; the shorter it is, the faster (and the more severe) the move.
 */
public record PriceMoveRule(double sigmas) implements Rule {

    private static final int[] MINUTES = {1, 5, 15};
    private static final double[] SPEED = {1.0, 0.6, 0.3};

    public PriceMoveRule {
        if (!(sigmas > 0)) {
            throw new IllegalArgumentException("price move sigmas must be positive: " + sigmas);
        }
    }

    @Override
    public Candidate judge(MarketFeatures f, Minimums minimums) {
        double[] returns = {f.return1m(), f.return5m(), f.return15m()};
        double[] usual = {f.usualMove1m(), f.usualMove5m(), f.usualMove15m()};
        Candidate best = null;
        for (int h = 0; h < 3; h++) {
            if (!(usual[h] > 0)) {
                continue;
            }
            double move = Math.expm1(returns[h]);
            double material = Math.abs(move) / minimums.move(h);
            double unusual = Math.abs(returns[h]) / usual[h] / sigmas;
            double strength = Math.min(material, unusual);
            if (strength >= 1 && (best == null || strength > best.strength())) {
                best = new Candidate(AlertType.PRICE_SPIKE, Direction.of(move), strength, material, unusual, SPEED[h],
                        explain(f, move, MINUTES[h], Math.abs(returns[h]) / usual[h]));
            }
        }
        return best;
    }

    private static String explain(MarketFeatures f, double move, int minutes, double multiple) {
        double before = f.price() / (1 + move);
        return "%s %s in %d min (%s), %s its usual %d-minute move".formatted(f.symbol(), Money.percent(move), minutes,
                Money.signedPrice(f.price() - before, f.price()), Money.times(multiple), minutes);
    }
}
