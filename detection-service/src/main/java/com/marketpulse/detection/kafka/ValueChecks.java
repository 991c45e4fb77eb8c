package com.marketpulse.detection.kafka;

/**
 * Range checks of event values that JSON alone lets through (NaN, infinities, negative prices): such a record can
 * never be scored or stored sensibly, so it is a {@link RejectedRecordException} with reason {@code invalid}.
 */
public final class ValueChecks {

    static final int MAX_TEXT = 256;

    private ValueChecks() {
    }

    public static void positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new RejectedRecordException("invalid", name + " must be a positive finite number: " + value);
        }
    }

    public static void nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new RejectedRecordException("invalid", name + " must be a non-negative finite number: " + value);
        }
    }

    public static void finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new RejectedRecordException("invalid", name + " must be a finite number: " + value);
        }
    }

    /** Ids, symbols and run ids are short; a long one is no event of ours (and would bloat rows and logs). */
    public static void shortText(String name, String value) {
        if (value != null && value.length() > MAX_TEXT) {
            throw new RejectedRecordException("oversized", name + " of " + value.length() + " characters, more than "
                    + MAX_TEXT);
        }
    }

    public static void require(boolean condition, String message) {
        if (!condition) {
            throw new RejectedRecordException("invalid", message);
        }
    }
}
