package com.marketpulse.feature.grid;

import java.nio.ByteBuffer;

/**
 * The grid price at the end of each 10-second slot over the last 18 minutes (the longest horizon, 15 minutes, is sampled up to two minutes late): the last price known by then, carried
 * forward through slots in which nothing arrived. A horizon's return compares the price now with the price at the
 * end of the slot that holds {@code now - horizon}, so a "1-minute" return spans 50 to 60 seconds.
 */
final class PriceSlots {

    static final long SLOT_NANOS = 10_000_000_000L;
    static final int CAPACITY = 18 * 6 + 1;

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
     * price through the slots skipped since.
     */
    void set(long nanos, double price) {
        long slot = slotOf(nanos);
        if (isEmpty()) {
            head = slot;
        } else if (slot > head) {
            double carried = prices[index(head)];
            long from = Math.max(head + 1, slot - CAPACITY + 1);
            for (long s = from; s < slot; s++) {
                prices[index(s)] = carried;
            }
            head = slot;
        }
        prices[index(head)] = price;
    }

    /** The price at the end of the slot holding {@code nanos}; NaN if it is older than the ring or before the first. */
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
