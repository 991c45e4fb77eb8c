package com.marketpulse.evaluation;

import com.marketpulse.events.AlertType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The measured quality of one anomaly type over labelled streams.
 *
 * @param labels          injected anomalies of this type
 * @param detected        of those, how many an alert of this type matched
 * @param truePositives   alerts of this type that match a label of this type
 * @param crossType       alerts of this type that match no label of this type but overlap a label of another type
 *                        (the same market event reported under another name): neither true nor false
 * @param falsePositives  alerts of this type that overlap no label at all
 * @param delayTicks      per detected label with a finding inside its window: ticks of the symbol from the label's
 *                        first tick to that finding's tick (0 = found on the first anomalous tick)
 * @param delays          the same in event time
 */
public record TypeMetrics(AlertType type, int labels, int detected, int truePositives, int crossType,
                          int falsePositives, List<Long> delayTicks, List<Duration> delays) {

    public TypeMetrics {
        delayTicks = List.copyOf(delayTicks);
        delays = List.copyOf(delays);
    }

    public static TypeMetrics empty(AlertType type) {
        return new TypeMetrics(type, 0, 0, 0, 0, 0, List.of(), List.of());
    }

    public int alerts() {
        return truePositives + crossType + falsePositives;
    }

    /** Detected labels over labels; NaN without labels. */
    public double recall() {
        return labels == 0 ? Double.NaN : (double) detected / labels;
    }

    /** True alerts over true and false ones (cross-type alerts left out); NaN without either. */
    public double precision() {
        int judged = truePositives + falsePositives;
        return judged == 0 ? Double.NaN : (double) truePositives / judged;
    }

    /** True alerts over all alerts of this type, cross-type ones counted as wrong; NaN without alerts. */
    public double strictPrecision() {
        return alerts() == 0 ? Double.NaN : (double) truePositives / alerts();
    }

    /** The median delay in ticks; NaN without any delay. */
    public double medianDelayTicks() {
        return median(delayTicks.stream().mapToDouble(Long::doubleValue).sorted().toArray());
    }

    /** The median delay in seconds; NaN without any delay. */
    public double medianDelaySeconds() {
        return median(delays.stream().mapToDouble(d -> d.toNanos() / 1e9).sorted().toArray());
    }

    /** This and another stream's metrics of the same type together. */
    public TypeMetrics plus(TypeMetrics other) {
        if (other.type != type) {
            throw new IllegalArgumentException("cannot add " + other.type + " to " + type);
        }
        List<Long> ticks = new ArrayList<>(delayTicks);
        ticks.addAll(other.delayTicks);
        List<Duration> times = new ArrayList<>(delays);
        times.addAll(other.delays);
        return new TypeMetrics(type, labels + other.labels, detected + other.detected,
                truePositives + other.truePositives, crossType + other.crossType,
                falsePositives + other.falsePositives, ticks, times);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
