package com.marketpulse.feature.math;

import java.nio.ByteBuffer;

/**
 * Mean and sample standard deviation over the last {@code n} values, updated in O(1) per value.
 *
 * <p>Numerics: Welford's update, extended to a sliding window (the leaving value {@code y} and the arriving
 * value {@code x} in one step: {@code mean' = mean + (x - y)/n}, {@code M2' = M2 + (x - y)(x - mean' + y - mean)}),
 * so the variance is never a difference of two sums of squares and has no catastrophic cancellation. The
 * values enter as deviations from a reference {@code shift} (a recent value), so the rounding of the mean is
 * relative to the moves, not to a price near 100,000. Once per window turnover ({@code n} pushes) the mean and
 * M2 are recomputed from the window with two passes and the reference moves to the mean, which cancels the
 * drift of the incremental updates: O(n) every n pushes, O(1) amortized. A window whose values are all equal
 * (tracked by the length of the run of equal values, O(1)) has exactly zero variance.
 */
final class RollingMoments {

    private final DoubleRing window;
    private double shift;
    private double meanDev;
    private double m2;
    private int pushesSinceRecompute;
    private int equalRun;

    RollingMoments(int capacity) {
        this(new DoubleRing(capacity));
    }

    private RollingMoments(DoubleRing window) {
        this.window = window;
    }

    void push(double x) {
        int n = window.size();
        if (n == 0) {
            shift = x;
        }
        equalRun = n > 0 && Double.compare(x, window.get(n - 1)) == 0 ? Math.min(equalRun + 1, window.capacity()) : 1;
        double d = x - shift;
        if (window.isFull()) {
            double y = window.oldest() - shift;
            double updated = meanDev + (d - y) / n;
            m2 += (d - y) * (d - updated + y - meanDev);
            meanDev = updated;
        } else {
            double delta = d - meanDev;
            meanDev += delta / (n + 1);
            m2 += delta * (d - meanDev);
        }
        window.push(x);
        if (++pushesSinceRecompute >= window.capacity()) {
            recompute();
        }
    }

    private void recompute() {
        int n = window.size();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += window.get(i) - shift;
        }
        double mean = shift + sum / n;
        shift = mean;
        sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double d = window.get(i) - shift;
            sum += d;
            sumSq += d * d;
        }
        meanDev = sum / n;
        m2 = sumSq - sum * meanDev;
        pushesSinceRecompute = 0;
    }

    int count() {
        return window.size();
    }

    int capacity() {
        return window.capacity();
    }

    /** The mean, 0 for an empty window. */
    double mean() {
        int n = window.size();
        if (n == 0) {
            return 0;
        }
        return equalRun >= n ? window.get(n - 1) : shift + meanDev;
    }

    /** The sample variance (n - 1 in the denominator), 0 for fewer than two values or all values equal. */
    double variance() {
        int n = window.size();
        if (n < 2 || equalRun >= n) {
            return 0;
        }
        return Math.max(0, m2) / (n - 1);
    }

    double std() {
        return Math.sqrt(variance());
    }

    /** The i-th value of the window, 0 being the oldest. */
    double get(int i) {
        return window.get(i);
    }

    int serializedSize() {
        return window.serializedSize() + 3 * 8 + 2 * 4;
    }

    void writeTo(ByteBuffer out) {
        window.writeTo(out);
        out.putDouble(shift).putDouble(meanDev).putDouble(m2).putInt(pushesSinceRecompute).putInt(equalRun);
    }

    static RollingMoments readFrom(ByteBuffer in) {
        RollingMoments moments = new RollingMoments(DoubleRing.readFrom(in));
        moments.shift = in.getDouble();
        moments.meanDev = in.getDouble();
        moments.m2 = in.getDouble();
        moments.pushesSinceRecompute = in.getInt();
        moments.equalRun = in.getInt();
        return moments;
    }

    /** The same newest values in a window of another capacity (used when the configured window changes). */
    RollingMoments resized(int capacity) {
        RollingMoments resized = new RollingMoments(capacity);
        for (int i = Math.max(0, count() - capacity); i < count(); i++) {
            resized.push(get(i));
        }
        return resized;
    }
}
