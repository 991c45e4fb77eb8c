package com.marketpulse.detection.scoring;

/**
 * The 0–100 severity of a finding: 25 for a rule that just fired, up to 50 more as the rule's strength grows
 * from 1 to 3 (three times its threshold), and up to 25 more as the forest's score grows from 0.5 (normal) to
 * 0.8. A finding at the thresholds is LOW; a rule at twice its threshold with a convinced forest is HIGH.
 */
public final class Severity {

    private Severity() {
    }

    /**
     * @param strength the rule's feature over its threshold (at least 1 for a fired rule)
     * @param score    the forest's anomaly score in (0, 1]
     */
    public static int of(double strength, double score) {
        double rule = unit((strength - 1.0) / 2.0);
        double forest = unit((score - 0.5) / 0.3);
        long severity = Math.round(25.0 + 50.0 * rule + 25.0 * forest);
        return (int) Math.max(0, Math.min(100, severity));
    }

    private static double unit(double value) {
        if (Double.isNaN(value)) {
            return 0.0;
        }
        return Math.max(0.0, Math.min(1.0, value));
    }
}
