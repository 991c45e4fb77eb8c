package com.marketpulse.feature.math;

import java.nio.ByteBuffer;

/**
 * Traded volume and trade count over a time window in event time, kept in {@value #BUCKETS} buckets.
 *
 * <p>The window is the current bucket and the {@value #BUCKETS}-1 before it (bucket = window / {@value #BUCKETS},
 * 1 s for a 60 s window), so its edge has the resolution of one bucket. A trade costs O(1): buckets that
 * time left behind are cleared as the newest bucket advances (at most {@value #BUCKETS} per advance, each
 * cleared once). The volume sum is recomputed from the buckets once per window turnover to cancel the
 * rounding of add/remove pairs (O(1) amortized). Trade rate divides by the part of the window the stream has
 * covered so far, so it is not understated during the first window.
 */
final class TimeBuckets {

    static final int BUCKETS = 60;

    private final long bucketNanos;
    private final double[] volume = new double[BUCKETS];
    private final int[] trades = new int[BUCKETS];
    private boolean started;
    private long firstBucket;
    private long newestBucket;
    private double volumeSum;
    private long tradeSum;
    private int advancesSinceResum;

    TimeBuckets(long windowNanos) {
        if (windowNanos < BUCKETS) {
            throw new IllegalArgumentException("time window too short: " + windowNanos + " ns");
        }
        this.bucketNanos = windowNanos / BUCKETS;
    }

    long bucketNanos() {
        return bucketNanos;
    }

    /** Adds a trade. Trades must come in event-time order; an older one is counted in the newest bucket. */
    void add(long eventNanos, double size) {
        long bucket = Math.floorDiv(eventNanos, bucketNanos);
        if (!started) {
            started = true;
            firstBucket = bucket;
            newestBucket = bucket;
        } else if (bucket > newestBucket) {
            advanceTo(bucket);
        }
        int slot = (int) Math.floorMod(newestBucket, BUCKETS);
        volume[slot] += size;
        trades[slot]++;
        volumeSum += size;
        tradeSum++;
    }

    private void advanceTo(long bucket) {
        long steps = Math.min(bucket - newestBucket, BUCKETS);
        for (long k = 1; k <= steps; k++) {
            int slot = (int) Math.floorMod(newestBucket + k, BUCKETS);
            volumeSum -= volume[slot];
            tradeSum -= trades[slot];
            volume[slot] = 0;
            trades[slot] = 0;
        }
        newestBucket = bucket;
        if (tradeSum == 0) {
            volumeSum = 0;
        } else if (++advancesSinceResum >= BUCKETS) {
            volumeSum = 0;
            for (double v : volume) {
                volumeSum += v;
            }
            advancesSinceResum = 0;
        }
    }

    /** Σ size over the window. */
    double volume() {
        return Math.max(0, volumeSum);
    }

    long trades() {
        return tradeSum;
    }

    /** Trades per second over the window, or over the part of it since the first trade when that is shorter. */
    double tradeRate() {
        if (!started) {
            return 0;
        }
        long covered = Math.min(BUCKETS, newestBucket - firstBucket + 1);
        return tradeSum / (covered * (bucketNanos / 1e9));
    }

    int serializedSize() {
        return 8 + 1 + 3 * 8 + 8 + 4 + BUCKETS * (8 + 4);
    }

    void writeTo(ByteBuffer out) {
        out.putLong(bucketNanos).put((byte) (started ? 1 : 0)).putLong(firstBucket).putLong(newestBucket)
                .putDouble(volumeSum).putLong(tradeSum).putInt(advancesSinceResum);
        out.asDoubleBuffer().put(volume);
        out.position(out.position() + 8 * BUCKETS);
        out.asIntBuffer().put(trades);
        out.position(out.position() + 4 * BUCKETS);
    }

    static TimeBuckets readFrom(ByteBuffer in) {
        long bucketNanos = in.getLong();
        TimeBuckets buckets = new TimeBuckets(bucketNanos * BUCKETS);
        buckets.started = in.get() == 1;
        buckets.firstBucket = in.getLong();
        buckets.newestBucket = in.getLong();
        buckets.volumeSum = in.getDouble();
        buckets.tradeSum = in.getLong();
        buckets.advancesSinceResum = in.getInt();
        in.asDoubleBuffer().get(buckets.volume);
        in.position(in.position() + 8 * BUCKETS);
        in.asIntBuffer().get(buckets.trades);
        in.position(in.position() + 4 * BUCKETS);
        return buckets;
    }
}
