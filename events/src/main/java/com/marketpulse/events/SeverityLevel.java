package com.marketpulse.events;

/** A coarse reading of an alert's 0–100 severity score. */
public enum SeverityLevel {
    LOW, MEDIUM, HIGH, CRITICAL;

    public static SeverityLevel of(int severity) {
        if (severity >= 85) {
            return CRITICAL;
        }
        if (severity >= 65) {
            return HIGH;
        }
        if (severity >= 40) {
            return MEDIUM;
        }
        return LOW;
    }
}
