package com.marketpulse.detection.scoring;

import com.marketpulse.events.FeatureVector;
import java.time.Instant;

/**
 * The detector's short memory of one symbol (and run): the robust return z-scores and trade-size z-scores of its
 * last {@value #LENGTH} vectors. One vector cannot tell a lone jump from the start of a volatile stretch, nor one
 * large trade from a burst of them; a few vectors of context can. Vectors are recorded in event-time order; a
 * vector that is not newer than the last recorded one (a redelivery) is not recorded again. Not thread-safe: one
 * symbol is scored by one thread at a time.
 */
public final class SymbolHistory {

    /** How many previous vectors are remembered. */
    public static final int LENGTH = 10;

    private final double[] absReturnZ = new double[LENGTH];
    private final double[] volumeZ = new double[LENGTH];
    private int size;
    private int next;
    private Instant last = Instant.MIN;

    /** A history with nothing in it: every vector looks isolated. */
    public static SymbolHistory empty() {
        return new SymbolHistory();
    }

    /** Remembers a scored vector, unless it is not newer than the last one remembered. */
    public void record(FeatureVector v) {
        if (!v.eventTime().isAfter(last)) {
            return;
        }
        last = v.eventTime();
        absReturnZ[next] = finite(Math.abs(v.returnZ()));
        volumeZ[next] = finite(v.volumeZ());
        next = (next + 1) % LENGTH;
        size = Math.min(size + 1, LENGTH);
    }

    /** How many of the remembered vectors had a robust return z-score of at least {@code threshold} in size. */
    int largeReturns(double threshold) {
        int count = 0;
        for (int i = 0; i < size; i++) {
            if (absReturnZ[i] >= threshold) {
                count++;
            }
        }
        return count;
    }

    /**
     * The mean trade-size z-score of this vector and the {@code previous} most recent remembered ones; NaN while
     * fewer than {@code previous} are remembered (not enough context to call anything sustained).
     */
    double meanVolumeZ(double current, int previous) {
        if (size < previous) {
            return Double.NaN;
        }
        double sum = finite(current);
        for (int i = 1; i <= previous; i++) {
            sum += volumeZ[Math.floorMod(next - i, LENGTH)];
        }
        return sum / (previous + 1);
    }

    private static double finite(double value) {
        return Double.isFinite(value) ? value : 0.0;
    }
}
