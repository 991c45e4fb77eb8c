package com.marketpulse.feature.math;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Median and median absolute deviation (MAD) of the last {@code n} values.
 *
 * <p>Cost per value: the window is kept twice, in arrival order (a ring) and sorted. A push finds the
 * leaving and the arriving value by binary search (O(log n) comparisons) and shifts the sorted array
 * with one {@code System.arraycopy} of at most n doubles (a memmove, not a re-scan: for the windows used
 * here, a few hundred values, it is cheaper than a balanced tree's pointer chasing, at the price of being
 * O(n) bytes moved in the worst case). {@link #median()} is O(1). {@link #mad()} is O(log n): the absolute
 * deviations from the median form two sorted runs (below and above the median, read outward), and the
 * middle of their union is found by a binary search over how many values come from each run.
 */
final class RollingMedian {

    private final DoubleRing window;
    private final double[] sorted;

    RollingMedian(int capacity) {
        this(new DoubleRing(capacity));
    }

    private RollingMedian(DoubleRing window) {
        this.window = window;
        this.sorted = new double[window.capacity()];
    }

    void push(double x) {
        int n = window.size();
        if (window.isFull()) {
            int at = Arrays.binarySearch(sorted, 0, n, window.oldest());
            System.arraycopy(sorted, at + 1, sorted, at, n - at - 1);
            n--;
        }
        int at = Arrays.binarySearch(sorted, 0, n, x);
        if (at < 0) {
            at = -at - 1;
        }
        System.arraycopy(sorted, at, sorted, at + 1, n - at);
        sorted[at] = x;
        window.push(x);
    }

    int count() {
        return window.size();
    }

    int capacity() {
        return window.capacity();
    }

    /** The median, 0 for an empty window. */
    double median() {
        int n = window.size();
        if (n == 0) {
            return 0;
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The median of |x - median| over the window, 0 for an empty window. */
    double mad() {
        int n = window.size();
        if (n == 0) {
            return 0;
        }
        Deviations deviations = new Deviations(median(), n);
        return n % 2 == 1
                ? deviations.smallest(n / 2)
                : (deviations.smallest(n / 2 - 1) + deviations.smallest(n / 2)) / 2;
    }

    /** |x - m| as two ascending runs: {@code below(j) = m - sorted[split-1-j]}, {@code above(j) = sorted[split+j] - m}. */
    private final class Deviations {
        private final double m;
        private final int split;
        private final int belowCount;
        private final int aboveCount;

        Deviations(double m, int n) {
            this.m = m;
            int at = lowerBound(m, n);
            this.split = at;
            this.belowCount = at;
            this.aboveCount = n - at;
        }

        private int lowerBound(double value, int n) {
            int lo = 0;
            int hi = n;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (Double.compare(sorted[mid], value) < 0) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        private double below(int j) {
            return m - sorted[split - 1 - j];
        }

        private double above(int j) {
            return sorted[split + j] - m;
        }

        /** The k-th smallest deviation (k from 0): the smallest i such that taking i from below is enough. */
        double smallest(int k) {
            int need = k + 1;
            int lo = Math.max(0, need - aboveCount);
            int hi = Math.min(need, belowCount);
            while (lo < hi) {
                int i = (lo + hi) >>> 1;
                if (below(i) < above(need - i - 1)) {
                    lo = i + 1;
                } else {
                    hi = i;
                }
            }
            int fromAbove = need - lo;
            double lastBelow = lo > 0 ? below(lo - 1) : Double.NEGATIVE_INFINITY;
            double lastAbove = fromAbove > 0 ? above(fromAbove - 1) : Double.NEGATIVE_INFINITY;
            return Math.max(lastBelow, lastAbove);
        }
    }

    int serializedSize() {
        return window.serializedSize() + 8 * window.size();
    }

    void writeTo(ByteBuffer out) {
        window.writeTo(out);
        out.asDoubleBuffer().put(sorted, 0, window.size());
        out.position(out.position() + 8 * window.size());
    }

    static RollingMedian readFrom(ByteBuffer in) {
        RollingMedian median = new RollingMedian(DoubleRing.readFrom(in));
        in.asDoubleBuffer().get(median.sorted, 0, median.window.size());
        in.position(in.position() + 8 * median.window.size());
        return median;
    }

    RollingMedian resized(int capacity) {
        RollingMedian resized = new RollingMedian(capacity);
        for (int i = Math.max(0, count() - capacity); i < count(); i++) {
            resized.push(window.get(i));
        }
        return resized;
    }
}
