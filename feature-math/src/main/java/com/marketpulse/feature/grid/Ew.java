package com.marketpulse.feature.grid;

import java.nio.ByteBuffer;

/**
 * An exponentially weighted mean with bias correction: until its first samples have decayed it is their plain
 * weighted mean instead of being pulled towards 0.
 */
final class Ew {

    private double weightedSum;
    private double weights;
    private long count;

    void add(double x, double alpha) {
        weightedSum = (1 - alpha) * weightedSum + alpha * x;
        weights = (1 - alpha) * weights + alpha;
        count++;
    }

    double mean() {
        return weights > 0 ? weightedSum / weights : Double.NaN;
    }

    long count() {
        return count;
    }

    /** The smoothing factor for a half-life of {@code halfLife} samples. */
    static double alpha(double halfLife) {
        return 1 - Math.pow(0.5, 1 / halfLife);
    }

    static final int BYTES = 24;

    void writeTo(ByteBuffer out) {
        out.putDouble(weightedSum).putDouble(weights).putLong(count);
    }

    static Ew readFrom(ByteBuffer in) {
        Ew ew = new Ew();
        ew.weightedSum = in.getDouble();
        ew.weights = in.getDouble();
        ew.count = in.getLong();
        return ew;
    }
}
