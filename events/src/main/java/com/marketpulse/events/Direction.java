package com.marketpulse.events;

/** Which way the market moved during an anomaly. */
public enum Direction {
    UP, DOWN;

    public static Direction of(double signedMove) {
        return signedMove < 0 ? DOWN : UP;
    }
}
