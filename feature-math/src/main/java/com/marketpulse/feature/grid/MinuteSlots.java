package com.marketpulse.feature.grid;

import java.nio.ByteBuffer;

/**
 * Per-minute totals over the last 16 minutes: traded notional (quote currency) and realized variance of the grid
 * price. A minute's notional is the sum of its trades until the source's own bar for it arrives, which then
 * replaces it (a bar counts every trade of the venue, a correction replaces the bar again); its variance is the
 * larger of the summed squared 10-second returns and the bar's high-low (Parkinson) estimate.
 */
final class MinuteSlots {

    static final long MINUTE_NANOS = 60_000_000_000L;
    static final int CAPACITY = 16;
    private static final double NO_BAR = -1;

    private final double[] tradeNotional;
    private final double[] barNotional;
    private final double[] gridVariance;
    private final double[] barVariance;
    private final boolean[] seen;
    private long head;

    private MinuteSlots(double[] tradeNotional, double[] barNotional, double[] gridVariance, double[] barVariance,
                        boolean[] seen, long head) {
        this.tradeNotional = tradeNotional;
        this.barNotional = barNotional;
        this.gridVariance = gridVariance;
        this.barVariance = barVariance;
        this.seen = seen;
        this.head = head;
    }

    static MinuteSlots fresh() {
        double[] bars = new double[CAPACITY];
        java.util.Arrays.fill(bars, NO_BAR);
        return new MinuteSlots(new double[CAPACITY], bars, new double[CAPACITY], new double[CAPACITY],
                new boolean[CAPACITY], Long.MIN_VALUE);
    }

    static long minuteOf(long nanos) {
        return Math.floorDiv(nanos, MINUTE_NANOS);
    }

    long head() {
        return head;
    }

    boolean holds(long minute) {
        return head != Long.MIN_VALUE && minute <= head && minute > head - CAPACITY;
    }

    /** Makes {@code minute} the newest slot, clearing the slots it passes. Returns false if it is not newer. */
    boolean advanceTo(long minute) {
        if (head != Long.MIN_VALUE && minute <= head) {
            return false;
        }
        long from = head == Long.MIN_VALUE ? minute : Math.max(head + 1, minute - CAPACITY + 1);
        for (long m = from; m <= minute; m++) {
            int i = index(m);
            tradeNotional[i] = 0;
            barNotional[i] = NO_BAR;
            gridVariance[i] = 0;
            barVariance[i] = 0;
            seen[i] = false;
        }
        head = minute;
        return true;
    }

    void addTrade(long minute, double notional) {
        if (holds(minute)) {
            tradeNotional[index(minute)] += notional;
            seen[index(minute)] = true;
        }
    }

    void setBar(long minute, double notional, double barVariance) {
        if (holds(minute)) {
            int i = index(minute);
            barNotional[i] = notional;
            this.barVariance[i] = barVariance;
            seen[i] = true;
        }
    }

    void addVariance(long minute, double squaredReturn) {
        if (holds(minute)) {
            gridVariance[index(minute)] += squaredReturn;
            seen[index(minute)] = true;
        }
    }

    boolean seen(long minute) {
        return holds(minute) && seen[index(minute)];
    }

    double notional(long minute) {
        if (!holds(minute)) {
            return 0;
        }
        int i = index(minute);
        return barNotional[i] >= 0 ? barNotional[i] : tradeNotional[i];
    }

    double variance(long minute) {
        return holds(minute) ? Math.max(gridVariance[index(minute)], barVariance[index(minute)]) : 0;
    }

    /**
     * The total over the last {@code minutes} minutes before {@code nanos}: the current (partial) minute, the full
     * minutes before it, and the elapsed-fraction's complement of the oldest one.
     */
    double sum(long nanos, int minutes, boolean ofNotional) {
        long minute = minuteOf(nanos);
        double fraction = (double) Math.floorMod(nanos, MINUTE_NANOS) / MINUTE_NANOS;
        double total = value(minute, ofNotional);
        for (int k = 1; k < minutes; k++) {
            total += value(minute - k, ofNotional);
        }
        return total + (1 - fraction) * value(minute - minutes, ofNotional);
    }

    private double value(long minute, boolean ofNotional) {
        return ofNotional ? notional(minute) : variance(minute);
    }

    private static int index(long minute) {
        return (int) Math.floorMod(minute, (long) CAPACITY);
    }

    static final int BYTES = 8 + CAPACITY * (8 * 4 + 1);

    void writeTo(ByteBuffer out) {
        out.putLong(head);
        for (int i = 0; i < CAPACITY; i++) {
            out.putDouble(tradeNotional[i]).putDouble(barNotional[i]).putDouble(gridVariance[i]).putDouble(barVariance[i]).put((byte) (seen[i] ? 1 : 0));
        }
    }

    static MinuteSlots readFrom(ByteBuffer in) {
        long head = in.getLong();
        double[] trades = new double[CAPACITY];
        double[] bars = new double[CAPACITY];
        double[] gridVariance = new double[CAPACITY];
        double[] barVariance = new double[CAPACITY];
        boolean[] seen = new boolean[CAPACITY];
        for (int i = 0; i < CAPACITY; i++) {
            trades[i] = in.getDouble();
            bars[i] = in.getDouble();
            gridVariance[i] = in.getDouble();
            barVariance[i] = in.getDouble();
            seen[i] = in.get() == 1;
        }
        return new MinuteSlots(trades, bars, gridVariance, barVariance, seen, head);
    }
}
