package com.marketpulse.detection.scoring;

import com.marketpulse.events.AlertType;
import com.marketpulse.events.FeatureVector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A sentence a person can read: the feature that made the finding first, then any other feature that was
 * notably far from normal, then the forest's verdict, e.g.
 * {@code "price +8.7σ vs 50-tick mean 89,323.39 (+0.25% in one trade, return +52.9σ robust); forest score 0.80"}.
 */
final class Explanation {

    /** A secondary feature is mentioned from this many σ (or this volatility ratio) on. */
    private static final double NOTABLE_Z = 2.0;
    private static final double NOTABLE_RATIO = 1.5;

    private final int priceWindow;

    Explanation(int priceWindow) {
        this.priceWindow = priceWindow;
    }

    /**
     * @param evidence the symbol's evidence behind a sequential finding; {@link Evidence#NONE} for a finding of
     *                 this vector alone
     */
    String of(AlertType type, FeatureVector v, double score, Evidence evidence) {
        List<String> parts = new ArrayList<>();
        switch (type) {
            case PRICE_SPIKE -> parts.add(price(v) + " (" + move(v) + ")");
            case VOLUME_ANOMALY -> parts.add(evidence.volumeTrades() > 1
                    ? String.format(Locale.ROOT, "trade sizes %s the usual over the last %d trades (%s on average); ",
                    times(evidence.volumeSizeRatio()), evidence.volumeTrades(), sigma(evidence.meanVolumeZ()))
                    + size(v)
                    : size(v));
            case VOLATILITY_BURST -> parts.add(String.format(Locale.ROOT,
                    "returns of ±%.1fσ on average over the last %d trades (robust, this one %s); ",
                    evidence.meanAbsReturnZ(), evidence.burstTrades(), sigma(v.returnZ())) + volatility(v));
        }
        if (type != AlertType.PRICE_SPIKE && Math.abs(v.priceZ()) >= NOTABLE_Z) {
            parts.add(price(v));
        }
        if (type != AlertType.VOLUME_ANOMALY && v.volumeZ() >= NOTABLE_Z) {
            parts.add(size(v));
        }
        if (type != AlertType.VOLATILITY_BURST && v.volRatio() >= NOTABLE_RATIO) {
            parts.add(volatility(v));
        }
        parts.add(String.format(Locale.ROOT, "forest score %.2f", score));
        return String.join("; ", parts);
    }

    private String price(FeatureVector v) {
        return String.format(Locale.ROOT, "price %s vs %d-tick mean %,.2f", sigma(v.priceZ()), priceWindow,
                v.priceMean());
    }

    private static String size(FeatureVector v) {
        if (v.size() > 0 && v.typicalSize() > 0) {
            return String.format(Locale.ROOT, "trade size %s the usual (%s, %s units)",
                    times(v.size() / v.typicalSize()), sigma(v.volumeZ()), plain(v.size()));
        }
        return String.format(Locale.ROOT, "trade size %s vs recent trades (log scale, %s units)",
                sigma(v.volumeZ()), plain(v.size()));
    }

    /** A multiple a person reads at a glance: "25×", "3.4×", "0.52×". */
    private static String times(double ratio) {
        return String.format(Locale.ROOT, ratio >= 10 ? "%.0f×" : "%.2g×", ratio);
    }

    /** The jump as a person reads it, in percent, and as the rule saw it. */
    private static String move(FeatureVector v) {
        return String.format(Locale.ROOT, "%+.2f%% in one trade, return %s robust", Math.expm1(v.logReturn()) * 100,
                sigma(v.returnZ()));
    }

    private static String volatility(FeatureVector v) {
        return String.format(Locale.ROOT, "short-term volatility %.1f× long-term", v.volRatio());
    }

    private static String sigma(double z) {
        return String.format(Locale.ROOT, "%+.1fσ", z);
    }

    private static String plain(double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }
}
