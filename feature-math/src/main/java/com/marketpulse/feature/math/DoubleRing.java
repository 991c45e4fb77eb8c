package com.marketpulse.feature.math;

import java.nio.ByteBuffer;

/** The last {@code capacity} values in arrival order (index 0 is the oldest). */
final class DoubleRing {

    private final double[] values;
    private int oldest;
    private int size;

    DoubleRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.values = new double[capacity];
    }

    int capacity() {
        return values.length;
    }

    int size() {
        return size;
    }

    boolean isFull() {
        return size == values.length;
    }

    /** The value {@code i} places after the oldest one. */
    double get(int i) {
        return values[(oldest + i) % values.length];
    }

    double oldest() {
        return values[oldest];
    }

    /** Appends a value, dropping the oldest one when the ring is full. */
    void push(double value) {
        if (isFull()) {
            values[oldest] = value;
            oldest = (oldest + 1) % values.length;
        } else {
            values[(oldest + size) % values.length] = value;
            size++;
        }
    }

    int serializedSize() {
        return 8 + 8 * size;
    }

    /** Capacity, size, then the values oldest first (two bulk copies). */
    void writeTo(ByteBuffer out) {
        out.putInt(values.length).putInt(size);
        int firstRun = Math.min(size, values.length - oldest);
        out.asDoubleBuffer().put(values, oldest, firstRun).put(values, 0, size - firstRun);
        out.position(out.position() + 8 * size);
    }

    static DoubleRing readFrom(ByteBuffer in) {
        DoubleRing ring = new DoubleRing(in.getInt());
        ring.size = in.getInt();
        in.asDoubleBuffer().get(ring.values, 0, ring.size);
        in.position(in.position() + 8 * ring.size);
        return ring;
    }

    /** A ring of another capacity holding the newest values of this one. */
    DoubleRing resized(int capacity) {
        DoubleRing ring = new DoubleRing(capacity);
        for (int i = Math.max(0, size - capacity); i < size; i++) {
            ring.push(get(i));
        }
        return ring;
    }
}
