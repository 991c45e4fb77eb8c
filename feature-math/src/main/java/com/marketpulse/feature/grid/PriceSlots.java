package com.marketpulse.feature.grid;

import java.nio.ByteBuffer;

/**
 * The grid price at the end of each 10-second slot over the last 18 minutes (the longest horizon, 15 minutes, is
 * sampled up to two minutes late): the last price known by then, carried forward through slots in which nothing
 * arrived. A horizon's return compares the price now with the price at the end of the slot that holds
 * {@code now - horizon}, so a "1-minute" return spans 50 to 60 seconds.
 *
 * <p>A silence longer than {@link #CARRY_LIMIT_SLOTS} slots is a data gap, not a flat market: a venue sends a minute
 * bar every minute and quotes every few seconds, so only an outage (or history met behind the live price) is that
 * quiet. The slots of a gap stay unknown, and a return reaching into it is unknown too, instead of hours of drift
 * reported as a move "in 1 min".
 */
final class PriceSlots {

    static final long SLOT_NANOS = 10_000_000_000L;
    static final int CAPACITY = 18 * 6 + 1;
    /** Five minutes: five missing minute bars in a row. */
    static final int CARRY_LIMIT_SLOTS = 5 * 6;

    private final double[] prices;
    private long head = Long.MIN_VALUE;

    private PriceSlots(double[] prices, long head) {
        this.prices = prices;
        this.head = head;
    }

    static PriceSlots fresh() {
        return new PriceSlots(new double[CAPACITY], Long.MIN_VALUE);
    }

    static long slotOf(long nanos) {
        return Math.floorDiv(nanos, SLOT_NANOS);
    }

    boolean isEmpty() {
        return head == Long.MIN_VALUE;
    }

    long head() {
        return head;
    }

    /**
     * Sets the price of the slot holding {@code nanos} (never earlier than the newest slot), carrying the previous
     * price through the slots skipped since, or leaving them unknown when they are a data gap.
     */
    void set(long nanos, double price) {
        long slot = slotOf(nanos);
        if (isEmpty()) {
            head = slot;
        } else if (slot > head) {
            double carried = slot - head > CARRY_LIMIT_SLOTS ? Double.NaN : prices[index(head)];
            long from = Math.max(head + 1, slot - CAPACITY + 1);
            for (long s = from; s < slot; s++) {
                prices[index(s)] = carried;
            }
            head = slot;
        }
        prices[index(head)] = price;
    }

    /**
     * The price at the end of the slot holding {@code nanos}; NaN if it is older than the ring, before the first or in
     * a data gap.
     */
    double at(long nanos) {
        long slot = slotOf(nanos);
        if (isEmpty() || slot > head || slot <= head - CAPACITY) {
            return Double.NaN;
        }
        return prices[index(slot)];
    }

    double latest() {
        return isEmpty() ? Double.NaN : prices[index(head)];
    }

    private static int index(long slot) {
        return (int) Math.floorMod(slot, (long) CAPACITY);
    }

    static final int BYTES = 8 + CAPACITY * 8;

    void writeTo(ByteBuffer out) {
        out.putLong(head);
        for (double price : prices) {
            out.putDouble(price);
        }
    }

    static PriceSlots readFrom(ByteBuffer in) {
        long head = in.getLong();
        double[] prices = new double[CAPACITY];
        for (int i = 0; i < CAPACITY; i++) {
            prices[i] = in.getDouble();
        }
        return new PriceSlots(prices, head);
    }
}
