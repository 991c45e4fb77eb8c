package com.marketpulse.detection.scoring;

import com.marketpulse.events.AlertType;
import com.marketpulse.events.FeatureVector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A sentence a person can read: the feature that made the finding first, then any other feature that was
 * notably far from normal, then the forest's verdict, e.g.
 * {@code "price +4.2σ vs 50-tick mean 101,230.55 (return +7.9σ robust); trade size +5.1σ (log scale); forest score 0.71"}.
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
     * @param context what the symbol's recent vectors add: the mean size z of the last trades and the number of
     *                large returns, or NaN and 0 when they played no part
     */
    String of(AlertType type, FeatureVector v, double score, Context context) {
        List<String> parts = new ArrayList<>();
        switch (type) {
            case PRICE_SPIKE -> parts.add(price(v) + " (return " + sigma(v.returnZ()) + " robust)");
            case VOLUME_ANOMALY -> parts.add(Double.isFinite(context.meanVolumeZ())
                    ? size(v) + String.format(Locale.ROOT, ", last %d trades %s on average", context.volumeTrades(),
                    sigma(context.meanVolumeZ()))
                    : size(v));
            case VOLATILITY_BURST -> parts.add(context.largeReturns() > 1
                    ? String.format(Locale.ROOT, "%d returns beyond %.1fσ in the last %d ticks (this one %s)",
                    context.largeReturns(), context.largeReturnZ(), SymbolHistory.LENGTH + 1, sigma(v.returnZ()))
                    + "; " + volatility(v)
                    : volatility(v));
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

    /** The recent context behind a finding. */
    record Context(double meanVolumeZ, int volumeTrades, int largeReturns, double largeReturnZ) {

        static final Context NONE = new Context(Double.NaN, 0, 0, 0);
    }

    private String price(FeatureVector v) {
        return String.format(Locale.ROOT, "price %s vs %d-tick mean %,.2f", sigma(v.priceZ()), priceWindow,
                v.priceMean());
    }

    private static String size(FeatureVector v) {
        return String.format(Locale.ROOT, "trade size %s vs recent trades (log scale, %s units)",
                sigma(v.volumeZ()), plain(v.size()));
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
