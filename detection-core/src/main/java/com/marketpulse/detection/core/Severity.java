package com.marketpulse.detection.core;

/**
 * The 0–100 severity of a finding, what a person feels: half of the rules' part is there as soon as a rule fires;
 * the rest grows on a log scale with the size of the move (half: from the minimum to 10× it), how unusual it is
 * (30 %: from the threshold to 10× it) and how fast (20 %: a one-minute move counts fully, a fifteen-minute one
 * 30 %). The Isolation Forest's score sets {@code forestShare} of the severity (0.45 or less counts nothing, 0.8
 * fully). With the default share of 25 %, a rule that just fires on a normal-looking step is MEDIUM (about 41-49),
 * a fast move five times the minimum and as unusual is HIGH, and CRITICAL needs the forest to agree. A deeper
 * fall within an episode is more severe, so the episode's alert is updated to it.
 */
public final class Severity {

    private static final double LOG10 = Math.log(10);

    private Severity() {
    }

    public static int of(Candidate candidate, double score, double forestShare) {
        double grows = 0.5 * unit(Math.log(candidate.materiality()) / LOG10)
                + 0.3 * unit(Math.log(candidate.unusualness()) / LOG10) + 0.2 * unit(candidate.speed());
        double rules = 0.5 + 0.5 * grows;
        double forest = unit((score - 0.45) / 0.35);
        long severity = Math.round(100 * ((1 - forestShare) * rules + forestShare * forest));
        return (int) Math.max(0, Math.min(100, severity));
    }

    private static double unit(double value) {
        return Double.isNaN(value) ? 0 : Math.max(0, Math.min(1, value));
    }
}
