package com.marketpulse.feature.grid;

import java.nio.ByteBuffer;

/**
 * The usual level of a per-minute quantity (on a log scale) for each hour of the day (UTC), beside its level over
 * all hours. Crypto trades round the clock but not evenly: US and Asian hours differ several-fold in volume. An
 * hour with less than a few days of history borrows from the all-hours level, in proportion.
 *
 * <p>Robust to the anomalies it judges: a sample more than {@code clip} above the current level counts as
 * {@code level + clip}, so a surge raises the usual level only slowly.
 */
final class Seasonal {

    private static final int HOURS = 24;
    /** Samples an hour needs (about three days of that hour) before its own level is used alone. */
    private static final double HOUR_TRUSTED = 180;

    private final Ew all;
    private final Ew[] hours;

    private Seasonal(Ew all, Ew[] hours) {
        this.all = all;
        this.hours = hours;
    }

    static Seasonal fresh() {
        Ew[] hours = new Ew[HOURS];
        for (int h = 0; h < HOURS; h++) {
            hours[h] = new Ew();
        }
        return new Seasonal(new Ew(), hours);
    }

    void add(int hour, double x, double clip, double alphaAll, double alphaHour) {
        double level = level(hour);
        double sample = Double.isNaN(level) ? x : Math.min(x, level + clip);
        all.add(sample, alphaAll);
        hours[hour].add(sample, alphaHour);
    }

    /** The usual level for this hour; NaN before any sample. */
    double level(int hour) {
        double overall = all.mean();
        Ew own = hours[hour];
        if (own.count() == 0) {
            return overall;
        }
        double trust = Math.min(1, own.count() / HOUR_TRUSTED);
        return trust * own.mean() + (1 - trust) * overall;
    }

    /** The usual level over all hours; NaN before any sample. */
    double overall() {
        return all.mean();
    }

    long samples() {
        return all.count();
    }

    static final int BYTES = (HOURS + 1) * Ew.BYTES;

    void writeTo(ByteBuffer out) {
        all.writeTo(out);
        for (Ew hour : hours) {
            hour.writeTo(out);
        }
    }

    static Seasonal readFrom(ByteBuffer in) {
        Ew all = Ew.readFrom(in);
        Ew[] hours = new Ew[HOURS];
        for (int h = 0; h < HOURS; h++) {
            hours[h] = Ew.readFrom(in);
        }
        return new Seasonal(all, hours);
    }
}
