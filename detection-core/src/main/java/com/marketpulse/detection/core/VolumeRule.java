package com.marketpulse.detection.core;

import com.marketpulse.events.AlertType;
import com.marketpulse.events.Direction;
import com.marketpulse.events.MarketFeatures;

/**
 * VOLUME_ANOMALY: traded value far above its usual level for this hour of the day. Over the last five minutes,
 * at least {@code multiple} times the usual value AND at least the symbol's minimum; or, to be early, over the last
 * minute alone at least three times that multiple AND half of the five-minute minimum. Sparse trades are never
 * an anomaly by themselves: on a thin venue the minimum is out of their reach.
 */
public record VolumeRule(double multiple) implements Rule {

    /** The one-minute path needs this many times the multiple (one busy minute is common) ... */
    static final double ONE_MINUTE_FACTOR = 3;
    /** ... and this share of the five-minute minimum in that one minute. */
    static final double ONE_MINUTE_SHARE = 0.5;

    public VolumeRule {
        if (!(multiple > 1)) {
            throw new IllegalArgumentException("volume multiple must be above 1: " + multiple);
        }
    }

    @Override
    public Candidate judge(MarketFeatures f, Minimums minimums) {
        double usual = f.usualNotional1m();
        if (!(usual > 0)) {
            return null;
        }
        double ratio5 = f.notional5m() / (5 * usual);
        double ratio1 = f.notional1m() / usual;
        double material5 = f.notional5m() / minimums.notional5m();
        double material1 = f.notional1m() / (minimums.notional5m() * ONE_MINUTE_SHARE);
        double strength5 = Math.min(ratio5 / multiple, material5);
        double strength1 = Math.min(ratio1 / (ONE_MINUTE_FACTOR * multiple), material1);
        double strength = Math.max(strength5, strength1);
        if (strength < 1) {
            return null;
        }
        boolean fiveMinutes = strength5 >= strength1;
        double ratio = fiveMinutes ? ratio5 : ratio1;
        double unusual = fiveMinutes ? ratio5 / multiple : ratio1 / (ONE_MINUTE_FACTOR * multiple);
        double traded = fiveMinutes ? f.notional5m() : f.notional1m();
        int minutes = fiveMinutes ? 5 : 1;
        double move = Math.expm1(f.return5m());
        String text = "%s traded %s in %d min, %s usual for this hour (price %s in 5 min)".formatted(f.symbol(),
                Money.value(traded), minutes, Money.times(ratio), Money.percent(move));
        return new Candidate(AlertType.VOLUME_ANOMALY, Direction.of(move), strength, felt(move, minimums), unusual, 0,
                text);
    }

    /**
     * What a holder feels of a volume anomaly is the price move with it, not the money others traded: the severity
     * grows with the 5-minute move against its minimum (at least 1, the rule having fired).
     */
    static double felt(double move, Minimums minimums) {
        return Math.max(1, Math.abs(move) / minimums.move5m());
    }
}
